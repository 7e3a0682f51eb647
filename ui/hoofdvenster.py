"""The main window. For now an overview of the register's counts per domain and status; issue 5 builds it out."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from registry.overzicht import tellingen_per_domein
from registry.vocabulaire import STATUS


class Hoofdvenster(QMainWindow):
    def __init__(self, register):
        super().__init__()
        self.register = register
        self.setWindowTitle(self.tr("Maatregelenregister Toeslagen — %s") % register.omschrijving)
        self.resize(900, 420)
        midden = QWidget(self)
        laag = QVBoxLayout(midden)
        kop = QLabel(self.tr("<h2>Maatregelenregister Toeslagen</h2>"), midden)
        kop.setTextFormat(Qt.TextFormat.RichText)
        laag.addWidget(kop)
        self.tabel = QTableWidget(midden)
        self.tabel.setAccessibleName(self.tr("Maatregelen per domein en status"))
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabel.horizontalHeader().setStretchLastSection(True)
        laag.addWidget(self.tabel)
        self.setCentralWidget(midden)
        self.ververs()

    def ververs(self) -> None:
        with self.register.sessie() as sessie:
            rijen = tellingen_per_domein(sessie)
        koppen = [self.tr("Domein")] + [f"{t.symbool} {t.label}" for t in STATUS.termen] + [self.tr("Totaal")]
        self.tabel.setColumnCount(len(koppen))
        self.tabel.setHorizontalHeaderLabels(koppen)
        self.tabel.setRowCount(len(rijen))
        for r, rij in enumerate(rijen):
            waarden = [rij.domein_naam] + [str(rij.per_status.get(s, 0)) for s in STATUS.codes] + [str(rij.totaal)]
            for k, waarde in enumerate(waarden):
                item = QTableWidgetItem(waarde)
                if k:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.tabel.setItem(r, k, item)
        self.tabel.resizeColumnsToContents()
        totaal = sum(r.totaal for r in rijen)
        self.statusBar().showMessage(self.tr("%n maatregel(en)", "", totaal))
