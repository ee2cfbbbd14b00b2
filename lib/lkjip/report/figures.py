"""Shared look of the report's charts (matplotlib): size, fonts, Indonesian number ticks, and the
rules that keep a chart from misleading.

- Bars start at zero (:func:`bars_from_zero`); a value axis is never truncated.
- Every panel of a trend chart shows the same years (:func:`year_axis`); a year without a value
  is a gap, not a missing category.
- Values are written on the bars (:func:`label_bar`), so a small value next to a large one stays
  readable.
- Categories are named by their text (:func:`wrap`), not "Sasaran 1" or a code.
- Legends sit outside the plot area (:func:`legend_above`, :func:`legend_below`), never over a
  bar or a label.
- Text from data is drawn literally (:func:`literal`): an indicator named ``$x^2$`` is not
  mathtext, and invalid TeX in a name cannot fail the report.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal

import matplotlib

matplotlib.use("Agg") if not matplotlib.get_backend().startswith("module://") else None
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from lkjip.formatting import angka, places_of  # noqa: E402

FONTS = ("Liberation Sans", "Arial", "Arimo")  # the draft's font (Arial's metrics)


def _chart_font() -> None:
    """Charts in the draft's font when it is installed (else matplotlib's DejaVu Sans)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = [name for name in FONTS if name in installed]
    if found:
        matplotlib.rcParams["font.family"] = [*found, "DejaVu Sans"]


_chart_font()
WIDTH_IN = 6.3
COLORS = {"target": "#9db4cf", "realisasi": "#1f4e79", "anggaran": "#c55a11", "kinerja": "#1f4e79"}
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5"]
DARK = {"#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6"}
"""Fills dark enough for a white label inside the bar."""


def new_figure(height: float = 3.2, width: float = WIDTH_IN) -> tuple[Figure, Axes]:
    figure, axes = plt.subplots(figsize=(width, height), dpi=150, layout="constrained")
    style(axes)
    return figure, axes


def style(axes: Axes, grid: str = "y") -> None:
    """The report's axes: no top/right spines, a light grid behind the data on ``grid``."""
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(False)
    axes.grid(axis=grid, color="#dddddd", linewidth=0.6)  # type: ignore[arg-type]
    axes.set_axisbelow(True)


def indonesian_ticks(axes: Axes, places: int = 0, axis: str = "y", suffix: str = "") -> None:
    """Tick labels like 1.234.567 or 95,5% on ``axis``: at least ``places`` decimals, more (up
    to two) where a tick needs them, so that a tick at 62,5 is never printed as 63."""

    def tick(v: float, _pos: object) -> str:
        number = Decimal(str(round(v, 2)))
        return angka(number, max(places, places_of(number.normalize()))) + suffix

    (axes.yaxis if axis == "y" else axes.xaxis).set_major_formatter(FuncFormatter(tick))


def as_float(value: Decimal | int | None) -> float:
    """Values only become floats here, for drawing; never for sums or printed numbers."""
    return float(value) if value is not None else float("nan")


# --- text from data ----------------------------------------------------------------------------
def literal(text: object) -> str:
    """``text`` as matplotlib must draw it: every ``$`` escaped, so that a name like ``$x^2$`` or
    ``$\\input{x}$`` is shown as written instead of being parsed as mathtext (which would raise
    on invalid TeX). Every label, title, legend entry and annotation taken from data goes through
    here (or :func:`wrap`, which calls it)."""
    return str(text).replace("$", r"\$")


def wrap(label: object, width: int = 22) -> str:
    """A category name from data, wrapped to lines of ``width`` characters and drawn literally."""
    text = str(label)
    return literal("\n".join(textwrap.wrap(text, width)) or text)


# --- bars --------------------------------------------------------------------------------------
def bars_from_zero(axes: Axes, highest: float, axis: str = "y", room: float = 1.18) -> None:
    """The value axis from zero to ``highest`` plus ``room`` for the value labels."""
    top = highest * room if highest > 0 else 1.0
    (axes.set_ylim if axis == "y" else axes.set_xlim)(0, top)


def label_bar(
    axes: Axes,
    bars: BarContainer,
    texts: Sequence[str | None],
    horizontal: bool = False,
    fontsize: float = 7,
    inside_from: float | None = None,
) -> None:
    """Write ``texts`` at the end of ``bars`` (None: no label). Horizontal bars longer than
    ``inside_from`` (a share of the axis) carry their label inside the bar's end instead, so that
    it stays within the plot."""
    limit = axes.get_xlim()[1] if horizontal else axes.get_ylim()[1]
    for bar, text in zip(bars, texts, strict=True):
        if text is None:
            continue
        if not horizontal:
            axes.annotate(
                literal(text),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=fontsize,
                xytext=(0, 2),
                textcoords="offset points",
            )
            continue
        length = bar.get_width()
        inside = inside_from is not None and length > inside_from * limit
        fill = to_hex(bar.get_facecolor())
        axes.annotate(
            literal(text),
            (length, bar.get_y() + bar.get_height() / 2),
            ha="right" if inside else "left",
            va="center",
            fontsize=fontsize,
            xytext=(-3 if inside else 3, 0),
            textcoords="offset points",
            color="white" if inside and fill in DARK else "black",
        )


# --- legends -----------------------------------------------------------------------------------
def _literal_entries(legend: Legend) -> Legend:
    for text in legend.get_texts():
        text.set_text(literal(text.get_text()))
    return legend


def legend_above(figure: Figure, axes: Axes, ncols: int = 2, **kwargs: object) -> Legend:
    """The legend of ``axes`` in a row above the plot area, outside it."""
    return _legend_outside(figure, axes, "outside upper center", ncols, **kwargs)


def legend_below(figure: Figure, axes: Axes, ncols: int = 2, **kwargs: object) -> Legend:
    """The legend of ``axes`` in a row below the plot area(s), outside them."""
    return _legend_outside(figure, axes, "outside lower center", ncols, **kwargs)


def _legend_outside(figure: Figure, axes: Axes, where: str, ncols: int, **kwargs: object) -> Legend:
    handles, labels = axes.get_legend_handles_labels()
    legend = figure.legend(
        handles,
        labels,
        loc=where,
        ncols=ncols,
        fontsize=7,
        frameon=False,
        **kwargs,  # type: ignore[arg-type]
    )
    return _literal_entries(legend)


def legend_right(figure: Figure, axes: Axes, title: str = "") -> Legend:
    """The legend of ``axes`` in a column right of the plot area, outside it."""
    handles, labels = axes.get_legend_handles_labels()
    legend = figure.legend(
        handles,
        labels,
        loc="outside right upper",
        fontsize=7,
        title=literal(title) if title else None,
        title_fontsize=7,
        frameon=False,
    )
    return _literal_entries(legend)


# --- years -------------------------------------------------------------------------------------
def year_axis(axes: Axes, years: Sequence[int]) -> list[int]:
    """Positions 0…n−1 for ``years`` on the x axis, each year a tick, the same in every panel
    (a year without a value is drawn as a gap)."""
    positions = list(range(len(years)))
    axes.set_xticks(positions, [str(y) for y in years], fontsize=7)
    axes.set_xlim(-0.5, len(years) - 0.5)
    return positions


def tahun_rentang(years: Sequence[int]) -> str:
    """ "Tahun 2022–2024" (or "Tahun 2024" for one year)."""
    first, last = min(years), max(years)
    return f"Tahun {first}" if first == last else f"Tahun {first}–{last}"
