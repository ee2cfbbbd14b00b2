"""How wide a text is on one line, in points, by the metrics of the report's font (Liberation
Sans, Arial's metrics; :mod:`lkjip.report.fontmetrics`). Shared by the table layout and the
chart drawings."""

from __future__ import annotations

from functools import lru_cache

from lkjip.report import fontmetrics

AVERAGE_WIDTH = 1139  # an "n": for characters the font tables do not list
TABLE_SIZE = 9.0  # points: the text size of the report's tables


@lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False, size: float = TABLE_SIZE) -> float:
    """Width of ``text`` on one line, in points."""
    widths = fontmetrics.BOLD if bold else fontmetrics.REGULAR
    units = sum(widths.get(char, AVERAGE_WIDTH) for char in text)
    return units * size / fontmetrics.UNITS_PER_EM
