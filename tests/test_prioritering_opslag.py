"""Storing the prioritering (issue 9): efforts per measure, IV capacity per chain and period, decisions and hand-set
ranks with their motivation, and reading it all back for the ranking — on SQLite and PostgreSQL."""

import math
import re
from datetime import date

import pytest

from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import (BEWERKBAAR, archiveer, controleer_weken, dupliceer, haal_maatregel, maak_maatregel,
                                wijzig_maatregel)
from registry.prioritering.besluit import besluiten, leg_prioriteit_vast, registreer_besluit, zet_rang
from registry.prioritering.capaciteit import (capaciteiten, controleer_capaciteit, keten_sleutel,
                                              verwijder_capaciteit, zet_capaciteit)
from registry.prioritering.invoer import lees_invoer
from registry.status import wijzig_status
from registry.tabellen import IvCapaciteit, Maatregel, Prioriteringsbesluit, Wijziging
from registry.wijzigingslog import wijzigingslog

# --- helpers --------------------------------------------------------------------------------------------------------


def nieuw(register, code="TV-01", **velden):
    velden.setdefault("domein", code.split("-")[0])
    velden.setdefault("naam", f"Maatregel {code}")
    with register.werk() as s:
        return maak_maatregel(s, velden, "anna", code=code)


def lees(register, code):
    with register.sessie() as s:
        return haal_maatregel(s, code)


def wijzig(register, code, **velden):
    with register.werk() as s:
        return wijzig_maatregel(s, code, velden, "anna", haal_maatregel(s, code).versie)


def capaciteit(register, keten, periode, weken, gebruiker="anna", **opties):
    with register.werk() as s:
        return zet_capaciteit(s, keten, periode, weken, gebruiker, **opties)


def alle_capaciteiten(register):
    with register.sessie() as s:
        return capaciteiten(s)


def prioriteit(register, code, waarde, motivatie, gebruiker="anna", versie=None, **opties):
    with register.werk() as s:
        versie = haal_maatregel(s, code).versie if versie is None else versie
        return leg_prioriteit_vast(s, code, waarde, motivatie, gebruiker, versie, **opties)


def rang(register, code, waarde, motivatie, gebruiker="anna", versie=None):
    with register.werk() as s:
        versie = haal_maatregel(s, code).versie if versie is None else versie
        return zet_rang(s, code, waarde, motivatie, gebruiker, versie)


def log(register, entiteit, sleutel=None):
    with register.sessie() as s:
        return [(w.veld, w.oud, w.nieuw, w.gebruiker) for w in wijzigingslog(s, entiteit, sleutel)]


def aantal_logregels(register):
    with register.sessie() as s:
        return len(wijzigingslog(s))


def tabelinhoud(register):
    """Everything a refused call could have touched, as plain values."""
    with register.sessie() as s:
        maatregelen = [tuple(r) for r in s.execute(Maatregel.__table__.select().order_by(Maatregel.id)).all()]
        cap = [tuple(r) for r in s.execute(IvCapaciteit.__table__.select().order_by(IvCapaciteit.id)).all()]
        bes = [tuple(r) for r in s.execute(Prioriteringsbesluit.__table__.select()).all()]
        logregels = s.execute(Wijziging.__table__.select()).all()
    return maatregelen, cap, bes, len(logregels)


# --- efforts on a measure -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("invoer, verwacht", [
    (12, 12.0), (2.5, 2.5), ("12", 12.0), ("2,5", 2.5), (" 2.5 ", 2.5), ("1.5", 1.5), ("1.25", 1.25),
    ("1250", 1250.0), ("0", 0.0), (0, 0.0), ("10000", 10000.0), (None, None), ("", None), ("   ", None)])
def test_weken_worden_als_getal_gelezen_met_komma_of_punt_en_leeg_is_onbekend(invoer, verwacht):
    assert controleer_weken(invoer, "iv_weken", "IV-weken") == verwacht


@pytest.mark.parametrize("invoer, melding", [
    (-1, "negatief"), ("-0,5", "negatief"), (10_000.5, "10.000"), ("20000", "10.000"), (10 ** 400, "10.000"),
    (math.nan, "aantal weken"), (math.inf, "10.000"), ("abc", "geen getal"), ("1,2,3", "geen getal"),
    ("nan", "geen getal"), (True, "aantal weken"), ([3], "aantal weken"),
    ("1.250", "“1.250” is dubbelzinnig: schrijf 1250 of 1,25."), ("12.500", "schrijf 12500 of 12,5"),
    ("1.250.000", "dubbelzinnig")])
