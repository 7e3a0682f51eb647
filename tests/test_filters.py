"""The register's filters (brief §5): every filter alone and in combination, on SQLite and PostgreSQL.

The register below is built through the use cases, as a user would fill it. Each row of MAATREGELEN is one measure;
the expected results in the tests are read off this table, so keep the two in step.
"""

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.export_json import register_als_json
from registry.filters import Filter, zoek_ids, zoek_maatregelen
from registry.fouten import ValidatieFout
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel, wijzig_maatregel

GEBRUIKER = "tester"
#: The peildatum for `planning_verstreken`, fixed so the tests do not age.
PEILDATUM = date(2026, 1, 1)

# code, domain, status, fase, iv_afhankelijk, iv_blokkade, iv_keten, toeslagen, eigenaar, naam, omschrijving, planning
# Created in this (deliberately not sorted) order: results must still come in code order.
MAATREGELEN = [
    ("TV-02", "TV", "deels", "pilot", True, True, "Toeslagen Verstrekken", ["KOT"], "Directie Beleid",
     "Maandelijkse inkomensinschatting <beter>", "Terugvordering & naheffing voorkomen", "Q3 2024"),
    ("IN-01", "IN", "deels", "implementatie", True, True, "Innen en Betalen", ["HT", "ZT", "KOT", "KGB"],
     "Team Invórdering", "Persoonlijke betalingsregeling", "Maatwerk bij invordering, 100% dekking", "2024-H1"),
    ("BU-02", "BU", "niet", "gestopt", None, None, None, [], "Beleidsteam Élan",
     "Vereenvoudiging van regels", "Minder regels, minder fouten", None),
    ("TV-01", "TV", "ingevoerd", "staand", True, False, "Innen en Betalen", ["HT", "ZT"], "Team Terugvordering",
     "Vooraf controleren van inkomensgegevens", "Burgers krijgen een signaal bij een grote afwijking", "2024"),
    ("NG-01", "NG", "niet", "beleidsvorming", True, None, "Gegevensuitwisseling", ["ZT"], "Programma Niet-gebruik",
     "Proactief toekennen", "Gegevens uit de Basisregistratie Personen gebruiken", "december 2026"),
    ("DC-02", "DC", "niet", "on_hold", True, True, "Innen en Betalen", [], "Team Communicatie & Dienstverlening",
     "Brieven in begrijpelijke taal", "Taalniveau B1 voor alle brieven", "Q1 2025"),
    ("IN-02", "IN", "ingevoerd", "staand", False, False, "Invordering Systemen", ["HT"], "team invordering Noord",
     "Kwijtschelding_kleine schulden", "Kleine schulden worden niet meer ingevorderd", "2023"),
    ("NG-02", "NG", "deels", "opschaling", False, None, None, ["KGB", "ZT"], "Communicatie",
     "Campagne \"Check je recht\"", "Voorlichting; 50% meer bereik", None),
    ("DC-01", "DC", "ingevoerd", "staand", None, False, None, ["HT"], "Klantcontact Oost",
     "Bel-me-terug / chat", "Klantcontact <i>verbeteren</i> & sneller", "30-06-2025"),
    ("TV-03", "TV", "niet", "idee", None, None, None, [], None,
     "Één loket voor terugbetaling", None, "eind 2030"),
    ("BU-01", "BU", "deels", "voorbereiding", False, False, None, ["KOT"], "Directie Beleid",
     "Harde knip in wetgeving", "Wetswijziging nodig", None),
    # Archived: left out unless met_gearchiveerd.
    ("BU-03", "BU", "niet", "idee", True, True, "Innen en Betalen", ["HT"], "Team Invórdering",
     "Oude verbeteraanpak", "Vervangen door IN-01", "2024"),
]
GEARCHIVEERD = {"BU-03"}
ACTIEF = sorted(m[0] for m in MAATREGELEN if m[0] not in GEARCHIVEERD)


