"""Status history (registry.status): reasons, who, dates and sources; append-only corrections; status as of a date —
on SQLite and PostgreSQL."""

from datetime import date, timedelta

import pytest

from registry.bron import maak_bron
from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import aantal_maatregelen, haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.status import corrigeer_historie, historie, status_op, wijzig_status
from registry.wijzigingslog import wijzigingslog

D = date

# --- helpers --------------------------------------------------------------------------------------------------------


def nieuw(register, *, domein="TV", status="niet", datum=D(2025, 1, 1), gebruiker="anna", **kw):
    with register.werk() as s:
        return maak_maatregel(s, {"domein": domein, "naam": "Maatregel"}, gebruiker, status=status,
                              status_datum=datum, **kw)


def bron(register, code="EVAL-2024", titel="Evaluatie hersteloperatie"):
    with register.werk() as s:
        return maak_bron(s, code, titel, soort="evaluatie")


def lees(register, code):
    with register.sessie() as s:
        return haal_maatregel(s, code)


def hist(register, code):
    with register.sessie() as s:
        return historie(s, code)


def status(register, code, nieuw_, toelichting="Reden", *, gebruiker="anna", versie=None, **kw):
    with register.werk() as s:
        if versie is None:
            versie = haal_maatregel(s, code).versie
        return wijzig_status(s, code, nieuw_, toelichting, gebruiker, versie, **kw)


def corrigeer(register, code, regel_id, toelichting="Correctie", *, gebruiker="anna", versie=None, **kw):
    with register.werk() as s:
        if versie is None:
            versie = haal_maatregel(s, code).versie
        return corrigeer_historie(s, regel_id, toelichting, gebruiker, versie, **kw)


def op(register, peildatum):
    with register.sessie() as s:
        return status_op(s, peildatum)


# --- a change needs a reason ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("reden", ["", "   ", "\n\t", None])
def test_statuswijziging_zonder_reden_wordt_geweigerd(register, reden):
    m = nieuw(register)
    with pytest.raises(ValidatieFout, match="Toelichting is verplicht"):
        status(register, m.code, "deels", reden, datum=D(2025, 2, 1))
    terug = lees(register, m.code)
    assert terug.status == "niet"
    assert terug.versie == m.versie
    assert len(hist(register, m.code)) == 1


def test_nieuwe_maatregel_begint_met_een_eerste_historieregel(register):
    m = nieuw(register, status="deels", datum=D(2025, 1, 10), gebruiker="anna")
    [regel] = hist(register, m.code)
    assert (regel.datum, regel.oud, regel.nieuw, regel.gebruiker) == (D(2025, 1, 10), None, "deels", "anna")
    assert regel.toelichting
    assert lees(register, m.code).status == "deels"


# --- what a change records ------------------------------------------------------------------------------------------

def test_statuswijziging_legt_wie_wanneer_oud_nieuw_fase_bron_en_brontekst_vast(register):
    bron(register)
    m = nieuw(register, datum=D(2025, 1, 1))
    status(register, m.code, "deels", "Pilot gestart in twee regio's.", gebruiker="bram", datum=D(2025, 3, 15),
           fase="pilot", bron="EVAL-2024", vindplaats="§ 4.2, p. 37", brontekst="loopt (pilotfase)", afgeleid=True)

    regels = hist(register, m.code)
    assert len(regels) == 2
    r = regels[-1]
    assert r.maatregel == m.code
    assert r.datum == D(2025, 3, 15)
    assert (r.oud, r.nieuw) == ("niet", "deels")
    assert r.toelichting == "Pilot gestart in twee regio's."
    assert r.gebruiker == "bram"
    assert r.fase == "pilot"
    assert (r.bron, r.vindplaats) == ("EVAL-2024", "§ 4.2, p. 37")
    assert r.brontekst == "loopt (pilotfase)"
    assert r.afgeleid is True
    assert r.vervangen is False and r.vervangt is None

    terug = lees(register, m.code)
    assert terug.status == "deels"
    assert terug.fase == "pilot"
    assert terug.status_brontekst == "loopt (pilotfase)"
    assert terug.status_afgeleid is True
    assert terug.status_datum == D(2025, 3, 15)
    assert terug.versie == m.versie + 1


