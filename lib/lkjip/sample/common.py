"""What every step of the generator uses: the city's identity, rounding, number text."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CITY = "Kota Contoh"
CITY_SLUG = "kota-contoh"
PROVINCE = "Jawa Barat"


AVERAGE_NAME = "Rata-rata Kecamatan se-Kota Contoh"

_CENT = Decimal("0.01")


# --- small helpers -------------------------------------------------------------------------


def _d(value: float | int | str | Decimal, grain: str = "0.01") -> Decimal:
    """Round ``value`` half up to a multiple of ``grain``, with two decimals."""
    step = Decimal(grain)
    units = (Decimal(str(value)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (units * step).quantize(_CENT)


def _fmt(value: Decimal | int | None) -> str:
    """Indonesian number text: ``75,25``; whole values without decimals."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.quantize(_CENT):f}".replace(".", ",")


def _slug(name: str) -> str:
    """Lowercase-hyphen slug of a name."""
    words = "".join(c.lower() if c.isalnum() else " " for c in name).split()
    return "-".join(words)


@dataclass
class _Kecamatan:
    """Everything generated for one kecamatan, before writing."""

    index: int
    nama: str
    slug: str
    sheets: dict[str, tuple[list[str], list[list[str]]]] = field(default_factory=dict)
    narasi: str = ""
    iku: dict[str, Decimal] = field(default_factory=dict)  # IKU code -> realisasi of tahun
    photos: dict[str, bytes] = field(default_factory=dict)  # file name in foto/ -> PNG
