"""Staff composition: counts of employees by one or two attributes, with totals, kept apart by
unit (the kantor kecamatan and the kelurahan/desa offices).

A kecamatan gives its staff either one row per person (sheet ``pegawai``, rows may stand for a
group through ``jumlah``) or as totals per dimension (sheet ``rekap_pegawai``: dimensi, kelompok,
unit, jumlah). From the first every cross-tabulation can be computed; from the second only the
tables that were entered (:class:`Rekap`), never a cross-tabulation of two dimensions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from lkjip.loader import KecamatanData, Row, parse_cell
from lkjip.schema import EDUCATION, SHEETS_BY_NAME, STAFF_CATEGORIES, STAFF_DIMENSIONS

TOTAL = "Jumlah"
UNKNOWN = "Tidak diisi"
KANTOR = "Kantor Kecamatan"
LABELS = {
    "kategori": {
        "struktural": "Struktural",
        "fungsional": "Fungsional",
        "pelaksana": "Pelaksana",
        "pns": "PNS",
        "pppk": "PPPK",
        "non_asn": "Non-ASN",
    },
    "jenis_kelamin": {"L": "Laki-laki", "P": "Perempuan"},
}
ORDER = {
    "kategori": list(STAFF_CATEGORIES),
    "pendidikan": list(EDUCATION),
    "jenis_kelamin": ["L", "P"],
}
DIMENSIONS = STAFF_DIMENSIONS
"""The dimensions staff are counted by, in the order the report shows them."""
DIMENSION_TITLES = {
    "kategori": "Kategori Pegawai",
    "pendidikan": "Pendidikan",
    "golongan": "Golongan",
    "jenis_kelamin": "Jenis Kelamin",
    "jabatan": "Jabatan",
    "diklat": "Diklat",
}
SEX_WORDS = {"laki-laki": "L", "laki laki": "L", "perempuan": "P"}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_KANTOR_WORDS = ("", "kecamatan", "kantor kecamatan", "kantor camat")


# --- units ---------------------------------------------------------------------------------------
def is_kantor(unit: object) -> bool:
    """True for the kantor kecamatan: an empty unit, "Kecamatan", "Kantor Kecamatan", or
    "Kecamatan <nama>"; anything else is a kelurahan/desa office (or another unit)."""
    text = " ".join(str(unit or "").lower().split())
    return text in _KANTOR_WORDS or text.startswith(("kecamatan ", "kantor kecamatan "))


def unit_label(unit: object) -> str:
    """The name a unit is shown with: ``Kantor Kecamatan`` for the kantor, else as entered."""
    return KANTOR if is_kantor(unit) else " ".join(str(unit).split())


def group_of(units: Sequence[str]) -> str:
    """The word for the units outside the kantor kecamatan: ``Kelurahan``, ``Desa``,
    ``Kelurahan/Desa`` (a mix of both) or ``Unit Lain``."""
    words = {str(u).split()[0].lower() if str(u).split() else "" for u in units}
    if words == {"kelurahan"}:
        return "Kelurahan"
    if words == {"desa"}:
        return "Desa"
    return "Kelurahan/Desa" if words <= {"kelurahan", "desa"} else "Unit Lain"


def ordered_units(units: Sequence[str]) -> list[str]:
    """Unit labels without repeats: the kantor first, then the others as they first appear."""
    seen = list(dict.fromkeys(units))
    return [u for u in seen if u == KANTOR] + [u for u in seen if u != KANTOR]


# --- ordering and labels -------------------------------------------------------------------------
def roman(text: str) -> int:
    """``III`` → 3, ``IX`` → 9; 0 for text that is not a Roman numeral."""
    total, previous = 0, 0
    for char in reversed(text.upper()):
        number = ROMAN_VALUES.get(char, 0)
        if not number:
            return 0
        total += -number if number < previous else number
        previous = max(previous, number)
    return total


def ruang(golongan: str) -> str:
    """The golongan ruang of a golongan: ``III/b`` → ``III``."""
    return golongan if golongan == UNKNOWN else golongan.split("/")[0].strip().upper()


def order(values: Sequence[str], by: str) -> list[str]:
    """Values of one attribute in the report's order: the genre's order where there is one
    (kategori, pendidikan, jenis kelamin, golongan by rank), then the rest as given; "Tidak
    diisi" last."""
    values = list(dict.fromkeys(values))
    rest = [v for v in values if v == UNKNOWN]
    values = [v for v in values if v != UNKNOWN]
    if by in ("ruang", "golongan"):
        ranked = sorted(values, key=lambda v: (roman(ruang(v)) or 99, v))
        return ranked + rest
    known = ORDER.get(by, [])
    first = [v for v in known if v in values]
    others = [v for v in values if v not in known]
    if by not in ("jabatan", "diklat"):
        others = sorted(others)
    return first + others + rest


