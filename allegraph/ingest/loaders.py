"""Read input paths into documents; every unreadable one becomes a skip with a reason."""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from allegraph.ingest.streams import (
    COMPRESSED_SUFFIX,
    DAMAGED,
    content_name,
    count_lines,
    inner_suffix,
    is_compressed,
    line_limit,
    numbered_lines,
    open_binary,
    read_bounded,
)
from allegraph.models import Document, SkippedDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = JSON_LINES_SUFFIXES | {".json"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# a title is what a person reads in a list: a text without a headline-like line gets the start
# of its first line, cut at a word, not the whole line
MAX_TITLE_CHARS = 200
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Record(BaseModel):
    """One JSON(L) input record."""

    id: str | None = None
    title: str | None = None
    text: str
    url: str | None = None
    published: str | None = None
    source: str | None = None


class Skip(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def expand_paths(inputs: list[str]) -> Iterator[Path | SkippedDocument]:
    """Files, directories (recursively, sorted) and glob patterns, each file once. A name that
    exists is that file, even with glob characters in it ("report [draft].txt"). A symbolic
    link back into a directory already read is reported once, at the link, not at every depth
    the pattern followed it to."""
    seen: set[Path] = set()
    seen_dirs: set[Path] = set()
    for item in inputs:
        pattern = glob.has_magic(item) and not Path(item).exists()
        matches = [Path(m) for m in sorted(glob.glob(item, recursive=True))] if pattern else [Path(item)]
        if not matches:
            yield SkippedDocument(source=item, reason="no file matches this pattern")
        loops: list[Path] = []
        for path in matches:
            if any(loop in path.parents for loop in loops):
                continue  # the same loop, followed deeper
            if path.is_dir():
                resolved = path.resolve()
                if resolved in seen_dirs:
                    if path.is_symlink():
                        loops.append(path)
                        yield SkippedDocument(
                            source=str(path), reason=f"symbolic link to {resolved}, which is already read"
                        )
                    continue
                seen_dirs.add(resolved)
                files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            elif path.exists():
                files = [path]
            elif path.is_symlink():
                loops.append(path)
                yield SkippedDocument(source=str(path), reason="broken or looping symbolic link")
                continue
            else:
                yield SkippedDocument(source=str(path), reason="no such file or directory")
                continue
            for file in files:
                resolved = file.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    yield file


def load_path(path: Path, max_bytes: int) -> Iterator[Document | SkippedDocument]:
    """Documents from one file; a bad file or line is a SkippedDocument, never an exception."""
    suffix = inner_suffix(path)
    if suffix not in SUPPORTED:
        shown = suffix + COMPRESSED_SUFFIX if is_compressed(path) and suffix else suffix
        yield SkippedDocument(source=str(path), reason=f"unsupported file type {shown or '(none)'}")
        return
    try:
        if suffix in JSON_LINES_SUFFIXES:
            yield from _json_line_documents(path, max_bytes)
            return
        text = _read_text(path, max_bytes)
        if suffix in JSON_SUFFIXES:
            yield from _json_documents(path, text, max_bytes)
        elif suffix in HTML_SUFFIXES:
            yield _html_document(path, text)
        else:
            yield _text_document(path, text)
    except Skip as skip:
        yield SkippedDocument(source=str(path), reason=skip.reason)
    except DAMAGED as exc:
        yield SkippedDocument(source=str(path), reason=f"damaged compressed file: {exc}")
    except OSError as exc:
        yield SkippedDocument(source=str(path), reason=f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a loader's failure (parser, missing module) costs only this file
        yield SkippedDocument(source=str(path), reason=f"could not be read: {type(exc).__name__}: {exc}"[:500])


def _read_text(path: Path, max_bytes: int) -> str:
    if path.stat().st_size == 0:
        raise Skip("empty file")
    data = read_bounded(path, max_bytes) if is_compressed(path) else path.read_bytes()
    if not data:
        raise Skip("empty file")
    if len(data) > max_bytes and inner_suffix(path) not in JSON_SUFFIXES:
        raise Skip(f"larger than the {max_bytes:,}-byte limit (ALLEGRAPH_MAX_DOCUMENT_BYTES)")
    return _decode(data)


def _decode(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)  # the codec reads the BOM and drops it
            except UnicodeDecodeError as exc:
                raise Skip(f"not valid {encoding.upper()} (bad bytes at offset {exc.start})") from exc
    if b"\x00" in data[:8192]:
        raise Skip("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Skip(f"not valid UTF-8 (bad byte at offset {exc.start})") from exc


def _json_line_documents(path: Path, max_bytes: int) -> Iterator[Document | SkippedDocument]:
    """One record per line, read as a stream; a bad line costs only itself, and a compressed file
    damaged part-way keeps the records before the damage."""
    if not is_compressed(path) and path.stat().st_size == 0:
        raise Skip("empty file")
    with open_binary(path) as stream:
        head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
        if any(head.startswith(bom) for bom, _ in BOMS):
            yield from _json_documents(path, _decode(stream.read()), max_bytes)  # UTF-16/32: rare, whole
            return
        if b"\x00" in head:
            raise Skip("binary file (contains NUL bytes)")
        number = 0
        try:
            for number, line in numbered_lines(stream, line_limit(max_bytes)):
                document = _json_line(path, number, line, max_bytes)
                if document is not None:
                    yield document
        except DAMAGED as exc:
            yield SkippedDocument(source=f"{path}:{number + 1}", reason=f"damaged compressed file: {exc}")


def _json_line(path: Path, number: int, line: bytes | None, max_bytes: int) -> Document | SkippedDocument | None:
    source = f"{path}:{number}"
    if line is None:
        return SkippedDocument(
            source=source, reason=f"line larger than the {max_bytes:,}-byte limit (ALLEGRAPH_MAX_DOCUMENT_BYTES)"
        )
    if number == 1:
        line = line.removeprefix(codecs.BOM_UTF8)
    if not line.strip():
        return None
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return SkippedDocument(source=source, reason=f"not valid UTF-8 (bad byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return SkippedDocument(source=source, reason=f"not valid JSON: {exc.msg}")
    return record_document(source, record, max_bytes)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_document(text: str, *, doc_id: str | None, path: str | None, max_bytes: int, **meta: Any) -> Document:
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise Skip("no text")
    if len(body.encode("utf-8")) > max_bytes:
        raise Skip(f"text larger than the {max_bytes:,}-byte limit (ALLEGRAPH_MAX_DOCUMENT_BYTES)")
    digest = content_hash(body)
    meta["title"] = bounded_title(meta.get("title"))
    return Document(id=doc_id or f"sha256:{digest[:32]}", text=body, path=path, content_hash=digest, **meta)


def bounded_title(title: str | None) -> str | None:
    """At most MAX_TITLE_CHARS, cut at a word with an ellipsis; one line; None when empty."""
    if title is None:
        return None
    text = " ".join(title.split())
    if len(text) <= MAX_TITLE_CHARS:
        return text or None
    cut = text[: MAX_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    if space > MAX_TITLE_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def headline(text: str) -> str | None:
    """The first line that reads like a headline: saved pages start with banners such as
    "Accessibility links" or "This story is over 5 years old." before the real one."""
    lines = [line.strip() for line in text.splitlines()[:40] if line.strip()]
    for line in lines:
        words = len(line.split())
        if 4 <= words <= 30 and not line.endswith((".", ":")):
            return line
    return lines[0] if lines else None


def _text_document(path: Path, text: str) -> Document:
    title = headline(text)
    return make_document(text, doc_id=content_name(path), path=str(path), max_bytes=10**12, title=title)


def _html_document(path: Path, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text:
        text = _fallback_html_text(html)
    title = getattr(extracted, "title", None) if extracted is not None else None
    published = getattr(extracted, "date", None) if extracted is not None else None
    url = getattr(extracted, "url", None) if extracted is not None else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return make_document(
        text, doc_id=content_name(path), path=str(path), max_bytes=10**12, title=title, published=published, url=url
    )


def _fallback_html_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, nav, header, footer, aside, form"):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is None:
        return ""
    blocks = [n.text(separator=" ", strip=True) for n in root.css("h1, h2, h3, p, li")]
    text = "\n\n".join(b for b in blocks if b)
    return text or root.text(separator="\n", strip=True)


def _json_documents(path: Path, text: str, max_bytes: int) -> Iterator[Document | SkippedDocument]:
    if inner_suffix(path) == ".json" and text.lstrip()[:1] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Skip(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        records = data if isinstance(data, list) else [data]
        for n, record in enumerate(records, 1):
            yield record_document(f"{path}[{n}]", record, max_bytes)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SkippedDocument(source=source, reason=f"not valid JSON: {exc.msg}")
            continue
        yield record_document(source, record, max_bytes)


def record_document(source: str, record: object, max_bytes: int) -> Document | SkippedDocument:
    """A JSON record (from a file or the API) as a Document, or the reason it cannot be one."""
    try:
        parsed = Record.model_validate(record)
        return make_document(
            parsed.text,
            doc_id=parsed.id,
            path=source,
            max_bytes=max_bytes,
            title=parsed.title or headline(parsed.text),
            url=parsed.url,
            published=parsed.published,
            source=parsed.source,
        )
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors())
        return SkippedDocument(source=source, reason=f"invalid record: {problems}")
    except Skip as skip:
        return SkippedDocument(source=source, reason=skip.reason)


def load_documents(inputs: list[str], max_bytes: int) -> Iterator[Document | SkippedDocument]:
    for item in expand_paths(inputs):
        if isinstance(item, SkippedDocument):
            yield item
        else:
            yield from load_path(item, max_bytes)


def unique_ids(items: Iterable[Document | SkippedDocument]) -> Iterator[Document | SkippedDocument]:
    """One document per id in one input: the first keeps it, each later one is skipped with the
    reason. Otherwise both would be written, the second over the first, and every re-ingest
    would flip the stored version, so that re-ingesting would never be a no-op."""
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            source = item.path or item.id
            if item.id in first:
                yield SkippedDocument(
                    source=source, reason=f"duplicate id {item.id!r}: the first, from {first[item.id]}, is kept"
                )
                continue
            first[item.id] = source
        yield item


def count_documents(inputs: list[str]) -> int:
    """About how many documents (or skips) the inputs hold, cheaply: a progress bar's total.
    JSON lines are counted by line without being parsed; a JSON array counts as one."""
    total = 0
    for item in expand_paths(inputs):
        lines = isinstance(item, Path) and inner_suffix(item) in JSON_LINES_SUFFIXES
        total += count_lines(item) if lines and isinstance(item, Path) else 1
    return total
