"""Effect measurements (registry.effectmeting): strength of evidence, Dutch numbers, and the value text as printed."""

import pytest

from registry.bron import maak_bron
from registry.effectmeting import (EffectFilter, EffectmetingRij, alle_effectmetingen, effectmetingen_van,
                                   filter_effectmetingen, getal_uit_tekst, maatregelen_zonder_effectmeting, methoden,
                                   verwijder_effectmeting, voeg_effectmeting_toe, wijzig_effectmeting)
from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import maak_maatregel
from registry.tekst import natuurlijke_sleutel
from registry.vocabulaire import BEWIJSKRACHT
from registry.wijzigingslog import wijzigingslog

# --- numbers in Dutch notation (no database) ------------------------------------------------------------------------


@pytest.mark.parametrize("tekst, getal", [
    ("12,5%", 12.5),
    ("€ 1.250", 1250.0),
    ("−3", -3.0),
    ("0,8 procentpunt", 0.8),
    ("1.250,75", 1250.75),
    ("€ 12.500.000", 12_500_000.0),
    ("€ 1.250,-", 1250.0),
    ("45%", 45.0),
    ("-3", -3.0),
    ("+5 %", 5.0),
    ("circa −12,5 %", -12.5),
    ("3 op de 10 burgers", 3.0),
    ("€ 2,5 mln", 2.5),
    ("1,250", 1.25),
    ("0", 0.0),
    ("7", 7.0),
])
def test_getal_uit_nederlandse_notatie(tekst, getal):
    assert getal_uit_tekst(tekst) == pytest.approx(getal)


@pytest.mark.parametrize("tekst", ["geen", "onbekend", "n.v.t.", "-", "", None, "nog niet gemeten"])
def test_tekst_zonder_getal_geeft_geen_getal(tekst):
    assert getal_uit_tekst(tekst) is None


# --- helpers --------------------------------------------------------------------------------------------------------


def maatregel(register, domein="TV"):
    with register.werk() as s:
        return maak_maatregel(s, {"domein": domein, "naam": "Maatregel"}, "anna")


def meet(register, code, *, gebruiker="anna", indicator="Aantal terugvorderingen > € 1.000", **kw):
    kw.setdefault("bewijskracht", "gemeten")
    with register.werk() as s:
        return voeg_effectmeting_toe(s, code, indicator=indicator, gebruiker=gebruiker, **kw)


def metingen(register, ids=None):
    with register.sessie() as s:
        return effectmetingen_van(s, ids)


# --- strength of evidence -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("bewijskracht", [None, "", "   "])
def test_effectmeting_zonder_bewijskracht_wordt_geweigerd(register, bewijskracht):
    m = maatregel(register)
    with pytest.raises(ValidatieFout) as fout:
        meet(register, m.code, bewijskracht=bewijskracht, waarde_tekst="12,5%")
    assert fout.value.veld == "bewijskracht"
    if not bewijskracht:
        assert "Bewijskracht is verplicht" in str(fout.value)
    assert metingen(register) == {}


def test_onbekende_bewijskracht_wordt_geweigerd_met_de_toegestane_waarden(register):
    m = maatregel(register)
    with pytest.raises(ValidatieFout) as fout:
        meet(register, m.code, bewijskracht="sterk")
    melding = str(fout.value)
    for code in ("gemeten", "samenhang", "perceptie", "onbekend"):
        assert code in melding
    assert metingen(register) == {}


@pytest.mark.parametrize("invoer, code", [(c, c) for c in BEWIJSKRACHT.codes] + [("Gemeten effect", "gemeten"),
                                                                                   ("PERCEPTIE", "perceptie")])
def test_elke_bewijskracht_wordt_aanvaard(register, invoer, code):
    m = maatregel(register)
    rij = meet(register, m.code, bewijskracht=invoer)
    assert rij.bewijskracht == code
    assert metingen(register)[m.id][0].bewijskracht == code


def test_effect_op_ervaring_wordt_gecontroleerd(register):
    m = maatregel(register)
    assert meet(register, m.code, effect_ervaring="Positief").effect_ervaring == "positief"
    with pytest.raises(ValidatieFout, match="effect op ervaring"):
        meet(register, m.code, effect_ervaring="geweldig")
    assert len(metingen(register)[m.id]) == 1


