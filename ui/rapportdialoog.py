"""The export dialog of the PRT overview (brief §4): what goes in, where it goes, and the build with its progress.

The dialog is not modal: the PDF is built in a background thread (`ui.rapportwerk`) while the user keeps working.
Its choices become a `Rapportkeuze`, whose own `controleer()` decides what is valid; the dialog shows the message
next to the field it names. Cancelling (the button or Esc) stops the build and leaves no file.
"""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QRadioButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from registry.filters import Filter
from registry.fouten import RegisterFout, ValidatieFout
from registry.rapport.gegevens import SECTIE_LABELS, SECTIES, STANDAARD_SECTIES, Rapportkeuze
from ui import vragen
from ui.achtergrondwerk import wacht_met_wachtcursor
from ui.foutlabel import foutlabel
from ui.instellingen import Instellingen
from ui.rapportwerk import Exportopdracht, Exportuitkomst, Rapportwerk

_MAP_SLEUTEL = "rapport_map"  # the folder of the last export, remembered in the settings
_MAX_FILTERTEKST = 70  # a longer filter description is shortened on the radio button (in full in its tooltip)


def huidig_halfjaar(dag: date) -> str:
    """The reporting period a report made on `dag` is most likely about: "2026-H2"."""
    return f"{dag.year}-H{1 if dag.month <= 6 else 2}"


def _begin_halfjaar(dag: date) -> date:
    return date(dag.year, 1 if dag.month <= 6 else 7, 1)


def bestandsnaam_voor(periode: str, peildatum: date) -> str:
    """"PRT-2026-H2.pdf": the period made safe as a file name on every system; the peildatum without one."""
    deel = re.sub(r'[\\/:*?"<>|\s]+', "-", periode.strip()).strip("-.")
    return f"PRT-{deel or peildatum.isoformat()}.pdf"


