"""Render a kecamatan's Quarto project (:mod:`lkjip.report.quarto_project`) with ``quarto``.

The project is written to a scratch folder outside the outputs and removed afterwards; with
``keep`` it is kept as a zip (its files and Quarto's full log) beside the report. Each format
renders into its own output folder (``--output-dir`` empties the folder it is given, so one
format must not share it with another). The DOCX Quarto writes goes through the same Word
finishing as the embedded renderer's (:func:`lkjip.report.docx_finish.finish_docx`). A failure
reports Quarto's own error line, not the end of its output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lkjip.files import atomic_write
from lkjip.report.assemble import Assembled
from lkjip.report.docx_finish import finish_docx
from lkjip.report.quarto_project import Project
from lkjip.report.render import RenderError, timed

QUARTO_FORMATS = {"docx": "docx", "pdf": "typst"}  # lkjip's format -> Quarto's
OUTPUT_DIR = "_keluaran-{fmt}"
LOG_NAME = "quarto.log"
KEPT_PROJECT = "proyek-quarto.zip"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Most telling first: Typst's and pandoc's own errors, then Quarto's.
_ERROR_LINES = (
    re.compile(r"^\s*error(\[[^\]]*\])?:\s*\S"),
    re.compile(r"^\s*(Error running filter|Error producing|Could not|pandoc:)"),
    re.compile(r"^\s*ERROR:\s*\S"),
)
_LOCATION = re.compile(r"^\s*┌─\s*(\S+)")  # Typst: where the error is


def render_quarto(
    write_project: Callable[[Path], Project],
    assembled: Assembled,
    targets: dict[str, Path],
    origin: dict[str, str] | None = None,
    keep: Path | None = None,
    seconds: dict[str, float] | None = None,
) -> dict[str, Path]:
    """Write the project (``write_project(folder)``) in a scratch folder and render each of
    ``targets`` (``docx``, ``pdf``) with Quarto. ``keep``: where the project is kept as a zip
    (also when rendering fails)."""
    timings = seconds if seconds is not None else {}
    written: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-quarto-") as scratch:
        log: list[str] = []
        with timed(timings, "proyek quarto"):
            project = write_project(Path(scratch) / "proyek")
        try:
            for fmt, target in targets.items():
                with timed(timings, f"quarto {fmt}"):
                    produced = _render(project, fmt, log)
                if fmt == "docx":

                    def finish(tmp: Path, produced: Path = produced) -> None:
                        shutil.copyfile(produced, tmp)
                        with timed(timings, "rapikan docx"):
                            finish_docx(
                                tmp,
                                assembled.last_section,
                                origin,
                                assembled.properties,
                                assembled.charts,
                            )

                    written[fmt] = atomic_write(target, finish)
                else:
                    written[fmt] = atomic_write(
                        target, lambda tmp, src=produced: shutil.copyfile(src, tmp)
                    )
        finally:
            if keep is not None:
                (project.folder / LOG_NAME).write_text("\n".join(log), encoding="utf-8")
                written["proyek"] = atomic_write(keep, lambda tmp: _zip(project.folder, tmp))
    return written


def quarto_command(project: Project, fmt: str) -> list[str]:
    """``quarto render`` of the project into the format's own output folder, nothing run."""
    output_dir = OUTPUT_DIR.format(fmt=fmt)
    return [
        "quarto", "render", str(project.folder), "--to", QUARTO_FORMATS[fmt],
        "--no-execute", "--output-dir", output_dir,
    ]  # fmt: skip


def _render(project: Project, fmt: str, log: list[str]) -> Path:
    command = quarto_command(project, fmt)
    try:
        result = subprocess.run(
            command, cwd=project.folder, capture_output=True, text=True, errors="replace"
        )
    except OSError as exc:  # not found between the check and now, or not executable
        raise RenderError(f"quarto tidak dapat dijalankan: {exc.strerror or exc}") from exc
    log += [f"$ {' '.join(command)}", result.stdout, result.stderr]
    produced = project.folder / OUTPUT_DIR.format(fmt=fmt) / f"{project.name}.{fmt}"
    if result.returncode != 0:
        line = error_line(result.stderr + "\n" + result.stdout)
        raise RenderError(f"quarto render ({QUARTO_FORMATS[fmt]}) gagal: {line}")
    if not produced.is_file():
        raise RenderError(
            f"quarto render ({QUARTO_FORMATS[fmt]}) selesai tanpa menulis {produced.name}"
        )
    return produced


def error_line(output: str) -> str:
    """The line of Quarto's output that says what went wrong (with the place, for a Typst
    error), without colour codes; the last line when none looks like an error."""
    lines = [_ANSI.sub("", line).rstrip() for line in output.splitlines()]
    for pattern in _ERROR_LINES:
        for index, line in enumerate(lines):
            if pattern.match(line):
                found = line.strip()
                for after in lines[index + 1 : index + 3]:
                    if place := _LOCATION.match(after):
                        found += f" (di {place.group(1)})"
                        break
                return found[:300]
    rest = [line.strip() for line in lines if line.strip()]
    return rest[-1][:300] if rest else "tanpa keterangan (kode keluar bukan 0)"


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and ".quarto" not in relative.parts:
                archive.write(path, relative.as_posix())