def bouw_register(reg) -> None:
    """Fill `reg` with MAATREGELEN through the use cases (BU-02 is a sub-measure of BU-01; BU-03 is archived)."""
    with reg.werk() as s:
        for (code, domein, status, fase, iv_af, iv_bl, keten, toeslagen, eigenaar, naam, omschrijving,
             planning) in MAATREGELEN:
            velden = {"domein": domein, "naam": naam, "omschrijving": omschrijving, "eigenaar": eigenaar,
                      "iv_afhankelijk": iv_af, "iv_blokkade": iv_bl, "iv_keten": keten, "toeslagen": toeslagen,
                      "planning_huidig": planning}
            maak_maatregel(s, velden, GEBRUIKER, code=code, status=status, fase=fase)
    with reg.werk() as s:  # BU-02 was created before BU-01: link it now
        bu02 = haal_maatregel(s, "BU-02")
        wijzig_maatregel(s, "BU-02", {"ouder": "BU-01"}, GEBRUIKER, bu02.versie)
        for code in GEARCHIVEERD:
            archiveer(s, code, GEBRUIKER, haal_maatregel(s, code).versie)


@pytest.fixture
def gevuld(register):
    bouw_register(register)
    return register


def codes(reg, **filter_velden) -> list[str]:
    with reg.sessie() as s:
        return [r.code for r in zoek_maatregelen(s, Filter(**filter_velden))]


# --- no filter, order, archive --------------------------------------------------------------------------------------

def test_without_filter_all_active_measures_come_in_code_order(gevuld):
    assert codes(gevuld) == ACTIEF


def test_zoek_ids_returns_the_same_measures_in_the_same_order_as_zoek_maatregelen(gevuld):
    f = Filter(statussen=("deels", "niet"))
    with gevuld.sessie() as s:
        assert zoek_ids(s, f) == [r.id for r in zoek_maatregelen(s, f)]
        assert zoek_ids(s) == [r.id for r in zoek_maatregelen(s)]


def test_archived_measures_are_left_out_by_default(gevuld):
    assert "BU-03" not in codes(gevuld)
    assert codes(gevuld, eigenaar="invordering") == ["IN-01", "IN-02"]


def test_archived_measures_are_included_with_met_gearchiveerd(gevuld):
    assert codes(gevuld, met_gearchiveerd=True) == sorted(m[0] for m in MAATREGELEN)
    assert codes(gevuld, eigenaar="invordering", met_gearchiveerd=True) == ["BU-03", "IN-01", "IN-02"]


def test_archived_rows_say_they_are_archived(gevuld):
    with gevuld.sessie() as s:
        rijen = {r.code: r for r in zoek_maatregelen(s, Filter(met_gearchiveerd=True))}
    assert {c for c, r in rijen.items() if r.gearchiveerd} == GEARCHIVEERD


def test_an_empty_register_gives_no_rows(register):
    assert codes(register) == []
    assert codes(register, domeinen=("TV",), zoek="iets") == []


# --- domein ---------------------------------------------------------------------------------------------------------

def test_domain_filter_accepts_code_prefix_short_name_or_full_name_in_any_case(gevuld):
    for domein in ("TV", "tv", "Terugvorderingen", "TERUGVORDERINGEN", "terugvorderingen",
                   "Voorkomen en verlagen van (hoge) terugvorderingen",
                   "voorkomen en verlagen van (HOGE) terugvorderingen"):
        assert codes(gevuld, domeinen=(domein,)) == ["TV-01", "TV-02", "TV-03"], domein


def test_domain_filter_by_short_name_with_a_hyphen(gevuld):
    assert codes(gevuld, domeinen=("Niet-gebruik",)) == ["NG-01", "NG-02"]


def test_domain_filter_by_full_name_of_another_domain(gevuld):
    assert codes(gevuld, domeinen=("Verbeteringen in beleid en uitvoering",)) == ["BU-01", "BU-02"]


def test_repeated_domain_filters_are_or_ed(gevuld):
    assert codes(gevuld, domeinen=("IN", "Dienstverlening")) == ["DC-01", "DC-02", "IN-01", "IN-02"]


