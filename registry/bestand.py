"""Writing a file whole or not at all (brief §7): every export goes through here.

The content goes to a temporary file beside the target, which replaces the target only when everything was written.
A cancelled or failed export therefore never leaves a half file, nor overwrites an earlier good one.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from registry.fouten import RegisterFout

# mkstemp creates files readable by their owner only; an export is meant to be shared like any saved file.
# The umask is read once, at import (in the main thread): setting it is process-wide.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomair_bestand(doel: str | os.PathLike, soort: str = "het bestand") -> Iterator[IO[bytes]]:
    """A binary file to write `doel` through; it takes `doel`'s place only when the with-block ends normally.

    Unusable targets are refused before anything is written, as a RegisterFout naming `soort` ("het PDF-bestand").
    """
    doel = Path(doel)
    map_ = doel.parent
    if doel.is_dir():
        raise RegisterFout(f"Kan {soort} niet schrijven: {doel} is een map; geef een bestandsnaam op.")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=map_)
    except (FileNotFoundError, NotADirectoryError):
        raise RegisterFout(f"Kan {soort} niet schrijven in {map_}: de map bestaat niet.") from None
    except OSError as fout:
        raise RegisterFout(f"Kan {soort} niet schrijven in {map_}: geen schrijfrechten ({fout.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as uit:
            yield uit
        try:
            os.chmod(tijdelijk, doel.stat().st_mode & 0o777 if doel.exists() else 0o666 & ~_UMASK)
            os.replace(tijdelijk, doel)
        except OSError as fout:
            raise RegisterFout(f"Kan {soort} niet schrijven als {doel}: het bestand is in gebruik, is alleen-lezen "
                               f"of er is geen ruimte ({fout.strerror}).") from None
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def schrijf_atomair(doel: str | os.PathLike, inhoud: bytes, soort: str = "het bestand") -> None:
    """Write `inhoud` to `doel` whole or not at all; refusals are a RegisterFout in Dutch."""
    try:
        with atomair_bestand(doel, soort) as uit:
            uit.write(inhoud)
    except OSError as fout:  # e.g. the disk filled up while writing the temporary file
        raise RegisterFout(f"Kan {soort} {doel} niet schrijven: {fout.strerror}.") from None
