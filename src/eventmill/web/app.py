"""The web application over one store: the API (/api), the dashboard pages, the static
files (/static), and the OpenAPI description with a page of our own (/docs) that lists it
without loading anything from another origin (FastAPI's own /docs pulls Swagger UI from a
CDN, which our Content-Security-Policy forbids)."""

from __future__ import annotations

import html
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from eventmill import __version__
from eventmill.web import api, pages, queries
from eventmill.web.queries import BadQuery, NotAStore, QueryTimeout
from eventmill.web.security import SECURITY_HEADERS, SecurityHeaders, WebSettings

__all__ = ["WebSettings", "create_app"]

log = logging.getLogger("eventmill.web")
STATIC = Path(__file__).resolve().parent / "static"


def create_app(
    db: str | Path, *, admin_token: str | None = None, settings: WebSettings | None = None
) -> FastAPI:
    """The app serving `db` (checked now: NotAStore if it is no eventmill store).

    No endpoint writes, so `admin_token` guards nothing yet; it is kept on the app for the
    day one does, which must then demand it."""
    settings = settings or WebSettings()
    queries.check_store(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        queries.warm_up()  # the knowledge base, before the first dyad asks for it
        # the first pages' answers, computed while the server already answers
        threading.Thread(
            target=api.warm_cache,
            args=(app.state.db_path, app.state.cache, settings),
            name="eventmill-warm-cache",
            daemon=True,
        ).start()
        yield

    app = FastAPI(
        title="eventmill",
        version=__version__,
        description="Political event data from news text: the events of one store, read-only.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.db_path = str(db)
    app.state.admin_token = admin_token
    app.state.settings = settings
    app.state.cache = queries.ResultCache(settings.cache_entries)

    _add_error_handlers(app)
    app.include_router(api.router, prefix="/api", tags=["api"])
    app.add_api_route("/docs", _docs_page, include_in_schema=False, response_class=HTMLResponse)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)

    # the last added runs first: the headers go on everything, the Host refusal included
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


# ---------------------------------------------------------------------------- errors
def _detail(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _detail(exc)}, status_code=422)

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(NotAStore)
    async def gone(request: Request, exc: NotAStore) -> JSONResponse:
        log.error("store unavailable: %s", exc)
        return JSONResponse({"detail": "the store is unavailable"}, status_code=503)

    @app.exception_handler(sqlite3.DatabaseError)
    async def busy(request: Request, exc: sqlite3.DatabaseError) -> JSONResponse:
        # locked past the busy timeout, or the file went away or was overwritten: the
        # server lives on and says so
        log.error("store error on %s: %s", request.url.path, exc)
        return JSONResponse(
            {"detail": "the store could not be read just now; try again"}, status_code=503
        )

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> PlainTextResponse:
        # a bug of ours: logged with its traceback here, never shown to the client
        log.error("error on %s", request.url.path, exc_info=exc)
        return PlainTextResponse(
            "Internal Server Error", status_code=500, headers=dict(SECURITY_HEADERS)
        )


# ---------------------------------------------------------------------------- /docs
def _docs_page(request: Request) -> HTMLResponse:
    """The endpoints and their parameters, from the OpenAPI description, as plain HTML."""
    spec = request.app.openapi()
    esc = html.escape
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{esc(spec['info']['title'])} API</title></head><body>",
        f"<h1>{esc(spec['info']['title'])} API {esc(spec['info']['version'])}</h1>",
        f"<p>{esc(spec['info'].get('description', ''))} The machine-readable description is "
        "<a href='/openapi.json'>/openapi.json</a>.</p>",
    ]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            out.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code></h2>")
            out.append(f"<p>{esc(op.get('summary', ''))}</p>")
            params = op.get("parameters", [])
            if params:
                out.append(
                    "<table><tr><th>parameter</th><th>in</th><th>type</th>"
                    "<th>required</th><th>about</th></tr>"
                )
                for p in params:
                    schema = p.get("schema", {})
                    kind = schema.get("type") or " or ".join(
                        s.get("type", "?") for s in schema.get("anyOf", [])
                    )
                    out.append(
                        f"<tr><td><code>{esc(p['name'])}</code></td><td>{esc(p['in'])}</td>"
                        f"<td>{esc(kind)}</td><td>{'yes' if p.get('required') else 'no'}</td>"
                        f"<td>{esc(p.get('description', ''))}</td></tr>"
                    )
                out.append("</table>")
    out.append("</body></html>")
    return HTMLResponse("".join(out))
