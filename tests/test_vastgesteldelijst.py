"""The list of vastgestelde reports: newest first, opened and saved byte for byte as they were sent."""

import io
import stat
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from registry.maatregel import maak_maatregel
from registry.rapport.gegevens import Rapportkeuze
from registry.rapport.pdf import maak_rapport
from registry.rapport.vaststelling import stel_vast
from registry.tabellen import VastgesteldRapport as Rapporttabel
from ui import vragen
from ui.instellingen import Instellingen
from ui.vastgesteldelijst import VastgesteldeRapportenDialoog, VastgesteldeRapportenModel


def stel_rapport_vast(register, periode: str, peildatum: date) -> bytes:
    uit = io.BytesIO()
    with register.sessie() as s:
        resultaat = maak_rapport(s, Rapportkeuze(periode=periode, peildatum=peildatum), uit)
    with register.werk() as s:
        stel_vast(s, uit.getvalue(), resultaat, gebruiker="Fatima", bestandsnaam=f"PRT-{periode}.pdf")
    return uit.getvalue()


@pytest.fixture
def twee_rapporten(sqlite_register):
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Alfa", "domein": "TV"}, "tester", code="TV-01", status="deels",
                       status_datum=date(2026, 1, 10))
    eerste = stel_rapport_vast(sqlite_register, "2026-H1", date(2026, 6, 30))
    tweede = stel_rapport_vast(sqlite_register, "2026-H2", date(2026, 11, 1))
    return eerste, tweede


def maak_lijst(qtbot, register) -> VastgesteldeRapportenDialoog:
    lijst = VastgesteldeRapportenDialoog(register, Instellingen())
    qtbot.addWidget(lijst)
    lijst.show()
    qtbot.waitExposed(lijst)
    return lijst


def test_zonder_rapporten_zegt_de_lijst_dat_er_nog_geen_zijn(qtbot, sqlite_register, qtmodeltester):
    lijst = maak_lijst(qtbot, sqlite_register)
    assert lijst.model.rowCount() == 0
    assert "nog geen vastgestelde rapporten" in lijst.details.text()
    assert not lijst.knop_openen.isEnabled() and not lijst.knop_opslaan.isEnabled()
    qtmodeltester.check(lijst.model)


def test_lijst_toont_de_rapporten_nieuwste_eerst(qtbot, sqlite_register, twee_rapporten, qtmodeltester):
    lijst = maak_lijst(qtbot, sqlite_register)
    m = lijst.model
    qtmodeltester.check(m)
    koppen = [m.headerData(k, Qt.Orientation.Horizontal) for k in range(m.columnCount())]
    assert koppen == ["Vastgesteld op", "Periode", "Peildatum", "Selectie", "Maatregelen", "Pagina's", "Door"]
    assert [m.index(r, m.PERIODE).data() for r in range(m.rowCount())] == ["2026-H2", "2026-H1"]
    assert m.index(0, m.PEILDATUM).data() == "01-11-2026"
    assert m.index(0, m.SELECTIE).data() == "Alle maatregelen"
    assert m.index(0, m.MAATREGELEN).data() == "1"
    assert int(m.index(0, m.PAGINAS).data()) > 1
    assert m.index(0, m.DOOR).data() == "Fatima"
    assert not m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert lijst.gekozen().periode == "2026-H2"  # the newest is chosen
    assert "PRT-2026-H2.pdf" in lijst.details.text() and "SHA-256" in lijst.details.text()


def test_enter_opent_het_rapport_precies_zoals_het_is_vastgesteld(qtbot, sqlite_register, twee_rapporten,
                                                                 monkeypatch):
    eerste, tweede = twee_rapporten
    geopend = []
    monkeypatch.setattr(vragen, "open_bestand", lambda pad: geopend.append(pad) or True)
    lijst = maak_lijst(qtbot, sqlite_register)
    lijst.tabel.setFocus()
    qtbot.keyClick(lijst.tabel, Qt.Key.Key_Return)
    [pad] = geopend
    assert pad.name == "PRT-2026-H2.pdf"
    assert pad.read_bytes() == tweede
    assert not pad.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only: kept as it was sent
    assert lijst.isVisible()  # Enter opened the report; it did not also press a button

    rechthoek = lijst.tabel.visualRect(lijst.model.index(1, 0))
    qtbot.mouseClick(lijst.tabel.viewport(), Qt.MouseButton.LeftButton, pos=rechthoek.center())
    qtbot.mouseDClick(lijst.tabel.viewport(), Qt.MouseButton.LeftButton, pos=rechthoek.center())
    assert geopend[-1].name == "PRT-2026-H1.pdf" and geopend[-1].read_bytes() == eerste

    lijst.tabel.selectRow(0)
    lijst.open_rapport()  # again: the same read-only file serves
    assert geopend[-1] == pad


def test_opslaan_als_schrijft_dezelfde_bytes(qtbot, sqlite_register, twee_rapporten, monkeypatch, tmp_path):
    eerste, _ = twee_rapporten
    lijst = maak_lijst(qtbot, sqlite_register)
    lijst.tabel.selectRow(1)
    voorstellen = []
    doel = tmp_path / "verstuurd.pdf"
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan", lambda ouder, titel, voorstel, soorten:
                        voorstellen.append(voorstel) or str(doel))
    qtbot.mouseClick(lijst.knop_opslaan, Qt.MouseButton.LeftButton)
    assert voorstellen[0].endswith("PRT-2026-H1.pdf")
    assert doel.read_bytes() == eerste


def test_een_gewijzigd_rapport_wordt_niet_geopend(qtbot, sqlite_register, twee_rapporten, monkeypatch):
    with sqlite_register.werk() as s:
        s.execute(update(Rapporttabel).values(pdf=b"%PDF-1.4 vervalst"))
    fouten, geopend = [], []
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: fouten.append(tekst))
    monkeypatch.setattr(vragen, "open_bestand", lambda pad: geopend.append(pad) or True)
    lijst = maak_lijst(qtbot, sqlite_register)
    lijst.open_rapport()
    assert geopend == [] and "gewijzigd of beschadigd" in fouten[0]


def test_model_zonder_dialoog_doorstaat_qtmodeltester_na_verversen(qtmodeltester, sqlite_register, twee_rapporten):
    from registry.rapport.vaststelling import vastgestelde_rapporten

    m = VastgesteldeRapportenModel()
    with sqlite_register.sessie() as s:
        m.zet_rijen(vastgestelde_rapporten(s))
    qtmodeltester.check(m)
    m.zet_rijen([])
    qtmodeltester.check(m)


def test_menu_bestand_opent_de_lijst(qtbot, start_register, monkeypatch):
    from ui.hoofdvenster import Hoofdvenster

    venster = Hoofdvenster(start_register, Instellingen())
    qtbot.addWidget(venster, before_close_func=lambda w: w.detail.herstel())
    getoond = []
    monkeypatch.setattr(vragen, "voer_uit", lambda dialoog: getoond.append(dialoog) or False)
    menu = venster.menuBar().actions()[0].menu()
    assert venster.actie_vastgesteld in menu.actions() and venster.actie_pdf in menu.actions()
    venster.actie_vastgesteld.trigger()
    assert isinstance(getoond[0], VastgesteldeRapportenDialoog)
