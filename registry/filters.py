"""The register's filters (brief §5): in SQL for the command line and reports, in Python over cached rows for the GUI.

Text matching is case- and accent-insensitive and by substring (against normalised copies of the texts kept on each
measure); codes match exactly. Filters of one kind are OR-ed, different kinds AND-ed. Both paths give the same answer
(a property test checks it): SQL for one-off queries, Python for the table, where a keystroke must update 10,000
rows within 30 ms and a round trip to the database per keystroke is too slow.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date

from sqlalchemy import and_, exists, literal
from sqlmodel import Session, select

from registry.domein import zoek_domein, zoek_toeslag
from registry.maatregel import rijen_voor_maatregelen
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

    def als_dict(self) -> dict:
        """A JSON-safe form, for saved views (weergaven) and the last filter kept between runs."""
        d = asdict(self)
        d.pop("peildatum")  # a saved view means "passed as of the day it is used", not as of the day it was saved
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

    @classmethod
    def uit_dict(cls, d: dict) -> "Filter":
        """The inverse of als_dict; unknown keys (from a newer version) and malformed values are ignored."""
        waarden = {}
        for veld in fields(cls):
            if veld.name == "peildatum" or veld.name not in d:
                continue
            standaard, w = getattr(cls(), veld.name), d[veld.name]
            if isinstance(standaard, tuple) and isinstance(w, list | tuple):
                waarden[veld.name] = tuple(str(x) for x in w)
            elif isinstance(standaard, bool) and isinstance(w, bool):
                waarden[veld.name] = w
            elif standaard is None and (w is None or isinstance(w, str)):
                waarden[veld.name] = w or None
        return cls(**waarden)


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
    toeslagen: tuple[str, ...] = ()
    ouder: str | None = None  # the parent's code
    # Normalised copies for matching in Python (the same texts the SQL filter searches).
    zoektekst: str = ""
    eigenaar_zoek: str = ""
    iv_keten_zoek: str = ""


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


def zoek_maatregelen(sessie: Session, f: Filter = Filter(), ids: list[int] | None = None,
                     met_zoektekst: bool = False) -> list[MaatregelRij]:
    """Table rows for the measures that pass the filter (and, given `ids`, only those), in code order.

    `zoektekst` (the normalised code, name and description that a search matches) is filled only when asked: it is
    by far the largest column, and the main window loads it after it has shown the table (see `zoekteksten`).
    """
    m = Maatregel.__table__.c  # Core columns: plain tuples, several times cheaper than ORM objects for 10,000 rows
    query = (
        select(m.id, m.code, m.naam, Domein.code, m.status, m.fase, m.iv_afhankelijk, m.iv_blokkade, m.iv_keten,
               m.eigenaar, m.planning_huidig_tekst, m.planning_huidig_van, m.planning_huidig_tot, m.ouder_id,
               m.gearchiveerd, m.status_datum, m.versie, m.eigenaar_zoek, m.iv_keten_zoek,
               m.zoektekst if met_zoektekst else literal(""))
        .join(Domein, Domein.id == m.domein_id)
        .where(*_voorwaarden(sessie, f))
    )
    if ids is not None:
        resultaat = rijen_voor_maatregelen(sessie, query, m.id, ids)
    else:  # on the connection, past the ORM's result machinery: a third faster for the 10,000 rows of the table
        resultaat = sessie.connection().execute(query).all()
    toeslagen: dict[int, list[str]] = defaultdict(list)
    links = select(MaatregelToeslag.maatregel_id, MaatregelToeslag.toeslag_code)
    alle_links = ids is None and f.is_leeg()
    for mid, t in (sessie.connection().execute(links).all() if alle_links else
                   rijen_voor_maatregelen(sessie, links, MaatregelToeslag.maatregel_id, [r[0] for r in resultaat])):
        toeslagen[mid].append(t)
    code_van = {r[0]: r[1] for r in resultaat}
    ontbrekend = {r[13] for r in resultaat if r[13] is not None and r[13] not in code_van}
    if ontbrekend:  # a parent outside the filter still shows its code
        code_van.update(sessie.execute(select(m.id, m.code).where(m.id.in_(ontbrekend))).all())
    rijen = []
    for (mid, code, naam, domein, status, fase, iv_af, iv_bl, keten, eigenaar, p_tekst, p_van, p_tot, ouder,
         archief, sdatum, versie, eigenaar_zoek, keten_zoek, zoektekst) in resultaat:
        planning = Periode(p_tekst, p_van, p_tot) if p_tekst and p_van and p_tot else None
        rijen.append(MaatregelRij(mid, code, naam, domein, status, fase, iv_af, iv_bl, keten, eigenaar, planning,
                                  ouder, archief, sdatum, versie, tuple(sorted(toeslagen.get(mid, ()))),
                                  code_van.get(ouder), zoektekst, eigenaar_zoek or "", keten_zoek or ""))
    rijen.sort(key=lambda r: natuurlijke_sleutel(r.code))
    return rijen


def zoekteksten(sessie: Session, ids: list[int] | None = None) -> dict[int, str]:
    """The normalised search text (code, name, description) per measure id: all, or those of `ids`."""
    m = Maatregel.__table__.c
    query = select(m.id, m.zoektekst)
    rijen = sessie.connection().execute(query).all() if ids is None else rijen_voor_maatregelen(sessie, query, m.id, ids)
    return dict(rijen)


class Voorwaarde:
    """A filter as Python tests over table rows: the same answer as the SQL filter, without a query.

    Only the filter's active parts become tests. Each test reads one column of the rows; `indices` applies the
    tests one after another to a shrinking list, and the common kinds (substring, membership, yes/no) run as plain
    comprehensions without a function call per row: a search keystroke over 10,000 rows costs about a millisecond.
    """

    def __init__(self, toetsen: list[tuple[str, str, object]]):
        self._toetsen = toetsen  # (column, kind, value); kind: bevat, in, waar, onwaar, functie

    def __call__(self, r: MaatregelRij) -> bool:
        return bool(self.indices([r]))

    def en(self, kolom: str, soort: str, waarde) -> "Voorwaarde":
        """This condition and one more (e.g. only the measures of a signal)."""
        return Voorwaarde([*self._toetsen, (kolom, soort, waarde)])

    def indices(self, rijen: Sequence[MaatregelRij],
                kolom: Callable[[str], Sequence] | None = None) -> list[int]:
        """Positions in `rijen` of the rows that pass, in order. `kolom(name)` may serve cached column values."""
        if kolom is None:
            def kolom(naam: str) -> list:
                return [getattr(r, naam) for r in rijen]
        gekozen: Iterable[int] = range(len(rijen))
        for naam, soort, waarde in self._toetsen:
            w = kolom(naam)
            if soort == "bevat":
                gekozen = [i for i in gekozen if waarde in w[i]]
            elif soort == "in":
                gekozen = [i for i in gekozen if w[i] in waarde]
            elif soort == "waar":
                gekozen = [i for i in gekozen if w[i] is True]
            elif soort == "onwaar":
                gekozen = [i for i in gekozen if not w[i]]
            else:
                gekozen = [i for i in gekozen if waarde(w[i])]
        return list(gekozen)


def voorwaarde(sessie: Session, f: Filter) -> Voorwaarde:
    """The filter for rows already in memory (the main window's table).

    Names of domains, statuses, phases and toeslagen are resolved (and validated) once, here; the tests themselves
    only compare plain values.
    """
    toetsen: list[tuple[str, str, object]] = []
    if not f.met_gearchiveerd:
        toetsen.append(("gearchiveerd", "onwaar", None))
    if f.domeinen:
        toetsen.append(("domein", "in", {zoek_domein(sessie, d).code for d in f.domeinen}))
    if f.statussen:
        toetsen.append(("status", "in", {STATUS.code(s, "status") for s in f.statussen}))
    if f.fasen:
        toetsen.append(("fase", "in", {FASE.code(x, "fase") for x in f.fasen}))
    if f.iv_blokkade:
        toetsen.append(("iv_blokkade", "waar", None))
    if f.iv_afhankelijk:
        toetsen.append(("iv_afhankelijk", "waar", None))
    if f.iv_keten:
        toetsen.append(("iv_keten_zoek", "bevat", normaliseer(f.iv_keten)))
    if f.toeslagen:
        toeslagen = {zoek_toeslag(sessie, t).code for t in f.toeslagen}
        toetsen.append(("toeslagen", "functie", lambda codes: not toeslagen.isdisjoint(codes)))
    if f.eigenaar:
        toetsen.append(("eigenaar_zoek", "bevat", normaliseer(f.eigenaar)))
    for woord in normaliseer(f.zoek).split() if f.zoek else ():
        toetsen.append(("zoektekst", "bevat", woord))
    if f.planning_verstreken:
        peildatum = f.peildatum or date.today()
        toetsen.append(("planning_huidig", "functie", lambda p: p is not None and p.tot < peildatum))
        toetsen.append(("status", "functie", lambda status: status != "ingevoerd"))
    return Voorwaarde(toetsen)
