"""export-xlsx (issue 8): the register as a workbook, read back with openpyxl as Excel would show it."""

import tempfile
import zipfile
from contextlib import contextmanager
from datetime import date, datetime

import pytest

from registry.export_json import register_als_json
from registry.filters import Filter
from registry.fouten import RegisterFout
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel
from registry.rekenblad import export
from registry.rekenblad.export import (BRONBLAD, INGEKORT, MAATREGELBLAD, MAX_CELTEKST, Exportresultaat,
                                       schrijf_werkmap)
from registry.rekenblad.kolommen import MAATREGELKOLOMMEN, PER_VELD, lees_bronnen, lees_janee, lees_lijst
from registry.vocabulaire import STATUS

GEBRUIKER = "tester"
BLADEN = ("Maatregelen", "Statushistorie", "Effectmetingen", "Aanbevelingen", "Bronnen", "Toelichting")
DATABLADEN = BLADEN[:-1]


def exporteer(register, pad, f: Filter = Filter()) -> Exportresultaat:
    with register.sessie() as s:
        return schrijf_werkmap(s, pad, f)


def open_werkmap(pad):
    from openpyxl import load_workbook

    return load_workbook(pad)


def als_dicts(ws) -> list[dict]:
    """A data sheet's rows as {header: cell}."""
    rijen = list(ws.iter_rows())
    koppen = [c.value for c in rijen[0]]
    return [dict(zip(koppen, rij)) for rij in rijen[1:]]


def json_van(register, f: Filter = Filter()) -> dict:
    with register.sessie() as s:
        return register_als_json(s, f)


@pytest.fixture
def startwerkmap(start_register, tmp_path):
    pad = tmp_path / "register.xlsx"
    resultaat = exporteer(start_register, pad)
    return resultaat, open_werkmap(pad), json_van(start_register)


# --- the measures sheet ---------------------------------------------------------------------------------------------

def test_de_werkmap_heeft_de_bladen_in_vaste_volgorde_en_eigenschappen(startwerkmap):
    resultaat, wb, _ = startwerkmap
    assert wb.sheetnames == list(BLADEN)
    assert resultaat.bladen == BLADEN
    assert resultaat.waarschuwingen == ()
    assert wb.properties.creator == "Maatregelenregister Toeslagen"
    assert "Maatregelenregister Toeslagen" in wb.properties.title


def test_de_koppen_van_het_maatregelenblad_zijn_precies_de_kolommen(startwerkmap):
    _, wb, _ = startwerkmap
    koppen = [c.value for c in next(wb[MAATREGELBLAD].iter_rows(max_row=1))]
    assert koppen == [k.kop for k in MAATREGELKOLOMMEN]


def test_elke_maatregel_van_het_startregister_is_een_rij_met_de_juiste_waarden(startwerkmap):
    resultaat, wb, gegevens = startwerkmap
    rijen = als_dicts(wb[MAATREGELBLAD])
    assert resultaat.aantal_maatregelen == len(gegevens["maatregelen"]) == len(rijen) == 179
    kort = {d["volledige_naam"]: d["naam"] for d in gegevens["domeinen"]}
    toeslag = {t["naam"]: t["code"] for t in gegevens["toeslagen"]}
    for m, rij in zip(gegevens["maatregelen"], rijen):
        waarde = {k.veld: rij[k.kop].value for k in MAATREGELKOLOMMEN}
        assert waarde["code"] == m["code"]
        assert waarde["naam"] == m["naam"]
        assert waarde["status"] == STATUS.label(m["status"])
        assert waarde["domein"] == kort[m["domein"]]
        assert waarde["domein_secundair"] == (kort[m["domein_secundair"]] if m["domein_secundair"] else None)
        for veld in ("iv_afhankelijk", "iv_blokkade", "wetswijziging", "status_afgeleid", "gearchiveerd"):
            assert waarde[veld] in ("ja", "nee", "onbekend"), (m["code"], veld)
            assert lees_janee(waarde[veld]) == m[veld], (m["code"], veld)
        assert [toeslag[t] for t in lees_lijst(waarde["toeslagen"])] == m["toeslagen"]
        assert lees_lijst(waarde["afhankelijk_van"]) == m["afhankelijk_van"]
        assert lees_bronnen(waarde["bronnen"]) == [(b["bron"], b["vindplaats"]) for b in m["bronnen"]]
        for veld in ("planning_oorspronkelijk", "planning_huidig", "iv_verwacht"):
            assert waarde[veld] == (m[veld]["tekst"] if m[veld] else None), (m["code"], veld)
        for veld, k in PER_VELD.items():
            if k.soort == "keuze" and m[veld]:
                assert export.KEUZELIJSTEN[veld].herken(waarde[veld]) == m[veld], (m["code"], veld)
            if k.soort == "tekst":
                assert waarde[veld] == m[veld], (m["code"], veld)
        statusdatum = rij["Statusdatum"]
        assert statusdatum.is_date and statusdatum.number_format == "dd-mm-yyyy"
        assert statusdatum.value.date() == date.fromisoformat(m["status_datum"])


