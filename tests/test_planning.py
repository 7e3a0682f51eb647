"""Tests for registry.planning: vague dates for planning targets."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from registry.planning import (
    OngeldigeDatum,
    Periode,
    parse_datum,
    parse_periode,
    parse_periode_of_leeg,
    periode_uit_json,
)

D = dt.date

# No example database: keep the test run from writing files into the repository.
geen_database = settings(database=None, deadline=None)


def _bereik(tekst):
    p = parse_periode(tekst)
    return p.van, p.tot


@pytest.mark.parametrize(
    "tekst, dag",
    [
        ("31-12-2026", D(2026, 12, 31)),
        ("1-2-2026", D(2026, 2, 1)),
        ("01-02-2026", D(2026, 2, 1)),
        ("31/12/2026", D(2026, 12, 31)),
        ("31.12.2026", D(2026, 12, 31)),
        ("2026-12-31", D(2026, 12, 31)),
        ("2026/12/31", D(2026, 12, 31)),
        ("31 december 2026", D(2026, 12, 31)),
        ("31 December 2026", D(2026, 12, 31)),
        ("1 feb 2026", D(2026, 2, 1)),
        ("1 feb. 2026", D(2026, 2, 1)),
        ("1-feb-2026", D(2026, 2, 1)),
        ("  15   mrt  2026 ", D(2026, 3, 15)),
        ("15 maa 2026", D(2026, 3, 15)),
        ("15 maart 2026", D(2026, 3, 15)),
        ("15 mei 2026", D(2026, 5, 15)),
        ("15 sept 2026", D(2026, 9, 15)),
        ("15 sep 2026", D(2026, 9, 15)),
        ("15 okt 2026", D(2026, 10, 15)),
        ("29-02-2028", D(2028, 2, 29)),
    ],
)
def test_exacte_dag_in_alle_schrijfwijzen(tekst, dag):
    assert _bereik(tekst) == (dag, dag)
    assert parse_datum(tekst) == dag


@pytest.mark.parametrize(
    "tekst, van, tot",
    [
        ("december 2026", D(2026, 12, 1), D(2026, 12, 31)),
        ("December 2026", D(2026, 12, 1), D(2026, 12, 31)),
        ("dec 2026", D(2026, 12, 1), D(2026, 12, 31)),
        ("dec-2026", D(2026, 12, 1), D(2026, 12, 31)),
        ("2026-12", D(2026, 12, 1), D(2026, 12, 31)),
        ("12-2026", D(2026, 12, 1), D(2026, 12, 31)),
        ("feb 2028", D(2028, 2, 1), D(2028, 2, 29)),
        ("februari 2026", D(2026, 2, 1), D(2026, 2, 28)),
        ("jun 2026", D(2026, 6, 1), D(2026, 6, 30)),
    ],
)
def test_maand_in_alle_schrijfwijzen(tekst, van, tot):
    assert _bereik(tekst) == (van, tot)


@pytest.mark.parametrize(
    "tekst",
    [
        "Q3 2026",
        "q3 2026",
        "2026-Q3",
        "Q3-2026",
        "2026 Q3",
        "3e kwartaal 2026",
        "3de kwartaal 2026",
        "derde kwartaal 2026",
        "Derde Kwartaal 2026",
        "K3 2026",
        "  Q3    2026  ",
    ],
)
def test_kwartaal_in_alle_schrijfwijzen(tekst):
    assert _bereik(tekst) == (D(2026, 7, 1), D(2026, 9, 30))


@pytest.mark.parametrize(
    "tekst, van, tot",
    [
        ("Q1 2026", D(2026, 1, 1), D(2026, 3, 31)),
        ("Q2 2026", D(2026, 4, 1), D(2026, 6, 30)),
        ("Q4 2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("eerste kwartaal 2026", D(2026, 1, 1), D(2026, 3, 31)),
        ("tweede kwartaal 2026", D(2026, 4, 1), D(2026, 6, 30)),
        ("vierde kwartaal 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ],
)
def test_elk_kwartaal_heeft_de_juiste_grenzen(tekst, van, tot):
    assert _bereik(tekst) == (van, tot)


@pytest.mark.parametrize(
    "tekst, van, tot",
    [
        ("H1 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("h1 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("2026-H1", D(2026, 1, 1), D(2026, 6, 30)),
        ("H1-2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("1e helft 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("eerste helft 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("H2 2026", D(2026, 7, 1), D(2026, 12, 31)),
        ("tweede helft 2026", D(2026, 7, 1), D(2026, 12, 31)),
        ("2e helft 2026", D(2026, 7, 1), D(2026, 12, 31)),
    ],
)
def test_halfjaar_in_alle_schrijfwijzen(tekst, van, tot):
    assert _bereik(tekst) == (van, tot)


@pytest.mark.parametrize("tekst", ["2027", " 2027 "])
def test_jaar_beslaat_het_hele_jaar(tekst):
    assert _bereik(tekst) == (D(2027, 1, 1), D(2027, 12, 31))


@pytest.mark.parametrize(
    "tekst, van, tot",
    [
        ("begin 2026", D(2026, 1, 1), D(2026, 3, 31)),
        ("Begin 2026", D(2026, 1, 1), D(2026, 3, 31)),
        ("medio 2026", D(2026, 5, 1), D(2026, 8, 31)),
        ("eind 2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("einde 2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("eind van 2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("eind-2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("EIND 2026", D(2026, 10, 1), D(2026, 12, 31)),
        ("voorjaar 2026", D(2026, 3, 1), D(2026, 5, 31)),
        ("zomer 2026", D(2026, 6, 1), D(2026, 8, 31)),
        ("najaar 2026", D(2026, 9, 1), D(2026, 11, 30)),
    ],
)
def test_begin_medio_eind_en_seizoenen(tekst, van, tot):
    assert _bereik(tekst) == (van, tot)


@pytest.mark.parametrize("tekst", ["1900", "2199", "1-1-1900", "31-12-2199", "Q4 2199"])
def test_jaren_van_1900_tot_en_met_2199_zijn_toegestaan(tekst):
    parse_periode(tekst)


@pytest.mark.parametrize(
    "tekst", ["1899", "2200", "99999", "31-12-1899", "Q1 2200", "eind 1800", "0012", "31-12-26"]
)
def test_jaren_buiten_bereik_worden_geweigerd(tekst):
    with pytest.raises(OngeldigeDatum, match="Jaartal buiten bereik"):
        parse_periode(tekst)


def test_tekst_blijft_letterlijk_bewaard_zonder_buitenste_witruimte():
    p = parse_periode("  Q3   2026 \n")
    assert p.tekst == "Q3   2026"
    assert str(p) == "Q3   2026"


@pytest.mark.parametrize(
    "tekst, nederlands",
    [
        ("31-12-2026", "31 december 2026"),
        ("1-2-2026", "1 februari 2026"),
        ("2026-12", "december 2026"),
        ("dec 2026", "december 2026"),
        ("Q3 2026", "3e kwartaal 2026"),
        ("derde kwartaal 2026", "3e kwartaal 2026"),
        ("Q1 2026", "1e kwartaal 2026"),
        ("H1 2026", "1e helft 2026"),
        ("tweede helft 2026", "2e helft 2026"),
        ("2026", "2026"),
        ("begin 2026", "begin 2026"),
        ("medio 2026", "medio 2026"),
        ("eind van 2026", "eind 2026"),
        ("eind-2026", "eind 2026"),
        ("voorjaar 2026", "voorjaar 2026"),
        ("zomer 2026", "zomer 2026"),
        ("najaar 2026", "najaar 2026"),
    ],
)
def test_nederlands_geeft_de_vaste_schrijfwijze(tekst, nederlands):
    assert parse_periode(tekst).nederlands() == nederlands


def test_begin_en_eerste_kwartaal_zijn_even_lang_maar_worden_verschillend_beschreven():
    begin, q1 = parse_periode("begin 2026"), parse_periode("Q1 2026")
    assert (begin.van, begin.tot) == (q1.van, q1.tot)
    assert begin.nederlands() == "begin 2026"
    assert q1.nederlands() == "1e kwartaal 2026"


def test_gelijkheid_hangt_af_van_tekst_van_en_tot():
    assert parse_periode("Q3 2026") == parse_periode(" Q3 2026 ")
    assert parse_periode("Q3 2026") != parse_periode("3e kwartaal 2026")
    assert parse_periode("Q3 2026") == Periode("Q3 2026", D(2026, 7, 1), D(2026, 9, 30))
    assert hash(parse_periode("Q3 2026")) == hash(Periode("Q3 2026", D(2026, 7, 1), D(2026, 9, 30)))


def test_zelfgemaakte_periode_leidt_haar_nederlandse_vorm_af():
    assert Periode("eind 2026", D(2026, 10, 1), D(2026, 12, 31)).nederlands() == "eind 2026"
    assert Periode("deadline", D(2026, 10, 1), D(2026, 12, 31)).nederlands() == "4e kwartaal 2026"
    assert Periode("x", D(2026, 3, 5), D(2026, 3, 5)).nederlands() == "5 maart 2026"


def test_periode_met_einde_voor_begin_is_ongeldig():
    with pytest.raises(OngeldigeDatum):
        Periode("x", D(2026, 2, 1), D(2026, 1, 1))


def test_verstreken_pas_na_de_laatste_dag():
    p = parse_periode("Q3 2026")
    assert not p.verstreken(D(2026, 7, 1))
    assert not p.verstreken(D(2026, 9, 30))  # tot == peildatum: not passed yet
    assert p.verstreken(D(2026, 10, 1))  # the day after: passed


def test_exacte_dag_is_verstreken_vanaf_de_volgende_dag():
    p = parse_periode("31-12-2026")
    assert not p.verstreken(D(2026, 12, 31))
    assert p.verstreken(D(2027, 1, 1))


@pytest.mark.parametrize(
    "tekst, melding",
    [
        ("morgen", "Onbekende datum"),
        ("Q5 2026", "kwartaal"),
        ("Q0 2026", "kwartaal"),
        ("5e kwartaal 2026", "kwartaal"),
        ("31-02-2026", "bestaat niet"),
        ("29-02-2026", "bestaat niet"),
        ("H3 2026", "helft"),
        ("3e helft 2026", "helft"),
        ("", "Geen datum"),
        ("   ", "Geen datum"),
        ("99999", "Jaartal"),
        ("2026-13", "maand"),
        ("onbekend", "Onbekende datum"),
        ("Q3", "Onbekende datum"),
        ("december", "Onbekende datum"),
        ("winter 2026", "Onbekende datum"),
    ],
)
def test_ongeldige_invoer_geeft_een_nederlandse_melding(tekst, melding):
    with pytest.raises(OngeldigeDatum, match=melding):
        parse_periode(tekst)


def test_onbekende_datum_noemt_voorbeelden():
    with pytest.raises(OngeldigeDatum) as info:
        parse_periode("foo")
    assert str(info.value) == (
        'Onbekende datum: "foo". Gebruik bijvoorbeeld 31-12-2026, december 2026, Q3 2026, '
        "H1 2026, 2027, begin/medio/eind 2026 of voorjaar/najaar 2026."
    )


def test_ongeldige_datum_is_alleen_een_valueerror():
    assert OngeldigeDatum.__mro__ == (OngeldigeDatum, ValueError, Exception, BaseException, object)


@pytest.mark.parametrize("tekst", ["december 2026", "Q3 2026", "2026", "eind 2026", "morgen", ""])
def test_parse_datum_accepteert_alleen_een_exacte_dag(tekst):
    with pytest.raises(OngeldigeDatum):
        parse_datum(tekst)


@pytest.mark.parametrize("tekst", [None, "", "   ", "\t\n", "onbekend", "Onbekend", " ONBEKEND "])
def test_leeg_of_onbekend_betekent_geen_periode(tekst):
    assert parse_periode_of_leeg(tekst) is None


def test_parse_periode_of_leeg_leest_gewone_tekst_en_weigert_onzin():
    assert parse_periode_of_leeg("Q3 2026") == parse_periode("Q3 2026")
    with pytest.raises(OngeldigeDatum):
        parse_periode_of_leeg("morgen")


@pytest.mark.parametrize(
    "tekst", ["31-12-2026", "december 2026", "Q3 2026", "H2 2026", "2027", "begin 2026", "eind 2026"]
)
def test_json_heen_en_terug_levert_dezelfde_periode(tekst):
    p = parse_periode(tekst)
    d = p.als_json()
    assert set(d) == {"tekst", "van", "tot"}
    assert d["van"] == p.van.isoformat() and d["tot"] == p.tot.isoformat()
    terug = periode_uit_json(d)
    assert terug == p
    assert terug.nederlands() == p.nederlands()


def test_als_json_geeft_iso_datums():
    assert parse_periode("Q3 2026").als_json() == {
        "tekst": "Q3 2026",
        "van": "2026-07-01",
        "tot": "2026-09-30",
    }


def test_periode_uit_json_van_none_is_none():
    assert periode_uit_json(None) is None


@pytest.mark.parametrize(
    "d",
    [
        {},
        {"tekst": "Q3 2026", "van": "2026-07-01"},
        {"tekst": "Q3 2026", "van": "gisteren", "tot": "2026-09-30"},
        {"tekst": "Q3 2026", "van": "2026-10-01", "tot": "2026-09-30"},
        {"tekst": 3, "van": "2026-07-01", "tot": "2026-09-30"},
    ],
)
def test_kapotte_json_geeft_ongeldige_datum(d):
    with pytest.raises(OngeldigeDatum):
        periode_uit_json(d)


# --- property tests ---------------------------------------------------------

_MAANDNAMEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
_MAANDAFKORTINGEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
_RANGWOORDEN = ["eerste", "tweede", "derde", "vierde"]
_JAARDELEN = {
    "begin": (1, 3),
    "medio": (5, 8),
    "eind": (10, 12),
    "voorjaar": (3, 5),
    "zomer": (6, 8),
    "najaar": (9, 11),
}
_jaren = st.integers(min_value=1900, max_value=2199)


def _einde_maand(jaar, maand):
    volgende = D(jaar + 1, 1, 1) if maand == 12 else D(jaar, maand + 1, 1)
    return volgende - dt.timedelta(days=1)


@st.composite
def periodes(draw):
    """A random period text in one of its spellings, with the expected van/tot."""
    soort = draw(st.sampled_from(["dag", "maand", "kwartaal", "helft", "jaar", "jaardeel"]))
    if soort == "dag":
        d = draw(st.dates(min_value=D(1900, 1, 1), max_value=D(2199, 12, 31)))
        tekst = draw(
            st.sampled_from(
                [
                    f"{d.day}-{d.month}-{d.year}",
                    f"{d.day:02d}/{d.month:02d}/{d.year}",
                    d.isoformat(),
                    f"{d.day} {_MAANDNAMEN[d.month - 1]} {d.year}",
                    f"{d.day} {_MAANDAFKORTINGEN[d.month - 1]} {d.year}",
                ]
            )
        )
        return tekst, d, d
    jaar = draw(_jaren)
    if soort == "maand":
        m = draw(st.integers(1, 12))
        tekst = draw(
            st.sampled_from(
                [
                    f"{_MAANDNAMEN[m - 1]} {jaar}",
                    f"{_MAANDAFKORTINGEN[m - 1]} {jaar}",
                    f"{jaar}-{m:02d}",
                ]
            )
        )
        return tekst, D(jaar, m, 1), _einde_maand(jaar, m)
    if soort == "kwartaal":
        q = draw(st.integers(1, 4))
        tekst = draw(
            st.sampled_from(
                [
                    f"Q{q} {jaar}",
                    f"{jaar}-Q{q}",
                    f"Q{q}-{jaar}",
                    f"{jaar} Q{q}",
                    f"{q}e kwartaal {jaar}",
                    f"{_RANGWOORDEN[q - 1]} kwartaal {jaar}",
                    f"K{q} {jaar}",
                ]
            )
        )
        return tekst, D(jaar, 3 * q - 2, 1), _einde_maand(jaar, 3 * q)
    if soort == "helft":
        h = draw(st.integers(1, 2))
        tekst = draw(
            st.sampled_from(
                [
                    f"H{h} {jaar}",
                    f"{jaar}-H{h}",
                    f"H{h}-{jaar}",
                    f"{h}e helft {jaar}",
                    f"{_RANGWOORDEN[h - 1]} helft {jaar}",
                ]
            )
        )
        return tekst, D(jaar, 6 * h - 5, 1), _einde_maand(jaar, 6 * h)
    if soort == "jaar":
        return str(jaar), D(jaar, 1, 1), D(jaar, 12, 31)
    deel = draw(st.sampled_from(sorted(_JAARDELEN)))
    eerste, laatste = _JAARDELEN[deel]
    return f"{deel} {jaar}", D(jaar, eerste, 1), _einde_maand(jaar, laatste)


def _schrijfvariant(tekst, hoofdletters, spaties):
    tekst = tekst.upper() if hoofdletters else tekst
    return f"{' ' * spaties}{tekst.replace(' ', ' ' * (spaties + 1))}{' ' * spaties}"


@geen_database
@given(periodes(), st.booleans(), st.integers(0, 3))
def test_elke_gegenereerde_periode_heeft_de_verwachte_grenzen(periode, hoofdletters, spaties):
    tekst, van, tot = periode
    p = parse_periode(_schrijfvariant(tekst, hoofdletters, spaties))
    assert (p.van, p.tot) == (van, tot)


@geen_database
@given(periodes())
def test_nederlands_leest_terug_als_dezelfde_periode(periode):
    tekst, _, _ = periode
    p = parse_periode(tekst)
    terug = parse_periode(p.nederlands())
    assert (terug.van, terug.tot) == (p.van, p.tot)
    assert terug.nederlands() == p.nederlands()
    assert periode_uit_json(p.als_json()) == p


@geen_database
@given(st.text())
def test_willekeurige_tekst_geeft_hooguit_ongeldige_datum(tekst):
    try:
        p = parse_periode(tekst)
    except OngeldigeDatum as fout:
        assert str(fout)
    else:
        assert p.van <= p.tot
        assert 1900 <= p.van.year <= p.tot.year <= 2199
        assert p.tekst == tekst.strip()


@geen_database
@given(st.text(alphabet="0123456789-/ .qQhHkKe" + "".join(_MAANDAFKORTINGEN), max_size=20))
def test_datumachtige_tekst_geeft_hooguit_ongeldige_datum(tekst):
    try:
        parse_periode(tekst)
        parse_periode_of_leeg(tekst)
    except OngeldigeDatum:
        pass
    try:
        parse_datum(tekst)
    except OngeldigeDatum:
        pass
