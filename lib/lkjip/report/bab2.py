"""BAB II Perencanaan Kinerja: Renstra (tujuan, sasaran, targets per year), IKU, Perjanjian
Kinerja (IKU targets, programs and their budget) and the quarterly budget allocation.

Every table is built from the one copy of the data in the context; the Lampiran reuses the
Perjanjian Kinerja builders of this module. The parts and the ids that switch them off
(``bagian_nonaktif``) are declared in :mod:`lkjip.report.outline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from lkjip.formatting import bilangan_terbilang, persen, rupiah
from lkjip.loader import Row
from lkjip.metrics.anggaran import BudgetLine, pagu_units, share
from lkjip.metrics.capaian import IndicatorResult, in_force, target_rows
from lkjip.report.blocks import (
    Align,
    Block,
    Cell,
    Heading,
    ListBlock,
    Para,
    Ref,
    Strong,
)
from lkjip.report.common import (
    ROMAN,
    daftar,
    grouped_source,
    para,
    periode_renstra,
    pihak_kedua,
    sumber_dana,
    sumber_dana_kalimat,
    value,
    with_unit,
)
from lkjip.report.context import ReportContext
from lkjip.report.sentences import indicator_index, node_indicators, subkegiatan_name
from lkjip.report.tables import has_units, leaves_in_order, table, uang, widths

PART_TRIWULAN = "triwulan"
TW_LABELS = [f"TW {ROMAN[q]}" for q in range(1, 5)]
_PERIOD = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")


# --- small helpers ------------------------------------------------------------------------------
def renstra_years(ctx: ReportContext) -> list[int]:
    """The years of the Renstra period ("2024-2026" → 2024, 2025, 2026); empty if unknown."""
    match = _PERIOD.search(periode_renstra(ctx))
    if not match:
        return []
    start, end = int(match.group(1)), int(match.group(2))
    return list(range(start, end + 1)) if start <= end else []


def _target(targets: dict[tuple[str, int], Row], kode: str, tahun: int) -> Decimal | None:
    value_ = targets.get((kode, tahun), {}).get("target")
    return value_ if isinstance(value_, Decimal | int) else None  # type: ignore[return-value]


def tw_targets(ctx: ReportContext, kode: str) -> list[Decimal | None]:
    """Quarterly targets of an indicator in the report year (None where not given)."""
    row = target_rows(ctx.data, ctx.rules).get((kode, ctx.tahun), {})
    return [row.get(f"target_tw{q}") for q in range(1, 5)]  # type: ignore[misc]


def _tujuan_rows(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("tujuan") if r.get("kode") and in_force(r, ctx.tahun)]


def _uraian_sasaran(ctx: ReportContext, kode: str) -> str:
    for sasaran in ctx.sasaran:
        if sasaran.kode == kode:
            return sasaran.uraian
    return "-"


def _programs_of_sasaran(ctx: ReportContext) -> dict[str, list[BudgetLine]]:
    """Programs whose sub-kegiatan support each sasaran (anggaran.sasaran; or the kegiatan's or
    program's own sasaran where the budget is given at that level), in budget order."""
    mapping: dict[str, list[BudgetLine]] = {}
    for program in ctx.budget.children:
        codes = dict.fromkeys(kode for _, kode in pagu_units(program) if kode)
        for kode in codes:
            mapping.setdefault(kode, []).append(program)
    return mapping


def _program_indicators(ctx: ReportContext) -> dict[str, list[IndicatorResult]]:
    found: dict[str, list[IndicatorResult]] = {}
    for result in ctx.indicators("program"):
        found.setdefault(result.induk, []).append(result)
    return found


# --- intro --------------------------------------------------------------------------------------
def pendahuluan(ctx: ReportContext) -> list[Block]:
    """The chapter's opening text: the city's shared "perencanaan" text (placeholder if none)."""
    return [ctx.narrative("perencanaan", "perencanaan")]


# --- Rencana Strategis --------------------------------------------------------------------------
def rencana_strategis(ctx: ReportContext) -> list[Block]:
    """Visi/misi supported by the Renstra and the count of tujuan, sasaran and IKU."""
    blocks: list[Block] = []
    periode = periode_renstra(ctx)
    renstra = f"Rencana Strategis (Renstra) Kecamatan {ctx.kecamatan}"
    renstra += f" periode {periode}" if periode else ""
    visi = str(ctx.data.profil.get("visi") or "").strip()
    misi = str(ctx.data.profil.get("misi") or "").strip()
    if visi or misi:
        content: list[str | Strong | Ref] = [f"{renstra} disusun untuk mendukung "]
        if visi:
            content += [f"visi {ctx.kota}, yaitu “", Strong(visi), "”"]
            content += [", khususnya misi “", Strong(misi), "”"] if misi else []
        else:
            content += [f"misi {ctx.kota}, yaitu “", Strong(misi), "”"]
        content.append(".")
        blocks.append(Para(content))  # type: ignore[arg-type]
        renstra = "Renstra tersebut"
    tujuan = _tujuan_rows(ctx)
    counts = (
        f"{renstra} menetapkan {bilangan_terbilang(len(tujuan))} tujuan dan "
        f"{bilangan_terbilang(len(ctx.sasaran))} sasaran strategis dengan "
        f"{bilangan_terbilang(len(ctx.iku))} Indikator Kinerja Utama (IKU)"
    )
    indikator_tujuan = ctx.indicators("tujuan")
    if indikator_tujuan:
        counts += (
            f"; ketercapaian tujuan diukur dengan {bilangan_terbilang(len(indikator_tujuan))}"
            " indikator tujuan"
        )
    if tabel_tujuan_sasaran(ctx):
        blocks.append(
            para(
                counts + ". Target kinerja jangka menengahnya disajikan pada ",
                Ref("tbl-bab2-tujuan-sasaran"),
                ".",
            )
        )
    else:
        blocks.append(para(counts + "."))
    return blocks


def tabel_tujuan_sasaran(ctx: ReportContext) -> list[Block]:
    """Tujuan → sasaran → indikator with the target of every Renstra year and the end target."""
    targets = target_rows(ctx.data, ctx.rules)
    tujuan = _tujuan_rows(ctx)
    sasaran_indicators = ctx.indicators("sasaran")
    tujuan_indicators = ctx.indicators("tujuan")
    shown = [*sasaran_indicators, *tujuan_indicators]
    years = renstra_years(ctx) or sorted({t for (k, t) in targets if k in {r.kode for r in shown}})
    years = [y for y in years if any(_target(targets, r.kode, y) is not None for r in shown)]
    if not tujuan and not ctx.sasaran:
        return []

    def indicator_cells(result: IndicatorResult | None) -> list[str | Cell]:
        if result is None:
            return ["-", "-", *["-"] * len(years), "-"]
        return [
            result.uraian,
            result.satuan or "-",
            *[value(_target(targets, result.kode, y)) for y in years],
            value(result.target_akhir),
        ]

    groups: list[tuple[str, str]] = [(str(t["kode"]), str(t.get("uraian") or "")) for t in tujuan]
    known = {kode for kode, _ in groups}
    if any(s.tujuan not in known for s in ctx.sasaran):
        groups.append(("", "-"))
    rows: list[list[str | Cell]] = []
    number = 0
    for kode, uraian in groups:
        lines: list[list[str | Cell]] = []
        for result in (r for r in tujuan_indicators if r.induk == kode):
            lines.append(["(indikator tujuan)", *indicator_cells(result)])
        for sasaran in ctx.sasaran:
            orphan = sasaran.tujuan not in known
            if (kode and sasaran.tujuan != kode) or (not kode and not orphan):
                continue
            mine = [r for r in sasaran_indicators if r.induk == sasaran.kode] or [None]
            for i, result in enumerate(mine):
                head = [Cell(sasaran.uraian, rowspan=len(mine))] if i == 0 else []
                lines.append([*head, *indicator_cells(result)])
        if not lines:
            lines.append(["-", *indicator_cells(None)])
        number += 1
        lines[0] = [
            Cell(f"{number}.", rowspan=len(lines)),
            Cell(uraian, rowspan=len(lines)),
            *lines[0],
        ]
        rows += lines

    fixed = ["No", "Tujuan", "Sasaran", "Indikator", "Satuan"]
    if years:
        header: list[list[str | Cell]] = [
            [
                *[Cell(h, rowspan=2) for h in fixed],
                Cell("Target Tahun", colspan=len(years)),
                Cell("Target Akhir Renstra", rowspan=2),
            ],
            [str(y) for y in years],
        ]
    else:
        header = [[*fixed, "Target Akhir Renstra"]]
    aligns: list[Align] = ["center", "left", "left", "left", "left", *["right"] * (len(years) + 1)]
    periode = periode_renstra(ctx)
    source = f"Renstra Kecamatan {ctx.kecamatan}" + (f" {periode}" if periode else "")
    sizes = widths(4, 18, 18, 18, 7, *[6] * len(years), 8)
    return [table(header, rows, aligns=aligns, source=source, wide=len(years) > 3, widths=sizes)]


# --- Indikator Kinerja Utama ---------------------------------------------------------------------
def indikator_kinerja_utama(ctx: ReportContext) -> list[Block]:
    """Lead-in to the IKU table, then the reason for each IKU where narasi.md gives one."""
    if not ctx.iku:
        return [
            para(
                f"Kecamatan {ctx.kecamatan} belum menetapkan Indikator Kinerja Utama "
                f"untuk Tahun {ctx.tahun}."
            )
        ]
    blocks: list[Block] = [
        para(
            f"Indikator Kinerja Utama (IKU) adalah ukuran keberhasilan tujuan dan sasaran "
            f"strategis Kecamatan {ctx.kecamatan}. Untuk Tahun {ctx.tahun} ditetapkan "
            f"{bilangan_terbilang(len(ctx.iku))} IKU dengan formulasi, sumber data dan "
            "target sebagaimana disajikan pada ",
            Ref("tbl-bab2-iku"),
            ".",
        )
    ]
    for number, result in enumerate(ctx.iku, start=1):
        anchor = f"alasan-iku-{number}"
        if ctx.has_narrative(anchor):
            blocks.append(para("Alasan pemilihan indikator ", Strong(result.uraian), ":"))
            blocks.append(ctx.narrative(anchor))
    return blocks


def tabel_iku(ctx: ReportContext) -> list[Block]:
    """The IKU with their definition and the target of the report year; the definisi operasional,
    where given, in a merged row under its IKU."""
    if not ctx.iku:
        return []
    optional = [
        ("Formulasi", "formulasi"),
        ("Sumber Data", "sumber_data"),
        ("Penanggung Jawab", "penanggung_jawab"),
    ]
    present = [(h, c) for h, c in optional if any(r.row.get(c) for r in ctx.iku)]
    header = [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja Utama",
        "Satuan",
        *[h for h, _ in present],
        f"Target {ctx.tahun}",
    ]
    rows: list[list[str | Cell]] = []
    for number, result in enumerate(ctx.iku, start=1):
        rows.append(
            [
                f"{number}.",
                _uraian_sasaran(ctx, result.induk),
                result.uraian,
                result.satuan or "-",
                *[str(result.row.get(c) or "-") for _, c in present],
                value(result.target),
            ]
        )
        definisi = str(result.row.get("definisi_operasional") or "").strip()
        if definisi:  # a merged row under its IKU, as the genre prints it
            rows.append(["", Cell(f"Definisi operasional: {definisi}", colspan=len(header) - 1)])
    aligns: list[Align] = ["center", "left", "left", "left", *["left"] * len(present), "right"]
    periode = periode_renstra(ctx)
    source = f"Renstra Kecamatan {ctx.kecamatan}" + (f" {periode}" if periode else "")
    sizes = widths(4, 16, 16, 7, *[20] * len(present), 8)
    return [table(header, rows, aligns=aligns, source=source, wide=True, widths=sizes)]


# --- Perjanjian Kinerja -------------------------------------------------------------------------
def perjanjian_kinerja(ctx: ReportContext) -> list[Block]:
    """Who agreed on what: the PK's sasaran, IKU, programs and total budget."""
    budget = ctx.budget
    first = (
        f"Perjanjian Kinerja Tahun {ctx.tahun} merupakan kesepakatan antara Camat "
        f"{ctx.kecamatan} dan {pihak_kedua(ctx)} atas kinerja yang akan diwujudkan pada Tahun "
        f"{ctx.tahun} beserta anggaran yang mendukungnya. "
    )
    content: list[str | Ref | Strong] = [first]
    tujuan = pk_tujuan(ctx)
    if ctx.iku or tujuan:
        parts = []
        if tujuan:
            parts.append(f"{bilangan_terbilang(len(tujuan))} indikator tujuan")
        if ctx.iku:
            parts.append(
                f"{bilangan_terbilang(len(ctx.sasaran))} sasaran strategis dengan "
                f"{bilangan_terbilang(len(ctx.iku))} Indikator Kinerja Utama"
            )
        content += [f"Perjanjian tersebut memuat {daftar(parts)} (", Ref("tbl-bab2-pk-iku"), ")"]
    if budget.children:
        content += [
            (" serta " if ctx.iku or tujuan else "Perjanjian tersebut memuat ")
            + f"{bilangan_terbilang(len(budget.children))} program dengan pagu anggaran "
            f"seluruhnya {rupiah(budget.pagu)} (",
            Ref("tbl-bab2-pk-program"),
            ")",
        ]
    if len(content) > 1:
        content.append(".")
    else:
        content = [first.strip()]
    return [Para(content)]  # type: ignore[arg-type]


def _source_pk(ctx: ReportContext) -> str:
    return f"Perjanjian Kinerja Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}"


def _pk_group(ctx: ReportContext) -> list[bool]:
    """The two Perjanjian Kinerja tables (IKU, programs), which print their one source after the
    second (:func:`lkjip.report.common.grouped_source`); the same in the Lampiran."""
    return [bool(ctx.iku or pk_tujuan(ctx)), bool(ctx.budget.children)]


def pk_tujuan(ctx: ReportContext) -> list[IndicatorResult]:
    """The tujuan indicators of the Perjanjian Kinerja (``indikator.pk``), in force this year."""
    return [r for r in ctx.indicators("tujuan") if r.row.get("pk")]


def _uraian_tujuan(ctx: ReportContext, kode: str) -> str:
    return next(
        (str(r.get("uraian") or "") for r in _tujuan_rows(ctx) if r.get("kode") == kode), "-"
    )


def tabel_pk_iku(ctx: ReportContext) -> list[Block]:
    """PK part A: the tujuan indicators that are in it (``indikator.pk``), then sasaran and IKU,
    with the annual target and, where given, the quarterly targets."""
    tujuan = pk_tujuan(ctx)
    shown = [*tujuan, *ctx.iku]
    if not shown:
        return []
    quarterly = {r.kode: tw_targets(ctx, r.kode) for r in shown}
    with_tw = any(v is not None for tws in quarterly.values() for v in tws)
    rows: list[list[str | Cell]] = []
    number = 0
    previous = None
    for index, result in enumerate(shown):
        line: list[str | Cell] = []
        group = (result.level, result.induk)
        if group != previous:
            span = 1
            while (
                index + span < len(shown)
                and (
                    shown[index + span].level,
                    shown[index + span].induk,
                )
                == group
            ):
                span += 1
            number += 1
            goal = (
                _uraian_tujuan(ctx, result.induk)
                if result.level == "tujuan"
                else _uraian_sasaran(ctx, result.induk)
            )
            line += [Cell(f"{number}.", rowspan=span), Cell(goal, rowspan=span)]
            previous = group
        line += [result.uraian, result.satuan or "-", value(result.target)]
        if with_tw:
            line += [value(v) for v in quarterly[result.kode]]
        rows.append(line)
    goals = (
        ("Tujuan / Sasaran Strategis", "Indikator Kinerja")
        if tujuan
        else (
            "Sasaran Strategis",
            "Indikator Kinerja Utama",
        )
    )
    fixed = ["No", *goals, "Satuan", f"Target {ctx.tahun}"]
    if with_tw:
        header: list[list[str | Cell]] = [
            [*[Cell(h, rowspan=2) for h in fixed], Cell("Target Triwulan", colspan=4)],
            [ROMAN[q] for q in range(1, 5)],
        ]
    else:
        header = [fixed]  # type: ignore[list-item]
    aligns: list[Align] = ["center", "left", "left", "left", "right", *["right"] * (4 * with_tw)]
    source = grouped_source(_source_pk(ctx), _pk_group(ctx), 0)
    sizes = widths(5, 30, 30, 9, 9, *[6] * (4 * with_tw))
    return [table(header, rows, aligns=aligns, source=source, wide=with_tw, widths=sizes)]


def keterkaitan_program(ctx: ReportContext) -> list[Block]:
    """Which programs support each sasaran (from the sasaran column of the budget rows)."""
    mapping = _programs_of_sasaran(ctx)
    items = []
    for sasaran in ctx.sasaran:
        programs = mapping.get(sasaran.kode, [])
        if not programs:
            continue
        names = [p.nama for p in programs]
        if len(names) == 1:
            tail = f" didukung oleh {names[0]}."
        else:
            tail = (
                f" didukung oleh {bilangan_terbilang(len(names))} program, yaitu {daftar(names)}."
            )
        items.append(["Sasaran ", Strong(sasaran.uraian), tail])
    if not items:
        return []
    if len(items) == 1:
        return [Para(items[0])]  # type: ignore[arg-type]
    lead = para("Keterkaitan sasaran strategis dengan program yang mendukungnya:")
    return [lead, ListBlock(items)]  # type: ignore[arg-type]


def tabel_pk_program(ctx: ReportContext) -> list[Block]:
    """PK part B: each program (with its sasaran program where the indicators state one), its
    indicators and targets and its budget (pagu) once."""
    programs = ctx.budget.children
    if not programs:
        return []
    indicators = _program_indicators(ctx)
    with_ind = any(indicators.get(p.kode) for p in programs)
    quarterly = {
        r.kode: tw_targets(ctx, r.kode) for p in programs for r in indicators.get(p.kode, [])
    }
    with_tw = any(v is not None for tws in quarterly.values() for v in tws)
    goals = {p.kode: rumusan_sasaran(indicators.get(p.kode, [])) for p in programs}
    with_goal = any(goals.values())
    rows: list[list[str | Cell]] = []
    for number, program in enumerate(programs, start=1):
        mine: list[IndicatorResult | None] = list(indicators.get(program.kode, [])) or [None]
        span = len(mine) if with_ind else 1
        for i, result in enumerate(mine if with_ind else [None]):
            line: list[str | Cell] = []
            if i == 0:
                line.append(Cell(f"{number}.", rowspan=span))
                if with_goal:
                    line.append(Cell(goals[program.kode] or "-", rowspan=span))
                line.append(Cell(program.nama, rowspan=span))
            if with_ind:
                if result is None:
                    line += ["-", "-", *(["-"] * 4 if with_tw else [])]
                else:
                    line += [result.uraian, with_unit(result.target, result.satuan)]
                    if with_tw:
                        line += [with_unit(v, result.satuan) for v in quarterly[result.kode]]
            if i == 0:
                line.append(Cell(uang(program.pagu), rowspan=span))
            rows.append(line)
    fixed = ["No", *(["Sasaran Program"] if with_goal else []), "Program"]
    fixed += ["Indikator Program", f"Target {ctx.tahun}"] if with_ind else []
    if with_tw:
        header: list[list[str | Cell]] = [
            [
                *[Cell(h, rowspan=2) for h in fixed],
                Cell("Target Triwulan", colspan=4),
                Cell("Anggaran (Rp)", rowspan=2),
            ],
            [ROMAN[q] for q in range(1, 5)],
        ]
    else:
        header = [[*fixed, "Anggaran (Rp)"]]
    width = len(fixed) + 4 * with_tw + 1
    aligns: list[Align] = [
        "center",
        *(["left"] if with_goal else []),
        "left",
        *(["left", "right"] if with_ind else []),
        *["right"] * (4 * with_tw),
        "right",
    ]
    foot = [[Cell("Jumlah", colspan=width - 1), uang(ctx.budget.pagu)]]
    source = grouped_source(_source_pk(ctx), _pk_group(ctx), 1)
    sizes = widths(
        5,
        *([20] if with_goal else []),
        28,
        *([30, 9] if with_ind else []),
        *[7] * (4 * with_tw),
        14,
    )
    return [table(header, rows, aligns=aligns, foot=foot, source=source, wide=True, widths=sizes)]


# --- Alokasi anggaran per triwulan --------------------------------------------------------------
def has_triwulan(ctx: ReportContext) -> bool:
    return ctx.enabled(PART_TRIWULAN) and ctx.budget.tw is not None


def _base(line: BudgetLine) -> int:
    """The pagu the quarterly allocation splits: the initial (murni) pagu when given."""
    return line.pagu if line.pagu_murni is None else line.pagu_murni


def alokasi_triwulan(ctx: ReportContext) -> list[Block]:
    """Heading and sentence on the quarterly split of the (initial) budget; [] without data."""
    if not has_triwulan(ctx):
        return []
    budget = ctx.budget
    tw = budget.tw or (0, 0, 0, 0)
    base = _base(budget)
    murni = budget.pagu_murni is not None
    label = "pagu murni" if murni else "pagu"
    parts = [
        f"Triwulan {ROMAN[q + 1]} {rupiah(tw[q])} ({persen(share(tw[q], base))})" for q in range(4)
    ]
    content: list[str | Ref] = [
        f"Alokasi anggaran Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} disusun per triwulan "
        f"berdasarkan {label} sebesar {rupiah(base)}, yaitu {daftar(parts)}. Rinciannya "
        "per program, kegiatan dan sub kegiatan disajikan pada ",
        Ref("tbl-bab2-triwulan"),
        ".",
    ]
    change = budget.perubahan
    if murni and change:
        arah = "bertambah" if change > 0 else "berkurang"
        content.append(
            f" Setelah perubahan anggaran, pagu menjadi {rupiah(budget.pagu)} ({arah} "
            f"{rupiah(abs(change))})."
        )
    if kalimat := sumber_dana_kalimat(ctx):
        content.append(f" {kalimat}")
    return [Heading("Alokasi Anggaran per Triwulan", level=2), Para(content)]  # type: ignore[arg-type]


def tabel_triwulan(ctx: ReportContext) -> list[Block]:
    """Program → kegiatan → sub-kegiatan with the (initial) pagu and TW I–IV; sums computed."""
    if not has_triwulan(ctx):
        return []
    units = has_units(ctx)
    sources = len(sumber_dana(ctx)) > 1  # one source for all is said once, in the text

    def line(item: BudgetLine, bold: bool) -> list[str | Cell]:
        tw = item.tw
        cells = [item.kode, item.nama, *([item.unit] if units and not bold else [])]
        if units and bold:
            cells.append("")
        if sources:
            cells.append("" if bold else str(item.rows[0].get("sumber_dana") or "-"))
        cells += [uang(_base(item)), *[uang(tw[q]) if tw else "-" for q in range(4)]]
        return [Cell(c, bold=bold) for c in cells]

    rows: list[list[str | Cell]] = []
    for program in ctx.budget.children:
        rows.append(line(program, True))
        for kegiatan in program.children:
            rows.append(line(kegiatan, True))
            rows += [line(leaf, False) for leaf in leaves_in_order(kegiatan)]
    pagu_head = "Pagu Murni (Rp)" if ctx.budget.pagu_murni is not None else "Pagu (Rp)"
    fixed = ["Kode", "Program / Kegiatan / Sub Kegiatan", *(["Unit"] if units else [])]
    fixed += [*(["Sumber Dana"] if sources else []), pagu_head]
    header: list[list[str | Cell]] = [
        [*[Cell(h, rowspan=2) for h in fixed], Cell("Alokasi per Triwulan (Rp)", colspan=4)],
        TW_LABELS,  # type: ignore[list-item]
    ]
    total = ctx.budget
    foot = [
        [
            Cell("Jumlah", colspan=len(fixed) - 1),
            uang(_base(total)),
            *[uang((total.tw or (0, 0, 0, 0))[q]) for q in range(4)],
        ]
    ]
    aligns: list[Align] = [
        "left",
        "left",
        *(["left"] if units else []),
        *(["left"] if sources else []),
        *["right"] * 5,
    ]
    source = f"Anggaran Kas Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}, diolah"
    sizes = widths(12, 26, *([10] if units else []), *([8] if sources else []), 12, *[10] * 4)
    return [table(header, rows, aligns=aligns, foot=foot, source=source, wide=True, widths=sizes)]


# --- Sasaran, indikator dan target program, kegiatan dan sub kegiatan ---------------------------
PART_INDIKATOR_PROGRAM = "indikator-program"


def rumusan_sasaran(results: Sequence[IndicatorResult]) -> str:
    """The sasaran statement of a program/kegiatan/sub-kegiatan (first one its indicators give)."""
    return next(
        (
            str(r.row["rumusan_sasaran"]).strip()
            for r in results
            if str(r.row.get("rumusan_sasaran") or "").strip()
        ),
        "",
    )


def _planned_nodes(ctx: ReportContext) -> list[tuple[BudgetLine, list[IndicatorResult]]]:
    index = indicator_index(ctx)
    return [
        (line, node_indicators(ctx, line, index))
        for line in ctx.budget.walk()
        if line.level != "total"
    ]


def _has_planned(ctx: ReportContext) -> bool:
    return ctx.enabled(PART_INDIKATOR_PROGRAM) and any(
        ctx.indicators(level) for level in ("program", "kegiatan", "subkegiatan")
    )


def indikator_program(ctx: ReportContext) -> list[Block]:
    """Lead-in of the plan below the IKU: how many program, kegiatan and sub-kegiatan indicators."""
    if not _has_planned(ctx):
        return []
    counts = [
        (len(ctx.indicators(level)), word)
        for level, word in (
            ("program", "program"),
            ("kegiatan", "kegiatan"),
            ("subkegiatan", "sub kegiatan"),
        )
    ]
    parts = [f"{bilangan_terbilang(n)} indikator {word}" for n, word in counts if n]
    return [
        para(
            f"Sasaran strategis tersebut dijabarkan ke dalam sasaran program, kegiatan dan sub "
            f"kegiatan Tahun {ctx.tahun} yang diukur dengan {daftar(parts)}. Sasaran, indikator, "
            "target dan formulasinya disajikan pada ",
            Ref("tbl-bab2-indikator-program"),
            ".",
        )
    ]


def tabel_indikator_program(ctx: ReportContext) -> list[Block]:
    """Program → kegiatan → sub-kegiatan with their sasaran statement, indicators, target of the
    report year and formula (the columns that have data)."""
    if not _has_planned(ctx):
        return []
    nodes = _planned_nodes(ctx)
    results = [r for _, found in nodes for r in found]
    with_goal = any(str(r.row.get("rumusan_sasaran") or "").strip() for r in results)
    with_formula = any(str(r.row.get("formulasi") or "").strip() for r in results)
    rows: list[list[str | Cell]] = []
    for line, found in nodes:
        bold = line.level != "subkegiatan"
        name = subkegiatan_name(ctx, line)
        mine: list[IndicatorResult | None] = list(found) or [None]
        span = len(mine)
        for i, result in enumerate(mine):
            cells: list[str | Cell] = []
            if i == 0:
                cells += [
                    Cell(line.kode, rowspan=span, bold=bold),
                    Cell(name, rowspan=span, bold=bold),
                ]
                if with_goal:
                    cells.append(Cell(rumusan_sasaran(found) or "-", rowspan=span))
            if result is None:
                cells += ["-", "-", *(["-"] if with_formula else [])]
            else:
                cells += [result.uraian, with_unit(result.target, result.satuan)]
                if with_formula:
                    cells.append(str(result.row.get("formulasi") or "-"))
            rows.append(cells)
    header = [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        *(["Sasaran"] if with_goal else []),
        "Indikator",
        f"Target {ctx.tahun}",
        *(["Formulasi"] if with_formula else []),
    ]
    aligns: list[Align] = [
        "left",
        "left",
        *(["left"] if with_goal else []),
        "left",
        "right",
        *(["left"] if with_formula else []),
    ]
    sizes = widths(11, 20, *([18] if with_goal else []), 20, 9, *([22] if with_formula else []))
    periode = periode_renstra(ctx)
    source = f"Renstra Kecamatan {ctx.kecamatan}" + (f" {periode}" if periode else "")
    source += f" dan Perjanjian Kinerja Tahun {ctx.tahun}"
    return [table(header, rows, aligns=aligns, source=source, wide=True, widths=sizes)]
