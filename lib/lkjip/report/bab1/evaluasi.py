"""BAB I, Ringkasan Hasil Evaluasi: whether it shows, and the values its parts share."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka
from lkjip.loader import Row
from lkjip.metrics.evaluasi import ipp_result
from lkjip.report.context import ReportContext


def change_phrase(delta: Decimal) -> str:
    """ "naik 0,19 poin" / "turun 0,01 poin" / "tetap"."""
    if delta > 0:
        return f"naik {angka(delta)} poin"
    return f"turun {angka(-delta)} poin" if delta < 0 else "tetap"


# --- ringkasan hasil evaluasi -----------------------------------------------------------------
def _sumber(ctx: ReportContext, kind: str) -> str:
    """The stated source (e.g. the LHE letter) of the indicator computed from ``kind``."""
    codes = [
        str(r["kode"])
        for r in sorted(ctx.data.table("indikator"), key=lambda r: not r.get("iku"))
        if r.get("dihitung_dari") == kind and r.get("kode")
    ]
    for code in codes:
        for row in ctx.data.table("target_realisasi"):
            if row.get("indikator") == code and row.get("tahun") == ctx.tahun and row.get("sumber"):
                return str(row["sumber"]).strip().rstrip(".")
    return ""


def _tindak_lanjut_rows(ctx: ReportContext) -> list[Row]:
    """Recommendations of the report year, plus older ones not yet followed up."""
    return [
        r
        for r in ctx.data.table("tindak_lanjut")
        if r.get("rekomendasi")
        and isinstance(r.get("tahun"), int)
        and (r["tahun"] == ctx.tahun or (r["tahun"] < ctx.tahun and r.get("status") != "sudah"))  # type: ignore[operator]
    ]


def _evaluasi_on(ctx: ReportContext) -> bool:
    if not ctx.enabled("evaluasi"):
        return False
    tindak = ctx.enabled("tindak-lanjut") and bool(_tindak_lanjut_rows(ctx))
    rb = ctx.enabled(PART_RB) and (ctx.rb is not None or bool(_rb_indicator_rows(ctx)))
    ipp = ctx.enabled(PART_IPP) and ipp_value(ctx, ctx.tahun) is not None
    return (
        ctx.akip is not None
        or ctx.ikm is not None
        or tindak
        or rb
        or ipp
        or ctx.has_narrative("rekomendasi")
        or ctx.has_narrative("rekomendasi-rb")
        or ctx.has_narrative("ikm")
    )


# --- Reformasi Birokrasi --------------------------------------------------------------------
PART_RB = "reformasi-birokrasi"
PART_IPP = "ipp"


def _rb_indicator_rows(ctx: ReportContext) -> list[Row]:
    return [
        r
        for r in ctx.data.table("indikator_rb")
        if r.get("indikator") and r.get("tahun") == ctx.tahun
    ]


# --- Indeks Pelayanan Publik ------------------------------------------------------------------
def _ipp_codes(ctx: ReportContext) -> list[str]:
    return [
        str(r["kode"])
        for r in ctx.data.table("indikator")
        if r.get("dihitung_dari") == "ipp" and r.get("kode")
    ]


def ipp_value(ctx: ReportContext, tahun: int) -> Decimal | None:
    """The IPP of ``tahun``: computed from sheet ``ipp``, else the realisasi of the indicator
    marked ``dihitung_dari: ipp``."""
    result = ctx.ipp if tahun == ctx.tahun else ipp_result(ctx.data, ctx.rules, tahun)
    if result is not None and result.nilai is not None:
        return result.nilai
    for code in _ipp_codes(ctx):
        for row in ctx.data.table("target_realisasi"):
            if (
                row.get("indikator") == code
                and row.get("tahun") == tahun
                and isinstance(row.get("realisasi"), Decimal)
            ):
                return row["realisasi"]  # type: ignore[return-value]
    return None