class RapportDialoog(QDialog):
    """Export the PRT overview. `filter` is the main window's current selection; `zet_filter` follows it."""

    geexporteerd = Signal(object)  # Exportuitkomst, after the file was written (and vastgesteld, when asked)

    def __init__(self, register, instellingen: Instellingen, filter: Filter, gebruiker: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.instellingen = instellingen
        self.gebruiker = gebruiker
        self._filter = filter
        self._werk: Rapportwerk | None = None
        self._eigen_bestandsnaam = False  # typed or browsed by the user: no longer follows the period
        self._foutlabels: dict[str, QLabel] = {}
        self._velden: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("PDF-overzicht exporteren"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(620)

        vandaag = date.today()
        from registry.rapport.vaststelling import vastgestelde_rapporten

        with register.sessie() as sessie:
            self._vastgestelde_peildatums = [r.peildatum for r in vastgestelde_rapporten(sessie)]
        vorige_peildatum = self._vorige_peildatum(vandaag)
        self._sinds_eigen = False  # set by the user: no longer follows the peildatum

        laag = QVBoxLayout(self)
        self.invoer = QWidget(self)  # everything the user chooses: disabled as a whole while a build runs
        invoerlaag = QVBoxLayout(self.invoer)
        invoerlaag.setContentsMargins(0, 0, 0, 0)
        laag.addWidget(self.invoer)

        # --- period and dates ---------------------------------------------------------------------------------
        formulier = QFormLayout()
        formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        invoerlaag.addLayout(formulier)

        self.periode = QLineEdit(huidig_halfjaar(vandaag), self.invoer)
        self.periode.setAccessibleName(self.tr("Rapportageperiode"))
        self.periode.setPlaceholderText(self.tr("bijv. 2026-H2, Q3 2026 of 2026"))
        self.periode.setToolTip(self.tr("De periode waarover gerapporteerd wordt; staat op de titelpagina en in de "
                                        "voetregel."))
        self._rij(formulier, QLabel(self.tr("Rapportage&periode:"), self.invoer), self.periode, "periode")

        self.peildatum = self._datumveld(vandaag)
        self.peildatum.setAccessibleName(self.tr("Peildatum"))
        self.peildatum.setToolTip(self.tr("De statussen zoals ze op deze dag waren."))
        self._rij(formulier, QLabel(self.tr("Pe&ildatum:"), self.invoer), self.peildatum, "peildatum")

        self.wijzigingen = QCheckBox(self.tr("Wijzigingen &opnemen sinds:"), self.invoer)
        self.wijzigingen.setAccessibleName(self.tr("Wijzigingen opnemen"))
        self.wijzigingen.setToolTip(self.tr("Het hoofdstuk met de statuswijzigingen op of na deze datum."))
        self.sinds = self._datumveld(vorige_peildatum or _begin_halfjaar(vandaag))
        self.sinds.setAccessibleName(self.tr("Wijzigingen sinds"))
        if vorige_peildatum is not None:
            self.sinds.setToolTip(self.tr("Standaard de peildatum van het laatst vastgestelde rapport (%s).")
                                  % vorige_peildatum.strftime("%d-%m-%Y"))
        self.wijzigingen.setChecked(vorige_peildatum is not None)
        self._rij(formulier, self.wijzigingen, self.sinds, "sinds")

        # --- sections -----------------------------------------------------------------------------------------
        self.onderdelen = QGroupBox(self.tr("O&nderdelen"), self.invoer)
        self.onderdelen.setAccessibleName(self.tr("Onderdelen"))
        rooster = QGridLayout(self.onderdelen)
        self.sectievakken: dict[str, QCheckBox] = {}
        helft = (len(SECTIES) + 1) // 2
        for i, sectie in enumerate(SECTIES):  # column by column, so the report's order reads downwards
            vak = QCheckBox(SECTIE_LABELS[sectie], self.onderdelen)
            vak.setAccessibleName(self.tr("Onderdeel %s") % SECTIE_LABELS[sectie])
            vak.setChecked(sectie in STANDAARD_SECTIES)  # the prioritering only when asked for
            if sectie == "prioritering":
                vak.setToolTip(self.tr("Het plan per IV-keten en periode, de besluiten met hun motivering en wat "
                                       "niet past. Het plan gaat over het hele register, ook met een selectie."))
            rooster.addWidget(vak, i % helft, i // helft)
            self.sectievakken[sectie] = vak
        notitie = QLabel(self.tr("De titelpagina en de inhoudsopgave staan altijd in het overzicht."),
                         self.onderdelen)
        notitie.setWordWrap(True)
        notitie.setEnabled(False)
        rooster.addWidget(notitie, helft, 0, 1, 2)
        invoerlaag.addWidget(self.onderdelen)
        self._foutlabel("secties", invoerlaag)
        self._velden["secties"] = self.sectievakken[SECTIES[0]]

        # --- selection and kind -------------------------------------------------------------------------------
        selectie = QGroupBox(self.tr("Selectie"), self.invoer)
        selectie.setAccessibleName(self.tr("Selectie"))
        selectielaag = QVBoxLayout(selectie)
        self.huidige_selectie = QRadioButton(selectie)
        self.huidige_selectie.setAccessibleName(self.tr("Huidige selectie"))
        self.alle_maatregelen = QRadioButton(self.tr("&Alle maatregelen"), selectie)
        self.alle_maatregelen.setAccessibleName(self.tr("Alle maatregelen"))
        self.alle_maatregelen.setToolTip(self.tr("Alle maatregelen die niet gearchiveerd zijn, zonder filter."))
        self._selectieknoppen = QButtonGroup(self)
        for knop in (self.huidige_selectie, self.alle_maatregelen):
            self._selectieknoppen.addButton(knop)
            selectielaag.addWidget(knop)
        invoerlaag.addWidget(selectie)

        soort = QGroupBox(self.tr("Soort"), self.invoer)
        soort.setAccessibleName(self.tr("Soort"))
        soortrooster = QGridLayout(soort)
        self.concept = QRadioButton(self.tr("&Concept (watermerk CONCEPT)"), soort)
        self.concept.setAccessibleName(self.tr("Concept"))
        self.definitief = QRadioButton(self.tr("De&finitief"), soort)
        self.definitief.setAccessibleName(self.tr("Definitief"))
        self._soortknoppen = QButtonGroup(self)
        for kolom, knop in enumerate((self.concept, self.definitief)):
            self._soortknoppen.addButton(knop)
            soortrooster.addWidget(knop, 0, kolom)
        soortrooster.setColumnStretch(2, 1)
        self.vaststellen = QCheckBox(self.tr("&Vaststellen als rapport voor de Kamer"), soort)
        self.vaststellen.setAccessibleName(self.tr("Vaststellen als rapport voor de Kamer"))
        self.vaststellen.setToolTip(self.tr("De PDF wordt met peildatum, periode, selectie en aantallen blijvend in "
                                            "het register bewaard en kan later precies zo weer worden geopend."))
        soortrooster.addWidget(self.vaststellen, 1, 1, 1, 2)  # under Definitief, which it belongs to
        invoerlaag.addWidget(soort)
        self.concept.setChecked(True)

        # --- the file -----------------------------------------------------------------------------------------
        formulier = QFormLayout()
        formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        invoerlaag.addLayout(formulier)
        self.bestand = QLineEdit(self.invoer)
        self.bestand.setAccessibleName(self.tr("Bestand"))
        self.bestand.setMinimumWidth(self.bestand.fontMetrics().averageCharWidth() * 50)
        self.bladerknop = QPushButton(self.tr("B&laderen…"), self.invoer)
        self.bladerknop.setAccessibleName(self.tr("Bladeren naar een PDF-bestand"))
        bestandsrij = QWidget(self.invoer)
        rijlaag = QHBoxLayout(bestandsrij)
        rijlaag.setContentsMargins(0, 0, 0, 0)
        rijlaag.addWidget(self.bestand, 1)
        rijlaag.addWidget(self.bladerknop)
        bestandslabel = QLabel(self.tr("&Bestand:"), self.invoer)
        self._rij(formulier, bestandslabel, bestandsrij, "bestand")
        bestandslabel.setBuddy(self.bestand)
        self._velden["bestand"] = self.bestand

        # --- progress and buttons -----------------------------------------------------------------------------
        self.voortgangsbalk = QProgressBar(self)
        self.voortgangsbalk.setRange(0, 100)
        self.voortgangsbalk.setValue(0)
        self.voortgangsbalk.setTextVisible(False)  # "0%" before anything started says nothing
        self.voortgangsbalk.setAccessibleName(self.tr("Voortgang"))
        laag.addWidget(self.voortgangsbalk)
        self.melding = QLabel(self)
        self.melding.setTextFormat(Qt.TextFormat.PlainText)
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName(self.tr("Melding"))
        self.melding.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        laag.addWidget(self.melding)

        self.knoppen = QDialogButtonBox(self)
        self.knop_exporteren = self.knoppen.addButton(self.tr("&Exporteren"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_exporteren.setAccessibleName(self.tr("Exporteren"))
        self.knop_exporteren.setDefault(True)
        self.knop_sluiten = self.knoppen.addButton(self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.knop_sluiten.setAccessibleName(self.tr("Sluiten"))
        self.knoppen.accepted.connect(self.exporteer)
        self.knoppen.rejected.connect(self.reject)
        laag.addWidget(self.knoppen)

        # --- behaviour ----------------------------------------------------------------------------------------
        self._map = self.instellingen.laatste_map(_MAP_SLEUTEL)
        self._volg_periode()
        self.zet_filter(filter)
        self.alle_maatregelen.setChecked(True)  # the report to parliament covers everything unless chosen otherwise
        self.periode.textChanged.connect(self._volg_periode)
        self.peildatum.dateChanged.connect(self._volg_periode)
        self.bestand.textEdited.connect(self._bestandsnaam_getypt)
        self.bladerknop.clicked.connect(self._blader)
        self.wijzigingen.toggled.connect(self.sinds.setEnabled)
        self.peildatum.dateChanged.connect(self._volg_sinds)
        self.sinds.dateChanged.connect(self._sinds_gekozen)
        self.wijzigingen.toggled.connect(self._sinds_gekozen)
        self.sinds.setEnabled(self.wijzigingen.isChecked())
        self.definitief.toggled.connect(self._werk_vaststellen_bij)
        self._werk_vaststellen_bij()
        # A message stays until the user changes something.
        for signaal in (self.periode.textChanged, self.peildatum.dateChanged, self.sinds.dateChanged,
                        self.wijzigingen.toggled, self.bestand.textChanged,
                        *(vak.toggled for vak in self.sectievakken.values())):
            signaal.connect(self._wis_fouten)

        volgorde = [self.periode, self.peildatum, self.wijzigingen, self.sinds, *self.sectievakken.values(),
                    self.huidige_selectie, self.alle_maatregelen, self.concept, self.definitief, self.vaststellen,
                    self.bestand, self.bladerknop, self.knop_exporteren, self.knop_sluiten]
        for eerste, tweede in zip(volgorde, volgorde[1:]):
            QWidget.setTabOrder(eerste, tweede)
        self.periode.setFocus()

    # --- building blocks -------------------------------------------------------------------------------------------

    def _datumveld(self, waarde: date) -> QDateEdit:
        veld = QDateEdit(QDate(waarde), self.invoer)
        veld.setDisplayFormat("dd-MM-yyyy")
        veld.setCalendarPopup(True)
        veld.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return veld

    def _foutlabel(self, veld: str, laag) -> QLabel:
        label = foutlabel(self.invoer)
        self._foutlabels[veld] = label
        laag.addWidget(label)
        return label

    def _rij(self, formulier: QFormLayout, label: QWidget, veld: QWidget, sleutel: str) -> None:
        """A labelled field with its error label right under it."""
        if isinstance(label, QLabel):
            label.setBuddy(veld)
        kolom = QWidget(self.invoer)
        laag = QVBoxLayout(kolom)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(2)
        if isinstance(veld, QDateEdit):
            laag.addWidget(veld, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            laag.addWidget(veld)
        self._foutlabel(sleutel, laag)
        formulier.addRow(label, kolom)
        self._velden[sleutel] = veld

    def _werk_vaststellen_bij(self, *_) -> None:
        definitief = self.definitief.isChecked()
        self.vaststellen.setEnabled(definitief)
        if not definitief:
            self.vaststellen.setChecked(False)

    # --- the selection ---------------------------------------------------------------------------------------------

    def zet_filter(self, f: Filter) -> None:
        """The main window's filter changed: "Huidige selectie" names and exports the new one."""
        self._filter = f
        omschrijving = f.omschrijving()
        kort = omschrijving if len(omschrijving) <= _MAX_FILTERTEKST else omschrijving[:_MAX_FILTERTEKST - 1] + "…"
        self.huidige_selectie.setText(self.tr("&Huidige selectie (%s)") % kort.replace("&", "&&"))
        self.huidige_selectie.setToolTip(omschrijving)
        self.huidige_selectie.setAccessibleDescription(omschrijving)

    def gekozen_filter(self) -> Filter:
        return self._filter if self.huidige_selectie.isChecked() else Filter()

    def keuze(self) -> Rapportkeuze:
        """The report the fields describe (not yet checked)."""
        return Rapportkeuze(
            filter=self.gekozen_filter(),
            peildatum=self.peildatum.date().toPython(),
            periode=self.periode.text().strip() or None,
            sinds=self.sinds.date().toPython() if self.wijzigingen.isChecked() else None,
            drempels=self.instellingen.drempels,
            secties=tuple(s for s, vak in self.sectievakken.items() if vak.isChecked()),
        )

    # --- the file --------------------------------------------------------------------------------------------------

    def _volg_periode(self, *_) -> None:
        """The proposed file name follows the period until the user names the file."""
        if not self._eigen_bestandsnaam:
            naam = bestandsnaam_voor(self.periode.text(), self.peildatum.date().toPython())
            self.bestand.setText(str(self._map / naam))

    def _bestandsnaam_getypt(self, *_) -> None:
        self._eigen_bestandsnaam = True

    def _blader(self) -> None:
        pad = vragen.vraag_bestand_opslaan(self, self.tr("PDF-overzicht opslaan als"), self.bestand.text(),
                                           self.tr("PDF-bestand (*.pdf)"))
        if pad:
            self._eigen_bestandsnaam = True
            self.bestand.setText(pad)
            self.bestand.setFocus()

    def gekozen_pad(self) -> Path | None:
        """The file typed, made absolute (a bare name goes to the last folder) and given ".pdf"; None when empty."""
        tekst = self.bestand.text().strip()
        if not tekst:
            return None
        pad = Path(tekst).expanduser()
        if not pad.is_absolute():
            pad = self._map / pad
        if not pad.suffix:
            pad = pad.with_suffix(".pdf")
        return pad

    def _padfout(self, pad: Path | None) -> str | None:
        if pad is None:
            return self.tr("Kies een bestand voor de PDF.")
        if pad.is_dir():
            return self.tr("Dit is een map; geef een bestandsnaam op.")
        if not pad.parent.is_dir():
            return self.tr("De map %s bestaat niet.") % pad.parent
        return None

    # --- errors ----------------------------------------------------------------------------------------------------

    def _wis_fouten(self, *_) -> None:
        for label in self._foutlabels.values():
            if not label.isHidden():
                label.clear()
                label.hide()

    def toon_fout(self, melding: str, veld: str | None) -> None:
        """A refused choice's message next to its field, which gets the focus; others go to the message line."""
        label = self._foutlabels.get(veld or "")
        if label is None:
            self.melding.setText(melding)
            return
        label.setText(melding)
        label.show()
        widget = self._velden.get(veld or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def foutmelding(self, veld: str) -> str:
        """The message shown at `veld`; empty when there is none."""
        label = self._foutlabels[veld]
        return label.text() if not label.isHidden() else ""

    # --- the build -------------------------------------------------------------------------------------------------

    def is_bezig(self) -> bool:
        return self._werk is not None

    def exporteer(self) -> None:
        """Check the choices, ask what must be asked, and start the build; nothing starts on invalid input."""
        if self._werk is not None:
            return
        self._wis_fouten()
        keuze = self.keuze()
        try:
            keuze.controleer()
        except ValidatieFout as fout:
            self.toon_fout(fout.melding, fout.veld)
            return
        pad = self.gekozen_pad()
        if (fout := self._padfout(pad)) is not None:
            self.toon_fout(fout, "bestand")
            return
        if pad.exists() and not vragen.bevestig(
                self, self.tr("Bestand bestaat al"),
                self.tr("%s bestaat al. Wilt u het vervangen door het nieuwe overzicht?") % pad,
                self.tr("Vervangen"), self.tr("Annuleren")):
            return
        vaststellen = self.definitief.isChecked() and self.vaststellen.isChecked()
        if vaststellen and not vragen.bevestig(
                self, self.tr("Vaststellen"),
                self.tr("Het overzicht wordt vastgesteld als het rapport voor de Kamer: de PDF wordt met de peildatum, "
                        "de periode, de selectie en de aantallen blijvend in het register bewaard.\n\nDoorgaan?"),
                self.tr("Vaststellen"), self.tr("Annuleren")):
            return
        try:
            gebruiker = self.gebruiker()
        except RegisterFout as fout:  # a server that is gone
            vragen.meld_fout(self, self.windowTitle(), fout.melding)
            return
        opdracht = Exportopdracht(keuze=keuze, pad=pad, concept=self.concept.isChecked(), vaststellen=vaststellen,
                                  gebruiker=gebruiker)
        self._start(opdracht)

    def _start(self, opdracht: Exportopdracht) -> None:
        werk = Rapportwerk(self.register, opdracht, self)  # closeEvent waits for it: never destroyed running
        werk.voortgang.connect(self._bij_voortgang)
        werk.klaar.connect(self._bij_klaar)
        werk.mislukt.connect(self._bij_mislukt)
        werk.geannuleerd.connect(self._bij_geannuleerd)
        werk.finished.connect(werk.deleteLater)
        self._werk = werk
        self._zet_bezig(True)
        self.voortgangsbalk.setValue(0)
        self.melding.setText(self.tr("Het overzicht wordt gemaakt…"))
        werk.start()

    def _zet_bezig(self, bezig: bool) -> None:
        if bezig:
            self.voortgangsbalk.setTextVisible(True)
        self.invoer.setEnabled(not bezig)
        self.knop_exporteren.setEnabled(not bezig)
        self.knop_sluiten.setText(self.tr("Annuleren") if bezig else self.tr("Sluiten"))
        self.knop_sluiten.setAccessibleName(self.knop_sluiten.text())
        if bezig:
            self.knop_sluiten.setFocus()  # Enter or Space now cancels; the disabled fields cannot keep the focus
        if bezig:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _vorige_peildatum(self, peildatum: date) -> date | None:
        from registry.rapport.vaststelling import vorige_peildatum

        return vorige_peildatum(self._vastgestelde_peildatums, peildatum)  # read once: this runs per keystroke

    def _sinds_gekozen(self) -> None:
        if not self._sinds_volgt:
            self._sinds_eigen = True

    _sinds_volgt = False

    def _volg_sinds(self) -> None:
        """The default "since" is the last vastgestelde peildatum before the chosen peildatum (as on the command line)."""
        if self._sinds_eigen:
            return
        peildatum = self.peildatum.date().toPython()
        vorige = self._vorige_peildatum(peildatum)
        self._sinds_volgt = True
        try:
            self.sinds.setDate(vorige or _begin_halfjaar(peildatum))
            self.wijzigingen.setChecked(vorige is not None)
        finally:
            self._sinds_volgt = False

    def _is_huidig(self) -> bool:
        """Whether a result signal comes from the build this dialog is waiting for (not one already given up)."""
        return self._werk is not None and self.sender() is self._werk

    def _bij_voortgang(self, procent: int, melding: str) -> None:
        if self._is_huidig():
            self.voortgangsbalk.setValue(procent)
            self.melding.setText(melding)

    def _klaar_met_werk(self) -> None:
        werk, self._werk = self._werk, None
        if werk is not None:
            # Its result was the last thing it sent: only the thread's exit remains. Once idle, no thread runs,
            # so the dialog may be closed and destroyed at once.
            werk.wait()
        self._zet_bezig(False)

    def _bij_klaar(self, uitkomst: Exportuitkomst) -> None:
        if not self._is_huidig():
            return
        self._klaar_met_werk()
        self.voortgangsbalk.setValue(100)
        pad, paginas = uitkomst.pad, uitkomst.resultaat.paginas
        self.instellingen.onthoud_map(_MAP_SLEUTEL, pad)
        if paginas == 1:
            tekst = self.tr("PDF opgeslagen als %s (1 pagina).") % pad
        else:
            tekst = self.tr("PDF opgeslagen als %1 (%2 pagina's).").replace("%1", str(pad)).replace("%2", str(paginas))
        if uitkomst.vastgesteld is not None:
            tekst += " " + self.tr("Het rapport is vastgesteld.")
        self.melding.setText(tekst)
        self.geexporteerd.emit(uitkomst)
        if vragen.bevestig(self, self.windowTitle(), tekst + "\n\n" + self.tr("Nu openen?"), self.tr("Openen"),
                           self.tr("Niet openen")) and not vragen.open_bestand(pad):
            vragen.meld_fout(self, self.windowTitle(), self.tr(
                "Er is geen programma gevonden dat PDF-bestanden opent. Het overzicht staat in %s.") % pad)
        self.accept()

    def _bij_mislukt(self, melding: str) -> None:
        if not self._is_huidig():
            return
        self._klaar_met_werk()
        self.voortgangsbalk.setValue(0)
        self.melding.setText(self.tr("Export mislukt; er is niets opgeslagen."))
        vragen.meld_fout(self, self.windowTitle(), melding)

    def _bij_geannuleerd(self) -> None:
        if not self._is_huidig():
            return
        self._klaar_met_werk()
        self.voortgangsbalk.setValue(0)
        self.melding.setText(self.tr("Export geannuleerd"))

    def annuleer(self) -> None:
        """Stop the running build (it reports `geannuleerd` shortly); the dialog stays open."""
        if self._werk is not None:
            self._werk.annuleer()
            self.melding.setText(self.tr("Bezig met annuleren…"))

    def annuleer_en_wacht(self) -> None:
        """Stop the build and wait until its thread has ended: before the window or the database goes away."""
        werk = self._werk
        if werk is None:
            return
        werk.annuleer()
        wacht_met_wachtcursor(werk)
        self._klaar_met_werk()
        if werk.uitkomst is not None:  # it had passed the point of no return: say what really happened
            self.voortgangsbalk.setValue(100)
            tekst = self.tr("Het overzicht was al opgeslagen als %s.") % werk.uitkomst.pad
            if werk.uitkomst.vastgesteld is not None:
                tekst += " " + self.tr("Het rapport is vastgesteld.")
            self.melding.setText(tekst)
            self.geexporteerd.emit(werk.uitkomst)
            return
        self.voortgangsbalk.setValue(0)
        self.melding.setText(self.tr("Export geannuleerd"))

    def reject(self) -> None:
        """Esc and "Annuleren" stop a running build and keep the dialog open; when idle they close it."""
        if self._werk is not None:
            self.annuleer()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.annuleer_en_wacht()
        super().closeEvent(event)
