"""The measures sheet's columns: one list that export-xlsx writes and the importer recognises (brief §2 and §5).

Each column is a field of the JSON contract (its key is also the field name of `import --kolommen`), with the Dutch
header the export writes, the other headers teams use in their own trackers, and the explanation the workbook's
"Toelichting" sheet gives. Composite cells (lists, source references, yes/no) are written and read by the small
functions below, so that what the export writes the import reads back unchanged.
"""

import re
from dataclasses import dataclass

from registry.maatregel import KEUZEVELDEN
from registry.tekst import normaliseer
from registry.vocabulaire import FASE, STATUS, Vocabulaire


@dataclass(frozen=True)
class Kolom:
    veld: str  # the JSON key (brief §5): the field name a --kolommen mapping uses
    kop: str  # the header export-xlsx writes
    soort: str  # how a cell is read: see SOORTEN
    uitleg: str  # what the "Toelichting" sheet says about the column
    synoniemen: tuple[str, ...] = ()  # other headers trackers use for the same thing
    breedte: int = 16  # column width in the export, in characters


#: How each kind of cell is read and written.
SOORTEN = {
    "code": "code <domein>-<nummer>, bijvoorbeeld TV-03",
    "tekst": "vrije tekst",
    "domein": "codeprefix, korte of volledige naam van het domein",
    "toeslagen": "toeslagen (code of naam), gescheiden door komma's",
    "codes": "maatregelcodes, gescheiden door komma's",
    "status": "status: code, label, symbool of een van de woorden uit de lijst",
    "keuze": "een waarde uit de lijst",
    "janee": "ja, nee of onbekend (ook j/n/x/true/false/1/0; leeg is onbekend)",
    "periode": "datum of periode: 31-12-2026, december 2026, Q3 2026, H1 2026, 2027, medio 2026, …",
    "datum": "datum: DD-MM-JJJJ of JJJJ-MM-DD",
    "getal": "aantal weken: een getal van 0 tot 10.000, met decimale komma of punt (bijvoorbeeld 12 of 2,5); leeg is "
             "onbekend",
    "bronnen": "bronnen: per regel de broncode, eventueel gevolgd door een dubbele punt en de vindplaats",
}

