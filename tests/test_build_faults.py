"""Nothing lost, nothing crashes (issue 11, build time): a decompression-bomb photo, control
characters and an Instagram handle in narasi.md, and ``lkjip narrative pull`` on a Windows-1252
narasi.md or a damaged draft record. Plus a cheap guard that building stays linear in the size
of the budget."""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import PARAMS, ROOT, run_cli
from lkjip.config import load_config
from lkjip.loader import load_kecamatan
from lkjip.report.docx_finish import RECORD_PART
from lkjip.sample import generate_city
from minimal import SHEETS, write_minimal

NAME = "LKjIP_Sukamaju_2024"
BOMB = "raksasa.png"
BOMB_CAPTION = "Foto raksasa dari kamera drone"
HANDLE = "Instagram @kecamatan.sukamaju"
LINK_TEXT = "laman resmi kecamatan"
NARASI_EXTRA = (
    f"\n\nIkuti kegiatan kami di {HANDLE} dan di [{LINK_TEXT}](https://kotacontoh.go.id/\x01"
    'sukamaju "Laman\x02"), kode&#1;pos 40111.\n'
)


def bomb_png(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])  # IHDR: size, depth, …
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def faulty_city(root: Path) -> Path:
    """Kota Contoh with Sukamaju's faults: an oversized photo listed in dokumentasi, and a
    narasi.md with control characters in a link and an Instagram handle."""
    shutil.copytree(ROOT / "data/kota-contoh", root / "data/kota-contoh")
    (root / "params").mkdir(parents=True)
    config = root / "params/kota-contoh.yaml"
    shutil.copy(PARAMS / "kota-contoh.yaml", config)
    folder = root / "data/kota-contoh/2024/sukamaju"
    (folder / "foto" / BOMB).write_bytes(bomb_png())
    with (folder / "dokumentasi.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{BOMB},{BOMB_CAPTION},7.01.02\n")
    narasi = folder / "narasi.md"
    text = narasi.read_text(encoding="utf-8")
    first = text.index("\n## ", 1)  # the end of the first section (isu-strategis)
    narasi.write_text(text[:first].rstrip("\n") + NARASI_EXTRA + text[first:], encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    return faulty_city(tmp_path_factory.mktemp("kota"))


@pytest.fixture(scope="module")
def built(city: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("keluaran")
    result = run_cli("build", city, "-k", "sukamaju", "-j", "1", "--output", out)
    assert result.code == 0, result.output
    assert "Traceback" not in result.output
    return out / "kota-contoh/2024/sukamaju"


def paragraphs(folder: Path) -> list[str]:
    document = Document(str(folder / f"{NAME}.docx"))
    return [p.text for p in document.paragraphs]


def pdf_text(folder: Path) -> str:
    reader = PdfReader(str(folder / f"{NAME}.pdf"))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


# --- item 8: a decompression-bomb photo ----------------------------------------------------------
def test_validate_names_the_oversized_photo_without_a_traceback(city: Path):
    result = run_cli("validate", city)
    assert result.code == 0, result.output  # a warning: the report is still built
    assert "Traceback" not in result.output
    line = next(ln for ln in result.stdout.splitlines() if BOMB in ln)
    assert "dokumentasi.csv" in line and "baris 5" in line and "kolom file" in line
    assert "foto terlalu besar untuk diolah" in line
    assert "foto ini tidak dimuat di laporan" in line


def test_oversized_photo_is_left_out_and_the_other_photos_stay(built: Path):
    report = (built / "validasi.txt").read_text(encoding="utf-8")
    assert BOMB in report and "foto terlalu besar untuk diolah" in report
    status = (built.parent / "index.html").read_text(encoding="utf-8")  # the batch status page
    assert BOMB in status and "foto terlalu besar untuk diolah" in status
    text = "\n".join(paragraphs(built))
    assert BOMB_CAPTION not in text
    for caption in (
        "Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Sukamaju Tahun 2024",
        "Pelayanan Administrasi Terpadu Kecamatan (PATEN) di Kantor Kecamatan Sukamaju",
    ):
        assert re.search(rf"Gambar 3\.\d+ {re.escape(caption)}", text), caption
    assert "Dokumentasi 3 (tiga) kegiatan" in text
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) >= 3


# --- item 11: control characters in narasi.md ----------------------------------------------------
def test_control_characters_in_a_link_do_not_break_the_draft(built: Path):
    text = "\n".join(paragraphs(built))  # python-docx parses every part it opens
    assert f"dan di {LINK_TEXT}, kode" in text and "kodepos 40111" in text
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", archive.read(name).decode())
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert 'Target="https://kotacontoh.go.id/sukamaju"' in rels
    assert LINK_TEXT in pdf_text(built)


# --- item 21: an Instagram handle is text, not a citation ---------------------------------------
def test_instagram_handle_arrives_literally_in_docx_and_pdf(built: Path):
    assert any(HANDLE in p for p in paragraphs(built))
    assert HANDLE in pdf_text(built)


# --- item 12: narrative pull on a Windows-1252 narasi.md or a damaged record -------------------
def edit_isu_strategis(draft: Path, addition: str) -> None:
    document = Document(str(draft))
    paragraph = next(
        p for p in document.paragraphs if p.style.name == "Narasi" and LINK_TEXT in p.text
    )
    paragraph.add_run(addition)
    document.save(str(draft))


def test_pull_reads_a_windows_1252_narasi_with_a_warning_and_keeps_its_accents(
    built: Path, tmp_path: Path
):
    draft = tmp_path / f"{NAME}.docx"
    shutil.copy(built / f"{NAME}.docx", draft)
    edit_isu_strategis(draft, " Tambahan staf: jadwal posyandu.")
    narasi = tmp_path / "narasi.md"
    old = "Catatan lama \u2013 rapat di caf\u00e9 \u201cSejahtera\u201d.\n"
    narasi.write_bytes(f"## rencana-tindak\n\n{old}".encode("cp1252"))

    result = run_cli("narrative", "pull", draft, "--narasi", narasi)
    assert result.code == 0, result.output
    assert "Traceback" not in result.output
    assert "berkas bukan UTF-8" in result.stdout and "dibaca sebagai Windows-1252" in result.stdout
    assert "isu-strategis (Isu Strategis)" in result.stdout
    saved = narasi.read_text(encoding="utf-8")  # written back as UTF-8
    assert old in saved and "Tambahan staf: jadwal posyandu." in saved
    (backup,) = tmp_path.glob("narasi.md.*.bak")
    assert backup.read_bytes() == f"## rencana-tindak\n\n{old}".encode("cp1252")


def with_record(source: Path, target: Path, record_text: str) -> Path:
    """A copy of the draft whose lkjip record holds ``record_text``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == RECORD_PART:
                escaped = record_text.replace("&", "&amp;").replace("<", "&lt;")
                data = (
                    '<?xml version="1.0" encoding="UTF-8"?>'
                    f'<draf xmlns="urn:lkjip:draf:1">{escaped}</draf>'
                ).encode()
            new.writestr(info, data)
    return target


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ("[1, 2, 3]", "(akar): "),
        ('{"versi": 1, "asal": "kota-contoh", "isi": {}}', "asal: "),
        ('{"versi": 1, "isi": {"narrative": ["isu-strategis"]}}', "isi.narrative: "),
        ('{"versi": 1, "isi": {"tables": [{"caption": 3}]}}', "isi.tables.0."),
        ('{"versi": 1, "isi": ', "bukan JSON yang sah"),
    ],
)
def test_pull_on_a_damaged_record_says_so_and_exits_2(
    built: Path, tmp_path: Path, record: str, reason: str
):
    draft = with_record(built / f"{NAME}.docx", tmp_path / "rusak.docx", record)
    result = run_cli("narrative", "pull", draft, "--narasi", tmp_path / "narasi.md")
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert "catatan lkjip di dalam draf rusak" in result.stderr
    assert reason in result.stderr
    assert not (tmp_path / "narasi.md").exists()


def test_the_draft_record_is_where_the_test_replaces_it(built: Path):
    """Guards the damaged-record tests: they rewrite the part lkjip really reads."""
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        record = archive.read(RECORD_PART).decode()
    payload = json.loads(re.sub(r"^.*?<draf[^>]*>|</draf>\s*$", "", record, flags=re.S))
    assert set(payload) == {"versi", "asal", "isi"}


# --- the scale sample (bench/anggaran.py) ---------------------------------------------------------
def test_sample_with_many_budget_rows_is_valid(tmp_path: Path):
    made = run_cli("sample", tmp_path, "--kecamatan", "1", "--seed", "2", "--anggaran", "120")
    assert made.code == 0, made.output
    (folder,) = (tmp_path / "data/kota-contoh/2024").iterdir()
    budget = (folder / "anggaran.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(budget) == 120
    assert sum(",subkegiatan," in line for line in (folder / "indikator.csv").open()) == 120
    checked = run_cli("validate", tmp_path / "params/kota-contoh.yaml")
    assert checked.code == 0, checked.stdout[-2000:]
    assert "0 galat, 0 peringatan" in checked.stdout


# --- linearity of the budget work (item: cost that grows faster than the input) ----------------
_BUILDER_CALL = re.compile(r"\b(pembuka|bab[1-4]|lampiran)\.((?!grafik_|bagan_|foto_)\w+)\(ctx\)")


def report_builders() -> list:
    """Every text and table builder the notebooks call with the report context alone."""
    import importlib

    import nbformat

    calls = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        source = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
        calls |= set(_BUILDER_CALL.findall(source))
    return [getattr(importlib.import_module(f"lkjip.report.{m}"), n) for m, n in sorted(calls)]


def build_chapters(root: Path, rows: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, float]:
    """Run every builder for a kecamatan with ``rows`` anggaran rows; return how many budget
    lines the metrics made from rows (each is one visit of one row) and the seconds taken
    (best of three)."""
    from lkjip.metrics import anggaran
    from lkjip.report.context import ReportContext

    config = load_config(generate_city(root / str(rows), 1, seed=3, anggaran=rows))
    entry = config.kecamatan[0]
    data = load_kecamatan(config.data_path(entry))
    assert len(data.table("anggaran")) == rows
    visits = [0]
    leaf = anggaran._leaf

    def counted(row):
        visits[0] += 1
        return leaf(row)

    monkeypatch.setattr(anggaran, "_leaf", counted)
    builders = report_builders()
    assert len(builders) > 40
    best = float("inf")
    for _ in range(3):
        visits[0] = 0
        ctx = ReportContext(config, entry, data, config.rules_for(entry), config.tahun, {})
        started = time.perf_counter()
        for builder in builders:
            builder(ctx)
        best = min(best, time.perf_counter() - started)
    monkeypatch.undo()
    return visits[0], best


def test_report_builders_visit_each_budget_row_a_fixed_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    small_visits, small_seconds = build_chapters(tmp_path, 150, monkeypatch)
    large_visits, large_seconds = build_chapters(tmp_path, 600, monkeypatch)
    # 4 x the rows: linear work is 4 x as much, work that rescans the rows per row 16 x.
    assert large_visits <= 4 * small_visits, (small_visits, large_visits)
    assert large_seconds / small_seconds < 8, (small_seconds, large_seconds)


def test_an_output_indicator_of_a_unit_that_does_not_run_the_sub_kegiatan_is_named(tmp_path: Path):
    """The unit check of validation reads each sub kegiatan's units once (it used to rescan the
    whole budget per indicator); its message is unchanged."""
    indikator = SHEETS["indikator"].replace("dihitung_dari\n", "dihitung_dari,unit\n", 1)
    indikator += (
        "O1,subkegiatan,7.01.02.2.01.0001,Jumlah layanan,layanan,naik,jumlah,tidak,,Kelurahan Dua\n"
    )
    values = SHEETS["target_realisasi"] + "O1,2024,10,10,\n"
    folder = write_minimal(tmp_path / "kec", indikator=indikator, target_realisasi=values)
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 1, result.output
    assert (
        "sheet indikator, baris 5, kolom unit: sub kegiatan '7.01.02.2.01.0001' tidak "
        "dilaksanakan unit ini (ditemukan 'Kelurahan Dua'; seharusnya salah satu unit di sheet "
        "anggaran: Kelurahan Satu)"
    ) in result.stdout


@pytest.mark.parametrize(
    ("value", "typst"),
    [
        ("1. Penyusunan dokumen perencanaan", "\\1. Penyusunan dokumen perencanaan"),
        ("- kurang dari target", "\\- kurang dari target"),
        ("= sama dengan target", "\\= sama dengan target"),
        ("Tahun 2024 // 2025", "Tahun 2024 /\\/ 2025"),
    ],
)
def test_text_from_data_stays_text_in_typst(value: str, typst: str):
    """A line of data text is one pandoc node (a small document for a big budget); what starts
    like a Typst list, heading or comment is still escaped."""
    import subprocess

    from lkjip.report import pandoc_ast as pa

    document = pa.document([pa.para(pa.text(value))], {})
    written = subprocess.run(
        [pa.pandoc_path(), "-f", "json", "-t", "typst"],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert written.strip() == typst
