"""Benchmark of the batch build on a synthetic city (``lkjip sample``).

In one run, on N synthetic kecamatan, it times:

(a) the naive loop: one ``papermill`` process per notebook per kecamatan, sequentially, then the
    same assembly and rendering as ``lkjip build`` (in this process);
(b) ``lkjip build -j J`` into a fresh output folder;
(c) the same command again, with nothing changed (every kecamatan skipped);
(d) assembly alone (the floor): J worker processes assembling and rendering the N reports from
    the notebooks executed by (b).

For each phase it reports the wall time and the peak resident memory of the process tree (this
process and every descendant: workers, kernels, pandoc, papermill), sampled every 0.2 s. RSS of
forked processes counts shared pages once per process, so the figure is an upper bound.

Run from anywhere (it changes to the repository root)::

    .venv/bin/python bench/batch.py --kecamatan 12
    .venv/bin/python bench/batch.py --kecamatan 200 --skip-naive --formats docx

Exit status: 0 whatever the ratios (this is a measurement), 1 when a build failed.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
NOTEBOOKS = ROOT / "notebooks"
CITY = "kota-contoh"
SAMPLE_INTERVAL = 0.2  # seconds between memory samples

# Targets of the issue: (a)/(b) at least 8; (c)/(b) under 3 %; (b)/(d) at most 1.5.
TARGET_NAIVE = 8.0
TARGET_REBUILD = 0.03
TARGET_FLOOR = 1.5


@dataclass
class Phase:
    key: str
    name: str
    seconds: float = 0.0
    peak_mb: float = 0.0
    note: str = ""


# --- memory ------------------------------------------------------------------------------------
def tree_rss() -> int:
    """Resident bytes of this process and all its descendants (those that vanish are skipped)."""
    me = psutil.Process()
    total = 0
    for proc in [me, *me.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return total


@contextmanager
def measured(phase: Phase) -> Iterator[Phase]:
    """Time the block and keep the largest tree RSS seen while it runs."""
    stop = threading.Event()
    peak = tree_rss()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(SAMPLE_INTERVAL):
            peak = max(peak, tree_rss())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    started = time.perf_counter()
    try:
        yield phase
    finally:
        phase.seconds = time.perf_counter() - started
        stop.set()
        thread.join()
        phase.peak_mb = max(peak, tree_rss()) / 2**20
        print(f"  {phase.key}) {phase.name}: {phase.seconds:.1f} s, {phase.peak_mb:.0f} MB")


# --- subprocesses ------------------------------------------------------------------------------
def environment() -> dict[str, str]:
    """The venv's tools first on PATH; no terminal, so lkjip prints plain progress lines."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("LKJIP_NOTEBOOKS", None)
    return env


def run(command: list[str], log: Path, cwd: Path = ROOT) -> int:
    """Run ``command`` with its output appended to ``log``; return the exit status."""
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        return subprocess.run(
            command, cwd=cwd, env=environment(), stdout=out, stderr=subprocess.STDOUT
        ).returncode


def last_summary(log: Path) -> str:
    """The last ``Ringkasan: …`` line lkjip build printed (counts per status)."""
    lines = [ln for ln in log.read_text(encoding="utf-8").splitlines() if ln.startswith("Ringkas")]
    return lines[-1].split(". Status:")[0] if lines else "(tidak ada ringkasan)"


# --- assembly (the same steps as lkjip.report.build.build_kecamatan, embedded renderer) --------
@functools.cache
def city_config(path: str):  # -> CityConfig, imported lazily to keep the parent light
    from lkjip.config import load_config

    return load_config(Path(path))


def assemble_one(config_path: str, slug: str, executed: str, out: str, formats: str) -> str:
    """Read the six executed notebooks in ``executed``, assemble and render the report into
    ``out``; return the name of the first file written."""
    from lkjip.report.assemble import assemble, read_chapter
    from lkjip.report.build import report_name
    from lkjip.report.execute import NOTEBOOKS as NAMES
    from lkjip.report.render import render_embedded

    config = city_config(config_path)
    entry = config.find(slug)
    chapters = [read_chapter(Path(executed) / f"{name}.ipynb") for name in NAMES]
    title = f"{config.label.judul} Kecamatan {entry.nama} Tahun {config.tahun}"
    assembled = assemble(chapters, {"judul-dokumen": title})
    name = report_name(config, entry.nama)
    targets = {fmt: Path(out) / f"{name}.{fmt}" for fmt in formats.split(",")}
    written = render_embedded(assembled, targets)
    return min(str(p) for p in written.values())


def _assemble_task(task: tuple[str, str, str, str, str]) -> str:
    return assemble_one(*task)


# --- phases ------------------------------------------------------------------------------------
def naive(config: Path, slugs: list[str], work: Path, formats: str, log: Path) -> None:
    """(a) One papermill process per notebook per kecamatan, then the assembly of each."""
    from lkjip.report.execute import NOTEBOOKS as NAMES

    papermill = str(BIN / "papermill")
    for index, slug in enumerate(slugs, 1):
        executed = work / slug / "notebooks"
        executed.mkdir(parents=True, exist_ok=True)
        for name in NAMES:
            command = [
                papermill,
                f"{name}.ipynb",
                str(executed / f"{name}.ipynb"),
                "-p",
                "config",
                str(config),
                "-p",
                "kecamatan",
                slug,
                "-p",
                "ringkasan_kota",
                "",
                "--no-progress-bar",
            ]
            if run(command, log, cwd=NOTEBOOKS) != 0:
                raise SystemExit(f"papermill gagal: {slug}/{name} (lihat {log})")
        assemble_one(str(config), slug, str(executed), str(work / slug), formats)
        print(f"     naif {index}/{len(slugs)}: {slug}", flush=True)


