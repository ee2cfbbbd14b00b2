"""BAB III, Efisiensi Penggunaan Sumber Daya: budget per sasaran and staff (ABK)."""

from __future__ import annotations

from lkjip.formatting import angka, angka_bertanda, bilangan_terbilang, persen
from lkjip.metrics.abk import AbkLine, abk_lines, sdm_by_sasaran, total_need
from lkjip.metrics.efisiensi import SasaranEfficiency, efisiensi
from lkjip.report import charts
from lkjip.report.bab3.helpers import SUMBER_OLAHAN, _numbered, _pct, _small_heading, _source
from lkjip.report.bab3.metode import _rumus_efisiensi
from lkjip.report.blocks import Align, Block, Cell, Inline, ListBlock, Para, Ref, Strong
from lkjip.report.chart import Chart, NumberFormat, Series
from lkjip.report.common import table
from lkjip.report.context import ReportContext
from lkjip.report.sentences import (
    LEVEL_WORDS,
    efficiency_sentence,
    efisiensi_text,
    overall,
    overall_efficiency,
)


# --- efficiency ---------------------------------------------------------------------------------
def efisiensi_pengantar(ctx: ReportContext) -> list[Block]:
    if not ctx.efficiency:
        return []
    parts: list[Inline] = [
        "Efisiensi penggunaan sumber daya setiap sasaran diukur dengan membandingkan capaian "
        "kinerja sasaran dengan serapan anggaran sub kegiatan yang mendukungnya, dengan rumus ",
        Strong(_rumus_efisiensi(ctx.rules)),
        ". Hasilnya disajikan pada ",
        Ref("tbl-bab3-efisiensi"),
    ]
    if _efficiency_figure_data(ctx):
        parts += [" dan ", Ref("fig-bab3-kinerja-anggaran")]
    parts.append(".")
    if ctx.efficiency and all(e.capaian_anggaran is None for e in ctx.efficiency):
        level = LEVEL_WORDS.get(ctx.budget.basis.get("realisasi") or "", "")
        where = f"tercatat per {level}" if level else "belum tercatat"
        parts.append(
            f" Karena realisasi anggaran {where}, tidak per sasaran, efisiensi hanya dapat "
            "dihitung untuk keseluruhan anggaran (baris Keseluruhan)."
        )
    return [Para(parts)]