def test_ongeldige_weken_worden_geweigerd_met_een_nederlandse_melding_op_het_veld(invoer, melding):
    with pytest.raises(ValidatieFout, match=re.escape(melding)) as fout:
        controleer_weken(invoer, "personeel_weken", "Personeelsweken")
    assert fout.value.veld == "personeel_weken"
    assert "Personeelsweken" in fout.value.melding


def test_iv_weken_omvang_en_personeelsweken_worden_bewaard_en_gelogd(register):
    nieuw(register, iv_keten="Innen en Betalen")
    d = wijzig(register, "TV-01", iv_weken="12,5", iv_omvang="m", personeel_weken=3)
    assert (d.iv_weken, d.iv_omvang, d.personeel_weken) == (12.5, "M", 3.0)
    assert lees(register, "TV-01").iv_weken == 12.5
    wijzig(register, "TV-01", iv_weken="", iv_omvang="XL (52 weken)")
    terug = lees(register, "TV-01")
    assert (terug.iv_weken, terug.iv_omvang, terug.personeel_weken) == (None, "XL", 3.0)
    assert ("iv_weken", "12,5", None, "anna") in log(register, "maatregel", "TV-01")
    assert ("iv_omvang", "M", "XL", "anna") in log(register, "maatregel", "TV-01")


def test_een_nieuwe_maatregel_krijgt_zijn_inspanning_direct_mee(register):
    d = nieuw(register, iv_weken=4, iv_omvang="xs", personeel_weken="1,5")
    assert (d.iv_weken, d.iv_omvang, d.personeel_weken) == (4.0, "XS", 1.5)


@pytest.mark.parametrize("veld, waarde, melding", [
    ("iv_weken", "veel", "IV-weken"), ("iv_weken", -2, "negatief"), ("personeel_weken", 10_001, "10.000"),
    ("iv_omvang", "XXL", "Toegestaan: XS, S, M, L, XL")])
def test_ongeldige_inspanning_wordt_geweigerd_en_verandert_niets(register, veld, waarde, melding):
    nieuw(register, iv_weken=4)
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout, match=melding) as fout:
        wijzig(register, "TV-01", **{veld: waarde})
    assert fout.value.veld == veld
    assert tabelinhoud(register) == voor


@pytest.mark.parametrize("veld", ["prioriteit", "prioriteit_motivatie", "prioriteit_datum", "prioriteit_door",
                                  "rang_handmatig", "rang_motivatie", "rang_datum", "rang_door"])
def test_besluit_en_rang_zijn_niet_te_wijzigen_als_gewoon_veld(register, veld):
    assert veld not in BEWERKBAAR
    nieuw(register)
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout, match="Onbekende velden"):
        wijzig(register, "TV-01", **{veld: "nu"})
    assert tabelinhoud(register) == voor


def test_een_kopie_neemt_de_inspanning_over_maar_niet_het_besluit(register):
    nieuw(register, iv_weken=6, iv_omvang="S", personeel_weken=2)
    prioriteit(register, "TV-01", "nu", "Hoogste effect")
    rang(register, "TV-01", 1, "Eerst")
    with register.werk() as s:
        kopie = dupliceer(s, "TV-01", "anna")
    assert (kopie.iv_weken, kopie.iv_omvang, kopie.personeel_weken) == (6.0, "S", 2.0)
    assert (kopie.prioriteit, kopie.rang_handmatig, kopie.prioriteit_motivatie) == (None, None, None)


# --- capacity -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("keten, periode, weken, veld", [
    ("", "2027-H1", 40, "keten"), ("   ", "2027-H1", 40, "keten"), (None, "2027-H1", 40, "keten"),
    ("x" * 201, "2027-H1", 40, "keten"),
    ("Innen en Betalen", "", 40, "periode"), ("Innen en Betalen", None, 40, "periode"),
    ("Innen en Betalen", "onbekend", 40, "periode"), ("Innen en Betalen", "ooit", 40, "periode"),
    ("Innen en Betalen", "2027-H3", 40, "periode"),
    ("Innen en Betalen", "2027-H1", None, "weken"), ("Innen en Betalen", "2027-H1", "", "weken"),
    ("Innen en Betalen", "2027-H1", -1, "weken"), ("Innen en Betalen", "2027-H1", "veertig", "weken"),
    ("Innen en Betalen", "2027-H1", math.nan, "weken"), ("Innen en Betalen", "2027-H1", 10_001, "weken")])
