"""The analyst's view (report/preview.py): a notebook run alone shows in Jupyter and in
nbconvert's HTML what the document will show — numbered captions, references as "Tabel 1.2",
no shortcode, the signature as a block, merged totals — while the blocks the assembler reads
stay the same."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from lkjip.report import outline, preview
from lkjip.report.assemble import Numbering, read_chapter
from lkjip.report.blocks import (
    MIME,
    Cell,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    Ref,
    Signature,
    Table,
    from_json,
    to_json,
)
from lkjip.report.execute import notebook_path


def _executed_html(name: str, folder: Path) -> tuple[str, Path]:
    """The notebook run with the defaults of its parameters cell, as nbconvert exports it."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import ExecutePreprocessor

    source = notebook_path(name)
    notebook = nbformat.read(source, as_version=4)
    ExecutePreprocessor(timeout=600, kernel_name="python3").preprocess(
        notebook, {"metadata": {"path": str(source.parent)}}
    )
    executed = folder / f"{name}.ipynb"
    nbformat.write(notebook, executed)
    page, _ = HTMLExporter(exclude_input=True).from_notebook_node(notebook)
    return page[page.index("<body") :], executed


@pytest.fixture(scope="module", params=["00-pembuka", "01-pendahuluan", "04-penutup"])
def run_alone(request: pytest.FixtureRequest, tmp_path_factory) -> tuple[str, str, Path]:
    body, executed = _executed_html(request.param, tmp_path_factory.mktemp("analis"))
    return request.param, body, executed


def test_no_raw_markup_in_the_analyst_view(run_alone):
    _, body, _ = run_alone
    assert not re.search(r"@(tbl|fig)-", body)
    assert "{{&lt;" not in body and "{{<" not in body  # no pagebreak shortcode
    assert "| NIP" not in body  # the signature is not a broken table row


def test_captions_and_references_carry_the_documents_numbers(run_alone):
    name, body, executed = run_alone
    chapter = read_chapter(executed, outline.chapter(name))
    numbering = Numbering()
    numbering.assign([chapter])
    numbered = numbering.tables + numbering.figures
    for item in numbered:
        caption = f"<strong>{item.number.text}</strong> {html.escape(item.caption)}"
        assert caption in body
    references = [
        inline.label
        for block in chapter.items
        if isinstance(block, Para | ListBlock)
        for content in ([block.content] if isinstance(block, Para) else block.items)
        for inline in content
        if isinstance(inline, Ref)
    ]
    for label in references:
        assert numbering.labels[label].number.text in body, label
    if name == "01-pendahuluan":
        assert len(numbering.tables) > 5 and numbering.figures and references


def test_page_break_and_signature_as_the_document_has_them(run_alone):
    name, body, _ = run_alone
    if name == "00-pembuka":
        assert "lkjip-halaman-baru" in body and "lkjip-sampul" in body
    if name == "04-penutup":
        assert "lkjip-tanda-tangan" in body and "NIP. " in body


def test_a_totals_row_is_one_merged_cell():
    table = Table(
        head=[[Cell(h) for h in ("No", "Indikator", "Target", "Realisasi", "Satuan", "X", "%")]],
        body=[[Cell(str(n)) for n in range(7)]],
        foot=[[Cell("Rata-rata capaian IKU", colspan=6), Cell("99,00%", bold=True)]],
        label="tbl-bab3-capaian-iku",
        caption="Capaian Indikator Kinerja Utama",
    )
    view = preview.table_html(table, preview.Session())
    assert view.count("Rata-rata capaian IKU") == 1
    assert '<td colspan="6">Rata-rata capaian IKU</td>' in view
    assert "<caption><strong>Tabel 3.2</strong> Capaian Indikator Kinerja Utama</caption>" in view


def test_numbers_follow_the_outline_and_what_showed_nothing():
    session = preview.Session()
    assert session.number("tbl-bab3-skala") == "Tabel 3.1"
    assert session.number("tbl-bab3-klasifikasi") == "Tabel 3.3"
    session.shown("tbl-bab3-capaian-iku", False)  # no IKU table this time
    assert session.number("tbl-bab3-klasifikasi") == "Tabel 3.2"
    assert session.number("fig-bab3-tren") == "Gambar 3.2"
    assert session.number("tbl-lamp-anggaran") == "Tabel L.4"
    assert session.number("tbl-tidak-ada") == ""
    para = Para(["Lihat ", Ref("tbl-bab1-batas"), " dan ", Ref("tbl-tidak-ada"), "."])
    assert preview.to_html(para, session) == "<p>Lihat Tabel 1.2 dan tabel/gambar terkait.</p>"


def test_the_assembler_reads_the_same_blocks(monkeypatch):
    """``show`` adds the HTML view beside the Markdown and the JSON it always published; the
    JSON is the block, with the outline's label and caption on the part's table."""
    published: list[dict] = []
    monkeypatch.setattr(
        "IPython.display.publish_display_data", lambda data, **_: published.append(data)
    )
    from lkjip.report.display import show

    table = Table(head=[[Cell("A")]], body=[[Cell("1")]])
    blocks = (
        Heading("Judul", 3),
        Para(["x"]),
        table,
        PageBreak(),
        Signature("a", "b", "c", "", "d"),
    )
    show(*blocks, label="tbl-bab2-iku")
    assert [from_json(p[MIME]) for p in published[:2]] == list(blocks[:2])
    shown = from_json(published[2][MIME])
    assert (shown.label, shown.caption) == ("tbl-bab2-iku", "Indikator Kinerja Utama")
    assert to_json(table)["label"] == ""  # the builder's table itself is left as it was
    assert all({"text/markdown", MIME, "text/html"} <= set(p) for p in published)
    assert published[3]["text/markdown"] == "{{< pagebreak >}}"  # Quarto's Markdown stays


def test_a_label_the_outline_lacks_is_an_error():
    from lkjip.report.display import show, show_figure

    with pytest.raises(ValueError, match="tbl-bab3-salah-ketik"):
        show(Table([[Cell("A")]], [[Cell("1")]]), label="tbl-bab3-salah-ketik")
    with pytest.raises(ValueError, match="bukan figure"):
        show_figure(None, label="tbl-bab3-skala")
