"""The vastgestelde reports (brief §4): the PRT overviews sent to parliament, listed and opened exactly as sent.

Opening writes the stored bytes to a read-only file in a temporary folder of this session and hands it to the
system's PDF viewer; "Opslaan als…" writes the same bytes where the user chooses. `pdf_van` checks them against the
fingerprint taken when the report was vastgesteld, so what opens is what was sent, or a message says it is not.
"""

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget)

from registry.bestand import schrijf_atomair
from registry.fouten import RegisterFout
from registry.rapport.vaststelling import VastgesteldRapport, pdf_van, vastgestelde_rapporten
from registry.wijzigingslog import lokale_tijd
from ui import vragen
from ui.instellingen import Instellingen
from ui.koppeldialoog import als_tooltip
from ui.rijenmodel import Rijenmodel
from ui.tabelweergave import alleen_lezen_tabel

_Index = QModelIndex | QPersistentModelIndex
_MAP_SLEUTEL = "rapport_map"  # shared with the export dialog: where the user keeps reports

_sessiemap: tempfile.TemporaryDirectory | None = None  # removed when the application ends


def _tijdelijke_map() -> Path:
    global _sessiemap
    if _sessiemap is None:
        _sessiemap = tempfile.TemporaryDirectory(prefix="maatregelenregister-", ignore_cleanup_errors=True)
    return Path(_sessiemap.name)


