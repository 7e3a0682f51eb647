"""Exports are written whole or not at all, and readable like any other saved file."""

import os
import stat

import pytest

from registry.bestand import schrijf_atomair
from registry.fouten import RegisterFout


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_een_export_krijgt_gewone_bestandsrechten_en_houdt_die_van_een_bestaand_bestand(tmp_path):
    oud = os.umask(0o022)
    try:
        nieuw = tmp_path / "nieuw.pdf"
        schrijf_atomair(nieuw, b"%PDF-1")
        assert stat.S_IMODE(nieuw.stat().st_mode) == 0o644  # not mkstemp's owner-only 0600
        bestaand = tmp_path / "bestaand.pdf"
        bestaand.write_bytes(b"oud")
        bestaand.chmod(0o664)
        schrijf_atomair(bestaand, b"%PDF-2")
        assert stat.S_IMODE(bestaand.stat().st_mode) == 0o664 and bestaand.read_bytes() == b"%PDF-2"
    finally:
        os.umask(oud)


def test_een_map_als_doel_wordt_geweigerd_zonder_iets_te_schrijven(tmp_path):
    doel = tmp_path / "map"
    doel.mkdir()
    with pytest.raises(RegisterFout, match="is een map"):
        schrijf_atomair(doel, b"x")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "gegevens") == ["map"]
    assert list(doel.iterdir()) == []
