"""The register's closed vocabularies (brief §2): one list each, used by GUI, PDF, Excel, JSON and import alike."""

from dataclasses import dataclass

from registry.fouten import ValidatieFout
from registry.tekst import normaliseer


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    symbool: str = ""
    synoniemen: tuple[str, ...] = ()


class Vocabulaire:
    """An ordered list of terms that also resolves the other spellings an import or a filter may use."""

    def __init__(self, naam: str, termen: list[Term]):
        self.naam = naam
        self.termen = tuple(termen)
        self._per_code = {t.code: t for t in termen}
        self._zoek: dict[str, str] = {}
        for t in termen:
            for vorm in (t.code, t.label, t.symbool, *t.synoniemen):
                if vorm:
                    self._zoek.setdefault(normaliseer(vorm).replace("_", " ").strip(), t.code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._per_code)

    def __contains__(self, code: object) -> bool:
        return code in self._per_code

    def __getitem__(self, code: str) -> Term:
        return self._per_code[code]

    def label(self, code: str | None) -> str:
        return self._per_code[code].label if code in self._per_code else ""

    def herken(self, tekst: str | None) -> str | None:
        """The code for a code, label, symbol or synonym; None when the text is not one of them."""
        if tekst is None:
            return None
        return self._zoek.get(normaliseer(str(tekst)).replace("_", " ").strip())

    def code(self, tekst: str, veld: str | None = None) -> str:
        """Like herken, but an unknown text is a ValidatieFout listing what is allowed."""
        gevonden = self.herken(tekst)
        if gevonden is None:
            toegestaan = ", ".join(t.code for t in self.termen)
            raise ValidatieFout(f'Onbekende {self.naam}: "{tekst}". Toegestaan: {toegestaan}.', veld or self.naam)
        return gevonden

    def controleer(self, code: str | None, veld: str | None = None, verplicht: bool = False) -> str | None:
        """Accept exactly a code (what use cases receive); None only when not required."""
        if code is None or (isinstance(code, str) and not code.strip()):
            if verplicht:
                raise ValidatieFout(f"{(veld or self.naam).capitalize()} is verplicht.", veld or self.naam)
            return None
        if code not in self._per_code:
            return self.code(code, veld)
        return code


STATUS = Vocabulaire("status", [
    Term("ingevoerd", "Ingevoerd", "✓", ("✔", "gereed", "afgerond", "gerealiseerd")),
    Term("deels", "Deels", "●", ("deels ingevoerd", "gedeeltelijk", "loopt", "in uitvoering")),
    Term("niet", "Niet ingevoerd", "✗", ("✘", "niet aantoonbaar", "niet gestart", "nog niet", "vervallen")),
])

FASE = Vocabulaire("fase", [
    Term("idee", "Idee"),
    Term("beleidsvorming", "Beleidsvorming", synoniemen=("beleidsmatige uitwerking",)),
    Term("voorbereiding", "Voorbereiding"),
    Term("pilot", "Pilot"),
    Term("implementatie", "Implementatie", synoniemen=("implementatiefase",)),
    Term("opschaling", "Opschaling"),
    Term("staand", "Staande praktijk", synoniemen=("staande praktijk", "afgerond")),
    Term("on_hold", "Aangehouden", synoniemen=("aangehouden", "op pauze", "on hold")),
    Term("gestopt", "Gestopt", synoniemen=("beeindigd", "geschrapt", "afgeschreven")),
])

OPVOLGING = Vocabulaire("opvolging", [
    Term("open", "Open"),
    Term("overgenomen", "Overgenomen"),
    Term("deels_opgevolgd", "Deels opgevolgd"),
    Term("opgevolgd", "Opgevolgd"),
    Term("afgewezen", "Afgewezen", synoniemen=("gemotiveerd afgewezen",)),
])

BEWIJSKRACHT = Vocabulaire("bewijskracht", [
    Term("gemeten", "Gemeten effect"),
    Term("samenhang", "Samenhang"),
    Term("perceptie", "Perceptie"),
    Term("onbekend", "Onbekend"),
])

EFFECT_ERVARING = Vocabulaire("effect op ervaring", [
    Term("positief", "Positief"),
    Term("neutraal", "Neutraal"),
    Term("negatief", "Negatief"),
    Term("onbekend", "Onbekend"),
])

IV_BLOKKADE_SOORT = Vocabulaire("soort IV-blokkade", [
    Term("capaciteit", "IV-capaciteit"),
    Term("techniek", "Techniek (pas na modernisering)", synoniemen=("modernisering",)),
    Term("uitvoering", "Uitvoering"),
])

