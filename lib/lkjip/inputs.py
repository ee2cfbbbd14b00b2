"""Opening a user's input files safely, and naming them in messages.

A kecamatan's inputs are read only when they are regular files inside its own data folder: a
symbolic link that leads out of the folder is refused (its target's content must never reach a
message or a report), and so is anything that is not a regular file (a FIFO would block the
reader for ever, a device would never end).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from lkjip.problems import InputError


def shown(path: Path | str) -> str:
    """A path as users should see it: relative to the working folder when inside it. A link is
    named as the link, never as its target."""
    for absolute in (Path(os.path.abspath(path)), Path(path).parent.resolve() / Path(path).name):
        try:
            return str(absolute.relative_to(Path.cwd()))
        except ValueError:
            continue
    return str(path)


def os_reason(exc: OSError) -> str:
    """Why the operating system refused a file operation, in Indonesian."""
    if isinstance(exc, PermissionError):
        return "tidak ada izin"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "sebagian jalurnya adalah berkas, bukan folder"
    if isinstance(exc, IsADirectoryError):
        return "ini folder, bukan berkas"
    if isinstance(exc, FileNotFoundError):
        return "tidak ditemukan"
    if exc.errno == errno.ENOSPC:
        return "ruang disk penuh"
    if exc.errno == errno.EROFS:
        return "sistem berkas hanya-baca"
    if exc.errno == errno.ELOOP:
        return "tautan (symlink) berputar"
    return exc.strerror or exc.__class__.__name__


_KINDS = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "pipa (FIFO)"),
    (stat.S_ISSOCK, "soket"),
    (stat.S_ISCHR, "perangkat"),
    (stat.S_ISBLK, "perangkat"),
)


def real(path: Path) -> Path:
    """``path`` with every symbolic link followed; a link loop stays as it is (where
    ``Path.resolve`` raises RuntimeError before Python 3.13) and is then simply not found."""
    return Path(os.path.realpath(path))


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path``, with every symbolic link followed, lies in ``root`` (also resolved)."""
    return real(path).is_relative_to(real(root))


def refusal(path: Path, root: Path) -> str | None:
    """Why ``path`` may not be read as an input of the folder ``root`` (None: it may). A missing
    file is not refused here: the caller says what it expected."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # a link loop, no permission on the folder
        return f"berkas tidak dapat dibaca ({os_reason(exc)})"
    if not is_inside(path, root):
        return "tautan (symlink) ke luar folder data kecamatan; berkas tidak dibaca"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "bukan berkas biasa")
    return f"{kind}, bukan berkas biasa; tidak dibaca"


def checked_file(path: Path, root: Path | None = None) -> Path:
    """``path`` when it may be read as an input of ``root`` (by default its own folder); else
    :class:`InputError` naming the file."""
    reason = refusal(path, path.parent if root is None else root)
    if reason is not None:
        raise InputError(f"{shown(path)}: {reason}")
    return path


def is_regular_file(path: Path) -> bool:
    """True for a regular file (after links); False for anything else or a missing path."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def image_format(path: Path) -> str | None:
    """The format of the image at ``path`` ("PNG", "JPEG", …) as Pillow reads it after checking
    the file; None when it is not an image Pillow can read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            found = image.format
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return found