def test_alle_tekstcellen_zijn_tekst_en_datums_zijn_echte_datums(startwerkmap):
    _, wb, _ = startwerkmap
    for ws in wb:
        for rij in ws.iter_rows():
            for cel in rij:
                if isinstance(cel.value, datetime):
                    assert cel.number_format == "dd-mm-yyyy", (ws.title, cel.coordinate)
                elif cel.value is not None and not isinstance(cel.value, int):
                    assert cel.data_type == "s", (ws.title, cel.coordinate)
    historie = als_dicts(wb["Statushistorie"])
    assert historie and all(isinstance(r["Datum"].value, datetime) for r in historie)
    assert any(isinstance(r["Datum"].value, datetime) for r in als_dicts(wb[BRONBLAD]))


# --- the other sheets -----------------------------------------------------------------------------------------------

def test_statushistorie_en_effectmetingen_per_maatregel_met_labels(startwerkmap):
    _, wb, gegevens = startwerkmap
    historie = als_dicts(wb["Statushistorie"])
    verwacht = [(m["code"], h) for m in gegevens["maatregelen"] for h in m["statushistorie"]]
    assert len(historie) == len(verwacht)
    for rij, (code, h) in zip(historie, verwacht):
        assert rij["Code"].value == code
        assert rij["Nieuwe status"].value == STATUS.label(h["nieuw"])
        assert rij["Oude status"].value == (STATUS.label(h["oud"]) if h["oud"] else None)
        assert rij["Toelichting"].value == h["toelichting"]
        assert rij["Bron"].value == (h["bron"] or {}).get("bron")
        assert rij["Afgeleid"].value == ("ja" if h["afgeleid"] else "nee")
    metingen = als_dicts(wb["Effectmetingen"])
    verwacht = [(m["code"], e) for m in gegevens["maatregelen"] for e in m["effectmetingen"]]
    assert metingen and len(metingen) == len(verwacht)
    labels = {"gemeten": "Gemeten effect", "samenhang": "Samenhang", "perceptie": "Perceptie", "onbekend": "Onbekend"}
    for rij, (code, e) in zip(metingen, verwacht):
        assert (rij["Code"].value, rij["Indicator"].value, rij["Waarde"].value) == (code, e["indicator"], e["waarde"])
        assert rij["Bewijskracht"].value == labels[e["bewijskracht"]]


def test_het_aanbevelingenblad_noemt_de_gekoppelde_maatregelen(startwerkmap):
    _, wb, gegevens = startwerkmap
    rijen = {r["Code"].value: r for r in als_dicts(wb["Aanbevelingen"])}
    assert len(rijen) == len(gegevens["aanbevelingen"])
    gekoppeld = [a for a in gegevens["aanbevelingen"] if a["maatregelen"]]
    assert gekoppeld
    for a in gegevens["aanbevelingen"]:
        rij = rijen[a["code"]]
        assert lees_lijst(rij["Gekoppelde maatregelen"].value) == a["maatregelen"]
        assert rij["Titel"].value == a["titel"]
        assert rij["Opvolging"].value == {"open": "Open", "overgenomen": "Overgenomen", "deels_opgevolgd":
                                          "Deels opgevolgd", "opgevolgd": "Opgevolgd",
                                          "afgewezen": "Afgewezen"}[a["opvolging"]]


