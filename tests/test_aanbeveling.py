"""Recommendations (registry.aanbeveling): opvolging with a written motivation for 'afgewezen', who decided and when,
links to measures, and the refusal of a stale decision — on SQLite and PostgreSQL."""

import threading
import time
from datetime import date

import pytest
from sqlalchemy import text

from registry.aanbeveling import (AanbevelingFilter, AanbevelingRij, aanbevelingen, beslis_opvolging,
                                  bronnen_met_aanbevelingen, filter_aanbevelingen, gekoppelde_maatregelen,
                                  haal_aanbeveling, koppel, koppelbare_maatregelen, maak_aanbeveling, ontkoppel,
                                  opvolgingshistorie, themas)
from registry.bron import maak_bron
from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import archiveer, maak_maatregel
from registry.vocabulaire import OPVOLGING
from registry.wijzigingslog import wijzigingslog

# --- helpers --------------------------------------------------------------------------------------------------------


def maatregel(register, domein="TV"):
    with register.werk() as s:
        return maak_maatregel(s, {"domein": domein, "naam": "Maatregel"}, "anna")


def maak(register, code="EV-05", titel="Zorg voor één overzicht van maatregelen", *, gebruiker="anna", **kw):
    with register.werk() as s:
        return maak_aanbeveling(s, code, titel, gebruiker, **kw)


def lees(register, code="EV-05"):
    with register.sessie() as s:
        return haal_aanbeveling(s, code)


def alle(register, **kw):
    with register.sessie() as s:
        return aanbevelingen(s, **kw)


def beslis(register, code="EV-05", opvolging="overgenomen", motivatie=None, *, gebruiker="bram", versie=None,
           datum=None):
    with register.werk() as s:
        if versie is None:
            versie = haal_aanbeveling(s, code).versie
        return beslis_opvolging(s, code, opvolging, motivatie, gebruiker, versie, datum=datum)


def log(register, code="EV-05"):
    with register.sessie() as s:
        return wijzigingslog(s, "aanbeveling", code)


# --- creating -------------------------------------------------------------------------------------------------------

def test_nieuwe_aanbeveling_staat_open_en_bewaart_haar_gegevens(register):
    with register.werk() as s:
        maak_bron(s, "EVAL-2024", "Evaluatie", soort="evaluatie")
    a = maak(register, tekst="Breng alle maatregelen in één register <met> \"status\" & effect 😀",
             bron="EVAL-2024", vindplaats="Aanbeveling 5, p. 12", nummer="5", thema="Overzicht",
             datum=date(2024, 11, 1), deadline="Q2 2025")
    terug = lees(register)
    assert terug == a
    assert terug.opvolging == "open"
    assert terug.tekst == "Breng alle maatregelen in één register <met> \"status\" & effect 😀"
    assert (terug.bron, terug.vindplaats, terug.nummer, terug.thema) == ("EVAL-2024", "Aanbeveling 5, p. 12", "5",
                                                                         "Overzicht")
    assert terug.datum == date(2024, 11, 1)
    assert terug.deadline.tekst == "Q2 2025"
    assert terug.deadline.tot == date(2025, 6, 30)
    assert (terug.motivatie, terug.besloten_op, terug.besloten_door) == (None, None, None)
    assert terug.maatregelen == ()


def test_dubbele_code_en_ontbrekende_titel_worden_geweigerd(register):
    maak(register, "EV-05")
    with pytest.raises(ValidatieFout, match="EV-05"):
        maak(register, "EV-05", "Andere titel")
    with pytest.raises(ValidatieFout, match="Titel is verplicht"):
        maak(register, "EV-06", "   ")
    assert [a.code for a in alle(register)] == ["EV-05"]


def test_onbekende_bron_of_onleesbare_deadline_wordt_geweigerd(register):
    with pytest.raises(NietGevonden):
        maak(register, bron="BESTAAT-NIET")
    with pytest.raises(ValidatieFout, match="Deadline"):
        maak(register, deadline="zo snel mogelijk")
    assert alle(register) == []


