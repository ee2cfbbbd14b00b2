"""What `lkjip build` shows while a batch runs, on a terminal and in a log."""

from __future__ import annotations

import io

from rich.console import Console

from lkjip.batch.display import LiveDisplay, batch_display


def _run(console: Console, count: int) -> list[str]:
    """Phase 1 and 2 of a batch of ``count`` kecamatan; the live lines left at the end."""
    with batch_display(console) as display:
        assert isinstance(display, LiveDisplay)
        display.phase("Tahap 1: memeriksa data", count)
        for index in range(count):
            display.event(f"kota/k{index}", "diperiksa")
        display.phase("Tahap 2: menyusun laporan (2 proses)", count)
        for index in range(count):
            display.event(f"kota/k{index}", "menjalankan 03-akuntabilitas")
            if index == 7:
                live = [task.description for task in display.bar.tasks]
                assert live[-1] == "  kota/k7: menjalankan 03-akuntabilitas"
            reason = "data belum valid\nbaris 3" if index == 5 else ""
            display.done(f"kota/k{index}", "gagal" if reason else "berhasil", 1.25, reason)
        return [task.description for task in display.bar.tasks]


def test_a_terminal_keeps_one_live_line_per_kecamatan_in_progress():
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    live = _run(console, 300)
    assert live == [
        "Tahap 1: memeriksa data: 300/300 kecamatan",
        "Tahap 2: menyusun laporan (2 proses): 300/300 kecamatan",
    ]
    printed = console.file.getvalue()
    assert "kota/k299: berhasil (1,3 dtk)" in printed
    assert "kota/k5: gagal (1,3 dtk) — data belum valid" in printed


def test_a_log_gets_plain_lines_without_phase_one_noise():
    console = Console(file=io.StringIO(), force_terminal=False, width=100)
    with batch_display(console) as display:
        display.phase("Tahap 1: memeriksa data", 2)
        display.event("kota/a", "diperiksa")
        display.phase("Tahap 2: menyusun laporan (2 proses)", 1)
        display.event("kota/a", "menjalankan 00-pembuka")
        display.done("kota/a", "berhasil", 2.0)
    lines = console.file.getvalue().splitlines()
    assert lines == [
        "Tahap 1: memeriksa data: 2 kecamatan",
        "Tahap 2: menyusun laporan (2 proses): 1 kecamatan",
        "kota/a: menjalankan 00-pembuka",
        "kota/a: berhasil (2,0 dtk)",
    ]
