"""Tiny chapter notebooks for testing the executor and the assembler without the real chapters."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lkjip.report.execute import NOTEBOOKS

PARAMS = 'config = "../params/kota-bekasi.yaml"\nkecamatan = "bekasi-utara"\ncity_summary = ""\n'
SETUP = (
    "#| echo: false\n"
    "from lkjip.report.blocks import Cell, Para, Ref, Table\n"
    "from lkjip.report.display import show, show_chart\n"
    "from lkjip.report.chart import Chart, Series\n"
    "from lkjip.report.context import open_report\n"
    "ctx = open_report(config, kecamatan)\n"
)
TABLE = (
    '#| echo: false\n#| label: tbl-{n}\n#| tbl-cap: "Tabel uji {n}"\n'
    "show(Table(head=[[Cell('Uraian'), Cell('Nilai')]], body=[[Cell(ctx.kecamatan), Cell('{n}')]],"
    " label='tbl-{n}', caption='Tabel uji {n}'))\n"
)
FIGURE = (
    '#| echo: false\n#| label: fig-{n}\n#| fig-cap: "Gambar uji {n}"\n'
    "show_chart(Chart(kind='bar', categories=('2023', '2024'), "
    "series=(Series(name='Nilai', values=(1, 3)),)), caption='Gambar uji {n}', label='fig-{n}')\n"
)


def write_notebook(path: Path, cells: list) -> Path:
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


def write_mini_notebooks(folder: Path, extra: dict[str, list] | None = None) -> Path:
    """Six notebooks named like the real ones: a heading, a table, a figure and a reference."""
    for index, name in enumerate(NOTEBOOKS):
        cells = [
            new_code_cell(PARAMS, metadata={"tags": ["parameters"]}),
            new_code_cell(SETUP),
            new_markdown_cell(f"# Bagian {index}\n\n## Sub bagian"),
            new_code_cell(TABLE.format(n=f"t{index}")),
            new_code_cell(FIGURE.format(n=f"f{index}")),
            new_code_cell(
                f"#| echo: false\nshow(Para(['Lihat ', Ref('tbl-t{index}'), ' dan ', Ref('fig-f{index}'), '.']))"
            ),
            *(extra or {}).get(name, []),
        ]
        write_notebook(folder / f"{name}.ipynb", cells)
    return folder
