"""Build templates/reference.docx: pandoc's default reference document restyled for Indonesian
government reports (A4, margins, office font, justified text, report styles).

Run after changing the styles: .venv/bin/python scripts/make_reference_docx.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from lkjip.report import look
from lkjip.report import wordfields as wf
from lkjip.report.pandoc_ast import pandoc_path
from lkjip.report.tablelayout import CELL_INSET

OUT = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
FONT = "Arial"
LANGUAGE = "id-ID"
CELL_MARGIN = round(CELL_INSET * 20)  # twips; the PDF's table inset is the same
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _shade(style, fill: str) -> None:
    ppr = style.element.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def _paragraph_style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles[base]
    return style


def _xml(fragment: str):
    """An OpenXML element from a fragment in the w: namespace."""
    from docx.oxml import parse_xml

    return parse_xml(f'<w:root xmlns:w="{W}">{fragment}</w:root>')[0]


def _set_child(parent, fragment: str) -> None:
    """Replace (or add) the child element of the fragment's kind."""
    element = _xml(fragment)
    for old in parent.findall(element.tag):
        parent.remove(old)
    parent.append(element)


def _toc_style(doc, name: str, style_id: str, indent_cm: float, bold: bool = False):
    style = _paragraph_style(doc, name)
    style.element.set(qn("w:styleId"), style_id)
    style.paragraph_format.left_indent = Cm(indent_cm)
    style.paragraph_format.space_after = Pt(1)  # the PDF's outline mirrors it
    style.font.bold = bold
    ppr = style.element.get_or_add_pPr()
    _set_child(
        ppr, f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{wf.TEXT_WIDTH}"/></w:tabs>'
    )
    return style


def _table_style(doc) -> None:
    """Pandoc's "Table": grid lines, a shaded bold header row (repeated on every page by the
    rows themselves), 9-point text."""
    style = doc.styles["Table"]
    element = style.element
    tblpr = element.find(qn("w:tblPr"))
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    _set_child(tblpr, f"<w:tblBorders>{borders}</w:tblBorders>")
    _set_child(
        tblpr,
        f'<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="28" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
        "</w:tblCellMar>",
    )
    _set_child(element, '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>')
    for old in element.findall(qn("w:tblStylePr")):
        element.remove(old)
    element.append(
        _xml(
            '<w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr>'
            "<w:rPr><w:b/></w:rPr><w:tcPr>"
            '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/><w:vAlign w:val="center"/>'
            "</w:tcPr></w:tblStylePr>"
        )
    )


def _page(doc) -> None:
    """The last section's layout (A4, margins, arabic page numbers) and a footer with the page
    number; lkjip gives the cover, front matter and landscape sections their own layout."""
    section = doc.sections[0]
    section.page_width, section.page_height = Emu(wf.A4_SHORT * 635), Emu(wf.A4_LONG * 635)
    section.top_margin = section.left_margin = Emu(wf.MARGIN_BINDING * 635)
    section.bottom_margin = section.right_margin = Emu(wf.MARGIN_OTHER * 635)
    _set_child(section._sectPr, '<w:pgNumType w:fmt="decimal"/>')
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            run._r.append(_xml(f'<w:fldChar w:fldCharType="{kind}"/>'))
        elif text == " PAGE ":
            run._r.append(_xml(f'<w:instrText xml:space="preserve">{text}</w:instrText>'))
        else:
            run.text = text


def _language(doc) -> None:
    """Indonesian as the language of the document's text (spelling, hyphenation, fields)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        default = Path(tmp) / "default.docx"
        with default.open("wb") as handle:
            subprocess.run(
                [pandoc_path(), "--print-default-data-file", "reference.docx"],
                stdout=handle,
                check=True,
            )
        doc = Document(str(default))
    _page(doc)
    _language(doc)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Body Text", "First Paragraph", "Compact"):
        style = styles[name]
        style.font.name = FONT
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        style.paragraph_format.line_spacing = 1.15
        if name != "Compact":  # the PDF template mirrors these spacings (templates/lkjip.typ)
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12), (3, 11), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 4
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(9 if level == 4 else 12)
        style.paragraph_format.space_after = Pt(4 if level == 4 else 6)
        style.paragraph_format.keep_with_next = True
        if level == 1:  # a BAB (or a part of the front matter) starts a page
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.page_break_before = True
    for name in ("Table Caption", "Image Caption"):
        style = styles[name]
        style.font.name = FONT
        style.font.bold = True
        style.font.italic = False
        style.font.size = Pt(10)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.keep_with_next = name == "Table Caption"
        style.paragraph_format.space_before = Pt(6 if name == "Table Caption" else 3)
        style.paragraph_format.space_after = Pt(3 if name == "Table Caption" else 9)
    cell_text = _paragraph_style(doc, "Isi Tabel")
    cell_text.element.set(qn("w:styleId"), wf.TABLE_TEXT_STYLE)
    cell_text.font.size = Pt(9)
    cell_text.paragraph_format.space_before = cell_text.paragraph_format.space_after = Pt(0)
    cell_text.paragraph_format.line_spacing = 1.0
    cell_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    sumber = _paragraph_style(doc, "Sumber")
    sumber.font.size, sumber.font.italic = Pt(8), True
    sumber.paragraph_format.space_before = Pt(3)
    sumber.paragraph_format.space_after = Pt(9)
    narasi = _paragraph_style(doc, "Narasi", "Body Text")
    narasi.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    narasi.next_paragraph_style = narasi  # Enter in a narrative paragraph stays narrative
    placeholder = _paragraph_style(doc, "Placeholder", "Body Text")
    placeholder.font.color.rgb = RGBColor(0x7F, 0x60, 0x00)
    placeholder.next_paragraph_style = narasi
    _shade(placeholder, "FFF2CC")
    marker = doc.styles.add_style("Penanda Isian", WD_STYLE_TYPE.CHARACTER)
    marker.font.bold = True  # "[BELUM DIISI: …]"; typing over it gives plain text
    chapter = _paragraph_style(doc, wf.CHAPTER_STYLE)
    chapter.element.set(qn("w:styleId"), wf.CHAPTER_STYLE_ID)
    chapter.font.hidden = True  # the BAB number that captions read with STYLEREF
    chapter.font.size = Pt(1)
    chapter.paragraph_format.space_before = chapter.paragraph_format.space_after = Pt(0)
    for level in (1, 2, 3):
        _toc_style(doc, f"toc {level}", f"TOC{level}", 0.6 * (level - 1), bold=level == 1)
    _toc_style(doc, "table of figures", "TableofFigures", 0)
    _table_style(doc)
    signature = _paragraph_style(doc, "Tanda Tangan")
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature.paragraph_format.left_indent = Cm(look.SIGNATURE_INDENT_CM)
    signature.paragraph_format.keep_together = True
    signature.paragraph_format.space_before = Pt(12)
    for cover in look.COVER_STYLES.values():
        style = _paragraph_style(doc, cover.name)
        style.font.size = Pt(cover.size)
        style.font.bold = cover.bold
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = Pt(cover.space_before)
        style.paragraph_format.space_after = Pt(0)
    _paragraph_style(doc, "Daftar Entri").paragraph_format.space_after = Pt(2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(OUT))
    print(f"ditulis: {OUT}")


if __name__ == "__main__":
    main()
