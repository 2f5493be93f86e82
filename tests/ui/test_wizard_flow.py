"""Next and Back walk every sub-page of every step; the navigator lists the sub-pages with a progress mark each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from ui_support import panel_context, sample

from readiness.core.assessment import Assessment, Profile
from readiness.ui.pages.base import PageContext
from readiness.ui.wizard import WizardView

EVERY_PLACE = [
    ("overview", 0),
    ("profile", 0),
    ("identify", 0),
    ("identify", 1),
    ("open", 0),
    ("open", 1),
    ("open", 2),
    ("promote", 0),
    ("promote", 1),
    ("refine", 0),
    ("refine", 1),
    ("review", 0),
]


def place(wizard: WizardView) -> tuple[str, int]:
    return wizard.current_key(), wizard.tabs[wizard.stack.currentIndex()].currentIndex()


def child(item: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    found = item.child(index)
    assert found is not None
    return found


def fresh() -> Assessment:
    """A new assessment: nothing filled in but the organisation's name."""
    return Assessment(
        questionnaire_id="readiness-core",
        questionnaire_version=sample().questionnaire_version,
        created=sample().created,
        profile=Profile(organisation="Panadería Sol"),
    )


def wizard_over(qtbot: QtBot, context: PageContext) -> WizardView:
    wizard = WizardView(context)
    qtbot.addWidget(wizard)
    wizard.resize(1200, 680)
    wizard.show()
    return wizard


def test_next_and_back_visit_every_sub_page(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, sample()) as context:
        wizard = wizard_over(qtbot, context)
        seen = [place(wizard)]
        while wizard.next_button.isEnabled():
            wizard.next_button.click()
            seen.append(place(wizard))
        assert seen == EVERY_PLACE
        back = [place(wizard)]
        while wizard.back_button.isEnabled():
            wizard.back_button.click()
            back.append(place(wizard))
        assert back == EVERY_PLACE[::-1]


def test_the_navigator_shows_sub_pages_with_their_progress(qtbot: QtBot, tmp_path: Path) -> None:
    with panel_context(tmp_path, fresh()) as context:
        wizard = wizard_over(qtbot, context)
        open_step = wizard.navigator.topLevelItem(3)
        assert open_step is not None and open_step.childCount() == 3
        questions, channels, team = (child(open_step, i) for i in range(3))
        assert [item.text(0).split()[-1] for item in (questions, channels, team)] == ["○", "○", "○"]
        assert channels.data(0, Qt.ItemDataRole.AccessibleTextRole).endswith("not started")

        wizard.navigator.setCurrentItem(channels)  # a click on "Channels" shows that tab
        assert place(wizard) == ("open", 1)
        context.session.update(lambda a: a.model_copy(update={"channels": sample().channels}))  # with a primary
        assert channels.text(0).endswith("✓") and open_step.text(0).endswith("◐")


def test_the_overview_says_what_is_left_and_goes_there(qtbot: QtBot, tmp_path: Path) -> None:
    from readiness.ui.pages.overview import OverviewPanel

    with panel_context(tmp_path, fresh()) as context:
        wizard = wizard_over(qtbot, context)
        wizard.go_to("overview")
        overview = wizard.tabs[0].currentWidget()
        assert isinstance(overview, OverviewPanel)
        mark, status = overview.rows["identify.gaps"]
        assert (mark.text(), status.text()) == ("○ not started", "No gap recorded yet")
        _mark, profile = overview.rows["profile"]
        assert (
            profile.text()
            == "0 of 4 essentials; missing: countries served, home country, launch date, and participants"
        )
        assert overview.carry_on.text() == "Carry on: 1  Profile"
        overview.carry_on.click()
        assert place(wizard) == ("profile", 0)

        wizard.go_to("overview")
        [gaps_button] = [b for b in overview.findChildren(QPushButton) if b.text() == "Gap register"]
        gaps_button.click()
        assert place(wizard) == ("identify", 1)


def test_a_review_line_opens_its_question_on_its_step(qtbot: QtBot, tmp_path: Path) -> None:
    from readiness.ui.pages.questions import QuestionsPanel
    from readiness.ui.pages.review import ReviewPanel

    with panel_context(tmp_path, sample()) as context:
        wizard = wizard_over(qtbot, context)
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        wizard.go_to("review")
        review = wizard.tabs[-1].currentWidget()
        assert isinstance(review, ReviewPanel)
        review.place_requested.emit("open", 0, "open.bot_handoff")
        assert place(wizard) == ("open", 0)
        questions = wizard.tabs[3].currentWidget()
        assert isinstance(questions, QuestionsPanel)
        card = questions.card("open.bot_handoff")
        focused = QApplication.focusWidget()
        assert focused is not None and card.isAncestorOf(focused), "the cursor is on the question's answer"