def test_statuswijziging_komt_in_het_wijzigingslog(register):
    m = nieuw(register)
    status(register, m.code, "ingevoerd", "Klaar.", gebruiker="carla", datum=D(2025, 5, 1), fase="staand")
    with register.sessie() as s:
        rijen = {r.veld: r for r in wijzigingslog(s, "maatregel", m.code) if r.gebruiker == "carla"}
    assert (rijen["status"].oud, rijen["status"].nieuw) == ("niet", "ingevoerd")
    assert (rijen["fase"].oud, rijen["fase"].nieuw) == (None, "staand")


@pytest.mark.parametrize("invoer, code", [("✓", "ingevoerd"), ("gedeeltelijk", "deels"), ("Niet ingevoerd", "niet")])
def test_status_mag_als_symbool_label_of_synoniem_worden_gegeven(register, invoer, code):
    m = nieuw(register, status="deels")
    status(register, m.code, invoer, datum=D(2025, 2, 1))
    assert lees(register, m.code).status == code
    assert hist(register, m.code)[-1].nieuw == code


def test_fase_mag_als_woord_uit_het_document_worden_gegeven(register):
    m = nieuw(register)
    status(register, m.code, "deels", datum=D(2025, 2, 1), fase="beleidsmatige uitwerking")
    assert hist(register, m.code)[-1].fase == "beleidsvorming"


@pytest.mark.parametrize("kw, fout", [
    ({"nieuw_": "half"}, "Onbekende status"),
    ({"nieuw_": "deels", "fase": "brainstorm"}, "Onbekende fase"),
])
def test_onbekende_status_of_fase_wordt_geweigerd(register, kw, fout):
    m = nieuw(register)
    with pytest.raises(ValidatieFout, match=fout):
        status(register, m.code, datum=D(2025, 2, 1), **kw)
    assert lees(register, m.code).versie == m.versie
    assert len(hist(register, m.code)) == 1


def test_onbekende_bron_wordt_geweigerd_en_er_komt_geen_regel_bij(register):
    bron(register, "EVAL-2024")
    m = nieuw(register)
    with pytest.raises(NietGevonden, match="EVAL-2099"):
        status(register, m.code, "deels", datum=D(2025, 2, 1), bron="EVAL-2099", vindplaats="p. 1")
    assert len(hist(register, m.code)) == 1
    terug = lees(register, m.code)
    assert (terug.status, terug.versie) == ("niet", m.versie)


def test_datum_in_de_toekomst_wordt_geweigerd(register):
    m = nieuw(register)
    with pytest.raises(ValidatieFout, match="toekomst") as fout:
        status(register, m.code, "deels", datum=date.today() + timedelta(days=1))
    assert fout.value.veld == "datum"
    assert len(hist(register, m.code)) == 1
    assert lees(register, m.code).status == "niet"


def test_datum_van_vandaag_en_standaarddatum_worden_aanvaard(register):
    m = nieuw(register)
    status(register, m.code, "deels", datum=date.today())
    status(register, m.code, "ingevoerd")
    regels = hist(register, m.code)
    assert [r.datum for r in regels[-2:]] == [date.today(), date.today()]
    assert lees(register, m.code).status == "ingevoerd"


def test_maatregel_aanmaken_met_een_statusdatum_in_de_toekomst_wordt_geweigerd(register):
    with pytest.raises(ValidatieFout, match="toekomst"):
        nieuw(register, datum=date.today() + timedelta(days=30))
    with register.sessie() as s:
        assert aantal_maatregelen(s) == 0
        assert status_op(s, date.today() + timedelta(days=60)) == {}


# --- append-only corrections ----------------------------------------------------------------------------------------

