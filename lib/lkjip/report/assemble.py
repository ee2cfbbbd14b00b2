"""Executed notebooks → one pandoc document: numbering, cross-references, lists, placeholders.

The notebooks' cells are read in order. Markdown cells give headings; code-cell outputs carry
blocks (``application/vnd.lkjip.block+json``), charts as data (``application/vnd.lkjip.chart+json``
and the organisation chart's ``application/vnd.lkjip.orgchart+json``, drawn here: native charts in
Word, vector drawings in the PDF) and pictures (``image/png``). Blocks, charts and pictures carry
their own labels and captions (``show``, ``show_chart`` and ``show_figure`` took them from the
outline); each chapter's kind, number and the place of the contents lists come from the outline
(:mod:`lkjip.report.outline`). Numbering is per BAB: "Tabel 3.2", "Gambar 3.1", "3.2.1".
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import nbformat

from lkjip.report import chart as chart_model
from lkjip.report import chart_docx, chart_svg, look, orgchart, outline, tablelayout
from lkjip.report import pandoc_ast as pa
from lkjip.report import typst_markup as tm
from lkjip.report import wordfields as wf
from lkjip.report.blocks import (
    MIME,
    Block,
    Cover,
    Heading,
    ListBlock,
    Narrative,
    PageBreak,
    Para,
    Ref,
    Signature,
    Strong,
    Table,
    from_json,
)
from lkjip.report.common import ROMAN
from lkjip.report.wordfields import CaptionNumber

PAGE_BREAK = {
    "openxml": '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    "typst": "#pagebreak(weak: true)",
}
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*(\{#[^}]*\})?\s*$")


@dataclass
class FigureItem:
    png: bytes
    label: str
    caption: str
    svg: str = ""  # the same chart as a vector drawing, for the PDF (photos have none)


@dataclass
class ChartItem:
    """A figure of one chart or of several (its panels, side by side in rows), drawn by each
    renderer: a native chart per panel in Word, one vector drawing in the PDF."""

    charts: tuple[chart_model.Chart, ...]
    label: str
    caption: str


@dataclass
class MarkdownItem:
    text: str


Item = Block | FigureItem | ChartItem | MarkdownItem


@dataclass
class Chapter:
    name: str
    items: list[Item]
    # Per item, the notebook cell it came from: (cell index, output index; -1 for markdown).
    origins: list[tuple[int, int]] = field(default_factory=list)
    kind: outline.ChapterKind = "front"  # front matter: no BAB number, "Tabel 1"
    number: int = 0  # the BAB number
    lists_at: int | None = None  # the item before which the contents lists go


def read_chapter(path: Path, spec: outline.Chapter) -> Chapter:
    """The items of one executed notebook, in order; ``spec`` is the chapter of the outline the
    notebook holds."""
    notebook = nbformat.read(path, as_version=4)
    items: list[Item] = []
    origins: list[tuple[int, int]] = []
    lists_at: int | None = None
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            part = (cell.metadata.get("lkjip") or {}).get("part")
            if spec.lists_before and part == spec.lists_before:
                lists_at = len(items)
            items += _markdown_items(cell.source)
            origins += [(index, -1)] * (len(items) - len(origins))
            continue
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        for number, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if MIME in data:
                items.append(from_json(data[MIME]))
            elif chart_model.MIMETYPE in data or orgchart.MIMETYPE in data:
                items.append(_chart_item(data, output))
            elif "image/png" in data:
                own = output.get("metadata", {}).get("lkjip") or {}  # display.show_figure, photos
                png = base64.b64decode(data["image/png"])
                svg = data.get("image/svg+xml", "")
                svg = "".join(svg) if isinstance(svg, list) else str(svg)
                label, caption = str(own.get("label") or ""), str(own.get("caption") or "")
                items.append(FigureItem(png, label, caption, svg))
            origins += [(index, number)] * (len(items) - len(origins))
    return Chapter(spec.notebook, items, origins, spec.kind, spec.number, lists_at)


def _chart_item(data: dict[str, object], output: dict[str, object]) -> ChartItem | FigureItem:
    """A chart output as an item: a :class:`ChartItem` (one chart, or a list of panels), or the
    organisation chart drawn now as a :class:`FigureItem` (SVG, and a picture of it for Word).
    Label and caption from the output's metadata (``show_chart``), else the chart's own."""
    own = output.get("metadata", {}).get("lkjip") or {}  # type: ignore[union-attr]
    label, caption = str(own.get("label") or ""), str(own.get("caption") or "")
    if orgchart.MIMETYPE in data:
        drawn = orgchart.OrgChart.from_data(data[orgchart.MIMETYPE])  # type: ignore[arg-type]
        svg = orgchart.svg(drawn)
        return FigureItem(orgchart.png(svg), label or drawn.label, caption or drawn.caption, svg)
    value = data[chart_model.MIMETYPE]
    panels = value if isinstance(value, list) else [value]
    charts = tuple(chart_model.Chart.from_data(panel) for panel in panels)
    return ChartItem(charts, label or charts[0].label, caption or charts[0].caption)


def _markdown_items(source: str) -> list[Item]:
    items: list[Item] = []
    buffer: list[str] = []
    for line in source.splitlines():
        match = _HEADING.match(line)
        if match:
            if any(b.strip() for b in buffer):
                items.append(MarkdownItem("\n".join(buffer)))
            buffer = []
            ident = (match.group(3) or "").strip("{}#")
            items.append(Heading(match.group(2), len(match.group(1)), ident))
        else:
            buffer.append(line)
    if any(b.strip() for b in buffer):
        items.append(MarkdownItem("\n".join(buffer)))
    return items


@dataclass
class Numbered:
    """A captioned table or figure: its number, caption and the bookmark around its number."""

    number: CaptionNumber
    caption: str
    bookmark: str

    @property
    def title(self) -> str:
        return f"{self.number.text} {self.caption}"


@dataclass
class Numbering:
    """Numbers of tables and figures, assigned in one pass before rendering."""

    labels: dict[str, Numbered] = field(default_factory=dict)
    tables: list[Numbered] = field(default_factory=list)
    figures: list[Numbered] = field(default_factory=list)
    items: dict[int, Numbered] = field(default_factory=dict)  # by id() of the Table/FigureItem
    bookmarks: set[str] = field(default_factory=set)

    def assign(self, chapters: list[Chapter]) -> None:
        for chapter in chapters:
            mark = self.mark(chapter)
            counts = {wf.TABLE_SEQ: 0, wf.FIGURE_SEQ: 0}
            for item in chapter.items:
                if not isinstance(item, Table | FigureItem | ChartItem) or not item.caption:
                    continue
                sequence = wf.TABLE_SEQ if isinstance(item, Table) else wf.FIGURE_SEQ
                counts[sequence] += 1
                number = CaptionNumber(sequence, mark, counts[sequence])
                bookmark = wf.bookmark_name(item.label or number.text, self.bookmarks)
                numbered = Numbered(number, item.caption, bookmark)
                (self.tables if isinstance(item, Table) else self.figures).append(numbered)
                self.items[id(item)] = numbered
                if item.label:
                    self.labels[item.label] = numbered

    def of(self, item: Table | FigureItem | ChartItem) -> Numbered | None:
        return self.items.get(id(item))

    @staticmethod
    def mark(chapter: Chapter) -> str:
        """What precedes the number within a chapter: ``3`` in BAB III, ``L`` in the Lampiran."""
        if chapter.kind == "bab":
            return str(chapter.number)
        return "L" if chapter.kind == "lampiran" else ""


@dataclass
class ContentsList:
    """Daftar Isi, Tabel or Gambar in the Word draft: a TOC field whose cached entries get
    their page numbers once the layout is known."""

    instruction: str
    entries: list[wf.TocEntry]
    empty: str

    def openxml(self, pages: dict[str, str]) -> str:
        entries = [replace(e, page=pages.get(e.anchor, "")) for e in self.entries]
        return wf.toc(self.instruction, entries, self.empty)


@dataclass
class Assembled:
    """The document (for both formats; Word-only and PDF-only parts are marked), its media,
    and the contents lists by their index among the document's blocks."""

    document: dict[str, object]
    media: dict[str, bytes]
    numbering: Numbering
    last_section: wf.Section = field(default_factory=lambda: wf.BODY)
    lists: dict[int, ContentsList] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)  # title, subject, author, keywords
    # Where each item's blocks begin: (chapter index, item index, index of its first block).
    starts: list[tuple[int, int, int]] = field(default_factory=list)
    # The Word draft's native charts, by the key of the placeholder paragraph each replaces.
    charts: dict[str, chart_model.Chart] = field(default_factory=dict)

    def for_pdf(self) -> dict[str, object]:
        """The document without the parts only the Word draft has."""
        return {**self.document, "blocks": pa.without_class(self.blocks, WORD_ONLY)}

    def for_word(self, pages: dict[str, str]) -> dict[str, object]:
        """The document with the contents lists' page numbers (anchor -> page label)."""
        blocks = list(self.blocks)
        for index, contents in self.lists.items():
            blocks[index] = pa.raw("openxml", contents.openxml(pages))
        return {**self.document, "blocks": blocks}

    @property
    def blocks(self) -> list[pa.Node]:
        return self.document["blocks"]  # type: ignore[return-value]


