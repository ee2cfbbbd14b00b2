"""BAB III, Capaian Kinerja Organisasi: IKU, klasifikasi, tujuan and triwulan."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import bilangan_terbilang
from lkjip.metrics.capaian import IndicatorResult, average, category_counts, target_rows
from lkjip.report import charts
from lkjip.report.bab3.helpers import (
    SUMBER_OLAHAN,
    _all_indicators,
    _all_sasaran_names,
    _join,
    _pct,
    _source,
)
from lkjip.report.blocks import Align, Block, Cell, Heading, Inline, ListBlock, Para, Ref
from lkjip.report.chart import Chart, NumberFormat, Series, panel_width
from lkjip.report.common import (
    grouped_source,
    table,
    tujuan_indicators,
    value,
    with_unit,
)
from lkjip.report.context import ReportContext
from lkjip.report.sentences import iku_sentence, kategori_capaian, overall, overall_sentence


def _capaian_header(ctx: ReportContext, level: str, indicator: str) -> list[list[Cell | str]]:
    """The two header rows of a capaian table: the goal (sasaran or tujuan), its indicator,
    and target, realisasi and capaian of the report year."""
    return [
        [
            Cell("No", rowspan=2),
            Cell(level, rowspan=2),
            Cell(indicator, rowspan=2),
            Cell("Satuan", rowspan=2),
            Cell(f"Tahun {ctx.tahun}", colspan=3, align="center"),
            Cell("Kategori", rowspan=2),
        ],
        ["Target", "Realisasi", "Capaian (%)"],
    ]


def _capaian_group(ctx: ReportContext) -> list[bool]:
    """3.2: capaian IKU, klasifikasi, triwulan."""
    return [bool(ctx.iku), bool(sum(category_counts(ctx.sasaran).values())), bool(_quarterly(ctx))]


# --- capaian kinerja organisasi ----------------------------------------------------------------
def capaian_pengantar(ctx: ReportContext) -> list[Block]:
    """Counts of sasaran and IKU, pointing to the capaian table."""
    sasaran, iku = len(ctx.sasaran), len(ctx.iku)
    parts: list[Inline] = [
        f"Dalam Perjanjian Kinerja Tahun {ctx.tahun}, Kecamatan {ctx.kecamatan} menetapkan "
        f"{bilangan_terbilang(sasaran)} sasaran strategis yang diukur dengan "
        f"{bilangan_terbilang(iku)} Indikator Kinerja Utama (IKU)."
    ]
    if tabel_capaian_iku(ctx):
        parts += [" Capaian setiap IKU disajikan pada ", Ref("tbl-bab3-capaian-iku"), "."]
    return [Para(parts)]


def tabel_capaian_iku(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-capaian-iku: target, realisasi, capaian and category of every IKU, with the
    average in the footer."""
    if not ctx.iku:
        return []
    names = _all_sasaran_names(ctx)
    rows = []
    number = 0
    for index, result in enumerate(ctx.iku):
        first = index == 0 or ctx.iku[index - 1].induk != result.induk
        number += first
        # Merged cells over the sasaran's consecutive IKU, as in the genre.
        later = [r.induk for r in ctx.iku[index:]]
        span = next((n for n, induk in enumerate(later) if induk != result.induk), len(later))
        rows.append(
            [
                *(
                    [
                        Cell(str(number), rowspan=span),
                        Cell(names.get(result.induk, result.induk), rowspan=span),
                    ]
                    if first
                    else []
                ),
                result.uraian,
                result.satuan,
                value(result.target),
                value(result.realisasi),
                _pct(result.capaian.nilai),
                kategori_capaian(result.capaian, ctx.rules),
            ]
        )
    average = overall(ctx)
    foot = [
        [
            Cell("Rata-rata capaian IKU", colspan=6),
            Cell(_pct(average.nilai), bold=True),
            Cell(kategori_capaian(average, ctx.rules), bold=True),
        ]
    ]
    header = _capaian_header(ctx, "Sasaran Strategis", "Indikator Kinerja Utama")
    aligns: list[Align] = ["center", "left", "left", "left", "right", "right", "right", "center"]
    return [
        table(
            header,
            rows,
            aligns=aligns,
            foot=foot,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _capaian_group(ctx), 0),
            wide=True,
            widths=[0.04, 0.2, 0.22, 0.08, 0.09, 0.09, 0.1, 0.18],
        )
    ]