def test_correctie_voegt_een_regel_toe_en_de_oude_blijft_doorgestreept_staan(register):
    m = nieuw(register, datum=D(2025, 1, 1))
    status(register, m.code, "deels", "Volgens jaarverslag.", datum=D(2025, 3, 1))
    fout_regel = hist(register, m.code)[-1]

    corrigeer(register, m.code, fout_regel.id, "Verkeerd gelezen: het was al ingevoerd.", gebruiker="bram",
              nieuw="ingevoerd")

    regels = hist(register, m.code)
    assert len(regels) == 3
    oud = next(r for r in regels if r.id == fout_regel.id)
    assert oud.vervangen is True
    assert (oud.nieuw, oud.toelichting) == ("deels", "Volgens jaarverslag.")  # unchanged, still there
    correctie = regels[-1]
    assert correctie.vervangt == fout_regel.id
    assert correctie.vervangen is False
    assert (correctie.datum, correctie.oud, correctie.nieuw) == (D(2025, 3, 1), "niet", "ingevoerd")
    assert correctie.gebruiker == "bram"
    assert correctie.toelichting == "Verkeerd gelezen: het was al ingevoerd."
    assert lees(register, m.code).status == "ingevoerd"


def test_correctie_neemt_niet_gegeven_velden_over_van_de_oude_regel(register):
    bron(register)
    m = nieuw(register)
    status(register, m.code, "deels", datum=D(2025, 3, 1), fase="pilot", bron="EVAL-2024", vindplaats="p. 12",
           brontekst="gedeeltelijk", afgeleid=True)
    fout_regel = hist(register, m.code)[-1]
    corrigeer(register, m.code, fout_regel.id, "Alleen de vindplaats was fout.", vindplaats="p. 21")
    c = hist(register, m.code)[-1]
    assert (c.nieuw, c.datum, c.fase, c.bron, c.vindplaats, c.brontekst, c.afgeleid) == (
        "deels", D(2025, 3, 1), "pilot", "EVAL-2024", "p. 21", "gedeeltelijk", True)


def test_huidige_status_volgt_de_nieuwste_geldige_regel_naar_datum(register):
    m = nieuw(register, datum=D(2025, 1, 1))
    status(register, m.code, "deels", datum=D(2025, 3, 1))
    status(register, m.code, "ingevoerd", datum=D(2025, 6, 1))
    juni = hist(register, m.code)[-1]
    # The June entry was wrong: it was a February report that the measure had not started. The correction is the
    # newest entry made, but by date March's 'deels' is now the newest valid one.
    corrigeer(register, m.code, juni.id, "Februari-rapport: nog niet gestart.", nieuw="niet", datum=D(2025, 2, 1))
    terug = lees(register, m.code)
    assert terug.status == "deels"
    assert terug.status_datum == D(2025, 3, 1)

    # correcting the original first entry does not overtake the newer March entry
    eerste = hist(register, m.code)[0]
    corrigeer(register, m.code, eerste.id, "Was al gestart.", nieuw="ingevoerd")
    assert lees(register, m.code).status == "deels"


def test_correctie_van_de_enige_regel_bepaalt_de_huidige_status(register):
    m = nieuw(register, status="ingevoerd", datum=D(2025, 1, 1))
    [eerste] = hist(register, m.code)
    corrigeer(register, m.code, eerste.id, "Bron zei 'niet aantoonbaar'.", nieuw="niet aantoonbaar")
    terug = lees(register, m.code)
    assert terug.status == "niet"
    assert [r.vervangen for r in hist(register, m.code)] == [True, False]


def test_een_al_gecorrigeerde_regel_opnieuw_corrigeren_wordt_geweigerd(register):
    m = nieuw(register)
    status(register, m.code, "deels", datum=D(2025, 3, 1))
    fout_regel = hist(register, m.code)[-1]
    corrigeer(register, m.code, fout_regel.id, "Eerste correctie", nieuw="ingevoerd")
    voor = hist(register, m.code)
    versie = lees(register, m.code).versie

    with pytest.raises(ValidatieFout, match="al gecorrigeerd"):
        corrigeer(register, m.code, fout_regel.id, "Nog een keer", nieuw="niet")
    assert hist(register, m.code) == voor
    assert lees(register, m.code).versie == versie
    assert lees(register, m.code).status == "ingevoerd"

    # the correction itself can be corrected
    correctie = voor[-1]
    corrigeer(register, m.code, correctie.id, "Tweede correctie", nieuw="niet")
    regels = hist(register, m.code)
    assert len(regels) == 4
    assert [r.vervangen for r in regels if r.id in (fout_regel.id, correctie.id)] == [True, True]
    assert lees(register, m.code).status == "niet"