WORD_ONLY = "lkjip-word"  # blocks that only the Word draft shows (the PDF has its own markup)


TYPST_FRONT = '#set page(numbering: "i")\n#counter(page).update(1)'
TYPST_BODY = '#pagebreak(weak: true)\n#set page(numbering: "1")\n#counter(page).update(1)'
TYPST_LANDSCAPE = "#page(flipped: true)["
TYPST_LISTS = {
    "daftar-isi": "#outline(title: none, depth: 3)",
    "daftar-tabel": "#outline(title: none, target: figure.where(kind: table))",
    "daftar-gambar": "#outline(title: none, target: figure.where(kind: image))",
}


def _is_page_start(node: pa.Node) -> bool:
    """A raw OpenXML block that starts a new page (a page or section break)."""
    if node.get("t") != "RawBlock":
        return False
    fmt, content = node["c"]  # type: ignore[misc]
    return fmt == "openxml" and ("w:sectPr" in content or 'w:type="page"' in content)


Arranged = tuple[Table, tablelayout.Layout]  # a table as it is drawn, with its layout


class _Builder:
    def __init__(self, numbering: Numbering, layouts: dict[int, Arranged]) -> None:
        self.numbering = numbering
        self.layouts = layouts  # each Table (by id) as it is drawn, with its layout
        self.media: dict[str, bytes] = {}
        self.charts: dict[str, chart_model.Chart] = {}  # placeholder key -> native Word chart
        self.blocks: list[pa.Node] = []
        self.narrative: list[tuple[int, str]] = []  # (index in blocks, markdown) to convert later
        self.headings: list[wf.TocEntry] = []
        self.list_slots: dict[str, int] = {}  # list id -> index of its placeholder block
        self.contents: dict[int, ContentsList] = {}  # index in blocks -> the list placed there
        self.section = wf.FRONT  # the Word section being filled
        self.section_start = 0  # index in blocks where it began
        self.body_started = False
        self.break_pending = False
        self.bookmark_ids = 100_000  # above pandoc's own bookmark ids
        self.starts: list[tuple[int, int, int]] = []  # (chapter, item, first block) per item

    # --- inline text -----------------------------------------------------------------------
    def inlines(self, content: list[str | Ref | Strong]) -> list[pa.Node]:
        nodes: list[pa.Node] = []
        for item in content:
            if isinstance(item, Ref):
                nodes += self.reference(item.label)
            elif isinstance(item, Strong):
                nodes.append(pa.strong(pa.text(item.text)))
            else:
                # Keep spaces at the joins between pieces ("ditargetkan " + "73").
                if item[:1].isspace() and nodes:
                    nodes.append({"t": "Space"})
                nodes += pa.text(item)
                if item[-1:].isspace():
                    nodes.append({"t": "Space"})
        return nodes

    def reference(self, label: str) -> list[pa.Node]:
        """``Tabel 3.2`` in the text: a REF field to the caption's number in Word."""
        numbered = self.numbering.labels.get(label)
        if numbered is None:
            return pa.text("tabel/gambar terkait")
        text = numbered.number.text
        return [
            pa.raw_inline("openxml", wf.reference(numbered.bookmark, text)),
            pa.raw_inline("typst", tm.text(text)),
        ]

    def caption(self, numbered: Numbered | None, caption: str) -> list[pa.Node]:
        """``Tabel 3.2 <caption>`` in Word: the number is STYLEREF and SEQ fields inside the
        bookmark that references and the lists point to."""
        if numbered is None:
            return pa.text(caption)
        self.bookmark_ids += 1
        fields = wf.bookmarked(numbered.bookmark, self.bookmark_ids, numbered.number.fields())
        return [pa.raw_inline("openxml", fields), {"t": "Space"}, *pa.text(caption)]

    def typst_caption(self, numbered: Numbered | None, caption: str) -> tuple[str, str]:
        """The caption and label of a table or figure in the PDF (labelled by its bookmark,
        so that both formats name it alike in the contents lists)."""
        if numbered is None:
            return tm.text(caption), ""
        return f"{tm.text(numbered.number.text)} {tm.text(caption)}", numbered.bookmark

    # --- pages and sections ----------------------------------------------------------------
    def page_break(self) -> None:
        """A new page. In Word the break is deferred: a chapter heading starts a page by its
        style (a break paragraph before it could leave an empty page behind a full one), and
        a section break already starts one."""
        self.break_pending = True
        if self.blocks and self.blocks[-1] != pa.raw("typst", PAGE_BREAK["typst"]):
            self.blocks.append(pa.raw("typst", PAGE_BREAK["typst"]))

    def flush_break(self, heading: bool = False) -> None:
        if self.break_pending and not heading:
            last_word = next((b for b in reversed(self.blocks) if _is_word(b)), None)
            if last_word is not None and not _is_page_start(last_word):
                self.blocks.append(pa.raw("openxml", PAGE_BREAK["openxml"]))
        self.break_pending = False

    def end_section(self, following: wf.Section) -> None:
        """A Word section break: what came before keeps its layout, ``following`` starts. A
        section with nothing in it yet is not ended but turned into ``following`` (its break
        would leave a blank page: a document that opens on a landscape table)."""
        if not any(_is_word(b) for b in self.blocks[self.section_start :]):
            self.section = following
            return
        self.blocks.append(pa.raw("openxml", self.section.end()))
        self.section = following
        self.section_start = len(self.blocks)

    def open_landscape(self) -> None:
        """Landscape pages from here (a page break in both formats)."""
        if not self.section.landscape:
            self.end_section(self.section.rotated())
            self.blocks.append(pa.raw("typst", TYPST_LANDSCAPE))

    def close_landscape(self) -> None:
        if self.section.landscape:
            self.end_section(self.section.rotated())
            self.blocks.append(pa.raw("typst", "]"))

    def start_body(self) -> None:
        """BAB I starts the body: arabic page numbers from 1."""
        self.close_landscape()
        self.end_section(wf.BODY)
        self.blocks.append(pa.raw("typst", TYPST_BODY))
        self.body_started = True

    # --- blocks ----------------------------------------------------------------------------
    def heading(
        self, item: Heading, chapter: Chapter, counters: list[int], landscape: bool = False
    ) -> None:
        """A heading; a chapter heading starts a page, in landscape when ``landscape`` (its
        first tables are landscape, so the chapter opens on a landscape page)."""
        level = item.level
        ident = item.id or f"bagian-{len(self.headings) + 1}"
        if level == 1:
            if chapter.kind == "bab" and not self.body_started:
                self.start_body()
                if landscape:  # the body's first section, still empty, turns landscape
                    self.section = replace(self.section, landscape=True)
                    self.blocks.append(pa.raw("typst", TYPST_LANDSCAPE))
            else:
                self.page_break()
                self.flush_break(heading=True)
                if landscape:
                    self.open_landscape()
            title = item.text.upper()
            if chapter.kind == "bab":
                label = f"BAB {ROMAN[chapter.number]}"
                inlines = [*pa.text(label), pa.line_break(), *pa.text(title)]
                entry = f"{label} {title}"
            else:
                inlines, entry = pa.text(title), title
            self.blocks.append(pa.header(1, inlines, ident, unnumbered=True))
            if chapter.kind in ("bab", "lampiran"):
                self.blocks.append(pa.raw("openxml", wf.chapter_mark(Numbering.mark(chapter))))
            self.headings.append(wf.TocEntry(entry, ident, 1))
            counters[:] = [0, 0, 0]
            return
        if level >= 4:  # a sub-heading: unnumbered, and not in the contents
            self.blocks.append(pa.header(level, pa.text(item.text), ident, unnumbered=True))
            return
        depth = level - 2
        counters[depth] += 1
        for deeper in range(depth + 1, 3):
            counters[deeper] = 0
        if chapter.kind == "bab":
            number = ".".join(str(n) for n in [chapter.number, *counters[: depth + 1]])
            label = f"{number} {item.text}"
        elif chapter.kind == "lampiran" and depth == 0:
            label = f"Lampiran {counters[0]}. {item.text}"
        else:
            label = item.text
        self.blocks.append(pa.header(level, pa.text(label), ident, unnumbered=True))
        if level <= 3:
            self.headings.append(wf.TocEntry(label, ident, level))

    def landscape(self, item: Item) -> bool:
        return isinstance(item, Table) and self.layouts[id(item)][1].landscape

    def table(self, item: Table) -> None:
        drawn, layout = self.layouts[id(item)]
        if layout.landscape:
            self.open_landscape()
        numbered = self.numbering.of(item) if item.caption else None
        item = tablelayout.with_whole_values(drawn)
        width = len(layout.widths)
        aligns: list[str | None] = [*item.aligns, *([None] * width)][:width]

        def rows(source: list) -> list:
            return [
                [
                    pa.cell(
                        [
                            pa.plain(
                                [pa.strong(pa.text(c.text))]
                                if c.bold and c.text
                                else pa.text(c.text)
                            )
                        ],
                        c.align,
                        c.rowspan,
                        c.colspan,
                    )
                    for c in row
                ]
                for row in source
            ]

        caption = self.caption(numbered, item.caption) if item.caption else []
        node = pa.table(
            caption, aligns, layout.fractions, rows(item.head), rows(item.body),
            rows(item.foot), item.label, custom_style=wf.table_style(layout.size),
        )  # fmt: skip
        word = [node]
        if item.source:
            word.append(pa.styled([pa.para(pa.text(f"Sumber: {item.source}"))], "Sumber"))
        self.blocks.append(pa.div(word, classes=[WORD_ONLY]))
        typst_caption, label = self.typst_caption(numbered, item.caption)
        self.blocks.append(pa.raw("typst", tm.table(item, layout, typst_caption, label)))

    def figure(self, item: FigureItem) -> None:
        name = f"gambar-{len(self.media) + 1}"
        self.media[f"{name}.png"] = item.png
        if item.svg:
            self.media[f"{name}.svg"] = item.svg.encode("utf-8")
        numbered = self.numbering.of(item) if item.caption else None
        caption = self.caption(numbered, item.caption) if item.caption else []
        word = pa.image_figure(f"{name}.png", caption, item.label)
        self.blocks.append(pa.div([word], classes=[WORD_ONLY]))
        typst_caption, label = self.typst_caption(numbered, item.caption)
        image = f"{name}.svg" if item.svg else f"{name}.png"
        self.blocks.append(pa.raw("typst", tm.figure(image, typst_caption, label)))

    def chart(self, item: ChartItem) -> None:
        """A chart figure: in Word, one placeholder paragraph per row of panels, each replaced
        by native charts when the draft is finished (report/chart_docx.py); in the PDF the SVG
        drawing, in vector."""
        name = f"gambar-{len(self.media) + 1}"
        one = len(item.charts) == 1
        drawing = chart_svg.svg(item.charts[0]) if one else chart_svg.panels_svg(item.charts)
        self.media[f"{name}.svg"] = drawing.encode("utf-8")
        numbered = self.numbering.of(item) if item.caption else None
        caption = self.caption(numbered, item.caption) if item.caption else []
        rows: list[pa.Node] = []  # the Word draft's paragraphs: rows of panels, the caption
        index = 0
        for row in chart_model.panel_rows(item.charts):
            keys = []
            for panel in row:
                index += 1
                key = name if one else f"{name}-{index}"
                self.charts[key] = panel
                keys.append(chart_docx.placeholder(key))
            # Styled as pandoc styles a picture's paragraph (a Figure of anything but one
            # picture would be written as a table).
            rows.append(pa.styled([pa.para(pa.text(" ".join(keys)))], "Captioned Figure"))
        if caption:
            rows.append(pa.styled([pa.para(caption)], "Image Caption"))
        self.blocks.append(pa.div([pa.div(rows, item.label)], classes=[WORD_ONLY]))
        typst_caption, label = self.typst_caption(numbered, item.caption)
        self.blocks.append(pa.raw("typst", tm.figure(f"{name}.svg", typst_caption, label)))

    def narrative_block(self, item: Narrative) -> None:
        ident = f"narasi-{item.anchor}"
        if item.text is None:
            # The marker's emphasis is a character style, not direct bold: text typed over it
            # in Word is then plain narrative, not bold.
            marker = pa.span(pa.text(f"[BELUM DIISI: {item.title}]"), custom_style="Penanda Isian")
            body = [pa.para([marker, {"t": "Space"}, *pa.text(item.instruction)])]
            self.blocks += [
                pa.raw(
                    "typst",
                    '#block(fill: rgb("#fff2cc"), stroke: rgb("#bf9000"), inset: 8pt, width: 100%)[',
                ),
                pa.div(body, ident, ["placeholder"], custom_style="Placeholder"),
                pa.raw("typst", "]"),
            ]
            return
        self.narrative.append((len(self.blocks), item.text))
        self.blocks.append(pa.div([], ident, ["narasi"], custom_style="Narasi"))

    def signature(self, item: Signature) -> None:
        """The signature block, right of centre, never split across pages."""
        lines = [item.place_date, item.jabatan, "", "", "", item.nama]
        lines += [item.pangkat] if item.pangkat else []
        lines.append(f"NIP. {item.nip}")
        inlines: list[pa.Node] = []
        for index, line in enumerate(lines):
            if index:
                inlines.append(pa.line_break())
            if index == 5:
                inlines.append(pa.underline([pa.strong(pa.text(line))]))
            else:
                inlines += pa.text(line)
        word = pa.styled([pa.para(inlines)], "Tanda Tangan")
        self.blocks.append(pa.div([word], classes=[WORD_ONLY]))
        self.blocks.append(pa.raw("typst", tm.signature(lines, name_line=5)))

    def cover(self, item: Cover) -> None:
        """The title page, alone in its section (no page number): the same lines, sizes and
        spaces in both formats (report/look.py)."""
        self.section = wf.COVER if not self.blocks else self.section
        logo = Path(item.logo) if item.logo else None
        logo_name = ""
        if logo is not None and logo.is_file():
            logo_name = f"logo{logo.suffix.lower()}"
            self.media[logo_name] = logo.read_bytes()
        lines = [
            (item.pemerintah.upper(), "Sampul Instansi"),
            (f"{item.judul.upper()} ({item.akronim})", "Sampul Judul"),
            (f"KECAMATAN {item.kecamatan.upper()}", "Sampul Kecamatan"),
            (f"TAHUN {item.tahun}", "Sampul Tahun"),
            (item.alamat, "Sampul Alamat"),
        ]
        word: list[pa.Node] = []
        for index, (text, style) in enumerate(lines):
            if index == 1 and logo_name:
                width = f"{look.LOGO_WIDTH_CM}cm"
                image = {"t": "Image", "c": [pa.attr(width=width), [], [logo_name, ""]]}
                word.append(pa.styled([pa.para([image])], "Sampul Logo"))
            elif index == 1:  # the logo's place stays, so the cover looks the same without one
                style = look.TITLE_WITHOUT_LOGO
            if text:
                inlines = pa.text(text)
                bold = look.COVER_STYLES[style].bold
                word.append(pa.styled([pa.para([pa.strong(inlines)] if bold else inlines)], style))
        self.blocks.append(pa.div(word, classes=[WORD_ONLY]))
        self.blocks.append(pa.raw("typst", tm.cover(lines, logo_name)))
        if self.section == wf.COVER:
            self.end_section(wf.FRONT)
            self.blocks.append(pa.raw("typst", TYPST_FRONT))

    def lists(self) -> None:
        """Daftar Isi, Daftar Tabel and Daftar Gambar; their entries are filled in at the end."""
        for title, ident in (
            ("DAFTAR ISI", "daftar-isi"),
            ("DAFTAR TABEL", "daftar-tabel"),
            ("DAFTAR GAMBAR", "daftar-gambar"),
        ):
            self.page_break()
            self.flush_break(heading=True)
            self.blocks.append(pa.header(1, pa.text(title), ident, unnumbered=True))
            self.headings.append(wf.TocEntry(title, ident, 1))
            self.list_slots[ident] = len(self.blocks)
            self.blocks.append(pa.raw("typst", TYPST_LISTS[ident]))

    def fill_lists(self) -> None:
        entries = {
            "daftar-isi": ContentsList(wf.TOC_CONTENTS, self.headings, ""),
            "daftar-tabel": ContentsList(
                f'TOC \\h \\z \\c "{wf.TABLE_SEQ}"',
                [wf.TocEntry(n.title, n.bookmark, 0) for n in self.numbering.tables],
                "Tidak ada tabel.",
            ),
            "daftar-gambar": ContentsList(
                f'TOC \\h \\z \\c "{wf.FIGURE_SEQ}"',
                [wf.TocEntry(n.title, n.bookmark, 0) for n in self.numbering.figures],
                "Tidak ada gambar.",
            ),
        }
        # Later lists first, so that inserting does not move the earlier indices.
        for ident, index in sorted(self.list_slots.items(), key=lambda pair: -pair[1]):
            self.blocks.insert(index, pa.raw("openxml", entries[ident].openxml({})))
            self.narrative = [(i + (i >= index), text) for i, text in self.narrative]
            self.starts = [(c, n, i + (i > index)) for c, n, i in self.starts]
            self.contents = {i + (i >= index): c for i, c in self.contents.items()}
            self.contents[index] = entries[ident]

    def add(
        self, chapter: Chapter, item: Item, counters: list[int], stay_landscape: bool = False
    ) -> None:
        """Add one item. ``stay_landscape``: a landscape table follows soon after this item,
        so the landscape pages go on instead of turning back for a moment."""
        chapter_start = isinstance(item, Heading) and item.level == 1
        if (
            self.section.landscape and not (self.landscape(item) or stay_landscape)
        ) or chapter_start:
            self.close_landscape()
        if not isinstance(item, PageBreak):
            self.flush_break(heading=isinstance(item, Heading) and item.level == 1)
        if isinstance(item, Heading):
            opens_landscape = item.level == 1 and stay_landscape
            self.heading(item, chapter, counters, landscape=opens_landscape)
        elif isinstance(item, Para):
            node = pa.para(self.inlines(item.content))
            self.blocks.append(pa.styled([node], item.style) if item.style else node)
        elif isinstance(item, ListBlock):
            items = [[pa.plain(self.inlines(i))] for i in item.items]
            self.blocks.append(pa.ordered_list(items) if item.ordered else pa.bullet_list(items))
        elif isinstance(item, Table):
            self.table(item)
        elif isinstance(item, FigureItem):
            self.figure(item)
        elif isinstance(item, ChartItem):
            self.chart(item)
        elif isinstance(item, Narrative):
            self.narrative_block(item)
        elif isinstance(item, MarkdownItem):
            self.narrative.append((len(self.blocks), item.text))
            self.blocks.append(pa.div([], classes=["teks"]))
        elif isinstance(item, PageBreak):
            self.page_break()
        elif isinstance(item, Signature):
            self.signature(item)
        elif isinstance(item, Cover):
            self.cover(item)

    def finish(self) -> None:
        """Close the document. Landscape pages at the end stay the last Word section (closing
        them would leave an empty portrait page behind)."""
        if self.section.landscape:
            self.blocks.append(pa.raw("typst", "]"))
        self.fill_lists()
        converted = pa.markdown_blocks([text for _, text in self.narrative])
        for (index, _), blocks in zip(self.narrative, converted, strict=True):
            self.blocks[index]["c"][1] = blocks  # type: ignore[index]


def _is_word(node: pa.Node) -> bool:
    """Anything that reaches the Word document (everything but raw Typst)."""
    return not (node.get("t") == "RawBlock" and node["c"][0] == "typst")  # type: ignore[index]


INTRODUCTION = 4  # sentences or lists between a sub-heading and the table it introduces
LOOKAHEAD = 5  # items between two landscape tables that may share their landscape pages


def _stays_landscape(items: list[Item], index: int, layouts: dict[int, Arranged]) -> bool:
    """True when a landscape table follows within a few short items (sub-headings, sentences,
    portrait tables, charts), so the pages between stay landscape rather than turning twice."""
    for item in items[index : index + LOOKAHEAD + 1]:
        if isinstance(item, Table) and layouts[id(item)][1].landscape:
            return True
        if not isinstance(item, Heading | Para | ListBlock | Table | FigureItem | ChartItem) or (
            isinstance(item, Heading) and item.level == 1
        ):
            return False
    return False


def _introduces_landscape(items: list[Item], index: int, layouts: dict[int, Arranged]) -> bool:
    """True for a sub-heading whose section is a few sentences and then a landscape table: the
    heading and its sentences go on the landscape page with the table they introduce."""
    heading = items[index]
    if not isinstance(heading, Heading) or heading.level < 2:
        return False
    for item in items[index + 1 : index + 1 + INTRODUCTION]:
        if isinstance(item, Table):
            return layouts[id(item)][1].landscape
        if not isinstance(item, Para | ListBlock):
            return False
    return False


