"""The register's filters (brief §5), done in SQL so that they are fast and identical on SQLite and PostgreSQL.

Text matching is case- and accent-insensitive and by substring (against normalised copies of the texts kept on each
measure); codes match exactly. Filters of one kind are OR-ed, different kinds AND-ed.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists
from sqlmodel import Session, select

from registry.domein import zoek_domein, zoek_toeslag
from registry.planning import Periode
from registry.tabellen import Domein, Maatregel, MaatregelToeslag
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.vocabulaire import FASE, STATUS


@dataclass(frozen=True)
class Filter:
    domeinen: tuple[str, ...] = ()  # code prefix, short or full name
    statussen: tuple[str, ...] = ()  # code, label, symbol or synonym
    fasen: tuple[str, ...] = ()
    iv_blokkade: bool = False  # only measures blocked by IV
    iv_afhankelijk: bool = False  # only measures that depend on IV
    iv_keten: str | None = None
    toeslagen: tuple[str, ...] = ()  # code or name
    eigenaar: str | None = None
    zoek: str | None = None  # code, name, description
    planning_verstreken: bool = False  # current target passed while not ingevoerd
    met_gearchiveerd: bool = False
    peildatum: date | None = None  # for planning_verstreken; default today

    def is_leeg(self) -> bool:
        return self == Filter(met_gearchiveerd=self.met_gearchiveerd, peildatum=self.peildatum)

    def omschrijving(self) -> str:
        """The filter in words, for window captions and the PDF's title page."""
        delen = []
        if self.domeinen:
            delen.append("Domein: " + ", ".join(self.domeinen))
        if self.statussen:
            delen.append("Status: " + ", ".join(STATUS.label(STATUS.herken(s) or "") or s for s in self.statussen))
        if self.fasen:
            delen.append("Fase: " + ", ".join(FASE.label(FASE.herken(f) or "") or f for f in self.fasen))
        if self.iv_afhankelijk:
            delen.append("alleen IV-afhankelijk")
        if self.iv_blokkade:
            delen.append("alleen IV-blokkade")
        if self.iv_keten:
            delen.append(f"IV-keten: {self.iv_keten}")
        if self.toeslagen:
            delen.append("Toeslag: " + ", ".join(self.toeslagen))
        if self.eigenaar:
            delen.append(f"Eigenaar: {self.eigenaar}")
        if self.zoek:
            delen.append(f"Zoekterm: “{self.zoek}”")
        if self.planning_verstreken:
            delen.append("planning verstreken")
        if self.met_gearchiveerd:
            delen.append("inclusief gearchiveerd")
        return " · ".join(delen) if delen else "Alle maatregelen"


@dataclass(frozen=True)
class MaatregelRij:
    """One line of the register table."""
    id: int
    code: str
    naam: str
    domein: str
    status: str
    fase: str | None
    iv_afhankelijk: bool | None
    iv_blokkade: bool | None
    iv_keten: str | None
    eigenaar: str | None
    planning_huidig: Periode | None
    ouder_id: int | None
    gearchiveerd: bool
    status_datum: date | None
    versie: int


def _voorwaarden(sessie: Session, f: Filter) -> list:
    """Translate a filter into SQL conditions; an unknown domain, status, fase or toeslag is a ValidatieFout."""
    voorwaarden = []
    if not f.met_gearchiveerd:
        voorwaarden.append(Maatregel.gearchiveerd.is_(False))
    if f.domeinen:
        voorwaarden.append(Maatregel.domein_id.in_({zoek_domein(sessie, d).id for d in f.domeinen}))
    if f.statussen:
        voorwaarden.append(Maatregel.status.in_({STATUS.code(s, "status") for s in f.statussen}))
    if f.fasen:
        voorwaarden.append(Maatregel.fase.in_({FASE.code(x, "fase") for x in f.fasen}))
    if f.iv_blokkade:
        voorwaarden.append(Maatregel.iv_blokkade.is_(True))
    if f.iv_afhankelijk:
        voorwaarden.append(Maatregel.iv_afhankelijk.is_(True))
    if f.iv_keten:
        voorwaarden.append(Maatregel.iv_keten_zoek.contains(normaliseer(f.iv_keten), autoescape=True))
    if f.toeslagen:
        codes = {zoek_toeslag(sessie, t).code for t in f.toeslagen}
        voorwaarden.append(exists().where(MaatregelToeslag.maatregel_id == Maatregel.id,
                                          MaatregelToeslag.toeslag_code.in_(codes)))
    if f.eigenaar:
        voorwaarden.append(Maatregel.eigenaar_zoek.contains(normaliseer(f.eigenaar), autoescape=True))
    if f.zoek and f.zoek.strip():
        # Every word must occur somewhere in code, name or description.
        for woord in normaliseer(f.zoek).split():
            voorwaarden.append(Maatregel.zoektekst.contains(woord, autoescape=True))
    if f.planning_verstreken:
        peildatum = f.peildatum or date.today()
        voorwaarden.append(and_(Maatregel.planning_huidig_tot < peildatum, Maatregel.status != "ingevoerd"))
    return voorwaarden


def zoek_ids(sessie: Session, f: Filter = Filter()) -> list[int]:
    """Ids of the measures that pass the filter, in code order (TV-9 before TV-10)."""
    rijen = sessie.exec(select(Maatregel.id, Maatregel.code).where(*_voorwaarden(sessie, f))).all()
    return [mid for mid, _ in sorted(rijen, key=lambda r: natuurlijke_sleutel(r[1]))]


def zoek_maatregelen(sessie: Session, f: Filter = Filter()) -> list[MaatregelRij]:
    """Table rows for the measures that pass the filter, in code order."""
    query = (
        select(Maatregel.id, Maatregel.code, Maatregel.naam, Domein.code, Maatregel.status, Maatregel.fase,
               Maatregel.iv_afhankelijk, Maatregel.iv_blokkade, Maatregel.iv_keten, Maatregel.eigenaar,
               Maatregel.planning_huidig_tekst, Maatregel.planning_huidig_van, Maatregel.planning_huidig_tot,
               Maatregel.ouder_id, Maatregel.gearchiveerd, Maatregel.status_datum, Maatregel.versie)
        .join(Domein, Domein.id == Maatregel.domein_id)
        .where(*_voorwaarden(sessie, f))
    )
    rijen = []
    for (mid, code, naam, domein, status, fase, iv_af, iv_bl, keten, eigenaar, p_tekst, p_van, p_tot, ouder,
         archief, sdatum, versie) in sessie.exec(query).all():
        planning = Periode(p_tekst, p_van, p_tot) if p_tekst and p_van and p_tot else None
        rijen.append(MaatregelRij(mid, code, naam, domein, status, fase, iv_af, iv_bl, keten, eigenaar, planning,
                                  ouder, archief, sdatum, versie))
    rijen.sort(key=lambda r: natuurlijke_sleutel(r.code))
    return rijen


