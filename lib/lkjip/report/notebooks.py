"""The chapter notebooks, generated from the outline (:mod:`lkjip.report.outline`).

Each notebook is thin: a ``parameters`` cell whose defaults run the bundled sample kecamatan, an
import cell that opens the report context, then one cell per part of the outline, in order: a
Markdown heading, or one call of the part's builder. Table and figure cells keep Quarto's cell
options (``#| label:``, ``#| tbl-cap:``/``#| fig-cap:``) and pass their label to ``show`` or
``show_chart``, which caption the block from the outline.

    python -m lkjip.report.notebooks           # rewrite notebooks/ from the outline
    python -m lkjip.report.notebooks --check   # exit 1 when a notebook and the outline disagree
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lkjip.paths import REPOSITORY
from lkjip.report.outline import CHAPTERS, Chapter, Part

PARAMETERS = (
    "# Parameter notebook (diisi otomatis oleh lkjip build)\n"
    'config = "../params/kabupaten-jombang.yaml"\n'
    'kecamatan = "perak"\n'
    "# ringkasan kota (JSON) dari tahap 1 batch; kosong = dihitung di notebook\n"
    'city_summary = ""'
)
NOTEBOOKS_DIR = REPOSITORY / "notebooks"  # the repository's, whatever LKJIP_NOTEBOOKS says
HIDDEN = "#| echo: false"
METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _call(part: Part) -> str:
    return f"{part.builder}({', '.join(part.args)})"


def part_source(part: Part) -> str:
    """The source of the cell that shows ``part``."""
    if part.kind == "heading":
        return f"{'#' * part.level} {part.heading}"
    if part.kind == "table":
        return "\n".join(
            [
                HIDDEN,
                f"#| label: {part.label}",
                f"#| tbl-cap: {_quoted(part.caption)}",
                f"show(*{_call(part)}, label={_quoted(part.label)})",
            ]
        )
    if part.kind == "figure":
        caption = f", caption={part.caption_builder}(ctx)" if part.caption_builder else ""
        return "\n".join(
            [
                HIDDEN,
                f"#| label: {part.label}",
                f"#| fig-cap: {_quoted(part.caption)}",
                f"show_chart({_call(part)}, label={_quoted(part.label)}{caption})",
            ]
        )
    if part.kind == "photos":
        return f"{HIDDEN}\nshow_photos({_call(part)})"
    return f"{HIDDEN}\nshow(*{_call(part)})"


def setup_source(chapter: Chapter) -> str:
    kinds = {p.kind for p in chapter.parts}
    shows = "show, show_chart" if "figure" in kinds else "show"
    lines = [
        HIDDEN,
        f"from lkjip.report import {', '.join(sorted(chapter.modules))}",
        "from lkjip.report.context import open_report",
        f"from lkjip.report.display import {shows}",
    ]
    if "photos" in kinds:
        lines.append("from lkjip.report.photos import show_photos")
    return "\n".join([*lines, "", "ctx = open_report(config, kecamatan)"])


def notebook(chapter: Chapter) -> nbformat.NotebookNode:
    """The notebook of one chapter, as the outline declares it."""
    cells = [
        new_code_cell(PARAMETERS, id="parameters", metadata={"tags": ["parameters"]}),
        new_code_cell(setup_source(chapter), id="setup"),
    ]
    for part in chapter.parts:
        metadata = {"lkjip": {"part": part.id}}
        source = part_source(part)
        if part.kind == "heading":
            cells.append(new_markdown_cell(source, id=part.id, metadata=metadata))
        else:
            cells.append(new_code_cell(source, id=part.id, metadata=metadata))
    return new_notebook(cells=cells, metadata=METADATA)


def text_of(chapter: Chapter) -> str:
    return nbformat.writes(notebook(chapter)) + "\n"


def disagreements(folder: Path | None = None) -> list[str]:
    """The notebooks in ``folder`` that differ from what the outline generates."""
    folder = folder or NOTEBOOKS_DIR
    names = {c.notebook for c in CHAPTERS}
    problems = [
        f"{path.name}: tidak ada dalam outline"
        for path in sorted(folder.glob("*.ipynb"))
        if path.stem not in names
    ]
    for chapter in CHAPTERS:
        path = folder / f"{chapter.notebook}.ipynb"
        if not path.is_file():
            problems.append(f"{path.name}: belum dibuat dari outline")
        elif path.read_text(encoding="utf-8") != text_of(chapter):
            problems.append(f"{path.name}: berbeda dari outline (jalankan {COMMAND})")
    return problems


COMMAND = "python -m lkjip.report.notebooks"


def write(folder: Path | None = None) -> list[Path]:
    folder = folder or NOTEBOOKS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for chapter in CHAPTERS:
        path = folder / f"{chapter.notebook}.ipynb"
        path.write_text(text_of(chapter), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("folder", nargs="?", type=Path, help="default: notebooks/")
    args = parser.parse_args(argv)
    if args.check:
        problems = disagreements(args.folder)
        print("\n".join(problems) or "notebook sesuai dengan outline")
        return 1 if problems else 0
    for path in write(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
