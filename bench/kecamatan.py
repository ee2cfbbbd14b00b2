"""Where the build time of one kecamatan goes.

Builds one kecamatan several times in this process (as a batch worker does) and prints, for the
first (cold: imports, shell start, font cache) and the median of the warm builds, the seconds of
each step: validation, each notebook, assembly, pandoc (DOCX and Typst), finishing the DOCX and
the Typst compile. It also times the whole ``lkjip build`` command for that one kecamatan in a
fresh process, start-up included.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("kecamatan")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as scratch:
        started = time.perf_counter()
        command = [str(ROOT / ".venv/bin/lkjip"), "build", str(args.config), "-k", args.kecamatan]
        command += ["-j", "1", "--force", "--output", str(Path(scratch) / "cli")]
        subprocess.run(command, check=True, capture_output=True)
        whole = time.perf_counter() - started

        tic = time.perf_counter()
        from lkjip.config import load_config
        from lkjip.report.build import build_kecamatan

        imports = time.perf_counter() - tic
        config = load_config(args.config.resolve())
        entry = config.find(args.kecamatan)
        runs = []
        for run in range(args.runs):
            out = Path(scratch) / f"run{run}"
            runs.append(build_kecamatan(config, entry, root=out, renderer="embedded").seconds)

    steps = list(runs[0])
    print(f"{config.nama} / {entry.nama}: {args.runs} builds in one process")
    print(f"  import of lkjip.report.build: {imports:.2f} s")
    print(f"{'step':<28} {'cold':>7} {'warm':>7}")
    for step in steps:
        warm = statistics.median(r.get(step, 0.0) for r in runs[1:]) if len(runs) > 1 else 0
        print(f"{step:<28} {runs[0][step]:7.2f} {warm:7.2f}")
    print(f"lkjip build -k {entry.slug} -j 1 in a fresh process: {whole:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
