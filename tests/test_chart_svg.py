"""The chart drawn as SVG: scales from zero, Indonesian ticks, and a vector chart in Typst's PDF."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from chart_samples import ALL, BAR, GROUPED, LINE, STACKED
from lkjip.report.chart import WIDTH_PT, Chart, panel_rows, panel_width
from lkjip.report.chart_svg import (
    nice_scale,
    panels_svg,
    scale_of,
    svg,
    typst_image,
    typst_string,
    wrap,
)

SVG = "{http://www.w3.org/2000/svg}"


def _texts(document: str) -> list[str]:
    root = etree.fromstring(document.encode())
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_nice_scales() -> None:
    assert nice_scale(0, 2010000000).ticks == tuple(D(n) * D("5E+8") for n in range(6))
    scale = nice_scale(0, D("90") and 90.0)
    assert scale.ticks[0] == 0 and scale.ticks[-1] >= 90 and scale.places == 0
    assert nice_scale(0, 0.9).places == 1
    assert nice_scale(0, 0).high > 0  # a chart of zeros still has an axis


def test_bars_start_at_zero_and_lines_fit_their_values() -> None:
    assert scale_of(BAR, "primary").low == 0  # type: ignore[union-attr]
    assert scale_of(STACKED, "primary").high >= 1170  # type: ignore[union-attr]  # the highest stack
    line = scale_of(LINE, "primary")
    assert line is not None and 70 < line.low <= 78 and line.high >= 86


@pytest.mark.parametrize("chart", ALL, ids=lambda c: c.kind)
def test_svg_is_well_formed_with_indonesian_numbers(chart: Chart) -> None:
    document = svg(chart)
    texts = _texts(document)
    for name in (s.name for s in chart.series if len(chart.series) > 1):
        assert name in texts  # the legend
    if chart.value_labels:
        for series in chart.series:
            for value in series.values:
                if value is not None and not (chart.kind == "stacked_bar" and value == 0):
                    assert chart.format_of(series.axis).text(value) in texts


def test_ticks_and_labels_are_indonesian() -> None:
    texts = _texts(svg(STACKED))
    assert "1.000" in texts and "1,000" not in texts
    texts = _texts(svg(GROUPED))
    assert "82,35%" in texts and "100%" in texts
    assert "Rp 2,01 miliar" in _texts(svg(BAR))


def test_gaps_draw_nothing() -> None:
    with_gap = svg(GROUPED)
    # The background, five bars (the sixth value is None) and two legend swatches.
    assert with_gap.count("<rect") == 1 + 5 + 2


def test_categories_wrap_to_their_slot() -> None:
    lines = wrap("Meningkatnya kualitas pelayanan publik kecamatan", 100, 8)
    assert len(lines) > 1 and " ".join(lines) == "Meningkatnya kualitas pelayanan publik kecamatan"


def test_text_from_data_is_escaped() -> None:
    chart = BAR.model_copy(update={"categories": ("<b>&", "2021", "2022", "2023", "2024")})
    assert "&lt;b&gt;&amp;" in svg(chart)
    assert typst_string('a"b\\c') == '"a\\"b\\\\c"'


def test_typst_draws_vector_charts(tmp_path: Path) -> None:
    import typst

    body = "\n".join(f"#figure({typst_image(chart)}, caption: [{chart.caption}])" for chart in ALL)
    source = tmp_path / "charts.typ"
    source.write_text(
        '#set page(paper: "a4", margin: 2cm)\n#set text(font: "Liberation Sans", lang: "id")\n'
        + body,
        encoding="utf-8",
    )
    pdf = tmp_path / "charts.pdf"
    pdf.write_bytes(typst.compile(str(source)))
    if shutil.which("pdfimages") is None:
        pytest.skip("poppler-utils (pdfimages) is not installed")
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert listing[2:] == []  # a header of two lines, and no raster image
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Rp 2,01 miliar" in text and "82,35%" in text  # the chart's text is text


def test_horizontal_bars_name_their_categories_on_the_left() -> None:
    chart = GROUPED.model_copy(update={"horizontal": True, "height_cm": 6.0})
    root = etree.fromstring(svg(chart).encode("utf-8"))
    names = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert "Meningkatnya kualitas" in " ".join("".join(t.itertext()) for t in names)
    colours = (chart.color(0), chart.color(1))
    bars = [  # the bars, not the legend's keys
        r for r in root.iter(f"{SVG}rect") if r.get("fill") in colours and r.get("height") != "8.00"
    ]
    left = min(float(r.get("x")) for r in bars)
    assert all(abs(float(r.get("x")) - left) < 0.01 for r in bars)  # every bar from zero
    assert max(float(t.get("x")) for t in root.iter(f"{SVG}tspan") if t.getparent() in names) < left


def test_panels_share_one_drawing_in_rows() -> None:
    half = panel_width(2)
    charts = [LINE.model_copy(update={"width_pt": half, "title": f"Panel {n}"}) for n in range(3)]
    assert [len(row) for row in panel_rows(charts)] == [2, 1]
    root = etree.fromstring(panels_svg(charts).encode("utf-8"))
    nested = root.findall(f"{SVG}svg")
    assert len(nested) == 3
    assert float(root.get("width").removesuffix("pt")) == pytest.approx(WIDTH_PT, abs=0.01)
    assert {n.get("y") for n in nested[:2]} == {"0.00"} and float(nested[2].get("y")) > 0
    titles = "".join(root.itertext())
    assert all(f"Panel {n}" in titles for n in range(3))
