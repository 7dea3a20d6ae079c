"""The JSON API (mounted at /api): read-only GET endpoints over queries.py.

Every endpoint opens its own read-only connection (one snapshot per request) and closes
it; a bad parameter is a 422 with the reason in `detail`, an unknown id a 404, a query past
the time cap a 503. docs/WEB.md is the reference.
"""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse

from eventmill.output import safe_cell
from eventmill.web import queries
from eventmill.web.queries import BadQuery, EventFilter, ResultCache
from eventmill.web.security import MAX_PARAM_LENGTH, WebSettings

router = APIRouter()
log = logging.getLogger("eventmill.web")

Text = Annotated[str | None, Query(max_length=MAX_PARAM_LENGTH)]
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json or csv")]
MAX_EVENT_IDS = 1000


def settings(request: Request) -> WebSettings:
    return request.app.state.settings


def db(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, closed when it is answered."""
    conn = queries.connect(request.app.state.db_path, timeout=settings(request).query_timeout)
    try:
        yield conn
    finally:
        conn.close()


# ---------------------------------------------------------------------------- answers
# The cached answers, shared by the endpoints and by `warm_cache` (same keys, same values).
def overview_answer(cache: ResultCache, conn: sqlite3.Connection) -> dict:
    return cache.get(conn, ("overview",), lambda: queries.overview(conn))


def events_answer(
    cache: ResultCache,
    conn: sqlite3.Connection,
    f: EventFilter,
    sort: str = "date",
    desc: bool = True,
    page: int = 1,
    per_page: int = 50,
) -> tuple[list[dict], int]:
    # the count is cached apart from the page: paging through a result counts it once
    total = cache.get(conn, ("count", repr(f)), lambda: queries.count_events(conn, f))
    return cache.get(
        conn,
        ("events", repr(f), sort, desc, page, per_page),
        lambda: queries.list_events(
            conn, f, sort=sort, desc=desc, page=page, per_page=per_page, total=total
        ),
    )


def actors_answer(cache: ResultCache, conn: sqlite3.Connection, limit: int = 50) -> list[dict]:
    return cache.get(conn, ("actors", limit), lambda: queries.top_actors(conn, limit))


def network_answer(cache: ResultCache, conn: sqlite3.Connection, limit: int = 100) -> dict:
    return cache.get(conn, ("network", limit), lambda: queries.actor_network(conn, limit))


def places_answer(
    cache: ResultCache, conn: sqlite3.Connection, f: EventFilter, limit: int
) -> list[dict]:
    return cache.get(conn, ("places", repr(f), limit), lambda: queries.places(conn, f, limit))


def choices_answer(cache: ResultCache, conn: sqlite3.Connection) -> list[dict]:
    return cache.get(conn, ("choices",), lambda: queries.dyad_choices(conn))


def warm_cache(db_path: str, cache: ResultCache, limits: WebSettings) -> None:
    """Compute the answers of the first page views (overview, newest events, actors,
    network, places, choices) before anyone asks: run in the background at startup."""
    if cache.entries <= 0:
        return
    try:
        conn = queries.connect(db_path, timeout=max(limits.query_timeout, 60.0))
    except queries.NotAStore:
        return
    try:
        overview_answer(cache, conn)
        events_answer(cache, conn, EventFilter(), per_page=limits.per_page_default)
        actors_answer(cache, conn)
        network_answer(cache, conn)
        places_answer(cache, conn, EventFilter(), limits.list_max)
        choices_answer(cache, conn)
    except (sqlite3.Error, queries.QueryTimeout) as exc:
        log.warning("warming the answer cache stopped: %s", exc)
    finally:
        conn.close()


def cache_of(request: Request) -> ResultCache:
    return request.app.state.cache


Conn = Annotated[sqlite3.Connection, Depends(db)]
Settings = Annotated[WebSettings, Depends(settings)]
Cache = Annotated[ResultCache, Depends(cache_of)]


def event_filter(
    actor: Annotated[Text, Query(description="A name or code, either side.")] = None,
    country: Annotated[Text, Query(description="ISO3 code (or name), either side.")] = None,
    source: Annotated[Text, Query(description="A name or code on the source side.")] = None,
    target: Annotated[Text, Query(description="A name or code on the target side.")] = None,
    a: Annotated[Text, Query(description="Dyad: one side (code or name); needs b.")] = None,
    b: Annotated[Text, Query(description="Dyad: the other side; needs a.")] = None,
    directed: Annotated[bool, Query(description="Dyad: only a acting on b.")] = False,
    type: Annotated[Text, Query(description="PLOVER type, e.g. ASSAULT.")] = None,  # noqa: A002
    quad: Annotated[Text, Query(description="verbal_cooperation ... material_conflict")] = None,
    date_from: Annotated[Text, Query(description="YYYY-MM-DD, on the event's day.")] = None,
    date_to: Annotated[Text, Query(description="YYYY-MM-DD, on the event's day.")] = None,
    place: Annotated[Text, Query(description="A place name or a country code.")] = None,
    q: Annotated[Text, Query(description="Text in the evidence sentence.")] = None,
    doc_id: Text = None,
    event_ids: Annotated[Text, Query(description="Comma-separated event ids.")] = None,
    factuality: Annotated[
        Text, Query(description="asserted (default), negated, hypothetical, future or all.")
    ] = "asserted",
) -> EventFilter:
    """The filters the events list, its CSV and the places share."""
    if (a is None) != (b is None):
        raise BadQuery("a dyad needs both a and b")
    ids = None
    if event_ids is not None:
        ids = [i.strip() for i in event_ids.split(",") if i.strip()]
        if len(ids) > MAX_EVENT_IDS:
            raise BadQuery(f"at most {MAX_EVENT_IDS} event_ids at once")
    return EventFilter(
        actor=actor or None,
        country=country or None,
        source=source or None,
        target=target or None,
        dyad=(a, b) if a is not None and b is not None else None,
        directed=directed,
        type=type or None,
        quad=quad or None,
        date_from=date_from or None,
        date_to=date_to or None,
        place=place or None,
        q=q or None,
        doc_id=doc_id or None,
        event_ids=ids,
        factuality=None if factuality in (None, "", "all") else factuality,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def _csv_rows(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """CSV text in pieces of about 64 kB; every cell through safe_cell, so no text from a
    story runs as a spreadsheet formula."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _csv_response(
    pieces: Iterable[str], filename: str, headers: dict[str, str] | None = None
) -> StreamingResponse:
    return StreamingResponse(
        iter(pieces),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **(headers or {})},
    )


