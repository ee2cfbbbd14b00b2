"""Sentences generated from data, shared by the chapters (BAB III, BAB IV, Ikhtisar Eksekutif).

Every number comes from the report context and is formatted by :mod:`lkjip.formatting` (rounding
happens there, once); nothing is typed. Functions return inline lists, paragraphs or blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from lkjip.dates import MonthYear
from lkjip.formatting import angka, bilangan_terbilang, persen, rupiah, rupiah_terbilang, tanggal
from lkjip.formatting import terbilang as kata
from lkjip.metrics.anggaran import KECAMATAN_UNIT, BudgetLine, realisasi_units
from lkjip.metrics.capaian import (
    HUNDRED,
    Achievement,
    IndicatorResult,
    average,
    derivations,
    derived_parts,
    target_rows,
)
from lkjip.metrics.efisiensi import efisiensi
from lkjip.report.blocks import Inline, Para, Signature, Strong
from lkjip.report.common import nip, value, with_unit
from lkjip.report.context import ReportContext
from lkjip.rules import Aturan, Band

BATAS_SERAPAN = Decimal(80)
"""Sub-kegiatan whose budget absorption is below this percentage are listed with their reasons."""

_PERCENT_UNITS = {"%", "persen", "persen (%)"}
_PERIODE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")


# --- small wording helpers ---------------------------------------------------------------------
def is_percent(satuan: str) -> bool:
    """True for an indicator measured in percent."""
    return satuan.strip().lower() in _PERCENT_UNITS


def amount(number: Decimal | int | None, satuan: str) -> str:
    """A difference between two values of an indicator (percentage points for percentages)."""
    if number is None:
        return "-"
    if is_percent(satuan):
        return f"{value(number)} poin persen"
    return with_unit(number, satuan)


def urutan(n: int) -> str:
    """Ordinal in words: 1 → "pertama", 3 → "ketiga"."""
    return "pertama" if n == 1 else f"ke{kata(n)}"


def unit_label(ctx: ReportContext, unit: str) -> str:
    """Display name of an implementing unit (the kecamatan office or a kelurahan/desa)."""
    return f"Kecamatan {ctx.kecamatan}" if unit in ("", KECAMATAN_UNIT) else unit


def multi_unit(ctx: ReportContext) -> bool:
    """True when the budget is split over more than one implementing unit."""
    return len(ctx.anggaran_by("unit")) > 1


def subkegiatan_name(ctx: ReportContext, line: BudgetLine) -> str:
    """A sub-kegiatan name, with its unit when the budget has several units."""
    if line.level == "subkegiatan" and multi_unit(ctx):
        return f"{line.nama} ({unit_label(ctx, line.unit)})"
    return line.nama


# --- categories --------------------------------------------------------------------------------
def _initials(label: str) -> str:
    return "".join(word[0] for word in label.split()).upper()


def codes_shown(scale: list[Band]) -> bool:
    """True when a scale's codes carry their own meaning (AA, BB …) rather than abbreviating the
    labels (ST = Sangat Tinggi, Tercapai = Tercapai); only then are codes printed."""
    return any(
        not (band.label.lower().startswith(band.kode.lower()) or _initials(band.label) == band.kode)
        for band in scale
    )


def kategori(band: Band | None, scale: list[Band], sentence: bool = False) -> str:
    """A category as printed: "AA (Sangat Memuaskan)" in tables, "AA, Sangat Memuaskan" in
    running text; the label alone when codes merely abbreviate it."""
    if band is None:
        return "-"
    if not codes_shown(scale):
        return band.label
    return f"{band.kode}, {band.label}" if sentence else f"{band.kode} ({band.label})"


def kategori_capaian(achievement: Achievement, rules: Aturan, sentence: bool = False) -> str:
    return kategori(achievement.kategori, rules.skala_capaian, sentence)


def capping_note(achievement: Achievement, rules: Aturan) -> str | None:
    """Sentence saying that the category was taken from a capped value, if it was."""
    raw, limited = achievement.nilai, achievement.nilai_kategori
    if raw is None or limited is None or raw == limited:
        return None
    batas = "atas" if raw > limited else "bawah"
    return (
        f"Sesuai ketentuan batas {batas} capaian, kategori ditentukan dari nilai {value(limited)}%, "
        f"sedangkan perhitungan rata-rata tetap memakai nilai {persen(raw)}."
    )


def hasil(capaian: Decimal | None) -> str:
    """Verdict of a capaian against its target."""
    if capaian is None:
        return "belum dapat diukur"
    if capaian > HUNDRED:
        return "melampaui target"
    return "mencapai target" if capaian == HUNDRED else "belum mencapai target"


# --- indicators --------------------------------------------------------------------------------
def realisasi_sumber(ctx: ReportContext, result: IndicatorResult) -> str | None:
    """The stated source of this year's realisasi (e.g. the LHE letter), if any."""
    row = target_rows(ctx.data, ctx.rules).get((result.kode, result.tahun))
    text = str(row.get("sumber") or "").strip() if row else ""
    return text.rstrip(".") or None


