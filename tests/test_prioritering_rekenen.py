"""Prioritering (issue 9): the ranking, the fit into IV capacity, dependency cycles and scenarios.

Pure rules on plain rows first, then properties on random inputs, then the same on a database built for the test.
"""

import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.fouten import ConflictFout, ValidatieFout
from registry.planning import parse_periode
from registry.prioritering.capaciteit import keten_sleutel
from registry.prioritering import inpassing
from registry.prioritering.inpassing import kringlopen, maak_plan
from registry.prioritering.model import Capaciteit, Prioinvoer, Prioriteringsinvoer, Scenario
from registry.prioritering.rangorde import rangschik, score, score_uitleg
from registry.prioritering.scenario import (aantal_wijzigingen, beschrijf, gevolgen, met_capaciteit, met_invoer,
                                            pas_toe, vergelijk)

IB = "Innen en Betalen"


def mi(nummer: int, **velden) -> Prioinvoer:
    """A measure TV-<nummer> (id = nummer) that needs 4 IV-weeks on Innen en Betalen, unless told otherwise."""
    basis = dict(id=nummer, code=f"TV-{nummer:02d}", naam=f"Maatregel {nummer}", domein="TV", status="niet",
                 fase=None, gearchiveerd=False, iv_afhankelijk=True, iv_blokkade=False, iv_keten=IB,
                 verwacht_effect="midden", effect_basis="pilot", iv_weken=4.0, iv_omvang=None, personeel_weken=None,
                 afhankelijk_van=())
    basis.update(velden)
    basis["keten_sleutel"] = keten_sleutel(basis["iv_keten"])
    return Prioinvoer(**basis)


def cap(keten: str, periode: str, weken: float, id_: int | None = None) -> Capaciteit:
    return Capaciteit(id_, keten, keten_sleutel(keten), parse_periode(periode), weken)


def invoer(maatregelen, capaciteiten=()) -> Prioriteringsinvoer:
    return Prioriteringsinvoer(tuple(maatregelen), tuple(capaciteiten))


def codes(regels) -> list[str]:
    return [r.maatregel.code for r in regels]


def uitkomst(plan, nummer):
    return plan.uitkomsten[nummer]


# ==================================================================================================================
# Ranking
# ==================================================================================================================

def test_hoger_verwacht_effect_rangschikt_hoger():
    rij = rangschik([mi(1, verwacht_effect="laag"), mi(2, verwacht_effect="onbekend"), mi(3, verwacht_effect="midden"),
                     mi(4, verwacht_effect="hoog")])
    assert codes(rij) == ["TV-04", "TV-03", "TV-01", "TV-02"]  # laag and onbekend both 1 point: code order
    assert [r.score.effectpunten for r in rij] == [3, 2, 1, 1]


def test_sterker_bewijs_rangschikt_hoger():
    rij = rangschik([mi(1, effect_basis="geen"), mi(2, effect_basis="beleidstheorie"), mi(3, effect_basis="pilot"),
                     mi(4, effect_basis="effectonderzoek"), mi(5, effect_basis=None)])
    assert codes(rij) == ["TV-04", "TV-03", "TV-02", "TV-01", "TV-05"]
    assert [r.score.gewicht for r in rij] == [1.0, 0.8, 0.5, 0.3, 0.3]


def test_minder_iv_weken_rangschikt_hoger_en_een_omvangsklasse_telt_als_weken():
    rij = rangschik([mi(1, iv_weken=12.0), mi(2, iv_weken=None, iv_omvang="S"), mi(3, iv_weken=0.5),
                     mi(4, iv_weken=None, iv_omvang="XL")])
    assert codes(rij) == ["TV-03", "TV-02", "TV-01", "TV-04"]
    assert [r.score.deler for r in rij] == [1.0, 4.0, 12.0, 52.0]  # at least 1
    assert rij[1].score.weken == 4


def test_onbekende_iv_weken_komen_achteraan():
    rij = rangschik([mi(1, iv_weken=None, verwacht_effect="hoog", effect_basis="effectonderzoek"),
                     mi(2, iv_weken=52.0, verwacht_effect="laag", effect_basis="geen"),
                     mi(3, iv_weken=None, verwacht_effect="laag"),
                     mi(4, iv_weken=None, iv_keten=None, iv_afhankelijk=False, verwacht_effect="laag")])
    # TV-04 needs no IV: divided by 1, it is scored; TV-01 and TV-03 need IV without weeks: last, by effect × weight.
    assert codes(rij) == ["TV-04", "TV-02", "TV-01", "TV-03"]
    assert rij[2].score.waarde is None and rij[0].score.waarde == pytest.approx(0.8)


def test_de_score_wordt_uitgelegd_met_zijn_delen():
    assert score_uitleg(score(mi(1, verwacht_effect="hoog", effect_basis="pilot", iv_weken=12.0))) == \
        "3 × 0,8 ÷ 12 = 0,2"
    assert score_uitleg(score(mi(1, verwacht_effect="midden", effect_basis="effectonderzoek", iv_weken=2.5))) == \
        "2 × 1 ÷ 2,5 = 0,8"
    assert score_uitleg(score(mi(1, verwacht_effect="laag", effect_basis="geen", iv_weken=4.0))) == \
        "1 × 0,3 ÷ 4 = 0,075"  # three decimals: 0,075 is not rounded to 0,08
    assert score_uitleg(score(mi(1, iv_weken=None))) == "IV-weken onbekend"


def test_alleen_open_maatregelen_worden_gerangschikt():
    rij = rangschik([mi(1), mi(2, status="ingevoerd"), mi(3, gearchiveerd=True), mi(4, fase="gestopt"), mi(5)])
    assert codes(rij) == ["TV-01", "TV-05"]


def test_handmatige_rang_plaatst_de_maatregel_en_bewaart_de_rang_volgens_score():
    maatregelen = [mi(i, iv_weken=float(i)) for i in range(1, 6)]  # by score: TV-01 … TV-05
    maatregelen[4] = replace(maatregelen[4], rang_handmatig=1, rang_motivatie="wettelijke deadline")
    rij = rangschik(maatregelen)
    assert codes(rij) == ["TV-05", "TV-01", "TV-02", "TV-03", "TV-04"]
    assert (rij[0].rang, rij[0].rang_volgens_score, rij[0].handmatig) == (1, 5, True)
    assert (rij[1].rang, rij[1].rang_volgens_score, rij[1].handmatig) == (2, 1, False)


def test_handmatige_rangen_gelijk_volgen_de_code_en_voorbij_het_einde_is_laatst():
    maatregelen = [mi(i, iv_weken=float(i)) for i in range(1, 6)]
    maatregelen[3] = replace(maatregelen[3], rang_handmatig=2)
    maatregelen[4] = replace(maatregelen[4], rang_handmatig=2)
    maatregelen[0] = replace(maatregelen[0], rang_handmatig=99)
    assert codes(rangschik(maatregelen)) == ["TV-02", "TV-04", "TV-05", "TV-03", "TV-01"]


# ==================================================================================================================
# Fit
# ==================================================================================================================

