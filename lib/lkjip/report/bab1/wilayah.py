"""BAB I, Gambaran Umum: the kecamatan's desa/kelurahan, population and borders."""

from __future__ import annotations

from collections.abc import Sequence

from lkjip.formatting import angka
from lkjip.loader import Row
from lkjip.report.bab1.helpers import _has, _narrative_if_present, _sum, _with_refs
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para
from lkjip.report.common import hitung, join_id, table, value
from lkjip.report.context import ReportContext

ARAH = ("utara", "timur", "selatan", "barat")


# --- gambaran umum ----------------------------------------------------------------------------
def _wilayah_rows(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("wilayah") if r.get("nama")]


def _batas_rows(ctx: ReportContext) -> list[Row]:
    rows = [r for r in ctx.data.table("batas_wilayah") if r.get("arah")]
    order = {a: n for n, a in enumerate(ARAH)}
    return sorted(rows, key=lambda r: order.get(str(r["arah"]).lower(), len(ARAH)))


def _jenis_wilayah(rows: Sequence[Row]) -> tuple[str, str]:
    """Column words for the units: (name header, head-of-unit header)."""
    kinds = {str(r.get("jenis") or "").lower() for r in rows}
    if kinds == {"desa"}:
        return "Desa", "Kepala Desa"
    if kinds == {"kelurahan"}:
        return "Kelurahan", "Lurah"
    return "Desa/Kelurahan", "Kepala Desa/Lurah"


def _jumlah_unit_text(ctx: ReportContext, rows: Sequence[Row]) -> str | None:
    if rows:
        desa = sum(1 for r in rows if str(r.get("jenis") or "").lower() == "desa")
        kelurahan = sum(1 for r in rows if str(r.get("jenis") or "").lower() == "kelurahan")
    else:
        desa = int(ctx.data.profil.get("jumlah_desa") or 0)  # type: ignore[call-overload]
        kelurahan = int(ctx.data.profil.get("jumlah_kelurahan") or 0)  # type: ignore[call-overload]
    parts = [f"{hitung(n)} {kata}" for n, kata in ((desa, "desa"), (kelurahan, "kelurahan")) if n]
    return join_id(parts) or None


def tabel_wilayah(ctx: ReportContext) -> list[Block]:
    """Desa/kelurahan with the columns that have data, and a Jumlah row."""
    rows = _wilayah_rows(ctx)
    if not ctx.enabled("wilayah") or not rows:
        return []
    nama_head, kepala_head = _jenis_wilayah(rows)
    has_kepala = _has(rows, "kepala")
    has_luas = _has(rows, "luas_km2")
    has_l, has_p = _has(rows, "penduduk_l"), _has(rows, "penduduk_p")
    has_rw, has_rt = _has(rows, "jumlah_rw"), _has(rows, "jumlah_rt")

    top: list[str | Cell] = [Cell("No", rowspan=2), Cell(nama_head, rowspan=2)]
    sub: list[str | Cell] = []
    aligns: list = ["center", "left"]
    if has_kepala:
        top.append(Cell(kepala_head, rowspan=2))
        aligns.append("left")
    if has_luas:
        top.append(Cell("Luas (km²)", rowspan=2))
        aligns.append("right")
    penduduk = [("L", "Laki-laki", has_l), ("P", "Perempuan", has_p)]
    pop_cols = [label for _, label, ok in penduduk if ok]
    both = has_l and has_p
    if pop_cols:
        cols = [*pop_cols, "Jumlah"] if both else pop_cols
        top.append(Cell("Penduduk (jiwa)", colspan=len(cols), align="center"))
        sub += cols
        aligns += ["right"] * len(cols)
    for ok, label in ((has_rw, "RW"), (has_rt, "RT")):
        if ok:
            top.append(Cell(label, rowspan=2))
            aligns.append("right")

    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), str(row["nama"])]
        if has_kepala:
            cells.append(str(row.get("kepala") or "-"))
        if has_luas:
            cells.append(angka(row.get("luas_km2")))  # type: ignore[arg-type]
        if has_l:
            cells.append(angka(row.get("penduduk_l"), 0))  # type: ignore[arg-type]
        if has_p:
            cells.append(angka(row.get("penduduk_p"), 0))  # type: ignore[arg-type]
        if both:
            pair = (row.get("penduduk_l"), row.get("penduduk_p"))
            cells.append("-" if None in pair else angka(pair[0] + pair[1], 0))  # type: ignore[operator]
        for ok, column in ((has_rw, "jumlah_rw"), (has_rt, "jumlah_rt")):
            if ok:
                cells.append(angka(row.get(column), 0))  # type: ignore[arg-type]
        body.append(cells)

    foot: list[str | Cell] = [Cell("Jumlah", colspan=3 if has_kepala else 2)]
    if has_luas:
        foot.append(angka(_sum(rows, "luas_km2")))
    if has_l:
        foot.append(angka(_sum(rows, "penduduk_l"), 0))
    if has_p:
        foot.append(angka(_sum(rows, "penduduk_p"), 0))
    if both:
        complete = [
            r for r in rows if r.get("penduduk_l") is not None and r.get("penduduk_p") is not None
        ]
        foot.append(angka(_sum(complete, "penduduk_l") + _sum(complete, "penduduk_p"), 0))
    for ok, column in ((has_rw, "jumlah_rw"), (has_rt, "jumlah_rt")):
        if ok:
            foot.append(angka(_sum(rows, column), 0))
    if not sub:  # one header row: nothing spans two rows
        for cell in top:
            if isinstance(cell, Cell):
                cell.rowspan = 1
    header = [top, sub] if sub else top
    return [
        table(
            header,  # type: ignore[arg-type]
            body,
            aligns=aligns,
            foot=[foot] if len(foot) > 1 else [],  # no "Jumlah" row with nothing to add up
            source=f"Data Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}",
            wide=len(aligns) > 7,
        )
    ]


