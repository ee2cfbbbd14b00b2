"""Lampiran: the Perjanjian Kinerja, the IKU matrix over every year with data, and the full
budget table (program → kegiatan → sub-kegiatan, per unit).

The Perjanjian Kinerja tables are the ones of BAB II (same builders, same numbers).
"""

from __future__ import annotations

from lkjip.formatting import persen, rupiah
from lkjip.metrics.anggaran import BudgetLine
from lkjip.metrics.capaian import capaian, target_rows
from lkjip.report import bab2
from lkjip.report.blocks import Align, Block, Cell, Heading, Para, Ref
from lkjip.report.common import daftar, para, periode_renstra, pihak_kedua, sumber_dana, value
from lkjip.report.context import ReportContext
from lkjip.report.sentences import budget_level_sentence
from lkjip.report.tables import has_units, leaves_in_order, table, uang, widths

PART_PK = "lampiran-pk"
PART_IKU = "lampiran-iku"
PART_ANGGARAN = "lampiran-anggaran"


# --- Perjanjian Kinerja -------------------------------------------------------------------------
def perjanjian_kinerja(ctx: ReportContext) -> list[Block]:
    """Heading and lead-in of the PK appendix; [] when switched off or without content."""
    if not ctx.enabled(PART_PK):
        return []
    iku, program = bab2.tabel_pk_iku(ctx), bab2.tabel_pk_program(ctx)
    if not iku and not program:
        return []
    camat = str(ctx.data.profil.get("camat_nama") or "").strip()
    pihak = f"Camat {ctx.kecamatan}" + (f" ({camat})" if camat else "")
    content: list[str | Ref] = [
        f"Perjanjian Kinerja Tahun {ctx.tahun} disepakati oleh {pihak} selaku pihak pertama "
        f"dan {pihak_kedua(ctx)} selaku pihak kedua. Perjanjian tersebut memuat "
    ]
    if iku:
        content += [
            "sasaran strategis dan Indikator Kinerja Utama beserta targetnya (",
            Ref("tbl-lamp-pk-iku"),
            ")",
        ]
    if program:
        content += [
            " serta " if iku else "",
            "program beserta anggarannya (",
            Ref("tbl-lamp-pk-program"),
            ")",
        ]
    content.append(".")
    return [Heading("Perjanjian Kinerja", level=2), Para([c for c in content if c])]


def tabel_pk_iku(ctx: ReportContext) -> list[Block]:
    """PK part A (sasaran, IKU, annual and quarterly targets), as in BAB II."""
    return bab2.tabel_pk_iku(ctx) if ctx.enabled(PART_PK) else []


def tabel_pk_program(ctx: ReportContext) -> list[Block]:
    """PK part B (programs, their indicators and budget), as in BAB II."""
    return bab2.tabel_pk_program(ctx) if ctx.enabled(PART_PK) else []


# --- Matriks IKU --------------------------------------------------------------------------------
def iku_years(ctx: ReportContext) -> list[int]:
    """Every year for which target_realisasi holds a row of one of the IKU."""
    codes = {r.kode for r in ctx.iku}
    return sorted({tahun for (kode, tahun) in target_rows(ctx.data, ctx.rules) if kode in codes})


def matriks_iku(ctx: ReportContext) -> list[Block]:
    """Heading and lead-in of the IKU matrix; [] when switched off or without IKU."""
    if not ctx.enabled(PART_IKU) or not ctx.iku:
        return []
    years = iku_years(ctx)
    span = f"Tahun {years[0]}–{years[-1]}" if len(years) > 1 else f"Tahun {ctx.tahun}"
    return [
        Heading("Matriks Indikator Kinerja Utama", level=2),
        para(
            f"Target, realisasi dan capaian setiap Indikator Kinerja Utama Kecamatan "
            f"{ctx.kecamatan} {span}, beserta target akhir Renstra, disajikan pada ",
            Ref("tbl-lamp-matriks-iku"),
            ".",
        ),
    ]


def tabel_matriks_iku(ctx: ReportContext) -> list[Block]:
    """Every IKU × every year with data: target, realisasi, capaian; plus the end target."""
    if not ctx.enabled(PART_IKU) or not ctx.iku:
        return []
    years = iku_years(ctx)
    values = target_rows(ctx.data, ctx.rules)
    rows: list[list[str | Cell]] = []
    for number, result in enumerate(ctx.iku, start=1):
        line: list[str | Cell] = [f"{number}.", result.uraian, result.satuan or "-"]
        for tahun in years:
            row = values.get((result.kode, tahun), {})
            target, realisasi = row.get("target"), row.get("realisasi")
            nilai = capaian(target, realisasi, result.polaritas, ctx.rules)  # type: ignore[arg-type]
            line += [value(target), value(realisasi), persen(nilai)]  # type: ignore[arg-type]
        line.append(value(result.target_akhir))
        rows.append(line)
    fixed = ["No", "Indikator Kinerja Utama", "Satuan"]
    periode = periode_renstra(ctx)
    akhir = "Target Akhir Renstra" + (f" {periode}" if periode else "")
    header: list[list[str | Cell]] = [
        [
            *[Cell(h, rowspan=2) for h in fixed],
            *[Cell(f"Tahun {tahun}", colspan=3) for tahun in years],
            Cell(akhir, rowspan=2),
        ],
        [h for _ in years for h in ("Target", "Realisasi", "Capaian")],
    ]
    aligns: list[Align] = ["center", "left", "left", *["right"] * (3 * len(years) + 1)]
    source = "Renstra, Perjanjian Kinerja dan data realisasi kinerja, diolah"
    sizes = widths(4, 20, 7, *[6, 6, 7] * len(years), 7)
    return [table(header, rows, aligns=aligns, source=source, wide=True, widths=sizes)]


