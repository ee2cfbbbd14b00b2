"""A :class:`~lkjip.report.chart.Chart` as a native Word chart: a DrawingML chart part
(``word/charts/chartN.xml``) whose data live in an embedded workbook
(``word/embeddings/Microsoft_Excel_WorksheetN.xlsx``), shown by an inline ``w:drawing`` where the
draft has the chart's placeholder paragraph (:func:`placeholder`). In Word the Camat's staff edit
the chart as any chart they made themselves (Chart Design → Edit Data opens the workbook).

The chart XML and the workbook are python-pptx's (``ChartXmlWriter`` and the XlsxWriter-based
workbook writer of ``CategoryChartData``, one data source for both, so the cached values of the
chart and the cells of the workbook agree); this module adds what a report's chart needs on top
(ECMA-376 Part 1, §21.2, in the schema's element order): the Indonesian language and number
formats, bars from zero, value labels, colours, axis titles, the legend above the plot, a line on
a secondary axis for ``bar_line``, and the ``c:externalData`` link to the workbook.

Number formats: a format code in a chart part is always written with the invariant separators
(``#,##0.00``: comma for thousands, point for decimals), like a format code in a workbook; the
application shows it with the separators of a locale. ``[$-421]`` (Indonesian, LCID 0x0421) in
the code names that locale, which LibreOffice applies; Word and Excel show the separators of the
reader's system, Indonesian on the Camat's staff's computers.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.enum.chart import XL_CHART_TYPE

from lkjip.report.chart import DARK, Axis, Chart, NumberFormat, Series
from lkjip.report.chart_svg import scale_of

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_PT = 12700
EMU_PER_CM = 360000
LOCALE_CODE = "[$-421]"
"""Indonesian (LCID 0x0421) in a number format code."""
FONT = "Arial"
"""The chart's font in Word (LibreOffice shows its metric twin, Liberation Sans)."""
NS = {"c": C, "a": A, "r": R, "w": W, "wp": WP}

# The children of the elements this module completes, in the schema's order (ECMA-376 §21.2).
_ORDER = {
    "chartSpace": ["date1904", "lang", "roundedCorners", "AlternateContent", "clrMapOvr",
                   "pivotSource", "protection", "chart", "spPr", "txPr", "externalData",
                   "printSettings", "userShapes", "extLst"],
    "chart": ["title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall",
              "backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs",
              "showDLblsOverMax", "extLst"],
    "barChart": ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap",
                 "serLines", "axId", "extLst"],
    "lineChart": ["grouping", "varyColors", "ser", "dLbls", "dropLines", "hiLowLines",
                  "upDownBars", "marker", "smooth", "axId", "extLst"],
    "ser": ["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "marker", "dPt",
            "dLbls", "trendline", "errBars", "cat", "val", "smooth", "shape", "extLst"],
    "valAx": ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title",
              "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr",
              "crossAx", "crosses", "crossesAt", "crossBetween", "majorUnit", "minorUnit",
              "dispUnits", "extLst"],
    "catAx": ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title",
              "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr",
              "crossAx", "crosses", "crossesAt", "auto", "lblAlgn", "lblOffset", "tickLblSkip",
              "tickMarkSkip", "noMultiLvlLbl", "extLst"],
    "scaling": ["logBase", "orientation", "max", "min", "extLst"],
}  # fmt: skip


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """``child`` into ``parent`` where the schema's order wants it, replacing a child of the same
    name (but ``ser`` and ``axId``, which repeat)."""
    order = _ORDER[_local(parent)]
    name = _local(child)
    if name not in ("ser", "axId"):
        for old in parent.findall(f"c:{name}", NS):
            parent.remove(old)
    rank = order.index(name)
    for index, sibling in enumerate(parent):
        sibling_name = _local(sibling)
        if sibling_name in order and order.index(sibling_name) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _el(tag: str, val: object | None = None, **attributes: str) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{name}", nsmap={prefix: NS[prefix]})
    if val is not None:
        element.set("val", str(val))
    for key, value in attributes.items():
        element.set(key, value)
    return element


