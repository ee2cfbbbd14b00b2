"""Renderers: the embedded one (pandoc → DOCX; pandoc → Typst → PDF) and Quarto."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from lkjip.paths import TEMPLATES
from lkjip.problems import InputError
from lkjip.report.assemble import Assembled
from lkjip.report.docx_finish import finish_docx
from lkjip.report.pandoc_ast import pandoc_path

REFERENCE_DOCX = TEMPLATES / "reference.docx"
TYPST_TEMPLATE = TEMPLATES / "lkjip.typ"


class RenderError(InputError):
    """A renderer failed (pandoc, Typst or Quarto); the message says which and why."""


class WriteError(InputError):
    """A file could not be written: a full disk, a read-only file system, no permission."""


# The errors that mean "this place cannot be written", whatever the file; each with advice.
CANNOT_WRITE = {
    errno.ENOSPC: "kosongkan ruang disk lalu jalankan lagi",
    errno.EDQUOT: "kosongkan ruang disk lalu jalankan lagi",
    errno.EROFS: "pilih folder keluaran yang dapat ditulisi (opsi --output)",
    errno.EACCES: "periksa izin folder itu atau pilih folder keluaran lain (opsi --output)",
    errno.EPERM: "periksa izin folder itu atau pilih folder keluaran lain (opsi --output)",
}


def cannot_write(path: Path | str, exc: OSError) -> WriteError:
    """The error to raise when writing ``path`` failed with ``exc`` (one of CANNOT_WRITE)."""
    from lkjip.loader import os_reason

    reason = "kuota disk habis" if exc.errno == errno.EDQUOT else os_reason(exc)
    advice = CANNOT_WRITE.get(exc.errno or 0, "")
    return WriteError(f"{path}: tidak dapat menulis ({reason})" + (f"; {advice}" if advice else ""))


@contextlib.contextmanager
def writing(target: Path | str) -> Iterator[None]:
    """Turn a failure to write ``target`` for want of room or rights into :class:`WriteError`."""
    try:
        yield
    except OSError as exc:
        if exc.errno in CANNOT_WRITE:
            raise cannot_write(target, exc) from exc
        raise


def _file_mode() -> int:
    """What a new file gets under the process's umask (``mkstemp`` would leave it 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()  # once, at import: the umask is process-wide, threads may write files


def atomic_write(target: Path, produce) -> Path:
    """Write via ``produce(temp)`` next to ``target``, then rename into place. The temporary
    file never outlives a failure; a file system that cannot be written (full, read-only, no
    permission) raises :class:`WriteError` naming ``target``."""
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
        )
    os.close(fd)
    try:
        with writing(target):
            produce(Path(tmp))
            with contextlib.suppress(OSError):  # some shares refuse chmod; the file is whole
                os.chmod(tmp, FILE_MODE)
            os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


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
        for name, data in assembled.media.items():
            (work / name).write_bytes(data)
        (work / "pdf.json").write_text(json.dumps(assembled.for_pdf()), encoding="utf-8")
        with _timed(timings, "pandoc typst"):
            template = ["--template", str(TYPST_TEMPLATE)]
            _pandoc(["pdf.json", "-t", "typst", *template, "-o", "dokumen.typ"], work)
        with _timed(timings, "typst pdf"):
            pdf, pages = _typst(work / "dokumen.typ", work)
        if "pdf" in targets:
            written["pdf"] = atomic_write(targets["pdf"], lambda tmp: tmp.write_bytes(pdf))
        if "docx" in targets:
            word = assembled.for_word(pages)
            (work / "docx.json").write_text(json.dumps(word), encoding="utf-8")

            def write_docx(tmp: Path) -> None:
                reference = ["--reference-doc", str(REFERENCE_DOCX)]
                with _timed(timings, "pandoc docx"):
                    _pandoc(["docx.json", "-t", "docx", *reference, "-o", str(tmp)], work)
                with _timed(timings, "rapikan docx"):
                    finish_docx(tmp, assembled.last_section, origin, assembled.properties)

            written["docx"] = atomic_write(targets["docx"], write_docx)
    return written


@contextlib.contextmanager
def _timed(seconds: dict[str, float], step: str) -> Iterator[None]:
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


# --- Quarto ------------------------------------------------------------------------------------
def quarto_project(
    notebooks: list[Path], project: Path, title: str, output_name: str, meta: dict[str, str]
) -> Path:
    """A Quarto book project around the executed notebooks, rendered later with --no-execute."""
    project.mkdir(parents=True, exist_ok=True)
    chapters = []
    for path in notebooks:
        if path.name.startswith("00"):
            _unnumbered_copy(path, project / path.name)
        else:
            shutil.copy2(path, project / path.name)
        chapters.append(path.name)
    (project / "index.qmd").write_text(
        f"# {{.unnumbered}}\n\n{meta.get('subtitle', '')}\n", encoding="utf-8"
    )
    shutil.copy2(REFERENCE_DOCX, project / "reference.docx")
    config = {
        "project": {"type": "book", "output-dir": "_keluaran"},
        "lang": "id",
        "book": {
            "title": title,
            "subtitle": meta.get("subtitle", ""),
            "author": meta.get("author", ""),
            "output-file": output_name,
            "chapters": ["index.qmd", *chapters[:-1]],
            "appendices": chapters[-1:],
        },
        "crossref": {"chapters": True, "tbl-title": "Tabel", "fig-title": "Gambar"},
        "execute": {"enabled": False},
        "format": {
            "docx": {"reference-doc": "reference.docx", "toc": True},
            "typst": {"toc": True, "papersize": "a4"},
        },
    }
    (project / "_quarto.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return project


def _unnumbered_copy(source: Path, target: Path) -> None:
    """Front matter (Kata Pengantar, Ikhtisar) must not become numbered chapters in the book."""
    import nbformat

    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = "\n".join(
                f"{line} {{.unnumbered}}" if line.startswith("# ") and "{" not in line else line
                for line in cell.source.splitlines()
            )
    nbformat.write(notebook, target)


def render_quarto(project: Path, targets: dict[str, Path], output_name: str) -> dict[str, Path]:
    written: dict[str, Path] = {}
    formats = {"docx": "docx", "pdf": "typst"}
    for fmt, target in targets.items():
        result = subprocess.run(
            ["quarto", "render", str(project), "--no-execute", "--to", formats[fmt]],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RenderError(f"quarto render gagal: {result.stderr.strip()[-500:]}")
        produced = project / "_keluaran" / f"{output_name}.{fmt}"
        written[fmt] = atomic_write(target, lambda tmp, src=produced: shutil.copy2(src, tmp))
    return written
