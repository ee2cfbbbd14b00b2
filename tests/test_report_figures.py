"""Charts that do not mislead: every chart of the report checked on its matplotlib Axes (bars from
zero, the same years in every panel, values written on the bars, categories named by their text,
legends clear of bars and labels, text from data drawn literally)."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable, Iterator

import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lkjip.loader import Row
from lkjip.report import bab1, bab3, figures, kota
from lkjip.report.context import ReportContext

FIGURES: dict[str, Callable[[ReportContext], Figure | None]] = {
    "fig-bab1-struktur": bab1.fig_struktur,
    "fig-bab1-pegawai": bab1.fig_pegawai,
    "fig-bab3-target-realisasi": bab3.fig_target_realisasi,
    "fig-bab3-tren": bab3.fig_tren,
    "fig-bab3-anggaran": bab3.fig_anggaran,
    "fig-bab3-jenis-belanja": bab3.fig_jenis_belanja,
    "fig-bab3-kinerja-anggaran": bab3.fig_kinerja_anggaran,
    "fig-bab3-kecamatan": kota.fig_peringkat,
}
BAR_CHARTS = [name for name in FIGURES if name not in ("fig-bab1-struktur", "fig-bab3-tren")]


def drawn(function: Callable[[ReportContext], Figure | None], ctx: ReportContext) -> Figure:
    figure = function(ctx)
    assert figure is not None
    figure.savefig(io.BytesIO(), format="png")  # lays it out (and would raise on bad mathtext)
    return figure


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def bars(axes: Axes) -> list[Rectangle]:
    return [p for c in axes.containers for p in c.patches if isinstance(p, Rectangle)]


def shown_ticks(axes: Axes) -> list[Text]:
    """The tick labels drawn (matplotlib also keeps some beyond the axis limits)."""
    (x0, x1), (y0, y1) = sorted(axes.get_xlim()), sorted(axes.get_ylim())
    return [
        *(t for t in axes.get_xticklabels() if x0 <= t.get_position()[0] <= x1),
        *(t for t in axes.get_yticklabels() if y0 <= t.get_position()[1] <= y1),
    ]


def labels(axes: Axes) -> list[str]:
    """Value labels and annotations written in the plot area, as a reader sees them."""
    return [t.get_text().replace(r"\$", "$") for t in axes.texts]


# --- bars start at zero ------------------------------------------------------------------------
@pytest.mark.parametrize("name", BAR_CHARTS)
@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju"])
def test_bars_start_at_zero(name, kecamatan, request):
    ctx = request.getfixturevalue(kecamatan)
    figure = FIGURES[name](ctx)
    if figure is None:
        return
    for axes in figure.axes:
        if not bars(axes):
            continue
        horizontal = all(b.get_x() == 0 for b in bars(axes))
        low = axes.get_xlim()[0] if horizontal else axes.get_ylim()[0]
        assert low == 0, name


# --- the same years in every panel -------------------------------------------------------------
def test_every_trend_panel_shows_the_same_years(bekasi):
    figure = drawn(bab3.fig_tren, bekasi)
    panels = [a for a in figure.axes if a.get_visible()]
    assert len(panels) == 2  # IKM and AKIP have history; the Tertib IKU only 2024
    for axes in panels:
        assert [t.get_text() for t in axes.get_xticklabels()] == ["2022", "2023", "2024"]
        assert axes.get_xlim() == panels[0].get_xlim()
    # AKIP has no 2022 value: the year stays on the axis as a gap, not a missing category.
    akip = panels[1]
    assert "Nilai AKIP" in akip.get_title()
    assert labels(akip) == ["72,75", "72,74"]
    assert labels(panels[0]) == ["82,71", "83,17", "84,84"]  # notes-004: IKM 2022–2024


def test_the_trend_years_are_named_where_the_figure_is_introduced(bekasi, perak):
    said = "".join(
        part if isinstance(part, str) else "@"
        for b in bab3.analisis_pengantar(bekasi)
        for part in b.content  # type: ignore[union-attr]
    )
    assert "realisasi Tahun 2022–2024 pada @ dan @" in said


# --- small values stay visible -----------------------------------------------------------------
def test_small_programs_are_labelled_with_their_amounts(bekasi):
    figure = drawn(bab3.fig_anggaran, bekasi)
    written = labels(figure.axes[0])
    # notes-004 A.2: PUPU 40.000.000 / 39.138.500 (97,85 %) beside PPUPD 29,56 miliar.
    assert "Rp 40 juta" in written and "Rp 39,14 juta (97,85%)" in written
    assert "Rp 29,56 miliar" in written and "Rp 27,81 miliar (94,08%)" in written
    assert "Rp 75 juta" in written and "Rp 71,72 juta (95,63%)" in written


def test_target_realisasi_and_efficiency_bars_carry_their_values(perak, bekasi):
    figure = drawn(bab3.fig_target_realisasi, perak)
    assert labels(figure.axes[0]) == ["73", "7,8", "74,64", "8,13"]  # notes-002 Tabel 3.1
    figure = drawn(bab3.fig_kinerja_anggaran, bekasi)
    assert labels(figure.axes[0]) == [
        "104,74%", "103,91%", "105,26%", "98,27%", "94,08%", "95,63%"
    ]  # fmt: skip


def test_kecamatan_ranking_bars_carry_their_values(sukamaju):
    figure = kota.fig_peringkat(sukamaju)
    assert figure is not None
    assert "103,87%" in labels(figure.axes[0])


# --- categories named by their text ------------------------------------------------------------
def test_sasaran_are_named_by_their_text(bekasi):
    figure = drawn(bab3.fig_kinerja_anggaran, bekasi)
    names = [t.get_text().replace("\n", " ") for t in figure.axes[0].get_xticklabels()]
    assert names[0] == (
        "Meningkatnya Akuntabilitas dan Profesionalisme Pengelolaan dan Layanan Pemerintah"
    )
    assert not any(name.startswith("Sasaran ") for name in names)


# --- legends clear of bars and labels ----------------------------------------------------------
@pytest.mark.parametrize("name", list(FIGURES))
@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju"])
def test_no_legend_over_a_bar_or_a_label(name, kecamatan, request):
    ctx = request.getfixturevalue(kecamatan)
    if FIGURES[name](ctx) is None:
        return
    figure = drawn(FIGURES[name], ctx)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    legends = [*figure.legends, *(a.get_legend() for a in figure.axes if a.get_legend())]
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for axes in figure.axes:
            assert axes.get_legend() is None, "legends sit outside the plot area"
            drawn_things = [
                *bars(axes),
                *axes.texts,
                *shown_ticks(axes),
                *axes.lines,
            ]
            for thing in drawn_things:
                if isinstance(thing, Text) and not thing.get_text():
                    continue
                other = thing.get_window_extent(renderer)
                if other.width and other.height:
                    assert not box.overlaps(other), (name, thing)


# --- text from data is drawn literally ---------------------------------------------------------
MATH_NAMES = {"IKU1": "Indeks $x^2$ Kepuasan", "IKU2": r"Nilai $\input{x}$ AKIP"}


def _renamed(ctx: ReportContext) -> ReportContext:
    """Bekasi Utara with TeX-looking names in every place a chart takes text from."""

    def rename(sheet: str, column: str, change: Callable[[Row], str | None]) -> list[Row]:
        rows = []
        for row in ctx.data.table(sheet):
            new = change(row)
            values = {**row, column: new} if new is not None else dict(row)
            rows.append(Row(values, row.source, row.sheet, row.line))
        return rows

    tables = dict(ctx.data.tables)
    tables["indikator"] = rename("indikator", "uraian", lambda r: MATH_NAMES.get(str(r["kode"])))
    tables["indikator"] = [
        Row({**r, "satuan": "$m^2$"} if r["kode"] == "IKU1" else dict(r), r.source, r.sheet, 0)
        for r in tables["indikator"]
    ]
    tables["sasaran"] = rename("sasaran", "uraian", lambda r: f"Sasaran $\\frac{{1}}{{{r['kode']}")
    tables["anggaran"] = rename("anggaran", "program", lambda r: f"Program ${r['program_kode']}$")
    tables["unit_organisasi"] = rename("unit_organisasi", "nama", lambda r: f"Unit $\\{r['kode']}")
    data = dataclasses.replace(ctx.data, tables=tables)
    return dataclasses.replace(ctx, data=data)


def test_names_from_data_are_drawn_literally(bekasi):
    ctx = _renamed(bekasi)
    summary = json.dumps(
        [
            {"slug": "bekasi-utara", "nama": "Bekasi $Utara$", "capaian": "104", "serapan": "95"},
            {"slug": "lain", "nama": r"Kec $\input{y}$", "capaian": "99", "serapan": "90"},
        ]
    )
    produced = {
        name: function(ctx) for name, function in FIGURES.items() if "kecamatan" not in name
    }
    produced["fig-bab3-kecamatan"] = kota.fig_peringkat(ctx, summary)
    shown: list[str] = []
    for name, figure in produced.items():
        assert figure is not None, name
        figure.savefig(io.BytesIO(), format="png")  # invalid TeX would raise here
        for text in figure.findobj(Text):
            assert not is_math_text(text.get_text()), (name, text.get_text())
            shown.append(text.get_text().replace(r"\$", "$").replace("\n", " "))
    everything = " | ".join(shown)
    for expected in [
        "Indeks $x^2$ Kepuasan",  # tick labels, panel titles
        r"Nilai $\input{x}$ AKIP",
        "$m^2$",  # a unit on the value axis
        "Program $7.01.01$",  # budget chart
        r"Unit $\CMT",  # organisation chart
        r"Kec $\input{y}$",  # ranking of the city's kecamatan
        r"Sasaran $\frac{1}{S1",  # efficiency chart
    ]:
        assert expected in everything, expected


def test_literal_escapes_every_dollar():
    assert figures.literal("$x^2$") == r"\$x^2\$"
    assert not is_math_text(figures.literal(r"a $\input{x}$ b"))
    assert figures.wrap("Indeks $x^2$ Kepuasan Masyarakat", 10).count(r"\$") == 2
