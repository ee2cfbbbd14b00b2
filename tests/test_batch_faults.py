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
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from nbformat.v4 import new_code_cell
from rich.console import Console

from conftest import ROOT, CliResult, run_cli
from lkjip.batch.display import batch_display
from mini_notebooks import write_mini_notebooks
from test_batch import _read_csv, _write_csv, docx_of, sample_city

CITY = "kota-contoh/2024"


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
    """Cells that run ``cell`` for one kecamatan only; the others pass through them."""
    body = "\n".join("    " + line for line in cell.splitlines())
    return [new_code_cell(f"import os, time\nif kecamatan == {kecamatan!r}:\n{body}")]


def leftovers(out: Path, scratch: Path) -> list[Path]:
    """What a batch must not leave: temporary files (hidden names) in the outputs, lkjip's
    scratch folders in the temporary folder."""
    hidden = list(out.rglob(".*")) if out.exists() else []
    return hidden + list(scratch.glob("lkjip-*"))


def row_line(stdout: str, slug: str) -> str:
    """Every line of the output naming the kecamatan (its table row and ``GAGAL`` line)."""
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


@pytest.mark.parametrize(
    ("error", "code", "words"),
    [
        (OSError(errno.EROFS, "Read-only file system", "/arsip/x.ipynb"), 2, "hanya-baca"),
        (OSError(errno.ENOSPC, "No space left on device"), 2, "ruang disk penuh"),
        (PermissionError(errno.EACCES, "Permission denied", "/x"), 2, "tidak ada izin"),
        (OSError(errno.ECONNRESET, "Connection reset by peer"), 3, "galat tak terduga"),
    ],
    ids=["hanya-baca", "disk-penuh", "tanpa-izin", "lainnya"],
)
def test_a_refusal_of_the_file_system_anywhere_is_one_line(monkeypatch, capsys, error, code, words):
    """Writes outside the batch's own (papermill's, say) are caught by the CLI itself."""
    from lkjip import cli

    class Refusing:  # the command, failing as a write deep inside it would
        def main(self, **_kwargs):
            raise error

    monkeypatch.setattr(cli.typer.main, "get_command", lambda _app: Refusing())
    monkeypatch.setattr(cli.cli_i18n, "localise", lambda _command: None)
    monkeypatch.setattr(sys, "argv", ["lkjip", "notebook"])
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    previous = signal.getsignal(signal.SIGINT)  # main() installs its Ctrl-C handler
    try:
        with pytest.raises(SystemExit) as ended:
            cli.main()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert ended.value.code == code
    message = capsys.readouterr().err
    assert words in message and message.count("\n") == 1


