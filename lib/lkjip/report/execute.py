"""Execute the chapter notebooks with papermill, parameters checked before anything runs."""

from __future__ import annotations

import ast
import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import nbformat

from lkjip.problems import InputError

NOTEBOOKS = (
    "00-pembuka",
    "01-pendahuluan",
    "02-perencanaan",
    "03-akuntabilitas",
    "04-penutup",
    "05-lampiran",
)
KERNEL = "python3"
JSON_TYPES = (str, int, float, bool, list)
# The kernel logs a transport warning on every start; only errors are worth showing.
QUIET_KERNEL = ["--IPKernelApp.log_level=ERROR"]


def notebooks_dir() -> Path:
    """Where the chapter notebooks live (``LKJIP_NOTEBOOKS`` overrides the repository folder)."""
    override = os.environ.get("LKJIP_NOTEBOOKS")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "notebooks"


def notebook_path(name: str) -> Path:
    return notebooks_dir() / f"{name}.ipynb"


class NotebookError(InputError):
    """A notebook failed; the executed notebook with the error is kept at ``output``."""

    def __init__(self, message: str, output: Path | None = None) -> None:
        super().__init__(message)
        self.output = output


def declared_parameters(path: Path) -> dict[str, object]:
    """Names and default values of the notebook's ``parameters`` cell."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            values: dict[str, object] = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        values[target.id] = ast.literal_eval(node.value)
            return values
    raise NotebookError(f"{path.name}: tidak ada sel bertanda 'parameters'")


def check_parameters(path: Path, given: dict[str, object]) -> None:
    """Unknown, missing or non-JSON parameters are an error, before any kernel starts."""
    declared = declared_parameters(path)
    unknown = sorted(set(given) - set(declared))
    missing = sorted(set(declared) - set(given))
    problems = []
    if unknown:
        problems.append(
            "parameter tidak dikenal: " + ", ".join(unknown) + f" (yang ada: {', '.join(declared)})"
        )
    if missing:
        problems.append("parameter belum diberikan: " + ", ".join(missing))
    for name, value in given.items():
        if name in declared and not isinstance(value, JSON_TYPES):
            problems.append(f"parameter {name} harus teks, angka, ya/tidak atau daftar")
        elif name in declared and type(value) is not type(declared[name]):
            expected = type(declared[name]).__name__
            problems.append(
                f"parameter {name} harus bertipe {expected}, bukan {type(value).__name__}"
            )
    if problems:
        raise NotebookError(f"{path.name}: " + "; ".join(problems))


def _failed_cell(output: Path) -> str:
    """Describe the cell that raised, from the executed notebook papermill saved."""
    notebook = nbformat.read(output, as_version=4)
    added = {"injected-parameters", "papermill-error-cell-tag", RESET_TAG}
    cells = [c for c in notebook.cells if not added & set(c.metadata.get("tags", []))]
    for index, cell in enumerate(cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = next((ln for ln in cell.source.splitlines() if not ln.startswith("#|")), "")
                return (
                    f"sel ke-{index + 1} ({first.strip()[:60]}): {out.get('ename')}: "
                    f"{out.get('evalue', '').splitlines()[0] if out.get('evalue') else ''}"
                )
    return "sel tidak diketahui"


# Run first in each notebook on a reused kernel: chapters must not see each other's variables.
# The cell is removed from the executed notebook afterwards.
RESET = "%reset -f\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt"
RESET_TAG = "lkjip-reset"


class WarmKernel:
    """One kernel reused for many notebooks: start-up and imports are paid once, while each
    notebook still starts from an empty namespace (``%reset -f``) in the notebooks folder."""

    def __init__(self) -> None:
        self.km = None
        self.starts = 0

    def ensure(self):
        from jupyter_client.manager import KernelManager

        if self.km is None or not self.km.is_alive():
            self.close()
            self.km = KernelManager(kernel_name=KERNEL)
            self.km.start_kernel(cwd=str(notebooks_dir()), extra_arguments=QUIET_KERNEL)
            self.starts += 1
        return self.km

    def close(self) -> None:
        if self.km is not None:
            with contextlib.suppress(Exception):  # a dead kernel needs no shutdown
                self.km.shutdown_kernel(now=True)
            self.km = None

    def __enter__(self) -> WarmKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with_reset(source: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(source, as_version=4)
    cell = nbformat.v4.new_code_cell(RESET, metadata={"tags": [RESET_TAG]})
    notebook.cells.insert(0, cell)
    return notebook


def _without_reset(output: Path, source: Path) -> None:
    notebook = nbformat.read(output, as_version=4)
    if "papermill" in notebook.metadata:  # papermill records an in-memory input in full
        notebook.metadata.papermill["input_path"] = str(source)
    notebook.cells = [c for c in notebook.cells if RESET_TAG not in c.metadata.get("tags", [])]
    tmp = output.with_name(f".{output.name}.tmp")
    nbformat.write(notebook, tmp)
    os.replace(tmp, output)


@dataclass(frozen=True)
class Executed:
    name: str
    path: Path


def execute_notebook(
    name: str, output: Path, parameters: dict[str, object], kernel: WarmKernel | None = None
) -> Executed:
    """Run one chapter notebook into ``output`` with ``parameters`` (checked first), on a warm
    kernel when one is given, else on a kernel of its own."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = notebook_path(name)
    check_parameters(source, parameters)
    output.parent.mkdir(parents=True, exist_ok=True)
    extra: dict[str, object] = {}
    notebook: object = str(source)
    if kernel is not None:
        extra["km"] = kernel.ensure()
        notebook = _with_reset(source)
    try:
        papermill.execute_notebook(
            notebook,
            str(output),
            parameters=parameters,
            kernel_name=KERNEL,
            cwd=str(source.parent),
            progress_bar=False,
            log_output=False,
            extra_arguments=QUIET_KERNEL,
            **extra,
        )
    except PapermillExecutionError as exc:
        if kernel is not None:
            _without_reset(output, source)
        raise NotebookError(
            f"notebook {name} gagal pada {_failed_cell(output)}. "
            f"Notebook hasil eksekusi beserta pesan galatnya: {output}",
            output,
        ) from exc
    if kernel is not None:
        _without_reset(output, source)
    return Executed(name, output)


def prepare_notebook(name: str, output: Path, parameters: dict[str, object]) -> Path:
    """Write the notebook with its parameters injected, without running it (for analysts)."""
    import papermill

    source = notebook_path(name)
    check_parameters(source, parameters)
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(source), str(output), parameters=parameters, prepare_only=True, kernel_name=KERNEL
    )
    return output


def parameters_json(parameters: dict[str, object]) -> str:
    return json.dumps(parameters, ensure_ascii=False, sort_keys=True)
