"""Measures (registry.maatregel): codes, required fields, domains, toeslagen, hierarchy, dependencies, planning, IV,
archiving, exact text, the change log and the refusal of a stale save — on SQLite and PostgreSQL."""

import pytest

from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import (aantal_maatregelen, archiveer, haal_maatregel, maak_maatregel, stel_code_voor,
                                wijzig_maatregel)
from registry.wijzigingslog import wijzigingslog

# --- helpers --------------------------------------------------------------------------------------------------------


def nieuw(register, *, gebruiker="anna", code=None, **velden):
    velden.setdefault("domein", "TV")
    velden.setdefault("naam", "Een maatregel")
    with register.werk() as s:
        return maak_maatregel(s, velden, gebruiker, code=code)


def lees(register, code):
    """Read back in a fresh session: what is really in the database."""
    with register.sessie() as s:
        return haal_maatregel(s, code)


def wijzig(register, code, *, gebruiker="anna", versie=None, **velden):
    with register.werk() as s:
        if versie is None:
            versie = haal_maatregel(s, code).versie
        return wijzig_maatregel(s, code, velden, gebruiker, versie)


def log(register, code):
    with register.sessie() as s:
        return wijzigingslog(s, "maatregel", code)


def aantal(register):
    with register.sessie() as s:
        return aantal_maatregelen(s)


# --- codes ----------------------------------------------------------------------------------------------------------

def test_code_wordt_per_domein_voorgesteld(register):
    assert nieuw(register, domein="TV").code == "TV-01"
    assert nieuw(register, domein="TV").code == "TV-02"
    assert nieuw(register, domein="IN").code == "IN-01"
    assert nieuw(register, domein="TV").code == "TV-03"


def test_voorgestelde_code_volgt_op_het_hoogste_gebruikte_nummer(register):
    nieuw(register, code="TV-07")
    with register.sessie() as s:
        assert stel_code_voor(s, "TV") == "TV-08"
        assert stel_code_voor(s, "Terugvorderingen") == "TV-08"
        assert stel_code_voor(s, "IN") == "IN-01"
    assert nieuw(register).code == "TV-08"


def test_opgegeven_code_wordt_in_hoofdletters_bewaard(register):
    assert nieuw(register, code=" tv-05 ").code == "TV-05"
    assert lees(register, "TV-05").naam == "Een maatregel"


@pytest.mark.parametrize("code", ["TV-3", "XX-01", "IN-01", "TV01", "TV-", "TV-01a", "T-01"])
def test_code_die_niet_past_bij_het_hoofddomein_wordt_geweigerd(register, code):
    with pytest.raises(ValidatieFout) as fout:
        nieuw(register, domein="TV", code=code)
    assert fout.value.veld == "code"
    assert "TV-" in str(fout.value)
    assert aantal(register) == 0


def test_dubbele_code_wordt_geweigerd(register):
    nieuw(register, code="TV-01", naam="Eerste")
    with pytest.raises(ValidatieFout, match="TV-01") as fout:
        nieuw(register, code="TV-01", naam="Tweede")
    assert fout.value.veld == "code"
    assert aantal(register) == 1
    assert lees(register, "TV-01").naam == "Eerste"


# --- required fields and domains ------------------------------------------------------------------------------------

@pytest.mark.parametrize("velden", [{"domein": "TV"}, {"domein": "TV", "naam": ""}, {"domein": "TV", "naam": "  \t"},
                                    {"domein": "TV", "naam": None}])
def test_maatregel_zonder_naam_wordt_geweigerd(register, velden):
    with pytest.raises(ValidatieFout, match="Naam is verplicht"), register.werk() as s:
        maak_maatregel(s, velden, "anna")
    assert aantal(register) == 0


