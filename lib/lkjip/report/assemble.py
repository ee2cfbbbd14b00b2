"""Executed notebooks → one pandoc document: numbering, cross-references, lists, placeholders.

The notebooks' cells are read in order. Markdown cells give headings; code-cell outputs carry
blocks (``application/vnd.lkjip.block+json``) and figures (``image/png``). Quarto cell options on a
cell (``#| label:``, ``#| tbl-cap:``, ``#| fig-cap:``) label and caption the table or figure it
shows, exactly as Quarto would. Numbering is per BAB: "Tabel 3.2", "Gambar 3.1", "3.2.1".
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from lkjip.report import pandoc_ast as pa
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

PAGE_BREAK = {
    "openxml": '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    "typst": "#pagebreak(weak: true)",
}
TOC_FIELD = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>Daftar isi diperbarui saat dokumen dibuka (atau klik kanan, Update Field).</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
TYPST_TOC = "#outline(title: none, depth: 3)"
_OPTION = re.compile(r"^#\|\s?(.*)$")
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*(\{#[^}]*\})?\s*$")


@dataclass
class FigureItem:
    png: bytes
    label: str
    caption: str


@dataclass
class MarkdownItem:
    text: str


Item = Block | FigureItem | MarkdownItem


@dataclass
class Chapter:
    name: str
    items: list[Item]

    @property
    def kind(self) -> str:
        number = int(self.name[:2]) if self.name[:2].isdigit() else -1
        return "front" if number == 0 else "lampiran" if number >= 5 else "bab"

    @property
    def number(self) -> int:
        return int(self.name[:2]) if self.name[:2].isdigit() else 0


def cell_options(source: str) -> dict[str, object]:
    lines = []
    for line in source.splitlines():
        match = _OPTION.match(line)
        if not match:
            break
        lines.append(match.group(1))
    try:
        options = yaml.safe_load("\n".join(lines)) if lines else {}
    except yaml.YAMLError:
        return {}
    return options if isinstance(options, dict) else {}


def read_chapter(path: Path, name: str | None = None) -> Chapter:
    """The items of one executed notebook, in order."""
    notebook = nbformat.read(path, as_version=4)
    items: list[Item] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            items += _markdown_items(cell.source)
            continue
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        options = cell_options(cell.source)
        label, labelled = str(options.get("label") or ""), False
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME in data:
                block = from_json(data[MIME])
                if isinstance(block, Table) and label.startswith("tbl-") and not labelled:
                    block.label = block.label or label
                    block.caption = block.caption or str(options.get("tbl-cap") or "")
                    labelled = True
                items.append(block)
            elif "image/png" in data:
                caption = str(options.get("fig-cap") or "")
                fig_label = label if label.startswith("fig-") and not labelled else ""
                labelled = labelled or bool(fig_label)
                items.append(FigureItem(base64.b64decode(data["image/png"]), fig_label, caption))
    return Chapter(name or path.stem, items)


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
class Numbering:
    """Numbers of headings, tables and figures, assigned in one pass before rendering."""

    labels: dict[str, str] = field(default_factory=dict)
    tables: list[tuple[str, str]] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)

    def assign(self, chapters: list[Chapter]) -> None:
        for chapter in chapters:
            prefix = self.prefix(chapter)
            tables = figures = 0
            for item in chapter.items:
                if isinstance(item, Table) and item.caption:
                    tables += 1
                    number = f"Tabel {prefix}{tables}"
                    self.tables.append((number, item.caption))
                    if item.label:
                        self.labels[item.label] = number
                elif isinstance(item, FigureItem) and item.caption:
                    figures += 1
                    number = f"Gambar {prefix}{figures}"
                    self.figures.append((number, item.caption))
                    if item.label:
                        self.labels[item.label] = number

    @staticmethod
    def prefix(chapter: Chapter) -> str:
        if chapter.kind == "bab":
            return f"{chapter.number}."
        return "L." if chapter.kind == "lampiran" else ""


@dataclass
class Assembled:
    document: dict[str, object]
    media: dict[str, bytes]
    numbering: Numbering


class _Builder:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.media: dict[str, bytes] = {}
        self.blocks: list[pa.Node] = []
        self.narrative: list[tuple[int, str]] = []  # (index in blocks, markdown) to convert later

    # --- inline text -----------------------------------------------------------------------
    def inlines(self, content: list[str | Ref | Strong]) -> list[pa.Node]:
        nodes: list[pa.Node] = []
        for item in content:
            if isinstance(item, Ref):
                nodes += pa.text(self.numbering.labels.get(item.label, "tabel/gambar terkait"))
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

    def page_break(self) -> None:
        if self.blocks and self.blocks[-1] == pa.raw("typst", PAGE_BREAK["typst"]):
            return
        self.blocks += [
            pa.raw("openxml", PAGE_BREAK["openxml"]),
            pa.raw("typst", PAGE_BREAK["typst"]),
        ]

    # --- blocks ----------------------------------------------------------------------------
    def heading(self, item: Heading, chapter: Chapter, counters: list[int]) -> None:
        level = item.level
        if level == 1:
            self.page_break()
            title = item.text.upper()
            if chapter.kind == "bab":
                inlines = [
                    *pa.text(f"BAB {ROMAN[chapter.number]}"),
                    pa.line_break(),
                    *pa.text(title),
                ]
            else:
                inlines = pa.text(title)
            self.blocks.append(pa.header(1, inlines, item.id, unnumbered=True))
            counters[:] = [0, 0, 0]
            return
        depth = min(level - 2, 2)
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
        self.blocks.append(pa.header(level, pa.text(label), item.id, unnumbered=True))

    def table(self, item: Table) -> None:
        width = max(sum(c.colspan for c in row) for row in [*item.head, *item.body, *item.foot])
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

        number = self.numbering.labels.get(item.label) if item.label else None
        if number is None and item.caption:
            number = next((n for n, cap in self.numbering.tables if cap == item.caption), None)
        caption = (
            pa.text(f"{number} {item.caption}")
            if item.caption and number
            else pa.text(item.caption)
        )
        widths = item.widths if item.widths and len(item.widths) == width else None
        node = pa.table(
            caption, aligns, widths, rows(item.head), rows(item.body), rows(item.foot), item.label
        )
        if item.wide:
            self.blocks += [pa.raw("typst", "#[#set text(size: 8pt)"), node, pa.raw("typst", "]")]
        else:
            self.blocks.append(node)
        if item.source:
            self.blocks.append(pa.styled([pa.para(pa.text(f"Sumber: {item.source}"))], "Sumber"))

    def figure(self, item: FigureItem) -> None:
        name = f"gambar-{len(self.media) + 1}.png"
        self.media[name] = item.png
        number = self.numbering.labels.get(item.label)
        if number is None and item.caption:
            number = next((n for n, cap in self.numbering.figures if cap == item.caption), None)
        caption = pa.text(f"{number} {item.caption}" if number else item.caption)
        self.blocks.append(pa.image_figure(name, caption, item.label))

    def narrative_block(self, item: Narrative) -> None:
        ident = f"narasi-{item.anchor}"
        if item.text is None:
            body = [
                pa.para(
                    [
                        pa.strong(pa.text(f"[BELUM DIISI: {item.title}]")),
                        {"t": "Space"},
                        *pa.text(item.instruction),
                    ]
                )
            ]
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
        lines = [
            item.place_date,
            item.jabatan,
            "",
            "",
            "",
            item.nama,
            item.pangkat,
            f"NIP. {item.nip}",
        ]
        inlines: list[pa.Node] = []
        for index, line in enumerate(lines):
            if index:
                inlines.append(pa.line_break())
            inlines += [pa.strong(pa.text(line))] if line == item.nama else pa.text(line)
        self.blocks += [
            pa.raw(
                "typst",
                "#block(breakable: false)[#v(1em)\n#align(right)[#block(width: 8cm)[#align(center)[",
            ),
            pa.styled([pa.para(inlines)], "Tanda Tangan"),
            pa.raw("typst", "]]]]"),
        ]

    def cover(self, item: Cover) -> None:
        lines = [
            (item.pemerintah.upper(), "Sampul Instansi"),
            (f"{item.judul.upper()} ({item.akronim})", "Sampul Judul"),
            (f"KECAMATAN {item.kecamatan.upper()}", "Sampul Judul"),
            (f"TAHUN {item.tahun}", "Sampul Judul"),
            (item.alamat, "Sampul Alamat"),
        ]
        self.blocks.append(
            pa.raw(
                "typst", "#page(numbering: none)[#set text(size: 15pt)\n#align(center + horizon)["
            )
        )
        for text, style in lines:
            if text:
                self.blocks.append(pa.styled([pa.para([pa.strong(pa.text(text))])], style))
        self.blocks.append(pa.raw("typst", "]]"))

    def lists(self) -> None:
        """Daftar Isi, Daftar Tabel and Daftar Gambar."""
        self.page_break()
        self.blocks.append(pa.header(1, pa.text("DAFTAR ISI"), "daftar-isi", unnumbered=True))
        self.blocks += [pa.raw("openxml", TOC_FIELD), pa.raw("typst", TYPST_TOC)]
        for title, entries, ident in (
            ("DAFTAR TABEL", self.numbering.tables, "daftar-tabel"),
            ("DAFTAR GAMBAR", self.numbering.figures, "daftar-gambar"),
        ):
            self.page_break()
            self.blocks.append(pa.header(1, pa.text(title), ident, unnumbered=True))
            if not entries:
                self.blocks.append(pa.para(pa.text("Tidak ada.")))
            for number, caption in entries:
                self.blocks.append(
                    pa.styled([pa.para(pa.text(f"{number} {caption}"))], "Daftar Entri")
                )

    def add(self, chapter: Chapter, item: Item, counters: list[int]) -> None:
        if isinstance(item, Heading):
            self.heading(item, chapter, counters)
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

    def convert_markdown(self) -> None:
        converted = pa.markdown_blocks([text for _, text in self.narrative])
        for (index, _), blocks in zip(self.narrative, converted, strict=True):
            self.blocks[index]["c"][1] = blocks  # type: ignore[index]


def assemble(chapters: list[Chapter], meta: dict[str, str]) -> Assembled:
    """Number, resolve and convert the chapters into one pandoc document."""
    numbering = Numbering()
    numbering.assign(chapters)
    builder = _Builder(numbering)
    lists_done = False
    for chapter in chapters:
        counters = [0, 0, 0]
        for item in chapter.items:
            is_ikhtisar = (
                isinstance(item, Heading) and item.level == 1 and "ikhtisar" in item.text.lower()
            )
            if not lists_done and (is_ikhtisar or chapter.kind == "bab"):
                builder.lists()
                lists_done = True
            builder.add(chapter, item, counters)
    builder.convert_markdown()
    return Assembled(pa.document(builder.blocks, meta), builder.media, numbering)