def test_het_bronnenblad_heeft_elke_bron(startwerkmap):
    _, wb, gegevens = startwerkmap
    rijen = als_dicts(wb[BRONBLAD])
    assert [r["Code"].value for r in rijen] == [b["code"] for b in gegevens["bronnen"]]
    assert [r["Titel"].value for r in rijen] == [b["titel"] for b in gegevens["bronnen"]]


def test_de_toelichting_beschrijft_elke_kolom_en_de_export(startwerkmap):
    _, wb, _ = startwerkmap
    ws = wb["Toelichting"]
    waarden = [[c.value for c in rij] for rij in ws.iter_rows()]
    blok = {rij[0]: rij[1] for rij in waarden[:6] if rij[0]}
    assert blok["Filter"] == "Alle maatregelen"
    assert blok["Aantal maatregelen"] == 179
    assert blok["Geëxporteerd op"].date() == date.today()
    kop = waarden.index(["Kolom", "Veldnaam (JSON)", "Inhoud", "Toegestane waarden"])
    tabel = waarden[kop + 1:]
    assert [r[0] for r in tabel] == [k.kop for k in MAATREGELKOLOMMEN]
    assert [r[1] for r in tabel] == [k.veld for k in MAATREGELKOLOMMEN]
    assert all(r[2] and r[3] for r in tabel)
    per_veld = {r[1]: r[3] for r in tabel}
    assert "Niet ingevoerd" in per_veld["status"] and "Staande praktijk" in per_veld["fase"]
    assert "Terugvorderingen" in per_veld["domein"] and "Huurtoeslag" in per_veld["toeslagen"]


def test_weken_zijn_getallen_en_de_omvang_staat_met_zijn_label_in_het_maatregelenblad(sqlite_register, tmp_path):
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "iv_weken": "12,5", "iv_omvang": "XL",
                           "personeel_weken": 3}, GEBRUIKER, code="TV-01")
        maak_maatregel(s, {"domein": "TV", "naam": "B", "iv_weken": 0}, GEBRUIKER, code="TV-02")
        maak_maatregel(s, {"domein": "TV", "naam": "C"}, GEBRUIKER, code="TV-03")
    pad = tmp_path / "weken.xlsx"
    exporteer(sqlite_register, pad)
    wb = open_werkmap(pad)
    a, b, c = als_dicts(wb[MAATREGELBLAD])
    assert (a["IV-weken"].value, a["Omvang IV"].value, a["Personeel (weken)"].value) == (12.5, "XL (52 weken)", 3)
    assert a["IV-weken"].data_type == a["Personeel (weken)"].data_type == "n"  # numbers Excel can add up
    assert (b["IV-weken"].value, b["IV-weken"].data_type) == (0, "n")  # zero weeks is a statement, not empty
    assert c["IV-weken"].value is c["Omvang IV"].value is c["Personeel (weken)"].value is None
    toelichting = [[cel.value for cel in rij] for rij in wb["Toelichting"].iter_rows()]
    per_veld = {r[1]: r[3] for r in toelichting if r[1] in PER_VELD}
    assert "decimale komma" in per_veld["iv_weken"] and "XL (52 weken)" in per_veld["iv_omvang"]


# --- filters --------------------------------------------------------------------------------------------------------

