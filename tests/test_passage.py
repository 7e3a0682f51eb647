"""Finding a cited passage in a source text (registry.passage): the starter register's own citations against the real
documents, and the edge cases of quotes, sections, chapters and pages."""

import json

import pytest

from registry.fouten import NietGevonden
from registry.passage import brontekst, sectiebereik, vind_passage, vind_vindplaats
from registry.startregister import STARTMAP


def _woorden(tekst: str) -> str:
    """Letters and digits only, lower case: what 'the same words' means across line breaks and hyphenation."""
    return "".join(t for t in tekst.casefold() if t.isalnum())


@pytest.fixture(scope="module")
def bestand_van():
    bronnen = json.loads((STARTMAP / "bronnen.json").read_text(encoding="utf-8"))
    return {b["code"]: b["bestand"] for b in bronnen if b.get("bestand")}


@pytest.fixture(scope="module")
def citaten(bestand_van):
    """Every status history entry of the starter register that cites one of the five documents."""
    regels = []
    for pad in sorted(STARTMAP.glob("maatregelen-*.json")):
        for m in json.loads(pad.read_text(encoding="utf-8")):
            for h in m.get("statushistorie", []):
                if h.get("bron") in bestand_van:
                    regels.append((m["code"], h))
    assert len(regels) > 250
    return regels


def _aandeel(delen: int, totaal: int) -> float:
    return delen / totaal if totaal else 0.0


def test_de_geciteerde_woorden_uit_het_startregister_worden_in_het_document_gevonden(citaten, bestand_van):
    met_tekst = [(code, h) for code, h in citaten if h.get("brontekst")]
    gevonden = 0
    for code, h in met_tekst:
        tekst = brontekst(bestand_van[h["bron"]])
        plek = vind_passage(tekst, h["brontekst"], h["vindplaats"])
        if plek and _woorden(tekst[plek[0]:plek[1]]) == _woorden(h["brontekst"]):
            gevonden += 1
    aandeel = _aandeel(gevonden, len(met_tekst))
    print(f"citaten gevonden: {gevonden}/{len(met_tekst)} = {aandeel:.1%}")
    assert aandeel >= 0.95


def test_de_vindplaatsen_uit_het_startregister_wijzen_een_kop_in_het_document_aan(citaten, bestand_van):
    gevonden = sum(1 for _, h in citaten if vind_vindplaats(brontekst(bestand_van[h["bron"]]), h["vindplaats"]))
    aandeel = _aandeel(gevonden, len(citaten))
    print(f"vindplaatsen gevonden: {gevonden}/{len(citaten)} = {aandeel:.1%}")
    assert aandeel >= 0.95


def test_de_gevonden_sectie_bevat_meestal_het_citaat(citaten, bestand_van):
    """A check of the section finder that needs no hand-made answers: the section a citation names should hold the
    quoted words. The few misses are citations whose words stand in another section of the same document."""
    raak = 0
    for _, h in citaten:
        tekst = brontekst(bestand_van[h["bron"]])
        bereik = sectiebereik(tekst, h["vindplaats"])
        citaat = vind_passage(tekst, h["brontekst"], None)
        if bereik and citaat and bereik[0] <= citaat[0] < bereik[1]:
            raak += 1
    aandeel = _aandeel(raak, len(citaten))
    print(f"citaat binnen de genoemde sectie: {raak}/{len(citaten)} = {aandeel:.1%}")
    assert aandeel >= 0.85


def test_zonder_citaat_wijst_de_vindplaats_naar_de_kop_van_de_sectie(citaten, bestand_van):
    code, h = next((c, h) for c, h in citaten if h["vindplaats"] == "§1.6.1")
    tekst = brontekst(bestand_van[h["bron"]])
    begin, einde = vind_passage(tekst, None, h["vindplaats"])
    assert tekst[begin:einde].startswith("1.6.1 Doorkijk naar 2025")


# --- quotes ---------------------------------------------------------------------------------------------------------

TEKST = (
    "1. Inleiding\n\n"
    "Dienst Toeslagen heeft in 2023 het signaal-\nmanagement doorontwikkeld. Het ‘werken in de\n"
    "actualiteit’ – zo heet het – loopt.\n\n"
    "2. Maatregelen\n\n"
    "Het ‘werken in de actualiteit’ wordt verbreed.\n"
)


