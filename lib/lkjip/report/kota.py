"""Comparison of a kecamatan with the other kecamatan of its city (capaian and serapan)."""

from __future__ import annotations

from lkjip.city_summary import city_summary
from lkjip.formatting import bilangan_terbilang, persen
from lkjip.report import figures
from lkjip.report.blocks import Block, Cell, Heading, Para, Ref, Strong
from lkjip.report.common import table
from lkjip.report.context import ReportContext
from lkjip.report.ranking import BOTTOM, SHOWN_AT_MOST, TOP, Neighbour, comparison, ranked

PART = "perbandingan-kecamatan"


def neighbours(ctx: ReportContext, summary: str = "") -> list[Neighbour]:
    """The city's kecamatan ranked by capaian (from the batch's phase-1 summary when given,
    else the city summary computed once in this process: :func:`lkjip.city_summary.
    city_summary`)."""
    return ranked(summary or city_summary(ctx.config, first=ctx.entry.slug))


def perbandingan_kecamatan(ctx: ReportContext, summary: str = "") -> list[Block]:
    """Sentence and table tbl-bab3-kecamatan: rank of this kecamatan among the city's."""
    view = comparison(neighbours(ctx, summary), ctx.entry.slug)
    if not ctx.enabled(PART) or view.count < 2:
        return []
    body = []
    for item in view.table:
        if item is None:
            body.append([Cell("…"), Cell("…"), Cell("…"), Cell("…")])
            continue
        number, row = item
        mine = row.slug == ctx.entry.slug
        body.append(
            [
                Cell(str(number), bold=mine),
                Cell(row.nama, bold=mine),
                Cell(persen(row.capaian), bold=mine),
                Cell(persen(row.serapan), bold=mine),
            ]
        )
    sentence: list = [
        f"Di antara {bilangan_terbilang(view.count)} kecamatan di {ctx.kota} yang datanya valid, "
        f"capaian kinerja rata-rata Kecamatan {ctx.kecamatan} berada pada peringkat ",
        Strong(str(view.rank)),
        " (",
        Ref("tbl-bab3-kecamatan"),
        ", ",
        Ref("fig-bab3-kecamatan"),
        ").",
    ]
    if view.count > SHOWN_AT_MOST:
        sentence.append(
            f" Tabel dan gambar menampilkan {TOP} peringkat teratas, {BOTTOM} terbawah dan "
            f"kecamatan di sekitar peringkat Kecamatan {ctx.kecamatan}."
        )
    return [
        Heading("Perbandingan dengan Kecamatan Lain", level=2),
        Para(sentence),
        table(
            ["Peringkat", "Kecamatan", "Capaian IKU", "Serapan Anggaran"],
            body,
            aligns=["center", "left", "right", "right"],
            source=f"Hasil pengolahan data seluruh kecamatan {ctx.kota} Tahun {ctx.tahun}",
        ),
    ]


def fig_peringkat(ctx: ReportContext, summary: str = ""):
    """fig-bab3-kecamatan: capaian of every kecamatan of the city (bars from zero, each labelled
    with its value), this one highlighted."""
    bars = list(reversed(comparison(neighbours(ctx, summary), ctx.entry.slug).chart))
    if not ctx.enabled(PART) or len([b for b in bars if b]) < 2:
        return None
    figure, axes = figures.new_figure(height=max(2.4, 0.35 * len(bars) + 1))
    figures.style(axes, grid="x")
    names = [figures.literal(f"{b[0]}. {b[1].nama}") if b else "…" for b in bars]
    values = [figures.as_float(b[1].capaian) if b else 0.0 for b in bars]
    colors = ["#c55a11" if b and b[1].slug == ctx.entry.slug else "#1f4e79" for b in bars]
    positions = list(range(len(bars)))  # positions, not names: the "…" gaps may repeat
    drawn = axes.barh(positions, values, color=colors)
    axes.set_yticks(positions, names)
    figures.bars_from_zero(axes, max([*values, 100.0]), axis="x", room=1.15)
    figures.label_bar(
        axes, drawn, [persen(b[1].capaian) if b else None for b in bars], horizontal=True
    )
    axes.axvline(100, color="#7f7f7f", linewidth=0.8, linestyle="--", zorder=0.5)
    figures.indonesian_ticks(axes, axis="x", suffix="%")
    axes.set_xlabel("Capaian rata-rata IKU")
    return figure
