"""Batch builds of a synthetic city: isolation, incremental rebuilds, archive, resume, Dask."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from docx import Document

from conftest import ROOT, run_cli

SLUGS = ["sukamaju", "cempaka-putih", "mekarsari"]


def sample_city(folder: Path) -> Path:
    assert run_cli("sample", folder, "--kecamatan", "3", "--seed", "5").code == 0
    return folder / "params/kota-contoh.yaml"


def build(config: Path, out: Path, *extra: str):
    # 24 kecamatan take two minutes on a busy 2-core machine: a generous guard against a hang.
    args = ("build", config, "--format", "docx", "-j", "2", "--output", out, *extra)
    return run_cli(*args, timeout=900)


def _rows(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "kota-contoh/2024/manifest.json").read_text(encoding="utf-8"))
    return {slug: entry["input"] for slug, entry in manifest["kecamatan"].items()}


def docx_of(out: Path, slug: str) -> Path:
    return next((out / "kota-contoh/2024" / slug).glob("*.docx"))


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("batch")
    config = sample_city(root / "kota")
    out = root / "out"
    result = build(config, out)
    assert result.code == 0, result.output
    assert "3 kecamatan: 3 berhasil" in result.stdout
    return config, out


def test_first_build_writes_reports_status_page_recap_and_manifest(city):
    _config, out = city
    folder = out / "kota-contoh/2024"
    for slug in SLUGS:
        assert docx_of(out, slug).stat().st_size > 0
        assert len(list((folder / slug / "notebooks").glob("*.ipynb"))) == 6
    assert (folder / "index.html").exists() and (folder / "rekap.xlsx").exists()
    assert set(_rows(out)) == set(SLUGS)
    text = "\n".join(p.text for p in Document(str(docx_of(out, "mekarsari"))).paragraphs)
    assert "Perbandingan dengan Kecamatan Lain" in text  # city summary from phase 1


def test_status_page_of_a_real_batch_in_chromium(city, tmp_path: Path):
    from test_status_page import CHROMIUM, chromium_dom, parse

    _config, out = city
    page_path = out / "kota-contoh/2024/index.html"
    html = page_path.read_text(encoding="utf-8")
    if CHROMIUM.exists():
        html = chromium_dom(page_path, tmp_path / "profil")
    page = parse(html)
    assert [row.cells[0] for row in page.rows][:3] == ["Sukamaju", "Cempaka Putih", "Mekarsari"]
    assert all("berhasil" in row.cells[1] or "dilewati" in row.cells[1] for row in page.rows)
    hrefs = [h for row in page.rows for h in row.hrefs]
    assert len(hrefs) == 3 * 8  # DOCX, six notebooks and the validation report per kecamatan
    for href in hrefs:
        assert (page_path.parent / unquote(href)).is_file(), href


def test_unchanged_city_is_skipped_and_a_changed_input_rebuilt(city):
    config, out = city
    again = build(config, out)
    assert again.code == 0 and "3 kecamatan: 3 dilewati" in again.stdout
    narasi = config.parent.parent / "data/kota-contoh/2024/cempaka-putih/narasi.md"
    narasi.write_text(
        narasi.read_text(encoding="utf-8") + "\n## kendala\n\nHujan deras.\n", "utf-8"
    )
    changed = build(config, out)
    assert changed.code == 0, changed.output
    assert "1 berhasil" in changed.stdout and "2 dilewati" in changed.stdout
    text = "\n".join(p.text for p in Document(str(docx_of(out, "cempaka-putih"))).paragraphs)
    assert "Hujan deras." in text
    forced = build(config, out, "--force")
    assert "3 kecamatan: 3 berhasil" in forced.stdout


def test_edited_draft_is_archived_before_it_is_replaced(city):
    config, out = city
    draft = docx_of(out, "sukamaju")
    document = Document(str(draft))
    document.add_paragraph("Catatan staf Camat yang tidak boleh hilang.")
    document.save(str(draft))
    result = build(config, out, "--force", "-k", "sukamaju")
    assert result.code == 0, result.output
    archived = list((draft.parent / "arsip").glob(f"{draft.stem}-*.docx"))
    assert len(archived) == 1
    assert "Catatan staf Camat" in "\n".join(p.text for p in Document(str(archived[0])).paragraphs)
    assert "diarsipkan" in result.stdout
    assert "Catatan staf Camat" not in "\n".join(p.text for p in Document(str(draft)).paragraphs)


def test_one_broken_kecamatan_does_not_stop_the_others(tmp_path: Path):
    config = sample_city(tmp_path / "kota")
    anggaran = tmp_path / "kota/data/kota-contoh/2024/mekarsari/anggaran.csv"
    rows = _read_csv(anggaran)
    rows[0]["pagu"] = "satu miliar"
    _write_csv(anggaran, rows)
    result = build(config, tmp_path / "out")
    assert result.code == 1
    assert "2 berhasil" in result.stdout and "1 tidak valid" in result.stdout
    assert "GAGAL  kota-contoh/mekarsari: data tidak valid" in result.stdout
    assert docx_of(tmp_path / "out", "sukamaju").exists()
    report = (tmp_path / "out/kota-contoh/2024/mekarsari/validasi.txt").read_text(encoding="utf-8")
    assert "'satu miliar' bukan angka" in report


def built_in(manifest: Path) -> set[str]:
    """The kecamatan whose reports the manifest records (phase 1 writes it before any)."""
    try:
        return set(json.loads(manifest.read_text(encoding="utf-8"))["kecamatan"])
    except (OSError, ValueError, KeyError):
        return set()


def test_interrupted_batch_leaves_no_partial_file_and_resumes(tmp_path: Path):
    config = sample_city(tmp_path / "kota")
    out = tmp_path / "out"
    manifest = out / "kota-contoh/2024/manifest.json"
    command = [sys.executable, "-c", "from lkjip.cli import main; main()", "build", str(config)]
    command += ["--format", "docx", "-j", "1", "--output", str(out)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not built_in(manifest):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the whole batch dies, workers included
    process.wait(timeout=30)
    done = built_in(manifest)
    assert done, "the first kecamatan should have been stored before the kill"
    assert 1 <= len(done) < 3
    leftovers = list(out.rglob(".*"))  # temporary names start with a dot
    assert not leftovers
    resumed = build(config, out)
    assert resumed.code == 0, resumed.output
    assert (
        f"{len(done)} dilewati" in resumed.stdout and f"{3 - len(done)} berhasil" in resumed.stdout
    )


def test_dask_local_cluster_builds_the_city(tmp_path: Path):
    distributed = pytest.importorskip("dask.distributed")
    config = sample_city(tmp_path / "kota")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        result = run_cli(
            "build",
            config,
            "--format",
            "docx",
            "--output",
            tmp_path / "out",
            "--executor",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert result.code == 0, result.output
    assert "3 kecamatan: 3 berhasil" in result.stdout
    for slug in SLUGS:
        assert docx_of(tmp_path / "out", slug).stat().st_size > 0


def test_unit_of_work_needs_no_shared_file_system(tmp_path: Path):
    from lkjip.batch.unit import UnitTask, pack_inputs, run_unit
    from lkjip.config import load_config

    config = load_config(sample_city(tmp_path / "kota"))
    bundle = pack_inputs(config, config.find("mekarsari"))
    absent = tmp_path / "tidak-ada" / config.path.name  # the worker never sees the real files
    task = UnitTask(str(absent), "mekarsari", ("docx",), "embedded", "", 300, bundle)
    result = run_unit(task)
    assert result.ok, result.reason
    assert "LKjIP_Mekarsari_2024.docx" in result.files
    notebooks = [n for n in result.files if n.startswith("notebooks/")]
    assert len([n for n in notebooks if n.endswith(".ipynb")]) == 6
    assert len([n for n in notebooks if n.endswith(".html")]) == 6  # readable on the status page
    # The executed notebook keeps its charts as data; its page shows them drawn, as Jupyter.
    executed = result.files["notebooks/03-akuntabilitas.ipynb"].decode("utf-8")
    page = result.files["notebooks/03-akuntabilitas.html"].decode("utf-8")
    assert "application/vnd.lkjip.chart+json" in executed and "image/svg+xml" not in executed
    assert page.count("data:image/svg+xml") >= 4  # nbconvert embeds each drawing
    # The page reads as the report's parts, numbered; the code stays in the .ipynb.
    assert "Tabel 3.1" in page and "Gambar 3.1" in page
    assert "open_report" not in page and "show(" not in page


def test_timeout_stops_a_kecamatan_and_the_worker_goes_on(tmp_path: Path, monkeypatch):
    from nbformat.v4 import new_code_cell

    from lkjip.batch.unit import UnitTask, run_unit
    from mini_notebooks import write_mini_notebooks

    config = sample_city(tmp_path / "kota")
    slow = new_code_cell("import time\ntime.sleep(60)")
    monkeypatch.setenv(
        "LKJIP_NOTEBOOKS", str(write_mini_notebooks(tmp_path / "nb", {"02-perencanaan": [slow]}))
    )
    started = time.monotonic()
    stuck = run_unit(UnitTask(str(config), "mekarsari", ("docx",), "embedded", "", 3))
    assert time.monotonic() - started < 30
    assert not stuck.ok and stuck.reason == "melebihi batas waktu 3 detik"
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(write_mini_notebooks(tmp_path / "nb2")))
    after = run_unit(UnitTask(str(config), "sukamaju", ("docx",), "embedded", "", 60))
    assert after.ok, after.reason


def test_a_change_in_a_large_city_rebuilds_only_the_reports_that_show_it(tmp_path: Path):
    """Beyond 20 kecamatan a report lists the top, its own neighbours and the bottom of the
    city ranking. A changed serapan rebuilds the reports whose table lists that kecamatan; the
    others are skipped, and they are not stale, since they do not show it."""
    from decimal import Decimal

    from lkjip.formatting import persen

    assert run_cli("sample", tmp_path / "kota", "--kecamatan", "24", "--seed", "7").code == 0
    config, out = tmp_path / "kota/params/kota-contoh.yaml", tmp_path / "out"
    first = build(config, out)
    assert first.code == 0 and "24 kecamatan: 24 berhasil" in first.stdout, first.output
    manifest = out / "kota-contoh/2024/manifest.json"
    survey = json.loads(manifest.read_text(encoding="utf-8"))["survei"]
    capaian = {slug: Decimal(item["baris"]["capaian"]) for slug, item in survey.items()}
    assert len(set(capaian.values())) == 24  # no ties: the ranking below is the report's
    order = sorted(capaian, key=lambda slug: -capaian[slug])
    changed = order[14]  # rank 15: listed by ranks 12–18 only (own rank ± 3)

    # Half the realisasi of its first sub-kegiatan, and of its program's total accordingly.
    folder = config.parent.parent / f"data/kota-contoh/2024/{changed}"
    budget = _read_csv(folder / "anggaran.csv")
    cut = int(budget[0]["realisasi"]) // 2
    budget[0]["realisasi"] = str(int(budget[0]["realisasi"]) - cut)
    programs = _read_csv(folder / "pagu_program.csv")
    program = next(p for p in programs if p["program_kode"] == budget[0]["program_kode"])
    program["realisasi"] = str(int(program["realisasi"]) - cut)
    _write_csv(folder / "anggaran.csv", budget)
    _write_csv(folder / "pagu_program.csv", programs)

    before = _rows(out)
    again = build(config, out)
    assert again.code == 0, again.output
    assert "7 berhasil" in again.stdout and "17 dilewati" in again.stdout
    after = _rows(out)
    assert {slug for slug in after if after[slug] != before[slug]} == set(order[11:18])

    survey = json.loads(manifest.read_text(encoding="utf-8"))["survei"][changed]["baris"]
    serapan, nama = persen(Decimal(survey["serapan"])), survey["nama"]

    def ranking_rows(slug: str) -> list[list[str]]:
        tables = Document(str(docx_of(out, slug))).tables
        table = next(t for t in tables if t.rows[0].cells[0].text == "Peringkat")
        return [[cell.text for cell in row.cells] for row in table.rows[1:]]

    assert [nama, serapan] in [row[1:4:2] for row in ranking_rows(order[12])]  # rebuilt
    assert all(row[1] != nama for row in ranking_rows(order[0]))  # skipped, does not list it


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
