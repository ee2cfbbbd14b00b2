"""BAB III, Analisis per Sasaran: comparison with other levels and perangkat daerah."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka_bertanda, bilangan_terbilang
from lkjip.metrics.capaian import IndicatorResult
from lkjip.metrics.pembanding import OPD, Ranked, opd_mean, opd_ranking, opd_rows
from lkjip.report.bab3.helpers import TINGKAT, _all_indicators
from lkjip.report.blocks import Align, Block, Cell
from lkjip.report.common import table, value, with_unit
from lkjip.report.context import ReportContext


def _comparators(ctx: ReportContext, kode: str) -> list[dict[str, object]]:
    """The comparators of another level (kota, provinsi, nasional, another kecamatan); the other
    perangkat daerah have their ranking (:func:`tabel_pembanding_opd`)."""
    return [
        row
        for row in ctx.data.table("pembanding")
        if row.get("indikator") == kode
        and row.get("tahun") == ctx.tahun
        and row.get("nilai") is not None
        and row.get("level") != OPD
    ]


def _opd_rankings(ctx: ReportContext) -> list[tuple[IndicatorResult, list[Ranked]]]:
    """Each indicator with values of the city's other perangkat daerah, and the ranking of the
    kecamatan among them."""
    found = []
    for result in _all_indicators(ctx):
        rows = opd_rows(ctx.data, result.kode, ctx.tahun)
        if rows:
            lower = result.polaritas == "turun"
            found.append((result, opd_ranking(rows, ctx.kecamatan, result.realisasi, lower)))
    return found


def _own_rank(ranking: list[Ranked]) -> Ranked | None:
    return next((r for r in ranking if r.sendiri), None)


def tabel_pembanding_opd(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-pembanding-opd: the kecamatan ranked among the city's perangkat daerah on each
    indicator they are compared on (e.g. the AKIP score of every OPD), its own row in bold."""
    rankings = _opd_rankings(ctx)
    if not rankings:
        return []
    rows: list[list[str | Cell]] = []
    for result, ranking in rankings:
        unit = f" ({result.satuan})" if result.satuan.strip() else ""
        rows.append([Cell(f"{result.uraian}{unit}", colspan=3, bold=True)])
        for entry in ranking:
            cells = [str(entry.peringkat), entry.nama, value(entry.nilai)]
            rows.append([Cell(c, bold=entry.sendiri) for c in cells])
    kota = ctx.kota
    source = (
        f"Data perangkat daerah {kota} dan capaian Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}, "
        f"diolah; baris bercetak tebal: Kecamatan {ctx.kecamatan}"
    )
    return [
        table(
            ["Peringkat", "Perangkat Daerah", "Nilai"],
            rows,
            aligns=["center", "left", "right"],
            source=source,
        )
    ]


def _opd_sentence(ctx: ReportContext, result: IndicatorResult) -> str | None:
    """ "Di antara 31 (tiga puluh satu) perangkat daerah Kota Bekasi yang dinilai, … berada di
    peringkat 5 untuk …; rata-rata seluruh perangkat daerah 72,31" (the caller closes it with
    the reference to the ranking table)."""
    ranking = next((r for res, r in _opd_rankings(ctx) if res.kode == result.kode), None)
    own = _own_rank(ranking) if ranking else None
    if ranking is None or own is None:
        return None
    return (
        f"Di antara {bilangan_terbilang(len(ranking))} perangkat daerah {ctx.kota} yang dinilai, "
        f"Kecamatan {ctx.kecamatan} berada di peringkat {own.peringkat} untuk {result.uraian}; "
        f"rata-rata seluruh perangkat daerah {with_unit(opd_mean(ranking), result.satuan)}"
    )


def _comparator_name(row: dict[str, object]) -> str:
    level = str(row.get("level") or "")
    return str(row.get("nama") or TINGKAT.get(level, level))


def _better(result: IndicatorResult, difference: Decimal) -> bool | None:
    if difference == 0:
        return None
    return (difference > 0) == (result.polaritas != "turun")


def tabel_pembanding(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-pembanding: realisasi against the comparators of the sheet ``pembanding``."""
    rows = []
    number = 0
    for result in _all_indicators(ctx):
        comparators = _comparators(ctx, result.kode)
        if not comparators or result.realisasi is None:
            continue
        number += 1
        for i, row in enumerate(comparators):
            nilai = row["nilai"]
            difference = result.realisasi - nilai  # type: ignore[operator]
            better = _better(result, difference)
            verdict = "Setara" if better is None else "Lebih baik" if better else "Lebih rendah"
            level = str(row.get("level") or "")
            rows.append(
                [
                    str(number) if i == 0 else "",
                    result.uraian if i == 0 else "",
                    value(result.realisasi) if i == 0 else "",
                    _comparator_name(row),
                    TINGKAT.get(level, level),
                    value(nilai),  # type: ignore[arg-type]
                    angka_bertanda(difference),
                    verdict,
                ]
            )
    if not rows:
        return []
    header = [
        "No",
        "Indikator",
        f"Realisasi Kecamatan {ctx.kecamatan}",
        "Pembanding",
        "Tingkat",
        "Nilai Pembanding",
        "Selisih",
        "Keterangan",
    ]
    aligns: list[Align] = ["center", "left", "right", "left", "left", "right", "right", "left"]
    return [
        table(
            header,
            rows,
            aligns=aligns,
            source=f"Data capaian Kecamatan {ctx.kecamatan} dan nilai pembanding Tahun "
            f"{ctx.tahun}, diolah; keterangan memperhitungkan arah indikator",
            wide=True,
            widths=[0.04, 0.22, 0.12, 0.18, 0.1, 0.11, 0.09, 0.14],
        )
    ]
