"""An organisation chart as data (the units and who heads them), drawn by the renderer: as SVG
for the PDF and Jupyter, as a picture rasterised from that SVG for the Word draft.

Like a :class:`~lkjip.report.chart.Chart`, an :class:`OrgChart` travels in the notebook as JSON
(:data:`MIMETYPE`) and is only drawn when shown, so that a batch run draws nothing while the
notebooks execute. The layout: the head unit on top, one column per unit below it, their own
sub-units stacked under each column, indented by depth; each box names the unit and its head.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pydantic import BaseModel, ConfigDict, Field

from lkjip.report.chart import WIDTH_PT
from lkjip.report.chart_svg import FONT, text_width, typst_string, wrap

MIMETYPE = "application/vnd.lkjip.orgchart+json"
"""The notebook output type of an organisation chart: its JSON (:meth:`OrgChart.to_data`)."""
BORDER = "#1f4e79"
FILLS = ("#dbe5f1", "#eef3f9", "#ffffff")  # the head unit, the column heads, the sub-units
LINE = "#404040"
GAP, STEP, MARGIN, BUS = 5.76, 8.64, 7.2, 18.0  # points
PAD_X, PAD_Y = 6.0, 8.64  # inside a box: the text's room left and right, above and below


class Unit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kode: str
    nama: str
    kepala: str = ""
    induk: str = ""


class OrgChart(BaseModel):
    """The units of an organisation (each under its ``induk``), with a caption and label."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = 1
    units: tuple[Unit, ...] = Field(min_length=1)
    caption: str = ""
    label: str = ""

    def tree(self) -> tuple[list[str], dict[str, list[str]], dict[str, Unit]]:
        """The roots, each unit's children, the units by code (in the order given)."""
        by_code = {u.kode: u for u in self.units}
        children: dict[str, list[str]] = {code: [] for code in by_code}
        roots = []
        for code, unit in by_code.items():
            if unit.induk in by_code and unit.induk != code:
                children[unit.induk].append(code)
            else:
                roots.append(code)
        return roots, children, by_code

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> OrgChart:
        return cls.model_validate(data)

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None
    ) -> dict[str, object]:
        """The data, and the drawing (SVG) made here, only when a front end shows it."""
        bundle: dict[str, object] = {MIMETYPE: self.to_data()}
        wanted = include is None or "image/svg+xml" in include  # type: ignore[operator]
        unwanted = exclude is not None and "image/svg+xml" in exclude  # type: ignore[operator]
        if wanted and not unwanted:
            bundle["image/svg+xml"] = svg(self)
        bundle["text/plain"] = f"<OrgChart: {len(self.units)} unit>"
        return bundle


def _descendants(
    code: str, children: dict[str, list[str]], depth: int = 1
) -> list[tuple[str, int]]:
    found = []
    for child in children[code]:
        found.append((child, depth))
        found += _descendants(child, children, depth + 1)
    return found


