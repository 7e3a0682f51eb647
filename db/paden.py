"""Where the application keeps its files: the default database and the error log, in the user's data directory."""

from pathlib import Path

from platformdirs import user_data_path

APP_NAAM = "Maatregelenregister"


def gegevensmap() -> Path:
    map_ = user_data_path(APP_NAAM, appauthor=False)
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def standaard_database() -> Path:
    return gegevensmap() / "maatregelenregister.db"


def logbestand() -> Path:
    return gegevensmap() / "maatregelenregister.log"
