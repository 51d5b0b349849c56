"""Printing query results on the terminal: table, JSON (the API's shape) or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

if TYPE_CHECKING:
    from allegraph.querying import QueryResponse

CELL_CHARS = 300
MIN_COLUMN_WIDTH = 14


def data(*values: str | None) -> list[Text]:
    """Text from documents and the graph as table cells: never read as rich markup, so that
    "[/b]" in a title is printed as written rather than crashing the table."""
    return [Text(value or "") for value in values]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def print_result(response: QueryResponse, output: str, console: Console) -> None:
    if output == "json":
        sys.stdout.write(response.model_dump_json(indent=2) + "\n")
        return
    if output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(response.columns)
        for row in response.rows:
            writer.writerow([_cell(row.get(c)) for c in response.columns])
        return
    title = f"{response.query}: {len(response.rows)} row{'s' if len(response.rows) != 1 else ''}"
    if len(response.columns) * MIN_COLUMN_WIDTH <= console.width:
        table = Table(*(Column(Text(c)) for c in response.columns), title=Text(title), show_lines=True)
        for row in response.rows:
            table.add_row(*data(*(_shorten(_cell(row.get(c))) for c in response.columns)))
        console.print(table)
        return
    # too many columns for the terminal: one block per row, a line per column
    console.print(f"[bold]{escape(title)}[/]")
    for number, row in enumerate(response.rows, 1):
        block = Table("column", "value", title=f"row {number}", show_header=False, title_justify="left")
        for column in response.columns:
            block.add_row(*data(column, _shorten(_cell(row.get(column)))))
        console.print(block)


def _shorten(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"