def label(by: str, value: str) -> str:
    """How a value is printed: ``non_asn`` → ``Non-ASN``, ``L`` → ``Laki-laki``, ruang
    ``III`` → ``Gol. III``."""
    if by == "ruang" and value not in (UNKNOWN, TOTAL):
        return f"Gol. {value}"
    return LABELS.get(by, {}).get(value, value)


# --- one row per person ----------------------------------------------------------------------------
def own_jabatan(jabatan: str, unit: str) -> str:
    """A jabatan without the name of its own unit: "Lurah Sukamaju" at "Kelurahan Sukamaju" is
    the unit's Lurah, counted with the other Lurah."""
    name = re.sub(r"^(kelurahan|desa|kel\.|ds\.)\s+", "", unit, flags=re.IGNORECASE).strip()
    if name and jabatan.lower().endswith(" " + name.lower()) and len(jabatan) > len(name) + 1:
        return jabatan[: -len(name) - 1].strip()
    return jabatan


def pegawai_frame(data: KecamatanData) -> pd.DataFrame:
    """One row per pegawai row with its weight ``jumlah``, its unit (``Kantor Kecamatan`` or the
    kelurahan/desa office as entered) and the jabatan without the unit's own name."""
    records = []
    for r in data.table("pegawai"):
        unit = unit_label(r.get("unit"))
        golongan = str(r.get("golongan") or UNKNOWN)
        jabatan = str(r.get("jabatan") or UNKNOWN)
        records.append(
            {
                "kategori": r.get("kategori") or UNKNOWN,
                "pendidikan": r.get("pendidikan") or UNKNOWN,
                "golongan": golongan,
                "ruang": ruang(golongan),
                "jenis_kelamin": r.get("jenis_kelamin") or UNKNOWN,
                "diklat": r.get("diklat") or UNKNOWN,
                "unit": unit,
                "jabatan": own_jabatan(jabatan, unit) if unit != KANTOR else jabatan,
                "jumlah": r.get("jumlah") if isinstance(r.get("jumlah"), int) else 1,
            }
        )
    columns = ["kategori", "pendidikan", "golongan", "ruang", "jenis_kelamin", "diklat"]
    return pd.DataFrame.from_records(records, columns=[*columns, "unit", "jabatan", "jumlah"])


def units_of(frame: pd.DataFrame) -> list[str]:
    """The units staff work in, the kantor first."""
    return ordered_units(list(frame["unit"]))


def split_by_unit(frame: pd.DataFrame) -> bool:
    """True when some staff work outside the kantor kecamatan: tables then keep them apart."""
    return any(u != KANTOR for u in frame["unit"])


def unit_groups(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The kantor kecamatan's staff and the other units' staff (one group), each non-empty."""
    kantor = frame[frame["unit"] == KANTOR]
    others = frame[frame["unit"] != KANTOR]
    groups = [(KANTOR, kantor)] if not kantor.empty else []
    if not others.empty:
        groups.append((group_of(list(others["unit"])), others))
    return groups


def pivot(frame: pd.DataFrame, rows: str, columns: str | None = None) -> pd.DataFrame:
    """Counts by ``rows`` (and ``columns``), with a ``Jumlah`` row and column, values in the
    report's order and labelled in Indonesian. Columns may be given in full through
    :func:`pivot_like` so that several groups share them."""
    if columns is None:
        table = frame.groupby(rows, sort=False)["jumlah"].sum().to_frame(TOTAL)
        table = table.reindex(order(list(table.index), rows))
        table.loc[TOTAL] = table[TOTAL].sum()
    else:
        table = frame.pivot_table(
            index=rows,
            columns=columns,
            values="jumlah",
            aggfunc="sum",
            fill_value=0,
            margins=True,
            margins_name=TOTAL,
        )
        body_rows = order([i for i in table.index if i != TOTAL], rows)
        body_cols = order([c for c in table.columns if c != TOTAL], columns)
        table = table.reindex(index=[*body_rows, TOTAL], columns=[*body_cols, TOTAL])
        table.columns = [label(columns, c) for c in table.columns]
    table.index = [label(rows, i) for i in table.index]
    return table.fillna(0).astype(int)


def pivot_like(frame: pd.DataFrame, rows: str, columns: str, like: pd.DataFrame) -> pd.DataFrame:
    """:func:`pivot` of a part of the staff with the columns of ``like`` (the whole staff's
    pivot), zeros where the part has none."""
    table = pivot(frame, rows, columns)
    return table.reindex(columns=list(like.columns), fill_value=0)


def pegawai_pivot(data: KecamatanData, rows: str, columns: str | None = None) -> pd.DataFrame:
    """Counts of the whole staff by ``rows`` (and ``columns``); see :func:`pivot`."""
    return pivot(pegawai_frame(data), rows, columns)


def by_unit(frame: pd.DataFrame, rows: str) -> pd.DataFrame:
    """Counts by ``rows`` with one column per unit group (the kantor kecamatan, the
    kelurahan/desa offices) and ``Jumlah``; just ``Jumlah`` when everyone is at the kantor."""
    table = pivot(frame, rows)
    for name, part in reversed(unit_groups(frame)) if split_by_unit(frame) else []:
        counts = pivot(part, rows)[TOTAL]
        table.insert(0, name, counts.reindex(table.index, fill_value=0))
    return table.fillna(0).astype(int)


# --- totals per dimension (sheet rekap_pegawai) ----------------------------------------------------
@dataclass
class RekapTable:
    """One dimension's counts as entered: per kelompok and unit, with the rows they came from."""

    dimensi: str
    kelompok: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)

    def total(self, unit: str | None = None, kelompok: str | None = None) -> int:
        return sum(
            n
            for (k, u), n in self.counts.items()
            if (unit is None or u == unit) and (kelompok is None or k == kelompok)
        )