def _xml(text: str) -> etree._Element:
    """A fragment in the chart's namespaces (``c:`` and ``a:``)."""
    return etree.fromstring(f'<c:root xmlns:c="{C}" xmlns:a="{A}">{text}</c:root>')[0]


# -- number formats ----------------------------------------------------------------------------


def excel_format(number_format: NumberFormat, locale: str = LOCALE_CODE) -> str:
    """The spreadsheet format code of ``number_format`` (invariant separators, see the module's
    note): ``angka`` 2 → ``[$-421]#,##0.00``, ``persen`` → ``…#,##0.00"%"`` (the value is the
    percentage itself), ``rupiah`` → ``…"Rp "#,##0``, ``rupiah_ringkas`` → miliar and juta by
    scaling (``#,##0.00,,,`` is the value in billions)."""
    places = number_format.places
    decimals = "." + "0" * places if places else ""
    kind = number_format.kind
    if kind == "persen":
        return f'{locale}#,##0{decimals}"%"'
    if kind == "rupiah":
        return f'{locale}"Rp "#,##0'
    if kind == "rupiah_ringkas":
        return (
            f'{locale}[>=1000000000]"Rp "#,##0.00,,," miliar";'
            f'[>=1000000]"Rp "#,##0,," juta";"Rp "#,##0'
        )
    return f"{locale}#,##0{decimals}"


# -- the chart part ----------------------------------------------------------------------------


def chart_data(chart: Chart) -> CategoryChartData:
    """The chart's categories and series for python-pptx: the chart part's caches and the
    workbook's cells both come from it (values exact: ``Decimal`` and ``int`` as given)."""
    data = CategoryChartData(number_format=excel_format(chart.number_format))
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(
            series.name,
            list(series.values),
            number_format=excel_format(chart.format_of(series.axis)),
        )
    return data


def workbook(chart: Chart) -> bytes:
    """The embedded workbook: categories in column A, one column per series (row 1 its name)."""
    return chart_data(chart).xlsx_blob


_WRITER_TYPE = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "grouped_bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar_line": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
_HORIZONTAL_TYPE = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "grouped_bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
}


def _text_properties(size_hundredths: int, bold: bool = False, rotate: bool = False) -> str:
    rotation = ' rot="-5400000" vert="horz"' if rotate else ""
    weight = ' b="1"' if bold else ' b="0"'
    return (
        f"<c:txPr><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size_hundredths}"{weight}><a:latin typeface="{FONT}"/></a:defRPr>'
        f'</a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
    )


def _title(text: str, rotate: bool, size: int = 850, bold: bool = False) -> etree._Element:
    rotation = ' rot="-5400000" vert="horz"' if rotate else ""
    weight = ' b="1"' if bold else ' b="0"'
    escaped = etree.Element("t")
    escaped.text = text
    body = etree.tostring(escaped, encoding="unicode")[3:-4] if text else ""
    return _xml(
        f"<c:title><c:tx><c:rich><a:bodyPr{rotation}/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}"{weight}/></a:pPr><a:r><a:rPr lang="id-ID" sz="{size}"{weight}>'
        f'<a:latin typeface="{FONT}"/></a:rPr><a:t>{body}</a:t></a:r></a:p></c:rich></c:tx>'
        f'<c:overlay val="0"/></c:title>'
    )


def _fill(color: str, line: bool) -> etree._Element:
    hex6 = color.lstrip("#").upper()
    if line:
        return _xml(
            f'<c:spPr><a:ln w="22860" cap="rnd"><a:solidFill><a:srgbClr val="{hex6}"/>'
            f"</a:solidFill><a:round/></a:ln></c:spPr>"
        )
    return _xml(f'<c:spPr><a:solidFill><a:srgbClr val="{hex6}"/></a:solidFill></c:spPr>')


def _marker(color: str) -> etree._Element:
    hex6 = color.lstrip("#").upper()
    return _xml(
        f'<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill>'
        f'<a:srgbClr val="{hex6}"/></a:solidFill><a:ln w="6350"><a:solidFill>'
        f'<a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:marker>'
    )


