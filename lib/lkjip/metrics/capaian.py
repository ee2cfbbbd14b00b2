"""Capaian of indicators with polarity, capping and category, and its aggregation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData, Row
from lkjip.rules import Aturan, Band, classify

HUNDRED = Decimal(100)


def capaian(
    target: Decimal | None, realisasi: Decimal | None, polaritas: str, rules: Aturan
) -> Decimal | None:
    """Capaian in percent (uncapped); None when it cannot be computed (no value, zero divisor)."""
    if target is None or realisasi is None or target == 0:
        return None
    if polaritas == "turun":
        if rules.capaian_turun == "dua_kali_target":
            return (2 * target - realisasi) / target * HUNDRED
        if realisasi == 0:
            return None
        return target / realisasi * HUNDRED
    return realisasi / target * HUNDRED


def capped(value: Decimal | None, rules: Aturan) -> Decimal | None:
    """The value used for the category: limited to the rules' bounds, if any."""
    if value is None:
        return None
    if rules.capaian_batas_atas is not None:
        value = min(value, rules.capaian_batas_atas)
    if rules.capaian_batas_bawah is not None:
        value = max(value, rules.capaian_batas_bawah)
    return value


@dataclass(frozen=True)
class Achievement:
    """Capaian with both numbers kept: uncapped for averages, capped for the category."""

    nilai: Decimal | None
    nilai_kategori: Decimal | None
    kategori: Band | None

    @classmethod
    def of(cls, value: Decimal | None, rules: Aturan) -> Achievement:
        limited = capped(value, rules)
        return cls(value, limited, classify(limited, rules.skala_capaian))


@dataclass(frozen=True)
class IndicatorResult:
    kode: str
    uraian: str
    satuan: str
    level: str
    induk: str
    polaritas: str
    iku: bool
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None
    target_akhir: Decimal | None
    capaian: Achievement
    row: Row


def mean(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def in_force(row: Row, tahun: int) -> bool:
    start, end = row.get("tahun_mulai"), row.get("tahun_selesai")
    return (start is None or start <= tahun) and (end is None or tahun <= end)


def target_rows(data: KecamatanData) -> dict[tuple[str, int], Row]:
    """target_realisasi rows by (indicator code, year); the first row wins on duplicates."""
    index: dict[tuple[str, int], Row] = {}
    for row in data.table("target_realisasi"):
        key = (row.get("indikator"), row.get("tahun"))
        if all(key):
            index.setdefault(key, row)  # type: ignore[arg-type]
    return index


def indicator_results(
    data: KecamatanData, rules: Aturan, tahun: int, level: str | None = None
) -> list[IndicatorResult]:
    """Every indicator in force in ``tahun`` (optionally of one level), in input order."""
    values = target_rows(data)
    results = []
    for row in data.table("indikator"):
        if level is not None and row.get("level") != level:
            continue
        if not in_force(row, tahun) or not row.get("kode"):
            continue
        results.append(indicator_result(row, values, rules, tahun))
    return results


def indicator_result(
    row: Row, values: dict[tuple[str, int], Row], rules: Aturan, tahun: int
) -> IndicatorResult:
    """One indicator (``indikator`` row) in ``tahun``, in force or not."""
    tr = values.get((row["kode"], tahun), {})  # type: ignore[arg-type]
    target, realisasi = tr.get("target"), tr.get("realisasi")
    polaritas = str(row.get("polaritas") or "naik")
    value = capaian(target, realisasi, polaritas, rules)  # type: ignore[arg-type]
    return IndicatorResult(
        kode=str(row["kode"]),
        uraian=str(row.get("uraian") or ""),
        satuan=str(row.get("satuan") or ""),
        level=str(row.get("level") or ""),
        induk=str(row.get("induk") or ""),
        polaritas=polaritas,
        iku=bool(row.get("iku")),
        tahun=tahun,
        target=target,  # type: ignore[arg-type]
        realisasi=realisasi,  # type: ignore[arg-type]
        target_akhir=row.get("target_akhir"),  # type: ignore[arg-type]
        capaian=Achievement.of(value, rules),
        row=row,
    )


def iku_results(data: KecamatanData, rules: Aturan, tahun: int) -> list[IndicatorResult]:
    """The IKU: sasaran-level indicators marked iku (all sasaran indicators if none is marked)."""
    sasaran = indicator_results(data, rules, tahun, level="sasaran")
    marked = [r for r in sasaran if r.iku]
    return marked or sasaran


def average(results: list[IndicatorResult], rules: Aturan) -> Achievement:
    """Mean of the uncapped capaian of ``results`` (those that could be computed)."""
    values = [r.capaian.nilai for r in results if r.capaian.nilai is not None]
    return Achievement.of(mean(values), rules)


@dataclass(frozen=True)
class SasaranResult:
    kode: str
    uraian: str
    tujuan: str
    indikator: list[IndicatorResult]
    capaian: Achievement


def sasaran_results(data: KecamatanData, rules: Aturan, tahun: int) -> list[SasaranResult]:
    """Each sasaran in force with the mean capaian of its IKU."""
    iku = iku_results(data, rules, tahun)
    results = []
    for row in data.table("sasaran"):
        if not in_force(row, tahun) or not row.get("kode"):
            continue
        mine = [r for r in iku if r.induk == row["kode"]]
        results.append(
            SasaranResult(
                kode=str(row["kode"]),
                uraian=str(row.get("uraian") or ""),
                tujuan=str(row.get("tujuan") or ""),
                indikator=mine,
                capaian=average(mine, rules),
            )
        )
    return results


def category_counts(results: list[SasaranResult]) -> dict[str, int]:
    """How many sasaran exceed, meet or miss their target (capaian > / = / < 100)."""
    counts = {"melampaui": 0, "sesuai": 0, "tidak_mencapai": 0}
    for result in results:
        value = result.capaian.nilai
        if value is None:
            continue
        key = "melampaui" if value > HUNDRED else "sesuai" if value == HUNDRED else "tidak_mencapai"
        counts[key] += 1
    return counts
