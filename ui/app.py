"""Starts the Qt application: one QApplication, the error hook, and the main window."""

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from registry.fouten import RegisterFout

log = logging.getLogger(__name__)


def installeer_foutafhandeling(logpad: Path | None) -> None:
    """An unexpected error in a slot is logged with its traceback; the user sees a short Dutch message."""

    def _hook(soort, fout, traceback):
        if issubclass(soort, KeyboardInterrupt):
            sys.__excepthook__(soort, fout, traceback)
            return
        log.error("Onverwachte fout in het venster", exc_info=(soort, fout, traceback))
        waar = f"\n\nDe details staan in {logpad}." if logpad else ""
        QMessageBox.critical(None, "Maatregelenregister", f"Er ging iets onverwachts mis.{waar}")

    sys.excepthook = _hook


def start(open_register: Callable, logpad: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Maatregelenregister")
    app.setOrganizationName("Maatregelenregister")
    installeer_foutafhandeling(logpad)
    try:
        register = open_register()
    except RegisterFout as fout:
        QMessageBox.critical(None, "Maatregelenregister", fout.melding)
        return 2
    from ui.hoofdvenster import Hoofdvenster

    venster = Hoofdvenster(register)
    for waarschuwing in register.waarschuwingen:
        QMessageBox.warning(venster, "Maatregelenregister", waarschuwing)
    venster.show()
    try:
        return app.exec()
    finally:
        register.sluit()
