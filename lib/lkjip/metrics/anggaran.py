"""Budget roll-up: the amounts a kecamatan has, at the level it has them, summed to kegiatan,
program, sasaran, unit and total.

A budget may be entered per sub-kegiatan (``anggaran``), per kegiatan (``anggaran_kegiatan``), per
program (``pagu_program``) or per kelompok belanja (``belanja``: gaji / non-gaji, BTL / BL). Each
amount (pagu, realisasi, pagu murni) is resolved on its own, bottom-up: a line's amount is the sum
of its children when every child has it, else the amount entered on the line's own row, else
unknown (None). An amount entered on a line whose children have it too is a *stated* figure: it
is kept beside the computed one, which validation compares it with (:func:`stated_differences`).
``basis`` records the level an amount was computed from, so the report can say it.

Money stays in integer Rupiah; percentages are Decimal and rounded only when presented.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip.loader import KecamatanData, Row
from lkjip.metrics.capaian import HUNDRED, mean
from lkjip.rules import Aturan

KECAMATAN_UNIT = "Kecamatan"
AMOUNTS = ("pagu", "realisasi")
"""Amounts that are summed only when every child has them (pagu murni is resolved apart)."""
BASIS_ORDER = ("subkegiatan", "kegiatan", "program", "belanja")
"""Levels an amount may be computed from, finest first (``belanja``: the kelompok belanja)."""


@dataclass(frozen=True)
class Stated:
    """An amount written on a row of its own: the line's amount when nothing below gives it,
    else a figure to compare with the computed one."""

    column: str
    value: int
    row: Row
    what: str = ""  # for a stated figure that sums several rows: what it is
    cell: str = ""  # the column of ``row`` it is written in, when not ``column`` (profil: nilai)
    against: int | None = None  # what it is compared with, when not the line's own amount
    basis: str | None = None  # the level ``against`` was computed from


@dataclass
class BudgetLine:
    kode: str
    nama: str
    level: str
    pagu: int | None = None
    realisasi: int | None = None
    pagu_murni: int | None = None
    tw: tuple[int, int, int, int] | None = None
    unit: str = ""
    sasaran: str = ""
    children: list[BudgetLine] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    averaged: bool = False
    entered: dict[str, Stated] = field(default_factory=dict)
    checks: list[Stated] = field(default_factory=list)  # figures only compared, never used
    computed: dict[str, int] = field(default_factory=dict)  # sums of the children
    basis: dict[str, str | None] = field(default_factory=dict)
    lacking: dict[str, list[BudgetLine]] = field(default_factory=dict)
    outside: list[BudgetLine] = field(default_factory=list)  # total: belanja outside programs
    groups: list[BudgetLine] = field(default_factory=list)  # total: every kelompok belanja
    row: Row | None = None  # the line's own row (anggaran_kegiatan, pagu_program, belanja)
    dalam_program: bool = True  # a kelompok belanja: part of the programs (not BTL)

    @property
    def persen(self) -> Decimal | None:
        """Capaian anggaran: realisasi / pagu x 100, or the mean of the children's percentages
        when the rules say so (``persen_induk: rata_rata``) and the children carry the amounts."""
        if self.averaged and self.children and {"pagu", "realisasi"} <= self.computed.keys():
            return mean([c.persen for c in self.children if c.persen is not None])
        if self.pagu is None or self.realisasi is None or self.pagu == 0:
            return None
        return Decimal(self.realisasi) / Decimal(self.pagu) * HUNDRED

    @property
    def silpa(self) -> int | None:
        """Sisa anggaran: pagu − realisasi (None when either is unknown)."""
        if self.pagu is None or self.realisasi is None:
            return None
        return self.pagu - self.realisasi

    @property
    def silpa_persen(self) -> Decimal | None:
        """SiLPA as a percentage of the pagu."""
        silpa = self.silpa
        if silpa is None or not self.pagu:
            return None
        return Decimal(silpa) / Decimal(self.pagu) * HUNDRED  # type: ignore[arg-type]

    @property
    def perubahan(self) -> int | None:
        if self.pagu_murni is None or self.pagu is None:
            return None
        return self.pagu - self.pagu_murni

    def walk(self) -> Iterable[BudgetLine]:
        yield self
        for child in self.children:
            yield from child.walk()


def _money(row: Row, column: str) -> int | None:
    value = row.get(column)
    return value if isinstance(value, int) else None


def unit_of(row: Row) -> str:
    return str(row.get("unit") or KECAMATAN_UNIT)


def _leaf(row: Row) -> BudgetLine:
    tws = [row.get(f"tw{q}") for q in range(1, 5)]
    pagu, realisasi = _money(row, "pagu"), _money(row, "realisasi")
    return BudgetLine(
        kode=str(row.get("kode") or ""),
        nama=str(row.get("subkegiatan") or ""),
        level="subkegiatan",
        pagu=pagu,
        realisasi=realisasi,
        pagu_murni=_money(row, "pagu_murni"),
        tw=tuple(t if isinstance(t, int) else 0 for t in tws)  # type: ignore[arg-type]
        if any(isinstance(t, int) for t in tws)
        else None,
        unit=unit_of(row),
        sasaran=str(row.get("sasaran") or ""),
        rows=[row],
        basis={m: "subkegiatan" if _money(row, m) is not None else None for m in AMOUNTS},
    )


def _coarsest(levels: Iterable[str | None]) -> str | None:
    known = [level for level in levels if level is not None]
    return max(known, key=BASIS_ORDER.index) if known else None


def _resolve(line: BudgetLine) -> BudgetLine:
    """Fill the amounts of ``line`` (and of everything below it) from its children, or from what
    was entered on its own row; see the module docstring."""
    for child in line.children:
        _resolve(child)
    if not line.children:
        for column, stated in line.entered.items():
            setattr(line, column, stated.value)
            if column in AMOUNTS:
                line.basis[column] = line.level
        return line
    line.rows = [r for c in line.children for r in c.rows]
    for column in AMOUNTS:
        values = [getattr(c, column) for c in line.children]
        own = line.entered.get(column)
        if all(v is not None for v in values):
            line.computed[column] = sum(values)
            setattr(line, column, line.computed[column])
            line.basis[column] = _coarsest(c.basis.get(column) for c in line.children)
            continue
        if any(v is not None for v in values):
            line.lacking[column] = [c for c in line.children if getattr(c, column) is None]
        setattr(line, column, own.value if own else None)
        line.basis[column] = line.level if own else None
    _resolve_murni(line)
    if any(c.tw is not None for c in line.children):
        line.tw = tuple(  # type: ignore[assignment]
            sum((c.tw or (0, 0, 0, 0))[q] for c in line.children) for q in range(4)
        )
    return line


def _resolve_murni(line: BudgetLine) -> None:
    """Pagu murni: the children's sum as soon as one child has it (a child without one is taken
    as unchanged, its murni = its pagu), else what the line's own row says."""
    kids = line.children
    if any(c.pagu_murni is not None for c in kids) and all(
        c.pagu_murni is not None or c.pagu is not None for c in kids
    ):
        total = sum(c.pagu if c.pagu_murni is None else c.pagu_murni for c in kids)  # type: ignore[misc]
        line.computed["pagu_murni"] = total
        line.pagu_murni = total
        return
    own = line.entered.get("pagu_murni")
    line.pagu_murni = own.value if own else None


