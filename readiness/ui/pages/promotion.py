"""Promote: the surfaces the business controls, and a live preview of the checklist they add to the plan."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from readiness.core.assessment import Assessment, PromotionChoice
from readiness.core.i18n import N_, _
from readiness.core.plan.model import PromotionChecklist
from readiness.core.plan.owners import owner_text
from readiness.ui.pages.base import PageContext, Panel
from readiness.ui.pages.formatting import format_date
from readiness.ui.pages.widgets import bare_column, split


class PromotionPanel(Panel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._remembered_owners: dict[str, str] = {}
        lang = context.lang
        self.surfaces = QListWidget()
        self.surfaces.setAccessibleName(_("&Where the business will promote its channels", lang).replace("&", ""))
        self.surfaces.setToolTip(
            _(
                "Tick every place the business controls where customers can learn that they can message it. Space "
                "ticks the selected surface.",
                lang,
            )
        )
        self.surfaces.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.surfaces.setWordWrap(True)  # long names wrap in the narrow column instead of scrolling sideways
        self.surfaces.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.owner = QLineEdit()
        self.owner.setAccessibleName(_("&Owner of the selected surface", lang).replace("&", ""))
        self.owner.setPlaceholderText(_("Name of the person in charge", lang))
        self.owner.setToolTip(_("Every task on this surface is assigned to this person in the plan.", lang))
        self.checklists: tuple[PromotionChecklist, ...] = ()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(_("Checklist &preview", lang).replace("&", ""))
        self.preview.setToolTip(
            _("The promotion tasks the plan will contain, per surface and channel, with owner and due date.", lang)
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._build_layout()
        self._fill_surfaces()
        self.surfaces.itemChanged.connect(self._surface_toggled)
        self.surfaces.currentItemChanged.connect(lambda *_: self._show_selected())
        self.owner.textEdited.connect(self._owner_edited)
        if self.surfaces.count():
            self.surfaces.setCurrentRow(0)
        self._show_selected()
        self.update_preview()

    def title(self) -> str:
        return _("Surfaces", self.context.lang)

    def refresh(self) -> None:
        chosen = self._chosen()
        self.surfaces.blockSignals(True)
        for row in range(self.surfaces.count()):
            item = self.surfaces.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.surfaces.blockSignals(False)
        self._show_selected()
        self.update_preview()

    def _build_layout(self) -> None:
        lang = self.context.lang
        surfaces_label = QLabel(_("&Where the business will promote its channels", lang))
        surfaces_label.setBuddy(self.surfaces)
        owner_label = QLabel(_("&Owner of the selected surface", lang))
        owner_label.setBuddy(self.owner)
        left, left_layout = bare_column()
        left_layout.addWidget(surfaces_label)
        left_layout.addWidget(self.surfaces, 1)
        left_layout.addWidget(self.description)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(owner_label, self.owner)
        left_layout.addLayout(form)

        preview_label = QLabel(_("Checklist &preview", lang))
        preview_label.setBuddy(self.preview)
        right, right_layout = bare_column()
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.summary)

        splitter = split(Qt.Orientation.Horizontal, left, right, (2, 5))
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _fill_surfaces(self) -> None:
        lang = self.context.lang
        chosen = self._chosen()
        for surface in self.context.session.content.catalogs.surfaces.values():
            item = QListWidgetItem(surface.name.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, surface.id)
            item.setToolTip(surface.description.get(lang))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if surface.id in chosen else Qt.CheckState.Unchecked)
            self.surfaces.addItem(item)

    def _chosen(self) -> dict[str, PromotionChoice]:
        return {c.surface: c for c in self.context.session.assessment.promotion}

    def _selected_surface(self) -> str | None:
        item = self.surfaces.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_selected(self) -> None:
        lang = self.context.lang
        surface_id = self._selected_surface()
        surface = self.context.session.content.catalogs.surfaces.get(surface_id or "")
        self.description.setText(surface.description.get(lang) if surface else "")
        choice = self._chosen().get(surface_id or "")
        self.owner.setEnabled(choice is not None)
        self.owner.setText(choice.owner if choice else self._remembered_owners.get(surface_id or "", ""))
        self.owner.setToolTip(
            _("Every task on this surface is assigned to this person in the plan.", lang)
            if choice
            else _("Tick the surface to give it an owner.", lang)
        )

    def _surface_toggled(self, item: QListWidgetItem) -> None:
        surface_id = str(item.data(Qt.ItemDataRole.UserRole))
        checked = item.checkState() == Qt.CheckState.Checked
        order = list(self.context.session.content.catalogs.surfaces)
        previous = self._chosen().get(surface_id)
        if previous is not None and not checked:
            self._remembered_owners[surface_id] = previous.owner
        added = PromotionChoice(surface=surface_id, owner=self._remembered_owners.get(surface_id, ""))

        def change(assessment: Assessment) -> Assessment:
            chosen = {c.surface: c for c in assessment.promotion}
            if checked:
                chosen.setdefault(surface_id, added)
            else:
                chosen.pop(surface_id, None)
            known = [chosen[s] for s in order if s in chosen]
            unknown = [c for s, c in chosen.items() if s not in order]
            return assessment.model_copy(update={"promotion": (*known, *unknown)})

        self.context.session.update(change)
        if self.surfaces.currentItem() is not item:
            self.surfaces.setCurrentItem(item)
        self._show_selected()
        self.update_preview()

    def _owner_edited(self, text: str) -> None:
        surface_id = self._selected_surface()
        if surface_id is None:
            return

        def change(assessment: Assessment) -> Assessment:
            promotion = tuple(
                c.model_copy(update={"owner": text}) if c.surface == surface_id else c for c in assessment.promotion
            )
            return assessment.model_copy(update={"promotion": promotion})

        self.context.session.update(change)
        self.update_preview()

    def update_preview(self) -> None:
        """Rebuild the checklist preview from the plan the current assessment produces."""
        from readiness.core.plan.builder import build_plan

        session = self.context.session
        self.checklists = build_plan(session.assessment, session.content).promotion
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(self._preview_html())
        self.preview.verticalScrollBar().setValue(scroll)
        self.summary.setText(self._summary(self.checklists))

    def _preview_html(self) -> str:
        lang = self.context.lang
        surfaces = self.context.session.content.catalogs.surfaces
        parts: list[str] = []
        for choice in self.context.session.assessment.promotion:
            surface = surfaces.get(choice.surface)
            parts.append(f"<h3>{escape(surface.name.get(lang) if surface else choice.surface)}</h3>")
            own = [c for c in self.checklists if c.surface == choice.surface]
            nothing = _("No tasks for the chosen channels and markets.", lang)
            parts += [self._checklist_html(c) for c in own] or [f"<p><i>{escape(nothing)}</i></p>"]
        if any(t.late_start for c in self.checklists for t in c.tasks):
            late = _("Its usual lead time is longer than the time left before launch: start at once.", lang)
            parts.append(f"<p>⚠ {escape(late)}</p>")
        return "".join(parts)

    def _checklist_html(self, checklist: PromotionChecklist) -> str:
        lang = self.context.lang
        shade = self.palette().color(QPalette.ColorRole.AlternateBase).name()
        head = "".join(
            f"<th align='left' width='{w}'>{escape(_(c, lang))}</th>"
            for c, w in ((N_("Task"), "58%"), (N_("Owner"), "27%"), (N_("Due"), "15%"))
        )
        rows = []
        for index, task in enumerate(checklist.tasks):
            due = format_date(lang, task.due) + (" ⚠" if task.late_start else "")
            colour = f" bgcolor='{shade}'" if index % 2 == 0 else ""
            rows.append(
                f"<tr{colour}><td>{escape(task.title)}</td><td>{escape(owner_text(task, lang))}</td>"
                f"<td>{escape(due)}</td></tr>"
            )
        return (
            f"<p style='margin-bottom:2px'><i>{escape(checklist.channel_name)}</i></p>"
            f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>"
        )

    def _summary(self, checklists: tuple[PromotionChecklist, ...]) -> str:
        lang = self.context.lang
        if not self.context.session.assessment.promotion:
            return _("Tick a surface to see the tasks it adds to the plan.", lang)
        tasks = sum(len(c.tasks) for c in checklists)
        surfaces = len(self.context.session.assessment.promotion)
        text = _("Tasks: {tasks} · Surfaces: {surfaces}", lang, tasks=tasks, surfaces=surfaces)
        if not self.context.session.assessment.channels:
            text += "\n" + _("No channels chosen yet: only the tasks common to every channel are shown.", lang)
        return text
