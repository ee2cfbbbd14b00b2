"""The report's document model: the blocks a notebook displays and the assembler turns into a
document.

A notebook cell calls :func:`lkjip.report.display.show` with blocks. Each block is published as one display output
carrying ``text/html`` (what Jupyter and nbconvert show: the block as the document will look,
:mod:`lkjip.report.preview`), ``text/markdown`` (Quarto's form) and
``application/vnd.lkjip.block+json`` (what the assembler reads). Text from data or from
``narasi.md`` is carried as plain strings and only ever becomes text nodes, never raw markup.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Literal

MIME = "application/vnd.lkjip.block+json"
Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Ref:
    """A reference to a table or figure label, rendered as e.g. "Tabel 3.2"."""

    label: str


@dataclass(frozen=True)
class Strong:
    text: str


Inline = str | Ref | Strong


@dataclass
class Heading:
    text: str
    level: int = 2
    id: str = ""


@dataclass
class Para:
    content: list[Inline]
    style: str = ""  # a named paragraph style, e.g. "Signature", "Source", "Center"


@dataclass
class ListBlock:
    items: list[list[Inline]]
    ordered: bool = False


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: Align | None = None
    bold: bool = False


@dataclass
class Table:
    head: list[list[Cell]]
    body: list[list[Cell]]
    foot: list[list[Cell]] = field(default_factory=list)
    aligns: list[Align] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    source: str = ""
    wide: bool = False
    label: str = ""
    caption: str = ""


@dataclass
class Narrative:
    """A section written by people (from narasi.md); ``text`` None means: show a placeholder."""

    anchor: str
    title: str
    text: str | None
    instruction: str


@dataclass
class PageBreak:
    pass


@dataclass
class Signature:
    place_date: str
    jabatan: str
    nama: str
    pangkat: str
    nip: str


@dataclass
class Cover:
    pemerintah: str
    judul: str
    akronim: str
    kecamatan: str
    tahun: int
    alamat: str = ""
    logo: str = ""  # path of the city's logo image, when the config names one


Block = Heading | Para | ListBlock | Table | Narrative | PageBreak | Signature | Cover
BLOCK_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Heading, Para, ListBlock, Table, Narrative, PageBreak, Signature, Cover)
}


# --- JSON ------------------------------------------------------------------------------------
_CELL_FIELDS = fields(Cell)


def _inline_json(item: Inline) -> dict[str, str]:
    if isinstance(item, Ref):
        return {"t": "ref", "v": item.label}
    if isinstance(item, Strong):
        return {"t": "strong", "v": item.text}
    return {"t": "str", "v": item}


def _inline_from(data: dict[str, str]) -> Inline:
    kind, value = data["t"], data["v"]
    return Ref(value) if kind == "ref" else Strong(value) if kind == "strong" else str(value)


def _cell_json(cell: Cell) -> dict[str, object]:
    """A cell with only its fields that differ from the defaults: a table of a 2,000-row budget
    is stored in its notebook at a third of the size."""
    return {
        f.name: getattr(cell, f.name) for f in _CELL_FIELDS if getattr(cell, f.name) != f.default
    }


def _table_json(table: Table) -> dict[str, object]:
    data = {f.name: getattr(table, f.name) for f in fields(Table)}
    for part in ("head", "body", "foot"):
        data[part] = [[_cell_json(c) for c in row] for row in getattr(table, part)]
    return data


def to_json(block: Block) -> dict[str, object]:
    data = _table_json(block) if isinstance(block, Table) else asdict(block)
    if isinstance(block, Para):
        data["content"] = [_inline_json(i) for i in block.content]
    if isinstance(block, ListBlock):
        data["items"] = [[_inline_json(i) for i in item] for item in block.items]
    return {"type": type(block).__name__, **data}


def from_json(data: dict[str, object]) -> Block:
    payload = dict(data)
    cls = BLOCK_TYPES[str(payload.pop("type"))]
    if cls is Para:
        payload["content"] = [_inline_from(i) for i in payload["content"]]  # type: ignore[union-attr]
    if cls is ListBlock:
        payload["items"] = [[_inline_from(i) for i in item] for item in payload["items"]]  # type: ignore[union-attr]
    if cls is Table:
        for part in ("head", "body", "foot"):
            payload[part] = [[Cell(**c) for c in row] for row in payload[part]]  # type: ignore[union-attr]
    return cls(**payload)


# --- Markdown (Jupyter display and Quarto) -----------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~^$@])")


def escape_markdown(text: str) -> str:
    """Escape text so that Markdown readers take it literally (no markup, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _inlines_md(content: list[Inline]) -> str:
    parts = []
    for item in content:
        if isinstance(item, Ref):
            parts.append(f"@{item.label}")
        elif isinstance(item, Strong):
            parts.append(f"**{escape_markdown(item.text)}**")
        else:
            parts.append(escape_markdown(item))
    return "".join(parts)


def placements(rows: list[list[Cell]]) -> list[list[tuple[int, Cell]]]:
    """Per row, its cells with the column each starts in: a cell spanning rows above keeps its
    columns taken in the rows it covers."""
    taken: set[tuple[int, int]] = set()
    result = []
    for r, row in enumerate(rows):
        c, placed = 0, []
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            placed.append((c, cell))
            c += cell.colspan
        result.append(placed)
    return result


def grid(rows: list[list[Cell]], width: int) -> list[list[str]]:
    """Place cells with their spans on a rectangular grid; covered positions repeat nothing."""
    placed: dict[tuple[int, int], str] = {}
    for r, row in enumerate(placements(rows)):
        for c, cell in row:
            for dc in range(cell.colspan):
                placed[(r, c + dc)] = cell.text  # a merged header names every column it covers
    return [[placed.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def table_markdown(table: Table) -> str:
    """A pipe table; a multi-row header is flattened per column ("Tahun 2024 Target")."""
    width = max(sum(c.colspan for c in row) for row in [*table.head, *table.body, *table.foot])
    head = grid(table.head, width) if table.head else [[""] * width]
    titles = []
    for column in range(width):
        parts: list[str] = []
        for row in head:
            if row[column] and (not parts or parts[-1] != row[column]):
                parts.append(row[column])
        titles.append(" ".join(parts))
    align = {"right": "---:", "center": ":---:", "left": ":---"}
    rule = [align.get(a or "", "---") for a in (table.aligns or [])] + ["---"] * width

    def line(values: list[str]) -> str:
        return "| " + " | ".join(escape_markdown(v).replace("\n", " ") for v in values) + " |"

    lines = [line(titles), "| " + " | ".join(rule[:width]) + " |"]
    lines += [line(values) for values in grid([*table.body, *table.foot], width)]
    text = "\n".join(lines)
    if table.caption:
        text += f"\n\n: {escape_markdown(table.caption)}"
        text += f" {{#{table.label}}}" if table.label else ""
    if table.source:
        text += f"\n\n*Sumber: {escape_markdown(table.source)}*"
    return text


def to_markdown(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f" {{#{block.id}}}" if block.id else ""
        return "#" * block.level + " " + escape_markdown(block.text) + anchor
    if isinstance(block, Para):
        return _inlines_md(block.content)
    if isinstance(block, ListBlock):
        marks = [f"{n}." if block.ordered else "-" for n in range(1, len(block.items) + 1)]
        return "\n".join(f"{m} {_inlines_md(i)}" for m, i in zip(marks, block.items, strict=True))
    if isinstance(block, Table):
        return table_markdown(block)
    if isinstance(block, Narrative):
        if block.text is None:
            return f"> **[BELUM DIISI: {escape_markdown(block.title)}]** {escape_markdown(block.instruction)}"
        return block.text  # narrative is the author's Markdown; raw HTML is removed when rendering
    if isinstance(block, PageBreak):
        return "{{< pagebreak >}}"
    if isinstance(block, Signature):
        lines = [
            block.place_date,
            block.jabatan,
            "",
            "",
            block.nama,
            *([block.pangkat] if block.pangkat else []),
            f"NIP. {block.nip}",
        ]
        return "\n".join(f"| {escape_markdown(line)}" if line else "|" for line in lines)
    if isinstance(block, Cover):
        return "\n\n".join(
            [
                f"**{escape_markdown(block.pemerintah.upper())}**",
                f"**{escape_markdown(block.judul.upper())} ({escape_markdown(block.akronim)})**",
                f"**KECAMATAN {escape_markdown(block.kecamatan.upper())}**",
                f"**TAHUN {block.tahun}**",
            ]
        )
    raise TypeError(block)  # pragma: no cover
