"""Benchmark of the batch build on a synthetic city (``lkjip sample``).

In one run, on N synthetic kecamatan, it times:

(a) the naive loop: one ``papermill`` process per notebook per kecamatan (a kernel started for
    every notebook), sequentially, then the same assembly and rendering as ``lkjip build``;
(b) ``lkjip build -j J`` into a fresh output folder;
(c) the same command again, with nothing changed (every kecamatan skipped);
(d) the floor: the same ``lkjip build -j J --force`` with notebook execution replaced by a copy
    of the notebooks (b) executed, so that it does everything (b) does (validation, the J
    workers, assembly and rendering of the same N reports, writing files, manifest, status page,
    recap) except running notebooks. b/d is what executing the notebooks adds. The executed
    notebooks hold the charts as data (lkjip.report.chart), so the floor draws them where every
    renderer must: the SVG of each chart for the PDF and the organisation chart's picture at
    assembly, the native Word charts and their workbooks when the draft is finished.

Each phase runs as a child process; for each it reports the wall time, the CPU time of the
child's process tree (user + system of every process it waited for: workers, kernels, pandoc,
papermill; per report for (b) and (d)) and the peak memory of the tree, sampled every 0.2 s,
twice: as the sum of RSS, which counts the pages forked workers share once per process (an
upper bound), and as the sum of PSS (proportional set size: shared pages split between their
users), which is what the tree really occupies. Memory flat in N: compare the PSS of (b) of
``--kecamatan 200 --skip-naive --formats docx`` with that of ``--kecamatan 50`` (same options);
the target is within 10 %.

Run from anywhere (it changes to the repository root) with the Python of the environment
lkjip is installed in (its tools, ``lkjip`` and ``papermill``, are taken from beside it)::

    .venv/bin/python bench/batch.py --kecamatan 12
    .venv/bin/python bench/batch.py --kecamatan 200 --skip-naive --formats docx

Exit status: 0 whatever the ratios (this is a measurement), 1 when a build failed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the environment's tools (lkjip, papermill)
NOTEBOOKS = ROOT / "notebooks"
CITY = "kota-contoh"
SAMPLE_INTERVAL = 0.2  # seconds between memory samples

# Targets of issue 16: (a)/(b) at least 15; (c)/(b) under 3 %; (b)/(d) at most 1.35; the CPU
# time of (b) at most 1.0 s per report.
TARGET_NAIVE = 15.0
TARGET_REBUILD = 0.03
TARGET_FLOOR = 1.35
TARGET_CPU = 1.0


@dataclass
class Phase:
    key: str
    name: str
    seconds: float = 0.0
    peak_mb: float = 0.0  # sum of RSS
    peak_pss_mb: float = 0.0  # sum of PSS
    cpu: float = 0.0  # user + system seconds of the process tree
    code: int = 0
    note: str = ""


# --- running a phase ---------------------------------------------------------------------------
def tree_memory(root: psutil.Process) -> tuple[int, int]:
    """RSS and PSS bytes of ``root`` and all its descendants (those that vanish are skipped)."""
    rss = pss = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for proc in processes:
        try:
            info = proc.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)  # PSS exists on Linux only
    return rss, pss


def environment() -> dict[str, str]:
    """The venv's tools first on PATH; no terminal, so lkjip prints plain progress lines."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("LKJIP_NOTEBOOKS", None)
    return env


