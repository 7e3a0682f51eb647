"""Makes docs/prioritering.png and docs/prioritering-scenario.png: the Prioritering page on the starter register with
example inputs and capacities.

The source documents give no effort estimates, expected effects or capacities (only the chain Innen en Betalen is
named, seed 000 §1.6.2), so the values below are examples to show the page, not data: they live only in the
temporary database this script makes. Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python docs/prioritering_voorbeeld.py`
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
MAP = Path(__file__).resolve().parent
sys.path.insert(0, str(MAP.parent))

# code: (IV chain, IV-weeks or size class, expected effect, basis)
VOORBEELD = {
    "IN-01": ("Innen en Betalen", 12, "hoog", "beleidstheorie"),
    "IN-02": ("Innen en Betalen", "L", "hoog", "pilot"),
    "IN-04": ("Innen en Betalen", 20, "midden", "beleidstheorie"),
    "IN-05": ("Innen en Betalen", 8, "midden", "pilot"),
    "IN-08": ("Innen en Betalen", 6, "hoog", "effectonderzoek"),
    "IN-10": ("Innen en Betalen", "S", "laag", "beleidstheorie"),
    "IN-11": ("Innen en Betalen", "M", "midden", "geen"),
    "IN-28": ("Innen en Betalen", 10, "midden", "beleidstheorie"),
    "IN-33": ("Innen en Betalen", 4, "laag", "geen"),
    "TV-21": ("Toekennen", 16, "hoog", "pilot"),
    "BU-23": ("Toekennen", "XL", "hoog", "beleidstheorie"),
    "DC-02": ("Portaal", 12, "midden", "beleidstheorie"),
    "DC-03": ("Portaal", "L", "midden", "pilot"),
    "DC-04": ("Portaal", 6, "laag", "effectonderzoek"),
    "DC-11": ("Portaal", "M", "midden", "effectonderzoek"),
}
CAPACITEIT = [("Innen en Betalen", "2027-H1", 40), ("Innen en Betalen", "2027-H2", 30),
              ("Toekennen", "2027-H1", 20), ("Toekennen", "2027-H2", 20),
              ("Portaal", "2027-H1", 24), ("Portaal", "2027-H2", 16)]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    werkmap = Path(tempfile.mkdtemp(prefix="prioritering-voorbeeld-"))
    os.environ["MAATREGELEN_GEGEVENSMAP"] = str(werkmap)
    app = QApplication([])

    from db.openen import open_register
    from registry.maatregel import haal_maatregel, wijzig_maatregel
    from registry.prioritering.besluit import leg_prioriteit_vast
    from registry.prioritering.capaciteit import zet_capaciteit
    from registry.startregister import laad_startregister
    from ui.hoofdvenster import Hoofdvenster
    from ui.instellingen import Instellingen

    register = open_register(pad=werkmap / "register.db", vullen=laad_startregister)  # a new file: the starter register
    with register.werk() as s:
        for code, (keten, inspanning, effect, basis) in VOORBEELD.items():
            velden = {"iv_keten": keten, "verwacht_effect": effect, "effect_basis": basis,
                      "iv_weken" if isinstance(inspanning, int) else "iv_omvang": inspanning}
            wijzig_maatregel(s, code, velden, "voorbeeld", haal_maatregel(s, code).versie)
        # One betalingsregeling before merging debts into it.
        wijzig_maatregel(s, "IN-05", {"afhankelijk_van": ["IN-04"]}, "voorbeeld", haal_maatregel(s, "IN-05").versie)
        for keten, periode, weken in CAPACITEIT:
            zet_capaciteit(s, keten, periode, weken, "voorbeeld")
        leg_prioriteit_vast(s, "IN-08", "nu", "Betaalpauze heeft bewezen effect en vraagt weinig IV (voorbeeld).",
                            "voorbeeld", haal_maatregel(s, "IN-08").versie)

    venster = Hoofdvenster(register, Instellingen())
    venster.resize(1500, 900)
    venster.show()
    venster.toon_pagina(venster.PRIORITERING)
    pagina = venster.prioritering.pagina
    pagina.zet_keten_filter("Innen en Betalen")
    pagina.selecteer("IN-08")
    for _ in range(5):
        app.processEvents()
    venster.grab().save(str(MAP / "prioritering.png"))

    pagina.zet_capaciteit("Innen en Betalen", "2027-H1", 24)  # a scenario: less capacity in the first half year
    pagina.lijsten.setCurrentIndex(4)  # Verschuivingen
    for _ in range(5):
        app.processEvents()
    venster.grab().save(str(MAP / "prioritering-scenario.png"))
    print(pagina.samenvatting.text())


if __name__ == "__main__":
    main()
