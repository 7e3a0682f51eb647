"""The PRT PDF read back with pypdf: counts as of the peildatum, text exactly as typed, changes since a date, filters.

Expected values are written out from what each test creates, or counted straight from the database.
"""

import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func
from sqlmodel import select

from registry.filters import Filter
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel
from registry.rapport.gegevens import Rapportkeuze
from registry.rapport.pdf import maak_rapport
from registry.status import wijzig_status
from registry.tabellen import Domein, Maatregel
from registry.vocabulaire import DOMEINEN, STATUS

KORTE_NAAM = {code: kort for code, kort, _ in DOMEINEN}
LASTIG = '<keten> & "S&P" 0.1 <A <0.9'
EMOJI = "🚀"  # not in DejaVu Sans


def _wijzig(s, code, nieuw, datum, toelichting):
    wijzig_status(s, code, nieuw, toelichting, "tester", haal_maatregel(s, code).versie, datum=datum)


def bouw(register) -> None:
    """TV-01 niet (10 jan) → deels (1 mrt) → ingevoerd (1 jun); TV-02 ingevoerd; IN-01 deels → niet (1 apr);
    DC-01 enters on 1 May; TV-03 ingevoerd but archived."""
    with register.werk() as s:
        maak_maatregel(s, {"naam": "Alfa", "domein": "TV", "iv_afhankelijk": True, "iv_blokkade": True,
                           "iv_keten": "Innen"}, "tester", code="TV-01", status="niet", status_datum=date(2026, 1, 10))
        maak_maatregel(s, {"naam": "Beta", "domein": "TV"}, "tester", code="TV-02", status="ingevoerd",
                       status_datum=date(2026, 1, 5))
        maak_maatregel(s, {"naam": "Gearchiveerd", "domein": "TV"}, "tester", code="TV-03", status="ingevoerd",
                       status_datum=date(2026, 1, 1))
        maak_maatregel(s, {"naam": "Gamma", "domein": "IN", "iv_afhankelijk": True}, "tester", code="IN-01",
                       status="deels", status_datum=date(2026, 2, 1))
        _wijzig(s, "TV-01", "deels", date(2026, 3, 1), "Gestart")
        _wijzig(s, "IN-01", "niet", date(2026, 4, 1), "Teruggevallen")
        maak_maatregel(s, {"naam": "Delta", "domein": "DC"}, "tester", code="DC-01", status="niet",
                       status_datum=date(2026, 5, 1))
        _wijzig(s, "TV-01", "ingevoerd", date(2026, 6, 1), "Afgerond")
        archiveer(s, "TV-03", "tester", haal_maatregel(s, "TV-03").versie)


def pdf(register, pad, **keuze) -> tuple[list[str], object]:
    with register.sessie() as s:
        resultaat = maak_rapport(s, Rapportkeuze(**keuze), pad)
    lezer = PdfReader(str(pad))
    assert resultaat.paginas == len(lezer.pages)
    return [p.extract_text() for p in lezer.pages], resultaat


def zonder_rand(pagina: str) -> list[str]:
    """A content page's lines without its running header and footer (pypdf gives those four lines first); the
    title page, which has neither, gives nothing."""
    regels = pagina.splitlines()
    if not (regels[0].startswith("Overzicht verbetermaatregelen Toeslagen") and regels[2].startswith("pagina ")):
        return []
    return regels[4:]


def sectie(paginas: list[str], kop: str, volgende: str | None) -> str:
    """The text from the page whose first heading is `kop` up to the page whose first heading is `volgende`."""
    def begint(tekst, titel):
        regels = zonder_rand(tekst)
        return bool(regels) and regels[0].startswith(titel)

    start = next(i for i, p in enumerate(paginas) if begint(p, kop))
    eind = next((i for i, p in enumerate(paginas) if i > start and volgende and begint(p, volgende)), len(paginas))
    return "\n".join(paginas[start:eind])