def test_gretig_vullen_een_kleinere_lager_gerangschikte_maatregel_vult_het_gat():
    plan = maak_plan(invoer([mi(1, iv_weken=8.0, verwacht_effect="hoog", effect_basis="effectonderzoek"),
                             mi(2, iv_weken=5.0),
                             mi(3, iv_weken=2.0, verwacht_effect="laag", effect_basis="geen")],
                            [cap(IB, "2027-H1", 10)]))
    assert codes(plan.rangorde) == ["TV-01", "TV-02", "TV-03"]
    assert uitkomst(plan, 1).gepland and uitkomst(plan, 3).gepland
    assert uitkomst(plan, 1).reden == "2027-H1, Innen en Betalen: 8 van 10 weken"
    assert uitkomst(plan, 2).soort == "past_niet"
    assert uitkomst(plan, 2).reden == "geen ruimte meer in de capaciteit"
    (vak,) = plan.vakken
    assert (vak.gebruikt, vak.vrij, vak.maatregelen) == (10.0, 0.0, ("TV-01", "TV-03"))


def test_capaciteit_per_keten_en_periode_vult_periode_na_periode():
    plan = maak_plan(invoer([mi(1, iv_weken=6.0), mi(2, iv_weken=6.0), mi(3, iv_weken=6.0, iv_keten="Toekennen")],
                            [cap(IB, "2027-H2", 6), cap(IB, "2027-H1", 6), cap("toekennen", "2027-H2", 10)]))
    assert uitkomst(plan, 1).periode.tekst == "2027-H1" and uitkomst(plan, 2).periode.tekst == "2027-H2"
    # One spelling per chain: the capacity's ("toekennen"), also for the measure typed "Toekennen".
    assert uitkomst(plan, 3).periode.tekst == "2027-H2" and uitkomst(plan, 3).keten == "toekennen"
    assert [(v.keten, v.periode.tekst) for v in plan.vakken] == [(IB, "2027-H1"), (IB, "2027-H2"),
                                                                ("toekennen", "2027-H2")]


def test_een_afhankelijke_maatregel_komt_nooit_voor_zijn_afhankelijkheid():
    # TV-01 ranks first but waits for TV-02: TV-02 takes 2027-H1, TV-01 follows in 2027-H2.
    plan = maak_plan(invoer([mi(1, iv_weken=5.0, verwacht_effect="hoog", afhankelijk_van=(2,)),
                             mi(2, iv_weken=10.0)],
                            [cap(IB, "2027-H1", 10), cap(IB, "2027-H2", 10)]))
    assert codes(plan.rangorde) == ["TV-01", "TV-02"]
    assert uitkomst(plan, 2).periode.tekst == "2027-H1"
    assert uitkomst(plan, 1).periode.tekst == "2027-H2"


def test_afhankelijkheid_op_een_andere_keten_in_dezelfde_periode_telt_als_voldaan():
    # TV-01 (chain Alfa, looked at first) waits for TV-02 on chain Beta in the same half year: planned there too.
    plan = maak_plan(invoer([mi(1, iv_keten="Alfa", verwacht_effect="hoog", afhankelijk_van=(2,)),
                             mi(2, iv_keten="Beta")],
                            [cap("Alfa", "2027-H1", 4), cap("Beta", "2027-H1", 4), cap("Beta", "2027-H2", 4)]))
    assert uitkomst(plan, 2).periode.tekst == "2027-H1"
    assert uitkomst(plan, 1).periode.tekst == "2027-H1"


def test_afhankelijkheid_die_later_valt_schuift_de_afhankelijke_mee():
    # TV-02 only fits in 2028 on Beta; TV-01 on Alfa may not start before it.
    plan = maak_plan(invoer([mi(1, iv_keten="Alfa", verwacht_effect="hoog", afhankelijk_van=(2,)),
                             mi(2, iv_keten="Beta", iv_weken=8.0)],
                            [cap("Alfa", "2027-H1", 10), cap("Alfa", "2028-H1", 10), cap("Beta", "2027-H1", 4),
                             cap("Beta", "2028", 8)]))
    assert uitkomst(plan, 2).periode.tekst == "2028"
    assert uitkomst(plan, 1).periode.tekst == "2028-H1"


def test_een_maatregel_groter_dan_elke_periode_past_niet():
    plan = maak_plan(invoer([mi(1, iv_weken=50.0)], [cap(IB, "2027-H1", 40), cap(IB, "2027-H2", 30)]))
    assert uitkomst(plan, 1).soort == "past_niet"
    assert uitkomst(plan, 1).reden == "groter dan elke periode (max. 40 weken)"


def test_uitkomsten_zonder_inpassing():
    plan = maak_plan(invoer([
        mi(1, prioriteit="niet"),
        mi(2, iv_weken=0.0),
        mi(3, iv_weken=None, iv_keten=None, iv_afhankelijk=False, iv_blokkade=None),
        mi(4, iv_weken=None),
        mi(5, iv_keten=None),
        mi(6, iv_keten="Toekennen"),
        mi(7),
    ], [cap(IB, "2027-H1", 40)]))
    soorten = {i: (u.soort, u.reden) for i, u in plan.uitkomsten.items()}
    assert soorten[1] == ("besloten_niet", "besloten: niet")
    assert soorten[2][0] == soorten[3][0] == "geen_iv"
    assert soorten[4] == ("invoer_ontbreekt", "IV-inspanning ontbreekt")
    assert soorten[5] == ("invoer_ontbreekt", "IV-keten ontbreekt")
    assert soorten[6][0] == "geen_capaciteit"
    assert soorten[7][0] == "gepland"


def test_redenen_van_afhankelijkheden_die_nooit_voldaan_worden():
    plan = maak_plan(invoer([
        mi(1, gearchiveerd=True), mi(2, fase="gestopt"), mi(3, prioriteit="niet"), mi(4, iv_weken=None),
        mi(5, iv_keten="Toekennen"), mi(6, iv_weken=60.0), mi(7, status="ingevoerd"), mi(8, iv_weken=0.0),
        mi(11, afhankelijk_van=(1,)), mi(12, afhankelijk_van=(2,)), mi(13, afhankelijk_van=(3,)),
        mi(14, afhankelijk_van=(4,)), mi(15, afhankelijk_van=(5,)), mi(16, afhankelijk_van=(6,)),
        mi(17, afhankelijk_van=(7, 8, 999)),  # ingevoerd, no IV needed, an id that does not exist: all met
    ], [cap(IB, "2027-H1", 40)]))
    redenen = {i: plan.uitkomsten[i].reden for i in range(11, 17)}
    assert redenen == {11: "hangt af van TV-01 (gearchiveerd)", 12: "hangt af van TV-02 (gestopt)",
                       13: "hangt af van TV-03 (besloten: niet)", 14: "hangt af van TV-04 (invoer ontbreekt)",
                       15: "hangt af van TV-05 (geen capaciteit)", 16: "wacht op TV-06, dat niet past"}
    assert plan.uitkomsten[17].gepland


