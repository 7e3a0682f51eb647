"""The read-only table view every list of rows in the window uses: whole rows, one at a time, Tab leaves it."""

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def alleen_lezen_tabel(model: QAbstractItemModel, naam: str, beschrijving: str = "",
                       ouder: QWidget | None = None) -> QTableView:
    """A table over `model` that selects whole rows, one at a time; Tab moves on, the arrows move within it."""
    tabel = QTableView(ouder)
    tabel.setModel(model)
    tabel.setAccessibleName(naam)
    if beschrijving:
        tabel.setAccessibleDescription(beschrijving)
    tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tabel.setTabKeyNavigation(False)
    tabel.setWordWrap(False)
    tabel.setAlternatingRowColors(True)
    tabel.verticalHeader().setVisible(False)
    return tabel
