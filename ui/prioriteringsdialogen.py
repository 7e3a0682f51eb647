"""The prioritering's questions: a decision, a hand-set rank, saving a scenario as a decision, a capacity slot.

The dialogs write nothing: the page opens them through `vragen.voer_uit`, reads `.waarden()` and hands them to the
use cases (`besluit.leg_prioriteit_vast`, `besluit.zet_rang`, `scenario.bewaar_scenario`, the scenario's capacity).
They refuse OK with the register's own message beside the field (`controleer_tekst`, `controleer_capaciteit`), so
that a refusal is seen before the page writes anything.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
                               QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from registry.fouten import ValidatieFout
from registry.planning import OngeldigeDatum, Periode, parse_periode_of_leeg
from registry.prioritering.besluit import BESLUITEFFECT, besluit_van, rang_van
from registry.prioritering.capaciteit import controleer_capaciteit
from registry.prioritering.model import Prioinvoer
from registry.tekst import controleer_tekst
from registry.vocabulaire import PRIORITEIT
from ui.foutlabel import foutlabel, toon_melding
from ui.statusdialoog import datumtekst


class _Formulierdialoog(QDialog):
    """What the four dialogs share: a heading, a form whose fields carry their own error label, OK and Cancel.

    A subclass adds its fields, then calls `_sluit_af()`. OK runs `_controleer()`; a ValidatieFout it raises is
    shown beside its field and the dialog stays open.
    """

    def __init__(self, titel: str, ok_tekst: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.setMinimumWidth(560)
        self._foutlabels: dict[str, QLabel] = {}
        self._velden: dict[str, QWidget] = {}

        self.hoofdlaag = QVBoxLayout(self)
        self.kop = QLabel(self)
        self.kop.setWordWrap(True)
        self.kop.setTextFormat(Qt.TextFormat.PlainText)  # names and motivations show as typed
        self.kop.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kop.setAccessibleName(self.tr("Maatregel"))
        self.kop.hide()
        self.hoofdlaag.addWidget(self.kop)
        self.formulier = QFormLayout()
        self.formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hoofdlaag.addLayout(self.formulier)

        self._ok_tekst = ok_tekst

    def _sluit_af(self) -> None:
        """The buttons, made after the subclass's fields so that they come last in the Tab order too."""
        self.knoppen = QDialogButtonBox(self)
        self.knop_ok = self.knoppen.addButton(self._ok_tekst, QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_ok.setAccessibleName(self._ok_tekst.replace("&", ""))
        self.knop_ok.setDefault(True)
        annuleren = self.knoppen.addButton(QDialogButtonBox.StandardButton.Cancel)
        annuleren.setText(self.tr("Annuleren"))
        annuleren.setAccessibleName(self.tr("Annuleren"))
        self.knoppen.accepted.connect(self.accept)
        self.knoppen.rejected.connect(self.reject)
        self.hoofdlaag.addWidget(self.knoppen)

    def _zet_kop(self, tekst: str) -> None:
        self.kop.setText(tekst)
        self.kop.setVisible(bool(tekst))

    # --- fields ------------------------------------------------------------------------------------------------------

    def _rij(self, tekst: str, veld: QWidget, sleutel: str, onder: tuple[QWidget, ...] = ()) -> QLabel:
        """A labelled field (mnemonic, buddy, accessible name) with extras and its error label under it."""
        label = QLabel(tekst, self)
        label.setBuddy(veld)
        veld.setObjectName(sleutel)
        if not veld.accessibleName():
            veld.setAccessibleName(tekst.replace("&", "").rstrip(":"))
        kolom = QWidget(self)
        laag = QVBoxLayout(kolom)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(2)
        laag.addWidget(veld)
        for w in onder:
            laag.addWidget(w)
        self._foutlabel(sleutel, laag)
        self._velden[sleutel] = veld
        self.formulier.addRow(label, kolom)
        return label

    def _foutlabel(self, sleutel: str, laag) -> QLabel:
        label = foutlabel(self)
        laag.addWidget(label)
        self._foutlabels[sleutel] = label
        return label

    def _uitleg(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        return label

    def _motivatieveld(self, tekst: str, voorbeeld: str) -> QPlainTextEdit:
        """A few lines of text; Enter makes a new line (it never accepts the dialog), Tab leaves the field."""
        veld = QPlainTextEdit(self)
        veld.setTabChangesFocus(True)
        veld.setPlaceholderText(voorbeeld)
        veld.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.motivatie_label = self._rij(tekst, veld, "motivatie")
        veld.textChanged.connect(lambda: self._wis_fout("motivatie"))
        return veld

    def _datumveld(self, tekst: str) -> QDateEdit:
        """The decision's date, today by default. Any date is allowed (a decision is often recorded afterwards);
        one in the future is pointed out, since that is mostly a typing slip."""
        veld = QDateEdit(self)
        veld.setDisplayFormat("dd-MM-yyyy")
        veld.setCalendarPopup(True)
        veld.setDate(QDate.currentDate())
        veld.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.datum_uitleg = self._uitleg()
        self.datum_uitleg.hide()
        self._rij(tekst, veld, "datum", onder=(self.datum_uitleg,))

        def toon() -> None:
            toekomst = veld.date().toPython() > date.today()
            self.datum_uitleg.setText(self.tr("Let op: deze datum ligt in de toekomst.") if toekomst else "")
            self.datum_uitleg.setVisible(toekomst)

        veld.dateChanged.connect(toon)
        return veld

    def _gebruikerregel(self, gebruiker: str) -> None:
        door = QLabel(gebruiker, self)
        door.setTextFormat(Qt.TextFormat.PlainText)
        door.setAccessibleName(self.tr("Vastgelegd door"))
        self.formulier.addRow(QLabel(self.tr("Vastgelegd door:"), self), door)

    # --- errors ------------------------------------------------------------------------------------------------------

    def _wis_fout(self, sleutel: str) -> None:
        label = self._foutlabels.get(sleutel)
        if label is not None and not label.isHidden():
            toon_melding(label, self._velden[sleutel], "")

    def wis_fouten(self) -> None:
        for sleutel in self._foutlabels:
            self._wis_fout(sleutel)

    def toon_fout(self, melding: str, veld: str | None) -> None:
        """The message beside its field (the first field when the rule names none), the focus there."""
        sleutel = veld if veld in self._foutlabels else next(iter(self._foutlabels))
        toon_melding(self._foutlabels[sleutel], self._velden[sleutel], melding)
        self._velden[sleutel].setFocus(Qt.FocusReason.OtherFocusReason)

    def foutmelding(self, veld: str) -> str:
        """The message shown at `veld`; empty when there is none."""
        label = self._foutlabels[veld]
        return label.text() if not label.isHidden() else ""

    # --- OK ----------------------------------------------------------------------------------------------------------

    def _controleer(self) -> None:
        """Raise ValidatieFout (with the field) when the form cannot be accepted."""

    def accept(self) -> None:
        self.wis_fouten()
        try:
            self._controleer()
        except ValidatieFout as fout:
            self.toon_fout(fout.melding, fout.veld)
            return
        super().accept()


def _maatregelkop(m: Prioinvoer) -> str:
    return f"{m.code} — {m.naam}"


class BesluitDialoog(_Formulierdialoog):
    """Record the decision on one measure: prioriteit nu / later / niet, or no decision (clears it), always with a
    motivation; the date (today by default) and who are recorded with it."""

    def __init__(self, maatregel: Prioinvoer, gebruiker: str, parent: QWidget | None = None):
        super().__init__(self.tr("Besluit vastleggen — %s") % maatregel.code, self.tr("&Besluit vastleggen"),
                         parent)
        self.maatregel = maatregel
        huidig = besluit_van(maatregel)
        self._zet_kop(_maatregelkop(maatregel) + "\n"
                      + (self.tr("Huidig besluit: %s") % huidig if huidig else self.tr("Nog geen besluit.")))

        self.prioriteitgroep = QGroupBox(self.tr("Prioriteit"), self)
        self.prioriteitgroep.setAccessibleName(self.tr("Prioriteit"))
        rij = QHBoxLayout(self.prioriteitgroep)
        self.prioriteitknoppen = QButtonGroup(self)
        self.prioriteitknop: dict[str | None, QRadioButton] = {}
        sneltoets = {"nu": self.tr("&Nu"), "later": self.tr("&Later"), "niet": self.tr("N&iet")}
        uitleg = {**BESLUITEFFECT, None: self.tr("Geen besluit: een eerder besluit wissen")}
        keuzes = [(t.code, sneltoets.get(t.code, t.label)) for t in PRIORITEIT.termen]
        for code, tekst in keuzes + [(None, self.tr("&Geen besluit"))]:
            knop = QRadioButton(tekst, self.prioriteitgroep)
            knop.setAccessibleName(tekst.replace("&", ""))
            knop.setToolTip(uitleg.get(code, ""))
            self.prioriteitknoppen.addButton(knop)
            self.prioriteitknop[code] = knop
            rij.addWidget(knop)
            knop.toggled.connect(lambda *_: self._wis_fout("prioriteit"))
        rij.addStretch(1)
        self.hoofdlaag.insertWidget(1, self.prioriteitgroep)
        groepfout = QVBoxLayout()
        self.hoofdlaag.insertLayout(2, groepfout)
        self._foutlabel("prioriteit", groepfout)
        self._velden["prioriteit"] = self.prioriteitknop[keuzes[0][0]]

        self.motivatie = self._motivatieveld(
            self.tr("&Motivatie (verplicht):"),
            self.tr("Waarom deze prioriteit? Bijvoorbeeld: hoog verwacht effect, past in 2027-H1."))
        self.datum = self._datumveld(self.tr("&Datum van het besluit:"))
        self._gebruikerregel(gebruiker)
        self._sluit_af()

        if maatregel.prioriteit is not None and maatregel.prioriteit in self.prioriteitknop:
            self.prioriteitknop[maatregel.prioriteit].setChecked(True)
        else:  # nothing to clear
            self.prioriteitknop[None].setEnabled(False)
            self.prioriteitknop[None].setToolTip(self.tr("Er is nog geen besluit om te wissen."))
        self.motivatie.setFocus()

    def kies(self, prioriteit: str | None) -> None:
        """Choose a PRIORITEIT code, or None for "Geen besluit"."""
        self.prioriteitknop[prioriteit].setChecked(True)

    def gekozen(self) -> tuple[bool, str | None]:
        """(whether a choice was made, the PRIORITEIT code or None for no decision)."""
        for code, knop in self.prioriteitknop.items():
            if knop.isChecked():
                return True, code
        return False, None

    def waarden(self) -> tuple[str | None, str, date]:
        """(prioriteit or None to clear, motivatie, datum): what `besluit.leg_prioriteit_vast` takes."""
        return self.gekozen()[1], self.motivatie.toPlainText(), self.datum.date().toPython()

    def _controleer(self) -> None:
        if not self.gekozen()[0]:
            wissen = self.prioriteitknop[None].isEnabled()
            raise ValidatieFout(self.tr("Kies Nu, Later, Niet of Geen besluit.") if wissen
                                else self.tr("Kies Nu, Later of Niet."), "prioriteit")
        controleer_tekst("Motivatie", self.motivatie.toPlainText(), verplicht=True, veld="motivatie")


class RangDialoog(_Formulierdialoog):
    """Set a measure's place in the ranking by hand (with a motivation), or clear it: back to its place by score."""

    def __init__(self, maatregel: Prioinvoer, rang: int, aantal: int, parent: QWidget | None = None):
        super().__init__(self.tr("Rang aanpassen — %s") % maatregel.code, self.tr("Rang &vastleggen"), parent)
        self.maatregel = maatregel
        aantal = max(1, aantal)
        regels = [_maatregelkop(maatregel), self.tr("Nu op plaats %s van %s.") % (rang, aantal)]
        if maatregel.rang_handmatig is not None:
            regels.append(self.tr("Handmatig gezet op %s.")
                          % rang_van(maatregel))
        self._zet_kop("\n".join(regels))

        self.rang = QSpinBox(self)
        self.rang.setRange(1, aantal)
        self.rang.setValue(min(max(1, rang), aantal))
        self.rang.setSuffix(self.tr(" van %s") % aantal)
        self.rang.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.rang.setToolTip(self.tr("De plaats in de hele rangorde; 1 is de hoogste prioriteit."))
        self._rij(self.tr("&Plaats in de rangorde:"), self.rang, "rang")

        self.volgens_score = QCheckBox(self.tr("&Rang volgens score (handmatige rang wissen)"), self)
        self.volgens_score.setAccessibleName(self.tr("Rang volgens score, handmatige rang wissen"))
        self.volgens_score.setEnabled(maatregel.rang_handmatig is not None)
        if maatregel.rang_handmatig is None:
            self.volgens_score.setToolTip(self.tr("Deze maatregel staat al op zijn plaats volgens de score."))
        self.volgens_score.toggled.connect(self._werk_bij)
        self.formulier.addRow("", self.volgens_score)

        self.motivatie = self._motivatieveld(
            self.tr("&Motivatie:"), self.tr("Waarom deze plaats? Bijvoorbeeld: toezegging aan de Kamer."))
        self._sluit_af()
        self._werk_bij()
        self.rang.setFocus()
        self.rang.selectAll()

    def _werk_bij(self) -> None:
        wissen = self.volgens_score.isChecked()
        self.rang.setEnabled(not wissen)
        self.motivatie_label.setText(self.tr("&Motivatie:") if wissen else self.tr("&Motivatie (verplicht):"))
        self.motivatie.setAccessibleName(self.tr("Motivatie") if wissen else self.tr("Motivatie (verplicht)"))
        self._wis_fout("motivatie")

    def waarden(self) -> tuple[int | None, str]:
        """(the hand-set place, or None to clear it; motivatie): what `besluit.zet_rang` takes."""
        return (None if self.volgens_score.isChecked() else self.rang.value()), self.motivatie.toPlainText()

    def _controleer(self) -> None:
        controleer_tekst("Motivatie", self.motivatie.toPlainText(), verplicht=not self.volgens_score.isChecked(),
                         veld="motivatie")


class OpslaanDialoog(_Formulierdialoog):
    """Save a scenario as a decision: what changes and what moves, shown before the motivation is asked."""

    def __init__(self, wijzigingen: list[str], gevolgen: list[str], gebruiker: str, parent: QWidget | None = None):
        super().__init__(self.tr("Scenario opslaan als besluit"), self.tr("Als besluit &opslaan"), parent)
        self._zet_kop(self.tr("Het register wordt gewijzigd zoals hieronder staat, en het besluit wordt met de "
                              "motivatie vastgelegd."))
        self.wijzigingen = self._lijst(self.tr("&Wijzigingen (%s):") % len(wijzigingen), "wijzigingen",
                                       wijzigingen, self.tr("Geen wijzigingen."))
        self.gevolgen = self._lijst(self.tr("&Gevolgen (%s):") % len(gevolgen), "gevolgen", gevolgen,
                                    self.tr("Geen maatregel schuift in of uit het plan."))
        self.motivatie = self._motivatieveld(
            self.tr("&Motivatie (verplicht):"),
            self.tr("Waarom dit besluit? Bijvoorbeeld: extra capaciteit Innen en Betalen in 2027-H1 toegezegd."))
        self.datum = self._datumveld(self.tr("&Datum van het besluit:"))
        self._gebruikerregel(gebruiker)
        self._sluit_af()
        self.motivatie.setFocus()

    def _lijst(self, tekst: str, sleutel: str, regels: list[str], leeg: str) -> QPlainTextEdit:
        """Read-only lines, reachable by Tab so that a screen reader can read them."""
        veld = QPlainTextEdit(self)
        veld.setReadOnly(True)
        veld.setTabChangesFocus(True)
        veld.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        veld.setPlainText("\n".join(regels) if regels else leeg)
        zichtbaar = min(max(len(regels), 1), 8)
        veld.setFixedHeight(self.fontMetrics().lineSpacing() * zichtbaar + 14)
        veld.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._rij(tekst, veld, sleutel)
        return veld

    def waarden(self) -> tuple[str, date]:
        """(motivatie, datum): what `scenario.bewaar_scenario` takes besides the scenario."""
        return self.motivatie.toPlainText(), self.datum.date().toPython()

    def _controleer(self) -> None:
        controleer_tekst("Motivatie", self.motivatie.toPlainText(), verplicht=True, veld="motivatie")


class CapaciteitDialoog(_Formulierdialoog):
    """A capacity slot for the scenario: IV-weeks on a chain in a period, checked by `controleer_capaciteit`."""

    def __init__(self, ketens: list[str], parent: QWidget | None = None,
                 controle: Callable[[str, Periode, float], None] | None = None):
        """`controle(keten, periode, weken)` checks what the register alone cannot know here (a period overlapping
        another slot of the chain in the scenario): its ValidatieFout is shown beside its field too."""
        super().__init__(self.tr("Capaciteit toevoegen"), self.tr("&Toevoegen"), parent)
        self._controle = controle
        self.keten = QComboBox(self)
        self.keten.setEditable(True)
        self.keten.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.keten.addItems(sorted(dict.fromkeys(k for k in ketens if k), key=str.casefold))
        self.keten.setCurrentIndex(-1)
        self.keten.lineEdit().setPlaceholderText(self.tr("Kies of typ, bijv. Innen en Betalen"))
        aanvuller = self.keten.completer()
        aanvuller.setCompletionMode(aanvuller.CompletionMode.PopupCompletion)
        aanvuller.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        aanvuller.setFilterMode(Qt.MatchFlag.MatchContains)
        self._rij(self.tr("IV-&keten:"), self.keten, "keten")
        self.keten.editTextChanged.connect(lambda *_: self._wis_fout("keten"))

        self.periode = QLineEdit(self)
        self.periode.setPlaceholderText(self.tr("bijv. 2027-H1, Q3 2027, 2028"))
        self.periode_uitleg = self._uitleg()
        self.periode_uitleg.hide()
        self._rij(self.tr("&Periode:"), self.periode, "periode", onder=(self.periode_uitleg,))
        self.periode.textChanged.connect(self._toon_periode)

        self.weken = QLineEdit(self)
        self.weken.setPlaceholderText(self.tr("bijv. 40 of 12,5"))
        self.weken.setToolTip(self.tr("De IV-weken die in deze periode op de keten beschikbaar zijn."))
        self._rij(self.tr("IV-&weken:"), self.weken, "weken")
        self.weken.textChanged.connect(lambda *_: self._wis_fout("weken"))
        self._sluit_af()
        self.keten.setFocus()

    def _toon_periode(self) -> None:
        """How the register reads the period, as the user types: "1e helft 2027 (01-01-2027 t/m 30-06-2027)"."""
        self._wis_fout("periode")
        tekst = self.periode.text()
        try:
            periode = parse_periode_of_leeg(tekst)
        except OngeldigeDatum:
            self.periode_uitleg.setText(self.tr("Nog geen herkende periode."))
        else:
            self.periode_uitleg.setText(self.tr("Gelezen als %s (%s t/m %s)") % (
                periode.nederlands(), datumtekst(periode.van), datumtekst(periode.tot)) if periode else "")
        self.periode_uitleg.setVisible(bool(tekst.strip()))

    def toon_fout(self, melding: str, veld: str | None) -> None:
        if veld == "periode":  # the message says what is wrong; the preview would only repeat it
            self.periode_uitleg.hide()
        super().toon_fout(melding, veld)

    def waarden(self) -> tuple[str, Periode, float]:
        """(keten, periode, weken) as `controleer_capaciteit` returns them; ValidatieFout when not valid."""
        return controleer_capaciteit(self.keten.currentText(), self.periode.text(), self.weken.text())

    def _controleer(self) -> None:
        waarden = self.waarden()
        if self._controle is not None:
            self._controle(*waarden)