# --- afgewezen needs a motivation -----------------------------------------------------------------------------------

@pytest.mark.parametrize("motivatie", [None, "", "   ", "\n"])
@pytest.mark.parametrize("opvolging", ["afgewezen", "Afgewezen", "gemotiveerd afgewezen"])
def test_afgewezen_zonder_motivatie_wordt_geweigerd_bij_aanmaken(register, opvolging, motivatie):
    with pytest.raises(ValidatieFout, match="motivatie") as fout:
        maak(register, opvolging=opvolging, motivatie=motivatie)
    assert fout.value.veld == "motivatie"
    assert alle(register) == []
    assert log(register) == []


def test_afgewezen_met_motivatie_bij_aanmaken_wordt_aanvaard(register):
    a = maak(register, opvolging="afgewezen", motivatie="Past niet binnen de <IV-capaciteit> & het budget.",
             besloten_op=date(2025, 2, 3), besloten_door="DG Toeslagen")
    assert a.opvolging == "afgewezen"
    terug = lees(register)
    assert terug.motivatie == "Past niet binnen de <IV-capaciteit> & het budget."
    assert (terug.besloten_op, terug.besloten_door) == (date(2025, 2, 3), "DG Toeslagen")


@pytest.mark.parametrize("motivatie", [None, "", "   "])
def test_afgewezen_zonder_motivatie_via_beslis_opvolging_wordt_geweigerd_en_er_verandert_niets(register, motivatie):
    maak(register)
    voor, log_voor = lees(register), log(register)
    with pytest.raises(ValidatieFout, match="motivatie"):
        beslis(register, opvolging="afgewezen", motivatie=motivatie)
    assert lees(register) == voor
    assert voor.opvolging == "open" and voor.besloten_door is None
    assert log(register) == log_voor


def test_afgewezen_met_motivatie_legt_vast_wie_en_wanneer(register):
    a = maak(register)
    na = beslis(register, opvolging="afgewezen", motivatie="Wetgeving staat dit niet toe.", gebruiker="bram",
                datum=date(2025, 3, 1))
    assert na.opvolging == "afgewezen"
    terug = lees(register)
    assert terug.motivatie == "Wetgeving staat dit niet toe."
    assert terug.besloten_door == "bram"
    assert terug.besloten_op == date(2025, 3, 1)
    assert terug.versie == a.versie + 1


def test_besluit_zonder_datum_krijgt_de_datum_van_vandaag(register):
    maak(register)
    beslis(register, opvolging="opgevolgd", gebruiker="carla")
    terug = lees(register)
    assert (terug.besloten_op, terug.besloten_door) == (date.today(), "carla")


@pytest.mark.parametrize("opvolging", OPVOLGING.codes)
def test_elke_opvolgingswaarde_kan_worden_vastgelegd(register, opvolging):
    assert set(OPVOLGING.codes) == {"open", "overgenomen", "deels_opgevolgd", "opgevolgd", "afgewezen"}
    maak(register)
    motivatie = "Gemotiveerd besluit." if opvolging == "afgewezen" else None
    beslis(register, opvolging=opvolging, motivatie=motivatie)
    assert lees(register).opvolging == opvolging
    # and at creation too
    maak(register, "EV-99", opvolging=opvolging, motivatie=motivatie)
    assert lees(register, "EV-99").opvolging == opvolging


@pytest.mark.parametrize("invoer, code", [("Deels opgevolgd", "deels_opgevolgd"), ("OVERGENOMEN", "overgenomen"),
                                          ("deels opgevolgd", "deels_opgevolgd")])
def test_opvolging_mag_als_label_worden_gegeven(register, invoer, code):
    maak(register)
    beslis(register, opvolging=invoer)
    assert lees(register).opvolging == code


