"""Native Word charts: chart parts with their embedded workbooks, and LibreOffice draws them."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from lxml import etree
from openpyxl import load_workbook

from chart_samples import ALL, BAR, BAR_LINE, GROUPED, LINE, STACKED
from lkjip.report.chart import WIDTH_PT, Chart, panel_width
from lkjip.report.chart_docx import (
    CHART_TYPE,
    NS,
    chart_xml,
    excel_format,
    insert_charts,
    insert_charts_in_file,
    placeholder,
)

PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _draft(path: Path, charts: tuple[Chart, ...], with_placeholders: bool = True) -> Path:
    """A draft with one chart per page: the placeholder first on the page, then its caption."""
    document = docx.Document()
    for number, chart in enumerate(charts):
        if number:
            document.add_page_break()
        document.add_paragraph(placeholder(chart.label) if with_placeholders else "")
        document.add_paragraph(f"Gambar {number + 1} {chart.caption}")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = _draft(tmp_path_factory.mktemp("docx") / "grafik.docx", ALL)
    insert_charts_in_file(path, {chart.label: chart for chart in ALL})
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _chart_of(parts: dict[str, bytes], number: int) -> etree._Element:
    return etree.fromstring(parts[f"word/charts/chart{number}.xml"])


def test_one_chart_part_per_chart_with_its_workbook(drafted: Path) -> None:
    parts = _parts(drafted)
    charts = sorted(name for name in parts if name.startswith("word/charts/chart"))
    assert charts == [f"word/charts/chart{n}.xml" for n in range(1, len(ALL) + 1)]
    types = etree.fromstring(parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
    assert all(overrides[f"/{name}"] == CHART_TYPE for name in charts)
    assert any(d.get("Extension") == "xlsx" for d in types.iter(f"{CT}Default"))
    document_rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in document_rels.iter(f"{PKG}Relationship")}
    body = etree.fromstring(parts["word/document.xml"])
    referenced = [c.get(f"{{{NS['r']}}}id") for c in body.iter(f"{{{NS['c']}}}chart")]
    assert [targets[r] for r in referenced] == [n.removeprefix("word/") for n in charts]
    for number in range(1, len(ALL) + 1):
        rels = etree.fromstring(parts[f"word/charts/_rels/chart{number}.xml.rels"])
        (relationship,) = rels.iter(f"{PKG}Relationship")
        target = "word/" + relationship.get("Target").removeprefix("../")
        assert target in parts and relationship.get("Id") == "rId1"
        external = _chart_of(parts, number).find("c:externalData", NS)
        assert external.get(f"{{{NS['r']}}}id") == "rId1"
    ids = [d.get("id") for d in body.iter(f"{{{NS['wp']}}}docPr")]
    assert len(ids) == len(set(ids)) == len(ALL)
    assert placeholder(BAR.label) not in parts["word/document.xml"].decode()


def _as_cell(value: Decimal | int | None) -> float | int | None:
    return None if value is None else (value if isinstance(value, int) else float(value))


@pytest.mark.parametrize("number", range(1, len(ALL) + 1))
def test_workbook_and_cached_values_equal_the_series(drafted: Path, number: int) -> None:
    chart = ALL[number - 1]
    parts = _parts(drafted)
    sheet = load_workbook(
        io.BytesIO(parts[f"word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"])
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [str(c) for c in (row[0] for row in rows[1:])] == list(chart.categories)
    for column, series in enumerate(chart.series, start=1):
        assert rows[0][column] == series.name
        assert [row[column] for row in rows[1:]] == [_as_cell(v) for v in series.values]
    cached = {}
    for ser in _chart_of(parts, number).iter(f"{{{NS['c']}}}ser"):
        index = int(ser.find("c:idx", NS).get("val"))
        points = {
            int(p.get("idx")): p.findtext("c:v", namespaces=NS)
            for p in ser.iterfind(".//c:val//c:pt", NS)
        }
        cached[index] = [points.get(i) for i in range(len(chart.categories))]
    for index, series in enumerate(chart.series):  # exact: the digits the chart was given
        assert cached[index] == [None if v is None else str(v) for v in series.values]


def test_value_axis_from_zero_in_indonesian(drafted: Path, tmp_path: Path) -> None:
    parts = _parts(drafted)
    for number, chart in enumerate(ALL, start=1):
        root = _chart_of(parts, number)
        axis = root.find(".//c:valAx", NS)
        assert axis.find("c:numFmt", NS).get("formatCode").startswith("[$-421]")
        minimum = axis.find("c:scaling/c:min", NS)
        assert (minimum is not None and minimum.get("val") == "0") == (chart is not LINE)
        assert root.find("c:lang", NS).get("val") == "id-ID"
        labels = root.findall(".//c:ser/c:dLbls/c:showVal", NS)
        assert len(labels) == len(chart.series) and all(s.get("val") == "1" for s in labels)
    no_labels = BAR.model_copy(update={"value_labels": False})
    path = _draft(tmp_path / "satu.docx", (no_labels,))
    insert_charts_in_file(path, {no_labels.label: no_labels})
    assert _chart_of(_parts(path), 1).find(".//c:dLbls", NS) is None


def test_bar_and_line_share_the_plot_the_line_on_the_secondary_axis(drafted: Path) -> None:
    root = _chart_of(_parts(drafted), ALL.index(BAR_LINE) + 1)
    plot = root.find(".//c:plotArea", NS)
    bar, line = plot.find("c:barChart", NS), plot.find("c:lineChart", NS)
    assert [s.findtext("c:tx//c:v", namespaces=NS) for s in bar.findall("c:ser", NS)] == [
        "Anggaran"
    ]
    assert [s.findtext("c:tx//c:v", namespaces=NS) for s in line.findall("c:ser", NS)] == [
        "Realisasi (%)"
    ]
    right = [a for a in plot.findall("c:valAx", NS) if a.find("c:axPos", NS).get("val") == "r"]
    assert len(right) == 1
    assert right[0].find("c:axId", NS).get("val") in {
        a.get("val") for a in line.findall("c:axId", NS)
    }
    assert right[0].find("c:numFmt", NS).get("formatCode") == '[$-421]#,##0"%"'  # steps of 5 %


def test_an_independent_reader_finds_the_series(drafted: Path) -> None:
    """python-pptx's chart reader (not its writer) reads the plots, categories and values."""
    from pptx.chart.chart import Chart as PptxChart
    from pptx.oxml import parse_xml

    parts = _parts(drafted)
    for number, chart in enumerate(ALL, start=1):
        read = PptxChart(parse_xml(parts[f"word/charts/chart{number}.xml"]), None)
        plots = list(read.plots)
        assert len(plots) == (2 if chart.kind == "bar_line" else 1)
        assert list(plots[0].categories) == list(chart.categories)
        values = {s.name: list(s.values) for plot in plots for s in plot.series}
        for series in chart.series:
            assert values[series.name] == [None if v is None else float(v) for v in series.values]


