"""Builds the PRT overview off the GUI thread: progress through queued signals, cancellable, all or nothing.

The build reads with its own session (a session belongs to one thread) and lays the PDF out in memory; only a whole
PDF is written, atomically, so a cancelled or failed build leaves no file. A vastgesteld report is stored in the same
unit of work that writes the file: when the file cannot be written, nothing is stored either.
"""

import io
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from db.paden import logbestand
from registry.bestand import schrijf_atomair
from registry.fouten import RegisterFout
from registry.rapport.gegevens import Rapportkeuze

log = logging.getLogger(__name__)


class _Geannuleerd(Exception):
    """Raised from the progress callback to stop a build the user cancelled."""


@dataclass(frozen=True)
class Exportopdracht:
    keuze: Rapportkeuze
    pad: Path  # where the PDF goes
    concept: bool
    vaststellen: bool  # store it as the report sent to parliament (only a definitive one)
    gebruiker: str  # who vaststelt; also the PDF's author


@dataclass(frozen=True)
class Exportuitkomst:
    pad: Path
    resultaat: object  # registry.rapport.pdf.Rapportresultaat (imported with reportlab, off the start-up path)
    vastgesteld: object | None  # registry.rapport.vaststelling.VastgesteldRapport when vastgesteld


class Rapportwerk(QThread):
    """One export. Start with `start()`; exactly one of `klaar`, `mislukt` or `geannuleerd` follows, then `finished`.

    Its owner must not be destroyed while it runs: `annuleer()` and `wait()` first (Qt aborts otherwise).

    `voortgang(procent, melding)` arrives queued in the GUI thread, only when something visible changed.
    """

    voortgang = Signal(int, str)
    klaar = Signal(object)  # Exportuitkomst
    mislukt = Signal(str)  # a Dutch message, never a traceback
    geannuleerd = Signal()

    def __init__(self, register, opdracht: Exportopdracht, parent: QObject | None = None):
        super().__init__(parent)
        self.register = register
        self.opdracht = opdracht
        self._stop = threading.Event()
        self._laatst: tuple[int, str] | None = None
        self.uitkomst: Exportuitkomst | None = None  # set when the file was written (and stored), before `klaar`

    def annuleer(self) -> None:
        """Ask the build to stop; it does at its next progress report (well within a second)."""
        self._stop.set()

    def _meld(self, fractie: float, melding: str) -> None:
        """The report builder's progress callback, called in this thread: cancelling raises here."""
        if self._stop.is_set():
            raise _Geannuleerd
        stand = (max(0, min(100, int(fractie * 100))), melding)
        if stand != self._laatst:
            self._laatst = stand
            self.voortgang.emit(*stand)

    def run(self) -> None:
        try:
            uitkomst = self._maak()
        except _Geannuleerd:
            self.geannuleerd.emit()
        except RegisterFout as fout:
            self.mislukt.emit(fout.melding)
        except Exception:
            log.exception("Het PDF-overzicht kon niet worden gemaakt")
            self.mislukt.emit(f"Er ging iets onverwachts mis bij het maken van de PDF; er is niets opgeslagen.\n\n"
                              f"De details staan in {logbestand()}.")
        else:
            self.uitkomst = uitkomst  # read by an owner that waited on a late cancel
            self.klaar.emit(uitkomst)

    def _maak(self) -> Exportuitkomst:
        from registry.rapport import pdf  # reportlab and matplotlib load here, off the GUI thread

        o = self.opdracht
        self._meld(0.0, "Gegevens lezen…")
        buffer = io.BytesIO()
        with self.register.sessie() as sessie:
            resultaat = pdf.maak_rapport(sessie, o.keuze, buffer, concept=o.concept, auteur=o.gebruiker,
                                         voortgang=self._meld)
        inhoud = buffer.getvalue()
        self._meld(1.0, "Opslaan…")  # the last moment to cancel: from here the file is written whole
        vastgesteld = None
        if o.vaststellen:
            from registry.rapport.vaststelling import stel_vast

            with self.register.werk() as sessie:
                vastgesteld = stel_vast(sessie, inhoud, resultaat, gebruiker=o.gebruiker, bestandsnaam=o.pad.name)
                schrijf_atomair(o.pad, inhoud)  # a failure here rolls the vaststelling back
        else:
            schrijf_atomair(o.pad, inhoud)
        return Exportuitkomst(pad=o.pad, resultaat=resultaat, vastgesteld=vastgesteld)