def _labels(chart: Chart, index: int, position: str, white: bool = False) -> etree._Element:
    """The value labels of series ``index``, in its number format at ``position``; a line's
    label goes below its point where another line is higher (:meth:`Chart.label_below`), a
    zero in a stack has none (it has no segment to label)."""
    series = chart.series[index]
    code = excel_format(chart.format_of(series.axis)).replace('"', "&quot;")
    color = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>' if white else ""

    def body(where: str) -> str:
        return (
            f'<c:numFmt formatCode="{code}" sourceLinked="0"/>'
            f"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="750" b="0">{color}'
            f'<a:latin typeface="{FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="id-ID"/>'
            f'</a:p></c:txPr><c:dLblPos val="{where}"/><c:showLegendKey val="0"/>'
            f'<c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
            f'<c:showPercent val="0"/><c:showBubbleSize val="0"/>'
        )

    points = ""
    for category, value in enumerate(series.values):
        if chart.kind == "stacked_bar" and value == 0:
            points += f'<c:dLbl><c:idx val="{category}"/><c:delete val="1"/></c:dLbl>'
        elif chart.label_below(index, category):
            points += f'<c:dLbl><c:idx val="{category}"/>{body("b")}</c:dLbl>'
    return _xml(f"<c:dLbls>{points}{body(position)}</c:dLbls>")


def _label_position(chart: Chart, series: Series) -> tuple[str, bool]:
    """Where a series' value labels go, and whether they are white (inside a dark bar): above
    a line's points, in the middle of a stack's segment, at the base of a bar in a ``bar_line``
    chart (out of the line's way), else above the bar."""
    if chart.is_line(series):
        return "t", False
    if chart.kind == "stacked_bar":
        return "ctr", True
    if chart.kind == "bar_line":
        return "inBase", True
    return "outEnd", False


def _value_axis(chart: Chart, axis_element: etree._Element, axis: Axis, title: str) -> None:
    scaling = axis_element.find("c:scaling", NS)
    if scaling is None:
        scaling = _put(axis_element, _el("c:scaling"))
    _put(scaling, _el("c:orientation", "minMax"))
    if chart.starts_at_zero(axis) and _no_negative(chart, axis):
        _put(scaling, _el("c:min", 0))
    # The ticks in the decimals their step needs (as the SVG's: 0%, 20% … not 0,00%), money
    # in juta and miliar; Word keeps choosing the step itself, so that edited data still fit.
    number_format = chart.format_of(axis)
    scale = scale_of(chart, axis)
    if number_format.kind in ("rupiah", "rupiah_ringkas"):
        number_format = NumberFormat(kind="rupiah_ringkas")
    elif scale is not None:
        number_format = NumberFormat(kind=number_format.kind, places=min(scale.places, 4))
    code = excel_format(number_format)
    _put(axis_element, _el("c:numFmt", formatCode=code, sourceLinked="0"))
    if title:  # beside a vertical axis, read upwards; under a horizontal one, level
        _put(axis_element, _title(title, rotate=not chart.horizontal))
    _put(axis_element, _xml(_text_properties(800)))
    _put(axis_element, _xml("<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"))
    if axis == "primary":
        _put(
            axis_element,
            _xml(
                '<c:majorGridlines><c:spPr><a:ln w="7620"><a:solidFill><a:srgbClr val="DDDDDD"/>'
                "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
            ),
        )
    else:
        for gridlines in axis_element.findall("c:majorGridlines", NS):
            axis_element.remove(gridlines)


def _no_negative(chart: Chart, axis: Axis) -> bool:
    return all(v is None or v >= 0 for s in chart.series if s.axis == axis for v in s.values)


def _category_axis(axis_element: etree._Element, title: str) -> None:
    if title:
        _put(axis_element, _title(title, rotate=False))
    _put(axis_element, _xml(_text_properties(800)))
    _put(
        axis_element,
        _xml(
            '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill>'
            "</a:ln></c:spPr>"
        ),
    )
    _put(axis_element, _el("c:majorTickMark", "none"))


