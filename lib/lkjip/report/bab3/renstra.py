"""BAB III, Analisis per Sasaran: capaian against the Renstra end target."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import bilangan_terbilang, persen
from lkjip.metrics.capaian import HUNDRED, IndicatorResult, mean
from lkjip.metrics.tren import progress_to_end
from lkjip.report.bab3.helpers import SUMBER_OLAHAN, _by_program, _pct, _source
from lkjip.report.blocks import Block, Cell, ListBlock, Para, Ref
from lkjip.report.common import grouped_source, table, value, with_unit
from lkjip.report.context import ReportContext


def _renstra_group(ctx: ReportContext) -> list[bool]:
    """3.3: the IKU and the program indicators against the Renstra end target."""
    return [any(r.target_akhir is not None for r in ctx.iku), bool(_renstra_programs(ctx))]


def _renstra_header(ctx: ReportContext) -> list[str]:
    periode = ctx.variables().get("periode_renstra", "")
    return [
        "Satuan",
        f"Target Akhir Renstra {periode}".strip(),
        f"Realisasi {ctx.tahun}",
        "Tingkat Kemajuan (%)",
    ]


def _renstra_cells(result: IndicatorResult, ctx: ReportContext, progress: list) -> list[str]:
    """Uraian, satuan, end target, realisasi and progress; the progress also goes to
    ``progress`` (for the average)."""
    kemajuan = progress_to_end(result, ctx.rules)
    if kemajuan is not None:
        progress.append(kemajuan)
    return [
        result.uraian,
        result.satuan,
        value(result.target_akhir),
        value(result.realisasi),
        _pct(kemajuan),
    ]


def tabel_renstra(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-renstra: this year's realisasi of each IKU against the Renstra end target."""
    if not any(r.target_akhir is not None for r in ctx.iku):
        return []
    rows = []
    progress: list[Decimal] = []
    for number, result in enumerate(ctx.iku, start=1):
        rows.append([str(number), *_renstra_cells(result, ctx, progress)])
    header = ["No", "Indikator Kinerja Utama", *_renstra_header(ctx)]
    foot = [[Cell("Rata-rata tingkat kemajuan", colspan=5), _pct(mean(progress))]]
    return [
        table(
            header,
            rows,
            aligns=["center", "left", "left", "right", "right", "right"],
            foot=foot,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _renstra_group(ctx), 0),
            widths=[0.05, 0.37, 0.1, 0.18, 0.14, 0.16],
        )
    ]


PART_RENSTRA_PROGRAM = "renstra-program"


def _renstra_programs(ctx: ReportContext) -> list[IndicatorResult]:
    if not ctx.enabled(PART_RENSTRA_PROGRAM):
        return []
    return [r for r in ctx.indicators("program") if r.target_akhir is not None]


def tabel_renstra_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-renstra-program: this year's realisasi of each program indicator against its
    Renstra end target."""
    results = _renstra_programs(ctx)
    if not results:
        return []
    rows: list[list[str | Cell]] = []
    progress: list[Decimal] = []
    for number, (nama, mine) in enumerate(_by_program(ctx, results), 1):
        for i, result in enumerate(mine):
            cells: list[str | Cell] = []
            if i == 0:
                cells += [Cell(str(number), rowspan=len(mine)), Cell(nama, rowspan=len(mine))]
            rows.append([*cells, *_renstra_cells(result, ctx, progress)])
    header = ["No", "Program", "Indikator Program", *_renstra_header(ctx)]
    foot = [[Cell("Rata-rata tingkat kemajuan", colspan=6), _pct(mean(progress))]]
    return [
        table(
            header,
            rows,
            aligns=["center", "left", "left", "left", "right", "right", "right"],
            foot=foot,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _renstra_group(ctx), 1),
            wide=True,
            widths=[0.05, 0.24, 0.26, 0.09, 0.13, 0.11, 0.12],
        )
    ]


def renstra_program_uraian(ctx: ReportContext) -> list[Block]:
    """How many program indicators reached their Renstra end target; the ones that did not."""
    results = [r for r in _renstra_programs(ctx) if progress_to_end(r, ctx.rules) is not None]
    if not results:
        return []
    below = [r for r in results if progress_to_end(r, ctx.rules) < HUNDRED]  # type: ignore[operator]
    reached = len(results) - len(below)
    blocks: list[Block] = [
        Para(
            [
                f"Dari {bilangan_terbilang(len(results))} indikator program yang memiliki target "
                f"akhir Renstra, {bilangan_terbilang(reached)} indikator telah mencapai target "
                "akhirnya (",
                Ref("tbl-bab3-renstra-program"),
                ")." if not below else "), sedangkan yang belum:",
            ]
        )
    ]
    if below:
        blocks.append(
            ListBlock(
                [
                    [
                        f"{r.uraian}: realisasi {with_unit(r.realisasi, r.satuan)} atau "
                        f"{persen(progress_to_end(r, ctx.rules))} dari target akhir "
                        f"{with_unit(r.target_akhir, r.satuan)}."
                    ]
                    for r in below
                ]
            )
        )
    return blocks
