"""Vaststellen (brief §4): the PRT overview that goes to parliament is kept byte for byte, listed, and opened again.

A vastgesteld report is never changed: there is no update, and opening it checks the bytes against the sha256 taken
when it was stored. The listing reads every column except the PDF itself, so it stays fast with many large reports.
"""

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, select

from registry.filters import Filter
from registry.fouten import NietGevonden, RegisterFout, ValidatieFout
from registry.tabellen import VastgesteldRapport as Rapporttabel
from registry.tabellen import nu
from registry.wijzigingslog import log_wijzigingen

if TYPE_CHECKING:  # pdf.py imports reportlab: listing or opening stored reports must not load it
    from registry.rapport.pdf import Rapportresultaat

PDF_KOP = b"%PDF-"


@dataclass(frozen=True)
class VastgesteldRapport:
    """A stored report, without its PDF bytes."""
    id: int
    periode: str | None
    peildatum: date
    sinds: date | None
    filter_omschrijving: str
    aantal_maatregelen: int
    telling: dict[str, dict[str, int]]  # domain code -> status code -> count, as printed in the summary
    iv_afhankelijk: int
    iv_blokkade: int
    paginas: int
    bestandsnaam: str  # the name it was exported under, e.g. "PRT-2026-H2.pdf"
    grootte: int  # bytes
    sha256: str
    vastgesteld_op: datetime  # UTC
    vastgesteld_door: str
    filter: Filter = Filter()  # the selection, to make the same report again (its peildatum is `peildatum`)
    secties: tuple[str, ...] = ()  # the sections printed, in order


# Every column but the PDF: the listing must not pull megabytes per report out of the database.
_KOLOMMEN = (Rapporttabel.id, Rapporttabel.periode, Rapporttabel.peildatum, Rapporttabel.sinds,
             Rapporttabel.filter_omschrijving, Rapporttabel.aantal_maatregelen, Rapporttabel.telling,
             Rapporttabel.iv_afhankelijk, Rapporttabel.iv_blokkade, Rapporttabel.paginas, Rapporttabel.bestandsnaam,
             Rapporttabel.grootte, Rapporttabel.sha256, Rapporttabel.vastgesteld_op, Rapporttabel.vastgesteld_door,
             Rapporttabel.filter, Rapporttabel.secties)


def _rij(r) -> VastgesteldRapport:
    try:
        filter_ = Filter.uit_dict(json.loads(r.filter))
    except (ValueError, TypeError, AttributeError):
        filter_ = Filter()  # the filter is a convenience; the PDF and its counts are what was sent
    try:
        secties = tuple(str(s) for s in json.loads(r.secties))
    except (ValueError, TypeError):
        secties = ()
    return VastgesteldRapport(
        id=r.id, periode=r.periode, peildatum=r.peildatum, sinds=r.sinds, filter_omschrijving=r.filter_omschrijving,
        aantal_maatregelen=r.aantal_maatregelen, telling=json.loads(r.telling), iv_afhankelijk=r.iv_afhankelijk,
        iv_blokkade=r.iv_blokkade, paginas=r.paginas, bestandsnaam=r.bestandsnaam, grootte=r.grootte,
        sha256=r.sha256, vastgesteld_op=r.vastgesteld_op, vastgesteld_door=r.vastgesteld_door, filter=filter_,
        secties=secties)


def _alleen_naam(bestandsnaam: str) -> str:
    """The file's own name: the folder it happened to be written to says nothing about the report."""
    return re.split(r"[\\/]", (bestandsnaam or "").strip())[-1].strip()


