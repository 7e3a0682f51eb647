"""The detail pane: every field of one measure, editable, saved through `wijzig_maatregel` with its version.

The pane keeps the values its widgets showed right after loading; a field counts as edited when the widget's value
differs from that, and only edited fields are sent. On a concurrency conflict the user chooses to reload: the newest
version is loaded and the user's own edits are put back on top, so that neither their typing nor the colleague's
change is lost (brief §7).
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize,
                            QStringListModel, Qt, Signal)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from registry.aanbeveling import AanbevelingRij, aanbevelingen, koppel, ontkoppel
from registry.domein import domeinen, toeslagen
from registry.effectmeting import EffectmetingRij, effectmetingen_van
from registry.fouten import ConflictFout, NietGevonden, RegisterFout, ValidatieFout
from registry.maatregel import (BESLUITVELDEN, GETALVELDEN, JANEE_VELDEN, KEUZEVELDEN, PERIODEVELDEN,
                                TEKSTVELDEN, MaatregelDetail, codes_en_iv_ketens, controleer_weken, haal_maatregel,
                                weken_als_tekst, wijzig_maatregel)
from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.prioritering.besluit import besluit_van, rang_van
from registry.tekst import natuurlijke_sleutel
from registry.vocabulaire import FASE, OPVOLGING, STATUS, STATUSKLEUR, Vocabulaire
from ui import vragen
from ui.conflictdialoog import ConflictDialoog
from ui.effectmetingen import EffectmetingenTab
from ui.foutlabel import FOUTKLEUR, foutlabel, toon_melding
from ui.koppeldialoog import kies_om_te_koppelen
from ui.rijenmodel import Rijenmodel
from ui.tabelweergave import alleen_lezen_tabel

_SCHEIDING = re.compile(r"[\s,;]+")
_KOPLETTERS = frozenset("os")  # the mnemonics of the header's buttons (Opslaan, Herstellen), visible on every tab

#: Dutch names of the logged fields, for the conflict dialog's table.
VELDNAMEN: dict[str, str] = {
    **TEKSTVELDEN, **JANEE_VELDEN, **PERIODEVELDEN, **GETALVELDEN, **BESLUITVELDEN,
    **{veld: vocabulaire.naam[:1].upper() + vocabulaire.naam[1:] for veld, vocabulaire in KEUZEVELDEN.items()},
    "code": "Code", "domein": "Domein", "domein_secundair": "Secundair domein", "ouder": "Bovenliggende maatregel",
    "toeslagen": "Toeslagen", "afhankelijk_van": "Afhankelijk van", "gearchiveerd": "Gearchiveerd",
    "status": "Status", "fase": "Fase", "bron": "Bron", "effectmeting": "Effectmeting",
}


def codes_uit_tekst(tekst: str) -> tuple[str, ...]:
    """Measure codes typed as a list ("tv-01, TV-02 IN-3"): upper case, each once, in reading order."""
    return tuple(sorted({c.upper() for c in _SCHEIDING.split(tekst) if c}, key=natuurlijke_sleutel))


def met_sneltoets(tekst: str, bezet: set[str]) -> str:
    """`tekst` with a mnemonic (&) on a letter not in `bezet`, preferring the start of a word; adds it to `bezet`."""
    woordbegin = [i for i, t in enumerate(tekst) if t.isalpha() and (i == 0 or not tekst[i - 1].isalpha())]
    for i in woordbegin + list(range(len(tekst))):
        teken = tekst[i].lower()
        if teken.isalpha() and teken not in bezet:
            bezet.add(teken)
            return f"{tekst[:i]}&{tekst[i:]}"
    return tekst


# --- small widgets --------------------------------------------------------------------------------------------------

class _Keuzelijst(QComboBox):
    """A combo box whose items carry Python values (None included): the value, not the label, is what is saved."""

    def __init__(self, keuzes: list[tuple[str, object]], parent: QWidget | None = None):
        super().__init__(parent)
        self._waarden: list = []
        for label, waarde in keuzes:
            self.voeg_toe(label, waarde)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def voeg_toe(self, label: str, waarde) -> None:
        self._waarden.append(waarde)
        self.addItem(label)

    def waarde(self):
        i = self.currentIndex()
        return self._waarden[i] if i >= 0 else None

    def zet_waarde(self, waarde) -> None:
        if waarde not in self._waarden:
            if waarde is None:
                self.setCurrentIndex(-1)
                return
            self.voeg_toe(str(waarde), waarde)  # a code the lists do not know (any more): shown, not lost
        self.setCurrentIndex(self._waarden.index(waarde))

    def wheelEvent(self, event) -> None:
        # Scrolling the form must not change a value the pointer happens to pass over.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _Tekstvak(QPlainTextEdit):
    """A multi-line text field a few lines high (in lines of the current font, so it scales); Tab leaves it."""

    def __init__(self, regels: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._regels = regels
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        marge = self.contentsMargins()
        hoogte = (self.fontMetrics().lineSpacing() * self._regels + 2 * self.document().documentMargin()
                  + marge.top() + marge.bottom())
        return QSize(super().sizeHint().width(), int(hoogte))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class _CodesCompleter(QCompleter):
    """Completes the last code of a list ("TV-01, IN-0…") instead of the whole text."""

    def splitPath(self, pad: str) -> list[str]:
        return [_SCHEIDING.split(pad)[-1]]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        tekst = self.widget().text() if self.widget() else ""
        laatste = _SCHEIDING.split(tekst)[-1]
        return tekst[:len(tekst) - len(laatste)] + str(index.data())


# --- table models ---------------------------------------------------------------------------------------------------

def _bron_en_vindplaats(bron: str | None, vindplaats: str | None) -> str:
    return ", ".join(filter(None, (bron, vindplaats)))


class AanbevelingenModel(Rijenmodel):
    def kolommen(self) -> list[tuple[str, Callable[[AanbevelingRij], str | None], None]]:
        return [
            (self.tr("Code"), lambda r: r.code, None),
            (self.tr("Titel"), lambda r: r.titel, None),
            (self.tr("Bron"), lambda r: _bron_en_vindplaats(r.bron, r.vindplaats), None),
            (self.tr("Opvolging"), lambda r: OPVOLGING.label(r.opvolging), None),
        ]


# --- the pane -------------------------------------------------------------------------------------------------------

@dataclass
class _Veld:
    """One editable field: its control, its message label, and how to read and set its value."""
    sleutel: str
    invoer: QWidget  # gets the focus and the accessible description of a message
    melding: QLabel
    lees: Callable[[], object]  # the value as wijzig_maatregel takes it
    zet: Callable[[object], None]  # takes what `lees` returns (or None: empty)
    uit_detail: Callable[[MaatregelDetail], object]
    beschrijving: str = ""


class _Formulier:
    """One form tab: a form layout in a scroll area, its mnemonics unique within the tab and the pane's header."""

    def __init__(self, bezet: set[str]):
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inhoud = QWidget()
        self.vorm = QFormLayout(self.inhoud)
        self.vorm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.vorm.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.inhoud)
        self.bezet = set(bezet)

    def label(self, tekst: str, buddy: QWidget) -> QLabel:
        label = QLabel(met_sneltoets(tekst, self.bezet))
        label.setBuddy(buddy)
        return label


