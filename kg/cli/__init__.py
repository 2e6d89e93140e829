"""The `kg` command: thin Typer commands over the library API (one module per group of commands)."""

from kg.cli import analyze, build, graph, models, query  # noqa: F401,E402  (registers the commands)
from kg.cli.common import app

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover
    app()
