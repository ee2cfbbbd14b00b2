"""BAB III, Dokumentasi Kegiatan: the photos and their lead-in."""

from __future__ import annotations

from pathlib import Path

from lkjip.formatting import bilangan_terbilang
from lkjip.loader import Row
from lkjip.report.blocks import Block, Heading, Inline, Para, Ref
from lkjip.report.context import ReportContext
from lkjip.report.photos import Photo, photo_png
from lkjip.validate_sheets import photo_folder, photo_too_large


# --- dokumentasi --------------------------------------------------------------------------------
def _photo_rows(ctx: ReportContext) -> list[Row]:
    """The dokumentasi rows whose photo can be printed (validation reports the others)."""
    if not ctx.enabled("dokumentasi"):
        return []
    folder = photo_folder(ctx.data.path)
    return [
        r
        for r in ctx.data.table("dokumentasi")
        if r.get("file") and r.get("keterangan") and _printable(folder / str(r["file"]).strip())
    ]


def _printable(path: Path) -> bool:
    """The photo exists and is not too large to decode (validation warns about the others)."""
    return path.is_file() and not photo_too_large(path)


def foto_dokumentasi(ctx: ReportContext) -> list[Photo]:
    """The photos of ``dokumentasi`` (files in ``foto/``), scaled down, each captioned with its
    keterangan and labelled ``fig-bab3-foto-N``."""
    folder = photo_folder(ctx.data.path)
    return [
        Photo(
            photo_png(folder / str(row["file"]).strip()),
            str(row["keterangan"]),
            f"fig-bab3-foto-{n}",
        )
        for n, row in enumerate(_photo_rows(ctx), start=1)
    ]


def dokumentasi(ctx: ReportContext) -> list[Block]:
    """ "Dokumentasi Kegiatan" (part ``dokumentasi``): heading and the sentence pointing to the
    photos (:func:`foto_dokumentasi`), which follow as numbered figures."""
    rows = _photo_rows(ctx)
    if not rows:
        return []
    content: list[Inline] = [
        f"Dokumentasi {bilangan_terbilang(len(rows))} kegiatan Kecamatan {ctx.kecamatan} Tahun "
        f"{ctx.tahun} disajikan pada ",
        Ref("fig-bab3-foto-1"),
    ]
    if len(rows) > 1:
        content += [" sampai ", Ref(f"fig-bab3-foto-{len(rows)}")]
    return [Heading("Dokumentasi Kegiatan", level=2), Para([*content, "."])]
