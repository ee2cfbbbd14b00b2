"""Comparators of the city's other perangkat daerah (``pembanding`` rows of level
``perangkat_daerah``, e.g. the AKIP score of every OPD): the kecamatan ranked among them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData, Row
from lkjip.metrics.capaian import mean

OPD = "perangkat_daerah"


@dataclass(frozen=True)
class Ranked:
    """One perangkat daerah in the ranking; ``sendiri`` marks the kecamatan itself."""

    peringkat: int
    nama: str
    nilai: Decimal
    sendiri: bool = False


def opd_rows(data: KecamatanData, kode: str, tahun: int) -> list[Row]:
    """The other perangkat daerah's values of indicator ``kode`` in ``tahun``."""
    return [
        row
        for row in data.table("pembanding")
        if row.get("level") == OPD
        and row.get("indikator") == kode
        and row.get("tahun") == tahun
        and isinstance(row.get("nilai"), Decimal)
        and row.get("nama")
    ]


def is_self(nama: object, kecamatan: str) -> bool:
    """A row naming the kecamatan itself ("Kecamatan Bekasi Utara" or "Bekasi Utara")."""
    name = " ".join(str(nama or "").lower().split())
    own = " ".join(kecamatan.lower().split())
    return name in (own, f"kecamatan {own}", f"kec. {own}")


def opd_ranking(
    rows: list[Row], kecamatan: str, nilai: Decimal | None, lower_is_better: bool
) -> list[Ranked]:
    """The perangkat daerah of ``rows`` and the kecamatan (``nilai``, its realisasi, replacing a
    row that names it) from best to worst; equal values share a rank (1, 2, 2, 4)."""
    entries = [
        (str(r["nama"]), r["nilai"], False) for r in rows if not is_self(r.get("nama"), kecamatan)
    ]
    if nilai is not None:
        entries.append((f"Kecamatan {kecamatan}", nilai, True))
    entries.sort(key=lambda e: e[1], reverse=not lower_is_better)  # type: ignore[arg-type,return-value]
    ranked: list[Ranked] = []
    for index, (nama, value, own) in enumerate(entries):
        same = ranked and ranked[-1].nilai == value
        rank = ranked[-1].peringkat if same else index + 1
        ranked.append(Ranked(rank, nama, value, own))  # type: ignore[arg-type]
    return ranked


def opd_mean(ranking: list[Ranked]) -> Decimal | None:
    """The mean over every perangkat daerah of the ranking, the kecamatan included."""
    return mean([r.nilai for r in ranking])