def test_correctie_zonder_reden_wordt_geweigerd(register):
    m = nieuw(register)
    [eerste] = hist(register, m.code)
    with pytest.raises(ValidatieFout, match="Toelichting is verplicht"):
        corrigeer(register, m.code, eerste.id, "  ", nieuw="deels")
    assert hist(register, m.code) == [eerste]


def test_correctie_van_een_onbekende_regel_wordt_geweigerd(register):
    m = nieuw(register)
    with pytest.raises(NietGevonden), register.werk() as s:
        corrigeer_historie(s, 987654, "Reden", "anna", m.versie, nieuw="deels")


def test_correctie_komt_in_het_wijzigingslog(register):
    m = nieuw(register)
    [eerste] = hist(register, m.code)
    corrigeer(register, m.code, eerste.id, "Reden", gebruiker="bram", nieuw="deels")
    with register.sessie() as s:
        rijen = [r for r in wijzigingslog(s, "maatregel", m.code) if r.gebruiker == "bram"]
    assert "historieregel" in {r.veld for r in rijen}


# --- back-dated entries ---------------------------------------------------------------------------------------------

def test_teruggedateerde_regel_wordt_niet_de_huidige_status(register):
    m = nieuw(register, datum=D(2025, 1, 1))
    status(register, m.code, "deels", "Volgens rapportage juni.", datum=D(2025, 6, 1))
    status(register, m.code, "ingevoerd", "Oud jaarverslag meldde al 'gereed'.", datum=D(2025, 2, 1))

    terug = lees(register, m.code)
    assert terug.status == "deels"
    assert terug.status_datum == D(2025, 6, 1)
    regels = hist(register, m.code)
    assert [(r.datum, r.nieuw) for r in regels] == [
        (D(2025, 1, 1), "niet"), (D(2025, 2, 1), "ingevoerd"), (D(2025, 6, 1), "deels")]
    teruggedateerd = regels[1]
    assert teruggedateerd.oud == "niet"  # the status that held on its own date
    assert teruggedateerd.vervangen is False


def test_twee_regels_op_dezelfde_dag_de_laatst_ingevoerde_geldt(register):
    m = nieuw(register, datum=D(2025, 1, 1))
    status(register, m.code, "ingevoerd", datum=D(2025, 4, 1))
    status(register, m.code, "deels", datum=D(2025, 4, 1))
    assert lees(register, m.code).status == "deels"
    assert op(register, D(2025, 4, 1))[m.id] == "deels"


# --- status as of a date --------------------------------------------------------------------------------------------

def test_status_op_peildatum_volgt_de_historie(register):
    a = nieuw(register, datum=D(2025, 1, 1))
    status(register, a.code, "deels", datum=D(2025, 4, 1))
    status(register, a.code, "ingevoerd", datum=D(2025, 8, 1))
    b = nieuw(register, domein="IN", status="deels", datum=D(2025, 5, 1))

    assert op(register, D(2024, 12, 31)) == {}
    assert op(register, D(2025, 1, 1)) == {a.id: "niet"}
    assert op(register, D(2025, 3, 31)) == {a.id: "niet"}
    assert op(register, D(2025, 4, 1)) == {a.id: "deels"}  # the peildatum itself counts
    assert op(register, D(2025, 5, 1)) == {a.id: "deels", b.id: "deels"}
    assert op(register, D(2025, 7, 31)) == {a.id: "deels", b.id: "deels"}
    assert op(register, D(2025, 12, 31)) == {a.id: "ingevoerd", b.id: "deels"}


def test_status_op_peildatum_negeert_latere_en_vervangen_regels(register):
    a = nieuw(register, datum=D(2025, 1, 1))
    status(register, a.code, "deels", datum=D(2025, 4, 1))
    status(register, a.code, "ingevoerd", datum=D(2025, 8, 1))
    april = next(r for r in hist(register, a.code) if r.datum == D(2025, 4, 1))
    augustus = hist(register, a.code)[-1]

    # August was wrong: only 'deels' then
    corrigeer(register, a.code, augustus.id, "Nog niet af.", nieuw="deels")
    assert op(register, D(2025, 12, 31)) == {a.id: "deels"}

    # April was really September: before September the measure was still 'niet'
    corrigeer(register, a.code, april.id, "Start was in september.", datum=D(2025, 9, 1))
    assert op(register, D(2025, 5, 1)) == {a.id: "niet"}
    assert op(register, D(2025, 8, 15)) == {a.id: "deels"}
    assert op(register, D(2025, 12, 31)) == {a.id: "deels"}
    assert lees(register, a.code).status == "deels"
    assert lees(register, a.code).status_datum == D(2025, 9, 1)