def _stream_events(
    db_path: str, f: EventFilter, sort: str, desc: bool, limit: int, timeout: float
) -> Iterator[str]:
    # its own connection: the response is written after the request's connection is closed
    conn = queries.connect(db_path, timeout=timeout)
    try:
        rows = queries.iter_events(conn, f, sort=sort, desc=desc, limit=limit)
        yield from _csv_rows(list(queries.EVENT_FIELDS), rows)
    finally:
        conn.close()


def _found(item: dict | None, what: str, key: str) -> dict:
    if item is None:
        raise HTTPException(404, f"no {what} {key[:80]!r}")
    return item


def _capped(limit: int, limits: WebSettings) -> int:
    if limit > limits.list_max:
        raise BadQuery(f"limit must be at most {limits.list_max}, not {limit}")
    return limit


# ---------------------------------------------------------------------------- endpoints
@router.get("/overview", summary="Counts, busiest dyads and latest events")
def get_overview(cache: Cache, conn: Conn) -> dict[str, Any]:
    return overview_answer(cache, conn)


@router.get("/events", summary="Events, filtered, sorted and paged; JSON or CSV")
def get_events(
    request: Request,
    conn: Conn,
    limits: Settings,
    f: Filter,
    sort: Annotated[str, Query(max_length=40, description="date, type, intensity...")] = "date",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int | None, Query(ge=1)] = None,
    format: Format = "json",  # noqa: A002
) -> Any:
    per_page = per_page or limits.per_page_default
    if per_page > limits.per_page_max:
        raise BadQuery(f"per_page must be at most {limits.per_page_max}, not {per_page}")
    desc = order == "desc"
    if format == "csv":
        # validate and count first, so a bad filter is a 422 and not a broken download
        queries.check_sort(sort)
        total = queries.count_events(conn, f)
        return _csv_response(
            _stream_events(
                request.app.state.db_path,
                f,
                sort,
                desc,
                limits.csv_max_rows,
                limits.query_timeout,
            ),
            "events.csv",
            {
                "X-Total-Count": str(total),
                "X-Eventmill-Truncated": "true" if total > limits.csv_max_rows else "false",
            },
        )
    rows, total = events_answer(request.app.state.cache, conn, f, sort, desc, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "events": rows}


