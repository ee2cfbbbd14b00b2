"""End to end: the real notebooks build Perak and Bekasi Utara into DOCX and PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import PARAMS, run_cli
from lkjip.report.execute import NOTEBOOKS, NotebookError, execute_notebook, notebook_path

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


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_outline_tables_have_numbered_captions(which: str, request):
    document = request.getfixturevalue(which)
    captions = [p.text for p in document.paragraphs if p.style.name == "Table Caption"]
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


@pytest.mark.parametrize("which", ["bekasi", "perak"])
def test_figures_embedded_with_numbered_captions(which: str, request):
    document = request.getfixturevalue(which)
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) >= 5
    captions = [p.text for p in document.paragraphs if p.style.name == "Image Caption"]
    assert any(c.startswith("Gambar 3.") for c in captions)
    assert len(captions) == len(images)


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


def test_unknown_parameter_fails_before_running(tmp_path: Path):
    params = {
        "config": str(PARAMS / "kota-bekasi.yaml"),
        "kecamatan": "bekasi-utara",
        "tahun": 2024,
    }
    with pytest.raises(NotebookError, match="parameter tidak dikenal: tahun"):
        execute_notebook("03-akuntabilitas", tmp_path / "x.ipynb", params)
    assert not (tmp_path / "x.ipynb").exists()


@pytest.mark.parametrize(
    ("which", "folder"),
    [("perak", "kabupaten-jombang/2024/perak"), ("bekasi", "kota-bekasi/2024/bekasi-utara")],
)
def test_nothing_written_in_narasi_is_lost(which: str, folder: str, request):
    from conftest import ROOT
    from lkjip.report.narrative import read_narrative

    text = " ".join(_all_text(request.getfixturevalue(which)).split())
    for anchor, body in read_narrative(ROOT / "data" / folder).items():
        plain = re.sub(r"[*_`#>]|^\s*(?:(?:[-+]|\d+\.|[a-z]\.)\s+)+", "", body, flags=re.M)
        first_words = " ".join(plain.split()[:6])
        assert first_words in text, f"narasi section '{anchor}' does not reach the draft"