def test_een_filter_beperkt_elk_blad_per_maatregel(start_register, tmp_path):
    pad = tmp_path / "tv.xlsx"
    f = Filter(domeinen=("Terugvorderingen",))
    resultaat = exporteer(start_register, pad, f)
    wb = open_werkmap(pad)
    codes = [r["Code"].value for r in als_dicts(wb[MAATREGELBLAD])]
    assert codes and all(c.startswith("TV-") for c in codes)
    assert resultaat.aantal_maatregelen == len(codes) < 179
    for blad in ("Statushistorie", "Effectmetingen"):
        assert {r["Code"].value for r in als_dicts(wb[blad])} <= set(codes), blad
    aanbevelingen = als_dicts(wb["Aanbevelingen"])
    assert aanbevelingen
    for rij in aanbevelingen:
        assert set(lees_lijst(rij["Gekoppelde maatregelen"].value)) & set(codes)
    blok = {rij[0].value: rij[1].value for rij in wb["Toelichting"].iter_rows(max_row=6)}
    assert blok["Filter"] == f.omschrijving()
    assert blok["Aantal maatregelen"] == len(codes)


def test_gearchiveerde_maatregelen_alleen_wanneer_het_filter_ze_meeneemt(start_register, tmp_path):
    with start_register.werk() as s:
        archiveer(s, "TV-01", GEBRUIKER, haal_maatregel(s, "TV-01").versie)
    exporteer(start_register, tmp_path / "zonder.xlsx")
    exporteer(start_register, tmp_path / "met.xlsx", Filter(met_gearchiveerd=True))
    zonder = {r["Code"].value: r for r in als_dicts(open_werkmap(tmp_path / "zonder.xlsx")[MAATREGELBLAD])}
    met = {r["Code"].value: r for r in als_dicts(open_werkmap(tmp_path / "met.xlsx")[MAATREGELBLAD])}
    assert "TV-01" not in zonder
    assert met["TV-01"]["Gearchiveerd"].value == "ja"
    assert met["TV-02"]["Gearchiveerd"].value == "nee"


# --- layout ---------------------------------------------------------------------------------------------------------

def test_elk_datablad_heeft_een_vaste_vette_koprij_en_een_autofilter(startwerkmap):
    _, wb, _ = startwerkmap
    for naam in DATABLADEN:
        ws = wb[naam]
        assert ws.freeze_panes == "A2", naam
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", naam
        assert all(c.font.b for c in next(ws.iter_rows(max_row=1))), naam
        breedte = {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}
        assert all(breedte[i] >= 9 for i in range(1, ws.max_column + 1)), naam
    # Excel stores a width of n characters as n plus a few pixels of cell padding, and neighbours of the same width
    # as one range.
    breedte = {i: d.width for d in wb[MAATREGELBLAD].column_dimensions.values() for i in range(d.min, d.max + 1)}
    for i, k in enumerate(MAATREGELKOLOMMEN, start=1):
        assert k.breedte <= breedte[i] < k.breedte + 1, k.kop
    toelichting = wb["Toelichting"]
    assert toelichting.freeze_panes == "A8" and toelichting.auto_filter.ref == f"A7:D{7 + len(MAATREGELKOLOMMEN)}"


# --- brief §7: formula injection, exact texts, whole file or nothing --------------------------------------------------

INJECTIES = {"naam": "=1+1", "eigenaar": "@SUM(A1)", "omschrijving": "-2+3", "partners": "+31 6 12345678",
             "doel": "#N/A", "iv_keten": '=HYPERLINK("http://example.org/x","klik")', "doelgroep": "=cmd|'/c calc'!A1",
             # XlsxWriter writes a string shaped like its own rich-text XML unescaped, unless told it is text
             "iv_toelichting": '<r><t>x</t></r></is></c><c r="Z2"><f>1+1</f><v>2</v></c><c r="Z3" t="inlineStr">'
                               '<is><r><t>y</t></r>',
             "vertraging_toelichting": "<r>gewoon</r>"}


