"""Efisiensi: capaian kinerja set against capaian (serapan) anggaran, per the rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData
from lkjip.metrics.anggaran import anggaran_by
from lkjip.metrics.capaian import HUNDRED, sasaran_results
from lkjip.rules import Aturan


def efisiensi(kinerja: Decimal | None, anggaran: Decimal | None, rules: Aturan) -> Decimal | None:
    """``rasio``: (kinerja / anggaran − 1) × 100; ``selisih``: kinerja − anggaran (points)."""
    if kinerja is None or anggaran is None:
        return None
    if rules.efisiensi == "selisih":
        return kinerja - anggaran
    if anggaran == 0:
        return None
    return (kinerja / anggaran - 1) * HUNDRED


@dataclass(frozen=True)
class SasaranEfficiency:
    kode: str
    uraian: str
    capaian_kinerja: Decimal | None
    pagu: int | None
    realisasi: int | None
    capaian_anggaran: Decimal | None
    efisiensi: Decimal | None


def efisiensi_by_sasaran(data: KecamatanData, rules: Aturan, tahun: int) -> list[SasaranEfficiency]:
    budgets = {line.kode: line for line in anggaran_by(data, rules, "sasaran")}
    results = []
    for sasaran in sasaran_results(data, rules, tahun):
        line = budgets.get(sasaran.kode)
        kinerja = sasaran.capaian.nilai
        anggaran = line.persen if line else None
        results.append(
            SasaranEfficiency(
                kode=sasaran.kode,
                uraian=sasaran.uraian,
                capaian_kinerja=kinerja,
                pagu=line.pagu if line else 0,
                realisasi=line.realisasi if line else 0,  # no budget mapped: nothing spent
                capaian_anggaran=anggaran,
                efisiensi=efisiensi(kinerja, anggaran, rules),
            )
        )
    return results