def gedrukte_telling(paginas: list[str]) -> dict[str, dict[str, int]]:
    """Non-zero counts per domain × status as printed in the summary table."""
    tekst = sectie(paginas, "Samenvatting", "Wijzigingen")
    telling = {}
    for code, kort in KORTE_NAAM.items():
        m = re.search(re.escape(kort) + r"\s+" + r"\s+".join([r"(\d+) \(\d+%\)"] * 3) + r"\s+(\d+)", tekst)
        assert m, f"geen regel voor {kort} in de samenvatting"
        aantallen = dict(zip(STATUS.codes, (int(x) for x in m.groups()[:3]), strict=True))
        assert sum(aantallen.values()) == int(m.group(4))
        if any(aantallen.values()):
            telling[code] = {k: v for k, v in aantallen.items() if v}
    return telling


def test_samenvatting_telt_per_domein_en_status_op_de_peildatum(register, tmp_path):
    bouw(register)
    paginas, resultaat = pdf(register, tmp_path / "voor.pdf", peildatum=date(2026, 2, 15))
    assert gedrukte_telling(paginas) == {"TV": {"niet": 1, "ingevoerd": 1}, "IN": {"deels": 1}}
    assert resultaat.aantal_maatregelen == 3

    paginas, resultaat = pdf(register, tmp_path / "na.pdf", peildatum=date(2026, 7, 1))
    assert gedrukte_telling(paginas) == {"TV": {"ingevoerd": 2}, "IN": {"niet": 1}, "DC": {"niet": 1}}
    assert {k: {s: n for s, n in v.items() if n} for k, v in resultaat.telling.items() if any(v.values())} == \
        gedrukte_telling(paginas)
    samenvatting = sectie(paginas, "Samenvatting", "Wijzigingen")
    assert re.search(r"IV-afhankelijk\s+2", samenvatting)
    assert re.search(r"IV-blokkade\s+1", samenvatting)


def test_samenvatting_van_het_startregister_gelijk_aan_de_huidige_statussen_in_de_database(start_register, tmp_path):
    with start_register.sessie() as s:
        rijen = s.exec(select(Domein.code, Maatregel.status, func.count())
                       .join(Domein, Domein.id == Maatregel.domein_id)
                       .where(Maatregel.gearchiveerd == False)  # noqa: E712 - SQL expression
                       .group_by(Domein.code, Maatregel.status)).all()
    verwacht: dict[str, dict[str, int]] = {}
    for domein, status, aantal in rijen:
        verwacht.setdefault(domein, {})[status] = aantal
    paginas, resultaat = pdf(start_register, tmp_path / "start.pdf", peildatum=date.today(), periode="2026-H2")
    assert gedrukte_telling(paginas) == verwacht
    assert resultaat.aantal_maatregelen == sum(sum(v.values()) for v in verwacht.values()) == 179


