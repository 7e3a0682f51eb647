"""The register table: a model over cached plain rows that filters and sorts in Python, not per cell through Qt.

Qt's QSortFilterProxyModel calls `data()` for every cell it filters — about 200 ms per keystroke at 10,000 rows.
Here the rows are loaded once (plain `MaatregelRij` values), a filter is a predicate from `registry.filters`, and each
column's sort key is computed once and reused, so a keystroke or a sort costs a few milliseconds.
"""

from collections.abc import Callable
from datetime import date
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from registry.filters import MaatregelRij, Voorwaarde
from registry.signalen import maanden_voor
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.vocabulaire import FASE, STATUS, STATUSKLEUR

# What a programme manager reads first comes first: where a measure stands, then when and who.
CODE, NAAM, STATUSKOLOM, FASEKOLOM, IV, PLANNING, EIGENAAR, BIJGEWERKT, OUDER, DOMEIN = range(10)
KOPPEN = ("Code", "Naam", "Status", "Fase", "IV", "Huidige planning", "Eigenaar", "Status bijgewerkt",
          "Onderdeel van", "Domein")
CODE_ROL = Qt.ItemDataRole.UserRole + 1  # the measure's code, for views and tests

_ROLLEN = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                     Qt.ItemDataRole.FontRole, CODE_ROL})
#: Roles answered from a row's cached cells: role -> position in the (texts, colours, fonts) tuple.
_CELROLLEN = {Qt.ItemDataRole.DisplayRole: 0, Qt.ItemDataRole.ForegroundRole: 1, Qt.ItemDataRole.FontRole: 2}
_VLAGGEN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_WAARSCHUWING = QBrush(QColor("#b3261e"))
_ONTBREKEND = QBrush(QColor("#6b6b6b"))
_STATUSKLEUR = {status: QBrush(QColor(kleur)) for status, kleur in STATUSKLEUR.items()}


@cache
def _lettertype(vet: bool = False, cursief: bool = False) -> QFont:
    """Made on first use: a QFont needs the application to exist."""
    font = QFont()
    font.setBold(vet)
    font.setItalic(cursief)
    return font


def iv_tekst(r: MaatregelRij) -> str:
    if r.iv_blokkade:
        return "blokkade"
    if r.iv_afhankelijk:
        return "afhankelijk"
    if r.iv_afhankelijk is False:
        return "nee"
    return ""


