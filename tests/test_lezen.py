"""Reading workbooks and CSV files into grids, and refusing foreign and hostile files (brief §7)."""

import csv
import datetime
import logging
import os
import time
import tracemalloc
import zipfile

import pytest

from registry.rekenblad import lezen
from registry.rekenblad.lezen import Blad, BestandFout, lees_bestand


def maak_werkmap(pad, vul):
    from openpyxl import Workbook

    werkmap = Workbook()
    vul(werkmap)
    werkmap.save(pad)
    return pad


def weigering(pad) -> str:
    """The Dutch message lees_bestand refuses `pad` with; it must name the file and come quickly."""
    begin = time.perf_counter()
    with pytest.raises(BestandFout) as fout:
        lees_bestand(pad)
    assert time.perf_counter() - begin < 5
    assert pad.name in fout.value.melding
    return fout.value.melding


# --- workbooks ---------------------------------------------------------------------------------------------------

def test_tracker_met_titelrijen_samengevoegde_cellen_en_datums_wordt_als_raster_gelezen(tmp_path):
    def vul(werkmap):
        blad = werkmap.active
        blad.title = "Actielijst"
        blad["A1"] = "Actielijst verbetermaatregelen"
        blad.merge_cells("A1:D1")
        blad["A2"] = "Stand per 1 maart"
        blad.append(["Thema", "Maatregel", "Stand van zaken", "Deadline"])
        blad.append(["Burger centraal", "Brieven herschrijven", "gereed", datetime.date(2026, 3, 31)])
        blad.append([None, "Belteam uitbreiden", "loopt", datetime.datetime(2026, 6, 30, 14, 30)])
        blad.append([None, "Termijnen korter", None, None])
        blad.merge_cells("A4:A6")
        werkmap.create_sheet("Leeg")

    [tracker, leeg] = lees_bestand(maak_werkmap(tmp_path / "tracker.xlsx", vul))
    assert tracker == Blad("Actielijst", (
        ("Actielijst verbetermaatregelen",) * 4,
        ("Stand per 1 maart", None, None, None),
        ("Thema", "Maatregel", "Stand van zaken", "Deadline"),
        ("Burger centraal", "Brieven herschrijven", "gereed", datetime.date(2026, 3, 31)),
        ("Burger centraal", "Belteam uitbreiden", "loopt", datetime.datetime(2026, 6, 30, 14, 30)),
        ("Burger centraal", "Termijnen korter", None, None),
    ))
    assert leeg == Blad("Leeg", ())


def test_tekst_blijft_zoals_getypt_en_lege_tekst_is_leeg(tmp_path):
    def vul(werkmap):
        blad = werkmap.active
        blad.append(["  spaties  eromheen ", "", "   ", "=geen formule", "regel 1\nregel 2", "é ë ï € 😀"])
        blad.append([1, 2.5, True, False, None, "<b>&amp;</b>"])

    [blad] = lees_bestand(maak_werkmap(tmp_path / "tekst.xlsx", vul))
    assert blad.rijen[0][0] == "  spaties  eromheen "
    assert blad.rijen[0][1:3] == (None, None)
    assert blad.rijen[0][4:] == ("regel 1\nregel 2", "é ë ï € 😀")
    assert blad.rijen[1] == (1, 2.5, True, False, None, "<b>&amp;</b>")


def test_lege_rijen_en_kolommen_aan_het_eind_vallen_weg_en_tussenliggende_blijven(tmp_path):
    def vul(werkmap):
        blad = werkmap.active
        blad["B2"] = "midden"
        blad["D4"] = 4
        blad["H20"] = ""  # an empty string far away is no value
        blad["J30"].number_format = "0.00"  # a formatted empty cell neither

    [blad] = lees_bestand(maak_werkmap(tmp_path / "gaten.xlsx", vul))
    assert blad.rijen == ((None,) * 4, (None, "midden", None, None), (None,) * 4, (None, None, None, 4))


