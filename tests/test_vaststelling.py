"""Vaststellen (brief §4): the report that goes to parliament is stored byte for byte, listed, and opened again."""

import hashlib
import io
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import event, func, update
from sqlmodel import select

from registry.filters import Filter
from registry.fouten import NietGevonden, RegisterFout, ValidatieFout
from registry.maatregel import maak_maatregel
from registry.rapport.gegevens import Rapportkeuze
from registry.rapport.pdf import maak_rapport
from registry.rapport.vaststelling import (laatste_vastgestelde_peildatum, pdf_van, stel_vast,
                                           vastgestelde_rapporten)
from registry.tabellen import VastgesteldRapport as Rapporttabel
from registry.tabellen import Wijziging
from registry.wijzigingslog import wijzigingslog


def vul(register) -> None:
    with register.werk() as s:
        maak_maatregel(s, {"naam": "Alfa <keten> & \"S&P\"", "domein": "TV", "iv_afhankelijk": True,
                           "iv_blokkade": True, "iv_keten": "Innen"}, "tester", code="TV-01", status="deels",
                       status_datum=date(2026, 1, 10))
        maak_maatregel(s, {"naam": "Beta", "domein": "TV"}, "tester", code="TV-02", status="ingevoerd",
                       status_datum=date(2026, 1, 5))
        maak_maatregel(s, {"naam": "Gamma", "domein": "IN", "iv_afhankelijk": True}, "tester", code="IN-01",
                       status="niet", status_datum=date(2026, 2, 1))


def bouw_pdf(register, concept: bool = False, **keuze) -> tuple[bytes, object]:
    """A real PDF made by maak_rapport into memory, and its result."""
    keuze.setdefault("peildatum", date(2026, 6, 30))
    uit = io.BytesIO()
    with register.sessie() as s:
        resultaat = maak_rapport(s, Rapportkeuze(**keuze), uit, concept=concept)
    return uit.getvalue(), resultaat


def aantal_opgeslagen(register) -> int:
    with register.sessie() as s:
        return s.exec(select(func.count()).select_from(Rapporttabel)).one()


def test_vastgesteld_rapport_wordt_opgeslagen_getoond_en_byte_voor_byte_teruggegeven(register):
    vul(register)
    pdf, resultaat = bouw_pdf(register, periode="2026-H1", sinds=date(2026, 1, 1),
                              filter=Filter(domeinen=("TV", "IN")), secties=("samenvatting", "wijzigingen"))
    with register.werk() as s:
        vastgesteld = stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="/tmp/uit/PRT-2026-H1.pdf")

    with register.sessie() as s:
        lijst = vastgestelde_rapporten(s)
        assert lijst == [vastgesteld]
        r = lijst[0]
        assert (r.periode, r.peildatum, r.sinds) == ("2026-H1", date(2026, 6, 30), date(2026, 1, 1))
        assert r.filter == Filter(domeinen=("TV", "IN"))
        assert r.secties == ("samenvatting", "wijzigingen")
        assert r.filter_omschrijving == resultaat.filter_omschrijving == "Domein: TV, IN"
        assert r.aantal_maatregelen == 3
        assert r.telling["TV"] == {"ingevoerd": 1, "deels": 1, "niet": 0}
        assert r.telling == resultaat.telling
        assert (r.iv_afhankelijk, r.iv_blokkade) == (2, 1)
        assert r.paginas == len(PdfReader(io.BytesIO(pdf)).pages)
        assert r.bestandsnaam == "PRT-2026-H1.pdf"  # the name, not the folder it happened to be written to
        assert (r.grootte, r.sha256) == (len(pdf), hashlib.sha256(pdf).hexdigest())
        assert r.vastgesteld_door == "piet"
        assert r.vastgesteld_op.tzinfo is not None
        assert abs(r.vastgesteld_op - datetime.now(timezone.utc)).total_seconds() < 60

        terug = pdf_van(s, r.id)
    assert terug == pdf
    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(terug)).pages).split())
    assert "Alfa <keten> & \"S&P\"" in tekst


def test_vaststellen_staat_in_het_wijzigingslog(register):
    vul(register)
    pdf, resultaat = bouw_pdf(register, periode="2026-H1")
    with register.werk() as s:
        r = stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    with register.sessie() as s:
        log = {w.veld: w for w in wijzigingslog(s, "rapport", str(r.id))}
    assert log["vastgesteld"].nieuw == "PRT.pdf"
    assert log["peildatum"].nieuw == "2026-06-30"
    assert log["sha256"].nieuw == r.sha256
    assert {w.gebruiker for w in log.values()} == {"piet"}


def test_een_concept_wordt_niet_vastgesteld_en_er_wordt_niets_geschreven(register):
    vul(register)
    pdf, resultaat = bouw_pdf(register, concept=True)
    with pytest.raises(ValidatieFout, match="concept") as fout:
        with register.werk() as s:
            stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    assert fout.value.veld == "concept"
    assert aantal_opgeslagen(register) == 0
    with register.sessie() as s:
        assert s.exec(select(func.count()).select_from(Wijziging).where(Wijziging.entiteit == "rapport")).one() == 0


