"""Signals (brief §3): what in the register needs attention, counted, with the items each one concerns.

The same list serves the window's signals panel (a click filters the register to a signal's measures) and, later,
the PDF. Thresholds are settings; a signal never changes data, it only points.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from registry.aanbeveling import aanbevelingen
from registry.filters import Filter, MaatregelRij, zoek_maatregelen
from registry.prioritering.inpassing import kringloop_ids
from registry.tabellen import Effectmeting, Maatregel, MaatregelAfhankelijkheid
from registry.tekst import natuurlijke_sleutel


@dataclass(frozen=True)
class Drempels:
    """Signal thresholds, in months."""
    status_niet_bijgewerkt: int = 6
    aanbeveling_open: int = 6


@dataclass(frozen=True)
class Signaal:
    sleutel: str  # stable name, for settings and tests
    titel: str  # Dutch, as the panel shows it
    uitleg: str
    soort: str  # "maatregel" or "aanbeveling": what the codes are
    codes: tuple[str, ...]  # the items it concerns, in code order

    @property
    def aantal(self) -> int:
        return len(self.codes)


def maanden_voor(peildatum: date, maanden: int) -> date:
    """The same day `maanden` months earlier (the 28th at the latest, so that every month has it)."""
    jaar, maand = divmod(peildatum.year * 12 + peildatum.month - 1 - maanden, 12)
    return date(jaar, maand + 1, min(peildatum.day, 28))


def signalen(sessie: Session, drempels: Drempels = Drempels(), peildatum: date | None = None,
             rijen: list[MaatregelRij] | None = None) -> list[Signaal]:
    """Every signal of brief §3, in a fixed order, for active (not archived) measures; empty ones included.

    `rijen`: the table rows when the caller holds them already (the window), so they are not read again.
    """
    peildatum = peildatum or date.today()
    rijen = [r for r in rijen if not r.gearchiveerd] if rijen is not None else zoek_maatregelen(sessie, Filter())
    met_effect = set(sessie.exec(select(Effectmeting.maatregel_id).distinct()).all())
    zonder_verwachting = set(sessie.exec(
        select(Maatregel.id).where(Maatregel.iv_blokkade.is_(True), Maatregel.iv_verwacht_tekst.is_(None))).all())
    oud = maanden_voor(peildatum, drempels.status_niet_bijgewerkt)
    open_sinds = maanden_voor(peildatum, drempels.aanbeveling_open)
    alle_aanbevelingen = aanbevelingen(sessie)

    def codes(rij_filter) -> tuple[str, ...]:
        return tuple(r.code for r in rijen if rij_filter(r))

    return [
        Signaal("zonder_eigenaar", "Zonder eigenaar", "Maatregelen zonder team of persoon die ze trekt.",
                "maatregel", codes(lambda r: not (r.eigenaar or "").strip())),
        Signaal("zonder_effectmeting", "Zonder effectmeting",
                "Maatregelen waarvan geen enkele effectmeting is vastgelegd.",
                "maatregel", codes(lambda r: r.id not in met_effect)),
        Signaal("planning_verstreken", "Planning verstreken",
                "De huidige planning is voorbij en de maatregel is niet ingevoerd.",
                "maatregel", codes(lambda r: r.planning_huidig is not None and r.planning_huidig.tot < peildatum
                                   and r.status != "ingevoerd")),
        Signaal("status_verouderd", f"Status niet bijgewerkt (> {drempels.status_niet_bijgewerkt} mnd)",
                f"De laatste statuswijziging is ouder dan {drempels.status_niet_bijgewerkt} maanden en de "
                "maatregel is niet ingevoerd.",
                "maatregel", codes(lambda r: r.status != "ingevoerd" and r.status_datum is not None
                                   and r.status_datum < oud)),
        Signaal("iv_blokkade_zonder_datum", "IV-blokkade zonder verwachte datum",
                "Geblokkeerd door IV, zonder datum waarop de blokkade naar verwachting opgeheven wordt.",
                "maatregel", codes(lambda r: r.id in zonder_verwachting)),
        Signaal("aanbeveling_lang_open", f"Aanbeveling open (> {drempels.aanbeveling_open} mnd)",
                f"Aanbevelingen die al meer dan {drempels.aanbeveling_open} maanden open staan: stilzwijgend "
                "blijven liggen?",
                "aanbeveling", tuple(a.code for a in alle_aanbevelingen
                                     if a.opvolging == "open" and a.datum is not None and a.datum < open_sinds)),
        Signaal("aanbeveling_zonder_maatregel", "Aanbeveling zonder maatregel",
                "Aanbevelingen waaraan geen maatregel is gekoppeld.",
                "aanbeveling", tuple(a.code for a in alle_aanbevelingen if not a.maatregelen)),
        Signaal("afhankelijkheden_kringloop", "Kringloop in afhankelijkheden",
                "Maatregelen die via hun afhankelijkheden van zichzelf afhangen: ze kunnen nooit worden ingepland.",
                "maatregel", _in_kringloop(sessie, rijen)),
    ]


def _in_kringloop(sessie: Session, rijen: list[MaatregelRij]) -> tuple[str, ...]:
    """The active measures on a dependency cycle among active measures (issue 9: they can never be planned)."""
    code_van = {r.id: r.code for r in rijen}
    buren: dict[int, list[int]] = {}
    for mid, van in sessie.exec(select(MaatregelAfhankelijkheid.maatregel_id,
                                       MaatregelAfhankelijkheid.afhankelijk_van_id)).all():
        if mid in code_van and van in code_van:
            buren.setdefault(mid, []).append(van)
    leden = [i for lus in kringloop_ids(code_van, buren) for i in lus]
    return tuple(sorted((code_van[i] for i in leden), key=natuurlijke_sleutel))