def _entered(row: Row, columns: Iterable[str] = ("pagu_murni", *AMOUNTS)) -> dict[str, Stated]:
    return {c: Stated(c, v, row) for c in columns if (v := _money(row, c)) is not None}


class _Plan:
    """Programs → kegiatan → sub-kegiatan in first-seen order, from every budget sheet."""

    def __init__(self, data: KecamatanData, averaged: bool) -> None:
        self.averaged = averaged
        self.programs: dict[str, BudgetLine] = {}
        self.kegiatan: dict[str, BudgetLine] = {}
        for row in data.table("anggaran"):
            if not row.get("kode"):
                continue
            kegiatan = self._kegiatan(row)
            kegiatan.children.append(_leaf(row))
        for row in data.table("anggaran_kegiatan"):
            if not row.get("kegiatan_kode"):
                continue
            kegiatan = self._kegiatan(row)
            kegiatan.row = kegiatan.row or row
            kegiatan.entered = kegiatan.entered or _entered(row)
            kegiatan.sasaran = kegiatan.sasaran or str(row.get("sasaran") or "")
        for row in data.table("pagu_program"):
            if not row.get("program_kode"):
                continue
            program = self._program(row)
            if program.row is None:
                program.row = row
                program.entered = _entered(row)
                program.sasaran = str(row.get("sasaran") or "")

    def _program(self, row: Row) -> BudgetLine:
        kode = str(row.get("program_kode"))
        program = self.programs.get(kode)
        if program is None:
            program = BudgetLine(kode, "", "program", averaged=self.averaged)
            self.programs[kode] = program
        program.nama = program.nama or str(row.get("program") or "")
        return program

    def _kegiatan(self, row: Row) -> BudgetLine:
        """The kegiatan of ``row``, under the program that first listed it (a kegiatan listed
        under two programs is a validation error of its own)."""
        kode = str(row.get("kegiatan_kode"))
        kegiatan = self.kegiatan.get(kode)
        if kegiatan is None:
            kegiatan = BudgetLine(kode, "", "kegiatan", averaged=self.averaged)
            self.kegiatan[kode] = kegiatan
            self._program(row).children.append(kegiatan)
        kegiatan.nama = kegiatan.nama or str(row.get("kegiatan") or "")
        return kegiatan

    def lines(self) -> list[BudgetLine]:
        for program in self.programs.values():
            program.nama = program.nama or program.kode
        return list(self.programs.values())