def test_the_same_domain_named_twice_gives_each_measure_once(gevuld):
    assert codes(gevuld, domeinen=("TV", "Terugvorderingen")) == ["TV-01", "TV-02", "TV-03"]


def test_domain_filter_does_not_match_on_the_secondary_text_of_other_domains(gevuld):
    # "IN" is the code of Invordering, not a substring search over all domains.
    assert codes(gevuld, domeinen=("IN",)) == ["IN-01", "IN-02"]


def test_an_unknown_domain_is_refused_with_a_dutch_message(gevuld):
    for domein in ("XX", "Terugvordering", "", "T"):
        with gevuld.sessie() as s, pytest.raises(ValidatieFout) as fout:
            zoek_ids(s, Filter(domeinen=(domein,)))
        assert "Onbekend domein" in fout.value.melding
        assert "Kies uit" in fout.value.melding


# --- status ---------------------------------------------------------------------------------------------------------

def test_status_filter_accepts_code_label_or_symbol(gevuld):
    verwacht = {"ingevoerd": ["DC-01", "IN-02", "TV-01"], "deels": ["BU-01", "IN-01", "NG-02", "TV-02"],
                "niet": ["BU-02", "DC-02", "NG-01", "TV-03"]}
    for status, vormen in {"ingevoerd": ("ingevoerd", "Ingevoerd", "INGEVOERD", "✓"),
                           "deels": ("deels", "Deels", "●"),
                           "niet": ("niet", "Niet ingevoerd", "niet ingevoerd", "✗")}.items():
        for vorm in vormen:
            assert codes(gevuld, statussen=(vorm,)) == verwacht[status], vorm


def test_repeated_status_filters_are_or_ed(gevuld):
    assert codes(gevuld, statussen=("ingevoerd", "●")) == [
        "BU-01", "DC-01", "IN-01", "IN-02", "NG-02", "TV-01", "TV-02"]


def test_all_three_statuses_together_give_every_active_measure(gevuld):
    assert codes(gevuld, statussen=("✓", "●", "✗")) == ACTIEF


def test_an_unknown_status_is_refused_with_a_dutch_message(gevuld):
    for status in ("klaar", "bezig", "x", "ingevoerdd"):
        with gevuld.sessie() as s, pytest.raises(ValidatieFout) as fout:
            zoek_ids(s, Filter(statussen=(status,)))
        assert "Onbekende status" in fout.value.melding
        assert "ingevoerd, deels, niet" in fout.value.melding


# --- fase -----------------------------------------------------------------------------------------------------------

def test_fase_filter_accepts_code_label_or_synonym(gevuld):
    for fase, verwacht in [
        ("staand", ["DC-01", "IN-02", "TV-01"]),
        ("Staande praktijk", ["DC-01", "IN-02", "TV-01"]),
        ("pilot", ["TV-02"]),
        ("PILOT", ["TV-02"]),
        ("on_hold", ["DC-02"]),
        ("On hold", ["DC-02"]),
        ("aangehouden", ["DC-02"]),
        ("implementatiefase", ["IN-01"]),
        ("gestopt", ["BU-02"]),
        ("beëindigd", ["BU-02"]),
        ("idee", ["TV-03"]),
    ]:
        assert codes(gevuld, fasen=(fase,)) == verwacht, fase


def test_repeated_fase_filters_are_or_ed(gevuld):
    assert codes(gevuld, fasen=("pilot", "opschaling", "idee")) == ["NG-02", "TV-02", "TV-03"]


def test_an_unknown_fase_is_refused_with_a_dutch_message(gevuld):
    with gevuld.sessie() as s, pytest.raises(ValidatieFout) as fout:
        zoek_ids(s, Filter(fasen=("ontwerp",)))
    assert "Onbekende fase" in fout.value.melding
    assert "Toegestaan" in fout.value.melding


# --- IV -------------------------------------------------------------------------------------------------------------

