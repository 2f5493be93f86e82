"""The Qt binding must not drop references to None.

PySide6 6.12.0 on Python 3.11 released None once too often on every call of a Python override of a Qt virtual
(wheelEvent, sizeHint, changeEvent…) and on every processEvents(); after some minutes of scrolling, resizing and
typing the interpreter aborted ("Fatal Python error: none_dealloc"). pyproject.toml keeps PySide6 below 6.12;
this test fails on any binding that brings the fault back. (From Python 3.12 None is immortal and cannot be freed.)
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

CALLS = 500


class _Quiet(QComboBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class _Sized(QLabel):
    def sizeHint(self) -> QSize:
        return QSize(40, 20)


def _wheel() -> QWheelEvent:
    return QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_overrides_and_process_events_keep_none_alive(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    quiet, sized = _Quiet(), _Sized("x")
    layout.addWidget(quiet)
    layout.addWidget(sized)
    window.show()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        QApplication.sendEvent(quiet, _wheel())
        sized.updateGeometry()
        layout.activate()
        QApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {CALLS} rounds: this PySide6 frees None"


@pytest.mark.skipif(sys.version_info < (3, 12), reason="only where None is immortal")
def test_none_is_immortal_from_python_3_12() -> None:
    assert sys.getrefcount(None) > 2**30