def rekap_kelompok(dimensi: str, raw: object) -> str:
    """A kelompok as the pegawai sheet would hold it (``SMA`` → ``SLTA``, ``Non ASN`` →
    ``non_asn``); ValueError (Indonesian) for a value the dimension does not know."""
    text = " ".join(str(raw or "").split())
    text = SEX_WORDS.get(text.lower(), text) if dimensi == "jenis_kelamin" else text
    if dimensi in ("kategori", "pendidikan", "jenis_kelamin"):
        return str(parse_cell(SHEETS_BY_NAME["pegawai"].column(dimensi), text.replace("-", "_")))
    return text


def rekap_tables(data: KecamatanData) -> dict[str, RekapTable]:
    """The dimensions of sheet ``rekap_pegawai`` in the report's order, each with its counts;
    rows without a known dimension, a kelompok or a count are left out (validate reports them)."""
    tables: dict[str, RekapTable] = {}
    for row in data.table("rekap_pegawai"):
        dimensi, jumlah = row.get("dimensi"), row.get("jumlah")
        if dimensi not in DIMENSIONS or not row.get("kelompok") or not isinstance(jumlah, int):
            continue
        try:
            kelompok = rekap_kelompok(str(dimensi), row["kelompok"])
        except ValueError:
            continue
        table = tables.setdefault(str(dimensi), RekapTable(str(dimensi)))
        unit = unit_label(row.get("unit"))
        key = (kelompok, unit)
        table.counts[key] = table.counts.get(key, 0) + jumlah
        table.kelompok.append(kelompok)
        table.units.append(unit)
        table.rows.append(row)
    for table in tables.values():
        table.kelompok = order(table.kelompok, table.dimensi)
        table.units = ordered_units(table.units)
    return {d: tables[d] for d in DIMENSIONS if d in tables}


def rekap_by_unit(table: RekapTable) -> pd.DataFrame:
    """A dimension's counts with one column per unit group and ``Jumlah`` (as :func:`by_unit`),
    the kelompok labelled, a ``Jumlah`` row last."""
    records = [{table.dimensi: k, "unit": u, "jumlah": n} for (k, u), n in table.counts.items()]
    frame = pd.DataFrame.from_records(records, columns=[table.dimensi, "unit", "jumlah"])
    result = by_unit(frame, table.dimensi)
    wanted = [label(table.dimensi, k) for k in table.kelompok]
    return result.reindex([*wanted, TOTAL], fill_value=0)


def rekap_unit_totals(tables: dict[str, RekapTable]) -> dict[str, int]:
    """Staff per unit from totals: the first dimension's count of each unit (the dimensions
    agree when the data are valid)."""
    first = next(iter(tables.values()), None)
    return {} if first is None else {u: first.total(u) for u in first.units}


def staff_total(data: KecamatanData) -> int:
    """Every pegawai of the kecamatan, whether entered per person or as totals."""
    if data.table("pegawai"):
        return int(pegawai_frame(data)["jumlah"].sum())
    return sum(rekap_unit_totals(rekap_tables(data)).values())
