"""The PRT overview's data: counts as of a peildatum, changes since a date, and a filter that reaches every section.

Expected values are written out from what each test creates, not computed by the code under test.
"""

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import select

from registry.aanbeveling import maak_aanbeveling
from registry.bron import maak_bron
from registry.effectmeting import voeg_effectmeting_toe
from registry.filters import Filter
from registry.fouten import ValidatieFout
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel
from registry.rapport.gegevens import SECTIE_LABELS, SECTIES, STANDAARD_SECTIES, Rapportkeuze, rapportgegevens
from registry.status import corrigeer_historie, historie, wijzig_status
from registry.tabellen import Domein, Maatregel


def _wijzig(s, code, nieuw, datum, toelichting, **opties):
    wijzig_status(s, code, nieuw, toelichting, "tester", haal_maatregel(s, code).versie, datum=datum, **opties)


def bouw(register) -> None:
    """TV-01 niet → deels (1 mrt) → ingevoerd (1 jun); TV-02 ingevoerd; IN-01 deels, 1 apr 'niet' corrected to
    'ingevoerd'; DC-01 enters the register on 1 May; TV-03 is archived."""
    with register.werk() as s:
        maak_bron(s, "B-1", "Eerste bron")
        maak_bron(s, "B-2", "Tweede bron")
        maak_maatregel(s, {"naam": "Alfa", "domein": "TV", "iv_afhankelijk": True, "iv_blokkade": True,
                           "iv_keten": "Innen", "iv_blokkade_soort": "capaciteit"}, "tester",
                       code="TV-01", status="niet", status_datum=date(2026, 1, 10))
        maak_maatregel(s, {"naam": "Beta met zoekwoord", "domein": "TV"}, "tester", code="TV-02",
                       status="ingevoerd", status_datum=date(2026, 1, 5))
        maak_maatregel(s, {"naam": "Gearchiveerd", "domein": "TV"}, "tester", code="TV-03",
                       status="ingevoerd", status_datum=date(2026, 1, 1))
        maak_maatregel(s, {"naam": "Gamma", "domein": "IN", "iv_afhankelijk": True}, "tester", code="IN-01",
                       status="deels", status_datum=date(2026, 2, 1))
        _wijzig(s, "TV-01", "deels", date(2026, 3, 1), "Gestart", bron="B-1", vindplaats="p. 3")
        _wijzig(s, "IN-01", "niet", date(2026, 4, 1), "Foutief ingevoerd", bron="B-2")
        fout = [h for h in historie(s, "IN-01") if h.datum == date(2026, 4, 1)][0]
        corrigeer_historie(s, fout.id, "Was ingevoerd", "tester", haal_maatregel(s, "IN-01").versie,
                           nieuw="ingevoerd")
        maak_maatregel(s, {"naam": "Delta", "domein": "DC"}, "tester", code="DC-01", status="niet",
                       status_datum=date(2026, 5, 1))
        _wijzig(s, "TV-01", "ingevoerd", date(2026, 6, 1), "Afgerond")
        archiveer(s, "TV-03", "tester", haal_maatregel(s, "TV-03").versie)
        voeg_effectmeting_toe(s, "TV-01", indicator="Doorlooptijd", bewijskracht="gemeten", gebruiker="tester",
                              waarde_tekst="12 dagen", periode="2026", bron="B-1")
        voeg_effectmeting_toe(s, "IN-01", indicator="Klanttevredenheid", bewijskracht="perceptie",
                              gebruiker="tester", bron="B-2")
        maak_aanbeveling(s, "A-1", "Over alfa", "tester", bron="B-1", maatregelen=["TV-01"])
        maak_aanbeveling(s, "A-2", "Over gamma", "tester", bron="B-2", opvolging="overgenomen", maatregelen=["IN-01"])
        maak_aanbeveling(s, "A-3", "Nergens aan gekoppeld", "tester")


def gegevens(register, **keuze):
    with register.sessie() as s:
        return rapportgegevens(s, Rapportkeuze(**keuze))


def aantallen(g) -> dict[str, dict[str, int]]:
    """Non-zero counts per domain × status."""
    return {d.code: {a.status: a.aantal for a in d.aantallen if a.aantal}
            for d in g.samenvatting.domeinen if d.totaal}


