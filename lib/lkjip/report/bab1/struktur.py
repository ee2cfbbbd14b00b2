"""BAB I, Struktur Organisasi: the lead-in and the organisation chart."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from lkjip.loader import Row
from lkjip.report.bab1.helpers import _narrative_if_present
from lkjip.report.blocks import Block, Heading, Inline, Para, Ref
from lkjip.report.common import hitung
from lkjip.report.context import ReportContext
from lkjip.report.figures import literal, plt


# --- struktur organisasi ----------------------------------------------------------------------
def _units(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("unit_organisasi") if r.get("kode") and r.get("nama")]


def struktur_organisasi(ctx: ReportContext) -> list[Block]:
    """Heading, the legal basis of the organisation, the narrative when written."""
    if not ctx.enabled("struktur"):
        return []
    units = _units(ctx)
    narrative = _narrative_if_present(ctx, "struktur-organisasi")
    content: list[Inline] = []
    dasar = str(ctx.data.profil.get("dasar_hukum_sotk") or "").strip().rstrip(".")
    if dasar:
        content.append(
            f"Kedudukan, susunan organisasi, tugas dan fungsi Kecamatan {ctx.kecamatan} diatur "
            f"dalam {dasar}."
        )
    if units:
        roots, _, _ = _tree(units)
        count = (
            f"{hitung(len(units) - 1)} unit di bawah Camat"
            if len(roots) == 1
            else f"{hitung(len(units))} unit"
        )
        lead = " " if content else ""
        content += [
            f"{lead}Susunan organisasi Kecamatan {ctx.kecamatan} terdiri atas {count}, "
            "sebagaimana digambarkan pada ",
            Ref("fig-bab1-struktur"),
            ".",
        ]
    if not content and not narrative:
        return []
    blocks: list[Block] = [Heading("Struktur Organisasi", 2)]
    if content:
        blocks.append(Para(content))
    return blocks + narrative


def _tree(units: list[Row]) -> tuple[list[str], dict[str, list[str]], dict[str, Row]]:
    by_code = {str(u["kode"]): u for u in units}
    children: dict[str, list[str]] = {code: [] for code in by_code}
    roots = []
    for code, unit in by_code.items():
        parent = str(unit.get("induk") or "")
        if parent in by_code and parent != code:
            children[parent].append(code)
        else:
            roots.append(code)
    return roots, children, by_code


def _descendants(
    code: str, children: dict[str, list[str]], depth: int = 1
) -> list[tuple[str, int]]:
    found = []
    for child in children[code]:
        found.append((child, depth))
        found += _descendants(child, children, depth + 1)
    return found


def fig_struktur(ctx: ReportContext) -> Figure | None:
    """Organisation chart: the head unit on top, one column per unit below it, their own
    sub-units stacked under each column. Boxes show the unit and its head where given."""
    units = _units(ctx)
    if not ctx.enabled("struktur") or not units:
        return None
    roots, children, by_code = _tree(units)
    if len(roots) == 1 and children[roots[0]]:
        top: str | None = roots[0]
        columns = children[roots[0]]
    else:
        top, columns = None, roots
    ncols = max(len(columns), 1)
    width, gap, step = 6.3, 0.08, 0.12
    col_w = (width - gap * (ncols + 1)) / ncols
    indent = min(0.12, col_w * 0.08)
    stacks = {c: _descendants(c, children) for c in columns}
    # The font fits the longest word into the narrowest box, so words are never split.
    in_columns = [*columns, *(sub for c in columns for sub, _ in stacks[c])]
    longest = max(
        len(word)
        for code in in_columns
        for word in f"{by_code[code]['nama']} {by_code[code].get('kepala') or ''}".split()
    )
    deepest = max((d for c in columns for _, d in stacks[c]), default=0)
    fit = (col_w - indent * deepest - 0.08) * 72 / (0.62 * max(longest, 1))
    font = max(4.5, min(7.5, 44 / ncols, fit))
    line_h = font * 1.25 / 72

    def chars(box_width: float) -> int:
        return max(6, int((box_width - 0.08) * 72 / (font * 0.62)))

    def label(code: str, box_width: float) -> tuple[str, int]:
        unit = by_code[code]
        wrap = {"width": chars(box_width), "break_long_words": False}
        lines = textwrap.wrap(str(unit["nama"]), **wrap) or [""]  # type: ignore[arg-type]
        if unit.get("kepala"):
            lines += textwrap.wrap(str(unit["kepala"]), **wrap)  # type: ignore[arg-type]
        return "\n".join(lines), len(lines)

    def box_h(code: str, box_width: float) -> float:
        return label(code, box_width)[1] * line_h + 0.12

    head_row = max(box_h(c, col_w) for c in columns) if columns else 0.0
    col_h = [
        head_row + sum(step + box_h(sub, col_w - indent * d) for sub, d in stacks[c])
        for c in columns
    ]
    head_w = min(width * 0.45, 2.8)
    top_h = box_h(top, head_w) if top else 0.0
    bus = 0.25 if top else 0.0
    total_h = 0.1 + top_h + bus + max(col_h, default=0.5) + 0.1

    figure = plt.figure(figsize=(width, total_h), dpi=150)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(total_h, 0)
    axes.axis("off")
    line = {"color": "#404040", "linewidth": 0.7}
    placed: dict[str, tuple[float, float]] = {}  # code -> (left x, bottom y)

    def draw(x: float, y: float, w: float, code: str, fill: str, h: float | None = None) -> float:
        text, _ = label(code, w)
        h = box_h(code, w) if h is None else h
        axes.add_patch(Rectangle((x, y), w, h, facecolor=fill, edgecolor="#1f4e79", lw=0.8))
        axes.text(x + w / 2, y + h / 2, literal(text), ha="center", va="center", fontsize=font)
        placed[code] = (x, y + h)
        return h

    y0 = 0.1
    if top:
        h = draw((width - head_w) / 2, y0, head_w, top, "#dbe5f1")
        bus_y = y0 + h + bus / 2
        axes.plot([width / 2, width / 2], [y0 + h, bus_y], **line)
        centers = [gap + col_w / 2 + n * (col_w + gap) for n in range(len(columns))]
        axes.plot([min(centers), max(centers)], [bus_y, bus_y], **line)
        for cx in centers:
            axes.plot([cx, cx], [bus_y, y0 + h + bus], **line)
        y0 += h + bus
    for n, code in enumerate(columns):
        x = gap + n * (col_w + gap)
        y = y0 + draw(x, y0, col_w, code, "#eef3f9", head_row)
        for sub, depth in stacks[code]:
            y += step
            left = x + indent * depth
            sub_h = draw(left, y, col_w - indent * depth, sub, "white")
            parent_x, parent_bottom = placed[str(by_code[sub]["induk"])]
            trunk = parent_x + indent / 2
            axes.plot([trunk, trunk], [parent_bottom, y + sub_h / 2], **line)
            axes.plot([trunk, left], [y + sub_h / 2, y + sub_h / 2], **line)
            y += sub_h
    return figure