def test_kringlopen_worden_gemeld_en_hun_leden_passen_niet():
    maatregelen = [mi(1, afhankelijk_van=(2,)), mi(2, afhankelijk_van=(1,)), mi(3, afhankelijk_van=(1,)),
                   mi(4, afhankelijk_van=(4,)), mi(5, afhankelijk_van=(6,)), mi(6, afhankelijk_van=(7,)),
                   mi(7, afhankelijk_van=(5,), status="ingevoerd"), mi(8)]
    plan = maak_plan(invoer(maatregelen, [cap(IB, "2027-H1", 100)]))
    assert plan.kringlopen == (("TV-01", "TV-02"), ("TV-04",), ("TV-05", "TV-06", "TV-07"))
    assert kringlopen(maatregelen) == plan.kringlopen
    assert plan.uitkomsten[1].reden == "in een kringloop van afhankelijkheden: TV-01 → TV-02 → TV-01"
    assert plan.uitkomsten[4].reden == "in een kringloop van afhankelijkheden: TV-04 → TV-04"
    assert plan.uitkomsten[3].reden == "hangt af van TV-01 (in een kringloop)"
    assert {plan.uitkomsten[i].soort for i in (1, 2, 3, 4, 5, 6)} == {"past_niet"}
    assert plan.uitkomsten[8].gepland


def test_een_lange_keten_van_afhankelijkheden_haalt_de_recursiegrens_niet():
    n = 10_000
    maatregelen = [mi(i, code=f"TV-{i:05d}", iv_weken=0.001, afhankelijk_van=(i + 1,) if i < n else (1,))
                   for i in range(1, n + 1)]
    assert [len(k) for k in kringlopen(maatregelen)] == [n]
    keten = [replace(m, afhankelijk_van=m.afhankelijk_van if m.id < n else ()) for m in maatregelen]
    plan = maak_plan(invoer(keten, [cap(IB, "2027-H1", 100)]))
    assert plan.kringlopen == () and all(u.gepland for u in plan.uitkomsten.values())


def test_iv_geblokkeerde_maatregelen_zonder_capaciteit_worden_genoemd():
    plan = maak_plan(invoer([mi(1, iv_blokkade=True), mi(2, iv_blokkade=True, iv_weken=30.0),
                             mi(3, iv_blokkade=True, iv_keten="Toekennen"), mi(4, iv_blokkade=True, prioriteit="niet"),
                             mi(5, iv_blokkade=True, iv_weken=None), mi(6)],
                            [cap(IB, "2027-H1", 10)]))
    assert plan.geblokkeerd_zonder_capaciteit == ("TV-03", "TV-02", "TV-05")


def test_geblokkeerd_regels_zijn_de_rangregels_van_de_geblokkeerde_maatregelen():
    plan = maak_plan(invoer([mi(1, iv_blokkade=True, iv_weken=30.0), mi(2, iv_blokkade=True), mi(3)],
                            [cap(IB, "2027-H1", 10)]))
    assert [r.maatregel.code for r in plan.geblokkeerd_regels()] == list(plan.geblokkeerd_zonder_capaciteit) == \
        ["TV-01"]
    assert maak_plan(invoer([mi(1)], [cap(IB, "2027-H1", 10)])).geblokkeerd_regels() == []


def test_een_besluit_nu_gaat_bij_het_inpassen_voor_en_later_komt_na_de_rest():
    # By score TV-01 (hoog) > TV-02 > TV-03 (laag); each needs 6 of the 10 weeks.
    maatregelen = [mi(1, iv_weken=6.0, verwacht_effect="hoog"), mi(2, iv_weken=6.0),
                   mi(3, iv_weken=6.0, verwacht_effect="laag")]
    capaciteit = [cap(IB, "2027-H1", 10), cap(IB, "2027-H2", 6)]
    plan = maak_plan(invoer(maatregelen, capaciteit))
    assert [uitkomst(plan, i).kort() for i in (1, 2, 3)] == ["2027-H1", "2027-H2", "Past niet"]

    # "nu" on the lowest score: fitted first, it takes the room TV-01 (undecided) would otherwise have taken.
    nu = maak_plan(invoer([*maatregelen[:2], replace(maatregelen[2], prioriteit="nu")], capaciteit))
    assert codes(nu.rangorde) == ["TV-01", "TV-02", "TV-03"]  # the ranking itself does not change
    assert [uitkomst(nu, i).kort() for i in (3, 1, 2)] == ["2027-H1", "2027-H2", "Past niet"]
    assert nu.vakken[0].maatregelen == ("TV-03",)

    # "later" on the highest score: fitted after all others.
    later = maak_plan(invoer([replace(maatregelen[0], prioriteit="later"), *maatregelen[1:]], capaciteit))
    assert [uitkomst(later, i).kort() for i in (2, 3, 1)] == ["2027-H1", "2027-H2", "Past niet"]

    # "niet" stays out altogether.
    niet = maak_plan(invoer([replace(maatregelen[0], prioriteit="niet"), *maatregelen[1:]], capaciteit))
    assert uitkomst(niet, 1).soort == "besloten_niet" and uitkomst(niet, 2).kort() == "2027-H1"


def test_wie_wacht_op_een_later_geplande_afhankelijkheid_hoort_dat_als_reden():
    # IN-02 (Beta) fits only in 2027-H2; TV-01 (Alfa) may not start before it, and TV-04 fills Alfa's H2 by then.
    plan = maak_plan(invoer([mi(1, iv_keten="Alfa", afhankelijk_van=(2,)),
                             mi(2, code="IN-02", iv_keten="Beta", iv_weken=8.0),
                             mi(3, iv_keten="Alfa", verwacht_effect="hoog"), mi(4, iv_keten="Alfa")],
                            [cap("Alfa", "2027-H1", 4), cap("Alfa", "2027-H2", 4), cap("Beta", "2027-H1", 4),
                             cap("Beta", "2027-H2", 8)]))
    assert [uitkomst(plan, i).kort() for i in (2, 3, 4)] == ["2027-H2", "2027-H1", "2027-H2"]
    assert uitkomst(plan, 1).reden == "wacht op IN-02 (gepland in 2027-H2); daarna geen ruimte meer"
    # Planned in the chain's first period already: then the room is simply gone.
    plan = maak_plan(invoer([mi(1, iv_keten="Alfa", afhankelijk_van=(2,)), mi(2, code="IN-02", iv_keten="Beta"),
                             mi(3, iv_keten="Alfa", verwacht_effect="hoog")],
                            [cap("Alfa", "2027-H1", 4), cap("Beta", "2027-H1", 4)]))
    assert uitkomst(plan, 1).reden == "geen ruimte meer in de capaciteit"


def test_elke_keten_heeft_overal_een_schrijfwijze():
    # Capacity names the chain: its earliest slot's spelling, blanks collapsed, everywhere in the plan.
    plan = maak_plan(invoer([mi(1, iv_keten="innen en betalen"), mi(2, iv_keten="INNEN  EN BETALEN", iv_weken=50.0),
                             mi(3, iv_keten=IB)],
                            [cap("Innen en  Betalen", "2027-H2", 10), cap("innen en betalen", "2027-H1", 4)]))
    assert plan.ketennamen == {"innen en betalen": "innen en betalen"}
    assert {u.keten for u in plan.uitkomsten.values()} == {"innen en betalen"}
    assert [v.keten for v in plan.vakken] == ["innen en betalen", "innen en betalen"]
    assert uitkomst(plan, 1).reden == "2027-H1, innen en betalen: 4 van 4 weken"
    # Without capacity: the most frequent spelling among its measures (ties alphabetical).
    plan = maak_plan(invoer([mi(1, iv_keten="Toekennen"), mi(2, iv_keten="toekennen "), mi(3, iv_keten="toekennen"),
                             mi(4, iv_keten="Beta"), mi(5, iv_keten="BETA")], [cap(IB, "2027-H1", 4)]))
    assert plan.ketennamen == {"toekennen": "toekennen", "beta": "BETA", "innen en betalen": IB}
    assert uitkomst(plan, 1).reden == "geen capaciteit voor de keten toekennen"
    assert uitkomst(plan, 1).keten == "toekennen" and uitkomst(plan, 4).keten == "BETA"


# ==================================================================================================================
# Scenario
# ==================================================================================================================

def _basis() -> Prioriteringsinvoer:
    return invoer([mi(1, iv_weken=8.0, verwacht_effect="hoog"), mi(2, iv_weken=6.0), mi(3, iv_weken=4.0,
                                                                                   effect_basis="geen")],
                  [cap(IB, "2027-H1", 10, id_=1), cap(IB, "2027-H2", 6, id_=2)])


def test_scenario_meer_capaciteit_haalt_een_maatregel_erin():
    huidig = _basis()
    scenario = met_capaciteit(huidig, Scenario(), "innen en betalen", "H1 2027", 14)
    ander = pas_toe(huidig, scenario)
    assert huidig.capaciteiten[0].weken == 10 and ander.capaciteiten[0].weken == 14  # the register's copy untouched
    assert len(ander.capaciteiten) == 2 and ander.capaciteiten[0].id == 1
    plan_nu, plan_ander = maak_plan(huidig), maak_plan(ander)
    assert plan_nu.uitkomsten[2].periode.tekst == "2027-H2" and plan_nu.uitkomsten[3].soort == "past_niet"
    schuif = vergelijk(plan_nu, plan_ander)
    assert [(v.code, v.richting) for v in schuif] == [("TV-02", "verschoven"), ("TV-03", "erin")]
    assert gevolgen(schuif) == ["Verschoven: TV-02 Maatregel 2 2027-H2 → 2027-H1",
                                "Erin: TV-03 Maatregel 3 (2027-H2)"]
    assert beschrijf(huidig, scenario) == ["Capaciteit Innen en Betalen, 2027-H1: 10 → 14 weken"]


def test_scenario_capaciteit_weghalen_en_toevoegen():
    huidig = _basis()
    scenario = met_capaciteit(huidig, met_capaciteit(huidig, Scenario(), IB, "2027-H2", None), "Toekennen", "2028", 5)
    ander = pas_toe(huidig, scenario)
    assert [(c.keten, c.periode.tekst, c.id) for c in ander.capaciteiten] == [(IB, "2027-H1", 1),
                                                                             ("Toekennen", "2028", None)]
    schuif = vergelijk(maak_plan(huidig), maak_plan(ander))
    assert [(v.code, v.richting) for v in schuif] == [("TV-02", "eruit")]
    assert gevolgen(schuif) == ["Eruit: TV-02 Maatregel 2 (was 2027-H2; nu: geen ruimte meer in de capaciteit)"]
    assert beschrijf(huidig, scenario) == ["Capaciteit Innen en Betalen, 2027-H2: vervalt (was 6 weken)",
                                           "Capaciteit Toekennen, 2028: nieuw, 5 weken"]


def test_scenario_capaciteit_op_een_nieuwe_keten_plant_zijn_maatregelen():
    huidig = invoer([mi(1), mi(2, iv_keten="Toekennen")], [cap(IB, "2027-H1", 10, id_=1)])
    ander = pas_toe(huidig, met_capaciteit(huidig, Scenario(), "Toekennen", "2027-H2", 4))
    assert ander.maatregelen is huidig.maatregelen  # only capacity changed
    plan_nu, plan_ander = maak_plan(huidig), maak_plan(ander)
    assert plan_nu.uitkomsten[2].soort == "geen_capaciteit"
    assert plan_ander.uitkomsten[2].periode.tekst == "2027-H2"
    assert [(v.code, v.richting) for v in vergelijk(plan_nu, plan_ander)] == [("TV-02", "erin")]


def test_scenario_invoer_van_een_maatregel():
    huidig = _basis()
    scenario = Scenario()
    for mid, veld, waarde in ((1, "iv_weken", "12,5"), (3, "prioriteit", "niet"),
                              (2, "verwacht_effect", "midden")):  # unchanged: not a change
        scenario = met_invoer(huidig, scenario, mid, veld, waarde)
    assert scenario.invoer == {1: {"iv_weken": 12.5}, 3: {"prioriteit": "niet"}} and aantal_wijzigingen(scenario) == 2
    ander = pas_toe(huidig, scenario)
    assert ander.maatregelen[0].iv_weken == 12.5 and huidig.maatregelen[0].iv_weken == 8.0
    assert beschrijf(huidig, scenario) == ["TV-01 Maatregel 1: IV-weken 8 → 12,5",
                                           "TV-03 Maatregel 3: prioriteit leeg → Niet"]
    schuif = {v.code: v.richting for v in vergelijk(maak_plan(huidig), maak_plan(ander))}
    assert schuif["TV-01"] == "eruit" and schuif["TV-03"] == "anders"
    assert pas_toe(huidig, Scenario()) is huidig and beschrijf(huidig, Scenario()) == []
    with pytest.raises(ValidatieFout) as fout:
        met_invoer(huidig, scenario, 1, "iv_weken", "veel")
    assert fout.value.veld == "iv_weken"
    with pytest.raises(ValidatieFout):
        pas_toe(huidig, Scenario(invoer={1: {"iv_weken": "veel"}}))  # made by hand: still checked


def test_twee_schrijfwijzen_van_een_keten_en_periode_zijn_een_scenariowijziging():
    huidig = _basis()
    scenario = met_capaciteit(huidig, Scenario(), "Innen en Betalen", "2027-H1", 20)
    scenario = met_capaciteit(huidig, scenario, "  innen en  betalen", "H1 2027", 30)
    assert aantal_wijzigingen(scenario) == 1
    ((sleutel, (keten, periode, weken)),) = scenario.capaciteit.items()
    assert sleutel == ("innen en betalen", date(2027, 1, 1), date(2027, 6, 30))
    assert (keten, periode.tekst, weken) == ("innen en betalen", "H1 2027", 30.0)
    ander = pas_toe(huidig, scenario)
    assert [(c.id, c.weken) for c in ander.capaciteiten] == [(1, 30.0), (2, 6.0)]
    assert beschrijf(huidig, scenario) == ["Capaciteit Innen en Betalen, 2027-H1: 10 → 30 weken"]
    # A new slot typed twice: one new slot.
    nieuw = met_capaciteit(huidig, met_capaciteit(huidig, Scenario(), "Toekennen", "2028", 5), "TOEKENNEN", "2028", 6)
    assert [(c.keten, c.weken) for c in pas_toe(huidig, nieuw).capaciteiten if c.id is None] == [("TOEKENNEN", 6.0)]
    # A new period of a chain the capacity has already: the chain keeps its spelling, in the plan and when saved.
    erbij = met_capaciteit(huidig, Scenario(), "innen  en betalen", "2026-H2", 4)
    assert [c.keten for c in pas_toe(huidig, erbij).capaciteiten] == ["Innen en Betalen"] * 3
    assert {v.keten for v in maak_plan(pas_toe(huidig, erbij)).vakken} == {"Innen en Betalen"}


def test_terug_naar_de_waarde_van_het_register_is_geen_wijziging_meer():
    huidig = _basis()
    scenario = met_capaciteit(huidig, Scenario(), IB, "2027-H1", 20)
    scenario = met_invoer(huidig, scenario, 1, "iv_weken", "12")
    assert aantal_wijzigingen(scenario) == 2
    scenario = met_capaciteit(huidig, scenario, "innen en betalen", "H1 2027", "10")
    assert scenario.capaciteit == {} and aantal_wijzigingen(scenario) == 1
    scenario = met_invoer(huidig, scenario, 1, "iv_weken", "8,0")
    assert scenario.is_leeg and aantal_wijzigingen(scenario) == 0
    # Removing what is not there is no change either; removing what is, is one.
    assert met_capaciteit(huidig, Scenario(), "Toekennen", "2027-H1", None).is_leeg
    weg = met_capaciteit(huidig, Scenario(), IB, "2027-H2", None)
    assert aantal_wijzigingen(weg) == 1 and len(pas_toe(huidig, weg).capaciteiten) == 1


@pytest.mark.parametrize("keten, periode, weken, veld", [
    ("", "2027-H1", 5, "keten"), (IB, "ooit", 5, "periode"), (IB, "onbekend", 5, "periode"),
    (IB, "2027-H1", -1, "weken"), (IB, "2027-H1", "1.250", "weken"), (IB, "2027", 5, "periode"), (IB, "Q3 2027", 5, "periode")])
def test_een_ongeldige_scenariocapaciteit_wordt_geweigerd_op_het_veld(keten, periode, weken, veld):
    with pytest.raises(ValidatieFout) as fout:
        met_capaciteit(_basis(), Scenario(), keten, periode, weken)
    assert fout.value.veld == veld


def test_een_overlappende_periode_in_een_scenario_wordt_geweigerd_tenzij_de_andere_eruit_is():
    huidig = _basis()  # Innen en Betalen 2027-H1 and 2027-H2
    with pytest.raises(ValidatieFout) as fout:
        met_capaciteit(huidig, Scenario(), "innen en betalen", "2027", 16)
    assert fout.value.melding == ("2027 overlapt met 2027-H1 van Innen en Betalen: kies periodes die elkaar niet "
                                  "overlappen.")
    # Overlap with a slot the scenario itself adds.
    scenario = met_capaciteit(huidig, Scenario(), IB, "2028", 5)
    with pytest.raises(ValidatieFout, match="Q2 2028 overlapt met 2028 van Innen en Betalen"):
        met_capaciteit(huidig, scenario, IB, "Q2 2028", 5)
    # With both half years removed in the scenario, the whole year fits.
    scenario = met_capaciteit(huidig, met_capaciteit(huidig, Scenario(), IB, "2027-H1", None), IB, "2027-H2", None)
    scenario = met_capaciteit(huidig, scenario, IB, "2027", 16)
    assert [c.periode.tekst for c in pas_toe(huidig, scenario).capaciteiten] == ["2027"]


# ==================================================================================================================
# Properties on random inputs
# ==================================================================================================================

PERIODEN = ("2027-H1", "2027-H2", "2027", "Q1 2027", "2028-H1")


@st.composite
def invoeren(draw) -> Prioriteringsinvoer:
    n = draw(st.integers(1, 18))
    maatregelen = []
    for i in range(1, n + 1):
        keten = draw(st.sampled_from(["Alfa", "Beta", "Alfa", "Beta", "Gamma", None]))
        maatregelen.append(mi(
            i, status=draw(st.sampled_from(["niet", "deels", "deels", "ingevoerd"])),
            gearchiveerd=draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
            fase=draw(st.sampled_from([None, None, None, "gestopt"])),
            iv_afhankelijk=draw(st.sampled_from([True, False, None])), iv_blokkade=draw(st.sampled_from([True, None])),
            iv_keten=keten, iv_weken=draw(st.sampled_from([None, 0.0, 1.0, 2.0, 2.0, 3.0, 3.0, 5.0, 5.0, 8.0, 13.0])),
            iv_omvang=draw(st.sampled_from([None, None, "XS", "S"])),
            verwacht_effect=draw(st.sampled_from(["hoog", "midden", "laag", None])),
            effect_basis=draw(st.sampled_from(["effectonderzoek", "pilot", "geen", None])),
            prioriteit=draw(st.sampled_from([None, None, None, None, "nu", "later", "niet"])),
            rang_handmatig=draw(st.sampled_from([None] * 6 + [1, 2, 5, 40])),
            afhankelijk_van=tuple(draw(st.lists(st.integers(1, n + 1), min_size=1, max_size=2))
                                  if draw(st.integers(0, 2)) == 0 else ()),
        ))
    capaciteiten = {}
    slots = st.tuples(st.sampled_from(["Alfa", "beta", "Gamma"]), st.sampled_from(PERIODEN), st.integers(0, 12))
    for keten, periode, weken in draw(st.lists(slots, min_size=1, max_size=8)):
        capaciteiten[(keten.lower(), periode)] = cap(keten, periode, float(weken), id_=len(capaciteiten) + 1)
    return invoer(maatregelen, capaciteiten.values())


def _is_voldaan(plan, per_id, lus, afh_id, van) -> bool:
    """The rule: ingevoerd, planned in a slot starting no later, or open and needing no IV (and not on a cycle)."""
    a = per_id.get(afh_id)
    if a is None or a.status == "ingevoerd":
        return True
    if a.id in lus:
        return False
    u = plan.uitkomsten.get(a.id)
    if u is None:
        return False
    return (u.gepland and u.periode.van <= van) or u.soort == "geen_iv"


def _referentie(inv: Prioriteringsinvoer) -> dict[int, str | None]:
    """The fit done the slow, obvious way (full passes until nothing changes): period text per measure or None."""
    plan = maak_plan(inv)
    per_id = {m.id: m for m in inv.maatregelen}
    lus = {m.id for m in inv.maatregelen if any(m.code in k for k in plan.kringlopen)}
    kandidaten = [r.maatregel for r in plan.rangorde if plan.uitkomsten[r.maatregel.id].soort in ("gepland",
                                                                                                   "past_niet")]
    kandidaten.sort(key=lambda m: {"nu": 0, "later": 2}.get(m.prioriteit, 1))  # decided "nu" first, "later" last
    slots = sorted(inv.capaciteiten, key=lambda c: (c.periode.van, c.periode.tot, c.keten_sleutel, c.keten))
    vrij = {id(c): c.weken for c in slots}
    gepland: dict[int, Capaciteit] = {}

    def voldaan(m, van):
        for a in m.afhankelijk_van:
            d = per_id.get(a)
            if d is None or d.status == "ingevoerd":
                continue
            if d.id in lus:
                return False
            if d.id in gepland:
                if gepland[d.id].periode.van > van:
                    return False
                continue
            if not (d.is_open and plan.uitkomsten[d.id].soort == "geen_iv"):
                return False
        return True

    for van in sorted({c.periode.van for c in slots}):
        ronde = [c for c in slots if c.periode.van == van]
        veranderd = True
        while veranderd:
            veranderd = False
            for c in ronde:
                for m in kandidaten:
                    if m.id in gepland or m.id in lus or m.keten_sleutel != c.keten_sleutel:
                        continue
                    if m.weken <= vrij[id(c)] and voldaan(m, van):
                        gepland[m.id] = c
                        vrij[id(c)] -= m.weken
                        veranderd = True
    return {m.id: gepland[m.id].periode.tekst if m.id in gepland else None for m in kandidaten}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invoeren())
def test_eigenschappen_van_de_inpassing(inv):
    plan = maak_plan(inv)
    per_id = {m.id: m for m in inv.maatregelen}
    open_ids = {m.id for m in inv.maatregelen if m.is_open}
    lus = {per_id_code for k in plan.kringlopen for per_id_code in k}
    lus = {m.id for m in inv.maatregelen if m.code in lus}

    # Every open measure: exactly one place in the ranking and one outcome.
    assert sorted(r.maatregel.id for r in plan.rangorde) == sorted(open_ids)
    assert set(plan.uitkomsten) == open_ids
    assert [r.rang for r in plan.rangorde] == list(range(1, len(open_ids) + 1))

    # Capacity is never exceeded, and each slot says what it holds.
    for vak in plan.vakken:
        in_vak = [per_id[i] for i, u in plan.uitkomsten.items() if u.gepland and u.periode == vak.periode
                  and per_id[i].keten_sleutel == vak.keten_sleutel]
        assert sorted(m.code for m in in_vak) == sorted(vak.maatregelen)
        assert vak.gebruikt == pytest.approx(sum(m.weken for m in in_vak))
        assert vak.gebruikt <= vak.capaciteit + 1e-9

    # Never before a dependency; every dependency of a planned measure is met for its slot.
    for i, u in plan.uitkomsten.items():
        if u.gepland:
            assert i not in lus
            assert all(_is_voldaan(plan, per_id, lus, a, u.periode.van) for a in per_id[i].afhankelijk_van)

    # Greedy maximality: an unplanned candidate whose dependencies were met for a slot of its chain did not fit there.
    for i, u in plan.uitkomsten.items():
        m = per_id[i]
        if u.soort != "past_niet" or i in lus:
            continue
        for vak in plan.vakken:
            if vak.keten_sleutel == m.keten_sleutel and all(
                    _is_voldaan(plan, per_id, lus, a, vak.periode.van) for a in m.afhankelijk_van):
                assert m.weken > vak.vrij + 1e-9, (m.code, vak)

    # The same result whatever the order of the input.
    schud = random.Random(len(inv.maatregelen))
    maatregelen, capaciteiten = list(inv.maatregelen), list(inv.capaciteiten)
    schud.shuffle(maatregelen)
    schud.shuffle(capaciteiten)
    ander = maak_plan(invoer(maatregelen, capaciteiten))
    assert codes(ander.rangorde) == codes(plan.rangorde)
    assert dict(ander.uitkomsten) == dict(plan.uitkomsten)
    assert ander.vakken == plan.vakken and ander.kringlopen == plan.kringlopen

    # Planning the same measures again (reusing their ranking) gives the same as planning them afresh.
    opnieuw = maak_plan(replace(inv, capaciteiten=tuple(reversed(inv.capaciteiten))))
    assert dict(opnieuw.uitkomsten) == dict(plan.uitkomsten) and opnieuw.vakken == plan.vakken

    # And the same as the slow, obvious way.
    verwacht = _referentie(inv)
    assert {i: (plan.uitkomsten[i].periode.tekst if plan.uitkomsten[i].gepland else None) for i in verwacht} == \
        verwacht


@settings(max_examples=100, deadline=None)
@given(invoeren(), st.integers(0, 16), st.sampled_from(PERIODEN))
def test_een_leeg_scenario_verandert_niets_en_vergelijk_noemt_alleen_verschillen(inv, weken, periode):
    plan = maak_plan(inv)
    assert vergelijk(plan, maak_plan(pas_toe(inv, Scenario()))) == ()
    p = parse_periode(periode)
    overlapt = any(c.keten_sleutel == "alfa" and (c.periode.van, c.periode.tot) != (p.van, p.tot)
                   and c.periode.van <= p.tot and p.van <= c.periode.tot for c in inv.capaciteiten)
    zelfde = any(c.keten_sleutel == "alfa" and (c.periode.van, c.periode.tot, c.weken) == (p.van, p.tot, weken)
                 for c in inv.capaciteiten)
    if overlapt and not zelfde:  # a slot overlapping another of its chain is refused (the register's value: no change)
        with pytest.raises(ValidatieFout, match="overlapt met"):
            met_capaciteit(inv, Scenario(), "Alfa", periode, float(weken))
        return
    gewijzigd = pas_toe(inv, met_capaciteit(inv, Scenario(), "Alfa", periode, float(weken)))
    ander = maak_plan(gewijzigd)
    for v in vergelijk(plan, ander):
        assert (v.huidig.soort, v.huidig.periode) != (v.scenario.soort, v.scenario.periode)
    # The scenario's plan (the measures' ranking reused) is the plan of the same input built afresh.
    assert _plan_als_waarden(ander) == _plan_van_voren_af_aan(gewijzigd)


def _plan_als_waarden(plan) -> tuple:
    return (plan.rangorde, dict(plan.uitkomsten), plan.vakken, plan.kringlopen, plan.geblokkeerd_zonder_capaciteit,
            dict(plan.ketennamen), dict(plan.plaats_in_keten))


def _plan_van_voren_af_aan(inv: Prioriteringsinvoer) -> tuple:
    """The plan with nothing reused: the fit's remembered preparations forgotten, every row a new object."""
    inpassing._LAATSTE = ()
    return _plan_als_waarden(maak_plan(invoer([replace(m) for m in inv.maatregelen], inv.capaciteiten)))


