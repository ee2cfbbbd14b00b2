"""BAB I, Ringkasan Hasil Evaluasi: Matriks Tindak Lanjut Rekomendasi."""

from __future__ import annotations

from lkjip.report.bab1.evaluasi import _evaluasi_on, _tindak_lanjut_rows
from lkjip.report.bab1.helpers import _has
from lkjip.report.blocks import Block, Heading, Inline, Para, Ref
from lkjip.report.common import hitung, join_id, table
from lkjip.report.context import ReportContext

STATUS = {
    "sudah": "Sudah ditindaklanjuti",
    "proses": "Dalam proses",
    "belum": "Belum ditindaklanjuti",
}


def tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """Heading and the lead-in to the follow-up matrix, with how many are done."""
    rows = _tindak_lanjut_rows(ctx)
    if not _evaluasi_on(ctx) or not ctx.enabled("tindak-lanjut") or not rows:
        return []
    content: list[Inline] = [
        f"Atas {hitung(len(rows))} rekomendasi hasil evaluasi, Kecamatan {ctx.kecamatan} telah "
        "menyusun rencana aksi tindak lanjut sebagaimana tercantum pada ",
        Ref("tbl-bab1-tindak-lanjut"),
        ".",
    ]
    statuses = [r.get("status") for r in rows if r.get("status")]
    if statuses:
        parts = [
            f"{hitung(statuses.count(key))} {label.lower()}"
            for key, label in STATUS.items()
            if statuses.count(key)
        ]
        if len(statuses) == len(rows) and len(parts) == 1:
            which = "seluruhnya" if len(rows) > 1 else "rekomendasi tersebut"
            parts = [f"{which} {STATUS[str(statuses[0])].lower()}"]
        content.append(f" Sampai dengan penyusunan laporan ini, {join_id(parts)}.")
    return [Heading("Tindak Lanjut Hasil Evaluasi", 3), Para(content)]


def tabel_tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """The follow-up matrix with the columns that have data."""
    rows = _tindak_lanjut_rows(ctx)
    if not _evaluasi_on(ctx) or not ctx.enabled("tindak-lanjut") or not rows:
        return []
    several_years = len({r["tahun"] for r in rows}) > 1
    optional = [
        ("rencana_aksi", "Rencana Aksi"),
        ("hasil", "Hasil"),
        ("waktu", "Waktu Pelaksanaan"),
        ("penanggung_jawab", "Penanggung Jawab"),
        ("status", "Status"),
    ]
    present = [(c, h) for c, h in optional if _has(rows, c)]
    header = ["No", *(["Tahun Evaluasi"] if several_years else []), "Rekomendasi"]
    header += [h for _, h in present]
    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), *([str(row["tahun"])] if several_years else []), str(row["rekomendasi"])]
        for column, _ in present:
            text = str(row.get(column) or "")
            cells.append((STATUS.get(text, text) if column == "status" else text) or "-")
        body.append(cells)
    aligns = ["center", *(["center"] if several_years else []), *["left"] * (1 + len(present))]
    return [table(header, body, aligns=aligns, wide=len(header) > 4)]  # type: ignore[arg-type]
