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
from docx.shared import Cm, Pt, RGBColor

from lkjip.report.pandoc_ast import pandoc_path

OUT = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
FONT = "Arial"


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
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3), Cm(2.5)
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
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
    for level, size in ((1, 14), (2, 12), (3, 11)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        if level == 1:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Table Caption", "Image Caption"):
        style = styles[name]
        style.font.name = FONT
        style.font.bold = True
        style.font.italic = False
        style.font.size = Pt(10)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sumber = _paragraph_style(doc, "Sumber")
    sumber.font.size, sumber.font.italic = Pt(9), True
    narasi = _paragraph_style(doc, "Narasi", "Body Text")
    narasi.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    placeholder = _paragraph_style(doc, "Placeholder", "Body Text")
    placeholder.font.color.rgb = RGBColor(0x7F, 0x60, 0x00)
    _shade(placeholder, "FFF2CC")
    signature = _paragraph_style(doc, "Tanda Tangan")
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature.paragraph_format.left_indent = Cm(8.5)
    for name, size in (("Sampul Instansi", 16), ("Sampul Judul", 18), ("Sampul Alamat", 10)):
        style = _paragraph_style(doc, name)
        style.font.size = Pt(size)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_after = Pt(18)
    _paragraph_style(doc, "Daftar Entri").paragraph_format.space_after = Pt(2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(OUT))
    print(f"ditulis: {OUT}")


if __name__ == "__main__":
    main()