def test_tekst_die_op_een_formule_lijkt_blijft_tekst(sqlite_register, tmp_path):
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "TV", **INJECTIES}, GEBRUIKER, code="TV-01",
                       toelichting="=SUM(1,2)", vindplaats="@p. 3")
    pad = tmp_path / "injectie.xlsx"
    exporteer(sqlite_register, pad)
    wb = open_werkmap(pad)
    rij = als_dicts(wb[MAATREGELBLAD])[0]
    for veld, tekst in INJECTIES.items():
        cel = rij[PER_VELD[veld].kop]
        assert cel.value == tekst, veld
        assert cel.data_type == "s", veld
    historie = als_dicts(wb["Statushistorie"])[0]["Toelichting"]
    assert (historie.value, historie.data_type) == ("=SUM(1,2)", "s")
    with zipfile.ZipFile(pad) as z:
        for naam in z.namelist():
            xml = z.read(naam).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml, naam


LASTIGE_TEKSTEN = {
    "naam": 'Inkomens <b>check</b> & "snel" — \'t werkt 😀 <script>alert(1)</script> &amp; é',
    "omschrijving": "  Regel 1\nRegel 2\nRegel 3\t<tab> ]]> eind  ",
    "doel": "€ ✓ ● ✗ 👩‍👩‍👧 \U0001F600 ñ ü ß",
    "eigenaar": "'enkel' en \"dubbel\" & <geen tag/>",
}


def test_teksten_met_emoji_opmaak_en_aanhalingstekens_komen_precies_terug(sqlite_register, tmp_path):
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "DC", **LASTIGE_TEKSTEN}, GEBRUIKER, code="DC-01")
    pad = tmp_path / "lastig.xlsx"
    exporteer(sqlite_register, pad)
    rij = als_dicts(open_werkmap(pad)[MAATREGELBLAD])[0]
    for veld, tekst in LASTIGE_TEKSTEN.items():
        assert rij[PER_VELD[veld].kop].value == tekst, veld


def test_stuurtekens_worden_geschreven_zoals_excel_ze_schrijft(sqlite_register, tmp_path):
    """XML cannot hold them: SpreadsheetML's _xHHHH_ escape, which Excel shows as the character again."""
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "DC", "naam": "Plakte\x0buit Word\x07", "omschrijving": "letterlijk _x0041_",
                           "doel": "Regel 1\r\nRegel 2"}, GEBRUIKER, code="DC-01")
    pad = tmp_path / "stuur.xlsx"
    exporteer(sqlite_register, pad)
    rij = als_dicts(open_werkmap(pad)[MAATREGELBLAD])[0]
    assert rij["Naam"].value == "Plakte_x000B_uit Word_x0007_"
    assert rij["Omschrijving"].value == "letterlijk _x005F_x0041_"
    assert rij["Doel"].value == "Regel 1_x000D_\nRegel 2"  # a carriage return too, as Excel writes it


def test_stuurtekens_regeleinden_en_tekst_die_op_werkmap_xml_lijkt_komen_bij_inlezen_precies_terug(sqlite_register,
                                                                                                   tmp_path):
    from registry.rekenblad.lezen import lees_bestand

    teksten = {"naam": "Plakte\x0buit Word\x07", "omschrijving": "  letterlijk _x0041_ en Regel 1\r\nRegel 2 ",
               "doel": INJECTIES["iv_toelichting"], "eigenaar": "<r>gewoon</r>"}
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "DC", **teksten}, GEBRUIKER, code="DC-01")
    pad = tmp_path / "terug.xlsx"
    exporteer(sqlite_register, pad)
    blad = lees_bestand(pad)[0]
    rij = dict(zip(blad.rijen[0], blad.rijen[1]))
    assert {veld: rij[PER_VELD[veld].kop] for veld in teksten} == teksten


