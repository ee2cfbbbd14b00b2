"""Nothing lost, nothing crashes: a batch under the faults users cause (issue 11).

Edited drafts survive a lost manifest, archives never overwrite each other, a draft open in
Word is left alone, a full or read-only disk ends in one message, Ctrl-C twice ends quietly, a
cell that swallows the timeout is ended from outside, a killed worker fails only its own
kecamatan, a failure names an executed notebook that exists, no scratch folder is left behind,
and user text is printed as typed. Mini notebooks (``tests/mini_notebooks.py``) keep it fast.
"""

from __future__ import annotations

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
from test_batch import sample_city

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