class RegisterModel(QAbstractTableModel):
    def __init__(self, domeinnamen: dict[str, str],
                 zoekteksten: Callable[[list[int] | None], dict[int, str]] | None = None, parent=None):
        super().__init__(parent)
        self._domeinnamen = domeinnamen  # code -> short name
        # The search texts are the biggest column: fetched when first needed (or just after start), not with the rows.
        self._laad_zoekteksten = zoekteksten
        self._zoektekst: dict[int, str] = {}  # measure id -> normalised code, name and description
        self._alle: list[MaatregelRij] = []
        self._zichtbaar: list[int] = []  # indexes into _alle, in display order
        self._voorwaarde = Voorwaarde([("gearchiveerd", "onwaar", None)])
        self._kolommen: dict[str, list] = {}  # attribute -> its value per row of _alle, for the filter
        self._cellen: dict[int, tuple] = {}  # row of _alle -> (texts, colours) per column, made when first shown
        self._totaal = 0  # active (not archived) measures
        self._sorteer: tuple[int, Qt.SortOrder] | None = None
        self._sleutels: dict[int, list] = {}  # column -> sort key per row of _alle
        self._peildatum = date.today()
        self._oud_na = maanden_voor(self._peildatum, 6)

    # --- loading, filtering, sorting -------------------------------------------------------------------------------

    def laad(self, rijen: list[MaatregelRij]) -> None:
        """All rows of the register (archived ones too; the filter decides what shows)."""
        self.beginResetModel()
        self._alle = list(rijen)
        self._zoektekst.clear()
        self._na_nieuwe_rijen()
        self.endResetModel()

    def _na_nieuwe_rijen(self) -> None:
        self._sleutels.clear()
        self._kolommen.clear()
        self._cellen.clear()
        self._totaal = sum(1 for r in self._alle if not r.gearchiveerd)
        self._zichtbaar = self._gefilterd()

    def vervang(self, rijen: list[MaatregelRij]) -> None:
        """Put fresh rows in place of the same measures (or add them), after a save."""
        positie = {r.id: i for i, r in enumerate(self._alle)}
        self.beginResetModel()
        for r in rijen:
            self._zoektekst.pop(r.id, None)  # its name or description may have changed
            if r.id in positie:
                self._alle[positie[r.id]] = r
            else:
                self._alle.append(r)
        self._alle.sort(key=lambda r: natuurlijke_sleutel(r.code))
        self._na_nieuwe_rijen()
        self.endResetModel()

    def zet_voorwaarde(self, voorwaarde: Voorwaarde) -> None:
        self._voorwaarde = voorwaarde
        self.beginResetModel()
        self._zichtbaar = self._gefilterd()
        self.endResetModel()

    def zet_drempel(self, maanden: int) -> None:
        """Statuses older than this many months are marked (brief §3: status not updated)."""
        self._oud_na = maanden_voor(self._peildatum, maanden)
        self._cellen.clear()
        if self._zichtbaar:
            self.dataChanged.emit(self.index(0, BIJGEWERKT), self.index(len(self._zichtbaar) - 1, BIJGEWERKT))

    def _gefilterd(self) -> list[int]:
        return self._gesorteerd(self._voorwaarde.indices(self._alle, self._kolom))

    def _kolom(self, naam: str) -> list:
        if naam not in self._kolommen:
            if naam == "zoektekst" and self._laad_zoekteksten is not None:
                ontbrekend = [r.id for r in self._alle if r.id not in self._zoektekst]
                if ontbrekend:
                    self._zoektekst.update(self._laad_zoekteksten(
                        None if len(ontbrekend) == len(self._alle) else ontbrekend))
                self._kolommen[naam] = [self._zoektekst.get(r.id, r.zoektekst) for r in self._alle]
            else:
                self._kolommen[naam] = [getattr(r, naam) for r in self._alle]
        return self._kolommen[naam]

    def laad_zoekteksten(self) -> None:
        """Fetch the search texts now (the window does this right after it is first shown)."""
        self._kolom("zoektekst")

    def _gesorteerd(self, indices: list[int]) -> list[int]:
        """`indices` in the chosen order; they come in code order, and the sort is stable, so ties stay in it."""
        if self._sorteer is None:
            return indices
        kolom, volgorde = self._sorteer
        if kolom == CODE and volgorde == Qt.SortOrder.AscendingOrder:
            return sorted(indices)  # _alle is in code order
        if kolom == CODE:
            return sorted(indices, reverse=True)
        sleutels = self._sleutel(kolom)
        gevuld = [i for i in indices if not sleutels[i][0]]
        leeg = [i for i in indices if sleutels[i][0]]
        gevuld.sort(key=lambda i: sleutels[i][1], reverse=volgorde == Qt.SortOrder.DescendingOrder)
        return gevuld + leeg

    def _sleutel(self, kolom: int) -> list:
        if kolom not in self._sleutels:
            self._sleutels[kolom] = [self._sorteerwaarde(r, kolom) for r in self._alle]
        return self._sleutels[kolom]

    def _sorteerwaarde(self, r: MaatregelRij, kolom: int) -> tuple[bool, object]:
        """(empty, value): empty cells go last in either direction; ties keep code order (the sort is stable)."""
        if kolom == NAAM:
            return False, normaliseer(r.naam)
        if kolom == OUDER:
            return r.ouder is None, natuurlijke_sleutel(r.ouder or "")
        if kolom == DOMEIN:
            return False, normaliseer(self._domeinnamen.get(r.domein, r.domein))
        if kolom == STATUSKOLOM:
            return r.status not in STATUS, STATUS.codes.index(r.status) if r.status in STATUS else 0
        if kolom == FASEKOLOM:
            return r.fase not in FASE, FASE.codes.index(r.fase) if r.fase in FASE else 0
        if kolom == IV:
            rang = {"blokkade": 0, "afhankelijk": 1, "nee": 2}.get(iv_tekst(r))
            return rang is None, rang or 0
        if kolom == EIGENAAR:
            return not r.eigenaar, r.eigenaar_zoek
        if kolom == PLANNING:
            return r.planning_huidig is None, r.planning_huidig.tot if r.planning_huidig else date.min
        if kolom == BIJGEWERKT:
            return r.status_datum is None, r.status_datum or date.min
        return False, 0

    def sort(self, kolom: int, volgorde: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= kolom < len(KOPPEN):
            return
        self.layoutAboutToBeChanged.emit()
        oude = self.persistentIndexList()  # the selection and the current row: they move with their rows
        posities = [self._zichtbaar[i.row()] if 0 <= i.row() < len(self._zichtbaar) else None for i in oude]
        self._sorteer = (kolom, volgorde)
        self._zichtbaar = self._gesorteerd(self._zichtbaar)
        if oude:
            nieuwe_rij = {j: rij for rij, j in enumerate(self._zichtbaar)}
            self.changePersistentIndexList(oude, [
                self.index(nieuwe_rij[j], i.column()) if j is not None else QModelIndex()
                for i, j in zip(oude, posities)])
        self.layoutChanged.emit()

    # --- reading -------------------------------------------------------------------------------------------------

    def rij(self, rij: int) -> MaatregelRij:
        return self._alle[self._zichtbaar[rij]]

    def rij_van_code(self, code: str) -> int | None:
        for rij, i in enumerate(self._zichtbaar):
            if self._alle[i].code == code:
                return rij
        return None

    def alle_rijen(self) -> list[MaatregelRij]:
        return list(self._alle)

    def aantal_totaal(self) -> int:
        return self._totaal

    def aantal_alle(self) -> int:
        return len(self._alle)

    def aantal_iv_blokkade(self) -> int:
        return sum(1 for i in self._zichtbaar if self._alle[i].iv_blokkade)

    # --- QAbstractTableModel -------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._zichtbaar)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KOPPEN)

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if richting == Qt.Orientation.Horizontal and 0 <= sectie < len(KOPPEN):
            if rol == Qt.ItemDataRole.DisplayRole:
                return self.tr(KOPPEN[sectie])
            if rol == Qt.ItemDataRole.ToolTipRole and sectie == PLANNING:
                return self.tr("Rood: de huidige planning is verstreken en de maatregel is niet ingevoerd.")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _VLAGGEN if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _cellen_van(self, i: int) -> tuple:
        """Texts, colours and fonts of row `i` of _alle, worked out once and kept until the rows change."""
        cellen = self._cellen.get(i)
        if cellen is None:
            r = self._alle[i]
            kolommen = range(len(KOPPEN))
            cellen = self._cellen[i] = (tuple(self._tekst(r, k) for k in kolommen),
                                        tuple(self._kleur(r, k) for k in kolommen),
                                        tuple(self._lettertype(r, k) for k in kolommen))
        return cellen

    def data(self, index: QModelIndex | QPersistentModelIndex, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol not in _ROLLEN or not index.isValid() or not 0 <= index.row() < len(self._zichtbaar):
            return None
        i = self._zichtbaar[index.row()]
        if rol in _CELROLLEN:
            return self._cellen_van(i)[_CELROLLEN[rol]][index.column()]
        if rol == Qt.ItemDataRole.ToolTipRole:
            return self._uitleg(self._alle[i], index.column())
        return self._alle[i].code  # CODE_ROL

    def _lettertype(self, r: MaatregelRij, kolom: int) -> QFont | None:
        if r.gearchiveerd:
            return _lettertype(cursief=True)
        return _lettertype(vet=True) if kolom == STATUSKOLOM else None

    def _verstreken(self, r: MaatregelRij) -> bool:
        return r.planning_huidig is not None and r.status != "ingevoerd" and r.planning_huidig.tot < self._peildatum

    def _tekst(self, r: MaatregelRij, kolom: int) -> str:
        if kolom == CODE:
            return r.code
        if kolom == NAAM:
            naam = f"↳ {r.naam}" if r.ouder else r.naam
            return f"{naam} (gearchiveerd)" if r.gearchiveerd else naam
        if kolom == OUDER:
            return r.ouder or ""
        if kolom == DOMEIN:
            return self._domeinnamen.get(r.domein, r.domein)
        if kolom == STATUSKOLOM:
            return f"{STATUS[r.status].symbool} {STATUS[r.status].label}" if r.status in STATUS else r.status
        if kolom == FASEKOLOM:
            return FASE.label(r.fase)
        if kolom == IV:
            return iv_tekst(r) + (f" · {r.iv_keten}" if r.iv_keten and (r.iv_blokkade or r.iv_afhankelijk) else "")
        if kolom == EIGENAAR:
            return r.eigenaar or "—"
        if kolom == PLANNING:
            if r.planning_huidig is None:
                return ""
            return ("⚠ " if self._verstreken(r) else "") + r.planning_huidig.nederlands()
        if kolom == BIJGEWERKT:
            return f"{r.status_datum:%d-%m-%Y}" if r.status_datum else ""
        return ""

    def _kleur(self, r: MaatregelRij, kolom: int) -> QBrush | None:
        if kolom == STATUSKOLOM:
            return _STATUSKLEUR.get(r.status)
        if kolom == PLANNING and self._verstreken(r):
            return _WAARSCHUWING
        if kolom == BIJGEWERKT and r.status_datum and r.status_datum < self._oud_na and r.status != "ingevoerd":
            return _WAARSCHUWING
        if kolom == EIGENAAR and not r.eigenaar:
            return _ONTBREKEND
        return None

    def _uitleg(self, r: MaatregelRij, kolom: int) -> str | None:
        if kolom == NAAM:
            return r.naam
        if kolom == PLANNING and r.planning_huidig is not None:
            tekst = f"{r.planning_huidig.nederlands()} (tot en met {r.planning_huidig.tot:%d-%m-%Y})"
            return tekst + (" — verstreken, niet ingevoerd" if self._verstreken(r) else "")
        if kolom == BIJGEWERKT and r.status_datum and r.status_datum < self._oud_na and r.status != "ingevoerd":
            return self.tr("De status is al lang niet bijgewerkt.")
        if kolom == EIGENAAR and not r.eigenaar:
            return self.tr("Geen eigenaar vastgelegd.")
        return None


