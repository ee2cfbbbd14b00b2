"""A :class:`~lkjip.report.chart.Chart` drawn as SVG, without matplotlib: the PDF's vector chart
(Typst embeds the SVG, :func:`typst_image`) and the analyst's view in Jupyter.

The look is the report's: the draft's font,
light horizontal gridlines, bars from zero, values written on the bars, the legend above the
plot, category names wrapped to their slot, Indonesian numbers on the ticks and labels.
Coordinates are in points (1/72 in); values become floats here only to be placed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from lkjip.report import textmetrics
from lkjip.report.chart import DARK, WIDTH_PT, Axis, Chart, NumberFormat, Series

PT_PER_CM = 72 / 2.54
FONT = "Liberation Sans, Arial, Arimo, Helvetica, sans-serif"
GRID = "#dddddd"
AXIS = "#808080"
TICK_SIZE = 8.0
LABEL_SIZE = 7.5
TITLE_SIZE = 8.5
LINE_GAP = 1.2
BOLD = 1.1  # bold text is at most this much wider than the regular metrics measure


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in Liberation Sans at ``size`` points."""
    return textmetrics.text_width(text, size=size)


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines no wider than ``width`` (a single word wider than it keeps its line)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


# -- value scales ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """A value axis: its ticks (exact) and the range they span."""

    ticks: tuple[Decimal, ...]
    places: int

    @property
    def low(self) -> float:
        return float(self.ticks[0])

    @property
    def high(self) -> float:
        return float(self.ticks[-1])


def nice_scale(low: float, high: float, target: int = 5) -> Scale:
    """Ticks at 1, 2, 2.5 or 5 × 10ᵏ spanning ``low``..``high`` in about ``target`` steps."""
    if high < low:
        low, high = high, low
    if high == low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / target
    exponent = math.floor(math.log10(raw))
    fraction = raw / 10**exponent
    mantissa = next(m for m in ("1", "2", "2.5", "5", "10") if float(m) >= fraction - 1e-9)
    step = (Decimal(mantissa) * Decimal(10) ** exponent).normalize()
    first = math.floor(low / float(step) + 1e-9)
    last = math.ceil(high / float(step) - 1e-9)
    ticks = tuple((step * k).normalize() for k in range(first, last + 1))
    places = max(0, -step.as_tuple().exponent)  # type: ignore[operator]
    return Scale(ticks, min(places, 4))


def _stacked_extent(chart: Chart) -> tuple[float, float]:
    lows, highs = [0.0], [0.0]
    for index in range(len(chart.categories)):
        values = [float(s.values[index]) for s in chart.series if s.values[index] is not None]
        highs.append(sum(v for v in values if v > 0))
        lows.append(sum(v for v in values if v < 0))
    return min(lows), max(highs)


def scale_of(chart: Chart, axis: Axis) -> Scale | None:
    """The scale of ``axis``, or None when no series is on it."""
    on_axis = [s for s in chart.series if s.axis == axis]
    if not on_axis:
        return None
    if chart.kind == "stacked_bar":
        low, high = _stacked_extent(chart)
    else:
        values = [float(v) for s in on_axis for v in s.values if v is not None] or [0.0]
        low, high = min(values), max(values)
    if chart.starts_at_zero(axis):
        low, high = min(low, 0.0), max(high, 0.0)
    elif high > low:
        pad = (high - low) * 0.08
        low, high = low - pad, high + pad
    return nice_scale(low, high)


def tick_text(number_format: NumberFormat, tick: Decimal, places: int) -> str:
    """A tick's label: the axis' format with the decimals the step needs."""
    if number_format.kind in ("rupiah", "rupiah_ringkas"):
        return NumberFormat(kind="rupiah_ringkas").text(int(tick))
    return number_format.text(tick, places)


# -- drawing -----------------------------------------------------------------------------------