def test_onbekende_opvolging_wordt_geweigerd_met_de_toegestane_waarden(register):
    maak(register)
    with pytest.raises(ValidatieFout) as fout:
        beslis(register, opvolging="genegeerd")
    for code in OPVOLGING.codes:
        assert code in str(fout.value)
    assert lees(register).opvolging == "open"


def test_elk_besluit_blijft_in_het_wijzigingslog(register):
    maak(register, gebruiker="anna")
    beslis(register, opvolging="overgenomen", gebruiker="bram")
    beslis(register, opvolging="afgewezen", motivatie="Toch niet uitvoerbaar.", gebruiker="carla")
    rijen = [(r.gebruiker, r.veld, r.oud, r.nieuw) for r in log(register) if r.veld in ("opvolging", "motivatie")]
    assert rijen == [
        ("anna", "opvolging", None, "open"),
        ("bram", "opvolging", "open", "overgenomen"),
        ("carla", "opvolging", "overgenomen", "afgewezen"),
        ("carla", "motivatie", None, "Toch niet uitvoerbaar."),
    ]


# --- links to measures ----------------------------------------------------------------------------------------------

def test_aanbevelingen_en_maatregelen_veel_op_veel_koppelen(register):
    tv1, tv2, in1 = maatregel(register), maatregel(register), maatregel(register, "IN")
    maak(register, "EV-05", maatregelen=[tv2.code, tv1.code])
    maak(register, "EV-07")
    with register.werk() as s:
        koppel(s, "EV-07", tv1.code.lower(), "anna")
        koppel(s, "EV-07", in1.code, "anna")

    assert lees(register, "EV-05").maatregelen == (tv1.code, tv2.code)
    assert lees(register, "EV-07").maatregelen == tuple(sorted([tv1.code, in1.code]))
    assert [a.code for a in alle(register, maatregel_ids={tv1.id})] == ["EV-05", "EV-07"]
    assert [a.code for a in alle(register, maatregel_ids={tv2.id})] == ["EV-05"]
    assert [a.code for a in alle(register, maatregel_ids={in1.id})] == ["EV-07"]


def test_dubbel_koppelen_is_een_koppeling(register):
    m = maatregel(register)
    maak(register)
    with register.werk() as s:
        koppel(s, "EV-05", m.code, "anna")
        koppel(s, "EV-05", m.code, "anna")
    with register.werk() as s:
        koppel(s, "EV-05", m.code, "bram")
    assert lees(register).maatregelen == (m.code,)
    gekoppeld = [r for r in log(register) if r.veld == "gekoppeld"]
    assert [(r.gebruiker, r.nieuw) for r in gekoppeld] == [("anna", m.code)]


def test_ontkoppelen_haalt_alleen_die_koppeling_weg(register):
    a, b = maatregel(register), maatregel(register)
    maak(register, maatregelen=[a.code, b.code])
    with register.werk() as s:
        ontkoppel(s, "EV-05", a.code, "bram")
    assert lees(register).maatregelen == (b.code,)
    with register.werk() as s:
        ontkoppel(s, "EV-05", a.code, "bram")  # already gone: nothing happens
    assert lees(register).maatregelen == (b.code,)
    ontkoppeld = [(r.gebruiker, r.oud, r.nieuw) for r in log(register) if r.veld == "gekoppeld" and r.oud]
    assert ontkoppeld == [("bram", a.code, None)]
    assert alle(register, maatregel_ids={a.id}) == []


@pytest.mark.parametrize("aanbeveling, code", [("EV-99", None), ("EV-05", "TV-42")])
def test_koppelen_met_onbekende_codes_geeft_niet_gevonden(register, aanbeveling, code):
    m = maatregel(register)
    maak(register)
    with pytest.raises(NietGevonden), register.werk() as s:
        koppel(s, aanbeveling, code or m.code, "anna")
    with pytest.raises(NietGevonden), register.werk() as s:
        ontkoppel(s, aanbeveling, code or m.code, "anna")
    assert lees(register).maatregelen == ()


