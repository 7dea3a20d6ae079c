"""`eventmill ingest` and `eventmill export`: the corpus commands (a thin face over
corpus.py, engines/ and exports.py). Registered on the main app by `register(app)`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(Text(f"eventmill: error: {message}"))
    raise typer.Exit(code)


def estimate_total(inputs: list[str], max_bytes: int = 2 * 1024**3) -> int | None:
    """How many records the inputs hold, counted cheaply (lines of JSONL and CSV, one per
    text or HTML file), or None when that cannot be known without reading them through:
    standard input, WARC, gzip, or more than `max_bytes` to scan."""
    from eventmill.ingest.readers import (
        CSV_SUFFIXES,
        JSONL_SUFFIXES,
        STREAMED,
        suffix_of,
        walk_files,
    )

    total, scanned = 0, 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = walk_files(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            suffix = suffix_of(file)
            if suffix in JSONL_SUFFIXES or suffix in (".csv", ".tsv"):
                size = file.stat().st_size
                scanned += size
                if scanned > max_bytes:
                    return None
                lines = _count_lines(file)
                total += max(lines - (1 if suffix in CSV_SUFFIXES else 0), 1)
            elif suffix in STREAMED:
                return None
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl, .jsonl.gz, .csv, .warc, .warc.gz), folders "
            "(walked recursively), or - for standard input."
        ),
    ],
    db: Annotated[Path, typer.Option(help="SQLite store to write (created if missing).")],
    engine: Annotated[
        str, typer.Option(help="local (this process) or dask (a cluster: see --scheduler).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes of the local Dask cluster.")
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option(
            help="With --engine dask: workers also write their events as Parquet partitions "
            "here (a folder they all reach)."
        ),
    ] = None,
    triage: Annotated[
        bool, typer.Option(help="Skip the parse of stories with no trigger word at all.")
    ] = True,
    threshold: Annotated[
        float | None,
        typer.Option(help="Near-duplicate threshold (estimated Jaccard of word 3-shingles)."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that give none.")
    ] = None,
    text_column: Annotated[
        str | None, typer.Option(help="CSV: the column with the article text (default: text).")
    ] = None,
    id_column: Annotated[str | None, typer.Option(help="CSV: the id column (default: id).")] = None,
    title_column: Annotated[
        str | None, typer.Option(help="CSV: the title column (default: title).")
    ] = None,
    published_column: Annotated[
        str | None, typer.Option(help="CSV: the publication date column (default: published).")
    ] = None,
    url_column: Annotated[
        str | None, typer.Option(help="CSV: the URL column (default: url).")
    ] = None,
    source_column: Annotated[
        str | None, typer.Option(help="CSV: the outlet column (default: source).")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on standard error.")] = True,
    max_doc_bytes: Annotated[
        str | None, typer.Option(help="Largest document (file, page, record), e.g. 16M.")
    ] = None,
    max_line_bytes: Annotated[
        str | None, typer.Option(help="Longest JSONL or CSV line, e.g. 32M.")
    ] = None,
    max_gzip_bytes: Annotated[
        str | None, typer.Option(help="Most a gzip or WARC file may expand to, e.g. 8G.")
    ] = None,
    max_sentences: Annotated[int | None, typer.Option(help="Most sentences of a document.")] = None,
    max_html_depth: Annotated[int | None, typer.Option(help="Deepest HTML nesting.")] = None,
) -> None:
    """Code a corpus into the store: each story once, near-copies kept as its reports,
    events merged across reports. Safe to stop and run again. Limits default to the
    EVENTMILL_MAX_* environment variables, else to docs/RELIABILITY.md's defaults."""
    from eventmill.corpus import Ingest
    from eventmill.engines import ENGINES, make_engine
    from eventmill.errors import EventmillError
    from eventmill.ingest.neardup import THRESHOLD
    from eventmill.ingest.readers import ReadOptions
    from eventmill.limits import Limits
    from eventmill.store import Store, StoreFull

    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    if parquet_dir and engine != "dask":
        _fail("--parquet-dir needs --engine dask (the local engine: eventmill export)")
    if threshold is not None and not 0 < threshold <= 1:
        _fail(f"--threshold must be in (0, 1], not {threshold}")
    pub = None
    if published is not None:
        try:
            pub = date.fromisoformat(published)
        except ValueError:
            _fail(f"--published must be a date as YYYY-MM-DD, not {published!r}")
    try:
        limits = Limits.from_env().with_values(
            max_doc_bytes=max_doc_bytes,
            max_line_bytes=max_line_bytes,
            max_gzip_bytes=max_gzip_bytes,
            max_sentences=max_sentences,
            max_html_depth=max_html_depth,
        )
    except EventmillError as exc:
        _fail(str(exc))
    options = ReadOptions(
        text_column, id_column, title_column, published_column, url_column, source_column, limits
    )
    try:
        store = Store(db)
    except Exception as exc:  # sqlite3.DatabaseError, OSError: not a store we can open
        _fail(f"cannot open the store {db} ({exc})")
    try:
        runner = make_engine(
            engine,
            scheduler=scheduler,
            workers=workers,
            parquet_dir=str(parquet_dir) if parquet_dir else None,
        )
    except (EventmillError, RuntimeError, OSError) as exc:
        _fail(str(exc))
    bar = _ProgressBar(estimate_total(inputs)) if progress else None
    try:
        job = Ingest(
            store,
            engine=runner,
            triage=triage,
            threshold=threshold or THRESHOLD,
            published=pub,
            options=options,
            on_progress=bar.update if bar else None,
            on_reject=_RejectionLines(),
        )
        if bar:
            with bar:
                summary = job.run(inputs)
        else:
            summary = job.run(inputs)
    except StoreFull as exc:
        # a full disk: nothing half-written (the transaction was rolled back)
        _fail(f"{exc}; what was stored is kept: free some space, then run the same command again")
    except (EventmillError, RuntimeError) as exc:
        _fail(f"{exc}; what was stored is kept: run the same command again to go on")
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # a lost worker, a full disk: one line, and how to go on
        _fail(
            f"ingest stopped ({type(exc).__name__}: {str(exc)[:200]}); what was stored is "
            "kept: run the same command again to go on"
        )
    finally:
        runner.close()
        store.close()
    err.print(Text(f"eventmill: {summary.line()}"))
    rejected = sum(summary.rejected.values())
    raise typer.Exit(0 if rejected == 0 else 3 if rejected >= summary.read else 1)


