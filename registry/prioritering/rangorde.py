"""The ranking of open measures: score = effectpunten × bewijsgewicht ÷ IV-weeks (issue 9), then the hand-set places.

Pure functions over Prioinvoer rows: the page, the scenario and the PDF rank the same way, without a database.
"""

from collections.abc import Iterable
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


def codesleutel(m: Prioinvoer) -> tuple:
    """Ties go by natural code order; the id makes the order total."""
    return codevolgorde(m.code), m.id


def rangschik(maatregelen: Iterable[Prioinvoer]) -> tuple[Rangregel, ...]:
    """The open measures by score (unknown last), with the hand-set places (rang_handmatig) put in afterwards."""
    open_ = [m for m in maatregelen if m.is_open]
    open_.sort(key=lambda m: codevolgorde(m.code))  # ties by code; cheap when already in code order (lees_invoer)
    sleutels = []
    met_hand = False
    for plaats, m in enumerate(open_):
        s, volgorde = _score(m.verwacht_effect, m.effect_basis, m.weken, heeft_iv_nodig(m))
        sleutels.append((volgorde, plaats, m, s))
        met_hand = met_hand or m.rang_handmatig is not None
    sleutels.sort()  # the places are unique: the rows themselves are never compared
    if not met_hand:
        return tuple([Rangregel(t[2], t[3], plaats, plaats, False) for plaats, t in enumerate(sleutels, start=1)])
    volgens_score = {t[2].id: plaats for plaats, t in enumerate(sleutels, start=1)}
    vrij = [t for t in sleutels if t[2].rang_handmatig is None]
    vast = sorted((t for t in sleutels if t[2].rang_handmatig is not None),
                  key=lambda t: (t[2].rang_handmatig, t[1]))
    # Merge: a hand-set measure takes its place as soon as the list has reached it; ties follow each other by code,
    # a place beyond the end means last.
    eindvolgorde = []
    i = j = 0
    while i < len(vrij) or j < len(vast):
        if j < len(vast) and (i >= len(vrij) or vast[j][2].rang_handmatig - 1 <= len(eindvolgorde)):
            eindvolgorde.append(vast[j])
            j += 1
        else:
            eindvolgorde.append(vrij[i])
            i += 1
    return tuple([Rangregel(t[2], t[3], plaats, volgens_score[t[2].id], t[2].rang_handmatig is not None)
                  for plaats, t in enumerate(eindvolgorde, start=1)])


def getal(waarde: float, decimalen: int | None = None) -> str:
    """Dutch number: a whole number without decimals, else with a comma ("2,5"); fixed decimals when asked."""
    if decimalen is not None:
        return f"{waarde:.{decimalen}f}".replace(".", ",")
    if float(waarde).is_integer():
        return str(int(waarde))
    return f"{waarde:.2f}".rstrip("0").replace(".", ",")


def score_uitleg(s: Score) -> str:
    """The sum behind the score, e.g. "3 × 0,8 ÷ 12 = 0,20"; "IV-weken onbekend" when it cannot be computed."""
    if s.waarde is None:
        return "IV-weken onbekend"
    return f"{s.effectpunten} × {getal(s.gewicht, 1)} ÷ {getal(s.deler)} = {getal(s.waarde, 2)}"
