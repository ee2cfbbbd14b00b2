"""A chart as data: what to draw, not how. Each renderer draws it in its own medium — a native
chart in Word (:mod:`lkjip.report.chart_docx`), vector graphics in the PDF and in Jupyter
(:mod:`lkjip.report.chart_svg`).

A :class:`Chart` is immutable and travels as JSON (:data:`MIMETYPE`, the notebook output that
carries it): values stay exact (``Decimal`` as a string, ``int`` as a number, ``None`` as a gap),
so the JSON read back equals the chart written. It keeps the rules of the report's charts:

- bars start at zero (:attr:`Chart.zero_based`, always for bars);
- every series has one value (or a gap) per category, so every panel shows the same years;
- categories are named by their text, wrapped by the renderer;
- values are written on the bars when :attr:`Chart.value_labels`, so a small value stays readable;
- numbers are printed in Indonesian (:class:`NumberFormat`, through :mod:`lkjip.formatting`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, model_validator

from lkjip.formatting import angka, persen, rupiah, rupiah_ringkas

MIMETYPE = "application/vnd.lkjip.chart+json"
"""The notebook output type of a chart: its JSON (:meth:`Chart.to_json`)."""

ChartKind = Literal["bar", "grouped_bar", "stacked_bar", "line", "bar_line"]
"""``bar``: one series of columns; ``grouped_bar``: series side by side; ``stacked_bar``: series
stacked; ``line``: lines with markers; ``bar_line``: columns and lines in one plot (the series
with ``line=True`` are lines), a line possibly on the secondary (right) axis."""
Axis = Literal["primary", "secondary"]
NumberKind = Literal["angka", "persen", "rupiah", "rupiah_ringkas"]
BAR_KINDS: frozenset[str] = frozenset({"bar", "grouped_bar", "stacked_bar", "bar_line"})
WIDTH_PT = 439.4
"""The portrait text width of the report (A4 less the margins), in points: a chart's width."""
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5")
"""The report's series colours, in order (the report's charts have always used them)."""
DARK = frozenset({"#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6"})
"""Fills dark enough for a white label inside a bar."""


