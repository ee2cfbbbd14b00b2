"""The Word draft the Camat's staff edit: styles, fields that stay correct, layout, sections,
the PDF that mirrors it, and the narrative round trip (issue 5)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from conftest import PARAMS, ROOT, run_cli
from lkjip.report import wordfields as wf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
NAME = "LKIP_Bekasi_Utara_2024"


def city_copy(root: Path) -> Path:
    """Kota Bekasi's config and data in a writable folder (the round trip edits narasi.md)."""
    shutil.copytree(ROOT / "data/kota-bekasi", root / "data/kota-bekasi")
    (root / "params").mkdir(parents=True)
    shutil.copy(PARAMS / "kota-bekasi.yaml", root / "params/kota-bekasi.yaml")
    return root / "params/kota-bekasi.yaml"


def build(config: Path, out: Path, *extra: str) -> Path:
    result = run_cli("build", config, "--output", out, *extra)
    assert result.code == 0, result.output
    return out / "kota-bekasi/2024/bekasi-utara"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("draf")
    return build(city_copy(root / "kota"), root / "out")


@pytest.fixture(scope="module")
def body(built: Path) -> etree._Element:
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        return etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)


def text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def style(paragraph: etree._Element) -> str:
    node = paragraph.find("w:pPr/w:pStyle", NS)
    return node.get(f"{W}val") if node is not None else ""


def instructions(element: etree._Element) -> list[str]:
    return [" ".join((i.text or "").split()) for i in element.iter(f"{W}instrText")]


def field_results(paragraph: etree._Element) -> list[tuple[str, str]]:
    """(instruction, cached result) of each field in a paragraph, in order."""
    found, instruction, result, state = [], "", "", ""
    for node in paragraph.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        if node.tag == f"{W}fldChar":
            kind = node.get(f"{W}fldCharType")
            if kind == "begin":
                instruction, result, state = "", "", "instr"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                found.append((" ".join(instruction.split()), result))
                state = ""
        elif node.tag == f"{W}instrText" and state == "instr":
            instruction += node.text or ""
        elif node.tag == f"{W}t" and state == "result":
            result += node.text or ""
    return found


