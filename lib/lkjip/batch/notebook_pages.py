"""The executed notebooks of a build as readable HTML pages (nbconvert), for the status page:
a browser shows them as the analyst saw them in Jupyter, where the .ipynb would be raw JSON.
The batch keeps charts as data in the notebooks (nothing is drawn while they run); a page shows
each chart drawn (SVG), as Jupyter would."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lkjip.files import write_text

NOTEBOOKS = "notebooks"


def write_notebook_pages(folder: Path) -> list[Path]:
    """Beside each executed notebook in ``folder/notebooks``, its page (``.html``). A notebook
    nbconvert cannot read keeps only its .ipynb; the build goes on."""
    notebooks = sorted((folder / NOTEBOOKS).glob("*.ipynb"))
    if not notebooks:
        return []
    import nbformat

    exporter = _exporter()
    pages = []
    for notebook in notebooks:
        try:
            executed = _with_drawings(nbformat.read(notebook, as_version=4))
            body, _resources = exporter.from_notebook_node(executed)
        except Exception:  # a damaged notebook, an output nbconvert cannot show
            continue
        page = notebook.with_suffix(".html")
        write_text(page, body)
        pages.append(page)
    return pages


def _with_drawings(notebook):
    """The notebook with the drawing (SVG) of every chart output that has none."""
    from lkjip.report.display import chart_drawing

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and "image/svg+xml" not in data:
                drawing = chart_drawing(data)
                if drawing is not None:
                    data["image/svg+xml"] = drawing
    return notebook


@cache
def _exporter():
    """One exporter per worker: building one (templates, Markdown renderer) costs more than a
    page."""
    from nbconvert import HTMLExporter

    # Without the code cells: the page is for reading the report's parts (the code is in the
    # .ipynb beside it), and highlighting one line of code per cell was half of its cost.
    return HTMLExporter(template_name="lab", exclude_input=True)
