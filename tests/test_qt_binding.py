"""The Qt binding itself must not corrupt the interpreter: a long session calls Qt millions of times."""

import gc
import sys


def test_qt_aanroepen_laten_de_referenties_naar_none_heel(qtbot):
    """PySide6 6.12.0 loses a reference to None on every Qt call that returns nothing; on Python 3.11 the count
    reaches zero after some ten thousand clicks and the process aborts ("none_dealloc"). On 3.12+ None is
    immortal and its count means nothing, so there the check is moot but harmless."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    voor = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        label.setEnabled(bool(i % 2))
    gc.collect()
    assert sys.getrefcount(None) > voor - 1000
