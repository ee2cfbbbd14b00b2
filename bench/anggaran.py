"""How the build of one kecamatan scales with the size of its budget (sheet ``anggaran``).

For each N it generates a synthetic city of one kecamatan whose anggaran sheet has at least N
rows (``lkjip sample --kecamatan 1 --anggaran N``: extra sub-kegiatan, each with its output
indicator), builds it alone (``lkjip build -k SLUG -j 1 --force``, DOCX and PDF) in a fresh
process and prints the wall time and the peak memory of the build's process tree (the sum of the
RSS of lkjip, its worker, pandoc and Typst, sampled every 0.2 s; see ``bench/batch.py``), and
the CPU seconds the build used (user + system, all its processes): on a machine shared with other
work, CPU seconds vary less than wall seconds.

Building must be linear in the input: the issue's target is 2,000 rows in under 10 s and under
500 MB.

    .venv/bin/python bench/anggaran.py                 # N = 28, 228, 828, 2000
    .venv/bin/python bench/anggaran.py 2000 20000

Exit status: 0 when every build succeeded (whatever the times: this is a measurement), else 1.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

from batch import BIN, run  # bench/batch.py: running a child and sampling its process tree

SIZES = (28, 228, 828, 2000)
CITY = "kota-contoh"
TARGET_ROWS, TARGET_SECONDS, TARGET_MB = 2000, 10.0, 500.0


def generated(folder: Path) -> tuple[str, int]:
    """The generated kecamatan's slug and the data rows of its anggaran.csv."""
    (sheet,) = folder.glob(f"data/{CITY}/*/*/anggaran.csv")
    with sheet.open(encoding="utf-8") as handle:
        return sheet.parent.name, sum(1 for _ in handle) - 1


def cpu_seconds() -> float:
    """User + system seconds of this process's finished children (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(size: int, scratch: Path, formats: str) -> tuple[int, int, float, float, float]:
    """Exit status, rows, seconds, CPU seconds and peak MB (RSS of the tree) of one build of
    ``size`` rows."""
    folder = scratch / f"n{size}"
    log = scratch / f"n{size}.log"
    code, _seconds, _peak = run(
        [str(BIN / "lkjip"), "sample", str(folder), "--kecamatan", "1", "--anggaran", str(size)],
        log,
    )
    if code:
        return code, 0, 0.0, 0.0, 0.0
    slug, rows = generated(folder)
    config = folder / "params" / f"{CITY}.yaml"
    command = [str(BIN / "lkjip"), "build", str(config), "-k", slug, "-j", "1", "--force"]
    command += ["--format", formats, "--output", str(folder / "outputs")]
    cpu = cpu_seconds()
    code, seconds, (rss, _pss) = run(command, log)
    return code, rows, seconds, cpu_seconds() - cpu, rss / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=list(SIZES), metavar="N")
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="lkjip-bench-anggaran-"))
    print(f"load average before: {os.getloadavg()[0]:.1f} (other processes share the cores)")
    print(f"{'N':>7} {'rows':>7} {'seconds':>9} {'CPU s':>7} {'peak MB':>9}  (RSS of the tree)")
    failed = False
    for size in args.sizes:
        code, rows, seconds, cpu, peak = measure(size, scratch, args.formats)
        if code:
            failed = True
            print(f"{size:>7} build failed (exit {code}); log: {scratch}/n{size}.log")
            continue
        note = ""
        if size == TARGET_ROWS:
            ok = seconds < TARGET_SECONDS and peak < TARGET_MB
            note = f"  target < {TARGET_SECONDS:.0f} s, < {TARGET_MB:.0f} MB: "
            note += "PASS" if ok else "FAIL"
        print(f"{size:>7} {rows:>7} {seconds:>9.1f} {cpu:>7.1f} {peak:>9.0f}{note}", flush=True)
    if args.keep or failed:
        print(f"scratch folder: {scratch}")
    else:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