class _RejectionLines:
    """One line on standard error per rejected input, as `eventmill code` prints them, up
    to `limit`; the rest only in the store (a crawl can hold thousands of bad records)."""

    def __init__(self, limit: int = 50):
        self.limit, self.count = limit, 0

    def __call__(self, rejection) -> None:
        self.count += 1
        if self.count <= self.limit:
            line = rejection.line().replace("\r", "\\r").replace("\n", "\\n")
            err.print(Text(f"eventmill: skipped {line}"))
        elif self.count == self.limit + 1:
            err.print(
                Text(
                    f"eventmill: more than {self.limit} inputs rejected; every one is listed "
                    "with file, record and reason in the store's rejected_inputs view"
                )
            )


class _ProgressBar:
    """rich progress on standard error: documents, documents/s, events, rejects, time
    left (when the total is known)."""

    def __init__(self, total: int | None):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns = [SpinnerColumn(), TextColumn("ingest")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn()]
        else:
            columns += [TextColumn("{task.completed} documents")]
        columns += [
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[events]} events"),
            TextColumn("{task.fields[rejects]} rejects"),
            TimeElapsedColumn(),
        ]
        if total:
            columns += [TextColumn("left"), TimeRemainingColumn()]
        self.progress = Progress(*columns, console=err, transient=False)
        self.task = self.progress.add_task("ingest", total=total, rate=0.0, events=0, rejects=0)

    def update(self, summary) -> None:
        seconds = summary.seconds
        self.progress.update(
            self.task,
            completed=summary.done,
            rate=summary.done / seconds if seconds > 0 else 0.0,
            events=summary.events,
            rejects=sum(summary.rejected.values()),
        )

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()


def export(
    db: Annotated[Path, typer.Option(help="SQLite store to read.")],
    out: Annotated[Path, typer.Option(help="Folder to write month=YYYY-MM/ partitions in.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="parquet, jsonl, csv, polecat (POLECAT's columns, tab-separated) or cameo "
            "(CAMEO code, root, quad class and Goldstein value under GDELT's names).",
        ),
    ] = "parquet",
    merged: Annotated[
        bool, typer.Option(help="Export merged events (one per event across reports).")
    ] = False,
    include_all: Annotated[
        bool, typer.Option("--all", help="Also negated, hypothetical and future events.")
    ] = False,
) -> None:
    """Export the store's events, partitioned by month, streamed (columns: docs/EXPORTS.md)."""
    from eventmill.exports import FORMATS
    from eventmill.exports import export as run_export
    from eventmill.store import Store

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if not db.is_file():
        _fail(f"no store at {db}")
    try:
        store = Store(db)
    except Exception as exc:
        _fail(f"cannot open the store {db} ({exc})")
    try:
        summary = run_export(store, out, fmt, merged=merged, include_all=include_all)
    except OSError as exc:
        _fail(f"cannot write to {out} ({exc.strerror or exc})")
    finally:
        store.close()
    err.print(Text(f"eventmill: exported {summary.line()} to {out}"))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("export")(export)
