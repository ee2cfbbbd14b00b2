"""BAB I, Ringkasan Hasil Evaluasi: Reformasi Birokrasi."""

from __future__ import annotations

from collections.abc import Sequence

from lkjip.formatting import angka, persen
from lkjip.metrics.evaluasi import RbComponent
from lkjip.report.bab1.evaluasi import PART_RB, _evaluasi_on, _rb_indicator_rows, change_phrase
from lkjip.report.bab1.helpers import _narrative_if_present, _ratio, _with_refs
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para
from lkjip.report.common import band_text, hitung, table, value
from lkjip.report.context import ReportContext


def _rb_on(ctx: ReportContext) -> bool:
    return _evaluasi_on(ctx) and ctx.enabled(PART_RB)


def _rb_leaves(components: Sequence[RbComponent]) -> list[RbComponent]:
    found: list[RbComponent] = []
    for component in components:
        found += _rb_leaves(component.children) if component.children else [component]
    return found


def evaluasi_rb(ctx: ReportContext) -> list[Block]:
    """Heading of the RB evaluation and its sentence: index, predicate, source, change, weakest
    sub-component; the heading alone when only the recommendations (``rekomendasi-rb``) exist."""
    if not _rb_on(ctx):
        return []
    rb = ctx.rb
    has_index = rb is not None and rb.nilai is not None
    if not has_index and not _rb_indicator_rows(ctx) and not ctx.has_narrative("rekomendasi-rb"):
        return []
    blocks: list[Block] = [Heading("Evaluasi Reformasi Birokrasi", 3)]
    content: list[Inline] = []
    if rb is not None and rb.nilai is not None:
        content.append(
            f"Nilai Reformasi Birokrasi (Indeks RB) Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} "
            f"adalah {angka(rb.nilai)} dengan predikat {band_text(rb.predikat)}."
        )
        if rb.sumber:
            content.append(f" Nilai tersebut bersumber dari {rb.sumber.rstrip('.')}.")
        previous = ctx.rb_history.get(ctx.tahun - 1)
        if previous is not None and previous.nilai is not None:
            content.append(
                f" Dibandingkan Indeks RB Tahun {ctx.tahun - 1} sebesar {angka(previous.nilai)}, "
                f"Indeks RB Tahun {ctx.tahun} {change_phrase(rb.nilai - previous.nilai)}."
            )
        scored = [c for c in _rb_leaves(rb.komponen) if c.persen is not None]
        if len(scored) > 1:
            low = min(scored, key=lambda c: c.persen)  # type: ignore[arg-type,return-value]
            content.append(
                f" Capaian terhadap bobot yang terendah terdapat pada komponen {low.komponen} "
                f"({persen(low.persen)})."
            )
    refs = []
    if tabel_rb(ctx):
        refs.append(("rincian nilai per komponen", "tbl-bab1-rb"))
    if indicators := _rb_indicator_rows(ctx):
        refs.append(
            (
                f"nilai {hitung(len(indicators))} indikator kegiatan utamanya",
                "tbl-bab1-rb-indikator",
            )
        )
    content = _with_refs(content, refs)
    if content:
        blocks.append(Para(content))
    return blocks


def tabel_rb(ctx: ReportContext) -> list[Block]:
    """RB components (1, then its sub-components 1.1, 1.2 …) with weight, score
    and score as a share of the weight; the index and its predicate in the footer."""
    rb = ctx.rb
    if not _rb_on(ctx) or rb is None or not rb.komponen:
        return []
    body: list[list[str | Cell]] = []

    def add(component: RbComponent, number: str) -> None:
        bold = bool(component.children)
        cells = [
            number,
            component.komponen,
            value(component.bobot),
            angka(component.nilai),
            persen(component.persen),
        ]
        body.append([Cell(c, bold=bold) for c in cells])
        for n, child in enumerate(component.children, start=1):
            add(child, f"{number}.{n}")

    for n, component in enumerate(rb.komponen, start=1):
        add(component, str(n))
    foot: list[list[str | Cell]] = [
        [
            Cell("Indeks Reformasi Birokrasi", colspan=2),
            value(rb.bobot),
            angka(rb.nilai),
            persen(_ratio(rb.nilai, rb.bobot)),
        ],
        [Cell("Predikat", colspan=2), Cell(band_text(rb.predikat), colspan=3)],
    ]
    return [
        table(
            ["No", "Komponen", "Bobot (%)", "Nilai", "Capaian thd Bobot"],
            body,
            aligns=["center", "left", "right", "right", "right"],
            foot=foot,
            source=rb.sumber or f"Hasil evaluasi Reformasi Birokrasi Tahun {ctx.tahun}",
            widths=[0.06, 0.56, 0.12, 0.12, 0.14],
        )
    ]


def tabel_rb_indikator(ctx: ReportContext) -> list[Block]:
    """The RB key activity indicators of the report year: scale, value and data source."""
    rows = _rb_indicator_rows(ctx)
    if not _rb_on(ctx) or not rows:
        return []
    body = [
        [
            str(n),
            str(r["indikator"]),
            str(r.get("skala") or "-"),
            value(r.get("nilai")),  # type: ignore[arg-type]
            str(r.get("sumber_data") or "-"),
        ]
        for n, r in enumerate(rows, start=1)
    ]
    return [
        table(
            ["No", "Indikator Kegiatan Utama", "Skala", "Nilai", "Sumber Data"],
            body,
            aligns=["center", "left", "center", "right", "left"],
            source=f"Hasil evaluasi Reformasi Birokrasi Tahun {ctx.tahun}",
            widths=[0.06, 0.44, 0.12, 0.1, 0.28],
        )
    ]


def rekomendasi_rb(ctx: ReportContext) -> list[Block]:
    """The recommendations of the RB evaluation (``narasi.md#rekomendasi-rb``), when written."""
    if not _rb_on(ctx):
        return []
    return _narrative_if_present(ctx, "rekomendasi-rb")