def test_ongeldige_capaciteit_wordt_geweigerd_op_het_veld_en_verandert_niets(register, keten, periode, weken, veld):
    with pytest.raises(ValidatieFout) as fout:
        controleer_capaciteit(keten, periode, weken)
    assert fout.value.veld == veld
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout):
        capaciteit(register, keten, periode, weken)
    assert tabelinhoud(register) == voor
    assert alle_capaciteiten(register) == []


def test_capaciteit_accepteert_een_decimale_komma_en_een_keten_van_200_tekens():
    keten, periode, weken = controleer_capaciteit("  Innen  en Betalen ", "H1 2027", "37,5")
    assert (keten, periode.van, periode.tot, weken) == ("Innen en Betalen", date(2027, 1, 1), date(2027, 6, 30), 37.5)
    assert controleer_capaciteit("k" * 200, "2027", 0)[0] == "k" * 200


def test_zelfde_keten_en_periode_in_andere_schrijfwijze_werkt_de_capaciteit_bij(register):
    eerste = capaciteit(register, "Innen en Betalen", "2027-H1", 40, toelichting="Afspraak met IV")
    tweede = capaciteit(register, "innen en  betalen ", "H1 2027", "30,5", gebruiker="bram")
    assert tweede.id == eerste.id
    (rij,) = alle_capaciteiten(register)
    assert (rij.keten, rij.periode.tekst, rij.weken, rij.toelichting) == ("Innen en Betalen", "2027-H1", 30.5,
                                                                          "Afspraak met IV")
    assert rij.keten_sleutel == keten_sleutel("Innen en Betalen") == "innen en betalen"
    assert rij.versie == 2
    assert log(register, "capaciteit", "Innen en Betalen 2027-H1")[-1] == ("weken", "40", "30,5", "bram")


def test_een_nieuwe_periode_van_een_bestaande_keten_houdt_de_schrijfwijze_van_de_keten(register):
    capaciteit(register, "Innen en Betalen", "2027-H2", 40)
    capaciteit(register, "innen en  betalen ", "H1 2027", 20)  # earlier, typed otherwise: must not rename the chain
    assert [(c.keten, c.periode.tekst) for c in alle_capaciteiten(register)] == [
        ("Innen en Betalen", "H1 2027"), ("Innen en Betalen", "2027-H2")]


def test_een_lege_toelichting_wist_hem_en_zonder_toelichting_blijft_hij_staan(register):
    capaciteit(register, "Innen en Betalen", "2027-H1", 40, toelichting="Afspraak")
    capaciteit(register, "Innen en Betalen", "2027-H1", 41)
    assert alle_capaciteiten(register)[0].toelichting == "Afspraak"
    capaciteit(register, "Innen en Betalen", "2027-H1", 41, toelichting="  ")
    assert alle_capaciteiten(register)[0].toelichting is None


def test_andere_periode_of_keten_is_een_eigen_capaciteit_gesorteerd_op_begin_en_keten(register):
    capaciteit(register, "Toeslagen Verstrekken", "2027-H1", 20)
    capaciteit(register, "Innen en Betalen", "2027-H2", 10)
    capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    capaciteit(register, "Beheer", "Q1 2027", 5)  # starts with H1 but is shorter: another chain, another slot
    rijen = alle_capaciteiten(register)
    assert [(c.keten, c.periode.tekst) for c in rijen] == [
        ("Beheer", "Q1 2027"), ("Innen en Betalen", "2027-H1"), ("Toeslagen Verstrekken", "2027-H1"),
        ("Innen en Betalen", "2027-H2")]


@pytest.mark.parametrize("periode", ["2027", "Q2 2027", "juni 2027", "voorjaar 2027"])
def test_een_periode_die_een_andere_van_de_keten_overlapt_wordt_geweigerd(register, periode):
    capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout) as fout:
        capaciteit(register, "innen en betalen", periode, 10)
    assert fout.value.veld == "periode"
    assert fout.value.melding == (f"{periode} overlapt met 2027-H1 van Innen en Betalen: kies periodes die elkaar "
                                  "niet overlappen.")
    assert tabelinhoud(register) == voor