@pytest.mark.parametrize("inhoud", [b"", b"Dit is geen PDF", b"<html>%PDF-1.4</html>", "%PDF-1.4"])
def test_iets_anders_dan_een_pdf_wordt_geweigerd(register, inhoud):
    _, resultaat = bouw_pdf(register)
    with pytest.raises(ValidatieFout, match="geen PDF"):
        with register.werk() as s:
            stel_vast(s, inhoud, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    assert aantal_opgeslagen(register) == 0


def test_hetzelfde_rapport_twee_keer_vaststellen_wordt_geweigerd(register):
    pdf, resultaat = bouw_pdf(register)
    with register.werk() as s:
        eerste = stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    with pytest.raises(ValidatieFout, match=f"al vastgesteld \\(rapport {eerste.id}\\)"):
        with register.werk() as s:
            stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT-kopie.pdf")
    assert aantal_opgeslagen(register) == 1


def test_lijst_toont_het_nieuwst_vastgestelde_eerst_zonder_de_pdf_te_lezen(register):
    for peildatum in (date(2026, 6, 30), date(2025, 12, 31)):
        pdf, resultaat = bouw_pdf(register, peildatum=peildatum)
        with register.werk() as s:
            stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam=f"PRT-{peildatum}.pdf")

    opdrachten = []

    def onthoud(conn, cursor, statement, *args):
        opdrachten.append(statement)

    event.listen(register.engine, "before_cursor_execute", onthoud)
    try:
        with register.sessie() as s:
            lijst = vastgestelde_rapporten(s)
    finally:
        event.remove(register.engine, "before_cursor_execute", onthoud)
    assert [r.bestandsnaam for r in lijst] == ["PRT-2025-12-31.pdf", "PRT-2026-06-30.pdf"]
    selecties = [o for o in opdrachten if "vastgesteld_rapport" in o]
    assert selecties and not any(re.search(r"vastgesteld_rapport\.pdf\b", o) for o in selecties)
    assert any(re.search(r"vastgesteld_rapport\.sha256\b", o) for o in selecties)


def test_laatste_vastgestelde_peildatum_is_de_laatste_peildatum_niet_het_laatst_opgeslagen(register):
    with register.sessie() as s:
        assert laatste_vastgestelde_peildatum(s) is None
    for peildatum in (date(2026, 6, 30), date(2025, 12, 31)):  # a late correction of an older report comes last
        pdf, resultaat = bouw_pdf(register, peildatum=peildatum)
        with register.werk() as s:
            stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    with register.sessie() as s:
        assert laatste_vastgestelde_peildatum(s) == date(2026, 6, 30)
        assert laatste_vastgestelde_peildatum(s, tot=date(2026, 6, 29)) == date(2025, 12, 31)
        assert laatste_vastgestelde_peildatum(s, tot=date(2025, 1, 1)) is None
        # a report reissued for the same peildatum starts from the one before it, not from itself
        assert laatste_vastgestelde_peildatum(s, tot=date(2026, 6, 30)) == date(2025, 12, 31)


def test_een_onbekend_rapport_wordt_niet_gevonden(register):
    with register.sessie() as s, pytest.raises(NietGevonden, match="nummer 42"):
        pdf_van(s, 42)


def test_een_in_de_database_gewijzigde_pdf_wordt_geweigerd(register):
    pdf, resultaat = bouw_pdf(register)
    with register.werk() as s:
        r = stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="PRT.pdf")
    midden = len(pdf) // 2
    gewijzigd = pdf[:midden] + bytes([pdf[midden] ^ 1]) + pdf[midden + 1:]  # one bit, same size
    with register.werk() as s:
        s.execute(update(Rapporttabel).where(Rapporttabel.id == r.id).values(pdf=gewijzigd))
    with register.sessie() as s, pytest.raises(RegisterFout, match="gewijzigd of beschadigd") as fout:
        pdf_van(s, r.id)
    assert not isinstance(fout.value, (NietGevonden, ValidatieFout))


def test_vaststellen_vraagt_een_bestandsnaam_en_een_gebruiker(register):
    pdf, resultaat = bouw_pdf(register)
    with register.werk() as s:
        with pytest.raises(ValidatieFout) as fout:
            stel_vast(s, pdf, resultaat, gebruiker="piet", bestandsnaam="  ")
        assert fout.value.veld == "bestandsnaam"
        with pytest.raises(ValidatieFout) as fout:
            stel_vast(s, pdf, resultaat, gebruiker=" ", bestandsnaam="PRT.pdf")
        assert fout.value.veld == "gebruiker"
    assert aantal_opgeslagen(register) == 0


def test_de_lijst_lezen_laadt_reportlab_niet(sqlite_register):
    """The list of vastgestelde reports opens in the GUI without the PDF engine's start-up cost."""
    code = ("import sys; from db.openen import open_register; "
            "from registry.rapport.vaststelling import vastgestelde_rapporten; "
            f"r = open_register(pad={str(sqlite_register.pad)!r}); print(vastgestelde_rapporten(r.sessie()), "
            "'reportlab' in sys.modules, 'matplotlib' in sys.modules)")
    uit = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                         text=True, check=True)
    assert uit.stdout.split() == ["[]", "False", "False"]
