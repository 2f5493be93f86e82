"""The organisation profile: who the business is, where and whom it serves, how it is reached today, who takes part.

Every field is written at once. Input the assessment cannot take (an empty
name, a code that is not a country) is not written: the last valid value stays
and a hint beside the field says why.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Generic, TypeVar

from babel import Locale
from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimeZone, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from readiness.core.assessment import (
    Assessment,
    BusinessHours,
    ChannelUse,
    Participant,
    Profile,
    Size,
    TeamSizes,
)
from readiness.core.catalog import Audience
from readiness.core.content import Catalogs
from readiness.core.text import LANGUAGES, Lang
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.question_widgets import ChoiceBox, CountBox, OptionalDate, TimeBox
from readiness.ui.pages.widgets import name_input
from readiness.ui.text import Texts

TEXT = Texts(
    {
        "title": ("Profile", "Perfil"),
        "group.organisation": ("Organisation", "Organización"),
        "group.markets": ("Markets and audience", "Mercados y público"),
        "group.channels": ("Current contact channels", "Canales de contacto actuales"),
        "group.hours": ("Business hours", "Horario comercial"),
        "group.team": ("Team", "Equipo"),
        "group.people": ("Facilitator and participants", "Facilitación y participantes"),
        "organisation": ("Organisation &name:", "&Nombre de la organización:"),
        "industry": ("&Industry:", "&Sector:"),
        "industry.placeholder": ("e.g. home and kitchen retail", "p. ej., comercio de hogar y cocina"),
        "size": ("Si&ze:", "Ta&maño:"),
        "size.micro": ("Micro (1–9 people)", "Micro (1–9 personas)"),
        "size.small": ("Small (10–49 people)", "Pequeña (10–49 personas)"),
        "size.medium": ("Medium (50–249 people)", "Mediana (50–249 personas)"),
        "size.large": ("Large (250 people or more)", "Grande (250 personas o más)"),
        "language": ("Assessment &language:", "&Idioma de la evaluación:"),
        "language.tip": (
            "The language of the questions, the plan and this window",
            "El idioma de las preguntas, del plan y de esta ventana",
        ),
        "launch": ("Launch &date:", "Fec&ha de lanzamiento:"),
        "launch.none": ("No date yet", "Aún sin fecha"),
        "launch.tip": (
            "Plan tasks are dated from the launch date",
            "Las tareas del plan se fechan a partir de la fecha de lanzamiento",
        ),
        "countries": ("&Countries served:", "&Países atendidos:"),
        "countries.placeholder": ("ISO codes, e.g. MX, US", "Códigos ISO, p. ej., MX, US"),
        "countries.tip": (
            "Two-letter ISO country codes separated by commas; they decide which channels and rules apply",
            "Códigos ISO de país de dos letras separados por comas; deciden qué canales y normas se aplican",
        ),
        "home": ("&Home country:", "País de &origen:"),
        "home.placeholder": ("Where the business operates, e.g. MX", "Donde opera la empresa, p. ej., MX"),
        "audience": ("Audience:", "Público:"),
        "audience.b2c": ("C&onsumers (B2C)", "&Consumidores (B2C)"),
        "audience.b2b": ("&Businesses (B2B)", "&Empresas (B2B)"),
        "languages": ("Lan&guages served:", "Idiomas &atendidos:"),
        "languages.placeholder": ("Language codes, e.g. es, en", "Códigos de idioma, p. ej., es, en"),
        "days": ("Open on:", "Días de apertura:"),
        "opens": ("O&pens:", "A&bre a las:"),
        "closes": ("Clos&es:", "Cie&rra a las:"),
        "timezone": ("&Time zone:", "&Zona horaria:"),
        "day.mon": ("Mon", "Lun"),
        "day.tue": ("Tue", "Mar"),
        "day.wed": ("Wed", "Mié"),
        "day.thu": ("Thu", "Jue"),
        "day.fri": ("Fri", "Vie"),
        "day.sat": ("Sat", "Sáb"),
        "day.sun": ("Sun", "Dom"),
        "day.name": ("Open on {day}", "Abre el {day}"),
        "team.sales": ("&Sales:", "&Ventas:"),
        "team.support": ("S&upport:", "A&tención al cliente:"),
        "team.marketing": ("&Marketing:", "Mar&keting:"),
        "team.tip": ("People who talk to customers in this team", "Personas de este equipo que tratan con clientes"),
        "facilitator": ("&Facilitator:", "&Facilitador/a:"),
        "channels.intro": (
            "How customers reach the business today, with rough monthly volumes.",
            "Cómo contactan hoy los clientes con la empresa, con volúmenes mensuales aproximados.",
        ),
        "channels.channel": ("Channel", "Canal"),
        "channels.volume": ("Contacts per month", "Contactos al mes"),
        "channels.unknown": ("Unknown", "Desconocido"),
        "channels.add": ("&Add channel", "Añadir cana&l"),
        "channels.empty": ("No channels yet.", "Aún no hay canales."),
        "channel.name": ("Current channel {row}", "Canal actual {row}"),
        "volume.name": ("Contacts per month on channel {row}", "Contactos al mes en el canal {row}"),
        "channel.remove": ("Remove", "Quitar"),
        "channel.remove.name": ("Remove channel {row}", "Quitar el canal {row}"),
        "participants": ("Participants", "Participantes"),
        "participants.name": ("Name", "Nombre"),
        "participants.role": ("Role", "Cargo"),
        "participants.add": ("Add pa&rticipant", "Aña&dir participante"),
        "participants.empty": ("No participants yet.", "Aún no hay participantes."),
        "participant.name": ("Name of participant {row}", "Nombre del participante {row}"),
        "participant.role": ("Role of participant {row}", "Cargo del participante {row}"),
        "participant.remove": ("Remove", "Quitar"),
        "participant.remove.name": ("Remove participant {row}", "Quitar el participante {row}"),
        "hint.organisation": (
            "The organisation needs a name; “{kept}” is kept.",
            "La organización necesita un nombre; se conserva «{kept}».",
        ),
        "hint.countries": (
            "Not a country code: {codes}. Use two-letter ISO codes such as MX or US.",
            "No es un código de país: {codes}. Usar códigos ISO de dos letras, como MX o US.",
        ),
        "hint.home": (
            "Not a country code: {codes}. Use a two-letter ISO code such as MX.",
            "No es un código de país: {codes}. Usar un código ISO de dos letras, como MX.",
        ),
        "hint.one_home": ("Give one country only.", "Indicar un solo país."),
        "hint.languages": (
            "Not a language code: {codes}. Use codes such as es or en.",
            "No es un código de idioma: {codes}. Usar códigos como es o en.",
        ),
        "hint.timezone": (
            "Unknown time zone; pick one from the list, e.g. America/Mexico_City.",
            "Zona horaria desconocida; elegir una de la lista, p. ej., America/Mexico_City.",
        ),
        "hint.duplicate_channel": (
            "{channel} is listed twice; the list is saved once each channel appears only once.",
            "{channel} aparece dos veces; la lista se guarda cuando cada canal aparece una sola vez.",
        ),
        "hint.nameless": (
            "A participant without a name is not saved.",
            "Un participante sin nombre no se guarda.",
        ),
        "hint.invalid": ("Not saved: {problem}", "No se guarda: {problem}"),
    }
)

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LANGUAGE_NAMES = {Lang.EN: "English", Lang.ES: "Español"}
MAX_PEOPLE = 1_000_000
MAX_VOLUME = 100_000_000
_SEPARATORS = re.compile(r"[\s,;]+")


def split_codes(text: str) -> list[str]:
    """The codes in a comma- or space-separated line, in order, once each."""
    return list(dict.fromkeys(code for code in _SEPARATORS.split(text.strip()) if code))


@cache
def _territories() -> frozenset[str]:
    codes = (code for code in Locale("en").territories if isinstance(code, str))
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha() and code != "ZZ")


@cache
def _languages() -> frozenset[str]:
    codes = (code for code in Locale("en").languages if isinstance(code, str))
    return frozenset(code for code in codes if code.isalpha() and 2 <= len(code) <= 3)


def bad_countries(codes: Sequence[str]) -> list[str]:
    """Codes that are not ISO 3166-1 alpha-2 countries (upper case, as the assessment stores them)."""
    return [code for code in codes if code not in _territories()]


def country_names(codes: Sequence[str], lang: Lang) -> str:
    names = Locale(lang.value).territories
    return ", ".join(names.get(code, code) for code in codes)


def language_names(codes: Sequence[str], lang: Lang) -> str:
    names = Locale(lang.value).languages
    return ", ".join(names.get(code, code) for code in codes)


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted({bytes(zone.data()).decode() for zone in QTimeZone.availableTimeZoneIds()} | {"UTC"}))


def _validation_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


class Hint(QLabel):
    """A red line under a field saying why the input was not saved; hidden when all is well."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.field.setAccessibleDescription(text)
        self.show()

    def clear_problem(self) -> None:
        if not self.isHidden():
            self.clear()
            self.field.setAccessibleDescription("")
            self.hide()