def test_effectmeting_zonder_indicator_wordt_geweigerd(register):
    m = maatregel(register)
    with pytest.raises(ValidatieFout, match="Indicator is verplicht"):
        meet(register, m.code, indicator="  ")
    assert metingen(register) == {}


def test_effectmeting_bij_onbekende_maatregel_of_bron_wordt_geweigerd(register):
    m = maatregel(register)
    with pytest.raises(NietGevonden):
        meet(register, "TV-42")
    with pytest.raises(NietGevonden):
        meet(register, m.code, bron="BESTAAT-NIET")
    assert metingen(register) == {}


# --- value as printed -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tekst, getal", [
    ("12,5%", 12.5),
    ("€ 1.250 (voorlopig) <raming>", 1250.0),
    ("−3 procentpunt", -3.0),
    ("0,8 procentpunt", 0.8),
    ("geen", None),
    ("geen effect aantoonbaar 😐", None),
])
def test_waarde_blijft_zoals_gedrukt_en_het_getal_wordt_erbij_gezet(register, tekst, getal):
    m = maatregel(register)
    meet(register, m.code, waarde_tekst=tekst)
    [rij] = metingen(register)[m.id]
    assert rij.waarde_tekst == tekst
    if getal is None:
        assert rij.waarde is None
    else:
        assert rij.waarde == pytest.approx(getal)


def test_opgegeven_getal_gaat_voor_het_getal_uit_de_tekst(register):
    m = maatregel(register)
    meet(register, m.code, waarde_tekst="ruim 12%", waarde=12.3)
    [rij] = metingen(register)[m.id]
    assert (rij.waarde_tekst, rij.waarde) == ("ruim 12%", pytest.approx(12.3))


def test_alle_gegevens_van_een_meting_worden_exact_bewaard(register):
    with register.werk() as s:
        maak_bron(s, "JV-2024", "Jaarverslag 2024", soort="jaarverslag")
    m = maatregel(register)
    meet(register, m.code, gebruiker="bram", indicator='Aandeel "hoge" terugvorderingen <€ 5.000>',
         nulmeting="14,2%", waarde_tekst="12,5%", eenheid="% huishoudens", streefwaarde="≤ 10%",
         periode="2024", methode="GEM", bewijskracht="samenhang", effect_ervaring="neutraal", bron="JV-2024",
         vindplaats="§ 3.1, tabel 4", toelichting="Voorlopige cijfers & ‘schatting’ 📊")
    [rij] = metingen(register)[m.id]
    assert rij.maatregel == m.code
    assert rij.indicator == 'Aandeel "hoge" terugvorderingen <€ 5.000>'
    assert (rij.nulmeting, rij.waarde_tekst, rij.waarde, rij.eenheid, rij.streefwaarde) == (
        "14,2%", "12,5%", pytest.approx(12.5), "% huishoudens", "≤ 10%")
    assert (rij.periode, rij.methode, rij.bewijskracht, rij.effect_ervaring) == ("2024", "GEM", "samenhang",
                                                                                  "neutraal")
    assert (rij.bron, rij.vindplaats) == ("JV-2024", "§ 3.1, tabel 4")
    assert rij.toelichting == "Voorlopige cijfers & ‘schatting’ 📊"


def test_meerdere_metingen_per_maatregel_en_maatregel_zonder_meting(register):
    a, b, c = maatregel(register), maatregel(register), maatregel(register, "IN")
    meet(register, a.code, indicator="Eerste", waarde_tekst="10%")
    meet(register, b.code, indicator="Andere maatregel")
    meet(register, a.code, indicator="Tweede", waarde_tekst="8%")
    alles = metingen(register)
    assert [r.indicator for r in alles[a.id]] == ["Eerste", "Tweede"]
    assert [r.indicator for r in alles[b.id]] == ["Andere maatregel"]
    assert c.id not in alles  # "no effect measurement" is a fact the register can show
    assert set(metingen(register, [a.id, c.id])) == {a.id}


