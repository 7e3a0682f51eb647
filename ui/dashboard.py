"""The dashboard page: four charts of the register's numbers, drawn when the page is first shown, not at start-up.

The numbers come from `registry.dashboard` and the charts from `registry.grafieken` (no Qt there, so that the PDF
draws the same charts); this page only lays them out, keeps them current and exports them as PNG. matplotlib loads
with the first chart (inside `Grafiekvak.teken`), which is why a hidden page only remembers that it is stale.
"""

from datetime import datetime

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from registry.dashboard import Dashboardcijfers, aandeel, dashboardcijfers
from registry.grafieken import (EFFECT_LABELS, teken_effectaandeel, teken_iv_per_keten, teken_opvolging_per_bron,
                                teken_status_per_domein)
from registry.vocabulaire import OPVOLGING, STATUS
from ui.figuur import Grafiekvak, exporteer_png

#: key, drawing function, default file name for the PNG; in the grid's reading order (left to right, top to bottom)
_GRAFIEKEN = (
    ("status_per_domein", teken_status_per_domein, "status-per-domein.png"),
    ("iv_per_keten", teken_iv_per_keten, "iv-blokkades-per-keten.png"),
    ("opvolging_per_bron", teken_opvolging_per_bron, "opvolging-per-bron.png"),
    ("effectaandeel", teken_effectaandeel, "gemeten-effect.png"),
)


