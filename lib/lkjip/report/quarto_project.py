"""One kecamatan's executed notebooks as a Quarto project that renders (``--no-execute``) into
the document the embedded renderer writes.

The content is the assembled document (:mod:`lkjip.report.assemble`: numbering, captions as
Word fields, references, contents lists, cover, sections, placeholders, sanitised narrative),
cut back into the notebook cells it came from and written as Quarto Markdown:

- every code cell is ``echo: false`` and ``output: asis``, so its Markdown reaches the document
  with no cell container around it: page breaks and page settings are top-level raw blocks
  (``{=openxml}`` for Word, ``{=typst}`` for the PDF), never inside a Typst ``#block``;
- the ``parameters`` and ``injected-parameters`` cells are tagged ``remove-cell`` and
  ``include: false``;
- what only the Word draft shows (its tables, figures, cover and signature as pandoc content)
  is hidden from Typst (``.content-hidden when-format="typst"``), which gets lkjip's own Typst
  markup as the embedded PDF does;
- tables are HTML tables with ``colspan``/``rowspan`` (Quarto reads them into real tables with
  merged header cells) and the column widths and text size of :mod:`lkjip.report.tablelayout`;
- pages with wide tables are ``.landscape`` divs, one per run of landscape pages the assembler
  decided (each div in one cell); the Word finishing completes their section breaks;
- every piece of text is escaped character by character, so that nothing written by people or
  taken from data can become Markdown, a shortcode, a citation or raw markup.

The project is a single document (``project: type: default``), not a book: a book adds its own
title page, chapter numbers, an "Appendix" label and an index page the report does not have.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import unescape

import nbformat
import yaml
from nbformat.v4 import new_markdown_cell, new_notebook

from lkjip.files import atomic_write, write_bytes, write_text
from lkjip.paths import TEMPLATES
from lkjip.report import pandoc_ast as pa
from lkjip.report import wordfields as wf
from lkjip.report.assemble import TYPST_LANDSCAPE, WORD_ONLY, Assembled, Chapter
from lkjip.report.docx_finish import LANDSCAPE_MARK

PROJECT_FILE = "_quarto.yml"
TYPST_TEMPLATE = "lkjip-quarto.typ"
REFERENCE_DOCX = "reference.docx"
HIDE_TAG = "remove-cell"
PARAMETER_TAGS = ("parameters", "injected-parameters")
LANDSCAPE = "landscape"
# Quarto's own words where it writes any (lang: id has most of them; these make sure).
LANGUAGE = {
    "crossref-tbl-title": "Tabel",
    "crossref-fig-title": "Gambar",
    "crossref-lot-title": "Daftar Tabel",
    "crossref-lof-title": "Daftar Gambar",
    "crossref-ch-prefix": "BAB",
    "crossref-apx-prefix": "Lampiran",
    "section-title-appendices": "Lampiran",
    "toc-title-document": "Daftar Isi",
}
# Quarto reads an id with one of these prefixes as a cross-reference target; lkjip numbers
# and references tables and figures itself (Word fields), so none may reach Quarto.
_CROSSREF_ID = re.compile(r"^(fig|tbl|lst|sec|eq|thm|lem|cor|prp|cnj|def|exm|exr|apx)-")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SHORTCODE = re.compile(r"\{\{<(.*?)>\}\}", re.DOTALL)
_WORD_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.DOTALL)
_ALIGN_CSS = {"AlignLeft": "left", "AlignRight": "right", "AlignCenter": "center"}
Key = tuple[int, int]  # (chapter, cell)
MARKDOWN_OPTIONS = ("--wrap=none", "--reference-location=block")  # a footnote stays in its cell


@dataclass
class Project:
    folder: Path
    notebook: Path  # what Quarto renders; its stem names the outputs

    @property
    def name(self) -> str:
        return self.notebook.stem


def write_project(
    executed: list[Path],
    chapters: list[Chapter],
    assembled: Assembled,
    folder: Path,
    name: str,
    title: str,
    pages: dict[str, str] | None = None,
) -> Project:
    """Write the project into ``folder``: ``<name>.ipynb`` (the executed notebooks, one after
    the other, their outputs replaced by the document's Markdown), the media, the Word
    reference document, the Typst template and ``_quarto.yml``. ``pages`` (anchor -> page
    label) fills the page numbers of the Word draft's contents lists."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = assembled.for_word(pages or {})["blocks"]
    owners = _owners(assembled, chapters, len(blocks))  # type: ignore[arg-type]
    pieces = _markdown(_for_quarto(list(zip(owners, blocks, strict=True))))  # type: ignore[arg-type]
    notebook = _notebook(executed, pieces, title)
    target = folder / f"{name}.ipynb"
    atomic_write(target, lambda tmp: nbformat.write(notebook, tmp))
    for media, data in assembled.media.items():
        write_bytes(folder / media, data)
    reference = TEMPLATES / "reference.docx"
    atomic_write(folder / REFERENCE_DOCX, lambda tmp: shutil.copyfile(reference, tmp))
    template = (TEMPLATES / "lkjip.typ").read_text(encoding="utf-8")
    # Quarto's definitions (callouts, block quotes …) first, then the draft's own page setup.
    write_text(folder / TYPST_TEMPLATE, "$definitions.typ()$\n\n" + template)
    write_text(
        folder / PROJECT_FILE,
        yaml.safe_dump(project_config(name, title), allow_unicode=True, sort_keys=False),
    )
    return Project(folder, target)


def project_config(name: str, title: str) -> dict[str, object]:
    """``_quarto.yml``: one document, Indonesian, nothing executed, no title block, numbering
    and contents lists left to the document itself."""
    return {
        "project": {"type": "default", "render": [f"{name}.ipynb"]},
        "lang": "id",
        "language": LANGUAGE,
        "judul-dokumen": _escaped(title),  # the PDF's document title (templates/lkjip.typ)
        "number-sections": False,
        "execute": {"enabled": False, "echo": False, "output": "asis"},
        "format": {
            "html": {"toc": False},
            "docx": {"reference-doc": REFERENCE_DOCX, "toc": False},
            # The PDF has lkjip's Typst tables: the HTML ones (hidden from it) are not read,
            # which in Typst would cost a process per table.
            "typst": {
                "template": TYPST_TEMPLATE,
                "keep-typ": True,
                "html-table-processing": "none",
            },
        },
    }


# --- which cell each block came from ---------------------------------------------------------
def _owners(assembled: Assembled, chapters: list[Chapter], count: int) -> list[Key]:
    """The cell of every block: the cell of the item whose blocks it is part of."""
    owners: list[Key] = []
    starts = [*assembled.starts, (-1, -1, count)]
    for (chapter, item, start), (_c, _i, end) in itertools.pairwise(starts):
        cell = chapters[chapter].origins[item][0]
        owners += [(chapter, cell)] * (end - start)
    first = owners[0] if owners else (0, 0)
    return [first] * (count - len(owners)) + owners  # nothing precedes the first item


# --- the document, made fit for Quarto -------------------------------------------------------
def _for_quarto(blocks: list[tuple[Key, pa.Node]]) -> list[tuple[Key, pa.Node]]:
    """The blocks with landscape runs as ``.landscape`` divs (each owned by the cell where the
    run starts, so that the div is whole within one cell), Word-only parts hidden from Typst,
    tables as HTML and text escaped."""
    out: list[tuple[Key, pa.Node]] = []
    target: list[pa.Node] | None = None  # the open landscape div's content
    opened: list[bool] = []  # raw Typst brackets still open: True for a landscape page
    landscapes = 0
    for owner, node in blocks:
        typst = _raw_text(node, "typst")
        if typst == TYPST_LANDSCAPE:
            if out and _is_section_break(out[-1][1]):
                out.pop()  # the portrait pages end here: Quarto's landscape div writes the break
            landscapes += 1
            div = pa.div([], f"{LANDSCAPE_MARK}{landscapes}", [LANDSCAPE])
            div["c"][0][2] = [["width", "29.7cm"], ["height", "21cm"]]  # type: ignore[index]
            out.append((owner, div))
            target = div["c"][1]  # type: ignore[index]
            opened.append(True)
            continue
        if typst is not None and typst.strip() == "]" and opened:
            if opened.pop():
                if target and _is_section_break(target[-1]):
                    target.pop()  # the landscape pages end here: Quarto's div writes the break
                target = None
                continue
        elif typst is not None and typst.rstrip().endswith("["):
            opened.append(False)
        converted = _convert(node)
        if target is not None:
            target += converted
        else:
            out += [(owner, n) for n in converted]
    return [(owner, _escape(node)) for owner, node in out]


def _raw_text(node: pa.Node, fmt: str) -> str | None:
    if node.get("t") == "RawBlock" and node["c"][0] == fmt:  # type: ignore[index]
        return str(node["c"][1])  # type: ignore[index]
    return None


def _is_section_break(node: pa.Node) -> bool:
    return "<w:sectPr>" in (_raw_text(node, "openxml") or "")


def _convert(node: pa.Node) -> list[pa.Node]:
    """One block as Quarto gets it."""
    kind = node.get("t")
    if kind == "Div" and WORD_ONLY in node["c"][0][1]:  # type: ignore[index]
        content = [c for child in node["c"][1] for c in _convert_word(child)]  # type: ignore[index]
        hidden = pa.div(content, classes=["content-hidden"])
        hidden["c"][0][2] = [["when-format", "typst"]]  # type: ignore[index]
        return [hidden]
    return [_inlines_for_quarto(node)]


def _convert_word(node: pa.Node) -> list[pa.Node]:
    """A block of the Word-only part (which HTML shows too): tables become a caption and an
    HTML table; the rest as it is."""
    if node.get("t") != "Table":
        return [_inlines_for_quarto(node)]
    caption = node["c"][1][1]  # type: ignore[index]
    inlines = caption[0]["c"] if caption else []
    blocks = []
    if inlines:
        blocks.append(pa.raw("openxml", _caption_paragraph(inlines)))
        blocks.append(_html_block(f'<p class="judul-tabel">{_html_inlines(inlines)}</p>'))
    blocks.append(_html_block(html_table(node)))
    return blocks


def _html_block(markup: str) -> pa.Node:
    """Raw HTML as a fenced block: Quarto gets a table whole and reads it into a table (bare
    HTML would be read as Markdown between tags). No line of ``markup`` starts with a
    backtick: every line starts with a tag."""
    return pa.raw("markdown", f"```{{=html}}\n{markup}\n```")


def _caption_paragraph(inlines: list[pa.Node]) -> str:
    """A table's caption as Word has it in the embedded draft (the number as fields)."""
    runs = []
    for inline in inlines:
        if inline.get("t") == "RawInline" and inline["c"][0] == "openxml":  # type: ignore[index]
            runs.append(str(inline["c"][1]))  # type: ignore[index]
        else:
            runs.append(wf.run(_plain(inline)))
    return f'<w:p><w:pPr><w:pStyle w:val="TableCaption"/></w:pPr>{"".join(runs)}</w:p>'


def _inlines_for_quarto(node: pa.Node) -> pa.Node:
    """Word raw inlines (references, caption numbers) get an HTML twin holding their visible
    text; a line break in a heading (``BAB I`` / title) is raw per format; ids Quarto would
    take for cross-references are dropped."""
    if isinstance(node, list):
        result = []
        for item in node:
            converted = _inlines_for_quarto(item)
            result.append(converted)
            if isinstance(item, dict) and item.get("t") == "RawInline":
                fmt, text = item["c"]  # type: ignore[misc]
                if fmt == "openxml" and "<w:t" in text:
                    visible = unescape("".join(_WORD_TEXT.findall(text)))
                    result.append(pa.raw_inline("html", html.escape(visible)))
        return result  # type: ignore[return-value]
    if not isinstance(node, dict):
        return node
    if node.get("t") == "Header":
        level, attr, inlines = node["c"]  # type: ignore[misc]
        broken = []
        for inline in inlines:
            if inline.get("t") == "LineBreak":
                broken += [
                    pa.raw_inline("openxml", "<w:r><w:br/></w:r>"),
                    pa.raw_inline("typst", "#linebreak()"),
                    pa.raw_inline("html", "<br>"),
                ]
            else:
                broken.append(inline)
        return {"t": "Header", "c": [level, _without_crossref(attr), _inlines_for_quarto(broken)]}
    converted = {key: _inlines_for_quarto(value) for key, value in node.items()}
    if node.get("t") in ("Figure", "Div", "Span", "Image", "Table", "CodeBlock", "Code"):
        converted["c"] = [_without_crossref(converted["c"][0]), *converted["c"][1:]]
    return converted


def _without_crossref(attr: list) -> list:
    ident = attr[0] if isinstance(attr[0], str) else ""
    if _CROSSREF_ID.match(ident):
        return ["", *attr[1:]]
    return attr


def _escape(node: object) -> object:
    """Every text node as raw Markdown with each ASCII punctuation character escaped: read back
    (by Quarto), it is the same text and nothing else. A code span followed by ``{=typst}``,
    ``::: {.callout}`` on a line of its own, ``[@ref]``, ``{{< include … >}}``: all stay text."""
    if isinstance(node, list):
        return [_escape(n) for n in node]
    if isinstance(node, dict):
        if node.get("t") == "Str":
            return pa.raw_inline("markdown", _escaped(str(node["c"])))
        if node.get("t") in ("RawBlock", "RawInline", "Code", "CodeBlock", "Math"):
            return node
        return {key: _escape(value) for key, value in node.items()}
    return node


def _escaped(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", text)


# --- HTML tables -----------------------------------------------------------------------------
def html_table(node: pa.Node) -> str:
    """A pandoc table as an HTML table Quarto reads back into a table: merged cells as
    ``colspan``/``rowspan``, the column widths (to the hundredth of a percent), the text size
    lkjip chose (``data-custom-style``, for the Word finishing), header and totals rows."""
    attr, _caption, specs, head, bodies, foot = node["c"]  # type: ignore[misc]
    style = dict(attr[2]).get("custom-style", "")
    aligns = [_ALIGN_CSS.get(spec[0]["t"]) for spec in specs]
    lines = [f'<table data-custom-style="{html.escape(style)}">' if style else "<table>"]
    widths = [spec[1].get("c") for spec in specs]
    if all(isinstance(w, int | float) for w in widths):
        lines.append("<colgroup>")
        lines += [f'<col style="width: {100 * w:.2f}%" />' for w in widths]
        lines.append("</colgroup>")
    parts = [("thead", "th", head[1]), *[("tbody", "td", body[3]) for body in bodies]]
    parts.append(("tfoot", "td", foot[1]))
    for tag, cell_tag, rows in parts:
        if not rows:
            continue
        lines.append(f"<{tag}>")
        taken: set[tuple[int, int]] = set()  # (row, column) covered by a cell above
        for row, (_attr, cells) in enumerate(rows):
            cells_html = "".join(_html_cells(cells, cell_tag, aligns, row, taken))
            lines.append(f"<tr>{cells_html}</tr>")
        lines.append(f"</{tag}>")
    lines.append("</table>")
    return "\n".join(lines)


def _html_cells(
    cells: list, tag: str, aligns: list[str | None], row: int, taken: set[tuple[int, int]]
) -> Iterator[str]:
    """The cells of one row, each aligned as it is or as the column it starts in."""
    column = 0
    for _attr, align, rowspan, colspan, blocks in cells:
        while (row, column) in taken:
            column += 1
        taken.update((row + r, column + c) for r in range(rowspan) for c in range(colspan))
        options = []
        if rowspan > 1:
            options.append(f' rowspan="{rowspan}"')
        if colspan > 1:
            options.append(f' colspan="{colspan}"')
        css = _ALIGN_CSS.get(align["t"]) or (aligns[column] if column < len(aligns) else None)
        css = "center" if tag == "th" else css  # header cells are centred, as in both drafts
        if css:
            options.append(f' style="text-align: {css};"')
        text = "".join(_html_inlines(block["c"]) for block in blocks)
        yield f"<{tag}{''.join(options)}>{text}</{tag}>"
        column += colspan


def _html_inlines(inlines: list[pa.Node]) -> str:
    parts = []
    for inline in inlines:
        kind = inline.get("t")
        if kind == "Strong":
            parts.append(f"<strong>{_html_inlines(inline['c'])}</strong>")  # type: ignore[arg-type]
        elif kind == "RawInline":
            fmt, text = inline["c"]  # type: ignore[misc]
            if fmt == "openxml":
                parts.append(html.escape(unescape("".join(_WORD_TEXT.findall(text)))))
        else:
            parts.append(html.escape(_plain(inline)))
    return "".join(parts)


def _plain(inline: pa.Node) -> str:
    kind = inline.get("t")
    if kind == "Str":
        return str(inline["c"])
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    content = inline.get("c")
    if isinstance(content, list):
        return "".join(_plain(c) for c in content if isinstance(c, dict))
    return ""


# --- Markdown and the notebook ---------------------------------------------------------------
def _markdown(blocks: list[tuple[Key, pa.Node]]) -> dict[Key, str]:
    """The Markdown of each cell's blocks, written by pandoc in one run."""
    order: list[Key] = []
    grouped: dict[Key, list[pa.Node]] = {}
    for owner, node in blocks:
        if owner not in grouped:
            order.append(owner)
            grouped[owner] = []
        grouped[owner].append(node)
    if not order:
        return {}
    mark = f"<!-- lkjip-{uuid.uuid4().hex} -->"
    joined: list[pa.Node] = []
    for index, owner in enumerate(order):
        if index:
            joined.append(pa.raw("markdown", mark))
        joined += grouped[owner]
    result = subprocess.run(
        [pa.pandoc_path(), "-f", "json", "-t", "markdown", *MARKDOWN_OPTIONS],
        input=json.dumps(pa.document(joined, {})),
        capture_output=True,
        text=True,
        check=True,
    )
    texts = result.stdout.split(mark)
    # A code span keeps its text as it is; a shortcode in it is shown, not run (Quarto's escape).
    return {
        owner: _SHORTCODE.sub(r"{{{<\1>}}}", text.strip())
        for owner, text in zip(order, texts, strict=True)
    }


def _notebook(executed: list[Path], pieces: dict[Key, str], title: str) -> nbformat.NotebookNode:
    cells = [
        # Quarto takes a first heading for the title (a title block) unless text precedes it.
        new_markdown_cell(f"<!-- {html.escape(title)}: disusun oleh lkjip -->")
    ]
    metadata: dict[str, object] = {}
    for chapter, path in enumerate(executed):
        source = nbformat.read(path, as_version=4)
        metadata = metadata or dict(source.metadata)
        for index, cell in enumerate(source.cells):
            cells.append(
                _cell(cell, pieces.get((chapter, index), ""), f"{chapter:02d}-{index:03d}")
            )
    metadata.pop("papermill", None)
    notebook = new_notebook(cells=cells, metadata=metadata)
    return notebook


def _cell(cell: nbformat.NotebookNode, piece: str, ident: str) -> nbformat.NotebookNode:
    """A cell of the project: parameters hidden, Markdown as the document has it, code with its
    output as that Markdown, shown as is."""
    cell = nbformat.from_dict(json.loads(json.dumps(cell)))
    cell.id = ident
    tags = list(cell.metadata.get("tags", []))
    if cell.cell_type == "code" and any(t in tags for t in PARAMETER_TAGS):
        cell.metadata = {"tags": [*tags, HIDE_TAG]}
        cell.source = "#| include: false\n" + cell.source
        cell.outputs = []
        return cell
    if cell.cell_type == "markdown":
        cell.source = piece
        cell.metadata = {}
        return cell
    if cell.cell_type != "code":
        return cell
    code = [line for line in cell.source.splitlines() if not line.startswith("#|")]
    cell.source = "\n".join(["#| echo: false", "#| output: asis", *code])
    cell.metadata = {}  # Quarto would turn other metadata into attributes of a cell container
    cell.outputs = []
    if piece:
        cell.outputs.append(
            nbformat.v4.new_output("display_data", data={"text/markdown": f"\n{piece}\n"})
        )
    return cell
