"""Entry point: `python main.py` opens the GUI; sub-commands run headless (brief §5). Parses, dispatches, exits."""

import argparse
import io
import json
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path

from db.paden import logbestand, standaard_database
from registry.bestand import schrijf_atomair
from registry.fouten import RegisterFout

log = logging.getLogger("maatregelenregister")

URL_VARIABELE = "MAATREGELEN_DATABASE_URL"

# argparse speaks English; these are the messages a user can provoke, in Dutch.
_ARGPARSE_NL = [
    (r"unrecognized arguments: (.*)", r"onbekende opties of waarden: \1"),
    (r"the following arguments are required: (.*)", r"verplicht: \1"),
    (r"argument (\S+): expected one argument", r"optie \1 verwacht een waarde"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"ongeldige keuze \2 voor \1 (kies uit \3)"),
    (r"argument (\S+): ignored explicit argument (.*)", r"optie \1 neemt geen waarde (\2)"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 en \2 kunnen niet samen"),
    (r"ambiguous option: (\S+) could match (.*)", r"optie \1 is dubbelzinnig: \2"),
    (r"argument (\S+): invalid int value: (.*)", r"optie \1 verwacht een geheel getal, niet \2"),
]


class Opdrachtregel(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False  # argparse's own -h speaks English
        super().__init__(*args, **kwargs)
        self._positionals.title = "opdrachten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="deze uitleg tonen en stoppen")

    def format_usage(self):
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self):
        return super().format_help().replace("usage:", "gebruik:", 1)

    def error(self, message):  # noqa: D401 - argparse's hook
        for patroon, vervanging in _ARGPARSE_NL:
            if re.fullmatch(patroon, message):
                message = re.sub(patroon, vervanging, message)
                break
        self.exit(2, f"Fout: {message}\nZie: python main.py --help\n")


def _globale_opties(parser: argparse.ArgumentParser, op_subcommando: bool) -> None:
    """The same options before or after the sub-command; after it, they override only when given."""
    kw = {"default": argparse.SUPPRESS} if op_subcommando else {}
    groep = parser.add_argument_group("database")
    groep.add_argument("--db", metavar="PAD", help="een SQLite-databasebestand", **kw)
    groep.add_argument("--database-url", metavar="URL",
                       help=f"een SQLAlchemy-URL, bijvoorbeeld van PostgreSQL (ook via ${URL_VARIABELE})", **kw)
    groep.add_argument("--leeg", action="store_true",
                       help="een nieuwe database alleen met de referentiegegevens vullen, zonder startregister",
                       **({"default": argparse.SUPPRESS} if op_subcommando else {"default": False}))


def _filteropties(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("filters")
    g.add_argument("--domein", action="append", default=[], metavar="X", help="codeprefix, korte of volledige naam")
    g.add_argument("--status", action="append", default=[], metavar="S", help="ingevoerd, deels of niet")
    g.add_argument("--fase", action="append", default=[], metavar="F")
    g.add_argument("--iv-blokkade", action="store_true", help="alleen maatregelen met een IV-blokkade")
    g.add_argument("--iv-afhankelijk", action="store_true", help="alleen IV-afhankelijke maatregelen")
    g.add_argument("--iv-keten", metavar="X")
    g.add_argument("--toeslag", action="append", default=[], metavar="X", help="code of naam")
    g.add_argument("--eigenaar", metavar="X")
    g.add_argument("--zoek", metavar="TEKST", help="in code, naam en omschrijving")
    g.add_argument("--planning-verstreken", action="store_true",
                   help="alleen maatregelen waarvan de huidige planning verstreken is en die niet ingevoerd zijn")
    g.add_argument("--met-gearchiveerd", action="store_true", help="ook gearchiveerde maatregelen")


def maak_parser() -> argparse.ArgumentParser:
    parser = Opdrachtregel(prog="python main.py", description="Maatregelenregister Toeslagen. Zonder opdracht "
                           "opent het programma het venster.")
    _globale_opties(parser, op_subcommando=False)
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=Opdrachtregel)

    p = sub.add_parser("export-json", help="het register als JSON")
    p.add_argument("--out", metavar="BESTAND", help="schrijf naar dit bestand in plaats van naar de uitvoer")
    _filteropties(p)
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("export-pdf", help="het PRT-overzicht als PDF")
    p.add_argument("--out", metavar="BESTAND", required=True, help="het PDF-bestand")
    p.add_argument("--periode", metavar="LABEL", help="de rapportageperiode, bijvoorbeeld 2026-H2")
    p.add_argument("--peildatum", metavar="DATUM", help="statussen op deze dag (JJJJ-MM-DD of DD-MM-JJJJ; "
                   "standaard vandaag)")
    p.add_argument("--sinds", metavar="DATUM", help="statuswijzigingen vanaf deze dag (JJJJ-MM-DD of DD-MM-JJJJ; "
                   "standaard de peildatum van het laatst vastgestelde rapport)")
    p.add_argument("--concept", action="store_true", help="met het watermerk CONCEPT")
    p.add_argument("--prioritering", action="store_true",
                   help="met het hoofdstuk Prioritering en IV-capaciteit: het plan per IV-keten en periode, de "
                   "besluiten met hun motivering en wat niet past")
    p.add_argument("--vaststellen", action="store_true",
                   help="dit is het rapport voor de Kamer: de PDF ook in de database bewaren als vastgesteld rapport")
    _filteropties(p)
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("export-xlsx", help="het register als Excel-werkmap")
    p.add_argument("--out", metavar="BESTAND", required=True, help="het .xlsx-bestand")
    _filteropties(p)
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("import", help="maatregelen uit een Excel- of CSV-bestand inlezen (alles of niets)",
                       description="Leest de maatregelen uit een .xlsx- of .csv-bestand: de indeling die export-xlsx "
                       "schrijft, of de eigen indeling van een tracker. Rijen met een bekende code (of, zonder "
                       "codes, een bekende naam binnen het domein) werken die maatregel bij; een lege cel laat de "
                       "waarde staan. Eén ongeldige rij en er wordt niets ingelezen.")
    p._positionals.title = "argumenten"
    p.add_argument("bestand", metavar="BESTAND", help="het .xlsx- of .csv-bestand")
    p.add_argument("--kolommen", metavar="KOPPELING.json",
                   help='JSON-bestand dat kolomkoppen aan velden koppelt, bijvoorbeeld {"Trekker": "eigenaar", '
                   '"Budget": null}; de veldnamen zijn die van export-json')
    p.add_argument("--controleer", action="store_true",
                   help="alleen laten zien wat er zou gebeuren; niets wijzigen")
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("rapporten", help="de vastgestelde rapporten tonen, of er één opslaan",
                       description="Zonder opties: de vastgestelde rapporten, het laatst vastgestelde eerst. Met --id "
                       "en --out: dat rapport precies zoals het is vastgesteld naar een bestand schrijven.")
    p.add_argument("--id", type=int, metavar="NR", help="het nummer van een vastgesteld rapport (zie de lijst)")
    p.add_argument("--out", metavar="BESTAND", help="schrijf het rapport met --id naar dit bestand")
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("backup", help="een consistente kopie van een SQLite-database")
    p.add_argument("--out", metavar="BESTAND", required=True)
    _globale_opties(p, op_subcommando=True)

    p = sub.add_parser("migrate", help="het schema van een serverdatabase bijwerken")
    _globale_opties(p, op_subcommando=True)
    return parser


# --- sub-commands ---------------------------------------------------------------------------------------------------

def _open(args, server_migreren: bool = False):
    """Open the database the options name; a new one gets the starter register unless --leeg."""
    from db.openen import open_register
    from registry.startregister import laad_startregister

    if args.db and args.database_url:
        raise RegisterFout("Geef --db of --database-url, niet allebei.")
    url = args.database_url or (None if args.db else os.environ.get(URL_VARIABELE) or None)
    if url:
        return open_register(url=url, leeg=args.leeg, vullen=laad_startregister, server_migreren=server_migreren)
    return open_register(pad=args.db or standaard_database(), leeg=args.leeg, vullen=laad_startregister)


def _filter(args):
    from registry.filters import Filter

    return Filter(domeinen=tuple(args.domein), statussen=tuple(args.status), fasen=tuple(args.fase),
                  iv_blokkade=args.iv_blokkade, iv_afhankelijk=args.iv_afhankelijk, iv_keten=args.iv_keten,
                  toeslagen=tuple(args.toeslag), eigenaar=args.eigenaar, zoek=args.zoek,
                  planning_verstreken=args.planning_verstreken, met_gearchiveerd=args.met_gearchiveerd)


def _geen_map(pad: str) -> None:
    """Refuse an --out that is a folder before anything is opened: the file would land nowhere the user meant."""
    if Path(pad).is_dir():
        raise RegisterFout(f"{pad} is een map; geef een bestandsnaam op.")


def opdracht_export_json(args) -> int:
    from registry.export_json import register_als_json

    register = _open(args)
    try:
        with register.sessie() as sessie:
            gegevens = register_als_json(sessie, _filter(args))
    finally:
        register.sluit()
    tekst = json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        schrijf_atomair(args.out, tekst.encode("utf-8"))
    else:
        sys.stdout.write(tekst)
    return 0


def opdracht_export_xlsx(args) -> int:
    from registry.rekenblad.export import schrijf_werkmap

    f = _filter(args)
    _geen_map(args.out)
    register = _open(args)
    try:
        with register.sessie() as sessie:
            resultaat = schrijf_werkmap(sessie, args.out, f)
    finally:
        register.sluit()
    for waarschuwing in resultaat.waarschuwingen:
        print(f"Waarschuwing: {waarschuwing}", file=sys.stderr)
    print(f"{args.out} ({resultaat.aantal_maatregelen} maatregelen)")
    return 0


def _koppeling(pad: str | None) -> dict | None:
    """The --kolommen file: a JSON object from column header to field name (or null to skip the column)."""
    if pad is None:
        return None
    try:
        inhoud = json.loads(Path(pad).read_text(encoding="utf-8-sig"))
    except OSError as fout:
        raise RegisterFout(f"--kolommen: kan {pad} niet lezen ({fout.strerror or fout}).") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as fout:
        raise RegisterFout(f"--kolommen: {pad} is geen geldige JSON ({fout}).") from None
    if not isinstance(inhoud, dict) or not all(isinstance(v, str) or v is None for v in inhoud.values()):
        raise RegisterFout(f'--kolommen: {pad} moet één JSON-object zijn van kolomkop naar veldnaam, bijvoorbeeld '
                           '{"Trekker": "eigenaar", "Budget": null}.')
    return inhoud


def opdracht_import(args) -> int:
    from registry.rekenblad.importeren import importeer, lees_import, maak_plan

    # The file is read and checked before the database is opened: a bad file changes nothing.
    bestand = lees_import(args.bestand, _koppeling(args.kolommen))
    register = _open(args)
    try:
        if args.controleer:
            with register.sessie() as sessie:
                plan = maak_plan(sessie, bestand)
        else:
            gebruiker = register.gebruiker()
            with register.werk() as sessie:
                plan = importeer(sessie, bestand, gebruiker).plan
    finally:
        register.sluit()
    for waarschuwing in plan.waarschuwingen:
        print(f"Waarschuwing: {waarschuwing}", file=sys.stderr)
    if args.controleer and not plan.kan_importeren:
        print("\n".join(str(p) for p in plan.problemen), file=sys.stderr)
    telling = (f"{plan.aantal('nieuw')} nieuw, {plan.aantal('wijzigen')} gewijzigd, "
               f"{plan.aantal('ongewijzigd')} ongewijzigd")
    if args.controleer:
        print(f"Controle van {bestand.naam} (blad {plan.blad}): {telling}, {plan.aantal('afgewezen')} afgewezen. "
              "Er is niets gewijzigd.")
        return 0 if plan.kan_importeren else 2
    print(f"Ingelezen uit {bestand.naam} (blad {plan.blad}): {telling}.")
    return 0


def _datum(waarde: str | None, optie: str):
    """A day as YYYY-MM-DD or DD-MM-YYYY; anything else (or a day that does not exist) is refused in Dutch."""
    from datetime import date

    if waarde is None:
        return None
    tekst = waarde.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", tekst):
        jaar, maand, dag = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", tekst):
        dag, maand, jaar = (int(x) for x in m.groups())
    else:
        raise RegisterFout(f"{optie}: \"{waarde}\" is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ, "
                           "bijvoorbeeld 2026-12-31 of 31-12-2026.")
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise RegisterFout(f"{optie}: de datum \"{waarde}\" bestaat niet.") from None


def opdracht_export_pdf(args) -> int:
    from dataclasses import replace
    from datetime import date

    from registry.rapport.gegevens import SECTIES, STANDAARD_SECTIES, Rapportkeuze
    from registry.rapport.pdf import maak_rapport
    from registry.rapport.vaststelling import laatste_vastgestelde_peildatum

    # Everything the user typed is checked before the database is opened or a file is touched.
    if args.vaststellen and args.concept:
        raise RegisterFout("--vaststellen en --concept kunnen niet samen: een concept wordt nooit vastgesteld. Laat "
                           "--concept weg om het rapport voor de Kamer te maken en vast te stellen.")
    keuze = Rapportkeuze(filter=_filter(args), peildatum=_datum(args.peildatum, "--peildatum") or date.today(),
                         periode=args.periode, sinds=_datum(args.sinds, "--sinds"),
                         secties=tuple(s for s in SECTIES if s in STANDAARD_SECTIES
                                       or (s == "prioritering" and args.prioritering)))
    keuze.controleer()
    _geen_map(args.out)
    register = _open(args)
    try:
        with register.sessie() as sessie:
            if keuze.sinds is None:  # the changes since the report before this one
                keuze = replace(keuze, sinds=laatste_vastgestelde_peildatum(sessie, tot=keuze.peildatum))
            if not args.vaststellen:
                resultaat = maak_rapport(sessie, keuze, args.out, concept=args.concept)
            else:
                # In memory first: the bytes written to --out are exactly the bytes stored.
                uit = io.BytesIO()
                resultaat = maak_rapport(sessie, keuze, uit)
        if args.vaststellen:
            schrijf_atomair(args.out, uit.getvalue())
            vastgesteld = _stel_vast(register, uit.getvalue(), resultaat, args.out)
    finally:
        register.sluit()
    print(f"{args.out} ({resultaat.paginas} pagina's)")
    if args.vaststellen:
        print(f"Vastgesteld als rapport {vastgesteld.id} (peildatum {vastgesteld.peildatum:%d-%m-%Y}).")
    return 0


class _NietVastgesteld(Exception):
    """Storing failed unexpectedly after the file was written: exit 1, without claiming that nothing changed."""


def _stel_vast(register, pdf: bytes, resultaat, out: str):
    """Store the written report as vastgesteld; a failure says the file exists but is not vastgesteld."""
    from registry.rapport.vaststelling import stel_vast

    niet = f"Het rapport is geschreven naar {out}, maar is niet vastgesteld"
    try:
        gebruiker = register.gebruiker()
        with register.werk() as sessie:
            return stel_vast(sessie, pdf, resultaat, gebruiker=gebruiker, bestandsnaam=Path(out).name)
    except RegisterFout as fout:
        raise RegisterFout(f"{niet}: {fout.melding}") from fout
    except Exception as fout:
        log.exception("Vaststellen van %s mislukt", out)
        raise _NietVastgesteld(f"{niet}: er ging iets onverwachts mis.") from fout


def opdracht_rapporten(args) -> int:
    from registry.rapport.vaststelling import pdf_van, vastgestelde_rapporten

    if (args.id is None) != (args.out is None):
        raise RegisterFout("Geef --id en --out samen om een vastgesteld rapport op te slaan, of geen van beide voor "
                           "de lijst.")
    if args.out is not None:
        _geen_map(args.out)
    register = _open(args)
    try:
        with register.sessie() as sessie:
            if args.id is not None:
                pdf = pdf_van(sessie, args.id)
            else:
                rapporten = vastgestelde_rapporten(sessie)
    finally:
        register.sluit()
    if args.id is not None:
        schrijf_atomair(args.out, pdf)
        grootte = f"{len(pdf):,}".replace(",", ".")
        print(f"Rapport {args.id} geschreven naar {args.out} ({grootte} bytes)")
        return 0
    if not rapporten:
        print("Er zijn nog geen vastgestelde rapporten. Stel er een vast met: "
              "python main.py export-pdf --out BESTAND --vaststellen")
        return 0
    print(_rapportenlijst(rapporten))
    return 0


def _rapportenlijst(rapporten) -> str:
    """One line per report, in aligned columns (id, periode, peildatum, selectie, aantal, vastgesteld op, door)."""
    from registry.wijzigingslog import lokale_tijd

    koppen = ("Nr", "Periode", "Peildatum", "Selectie", "Maatregelen", "Vastgesteld op", "Door")
    regels = [(str(r.id), r.periode or "—", f"{r.peildatum:%d-%m-%Y}", r.filter_omschrijving,
               str(r.aantal_maatregelen), f"{lokale_tijd(r.vastgesteld_op):%d-%m-%Y %H:%M}", r.vastgesteld_door)
              for r in rapporten]
    breedtes = [max(len(k), *(len(r[i]) for r in regels)) for i, k in enumerate(koppen)]
    rechts = {0, 4}  # numbers align right

    def regel(waarden) -> str:
        return "  ".join(w.rjust(b) if i in rechts else w.ljust(b)
                         for i, (w, b) in enumerate(zip(waarden, breedtes))).rstrip()

    return "\n".join([regel(koppen), *(regel(r) for r in regels)])


def opdracht_backup(args) -> int:
    from db.backup import maak_backup

    register = _open(args)
    try:
        if not register.is_sqlite:
            raise RegisterFout("backup maakt alleen kopieën van SQLite-bestanden. Maak van een serverdatabase een "
                               "backup met de middelen van de server zelf, bijvoorbeeld pg_dump.")
        doel = maak_backup(register.pad, Path(args.out))
    finally:
        register.sluit()
    print(f"Backup gemaakt: {doel}", file=sys.stderr)
    return 0


def opdracht_migrate(args) -> int:
    register = _open(args, server_migreren=True)
    try:
        if register.backup:
            print(f"Database bijgewerkt; backup vooraf: {register.backup}", file=sys.stderr)
        else:
            print(f"Het schema van {register.omschrijving} is actueel.", file=sys.stderr)
    finally:
        register.sluit()
    return 0


OPDRACHTEN = {"export-json": opdracht_export_json, "export-pdf": opdracht_export_pdf, "export-xlsx": opdracht_export_xlsx,
              "import": opdracht_import, "rapporten": opdracht_rapporten, "backup": opdracht_backup,
              "migrate": opdracht_migrate}


# --- logging and the top-level error policy -------------------------------------------------------------------------

def configureer_logboek() -> Path:
    """Unexpected errors go, with their traceback, to a rotating log file in the user's data directory."""
    pad = logbestand()
    handler = logging.handlers.RotatingFileHandler(pad, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    wortel = logging.getLogger()
    wortel.addHandler(handler)
    wortel.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its plug-in chatter would bury what matters
    return pad


def main(argv: list[str] | None = None) -> int:
    for stroom in (sys.stdout, sys.stderr):
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(encoding="utf-8")
    try:
        args = maak_parser().parse_args(argv)
    except SystemExit as einde:  # bad arguments (2, message already printed) or --help (0)
        return einde.code if isinstance(einde.code, int) else 2
    try:
        pad = configureer_logboek()
    except OSError as fout:
        print(f"Kan het logbestand niet openen ({fout}); het programma gaat door zonder logbestand.", file=sys.stderr)
        pad = None
    try:
        if args.opdracht is None:
            from ui.app import start

            # Named on the command line or in the environment: that database; otherwise the one in the settings.
            expliciet = args.db or args.database_url or os.environ.get(URL_VARIABELE) or args.leeg
            return start((lambda: _open(args)) if expliciet else None, pad)
        return OPDRACHTEN[args.opdracht](args)
    except RegisterFout as fout:
        log.info("Geweigerd (%s): %s", args.opdracht or "gui", fout.melding)
        print(fout.melding, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except _NietVastgesteld as fout:
        waar = f" De details staan in {pad}." if pad else ""
        print(f"{fout}{waar}", file=sys.stderr)
        return 1
    except Exception:
        log.exception("Onverwachte fout bij %s", args.opdracht or "gui")
        waar = f" De details staan in {pad}." if pad else ""
        print(f"Er ging iets onverwachts mis; er is niets gewijzigd.{waar}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
