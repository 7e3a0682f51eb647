"""The ranking of open measures: score = effectpunten × bewijsgewicht ÷ IV-weeks (issue 9), then the hand-set places.

Pure functions over Prioinvoer rows: the page, the scenario and the PDF rank the same way, without a database.
"""

from bisect import insort
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from registry.prioritering.model import Prioinvoer, Rangregel, Score
from registry.tekst import natuurlijke_sleutel
from registry.vocabulaire import BEWIJSGEWICHT, EFFECTPUNTEN


def heeft_iv_nodig(m: Prioinvoer) -> bool:
    """Needs IV capacity: marked IV-dependent or IV-blocked, or placed on an IV chain."""
    return m.iv_afhankelijk is True or m.iv_blokkade is True or bool(m.keten_sleutel or (m.iv_keten or "").strip())


def score(m: Prioinvoer) -> Score:
    """The score with its parts; waarde None when the measure needs IV and its weeks are unknown."""
    return _score(m.verwacht_effect, m.effect_basis, m.weken, heeft_iv_nodig(m))[0]


@lru_cache(maxsize=4096)
def _score(verwacht_effect: str | None, effect_basis: str | None, weken: float | None,
           iv_nodig: bool) -> tuple[Score, tuple]:
    """The score and its sort key (scored first, highest first; unknown ones by effect × weight). Few distinct
    combinations: shared rows keep ranking 10,000 measures cheap."""
    effectpunten = EFFECTPUNTEN.get(verwacht_effect, EFFECTPUNTEN[None])
    gewicht = BEWIJSGEWICHT.get(effect_basis, BEWIJSGEWICHT[None])
    if weken is None and iv_nodig:
        return Score(effectpunten, gewicht, None, 1.0, None), (1, -(effectpunten * gewicht))
    deler = 1.0 if weken is None else max(1.0, float(weken))
    waarde = effectpunten * gewicht / deler
    return Score(effectpunten, gewicht, weken, deler, waarde), (0, -waarde)


@lru_cache(maxsize=65536)
def codevolgorde(code: str) -> tuple:
    """Natural code order, the code itself breaking ties (TV-1 and TV-01 read alike); cached: ranking sorts 10,000
    codes on every change of a scenario."""
    return natuurlijke_sleutel(code), code


def rangschik(maatregelen: Iterable[Prioinvoer]) -> tuple[Rangregel, ...]:
    """The open measures by score (unknown last), with the hand-set places (rang_handmatig) put in afterwards."""
    return rangregels(op_score(maatregelen))


def op_score(maatregelen: Iterable[Prioinvoer]) -> list[tuple]:
    """The open measures as (sort key, place in code order, row, Score), by score; ties by code."""
    open_ = [m for m in maatregelen if m.is_open]
    open_.sort(key=lambda m: codevolgorde(m.code))  # ties by code; cheap when already in code order (lees_invoer)
    sleutels = []
    for plaats, m in enumerate(open_):
        s, volgorde = _score(m.verwacht_effect, m.effect_basis, m.weken, heeft_iv_nodig(m))
        sleutels.append((volgorde, plaats, m, s))
    sleutels.sort()  # the places are unique: the rows themselves are never compared
    return sleutels


def herschik(sleutels: list[tuple], vervangen: Mapping[int, Prioinvoer]) -> list[tuple]:
    """`op_score` again after a few rows were replaced by rows that differ only in their score's inputs
    (effect, basis, weeks: not in being open, code or hand-set place): the others keep their places, the replaced
    ones are put back where their new score goes. A scenario that changes one measure re-sorts nothing else."""
    nieuw = [t for t in sleutels if t[2].id not in vervangen]
    for t in sleutels:
        m = vervangen.get(t[2].id)
        if m is not None:
            s, volgorde = _score(m.verwacht_effect, m.effect_basis, m.weken, heeft_iv_nodig(m))
            insort(nieuw, (volgorde, t[1], m, s))
    return nieuw


def rangregels(sleutels: list[tuple], vorige: Sequence[Rangregel] = ()) -> tuple[Rangregel, ...]:
    """The ranking from the score order: the hand-set measures put in at their places. A row equal to the one at
    the same place in `vorige` is that very row (a view sees what did not move as unchanged)."""
    met_hand = any(t[2].rang_handmatig is not None for t in sleutels)
    if not met_hand:
        eindvolgorde, volgens_score = sleutels, None
    else:
        volgens_score = {t[2].id: plaats for plaats, t in enumerate(sleutels, start=1)}
        vrij = [t for t in sleutels if t[2].rang_handmatig is None]
        vast = sorted((t for t in sleutels if t[2].rang_handmatig is not None),
                      key=lambda t: (t[2].rang_handmatig, t[1]))
        # Merge: a hand-set measure takes its place as soon as the list has reached it; ties follow each other by
        # code, a place beyond the end means last.
        eindvolgorde = []
        i = j = 0
        while i < len(vrij) or j < len(vast):
            if j < len(vast) and (i >= len(vrij) or vast[j][2].rang_handmatig - 1 <= len(eindvolgorde)):
                eindvolgorde.append(vast[j])
                j += 1
            else:
                eindvolgorde.append(vrij[i])
                i += 1
    regels = []
    n = len(vorige)
    for plaats, t in enumerate(eindvolgorde, start=1):
        m, s = t[2], t[3]
        volgens = plaats if volgens_score is None else volgens_score[m.id]
        if plaats <= n:
            oud = vorige[plaats - 1]
            if oud.maatregel is m and oud.score is s and oud.rang_volgens_score == volgens:
                regels.append(oud)
                continue
        regels.append(Rangregel(m, s, plaats, volgens, m.rang_handmatig is not None))
    return tuple(regels)


def getal(waarde: float | None, decimalen: int | None = None, leeg: str = "") -> str:
    """A Dutch number for reading: rounded half up to `decimalen` (default 2), trailing zeros dropped, a decimal
    comma, no thousands separator: 12.0 -> "12", 0.125 -> "0,13", getal(0.0754, 3) -> "0,075"; `leeg` for None.
    (Edit fields use registry.maatregel.weken_als_tekst, which never rounds.)"""
    if waarde is None:
        return leeg
    stap = Decimal(1).scaleb(-(2 if decimalen is None else decimalen))
    afgerond = Decimal(str(waarde)).quantize(stap, rounding=ROUND_HALF_UP)
    if afgerond == 0:
        return "0"  # never "-0"
    tekst = f"{afgerond:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


#: Scores are shown with this many decimals everywhere (the page, the dialogs, the PDF).
SCOREDECIMALEN = 3


def score_uitleg(s: Score) -> str:
    """The sum behind the score, e.g. "1 × 0,3 ÷ 4 = 0,075"; "IV-weken onbekend" when it cannot be computed."""
    if s.waarde is None:
        return "IV-weken onbekend"
    return f"{s.effectpunten} × {getal(s.gewicht, 1)} ÷ {getal(s.deler)} = {getal(s.waarde, SCOREDECIMALEN)}"