def test_telling_per_domein_en_status_volgt_de_peildatum(register):
    bouw(register)
    voor = gegevens(register, peildatum=date(2026, 2, 15))
    assert aantallen(voor) == {"TV": {"niet": 1, "ingevoerd": 1}, "IN": {"deels": 1}}  # DC-01 not yet there
    assert voor.samenvatting.totaal == 3
    tv = next(d for d in voor.samenvatting.domeinen if d.code == "TV")
    assert [(a.status, a.aantal, a.percentage) for a in tv.aantallen] == [
        ("ingevoerd", 1, "50%"), ("deels", 0, "0%"), ("niet", 1, "50%")]
    assert [d.code for d in voor.domeinen] == ["TV", "IN"]
    assert voor.maatregelen == ("IN-01", "TV-01", "TV-02")

    na = gegevens(register, peildatum=date(2026, 7, 1))
    assert aantallen(na) == {"TV": {"ingevoerd": 2}, "IN": {"ingevoerd": 1}, "DC": {"niet": 1}}
    assert [(a.status, a.aantal, a.percentage) for a in na.samenvatting.per_status] == [
        ("ingevoerd", 3, "75%"), ("deels", 0, "0%"), ("niet", 1, "25%")]
    assert (na.samenvatting.iv_afhankelijk, na.samenvatting.iv_blokkade) == (2, 1)
    regel = next(m for d in na.domeinen for m in d.maatregelen if m.code == "TV-01")
    assert (regel.status, regel.laatste_effect) == ("ingevoerd", "Doorlooptijd: 12 dagen, 2026")
    assert [(b.code, b.keten, b.soort) for b in na.blokkades] == [("TV-01", "Innen", "IV-capaciteit")]


def test_sinds_geeft_precies_de_wijzigingen_vanaf_die_dag_tot_de_peildatum(register):
    bouw(register)
    g = gegevens(register, sinds=date(2026, 3, 1), peildatum=date(2026, 7, 1))
    assert [(w.code, w.datum, w.oud, w.nieuw, w.toelichting) for w in g.wijzigingen] == [
        ("TV-01", date(2026, 3, 1), "niet", "deels", "Gestart"),  # on the since-date itself: included
        ("IN-01", date(2026, 4, 1), "deels", "ingevoerd", "Was ingevoerd"),  # the correction, not the wrong entry
        ("DC-01", date(2026, 5, 1), None, "niet", "Maatregel opgenomen in het register."),
        ("TV-01", date(2026, 6, 1), "deels", "ingevoerd", "Afgerond"),
    ]
    assert (g.wijzigingen[0].bron, g.wijzigingen[0].vindplaats, g.wijzigingen[0].naam) == ("B-1", "p. 3", "Alfa")

    tot_mei = gegevens(register, sinds=date(2026, 3, 2), peildatum=date(2026, 5, 1))
    assert [(w.code, w.datum) for w in tot_mei.wijzigingen] == [("IN-01", date(2026, 4, 1)),
                                                                ("DC-01", date(2026, 5, 1))]
    assert gegevens(register, peildatum=date(2026, 7, 1)).wijzigingen == ()


def test_filter_op_domein_bereikt_elke_sectie(register):
    bouw(register)
    g = gegevens(register, filter=Filter(domeinen=("TV",)), sinds=date(2026, 1, 1), peildatum=date(2026, 7, 1))
    assert g.maatregelen == ("TV-01", "TV-02")
    assert aantallen(g) == {"TV": {"ingevoerd": 2}}
    assert {w.code for w in g.wijzigingen} == {"TV-01", "TV-02"}
    assert [d.code for d in g.domeinen] == ["TV"]
    assert [e.code for e in g.effectmetingen] == ["TV-01"]
    assert [m.code for m in g.zonder_effectmeting] == ["TV-02"]
    assert [(b.bron, [a.code for a in b.aanbevelingen]) for b in g.opvolging] == [("B-1", ["A-1"])]
    assert [b.code for b in g.bronnen] == ["B-1"]
    assert g.titel.filter == "Domein: TV"
    zonder_eigenaar = next(s for s in g.signalen if s.sleutel == "zonder_eigenaar")
    assert zonder_eigenaar.codes == ("TV-01", "TV-02")
    assert next(s for s in g.signalen if s.sleutel == "aanbeveling_zonder_maatregel").codes == ()


