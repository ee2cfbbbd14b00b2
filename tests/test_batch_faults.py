"""Nothing lost, nothing crashes: a batch under the faults users cause (issue 11).

Edited drafts survive a lost manifest, archives never overwrite each other, a draft open in
Word is left alone, a full or read-only disk ends in one message, Ctrl-C twice ends quietly, a
cell that swallows the timeout is ended from outside, a killed worker fails only its own
kecamatan, a failure names an executed notebook that exists, no scratch folder is left behind,
and user text is printed as typed. Mini notebooks (``tests/mini_notebooks.py``) keep it fast.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from nbformat.v4 import new_code_cell

from conftest import ROOT, CliResult, run_cli
from mini_notebooks import write_mini_notebooks
from test_batch import docx_of, sample_city

CITY = "kota-contoh/2024"
ALL = ["sukamaju", "cempaka-putih", "mekarsari"]  # config order of `sample --seed 5`


@pytest.fixture(scope="module")
def kota(tmp_path_factory) -> Path:
    """A synthetic city of three kecamatan (read only: tests that change data copy it)."""
    return sample_city(tmp_path_factory.mktemp("kota") / "kota")


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch) -> Path:
    """The temporary folder of the lkjip processes a test starts (to check what is left)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture
def notebooks(tmp_path: Path, monkeypatch, scratch: Path) -> Callable[..., Path]:
    """``notebooks(extra)``: the batch runs mini notebooks, ``extra`` cells appended by name."""

    def use(extra: dict[str, list] | None = None) -> Path:
        folder = write_mini_notebooks(tmp_path / "nb", extra)
        monkeypatch.setenv("LKJIP_NOTEBOOKS", str(folder))
        return folder

    return use


def build(config: Path, out: Path, *extra: str) -> CliResult:
    return run_cli("build", config, "--format", "docx", "--output", out, *extra)


def only(kecamatan: str, cell: str) -> list:
    """A cell of 02-perencanaan that runs ``cell`` for one kecamatan only."""
    body = "\n".join("    " + line for line in cell.splitlines())
    return [new_code_cell(f"import os, time\nif kecamatan == {kecamatan!r}:\n{body}")]


def leftovers(out: Path, scratch: Path) -> list[Path]:
    """Temporary files in the outputs and scratch folders anywhere."""
    hidden = [p for p in out.rglob(".*")] if out.exists() else []
    return hidden + list(scratch.glob("lkjip-*"))


def row_line(stdout: str, slug: str) -> str:
    """The final ``GAGAL  kota-contoh/<slug>: …`` line, or the summary table row."""
    lines = [ln for ln in stdout.splitlines() if f"kota-contoh/{slug}" in ln]
    return "\n".join(lines)


