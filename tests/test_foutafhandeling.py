"""Unexpected errors in the window: the traceback goes to the log file, the user gets a short Dutch message."""

import logging
import sys

import pytest


@pytest.fixture
def logbestand(eigen_gegevensmap):
    import main

    wortel = logging.getLogger()
    voor = list(wortel.handlers)
    pad = main.configureer_logboek()
    yield pad
    for handler in wortel.handlers[:]:
        if handler not in voor:
            handler.close()
            wortel.removeHandler(handler)


def test_onverwachte_fout_in_venster_gaat_naar_logbestand_met_korte_melding(qtbot, monkeypatch, logbestand):
    from PySide6.QtWidgets import QMessageBox

    from ui.app import installeer_foutafhandeling

    getoond = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: getoond.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    installeer_foutafhandeling(logbestand)
    try:
        raise ZeroDivisionError("deling door nul in een slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert len(getoond) == 1
    assert "onverwachts" in getoond[0] and str(logbestand) in getoond[0]
    assert "Traceback" not in getoond[0]
    inhoud = logbestand.read_text(encoding="utf-8")
    assert "Traceback" in inhoud and "ZeroDivisionError: deling door nul in een slot" in inhoud
