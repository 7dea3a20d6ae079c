"""`eventmill serve`: the API and dashboard over a store (a thin face over web/app.py).
Registered on the main app by `register(app)`."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from eventmill.cli_corpus import _fail, err


def _url(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"  # listening everywhere: this machine reaches it on loopback
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


def _can_listen(host: str, port: int) -> str | None:
    """Why the address cannot be listened on, or None. Checked before uvicorn starts so the
    user reads one line rather than a server's log."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"unknown host {host!r} ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Annotated[Path, typer.Option(help="The SQLite store to serve (read-only).")],
        host: Annotated[
            str, typer.Option(help="Address to listen on; other than loopback is reachable.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        query_timeout: Annotated[
            float,
            typer.Option(
                min=0.1,
                help="Seconds of processor time a request's queries may use (a 503 past it).",
            ),
        ] = 5.0,
        admin_token: Annotated[
            str | None,
            typer.Option(
                envvar="EVENTMILL_ADMIN_TOKEN",
                help="Token a write endpoint would demand (there is none yet: all is read-only).",
            ),
        ] = None,
    ) -> None:
        """Serve the dashboard and the HTTP API over a store, read-only."""
        from eventmill.web.queries import NotAStore, check_store
        from eventmill.web.security import WebSettings, hosts_for, is_loopback

        try:
            check_store(db)
        except NotAStore as exc:
            _fail(str(exc))
        if not is_loopback(host):
            err.print(
                Text(
                    f"eventmill: warning: listening on {host}, not loopback: anyone who can "
                    "reach this machine on that address can read the store"
                )
            )
        problem = _can_listen(host, port)
        if problem:
            _fail(problem)

        import uvicorn

        from eventmill.web.app import create_app

        app_ = create_app(
            db,
            admin_token=admin_token,
            settings=WebSettings(allowed_hosts=hosts_for(host), query_timeout=query_timeout),
        )
        url = _url(host, port)
        typer.echo(f"eventmill: serving {db} at {url} (API {url}api, docs {url}docs); Ctrl-C stops")
        uvicorn.run(app_, host=host, port=port, log_level="warning", server_header=False)
