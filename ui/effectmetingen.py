"""Effect measurements in the GUI: the add/edit dialog, a measure's tab (table, whole text, trend chart) and the
register-wide page (filters, and the measures without any measurement).

Widgets hand what the user typed to the use cases in `registry.effectmeting` and show the message a refused rule
raises beside its field. matplotlib loads only when a trend is actually drawn (`ui.figuur.Grafiekvak`).
"""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from registry.bron import bronnen
from registry.effectmeting import (GANGBARE_METHODEN, EffectFilter, EffectmetingRij, alle_effectmetingen,
                                   effectmetingen_van_maatregel, filter_effectmetingen, gebruikte_methoden,
                                   getal_uit_tekst, haal_effectmeting, maatregelen_zonder_effectmeting, methoden,
                                   verwijder_effectmeting, voeg_effectmeting_toe, wijzig_effectmeting, zoektekst)
from registry.fouten import ConflictFout, NietGevonden, RegisterFout, ValidatieFout
from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.trend import getal_nl, teken_trend, trendreeks
from registry.vocabulaire import BEWIJSKRACHT, EFFECT_ERVARING
from ui import vragen
from ui.figuur import Grafiekvak, exporteer_png
from ui.foutlabel import FOUTKLEUR, foutlabel
from ui.rijenmodel import Rijenmodel
from ui.tabelweergave import alleen_lezen_tabel

UITLEGKLEUR = "#555555"
_Index = QModelIndex | QPersistentModelIndex


def _bron_en_vindplaats(r: EffectmetingRij) -> str:
    return ", ".join(filter(None, (r.bron, r.vindplaats)))


def _tabel(model: QAbstractTableModel, naam: str, beschrijving: str = "") -> QTableView:
    """A read-only table of rows: whole rows selected, Tab leaves it, Enter or a double-click activates a row."""
    tabel = alleen_lezen_tabel(model, naam, beschrijving)
    tabel.verticalHeader().setDefaultSectionSize(tabel.fontMetrics().lineSpacing() + 10)
    tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    tabel.horizontalHeader().setStretchLastSection(True)
    return tabel


def _pas_kolommen_aan(tabel: QTableView, tekens: int | list[int] = 30) -> None:
    """Columns as wide as their contents, at most `tekens` characters (one number, or one per column): the tooltip
    shows a long text whole."""
    tabel.resizeColumnsToContents()
    teken = tabel.fontMetrics().averageCharWidth()
    kop = tabel.horizontalHeader()
    for k in range(tabel.model().columnCount()):
        maximum = max(teken * (tekens[k] if isinstance(tekens, list) else tekens),
                      kop.sectionSizeFromContents(k).width())  # the header itself is never cut short
        tabel.setColumnWidth(k, min(tabel.columnWidth(k), maximum))


def _uitleglabel(tekst: str = "") -> QLabel:
    label = QLabel(tekst)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {UITLEGKLEUR};")
    return label


# --- table models ---------------------------------------------------------------------------------------------------

class EffectmetingenModel(Rijenmodel):
    """One measure's measurements, in order of entry."""

    BREEDTES = [36, 14, 12, 20, 12, 12, 16, 14, 30]  # at most, in characters

    def kolommen(self):
        return [
            (self.tr("Indicator"), lambda r: r.indicator, None),
            (self.tr("Nulmeting"), lambda r: r.nulmeting, None),
            (self.tr("Waarde"), lambda r: r.waarde_tekst, None),
            (self.tr("Eenheid"), lambda r: r.eenheid, None),
            (self.tr("Streefwaarde"), lambda r: r.streefwaarde, None),
            (self.tr("Periode"), lambda r: r.periode, None),
            (self.tr("Methode"), lambda r: r.methode, None),
            (self.tr("Bewijskracht"), lambda r: BEWIJSKRACHT.label(r.bewijskracht), None),
            (self.tr("Bron"), _bron_en_vindplaats, None),
        ]


def _waardesleutel(r: EffectmetingRij) -> tuple:
    """Numbers by size; a value without a number after them, by its text."""
    return (r.waarde is None, r.waarde if r.waarde is not None else 0.0, normaliseer(r.waarde_tekst))


class AlleEffectmetingenModel(Rijenmodel):
    """The measurements of the whole register; sortable by every column."""

    MAATREGEL = 0
    BREEDTES = [10, 36, 14, 18, 12, 18, 14, 12, 24]  # at most, in characters: the indicator gets the room

    def kolommen(self):
        return [
            (self.tr("Maatregel"), lambda r: r.maatregel, lambda r: natuurlijke_sleutel(r.maatregel)),
            (self.tr("Indicator"), lambda r: r.indicator, None),
            (self.tr("Waarde"), lambda r: r.waarde_tekst, _waardesleutel),
            (self.tr("Eenheid"), lambda r: r.eenheid, None),
            (self.tr("Periode"), lambda r: r.periode, None),
            (self.tr("Methode"), lambda r: r.methode, None),
            (self.tr("Bewijskracht"), lambda r: BEWIJSKRACHT.label(r.bewijskracht),
             lambda r: BEWIJSKRACHT.codes.index(r.bewijskracht) if r.bewijskracht in BEWIJSKRACHT else 99),
            (self.tr("Effect op ervaring"), lambda r: EFFECT_ERVARING.label(r.effect_ervaring),
             lambda r: EFFECT_ERVARING.codes.index(r.effect_ervaring) if r.effect_ervaring in EFFECT_ERVARING
             else 99),
            (self.tr("Bron"), _bron_en_vindplaats, None),
        ]


