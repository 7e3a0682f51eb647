"""Starts the Qt application: one QApplication, the error hook, opening the database, and the main window."""

import logging
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

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


def open_met_voortgang(openen: Callable, tekst: str = "De database wordt geopend…"):
    """Open a database off the GUI thread, with a progress dialog when it takes a while.

    Creating a new register with the starter data, or migrating an older file, takes seconds; the window must not
    freeze meanwhile. The engine's connections are dropped afterwards so that the GUI thread makes its own.
    """
    with ThreadPoolExecutor(max_workers=1) as uitvoerder:
        toekomst = uitvoerder.submit(openen)
        voortgang = None
        begin = time.monotonic()
        while not toekomst.done():
            if voortgang is None and time.monotonic() - begin > 0.4:
                voortgang = QProgressDialog(tekst, "", 0, 0)
                voortgang.setWindowTitle("Maatregelenregister")
                voortgang.setCancelButton(None)  # creating or migrating is all-or-nothing; there is nothing to stop
                voortgang.setWindowModality(Qt.WindowModality.ApplicationModal)
                voortgang.show()
            QApplication.processEvents()
            wait([toekomst], timeout=0.03)
        if voortgang is not None:
            voortgang.close()
        register = toekomst.result()
    register.engine.dispose()
    return register


def start(open_register: Callable | None, logpad: Path | None) -> int:
    """`open_register` opens the database named on the command line; None: the one in the settings (or the default)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Maatregelenregister")
    app.setOrganizationName("Maatregelenregister")
    installeer_foutafhandeling(logpad)
    from ui.hoofdvenster import Hoofdvenster, _open_database
    from ui.instellingen import Instellingen

    instellingen = Instellingen()
    uit_instellingen = open_register is None and instellingen.database is not None
    if open_register is None:
        def open_register():
            return _open_database(instellingen.database, None)
    tekst = "Het register wordt geopend. Een nieuw register wordt gevuld met het startregister; dat duurt enkele " \
            "seconden…"
    try:
        register = open_met_voortgang(open_register, tekst)
    except RegisterFout as fout:
        if not uit_instellingen:
            QMessageBox.critical(None, "Maatregelenregister", fout.melding)
            return 2
        # The database in the settings cannot be used (a server that needs a password, a moved file): open the
        # default one so that the user reaches the window and its settings, rather than a dead end at every start.
        QMessageBox.warning(None, "Maatregelenregister", f"{fout.melding}\n\nHet standaardregister wordt geopend; "
                            "kies de database opnieuw via Bestand › Instellingen.")
        try:
            register = open_met_voortgang(lambda: _open_database(None, None), tekst)
        except RegisterFout as fout2:
            QMessageBox.critical(None, "Maatregelenregister", fout2.melding)
            return 2
    venster = Hoofdvenster(register, instellingen)
    for waarschuwing in register.waarschuwingen:
        QMessageBox.warning(venster, "Maatregelenregister", waarschuwing)
    venster.show()
    try:
        return app.exec()
    finally:
        venster.register.sluit()