_SECONDARY_AXES = """<c:root xmlns:c="{c}">
<c:catAx><c:axId val="{cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling>
<c:delete val="1"/><c:axPos val="b"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>
<c:tickLblPos val="nextTo"/><c:crossAx val="{val}"/><c:crosses val="autoZero"/>
<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>
</c:catAx>
<c:valAx><c:axId val="{val}"/><c:scaling><c:orientation val="minMax"/></c:scaling>
<c:delete val="0"/><c:axPos val="r"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>
<c:tickLblPos val="nextTo"/><c:crossAx val="{cat}"/><c:crosses val="max"/>
<c:crossBetween val="between"/></c:valAx></c:root>"""


def _split_lines(chart: Chart, plot_area: etree._Element, bar_chart: etree._Element) -> None:
    """``bar_line``: move the line series out of the bar group into a line group, on the
    secondary axes when they are on the secondary axis (one axis per group in DrawingML)."""
    line_names = {s.name for s in chart.series if s.line}
    secondary = chart.has_secondary
    line_chart = _xml(
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        '<c:marker val="1"/></c:lineChart>'
    )
    for ser in list(bar_chart.findall("c:ser", NS)):
        name = ser.findtext("c:tx//c:v", namespaces=NS)
        if name not in line_names:
            continue
        bar_chart.remove(ser)
        for name_only_bar in ser.findall("c:invertIfNegative", NS):
            ser.remove(name_only_bar)
        _put(ser, _el("c:smooth", 0))
        _put(line_chart, ser)
    axis_ids = [a.get("val") for a in bar_chart.findall("c:axId", NS)]
    if secondary:
        cat_id, val_id = "50010", "50020"
        axes = etree.fromstring(_SECONDARY_AXES.format(c=C, cat=cat_id, val=val_id))
        plot_area.extend(list(axes))
        axis_ids = [cat_id, val_id]
    for axis_id in axis_ids:
        _put(line_chart, _el("c:axId", axis_id))
    plot_area.insert(list(plot_area).index(bar_chart) + 1, line_chart)


def chart_xml(chart: Chart) -> bytes:
    """The chart part (``c:chartSpace``) of ``chart``, its data linked to the embedded workbook
    by the part's relationship ``rId1``."""
    kind = (_HORIZONTAL_TYPE if chart.horizontal else _WRITER_TYPE)[chart.kind]
    writer = ChartXmlWriter(kind, chart_data(chart))
    root = etree.fromstring(writer.xml.encode("utf-8"))
    _put(root, _el("c:lang", "id-ID"))
    _put(root, _el("c:roundedCorners", 0))
    chart_element = root.find("c:chart", NS)
    plot_area = chart_element.find("c:plotArea", NS)
    if chart.title:
        title = _title(chart.title, rotate=False, size=850, bold=True)
        _put(chart_element, title)
    _put(chart_element, _el("c:autoTitleDeleted", 0 if chart.title else 1))

    bar_chart = plot_area.find("c:barChart", NS)
    if chart.kind == "bar_line":
        _split_lines(chart, plot_area, bar_chart)
    for ser in plot_area.iter(f"{{{C}}}ser"):
        index = int(ser.find("c:idx", NS).get("val"))
        series = chart.series[index]
        line = chart.is_line(series)
        color = chart.color(index)
        _put(ser, _fill(color, line))
        if line:
            _put(ser, _marker(color))
        else:
            _put(ser, _el("c:invertIfNegative", 0))
        if chart.value_labels:
            position, white = _label_position(chart, series)
            _put(ser, _labels(chart, index, position, white and color in DARK))

    if bar_chart is not None:
        _put(bar_chart, _el("c:varyColors", 0))
        _put(bar_chart, _el("c:gapWidth", 25 if chart.kind == "bar_line" else 40))
        _put(bar_chart, _el("c:overlap", 100 if chart.kind == "stacked_bar" else 0))

    value_axes = plot_area.findall("c:valAx", NS)
    _value_axis(chart, value_axes[0], "primary", chart.title_y)
    if len(value_axes) > 1:
        _value_axis(chart, value_axes[1], "secondary", chart.title_y2)
    _category_axis(plot_area.find("c:catAx", NS), chart.title_x)
    if chart.horizontal:  # the first category on top, the value axis still below
        category_axis = plot_area.find("c:catAx", NS)
        _put(category_axis.find("c:scaling", NS), _el("c:orientation", "maxMin"))
        _put(value_axes[0], _el("c:crosses", "max"))

    if len(chart.series) > 1:
        _put(
            chart_element,
            _xml(
                '<c:legend><c:legendPos val="t"/><c:overlay val="0"/>'
                f"{_text_properties(800)}</c:legend>"
            ),
        )
    else:
        for legend in chart_element.findall("c:legend", NS):
            chart_element.remove(legend)
    _put(chart_element, _el("c:plotVisOnly", 1))
    _put(chart_element, _el("c:dispBlanksAs", "gap"))

    _put(root, _xml("<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"))
    _put(root, _xml(_text_properties(800)))
    external = _put(root, _el("c:externalData"))
    external.set(f"{{{R}}}id", "rId1")
    external.append(_el("c:autoUpdate", 0))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- the document ------------------------------------------------------------------------------


