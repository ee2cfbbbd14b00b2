"""Showing the report's blocks, charts and pictures in a notebook: each as the document will
look (the analyst's view, :mod:`lkjip.report.preview`) and as data for the assembler, with the
label and caption the outline gives it (:mod:`lkjip.report.outline`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkjip.report.blocks import MIME, Block, Table, to_json, to_markdown

if TYPE_CHECKING:
    from lkjip.report.outline import Part


def show(*blocks: Block, label: str = "") -> None:
    """Display blocks in a notebook: HTML as the document will look (the analyst's view,
    :mod:`lkjip.report.preview`), Markdown for Quarto, JSON for the assembler. ``label``: the
    outline part the blocks are; its first table takes the part's label and caption."""
    from IPython.display import publish_display_data

    from lkjip.report import preview

    if label:
        blocks = labelled(blocks, label)
        preview.SESSION.shown(label, any(isinstance(b, Table) for b in blocks))
    for block in blocks:
        bundle: dict[str, object] = {"text/markdown": to_markdown(block), MIME: to_json(block)}
        if (view := preview.to_html(block)) is not None:
            bundle["text/html"] = view
        publish_display_data(bundle)


def labelled(blocks: tuple[Block, ...], label: str) -> tuple[Block, ...]:
    """The blocks, the first table among them (a copy) with the outline's label and caption
    (a label or caption the builder gave it stays)."""
    from dataclasses import replace

    part = _part(label, "table")
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            caption = block.caption or (part.caption if part else "")
            table = replace(block, label=block.label or label, caption=caption)
            return (*blocks[:index], table, *blocks[index + 1 :])
    return blocks


def _part(label: str, kind: str, own_caption: bool = False) -> Part | None:
    """The outline's part of that label and kind; ValueError for a label of another kind, or
    one the outline does not have unless the caller captions it itself (``own_caption``)."""
    from lkjip.report import outline

    part = outline.part_of(label)
    if (part is None and not own_caption) or (part is not None and part.kind != kind):
        raise ValueError(f"label {label!r} bukan {kind} dalam outline laporan (report/outline.py)")
    return part


def show_figure(figure: object | None, caption: str = "", label: str = "") -> None:
    """Display a matplotlib chart and close it: as PNG (the Word draft, Jupyter) and as SVG
    (the PDF draws it in vector, crisp in print), its label and caption in the output's
    metadata, then its numbered caption for the analyst. ``label``: the outline part it is,
    whose caption it takes unless ``caption`` is given (one that depends on the data, e.g. the
    years a chart shows). No figure (None): nothing is shown."""
    import base64
    import io

    import matplotlib.pyplot as plt

    shown = _figure_caption(label, caption, figure is not None)
    if shown is None:
        return

    tight = figure.get_layout_engine() is None  # type: ignore[attr-defined]
    drawn: dict[str, str] = {}
    for fmt in ("png", "svg"):
        buffer = io.BytesIO()
        figure.savefig(  # type: ignore[attr-defined]
            buffer,
            format=fmt,
            bbox_inches="tight" if tight else None,
            metadata={"Date": None} if fmt == "svg" else None,
        )
        data = buffer.getvalue()
        drawn[fmt] = base64.b64encode(data).decode("ascii") if fmt == "png" else data.decode()
    _publish_figure({"image/png": drawn["png"], "image/svg+xml": drawn["svg"]}, label, shown)
    plt.close(figure)  # type: ignore[arg-type]


def _draws_charts() -> bool:
    """A chart is drawn for the reader of the notebook: in an interactive kernel, not in the
    batch's engine (lkjip.report.engine), whose executed notebooks keep only the data."""
    from IPython import get_ipython

    shell = get_ipython()
    return shell is not None and getattr(shell, "lkjip_draws_charts", True)


def chart_drawing(data: dict[str, object]) -> str | None:
    """The drawing (SVG) of a chart output's data: a chart, the panels of one figure or an
    organisation chart; None for any other output."""
    from lkjip.report import chart as chart_model
    from lkjip.report import chart_svg, orgchart

    if orgchart.MIMETYPE in data:
        return orgchart.svg(orgchart.OrgChart.from_data(data[orgchart.MIMETYPE]))  # type: ignore[arg-type]
    if chart_model.MIMETYPE not in data:
        return None
    value = data[chart_model.MIMETYPE]
    if isinstance(value, list):
        return chart_svg.panels_svg([chart_model.Chart.from_data(panel) for panel in value])
    return chart_svg.svg(chart_model.Chart.from_data(value))  # type: ignore[arg-type]


def show_chart(chart: object, caption: str = "", label: str = "") -> None:
    """Display a chart as data (``application/vnd.lkjip.chart+json``; the renderer draws it: a
    native chart in Word, vector graphics in the PDF): a :class:`~lkjip.report.chart.Chart`, a
    list of them (the panels of one figure) or an organisation chart
    (:class:`~lkjip.report.orgchart.OrgChart`), its label and caption in the output's metadata,
    then its numbered caption for the analyst. In an interactive kernel the drawing (SVG) is
    shown too; the batch draws nothing. ``label``: the outline part it is, whose caption it
    takes unless ``caption`` is given (one that depends on the data, e.g. the years a chart
    shows). ``None`` or an empty list shows nothing."""
    from lkjip.report import chart as chart_model
    from lkjip.report import orgchart

    shown = _figure_caption(label, caption, not (chart is None or chart == []))
    if shown is None:
        return
    caption = shown
    data: dict[str, object]
    if isinstance(chart, orgchart.OrgChart):
        data = {orgchart.MIMETYPE: chart.to_data(), "text/plain": f"<Bagan: {caption}>"}
    else:
        charts = [chart] if isinstance(chart, chart_model.Chart) else list(chart)  # type: ignore[call-overload]
        value = charts[0].to_data() if len(charts) == 1 else [c.to_data() for c in charts]
        name = caption or charts[0].caption or charts[0].label
        data = {chart_model.MIMETYPE: value, "text/plain": f"<Grafik: {name}>"}
    if _draws_charts():
        data["image/svg+xml"] = chart_drawing(data)
    _publish_figure(data, label, caption)


def _figure_caption(label: str, caption: str, shown: bool) -> str | None:
    """The caption a figure is shown with: ``caption``, else its outline part's (``label``);
    the analyst's numbering learns whether the part showed. None: nothing to show."""
    from lkjip.report import preview

    part = _part(label, "figure", own_caption=bool(caption)) if label else None
    if label:
        preview.SESSION.shown(label, shown)
    if not shown:
        return None
    return caption or (part.caption if part else "")


def _publish_figure(data: dict[str, object], label: str, caption: str) -> None:
    """Publish a figure's output with its label and caption in the metadata (what the
    assembler reads), then its numbered caption for the analyst."""
    from IPython.display import publish_display_data

    from lkjip.report import preview

    own = {"caption": caption, **({"label": label} if label else {})}
    publish_display_data(data, metadata={"lkjip": own} if caption or label else None)
    if caption:
        view = preview.figure_caption_html(label, caption)
        publish_display_data({"text/html": view, "text/plain": caption})