class _Canvas:
    def __init__(self) -> None:
        self.items: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.items.append(
            f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(w, 0):.2f}" height="{max(h, 0):.2f}" '
            f'fill="{fill}"/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float) -> None:
        self.items.append(
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
            f'stroke="{stroke}" stroke-width="{width}"/>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], stroke: str) -> None:
        coordinates = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        self.items.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{stroke}" '
            f'stroke-width="1.8" stroke-linejoin="round"/>'
        )

    def circle(self, x: float, y: float, r: float, fill: str) -> None:
        self.items.append(
            f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r}" fill="{fill}" stroke="white" '
            f'stroke-width="0.6"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        lines: Iterable[str] | str,
        size: float,
        anchor: str = "middle",
        fill: str = "#000000",
        rotate: bool = False,
        bold: bool = False,
        halo: bool = False,
    ) -> None:
        """Text whose first baseline is at ``y`` (rotated a quarter turn counter-clockwise about
        ``x, y`` when ``rotate``)."""
        lines = [lines] if isinstance(lines, str) else list(lines)
        transform = f' transform="rotate(-90 {x:.2f} {y:.2f})"' if rotate else ""
        weight = ' font-weight="bold"' if bold else ""
        if halo:  # a white box behind the text: readable over a bar or a line
            lines_width = max((text_width(line, size) for line in lines), default=0)
            shift = {"start": 0.0, "middle": lines_width / 2, "end": lines_width}[anchor]
            self.items.append(
                f'<rect x="{x - shift - 1:.2f}" y="{y - size * 0.8:.2f}" '
                f'width="{lines_width + 2:.2f}" height="{size * 1.05:.2f}" fill="#ffffff" '
                f'fill-opacity="0.8"/>'
            )
        spans = "".join(
            f'<tspan x="{x:.2f}" y="{y + i * size * LINE_GAP:.2f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        self.items.append(
            f'<text font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}'
            f"{transform}>{spans}</text>"
        )


@dataclass(frozen=True)
class _Frame:
    """The plot area, in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def y(self, scale: Scale, value: float) -> float:
        span = scale.high - scale.low
        return self.bottom - (value - scale.low) / span * self.height


@dataclass(frozen=True)
class _CategoryNames:
    """The category names under the plot: wrapped to their slot, in a smaller size when a word
    is wider than the slot, or turned a quarter when even 6 pt is too wide."""

    lines: tuple[tuple[str, ...], ...]
    size: float
    turned: bool
    depth: float
    """How far the names reach below the plot."""

    @classmethod
    def fit(cls, categories: Sequence[str], slot: float, height: float) -> _CategoryNames:
        words = [w for c in categories for w in c.split()] or [""]
        widest = max(text_width(w, TICK_SIZE) for w in words)
        size = TICK_SIZE
        if widest > slot - 4:
            size = max(6.0, TICK_SIZE * (slot - 4) / widest)
        if max(text_width(w, size) for w in words) <= slot - 2:
            lines = tuple(tuple(wrap(c, slot - 4, size)) for c in categories)
            depth = max((len(x) for x in lines), default=1) * size * LINE_GAP
            return cls(lines, size, False, depth)
        size = TICK_SIZE if slot >= TICK_SIZE * LINE_GAP + 2 else 6.0
        lines = tuple(tuple(wrap(c, height * 0.3, size)) for c in categories)
        depth = max(text_width(line, size) for x in lines for line in x) if lines else size
        return cls(lines, size, True, depth)

    def draw(self, canvas: _Canvas, frame: _Frame, slot: float) -> None:
        for index, lines in enumerate(self.lines):
            x = frame.left + slot * (index + 0.5)
            if self.turned:  # reading upwards, ending under the slot's middle
                x -= (len(lines) - 1) * self.size * LINE_GAP / 2 - self.size * 0.35
                canvas.text(x, frame.bottom + 4, lines, self.size, anchor="end", rotate=True)
            else:
                canvas.text(x, frame.bottom + 4 + self.size, lines, self.size)


def _legend_rows(chart: Chart, width: float) -> list[list[tuple[int, float]]]:
    """The legend's entries (series index, entry width) in rows that fit ``width``."""
    rows: list[list[tuple[int, float]]] = [[]]
    used = 0.0
    for index, series in enumerate(chart.series):
        entry = 14 + text_width(series.name, TICK_SIZE) + 12
        if rows[-1] and used + entry > width:
            rows.append([])
            used = 0.0
        rows[-1].append((index, entry))
        used += entry
    return rows