def capaian_uraian(ctx: ReportContext) -> list[Block]:
    """One generated sentence per IKU, the average, and the lead-in of the classification table
    and the target/realisasi figure."""
    if not ctx.iku:
        return [Para(["Belum ada Indikator Kinerja Utama yang berlaku pada tahun ini."])]
    blocks: list[Block] = [Para(iku_sentence(ctx, r)) for r in ctx.iku]
    blocks.append(overall_sentence(ctx))
    counts = category_counts(ctx.sasaran)
    measured = sum(counts.values())
    if measured:
        detail = []
        for key, text in (
            ("melampaui", "melampaui target"),
            ("sesuai", "sesuai target"),
            ("tidak_mencapai", "tidak mencapai target"),
        ):
            if counts[key]:
                detail.append(f"{bilangan_terbilang(counts[key])} sasaran {text}")
        blocks.append(
            Para(
                [
                    f"Dari {bilangan_terbilang(measured)} sasaran strategis yang capaiannya "
                    f"dapat diukur, {_join(detail)} (",
                    Ref("tbl-bab3-klasifikasi"),
                    ").",
                ]
            )
        )
    if _target_realisasi_data(ctx):
        blocks.append(
            Para(
                [
                    "Perbandingan target dan realisasi setiap IKU digambarkan pada ",
                    Ref("fig-bab3-target-realisasi"),
                    ".",
                ]
            )
        )
    return blocks


# --- capaian of the tujuan indicators ---------------------------------------------------------
def _tujuan_names(ctx: ReportContext) -> dict[str, str]:
    return {str(r.get("kode")): str(r.get("uraian") or "") for r in ctx.data.table("tujuan")}


def capaian_tujuan(ctx: ReportContext) -> list[Block]:
    """ "Capaian Indikator Tujuan": how many tujuan are measured by how many indicators, then
    one sentence per indicator (target, realisasi, capaian and category, like the IKU; how a
    mean of other indicators was computed)."""
    results = tujuan_indicators(ctx)
    if not results:
        return []
    tujuan = len({r.induk for r in results})
    blocks: list[Block] = [
        Heading("Capaian Indikator Tujuan", level=3),
        Para(
            [
                f"Ketercapaian {bilangan_terbilang(tujuan)} tujuan Renstra diukur dengan "
                f"{bilangan_terbilang(len(results))} indikator tujuan. Target, realisasi, "
                "capaian dan kategorinya disajikan pada ",
                Ref("tbl-bab3-capaian-tujuan"),
                ".",
            ]
        ),
    ]
    blocks += [Para(iku_sentence(ctx, r)) for r in results]
    return blocks


def tabel_capaian_tujuan(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-capaian-tujuan: target, realisasi, capaian and category of every tujuan
    indicator (the tujuan merged over its indicators), with their average when there are
    several."""
    results = tujuan_indicators(ctx)
    if not results:
        return []
    names = _tujuan_names(ctx)
    rows = []
    number = 0
    for index, result in enumerate(results):
        first = index == 0 or results[index - 1].induk != result.induk
        number += first
        later = [r.induk for r in results[index:]]
        span = next((n for n, induk in enumerate(later) if induk != result.induk), len(later))
        head = [
            Cell(str(number), rowspan=span),
            Cell(names.get(result.induk, result.induk), rowspan=span),
        ]
        rows.append(
            [
                *(head if first else []),
                result.uraian,
                result.satuan or "-",
                value(result.target),
                value(result.realisasi),
                _pct(result.capaian.nilai),
                kategori_capaian(result.capaian, ctx.rules),
            ]
        )
    foot = []
    if len(results) > 1:
        average_ = average(results, ctx.rules)
        foot = [
            [
                Cell("Rata-rata capaian indikator tujuan", colspan=6),
                _pct(average_.nilai),
                kategori_capaian(average_, ctx.rules),
            ]
        ]
    header = _capaian_header(ctx, "Tujuan", "Indikator Tujuan")
    return [
        table(
            header,
            rows,
            aligns=["center", "left", "left", "left", "right", "right", "right", "center"],
            foot=foot,
            source=_source(SUMBER_OLAHAN, ctx),
        )
    ]


def tabel_klasifikasi(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-klasifikasi: number of sasaran exceeding, meeting or missing their target."""
    counts = category_counts(ctx.sasaran)
    total = sum(counts.values())
    if not total:
        return []
    rows = [
        ["1", "Melampaui target (capaian > 100%)", str(counts["melampaui"])],
        ["2", "Sesuai target (capaian = 100%)", str(counts["sesuai"])],
        ["3", "Tidak mencapai target (capaian < 100%)", str(counts["tidak_mencapai"])],
    ]
    return [
        table(
            ["No", "Klasifikasi", "Jumlah Sasaran"],
            rows,
            aligns=["center", "left", "right"],
            foot=[[Cell("Jumlah", colspan=2), str(total)]],
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _capaian_group(ctx), 1),
        )
    ]


def _target_realisasi_data(ctx: ReportContext) -> list[IndicatorResult]:
    return [r for r in ctx.iku if r.target is not None and r.realisasi is not None]