def test_filter_op_zoekterm_en_status_op_de_peildatum(register):
    bouw(register)
    g = gegevens(register, filter=Filter(zoek="ZOEKWOORD"), peildatum=date(2026, 7, 1))
    assert g.maatregelen == ("TV-02",)
    assert g.opvolging == () and g.effectmetingen == () and g.blokkades == ()
    # The status filter reads the status as of the peildatum: TV-01 was 'deels' in April, is 'ingevoerd' now.
    april = gegevens(register, filter=Filter(statussen=("deels",)), peildatum=date(2026, 4, 15))
    assert april.maatregelen == ("TV-01",)


def test_zonder_filter_alle_aanbevelingen_en_gearchiveerd_alleen_op_verzoek_getoond_nooit_geteld(register):
    bouw(register)
    g = gegevens(register, peildatum=date(2026, 7, 1))
    assert [a.code for b in g.opvolging for a in b.aanbevelingen] == ["A-1", "A-2", "A-3"]
    assert {(o.opvolging, o.aantal) for o in g.opvolging_totaal if o.aantal} == {("open", 2), ("overgenomen", 1)}
    assert "TV-03" not in g.maatregelen
    met = gegevens(register, filter=Filter(met_gearchiveerd=True), peildatum=date(2026, 7, 1))
    assert "TV-03" in met.maatregelen
    assert met.samenvatting.totaal == 4


def test_onjuiste_periode_wordt_geweigerd_met_veld_periode(register):
    with pytest.raises(ValidatieFout) as fout:
        gegevens(register, periode="ergens volgend jaar")
    assert fout.value.veld == "periode"
    g = gegevens(register, periode="2026-H2")
    assert (g.titel.periode, g.titel.periode_nederlands) == ("2026-H2", "2e helft 2026")


def test_startregister_totalen_gelijk_aan_huidige_statussen(start_register):
    with start_register.sessie() as s:
        g = rapportgegevens(s, Rapportkeuze(peildatum=date.today()))
        direct = Counter({(d, st): n for d, st, n in s.exec(
            select(Domein.code, Maatregel.status, func.count()).join(Domein, Domein.id == Maatregel.domein_id)
            .where(Maatregel.gearchiveerd.is_(False)).group_by(Domein.code, Maatregel.status)).all()})
    uit_rapport = Counter({(d.code, a.status): a.aantal for d in g.samenvatting.domeinen for a in d.aantallen
                           if a.aantal})
    assert uit_rapport == direct
    assert g.samenvatting.totaal == sum(direct.values()) == 179


@pytest.mark.parametrize("secties", [(), ("samenvatting", "bijlagen")])
def test_lege_of_onbekende_sectiekeuze_wordt_geweigerd(secties):
    with pytest.raises(ValidatieFout) as fout:
        Rapportkeuze(secties=secties).controleer()
    assert fout.value.veld == "secties"


def test_elke_sectie_heeft_een_nederlands_label():
    assert list(SECTIE_LABELS) == list(SECTIES)
    assert SECTIE_LABELS["opvolging"] == "Opvolging van aanbevelingen"
    assert SECTIE_LABELS["prioritering"] == "Prioritering en IV-capaciteit"


def test_standaard_staan_alle_secties_erin_behalve_de_prioritering():
    assert Rapportkeuze().secties == STANDAARD_SECTIES == tuple(s for s in SECTIES if s != "prioritering")


def test_niet_gekozen_secties_blijven_leeg_en_de_telling_blijft(sqlite_register):
    bouw(sqlite_register)
    g = gegevens(sqlite_register, peildatum=date(2026, 7, 1), sinds=date(2026, 1, 1), secties=("samenvatting",))
    assert aantallen(g) == {"TV": {"ingevoerd": 2}, "IN": {"ingevoerd": 1}, "DC": {"niet": 1}}
    assert (g.wijzigingen, g.domeinen, g.blokkades, g.effectmetingen, g.opvolging, g.signalen, g.bronnen) == \
        ((), (), (), (), (), (), ())
    assert g.prioritering is None


def test_voortgang_bij_het_lezen_loopt_op_tot_een(sqlite_register):
    bouw(sqlite_register)
    fracties = []
    with sqlite_register.sessie() as s:
        rapportgegevens(s, Rapportkeuze(peildatum=date(2026, 7, 1)), lambda f, m: fracties.append(f))
    assert fracties == sorted(fracties) and fracties[0] == 0.0 and fracties[-1] == 1.0 and len(fracties) > 5