MAATREGELKOLOMMEN: tuple[Kolom, ...] = (
    Kolom("code", "Code", "code", "De code van de maatregel. Leeg bij een nieuwe maatregel: het register kiest de "
          "volgende vrije code in het domein.", ("nr", "nummer", "maatregelcode", "id", "kenmerk"), 9),
    Kolom("naam", "Naam", "tekst", "De naam van de maatregel (verplicht).",
          ("maatregel", "naam maatregel", "titel", "onderwerp", "verbetermaatregel", "actie", "actiepunt"), 40),
    Kolom("omschrijving", "Omschrijving", "tekst", "Wat de maatregel inhoudt.",
          ("beschrijving", "toelichting", "inhoud", "toelichting maatregel"), 50),
    Kolom("doel", "Doel", "tekst", "De beoogde output of outcome.",
          ("doelstelling", "beoogd effect", "beoogde output", "beoogde outcome"), 40),
    Kolom("doelgroep", "Doelgroep", "tekst", "Voor wie de maatregel is, waar bekend.", ("voor wie",), 20),
    Kolom("domein", "Domein", "domein", "Het hoofddomein (RPE-thema) (verplicht bij een nieuwe maatregel zonder "
          "code).", ("thema", "rpe thema", "hoofdthema", "hoofddomein"), 22),
    Kolom("domein_secundair", "Secundair domein", "domein", "Een tweede domein, anders dan het hoofddomein.",
          ("tweede domein", "tweede thema", "secundair thema"), 18),
    Kolom("ouder", "Bovenliggende maatregel", "code", "De code van de strategie waar deze maatregel onder valt.",
          ("hoofdmaatregel", "onderdeel van", "ouder"), 12),
    Kolom("eigenaar", "Eigenaar", "tekst", "Het team of de persoon die de maatregel trekt.",
          ("trekker", "verantwoordelijke", "verantwoordelijk", "owner", "team", "uitvoerder"), 22),
    Kolom("partners", "Partners", "tekst", "Betrokken partijen (Belastingdienst, UWV, CJIB, gemeenten, …).",
          ("ketenpartners", "betrokken partijen", "partijen"), 22),
    Kolom("toeslagen", "Toeslagen", "toeslagen", "De toeslagen waar de maatregel over gaat.",
          ("toeslag", "toeslagsoort", "regeling"), 22),
    Kolom("status", "Status", "status", "Ingevoerd, Deels of Niet ingevoerd.", ("stand", "voortgang"), 15),
    Kolom("fase", "Fase", "keuze", "De fase, fijner dan de status.", ("stadium",), 16),
    Kolom("status_afgeleid", "Status afgeleid", "janee", "Ja als de status is afgeleid, niet letterlijk gesteld in "
          "een bron.", ("afgeleid",), 10),
    Kolom("status_brontekst", "Brontekst status", "tekst", "De woorden van de bron over de status.",
          ("toelichting status", "statustoelichting", "brontekst"), 40),
    Kolom("status_datum", "Statusdatum", "datum", "De peildatum van de huidige status.",
          ("datum status", "peildatum"), 12),
    Kolom("iv_afhankelijk", "IV-afhankelijk", "janee", "Hangt de maatregel af van IV?",
          ("iv", "ict", "it", "afhankelijk van iv", "iv nodig", "ict nodig"), 10),
    Kolom("iv_blokkade", "IV-blokkade", "janee", "Wordt de maatregel geblokkeerd door IV?",
          ("geblokkeerd door iv", "ict blokkade", "iv geblokkeerd"), 10),
    Kolom("iv_keten", "IV-keten", "tekst", "De IV-keten of het systeem, bijvoorbeeld Innen en Betalen.",
          ("keten", "systeem"), 18),
    Kolom("iv_blokkade_soort", "Soort IV-blokkade", "keuze", "Capaciteit, techniek (pas na modernisering) of "
          "uitvoering.", ("soort blokkade",), 14),
    Kolom("iv_toelichting", "Toelichting IV", "tekst", "Uitleg bij de IV-afhankelijkheid of -blokkade.",
          ("toelichting iv blokkade",), 30),
    Kolom("iv_verwacht", "Einde IV-blokkade verwacht", "periode", "Wanneer de IV-blokkade naar verwachting opgeheven "
          "is.", ("verwachte datum einde iv blokkade",), 14),
    Kolom("iv_portfolio", "IV-portfolio", "tekst", "De verwijzing naar het IV-portfolio, waar die er is.",
          ("portfolio",), 14),
    Kolom("wetswijziging", "Wetswijziging", "janee", "Is een wetswijziging nodig?",
          ("wetswijziging nodig", "wetgeving nodig"), 10),
    Kolom("data_afhankelijkheid", "Afhankelijkheid van data", "tekst", "Gegevens waar de maatregel van afhangt.",
          ("data", "data afhankelijkheid"), 20),
    Kolom("afhankelijk_van", "Afhankelijk van maatregelen", "codes", "Andere maatregelen waar deze van afhangt.",
          ("afhankelijk van", "afhankelijkheden"), 14),
    Kolom("planning_oorspronkelijk", "Oorspronkelijke planning", "periode", "Het eerste streefmoment; blijft "
          "bewaard bij een nieuwe planning.", ("oorspronkelijke deadline", "planning oorspronkelijk"), 14),
    Kolom("planning_huidig", "Huidige planning", "periode", "Het huidige streefmoment.",
          ("deadline", "planning", "einddatum", "streefdatum", "gereed per", "verwacht gereed", "opleverdatum",
           "datum gereed", "nieuwe planning", "nieuwe deadline"), 14),
    Kolom("vertraging_reden", "Reden vertraging", "keuze", "Waarom de huidige planning later is dan de "
          "oorspronkelijke.", ("oorzaak vertraging", "reden van vertraging"), 16),
    Kolom("vertraging_toelichting", "Toelichting vertraging", "tekst", "Uitleg bij de vertraging.", (), 30),
    Kolom("verwacht_effect", "Verwacht effect", "keuze", "Hoog, midden, laag of onbekend (aanbeveling 10).",
          ("impact", "effect"), 12),
    Kolom("effect_basis", "Basis verwacht effect", "keuze", "Waar de verwachting op rust.",
          ("onderbouwing effect",), 14),
    Kolom("iv_inspanning", "IV-inspanning", "tekst", "De IV-inspanning die de maatregel vraagt.",
          ("iv inzet", "ict inspanning"), 14),
    Kolom("iv_weken", "IV-weken", "getal", "De IV-inspanning in IV-weken op de IV-keten van de maatregel; de "
          "prioritering rekent ermee.", ("iv inspanning weken", "ict weken", "weken iv"), 10),
    Kolom("iv_omvang", "Omvang IV", "keuze", "De IV-inspanning als maat, wanneer het aantal weken niet bekend is: "
          "XS 1, S 4, M 12, L 26, XL 52 weken.", ("iv omvang", "omvang iv inspanning", "t shirt maat"), 12),
    Kolom("personeel_weken", "Personeel (weken)", "getal", "De inzet van personeel in weken.",
          ("personeelsweken", "personeel weken", "personele inzet"), 12),
    Kolom("gearchiveerd", "Gearchiveerd", "janee", "Ja als de maatregel is gearchiveerd.", ("archief",), 10),
    Kolom("bronnen", "Bronnen", "bronnen", "De documenten waar de maatregel in staat, met vindplaats.",
          ("bron",), 30),
)

