"""Files that must not stop a batch: HTML oddities, UTF-16, brackets in names, link loops,
long one-line texts, duplicate ids; and CLI output that prints data as data."""

from __future__ import annotations

import codecs
import importlib.metadata
import json
import re
import socket
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from allegraph.cli import app
from allegraph.cli_output import print_result
from allegraph.ingest import loaders
from allegraph.ingest.loaders import MAX_TITLE_CHARS, expand_paths, load_documents, load_path, unique_ids
from allegraph.models import Document, SkippedDocument
from allegraph.querying import QueryResponse

STORY = "Turkey on Monday accused Russia of shelling civilians in the Syrian town of Saraqeb, killing seven people."

NEWS_PAGE = f"""<!doctype html><html><head><title>Turkey accuses Russia of shelling Idlib - World News</title>
<script>var ads = []; function track() {{ document.write('<div>tracking pixel</div>'); }}</script>
<style>.ad {{ color: red }}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World section</a></li></ul></nav></header>
<div class="ad">Buy cheap flights now! Subscribe to our newsletter.</div>
<main><article><h1>Turkey accuses Russia of shelling Idlib</h1>
<p>{STORY}</p>
<p>Russia's Defense Ministry denied the accusation, saying its aircraft had not carried out any strikes there.</p>
<script>track();</script></article></main>
<aside>Most read: celebrity gossip</aside><footer>Copyright 2020 World News. All rights reserved.</footer></body></html>"""


def _load(path: Path) -> list[Document | SkippedDocument]:
    return list(load_path(path, 5_000_000))


# ---------------------------------------------------------------- HTML


def test_a_news_page_keeps_the_story_and_drops_scripts_nav_and_ads(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(NEWS_PAGE)
    [document] = _load(page)
    assert isinstance(document, Document), document
    assert STORY in document.text and "denied the accusation" in document.text
    for junk in ("tracking pixel", "var ads", "color: red", "World section", "celebrity gossip", "Copyright"):
        assert junk not in document.text, junk
    assert document.title and document.title.startswith("Turkey accuses Russia")


def test_a_script_only_page_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-script.html").write_text(
        "<html><head><script>document.write('x')</script></head><body></body></html>"
    )
    (tmp_path / "b-story.txt").write_text(STORY)
    items = list(load_documents([str(tmp_path)], 5_000_000))
    assert [type(i).__name__ for i in items] == ["SkippedDocument", "Document"]
    assert items[0].reason == "no text"  # type: ignore[union-attr]


def test_ten_thousand_nested_divs_are_read(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 10_000 + f"<p>{STORY}</p>" + "</div>" * 10_000 + "</body></html>")
    [document] = _load(page)
    assert isinstance(document, Document) and STORY in document.text


def test_the_fallback_parser_is_selectolax_lexbor(tmp_path: Path) -> None:
    """selectolax 1.0 removed the Modest backend (selectolax.parser); the fallback uses lexbor."""
    text = loaders._fallback_html_text(NEWS_PAGE)
    assert STORY in text and "tracking pixel" not in text and "World section" not in text


def test_any_loader_failure_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text(NEWS_PAGE)
    (tmp_path / "b.txt").write_text(STORY)
    skipped, document = load_documents([str(tmp_path)], 5_000_000)
    assert isinstance(skipped, SkippedDocument) and "ImportError" in skipped.reason
    assert isinstance(document, Document)


def test_the_html_dependencies_are_declared() -> None:
    """What the loaders really import is what a fresh install gets (lxml no longer ships html.clean)."""
    required = {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in _requirements()}
    assert {"trafilatura", "lxml-html-clean", "selectolax"} <= required
    import lxml.html.clean  # noqa: F401 - justext, trafilatura's fallback, imports it
    from selectolax.lexbor import LexborHTMLParser  # noqa: F401


def _requirements() -> list[str]:
    return importlib.metadata.requires("allegraph") or []


# ---------------------------------------------------------------- text files and paths


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    path = tmp_path / "wide.txt"
    path.write_bytes(bom[encoding] + STORY.encode(encoding))
    [document] = _load(path)
    assert isinstance(document, Document) and document.text == STORY


def test_a_name_with_brackets_that_exists_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "report [draft].txt"
    path.write_text(STORY)
    (tmp_path / "report d.txt").write_text("another story about something else entirely, not this one")
    assert list(expand_paths([str(path)])) == [path]


def test_a_link_loop_under_a_glob_is_reported_once_at_the_link(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "self").symlink_to(".")
    (tmp_path / "loop").symlink_to("loop")
    items = list(expand_paths([f"{tmp_path}/**"]))
    files = [i for i in items if isinstance(i, Path)]
    skips = [i for i in items if isinstance(i, SkippedDocument)]
    assert files == [tmp_path / "a.txt"]
    assert sorted(Path(s.source).name for s in skips) == ["loop", "self"], skips
    assert all(len(s.source) < len(str(tmp_path)) + 10 for s in skips)


