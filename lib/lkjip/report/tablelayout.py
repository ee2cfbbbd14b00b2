"""How a table sits on the page: column widths from the measured content, and the orientation.

Both renderers use the same decision, so the Word draft and the PDF lay a table out alike:

- Text is measured with the advance widths of the draft's font (Arial = Liberation Sans) at the
  table's size. A cell holding a number, an amount, a percentage, a code, a NIP or a date is
  unbreakable: its column is at least as wide as the whole value. Other text may wrap between
  words, never inside one.
- Widths follow the automatic table layout of CSS 2.1: each column gets its minimum, and the
  rest of the text width is shared in proportion to what each column would need to hold its
  text on one line. Tables always span the text width.
- A table goes landscape only when its columns cannot fit the portrait text width even with
  text columns wrapped to a readable minimum. If even landscape is too narrow, the table's text
  becomes smaller, down to ``MIN_SIZE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import ceil

from lkjip.report.blocks import Cell, Table, placements
from lkjip.report.textmetrics import TABLE_SIZE, text_width

NBSP = "\u00a0"
MIN_SIZE = 7.5  # the smallest size a table that fits no page may shrink to
CELL_INSET = 2.8  # points (0,1 cm): the left and the right margin inside a cell (both formats)
PADDING = 2 * CELL_INSET + 0.5  # the margins and the rule between two cells
SLACK = 1.02  # renderers differ slightly in kerning and rounding; never cut it close
SMALL_ROWS = 8  # a table of at most this many rows (body and totals) is small
SMALL_TABLE_SIZE = 8.0  # a small table may shrink to this size to stay on a portrait page
SHORT_TABLE = 250.0  # points (about a third of a page): a short table may wrap its text more
LINE_HEIGHT = 1.15  # of the text size, in table cells
CELL_PADDING_Y = 1.4  # points above and below a cell's text
READABLE = 72.0  # points (about 2,5 cm): the narrowest a wrapping text column may become

# Text width of an A4 page with the draft's margins (3 cm binding, 2,5 cm other), in points.
PORTRAIT_WIDTH = (11906 - 1701 - 1417) / 20
LANDSCAPE_WIDTH = (16838 - 1701 - 1417) / 20

_MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
_UNBREAKABLE = re.compile(
    r"""
    [(]?(Rp\.?\s?)?[−–+-]?\s?\d[\d.,]*\s?%?[)]?      # 1.234.567 · Rp 1.234 · −2,5 · 104,74%
    | \d+(\.\d+)+(\.[A-Z0-9]+)*                     # codes: 7.01.01.2.01.0006
    | \d{8}\s\d{6}\s\d\s\d{3}                       # NIP: 19701013 199201 1 001
    | \d{1,2}\s(?:MONTHS)\s\d{4}                      # dates: 31 Desember 2024
    | (?:MONTHS)\s\d{4}                               # month and year: Februari 2025
    | [−–+-]?\d[\d.,]*\s?[^\s\d]{1,8}               # a value with a short unit: 12 orang
    | [▲▼●]\s?\S{1,6}                               # trend marks: ▲ naik
    """.replace("MONTHS", _MONTHS),
    re.VERBOSE,
)
# Where a line may break in text: at spaces, and after a slash or hyphen followed by a letter
# ("Desa/Kelurahan", "Sub-kegiatan"); never inside a number ("2024-2026").
_PIECES = re.compile(r"\s+|(?<=[/-])(?=[^\W\d])")


def unbreakable(text: str) -> bool:
    """True when ``text`` must stay on one line (a number, amount, code, NIP, date)."""
    return bool(_UNBREAKABLE.fullmatch(text.strip()))


def keep_whole(text: str) -> str:
    """``text`` with its spaces made non-breaking when it must stay on one line."""
    return text.replace(" ", NBSP) if " " in text and unbreakable(text) else text


@dataclass(frozen=True)
class Need:
    """What a column needs: ``minimum`` (its longest unbreakable piece), ``readable`` (the
    minimum, widened for a wrapping text column) and ``preferred`` (its text on one line).
    ``text``: the column holds text that may wrap (not only numbers, codes or dates)."""

    minimum: float
    readable: float
    preferred: float
    text: bool = False


def cell_need(cell: Cell, header: bool, size: float = TABLE_SIZE) -> Need:
    text = " ".join(cell.text.replace(NBSP, " ").split())
    bold = cell.bold or header
    whole = text_width(text, bold, size)
    if not text:
        return Need(PADDING, PADDING, PADDING)
    if unbreakable(text) or " " not in text:
        width = whole * SLACK + PADDING
        return Need(width, width, width)
    longest = max(text_width(piece, bold, size) for piece in _PIECES.split(text))
    minimum = longest * SLACK + PADDING
    preferred = whole * SLACK + PADDING
    # A header may wrap between its words as far as its column needs; body text stays readable.
    readable = minimum if header else max(minimum, min(preferred, READABLE))
    return Need(minimum, readable, preferred, text=True)


def column_needs(table: Table, size: float = TABLE_SIZE) -> list[Need]:
    """Per column, from every cell; a cell spanning several columns spreads its shortfall
    evenly over them."""
    width = table_width(table)
    minimum, readable, preferred = [PADDING] * width, [PADDING] * width, [PADDING] * width
    text = [False] * width
    spanning: list[tuple[int, int, Need]] = []
    for part, rows in (("head", table.head), ("body", table.body), ("foot", table.foot)):
        for column, cell in _placed(rows, width):
            need = cell_need(cell, part == "head", size)
            if cell.colspan > 1:
                spanning.append((column, cell.colspan, need))
                continue
            text[column] = text[column] or (need.text and part == "body")
            minimum[column] = max(minimum[column], need.minimum)
            readable[column] = max(readable[column], need.readable)
            preferred[column] = max(preferred[column], need.preferred)
    for start, span, need in spanning:
        columns = range(start, min(start + span, width))
        for values, wanted in (
            (minimum, need.minimum),
            (readable, need.readable),
            (preferred, need.preferred),
        ):
            short = wanted - sum(values[c] for c in columns)
            if short > 0:
                for c in columns:
                    values[c] += short / len(columns)
    return [
        Need(m, max(m, r), max(m, r, p), t)
        for m, r, p, t in zip(minimum, readable, preferred, text, strict=True)
    ]


def _placed(rows: list[list[Cell]], width: int) -> list[tuple[int, Cell]]:
    """Each cell with the column it starts in (rowspans of earlier rows taken into account)."""
    return [pair for row in _placed_with_rows(rows, width) for pair in row]


def table_width(table: Table) -> int:
    """The number of columns."""
    return max(sum(c.colspan for c in row) for row in [*table.head, *table.body, *table.foot])


def distribute(needs: list[Need], available: float) -> list[float]:
    """Column widths summing to ``available`` (after CSS 2.1's automatic table layout): every
    column gets its minimum; what is left goes to the columns in proportion to how much more
    they would take to hold their text on one line; what is left beyond that goes to the text
    columns (numbers do not need more room than their values)."""
    minimum = [n.minimum for n in needs]
    preferred = [n.preferred for n in needs]
    spare = available - sum(minimum)
    if spare <= 0:
        return [m * available / sum(minimum) for m in minimum]
    extra = [p - m for p, m in zip(preferred, minimum, strict=True)]
    if sum(extra) >= spare:
        return [m + e * spare / sum(extra) for m, e in zip(minimum, extra, strict=True)]
    beyond = available - sum(preferred)
    takers = [p if n.text else 0.0 for p, n in zip(preferred, needs, strict=True)]
    if not sum(takers):
        takers = preferred
    return [p + t * beyond / sum(takers) for p, t in zip(preferred, takers, strict=True)]


@dataclass(frozen=True)
class Layout:
    """Where and how a table is drawn: orientation, text size and column widths (points)."""

    landscape: bool
    size: float
    widths: list[float]

    @property
    def fractions(self) -> list[float]:
        total = sum(self.widths)
        return [w / total for w in self.widths]


def height(table: Table, widths: list[float], size: float = TABLE_SIZE) -> float:
    """An estimate of the table's height in points with these column widths: each row as tall
    as its cell with the most lines (wrapping wastes about a tenth of a line's width)."""
    line = size * LINE_HEIGHT
    total = 0.0
    for part, rows in (("head", table.head), ("body", table.body), ("foot", table.foot)):
        for row in rows:
            starts = _placed([row], len(widths))
            lines = 1
            for column, cell in starts:
                room = sum(widths[column : column + cell.colspan]) - PADDING
                needed = text_width(" ".join(cell.text.split()), cell.bold or part == "head", size)
                lines = max(lines, ceil(needed * 1.1 / max(room, 1.0)))
            total += lines * line + 2 * CELL_PADDING_Y
    return total


def small(table: Table) -> bool:
    """A table of a few rows (body and totals)."""
    return len(table.body) + len(table.foot) <= SMALL_ROWS


def layout(table: Table) -> Layout:
    """Where a table goes, in this order of preference:

    1. portrait, when its columns fit the portrait text width with text columns readable;
    2. portrait, when they fit with text columns wrapped down to their longest word and the
       table is small or short — a few rows stay in the flow rather than turn a page;
    3. portrait at a smaller size (not below ``SMALL_TABLE_SIZE``), for a small table;
    4. landscape, at the table size, or smaller only when even landscape is too narrow.
    """
    needs = column_needs(table)
    if sum(n.readable for n in needs) <= PORTRAIT_WIDTH:
        return Layout(False, TABLE_SIZE, distribute(needs, PORTRAIT_WIDTH))
    if sum(n.minimum for n in needs) <= PORTRAIT_WIDTH:
        widths = distribute(needs, PORTRAIT_WIDTH)
        if small(table) or height(table, widths) <= SHORT_TABLE:
            return Layout(False, TABLE_SIZE, widths)
    if small(table):
        size = TABLE_SIZE - 0.5
        while size >= SMALL_TABLE_SIZE:
            needs_at_size = column_needs(table, size)
            if sum(n.minimum for n in needs_at_size) <= PORTRAIT_WIDTH:
                return Layout(False, size, distribute(needs_at_size, PORTRAIT_WIDTH))
            size -= 0.5
    size = TABLE_SIZE
    while sum(n.minimum for n in needs) > LANDSCAPE_WIDTH and size > MIN_SIZE:
        size -= 0.5
        needs = column_needs(table, size)
    return Layout(True, size, distribute(needs, LANDSCAPE_WIDTH))


def with_whole_values(table: Table) -> Table:
    """The table with the spaces inside unbreakable values made non-breaking."""

    def rows(source: list[list[Cell]]) -> list[list[Cell]]:
        return [
            [
                Cell(keep_whole(c.text), c.colspan, c.rowspan, c.align, c.bold)
                if " " in c.text
                else c
                for c in row
            ]
            for row in source
        ]

    return Table(
        rows(table.head), rows(table.body), rows(table.foot), table.aligns, table.widths,
        table.source, table.wide, table.label, table.caption,
    )  # fmt: skip


# --- folding a wide year-by-year table ------------------------------------------------------
FOLD_ROWS = 12  # a table of at most this many rows may be folded to stay portrait
UraianHeader = "Uraian"


@dataclass(frozen=True)
class _Groups:
    """The column groups of a two-row header ("Tahun 2022" over Target / Realisasi / …)."""

    before: list[int]  # columns left of the groups, in order
    after: list[int]  # columns right of the groups
    labels: list[Cell]  # the group headers
    sub: list[Cell]  # the sub-headers every group repeats
    first: int  # the first group's first column


def _groups(table: Table) -> _Groups | None:
    if len(table.head) != 2:
        return None
    width = table_width(table)
    top, second = table.head
    fixed: dict[int, Cell] = {}
    labels: list[tuple[int, Cell]] = []
    column = 0
    for cell in top:
        if cell.rowspan == 2 and cell.colspan == 1:
            fixed[column] = cell
        elif cell.rowspan == 1 and cell.colspan > 1:
            labels.append((column, cell))
        else:
            return None
        column += cell.colspan
    if len(labels) < 2 or column != width:
        return None
    size = labels[0][1].colspan
    first = labels[0][0]
    contiguous = all(start == first + i * size for i, (start, _c) in enumerate(labels))
    if (
        not contiguous
        or any(c.colspan != size for _s, c in labels)
        or len(second) != size * len(labels)
    ):
        return None
    sub = second[:size]
    if any(
        [c.text for c in second[i * size : (i + 1) * size]] != [c.text for c in sub]
        for i in range(len(labels))
    ):
        return None
    end = first + size * len(labels)
    return _Groups(
        before=[c for c in sorted(fixed) if c < first],
        after=[c for c in sorted(fixed) if c >= end],
        labels=[c for _s, c in labels],
        sub=list(sub),
        first=first,
    )


def fold(table: Table) -> Table | None:
    """A table whose columns repeat one group per year (``Tahun 2022`` over Target, Realisasi,
    Capaian; ``Tahun 2023`` over the same …) folded so that the years are the columns and the
    group's measures are rows (an ``Uraian`` column names them): it then fits a portrait page.
    A cell spanning rows outside the groups (a program over its indicators) spans the folded
    rows. None when the table has no such header, a totals row, or a group cell that spans."""
    groups = _groups(table)
    width = table_width(table)
    if groups is None or table.foot:
        return None
    size = len(groups.sub)
    fixed = set(groups.before) | set(groups.after)
    rows = _placed_with_rows(table.body, width)
    for placed in rows:
        for column, cell in placed:
            if cell.colspan != 1 or (column not in fixed and cell.rowspan != 1):
                return None
    aligns = [*table.aligns, *([None] * width)][:width]
    tops = dict(_placed([table.head[0]], width))
    head = [
        [Cell(tops[c].text, bold=True) for c in groups.before]
        + [Cell(UraianHeader, bold=True)]
        + [Cell(label.text, bold=True) for label in groups.labels]
        + [Cell(tops[c].text, bold=True) for c in groups.after]
    ]
    body: list[list[Cell]] = []
    for placed in rows:
        by_column = dict(placed)
        for k, measure in enumerate(groups.sub):
            cells: list[Cell] = []
            if k == 0:
                cells += [_spanning(by_column[c], size) for c in groups.before if c in by_column]
            cells.append(Cell(measure.text.replace(" ", NBSP)))  # a short label: one line
            cells += [by_column[groups.first + g * size + k] for g in range(len(groups.labels))]
            if k == 0:
                cells += [_spanning(by_column[c], size) for c in groups.after if c in by_column]
            body.append(cells)
    year_align = aligns[groups.first]
    new_aligns = (
        [aligns[c] for c in groups.before]
        + ["left"]
        + [year_align] * len(groups.labels)
        + [aligns[c] for c in groups.after]
    )
    return Table(
        head, body, [], new_aligns, [], table.source, table.wide, table.label, table.caption,
    )  # fmt: skip


def _placed_with_rows(rows: list[list[Cell]], width: int) -> list[list[tuple[int, Cell]]]:
    """Per row, its cells with the column each starts in, within the table's width."""
    return [[(c, cell) for c, cell in row if c < width] for row in placements(rows)]


def _spanning(cell: Cell, rows: int) -> Cell:
    return Cell(cell.text, 1, cell.rowspan * rows, cell.align, cell.bold)


def arrange(table: Table) -> tuple[Table, Layout]:
    """The table as it is drawn, and its layout: a small table that would go landscape is
    folded (see :func:`fold`) when the folded table fits a portrait page."""
    first = layout(table)
    if not first.landscape or len(table.body) > FOLD_ROWS:
        return table, first
    folded = fold(table)
    if folded is None:
        return table, first
    second = layout(folded)
    return (folded, second) if not second.landscape else (table, first)
