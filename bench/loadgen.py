"""HTTP load from its own process: `python -m bench.loadgen URL PATHS.json --connections 64 --seconds 10 [--rate R]`.

Keep-alive HTTP/1.1 over asyncio streams, lighter than a general client so that the load
generator takes as little as possible of a small machine's CPU from the server it measures.
Without --rate it is a closed loop (each connection sends its next request when the last one
answers: saturation throughput). With --rate it sends R requests per second on a fixed
schedule and times each from when it was due, so a stalled server shows in the percentiles
instead of silently lowering the load.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.measure import latency


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = next(
            (
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ),
            None,
        )
        if length is None:
            raise RuntimeError("response without Content-Length")
        await self.reader.readexactly(length)
        return status


async def run_load(url: str, paths: list[str], connections: int, seconds: float, rate: float | None) -> dict:  # type: ignore[type-arg]
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    durations: list[float] = []
    errors = 0
    slots = itertools.count()
    start = time.perf_counter()
    deadline = start + seconds

    async def worker(number: int) -> None:
        nonlocal errors
        connection = Connection(host, port)
        for request in itertools.count():
            slot = next(slots) if rate else number + request * connections
            due = start + slot / rate if rate else time.perf_counter()
            if due >= deadline:
                return
            if rate and due > time.perf_counter():
                await asyncio.sleep(due - time.perf_counter())
            try:
                status = await connection.get(paths[slot % len(paths)])
            except (OSError, asyncio.IncompleteReadError, RuntimeError, ValueError):
                errors += 1
                connection = Connection(host, port)
                continue
            if status != 200:
                errors += 1
            durations.append(time.perf_counter() - due)

    await asyncio.gather(*(worker(n) for n in range(connections)))
    return latency(durations, time.perf_counter() - start, errors).model_dump()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("paths", type=Path, help="JSON list of request paths, used in turn")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=None, help="requests per second (default: as fast as answered)")
    args = parser.parse_args()
    paths = json.loads(args.paths.read_text())
    print(json.dumps(asyncio.run(run_load(args.url, paths, args.connections, args.seconds, args.rate))))


if __name__ == "__main__":
    main()
