"""Every question the application asks the user goes through here, so that tests can answer it by patching.

A modal dialog run with `exec()` blocks a test even when the static QMessageBox functions are patched (brief §8);
widgets therefore call `vragen.voer_uit(dialoog)` and `vragen.bevestig(...)` as module attributes, never `exec()`.
"""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

OPSLAAN, VERWERPEN, ANNULEREN = "opslaan", "verwerpen", "annuleren"


def voer_uit(dialoog: QDialog) -> bool:
    """Show a dialog modally; True when the user accepted it."""
    return dialoog.exec() == QDialog.DialogCode.Accepted


def bevestig(ouder: QWidget | None, titel: str, tekst: str, ja: str = "Ja", nee: str = "Annuleren") -> bool:
    """A yes/cancel question whose buttons say what they do; the safe answer is the default."""
    vak = QMessageBox(QMessageBox.Icon.Question, titel, tekst, QMessageBox.StandardButton.NoButton, ouder)
    knop_ja = vak.addButton(ja, QMessageBox.ButtonRole.AcceptRole)
    knop_nee = vak.addButton(nee, QMessageBox.ButtonRole.RejectRole)
    vak.setDefaultButton(knop_nee)
    vak.exec()
    return vak.clickedButton() is knop_ja


def vraag_opslaan(ouder: QWidget | None, tekst: str) -> str:
    """Unsaved changes: OPSLAAN, VERWERPEN or ANNULEREN (the default, which loses nothing)."""
    vak = QMessageBox(QMessageBox.Icon.Warning, "Niet-opgeslagen wijzigingen", tekst,
                      QMessageBox.StandardButton.NoButton, ouder)
    opslaan = vak.addButton("Opslaan", QMessageBox.ButtonRole.AcceptRole)
    verwerpen = vak.addButton("Niet opslaan", QMessageBox.ButtonRole.DestructiveRole)
    annuleren = vak.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
    vak.setDefaultButton(annuleren)
    vak.exec()
    return {opslaan: OPSLAAN, verwerpen: VERWERPEN}.get(vak.clickedButton(), ANNULEREN)


def meld_fout(ouder: QWidget | None, titel: str, tekst: str) -> None:
    QMessageBox.warning(ouder, titel, tekst)


def meld(ouder: QWidget | None, titel: str, tekst: str) -> None:
    QMessageBox.information(ouder, titel, tekst)


def vraag_tekst(ouder: QWidget | None, titel: str, label: str, tekst: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    waarde, ok = QInputDialog.getText(ouder, titel, label, text=tekst)
    return waarde if ok else None


def vraag_bestand_opslaan(ouder: QWidget | None, titel: str, voorstel: str, soorten: str) -> str | None:
    """A path to save to (the dialog asks before overwriting), or None when cancelled.

    `soorten` is a Qt name filter, e.g. "PNG-afbeelding (*.png)".
    """
    from PySide6.QtWidgets import QFileDialog

    pad, _ = QFileDialog.getSaveFileName(ouder, titel, voorstel, soorten)
    return pad or None


def met_extensie(pad: str, extensie: str) -> Path:
    """`pad` with `extensie` (".png") appended unless it already ends in it, in any case: what the user typed stays."""
    gekozen = Path(pad)
    return gekozen if gekozen.suffix.lower() == extensie else gekozen.with_name(gekozen.name + extensie)


def vraag_bestand_openen(ouder: QWidget | None, titel: str, map_: str, soorten: str) -> str | None:
    """An existing file to read, or None when cancelled. `soorten` is a Qt name filter."""
    from PySide6.QtWidgets import QFileDialog

    pad, _ = QFileDialog.getOpenFileName(ouder, titel, map_, soorten)
    return pad or None


def open_bestand(pad) -> bool:
    """Open a file with the system's own viewer (a PDF reader); False when none could be started."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(pad)))
