"""The batch draws nothing while the notebooks run: its engine keeps every chart as data (the
renderers draw them), and a notebook run by a batch worker never imports matplotlib."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat

from lkjip.report.chart import MIMETYPE as CHART_MIME
from lkjip.report.orgchart import MIMETYPE as ORG_MIME

ROOT = Path(__file__).resolve().parents[1]
WORKER = """
import importlib.abc, json, sys
from pathlib import Path

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError("the batch draws nothing: matplotlib is not imported")

sys.meta_path.insert(0, Refuse())
from lkjip.report.execute import declared_parameters, execute_notebook, notebook_path

out = Path(sys.argv[1])
for name in ("01-pendahuluan", "03-akuntabilitas"):
    execute_notebook(name, out / f"{name}.ipynb", declared_parameters(notebook_path(name)))
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib")))
"""


def test_a_worker_runs_the_chart_notebooks_without_drawing(tmp_path: Path):
    """The chapters with charts run as a batch worker runs them (the in-process engine), with
    matplotlib made unimportable: they succeed, and their outputs carry the charts as data
    only, no picture."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    result = subprocess.run(
        [sys.executable, "-c", WORKER, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1]) == []
    kinds: list[str] = []
    for name in ("01-pendahuluan", "03-akuntabilitas"):
        executed = nbformat.read(tmp_path / f"{name}.ipynb", as_version=4)
        for cell in executed.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert "image/png" not in data and "image/svg+xml" not in data, cell.source
                kinds += [k for k in (CHART_MIME, ORG_MIME) if k in data]
    assert kinds.count(ORG_MIME) == 1 and kinds.count(CHART_MIME) >= 5
