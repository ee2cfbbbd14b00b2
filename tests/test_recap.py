"""City recap (rekap.xlsx and the recap DOCX) from a hand-made batch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import load_workbook

from lkjip.batch.model import FAILED, INVALID, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.batch.recap import (
    HEADERS,
    ranking,
    totals,
    write_recap_docx,
    write_recap_xlsx,
)

MARKUP_REASON = 'kernel mati: <w:p>x</w:p> & "kutip"'


def make_city(folder: Path) -> CityBatch:
    rows = [
        KecamatanRow(
            slug="alpha",
            nama="Alpha",
            status=OK,
            capaian=Decimal("88.125"),
            kategori="Baik",
            serapan=Decimal("95.625"),
            pagu=1_000_000_000,
            realisasi=956_250_000,
            warnings=["Target IKU 2 kosong"],
        ),
        KecamatanRow(
            slug="beta",
            nama="Beta",
            status=SKIPPED,
            capaian=Decimal("101.5"),
            kategori="Sangat Baik",
            serapan=Decimal("80"),
            pagu=2_000_000_000,
            realisasi=1_600_000_000,
        ),
        KecamatanRow(slug="gamma", nama="Gamma", status=FAILED, reason=MARKUP_REASON),
        KecamatanRow(
            slug="delta",
            nama="Delta",
            status=INVALID,
            capaian=Decimal("70"),
            kategori="Cukup",
            serapan=Decimal("99.995"),
            pagu=500_000_000,
            realisasi=499_975_000,
            errors=["=1+1 sheet iku baris 3: realisasi bukan angka", "galat kedua"],
        ),
    ]
    return CityBatch(
        slug="kota-contoh",
        nama="Kota Contoh",
        tahun=2024,
        akronim="LKjIP",
        folder=folder,
        rows=rows,
    )


@pytest.fixture
def city(tmp_path: Path) -> CityBatch:
    return make_city(tmp_path / "kota-contoh" / "2024")


def test_ranking_descending_none_last_stable():
    rows = [
        KecamatanRow(slug="a", nama="A", capaian=Decimal("80")),
        KecamatanRow(slug="b", nama="B"),
        KecamatanRow(slug="c", nama="C", capaian=Decimal("90")),
        KecamatanRow(slug="d", nama="D", capaian=Decimal("80")),
        KecamatanRow(slug="e", nama="E"),
        KecamatanRow(slug="f", nama="F", capaian=Decimal("0")),
    ]
    assert [r.slug for r in ranking(rows)] == ["c", "a", "d", "f", "b", "e"]


def test_totals(city: CityBatch):
    total = totals(city.rows)
    assert total.pagu == 3_500_000_000
    assert total.realisasi == 3_056_225_000
    assert total.capaian == (Decimal("88.125") + Decimal("101.5") + Decimal("70")) / 3


def test_xlsx(city: CityBatch):
    path = write_recap_xlsx(city)
    assert path == city.folder / "rekap.xlsx"
    assert [p.name for p in city.folder.iterdir()] == ["rekap.xlsx"]  # no temp file left
    book = load_workbook(path)
    assert book.sheetnames == ["rekap", "peringatan"]
    ws = book["rekap"]
    assert ws["A1"].value == (
        "Rekapitulasi Capaian Kinerja dan Serapan Anggaran Kecamatan — Kota Contoh Tahun 2024"
    )
    assert [c.value for c in ws[2]] == HEADERS
    assert ws.freeze_panes == "C3"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert [r[1] for r in rows] == ["Beta", "Alpha", "Delta", "Gamma", "Jumlah/Rata-rata"]
    beta, alpha, delta, gamma, total = rows
    assert alpha[:7] == [2, "Alpha", "berhasil", 88.13, "Baik", 1_000_000_000, 956_250_000]
    assert alpha[7] == 95.63  # half-up, not half-even
    assert alpha[8] == 43_750_000
    assert alpha[9:12] == [2, 2, 1]  # rank capaian, rank serapan, warnings
    assert beta[3] == 101.5 and beta[9] == 1 and beta[10] == 3
    assert delta[7] == 100.0 and delta[10] == 1
    assert delta[12] == "=1+1 sheet iku baris 3: realisasi bukan angka (dan 1 galat lain)"
    assert gamma[2:10] == ["gagal", None, "-", None, None, None, None, None]
    assert gamma[12] == MARKUP_REASON
    assert total[5] == 3_500_000_000
    assert total[6] == 3_056_225_000
    assert total[7] == 87.32  # 3 056 225 000 / 3 500 000 000 = 87.3207…%
    assert total[8] == 443_775_000
    assert total[3] == 86.54  # (88.125 + 101.5 + 70) / 3 = 86.541…
    assert ws.cell(row=4, column=6).number_format == "#,##0"
    assert ws.cell(row=4, column=8).number_format == "0.00"
    assert isinstance(ws.cell(row=4, column=6).value, int)
    assert ws.cell(row=5, column=13).data_type == "s"  # text starting with "=" is no formula

    warnings = [[c.value for c in r] for r in book["peringatan"].iter_rows(min_row=2)]
    assert warnings == [
        [1, "Alpha", "peringatan", "Target IKU 2 kosong"],
        [2, "Delta", "galat", "=1+1 sheet iku baris 3: realisasi bukan angka"],
        [3, "Delta", "galat", "galat kedua"],
    ]


def test_docx(city: CityBatch):
    path = write_recap_docx(city)
    assert path == city.folder / "Rekap_LKjIP_kota-contoh_2024.docx"
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    heading = next(p for p in document.paragraphs if p.style.name.startswith("Heading"))
    assert heading.text == (
        "REKAPITULASI CAPAIAN KINERJA DAN SERAPAN ANGGARAN KECAMATAN — KOTA CONTOH TAHUN 2024"
    )
    body = "\n".join(paragraphs)
    assert "mencakup 4 (empat) kecamatan" in body
    assert "86,54%" in body and "87,32%" in body and "Rp 3.500.000.000" in body
    assert "Capaian IKU tertinggi dicapai Kecamatan Beta (101,50%)" in body
    assert "terendah Kecamatan Delta (70,00%)" in body
    assert "serapan anggaran tertinggi dicapai Kecamatan Delta (100,00%)" in body
    assert "terendah Kecamatan Beta (80,00%)" in body
    assert f"Kecamatan Gamma (gagal): {MARKUP_REASON}" in paragraphs
    assert any(p.startswith("Kecamatan Delta (tidak valid): =1+1") for p in paragraphs)

    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    # only what a reader needs: no batch status, no warning count
    assert cells[0] == [
        "Peringkat",
        "Kecamatan",
        "Capaian IKU",
        "Kategori",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan",
        "SiLPA (Rp)",
        "Peringkat Serapan",
    ]
    assert [r[1] for r in cells[1:]] == ["Beta", "Alpha", "Delta", "Gamma", "Jumlah/Rata-rata"]
    assert [c.replace("\xa0", " ") for c in cells[2]] == [
        "2",
        "Alpha",
        "88,13%",
        "Baik",
        "1.000.000.000",
        "956.250.000",
        "95,63%",
        "43.750.000",
        "2",
    ]
    alpha = table.rows[2].cells
    assert alpha[6].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # numbers right-aligned
    assert alpha[1].paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
    assert cells[4][2:8] == ["-", "-", "-", "-", "-", "-"]
    assert cells[5][2] == "86,54%" and cells[5][4] == "3.500.000.000" and cells[5][6] == "87,32%"
    section = document.sections[-1]
    assert section.page_width > section.page_height  # the table needs a landscape page
    assert len(document.sections) == 1  # and the text before it shares that page
    # the raw WordprocessingML in the reason was written as text, not spliced into the document
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "&lt;w:p&gt;x&lt;/w:p&gt;" in xml and "<w:p>x</w:p>" not in xml


def test_xlsx_prints_one_page_wide(city: CityBatch):
    book = load_workbook(write_recap_xlsx(city))
    for ws in book.worksheets:
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight, setup.orientation) == (1, 0, "landscape")
    assert book["rekap"].print_title_rows == "$2:$2"  # the column titles on every page
    assert book["peringatan"].print_title_rows == "$1:$1"


CHECK = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "draft_check.py"
TOOLS = ("soffice", "pdftotext", "pdftoppm", "pdfinfo")


@pytest.mark.skipif(
    not CHECK.is_file() or not all(shutil.which(t) for t in TOOLS),
    reason="draft_check.py, LibreOffice atau poppler-utils tidak ada di mesin ini",
)
def test_docx_as_a_reader_sees_it(city: CityBatch, tmp_path: Path):
    """Laid out by LibreOffice (../shared/tools/draft_check.py): no number or word of the table
    broken across lines, no near-empty page, Indonesian, titled."""
    city.rows += [
        KecamatanRow(
            slug=f"kecamatan-{i}",
            nama=f"Kecamatan Dengan Nama Panjang Sekali Nomor {i}",
            status=OK,
            capaian=Decimal("99.99") - i,
            kategori="Sangat Berhasil",
            serapan=Decimal("91.5"),
            pagu=1_234_567_890_123,
            realisasi=1_129_629_619_462,
        )
        for i in range(12)
    ]
    path = write_recap_docx(city)
    result = subprocess.run(
        [sys.executable, str(CHECK), str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["broken_numbers"] == [] and figures["broken_words"] == [], figures
    assert figures["table_numbers"] > 30, figures  # the table's figures were measured
    assert figures["docx_near_empty_pages"] == [], figures
    assert figures["language"] == "id-ID", figures
    assert figures["title"].startswith("Rekapitulasi Capaian Kinerja"), figures