def placeholder(label: str) -> str:
    """The text of the paragraph a draft holds where the chart ``label`` goes."""
    return f"[[grafik:{label}]]"


def drawing_run(
    relationship: str, drawing_id: int, chart: Chart, width_pt: float | None = None
) -> etree._Element:
    """The run (``w:r``) that shows the chart part related as ``relationship``, inline, as wide
    as ``width_pt`` (the chart's own width by default)."""
    cx = round((chart.width_pt if width_pt is None else width_pt) * EMU_PER_PT)
    cy = round(chart.height_cm * EMU_PER_CM)
    description = chart.caption or chart.label
    run = etree.fromstring(
        f'<w:r xmlns:w="{W}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}">'
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="Grafik {drawing_id}"/>'
        f"<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{relationship}"/>'
        f"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    run.find(".//wp:docPr", NS).set("descr", description)
    return run


def _paragraph_text(paragraph: etree._Element) -> str:
    return "".join(paragraph.itertext(f"{{{W}}}t")).strip()


_PLACEHOLDERS = re.compile(r"(?:\[\[grafik:[^\]]+\]\]\s*)+")
_PLACEHOLDER = re.compile(r"\[\[grafik:[^\]]+\]\]")


def _placeholders(paragraph: etree._Element) -> list[str]:
    """The placeholders a paragraph holds, in order, when it holds nothing else (a row of a
    figure's panels holds several)."""
    text = _paragraph_text(paragraph)
    if not _PLACEHOLDERS.fullmatch(text):
        return []
    return _PLACEHOLDER.findall(text)


def _centred(paragraph: etree._Element) -> None:
    """The paragraph centred, unless it says where it stands (a row of panels narrower than
    the text stays in the middle, as a lone chart spans it)."""
    properties = paragraph.find("w:pPr", NS)
    if properties is None:
        properties = etree.Element(f"{{{W}}}pPr")
        paragraph.insert(0, properties)
    if properties.find("w:jc", NS) is None:
        centre = etree.Element(f"{{{W}}}jc")
        centre.set(f"{{{W}}}val", "center")
        later = [c for c in properties if _local(c) in ("textAlignment", "rPr", "sectPr")]
        if later:  # the schema's order: jc before these
            later[0].addprevious(centre)
        else:
            properties.append(centre)


def _next_number(parts: Mapping[str, bytes], pattern: str) -> int:
    numbers = [int(m.group(1)) for name in parts if (m := re.fullmatch(pattern, name))]
    return max(numbers, default=0) + 1


def _relationships(parts: dict[str, bytes], name: str) -> etree._Element:
    if name in parts:
        return etree.fromstring(parts[name])
    return etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG})


def _relate(relationships: etree._Element, kind: str, target: str) -> str:
    taken = {r.get("Id") for r in relationships}
    number = len(taken) + 1
    while f"rId{number}" in taken:
        number += 1
    relationship = etree.SubElement(relationships, f"{{{PKG}}}Relationship")
    relationship.set("Id", f"rId{number}")
    relationship.set("Type", kind)
    relationship.set("Target", target)
    return f"rId{number}"