def test_aansluitende_periodes_en_andere_ketens_overlappen_niet(register):
    capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    capaciteit(register, "Innen en Betalen", "2027-H2", 30)
    capaciteit(register, "Innen en Betalen", "Q1 2028", 10)
    capaciteit(register, "Toeslagen Verstrekken", "2027", 20)
    capaciteit(register, "Innen en Betalen", "H1 2027", 41)  # the same slot in another spelling: an update
    assert len(alle_capaciteiten(register)) == 4


def test_capaciteit_nul_is_toegestaan(register):
    assert capaciteit(register, "Innen en Betalen", "2027", 0).weken == 0.0


def test_de_nieuwe_capaciteit_staat_in_het_wijzigingslog(register):
    capaciteit(register, "Innen en Betalen", "2027-H1", 40, toelichting="Afspraak")
    assert log(register, "capaciteit") == [
        ("keten", None, "Innen en Betalen", "anna"), ("periode", None, "2027-H1", "anna"),
        ("weken", None, "40", "anna"), ("toelichting", None, "Afspraak", "anna")]


def test_capaciteit_verwijderen_in_andere_schrijfwijze_en_gelogd(register):
    capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    capaciteit(register, "Innen en Betalen", "2027-H2", 30)
    with register.werk() as s:
        verwijder_capaciteit(s, "INNEN EN BETALEN", "H1 2027", "bram")
    assert [c.periode.tekst for c in alle_capaciteiten(register)] == ["2027-H2"]
    assert ("weken", "40", None, "bram") in log(register, "capaciteit", "Innen en Betalen 2027-H1")


def test_afwezige_capaciteit_verwijderen_geeft_niet_gevonden_en_verandert_niets(register):
    capaciteit(register, "Innen en Betalen", "2027-H2", 30)
    voor = tabelinhoud(register)
    with pytest.raises(NietGevonden, match="Innen en Betalen in 2027-H1"), register.werk() as s:
        verwijder_capaciteit(s, "Innen en Betalen", "2027-H1", "anna")
    assert tabelinhoud(register) == voor


def test_capaciteit_met_verouderde_versie_wordt_geweigerd(register):
    gelezen = capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    capaciteit(register, "Innen en Betalen", "2027-H1", 35, gebruiker="bram", versie=gelezen.versie)
    voor = tabelinhoud(register)
    with pytest.raises(ConflictFout, match="bram"):
        capaciteit(register, "Innen en Betalen", "2027-H1", 50, versie=gelezen.versie)
    with pytest.raises(ConflictFout), register.werk() as s:
        verwijder_capaciteit(s, "Innen en Betalen", "2027-H1", "anna", versie=gelezen.versie)
    assert tabelinhoud(register) == voor
    assert alle_capaciteiten(register)[0].weken == 35.0


def test_bijwerken_zonder_versie_maakt_een_eerder_gelezen_versie_verouderd(register):
    gelezen = capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    assert capaciteit(register, "Innen en Betalen", "2027-H1", 35, gebruiker="bram").versie == gelezen.versie + 1
    with pytest.raises(ConflictFout, match="bram"):
        capaciteit(register, "Innen en Betalen", "2027-H1", 50, versie=gelezen.versie)
    assert alle_capaciteiten(register)[0].weken == 35.0


def test_capaciteit_bijwerken_die_intussen_verwijderd_is_wordt_geweigerd(register):
    gelezen = capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    with register.werk() as s:
        verwijder_capaciteit(s, "Innen en Betalen", "2027-H1", "bram")
    with pytest.raises(ConflictFout, match="verwijderd"):
        capaciteit(register, "Innen en Betalen", "2027-H1", 50, versie=gelezen.versie)
    assert alle_capaciteiten(register) == []


# --- the decision (prioriteit) --------------------------------------------------------------------------------------

def test_prioriteit_wordt_vastgelegd_met_motivatie_datum_en_wie(register):
    nieuw(register)
    d = prioriteit(register, "TV-01", "Nu", "Grootste effect op terugvorderingen", gebruiker="bram",
                   datum=date(2026, 3, 1))
    assert (d.prioriteit, d.prioriteit_motivatie, d.prioriteit_datum, d.prioriteit_door) == (
        "nu", "Grootste effect op terugvorderingen", date(2026, 3, 1), "bram")
    terug = lees(register, "TV-01")
    assert (terug.prioriteit, terug.prioriteit_door, terug.versie) == ("nu", "bram", 2)
    assert log(register, "maatregel", "TV-01")[-4:] == [
        ("prioriteit", None, "nu", "bram"),
        ("prioriteit_motivatie", None, "Grootste effect op terugvorderingen", "bram"),
        ("prioriteit_datum", None, "2026-03-01", "bram"), ("prioriteit_door", None, "bram", "bram")]