def assemble(
    chapters: list[Chapter], meta: dict[str, str], properties: dict[str, str] | None = None
) -> Assembled:
    """Number, resolve and convert the chapters into one pandoc document. ``meta`` goes to the
    PDF template; ``properties`` (title, subject, author, keywords) describe the Word draft."""
    numbering = Numbering()
    numbering.assign(chapters)
    layouts = {
        id(item): tablelayout.arrange(item)
        for chapter in chapters
        for item in chapter.items
        if isinstance(item, Table)
    }
    builder = _Builder(numbering, layouts)
    lists_done = False
    for number, chapter in enumerate(chapters):
        counters = [0, 0, 0]
        for index, item in enumerate(chapter.items):
            builder.starts.append((number, index, len(builder.blocks)))
            if not lists_done and (index == chapter.lists_at or chapter.kind == "bab"):
                builder.lists()
                lists_done = True
            chapter_start = isinstance(item, Heading) and item.level == 1
            stay = _stays_landscape(chapter.items, index + chapter_start, layouts)
            if _introduces_landscape(chapter.items, index, layouts):
                builder.open_landscape()
            builder.add(chapter, item, counters, stay_landscape=stay)
    builder.finish()
    document = pa.document(builder.blocks, meta)
    return Assembled(
        document, builder.media, numbering, builder.section, builder.contents, properties or {},
        builder.starts, builder.charts,
    )  # fmt: skip
