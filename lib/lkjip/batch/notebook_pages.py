"""The executed notebooks of a build as readable HTML pages (nbconvert), for the status page:
a browser shows them as the analyst saw them in Jupyter, where the .ipynb would be raw JSON."""

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
            body, _resources = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
        except Exception:  # a damaged notebook, an output nbconvert cannot show
            continue
        page = notebook.with_suffix(".html")
        write_text(page, body)
        pages.append(page)
    return pages


@cache
def _exporter():
    """One exporter per worker: building one (templates, Markdown renderer) costs more than a
    page."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")
