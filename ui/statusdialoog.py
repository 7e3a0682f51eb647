"""Recording a status change for one or more measures, and correcting a history entry.

Both dialogs hand what the user typed to the registry's use cases (`wijzig_status`, `corrigeer_historie`) in one
unit of work, and show the message a refused rule raises next to its field; they decide no rule themselves.
"""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractButton, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

from registry.bron import bronnen
from registry.fouten import ConflictFout, RegisterFout, ValidatieFout
from registry.maatregel import haal_maatregel
from registry.status import HistorieRij, corrigeer_historie, wijzig_status
from registry.vocabulaire import FASE, STATUS, STATUSKLEUR
from ui.foutlabel import FOUTKLEUR, foutlabel

_ONGEWIJZIGD = "__ongewijzigd__"  # fase combo: every measure keeps the fase it has


def statustekst(code: str | None) -> str:
    """'● Deels': the symbol always beside the label, so that colour is never the only cue."""
    if not code or code not in STATUS:
        return ""
    term = STATUS[code]
    return f"{term.symbool} {term.label}"


def datumtekst(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


class _StatusFormulier(QDialog):
    """The fields both dialogs share: status, fase, date, reason, source and citation, and the error labels."""

    def __init__(self, register, gebruiker: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.gebruiker = gebruiker
        self.setMinimumWidth(660)
        with register.sessie() as sessie:
            self._bronnen = bronnen(sessie)
        self._foutlabels: dict[str, QLabel] = {}
        self._velden: dict[str, QWidget] = {}

        self.hoofdlaag = QVBoxLayout(self)
        self.kop = QLabel(self)
        self.kop.setWordWrap(True)
        self.kop.setTextFormat(Qt.TextFormat.PlainText)
        self.kop.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hoofdlaag.addWidget(self.kop)

        # Status: three radio buttons, each with its symbol and colour.
        self.statusgroep = QGroupBox(self.tr("Nieuwe status"), self)
        self.statusgroep.setAccessibleName(self.tr("Nieuwe status"))
        statuslaag = QHBoxLayout(self.statusgroep)
        self.statusknoppen = QButtonGroup(self)
        self.statusknop: dict[str, QRadioButton] = {}
        mnemonic = {"ingevoerd": "&Ingevoerd", "deels": "&Deels", "niet": "&Niet ingevoerd"}
        for term in STATUS.termen:
            knop = QRadioButton(f"{term.symbool} {self.tr(mnemonic.get(term.code, term.label))}", self.statusgroep)
            knop.setAccessibleName(self.tr("Status %s") % term.label)
            knop.setStyleSheet(f"QRadioButton {{ color: {STATUSKLEUR[term.code]}; font-weight: bold; }}")
            knop.setProperty("status", term.code)
            self.statusknoppen.addButton(knop)
            self.statusknop[term.code] = knop
            statuslaag.addWidget(knop)
        statuslaag.addStretch(1)
        self.hoofdlaag.addWidget(self.statusgroep)
        self._foutlabel("status", self.hoofdlaag)
        self._velden["status"] = self.statusknop[STATUS.codes[0]]

        self.formulier = QFormLayout()
        self.formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hoofdlaag.addLayout(self.formulier)

        self.fase = QComboBox(self)
        self.fase.setAccessibleName(self.tr("Fase"))
        self._rij(self.tr("&Fase:"), self.fase, "fase")

        self.datum = QDateEdit(self)
        self.datum.setDisplayFormat("dd-MM-yyyy")
        self.datum.setCalendarPopup(True)
        self.datum.setMaximumDate(QDate.currentDate())
        self.datum.setDate(QDate.currentDate())
        self.datum.setAccessibleName(self.tr("Peildatum"))
        self.datum.setToolTip(self.tr("De dag waarop de status gold (de datum van het document); niet in de "
                                      "toekomst."))
        self.datum.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._rij(self.tr("&Peildatum:"), self.datum, "datum")

        self.toelichting = QPlainTextEdit(self)
        self.toelichting.setTabChangesFocus(True)
        self.toelichting.setAccessibleName(self.tr("Toelichting (verplicht)"))
        self.toelichting.setPlaceholderText(self.tr("Waarom verandert de status? Waar blijkt dat uit?"))
        self.toelichting.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._rij(self.tr("&Toelichting (verplicht):"), self.toelichting, "toelichting")

        self.bron = QComboBox(self)
        self.bron.setAccessibleName(self.tr("Bron"))
        self.bron.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.bron.setMinimumContentsLength(30)
        self.bron.addItem(self.tr("(geen)"), None)
        for b in self._bronnen:
            self.bron.addItem(f"{b.code} — {b.titel}", b.code)
            self.bron.setItemData(self.bron.count() - 1, b.titel, Qt.ItemDataRole.ToolTipRole)
        self._rij(self.tr("&Bron:"), self.bron, "bron")

        self.vindplaats = QLineEdit(self)
        self.vindplaats.setAccessibleName(self.tr("Vindplaats in de bron"))
        self.vindplaats.setPlaceholderText(self.tr("bijv. §1.6.1, Hoofdstuk 2 of p. 12"))
        self._rij(self.tr("&Vindplaats:"), self.vindplaats, "vindplaats")

        self.brontekst = QPlainTextEdit(self)
        self.brontekst.setTabChangesFocus(True)
        self.brontekst.setAccessibleName(self.tr("Letterlijke tekst uit de bron"))
        self.brontekst.setPlaceholderText(self.tr("De woorden van het document zelf (optioneel)"))
        self.brontekst.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._rij(self.tr("&Letterlijke tekst:"), self.brontekst, "brontekst")

        self.afgeleid = QCheckBox(self.tr("&Afgeleid: de bron noemt deze status niet met zoveel woorden"), self)
        self.afgeleid.setAccessibleName(self.tr("Status afgeleid"))
        self.formulier.addRow("", self.afgeleid)
        self._velden["afgeleid"] = self.afgeleid

        # Errors that belong to no single field (a conflict, an unknown source) appear above the buttons.
        self.algemene_fout = QLabel(self)
        self.algemene_fout.setWordWrap(True)
        self.algemene_fout.setTextFormat(Qt.TextFormat.PlainText)
        self.algemene_fout.setAccessibleName(self.tr("Foutmelding"))
        self.algemene_fout.setStyleSheet(f"QLabel {{ color: {FOUTKLEUR}; background: #fdecea; "
                                         "border: 1px solid #f5c2c0; border-radius: 3px; padding: 6px; }")
        self.algemene_fout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.algemene_fout.hide()
        self.hoofdlaag.addWidget(self.algemene_fout)

        self.knoppen = QDialogButtonBox(self)
        self.knop_ok = self.knoppen.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_ok.setDefault(True)
        annuleren = self.knoppen.addButton(QDialogButtonBox.StandardButton.Cancel)
        annuleren.setText(self.tr("Annuleren"))
        annuleren.setAccessibleName(self.tr("Annuleren"))
        self.knoppen.accepted.connect(self._leg_vast)
        self.knoppen.rejected.connect(self.reject)
        self.hoofdlaag.addWidget(self.knoppen)

    # --- building ----------------------------------------------------------------------------------------------------

    def _foutlabel(self, veld: str, laag=None) -> QLabel:
        label = foutlabel(self)
        self._foutlabels[veld] = label
        if laag is not None:
            laag.addWidget(label)
        return label

    def _rij(self, tekst: str, veld: QWidget, sleutel: str) -> None:
        """A labelled field with its error label right under it."""
        label = QLabel(tekst, self)
        label.setBuddy(veld)
        kolom = QWidget(self)
        laag = QVBoxLayout(kolom)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(2)
        laag.addWidget(veld)
        self._foutlabel(sleutel, laag)
        self.formulier.addRow(label, kolom)
        self._velden[sleutel] = veld

    def _vul_fases(self, eerste: list[tuple[str, object]]) -> None:
        for tekst, waarde in eerste:
            self.fase.addItem(tekst, waarde)
        for term in FASE.termen:
            self.fase.addItem(term.label, term.code)

    def _kies(self, combo: QComboBox, waarde) -> None:
        i = combo.findData(waarde)
        combo.setCurrentIndex(max(i, 0))

    # --- reading the form ----------------------------------------------------------------------------------------

    def gekozen_status(self) -> str | None:
        knop: QAbstractButton | None = self.statusknoppen.checkedButton()
        return knop.property("status") if knop else None

    def kies_status(self, code: str | None) -> None:
        if code in self.statusknop:
            self.statusknop[code].setChecked(True)

    def gekozen_datum(self) -> date:
        return self.datum.date().toPython()

    # --- errors ------------------------------------------------------------------------------------------------------

    def wis_fouten(self) -> None:
        for label in self._foutlabels.values():
            label.clear()
            label.hide()
        self.algemene_fout.clear()
        self.algemene_fout.hide()

    def toon_fout(self, melding: str, veld: str | None = None) -> None:
        """Show a refused rule's message next to its field and put the focus there; other errors above the buttons."""
        label = self._foutlabels.get(veld or "")
        if label is None:
            self.toon_algemene_fout(melding)
            return
        label.setText(melding)
        label.show()
        widget = self._velden.get(veld)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def toon_algemene_fout(self, melding: str) -> None:
        self.algemene_fout.setText(melding)
        self.algemene_fout.show()

    def foutmelding(self, veld: str | None = None) -> str:
        """The message shown at `veld` (None: the general one); empty when there is none."""
        label = self.algemene_fout if veld is None else self._foutlabels[veld]
        return label.text() if not label.isHidden() else ""

    def _leg_vast(self) -> None:
        raise NotImplementedError


class StatusDialoog(_StatusFormulier):
    """Record a new status for one or more measures: one history entry per measure, all written or none.

    Fase: the first choice, "(ongewijzigd)", keeps each measure's current fase in the new entry; "(geen fase)"
    records the entry without a fase (wijzig_status's fase=None); a term records that fase for every measure.
    After a conflict, "Opnieuw laden" takes the measures' current versions so that the same input can be saved.
    """

    def __init__(self, register, maatregelen: list[tuple[str, int]], gebruiker: str,
                 parent: QWidget | None = None):
        super().__init__(register, gebruiker, parent)
        self.maatregelen = list(maatregelen)
        self.gewijzigd: list[str] = []
        codes = [code for code, _ in self.maatregelen]
        if len(codes) == 1:
            self.setWindowTitle(self.tr("Status wijzigen — %s") % codes[0])
        else:
            self.setWindowTitle(self.tr("Status wijzigen — %n maatregelen", "", len(codes)))
        self.setAccessibleName(self.windowTitle())
        self._lees_huidig()

        self.statusgroep.setTitle(self.tr("Nieuwe status"))
        self._vul_fases([(self.tr("(ongewijzigd)"), _ONGEWIJZIGD), (self.tr("(geen fase)"), None)])
        self.fase.setToolTip(self.tr("(ongewijzigd): elke maatregel houdt zijn huidige fase. "
                                     "(geen fase): de nieuwe regel krijgt geen fase."))
        self.knop_ok.setText(self.tr("&Status vastleggen"))
        self.knop_ok.setAccessibleName(self.tr("Status vastleggen"))

        self.knop_herladen = QPushButton(self.tr("&Opnieuw laden"), self)
        self.knop_herladen.setAccessibleName(self.tr("Maatregelen opnieuw laden"))
        self.knop_herladen.setAutoDefault(False)
        self.knop_herladen.setToolTip(self.tr("Neemt de huidige stand van de maatregelen over; uw invoer blijft "
                                              "staan en kan daarna opnieuw worden vastgelegd."))
        self.knop_herladen.clicked.connect(self.herlaad)
        self.knoppen.addButton(self.knop_herladen, QDialogButtonBox.ButtonRole.ResetRole)
        self.knop_herladen.hide()  # after addButton, which shows it: only a conflict offers it

        if len(codes) == 1:
            self.kies_status(self._huidig[codes[0]][0])
        self.toelichting.setFocus()

    def _lees_huidig(self) -> None:
        """Each measure's current status and fase as of its version, and the heading that lists them."""
        self._huidig: dict[str, tuple[str, str | None]] = {}
        with self.register.sessie() as sessie:
            details = [haal_maatregel(sessie, code) for code, _ in self.maatregelen]
        regels = []
        for m in details:
            self._huidig[m.code] = (m.status, m.fase)
            fase = f", {FASE.label(m.fase).lower()}" if m.fase else ""
            regels.append(f"{m.code} {m.naam} — nu {statustekst(m.status)}{fase}")
        if len(details) == 1:
            self.kop.setText(regels[0])
        else:
            self.kop.setText(self.tr("Eén nieuwe historieregel voor elk van deze %n maatregelen:", "",
                                     len(details)) + "\n" + "\n".join(regels))

    def herlaad(self) -> None:
        with self.register.sessie() as sessie:
            self.maatregelen = [(code, haal_maatregel(sessie, code).versie) for code, _ in self.maatregelen]
        self._lees_huidig()
        self.wis_fouten()
        self.knop_herladen.hide()

    def _leg_vast(self) -> None:
        self.wis_fouten()
        nieuw = self.gekozen_status()
        fase = self.fase.currentData()
        try:
            with self.register.werk() as sessie:
                for code, versie in self.maatregelen:
                    wijzig_status(
                        sessie, code, nieuw, self.toelichting.toPlainText(), self.gebruiker, versie,
                        datum=self.gekozen_datum(),
                        fase=self._huidig[code][1] if fase == _ONGEWIJZIGD else fase,
                        bron=self.bron.currentData(), vindplaats=self.vindplaats.text(),
                        brontekst=self.brontekst.toPlainText(), afgeleid=self.afgeleid.isChecked(),
                    )
        except ValidatieFout as fout:
            self.toon_fout(fout.melding, fout.veld)
            return
        except ConflictFout as fout:
            niets = (self.tr("Er is niets vastgelegd, ook niet voor de andere geselecteerde maatregelen.")
                     if len(self.maatregelen) > 1 else self.tr("Er is niets vastgelegd."))
            self.toon_algemene_fout(f"{fout.melding}\n{niets}")
            self.knop_herladen.show()
            return
        except RegisterFout as fout:
            self.toon_algemene_fout(fout.melding + "\n" + self.tr("Er is niets vastgelegd."))
            return
        self.gewijzigd = [code for code, _ in self.maatregelen]
        self.accept()


class CorrectieDialoog(_StatusFormulier):
    """Correct one history entry: a new entry supersedes it (the old one stays, struck through)."""

    def __init__(self, register, regel: HistorieRij, versie: int, gebruiker: str, parent: QWidget | None = None):
        super().__init__(register, gebruiker, parent)
        self.regel = regel
        self.versie = versie
        self.gecorrigeerd = False
        self.setWindowTitle(self.tr("Historieregel corrigeren — %s") % regel.maatregel)
        self.setAccessibleName(self.windowTitle())

        oud = f"{statustekst(regel.oud)} → " if regel.oud else ""
        bron = ", ".join(x for x in (regel.bron, regel.vindplaats) if x)
        beschrijving = [
            self.tr("Regel van %s: %s%s") % (datumtekst(regel.datum), oud, statustekst(regel.nieuw)),
            self.tr("Vastgelegd door %s. Toelichting: %s") % (regel.gebruiker, regel.toelichting),
        ]
        if bron:
            beschrijving.append(self.tr("Bron: %s") % bron)
        self.kop.setText("\n".join(beschrijving))
        self.kop.setFrameShape(QFrame.Shape.StyledPanel)
        self.kop.setStyleSheet("QLabel { background: palette(alternate-base); padding: 6px; }")
        self.kop.setAccessibleName(self.tr("De regel die wordt gecorrigeerd"))
        uitleg = QLabel(self.tr("Een correctie vervangt deze regel: de oude regel blijft in de historie staan, "
                                "doorgestreept, en telt niet meer mee. Pas hieronder aan wat niet klopte."), self)
        uitleg.setWordWrap(True)
        uitleg.setAccessibleName(self.tr("Uitleg"))
        self.hoofdlaag.insertWidget(1, uitleg)

        self.statusgroep.setTitle(self.tr("Status"))
        self._vul_fases([(self.tr("(geen fase)"), None)])
        self._kies(self.fase, regel.fase)
        self.kies_status(regel.nieuw)
        self.datum.setDate(QDate(regel.datum))
        self._kies(self.bron, regel.bron)
        self.vindplaats.setText(regel.vindplaats or "")
        self.brontekst.setPlainText(regel.brontekst or "")
        self.afgeleid.setChecked(regel.afgeleid)
        for label in self.findChildren(QLabel):
            if label.buddy() is self.toelichting:
                label.setText(self.tr("&Toelichting: reden van de correctie (verplicht):"))
        self.toelichting.setAccessibleName(self.tr("Toelichting: reden van de correctie (verplicht)"))
        self.toelichting.setPlaceholderText(self.tr("Wat klopte er niet aan de oude regel?"))
        self.knop_ok.setText(self.tr("&Correctie vastleggen"))
        self.knop_ok.setAccessibleName(self.tr("Correctie vastleggen"))
        self.toelichting.setFocus()

    def _gewijzigd(self) -> dict:
        """Only what differs from the old entry; an emptied field is passed as "" (None would mean 'keep')."""
        r = self.regel
        nieuw = {
            "nieuw": self.gekozen_status(), "datum": self.gekozen_datum(), "fase": self.fase.currentData() or "",
            "bron": self.bron.currentData() or "", "vindplaats": self.vindplaats.text(),
            "brontekst": self.brontekst.toPlainText(), "afgeleid": self.afgeleid.isChecked(),
        }
        oud = {"nieuw": r.nieuw, "datum": r.datum, "fase": r.fase or "", "bron": r.bron or "",
               "vindplaats": r.vindplaats or "", "brontekst": r.brontekst or "", "afgeleid": r.afgeleid}
        return {k: v for k, v in nieuw.items() if v != oud[k]}

    def _leg_vast(self) -> None:
        self.wis_fouten()
        if self.gekozen_status() is None:  # cannot happen (prefilled), but never pass "keep" by accident
            self.kies_status(self.regel.nieuw)
        try:
            with self.register.werk() as sessie:
                corrigeer_historie(sessie, self.regel.id, self.toelichting.toPlainText(), self.gebruiker,
                                   self.versie, **self._gewijzigd())
        except ValidatieFout as fout:
            self.toon_fout(fout.melding, fout.veld)
            return
        except RegisterFout as fout:  # a conflict, or the entry was corrected meanwhile
            self.toon_algemene_fout(fout.melding + ("" if isinstance(fout, ConflictFout)
                                                    else "\n" + self.tr("Er is niets vastgelegd.")))
            return
        self.gecorrigeerd = True
        self.accept()
