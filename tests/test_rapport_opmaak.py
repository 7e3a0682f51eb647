"""The PDF layout toolkit: text exactly as typed, repeated table headers, page numbers, watermark, metadata, fonts."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak

from registry.fouten import RegisterFout
from registry import bestand
from registry.rapport import opmaak

LASTIG = '<keten> & "S&P" 0.1 <A <0.9'
RAKET = "\U0001F680"  # an emoji DejaVu Sans does not have


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def _bouw(pad, verhalen, **opties):
    standaard = dict(titel="Overzicht PRT", periode="2026-H2", classificatie="Intern gebruik", concept=False,
                     auteur="Tester", onderwerp="Maatregelen", trefwoorden=["toeslagen", "PRT"])
    standaard.update(opties)
    opmaak.bouw_document(pad, [opmaak.alinea("Voorblad", "titel"), PageBreak(), *verhalen], **standaard)
    return PdfReader(pad)


def _tekst(lezer) -> list[str]:
    return [pagina.extract_text() for pagina in lezer.pages]


def _inhoud(lezer, *herhaald: str) -> str:
    """The body text of all pages, without header, footer and the given repeated texts, whitespace removed."""
    delen = []
    for tekst in _tekst(lezer):
        for weg in ("Overzicht PRT · 2026-H2", "Intern gebruik", *herhaald):
            tekst = tekst.replace(weg, "")
        delen.append(re.sub(r"pagina \d+ van \d+|gegenereerd [\d: -]+", "", tekst))
    return _plat("".join(delen))


def test_gebruikerstekst_komt_letterlijk_en_volledig_in_de_pdf(tmp_path):
    lang = " ".join(f"woord{i:05d}" for i in range(1_900))  # ~20,000 characters
    assert len(lang) > 20_000
    waarde = f"{LASTIG} {RAKET} daarna\nregel twee {lang}"
    verwacht = _plat(waarde.replace(RAKET, opmaak.VERVANGING))
    als_alinea = _bouw(tmp_path / "a.pdf", [opmaak.alinea(waarde)])
    assert _inhoud(als_alinea) == _plat("Voorblad") + verwacht
    als_cel = _bouw(tmp_path / "b.pdf", [opmaak.tabel(["Code", "Omschrijving"], [["TV-01", waarde]], [1, 5])])
    assert len(als_cel.pages) > 3
    assert _inhoud(als_cel, "Code\nOmschrijving") == _plat("Voorblad TV-01") + verwacht


def test_emoji_zonder_lettertype_wordt_zichtbaar_vervangen():
    assert opmaak.VERVANGING in opmaak.tekst(f"voor {RAKET} na")
    assert opmaak.tekst(f"voor {RAKET} na").startswith("voor ")
    assert opmaak.tekst(f"voor {RAKET} na").endswith(" na")


def test_markup_tekens_worden_ontsnapt():
    assert opmaak.tekst(LASTIG) == "&lt;keten&gt; &amp; &quot;S&amp;P&quot; 0.1 &lt;A &lt;0.9"
    assert opmaak.tekst("a\nb") == "a<br/>b"
    assert opmaak.tekst(None) == ""


def test_lange_tabel_herhaalt_de_kop_op_elke_pagina_en_nooit_twee_keer(tmp_path):
    rijen = [[f"TV-{i:03d}", "naam woord " * (i % 23 * 3 + 1), "ingevoerd" if i % 2 else "niet", "team"]
             for i in range(300)]
    rijen[7][1] = "lang " * 4_000  # a row taller than a page
    lezer = _bouw(tmp_path / "t.pdf", [opmaak.kop("Maatregelen"),
                                       opmaak.tabel(["Code", "Naam", "Status", "Eigenaarskolom"], rijen,
                                                    [1, 4, 1.5, 1.5], statuskolommen=[2])])
    teksten = _tekst(lezer)[1:]
    assert len(teksten) > 10
    assert [t.count("Eigenaarskolom") for t in teksten] == [1] * len(teksten)
    alles = "".join(teksten)
    assert all(f"TV-{i:03d}" in alles for i in range(300))


def test_elke_pagina_behalve_de_titelpagina_heeft_pagina_x_van_y(tmp_path):
    verhalen = [opmaak.alinea(f"Alinea {i}") for i in range(3)]
    lezer = _bouw(tmp_path / "p.pdf", [verhalen[0], PageBreak(), verhalen[1], PageBreak(), verhalen[2]],
                  gegenereerd=datetime(2026, 11, 22, 9, 30))
    teksten = _tekst(lezer)
    assert len(teksten) == 4
    assert "pagina" not in teksten[0]
    for nummer, tekst in enumerate(teksten[1:], start=2):
        assert f"pagina {nummer} van 4" in tekst
        assert "22-11-2026" in tekst
        assert "Intern gebruik" in tekst
        assert "Overzicht PRT · 2026-H2" in tekst


def test_concept_watermerk_alleen_bij_concept(tmp_path):
    met = _bouw(tmp_path / "c.pdf", [opmaak.alinea("x")], concept=True)
    zonder = _bouw(tmp_path / "d.pdf", [opmaak.alinea("x")], concept=False)
    assert all("CONCEPT" in t for t in _tekst(met))
    assert not any("CONCEPT" in t for t in _tekst(zonder))


def test_metadata_wordt_vastgelegd(tmp_path):
    meta = _bouw(tmp_path / "m.pdf", [opmaak.alinea("x")]).metadata
    assert meta.title == "Overzicht PRT"
    assert meta.author == "Tester"
    assert meta.subject == "Maatregelen"
    assert meta["/Keywords"] == "toeslagen, PRT"


def test_dejavu_is_ingebed(tmp_path):
    lezer = _bouw(tmp_path / "f.pdf", [opmaak.alinea("x")])
    fonts = lezer.pages[1]["/Resources"]["/Font"]
    ingebed = []
    for font in fonts.values():
        font = font.get_object()
        beschrijving = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
        if "/FontFile2" in beschrijving:
            ingebed.append(str(font["/BaseFont"]))
    assert any(naam.endswith("+DejaVuSans") for naam in ingebed)
    assert all("DejaVuSans" in str(font.get_object()["/BaseFont"]) for font in fonts.values())


def test_symbolen_en_diakrieten_komen_er_uit_zoals_getypt(tmp_path):
    lezer = _bouw(tmp_path / "s.pdf", [opmaak.alinea("✓ ● ✗ € é ë ï"),
                                       opmaak.tabel(["Status"], [["ingevoerd"], ["deels"], ["niet"]],
                                                    statuskolommen=[0])])
    tekst = lezer.pages[1].extract_text()
    assert "✓ ● ✗ € é ë ï" in tekst
    assert "✓ Ingevoerd" in tekst and "● Deels" in tekst and "✗ Niet ingevoerd" in tekst


def test_inhoudsopgave_noemt_koppen_met_paginanummer(tmp_path):
    lezer = _bouw(tmp_path / "i.pdf", [opmaak.inhoudsopgave(), PageBreak(), opmaak.kop("Samenvatting <kort>"),
                                       PageBreak(), opmaak.kop("Bronnen", 2)])
    inhoud = lezer.pages[1].extract_text()
    regels = [r.replace(" .", "").strip() for r in inhoud.splitlines()]
    assert regels[regels.index("Samenvatting <kort>") - 1] == "3"
    assert regels[regels.index("Bronnen") - 1] == "4"
    hoofdstuk, [paragraaf] = lezer.outline
    assert hoofdstuk.title == "Samenvatting <kort>" and lezer.get_destination_page_number(hoofdstuk) == 2
    assert paragraaf.title == "Bronnen" and lezer.get_destination_page_number(paragraaf) == 3


def test_figuur_wordt_als_afbeelding_opgenomen(tmp_path):
    from matplotlib.figure import Figure
    figuur = Figure(figsize=(6, 3))
    figuur.add_subplot().bar(["TV", "IN"], [3, 5])
    lezer = _bouw(tmp_path / "g.pdf", [opmaak.figuur_als_flowable(figuur, 150)])
    afbeeldingen = lezer.pages[1].images
    assert len(afbeeldingen) == 1
    assert afbeeldingen[0].image.width == 1200  # 6 inch at 200 dpi


@pytest.mark.parametrize("soort", ["map_bestaat_niet", "map_is_een_bestand", "geen_schrijfrechten"])
def test_onschrijfbaar_pad_geeft_registerfout_en_laat_niets_achter(tmp_path, monkeypatch, soort):
    map_ = tmp_path / "uitvoer"
    reden = "de map bestaat niet"
    if soort == "map_is_een_bestand":
        map_.write_text("geen map")
    elif soort == "geen_schrijfrechten":
        map_.mkdir()
        reden = "geen schrijfrechten"
        # Tests may run as root, who writes anywhere: refuse the way a read-only folder does.
        monkeypatch.setattr(bestand.tempfile, "mkstemp", _weiger)
    with pytest.raises(RegisterFout, match=f"Kan het PDF-bestand niet schrijven in .*uitvoer: {reden}"):
        opmaak.bouw_document(map_ / "uit.pdf", [opmaak.alinea("x")], titel="t", periode="p", classificatie="c")
    assert {p.name for p in tmp_path.iterdir()} <= {"gegevens", "uitvoer"}
    assert not map_.is_dir() or list(map_.iterdir()) == []


def _weiger(*args, **kwargs):
    raise PermissionError(13, "Permission denied")


def test_fout_tijdens_opbouw_laat_geen_half_bestand_achter(tmp_path):
    doel = tmp_path / "half.pdf"

    def breek_af(fractie, melding):
        if "pagina 2 " in melding:
            raise RuntimeError("afgebroken")

    with pytest.raises(RuntimeError):
        opmaak.bouw_document(doel, [opmaak.alinea("x"), PageBreak(), opmaak.alinea("y"), PageBreak(),
                                    opmaak.alinea("z")], titel="t", periode="p", classificatie="c",
                             voortgang=breek_af)
    assert list(tmp_path.iterdir()) == [tmp_path / "gegevens"]


def test_mislukte_opbouw_laat_een_bestaand_bestand_ongemoeid(tmp_path):
    doel = tmp_path / "oud.pdf"
    doel.write_bytes(b"vorige versie")

    def breek_af(fractie, melding):
        raise RuntimeError("afgebroken")

    with pytest.raises(RuntimeError):
        opmaak.bouw_document(doel, [opmaak.alinea("x")], titel="t", periode="p", classificatie="c",
                             voortgang=breek_af)
    assert doel.read_bytes() == b"vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gegevens", "oud.pdf"]


def test_getallen_in_een_tabel_staan_in_nederlandse_notatie(tmp_path):
    lezer = _bouw(tmp_path / "n.pdf", [opmaak.tabel(["Aantal", "Aandeel"], [[12345, 0.5]])])
    tekst = lezer.pages[1].extract_text()
    assert "12.345" in tekst and "0,5" in tekst


def _regels(lezer) -> list[list[str]]:
    return [t.splitlines() for t in _tekst(lezer)]


def test_codes_worden_nooit_midden_in_het_woord_afgebroken(tmp_path):
    codes = ["BURGERREIS-2026", "TV-00123", "IBO-TOESLAGEN-2025", "KOT-9999"]
    rijen = [[code, "een lange naam die over meerdere regels moet teruglopen " * 3, f"{codes[(i + 1) % 4]}, p. {i}",
              ", ".join(codes)] for i, code in enumerate(codes * 5)]
    # Narrow weights for the code columns: before, they printed as "BURGERREIS-20 26".
    lezer = _bouw(tmp_path / "c.pdf", [opmaak.tabel(["Code", "Naam", "Bron", "Maatregelen"], rijen,
                                                    [0.4, 6, 0.4, 0.6], codekolommen=[0, 2, 3])])
    regels = [r for pagina in _regels(lezer)[1:] for r in pagina]
    for code in codes:
        stam = code.split("-")[0]
        # Every place the code starts, the whole code follows on the same line.
        assert sum(r.count(stam) for r in regels) == sum(r.count(code) for r in regels) == 5 + 5 + 20, code
    # Long text still wraps at spaces: each word whole.
    woorden = {w for r in regels for w in r.split()}
    assert {"lange", "naam", "meerdere", "teruglopen"} <= woorden
    assert not any(w in woorden for w in ("lan", "teruglo", "meerde"))


def test_kolombreedtes_houden_het_minimum_en_samen_de_volle_breedte():
    breedtes = opmaak.kolombreedtes_met_minimum([1, 4, 1], 300, [80, 0, 10])
    assert breedtes[0] == 80 and breedtes[2] >= 10
    assert abs(sum(breedtes) - 300) < 1e-6
    assert abs(breedtes[1] / breedtes[2] - 4) < 1e-9  # the others keep their proportion
    te_veel = opmaak.kolombreedtes_met_minimum([1, 1], 100, [150, 50])
    assert abs(sum(te_veel) - 100) < 1e-6 and te_veel[0] > te_veel[1] > 0


def _onderaan(hoogte_over: float, groep, tabel):
    """A chapter heading and a page filled so that about `hoogte_over` points are left, then a heading group and
    what follows it."""
    from reportlab.platypus import Spacer
    hoofdstuk = opmaak.kop("Hoofdstuk", 1)
    _, hoogte = hoofdstuk.wrap(opmaak.BESCHIKBARE_BREEDTE, opmaak.VOLLE_HOOGTE)
    return [hoofdstuk, Spacer(1, opmaak.VOLLE_HOOGTE - hoogte - hoofdstuk.getSpaceAfter() - hoogte_over),
            *opmaak.bij_elkaar(groep, tabel)]


def _tabel_met_lange_rijen():
    return opmaak.tabel(["Code", "Omschrijving"],
                        [[f"RIJ-{i:03d}", "tekst die een paar regels hoog wordt " * 4] for i in range(40)], [1, 5])


def _pagina_van(lezer, tekst: str) -> int:
    return next(i for i, t in enumerate(_tekst(lezer)) if tekst in t)


@pytest.mark.parametrize("hoogte_over", range(20, 130, 10))
def test_kop_staat_nooit_als_laatste_onderaan_een_pagina(tmp_path, hoogte_over):
    lezer = _bouw(tmp_path / "k.pdf", _onderaan(hoogte_over, [opmaak.kop("Domeinkop", 2)], _tabel_met_lange_rijen()))
    assert _pagina_van(lezer, "Domeinkop") == _pagina_van(lezer, "RIJ-000")


@pytest.mark.parametrize("hoogte_over", range(40, 260, 20))
def test_kop_met_titel_en_telling_blijft_bij_de_eerste_rij(tmp_path, hoogte_over):
    # The shape of section 7: heading, the source's title, a small count table, then the big table.
    groep = [opmaak.kop("Bronkop", 2), opmaak.alinea("Titel van de bron"),
             opmaak.tabel(["Opvolging", "Aantal"], [["open", 1], ["opgevolgd", 2], ["Totaal", 3]], [3, 1])]
    lezer = _bouw(tmp_path / "b.pdf", _onderaan(hoogte_over, groep, _tabel_met_lange_rijen()))
    assert _pagina_van(lezer, "Bronkop") == _pagina_van(lezer, "Titel van de bron") == _pagina_van(lezer, "RIJ-000")


def test_kop_boven_een_alinea_houdt_de_eerste_regels_bij_zich(tmp_path):
    lezer = _bouw(tmp_path / "a.pdf", _onderaan(35, [opmaak.kop("Signaalkop", 2)],
                                                opmaak.alinea("EERSTE " + "woord " * 400)))
    assert _pagina_van(lezer, "Signaalkop") == _pagina_van(lezer, "EERSTE")


def test_voortgang_loopt_op_tot_een_met_paginanummers(tmp_path):
    meldingen = []
    verhalen = [opmaak.tabel(["Code", "Naam"], [[f"TV-{i:03d}", "naam " * 30] for i in range(400)])]
    paginas = opmaak.bouw_document(tmp_path / "v.pdf", verhalen, titel="t", periode="p", classificatie="c",
                                   voortgang=lambda f, m: meldingen.append((f, m)))
    fracties = [f for f, _ in meldingen]
    assert fracties == sorted(fracties) and fracties[-1] == 1.0 and fracties[0] >= 0.0
    assert len(meldingen) >= 2 * paginas  # every page of both layout passes
    assert any(m == f"Opmaken: pagina 3 van {paginas}…" for _, m in meldingen)
    assert paginas == len(PdfReader(tmp_path / "v.pdf").pages)


def test_een_mislukte_bouw_laat_het_vorige_bestand_staan(tmp_path):
    doel = tmp_path / "rapport.pdf"
    doel.write_bytes(b"%PDF- vorige versie")

    class Mis(Exception):
        pass

    def meld(fractie, melding):
        if fractie > 0.3:
            raise Mis

    with pytest.raises(Mis):
        opmaak.bouw_document(doel, [opmaak.alinea(f"regel {i}") for i in range(400)], titel="t", periode="p",
                             classificatie="c", voortgang=meld)
    assert doel.read_bytes() == b"%PDF- vorige versie"
    assert [p.name for p in tmp_path.iterdir() if "rapport" in p.name] == ["rapport.pdf"]  # no temporary file
