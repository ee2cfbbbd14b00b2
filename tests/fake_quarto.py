"""A stand-in for the ``quarto`` command, for tests on machines without Quarto.

It logs its arguments and renders a project the way Quarto does what lkjip's projects rely
on, with pandoc and Typst from lkjip's own environment: a notebook becomes Markdown (cell
options and tags honoured: ``include: false``, ``remove-cell``, ``echo``, ``output: asis``; a
cell that is not ``asis`` is wrapped in Quarto's cell containers; a shortcode fails, an escaped
one ``{{{< … >}}}`` is shown as written without the third braces), conditional content by
``when-format``, raw HTML tables read into tables (unless the format's
``html-table-processing`` is ``none``), ``.landscape`` divs as Quarto's filter
writes them (unless FAKE_QUARTO_LANDSCAPE=0), outputs into ``--output-dir`` after emptying it.
It is not Quarto: what it proves is that lkjip calls it as intended and that the project is
well formed for pandoc and Typst; a real Quarto run is still needed (tests skip without one).

Environment: FAKE_QUARTO_LOG (a file; each call appends its arguments as a JSON line),
FAKE_QUARTO_FAIL (render fails: Quarto's metadata dump, then this text as its error line).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import yaml

LUA = r"""
local fmt = FORMAT:match("docx") and "docx" or (FORMAT:match("typst") and "typst" or FORMAT)
local landscape = os.getenv("FAKE_QUARTO_LANDSCAPE") ~= "0"
local tables = os.getenv("FAKE_QUARTO_TABLES") ~= "none"
function RawBlock(el)
  if tables and el.format == "html" and el.text:match("<table") then
    return pandoc.read(el.text, "html+raw_html").blocks
  end
end
function Div(el)
  local when = el.attributes["when-format"]
  if when and el.classes:includes("content-hidden") then
    if when == fmt then return {} end
    return el.content
  end
  if when and el.classes:includes("content-visible") then
    if when == fmt then return el.content end
    return {}
  end
  if landscape and el.classes:includes("landscape") then
    if fmt == "docx" then
      el.content:insert(1, pandoc.RawBlock("openxml", "<w:p><w:pPr><w:sectPr></w:sectPr></w:pPr></w:p>"))
      el.content:insert(pandoc.RawBlock("openxml",
        '<w:p><w:pPr><w:sectPr><w:pgSz w:h="11906" w:w="16838" w:orient="landscape" /></w:sectPr></w:pPr></w:p>'))
      return el
    elseif fmt == "typst" then
      el.content:insert(1, pandoc.RawBlock("typst", "#set page(flipped: true)"))
      el.content:insert(pandoc.RawBlock("typst", "#set page(flipped: false)"))
      return el.content
    end
  end
end
"""


def cell_options(cell: nbformat.NotebookNode) -> dict[str, object]:
    lines = []
    for line in cell.source.splitlines():
        if not line.startswith("#|"):
            break
        lines.append(line[2:].strip())
    options = yaml.safe_load("\n".join(lines)) if lines else {}
    if "remove-cell" in cell.metadata.get("tags", []):
        options["include"] = False
    return options or {}


def notebook_markdown(path: Path, defaults: dict[str, object]) -> str:
    """The notebook as Quarto's Jupyter engine hands it to pandoc."""
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source + "\n")
            continue
        if cell.cell_type != "code":
            continue
        options = {**defaults, **cell_options(cell)}
        if options.get("include") is False:
            continue
        asis = options.get("output") == "asis"
        body = []
        if options.get("echo", True):
            code = "\n".join(line for line in cell.source.splitlines() if not line.startswith("#|"))
            body.append(f"```{{.python .cell-code}}\n{code}\n```\n")
        for output in cell.get("outputs", []):
            text = "".join(output.get("data", {}).get("text/markdown", ""))
            body.append(
                text if asis else f"::: {{.cell-output .cell-output-display}}\n{text}\n:::\n"
            )
        if body:
            parts.append("".join(body) if asis else "::: {.cell}\n" + "".join(body) + ":::\n")
    return "\n".join(parts)


def shortcodes(markdown: str) -> str:
    """Quarto runs every ``{{< … >}}`` (this stand-in runs none: it fails on one) and shows an
    escaped ``{{{< … >}}}`` as ``{{< … >}}``."""
    if found := re.search(r"(?<!\{)\{\{<(?!\{)(.*?)>\}\}", markdown):
        print(f"ERROR: shortcode {found.group(0)} would run", file=sys.stderr)
        sys.exit(1)
    return re.sub(r"\{\{\{<(.*?)>\}\}\}", r"{{<\1>}}", markdown)


