"""Charts that do not mislead: every chart of the report checked as data (lkjip.report.chart)
and as each renderer draws it (SVG for the PDF, chart XML for Word): bars from zero, the same
years in every panel, values written on the bars, categories named by their text, legends
outside the plot, text from data drawn literally."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from decimal import Decimal as D

import pytest
from lxml import etree

from lkjip.loader import Row
from lkjip.report import bab1, bab3, kota
from lkjip.report.chart import Chart
from lkjip.report.chart_docx import chart_xml
from lkjip.report.chart_svg import scale_of, svg
from lkjip.report.context import ReportContext
from lkjip.report.orgchart import OrgChart
from lkjip.report.orgchart import svg as org_svg

CHARTS: dict[str, Callable[[ReportContext], Chart | list[Chart] | None]] = {
    "fig-bab1-pegawai": bab1.grafik_pegawai,
    "fig-bab3-target-realisasi": bab3.grafik_target_realisasi,
    "fig-bab3-tren": bab3.grafik_tren,
    "fig-bab3-anggaran": bab3.grafik_anggaran,
    "fig-bab3-jenis-belanja": bab3.grafik_jenis_belanja,
    "fig-bab3-kinerja-anggaran": bab3.grafik_kinerja_anggaran,
    "fig-bab3-kecamatan": kota.grafik_peringkat,
}
BAR_CHARTS = [name for name in CHARTS if name != "fig-bab3-tren"]
SVG = "{http://www.w3.org/2000/svg}"


def panels(value: Chart | list[Chart] | None) -> list[Chart]:
    return [] if value is None else [value] if isinstance(value, Chart) else list(value)


def labels(chart: Chart) -> list[str]:
    """The value labels of a chart, series after series, as a reader sees them."""
    return [
        chart.format_of(s.axis).text(v) for s in chart.series for v in s.values if v is not None
    ]


def svg_texts(drawing: str) -> list[str]:
    """Every line of text in an SVG drawing (it must be well-formed XML)."""
    root = etree.fromstring(drawing.encode("utf-8"))
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}tspan")]


# --- bars start at zero ------------------------------------------------------------------------
@pytest.mark.parametrize("name", BAR_CHARTS)
@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju"])
def test_bars_start_at_zero(name, kecamatan, request):
    ctx = request.getfixturevalue(kecamatan)
    for chart in panels(CHARTS[name](ctx)):
        assert chart.starts_at_zero(), name
        assert scale_of(chart, "primary").low == 0, name  # the PDF's drawing
        scaling = etree.fromstring(chart_xml(chart)).find(".//{*}valAx/{*}scaling")
        assert scaling.find("{*}min").get("val") == "0", name  # the Word chart


# --- the same years in every panel -------------------------------------------------------------
def test_every_trend_panel_shows_the_same_years(bekasi):
    drawn = bab3.grafik_tren(bekasi)
    assert len(drawn) == 2  # IKM and AKIP have history; the Tertib IKU only 2024
    for chart in drawn:
        assert chart.categories == ("2022", "2023", "2024")
        assert [s.name for s in chart.series] == ["Realisasi", "Target"]
    # AKIP has no 2022 value: the year stays on the axis as a gap, not a missing category.
    akip = drawn[1]
    assert "Nilai AKIP" in akip.title
    assert akip.series[0].values == (None, D("72.75"), D("72.74"))
    assert labels(akip)[:2] == ["72,75", "72,74"]
    assert labels(drawn[0])[:3] == ["82,71", "83,17", "84,84"]  # notes-004: IKM 2022–2024
    # Side by side in the text width, each titled by its IKU in both renderers.
    assert sum(c.width_pt for c in drawn) <= 440
    assert any("Nilai AKIP" in t for t in svg_texts(svg(akip)))
    assert "Nilai AKIP" in "".join(etree.fromstring(chart_xml(akip)).find(".//{*}title").itertext())


def test_the_trend_years_are_named_where_the_figure_is_introduced(bekasi, perak):
    said = "".join(
        part if isinstance(part, str) else "@"
        for b in bab3.analisis_pengantar(bekasi)
        for part in b.content  # type: ignore[union-attr]
    )
    assert "realisasi Tahun 2022–2024 pada @ dan @" in said
    assert bab3.judul_tren(bekasi) == "Realisasi dan Target IKU Tahun 2022–2024"


# --- small values stay visible -----------------------------------------------------------------
def test_small_programs_are_labelled_with_their_amounts(bekasi):
    chart = bab3.grafik_anggaran(bekasi)
    assert chart is not None and chart.horizontal  # long program names read on the left
    written = labels(chart)
    # notes-004 A.2: PUPU 40.000.000 / 39.138.500 beside PPUPD 29,56 miliar.
    assert "Rp 40 juta" in written and "Rp 39,14 juta" in written
    assert "Rp 29,56 miliar" in written and "Rp 27,81 miliar" in written
    assert "Rp 75 juta" in written and "Rp 71,72 juta" in written
    drawn = svg_texts(svg(chart))
    assert "Rp 40 juta" in drawn and "Rp 39,14 juta" in drawn  # written beside the bar


def test_target_realisasi_and_efficiency_bars_carry_their_values(perak, bekasi):
    # Perak's two IKU have different units: a panel each, in its own unit (notes-002 Tabel 3.1).
    drawn = bab3.grafik_target_realisasi(perak)
    assert isinstance(drawn, list) and len(drawn) == 2
    # One number format per chart: the decimals of its most precise value.
    assert [labels(c) for c in drawn] == [["73,00", "74,64"], ["7,80", "8,13"]]
    assert [c.title_y for c in drawn] == ["nilai", "indeks"]
    chart = bab3.grafik_kinerja_anggaran(bekasi)
    assert labels(chart) == [
        "104,74%", "103,91%", "105,26%", "98,27%", "94,08%", "95,63%"
    ]  # fmt: skip


def test_kecamatan_ranking_bars_carry_their_values(sukamaju):
    chart = kota.grafik_peringkat(sukamaju)
    assert chart is not None
    assert "103,87%" in labels(chart)
    # This kecamatan stands out: a series of its own with one bar, in its own colour.
    own = chart.series[1]
    assert own.name == "Kecamatan Sukamaju" and sum(v is not None for v in own.values) == 1
    assert chart.color(1) != chart.color(0)


# --- categories named by their text ------------------------------------------------------------
def test_sasaran_are_named_by_their_text(bekasi):
    chart = bab3.grafik_kinerja_anggaran(bekasi)
    assert chart.categories[0] == (
        "Meningkatnya Akuntabilitas dan Profesionalisme Pengelolaan dan Layanan Pemerintah"
    )
    assert not any(name.startswith("Sasaran ") for name in chart.categories)
    drawn = " ".join(svg_texts(svg(chart)))
    assert "Meningkatnya Akuntabilitas" in drawn and "Sasaran 1" not in drawn


# --- legends outside the plot ------------------------------------------------------------------
@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju"])
def test_no_legend_over_the_plot(name, kecamatan, request):
    ctx = request.getfixturevalue(kecamatan)
    for chart in panels(CHARTS[name](ctx)):
        legend = etree.fromstring(chart_xml(chart)).find(".//{*}legend")
        if len(chart.series) < 2:
            assert legend is None
            continue
        assert legend.find("{*}overlay").get("val") == "0"  # Word: beside, not over, the plot
        root = etree.fromstring(svg(chart).encode("utf-8"))
        # The plot's top: its highest gridline (a horizontal chart's gridlines start there).
        top = min(
            float(line.get("y1"))
            for line in root.iter(f"{SVG}line")
            if line.get("stroke") == "#dddddd"
        )
        keys = [  # the bottom of the legend's keys: 10 × 8 boxes, lines 10 long
            float(r.get("y")) + 8
            for r in root.iter(f"{SVG}rect")
            if r.get("width") == "10.00" and r.get("height") == "8.00"
        ] + [
            float(line.get("y1"))
            for line in root.iter(f"{SVG}line")
            if float(line.get("x2")) - float(line.get("x1")) == 10
            and line.get("y1") == line.get("y2")
        ]
        assert keys and max(keys) <= top, name


# --- text from data is drawn literally ---------------------------------------------------------
MATH_NAMES = {"IKU1": "Indeks $x^2$ Kepuasan", "IKU2": r"Nilai $\input{x}$ AKIP"}


def _renamed(ctx: ReportContext) -> ReportContext:
    """Bekasi Utara with TeX- and markup-looking names in every place a chart takes text from."""

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
    tables["unit_organisasi"] = rename(
        "unit_organisasi", "nama", lambda r: f"Unit $\\{r['kode']} <b>&"
    )
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
    produced = {name: function(ctx) for name, function in CHARTS.items() if "kecamatan" not in name}
    produced["fig-bab3-kecamatan"] = kota.grafik_peringkat(ctx, summary)
    shown: list[str] = []
    for name, value in produced.items():
        assert value, name
        for chart in panels(value):
            shown += svg_texts(svg(chart))  # well-formed: the names are escaped
            word = etree.fromstring(chart_xml(chart))
            shown += [t.text or "" for t in word.iter("{*}v", "{*}t")]
    organisation = bab1.bagan_struktur(ctx)
    assert isinstance(organisation, OrgChart)
    shown += svg_texts(org_svg(organisation))
    everything = " | ".join(shown)
    for expected in [
        "Indeks $x^2$ Kepuasan",  # category names, panel titles
        r"Nilai $\input{x}$ AKIP",
        "$m^2$",  # a unit on the value axis
        "Program $7.01.01$",  # budget chart
        r"Unit $\CMT <b>&",  # organisation chart
        r"Kec $\input{y}$",  # ranking of the city's kecamatan
        r"Sasaran $\frac{1}{S1",  # efficiency chart
    ]:
        assert expected in everything, expected


# --- the organisation chart ----------------------------------------------------------------------
def test_the_organisation_chart_names_every_unit_and_its_head(perak):
    organisation = bab1.bagan_struktur(perak)
    assert organisation is not None
    drawn = " ".join(svg_texts(org_svg(organisation)))
    for unit in organisation.units:
        for word in f"{unit.nama} {unit.kepala}".split():
            assert word in drawn, word
    assert OrgChart.from_data(json.loads(json.dumps(organisation.to_data()))) == organisation