def test_citaat_wordt_gevonden_ondanks_regelafbreking_hoofdletters_en_typografische_tekens():
    citaat = "het 'werken in de actualiteit' - zo heet het - loopt."
    begin, einde = vind_passage(TEKST, citaat, None)
    assert TEKST[begin:einde] == "Het ‘werken in de\nactualiteit’ – zo heet het – loopt."


def test_citaat_wordt_gevonden_over_een_afgebroken_woord_heen():
    begin, einde = vind_passage(TEKST, "in 2023 het signaalmanagement doorontwikkeld", None)
    assert TEKST[begin:einde] == "in 2023 het signaal-\nmanagement doorontwikkeld"


def test_van_een_deels_afwijkend_citaat_wordt_het_langste_begin_gevonden():
    citaat = "Dienst Toeslagen heeft in 2023 het signaalmanagement verder uitgebreid en verbeterd"
    begin, einde = vind_passage(TEKST, citaat, None)
    assert begin == TEKST.index("Dienst Toeslagen")
    assert 40 <= len(_woorden(TEKST[begin:einde])) < len(_woorden(citaat))
    assert "doorontwikkeld" not in TEKST[begin:einde]


def test_een_kort_afwijkend_citaat_geeft_geen_half_resultaat():
    assert vind_passage(TEKST, "Dienst Toeslagen heeft niets gedaan", None) is None


def test_bij_een_citaat_dat_vaker_voorkomt_wint_het_voorkomen_in_de_genoemde_sectie():
    begin, _ = vind_passage(TEKST, "werken in de actualiteit", "§2")
    assert begin > TEKST.index("2. Maatregelen")
    begin, _ = vind_passage(TEKST, "werken in de actualiteit", None)
    assert begin < TEKST.index("2. Maatregelen")


def test_een_niet_gevonden_citaat_valt_terug_op_de_vindplaats():
    begin, einde = vind_passage(TEKST, "Dit staat er nergens, ook niet in een andere vorm of spelling.", "§2")
    assert TEKST[begin:einde] == "2. Maatregelen"


@pytest.mark.parametrize("citaat, vindplaats", [
    (None, None), ("", ""), ("   ", " \n "), ("Dit staat nergens in de tekst", None), (None, "§9.9"),
    ("Dit staat nergens in de tekst", "Hoofdstuk 7"), (None, "Bijlage 12"), ("…", "p. 3"),
])
def test_zonder_vindbaar_citaat_of_vindplaats_is_er_geen_passage(citaat, vindplaats):
    assert vind_passage(TEKST, citaat, vindplaats) is None


def test_een_lege_tekst_heeft_geen_passage():
    assert vind_passage("", "iets", "§1") is None
    assert vind_vindplaats("", "§1") is None


# --- sections, chapters, pages ----------------------------------------------------------------------------------------

MET_INHOUDSOPGAVE = (
    "Inhoudsopgave\n"
    "1. Inleiding\t3\n"
    "1.1 Aanleiding\t3\n"
    "2. Maatregelen\t5\n"
    "2.1 Werken in de actualiteit\t5\n\n"
    "1. Inleiding\n"
    "Deze rapportage beschrijft de stand van zaken.\n"
    "1.1 Aanleiding\n"
    "De aanleiding is de motie.\n"
    "2. Maatregelen\n"
    "Hieronder de maatregelen.\n"
    "1. een eerste punt van een lijst,\n"
    "2. een tweede punt.\n"
    "2.1 Werken in de actualiteit\n"
    "Signaalmanagement\n"
    "Het signaalmanagement loopt.\n"
    "2.2 Niet-gebruik\n"
    "Tekst over niet-gebruik.\n"
    "3 Kamerstukken II, 2024/25, 36708, nr. 26.\n"
)


def _kop(tekst, vindplaats):
    plek = vind_vindplaats(tekst, vindplaats)
    return None if plek is None else (tekst[plek[0]:plek[1]], tekst.count("\n", 0, plek[0]))


def test_de_inhoudsopgave_wordt_overgeslagen_voor_de_kop_met_tekst_erna():
    assert _kop(MET_INHOUDSOPGAVE, "§2.1") == ("2.1 Werken in de actualiteit", 14)
    assert _kop(MET_INHOUDSOPGAVE, "paragraaf 2.1") == ("2.1 Werken in de actualiteit", 14)
    assert _kop(MET_INHOUDSOPGAVE, "par. 1.1") == ("1.1 Aanleiding", 8)


