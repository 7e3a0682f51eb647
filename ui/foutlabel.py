"""The red message under a field whose value was refused: one look for every form."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

FOUTKLEUR = "#b3261e"  # contrast ≥ 4.5:1 on white


def foutlabel(ouder: QWidget | None = None) -> QLabel:
    """A hidden, word-wrapped label in the error red; its text is shown as typed (plain text, never markup)."""
    label = QLabel(ouder)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"QLabel {{ color: {FOUTKLEUR}; }}")
    label.setAccessibleName(QCoreApplication.translate("foutlabel", "Foutmelding"))
    label.hide()
    return label


def toon_melding(label: QLabel, veld: QWidget, melding: str, beschrijving: str = "") -> None:
    """`melding` in `label` (hidden when empty), and as `veld`'s accessible description, so that a screen reader
    reads it with the field; without a message the field's own `beschrijving` comes back."""
    label.setText(melding)
    label.setVisible(bool(melding))
    veld.setAccessibleDescription(melding or beschrijving)
