"""A read-only table model over plain rows (frozen dataclasses), one column per (header, text, sort key)."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from registry.tekst import normaliseer
from ui.koppeldialoog import als_tooltip

_Index = QModelIndex | QPersistentModelIndex
_RECHTS = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Rijenmodel(QAbstractTableModel):
    """Read-only plain rows in columns; `sort` orders them in Python (keeping the selection) by a key per column."""

    RIJ_ROL = Qt.ItemDataRole.UserRole  # the row itself
    GETALKOLOMMEN: frozenset[int] = frozenset()  # right-aligned, so that the digits line up

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rijen: list = []
        self._kolommen: list[tuple[str, Callable, Callable | None]] = self.kolommen()
        self._sortering: tuple[int, Qt.SortOrder] | None = None

    def kolommen(self) -> list[tuple[str, Callable, Callable | None]]:
        """(header, text of a row, sort key of a row or None: the text, case- and accent-insensitively)."""
        raise NotImplementedError

    def zet_rijen(self, rijen: list) -> None:
        self.beginResetModel()
        self._rijen = self._gesorteerd(list(rijen))
        self.endResetModel()

    def rij(self, nummer: int):
        return self._rijen[nummer]

    def rij_van(self, index: _Index):
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        return self._rijen[index.row()]

    def rijen(self) -> list:
        return list(self._rijen)

    def tekst(self, rij, kolom: int) -> str:
        return self._kolommen[kolom][1](rij) or ""

    # --- Qt --------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._kolommen)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        r = self.rij_van(index)
        if r is None or not 0 <= index.column() < len(self._kolommen):
            return None
        if rol == Qt.ItemDataRole.DisplayRole:
            return self.tekst(r, index.column())
        if rol == Qt.ItemDataRole.ToolTipRole:
            tekst = self.tekst(r, index.column())
            return als_tooltip(tekst) if tekst else ""  # user text as typed: "<b>" is no markup here
        if rol == Qt.ItemDataRole.TextAlignmentRole:
            return _RECHTS if index.column() in self.GETALKOLOMMEN else None
        if rol == self.RIJ_ROL:
            return r
        return None

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol == Qt.ItemDataRole.DisplayRole and richting == Qt.Orientation.Horizontal \
                and 0 <= sectie < len(self._kolommen):
            return self._kolommen[sectie][0]
        return None

    def sort(self, kolom: int, volgorde: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= kolom < len(self._kolommen):
            return
        self.layoutAboutToBeChanged.emit()
        oud = self.persistentIndexList()
        oude_rijen = [self._rijen[i.row()] if 0 <= i.row() < len(self._rijen) else None for i in oud]
        self._sortering = (kolom, volgorde)
        self._rijen = self._gesorteerd(self._rijen)
        positie = {id(r): n for n, r in enumerate(self._rijen)}
        nieuw = [self.index(positie[id(r)], i.column()) if r is not None else QModelIndex()
                 for i, r in zip(oud, oude_rijen)]
        self.changePersistentIndexList(oud, nieuw)
        self.layoutChanged.emit()

    def _gesorteerd(self, rijen: list) -> list:
        if self._sortering is None:
            return rijen
        kolom, volgorde = self._sortering
        _, tekst, sleutel = self._kolommen[kolom]
        leeg = [r for r in rijen if not tekst(r)]  # empty cells last, in either direction
        vol = [r for r in rijen if tekst(r)]
        vol.sort(key=sleutel or (lambda r: normaliseer(tekst(r))),
                 reverse=volgorde == Qt.SortOrder.DescendingOrder)
        return vol + leeg