class Preview(QLabel):
    """A small line under a code field naming what the codes mean (Mexico, United States)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hide()

    def show_names(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def _field_with(widget: QWidget, *below: QLabel) -> QWidget:
    """A field and the hint and preview lines under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    for label in below:
        column.addWidget(label)
    return cell


def _add_row(form: QFormLayout, label_text: str, field: QWidget, cell: QWidget | None = None) -> QLabel:
    label = QLabel(label_text)
    label.setBuddy(field)
    form.addRow(label, cell or field)
    return label


class RowGrid:
    """The grid of an editable list: a header line, one line of widgets per row, "none yet" when empty."""

    def __init__(self, owner: QWidget, headers: Sequence[str], empty_text: str) -> None:
        self.grid = QGridLayout(owner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.headers = [QLabel(f"<b>{html.escape(header)}</b>") for header in headers]
        for column in range(len(headers)):
            self.grid.setColumnStretch(column, 1)
        self.empty = QLabel(empty_text)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def lay_out(self, rows: Sequence[Sequence[QWidget]]) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        for index, row in enumerate(rows, start=1):
            for column, widget in enumerate(row):
                self.grid.addWidget(widget, index, column)
                widget.show()  # at once, so a new row can take focus
        self.grid.addWidget(self.empty, len(rows) + 1, 0, 1, len(self.headers) + 1)
        self.empty.setVisible(not rows)


def _discard(widgets: Sequence[QWidget]) -> None:
    for widget in widgets:
        widget.hide()
        widget.deleteLater()


RowT = TypeVar("RowT", bound=tuple[QWidget, ...])


class EditableRows(QWidget, Generic[RowT]):
    """An editable list laid out on a RowGrid: rows of widgets, each row removable, the first widget focused."""

    changed = Signal()

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[RowT] = []

    def _replace_rows(self, rows: Sequence[RowT]) -> None:
        for row in self.rows:
            _discard(row)
        self.rows = list(rows)
        self._lay_out()

    def _append(self, row: RowT) -> None:
        self.rows.append(row)
        self._lay_out()
        row[0].setFocus()
        self.changed.emit()

    def _remove(self, row: RowT) -> None:
        index = self.rows.index(row)
        self.rows.pop(index)
        _discard(row)
        self._lay_out()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][0].setFocus()
        self.changed.emit()

    def _lay_out(self) -> None:
        raise NotImplementedError


