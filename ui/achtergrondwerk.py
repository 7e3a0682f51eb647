"""Work off the GUI thread: the import dialog's reading, planning and importing, and the Excel export.

No registry.rekenblad here: the main window imports this module only when the user starts such work.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtGui import QGuiApplication

from db.paden import logbestand
from registry.fouten import RegisterFout

log = logging.getLogger(__name__)


def aantal_maatregelen(n: int) -> str:
    return "1 maatregel" if n == 1 else f"{n} maatregelen"


def wacht_met_wachtcursor(werk: QThread) -> None:
    """Block until `werk` has ended, with a wait cursor meanwhile (the GUI does not respond)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        werk.wait()
    finally:
        QGuiApplication.restoreOverrideCursor()


class Achtergrondwerk(QThread):
    """Runs one task off the GUI thread; exactly one of `klaar(uitkomst)` or `mislukt(melding, fout)` follows.

    `fout` is the RegisterFout the task raised (BestandFout, ImportFout, ConflictFout, …), or None for a bug, which is
    logged with its traceback and reported as `onverwacht` naming the log file. The task opens its own session: a
    session belongs to one thread. Its owner waits for it (`wait()`) before it is destroyed.
    """

    klaar = Signal(object)
    mislukt = Signal(str, object)

    def __init__(self, taak: Callable[[], object], onverwacht: str, parent: QObject | None = None):
        super().__init__(parent)
        self._taak = taak
        self._onverwacht = onverwacht
        self.uitkomst = None

    def run(self) -> None:
        try:
            uitkomst = self._taak()
            self.uitkomst = uitkomst  # read by an owner that waited instead of taking the signal
        except RegisterFout as fout:
            self.mislukt.emit(fout.melding, fout)
        except Exception:
            log.exception("Achtergrondwerk mislukt: %s", self._onverwacht)
            self.mislukt.emit(f"{self._onverwacht}\n\nDe details staan in {logbestand()}.", None)
        else:
            self.klaar.emit(uitkomst)