def tabel_batas(ctx: ReportContext) -> list[Block]:
    """The kecamatan's borders by direction."""
    rows = _batas_rows(ctx)
    if not ctx.enabled("wilayah") or not rows:
        return []
    body = [[f"Sebelah {str(r['arah']).capitalize()}", str(r["berbatasan_dengan"])] for r in rows]
    return [table(["Arah", "Berbatasan dengan"], body, aligns=["left", "left"])]


def _population(
    ctx: ReportContext, rows: Sequence[Row]
) -> tuple[int | None, int | None, int | None]:
    """(total, laki-laki, perempuan) from the desa/kelurahan rows, else from the profile: its
    men and women of the whole kecamatan (``jumlah_penduduk_l``/``_p``), its total."""
    if rows and all(
        r.get("penduduk_l") is not None and r.get("penduduk_p") is not None for r in rows
    ):
        men, women = int(_sum(rows, "penduduk_l")), int(_sum(rows, "penduduk_p"))
        return men + women, men, women
    profil = ctx.data.profil
    men, women = profil.get("jumlah_penduduk_l"), profil.get("jumlah_penduduk_p")
    if isinstance(men, int) and isinstance(women, int):
        return men + women, men, women
    total = profil.get("jumlah_penduduk")
    return (total, None, None) if isinstance(total, int) else (None, None, None)


def gambaran_umum(ctx: ReportContext) -> list[Block]:
    """Heading, the kecamatan's narrative when written, and sentences on area and population."""
    if not ctx.enabled("wilayah"):
        return []
    rows = _wilayah_rows(ctx)
    kec = ctx.kecamatan
    profil = ctx.data.profil
    luas = profil.get("luas_km2")
    if luas is None and rows and all(r.get("luas_km2") is not None for r in rows):
        luas = _sum(rows, "luas_km2")
    facts = []
    if luas is not None:
        facts.append(f"memiliki luas wilayah {angka(luas)} km²")  # type: ignore[arg-type]
    if profil.get("ketinggian_mdpl") is not None:
        facts.append(
            f"berada pada ketinggian rata-rata {value(profil['ketinggian_mdpl'])} meter di atas "  # type: ignore[arg-type]
            "permukaan laut"
        )
    if units := _jumlah_unit_text(ctx, rows):
        facts.append(f"terdiri atas {units}")
    content: list[Inline] = []
    if facts:
        content.append(f"Kecamatan {kec} {join_id(facts)}.")
    total, men, women = _population(ctx, rows)
    if total is not None:
        text = f" Jumlah penduduk Kecamatan {kec} Tahun {ctx.tahun} adalah {angka(total, 0)} jiwa"
        if men is not None and women is not None:
            text += f", terdiri atas {angka(men, 0)} laki-laki dan {angka(women, 0)} perempuan"
        content.append(text + ".")
    refs = []
    if tabel_wilayah(ctx):
        nama_head, _ = _jenis_wilayah(rows)
        refs.append((f"rincian {nama_head.lower()}", "tbl-bab1-wilayah"))
    if tabel_batas(ctx):
        refs.append(("batas wilayah kecamatan", "tbl-bab1-batas"))
    content = _with_refs(content, refs)
    narrative = _narrative_if_present(ctx, "gambaran-umum")
    if not narrative and not content:
        return []
    blocks: list[Block] = [Heading("Gambaran Umum", 2), *narrative]
    if content:
        blocks.append(Para(content))
    return blocks
