"""End to end: the real notebooks build Perak and Bekasi Utara into DOCX and PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import nbformat
import openpyxl
import pytest
from docx import Document
from lxml import etree
from pypdf import PdfReader

from conftest import PARAMS, run_cli
from lkjip.report import bab1, bab3
from lkjip.report import kota as kota_
from lkjip.report.chart import MIMETYPE as CHART_MIME
from lkjip.report.chart import Chart
from lkjip.report.chart_docx import chart_values
from lkjip.report.context import open_report
from lkjip.report.execute import (
    NOTEBOOKS,
    NotebookError,
    declared_parameters,
    execute_notebook,
    notebook_path,
)
from lkjip.report.orgchart import MIMETYPE as ORG_MIME

OUTLINE_TABLES = {
    "tbl-bab1": ("Tabel 1.", "BAB I"),
    "tbl-bab2": ("Tabel 2.", "BAB II"),
    "tbl-bab3": ("Tabel 3.", "BAB III"),
    "tbl-lamp": ("Tabel L.", "LAMPIRAN"),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("laporan")
    result = run_cli(
        "build", PARAMS / "kabupaten-jombang.yaml", PARAMS / "kota-bekasi.yaml", "--output", out
    )
    assert result.code == 0, result.output
    assert "Ringkasan: 2 kecamatan: 2 berhasil." in result.stdout
    return out


def _docx(reports: Path, kota: str, slug: str, name: str) -> Document:
    return Document(str(reports / kota / "2024" / slug / f"{name}.docx"))


def _pdf_text(reports: Path, kota: str, slug: str, name: str) -> str:
    reader = PdfReader(str(reports / kota / "2024" / slug / f"{name}.pdf"))
    return "\n".join(page.extract_text() for page in reader.pages)


def _all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def bekasi(reports: Path) -> Document:
    return _docx(reports, "kota-bekasi", "bekasi-utara", "LKIP_Bekasi_Utara_2024")


@pytest.fixture(scope="module")
def perak(reports: Path) -> Document:
    return _docx(reports, "kabupaten-jombang", "perak", "LKjIP_Perak_2024")


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_parts_in_order(which: str, request):
    document = request.getfixturevalue(which)
    headings = [
        p.text.replace("\n", " ") for p in document.paragraphs if p.style.name == "Heading 1"
    ]
    expected = [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "DAFTAR GAMBAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    assert headings == expected
    cover = [p.text for p in document.paragraphs[:6]]
    assert any(t.startswith("PEMERINTAH") for t in cover)
    assert any(t == "TAHUN 2024" for t in cover)


# The named tables of the outline (DESIGN §5) each sample reaches, by caption, in document order
# per chapter; the prefix is the chapter's numbering ("Tabel 1.", …, "Tabel L.").
OUTLINE = {
    "perak": {
        "Tabel 1.": [
            "Pegawai Menurut Kategori dan Jenis Kelamin",
            "Pejabat Struktural",
            "Sarana dan Prasarana Kantor",
            "Hasil Evaluasi AKIP",
            "Hasil Evaluasi Reformasi Birokrasi",
            "Nilai Indikator Kegiatan Utama Reformasi Birokrasi",
            "Indeks Kepuasan Masyarakat per Jenis Layanan",
            "Matriks Tindak Lanjut Rekomendasi Hasil Evaluasi",
        ],
        "Tabel 2.": [
            "Tujuan, Sasaran dan Target Kinerja Jangka Menengah",
            "Indikator Kinerja Utama",
            "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama",
            "Perjanjian Kinerja: Program dan Anggaran",
            "Sasaran, Indikator, Target dan Formulasi Program, Kegiatan dan Sub Kegiatan",
        ],
        "Tabel 3.": [
            "Skala Kategori Capaian Kinerja",
            "Capaian Indikator Kinerja Utama",
            "Klasifikasi Capaian Sasaran",
            "Perbandingan Realisasi dengan Tahun Sebelumnya",
            "Perbandingan Realisasi Indikator Program dengan Tahun Sebelumnya",
            "Capaian terhadap Target Akhir Renstra",
            "Capaian Indikator Program terhadap Target Akhir Renstra",
            "Perbandingan dengan Capaian Tingkat Lain",
            "Capaian Indikator Kinerja Lainnya",
            "Capaian Indikator Program, Kegiatan dan Sub Kegiatan",
            "Realisasi Anggaran per Program",
            "Alokasi dan Realisasi Anggaran per Sasaran",
            "Efisiensi Penggunaan Sumber Daya",
            "Efisiensi Sumber Daya Manusia menurut Analisis Beban Kerja",
        ],
        "Tabel L.": [
            "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama",
            "Perjanjian Kinerja: Program dan Anggaran",
            "Matriks Indikator Kinerja Utama",
            "Rincian Anggaran per Program, Kegiatan dan Sub Kegiatan",
        ],
    },
    "bekasi": {
        "Tabel 1.": [
            "Desa/Kelurahan di Wilayah Kecamatan",
            "Batas Wilayah Kecamatan",
            "Pegawai Menurut Kategori dan Pendidikan",
            "Hasil Evaluasi AKIP",
            "Matriks Tindak Lanjut Rekomendasi Hasil Evaluasi",
        ],
        "Tabel 2.": [
            "Tujuan, Sasaran dan Target Kinerja Jangka Menengah",
            "Indikator Kinerja Utama",
            "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama",
            "Perjanjian Kinerja: Program dan Anggaran",
            "Sasaran, Indikator, Target dan Formulasi Program, Kegiatan dan Sub Kegiatan",
            "Alokasi Anggaran per Triwulan",
        ],
        "Tabel 3.": [
            "Skala Kategori Capaian Kinerja",
            "Capaian Indikator Kinerja Utama",
            "Klasifikasi Capaian Sasaran",
            "Target dan Realisasi Kinerja per Triwulan",
            "Perbandingan Realisasi dengan Tahun Sebelumnya",
            "Capaian terhadap Target Akhir Renstra",
            "Capaian Indikator Program, Kegiatan dan Sub Kegiatan",
            "Realisasi Anggaran per Program",
            "Alokasi dan Realisasi Anggaran per Sasaran",
            "Realisasi Anggaran per Unit Pelaksana",
            "Realisasi Anggaran per Jenis Belanja",
            "Efisiensi Penggunaan Sumber Daya",
        ],
        "Tabel L.": [
            "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama",
            "Perjanjian Kinerja: Program dan Anggaran",
            "Matriks Indikator Kinerja Utama",
            "Rincian Anggaran per Program, Kegiatan dan Sub Kegiatan",
        ],
    },
}
OUTLINE_FIGURES = {
    "perak": [
        "Bagan Struktur Organisasi",
        "Komposisi Pegawai",
        "Target dan Realisasi Indikator Kinerja Utama",
        "Realisasi dan Target IKU Tahun 2022–2024",
        "Pagu dan Realisasi Anggaran per Program",
        "Capaian Kinerja dan Serapan Anggaran per Sasaran",
    ],
    "bekasi": [
        "Bagan Struktur Organisasi",
        "Komposisi Pegawai",
        "Target dan Realisasi Indikator Kinerja Utama",
        "Realisasi dan Target IKU Tahun 2022–2024",
        "Pagu dan Realisasi Anggaran per Program",
        "Pagu dan Realisasi Anggaran per Jenis Belanja",
        "Capaian Kinerja dan Serapan Anggaran per Sasaran",
    ],
}
# Tables the sample does not have data for stay out (and the numbering closes up).
ABSENT = {
    "perak": [
        "Desa/Kelurahan di Wilayah Kecamatan",
        "Indeks Pelayanan Publik per Aspek",
        "Alokasi Anggaran per Triwulan",
        "Target dan Realisasi Kinerja per Triwulan",
        "Realisasi Anggaran per Jenis Belanja",
        "Prestasi dan Penghargaan",
    ],
    "bekasi": [
        "Hasil Evaluasi Reformasi Birokrasi",
        "Indeks Pelayanan Publik per Aspek",
        "Perbandingan Realisasi Indikator Program dengan Tahun Sebelumnya",
        "Capaian Indikator Program terhadap Target Akhir Renstra",
        "Capaian Indikator Kinerja Lainnya",
        "Efisiensi Sumber Daya Manusia menurut Analisis Beban Kerja",
        "Prestasi dan Penghargaan",
    ],
}


def _in_order(wanted: list[str], found: list[str]) -> bool:
    """``wanted`` occurs in ``found`` in the same order (other items may come between)."""
    rest = iter(found)
    return all(any(item == seen for seen in rest) for item in wanted)


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_named_outline_tables_and_figures(which: str, request):
    document = request.getfixturevalue(which)
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Tabel"]
    for prefix, names in OUTLINE[which].items():
        mine = [c.split(" ", 2)[2] for c in captions if c.startswith(prefix) and c.count(" ") >= 2]
        missing = [n for n in names if n not in mine]
        assert not missing, (prefix, missing)
        assert _in_order(names, mine), (prefix, mine)
    shown = [c.split(" ", 2)[2] for c in captions]
    assert not [n for n in ABSENT[which] if n in shown]
    figures = [p.text for p in document.paragraphs if p.style.name == "Judul Gambar"]
    names = [f.split(" ", 2)[2] for f in figures]
    assert _in_order(OUTLINE_FIGURES[which], names), names


def test_new_tables_carry_the_corrected_reference_figures(perak, bekasi, reports):
    text = _all_text(perak)
    # T04 RB index 74,89 (printed 74,90); T18 PATEN 2022 104,90 (printed 105,6); T20 PATEN
    # against its end target 91,74; T28 fulfilment 90,00 / 40,00 / 73,33; IPP 3,45 printed.
    for figure in ("74,89", "BB (Sangat Baik)", "104,90", "91,74", "90,00", "40,00", "73,33"):
        assert figure in text, figure
    assert "Indeks Pelayanan Publik (IPP) Kecamatan Perak Tahun 2024 adalah 3,45" in text
    assert "Notulen hasil rapat internal kecamatan" in text  # T31 "Hasil"
    assert "Definisi operasional: Akuntabilitas kinerja instansi pemerintah" in text  # T08
    assert "Meningkatnya capaian kinerja aparatur" in text  # T07 sasaran program
    pdf = _pdf_text(reports, "kabupaten-jombang", "perak", "LKjIP_Perak_2024")
    for figure in ("74,89", "91,74", "73,33"):
        assert figure in pdf, figure
    text = _all_text(bekasi)
    assert "89,71" in text and "77,80" in text  # realisasi_tw*
    assert "Seluruh anggaran bersumber dari PAD." in text


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_outline_tables_have_numbered_captions(which: str, request):
    document = request.getfixturevalue(which)
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Tabel"]
    for prefix, _ in OUTLINE_TABLES.values():
        assert any(c.startswith(prefix) for c in captions), prefix
    numbers = [re.match(r"Tabel (\S+) ", c).group(1) for c in captions]
    assert len(numbers) == len(set(numbers)), "table numbers must be unique"
    assert len(captions) >= 15
    # Every table the text refers to exists.
    text = _all_text(document)
    for ref in set(re.findall(r"Tabel \d+\.\d+|Tabel L\.\d+", text)):
        assert any(c.startswith(ref + " ") for c in captions), ref
    assert "tabel/gambar terkait" not in text


def test_key_figures_bekasi_utara(bekasi, reports):
    text = _all_text(bekasi)
    for figure in ("103,91", "104,74", "105,26", "95,62", "46.754.089.520", "44.704.453.656"):
        assert figure in text, figure
    pdf = _pdf_text(reports, "kota-bekasi", "bekasi-utara", "LKIP_Bekasi_Utara_2024")
    for figure in ("103,91", "95,62", "46.754.089.520"):
        assert figure in pdf, figure


def test_key_figures_perak(perak, reports):
    text = _all_text(perak)
    for figure in ("102,25", "104,23", "103,24", "94,19", "184.843.101", "3.180.247.616"):
        assert figure in text, figure
    pdf = _pdf_text(reports, "kabupaten-jombang", "perak", "LKjIP_Perak_2024")
    for figure in ("102,25", "94,19", "184.843.101"):
        assert figure in pdf, figure


SAMPLES = {
    "bekasi": ("kota-bekasi", "bekasi-utara", "LKIP_Bekasi_Utara_2024"),
    "perak": ("kabupaten-jombang", "perak", "LKjIP_Perak_2024"),
}


def computed_figures(kota: str, slug: str) -> list[list[Chart]]:
    """The chart figures the chapters compute for a sample, in the order of the document, each
    as its charts (several for a figure of panels)."""
    ctx = open_report(PARAMS / f"{kota}.yaml", slug)
    found: list[list[Chart]] = []
    for builder in (
        bab1.grafik_pegawai,
        bab3.grafik_target_realisasi,
        bab3.grafik_tren,
        bab3.grafik_anggaran,
        bab3.grafik_jenis_belanja,
        bab3.grafik_kinerja_anggaran,
        kota_.grafik_peringkat,
    ):
        made = builder(ctx)
        if made:
            found.append([made] if isinstance(made, Chart) else list(made))
    return found


def same_numbers(written: list, computed: tuple) -> bool:
    """A workbook's (or a chart cache's) numbers are the computed ones, gaps where they are
    gaps, to the 15 digits a workbook keeps of a computed ratio (104,7407407…%)."""
    return len(written) == len(computed) and all(
        (w is None and c is None)
        or (w is not None and c is not None and abs(float(w) - float(c)) <= 1e-12 * abs(float(c)))
        for w, c in zip(written, computed, strict=True)
    )


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_each_chart_is_a_native_word_chart_with_the_computed_values(which: str, reports: Path):
    """One native chart part per chart (a panel of a figure is a chart of its own), each with an
    embedded workbook whose cells are the computed series; the organisation chart a picture;
    every figure captioned "Gambar"."""
    kota, slug, name = SAMPLES[which]
    path = reports / kota / "2024" / slug / f"{name}.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    document = Document(str(path))
    related = document.part.rels.values()
    chart_rels = [r for r in related if r.reltype.endswith("/chart")]
    figures = computed_figures(kota, slug)
    expected = [chart for figure in figures for chart in figure]
    assert len(figures) >= 5 and len(chart_rels) == len(expected)
    in_order = sorted(
        (r.target_part.partname for r in chart_rels),
        key=lambda n: int(re.search(r"(\d+)", str(n).rsplit("/", 1)[1]).group(1)),
    )
    for partname, chart in zip(in_order, expected, strict=True):
        chart_part = str(partname).lstrip("/")
        rels = etree.fromstring(parts[chart_part.replace("charts/", "charts/_rels/") + ".rels"])
        target = rels[0].get("Target").replace("../", "word/")
        sheet = openpyxl.load_workbook(io.BytesIO(parts[target])).active
        rows = list(sheet.iter_rows(values_only=True))
        assert [str(c) for c in rows[0][1:]] == [s.name for s in chart.series]
        assert [str(r[0]) for r in rows[1:]] == list(chart.categories)
        for column, series in enumerate(chart.series, start=1):
            cells = [r[column] for r in rows[1:]]
            cached = [float(c) if c else None for c in chart_values(parts, chart_part)[column - 1]]
            assert same_numbers(cells, series.values), (chart_part, series.name)
            assert same_numbers(cached, series.values), (chart_part, series.name)
    pictures = [r for r in related if "image" in r.reltype]
    assert len(pictures) == 1  # the organisation chart (photos: none in these samples)
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Gambar"]
    assert any(c.startswith("Gambar 3.") for c in captions)
    assert len(captions) == len(figures) + len(pictures)


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler is not installed")
@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_the_pdf_draws_its_charts_in_vector(which: str, reports: Path):
    """No raster image in the PDF: the charts and the organisation chart are vector drawings
    (the samples have no photos)."""
    kota, slug, name = SAMPLES[which]
    listed = subprocess.run(
        ["pdfimages", "-list", str(reports / kota / "2024" / slug / f"{name}.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert listed[2:] == [], listed
    text = _pdf_text(reports, kota, slug, name)
    assert "Gambar 3.1" in text and "Realisasi" in text


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_no_source_line_repeated_for_consecutive_tables(which: str, request):
    """Tables of one section from one source print their "Sumber: …" once, after the last."""
    document = request.getfixturevalue(which)
    previous, sources = "", []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style.startswith("Heading"):
            previous = ""  # a new section
        elif style == "Sumber":
            assert paragraph.text != previous, paragraph.text
            previous = paragraph.text
            sources.append(paragraph.text)
    if which == "bekasi":
        assert "tabel ini dan 3 (tiga) tabel sebelumnya)" in " ".join(sources)  # 4 budget tables


def test_placeholder_where_narrative_is_missing(perak):
    # Perak's narasi.md has no rencana-tindak section.
    marked = [p for p in perak.paragraphs if p.style.name == "Placeholder"]
    assert any("[BELUM DIISI: Rencana Tindak Lanjut]" in p.text for p in marked)


def test_signature_block(bekasi):
    text = _all_text(bekasi)
    assert "CAMAT BEKASI UTARA" in text
    assert "SUMPONO BRAMA" in text


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_runs_with_its_default_parameters(name: str, tmp_path: Path):
    import papermill

    papermill.execute_notebook(
        str(notebook_path(name)),
        str(tmp_path / f"{name}.ipynb"),
        cwd=str(notebook_path(name).parent),
        progress_bar=False,
        kernel_name="python3",
    )
    assert "application/vnd.lkjip.block+json" in (tmp_path / f"{name}.ipynb").read_text(
        encoding="utf-8"
    )
    # Run in Jupyter, the notebook shows its charts drawn (SVG) beside their data.
    executed = nbformat.read(tmp_path / f"{name}.ipynb", as_version=4)
    outputs = [o for c in executed.cells for o in c.get("outputs", [])]
    charts = [o for o in outputs if set(o.get("data", {})) & {CHART_MIME, ORG_MIME}]
    assert all("image/svg+xml" in o["data"] for o in charts)
    if name in ("01-pendahuluan", "03-akuntabilitas"):
        assert len(charts) >= 2


def test_unknown_parameter_fails_before_running(tmp_path: Path):
    params = {
        "config": str(PARAMS / "kota-bekasi.yaml"),
        "kecamatan": "bekasi-utara",
        "tahun": 2024,
    }
    with pytest.raises(NotebookError, match="parameter tidak dikenal: tahun"):
        execute_notebook("03-akuntabilitas", tmp_path / "x.ipynb", params)
    assert not (tmp_path / "x.ipynb").exists()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_refuses_an_unknown_parameter(name: str, tmp_path: Path):
    params = {**declared_parameters(notebook_path(name)), "tahun": 2024}
    with pytest.raises(NotebookError) as raised:
        execute_notebook(name, tmp_path / f"{name}.ipynb", params)
    message = str(raised.value)
    assert message.startswith(f"{name}.ipynb: parameter tidak dikenal: tahun (yang ada: ")
    assert "config" in message and "kecamatan" in message
    assert not (tmp_path / f"{name}.ipynb").exists()  # nothing ran


@pytest.fixture(scope="module")
def sukamaju_photos(tmp_path_factory) -> Document:
    out = tmp_path_factory.mktemp("foto")
    result = run_cli(
        "build", PARAMS / "kota-contoh.yaml", "--kecamatan", "sukamaju", "--output", out
    )
    assert result.code == 0, result.output
    return _docx(out, "kota-contoh", "sukamaju", "LKjIP_Sukamaju_2024")


def test_photos_are_numbered_figures_with_their_captions(sukamaju_photos):
    document = sukamaju_photos
    figures = [p.text for p in document.paragraphs if p.style.name == "Judul Gambar"]
    photos = [f for f in figures if "Musrenbang" in f or "PATEN" in f or "Kerja bakti" in f]
    assert [re.sub(r"^Gambar 3\.\d+ ", "", f) for f in photos] == [
        "Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Sukamaju Tahun 2024",
        "Pelayanan Administrasi Terpadu Kecamatan (PATEN) di Kantor Kecamatan Sukamaju",
        "Kerja bakti bersama warga Kelurahan Harjawangi",
    ]
    first, last = (re.match(r"Gambar (3\.\d+)", f).group(1) for f in (photos[0], photos[-1]))
    assert f"disajikan pada Gambar {first} sampai Gambar {last}." in _all_text(document)
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) == len(photos) + 1  # the photos and the organisation chart
    charts = [r for r in document.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) >= len(figures) - len(images)  # every other figure: native charts
    assert "Indeks Pelayanan Publik per Aspek" in _all_text(document)


@pytest.mark.parametrize(
    ("which", "folder"),
    [("perak", "kabupaten-jombang/2024/perak"), ("bekasi", "kota-bekasi/2024/bekasi-utara")],
)
def test_nothing_written_in_narasi_is_lost(which: str, folder: str, request):
    from conftest import ROOT
    from lkjip.narasi import read_narrative

    text = " ".join(_all_text(request.getfixturevalue(which)).split())
    for anchor, body in read_narrative(ROOT / "data" / folder).items():
        plain = re.sub(r"[*_`#>]|^\s*(?:(?:[-+]|\d+\.|[a-z]\.)\s+)+", "", body, flags=re.M)
        first_words = " ".join(plain.split()[:6])
        assert first_words in text, f"narasi section '{anchor}' does not reach the draft"
