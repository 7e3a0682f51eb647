"""Opening the database at start-up: off the GUI thread, and a refusal still reaches the user as a message."""

import pytest

from registry.fouten import RegisterFout


def test_openen_buiten_de_gui_draad_geeft_een_bruikbaar_register(qtbot, tmp_path, sqlite_sjabloon):
    import shutil

    from db.openen import open_register
    from registry.filters import zoek_maatregelen
    from registry.maatregel import maak_maatregel
    from ui.app import open_met_voortgang

    pad = tmp_path / "r.db"
    shutil.copyfile(sqlite_sjabloon, pad)
    register = open_met_voortgang(lambda: open_register(pad=pad))
    try:
        with register.werk() as s:  # used from the GUI thread after being opened in a worker
            maak_maatregel(s, {"naam": "Na het openen", "domein": "TV"}, "tester")
        with register.sessie() as s:
            assert [r.naam for r in zoek_maatregelen(s)] == ["Na het openen"]
    finally:
        register.sluit()


def test_een_geweigerde_database_komt_als_registerfout_terug(qtbot, tmp_path):
    from db.openen import open_register
    from ui.app import open_met_voortgang

    vreemd = tmp_path / "notities.db"
    vreemd.write_text("geen database\n" * 50)
    with pytest.raises(RegisterFout):
        open_met_voortgang(lambda: open_register(pad=vreemd))
    assert vreemd.read_text() == "geen database\n" * 50
