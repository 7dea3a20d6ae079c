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
            stream.flush()
        if fmt == "table":
            _print_table(rows, explain, stream)
    finally:
        if output:
            stream.close()
    err.print(Text(f"eventmill: {summary.line()}"))
    raise typer.Exit(_exit_status(summary.read, len(summary.rejected)))


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
    console = Console(highlight=False)
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
    from eventmill.demo import run_demo
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
    from eventmill.actors.lookup import lookup

    day = _parse_date(on, "--date") or date.today()
    results = lookup(name, day)
    if not results:
        _fail(f"{name!r} is not in the knowledge base", 1)
    for line in results:
        typer.echo(line)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(f"eventmill {__version__}")


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
