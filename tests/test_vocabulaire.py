"""The closed vocabularies of brief §2 (status, fase, ...) and the free-text rules of registry.tekst."""

import pytest

from registry.fouten import ValidatieFout
from registry.tekst import MAX_TEKSTLENGTE, controleer_tekst, normaliseer
from registry.vocabulaire import BEWIJSKRACHT, FASE, OPVOLGING, STATUS, VERTRAGINGSREDEN

# --- status ---------------------------------------------------------------------------------------------------------

STATUS_SCHRIJFWIJZEN = {
    "ingevoerd": ["ingevoerd", "Ingevoerd", "✓", "✔", "gereed", "afgerond", "gerealiseerd"],
    "deels": ["deels", "Deels", "●", "deels ingevoerd", "gedeeltelijk", "loopt", "in uitvoering"],
    "niet": ["niet", "Niet ingevoerd", "✗", "✘", "niet aantoonbaar", "niet gestart", "nog niet", "vervallen"],
}


@pytest.mark.parametrize("code, tekst", [(c, t) for c, vormen in STATUS_SCHRIJFWIJZEN.items() for t in vormen])
def test_elke_statusschrijfwijze_uit_de_brief_wordt_herkend(code, tekst):
    assert STATUS.herken(tekst) == code
    assert STATUS.code(tekst) == code
    assert STATUS.controleer(tekst) == code


@pytest.mark.parametrize("tekst, code", [
    ("GEREED", "ingevoerd"),
    ("Gerealiseerd", "ingevoerd"),
    ("AFGERÖND", "ingevoerd"),
    ("  afgerond  ", "ingevoerd"),
    ("Deels Ingevoerd", "deels"),
    ("IN UITVOERING", "deels"),
    ("gedééltelijk", "deels"),
    ("Niet Aantoonbaar", "niet"),
    ("NOG NIET", "niet"),
    ("Vervallen", "niet"),
    ("NIET INGEVOERD", "niet"),
    ("niet_gestart", "niet"),
])
def test_status_wordt_herkend_ongeacht_hoofdletters_accenten_en_witruimte(tekst, code):
    assert STATUS.code(tekst) == code


def test_status_heeft_de_labels_en_symbolen_van_de_brief():
    assert STATUS.codes == ("ingevoerd", "deels", "niet")
    assert [(STATUS[c].label, STATUS[c].symbool) for c in STATUS.codes] == [
        ("Ingevoerd", "✓"), ("Deels", "●"), ("Niet ingevoerd", "✗")]
    assert STATUS.label("deels") == "Deels"
    assert STATUS.label("onzin") == ""


@pytest.mark.parametrize("tekst", ["half", "ingevoerd?", "", "   ", "klaar", "✓✓"])
def test_onbekende_status_geeft_een_nederlandse_melding_met_de_toegestane_waarden(tekst):
    assert STATUS.herken(tekst) is None
    with pytest.raises(ValidatieFout) as fout:
        STATUS.code(tekst)
    melding = str(fout.value)
    assert "Onbekende status" in melding
    assert "Toegestaan" in melding
    for code in ("ingevoerd", "deels", "niet"):
        assert code in melding
    assert fout.value.veld == "status"


def test_onbekende_status_noemt_het_opgegeven_veld():
    with pytest.raises(ValidatieFout) as fout:
        STATUS.code("misschien", veld="status_import")
    assert fout.value.veld == "status_import"
    assert '"misschien"' in str(fout.value)


def test_herken_van_niets_is_niets():
    assert STATUS.herken(None) is None


def test_verplichte_status_zonder_waarde_wordt_geweigerd():
    with pytest.raises(ValidatieFout, match="verplicht"):
        STATUS.controleer(None, "status", verplicht=True)
    with pytest.raises(ValidatieFout, match="verplicht"):
        STATUS.controleer("", "status", verplicht=True)
    assert STATUS.controleer(None, "status") is None


# --- fase -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tekst, code", [
    ("idee", "idee"),
    ("beleidsvorming", "beleidsvorming"),
    ("beleidsmatige uitwerking", "beleidsvorming"),
    ("Beleidsmatige Uitwerking", "beleidsvorming"),
    ("voorbereiding", "voorbereiding"),
    ("pilot", "pilot"),
    ("implementatie", "implementatie"),
    ("implementatiefase", "implementatie"),
    ("Implementatiefase", "implementatie"),
    ("opschaling", "opschaling"),
    ("staand", "staand"),
    ("staande praktijk", "staand"),
    ("Staande Praktijk", "staand"),
    ("on_hold", "on_hold"),
    ("on hold", "on_hold"),
    ("aangehouden", "on_hold"),
    ("op pauze", "on_hold"),
    ("Op Pauze", "on_hold"),
    ("gestopt", "gestopt"),
    ("beëindigd", "gestopt"),
    ("Beëindigd", "gestopt"),
    ("beeindigd", "gestopt"),
    ("BEËINDIGD", "gestopt"),
    ("geschrapt", "gestopt"),
    ("afgeschreven", "gestopt"),
])
def test_elke_fase_en_haar_woorden_uit_de_brief_worden_herkend(tekst, code):
    assert FASE.code(tekst) == code


