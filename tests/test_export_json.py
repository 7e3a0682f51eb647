"""The register as JSON (brief §5): the contract other tools read, on SQLite and PostgreSQL."""

import json
from datetime import date, datetime

import pytest

from registry.aanbeveling import maak_aanbeveling
from registry.bron import maak_bron
from registry.effectmeting import voeg_effectmeting_toe
from registry.export_json import register_als_json
from registry.filters import Filter
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel, voeg_bronvermelding_toe, wijzig_maatregel
from registry.status import wijzig_status

GEBRUIKER = "tester"
LASTIGE_NAAM = 'Inkomens <b>check</b> & "snel" — \'t werkt 😀 <script>alert(1)</script> &amp; é'
LASTIGE_MOTIVATIE = "Past niet <binnen> het budget & \"prioriteit\" elders 🚧"

MAATREGEL_SLEUTELS = {
    "code", "naam", "domein", "domein_secundair", "ouder", "status", "fase", "status_afgeleid", "iv_afhankelijk",
    "iv_blokkade", "iv_keten", "eigenaar", "toeslagen", "planning_oorspronkelijk", "planning_huidig", "gearchiveerd",
    "bronnen", "statushistorie", "effectmetingen",
}
HISTORIE_SLEUTELS = {"datum", "oud", "nieuw", "toelichting", "gebruiker", "bron"}
METING_SLEUTELS = {"indicator", "waarde", "eenheid", "periode", "bewijskracht", "bron"}
AANBEVELING_SLEUTELS = {"code", "titel", "bron", "vindplaats", "opvolging", "motivatie", "maatregelen"}
BRON_SLEUTELS = {"code", "titel", "uitgever", "datum", "soort"}


def bouw_register(reg) -> None:
    """A small register with every kind of value the JSON has to carry; created out of code order on purpose."""
    with reg.werk() as s:
        maak_bron(s, "RPE-2024", "Evaluatie <Toeslagen> & \"meer\"", uitgever="Ministerie van Financiën",
                  datum=date(2024, 6, 30), soort="evaluatie")
        maak_bron(s, "JV-2023", "Jaarverslag 2023", uitgever="Dienst Toeslagen", datum=date(2024, 3, 15),
                  soort="jaarverslag")
        maak_bron(s, "A-NOTITIE", "Notitie zonder datum")

        maak_maatregel(s, {"domein": "TV", "naam": LASTIGE_NAAM, "omschrijving": "Regel 1\nRegel 2\t<tab>",
                           "domein_secundair": "DC", "iv_afhankelijk": True, "iv_blokkade": None,
                           "iv_keten": "Innen en Betalen", "eigenaar": "Team Invórdering",
                           "toeslagen": ["ZT", "HT"], "planning_huidig": "Q3 2026"},
                       GEBRUIKER, code="TV-02", status="niet", status_datum=date(2024, 1, 15),
                       toelichting="Opgenomen uit de evaluatie.", bron="RPE-2024", vindplaats="§ 4.2")
        tv02 = haal_maatregel(s, "TV-02")
        wijzig_status(s, "TV-02", "deels", "Pilot gestart", GEBRUIKER, tv02.versie, datum=date(2024, 9, 1),
                      fase="pilot", bron="JV-2023", vindplaats="p. 12")
        tv02 = haal_maatregel(s, "TV-02")
        wijzig_maatregel(s, "TV-02", {"vertraging_reden": "iv_capaciteit", "planning_huidig": "eind 2026"},
                         GEBRUIKER, tv02.versie)
        voeg_bronvermelding_toe(s, "TV-02", "A-NOTITIE", None, GEBRUIKER)
        voeg_effectmeting_toe(s, "TV-02", indicator="Terugvorderingen > € 1.000", bewijskracht="gemeten",
                              gebruiker=GEBRUIKER, waarde_tekst="-12,5%", eenheid="%", periode="2024",
                              bron="RPE-2024", vindplaats="tabel 3")
        voeg_effectmeting_toe(s, "TV-02", indicator="Tevredenheid", bewijskracht="perceptie", gebruiker=GEBRUIKER,
                              waarde_tekst="7,1", periode="Q4 2024")

        maak_maatregel(s, {"domein": "IN", "naam": "Persoonlijke betalingsregeling", "iv_afhankelijk": False,
                           "iv_blokkade": False, "planning_huidig": "31-12-2025"},
                       GEBRUIKER, code="IN-01", status="ingevoerd", status_datum=date(2025, 2, 1), afgeleid=True)
        maak_maatregel(s, {"domein": "TV", "naam": "Strategie terugvorderingen"}, GEBRUIKER, code="TV-01",
                       status_datum=date(2024, 1, 1))
        maak_maatregel(s, {"domein": "TV", "naam": "Onderdeel van de strategie", "ouder": "TV-01",
                           "iv_afhankelijk": True, "iv_blokkade": True}, GEBRUIKER, code="TV-03",
                       status_datum=date(2024, 1, 1))
        maak_maatregel(s, {"domein": "BU", "naam": "Gearchiveerde maatregel"}, GEBRUIKER, code="BU-01",
                       status_datum=date(2024, 1, 1))

        maak_aanbeveling(s, "AB-02", "Maak één overzicht <alle> maatregelen", GEBRUIKER, bron="RPE-2024",
                         vindplaats="aanbeveling 5", datum=date(2024, 6, 30), deadline="H1 2025",
                         maatregelen=["TV-02", "TV-01"])
        maak_aanbeveling(s, "AB-01", "Invordering menselijker", GEBRUIKER, bron="JV-2023", opvolging="afgewezen",
                         motivatie=LASTIGE_MOTIVATIE, maatregelen=["IN-01"])
        maak_aanbeveling(s, "AB-03", "Nog niet gekoppeld", GEBRUIKER)
        maak_aanbeveling(s, "AB-04", "Alleen aan een gearchiveerde maatregel", GEBRUIKER, maatregelen=["BU-01"])
        archiveer(s, "BU-01", GEBRUIKER, haal_maatregel(s, "BU-01").versie)  # linked first: archived ones can't be


