"""Signals (brief §3) on a register built for the test: each one counts exactly the items it should."""

from datetime import date

import pytest

from registry.aanbeveling import maak_aanbeveling
from registry.effectmeting import voeg_effectmeting_toe
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.signalen import Drempels, maanden_voor, signalen

PEILDATUM = date(2026, 11, 1)


@pytest.fixture
def opgebouwd(register):
    """Five measures and three recommendations, each made to trip (or not trip) particular signals."""
    with register.werk() as s:
        # TV-01: owner, effect, planning ahead, recent status: no measure signal at all.
        maak_maatregel(s, {"naam": "Alles op orde", "domein": "TV", "eigenaar": "Team TV",
                           "planning_huidig": "Q4 2027"}, "t", status="deels", status_datum=date(2026, 9, 15))
        voeg_effectmeting_toe(s, "TV-01", indicator="Terugvorderingen", bewijskracht="gemeten", gebruiker="t")
        # TV-02: no owner, no effect, planning passed, status old.
        maak_maatregel(s, {"naam": "Vergeten", "domein": "TV", "planning_huidig": "Q1 2026"}, "t",
                       status="niet", status_datum=date(2025, 1, 1))
        # IN-01: blocked by IV without an expected date; ingevoerd, so its old status and past planning don't count.
        maak_maatregel(s, {"naam": "Geblokkeerd", "domein": "IN", "eigenaar": "Team IN", "iv_blokkade": True,
                           "planning_huidig": "Q1 2026"}, "t", status="ingevoerd", status_datum=date(2025, 1, 1))
        # IN-02: blocked by IV with an expected date.
        maak_maatregel(s, {"naam": "Wacht op IV", "domein": "IN", "eigenaar": "Team IN", "iv_blokkade": True,
                           "iv_verwacht": "Q2 2027"}, "t", status="deels", status_datum=date(2026, 9, 1))
        # NG-01: archived: no signal whatever it lacks.
        m = maak_maatregel(s, {"naam": "Weg", "domein": "NG"}, "t")
        archiveer(s, "NG-01", "t", m.versie)
        maak_aanbeveling(s, "A-1", "Oud en open", "t", datum=date(2025, 1, 1))
        maak_aanbeveling(s, "A-2", "Recent en open", "t", datum=date(2026, 9, 1), maatregelen=["TV-01"])
        maak_aanbeveling(s, "A-3", "Oud maar opgevolgd", "t", datum=date(2025, 1, 1), opvolging="opgevolgd",
                         maatregelen=["IN-01"])
    return register


def per_sleutel(register, **kwargs):
    with register.sessie() as s:
        return {g.sleutel: g.codes for g in signalen(s, peildatum=PEILDATUM, **kwargs)}


def test_elk_signaal_telt_precies_de_juiste_items(opgebouwd):
    assert per_sleutel(opgebouwd) == {
        "zonder_eigenaar": ("TV-02",),
        "zonder_effectmeting": ("IN-01", "IN-02", "TV-02"),
        "planning_verstreken": ("TV-02",),
        "status_verouderd": ("TV-02",),
        "iv_blokkade_zonder_datum": ("IN-01",),
        "aanbeveling_lang_open": ("A-1",),
        "aanbeveling_zonder_maatregel": ("A-1",),
        "afhankelijkheden_kringloop": (),
    }


def test_kringloop_in_afhankelijkheden_noemt_precies_de_maatregelen_op_de_kringloop(opgebouwd):
    with opgebouwd.werk() as s:
        # TV-01 → IN-02 → TV-02 → TV-01 is a cycle; IN-01 only depends on it; TV-02 also waits for archived NG-01.
        wijzig_maatregel(s, "TV-01", {"afhankelijk_van": ["IN-02"]}, "t", haal_maatregel(s, "TV-01").versie)
        wijzig_maatregel(s, "IN-02", {"afhankelijk_van": ["TV-02"]}, "t", haal_maatregel(s, "IN-02").versie)
        wijzig_maatregel(s, "TV-02", {"afhankelijk_van": ["TV-01", "NG-01"]}, "t", haal_maatregel(s, "TV-02").versie)
        wijzig_maatregel(s, "IN-01", {"afhankelijk_van": ["TV-01"]}, "t", haal_maatregel(s, "IN-01").versie)
    with opgebouwd.sessie() as s:
        (signaal,) = [g for g in signalen(s, peildatum=PEILDATUM) if g.sleutel == "afhankelijkheden_kringloop"]
    assert signaal.titel == "Kringloop in afhankelijkheden" and signaal.soort == "maatregel"
    assert signaal.codes == ("IN-02", "TV-01", "TV-02")
    assert list(per_sleutel(opgebouwd))[-1] == "afhankelijkheden_kringloop"  # the existing signals keep their order