def test_fout_in_een_tekstveld_noemt_het_veld_zoals_bij_de_andere_velden(register):
    """`ValidatieFout.veld` names the field (its key, as for domein, code, ouder, ...), so a form can point at it."""
    with pytest.raises(ValidatieFout) as fout:
        nieuw(register, naam="   ")
    assert fout.value.veld == "naam"
    m = nieuw(register)
    with pytest.raises(ValidatieFout) as fout:
        wijzig(register, m.code, omschrijving="a" * 100_001)
    assert fout.value.veld == "omschrijving"


def test_naam_leegmaken_bij_wijzigen_wordt_geweigerd(register):
    m = nieuw(register, naam="Goede naam")
    with pytest.raises(ValidatieFout, match="Naam is verplicht"):
        wijzig(register, m.code, naam="   ")
    assert lees(register, m.code).naam == "Goede naam"


def test_maatregel_zonder_domein_wordt_geweigerd(register):
    with pytest.raises(ValidatieFout, match="Domein is verplicht"), register.werk() as s:
        maak_maatregel(s, {"naam": "Zonder domein"}, "anna")
    assert aantal(register) == 0


@pytest.mark.parametrize("domein, prefix", [
    ("TV", "TV"),
    ("tv", "TV"),
    ("Terugvorderingen", "TV"),
    ("TERUGVORDERINGEN", "TV"),
    ("Voorkomen en verlagen van (hoge) terugvorderingen", "TV"),
    ("Invordering", "IN"),
    ("Invorderingsproces doenlijker en menselijker maken", "IN"),
    ("niet-gebruik", "NG"),
    ("Terugdringen van niet-gebruik toeslagen", "NG"),
    ("Dienstverlening", "DC"),
    ("Verbeteringen in dienstverlening en communicatie", "DC"),
    ("BU", "BU"),
    ("Beleid en uitvoering", "BU"),
    ("Verbeteringen in beleid en uitvoering", "BU"),
])
def test_domein_wordt_gevonden_op_code_korte_naam_of_volledige_naam(register, domein, prefix):
    m = nieuw(register, domein=domein)
    assert m.domein == prefix
    assert m.code == f"{prefix}-01"


def test_onbekend_domein_wordt_geweigerd_met_de_keuzes(register):
    with pytest.raises(ValidatieFout) as fout:
        nieuw(register, domein="Kinderopvang")
    assert "Onbekend domein" in str(fout.value)
    assert "TV (Terugvorderingen)" in str(fout.value)
    assert aantal(register) == 0


def test_secundair_domein_moet_anders_zijn_dan_het_hoofddomein(register):
    with pytest.raises(ValidatieFout) as fout:
        nieuw(register, domein="TV", domein_secundair="Terugvorderingen")
    assert fout.value.veld == "domein_secundair"
    assert aantal(register) == 0

    m = nieuw(register, domein="TV", domein_secundair="Invordering")
    assert m.domein_secundair == "IN"
    assert lees(register, m.code).domein_secundair == "IN"


def test_hoofddomein_gelijk_maken_aan_het_secundaire_wordt_geweigerd(register):
    m = nieuw(register, domein="TV", domein_secundair="IN")
    with pytest.raises(ValidatieFout):
        wijzig(register, m.code, domein="IN")
    terug = lees(register, m.code)
    assert (terug.domein, terug.domein_secundair, terug.versie) == ("TV", "IN", m.versie)


def test_secundair_domein_kan_worden_gewist(register):
    m = nieuw(register, domein="TV", domein_secundair="IN")
    wijzig(register, m.code, domein_secundair=None)
    assert lees(register, m.code).domein_secundair is None


# --- toeslagen ------------------------------------------------------------------------------------------------------

def test_toeslagen_op_code_of_naam(register):
    m = nieuw(register, toeslagen=["zorgtoeslag", "HT", "Kinderopvangtoeslag", "kgb"])
    assert m.toeslagen == ("HT", "KGB", "KOT", "ZT")
    assert lees(register, m.code).toeslagen == ("HT", "KGB", "KOT", "ZT")