def _belanja(data: KecamatanData) -> list[BudgetLine]:
    lines = []
    for row in data.table("belanja"):
        if not row.get("kelompok"):
            continue
        line = BudgetLine(str(row["kelompok"]), str(row["kelompok"]), "belanja", row=row)
        line.entered = _entered(row, AMOUNTS)
        line.dalam_program = row.get("dalam_program") is not False
        lines.append(_resolve(line))
    return lines


def _total(programs: list[BudgetLine], groups: list[BudgetLine], averaged: bool) -> BudgetLine:
    """The whole budget: the programs, with what the kelompok belanja add. Groups inside the
    programs give the total an amount the programs lack (realisasi per gaji / non-gaji) and are
    compared with the programs' sum otherwise; groups outside the programs (belanja tidak
    langsung) are added."""
    total = _resolve(BudgetLine("", "Jumlah", "total", children=programs, averaged=averaged))
    inside = [g for g in groups if g.dalam_program]
    total.groups = groups
    total.outside = [g for g in groups if not g.dalam_program]
    for column in AMOUNTS if inside else ():
        amount = sum(getattr(g, column) for g in inside)
        what = "jumlah " + column + " kelompok belanja dalam program (sheet belanja)"
        programs_sum = getattr(total, column)
        if programs_sum is None:
            setattr(total, column, amount)
            total.basis[column] = "belanja"
            total.lacking.pop(column, None)
        elif programs:
            basis = total.basis.get(column)
            row: Row = inside[0].row  # type: ignore[assignment]
            total.checks.append(Stated(column, amount, row, what, "", programs_sum, basis))
    for column in AMOUNTS if total.outside else ():
        extra = sum(getattr(g, column) for g in total.outside)
        if getattr(total, column) is not None:
            setattr(total, column, getattr(total, column) + extra)
            total.basis[column] = _coarsest([total.basis.get(column), "belanja"])
    if total.outside and total.pagu_murni is not None:
        total.pagu_murni += sum(g.pagu or 0 for g in total.outside)
    return total


def anggaran_tree(data: KecamatanData, rules: Aturan) -> BudgetLine:
    """Total → program → kegiatan → sub-kegiatan (per unit), every sum computed from the amounts
    at the level they were entered (see the module docstring)."""
    averaged = rules.persen_induk == "rata_rata"
    total = _total(_Plan(data, averaged).lines(), _belanja(data), averaged)
    for column, key in (("pagu", "jumlah_pagu"), ("realisasi", "jumlah_realisasi")):
        stated = data.profil.get(key)
        row = next((r for r in data.table("profil") if r.get("kunci") == key), None)
        if isinstance(stated, int) and row is not None:
            total.checks.append(Stated(column, stated, row, f"profil {key}", "nilai"))
    return total


def realisasi_units(total: BudgetLine) -> list[BudgetLine]:
    """The finest lines whose pagu and realisasi are both known, in budget order: the
    sub-kegiatan where they carry both, else the kegiatan or the programs; when the programs do
    not carry a realisasi, the kelompok belanja. What a serapan below a threshold is looked for
    in."""

    def units(line: BudgetLine) -> list[BudgetLine]:
        if line.children and {"pagu", "realisasi"} <= line.computed.keys():
            return [u for child in line.children for u in units(child)]
        known = line.pagu is not None and line.realisasi is not None
        return [line] if known else []

    found = [u for program in total.children for u in units(program)]
    if total.basis.get("realisasi") == "belanja":
        return list(total.groups)
    return [*found, *total.outside]


