"""Where the build time of one kecamatan goes.

Builds one kecamatan several times in this process (as a batch worker does) and prints, for the
first (cold: imports, shell start, font cache) and the median of the warm builds, the seconds of
each step: validation, each notebook, assembly, pandoc (DOCX and Typst), finishing the DOCX and
the Typst compile, and how much of the notebooks' time went into the charts (computing them as
data and publishing them; the renderers draw them, in the assembly and rendering steps). It also times the whole ``lkjip build`` command for
that one kecamatan in a fresh process, start-up included.

    .venv/bin/python bench/kecamatan.py params/kota-bekasi.yaml bekasi-utara --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = "all notebooks"
CHART = "  of which charts"


def time_charts(spent: list[float]) -> None:
    """Add the seconds of every chart function (``grafik_*``, ``bagan_*``) and of ``show_chart``
    (publishing a chart's data) to ``spent[0]``. Notebooks look both up at run time, so wrapping the module
    attributes is enough."""
    from lkjip.report import bab1, bab3, display, kota

    def timed(function):
        def wrapper(*args, **kwargs):
            tic = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - tic

        return wrapper

    for module in (bab1, bab3, kota):
        for name in [n for n in vars(module) if n.startswith(("grafik_", "bagan_"))]:
            setattr(module, name, timed(getattr(module, name)))
    display.show_chart = timed(display.show_chart)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("kecamatan")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as scratch:
        started = time.perf_counter()
        command = [
            str(Path(sys.executable).parent / "lkjip"),
            "build",
            str(args.config),
            "-k",
            args.kecamatan,
        ]
        command += ["-j", "1", "--force", "--output", str(Path(scratch) / "cli")]
        subprocess.run(command, check=True, capture_output=True)
        whole = time.perf_counter() - started

        tic = time.perf_counter()
        from lkjip.batch.survey import city_summary_json, survey_city
        from lkjip.config import load_config
        from lkjip.report.build import build_kecamatan

        imports = time.perf_counter() - tic
        config = load_config(args.config.resolve())
        entry = config.find(args.kecamatan)
        # The city summary a batch worker receives from phase 1 (else the notebook computes it
        # itself, lkjip.city_summary).
        summary = city_summary_json(survey_city(config, Path(scratch) / "survey", None, {}))
        runs = []
        spent = [0.0]
        time_charts(spent)
        for run in range(args.runs):
            out = Path(scratch) / f"run{run}"
            spent[0] = 0.0
            seconds = build_kecamatan(
                config, entry, root=out, renderer="embedded", summary=summary
            ).seconds
            notebooks = sum(v for k, v in seconds.items() if k.startswith("notebook "))
            runs.append({**seconds, NOTEBOOKS: notebooks, CHART: spent[0]})

    steps = list(runs[0])
    print(f"{config.nama} / {entry.nama}: {args.runs} builds in one process")
    print(f"  import of lkjip.report.build: {imports:.2f} s")
    print(f"{'step':<30} {'cold':>7} {'warm':>7}")
    for step in steps:
        warm = statistics.median(r.get(step, 0.0) for r in runs[1:]) if len(runs) > 1 else 0
        print(f"{step:<30} {runs[0][step]:7.2f} {warm:7.2f}")
    print(f"lkjip build -k {entry.slug} -j 1 in a fresh process: {whole:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