def tijdelijk_bestand(rapport: VastgesteldRapport, inhoud: bytes) -> Path:
    """The report as a read-only file under its own name; opened before, the same file is used again (a viewer may
    still hold it open)."""
    map_ = _tijdelijke_map() / str(rapport.id)
    map_.mkdir(exist_ok=True)
    pad = map_ / (rapport.bestandsnaam or f"rapport-{rapport.id}.pdf")
    if pad.exists():
        if pad.read_bytes() == inhoud:
            return pad
        pad = Path(tempfile.mkdtemp(dir=map_)) / pad.name  # changed by someone else: never write over it
    pad.write_bytes(inhoud)
    os.chmod(pad, stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
    return pad


def grootte_tekst(grootte: int) -> str:
    """Bytes in Dutch: "820 kB", "1,4 MB"."""
    if grootte < 1000:
        return f"{grootte} bytes"
    if grootte < 1_000_000:
        return f"{round(grootte / 1000)} kB"
    return f"{grootte / 1_000_000:.1f} MB".replace(".", ",")


class VastgesteldeRapportenModel(Rijenmodel):
    """Read-only rows: Vastgesteld op (local time), Periode, Peildatum, Selectie, Maatregelen, Pagina's, Door."""

    VASTGESTELD_OP, PERIODE, PEILDATUM, SELECTIE, MAATREGELEN, PAGINAS, DOOR = range(7)
    GETALKOLOMMEN = frozenset({MAATREGELEN, PAGINAS})

    def kolommen(self) -> list[tuple[str, Callable[[VastgesteldRapport], str], None]]:
        return [
            (self.tr("Vastgesteld op"), lambda r: f"{lokale_tijd(r.vastgesteld_op):%d-%m-%Y %H:%M}", None),
            (self.tr("Periode"), lambda r: r.periode or "", None),
            (self.tr("Peildatum"), lambda r: r.peildatum.strftime("%d-%m-%Y"), None),
            (self.tr("Selectie"), lambda r: r.filter_omschrijving, None),
            (self.tr("Maatregelen"), lambda r: str(r.aantal_maatregelen), None),
            (self.tr("Pagina's"), lambda r: str(r.paginas), None),
            (self.tr("Door"), lambda r: r.vastgesteld_door, None),
        ]

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        r = self.rij_van(index)
        if r is not None and rol == Qt.ItemDataRole.ToolTipRole:
            return als_tooltip(self.tekst(r, index.column()) + "\n" + r.bestandsnaam)
        return super().data(index, rol)


class VastgesteldeRapportenDialoog(QDialog):
    """The list of vastgestelde reports, newest first; Openen (Enter, double-click) and Opslaan als…"""

    def __init__(self, register, instellingen: Instellingen, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.instellingen = instellingen
        self.setWindowTitle(self.tr("Vastgestelde rapporten"))
        self.setAccessibleName(self.windowTitle())
        laag = QVBoxLayout(self)

        uitleg = QLabel(self.tr("De PRT-overzichten die als rapport voor de Kamer zijn vastgesteld, precies zoals ze "
                                "zijn verstuurd."), self)
        uitleg.setWordWrap(True)
        laag.addWidget(uitleg)

        self.model = VastgesteldeRapportenModel(self)
        self.tabel = alleen_lezen_tabel(self.model, self.tr("Vastgestelde rapporten"),
                                        self.tr("Enter of dubbelklik opent het rapport."), self)
        kop = self.tabel.horizontalHeader()
        kop.setHighlightSections(False)
        # A handful of reports a year: fitting the columns to their contents costs nothing; the selection stretches.
        kop.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        kop.setSectionResizeMode(VastgesteldeRapportenModel.SELECTIE, QHeaderView.ResizeMode.Stretch)
        kop.setStretchLastSection(False)
        self.tabel.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        breedte = self.fontMetrics().averageCharWidth()
        self.tabellabel = QLabel(self.tr("&Rapporten:"), self)
        self.tabellabel.setBuddy(self.tabel)
        laag.addWidget(self.tabellabel)
        laag.addWidget(self.tabel, 1)

        self.details = QLabel(self)  # the selected report's file, size and fingerprint; or why the list is empty
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Gegevens van het gekozen rapport"))
        laag.addWidget(self.details)

        knoppen = QDialogButtonBox(self)
        # Action roles, not Accept: Enter in the table opens through `activated`, and must not also press a default.
        self.knop_openen = knoppen.addButton(self.tr("&Openen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.knop_openen.setAccessibleName(self.tr("Openen"))
        self.knop_opslaan = knoppen.addButton(self.tr("Opslaan &als…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.knop_opslaan.setAccessibleName(self.tr("Opslaan als"))
        self.knop_sluiten = knoppen.addButton(self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.knop_sluiten.setAccessibleName(self.tr("Sluiten"))
        for knop in (self.knop_openen, self.knop_opslaan, self.knop_sluiten):
            knop.setAutoDefault(False)
        self.knop_openen.clicked.connect(self.open_rapport)
        self.knop_opslaan.clicked.connect(self.sla_op)
        knoppen.rejected.connect(self.reject)
        laag.addWidget(knoppen)

        self.tabel.activated.connect(self._geactiveerd)  # Enter, and a double-click
        self.ververs()
        self.tabel.selectionModel().selectionChanged.connect(lambda *_: self._werk_bij())
        self.resize(max(self.sizeHint().width(), breedte * 125), max(self.sizeHint().height(), 420))
        self.tabel.setFocus()

    def ververs(self) -> None:
        with self.register.sessie() as sessie:
            self.model.zet_rijen(vastgestelde_rapporten(sessie))
        if self.model.rowCount():
            self.tabel.selectRow(0)
        self._werk_bij()

    def gekozen(self) -> VastgesteldRapport | None:
        rijen = self.tabel.selectionModel().selectedRows()
        return self.model.rij(rijen[0].row()) if rijen else None

    def _werk_bij(self) -> None:
        r = self.gekozen()
        for knop in (self.knop_openen, self.knop_opslaan):
            knop.setEnabled(r is not None)
        if not self.model.rowCount():
            self.details.setText(self.tr("Er zijn nog geen vastgestelde rapporten. Een rapport wordt vastgesteld bij "
                                         "het exporteren van een definitief PDF-overzicht (Bestand › "
                                         "PDF-overzicht exporteren…)."))
        elif r is None:
            self.details.setText("")
        else:
            delen = [r.bestandsnaam, grootte_tekst(r.grootte)]
            if r.sinds is not None:
                delen.append(self.tr("wijzigingen sinds %s") % r.sinds.strftime("%d-%m-%Y"))
            delen.append(self.tr("%1 IV-afhankelijk, %2 IV-blokkade").replace("%1", str(r.iv_afhankelijk))
                         .replace("%2", str(r.iv_blokkade)))
            delen.append(self.tr("vingerafdruk (SHA-256) %s") % r.sha256[:16] + "…")
            self.details.setText(" · ".join(delen))
            self.details.setToolTip(r.sha256)

    def _pdf(self, r: VastgesteldRapport) -> bytes | None:
        try:
            with self.register.sessie() as sessie:
                return pdf_van(sessie, r.id)
        except RegisterFout as fout:
            vragen.meld_fout(self, self.windowTitle(), fout.melding)
            return None

    def _geactiveerd(self, index: QModelIndex) -> None:
        if index.isValid():
            self.tabel.selectRow(index.row())  # a double-click opens the row clicked, whatever was selected
            self.open_rapport()

    def open_rapport(self) -> None:
        """Open the chosen report in the system's PDF viewer, from a read-only copy of the stored bytes."""
        r = self.gekozen()
        if r is None or (inhoud := self._pdf(r)) is None:
            return
        try:
            pad = tijdelijk_bestand(r, inhoud)
        except OSError as fout:
            vragen.meld_fout(self, self.windowTitle(), self.tr("Het rapport kan niet tijdelijk worden opgeslagen om "
                                                               "het te openen: %s.") % fout.strerror)
            return
        if not vragen.open_bestand(pad):
            vragen.meld_fout(self, self.windowTitle(), self.tr(
                "Er is geen programma gevonden dat PDF-bestanden opent. Kies ‘Opslaan als…’ om het rapport te "
                "bewaren."))

    def sla_op(self) -> None:
        """Write the chosen report, byte for byte, to a file the user names."""
        r = self.gekozen()
        if r is None:
            return
        map_ = self.instellingen.waarde(_MAP_SLEUTEL, "")
        voorstel = Path(str(map_)) / r.bestandsnaam if map_ else Path(r.bestandsnaam)
        pad = vragen.vraag_bestand_opslaan(self, self.tr("Vastgesteld rapport opslaan als"), str(voorstel),
                                           self.tr("PDF-bestand (*.pdf)"))
        if not pad or (inhoud := self._pdf(r)) is None:
            return
        try:
            schrijf_atomair(pad, inhoud)
        except RegisterFout as fout:
            vragen.meld_fout(self, self.windowTitle(), fout.melding)
            return
        self.details.setText(self.tr("Opgeslagen als %s.") % pad)