def test_een_tekst_langer_dan_een_cel_wordt_ingekort_met_een_waarschuwing(sqlite_register, tmp_path):
    lang = "😀" + "a" * 39_999
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "Lang", "omschrijving": lang}, GEBRUIKER, code="TV-01")
    pad = tmp_path / "lang.xlsx"
    resultaat = exporteer(sqlite_register, pad)
    cel = als_dicts(open_werkmap(pad)[MAATREGELBLAD])[0]["Omschrijving"].value
    assert cel.endswith(INGEKORT) and lang.startswith(cel[:-len(INGEKORT)])
    assert len(cel.encode("utf-16-le")) // 2 == MAX_CELTEKST
    assert len(resultaat.waarschuwingen) == 1
    assert resultaat.waarschuwingen[0] == ('Blad "Maatregelen", cel C2 (Omschrijving, TV-01): de tekst is 40.000 '
                                          "tekens, meer dan Excel in een cel kan bewaren; hij is ingekort.")


def test_een_onschrijfbaar_pad_geeft_een_nederlandse_melding_en_geen_bestand(start_register, tmp_path):
    voor = sorted(tmp_path.iterdir())
    for pad in (tmp_path / "bestaat-niet" / "register.xlsx", tmp_path):
        with pytest.raises(RegisterFout) as fout:
            exporteer(start_register, pad)
        assert "Kan het Excel-bestand niet schrijven" in fout.value.melding
    assert sorted(tmp_path.iterdir()) == voor


def test_een_mislukte_export_laat_het_oude_bestand_staan_en_geen_half_bestand(start_register, tmp_path, monkeypatch):
    pad = tmp_path / "register.xlsx"
    pad.write_bytes(b"vorige export")
    voor = sorted(tmp_path.iterdir())

    def halverwege(self, uit):
        uit.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export._Werkmap, "schrijf", halverwege)
    with pytest.raises(RegisterFout) as fout:
        exporteer(start_register, pad)
    assert "No space left on device" in fout.value.melding
    assert pad.read_bytes() == b"vorige export"
    assert sorted(tmp_path.iterdir()) == voor


@contextmanager
def schijf_vol_na(aantal: int):
    """Stands in for atomair_bestand (same temporary file beside the target) whose disk fills after `aantal` bytes."""
    echt = export.atomair_bestand

    @contextmanager
    def vervanger(pad, soort):
        with echt(pad, soort) as uit:
            schrijf = uit.write

            def vol(data):
                if uit.tell() + len(data) > aantal:
                    raise OSError(28, "No space left on device")
                return schrijf(data)

            uit.write = vol
            yield uit

    yield vervanger


def test_een_volle_schijf_tijdens_het_opslaan_laat_geen_bestand_en_geen_tijdelijke_bestanden(
        start_register, tmp_path, monkeypatch):
    pad = tmp_path / "register.xlsx"
    pad.write_bytes(b"vorige export")
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tijdelijk))
    voor = sorted(tmp_path.iterdir())
    with schijf_vol_na(20_000) as vervanger:
        monkeypatch.setattr(export, "atomair_bestand", vervanger)
        with pytest.raises(RegisterFout) as fout:
            exporteer(start_register, pad)
    assert fout.value.melding == f"Kan het Excel-bestand {pad} niet schrijven: No space left on device."
    assert pad.read_bytes() == b"vorige export"
    assert sorted(tmp_path.iterdir()) == voor
    assert list(tijdelijk.iterdir()) == []


def test_een_gelukte_export_laat_geen_tijdelijke_bestanden_achter(start_register, tmp_path, monkeypatch):
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tijdelijk))
    voor = set(tmp_path.iterdir())
    exporteer(start_register, tmp_path / "register.xlsx")
    assert set(tmp_path.iterdir()) - voor == {tmp_path / "register.xlsx"}
    assert list(tijdelijk.iterdir()) == []


def test_een_lege_registerexport_is_een_geldige_werkmap(sqlite_register, tmp_path):
    pad = tmp_path / "leeg.xlsx"
    resultaat = exporteer(sqlite_register, pad)
    wb = open_werkmap(pad)
    assert resultaat.aantal_maatregelen == 0
    assert [c.value for c in next(wb[MAATREGELBLAD].iter_rows(max_row=1))] == [k.kop for k in MAATREGELKOLOMMEN]
    assert wb[MAATREGELBLAD].max_row == 1