def test_number_formats() -> None:
    assert excel_format(GROUPED.number_format) == '[$-421]#,##0.00"%"'
    assert excel_format(STACKED.number_format) == "[$-421]#,##0"
    assert excel_format(BAR.number_format, locale="").startswith('[>=1000000000]"Rp "#,##0.00,,,')


def test_word_reads_the_charts(drafted: Path) -> None:
    document = docx.Document(str(drafted))
    shapes = list(document.inline_shapes)
    assert [s.type for s in shapes] == [WD_INLINE_SHAPE.CHART] * len(ALL)
    assert round(shapes[0].width.pt, 1) == round(WIDTH_PT, 1)


def test_a_missing_placeholder_is_an_error(tmp_path: Path) -> None:
    path = _draft(tmp_path / "kosong.docx", (BAR,), with_placeholders=False)
    parts = _parts(path)
    with pytest.raises(ValueError, match="fig-anggaran"):
        insert_charts(parts, {BAR.label: BAR})


def test_charts_added_later_get_new_parts(drafted: Path, tmp_path: Path) -> None:
    path = tmp_path / "lagi.docx"
    parts = _parts(drafted)
    document = docx.Document(io.BytesIO(_zip(parts)))
    document.add_paragraph(placeholder("fig-baru"))
    document.save(str(path))
    insert_charts_in_file(path, {"fig-baru": LINE})
    again = _parts(path)
    assert (
        "word/charts/chart6.xml" in again
        and "word/embeddings/Microsoft_Excel_Worksheet6.xlsx" in again
    )
    ids = [
        d.get("id")
        for d in etree.fromstring(again["word/document.xml"]).iter(f"{{{NS['wp']}}}docPr")
    ]
    assert len(set(ids)) == len(ALL) + 1


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# -- LibreOffice draws them --------------------------------------------------------------------

