"""Build one kecamatan's report: validate, execute the notebooks, assemble, render."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.config import CityConfig, KecamatanEntry
from lkjip.files import write_text, writing
from lkjip.paths import OUTPUTS
from lkjip.problems import InputError
from lkjip.report.assemble import Assembled, Chapter, assemble, read_chapter
from lkjip.report.execute import NOTEBOOKS, execute_notebook, prepare_notebook
from lkjip.report.formats import FORMATS, renderer_for, require_quarto
from lkjip.report.outline import CHAPTERS
from lkjip.report.quarto_project import Project, write_project
from lkjip.report.render import page_labels, render_embedded
from lkjip.validate import check_kecamatan

Progress = Callable[[str], None]


def output_dir(config: CityConfig, entry: KecamatanEntry, root: Path = OUTPUTS) -> Path:
    return root / config.slug / str(config.tahun) / entry.slug


NAME_BYTES_MAX = 120  # a file system allows 255 bytes per name; temporary copies add to it


def report_name(config: CityConfig, nama: str) -> str:
    """``LKjIP_Bekasi_Utara_2024`` — acronym from the city's label, name with underscores. The
    name is cut to at most NAME_BYTES_MAX bytes, whatever the config and the data say (both are
    limited by validation too)."""
    acronym, words = (re.sub(r"[^\w]+", "_", t).strip("_") for t in (config.label.akronim, nama))
    room = max(NAME_BYTES_MAX - len(f"{acronym}__{config.tahun}".encode()), 0)
    words = words.encode()[:room].decode(errors="ignore").rstrip("_")
    return f"{acronym}_{words}_{config.tahun}"


def notebook_parameters(
    config: CityConfig, entry: KecamatanEntry, summary: str = ""
) -> dict[str, object]:
    """``city_summary`` is the city summary (JSON) from phase 1 of a batch; empty means the
    notebook computes it from the config itself."""
    return {"config": str(config.path), "kecamatan": entry.slug, "city_summary": summary}


def document_properties(config: CityConfig, nama: str) -> dict[str, str]:
    """What the draft says of itself (Word's document properties)."""
    instansi = f"Kecamatan {nama}, {config.nama}"
    return {
        "title": f"{config.label.judul} Kecamatan {nama} Tahun {config.tahun}",
        "subject": f"{config.label.judul} ({config.label.akronim}) Tahun {config.tahun}",
        "author": instansi,
        "keywords": f"{config.label.akronim}; {instansi}; {config.tahun}",
    }


@dataclass
class BuildResult:
    kecamatan: str
    files: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


class BuildError(InputError):
    pass


def build_kecamatan(
    config: CityConfig,
    entry: KecamatanEntry,
    formats: tuple[str, ...] = FORMATS,
    renderer: str = "auto",
    root: Path = OUTPUTS,
    progress: Progress = lambda _msg: None,
    summary: str = "",
    origin_config: str = "",
    keep_project: bool = False,
) -> BuildResult:
    """Write ``<out>/notebooks/*.ipynb`` and the report files; raise BuildError on failure.
    ``origin_config`` is the city config as the user knows it (a Dask worker builds from a
    copy); the draft records it for ``lkjip narrative pull``. ``renderer``: ``auto`` is the
    city's choice (``renderer:`` in its config), else the embedded renderer. With Quarto,
    ``keep_project`` keeps the project it rendered as ``<out>/proyek-quarto.zip``."""
    label = f"{config.slug}/{entry.slug}"
    result = BuildResult(label)
    started = time.perf_counter()
    use_quarto = renderer_for(renderer, config.renderer) == "quarto"
    if use_quarto:
        require_quarto([label])
    out = output_dir(config, entry, root)
    nama = _validated(config, entry, out)
    result.seconds["validasi"] = time.perf_counter() - started
    parameters = notebook_parameters(config, entry, summary)
    executed = _execute(out / "notebooks", parameters, progress, result.seconds)

    name = report_name(config, nama)
    targets = {fmt: out / f"{name}.{fmt}" for fmt in formats}
    tic = time.perf_counter()
    progress("menyusun " + "/".join(f.upper() for f in formats))
    chapters, assembled = _assembled(config, nama, executed)
    result.seconds["rakit"] = time.perf_counter() - tic
    tic = time.perf_counter()
    origin = {"config": origin_config or str(config.path), "kecamatan": entry.slug}
    if use_quarto:
        from lkjip.report.quarto_render import KEPT_PROJECT, render_quarto

        progress("menyusun dengan Quarto")
        # The Word draft's contents lists get the page numbers of the embedded layout, which
        # the draft follows (same styles and content), whoever renders it.
        pages = page_labels(assembled, result.seconds) if "docx" in formats else {}
        title = document_properties(config, nama)["title"]

        def write(folder: Path) -> Project:
            return write_project(executed, chapters, assembled, folder, name, title, pages)

        keep = out / KEPT_PROJECT if keep_project else None
        written = render_quarto(write, assembled, targets, origin, keep, result.seconds)
        result.files = {fmt: path for fmt, path in written.items() if fmt in targets}
    else:
        result.files = render_embedded(assembled, targets, origin, result.seconds)
    result.seconds["render"] = time.perf_counter() - tic
    result.seconds["total"] = time.perf_counter() - started
    return result


def _validated(config: CityConfig, entry: KecamatanEntry, out: Path) -> str:
    """Validate the kecamatan's data, write ``validasi.txt``; its name, or BuildError."""
    checked = check_kecamatan(
        config.data_path(entry), config.rules_for(entry), config.tahun, config.other_names(entry)
    )
    report = "\n".join(p.line() for p in checked.problems) or "Tidak ada masalah."
    write_text(out / "validasi.txt", report + "\n")
    if not checked.ok:
        errors = "\n".join("  " + p.line() for p in checked.problems.errors)
        raise BuildError(f"data belum valid, laporan tidak dibuat:\n{errors}")
    return checked.data.nama


def _execute(
    folder: Path, parameters: dict[str, object], progress: Progress, seconds: dict[str, float]
) -> list[Path]:
    executed = []
    for name in NOTEBOOKS:
        progress(f"menjalankan {name}")
        tic = time.perf_counter()
        executed.append(execute_notebook(name, folder / f"{name}.ipynb", parameters).path)
        seconds[f"notebook {name}"] = time.perf_counter() - tic
    return executed


def _assembled(
    config: CityConfig, nama: str, executed: list[Path]
) -> tuple[list[Chapter], Assembled]:
    chapters = [read_chapter(path, spec) for path, spec in zip(executed, CHAPTERS, strict=True)]
    title = document_properties(config, nama)["title"]
    # Only the PDF's document title; a pandoc title block would precede the cover in Word.
    assembled = assemble(chapters, {"judul-dokumen": title}, document_properties(config, nama))
    return chapters, assembled


def export_quarto_project(
    config: CityConfig,
    entry: KecamatanEntry,
    folder: Path,
    progress: Progress = lambda _msg: None,
) -> Project:
    """The kecamatan's report as a Quarto project in ``folder``, ready for ``quarto render``
    or ``quarto preview``, without rendering it: validated, its notebooks executed (kept in
    ``folder/notebooks``, where a failing one shows its error), assembled and written as
    :func:`build_kecamatan` renders it with Quarto."""
    with tempfile.TemporaryDirectory(prefix="lkjip-ekspor-") as scratch:
        nama = _validated(config, entry, Path(scratch))
    parameters = notebook_parameters(config, entry)
    executed = _execute(folder / "notebooks", parameters, progress, {})
    progress("menulis proyek Quarto")
    chapters, assembled = _assembled(config, nama, executed)
    pages = page_labels(assembled)
    name = report_name(config, nama)
    title = document_properties(config, nama)["title"]
    with writing(folder):
        return write_project(executed, chapters, assembled, folder, name, title, pages)


def prepare_kecamatan(
    config: CityConfig, entry: KecamatanEntry, root: Path = OUTPUTS
) -> list[Path]:
    """The notebooks with this kecamatan's parameters injected, ready to open in Jupyter. They go
    to ``analisis/``, beside (never over) the executed notebooks of the last build."""
    folder = output_dir(config, entry, root) / "analisis"
    parameters = notebook_parameters(config, entry)
    return [prepare_notebook(n, folder / f"{n}.ipynb", parameters) for n in NOTEBOOKS]
