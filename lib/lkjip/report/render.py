"""The embedded renderer (pandoc → DOCX; pandoc → Typst → PDF). Quarto's path is in
:mod:`lkjip.report.quarto_render`; both write their files through :mod:`lkjip.files`."""

from __future__ import annotations

import contextlib
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from lkjip.files import atomic_write, write_bytes
from lkjip.paths import TEMPLATES
from lkjip.problems import InputError
from lkjip.report.assemble import Assembled
from lkjip.report.docx_finish import finish_docx
from lkjip.report.pandoc_ast import pandoc_path

REFERENCE_DOCX = TEMPLATES / "reference.docx"
TYPST_TEMPLATE = TEMPLATES / "lkjip.typ"


class RenderError(InputError):
    """A renderer failed (pandoc, Typst or Quarto); the message says which and why."""


def _pandoc(args: list[str], cwd: Path) -> None:
    """pandoc on the assembled JSON document (``-f json``) in ``cwd``."""
    result = subprocess.run(
        [pandoc_path(), "-f", "json", *args], cwd=cwd, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RenderError(f"pandoc gagal: {result.stderr.strip()[:500]}")


def render_embedded(
    assembled: Assembled,
    targets: dict[str, Path],
    origin: dict[str, str] | None = None,
    seconds: dict[str, float] | None = None,
) -> dict[str, Path]:
    """Write the requested formats (``docx``, ``pdf``) of an assembled document. The PDF is
    laid out first, also when only the DOCX is asked for: its page numbers are saved in the
    draft's contents lists. ``origin`` (city config and kecamatan) is recorded in the draft
    for ``lkjip narrative pull``; the time of each step goes into ``seconds`` when given."""
    timings = seconds if seconds is not None else {}
    written: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-render-") as scratch:
        work = Path(scratch)
        pdf, pages = _layout(assembled, work, timings)
        if "pdf" in targets:
            written["pdf"] = write_bytes(targets["pdf"], pdf)
        if "docx" in targets:
            word = assembled.for_word(pages)
            (work / "docx.json").write_text(json.dumps(word), encoding="utf-8")

            def write_docx(tmp: Path) -> None:
                reference = ["--reference-doc", str(REFERENCE_DOCX)]
                with timed(timings, "pandoc docx"):
                    _pandoc(["docx.json", "-t", "docx", *reference, "-o", str(tmp)], work)
                with timed(timings, "rapikan docx"):
                    finish_docx(
                        tmp, assembled.last_section, origin, assembled.properties, assembled.charts
                    )

            written["docx"] = atomic_write(targets["docx"], write_docx)
    return written


def _layout(
    assembled: Assembled, work: Path, timings: dict[str, float]
) -> tuple[bytes, dict[str, str]]:
    """The PDF of the assembled document, laid out in ``work`` (its media written there), and
    the page label of every labelled heading, table and figure in it."""
    for name, data in assembled.media.items():
        (work / name).write_bytes(data)
    (work / "pdf.json").write_text(json.dumps(assembled.for_pdf()), encoding="utf-8")
    with timed(timings, "pandoc typst"):
        template = ["--template", str(TYPST_TEMPLATE)]
        _pandoc(["pdf.json", "-t", "typst", *template, "-o", "dokumen.typ"], work)
    with timed(timings, "typst pdf"):
        return _typst(work / "dokumen.typ", work)


def page_labels(assembled: Assembled, seconds: dict[str, float] | None = None) -> dict[str, str]:
    """Where the draft's headings, tables and figures fall (anchor -> page label), from the
    embedded PDF's layout: the Word draft paginates alike, whichever renderer writes it."""
    with tempfile.TemporaryDirectory(prefix="lkjip-render-") as scratch:
        return _layout(assembled, Path(scratch), seconds if seconds is not None else {})[1]


@contextlib.contextmanager
def timed(seconds: dict[str, float], step: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[step] = seconds.get(step, 0.0) + time.perf_counter() - started


PAGES_LABEL = "<lkjip-halaman>"  # metadata the Typst template writes: (label, page) pairs


def _typst(source: Path, root: Path) -> tuple[bytes, dict[str, str]]:
    """The PDF, and the page label (``iii``, ``12``) of every labelled heading, table and
    figure in it."""
    import typst

    try:
        compiler = typst.Compiler(str(source), root=str(root))
        pdf = compiler.compile()
        found = json.loads(compiler.query(PAGES_LABEL, field="value", one=True))
    except Exception as exc:  # typst raises its own error types with the Typst diagnostics
        raise RenderError(f"Typst gagal menyusun PDF: {str(exc)[:500]}") from exc
    return pdf, {str(label): str(page) for label, page in found}