PER_VELD: dict[str, Kolom] = {k.veld: k for k in MAATREGELKOLOMMEN}

#: The measures sheet's choice fields (soort "status" and "keuze") and the vocabulary whose labels they hold.
KEUZELIJSTEN: dict[str, Vocabulaire] = {"status": STATUS, "fase": FASE, **KEUZEVELDEN}

#: Tracker headers whose meaning depends on what the column holds (the importer looks at the values): `Stand van
#: zaken` is the status when its values are status words and the source's own wording when they are prose;
#: `Gereed` is the status when its values are yes/no and the current planning when they are dates.
DUBBELZINNIG: dict[str, tuple[str, ...]] = {
    "stand van zaken": ("status", "status_brontekst"),
    "gereed": ("status", "planning_huidig"),
}

_LEESTEKENS = re.compile(r"[\s\-_/.:;*()\[\]#?!'\"]+")


def normaliseer_kop(tekst: object) -> str:
    """A header in the form headers are compared in: case, accents, spacing and punctuation ignored."""
    return _LEESTEKENS.sub(" ", normaliseer(str(tekst or ""))).strip()


_HERKENNING: dict[str, str] = {}
for _k in MAATREGELKOLOMMEN:
    for _vorm in (_k.veld, _k.kop, *_k.synoniemen):
        _HERKENNING.setdefault(normaliseer_kop(_vorm), _k.veld)


def herken_kop(tekst: object) -> str | None:
    """The field a header stands for, or None; a header in DUBBELZINNIG returns None (the values decide)."""
    return _HERKENNING.get(normaliseer_kop(tekst))


# --- composite cells ------------------------------------------------------------------------------------------------

JA, NEE, ONBEKEND = "ja", "nee", "onbekend"
_JA = {"ja", "j", "x", "true", "waar", "1", "yes", "y"}
_NEE = {"nee", "n", "false", "onwaar", "0", "no"}


def janee_als_tekst(waarde: bool | None) -> str:
    return ONBEKEND if waarde is None else (JA if waarde else NEE)


def lees_janee(tekst: object) -> bool | None:
    """ja/nee/j/n/x/true/false/1/0 (any case); `onbekend` or empty is None. Anything else raises ValueError."""
    if tekst is None or isinstance(tekst, bool):
        return tekst
    t = normaliseer(str(tekst)).strip()
    if t in ("", ONBEKEND, "?", "-"):
        return None
    if t in _JA:
        return True
    if t in _NEE:
        return False
    raise ValueError(f'"{tekst}" is geen ja, nee of onbekend')


def lijst_als_tekst(waarden) -> str:
    return ", ".join(waarden)


def lees_lijst(tekst: object) -> list[str]:
    """Items separated by commas, semicolons or line breaks, blanks dropped."""
    return [deel.strip() for deel in re.split(r"[,;\n]", str(tekst or "")) if deel.strip()]


def bronnen_als_tekst(bronnen) -> str:
    """One source per line: `CODE: vindplaats`, or just `CODE`. `bronnen`: (bron, vindplaats) pairs."""
    return "\n".join(f"{bron}: {vindplaats}" if vindplaats else bron for bron, vindplaats in bronnen)


def lees_bronnen(tekst: object) -> list[tuple[str, str | None]]:
    """The inverse of bronnen_als_tekst; a line without a colon is a code without vindplaats."""
    paren = []
    for regel in str(tekst or "").splitlines():
        bron, _, vindplaats = regel.partition(":")
        if bron.strip():
            paren.append((bron.strip(), vindplaats.strip() or None))
    return paren
