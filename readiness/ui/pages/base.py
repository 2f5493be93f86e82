"""What every wizard page and panel is given, and the small interface they share."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from readiness.core.assessment import Assessment
from readiness.core.content import Catalogs
from readiness.core.lang import Lang
from readiness.report.edition import Edition
from readiness.report.paper import plan_paper
from readiness.ui.brief_ahead import BriefAhead
from readiness.ui.render import PlanRenderer, PlanRequest
from readiness.ui.settings import Settings
from readiness.ui.state import AssessmentSession
from readiness.ui.view_options import ViewOptions


@dataclass(frozen=True)
class PageContext:
    session: AssessmentSession
    settings: Settings
    renderer: PlanRenderer
    view: ViewOptions
    ahead: BriefAhead
    """The brief of the current answers, rendered in the background."""

    @property
    def lang(self) -> Lang:
        """The window's language: the app's setting. The plan has its own (``plan_lang``)."""
        return self.settings.language

    @property
    def plan_lang(self) -> Lang:
        """The language the plan and its files are written in, chosen on the assessment's profile."""
        return self.session.assessment.language

    def plan_request(self, edition: Edition) -> PlanRequest:
        """The plan of the current answers, in the plan's language, on the paper and with the theme set."""
        session, settings = self.session, self.settings
        paper = plan_paper(settings.paper, session.assessment.profile.home_country)
        theme = str(settings.theme) if settings.theme else None
        return PlanRequest(session.assessment, session.content, self.plan_lang, paper, theme, edition, session.baseline)


class Panel(QWidget):
    """One part of a wizard page (a tab): questions, the gap register, channels, KPIs…

    Subclasses build their widgets in ``__init__`` from ``context`` and write every
    edit through ``context.session.update(...)`` or ``set_answer(...)``; ``refresh``
    re-reads the assessment when another panel changed what this one shows.
    """

    place_requested = Signal(str, int, str)
    """Show another place: a page's key, its tab (-1: as it is), and a question to bring into view ("": none)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        raise NotImplementedError

    @property
    def assessment(self) -> Assessment:
        return self.context.session.assessment

    @property
    def catalogs(self) -> Catalogs:
        return self.context.session.content.catalogs

    def bring_into_view(self, question: str) -> None:
        """Show one of the panel's questions; panels without questions have nothing to do."""

    def refresh(self) -> None:
        """Re-read the assessment; called when the panel is shown."""
