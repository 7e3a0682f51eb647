"""The Prioritering page's table models: plain tuples of the plan's rows, texts made only for the cells drawn.

A scenario change resets these models with 10,000 rows within the page's 100 ms (brief §6): a row is a tuple of
the plan's own frozen rows, never an object built per row, and `data()` formats only what the view asks for.
"""

from datetime import date
from operator import is_
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from registry.maatregel import weken_als_tekst
from registry.prioritering.model import BesluitRij, Capaciteitsvak, Prioinvoer, Rangregel, Uitkomst, Verschuiving
from registry.prioritering.inpassing import kringlooptekst
from registry.prioritering.rangorde import SCOREDECIMALEN, getal, score_uitleg
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.prioritering.besluit import BESLUITEFFECT, besluit_van, rang_van
from registry.vocabulaire import EFFECT_BASIS, PRIORITEIT, VERWACHT_EFFECT
from ui.koppeldialoog import als_tooltip
from ui.rijenmodel import Rijenmodel
from ui.statusdialoog import datumtekst

_Index = QModelIndex | QPersistentModelIndex
_KIESBAAR = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RANGROLLEN = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.UserRole})
# The capacity cell's editor asks EditRole; the other roles are Rijenmodel's.
_CAPACITEITROLLEN = _RANGROLLEN | {Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ForegroundRole}
_RECHTS = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: What a decision does in the fit (the ranking itself stays score and hand-set place).
BESLUITUITLEG = "\n".join(BESLUITEFFECT.values())

#: How a measure that moved between the current plan and the scenario is marked: in text (screen readers, print)
#: and in colour (a glance down the table).
RICHTINGEN: dict[str, tuple[str, str]] = {
    "erin": ("↑ erin", "#dcf0d8"),
    "eruit": ("↓ eruit", "#f8dcd8"),
    "verschoven": ("→ verschoven", "#fdf0c8"),
    "anders": ("≠ anders", "#e6e6ef"),
}


def wekenbron(m: Prioinvoer) -> str:
    """The weeks a measure counts with, and where they come from when a size class stands in ("12 (M)")."""
    if m.iv_weken is not None:
        return getal(m.iv_weken)
    if m.iv_omvang:
        return f"{getal(m.weken)} ({m.iv_omvang})" if m.weken is not None else m.iv_omvang
    return ""


# --- the ranking ------------------------------------------------------------------------------------------------------

