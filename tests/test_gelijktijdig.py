"""Two users editing the same measure: the second save is refused with a clear message, never an overwrite."""

import threading

import pytest

from db.openen import open_register
from registry.fouten import ConflictFout
from registry.maatregel import haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.status import historie, wijzig_status


def tweede_verbinding(register):
    """A second, independent connection to the same database, as a colleague's copy of the app would have."""
    return open_register(pad=register.pad) if register.is_sqlite else open_register(url=register.url)


@pytest.fixture
def twee_gebruikers(register):
    with register.werk() as s:
        maak_maatregel(s, {"naam": "Vooraf informeren over terugvorderingen", "domein": "TV", "eigenaar": "Team A"},
                       "anna")
    ander = tweede_verbinding(register)
    yield register, ander
    ander.sluit()


def test_tweede_opslag_op_verouderde_versie_wordt_geweigerd_en_overschrijft_niets(twee_gebruikers):
    anna, bert = twee_gebruikers
    with anna.sessie() as s:
        gelezen_door_anna = haal_maatregel(s, "TV-01")
    with bert.sessie() as s:
        gelezen_door_bert = haal_maatregel(s, "TV-01")

    with anna.werk() as s:
        wijzig_maatregel(s, "TV-01", {"eigenaar": "Team Terugvorderingen"}, "anna", gelezen_door_anna.versie)

    with pytest.raises(ConflictFout) as conflict:
        with bert.werk() as s:
            wijzig_maatregel(s, "TV-01", {"eigenaar": "Team Bert", "doel": "Minder terugvorderingen"}, "bert",
                             gelezen_door_bert.versie)
    melding = str(conflict.value)
    assert "iemand anders" in melding and "eigenaar" in melding and "anna" in melding
    assert "Team Terugvorderingen" in melding
    with bert.sessie() as s:
        nu = haal_maatregel(s, "TV-01")
    assert (nu.eigenaar, nu.doel) == ("Team Terugvorderingen", None)
    assert nu.versie == gelezen_door_anna.versie + 1


def test_statuswijziging_op_verouderde_versie_voegt_geen_historie_toe(twee_gebruikers):
    anna, bert = twee_gebruikers
    with bert.sessie() as s:
        versie_bert = haal_maatregel(s, "TV-01").versie
    with anna.werk() as s:
        wijzig_status(s, "TV-01", "deels", "Pilot gestart", "anna", haal_maatregel(s, "TV-01").versie)
    with pytest.raises(ConflictFout):
        with bert.werk() as s:
            wijzig_status(s, "TV-01", "ingevoerd", "Afgerond", "bert", versie_bert)
    with bert.sessie() as s:
        assert [h.nieuw for h in historie(s, "TV-01")] == ["niet", "deels"]
        assert haal_maatregel(s, "TV-01").status == "deels"


def test_gelijktijdige_opslag_precies_een_wint(twee_gebruikers):
    """Both read the same version and save at the same moment: one save lands, the other gets the conflict."""
    anna, bert = twee_gebruikers
    with anna.sessie() as s:
        versie = haal_maatregel(s, "TV-01").versie
    start = threading.Barrier(2)
    uitkomsten: dict[str, str] = {}

    def sla_op(register, naam):
        start.wait()
        try:
            with register.werk() as s:
                wijzig_maatregel(s, "TV-01", {"eigenaar": f"Team {naam}"}, naam, versie)
            uitkomsten[naam] = "opgeslagen"
        except ConflictFout:
            uitkomsten[naam] = "conflict"

    draden = [threading.Thread(target=sla_op, args=(anna, "anna")), threading.Thread(target=sla_op, args=(bert, "bert"))]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)
    assert sorted(uitkomsten.values()) == ["conflict", "opgeslagen"]
    winnaar = next(n for n, u in uitkomsten.items() if u == "opgeslagen")
    with anna.sessie() as s:
        nu = haal_maatregel(s, "TV-01")
    assert nu.eigenaar == f"Team {winnaar}" and nu.versie == versie + 1
