"""The dashboard: server-rendered pages over a store (included by app.py, no prefix).

Every page reads the store through `queries` on a read-only connection opened for the
request. Story text, titles and actor names come from the open web, so Jinja2 escapes
everything (autoescape on), the evidence marks are put in by offsets after escaping each
piece, and a source URL becomes a link only when it is http(s). Data for the charts is
handed to the scripts as JSON in `<script type="application/json">` blocks (Jinja's
`tojson` escapes `<`, `>`, `&` and `'`) or fetched from /api: the Content-Security-Policy
runs no inline script.

Vega, Vega-Lite and vega-embed come from `vl_convert.javascript_bundle()`, built once per
process and served at /assets/vega.js; the scripts embed charts with `ast: true`, so Vega
interprets its expressions instead of compiling them with `new Function` (no 'unsafe-eval').
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date, timedelta
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.routing import APIRoute
from markupsafe import Markup, escape

from eventmill.ontology import TYPES
from eventmill.web import api, queries
from eventmill.web.queries import QUADS, SORTS, BadQuery, EventFilter


class PageError(Exception):
    """A request the page cannot answer: shown as one line with its status."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class PageRoute(APIRoute):
    """A route whose PageError becomes the error page (or, for a .csv, one line of text):
    the router carries its own error handling, whatever app includes it."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except PageError as exc:
                return page_error_response(request, exc)

        return handle


router = APIRouter(include_in_schema=False, route_class=PageRoute)

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(resources.files("eventmill.web") / "templates")),
    autoescape=True,  # every value is escaped unless it is Markup we built below
    undefined=jinja2.ChainableUndefined,  # a field a store lacks renders empty
    trim_blocks=True,
    lstrip_blocks=True,
)

# the filters the event list, the map and the CSV link understand, as query parameters
FILTER_PARAMS = (
    "actor", "country", "source", "target", "a", "b", "directed", "type", "quad",
    "date_from", "date_to", "place", "q", "doc_id", "factuality",
)  # fmt: skip
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
NETWORK_SIZE = 640  # the network drawing's width and height, in SVG units


# ---------------------------------------------------------------------------- helpers
def safe_url(url: str | None) -> str | None:
    """The URL when a browser may follow it (http or https with a host), else None: a
    `javascript:` or `data:` URL from a hostile page is shown as text, never as a link."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def mark_spans(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """`text` escaped, with each span (start, end, css class, title) inside a <mark>.

    Spans may overlap (several events coded from one sentence): the text is cut at every
    span boundary and each piece covered by any span is marked once, with the classes and
    titles of the spans covering it. Offsets outside the text are clipped, empty spans
    dropped."""
    n = len(text)
    clean = [
        (max(0, s), min(n, e), cls, title)
        for s, e, cls, title in spans
        if s is not None and e is not None and min(n, e) > max(0, s)
    ]
    cuts = sorted({0, n, *(s for s, _, _, _ in clean), *(e for _, e, _, _ in clean)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        covering = [(cls, title) for s, e, cls, title in clean if s <= start and end <= e]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(cls for cls, _ in covering))
        titles = "; ".join(dict.fromkeys(title for _, title in covering if title))
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(classes, titles, piece))
    return Markup("").join(out)


def period_end(start: str, interval: str) -> str:
    """The last day of the month or ISO week that begins on `start` (YYYY-MM-DD)."""
    day = date.fromisoformat(start)
    if interval == "week":
        return (day + timedelta(days=6)).isoformat()
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - timedelta(days=1)).isoformat()


def event_label(e: dict) -> str:
    """'Russia → Azerbaijan: ACCUSE' for titles and tooltips."""
    src = e.get("source_name") or e.get("source_country") or "?"
    tgt = e.get("target_name") or e.get("target_country") or "—"
    return f"{src} → {tgt}: {e.get('type')}"


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


_TEMPLATES.globals.update(
    safe_url=safe_url,
    quad_labels=QUAD_LABELS,
    quads=QUADS,
    types=list(TYPES),
    sorts=("date", "type", "quad", "intensity", "source", "target", "place", "confidence"),
    qs=_query_string,
    event_label=event_label,
    period_end=period_end,
)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    warm_vega_bundle()  # the charts' pages are one click away from any page
    context.setdefault("nav", name.split(".")[0])
    html = _TEMPLATES.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def cache(request: Request) -> Any:
    """The app's cache of answers. Pages ask through the API's `*_answer` functions (the
    same keys), so a page and the endpoint asking the same question share one answer, kept
    while the store is unchanged, and the answers warmed at startup serve the pages too."""
    return request.app.state.cache


def _settings(request: Request) -> Any:
    return getattr(request.app.state, "settings", None)


@contextmanager
def store(request: Request) -> Iterator[Any]:
    """A read-only connection for this request, closed after it; store problems become
    one-line page errors."""
    timeout = getattr(_settings(request), "query_timeout", 5.0)
    try:
        conn = queries.connect(request.app.state.db_path, timeout=timeout)
    except queries.NotAStore as exc:
        raise PageError(503, str(exc)) from None
    try:
        yield conn
    except BadQuery as exc:
        raise PageError(400, str(exc)) from None
    except queries.QueryTimeout as exc:
        raise PageError(503, str(exc)) from None
    finally:
        conn.close()


def _int_param(params: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise PageError(400, f"{name} must be a whole number, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise PageError(400, f"{name} must be between {low} and {high}, not {value}")
    return value


def filter_params(request: Request) -> dict[str, str]:
    """The filter parameters the user gave (stripped, empty ones left out)."""
    out = {}
    for name in FILTER_PARAMS:
        value = request.query_params.get(name, "").strip()
        if value:
            out[name] = value
    return out


def event_filter(params: dict[str, str]) -> EventFilter:
    """The EventFilter of the page's parameters; `a` and `b` make a dyad."""
    a, b = params.get("a"), params.get("b")
    if bool(a) != bool(b):
        raise PageError(400, "a dyad needs both a and b (two actors)")
    factuality = params.get("factuality", "asserted")
    known = {f.name for f in fields(EventFilter)}
    values = {k: v for k, v in params.items() if k in known and k not in ("directed", "factuality")}
    return EventFilter(
        **values,
        dyad=(a, b) if a and b else None,
        directed=params.get("directed") in ("1", "true", "on", "yes"),
        factuality=None if factuality == "all" else factuality,
    )


