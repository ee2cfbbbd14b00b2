"""Dates as reports write them: a full date, or only a month and a year ("Februari 2025").

A signature is often dated by month alone; such a value is kept as a :class:`MonthYear` and
printed as the month and year, never with an invented day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
"""Month number by its lowercase Indonesian name."""

_NAMED = re.compile(r"([A-Za-z]+)\s+(\d{4})")
_NUMERIC = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})[/-](\d{4})")


@dataclass(frozen=True, order=True)
class MonthYear:
    """A month of a year, without a day: ``MonthYear(2025, 2)`` is "Februari 2025"."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


def parse_month_year(text: str) -> MonthYear | None:
    """``Februari 2025``, ``februari 2025``, ``2025-02`` or ``02/2025`` as a MonthYear; None for
    anything else (a full date among them)."""
    text = text.strip()
    named = _NAMED.fullmatch(text)
    if named and named.group(1).lower() in MONTHS:
        return MonthYear(int(named.group(2)), MONTHS[named.group(1).lower()])
    numeric = _NUMERIC.fullmatch(text)
    if numeric is None:
        return None
    year, month = (
        (numeric.group(1), numeric.group(2))
        if numeric.group(1)
        else (numeric.group(4), numeric.group(3))
    )
    return MonthYear(int(year), int(month)) if 1 <= int(month) <= 12 else None
