"""Typst markup for what lkjip lays out itself in the PDF: tables (with the columns, size and
orientation of :mod:`lkjip.report.tablelayout`) and figures. Pandoc writes everything else.

Text from data only ever reaches the markup through :func:`text`, which escapes every
character Typst would read as markup.
"""

from __future__ import annotations

import re

from lkjip.report import look
from lkjip.report.blocks import Cell, Table
from lkjip.report.tablelayout import CELL_INSET, CELL_PADDING_Y, PORTRAIT_WIDTH, Layout

_SPECIAL = re.compile(r"([\\#\[\]*_`$<>@~\"'/=+-])")
_BREAKING_SPACE = re.compile(r"[ \t\r\n]+")
HEADER_FILL = 'rgb("#d9e2f3")'
_ALIGN = {"left": "left", "right": "right", "center": "center", None: "left"}


def text(value: str) -> str:
    """Literal text as Typst markup (line breaks become spaces; non-breaking spaces stay)."""
    return _SPECIAL.sub(r"\\\1", _BREAKING_SPACE.sub(" ", value).strip())


def _cell(cell: Cell, column_align: str | None, header: bool) -> str:
    body = text(cell.text)
    if body and (cell.bold or header):
        body = f"#strong[{body}]"
    options = []
    if cell.colspan > 1:
        options.append(f"colspan: {cell.colspan}")
    if cell.rowspan > 1:
        options.append(f"rowspan: {cell.rowspan}")
    align = "center" if header else _ALIGN.get(cell.align or column_align)
    if header or cell.align:
        options.append(f"align: {align} + horizon")
    if not options:
        return f"[{body}]"
    return f"table.cell({', '.join(options)})[{body}]"


def table(item: Table, layout: Layout, caption: str, label: str) -> str:
    """A captioned table: header rows repeat on every page, the totals and the source line
    close the table once (they are not repeated), rows never split across pages."""
    width = len(layout.widths)
    aligns = [*item.aligns, *([None] * width)][:width]
    columns = ", ".join(f"{w:.2f}pt" for w in layout.widths)
    column_aligns = ", ".join(f"{_ALIGN[a]} + horizon" for a in aligns)
    lines = [
        "#figure(",
        "  kind: table,",
        f"  caption: [{caption}],",
        "  {",
        f"  set text(size: {layout.size:g}pt)",
        "  table(",
        f"    columns: ({columns},),",
        f"    align: ({column_aligns},),",
        f"    inset: (x: {CELL_INSET}pt, y: {CELL_PADDING_Y}pt),",
        f"    fill: (_, y) => if y < {len(item.head)} {{ {HEADER_FILL} }},",
    ]
    if item.head:
        header = ", ".join(_cell(c, aligns[0], True) for row in item.head for c in row)
        lines.append(f"    table.header({header}),")
    for row in item.body:
        lines.append("    " + ", ".join(_row_cells(row, aligns)) + ",")
    closing = [", ".join(_row_cells(row, aligns, bold=True)) for row in item.foot]
    if item.source:
        source = text(f"Sumber: {item.source}")
        closing.append(
            f"table.cell(colspan: {width}, stroke: none, inset: (x: 0pt, top: 5pt, bottom: 0pt))"
            f'[#text(size: 8pt, style: "italic")[{source}]]'
        )
    if closing:
        lines.append(f"    table.footer(repeat: false, {', '.join(closing)}),")
    lines += ["  )", "  },", f"){_label(label)}"]
    return "\n".join(lines)


def _row_cells(row: list[Cell], aligns: list[str | None], bold: bool = False) -> list[str]:
    """Cells of a body row; each cell knows its column only through the table's alignment,
    so a cell with an alignment of its own says so."""
    return [_cell(Cell(c.text, c.colspan, c.rowspan, c.align, c.bold or bold), None, False)
            for c in row]  # fmt: skip


def figure(image: str, caption: str, label: str) -> str:
    """A captioned image as wide as the portrait text (also on a landscape page, as in the
    Word draft); the caption below."""
    return (
        f'#figure(image("{image}", width: {PORTRAIT_WIDTH:.2f}pt), kind: image, '
        f"caption: [{caption}]){_label(label)}"
    )


def _label(label: str) -> str:
    return f" <{label}>" if label else ""


def cover(lines: list[tuple[str, str]], logo: str) -> str:
    """The cover page: ``(text, style)`` lines with the sizes and spaces of report/look.py,
    the logo (or its empty place) before the second line."""
    parts = ["#page(numbering: none)[", "#set align(center)", "#set par(justify: false)"]
    for index, (line, style_name) in enumerate(lines):
        if index == 1 and logo:
            logo_style = look.COVER_STYLES["Sampul Logo"]
            parts.append(f"#v({logo_style.space_before}pt)")
            parts.append(f'#image("{logo}", width: {look.LOGO_WIDTH_CM}cm)')
        elif index == 1:  # the logo's place stays, so the cover looks the same without one
            style_name = look.TITLE_WITHOUT_LOGO
        if not line:
            continue
        style = look.COVER_STYLES[style_name]
        weight = "bold" if style.bold else "regular"
        parts.append(f"#v({style.space_before}pt)")
        parts.append(f'#text(size: {style.size}pt, weight: "{weight}")[{text(line)}]')
    parts.append("]")
    return "\n".join(parts)


def signature(lines: list[str], name_line: int) -> str:
    """The signature block: centred lines right of centre (as the Word style's indent), the
    name underlined and bold, never split across pages."""
    body = []
    for index, line in enumerate(lines):
        if index == name_line:
            body.append(f"#underline[#strong[{text(line)}]]")
        else:
            body.append(text(line) if line else "#h(0pt)")
    joined = " \\\n".join(body)
    return (
        f"#block(breakable: false, above: 12pt)[#pad(left: {look.SIGNATURE_INDENT_CM}cm)"
        f"[#set par(justify: false)\n#align(center)[{joined}]]]"
    )