def test_effectmeting_komt_in_het_wijzigingslog(register):
    m = maatregel(register)
    meet(register, m.code, gebruiker="bram", indicator="Niet-gebruik", waarde_tekst="−3 procentpunt")
    with register.sessie() as s:
        rijen = [r for r in wijzigingslog(s, "maatregel", m.code) if r.veld == "effectmeting"]
    assert [(r.gebruiker, r.nieuw) for r in rijen] == [("bram", "Niet-gebruik: −3 procentpunt")]


def test_lange_vrije_teksten_worden_op_elke_database_bewaard(register):
    """Free-text fields have no engine-dependent limit: what SQLite keeps, PostgreSQL keeps too."""
    from registry.aanbeveling import haal_aanbeveling, maak_aanbeveling
    from registry.effectmeting import voeg_effectmeting_toe
    from registry.maatregel import haal_maatregel, maak_maatregel

    lang = "lange tekst " * 30
    with register.werk() as s:
        maak_maatregel(s, {"naam": "Lang", "domein": "TV", "iv_keten": lang, "iv_portfolio": lang,
                           "iv_inspanning": lang}, "x" * 250)
        voeg_effectmeting_toe(s, "TV-01", indicator="i", bewijskracht="gemeten", gebruiker="t", eenheid=lang,
                              periode=lang, methode=lang)
        maak_aanbeveling(s, "AB-01", "Titel", "t", nummer=lang, thema=lang)
    with register.sessie() as s:
        assert haal_maatregel(s, "TV-01").iv_keten == lang
        assert haal_aanbeveling(s, "AB-01").nummer == lang


def test_te_lange_codes_worden_met_een_melding_geweigerd(register):
    from registry.aanbeveling import maak_aanbeveling
    from registry.bron import maak_bron
    from registry.fouten import ValidatieFout

    with pytest.raises(ValidatieFout, match="te lang"):
        with register.werk() as s:
            maak_aanbeveling(s, "A" * 41, "Titel", "t")
    with pytest.raises(ValidatieFout, match="te lang"):
        with register.werk() as s:
            maak_bron(s, "B" * 61, "Titel")


# --- editing and removing -------------------------------------------------------------------------------------------

def test_wijzigen_past_de_velden_en_het_getal_aan_en_logt_oud_en_nieuw(register):
    with register.werk() as s:
        maak_bron(s, "JV-2025", "Jaarverslag 2025", soort="jaarverslag")
    m = maatregel(register)
    rij = meet(register, m.code, indicator="Respons", waarde_tekst="2,5%", periode="2024", methode="GEM")
    assert rij.versie == 1

    with register.werk() as s:
        nieuw = wijzig_effectmeting(s, rij.id, {"waarde_tekst": "3,3%", "periode": "2025", "bron": "JV-2025",
                                                "effect_ervaring": "Positief"}, "bram", rij.versie)
    [opgeslagen] = metingen(register)[m.id]
    assert nieuw == opgeslagen
    assert (opgeslagen.waarde_tekst, opgeslagen.waarde, opgeslagen.periode) == ("3,3%", pytest.approx(3.3), "2025")
    assert (opgeslagen.bron, opgeslagen.effect_ervaring, opgeslagen.versie) == ("JV-2025", "positief", 2)
    assert (opgeslagen.indicator, opgeslagen.methode, opgeslagen.bewijskracht) == ("Respons", "GEM", "gemeten")
    with register.sessie() as s:
        gelogd = {w.veld: (w.oud, w.nieuw, w.gebruiker) for w in wijzigingslog(s, "maatregel", m.code)
                  if w.veld.startswith("effectmeting.")}
    assert gelogd == {
        "effectmeting.waarde_tekst": ("2,5%", "3,3%", "bram"),
        "effectmeting.periode": ("2024", "2025", "bram"),
        "effectmeting.bron": (None, "JV-2025", "bram"),
        "effectmeting.effect_ervaring": (None, "positief", "bram"),
    }


def test_wijzigen_zonder_nieuwe_waardetekst_houdt_het_opgegeven_getal(register):
    m = maatregel(register)
    rij = meet(register, m.code, waarde_tekst="ruim 12%", waarde=12.3)
    with register.werk() as s:
        wijzig_effectmeting(s, rij.id, {"toelichting": "Voorlopig"}, "anna", rij.versie)
    [nu] = metingen(register)[m.id]
    assert (nu.waarde_tekst, nu.waarde, nu.toelichting) == ("ruim 12%", pytest.approx(12.3), "Voorlopig")
    with register.werk() as s:
        wijzig_effectmeting(s, rij.id, {"waarde_tekst": "geen"}, "anna", nu.versie)
    assert metingen(register)[m.id][0].waarde is None  # a new text without a number: no number


