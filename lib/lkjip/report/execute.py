"""Execute the chapter notebooks with papermill, parameters checked before anything runs."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from lkjip.files import atomic_write
from lkjip.paths import notebooks_dir
from lkjip.problems import InputError
from lkjip.report import outline

NOTEBOOKS = outline.NOTEBOOKS
KERNEL = "python3"
JSON_TYPES = (str, int, float, bool, list)


def notebook_path(name: str) -> Path:
    return notebooks_dir() / f"{name}.ipynb"


def kept_at(failure: str, output: Path) -> str:
    """A notebook's failure with where its executed notebook (with the error) is kept."""
    return f"{failure}. Notebook hasil eksekusi beserta pesan galatnya: {output}"


class NotebookError(InputError):
    """A notebook failed; the executed notebook with the error is kept at ``output``.
    ``failure`` is the message without that path (a batch names the copy it keeps)."""

    def __init__(self, failure: str, output: Path | None = None) -> None:
        super().__init__(failure if output is None else kept_at(failure, output))
        self.failure = failure
        self.output = output


def declared_parameters(path: Path) -> dict[str, object]:
    """Names and default values of the notebook's ``parameters`` cell (papermill's reading of
    it; defaults are JSON-type literals)."""
    import nbformat
    import papermill

    notebook = nbformat.read(path, as_version=4)
    if not any("parameters" in c.metadata.get("tags", []) for c in notebook.cells):
        raise NotebookError(f"{path.name}: tidak ada sel bertanda 'parameters'")
    inferred = papermill.inspect_notebook(str(path))
    return {name: ast.literal_eval(p["default"]) for name, p in inferred.items()}


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
    import nbformat

    notebook = nbformat.read(output, as_version=4)
    added = {"injected-parameters", "papermill-error-cell-tag"}
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


@dataclass(frozen=True)
class Executed:
    name: str
    path: Path


def execute_notebook(name: str, output: Path, parameters: dict[str, object]) -> Executed:
    """Run one chapter notebook into ``output`` with ``parameters`` (checked first). The cells
    run in this process on its warm shell (:mod:`lkjip.report.engine`): start-up and imports are
    paid once per process, not once per notebook."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from lkjip.report.engine import ENGINE

    source = notebook_path(name)
    check_parameters(source, parameters)
    failed: list[PapermillExecutionError] = []

    def run(tmp: Path) -> None:
        try:
            papermill.execute_notebook(
                str(source),
                str(tmp),
                parameters=parameters,
                engine_name=ENGINE,
                kernel_name=KERNEL,
                cwd=str(source.parent),
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
            )
        except PapermillExecutionError as exc:
            failed.append(exc)  # papermill saved it with its error banner: kept at ``output``

    atomic_write(output, run)
    if failed:
        raise NotebookError(f"notebook {name} gagal pada {_failed_cell(output)}", output) from (
            failed[0]
        )
    return Executed(name, output)


def prepare_notebook(name: str, output: Path, parameters: dict[str, object]) -> Path:
    """Write the notebook with its parameters injected, without running it (for analysts)."""
    import nbformat
    import papermill

    source = notebook_path(name)
    check_parameters(source, parameters)
    notebook = papermill.execute_notebook(
        str(source), None, parameters=parameters, prepare_only=True, kernel_name=KERNEL
    )
    notebook.metadata.papermill["output_path"] = str(output)
    atomic_write(output, lambda tmp: nbformat.write(notebook, tmp))
    return output