class RangordeModel(QAbstractTableModel):
    """The open measures in ranked order, with the plan (and the scenario's), the reason and the score's parts.

    The rows are the plan's own Rangregels; a row's outcomes are looked up when a cell is drawn, so that a reset
    after a scenario change costs nothing per row (10,000 measures). The columns a reader needs to decide come
    first (they fit a laptop's screen); the score's parts follow.
    """

    (RANG, RANG_KETEN, CODE, NAAM, PLAN, SCENARIO, SCORE, BESLUIT, TOELICHTING, BEREKENING, EFFECT, ONDERBOUWING,
     WEKEN, KETEN) = range(14)
    RIJ_ROL = Qt.ItemDataRole.UserRole  # the Rangregel itself

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rijen: Sequence[Rangregel] = ()
        self._huidig: Mapping[int, Uitkomst] = {}
        self._anders: Mapping[int, Uitkomst] | None = None  # the scenario's outcomes, while one is tried
        self._verschuivingen: Mapping[str, Verschuiving] = {}
        self._plaatsen_in_keten: Mapping[int, int] = {}
        self._vorige_rangorde: Sequence[Rangregel] = ()
        self._oud_rang: dict[int, int] | None = None  # made when first asked for (a tooltip)
        self._positie: dict[str, int | None] = {}  # code → row, for the codes asked for since the last reset
        self._teksten: dict[int, tuple[str, ...]] = {}  # row → its cell texts, made when the row is first drawn
        self._sortering: tuple[int, Qt.SortOrder] | None = None
        self._koppen = [self.tr("Rang"), self.tr("Rang in\nketen"), self.tr("Code"), self.tr("Naam"), self.tr("Plan"),
                        self.tr("Scenario"), self.tr("Score"), self.tr("Besluit"), self.tr("Toelichting"),
                        self.tr("Berekening"), self.tr("Effect"), self.tr("Onderbouwing"), self.tr("IV-weken"),
                        self.tr("IV-keten")]
        self._kleuren = {richting: QColor(kleur) for richting, (_, kleur) in RICHTINGEN.items()}
        self._schuin = QFont()
        self._schuin.setItalic(True)

    def zet_plan(self, rijen: Sequence[Rangregel], huidig: Mapping[int, Uitkomst],
                 anders: Mapping[int, Uitkomst] | None = None, verschuivingen: Mapping[str, Verschuiving] = {},
                 vorige_rangorde: Sequence[Rangregel] = (), plaatsen_in_keten: Mapping[int, int] = {}) -> None:
        """`rijen` in rank order; `huidig` the register's outcomes; with a scenario its outcomes (`anders`), what
        moved (by code) and the register's ranking (for "was on place n"); each measure's place in its chain's
        order of the fit (`Plan.plaats_in_keten`)."""
        oud = self._rijen
        self._huidig, self._anders = huidig, anders
        self._plaatsen_in_keten = plaatsen_in_keten
        self._verschuivingen, self._vorige_rangorde = verschuivingen, vorige_rangorde
        self._oud_rang = None
        self._teksten = {}
        gesorteerd = self._gesorteerd(rijen)
        if oud and len(gesorteerd) == len(oud) and all(map(is_, gesorteerd, oud)):
            # The same rows in the same order (a capacity change reuses the very Rangregels): only the cells' texts
            # change. No reset: the view keeps its selection and scroll, and repaints just the rows in sight.
            self.dataChanged.emit(self.index(0, 0), self.index(len(oud) - 1, len(self._koppen) - 1))
            return
        self.beginResetModel()
        self._positie = {}
        self._rijen = gesorteerd
        self.endResetModel()

    def rij(self, nummer: int) -> Rangregel:
        return self._rijen[nummer]

    def rij_van_code(self, code: str) -> int | None:
        """The row of a measure; found by a scan that stops at it (after a reset the page asks for one or two)."""
        if code not in self._positie:
            self._positie[code] = next((i for i, r in enumerate(self._rijen) if r.maatregel.code == code), None)
        return self._positie[code]

    def codes(self) -> list[str]:
        return [r.maatregel.code for r in self._rijen]

    def huidige_uitkomst(self, regel: Rangregel) -> Uitkomst | None:
        return self._huidig.get(regel.maatregel.id)

    def scenario_uitkomst(self, regel: Rangregel) -> Uitkomst | None:
        return self._anders.get(regel.maatregel.id) if self._anders is not None else None

    def verschuiving(self, regel: Rangregel) -> Verschuiving | None:
        return self._verschuivingen.get(regel.maatregel.code) if self._anders is not None else None

    def uitkomst(self, regel: Rangregel) -> Uitkomst | None:
        """The outcome the row explains: the scenario's while one is tried."""
        return self.scenario_uitkomst(regel) or self.huidige_uitkomst(regel)

    def vorige_rang(self, regel: Rangregel) -> int | None:
        """The measure's place without the scenario, when the scenario moved it."""
        if self._anders is None:
            return None
        if self._oud_rang is None:
            self._oud_rang = {r.maatregel.id: r.rang for r in self._vorige_rangorde}
        rang = self._oud_rang.get(regel.maatregel.id)
        return rang if rang != regel.rang else None

    # --- texts ------------------------------------------------------------------------------------------------------

    def tekst(self, regel: Rangregel, kolom: int) -> str:
        m = regel.maatregel
        if kolom == self.RANG:
            return f"{regel.rang} ✎" if regel.handmatig else str(regel.rang)
        if kolom == self.RANG_KETEN:
            plaats = self._plaatsen_in_keten.get(m.id)
            return str(plaats) if plaats is not None else ""
        if kolom == self.CODE:
            return m.code
        if kolom == self.NAAM:
            return m.naam
        if kolom == self.KETEN:  # the chain's one spelling, as the plan shows it everywhere
            return self._huidig[m.id].keten or m.iv_keten or ""
        if kolom == self.EFFECT:
            return VERWACHT_EFFECT.label(m.verwacht_effect) if m.verwacht_effect else ""
        if kolom == self.ONDERBOUWING:
            return EFFECT_BASIS.label(m.effect_basis) if m.effect_basis else ""
        if kolom == self.WEKEN:
            return wekenbron(m)
        if kolom == self.SCORE:
            return getal(regel.score.waarde, SCOREDECIMALEN, leeg="—")
        if kolom == self.BEREKENING:
            return score_uitleg(regel.score)
        if kolom == self.BESLUIT:
            return PRIORITEIT.label(m.prioriteit) if m.prioriteit else ""
        if kolom == self.PLAN:
            u = self.huidige_uitkomst(regel)
            return u.kort() if u is not None else ""
        if kolom == self.SCENARIO:
            u = self.scenario_uitkomst(regel)
            if u is None:
                return ""
            verschuiving = self.verschuiving(regel)
            return f"{u.kort()} {RICHTINGEN[verschuiving.richting][0]}" if verschuiving is not None \
                and verschuiving.richting in RICHTINGEN else u.kort()
        if kolom == self.TOELICHTING:
            u = self.uitkomst(regel)
            return u.reden if u is not None else ""
        return ""

    def _tooltip(self, regel: Rangregel, kolom: int) -> str:
        m = regel.maatregel
        if kolom == self.RANG:
            regels = []
            if regel.handmatig:
                regels.append(self.tr("Handmatig op plaats %s gezet") % rang_van(m))
            regels.append(self.tr("Plaats volgens de score: %d") % regel.rang_volgens_score)
            vorige = self.vorige_rang(regel)
            if vorige is not None:
                regels.append(self.tr("Zonder het scenario: plaats %d") % vorige)
            return "\n".join(regels)
        if kolom == self.RANG_KETEN:
            plaats = self._plaatsen_in_keten.get(m.id)
            if plaats is None:
                return self.tr("Niet in de volgorde van een keten: geen IV-keten, geen IV-capaciteit nodig of "
                               "besloten: niet")
            return self.tr("Plaats %d in de volgorde waarin %s wordt ingepast") % (plaats, self._huidig[m.id].keten or m.iv_keten)
        if kolom in (self.SCORE, self.BEREKENING):
            return score_uitleg(regel.score)
        if kolom == self.BESLUIT and m.prioriteit:
            return besluit_van(m)
        if kolom == self.PLAN:
            u = self.huidige_uitkomst(regel)
            return u.reden if u is not None else ""
        if kolom == self.SCENARIO:  # all of it: the cell is often too narrow for the period and the direction
            u, nu = self.scenario_uitkomst(regel), self.huidige_uitkomst(regel)
            if u is None:
                return ""
            regels = [self.tekst(regel, kolom)]
            if u.reden.casefold() != u.kort().casefold():
                regels.append(u.reden)
            if self.verschuiving(regel) is not None and nu is not None:
                regels.append(f"{self.tr('Zonder het scenario')}: {nu.kort()} — {nu.reden}")
            return "\n".join(regels)
        return self.tekst(regel, kolom)

    # --- sorting (on the Python list; the ranking itself is the default order) -------------------------------------

    def _sleutel(self, kolom: int) -> Callable[[Rangregel], object]:
        if kolom == self.RANG:
            return lambda r: r.rang
        if kolom == self.RANG_KETEN:
            return lambda r: self._plaatsen_in_keten.get(r.maatregel.id)
        if kolom == self.CODE:
            return lambda r: natuurlijke_sleutel(r.maatregel.code)
        if kolom == self.SCORE:
            return lambda r: r.score.waarde
        if kolom == self.WEKEN:
            return lambda r: r.maatregel.weken
        vocabulaires = {self.EFFECT: ("verwacht_effect", VERWACHT_EFFECT), self.ONDERBOUWING: ("effect_basis",
                                                                                                 EFFECT_BASIS),
                        self.BESLUIT: ("prioriteit", PRIORITEIT)}
        if kolom in vocabulaires:
            veld, vocabulaire = vocabulaires[kolom]
            return lambda r: (vocabulaire.codes.index(getattr(r.maatregel, veld))
                              if getattr(r.maatregel, veld) in vocabulaire else None)
        if kolom in (self.PLAN, self.SCENARIO):
            uitkomst = self.huidige_uitkomst if kolom == self.PLAN else self.scenario_uitkomst

            def sleutel(r):
                u = uitkomst(r)
                if u is None:
                    return None
                return (0, u.periode.van, u.periode.tot) if u.periode is not None else (1, u.soort)
            return sleutel
        return lambda r: normaliseer(self.tekst(r, kolom)) or None

    def _gesorteerd(self, rijen: Sequence[Rangregel]) -> Sequence[Rangregel]:
        if self._sortering is None or self._sortering == (self.RANG, Qt.SortOrder.AscendingOrder):
            return rijen  # already in rank order
        kolom, volgorde = self._sortering
        sleutel = self._sleutel(kolom)
        paren = [(sleutel(r), r) for r in rijen]  # ties keep the rank order (a stable sort)
        gevuld = sorted((p for p in paren if p[0] is not None), key=lambda p: p[0],
                        reverse=volgorde == Qt.SortOrder.DescendingOrder)
        return [r for _, r in gevuld] + [r for k, r in paren if k is None]

    def sort(self, kolom: int, volgorde: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= kolom < len(self._koppen):
            return
        self.layoutAboutToBeChanged.emit()
        oud = self.persistentIndexList()
        oude_rijen = [self._rijen[i.row()] if 0 <= i.row() < len(self._rijen) else None for i in oud]
        self._sortering = (kolom, volgorde)
        self._rijen = self._gesorteerd(sorted(self._rijen, key=lambda r: r.rang))
        self._positie = {}
        self._teksten = {}
        positie = {id(r): n for n, r in enumerate(self._rijen)}
        self.changePersistentIndexList(oud, [self.index(positie[id(r)], i.column()) if r is not None
                                             else QModelIndex() for i, r in zip(oud, oude_rijen)])
        self.layoutChanged.emit()

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._koppen)

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if richting == Qt.Orientation.Horizontal and 0 <= sectie < len(self._koppen):
            if rol == Qt.ItemDataRole.DisplayRole:
                return self._koppen[sectie]
            if rol == Qt.ItemDataRole.ToolTipRole and sectie == self.SCORE:
                return self.tr("Effect (hoog 3, midden 2, laag 1) × gewicht van de onderbouwing (effectonderzoek 1,0, "
                               "pilot 0,8, beleidstheorie 0,5, geen 0,3) ÷ IV-weken (minstens 1)")
            if rol == Qt.ItemDataRole.ToolTipRole and sectie == self.BESLUIT:
                return BESLUITUITLEG
            if rol == Qt.ItemDataRole.ToolTipRole and sectie == self.RANG_KETEN:
                return self.tr("De plaats binnen de eigen IV-keten in de volgorde van het inpassen: eerst besluit Nu, "
                               "dan zonder besluit, dan Later, elk op rang; Niet doet niet mee")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _KIESBAAR if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol not in _RANGROLLEN:
            return None  # the roles asked for on every repaint that this model leaves to the view come back first
        nummer = index.row()
        if not 0 <= nummer < len(self._rijen) or not index.isValid():
            return None
        r, kolom = self._rijen[nummer], index.column()
        if rol == Qt.ItemDataRole.DisplayRole:
            teksten = self._teksten.get(nummer)
            if teksten is None:
                teksten = self._teksten[nummer] = tuple(self.tekst(r, k) for k in range(len(self._koppen)))
            return teksten[kolom] if 0 <= kolom < len(teksten) else None
        if rol == Qt.ItemDataRole.ToolTipRole:
            tekst = self._tooltip(r, kolom)
            return als_tooltip(tekst) if tekst else None  # names and reasons as typed: no markup
        if rol == Qt.ItemDataRole.BackgroundRole:
            verschuiving = self.verschuiving(r)
            return self._kleuren.get(verschuiving.richting) if verschuiving is not None else None
        if rol == Qt.ItemDataRole.TextAlignmentRole and kolom in (self.RANG, self.RANG_KETEN, self.WEKEN, self.SCORE):
            return _RECHTS
        if rol == Qt.ItemDataRole.FontRole and kolom == self.SCORE and r.score.waarde is None:
            return self._schuin
        if rol == self.RIJ_ROL:
            return r
        return None