@router.get("/events/{event_id}", summary="One event, its story and every report of it")
def get_event(event_id: Annotated[str, PathParam(max_length=MAX_PARAM_LENGTH)], conn: Conn) -> dict:
    return _found(queries.event_detail(conn, event_id), "event", event_id)


@router.get("/dyads/{a}/{b}", summary="A dyad's series by month or week")
def get_dyad(
    request: Request,
    a: Annotated[str, PathParam(max_length=MAX_PARAM_LENGTH)],
    b: Annotated[str, PathParam(max_length=MAX_PARAM_LENGTH)],
    conn: Conn,
    interval: Annotated[str, Query(max_length=10, description="month or week")] = "month",
    directed: bool = False,
    date_from: Text = None,
    date_to: Text = None,
) -> dict:
    return request.app.state.cache.get(
        conn,
        ("dyad", a, b, interval, directed, date_from, date_to),
        lambda: queries.dyad_series(
            conn,
            a,
            b,
            interval=interval,
            directed=directed,
            date_from=date_from or None,
            date_to=date_to or None,
        ),
    )


@router.get("/actors", summary="The most active actors")
def get_actors(
    request: Request,
    conn: Conn,
    limits: Settings,
    limit: Annotated[int, Query(ge=1)] = 50,
    format: Format = "json",  # noqa: A002
) -> Any:
    limit = _capped(limit, limits)
    rows = actors_answer(request.app.state.cache, conn, limit)
    if format == "csv":
        columns = ["name", "country", "sector", "events", "stories", "cooperation", "conflict"]
        return _csv_response(_csv_rows(columns, rows), "actors.csv")
    return {"actors": rows}


@router.get("/actors/network", summary="Who acts on whom, signed and weighted")
def get_network(
    request: Request, conn: Conn, limits: Settings, limit: Annotated[int, Query(ge=1)] = 100
) -> dict[str, Any]:
    limit = _capped(limit, limits)
    return network_answer(request.app.state.cache, conn, limit)


@router.get("/documents/{doc_id:path}", summary="A story as read, with its events' evidence")
def get_document(
    doc_id: Annotated[str, PathParam(max_length=MAX_PARAM_LENGTH)], conn: Conn
) -> dict:
    return _found(queries.document_detail(conn, doc_id), "document", doc_id)


@router.get("/places", summary="Where the filtered events happened")
def get_places(
    request: Request,
    conn: Conn,
    limits: Settings,
    f: Filter,
    format: Format = "json",  # noqa: A002
) -> Any:
    rows = places_answer(request.app.state.cache, conn, f, limits.list_max)
    if format == "csv":
        columns = ["name", "country", "lat", "lon", "events", "cooperation", "conflict"]
        return _csv_response(_csv_rows(columns, rows), "places.csv")
    return {"places": rows}


@router.get("/choices", summary="Actors to offer in the dyad pickers")
def get_choices(request: Request, conn: Conn) -> dict[str, Any]:
    return {"actors": choices_answer(request.app.state.cache, conn)}
