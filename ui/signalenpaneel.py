"""The signals panel (brief §3): each signal with its count; activating one shows the items it concerns."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from registry.signalen import Signaal

_AANDACHT = QBrush(QColor("#b3261e"))


class SignalenModel(QAbstractTableModel):
    SIGNAAL, AANTAL = range(2)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._signalen: list[Signaal] = []

    def zet_signalen(self, signalen: list[Signaal]) -> None:
        self.beginResetModel()
        self._signalen = list(signalen)
        self.endResetModel()

    def signaal(self, rij: int) -> Signaal:
        return self._signalen[rij]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._signalen)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if richting == Qt.Orientation.Horizontal and rol == Qt.ItemDataRole.DisplayRole and 0 <= sectie < 2:
            return (self.tr("Signaal"), self.tr("Aantal"))[sectie]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, rol: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._signalen):
            return None
        s = self._signalen[index.row()]
        if rol == Qt.ItemDataRole.DisplayRole:
            return s.titel if index.column() == self.SIGNAAL else str(s.aantal)
        if rol == Qt.ItemDataRole.ToolTipRole:
            waarover = self.tr("maatregelen") if s.soort == "maatregel" else self.tr("aanbevelingen")
            return f"{s.uitleg} ({s.aantal} {waarover})"
        if rol == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.AANTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if rol == Qt.ItemDataRole.ForegroundRole and index.column() == self.AANTAL and s.aantal:
            return _AANDACHT
        if rol == Qt.ItemDataRole.FontRole and index.column() == self.AANTAL and s.aantal:
            font = QFont()
            font.setBold(True)
            return font
        return None


class SignalenPaneel(QWidget):
    """Lists the signals; Enter or a double-click on one emits what it concerns."""

    maatregelenGekozen = Signal(str, object)  # signal title, tuple of measure codes
    aanbevelingenGekozen = Signal(str, object)  # signal title, tuple of recommendation codes

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SignalenModel(self)
        self.tabel = QTableView(self)
        self.tabel.setModel(self.model)
        self.tabel.setAccessibleName(self.tr("Signalen"))
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setTabKeyNavigation(False)
        self.tabel.setWordWrap(False)
        self.tabel.verticalHeader().setVisible(False)
        kop = self.tabel.horizontalHeader()
        kop.setSectionResizeMode(SignalenModel.SIGNAAL, QHeaderView.ResizeMode.Stretch)
        kop.setSectionResizeMode(SignalenModel.AANTAL, QHeaderView.ResizeMode.ResizeToContents)
        self.tabel.activated.connect(self._gekozen)
        uitleg = QLabel(self.tr("Dubbelklik of Enter: toon de maatregelen of aanbevelingen waar het signaal over "
                                "gaat."), self)
        uitleg.setWordWrap(True)
        laag = QVBoxLayout(self)
        laag.setContentsMargins(4, 4, 4, 4)
        laag.addWidget(self.tabel, 1)
        laag.addWidget(uitleg)

    def zet_signalen(self, signalen: list[Signaal]) -> None:
        self.model.zet_signalen(signalen)

    def _gekozen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        s = self.model.signaal(index.row())
        if s.soort == "maatregel":
            self.maatregelenGekozen.emit(s.titel, s.codes)
        else:
            self.aanbevelingenGekozen.emit(s.titel, s.codes)
