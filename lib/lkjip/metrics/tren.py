"""Change against previous years (▲ ● ▼) and progress towards the Renstra end target."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData
from lkjip.metrics.capaian import IndicatorResult, capaian, target_rows
from lkjip.rules import Aturan

ARROW = {"naik": "▲", "tetap": "●", "turun": "▼"}


@dataclass(frozen=True)
class YearValue:
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None


@dataclass(frozen=True)
class Trend:
    kode: str
    tahun: list[YearValue]
    perubahan: Decimal | None
    arah: str | None
    membaik: bool | None

    @property
    def simbol(self) -> str:
        return ARROW[self.arah] if self.arah else "-"


def direction(previous: Decimal | None, current: Decimal | None) -> str | None:
    if previous is None or current is None:
        return None
    return "naik" if current > previous else "turun" if current < previous else "tetap"


def trend(result: IndicatorResult, data: KecamatanData, rules: Aturan, years: int = 3) -> Trend:
    """The last ``years`` years of an indicator, and the change of the latest against the one
    before (``membaik`` says whether that change is good given the polarity)."""
    index = target_rows(data, rules)
    values = []
    for year in range(result.tahun - years + 1, result.tahun + 1):
        row = index.get((result.kode, year), {})
        target, realisasi = row.get("target"), row.get("realisasi")
        values.append(
            YearValue(year, target, realisasi, capaian(target, realisasi, result.polaritas, rules))  # type: ignore[arg-type]
        )
    known = [v for v in values if v.realisasi is not None]
    if len(known) < 2 or known[-1].tahun != result.tahun:
        return Trend(result.kode, values, None, None, None)
    before, now = known[-2].realisasi, known[-1].realisasi
    arah = direction(before, now)
    change = now - before  # type: ignore[operator]
    better = None if arah == "tetap" else (arah == "naik") == (result.polaritas != "turun")
    return Trend(result.kode, values, change, arah, better)


def progress_to_end(result: IndicatorResult, rules: Aturan) -> Decimal | None:
    """Tingkat kemajuan: this year's realisasi against the Renstra end target, in percent."""
    return capaian(result.target_akhir, result.realisasi, result.polaritas, rules)