def _draw_legend(
    canvas: _Canvas,
    chart: Chart,
    rows: list[list[tuple[int, float]]],
    width: float,
    top: float = 0.0,
) -> None:
    for number, row in enumerate(rows):
        x = (width - sum(entry for _, entry in row) + 12) / 2
        y = top + 4 + number * 12
        for index, entry in row:
            color = chart.color(index)
            if chart.is_line(chart.series[index]):
                canvas.line(x, y + 5, x + 10, y + 5, color, 1.8)
                canvas.circle(x + 5, y + 5, 2.2, color)
            else:
                canvas.rect(x, y + 1, 10, 8, color)
            canvas.text(x + 14, y + 8, chart.series[index].name, TICK_SIZE, anchor="start")
            x += entry


def _bar_series(chart: Chart) -> list[int]:
    return [i for i, s in enumerate(chart.series) if not chart.is_line(s)]


def _label_texts(chart: Chart, series: Series) -> list[str]:
    number_format = chart.format_of(series.axis)
    return [number_format.text(v) if v is not None else "" for v in series.values]


def svg(chart: Chart, width: float | None = None) -> str:
    """The chart as a standalone SVG document, ``width`` points wide (the chart's own width by
    default)."""
    width = chart.width_pt if width is None else width
    if chart.horizontal:
        return _horizontal_svg(chart, width)
    height = chart.height_cm * PT_PER_CM
    canvas = _Canvas()
    canvas.rect(0, 0, width, height, "#ffffff")
    primary = scale_of(chart, "primary") or nice_scale(0, 1)
    secondary = scale_of(chart, "secondary")

    title_lines = wrap(chart.title, (width - 12) / BOLD, TITLE_SIZE) if chart.title else []
    title_height = len(title_lines) * TITLE_SIZE * LINE_GAP + (4 if title_lines else 0)
    legend = _legend_rows(chart, width - 8) if len(chart.series) > 1 else []
    legend_height = len(legend) * 12 + (6 if legend else 0)

    def tick_labels(scale: Scale | None, axis: Axis) -> list[str]:
        if scale is None:
            return []
        return [tick_text(chart.format_of(axis), t, scale.places) for t in scale.ticks]

    left_labels = tick_labels(primary, "primary")
    right_labels = tick_labels(secondary, "secondary")
    left = max(text_width(t, TICK_SIZE) for t in left_labels) + 8
    left += TITLE_SIZE * LINE_GAP + 4 if chart.title_y else 2
    right = 10.0
    if right_labels:
        right = max(text_width(t, TICK_SIZE) for t in right_labels) + 8
        right += TITLE_SIZE * LINE_GAP + 4 if chart.title_y2 else 2
    plot_width = width - left - right
    count = max(len(chart.categories), 1)
    slot = plot_width / count

    names = _CategoryNames.fit(chart.categories, slot, height)
    bottom = names.depth + 6
    bottom += TITLE_SIZE * LINE_GAP + 4 if chart.title_x else 2

    bars = _bar_series(chart)
    grouped = chart.kind in ("grouped_bar", "bar_line") and len(bars) > 1
    bar_width = slot * 0.7 / (len(bars) if grouped else 1)
    label_room = LABEL_SIZE * 1.6 if chart.value_labels else 4.0
    rotate_labels = False
    if chart.value_labels and chart.kind != "stacked_bar" and bars:
        widest = max(
            text_width(t, LABEL_SIZE) for i in bars for t in _label_texts(chart, chart.series[i])
        )
        if widest > bar_width + (slot * 0.3 if not grouped else 2):
            rotate_labels = True
            label_room = widest + 6
    top = title_height + legend_height + label_room
    frame = _Frame(left, top, plot_width, height - top - bottom)

    # Gridlines and ticks of the primary axis, the zero line, ticks of the secondary axis.
    for tick, label in zip(primary.ticks, left_labels, strict=True):
        y = frame.y(primary, float(tick))
        canvas.line(frame.left, y, frame.left + frame.width, y, GRID, 0.6)
        canvas.text(frame.left - 4, y + TICK_SIZE * 0.35, label, TICK_SIZE, anchor="end")
    if secondary is not None:
        for tick, label in zip(secondary.ticks, right_labels, strict=True):
            y = frame.y(secondary, float(tick))
            x = frame.left + frame.width
            canvas.line(x, y, x + 3, y, AXIS, 0.6)
            canvas.text(x + 5, y + TICK_SIZE * 0.35, label, TICK_SIZE, anchor="start")
    zero = frame.y(primary, 0.0) if primary.low <= 0 <= primary.high else frame.bottom
    canvas.line(frame.left, zero, frame.left + frame.width, zero, AXIS, 0.8)

    # Category names under their slot; the axis titles.
    names.draw(canvas, frame, slot)
    if chart.title_x:
        y = frame.bottom + 6 + names.depth + TITLE_SIZE
        canvas.text(frame.left + frame.width / 2, y, chart.title_x, TITLE_SIZE)
    if chart.title_y:
        canvas.text(
            TITLE_SIZE + 1, frame.top + frame.height / 2, chart.title_y, TITLE_SIZE, rotate=True
        )
    if chart.title_y2 and secondary is not None:
        x = width - 3
        canvas.text(x, frame.top + frame.height / 2, chart.title_y2, TITLE_SIZE, rotate=True)

    _draw_bars(canvas, chart, frame, primary, secondary, slot, bar_width, grouped, rotate_labels)
    _draw_lines(canvas, chart, frame, primary, secondary, slot)
    return _finished(canvas, chart, width, height, title_lines, legend, title_height)


