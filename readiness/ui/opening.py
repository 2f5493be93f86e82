"""Starting work on an assessment: a new one, a sample, a re-assessment, one from the library or from File >
Open recent. Each is read or created on the library's lane, then opened in the wizard by the window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from readiness.core import clock
from readiness.core.i18n import _, ngettext
from readiness.ui.messages import ask_yes, show_error
from readiness.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from sqlmodel import Session

    from readiness.core.assessment import Assessment
    from readiness.store import StoredAssessment
    from readiness.ui.jobs import Failed
    from readiness.ui.wizard import WizardView


class AssessmentOpening(WindowMenus):
    """A part of the main window: the window provides the fields named here and opens what these find."""

    wizard: WizardView | None

    def _opened(self, assessment_id: int, stored: StoredAssessment) -> None:
        raise NotImplementedError

    def _created(
        self, assessment_id: int, assessment: Assessment, page: str, baseline: Assessment | None = None
    ) -> None:
        """Open an assessment just stored: at its first revision."""
        from readiness.store import StoredAssessment

        self._opened(assessment_id, StoredAssessment(assessment, 1, page, baseline))

    def new_assessment(self) -> None:
        if self.service is None or self.content is None:
            return
        from readiness.core.assessment import Assessment, BusinessHours, Profile
        from readiness.ui.pages.pickers import system_zone

        label = _("Organisation name:", self.lang)
        while True:  # an empty name asks again, saying why, instead of silently doing nothing
            name = self._ask_name(label)
            if name is None:
                return
            if name.strip():
                break
            label = _("The assessment needs the organisation's name. Organisation name:", self.lang)
        questionnaire = max(self.content.questionnaires.values(), key=lambda q: (q.id == "readiness-core", q.version))
        assessment = Assessment(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language=self.lang,
            created=clock.today(),
            profile=Profile(
                organisation=name.strip(),
                facilitator=self.settings.facilitator,
                business_hours=BusinessHours(timezone=system_zone()),
            ),
        )
        self._create_and_open(assessment)

    def _ask_name(self, label: str) -> str | None:
        """The name typed, or None if cancelled; the dialog is wide enough for a long name and for its title,
        which a window manager would otherwise cut ("New a…sment")."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit  # here, not at start-up: see messages.py

        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("New assessment", self.lang))
        dialog.setLabelText(label)
        field = dialog.findChild(QLineEdit)
        if field is not None:  # the dialog's layout sizes it to its widgets, so widen the field, not the dialog
            field.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 28)
        return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None

    def open_sample(self, profile: str) -> None:
        """A copy of a shipped sample assessment, in the window's language, added to the library and opened."""
        from readiness.core.samples import load_sample
        from readiness.resources import questionnaires
        from readiness.store import create_assessment

        content, lang = self.content, self.lang
        if self.service is None or content is None:
            return

        def job(session: Session) -> tuple[int, Assessment]:
            sample = load_sample(profile, lang, content, questionnaires())
            named = _("{organisation} (sample)", lang, organisation=sample.profile.organisation)
            copy = sample.model_copy(update={"profile": sample.profile.model_copy(update={"organisation": named})})
            return create_assessment(session=session, assessment=copy, content=content), copy

        self.service.submit(job, lambda result: self._created(result[0], result[1], "overview"))

    def open_recent(self, assessment_id: int) -> None:
        """Open an assessment from File > Open recent; one deleted since is forgotten, and the user told so."""
        location = self.library_location

        def gone(message: str) -> None:
            self.settings.forget_recent(location, assessment_id)
            show_error(self, message)

        self.open_assessment(assessment_id, gone)

    def duplicate_assessment(self, assessment_id: int) -> None:
        """Re-assess: a copy of the assessment, dated today and linked to it. When its launch is behind today and
        tasks due by then were never ticked, the user is asked whether they are done before the copy is made."""
        from readiness.core.plan.reassess import launch_tasks_left_open
        from readiness.store import load_assessment

        content, today = self.content, clock.today()

        def job(session: object) -> tuple[Assessment, tuple[str, ...]]:
            baseline = load_assessment(session=session, assessment_id=assessment_id)  # type: ignore[arg-type]
            left = launch_tasks_left_open(baseline, content, today) if content is not None else ()
            return baseline, tuple(task.id for task in left)

        if self.service is not None:
            self.service.submit(job, lambda found: self._reassess(assessment_id, today, *found))

    def _reassess(self, baseline_id: int, today: dt.date, baseline: Assessment, left_open: tuple[str, ...]) -> None:
        from readiness.core.plan.reassess import marked_done, reassessed
        from readiness.store import create_assessment

        again = reassessed(baseline, today)
        if left_open and self._launch_tasks_were_done(baseline, len(left_open)):
            again = marked_done(again, left_open)
        content = self.content
        if self.service is not None:
            self.service.submit(
                lambda session: create_assessment(
                    session=session, assessment=again, content=content, baseline_id=baseline_id
                ),
                lambda new_id: self._created(new_id, again, "profile", baseline),
            )

    def _launch_tasks_were_done(self, baseline: Assessment, count: int) -> bool:
        from readiness.core.plan.launch import launch_date
        from readiness.ui.pages.formatting import format_date

        question = ngettext(
            "The channel was to launch on {date}, but {count} task due by then is not marked done. Was it done? "
            "Yes marks it done in the re-assessment; No keeps it open, and the new plan lists it as late.",
            "The channel was to launch on {date}, but {count} tasks due by then are not marked done. Were they done? "
            "Yes marks them done in the re-assessment; No keeps them open, and the new plan lists them as late.",
            count,
            self.lang,
            date=format_date(self.lang, launch_date(baseline)[0]),
        )
        return ask_yes(self, _("Re-assess", self.lang), question)

    def _create_and_open(self, assessment: Assessment) -> None:
        from readiness.store import create_assessment

        content = self.content
        if self.service is not None:
            self.service.submit(
                lambda session: create_assessment(session=session, assessment=assessment, content=content),
                lambda new_id: self._created(new_id, assessment, "profile"),
            )

    def open_assessment(self, assessment_id: int, on_error: Failed | None = None) -> None:
        """Read the assessment on the library's lane and open it where it was left."""
        from readiness.store import read_assessment

        if self.service is not None:
            self.service.submit(
                lambda session: read_assessment(session=session, assessment_id=assessment_id),
                lambda stored: self._opened(assessment_id, stored),
                on_error,
            )

    def _open_selected(self) -> None:
        selected = self.library.selected_id()
        if selected is not None and self.wizard is None:
            self.open_assessment(selected)
