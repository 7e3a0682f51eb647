"""A matplotlib figure inside a Qt widget, made on first use: matplotlib never loads at start-up (brief §6).

Charts are drawn by plain functions that take a matplotlib `Figure` (no pyplot, brief §8), so that the PDF can draw
the same charts without Qt.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from registry.bestand import atomair_bestand
from registry.fouten import RegisterFout
from ui import vragen


class Grafiekvak(QWidget):
    """Holds one figure; `teken` (re)draws it with a function that draws on a Figure."""

    def __init__(self, naam: str, parent: QWidget | None = None, breedte: float = 5.0, hoogte: float = 3.2):
        super().__init__(parent)
        self.setObjectName(naam)
        self.setAccessibleName(naam)
        self._maat = (breedte, hoogte)
        self._canvas = None
        self.figuur = None  # matplotlib.figure.Figure, once something was drawn
        laag = QVBoxLayout(self)
        laag.setContentsMargins(0, 0, 0, 0)
        self._laag = laag
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def teken(self, tekenaar: Callable) -> None:
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figuur = Figure(figsize=self._maat, layout="constrained")
            self._canvas = FigureCanvasQTAgg(self.figuur)
            self._canvas.setParent(self)
            self._canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the buttons beside a chart take the keyboard
            self._canvas.setMinimumSize(200, 150)
            self._laag.addWidget(self._canvas)
        self.figuur.clear()
        tekenaar(self.figuur)
        self._canvas.draw_idle()

    def is_getekend(self) -> bool:
        return self.figuur is not None

    def bewaar_png(self, pad: str | Path, dpi: int = 150) -> None:
        """Save the figure as PNG, whole or not at all; an unusable path is a RegisterFout in Dutch."""
        if self.figuur is None:
            raise RuntimeError("er is nog niets getekend")
        with atomair_bestand(pad, "de grafiek") as uit:
            self.figuur.savefig(uit, format="png", dpi=dpi)


def exporteer_png(ouder: QWidget, vak: Grafiekvak, voorstel: str) -> Path | None:
    """Ask where to save the chart as PNG and save it; a path that cannot be written gets a Dutch message."""
    if not vak.is_getekend():
        return None
    pad = vragen.vraag_bestand_opslaan(ouder, ouder.tr("Grafiek opslaan als PNG"), voorstel,
                                       ouder.tr("PNG-afbeelding (*.png)"))
    if not pad:
        return None
    if pad.endswith(("/", "\\")) or Path(pad).is_dir():
        vragen.meld_fout(ouder, ouder.tr("Grafiek opslaan"),
                         ouder.tr("%s is een map. Kies een bestandsnaam voor de grafiek.") % pad)
        return None
    pad = vragen.met_extensie(pad, ".png")
    try:
        vak.bewaar_png(pad)
    except RegisterFout as fout:
        vragen.meld_fout(ouder, ouder.tr("Grafiek opslaan"), fout.melding)
        return None
    except OSError as fout:  # e.g. the disk filled up while writing
        vragen.meld_fout(ouder, ouder.tr("Grafiek opslaan"), ouder.tr("De grafiek is niet opgeslagen in %s: %s.")
                         % (pad, fout.strerror or fout))
        return None
    return pad