# --- Rincian anggaran ---------------------------------------------------------------------------
def _murni(item: BudgetLine, parent: BudgetLine | None) -> int | None:
    """The pagu murni a line shows: its own; without one, its pagu (unchanged) when its parent's
    pagu murni is the sum of its children's, else none ("-": the pagu murni was recorded only
    above it, e.g. per kegiatan)."""
    if item.pagu_murni is not None:
        return item.pagu_murni
    return item.pagu if parent is not None and "pagu_murni" in parent.computed else None


def _levels_listed(budget: BudgetLine) -> str:
    """ "program, kegiatan dan sub kegiatan", or the levels the budget lists."""
    words = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub kegiatan"}
    found = [w for level, w in words.items() if any(x.level == level for x in budget.walk())]
    return daftar(found)


def rincian_anggaran(ctx: ReportContext) -> list[Block]:
    """Heading and summary sentence of the full budget table; [] when off or without budget."""
    budget = ctx.budget
    if not ctx.enabled(PART_ANGGARAN) or not budget.children:
        return []
    summary = f" Dari pagu {rupiah(budget.pagu)}"
    if budget.realisasi is not None:
        summary += (
            f" terealisasi {rupiah(budget.realisasi)} ({persen(budget.persen)}), sehingga SiLPA "
            f"sebesar {rupiah(budget.silpa)} ({persen(budget.silpa_persen)} dari pagu)."
        )
    else:
        summary += ", realisasinya belum tercatat."
    if level := budget_level_sentence(ctx):
        summary += f" {level}"
    blocks: list[Block] = [
        Heading("Rincian Anggaran", level=2),
        para(
            f"Rincian pagu, realisasi dan sisa anggaran (SiLPA) Kecamatan {ctx.kecamatan} Tahun "
            f"{ctx.tahun} per {_levels_listed(budget)} disajikan pada ",
            Ref("tbl-lamp-anggaran"),
            "." + summary,
        ),
    ]
    if ctx.rules.persen_induk == "rata_rata":
        blocks.append(
            para(
                "Persentase realisasi program dan kegiatan dihitung sebagai rata-rata "
                "persentase realisasi sub kegiatan di bawahnya."
            )
        )
    return blocks


def tabel_rincian_anggaran(ctx: ReportContext) -> list[Block]:
    """Program → kegiatan → sub-kegiatan: pagu (murni), pagu, realisasi, %, SiLPA; sums computed."""
    budget = ctx.budget
    if not ctx.enabled(PART_ANGGARAN) or not budget.children:
        return []
    units = has_units(ctx)
    murni = budget.pagu_murni is not None
    spent = budget.realisasi is not None  # realisasi recorded at some level
    sources = len(sumber_dana(ctx)) > 1  # one source for all is said in BAB II/III

    def money(item: BudgetLine, parent: BudgetLine | None = None) -> list[str]:
        cells = [uang(_murni(item, parent))] if murni else []
        cells.append(uang(item.pagu))
        if spent:
            cells += [uang(item.realisasi), persen(item.persen), uang(item.silpa)]
        return cells

    def line(item: BudgetLine, over: BudgetLine) -> list[str | Cell]:
        parent = item.level != "subkegiatan"
        unit = ["" if parent else item.unit] if units else []
        if sources:
            unit.append("" if parent else str(item.rows[0].get("sumber_dana") or "-"))
        cells = [item.kode, item.nama, *unit, *money(item, over)]
        return [Cell(c, bold=parent) for c in cells]

    rows: list[list[str | Cell]] = []
    for program in budget.children:
        rows.append(line(program, budget))
        for kegiatan in program.children:
            rows.append(line(kegiatan, program))
            rows += [line(leaf, kegiatan) for leaf in leaves_in_order(kegiatan)]
    fixed = ["Kode", "Program / Kegiatan / Sub Kegiatan", *(["Unit"] if units else [])]
    fixed += ["Sumber Dana"] if sources else []
    header = [
        *fixed,
        *(["Pagu Murni (Rp)"] if murni else []),
        "Pagu (Rp)",
        *(["Realisasi (Rp)", "Serapan", "SiLPA (Rp)"] if spent else []),
    ]
    foot = [[Cell("Jumlah", colspan=len(fixed)), *money(budget)]]
    aligns: list[Align] = [
        "left",
        "left",
        *(["left"] if units else []),
        *(["left"] if sources else []),
        *["right"] * (1 + murni + 3 * spent),
    ]
    source = f"Realisasi anggaran Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}, diolah"
    sizes = widths(
        12,
        24,
        *([10] if units else []),
        *([8] if sources else []),
        *([12] if murni else []),
        12,
        *([12, 7, 11] if spent else []),
    )
    return [table(header, rows, aligns=aligns, foot=foot, source=source, wide=True, widths=sizes)]
