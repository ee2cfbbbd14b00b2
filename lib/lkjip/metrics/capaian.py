"""Capaian of indicators with polarity, capping and category, and its aggregation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from lkjip.loader import KecamatanData, Row
from lkjip.rules import Aturan, Band, classify, load_rules
from lkjip.schema import MEANS

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


def entered_rows(data: KecamatanData) -> dict[tuple[str, int], Row]:
    """target_realisasi rows by (indicator code, year) as entered; the first row wins on
    duplicates."""
    index: dict[tuple[str, int], Row] = {}
    for row in data.table("target_realisasi"):
        key = (row.get("indikator"), row.get("tahun"))
        if all(key):
            index.setdefault(key, row)  # type: ignore[arg-type]
    return index


def target_rows(data: KecamatanData, rules: Aturan | None = None) -> dict[tuple[str, int], Row]:
    """target_realisasi rows by (indicator code, year), every table's one source of targets and
    realisations: as entered, except the realisasi of an indicator computed as the mean of
    others (``dihitung_dari: rata_rata`` / ``rata_rata_capaian``), which is computed wherever
    its components allow (a year without a row of its own gets one, without target). ``rules``:
    the rules in force (a mean of capaian needs them; default: the default preset)."""
    index = entered_rows(data)
    means = derivations(data)
    if not means:
        return index
    rules = rules or _default_rules()
    derived = dict(index)
    for kode, derivation in means.items():
        for year in sorted({y for (_k, y) in index}):
            value = derived_value(data, rules, kode, year, means, index)
            if value is None:
                continue
            base = index.get((kode, year))
            values = dict(base) if base else {"indikator": kode, "tahun": year}
            where = base or derivation.row
            derived[(kode, year)] = Row(
                {**values, "realisasi": value}, where.source, where.sheet, where.line
            )
    return derived


# --- indicators computed as the mean of others ------------------------------------------------
@dataclass(frozen=True)
class Derivation:
    """An indicator whose realisasi is the mean of other indicators' realisasi (``rata_rata``)
    or capaian (``rata_rata_capaian``), declared in ``dihitung_dari`` and ``komponen``."""

    kode: str
    cara: str
    komponen: tuple[str, ...]
    row: Row


def component_codes(text: object) -> tuple[str, ...]:
    """ "IKU1, IKU2; IKU3" → ("IKU1", "IKU2", "IKU3")."""
    return tuple(c for c in re.split(r"[,;\s]+", str(text or "")) if c)


def derivations(data: KecamatanData) -> dict[str, Derivation]:
    """The indicators computed as a mean, by code."""
    return {
        str(row["kode"]): Derivation(
            str(row["kode"]), str(row["dihitung_dari"]), component_codes(row.get("komponen")), row
        )
        for row in data.table("indikator")
        if row.get("dihitung_dari") in MEANS and row.get("kode")
    }


def derived_parts(
    data: KecamatanData,
    rules: Aturan,
    kode: str,
    tahun: int,
    means: dict[str, Derivation] | None = None,
    index: dict[tuple[str, int], Row] | None = None,
    active: frozenset[str] = frozenset(),
) -> list[tuple[str, Decimal | None]]:
    """The value each component of ``kode`` contributes in ``tahun`` (its realisasi, or its
    capaian for ``rata_rata_capaian``), None where it has none. A component computed as a mean
    itself contributes its computed value (else its entered one); a cycle contributes None."""
    means = derivations(data) if means is None else means
    index = entered_rows(data) if index is None else index
    derivation = means[kode]
    polarity = {
        str(r.get("kode")): str(r.get("polaritas") or "naik") for r in data.table("indikator")
    }
    parts: list[tuple[str, Decimal | None]] = []
    for code in derivation.komponen:
        row = index.get((code, tahun), {})
        real = row.get("realisasi")
        if code in active or code == kode:
            real = None
        elif code in means:
            computed = derived_value(data, rules, code, tahun, means, index, active | {kode})
            real = computed if computed is not None else real
        if derivation.cara == "rata_rata_capaian":
            real = capaian(row.get("target"), real, polarity.get(code, "naik"), rules)  # type: ignore[arg-type]
        parts.append((code, real if isinstance(real, Decimal) else None))
    return parts


def derived_value(
    data: KecamatanData,
    rules: Aturan,
    kode: str,
    tahun: int,
    means: dict[str, Derivation] | None = None,
    index: dict[tuple[str, int], Row] | None = None,
    active: frozenset[str] = frozenset(),
) -> Decimal | None:
    """The mean of the components of ``kode`` in ``tahun``; None unless every one has a value."""
    parts = derived_parts(data, rules, kode, tahun, means, index, active)
    values = [v for _c, v in parts]
    if not values or any(v is None for v in values):
        return None
    return mean(values)  # type: ignore[arg-type]


@cache
def _default_rules() -> Aturan:
    return load_rules()


def indicator_results(
    data: KecamatanData, rules: Aturan, tahun: int, level: str | None = None
) -> list[IndicatorResult]:
    """Every indicator in force in ``tahun`` (optionally of one level), in input order."""
    values = target_rows(data, rules)
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
