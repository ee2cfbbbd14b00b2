"""Read the cells of a kecamatan's ``data.xlsx``: values as the user sees them, and a damaged file
as one message naming the file and sheet ("workbook rusak"), never a traceback.

openpyxl's read-only sheets pad missing rows and columns up to the size a sheet declares: a
damaged or odd ``<dimension>`` (or one cell at row 1.048.576) makes that billions of empty cells.
The rows are therefore read with openpyxl's sheet parser directly, which yields only the rows the
file holds, each with its real row number. This uses openpyxl internals that are stable within
the pinned 3.1 series; tests/test_input_faults.py covers them.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser, _cast_number

from lkjip.dates import MonthYear
from lkjip.inputs import shown
from lkjip.numbers import is_blank
from lkjip.problems import InputError

EXCEL_MAX_ROWS = 1_048_576
HEADER_SEARCH = 10  # the row of column keys is looked for among this many first rows
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


@dataclass
class SheetCells:
    """One sheet's cells: the header (the row of column keys), the non-empty rows below it by
    their Excel number, and those above it (titles and an example for people, not data)."""

    title: str
    header: list[object]
    rows: list[tuple[int, list[object]]]
    header_row: int = 1
    above: list[tuple[int, list[object]]] = field(default_factory=list)


IsHeader = Callable[[str, list[object]], bool]


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser, except that a numeric cell whose stored text is not a number
    (``NaN``, as some tools write it) keeps that text, for the loader to report as a cell error
    with its row and column instead of a damaged workbook."""

    def parse_cell(self, element):  # type: ignore[no-untyped-def]
        try:
            return super().parse_cell(element)
        except ValueError:
            text = element.findtext(VALUE_TAG)
            if element.get("t", "n") != "n" or text is None or _is_number(text):
                raise
            coordinate = element.get("r")
            row, column = (
                coordinate_to_tuple(coordinate)
                if coordinate
                else (self.row_counter, self.col_counter)
            )
            return {"row": row, "column": column, "value": text, "data_type": "s", "style_id": 0}


def _is_number(text: str) -> bool:
    try:
        _cast_number(text)
    except ValueError:
        return False
    return True


def read_sheets(
    path: Path, wanted: Callable[[str], bool], is_header: IsHeader = lambda _t, _v: False
) -> list[SheetCells]:
    """The sheets of the workbook at ``path`` whose title ``wanted`` accepts; a file that cannot
    be opened or a sheet that cannot be read raises :class:`InputError`. openpyxl's warnings
    (unsupported extensions, a date out of range) are not the user's concern and stay silent.

    A sheet's header is the first of its first :data:`HEADER_SEARCH` rows that ``is_header``
    accepts (given the sheet title and the row's values), else row 1; the template puts plain
    titles and an example above its row of keys."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise InputError(
                f"{shown(path)}: workbook tidak dapat dibuka: workbook rusak atau bukan berkas "
                f".xlsx ({exc.__class__.__name__})"
            ) from exc
        try:
            return [
                _read_sheet(path, book, ws, is_header) for ws in book.worksheets if wanted(ws.title)
            ]
        finally:
            book.close()


def _read_sheet(path: Path, book, ws, is_header: IsHeader) -> SheetCells:  # type: ignore[no-untyped-def]
    cells = SheetCells(ws.title, [], [])
    rows = _SheetRows(book, ws)
    found = False
    try:
        for number, values in rows:
            if not found and number <= HEADER_SEARCH and is_header(ws.title, values):
                found = True
                above = ([(1, cells.header)] if number > 1 else []) + cells.rows
                cells.header, cells.header_row, cells.above, cells.rows = values, number, above, []
            elif number == 1:
                cells.header = values
            elif any(not is_blank(v) for v in values):
                cells.rows.append((number, values))
    except Exception as exc:  # a damaged sheet: ParseError, TypeError, BadZipFile, ValueError, …
        where = f", sekitar baris {rows.row}" if rows.row else ""
        raise InputError(
            f"{shown(path)}, sheet {ws.title}{where}: workbook rusak; sheet tidak dapat dibaca "
            f"({exc.__class__.__name__}). Buka dan simpan ulang workbook di Excel, atau isi ulang "
            "dari templat (lkjip template)"
        ) from exc
    return cells


class _SheetRows:
    """The rows of one sheet as (Excel row number, values by column); ``row`` is the number of
    the row being read, for a message when the sheet turns out to be damaged."""

    def __init__(self, book, ws) -> None:  # type: ignore[no-untyped-def]
        self.book, self.ws = book, ws
        self.parser: _Parser | None = None

    @property
    def row(self) -> int:
        return self.parser.row_counter if self.parser is not None else 0

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        book, ws = self.book, self.ws
        with ws._get_source() as source:
            self.parser = parser = _Parser(
                source,
                ws._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, cells in parser.parse():
                if not 1 <= number <= EXCEL_MAX_ROWS:
                    raise ValueError(f"nomor baris {number} di luar batas Excel")
                width = max((c["column"] for c in cells), default=0)
                values: list[object] = [None] * width
                for cell in cells:
                    values[cell["column"] - 1] = cell_value(ReadOnlyCell(ws, **cell))
                yield number, values


def cell_value(cell: ReadOnlyCell) -> object:
    """A cell's value as the user sees it: Excel stores 57 % as 0.57, the contract wants 57; and
    a number typed as 76,10 in a ``0.00`` cell is stored as the float 76.1, so the decimals its
    number format shows are restored (``Decimal("76.10")``) and the report prints 76,10. Digits
    beyond the format are kept, never rounded away. In the ``General`` format Excel keeps no
    trailing zeros: type such a value as text ("76,10") or give the cell a ``0.00`` format."""
    value = cell.value
    if isinstance(value, dt.date):
        return month_only(value, cell.number_format)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    number_format = cell.number_format
    percent, shown = is_percent_format(number_format), format_decimals(number_format)
    if not percent and not shown:
        return value
    number = Decimal(repr(value)) * (100 if percent else 1)
    if not number.is_finite():
        return value  # NaN and infinity are reported as such by the loader
    exponent = min(number.normalize().as_tuple().exponent, -shown, 0)  # type: ignore[type-var]
    with localcontext() as context:  # room for every digit of a huge value (bounds come later)
        context.prec = max(context.prec, number.adjusted() - exponent + 2)
        return number.quantize(Decimal(1).scaleb(exponent))


def month_only(value: dt.date, number_format: str | None) -> dt.date | MonthYear:
    """A date cell shown without its day (``mmmm yyyy``, ``mmm-yy``: Excel turns a typed
    "Februari 2025" into such a cell) is the month the user sees, not the 1st of it."""
    shown = _QUOTED.sub("", number_format or "").lower()
    if "y" in shown and "m" in shown and "d" not in shown and "h" not in shown:
        return MonthYear(value.year, value.month)
    return value


_DECIMALS = re.compile(r"[0#?]\.([0#?]+)")


def format_decimals(number_format: str | None) -> int:
    """The decimals an Excel number format always shows: ``0.00`` → 2, ``#,##0.0%`` → 1,
    ``General`` → 0 (only zeros count; ``#`` digits are optional)."""
    match = _DECIMALS.search(_QUOTED.sub("", number_format or ""))
    return match.group(1).count("0") if match else 0


def is_percent_format(number_format: str | None) -> bool:
    """True for an Excel number format that shows a value × 100 with a % sign (``0%``,
    ``0.00%``); a quoted or escaped ``%`` is literal text and does not scale."""
    return bool(number_format) and "%" in _QUOTED.sub("", number_format)  # type: ignore[arg-type]
