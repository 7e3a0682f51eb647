"""Effect measurements (registry.effectmeting): strength of evidence, Dutch numbers, and the value text as printed."""

import pytest

from registry.bron import maak_bron
from registry.effectmeting import effectmetingen_van, getal_uit_tekst, voeg_effectmeting_toe
from registry.fouten import NietGevonden, ValidatieFout
from registry.maatregel import maak_maatregel
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
