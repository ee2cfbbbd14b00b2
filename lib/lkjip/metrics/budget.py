"""Budget roll-up: sub-kegiatan rows summed to kegiatan, program, sasaran, unit and total.

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


@dataclass
class BudgetLine:
    kode: str
    nama: str
    level: str
    pagu: int = 0
    realisasi: int = 0
    pagu_murni: int | None = None
    tw: tuple[int, int, int, int] | None = None
    unit: str = ""
    sasaran: str = ""
    children: list[BudgetLine] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    averaged: bool = False

    @property
    def persen(self) -> Decimal | None:
        """Capaian anggaran: realisasi / pagu x 100, or the mean of the children's percentages
        when the rules say so (``persen_induk: rata_rata``)."""
        if self.averaged and self.children:
            return mean([c.persen for c in self.children if c.persen is not None])
        if self.pagu == 0:
            return None
        return Decimal(self.realisasi) / Decimal(self.pagu) * HUNDRED

    @property
    def silpa(self) -> int:
        return self.pagu - self.realisasi

    @property
    def perubahan(self) -> int | None:
        return None if self.pagu_murni is None else self.pagu - self.pagu_murni

    def walk(self) -> Iterable[BudgetLine]:
        yield self
        for child in self.children:
            yield from child.walk()


def _money(row: Row, column: str) -> int:
    value = row.get(column)
    return value if isinstance(value, int) else 0


def unit_of(row: Row) -> str:
    return str(row.get("unit") or KECAMATAN_UNIT)


def _leaf(row: Row) -> BudgetLine:
    tws = [row.get(f"tw{q}") for q in range(1, 5)]
    murni = row.get("pagu_murni")
    return BudgetLine(
        kode=str(row.get("kode") or ""),
        nama=str(row.get("subkegiatan") or ""),
        level="subkegiatan",
        pagu=_money(row, "pagu"),
        realisasi=_money(row, "realisasi"),
        pagu_murni=murni if isinstance(murni, int) else None,
        tw=tuple(t if isinstance(t, int) else 0 for t in tws)  # type: ignore[arg-type]
        if any(isinstance(t, int) for t in tws)
        else None,
        unit=unit_of(row),
        sasaran=str(row.get("sasaran") or ""),
        rows=[row],
    )


def _sum_into(parent: BudgetLine, children: list[BudgetLine], averaged: bool) -> BudgetLine:
    parent.children = children
    parent.averaged = averaged
    parent.pagu = sum(c.pagu for c in children)
    parent.realisasi = sum(c.realisasi for c in children)
    parent.rows = [r for c in children for r in c.rows]
    if any(c.pagu_murni is not None for c in children):
        parent.pagu_murni = sum(c.pagu if c.pagu_murni is None else c.pagu_murni for c in children)
    if any(c.tw is not None for c in children):
        parent.tw = tuple(  # type: ignore[assignment]
            sum((c.tw or (0, 0, 0, 0))[q] for c in children) for q in range(4)
        )
    return parent


def _group(
    rows: list[Row],
    key: Callable[[Row], tuple[str, str]],
    level: str,
    averaged: bool,
    inner: Callable[[list[Row]], list[BudgetLine]],
) -> list[BudgetLine]:
    """Group rows by ``key`` (kode, nama) in first-seen order and sum each group."""
    groups: dict[str, tuple[str, list[Row]]] = {}
    for row in rows:
        kode, nama = key(row)
        groups.setdefault(kode, (nama, []))[1].append(row)
    return [
        _sum_into(BudgetLine(kode, nama, level), inner(members), averaged)
        for kode, (nama, members) in groups.items()
    ]


def budget_tree(data: KecamatanData, rules: Aturan) -> BudgetLine:
    """Total → program → kegiatan → sub-kegiatan (per unit), every sum computed from the rows."""
    averaged = rules.persen_induk == "rata_rata"
    rows = [r for r in data.table("anggaran") if r.get("kode")]

    def kegiatan(members: list[Row]) -> list[BudgetLine]:
        return _group(
            members,
            lambda r: (str(r.get("kegiatan_kode")), str(r.get("kegiatan") or "")),
            "kegiatan",
            averaged,
            lambda rs: [_leaf(r) for r in rs],
        )

    programs = _group(
        rows,
        lambda r: (str(r.get("program_kode")), str(r.get("program") or "")),
        "program",
        averaged,
        kegiatan,
    )
    return _sum_into(BudgetLine("", "Jumlah", "total"), programs, averaged)


def budget_by(data: KecamatanData, rules: Aturan, column: str) -> list[BudgetLine]:
    """Sub-kegiatan summed per value of ``column`` (``sasaran``, ``unit``, ``jenis_belanja``)."""
    averaged = rules.persen_induk == "rata_rata"
    rows = [r for r in data.table("anggaran") if r.get("kode")]
    if column == "unit":
        return _group(rows, lambda r: (unit_of(r), unit_of(r)), "unit", averaged, _leaves)
    return _group(
        rows,
        lambda r: (str(r.get(column) or ""), str(r.get(column) or "")),
        column,
        averaged,
        _leaves,
    )


def _leaves(rows: list[Row]) -> list[BudgetLine]:
    return [_leaf(r) for r in rows]


def share(part: int, total: int) -> Decimal | None:
    """Part of a total in percent (e.g. a sasaran's share of the budget)."""
    return None if total == 0 else Decimal(part) / Decimal(total) * HUNDRED