def test_prioriteit_zonder_datum_is_van_vandaag(register):
    nieuw(register)
    assert prioriteit(register, "TV-01", "later", "Eerst de wet").prioriteit_datum == date.today()


def test_een_nieuw_besluit_vervangt_het_oude_en_het_log_houdt_beide(register):
    nieuw(register)
    prioriteit(register, "TV-01", "nu", "Eerste afweging", datum=date(2026, 1, 1))
    d = prioriteit(register, "TV-01", "niet", "Geen IV-capaciteit tot 2028", gebruiker="bram", datum=date(2026, 6, 1))
    assert (d.prioriteit, d.prioriteit_motivatie, d.versie) == ("niet", "Geen IV-capaciteit tot 2028", 3)
    regels = log(register, "maatregel", "TV-01")
    assert ("prioriteit", "nu", "niet", "bram") in regels
    assert ("prioriteit_motivatie", "Eerste afweging", "Geen IV-capaciteit tot 2028", "bram") in regels


def test_prioriteit_wissen_vraagt_ook_een_motivatie_en_legt_die_vast(register):
    nieuw(register)
    prioriteit(register, "TV-01", "nu", "Eerste afweging")
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout) as fout:
        prioriteit(register, "TV-01", None, "  ")
    assert fout.value.veld == "motivatie"
    assert tabelinhoud(register) == voor
    d = prioriteit(register, "TV-01", None, "Besluit ingetrokken na heroverweging", gebruiker="bram")
    assert (d.prioriteit, d.prioriteit_motivatie, d.prioriteit_door) == (
        None, "Besluit ingetrokken na heroverweging", "bram")
    assert ("prioriteit", "nu", None, "bram") in log(register, "maatregel", "TV-01")


@pytest.mark.parametrize("waarde, motivatie, veld", [
    ("nu", None, "motivatie"), ("nu", "", "motivatie"), ("later", "   ", "motivatie"),
    ("straks", "Waarom", "prioriteit"),
    ("nu", "x" * 100_001, "motivatie")])
def test_ongeldig_besluit_wordt_geweigerd_en_verandert_niets(register, waarde, motivatie, veld):
    nieuw(register)
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout) as fout:
        prioriteit(register, "TV-01", waarde, motivatie)
    assert fout.value.veld == veld
    assert tabelinhoud(register) == voor


def test_besluit_op_een_verouderde_versie_geeft_conflict_en_verandert_niets(register):
    gelezen = nieuw(register)
    wijzig(register, "TV-01", eigenaar="Team Invordering")
    voor = tabelinhoud(register)
    with pytest.raises(ConflictFout, match="eigenaar"):
        prioriteit(register, "TV-01", "nu", "Belangrijk", versie=gelezen.versie)
    with pytest.raises(ConflictFout):
        rang(register, "TV-01", 1, "Eerst", versie=gelezen.versie)
    assert tabelinhoud(register) == voor


def test_besluit_op_een_onbekende_maatregel_geeft_niet_gevonden(register):
    with pytest.raises(NietGevonden), register.werk() as s:
        leg_prioriteit_vast(s, "TV-99", "nu", "Belangrijk", "anna", 1)


# --- the hand-set rank ----------------------------------------------------------------------------------------------

def test_handmatige_rang_wordt_vastgelegd_met_motivatie_en_gelogd(register):
    nieuw(register)
    d = rang(register, "TV-01", 2, "Voorwaarde voor de wetswijziging", gebruiker="bram")
    assert (d.rang_handmatig, d.rang_motivatie, d.versie) == (2, "Voorwaarde voor de wetswijziging", 2)
    assert (d.rang_datum, d.rang_door) == (date.today(), "bram")
    assert lees(register, "TV-01").rang_handmatig == 2
    assert sorted(log(register, "maatregel", "TV-01")[-4:]) == [
        ("rang_datum", None, date.today().isoformat(), "bram"), ("rang_door", None, "bram", "bram"),
        ("rang_handmatig", None, "2", "bram"), ("rang_motivatie", None, "Voorwaarde voor de wetswijziging", "bram")]


