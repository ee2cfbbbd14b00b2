"""Shared look of the report's charts (matplotlib): size, fonts, Indonesian number ticks."""

from __future__ import annotations

from decimal import Decimal

import matplotlib

matplotlib.use("Agg") if not matplotlib.get_backend().startswith("module://") else None
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from lkjip.formatting import angka  # noqa: E402

WIDTH_IN = 6.3
COLORS = {"target": "#9db4cf", "realisasi": "#1f4e79", "anggaran": "#c55a11", "kinerja": "#1f4e79"}
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5"]


def new_figure(height: float = 3.2, width: float = WIDTH_IN) -> tuple[Figure, Axes]:
    figure, axes = plt.subplots(figsize=(width, height), dpi=150, layout="constrained")
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    return figure, axes


def indonesian_ticks(axes: Axes, places: int = 0, axis: str = "y", suffix: str = "") -> None:
    """Tick labels like 1.234.567 or 95,5% on ``axis``."""
    formatter = FuncFormatter(lambda v, _pos: angka(Decimal(str(v)), places) + suffix)
    (axes.yaxis if axis == "y" else axes.xaxis).set_major_formatter(formatter)


def as_float(value: Decimal | int | None) -> float:
    """Values only become floats here, for drawing; never for sums or printed numbers."""
    return float(value) if value is not None else float("nan")


def wrap(label: str, width: int = 22) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(label, width)) or label