@pytest.mark.parametrize("velden, veld, waarde", [
    ({"iv_weken": 0.0}, "iv_weken", 3.0),  # needed no IV, now competes
    ({"prioriteit": "niet"}, "prioriteit", None),  # decided out, now competes
    ({"iv_weken": None}, "iv_weken", 3.0),  # input missing, now competes
    ({}, "iv_weken", None),  # competed, now its input is missing
    ({}, "prioriteit", "later"),  # competes after the others
    ({}, "verwacht_effect", "hoog"),  # moves up the ranking
])
def test_een_scenario_op_een_maatregel_plant_zoals_van_voren_af_aan(velden, veld, waarde):
    inv = invoer([mi(1, iv_keten="Alfa", **velden), mi(2, iv_keten="Alfa", iv_weken=6.0),
                  mi(3, iv_keten="Alfa", afhankelijk_van=(1,)), mi(4, iv_keten="Alfa", rang_handmatig=1)],
                 [cap("Alfa", "2027-H1", 10, 1), cap("Alfa", "2027-H2", 4, 2)])
    maak_plan(inv)
    gewijzigd = pas_toe(inv, met_invoer(inv, Scenario(), 1, veld, waarde))
    assert _plan_als_waarden(maak_plan(gewijzigd)) == _plan_van_voren_af_aan(gewijzigd)


SCENARIOWAARDEN = {
    "verwacht_effect": st.sampled_from(["hoog", "midden", "laag", None]),
    "effect_basis": st.sampled_from(["effectonderzoek", "pilot", "geen", None]),
    "iv_weken": st.sampled_from([None, 0.0, 1.0, 3.0, 8.0, 40.0]),
    "iv_omvang": st.sampled_from([None, "XS", "S", "M"]),
    "personeel_weken": st.sampled_from([None, 2.0]),
    "prioriteit": st.sampled_from([None, "nu", "later", "niet"]),
}


@settings(max_examples=150, deadline=None)
@given(invoeren(), st.data())
def test_een_scenario_op_enkele_maatregelen_plant_zoals_van_voren_af_aan(inv, data):
    """Step by step, as on the page: each step changes a few measures' inputs (and now and then a capacity); the
    fit reuses the ranking of what did not change, and its plan is the plan made afresh."""
    maak_plan(inv)
    scenario = Scenario()
    for _ in range(data.draw(st.integers(1, 4))):
        for m in data.draw(st.lists(st.sampled_from(inv.maatregelen), max_size=3)):
            veld = data.draw(st.sampled_from(sorted(SCENARIOWAARDEN)))
            scenario = met_invoer(inv, scenario, m.id, veld, data.draw(SCENARIOWAARDEN[veld]))
        if data.draw(st.booleans()):
            c = data.draw(st.sampled_from(inv.capaciteiten))
            try:
                scenario = met_capaciteit(inv, scenario, c.keten, c.periode, c.weken + data.draw(st.integers(1, 5)))
            except ValidatieFout:  # the random slots may overlap each other
                pass
        gewijzigd = pas_toe(inv, scenario)
        assert _plan_als_waarden(maak_plan(gewijzigd)) == _plan_van_voren_af_aan(gewijzigd)
        maak_plan(inv)  # the page plans the register too: the next step may build on either
        maak_plan(gewijzigd)


# ==================================================================================================================
# On a database built for the test
# ==================================================================================================================

from registry.export_json import register_als_json  # noqa: E402
from registry.maatregel import haal_maatregel, maak_maatregel, wijzig_maatregel  # noqa: E402
from registry.prioritering import besluit as besluitmodule  # noqa: E402
from registry.prioritering.capaciteit import capaciteiten, zet_capaciteit  # noqa: E402
from registry.prioritering.invoer import lees_invoer  # noqa: E402
from registry.prioritering.scenario import bewaar_scenario  # noqa: E402


def _nieuw(s, naam, **velden):
    return maak_maatregel(s, {"naam": naam, "domein": "TV", "iv_keten": IB, "iv_afhankelijk": True, **velden}, "t")


@pytest.fixture
def gevuld(register):
    """Five measures on Innen en Betalen and its capacity in two half years."""
    with register.werk() as s:
        _nieuw(s, "Hoog effect, pilot, 8 weken", verwacht_effect="hoog", effect_basis="pilot", iv_weken=8)  # 0,30
        _nieuw(s, "Hoog effect, onderzocht, 8 weken", verwacht_effect="hoog", effect_basis="effectonderzoek",
               iv_weken="8")  # 0,375
        _nieuw(s, "Midden, onderzocht, M", verwacht_effect="midden", effect_basis="effectonderzoek",
               iv_omvang="M")  # 0,167
        _nieuw(s, "Laag, beleidstheorie, 2 weken, wacht op TV-01", verwacht_effect="laag",
               effect_basis="beleidstheorie", iv_weken="2", afhankelijk_van=["TV-01"])  # 0,25
        _nieuw(s, "Geen IV", iv_keten=None, iv_afhankelijk=False, verwacht_effect="hoog")
        zet_capaciteit(s, "Innen en Betalen", "2027-H1", 10, "t")
        zet_capaciteit(s, "innen en betalen", "2027-H2", 12, "t")
    return register


def test_rangorde_en_inpassing_uit_de_database(gevuld):
    with gevuld.sessie() as s:
        plan = maak_plan(lees_invoer(s))
    assert codes(plan.rangorde) == ["TV-05", "TV-02", "TV-01", "TV-04", "TV-03"]
    soort = {r.maatregel.code: plan.uitkomsten[r.maatregel.id].kort() for r in plan.rangorde}
    # TV-02 takes 8 of 10 in H1; TV-01 (8) fits only in H2; TV-04 waits for TV-01, so H2 too; TV-03 (12) no room.
    assert soort == {"TV-05": "Geen IV-capaciteit nodig", "TV-02": "2027-H1", "TV-01": "2027-H2",
                     "TV-04": "2027-H2", "TV-03": "Past niet"}


def test_een_kringloop_uit_de_database_wordt_gemeld_en_plant_geen_van_beide(gevuld):
    with gevuld.werk() as s:  # TV-04 waits for TV-01 already; now TV-01 for TV-04 too
        wijzig_maatregel(s, "TV-01", {"afhankelijk_van": ["TV-04"]}, "t", haal_maatregel(s, "TV-01").versie)
    with gevuld.sessie() as s:
        plan = maak_plan(lees_invoer(s))
    assert plan.kringlopen == (("TV-01", "TV-04"),)
    uitkomst = {r.maatregel.code: plan.uitkomsten[r.maatregel.id] for r in plan.rangorde}
    for code in ("TV-01", "TV-04"):
        assert uitkomst[code].soort == "past_niet"
        assert "kringloop van afhankelijkheden: TV-01 → TV-04 → TV-01" in uitkomst[code].reden
    assert uitkomst["TV-03"].kort() == "2027-H2"  # the room TV-01 left goes to the next in line


def test_handmatige_rang_uit_de_database_met_motivatie(gevuld):
    with gevuld.werk() as s:
        besluitmodule.zet_rang(s, "TV-03", 1, "Wettelijke deadline 1 juli", "t", haal_maatregel(s, "TV-03").versie)
    with gevuld.sessie() as s:
        plan = maak_plan(lees_invoer(s))
        assert haal_maatregel(s, "TV-03").rang_motivatie == "Wettelijke deadline 1 juli"
    eerste = plan.rangorde[0]
    assert (eerste.maatregel.code, eerste.handmatig, eerste.rang_volgens_score) == ("TV-03", True, 5)
    assert eerste.maatregel.rang_motivatie == "Wettelijke deadline 1 juli"


