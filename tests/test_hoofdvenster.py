"""The (provisional) main window shows the register's counts per domain and status."""

import pytest

from registry.maatregel import maak_maatregel
from registry.status import wijzig_status
from registry.vocabulaire import STATUS


@pytest.fixture
def gevuld_register(sqlite_register):
    with sqlite_register.werk() as s:
        for naam, domein in [("Vooraf informeren", "TV"), ("Betalingsregeling", "IN"), ("Maatwerk", "IN")]:
            maak_maatregel(s, {"naam": naam, "domein": domein}, "tester")
        wijzig_status(s, "IN-02", "ingevoerd", "Gereed", "tester", 1)
    return sqlite_register


def test_venster_toont_tellingen_per_domein_en_status(qtbot, qtmodeltester, gevuld_register):
    from ui.hoofdvenster import Hoofdvenster

    venster = Hoofdvenster(gevuld_register)
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    assert str(gevuld_register.pad) in venster.windowTitle()
    tabel = venster.tabel
    kolom = {tabel.horizontalHeaderItem(k).text(): k for k in range(tabel.columnCount())}
    rij = {tabel.item(r, 0).text(): r for r in range(tabel.rowCount())}
    ingevoerd, niet = kolom[f"✓ {STATUS['ingevoerd'].label}"], kolom[f"✗ {STATUS['niet'].label}"]
    assert tabel.item(rij["Invordering"], ingevoerd).text() == "1"
    assert tabel.item(rij["Invordering"], niet).text() == "1"
    assert tabel.item(rij["Terugvorderingen"], kolom["Totaal"]).text() == "1"
    assert tabel.item(rij["Niet-gebruik"], kolom["Totaal"]).text() == "0"
    assert "3" in venster.statusBar().currentMessage()
    qtmodeltester.check(tabel.model())
