"""Consistent copies of an SQLite database with SQLite's backup API (a plain file copy would miss WAL pages)."""

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from registry.fouten import RegisterFout


def maak_backup(bron: Path, doel: Path) -> Path:
    """Copy the database `bron` to `doel` atomically: `doel` is complete or untouched, never half-written."""
    doel = Path(doel)
    if doel.exists() and doel.resolve() == Path(bron).resolve():
        raise RegisterFout("De backup kan niet over de database zelf heen worden geschreven.")
    if not doel.parent.is_dir():
        raise RegisterFout(f"De map {doel.parent} bestaat niet.")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=doel.name + ".", suffix=".tmp", dir=doel.parent)
    except OSError as fout:
        raise RegisterFout(f"Kan niet schrijven in {doel.parent}: {fout.strerror}.") from fout
    os.close(fd)
    try:
        src = sqlite3.connect(f"{Path(bron).resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tijdelijk)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tijdelijk, doel)
    except (sqlite3.Error, OSError) as fout:
        Path(tijdelijk).unlink(missing_ok=True)
        raise RegisterFout(f"De backup naar {doel} is mislukt: {fout}.") from fout
    return doel


def backup_voor_migratie(pad: Path, revisie: str) -> Path:
    """The automatic backup taken before an SQLite file is migrated, kept beside it."""
    stempel = datetime.now().strftime("%Y%m%d-%H%M%S")
    return maak_backup(pad, pad.with_name(f"{pad.name}.voor-migratie-{revisie}-{stempel}.bak"))
