"""Where the application keeps its files: the default database and the error log, in the user's data directory."""

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAAM = "Maatregelenregister"
#: Overrides the data directory (tests, portable installs).
GEGEVENSMAP_VARIABELE = "MAATREGELEN_GEGEVENSMAP"


def gegevensmap() -> Path:
    eigen = os.environ.get(GEGEVENSMAP_VARIABELE)
    map_ = Path(eigen) if eigen else user_data_path(APP_NAAM, appauthor=False)
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def standaard_database() -> Path:
    return gegevensmap() / "maatregelenregister.db"


def logbestand() -> Path:
    return gegevensmap() / "maatregelenregister.log"
