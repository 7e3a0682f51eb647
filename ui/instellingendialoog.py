"""The settings dialog: which database to open, the user's name in the history, and the signal thresholds (brief §3).

A server password is never stored: a URL typed with one has it moved to the password field, which lives only in
memory (`wachtwoord`) for the main window to connect with.
"""

import getpass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout,
                               QWidget)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from db.paden import standaard_database
from ui.instellingen import Drempels, Instellingen

_FOUTKLEUR = "#b00020"


def _loginnaam() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment (a service account, a container)
        return ""


def _is_url(waarde: str) -> bool:
    return "://" in waarde


def _zonder_wachtwoord(url: URL) -> str:
    """The URL as text without its password. (`url.set(password=None)` keeps it: None there means "unchanged".)"""
    return URL.create(url.drivername, username=url.username or None, password=None, host=url.host, port=url.port,
                      database=url.database, query=url.query).render_as_string(hide_password=False)


class InstellingenDialoog(QDialog):
    def __init__(self, instellingen: Instellingen, huidige_database: str, is_server: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._instellingen = instellingen
        self._huidige = huidige_database
        self._is_server = is_server
        self._oud = instellingen.database
        self._nieuw = self._oud
        self._wachtwoord: str | None = None
        self._database_gewijzigd = False
        self.setWindowTitle(self.tr("Instellingen"))

        laag = QVBoxLayout(self)

        # --- database -------------------------------------------------------------------------------------
        groep = QGroupBox(self.tr("Database"), self)
        groep.setAccessibleName(self.tr("Database"))
        rooster = QGridLayout(groep)
        rooster.setColumnMinimumWidth(0, 18)
        rooster.setColumnStretch(1, 1)
        rij = 0
        if huidige_database:
            nu = QLabel(self.tr("Nu geopend: %s") % huidige_database, groep)
            nu.setTextFormat(Qt.TextFormat.PlainText)
            nu.setWordWrap(True)
            nu.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            nu.setAccessibleName(self.tr("Nu geopende database"))
            rooster.addWidget(nu, rij, 0, 1, 3)
            rij += 1

        self.standaard_keuze = QRadioButton(self.tr("&Standaardbestand (%s)") % standaard_database(), groep)
        self.standaard_keuze.setAccessibleName(self.tr("Standaardbestand"))
        self.standaard_keuze.setAccessibleDescription(str(standaard_database()))
        rooster.addWidget(self.standaard_keuze, rij, 0, 1, 3)
        rij += 1

        self.bestand_keuze = QRadioButton(self.tr("&Ander bestand"), groep)
        self.bestand_keuze.setAccessibleName(self.tr("Ander bestand"))
        rooster.addWidget(self.bestand_keuze, rij, 0, 1, 3)
        rij += 1
        self.bestandsveld = QLineEdit(groep)
        self.bestandsveld.setAccessibleName(self.tr("Pad van het databasebestand"))
        self.bestandsveld.setPlaceholderText(self.tr("pad naar een .db-bestand"))
        self.bladerknop = QPushButton(self.tr("&Bladeren…"), groep)
        self.bladerknop.setAccessibleName(self.tr("Bladeren naar een databasebestand"))
        rooster.addWidget(self.bestandsveld, rij, 1)
        rooster.addWidget(self.bladerknop, rij, 2)
        rij += 1
        self.bestandsmelding = self._melding(groep)
        rooster.addWidget(self.bestandsmelding, rij, 1, 1, 2)
        rij += 1

        self.server_keuze = QRadioButton(self.tr("Se&rver (PostgreSQL)"), groep)
        self.server_keuze.setAccessibleName(self.tr("Server (PostgreSQL)"))
        rooster.addWidget(self.server_keuze, rij, 0, 1, 3)
        rij += 1
        serverformulier = QFormLayout()
        serverformulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.urlveld = QLineEdit(groep)
        self.urlveld.setAccessibleName(self.tr("URL van de serverdatabase"))
        self.urlveld.setPlaceholderText("postgresql+psycopg://gebruiker@server/database")
        self.urlveld.setMinimumWidth(self.urlveld.fontMetrics().averageCharWidth() * 45)  # room for a whole URL
        self.urlveld.setToolTip(
            self.tr("Een SQLAlchemy-URL, bijvoorbeeld postgresql+psycopg://gebruiker@server/database"))
        self.urllabel = QLabel(self.tr("&URL:"), groep)
        self.urllabel.setBuddy(self.urlveld)
        serverformulier.addRow(self.urllabel, self.urlveld)
        self.wachtwoordveld = QLineEdit(groep)
        self.wachtwoordveld.setEchoMode(QLineEdit.EchoMode.Password)
        self.wachtwoordveld.setAccessibleName(self.tr("Wachtwoord van de serverdatabase"))
        self.wachtwoordveld.setPlaceholderText(self.tr("wordt niet bewaard"))
        self.wachtwoordveld.setToolTip(self.tr("Het wachtwoord geldt alleen voor deze sessie en wordt nooit bewaard."))
        self.wachtwoordlabel = QLabel(self.tr("&Wachtwoord:"), groep)
        self.wachtwoordlabel.setBuddy(self.wachtwoordveld)
        serverformulier.addRow(self.wachtwoordlabel, self.wachtwoordveld)
        rooster.addLayout(serverformulier, rij, 1, 1, 2)
        rij += 1
        self.urlmelding = self._melding(groep)
        rooster.addWidget(self.urlmelding, rij, 1, 1, 2)
        laag.addWidget(groep)

        self._keuzes = QButtonGroup(self)
        for knop in (self.standaard_keuze, self.bestand_keuze, self.server_keuze):
            self._keuzes.addButton(knop)

        # --- user ------------------------------------------------------------------------------------------
        groep = QGroupBox(self.tr("Gebruiker"), self)
        groep.setAccessibleName(self.tr("Gebruiker"))
        formulier = QFormLayout(groep)
        formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.gebruikerveld = QLineEdit(groep)
        self.gebruikerveld.setAccessibleName(self.tr("Naam in de historie"))
        self.gebruikerveld.setPlaceholderText(_loginnaam())
        self.gebruikerveld.setToolTip(self.tr("Leeg: uw inlognaam"))
        self.gebruikerveld.setText(instellingen.gebruiker or "")
        gebruikerlabel = QLabel(self.tr("&Naam in de historie:"), groep)
        gebruikerlabel.setBuddy(self.gebruikerveld)
        formulier.addRow(gebruikerlabel, self.gebruikerveld)
        if is_server:
            self.gebruikerveld.setEnabled(False)
            notitie = QLabel(self.tr("Op een serverdatabase wordt de databaselogin vastgelegd."), groep)
            notitie.setWordWrap(True)
            formulier.addRow(notitie)
        laag.addWidget(groep)

        # --- signal thresholds ---------------------------------------------------------------------------------
        groep = QGroupBox(self.tr("Signalen"), self)
        groep.setAccessibleName(self.tr("Signalen"))
        formulier = QFormLayout(groep)
        formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        drempels = instellingen.drempels
        self.status_drempel = self._maanden(drempels.status_niet_bijgewerkt, groep)
        self.status_drempel.setAccessibleName(self.tr("Status niet bijgewerkt na aantal maanden"))
        label = QLabel(self.tr("S&tatus niet bijgewerkt na:"), groep)
        label.setBuddy(self.status_drempel)
        formulier.addRow(label, self.status_drempel)
        self.aanbeveling_drempel = self._maanden(drempels.aanbeveling_open, groep)
        self.aanbeveling_drempel.setAccessibleName(self.tr("Aanbeveling open na aantal maanden"))
        label = QLabel(self.tr("Aanbeveling &open na:"), groep)
        label.setBuddy(self.aanbeveling_drempel)
        formulier.addRow(label, self.aanbeveling_drempel)
        laag.addWidget(groep)

        self.knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.knoppen.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.knoppen.accepted.connect(self.accept)
        self.knoppen.rejected.connect(self.reject)
        laag.addWidget(self.knoppen)

        # --- the stored choice ---------------------------------------------------------------------------------
        opgeslagen = instellingen.database
        if opgeslagen and _is_url(opgeslagen):
            self.server_keuze.setChecked(True)
            self.urlveld.setText(opgeslagen)
        elif opgeslagen and Path(opgeslagen) != standaard_database():
            self.bestand_keuze.setChecked(True)
            self.bestandsveld.setText(opgeslagen)
        else:
            self.standaard_keuze.setChecked(True)

        self._aangeraakt = False  # did the user touch the database section? Only then may the database change.
        self._keuzes.buttonToggled.connect(self._werk_bij)
        self._keuzes.buttonClicked.connect(self._raak_aan)
        for veld in (self.bestandsveld, self.urlveld, self.wachtwoordveld):
            veld.textEdited.connect(self._raak_aan)
        self.bladerknop.clicked.connect(self._blader)
        self.bestandsveld.textChanged.connect(self._controleer_bestand)
        self.urlveld.textChanged.connect(lambda: self.urlmelding.hide())
        self.urlveld.editingFinished.connect(self._haal_wachtwoord_uit_url)
        self._werk_bij()

    # --- building blocks ---------------------------------------------------------------------------------------

    def _melding(self, parent: QWidget) -> QLabel:
        melding = QLabel(parent)
        melding.setWordWrap(True)
        melding.setTextFormat(Qt.TextFormat.PlainText)
        melding.hide()
        return melding

    def _toon_melding(self, melding: QLabel, tekst: str, fout: bool) -> None:
        melding.setText(tekst)
        melding.setStyleSheet(f"color: {_FOUTKLEUR};" if fout else "")
        melding.setAccessibleName(self.tr("Fout") if fout else self.tr("Opmerking"))
        melding.show()

    def _maanden(self, waarde: int, parent: QWidget) -> QSpinBox:
        vak = QSpinBox(parent)
        vak.setRange(1, 120)
        vak.setSuffix(self.tr(" maanden"))
        vak.setValue(waarde)
        return vak

    def _werk_bij(self, *_) -> None:
        bestand, server = self.bestand_keuze.isChecked(), self.server_keuze.isChecked()
        for w in (self.bestandsveld, self.bladerknop):
            w.setEnabled(bestand)
        for w in (self.urlveld, self.wachtwoordveld, self.urllabel, self.wachtwoordlabel):
            w.setEnabled(server)
        self.urlmelding.setVisible(server and bool(self.urlmelding.text()))
        self._controleer_bestand()

    def kies_bestand(self) -> str | None:
        """Ask for a database file (which may be new); None when cancelled. Tests replace this method."""
        begin = self.bestandsveld.text().strip() or str(standaard_database().parent)
        pad, _ = QFileDialog.getSaveFileName(
            self, self.tr("Databasebestand kiezen"), begin,
            self.tr("Registerbestanden (*.db *.sqlite *.sqlite3);;Alle bestanden (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return pad or None

    def _raak_aan(self, *_) -> None:
        self._aangeraakt = True

    def _blader(self) -> None:
        pad = self.kies_bestand()
        if pad:
            self._aangeraakt = True
            self.bestandsveld.setText(pad)
            self.bestandsveld.setFocus()

    # --- validation ------------------------------------------------------------------------------------------

    def _bestandsfout(self) -> str | None:
        """The message that blocks OK for the file field, or None; shows a note for a new file."""
        tekst = self.bestandsveld.text().strip()
        if not tekst:
            return self.tr("Kies een bestand.")
        pad = Path(tekst).expanduser()
        if pad.is_dir():
            return self.tr("Dit is een map; kies een bestand in de map.")
        if not pad.parent.is_dir():
            return self.tr("De map %s bestaat niet.") % pad.parent
        return None

    def _controleer_bestand(self, *_) -> None:
        if not self.bestand_keuze.isChecked() or not self.bestandsveld.text().strip():
            self.bestandsmelding.hide()
            return
        fout = self._bestandsfout()
        if fout:
            self._toon_melding(self.bestandsmelding, fout, fout=True)
        elif not Path(self.bestandsveld.text().strip()).expanduser().exists():
            self._toon_melding(self.bestandsmelding, self.tr(
                "Dit bestand bestaat nog niet: bij het verbinden wordt een nieuw register gemaakt."), fout=False)
        else:
            self.bestandsmelding.hide()

    def _haal_wachtwoord_uit_url(self) -> str | None:
        """Parse the URL; a password in it moves to the password field. Returns the error message, if any."""
        tekst = self.urlveld.text().strip()
        if not tekst:
            return self.tr("Vul de URL van de serverdatabase in.")
        try:
            url = make_url(tekst)
        except (ArgumentError, ValueError) as fout:
            return self.tr("Deze URL is niet te lezen (%s). Voorbeeld: "
                           "postgresql+psycopg://gebruiker@server/database") % type(fout).__name__
        if url.password is not None:
            self.wachtwoordveld.setText(str(url.password))
            self.urlveld.setText(_zonder_wachtwoord(url))
            self.urlveld.setCursorPosition(0)
            self._toon_melding(self.urlmelding, self.tr(
                "Het wachtwoord is uit de URL gehaald en naar het wachtwoordveld verplaatst; het wordt niet "
                "bewaard."), fout=False)
        return None

    def accept(self) -> None:
        """Save only valid input; a field with an error keeps the dialog open and gets the focus."""
        if self.standaard_keuze.isChecked():
            nieuw = None
        elif self.bestand_keuze.isChecked():
            fout = self._bestandsfout()
            if fout:
                self._toon_melding(self.bestandsmelding, fout, fout=True)
                self.bestandsveld.setFocus()
                return
            nieuw = str(Path(self.bestandsveld.text().strip()).expanduser().absolute())
        else:
            fout = self._haal_wachtwoord_uit_url()
            if fout:
                self._toon_melding(self.urlmelding, fout, fout=True)
                self.urlveld.setFocus()
                return
            nieuw = _zonder_wachtwoord(make_url(self.urlveld.text().strip()))
        self._wachtwoord = (self.wachtwoordveld.text() or None) if self.server_keuze.isChecked() else None

        self._nieuw = nieuw
        # Reconnect only when the user chose something other than what is open. Without touching the section, OK
        # keeps the open database even when it differs from the stored choice (the app was started with --db).
        self._database_gewijzigd = self._wachtwoord is not None or (
            self._aangeraakt and self._doel(nieuw) != self._doel(self._huidige or None))
        self._instellingen.database = nieuw
        if not self._is_server:
            self._instellingen.gebruiker = self.gebruikerveld.text()
        self._instellingen.drempels = Drempels(status_niet_bijgewerkt=self.status_drempel.value(),
                                               aanbeveling_open=self.aanbeveling_drempel.value())
        self._instellingen.bewaar()
        super().accept()

    @staticmethod
    def _doel(waarde: str | None) -> str:
        """What a stored value opens, comparable: None and the default file's path are the same database."""
        if not waarde:
            return str(standaard_database().absolute())
        return waarde if _is_url(waarde) else str(Path(waarde).expanduser().absolute())

    # --- what the main window reads after OK -------------------------------------------------------------------

    @property
    def database_gewijzigd(self) -> bool:
        """True after OK when the user chose a database other than the open one, or typed a password.

        The main window then reconnects to `nieuwe_database` (with `wachtwoord`)."""
        return self._database_gewijzigd

    @property
    def nieuwe_database(self) -> str | None:
        """The chosen database: a file path or a URL without password; None: the default file."""
        return self._nieuw

    @property
    def wachtwoord(self) -> str | None:
        """The server password typed (or taken from the URL); kept in memory only, never stored."""
        return self._wachtwoord
