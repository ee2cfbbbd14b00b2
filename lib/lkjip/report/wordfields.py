"""OpenXML for the parts of the Word draft that must stay correct after editing: fields
(captions, cross-references, lists), bookmarks, hidden chapter numbers and page sections.

Every field carries a cached result that is already right, so the draft reads correctly before
Word updates anything; the document also asks Word to update fields when it is opened. Text
given to these functions is escaped; none of it comes from users unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Page geometry in twentieths of a point (A4; margins 3 cm top/left, 2,5 cm bottom/right).
A4_SHORT, A4_LONG = 11906, 16838
MARGIN_BINDING, MARGIN_OTHER = 1701, 1417
TEXT_WIDTH = A4_SHORT - MARGIN_BINDING - MARGIN_OTHER  # portrait
TEXT_WIDTH_LANDSCAPE = A4_LONG - MARGIN_BINDING - MARGIN_OTHER

CHAPTER_STYLE = "Nomor Bab"  # hidden paragraph holding the BAB number that captions refer to
CHAPTER_STYLE_ID = "NomorBab"
TABLE_SEQ, FIGURE_SEQ = "Tabel", "Gambar"
TOC_CONTENTS = 'TOC \\o "1-3" \\h \\z \\u'
TABLE_STYLE = "Table"  # the draft's table style (borders, shaded header rows)
TABLE_TEXT_STYLE = "IsiTabel"  # the paragraph style of table cells
_SIZED_TABLE = "lkjip-tabel-"  # a table style name that carries the table's text size


def table_style(size: float) -> str:
    """The style name a table is written with, carrying its text size (in points) to the
    finishing step, which sets the size and the real style."""
    return f"{_SIZED_TABLE}{size:g}"


def table_size(style: str) -> float | None:
    """The text size carried by :func:`table_style`; None for any other table."""
    if not style.startswith(_SIZED_TABLE):
        return None
    try:
        return float(style[len(_SIZED_TABLE) :])
    except ValueError:
        return None


def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def field(instruction: str, result: str) -> str:
    """A complex field with its cached result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def bookmark_name(label: str, taken: set[str]) -> str:
    """A Word bookmark name (letters, digits, underscore; at most 40 characters) for a label,
    hidden from Word's bookmark list by its leading underscore, unique within ``taken``."""
    base = "_Ref_" + re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_")
    name, n = base[:40], 1
    while name in taken:
        n += 1
        name = f"{base[: 40 - len(str(n)) - 1]}_{n}"
    taken.add(name)
    return name


def bookmarked(name: str, ident: int, inner: str) -> str:
    return (
        f'<w:bookmarkStart w:id="{ident}" w:name="{escape(name)}"/>{inner}'
        f'<w:bookmarkEnd w:id="{ident}"/>'
    )


@dataclass(frozen=True)
class CaptionNumber:
    """``Tabel 3.2``: the sequence (Tabel/Gambar), the chapter mark (``3``, ``L`` or empty for
    front matter) and the number within the chapter."""

    sequence: str
    chapter: str
    number: int

    @property
    def text(self) -> str:
        chapter = f"{self.chapter}." if self.chapter else ""
        return f"{self.sequence} {chapter}{self.number}"

    def fields(self) -> str:
        """``Tabel {STYLEREF "Nomor Bab"}.{SEQ Tabel}``; the first of a chapter restarts at 1
        explicitly (``\\r 1``) as well as by heading (``\\s 1``), which LibreOffice also follows."""
        parts = [run(f"{self.sequence} ")]
        if self.chapter:
            parts += [field(f'STYLEREF "{CHAPTER_STYLE}"', self.chapter), run(".")]
        restart = " \\r 1" if self.number == 1 else ""
        parts.append(field(f"SEQ {self.sequence} \\* ARABIC{restart} \\s 1", str(self.number)))
        return "".join(parts)


def reference(bookmark: str, text: str) -> str:
    """A cross-reference to a caption's number (``Tabel 3.2``) that Word keeps up to date."""
    return field(f"REF {bookmark} \\h", text)


def chapter_mark(mark: str) -> str:
    """The hidden paragraph after a BAB heading whose text captions pick up with STYLEREF."""
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{CHAPTER_STYLE_ID}"/>{hidden}</w:pPr>'
        f'<w:r>{hidden}<w:t xml:space="preserve">{escape(mark)}</w:t></w:r></w:p>'
    )


@dataclass(frozen=True)
class TocEntry:
    text: str
    anchor: str  # the bookmark the entry links to
    level: int = 1  # 1–3 for the contents; 0 for tables and figures
    page: str = ""  # cached page number, when known


def toc(instruction: str, entries: list[TocEntry], empty: str) -> str:
    """A TOC field whose cached result is the list of entries (each a hyperlink with a PAGEREF
    field); Word rebuilds it, page numbers included, when fields are updated."""
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    if not entries:
        return f'<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr>{begin}{run(empty)}{end}</w:p>'
    paragraphs = []
    for index, entry in enumerate(entries):
        style = f"TOC{entry.level}" if entry.level else "TableofFigures"
        # The page number is a PAGEREF field; without a known number the entry stays a plain
        # link until Word rebuilds the list with the numbers.
        pageref = field(f"PAGEREF {entry.anchor} \\h", entry.page) if entry.page else ""
        page = f"<w:r><w:tab/></w:r>{pageref}" if entry.page else ""
        link = (
            f'<w:hyperlink w:anchor="{escape(entry.anchor)}" w:history="1">'
            f"{run(entry.text)}{page}</w:hyperlink>"
        )
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f"{begin if index == 0 else ''}{link}{end if index == len(entries) - 1 else ''}</w:p>"
        )
    return "".join(paragraphs)


# --- sections ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Section:
    """A run of pages with one orientation and page-number format: the cover (no number), the
    front matter (i, ii, …), the body (1, 2, … from BAB I) and landscape pages for wide tables,
    which continue the numbering of the part they sit in."""

    numbering: str | None = "decimal"  # w:pgNumType/@w:fmt; None: no page number shown
    restart: bool = False
    landscape: bool = False
    centred: bool = False  # content centred on the page (the cover)

    def properties(self) -> str:
        """The ``w:sectPr`` content. Footers are added when the DOCX is finished (their
        relationship ids are known only then)."""
        width, height = (A4_LONG, A4_SHORT) if self.landscape else (A4_SHORT, A4_LONG)
        orient = ' w:orient="landscape"' if self.landscape else ""
        top = MARGIN_OTHER if self.landscape else MARGIN_BINDING
        numbering = ""
        if self.numbering:
            start = ' w:start="1"' if self.restart else ""
            numbering = f'<w:pgNumType w:fmt="{self.numbering}"{start}/>'
        return (
            f'<w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
            f'<w:pgMar w:top="{top}" w:right="{MARGIN_OTHER}" w:bottom="{MARGIN_OTHER}" '
            f'w:left="{MARGIN_BINDING}" w:header="709" w:footer="709" w:gutter="0"/>'
            f"{numbering}{CENTRED if self.centred else ''}"
        )

    def end(self) -> str:
        """An empty paragraph ending a section like this one; the next starts on a new page."""
        return f"<w:p><w:pPr><w:sectPr>{self.properties()}</w:sectPr></w:pPr></w:p>"

    def rotated(self) -> Section:
        """The landscape section inside this part (or the portrait one after it)."""
        return Section(self.numbering, restart=False, landscape=not self.landscape)


CENTRED = '<w:vAlign w:val="center"/>'
COVER = Section(numbering=None, centred=True)
FRONT = Section("lowerRoman", restart=True)
BODY = Section("decimal", restart=True)