def stel_vast(sessie: Session, pdf: bytes, resultaat: "Rapportresultaat", *, gebruiker: str,
              bestandsnaam: str) -> VastgesteldRapport:
    """Store `pdf` (made by `maak_rapport` with `resultaat`) as the vastgestelde report; the caller commits.

    A concept is refused: a report with the CONCEPT watermark is by definition not what goes to parliament.
    """
    if resultaat.concept:
        raise ValidatieFout("Een concept kan niet worden vastgesteld. Maak het rapport opnieuw zonder het watermerk "
                            "CONCEPT en stel dat vast.", "concept")
    if not isinstance(pdf, (bytes, bytearray, memoryview)) or not bytes(pdf[:len(PDF_KOP)]) == PDF_KOP:
        raise ValidatieFout("Dit is geen PDF-bestand; alleen een gemaakt PDF-overzicht kan worden vastgesteld.", "pdf")
    pdf = bytes(pdf)
    naam = _alleen_naam(bestandsnaam)
    if not naam:
        raise ValidatieFout("Geef de bestandsnaam waaronder het rapport is opgeslagen.", "bestandsnaam")
    if not gebruiker or not gebruiker.strip():
        raise ValidatieFout("Wie het rapport vaststelt, moet bekend zijn.", "gebruiker")
    sha = hashlib.sha256(pdf).hexdigest()
    al = sessie.exec(select(Rapporttabel.id).where(Rapporttabel.sha256 == sha)).first()
    if al is not None:
        raise ValidatieFout(f"Dit rapport is al vastgesteld (rapport {al}).", "pdf")

    keuze = resultaat.keuze
    rij = Rapporttabel(
        periode=keuze.periode.strip() if keuze.periode and keuze.periode.strip() else None,
        peildatum=keuze.peildatum, sinds=keuze.sinds, filter_omschrijving=resultaat.filter_omschrijving,
        filter=json.dumps(keuze.filter.als_dict(), ensure_ascii=False),
        secties=json.dumps(list(keuze.secties)),
        aantal_maatregelen=resultaat.aantal_maatregelen, telling=json.dumps(resultaat.telling, ensure_ascii=False),
        iv_afhankelijk=resultaat.iv_afhankelijk, iv_blokkade=resultaat.iv_blokkade, paginas=resultaat.paginas,
        bestandsnaam=naam, grootte=len(pdf), sha256=sha, pdf=pdf, vastgesteld_op=nu(),
        vastgesteld_door=gebruiker.strip())
    sessie.add(rij)
    sessie.flush()
    log_wijzigingen(sessie, "rapport", str(rij.id), {}, {
        "vastgesteld": naam, "periode": rij.periode, "peildatum": rij.peildatum, "sinds": rij.sinds,
        "selectie": rij.filter_omschrijving, "aantal_maatregelen": rij.aantal_maatregelen, "sha256": sha,
    }, rij.vastgesteld_door, None)
    return _rij(rij)


def vastgestelde_rapporten(sessie: Session) -> list[VastgesteldRapport]:
    """Every vastgesteld report, the newest first; the PDFs themselves are not read."""
    query = select(*_KOLOMMEN).order_by(Rapporttabel.vastgesteld_op.desc(), Rapporttabel.id.desc())
    return [_rij(r) for r in sessie.execute(query).all()]


def pdf_van(sessie: Session, rapport_id: int) -> bytes:
    """The report's PDF exactly as it was vastgesteld; refused when the stored bytes were altered since."""
    rij = sessie.execute(select(Rapporttabel.pdf, Rapporttabel.sha256)
                         .where(Rapporttabel.id == rapport_id)).first()
    if rij is None:
        raise NietGevonden(f"Er is geen vastgesteld rapport met nummer {rapport_id}.")
    pdf = bytes(rij.pdf)
    if hashlib.sha256(pdf).hexdigest() != rij.sha256:
        raise RegisterFout(f"Vastgesteld rapport {rapport_id} is in de database gewijzigd of beschadigd: de inhoud "
                           "komt niet meer overeen met de vingerafdruk (sha256) van het vaststellen. Het wordt niet "
                           "geopend; haal het rapport uit een backup van de database.")
    return pdf


def laatste_vastgestelde_peildatum(sessie: Session, *, tot: date | None = None) -> date | None:
    """The latest peildatum of all vastgestelde reports (before `tot` when given): the next report's "since".

    Strictly before: a report reissued for the same peildatum starts from the report before it, not from itself.
    """
    query = select(func.max(Rapporttabel.peildatum))
    if tot is not None:
        query = query.where(Rapporttabel.peildatum < tot)
    return sessie.execute(query).scalar()


def vorige_peildatum(peildatums: Iterable[date], peildatum: date) -> date | None:
    """`laatste_vastgestelde_peildatum`'s rule over peildatums already read (a form that follows every keystroke)."""
    return max((d for d in peildatums if d < peildatum), default=None)