def children_cpu() -> float:
    """User + system seconds of this process's waited-for descendants so far (a child's own
    waited-for children are counted in it)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    command: list[str], log: Path, cwd: Path = ROOT
) -> tuple[int, float, tuple[int, int], float]:
    """Run ``command`` with its output appended to ``log``; return exit status, seconds, the
    peak RSS and PSS of its process tree (sampled by a thread; the time is taken at the child's
    exit) and the CPU seconds of the tree."""
    cpu_before = children_cpu()
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, env=environment(), stdout=out, stderr=subprocess.STDOUT
        )
        watched, peak, done = psutil.Process(child.pid), [0, 0], threading.Event()

        def sample() -> None:
            while not done.is_set():
                rss, pss = tree_memory(watched)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
                done.wait(SAMPLE_INTERVAL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = child.wait()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        return code, seconds, (peak[0], peak[1]), children_cpu() - cpu_before


def measure(phase: Phase, command: list[str], log: Path) -> Phase:
    phase.code, phase.seconds, (rss, pss), phase.cpu = run(command, log)
    phase.peak_mb, phase.peak_pss_mb = rss / 2**20, pss / 2**20
    print(
        f"  {phase.key}) {phase.name}: {phase.seconds:.1f} s, CPU {phase.cpu:.1f} s, "
        f"{phase.peak_mb:.0f} MB RSS, {phase.peak_pss_mb:.0f} MB PSS",
        flush=True,
    )
    return phase


def last_summary(log: Path) -> str:
    """The last ``Ringkasan: …`` line lkjip build printed (counts per status)."""
    lines = [ln for ln in log.read_text(encoding="utf-8").splitlines() if ln.startswith("Ringkas")]
    return lines[-1].split(". Status:")[0] if lines else "(tidak ada ringkasan)"


# --- children ----------------------------------------------------------------------------------
def naive_child(config: Path, out: Path, formats: str) -> int:
    """(a) One papermill process per notebook per kecamatan, then the assembly of each."""
    from lkjip.config import load_config
    from lkjip.report.assemble import assemble, read_chapter
    from lkjip.report.build import report_name
    from lkjip.report.execute import NOTEBOOKS as NAMES
    from lkjip.report.outline import CHAPTERS
    from lkjip.report.render import render_embedded

    city = load_config(config)
    for index, entry in enumerate(city.kecamatan, 1):
        executed = out / entry.slug / "notebooks"
        executed.mkdir(parents=True, exist_ok=True)
        for name in NAMES:
            command = [str(BIN / "papermill"), f"{name}.ipynb", str(executed / f"{name}.ipynb")]
            command += ["-p", "config", str(config), "-p", "kecamatan", entry.slug]
            command += ["-p", "city_summary", "", "--no-progress-bar"]
            if subprocess.run(command, cwd=NOTEBOOKS).returncode != 0:
                print(f"papermill gagal: {entry.slug}/{name}", file=sys.stderr)
                return 1
        chapters = [read_chapter(executed / f"{c.notebook}.ipynb", c) for c in CHAPTERS]
        title = f"{city.label.judul} Kecamatan {entry.nama} Tahun {city.tahun}"
        name = report_name(city, entry.nama)
        targets = {fmt: out / entry.slug / f"{name}.{fmt}" for fmt in formats.split(",")}
        render_embedded(assemble(chapters, {"judul-dokumen": title}), targets)
        print(f"naif {index}/{len(city.kecamatan)}: {entry.slug}", flush=True)
    return 0


def floor_child(executed_root: Path, build_args: list[str]) -> int:
    """(d) ``lkjip build`` whose notebook execution copies the notebooks (b) executed."""
    from lkjip.cli import main
    from lkjip.config import load_config
    from lkjip.report import build
    from lkjip.report.execute import Executed

    def copy_executed(name: str, output: Path, parameters: dict[str, object]) -> Executed:
        city = load_config(Path(str(parameters["config"])))
        source = executed_root / city.slug / str(city.tahun) / str(parameters["kecamatan"])
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / "notebooks" / f"{name}.ipynb", output)
        return Executed(name, output)

    build.execute_notebook = copy_executed  # inherited by the forked workers
    sys.argv = ["lkjip", *build_args]
    main()
    return 0


# --- report ------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def ratio_lines(phases: dict[str, Phase], count: int) -> list[str]:
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
            f"b/d (build / tanpa eksekusi){value:8.2f} x   target <= {TARGET_FLOOR} x "
            f"{verdict(value <= TARGET_FLOOR)}"
        )
    if b:
        value = b.cpu / count
        lines.append(
            f"CPU (b) per laporan         {value:8.2f} s   target <= {TARGET_CPU:.1f} s    "
            f"{verdict(value <= TARGET_CPU)}"
        )
    if d:
        lines.append(f"CPU (d) per laporan         {d.cpu / count:8.2f} s")
    return lines


def print_report(phases: dict[str, Phase], args: argparse.Namespace) -> None:
    print()
    print(
        f"N = {args.kecamatan} kecamatan, -j {args.jobs}, format {args.formats}, "
        f"seed {args.seed}, {os.cpu_count()} inti"
    )
    header = f"{'phase':<46} {'seconds':>9} {'s/kec':>7} {'CPU s':>8} {'CPU/kec':>8}"
    print(f"{header} {'RSS MB':>8} {'PSS MB':>8}")
    for phase in phases.values():
        per = phase.seconds / args.kecamatan
        label = f"({phase.key}) {phase.name}"
        print(
            f"{label:<46} {phase.seconds:9.1f} {per:7.2f} {phase.cpu:8.1f} "
            f"{phase.cpu / args.kecamatan:8.2f} {phase.peak_mb:8.0f} "
            f"{phase.peak_pss_mb:8.0f}  {phase.note}"
        )
    print("(CPU: user + system of the phase's process tree; peak memory of the tree: sum of")
    print(" RSS, and of PSS)")
    print()
    for line in ratio_lines(phases, args.kecamatan):
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
    code, _seconds, _peak, _cpu = run([*sample, "--seed", str(args.seed)], log)
    if code != 0:
        print(f"lkjip sample gagal (lihat {log})", file=sys.stderr)
        return 1
    config = work / "params" / f"{CITY}.yaml"
    out_a, out_b, out_d = work / "naif", work / "build", work / "rakit"
    for folder in (out_a, out_b, out_d):
        shutil.rmtree(folder, ignore_errors=True)
    python, script = str(BIN / "python"), str(Path(__file__).resolve())
    build_args = ["build", str(config), "-j", str(args.jobs), "--format", args.formats]

    phases: dict[str, Phase] = {}
    if not args.skip_naive:
        naive = [python, script, "_naive", str(config), str(out_a), args.formats]
        phases["a"] = measure(Phase("a", "naive: papermill per notebook + rakit"), naive, log)
    lkjip = [str(BIN / "lkjip"), *build_args, "--output", str(out_b)]
    phases["b"] = measure(Phase("b", f"lkjip build -j {args.jobs}"), lkjip, log)
    phases["b"].note = last_summary(log)
    phases["c"] = measure(Phase("c", "lkjip build again, nothing changed"), lkjip, log)
    phases["c"].note = last_summary(log)
    floor = [python, script, "_floor", str(out_b), *build_args, "--output", str(out_d), "--force"]
    phases["d"] = measure(
        Phase("d", f"the same build without execution, -j {args.jobs}"), floor, log
    )
    phases["d"].note = last_summary(log)

    print_report(phases, args)
    failed = [p.key for p in phases.values() if p.code != 0]
    if failed:
        print(f"\nFase {', '.join(failed)} gagal; lihat {log}", file=sys.stderr)
    if not keep and not failed:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["_naive"]:
        sys.exit(naive_child(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]))
    if sys.argv[1:2] == ["_floor"]:
        sys.exit(floor_child(Path(sys.argv[2]), sys.argv[3:]))
    sys.exit(main())
