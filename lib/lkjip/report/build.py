"""Build one kecamatan's report: validate, execute the notebooks, assemble, render."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.config import CityConfig, KecamatanEntry
from lkjip.paths import OUTPUTS
from lkjip.problems import InputError
from lkjip.report.assemble import assemble, read_chapter
from lkjip.report.execute import NOTEBOOKS, execute_notebook, prepare_notebook
from lkjip.report.formats import FORMATS, resolve_renderer
from lkjip.report.render import atomic_write, quarto_project, render_embedded, render_quarto
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
    config: CityConfig, entry: KecamatanEntry, ringkasan: str = ""
) -> dict[str, object]:
    """``ringkasan_kota`` is the city summary (JSON) from phase 1 of a batch; empty means the
    notebook computes it from the config itself."""
    return {"config": str(config.path), "kecamatan": entry.slug, "ringkasan_kota": ringkasan}


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
    ringkasan: str = "",
    origin_config: str = "",
) -> BuildResult:
    """Write ``<out>/notebooks/*.ipynb`` and the report files; raise BuildError on failure.
    ``origin_config`` is the city config as the user knows it (a Dask worker builds from a
    copy); the draft records it for ``lkjip narrative pull``."""
    label = f"{config.slug}/{entry.slug}"
    result = BuildResult(label)
    started = time.perf_counter()
    checked = check_kecamatan(
        config.data_path(entry), config.rules_for(entry), config.tahun, config.other_names(entry)
    )
    out = output_dir(config, entry, root)
    report = "\n".join(p.line() for p in checked.problems) or "Tidak ada masalah."
    atomic_write(out / "validasi.txt", lambda tmp: tmp.write_text(report + "\n", encoding="utf-8"))
    if not checked.ok:
        errors = "\n".join("  " + p.line() for p in checked.problems.errors)
        raise BuildError(f"data belum valid, laporan tidak dibuat:\n{errors}")
    result.seconds["validasi"] = time.perf_counter() - started

    parameters = notebook_parameters(config, entry, ringkasan)
    executed = []
    for name in NOTEBOOKS:
        progress(f"menjalankan {name}")
        tic = time.perf_counter()
        path = out / "notebooks" / f"{name}.ipynb"
        executed.append(execute_notebook(name, path, parameters).path)
        result.seconds[f"notebook {name}"] = time.perf_counter() - tic

    name = report_name(config, checked.data.nama)
    targets = {fmt: out / f"{name}.{fmt}" for fmt in formats}
    use_quarto = resolve_renderer(renderer) == "quarto"
    tic = time.perf_counter()
    meta = {
        "title": f"{config.label.judul} Kecamatan {checked.data.nama} Tahun {config.tahun}",
        "subtitle": f"Kecamatan {checked.data.nama}, {config.nama}",
        "author": f"Kecamatan {checked.data.nama}",
        "lang": "id",
    }
    if use_quarto:
        progress("menyusun dengan Quarto")
        project = quarto_project(executed, out / "quarto", meta["title"], name, meta)
        result.files = render_quarto(project, targets, name)
    else:
        progress("menyusun " + "/".join(f.upper() for f in formats))
        chapters = [read_chapter(path) for path in executed]
        # Only the PDF's document title; a pandoc title block would precede the cover in Word.
        assembled = assemble(
            chapters,
            {"judul-dokumen": meta["title"]},
            document_properties(config, checked.data.nama),
        )
        result.seconds["rakit"] = time.perf_counter() - tic
        tic = time.perf_counter()
        origin = {"config": origin_config or str(config.path), "kecamatan": entry.slug}
        result.files = render_embedded(assembled, targets, origin, result.seconds)
    result.seconds["render"] = time.perf_counter() - tic
    result.seconds["total"] = time.perf_counter() - started
    return result


def prepare_kecamatan(
    config: CityConfig, entry: KecamatanEntry, root: Path = OUTPUTS
) -> list[Path]:
    """The notebooks with this kecamatan's parameters injected, ready to open in Jupyter. They go
    to ``analisis/``, beside (never over) the executed notebooks of the last build."""
    folder = output_dir(config, entry, root) / "analisis"
    parameters = notebook_parameters(config, entry)
    return [prepare_notebook(n, folder / f"{n}.ipynb", parameters) for n in NOTEBOOKS]