def _draw_bars(
    canvas: _Canvas,
    chart: Chart,
    frame: _Frame,
    primary: Scale,
    secondary: Scale | None,
    slot: float,
    bar_width: float,
    grouped: bool,
    rotate_labels: bool,
) -> None:
    bars = _bar_series(chart)
    stacked = chart.kind == "stacked_bar"
    for category in range(len(chart.categories)):
        centre = frame.left + slot * (category + 0.5)
        up, down = 0.0, 0.0  # stacked: the running totals above and below zero
        for position, index in enumerate(bars):
            series = chart.series[index]
            value = series.values[category]
            if value is None:
                continue
            scale = secondary if series.axis == "secondary" and secondary else primary
            number = float(value)
            if stacked:
                base = up if number >= 0 else down
                end = base + number
                up, down = (end, down) if number >= 0 else (up, end)
                x = centre - bar_width / 2
            else:
                base, end = 0.0, number
                offset = (position - (len(bars) - 1) / 2) * bar_width if grouped else 0.0
                x = centre + offset - bar_width / 2
            y_base, y_end = frame.y(scale, base), frame.y(scale, end)
            color = chart.color(index)
            canvas.rect(x, min(y_base, y_end), bar_width, abs(y_base - y_end), color)
            if not chart.value_labels:
                continue
            text = chart.format_of(series.axis).text(value)
            if stacked:
                if (
                    abs(y_base - y_end) >= LABEL_SIZE + 2
                    and text_width(text, LABEL_SIZE) < bar_width
                ):
                    fill = "#ffffff" if color in DARK else "#000000"
                    middle = (y_base + y_end) / 2 + LABEL_SIZE * 0.35
                    canvas.text(x + bar_width / 2, middle, text, LABEL_SIZE, fill=fill)
                elif number != 0:  # a thin segment: its value beside the bar
                    middle = (y_base + y_end) / 2 + LABEL_SIZE * 0.35
                    canvas.text(x + bar_width + 2, middle, text, LABEL_SIZE, anchor="start")
            elif rotate_labels:
                y = y_end - 3 if number >= 0 else y_end + 3
                anchor = "start" if number >= 0 else "end"
                canvas.text(
                    x + bar_width / 2 + LABEL_SIZE * 0.35,
                    y,
                    text,
                    LABEL_SIZE,
                    anchor=anchor,
                    rotate=True,
                )
            elif chart.kind == "bar_line" and abs(y_base - y_end) >= LABEL_SIZE * 2.5:
                # Inside the bar at its base (as in Word): above it go the line's labels.
                fill = "#ffffff" if color in DARK else "#000000"
                y = y_base - 4 if number >= 0 else y_base + LABEL_SIZE + 3
                canvas.text(x + bar_width / 2, y, text, LABEL_SIZE, fill=fill)
            else:
                y = y_end - 3 if number >= 0 else y_end + LABEL_SIZE + 2
                canvas.text(x + bar_width / 2, y, text, LABEL_SIZE)


def _draw_lines(
    canvas: _Canvas,
    chart: Chart,
    frame: _Frame,
    primary: Scale,
    secondary: Scale | None,
    slot: float,
) -> None:
    lines = [i for i, s in enumerate(chart.series) if chart.is_line(s)]
    for index in lines:
        series = chart.series[index]
        scale = secondary if series.axis == "secondary" and secondary else primary
        color = chart.color(index)
        number_format = chart.format_of(series.axis)
        points: list[tuple[float, float] | None] = [
            None if v is None else (frame.left + slot * (i + 0.5), frame.y(scale, float(v)))
            for i, v in enumerate(series.values)
        ]
        run: list[tuple[float, float]] = []
        for point in [*points, None]:  # a gap (None) ends a run of the line
            if point is None:
                if len(run) > 1:
                    canvas.polyline(run, color)
                run = []
            else:
                run.append(point)
        for point in points:
            if point is not None:
                canvas.circle(point[0], point[1], 2.5, color)
    if not chart.value_labels:
        return
    for index in lines:  # the labels over every line
        series = chart.series[index]
        scale = secondary if series.axis == "secondary" and secondary else primary
        number_format = chart.format_of(series.axis)
        for category, value in enumerate(series.values):
            if value is None:
                continue
            x = frame.left + slot * (category + 0.5)
            y = frame.y(scale, float(value))
            # Below the point when another line is higher there (Chart.label_below); a white
            # box keeps a label readable over a bar or a line.
            y = y + LABEL_SIZE + 4 if chart.label_below(index, category) else y - 5
            text = number_format.text(value)
            canvas.text(x, y, text, LABEL_SIZE, fill=chart.color(index), halo=True)


def _horizontal_svg(chart: Chart, width: float) -> str:
    """A horizontal bar chart: the category names in a column on the left (wrapped), bars from
    zero to the right, each labelled at its end (a stack's segments in their middle), the
    value axis below with its title."""
    height = chart.height_cm * PT_PER_CM
    canvas = _Canvas()
    canvas.rect(0, 0, width, height, "#ffffff")
    scale = scale_of(chart, "primary") or nice_scale(0, 1)
    title_lines = wrap(chart.title, (width - 12) / BOLD, TITLE_SIZE) if chart.title else []
    title_height = len(title_lines) * TITLE_SIZE * LINE_GAP + (4 if title_lines else 0)
    legend = _legend_rows(chart, width - 8) if len(chart.series) > 1 else []
    legend_height = len(legend) * 12 + (6 if legend else 0)

    count = max(len(chart.categories), 1)
    names_width = width * 0.34
    size = TICK_SIZE
    names = [wrap(c, names_width, size) for c in chart.categories]
    top = title_height + legend_height + 4
    bottom = TICK_SIZE * LINE_GAP + 6 + (TITLE_SIZE * LINE_GAP + 4 if chart.title_y else 0)
    slot = (height - top - bottom) / count
    while size > 6.0 and max(len(n) for n in names) * size * LINE_GAP > slot - 2:
        size -= 0.5
        names = [wrap(c, names_width, size) for c in chart.categories]
    used = max((text_width(line, size) for n in names for line in n), default=0.0)
    left = used + 8
    stacked = chart.kind == "stacked_bar"
    texts = [t for s in chart.series for t in _label_texts(chart, s)]
    labels = [tick_text(chart.number_format, t, scale.places) for t in scale.ticks]
    right = 6.0 if stacked else max((text_width(t, LABEL_SIZE) for t in texts), default=0) + 8
    right = max(right, text_width(labels[-1], TICK_SIZE) / 2 + 3)  # the last tick's label
    frame = _Frame(left, top, width - left - right, height - top - bottom)

    def x_of(value: float) -> float:
        return frame.left + (value - scale.low) / (scale.high - scale.low) * frame.width

    for tick, label in zip(scale.ticks, labels, strict=True):
        x = x_of(float(tick))
        canvas.line(x, frame.top, x, frame.bottom, GRID, 0.6)
        canvas.text(x, frame.bottom + 4 + TICK_SIZE, label, TICK_SIZE)
    zero = x_of(0.0) if scale.low <= 0 <= scale.high else frame.left
    canvas.line(zero, frame.top, zero, frame.bottom, AXIS, 0.8)
    if chart.title_y:
        y = frame.bottom + 8 + TICK_SIZE * LINE_GAP + TITLE_SIZE
        canvas.text(frame.left + frame.width / 2, y, chart.title_y, TITLE_SIZE)

    grouped = chart.kind == "grouped_bar" and len(chart.series) > 1
    bar_height = slot * 0.7 / (len(chart.series) if grouped else 1)
    for category, lines in enumerate(names):
        middle = frame.top + slot * (category + 0.5)
        first = middle - (len(lines) - 1) * size * LINE_GAP / 2 + size * 0.35
        canvas.text(frame.left - 5, first, lines, size, anchor="end")
        start = 0.0
        for index, series in enumerate(chart.series):
            value = series.values[category]
            if value is None:
                continue
            number = float(value)
            base = start if stacked else 0.0
            end = base + number
            start = end if stacked else start
            offset = (index - (len(chart.series) - 1) / 2) * bar_height if grouped else 0.0
            y = middle + offset - bar_height / 2
            x_base, x_end = x_of(base), x_of(end)
            color = chart.color(index)
            canvas.rect(min(x_base, x_end), y, abs(x_end - x_base), bar_height, color)
            if not chart.value_labels:
                continue
            text = chart.number_format.text(value)
            baseline = y + bar_height / 2 + LABEL_SIZE * 0.35
            inside = abs(x_end - x_base) > text_width(text, LABEL_SIZE) + 6
            if stacked and inside:
                fill = "#ffffff" if color in DARK else "#000000"
                canvas.text((x_base + x_end) / 2, baseline, text, LABEL_SIZE, fill=fill)
            else:
                canvas.text(x_end + 3, baseline, text, LABEL_SIZE, anchor="start")
    return _finished(canvas, chart, width, height, title_lines, legend, title_height)


