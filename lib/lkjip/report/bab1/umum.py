"""BAB I: Latar Belakang, Tugas dan Fungsi and Isu Strategis (the city's boilerplate)."""

from __future__ import annotations

from lkjip.report.blocks import Block, Heading
from lkjip.report.context import ReportContext


# --- latar belakang, tugas dan fungsi, isu strategis ------------------------------------------
def latar_belakang(ctx: ReportContext) -> list[Block]:
    """The kecamatan's own text, else the city's shared text, else a placeholder."""
    return [ctx.narrative("latar-belakang", "latar_belakang")]


def tugas_fungsi(ctx: ReportContext) -> list[Block]:
    """Tugas dan fungsi (narrative or the city's text), and the list of services when written."""
    blocks: list[Block] = [ctx.narrative("tugas-fungsi", "tugas_fungsi")]
    if ctx.has_narrative("layanan"):
        blocks += [Heading("Layanan Kecamatan", 3), ctx.narrative("layanan")]
    return blocks


def isu_strategis(ctx: ReportContext) -> list[Block]:
    """Isu strategis (placeholder when missing), then cascading and proses bisnis when written."""
    blocks: list[Block] = [ctx.narrative("isu-strategis")]
    for anchor, title in (("cascading", "Cascading Kinerja"), ("proses-bisnis", "Proses Bisnis")):
        if ctx.has_narrative(anchor):
            blocks += [Heading(title, 3), ctx.narrative(anchor)]
    return blocks
