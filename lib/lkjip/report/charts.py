"""What the chapters' chart builders share: the report's series colours and the decimals a
chart prints. The charts themselves are data (:mod:`lkjip.report.chart`), drawn by the
renderers; nothing here draws."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from lkjip.formatting import places_of

COLORS = {"target": "#9db4cf", "realisasi": "#1f4e79", "anggaran": "#c55a11", "kinerja": "#1f4e79"}
HIGHLIGHT = "#c55a11"
"""The fill of the bar that stands out (this kecamatan among the city's)."""


def places(values: Iterable[Decimal | int | None], at_most: int = 2) -> int:
    """The decimals the chart prints: as many as the most precise value was entered with."""
    return max((places_of(v, at_most) for v in values if v is not None), default=0)


def tahun_rentang(years: Sequence[int]) -> str:
    """ "Tahun 2022–2024" (or "Tahun 2024" for one year)."""
    first, last = min(years), max(years)
    return f"Tahun {first}" if first == last else f"Tahun {first}–{last}"
