"""A whole assessment through the real app, in English and Spanish: from a new entry in the library to a
previewed plan, checking what the library holds at the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_support import answer_next_modal, main_window, type_and_accept
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from readiness.core.assessment import Assessment
from readiness.core.lang import Lang
from readiness.ui.main_window import MainWindow
from readiness.ui.pages.gaps_columns import Column


def _panel(window: MainWindow, page: str, tab: int) -> Any:
    wizard = window.wizard
    assert wizard is not None
    wizard.go_to(page, tab)
    return wizard.tabs[wizard.stack.currentIndex()].widget(tab)


def _stored(qtbot: QtBot, window: MainWindow, assessment_id: int) -> Assessment:
    from readiness.store import load_assessment

    found: list[Assessment] = []
    assert window.service is not None
    window.service.submit(lambda session: load_assessment(session=session, assessment_id=assessment_id), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.ES])
def test_a_full_assessment_through_the_wizard(qtbot: QtBot, tmp_path: Path, lang: Lang) -> None:
    with main_window(qtbot, tmp_path, lang) as window:
        answer_next_modal(type_and_accept("Tienda Prueba"))
        window.library.buttons["new"].click()
        qtbot.waitUntil(lambda: window.wizard is not None, timeout=10_000)
        assert window.session is not None
        assessment_id = window.session.assessment_id

        profile = _panel(window, "profile", 0)
        QTest.keyClicks(profile.industry, "Bakery chain")
        for code in ("mx", "us"):  # a code typed in full and Enter picks it
            QTest.keyClicks(profile.countries.search, code)
            QTest.keyClick(profile.countries.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: profile.countries.codes() == ("MX", "US"), timeout=5000)

        questions = _panel(window, "identify", 0)
        first_card = questions.card(window.session.questionnaire.questions[0].id)
        first_card.findChildren(QRadioButton)[0].click()

        gaps = _panel(window, "identify", 1)
        gaps.add_button.click()
        gaps.cell(0, Column.SEVERITY).setCurrentIndex(3)

        channels = _panel(window, "open", 1)
        channels.select_channel("whatsapp_platform")
        channels.set_choice("primary")

        team = _panel(window, "open", 2)
        QTest.keyClicks(team.sponsor, "Ana Ruiz")
        if not team.bot_enabled.isChecked():
            team.bot_enabled.click()

        promotion = _panel(window, "promote", 1)
        for row in range(2):
            promotion.surfaces.item(row).setCheckState(Qt.CheckState.Checked)

        kpis = _panel(window, "refine", 1)
        kpis.add_suggested.click()

        review = _panel(window, "review", 0)
        review.edition.setCurrentIndex(review.edition.findData("full"))  # the brief is offered first
        with qtbot.waitSignal(window.renderer.finished, timeout=90_000):
            review.generate()
        qtbot.waitUntil(lambda: review.document.pageCount() > 10, timeout=10_000)
        pdf = tmp_path / "plan.pdf"
        review.save_pdf_to(pdf)
        qtbot.waitUntil(pdf.exists, timeout=10_000)
        assert pdf.read_bytes().startswith(b"%PDF-")

        window.wizard.library_button.click()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: window.wizard is None, timeout=5_000)
        stored = _stored(qtbot, window, assessment_id)
        assert stored.language is lang
        assert stored.profile.organisation == "Tienda Prueba"
        assert stored.profile.industry == "Bakery chain"
        assert stored.profile.countries == ("MX", "US")
        assert window.session is None
        first = stored.answers[_first_question(window)]
        assert first.value not in (None, "", ())
        assert len(stored.gaps) == 1 and stored.gaps[0].severity.value == "critical"
        assert [(c.channel, c.role) for c in stored.channels] == [("whatsapp_platform", "primary")]
        assert stored.team.executive_sponsor == "Ana Ruiz" and stored.team.bot.enabled
        assert len(stored.promotion) == 2
        assert stored.kpis
        assert next(r for r in window.library.rows if r.id == assessment_id).last_page == "review"


def _first_question(window: MainWindow) -> str:
    assert window.content is not None
    return next(iter(window.content.questionnaires.values())).questions[0].id
