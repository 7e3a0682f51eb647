"""The window's pages (Maatregelen, Aanbevelingen, Effectmetingen, Dashboard): built when first shown, kept current,
and the jumps between them with the way back."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def venster(qtbot, maak_venster, start_register):
    return maak_venster(start_register)


def test_opstarten_laadt_geen_grafieken_en_geen_andere_paginas(tmp_path, startregister_sjabloon):
    """Brief §6: matplotlib and the other pages load when first shown, never on the way to the first window."""
    import shutil

    pad = tmp_path / "register.db"
    shutil.copyfile(startregister_sjabloon, pad)
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from db.openen import open_register; from ui.hoofdvenster import Hoofdvenster\n"
        "from ui.instellingen import Instellingen\n"
        f"v = Hoofdvenster(open_register(pad={str(pad)!r}), Instellingen()); v.show()\n"
        "for _ in range(5): app.processEvents()\n"
        "print(*(m in sys.modules for m in ('matplotlib', 'ui.aanbevelingenpagina', 'ui.dashboard')))\n"
        "v.detail.herstel(); v.close()\n"
    )
    env = {**__import__("os").environ, "MAATREGELEN_GEGEVENSMAP": str(tmp_path / "gegevens")}
    uit = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["False", "False", "False"]


def test_filters_horen_bij_het_register_en_komen_terug_zoals_ze_waren(qtbot, venster):
    assert venster.filterdock.isVisible()
    venster.actie_paginas[venster.DASHBOARD].trigger()
    assert venster.paginas.currentIndex() == venster.DASHBOARD
    assert not venster.filterdock.isVisible()
    assert not venster.actie_status.isEnabled()  # no acting on a table the user cannot see
    venster.bewaar_vensterstand()  # closing on another page keeps the filters as the user had them
    venster.actie_paginas[venster.MAATREGELEN].trigger()
    assert venster.filterdock.isVisible() and venster.actie_status.isEnabled()

    venster.filterdock.hide()  # closed by the user: stays closed after a visit elsewhere
    venster.toon_pagina(venster.AANBEVELINGEN)
    venster.toon_pagina(venster.MAATREGELEN)
    assert not venster.filterdock.isVisible()


# --- signals in the window, on a register built for the test --------------------------------------------------------

def _maanden_terug(n: int):
    from datetime import date

    from registry.signalen import maanden_voor

    return maanden_voor(date.today(), n)


@pytest.fixture
def signaalregister(sqlite_register):
    """Measures and recommendations each made to trip (or not) particular signals, dated relative to today."""
    from datetime import date

    from registry.aanbeveling import maak_aanbeveling
    from registry.effectmeting import voeg_effectmeting_toe
    from registry.maatregel import archiveer, haal_maatregel, maak_maatregel, wijzig_maatregel

    vorig_jaar, over_twee_jaar = str(date.today().year - 1), str(date.today().year + 2)
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Alles op orde", "domein": "TV", "eigenaar": "Team TV",
                           "planning_huidig": over_twee_jaar}, "t", status="deels", status_datum=_maanden_terug(1))
        voeg_effectmeting_toe(s, "TV-01", indicator="Terugvorderingen", bewijskracht="gemeten", gebruiker="t")
        maak_maatregel(s, {"naam": "Vergeten", "domein": "TV", "planning_huidig": vorig_jaar}, "t",
                       status="niet", status_datum=_maanden_terug(20))
        maak_maatregel(s, {"naam": "Geblokkeerd", "domein": "IN", "eigenaar": "Team IN", "iv_blokkade": True,
                           "planning_huidig": vorig_jaar}, "t", status="ingevoerd", status_datum=_maanden_terug(20))
        maak_maatregel(s, {"naam": "Wacht op IV", "domein": "IN", "eigenaar": "Team IN", "iv_blokkade": True,
                           "iv_verwacht": over_twee_jaar}, "t", status="deels", status_datum=_maanden_terug(2))
        m = maak_maatregel(s, {"naam": "Weg", "domein": "NG"}, "t")
        archiveer(s, "NG-01", "t", m.versie)
        maak_aanbeveling(s, "A-1", "Oud en open", "t", datum=_maanden_terug(20))
        maak_aanbeveling(s, "A-2", "Recent en open", "t", datum=_maanden_terug(1), maatregelen=["TV-01"])
        maak_aanbeveling(s, "A-3", "Oud maar opgevolgd", "t", datum=_maanden_terug(20), opvolging="opgevolgd",
                         maatregelen=["IN-01"])
        maak_aanbeveling(s, "A-4", "Oud, open, zonder maatregel", "t", datum=_maanden_terug(9))
        # A dependency cycle: each waits for the other, so neither can ever be planned.
        wijzig_maatregel(s, "TV-02", {"afhankelijk_van": ["IN-02"]}, "t", haal_maatregel(s, "TV-02").versie)
        wijzig_maatregel(s, "IN-02", {"afhankelijk_van": ["TV-02"]}, "t", haal_maatregel(s, "IN-02").versie)
    return sqlite_register


# What each signal must show, by construction of the register above (not computed by registry.signalen).
VERWACHT = {
    "zonder_eigenaar": ["TV-02"],
    "zonder_effectmeting": ["IN-01", "IN-02", "TV-02"],
    "planning_verstreken": ["TV-02"],
    "status_verouderd": ["TV-02"],
    "iv_blokkade_zonder_datum": ["IN-01"],
    "aanbeveling_lang_open": ["A-1", "A-4"],
    "aanbeveling_zonder_maatregel": ["A-1", "A-4"],
    "afhankelijkheden_kringloop": ["IN-02", "TV-02"],
}


def getoonde_maatregelen(v) -> list[str]:
    from ui.registermodel import CODE_ROL

    return sorted(v.model.data(v.model.index(r, 0), CODE_ROL) for r in range(v.model.rowCount()))


def test_elk_signaal_telt_en_toont_precies_zijn_items(qtbot, maak_venster, signaalregister):
    v = maak_venster(signaalregister)
    paneel = v.signalenpaneel
    gezien = set()
    for rij in range(paneel.model.rowCount()):
        signaal = paneel.model.signaal(rij)
        gezien.add(signaal.sleutel)
        verwacht = VERWACHT[signaal.sleutel]
        assert paneel.model.index(rij, 1).data() == str(len(verwacht)), signaal.sleutel
        paneel.tabel.activated.emit(paneel.model.index(rij, 0))  # Enter or a double-click
        if signaal.soort == "maatregel":
            assert v.paginas.currentIndex() == v.MAATREGELEN
            assert getoonde_maatregelen(v) == verwacht, signaal.sleutel
            v.hef_signaal_op()
        else:
            assert v.paginas.currentIndex() == v.AANBEVELINGEN
            assert sorted(v.aanbevelingen.pagina.zichtbare_codes()) == verwacht, signaal.sleutel
            v.aanbevelingen.pagina.hef_signaal_op()
            assert len(v.aanbevelingen.pagina.zichtbare_codes()) == 4
            v.toon_pagina(v.MAATREGELEN)
    assert gezien == set(VERWACHT)
    assert getoonde_maatregelen(v) == ["IN-01", "IN-02", "TV-01", "TV-02"]


# --- jumping between pages and back ---------------------------------------------------------------------------------

def test_van_aanbeveling_naar_gekoppelde_maatregel_en_terug(qtbot, venster):
    venster.toon_pagina(venster.AANBEVELINGEN)
    pagina = venster.aanbevelingen.pagina
    assert pagina.selecteer("KB-13")
    maatregel = pagina.gekoppelde_codes()[0]
    pagina.open_maatregel()  # the "Openen" button, Enter or a double-click on the link
    assert venster.paginas.currentIndex() == venster.MAATREGELEN
    assert venster.detail.code() == maatregel
    assert venster.geselecteerde_codes() == [maatregel]
    assert "KB-13" in venster.actie_terug.text()

    qtbot.keyClick(venster, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert venster.paginas.currentIndex() == venster.AANBEVELINGEN
    assert pagina.huidige_code() == "KB-13"
    assert not venster.actie_terug.isEnabled()


def test_van_maatregel_naar_aanbeveling_en_terug(qtbot, venster):
    assert venster.selecteer("IN-15")
    tabel = venster.detail.aanbevelingen_tabel
    index = venster.detail.aanbevelingen_model.index(0, 0)
    aanbeveling = venster.detail.aanbevelingen_model.rij(0).code
    tabel.activated.emit(index)
    assert venster.paginas.currentIndex() == venster.AANBEVELINGEN
    assert venster.aanbevelingen.pagina.huidige_code() == aanbeveling
    venster.actie_terug.trigger()
    assert venster.paginas.currentIndex() == venster.MAATREGELEN
    assert venster.detail.code() == "IN-15"


# --- pages follow the data ------------------------------------------------------------------------------------------

def _signaal(v, sleutel):
    m = v.signalenpaneel.model
    return next(m.signaal(r) for r in range(m.rowCount()) if m.signaal(r).sleutel == sleutel)


def test_besluit_op_aanbeveling_werkt_signaal_en_dashboard_bij(qtbot, maak_venster, signaalregister, monkeypatch):
    v = maak_venster(signaalregister)
    v.toon_pagina(v.DASHBOARD)
    dashboard = v.dashboard.pagina
    assert dashboard.cijfers().aanbevelingen_open == 3
    v.toon_pagina(v.AANBEVELINGEN)
    pagina = v.aanbevelingen.pagina
    assert pagina.selecteer("A-1")
    pagina.opvolging.setCurrentIndex(pagina.opvolging.findData("overgenomen"))
    assert pagina.besluit_vastleggen()
    assert _signaal(v, "aanbeveling_lang_open").codes == ("A-4",)
    assert dashboard.cijfers().aanbevelingen_open == 3  # hidden: not recounted until seen
    v.toon_pagina(v.DASHBOARD)
    assert dashboard.cijfers().aanbevelingen_open == 2


def test_koppeling_vanaf_de_maatregel_werkt_signaal_bij(qtbot, maak_venster, signaalregister, monkeypatch):
    from ui import vragen
    v = maak_venster(signaalregister)
    assert v.selecteer("TV-02")

    def kies_a4(dialoog):
        qtbot.keyClicks(dialoog.zoekveld, "A-4")
        qtbot.keyClick(dialoog.zoekveld, Qt.Key.Key_Down)  # into the list, on the first match
        dialoog.knop_ok.click()
        return True

    monkeypatch.setattr(vragen, "voer_uit", kies_a4)
    v.detail.koppel_aanbevelingen()
    assert _signaal(v, "aanbeveling_zonder_maatregel").codes == ("A-1",)


def test_effectmeting_op_een_maatregel_werkt_signaal_en_effectpagina_bij(qtbot, maak_venster, signaalregister,
                                                                        monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui import vragen
    v = maak_venster(signaalregister)
    v.toon_pagina(v.EFFECTMETINGEN)
    assert [c for c, _ in v.effectmetingen.pagina.zonder()] == ["IN-01", "IN-02", "TV-02"]
    v.toon_pagina(v.MAATREGELEN)
    assert v.selecteer("IN-02")
    v.detail.tabs.setCurrentWidget(v.detail.tab_effectmetingen)

    def vul_in(dialoog):
        dialoog.show()
        qtbot.keyClicks(dialoog.indicator, "Doorlooptijd bezwaar")
        dialoog.bewijskracht.setCurrentIndex(dialoog.bewijskracht.findData("gemeten"))
        qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)
        return dialoog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", vul_in)
    qtbot.mouseClick(v.detail.tab_effectmetingen.knop_toevoegen, Qt.MouseButton.LeftButton)
    assert _signaal(v, "zonder_effectmeting").codes == ("IN-01", "TV-02")
    assert "(1)" in v.detail.tabs.tabText(v.detail.tabs.currentIndex())
    v.toon_pagina(v.EFFECTMETINGEN)
    assert [c for c, _ in v.effectmetingen.pagina.zonder()] == ["IN-01", "TV-02"]


def test_een_gearchiveerde_gekoppelde_maatregel_opent_met_het_archief_zichtbaar(qtbot, venster, start_register):
    from registry.maatregel import archiveer, haal_maatregel

    with start_register.werk() as s:
        archiveer(s, "IN-15", "t", haal_maatregel(s, "IN-15").versie)
    venster.ververs()
    venster.toon_pagina(venster.AANBEVELINGEN)
    pagina = venster.aanbevelingen.pagina
    assert pagina.selecteer("KB-13") and "IN-15" in pagina.gekoppelde_codes()
    pagina.maatregelGekozen.emit("IN-15")
    assert venster.paginas.currentIndex() == venster.MAATREGELEN
    assert venster.detail.code() == "IN-15" and venster.geselecteerde_codes() == ["IN-15"]
    assert venster.actie_archief_tonen.isChecked()


def test_een_maatregel_van_een_collega_opent_ook_als_de_tabel_hem_nog_niet_had(qtbot, venster, start_register):
    from registry.maatregel import maak_maatregel

    with start_register.werk() as s:
        nieuw = maak_maatregel(s, {"naam": "Net gemaakt door een collega", "domein": "TV"}, "collega")
    venster.filterpaneel.zoekveld.setText("begeleiding")  # a filter the new measure does not pass
    assert venster.selecteer(nieuw.code)
    assert venster.detail.code() == nieuw.code


def test_een_onbekende_maatregel_laat_de_filters_staan(qtbot, venster):
    venster.filterpaneel.zoekveld.setText("begeleiding")
    voor = venster.model.rowCount()
    assert 0 < voor < venster.model.aantal_totaal()
    assert not venster.selecteer("XX-999")
    assert venster.model.rowCount() == voor and venster.filterpaneel.zoekveld.text() == "begeleiding"


def test_een_maatregelsignaal_vanaf_een_andere_pagina_toont_het_register(qtbot, venster):
    venster.toon_pagina(venster.EFFECTMETINGEN)
    paneel = venster.signalenpaneel
    rij = next(r for r in range(paneel.model.rowCount()) if paneel.model.signaal(r).sleutel == "planning_verstreken")
    paneel.tabel.activated.emit(paneel.model.index(rij, 0))
    assert venster.paginas.currentIndex() == venster.MAATREGELEN
    assert getoonde_maatregelen(venster) == \
        sorted(paneel.model.signaal(rij).codes)


def test_blijven_bij_onopgeslagen_maatregel_houdt_de_aanbeveling_in_beeld(qtbot, venster, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    from ui import vragen

    assert venster.selecteer("BU-05")
    venster.detail.findChild(QLineEdit, "eigenaar").setText("Piet")
    assert venster.paginas.tabText(venster.MAATREGELEN) == "Maatregelen *"  # unsaved edits show on the tab
    venster.toon_pagina(venster.AANBEVELINGEN)
    pagina = venster.aanbevelingen.pagina
    assert pagina.selecteer("KB-13")
    gevraagd = []
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a: gevraagd.append(a) or vragen.ANNULEREN)
    pagina.maatregelGekozen.emit("IN-06")  # "Openen"; the user then chooses to stay
    assert len(gevraagd) == 1
    assert venster.paginas.currentIndex() == venster.AANBEVELINGEN and pagina.huidige_code() == "KB-13"
    assert venster.detail.code() == "BU-05" and venster.detail.is_gewijzigd()
    assert not venster.actie_terug.isEnabled()

    venster.actie_opslaan.trigger()  # Ctrl+S on another page saves the measure's edits
    assert not venster.detail.is_gewijzigd()
    with venster.register.sessie() as s:
        from registry.maatregel import haal_maatregel

        assert haal_maatregel(s, "BU-05").eigenaar == "Piet"


def test_ctrl_s_legt_op_de_aanbevelingenpagina_het_besluit_vast(qtbot, venster):
    venster.toon_pagina(venster.AANBEVELINGEN)
    pagina = venster.aanbevelingen.pagina
    assert pagina.selecteer("PAN-01")
    pagina.opvolging.setCurrentIndex(pagina.opvolging.findData("overgenomen"))
    assert venster.actie_opslaan.isEnabled()
    venster.actie_opslaan.trigger()
    with venster.register.sessie() as s:
        from registry.aanbeveling import haal_aanbeveling

        assert haal_aanbeveling(s, "PAN-01").opvolging == "overgenomen"


def test_terug_noemt_de_pagina_als_er_geen_item_is(qtbot, venster):
    venster.toon_pagina(venster.EFFECTMETINGEN)
    pagina = venster.effectmetingen.pagina
    code = pagina.getoond()[0].maatregel
    pagina.maatregelGekozen.emit(code)
    assert venster.detail.code() == code
    assert venster.actie_terug.text().replace("&", "") == "Terug naar Effectmetingen"
    venster.actie_terug.trigger()
    assert venster.paginas.currentIndex() == venster.EFFECTMETINGEN
