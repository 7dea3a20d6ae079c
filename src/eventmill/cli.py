"""The `eventmill` command: a thin face over the library. Errors are one line, never a
traceback; exit status 0 when every input was coded, 1 when some were rejected, 3 when
all were."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventmill import __version__
from eventmill.errors import EventmillError
from eventmill.schema import Rejection

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from news text: who did what to whom, when and where.",
)
kb_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base.")
app.add_typer(kb_app, name="kb")

# soft_wrap: a message is one line however long its path; rich would otherwise fold it at
# the terminal width (80 columns when stderr is a pipe or a file)
err = Console(stderr=True, highlight=False, soft_wrap=True)
FORMATS = ("table", "jsonl", "csv")


def _fail(message: str, code: int = 2) -> None:
    err.print(Text(f"eventmill: error: {message}"))
    raise typer.Exit(code)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}")
    return None


def _report_rejection(r: Rejection) -> None:
    # one line per rejected input, even for a file name with a line break in it
    line = r.line().replace("\r", "\\r").replace("\n", "\\n")
    err.print(Text(f"eventmill: skipped {line}"))


def _exit_status(read: int, rejected: int) -> int:
    if rejected == 0:
        return 0
    return 3 if rejected >= read else 1


@app.command()
def code(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .html, .jsonl), folders, or - for standard input."),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    include_all: Annotated[
        bool, typer.Option("--all", help="Also print negated, hypothetical and future events.")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that give none.")
    ] = None,
    explain: Annotated[
        bool, typer.Option(help="Show for each event the rules that chose it.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Code news articles into events."""
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    pub = _parse_date(published, "--published")
    from eventmill.coding.coder import Coder
    from eventmill.output import CsvWriter, table_rows, write_jsonl
    from eventmill.pipeline import RunSummary, run

    try:
        coder = Coder()
    except EventmillError as exc:
        _fail(str(exc))
    except RuntimeError as exc:
        _fail(str(exc))
    summary = RunSummary()
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        csv_writer = CsvWriter(stream) if fmt == "csv" else None
        rows = []
        unplaced = []
        for coded in run(
            inputs, coder=coder, published=pub, on_reject=_report_rejection, summary=summary
        ):
            events = [e for e in coded.events if include_all or e.factuality == "asserted"]
            if fmt == "jsonl":
                write_jsonl(events, stream, explain=explain)
            elif csv_writer is not None:
                csv_writer.write(events)
            else:
                rows.extend((table_rows(e), e) for e in events)
                unplaced.extend((coded.document.doc_id, u) for u in coded.unplaced)
            stream.flush()
        if fmt == "table":
            _print_table(rows, explain, stream)
            if explain and unplaced:
                _print_unplaced(unplaced, stream)
    finally:
        if output:
            stream.close()
    err.print(Text(f"eventmill: {summary.line()}"))
    raise typer.Exit(_exit_status(summary.read, len(summary.rejected)))


def _print_unplaced(unplaced, stream) -> None:
    """--explain: the acts the lexicon found that no dyad could be coded for, so a user
    sees what was left out and why."""
    console = Console(file=stream, highlight=False, width=max(120, Console().width))
    table = Table(title="acts found but not coded (no doer or no one acted upon)")
    for col in ("doc", "type", "factuality", "trigger", "sentence"):
        table.add_column(col, overflow="fold")
    for doc_id, u in unplaced:
        table.add_row(*[Text(str(c)) for c in (doc_id, u.type, u.factuality, u.evidence.trigger,
                                               u.evidence.text)])
    console.print(table)


def _print_table(rows, explain: bool, stream) -> None:
    console = Console(file=stream, highlight=False, width=max(120, Console().width))
    if not rows:
        console.print("no events found")
        return
    table = Table(show_lines=explain)
    for col in ("doc", "event", "source", "target", "date", "place", "quantity", "trigger"):
        table.add_column(col, overflow="fold")
    for cells, event in rows:
        table.add_row(*[Text(str(c)) for c in cells])
        if explain:
            table.add_row(
                Text(""),
                Text(
                    f"evidence [{event.evidence.start}:{event.evidence.end}]: {event.evidence.text}"
                ),
                Text(event.rule),
                Text(f"confidence {event.confidence:.2f}"),
                *[Text("")] * 4,
            )
    console.print(table)