def test_toeslagen_wijzigen_vervangt_de_lijst_en_dubbelen_tellen_een_keer(register):
    m = nieuw(register, toeslagen=["HT", "ZT"])
    wijzig(register, m.code, toeslagen=["Huurtoeslag", "HT", "kindgebonden budget"])
    assert lees(register, m.code).toeslagen == ("HT", "KGB")
    wijzig(register, m.code, toeslagen=[])
    assert lees(register, m.code).toeslagen == ()


def test_onbekende_toeslag_wordt_geweigerd(register):
    with pytest.raises(ValidatieFout, match="Onbekende toeslag"):
        nieuw(register, toeslagen=["HT", "AOW"])
    assert aantal(register) == 0


# --- hierarchy ------------------------------------------------------------------------------------------------------

def _keten(register):
    """A → B → C: A is the parent of B, B the parent of C."""
    a = nieuw(register, naam="Strategie A")
    b = nieuw(register, naam="Deel B", ouder=a.code)
    c = nieuw(register, naam="Deel C", ouder=b.code.lower())
    return a, b, c


def test_bovenliggende_maatregel_wordt_bewaard(register):
    a, b, c = _keten(register)
    assert lees(register, b.code).ouder == a.code
    assert lees(register, c.code).ouder == b.code
    assert lees(register, a.code).ouder is None


def test_maatregel_kan_niet_zijn_eigen_voorouder_worden_en_er_wordt_niets_geschreven(register):
    a, b, c = _keten(register)
    voor = lees(register, a.code)
    log_voor = log(register, a.code)
    with pytest.raises(ValidatieFout, match="voorouder") as fout:
        wijzig(register, a.code, ouder=c.code, naam="Nieuwe naam")
    assert fout.value.veld == "ouder"

    na = lees(register, a.code)
    assert na.ouder is None
    assert na.naam == "Strategie A"
    assert na.versie == voor.versie
    assert log(register, a.code) == log_voor


def test_maatregel_kan_niet_zijn_eigen_ouder_zijn(register):
    a = nieuw(register)
    with pytest.raises(ValidatieFout, match="voorouder"):
        wijzig(register, a.code, ouder=a.code)
    na = lees(register, a.code)
    assert na.ouder is None
    assert na.versie == a.versie


def test_ouder_verplaatsen_binnen_de_boom_zonder_kringloop_mag(register):
    a, b, c = _keten(register)
    wijzig(register, c.code, ouder=a.code)
    assert lees(register, c.code).ouder == a.code
    wijzig(register, c.code, ouder=None)
    assert lees(register, c.code).ouder is None


def test_onbekende_ouder_wordt_geweigerd(register):
    with pytest.raises(NietGevonden, match="TV-99"):
        nieuw(register, ouder="TV-99")
    assert aantal(register) == 0


# --- dependencies ---------------------------------------------------------------------------------------------------

def test_afhankelijkheden_van_andere_maatregelen(register):
    a = nieuw(register)
    b = nieuw(register, domein="IN")
    c = nieuw(register, afhankelijk_van=[b.code, a.code.lower()])
    assert c.afhankelijk_van == tuple(sorted([a.code, b.code]))
    wijzig(register, c.code, afhankelijk_van=[b.code])
    assert lees(register, c.code).afhankelijk_van == (b.code,)
    wijzig(register, c.code, afhankelijk_van=[])
    assert lees(register, c.code).afhankelijk_van == ()


def test_maatregel_kan_niet_van_zichzelf_afhangen(register):
    a = nieuw(register)
    b = nieuw(register)
    wijzig(register, a.code, afhankelijk_van=[b.code])
    with pytest.raises(ValidatieFout, match="zichzelf") as fout:
        wijzig(register, a.code, afhankelijk_van=[b.code, a.code])
    assert fout.value.veld == "afhankelijk_van"
    na = lees(register, a.code)
    assert na.afhankelijk_van == (b.code,)
    assert na.versie == a.versie + 1