def paragraphs(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def edit(draft: Path, text: str) -> None:
    document = Document(str(draft))
    document.add_paragraph(text)
    document.save(str(draft))


# --- 1. a draft the manifest cannot vouch for is archived -----------------------------------------
def test_a_draft_the_manifest_proves_unedited_is_replaced_without_an_archive(
    kota, notebooks, tmp_path
):
    notebooks()
    out = tmp_path / "out"
    assert build(kota, out, "-k", "sukamaju").code == 0
    again = build(kota, out, "-k", "sukamaju", "--force")
    assert again.code == 0, again.output
    assert not (docx_of(out, "sukamaju").parent / "arsip").exists()
    assert "diarsipkan" not in again.stdout


@pytest.mark.parametrize("damage", ["dihapus", "terpotong"])
def test_edited_draft_is_archived_when_the_manifest_is_lost(kota, notebooks, tmp_path, damage):
    notebooks()
    out = tmp_path / "out"
    assert build(kota, out, "-k", "sukamaju").code == 0
    draft = docx_of(out, "sukamaju")
    edit(draft, "Catatan staf Camat yang tidak boleh hilang.")
    manifest = out / CITY / "manifest.json"
    if damage == "dihapus":
        manifest.unlink()
    else:
        manifest.write_bytes(manifest.read_bytes()[:40])
    result = build(kota, out, "-k", "sukamaju")
    assert result.code == 0, result.output
    archived = list((draft.parent / "arsip").glob(f"{draft.stem}-*.docx"))
    assert len(archived) == 1
    assert "Catatan staf Camat" in paragraphs(archived[0])
    assert "Catatan staf Camat" not in paragraphs(draft)
    assert "diarsipkan ke sukamaju/arsip/" in result.stdout


# --- 2. two archives in the same second -----------------------------------------------------------
def test_two_archives_in_the_same_second_keep_both(tmp_path: Path):
    from lkjip.batch.drafts import archive

    now = dt.datetime(2025, 1, 31, 9, 30, 15)
    draft = tmp_path / "LKjIP_Perak_2024.docx"
    draft.write_bytes(b"suntingan pertama")
    first = archive(tmp_path, draft.name, now)
    draft.write_bytes(b"suntingan kedua")
    second = archive(tmp_path, draft.name, now)
    assert first.name == "LKjIP_Perak_2024-20250131-093015.docx"
    assert second.name == "LKjIP_Perak_2024-20250131-093015-2.docx"
    assert first.read_bytes() == b"suntingan pertama"
    assert second.read_bytes() == b"suntingan kedua"
    assert not draft.exists()


# --- 3. a draft open in Word, a draft that cannot be archived -------------------------------------
def test_a_draft_open_in_word_is_left_alone_and_the_others_are_built(kota, notebooks, tmp_path):
    notebooks()
    out = tmp_path / "out"
    assert build(kota, out, "-k", "sukamaju").code == 0
    draft = docx_of(out, "sukamaju")
    edit(draft, "Masih disunting di Word.")
    before = draft.read_bytes()
    lock = draft.with_name("~$" + draft.name[2:])
    assert lock.name == "~$jIP_Sukamaju_2024.docx"
    lock.write_bytes(b"owner")

    result = build(kota, out, "-k", "sukamaju", "-k", "mekarsari", "--force")
    assert result.code == 1, result.output
    line = row_line(result.stdout, "sukamaju")
    assert (
        "GAGAL  kota-contoh/sukamaju: draf LKjIP_Sukamaju_2024.docx sedang dibuka di Word" in line
    )
    assert "tutup dokumen itu lalu jalankan lagi" in line
    assert "1 berhasil" in result.stdout and "1 gagal" in result.stdout
    assert draft.read_bytes() == before and not (draft.parent / "arsip").exists()
    assert docx_of(out, "mekarsari").exists()
    assert "Traceback" not in result.output


def test_a_draft_opened_while_its_report_is_built_is_not_replaced(tmp_path: Path):
    from lkjip.batch.drafts import DraftError, make_room

    draft = tmp_path / "LKjIP_Perak_2024.docx"
    draft.write_bytes(b"draf")
    (tmp_path / "~$jIP_Perak_2024.docx").write_bytes(b"owner")
    with pytest.raises(DraftError, match="sedang dibuka di Word"):
        make_room(tmp_path, [draft.name, "notebooks/00-pembuka.ipynb"], lambda _name: False)
    assert draft.read_bytes() == b"draf" and not (tmp_path / "arsip").exists()


def test_a_draft_that_cannot_be_archived_fails_only_its_kecamatan(kota, notebooks, tmp_path):
    notebooks()
    out = tmp_path / "out"
    assert build(kota, out, "-k", "sukamaju").code == 0
    draft = docx_of(out, "sukamaju")
    edit(draft, "Suntingan yang harus tetap ada.")
    before = draft.read_bytes()
    (draft.parent / "arsip").write_text("bukan folder")  # the archive folder cannot be made

    result = build(kota, out, "-k", "sukamaju", "-k", "mekarsari", "--force")
    assert result.code == 1, result.output
    line = row_line(result.stdout, "sukamaju")
    assert "draf LKjIP_Sukamaju_2024.docx tidak dapat dipindahkan ke arsip/" in line
    assert "laporan baru tidak ditulis" in line
    assert draft.read_bytes() == before
    assert docx_of(out, "mekarsari").exists() and "1 berhasil" in result.stdout
    assert "Traceback" not in result.output


# --- 13. full disk, read-only file system, no permission ------------------------------------------
FAILING_WRITES = """
import errno, os, pathlib
code, suffix, under = os.environ["LKJIP_UJI_GAGAL"].split("|")

def failing(real):
    def write(self, data, *args, **kwargs):
        if str(self).startswith(under) and self.name.endswith(suffix):
            real(self, data[: len(data) // 2], *args, **kwargs)  # half written, then full
            raise OSError(int(code), os.strerror(int(code)))
        return real(self, data, *args, **kwargs)
    return write

pathlib.Path.write_bytes = failing(pathlib.Path.write_bytes)
pathlib.Path.write_text = failing(pathlib.Path.write_text)
from lkjip.cli import main
main()
"""


@pytest.mark.parametrize(
    ("code", "suffix", "words"),
    [
        (errno.ENOSPC, ".ipynb", "tidak dapat menulis (ruang disk penuh)"),
        (errno.EROFS, "", "tidak dapat menulis (sistem berkas hanya-baca)"),
        (errno.EACCES, ".html", "tidak dapat menulis (tidak ada izin)"),
    ],
    ids=["disk-penuh", "hanya-baca", "tanpa-izin"],
)
def test_an_output_folder_that_cannot_be_written_ends_in_one_message(
    kota, notebooks, tmp_path, scratch, code, suffix, words
):
    notebooks()
    out = tmp_path / "out"
    env = {**os.environ, "LKJIP_UJI_GAGAL": f"{code}|{suffix}|{out}", "COLUMNS": "200"}
    args = ["build", str(kota), "--format", "docx", "-j", "2", "--output", str(out)]
    process = subprocess.run(
        [sys.executable, "-c", FAILING_WRITES, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 2, process.stdout + process.stderr
    assert words in process.stderr
    assert process.stderr.startswith("galat: ") and "Traceback" not in process.stderr
    assert not leftovers(out, scratch)