@app.command("eval")
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold files (.json or .jsonl), as in GOLD_FORMAT.md.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every missed and spurious event.")
    ] = False,
    ignore_published: Annotated[
        bool, typer.Option(help="Code as if the gold documents had no publication date.")
    ] = False,
) -> None:
    """Score the coder against gold annotations: precision, recall, F1, per type."""
    from eventmill.coding.coder import Coder
    from eventmill.evaluation import gold_documents, load_gold, score

    try:
        docs = []
        for path in gold:
            docs.extend(load_gold(path))
    except EventmillError as exc:
        _fail(str(exc))
    coder = Coder()
    predictions = {
        c.document.doc_id: c.events
        for c in coder.code(gold_documents(docs, use_published=not ignore_published))
    }
    report = score(docs, predictions)
    if as_json:
        out = report.to_dict()
        if errors:
            out["errors"] = report.errors
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    console = Console(highlight=False, width=max(100, Console().width))
    d = report.to_dict()
    console.print(
        Text(
            f"documents {d['documents']}  gold events {report.tp + report.fn}  predicted "
            f"{report.tp + report.fp}\nprecision {d['precision']:.3f}  recall {d['recall']:.3f}  "
            f"F1 {d['f1']:.3f}  (tp {report.tp}, fp {report.fp}, fn {report.fn}; "
            f"optional matched {report.optional_matched})\n"
            f"date accuracy {_fmt(d['date_accuracy'])} of {d['date_scored']}  "
            f"place accuracy {_fmt(d['place_accuracy'])} of {d['place_scored']}  "
            f"events coded from not_events sentences: {d['coded_from_not_events']}"
        )
    )
    table = Table(title="per type")
    for col in ("type", "gold", "predicted", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for t, c in sorted(report.per_type.items()):
        table.add_row(t, str(c.gold), str(c.predicted), str(c.tp), str(c.fp), str(c.fn))
    console.print(table)
    if errors:
        for e in report.errors:
            console.print(Text(json.dumps(e, ensure_ascii=False)))


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="SQLite database to write.")] = Path("eventmill-demo.db"),
) -> None:
    """Code the bundled sample articles into a SQLite database and show what came out."""
    from eventmill.demo import dashboard_hint, run_demo
    from eventmill.output import table_rows

    store, summary = run_demo(db)
    console = Console(highlight=False)
    events = store.events()
    table = Table(title=f"{len(events)} events from {summary.coded} articles")
    for col in ("doc", "event", "source", "target", "date", "place", "quantity", "trigger"):
        table.add_column(col, overflow="fold")
    from eventmill.schema import Actor, Event, Evidence, Place, Quantity

    for d in events:
        e = Event(
            d["doc_id"],
            d["type"],
            d["mode"],
            d["contexts"],
            d["quad"],
            d["intensity"],
            d["cameo"],
            _actor(Actor, d["source"]),
            _actor(Actor, d["target"]),
            d["date"],
            d["date_precision"],
            d["date_inferred"],
            Place(**d["location"]) if d["location"] else None,
            Quantity(**d["quantity"]) if d["quantity"] else None,
            d["factuality"],
            d["confidence"],
            Evidence(**d["evidence"]),
        )
        table.add_row(*[Text(str(c)) for c in table_rows(e)])
    console.print(table)
    dyads = Table(title="busiest dyads")
    for col in ("actor", "actor", "events", "mean intensity"):
        dyads.add_column(col)
    for a, b, n, mean in store.busiest_dyads():
        dyads.add_row(a, b, str(n), f"{mean:+.2f}")
    console.print(dyads)
    console.print(Text(f"stored in {db} ({summary.line()})"))
    console.print(Text(dashboard_hint(str(db))), soft_wrap=True)
    store.close()


def _actor(cls, d):
    if not d:
        return None
    return cls(d["name"], d["country"], d["sector"], d["mention"], d.get("wikidata"))


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name, surname, title phrase or country.")],
    on: Annotated[
        str | None, typer.Option("--date", help="The story's date, YYYY-MM-DD (default today).")
    ] = None,
) -> None:
    """Show what a name resolves to on a date, and why."""
    from eventmill.actors.lookup import explain_miss, lookup

    day = _parse_date(on, "--date") or date.today()
    results = lookup(name, day)
    if not results:
        _fail(explain_miss(name, day), 1)
    for line in results:
        typer.echo(line)