def test_scenario_laat_het_register_ongemoeid_tot_het_wordt_bewaard(gevuld):
    with gevuld.sessie() as s:
        voor = register_als_json(s)
        inv = lees_invoer(s)
    tv = {m.code: m for m in inv.maatregelen}
    scenario = met_capaciteit(inv, met_capaciteit(inv, Scenario(), IB, "2027-H1", 20), IB, "2028-H1", 12)
    scenario = met_invoer(inv, met_invoer(inv, scenario, tv["TV-03"].id, "iv_weken", 10), tv["TV-01"].id,
                          "prioriteit", "nu")
    schuif = vergelijk(maak_plan(inv), maak_plan(pas_toe(inv, scenario)))
    assert {v.code: v.richting for v in schuif} == {"TV-01": "verschoven", "TV-04": "verschoven", "TV-03": "erin"}
    with gevuld.sessie() as s:
        assert register_als_json(s) == voor

    with gevuld.werk() as s:
        rij = bewaar_scenario(s, inv, scenario, "Extra capaciteit IB toegezegd", "beslisser", date(2026, 11, 20))
    assert rij.motivatie == "Extra capaciteit IB toegezegd" and rij.besloten_door == "beslisser"
    assert rij.wijzigingen == ("Capaciteit Innen en Betalen, 2027-H1: 10 → 20 weken",
                               "Capaciteit Innen en Betalen, 2028-H1: nieuw, 12 weken",
                               "TV-01 Hoog effect, pilot, 8 weken: prioriteit leeg → Nu",
                               "TV-03 Midden, onderzocht, M: IV-weken leeg → 10")
    assert rij.gevolgen == ("Verschoven: TV-01 Hoog effect, pilot, 8 weken 2027-H2 → 2027-H1",
                            "Verschoven: TV-04 Laag, beleidstheorie, 2 weken, wacht op TV-01 2027-H2 → 2027-H1",
                            "Erin: TV-03 Midden, onderzocht, M (2027-H2)")
    with gevuld.sessie() as s:
        assert [(c.periode.tekst, c.weken) for c in capaciteiten(s)] == [("2027-H1", 20), ("2027-H2", 12),
                                                                         ("2028-H1", 12)]
        tv01, tv03 = haal_maatregel(s, "TV-01"), haal_maatregel(s, "TV-03")
        assert (tv01.prioriteit, tv01.prioriteit_motivatie, tv01.prioriteit_door, tv01.prioriteit_datum) == \
            ("nu", "Extra capaciteit IB toegezegd", "beslisser", date(2026, 11, 20))
        assert tv03.iv_weken == 10 and tv03.iv_omvang == "M"
        assert [b.id for b in besluitmodule.besluiten(s)] == [rij.id]
        # What was decided is what the plan now says.
        assert vergelijk(maak_plan(pas_toe(inv, scenario)), maak_plan(lees_invoer(s))) == ()


def test_scenario_op_een_intussen_gewijzigde_maatregel_wordt_geweigerd(gevuld):
    with gevuld.sessie() as s:
        inv = lees_invoer(s)
    tv03 = next(m for m in inv.maatregelen if m.code == "TV-03")
    with gevuld.werk() as s:  # a colleague edits TV-03 meanwhile
        wijzig_maatregel(s, "TV-03", {"iv_weken": 3}, "collega", tv03.versie)
    with gevuld.sessie() as s:
        voor = register_als_json(s)
    scenario = met_invoer(inv, met_capaciteit(inv, Scenario(), IB, "2027-H1", 30), tv03.id, "iv_weken", 10)
    with pytest.raises(ConflictFout, match="TV-03 is intussen door iemand anders gewijzigd"):
        with gevuld.werk() as s:
            bewaar_scenario(s, inv, scenario, "Meer ruimte", "beslisser")
    with gevuld.sessie() as s:
        assert register_als_json(s) == voor


def test_scenario_zonder_wijziging_of_zonder_motivatie_wordt_geweigerd(gevuld):
    with gevuld.sessie() as s:
        inv = lees_invoer(s)
        voor = register_als_json(s)
    with gevuld.werk() as s:
        with pytest.raises(ValidatieFout) as leeg:
            bewaar_scenario(s, inv, Scenario(), "Niets", "t")
        with pytest.raises(ValidatieFout) as hetzelfde:
            bewaar_scenario(s, inv, Scenario(capaciteit={(keten_sleutel(IB), date(2027, 1, 1), date(2027, 6, 30)):
                                                         (IB, parse_periode("2027-H1"), 10)}), "Niets", "t")
        with pytest.raises(ValidatieFout) as zonder:
            bewaar_scenario(s, inv, met_capaciteit(inv, Scenario(), IB, "2027-H1", 11), "  ", "t")
    assert leeg.value.veld == hetzelfde.value.veld == "scenario" and zonder.value.veld == "motivatie"
    with gevuld.sessie() as s:
        assert register_als_json(s) == voor


def test_een_scenario_dat_halfjaren_door_een_jaar_vervangt_wordt_bewaard(gevuld):
    with gevuld.sessie() as s:
        inv = lees_invoer(s)
    scenario = met_capaciteit(inv, met_capaciteit(inv, Scenario(), IB, "2027-H1", None), IB, "2027-H2", None)
    scenario = met_capaciteit(inv, scenario, IB, "2027", 30)
    with gevuld.werk() as s:
        bewaar_scenario(s, inv, scenario, "Per jaar plannen", "beslisser")
    with gevuld.sessie() as s:
        assert [(c.periode.tekst, c.weken) for c in capaciteiten(s)] == [("2027", 30.0)]


# ==================================================================================================================
# Numbers and texts
# ==================================================================================================================

@pytest.mark.parametrize("waarde, decimalen, tekst", [
    (0.125, 2, "0,13"), (0.999, 2, "1"), (0.285, 2, "0,29"), (12.0, None, "12"), (2.5, None, "2,5"),
    (0.0754, 3, "0,075"), (0.0755, 3, "0,076"), (1250.0, None, "1250"), (-0.001, 2, "0"), (0.5, 1, "0,5")])
def test_getal_rondt_half_naar_boven_af_zonder_nullen_achteraan(waarde, decimalen, tekst):
    from registry.prioritering.rangorde import getal

    assert getal(waarde, decimalen) == tekst


def test_getal_van_niets_is_de_lege_tekst():
    from registry.prioritering.rangorde import getal

    assert getal(None) == "" and getal(None, 2, leeg="–") == "–"


def test_besluit_en_rang_als_tekst_met_datum_en_wie():
    from registry.prioritering.besluit import besluittekst, rangtekst

    assert besluittekst("nu", "Hoog effect", date(2026, 11, 12), "jan") == "Nu — Hoog effect (12-11-2026, jan)"
    assert besluittekst(None, "x", None, None) == ""
    assert rangtekst(3, "Kamerbrief", date(2026, 3, 1), "anna") == "3 — Kamerbrief (01-03-2026, anna)"
    assert rangtekst(3, "Kamerbrief", None, None) == "3 — Kamerbrief" and rangtekst(None, "x", None, None) == ""
