"""The drafts the Camat's staff edit: never replaced while Word has them open, never lost.

Before a batch writes a kecamatan's new DOCX over the old one, the old one is moved to
``<kecamatan>/arsip/`` unless the manifest proves it is, byte for byte, what lkjip wrote there
(no manifest, no entry or another hash: archived). An archive never overwrites another.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lkjip.problems import InputError

ARCHIVE = "arsip"
LOCK_PREFIX = "~$"  # Word's owner file beside a document it has open


class DraftError(InputError):
    """A draft cannot be replaced now (open in Word, or it cannot be archived)."""


def word_lock(draft: Path) -> Path | None:
    """Word's lock file of ``draft`` if there is one: ``~$`` and the name without its first two
    characters (``~$jIP_Perak_2024.docx`` for ``LKjIP_Perak_2024.docx``); for short names Word
    drops one character or none."""
    for cut in (2, 1, 0):
        lock = draft.with_name(LOCK_PREFIX + draft.name[cut:])
        if lock.is_file():
            return lock
    return None


def check_closed(draft: Path) -> None:
    """Raise :class:`DraftError` while Word has ``draft`` open."""
    lock = word_lock(draft)
    if lock is not None:
        raise DraftError(
            f"draf {draft.name} sedang dibuka di Word (ada berkas kunci {lock.name}); "
            "tutup dokumen itu lalu jalankan lagi"
        )


def archive(folder: Path, name: str, now: dt.datetime | None = None) -> Path:
    """Move the draft ``folder / name`` to ``arsip/<stem>-<timestamp>[-N].docx``, a name no
    other archive has; :class:`DraftError` when that cannot be done (the draft stays)."""
    from lkjip.loader import os_reason

    source = folder / name
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    try:
        (folder / ARCHIVE).mkdir(exist_ok=True)
        names = _archive_names(folder / ARCHIVE, source, stamp)
        target = next(t for t in names if _copy_new(source, t))
        source.unlink()
    except OSError as exc:
        raise DraftError(
            f"draf {name} tidak dapat dipindahkan ke {ARCHIVE}/ ({os_reason(exc)}); draf itu "
            "dibiarkan dan laporan baru tidak ditulis"
        ) from exc
    return target


def _archive_names(folder: Path, source: Path, stamp: str) -> Iterator[Path]:
    """``<stem>-<stamp>.docx``, then ``<stem>-<stamp>-2.docx``, ``-3`` … (same second)."""
    for number in itertools.count(1):
        tail = f"-{number}" if number > 1 else ""
        yield folder / f"{source.stem}-{stamp}{tail}{source.suffix}"


def _copy_new(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` unless ``target`` exists (checked and created at once, so
    no archive is ever overwritten). A copy that fails half-way is removed."""
    try:
        handle = target.open("xb")
    except FileExistsError:
        return False
    try:
        with handle, source.open("rb") as data:
            shutil.copyfileobj(data, handle)
        shutil.copystat(source, target)  # keeps the time the staff last saved it
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return True


def make_room(folder: Path, names: Iterable[str], proven: Callable[[str], bool]) -> list[Path]:
    """Before the files ``names`` are written into ``folder``: refuse while one of the drafts
    they replace is open in Word, then archive each draft that ``proven`` (by name) does not
    show to be lkjip's own. Returns the archives."""
    drafts = [n for n in names if n.endswith(".docx") and (folder / n).is_file()]
    for name in drafts:
        check_closed(folder / name)
    return [archive(folder, name) for name in drafts if not proven(name)]