@kb_app.command("stats")
def kb_stats_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    on: Annotated[
        str | None,
        typer.Option("--date", help="Date for 'states without a known leader' (default today)."),
    ] = None,
) -> None:
    """Coverage of the knowledge base: states, organisations, groups, people, terms."""
    from eventmill.actors.kb import default_kb, kb_stats

    day = _parse_date(on, "--date") or date.today()
    stats = kb_stats(default_kb(), day)
    if as_json:
        typer.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    st, terms = stats["states"], stats["terms"]
    missing = ", ".join(st["un_members_missing"]) or "none"
    lines = [
        f"states and territories  {st['count']}  (UN members {st['un_members']} of 193, "
        f"missing: {missing}; observers missing: {', '.join(st['un_observers_missing']) or 'none'}"
        f"; others: {', '.join(st['other_territories']) or 'none'})",
        f"organisations           {stats['organisations']['count']}  "
        f"(+ {stats['organisations']['bodies']} bodies)",
        f"armed groups            {stats['armed_groups']['count']}  "
        + "  ".join(f"{k} {v}" for k, v in stats["armed_groups"]["by_sector"].items()),
        f"political parties       {stats['parties']['count']}  "
        f"({stats['parties']['countries']} countries)",
        f"people                  {stats['people']}",
        f"dated terms             {terms['total']}",
        f"  heads of state or government  {terms['heads_of_state_or_government']}  "
        f"({', '.join(terms['head_offices'])})",
        "  per office            " + ", ".join(f"{k} {v}" for k, v in terms["per_office"].items()),
        f"UN members with no head of state or government known on {stats['date']}: "
        + (", ".join(stats["un_members_without_leader"]) or "none"),
    ]
    if stats["overlays"]:
        lines.append("overlays")
        for o in stats["overlays"]:
            state = f"{o['entries']} entries" if o["error"] is None else f"not used: {o['error']}"
            lines.append(f"  {o['path']}  {state}")
    else:
        from eventmill.actors.kb import overlay_dir

        lines.append(f"overlays                none (in {overlay_dir()})")
    for line in lines:
        typer.echo(line)


IMPORT_FORMATS = ("petrarch", "wikidata", "yaml")


@kb_app.command("import")
def kb_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="A PETRARCH/Phoenix actor dictionary, a "
            "Wikidata SPARQL JSON result, or a YAML overlay."
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="petrarch, wikidata or yaml (default: guessed)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(help="Overlay name: writes overlays/NAME.yaml (default: the file's name)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Do not list the lines that could not be used.")
    ] = False,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Add the imported terms to our entries of the same name instead of "
            "replacing them (keeps our later terms; imported terms win ties).",
        ),
    ] = False,
) -> None:
    """Load actors from FILE as an overlay that takes precedence over ours.

    An imported entry replaces our entry of the same name, unless --merge is given."""
    import time

    from eventmill.actors.importers import import_file
    from eventmill.actors.overlay import write_overlay, write_overlay_text

    if fmt is not None and fmt not in IMPORT_FORMATS:
        _fail(f"--format must be one of {', '.join(IMPORT_FORMATS)}, not {fmt!r}")
    if not file.is_file():
        _fail(f"{file}: no such file")
    started = time.perf_counter()
    try:
        result = import_file(file, fmt)
    except EventmillError as exc:
        _fail(str(exc))
    if not quiet:
        for p in result.problems:
            err.print(Text(f"eventmill: {p.line()}".replace("\r", "").replace("\n", " ")))
    stem = name or (file.name[: -len(file.suffix)] if file.suffix else file.name)
    if not result.records:
        _fail(
            f"{file}: nothing to import ({result.entries} entries read, "
            f"{result.unreadable_lines} unreadable); no overlay written",
            3,
        )
    header = (
        f"eventmill overlay imported from {file.name} ({result.fmt}) "
        f"on {date.today().isoformat()} by `eventmill kb import`.\n"
        + (
            "Entries marked merge: true add their terms to eventmill's own entry of that name."
            if merge
            else "Entries here replace eventmill's own entries of the same name or id."
        )
    )
    if merge:
        for rec in result.records:
            rec["merge"] = True
    if result.verbatim is not None and not merge:
        path = write_overlay_text(result.verbatim, stem)
    else:
        path = write_overlay(result.records, stem, header)
    elapsed = time.perf_counter() - started
    skipped = "; ".join(f"{n} {why}" for why, n in result.skipped.most_common())
    err.print(
        Text(
            f"eventmill: imported {file} ({result.fmt}) in {elapsed:.1f}s: "
            f"{result.entries} entries read, {len(result.records)} actors with "
            f"{result.terms} dated terms written to {path}; "
            f"{result.unreadable_lines} unreadable lines"
            + (
                f", {result.codes_left_out} codes left out (country not in our knowledge base)"
                if result.codes_left_out
                else ""
            )
            + (f"; entries not imported: {skipped}" if skipped else "")
        )
    )
    raise typer.Exit(1 if result.problems else 0)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(f"eventmill {__version__}")


from eventmill.cli_corpus import register  # noqa: E402  (ingest, export)

register(app)

from eventmill.cli_web import register as register_web  # noqa: E402  (serve)

register_web(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="eventmill: %(levelname)s: %(message)s")
    try:
        app()
    except EventmillError as exc:
        err.print(Text(f"eventmill: error: {exc}"))
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("eventmill: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
