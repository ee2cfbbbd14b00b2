"""BAB III, Analisis per Sasaran: realisasi against earlier years (IKU, programs)."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang
from lkjip.metrics.capaian import IndicatorResult
from lkjip.metrics.tren import Trend, trend
from lkjip.report import charts
from lkjip.report.bab3.helpers import (
    SUMBER_OLAHAN,
    TREN_NOTE,
    _arrow,
    _by_program,
    _join,
    _known,
    _pct,
    _source,
    _trends,
)
from lkjip.report.blocks import Align, Block, Cell, Inline, ListBlock, Para, Ref
from lkjip.report.chart import Chart, NumberFormat, Series, panel_width
from lkjip.report.common import grouped_source, table, value, with_unit
from lkjip.report.context import ReportContext


def _tren_group(ctx: ReportContext) -> list[bool]:
    """3.3: the IKU and the program indicators over the years (both with the arrows' note)."""
    return [_tren_shown(ctx), _tren_program_shown(ctx)]


# --- analysis per sasaran ----------------------------------------------------------------------
def _has_history(t: Trend, tahun: int) -> bool:
    return any(v.realisasi is not None for v in t.tahun if v.tahun < tahun)


def _tren_shown(ctx: ReportContext) -> bool:
    return any(_has_history(t, ctx.tahun) for t in _trends(ctx).values())


def tabel_tren(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-tren: target, realisasi and capaian of each IKU over three years, with the arrow
    of the latest change (merged header per year)."""
    if not _tren_shown(ctx):
        return []
    trends = _trends(ctx)
    years = [v.tahun for v in next(iter(trends.values())).tahun]
    head = [
        [Cell("No", rowspan=2), Cell("Indikator Kinerja Utama", rowspan=2)]
        + [Cell("Satuan", rowspan=2)]
        + [Cell(f"Tahun {y}", colspan=3, align="center") for y in years]
        + [Cell("Tren", rowspan=2)],
        [Cell(t) for _ in years for t in ("Target", "Realisasi", "Capaian (%)")],
    ]
    rows = []
    for number, result in enumerate(ctx.iku, start=1):
        t = trends[result.kode]
        cells = [str(number), result.uraian, result.satuan]
        for v in t.tahun:
            cells += [value(v.target), value(v.realisasi), _pct(v.capaian)]
        arrow = _arrow(t)
        rows.append([*cells, arrow])
    aligns: list[Align] = ["center", "left", "left", *(["right"] * 3 * len(years)), "center"]
    return [
        table(
            head,
            rows,
            aligns=aligns,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _tren_group(ctx), 0, TREN_NOTE),
            wide=True,
            widths=[0.04, 0.2, 0.07, *([0.612 / (3 * len(years))] * 3 * len(years)), 0.078],
        )
    ]


def _tren_data(ctx: ReportContext) -> list[tuple[IndicatorResult, Trend]]:
    trends = _trends(ctx)
    return [(r, trends[r.kode]) for r in ctx.iku if len(_known(trends[r.kode].tahun)) >= 2]


def _tren_years(data: list[tuple[IndicatorResult, Trend]]) -> list[int]:
    """The years every panel of the trend figure shows (the comparison window)."""
    return sorted({v.tahun for _, t in data for v in t.tahun})


def judul_tren(ctx: ReportContext) -> str:
    """The trend chart's caption, naming the years its panels share."""
    data = _tren_data(ctx)
    years = _tren_years(data) if data else []
    span = f"Tahun {years[0]}–{years[-1]}" if len(years) > 1 else f"Tahun {ctx.tahun}"
    return f"Realisasi dan Target IKU {span}"


def grafik_tren(ctx: ReportContext) -> list[Chart]:
    """fig-bab3-tren: realisasi and target of each IKU over the comparison years, one panel (a
    line chart) per IKU since each has its own unit and scale, two panels side by side; every
    panel on the same years (a year without a value is a gap), named by the IKU's text, each
    point labelled with its value."""
    data = _tren_data(ctx)
    if not data:
        return []
    years = _tren_years(data)
    width = panel_width(min(len(data), 2))
    panels = []
    for result, t in data:
        by_year = {v.tahun: v for v in t.tahun}
        reals = tuple(by_year[y].realisasi if y in by_year else None for y in years)
        targets = tuple(by_year[y].target if y in by_year else None for y in years)
        panels.append(
            Chart(
                kind="line",
                categories=tuple(str(y) for y in years),
                series=(
                    Series(name="Realisasi", values=reals, color=charts.COLORS["realisasi"]),
                    Series(name="Target", values=targets, color=charts.COLORS["anggaran"]),
                ),
                title=result.uraian,
                title_y=result.satuan.strip(),
                number_format=NumberFormat(places=charts.places([*reals, *targets])),
                width_pt=width,
                height_cm=6.5,
            )
        )
    return panels


# --- program indicators over the years and against the Renstra end target ----------------------
PART_TREN_PROGRAM = "tren-program"


ARAH = ("naik", "tetap", "turun")  # the order counts are listed in


def _program_trends(ctx: ReportContext) -> dict[str, Trend]:
    return {r.kode: trend(r, ctx.data, ctx.rules) for r in ctx.indicators("program")}


def _tren_program_shown(ctx: ReportContext) -> bool:
    return ctx.enabled(PART_TREN_PROGRAM) and any(
        _has_history(t, ctx.tahun) for t in _program_trends(ctx).values()
    )


def tabel_tren_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-tren-program: target, realisasi and capaian of each program indicator over three
    years, with the arrow of the latest change."""
    if not _tren_program_shown(ctx):
        return []
    trends = _program_trends(ctx)
    years = [v.tahun for v in next(iter(trends.values())).tahun]
    head = [
        [Cell("No", rowspan=2), Cell("Program", rowspan=2), Cell("Indikator Program", rowspan=2)]
        + [Cell("Satuan", rowspan=2)]
        + [Cell(f"Tahun {y}", colspan=3, align="center") for y in years]
        + [Cell("Tren", rowspan=2)],
        [Cell(t) for _ in years for t in ("Target", "Realisasi", "Capaian (%)")],
    ]
    rows: list[list[str | Cell]] = []
    for number, (nama, results) in enumerate(_by_program(ctx, ctx.indicators("program")), 1):
        for i, result in enumerate(results):
            t = trends[result.kode]
            cells: list[str | Cell] = []
            if i == 0:
                cells += [Cell(str(number), rowspan=len(results)), Cell(nama, rowspan=len(results))]
            cells += [result.uraian, result.satuan]
            for v in t.tahun:
                cells += [value(v.target), value(v.realisasi), _pct(v.capaian)]
            arrow = _arrow(t)
            rows.append([*cells, arrow])
    width = 0.5 / (3 * len(years))
    return [
        table(
            head,
            rows,
            aligns=["center", "left", "left", "left", *(["right"] * 3 * len(years)), "center"],
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _tren_group(ctx), 1, TREN_NOTE),
            wide=True,
            widths=[0.04, 0.16, 0.16, 0.06, *([width] * 3 * len(years)), 0.08],
        )
    ]


def tren_program_uraian(ctx: ReportContext) -> list[Block]:
    """How the program indicators moved against the previous year."""
    if not tabel_tren_program(ctx):
        return []
    trends = _program_trends(ctx)
    results = [r for r in ctx.indicators("program") if trends[r.kode].arah is not None]
    if not results:
        return []
    counts = {arah: [r for r in results if trends[r.kode].arah == arah] for arah in ARAH}
    parts = [f"{bilangan_terbilang(len(found))} {arah}" for arah, found in counts.items() if found]
    text = (
        f"Dibandingkan Tahun {ctx.tahun - 1}, realisasi {bilangan_terbilang(len(results))} "
        f"indikator program: {_join(parts)} ("
    )
    blocks: list[Block] = [Para([text, Ref("tbl-bab3-tren-program"), ")."])]
    changed = [r for r in results if trends[r.kode].arah != "tetap"]
    items: list[list[Inline]] = []
    for result in changed:
        known = _known(trends[result.kode].tahun)
        before, now = known[-2], known[-1]
        items.append(
            [
                f"{result.uraian}: {trends[result.kode].arah} dari "
                f"{with_unit(before.realisasi, result.satuan)} ({before.tahun}) menjadi "
                f"{with_unit(now.realisasi, result.satuan)} ({now.tahun})."
            ]
        )
    if items:
        blocks.append(ListBlock(items))
    return blocks