def test_handmatige_rang_met_datum_en_het_wissen_noemt_wie_en_wanneer(register):
    nieuw(register)
    with register.werk() as s:
        d = zet_rang(s, "TV-01", 3, "Kamerbrief", "anna", haal_maatregel(s, "TV-01").versie, datum=date(2026, 3, 1))
    assert (d.rang_handmatig, d.rang_datum, d.rang_door) == (3, date(2026, 3, 1), "anna")
    d = rang(register, "TV-01", None, "Kamerbrief ingetrokken", gebruiker="bram")
    assert (d.rang_handmatig, d.rang_motivatie, d.rang_datum, d.rang_door) == (
        None, "Kamerbrief ingetrokken", date.today(), "bram")


def test_handmatige_rang_wissen_mag_zonder_motivatie(register):
    nieuw(register)
    rang(register, "TV-01", 1, "Eerst")
    d = rang(register, "TV-01", None, None)
    assert (d.rang_handmatig, d.rang_motivatie) == (None, None)
    assert ("rang_handmatig", "1", None, "anna") in log(register, "maatregel", "TV-01")


@pytest.mark.parametrize("waarde, motivatie, veld", [
    (0, "Eerst", "rang"), (-3, "Eerst", "rang"), (True, "Eerst", "rang"), ("2", "Eerst", "rang"),
    (1.5, "Eerst", "rang"), (1_000_001, "Eerst", "rang"), (1, None, "motivatie"), (1, " ", "motivatie")])
def test_ongeldige_rang_wordt_geweigerd_en_verandert_niets(register, waarde, motivatie, veld):
    nieuw(register)
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout) as fout:
        rang(register, "TV-01", waarde, motivatie)
    assert fout.value.veld == veld
    assert tabelinhoud(register) == voor


# --- decisions (saved scenarios) ------------------------------------------------------------------------------------

def test_besluit_wordt_geregistreerd_en_teruggelezen_nieuwste_eerst(register):
    with register.werk() as s:
        eerste = registreer_besluit(s, "Capaciteit verschoven", ["Innen en Betalen 2027-H1: 40 → 30 weken"],
                                    ["Eruit: TV-03 Naam (2027-H1)"], "anna", datum=date(2026, 1, 10))
        tweede = registreer_besluit(s, "Prioriteit <herzien> & \"snel\" 🚧", ["TV-01: prioriteit nu",
                                                                             "TV-02: 12 IV-weken"],
                                    [], "bram", datum=date(2026, 2, 1))
    with register.sessie() as s:
        rijen = besluiten(s)
    assert [b.id for b in rijen] == [tweede.id, eerste.id]
    nieuwste, oudste = rijen
    assert (nieuwste.datum, nieuwste.besloten_door, nieuwste.motivatie) == (
        date(2026, 2, 1), "bram", "Prioriteit <herzien> & \"snel\" 🚧")
    assert nieuwste.wijzigingen == ("TV-01: prioriteit nu", "TV-02: 12 IV-weken")
    assert nieuwste.gevolgen == ()
    assert oudste.gevolgen == ("Eruit: TV-03 Naam (2027-H1)",)
    assert oudste.geregistreerd_op is not None
    assert ("motivatie", None, "Capaciteit verschoven", "anna") in log(register, "prioriteringsbesluit")


def test_een_regel_met_een_regeleinde_blijft_een_regel(register):
    with register.werk() as s:
        registreer_besluit(s, "Waarom", ["eerste\nregel", "", "tweede"], [], "anna")
    with register.sessie() as s:
        assert besluiten(s)[0].wijzigingen == ("eerste regel", "tweede")


def test_besluit_zonder_motivatie_wordt_geweigerd_en_verandert_niets(register):
    voor = tabelinhoud(register)
    with pytest.raises(ValidatieFout) as fout, register.werk() as s:
        registreer_besluit(s, "  ", ["iets"], [], "anna")
    assert fout.value.veld == "motivatie"
    assert tabelinhoud(register) == voor


# --- reading the input ----------------------------------------------------------------------------------------------

