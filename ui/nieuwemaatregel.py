"""The dialog for a new measure: domain, a proposed code (the next free one in that domain) and a name."""

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from registry.domein import DomeinRij
from registry.fouten import RegisterFout, ValidatieFout
from registry.maatregel import maak_maatregel, stel_code_voor


class NieuweMaatregelDialoog(QDialog):
    def __init__(self, register, domeinen: list[DomeinRij], gebruiker: str, domein: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.register, self.gebruiker = register, gebruiker
        self.code: str | None = None  # set when the measure was created
        self.setWindowTitle(self.tr("Nieuwe maatregel"))

        self.domein = QComboBox(self)
        for d in domeinen:
            self.domein.addItem(f"{d.code} — {d.naam}", d.code)
        if domein:
            self.domein.setCurrentIndex(max(0, self.domein.findData(domein)))
        self.domein.setAccessibleName(self.tr("Domein"))
        self.code_veld = QLineEdit(self)
        self.code_veld.setAccessibleName(self.tr("Code"))
        self.code_veld.setToolTip(self.tr("Voorgesteld: het eerstvolgende vrije nummer in het domein."))
        self.naam = QLineEdit(self)
        self.naam.setAccessibleName(self.tr("Naam"))
        self.naam.setPlaceholderText(self.tr("Korte naam van de maatregel"))
        self.melding = QLabel(self)
        self.melding.setWordWrap(True)
        self.melding.setStyleSheet("color: #b3261e;")
        self.melding.hide()

        formulier = QFormLayout()
        for label, veld in ((self.tr("&Domein:"), self.domein), (self.tr("&Code:"), self.code_veld),
                            (self.tr("&Naam:"), self.naam)):
            tekst = QLabel(label, self)
            tekst.setBuddy(veld)
            formulier.addRow(tekst, veld)
        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        knoppen.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Aanmaken"))
        knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        laag = QVBoxLayout(self)
        laag.addLayout(formulier)
        laag.addWidget(self.melding)
        laag.addWidget(knoppen)

        self.domein.currentIndexChanged.connect(self._stel_code_voor)
        self._stel_code_voor()
        self.naam.setFocus()

    def _stel_code_voor(self) -> None:
        with self.register.sessie() as sessie:
            self.code_veld.setText(stel_code_voor(sessie, self.domein.currentData()))

    def accept(self) -> None:
        velden = {"domein": self.domein.currentData(), "naam": self.naam.text()}
        try:
            with self.register.werk() as sessie:
                nieuw = maak_maatregel(sessie, velden, self.gebruiker, code=self.code_veld.text().strip() or None)
        except ValidatieFout as fout:
            self._toon_fout(fout.melding, {"code": self.code_veld, "domein": self.domein}.get(fout.veld, self.naam))
            return
        except RegisterFout as fout:
            self._toon_fout(fout.melding, self.naam)
            return
        self.code = nieuw.code
        super().accept()

    def _toon_fout(self, melding: str, veld: QWidget) -> None:
        self.melding.setText(melding)
        self.melding.show()
        veld.setAccessibleDescription(melding)
        veld.setFocus()