def test_een_formule_geeft_de_laatst_berekende_waarde_en_geen_formule(tmp_path):
    # openpyxl stores no cached result; Excel would. Either way the formula text itself is never read as data.
    def vul(werkmap):
        werkmap.active.append([1, "=A1+1"])

    [blad] = lees_bestand(maak_werkmap(tmp_path / "formule.xlsx", vul))
    assert blad.rijen == ((1,),)


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_waarden_zijn_dezelfde_als_openpyxl_ze_leest(tmp_path, epoch_1904):
    from openpyxl import load_workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    def vul(werkmap):
        if epoch_1904:
            werkmap.epoch = CALENDAR_MAC_1904
        blad = werkmap.active
        blad.append(["tekst", 12, -3.25, 1e20, True, datetime.date(1999, 12, 31), datetime.datetime(2026, 1, 2, 3, 4)])
        # 1 March 1900 is the first day after Excel's phantom 29 February 1900; the 1904 calendar starts later
        blad.append([0, 0.5, "0012", "€", datetime.date(1904 if epoch_1904 else 1900, 3, 1), 10**15])
        blad["B2"].number_format = "0.00%"
        blad["C3"] = 45000
        blad["C3"].number_format = "dd-mm-yyyy"
        blad["D3"] = 45000.75
        blad["D3"].number_format = "d mmmm yyyy hh:mm"
        werkmap.create_sheet("Tweede").append([None, "b"])

    def dag(waarde):  # openpyxl gives a date cell as a datetime at midnight, calamine as a date: both fine
        return waarde.date() if isinstance(waarde, datetime.datetime) and waarde.time() == datetime.time() else waarde

    pad = maak_werkmap(tmp_path / "soorten.xlsx", vul)
    werkmap = load_workbook(pad, read_only=True, data_only=True)
    verwacht = [[tuple(map(dag, rij)) for rij in blad.iter_rows(values_only=True)] for blad in werkmap.worksheets]
    werkmap.close()
    gelezen = [[tuple(map(dag, rij)) for rij in blad.rijen] for blad in lees_bestand(pad)]
    assert gelezen == verwacht


def test_werkmap_wordt_op_inhoud_herkend_ook_met_een_andere_extensie(tmp_path):
    pad = maak_werkmap(tmp_path / "export.xlsx", lambda werkmap: werkmap.active.append(["Code", "Naam"]))
    anders = tmp_path / "export.csv"
    pad.rename(anders)
    assert lees_bestand(anders)[0].rijen == (("Code", "Naam"),)


def test_samengevoegd_bereik_buiten_de_waarden_vergroot_het_raster_niet(tmp_path):
    def vul(werkmap):
        blad = werkmap.active
        blad["A1"] = "Titel"
        blad.merge_cells("A1:Z1")
        blad["A2"], blad["B2"] = "Code", "Naam"

    [blad] = lees_bestand(maak_werkmap(tmp_path / "breed.xlsx", vul))
    assert blad.rijen == (("Titel", "Titel"), ("Code", "Naam"))


def test_tienduizend_rijen_van_35_kolommen_worden_snel_gelezen(tmp_path):
    from openpyxl import Workbook

    werkmap = Workbook(write_only=True)
    blad = werkmap.create_sheet("Maatregelen")
    blad.append([f"Kop {kolom}" for kolom in range(35)])
    for rij in range(10_000):
        blad.append([f"Maatregel {rij} tekst {kolom}" if kolom % 3 else rij * kolom for kolom in range(35)])
    werkmap.save(tmp_path / "groot.xlsx")

    begin = time.perf_counter()
    [gelezen] = lees_bestand(tmp_path / "groot.xlsx")
    duur = time.perf_counter() - begin
    print(f"\n10.000 x 35 cellen gelezen in {duur:.2f} s")
    assert len(gelezen.rijen) == 10_001 and gelezen.breedte == 35
    assert gelezen.rijen[10_000][:3] == (0, "Maatregel 9999 tekst 1", "Maatregel 9999 tekst 2")


# --- CSV ---------------------------------------------------------------------------------------------------------

RIJEN = [
    ["Code", "Naam", "Omschrijving", "Bedrag"],
    ["TV-01", "Brieven; begrijpelijk", "Eerste regel\nTweede regel met \"aanhalingstekens\"", "€ 12,50"],
    ["TV-02", "Één loket", "é ë ï €", ""],
]