def _finished(
    canvas: _Canvas,
    chart: Chart,
    width: float,
    height: float,
    title_lines: list[str],
    legend: list[list[tuple[int, float]]],
    title_height: float,
) -> str:
    """The drawing as an SVG document: the panel title and legend on top of what ``canvas``
    holds, the chart's caption as its accessible title."""
    if title_lines:
        canvas.text(width / 2, 2 + TITLE_SIZE, title_lines, TITLE_SIZE, bold=True)
    if legend:
        _draw_legend(canvas, chart, legend, width, title_height)
    title = escape(chart.caption or chart.label or "Grafik")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" height="{height:.2f}pt" '
        f'viewBox="0 0 {width:.2f} {height:.2f}" font-family={quoteattr(FONT)}>'
        f"<title>{title}</title>" + "".join(canvas.items) + "</svg>"
    )


def typst_string(text: str) -> str:
    """``text`` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def typst_image(chart: Chart, width: float | None = None) -> str:
    """Typst code (an expression) that embeds the chart's SVG as a vector image; put it in a
    ``figure`` with the chart's caption and label."""
    width = chart.width_pt if width is None else width
    return f'image(bytes({typst_string(svg(chart, width))}), format: "svg", width: {width:.2f}pt)'


def panels_svg(charts: Sequence[Chart], width: float = WIDTH_PT) -> str:
    """The panels of one figure as one SVG document: in rows (:func:`panel_rows`), each row
    spread over ``width``, the rows one under the other."""
    from lkjip.report.chart import panel_rows

    rows = panel_rows(charts, width)
    pieces: list[str] = []
    y = 0.0
    for row in rows:
        gap = (width - sum(c.width_pt for c in row)) / max(len(row) - 1, 1)
        x = 0.0 if len(row) > 1 else (width - row[0].width_pt) / 2
        for chart in row:
            drawn = svg(chart)
            # Nested, in the outer drawing's units (points): sizes without a unit.
            head = f'<svg x="{x:.2f}" y="{y:.2f}" width="{chart.width_pt:.2f}" '
            head += f'height="{chart.height_cm * PT_PER_CM:.2f}" '
            pieces.append(head + "viewBox=" + drawn.split(" viewBox=", 1)[1])
            x += chart.width_pt + gap
        y += max(c.height_cm for c in row) * PT_PER_CM
    title = escape(charts[0].caption or charts[0].label or "Grafik") if charts else "Grafik"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" height="{y:.2f}pt" '
        f'viewBox="0 0 {width:.2f} {y:.2f}"><title>{title}</title>' + "".join(pieces) + "</svg>"
    )
