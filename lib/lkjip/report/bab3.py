"""BAB III Akuntabilitas Kinerja: method, capaian of the IKU, analysis per sasaran (PermenPAN-RB
53/2014), program performance, financial accountability, efficiency, prestasi and dokumentasi.

Every function is a pure function of the report context and returns blocks (possibly none) or a
matplotlib figure (or None). The parts, in order, and the ids that switch them off
(``bagian_nonaktif``) are declared in :mod:`lkjip.report.outline`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from lkjip.formatting import (
    angka,
    angka_bertanda,
    angka_ringkas,
    bilangan_terbilang,
    persen,
    rupiah,
    rupiah_ringkas,
)
from lkjip.loader import Row
from lkjip.metrics.budget import BudgetLine, pagu_units, share
from lkjip.metrics.capaian import (
    HUNDRED,
    IndicatorResult,
    SasaranResult,
    average,
    category_counts,
    in_force,
    indicator_result,
    mean,
    target_rows,
)
from lkjip.metrics.comparators import OPD, Ranked, opd_mean, opd_ranking, opd_rows
from lkjip.metrics.efficiency import SasaranEfficiency, efisiensi
from lkjip.metrics.sdm import AbkLine, abk_lines, sdm_by_sasaran, total_need
from lkjip.metrics.trend import Trend, YearValue, progress_to_end, trend
from lkjip.report import figures
from lkjip.report.bab2 import sumber_dana_kalimat
from lkjip.report.blocks import (
    Align,
    Block,
    Cell,
    Heading,
    Inline,
    ListBlock,
    Para,
    Ref,
    Strong,
    Table,
)
from lkjip.report.common import grouped_source, table, value, with_unit
from lkjip.report.context import ReportContext
from lkjip.report.narrative import section_for_outcome
from lkjip.report.photos import Photo, photo_png
from lkjip.report.sentences import (
    BATAS_SERAPAN,
    LEVEL_WORDS,
    absorption_units,
    amount,
    budget_level_sentence,
    budget_sentence,
    capping_note,
    codes_shown,
    efficiency_sentence,
    efisiensi_text,
    efisiensi_verdict,
    hasil,
    iku_sentence,
    indicator_index,
    kategori_capaian,
    multi_unit,
    node_indicators,
    overall,
    overall_efficiency,
    overall_sentence,
    renstra_tahun_ke,
    subkegiatan_name,
    under_absorbed,
    under_absorbed_items,
    unit_label,
)
from lkjip.rules import Aturan, Band
from lkjip.validate_sheets import photo_folder, photo_too_large

SUMBER_OLAHAN = "Data capaian kinerja Kecamatan {kecamatan} Tahun {tahun}, diolah"
SUMBER_ANGGARAN = "Data realisasi anggaran Kecamatan {kecamatan} Tahun {tahun}, diolah"
JENIS_BELANJA = {
    "pegawai": "Belanja Pegawai",
    "barang_jasa": "Belanja Barang dan Jasa",
    "modal": "Belanja Modal",
    "hibah": "Belanja Hibah",
    "": "Jenis belanja belum diisi",
}
TINGKAT = {
    "kecamatan_lain": "Kecamatan lain",
    "kecamatan": "Kecamatan",
    "kota": "Kota",
    "kabupaten": "Kabupaten",
    "provinsi": "Provinsi",
    "nasional": "Nasional",
    "internasional": "Internasional",
}
NARASI_SASARAN = ("faktor-pendukung", "faktor-penghambat", "solusi")
NARASI_CATATAN = "Catatan"


# --- helpers -----------------------------------------------------------------------------------
def _source(template: str, ctx: ReportContext) -> str:
    return template.format(kecamatan=ctx.kecamatan, tahun=ctx.tahun)


def _pct(number: Decimal | None) -> str:
    """A percentage in a column headed "(%)": 104,74."""
    return angka(number)


def _money(amount_: int | None) -> str:
    """Rupiah in a column headed "(Rp)": 3.180.247.616 ("-" when not recorded)."""
    return angka(amount_, 0)


def _small_heading(text: str) -> Heading:
    """A sub-heading of the per-sasaran analysis: a real (unnumbered) heading, so it shows in
    Word's navigation pane and stays with the paragraph after it."""
    return Heading(text, level=4)