def _value(raw: object) -> Decimal | int | None:
    """A series value: ``int`` stays ``int``, ``Decimal`` (or its JSON string) is a ``Decimal``,
    ``None`` a gap. Floats are refused: money and measures are exact in this project."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError("a boolean is not a chart value")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):
        raw = Decimal(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ValueError(f"a chart value must be finite, not {raw}")
        return raw
    raise ValueError(f"a chart value is Decimal, int or None, not {type(raw).__name__}")


def _json_value(value: Decimal | int | None) -> str | int | None:
    return str(value) if isinstance(value, Decimal) else value


Value = Annotated[
    Decimal | int | None,
    PlainValidator(_value),
    PlainSerializer(_json_value, when_used="json"),
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NumberFormat(_Frozen):
    """How a value is printed: :func:`lkjip.formatting.angka` (``1.234,5``),
    :func:`~lkjip.formatting.persen` (``98,50%``; the value is the percentage, 0–100),
    :func:`~lkjip.formatting.rupiah` (``Rp 1.234.000``) or
    :func:`~lkjip.formatting.rupiah_ringkas` (``Rp 1,23 miliar``), with ``places`` decimals."""

    kind: NumberKind = "angka"
    places: int = Field(default=0, ge=0, le=4)

    def text(self, value: Decimal | int | None, places: int | None = None) -> str:
        """``value`` as the report prints it (``-`` for a gap)."""
        places = self.places if places is None else places
        if self.kind == "persen":
            return persen(value, places)
        if self.kind in ("rupiah", "rupiah_ringkas"):
            whole = None if value is None else int(value)
            return rupiah(whole) if self.kind == "rupiah" else rupiah_ringkas(whole)
        return angka(value, places)


class Series(_Frozen):
    """One named series: a value (or ``None``, a gap) per category of the chart."""

    name: str
    values: tuple[Value, ...]
    unit: str = ""
    axis: Axis = "primary"
    line: bool = False
    """Drawn as a line in a ``bar_line`` chart (ignored by other kinds: their kind decides)."""
    color: str | None = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")


class Chart(_Frozen):
    """A chart of the report, independent of any renderer."""

    version: Literal[1] = 1
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...] = Field(min_length=1)
    title: str = ""
    """A title drawn above the plot: a panel's name in a figure of several charts (a chart
    alone is named by its figure's caption, not a title)."""
    title_x: str = ""
    """The category axis' title (e.g. ``Tahun``)."""
    title_y: str = ""
    """The value axis' title (e.g. ``Capaian (%)``)."""
    title_y2: str = ""
    """The secondary value axis' title (``bar_line`` with a series on the secondary axis)."""
    value_labels: bool = True
    number_format: NumberFormat = NumberFormat()
    number_format_y2: NumberFormat | None = None
    """The secondary axis' format; the primary one when not given."""
    zero_based: bool | None = None
    """The value axis starts at zero: always for bars; for a line chart when set (by default a
    line chart's axis fits its values)."""
    horizontal: bool = False
    """Bars run left to right, the categories listed top to bottom (first on top): for long
    names (programs, kecamatan). Bar kinds only, not ``bar_line``."""
    caption: str = ""
    label: str = ""
    height_cm: float = Field(default=7.5, gt=1, le=24)
    width_pt: float = Field(default=WIDTH_PT, gt=50, le=800)
    """The drawn width: the text width, or less for a panel of a figure with several charts."""

    @model_validator(mode="after")
    def _consistent(self) -> Chart:
        count = len(self.categories)
        for series in self.series:
            if len(series.values) != count:
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values for {count} categories"
                )
        if self.kind == "bar_line":
            lines = [series.line for series in self.series]
            if not any(lines) or all(lines):
                raise ValueError("a bar_line chart needs bar series and line series")
        elif any(series.line for series in self.series):
            raise ValueError(f"line=True belongs to a bar_line chart, not {self.kind}")
        if self.kind != "bar_line" and any(s.axis == "secondary" for s in self.series):
            raise ValueError("only a bar_line chart has a secondary axis")
        if self.kind == "bar" and len(self.series) != 1:
            raise ValueError("a bar chart has one series; use grouped_bar or stacked_bar")
        if self.horizontal and self.kind not in ("bar", "grouped_bar", "stacked_bar"):
            raise ValueError(f"a {self.kind} chart is not drawn horizontally")
        if self.zero_based is False and self.kind in BAR_KINDS:
            raise ValueError("bars start at zero")
        return self

    # -- what the renderers ask ------------------------------------------------------------

    def is_line(self, series: Series) -> bool:
        """``series`` is drawn as a line."""
        return self.kind == "line" or (self.kind == "bar_line" and series.line)

    def color(self, index: int) -> str:
        """The fill of series ``index``: its own colour, else the palette's."""
        chosen = self.series[index].color
        return (chosen or PALETTE[index % len(PALETTE)]).lower()

    @property
    def has_secondary(self) -> bool:
        return any(series.axis == "secondary" for series in self.series)

    def format_of(self, axis: Axis) -> NumberFormat:
        if axis == "secondary" and self.number_format_y2 is not None:
            return self.number_format_y2
        return self.number_format

    def starts_at_zero(self, axis: Axis = "primary") -> bool:
        """The value axis ``axis`` includes zero: bars always, lines when asked."""
        if self.zero_based:
            return True
        return any(not self.is_line(series) for series in self.series if series.axis == axis)

    def label_below(self, index: int, category: int) -> bool:
        """The value label of line series ``index`` at ``category`` goes below its point: when
        another line on the same axis is higher there (or as high and listed first), so that
        two close lines keep their numbers apart."""
        series = self.series[index]
        value = series.values[category]
        if not self.is_line(series) or value is None:
            return False
        for other_index, other in enumerate(self.series):
            other_value = other.values[category]
            if other_index == index or other_value is None:
                continue
            if not self.is_line(other) or other.axis != series.axis:
                continue
            if other_value > value or (other_value == value and other_index < index):
                return True
        return False

    # -- JSON ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The chart as JSON (exact values; :meth:`from_json` reads it back equal)."""
        return self.model_dump_json()

    def to_data(self) -> dict[str, Any]:
        """The chart as JSON-ready data (a notebook output's value for :data:`MIMETYPE`)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, text: str | bytes) -> Chart:
        return cls.model_validate_json(text)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Chart:
        return cls.model_validate(data)

    # -- Jupyter ---------------------------------------------------------------------------

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None
    ) -> dict[str, object]:
        """The chart's data, and its drawing (SVG) — drawn here, only when a front end displays
        the chart, and not when the SVG is excluded."""
        bundle: dict[str, object] = {MIMETYPE: self.to_data()}
        wanted = include is None or "image/svg+xml" in include  # type: ignore[operator]
        unwanted = exclude is not None and "image/svg+xml" in exclude  # type: ignore[operator]
        if wanted and not unwanted:
            from lkjip.report.chart_svg import svg

            bundle["image/svg+xml"] = svg(self)
        bundle["text/plain"] = f"<Chart {self.kind}: {self.caption or self.label}>"
        return bundle


def panel_rows(charts: Sequence[Chart], width: float = WIDTH_PT) -> list[list[Chart]]:
    """The panels of one figure in rows: each row as many charts, in order, as fit in
    ``width`` (the text width) side by side."""
    rows: list[list[Chart]] = []
    used = 0.0
    for chart in charts:
        if rows and used + chart.width_pt <= width + 0.5:
            rows[-1].append(chart)
            used += chart.width_pt
        else:
            rows.append([chart])
            used = chart.width_pt
    return rows


def panel_width(count: int, width: float = WIDTH_PT) -> float:
    """The width of each of ``count`` panels side by side in ``width`` (a little room between
    them, as Word leaves between two inline pictures)."""
    return width if count <= 1 else (width - 4 * (count - 1)) / count - 0.5