def test_iv_blokkade_filter_keeps_only_measures_known_to_be_blocked(gevuld):
    # NG-01, NG-02, BU-02 and TV-03 have an unknown blockade: unknown is not blocked.
    assert codes(gevuld, iv_blokkade=True) == ["DC-02", "IN-01", "TV-02"]


def test_iv_afhankelijk_filter_keeps_only_measures_known_to_depend_on_iv(gevuld):
    # DC-01, BU-02 and TV-03 are unknown; IN-02, NG-02 and BU-01 do not depend on IV.
    assert codes(gevuld, iv_afhankelijk=True) == ["DC-02", "IN-01", "NG-01", "TV-01", "TV-02"]


def test_iv_blokkade_and_iv_afhankelijk_together_are_and_ed(gevuld):
    assert codes(gevuld, iv_blokkade=True, iv_afhankelijk=True) == ["DC-02", "IN-01", "TV-02"]


def test_iv_blokkade_false_means_no_filter_rather_than_not_blocked(gevuld):
    assert codes(gevuld, iv_blokkade=False, iv_afhankelijk=False) == ACTIEF


def test_iv_chain_filter_is_a_case_and_accent_insensitive_substring_match(gevuld):
    for keten in ("Innen en Betalen", "innen en betalen", "INNEN EN BETALEN", "Innen én Betalen", "en betal",
                  "betalen"):
        assert codes(gevuld, iv_keten=keten) == ["DC-02", "IN-01", "TV-01"], keten


def test_iv_chain_filter_matches_substrings_inside_words(gevuld):
    assert codes(gevuld, iv_keten="verstrek") == ["TV-02"]
    assert codes(gevuld, iv_keten="uitwissel") == ["NG-01"]


def test_iv_chain_filter_without_a_match_gives_nothing(gevuld):
    assert codes(gevuld, iv_keten="Zorgverzekeraars") == []


def test_iv_chain_filter_leaves_out_measures_without_a_chain(gevuld):
    assert codes(gevuld, iv_keten="e") == ["DC-02", "IN-01", "IN-02", "NG-01", "TV-01", "TV-02"]


# --- toeslag --------------------------------------------------------------------------------------------------------

def test_toeslag_filter_accepts_code_or_name(gevuld):
    for toeslag in ("HT", "ht", "Huurtoeslag", "huurtoeslag", "HUURTOESLAG"):
        assert codes(gevuld, toeslagen=(toeslag,)) == ["DC-01", "IN-01", "IN-02", "TV-01"], toeslag


def test_toeslag_filter_by_a_name_of_several_words(gevuld):
    assert codes(gevuld, toeslagen=("Kindgebonden budget",)) == ["IN-01", "NG-02"]


def test_repeated_toeslag_filters_are_or_ed(gevuld):
    assert codes(gevuld, toeslagen=("HT", "Kinderopvangtoeslag")) == [
        "BU-01", "DC-01", "IN-01", "IN-02", "TV-01", "TV-02"]


def test_a_measure_with_several_matching_toeslagen_comes_once(gevuld):
    assert codes(gevuld, toeslagen=("HT", "ZT", "KOT", "KGB")).count("IN-01") == 1


def test_an_unknown_toeslag_is_refused_with_a_dutch_message(gevuld):
    for toeslag in ("AOW", "Huur", "toeslag"):
        with gevuld.sessie() as s, pytest.raises(ValidatieFout) as fout:
            zoek_ids(s, Filter(toeslagen=(toeslag,)))
        assert "Onbekende toeslag" in fout.value.melding
        assert "Kies uit" in fout.value.melding


# --- eigenaar -------------------------------------------------------------------------------------------------------

def test_owner_filter_is_an_accent_and_case_insensitive_substring_match(gevuld):
    # "Team Invórdering" and "team invordering Noord".
    for eigenaar in ("invordering", "Invórdering", "INVORDERING", "team invord"):
        assert codes(gevuld, eigenaar=eigenaar) == ["IN-01", "IN-02"], eigenaar