# ---------------------------------------------------------------------------- pages
@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    with store(request) as conn:
        data = api.overview_answer(cache(request), conn)
        actors = api.actors_answer(cache(request), conn, 10)
    return render(request, "overview.html", data=data, actors=actors)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    params = filter_params(request)
    qp = request.query_params
    per_max = getattr(_settings(request), "per_page_max", 500)
    page = _int_param(qp, "page", 1, 1, 10**6)
    per_page = _int_param(qp, "per_page", 50, 1, per_max)
    sort = qp.get("sort", "date") or "date"
    if sort not in SORTS:
        raise PageError(400, f"unknown sort {sort[:40]!r}; one of {', '.join(SORTS)}")
    order = qp.get("order", "desc")
    if order not in ("asc", "desc"):
        raise PageError(400, f"order must be asc or desc, not {order[:20]!r}")
    f, desc = event_filter(params), order == "desc"
    with store(request) as conn:
        rows, total = api.events_answer(cache(request), conn, f, sort, desc, page, per_page)
    pages = max(1, math.ceil(total / per_page))
    listing = {**params, "sort": sort, "order": order, "per_page": per_page}
    return render(
        request,
        "events.html",
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        params=params,
        listing=listing,
        csv_query=_query_string({**params, "sort": sort, "order": order}, format="csv"),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    with store(request) as conn:
        event = queries.event_detail(conn, event_id)
        if event is None:
            raise PageError(404, f"no event {event_id[:80]!r} in this store")
        doc = queries.document_detail(conn, event["doc_id"])
    text = doc["text"] if doc else ""
    story = mark_spans(
        text, [(event["evidence_start"], event["evidence_end"], "this", event_label(event))]
    )
    return render(request, "event.html", nav="events", e=event, doc=doc, story=story)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    with store(request) as conn:
        doc = queries.document_detail(conn, doc_id)
    if doc is None:
        raise PageError(404, f"no document {doc_id[:80]!r} in this store")
    spans = [
        (e["evidence_start"], e["evidence_end"], f"q-{e['quad']}", event_label(e))
        for e in doc["events"]
    ]
    return render(
        request, "document.html", nav="events", doc=doc, story=mark_spans(doc["text"], spans)
    )


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> HTMLResponse:
    qp = request.query_params
    a, b = qp.get("a", "").strip(), qp.get("b", "").strip()
    interval = qp.get("interval", "month")
    directed = qp.get("directed") in ("1", "true", "on", "yes")
    series = None
    with store(request) as conn:
        choices = api.choices_answer(cache(request), conn)
        if not (a or b):
            busiest = api.overview_answer(cache(request), conn)["busiest_dyads"]
            if busiest:  # open on the busiest pair rather than on an empty chart
                a, b = busiest[0]["a"], busiest[0]["b"]
        if a and b:
            # the key of /api/dyads/{a}/{b} with no date range: one answer for both
            series = cache(request).get(
                conn, ("dyad", a, b, interval, directed, None, None),
                lambda: queries.dyad_series(conn, a, b, interval=interval, directed=directed),
            )  # fmt: skip
        elif a or b:
            raise PageError(400, "choose two actors, a and b")
    chart = None
    if series:
        chart = {
            "a": series["a"],
            "b": series["b"],
            "directed": directed,
            "interval": series["interval"],
            "points": [
                {k: p[k] for k in ("period", "start", "events", "cooperation", "conflict",
                                   "intensity_mean")}
                for p in series["points"]
            ],
        }  # fmt: skip
    return render(
        request,
        "dyads.html",
        choices=choices,
        a=series["a"] if series else a,
        b=series["b"] if series else b,
        interval=interval,
        directed=directed,
        series=series,
        chart=chart,
    )


def _network(request: Request, conn: Any) -> tuple[dict, dict]:
    """The network parameters (`limit`: busiest links shown; `country`: only the links of
    one actor, a code or a state's name) and the network they ask for."""
    most = getattr(_settings(request), "list_max", 1000)
    limit = _int_param(request.query_params, "limit", 40, 1, most)
    country = request.query_params.get("country", "").strip()
    if not country:
        return {"limit": limit}, api.network_answer(cache(request), conn, limit)
    code = queries.resolve_party(country) or country.upper()
    # the busiest links of the whole store (one cached answer), then those of `code`
    everything = api.network_answer(cache(request), conn, most)
    return {"limit": limit, "country": code}, focus_network(everything, code, limit)


def focus_network(network: dict, code: str, limit: int) -> dict:
    """The `limit` busiest links with `code` at either end, their nodes counted and their
    weights scaled as actor_network does for a whole network."""
    edges = [dict(e) for e in network["edges"] if code in (e["source"], e["target"])][:limit]
    busiest = max((e["events"] for e in edges), default=1)
    names = {n["id"]: n["name"] for n in network["nodes"]}
    degree: dict[str, int] = {}
    for e in edges:
        e["weight"] = round(e["events"] / busiest, 4)
        for side in (e["source"], e["target"]):
            degree[side] = degree.get(side, 0) + e["events"]
    nodes = [
        {"id": c, "name": names.get(c), "country": c, "events": n}
        for c, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"nodes": nodes, "edges": edges}


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    with store(request) as conn:
        params, network = _network(request, conn)
        actors = api.actors_answer(cache(request), conn, 25)
    return render(
        request, "network.html", network=network, drawing=layout_network(network),
        actors=actors, params=params,
    )  # fmt: skip


@router.get("/network.csv")
def network_csv(request: Request) -> Response:
    with store(request) as conn:
        _, network = _network(request, conn)
    # the API's CSV writer: the same formula-safe cells as every other download
    columns = ["source", "target", "events", "cooperation", "conflict", "sign", "weight"]
    return api._csv_response(api._csv_rows(columns, network["edges"]), "network.csv")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    params = filter_params(request)
    f, limit = event_filter(params), getattr(_settings(request), "list_max", 1000)
    with store(request) as conn:
        rows = api.places_answer(cache(request), conn, f, limit)
    return render(
        request, "map.html", places=rows, params=params,
        csv_query=_query_string(params, format="csv"),
    )  # fmt: skip


# ---------------------------------------------------------------------------- network drawing
def layout_network(network: dict, size: int = NETWORK_SIZE) -> dict:
    """Positions for an SVG of the actor network: nodes on a circle, busiest first from the
    top, clockwise; labels along the radius (as in a chord diagram) so that neighbours'
    names never overlap; edges as arcs bowed to their right, so that A→B and B→A stay
    apart. Deterministic: the same store draws the same picture."""
    nodes = network["nodes"]
    centre, radius = size / 2, size / 2 - 130  # room outside the circle for the names
    busiest = max((n["events"] for n in nodes), default=1)
    placed = {}
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(nodes))
        cos, sin = math.cos(angle), math.sin(angle)
        r = 4 + 10 * math.sqrt(node["events"] / busiest)
        right = cos >= -1e-9
        degrees = math.degrees(angle) if right else math.degrees(angle) + 180
        placed[node["id"]] = {
            **node,
            "x": round(centre + radius * cos, 1),
            "y": round(centre + radius * sin, 1),
            "r": round(r, 1),
            "lx": round(centre + (radius + r + 5) * cos, 1),
            "ly": round(centre + (radius + r + 5) * sin, 1),
            "rotate": round(degrees, 1),
            "anchor": "start" if right else "end",
        }
    edges = []
    for e in network["edges"]:
        s, t = placed.get(e["source"]), placed.get(e["target"])
        if not s or not t:
            continue
        dx, dy = t["x"] - s["x"], t["y"] - s["y"]
        length = math.hypot(dx, dy) or 1.0
        # stop the arrow at the target's rim, and bow the arc by a fifth of its length
        ex, ey = t["x"] - dx / length * (t["r"] + 2), t["y"] - dy / length * (t["r"] + 2)
        mx, my = (s["x"] + ex) / 2 - dy * 0.2, (s["y"] + ey) / 2 + dx * 0.2
        edges.append(
            {
                **e,
                "path": f"M{s['x']},{s['y']} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}",
                "width": round(1 + 5 * e["weight"], 2),
                "kind": "coop" if e["sign"] > 0 else "conf",
                "source_label": s["name"] or s["id"],
                "target_label": t["name"] or t["id"],
            }
        )
    return {"size": size, "nodes": list(placed.values()), "edges": edges}