def render(project: Path, fmt: str, output_dir: str) -> None:
    config = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8"))
    outputs = project / output_dir
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir(parents=True)
    formats = config.get("format", {})
    metadata = {k: v for k, v in config.items() if k not in ("project", "format", "execute")}
    pandoc = os.environ["FAKE_QUARTO_PANDOC"]
    for name in config["project"]["render"]:
        source = project / name
        markdown = shortcodes(notebook_markdown(source, config.get("execute", {})))
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            (work / "quarto.lua").write_text(LUA, encoding="utf-8")
            (work / "meta.yaml").write_text(yaml.safe_dump(metadata), encoding="utf-8")
            os.environ["FAKE_QUARTO_TABLES"] = str(
                formats.get(fmt, {}).get("html-table-processing", "")
            )
            args = [pandoc, "-f", "markdown", "--lua-filter", str(work / "quarto.lua")]
            args += ["--metadata-file", str(work / "meta.yaml")]
            if fmt == "docx":
                reference = project / formats["docx"]["reference-doc"]
                target = outputs / f"{source.stem}.docx"
                args += ["-t", "docx", "--reference-doc", str(reference), "-o", str(target)]
                run(args, markdown, project)
                continue
            template = work / "template.typ"
            shutil.copy2(project / formats["typst"]["template"], template)
            (work / "definitions.typ").write_text("// Quarto's definitions\n", encoding="utf-8")
            typ = project / f"{source.stem}.typ"
            run(
                [*args, "-t", "typst", "--template", str(template), "-o", str(typ)],
                markdown,
                project,
            )
            import typst

            try:
                pdf = typst.Compiler(str(typ), root=str(project)).compile()
            except Exception as exc:  # Typst's own diagnostics, as Quarto shows them
                message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                print(f"error: {message}", file=sys.stderr)
                print("ERROR: Typst compilation failed", file=sys.stderr)
                sys.exit(1)
            (outputs / f"{source.stem}.pdf").write_bytes(pdf)
            shutil.move(typ, outputs / typ.name)


def run(args: list[str], markdown: str, cwd: Path) -> None:
    result = subprocess.run(args, input=markdown, capture_output=True, text=True, cwd=cwd)
    if result.returncode:
        print(result.stderr, file=sys.stderr)
        print("ERROR: pandoc failed", file=sys.stderr)
        sys.exit(result.returncode)


def main(argv: list[str]) -> None:
    if log := os.environ.get("FAKE_QUARTO_LOG"):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(argv) + "\n")
    if argv[:1] == ["--version"]:
        print("99.0.0-fake")
        return
    if argv[:1] != ["render"]:
        print(f"ERROR: unknown command {argv[:1]}", file=sys.stderr)
        sys.exit(1)
    if failure := os.environ.get("FAKE_QUARTO_FAIL"):
        # What Quarto prints before failing: its pandoc options and a metadata dump.
        print("pandoc\n  to: typst\n  output-file: laporan.typ\n\nmetadata", file=sys.stderr)
        print("  title: Laporan Kinerja Instansi Pemerintah Kecamatan Contoh", file=sys.stderr)
        print(f"\x1b[31mERROR: {failure}\x1b[39m", file=sys.stderr)
        print("\nStack trace:\n    at render (file:///quarto.js:1:1)", file=sys.stderr)
        sys.exit(1)
    project = Path(argv[1])
    fmt = argv[argv.index("--to") + 1]
    output_dir = argv[argv.index("--output-dir") + 1] if "--output-dir" in argv else "."
    render(project, fmt, re.sub(r"^\./", "", output_dir))
    print(f"Output created: {output_dir}", file=sys.stderr)


def install(folder: Path) -> Path:
    """A ``quarto`` command in ``folder`` that runs this stand-in; put ``folder`` on PATH."""
    import pypandoc

    folder.mkdir(parents=True, exist_ok=True)
    command = folder / "quarto"
    command.write_text(
        "#!/bin/sh\n"
        f'FAKE_QUARTO_PANDOC="{pypandoc.get_pandoc_path()}" exec "{sys.executable}" '
        f'"{Path(__file__).resolve()}" "$@"\n',
        encoding="utf-8",
    )
    command.chmod(0o755)
    return command


if __name__ == "__main__":
    main(sys.argv[1:])