def test_owner_filter_finds_an_accented_owner_with_a_plain_query_and_vice_versa(gevuld):
    assert codes(gevuld, eigenaar="elan") == ["BU-02"]
    assert codes(gevuld, eigenaar="ÉLAN") == ["BU-02"]


def test_owner_filter_leaves_out_measures_without_owner(gevuld):
    assert "TV-03" not in codes(gevuld, eigenaar="e")


def test_owner_filter_treats_an_ampersand_as_plain_text(gevuld):
    assert codes(gevuld, eigenaar="Communicatie & Dienst") == ["DC-02"]


# --- zoek -----------------------------------------------------------------------------------------------------------

def test_search_finds_a_measure_by_its_code(gevuld):
    assert codes(gevuld, zoek="TV-02") == ["TV-02"]


def test_search_finds_by_name_case_insensitively(gevuld):
    assert codes(gevuld, zoek="PROACTIEF") == ["NG-01"]


def test_search_finds_by_description(gevuld):
    assert codes(gevuld, zoek="Basisregistratie") == ["NG-01"]


def test_search_is_accent_insensitive_both_ways(gevuld):
    assert codes(gevuld, zoek="een loket") == ["TV-03"]
    assert codes(gevuld, zoek="Één LOKET") == ["TV-03"]
    assert codes(gevuld, zoek="brïeven") == ["DC-02"]


def test_search_matches_substrings_inside_words(gevuld):
    assert codes(gevuld, zoek="inkomens") == ["TV-01", "TV-02"]


def test_search_words_must_all_occur(gevuld):
    assert codes(gevuld, zoek="brieven taal") == ["DC-02"]
    assert codes(gevuld, zoek="taal brieven") == ["DC-02"]
    assert codes(gevuld, zoek="brieven inkomens") == []


def test_search_words_may_occur_in_different_fields(gevuld):
    # "DC-02" is the code, "begrijpelijke" in the name, "B1" in the description.
    assert codes(gevuld, zoek="dc-02 begrijpelijke b1") == ["DC-02"]


def test_search_finds_markup_characters_as_typed(gevuld):
    assert codes(gevuld, zoek="<beter>") == ["TV-02"]
    assert codes(gevuld, zoek="<i>verbeteren</i>") == ["DC-01"]
    assert codes(gevuld, zoek="&") == ["DC-01", "TV-02"]
    assert codes(gevuld, zoek='"check') == ["NG-02"]


def test_search_treats_percent_literally(gevuld):
    assert codes(gevuld, zoek="%") == ["IN-01", "NG-02"]
    assert codes(gevuld, zoek="50%") == ["NG-02"]
    assert codes(gevuld, zoek="100%") == ["IN-01"]


def test_search_treats_underscore_literally(gevuld):
    assert codes(gevuld, zoek="_") == ["IN-02"]
    assert codes(gevuld, zoek="kwijtschelding_kleine") == ["IN-02"]
    # As a wildcard "_" would also match the space in "Persoonlijke betalingsregeling".
    assert codes(gevuld, zoek="persoonlijke_betalings") == []


def test_search_treats_slash_and_backslash_literally(gevuld):
    assert codes(gevuld, zoek="/") == ["DC-01"]
    assert codes(gevuld, zoek="\\") == []


def test_search_with_only_blanks_is_no_filter(gevuld):
    assert codes(gevuld, zoek="   ") == ACTIEF
    assert codes(gevuld, zoek="") == ACTIEF


def test_search_without_a_match_gives_nothing(gevuld):
    assert codes(gevuld, zoek="zorgverzekeraar") == []


# --- planning -------------------------------------------------------------------------------------------------------

def test_planning_verstreken_keeps_measures_whose_current_target_passed_and_that_are_not_ingevoerd(gevuld):
    # IN-02 ("2023") and TV-01 ("2024") have passed targets but are ingevoerd; BU-03 is archived.
    assert codes(gevuld, planning_verstreken=True, peildatum=PEILDATUM) == ["DC-02", "IN-01", "TV-02"]


