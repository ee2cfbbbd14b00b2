"""BAB IV Penutup: generated conclusions, kendala and rencana tindak lanjut, signature block.

Pure functions of the report context returning blocks. The list of under-absorbed sub-kegiatan
is the same selection as in BAB III (:func:`lkjip.report.sentences.under_absorbed_items`).
"""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang, persen, rupiah
from lkjip.metrics.capaian import HUNDRED, IndicatorResult
from lkjip.report.blocks import Block, Inline, ListBlock, Para, Strong
from lkjip.report.common import value, with_unit
from lkjip.report.context import ReportContext
from lkjip.report.sentences import (
    BATAS_SERAPAN,
    efisiensi_text,
    efisiensi_verdict,
    hasil,
    kategori_capaian,
    overall,
    overall_efficiency,
    signature,
    under_absorbed_items,
)


def _measured(ctx: ReportContext) -> list[IndicatorResult]:
    return [r for r in ctx.iku if r.capaian.nilai is not None]


def kesimpulan_butir(ctx: ReportContext) -> list[list[Inline]]:
    """The generated conclusions, one list item each: overall capaian, each sasaran, budget,
    efficiency, best and weakest IKU."""
    items: list[list[Inline]] = []
    result = overall(ctx)
    jumlah = bilangan_terbilang(len(ctx.iku))
    if result.nilai is not None:
        items.append(
            [
                f"Rata-rata capaian {jumlah} Indikator Kinerja Utama Kecamatan {ctx.kecamatan} "
                f"Tahun {ctx.tahun} sebesar ",
                Strong(persen(result.nilai)),
                f" dengan kategori {kategori_capaian(result, ctx.rules)}.",
            ]
        )
    for n, sasaran in enumerate(ctx.sasaran, start=1):
        nilai = sasaran.capaian.nilai
        if nilai is None:
            items.append([f"Capaian Sasaran {n} ({sasaran.uraian}) belum dapat diukur."])
            continue
        items.append(
            [
                f"Sasaran {n} ({sasaran.uraian}) {hasil(nilai)} dengan capaian {persen(nilai)} "
                f"({kategori_capaian(sasaran.capaian, ctx.rules, True)})."
            ]
        )
    total = ctx.budget
    if total.pagu:
        sisa = (
            f"sisa anggaran (SiLPA) sebesar {rupiah(total.silpa)}"
            if total.silpa >= 0
            else f"realisasi melampaui pagu sebesar {rupiah(-total.silpa)}"
        )
        items.append(
            [
                f"Realisasi anggaran sebesar {rupiah(total.realisasi)} dari pagu "
                f"{rupiah(total.pagu)} atau {persen(total.persen)}, dengan {sisa}."
            ]
        )
    efisiensi = overall_efficiency(ctx)
    if efisiensi is not None:
        items.append(
            [
                "Tingkat efisiensi penggunaan sumber daya secara keseluruhan sebesar "
                f"{efisiensi_text(efisiensi, ctx.rules)}; penggunaan sumber daya tergolong "
                f"{efisiensi_verdict(efisiensi)}."
            ]
        )
    measured = _measured(ctx)
    if len(measured) > 1:
        best = max(measured, key=lambda r: r.capaian.nilai)  # type: ignore[arg-type,return-value]
        weakest = min(measured, key=lambda r: r.capaian.nilai)  # type: ignore[arg-type,return-value]
        if best.capaian.nilai != weakest.capaian.nilai:
            items.append(
                [
                    f"Capaian tertinggi diraih indikator {best.uraian} "
                    f"({persen(best.capaian.nilai)}), sedangkan capaian terendah pada indikator "
                    f"{weakest.uraian} ({persen(weakest.capaian.nilai)})."
                ]
            )
    return items


def kesimpulan(ctx: ReportContext) -> list[Block]:
    """ "Kesimpulan": generated conclusions, the optional narrative ``kesimpulan`` and the city's
    closing text (boilerplate ``penutup``)."""
    blocks: list[Block] = []
    items = kesimpulan_butir(ctx)
    if items:
        blocks += [
            Para(
                [
                    f"Berdasarkan pengukuran dan analisis capaian kinerja Kecamatan {ctx.kecamatan} "
                    f"Tahun {ctx.tahun}, dapat disimpulkan hal-hal sebagai berikut:"
                ]
            ),
            ListBlock(items, ordered=True),
        ]
    if ctx.has_narrative("kesimpulan"):
        blocks.append(ctx.narrative("kesimpulan"))
    blocks.append(ctx.narrative("penutup", "penutup"))
    return blocks


def _below_target(ctx: ReportContext) -> list[IndicatorResult]:
    return [r for r in _measured(ctx) if r.capaian.nilai < HUNDRED]  # type: ignore[operator]


def kendala_tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """ "Kendala dan Rencana Tindak Lanjut": optional narrative ``kendala``, IKU below target,
    under-absorbed sub-kegiatan with their reasons, and the narrative ``rencana-tindak``."""
    blocks: list[Block] = []
    if ctx.has_narrative("kendala"):
        blocks += [Para([Strong("Kendala")]), ctx.narrative("kendala")]
    missed = _below_target(ctx)
    if missed:
        blocks.append(
            Para(
                [
                    f"Terdapat {bilangan_terbilang(len(missed))} Indikator Kinerja Utama yang "
                    "belum mencapai target dan perlu mendapat perhatian pada tahun "
                    f"{ctx.tahun + 1}:"
                ]
            )
        )
        blocks.append(
            ListBlock(
                [
                    [
                        f"{r.uraian}: target {with_unit(r.target, r.satuan)}, realisasi "
                        f"{with_unit(r.realisasi, r.satuan)} (capaian {persen(r.capaian.nilai)})."
                    ]
                    for r in missed
                ]
            )
        )
    if ctx.budget.pagu:
        batas = value(BATAS_SERAPAN)
        items = under_absorbed_items(ctx)
        if items:
            blocks.append(
                Para(
                    [
                        f"Sub kegiatan dengan serapan anggaran di bawah {batas}% menjadi bahan "
                        f"evaluasi untuk pelaksanaan kegiatan Tahun {ctx.tahun + 1}:"
                    ]
                )
            )
            blocks.append(ListBlock(items))
        else:
            blocks.append(
                Para([f"Tidak ada sub kegiatan dengan serapan anggaran di bawah {batas}%."])
            )
    blocks += [Para([Strong("Rencana Tindak Lanjut")]), ctx.narrative("rencana-tindak")]
    return blocks


def tanda_tangan(ctx: ReportContext) -> list[Block]:
    """The Camat's signature block closing the report."""
    return [signature(ctx)]


__all__ = ["kendala_tindak_lanjut", "kesimpulan", "kesimpulan_butir", "tanda_tangan"]
