"""Cross-checks of the staff sheets: ``pegawai`` or ``rekap_pegawai`` (never both), the totals
of ``rekap_pegawai`` against each other, and the units staff work in against ``wilayah``. Called
by :mod:`lkjip.validate`; every message names the file, sheet, row and column to fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from lkjip.formatting import angka
from lkjip.loader import Row
from lkjip.metrics.pegawai import DIMENSION_TITLES, KANTOR, rekap_kelompok, unit_label
from lkjip.problems import Problems
from lkjip.schema import EDUCATION, STAFF_CATEGORIES

_PREFIX = re.compile(r"^(kelurahan|desa|kel\.|ds\.)\s+", re.IGNORECASE)
_EXPECTED = {
    "kategori": "salah satu dari: " + ", ".join(STAFF_CATEGORIES),
    "pendidikan": "salah satu dari: " + ", ".join(EDUCATION),
    "jenis_kelamin": "L atau P",
}


class _Checks(Protocol):
    p: Problems

    def rows(self, sheet: str) -> list[Row]: ...


def check_staff(checks: _Checks) -> None:
    """Every check of this module, in order."""
    if _one_sheet(checks):
        _rekap_totals(checks)
    _units(checks)


def _one_sheet(checks: _Checks) -> bool:
    """A kecamatan gives its staff per person or as totals: both is an error (which one is
    right cannot be known). True when ``rekap_pegawai`` is the one to check."""
    rekap = checks.rows("rekap_pegawai")
    if rekap and checks.rows("pegawai"):
        checks.p.error(
            "sheet pegawai dan rekap_pegawai sama-sama diisi",
            expected="salah satu saja: pegawai (satu baris per pegawai) atau rekap_pegawai "
            "(jumlah pegawai per dimensi); kosongkan atau hapus yang lain",
            **rekap[0].where("dimensi"),
        )
        return False
    return bool(rekap)


def _rekap_rows(checks: _Checks) -> list[tuple[Row, str, str, str]]:
    """(row, dimensi, kelompok, unit) of every readable row; an unknown kelompok and a repeated
    (dimensi, kelompok, unit) are errors and the row is left out."""
    found: list[tuple[Row, str, str, str]] = []
    seen: dict[tuple[str, str, str], Row] = {}
    for row in checks.rows("rekap_pegawai"):
        dimensi = row.get("dimensi")
        if not dimensi or not row.get("kelompok") or not isinstance(row.get("jumlah"), int):
            continue  # a required cell that is empty or unreadable has its own error
        try:
            kelompok = rekap_kelompok(str(dimensi), row["kelompok"])
        except ValueError:
            checks.p.error(
                f"kelompok tidak dikenal untuk dimensi {dimensi}",
                found=str(row["kelompok"]),
                expected=_EXPECTED.get(str(dimensi), ""),
                **row.where("kelompok"),
            )
            continue
        unit = unit_label(row.get("unit"))
        key = (str(dimensi), kelompok, unit)
        if key in seen:
            checks.p.error(
                f"kelompok '{row['kelompok']}' dimensi {dimensi} untuk unit {unit} ganda; sudah "
                f"diisi di baris {seen[key].line}",
                **row.where("kelompok"),
            )
            continue
        seen[key] = row
        found.append((row, str(dimensi), kelompok, unit))
    return found


def _lines(rows: list[Row]) -> str:
    numbers = sorted(r.line for r in rows)
    return f"baris {numbers[0]}" if len(numbers) == 1 else f"baris {numbers[0]}–{numbers[-1]}"


def _rekap_totals(checks: _Checks) -> None:
    """Every dimension counts the staff of the same units, and each unit's total is the same
    in every dimension (the first dimension entered is the reference)."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row, dimensi, _kelompok, unit in _rekap_rows(checks):
        totals[dimensi][unit] += row["jumlah"]  # type: ignore[operator]
        rows[(dimensi, unit)].append(row)
    if len(totals) < 2:
        return
    units = list(dict.fromkeys(u for per_unit in totals.values() for u in per_unit))
    reference, *others = list(totals)
    for dimensi in [reference, *others]:
        for unit in units:
            if unit not in totals[dimensi]:
                first = rows[(dimensi, next(iter(totals[dimensi])))][0]
                where = "kantor kecamatan" if unit == KANTOR else f"unit {unit}"
                checks.p.error(
                    f"dimensi {dimensi} tidak mencakup pegawai {where}",
                    expected="setiap dimensi mencakup seluruh pegawai setiap unit yang ada di "
                    "sheet ini",
                    **first.where("unit"),
                )
    for dimensi in others:
        for unit in units:
            mine, theirs = totals[dimensi].get(unit), totals[reference].get(unit)
            if mine is None or theirs is None or mine == theirs:
                continue
            at = rows[(dimensi, unit)]
            whose = "" if len(units) == 1 else f" {unit}"
            checks.p.error(
                f"jumlah pegawai{whose} menurut {_title(dimensi)} ({angka(mine, 0)}, "
                f"{_lines(at)}) tidak sama dengan menurut {_title(reference)} "
                f"({angka(theirs, 0)}, {_lines(rows[(reference, unit)])})",
                found=angka(mine, 0),
                expected=angka(theirs, 0),
                **at[0].where("jumlah"),
            )


def _title(dimensi: str) -> str:
    return DIMENSION_TITLES[dimensi].lower().removesuffix(" pegawai")


def _units(checks: _Checks) -> None:
    """A kelurahan/desa unit names a desa/kelurahan of sheet ``wilayah`` (a typing mistake
    would split one office into two); once per unit, at its first row."""
    names = {
        " ".join(str(r["nama"]).lower().split()) for r in checks.rows("wilayah") if r.get("nama")
    }
    if not names:
        return
    reported: set[str] = set()
    for sheet in ("pegawai", "rekap_pegawai"):
        for row in checks.rows(sheet):
            unit = unit_label(row.get("unit"))
            if unit == KANTOR or unit in reported:
                continue
            if " ".join(_PREFIX.sub("", unit).lower().split()) not in names:
                reported.add(unit)
                checks.p.warning(
                    f"unit '{unit}' bukan desa/kelurahan di sheet wilayah",
                    found=unit,
                    expected="kosong atau Kecamatan untuk kantor kecamatan, atau 'Kelurahan "
                    "<nama>'/'Desa <nama>' dengan nama seperti di sheet wilayah",
                    **row.where("unit"),
                )
