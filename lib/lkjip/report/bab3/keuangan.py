"""BAB III, Akuntabilitas Keuangan: budget per program, sasaran, unit, jenis belanja."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang, persen, rupiah
from lkjip.metrics.anggaran import BudgetLine, share
from lkjip.report import charts
from lkjip.report.bab3.helpers import (
    SUMBER_ANGGARAN,
    _all_sasaran_names,
    _join,
    _money,
    _pct,
    _source,
)
from lkjip.report.blocks import Block, Cell, Inline, ListBlock, Para, Ref, Table
from lkjip.report.chart import Chart, NumberFormat, Series
from lkjip.report.common import grouped_source, sumber_dana_kalimat, table, value
from lkjip.report.context import ReportContext
from lkjip.report.sentences import (
    BATAS_SERAPAN,
    absorption_units,
    budget_level_sentence,
    budget_sentence,
    multi_unit,
    under_absorbed_items,
    unit_label,
)

JENIS_BELANJA = {
    "pegawai": "Belanja Pegawai",
    "barang_jasa": "Belanja Barang dan Jasa",
    "modal": "Belanja Modal",
    "hibah": "Belanja Hibah",
    "": "Jenis belanja belum diisi",
}


def _anggaran_group(ctx: ReportContext) -> list[bool]:
    """3.5: the budget per program, per sasaran, per unit and per jenis belanja."""
    return [
        bool(ctx.budget.children),
        bool(_sasaran_lines(ctx)),
        bool(_unit_lines(ctx)),
        bool(_jenis_lines(ctx)),
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
    usable = by_column and all(x.pagu is not None for x in ctx.anggaran_by("jenis_belanja"))
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
    lines = ctx.anggaran_by("jenis_belanja")
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
    return sorted(ctx.anggaran_by("sasaran"), key=lambda line: order.get(line.kode, len(order)))


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
    lines = ctx.anggaran_by("unit")
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


def grafik_anggaran(ctx: ReportContext) -> Chart | None:
    """fig-bab3-anggaran: pagu and realisasi per program, bars from zero, each labelled with its
    amount ("Rp 75 juta"), so that a program of a few million stays readable beside one of
    billions."""
    programs = _program_figure_lines(ctx)
    if not programs:
        return None
    return _pagu_realisasi_chart(programs, [p.nama for p in programs])


def _program_figure_lines(ctx: ReportContext) -> list[BudgetLine]:
    """The programs of the pagu/realisasi figure: all of them, when each has both."""
    programs = ctx.budget.children
    if not programs or not ctx.budget.pagu:
        return []
    known = all(p.pagu is not None and p.realisasi is not None for p in programs)
    return programs if known else []


def _pagu_realisasi_chart(lines: list[BudgetLine], names: list[str]) -> Chart:
    """Pagu and realisasi per budget line: paired horizontal bars, the lines named by their
    text in a column on the left (program names are long)."""
    return Chart(
        kind="grouped_bar",
        categories=tuple(names),
        series=(
            Series(name="Pagu", values=tuple(x.pagu for x in lines), color=charts.COLORS["target"]),
            Series(
                name="Realisasi",
                values=tuple(x.realisasi for x in lines),
                color=charts.COLORS["realisasi"],
            ),
        ),
        title_y="Rupiah",
        number_format=NumberFormat(kind="rupiah_ringkas"),
        horizontal=True,
        height_cm=min(24.0, 2.2 + 1.2 * len(lines)),
    )


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


# --- jenis belanja figure -----------------------------------------------------------------------
def grafik_jenis_belanja(ctx: ReportContext) -> Chart | None:
    """fig-bab3-jenis-belanja: pagu and realisasi per jenis belanja (horizontal bars)."""
    lines = _jenis_lines(ctx)
    if not lines or not ctx.budget.pagu or any(x.realisasi is None for x in lines):
        return None
    return _pagu_realisasi_chart(lines, _jenis_names(ctx, lines))