def test_fase_kent_precies_de_fasen_van_de_brief_in_volgorde():
    assert FASE.codes == ("idee", "beleidsvorming", "voorbereiding", "pilot", "implementatie", "opschaling", "staand",
                          "on_hold", "gestopt")


def test_onbekende_fase_geeft_een_nederlandse_melding_met_de_toegestane_waarden():
    with pytest.raises(ValidatieFout) as fout:
        FASE.code("brainstorm")
    melding = str(fout.value)
    assert "Onbekende fase" in melding and "brainstorm" in melding
    for code in FASE.codes:
        assert code in melding


def test_lege_fase_is_toegestaan_want_fase_is_optioneel():
    assert FASE.controleer(None) is None
    assert FASE.controleer("") is None


@pytest.mark.parametrize("vocabulaire", [OPVOLGING, BEWIJSKRACHT, VERTRAGINGSREDEN])
def test_elke_code_en_elk_label_van_andere_vocabulaires_wordt_herkend(vocabulaire):
    for term in vocabulaire.termen:
        assert vocabulaire.code(term.code) == term.code
        assert vocabulaire.code(term.label.upper()) == term.code


# --- tekst ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tekst, verwacht", [
    ("Ëffect Één", "effect een"),
    ("Beëindigd", "beeindigd"),
    ("CAFÉ crème", "cafe creme"),
    ("Niet-Gebruik", "niet-gebruik"),
    ("Straße", "strasse"),
    ("", ""),
    (None, ""),
])
def test_normaliseer_maakt_tekst_hoofdletter_en_accentongevoelig(tekst, verwacht):
    assert normaliseer(tekst) == verwacht


def test_normaliseer_maakt_gelijke_woorden_met_en_zonder_accent_gelijk():
    assert normaliseer("Reïntegratie") == normaliseer("REINTEGRATIE")
    assert normaliseer("e\u0301e\u0301n") == normaliseer("één")  # combining accent vs. precomposed


def test_tekst_van_precies_honderdduizend_tekens_wordt_aanvaard_zoals_getypt():
    tekst = "a" * (MAX_TEKSTLENGTE - 1) + "😀"
    assert MAX_TEKSTLENGTE == 100_000
    assert len(tekst) == 100_000
    assert controleer_tekst("Omschrijving", tekst) == tekst


def test_tekst_van_honderdduizend_en_een_tekens_wordt_geweigerd_met_een_melding():
    with pytest.raises(ValidatieFout) as fout:
        controleer_tekst("Omschrijving", "a" * 100_001)
    melding = str(fout.value)
    assert "Omschrijving" in melding
    assert "te lang" in melding
    assert "100.000" in melding
    assert fout.value.veld == "omschrijving"


def test_te_lange_of_ontbrekende_tekst_noemt_de_opgegeven_veldsleutel():
    with pytest.raises(ValidatieFout) as fout:
        controleer_tekst("Toelichting IV", "a" * 100_001, veld="iv_toelichting")
    assert fout.value.veld == "iv_toelichting"
    assert "Toelichting IV" in str(fout.value)
    with pytest.raises(ValidatieFout) as fout:
        controleer_tekst("Naam", " ", verplicht=True, veld="naam")
    assert fout.value.veld == "naam"


@pytest.mark.parametrize("tekst", [
    '<keten> & "S&P" 0.1 <A <0.9',
    "<b>vet</b> <script>alert('x')</script> &amp; &lt;",
    "‘enkele’ “dubbele” „Nederlandse” 'recht' \"recht\" `back`",
    "Emoji 😀👍🏽 en 🇳🇱 en een ZWJ-familie 👨‍👩‍👧",
    "  voor- en achterspaties blijven staan  ",
    "regel 1\nregel 2\r\n\tingesprongen",
    "=SOM(A1:A3)",
    "€ 1.250 — ✓ ● ✗ ë ï ü",
])
def test_markup_aanhalingstekens_en_emoji_blijven_exact_bewaard(tekst):
    assert controleer_tekst("Toelichting", tekst) == tekst


@pytest.mark.parametrize("leeg", [None, "", "   ", "\n\t "])
def test_lege_tekst_wordt_niets_en_is_geweigerd_als_hij_verplicht_is(leeg):
    assert controleer_tekst("Naam", leeg) is None
    with pytest.raises(ValidatieFout, match="Naam is verplicht"):
        controleer_tekst("Naam", leeg, verplicht=True)
