"""What every CLI command shares: the consoles, the store options, errors as a message and a hint."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from allegraph.config import Settings
from allegraph.errors import AllegraphError

console = Console()
errors = Console(stderr=True)

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help="'embedded' (default) or a bolt:// / neo4j:// URI. Env: ALLEGRAPH_STORE"),
]
HomeOpt = Annotated[str | None, typer.Option("--home", help="Data directory. Env: ALLEGRAPH_HOME")]


def fail(exc: AllegraphError) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {escape(exc.message)}")
    if exc.hint:
        errors.print(f"[yellow]hint:[/] {escape(exc.hint)}")
    return typer.Exit(2)


def load_settings(store: str | None = None, home: str | None = None) -> Settings:
    """Settings from the environment; a bad variable is an error message, not a traceback."""
    try:
        return Settings.from_env(store=store, home=home)
    except AllegraphError as exc:
        raise fail(exc) from exc


def open_configured(settings: Settings) -> Any:
    from allegraph.graph.store import open_store

    return open_store(settings)
