"""Writing a file: the one atomic writer every output goes through, and the Indonesian message
of a file system that refuses (full, read-only, no permission).

A file is written under a temporary name in its own folder, flushed to disk and renamed into
place, so a reader (a user, Word, the next batch) sees the old file or the new one, never half of
one. The temporary file is created like any new file (mode 0666 less the process's umask, so
0644 under the usual 022), not at ``mkstemp``'s 0600, and never outlives a failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from lkjip.inputs import os_reason
from lkjip.problems import InputError


class WriteError(InputError):
    """A file could not be written: a full disk, a read-only file system, no permission."""


# The errors that mean "this place cannot be written", whatever the file; each with advice.
CANNOT_WRITE = {
    errno.ENOSPC: "kosongkan ruang disk lalu jalankan lagi",
    errno.EDQUOT: "kosongkan ruang disk lalu jalankan lagi",
    errno.EROFS: "pilih folder keluaran yang dapat ditulisi (opsi --output)",
    errno.EACCES: "periksa izin folder itu atau pilih folder keluaran lain (opsi --output)",
    errno.EPERM: "periksa izin folder itu atau pilih folder keluaran lain (opsi --output)",
}


def cannot_write(path: Path | str, exc: OSError) -> WriteError:
    """The error to raise when writing ``path`` failed with ``exc`` (one of CANNOT_WRITE)."""
    reason = "kuota disk habis" if exc.errno == errno.EDQUOT else os_reason(exc)
    advice = CANNOT_WRITE.get(exc.errno or 0, "")
    return WriteError(f"{path}: tidak dapat menulis ({reason})" + (f"; {advice}" if advice else ""))


@contextlib.contextmanager
def writing(target: Path | str) -> Iterator[None]:
    """Turn a failure to write ``target`` for want of room or rights into :class:`WriteError`."""
    try:
        yield
    except OSError as exc:
        if exc.errno in CANNOT_WRITE:
            raise cannot_write(target, exc) from exc
        raise


_TRIES = 8  # fresh random names before giving up (a clash is one in 2**48 per try)


def _fresh(target: Path) -> Path:
    """A new, empty file beside ``target``, created with the mode a new file gets (0666 less
    the umask). Its name keeps ``target``'s suffix last: tools pick the format from it."""
    for _ in range(_TRIES):
        tmp = target.with_name(f".{target.stem}.{secrets.token_hex(6)}{target.suffix}")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _sync(path: Path, folder: bool = False) -> None:
    """Flush ``path`` to disk. A folder's flush (which makes the rename durable) is best
    effort: some file systems refuse it."""
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if folder else 0))
    except OSError:
        if folder:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not folder:
            raise
    finally:
        os.close(fd)


def atomic_write(target: Path | str, produce: Callable[[Path], object]) -> Path:
    """Write ``target`` through ``produce(temp)``, which writes the whole file at ``temp`` (a
    path beside ``target``, with its suffix), then flush and rename it into place. The folder is
    created if needed. The temporary file never outlives a failure; a file system that cannot
    be written (full, read-only, no permission) raises :class:`WriteError` naming ``target``."""
    target = Path(target)
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        # absolute: ``produce`` may hand the path to a program running in another folder
        tmp = _fresh(target.absolute())
    try:
        with writing(target):
            produce(tmp)
            _sync(tmp)
            os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _sync(target.parent, folder=True)
    return target


def write_text(target: Path | str, text: str) -> Path:
    """``target`` holding ``text`` (UTF-8, line ends as given on any system), written
    atomically."""
    return atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))


def write_bytes(target: Path | str, data: bytes) -> Path:
    """``target`` holding ``data``, written atomically."""
    return atomic_write(target, lambda tmp: tmp.write_bytes(data))