@pytest.fixture
def gevuld(register):
    bouw_register(register)
    return register


def als_json(reg, f: Filter = Filter()) -> dict:
    """What a reader of the JSON sees: the export, serialised and parsed again as the CLI writes it."""
    with reg.sessie() as s:
        gegevens = register_als_json(s, f)
    return json.loads(json.dumps(gegevens, ensure_ascii=False))


def per_code(lijst: list[dict]) -> dict[str, dict]:
    return {x["code"]: x for x in lijst}


# --- keys -----------------------------------------------------------------------------------------------------------

def test_the_top_level_holds_measures_recommendations_and_sources(gevuld):
    gegevens = als_json(gevuld)
    assert {"maatregelen", "aanbevelingen", "bronnen"} <= set(gegevens)
    assert all(isinstance(gegevens[k], list) for k in ("maatregelen", "aanbevelingen", "bronnen"))


def test_every_measure_has_the_contract_keys(gevuld):
    maatregelen = als_json(gevuld, Filter(met_gearchiveerd=True))["maatregelen"]
    assert len(maatregelen) == 5
    for m in maatregelen:
        assert MAATREGEL_SLEUTELS <= set(m), m["code"]
        for b in m["bronnen"]:
            assert {"bron", "vindplaats"} <= set(b)
        for h in m["statushistorie"]:
            assert HISTORIE_SLEUTELS <= set(h)
            assert h["bron"] is None or {"bron", "vindplaats"} <= set(h["bron"])
        for e in m["effectmetingen"]:
            assert METING_SLEUTELS <= set(e)
            assert e["bron"] is None or {"bron", "vindplaats"} <= set(e["bron"])


def test_every_recommendation_and_source_has_the_contract_keys(gevuld):
    gegevens = als_json(gevuld)
    assert len(gegevens["aanbevelingen"]) == 4
    for a in gegevens["aanbevelingen"]:
        assert AANBEVELING_SLEUTELS <= set(a), a["code"]
    assert len(gegevens["bronnen"]) == 3
    for b in gegevens["bronnen"]:
        assert BRON_SLEUTELS <= set(b), b["code"]


# --- values ---------------------------------------------------------------------------------------------------------