def test_gearchiveerde_maatregel_wordt_niet_gekoppeld_maar_kan_wel_ontkoppeld_worden(register):
    m = maatregel(register)
    maak(register, "EV-05", maatregelen=[m.code])
    maak(register, "EV-07")
    with register.werk() as s:
        archiveer(s, m.code, "anna", m.versie)
    log_voor = log(register, "EV-07")
    with pytest.raises(ValidatieFout) as fout, register.werk() as s:
        koppel(s, "EV-07", m.code, "bram")
    assert fout.value.melding == f"Maatregel {m.code} is gearchiveerd; zet hem eerst terug om hem te koppelen."
    assert lees(register, "EV-07").maatregelen == ()
    assert log(register, "EV-07") == log_voor
    with pytest.raises(ValidatieFout):
        maak(register, "EV-09", maatregelen=[m.code])
    assert lees(register, "EV-05").maatregelen == (m.code,)
    with register.werk() as s:
        ontkoppel(s, "EV-05", m.code, "bram")
    assert lees(register, "EV-05").maatregelen == ()


def test_aanmaken_met_een_onbekende_maatregel_schrijft_niets(register):
    m = maatregel(register)
    with pytest.raises(NietGevonden):
        maak(register, maatregelen=[m.code, "TV-42"])
    assert alle(register) == []


# --- concurrency ----------------------------------------------------------------------------------------------------

def _wacht_tot_een_ander_op_een_slot_wacht(register) -> None:
    """Until another connection waits for this one's uncommitted write (as long as that takes on a server)."""
    if register.is_sqlite:
        time.sleep(0.5)  # SQLite shows no waiting connections; the other one retries its write until we commit
        return
    with register.engine.connect() as c:
        for _ in range(200):
            if c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                              "AND datname = current_database()")).scalar():
                return
            time.sleep(0.05)


def test_twee_gebruikers_die_tegelijk_hetzelfde_koppelen_krijgen_een_koppeling_en_geen_fout(register):
    from db.openen import open_register

    m = maatregel(register)
    maak(register)
    collega = open_register(pad=register.pad) if register.is_sqlite else open_register(url=register.url)
    uitkomst = []

    def anna_koppelt():
        try:
            with collega.werk() as s:
                koppel(s, "EV-05", m.code, "anna")
            uitkomst.append("gekoppeld")
        except Exception as fout:  # noqa: BLE001 - whatever it is, the test reports it
            uitkomst.append(repr(fout))

    try:
        with register.werk() as s:
            koppel(s, "EV-05", m.code, "bram")  # bram's link is written, not yet committed
            anna = threading.Thread(target=anna_koppelt)
            anna.start()
            _wacht_tot_een_ander_op_een_slot_wacht(register)
        anna.join(timeout=60)
    finally:
        collega.sluit()
    assert uitkomst == ["gekoppeld"]  # the link exists, as anna wanted: no error (and no "onverwachte fout")
    assert lees(register).maatregelen == (m.code,)
    assert [(r.gebruiker, r.nieuw) for r in log(register) if r.veld == "gekoppeld"] == [("bram", m.code)]


def test_besluit_met_verouderde_versie_geeft_conflict_en_schrijft_niets(register):
    a = maak(register)
    beslis(register, opvolging="overgenomen", gebruiker="bram", versie=a.versie)
    voor, log_voor = lees(register), log(register)
    with pytest.raises(ConflictFout) as fout:
        beslis(register, opvolging="afgewezen", motivatie="Te duur.", gebruiker="carla", versie=a.versie)
    assert "opvolging" in str(fout.value) and "bram" in str(fout.value)
    assert [(w.veld, w.gebruiker) for w in fout.value.wijzigingen] == [("opvolging", "bram")]
    assert lees(register) == voor
    assert log(register) == log_voor


