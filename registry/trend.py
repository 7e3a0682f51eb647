"""The trend of one indicator of a measure over its periods: which indicators have one, the series, and its chart.

No Qt and no matplotlib at import: this module is imported at start-up; `teken_trend` imports matplotlib when it
draws, on a `Figure` it is handed (the GUI's `Grafiekvak` or, later, the PDF).

The points: measurements with a number (`waarde`) whose period reads as a (vague) Dutch date ("2023", "Q1 2024",
"medio 2024"), ordered by the period's first day, then its last day, then order of entry; a series needs at least
two. A period that does not read as a date ("2021-2024", "t/m 2025", "Q5 2024") or is missing cannot be placed on
a time line without misleading: such measurements are left out and counted (`weggelaten`), and the chart says so.
"""

import textwrap
from dataclasses import dataclass

from registry.effectmeting import EffectmetingRij, getal_uit_tekst
from registry.grafieken import LETTERLIJK, letterlijk
from registry.planning import OngeldigeDatum, Periode, parse_periode_of_leeg

LIJNKLEUR = "#1f5f8b"  # dark blue: contrast ≥ 4.5:1 on white
STREEFKLEUR = "#a15c00"  # the status palette's amber, also readable on white
GEEN_PERIODE = "(geen periode)"


@dataclass(frozen=True)
class Trendpunt:
    periode: str  # as typed; "" when the measurement has none
    waarde: float
    tekst: str  # the value as printed (or, without one, the number in Dutch notation)


@dataclass(frozen=True)
class Trendreeks:
    indicator: str
    eenheid: str | None
    punten: tuple[Trendpunt, ...]
    streefwaarde: float | None
    weggelaten: int = 0  # numeric measurements of this indicator left out: their period is not a readable date


def _sleutel(indicator: str | None) -> str:
    """Indicators match when they differ only in case or blanks."""
    return " ".join((indicator or "").split()).casefold()


def _periode(tekst: str | None) -> Periode | None:
    try:
        return parse_periode_of_leeg(tekst)
    except OngeldigeDatum:
        return None


def getal_nl(waarde: float, decimalen: int = 3) -> str:
    """A number in Dutch notation: 1250.5 -> '1.250,5', 0.25 -> '0,25'; at most `decimalen` decimals, no trailing 0."""
    tekst = f"{waarde:,.{decimalen}f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    tekst = tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return "0" if tekst in ("-0", "") else tekst


def trendreeks(metingen: list[EffectmetingRij], indicator: str) -> Trendreeks | None:
    """The numeric measurements of `indicator` among `metingen` (one measure's), in period order; None under two."""
    sleutel = _sleutel(indicator)
    rijen = [r for r in metingen if _sleutel(r.indicator) == sleutel and r.waarde is not None]
    perioden = [_periode(r.periode) for r in rijen]
    gedateerd = sorted((i for i, p in enumerate(perioden) if p is not None),
                       key=lambda i: (perioden[i].van, perioden[i].tot, i))
    if len(gedateerd) < 2:
        return None
    volgorde = [rijen[i] for i in gedateerd]
    punten = tuple(Trendpunt((r.periode or "").strip(), r.waarde,
                             (r.waarde_tekst or "").strip() or getal_nl(r.waarde)) for r in volgorde)
    eenheid = next((r.eenheid.strip() for r in volgorde if r.eenheid and r.eenheid.strip()), None)
    # The target of the latest measurement that states one that parses: targets get revised over time.
    streefwaarde = next((getal for r in reversed(volgorde) if (getal := getal_uit_tekst(r.streefwaarde)) is not None),
                        None)
    return Trendreeks(rijen[0].indicator.strip(), eenheid, punten, streefwaarde, len(rijen) - len(volgorde))


def heeft_trend(metingen: list[EffectmetingRij], indicator: str) -> bool:
    """Whether `indicator` has a number in at least two measurements of this measure with a readable period."""
    return trendreeks(metingen, indicator) is not None


def indicatoren_met_trend(metingen: list[EffectmetingRij]) -> list[str]:
    """The indicators of one measure that have a trend, in order of first entry."""
    gezien: dict[str, str] = {}
    for r in metingen:
        gezien.setdefault(_sleutel(r.indicator), r.indicator.strip())
    return [naam for naam in gezien.values() if heeft_trend(metingen, naam)]


def _afgekort(tekst: str, breedte: int, regels: int) -> str:
    return "\n".join(textwrap.wrap(tekst, breedte, max_lines=regels, placeholder=" …")) or tekst


def teken_trend(figuur, reeks: Trendreeks) -> None:
    """A small line chart on `figuur` (a matplotlib Figure): periods along, values up, the target dashed.

    Indicator, unit, periods and values are drawn as typed ("$", "<b>" and "&" included; see `letterlijk`).
    """
    from matplotlib.ticker import FuncFormatter

    ax = figuur.add_subplot()
    x = list(range(len(reeks.punten)))
    y = [p.waarde for p in reeks.punten]
    ax.plot(x, y, marker="o", markersize=5, linewidth=1.8, color=LIJNKLEUR, label=letterlijk(reeks.indicator),
            zorder=3)
    ax.set_xticks(x, labels=[letterlijk(_afgekort(p.periode or GEEN_PERIODE, 14, 3)) for p in reeks.punten],
                  **LETTERLIJK)
    if len(x) > 4:  # side by side, more period labels than fit a small chart run into each other
        ax.tick_params(axis="x", labelrotation=35)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
    for xi, p in zip(x, reeks.punten):
        label = p.tekst if len(p.tekst) <= 14 else getal_nl(p.waarde)
        ax.annotate(letterlijk(label), (xi, p.waarde), textcoords="offset points", xytext=(0, 7), ha="center",
                    va="bottom", fontsize=8, color=LIJNKLEUR, **LETTERLIJK)
    if reeks.streefwaarde is not None:
        ax.axhline(reeks.streefwaarde, linestyle="--", linewidth=1.2, color=STREEFKLEUR, label="Streefwaarde",
                   zorder=2)
        ax.annotate(f"streefwaarde {getal_nl(reeks.streefwaarde)}", xy=(1, reeks.streefwaarde),
                    xycoords=("axes fraction", "data"), xytext=(-2, 3), textcoords="offset points", ha="right",
                    va="bottom", fontsize=7.5, color=STREEFKLEUR)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda waarde, _positie: getal_nl(waarde)))
    if reeks.eenheid:
        ax.set_ylabel(letterlijk(_afgekort(reeks.eenheid, 28, 3)), fontsize=8, **LETTERLIJK)
    ax.set_title(letterlijk(_afgekort(reeks.indicator, 34, 2)), fontsize=8.5, **LETTERLIJK)
    if reeks.weggelaten:
        ax.set_xlabel(f"{reeks.weggelaten} {'meting' if reeks.weggelaten == 1 else 'metingen'} zonder herkenbare "
                      "periode niet getoond", fontsize=7.5, color="#5f5f5f")
    ax.margins(x=0.15, y=0.25)
    ax.tick_params(labelsize=8)
    ax.grid(axis="y", alpha=0.3)
    for kant in ("top", "right"):
        ax.spines[kant].set_visible(False)