def test_status_op_peildatum_met_een_teruggedateerde_regel(register):
    a = nieuw(register, datum=D(2025, 1, 1))
    status(register, a.code, "deels", datum=D(2025, 6, 1))
    status(register, a.code, "ingevoerd", datum=D(2025, 2, 1))  # back-dated
    assert op(register, D(2025, 3, 1)) == {a.id: "ingevoerd"}
    assert op(register, D(2025, 7, 1)) == {a.id: "deels"}


# --- concurrency ----------------------------------------------------------------------------------------------------

def test_statuswijziging_met_verouderde_versie_geeft_conflict_en_geen_historieregel(register):
    m = nieuw(register)
    gelezen = m.versie
    with register.werk() as s:
        wijzig_maatregel(s, m.code, {"eigenaar": "Team B"}, "bram", gelezen)
    with pytest.raises(ConflictFout) as fout:
        status(register, m.code, "ingevoerd", "Klaar", gebruiker="anna", versie=gelezen, datum=D(2025, 2, 1))
    assert "eigenaar" in str(fout.value) and "bram" in str(fout.value)
    assert len(hist(register, m.code)) == 1
    terug = lees(register, m.code)
    assert terug.status == "niet"
    assert terug.versie == gelezen + 1


def test_tweede_statuswijziging_op_dezelfde_gelezen_versie_wordt_geweigerd(register):
    m = nieuw(register)
    status(register, m.code, "deels", "Eerste", gebruiker="bram", versie=m.versie, datum=D(2025, 2, 1))
    with pytest.raises(ConflictFout, match="bram"):
        status(register, m.code, "ingevoerd", "Tweede", gebruiker="anna", versie=m.versie, datum=D(2025, 2, 2))
    assert [r.nieuw for r in hist(register, m.code)] == ["niet", "deels"]
    assert lees(register, m.code).status == "deels"


def test_correctie_met_verouderde_versie_geeft_conflict_en_geen_historieregel(register):
    m = nieuw(register)
    [eerste] = hist(register, m.code)
    status(register, m.code, "deels", gebruiker="bram", datum=D(2025, 2, 1))
    with pytest.raises(ConflictFout):
        corrigeer(register, m.code, eerste.id, "Correctie", versie=m.versie, nieuw="ingevoerd")
    regels = hist(register, m.code)
    assert len(regels) == 2
    assert not any(r.vervangen for r in regels)


def test_een_oudere_regel_van_dezelfde_dag_corrigeren_laat_de_huidige_status_staan(register):
    """A correction stands where the corrected entry stood; it does not become the newest entry of its day."""
    code = nieuw(register, datum=D(2025, 1, 1)).code
    dag = D(2025, 6, 1)
    status(register, code, "deels", "Pilot gestart", datum=dag)
    status(register, code, "ingevoerd", "Landelijk ingevoerd", datum=dag)
    oudere = next(r for r in hist(register, code) if r.nieuw == "deels")
    corrigeer(register, code, oudere.id, "Bron verkeerd overgenomen", vindplaats="§2.1")
    assert lees(register, code).status == "ingevoerd"
    assert op(register, dag)[lees(register, code).id] == "ingevoerd"
    volgorde = [(r.nieuw, r.vervangen) for r in hist(register, code)]
    assert volgorde == [("niet", False), ("deels", True), ("deels", False), ("ingevoerd", False)]


def test_de_nieuwste_regel_corrigeren_verandert_de_huidige_status(register):
    code = nieuw(register, datum=D(2025, 1, 1)).code
    status(register, code, "ingevoerd", "Gereed", datum=D(2025, 6, 1))
    laatste = hist(register, code)[-1]
    corrigeer(register, code, laatste.id, "Was maar deels", nieuw="deels")
    assert lees(register, code).status == "deels"