# --- capacity -------------------------------------------------------------------------------------------------------

class CapaciteitModel(Rijenmodel):
    """IV capacity per chain and period after the fit; the capacity cell is edited in place (into the scenario).

    A row is (the scenario's slot or None, the register's slot or None); without a scenario both are the register's.
    """

    KETEN, PERIODE, CAPACITEIT, HUIDIG_, GEBRUIKT, VRIJ, MAATREGELEN = range(7)
    GETALKOLOMMEN = frozenset({CAPACITEIT, HUIDIG_, GEBRUIKT, VRIJ, MAATREGELEN})

    def __init__(self, parent=None):
        super().__init__(parent)
        # Called with (row, typed text) when the user edits a capacity; True when it was taken (into the scenario).
        self.bewerker: Callable[[tuple, str], bool] | None = None
        self._rood = QColor("#b3261e")
        self._gewijzigd = QColor(RICHTINGEN["verschoven"][1])
        self._schuin = QFont()
        self._schuin.setItalic(True)

    def kolommen(self):
        def vak(r: tuple) -> Capaciteitsvak:
            return r[0] or r[1]

        def van_scenario(tekst: Callable[[Capaciteitsvak], str]) -> Callable[[tuple], str]:
            return lambda r: tekst(r[0]) if r[0] is not None else ""

        return [
            (self.tr("Keten"), lambda r: vak(r).keten, None),
            (self.tr("Periode"), lambda r: vak(r).periode.tekst, None),
            (self.tr("Capaciteit"), lambda r: getal(r[0].capaciteit) if r[0] is not None else self.tr("(verwijderd)"),
             None),
            (self.tr("Nu"), lambda r: getal(r[1].capaciteit) if r[1] is not None else self.tr("(nieuw)"), None),
            (self.tr("Gebruikt"), van_scenario(lambda v: getal(v.gebruikt)), None),
            (self.tr("Vrij"), van_scenario(lambda v: getal(v.vrij)), None),
            (self.tr("Aantal"), van_scenario(lambda v: str(len(v.maatregelen))), None),
        ]

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol == Qt.ItemDataRole.ToolTipRole and richting == Qt.Orientation.Horizontal:
            return {self.CAPACITEIT: self.tr("IV-weken beschikbaar (F2 of dubbelklik om te wijzigen: dat gaat in "
                                             "het scenario)"),
                    self.HUIDIG_: self.tr("De capaciteit zoals die in het register staat"),
                    self.GEBRUIKT: self.tr("IV-weken van de maatregelen die erin passen"),
                    self.MAATREGELEN: self.tr("Aantal maatregelen dat in deze periode gepland is")}.get(sectie)
        return super().headerData(sectie, richting, rol)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        vlaggen = super().flags(index)
        r = self.rij_van(index)
        if r is not None and index.column() == self.CAPACITEIT and r[0] is not None:
            return vlaggen | Qt.ItemFlag.ItemIsEditable
        return vlaggen

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol not in _CAPACITEITROLLEN:
            return None
        r, kolom = self.rij_van(index), index.column()
        if r is None:
            return None
        vak = r[0]
        if rol == Qt.ItemDataRole.EditRole:  # the number as it is typed back (no thousands separator)
            return weken_als_tekst(vak.capaciteit) if kolom == self.CAPACITEIT and vak is not None else None
        if rol == Qt.ItemDataRole.ToolTipRole and kolom == self.MAATREGELEN and vak is not None and vak.maatregelen:
            return als_tooltip(", ".join(vak.maatregelen))
        if rol == Qt.ItemDataRole.ForegroundRole:
            return self._rood if kolom == self.VRIJ and vak is not None and vak.vrij < 0 else None
        if rol == Qt.ItemDataRole.BackgroundRole:
            return self._gewijzigd if kolom == self.CAPACITEIT and self._verschilt(r) else None
        if rol == Qt.ItemDataRole.FontRole:
            return self._schuin if vak is None else None
        return super().data(index, rol)

    @staticmethod
    def _verschilt(r: tuple) -> bool:
        vak, huidig = r
        return (vak is None) != (huidig is None) or (vak is not None and vak.capaciteit != huidig.capaciteit)

    def setData(self, index: _Index, waarde, rol: int = Qt.ItemDataRole.EditRole) -> bool:
        r = self.rij_van(index)
        if rol != Qt.ItemDataRole.EditRole or r is None or index.column() != self.CAPACITEIT or r[0] is None \
                or self.bewerker is None:
            return False
        return self.bewerker(r, str(waarde if waarde is not None else ""))