def grafik_target_realisasi(ctx: ReportContext) -> Chart | list[Chart] | None:
    """fig-bab3-target-realisasi: target and realisasi per IKU, bars from zero, each labelled
    with its value. IKU of one unit share a chart, named by their text; IKU of different units
    each get a panel of their own (two side by side), on their own scale and named in its
    title, so that every bar is drawn and labelled in its own unit."""
    data = _target_realisasi_data(ctx)
    if not data:
        return None
    colors = (charts.COLORS["target"], charts.COLORS["realisasi"])
    if len({r.satuan.strip().lower() for r in data}) == 1:
        targets = tuple(r.target for r in data)
        actuals = tuple(r.realisasi for r in data)
        return Chart(
            kind="grouped_bar",
            categories=tuple(r.uraian for r in data),
            series=(
                Series(name="Target", values=targets, color=colors[0]),
                Series(name="Realisasi", values=actuals, color=colors[1]),
            ),
            title_y=data[0].satuan.strip() or "Nilai",
            number_format=NumberFormat(places=charts.places([*targets, *actuals])),
            horizontal=True,  # the IKU named by their text, on the left
            height_cm=min(24.0, 2.2 + 1.2 * len(data)),
        )
    width = panel_width(2)
    return [
        Chart(
            kind="grouped_bar",
            categories=(f"Tahun {ctx.tahun}",),
            series=(
                Series(name="Target", values=(r.target,), color=colors[0]),
                Series(name="Realisasi", values=(r.realisasi,), color=colors[1]),
            ),
            title=r.uraian,
            title_y=r.satuan.strip() or "Nilai",
            number_format=NumberFormat(places=charts.places([r.target, r.realisasi])),
            width_pt=width,
            height_cm=6.0,
        )
        for r in data
    ]


# --- target and realisasi per quarter -----------------------------------------------------------
PART_TRIWULAN_KINERJA = "triwulan-kinerja"
TW = ("TW I", "TW II", "TW III", "TW IV")


def _quarters(row: dict[str, object], kind: str) -> list[Decimal | None]:
    return [row.get(f"{kind}_tw{q}") for q in range(1, 5)]  # type: ignore[misc]


def _quarterly(ctx: ReportContext) -> list[tuple[IndicatorResult, list, list]]:
    """Indicators with quarterly values in the report year, when any realisasi per quarter is
    recorded (quarterly targets alone are shown in the Perjanjian Kinerja)."""
    if not ctx.enabled(PART_TRIWULAN_KINERJA):
        return []
    values = target_rows(ctx.data, ctx.rules)
    found = []
    for result in _all_indicators(ctx):
        row = values.get((result.kode, ctx.tahun), {})
        targets, reals = _quarters(row, "target"), _quarters(row, "realisasi")
        if any(v is not None for v in [*targets, *reals]):
            found.append((result, targets, reals))
    if not any(v is not None for _, _, reals in found for v in reals):
        return []
    return found


def triwulan_kinerja(ctx: ReportContext) -> list[Block]:
    """The quarterly realisations recorded (``realisasi_tw1`` … ``realisasi_tw4``)."""
    data = _quarterly(ctx)
    if not data:
        return []
    items: list[list[Inline]] = []
    for result, _targets, reals in data:
        recorded = [
            f"{TW[q]} {with_unit(v, result.satuan)}" for q, v in enumerate(reals) if v is not None
        ]
        if recorded:
            items.append([f"{result.uraian}: {_join(recorded)}."])
    return [
        Para(
            [
                "Selain realisasi tahunan, realisasi kinerja per triwulan tercatat sebagai berikut; "
                "target dan realisasi setiap triwulan disajikan pada ",
                Ref("tbl-bab3-triwulan"),
                ".",
            ]
        ),
        ListBlock(items),
    ]


def tabel_triwulan_kinerja(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-triwulan: target and realisasi of each quarter beside the annual ones."""
    data = _quarterly(ctx)
    if not data:
        return []
    head = [
        [
            Cell("No", rowspan=2),
            Cell("Indikator", rowspan=2),
            Cell("Satuan", rowspan=2),
            Cell(f"Target {ctx.tahun}", rowspan=2),
            *[Cell(q, colspan=2, align="center") for q in TW],
            Cell(f"Realisasi {ctx.tahun}", rowspan=2),
        ],
        [Cell(t) for _ in TW for t in ("Target", "Realisasi")],
    ]
    rows = []
    for n, (result, targets, reals) in enumerate(data, start=1):
        cells = [str(n), result.uraian, result.satuan or "-", value(result.target)]
        for target, real in zip(targets, reals, strict=True):
            cells += [value(target), value(real)]
        rows.append([*cells, value(result.realisasi)])
    return [
        table(
            head,
            rows,
            aligns=["center", "left", "left", *["right"] * 10],
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _capaian_group(ctx), 2),
            wide=True,
            widths=[0.04, 0.22, 0.07, 0.07, *[0.064] * 8, 0.088],
        )
    ]
