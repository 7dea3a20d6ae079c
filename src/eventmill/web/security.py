"""What keeps the web faces safe to open on any corpus: the response headers every answer
carries, the Host check against DNS rebinding, and the limits (page sizes, export rows,
query time, parameter length).

Story text, titles and actor names come from the open web and are hostile by assumption.
The API answers JSON (never HTML built from them) and CSV with formula cells neutralised;
the pages escape them (Jinja2 autoescape). The Content-Security-Policy below is the second
wall: even if some text slipped through as markup, no inline script runs, nothing loads
from another origin and nothing is sent to one.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

# default-src 'self' covers scripts, styles, fonts and fetches: this origin only, no inline
# script, no eval. The rest only narrows it: no plugins, no <base> rewriting, no framing (the
# page cannot be clickjacked), forms post here only; images may also be data: URLs (charts
# exported as PNG), which load nothing from anywhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # links out to a story's source URL must not tell the outlet what the analyst reads
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# Host names a browser uses for this machine. A page of another site whose name was re-bound
# to 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused. "testserver" is
# the name Starlette's test client sends; no public name can take it.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "testserver")

# the longest text any query parameter may have (a filter, an id): longer is a 422
MAX_PARAM_LENGTH = 1000


@dataclass(frozen=True)
class WebSettings:
    """Limits of the web faces; the defaults suit a laptop and a 100,000-event store."""

    per_page_default: int = 50
    per_page_max: int = 500
    csv_max_rows: int = 100_000  # an events CSV stops here (X-Eventmill-Truncated: true)
    query_timeout: float = 5.0  # seconds a request's statements may run in all
    list_max: int = 1000  # the most actors, edges or places one answer lists
    cache_entries: int = 128  # aggregate answers kept while the store is unchanged; 0: none
    allowed_hosts: tuple[str, ...] = field(default=LOOPBACK_HOSTS)


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def hosts_for(bind: str) -> tuple[str, ...]:
    """The Host headers to accept when serving on `bind`: loopback names, plus the bound
    address itself; every name when bound to all interfaces (0.0.0.0, ::), where the user
    has chosen to be reachable by whatever name the network gives the machine."""
    name = bind.strip().strip("[]")
    if name in ("0.0.0.0", "::", ""):
        return ("*",)
    if is_loopback(name):
        return LOOPBACK_HOSTS
    return (*LOOPBACK_HOSTS, name, f"[{name}]")


class SecurityHeaders:
    """ASGI middleware: the headers above on every HTTP response (API, pages, static files,
    errors), without reading or buffering the body."""

    def __init__(self, app, headers: dict[str, str] | None = None):
        self.app = app
        self.headers = [
            (k.lower().encode("latin-1"), v.encode("latin-1"))
            for k, v in (headers or SECURITY_HEADERS).items()
        ]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
