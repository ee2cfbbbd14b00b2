"""BAB I, Sarana dan Prasarana kantor."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka, persen
from lkjip.loader import Row
from lkjip.report.bab1.helpers import _has, _ratio, _sum
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref
from lkjip.report.common import hitung, table
from lkjip.report.context import ReportContext

KONDISI = {"baik": "Baik", "rusak_ringan": "Rusak Ringan", "rusak_berat": "Rusak Berat"}


# --- sarana dan prasarana ---------------------------------------------------------------------
def _sarpras(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("sarpras") if r.get("jenis")]


def _sarpras_on(ctx: ReportContext) -> bool:
    return ctx.enabled("sarpras") and bool(_sarpras(ctx))


def _sarpras_totals(rows: list[Row]) -> tuple[int, int, int, Decimal | None]:
    """(Σ jumlah, Σ jumlah of rows with a standard, Σ standard, pemenuhan %)."""
    standard_rows = [r for r in rows if r.get("standar_kebutuhan") is not None]
    jumlah = int(_sum(rows, "jumlah"))
    compared = int(_sum(standard_rows, "jumlah"))
    standar = int(_sum(standard_rows, "standar_kebutuhan"))
    return jumlah, compared, standar, _ratio(compared, standar)


def tabel_sarpras(ctx: ReportContext) -> list[Block]:
    """Assets with their standard need and the share of it that is met, with totals."""
    rows = _sarpras(ctx)
    if not _sarpras_on(ctx):
        return []
    has_satuan, has_kondisi = _has(rows, "satuan"), _has(rows, "kondisi")
    has_standar = _has(rows, "standar_kebutuhan")
    header = ["No", "Jenis Sarana/Prasarana", "Jumlah"]
    aligns = ["center", "left", "right"]
    if has_satuan:
        header.append("Satuan")
        aligns.append("left")
    if has_kondisi:
        header.append("Kondisi")
        aligns.append("left")
    if has_standar:
        header += ["Standar Kebutuhan", "Tingkat Pemenuhan"]
        aligns += ["right", "right"]
    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), str(row["jenis"]), angka(row.get("jumlah"), 0)]  # type: ignore[arg-type]
        if has_satuan:
            cells.append(str(row.get("satuan") or "-"))
        if has_kondisi:
            kondisi = str(row.get("kondisi") or "")
            cells.append(KONDISI.get(kondisi, kondisi) or "-")
        if has_standar:
            standar = row.get("standar_kebutuhan")
            cells += [angka(standar, 0), persen(_ratio(row.get("jumlah"), standar))]  # type: ignore[arg-type]
        body.append(cells)
    jumlah, _, standar, pemenuhan = _sarpras_totals(rows)
    foot: list[str | Cell] = [Cell("Jumlah", colspan=2), angka(jumlah, 0)]
    foot += [""] * (int(has_satuan) + int(has_kondisi))
    if has_standar:
        foot += [angka(standar, 0), persen(pemenuhan)]
    return [
        table(
            header,
            body,
            aligns=aligns,  # type: ignore[arg-type]
            foot=[foot],
            source=f"Hasil Rekonsiliasi BMD Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}",
        )
    ]


def sarpras(ctx: ReportContext) -> list[Block]:
    """Heading and the sentence on the totals against the standard need."""
    if not _sarpras_on(ctx):
        return []
    rows = _sarpras(ctx)
    jumlah, compared, standar, pemenuhan = _sarpras_totals(rows)
    kec = ctx.kecamatan
    text = (
        f"Berdasarkan hasil rekonsiliasi Barang Milik Daerah (BMD) Tahun {ctx.tahun}, Kecamatan "
        f"{kec} memiliki {angka(jumlah, 0)} sarana dan prasarana dari "
        f"{hitung(len(rows))} jenis"
    )
    if standar:
        text += (
            f", sedangkan standar kebutuhannya adalah {angka(standar, 0)}, sehingga tingkat "
            f"pemenuhannya {persen(pemenuhan)}"
        )
        if compared != jumlah:
            text += " (dihitung atas jenis yang memiliki standar kebutuhan)"
        short = [
            r
            for r in rows
            if r.get("standar_kebutuhan") is not None
            and (r.get("jumlah") or 0) < r["standar_kebutuhan"]  # type: ignore[operator]
        ]
        text += "."
        if short:
            text += (
                f" Sebanyak {hitung(len(short))} jenis sarana dan prasarana masih di bawah "
                "standar kebutuhan."
            )
        else:
            text += " Seluruh jenis sarana dan prasarana telah memenuhi standar kebutuhan."
    else:
        text += "."
    content: list[Inline] = [text, " Rinciannya disajikan pada ", Ref("tbl-bab1-sarpras"), "."]
    return [Heading("Sarana dan Prasarana", 2), Para(content)]