def test_conflictmelding_bij_een_aanbeveling_spreekt_over_de_aanbeveling(register):
    a = maak(register)
    beslis(register, opvolging="opgevolgd", gebruiker="bram", versie=a.versie)
    with pytest.raises(ConflictFout) as fout:
        beslis(register, opvolging="overgenomen", gebruiker="carla", versie=a.versie)
    melding = str(fout.value)
    assert "Aanbeveling EV-05" in melding
    assert "maatregel" not in melding.lower()  # the user edits a recommendation: tell them to reload that


# --- filtering (the Aanbevelingen view) -----------------------------------------------------------------------------

def rij(code, titel="Titel", *, tekst=None, bron=None, nummer=None, thema=None, datum=None, opvolging="open",
        maatregelen=()):
    """A row as `aanbevelingen` returns it, built here: the filter is plain Python over rows."""
    return AanbevelingRij(id=0, code=code, titel=titel, tekst=tekst, bron=bron, vindplaats=None, nummer=nummer,
                          thema=thema, datum=datum, deadline=None, opvolging=opvolging, motivatie=None,
                          besloten_op=None, besloten_door=None, maatregelen=tuple(maatregelen), versie=1)


PEILDATUM = date(2026, 6, 15)
RIJEN = [
    rij("EV-01", "Eén overzicht van maatregelen", tekst="Breng alles samen", bron="EVAL", thema="BU",
        datum=date(2025, 12, 15), maatregelen=["BU-01"]),
    rij("EV-02", "Effectmetingen bundelen", bron="EVAL", thema="BU", datum=date(2025, 12, 16)),
    rij("EV-03", "Afwijzingen motiveren", bron="EVAL", thema="DC", datum=date(2024, 1, 1), opvolging="afgewezen"),
    rij("KB-01", "Proactieve dienstverlening", tekst="Wetsvoorstel in 2026", bron="KB", nummer="toezegging Grinwis",
        thema="NG", datum=date(2025, 1, 1), opvolging="overgenomen", maatregelen=["NG-15"]),
    rij("KB-02", "Niet-gebruik terugdringen", bron="KB", thema=None, datum=None),
]


def codes(rijen):
    return [r.code for r in rijen]


def test_zonder_filter_blijven_alle_rijen_in_hun_volgorde():
    assert AanbevelingFilter().is_leeg()
    assert codes(filter_aanbevelingen(RIJEN, AanbevelingFilter(), PEILDATUM)) == codes(RIJEN)


@pytest.mark.parametrize("f, verwacht", [
    (AanbevelingFilter(bron="EVAL"), ["EV-01", "EV-02", "EV-03"]),
    (AanbevelingFilter(bron="ONBEKEND"), []),
    (AanbevelingFilter(thema="BU"), ["EV-01", "EV-02"]),
    (AanbevelingFilter(opvolging="afgewezen"), ["EV-03"]),
    (AanbevelingFilter(opvolging="open"), ["EV-01", "EV-02", "KB-02"]),
    (AanbevelingFilter(zonder_maatregel=True), ["EV-02", "EV-03", "KB-02"]),
    (AanbevelingFilter(codes=frozenset({"KB-02", "EV-01", "XX-99"})), ["EV-01", "KB-02"]),
    (AanbevelingFilter(codes=frozenset()), []),
])
def test_elk_filter_apart(f, verwacht):
    assert codes(filter_aanbevelingen(RIJEN, f, PEILDATUM)) == verwacht


@pytest.mark.parametrize("zoek, verwacht", [
    ("een overzicht", ["EV-01"]),  # Eén: accent and case ignored
    ("ÉÉN", ["EV-01"]),
    ("samen breng", ["EV-01"]),  # every word, in any order, in the text
    ("grinwis", ["KB-01"]),  # the number
    ("kb-0", ["KB-01", "KB-02"]),  # the code
    ("wetsvoorstel", ["KB-01"]),  # the text
    ("   ", codes(RIJEN)),
    ("onvindbaar", []),
])
def test_zoeken_negeert_hoofdletters_en_accenten(zoek, verwacht):
    assert codes(filter_aanbevelingen(RIJEN, AanbevelingFilter(zoektekst=zoek), PEILDATUM)) == verwacht