def test_een_kringloop_via_een_gearchiveerde_maatregel_telt_niet(opgebouwd):
    with opgebouwd.werk() as s:
        wijzig_maatregel(s, "TV-01", {"afhankelijk_van": ["NG-01"]}, "t", haal_maatregel(s, "TV-01").versie)
        wijzig_maatregel(s, "NG-01", {"afhankelijk_van": ["TV-01"]}, "t", haal_maatregel(s, "NG-01").versie)
    assert per_sleutel(opgebouwd)["afhankelijkheden_kringloop"] == ()


def test_drempels_zijn_instelbaar(opgebouwd):
    ruim = per_sleutel(opgebouwd, drempels=Drempels(status_niet_bijgewerkt=24, aanbeveling_open=24))
    assert ruim["status_verouderd"] == () and ruim["aanbeveling_lang_open"] == ()
    krap = per_sleutel(opgebouwd, drempels=Drempels(status_niet_bijgewerkt=1, aanbeveling_open=1))
    assert krap["status_verouderd"] == ("IN-02", "TV-01", "TV-02") and krap["aanbeveling_lang_open"] == ("A-1", "A-2")


def test_signalen_uit_de_rijen_van_het_venster_zijn_gelijk(opgebouwd):
    from registry.filters import Filter, zoek_maatregelen

    with opgebouwd.sessie() as s:
        rijen = zoek_maatregelen(s, Filter(met_gearchiveerd=True))
    assert per_sleutel(opgebouwd, rijen=rijen) == per_sleutel(opgebouwd)


def test_maanden_terug_houdt_elke_maand_geldig():
    assert maanden_voor(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert maanden_voor(date(2026, 1, 15), 6) == date(2025, 7, 15)


def test_signaal_in_het_venster_toont_precies_die_maatregelen(qtbot, maak_venster, qtmodeltester, start_register):
    from ui.instellingen import Instellingen
    from ui.registermodel import CODE_ROL

    venster = maak_venster(start_register)
    paneel = venster.signalenpaneel
    qtmodeltester.check(paneel.model)
    with start_register.sessie() as s:
        verwacht = {g.sleutel: g for g in signalen(s, Instellingen().drempels)}
    rij = next(r for r in range(paneel.model.rowCount()) if paneel.model.signaal(r).sleutel == "planning_verstreken")
    assert paneel.model.index(rij, 1).data() == str(verwacht["planning_verstreken"].aantal)
    assert verwacht["planning_verstreken"].aantal > 0

    paneel.tabel.activated.emit(paneel.model.index(rij, 0))  # Enter or a double-click
    getoond = sorted(venster.model.data(venster.model.index(r, 0), CODE_ROL) for r in range(venster.model.rowCount()))
    assert getoond == sorted(verwacht["planning_verstreken"].codes)
    assert "Planning verstreken" in venster.tellingen.text()
    assert venster.signaalknop.isVisible()
    venster.actie_signaal_opheffen.trigger()
    assert not venster.signaalknop.isVisible()
    assert venster.model.rowCount() == venster.model.aantal_totaal()
    assert "Planning verstreken" not in venster.tellingen.text()


def test_signaal_telling_volgt_een_wijziging(qtbot, maak_venster, start_register):
    from PySide6.QtWidgets import QLineEdit

    venster = maak_venster(start_register)
    paneel = venster.signalenpaneel

    def zonder_eigenaar():
        return next(paneel.model.signaal(r) for r in range(paneel.model.rowCount())
                    if paneel.model.signaal(r).sleutel == "zonder_eigenaar")

    voor = zonder_eigenaar()
    code = voor.codes[0]
    venster.selecteer(code)
    venster.detail.findChild(QLineEdit, "eigenaar").setText("Team Invordering")
    assert venster.detail.opslaan()
    with start_register.sessie() as s:
        assert haal_maatregel(s, code).eigenaar == "Team Invordering"
    assert zonder_eigenaar().aantal == voor.aantal - 1 and code not in zonder_eigenaar().codes
