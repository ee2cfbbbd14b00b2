"""Per-process memory of results read from files, keyed by the files' contents.

A report's six chapters and the build that runs them all open the same kecamatan; with this they
read and validate its inputs once per worker process. The key includes a digest of the files'
bytes, so an edited input is always read again. Results are shared: callers treat them as
read-only.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

from lkjip.inputs import is_regular_file

T = TypeVar("T")


def files_digest(paths: Iterable[Path]) -> str:
    """Digest of the names and bytes of ``paths``. A missing file counts as absent, and so does
    anything that is not a regular file (a FIFO would block the read for ever)."""
    h = hashlib.blake2b(digest_size=20)
    for path in paths:
        h.update(str(path).encode())
        try:
            h.update(path.read_bytes() if is_regular_file(path) else b"\0-")
        except OSError:
            h.update(b"\0-")
    return h.hexdigest()


class Recent(Generic[T]):
    """The last ``size`` results by key; older ones are dropped so memory stays flat."""

    def __init__(self, size: int = 2) -> None:
        self.size = size
        self.items: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = compute()
        self.items[key] = value
        while len(self.items) > self.size:
            self.items.popitem(last=False)
        return value
