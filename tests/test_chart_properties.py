"""Any valid chart draws: well-formed SVG and chart XML, whatever its values (gaps, negatives,
zeros, large sums) and names (long, empty, markup characters)."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from lkjip.report.chart import Chart, NumberFormat, Series
from lkjip.report.chart_docx import chart_xml
from lkjip.report.chart_svg import svg

values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**12), max_value=10**13),
    st.decimals(min_value=-1000, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
)
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)


@st.composite
def charts(draw: st.DrawFn) -> Chart:
    kind = draw(st.sampled_from(["bar", "grouped_bar", "stacked_bar", "line", "bar_line"]))
    count = draw(st.integers(min_value=1, max_value=12))
    series_count = 1 if kind == "bar" else draw(st.integers(min_value=2, max_value=4))
    series = []
    for number in range(series_count):
        line = kind == "bar_line" and number == series_count - 1
        series.append(
            Series(
                name=draw(names) or f"Seri {number}",
                values=tuple(draw(values) for _ in range(count)),
                line=line,
                axis="secondary" if line and draw(st.booleans()) else "primary",
            )
        )
    return Chart(
        kind=kind,
        categories=tuple(draw(names) for _ in range(count)),
        series=tuple(series),
        value_labels=draw(st.booleans()),
        title_y=draw(names),
        number_format=NumberFormat(
            kind=draw(st.sampled_from(["angka", "persen", "rupiah", "rupiah_ringkas"])),
            places=draw(st.integers(min_value=0, max_value=2)),
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts())
def test_every_chart_draws(chart: Chart) -> None:
    root = etree.fromstring(svg(chart).encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for element in root.iter():
        for name in ("x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy"):
            if name in element.attrib:
                assert math.isfinite(float(element.get(name).removesuffix("pt")))
    xml = etree.fromstring(chart_xml(chart))
    assert len(xml.findall(".//{*}ser")) == len(chart.series)
    assert Chart.from_json(chart.to_json()) == chart


def test_a_chart_of_gaps_draws_an_empty_plot() -> None:
    chart = Chart(
        kind="bar", categories=("2023", "2024"), series=(Series(name="S", values=(None, None)),)
    )
    assert "<svg" in svg(chart)
    assert chart_xml(chart)


def test_negative_bars_hang_from_zero() -> None:
    chart = Chart(
        kind="bar",
        categories=("a", "b"),
        series=(Series(name="S", values=(Decimal("-5.5"), 10)),),
        number_format=NumberFormat(places=1),
    )
    drawing = svg(chart)
    assert "−5,5" in drawing and "10,0" in drawing
    # The value axis has no fixed minimum of zero when a bar is negative.
    assert etree.fromstring(chart_xml(chart)).find(".//{*}valAx/{*}scaling/{*}min") is None