@pytest.mark.parametrize("codering", ["utf-8-sig", "utf-8", "cp1252"])
@pytest.mark.parametrize("scheiding", [";", ",", "\t"])
def test_csv_wordt_gelezen_in_elke_codering_en_met_elk_scheidingsteken(tmp_path, codering, scheiding):
    pad = tmp_path / "maatregelen.csv"
    with open(pad, "w", encoding=codering, newline="") as uit:
        csv.writer(uit, delimiter=scheiding).writerows(RIJEN)

    [blad] = lees_bestand(pad)
    assert blad.naam == "maatregelen.csv"
    assert blad.rijen == tuple(tuple(waarde or None for waarde in rij) for rij in RIJEN)


def test_csv_van_nederlandse_excel_met_titelrij_en_puntkomma(tmp_path):
    pad = tmp_path / "tracker.csv"
    pad.write_bytes("Actielijst Toeslagen, stand maart;;;\r\nThema;Maatregel;Stand van zaken;Deadline\r\n"
                    "Burger, centraal;Brieven;gereed;31-3-2026\r\n;;;\r\n".encode("cp1252"))
    [blad] = lees_bestand(pad)
    assert blad.rijen == (
        ("Actielijst Toeslagen, stand maart", None, None, None),
        ("Thema", "Maatregel", "Stand van zaken", "Deadline"),
        ("Burger, centraal", "Brieven", "gereed", "31-3-2026"),
    )


def test_csv_wordt_op_inhoud_herkend_zonder_extensie_en_in_utf16(tmp_path):
    zonder = tmp_path / "export"
    zonder.write_text("Code;Naam\nTV-01;Één\n", encoding="utf-8")
    assert lees_bestand(zonder)[0].rijen == (("Code", "Naam"), ("TV-01", "Één"))
    unicode = tmp_path / "unicode.txt"
    unicode.write_text("Code\tNaam\nTV-01\tÉén\n", encoding="utf-16")
    assert lees_bestand(unicode)[0].rijen == (("Code", "Naam"), ("TV-01", "Één"))


def test_csv_met_nul_tekens_wordt_geweigerd(tmp_path):
    pad = tmp_path / "binair.csv"
    pad.write_bytes(b"Code;Naam\nTV-01;\x00\x00\n")
    assert "NUL" in weigering(pad)


def test_csv_met_onleesbare_tekens_wordt_geweigerd(tmp_path):
    pad = tmp_path / "kapot.csv"
    pad.write_bytes(b"Code;Naam\nTV-01;\x81\x8d\n")  # neither UTF-8 nor Windows-1252
    assert "UTF-8" in weigering(pad)


def test_csv_met_een_veld_langer_dan_de_grens_wordt_geweigerd_en_de_grens_hersteld(tmp_path, monkeypatch):
    monkeypatch.setattr(lezen, "MAX_VELD", 1000)
    pad = tmp_path / "lang.csv"
    pad.write_text('Code;Naam\nTV-01;"' + "x" * 5000 + "\n", encoding="utf-8")  # the closing quote is missing
    grens = csv.field_size_limit()
    assert "aanhalingsteken" in weigering(pad)
    assert csv.field_size_limit() == grens


# --- refusals ----------------------------------------------------------------------------------------------------

def test_ontbrekend_bestand_map_en_leeg_bestand_worden_geweigerd(tmp_path):
    assert "bestaat niet" in weigering(tmp_path / "weg.xlsx")
    map_ = tmp_path / "map.xlsx"
    map_.mkdir()
    assert "map" in weigering(map_)
    leeg = tmp_path / "leeg.csv"
    leeg.touch()
    assert "leeg" in weigering(leeg)


def test_onleesbaar_bestand_wordt_geweigerd(tmp_path, monkeypatch):
    pad = tmp_path / "geheim.xlsx"
    pad.write_bytes(b"PK\x03\x04")

    def geen_toegang(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lezen, "open", geen_toegang, raising=False)
    assert "mag lezen" in weigering(pad)