def test_lastige_tekst_komt_er_heel_uit(sqlite_register, tmp_path):
    lang = " ".join(f"woord{i:05d}" for i in range(1900))[:20_000]
    naam = f"{LASTIG} {EMOJI} {lang} einde"
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": naam, "domein": "TV", "omschrijving": f"{LASTIG} {EMOJI} {lang}"}, "tester",
                       code="TV-01", status="deels", status_datum=date(2026, 1, 1))
    paginas, _ = pdf(sqlite_register, tmp_path / "lastig.pdf", peildatum=date(2026, 2, 1))
    start = next(i for i, p in enumerate(paginas) if zonder_rand(p)[:1] == ["Maatregelen per domein"])
    eind = next(i for i, p in enumerate(paginas) if zonder_rand(p)[:1] == ["IV-blokkades"])
    assert eind - start > 3  # the name alone fills pages: the row was split, not cut off
    # The name runs over several pages; drop each page's frame and repeated table header, and the row's other cells.
    regels = []
    for p in paginas[start:eind]:
        inhoud = zonder_rand(p)
        kopeinde = next(i for i, r in enumerate(inhoud) if r.strip().endswith("effectmeting"))
        regels += [r for r in inhoud[kopeinde + 1:] if r.strip() not in ("TV-01", "●", "onbekend")]
    gedrukt = re.sub(r"\s+", "", "".join(regels))
    # The emoji is drawn with a fallback symbol font (pypdf cannot read it back) or replaced by a visible square.
    lettertypen = {str(f.get("/BaseFont")) for p in PdfReader(str(tmp_path / "lastig.pdf")).pages
                   for f in p["/Resources"]["/Font"].values()}
    if "\u25a1" in gedrukt:
        verwacht = f"{LASTIG} \u25a1 {lang} einde"
    else:
        assert lettertypen - {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold", "/Helvetica"}, lettertypen
        verwacht = f"{LASTIG} {lang} einde"
    assert gedrukt == re.sub(r"\s+", "", verwacht)


def test_wijzigingen_sinds_een_datum_alleen_vanaf_die_dag(register, tmp_path):
    bouw(register)
    paginas, _ = pdf(register, tmp_path / "sinds.pdf", peildatum=date(2026, 7, 1), sinds=date(2026, 4, 1))
    wijzigingen = sectie(paginas, "Wijzigingen", "Maatregelen per domein")
    assert "Wijzigingen sinds 01-04-2026" in wijzigingen
    for datum, code in [("01-04-2026", "IN-01"), ("01-05-2026", "DC-01"), ("01-06-2026", "TV-01")]:
        assert re.search(rf"{datum}\s+{code}", wijzigingen), (datum, code)
    for eerder in ("01-03-2026", "10-01-2026", "05-01-2026", "01-02-2026", "TV-02", "Gestart"):
        assert eerder not in wijzigingen
    assert "Afgerond" in wijzigingen and "Teruggevallen" in wijzigingen

    paginas, _ = pdf(register, tmp_path / "niets.pdf", peildatum=date(2026, 7, 1), sinds=date(2026, 6, 2))
    assert "Geen wijzigingen" in sectie(paginas, "Wijzigingen", "Maatregelen per domein")
    paginas, _ = pdf(register, tmp_path / "zonder.pdf", peildatum=date(2026, 7, 1))
    assert "niet opgenomen" in sectie(paginas, "Wijzigingen", "Maatregelen per domein")


def test_gefilterde_export_bevat_alleen_de_gekozen_maatregelen(register, tmp_path):
    bouw(register)
    paginas, resultaat = pdf(register, tmp_path / "tv.pdf", peildatum=date(2026, 7, 1), sinds=date(2026, 1, 1),
                             filter=Filter(domeinen=("TV",)))
    tekst = "\n".join(paginas)
    assert "TV-01" in tekst and "TV-02" in tekst
    for ander in ("IN-01", "DC-01", "TV-03", "Gamma", "Delta", "Gearchiveerd"):
        assert ander not in tekst, ander
    assert gedrukte_telling(paginas) == {"TV": {"ingevoerd": 2}}
    assert resultaat.aantal_maatregelen == 2


def test_alleen_de_gekozen_secties_worden_afgedrukt(register, tmp_path):
    bouw(register)
    paginas, _ = pdf(register, tmp_path / "deel.pdf", peildatum=date(2026, 7, 1), sinds=date(2026, 1, 1),
                     secties=("samenvatting", "bronnen"))
    koppen = {zonder_rand(p)[0] for p in paginas if zonder_rand(p)}
    assert {"Inhoud", "Samenvatting", "Bronnen"} <= koppen
    tekst = "\n".join(paginas[1:])  # the title page names the since-date, printed or not
    for weg in ("Wijzigingen sinds", "Maatregelen per domein", "IV-blokkades", "Effectmetingen",
                "Opvolging van aanbevelingen", "Signalen"):
        assert weg not in tekst, weg
    assert gedrukte_telling(paginas) == {"TV": {"ingevoerd": 2}, "IN": {"niet": 1}, "DC": {"niet": 1}}


def test_voortgang_loopt_van_gegevens_tot_een(register, tmp_path):
    bouw(register)
    meldingen = []
    with register.sessie() as s:
        maak_rapport(s, Rapportkeuze(peildatum=date(2026, 7, 1)), tmp_path / "v.pdf",
                     voortgang=lambda f, m: meldingen.append((f, m)))
    fracties = [f for f, _ in meldingen]
    assert fracties == sorted(fracties)
    assert fracties[0] == 0.0 and fracties[-1] == 1.0
    teksten = [m for _, m in meldingen]
    assert teksten[0] == "Gegevens lezen…"
    assert any(m.startswith("Opmaken: pagina ") for m in teksten)


class Afgebroken(Exception):
    pass


def test_afbreken_via_voortgang_laat_geen_bestand_achter(sqlite_register, tmp_path):
    bouw(sqlite_register)
    uit = tmp_path / "uit"
    uit.mkdir()
    fout = Afgebroken("door de gebruiker")
    gezien = []

    def voortgang(fractie, melding):
        gezien.append(fractie)
        if fractie >= 0.5:
            raise fout

    with sqlite_register.sessie() as s, pytest.raises(Afgebroken) as gevangen:
        maak_rapport(s, Rapportkeuze(peildatum=date(2026, 7, 1)), uit / "rapport.pdf", voortgang=voortgang)
    assert gevangen.value is fout
    assert 0.5 <= gezien[-1] < 1.0
    assert list(uit.iterdir()) == []


def test_geen_kop_staat_als_laatste_regel_op_een_pagina(start_register, tmp_path):
    with start_register.sessie() as s:
        maak_rapport(s, Rapportkeuze(peildatum=date(2026, 7, 1), periode="2026-H2", sinds=date(2025, 1, 1)),
                     tmp_path / "start.pdf")
    lezer = PdfReader(str(tmp_path / "start.pdf"))

    def koppen(items):
        for item in items:
            if isinstance(item, list):
                yield from koppen(item)
            else:
                yield item.title, lezer.get_destination_page_number(item)

    gezien = 0
    for titel, pagina in koppen(lezer.outline):
        tekst = re.sub(r"\s+", "", "".join(zonder_rand(lezer.pages[pagina].extract_text())))
        assert re.sub(r"\s+", "", titel) in tekst, titel
        assert not tekst.endswith(re.sub(r"\s+", "", titel)), f"kop {titel!r} staat alleen onderaan pagina {pagina + 1}"
        gezien += 1
    assert gezien > 20


def test_codes_staan_heel_op_een_regel(sqlite_register, tmp_path):
    from registry.bron import maak_bron
    from registry.effectmeting import voeg_effectmeting_toe

    codes = ["BURGERREIS-2026", "TV-12345", "DC-54321", "IBO-TOESLAGEN-2025"]
    with sqlite_register.werk() as s:
        maak_bron(s, "BURGERREIS-2026", "Onderzoek naar de reis van de burger")
        maak_bron(s, "IBO-TOESLAGEN-2025", "Interdepartementaal beleidsonderzoek")
        for code, domein in (("TV-12345", "TV"), ("DC-54321", "DC")):
            maak_maatregel(s, {"naam": "Een maatregel met een lange naam " * 3, "domein": domein}, "tester",
                           code=code, status="deels", status_datum=date(2026, 1, 1), bron="BURGERREIS-2026",
                           vindplaats="hoofdstuk 3")
            voeg_effectmeting_toe(s, code, indicator="Doorlooptijd", bewijskracht="gemeten", gebruiker="tester",
                                  bron="IBO-TOESLAGEN-2025", vindplaats="p. 12")
    paginas, _ = pdf(sqlite_register, tmp_path / "codes.pdf", peildatum=date(2026, 2, 1), sinds=date(2025, 1, 1))
    regels = [r for p in paginas for r in p.splitlines()]
    for code in codes:
        stam = code.split("-")[0]
        assert sum(r.count(code) for r in regels) >= 2, code
        assert sum(r.count(stam) for r in regels) == sum(r.count(code) for r in regels), code


def test_een_concept_heet_in_de_voetregel_concept_en_een_definitief_rapport_niet(sqlite_register, tmp_path):
    bouw(sqlite_register)
    with sqlite_register.sessie() as s:
        maak_rapport(s, Rapportkeuze(secties=("samenvatting",)), tmp_path / "c.pdf", concept=True)
        maak_rapport(s, Rapportkeuze(secties=("samenvatting",)), tmp_path / "d.pdf")
    concept = [p.extract_text() for p in PdfReader(str(tmp_path / "c.pdf")).pages]
    definitief = [p.extract_text() for p in PdfReader(str(tmp_path / "d.pdf")).pages]
    assert all("Concept — niet verspreiden" in p for p in concept[1:])
    assert not any("oncept" in p for p in definitief)
    assert all("Bijlage bij de Periodieke Rapportage Toeslagen" in p for p in definitief[1:])
