"""The user's settings and the window's remembered state, in an INI file in the user's data directory.

An INI file beside the default database (not the Windows registry) keeps a portable install portable and gives every
test its own settings through MAATREGELEN_GEGEVENSMAP. A server password is never stored: only the URL without it.
"""

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from db.paden import gegevensmap
from registry.filters import Filter
from registry.signalen import Drempels


def standaardmap() -> Path:
    """The documents folder, or the home folder when there is none: where a first import or export looks."""
    documenten = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documenten) if documenten and Path(documenten).is_dir() else Path.home()


class Instellingen:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings(str(gegevensmap() / "instellingen.ini"), QSettings.Format.IniFormat)

    # --- database and user ---------------------------------------------------------------------------------------

    @property
    def database(self) -> str | None:
        """A file path or an SQLAlchemy URL (without password); None: the default file."""
        waarde = self._s.value("database/locatie", "")
        return str(waarde) or None

    @database.setter
    def database(self, waarde: str | None) -> None:
        self._s.setValue("database/locatie", waarde or "")

    @property
    def gebruiker(self) -> str | None:
        waarde = self._s.value("gebruiker/naam", "")
        return str(waarde).strip() or None

    @gebruiker.setter
    def gebruiker(self, naam: str | None) -> None:
        self._s.setValue("gebruiker/naam", (naam or "").strip())

    @property
    def drempels(self) -> Drempels:
        standaard = Drempels()
        return Drempels(
            status_niet_bijgewerkt=self._geheel("signalen/status_niet_bijgewerkt", standaard.status_niet_bijgewerkt),
            aanbeveling_open=self._geheel("signalen/aanbeveling_open", standaard.aanbeveling_open),
        )

    @drempels.setter
    def drempels(self, d: Drempels) -> None:
        self._s.setValue("signalen/status_niet_bijgewerkt", int(d.status_niet_bijgewerkt))
        self._s.setValue("signalen/aanbeveling_open", int(d.aanbeveling_open))

    def _geheel(self, sleutel: str, standaard: int) -> int:
        try:
            waarde = int(self._s.value(sleutel, standaard))
        except (TypeError, ValueError):
            return standaard
        return waarde if 1 <= waarde <= 120 else standaard

    # --- filters and saved views -----------------------------------------------------------------------------

    @property
    def laatste_filter(self) -> Filter:
        return self._filter(self._s.value("venster/filter", ""))

    @laatste_filter.setter
    def laatste_filter(self, f: Filter) -> None:
        self._s.setValue("venster/filter", json.dumps(f.als_dict(), ensure_ascii=False))

    @property
    def weergaven(self) -> dict[str, Filter]:
        """Named, saved filters, by name (sorted)."""
        try:
            ruw = json.loads(str(self._s.value("weergaven/alle", "") or "{}"))
        except ValueError:
            return {}
        if not isinstance(ruw, dict):
            return {}
        return {str(naam): self._filter(f) for naam, f in sorted(ruw.items(), key=lambda x: x[0].casefold())}

    def bewaar_weergave(self, naam: str, f: Filter) -> None:
        alle = {n: w.als_dict() for n, w in self.weergaven.items()}
        alle[naam.strip()] = f.als_dict()
        self._s.setValue("weergaven/alle", json.dumps(alle, ensure_ascii=False))

    def verwijder_weergave(self, naam: str) -> None:
        alle = {n: w.als_dict() for n, w in self.weergaven.items() if n != naam}
        self._s.setValue("weergaven/alle", json.dumps(alle, ensure_ascii=False))

    @staticmethod
    def _filter(waarde) -> Filter:
        try:
            d = json.loads(waarde) if isinstance(waarde, str) and waarde else waarde
        except ValueError:
            return Filter()
        return Filter.uit_dict(d) if isinstance(d, dict) else Filter()

    # --- window state ----------------------------------------------------------------------------------------

    def bytes(self, sleutel: str) -> QByteArray | None:
        waarde = self._s.value(f"venster/{sleutel}")
        return waarde if isinstance(waarde, QByteArray) and not waarde.isEmpty() else None

    def zet_bytes(self, sleutel: str, waarde: QByteArray) -> None:
        self._s.setValue(f"venster/{sleutel}", waarde)

    def waarde(self, sleutel: str, standaard=None):
        return self._s.value(f"venster/{sleutel}", standaard)

    def zet_waarde(self, sleutel: str, waarde) -> None:
        self._s.setValue(f"venster/{sleutel}", waarde)

    def laatste_map(self, sleutel: str) -> Path:
        """The folder of the last import or export under `sleutel`, or else `standaardmap()`."""
        map_ = self.waarde(sleutel, "")
        return Path(str(map_)) if map_ and Path(str(map_)).is_dir() else standaardmap()

    def onthoud_map(self, sleutel: str, pad: Path) -> None:
        """Remember the folder of `pad` (a file just read or written) under `sleutel`, saved at once."""
        self.zet_waarde(sleutel, str(pad.parent))
        self.bewaar()

    def bewaar(self) -> None:
        self._s.sync()