def test_te_groot_bestand_wordt_geweigerd_zonder_het_te_lezen(tmp_path, monkeypatch):
    monkeypatch.setattr(lezen, "MAX_BESTAND", 1000)
    pad = tmp_path / "groot.csv"
    pad.write_text("a;b\n" * 1000)
    assert "te groot" in weigering(pad)


@pytest.mark.parametrize("inhoud, naam, verwacht", [
    (os.urandom(4096), "willekeurig.xlsx", "beschadigd of geen geldige werkmap"),
    (b"%PDF-1.7\n" + os.urandom(2000), "rapport.xlsx", "PDF"),
    (b"\x00\x01\x02" + os.urandom(2000), "iets.bin", "geen Excel-werkmap en geen CSV"),
])
def test_geen_werkmap_wordt_geweigerd(tmp_path, inhoud, naam, verwacht):
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    assert verwacht in weigering(pad)


def maak_zip(pad, delen: dict[str, bytes | str]):
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in delen.items():
            zf.writestr(naam, inhoud)
    return pad


def test_word_document_en_ods_worden_met_uitleg_geweigerd(tmp_path):
    docx = maak_zip(tmp_path / "verslag.xlsx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    assert "Word-document" in weigering(docx)
    ods = maak_zip(tmp_path / "tracker.ods", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                               "content.xml": "<office/>"})
    assert ".ods" in weigering(ods) and ".xlsx" in weigering(ods)


def ole2(*stroomnamen: str) -> bytes:
    """The start of a compound file: the header, then a directory naming the streams (UTF-16, as in a real one)."""
    kop = lezen.OLE2 + bytes(504)
    return kop + b"".join(naam.encode("utf-16-le").ljust(64, b"\x00") + bytes(64) for naam in stroomnamen)


def test_oud_xls_formaat_en_wachtwoord_worden_elk_met_hun_oplossing_geweigerd(tmp_path):
    xls = tmp_path / "oud.xls"
    xls.write_bytes(ole2("Root Entry", "Workbook", "\x05SummaryInformation"))
    assert "oude Excel-formaat (.xls)" in weigering(xls)
    versleuteld = tmp_path / "geheim.xlsx"
    versleuteld.write_bytes(ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert "beveiligd met een wachtwoord" in weigering(versleuteld)


WERKMAP_XML = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELATIES_XML = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/worksheet"/>'
                '<Relationship Id="rId2" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/sharedStrings"/></Relationships>')
PAKKET_XML = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships/officeDocument"/></Relationships>')
BLAD_KOP = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def werkmap_delen(blad: str, teksten: str | None = None) -> dict[str, str]:
    delen = {"_rels/.rels": PAKKET_XML, "xl/workbook.xml": WERKMAP_XML, "xl/_rels/workbook.xml.rels": RELATIES_XML,
             "xl/worksheets/sheet1.xml": blad}
    if teksten is not None:
        delen["xl/sharedStrings.xml"] = teksten
    return delen


