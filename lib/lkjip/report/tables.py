"""Table helpers the chapters share: bold merged headers, column widths, money cells and the
order of the budget's rows."""

from __future__ import annotations

from typing import Any

from lkjip.formatting import angka
from lkjip.metrics.anggaran import BudgetLine
from lkjip.report.blocks import Table
from lkjip.report.common import table as _table
from lkjip.report.context import ReportContext


def table(*args: Any, **kwargs: Any) -> Table:
    """common.table, with merged header and footer cells bold like the others."""
    built = _table(*args, **kwargs)
    for row in [*built.head, *built.foot]:
        for cell in row:
            cell.bold = True
    return built


def widths(*weights: float) -> list[float]:
    """Relative column widths, normalised to fractions of the text width."""
    total = sum(weights)
    return [round(w / total, 4) for w in weights]


def uang(amount: int | None) -> str:
    """Money in a table cell: digits with thousands dots, no "Rp" (the header says "(Rp)")."""
    return angka(amount, 0) if amount is not None else "-"


def leaves_in_order(kegiatan: BudgetLine) -> list[BudgetLine]:
    """Sub-kegiatan of a kegiatan in code order; the units of one code stay in input order."""
    return sorted(kegiatan.children, key=lambda leaf: leaf.kode)


def has_units(ctx: ReportContext) -> bool:
    return any(row.get("unit") for row in ctx.data.table("anggaran"))