# --- styles --------------------------------------------------------------------------------------
def test_heading_styles_have_outline_levels_and_chapters_use_them(built: Path):
    document = Document(str(built / f"{NAME}.docx"))
    for level in (1, 2, 3):
        ppr = document.styles[f"Heading {level}"].element.pPr
        assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
    assert document.styles["Heading 1"].paragraph_format.page_break_before
    headings = {p.text.replace("\n", " "): p.style.name for p in document.paragraphs}
    assert headings["BAB III AKUNTABILITAS KINERJA"] == "Heading 1"
    assert headings["3.2 Capaian Kinerja Organisasi"] == "Heading 2"
    # The per-sasaran sub-headings are real headings (Word's navigation pane shows them).
    assert headings["Perbandingan dengan Target Akhir Renstra"] == "Heading 4"
    assert document.styles["Heading 4"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "3"
    body_start = document.sections[2]  # cover, front matter, BAB I
    size = (body_start.page_width.cm, body_start.page_height.cm)
    assert size == pytest.approx((21.0, 29.7), 0.01)
    assert document.styles["Narasi"].paragraph_format.alignment == 3  # justified
    table_style = document.styles["Tabel Laporan"].element
    assert table_style.find(f"{W}tblPr/{W}tblBorders") is not None


# --- fields --------------------------------------------------------------------------------------
def test_every_caption_is_styleref_and_seq_fields_with_the_right_cached_number(body):
    captions = [p for p in body.iter(f"{W}p") if style(p) in ("TableCaption", "ImageCaption")]
    assert len(captions) >= 25
    chapter, seen = "", {}
    for paragraph in body.iter(f"{W}p"):
        if style(paragraph) == wf.CHAPTER_STYLE_ID:
            chapter, seen = text(paragraph), {}
            assert paragraph.find("w:r/w:rPr/w:vanish", NS) is not None  # hidden
            continue
        if paragraph not in captions:
            continue
        sequence = "Tabel" if style(paragraph) == "TableCaption" else "Gambar"
        seen[sequence] = seen.get(sequence, 0) + 1
        fields = field_results(paragraph)
        expected = [(f'STYLEREF "{wf.CHAPTER_STYLE}"', chapter)] if chapter else []
        restart = " \\r 1" if seen[sequence] == 1 else ""
        expected.append((f"SEQ {sequence} \\* ARABIC{restart} \\s 1", str(seen[sequence])))
        assert fields == expected, text(paragraph)
        number = (
            f"{sequence} {chapter}.{seen[sequence]}" if chapter else f"{sequence} {seen[sequence]}"
        )
        assert text(paragraph).startswith(number + " ")
        bookmark = paragraph.find("w:bookmarkStart", NS)
        assert bookmark is not None and bookmark.get(f"{W}name").startswith("_Ref_")
    assert chapter == "L"  # the Lampiran's tables are "Tabel L.n"


def test_references_in_the_text_are_ref_fields_to_the_caption_numbers(body):
    numbers = {}
    for paragraph in body.iter(f"{W}p"):
        start = paragraph.find("w:bookmarkStart", NS)
        if start is not None and style(paragraph) in ("TableCaption", "ImageCaption"):
            numbers[start.get(f"{W}name")] = re.match(r"(\S+ \S+)", text(paragraph)).group(1)
    references = [
        (instruction, result)
        for paragraph in body.iter(f"{W}p")
        for instruction, result in field_results(paragraph)
        if instruction.startswith("REF ")
    ]
    assert len(references) >= 15
    for instruction, result in references:
        name = instruction.split()[1]
        assert numbers[name] == result, instruction


def entry(paragraph: etree._Element) -> tuple[str, str]:
    """A contents-list entry: its text, and the page number saved after its tab."""
    before, after, seen_tab = "", "", False
    for node in paragraph.iter(f"{W}t", f"{W}tab"):
        if node.tag == f"{W}tab":
            seen_tab = True
        elif seen_tab:
            after += node.text or ""
        else:
            before += node.text or ""
    return before, after


def test_lists_are_toc_fields_with_their_entries_filled_in(body):
    fields = [i for i in instructions(body) if i.startswith("TOC")]
    assert fields == [wf.TOC_CONTENTS, 'TOC \\h \\z \\c "Tabel"', 'TOC \\h \\z \\c "Gambar"']
    entries = {
        name: [entry(p)[0] for p in body.iter(f"{W}p") if style(p) == name]
        for name in ("TOC1", "TOC2", "TableofFigures")
    }
    assert "BAB III AKUNTABILITAS KINERJA" in entries["TOC1"]
    assert "3.2 Capaian Kinerja Organisasi" in entries["TOC2"]
    tables = [text(p) for p in body.iter(f"{W}p") if style(p) == "TableCaption"]
    figures = [text(p) for p in body.iter(f"{W}p") if style(p) == "ImageCaption"]
    assert entries["TableofFigures"] == tables + figures  # Daftar Tabel, then Daftar Gambar
    for link in body.iter(f"{W}hyperlink"):
        anchor = link.get(f"{W}anchor")
        assert body.xpath(f'.//w:bookmarkStart[@w:name="{anchor}"]', namespaces=NS), anchor


def test_word_is_asked_to_update_fields_on_open(built: Path):
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        settings = etree.fromstring(archive.read("word/settings.xml"))
    update = settings.find("w:updateFields", NS)
    assert update is not None and update.get(f"{W}val") == "true"


# --- layout --------------------------------------------------------------------------------------
def test_header_rows_repeat_and_genre_headers_are_merged(body):
    tables = list(body.iter(f"{W}tbl"))
    assert len(tables) >= 20
    for table in tables:
        first = table.find("w:tr", NS)
        assert first.find("w:trPr/w:tblHeader", NS) is not None
    capaian = next(
        t for t in tables if "Tahun 2024" in text(t.find("w:tr", NS)) and "Kategori" in text(t)
    )
    spans = {
        text(c): c.find("w:tcPr/w:gridSpan", NS)
        for c in capaian.find("w:tr", NS).findall("w:tc", NS)
    }
    assert spans["Tahun 2024"].get(f"{W}val") == "3"
    second = capaian.findall("w:tr", NS)[1]
    assert [text(c) for c in second.findall("w:tc", NS) if text(c)] == [
        "Target",
        "Realisasi",
        "Capaian (%)",
    ]
    assert capaian.find("w:tr/w:tc/w:tcPr/w:vMerge", NS).get(f"{W}val") == "restart"
    budget = next(t for t in tables if "Nominal (Rp)" in text(t))
    top = [text(c) for c in budget.find("w:tr", NS).findall("w:tc", NS)]
    assert "Realisasi" in top and "Nominal (Rp)" not in top


def sections(body) -> list[tuple[etree._Element, list[etree._Element]]]:
    """Each section's properties with the tables in it."""
    out, tables = [], []
    for child in body:
        if child.tag == f"{W}tbl":
            tables.append(child)
        sect = child.find("w:pPr/w:sectPr", NS) if child.tag == f"{W}p" else None
        if child.tag == f"{W}sectPr":
            sect = child
        if sect is not None:
            out.append((sect, tables))
            tables = []
    return out


def test_sections_page_numbers_landscape_tables_and_widths(built: Path, body):
    parts = sections(body)
    formats = []
    for sect, tables in parts:
        number = sect.find("w:pgNumType", NS)
        size = sect.find("w:pgSz", NS)
        landscape = size.get(f"{W}orient") == "landscape"
        formats.append(
            (
                number.get(f"{W}fmt") if number is not None else None,
                number.get(f"{W}start") if number is not None else None,
                landscape,
            )
        )
        width = int(size.get(f"{W}w"))
        margins = sect.find("w:pgMar", NS)
        text_width = width - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
        for table in tables:
            grid = sum(int(c.get(f"{W}w")) for c in table.iterfind("w:tblGrid/w:gridCol", NS))
            assert grid <= text_width, "a table wider than its page"
        if landscape:
            assert tables, "a landscape section holds wide tables"
        assert (sect.find("w:footerReference", NS) is not None) == (number is not None)
    assert formats[0] == (None, None, False)  # the cover: no page number
    assert formats[1] == ("lowerRoman", "1", False)  # Kata Pengantar … Ikhtisar: i, ii, …
    assert formats[2] == ("decimal", "1", False)  # BAB I starts at 1
    assert any(landscape for _f, _s, landscape in formats)
    assert all(f == "decimal" and s is None for f, s, _l in formats[3:])
    with zipfile.ZipFile(built / f"{NAME}.docx") as archive:
        footers = [n for n in archive.namelist() if re.match(r"word/footer\d+\.xml", n)]
        assert any("PAGE" in archive.read(n).decode() for n in footers)


def test_pdf_mirrors_cover_lists_numbering_and_landscape_pages(built: Path):
    reader = PdfReader(str(built / f"{NAME}.pdf"))
    labels = reader.page_labels
    assert labels[0] == "" and labels[1] == "i"
    first_body = labels.index("1")
    assert all(re.fullmatch(r"[ivx]+", label) for label in labels[1:first_body])
    assert "BAB I" in reader.pages[first_body].extract_text()
    assert any(p.mediabox.width > p.mediabox.height for p in reader.pages)
    lists = "\n".join(reader.pages[i].extract_text() for i in range(1, first_body))
    assert "DAFTAR TABEL" in lists and "Tabel 3.2 Capaian Indikator Kinerja Utama" in lists


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice tidak terpasang di mesin ini")
def test_libreoffice_shows_the_numbering_lists_and_landscape_pages(
    built: Path, body, tmp_path: Path
):
    draft = str(built / f"{NAME}.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), draft],
        check=True,
        capture_output=True,
        timeout=240,
    )
    reader = PdfReader(str(tmp_path / f"{NAME}.pdf"))
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    captions = [text(p) for p in body.iter(f"{W}p") if style(p) in ("TableCaption", "ImageCaption")]
    # LibreOffice computes the SEQ fields itself: every number must come out as Word's.
    for caption in captions:
        assert sum(" ".join(caption.split()) in p for p in pages) >= 2, caption  # list + caption
    lists = [p for p in pages if "DAFTAR TABEL" in p or "DAFTAR GAMBAR" in p]
    assert lists and "Tabel 3.2 Capaian Indikator Kinerja Utama" in " ".join(lists)
    assert any(p.mediabox.width > p.mediabox.height for p in reader.pages)
    if shutil.which("pdftoppm") and shutil.which("pdftotext"):
        _charts_are_drawn(tmp_path / f"{NAME}.pdf", tmp_path)


def _charts_are_drawn(pdf: Path, folder: Path) -> None:
    """Above each "Gambar" caption of LibreOffice's PDF stands its chart, drawn: the band of
    160 pt over the caption (every chart is taller) is not empty, and most figures show the
    charts' colours (bars, lines) there, not an empty frame."""
    from PIL import Image

    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    inked, coloured = [], []
    for number, page in enumerate(boxes.split("<page ")[1:], start=1):
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', page)
        for index, (y, word) in enumerate(words[:-1]):
            following = words[index + 1][1]
            if word != "Gambar" or not re.fullmatch(r"\d\.\d+", following):
                continue
            if "DAFTAR" in page or float(y) < 200:  # a list's entry, or no room for a chart
                continue
            png = folder / f"halaman-{number}"
            subprocess.run(
                ["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(number),
                 "-l", str(number), str(pdf), str(png)],
                check=True,
            )  # fmt: skip
            image = Image.open(f"{png}.png").convert("RGB")
            scale = 50 / 72
            bottom = int(float(y) * scale) - 2
            band = image.crop((60, bottom - int(160 * scale), image.width - 60, bottom))
            counts = band.getcolors(band.width * band.height) or []
            size = band.width * band.height
            ink = sum(n for n, rgb in counts if min(rgb) < 200) / size
            colour = sum(n for n, rgb in counts if max(rgb) - min(rgb) > 40) / size
            inked.append((following, ink))
            coloured.append(colour > 0.01)
    assert len(inked) >= 5  # the figures of BAB I and III
    for figure, ink in inked:
        assert ink > 0.03, f"Gambar {figure}: nothing drawn above its caption ({ink:.1%})"
    assert sum(coloured) >= len(coloured) - 2, coloured


# --- narrative round trip ------------------------------------------------------------------------
def test_edited_narrative_goes_back_into_narasi_and_into_the_next_draft(tmp_path: Path):
    config = city_copy(tmp_path / "kota")
    folder = build(config, tmp_path / "out", "--format", "docx")
    draft = folder / f"{NAME}.docx"
    document = Document(str(draft))
    narrative = [p for p in document.paragraphs if p.style.name == "Narasi"]
    isu = next(p for p in narrative if p.text.startswith("Sesuai Peraturan Pemerintah Nomor 18"))
    isu.add_run(" Tambahan dari staf Camat tentang banjir di Kaliabang.")
    placeholder = next(p for p in document.paragraphs if p.style.name == "Placeholder")
    for run in placeholder.runs:
        run.text = ""
    placeholder.runs[0].text = "Hambatan utama adalah keterbatasan personel."
    new = placeholder.insert_paragraph_before("")  # a second paragraph typed into the section
    placeholder._p.addnext(new._p)
    new.text, new.style = "Langkah kedua: koordinasi lintas kelurahan.", document.styles["Narasi"]
    generated = next(
        p for p in document.paragraphs if "95,62%" in p.text and p.style.name != "Narasi"
    )
    run = next(r for r in generated.runs if "95,62" in r.text)
    run.text = run.text.replace("95,62", "97,00")
    document.save(str(draft))

    result = run_cli("narrative", "pull", draft)
    assert result.code == 0, result.output
    assert "isu-strategis (Isu Strategis)" in result.stdout
    assert "faktor-penghambat-sasaran-2 (Faktor Penghambat)" in result.stdout
    assert "faktor-penghambat-sasaran-3 (Faktor Penghambat)" in result.stdout  # still empty
    assert "95,62%" in result.stdout and "97,00%" in result.stdout
    assert "dihitung dari data masukan" in result.stdout
    narasi = config.parent.parent / "data/kota-bekasi/2024/bekasi-utara/narasi.md"
    saved = narasi.read_text(encoding="utf-8")
    assert "banjir di Kaliabang." in saved and "keterbatasan personel." in saved
    assert "Langkah kedua" in saved
    assert list(narasi.parent.glob("narasi.md.*.bak"))

    again = run_cli("narrative", "pull", draft)  # already pulled: nothing to write
    assert again.code == 0 and "Tidak ada perubahan narasi" in again.stdout

    rebuilt = build(config, tmp_path / "out", "--format", "docx")
    text = "\n".join(p.text for p in Document(str(rebuilt / f"{NAME}.docx")).paragraphs)
    assert "Tambahan dari staf Camat tentang banjir di Kaliabang." in text
    assert "Hambatan utama adalah keterbatasan personel." in text
    assert "Langkah kedua: koordinasi lintas kelurahan." in text
    assert "[BELUM DIISI: Kendala yang Masih Dihadapi]" in text  # sasaran 3 is still a placeholder
    assert list((rebuilt / "arsip").glob(f"{NAME}-*.docx"))  # the edited draft was kept


def test_pull_without_changes_writes_nothing(built: Path, tmp_path: Path):
    narasi = tmp_path / "narasi.md"
    narasi.write_text("## isu-strategis\n\nLama.\n", encoding="utf-8")
    result = run_cli("narrative", "pull", built / f"{NAME}.docx", "--narasi", narasi)
    assert result.code == 0, result.output
    assert "Tidak ada perubahan narasi" in result.stdout
    assert narasi.read_text(encoding="utf-8") == "## isu-strategis\n\nLama.\n"
    assert not list(tmp_path.glob("*.bak"))


def test_pull_refuses_a_document_lkjip_did_not_write(tmp_path: Path):
    other = tmp_path / "lain.docx"
    Document().save(str(other))
    result = run_cli("narrative", "pull", other, "--narasi", tmp_path / "narasi.md")
    assert result.code == 2
    assert "tidak dibuat oleh lkjip" in result.stderr and "Traceback" not in result.output
    broken = tmp_path / "rusak.docx"
    broken.write_text("bukan zip", encoding="utf-8")
    result = run_cli("narrative", "pull", broken)
    assert result.code == 2 and "bukan dokumen Word" in result.stderr


def test_cover_carries_the_city_logo_alone_on_its_centred_page(tmp_path: Path):
    from PIL import Image

    config = city_copy(tmp_path / "kota")
    Image.new("RGB", (24, 24), (102, 102, 102)).save(config.parent / "lambang.png")
    config.write_text(config.read_text(encoding="utf-8") + "logo: lambang.png\n", encoding="utf-8")
    folder = build(config, tmp_path / "out", "--format", "docx")
    with zipfile.ZipFile(folder / f"{NAME}.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    cover, _tables = sections(body)[0]
    assert cover.find("w:vAlign", NS).get(f"{W}val") == "center"
    first_page = []
    for child in body:
        first_page.append(child)
        if child.find("w:pPr/w:sectPr", NS) is not None:
            break
    assert any(list(p.iter(f"{W}drawing")) for p in first_page)
    assert media  # the logo is embedded, not linked
    config.write_text(
        config.read_text(encoding="utf-8").replace("lambang.png", "tidak-ada.png"), "utf-8"
    )
    missing = run_cli("validate", config)
    assert missing.code == 2 and "logo: berkas tidak-ada.png tidak ditemukan" in missing.stderr


def test_the_trend_chart_caption_names_the_years_its_panels_share(body):
    figures = [text(p) for p in body.iter(f"{W}p") if style(p) == "ImageCaption"]
    assert "Gambar 3.2 Realisasi dan Target IKU Tahun 2022–2024" in figures
