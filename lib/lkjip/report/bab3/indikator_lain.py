"""BAB III, Capaian Indikator Kinerja Lainnya (tujuan, non-IKU, earlier)."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang, persen
from lkjip.metrics.capaian import IndicatorResult, in_force, indicator_result, target_rows
from lkjip.metrics.tren import Trend, trend
from lkjip.report.bab3.helpers import SUMBER_OLAHAN, TREN_NOTE, _arrow, _join, _pct, _source
from lkjip.report.blocks import Block, Cell, Heading, Inline, ListBlock, Para, Ref
from lkjip.report.common import table, tujuan_indicators, value, with_unit
from lkjip.report.context import ReportContext

# --- other indicators with data (tujuan, non-IKU and earlier indicators) ------------------------
PART_INDIKATOR_LAIN = "indikator-lain"


def _status(row: dict[str, object], tahun: int) -> str:
    level = str(row.get("level") or "")
    if in_force(row, tahun):  # type: ignore[arg-type]
        return "Indikator tujuan" if level == "tujuan" else "Indikator sasaran (bukan IKU)"
    kind = "IKU" if row.get("iku") else f"Indikator {level}"
    end, start = row.get("tahun_selesai"), row.get("tahun_mulai")
    if isinstance(end, int) and end < tahun:
        return f"{kind} s.d. {end}"
    return f"{kind} mulai {start}" if isinstance(start, int) else kind


def _other_indicators(ctx: ReportContext) -> list[tuple[IndicatorResult, Trend, str]]:
    """Tujuan and sasaran indicators that are not this year's IKU but have a realisasi in the
    last three years (indicators of an earlier Renstra, tujuan indicators, non-IKU ones)."""
    if not ctx.enabled(PART_INDIKATOR_LAIN):
        return []
    iku = {r.kode for r in ctx.iku}
    values = target_rows(ctx.data, ctx.rules)
    window = range(ctx.tahun - 2, ctx.tahun + 1)
    found = []
    tujuan = {r.kode for r in tujuan_indicators(ctx)}  # in their own table
    for row in ctx.data.table("indikator"):
        kode = row.get("kode")
        if row.get("level") not in ("tujuan", "sasaran") or not kode or kode in iku | tujuan:
            continue
        if all(values.get((kode, y), {}).get("realisasi") is None for y in window):  # type: ignore[arg-type]
            continue
        result = indicator_result(row, values, ctx.rules, ctx.tahun)
        found.append((result, trend(result, ctx.data, ctx.rules), _status(row, ctx.tahun)))
    return found


def indikator_lain(ctx: ReportContext) -> list[Block]:
    """Heading, lead-in and one line per other indicator measured this year (with its
    explanation from ``target_realisasi.penjelasan``)."""
    data = _other_indicators(ctx)
    if not data:
        return []
    kinds = []
    for status, phrase in (
        ("Indikator tujuan", "indikator tujuan"),
        ("Indikator sasaran (bukan IKU)", "indikator sasaran yang bukan IKU"),
    ):
        if any(s == status for _, _, s in data):
            kinds.append(phrase)
    if any(not in_force(r.row, ctx.tahun) for r, _, _ in data):
        kinds.append(f"indikator yang tidak lagi berlaku pada Tahun {ctx.tahun}")
    blocks: list[Block] = [
        Heading("Indikator Kinerja Lainnya", level=3),
        Para(
            [
                f"Selain IKU Tahun {ctx.tahun}, tersedia data {bilangan_terbilang(len(data))} "
                f"indikator kinerja lain, yaitu {_join(kinds)}. Target, realisasi dan "
                "capaiannya dalam tiga tahun terakhir disajikan pada ",
                Ref("tbl-bab3-indikator-lain"),
                ".",
            ]
        ),
    ]
    values = target_rows(ctx.data, ctx.rules)
    items: list[list[Inline]] = []
    for result, _t, _status_text in data:
        if result.realisasi is None:
            continue
        text = (
            f"{result.uraian}: target {with_unit(result.target, result.satuan)}, realisasi "
            f"{with_unit(result.realisasi, result.satuan)}"
        )
        text += f" (capaian {persen(result.capaian.nilai)})." if result.capaian.nilai else "."
        penjelasan = str(values.get((result.kode, ctx.tahun), {}).get("penjelasan") or "").strip()
        if penjelasan:
            text += f" {penjelasan.rstrip('.')}."
        items.append([text])
    if items:
        blocks += [Para([f"Realisasi Tahun {ctx.tahun}:"]), ListBlock(items)]
    return blocks


def tabel_indikator_lain(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-indikator-lain: the other indicators over three years, with trend and status."""
    data = _other_indicators(ctx)
    if not data:
        return []
    years = [v.tahun for v in data[0][1].tahun]
    head = [
        [Cell("No", rowspan=2), Cell("Indikator", rowspan=2), Cell("Satuan", rowspan=2)]
        + [Cell(f"Tahun {y}", colspan=3, align="center") for y in years]
        + [Cell("Tren", rowspan=2), Cell("Keterangan", rowspan=2)],
        [Cell(t) for _ in years for t in ("Target", "Realisasi", "Capaian (%)")],
    ]
    rows = []
    for number, (result, t, status) in enumerate(data, start=1):
        cells = [str(number), result.uraian, result.satuan]
        for v in t.tahun:
            cells += [value(v.target), value(v.realisasi), _pct(v.capaian)]
        arrow = _arrow(t)
        rows.append([*cells, arrow, status])
    width = 0.5 / (3 * len(years))
    return [
        table(
            head,
            rows,
            aligns=["center", "left", "left", *(["right"] * 3 * len(years)), "center", "left"],
            source=_source(SUMBER_OLAHAN, ctx) + TREN_NOTE,
            wide=True,
            widths=[0.04, 0.2, 0.06, *([width] * 3 * len(years)), 0.07, 0.13],
        )
    ]
