"""Comparison of a kecamatan with the other kecamatan of its city (capaian and serapan)."""

from __future__ import annotations

from lkjip.city_summary import city_summary
from lkjip.formatting import bilangan_terbilang, persen
from lkjip.report import charts
from lkjip.report.blocks import Block, Cell, Heading, Para, Ref, Strong
from lkjip.report.chart import Chart, NumberFormat, Series
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


def grafik_peringkat(ctx: ReportContext, summary: str = "") -> Chart | None:
    """fig-bab3-kecamatan: capaian of the city's kecamatan in rank order (bars from zero, each
    labelled with its value), this one in its own colour: a series of its own, stacked on the
    others so that it keeps its place in the row."""
    bars = comparison(neighbours(ctx, summary), ctx.entry.slug).chart
    if not ctx.enabled(PART) or len([b for b in bars if b]) < 2:
        return None
    mine = [b is not None and b[1].slug == ctx.entry.slug for b in bars]
    others = tuple(b[1].capaian if b and not m else None for b, m in zip(bars, mine, strict=True))
    this = tuple(b[1].capaian if b and m else None for b, m in zip(bars, mine, strict=True))
    return Chart(
        kind="stacked_bar",
        categories=tuple(f"{b[0]}. {b[1].nama}" if b else "…" for b in bars),
        series=(
            Series(name="Kecamatan lain", values=others, color=charts.COLORS["realisasi"]),
            Series(name=f"Kecamatan {ctx.kecamatan}", values=this, color=charts.HIGHLIGHT),
        ),
        title_y="Capaian rata-rata IKU",
        number_format=NumberFormat(kind="persen", places=2),
        horizontal=True,
        height_cm=min(24.0, 2.2 + 0.6 * len(bars)),
    )
