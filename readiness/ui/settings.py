"""The app's settings, typed, over QSettings: language, library, paper, theme, facilitator, how the window shows
things (client or facilitator view, zoom, contrast), window geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

from readiness.core.i18n import matching_language
from readiness.core.lang import Lang
from readiness.report.paper import Paper

RECENT_KEPT = 10
"""Recent assessments remembered, over every library."""
ORGANISATION = "Readiness"
APPLICATION = "Readiness"


def system_language() -> Lang:
    return matching_language(QLocale.system().name()) or Lang.EN


class Settings:
    """Reads and writes one QSettings store; tests hand it a store of their own."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    @property
    def language(self) -> Lang:
        value = str(self._store.value("language", "") or "")
        return Lang(value) if value in {lang.value for lang in Lang} else system_language()

    @language.setter
    def language(self, lang: Lang) -> None:
        self._store.setValue("language", lang.value)

    @property
    def library(self) -> str:
        """A library path or URL; empty for the default library in the user's data folder."""
        return str(self._store.value("library", "") or "")

    @library.setter
    def library(self, value: str) -> None:
        self._store.setValue("library", value)

    @property
    def paper(self) -> Paper | None:
        """The paper every plan prints on; None (the default) follows each business's home country."""
        value = str(self._store.value("paper", "") or "")
        return Paper(value) if value in {p.value for p in Paper} else None

    @paper.setter
    def paper(self, paper: Paper | None) -> None:
        self._store.setValue("paper", paper.value if paper else "")

    @property
    def theme(self) -> Path | None:
        value = str(self._store.value("theme", "") or "")
        return Path(value) if value else None

    @theme.setter
    def theme(self, path: Path | None) -> None:
        self._store.setValue("theme", str(path) if path else "")

    @property
    def facilitator(self) -> str:
        return str(self._store.value("facilitator", "") or "")

    @facilitator.setter
    def facilitator(self, name: str) -> None:
        self._store.setValue("facilitator", name)

    def recent(self, library: str) -> list[tuple[int, str]]:
        """The assessments opened last in ``library``, newest first: (id, organisation)."""
        found = []
        for entry in self._recent_entries():
            place, _tab, rest = entry.partition("\t")
            number, _tab, organisation = rest.partition("\t")
            if place == library and number.isdigit():
                found.append((int(number), organisation))
        return found

    def remember_recent(self, library: str, assessment_id: int, organisation: str) -> None:
        kept = [e for e in self._recent_entries() if not e.startswith(f"{library}\t{assessment_id}\t")]
        self._store.setValue("recent", [f"{library}\t{assessment_id}\t{organisation}", *kept][:RECENT_KEPT])

    def forget_recent(self, library: str, assessment_id: int) -> None:
        kept = [e for e in self._recent_entries() if not e.startswith(f"{library}\t{assessment_id}\t")]
        self._store.setValue("recent", kept)

    def _recent_entries(self) -> list[str]:
        value = self._store.value("recent", [])
        entries = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(entry) for entry in entries if entry]

    def save_folder(self, kind: str) -> Path:
        """Where the last file of this kind (pdf, csv, ics, exchange) was saved; at first the Documents folder, or
        the home folder on a system that has none (never the folder the app happened to be started from)."""
        value = str(self._store.value(f"folders/{kind}", "") or "")
        if value and Path(value).is_dir():
            return Path(value)
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        return documents if documents.is_dir() else Path.home()

    def set_save_folder(self, kind: str, folder: Path) -> None:
        self._store.setValue(f"folders/{kind}", str(folder))

    @property
    def client_view(self) -> bool:
        """Facilitator notes, evidence prompts, sources and formulas hidden. Until chosen: on, unless the user
        named themselves as a facilitator (a consultant)."""
        value = self._store.value("view/client")
        return not self.facilitator if value is None else str(value).lower() in ("true", "1")

    @client_view.setter
    def client_view(self, on: bool) -> None:
        self._store.setValue("view/client", on)

    def client_view_of(self, library: str, assessment_id: int) -> bool | None:
        """The view last used with this assessment (None: never chosen for it)."""
        value = self._store.value(_assessment_key(library, assessment_id, "client"))
        return None if value is None else str(value).lower() in ("true", "1")

    def set_client_view_of(self, library: str, assessment_id: int, on: bool) -> None:
        self._store.setValue(_assessment_key(library, assessment_id, "client"), on)

    @property
    def zoom(self) -> int:
        """The window's text size, in percent of the system's."""
        try:
            return int(str(self._store.value("view/zoom", 100)))
        except ValueError:
            return 100

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self._store.setValue("view/zoom", percent)

    @property
    def high_contrast(self) -> bool:
        return str(self._store.value("view/high_contrast", False)).lower() in ("true", "1")

    @high_contrast.setter
    def high_contrast(self, on: bool) -> None:
        self._store.setValue("view/high_contrast", on)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    def sync(self) -> None:
        self._store.sync()


def _assessment_key(library: str, assessment_id: int, name: str) -> str:
    """A settings key of one assessment in one library (the location hashed: it may hold slashes and colons)."""
    import hashlib  # OpenSSL's hashes load when an assessment opens, not while the window starts

    digest = hashlib.sha256(f"{library}\t{assessment_id}".encode()).hexdigest()[:16]
    return f"assessments/{digest}/{name}"