def test_planning_verstreken_counts_a_target_as_passed_only_after_its_last_day(gevuld):
    # "Q1 2025" ends on 31 March 2025: on that day it has not passed yet.
    assert "DC-02" not in codes(gevuld, planning_verstreken=True, peildatum=date(2025, 3, 31))
    assert "DC-02" in codes(gevuld, planning_verstreken=True, peildatum=date(2025, 4, 1))


def test_planning_verstreken_leaves_out_measures_without_a_target(gevuld):
    verstreken = codes(gevuld, planning_verstreken=True, peildatum=date(2100, 1, 1))
    assert verstreken == ["DC-02", "IN-01", "NG-01", "TV-02", "TV-03"]


def test_planning_verstreken_includes_archived_measures_only_with_met_gearchiveerd(gevuld):
    assert codes(gevuld, planning_verstreken=True, peildatum=PEILDATUM, met_gearchiveerd=True) == [
        "BU-03", "DC-02", "IN-01", "TV-02"]


# --- combinations ---------------------------------------------------------------------------------------------------

def test_domain_and_iv_blokkade_are_and_ed(gevuld):
    assert codes(gevuld, domeinen=("IN",), iv_blokkade=True) == ["IN-01"]


def test_status_and_toeslag_are_and_ed(gevuld):
    assert codes(gevuld, statussen=("deels",), toeslagen=("ZT",)) == ["IN-01", "NG-02"]


def test_repeated_values_are_or_ed_within_a_kind_and_and_ed_across_kinds(gevuld):
    assert codes(gevuld, domeinen=("TV", "DC"), statussen=("niet", "deels")) == ["DC-02", "TV-02", "TV-03"]


def test_iv_chain_owner_and_search_are_and_ed(gevuld):
    assert codes(gevuld, iv_keten="innen", eigenaar="invordering", zoek="betalingsregeling") == ["IN-01"]
    assert codes(gevuld, iv_keten="innen", eigenaar="terugvordering") == ["TV-01"]
    assert codes(gevuld, iv_keten="innen", eigenaar="terugvordering", zoek="brieven") == []


def test_fase_and_iv_afhankelijk_and_toeslag_are_and_ed(gevuld):
    assert codes(gevuld, fasen=("staand", "pilot"), iv_afhankelijk=True, toeslagen=("HT", "KOT")) == [
        "TV-01", "TV-02"]


def test_all_filters_at_once(gevuld):
    assert codes(gevuld, domeinen=("Invordering", "TV"), statussen=("●",), fasen=("implementatie",),
                 iv_blokkade=True, iv_afhankelijk=True, iv_keten="BETALEN", toeslagen=("Huurtoeslag",),
                 eigenaar="invórdering", zoek="maatwerk 100%", planning_verstreken=True,
                 peildatum=PEILDATUM) == ["IN-01"]


def test_a_combination_with_an_archived_measure_needs_met_gearchiveerd(gevuld):
    assert codes(gevuld, domeinen=("BU",), iv_blokkade=True) == []
    assert codes(gevuld, domeinen=("BU",), iv_blokkade=True, met_gearchiveerd=True) == ["BU-03"]


def test_an_unknown_value_is_refused_even_next_to_valid_ones(gevuld):
    with gevuld.sessie() as s, pytest.raises(ValidatieFout):
        zoek_ids(s, Filter(domeinen=("TV", "XX"), statussen=("deels",)))
    with gevuld.sessie() as s, pytest.raises(ValidatieFout):
        zoek_ids(s, Filter(statussen=("deels", "klaar")))


def test_filters_do_not_change_the_register(gevuld):
    voor = codes(gevuld, met_gearchiveerd=True)
    with gevuld.sessie() as s, pytest.raises(ValidatieFout):
        zoek_ids(s, Filter(domeinen=("XX",)))
    codes(gevuld, zoek="%", iv_blokkade=True)
    assert codes(gevuld, met_gearchiveerd=True) == voor


# --- property: SQL filter == a pure-Python reading of the JSON export ------------------------------------------------