VERTRAGINGSREDEN = Vocabulaire("reden van vertraging", [
    Term("iv_capaciteit", "IV-capaciteit"),
    Term("iv_techniek", "IV-techniek"),
    Term("wetgeving", "Wetgeving"),
    Term("beleidscapaciteit", "Beleidscapaciteit"),
    Term("prioriteit_elders", "Prioriteit elders"),
    Term("keten_partner", "Keten of partner", synoniemen=("keten/partner",)),
    Term("besluitvorming", "Besluitvorming"),
    Term("budget", "Budget"),
    Term("overig", "Overig"),
])

VERWACHT_EFFECT = Vocabulaire("verwacht effect", [
    Term("hoog", "Hoog"),
    Term("midden", "Midden"),
    Term("laag", "Laag"),
    Term("onbekend", "Onbekend"),
])

EFFECT_BASIS = Vocabulaire("basis van het verwachte effect", [
    Term("effectonderzoek", "Effectonderzoek"),
    Term("pilot", "Pilot"),
    Term("beleidstheorie", "Beleidstheorie"),
    Term("geen", "Geen"),
])

# Prioritering (issue 9; recommendation 10 of seed 000, §1.6.2): the score's parts are fixed by the issue.
EFFECTPUNTEN: dict[str | None, int] = {"hoog": 3, "midden": 2, "laag": 1, "onbekend": 1, None: 1}
BEWIJSGEWICHT: dict[str | None, float] = {"effectonderzoek": 1.0, "pilot": 0.8, "beleidstheorie": 0.5, "geen": 0.3,
                                          None: 0.3}

IV_OMVANG = Vocabulaire("omvang IV-inspanning", [
    Term("XS", "XS (1 week)"),
    Term("S", "S (4 weken)"),
    Term("M", "M (12 weken)"),
    Term("L", "L (26 weken)"),
    Term("XL", "XL (52 weken)"),
])
IV_OMVANG_WEKEN: dict[str, float] = {"XS": 1, "S": 4, "M": 12, "L": 26, "XL": 52}

PRIORITEIT = Vocabulaire("prioriteit", [
    Term("nu", "Nu"),
    Term("later", "Later"),
    Term("niet", "Niet"),
])

BRONSOORT = Vocabulaire("soort bron", [
    Term("evaluatie", "Evaluatie"),
    Term("jaarverslag", "Jaarverslag"),
    Term("kamerbrief", "Kamerbrief"),
    Term("onderzoek", "Onderzoek"),
    Term("rapportage", "Rapportage"),
    Term("inspectie", "Inspectie"),
    Term("motie", "Motie"),
    Term("toezegging", "Toezegging"),
    Term("overig", "Overig"),
])

#: The reference data every database holds, also an empty one (brief §2).
DOMEINEN = (
    ("TV", "Terugvorderingen", "Voorkomen en verlagen van (hoge) terugvorderingen"),
    ("IN", "Invordering", "Invorderingsproces doenlijker en menselijker maken"),
    ("NG", "Niet-gebruik", "Terugdringen van niet-gebruik toeslagen"),
    ("DC", "Dienstverlening", "Verbeteringen in dienstverlening en communicatie"),
    ("BU", "Beleid en uitvoering", "Verbeteringen in beleid en uitvoering"),
)
TOESLAGEN = (
    ("HT", "Huurtoeslag"),
    ("ZT", "Zorgtoeslag"),
    ("KOT", "Kinderopvangtoeslag"),
    ("KGB", "Kindgebonden budget"),
)

#: One palette for the table, the charts and the PDF, so that a status looks the same everywhere. Dark enough for text
#: on white (contrast ≥ 4.5:1); the symbol is always shown beside the colour, so colour-blind readers lose nothing.
STATUSKLEUR = {"ingevoerd": "#2e7d32", "deels": "#a15c00", "niet": "#c62828"}

#: One hue per opvolging for the recommendations table, the charts and the PDF, matching STATUSKLEUR where the
#: meaning matches: deels opgevolgd as ● deels, opgevolgd as ✓ ingevoerd, afgewezen as ✗ niet; overgenomen
#: (adopted, not yet done) blue; open (nothing decided yet) a neutral dark grey. All dark enough for text on white
#: (contrast ≥ 4.5:1) and for white text on a bar; the label always says it in words.
OPVOLGINGSKLEUR: dict[str, str] = {"open": "#616161", "overgenomen": "#1565c0", "deels_opgevolgd": STATUSKLEUR["deels"],
                                   "opgevolgd": STATUSKLEUR["ingevoerd"], "afgewezen": STATUSKLEUR["niet"]}