def test_met_de_hand_gemaakte_minimale_werkmap_wordt_gelezen(tmp_path):
    # the fixture the hostile variants below start from must itself be readable
    pad = maak_zip(tmp_path / "klein.xlsx", werkmap_delen(
        BLAD_KOP + '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData>'
        '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>',
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Code</t></si></sst>'))
    assert lees_bestand(pad) == [Blad("Blad1", (("Code", 7),))]


def test_excels_escapes_voor_stuurtekens_worden_gedecodeerd(tmp_path):
    # Excel stores a control character as _xHHHH_, and a literal "_x" sequence with its underscore escaped as _x005F_
    pad = maak_zip(tmp_path / "escapes.xlsx", werkmap_delen(
        BLAD_KOP + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>regel_x000B_tab_x0009_eind</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>letterlijk _x005F_x000B_</t></is></c></row></sheetData></worksheet>'))
    assert lees_bestand(pad)[0].rijen == (("regel\vtab\teind", "letterlijk _x000B_"),)


def test_blad_met_voorvoegsels_en_cellen_zonder_verwijzing_wordt_gelezen(tmp_path):
    # what some generators (the .NET Open XML SDK) write: a namespace prefix, and references left out
    blad = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
            '<x:row><x:c t="inlineStr"><x:is><x:t>Code</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>'
            '<x:row><x:c s="0" r="C3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    pad = maak_zip(tmp_path / "sdk.xlsx", werkmap_delen(blad))
    assert lees_bestand(pad)[0].rijen == (("Code", 2, None), (None, None, None), (None, None, 3))


@pytest.mark.parametrize("rijen", [
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="ZZ9000"><v>1</v></c></row>',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="9000"><c s="0" r="ZZ9000"><v>1</v></c></row>',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="9000">' + "<c><v>1</v></c>" * 1000 + "</row>",
], ids=["hoeken", "cel-buiten-zijn-rij", "verwijzing-niet-voorop", "cellen-zonder-verwijzing"])
def test_blad_met_waarden_ver_uit_elkaar_wordt_geweigerd_voordat_het_wordt_opgebouwd(tmp_path, rijen):
    # calamine builds a sheet as one dense grid: two far-apart values in a tiny file would take gigabytes
    pad = maak_zip(tmp_path / "hoeken.xlsx", werkmap_delen(BLAD_KOP + f"<sheetData>{rijen}</sheetData></worksheet>"))
    assert "cellen" in weigering(pad)


def test_dtd_zonder_entiteiten_wordt_ook_geweigerd(tmp_path):
    pad = maak_zip(tmp_path / "dtd.xlsx", werkmap_delen('<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]>' + BLAD_KOP
                                                        + '<sheetData/></worksheet>'))
    assert "niet zijn toegestaan" in weigering(pad)


LACHEN = ('<!DOCTYPE lol [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(1, 10))
          + ']>')


@pytest.mark.parametrize("blad, teksten", [
    (BLAD_KOP + "<sheetData/></worksheet>",
     LACHEN + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'),
    (LACHEN + BLAD_KOP + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
     '</sheetData></worksheet>', None),
    ('<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + BLAD_KOP + '<sheetData><row r="1">'
     '<c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>', None),
    (BLAD_KOP + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>'
     '</worksheet>', None),
], ids=["billion-laughs-gedeelde-teksten", "billion-laughs-blad", "externe-entiteit", "onbekende-entiteit"])
def test_xml_entiteiten_worden_geweigerd(tmp_path, blad, teksten):
    pad = maak_zip(tmp_path / "entiteiten.xlsx", werkmap_delen(blad, teksten))
    tracemalloc.start()
    try:
        melding = weigering(pad)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "beschadigd of geen geldige werkmap" in melding
    assert piek < 20 * 2**20
    assert "root:" not in melding


def test_entiteit_in_het_werkmapdeel_wordt_geweigerd(tmp_path):
    delen = werkmap_delen(BLAD_KOP + "<sheetData/></worksheet>")
    delen["xl/workbook.xml"] = LACHEN + WERKMAP_XML.replace('name="Blad1"', 'name="&lol9;"')
    assert "niet zijn toegestaan" in weigering(maak_zip(tmp_path / "werkmap.xlsx", delen))


@pytest.fixture(scope="module")
def zipbom(tmp_path_factory):
    """A workbook whose sheet unpacks to 1 GB of zeros from about 1 MB on disk."""
    pad = tmp_path_factory.mktemp("bom") / "bom.xlsx"
    nullen = bytes(2**20)
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("xl/workbook.xml", WERKMAP_XML)
        zf.writestr("xl/_rels/workbook.xml.rels", RELATIES_XML)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as uit:
            for _ in range(1024):
                uit.write(nullen)
    return pad


def test_zipbom_wordt_geweigerd_zonder_uit_te_pakken(zipbom):
    tracemalloc.start()
    try:
        melding = weigering(zipbom)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zipbom" in melding
    assert piek < 10 * 2**20


def test_onderdeel_dat_absurd_uitpakt_wordt_geweigerd_ook_onder_de_totaalgrens(tmp_path):
    opgeblazen = BLAD_KOP + " " * (20 * 2**20) + "<sheetData/></worksheet>"
    pad = maak_zip(tmp_path / "verhouding.xlsx", werkmap_delen(opgeblazen))
    assert "keer" in weigering(pad)


def test_te_veel_onderdelen_worden_geweigerd(tmp_path, monkeypatch):
    monkeypatch.setattr(lezen, "MAX_ONDERDELEN", 5)
    delen = werkmap_delen(BLAD_KOP + "<sheetData/></worksheet>") | {f"xl/media/{i}.png": "x" for i in range(5)}
    assert "onderdelen" in weigering(maak_zip(tmp_path / "veel.xlsx", delen))


def test_zip_die_over_zijn_grootte_liegt_wordt_geweigerd(tmp_path):
    rijen = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20000
    blad = BLAD_KOP + "<sheetData>" + rijen + "</sheetData></worksheet>"
    pad = maak_zip(tmp_path / "leugen.xlsx", werkmap_delen(blad))
    inhoud = bytearray(pad.read_bytes())
    # make the central directory declare a far smaller unpacked size for the sheet than it has
    with zipfile.ZipFile(pad) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    centraal = inhoud.rfind(b"PK\x01\x02", 0, inhoud.rfind(b"xl/worksheets/sheet1.xml"))
    inhoud[centraal + 24:centraal + 28] = (100).to_bytes(4, "little")
    assert info.file_size > 100
    pad.write_bytes(bytes(inhoud))
    assert "beschadigd" in weigering(pad)


def test_te_veel_rijen_of_kolommen_worden_geweigerd_en_niet_afgekapt(tmp_path, monkeypatch):
    monkeypatch.setattr(lezen, "MAX_RIJEN", 50)
    monkeypatch.setattr(lezen, "MAX_KOLOMMEN", 20)
    rijen = maak_werkmap(tmp_path / "rijen.xlsx", lambda werkmap: [werkmap.active.append([i]) for i in range(60)])
    assert "meer dan 50 rijen" in weigering(rijen)
    kolommen = maak_werkmap(tmp_path / "kolommen.xlsx", lambda werkmap: werkmap.active.append(list(range(25))))
    assert "20 kolommen" in weigering(kolommen)
    csv_ = tmp_path / "kolommen.csv"
    csv_.write_text(";".join(map(str, range(25))) + "\n")
    assert "20 kolommen" in weigering(csv_)


def test_te_veel_cellen_of_samenvoegingen_worden_geweigerd(tmp_path, monkeypatch):
    monkeypatch.setattr(lezen, "MAX_CELLEN", 100)
    monkeypatch.setattr(lezen, "MAX_SAMENVOEGINGEN", 3)
    cellen = maak_werkmap(tmp_path / "cellen.xlsx",
                          lambda werkmap: [werkmap.active.append([1] * 10) for _ in range(11)])
    assert "cellen" in weigering(cellen)

    def vul(werkmap):
        for rij in range(1, 6):
            werkmap.active.merge_cells(f"A{rij}:B{rij}")

    assert "samengevoegde" in weigering(maak_werkmap(tmp_path / "samen.xlsx", vul))


def test_rij_ver_voorbij_excels_grens_wordt_geweigerd(tmp_path):
    pad = maak_zip(tmp_path / "ver.xlsx", werkmap_delen(
        BLAD_KOP + '<sheetData><row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData></worksheet>'))
    assert "rijen" in weigering(pad)


def test_onverwachte_fout_wordt_gelogd_en_als_bestandfout_gemeld(tmp_path, monkeypatch, caplog):
    pad = maak_werkmap(tmp_path / "gewoon.xlsx", lambda werkmap: werkmap.active.append(["Code"]))

    def stuk(*args, **kwargs):
        raise ZeroDivisionError("fout in het register")

    monkeypatch.setattr(lezen, "_raster", stuk)
    with caplog.at_level(logging.ERROR, logger="registry.rekenblad.lezen"):
        melding = weigering(pad)
    assert "logbestand" in melding
    assert "ZeroDivisionError" in caplog.text