def _plat(tekst: str | None) -> str:
    """Reference normal form, written independently: no accents, case folded."""
    if not tekst:
        return ""
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)).casefold()


DOMEIN_NAMEN = {"TV": "Terugvorderingen", "IN": "Invordering", "NG": "Niet-gebruik", "DC": "Dienstverlening",
                "BU": "Beleid en uitvoering"}
STATUS_VORMEN = {"ingevoerd": ["ingevoerd", "Ingevoerd", "✓"], "deels": ["deels", "Deels", "●"],
                 "niet": ["niet", "Niet ingevoerd", "✗"]}
TOESLAG_NAMEN = {"HT": "Huurtoeslag", "ZT": "Zorgtoeslag", "KOT": "Kinderopvangtoeslag", "KGB": "Kindgebonden budget"}
FASEN = ["idee", "beleidsvorming", "voorbereiding", "pilot", "implementatie", "opschaling", "staand", "on_hold",
         "gestopt"]
TEKSTSTUKJES = ["innen", "BETALEN", "é", "invórdering", "team", "beleid", "e", "%", "_", "<", "&", "tv-0", "zz",
                "brieven taal", "één", "regel", "in", "0%"]


def _vorm(d: st.DrawFn, opties: dict) -> tuple[tuple[str, ...], set[str]]:
    """Some codes, each written in one of its accepted forms; returns (forms, codes)."""
    gekozen = d(st.lists(st.sampled_from(sorted(opties)), max_size=3, unique=True))
    vormen = tuple(d(st.sampled_from(opties[c])) for c in gekozen)
    return vormen, set(gekozen)


@st.composite
def filters(d: st.DrawFn):
    domeinen, domein_codes = _vorm(d, {c: [c, c.lower(), n, n.upper()] for c, n in DOMEIN_NAMEN.items()})
    statussen, status_codes = _vorm(d, STATUS_VORMEN)
    toeslagen, toeslag_codes = _vorm(d, {c: [c, n, n.lower()] for c, n in TOESLAG_NAMEN.items()})
    fasen = tuple(d(st.lists(st.sampled_from(FASEN), max_size=2, unique=True)))
    tekst = st.none() | st.sampled_from(TEKSTSTUKJES)
    f = Filter(domeinen=domeinen, statussen=statussen, fasen=fasen, iv_blokkade=d(st.booleans()),
               iv_afhankelijk=d(st.booleans()), iv_keten=d(tekst), toeslagen=toeslagen, eigenaar=d(tekst),
               zoek=d(tekst), planning_verstreken=d(st.booleans()), met_gearchiveerd=d(st.booleans()),
               peildatum=d(st.sampled_from([date(2024, 7, 1), PEILDATUM, date(2031, 1, 1)])))
    return f, domein_codes, status_codes, toeslag_codes


def _voldoet(m: dict, f: Filter, domein_codes, status_codes, toeslag_codes) -> bool:
    if m["gearchiveerd"] and not f.met_gearchiveerd:
        return False
    if domein_codes and m["domein_code"] not in domein_codes:
        return False
    if status_codes and m["status"] not in status_codes:
        return False
    if f.fasen and m["fase"] not in f.fasen:
        return False
    if f.iv_blokkade and m["iv_blokkade"] is not True:
        return False
    if f.iv_afhankelijk and m["iv_afhankelijk"] is not True:
        return False
    if f.iv_keten and _plat(f.iv_keten) not in _plat(m["iv_keten"]):
        return False
    if toeslag_codes and not toeslag_codes & set(m["toeslagen"]):
        return False
    if f.eigenaar and _plat(f.eigenaar) not in _plat(m["eigenaar"]):
        return False
    if f.zoek:
        tekst = _plat(" ".join(filter(None, (m["code"], m["naam"], m["omschrijving"]))))
        if not all(woord in tekst for woord in _plat(f.zoek).split()):
            return False
    if f.planning_verstreken:
        p = m["planning_huidig"]
        if p is None or date.fromisoformat(p["tot"]) >= f.peildatum or m["status"] == "ingevoerd":
            return False
    return True