def test_lees_invoer_geeft_alle_maatregelen_met_afhankelijkheden_als_ids_en_de_capaciteiten(register):
    nieuw(register, "TV-01", iv_keten="Innen en Betalen ", iv_afhankelijk=True, iv_blokkade=True,
          verwacht_effect="hoog", effect_basis="pilot", iv_weken=12, personeel_weken=3)
    nieuw(register, "TV-02", afhankelijk_van=["TV-01"], iv_omvang="M")
    nieuw(register, "TV-10", afhankelijk_van=["TV-01", "TV-02"])
    nieuw(register, "IN-01")
    nieuw(register, "BU-01")
    with register.werk() as s:
        archiveer(s, "IN-01", "anna", haal_maatregel(s, "IN-01").versie)
        wijzig_status(s, "BU-01", "ingevoerd", "Afgerond", "anna", haal_maatregel(s, "BU-01").versie)
    prioriteit(register, "TV-02", "later", "Na TV-01", datum=date(2026, 5, 1))
    rang(register, "TV-10", 1, "Kamerbrief")
    capaciteit(register, "Innen en Betalen", "2027-H2", 20)
    capaciteit(register, "Innen en Betalen", "2027-H1", 40, toelichting="Afspraak")

    with register.sessie() as s:
        invoer = lees_invoer(s)
        ids = {d.code: d.id for d in (haal_maatregel(s, c) for c in ("TV-01", "TV-02", "TV-10", "IN-01", "BU-01"))}
    assert [m.code for m in invoer.maatregelen] == ["BU-01", "IN-01", "TV-01", "TV-02", "TV-10"]
    m = {p.code: p for p in invoer.maatregelen}
    assert m["TV-01"].keten_sleutel == "innen en betalen"
    assert (m["TV-01"].iv_keten, m["TV-01"].iv_afhankelijk, m["TV-01"].iv_blokkade) == ("Innen en Betalen ", True,
                                                                                        True)
    assert (m["TV-01"].verwacht_effect, m["TV-01"].effect_basis, m["TV-01"].weken, m["TV-01"].personeel_weken) == (
        "hoog", "pilot", 12.0, 3.0)
    assert (m["TV-02"].iv_omvang, m["TV-02"].weken, m["TV-02"].keten_sleutel) == ("M", 12, None)
    assert m["TV-02"].afhankelijk_van == (ids["TV-01"],)
    assert m["TV-10"].afhankelijk_van == tuple(sorted((ids["TV-01"], ids["TV-02"])))
    assert (m["TV-02"].prioriteit, m["TV-02"].prioriteit_motivatie, m["TV-02"].prioriteit_datum,
            m["TV-02"].prioriteit_door) == ("later", "Na TV-01", date(2026, 5, 1), "anna")
    assert (m["TV-10"].rang_handmatig, m["TV-10"].rang_motivatie, m["TV-10"].rang_datum, m["TV-10"].rang_door) == (
        1, "Kamerbrief", date.today(), "anna")
    assert m["IN-01"].gearchiveerd and not m["IN-01"].is_open
    assert m["BU-01"].status == "ingevoerd" and not m["BU-01"].is_open
    assert m["TV-01"].is_open and m["TV-01"].domein == "TV"
    assert m["TV-02"].versie == lees(register, "TV-02").versie
    assert all(p.id == ids[p.code] for p in invoer.maatregelen)
    assert [(c.keten, c.periode.tekst, c.weken, c.toelichting) for c in invoer.capaciteiten] == [
        ("Innen en Betalen", "2027-H1", 40.0, "Afspraak"), ("Innen en Betalen", "2027-H2", 20.0, None)]
    assert all(c.id is not None and c.keten_sleutel == "innen en betalen" for c in invoer.capaciteiten)


def test_lees_invoer_van_een_leeg_register_is_leeg(register):
    with register.sessie() as s:
        invoer = lees_invoer(s)
    assert (invoer.maatregelen, invoer.capaciteiten) == ((), ())


def test_lees_invoer_gebruikt_een_vast_aantal_queries(register):
    from sqlalchemy import event

    for i in range(1, 13):
        nieuw(register, f"TV-{i:02d}", afhankelijk_van=[f"TV-{i - 1:02d}"] if i > 1 else [])
    capaciteit(register, "Innen en Betalen", "2027-H1", 40)
    opdrachten = []

    def tel(*args):
        opdrachten.append(args[2])

    event.listen(register.engine, "before_cursor_execute", tel)
    try:
        with register.sessie() as s:
            invoer = lees_invoer(s)
    finally:
        event.remove(register.engine, "before_cursor_execute", tel)
    assert len(invoer.maatregelen) == 12
    assert len(opdrachten) <= 4