TOOLS = ("soffice", "pdftoppm", "pdftotext")
DPI = 50


def _to_pdf(path: Path, out: Path) -> Path:
    profile = out / "profil-lo"  # a profile of its own: another soffice may be running
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out / f"{path.stem}.pdf"


def _ink(page: Path, height_cm: float) -> float:
    """The share of non-white pixels where the chart stands: the top of the text area (python-
    docx's template: Letter, 1 inch margins), as wide and high as the chart."""
    from PIL import Image

    image = Image.open(page).convert("L")
    left = top = DPI  # 1 inch
    box = (left, top, left + round(WIDTH_PT / 72 * DPI), top + round(height_cm / 2.54 * DPI))
    region = image.crop(box)
    dark = sum(region.histogram()[:230])
    return dark / (region.width * region.height)


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS), reason="LibreOffice or poppler is not installed"
)
def test_libreoffice_draws_the_charts(drafted: Path, tmp_path: Path) -> None:
    charts = (BAR, GROUPED, LINE)
    path = _draft(tmp_path / "tiga.docx", charts)
    insert_charts_in_file(path, {chart.label: chart for chart in charts})
    control = _draft(tmp_path / "kontrol.docx", charts, with_placeholders=False)
    for source in (path, control):
        pdf = _to_pdf(source, tmp_path)
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(tmp_path / source.stem)], check=True
        )
    pages = sorted(tmp_path.glob("tiga-*.png"))
    empty = sorted(tmp_path.glob("kontrol-*.png"))
    assert len(pages) == len(empty) == len(charts)
    for page, blank, chart in zip(pages, empty, charts, strict=True):
        drawn = _ink(page, chart.height_cm)
        assert drawn > 0.05, f"{page.name}: the chart area is nearly empty ({drawn:.1%})"
        assert _ink(blank, chart.height_cm) < 0.02  # without the chart the area is white
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "tiga.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Indonesian separators from the [$-421] format codes, whatever LibreOffice's own locale.
    assert "Rp 2,01 miliar" in text and "82,35%" in text and "80,15" in text
    assert "82.35" not in text


def test_horizontal_bars_list_the_first_category_on_top() -> None:
    chart = GROUPED.model_copy(update={"horizontal": True})
    root = etree.fromstring(chart_xml(chart))
    assert root.find(".//c:barDir", NS).get("val") == "bar"
    assert root.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    assert root.find(".//c:valAx/c:crosses", NS).get("val") == "max"  # values stay below
    title = root.find(".//c:valAx/c:title//a:bodyPr", NS)
    assert title.get("rot") is None  # a horizontal axis' title reads level
    with pytest.raises(ValueError):  # lines are not drawn horizontally
        Chart.from_data({**LINE.to_data(), "horizontal": True})


def test_a_row_of_panels_becomes_charts_side_by_side(tmp_path: Path) -> None:
    half = panel_width(2)
    left = LINE.model_copy(update={"width_pt": half, "label": "kiri", "title": "Panel kiri"})
    right = BAR.model_copy(update={"width_pt": half, "label": "kanan"})
    document = docx.Document()
    document.add_paragraph(f"{placeholder('kiri')} {placeholder('kanan')}")
    path = tmp_path / "panel.docx"
    document.save(str(path))
    insert_charts_in_file(path, {"kiri": left, "kanan": right})
    body = etree.fromstring(_parts(path)["word/document.xml"])
    (paragraph,) = [p for p in body.iter(f"{{{NS['w']}}}p") if list(p.iter(f"{{{NS['c']}}}chart"))]
    extents = [int(e.get("cx")) for e in paragraph.iter(f"{{{NS['wp']}}}extent")]
    assert len(extents) == 2 and sum(extents) <= round(WIDTH_PT * 12700)
    assert "grafik" not in "".join(paragraph.itertext())
    assert paragraph.find("w:pPr/w:jc", NS).get(f"{{{NS['w']}}}val") == "center"
    title = _chart_of(_parts(path), 1).find("c:chart/c:title", NS)
    assert "Panel kiri" in "".join(title.itertext())