# --- 14. Ctrl-C twice ------------------------------------------------------------------------------
def start(args: list[str | Path], log: Path) -> subprocess.Popen:
    """``lkjip`` in the background, in a process group of its own (like a terminal's job)."""
    command = [sys.executable, "-c", "from lkjip.cli import main; main()", *map(str, args)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log.open("w"),
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition: Callable[[], object], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_ctrl_c_twice_ends_quietly(kota, notebooks, tmp_path, scratch):
    notebooks({"02-perencanaan": [new_code_cell("import time\ntime.sleep(60)")]})
    log = tmp_path / "keluaran.log"
    out = tmp_path / "out"
    process = start(["build", kota, "--format", "docx", "-j", "2", "--output", out], log)
    wait_for(lambda: log.read_text().count("menjalankan 02-perencanaan") == 2)
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does: the whole job gets it
    time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.strip() == "dihentikan."
    assert "Traceback" not in log.read_text()
    wait_for(lambda: group_gone(process.pid), 10)  # no worker outlives the batch
    assert not leftovers(out, scratch)


# --- 23. a cell that swallows the timeout ----------------------------------------------------------
SWALLOW = "while True:\n    try:\n        time.sleep(999)\n    except BaseException:\n        pass"


def test_a_cell_swallowing_the_timeout_is_ended_from_outside(kota, notebooks, tmp_path, scratch):
    notebooks({"02-perencanaan": only("sukamaju", SWALLOW)})
    out = tmp_path / "out"
    started = time.monotonic()
    result = build(kota, out, "-j", "1", "--timeout", "8")  # the first job is the stuck one
    assert time.monotonic() - started < 60
    assert result.code == 1, result.output
    assert "GAGAL  kota-contoh/sukamaju: melebihi batas waktu 8 detik" in result.stdout
    assert "2 berhasil" in result.stdout and "1 gagal" in result.stdout
    for slug in ("cempaka-putih", "mekarsari"):  # built by a fresh worker
        assert docx_of(out, slug).exists()
    assert not leftovers(out, scratch)


# --- 24. a killed worker -----------------------------------------------------------------------
def test_a_killed_worker_fails_only_its_own_kecamatan(kota, notebooks, tmp_path, scratch):
    pid_file = tmp_path / "pekerja.pid"
    cell = f"open({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)"
    notebooks({"02-perencanaan": only("sukamaju", cell)})
    log = tmp_path / "keluaran.log"
    out = tmp_path / "out"
    process = start(["build", kota, "--format", "docx", "-j", "2", "--output", out], log)
    wait_for(lambda: pid_file.exists() and pid_file.read_text())
    os.kill(int(pid_file.read_text()), signal.SIGKILL)
    _, stderr = process.communicate(timeout=90)
    stdout = log.read_text()
    assert process.returncode == 1, stdout + stderr
    assert "GAGAL  kota-contoh/sukamaju: proses pekerja berhenti tak terduga (sinyal SIGKILL)" in (
        stdout
    )
    assert "2 berhasil" in stdout and "1 gagal" in stdout
    for slug in ("cempaka-putih", "mekarsari"):
        assert docx_of(out, slug).exists()
    assert not leftovers(out, scratch)


# --- 25. the failure names a notebook that exists; no scratch folder left --------------------------
def test_a_failing_cell_names_its_executed_notebook_in_the_outputs(
    kota, notebooks, tmp_path, scratch
):
    notebooks({"02-perencanaan": only("mekarsari", "raise ValueError('data rusak di sini')")})
    out = tmp_path / "out"
    result = build(kota, out)
    assert result.code == 1, result.output
    found = re.search(
        r"Notebook hasil eksekusi beserta pesan galatnya: (\S+\.ipynb)", result.stdout
    )
    assert found, result.stdout
    kept = Path(found.group(1))
    assert kept == (out / CITY / "mekarsari/notebooks/02-perencanaan.ipynb").absolute()
    assert "data rusak di sini" in kept.read_text(encoding="utf-8")
    assert not leftovers(out, scratch)


def test_scratch_folders_of_a_killed_batch_are_swept(kota, notebooks, tmp_path, scratch):
    notebooks()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    ).stdout.strip()
    stale = scratch / f"lkjip-unit-{gone}-abc123"  # a batch that was killed outright
    (stale / "keluaran").mkdir(parents=True)
    result = build(kota, tmp_path / "out", "-k", "sukamaju")
    assert result.code == 0, result.output
    assert not stale.exists()
    assert not leftovers(tmp_path / "out", scratch)


# --- 26. user text as typed ----------------------------------------------------------------------
def test_user_text_is_printed_as_typed(kota, tmp_path: Path):
    folder = tmp_path / "sukamaju"
    shutil.copytree(kota.parent.parent / "data/kota-contoh/2024/sukamaju", folder)
    indikator = _read_csv(folder / "indikator.csv")
    iku = next(row for row in indikator if row["iku"] == "ya")
    iku["uraian"] = ":x: Indeks [bold]Kepuasan[/bold] Masyarakat"
    _write_csv(folder / "indikator.csv", indikator)
    summary = run_cli("summary", folder)
    assert summary.code == 0, summary.output
    assert ":x: Indeks [bold]Kepuasan[/bold] Masyarakat" in summary.stdout
    assert "❌" not in summary.output

    budget = _read_csv(folder / "anggaran.csv")
    budget[0]["pagu"] = ":x: [red]satu miliar[/red]"
    _write_csv(folder / "anggaran.csv", budget)
    checked = run_cli("validate", folder)
    assert checked.code == 1
    assert "ditemukan ':x: [red]satu miliar[/red]'" in checked.stdout
    assert "❌" not in checked.output


def test_the_live_display_shows_labels_as_typed():
    console = Console(file=io.StringIO(), force_terminal=True, width=120, emoji=False)
    with batch_display(console) as display:
        display.phase("Tahap 2: menyusun laporan (1 proses)", 1)
        display.event("kota/[bold]desa[/bold] :x:", "menjalankan 00-pembuka")
        display.bar.refresh()
    printed = console.file.getvalue()
    assert "kota/[bold]desa[/bold] :x:: menjalankan 00-pembuka" in printed
    assert "❌" not in printed
