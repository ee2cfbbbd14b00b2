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
    return run_cli("build", config, "--format", "docx", "-j", "2", "--output", out, *extra)


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
    with anggaran.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["pagu"] = "satu miliar"
    with anggaran.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
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
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") and p.name.endswith(".tmp")]
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
    assert len([n for n in result.files if n.startswith("notebooks/")]) == 6


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