def test_langer_open_dan_telt_alleen_open_aanbevelingen_ouder_dan_de_grens():
    # Six months before 15-06-2026 is 15-12-2025: the 15th itself is not older, the 14th is.
    rijen = [rij("A-1", datum=date(2025, 12, 14)), rij("A-2", datum=date(2025, 12, 15)),
             rij("A-3", datum=date(2025, 12, 16)), rij("A-4", datum=date(2020, 1, 1), opvolging="overgenomen"),
             rij("A-5", datum=None)]
    f = AanbevelingFilter(open_langer_dan=6)
    assert codes(filter_aanbevelingen(rijen, f, PEILDATUM)) == ["A-1"]
    assert codes(filter_aanbevelingen(rijen, f, date(2026, 6, 16))) == ["A-1", "A-2"]


def test_langer_open_dan_volgt_het_signaal(register):
    """The filter and the signal `aanbeveling_lang_open` name the same recommendations."""
    from registry.signalen import Drempels, signalen

    maak(register, "A-1", datum=date(2025, 1, 1))
    maak(register, "A-2", datum=date(2026, 5, 1))
    maak(register, "A-3", datum=date(2024, 1, 1), opvolging="opgevolgd")
    with register.sessie() as s:
        signaal = next(x for x in signalen(s, Drempels(aanbeveling_open=4), PEILDATUM)
                       if x.sleutel == "aanbeveling_lang_open")
    gefilterd = filter_aanbevelingen(alle(register), AanbevelingFilter(open_langer_dan=4), PEILDATUM)
    assert codes(gefilterd) == list(signaal.codes) == ["A-1"]


def test_filters_samen_moeten_allemaal_kloppen():
    f = AanbevelingFilter(bron="EVAL", thema="BU", opvolging="open", open_langer_dan=5, zonder_maatregel=False,
                          zoektekst="overzicht")
    assert codes(filter_aanbevelingen(RIJEN, f, PEILDATUM)) == ["EV-01"]
    assert codes(filter_aanbevelingen(RIJEN, AanbevelingFilter(bron="EVAL", zonder_maatregel=True,
                                                               opvolging="open"), PEILDATUM)) == ["EV-02"]
    assert codes(filter_aanbevelingen(RIJEN, AanbevelingFilter(bron="KB", thema="BU"), PEILDATUM)) == []
    signaal = frozenset({"EV-01", "EV-03", "KB-01"})
    assert codes(filter_aanbevelingen(RIJEN, AanbevelingFilter(codes=signaal, bron="EVAL"), PEILDATUM)) == [
        "EV-01", "EV-03"]


def test_themas_en_bronnen_bieden_alleen_wat_voorkomt(register):
    assert themas(RIJEN) == ["BU", "DC", "NG"]
    with register.werk() as s:
        maak_bron(s, "EVAL-2024", "Evaluatie", soort="evaluatie")
        maak_bron(s, "ANDER", "Zonder aanbevelingen")
    maak(register, "EV-01", bron="EVAL-2024", thema="BU")
    maak(register, "EV-02", thema="DC")
    with register.sessie() as s:
        assert bronnen_met_aanbevelingen(s) == [("EVAL-2024", "Evaluatie")]
    assert themas(alle(register)) == ["BU", "DC"]


def test_gekoppelde_en_koppelbare_maatregelen_met_naam(register):
    a, b = maatregel(register), maatregel(register, "IN")
    with register.werk() as s:
        gearchiveerd = maak_maatregel(s, {"domein": "DC", "naam": "Oud"}, "anna")
    maak(register, maatregelen=[b.code, gearchiveerd.code])
    with register.werk() as s:  # archived after it was linked: the link stays and is shown
        archiveer(s, gearchiveerd.code, "anna", gearchiveerd.versie)
    with register.sessie() as s:
        gekoppeld = gekoppelde_maatregelen(s, "EV-05")
        koppelbaar = koppelbare_maatregelen(s)
    assert [(m.code, m.naam, m.status, m.gearchiveerd) for m in gekoppeld] == [  # code order: DC before IN
        (gearchiveerd.code, "Oud", gearchiveerd.status, True), (b.code, "Maatregel", b.status, False)]
    assert koppelbaar == [(b.code, "Maatregel"), (a.code, "Maatregel")]  # IN before TV; archived ones not offered