# ---------------------------------------------------------------------------- vega bundle
_bundle_lock = threading.Lock()
_bundle: bytes | None = None
_warming = False
_warm_lock = threading.Lock()  # not _bundle_lock: a page must not wait while it is built


def vega_bundle() -> bytes:
    """Vega, Vega-Lite and vega-embed as one script, built by vl-convert on first use (about
    two seconds) and kept for the life of the process."""
    global _bundle
    with _bundle_lock:
        if _bundle is None:
            import vl_convert

            _bundle = vl_convert.javascript_bundle().encode("utf-8")
        return _bundle


def warm_vega_bundle() -> None:
    """Build the bundle in the background, once, so the first chart does not wait for it."""
    global _warming
    with _warm_lock:
        if _bundle is not None or _warming:
            return
        _warming = True
    threading.Thread(target=vega_bundle, name="vega-bundle", daemon=True).start()


@router.get("/assets/vega.js")
def vega_js() -> Response:
    return Response(
        vega_bundle(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=86400"},
    )


# ---------------------------------------------------------------------------- errors
def page_error_response(request: Request, exc: PageError) -> Response:
    """The error page: one line saying what was wrong."""
    if request.url.path.endswith(".csv"):
        return PlainTextResponse(exc.message + "\n", status_code=exc.status)
    return render(request, "error.html", status=exc.status, nav="", status_code=exc.status,
                  message=exc.message)  # fmt: skip