class ChannelRows(EditableRows[tuple[ChoiceBox, CountBox, QPushButton]]):
    """The current contact channels: a channel and its monthly volume per row, each row removable."""

    def __init__(self, catalogs: Catalogs, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.choices = sorted(
            ((channel.id, channel.name.get(lang)) for channel in catalogs.channels.values()),
            key=lambda pair: pair[1].casefold(),
        )
        headers = (TEXT("channels.channel", lang), TEXT("channels.volume", lang))
        self.grid = RowGrid(self, headers, TEXT("channels.empty", lang))
        self.grid.grid.setColumnStretch(1, 0)

    def uses(self) -> list[ChannelUse]:
        return [ChannelUse(channel=box.currentData(), monthly_volume=volume.count()) for box, volume, _ in self.rows]

    def channel_name(self, channel_id: str) -> str:
        return next((name for cid, name in self.choices if cid == channel_id), channel_id)

    def set_uses(self, uses: Sequence[ChannelUse]) -> None:
        self._replace_rows([self._row(use) for use in uses])

    def add(self) -> None:
        taken = {box.currentData() for box, _, _ in self.rows}
        free = next((cid for cid, _ in self.choices if cid not in taken), self.choices[0][0])
        self._append(self._row(ChannelUse(channel=free)))

    def _row(self, use: ChannelUse) -> tuple[ChoiceBox, CountBox, QPushButton]:
        box = ChoiceBox()
        for channel_id, name in self.choices:
            box.addItem(name, channel_id)
        if box.findData(use.channel) < 0:  # a channel no longer in the catalogs stays as it was
            box.addItem(use.channel, use.channel)
        box.setCurrentIndex(box.findData(use.channel))
        volume = CountBox(MAX_VOLUME, TEXT("channels.unknown", self.lang))
        volume.set_count(use.monthly_volume)
        remove = QPushButton(TEXT("channel.remove", self.lang))
        row = (box, volume, remove)
        box.currentIndexChanged.connect(self.changed)
        volume.valueChanged.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(row))
        return row

    def _lay_out(self) -> None:
        for index, (box, volume, remove) in enumerate(self.rows, start=1):
            box.setAccessibleName(TEXT("channel.name", self.lang, row=index))
            name_input(volume, TEXT("volume.name", self.lang, row=index))
            remove.setAccessibleName(TEXT("channel.remove.name", self.lang, row=index))
        self.grid.lay_out(self.rows)


