"""Helpers shared by the chapter modules: table construction, small text utilities and the
values several chapters print."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from lkjip.formatting import angka, angka_masukan, bilangan_terbilang, persen, rupiah, terbilang
from lkjip.metrics.anggaran import BudgetLine, share
from lkjip.metrics.capaian import IndicatorResult
from lkjip.report.blocks import Align, Cell, Inline, Para, Table
from lkjip.report.context import ReportContext
from lkjip.rules import Band

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}


def cells(values: Sequence[str | Cell], bold: bool = False) -> list[Cell]:
    return [v if isinstance(v, Cell) else Cell(str(v), bold=bold) for v in values]


def table(
    header: Sequence[str | Cell] | Sequence[Sequence[str | Cell]],
    rows: Sequence[Sequence[str | Cell]],
    aligns: Sequence[Align] = (),
    foot: Sequence[Sequence[str | Cell]] = (),
    source: str = "",
    wide: bool = False,
    widths: Sequence[float] = (),
) -> Table:
    """A table from plain strings. ``header`` is one row, or several rows (merged cells as
    :class:`Cell` with colspan/rowspan). Footer rows (totals) are bold."""
    head_rows = header if header and not isinstance(header[0], str | Cell) else [header]
    return Table(
        head=[cells(r, bold=True) for r in head_rows],  # type: ignore[arg-type]
        body=[cells(r) for r in rows],
        foot=[cells(r, bold=True) for r in foot],
        aligns=list(aligns),
        widths=list(widths),
        source=source,
        wide=wide,
    )


def grouped_source(source: str, shown: Sequence[bool], index: int, note: str = "") -> str:
    """The source line of table ``index`` of a group: consecutive tables of one section taken
    from one source (``shown`` says which tables of the group the report shows). The line is
    printed once, after the group: the last table shown carries it and says how many tables
    before it share it, so that every table stays attributable; the others carry none. A
    ``note`` the tables share (the meaning of their symbols) follows the source.

    ``"Data realisasi anggaran …, diolah (untuk tabel ini dan 3 (tiga) tabel sebelumnya)"``
    """
    present = [i for i, on in enumerate(shown) if on]
    if not present or index != present[-1]:
        return ""
    before = len(present) - 1
    if not before:
        return source + note
    tables = "tabel sebelumnya" if before == 1 else f"{bilangan_terbilang(before)} tabel sebelumnya"
    return f"{source} (untuk tabel ini dan {tables}){note}"


def nip(text: object) -> str:
    """An 18-digit NIP printed with the usual spacing ``19701013 199201 1 001``."""
    raw = str(text or "").strip()
    digits = re.sub(r"\s+", "", raw)
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return re.sub(r"\s+", " ", raw)


def para(*content: Inline, style: str = "") -> Para:
    return Para(list(content), style=style)


def value(number: Decimal | int | None) -> str:
    """A value with the decimals it was entered with: 73 → "73", 7.8 → "7,8", 76.10 → "76,10"
    (see :func:`lkjip.formatting.angka_masukan`)."""
    return angka_masukan(number)


def with_unit(number: Decimal | int | None, satuan: str) -> str:
    """A value with its unit where the unit reads naturally after the number."""
    if number is None:
        return "-"
    unit = satuan.strip()
    if unit in ("%", "persen", "Persen", "Persen (%)"):
        return f"{value(number)}%"
    if not unit or unit.lower() in ("nilai", "indeks", "angka"):
        return value(number)
    return f"{value(number)} {unit}"


# --- text helpers the chapters share --------------------------------------------------------
def hitung(count: int) -> str:
    """A count with words: ``304`` → ``304 (tiga ratus empat)``, ``1250`` → ``1.250 (…)``."""
    return f"{angka(count, 0)} ({terbilang(count)})"


def band_text(band: Band | None) -> str:
    """``BB (Sangat Baik)``; just the label when the code repeats it (``Tercapai``)."""
    if band is None:
        return "-"
    if band.kode.strip().lower() == band.label.strip().lower():
        return band.label
    return f"{band.kode} ({band.label})"


def join_id(parts: list[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c``."""
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} dan {parts[1]}"
    return ", ".join(parts[:-1]) + f", dan {parts[-1]}"


def daftar(items: Sequence[str]) -> str:
    """An Indonesian enumeration: "A", "A dan B", "A, B dan C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


# --- values several chapters print ----------------------------------------------------------
def periode_renstra(ctx: ReportContext) -> str:
    return ctx.variables()["periode_renstra"]


def pihak_kedua(ctx: ReportContext) -> str:
    """The kepala daerah who signs the PK with the Camat: "Bupati Jombang", "Wali Kota Bekasi"."""
    return f"{ctx.kepala_daerah} {ctx.variables()['kota']}"


def sumber_dana(ctx: ReportContext) -> list[BudgetLine]:
    """The budget per sumber dana, when the column is filled (empty list otherwise)."""
    if not any(r.get("sumber_dana") for r in ctx.data.table("anggaran")):
        return []
    return ctx.anggaran_by("sumber_dana")


def sumber_dana_kalimat(ctx: ReportContext) -> str | None:
    """ "Seluruh anggaran bersumber dari PAD." or the split over several sources."""
    lines = sumber_dana(ctx)
    if not lines:
        return None
    if len(lines) == 1:
        return f"Seluruh anggaran bersumber dari {lines[0].kode}."
    total = ctx.budget.pagu
    parts = [
        f"{line.kode or 'sumber yang belum diisi'} sebesar {rupiah(line.pagu)} "
        f"({persen(share(line.pagu, total))})"
        for line in lines
    ]
    return f"Anggaran bersumber dari {daftar(parts)}."


PART_TUJUAN = "capaian-tujuan"  # BAB III's part on the tujuan; BAB IV concludes on the same


def tujuan_indicators(ctx: ReportContext) -> list[IndicatorResult]:
    """The tujuan indicators in force this year (part ``capaian-tujuan``)."""
    return ctx.indicators("tujuan") if ctx.enabled(PART_TUJUAN) else []


__all__ = [
    "PART_TUJUAN",
    "ROMAN",
    "angka",
    "band_text",
    "cells",
    "daftar",
    "grouped_source",
    "hitung",
    "join_id",
    "para",
    "periode_renstra",
    "persen",
    "pihak_kedua",
    "rupiah",
    "sumber_dana",
    "sumber_dana_kalimat",
    "table",
    "tujuan_indicators",
    "value",
    "with_unit",
]