class ZonderEffectmetingModel(Rijenmodel):
    """(code, naam) of the measures without any measurement."""

    def kolommen(self):
        return [
            (self.tr("Code"), lambda r: r[0], lambda r: natuurlijke_sleutel(r[0])),
            (self.tr("Naam"), lambda r: r[1], None),
        ]


# --- the dialog -----------------------------------------------------------------------------------------------------

class EffectmetingDialoog(QDialog):
    """Add (meting=None) or edit one measurement of measure `code`.

    Bewijskracht has no default for a new measurement: how strong the evidence is, is exactly what the register asks
    people to state, so the choice is made on purpose ("Onbekend" is one of the choices). On a conflict the newest
    version is loaded and the user's own edits are put back on top, so that neither is lost.
    """

    def __init__(self, register, code: str, gebruiker: Callable[[], str], meting: EffectmetingRij | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.code = code
        self._gebruiker = gebruiker
        self.meting = meting
        self.resultaat: EffectmetingRij | None = None
        self.geschreven = False  # True when OK wrote something (an edit without changes writes nothing)
        with register.sessie() as sessie:
            self._bronnen = bronnen(sessie)
            bekend = gebruikte_methoden(sessie)
        self._foutlabels: dict[str, QLabel] = {}
        self._velden: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Effectmeting bewerken — %s") % code if meting
                            else self.tr("Effectmeting toevoegen — %s") % code)
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(620)

        laag = QVBoxLayout(self)
        self.formulier = QFormLayout()
        self.formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        laag.addLayout(self.formulier)

        self.indicator = self._regel(self.tr("&Indicator (verplicht):"), "indicator",
                                     self.tr("Wat is gemeten, bijv. Aandeel hoge terugvorderingen"))
        self.nulmeting = self._regel(self.tr("&Nulmeting:"), "nulmeting", self.tr("bijv. 14,2% (2021)"))
        self.waarde = QLineEdit(self)
        self.waarde.setPlaceholderText(self.tr("Zoals in de bron, bijv. 12,5% of circa € 1.250"))
        self.waarde_uitleg = _uitleglabel()
        self.waarde_uitleg.hide()
        self._rij(self.tr("&Waarde:"), self.waarde, "waarde", onder=self.waarde_uitleg)
        self.waarde.textChanged.connect(self._toon_waarde_uitleg)
        self.eenheid = self._regel(self.tr("&Eenheid:"), "eenheid", self.tr("bijv. % huishoudens"))
        self.streefwaarde = self._regel(self.tr("&Streefwaarde:"), "streefwaarde", self.tr("bijv. ≥ 94%"))
        self.periode = QLineEdit(self)
        self.periode.setPlaceholderText(self.tr("bijv. 2024, Q1 2025, H2 2025, medio 2024"))
        self.periode_uitleg = _uitleglabel()
        self.periode_uitleg.hide()
        self._rij(self.tr("&Periode:"), self.periode, "periode", onder=self.periode_uitleg)
        self.periode.textChanged.connect(self._toon_periode_uitleg)

        self.methode = QComboBox(self)
        self.methode.setEditable(True)
        self.methode.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        gangbaar = {normaliseer(m) for m in GANGBARE_METHODEN}
        self.methode.addItems(list(GANGBARE_METHODEN) + [m for m in bekend if normaliseer(m) not in gangbaar])
        self.methode.setCurrentIndex(-1)
        self.methode.lineEdit().setPlaceholderText(self.tr("Kies of typ, bijv. GEM, enquête, registratie"))
        # Suggestions in a list, never completed inline: "monitor" must not silently become "monitor (KPI)".
        aanvuller = self.methode.completer()
        aanvuller.setCompletionMode(aanvuller.CompletionMode.PopupCompletion)
        aanvuller.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        aanvuller.setFilterMode(Qt.MatchFlag.MatchContains)
        self._rij(self.tr("&Methode:"), self.methode, "methode")

        self.bewijskracht = QComboBox(self)
        self.bewijskracht.addItem(self.tr("(kies de bewijskracht)"), None)
        for term in BEWIJSKRACHT.termen:
            self.bewijskracht.addItem(term.label, term.code)
        self.bewijskracht.setToolTip(self.tr("Gemeten effect: een effectmeting met vergelijking. Samenhang: "
                                             "samenhang in de tijd, geen vastgesteld effect. Perceptie: zoals "
                                             "ervaren of gerapporteerd. Onbekend: de bron zegt het niet."))
        self._rij(self.tr("&Bewijskracht (verplicht):"), self.bewijskracht, "bewijskracht")

        self.effect_ervaring = QComboBox(self)
        self.effect_ervaring.addItem(self.tr("(niet vastgelegd)"), None)
        for term in EFFECT_ERVARING.termen:
            self.effect_ervaring.addItem(term.label, term.code)
        self._rij(self.tr("E&ffect op ervaring van burgers:"), self.effect_ervaring, "effect_ervaring")

        self.bron = QComboBox(self)
        self.bron.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.bron.setMinimumContentsLength(30)
        self.bron.addItem(self.tr("(geen)"), None)
        for b in self._bronnen:
            self.bron.addItem(f"{b.code} — {b.titel}", b.code)
            self.bron.setItemData(self.bron.count() - 1, b.titel, Qt.ItemDataRole.ToolTipRole)
        self._rij(self.tr("B&ron:"), self.bron, "bron")
        self.vindplaats = self._regel(self.tr("&Vindplaats:"), "vindplaats", self.tr("bijv. § 3.1, tabel 4"))

        self.toelichting = QPlainTextEdit(self)
        self.toelichting.setTabChangesFocus(True)
        self.toelichting.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self._rij(self.tr("&Toelichting:"), self.toelichting, "toelichting")

        # Errors that belong to no single field (an unknown source) appear above the buttons; so does a notice.
        self.algemene_fout = QLabel(self)
        self.algemene_fout.setWordWrap(True)
        self.algemene_fout.setTextFormat(Qt.TextFormat.PlainText)
        self.algemene_fout.setAccessibleName(self.tr("Melding"))
        self.algemene_fout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.algemene_fout.hide()
        laag.addWidget(self.algemene_fout)

        self.knoppen = QDialogButtonBox(self)
        self.knop_ok = self.knoppen.addButton(self.tr("&Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_ok.setAccessibleName(self.tr("Effectmeting opslaan"))
        self.knop_ok.setDefault(True)
        annuleren = self.knoppen.addButton(QDialogButtonBox.StandardButton.Cancel)
        annuleren.setText(self.tr("Annuleren"))
        annuleren.setAccessibleName(self.tr("Annuleren"))
        self.knoppen.accepted.connect(self._leg_vast)
        self.knoppen.rejected.connect(self.reject)
        laag.addWidget(self.knoppen)

        if meting is not None:
            self._zet(self._velden_van(meting))
        self.indicator.setFocus()

    # --- building ----------------------------------------------------------------------------------------------------

    def _rij(self, tekst: str, veld: QWidget, sleutel: str, onder: QWidget | None = None) -> None:
        """A labelled field (mnemonic, buddy, accessible name) with its error label right under it."""
        label = QLabel(tekst, self)
        label.setBuddy(veld)
        veld.setObjectName(sleutel)
        veld.setAccessibleName(tekst.replace("&", "").rstrip(":"))
        kolom = QWidget(self)
        laag = QVBoxLayout(kolom)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(2)
        laag.addWidget(veld)
        if onder is not None:
            laag.addWidget(onder)
        fout = foutlabel(kolom)
        laag.addWidget(fout)
        self._foutlabels[sleutel] = fout
        self._velden[sleutel] = veld
        self.formulier.addRow(label, kolom)

    def _regel(self, tekst: str, sleutel: str, voorbeeld: str) -> QLineEdit:
        invoer = QLineEdit(self)
        invoer.setPlaceholderText(voorbeeld)
        self._rij(tekst, invoer, sleutel)
        return invoer

    def _toon_waarde_uitleg(self) -> None:
        tekst = self.waarde.text()
        getal = getal_uit_tekst(tekst)
        if not tekst.strip():
            self.waarde_uitleg.clear()
        elif getal is None:
            self.waarde_uitleg.setText(self.tr("Geen getal herkend: de waarde wordt als tekst bewaard en telt niet "
                                               "mee in een trend."))
        else:
            self.waarde_uitleg.setText(self.tr("Als getal: %s") % getal_nl(getal))
        self.waarde_uitleg.setVisible(bool(tekst.strip()))

    def _toon_periode_uitleg(self) -> None:
        tekst = self.periode.text()
        try:
            periode = parse_periode_of_leeg(tekst)
        except OngeldigeDatum:
            self.periode_uitleg.setText(self.tr("Geen herkende periode: wordt als tekst bewaard; in een trend komt "
                                                "deze meting achteraan."))
        else:
            self.periode_uitleg.setText(self.tr("Gelezen als %s (%s t/m %s)") % (
                periode.nederlands(), f"{periode.van:%d-%m-%Y}", f"{periode.tot:%d-%m-%Y}") if periode else "")
        self.periode_uitleg.setVisible(bool(self.periode_uitleg.text()))

    # --- values ------------------------------------------------------------------------------------------------------

    @staticmethod
    def _velden_van(meting: EffectmetingRij) -> dict:
        return {veld: getattr(meting, veld) for veld in (
            "indicator", "nulmeting", "waarde_tekst", "eenheid", "streefwaarde", "periode", "methode",
            "bewijskracht", "effect_ervaring", "bron", "vindplaats", "toelichting")}

    def velden(self) -> dict:
        """What the form holds, as the use cases take it: an empty field is None."""
        def tekst(waarde: str) -> str | None:
            return waarde if waarde.strip() else None

        return {
            "indicator": tekst(self.indicator.text()), "nulmeting": tekst(self.nulmeting.text()),
            "waarde_tekst": tekst(self.waarde.text()), "eenheid": tekst(self.eenheid.text()),
            "streefwaarde": tekst(self.streefwaarde.text()), "periode": tekst(self.periode.text()),
            "methode": self.methode.currentText().strip() or None,
            "bewijskracht": self.bewijskracht.currentData(), "effect_ervaring": self.effect_ervaring.currentData(),
            "bron": self.bron.currentData(), "vindplaats": tekst(self.vindplaats.text()),
            "toelichting": tekst(self.toelichting.toPlainText()),
        }

    def _zet(self, velden: dict) -> None:
        for sleutel, waarde in velden.items():
            if sleutel in ("indicator", "nulmeting", "eenheid", "streefwaarde", "periode", "vindplaats",
                           "waarde_tekst"):
                invoer: QLineEdit = self.waarde if sleutel == "waarde_tekst" else getattr(self, sleutel)
                invoer.setText(waarde or "")
                invoer.setCursorPosition(0)  # a long text shows its beginning
            elif sleutel == "methode":
                self.methode.setCurrentText(waarde or "")
            elif sleutel == "toelichting":
                self.toelichting.setPlainText(waarde or "")
            else:
                combo: QComboBox = getattr(self, sleutel)
                i = combo.findData(waarde)
                if i < 0 and waarde is not None:  # a code the lists do not know (any more): shown, not lost
                    combo.addItem(str(waarde), waarde)
                    i = combo.count() - 1
                combo.setCurrentIndex(max(i, 0))

    def gewijzigde_velden(self) -> dict:
        """Editing: only the fields that differ from the measurement as loaded (so a number given on import stays)."""
        velden = self.velden()
        if self.meting is None:
            return velden
        oud = self._velden_van(self.meting)
        return {k: v for k, v in velden.items() if v != oud[k]}

    # --- errors ------------------------------------------------------------------------------------------------------

    def wis_fouten(self) -> None:
        for label in self._foutlabels.values():
            label.clear()
            label.hide()
        self.algemene_fout.clear()
        self.algemene_fout.hide()

    def toon_fout(self, melding: str, veld: str | None = None) -> None:
        """A refused rule's message beside its field, the focus there; other messages above the buttons."""
        veld = {"waarde_tekst": "waarde"}.get(veld, veld)
        label = self._foutlabels.get(veld or "")
        if label is None:
            self._toon_melding(melding, fout=True)
            return
        label.setText(melding)
        label.show()
        invoer = self._velden[veld]
        invoer.setAccessibleDescription(melding)
        invoer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toon_melding(self, melding: str, fout: bool) -> None:
        kleur = (f"color: {FOUTKLEUR}; background: #fdecea; border: 1px solid #f5c2c0;" if fout
                 else "background: palette(alternate-base); border: 1px solid palette(mid);")
        self.algemene_fout.setStyleSheet(f"QLabel {{ {kleur} border-radius: 3px; padding: 6px; }}")
        self.algemene_fout.setText(melding)
        self.algemene_fout.show()

    def foutmelding(self, veld: str | None = None) -> str:
        """The message shown at `veld` (None: the one above the buttons); empty when there is none."""
        label = self.algemene_fout if veld is None else self._foutlabels[veld]
        return label.text() if not label.isHidden() else ""

    # --- saving ------------------------------------------------------------------------------------------------------

    def _leg_vast(self) -> None:
        self.wis_fouten()
        for invoer in self._velden.values():
            invoer.setAccessibleDescription("")
        velden = self.gewijzigde_velden()
        if self.meting is not None and not velden:
            self.resultaat = self.meting
            self.accept()
            return
        try:
            with self.register.werk() as sessie:
                if self.meting is None:
                    rij = voeg_effectmeting_toe(sessie, self.code, gebruiker=self._gebruiker(), **velden)
                else:
                    rij = wijzig_effectmeting(sessie, self.meting.id, velden, self._gebruiker(), self.meting.versie)
        except ValidatieFout as fout:
            self.toon_fout(fout.melding, fout.veld)
            return
        except ConflictFout as fout:
            vragen.meld_fout(self, self.tr("Effectmeting niet opgeslagen"), fout.melding)
            self._herlaad_met_eigen_wijzigingen(velden)
            return
        except NietGevonden as fout:
            if self.meting is None:  # an unknown source or measure: nothing to reload
                self._toon_melding(fout.melding + "\n" + self.tr("Er is niets opgeslagen."), fout=True)
                return
            vragen.meld_fout(self, self.tr("Effectmeting niet opgeslagen"), fout.melding)
            self.reject()
            return
        except RegisterFout as fout:
            self._toon_melding(fout.melding + "\n" + self.tr("Er is niets opgeslagen."), fout=True)
            return
        self.resultaat = rij
        self.geschreven = True
        self.accept()

    def _herlaad_met_eigen_wijzigingen(self, eigen: dict) -> None:
        """Someone saved this measurement first: load theirs, put the user's edits back on top, ask to check."""
        try:
            with self.register.sessie() as sessie:
                nieuwste = haal_effectmeting(sessie, self.meting.id)
        except NietGevonden as fout:
            vragen.meld_fout(self, self.tr("Effectmeting niet opgeslagen"), fout.melding)
            self.reject()
            return
        self.meting = nieuwste
        self._zet(self._velden_van(nieuwste))
        self._zet(eigen)
        self._toon_melding(self.tr("De nieuwste versie is geladen, met uw eigen wijzigingen erin. Controleer ze en "
                                   "kies opnieuw Opslaan."), fout=False)


# --- a measure's tab ------------------------------------------------------------------------------------------------

class EffectmetingenTab(QWidget):
    """The measurements of one measure: table, the chosen one whole, its indicator's trend, add/edit/remove."""

    gewijzigd = Signal(str)  # measure code, after a committed add, edit or remove

    def __init__(self, register, gebruiker: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self._gebruiker = gebruiker
        self.code: str | None = None
        self._metingen: list[EffectmetingRij] = []
        self._getekend = None  # the Trendreeks drawn last: not drawn again when the same is chosen
        self.setAccessibleName(self.tr("Effectmetingen"))

        laag = QVBoxLayout(self)
        self.model = EffectmetingenModel(self)
        self.tabel = _tabel(self.model, self.tr("Effectmetingen van deze maatregel"),
                            self.tr("Enter of dubbelklik: bewerken. Delete: verwijderen."))
        self.kop = QLabel(self.tr("&Effectmetingen van deze maatregel"), self)
        self.kop.setBuddy(self.tabel)
        laag.addWidget(self.kop)

        self.trendpaneel = QWidget(self)
        trendlaag = QVBoxLayout(self.trendpaneel)
        trendlaag.setContentsMargins(0, 0, 0, 0)
        self.grafiek = Grafiekvak(self.tr("Trend van de gekozen indicator"), self.trendpaneel, breedte=4.2,
                                  hoogte=3.0)
        self.knop_png = QPushButton(self.tr("&Grafiek opslaan als PNG…"), self.trendpaneel)
        self.knop_png.setAccessibleName(self.tr("Trendgrafiek opslaan als PNG"))
        self.knop_png.clicked.connect(self._bewaar_grafiek)
        trendlaag.addWidget(self.grafiek, 1)
        trendlaag.addWidget(self.knop_png, 0, Qt.AlignmentFlag.AlignRight)
        self.trendpaneel.hide()

        # The table and, beside it, the trend of the chosen row's indicator.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabel)
        self.splitter.addWidget(self.trendpaneel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        laag.addWidget(self.splitter, 3)

        # The table cuts long texts short; the chosen measurement is shown whole below it, over the full width, in
        # a scroll area so that a long explanation does not squeeze the table.
        self.geheel = QLabel(self)
        self.geheel.setTextFormat(Qt.TextFormat.PlainText)
        self.geheel.setWordWrap(True)
        self.geheel.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.geheel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.geheel.setAccessibleName(self.tr("Gekozen effectmeting"))
        self.geheel.setMargin(6)
        self.geheel_vak = QScrollArea(self)
        self.geheel_vak.setWidget(self.geheel)
        self.geheel_vak.setWidgetResizable(True)
        self.geheel_vak.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.geheel_vak.setAccessibleName(self.tr("Gekozen effectmeting, geheel"))
        self.geheel_vak.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.geheel_vak.setMaximumHeight(self.fontMetrics().lineSpacing() * 12 + 16)
        laag.addWidget(self.geheel_vak, 1)
        self.geen_trend = _uitleglabel(self.tr("Geen trendgrafiek: die verschijnt wanneer deze indicator in meer "
                                               "dan één meting (periode) een getal heeft."))
        laag.addWidget(self.geen_trend)

        self.geen_effectmeting = QLabel(self.tr("Geen effectmeting vastgelegd."), self)
        self.geen_effectmeting.setWordWrap(True)
        self.geen_effectmeting.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        laag.addWidget(self.geen_effectmeting)
        laag.addStretch(0)  # takes the space only when there is no table

        knoppen = QHBoxLayout()
        self.knop_toevoegen = QPushButton(self.tr("&Toevoegen…"), self)
        self.knop_toevoegen.setAccessibleName(self.tr("Effectmeting toevoegen"))
        self.knop_toevoegen.clicked.connect(self.voeg_toe)
        self.knop_bewerken = QPushButton(self.tr("Bewer&ken…"), self)
        self.knop_bewerken.setAccessibleName(self.tr("Gekozen effectmeting bewerken"))
        self.knop_bewerken.clicked.connect(self.bewerk)
        self.knop_verwijderen = QPushButton(self.tr("&Verwijderen…"), self)
        self.knop_verwijderen.setAccessibleName(self.tr("Gekozen effectmeting verwijderen"))
        self.knop_verwijderen.clicked.connect(self.verwijder)
        for knop in (self.knop_toevoegen, self.knop_bewerken, self.knop_verwijderen):
            knoppen.addWidget(knop)
        knoppen.addStretch(1)
        laag.addLayout(knoppen)
        self._laag = laag

        self.tabel.activated.connect(lambda _index: self.bewerk())
        self.tabel.selectionModel().currentRowChanged.connect(self._toon_gekozen)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tabel, self.verwijder,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.toon(None)

    # --- interface ---------------------------------------------------------------------------------------------------

    def toon(self, code: str | None, metingen: list[EffectmetingRij] | None = None) -> None:
        """Show the measurements of `code` (None: empty and disabled); `metingen` when the caller read them already."""
        vorige = self.gekozen() if code is not None and code == self.code else None
        if code is not None and metingen is None:
            try:
                with self.register.sessie() as sessie:
                    metingen = effectmetingen_van_maatregel(sessie, code)
            except NietGevonden:
                code, metingen = None, []
        self.code = code
        self._metingen = list(metingen or [])
        self.model.zet_rijen(self._metingen)
        heeft = bool(self._metingen)
        self.tabel.setVisible(heeft)
        self.splitter.setVisible(heeft)
        self.geheel_vak.setVisible(heeft)
        self.geen_effectmeting.setVisible(code is not None and not heeft)
        self.kop.setBuddy(self.tabel if heeft else self.knop_toevoegen)  # Alt+E never leads to a hidden table
        _pas_kolommen_aan(self.tabel, EffectmetingenModel.BREEDTES)
        self.setEnabled(code is not None)
        self.kies(vorige.id if vorige else None)

    def aantal(self) -> int:
        return len(self._metingen)

    def metingen(self) -> list[EffectmetingRij]:
        return list(self._metingen)

    def gekozen(self) -> EffectmetingRij | None:
        return self.model.rij_van(self.tabel.currentIndex())

    def kies(self, meting_id: int | None) -> None:
        """Make the measurement with this id the chosen one (None, or gone: the first)."""
        rijen = self.model.rijen()
        rij = next((i for i, r in enumerate(rijen) if r.id == meting_id), 0)
        if rijen:
            self.tabel.setCurrentIndex(self.model.index(rij, 0))
        self._toon_gekozen(self.tabel.currentIndex())

    # --- actions -----------------------------------------------------------------------------------------------------

    def voeg_toe(self) -> None:
        if self.code is not None:
            self._open_dialoog(None)

    def bewerk(self) -> None:
        meting = self.gekozen()
        if self.code is not None and meting is not None:
            self._open_dialoog(meting)

    def _open_dialoog(self, meting: EffectmetingRij | None) -> None:
        code = self.code
        dialoog = EffectmetingDialoog(self.register, code, self._gebruiker, meting, self)
        try:
            vragen.voer_uit(dialoog)
            geschreven, resultaat = dialoog.geschreven, dialoog.resultaat
        finally:
            dialoog.deleteLater()
        # Reload also after a cancel: the dialog may have met a conflict or a removed measurement.
        self.toon(code)
        if resultaat is not None:
            self.kies(resultaat.id)
        if geschreven:
            self.gewijzigd.emit(code)

    def verwijder(self) -> None:
        meting = self.gekozen()
        if self.code is None or meting is None:
            return
        omschrijving = f"‘{meting.indicator}’"
        details = ", ".join(filter(None, (meting.waarde_tekst, meting.periode)))
        if details:
            omschrijving += f" ({details})"
        if not vragen.bevestig(self, self.tr("Effectmeting verwijderen"),
                               self.tr("Effectmeting %s van maatregel %s verwijderen?\n\nHet wijzigingslog van de "
                                       "maatregel bewaart wat er stond.") % (omschrijving, self.code),
                               ja=self.tr("Verwijderen"), nee=self.tr("Annuleren")):
            return
        code = self.code
        rij = self.tabel.currentIndex().row()
        try:
            with self.register.werk() as sessie:
                verwijder_effectmeting(sessie, meting.id, self._gebruiker(), meting.versie)
        except RegisterFout as fout:  # changed or removed meanwhile: say so, show the current state
            vragen.meld_fout(self, self.tr("Effectmeting niet verwijderd"), fout.melding)
            self.toon(code)
            return
        self.toon(code)
        rijen = self.model.rijen()
        if rijen:
            self.kies(rijen[min(rij, len(rijen) - 1)].id)
        self.gewijzigd.emit(code)

    def _bewaar_grafiek(self) -> None:
        meting = self.gekozen()
        naam = f"trend {self.code} {meting.indicator[:40] if meting else ''}".strip()
        exporteer_png(self, self.grafiek, "".join(t if t.isalnum() or t in " -_" else "_" for t in naam) + ".png")

    # --- showing the chosen one --------------------------------------------------------------------------------------

    def _toon_gekozen(self, index: _Index) -> None:
        meting = self.model.rij_van(index)
        self.knop_bewerken.setEnabled(meting is not None)
        self.knop_verwijderen.setEnabled(meting is not None)
        if meting is None:
            self.geheel.clear()
        else:
            regels = [f"{self.model.headerData(k, Qt.Orientation.Horizontal)}: {tekst}"
                      for k in range(self.model.columnCount()) if (tekst := self.model.tekst(meting, k))]
            if meting.effect_ervaring:
                regels.append(self.tr("Effect op ervaring: %s") % EFFECT_ERVARING.label(meting.effect_ervaring))
            if meting.toelichting:
                regels.append(self.tr("Toelichting: %s") % meting.toelichting)
            self.geheel.setText("\n".join(regels))
        self._toon_trend(meting)

    def _toon_trend(self, meting: EffectmetingRij | None) -> None:
        """The chosen indicator's trend beside the table; matplotlib is imported only when one is drawn."""
        reeks = trendreeks(self._metingen, meting.indicator) if meting else None
        self.geen_trend.setVisible(meting is not None and reeks is None)
        if reeks is None:
            self.trendpaneel.hide()
            return
        if reeks != self._getekend:
            self.grafiek.teken(lambda figuur: teken_trend(figuur, reeks))
            self._getekend = reeks
        self.grafiek.setAccessibleDescription(self.tr("Trend van %s: %s") % (reeks.indicator, "; ".join(
            f"{p.periode or '?'}: {p.tekst}" for p in reeks.punten)))
        if self.trendpaneel.isHidden():
            self.trendpaneel.show()
            # The chart's size hint would take most of the width: give the table three fifths.
            breedte = max(self.splitter.width(), 500)
            self.splitter.setSizes([breedte * 3 // 5, breedte - breedte * 3 // 5])


# --- the register-wide page -----------------------------------------------------------------------------------------

class EffectmetingenPagina(QWidget):
    """All measurements of the register, filtered by method, strength of evidence and text; and the measures
    without any. Enter or a double-click on either opens the measure (maatregelGekozen)."""

    maatregelGekozen = Signal(str)

    def __init__(self, register, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self._alle: list[EffectmetingRij] = []
        self._zoekteksten: dict[int, str] = {}
        self._kolommen_gezet = False  # column widths once, from the first rows: filtering must not make them jump
        self.setAccessibleName(self.tr("Effectmetingen in het register"))

        balk = QHBoxLayout()
        self.methode = QComboBox(self)
        self.methode.setAccessibleName(self.tr("Methode"))
        self.methode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.methode.setMinimumContentsLength(10)
        self.methode.view().setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)  # long methods: whole
        self.methode.addItem(self.tr("Alle methoden"), None)
        self.bewijskracht = QComboBox(self)
        self.bewijskracht.setAccessibleName(self.tr("Bewijskracht"))
        self.bewijskracht.addItem(self.tr("Alle"), None)
        for term in BEWIJSKRACHT.termen:
            self.bewijskracht.addItem(term.label, term.code)
        self.zoek = QLineEdit(self)
        self.zoek.setAccessibleName(self.tr("Zoeken in effectmetingen"))
        self.zoek.setPlaceholderText(self.tr("maatregel, indicator, bron, toelichting…"))
        self.zoek.setClearButtonEnabled(True)
        self.zoek.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        for tekst, veld in ((self.tr("&Methode:"), self.methode), (self.tr("Bewijs&kracht:"), self.bewijskracht),
                            (self.tr("&Zoeken:"), self.zoek)):
            label = QLabel(tekst, self)
            label.setBuddy(veld)
            balk.addWidget(label)
            balk.addWidget(veld, 1 if veld is self.zoek else 0)
        self.aantal_label = QLabel(self)
        self.aantal_label.setAccessibleName(self.tr("Aantal getoonde effectmetingen"))
        balk.addSpacing(12)
        balk.addWidget(self.aantal_label)

        self.model = AlleEffectmetingenModel(self)
        self.tabel = _tabel(self.model, self.tr("Effectmetingen"), self.tr("Enter of dubbelklik opent de maatregel."))
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(AlleEffectmetingenModel.MAATREGEL, Qt.SortOrder.AscendingOrder)
        kop = QLabel(self.tr("&Effectmetingen (Enter of dubbelklik opent de maatregel)"), self)
        kop.setBuddy(self.tabel)
        links = QWidget(self)
        linkslaag = QVBoxLayout(links)
        linkslaag.setContentsMargins(0, 0, 0, 0)
        linkslaag.addWidget(kop)
        linkslaag.addWidget(self.tabel, 1)

        self.zonder_model = ZonderEffectmetingModel(self)
        self.zonder_tabel = _tabel(self.zonder_model, self.tr("Maatregelen zonder effectmeting"),
                                   self.tr("Enter of dubbelklik opent de maatregel."))
        self.zonder_kop = QLabel(self)
        self.zonder_kop.setBuddy(self.zonder_tabel)
        rechts = QWidget(self)
        rechtslaag = QVBoxLayout(rechts)
        rechtslaag.setContentsMargins(0, 0, 0, 0)
        rechtslaag.addWidget(self.zonder_kop)
        rechtslaag.addWidget(self.zonder_tabel, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(links)
        self.splitter.addWidget(rechts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        laag = QVBoxLayout(self)
        laag.addLayout(balk)
        laag.addWidget(self.splitter, 3)

        self.methode.currentIndexChanged.connect(self._filter)
        self.bewijskracht.currentIndexChanged.connect(self._filter)
        self.zoek.textChanged.connect(self._filter)
        self.tabel.activated.connect(self._gekozen)
        self.zonder_tabel.activated.connect(self._zonder_gekozen)
        self.ververs()

    # --- interface ---------------------------------------------------------------------------------------------------

    def filter(self) -> EffectFilter:
        return EffectFilter(self.methode.currentData(), self.bewijskracht.currentData(), self.zoek.text())

    def ververs(self) -> None:
        """Read the register again; the filters and the chosen rows stay."""
        gekozen = self.model.rij_van(self.tabel.currentIndex())
        zonder_gekozen = self.zonder_model.rij_van(self.zonder_tabel.currentIndex())
        with self.register.sessie() as sessie:
            self._alle = alle_effectmetingen(sessie)
            zonder = maatregelen_zonder_effectmeting(sessie)
        self._zoekteksten = {r.id: zoektekst(r) for r in self._alle}

        methode = self.methode.currentData()
        self.methode.blockSignals(True)
        try:
            while self.methode.count() > 1:
                self.methode.removeItem(1)
            for m in methoden(self._alle):
                self.methode.addItem(m, m)
            i = self.methode.findData(methode) if methode is not None else 0
            if i < 0 and methode is not None:  # a method no longer in use stays chosen: the table says "0 van N"
                self.methode.addItem(methode, methode)
                i = self.methode.count() - 1
            self.methode.setCurrentIndex(i)
        finally:
            self.methode.blockSignals(False)

        self.zonder_model.zet_rijen(zonder)
        self.zonder_kop.setText(self.tr("Maatregelen z&onder effectmeting (%s)") % len(zonder))
        _pas_kolommen_aan(self.zonder_tabel, [8, 24])  # the last column stretches over what room there is
        self._filter()
        if gekozen is not None:
            self._kies(self.tabel, self.model, lambda r: r.id == gekozen.id)
        if zonder_gekozen is not None:
            self._kies(self.zonder_tabel, self.zonder_model, lambda r: r[0] == zonder_gekozen[0])

    def getoond(self) -> list[EffectmetingRij]:
        return self.model.rijen()

    def zonder(self) -> list[tuple[str, str]]:
        return self.zonder_model.rijen()

    # --- internals ---------------------------------------------------------------------------------------------------

    def _filter(self) -> None:
        gekozen = self.model.rij_van(self.tabel.currentIndex())
        rijen = filter_effectmetingen(self._alle, self.filter(), self._zoekteksten)
        self.model.zet_rijen(rijen)
        self.aantal_label.setText(self.tr("%s van %s effectmetingen") % (len(rijen), len(self._alle)))
        if not self._kolommen_gezet and rijen:
            _pas_kolommen_aan(self.tabel, AlleEffectmetingenModel.BREEDTES)
            self._kolommen_gezet = True
        if gekozen is not None:
            self._kies(self.tabel, self.model, lambda r: r.id == gekozen.id)

    @staticmethod
    def _kies(tabel: QTableView, model: Rijenmodel, past: Callable) -> None:
        for i, r in enumerate(model.rijen()):
            if past(r):
                tabel.setCurrentIndex(model.index(i, 0))
                return

    def _gekozen(self, index: QModelIndex) -> None:
        rij = self.model.rij_van(index)
        if rij is not None:
            self.maatregelGekozen.emit(rij.maatregel)

    def _zonder_gekozen(self, index: QModelIndex) -> None:
        rij = self.zonder_model.rij_van(index)
        if rij is not None:
            self.maatregelGekozen.emit(rij[0])