@dataclass(frozen=True)
class Difference:
    """A stated amount that differs from the one computed below it."""

    line: BudgetLine
    stated: Stated
    computed: int


def stated_differences(total: BudgetLine) -> list[Difference]:
    """Every amount written on a row of its own (kegiatan, program, kelompok belanja, profil
    totals) that differs from the sum of the amounts below it."""
    found = []
    for line in total.walk():
        for column, stated in line.entered.items():
            computed = line.computed.get(column)
            if computed is not None and computed != stated.value:
                found.append(Difference(line, stated, computed))
    for stated in total.checks:
        computed = getattr(total, stated.column) if stated.against is None else stated.against
        if computed is not None and computed != stated.value:
            found.append(Difference(total, stated, computed))
    return found


def _grouped(
    members: list[BudgetLine], key: Callable[[BudgetLine], str], level: str, averaged: bool
) -> list[BudgetLine]:
    """Lines summed per ``key`` in first-seen order (each group's amounts resolved as a line
    whose children are its members)."""
    groups: dict[str, list[BudgetLine]] = {}
    for member in members:
        groups.setdefault(key(member), []).append(member)
    return [
        _resolve_group(BudgetLine(kode, kode, level, averaged=averaged), lines)
        for kode, lines in groups.items()
    ]


def _resolve_group(line: BudgetLine, members: list[BudgetLine]) -> BudgetLine:
    """A group of lines already resolved: their sums, without resolving them again."""
    line.children = members
    line.rows = [r for m in members for r in m.rows]
    for column in AMOUNTS:
        values = [getattr(m, column) for m in members]
        if all(v is not None for v in values):
            line.computed[column] = sum(values)
            setattr(line, column, line.computed[column])
            line.basis[column] = _coarsest(m.basis.get(column) for m in members)
    _resolve_murni(line)
    if any(m.tw is not None for m in members):
        line.tw = tuple(  # type: ignore[assignment]
            sum((m.tw or (0, 0, 0, 0))[q] for m in members) for q in range(4)
        )
    return line


def pagu_units(line: BudgetLine, sasaran: str = "") -> list[tuple[BudgetLine, str]]:
    """The lines at which the pagu was entered, each with its sasaran (its own, else its
    program's or kegiatan's): sub-kegiatan where they carry it, else kegiatan, else programs."""
    own = line.sasaran or sasaran
    if line.level == "subkegiatan" or not line.children or "pagu" not in line.computed:
        return [(line, own)]
    return [unit for child in line.children for unit in pagu_units(child, own)]


def anggaran_by_sasaran(total: BudgetLine) -> list[BudgetLine]:
    """The budget per sasaran: the lines that carry the pagu (sub-kegiatan, or the kegiatan or
    program when that is the level given) summed per the sasaran they support; a sasaran's
    realisasi is unknown when one of its lines lacks it."""
    units = [u for program in total.children for u in pagu_units(program)]
    groups: dict[str, list[BudgetLine]] = {}
    for line, sasaran in units:
        groups.setdefault(sasaran, []).append(line)
    return [
        _resolve_group(BudgetLine(kode, kode, "sasaran", averaged=total.averaged), lines)
        for kode, lines in groups.items()
    ]


def anggaran_by(data: KecamatanData, rules: Aturan, column: str) -> list[BudgetLine]:
    """Sub-kegiatan summed per value of ``column`` (``unit``, ``jenis_belanja``,
    ``sumber_dana``); ``sasaran``: :func:`anggaran_by_sasaran`."""
    if column == "sasaran":
        return anggaran_by_sasaran(anggaran_tree(data, rules))
    averaged = rules.persen_induk == "rata_rata"
    leaves = [_leaf(r) for r in data.table("anggaran") if r.get("kode")]
    if column == "unit":
        return _grouped(leaves, lambda x: x.unit, "unit", averaged)
    return _grouped(leaves, lambda x: str(x.rows[0].get(column) or ""), column, averaged)


def share(part: int | None, total: int | None) -> Decimal | None:
    """Part of a total in percent (e.g. a sasaran's share of the budget)."""
    if part is None or not total:
        return None
    return Decimal(part) / Decimal(total) * HUNDRED