def iku_sentence(ctx: ReportContext, result: IndicatorResult) -> list[Inline]:
    """ "<Indikator> ditargetkan <t> dan terealisasi <r> sehingga capaian kinerjanya <c>% (<kategori>)."
    plus polarity, capping and the source of the realisasi."""
    target = with_unit(result.target, result.satuan)
    achievement = result.capaian
    if achievement.nilai is None:
        text = (
            f"{result.uraian} ditargetkan {target}, tetapi capaian kinerjanya belum dapat "
            "dihitung karena realisasinya belum tersedia."
        )
    else:
        text = (
            f"{result.uraian} ditargetkan {target} dan terealisasi "
            f"{with_unit(result.realisasi, result.satuan)} sehingga capaian kinerjanya "
            f"{persen(achievement.nilai)} ({kategori_capaian(achievement, ctx.rules, True)})."
        )
    parts: list[str] = [text]
    if explained := derivation_text(ctx, result):
        parts.append(explained)
    if result.polaritas == "turun":
        parts.append("Indikator ini semakin baik bila realisasinya semakin rendah.")
    note = capping_note(achievement, ctx.rules)
    if note:
        parts.append(note)
    sumber = realisasi_sumber(ctx, result)
    if sumber:
        parts.append(f"Sumber realisasi: {sumber}.")
    return [" ".join(parts)]


def derivation_text(ctx: ReportContext, result: IndicatorResult) -> str | None:
    """How the realisasi of an indicator computed as the mean of others was obtained:
    "Realisasi … dihitung sebagai rata-rata realisasi 2 (dua) indikator, yaitu A (72,74) dan
    B (85,00)." None for an indicator entered as it is."""
    means = derivations(ctx.data)
    derivation = means.get(result.kode)
    if derivation is None:
        return None
    rows = {str(r.get("kode")): r for r in ctx.data.table("indikator")}
    parts = derived_parts(ctx.data, ctx.rules, result.kode, result.tahun, means)
    if not parts:
        return None
    what = "capaian" if derivation.cara == "rata_rata_capaian" else "realisasi"
    shown = []
    for code, contribution in parts:
        row = rows.get(code, {})
        name = str(row.get("uraian") or code)
        if what == "capaian":
            shown.append(f"{name} ({persen(contribution)})")
        else:
            shown.append(f"{name} ({with_unit(contribution, str(row.get('satuan') or ''))})")
    text = (
        f"Realisasi {result.uraian} dihitung sebagai rata-rata {what} "
        f"{bilangan_terbilang(len(parts))} indikator, yaitu {_join_id(shown)}"
    )
    if all(v is not None for _c, v in parts):
        return text + "."
    if result.realisasi is None:
        return text + "; realisasinya belum dapat dihitung karena belum semua nilai tersedia."
    return text + "; karena belum semua nilai tersedia, realisasinya adalah nilai yang dilaporkan."


