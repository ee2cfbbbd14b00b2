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


# --- the summary at the end of a batch -----------------------------------------------------------
LONG_SLUG = "kecamatan-dengan-nama-yang-sangat-panjang-sekali"


def _city(tmp_path):
    from lkjip.batch.model import CityBatch, KecamatanRow

    built = KecamatanRow(
        slug=LONG_SLUG,
        nama="Dengan Nama Yang Sangat Panjang Sekali",
        status="berhasil",
        seconds=6.4,
        docx=f"{LONG_SLUG}/LKjIP_Panjang_2024.docx",
    )
    skipped = KecamatanRow(
        slug="perak", nama="Perak", status="dilewati", docx="perak/LKjIP_Perak_2024.docx"
    )
    failed = KecamatanRow(slug="gagal", nama="Gagal", status="gagal", reason="kernel mati " * 30)
    folder = tmp_path / "outputs" / "kota-contoh" / "2024"
    return CityBatch("kota-contoh", "Kota Contoh", 2024, "LKjIP", folder, [built, skipped, failed])


def test_the_summary_says_where_the_drafts_are_and_why_one_was_skipped(
    tmp_path, capsys, monkeypatch
):
    from lkjip import cli

    city = _city(tmp_path)
    monkeypatch.setattr(cli.out, "width", 160)
    cli._print_batch([city])
    printed = capsys.readouterr().out
    folder = city.folder
    assert f"kota-contoh/{LONG_SLUG}" in printed  # whole, though the reason beside it is long
    skipped_line = next(line for line in printed.splitlines() if "kota-contoh/perak" in line)
    assert "dilewati" in skipped_line and "tidak berubah" in skipped_line
    assert f"  draf: {folder / LONG_SLUG / 'LKjIP_Panjang_2024.docx'}" in printed
    assert f"  draf: {folder / 'perak' / 'LKjIP_Perak_2024.docx'}" in printed
    assert f"  status: {folder / 'index.html'}" in printed
    assert f"  rekap: {folder / 'rekap.xlsx'}, {folder / 'Rekap_LKjIP_kota-contoh_2024.docx'}" in (
        printed
    )


def test_a_city_of_many_drafts_names_their_folder(tmp_path):
    from lkjip.batch.display import batch_summary_lines
    from lkjip.batch.model import KecamatanRow

    city = _city(tmp_path)
    city.rows = [
        KecamatanRow(slug=f"k{i}", nama=f"K{i}", status="berhasil", docx=f"k{i}/L.docx")
        for i in range(40)
    ]
    lines = batch_summary_lines([city])
    assert f"  draf: 40 berkas DOCX di {city.folder}/<kecamatan>/" in lines
