"""BAB I, Ringkasan Hasil Evaluasi: the heading, AKIP and its recommendations."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka, angka_bertanda, bulatkan, persen
from lkjip.metrics.evaluasi import AkipResult
from lkjip.report.bab1.evaluasi import _evaluasi_on, _sumber, change_phrase
from lkjip.report.bab1.helpers import _narrative_if_present, _ratio
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref
from lkjip.report.common import band_text, table, value
from lkjip.report.context import ReportContext


def _akip_years(ctx: ReportContext) -> list[AkipResult]:
    """The AKIP results shown side by side: up to the three latest years up to the report year."""
    if ctx.akip is None:
        return []
    years = [y for y in sorted(ctx.akip_history) if y <= ctx.tahun][-3:]
    return [ctx.akip_history[y] for y in years]


def evaluasi(ctx: ReportContext) -> list[Block]:
    """Heading of the section and the AKIP sentence (score, predicate, source, change)."""
    if not _evaluasi_on(ctx):
        return []
    blocks: list[Block] = [Heading("Ringkasan Hasil Evaluasi", 2)]
    akip = ctx.akip
    if akip is None or akip.nilai is None:
        return blocks
    kec = ctx.kecamatan
    content: list[Inline] = [
        f"Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Kecamatan {kec} Tahun "
        f"{ctx.tahun} adalah {angka(akip.nilai)} dengan predikat {band_text(akip.predikat)}."
    ]
    if sumber := _sumber(ctx, "akip"):
        content.append(f" Nilai tersebut bersumber dari {sumber}.")
    previous = ctx.akip_history.get(ctx.tahun - 1)
    if previous is not None and previous.nilai is not None:
        delta = akip.nilai - previous.nilai
        change = change_phrase(delta)
        content.append(
            f" Dibandingkan nilai Tahun {ctx.tahun - 1} sebesar {angka(previous.nilai)} dengan "
            f"predikat {band_text(previous.predikat)}, nilai AKIP Tahun {ctx.tahun} {change}."
        )
    content += [" Nilai per komponen disajikan pada ", Ref("tbl-bab1-akip"), "."]
    return [*blocks, Heading("Evaluasi Akuntabilitas Kinerja", 3), Para(content)]


def _akip_columns(result: AkipResult) -> list[str]:
    columns = ["bobot"]
    if any(c.nilai_lke is not None for c in result.komponen):
        columns.append("lke")
    if any(c.nilai_lapangan is not None for c in result.komponen):
        columns.append("lapangan")
    return [*columns, "nilai", "persen"]


AKIP_HEAD = {
    "bobot": "Bobot",
    "lke": "Nilai LKE",
    "lapangan": "Evaluasi Lapangan",
    "nilai": "Nilai",
    "persen": "Capaian thd Bobot",
}


def _akip_cells(result: AkipResult, columns: list[str], komponen: str) -> list[str]:
    found = next((c for c in result.komponen if c.komponen == komponen), None)
    if found is None:
        return ["-"] * len(columns)
    values = {
        "bobot": value(found.bobot),
        "lke": angka(found.nilai_lke),
        "lapangan": angka(found.nilai_lapangan),
        "nilai": angka(found.nilai),
        "persen": persen(found.persen),
    }
    return [values[c] for c in columns]


def _akip_total(result: AkipResult, columns: list[str]) -> list[str]:
    bobot = sum((c.bobot for c in result.komponen), Decimal(0))
    lke = [c.nilai_lke for c in result.komponen]
    lapangan = [c.nilai_lapangan for c in result.komponen]
    values = {
        "bobot": value(bobot),
        "lke": angka(sum(lke, Decimal(0))) if None not in lke else "",  # type: ignore[arg-type]
        "lapangan": angka(sum(lapangan, Decimal(0))) if None not in lapangan else "",  # type: ignore[arg-type]
        "nilai": angka(result.nilai),
        "persen": persen(_ratio(result.nilai, bobot)),
    }
    return [values[c] for c in columns]


def tabel_akip(ctx: ReportContext) -> list[Block]:
    """AKIP components (one year, or the latest years side by side with the change)."""
    if not _evaluasi_on(ctx):
        return []
    years = _akip_years(ctx)
    if not years:
        return []
    names: list[str] = []
    for result in reversed(years):
        names += [c.komponen for c in result.komponen if c.komponen not in names]
    columns = [_akip_columns(r) for r in years]
    source = _sumber(ctx, "akip")
    if len(years) == 1:
        result, cols = years[0], columns[0]
        header = ["No", "Komponen", *(AKIP_HEAD[c] for c in cols)]
        body = [[str(n), name, *_akip_cells(result, cols, name)] for n, name in enumerate(names, 1)]
        foot = [
            [Cell("Jumlah", colspan=2), *_akip_total(result, cols)],
            [Cell("Predikat", colspan=2), Cell(band_text(result.predikat), colspan=len(cols))],
        ]
        return [
            table(
                header,
                body,
                aligns=["center", "left", *["right"] * len(cols)],
                foot=foot,
                source=source,
            )
        ]
    first, last = years[-2].tahun, years[-1].tahun
    top: list[str | Cell] = [Cell("No", rowspan=2), Cell("Komponen", rowspan=2)]
    sub: list[str | Cell] = []
    for result, cols in zip(years, columns, strict=True):
        top.append(Cell(f"Tahun {result.tahun}", colspan=len(cols), align="center"))
        sub += [AKIP_HEAD[c] for c in cols]
    top.append(Cell(f"Perubahan Nilai {first}–{last}", rowspan=2))

    def change(a: Decimal | None, b: Decimal | None) -> str:
        if a is None or b is None:
            return "-"
        return angka_bertanda(bulatkan(b - a))

    def nilai(result: AkipResult, name: str) -> Decimal | None:
        return next((c.nilai for c in result.komponen if c.komponen == name), None)

    body = []
    for n, name in enumerate(names, start=1):
        cells = [str(n), name]
        for result, cols in zip(years, columns, strict=True):
            cells += _akip_cells(result, cols, name)
        cells.append(change(nilai(years[-2], name), nilai(years[-1], name)))
        body.append(cells)
    total: list[str | Cell] = [Cell("Jumlah", colspan=2)]
    predikat: list[str | Cell] = [Cell("Predikat", colspan=2)]
    for result, cols in zip(years, columns, strict=True):
        total += _akip_total(result, cols)
        predikat.append(Cell(band_text(result.predikat), colspan=len(cols), align="center"))
    total.append(change(years[-2].nilai, years[-1].nilai))
    predikat.append("")
    width = 3 + sum(len(c) for c in columns)
    return [
        table(
            [top, sub],
            body,
            aligns=["center", "left", *["right"] * (width - 2)],  # type: ignore[list-item]
            foot=[total, predikat],
            source=source,
            wide=width > 8,
        )
    ]


def rekomendasi(ctx: ReportContext) -> list[Block]:
    """The AKIP evaluator's recommendations, when written (RB ones: :func:`rekomendasi_rb`)."""
    if not _evaluasi_on(ctx):
        return []
    return _narrative_if_present(ctx, "rekomendasi")
