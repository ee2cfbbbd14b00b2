"""Comparison of a kecamatan with the other kecamatan of its city (capaian and serapan)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from lkjip.formatting import bilangan_terbilang, persen
from lkjip.report.blocks import Block, Cell, Heading, Para, Ref, Strong
from lkjip.report.common import table
from lkjip.report.context import ReportContext
from lkjip.report.figures import as_float, indonesian_ticks, new_figure

PART = "perbandingan-kecamatan"


@dataclass(frozen=True)
class Neighbour:
    slug: str
    nama: str
    capaian: Decimal | None
    serapan: Decimal | None


def neighbours(ctx: ReportContext, ringkasan: str = "") -> list[Neighbour]:
    """The city's kecamatan ranked by capaian (from the batch's phase-1 summary when given,
    else computed here from the city config — cheap, no kernel)."""
    if not ringkasan:
        from lkjip.batch.survey import city_summary_json, survey_city

        ringkasan = city_summary_json(survey_city(ctx.config))
    rows = [
        Neighbour(
            r["slug"],
            r["nama"],
            None if r["capaian"] is None else Decimal(r["capaian"]),
            None if r["serapan"] is None else Decimal(r["serapan"]),
        )
        for r in json.loads(ringkasan)
    ]
    return sorted(rows, key=lambda r: (r.capaian is None, -(r.capaian or 0)))


# A city with more kecamatan than this shows the top of the ranking, the kecamatan with its
# neighbours and the bottom, so that table and chart keep a readable size in any city.
SHOWN_AT_MOST = 20
TOP, AROUND, BOTTOM = 10, 3, 3


def shown(rows: list[Neighbour], slug: str) -> list[tuple[int, Neighbour] | None]:
    """(rank, row) pairs to show, ``None`` where ranks are left out."""
    ranked = list(enumerate(rows, 1))
    if len(rows) <= SHOWN_AT_MOST:
        return list(ranked)
    own = next((i for i, r in ranked if r.slug == slug), 0)
    keep = {i for i, _ in ranked if i <= TOP or i > len(rows) - BOTTOM or abs(i - own) <= AROUND}
    out: list[tuple[int, Neighbour] | None] = []
    for rank, row in ranked:
        if rank in keep:
            out.append((rank, row))
        elif out and out[-1] is not None:
            out.append(None)
    return out


def perbandingan_kecamatan(ctx: ReportContext, ringkasan: str = "") -> list[Block]:
    """Sentence and table tbl-bab3-kecamatan: rank of this kecamatan among the city's."""
    rows = neighbours(ctx, ringkasan)
    if not ctx.enabled(PART) or len(rows) < 2:
        return []
    rank = next((i for i, r in enumerate(rows, 1) if r.slug == ctx.entry.slug), None)
    body = []
    for item in shown(rows, ctx.entry.slug):
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
        f"Di antara {bilangan_terbilang(len(rows))} kecamatan di {ctx.kota} yang datanya valid, "
        f"capaian kinerja rata-rata Kecamatan {ctx.kecamatan} berada pada peringkat ",
        Strong(str(rank)),
        " (",
        Ref("tbl-bab3-kecamatan"),
        ", ",
        Ref("fig-bab3-kecamatan"),
        ").",
    ]
    if len(rows) > SHOWN_AT_MOST:
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


def fig_peringkat(ctx: ReportContext, ringkasan: str = ""):
    """fig-bab3-kecamatan: capaian of every kecamatan of the city, this one highlighted."""
    rows = [r for r in neighbours(ctx, ringkasan) if r.capaian is not None]
    if not ctx.enabled(PART) or len(rows) < 2:
        return None
    bars = list(reversed(shown(rows, ctx.entry.slug)))
    figure, axes = new_figure(height=max(2.4, 0.35 * len(bars) + 1))
    names = [f"{b[0]}. {b[1].nama}" if b else "…" for b in bars]
    values = [as_float(b[1].capaian) if b else 0.0 for b in bars]
    colors = ["#c55a11" if b and b[1].slug == ctx.entry.slug else "#1f4e79" for b in bars]
    positions = list(range(len(bars)))  # positions, not names: the "…" gaps may repeat
    axes.barh(positions, values, color=colors)
    axes.set_yticks(positions, names)
    axes.axvline(100, color="#7f7f7f", linewidth=0.8, linestyle="--")
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.grid(axis="y", visible=False)
    indonesian_ticks(axes, axis="x", suffix="%")
    axes.set_xlabel("Capaian rata-rata IKU")
    return figure