class DetailPaneel(QWidget):
    """All fields of one measure; see the module docstring for how edits, messages and conflicts work."""

    opgeslagen = Signal(str)
    gewijzigdVeranderd = Signal(bool)
    aanbevelingGekozen = Signal(str)
    maatregelGekozen = Signal(str)
    aanbevelingenGewijzigd = Signal(str)  # a measure's code, after recommendations were linked to or unlinked from it
    effectmetingenGewijzigd = Signal(str)  # the measure code, after a measurement was added, changed or removed

    def __init__(self, register, gebruiker: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self._gebruiker = gebruiker
        self._detail: MaatregelDetail | None = None
        self._velden: dict[str, _Veld] = {}
        self._geladen: dict[str, object] = {}
        self._laden = False  # True while the widgets are filled: those changes are not the user's
        self._was_gewijzigd = False
        self._keuzelijsten_actueel = False
        with register.sessie() as sessie:
            self._domeinen = domeinen(sessie)
            self._toeslagen = toeslagen(sessie)
        self._bouw()
        self.toon(None)

    # --- building -------------------------------------------------------------------------------------------------

    def _bouw(self) -> None:
        laag = QVBoxLayout(self)
        laag.addLayout(self._bouw_kop())
        self.melding = QLabel(self)
        self.melding.setTextFormat(Qt.TextFormat.PlainText)
        self.melding.setWordWrap(True)
        self.melding.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.melding.hide()
        laag.addWidget(self.melding)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Gegevens van de maatregel"))
        self.tabs.addTab(self._bouw_algemeen(), self.tr("Algemeen"))
        self.tabs.addTab(self._bouw_iv(), self.tr("IV en afhankelijkheden"))
        self.tabs.addTab(self._bouw_planning(), self.tr("Planning"))
        self.tab_effectmetingen = EffectmetingenTab(self.register, self._gebruiker)
        self.tab_effectmetingen.gewijzigd.connect(self._effectmetingen_gewijzigd)
        self.tabs.addTab(self.tab_effectmetingen, self.tr("Effectmetingen"))
        self.tab_aanbevelingen = self._bouw_aanbevelingen()
        self.tabs.addTab(self.tab_aanbevelingen, self.tr("Aanbevelingen"))
        laag.addWidget(self.tabs, 1)

    def _bouw_kop(self) -> QHBoxLayout:
        kop = QHBoxLayout()
        tekst = QVBoxLayout()
        self.titel = QLabel(self)
        self.titel.setTextFormat(Qt.TextFormat.PlainText)  # a name with markup characters shows as typed
        self.titel.setWordWrap(True)
        self.titel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lettertype = self.titel.font()
        lettertype.setPointSizeF(lettertype.pointSizeF() * 1.3)
        lettertype.setBold(True)
        self.titel.setFont(lettertype)
        tekst.addWidget(self.titel)
        regel = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kenmerken = QLabel(self)
        self.kenmerken.setTextFormat(Qt.TextFormat.PlainText)
        self.gewijzigd_label = QLabel(self.tr("● Niet-opgeslagen wijzigingen"), self)
        self.gewijzigd_label.hide()
        regel.addWidget(self.status_label)
        regel.addWidget(self.kenmerken)
        regel.addWidget(self.gewijzigd_label)
        regel.addStretch(1)
        tekst.addLayout(regel)
        kop.addLayout(tekst, 1)

        self.knop_opslaan = QPushButton(self.tr("&Opslaan"), self)
        self.knop_opslaan.setToolTip(self.tr("De wijzigingen opslaan (Ctrl+S)"))
        self.knop_opslaan.clicked.connect(self.opslaan)
        self.knop_herstel = QPushButton(self.tr("Her&stellen"), self)
        self.knop_herstel.setToolTip(self.tr("De wijzigingen ongedaan maken: terug naar de opgeslagen gegevens"))
        self.knop_herstel.clicked.connect(self.herstel)
        for knop in (self.knop_opslaan, self.knop_herstel):
            kop.addWidget(knop, 0, Qt.AlignmentFlag.AlignTop)
        return kop

    def _veld(self, form: _Formulier, sleutel: str, tekst: str, invoer: QWidget, lees, zet, uit_detail=None, *,
              naast: list[QWidget] = (), onder: list[QWidget] = (), beschrijving: str = "",
              focus: QWidget | None = None) -> QWidget:
        """Add a row: label (with mnemonic, buddy `focus` or `invoer`), the control, extras, and a message label."""
        container = QWidget()
        kolom = QVBoxLayout(container)
        kolom.setContentsMargins(0, 0, 0, 0)
        if naast:
            rij = QHBoxLayout()
            rij.addWidget(invoer, 1)
            for w in naast:
                rij.addWidget(w)
            kolom.addLayout(rij)
        else:
            kolom.addWidget(invoer)
        for w in onder:
            kolom.addWidget(w)
        melding = foutlabel()
        kolom.addWidget(melding)
        doel = focus or invoer
        invoer.setObjectName(sleutel)  # the field key: `findChild(QLineEdit, "naam")` in tests and tools
        form.vorm.addRow(form.label(tekst, doel), container)
        if not doel.accessibleName():
            doel.setAccessibleName(tekst)
        if beschrijving:
            doel.setAccessibleDescription(beschrijving)
            doel.setToolTip(beschrijving)
        self._velden[sleutel] = _Veld(sleutel, doel, melding, lees, zet,
                                      uit_detail or (lambda d, s=sleutel: getattr(d, s)), beschrijving)
        return container

    def _bewerkt(self, sleutel: str) -> Callable[..., None]:
        return lambda *_: self._veld_bewerkt(sleutel)

    def _tekstregel(self, form: _Formulier, sleutel: str, tekst: str, **opties) -> QLineEdit:
        invoer = QLineEdit()
        self._veld(form, sleutel, tekst, invoer, lambda: invoer.text() if invoer.text().strip() else None,
                   lambda w: invoer.setText(w or ""), **opties)
        invoer.textChanged.connect(self._bewerkt(sleutel))
        return invoer

    def _tekstvak(self, form: _Formulier, sleutel: str, tekst: str, regels: int = 4) -> _Tekstvak:
        invoer = _Tekstvak(regels)
        self._veld(form, sleutel, tekst, invoer,
                   lambda: invoer.toPlainText() if invoer.toPlainText().strip() else None,
                   lambda w: invoer.setPlainText(w or ""))
        invoer.textChanged.connect(self._bewerkt(sleutel))
        return invoer

    def _keuze(self, form: _Formulier, sleutel: str, tekst: str, keuzes: list[tuple[str, object]]) -> _Keuzelijst:
        invoer = _Keuzelijst(keuzes)
        self._veld(form, sleutel, tekst, invoer, invoer.waarde, invoer.zet_waarde)
        invoer.currentIndexChanged.connect(self._bewerkt(sleutel))
        return invoer

    def _janee(self, form: _Formulier, sleutel: str, tekst: str) -> _Keuzelijst:
        return self._keuze(form, sleutel, tekst,
                           [(self.tr("Onbekend"), None), (self.tr("Ja"), True), (self.tr("Nee"), False)])

    def _vocabulaire(self, form: _Formulier, sleutel: str, tekst: str, vocabulaire: Vocabulaire) -> _Keuzelijst:
        return self._keuze(form, sleutel, tekst,
                           [(self.tr("(geen)"), None)] + [(t.label, t.code) for t in vocabulaire.termen])

    def _periode(self, form: _Formulier, sleutel: str, tekst: str, onder: list[QWidget] = ()) -> QLineEdit:
        """A vague date as typed; the use case parses it. A preview below shows how the register reads it."""
        invoer = QLineEdit()
        invoer.setPlaceholderText(self.tr("bijv. Q3 2026, eind 2026, december 2026, 31-12-2026"))
        uitleg = QLabel()
        uitleg.setTextFormat(Qt.TextFormat.PlainText)
        uitleg.setWordWrap(True)
        uitleg.hide()

        def toon_uitleg() -> None:
            try:
                periode = parse_periode_of_leeg(invoer.text())
            except OngeldigeDatum:
                periode = None
            if periode is not None:
                uitleg.setText(self.tr("Gelezen als %s (%s t/m %s)")
                               % (periode.nederlands(), f"{periode.van:%d-%m-%Y}", f"{periode.tot:%d-%m-%Y}"))
            uitleg.setVisible(periode is not None)

        def uit_detail(d: MaatregelDetail) -> str | None:
            periode = getattr(d, sleutel)
            return periode.tekst if periode else None

        self._veld(form, sleutel, tekst, invoer, lambda: invoer.text().strip() or None,
                   lambda w: invoer.setText(w or ""), uit_detail, onder=[uitleg, *onder],
                   beschrijving=self.tr("Een (vage) datum, bijvoorbeeld Q3 2026, H1 2027, eind 2026, december 2026 "
                                        "of 31-12-2026. Leeg: geen datum."))
        invoer.textChanged.connect(toon_uitleg)
        invoer.textChanged.connect(self._bewerkt(sleutel))
        return invoer

    def _weken(self, form: _Formulier, sleutel: str, tekst: str, beschrijving: str) -> QLineEdit:
        """A number of weeks, typed with a decimal comma; empty is unknown. The register's rule reads it: a text it
        refuses is pointed out beside the field as soon as the user leaves it, and refused on saving."""
        invoer = QLineEdit()
        invoer.setPlaceholderText(self.tr("bijv. 12 of 2,5; leeg: onbekend"))
        label = GETALVELDEN[sleutel]

        def lees():
            try:
                return controleer_weken(invoer.text(), sleutel, label)
            except ValidatieFout:
                return invoer.text().strip()  # as typed: wijzig_maatregel refuses it with the same message

        def zet(waarde) -> None:
            invoer.setText(waarde if isinstance(waarde, str) else weken_als_tekst(waarde))

        def controleer() -> None:
            try:
                controleer_weken(invoer.text(), sleutel, label)
            except ValidatieFout as fout:
                toon_melding(self._velden[sleutel].melding, invoer, fout.melding)

        self._veld(form, sleutel, tekst, invoer, lees, zet, beschrijving=beschrijving)
        invoer.textChanged.connect(self._bewerkt(sleutel))
        invoer.editingFinished.connect(controleer)
        return invoer

    def _alleen_lezen(self, form: _Formulier, tekst: str, naam: str) -> QLabel:
        """A line the user reads here but changes elsewhere; selectable, and reachable by Tab for screen readers."""
        regel = QLabel()
        regel.setTextFormat(Qt.TextFormat.PlainText)  # a motivation shows as typed
        regel.setWordWrap(True)
        regel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        regel.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        regel.setAccessibleName(naam)
        form.vorm.addRow(form.label(tekst, regel), regel)
        return regel

    def _koppelingen(self, naam: str) -> QLabel:
        """A label with links to measures (parent, dependencies); activating one emits maatregelGekozen."""
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        label.setAccessibleName(naam)
        label.linkActivated.connect(self.maatregelGekozen.emit)
        label.hide()
        return label

    def _bouw_algemeen(self) -> QScrollArea:
        form = _Formulier(_KOPLETTERS)
        self.code_veld = QLineEdit()
        self.code_veld.setReadOnly(True)
        self.code_veld.setObjectName("code")
        self.code_veld.setAccessibleName(self.tr("Code"))
        form.vorm.addRow(form.label(self.tr("Code"), self.code_veld), self.code_veld)
        self.naam = self._tekstregel(form, "naam", self.tr("Naam"))

        self.domein = self._keuze(form, "domein", self.tr("Domein"),
                                  [(f"{d.code} — {d.naam}", d.code) for d in self._domeinen])
        self.domein_secundair = self._keuze(form, "domein_secundair", self.tr("Secundair domein"),
                                            [(self.tr("(geen)"), None)]
                                            + [(f"{d.code} — {d.naam}", d.code) for d in self._domeinen])
        for lijst in (self.domein, self.domein_secundair):
            for i, d in enumerate(self._domeinen, start=lijst.count() - len(self._domeinen)):
                lijst.setItemData(i, d.volledige_naam, Qt.ItemDataRole.ToolTipRole)

        self.ouder = QLineEdit()
        self.ouder.setPlaceholderText(self.tr("Code, bijv. IN-01; leeg: geen"))
        self._codes_model = QStringListModel(self)
        aanvuller = QCompleter(self._codes_model, self.ouder)
        aanvuller.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.ouder.setCompleter(aanvuller)
        self.ouder_link = self._koppelingen(self.tr("Naar de bovenliggende maatregel"))
        self._veld(form, "ouder", self.tr("Bovenliggende maatregel"), self.ouder,
                   lambda: self.ouder.text().strip().upper() or None, lambda w: self.ouder.setText(w or ""),
                   naast=[self.ouder_link])
        self.ouder.textChanged.connect(self._bewerkt("ouder"))

        vakjes = QWidget()
        raster = QGridLayout(vakjes)
        raster.setContentsMargins(0, 0, 0, 0)
        self.toeslag_vakjes: dict[str, QCheckBox] = {}
        for i, t in enumerate(self._toeslagen):
            vakje = QCheckBox(met_sneltoets(f"{t.naam} ({t.code})", form.bezet))
            vakje.setObjectName(f"toeslag_{t.code}")
            vakje.setAccessibleName(self.tr("Toeslag %s") % t.naam)
            vakje.toggled.connect(self._bewerkt("toeslagen"))
            raster.addWidget(vakje, i // 2, i % 2)
            self.toeslag_vakjes[t.code] = vakje
        eerste = next(iter(self.toeslag_vakjes.values()), vakjes)
        self._veld(form, "toeslagen", self.tr("Toeslagen"), vakjes,
                   lambda: tuple(sorted(c for c, v in self.toeslag_vakjes.items() if v.isChecked())),
                   self._zet_toeslagen, focus=eerste)

        self.eigenaar = self._tekstregel(form, "eigenaar", self.tr("Eigenaar"))
        self.partners = self._tekstregel(form, "partners", self.tr("Partners"))
        self.omschrijving = self._tekstvak(form, "omschrijving", self.tr("Omschrijving"), 5)
        self.doel = self._tekstvak(form, "doel", self.tr("Doel"), 3)
        self.doelgroep = self._tekstvak(form, "doelgroep", self.tr("Doelgroep"), 2)

        self.bronnen = QListWidget()
        self.bronnen.setAccessibleName(self.tr("Bronnen"))
        self.bronnen.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.bronnen.setWordWrap(True)
        form.vorm.addRow(form.label(self.tr("Bronnen"), self.bronnen), self.bronnen)
        return form.scroll

    def _zet_toeslagen(self, codes) -> None:
        for code, vakje in self.toeslag_vakjes.items():
            vakje.setChecked(code in (codes or ()))

    def _bouw_iv(self) -> QScrollArea:
        form = _Formulier(_KOPLETTERS)
        self.iv_afhankelijk = self._janee(form, "iv_afhankelijk", self.tr("IV-afhankelijk"))
        self.iv_blokkade = self._janee(form, "iv_blokkade", self.tr("IV-blokkade"))
        self.iv_blokkade_soort = self._vocabulaire(form, "iv_blokkade_soort", self.tr("Soort IV-blokkade"),
                                                   KEUZEVELDEN["iv_blokkade_soort"])
        self.iv_keten = self._tekstregel(form, "iv_keten", self.tr("IV-keten"),
                                         beschrijving=self.tr("De IV-keten of het systeem, bijv. Innen en Betalen"))
        self._ketens_model = QStringListModel(self)
        aanvuller = QCompleter(self._ketens_model, self.iv_keten)
        aanvuller.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        aanvuller.setFilterMode(Qt.MatchFlag.MatchContains)
        self.iv_keten.setCompleter(aanvuller)
        self.iv_toelichting = self._tekstvak(form, "iv_toelichting", self.tr("Toelichting IV"), 3)
        self.iv_verwacht = self._periode(form, "iv_verwacht", self.tr("Verwachte datum einde IV-blokkade"))
        self.iv_portfolio = self._tekstregel(form, "iv_portfolio", self.tr("IV-portfolio"))
        self.wetswijziging = self._janee(form, "wetswijziging", self.tr("Wetswijziging nodig"))

        self.afhankelijk_van = QLineEdit()
        self.afhankelijk_van.setPlaceholderText(self.tr("Codes, gescheiden door komma's, bijv. IN-01, IN-04"))
        aanvuller = _CodesCompleter(self._codes_model, self.afhankelijk_van)
        aanvuller.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.afhankelijk_van.setCompleter(aanvuller)
        self.afhankelijk_links = self._koppelingen(self.tr("Naar de maatregelen waarvan deze afhangt"))
        self._veld(form, "afhankelijk_van", self.tr("Afhankelijk van maatregelen"), self.afhankelijk_van,
                   lambda: codes_uit_tekst(self.afhankelijk_van.text()),
                   lambda w: self.afhankelijk_van.setText(", ".join(w or ())), onder=[self.afhankelijk_links])
        self.afhankelijk_van.textChanged.connect(self._bewerkt("afhankelijk_van"))
        self.data_afhankelijkheid = self._tekstvak(form, "data_afhankelijkheid", self.tr("Afhankelijkheid van data"),
                                                   2)
        for invoer in (self.ouder, self.afhankelijk_van, self.iv_keten):
            invoer.installEventFilter(self)
        return form.scroll

    def _bouw_planning(self) -> QScrollArea:
        form = _Formulier(_KOPLETTERS)
        self.planning_oorspronkelijk = QLineEdit()
        self.planning_oorspronkelijk.setReadOnly(True)
        self.planning_oorspronkelijk.setObjectName("planning_oorspronkelijk")
        beschrijving = self.tr("Wordt vastgelegd bij de eerste planning en daarna nooit gewijzigd; pas de huidige "
                               "planning aan.")
        self.planning_oorspronkelijk.setAccessibleName(self.tr("Oorspronkelijke planning"))
        self.planning_oorspronkelijk.setAccessibleDescription(beschrijving)
        self.planning_oorspronkelijk.setToolTip(beschrijving)
        form.vorm.addRow(form.label(self.tr("Oorspronkelijke planning"), self.planning_oorspronkelijk),
                         self.planning_oorspronkelijk)

        self.verstreken = QLabel(self.tr("⚠ Verstreken: de huidige planning is voorbij en de maatregel is nog niet "
                                         "ingevoerd."))
        self.verstreken.setWordWrap(True)
        self.verstreken.setStyleSheet(f"color: {FOUTKLEUR}; font-weight: bold;")
        self.verstreken.hide()
        self.planning_huidig = self._periode(form, "planning_huidig", self.tr("Huidige planning"),
                                             onder=[self.verstreken])
        self.vertraging_reden = self._vocabulaire(form, "vertraging_reden", self.tr("Reden van vertraging"),
                                                  KEUZEVELDEN["vertraging_reden"])
        self.vertraging_toelichting = self._tekstvak(form, "vertraging_toelichting",
                                                     self.tr("Toelichting vertraging"), 3)

        groep = QGroupBox(self.tr("Prioritering"))
        groepvorm = QFormLayout(groep)
        groepvorm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        groepvorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        buitenvorm, form.vorm = form.vorm, groepvorm
        self.verwacht_effect = self._vocabulaire(form, "verwacht_effect", self.tr("Verwacht effect"),
                                                 KEUZEVELDEN["verwacht_effect"])
        self.effect_basis = self._vocabulaire(form, "effect_basis", self.tr("Basis van het verwachte effect"),
                                              KEUZEVELDEN["effect_basis"])
        self.iv_inspanning = self._tekstregel(form, "iv_inspanning", self.tr("IV-inspanning"))
        self.iv_weken = self._weken(form, "iv_weken", self.tr("IV-weken"),
                                    self.tr("De IV-inspanning in weken op de IV-keten; de prioritering rekent "
                                            "hiermee, of met de omvang als dit leeg is."))
        self.iv_omvang = self._vocabulaire(form, "iv_omvang", self.tr("Omvang IV"), KEUZEVELDEN["iv_omvang"])
        self.iv_omvang.setToolTip(self.tr("Een maat in plaats van het aantal IV-weken: XS 1, S 4, M 12, L 26, "
                                          "XL 52 weken. Geldt alleen als IV-weken leeg is."))
        self.personeel_weken = self._weken(form, "personeel_weken", self.tr("Personeel (weken)"),
                                           self.tr("De inzet van personeel in weken; leeg: onbekend."))
        self.besluit = self._alleen_lezen(form, self.tr("Besluit"), self.tr("Prioriteringsbesluit"))
        self.rang_handmatig = self._alleen_lezen(form, self.tr("Handmatige rang"), self.tr("Handmatige rang"))
        hint = QLabel(self.tr("Het besluit en de rang legt u vast op de pagina Prioritering, met een motivatie."))
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        form.vorm.addRow(hint)
        form.vorm = buitenvorm
        form.vorm.addRow(groep)
        return form.scroll

    def _tabel(self, model: Rijenmodel, naam: str) -> QTableView:
        tabel = alleen_lezen_tabel(model, naam)
        tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tabel.horizontalHeader().setStretchLastSection(True)
        return tabel

    def _pas_kolommen_aan(self, tabel: QTableView) -> None:
        tabel.resizeColumnsToContents()
        breedst = tabel.fontMetrics().averageCharWidth() * 30  # long texts: the tooltip shows them whole
        for k in range(tabel.model().columnCount()):
            tabel.setColumnWidth(k, min(tabel.columnWidth(k), breedst))

    def _bouw_aanbevelingen(self) -> QWidget:
        pagina = QWidget()
        laag = QVBoxLayout(pagina)
        self.aanbevelingen_model = AanbevelingenModel(self)
        self.aanbevelingen_tabel = self._tabel(self.aanbevelingen_model, self.tr("Gekoppelde aanbevelingen"))
        self.aanbevelingen_tabel.setAccessibleDescription(self.tr("Enter of dubbelklik opent de aanbeveling."))
        self.aanbevelingen_tabel.activated.connect(self._aanbeveling_geactiveerd)
        bezet = set(_KOPLETTERS)
        kop = QLabel(met_sneltoets(self.tr("Gekoppelde aanbevelingen"), bezet))
        kop.setBuddy(self.aanbevelingen_tabel)
        hint = QLabel(self.tr("Enter of dubbelklik opent de aanbeveling."))
        hint.setWordWrap(True)
        self.geen_aanbeveling = QLabel(self.tr("Geen aanbeveling gekoppeld."))
        self.geen_aanbeveling.setWordWrap(True)
        # Links are not part of the measure's version: these buttons write at once and leave unsaved edits alone.
        self.knop_aanbeveling_koppelen = QPushButton(met_sneltoets(self.tr("Koppelen…"), bezet))
        self.knop_aanbeveling_koppelen.setToolTip(self.tr("Een of meer aanbevelingen aan deze maatregel koppelen"))
        self.knop_aanbeveling_koppelen.clicked.connect(self.koppel_aanbevelingen)
        self.knop_aanbeveling_ontkoppelen = QPushButton(met_sneltoets(self.tr("Ontkoppelen…"), bezet))
        self.knop_aanbeveling_ontkoppelen.setToolTip(self.tr("De gekozen aanbeveling loskoppelen van deze maatregel"))
        self.knop_aanbeveling_ontkoppelen.clicked.connect(self.ontkoppel_aanbeveling)
        self.aanbevelingen_tabel.selectionModel().currentRowChanged.connect(
            lambda *_: self._werk_aanbevelingknoppen_bij())
        knoppen = QHBoxLayout()
        knoppen.addWidget(self.knop_aanbeveling_koppelen)
        knoppen.addWidget(self.knop_aanbeveling_ontkoppelen)
        knoppen.addStretch(1)
        laag.addWidget(kop)
        laag.addWidget(self.aanbevelingen_tabel, 1)
        laag.addWidget(hint)
        laag.addWidget(self.geen_aanbeveling)
        laag.addLayout(knoppen)
        laag.addStretch(0)  # takes the space only when there is no table
        self._aanbevelingen_laag = laag
        self._aanbeveling_hint = hint
        return pagina

    # --- interface ------------------------------------------------------------------------------------------------

    def voeg_tab_toe(self, widget: QWidget, titel: str, index: int) -> None:
        self.tabs.insertTab(index, widget, titel)

    def code(self) -> str | None:
        return self._detail.code if self._detail else None

    def detail(self) -> MaatregelDetail | None:
        return self._detail

    def is_gewijzigd(self) -> bool:
        return bool(self._gewijzigde_velden())

    def toon(self, code: str | None) -> None:
        """Load `code` fresh from the database (None: empty and disabled); unsaved edits are dropped."""
        self._toon_bericht("")
        if code is None:
            self._vul(None, [], [])
            return
        try:
            self._vul(*self._lees(code))
        except NietGevonden as fout:
            self._vul(None, [], [])
            self._toon_bericht(fout.melding, fout=True)

    def opslaan(self) -> bool:
        """Save the edited fields; False (and a message, nothing written) when the register refuses them."""
        velden = self._gewijzigde_velden()
        if not velden:
            return True
        self._wis_meldingen()
        code, versie = self._detail.code, self._detail.versie
        try:
            with self.register.werk() as sessie:
                wijzig_maatregel(sessie, code, velden, self._gebruiker(), versie)
        except ValidatieFout as fout:
            self._toon_fout(fout.melding, fout.veld)
            return False
        except ConflictFout as fout:
            self._los_conflict_op(fout, velden)
            return False
        except NietGevonden as fout:
            self._toon_fout(fout.melding, self._veld_met_code(fout.melding, velden))
            return False
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Opslaan mislukt"), fout.melding)
            return False
        self.toon(code)
        self.opgeslagen.emit(code)
        return True

    def herstel(self) -> None:
        """Back to the values as loaded."""
        self._laden = True
        try:
            for sleutel, veld in self._velden.items():
                veld.zet(self._geladen.get(sleutel))
        finally:
            self._laden = False
        self._wis_meldingen()
        self._werk_toestand_bij()

    def mag_verlaten(self) -> bool:
        """May another measure be shown? Asks about unsaved edits: save, discard, or stay."""
        if not self.is_gewijzigd():
            return True
        antwoord = vragen.vraag_opslaan(
            self, self.tr("De wijzigingen in maatregel %s zijn nog niet opgeslagen. Wilt u ze opslaan?")
            % self._detail.code)
        if antwoord == vragen.OPSLAAN:
            return self.opslaan()
        if antwoord == vragen.VERWERPEN:
            self.herstel()
            return True
        return False

    def _aanbeveling_geactiveerd(self, index: QModelIndex) -> None:
        if index.isValid():
            self.aanbevelingGekozen.emit(self.aanbevelingen_model.rij(index.row()).code)

    def _gekozen_aanbeveling(self) -> str | None:
        index = self.aanbevelingen_tabel.currentIndex()
        if not index.isValid() or index.row() >= self.aanbevelingen_model.rowCount():
            return None
        return self.aanbevelingen_model.rij(index.row()).code

    def _werk_aanbevelingknoppen_bij(self) -> None:
        # registry.aanbeveling.koppel refuses an archived measure; the button says so before the user tries.
        gearchiveerd = self._detail is not None and self._detail.gearchiveerd
        self.knop_aanbeveling_koppelen.setEnabled(self._detail is not None and not gearchiveerd)
        self.knop_aanbeveling_koppelen.setToolTip(
            self.tr("Deze maatregel is gearchiveerd; zet hem eerst terug om aanbevelingen te koppelen")
            if gearchiveerd else self.tr("Een of meer aanbevelingen aan deze maatregel koppelen"))
        self.knop_aanbeveling_ontkoppelen.setEnabled(self._detail is not None
                                                     and self._gekozen_aanbeveling() is not None)

    def koppel_aanbevelingen(self) -> None:
        """Choose recommendations in the KoppelDialoog and link them to this measure at once."""
        if self._detail is None:
            return
        code, maatregel_id = self._detail.code, self._detail.id
        with self.register.sessie() as sessie:
            keuzes = [(a.code, a.titel) for a in aanbevelingen(sessie)]
        al_gekoppeld = {self.aanbevelingen_model.rij(r).code for r in range(self.aanbevelingen_model.rowCount())}
        gekozen = kies_om_te_koppelen(
            self, self.tr("Aanbevelingen koppelen"),
            self.tr("Kies de aanbevelingen die maatregel %s (mede) opvolgt. Typ om te zoeken; met Ctrl of Shift "
                    "kiest u er meer dan één.") % code,
            keuzes, al_gekoppeld)
        if not gekozen:
            return
        try:
            with self.register.werk() as sessie:
                for aanbeveling in gekozen:
                    koppel(sessie, aanbeveling, code, self._gebruiker())
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Koppelen mislukt"), fout.melding)
            self._herlaad_aanbevelingen(maatregel_id)
            return
        self._herlaad_aanbevelingen(maatregel_id, kies=gekozen[0])
        self.aanbevelingenGewijzigd.emit(code)

    def ontkoppel_aanbeveling(self) -> None:
        """Unlink the chosen recommendation from this measure, after confirmation."""
        aanbeveling = self._gekozen_aanbeveling()
        if self._detail is None or aanbeveling is None:
            return
        code, maatregel_id = self._detail.code, self._detail.id
        if not vragen.bevestig(self, self.tr("Aanbeveling ontkoppelen"),
                               self.tr("Aanbeveling %s loskoppelen van maatregel %s? De aanbeveling zelf blijft "
                                       "bestaan.") % (aanbeveling, code), ja=self.tr("Ontkoppelen")):
            return
        try:
            with self.register.werk() as sessie:
                ontkoppel(sessie, aanbeveling, code, self._gebruiker())
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Ontkoppelen mislukt"), fout.melding)
            self._herlaad_aanbevelingen(maatregel_id)
            return
        self._herlaad_aanbevelingen(maatregel_id)
        self.aanbevelingenGewijzigd.emit(code)

    def ververs_aanbevelingen(self) -> None:
        """Reread only the Aanbevelingen tab (links changed elsewhere); edits in the other tabs stay."""
        if self._detail is not None:
            self._herlaad_aanbevelingen(self._detail.id)

    def _herlaad_aanbevelingen(self, maatregel_id: int, kies: str | None = None) -> None:
        """Reread only this tab: the other tabs keep what the user typed."""
        with self.register.sessie() as sessie:
            gekoppeld = aanbevelingen(sessie, maatregel_ids={maatregel_id})
        self._toon_aanbevelingen(self._detail, gekoppeld)
        rij = next((i for i, a in enumerate(gekoppeld) if a.code == kies), None)
        if rij is not None:
            self.aanbevelingen_tabel.setCurrentIndex(self.aanbevelingen_model.index(rij, 0))

    def _toon_aanbevelingen(self, d: MaatregelDetail | None, gekoppeld: list[AanbevelingRij]) -> None:
        self.aanbevelingen_model.zet_rijen(gekoppeld)
        self.aanbevelingen_tabel.setVisible(bool(gekoppeld))
        self._aanbeveling_hint.setVisible(bool(gekoppeld))
        self.geen_aanbeveling.setVisible(d is not None and not gekoppeld)
        self._pas_kolommen_aan(self.aanbevelingen_tabel)
        self.aanbevelingen_tabel.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._aanbevelingen_laag.setStretch(self._aanbevelingen_laag.count() - 1, 0 if gekoppeld else 1)
        self.tabs.setTabText(self.tabs.indexOf(self.tab_aanbevelingen),
                             self.tr("Aanbevelingen (%s)") % len(gekoppeld) if d else self.tr("Aanbevelingen"))
        self._werk_aanbevelingknoppen_bij()

    # --- loading --------------------------------------------------------------------------------------------------

    def _lees(self, code: str) -> tuple[MaatregelDetail, list[EffectmetingRij], list[AanbevelingRij]]:
        with self.register.sessie() as sessie:
            detail = haal_maatregel(sessie, code)
            effecten = effectmetingen_van(sessie, [detail.id]).get(detail.id, [])
            gekoppeld = aanbevelingen(sessie, maatregel_ids={detail.id})
        return detail, effecten, gekoppeld

    def _vul(self, detail: MaatregelDetail | None, effecten: list[EffectmetingRij],
             gekoppeld: list[AanbevelingRij], eigen: dict | None = None) -> None:
        """Show `detail`; `eigen` are the user's pending edits, put back on top of it (after a conflict)."""
        self._laden = True
        try:
            self._detail = detail
            self._keuzelijsten_actueel = False
            for veld in self._velden.values():
                veld.zet(veld.uit_detail(detail) if detail else None)
            self._geladen = {sleutel: veld.lees() for sleutel, veld in self._velden.items()}
            for sleutel, waarde in (eigen or {}).items():
                self._velden[sleutel].zet(waarde)
            self._vul_kop(detail)
            self._vul_rest(detail, effecten, gekoppeld)
        finally:
            self._laden = False
        self._wis_meldingen()
        self.tabs.setEnabled(detail is not None)
        self._werk_toestand_bij()

    def _vul_kop(self, d: MaatregelDetail | None) -> None:
        if d is None:
            self.titel.setText(self.tr("Geen maatregel gekozen"))
            self.status_label.clear()
            self.kenmerken.clear()
            return
        self.titel.setText(f"{d.code} — {d.naam}")
        status = STATUS[d.status] if d.status in STATUS else None
        self.status_label.setText(f"{status.symbool} {status.label}" if status else d.status)
        self.status_label.setStyleSheet(f"color: {STATUSKLEUR.get(d.status, 'palette(text)')}; font-weight: bold;")
        delen = [FASE.label(d.fase)] if d.fase else []
        if d.status_afgeleid:
            delen.append(self.tr("afgeleid"))
        delen.append(self.tr("versie %s") % d.versie)
        if d.gearchiveerd:
            delen.append(self.tr("gearchiveerd"))
        self.kenmerken.setText(" · ".join(delen))

    def _vul_rest(self, d: MaatregelDetail | None, effecten: list[EffectmetingRij],
                  gekoppeld: list[AanbevelingRij]) -> None:
        self.code_veld.setText(d.code if d else "")
        self.bronnen.clear()
        for b in d.bronnen if d else ():
            item = QListWidgetItem(" — ".join(filter(None, (b.bron, b.vindplaats))))
            if b.toelichting:
                item.setToolTip(b.toelichting)
            self.bronnen.addItem(item)
        if d is not None and not d.bronnen:
            self.bronnen.addItem(self.tr("(geen bron vastgelegd)"))

        p = d.planning_oorspronkelijk if d else None
        if p is None:
            self.planning_oorspronkelijk.setText(self.tr("(nog niet vastgelegd)") if d else "")
        elif p.nederlands().casefold() == p.tekst.casefold():
            self.planning_oorspronkelijk.setText(p.tekst)
        else:
            self.planning_oorspronkelijk.setText(f"{p.nederlands()} (“{p.tekst}”)")
        self.planning_oorspronkelijk.setCursorPosition(0)
        verstreken = bool(d and d.planning_huidig and d.status != "ingevoerd"
                          and d.planning_huidig.verstreken(date.today()))
        self.verstreken.setVisible(verstreken)

        if d is None:
            self.besluit.clear()
            self.rang_handmatig.clear()
        else:
            self.besluit.setText(besluit_van(d) or self.tr("(geen besluit)"))
            self.rang_handmatig.setText(rang_van(d) or self.tr("(geen: de plaats volgt uit de score)"))

        self._zet_links(self.ouder_link, (d.ouder,) if d and d.ouder else (), self.tr("Naar %s"))
        self._zet_links(self.afhankelijk_links, d.afhankelijk_van if d else (), self.tr("Openen: %s"))

        self.tab_effectmetingen.toon(d.code if d else None, effecten)
        self._werk_effecttitel_bij()
        self._toon_aanbevelingen(d, gekoppeld)

    def _werk_effecttitel_bij(self) -> None:
        tab = self.tab_effectmetingen
        self.tabs.setTabText(self.tabs.indexOf(tab), self.tr("Effectmetingen (%s)") % tab.aantal()
                             if tab.code else self.tr("Effectmetingen"))

    def _effectmetingen_gewijzigd(self, code: str) -> None:
        """Measurements are saved on their own (not part of the measure's version): only the count follows here."""
        self._werk_effecttitel_bij()
        self.effectmetingenGewijzigd.emit(code)

    def _zet_links(self, label: QLabel, codes: tuple[str, ...], sjabloon: str) -> None:
        links = ", ".join(f'<a href="{html.escape(c, quote=True)}">{html.escape(c)}</a>' for c in codes)
        label.setText(sjabloon % links if codes else "")
        label.setVisible(bool(codes))

    def _laad_keuzelijsten(self) -> None:
        """The codes and IV chains to complete from: read when a field that completes gets the focus, not per load."""
        if self._keuzelijsten_actueel:
            return
        with self.register.sessie() as sessie:
            rijen = codes_en_iv_ketens(sessie)
        eigen = self.code()
        self._codes_model.setStringList([code for code, _ in rijen if code != eigen])
        self._ketens_model.setStringList(sorted({keten for _, keten in rijen if keten}, key=str.casefold))
        self._keuzelijsten_actueel = True

    def eventFilter(self, bron: QObject, gebeurtenis: QEvent) -> bool:
        if gebeurtenis.type() == QEvent.Type.FocusIn and self._detail is not None:
            self._laad_keuzelijsten()
        return super().eventFilter(bron, gebeurtenis)

    # --- edits, messages and conflicts ----------------------------------------------------------------------------

    def _gewijzigde_velden(self) -> dict:
        if self._detail is None:
            return {}
        return {sleutel: waarde for sleutel, veld in self._velden.items()
                if (waarde := veld.lees()) != self._geladen.get(sleutel)}

    def _veld_bewerkt(self, sleutel: str) -> None:
        if self._laden:
            return
        self._wis_melding(self._velden[sleutel])
        self._werk_toestand_bij()

    def _werk_toestand_bij(self) -> None:
        gewijzigd = self.is_gewijzigd()
        self.knop_opslaan.setEnabled(gewijzigd)
        self.knop_herstel.setEnabled(gewijzigd)
        self.gewijzigd_label.setVisible(gewijzigd)
        if gewijzigd != self._was_gewijzigd:
            self._was_gewijzigd = gewijzigd
            self.gewijzigdVeranderd.emit(gewijzigd)

    def _toon_bericht(self, tekst: str, fout: bool = False) -> None:
        """The message line above the tabs: errors without a field of their own, and notices."""
        self.melding.setText(tekst)
        self.melding.setStyleSheet(f"color: {FOUTKLEUR};" if fout else "")
        self.melding.setVisible(bool(tekst))

    def _wis_melding(self, veld: _Veld) -> None:
        if veld.melding.isHidden() and not veld.melding.text():
            return
        toon_melding(veld.melding, veld.invoer, "", veld.beschrijving)

    def _wis_meldingen(self) -> None:
        for veld in self._velden.values():
            self._wis_melding(veld)
        if self.melding.styleSheet():  # an error; a notice stays until the next load
            self._toon_bericht("")

    def _toon_fout(self, melding: str, sleutel: str | None) -> None:
        """Show a refusal beside its field: switch to the field's tab, focus it, describe it for screen readers."""
        sleutel = {"planning_oorspronkelijk": "planning_huidig", "toeslag": "toeslagen"}.get(sleutel, sleutel)
        veld = self._velden.get(sleutel) if sleutel else None
        if veld is None:
            self._toon_bericht(melding, fout=True)
            return
        toon_melding(veld.melding, veld.invoer, melding)
        for i in range(self.tabs.count()):
            pagina = self.tabs.widget(i)
            if pagina.isAncestorOf(veld.invoer):
                self.tabs.setCurrentIndex(i)
                if isinstance(pagina, QScrollArea):
                    pagina.ensureWidgetVisible(veld.melding)
                    pagina.ensureWidgetVisible(veld.invoer)
                break
        veld.invoer.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _veld_met_code(melding: str, velden: dict) -> str | None:
        """Which reference field named the unknown code in `melding` (the register's message names the code)."""
        for sleutel in ("ouder", "afhankelijk_van"):
            waarde = velden.get(sleutel)
            codes = (waarde,) if isinstance(waarde, str) else (waarde or ())
            if any(re.search(rf"\b{re.escape(c)}\b", melding) for c in codes):
                return sleutel
        return None

    def _los_conflict_op(self, fout: ConflictFout, eigen: dict) -> None:
        """Someone else saved first: show what they changed; on "Opnieuw laden" load theirs and keep ours on top."""
        dialoog = ConflictDialoog(
            fout.melding, fout.wijzigingen, veldnamen=VELDNAMEN, parent=self,
            uitleg=self.tr("Met ‘Opnieuw laden’ haalt u de nieuwste versie op; uw eigen wijzigingen blijven daarin "
                           "staan. Controleer ze en sla daarna opnieuw op. Met ‘Annuleren’ blijft alles staan zoals "
                           "u het hebt ingevoerd; er is niets opgeslagen."))
        try:
            herladen = vragen.voer_uit(dialoog)
        finally:
            dialoog.deleteLater()
        if not herladen:
            self._toon_bericht(self.tr("Niet opgeslagen: iemand anders heeft de maatregel intussen gewijzigd."),
                               fout=True)
            return
        code = self._detail.code
        try:
            detail, effecten, gekoppeld = self._lees(code)
        except NietGevonden as fout_weg:
            self._toon_bericht(fout_weg.melding, fout=True)
            return
        self._vul(detail, effecten, gekoppeld, eigen=eigen)
        if self.is_gewijzigd():
            self._toon_bericht(self.tr("De nieuwste versie (versie %s) is geladen met uw wijzigingen erin. Controleer "
                                       "ze en sla opnieuw op.") % detail.versie)
