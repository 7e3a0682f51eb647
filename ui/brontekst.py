"""The source-text viewer: a document's whole text with the cited passage highlighted and scrolled into view."""

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTextEdit, QVBoxLayout, QWidget)

from registry import passage
from registry.bron import bronnen
from registry.fouten import RegisterFout
from ui import vragen

#: Light yellow behind the cited passage: a highlighter's colour, dark text on it stays readable.
PASSAGEKLEUR = "#fff1a8"
_ASTRAAL = re.compile("[\U00010000-\U0010FFFF]")
ZOEKKLEUR = "#cfe3ff"


class BrontekstVenster(QDialog):
    """Non-modal and reusable: `toon` replaces what it shows. Ctrl+F searches inside the text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAccessibleName(self.tr("Brontekst"))
        self.resize(860, 680)
        self.passage: tuple[int, int] | None = None
        self._tekst, self._astraal = "", False
        self._centreertimer = QTimer(self)
        self._centreertimer.setSingleShot(True)
        self._centreertimer.setInterval(0)
        self._centreertimer.timeout.connect(self._centreer)

        laag = QVBoxLayout(self)
        self.kop = QLabel(self)
        self.kop.setTextFormat(Qt.TextFormat.PlainText)
        self.kop.setWordWrap(True)
        self.kop.setAccessibleName(self.tr("Bron en vindplaats"))
        laag.addWidget(self.kop)

        self.melding = QLabel(self.tr("De geciteerde passage is niet gevonden; de hele tekst staat hieronder."), self)
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName(self.tr("Passage niet gevonden"))
        self.melding.setStyleSheet("QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5c2c0;"
                                   " border-radius: 3px; padding: 6px; }")
        self.melding.hide()
        laag.addWidget(self.melding)

        self.tekst = QPlainTextEdit(self)
        self.tekst.setReadOnly(True)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.tekst.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.tekst.setAccessibleName(self.tr("Tekst van het brondocument"))
        laag.addWidget(self.tekst, 1)

        zoekrij = QHBoxLayout()
        zoeklabel = QLabel(self.tr("&Zoeken in de tekst:"), self)
        self.zoekveld = QLineEdit(self)
        self.zoekveld.setAccessibleName(self.tr("Zoeken in de tekst"))
        self.zoekveld.setPlaceholderText(self.tr("woord of zinsdeel (Ctrl+F)"))
        self.zoekveld.setClearButtonEnabled(True)
        self.zoekveld.setMinimumWidth(260)
        zoeklabel.setBuddy(self.zoekveld)
        self.knop_vorige = QPushButton(self.tr("&Vorige"), self)
        self.knop_vorige.setAccessibleName(self.tr("Vorige vondst"))
        self.knop_volgende = QPushButton(self.tr("V&olgende"), self)
        self.knop_volgende.setAccessibleName(self.tr("Volgende vondst"))
        self.knop_passage = QPushButton(self.tr("Naar de &passage"), self)
        self.knop_passage.setAccessibleName(self.tr("Naar de geciteerde passage"))
        self.zoekstatus = QLabel(self)
        self.zoekstatus.setAccessibleName(self.tr("Zoekresultaat"))
        self.zoekstatus.setMinimumWidth(120)
        for w in (zoeklabel, self.zoekveld, self.knop_vorige, self.knop_volgende, self.zoekstatus):
            zoekrij.addWidget(w)
        zoekrij.addStretch(1)
        zoekrij.addWidget(self.knop_passage)
        laag.addLayout(zoekrij)

        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        knoppen.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        knoppen.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Venster sluiten"))
        knoppen.rejected.connect(self.close)
        laag.addWidget(knoppen)

        # The search field must not take Enter as "close the dialog": it finds the next match instead.
        for knop in (self.knop_vorige, self.knop_volgende, self.knop_passage):
            knop.setAutoDefault(False)
        self.zoekveld.returnPressed.connect(self.zoek_volgende)
        self.zoekveld.textChanged.connect(self._zoektekst_gewijzigd)
        self.knop_volgende.clicked.connect(self.zoek_volgende)
        self.knop_vorige.clicked.connect(self.zoek_vorige)
        self.knop_passage.clicked.connect(self.naar_passage)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_zoeken)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.zoek_volgende)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self, self.zoek_vorige)

    # --- showing ---------------------------------------------------------------------------------------------------

    def toon(self, titel: str, tekst: str, passage: tuple[int, int] | None, vindplaats: str | None = None) -> None:
        """Show `tekst` with `passage` (a character span) highlighted and in view; None shows the whole text with a
        note that the passage was not found."""
        self.setWindowTitle(titel)
        self._tekst = tekst
        self._astraal = _ASTRAAL.search(tekst) is not None
        self.kop.setText(titel if not vindplaats else self.tr("%s — vindplaats: %s") % (titel, vindplaats))
        self.tekst.setPlainText(tekst)
        lengte = len(tekst)
        if passage is not None:
            begin, einde = max(0, min(passage[0], lengte)), max(0, min(passage[1], lengte))
            passage = (begin, einde) if einde > begin else None
        self.passage = passage
        self.melding.setVisible(passage is None)
        self.knop_passage.setEnabled(passage is not None)
        self.zoekstatus.clear()
        self._markeer_passage()
        al_open = self.isVisible()
        self.show()
        if al_open and QGuiApplication.platformName() != "offscreen":  # headless: no stacking (and Qt warns)
            self.raise_()
        self.activateWindow()
        self.naar_passage()
        # The viewport has its final size only once the window is laid out: centre again then.
        self._centreertimer.start()

    def gemarkeerde_tekst(self) -> str:
        """The highlighted passage as shown (empty when there is none)."""
        if self.passage is None:
            return ""
        cursor = self._cursor(*self.passage)
        return cursor.selectedText().replace("\u2029", "\n")

    def naar_passage(self) -> None:
        """Put the cursor at the start of the passage and scroll it into the middle of the view."""
        cursor = QTextCursor(self.tekst.document())
        if self.passage is not None:
            cursor.setPosition(self._qt_positie(self.passage[0]))
        self.tekst.setTextCursor(cursor)
        self._centreer()

    def _centreer(self) -> None:
        if self.passage is not None:
            self.tekst.centerCursor()

    def _markeer_passage(self, extra: list | None = None) -> None:
        selecties = []
        if self.passage is not None:
            selectie = QTextEdit.ExtraSelection()
            opmaak = QTextCharFormat()
            opmaak.setBackground(QColor(PASSAGEKLEUR))
            opmaak.setForeground(QColor("#000000"))
            selectie.format = opmaak
            selectie.cursor = self._cursor(*self.passage)
            selecties.append(selectie)
        self.tekst.setExtraSelections(selecties + (extra or []))

    def _qt_positie(self, positie: int) -> int:
        """Python counts code points, the document UTF-16 units: an emoji before the passage must not shift it."""
        if not self._astraal:
            return positie
        return positie + sum(1 for t in self._tekst[:positie] if ord(t) > 0xFFFF)

    def _cursor(self, begin: int, einde: int) -> QTextCursor:
        cursor = QTextCursor(self.tekst.document())
        cursor.setPosition(self._qt_positie(begin))
        cursor.setPosition(self._qt_positie(einde), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # --- searching -------------------------------------------------------------------------------------------------

    def _focus_zoeken(self) -> None:
        self.zoekveld.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.zoekveld.selectAll()

    def _zoektekst_gewijzigd(self) -> None:
        self.zoekstatus.clear()

    def zoek_volgende(self) -> bool:
        return self._zoek(QTextDocument.FindFlag(0))

    def zoek_vorige(self) -> bool:
        return self._zoek(QTextDocument.FindFlag.FindBackward)

    def _zoek(self, richting: QTextDocument.FindFlag) -> bool:
        gezocht = self.zoekveld.text()
        if not gezocht.strip():
            return False
        gevonden = self.tekst.find(gezocht, richting)
        if not gevonden:  # wrap around once
            cursor = QTextCursor(self.tekst.document())
            if richting & QTextDocument.FindFlag.FindBackward:
                cursor.movePosition(QTextCursor.MoveOperation.End)
            self.tekst.setTextCursor(cursor)
            gevonden = self.tekst.find(gezocht, richting)
        self.zoekstatus.setText("" if gevonden else self.tr("Niet gevonden"))
        if gevonden:
            selectie = QTextEdit.ExtraSelection()
            opmaak = QTextCharFormat()
            opmaak.setBackground(QColor(ZOEKKLEUR))
            selectie.format = opmaak
            selectie.cursor = self.tekst.textCursor()
            self._markeer_passage([selectie])
            self.tekst.centerCursor()
        return gevonden


def _tr(tekst: str) -> str:
    return QCoreApplication.translate("BrontekstVenster", tekst)


def open_bron(parent: QWidget | None, register, bron_code: str, citaat: str | None,
              vindplaats: str | None) -> BrontekstVenster | None:
    """Show source `bron_code` with the cited passage highlighted; one viewer per parent is reused. A source whose
    text the application does not hold gets a message saying so (and None is returned)."""
    with register.sessie() as sessie:
        bron = next((b for b in bronnen(sessie) if b.code == bron_code), None)
    if bron is None:
        vragen.meld(parent, _tr("Bron openen"), _tr("Bron %s staat niet (meer) in het register.") % bron_code)
        return None
    if not bron.bestand:
        waar = f" ({bron.referentie})" if bron.referentie else ""
        vragen.meld(parent, _tr("Bron openen"),
                    _tr("De tekst van „%s” (%s) zit niet in de toepassing. Raadpleeg het document zelf%s.")
                    % (bron.titel, bron.code, waar))
        return None
    try:
        tekst = passage.brontekst(bron.bestand)
    except RegisterFout as fout:
        vragen.meld(parent, _tr("Bron openen"),
                    _tr("De tekst van „%s” (%s) is niet beschikbaar: %s") % (bron.titel, bron.code, fout.melding))
        return None
    plek = passage.vind_passage(tekst, citaat, vindplaats)
    venster = _venster_van(parent)
    venster.toon(bron.titel, tekst, plek, vindplaats)
    return venster


def _venster_van(parent: QWidget | None) -> BrontekstVenster:
    if parent is not None:
        bestaand = parent.findChild(BrontekstVenster, "brontekstvenster",
                                    Qt.FindChildOption.FindDirectChildrenOnly)
        if bestaand is not None:
            return bestaand
    venster = BrontekstVenster(parent)
    venster.setObjectName("brontekstvenster")
    if parent is None:
        venster.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return venster