def tabel_efisiensi(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-efisiensi: capaian kinerja, serapan anggaran and efisiensi per sasaran."""
    if not ctx.efficiency:
        return []
    iku = {s.kode: s.indikator for s in ctx.sasaran}
    unit = "poin persen" if ctx.rules.efisiensi == "selisih" else "%"
    rows = [
        [
            str(i),
            e.uraian,
            "; ".join(r.uraian for r in iku.get(e.kode, [])) or "-",
            _pct(e.capaian_kinerja),
            _pct(e.capaian_anggaran),
            angka(e.efisiensi) if e.efisiensi is not None else "-",
        ]
        for i, e in enumerate(ctx.efficiency, start=1)
    ]
    nilai = overall_efficiency(ctx)
    foot = [
        [
            Cell("Keseluruhan", colspan=3),
            _pct(overall(ctx).nilai),
            _pct(ctx.budget.persen),
            angka(nilai) if nilai is not None else "-",
        ]
    ]
    return [
        table(
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja Utama",
                "Capaian Kinerja (%)",
                "Serapan Anggaran (%)",
                f"Efisiensi ({unit})",
            ],
            rows,
            aligns=["center", "left", "left", "right", "right", "right"],
            foot=foot,
            source=f"{_source(SUMBER_OLAHAN, ctx)}; {_rumus_efisiensi(ctx.rules)}",
            wide=True,
            widths=[0.05, 0.3, 0.27, 0.13, 0.13, 0.12],
        )
    ]


def _efficiency_figure_data(ctx: ReportContext) -> list[tuple[int, SasaranEfficiency]]:
    return [
        (n, e)
        for n, e in enumerate(ctx.efficiency, start=1)
        if e.capaian_kinerja is not None or e.capaian_anggaran is not None
    ]


def grafik_kinerja_anggaran(ctx: ReportContext) -> Chart | None:
    """fig-bab3-kinerja-anggaran: capaian kinerja and serapan anggaran per sasaran (paired
    horizontal bars from zero, each labelled), the sasaran named by their text on the left."""
    data = _efficiency_figure_data(ctx)
    if not data:
        return None
    series = (
        ("Capaian kinerja", tuple(e.capaian_kinerja for _, e in data), charts.COLORS["kinerja"]),
        ("Serapan anggaran", tuple(e.capaian_anggaran for _, e in data), charts.COLORS["anggaran"]),
    )
    shown = [item for item in series if any(v is not None for v in item[1])]
    return Chart(
        kind="grouped_bar" if len(shown) > 1 else "bar",
        categories=tuple(e.uraian for _, e in data),
        series=tuple(Series(name=name, values=vs, color=color) for name, vs, color in shown),
        title_y="Persen",
        number_format=NumberFormat(kind="persen", places=2),
        horizontal=True,
        height_cm=min(24.0, 2.2 + 0.6 * len(shown) * len(data)),
    )


def efisiensi_kesimpulan(ctx: ReportContext) -> list[Block]:
    """Overall efficiency sentence."""
    if not ctx.efficiency:
        return []
    return [efficiency_sentence(ctx)]


# --- human resources (ABK) ----------------------------------------------------------------------
PART_ABK = "abk"


def _abk(ctx: ReportContext) -> list[AbkLine]:
    return abk_lines(ctx.data) if ctx.enabled(PART_ABK) else []


def _sasaran_label(ctx: ReportContext, kode: str) -> str:
    numbers = {s.kode: n for n, s in _numbered(ctx)}
    return f"Sasaran {numbers[kode]}" if kode in numbers else kode or "-"


def efisiensi_sdm(ctx: ReportContext) -> list[Block]:
    """Staff against the workload analysis: need, availability, fulfilment, shortages and the
    efficiency of each sasaran's staff against its capaian kinerja."""
    lines = _abk(ctx)
    if not lines:
        return []
    need, have, pemenuhan = total_need(lines)
    text = (
        f"Berdasarkan Analisis Beban Kerja (ABK), Kecamatan {ctx.kecamatan} membutuhkan "
        f"{bilangan_terbilang(need)} pegawai, sedangkan yang tersedia "
        f"{bilangan_terbilang(have)} pegawai, sehingga tingkat pemenuhan sumber daya manusia "
        f"sebesar {persen(pemenuhan)}."
    )
    short = [line for line in lines if line.selisih < 0]
    if short:
        missing = -sum(line.selisih for line in short)
        text += (
            f" Sebanyak {bilangan_terbilang(len(short))} jabatan masih kekurangan pegawai, "
            f"seluruhnya {bilangan_terbilang(missing)} orang."
        )
    else:
        text += " Seluruh kebutuhan pegawai menurut ABK telah terpenuhi."
    kinerja = overall(ctx).nilai
    nilai = efisiensi(kinerja, pemenuhan, ctx.rules)
    if nilai is not None:
        text += (
            f" Dengan tingkat pemenuhan tersebut, rata-rata capaian IKU sebesar {persen(kinerja)}, "
            f"sehingga efisiensi sumber daya manusia {efisiensi_text(nilai, ctx.rules)}."
        )
    blocks: list[Block] = [
        _small_heading("Efisiensi Sumber Daya Manusia"),
        Para([text, " Rinciannya disajikan pada ", Ref("tbl-bab3-abk"), "."]),
    ]
    per_sasaran = sdm_by_sasaran(ctx.data, ctx.rules, ctx.tahun)
    if per_sasaran:
        items: list[list[Inline]] = []
        for s in per_sasaran:
            line = (
                f"{_sasaran_label(ctx, s.kode)} ({s.uraian}): {bilangan_terbilang(s.ketersediaan)} "
                f"dari {bilangan_terbilang(s.kebutuhan)} pegawai yang dibutuhkan "
                f"({persen(s.pemenuhan)})"
            )
            if s.efisiensi is not None:
                line += (
                    f", capaian kinerja {persen(s.capaian_kinerja)}, efisiensi "
                    f"{efisiensi_text(s.efisiensi, ctx.rules)}"
                )
            items.append([line + "."])
        blocks += [Para(["Menurut sasaran strategis:"]), ListBlock(items)]
    return blocks


def tabel_abk(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-abk: per jabatan (or group), need by the ABK, availability, difference and
    fulfilment, with the totals."""
    lines = _abk(ctx)
    if not lines:
        return []
    with_sasaran = any(line.sasaran for line in lines)
    header = ["No", "Jabatan", *(["Sasaran"] if with_sasaran else [])]
    header += ["Kebutuhan (ABK)", "Ketersediaan", "Selisih", "Pemenuhan (%)"]
    rows = [
        [
            str(n),
            line.jabatan,
            *([_sasaran_label(ctx, line.sasaran)] if with_sasaran else []),
            angka(line.kebutuhan, 0),
            angka(line.ketersediaan, 0),
            angka_bertanda(line.selisih),
            _pct(line.pemenuhan),
        ]
        for n, line in enumerate(lines, start=1)
    ]
    need, have, pemenuhan = total_need(lines)
    foot = [
        [
            Cell("Jumlah", colspan=3 if with_sasaran else 2),
            angka(need, 0),
            angka(have, 0),
            angka_bertanda(have - need),
            _pct(pemenuhan),
        ]
    ]
    aligns: list[Align] = ["center", "left", *(["left"] if with_sasaran else []), *["right"] * 4]
    return [
        table(
            header,
            rows,
            aligns=aligns,
            foot=foot,
            source=f"Analisis Beban Kerja Kecamatan {ctx.kecamatan}; pemenuhan = ketersediaan ÷ "
            "kebutuhan × 100",
        )
    ]
