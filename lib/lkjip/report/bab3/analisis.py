"""BAB III, Analisis Capaian per Sasaran: the section's opening and each sasaran."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from lkjip.formatting import bilangan_terbilang, persen, rupiah
from lkjip.metrics.anggaran import BudgetLine, pagu_units
from lkjip.metrics.capaian import HUNDRED, IndicatorResult
from lkjip.metrics.efisiensi import SasaranEfficiency
from lkjip.metrics.tren import Trend, progress_to_end
from lkjip.report import charts
from lkjip.report.bab3.helpers import _join, _known, _numbered, _small_heading, _trends
from lkjip.report.bab3.pembanding import (
    _comparator_name,
    _comparators,
    _opd_sentence,
    tabel_pembanding,
    tabel_pembanding_opd,
)
from lkjip.report.bab3.renstra import tabel_renstra, tabel_renstra_program
from lkjip.report.bab3.tren import _tren_data, tabel_tren, tabel_tren_program
from lkjip.report.blocks import Block, Heading, Inline, ListBlock, Para, Ref
from lkjip.report.common import value, with_unit
from lkjip.report.context import ReportContext
from lkjip.report.narrative import section_for_outcome
from lkjip.report.sentences import (
    LEVEL_WORDS,
    amount,
    capping_note,
    efisiensi_text,
    efisiensi_verdict,
    hasil,
    iku_sentence,
    kategori_capaian,
    renstra_tahun_ke,
)

NARASI_SASARAN = ("faktor-pendukung", "faktor-penghambat", "solusi")
NARASI_CATATAN = "Catatan"


def analisis_pengantar(ctx: ReportContext) -> list[Block]:
    """Lead-in of the per-sasaran analysis, pointing to the combined tables and figure."""
    parts: list[Inline] = [
        "Analisis capaian kinerja setiap sasaran strategis meliputi perbandingan target dan "
        f"realisasi Tahun {ctx.tahun}, perbandingan dengan tahun-tahun sebelumnya, dengan target "
        "akhir Renstra dan dengan capaian tingkat lain, faktor penyebab keberhasilan atau "
        "kegagalan beserta solusinya, efisiensi penggunaan sumber daya, serta program yang "
        "mendukung pencapaiannya."
    ]
    refs: list[list[Inline]] = []
    if tabel_tren(ctx):
        years = [v.tahun for v in next(iter(_trends(ctx).values())).tahun]
        tren: list[Inline] = [
            f"realisasi {charts.tahun_rentang(years)} pada ",
            Ref("tbl-bab3-tren"),
        ]
        if _tren_data(ctx):
            tren += [" dan ", Ref("fig-bab3-tren")]
        refs.append(tren)
    if tabel_tren_program(ctx):
        refs.append(["realisasi indikator program pada ", Ref("tbl-bab3-tren-program")])
    if tabel_renstra(ctx):
        refs.append(["kemajuan terhadap target akhir Renstra pada ", Ref("tbl-bab3-renstra")])
    if tabel_renstra_program(ctx):
        refs.append(["kemajuan indikator program pada ", Ref("tbl-bab3-renstra-program")])
    if tabel_pembanding(ctx):
        refs.append(["perbandingan dengan tingkat lain pada ", Ref("tbl-bab3-pembanding")])
    if tabel_pembanding_opd(ctx):
        refs.append(["peringkat di antara perangkat daerah pada ", Ref("tbl-bab3-pembanding-opd")])
    if refs:
        parts.append(" Sebagai ringkasan, ")
        for i, ref in enumerate(refs):
            if i:
                parts.append(", serta " if i == len(refs) - 1 else ", ")
            parts += ref
        parts.append(" disajikan lebih dahulu; uraian setiap sasaran menyusul sesudahnya.")
    return [Para(parts)]


def _trend_sentence(ctx: ReportContext, result: IndicatorResult, t: Trend) -> Para | None:
    known = _known(t.tahun)
    if t.arah is None or len(known) < 2:
        return None
    before, now = known[-2], known[-1]
    parts = []
    if len(known) >= 3:
        parts.append(
            f"Realisasi {result.uraian} dalam {bilangan_terbilang(len(known))} tahun terakhir "
            "adalah "
            + _join([f"{with_unit(v.realisasi, result.satuan)} ({v.tahun})" for v in known])
            + "."
        )
        subject = f"Pada tahun {now.tahun} realisasinya"
    else:
        subject = f"Realisasi {result.uraian} tahun {now.tahun}"
    if t.arah == "tetap":
        parts.append(f"{subject} sama dengan tahun {before.tahun}.")
    else:
        kata = "peningkatan" if t.arah == "naik" else "penurunan"
        change = amount(abs(t.perubahan), result.satuan)  # type: ignore[arg-type]
        parts.append(
            f"{subject} mengalami {kata} sebesar {change} dibanding tahun {before.tahun} "
            f"(dari {with_unit(before.realisasi, result.satuan)} menjadi "
            f"{with_unit(now.realisasi, result.satuan)})."
        )
        if result.polaritas == "turun":
            makna = "membaik" if t.membaik else "menurun"
            parts.append(
                f"Karena indikator ini semakin baik bila realisasinya semakin rendah, {kata} "
                f"tersebut menunjukkan kinerja yang {makna}."
            )
        else:
            parts.append(
                "Kinerja indikator ini membaik." if t.membaik else "Kinerja indikator ini menurun."
            )
    return Para([" ".join(parts)])


def _renstra_sentence(ctx: ReportContext, result: IndicatorResult) -> Para | None:
    kemajuan = progress_to_end(result, ctx.rules)
    if result.target_akhir is None or kemajuan is None:
        return None
    periode = ctx.variables().get("periode_renstra", "")
    label = f"Renstra {periode}" if periode else "Renstra"
    text = (
        f"Target akhir {label} untuk {result.uraian} adalah "
        f"{with_unit(result.target_akhir, result.satuan)}; realisasi tahun {ctx.tahun} sebesar "
        f"{with_unit(result.realisasi, result.satuan)} atau tingkat kemajuan {persen(kemajuan)} "
        "dari target akhir."
    )
    tahun_ke = renstra_tahun_ke(ctx)
    if tahun_ke:
        text += f" Tahun {ctx.tahun} merupakan {tahun_ke}."
    return Para([text])


def _comparator_sentence(ctx: ReportContext, result: IndicatorResult) -> Para:
    rows = _comparators(ctx, result.kode)
    opd = _opd_sentence(ctx, result)
    if opd and (not rows or result.realisasi is None):
        return Para([opd, " (", Ref("tbl-bab3-pembanding-opd"), ")."])
    if not rows or result.realisasi is None:
        return Para(
            [
                f"Belum tersedia standar nasional maupun nilai pembanding dari tingkat lain untuk "
                f"indikator {result.uraian}."
            ]
        )
    clauses = []
    for row in rows:
        nilai = row["nilai"]
        difference = result.realisasi - nilai  # type: ignore[operator]
        name = _comparator_name(row)
        if difference == 0:
            clauses.append(f"sama dengan {name} ({value(nilai)})")  # type: ignore[arg-type]
        else:
            posisi = "di atas" if difference > 0 else "di bawah"
            clauses.append(
                f"{posisi} {name} ({value(nilai)}; selisih "  # type: ignore[arg-type]
                f"{amount(abs(difference), result.satuan)})"
            )
    text = (
        f"Realisasi {result.uraian} tahun {ctx.tahun} sebesar "
        f"{with_unit(result.realisasi, result.satuan)} berada {_join(clauses)}."
    )
    if result.polaritas == "turun":
        text += (
            " Karena indikator ini semakin baik bila realisasinya semakin rendah, nilai di bawah "
            "pembanding menunjukkan kinerja yang lebih baik."
        )
    if opd:
        return Para([f"{text} {opd}", " (", Ref("tbl-bab3-pembanding-opd"), ")."])
    return Para([text])


def _narrative_mode(ctx: ReportContext) -> str:
    """ "umum" when the kecamatan wrote the general factor sections and none per sasaran."""
    per_sasaran = any(
        ctx.has_narrative(f"{base}-sasaran-{n}")
        for base in NARASI_SASARAN
        for n in range(1, len(ctx.sasaran) + 1)
    )
    general = any(ctx.has_narrative(base) for base in NARASI_SASARAN)
    return "umum" if general and not per_sasaran else "sasaran"


def _efficiency_sentence(ctx: ReportContext, eff: SasaranEfficiency) -> Para:
    if not eff.pagu:
        return Para(
            [
                "Tidak ada anggaran sub kegiatan yang dipetakan ke sasaran ini, sehingga "
                "efisiensinya tidak dapat dihitung."
            ]
        )
    if eff.realisasi is None:
        level = LEVEL_WORDS.get(ctx.budget.basis.get("realisasi") or "", "")
        where = f"tercatat per {level}" if level else "belum tercatat"
        return Para(
            [
                f"Sasaran ini didukung anggaran {rupiah(eff.pagu)}. Realisasi anggaran {where}, "
                "tidak per sasaran, sehingga serapan anggaran dan efisiensi sasaran ini tidak "
                "dapat dihitung; efisiensi dihitung untuk keseluruhan anggaran."
            ]
        )
    text = (
        f"Sasaran ini didukung anggaran {rupiah(eff.pagu)} dengan realisasi "
        f"{rupiah(eff.realisasi)} (serapan {persen(eff.capaian_anggaran)}). "
    )
    if eff.efisiensi is None:
        text += "Efisiensinya belum dapat dihitung karena capaian kinerjanya belum tersedia."
    else:
        text += (
            f"Dibandingkan dengan capaian kinerja sebesar {persen(eff.capaian_kinerja)}, tingkat "
            f"efisiensinya {efisiensi_text(eff.efisiensi, ctx.rules)}; penggunaan anggaran "
            f"tergolong {efisiensi_verdict(eff.efisiensi)}."
        )
    return Para([text])


def supporting_programs(ctx: ReportContext, kode: str) -> list[tuple[BudgetLine, bool]]:
    """Programs of the anggaran rows mapped to sasaran ``kode``: the whole program line when all
    its sub-kegiatan support the sasaran (``True``), else a line of just those sub-kegiatan."""
    found = []
    for program in ctx.budget.children:
        units = pagu_units(program)
        mine = [x for x, sasaran in units if sasaran == kode]
        if not mine:
            continue
        if len(mine) == len(units):
            found.append((program, True))
            continue
        part = BudgetLine(program.kode, program.nama, "program", children=mine)
        pagu, realisasi = [x.pagu for x in mine], [x.realisasi for x in mine]
        part.pagu = None if None in pagu else sum(pagu)  # type: ignore[arg-type]
        part.realisasi = None if None in realisasi else sum(realisasi)  # type: ignore[arg-type]
        part.averaged = program.averaged
        found.append((part, False))
    return found


def _programs_list(ctx: ReportContext, kode: str) -> list[Block]:
    programs = supporting_programs(ctx, kode)
    if not programs:
        return [Para(["Belum ada program yang dipetakan ke sasaran ini pada sheet anggaran."])]
    items: list[list[Inline]] = []
    for line, whole in programs:
        text = f"{line.nama}: pagu {rupiah(line.pagu)}"
        if line.realisasi is not None:
            text += f", realisasi {rupiah(line.realisasi)} ({persen(line.persen)})"
        if not whole:
            word = LEVEL_WORDS[line.children[0].level] if line.children else "sub kegiatan"
            text += f", hanya {bilangan_terbilang(len(line.children))} {word} yang mendukung"
        items.append([text + "."])
    jumlah = bilangan_terbilang(len(programs))
    return [
        Para([f"Sasaran ini didukung oleh {jumlah} program berikut:"]),
        ListBlock(items),
    ]


def _reached(capaian: Decimal | None) -> bool | None:
    """Whether a target was reached (capaian of at least 100%), None when not measured."""
    return None if capaian is None else capaian >= HUNDRED


def _factor(ctx: ReportContext, anchor: str, reached: bool | None) -> list[Block]:
    """A factor section under a heading that fits the outcome: a sasaran that reached its target
    gets "Kendala yang Masih Dihadapi", not "Faktor Penghambat", and its placeholder asks what
    can still improve, not for the causes of a failure (:func:`section_for_outcome`)."""
    section = section_for_outcome(anchor, reached)
    assert section is not None, anchor  # every factor anchor is in the catalogue
    block = ctx.narrative(anchor)
    block = dataclasses.replace(block, title=section.title, instruction=section.instruction)
    return [_small_heading(section.title), block]


def analisis_sasaran(ctx: ReportContext) -> list[Block]:
    """Per sasaran: capaian, trend, Renstra progress, comparators, narrative factors, efficiency
    and supporting programs (PermenPAN-RB 53/2014); general factor sections once at the end when
    the kecamatan wrote those instead of per-sasaran ones."""
    trends = _trends(ctx)
    efficiency = {e.kode: e for e in ctx.efficiency}
    mode = _narrative_mode(ctx)
    blocks: list[Block] = []
    for n, sasaran in _numbered(ctx):
        blocks.append(Heading(f"Sasaran {n}: {sasaran.uraian}", level=3))
        iku = sasaran.indikator
        if not iku:
            blocks.append(Para(["Sasaran ini belum memiliki Indikator Kinerja Utama."]))
        blocks += [Para(iku_sentence(ctx, r)) for r in iku]
        if len(iku) > 1 and sasaran.capaian.nilai is not None:
            text = (
                f"Rata-rata capaian sasaran ini sebesar {persen(sasaran.capaian.nilai)} "
                f"({kategori_capaian(sasaran.capaian, ctx.rules, True)}), sehingga sasaran ini "
                f"{hasil(sasaran.capaian.nilai)}."
            )
            note = capping_note(sasaran.capaian, ctx.rules)
            blocks.append(Para([f"{text} {note}" if note else text]))
        elif sasaran.capaian.nilai is not None:
            blocks.append(Para([f"Dengan demikian, sasaran ini {hasil(sasaran.capaian.nilai)}."]))

        trend_paras = [p for r in iku if (p := _trend_sentence(ctx, r, trends[r.kode]))]
        if trend_paras:
            blocks += [_small_heading("Perbandingan dengan Tahun Sebelumnya"), *trend_paras]
        renstra_paras = [p for r in iku if (p := _renstra_sentence(ctx, r))]
        if renstra_paras:
            blocks += [_small_heading("Perbandingan dengan Target Akhir Renstra"), *renstra_paras]
        if iku:
            blocks.append(_small_heading("Perbandingan dengan Capaian Tingkat Lain"))
            blocks += [_comparator_sentence(ctx, r) for r in iku]

        if mode == "sasaran":
            reached = _reached(sasaran.capaian.nilai)
            for base in NARASI_SASARAN:
                blocks += _factor(ctx, f"{base}-sasaran-{n}", reached)

        blocks.append(_small_heading("Efisiensi Penggunaan Sumber Daya"))
        eff = efficiency.get(sasaran.kode)
        if eff is not None:
            blocks.append(_efficiency_sentence(ctx, eff))
        if ctx.has_narrative(f"efisiensi-sasaran-{n}"):
            blocks.append(ctx.narrative(f"efisiensi-sasaran-{n}"))

        blocks.append(_small_heading("Program Pendukung"))
        blocks += _programs_list(ctx, sasaran.kode)
        if ctx.has_narrative(f"catatan-sasaran-{n}"):
            blocks += [
                _small_heading(NARASI_CATATAN),
                ctx.narrative(f"catatan-sasaran-{n}"),
            ]

    general = [base for base in NARASI_SASARAN if mode == "umum" or ctx.has_narrative(base)]
    if general:
        measured = [s.capaian.nilai for s in ctx.sasaran if s.capaian.nilai is not None]
        reached = all(_reached(v) for v in measured) if measured else None
        title = (
            "Faktor Pendukung, Kendala dan Upaya Peningkatan Kinerja"
            if reached
            else "Faktor Pendukung, Penghambat dan Solusi"
        )
        blocks.append(Heading(title, level=3))
        for base in general:
            blocks += _factor(ctx, base, reached)
    if ctx.has_narrative("upaya-perbaikan"):
        blocks += [Heading("Upaya Perbaikan Kinerja", level=3), ctx.narrative("upaya-perbaikan")]
    return blocks