def test_wijzigen_met_een_verouderde_versie_wordt_geweigerd_en_verandert_niets(register):
    m = maatregel(register)
    rij = meet(register, m.code, waarde_tekst="10%")
    with register.werk() as s:
        wijzig_effectmeting(s, rij.id, {"waarde_tekst": "11%"}, "anna", rij.versie)
    with pytest.raises(ConflictFout, match="intussen door iemand anders gewijzigd"):
        with register.werk() as s:
            wijzig_effectmeting(s, rij.id, {"waarde_tekst": "99%"}, "bram", rij.versie)
    with pytest.raises(ConflictFout):
        with register.werk() as s:
            verwijder_effectmeting(s, rij.id, "bram", rij.versie)
    [nu] = metingen(register)[m.id]
    assert (nu.waarde_tekst, nu.versie) == ("11%", 2)
    with register.sessie() as s:
        assert not [w for w in wijzigingslog(s) if w.gebruiker == "bram"]


@pytest.mark.parametrize("velden, veld", [
    ({"indicator": "  "}, "indicator"),
    ({"bewijskracht": None}, "bewijskracht"),
    ({"bewijskracht": "sterk"}, "bewijskracht"),
    ({"effect_ervaring": "geweldig"}, "effect_ervaring"),
    ({"toelichting": "x" * 100_001}, "toelichting"),
    ({"waarde": "twaalf"}, "waarde"),
])
def test_een_geweigerde_wijziging_noemt_het_veld_en_verandert_niets(register, velden, veld):
    m = maatregel(register)
    rij = meet(register, m.code, waarde_tekst="10%")
    with pytest.raises(ValidatieFout) as fout:
        with register.werk() as s:
            wijzig_effectmeting(s, rij.id, velden, "anna", rij.versie)
    assert fout.value.veld == veld
    assert metingen(register)[m.id] == [rij]


def test_verwijderen_haalt_de_meting_weg_en_het_log_bewaart_wat_er_stond(register):
    m = maatregel(register)
    blijft = meet(register, m.code, indicator="Blijft")
    weg = meet(register, m.code, indicator="Niet-gebruik", waarde_tekst="−3 procentpunt", periode="2024",
               bewijskracht="perceptie", toelichting="Enquête onder 1.200 huishoudens")
    with register.werk() as s:
        verwijder_effectmeting(s, weg.id, "bram", weg.versie)
    assert metingen(register)[m.id] == [blijft]
    with register.sessie() as s:
        [w] = [w for w in wijzigingslog(s, "maatregel", m.code) if w.veld == "effectmeting" and w.nieuw is None]
    assert w.gebruiker == "bram"
    for stuk in ("Indicator: Niet-gebruik", "Waarde: −3 procentpunt", "Periode: 2024", "Bewijskracht: Perceptie",
                 "Toelichting: Enquête onder 1.200 huishoudens"):
        assert stuk in w.oud


def test_een_onbekende_meting_wijzigen_of_verwijderen_geeft_een_nederlandse_melding(register):
    m = maatregel(register)
    rij = meet(register, m.code)
    with register.werk() as s:
        verwijder_effectmeting(s, rij.id, "anna", rij.versie)
    with pytest.raises(NietGevonden, match="bestaat niet"):
        with register.werk() as s:
            wijzig_effectmeting(s, rij.id, {"waarde_tekst": "1"}, "anna", rij.versie)
    with pytest.raises(NietGevonden, match="bestaat niet"):
        with register.werk() as s:
            verwijder_effectmeting(s, rij.id, "anna", rij.versie + 1)


# --- the register-wide view -----------------------------------------------------------------------------------------