def build_command(config: Path, jobs: int, out: Path, formats: str) -> list[str]:
    lkjip = str(BIN / "lkjip")
    return [lkjip, "build", str(config), "-j", str(jobs), "--output", str(out), "--format", formats]


def floor(config: Path, slugs: list[str], built: Path, out: Path, formats: str, jobs: int) -> None:
    """(d) Assembly alone, from the notebooks (b) executed, on ``jobs`` worker processes."""
    year = str(city_config(str(config)).tahun)
    tasks = [
        (str(config), s, str(built / CITY / year / s / "notebooks"), str(out / s), formats)
        for s in slugs
    ]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for _ in pool.imap_unordered(_assemble_task, tasks):
            pass


# --- report ------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def ratio_lines(phases: dict[str, Phase]) -> list[str]:
    a, b, c, d = (phases.get(k) for k in "abcd")
    lines = []
    if a and b:
        value = a.seconds / b.seconds
        lines.append(
            f"a/b (naif / build)          {value:8.1f} x   target >= {TARGET_NAIVE:.0f} x    "
            f"{verdict(value >= TARGET_NAIVE)}"
        )
    else:
        lines.append("a/b (naif / build)               n/a   (--skip-naive)")
    if b and c:
        value = c.seconds / b.seconds
        lines.append(
            f"c/b (tanpa perubahan/build) {100 * value:8.1f} %   target <  {100 * TARGET_REBUILD:.0f} %"
            f"     {verdict(value < TARGET_REBUILD)}"
        )
    if b and d:
        value = b.seconds / d.seconds
        lines.append(
            f"b/d (build / rakit saja)    {value:8.2f} x   target <= {TARGET_FLOOR} x  "
            f"{verdict(value <= TARGET_FLOOR)}"
        )
    return lines


def print_report(phases: dict[str, Phase], args: argparse.Namespace, baseline_mb: float) -> None:
    print()
    print(
        f"N = {args.kecamatan} kecamatan, -j {args.jobs}, format {args.formats}, "
        f"seed {args.seed}, {os.cpu_count()} inti"
    )
    print(f"{'phase':<44} {'seconds':>9} {'s/kec':>7} {'peak MB':>9}")
    for phase in phases.values():
        per = phase.seconds / args.kecamatan
        label = f"({phase.key}) {phase.name}"
        print(f"{label:<44} {phase.seconds:9.1f} {per:7.2f} {phase.peak_mb:9.0f}  {phase.note}")
    print(f"(peak = RSS of the process tree incl. this process, itself ~{baseline_mb:.0f} MB)")
    print()
    for line in ratio_lines(phases):
        print(line)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kecamatan", type=int, default=12, help="N synthetic kecamatan")
    parser.add_argument("--jobs", type=int, default=2, help="workers of (b) and (d)")
    parser.add_argument("--seed", type=int, default=1, help="seed of lkjip sample")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: temp)")
    parser.add_argument("--skip-naive", action="store_true", help="leave out (a), for large N")
    parser.add_argument("--formats", default="docx,pdf", help="docx, pdf or docx,pdf")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if not formats or any(f not in ("docx", "pdf") for f in formats):
        parser.error(f"--formats: {args.formats}")
    args.formats = ",".join(formats)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    keep = args.work is not None
    work = (args.work or Path(tempfile.mkdtemp(prefix="lkjip-bench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    log = work / "bench.log"
    print(f"Folder kerja: {work} (log: {log})")

    sample = [str(BIN / "lkjip"), "sample", str(work), "--kecamatan", str(args.kecamatan)]
    status = run([*sample, "--seed", str(args.seed)], log)
    if status != 0:
        print(f"lkjip sample gagal (lihat {log})", file=sys.stderr)
        return 1
    config = work / "params" / f"{CITY}.yaml"
    slugs = [e.slug for e in city_config(str(config)).kecamatan]
    baseline_mb = psutil.Process().memory_info().rss / 2**20

    phases: dict[str, Phase] = {}
    failed = False
    out_a, out_b, out_d = work / "naif", work / "build", work / "rakit"
    for folder in (out_a, out_b, out_d):
        shutil.rmtree(folder, ignore_errors=True)

    if not args.skip_naive:
        with measured(Phase("a", "naive: papermill per notebook + rakit")) as phase:
            naive(config, slugs, out_a, args.formats, log)
        phases["a"] = phase

    def build() -> int:
        return run(build_command(config, args.jobs, out_b, args.formats), log)

    with measured(Phase("b", f"lkjip build -j {args.jobs}")) as phase:
        code = build()
    phase.note = last_summary(log) + ("" if code == 0 else f" [exit {code}]")
    failed |= code != 0
    phases["b"] = phase

    with measured(Phase("c", "lkjip build again, nothing changed")) as phase:
        code = build()
    phase.note = last_summary(log) + ("" if code == 0 else f" [exit {code}]")
    failed |= code != 0
    phases["c"] = phase

    with measured(Phase("d", f"rakit + render only, {args.jobs} workers")) as phase:
        floor(config, slugs, out_b, out_d, args.formats, args.jobs)
    phases["d"] = phase

    print_report(phases, args, baseline_mb)
    if failed:
        print(f"\nSebuah build gagal; lihat {log}", file=sys.stderr)
    if not keep and not failed:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
