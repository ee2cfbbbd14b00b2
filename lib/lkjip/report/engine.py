"""A papermill engine that runs a notebook's cells in this process, on one warm IPython shell.

Starting a Jupyter kernel and importing pandas in it costs about two seconds, and
talking to it over ZeroMQ adds more per cell; a batch worker pays neither. Papermill's behaviour
is kept: it still loads the notebook, injects the parameters cell, records cell metadata and, on
a failing cell, writes the executed notebook with its error banner. Only the execution moves into
the worker process, where imports are paid once.

Each notebook starts from an empty namespace, so chapters see nothing of each other; what they
share by design is what lives in imported modules. Register with ``import lkjip.report.engine``
(or the ``papermill.engine`` entry point) and run with ``engine_name="lkjip"``.
"""

from __future__ import annotations

import base64
import contextlib
import io
import linecache
import os
import sys
import threading

import nbformat
from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import DisplayPublisher
from IPython.core.interactiveshell import InteractiveShell
from papermill.engines import Engine, papermill_engines
from traitlets.config import Config

ENGINE = "lkjip"
_LOCK = threading.Lock()  # one notebook at a time per process: stdout and cwd are process-wide


def _output(output_type: str, **fields: object) -> nbformat.NotebookNode:
    """A cell output as ``nbformat.v4.new_output`` makes it, without its per-output schema check
    (jsonschema, slow); papermill validates the whole notebook when it writes it."""
    return nbformat.from_dict({"output_type": output_type, **fields})


class _Outputs:
    """The outputs of the cell being run; the shell's hooks append to it."""

    def __init__(self) -> None:
        self.items: list[nbformat.NotebookNode] = []

    def stream(self, name: str, text: str) -> None:
        if not text:
            return
        last = self.items[-1] if self.items else None
        if last is not None and last.output_type == "stream" and last.name == name:
            last.text += text
        else:
            self.items.append(_output("stream", name=name, text=text))


class _Stream(io.TextIOBase):
    def __init__(self, shell: _Shell, name: str) -> None:
        self.shell, self.name = shell, name

    def write(self, text: str) -> int:
        self.shell.outputs.stream(self.name, text)
        return len(text)

    def writable(self) -> bool:
        return True


def _json_data(data: dict[str, object]) -> dict[str, object]:
    """Binary representations (PNG) as base64 text, as a kernel would send them."""
    return {
        mime: base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
        for mime, value in data.items()
    }


class _Publisher(DisplayPublisher):
    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **_kw):
        self.shell.outputs.items.append(
            _output("display_data", data=_json_data(data), metadata=metadata or {})
        )

    def clear_output(self, wait=False):
        self.shell.outputs.items.clear()


class _DisplayHook(DisplayHook):
    """The value of a cell's last expression becomes an ``execute_result`` output."""

    def start_displayhook(self) -> None:
        pass

    def write_output_prompt(self) -> None:
        pass

    def write_format_data(self, format_dict, md_dict=None) -> None:
        self.shell.outputs.items.append(
            _output(
                "execute_result",
                data=_json_data(format_dict),
                metadata=md_dict or {},
                execution_count=self.shell.execution_count,
            )
        )

    def finish_displayhook(self) -> None:
        pass


class _Shell(InteractiveShell):
    displayhook_class = _DisplayHook
    display_pub_class = _Publisher
    lkjip_draws_charts = False  # the executed notebooks keep charts as data (report/blocks.py)

    def __init__(self, **kwargs) -> None:
        self.outputs = _Outputs()
        super().__init__(**kwargs)

    def _showtraceback(self, etype, evalue, stb) -> None:
        self.outputs.items.append(
            _output("error", ename=etype.__name__, evalue=str(evalue), traceback=list(stb))
        )


def _figure_png(figure) -> bytes:
    """PNG of a figure. A figure with a layout engine (the report's charts use constrained
    layout) already fits its labels; cropping it to a tight box would draw it a second time."""
    buffer = io.BytesIO()
    tight = figure.get_layout_engine() is None
    figure.savefig(buffer, format="png", bbox_inches="tight" if tight else None)
    return buffer.getvalue()


_shell: _Shell | None = None


def shell() -> _Shell:
    """The process's shell, created on first use (no history file, figures as PNG)."""
    global _shell
    if _shell is None:
        config = Config()
        config.HistoryManager.enabled = False
        config.InteractiveShell.cache_size = 0  # no output cache: a reset needs no gc.collect()
        _shell = _Shell.instance(config=config, colors="nocolor")
        # The report's charts are data (report/chart.py); matplotlib is neither imported nor
        # drawn by the batch. A figure a notebook makes of its own still becomes a PNG.
        os.environ.setdefault("MPLBACKEND", "Agg")
        formatter = _shell.display_formatter.formatters["image/png"]
        formatter.for_type_by_name("matplotlib.figure", "Figure", _figure_png)
    return _shell


def _fresh_namespace(sh: _Shell) -> None:
    """Empty namespace, counter at 1, and nothing kept of the cells run before: IPython holds
    every cell's source in its input history (and, with the history database off, in a write
    cache that is never flushed) and in ``linecache`` for tracebacks. A worker runs thousands of
    notebooks whose injected cell carries the city summary, so that would grow without bound;
    error banners are already written when this runs."""
    sh.reset(new_session=True)
    history = sh.history_manager
    with history.db_input_cache_lock:
        history.db_input_cache.clear()
    with history.db_output_cache_lock:
        history.db_output_cache.clear()
    history._i00 = history._i = history._ii = history._iii = ""  # the last inputs, kept for _i
    for name in [n for n in linecache.cache if n.startswith("<ipython-input-")]:
        del linecache.cache[name]
    getattr(sh.compile, "_filename_map", {}).clear()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def run_cell(sh: _Shell, cell: nbformat.NotebookNode) -> bool:
    """Run one code cell into its outputs; False when it raised. An interrupt, a timeout alarm
    or any other ``BaseException`` that is not an ``Exception`` propagates to the caller."""
    sh.outputs = _Outputs()
    with (
        contextlib.redirect_stdout(_Stream(sh, "stdout")),
        contextlib.redirect_stderr(_Stream(sh, "stderr")),
    ):
        count = sh.execution_count
        result = sh.run_cell(cell.source, store_history=True)
    cell.execution_count = count
    cell.outputs = sh.outputs.items
    error = result.error_in_exec or result.error_before_exec
    if error is not None and not isinstance(error, Exception):
        raise error
    return error is None


class InProcessEngine(Engine):
    """Papermill engine: cells run on this process's warm shell, in a fresh namespace."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **_kwargs):
        with _LOCK:
            sh = shell()
            _fresh_namespace(sh)
            try:
                for index, cell in enumerate(nb_man.nb.cells):
                    nb_man.cell_start(cell, index)
                    try:
                        if cell.cell_type == "code" and not run_cell(sh, cell):
                            nb_man.cell_exception(cell, cell_index=index)
                            break
                    finally:
                        nb_man.cell_complete(cell, cell_index=index)
            finally:
                _fresh_namespace(sh)  # nothing of this notebook outlives it
        info = sys.version_info
        nb_man.nb.metadata["language_info"] = {
            "name": "python",
            "version": f"{info.major}.{info.minor}.{info.micro}",
            "mimetype": "text/x-python",
            "file_extension": ".py",
        }
        return nb_man.nb


papermill_engines.register(ENGINE, InProcessEngine)
