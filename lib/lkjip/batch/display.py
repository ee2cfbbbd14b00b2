"""What ``lkjip build`` shows while a batch runs.

On a terminal: one line per phase with its count, and a live line for each kecamatan being built
(at most one per worker), which turns into a printed line when its report is stored; so a city of
hundreds of kecamatan never overflows the screen. Without a terminal (CI, logs): plain lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from lkjip.formatting import detik

CHECKED = "diperiksa"  # the stage message of phase 1 (see lkjip.batch.runner.run_batch)
SKIPPED_STATUS = "dilewati"
UNCHANGED = "tidak berubah sejak penyusunan terakhir"
DRAFTS_LISTED = 5  # a city with more drafts than this names their folder, not each file
QUIET = {CHECKED, "dikirim ke klaster"}  # stages counted by the phase line, not shown per row


def done_line(label: str, status: str, seconds: float, reason: str) -> str:
    line = f"{label}: {status}"
    if seconds:
        line += f" ({detik(seconds)} dtk)"
    if reason:
        line += f" — {reason.splitlines()[0]}"
    return line


def skip_reason(status: str) -> str:
    """Why a kecamatan without a reason of its own was not built: it did not change."""
    return UNCHANGED if status == SKIPPED_STATUS else ""


def batch_summary_lines(cities: Iterable) -> list[str]:  # type: ignore[type-arg]
    """The end of a batch: the counts, then per city where its drafts, its status page and its
    recap are."""
    cities = list(cities)
    counts = Counter(row.status for city in cities for row in city.rows)
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    lines = [f"Ringkasan: {sum(counts.values())} kecamatan: {parts}."]
    for city in cities:
        folder = Path(city.folder)
        drafts = [folder / row.docx for row in city.rows if getattr(row, "docx", "")]
        lines.append(f"{getattr(city, 'nama', city.slug)} {getattr(city, 'tahun', '')}:".strip())
        if not drafts:
            lines.append("  draf: belum ada")
        elif len(drafts) <= DRAFTS_LISTED:
            lines += [f"  draf: {path}" for path in drafts]
        else:
            lines.append(f"  draf: {len(drafts)} berkas DOCX di {folder}/<kecamatan>/")
        lines.append(f"  status: {folder / 'index.html'}")
        recap = [getattr(city, "recap_xlsx", None), getattr(city, "recap_docx", None)]
        if all(recap):
            lines.append("  rekap: " + ", ".join(str(p) for p in recap))
    return lines


class PlainDisplay:
    """Lines for a log: phases, every stage of every kecamatan, every stored report."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def _say(self, text: str, style: str | None = None) -> None:
        self.console.print(text, style=style, markup=False, highlight=False)

    def phase(self, what: str, count: int) -> None:
        self._say(f"{what}: {count} kecamatan")

    def event(self, label: str, message: str) -> None:
        if message != CHECKED:
            self._say(f"{label}: {message}", "dim")

    def done(self, label: str, status: str, seconds: float = 0.0, reason: str = "") -> None:
        self._say(done_line(label, status, seconds, reason))


class LiveDisplay(PlainDisplay):
    """Rich live lines: the current phase with its count, and the kecamatan in progress."""

    def __init__(self, console: Console, bar: Progress) -> None:
        super().__init__(console)
        self.bar = bar
        self.rows: dict[str, TaskID] = {}
        self.current: TaskID | None = None
        self.what, self.count, self.finished = "", 0, 0

    def _show_phase(self) -> None:
        if self.current is not None:
            description = f"{self.what}: {self.finished}/{self.count} kecamatan"
            self.bar.update(self.current, description=description)

    def phase(self, what: str, count: int) -> None:
        self.finish()
        self.what, self.count, self.finished = what, count, 0
        self.current = self.bar.add_task(what, total=None)
        self._show_phase()

    def finish(self) -> None:
        """The last phase stops spinning."""
        if self.current is not None:
            self.bar.update(self.current, total=1, completed=1)

    def event(self, label: str, message: str) -> None:
        if message == CHECKED:
            self.finished += 1
            self._show_phase()
            return
        if message in QUIET:
            return
        if label not in self.rows:
            self.rows[label] = self.bar.add_task(label, total=None)
        self.bar.update(self.rows[label], description=f"  {label}: {message}")

    def done(self, label: str, status: str, seconds: float = 0.0, reason: str = "") -> None:
        if label in self.rows:
            self.bar.remove_task(self.rows.pop(label))
        self.finished += 1
        self._show_phase()
        self._say(done_line(label, status, seconds, reason))  # printed above the live lines


@contextmanager
def batch_display(console: Console) -> Iterator[PlainDisplay]:
    """A live display on a terminal, plain lines otherwise."""
    if not console.is_terminal:
        yield PlainDisplay(console)
        return
    # Descriptions carry user text (kecamatan labels): shown as written, never as markup.
    columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn())
    with Progress(*columns, console=console) as bar:
        display = LiveDisplay(console, bar)
        try:
            yield display
        finally:
            display.finish()
