"""Reading files as streams: gzip-compressed inputs, and JSON lines one line at a time, so that a
feed of any size costs the memory of one record, not of the file."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from io import BufferedReader
from pathlib import Path

COMPRESSED_SUFFIX = ".gz"
# a JSON line may escape its text to twice its length ("\n" → "\\n"); anything longer than this
# cannot hold a text under the limit, and is skipped without being kept in memory
LINE_SLACK = 64 * 1024
CHUNK = 1 << 20
DAMAGED = (EOFError, gzip.BadGzipFile, zlib.error)


def is_compressed(path: Path) -> bool:
    return path.name.lower().endswith(COMPRESSED_SUFFIX)


def inner_suffix(path: Path) -> str:
    """The type of the file's content: `.jsonl` for `news.jsonl.gz`, `.txt` for `a.txt`."""
    name = path.name[: -len(COMPRESSED_SUFFIX)] if is_compressed(path) else path.name
    return Path(name).suffix.lower()


def content_name(path: Path) -> str:
    """The file name without its compression suffix: a document keeps its id when compressed."""
    return path.name[: -len(COMPRESSED_SUFFIX)] if is_compressed(path) else path.name


Binary = gzip.GzipFile | BufferedReader


def open_binary(path: Path) -> Binary:
    return gzip.open(path, "rb") if is_compressed(path) else path.open("rb")


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The decompressed content, at most `max_bytes + 1` bytes (one more tells it was too long)."""
    with open_binary(path) as stream:
        return stream.read(max_bytes + 1)


def line_limit(max_bytes: int) -> int:
    return 2 * max_bytes + LINE_SLACK


def numbered_lines(stream: Binary, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; None for a line longer than `limit`, whose bytes are
    read past in chunks rather than held."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
            continue
        yield number, line


def _skip_rest_of_line(stream: Binary) -> None:
    while True:
        chunk = stream.readline(CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def count_lines(path: Path) -> int:
    """Non-blank lines of a JSON-lines file (compressed or not), for a progress bar's total."""
    count = 0
    try:
        with open_binary(path) as stream:
            for _, line in numbered_lines(stream, CHUNK):
                count += line is None or bool(line.strip())
    except (OSError, *DAMAGED):
        pass  # the loader reports it; the bar's total is only an estimate
    return count