def test_domain_is_the_full_name_and_the_secondary_domain_too(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert m["TV-02"]["domein"] == "Voorkomen en verlagen van (hoge) terugvorderingen"
    assert m["TV-02"]["domein_secundair"] == "Verbeteringen in dienstverlening en communicatie"
    assert m["IN-01"]["domein"] == "Invorderingsproces doenlijker en menselijker maken"
    assert m["IN-01"]["domein_secundair"] is None


def test_a_sub_measure_names_its_parent_by_code(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert m["TV-03"]["ouder"] == "TV-01"
    assert m["TV-01"]["ouder"] is None


def test_status_fase_and_afgeleid_are_the_current_ones(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert (m["TV-02"]["status"], m["TV-02"]["fase"], m["TV-02"]["status_afgeleid"]) == ("deels", "pilot", False)
    assert (m["IN-01"]["status"], m["IN-01"]["fase"], m["IN-01"]["status_afgeleid"]) == ("ingevoerd", None, True)
    assert all(x["status"] in ("ingevoerd", "deels", "niet") for x in m.values())


def test_iv_flags_are_true_false_or_null_never_false_for_unknown(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert m["TV-02"]["iv_afhankelijk"] is True
    assert m["TV-02"]["iv_blokkade"] is None
    assert m["IN-01"]["iv_afhankelijk"] is False
    assert m["IN-01"]["iv_blokkade"] is False
    assert m["TV-03"]["iv_blokkade"] is True
    assert m["TV-01"]["iv_afhankelijk"] is None
    assert m["TV-01"]["iv_blokkade"] is None


def test_unknown_values_are_written_as_null_in_the_json_text(gevuld):
    with gevuld.sessie() as s:
        gegevens = register_als_json(s, Filter(zoek="TV-01"))
    tekst = json.dumps(gegevens["maatregelen"][0], ensure_ascii=False)
    for sleutel in ("iv_afhankelijk", "iv_blokkade", "iv_keten", "eigenaar", "fase", "planning_oorspronkelijk",
                    "planning_huidig", "domein_secundair", "ouder"):
        assert f'"{sleutel}": null' in tekst, sleutel


def test_iv_chain_owner_and_toeslagen(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert m["TV-02"]["iv_keten"] == "Innen en Betalen"
    assert m["TV-02"]["eigenaar"] == "Team Invórdering"
    assert m["TV-02"]["toeslagen"] == ["HT", "ZT"]
    assert m["TV-01"]["toeslagen"] == []


def test_planning_is_a_vague_date_with_text_and_iso_bounds_and_keeps_the_original_target(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    assert m["TV-02"]["planning_oorspronkelijk"] == {"tekst": "Q3 2026", "van": "2026-07-01", "tot": "2026-09-30"}
    assert m["TV-02"]["planning_huidig"] == {"tekst": "eind 2026", "van": "2026-10-01", "tot": "2026-12-31"}
    assert m["IN-01"]["planning_huidig"] == {"tekst": "31-12-2025", "van": "2025-12-31", "tot": "2025-12-31"}


def test_archived_flag_is_a_boolean(gevuld):
    m = per_code(als_json(gevuld, Filter(met_gearchiveerd=True))["maatregelen"])
    assert m["BU-01"]["gearchiveerd"] is True
    assert m["TV-02"]["gearchiveerd"] is False


def test_measure_sources_name_the_source_code_and_vindplaats(gevuld):
    m = per_code(als_json(gevuld)["maatregelen"])
    bronnen = sorted(({"bron": b["bron"], "vindplaats": b["vindplaats"]} for b in m["TV-02"]["bronnen"]),
                     key=lambda b: b["bron"])
    assert bronnen == [{"bron": "A-NOTITIE", "vindplaats": None}, {"bron": "RPE-2024", "vindplaats": "§ 4.2"}]
    assert m["TV-01"]["bronnen"] == []


def test_status_history_has_every_change_in_date_order_with_iso_dates_and_its_source(gevuld):
    historie = per_code(als_json(gevuld)["maatregelen"])["TV-02"]["statushistorie"]
    assert [(h["datum"], h["oud"], h["nieuw"]) for h in historie] == [
        ("2024-01-15", None, "niet"), ("2024-09-01", "niet", "deels")]
    eerste, tweede = historie
    assert eerste["toelichting"] == "Opgenomen uit de evaluatie."
    assert eerste["bron"] == {"bron": "RPE-2024", "vindplaats": "§ 4.2"}
    assert tweede["toelichting"] == "Pilot gestart"
    assert tweede["gebruiker"] == GEBRUIKER
    assert tweede["bron"] == {"bron": "JV-2023", "vindplaats": "p. 12"}


def test_a_history_entry_without_a_source_has_bron_null(gevuld):
    historie = per_code(als_json(gevuld)["maatregelen"])["TV-01"]["statushistorie"]
    assert len(historie) == 1
    assert historie[0]["bron"] is None
    assert historie[0]["datum"] == "2024-01-01"


def test_effect_measurements_keep_the_value_as_printed_and_their_source(gevuld):
    metingen = per_code(als_json(gevuld)["maatregelen"])["TV-02"]["effectmetingen"]
    assert len(metingen) == 2
    gemeten, perceptie = metingen
    assert {k: gemeten[k] for k in METING_SLEUTELS} == {
        "indicator": "Terugvorderingen > € 1.000", "waarde": "-12,5%", "eenheid": "%", "periode": "2024",
        "bewijskracht": "gemeten", "bron": {"bron": "RPE-2024", "vindplaats": "tabel 3"}}
    assert perceptie["bron"] is None
    assert perceptie["eenheid"] is None
    assert per_code(als_json(gevuld)["maatregelen"])["TV-01"]["effectmetingen"] == []


def test_recommendations_carry_source_follow_up_motivation_and_linked_measure_codes(gevuld):
    a = per_code(als_json(gevuld)["aanbevelingen"])
    assert a["AB-02"]["bron"] == "RPE-2024"
    assert a["AB-02"]["vindplaats"] == "aanbeveling 5"
    assert a["AB-02"]["opvolging"] == "open"
    assert a["AB-02"]["motivatie"] is None
    assert a["AB-02"]["maatregelen"] == ["TV-01", "TV-02"]
    assert a["AB-01"]["opvolging"] == "afgewezen"
    assert a["AB-01"]["motivatie"] == LASTIGE_MOTIVATIE
    assert a["AB-01"]["maatregelen"] == ["IN-01"]
    assert a["AB-03"]["maatregelen"] == []
    assert a["AB-03"]["bron"] is None


def test_recommendation_dates_are_iso_and_a_vague_deadline_has_text_and_bounds(gevuld):
    a = per_code(als_json(gevuld)["aanbevelingen"])
    assert a["AB-02"]["datum"] == "2024-06-30"
    assert a["AB-02"]["deadline"] == {"tekst": "H1 2025", "van": "2025-01-01", "tot": "2025-06-30"}
    assert a["AB-03"]["datum"] is None
    assert a["AB-03"]["deadline"] is None


def test_sources_have_iso_dates_or_null(gevuld):
    b = per_code(als_json(gevuld)["bronnen"])
    assert {k: b["RPE-2024"][k] for k in BRON_SLEUTELS} == {
        "code": "RPE-2024", "titel": "Evaluatie <Toeslagen> & \"meer\"", "uitgever": "Ministerie van Financiën",
        "datum": "2024-06-30", "soort": "evaluatie"}
    assert b["JV-2023"]["datum"] == "2024-03-15"
    assert b["A-NOTITIE"]["datum"] is None
    assert b["A-NOTITIE"]["uitgever"] is None
    assert b["A-NOTITIE"]["soort"] is None


def test_every_date_in_the_export_is_an_iso_string(gevuld):
    with gevuld.sessie() as s:
        gegevens = register_als_json(s, Filter(met_gearchiveerd=True))

    def loop(x, pad="$"):
        assert not isinstance(x, (date, datetime)), f"{pad} is een {type(x).__name__}, geen ISO-tekst"
        if isinstance(x, dict):
            for k, v in x.items():
                loop(v, f"{pad}.{k}")
        elif isinstance(x, (list, tuple)):
            for i, v in enumerate(x):
                loop(v, f"{pad}[{i}]")

    loop(gegevens)
    json.dumps(gegevens)  # no default= needed: plain JSON types only
    for m in gegevens["maatregelen"]:
        for h in m["statushistorie"]:
            assert date.fromisoformat(h["datum"]).isoformat() == h["datum"]


# --- order ----------------------------------------------------------------------------------------------------------

def test_measures_recommendations_and_sources_are_sorted_by_code(gevuld):
    gegevens = als_json(gevuld, Filter(met_gearchiveerd=True))
    assert [m["code"] for m in gegevens["maatregelen"]] == ["BU-01", "IN-01", "TV-01", "TV-02", "TV-03"]
    assert [a["code"] for a in gegevens["aanbevelingen"]] == ["AB-01", "AB-02", "AB-03", "AB-04"]
    assert [b["code"] for b in gegevens["bronnen"]] == ["A-NOTITIE", "JV-2023", "RPE-2024"]


def test_code_lists_inside_items_are_sorted(gevuld):
    gegevens = als_json(gevuld)
    for m in gegevens["maatregelen"]:
        assert m["toeslagen"] == sorted(m["toeslagen"])
    for a in gegevens["aanbevelingen"]:
        assert a["maatregelen"] == sorted(a["maatregelen"])


def test_every_list_of_coded_items_in_the_export_is_sorted_by_code(gevuld):
    # Brief §5: "lists are sorted by code" — this includes the extra lists the export adds (domeinen, toeslagen).
    gegevens = als_json(gevuld)
    gecontroleerd, ongesorteerd = [], {}
    for sleutel, lijst in gegevens.items():
        if isinstance(lijst, list) and lijst and isinstance(lijst[0], dict) and "code" in lijst[0]:
            gecontroleerd.append(sleutel)
            codes = [x["code"] for x in lijst]
            if codes != sorted(codes):
                ongesorteerd[sleutel] = codes
    assert {"maatregelen", "aanbevelingen", "bronnen"} <= set(gecontroleerd)
    assert ongesorteerd == {}


# --- filters --------------------------------------------------------------------------------------------------------

def test_with_a_filter_only_the_filtered_measures_are_exported(gevuld):
    gegevens = als_json(gevuld, Filter(domeinen=("Invordering",)))
    assert [m["code"] for m in gegevens["maatregelen"]] == ["IN-01"]


def test_with_a_filter_only_recommendations_linked_to_a_selected_measure_are_exported(gevuld):
    assert [a["code"] for a in als_json(gevuld, Filter(domeinen=("IN",)))["aanbevelingen"]] == ["AB-01"]
    assert [a["code"] for a in als_json(gevuld, Filter(zoek="TV-02"))["aanbevelingen"]] == ["AB-02"]
    assert [a["code"] for a in als_json(gevuld, Filter(iv_blokkade=True))["aanbevelingen"]] == []


def test_a_filter_that_selects_nothing_exports_no_measures_and_no_recommendations(gevuld):
    gegevens = als_json(gevuld, Filter(zoek="bestaat-niet"))
    assert gegevens["maatregelen"] == []
    assert gegevens["aanbevelingen"] == []


def test_without_a_filter_every_recommendation_is_exported_also_unlinked_ones(gevuld):
    assert [a["code"] for a in als_json(gevuld)["aanbevelingen"]] == ["AB-01", "AB-02", "AB-03", "AB-04"]


def test_archived_measures_are_left_out_unless_asked_for(gevuld):
    assert "BU-01" not in [m["code"] for m in als_json(gevuld)["maatregelen"]]
    assert "BU-01" in [m["code"] for m in als_json(gevuld, Filter(met_gearchiveerd=True))["maatregelen"]]


def test_a_filtered_measure_carries_its_own_history_and_measurements(gevuld):
    (m,) = als_json(gevuld, Filter(zoek="TV-02"))["maatregelen"]
    assert len(m["statushistorie"]) == 2
    assert len(m["effectmetingen"]) == 2
    (m,) = als_json(gevuld, Filter(domeinen=("IN",)))["maatregelen"]
    assert len(m["statushistorie"]) == 1
    assert m["effectmetingen"] == []


# --- text exactly as typed ------------------------------------------------------------------------------------------

def test_text_with_markup_quotes_and_emoji_comes_out_exactly_as_typed(gevuld):
    gegevens = als_json(gevuld)
    m = per_code(gegevens["maatregelen"])["TV-02"]
    assert m["naam"] == LASTIGE_NAAM
    assert m["omschrijving"] == "Regel 1\nRegel 2\t<tab>"
    assert per_code(gegevens["aanbevelingen"])["AB-01"]["motivatie"] == LASTIGE_MOTIVATIE
    assert per_code(gegevens["aanbevelingen"])["AB-02"]["titel"] == "Maak één overzicht <alle> maatregelen"
    assert per_code(gegevens["bronnen"])["RPE-2024"]["titel"] == "Evaluatie <Toeslagen> & \"meer\""


def test_the_exported_text_is_not_escaped_in_the_json_output(gevuld):
    with gevuld.sessie() as s:
        tekst = json.dumps(register_als_json(s), ensure_ascii=False)
    assert "😀" in tekst
    assert "<b>check</b> &" in tekst
    assert "&lt;" not in tekst
    assert "&amp;amp;" not in tekst


# --- prioritering (issue 9) -----------------------------------------------------------------------------------------

PRIORITERING_SLEUTELS = {"iv_weken", "iv_omvang", "personeel_weken", "prioriteit", "rang_handmatig"}


def test_every_measure_has_the_prioritering_keys_null_when_unknown(gevuld):
    gegevens = als_json(gevuld, Filter(met_gearchiveerd=True))
    for m in gegevens["maatregelen"]:
        assert PRIORITERING_SLEUTELS <= set(m), m["code"]
        assert {k: m[k] for k in PRIORITERING_SLEUTELS} == dict.fromkeys(PRIORITERING_SLEUTELS)
    assert gegevens["iv_capaciteit"] == []
    assert gegevens["prioriteringsbesluiten"] == []


def test_efforts_decision_rank_capacity_and_decisions_are_exported(gevuld):
    from registry.prioritering.besluit import leg_prioriteit_vast, registreer_besluit, zet_rang
    from registry.prioritering.capaciteit import zet_capaciteit

    with gevuld.werk() as s:
        d = wijzig_maatregel(s, "TV-02", {"iv_weken": "12,5", "iv_omvang": "m", "personeel_weken": 3}, GEBRUIKER,
                             haal_maatregel(s, "TV-02").versie)
        d = leg_prioriteit_vast(s, "TV-02", "nu", LASTIGE_MOTIVATIE, GEBRUIKER, d.versie, datum=date(2026, 3, 1))
        zet_rang(s, "TV-02", 2, "Voorwaarde voor TV-03", GEBRUIKER, d.versie, datum=date(2026, 3, 2))
        zet_capaciteit(s, "Toeslagen Verstrekken", "2027-H1", 20, GEBRUIKER)
        zet_capaciteit(s, "Innen en Betalen", "2027-H2", 30, GEBRUIKER, toelichting="Na de release")
        zet_capaciteit(s, "Innen en Betalen", "2027-H1", 40, GEBRUIKER)
        registreer_besluit(s, "Later besluit", ["TV-02: prioriteit nu"], ["Erin: TV-02 (2027-H1)"], "bram",
                           datum=date(2026, 6, 1))
        registreer_besluit(s, "Eerste besluit", ["Innen en Betalen 2027-H1: 40 weken"], [], GEBRUIKER,
                           datum=date(2026, 1, 1))
    gegevens = als_json(gevuld)
    m = per_code(gegevens["maatregelen"])
    assert (m["TV-02"]["iv_weken"], m["TV-02"]["iv_omvang"], m["TV-02"]["personeel_weken"]) == (12.5, "M", 3.0)
    assert m["TV-02"]["prioriteit"] == {"prioriteit": "nu", "motivatie": LASTIGE_MOTIVATIE, "datum": "2026-03-01",
                                        "door": GEBRUIKER}
    assert m["TV-02"]["rang_handmatig"] == {"rang": 2, "motivatie": "Voorwaarde voor TV-03", "datum": "2026-03-02",
                                            "door": GEBRUIKER}
    assert m["TV-01"]["prioriteit"] is None and m["TV-01"]["rang_handmatig"] is None
    assert gegevens["iv_capaciteit"] == [
        {"keten": "Innen en Betalen", "periode": {"tekst": "2027-H1", "van": "2027-01-01", "tot": "2027-06-30"},
         "weken": 40.0, "toelichting": None},
        {"keten": "Innen en Betalen", "periode": {"tekst": "2027-H2", "van": "2027-07-01", "tot": "2027-12-31"},
         "weken": 30.0, "toelichting": "Na de release"},
        {"keten": "Toeslagen Verstrekken", "periode": {"tekst": "2027-H1", "van": "2027-01-01", "tot": "2027-06-30"},
         "weken": 20.0, "toelichting": None}]
    assert gegevens["prioriteringsbesluiten"] == [
        {"datum": "2026-01-01", "besloten_door": GEBRUIKER, "motivatie": "Eerste besluit",
         "wijzigingen": ["Innen en Betalen 2027-H1: 40 weken"], "gevolgen": []},
        {"datum": "2026-06-01", "besloten_door": "bram", "motivatie": "Later besluit",
         "wijzigingen": ["TV-02: prioriteit nu"], "gevolgen": ["Erin: TV-02 (2027-H1)"]}]
    # Register-wide: a filter selects measures, not the capacity or the decisions.
    gefilterd = als_json(gevuld, Filter(domeinen=("IN",)))
    assert (gefilterd["iv_capaciteit"], gefilterd["prioriteringsbesluiten"]) == (
        gegevens["iv_capaciteit"], gegevens["prioriteringsbesluiten"])
    assert json.dumps(als_json(gevuld), sort_keys=False) == json.dumps(gegevens, sort_keys=False)
