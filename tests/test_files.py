"""The one atomic writer (lkjip.files): mode, temporary file, the refusals of a file system."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from lkjip.files import WriteError, atomic_write, write_text


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_written_file_has_the_mode_of_a_new_file(tmp_path: Path, umask_022):
    target = write_text(tmp_path / "a" / "validasi.txt", "isi\n")
    assert target.read_text(encoding="utf-8") == "isi\n"
    assert mode(target) == 0o644
    assert os.listdir(target.parent) == ["validasi.txt"]


def test_the_umask_is_honoured(tmp_path: Path):
    previous = os.umask(0o077)
    try:
        target = write_text(tmp_path / "rahasia.txt", "isi")
    finally:
        os.umask(previous)
    assert mode(target) == 0o600


def test_the_temporary_file_keeps_the_suffix_and_sits_beside_the_target(tmp_path: Path):
    seen: list[Path] = []

    def produce(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"x")

    atomic_write(tmp_path / "rekap.xlsx", produce)
    assert seen[0].parent == tmp_path and seen[0].suffix == ".xlsx"
    assert seen[0].name.startswith(".rekap.") and not seen[0].exists()


def test_a_relative_target_gets_an_absolute_temporary_path(tmp_path: Path, monkeypatch):
    """A producer may run a program in another folder (pandoc in its scratch folder): the
    temporary path it is given must not depend on the current folder."""
    monkeypatch.chdir(tmp_path)
    seen: list[Path] = []

    def produce(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"x")

    written = atomic_write(Path("keluaran") / "Rekap.docx", produce)
    assert seen[0].is_absolute() and seen[0].parent == tmp_path / "keluaran"
    assert (tmp_path / "keluaran" / "Rekap.docx").read_bytes() == b"x"
    assert written == Path("keluaran") / "Rekap.docx"


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    target = write_text(tmp_path / "manifest.json", "lama")

    def produce(tmp: Path) -> None:
        tmp.write_text("setengah", encoding="utf-8")
        raise ValueError("gagal di tengah")

    with pytest.raises(ValueError):
        atomic_write(target, produce)
    assert target.read_text(encoding="utf-8") == "lama"
    assert os.listdir(tmp_path) == ["manifest.json"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "tidak dapat menulis (ruang disk penuh); kosongkan ruang disk"),
        (errno.EROFS, "tidak dapat menulis (sistem berkas hanya-baca); pilih folder keluaran"),
    ],
)
def test_a_refusing_file_system_is_one_indonesian_message(tmp_path: Path, code: int, words: str):
    def produce(tmp: Path) -> None:
        tmp.write_bytes(b"sebagian")
        raise OSError(code, os.strerror(code))

    target = tmp_path / "index.html"
    with pytest.raises(WriteError) as raised:
        atomic_write(target, produce)
    assert str(raised.value).startswith(f"{target}: ") and words in str(raised.value)
    assert os.listdir(tmp_path) == []