class ParticipantRows(EditableRows[tuple[QLineEdit, QLineEdit, QPushButton]]):
    """The participants: a name and a role per row, each row removable; rows without a name are not saved."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        headers = (TEXT("participants.name", lang), TEXT("participants.role", lang))
        self.grid = RowGrid(self, headers, TEXT("participants.empty", lang))

    def participants(self) -> list[Participant]:
        return [
            Participant(name=name.text().strip(), role=role.text().strip())
            for name, role, _ in self.rows
            if name.text().strip()
        ]

    def has_nameless(self) -> bool:
        return any(not name.text().strip() for name, _, _ in self.rows)

    def set_participants(self, participants: Sequence[Participant]) -> None:
        self._replace_rows([self._row(participant.name, participant.role) for participant in participants])

    def add(self) -> None:
        self._append(self._row("", ""))

    def _row(self, name_text: str, role_text: str) -> tuple[QLineEdit, QLineEdit, QPushButton]:
        name, role = QLineEdit(name_text), QLineEdit(role_text)
        name.setPlaceholderText(TEXT("participants.name", self.lang))
        role.setPlaceholderText(TEXT("participants.role", self.lang))
        remove = QPushButton(TEXT("participant.remove", self.lang))
        row = (name, role, remove)
        name.textEdited.connect(self.changed)
        role.textEdited.connect(self.changed)
        remove.clicked.connect(lambda: self._remove(row))
        return row

    def _lay_out(self) -> None:
        for index, (name, role, remove) in enumerate(self.rows, start=1):
            name_input(name, TEXT("participant.name", self.lang, row=index))
            name_input(role, TEXT("participant.role", self.lang, row=index))
            remove.setAccessibleName(TEXT("participant.remove.name", self.lang, row=index))
        self.grid.lay_out(self.rows)


class ProfilePanel(Panel):
    """The organisation profile, written field by field."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._loading = False
        self.lang = context.lang
        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self._organisation_group(), 0, 0)
        grid.addWidget(self._markets_group(), 1, 0)
        grid.addWidget(self._hours_group(), 2, 0)
        grid.addWidget(self._team_group(), 3, 0)
        grid.addWidget(self._channels_group(), 0, 1, 2, 1)
        grid.addWidget(self._people_group(), 2, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()
        self._default_facilitator()

    def title(self) -> str:
        return TEXT("title", self.lang)

    # Building

    def _group(self, key: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(TEXT(key, self.lang))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _name(self, label_key: str) -> str:
        """A field's accessible name: its label without the mnemonic and the colon."""
        return TEXT(label_key, self.lang).replace("&", "").rstrip(":")

    def _line(self, label_key: str, placeholder_key: str | None = None) -> QLineEdit:
        line = QLineEdit()
        name_input(line, self._name(label_key))
        if placeholder_key:
            line.setPlaceholderText(TEXT(placeholder_key, self.lang))
        return line

    def _organisation_group(self) -> QGroupBox:
        group, form = self._group("group.organisation")
        self.organisation = self._line("organisation")
        self.organisation_hint = Hint(self.organisation)
        self.organisation.textEdited.connect(self._organisation_edited)
        _add_row(
            form,
            TEXT("organisation", self.lang),
            self.organisation,
            _field_with(self.organisation, self.organisation_hint),
        )
        self.industry = self._line("industry", "industry.placeholder")
        self.industry.textEdited.connect(lambda text: self._write_profile(industry=text.strip()))
        _add_row(form, TEXT("industry", self.lang), self.industry)
        self.size_box = ChoiceBox()
        for size in Size:
            self.size_box.addItem(TEXT(f"size.{size.value}", self.lang), size.value)
        name_input(self.size_box, self._name("size"))
        self.size_box.currentIndexChanged.connect(lambda _: self._write_profile(size=Size(self.size_box.currentData())))
        _add_row(form, TEXT("size", self.lang), self.size_box)
        self.language = ChoiceBox()
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang.value)
        name_input(self.language, self._name("language"))
        self.language.setToolTip(TEXT("language.tip", self.lang))
        self.language.currentIndexChanged.connect(self._language_chosen)
        _add_row(form, TEXT("language", self.lang), self.language)
        self.launch = OptionalDate(self._name("launch"), TEXT("launch.none", self.lang), self.lang)
        self.launch.setToolTip(TEXT("launch.tip", self.lang))
        self.launch.changed.connect(lambda: self._write_profile(launch_date=self.launch.value()))
        _add_row(form, TEXT("launch", self.lang), self.launch.date_box, self.launch)
        return group

    def _markets_group(self) -> QGroupBox:
        group, form = self._group("group.markets")
        self.countries = self._line("countries", "countries.placeholder")
        self.countries.setToolTip(TEXT("countries.tip", self.lang))
        self.countries_hint, self.countries_preview = Hint(self.countries), Preview()
        self.countries.textEdited.connect(self._countries_edited)
        _add_row(
            form,
            TEXT("countries", self.lang),
            self.countries,
            _field_with(self.countries, self.countries_hint, self.countries_preview),
        )
        self.home = self._line("home", "home.placeholder")
        self.home_hint, self.home_preview = Hint(self.home), Preview()
        self.home.textEdited.connect(self._home_edited)
        _add_row(form, TEXT("home", self.lang), self.home, _field_with(self.home, self.home_hint, self.home_preview))
        self.audience = {
            Audience.B2C: QCheckBox(TEXT("audience.b2c", self.lang)),
            Audience.B2B: QCheckBox(TEXT("audience.b2b", self.lang)),
        }
        row = QWidget()
        boxes = QHBoxLayout(row)
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in self.audience.values():
            box.toggled.connect(self._audience_toggled)
            boxes.addWidget(box)
        boxes.addStretch(1)
        form.addRow(TEXT("audience", self.lang), row)
        self.languages = self._line("languages", "languages.placeholder")
        self.languages_hint, self.languages_preview = Hint(self.languages), Preview()
        self.languages.textEdited.connect(self._languages_edited)
        _add_row(
            form,
            TEXT("languages", self.lang),
            self.languages,
            _field_with(self.languages, self.languages_hint, self.languages_preview),
        )
        return group

    def _hours_group(self) -> QGroupBox:
        group, form = self._group("group.hours")
        self.days = {day: QCheckBox(TEXT(f"day.{day}", self.lang)) for day in DAYS}
        row = QWidget()
        boxes = QHBoxLayout(row)
        boxes.setContentsMargins(0, 0, 0, 0)
        for day, box in self.days.items():
            box.setAccessibleName(TEXT("day.name", self.lang, day=TEXT(f"day.{day}", self.lang)))
            box.toggled.connect(self._hours_changed)
            boxes.addWidget(box)
        boxes.addStretch(1)
        form.addRow(TEXT("days", self.lang), row)
        self.opens, self.closes = TimeBox(), TimeBox()
        times = QWidget()
        line = QHBoxLayout(times)
        line.setContentsMargins(0, 0, 0, 0)
        for key, time_box in (("opens", self.opens), ("closes", self.closes)):
            name_input(time_box, self._name(key))
            time_box.timeChanged.connect(self._hours_changed)
            label = QLabel(TEXT(key, self.lang))
            label.setBuddy(time_box)
            line.addWidget(label)
            line.addWidget(time_box)
        line.addStretch(1)
        form.addRow(times)
        self.timezone = ChoiceBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(list(time_zones()))
        completer = QCompleter(list(time_zones()), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        name_input(self.timezone, self._name("timezone"))
        self.timezone_hint = Hint(self.timezone)
        self.timezone.currentTextChanged.connect(self._hours_changed)
        _add_row(form, TEXT("timezone", self.lang), self.timezone, _field_with(self.timezone, self.timezone_hint))
        return group

    def _team_group(self) -> QGroupBox:
        group, form = self._group("group.team")
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.team: dict[str, CountBox] = {}
        for role in ("sales", "support", "marketing"):
            box = CountBox(MAX_PEOPLE)
            name_input(box, self._name(f"team.{role}"))
            box.setToolTip(TEXT("team.tip", self.lang))
            box.valueChanged.connect(self._team_changed)
            self.team[role] = box
            _add_row(form, TEXT(f"team.{role}", self.lang), box)
        return group

    def _channels_group(self) -> QGroupBox:
        group = QGroupBox(TEXT("group.channels", self.lang))
        column = QVBoxLayout(group)
        intro = QLabel(TEXT("channels.intro", self.lang))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.channel_rows = ChannelRows(self.context.session.content.catalogs, self.lang)
        self.channel_rows.changed.connect(self._channels_changed)
        column.addWidget(self.channel_rows)
        self.channels_hint = Hint(self.channel_rows)
        column.addWidget(self.channels_hint)
        add = QPushButton(TEXT("channels.add", self.lang))
        add.clicked.connect(self.channel_rows.add)
        self.add_channel = add
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return group

    def _people_group(self) -> QGroupBox:
        group = QGroupBox(TEXT("group.people", self.lang))
        column = QVBoxLayout(group)
        form = QFormLayout()
        self.facilitator = self._line("facilitator")
        self.facilitator.textEdited.connect(lambda text: self._write_profile(facilitator=text.strip()))
        _add_row(form, TEXT("facilitator", self.lang), self.facilitator)
        column.addLayout(form)
        column.addWidget(QLabel(f"<b>{TEXT('participants', self.lang)}</b>"))
        self.participant_rows = ParticipantRows(self.lang)
        self.participant_rows.changed.connect(self._participants_changed)
        column.addWidget(self.participant_rows)
        self.participants_hint = Hint(self.participant_rows)
        column.addWidget(self.participants_hint)
        add = QPushButton(TEXT("participants.add", self.lang))
        add.clicked.connect(self.participant_rows.add)
        self.add_participant = add
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return group

    # Reading

    def refresh(self) -> None:
        assessment = self.context.session.assessment
        profile = assessment.profile
        self._loading = True
        try:
            _set_text(self.organisation, profile.organisation)
            _set_text(self.industry, profile.industry)
            self.size_box.setCurrentIndex(self.size_box.findData(profile.size.value))
            self.language.setCurrentIndex(self.language.findData(assessment.language.value))
            self.launch.set_value(profile.launch_date)
            _set_text(self.countries, ", ".join(profile.countries))
            _set_text(self.home, profile.home_country or "")
            for audience, box in self.audience.items():
                box.setChecked(audience in profile.audience)
            _set_text(self.languages, ", ".join(str(code) for code in profile.languages))
            self._show_hours(profile.business_hours)
            for role, count in self.team.items():
                count.setValue(getattr(profile.team, role))
            _set_text(self.facilitator, profile.facilitator)
            self.channel_rows.set_uses(profile.current_channels)
            self.participant_rows.set_participants(profile.participants)
        finally:
            self._loading = False
        for hint in self.findChildren(Hint):
            hint.clear_problem()
        self._show_previews(profile)

    def _show_hours(self, hours: BusinessHours) -> None:
        for day, box in self.days.items():
            box.setChecked(day in hours.days)
        self.opens.set_time_of_day(hours.opens)
        self.closes.set_time_of_day(hours.closes)
        self.timezone.setCurrentText(hours.timezone)

    def _show_previews(self, profile: Profile) -> None:
        self.countries_preview.show_names(country_names(profile.countries, self.lang))
        self.home_preview.show_names(country_names([profile.home_country], self.lang) if profile.home_country else "")
        self.languages_preview.show_names(language_names([str(code) for code in profile.languages], self.lang))

    def _default_facilitator(self) -> None:
        """An assessment without a facilitator takes the one named in the settings."""
        name = self.context.settings.facilitator.strip()
        if name and not self.context.session.assessment.profile.facilitator:
            self.facilitator.setText(name)
            self._write_profile(facilitator=name)

    # Writing

    def _write(self, change: Callable[[Assessment], Assessment], hint: Hint | None = None) -> bool:
        """Apply one change; if the assessment refuses it, keep the last valid one and say why."""
        if self._loading:
            return False
        try:
            self.context.session.update(change)
        except ValidationError as error:
            if hint is not None:
                hint.show_problem(TEXT("hint.invalid", self.lang, problem=_validation_problem(error)))
            return False
        if hint is not None:
            hint.clear_problem()
        return True

    def _write_profile(self, hint: Hint | None = None, **changes: object) -> bool:
        return self._write(lambda a: a.model_copy(update={"profile": a.profile.model_copy(update=changes)}), hint)

    def _organisation_edited(self, text: str) -> None:
        name = text.strip()
        if not name:
            kept = self.context.session.assessment.profile.organisation
            self.organisation_hint.show_problem(TEXT("hint.organisation", self.lang, kept=kept))
            return
        self._write_profile(self.organisation_hint, organisation=name)

    def _language_chosen(self, _index: int) -> None:
        lang = Lang(self.language.currentData())
        if lang is not self.context.session.assessment.language:
            self._write(lambda a: a.model_copy(update={"language": lang}))

    def _countries_edited(self, text: str) -> None:
        codes = [code.upper() for code in split_codes(text)]
        bad = bad_countries(codes)
        if bad:
            self.countries_hint.show_problem(TEXT("hint.countries", self.lang, codes=", ".join(bad)))
            return
        if self._write_profile(self.countries_hint, countries=tuple(codes)):
            self.countries_preview.show_names(country_names(codes, self.lang))

    def _home_edited(self, text: str) -> None:
        codes = [code.upper() for code in split_codes(text)]
        if len(codes) > 1:
            self.home_hint.show_problem(TEXT("hint.one_home", self.lang))
            return
        bad = bad_countries(codes)
        if bad:
            self.home_hint.show_problem(TEXT("hint.home", self.lang, codes=", ".join(bad)))
            return
        if self._write_profile(self.home_hint, home_country=codes[0] if codes else None):
            self.home_preview.show_names(country_names(codes, self.lang))

    def _languages_edited(self, text: str) -> None:
        codes = [code.lower() for code in split_codes(text)]
        bad = [code for code in codes if code not in _languages()]
        if bad:
            self.languages_hint.show_problem(TEXT("hint.languages", self.lang, codes=", ".join(bad)))
            return
        if self._write_profile(self.languages_hint, languages=tuple(codes)):
            self.languages_preview.show_names(language_names(codes, self.lang))

    def _audience_toggled(self, _checked: bool) -> None:
        chosen = tuple(audience for audience, box in self.audience.items() if box.isChecked())
        self._write_profile(audience=chosen)

    def _hours_changed(self) -> None:
        if self._loading:
            return
        zone = self.timezone.currentText().strip()
        if zone not in time_zones():
            self.timezone_hint.show_problem(TEXT("hint.timezone", self.lang))
            return
        days = [day for day, box in self.days.items() if box.isChecked()]
        hours = BusinessHours.model_validate(
            {"days": days, "opens": self.opens.time_of_day(), "closes": self.closes.time_of_day(), "timezone": zone}
        )
        self._write_profile(self.timezone_hint, business_hours=hours)

    def _team_changed(self) -> None:
        sizes = TeamSizes(**{role: box.value() for role, box in self.team.items()})
        self._write_profile(team=sizes)

    def _channels_changed(self) -> None:
        uses = self.channel_rows.uses()
        ids = [use.channel for use in uses]
        twice = next((cid for cid in ids if ids.count(cid) > 1), None)
        if twice is not None:
            name = self.channel_rows.channel_name(twice)
            self.channels_hint.show_problem(TEXT("hint.duplicate_channel", self.lang, channel=name))
            return
        self._write_profile(self.channels_hint, current_channels=tuple(uses))

    def _participants_changed(self) -> None:
        if self.participant_rows.has_nameless():
            self.participants_hint.show_problem(TEXT("hint.nameless", self.lang))
        else:
            self.participants_hint.clear_problem()
        self._write_profile(participants=tuple(self.participant_rows.participants()))


def _set_text(line: QLineEdit, text: str) -> None:
    """Show a value without moving the cursor when the field already holds it."""
    if line.text() != text:
        line.setText(text)
        line.setCursorPosition(0)
