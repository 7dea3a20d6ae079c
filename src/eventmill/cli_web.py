"""`eventmill serve`: the API and dashboard over a store (a thin face over web/app.py).
Registered on the main app by `register(app)`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