# --- the opvolging history ------------------------------------------------------------------------------------------

def test_opvolgingshistorie_legt_elk_besluit_vast_nieuwste_eerst(register):
    m = maatregel(register)
    maak(register, gebruiker="anna")
    beslis(register, opvolging="overgenomen", gebruiker="bram")
    with register.werk() as s:
        koppel(s, "EV-05", m.code, "carla")
    beslis(register, opvolging="afgewezen", motivatie="Past niet in de IV-capaciteit.", gebruiker="dirk")
    beslis(register, opvolging="afgewezen", motivatie="Wetgeving staat het niet toe.", gebruiker="eva")
    with register.werk() as s:
        ontkoppel(s, "EV-05", m.code, "fleur")
    beslis(register, opvolging="opgevolgd", gebruiker="gijs")

    with register.sessie() as s:
        regels = opvolgingshistorie(s, "EV-05")
    assert [(r.gebruiker, r.soort, r.oud, r.nieuw, r.motivatie, r.maatregel) for r in regels] == [
        ("gijs", "besluit", "afgewezen", "opgevolgd", None, None),
        ("fleur", "ontkoppeld", None, None, None, m.code),
        ("eva", "besluit", "afgewezen", "afgewezen", "Wetgeving staat het niet toe.", None),
        ("dirk", "besluit", "overgenomen", "afgewezen", "Past niet in de IV-capaciteit.", None),
        ("carla", "gekoppeld", None, None, None, m.code),
        ("bram", "besluit", "open", "overgenomen", None, None),
        ("anna", "aangemaakt", None, "open", None, None),
    ]
    assert [r.motivatie_gewijzigd for r in regels if r.soort == "besluit"] == [True, True, True, False]
    tijden = [r.tijdstip for r in regels]
    assert tijden == sorted(tijden, reverse=True)


def test_historie_kent_de_motivatie_van_bij_het_aanmaken(register):
    maak(register, opvolging="afgewezen", motivatie="Te duur.", gebruiker="anna")
    beslis(register, opvolging="afgewezen", motivatie="Te duur en niet uitvoerbaar.", gebruiker="bram")
    with register.sessie() as s:
        regels = opvolgingshistorie(s, "EV-05")
    assert [(r.soort, r.nieuw, r.motivatie) for r in regels] == [
        ("besluit", "afgewezen", "Te duur en niet uitvoerbaar."), ("aangemaakt", "afgewezen", "Te duur.")]


def test_geweigerd_besluit_staat_niet_in_de_historie(register):
    maak(register)
    with pytest.raises(ValidatieFout):
        beslis(register, opvolging="afgewezen", motivatie="  ")
    with register.sessie() as s:
        assert [r.soort for r in opvolgingshistorie(s, "EV-05")] == ["aangemaakt"]
        with pytest.raises(NietGevonden):
            opvolgingshistorie(s, "EV-99")


def test_koppelen_verhoogt_de_versie_niet_zodat_een_lopend_besluit_slaagt(register):
    """Links sit outside the version: a colleague linking a measure does not void my decision in progress."""
    m = maatregel(register)
    gelezen = maak(register)
    with register.werk() as s:
        koppel(s, "EV-05", m.code, "collega")
    beslis(register, opvolging="afgewezen", motivatie="Niet uitvoerbaar.", versie=gelezen.versie)
    terug = lees(register)
    assert (terug.opvolging, terug.maatregelen) == ("afgewezen", (m.code,))
