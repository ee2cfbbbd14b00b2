"""BAB I, Ringkasan Hasil Evaluasi: Indeks Pelayanan Publik."""

from __future__ import annotations

from lkjip.formatting import angka
from lkjip.report.bab1.evaluasi import PART_IPP, _evaluasi_on, _sumber, change_phrase, ipp_value
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref
from lkjip.report.common import band_text, table, value
from lkjip.report.context import ReportContext
from lkjip.rules import classify


def _ipp_on(ctx: ReportContext) -> bool:
    return _evaluasi_on(ctx) and ctx.enabled(PART_IPP)


def evaluasi_ipp(ctx: ReportContext) -> list[Block]:
    """The IPP sentence: index, predicate, source, change, the weakest aspect."""
    nilai = ipp_value(ctx, ctx.tahun)
    if not _ipp_on(ctx) or nilai is None:
        return []
    content: list[Inline] = [
        f"Indeks Pelayanan Publik (IPP) Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} adalah "
        f"{angka(nilai)} (skala 0–5) dengan predikat {band_text(classify(nilai, ctx.rules.skala_ipp))}."
    ]
    sumber = ctx.ipp.sumber if ctx.ipp is not None and ctx.ipp.sumber else _sumber(ctx, "ipp")
    if sumber:
        content.append(f" Nilai tersebut bersumber dari {sumber.rstrip('.')}.")
    previous = ipp_value(ctx, ctx.tahun - 1)
    if previous is not None:
        content.append(
            f" Dibandingkan IPP Tahun {ctx.tahun - 1} sebesar {angka(previous)}, IPP Tahun "
            f"{ctx.tahun} {change_phrase(nilai - previous)}."
        )
    if tabel_ipp(ctx):
        aspects = [a for a in ctx.ipp.aspek if a.nilai_indikator is not None]  # type: ignore[union-attr]
        if len(aspects) > 1:
            low = min(aspects, key=lambda a: a.nilai_indikator)  # type: ignore[arg-type,return-value]
            content.append(
                f" Nilai indikator terendah terdapat pada aspek {low.aspek} "
                f"({angka(low.nilai_indikator)} dari 5)."
            )
        content += [" Nilai per aspek disajikan pada ", Ref("tbl-bab1-ipp"), "."]
    return [Heading("Indeks Pelayanan Publik", 3), Para(content)]


def tabel_ipp(ctx: ReportContext) -> list[Block]:
    """IPP aspects: weight, indicator score (0–5) and weighted score; the index in the footer."""
    ipp = ctx.ipp
    if not _ipp_on(ctx) or ipp is None:
        return []
    with_score = any(a.nilai_indikator is not None for a in ipp.aspek)
    header = ["No", "Aspek", "Bobot (%)", *(["Nilai Indikator (0–5)"] if with_score else [])]
    header.append("Nilai Aspek")
    body = []
    for n, aspect in enumerate(ipp.aspek, start=1):
        cells = [str(n), aspect.aspek, value(aspect.bobot)]
        cells += [angka(aspect.nilai_indikator)] if with_score else []
        body.append([*cells, angka(aspect.nilai)])
    width = len(header)
    foot: list[list[str | Cell]] = [
        [
            Cell("Indeks Pelayanan Publik", colspan=2),
            value(ipp.bobot),
            *([""] if with_score else []),
            angka(ipp.nilai),
        ],
        [Cell("Predikat", colspan=2), Cell(band_text(ipp.predikat), colspan=width - 2)],
    ]
    aligns = ["center", "left", "right", *(["right"] if with_score else []), "right"]
    return [
        table(
            header,
            body,
            aligns=aligns,  # type: ignore[arg-type]
            foot=foot,
            source=(ipp.sumber or f"Hasil evaluasi pelayanan publik Tahun {ctx.tahun}")
            + "; nilai aspek = bobot × nilai indikator ÷ 100",
        )
    ]