# --- the lists below the ranking --------------------------------------------------------------------------------------

#: How many planned codes a cell of the plan list shows; the rest is counted ("… +240"), all are in its tooltip.
#: Wider than any screen, yet the view need not lay out (and elide) a line of thousands of characters per slot on
#: every repaint of a scenario change.
GEPLAND_IN_CEL = 30


def geplande_codes(vak: Capaciteitsvak) -> str:
    """The codes planned in a slot as a cell shows them: the first GEPLAND_IN_CEL, then how many more."""
    codes = vak.maatregelen
    if len(codes) <= GEPLAND_IN_CEL:
        return ", ".join(codes)
    return f"{', '.join(codes[:GEPLAND_IN_CEL])}, … +{len(codes) - GEPLAND_IN_CEL}"


class PlanModel(Rijenmodel):
    """The plan per chain and period: each slot's capacity, what is used, and the codes planned there."""

    GETALKOLOMMEN = frozenset({2, 3, 4})
    GEPLAND = 5

    def kolommen(self):
        return [
            (self.tr("Keten"), lambda v: v.keten, None),
            (self.tr("Periode"), lambda v: v.periode.tekst, lambda v: (v.periode.van, v.periode.tot)),
            (self.tr("Capaciteit"), lambda v: getal(v.capaciteit), lambda v: v.capaciteit),
            (self.tr("Gebruikt"), lambda v: getal(v.gebruikt), lambda v: v.gebruikt),
            (self.tr("Vrij"), lambda v: getal(v.vrij), lambda v: v.vrij),
            (self.tr("Gepland"), geplande_codes, lambda v: len(v.maatregelen)),
        ]

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol == Qt.ItemDataRole.ToolTipRole and index.column() == self.GEPLAND:
            vak: Capaciteitsvak | None = self.rij_van(index)
            return als_tooltip(", ".join(vak.maatregelen)) if vak is not None and vak.maatregelen else None
        return super().data(index, rol)


