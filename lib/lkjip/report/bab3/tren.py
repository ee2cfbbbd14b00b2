"""BAB III, Analisis per Sasaran: realisasi against earlier years (IKU, programs)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from lkjip.formatting import bilangan_terbilang
from lkjip.metrics.capaian import IndicatorResult
from lkjip.metrics.tren import Trend, trend
from lkjip.report import figures
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


def fig_tren(ctx: ReportContext) -> Figure | None:
    """fig-bab3-tren: realisasi and target of each IKU over the comparison years; one panel per
    IKU (small multiples, since the IKU have their own scales), every panel on the same years
    (a year without a value is a gap), each realisasi labelled with its value."""
    import matplotlib.pyplot as plt

    data = _tren_data(ctx)
    if not data:
        return None
    years = _tren_years(data)
    columns = min(len(data), 3)
    rows = (len(data) + columns - 1) // columns
    figure, grid = plt.subplots(
        rows,
        columns,
        figsize=(figures.WIDTH_IN, 2.5 * rows + 0.4),
        dpi=150,
        layout="constrained",
        squeeze=False,
    )
    for index, axes in enumerate(grid.flat):
        if index >= len(data):
            axes.set_visible(False)
            continue
        result, t = data[index]
        by_year = {v.tahun: v for v in t.tahun}
        positions = figures.year_axis(axes, years)
        reals = [by_year[y].realisasi if y in by_year else None for y in years]
        targets = [by_year[y].target if y in by_year else None for y in years]
        axes.plot(
            positions,
            [figures.as_float(v) for v in reals],
            marker="o",
            color=figures.COLORS["realisasi"],
            label="Realisasi",
        )
        axes.plot(
            positions,
            [figures.as_float(v) for v in targets],
            marker="s",
            linestyle="--",
            color=figures.COLORS["anggaran"],
            label="Target",
        )
        for x, number, target in zip(positions, reals, targets, strict=True):
            if number is None:
                continue
            below = target is not None and target >= number  # the label keeps off the target
            axes.annotate(
                value(number),
                (x, float(number)),
                ha="center",
                va="top" if below else "bottom",
                fontsize=6.5,
                xytext=(0, -6 if below else 5),
                textcoords="offset points",
                color=figures.COLORS["realisasi"],
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85},
            )
        axes.set_title(figures.wrap(result.uraian, 30), fontsize=7)
        axes.tick_params(axis="y", labelsize=7)
        figures.style(axes)
        axes.margins(y=0.2)
        axes.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10], min_n_ticks=4))
        figures.indonesian_ticks(axes)
        if result.satuan.strip():
            axes.set_ylabel(figures.literal(result.satuan), fontsize=7)
    figures.legend_below(figure, grid.flat[0])
    return figure


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
