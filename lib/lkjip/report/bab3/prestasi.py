"""BAB III, Prestasi dan Penghargaan."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang
from lkjip.report.bab3.helpers import TINGKAT
from lkjip.report.blocks import Block, Heading, Para, Ref
from lkjip.report.common import table
from lkjip.report.context import ReportContext


# --- prestasi and dokumentasi ------------------------------------------------------------------
def _prestasi_rows(ctx: ReportContext) -> list[dict[str, object]]:
    rows = [
        r
        for r in ctx.data.table("prestasi")
        if r.get("penghargaan") and (r.get("tahun") is None or r["tahun"] <= ctx.tahun)  # type: ignore[operator]
    ]
    return sorted(rows, key=lambda r: -int(r.get("tahun") or 0))  # type: ignore[call-overload]


def prestasi(ctx: ReportContext) -> list[Block]:
    """Heading and lead-in of "Prestasi" (part ``prestasi``), only when awards are recorded."""
    rows = _prestasi_rows(ctx)
    if not ctx.enabled("prestasi") or not rows:
        return []
    this_year = sum(r.get("tahun") == ctx.tahun for r in rows)
    text = f"Kecamatan {ctx.kecamatan} mencatat {bilangan_terbilang(len(rows))} penghargaan"
    if this_year and this_year != len(rows):
        text += f", {bilangan_terbilang(this_year)} di antaranya diperoleh pada Tahun {ctx.tahun}"
    elif this_year:
        text += f" yang diperoleh pada Tahun {ctx.tahun}"
    return [
        Heading("Prestasi", level=2),
        Para([text + " (", Ref("tbl-bab3-prestasi"), ")."]),
    ]


def tabel_prestasi(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-prestasi: awards (year, level, award, giver)."""
    rows = _prestasi_rows(ctx)
    if not ctx.enabled("prestasi") or not rows:
        return []
    body = [
        [
            str(i),
            str(r.get("tahun") or "-"),
            TINGKAT.get(str(r.get("tingkat") or ""), str(r.get("tingkat") or "-")),
            str(r.get("penghargaan")),
            str(r.get("pemberi") or "-"),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    return [
        table(
            ["No", "Tahun", "Tingkat", "Penghargaan", "Pemberi"],
            body,
            aligns=["center", "center", "left", "left", "left"],
            source=f"Data prestasi Kecamatan {ctx.kecamatan}",
            widths=[0.05, 0.08, 0.14, 0.48, 0.25],
        )
    ]
