"""The drafts as a reader sees them (issue 10), measured with ../shared/tools/draft_check.py:
the DOCX laid out by LibreOffice and the PDF — no number broken across lines in a table cell,
at most 3 near-empty pages, page counts within 15 %, every contents-list entry saved with its
page number, Indonesian as the language and a title."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import PARAMS, ROOT, run_cli

CHECK = ROOT.parent / "shared" / "tools" / "draft_check.py"
TOOLS = ("soffice", "pdftotext", "pdftoppm", "pdfinfo")
pytestmark = pytest.mark.skipif(
    not CHECK.is_file() or not all(shutil.which(t) for t in TOOLS),
    reason="draft_check.py, LibreOffice atau poppler-utils tidak ada di mesin ini",
)
REPORTS = {
    "bekasi-utara": "kota-bekasi/2024/bekasi-utara",
    "perak": "kabupaten-jombang/2024/perak",
    "sukamaju": "kota-contoh/2024/sukamaju",
    # long program names, 40 sub-kegiatan, a budget above Rp 1 triliun (lkjip sample --varian)
    "stres": "stres/kota-contoh/2024/sukamaju",
}


def _draft_check():
    spec = importlib.util.spec_from_file_location("draft_check", CHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tata-letak")
    configs = [PARAMS / f"{name}.yaml" for name in ("kota-bekasi", "kabupaten-jombang")]
    result = run_cli("build", *configs, PARAMS / "kota-contoh.yaml", "-k", "bekasi-utara",
                     "-k", "perak", "-k", "sukamaju", "--output", out)  # fmt: skip
    assert result.code == 0, result.output
    stress = out / "kota-stres"
    result = run_cli("sample", stress, "--kecamatan", "1", "--varian", "stres")
    assert result.code == 0, result.output
    config = stress / "params" / "kota-contoh.yaml"
    result = run_cli("build", config, "--output", out / "stres")
    assert result.code == 0, result.output
    return out


def measure(folder: Path) -> dict[str, object]:
    """The figures draft_check prints, for the draft and the PDF in ``folder``."""
    dc = _draft_check()
    docx = next(folder.glob("*.docx"))
    pdf = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy = work / docx.name
        shutil.copy(docx, copy)
        laid_out = dc.to_pdf(copy, work)
        numbers, _words = dc.table_tokens(docx)
        own = work / ("own-" + pdf.name)
        shutil.copy(pdf, own)
        toc_total, toc_paged = dc.toc_entries(docx)
        last_page = dc.pdf_text(laid_out).split("\f")[dc.page_count(laid_out) - 1]
        language, title = dc.language_and_title(docx)
        return {
            "numbers": len(numbers),
            "broken_docx": dc.broken(numbers, dc.pdf_text(laid_out)),
            "broken_pdf": dc.broken(numbers, dc.pdf_text(own)),
            "pages_docx": dc.page_count(laid_out),
            "pages_pdf": dc.page_count(own),
            "empty_docx": dc.near_empty_pages(laid_out, work),
            "empty_pdf": dc.near_empty_pages(own, work),
            "toc": (toc_total, toc_paged),
            "last_page_words": len(last_page.split()),  # a blank page holds only its number
            "language": language,
            "title": title,
        }


@pytest.mark.parametrize("report", sorted(REPORTS))
def test_the_draft_lays_out_as_a_signer_expects(built: Path, report: str):
    figures = measure(built / REPORTS[report])
    assert figures["numbers"] > 100  # the check looked at real tables
    assert figures["broken_docx"] == [], "numbers broken across lines in the DOCX"
    assert figures["broken_pdf"] == [], "numbers broken across lines in the PDF"
    assert len(figures["empty_docx"]) <= 3, figures["empty_docx"]
    assert len(figures["empty_pdf"]) <= 3, figures["empty_pdf"]
    docx_pages, pdf_pages = figures["pages_docx"], figures["pages_pdf"]
    assert abs(docx_pages - pdf_pages) <= 0.15 * max(docx_pages, pdf_pages), (docx_pages, pdf_pages)
    assert figures["last_page_words"] > 5  # the draft does not end with a blank page
    total, paged = figures["toc"]
    assert total > 50 and paged == total
    assert figures["language"] == "id-ID"
    assert figures["title"].startswith("Laporan")