@pytest.fixture
def gevuld_sqlite(sqlite_register):
    bouw_register(sqlite_register)
    with sqlite_register.sessie() as s:
        rijen = register_als_json(s, Filter(met_gearchiveerd=True))["maatregelen"]
    assert len(rijen) == len(MAATREGELEN)
    return sqlite_register, rijen


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gegeven=filters())
def test_any_filter_selects_exactly_the_measures_a_plain_reading_of_the_register_selects(gevuld_sqlite, gegeven):
    reg, rijen = gevuld_sqlite
    f, domein_codes, status_codes, toeslag_codes = gegeven
    verwacht = sorted(m["code"] for m in rijen if _voldoet(m, f, domein_codes, status_codes, toeslag_codes))
    with reg.sessie() as s:
        gevonden = [r.code for r in zoek_maatregelen(s, f)]
    assert gevonden == verwacht


# --- the Python filter the main window uses gives the SQL filter's answer ---------------------------------------------

_woorden = st.sampled_from(["betalings", "burger", "IN-0", "kinderopvang", "Ëén", "%", "_", "regel ing", "toeslag"])
_filters = st.builds(
    Filter,
    domeinen=st.lists(st.sampled_from(["TV", "Invordering", "niet-gebruik", "Verbeteringen in beleid en uitvoering"]),
                      max_size=2).map(tuple),
    statussen=st.lists(st.sampled_from(["ingevoerd", "Deels", "✗"]), max_size=2).map(tuple),
    fasen=st.lists(st.sampled_from(["pilot", "implementatie", "staand", "on_hold"]), max_size=2).map(tuple),
    iv_blokkade=st.booleans(), iv_afhankelijk=st.booleans(),
    iv_keten=st.none() | st.sampled_from(["innen", "Toeslagen", "zzz"]),
    toeslagen=st.lists(st.sampled_from(["HT", "Zorgtoeslag", "kinderopvangtoeslag"]), max_size=2).map(tuple),
    eigenaar=st.none() | st.sampled_from(["toeslagen", "DT", "minfin"]),
    zoek=st.none() | _woorden,
    planning_verstreken=st.booleans(), met_gearchiveerd=st.booleans(),
    peildatum=st.none() | st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=_filters)
def test_python_filter_over_cached_rows_equals_the_sql_filter(start_register, f):
    from registry.filters import voorwaarde

    with start_register.sessie() as s:
        alle = zoek_maatregelen(s, Filter(met_gearchiveerd=True), met_zoektekst=True)
        past = voorwaarde(s, f)
        verwacht = zoek_ids(s, f)
        assert [alle[i].id for i in past.indices(alle)] == verwacht
        assert [r.id for r in alle if past(r)] == verwacht


def test_saved_filter_round_trips_through_its_dict_form():
    f = Filter(domeinen=("IN",), statussen=("deels", "niet"), fasen=("pilot",), iv_blokkade=True, iv_keten="Innen",
               toeslagen=("HT",), eigenaar="DT", zoek="regeling", planning_verstreken=True, met_gearchiveerd=True)
    assert Filter.uit_dict(f.als_dict()) == f
    assert Filter.uit_dict({"statussen": "deels", "onbekend": 1, "iv_blokkade": "ja"}) == Filter()


def test_search_texts_come_with_the_rows_only_when_asked(gevuld):
    from registry.filters import zoekteksten

    with gevuld.sessie() as s:
        zonder = zoek_maatregelen(s)
        met = zoek_maatregelen(s, met_zoektekst=True)
        los = zoekteksten(s)
        enkele = zoekteksten(s, [met[0].id])
    assert all(r.zoektekst == "" for r in zonder)
    assert {r.id: r.zoektekst for r in met} == {i: t for i, t in los.items() if i in {r.id for r in met}}
    assert enkele == {met[0].id: met[0].zoektekst} and met[0].code.lower() in met[0].zoektekst
