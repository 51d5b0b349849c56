"""A fixed number of slots shared by every process on this machine (API workers, CLI commands),
held with flock(2) on one file per slot: a crashed holder releases its slot with its process."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from allegraph.errors import StoreBusy

POLL_S = 0.02


class Slots:
    def __init__(self, directory: Path, count: int, what: str = "request") -> None:
        self.directory = directory
        self.count = max(1, count)
        self.what = what

    def _try(self) -> int | None:
        self.directory.mkdir(parents=True, exist_ok=True)
        for number in range(self.count):
            fd = os.open(self.directory / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return fd
        return None

    @contextlib.contextmanager
    def hold(self, wait_s: float) -> Iterator[None]:
        """One slot for the duration of the block; StoreBusy when none frees up within wait_s."""
        deadline = time.monotonic() + wait_s
        fd = self._try()
        while fd is None:
            if time.monotonic() >= deadline:
                raise StoreBusy(
                    f"{self.count} {self.what}{'s are' if self.count != 1 else ' is'} already running, "
                    f"the most allowed at once",
                    hint="retry in a moment; canned queries (/queries/…) are not limited by this",
                )
            time.sleep(POLL_S)
            fd = self._try()
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