def _join_id(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


def overall(ctx: ReportContext) -> Achievement:
    """Capaian kinerja organisasi: mean of the (uncapped) capaian of all IKU."""
    return average(ctx.iku, ctx.rules)


def overall_sentence(ctx: ReportContext) -> Para:
    """ "Rata-rata capaian 3 (tiga) IKU … sebesar 104,64% dengan kategori Tercapai." """
    result = overall(ctx)
    jumlah = bilangan_terbilang(len(ctx.iku))
    if result.nilai is None:
        return Para([f"Rata-rata capaian {jumlah} IKU belum dapat dihitung."])
    text = (
        f"Rata-rata capaian {jumlah} Indikator Kinerja Utama Kecamatan {ctx.kecamatan} "
        f"Tahun {ctx.tahun} sebesar "
    )
    parts: list[Inline] = [
        text,
        Strong(persen(result.nilai)),
        f" dengan kategori {kategori_capaian(result, ctx.rules)}.",
    ]
    note = capping_note(result, ctx.rules)
    if note:
        parts.append(" " + note)
    return Para(parts)


# --- budget and efficiency ---------------------------------------------------------------------
LEVEL_WORDS = {
    "subkegiatan": "sub kegiatan",
    "kegiatan": "kegiatan",
    "program": "program",
    "belanja": "kelompok belanja",
}
"""The levels a budget amount may be entered at (:data:`lkjip.metrics.anggaran.BASIS_ORDER`)."""


def silpa_text(line: BudgetLine) -> str:
    """ "sisa anggaran (SiLPA) sebesar Rp 184.843.101 atau 5,81% dari pagu", or the overrun."""
    silpa = line.silpa
    if silpa is None:
        return "sisa anggaran (SiLPA) yang belum dapat dihitung"
    if silpa < 0:
        return f"realisasi melampaui pagu sebesar {rupiah(-silpa)}"
    return (
        f"sisa anggaran (SiLPA) sebesar {rupiah(silpa)} atau {persen(line.silpa_persen)} dari pagu"
    )


def budget_sentence(ctx: ReportContext, words: bool = True) -> Para:
    """Pagu, realisasi (with terbilang), serapan and SiLPA (in Rupiah and as a percentage of the
    pagu) of the whole budget."""
    total = ctx.budget
    if not total.pagu:
        return Para([f"Data anggaran Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} belum tersedia."])

    def money(amount_: int) -> str:
        return f"{rupiah(amount_)} ({rupiah_terbilang(amount_)})" if words else rupiah(amount_)

    lead = (
        f"Pada Tahun {ctx.tahun} Kecamatan {ctx.kecamatan} mengelola anggaran belanja sebesar "
        f"{money(total.pagu)}"
    )
    if total.realisasi is None:
        return Para([f"{lead}; realisasinya belum tercatat."])
    parts: list[Inline] = [
        f"{lead} dengan realisasi {money(total.realisasi)} atau ",
        Strong(persen(total.persen)),
        f" dari pagu, sehingga terdapat {silpa_text(total)}."
        if (total.silpa or 0) >= 0
        else f" dari pagu, sehingga {silpa_text(total)}.",
    ]
    return Para(parts)


def _levels(lines: list[BudgetLine], column: str) -> list[str]:
    found = {line.basis.get(column) for line in lines} - {None}
    return [level for level in ("subkegiatan", "kegiatan", "program", "belanja") if level in found]


def budget_level_sentence(ctx: ReportContext) -> str | None:
    """At which level the budget was recorded and what can therefore be computed, when it is
    not recorded per sub kegiatan throughout: "Pagu anggaran tercatat per program, sedangkan
    realisasinya per kelompok belanja; …". None for a budget per sub kegiatan."""
    total = ctx.budget
    pagu, realisasi = total.basis.get("pagu"), total.basis.get("realisasi")
    if not total.pagu or pagu is None:
        return None
    texts = []
    if pagu != "subkegiatan" or realisasi != "subkegiatan":
        word = LEVEL_WORDS[pagu]
        finer = [LEVEL_WORDS[x] for x in _levels(total.children, "pagu") if x != pagu]
        if finer:
            word += f" (sebagian dirinci sampai {' dan '.join(finer)})"
        if realisasi == pagu:
            text = f"Pagu dan realisasi anggaran tercatat per {word}"
        elif realisasi is None:
            text = f"Pagu anggaran tercatat per {word}, sedangkan realisasinya belum tercatat"
        else:
            text = (
                f"Pagu anggaran tercatat per {word}, sedangkan realisasinya per "
                f"{LEVEL_WORDS[realisasi]}"
            )
        if realisasi == "belanja":
            text += (
                "; karena itu serapan anggaran dan SiLPA dihitung untuk seluruh anggaran dan per "
                "kelompok belanja, sedangkan serapan per program dan per sasaran strategis, serta "
                "efisiensi per sasaran, tidak dapat dihitung"
            )
        elif realisasi in ("program", "kegiatan"):
            text += (
                f"; karena itu serapan anggaran dan SiLPA dihitung sampai tingkat "
                f"{LEVEL_WORDS[realisasi]}, tanpa rincian di bawahnya"
            )
        texts.append(text + ".")
    listed = [x for x in total.walk() if x.level == "kegiatan" and x.pagu is None]
    if listed:
        texts.append(
            f"{bilangan_terbilang(len(listed))} kegiatan dicantumkan tanpa rincian anggaran."
            if len(listed) < sum(x.level == "kegiatan" for x in total.walk())
            else "Kegiatan dicantumkan tanpa rincian anggaran."
        )
    murni = _murni_level(total)
    if murni not in (None, "subkegiatan"):
        texts.append(f"Pagu murni (penetapan) tercatat per {LEVEL_WORDS[murni]}.")
    return " ".join(texts) or None


def _murni_level(total: BudgetLine) -> str | None:
    """The finest level at which a pagu murni was entered (None: none was)."""
    for level in ("subkegiatan", "kegiatan", "program"):
        lines = [x for x in total.walk() if x.level == level]
        if level == "subkegiatan" and any(x.pagu_murni is not None for x in lines):
            return level
        if any("pagu_murni" in x.entered for x in lines):
            return level
    return None


def efisiensi_text(number: Decimal | None, rules: Aturan) -> str:
    """An efficiency value with its unit: points for ``selisih``, percent for ``rasio``."""
    if number is None:
        return "-"
    return f"{angka(number)} poin persen" if rules.efisiensi == "selisih" else persen(number)


def efisiensi_verdict(number: Decimal | None) -> str:
    if number is None:
        return "tidak dapat dinilai"
    if number > 0:
        return "efisien, karena capaian kinerja lebih tinggi daripada serapan anggaran"
    if number == 0:
        return "seimbang, karena capaian kinerja sama dengan serapan anggaran"
    return "belum efisien, karena capaian kinerja lebih rendah daripada serapan anggaran"


def overall_efficiency(ctx: ReportContext) -> Decimal | None:
    """Efficiency of the whole organisation: overall capaian against total budget absorption."""
    return efisiensi(overall(ctx).nilai, ctx.budget.persen, ctx.rules)


def efficiency_sentence(ctx: ReportContext) -> Para:
    kinerja, serapan = overall(ctx).nilai, ctx.budget.persen
    nilai = overall_efficiency(ctx)
    if nilai is None:
        return Para(["Efisiensi penggunaan sumber daya secara keseluruhan belum dapat dihitung."])
    return Para(
        [
            f"Secara keseluruhan, rata-rata capaian kinerja sebesar {persen(kinerja)} dicapai dengan "
            f"serapan anggaran sebesar {persen(serapan)}, sehingga tingkat efisiensi sebesar ",
            Strong(efisiensi_text(nilai, ctx.rules)),
            f". Penggunaan sumber daya Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} tergolong "
            f"{efisiensi_verdict(nilai)}.",
        ]
    )


def under_absorbed(ctx: ReportContext, batas: Decimal = BATAS_SERAPAN) -> list[BudgetLine]:
    """Sub-kegiatan (per unit) whose realisasi is below ``batas`` percent of the pagu; where the
    realisasi is recorded at a coarser level, the kegiatan, programs or kelompok belanja
    (:func:`lkjip.metrics.anggaran.realisasi_units`)."""
    return [
        line
        for line in realisasi_units(ctx.budget)
        if line.persen is not None and line.persen < batas
    ]


def absorption_units(ctx: ReportContext) -> str:
    """What serapan is measured per: "sub kegiatan", "program", "sub kegiatan atau program"."""
    units = realisasi_units(ctx.budget)
    levels = [lv for lv in LEVEL_WORDS if any(u.level == lv for u in units)]
    return " atau ".join(LEVEL_WORDS[lv] for lv in levels) or "sub kegiatan"


def indicator_index(ctx: ReportContext) -> dict[tuple[str, str], list[IndicatorResult]]:
    """Program, kegiatan and sub-kegiatan indicators by (level, code of their budget node)."""
    index: dict[tuple[str, str], list[IndicatorResult]] = {}
    for level in ("program", "kegiatan", "subkegiatan"):
        for result in ctx.indicators(level):
            index.setdefault((level, result.induk), []).append(result)
    return index


def node_indicators(
    ctx: ReportContext,
    line: BudgetLine,
    index: dict[tuple[str, str], list[IndicatorResult]] | None = None,
) -> list[IndicatorResult]:
    """The indicators of one budget node; a sub-kegiatan indicator belongs to the row of its unit
    (an empty unit is the kecamatan office)."""
    index = indicator_index(ctx) if index is None else index
    found = index.get((line.level, line.kode), [])
    if line.level != "subkegiatan":
        return found

    def unit(result: IndicatorResult) -> str:
        return str(result.row.get("unit") or KECAMATAN_UNIT)

    exact = [r for r in found if unit(r) == line.unit]
    if exact:
        return exact
    same_code = [x for x in ctx.budget.walk() if x.level == "subkegiatan" and x.kode == line.kode]
    return [r for r in found if not r.row.get("unit")] if len(same_code) == 1 else []


def under_absorbed_items(ctx: ReportContext, batas: Decimal = BATAS_SERAPAN) -> list[list[Inline]]:
    """One list item per under-absorbed sub-kegiatan: money, output capaian and the reason
    (``penjelasan`` of the anggaran row, or a visible placeholder)."""
    index = indicator_index(ctx)
    items: list[list[Inline]] = []
    for line in under_absorbed(ctx, batas):
        text = (
            f"{subkegiatan_name(ctx, line)}: realisasi {rupiah(line.realisasi)} dari pagu "
            f"{rupiah(line.pagu)} ({persen(line.persen)})"
        )
        outputs = (
            [r for r in node_indicators(ctx, line, index) if r.capaian.nilai is not None]
            if line.level != "belanja"
            else []
        )
        if outputs:
            text += ", capaian keluaran " + " dan ".join(persen(r.capaian.nilai) for r in outputs)
        text += "."
        own = [line.row] if line.row is not None else line.rows
        reasons = [str(r.get("penjelasan") or "").strip() for r in own]
        reason = " ".join(r if r.endswith(".") else r + "." for r in reasons if r)
        if reason:
            items.append([f"{text} {reason}"])
        else:
            sheet = line.row.sheet if line.row is not None else "anggaran"
            items.append([f"{text} ", Strong(f"[BELUM DIISI: penjelasan di sheet {sheet}]")])
    return items


# --- planning period ---------------------------------------------------------------------------
def renstra_periode(ctx: ReportContext) -> tuple[int, int] | None:
    match = _PERIODE.search(ctx.variables().get("periode_renstra", ""))
    return (int(match.group(1)), int(match.group(2))) if match else None


def renstra_tahun_ke(ctx: ReportContext) -> str | None:
    """ "tahun pertama periode Renstra 2024-2026" (None when the period is unknown)."""
    periode = renstra_periode(ctx)
    if periode is None or not periode[0] <= ctx.tahun <= periode[1]:
        return None
    start, end = periode
    label = f"{start}-{end}"
    return f"tahun {urutan(ctx.tahun - start + 1)} periode Renstra {label}"


# --- shared texts and signature ----------------------------------------------------------------
def signature(ctx: ReportContext) -> Signature:
    """The Camat's signature block: place and date from profil (a date, or a month and year as
    entered), "CAMAT <KECAMATAN>", name, rank (when given) and NIP."""
    profil = ctx.data.profil
    tempat = str(profil.get("tempat_ttd") or ctx.kecamatan)
    tanggal_ttd = profil.get("tanggal_ttd")
    dated = isinstance(tanggal_ttd, dt.date | MonthYear)
    place_date = f"{tempat}, {tanggal(tanggal_ttd)}" if dated else tempat  # type: ignore[arg-type]
    return Signature(
        place_date=place_date,
        jabatan=f"CAMAT {ctx.kecamatan.upper()}",
        nama=str(profil.get("camat_nama") or ""),
        pangkat=str(profil.get("camat_pangkat") or ""),
        nip=nip(profil.get("camat_nip")),
    )