class DashboardPagina(QWidget):
    """Status per domain, IV blockades per chain, follow-up per source and the share with a measured effect."""

    def __init__(self, register, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register  # replaced by the window on a database switch
        self._cijfers: Dashboardcijfers | None = None
        self._rijen = None  # the rows to count at the next drawing (None: read them)
        self._verouderd = True  # nothing drawn yet, or the data changed while the page was hidden
        self._titels = {
            "status_per_domein": self.tr("Status per domein"),
            "iv_per_keten": self.tr("IV-blokkades per IV-keten"),
            "opvolging_per_bron": self.tr("Opvolging van aanbevelingen per bron"),
            "effectaandeel": self.tr("Maatregelen met gemeten effect"),
        }
        self._tekenaars = {sleutel: functie for sleutel, functie, _ in _GRAFIEKEN}

        self.samenvatting = QLabel(self.tr("De cijfers worden geteld zodra het dashboard zichtbaar is."), self)
        self.samenvatting.setObjectName("dashboardsamenvatting")
        self.samenvatting.setWordWrap(True)
        self.samenvatting.setTextFormat(Qt.TextFormat.PlainText)
        self.samenvatting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rooster = QWidget(self)
        raster = QGridLayout(rooster)
        raster.setContentsMargins(0, 0, 0, 0)
        raster.setSpacing(12)
        self.grafieken: dict[str, Grafiekvak] = {}
        self.knoppen: dict[str, QPushButton] = {}
        for plek, (sleutel, _, bestandsnaam) in enumerate(_GRAFIEKEN):
            raster.addWidget(self._maak_vak(rooster, sleutel, bestandsnaam), plek // 2, plek % 2)
        for kolom in range(2):
            raster.setColumnStretch(kolom, 1)
        for rij in range(2):
            raster.setRowStretch(rij, 1)

        # A small window scrolls rather than squeezing the charts until they are unreadable.
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(rooster)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons; the area follows the focus
        self.scroller.setAccessibleName(self.tr("Dashboard"))

        laag = QVBoxLayout(self)
        laag.setContentsMargins(8, 8, 8, 8)
        laag.addWidget(self.samenvatting)
        laag.addWidget(self.scroller, 1)

    def _maak_vak(self, ouder: QWidget, sleutel: str, bestandsnaam: str) -> QWidget:
        titel = self._titels[sleutel]
        kader = QWidget(ouder)
        kop = QLabel(titel, kader)
        kop.setTextFormat(Qt.TextFormat.PlainText)
        lettertype = kop.font()
        lettertype.setBold(True)
        kop.setFont(lettertype)
        # No mnemonic: four buttons with one letter would only cycle the focus (Tab reaches each of them).
        knop = QPushButton(self.tr("PNG opslaan…"), kader)
        knop.setObjectName(f"png_{sleutel}")
        knop.setAccessibleName(self.tr("%s als PNG opslaan") % titel)
        knop.setToolTip(self.tr("De grafiek „%s” als PNG-afbeelding opslaan") % titel)
        knop.setEnabled(False)  # until something is drawn
        knop.clicked.connect(lambda: self.exporteer(sleutel, bestandsnaam))
        vak = Grafiekvak(sleutel, kader)
        vak.setAccessibleName(titel)
        vak.setMinimumSize(380, 260)
        vak.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        koprij = QHBoxLayout()
        koprij.addWidget(kop, 1)
        koprij.addWidget(knop)
        laag = QVBoxLayout(kader)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.addLayout(koprij)
        laag.addWidget(vak, 1)
        self.grafieken[sleutel] = vak
        self.knoppen[sleutel] = knop
        return kader

    # --- keeping current ---------------------------------------------------------------------------------------

    def cijfers(self) -> Dashboardcijfers | None:
        """The numbers the charts show now; None before the page was first drawn."""
        return self._cijfers

    def is_verouderd(self) -> bool:
        return self._verouderd

    def ververs(self, rijen=None) -> None:
        """Recount and redraw; a hidden page only notes that it is stale and redraws when it is shown.

        `rijen`: the window's table rows (all measures), so they need not be read again.
        """
        self._rijen = rijen
        self._verouderd = True
        if self.isVisible():
            self._teken()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._verouderd:
            self._teken()

    def _teken(self) -> None:
        eerste_keer = not all(vak.is_getekend() for vak in self.grafieken.values())
        if eerste_keer:  # importing matplotlib takes about a second
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            with self.register.sessie() as sessie:
                cijfers = dashboardcijfers(sessie, self._rijen)
            self._rijen = None  # not kept: the window replaces its rows on every reload
            for sleutel, vak in self.grafieken.items():
                tekenaar = self._tekenaars[sleutel]
                # On screen the header row carries the title; the exported PNG gets it in the figure (exporteer).
                vak.teken(lambda figuur, tekenaar=tekenaar: tekenaar(figuur, cijfers, titel=False))
                vak.setAccessibleDescription(self._beschrijving(sleutel, cijfers))
                # Plain text: a chain or source named "<b>…</b>" is shown as typed, not in bold.
                vak.setToolTip(QtGui.Qt.convertFromPlainText(vak.accessibleDescription().replace("; ", "\n")))
                self.knoppen[sleutel].setEnabled(True)
            self._cijfers = cijfers
            self._verouderd = False
            self.samenvatting.setText(self._samenvatting(cijfers, datetime.now()))
        finally:
            if eerste_keer:
                QGuiApplication.restoreOverrideCursor()

    def _samenvatting(self, c: Dashboardcijfers, moment: datetime) -> str:
        """The key numbers in words: a chart is not accessible to a screen reader, this line is."""
        return " · ".join([
            self.tr("Stand van %s") % moment.strftime("%d-%m-%Y %H:%M"),
            (self.tr("%d maatregel") if c.aantal_maatregelen == 1 else self.tr("%d maatregelen"))
            % c.aantal_maatregelen,
            self.tr("%d met IV-blokkade") % c.aantal_geblokkeerd,
            self.tr("%d IV-afhankelijk") % c.aantal_afhankelijk,
            (self.tr("%d van %d aanbeveling open") if c.aantal_aanbevelingen == 1
             else self.tr("%d van %d aanbevelingen open")) % (c.aanbevelingen_open, c.aantal_aanbevelingen),
            self.tr("%d met gemeten effect (%s)") % (c.effect.gemeten, aandeel(c.effect.gemeten, c.effect.totaal)),
        ])

    def _beschrijving(self, sleutel: str, c: Dashboardcijfers) -> str:
        """A chart's numbers as text, for screen readers and as its tooltip."""
        if sleutel == "status_per_domein":
            return "; ".join(f"{d.naam}: " + ", ".join(f"{d.aantallen.get(t.code, 0)} {t.label.lower()}"
                                                       for t in STATUS.termen) for d in c.status_per_domein)
        if sleutel == "iv_per_keten":
            return "; ".join(self.tr("%s: %d geblokkeerd, %d afhankelijk") % (k.keten, k.geblokkeerd, k.afhankelijk)
                             for k in c.iv_per_keten) or self.tr("Geen maatregelen met IV-blokkade of -afhankelijkheid")
        if sleutel == "opvolging_per_bron":
            return "; ".join(f"{b.kort}: " + ", ".join(f"{n} {OPVOLGING.label(code).lower()}"
                                                       for code, n in b.aantallen.items() if n)
                             for b in c.opvolging_per_bron) or self.tr("Geen aanbevelingen")
        e = c.effect
        delen = (("gemeten", e.gemeten), ("alleen_zwakker", e.alleen_zwakker), ("zonder", e.zonder))
        return "; ".join(f"{EFFECT_LABELS[naam]}: {n} ({aandeel(n, e.totaal)})" for naam, n in delen)

    # --- export ------------------------------------------------------------------------------------------------

    def exporteer(self, sleutel: str, bestandsnaam: str | None = None) -> None:
        """Ask where, and save chart `sleutel` as PNG, with its title in the picture (it leaves the page's context).

        Drawn on a hidden copy at the size shown, so the chart on screen does not change while the dialog is open.
        """
        if self._cijfers is None:
            return
        getoond, tekenaar, cijfers = self.grafieken[sleutel], self._tekenaars[sleutel], self._cijfers
        breedte, hoogte = getoond.figuur.get_size_inches()
        kopie = Grafiekvak(sleutel, breedte=breedte, hoogte=hoogte)
        try:
            kopie.teken(lambda figuur: tekenaar(figuur, cijfers, titel=True))
            exporteer_png(self, kopie, bestandsnaam or dict((s, b) for s, _, b in _GRAFIEKEN)[sleutel])
        finally:
            kopie.deleteLater()
