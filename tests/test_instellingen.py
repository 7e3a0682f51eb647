"""The settings dialog: what OK stores, what Cancel leaves alone, and that a server password is never written down."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QSpinBox

from db.paden import standaard_database
from ui.instellingen import Drempels, Instellingen
from ui.instellingendialoog import InstellingenDialoog


def maak_dialoog(qtbot, huidige: str | None = None, is_server: bool = False) -> InstellingenDialoog:
    dialoog = InstellingenDialoog(Instellingen(), str(standaard_database()) if huidige is None else huidige,
                                  is_server)
    qtbot.addWidget(dialoog)
    with qtbot.waitExposed(dialoog):
        dialoog.show()  # shown, never exec(): a modal loop would block the test
    return dialoog


def kies(qtbot, knop: QRadioButton) -> None:
    """Click a radio button where a user does: on its circle (the middle of a wide one is empty space)."""
    qtbot.mouseClick(knop, Qt.MouseButton.LeftButton, pos=QPoint(6, knop.height() // 2))
    assert knop.isChecked()


def ok(qtbot, dialoog) -> None:
    qtbot.mouseClick(dialoog.knoppen.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def annuleer(qtbot, dialoog) -> None:
    qtbot.mouseClick(dialoog.knoppen.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def typ(qtbot, veld: QLineEdit, tekst: str) -> None:
    veld.selectAll()
    qtbot.keyClick(veld, Qt.Key.Key_Delete)
    qtbot.keyClicks(veld, tekst)


def zet_maanden(qtbot, vak: QSpinBox, waarde: int) -> None:
    vak.lineEdit().selectAll()
    qtbot.keyClicks(vak, str(waarde))


def ini_tekst(gegevensmap: Path) -> str:
    return (gegevensmap / "instellingen.ini").read_text(encoding="utf-8")


def test_drempels_en_naam_worden_bij_ok_bewaard(qtbot):
    dialoog = maak_dialoog(qtbot)
    assert dialoog.windowTitle() == "Instellingen"
    assert (dialoog.status_drempel.value(), dialoog.aanbeveling_drempel.value()) == (6, 6)
    zet_maanden(qtbot, dialoog.status_drempel, 9)
    zet_maanden(qtbot, dialoog.aanbeveling_drempel, 12)
    qtbot.keyClicks(dialoog.gebruikerveld, "  Jan de Vries ")
    ok(qtbot, dialoog)

    assert dialoog.result() == QDialog.DialogCode.Accepted
    opnieuw = Instellingen()
    assert opnieuw.drempels == Drempels(status_niet_bijgewerkt=9, aanbeveling_open=12)
    assert opnieuw.gebruiker == "Jan de Vries"
    assert not dialoog.database_gewijzigd
    assert maak_dialoog(qtbot).status_drempel.value() == 9  # the dialog shows what is stored


def test_annuleren_verandert_niets(qtbot, tmp_path):
    dialoog = maak_dialoog(qtbot)
    zet_maanden(qtbot, dialoog.status_drempel, 3)
    qtbot.keyClicks(dialoog.gebruikerveld, "Piet")
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.keyClicks(dialoog.bestandsveld, str(tmp_path / "ander.db"))
    annuleer(qtbot, dialoog)

    assert dialoog.result() == QDialog.DialogCode.Rejected
    opnieuw = Instellingen()
    assert opnieuw.drempels == Drempels()
    assert opnieuw.gebruiker is None
    assert opnieuw.database is None
    assert not dialoog.database_gewijzigd


def test_maanden_liggen_tussen_1_en_120(qtbot):
    dialoog = maak_dialoog(qtbot)
    for vak in (dialoog.status_drempel, dialoog.aanbeveling_drempel):
        assert (vak.minimum(), vak.maximum()) == (1, 120)


def test_een_lege_naam_betekent_de_inlognaam(qtbot):
    import getpass

    instellingen = Instellingen()
    instellingen.gebruiker = "Oud"
    instellingen.bewaar()
    dialoog = maak_dialoog(qtbot)
    assert dialoog.gebruikerveld.text() == "Oud"
    assert dialoog.gebruikerveld.placeholderText() == getpass.getuser()
    typ(qtbot, dialoog.gebruikerveld, "")
    ok(qtbot, dialoog)
    assert Instellingen().gebruiker is None


def test_op_een_server_is_de_naam_niet_te_wijzigen(qtbot):
    dialoog = maak_dialoog(qtbot, huidige="postgresql+psycopg://piet@db/register", is_server=True)
    assert not dialoog.gebruikerveld.isEnabled()
    teksten = [label.text() for label in dialoog.findChildren(QLabel)]
    assert "Op een serverdatabase wordt de databaselogin vastgelegd." in teksten
    dialoog.gebruikerveld.setText("Iemand anders")  # not typeable; even when set, it is not stored
    ok(qtbot, dialoog)
    assert Instellingen().gebruiker is None


def test_een_url_met_wachtwoord_bewaart_het_wachtwoord_niet(qtbot, eigen_gegevensmap):
    dialoog = maak_dialoog(qtbot)
    kies(qtbot, dialoog.server_keuze)
    qtbot.keyClicks(dialoog.urlveld, "postgresql+psycopg://piet:ge%40heim!@db.example.nl:5433/register")
    ok(qtbot, dialoog)

    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.wachtwoord == "ge@heim!"
    assert dialoog.nieuwe_database == "postgresql+psycopg://piet@db.example.nl:5433/register"
    assert dialoog.database_gewijzigd
    assert Instellingen().database == "postgresql+psycopg://piet@db.example.nl:5433/register"
    tekst = ini_tekst(eigen_gegevensmap)
    assert "heim" not in tekst and "piet@db.example.nl" in tekst


def test_een_wachtwoord_in_de_url_verhuist_bij_het_verlaten_van_het_veld(qtbot):
    dialoog = maak_dialoog(qtbot)
    kies(qtbot, dialoog.server_keuze)
    qtbot.keyClicks(dialoog.urlveld, "postgresql+psycopg://piet:geheim@db/register")
    dialoog.urlveld.editingFinished.emit()  # what leaving the field does
    assert dialoog.urlveld.text() == "postgresql+psycopg://piet@db/register"
    assert dialoog.wachtwoordveld.text() == "geheim"
    assert dialoog.wachtwoordveld.echoMode() == QLineEdit.EchoMode.Password
    assert dialoog.urlmelding.isVisible() and "niet bewaard" in dialoog.urlmelding.text()


def test_een_getypt_wachtwoord_geldt_alleen_in_het_geheugen(qtbot, eigen_gegevensmap):
    instellingen = Instellingen()
    instellingen.database = "postgresql+psycopg://piet@db/register"
    instellingen.bewaar()
    dialoog = maak_dialoog(qtbot, huidige="postgresql+psycopg://piet@db/register", is_server=True)
    assert dialoog.server_keuze.isChecked()
    assert dialoog.urlveld.text() == "postgresql+psycopg://piet@db/register"
    qtbot.keyClicks(dialoog.wachtwoordveld, "Zeer-Geheim-42")
    ok(qtbot, dialoog)
    assert dialoog.wachtwoord == "Zeer-Geheim-42"
    assert dialoog.database_gewijzigd  # reconnect with the password
    assert "Zeer-Geheim" not in ini_tekst(eigen_gegevensmap)


@pytest.mark.parametrize("url", ["geen url", "postgresql+psycopg://piet@db:poort/register", ""])
def test_een_onleesbare_url_houdt_ok_tegen_met_een_melding(qtbot, url):
    dialoog = maak_dialoog(qtbot)
    kies(qtbot, dialoog.server_keuze)
    qtbot.keyClicks(dialoog.urlveld, url)
    ok(qtbot, dialoog)

    assert dialoog.isVisible()
    assert dialoog.result() != QDialog.DialogCode.Accepted
    assert dialoog.urlmelding.isVisible() and dialoog.urlmelding.text()
    assert Instellingen().database is None
    assert not dialoog.database_gewijzigd


def test_een_bestand_in_een_niet_bestaande_map_houdt_ok_tegen(qtbot, tmp_path):
    dialoog = maak_dialoog(qtbot)
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.keyClicks(dialoog.bestandsveld, str(tmp_path / "bestaat-niet" / "register.db"))
    assert dialoog.bestandsmelding.isVisible()  # said while typing, too
    ok(qtbot, dialoog)

    assert dialoog.isVisible()
    assert "bestaat niet" in dialoog.bestandsmelding.text()
    assert Instellingen().database is None


def test_een_map_in_plaats_van_een_bestand_houdt_ok_tegen(qtbot, tmp_path):
    dialoog = maak_dialoog(qtbot)
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.keyClicks(dialoog.bestandsveld, str(tmp_path))
    ok(qtbot, dialoog)
    assert dialoog.isVisible()
    assert "map" in dialoog.bestandsmelding.text()


def test_een_ander_bestand_kiezen_wijzigt_de_database(qtbot, tmp_path, monkeypatch):
    dialoog = maak_dialoog(qtbot)
    doel = tmp_path / "nieuw-register.db"
    monkeypatch.setattr(dialoog, "kies_bestand", lambda: str(doel))
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.mouseClick(dialoog.bladerknop, Qt.MouseButton.LeftButton)
    assert dialoog.bestandsveld.text() == str(doel)
    assert dialoog.bestandsmelding.isVisible() and "nieuw register" in dialoog.bestandsmelding.text()
    ok(qtbot, dialoog)

    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.database_gewijzigd
    assert dialoog.nieuwe_database == str(doel)
    assert dialoog.wachtwoord is None
    assert Instellingen().database == str(doel)


def test_bladeren_annuleren_laat_het_veld_staan(qtbot, monkeypatch):
    dialoog = maak_dialoog(qtbot)
    monkeypatch.setattr(dialoog, "kies_bestand", lambda: None)
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.keyClicks(dialoog.bestandsveld, "/tmp/x.db")
    qtbot.mouseClick(dialoog.bladerknop, Qt.MouseButton.LeftButton)
    assert dialoog.bestandsveld.text() == "/tmp/x.db"


def test_terug_naar_het_standaardbestand(qtbot, tmp_path):
    (tmp_path / "ander.db").touch()
    instellingen = Instellingen()
    instellingen.database = str(tmp_path / "ander.db")
    instellingen.bewaar()
    dialoog = maak_dialoog(qtbot, huidige=str(tmp_path / "ander.db"))
    assert dialoog.bestand_keuze.isChecked()
    assert dialoog.bestandsveld.text() == str(tmp_path / "ander.db")
    assert not dialoog.bestandsmelding.isVisible()  # an existing file: nothing to say
    assert str(standaard_database()) in dialoog.standaard_keuze.text()
    kies(qtbot, dialoog.standaard_keuze)
    ok(qtbot, dialoog)
    assert dialoog.database_gewijzigd
    assert dialoog.nieuwe_database is None
    assert Instellingen().database is None


def test_ok_zonder_de_database_aan_te_raken_verbindt_niet_opnieuw(qtbot, tmp_path):
    """Started with --db on another file: OK to change a threshold must not switch to the stored database."""
    dialoog = maak_dialoog(qtbot, huidige=str(tmp_path / "via-opdrachtregel.db"))
    assert dialoog.standaard_keuze.isChecked()
    zet_maanden(qtbot, dialoog.status_drempel, 4)
    ok(qtbot, dialoog)
    assert not dialoog.database_gewijzigd
    assert Instellingen().database is None


def test_het_geopende_bestand_opnieuw_kiezen_verbindt_niet_opnieuw(qtbot, tmp_path):
    geopend = tmp_path / "geopend.db"
    geopend.touch()
    dialoog = maak_dialoog(qtbot, huidige=str(geopend))
    kies(qtbot, dialoog.bestand_keuze)
    qtbot.keyClicks(dialoog.bestandsveld, str(geopend))
    ok(qtbot, dialoog)
    assert not dialoog.database_gewijzigd
    assert Instellingen().database == str(geopend)  # but it is what opens next time


def test_velden_volgen_de_gekozen_soort_database(qtbot):
    dialoog = maak_dialoog(qtbot)
    assert not dialoog.bestandsveld.isEnabled() and not dialoog.urlveld.isEnabled()
    kies(qtbot, dialoog.bestand_keuze)
    assert dialoog.bestandsveld.isEnabled() and dialoog.bladerknop.isEnabled() and not dialoog.urlveld.isEnabled()
    kies(qtbot, dialoog.server_keuze)
    assert dialoog.urlveld.isEnabled() and dialoog.wachtwoordveld.isEnabled() and not dialoog.bestandsveld.isEnabled()


def test_elk_bedieningselement_heeft_een_toegankelijke_naam_en_labels_een_sneltoets(qtbot):
    dialoog = maak_dialoog(qtbot)
    elementen = [*dialoog.findChildren(QLineEdit), *dialoog.findChildren(QRadioButton),
                 *dialoog.findChildren(QSpinBox)]
    elementen = [w for w in elementen if not isinstance(w.parentWidget(), QSpinBox)]  # a spin box's own line edit
    assert [w for w in elementen if not w.accessibleName()] == []
    for knop in dialoog.findChildren(QRadioButton):
        assert "&" in knop.text()
    for veld in (dialoog.urlveld, dialoog.wachtwoordveld, dialoog.gebruikerveld, dialoog.status_drempel,
                 dialoog.aanbeveling_drempel):
        labels = [label for label in dialoog.findChildren(QLabel) if label.buddy() is veld]
        assert len(labels) == 1 and "&" in labels[0].text()
