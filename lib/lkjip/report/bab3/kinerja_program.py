"""BAB III, Capaian Indikator Program, Kegiatan dan Sub Kegiatan."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang, persen
from lkjip.metrics.capaian import HUNDRED
from lkjip.report.bab3.helpers import SUMBER_OLAHAN, _money, _pct, _source
from lkjip.report.blocks import Align, Block, Cell, Heading, ListBlock, Para, Ref, Table
from lkjip.report.common import with_unit
from lkjip.report.context import ReportContext
from lkjip.report.sentences import indicator_index, node_indicators, subkegiatan_name


# --- program, kegiatan and sub-kegiatan --------------------------------------------------------
def _program_rows(ctx: ReportContext) -> list[list[Cell]]:
    index = indicator_index(ctx)
    rows: list[list[Cell]] = []
    for line in ctx.budget.walk():
        if line.level == "total":
            continue
        bold = line.level == "program"
        name = subkegiatan_name(ctx, line)
        money = [
            Cell(_money(line.pagu), bold=bold),
            Cell(_money(line.realisasi), bold=bold),
            Cell(_pct(line.persen), bold=bold),
        ]
        results = node_indicators(ctx, line, index) or [None]
        for i, result in enumerate(results):
            node = (
                [Cell(line.kode, bold=bold), Cell(name, bold=bold)] if i == 0 else [Cell(), Cell()]
            )
            if result is None:
                performance = [Cell("-"), Cell(""), Cell(""), Cell("")]
            else:
                performance = [
                    Cell(result.uraian),
                    Cell(with_unit(result.target, result.satuan)),
                    Cell(with_unit(result.realisasi, result.satuan)),
                    Cell(_pct(result.capaian.nilai)),
                ]
            rows.append(node + performance + (money if i == 0 else [Cell(), Cell(), Cell()]))
    return rows


def _has_program_indicators(ctx: ReportContext) -> bool:
    return any(ctx.indicators(level) for level in ("program", "kegiatan", "subkegiatan"))


def kinerja_program(ctx: ReportContext) -> list[Block]:
    """Heading and lead-in of "Capaian Kinerja Program dan Kegiatan" (part ``kinerja-program``)."""
    if not ctx.enabled("kinerja-program") or not _has_program_indicators(ctx):
        return []
    results = [r for level in ("program", "kegiatan", "subkegiatan") for r in ctx.indicators(level)]
    measured = [r for r in results if r.capaian.nilai is not None]
    reached = [r for r in measured if r.capaian.nilai >= HUNDRED]  # type: ignore[operator]
    missed = [r for r in measured if r.capaian.nilai < HUNDRED]  # type: ignore[operator]
    blocks: list[Block] = [
        Heading("Capaian Kinerja Program dan Kegiatan", level=2),
        Para(
            [
                "Capaian indikator program, kegiatan dan sub kegiatan beserta anggarannya "
                "disajikan pada ",
                Ref("tbl-bab3-kinerja-program"),
                f". Dari {bilangan_terbilang(len(measured))} indikator yang capaiannya dapat "
                f"diukur, {bilangan_terbilang(len(reached))} indikator mencapai atau melampaui "
                f"target.",
            ]
        ),
    ]
    if missed:
        blocks.append(Para(["Indikator yang belum mencapai target:"]))
        blocks.append(
            ListBlock(
                [
                    [
                        f"{r.uraian}: target {with_unit(r.target, r.satuan)}, realisasi "
                        f"{with_unit(r.realisasi, r.satuan)} (capaian {persen(r.capaian.nilai)})."
                    ]
                    for r in missed
                ]
            )
        )
    return blocks


def tabel_kinerja_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-kinerja-program: indicators and budget following program → kegiatan →
    sub-kegiatan."""
    if not ctx.enabled("kinerja-program") or not _has_program_indicators(ctx):
        return []
    head = [
        [
            Cell("Kode", rowspan=2),
            Cell("Program/Kegiatan/Sub Kegiatan", rowspan=2),
            Cell("Indikator", rowspan=2),
            Cell("Kinerja", colspan=3, align="center"),
            Cell("Anggaran", colspan=3, align="center"),
        ],
        [
            Cell("Target"),
            Cell("Realisasi"),
            Cell("Capaian (%)"),
            Cell("Pagu (Rp)"),
            Cell("Realisasi (Rp)"),
            Cell("%"),
        ],
    ]
    total = ctx.budget
    foot = [
        [
            Cell("Jumlah", colspan=6),
            Cell(_money(total.pagu)),
            Cell(_money(total.realisasi)),
            Cell(_pct(total.persen)),
        ]
    ]
    aligns: list[Align] = [
        "left",
        "left",
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
    ]
    return [
        Table(
            head=head,
            body=_program_rows(ctx),
            foot=[[Cell(c.text, c.colspan, c.rowspan, c.align, True) for c in row] for row in foot],
            aligns=aligns,
            source=_source(SUMBER_OLAHAN, ctx),
            wide=True,
            widths=[0.13, 0.17, 0.19, 0.07, 0.07, 0.06, 0.12, 0.12, 0.07],
        )
    ]