def test_a_one_line_text_gets_a_bounded_title(tmp_path: Path) -> None:
    line = ("Turkey accused Russia of shelling the town again, officials said, " * 60).strip()
    path = tmp_path / "long.txt"
    path.write_text(line)
    [document] = _load(path)
    assert isinstance(document, Document)
    assert document.title and len(document.title) <= MAX_TITLE_CHARS and document.title.endswith("…")
    assert line.startswith(document.title[:-1].rstrip())
    assert document.text == line  # the text itself is whole


# ---------------------------------------------------------------- ingest


def _duplicates(tmp_path: Path) -> Path:
    records = [
        {"id": "dup", "text": STORY},
        {"id": "dup", "text": "France accused Syria of bombing a hospital in Idlib on Tuesday, officials said."},
    ]
    path = tmp_path / "dups.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))
    return path


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    path = _duplicates(tmp_path)
    first, second = unique_ids(load_documents([str(path)], 5_000_000))
    assert isinstance(first, Document) and first.text == STORY
    assert isinstance(second, SkippedDocument) and "duplicate id 'dup'" in second.reason
    assert second.source.endswith(":2") and f"{path}:1" in second.reason


def test_duplicate_ids_are_stored_once_and_reingest_is_a_no_op(tmp_path: Path, store, nlp, settings) -> None:  # type: ignore[no-untyped-def]
    from allegraph.service import ingest_paths

    path = _duplicates(tmp_path)
    first = ingest_paths(store, nlp, [str(path)], settings)
    assert first.documents == 1 and [s.source for s in first.skipped] == [f"{path}:2"]
    again = ingest_paths(store, nlp, [str(path)], settings)
    assert again.documents == 0 and again.unchanged == 1
    stored = store.read("MATCH (d:Document {id: 'dup'}) RETURN d.content_hash AS h").rows
    assert stored == [{"h": loaders.content_hash(STORY)}]


# ---------------------------------------------------------------- CLI


def test_markup_in_data_is_printed_as_written() -> None:
    console = Console(record=True, width=200)
    response = QueryResponse(
        query="evidence",
        columns=["document", "evidence"],
        rows=[{"document": "Talks [/b] collapse", "evidence": "It denied the [shelling] and [bold]x[/bold]."}],
    )
    print_result(response, "table", console)
    printed = console.export_text()
    assert "Talks [/b] collapse" in printed and "[shelling]" in printed and "[bold]x[/bold]" in printed


def test_ingest_prints_bracketed_file_names_as_written(tmp_path: Path) -> None:
    (tmp_path / "[bold]notes.xyz").write_text("not a supported type")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "[bold]notes.xyz")], env={"ALLEGRAPH_HOME": "/nowhere"})
    assert "[bold]notes.xyz" in result.output, result.output


def test_a_bad_setting_is_a_message_not_a_traceback() -> None:
    result = CliRunner().invoke(app, ["stats"], env={"ALLEGRAPH_MAX_DOCUMENT_BYTES": "5MB"})
    assert result.exit_code == 2
    assert "ALLEGRAPH_MAX_DOCUMENT_BYTES must be a positive whole number of bytes" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_a_parameter_given_twice_is_an_error() -> None:
    result = CliRunner().invoke(app, ["query", "most-accused", "-p", "limit=1", "-p", "limit=2"])
    assert result.exit_code == 2 and "given twice" in result.output


def test_serve_on_a_port_in_use_fails_before_its_banner() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port), "--home", "/tmp/ag-port-test"])
    assert result.exit_code == 2, result.output
    assert "cannot listen on 127.0.0.1" in result.output and "Allegraph explorer on" not in result.output


FRENCH = (
    "La Turquie a accusé lundi la Russie de bombarder des civils dans la ville syrienne de Saraqeb, "
    "tuant sept personnes, selon un communiqué du ministère de la Défense publié dans la soirée."
)


def test_documents_not_in_english_are_counted_in_the_summary(tmp_path: Path, store, nlp, settings) -> None:  # type: ignore[no-untyped-def]
    from allegraph.service import ingest_paths

    (tmp_path / "en.txt").write_text(STORY)
    (tmp_path / "fr.txt").write_text(FRENCH)
    summary = ingest_paths(store, nlp, [str(tmp_path)], settings)
    assert summary.documents == 2
    assert [(Path(n.source).name, n.language) for n in summary.not_english] == [("fr.txt", "fr")]


def test_the_cli_summary_says_how_many_are_not_in_english(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fr.txt").write_text(FRENCH)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--home", str(settings.home)])
    assert result.exit_code == 0, result.output
    assert "1 not in English (fr)" in result.output and "fr.txt" in result.output