class UitkomstenModel(Rijenmodel):
    """Measures with their outcome and its reason, in rank order: rows are (Rangregel, Uitkomst)."""

    GETALKOLOMMEN = frozenset({0, 4})

    def kolommen(self):
        return [
            (self.tr("Rang"), lambda r: str(r[0].rang), lambda r: r[0].rang),
            (self.tr("Code"), lambda r: r[0].maatregel.code, lambda r: natuurlijke_sleutel(r[0].maatregel.code)),
            (self.tr("Naam"), lambda r: r[0].maatregel.naam, None),
            (self.tr("IV-keten"), lambda r: r[1].keten or r[0].maatregel.iv_keten or "", None),
            (self.tr("IV-weken"), lambda r: wekenbron(r[0].maatregel), lambda r: r[0].maatregel.weken or 0),
            (self.tr("Uitkomst"), lambda r: r[1].kort(), None),
            (self.tr("Reden"), lambda r: r[1].reden, None),
        ]


class KringlopenModel(Rijenmodel):
    """Dependency cycles: rows are tuples of codes."""

    def kolommen(self):
        return [
            (self.tr("Kringloop"), kringlooptekst, lambda k: tuple(natuurlijke_sleutel(c) for c in k)),
            (self.tr("Maatregelen"), lambda k: str(len(k)), lambda k: len(k)),
        ]


