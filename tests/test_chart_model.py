"""The chart block: validation, exact JSON round trip, Indonesian number text, Jupyter repr."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from chart_samples import ALL, BAR, BAR_LINE, GROUPED, LINE, STACKED
from lkjip.report.chart import MIMETYPE, Chart, NumberFormat, Series


@pytest.mark.parametrize("chart", ALL, ids=lambda c: c.kind)
def test_json_round_trip_is_exact(chart: Chart) -> None:
    again = Chart.from_json(chart.to_json())
    assert again == chart
    for before, after in zip(chart.series, again.series, strict=True):
        for a, b in zip(before.values, after.values, strict=True):
            assert type(a) is type(b)
            assert str(a) == str(b)  # Decimal keeps its digits: 75.50 stays 75.50
    assert Chart.from_data(json.loads(json.dumps(chart.to_data()))) == chart


def test_json_keeps_decimals_as_strings_and_ints_as_numbers() -> None:
    data = json.loads(GROUPED.to_json())
    assert data["series"][0]["values"] == ["80.00", "75.50", "90"]
    assert data["series"][1]["values"][2] is None
    assert json.loads(BAR.to_json())["series"][0]["values"][0] == 1250000000


def _series(*values: object) -> Series:
    return Series(name="S", values=values)  # type: ignore[arg-type]


def test_float_and_bool_values_are_refused() -> None:
    with pytest.raises(ValidationError):
        _series(1.5)
    with pytest.raises(ValidationError):
        _series(True)
    with pytest.raises(ValidationError):
        _series(D("NaN"))


def test_every_series_has_a_value_per_category() -> None:
    with pytest.raises(ValidationError, match="2 values for 3 categories"):
        Chart(kind="bar", categories=("a", "b", "c"), series=(_series(1, 2),))


def test_kinds_are_consistent() -> None:
    with pytest.raises(ValidationError, match="bar series and line series"):
        Chart(kind="bar_line", categories=("a",), series=(_series(1),))
    with pytest.raises(ValidationError, match="belongs to a bar_line"):
        Chart(kind="line", categories=("a",), series=(Series(name="S", values=(1,), line=True),))
    with pytest.raises(ValidationError, match="secondary axis"):
        Chart(
            kind="line",
            categories=("a",),
            series=(Series(name="S", values=(1,), axis="secondary"),),
        )
    with pytest.raises(ValidationError, match="bars start at zero"):
        Chart(kind="bar", categories=("a",), series=(_series(1),), zero_based=False)
    with pytest.raises(ValidationError):
        Chart(kind="bar", categories=("a",), series=(_series(1),), label="x", unknown=1)  # type: ignore[call-arg]


def test_charts_are_immutable() -> None:
    with pytest.raises(ValidationError):
        BAR.kind = "line"  # type: ignore[misc]


def test_zero_based_axes() -> None:
    assert BAR.starts_at_zero() and STACKED.starts_at_zero()
    assert not LINE.starts_at_zero()
    assert BAR_LINE.starts_at_zero("primary") and not BAR_LINE.starts_at_zero("secondary")
    assert LINE.model_copy(update={"zero_based": True}).starts_at_zero()


def test_numbers_in_indonesian() -> None:
    assert NumberFormat(kind="angka", places=2).text(D("1234.5")) == "1.234,50"
    assert NumberFormat(kind="persen", places=1).text(D("97.25")) == "97,3%"
    assert NumberFormat(kind="rupiah").text(1387500000) == "Rp 1.387.500.000"
    assert NumberFormat(kind="rupiah_ringkas").text(1387500000) == "Rp 1,39 miliar"
    assert NumberFormat().text(None) == "-"


def test_notebook_repr_carries_data_and_drawing() -> None:
    bundle = GROUPED._repr_mimebundle_()
    assert Chart.from_data(bundle[MIMETYPE]) == GROUPED  # type: ignore[arg-type]
    assert str(bundle["image/svg+xml"]).startswith("<svg")
    assert "82,35%" in str(bundle["image/svg+xml"])


def test_notebook_repr_draws_nothing_when_the_drawing_is_excluded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import lkjip.report.chart_svg as chart_svg

    def fail(*args: object, **kwargs: object) -> str:
        raise AssertionError("drew the chart")

    monkeypatch.setattr(chart_svg, "svg", fail)
    bundle = GROUPED._repr_mimebundle_(exclude={"image/svg+xml"})
    assert set(bundle) == {MIMETYPE, "text/plain"}
    bundle = GROUPED._repr_mimebundle_(include={MIMETYPE})
    assert "image/svg+xml" not in bundle


def test_the_lower_of_two_close_lines_labels_below() -> None:
    # 2024: Target 86 is above the index 85,05; 2020: the index 78,20 above Target 78.
    assert LINE.label_below(0, 4) and not LINE.label_below(1, 4)
    assert not LINE.label_below(0, 0) and LINE.label_below(1, 0)
    assert not LINE.label_below(0, 2)  # a gap has no label
    assert not any(BAR_LINE.label_below(1, c) for c in range(5))  # alone on its axis
    assert not BAR.label_below(0, 0)


def test_ipython_displays_the_drawing_and_keeps_the_data() -> None:
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(LINE)
    assert str(data["image/svg+xml"]).lstrip().startswith("<svg")
    assert Chart.from_data(data[MIMETYPE]) == LINE
