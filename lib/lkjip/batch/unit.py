"""The unit of work of a batch: one kecamatan's report, built on a worker, returned as bytes.

The same function runs in a local worker process or on a Dask worker: it builds into a scratch
folder and returns every artifact (report files, executed notebooks, validation report) so the
client writes them; no shared file system is needed for outputs.
"""

from __future__ import annotations

import contextlib
import io
import signal
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lkjip.batch.notebook_pages import write_notebook_pages
from lkjip.config import CityConfig, KecamatanEntry, load_config
from lkjip.files import CANNOT_WRITE, cannot_write
from lkjip.problems import InputError
from lkjip.report.execute import NotebookError, kept_at

SCRATCH_PREFIX = "lkjip-unit-"  # a unit's scratch folder, in the temporary directory


@dataclass(frozen=True)
class UnitTask:
    config: str  # path of the city config
    slug: str
    formats: tuple[str, ...] = ("docx", "pdf")
    renderer: str = "embedded"
    summary: str = ""  # the city summary slice (JSON) the report shows
    timeout: float = 600.0
    bundle: bytes = b""  # the inputs as a zip (pack_inputs), for workers without the files
    keep_project: bool = False  # Quarto: keep the rendered project (proyek-quarto.zip)


@dataclass
class UnitResult:
    slug: str
    ok: bool
    files: dict[str, bytes] = field(default_factory=dict)  # relative to the kecamatan folder
    seconds: float = 0.0
    reason: str = ""
    notebook: str = ""  # a failing notebook: its executed copy in ``files`` (relative path)

    def reason_in(self, folder: Path) -> str:
        """The reason, naming the executed notebook of a failing cell where ``files`` are
        written (``folder``), not where the worker built them."""
        return kept_at(self.reason, folder / self.notebook) if self.notebook else self.reason


def pack_inputs(config: CityConfig, entry: KecamatanEntry) -> bytes:
    """This kecamatan's inputs (its data folder and a config listing only it) as a zip, so a
    remote worker needs no shared file system."""
    buffer = io.BytesIO()
    folder = config.data_path(entry)
    single = yaml.safe_load(config.path.read_text(encoding="utf-8"))
    single["kecamatan"] = [{**entry.model_dump(mode="json"), "data": f"../data/{entry.slug}"}]
    logo = config.logo_path
    single.pop("logo", None)
    if logo is not None and logo.is_file():
        single["logo"] = f"logo{logo.suffix}"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"params/{config.path.name}", yaml.safe_dump(single, allow_unicode=True))
        if "logo" in single:
            archive.write(logo, f"params/{single['logo']}")
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"data/{entry.slug}/{path.relative_to(folder)}")
    return buffer.getvalue()


class UnitTimeout(BaseException):
    """Raised by the alarm; a BaseException so that a notebook cell cannot swallow it."""


def _alarm(_signum: int, _frame: object) -> None:
    raise UnitTimeout


def run_unit(
    task: UnitTask,
    progress: Callable[[str], None] = lambda _m: None,
    scratch: Path | None = None,
) -> UnitResult:
    """Build one kecamatan in ``scratch`` (the caller's folder, which the caller removes; a
    temporary one of its own when not given). Every failure becomes a result with its reason,
    never an exception."""
    started = time.perf_counter()
    result = UnitResult(task.slug, ok=False)
    # The alarm works in a process's main thread (local workers, whose parent also kills them
    # at the deadline); a Dask worker thread relies on the cluster's own limits instead.
    alarm = threading.current_thread() is threading.main_thread()
    if alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, task.timeout)
    try:
        with _scratch(scratch) as folder:
            _build(task, folder, progress, result)
    except UnitTimeout:
        result.ok, result.files, result.notebook = False, {}, ""
        result.reason = timeout_reason(task.timeout)
    except InputError as exc:
        result.reason = str(exc)
    except OSError as exc:
        result.reason = _os_failure(exc)
    except Exception as exc:
        result.reason = f"galat tak terduga: {exc.__class__.__name__}: {exc}"
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    result.seconds = time.perf_counter() - started
    return result


def _os_failure(exc: OSError) -> str:
    """A file the build writes (papermill's executed notebook, say) could not be written: the
    temporary folder is full or read-only. Anything else (a refused read too) is unexpected."""
    if exc.errno in CANNOT_WRITE and not isinstance(exc, PermissionError):
        return str(cannot_write(exc.filename or tempfile.gettempdir(), exc))
    return f"galat tak terduga: {exc.__class__.__name__}: {exc}"


def timeout_reason(timeout: float) -> str:
    return f"melebihi batas waktu {timeout:.0f} detik"


@contextlib.contextmanager
def _scratch(given: Path | None) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX) as folder:
        yield Path(folder)


def _build(
    task: UnitTask, scratch: Path, progress: Callable[[str], None], result: UnitResult
) -> None:
    """Build into ``scratch`` and put every artifact into ``result``, the executed notebooks
    of a failing build included."""
    from lkjip.report.build import build_kecamatan, output_dir

    config_path = Path(task.config)
    if task.bundle:
        with zipfile.ZipFile(io.BytesIO(task.bundle)) as archive:
            archive.extractall(scratch / "masukan")
        config_path = scratch / "masukan" / "params" / config_path.name
    config = load_config(config_path)
    entry = config.find(task.slug)
    root = scratch / "keluaran"
    folder = output_dir(config, entry, root)
    try:
        build_kecamatan(
            config,
            entry,
            task.formats,
            task.renderer,
            root,
            progress=progress,
            summary=task.summary,
            origin_config=str(Path(task.config).resolve()),
            keep_project=task.keep_project,
        )
        result.ok = True
    except NotebookError as exc:
        result.reason = str(exc)
        if exc.output is not None and exc.output.is_relative_to(folder):
            result.reason, result.notebook = exc.failure, exc.output.relative_to(folder).as_posix()
    except InputError as exc:
        result.reason = str(exc)
    if folder.exists():
        progress("halaman notebook")
        write_notebook_pages(folder)
        result.files = {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }
