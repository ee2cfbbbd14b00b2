"""BAB IV Penutup: generated conclusions, kendala and rencana tindak lanjut, signature block.

Pure functions of the report context returning blocks. BAB IV concludes: it gives counts and the
notable cases ("dari 5 IKU, 4 mencapai target; yang belum: …") and leaves the full lists to BAB
III. The under-absorbed sub-kegiatan are the same selection as BAB III's
(:func:`lkjip.report.sentences.under_absorbed`).
"""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import bilangan_terbilang, persen, rupiah
from lkjip.metrics.capaian import HUNDRED, IndicatorResult
from lkjip.report.blocks import Block, Inline, ListBlock, Para, Strong
from lkjip.report.common import join_id, tujuan_indicators, value
from lkjip.report.context import ReportContext
from lkjip.report.sentences import (
    BATAS_SERAPAN,
    absorption_units,
    efisiensi_text,
    efisiensi_verdict,
    hasil,
    kategori_capaian,
    overall,
    overall_efficiency,
    signature,
    silpa_text,
    subkegiatan_name,
    under_absorbed,
)


def _measured(ctx: ReportContext) -> list[IndicatorResult]:
    return [r for r in ctx.iku if r.capaian.nilai is not None]


def _reached(nilai: Decimal | None) -> bool:
    return nilai is not None and nilai >= HUNDRED


def _counted(lead: str, total: int, reached: int, missed: list[str]) -> str:
    """ "Dari 5 (lima) IKU, 4 (empat) mencapai target; yang belum: A (95,00%)" (also "seluruhnya
    mencapai target", "belum satu pun …", and those that cannot be measured)."""
    unmeasured = total - reached - len(missed)
    if reached == total:
        return f"{lead}, seluruhnya mencapai target"
    if reached:
        text = f"{lead}, {bilangan_terbilang(reached)} mencapai target"
        if missed:
            text += f"; yang belum: {join_id(missed)}"
    elif missed:
        text = f"{lead}, belum satu pun mencapai target: {join_id(missed)}"
    else:
        text = f"{lead}, belum satu pun dapat diukur"
        unmeasured = 0
    if unmeasured:
        text += f"; {bilangan_terbilang(unmeasured)} belum dapat diukur"
    return text


def _iku_butir(ctx: ReportContext) -> list[Inline] | None:
    """How many IKU reached their target, the ones that did not, the average, and the highest
    and lowest capaian: the conclusion of BAB III's IKU sentences, not a copy of them."""
    if not ctx.iku:
        return None
    measured = _measured(ctx)
    missed = [r for r in measured if not _reached(r.capaian.nilai)]
    jumlah = bilangan_terbilang(len(ctx.iku))
    if not measured:
        return [f"Capaian {jumlah} Indikator Kinerja Utama (IKU) belum dapat diukur."]
    names = [f"{r.uraian} ({persen(r.capaian.nilai)})" for r in missed]
    lead = _counted(
        f"Dari {jumlah} Indikator Kinerja Utama (IKU)",
        len(ctx.iku),
        len(measured) - len(missed),
        names,
    )
    result = overall(ctx)
    content: list[Inline] = [
        f"{lead}. Rata-rata capaian IKU Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} sebesar ",
        Strong(persen(result.nilai)),
        f" dengan kategori {kategori_capaian(result, ctx.rules)}.",
    ]
    if len(measured) > 1:
        best = max(measured, key=lambda r: r.capaian.nilai)  # type: ignore[arg-type,return-value]
        weakest = min(measured, key=lambda r: r.capaian.nilai)  # type: ignore[arg-type,return-value]
        if best.capaian.nilai != weakest.capaian.nilai:
            content.append(
                f" Capaian tertinggi pada {best.uraian} ({persen(best.capaian.nilai)}) dan "
                f"terendah pada {weakest.uraian} ({persen(weakest.capaian.nilai)})."
            )
    return content


def _sasaran_butir(ctx: ReportContext) -> list[Inline] | None:
    """How many sasaran reached their target, naming only those that did not."""
    if not ctx.sasaran:
        return None
    numbered = list(enumerate(ctx.sasaran, start=1))
    measured = [(n, s) for n, s in numbered if s.capaian.nilai is not None]
    missed = [(n, s) for n, s in measured if not _reached(s.capaian.nilai)]
    jumlah = bilangan_terbilang(len(ctx.sasaran))
    if not measured:
        return [f"Capaian {jumlah} sasaran strategis belum dapat diukur."]
    names = [f"Sasaran {n} ({s.uraian}, {persen(s.capaian.nilai)})" for n, s in missed]
    lead = _counted(
        f"Dari {jumlah} sasaran strategis", len(ctx.sasaran), len(measured) - len(missed), names
    )
    return [lead + "."]


def _tujuan_butir(ctx: ReportContext) -> list[Inline] | None:
    """How many tujuan indicators reached their target, then each one (there are few) with its
    capaian, category and verdict: the tujuan level of the conclusions."""
    results = tujuan_indicators(ctx)
    if not results:
        return None
    measured = [r for r in results if r.capaian.nilai is not None]
    jumlah = bilangan_terbilang(len(results))
    if not measured:
        return [f"Capaian {jumlah} indikator tujuan belum dapat diukur."]
    reached = sum(_reached(r.capaian.nilai) for r in measured)
    if reached == len(results):
        lead = "seluruhnya mencapai target"
    elif reached:
        lead = f"{bilangan_terbilang(reached)} mencapai target"
    else:
        lead = "belum satu pun mencapai target"
    each = [
        f"{r.uraian} {persen(r.capaian.nilai)} "
        f"({kategori_capaian(r.capaian, ctx.rules, True)}; {hasil(r.capaian.nilai)})"
        for r in results
    ]
    return [f"Dari {jumlah} indikator tujuan, {lead}: {join_id(each)}."]


def kesimpulan_butir(ctx: ReportContext) -> list[list[Inline]]:
    """The generated conclusions, one list item each: IKU (counts, the ones that missed, the
    average, highest and lowest), sasaran (counts and the ones that missed), tujuan indicators
    (counts, each capaian and category), budget and efficiency. They summarise BAB III; its
    lists are not repeated."""
    butir = (_iku_butir(ctx), _sasaran_butir(ctx), _tujuan_butir(ctx))
    items = [item for item in butir if item]
    total = ctx.budget
    if total.pagu and total.realisasi is not None:
        items.append(
            [
                f"Realisasi anggaran sebesar {rupiah(total.realisasi)} dari pagu "
                f"{rupiah(total.pagu)} atau {persen(total.persen)}, dengan {silpa_text(total)}."
            ]
        )
    efisiensi = overall_efficiency(ctx)
    if efisiensi is not None:
        text = (
            "Tingkat efisiensi penggunaan sumber daya secara keseluruhan sebesar "
            f"{efisiensi_text(efisiensi, ctx.rules)}; penggunaan sumber daya tergolong "
            f"{efisiensi_verdict(efisiensi)}."
        )
        rated = [e for e in ctx.efficiency if e.efisiensi is not None]
        if len(rated) > 1:
            efisien = sum(e.efisiensi > 0 for e in rated)  # type: ignore[operator]
            text += (
                f" Efisiensi tercapai pada {bilangan_terbilang(efisien)} dari "
                f"{bilangan_terbilang(len(rated))} sasaran strategis."
            )
        items.append([text])
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


LOWEST_SHOWN = 3
"""How many of the lowest-absorbing sub-kegiatan BAB IV names (BAB III lists them all)."""


def _below_target(ctx: ReportContext) -> list[IndicatorResult]:
    return [r for r in _measured(ctx) if not _reached(r.capaian.nilai)]


def _serapan_rendah(ctx: ReportContext) -> Para:
    """The sub-kegiatan under the absorption threshold, summarised: how many, and the lowest
    few; BAB III lists every one with its reason (:func:`lkjip.report.sentences.under_absorbed`,
    the same selection)."""
    batas = value(BATAS_SERAPAN)
    word = absorption_units(ctx)
    lines = sorted(under_absorbed(ctx), key=lambda line: line.persen)  # type: ignore[arg-type,return-value]
    if not lines:
        return Para([f"Tidak ada {word} dengan serapan anggaran di bawah {batas}%."])
    named = [f"{persen(x.persen)} pada {subkegiatan_name(ctx, x)}" for x in lines[:LOWEST_SHOWN]]
    which = "; serapan terendah" if len(lines) > LOWEST_SHOWN else ", yaitu serapan"
    text = (
        f"Sebanyak {bilangan_terbilang(len(lines))} {word} menyerap anggaran di bawah "
        f"{batas}% (rinciannya beserta penjelasan pada BAB III){which} {join_id(named)}"
    )
    return Para(
        [f"{text}. {word.capitalize()} tersebut menjadi bahan evaluasi pelaksanaan Tahun "
         f"{ctx.tahun + 1}."]
    )  # fmt: skip


def kendala_tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """ "Kendala dan Rencana Tindak Lanjut": optional narrative ``kendala``, the IKU below target
    (named; their numbers are in the conclusions), the under-absorbed sub-kegiatan summarised,
    and the narrative ``rencana-tindak``."""
    blocks: list[Block] = []
    if ctx.has_narrative("kendala"):
        blocks += [Para([Strong("Kendala")]), ctx.narrative("kendala")]
    missed = _below_target(ctx)
    if missed:
        names = join_id([r.uraian for r in missed])
        blocks.append(
            Para(
                [
                    f"Indikator Kinerja Utama yang belum mencapai target, yaitu {names}, perlu "
                    f"mendapat perhatian pada Tahun {ctx.tahun + 1}."
                ]
            )
        )
    if ctx.budget.pagu and ctx.budget.realisasi is not None:
        blocks.append(_serapan_rendah(ctx))
    blocks += [Para([Strong("Rencana Tindak Lanjut")]), ctx.narrative("rencana-tindak")]
    return blocks


def tanda_tangan(ctx: ReportContext) -> list[Block]:
    """The Camat's signature block closing the report."""
    return [signature(ctx)]


__all__ = ["kendala_tindak_lanjut", "kesimpulan", "kesimpulan_butir", "tanda_tangan"]