def _join(items: Sequence[str]) -> str:
    """ "a", "a dan b", "a, b dan c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _numbered(ctx: ReportContext) -> list[tuple[int, SasaranResult]]:
    return list(enumerate(ctx.sasaran, start=1))


def _all_sasaran_names(ctx: ReportContext) -> dict[str, str]:
    return {str(r.get("kode")): str(r.get("uraian") or "") for r in ctx.data.table("sasaran")}


def _known(values: list[YearValue]) -> list[YearValue]:
    return [v for v in values if v.realisasi is not None]


# Consecutive tables of one section from one source print the source once, after the group
# (:func:`lkjip.report.common.grouped_source`). Each group lists whether each of its tables is
# shown, in the order of the notebook; a table's source is then ``_group_source(...)``.
TREN_NOTE = "; ▲ naik, ● tetap, ▼ turun dibanding tahun sebelumnya"


def _capaian_group(ctx: ReportContext) -> list[bool]:
    """3.2: capaian IKU, klasifikasi, triwulan."""
    return [bool(ctx.iku), bool(sum(category_counts(ctx.sasaran).values())), bool(_quarterly(ctx))]


def _tren_group(ctx: ReportContext) -> list[bool]:
    """3.3: the IKU and the program indicators over the years (both with the arrows' note)."""
    return [_tren_shown(ctx), _tren_program_shown(ctx)]


def _renstra_group(ctx: ReportContext) -> list[bool]:
    """3.3: the IKU and the program indicators against the Renstra end target."""
    return [any(r.target_akhir is not None for r in ctx.iku), bool(_renstra_programs(ctx))]


def _anggaran_group(ctx: ReportContext) -> list[bool]:
    """3.5: the budget per program, per sasaran, per unit and per jenis belanja."""
    return [
        bool(ctx.budget.children),
        bool(_sasaran_lines(ctx)),
        bool(_unit_lines(ctx)),
        bool(_jenis_lines(ctx)),
    ]


def _arrow(t: Trend) -> str:
    """The "Tren" cell: the arrow and the signed change, "▲ +1,67", "▼ −0,01", "● 0"."""
    return t.simbol if t.perubahan is None else f"{t.simbol} {angka_bertanda(t.perubahan)}"


def _trends(ctx: ReportContext) -> dict[str, Trend]:
    return {r.kode: trend(r, ctx.data, ctx.rules) for r in ctx.iku}


# --- intro and method --------------------------------------------------------------------------
def pengantar(ctx: ReportContext) -> list[Block]:
    """Opening text of the chapter (city boilerplate ``akuntabilitas``)."""
    return [ctx.narrative("akuntabilitas", "akuntabilitas")]


def _rentang(scale: list[Band], index: int) -> str:
    """The interval of band ``index`` as the genre writes it: "> 90", "> 80 s.d. 90", "≤ 40"."""
    band = scale[index]
    upper = scale[index - 1] if index > 0 else None
    lower_text = None
    if band.min is not None:
        lower_text = f"{'≥' if band.min_inklusif else '>'} {value(band.min)}"
    if upper is None or upper.min is None:
        return lower_text or "semua nilai"
    if lower_text is None:
        return f"{'<' if upper.min_inklusif else '≤'} {value(upper.min)}"
    if band.min == upper.min:
        return f"= {value(band.min)}"
    if upper.min_inklusif:
        return f"{lower_text} s.d. < {value(upper.min)}"
    return f"{lower_text} s.d. {value(upper.min)}"


def _rumus_turun(rules: Aturan) -> str:
    if rules.capaian_turun == "dua_kali_target":
        return "Capaian = (2 × Target − Realisasi) ÷ Target × 100%"
    return "Capaian = Target ÷ Realisasi × 100%"


def _rumus_efisiensi(rules: Aturan) -> str:
    if rules.efisiensi == "selisih":
        return "Efisiensi = Capaian Kinerja − Capaian Anggaran (dalam poin persen)"
    return "Efisiensi = (Capaian Kinerja ÷ Capaian Anggaran − 1) × 100%"


def pembulatan_text(rules: Aturan) -> str:
    """The rounding rule in force (``aturan.pembulatan``), as the method text states it."""
    if rules.pembulatan == "potong":
        cara = (
            "dengan cara pemotongan: angka ketiga di belakang koma dan seterusnya diabaikan tanpa "
            "pembulatan (95,255 ditulis 95,25)"
        )
    else:
        cara = "dengan pembulatan setengah ke atas (95,255 ditulis 95,26; 95,254 ditulis 95,25)"
    return (
        f"Angka desimal disajikan dengan dua angka di belakang koma {cara}. Pembulatan dilakukan "
        "satu kali, pada saat penyajian; seluruh perhitungan memakai nilai sebelum pembulatan."
    )


def metode(ctx: ReportContext) -> list[Block]:
    """How capaian is measured (formulas per polarity, from the rules) up to the category table."""
    rules = ctx.rules
    jumlah = bilangan_terbilang(len(rules.skala_capaian))
    return [
        Para(
            [
                "Pengukuran kinerja dilakukan dengan membandingkan target setiap indikator kinerja "
                f"dalam Perjanjian Kinerja Tahun {ctx.tahun} dengan realisasinya. Capaian kinerja "
                "setiap indikator dihitung dengan rumus berikut:"
            ]
        ),
        ListBlock(
            [
                [
                    "indikator yang semakin tinggi realisasinya semakin baik: ",
                    Strong("Capaian = Realisasi ÷ Target × 100%"),
                ],
                [
                    "indikator yang semakin rendah realisasinya semakin baik: ",
                    Strong(_rumus_turun(rules)),
                ],
            ]
        ),
        Para(
            [
                f"Nilai capaian kemudian dikelompokkan ke dalam {jumlah} kategori sebagaimana ",
                Ref("tbl-bab3-skala"),
                ".",
            ]
        ),
    ]


def _rumus_tingkat(ctx: ReportContext) -> str:
    """How the amounts of a level follow from the level below, as the budget was recorded."""
    total = ctx.budget
    if {total.basis.get("pagu"), total.basis.get("realisasi")} <= {"subkegiatan", None}:
        return "Pagu dan realisasi program dan kegiatan merupakan jumlah dari sub kegiatannya"
    return (
        "Pagu dan realisasi setiap tingkat (kegiatan, program, seluruh anggaran) merupakan jumlah "
        "dari tingkat di bawahnya bila seluruh bagiannya memuat angka tersebut; bila tidak, "
        "dipakai angka yang tercatat pada tingkat itu sendiri (termasuk per kelompok belanja)"
    )


def tabel_skala(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-skala: the category scale of capaian, written from the rules' bands."""
    scale = ctx.rules.skala_capaian
    with_codes = codes_shown(scale)
    header = (["Kode"] if with_codes else []) + ["Rentang Nilai Capaian (%)", "Kategori"]
    rows = [
        ([band.kode] if with_codes else []) + [_rentang(scale, i), band.label]
        for i, band in enumerate(scale)
    ]
    aligns: list[Align] = (["center"] if with_codes else []) + ["center", "left"]
    return [table(header, rows, aligns=aligns)]


def metode_ketentuan(ctx: ReportContext) -> list[Block]:
    """Capping, aggregation, budget and efficiency rules, and the rules' name and source."""
    rules = ctx.rules
    blocks: list[Block] = []
    limits = []
    if rules.capaian_batas_atas is not None:
        atas = value(rules.capaian_batas_atas)
        limits.append(f"capaian di atas {atas}% dihitung {atas}")
    if rules.capaian_batas_bawah is not None:
        bawah = value(rules.capaian_batas_bawah)
        limits.append(f"capaian di bawah {bawah}% dihitung {bawah}")
    if limits:
        blocks.append(
            Para(
                [
                    f"Untuk penentuan kategori, {_join(limits)}. Perhitungan rata-rata tetap "
                    "memakai nilai capaian sebelum pembatasan tersebut."
                ]
            )
        )
    blocks.append(
        Para(
            [
                "Capaian sasaran strategis adalah rata-rata capaian indikator kinerja utamanya, dan "
                "capaian kinerja organisasi adalah rata-rata capaian seluruh Indikator Kinerja "
                "Utama (IKU)."
            ]
        )
    )
    if rules.persen_induk == "rata_rata":
        induk = (
            "persentase program dan kegiatan adalah rata-rata persentase sub kegiatan di bawahnya"
        )
    else:
        induk = "persentase program dan kegiatan dihitung dari jumlah realisasi dibagi jumlah pagu"
    blocks.append(
        Para(
            [
                "Capaian (serapan) anggaran dihitung dengan rumus ",
                Strong("Capaian Anggaran = Realisasi ÷ Pagu × 100%"),
                ", dan sisa anggaran dengan rumus ",
                Strong("SiLPA = Pagu − Realisasi"),
                f". {_rumus_tingkat(ctx)}; {induk}.",
            ]
        )
    )
    makna = (
        "Nilai positif berarti capaian kinerja lebih tinggi daripada serapan anggaran."
        if rules.efisiensi == "selisih"
        else "Nilai positif berarti setiap persen serapan anggaran menghasilkan capaian kinerja "
        "yang lebih tinggi."
    )
    blocks.append(
        Para(
            [
                "Efisiensi penggunaan sumber daya diukur dengan membandingkan capaian kinerja "
                "sasaran dengan capaian anggaran sub kegiatan yang mendukungnya: ",
                Strong(_rumus_efisiensi(rules)),
                f". {makna}",
            ]
        )
    )
    blocks.append(Para([pembulatan_text(rules)]))
    # The rules' source is the regulation (``sumber`` of the preset, or the city's override),
    # never a report: a report does not cite itself for its own method.
    sumber = rules.sumber.strip().rstrip(".")
    blocks.append(Para([f"Ketentuan pengukuran tersebut berpedoman pada {sumber}."]))
    return blocks


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
    header = [
        [
            Cell("No", rowspan=2),
            Cell("Sasaran Strategis", rowspan=2),
            Cell("Indikator Kinerja Utama", rowspan=2),
            Cell("Satuan", rowspan=2),
            Cell(f"Tahun {ctx.tahun}", colspan=3, align="center"),
            Cell("Kategori", rowspan=2),
        ],
        ["Target", "Realisasi", "Capaian (%)"],
    ]
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
PART_TUJUAN = "capaian-tujuan"


def tujuan_indicators(ctx: ReportContext) -> list[IndicatorResult]:
    """The tujuan indicators in force this year (part ``capaian-tujuan``)."""
    return ctx.indicators("tujuan") if ctx.enabled(PART_TUJUAN) else []


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
    header = [
        [
            Cell("No", rowspan=2),
            Cell("Tujuan", rowspan=2),
            Cell("Indikator Tujuan", rowspan=2),
            Cell("Satuan", rowspan=2),
            Cell(f"Tahun {ctx.tahun}", colspan=3, align="center"),
            Cell("Kategori", rowspan=2),
        ],
        ["Target", "Realisasi", "Capaian (%)"],
    ]
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


def _label(result: IndicatorResult, width: int = 24) -> str:
    return figures.wrap(result.uraian, width)


def fig_target_realisasi(ctx: ReportContext) -> Figure | None:
    """fig-bab3-target-realisasi: target and realisasi per IKU, bars from zero, each labelled
    with its value; when the units differ the bars are normalised to the target (= 100) and
    still labelled with the actual values."""
    data = _target_realisasi_data(ctx)
    if not data:
        return None
    same_unit = len({r.satuan.strip().lower() for r in data}) == 1
    figure, axes = figures.new_figure(height=3.4, width=max(figures.WIDTH_IN, 1.6 * len(data)))
    positions = list(range(len(data)))
    width = 0.38
    if same_unit:
        targets = [figures.as_float(r.target) for r in data]
        actuals = [figures.as_float(r.realisasi) for r in data]
        unit = data[0].satuan
        axes.set_ylabel(figures.literal(unit) if unit.strip() else "Nilai")
    else:
        targets = [100.0] * len(data)
        actuals = [figures.as_float(r.capaian.nilai) for r in data]
        axes.set_ylabel("Persen terhadap target")
    bars_t = axes.bar(
        [p - width / 2 for p in positions],
        targets,
        width,
        label="Target",
        color=figures.COLORS["target"],
    )
    bars_r = axes.bar(
        [p + width / 2 for p in positions],
        actuals,
        width,
        label="Realisasi",
        color=figures.COLORS["realisasi"],
    )
    figures.bars_from_zero(axes, max([*targets, *actuals]))
    figures.label_bar(axes, bars_t, [value(r.target) for r in data])
    figures.label_bar(axes, bars_r, [value(r.realisasi) for r in data])
    axes.set_xticks(positions, [_label(r) for r in data], fontsize=7)
    axes.tick_params(axis="y", labelsize=8)
    axes.yaxis.label.set_size(8)
    figures.indonesian_ticks(axes)
    figures.legend_above(figure, axes)
    return figure


# --- analysis per sasaran ----------------------------------------------------------------------
def _has_history(t: Trend, tahun: int) -> bool:
    return any(v.realisasi is not None for v in t.tahun if v.tahun < tahun)


def analisis_pengantar(ctx: ReportContext) -> list[Block]:
    """Lead-in of the per-sasaran analysis, pointing to the combined tables and figure."""
    parts: list[Inline] = [
        "Analisis capaian kinerja setiap sasaran strategis meliputi perbandingan target dan "
        f"realisasi Tahun {ctx.tahun}, perbandingan dengan tahun-tahun sebelumnya, dengan target "
        "akhir Renstra dan dengan capaian tingkat lain, faktor penyebab keberhasilan atau "
        "kegagalan beserta solusinya, efisiensi penggunaan sumber daya, serta program yang "
        "mendukung pencapaiannya."
    ]
    refs: list[list[Inline]] = []
    if tabel_tren(ctx):
        years = [v.tahun for v in next(iter(_trends(ctx).values())).tahun]
        tren: list[Inline] = [
            f"realisasi {figures.tahun_rentang(years)} pada ",
            Ref("tbl-bab3-tren"),
        ]
        if _tren_data(ctx):
            tren += [" dan ", Ref("fig-bab3-tren")]
        refs.append(tren)
    if tabel_tren_program(ctx):
        refs.append(["realisasi indikator program pada ", Ref("tbl-bab3-tren-program")])
    if tabel_renstra(ctx):
        refs.append(["kemajuan terhadap target akhir Renstra pada ", Ref("tbl-bab3-renstra")])
    if tabel_renstra_program(ctx):
        refs.append(["kemajuan indikator program pada ", Ref("tbl-bab3-renstra-program")])
    if tabel_pembanding(ctx):
        refs.append(["perbandingan dengan tingkat lain pada ", Ref("tbl-bab3-pembanding")])
    if tabel_pembanding_opd(ctx):
        refs.append(["peringkat di antara perangkat daerah pada ", Ref("tbl-bab3-pembanding-opd")])
    if refs:
        parts.append(" Sebagai ringkasan, ")
        for i, ref in enumerate(refs):
            if i:
                parts.append(", serta " if i == len(refs) - 1 else ", ")
            parts += ref
        parts.append(" disajikan lebih dahulu; uraian setiap sasaran menyusul sesudahnya.")
    return [Para(parts)]


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


def _renstra_header(ctx: ReportContext) -> list[str]:
    periode = ctx.variables().get("periode_renstra", "")
    return [
        "Satuan",
        f"Target Akhir Renstra {periode}".strip(),
        f"Realisasi {ctx.tahun}",
        "Tingkat Kemajuan (%)",
    ]


def _renstra_cells(result: IndicatorResult, ctx: ReportContext, progress: list) -> list[str]:
    """Uraian, satuan, end target, realisasi and progress; the progress also goes to
    ``progress`` (for the average)."""
    kemajuan = progress_to_end(result, ctx.rules)
    if kemajuan is not None:
        progress.append(kemajuan)
    return [
        result.uraian,
        result.satuan,
        value(result.target_akhir),
        value(result.realisasi),
        _pct(kemajuan),
    ]


def tabel_renstra(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-renstra: this year's realisasi of each IKU against the Renstra end target."""
    if not any(r.target_akhir is not None for r in ctx.iku):
        return []
    rows = []
    progress: list[Decimal] = []
    for number, result in enumerate(ctx.iku, start=1):
        rows.append([str(number), *_renstra_cells(result, ctx, progress)])
    header = ["No", "Indikator Kinerja Utama", *_renstra_header(ctx)]
    foot = [[Cell("Rata-rata tingkat kemajuan", colspan=5), _pct(mean(progress))]]
    return [
        table(
            header,
            rows,
            aligns=["center", "left", "left", "right", "right", "right"],
            foot=foot,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _renstra_group(ctx), 0),
            widths=[0.05, 0.37, 0.1, 0.18, 0.14, 0.16],
        )
    ]


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


def _all_indicators(ctx: ReportContext) -> list[IndicatorResult]:
    seen: set[str] = set()
    results = []
    for result in [
        *ctx.iku,
        *(
            r
            for level in ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
            for r in ctx.indicators(level)
        ),
    ]:
        if result.kode not in seen:
            seen.add(result.kode)
            results.append(result)
    return results


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


def _trend_sentence(ctx: ReportContext, result: IndicatorResult, t: Trend) -> Para | None:
    known = _known(t.tahun)
    if t.arah is None or len(known) < 2:
        return None
    before, now = known[-2], known[-1]
    parts = []
    if len(known) >= 3:
        parts.append(
            f"Realisasi {result.uraian} dalam {bilangan_terbilang(len(known))} tahun terakhir "
            "adalah "
            + _join([f"{with_unit(v.realisasi, result.satuan)} ({v.tahun})" for v in known])
            + "."
        )
        subject = f"Pada tahun {now.tahun} realisasinya"
    else:
        subject = f"Realisasi {result.uraian} tahun {now.tahun}"
    if t.arah == "tetap":
        parts.append(f"{subject} sama dengan tahun {before.tahun}.")
    else:
        kata = "peningkatan" if t.arah == "naik" else "penurunan"
        change = amount(abs(t.perubahan), result.satuan)  # type: ignore[arg-type]
        parts.append(
            f"{subject} mengalami {kata} sebesar {change} dibanding tahun {before.tahun} "
            f"(dari {with_unit(before.realisasi, result.satuan)} menjadi "
            f"{with_unit(now.realisasi, result.satuan)})."
        )
        if result.polaritas == "turun":
            makna = "membaik" if t.membaik else "menurun"
            parts.append(
                f"Karena indikator ini semakin baik bila realisasinya semakin rendah, {kata} "
                f"tersebut menunjukkan kinerja yang {makna}."
            )
        else:
            parts.append(
                "Kinerja indikator ini membaik." if t.membaik else "Kinerja indikator ini menurun."
            )
    return Para([" ".join(parts)])


def _renstra_sentence(ctx: ReportContext, result: IndicatorResult) -> Para | None:
    kemajuan = progress_to_end(result, ctx.rules)
    if result.target_akhir is None or kemajuan is None:
        return None
    periode = ctx.variables().get("periode_renstra", "")
    label = f"Renstra {periode}" if periode else "Renstra"
    text = (
        f"Target akhir {label} untuk {result.uraian} adalah "
        f"{with_unit(result.target_akhir, result.satuan)}; realisasi tahun {ctx.tahun} sebesar "
        f"{with_unit(result.realisasi, result.satuan)} atau tingkat kemajuan {persen(kemajuan)} "
        "dari target akhir."
    )
    tahun_ke = renstra_tahun_ke(ctx)
    if tahun_ke:
        text += f" Tahun {ctx.tahun} merupakan {tahun_ke}."
    return Para([text])


def _comparator_sentence(ctx: ReportContext, result: IndicatorResult) -> Para:
    rows = _comparators(ctx, result.kode)
    opd = _opd_sentence(ctx, result)
    if opd and (not rows or result.realisasi is None):
        return Para([opd, " (", Ref("tbl-bab3-pembanding-opd"), ")."])
    if not rows or result.realisasi is None:
        return Para(
            [
                f"Belum tersedia standar nasional maupun nilai pembanding dari tingkat lain untuk "
                f"indikator {result.uraian}."
            ]
        )
    clauses = []
    for row in rows:
        nilai = row["nilai"]
        difference = result.realisasi - nilai  # type: ignore[operator]
        name = _comparator_name(row)
        if difference == 0:
            clauses.append(f"sama dengan {name} ({value(nilai)})")  # type: ignore[arg-type]
        else:
            posisi = "di atas" if difference > 0 else "di bawah"
            clauses.append(
                f"{posisi} {name} ({value(nilai)}; selisih "  # type: ignore[arg-type]
                f"{amount(abs(difference), result.satuan)})"
            )
    text = (
        f"Realisasi {result.uraian} tahun {ctx.tahun} sebesar "
        f"{with_unit(result.realisasi, result.satuan)} berada {_join(clauses)}."
    )
    if result.polaritas == "turun":
        text += (
            " Karena indikator ini semakin baik bila realisasinya semakin rendah, nilai di bawah "
            "pembanding menunjukkan kinerja yang lebih baik."
        )
    if opd:
        return Para([f"{text} {opd}", " (", Ref("tbl-bab3-pembanding-opd"), ")."])
    return Para([text])


def _narrative_mode(ctx: ReportContext) -> str:
    """ "umum" when the kecamatan wrote the general factor sections and none per sasaran."""
    per_sasaran = any(
        ctx.has_narrative(f"{base}-sasaran-{n}")
        for base in NARASI_SASARAN
        for n in range(1, len(ctx.sasaran) + 1)
    )
    general = any(ctx.has_narrative(base) for base in NARASI_SASARAN)
    return "umum" if general and not per_sasaran else "sasaran"


def _efficiency_sentence(ctx: ReportContext, eff: SasaranEfficiency) -> Para:
    if not eff.pagu:
        return Para(
            [
                "Tidak ada anggaran sub kegiatan yang dipetakan ke sasaran ini, sehingga "
                "efisiensinya tidak dapat dihitung."
            ]
        )
    if eff.realisasi is None:
        level = LEVEL_WORDS.get(ctx.budget.basis.get("realisasi") or "", "")
        where = f"tercatat per {level}" if level else "belum tercatat"
        return Para(
            [
                f"Sasaran ini didukung anggaran {rupiah(eff.pagu)}. Realisasi anggaran {where}, "
                "tidak per sasaran, sehingga serapan anggaran dan efisiensi sasaran ini tidak "
                "dapat dihitung; efisiensi dihitung untuk keseluruhan anggaran."
            ]
        )
    text = (
        f"Sasaran ini didukung anggaran {rupiah(eff.pagu)} dengan realisasi "
        f"{rupiah(eff.realisasi)} (serapan {persen(eff.capaian_anggaran)}). "
    )
    if eff.efisiensi is None:
        text += "Efisiensinya belum dapat dihitung karena capaian kinerjanya belum tersedia."
    else:
        text += (
            f"Dibandingkan dengan capaian kinerja sebesar {persen(eff.capaian_kinerja)}, tingkat "
            f"efisiensinya {efisiensi_text(eff.efisiensi, ctx.rules)}; penggunaan anggaran "
            f"tergolong {efisiensi_verdict(eff.efisiensi)}."
        )
    return Para([text])


def supporting_programs(ctx: ReportContext, kode: str) -> list[tuple[BudgetLine, bool]]:
    """Programs of the anggaran rows mapped to sasaran ``kode``: the whole program line when all
    its sub-kegiatan support the sasaran (``True``), else a line of just those sub-kegiatan."""
    found = []
    for program in ctx.budget.children:
        units = pagu_units(program)
        mine = [x for x, sasaran in units if sasaran == kode]
        if not mine:
            continue
        if len(mine) == len(units):
            found.append((program, True))
            continue
        part = BudgetLine(program.kode, program.nama, "program", children=mine)
        pagu, realisasi = [x.pagu for x in mine], [x.realisasi for x in mine]
        part.pagu = None if None in pagu else sum(pagu)  # type: ignore[arg-type]
        part.realisasi = None if None in realisasi else sum(realisasi)  # type: ignore[arg-type]
        part.averaged = program.averaged
        found.append((part, False))
    return found


def _programs_list(ctx: ReportContext, kode: str) -> list[Block]:
    programs = supporting_programs(ctx, kode)
    if not programs:
        return [Para(["Belum ada program yang dipetakan ke sasaran ini pada sheet anggaran."])]
    items: list[list[Inline]] = []
    for line, whole in programs:
        text = f"{line.nama}: pagu {rupiah(line.pagu)}"
        if line.realisasi is not None:
            text += f", realisasi {rupiah(line.realisasi)} ({persen(line.persen)})"
        if not whole:
            word = LEVEL_WORDS[line.children[0].level] if line.children else "sub kegiatan"
            text += f", hanya {bilangan_terbilang(len(line.children))} {word} yang mendukung"
        items.append([text + "."])
    jumlah = bilangan_terbilang(len(programs))
    return [
        Para([f"Sasaran ini didukung oleh {jumlah} program berikut:"]),
        ListBlock(items),
    ]


def _reached(capaian: Decimal | None) -> bool | None:
    """Whether a target was reached (capaian of at least 100%), None when not measured."""
    return None if capaian is None else capaian >= HUNDRED


def _factor(ctx: ReportContext, anchor: str, reached: bool | None) -> list[Block]:
    """A factor section under a heading that fits the outcome: a sasaran that reached its target
    gets "Kendala yang Masih Dihadapi", not "Faktor Penghambat", and its placeholder asks what
    can still improve, not for the causes of a failure (:func:`section_for_outcome`)."""
    section = section_for_outcome(anchor, reached)
    assert section is not None, anchor  # every factor anchor is in the catalogue
    block = ctx.narrative(anchor)
    block = dataclasses.replace(block, title=section.title, instruction=section.instruction)
    return [_small_heading(section.title), block]


def analisis_sasaran(ctx: ReportContext) -> list[Block]:
    """Per sasaran: capaian, trend, Renstra progress, comparators, narrative factors, efficiency
    and supporting programs (PermenPAN-RB 53/2014); general factor sections once at the end when
    the kecamatan wrote those instead of per-sasaran ones."""
    trends = _trends(ctx)
    efficiency = {e.kode: e for e in ctx.efficiency}
    mode = _narrative_mode(ctx)
    blocks: list[Block] = []
    for n, sasaran in _numbered(ctx):
        blocks.append(Heading(f"Sasaran {n}: {sasaran.uraian}", level=3))
        iku = sasaran.indikator
        if not iku:
            blocks.append(Para(["Sasaran ini belum memiliki Indikator Kinerja Utama."]))
        blocks += [Para(iku_sentence(ctx, r)) for r in iku]
        if len(iku) > 1 and sasaran.capaian.nilai is not None:
            text = (
                f"Rata-rata capaian sasaran ini sebesar {persen(sasaran.capaian.nilai)} "
                f"({kategori_capaian(sasaran.capaian, ctx.rules, True)}), sehingga sasaran ini "
                f"{hasil(sasaran.capaian.nilai)}."
            )
            note = capping_note(sasaran.capaian, ctx.rules)
            blocks.append(Para([f"{text} {note}" if note else text]))
        elif sasaran.capaian.nilai is not None:
            blocks.append(Para([f"Dengan demikian, sasaran ini {hasil(sasaran.capaian.nilai)}."]))

        trend_paras = [p for r in iku if (p := _trend_sentence(ctx, r, trends[r.kode]))]
        if trend_paras:
            blocks += [_small_heading("Perbandingan dengan Tahun Sebelumnya"), *trend_paras]
        renstra_paras = [p for r in iku if (p := _renstra_sentence(ctx, r))]
        if renstra_paras:
            blocks += [_small_heading("Perbandingan dengan Target Akhir Renstra"), *renstra_paras]
        if iku:
            blocks.append(_small_heading("Perbandingan dengan Capaian Tingkat Lain"))
            blocks += [_comparator_sentence(ctx, r) for r in iku]

        if mode == "sasaran":
            reached = _reached(sasaran.capaian.nilai)
            for base in NARASI_SASARAN:
                blocks += _factor(ctx, f"{base}-sasaran-{n}", reached)

        blocks.append(_small_heading("Efisiensi Penggunaan Sumber Daya"))
        eff = efficiency.get(sasaran.kode)
        if eff is not None:
            blocks.append(_efficiency_sentence(ctx, eff))
        if ctx.has_narrative(f"efisiensi-sasaran-{n}"):
            blocks.append(ctx.narrative(f"efisiensi-sasaran-{n}"))

        blocks.append(_small_heading("Program Pendukung"))
        blocks += _programs_list(ctx, sasaran.kode)
        if ctx.has_narrative(f"catatan-sasaran-{n}"):
            blocks += [
                _small_heading(NARASI_CATATAN),
                ctx.narrative(f"catatan-sasaran-{n}"),
            ]

    general = [base for base in NARASI_SASARAN if mode == "umum" or ctx.has_narrative(base)]
    if general:
        measured = [s.capaian.nilai for s in ctx.sasaran if s.capaian.nilai is not None]
        reached = all(_reached(v) for v in measured) if measured else None
        title = (
            "Faktor Pendukung, Kendala dan Upaya Peningkatan Kinerja"
            if reached
            else "Faktor Pendukung, Penghambat dan Solusi"
        )
        blocks.append(Heading(title, level=3))
        for base in general:
            blocks += _factor(ctx, base, reached)
    if ctx.has_narrative("upaya-perbaikan"):
        blocks += [Heading("Upaya Perbaikan Kinerja", level=3), ctx.narrative("upaya-perbaikan")]
    return blocks


# --- program, kegiatan and sub-kegiatan --------------------------------------------------------
def _program_rows(ctx: ReportContext) -> list[list[Cell]]:
    index = indicator_index(ctx)
    rows: list[list[Cell]] = []
    for line in ctx.budget.walk():
        if line.level == "total":
            continue
        bold = line.level == "program"
        name = subkegiatan_name(ctx, line)
        money = [
            Cell(_money(line.pagu), bold=bold),
            Cell(_money(line.realisasi), bold=bold),
            Cell(_pct(line.persen), bold=bold),
        ]
        results = node_indicators(ctx, line, index) or [None]
        for i, result in enumerate(results):
            node = (
                [Cell(line.kode, bold=bold), Cell(name, bold=bold)] if i == 0 else [Cell(), Cell()]
            )
            if result is None:
                performance = [Cell("-"), Cell(""), Cell(""), Cell("")]
            else:
                performance = [
                    Cell(result.uraian),
                    Cell(with_unit(result.target, result.satuan)),
                    Cell(with_unit(result.realisasi, result.satuan)),
                    Cell(_pct(result.capaian.nilai)),
                ]
            rows.append(node + performance + (money if i == 0 else [Cell(), Cell(), Cell()]))
    return rows


def _has_program_indicators(ctx: ReportContext) -> bool:
    return any(ctx.indicators(level) for level in ("program", "kegiatan", "subkegiatan"))


def kinerja_program(ctx: ReportContext) -> list[Block]:
    """Heading and lead-in of "Capaian Kinerja Program dan Kegiatan" (part ``kinerja-program``)."""
    if not ctx.enabled("kinerja-program") or not _has_program_indicators(ctx):
        return []
    results = [r for level in ("program", "kegiatan", "subkegiatan") for r in ctx.indicators(level)]
    measured = [r for r in results if r.capaian.nilai is not None]
    reached = [r for r in measured if r.capaian.nilai >= HUNDRED]  # type: ignore[operator]
    missed = [r for r in measured if r.capaian.nilai < HUNDRED]  # type: ignore[operator]
    blocks: list[Block] = [
        Heading("Capaian Kinerja Program dan Kegiatan", level=2),
        Para(
            [
                "Capaian indikator program, kegiatan dan sub kegiatan beserta anggarannya "
                "disajikan pada ",
                Ref("tbl-bab3-kinerja-program"),
                f". Dari {bilangan_terbilang(len(measured))} indikator yang capaiannya dapat "
                f"diukur, {bilangan_terbilang(len(reached))} indikator mencapai atau melampaui "
                f"target.",
            ]
        ),
    ]
    if missed:
        blocks.append(Para(["Indikator yang belum mencapai target:"]))
        blocks.append(
            ListBlock(
                [
                    [
                        f"{r.uraian}: target {with_unit(r.target, r.satuan)}, realisasi "
                        f"{with_unit(r.realisasi, r.satuan)} (capaian {persen(r.capaian.nilai)})."
                    ]
                    for r in missed
                ]
            )
        )
    return blocks


def tabel_kinerja_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-kinerja-program: indicators and budget following program → kegiatan →
    sub-kegiatan."""
    if not ctx.enabled("kinerja-program") or not _has_program_indicators(ctx):
        return []
    head = [
        [
            Cell("Kode", rowspan=2),
            Cell("Program/Kegiatan/Sub Kegiatan", rowspan=2),
            Cell("Indikator", rowspan=2),
            Cell("Kinerja", colspan=3, align="center"),
            Cell("Anggaran", colspan=3, align="center"),
        ],
        [
            Cell("Target"),
            Cell("Realisasi"),
            Cell("Capaian (%)"),
            Cell("Pagu (Rp)"),
            Cell("Realisasi (Rp)"),
            Cell("%"),
        ],
    ]
    total = ctx.budget
    foot = [
        [
            Cell("Jumlah", colspan=6),
            Cell(_money(total.pagu)),
            Cell(_money(total.realisasi)),
            Cell(_pct(total.persen)),
        ]
    ]
    aligns: list[Align] = [
        "left",
        "left",
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
    ]
    return [
        Table(
            head=head,
            body=_program_rows(ctx),
            foot=[[Cell(c.text, c.colspan, c.rowspan, c.align, True) for c in row] for row in foot],
            aligns=aligns,
            source=_source(SUMBER_OLAHAN, ctx),
            wide=True,
            widths=[0.13, 0.17, 0.19, 0.07, 0.07, 0.06, 0.12, 0.12, 0.07],
        )
    ]


# --- financial accountability -----------------------------------------------------------------
def _count_nodes(ctx: ReportContext) -> tuple[int, int, int]:
    lines = list(ctx.budget.walk())
    return (
        sum(x.level == "program" for x in lines),
        sum(x.level == "kegiatan" for x in lines),
        sum(x.level == "subkegiatan" for x in lines),
    )


def _belanja_groups(ctx: ReportContext) -> bool:
    """True when the table per jenis belanja shows the kelompok belanja of sheet ``belanja``
    (gaji / non gaji, BTL / BL) rather than the jenis_belanja of the sub kegiatan."""
    by_column = any(r.get("jenis_belanja") for r in ctx.data.table("anggaran"))
    usable = by_column and all(x.pagu is not None for x in ctx.budget_by("jenis_belanja"))
    return bool(ctx.budget.groups) and not usable


def _jenis_lines(ctx: ReportContext) -> list[BudgetLine]:
    """Budget per jenis belanja (part ``jenis-belanja``: table and figure), when filled: from the
    sub kegiatan's jenis_belanja, else the kelompok belanja of sheet ``belanja``."""
    if not ctx.enabled("jenis-belanja"):
        return []
    if _belanja_groups(ctx):
        return ctx.budget.groups
    if not any(r.get("jenis_belanja") for r in ctx.data.table("anggaran")):
        return []
    lines = ctx.budget_by("jenis_belanja")
    return lines if all(x.pagu is not None for x in lines) else []


def _jenis_names(ctx: ReportContext, lines: list[BudgetLine]) -> list[str]:
    if _belanja_groups(ctx):
        return [x.nama for x in lines]
    return [JENIS_BELANJA.get(x.kode, x.kode) for x in lines]


def _counts_text(ctx: ReportContext) -> str:
    """ "Anggaran tersebut dilaksanakan melalui 5 (lima) program, 12 (dua belas) kegiatan dan
    30 (tiga puluh) sub kegiatan." (the levels the budget lists)."""
    counts = [
        (n, word)
        for n, word in zip(_count_nodes(ctx), ("program", "kegiatan", "sub kegiatan"), strict=True)
        if n
    ]
    if not counts:
        return ""
    parts = [f"{bilangan_terbilang(n)} {word}" for n, word in counts]
    return f"Anggaran tersebut dilaksanakan melalui {_join(parts)}."


def keuangan(ctx: ReportContext) -> list[Block]:
    """Budget sentence (with terbilang), the level the budget was recorded at, counts, extremes
    and pointers to the budget tables."""
    total = ctx.budget
    blocks: list[Block] = [budget_sentence(ctx)]
    if not total.pagu:
        return blocks
    text = _counts_text(ctx)
    if level := budget_level_sentence(ctx):
        text += f" {level}"
    if total.pagu_murni is not None and total.perubahan:
        arah = "bertambah" if total.perubahan > 0 else "berkurang"
        text += (
            f" Pagu tersebut adalah pagu setelah perubahan; pagu murni sebesar "
            f"{rupiah(total.pagu_murni)}, sehingga {arah} {rupiah(abs(total.perubahan))}."
        )
    if sumber := sumber_dana_kalimat(ctx):
        text += f" {sumber}"
    if text.strip():
        blocks.append(Para([text.strip()]))
    measured = [p for p in total.children if p.persen is not None]
    if len(measured) > 1:
        high = max(measured, key=lambda p: p.persen)  # type: ignore[arg-type,return-value]
        low = min(measured, key=lambda p: p.persen)  # type: ignore[arg-type,return-value]
        blocks.append(
            Para(
                [
                    f"Serapan tertinggi terdapat pada {high.nama} ({persen(high.persen)}) dan "
                    f"serapan terendah pada {low.nama} ({persen(low.persen)})."
                ]
            )
        )
    refs: list[list[Inline]] = []
    if tabel_anggaran_program(ctx):
        refs.append(["per program pada ", Ref("tbl-bab3-anggaran-program")])
        if _program_figure_lines(ctx):
            refs[-1] += [" dan ", Ref("fig-bab3-anggaran")]
    if tabel_anggaran_sasaran(ctx):
        refs.append(["per sasaran strategis pada ", Ref("tbl-bab3-anggaran-sasaran")])
    if tabel_anggaran_unit(ctx):
        refs.append(["per unit pelaksana pada ", Ref("tbl-bab3-anggaran-unit")])
    if tabel_jenis_belanja(ctx):
        word = "kelompok" if _belanja_groups(ctx) else "jenis"
        jenis: list[Inline] = [f"per {word} belanja pada ", Ref("tbl-bab3-jenis-belanja")]
        refs.append([*jenis, " dan ", Ref("fig-bab3-jenis-belanja")])
    if not refs:
        return blocks
    parts: list[Inline] = ["Rincian anggaran disajikan "]
    for i, ref in enumerate(refs):
        if i:
            parts.append(", serta " if i == len(refs) - 1 else ", ")
        parts += ref
    parts.append(".")
    blocks.append(Para(parts))
    return blocks


def _total_of(lines: list[BudgetLine], total: BudgetLine) -> BudgetLine:
    """The footer line of a table of ``lines``: the budget's total when the lines make it up,
    else their own sum (kelompok belanja that leave part of the budget out)."""
    pagu = [x.pagu for x in lines]
    realisasi = [x.realisasi for x in lines]
    if (
        None not in pagu
        and sum(pagu) == total.pagu
        and (  # type: ignore[arg-type]
            None in realisasi or sum(realisasi) == total.realisasi  # type: ignore[arg-type]
        )
    ):
        return total
    return BudgetLine(
        "",
        "Jumlah",
        "total",
        pagu=None if None in pagu else sum(pagu),  # type: ignore[arg-type]
        realisasi=None if None in realisasi else sum(realisasi),  # type: ignore[arg-type]
    )


def _budget_table(
    first: str, lines: list[BudgetLine], total: BudgetLine, names: list[str], source: str
) -> Table:
    """No, name, pagu, realisasi (Rp, %) and SiLPA (Rp, % of the pagu) per line, with the total;
    where no line has a realisasi (a budget recorded per program, realised per kelompok
    belanja), the name, pagu and share of the budget only."""
    if all(x.realisasi is None for x in lines):
        return _pagu_table(first, lines, total, names, source)

    def money(x: BudgetLine) -> list[str]:
        return [
            _money(x.pagu),
            _money(x.realisasi),
            _pct(x.persen),
            _money(x.silpa),
            _pct(x.silpa_persen),
        ]

    rows = [
        [str(i), name, *money(x)]
        for i, (x, name) in enumerate(zip(lines, names, strict=True), start=1)
    ]
    foot = [[Cell("Jumlah", colspan=2), *money(_total_of(lines, total))]]
    header = [
        [
            Cell("No", rowspan=2),
            Cell(first, rowspan=2),
            Cell("Pagu (Rp)", rowspan=2),
            Cell("Realisasi", colspan=2, align="center"),
            Cell("SiLPA", colspan=2, align="center"),
        ],
        ["Nominal (Rp)", "%", "Nominal (Rp)", "%"],
    ]
    return table(
        header,
        rows,
        aligns=["center", "left", "right", "right", "right", "right", "right"],
        foot=foot,
        source=source,
    )


def _pagu_table(
    first: str, lines: list[BudgetLine], total: BudgetLine, names: list[str], source: str
) -> Table:
    """No, name, pagu and its share of the total: a budget without realisasi at this level."""
    whole = _total_of(lines, total)
    rows = [
        [str(i), name, _money(x.pagu), _pct(share(x.pagu, whole.pagu))]
        for i, (x, name) in enumerate(zip(lines, names, strict=True), start=1)
    ]
    foot = [[Cell("Jumlah", colspan=2), _money(whole.pagu), _pct(share(whole.pagu, whole.pagu))]]
    return table(
        ["No", first, "Pagu (Rp)", "Porsi Anggaran (%)"],
        rows,
        aligns=["center", "left", "right", "right"],
        foot=foot,
        source=source,
    )


def tabel_anggaran_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-anggaran-program: pagu, realisasi, % and SiLPA per program, with the total."""
    programs = ctx.budget.children
    if not programs:
        return []
    names = [p.nama for p in programs]
    source = grouped_source(_source(SUMBER_ANGGARAN, ctx), _anggaran_group(ctx), 0)
    return [_budget_table("Program", programs, ctx.budget, names, source)]


def _sasaran_lines(ctx: ReportContext) -> list[BudgetLine]:
    """The budget per sasaran in the sasaran's order ([] without a budget)."""
    if not ctx.budget.pagu:
        return []
    order = {s.kode: index for index, s in enumerate(ctx.sasaran)}
    return sorted(ctx.budget_by("sasaran"), key=lambda line: order.get(line.kode, len(order)))


def tabel_anggaran_sasaran(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-anggaran-sasaran: each sasaran's share of the budget, pagu, realisasi and %
    (pagu and share only when the realisasi is not recorded at the sasaran's level)."""
    lines = _sasaran_lines(ctx)
    total = ctx.budget
    if not lines:
        return []
    names = _all_sasaran_names(ctx)
    with_real = any(x.realisasi is not None for x in lines)

    def cells(x: BudgetLine) -> list[str]:
        real = [_money(x.realisasi), _pct(x.persen)] if with_real else []
        return [_pct(share(x.pagu, total.pagu)), _money(x.pagu), *real]

    rows = [
        [
            str(i),
            names.get(x.kode, x.kode) if x.kode else "Belum dipetakan ke sasaran",
            *cells(x),
        ]
        for i, x in enumerate(lines, start=1)
    ]
    foot = [[Cell("Jumlah", colspan=2), *cells(total)]]
    header = ["No", "Sasaran Strategis", "Porsi Anggaran (%)", "Pagu (Rp)"]
    header += ["Realisasi (Rp)", "%"] if with_real else []
    return [
        table(
            header,
            rows,
            aligns=["center", "left", *["right"] * (4 if with_real else 2)],
            foot=foot,
            source=grouped_source(_source(SUMBER_ANGGARAN, ctx), _anggaran_group(ctx), 1),
        )
    ]


def _unit_lines(ctx: ReportContext) -> list[BudgetLine]:
    """The budget per implementing unit, when there is more than one and their pagu is known."""
    if not multi_unit(ctx):
        return []
    lines = ctx.budget_by("unit")
    return lines if all(x.pagu is not None for x in lines) else []


def tabel_anggaran_unit(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-anggaran-unit: per implementing unit, only when there is more than one."""
    lines = _unit_lines(ctx)
    if not lines:
        return []
    names = [unit_label(ctx, x.kode) for x in lines]
    source = grouped_source(_source(SUMBER_ANGGARAN, ctx), _anggaran_group(ctx), 2)
    return [_budget_table("Unit Pelaksana", lines, ctx.budget, names, source)]


def tabel_jenis_belanja(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-jenis-belanja: pagu and realisasi per jenis belanja (when the column is filled)."""
    lines = _jenis_lines(ctx)
    if not lines:
        return []
    first = "Kelompok Belanja" if _belanja_groups(ctx) else "Jenis Belanja"
    source = grouped_source(_source(SUMBER_ANGGARAN, ctx), _anggaran_group(ctx), 3)
    return [_budget_table(first, lines, ctx.budget, _jenis_names(ctx, lines), source)]


def _rupiah_scale(largest: int) -> tuple[float, str]:
    if largest >= 1_000_000_000:
        return 1e9, "Miliar Rupiah"
    if largest >= 1_000_000:
        return 1e6, "Juta Rupiah"
    return 1.0, "Rupiah"


def fig_anggaran(ctx: ReportContext) -> Figure | None:
    """fig-bab3-anggaran: pagu and realisasi per program (horizontal bars, Rupiah in miliar or
    juta), each labelled with its absorption."""
    programs = _program_figure_lines(ctx)
    if not programs:
        return None
    return _pagu_realisasi_figure(programs, [p.nama for p in programs])


def _program_figure_lines(ctx: ReportContext) -> list[BudgetLine]:
    """The programs of the pagu/realisasi figure: all of them, when each has both."""
    programs = ctx.budget.children
    if not programs or not ctx.budget.pagu:
        return []
    known = all(p.pagu is not None and p.realisasi is not None for p in programs)
    return programs if known else []


def _pagu_realisasi_figure(programs: list[BudgetLine], names: list[str]) -> Figure:
    """Horizontal bars of pagu and realisasi per budget line, from zero, each bar labelled with
    its amount ("Rp 75 juta") and the realisasi with its %, so that a program of a few million
    stays readable beside one of billions."""
    from matplotlib.ticker import FuncFormatter

    scale, unit = _rupiah_scale(max(p.pagu or 0 for p in programs))
    figure, axes = figures.new_figure(height=0.75 * len(programs) + 1.2)
    figures.style(axes, grid="x")
    positions = list(range(len(programs)))[::-1]
    height = 0.38
    pagu = axes.barh(
        [p + height / 2 for p in positions],
        [x.pagu / scale for x in programs],
        height,
        color=figures.COLORS["target"],
        label="Pagu",
    )
    realisasi = axes.barh(
        [p - height / 2 for p in positions],
        [x.realisasi / scale for x in programs],
        height,
        color=figures.COLORS["realisasi"],
        label="Realisasi",
    )
    figures.bars_from_zero(axes, max(p.pagu or 0 for p in programs) / scale, axis="x", room=1.02)
    figures.label_bar(
        axes, pagu, [rupiah_ringkas(x.pagu) for x in programs], horizontal=True, inside_from=0.55
    )
    figures.label_bar(
        axes,
        realisasi,
        [f"{rupiah_ringkas(x.realisasi)} ({persen(x.persen)})" for x in programs],
        horizontal=True,
        inside_from=0.55,
    )
    axes.set_yticks(positions, [figures.wrap(name, 34) for name in names], fontsize=7)
    axes.set_xlabel(unit, fontsize=8)
    axes.tick_params(axis="x", labelsize=8)
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _pos: angka_ringkas(Decimal(str(round(v, 2)))))
    )
    figures.legend_above(figure, axes)
    return figure


def serapan_rendah(ctx: ReportContext) -> list[Block]:
    """Sub-kegiatan with absorption below the threshold, with their explanations."""
    if not ctx.budget.pagu or ctx.budget.realisasi is None:
        return []
    batas = value(BATAS_SERAPAN)
    word = absorption_units(ctx)
    items = under_absorbed_items(ctx)
    if not items:
        return [Para([f"Seluruh {word} memiliki serapan anggaran paling sedikit {batas}%."])]
    jumlah = bilangan_terbilang(len(items))
    return [
        Para([f"Terdapat {jumlah} {word} dengan serapan anggaran di bawah {batas}%, yaitu:"]),
        ListBlock(items),
    ]


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


def fig_kinerja_anggaran(ctx: ReportContext) -> Figure | None:
    """fig-bab3-kinerja-anggaran: capaian kinerja and serapan anggaran per sasaran (paired bars
    from zero, each labelled), the sasaran named by their text."""
    data = _efficiency_figure_data(ctx)
    if not data:
        return None
    width_chars = max(14, int(70 / len(data)))
    labels = [figures.wrap(e.uraian, width_chars) for _, e in data]
    lines = max(label.count("\n") + 1 for label in labels)
    figure, axes = figures.new_figure(height=2.8 + 0.12 * lines)
    positions = list(range(len(data)))
    width = 0.38
    series = (
        ("Capaian kinerja", [e.capaian_kinerja for _, e in data], figures.COLORS["kinerja"], -1),
        ("Serapan anggaran", [e.capaian_anggaran for _, e in data], figures.COLORS["anggaran"], 1),
    )
    series = tuple(item for item in series if any(v is not None for v in item[1]))
    highest = max(figures.as_float(v) for _, vs, _, _ in series for v in vs if v is not None)
    figures.bars_from_zero(axes, max(highest, 100.0))
    for label, values, color, side in series:
        bars = axes.bar(
            [p + side * width / 2 for p in positions],
            [figures.as_float(v) for v in values],
            width,
            label=label,
            color=color,
        )
        figures.label_bar(axes, bars, [persen(v) if v is not None else None for v in values])
    axes.axhline(100, color="#7f7f7f", linewidth=0.8, linestyle=":", zorder=0.5)
    axes.set_xticks(positions, labels, fontsize=7)
    axes.set_ylabel("Persen", fontsize=8)
    axes.tick_params(axis="y", labelsize=8)
    figures.indonesian_ticks(axes, suffix="%")
    figures.legend_above(figure, axes)
    return figure


def efisiensi_kesimpulan(ctx: ReportContext) -> list[Block]:
    """Overall efficiency sentence."""
    if not ctx.efficiency:
        return []
    return [efficiency_sentence(ctx)]


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


# --- program indicators over the years and against the Renstra end target ----------------------
PART_TREN_PROGRAM = "tren-program"
PART_RENSTRA_PROGRAM = "renstra-program"
ARAH = ("naik", "tetap", "turun")  # the order counts are listed in


def _by_program(ctx: ReportContext, results: list[IndicatorResult]) -> list[tuple[str, list]]:
    """Program indicators grouped under their program's name, in budget order."""
    groups: list[tuple[str, list]] = []
    names = {p.kode: p.nama for p in ctx.budget.children}
    order = [p.kode for p in ctx.budget.children]
    order += [r.induk for r in results if r.induk not in order]
    for kode in dict.fromkeys(order):
        mine = [r for r in results if r.induk == kode]
        if mine:
            groups.append((names.get(kode, kode), mine))
    return groups


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


def _renstra_programs(ctx: ReportContext) -> list[IndicatorResult]:
    if not ctx.enabled(PART_RENSTRA_PROGRAM):
        return []
    return [r for r in ctx.indicators("program") if r.target_akhir is not None]


def tabel_renstra_program(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-renstra-program: this year's realisasi of each program indicator against its
    Renstra end target."""
    results = _renstra_programs(ctx)
    if not results:
        return []
    rows: list[list[str | Cell]] = []
    progress: list[Decimal] = []
    for number, (nama, mine) in enumerate(_by_program(ctx, results), 1):
        for i, result in enumerate(mine):
            cells: list[str | Cell] = []
            if i == 0:
                cells += [Cell(str(number), rowspan=len(mine)), Cell(nama, rowspan=len(mine))]
            rows.append([*cells, *_renstra_cells(result, ctx, progress)])
    header = ["No", "Program", "Indikator Program", *_renstra_header(ctx)]
    foot = [[Cell("Rata-rata tingkat kemajuan", colspan=6), _pct(mean(progress))]]
    return [
        table(
            header,
            rows,
            aligns=["center", "left", "left", "left", "right", "right", "right"],
            foot=foot,
            source=grouped_source(_source(SUMBER_OLAHAN, ctx), _renstra_group(ctx), 1),
            wide=True,
            widths=[0.05, 0.24, 0.26, 0.09, 0.13, 0.11, 0.12],
        )
    ]


def renstra_program_uraian(ctx: ReportContext) -> list[Block]:
    """How many program indicators reached their Renstra end target; the ones that did not."""
    results = [r for r in _renstra_programs(ctx) if progress_to_end(r, ctx.rules) is not None]
    if not results:
        return []
    below = [r for r in results if progress_to_end(r, ctx.rules) < HUNDRED]  # type: ignore[operator]
    reached = len(results) - len(below)
    blocks: list[Block] = [
        Para(
            [
                f"Dari {bilangan_terbilang(len(results))} indikator program yang memiliki target "
                f"akhir Renstra, {bilangan_terbilang(reached)} indikator telah mencapai target "
                "akhirnya (",
                Ref("tbl-bab3-renstra-program"),
                ")." if not below else "), sedangkan yang belum:",
            ]
        )
    ]
    if below:
        blocks.append(
            ListBlock(
                [
                    [
                        f"{r.uraian}: realisasi {with_unit(r.realisasi, r.satuan)} atau "
                        f"{persen(progress_to_end(r, ctx.rules))} dari target akhir "
                        f"{with_unit(r.target_akhir, r.satuan)}."
                    ]
                    for r in below
                ]
            )
        )
    return blocks


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


# --- jenis belanja figure -----------------------------------------------------------------------
def fig_jenis_belanja(ctx: ReportContext) -> Figure | None:
    """fig-bab3-jenis-belanja: pagu and realisasi per jenis belanja (horizontal bars)."""
    lines = _jenis_lines(ctx)
    if not lines or not ctx.budget.pagu or any(x.realisasi is None for x in lines):
        return None
    return _pagu_realisasi_figure(lines, _jenis_names(ctx, lines))


# --- dokumentasi --------------------------------------------------------------------------------
def _photo_rows(ctx: ReportContext) -> list[Row]:
    """The dokumentasi rows whose photo can be printed (validation reports the others)."""
    if not ctx.enabled("dokumentasi"):
        return []
    folder = photo_folder(ctx.data.path)
    return [
        r
        for r in ctx.data.table("dokumentasi")
        if r.get("file") and r.get("keterangan") and _printable(folder / str(r["file"]).strip())
    ]


def _printable(path: Path) -> bool:
    """The photo exists and is not too large to decode (validation warns about the others)."""
    return path.is_file() and not photo_too_large(path)


def foto_dokumentasi(ctx: ReportContext) -> list[Photo]:
    """The photos of ``dokumentasi`` (files in ``foto/``), scaled down, each captioned with its
    keterangan and labelled ``fig-bab3-foto-N``."""
    folder = photo_folder(ctx.data.path)
    return [
        Photo(
            photo_png(folder / str(row["file"]).strip()),
            str(row["keterangan"]),
            f"fig-bab3-foto-{n}",
        )
        for n, row in enumerate(_photo_rows(ctx), start=1)
    ]


def dokumentasi(ctx: ReportContext) -> list[Block]:
    """ "Dokumentasi Kegiatan" (part ``dokumentasi``): heading and the sentence pointing to the
    photos (:func:`foto_dokumentasi`), which follow as numbered figures."""
    rows = _photo_rows(ctx)
    if not rows:
        return []
    content: list[Inline] = [
        f"Dokumentasi {bilangan_terbilang(len(rows))} kegiatan Kecamatan {ctx.kecamatan} Tahun "
        f"{ctx.tahun} disajikan pada ",
        Ref("fig-bab3-foto-1"),
    ]
    if len(rows) > 1:
        content += [" sampai ", Ref(f"fig-bab3-foto-{len(rows)}")]
    return [Heading("Dokumentasi Kegiatan", level=2), Para([*content, "."])]


__all__ = [
    "analisis_pengantar",
    "analisis_sasaran",
    "capaian_pengantar",
    "capaian_uraian",
    "dokumentasi",
    "efisiensi_kesimpulan",
    "efisiensi_pengantar",
    "efisiensi_sdm",
    "fig_anggaran",
    "fig_jenis_belanja",
    "fig_kinerja_anggaran",
    "fig_target_realisasi",
    "fig_tren",
    "foto_dokumentasi",
    "indikator_lain",
    "keuangan",
    "kinerja_program",
    "metode",
    "metode_ketentuan",
    "pengantar",
    "prestasi",
    "renstra_program_uraian",
    "serapan_rendah",
    "supporting_programs",
    "tabel_abk",
    "tabel_anggaran_program",
    "tabel_anggaran_sasaran",
    "tabel_anggaran_unit",
    "tabel_capaian_iku",
    "tabel_efisiensi",
    "tabel_indikator_lain",
    "tabel_jenis_belanja",
    "tabel_kinerja_program",
    "tabel_klasifikasi",
    "tabel_pembanding",
    "tabel_prestasi",
    "tabel_renstra",
    "tabel_renstra_program",
    "tabel_skala",
    "tabel_tren",
    "tabel_tren_program",
    "tabel_triwulan_kinerja",
    "tren_program_uraian",
    "triwulan_kinerja",
    "under_absorbed",
]
