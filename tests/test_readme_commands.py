"""The README's commands exist: every `allegraph …` line in its code blocks, command tables and
inline code names a real command with real options (a documented command cannot disappear
unnoticed again); canned-query examples name real queries and parameters and run on the seed
graph; and `allegraph store status` / `store stop` do what the README says."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from allegraph.cli import app
from allegraph.queries import registry
from tests.conftest import ROOT, Seeded, _short_home

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROOT_COMMAND = typer.main.get_command(app)


@dataclass(frozen=True)
class Documented:
    line: str
    tokens: tuple[str, ...]  # the words after `allegraph`


def _words(command: str, *, in_table: bool) -> tuple[str, ...]:
    # table cells escape their pipes; `[--kind accuse]` marks an optional part
    command = command.replace("\\|", "|") if in_table else command
    command = re.sub(r"[\[\]]", " ", command).replace("…", " ")
    return tuple(shlex.split(command, comments=True))


def _commands_in(text: str, *, in_table: bool) -> list[Documented]:
    found = []
    # a shell line may chain commands; table and inline spans use `|` for alternatives instead
    pieces = [text] if in_table else re.split(r"&&|\|\||;|\s\|\s|&\s*$", text)
    for piece in pieces:
        match = re.search(r"(?:^|\s)allegraph\s+(.*)$", piece.strip())
        if match and not piece.strip().startswith("#"):
            found.append(Documented(piece.strip(), _words(match.group(1), in_table=in_table)))
    return found


def documented_commands() -> list[Documented]:
    commands: list[Documented] = []
    for block in re.findall(r"```(?:bash|sh|shell)\n(.*?)```", README, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            commands += _commands_in(line, in_table=False)
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    for span in re.findall(r"`(allegraph [^`]+)`", prose):
        commands += _commands_in(span, in_table=True)
    return commands


COMMANDS = documented_commands()


# typer ships its own copy of click, so commands are told apart by what they hold, not by class
def resolve(tokens: tuple[str, ...]) -> tuple[Any, list[str]]:
    """The command the words name, and the words left for its options and arguments."""
    command: Any = ROOT_COMMAND
    rest = list(tokens)
    while hasattr(command, "commands") and rest and not rest[0].startswith("-"):
        sub = command.commands.get(rest[0])
        assert sub is not None, f"no command {rest[0]!r} under {command.name or 'allegraph'!r}"
        command, rest = sub, rest[1:]
    assert not hasattr(command, "commands"), f"{command.name!r} needs a subcommand"
    return command, rest


def option_names(command: Any) -> set[str]:
    names = {"--help"}
    for param in command.params:
        if param.param_type_name == "option":
            names.update(param.opts, param.secondary_opts)
    return names


def test_the_readme_documents_the_commands_it_should() -> None:
    named = {tokens[0] for tokens in (c.tokens for c in COMMANDS) if tokens}
    assert {"ingest", "extract", "who", "queries", "query", "export", "serve", "stats", "store"} <= named
    assert any(c.tokens[:2] == ("store", "stop") for c in COMMANDS)


@pytest.mark.parametrize("documented", COMMANDS, ids=[c.line[:60] for c in COMMANDS])
def test_every_documented_command_and_option_exists(documented: Documented) -> None:
    command, rest = resolve(documented.tokens)
    known = option_names(command)
    for word in rest:
        if word.startswith("-") and word != "-":
            assert word.split("=")[0] in known, f"{documented.line!r}: {command.name} has no option {word}"
    help_run = CliRunner().invoke(app, [*documented.tokens[: len(documented.tokens) - len(rest)], "--help"])
    assert help_run.exit_code == 0, help_run.output


def query_examples() -> list[tuple[str, dict[str, str]]]:
    examples = []
    for c in COMMANDS:
        if c.tokens[:1] == ("query",) and len(c.tokens) > 1 and c.tokens[1].isascii() and c.tokens[1] != "NAME":
            words = list(c.tokens[2:])
            params = dict(words[i + 1].split("=", 1) for i, w in enumerate(words) if w in ("-p", "--param"))
            examples.append((c.tokens[1], params))
    return examples


QUERY_EXAMPLES = query_examples()


def test_the_readme_has_query_examples() -> None:
    assert len({name for name, _ in QUERY_EXAMPLES}) >= 20


@pytest.mark.parametrize(
    ("name", "params"), QUERY_EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(QUERY_EXAMPLES)]
)
def test_documented_query_examples_run_on_the_seed_graph(
    name: str, params: dict[str, str], seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    declared = registry()
    assert name in declared, f"the README shows a query {name!r} that does not exist"
    assert set(params) <= {p.name for p in declared[name].params}, f"{name}: unknown parameter in {params}"
    _use(seeded, monkeypatch)
    args = ["query", name, "-f", "json", *(f"-p{k}={v}" for k, v in params.items())]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["query"] == name


@pytest.mark.parametrize("args", [["stats", "--json"], ["queries"], ["who", "--target", "Russia", "--kind", "accuse"]])
def test_cheap_documented_commands_run_on_the_seed_graph(
    args: list[str], seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(seeded, monkeypatch)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


def _use(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    if seeded.settings.uses_neo4j:
        monkeypatch.setenv("ALLEGRAPH_STORE", seeded.settings.store)
    else:
        monkeypatch.setenv("ALLEGRAPH_STORE", "embedded")
        monkeypatch.setenv("ALLEGRAPH_HOME", str(seeded.settings.home))
    monkeypatch.setenv("ALLEGRAPH_GRAPH", seeded.settings.graph_name)


def _status(home: Path) -> dict[str, object]:
    result = CliRunner().invoke(app, ["store", "status", "--json", "--home", str(home)])
    assert result.exit_code == 0, result.output
    status: dict[str, object] = json.loads(result.stdout)
    return status


def test_store_status_and_stop_keep_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALLEGRAPH_GRAPH", raising=False)
    monkeypatch.setenv("ALLEGRAPH_STORE", "embedded")
    home = _short_home()
    assert _status(home)["running"] is False  # status looks; it does not start a server
    from allegraph.graph.falkor import EmbeddedServer

    try:
        store_commands_round_trip(home, tmp_path)
    finally:
        EmbeddedServer(home).stop()


def store_commands_round_trip(home: Path, tmp_path: Path) -> None:
    from allegraph.config import Settings
    from allegraph.graph.store import open_store

    settings = Settings(store="embedded", home=home)
    with open_store(settings) as store:
        store.write("CREATE (:Document {id: 'doc-1'}), (:Actor {id: 'actor:x'})")
    running = _status(home)
    assert running["running"] is True and isinstance(running["pid"], int)
    assert running["socket"] == str(home / "falkordb" / "falkordb.sock")
    assert running["graphs"] == {"allegraph": {"nodes": {"Actor": 1, "Document": 1}, "edges": {}}}
    assert int(running["data_bytes"]) > 0  # type: ignore[call-overload]
    table = CliRunner().invoke(app, ["store", "status", "--home", str(home)])
    assert "running, pid" in table.stdout and "1 Document" in table.stdout

    stop = CliRunner().invoke(app, ["store", "stop", "--home", str(home)])
    assert stop.exit_code == 0 and "stopped, data kept" in stop.stdout, stop.output
    stopped = _status(home)
    assert stopped["running"] is False and stopped["graphs"] == {} and int(stopped["data_bytes"]) > 0  # type: ignore[call-overload]
    again = CliRunner().invoke(app, ["store", "stop", "--home", str(home)])
    assert again.exit_code == 0 and "not running" in again.stdout
    with open_store(settings) as store:  # the next command starts it again, on the same data
        assert store.stats().nodes == {"Actor": 1, "Document": 1}
