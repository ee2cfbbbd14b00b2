"""``lkjip narrative …``: the narrative of an edited Word draft, back into ``narasi.md``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

narrative_app = typer.Typer(
    no_args_is_help=True, help="Narasi laporan: tarik narasi dari draf Word yang sudah disunting."
)


@narrative_app.command("pull")
def pull(
    draf: Annotated[
        Path, typer.Argument(help="Draf .docx yang sudah disunting.", metavar="DRAF.docx")
    ],
    narasi: Annotated[
        Path | None,
        typer.Option(
            "--narasi",
            help="Berkas narasi.md tujuan (bawaan: narasi.md kecamatan tempat draf dibuat).",
            metavar="BERKAS",
        ),
    ] = None,
) -> None:
    """Tulis narasi yang disunting di draf ke narasi.md (dengan cadangan berkas lama)."""
    from lkjip.report.pull import pull_narrative, title_of
    from lkjip.terminal import say as _say

    result = pull_narrative(draf, narasi)
    for warning in result.warnings:
        _say(warning, "yellow")
    if result.changed:
        backup = f" (cadangan: {result.backup})" if result.backup else ""
        _say(f"Narasi ditulis ke {result.narasi}{backup}.", "bold")
        _say(f"Bagian yang berubah ({len(result.changed)}):")
        for anchor in result.changed:
            _say(f"  - {title_of(anchor)}")
    else:
        _say(f"Tidak ada perubahan narasi; {result.narasi} tidak diubah.", "bold")
    if result.unfilled:
        _say(f"Masih belum diisi ({len(result.unfilled)}):", "yellow")
        for anchor in result.unfilled:
            _say(f"  - {title_of(anchor)}", "yellow")
    if result.missing:
        _say(
            f"Tidak ditemukan di draf, narasi.md tidak diubah untuk bagian ini "
            f"({len(result.missing)}):",
            "yellow",
        )
        for anchor in result.missing:
            _say(f"  - {title_of(anchor)}", "yellow")
    if result.edits:
        _say(
            f"PERINGATAN: {len(result.edits)} isi hasil olahan data diubah langsung di draf "
            "(perubahan ini hilang saat draf disusun ulang):",
            "red",
        )
        for edit in result.edits:
            _say(f"  - {edit.line()}", "red")
    if result.changed:
        _say("Jalankan lkjip build untuk menyusun draf baru dengan narasi ini.")