def _content_types(xml: bytes, chart_parts: list[str]) -> bytes:
    root = etree.fromstring(xml)
    if not any(d.get("Extension") == "xlsx" for d in root.findall(f"{{{CT}}}Default")):
        default = etree.Element(f"{{{CT}}}Default", Extension="xlsx", ContentType=XLSX_TYPE)
        root.insert(0, default)
    for name in chart_parts:
        etree.SubElement(root, f"{{{CT}}}Override", PartName=f"/{name}", ContentType=CHART_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def insert_charts(
    parts: dict[str, bytes], charts: Mapping[str, Chart], width_pt: float | None = None
) -> None:
    """Put each chart of ``charts`` (label → chart) where ``word/document.xml`` holds its
    placeholder paragraph (:func:`placeholder`); the paragraph keeps its properties (style,
    alignment) and shows the native chart. A paragraph of several placeholders (the panels of
    one figure) shows their charts side by side, each as wide as its own width. ``parts``
    (part name → bytes of a DOCX package) gains the chart parts, their workbooks, relationships and content types. A chart whose
    placeholder is missing is an error (a figure would silently vanish)."""
    document = etree.fromstring(parts["word/document.xml"])
    rels_name = "word/_rels/document.xml.rels"
    relationships = _relationships(parts, rels_name)
    wanted = {placeholder(label): label for label in charts}
    found: dict[str, etree._Element] = {}
    for paragraph in document.iter(f"{{{W}}}p"):
        for text in _placeholders(paragraph):
            if text in wanted:
                found[wanted[text]] = paragraph
    missing = sorted(set(charts) - set(found))
    if missing:
        raise ValueError(f"no placeholder in the document for the charts {', '.join(missing)}")

    drawing_ids = [int(d.get("id", "0")) for d in document.iter(f"{{{WP}}}docPr")]
    next_drawing = max(drawing_ids, default=0) + 1
    number = _next_number(parts, r"word/charts/chart(\d+)\.xml")
    new_parts: list[str] = []
    for label, chart in charts.items():
        chart_name = f"word/charts/chart{number}.xml"
        workbook_name = f"word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"
        parts[chart_name] = chart_xml(chart)
        parts[workbook_name] = workbook(chart)
        chart_rels = _relationships({}, "")
        etree.SubElement(
            chart_rels,
            f"{{{PKG}}}Relationship",
            Id="rId1",
            Type=PACKAGE_REL,
            Target=f"../embeddings/Microsoft_Excel_Worksheet{number}.xlsx",
        )
        parts[f"word/charts/_rels/chart{number}.xml.rels"] = etree.tostring(
            chart_rels, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        relationship = _relate(relationships, CHART_REL, f"charts/chart{number}.xml")
        paragraph = found[label]
        for child in list(paragraph):  # all but its properties and the charts put there
            if _local(child) != "pPr" and child.find(".//wp:inline", NS) is None:
                paragraph.remove(child)
        _centred(paragraph)
        paragraph.append(drawing_run(relationship, next_drawing, chart, width_pt))
        new_parts.append(chart_name)
        next_drawing += 1
        number += 1
    parts["word/document.xml"] = etree.tostring(
        document, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    parts[rels_name] = etree.tostring(
        relationships, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], new_parts)


def insert_charts_in_file(
    path: Path, charts: Mapping[str, Chart], width_pt: float | None = None
) -> None:
    """:func:`insert_charts` on the DOCX file at ``path``, rewritten in place."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    insert_charts(parts, charts, width_pt)
    order = names + [name for name in parts if name not in names]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in order:
            archive.writestr(name, parts[name])


def chart_values(parts: Mapping[str, bytes], chart_name: str) -> list[list[str]]:
    """The cached values of each series in a chart part, as written (for checks)."""
    root = etree.fromstring(parts[chart_name])
    result = []
    for ser in root.iter(f"{{{C}}}ser"):
        cache = ser.find("c:val//c:numCache", NS)
        count = int(cache.find("c:ptCount", NS).get("val"))
        values = [""] * count
        for point in cache.findall("c:pt", NS):
            values[int(point.get("idx"))] = point.findtext("c:v", namespaces=NS)
        result.append(values)
    return result