def test_maatregelen_zonder_effectmeting_komen_overeen_met_het_signaal(register):
    from registry.maatregel import archiveer
    from registry.signalen import signalen

    codes = [maatregel(register, d).code for d in ("TV", "TV", "IN", "TV", "NG")]
    meet(register, codes[1])
    meet(register, codes[3])
    with register.werk() as s:
        archiveer(s, codes[4], "anna", 1)
    with register.sessie() as s:
        zonder = maatregelen_zonder_effectmeting(s)
        signaal = next(x for x in signalen(s) if x.sleutel == "zonder_effectmeting")
    assert [c for c, _ in zonder] == ["IN-01", "TV-01"]
    assert all(naam == "Maatregel" for _, naam in zonder)
    assert len(zonder) == signaal.aantal
    assert {c for c, _ in zonder} == set(signaal.codes)


def test_maatregelen_zonder_effectmeting_in_het_startregister_volgen_het_signaal(start_register):
    from registry.signalen import signalen

    with start_register.sessie() as s:
        zonder = maatregelen_zonder_effectmeting(s)
        signaal = next(x for x in signalen(s) if x.sleutel == "zonder_effectmeting")
    assert zonder and len(zonder) == signaal.aantal
    assert [c for c, _ in zonder] == sorted(signaal.codes, key=natuurlijke_sleutel)


def test_filteren_op_methode_en_bewijskracht(register):
    a, b = maatregel(register), maatregel(register, "IN")
    meet(register, a.code, indicator="Eén", methode="GEM", bewijskracht="gemeten")
    meet(register, a.code, indicator="Twee", methode="gem", bewijskracht="samenhang")
    meet(register, b.code, indicator="Drie", methode="Enquête", bewijskracht="perceptie")
    meet(register, b.code, indicator="Vier", methode=None, bewijskracht="gemeten", toelichting="Groot veldexperiment")
    meet(register, b.code, indicator="Vijf", methode="registratie", bewijskracht="onbekend")
    with register.sessie() as s:
        rijen = alle_effectmetingen(s)
    assert [r.maatregel for r in rijen] == ["IN-01"] * 3 + ["TV-01"] * 2  # by measure code, then entry

    def verwacht(methode=None, bewijskracht=None):
        return [r for r in rijen if (methode is None or (r.methode or "").lower() == methode.lower())
                and (bewijskracht is None or r.bewijskracht == bewijskracht)]

    assert methoden(rijen) == ["Enquête", "GEM", "registratie"]  # "gem" is GEM spelled otherwise
    for methode in (None, "GEM", "Gem", "Enquête", "registratie"):
        for bewijskracht in (None, *BEWIJSKRACHT.codes):
            assert filter_effectmetingen(rijen, EffectFilter(methode, bewijskracht)) == verwacht(methode,
                                                                                                 bewijskracht)
    assert [r.indicator for r in filter_effectmetingen(rijen, EffectFilter(zoektekst="VELDEXPERIMENT"))] == ["Vier"]
    assert [r.indicator for r in filter_effectmetingen(rijen, EffectFilter(zoektekst="enquete"))] == ["Drie"]
    assert [r.indicator for r in filter_effectmetingen(rijen, EffectFilter(zoektekst="tv-01"))] == ["Eén", "Twee"]
    assert filter_effectmetingen(rijen, EffectFilter("GEM", "perceptie")) == []


def test_methoden_zijn_uniek_en_zonder_onderscheid_naar_hoofdletters_gesorteerd():
    def rij(methode):
        return EffectmetingRij(1, "TV-01", "i", None, None, None, None, None, None, methode, "gemeten", None, None,
                               None, None)

    assert methoden([rij(m) for m in ("registratie", "GEM", None, "  ", "enquête", "gem", "Monitor", "Enquête ",
                                      "labexperiment")]) == ["enquête", "GEM", "labexperiment", "Monitor",
                                                             "registratie"]


def test_gearchiveerde_maatregelen_tellen_niet_mee_in_het_overzicht(register):
    from registry.maatregel import archiveer

    a, b = maatregel(register), maatregel(register)
    meet(register, a.code, indicator="Actief")
    meet(register, b.code, indicator="Gearchiveerd")
    with register.werk() as s:
        archiveer(s, b.code, "anna", 1)
    with register.sessie() as s:
        assert [r.indicator for r in alle_effectmetingen(s)] == ["Actief"]