class VerschuivingenModel(Rijenmodel):
    """What moves between the current plan and the scenario."""

    def kolommen(self):
        return [
            (self.tr("Code"), lambda v: v.code, lambda v: natuurlijke_sleutel(v.code)),
            (self.tr("Naam"), lambda v: v.naam, None),
            (self.tr("Verschuiving"), lambda v: RICHTINGEN.get(v.richting, (v.richting, ""))[0], None),
            (self.tr("Nu"), lambda v: v.huidig.kort(), None),
            (self.tr("Scenario"), lambda v: v.scenario.kort(), None),
            (self.tr("Toelichting"), lambda v: v.scenario.reden, None),
        ]

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol == Qt.ItemDataRole.BackgroundRole:
            v: Verschuiving | None = self.rij_van(index)
            return QColor(RICHTINGEN[v.richting][1]) if v is not None and v.richting in RICHTINGEN else None
        return super().data(index, rol)


class MaatregelbesluitenModel(Rijenmodel):
    """The decisions recorded on single measures: a priority (nu, later, niet) and a hand-set rank, each a row
    (measure, "prioriteit" or "rang") with its motivation, date and who."""

    def kolommen(self):
        def besluit(r: tuple[Prioinvoer, str]) -> str:
            m, soort = r
            return (PRIORITEIT.label(m.prioriteit) or m.prioriteit) if soort == "prioriteit" \
                else self.tr("Rang %d") % m.rang_handmatig

        def veld(naam: str) -> Callable[[tuple[Prioinvoer, str]], object]:
            return lambda r: getattr(r[0], f"{r[1]}_{naam}")

        motivatie, datum, door = veld("motivatie"), veld("datum"), veld("door")
        return [
            (self.tr("Code"), lambda r: r[0].code, lambda r: natuurlijke_sleutel(r[0].code)),
            (self.tr("Naam"), lambda r: r[0].naam, None),
            (self.tr("Besluit"), besluit, lambda r: (r[1], PRIORITEIT.codes.index(r[0].prioriteit)
                                                     if r[1] == "prioriteit" and r[0].prioriteit in PRIORITEIT
                                                     else r[0].rang_handmatig or 0)),
            (self.tr("Motivatie"), lambda r: motivatie(r) or "", None),
            (self.tr("Datum"), lambda r: datumtekst(datum(r)), lambda r: datum(r)),
            (self.tr("Door"), lambda r: door(r) or "", None),
        ]

    @staticmethod
    def rijen_uit(maatregelen) -> list[tuple[Prioinvoer, str]]:
        """The decisions of `maatregelen`, newest first (undated ones last)."""
        rijen = [(m, "prioriteit") for m in maatregelen if m.prioriteit] \
            + [(m, "rang") for m in maatregelen if m.rang_handmatig is not None]
        return sorted(rijen, key=lambda r: (getattr(r[0], f"{r[1]}_datum") or date.min,
                                            natuurlijke_sleutel(r[0].code)), reverse=True)


class BesluitenModel(Rijenmodel):
    """Saved scenarios (prioritering decisions), newest first."""

    def kolommen(self):
        return [
            (self.tr("Datum"), lambda b: datumtekst(b.datum), lambda b: (b.datum, b.geregistreerd_op)),
            (self.tr("Besloten door"), lambda b: b.besloten_door, None),
            (self.tr("Motivatie"), lambda b: b.motivatie.splitlines()[0] if b.motivatie else "", None),
            (self.tr("Wijzigingen"), lambda b: str(len(b.wijzigingen)), lambda b: len(b.wijzigingen)),
            (self.tr("Gevolgen"), lambda b: str(len(b.gevolgen)), lambda b: len(b.gevolgen)),
        ]


def besluit_tekst(b: BesluitRij) -> str:
    """A decision in full, for the text box beside the list."""
    delen = [f"{datumtekst(b.datum)} — {b.besloten_door}", "", b.motivatie]
    if b.wijzigingen:
        delen += ["", "Wijzigingen:", *(f"• {r}" for r in b.wijzigingen)]
    if b.gevolgen:
        delen += ["", "Gevolgen:", *(f"• {r}" for r in b.gevolgen)]
    return "\n".join(delen)