def test_afhankelijkheid_van_een_onbekende_maatregel_wordt_geweigerd(register):
    a = nieuw(register)
    with pytest.raises(NietGevonden):
        wijzig(register, a.code, afhankelijk_van=["IN-42"])
    assert lees(register, a.code).afhankelijk_van == ()


# --- planning: re-dating keeps the original target ------------------------------------------------------------------

def test_eerste_huidige_planning_is_ook_de_oorspronkelijke(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    assert m.planning_huidig.tekst == "Q3 2026"
    assert m.planning_oorspronkelijk.tekst == "Q3 2026"
    terug = lees(register, m.code)
    assert terug.planning_oorspronkelijk == terug.planning_huidig
    assert str(terug.planning_oorspronkelijk.tot) == "2026-09-30"


def test_eerste_planning_bij_wijzigen_wordt_ook_de_oorspronkelijke(register):
    m = nieuw(register)
    assert m.planning_oorspronkelijk is None and m.planning_huidig is None
    wijzig(register, m.code, planning_huidig="december 2026")
    terug = lees(register, m.code)
    assert terug.planning_oorspronkelijk.tekst == "december 2026"
    assert terug.planning_huidig.tekst == "december 2026"


def test_latere_huidige_planning_zonder_reden_wordt_geweigerd(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    with pytest.raises(ValidatieFout, match="reden van de vertraging") as fout:
        wijzig(register, m.code, planning_huidig="Q1 2027")
    assert fout.value.veld == "vertraging_reden"
    terug = lees(register, m.code)
    assert terug.planning_huidig.tekst == "Q3 2026"
    assert terug.versie == m.versie


def test_herplannen_met_reden_bewaart_het_oorspronkelijke_doel(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    wijzig(register, m.code, planning_huidig="2027-H1", vertraging_reden="iv_capaciteit",
           vertraging_toelichting="Geen IV-capaciteit in 2026.")
    terug = lees(register, m.code)
    assert terug.planning_oorspronkelijk.tekst == "Q3 2026"
    assert terug.planning_huidig.tekst == "2027-H1"
    assert terug.vertraging_reden == "iv_capaciteit"
    assert terug.vertraging_toelichting == "Geen IV-capaciteit in 2026."

    # and once more: the original target still stands
    wijzig(register, m.code, planning_huidig="eind 2027")
    terug = lees(register, m.code)
    assert terug.planning_oorspronkelijk.tekst == "Q3 2026"
    assert terug.planning_huidig.tekst == "eind 2027"


def test_reden_van_vertraging_mag_als_label_worden_gegeven(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    wijzig(register, m.code, planning_huidig="2027", vertraging_reden="Keten/partner")
    assert lees(register, m.code).vertraging_reden == "keten_partner"


def test_onbekende_reden_van_vertraging_wordt_geweigerd(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    with pytest.raises(ValidatieFout, match="Onbekende reden van vertraging"):
        wijzig(register, m.code, planning_huidig="2027", vertraging_reden="pech")
    assert lees(register, m.code).planning_huidig.tekst == "Q3 2026"


def test_eerdere_huidige_planning_heeft_geen_reden_nodig(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    wijzig(register, m.code, planning_huidig="Q2 2026")
    terug = lees(register, m.code)
    assert terug.planning_huidig.tekst == "Q2 2026"
    assert terug.planning_oorspronkelijk.tekst == "Q3 2026"


def test_huidige_planning_wissen_laat_de_oorspronkelijke_staan(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    wijzig(register, m.code, planning_huidig=None)
    terug = lees(register, m.code)
    assert terug.planning_huidig is None
    assert terug.planning_oorspronkelijk.tekst == "Q3 2026"


@pytest.mark.parametrize("andere", ["Q4 2026", "Q1 2026", None, ""])
def test_oorspronkelijke_planning_wijzigen_wordt_geweigerd(register, andere):
    m = nieuw(register, planning_huidig="Q3 2026")
    with pytest.raises(ValidatieFout, match="oorspronkelijke planning") as fout:
        wijzig(register, m.code, planning_oorspronkelijk=andere)
    assert fout.value.veld == "planning_oorspronkelijk"
    terug = lees(register, m.code)
    assert terug.planning_oorspronkelijk.tekst == "Q3 2026"
    assert terug.versie == m.versie


def test_oorspronkelijke_planning_mag_worden_gezet_zolang_er_geen_is(register):
    m = nieuw(register, planning_oorspronkelijk="2026", planning_huidig="2026")
    assert lees(register, m.code).planning_oorspronkelijk.tekst == "2026"
    m2 = nieuw(register)
    wijzig(register, m2.code, planning_oorspronkelijk="medio 2026")
    assert lees(register, m2.code).planning_oorspronkelijk.tekst == "medio 2026"


def test_onleesbare_planning_wordt_geweigerd_met_een_melding(register):
    with pytest.raises(ValidatieFout, match="Huidige planning") as fout:
        nieuw(register, planning_huidig="ooit")
    assert fout.value.veld == "planning_huidig"
    assert aantal(register) == 0


def test_herplannen_komt_in_het_wijzigingslog_met_oud_en_nieuw(register):
    m = nieuw(register, planning_huidig="Q3 2026")
    wijzig(register, m.code, gebruiker="bram", planning_huidig="Q1 2027", vertraging_reden="wetgeving")
    rijen = {r.veld: r for r in log(register, m.code) if r.gebruiker == "bram"}
    assert (rijen["planning_huidig"].oud, rijen["planning_huidig"].nieuw) == ("Q3 2026", "Q1 2027")
    assert (rijen["vertraging_reden"].oud, rijen["vertraging_reden"].nieuw) == (None, "wetgeving")
    assert "planning_oorspronkelijk" not in rijen


# --- IV: tri-state --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("waarde", [True, False, None])
@pytest.mark.parametrize("veld", ["iv_afhankelijk", "iv_blokkade", "wetswijziging"])
def test_ja_nee_onbekend_wordt_exact_bewaard(register, veld, waarde):
    m = nieuw(register, **{veld: waarde})
    assert getattr(lees(register, m.code), veld) is waarde
    # editing another field leaves it as it was: unknown never becomes "no"
    wijzig(register, m.code, naam="Andere naam")
    assert getattr(lees(register, m.code), veld) is waarde


def test_iv_velden_zijn_standaard_onbekend(register):
    m = lees(register, nieuw(register).code)
    assert (m.iv_afhankelijk, m.iv_blokkade, m.wetswijziging) == (None, None, None)


def test_iv_terug_naar_onbekend(register):
    m = nieuw(register, iv_afhankelijk=True, iv_blokkade=False)
    wijzig(register, m.code, iv_afhankelijk=None, iv_blokkade=None)
    terug = lees(register, m.code)
    assert terug.iv_afhankelijk is None
    assert terug.iv_blokkade is None


@pytest.mark.parametrize("waarde", ["ja", "nee", 1, 0, "onbekend"])
def test_ja_nee_veld_neemt_alleen_ja_nee_of_onbekend(register, waarde):
    with pytest.raises(ValidatieFout, match="IV-blokkade"):
        nieuw(register, iv_blokkade=waarde)
    assert aantal(register) == 0


def test_iv_gegevens_worden_bewaard(register):
    m = nieuw(register, iv_afhankelijk=True, iv_blokkade=True, iv_keten="Innen en Betalen",
              iv_blokkade_soort="modernisering", iv_toelichting="Pas na modernisering van het systeem.",
              iv_verwacht="2028", iv_portfolio="PF-123")
    terug = lees(register, m.code)
    assert terug.iv_keten == "Innen en Betalen"
    assert terug.iv_blokkade_soort == "techniek"
    assert terug.iv_toelichting == "Pas na modernisering van het systeem."
    assert terug.iv_verwacht.tekst == "2028"
    assert terug.iv_portfolio == "PF-123"


# --- archiving ------------------------------------------------------------------------------------------------------

def test_archiveren_en_terugzetten(register):
    m = nieuw(register, naam="Te archiveren", eigenaar="Team Inning", toeslagen=["HT"])
    with register.werk() as s:
        gearchiveerd = archiveer(s, m.code, "bram", m.versie)
    assert gearchiveerd.gearchiveerd is True
    terug = lees(register, m.code)
    assert terug.gearchiveerd is True
    assert (terug.naam, terug.eigenaar, terug.toeslagen) == ("Te archiveren", "Team Inning", ("HT",))

    with register.werk() as s:
        archiveer(s, m.code, "carla", terug.versie, gearchiveerd=False)
    terug = lees(register, m.code)
    assert terug.gearchiveerd is False
    assert terug.versie == m.versie + 2

    rijen = [(r.gebruiker, r.oud, r.nieuw) for r in log(register, m.code) if r.veld == "gearchiveerd"]
    assert rijen == [("bram", "nee", "ja"), ("carla", "ja", "nee")]


def test_archiveren_met_verouderde_versie_wordt_geweigerd(register):
    m = nieuw(register)
    wijzig(register, m.code, gebruiker="bram", eigenaar="Team B")
    with pytest.raises(ConflictFout, match="bram"), register.werk() as s:
        archiveer(s, m.code, "anna", m.versie)
    assert lees(register, m.code).gearchiveerd is False


# --- exact text -----------------------------------------------------------------------------------------------------

LASTIGE_NAAM = '<keten> & "S&P" 0.1 <A <0.9'
LASTIGE_TEKST = "Emoji 😀👍🏽🇳🇱 ‘quotes’ “dubbel” <b>geen markup</b> &amp; \n\tregel ✓ ● ✗ € ë"


def test_tekst_met_markup_emoji_en_twintigduizend_tekens_komt_exact_terug(register):
    lang = (LASTIGE_TEKST + " ") * (20_000 // (len(LASTIGE_TEKST) + 1))
    lang = lang + "x" * (20_000 - len(lang))
    assert len(lang) == 20_000
    m = nieuw(register, naam=LASTIGE_NAAM, omschrijving=lang, doel=LASTIGE_TEKST, eigenaar="Team <IV> & co",
              partners='UWV, CJIB & "gemeenten"')
    terug = lees(register, m.code)
    assert terug.naam == LASTIGE_NAAM
    assert terug.omschrijving == lang
    assert terug.doel == LASTIGE_TEKST
    assert terug.eigenaar == "Team <IV> & co"
    assert terug.partners == 'UWV, CJIB & "gemeenten"'


def test_tekst_met_voor_en_achterspaties_in_omschrijving_blijft_exact(register):
    tekst = "  ingesprongen\n\n  tweede alinea  "
    m = nieuw(register, omschrijving=tekst)
    assert lees(register, m.code).omschrijving == tekst


def test_tekst_van_honderdduizend_tekens_mag_langer_wordt_geweigerd(register):
    m = nieuw(register, omschrijving="😀" * 100_000)
    assert lees(register, m.code).omschrijving == "😀" * 100_000
    with pytest.raises(ValidatieFout, match="te lang"):
        wijzig(register, m.code, omschrijving="a" * 100_001)
    assert lees(register, m.code).omschrijving == "😀" * 100_000


# --- change log -----------------------------------------------------------------------------------------------------

def test_aanmaken_komt_in_het_wijzigingslog(register):
    m = nieuw(register, gebruiker="anna", naam="Vroeg signaleren", eigenaar="Team A", toeslagen=["HT", "ZT"])
    rijen = {r.veld: r for r in log(register, m.code)}
    assert rijen["code"].nieuw == m.code
    assert rijen["naam"].nieuw == "Vroeg signaleren"
    assert rijen["eigenaar"].nieuw == "Team A"
    assert rijen["toeslagen"].nieuw == "HT, ZT"
    assert rijen["domein"].nieuw == "TV"
    assert all(r.gebruiker == "anna" and r.oud is None and r.entiteit == "maatregel" for r in rijen.values())


def test_elke_wijziging_komt_in_het_wijzigingslog_met_wie_oud_en_nieuw(register):
    m = nieuw(register, naam="Oude naam", eigenaar="Team A", iv_blokkade=None)
    voor = len(log(register, m.code))
    wijzig(register, m.code, gebruiker="bram", naam="Nieuwe naam", eigenaar="Team A", iv_blokkade=True)
    nieuwe = log(register, m.code)[voor:]
    assert {(r.veld, r.oud, r.nieuw, r.gebruiker) for r in nieuwe} == {
        ("naam", "Oude naam", "Nieuwe naam", "bram"),
        ("iv_blokkade", None, "ja", "bram"),
    }  # the unchanged owner is not logged
    assert {r.versie for r in nieuwe} == {m.versie + 1}

    wijzig(register, m.code, gebruiker="carla", iv_blokkade=False, toeslagen=["KOT"])
    nieuwste = {r.veld: r for r in log(register, m.code)[voor + len(nieuwe):]}
    assert (nieuwste["iv_blokkade"].oud, nieuwste["iv_blokkade"].nieuw) == ("ja", "nee")
    assert not nieuwste["toeslagen"].oud  # no toeslagen before
    assert nieuwste["toeslagen"].nieuw == "KOT"
    assert all(r.gebruiker == "carla" for r in nieuwste.values())


def test_wijzigen_zonder_verschil_schrijft_geen_logregel(register):
    m = nieuw(register, naam="Zelfde")
    voor = log(register, m.code)
    wijzig(register, m.code, naam="Zelfde")
    assert log(register, m.code) == voor


# --- concurrency ----------------------------------------------------------------------------------------------------

def test_opslaan_met_verouderde_versie_geeft_conflict_met_veld_en_wie_en_schrijft_niets(register):
    m = nieuw(register, naam="Origineel", eigenaar="Team A")
    gelezen = m.versie  # anna reads ...
    wijzig(register, m.code, gebruiker="bram", eigenaar="Team B")  # ... bram saves first
    log_voor = log(register, m.code)

    with pytest.raises(ConflictFout) as fout:
        wijzig(register, m.code, gebruiker="anna", versie=gelezen, naam="Anna's naam")
    melding = str(fout.value)
    assert "eigenaar" in melding
    assert "bram" in melding
    assert "Team B" in melding
    assert [(w.veld, w.gebruiker, w.oud, w.nieuw) for w in fout.value.wijzigingen] == [
        ("eigenaar", "bram", "Team A", "Team B")]

    terug = lees(register, m.code)
    assert terug.naam == "Origineel"
    assert terug.eigenaar == "Team B"
    assert terug.versie == gelezen + 1
    assert log(register, m.code) == log_voor


def test_opslaan_met_de_actuele_versie_verhoogt_de_versie(register):
    m = nieuw(register)
    na = wijzig(register, m.code, versie=m.versie, naam="Nieuw")
    assert na.versie == m.versie + 1
    assert wijzig(register, m.code, versie=na.versie, naam="Nieuwer").versie == m.versie + 2


def test_onbekend_veld_of_onbekende_maatregel_wordt_geweigerd(register):
    m = nieuw(register)
    with pytest.raises(ValidatieFout, match="Onbekende velden"):
        wijzig(register, m.code, kleur="rood")
    assert lees(register, m.code).versie == m.versie
    with pytest.raises(NietGevonden, match="TV-77"):
        lees(register, "TV-77")
    with pytest.raises(NietGevonden), register.werk() as s:
        wijzig_maatregel(s, "TV-77", {"naam": "x"}, "anna", 1)


@pytest.fixture
def nederlandse_tijdzone():
    """The process runs in Dutch local time (Europe/Amsterdam), as on the users' desktops."""
    import os
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset bestaat alleen op Unix")
    vorige = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    yield
    if vorige is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = vorige
    time.tzset()


def test_conflictmelding_noemt_het_tijdstip_van_de_andere_wijziging_in_lokale_tijd(register, nederlandse_tijdzone):
    import re
    from datetime import datetime, timedelta

    m = nieuw(register)
    voor = datetime.now()  # local (Dutch) wall-clock time
    wijzig(register, m.code, gebruiker="bram", eigenaar="Team B")
    na = datetime.now()
    with pytest.raises(ConflictFout) as fout:
        wijzig(register, m.code, gebruiker="anna", versie=m.versie, naam="Nieuw")
    getoond = datetime.strptime(re.search(r"door bram, (\d\d-\d\d-\d{4} \d\d:\d\d)\)", str(fout.value)).group(1),
                                "%d-%m-%Y %H:%M")
    assert voor.replace(second=0, microsecond=0) <= getoond <= na + timedelta(minutes=1), str(fout.value)


def test_dupliceren_kopieert_de_inhoud_maar_niet_status_historie_of_oorspronkelijke_planning(register):
    from registry.maatregel import dupliceer
    from registry.status import historie, wijzig_status

    with register.werk() as s:
        maak_maatregel(s, {"naam": "Strategie", "domein": "IN"}, "tester")
        maak_maatregel(s, {"naam": "Betalingsregeling", "domein": "IN", "ouder": "IN-01", "omschrijving": "Looptijd",
                           "toeslagen": ("HT", "ZT"), "iv_afhankelijk": True, "planning_huidig": "Q1 2026"}, "tester")
        m = wijzig_maatregel(s, "IN-02", {"vertraging_reden": "iv_capaciteit", "planning_huidig": "Q4 2026"},
                             "tester", 1)
        wijzig_status(s, "IN-02", "deels", "Pilot gestart", "tester", m.versie)
    with register.werk() as s:
        kopie = dupliceer(s, "IN-02", "tester")
        regels = historie(s, kopie.code)
    assert kopie.code == "IN-03"
    assert kopie.naam == "Kopie van Betalingsregeling"
    assert (kopie.ouder, kopie.omschrijving, kopie.toeslagen, kopie.iv_afhankelijk) == \
        ("IN-01", "Looptijd", ("HT", "ZT"), True)
    assert kopie.status == "niet" and len(regels) == 1 and "IN-02" in regels[0].toelichting
    assert kopie.planning_huidig.tekst == "Q4 2026"
    assert kopie.planning_oorspronkelijk.tekst == "Q4 2026"  # the copy's own first target, not IN-02's Q1 2026


@pytest.mark.parametrize("weken, tekst", [(None, ""), (12.0, "12"), (2.5, "2,5"), (1250.0, "1250"), (0.125, "0,125"),
                                          (0.0, "0"), (10_000.0, "10000")])
def test_weken_als_tekst_leest_terug_als_dezelfde_weken(weken, tekst):
    from registry.maatregel import controleer_weken, weken_als_tekst

    assert weken_als_tekst(weken) == tekst
    assert controleer_weken(tekst, "iv_weken", "IV-weken") == weken  # no rounding, no thousands separator


def test_een_getal_met_duizendtallen_is_dubbelzinnig_en_wordt_geweigerd(register):
    with register.werk() as s:
        maak_maatregel(s, {"naam": "Weken", "domein": "TV"}, "anna", code="TV-01")
    with pytest.raises(ValidatieFout, match="“1.250” is dubbelzinnig: schrijf 1250 of 1,25.") as fout:
        with register.werk() as s:
            wijzig_maatregel(s, "TV-01", {"iv_weken": "1.250"}, "anna", 1)
    assert fout.value.veld == "iv_weken"
    with register.sessie() as s:
        assert haal_maatregel(s, "TV-01").iv_weken is None