def svg(chart: OrgChart, width: float = WIDTH_PT) -> str:
    """The organisation chart as a standalone SVG document, ``width`` points wide."""
    roots, children, by_code = chart.tree()
    if len(roots) == 1 and children[roots[0]]:
        top: str | None = roots[0]
        columns = children[roots[0]]
    else:
        top, columns = None, roots
    ncols = max(len(columns), 1)
    col_w = (width - GAP * (ncols + 1)) / ncols
    indent = min(8.64, col_w * 0.08)
    stacks = {c: _descendants(c, children) for c in columns}
    in_columns = [*columns, *(sub for c in columns for sub, _ in stacks[c])]
    deepest = max((d for c in columns for _, d in stacks[c]), default=0)
    # The font fits the longest word into the narrowest box, so words are never split.
    longest = max(
        (text_width(word, 1.0) for code in in_columns for word in _words(by_code[code])),
        default=1.0,
    )
    fit = (col_w - indent * deepest - 2 * PAD_X) / max(longest, 0.1)
    font = max(4.5, min(7.5, 44 / ncols, fit))
    line_h = font * 1.25

    def lines(code: str, box_w: float) -> list[str]:
        unit = by_code[code]
        found = wrap(unit.nama, box_w - 2 * PAD_X, font)
        return found + (wrap(unit.kepala, box_w - 2 * PAD_X, font) if unit.kepala else [])

    def box_h(code: str, box_w: float) -> float:
        return len(lines(code, box_w)) * line_h + PAD_Y

    head_row = max((box_h(c, col_w) for c in columns), default=0.0)
    col_h = [
        head_row + sum(STEP + box_h(sub, col_w - indent * d) for sub, d in stacks[c])
        for c in columns
    ]
    head_w = min(width * 0.45, 201.6)
    top_h = box_h(top, head_w) if top else 0.0
    bus = BUS if top else 0.0
    height = MARGIN + top_h + bus + max(col_h, default=36.0) + MARGIN

    items: list[str] = []
    placed: dict[str, tuple[float, float]] = {}  # code -> (left x, bottom y)

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        items.append(
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="{LINE}" '
            f'stroke-width="0.7"/>'
        )

    def box(x: float, y: float, w: float, code: str, fill: str, h: float | None = None) -> float:
        text = lines(code, w)
        h = box_h(code, w) if h is None else h
        items.append(
            f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="{fill}" '
            f'stroke="{BORDER}" stroke-width="0.8"/>'
        )
        first = y + h / 2 - (len(text) - 1) * line_h / 2 + font * 0.35
        spans = "".join(
            f'<tspan x="{x + w / 2:.2f}" y="{first + i * line_h:.2f}">{escape(t)}</tspan>'
            for i, t in enumerate(text)
        )
        items.append(f'<text font-size="{font:.2f}" text-anchor="middle">{spans}</text>')
        placed[code] = (x, y + h)
        return h

    y0 = MARGIN
    if top:
        h = box((width - head_w) / 2, y0, head_w, top, FILLS[0])
        bus_y = y0 + h + bus / 2
        line(width / 2, y0 + h, width / 2, bus_y)
        centres = [GAP + col_w / 2 + n * (col_w + GAP) for n in range(len(columns))]
        line(min(centres), bus_y, max(centres), bus_y)
        for cx in centres:
            line(cx, bus_y, cx, y0 + h + bus)
        y0 += h + bus
    for n, code in enumerate(columns):
        x = GAP + n * (col_w + GAP)
        y = y0 + box(x, y0, col_w, code, FILLS[1], head_row)
        for sub, depth in stacks[code]:
            y += STEP
            left = x + indent * depth
            sub_h = box(left, y, col_w - indent * depth, sub, FILLS[2])
            parent_x, parent_bottom = placed[by_code[sub].induk]
            trunk = parent_x + indent / 2
            line(trunk, parent_bottom, trunk, y + sub_h / 2)
            line(trunk, y + sub_h / 2, left, y + sub_h / 2)
            y += sub_h
    title = escape(chart.caption or chart.label or "Struktur organisasi")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" height="{height:.2f}pt" '
        f'viewBox="0 0 {width:.2f} {height:.2f}" font-family={quoteattr(FONT)}>'
        f'<title>{title}</title><rect x="0" y="0" width="{width:.2f}" height="{height:.2f}" '
        f'fill="#ffffff"/>' + "".join(items) + "</svg>"
    )


def _words(unit: Unit) -> list[str]:
    return f"{unit.nama} {unit.kepala}".split()


def png(drawing: str, ppi: int = 200) -> bytes:
    """A picture of the SVG ``drawing`` (for the Word draft), rasterised by Typst (no other
    drawing library)."""
    import re

    import typst

    size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', drawing)
    if size is None:
        raise ValueError("the drawing has no size in points")
    width, height = size.groups()
    source = (
        f"#set page(width: {width}pt, height: {height}pt, margin: 0pt)\n"
        f'#image(bytes({typst_string(drawing)}), format: "svg", width: 100%)\n'
    )
    return typst.compile(source.encode("utf-8"), format="png", ppi=ppi)
