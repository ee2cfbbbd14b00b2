"""Staff composition: counts of employees by one or two attributes, with totals."""

from __future__ import annotations

import pandas as pd

from lkjip.loader import KecamatanData
from lkjip.schema import EDUCATION, STAFF_CATEGORIES

TOTAL = "Jumlah"
UNKNOWN = "Tidak diisi"
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


def staff_frame(data: KecamatanData) -> pd.DataFrame:
    """One row per pegawai row with its weight ``jumlah``."""
    records = [
        {
            "kategori": r.get("kategori") or UNKNOWN,
            "pendidikan": r.get("pendidikan") or UNKNOWN,
            "golongan": r.get("golongan") or UNKNOWN,
            "jenis_kelamin": r.get("jenis_kelamin") or UNKNOWN,
            "diklat": r.get("diklat") or UNKNOWN,
            "unit": r.get("unit") or "Kecamatan",
            "jabatan": r.get("jabatan") or UNKNOWN,
            "jumlah": r.get("jumlah") if isinstance(r.get("jumlah"), int) else 1,
        }
        for r in data.table("pegawai")
    ]
    return pd.DataFrame.from_records(
        records,
        columns=[
            "kategori",
            "pendidikan",
            "golongan",
            "jenis_kelamin",
            "diklat",
            "unit",
            "jabatan",
            "jumlah",
        ],
    )


def _order(values: list[str], by: str) -> list[str]:
    known = ORDER.get(by, [])
    return [v for v in known if v in values] + sorted(v for v in values if v not in known)


def staff_pivot(data: KecamatanData, rows: str, columns: str | None = None) -> pd.DataFrame:
    """Counts by ``rows`` (and ``columns``), with a ``Jumlah`` row and column. Labels Indonesian."""
    frame = staff_frame(data)
    if columns is None:
        table = frame.groupby(rows)["jumlah"].sum().to_frame(TOTAL)
        table = table.reindex(_order(list(table.index), rows))
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
        body_rows = _order([i for i in table.index if i != TOTAL], rows)
        body_cols = _order([c for c in table.columns if c != TOTAL], columns)
        table = table.reindex(index=[*body_rows, TOTAL], columns=[*body_cols, TOTAL])
        table.columns = [LABELS.get(columns, {}).get(c, c) for c in table.columns]
    table.index = [LABELS.get(rows, {}).get(i, i) for i in table.index]
    return table.astype(int)