def test_hoofdstuk_wijst_de_hoofdstukkop_aan_niet_een_lijstpunt_of_voetnoot():
    assert _kop(MET_INHOUDSOPGAVE, "Hoofdstuk 2") == ("2. Maatregelen", 10)
    assert _kop(MET_INHOUDSOPGAVE, "Hoofdstuk 2: Maatregelen") == ("2. Maatregelen", 10)
    assert _kop(MET_INHOUDSOPGAVE, "§3") is not None  # only the footnote bears the number: better than nothing


def test_een_onderdeel_na_de_komma_wordt_binnen_de_sectie_gezocht():
    assert _kop(MET_INHOUDSOPGAVE, "§2.1, Signaalmanagement") == ("Signaalmanagement", 15)
    assert _kop(MET_INHOUDSOPGAVE, "§2.2, Signaalmanagement") == ("2.2 Niet-gebruik", 17)


def test_een_sectie_loopt_tot_de_volgende_kop_van_hetzelfde_niveau():
    begin, einde = sectiebereik(MET_INHOUDSOPGAVE, "§2")
    assert MET_INHOUDSOPGAVE[begin:einde].startswith("2. Maatregelen\nHieronder")
    assert "2.2 Niet-gebruik" in MET_INHOUDSOPGAVE[begin:einde]
    begin, einde = sectiebereik(MET_INHOUDSOPGAVE, "§2.1")
    assert MET_INHOUDSOPGAVE[begin:einde].endswith("Het signaalmanagement loopt.\n")


def test_echte_documenten_kop_met_titel_voetnoot_en_hoofdstuk_zonder_nummer(bestand_van):
    kamerbrief = brontekst(bestand_van["KB-2025-07"])
    assert _kop(kamerbrief, "§1")[0] == "1. Niet-gebruik toeslagen"  # not footnote "1 Kamerstukken II, …"
    assert _kop(kamerbrief, "§12 Amendement Omtzigt")[0] == "12. Amendement Omtzigt"
    stand = brontekst(bestand_van["SVDU-2023"])
    assert _kop(stand, "Hoofdstuk 2: Hoe kunnen we hoge terugvorderingen terugdringen?")[0] == \
        "Hoe kunnen we hoge terugvorderingen terugdringen?"
    assert _kop(stand, "§3.1, Signaalmanagement")[0] == "Signaalmanagement"
    assert _kop(stand, "Opdracht aan onszelf, 3")[0].startswith("3. Verbeter de dienstverlening")
    panteia = brontekst(bestand_van["PANTEIA-2026"])
    kop, regel = _kop(panteia, "§2.1")
    assert kop == "2.1 Voorkomen en verlagen van (hoge) terugvorderingen"
    assert regel > panteia.count("\n", 0, panteia.index("Managementsamenvatting\n\nDoel"))  # not the contents
    assert _kop(panteia, "Hoofdstuk 2")[0] == "2. Beleidscontext en maatregelen"  # not list item "2. Versterk …"


def test_pagina_wordt_gevonden_aan_paginamarkeringen_en_anders_niet():
    met_markering = "Titel\n--- pagina 1 ---\nEerste.\n--- pagina 2 ---\nTweede.\n"
    assert _kop(met_markering, "p. 2") == ("--- pagina 2 ---", 3)
    assert _kop(met_markering, "pagina 1") == ("--- pagina 1 ---", 1)
    met_formfeed = "Titel\nEen.\n\fTwee begint hier.\nnog\n\f\nDrie begint hier.\n"
    assert _kop(met_formfeed, "blz. 2") == ("Twee begint hier.", 2)
    assert _kop(met_formfeed, "pagina 3") == ("Drie begint hier.", 5)
    assert _kop(met_formfeed, "p. 4") is None
    assert vind_passage(TEKST, None, "p. 12") is None


# --- reading a source text ------------------------------------------------------------------------------------------

def test_brontekst_leest_het_document(bestand_van):
    assert "Burgerreis" in brontekst(bestand_van["BURGERREIS-2026"])[:5000] or \
        "burgerreis" in brontekst(bestand_van["BURGERREIS-2026"]).casefold()


@pytest.mark.parametrize("bestand", ["bestaat-niet.txt", "../pyproject.toml", "", "/etc/passwd", ".verborgen"])
def test_een_ontbrekende_of_onveilige_brontekst_geeft_een_nederlandse_melding(bestand):
    with pytest.raises(NietGevonden, match="brontekst"):
        brontekst(bestand)
