"""A table that runs over several pages (issue 10): its header rows repeat on every page, its
totals row and source line close it once, in the PDF and in the Word draft."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from lkjip.report.assemble import Chapter, assemble
from lkjip.report.blocks import Heading, Para
from lkjip.report.common import table
from lkjip.report.render import render_embedded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    rows = [[str(n), f"Sub kegiatan pelayanan nomor {n}", "1.250.000"] for n in range(1, 121)]
    long = table(
        ["No", "Uraian Sub Kegiatan", "Pagu (Rp)"],
        rows,
        aligns=["center", "left", "right"],
        foot=[["", "Jumlah", "150.000.000"]],
        source="Data uji",
    )
    long.caption, long.label = "Tabel Panjang", "tbl-panjang"
    chapters = [
        Chapter(
            "01-bab",
            [Heading("Pendahuluan", level=1), Para(["Pengantar."]), long],
            kind="bab",
            number=1,
        )
    ]
    out = tmp_path_factory.mktemp("tabel")
    targets = {"docx": out / "uji.docx", "pdf": out / "uji.pdf"}
    return render_embedded(assemble(chapters, {"judul-dokumen": "Uji"}), targets)


def test_the_pdf_repeats_the_header_but_closes_with_the_totals_and_source_once(rendered):
    pages = [p.extract_text() for p in PdfReader(str(rendered["pdf"])).pages]
    table_pages = [t for t in pages if "Sub kegiatan pelayanan nomor" in t]
    assert len(table_pages) >= 3
    assert all("Uraian Sub Kegiatan" in t for t in table_pages)  # the header on every page
    assert [t.count("Jumlah") for t in table_pages] == [0] * (len(table_pages) - 1) + [1]
    assert "Sumber: Data uji" in table_pages[-1]
    assert sum("Sumber: Data uji" in t for t in pages) == 1
    numbers = [f"nomor {n}" for n in range(1, 121)]
    text = "\n".join(table_pages)
    assert all(text.count(f"{n}\n") + text.count(f"{n} ") >= 1 for n in numbers)


def test_the_word_table_repeats_its_header_keeps_rows_whole_and_its_end_with_the_source(
    rendered,
):
    with zipfile.ZipFile(rendered["docx"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    (tbl,) = body.iter(f"{W}tbl")
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert sum(r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows) == 1
    kept = [r.find(f".//{W}pPr/{W}keepNext") is not None for r in rows]
    assert kept[-2:] == [True, True] and not any(kept[1:-2])  # the end stays with its source
    styles = {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in tbl.iter(f"{W}p")}
    assert styles == {"IsiTabel"}
    source = tbl.getnext().getnext()  # after the end of the table's bookmark
    assert source.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Sumber"
