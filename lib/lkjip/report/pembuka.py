"""Front matter of the report: cover, kata pengantar with the Camat's signature, ikhtisar eksekutif.

The Daftar Isi, Daftar Tabel and Daftar Gambar are inserted by the assembler, not here.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka, persen, rupiah
from lkjip.metrics.capaian import IndicatorResult, average, category_counts
from lkjip.metrics.efisiensi import efisiensi
from lkjip.report.blocks import (
    Block,
    Cover,
    Inline,
    ListBlock,
    PageBreak,
    Para,
    Strong,
)
from lkjip.report.common import band_text, hitung, join_id, with_unit
from lkjip.report.context import ReportContext
from lkjip.report.sentences import signature, silpa_text


def _profil(ctx: ReportContext, key: str) -> str:
    return str(ctx.data.profil.get(key) or "").strip()


# --- cover ------------------------------------------------------------------------------------
def cover(ctx: ReportContext) -> list[Block]:
    """The title page: government, report title and acronym, kecamatan, year, contact line."""
    contact = []
    if alamat := _profil(ctx, "alamat"):
        contact.append(alamat)
    if telepon := _profil(ctx, "telepon"):
        contact.append(f"Telp. {telepon}")
    if email := _profil(ctx, "email"):
        contact.append(f"Surel: {email}")
    return [
        Cover(
            pemerintah=f"PEMERINTAH {ctx.config.nama.upper()}",
            judul=ctx.config.label.judul,
            akronim=ctx.config.label.akronim,
            kecamatan=ctx.kecamatan,
            tahun=ctx.tahun,
            alamat=" · ".join(contact),
            logo=str(ctx.config.logo_path or ""),
        ),
        PageBreak(),
    ]


# --- kata pengantar ---------------------------------------------------------------------------
def kata_pengantar(ctx: ReportContext) -> list[Block]:
    """The city's kata pengantar text, the Camat's signature, then a page break."""
    return [
        ctx.narrative("kata-pengantar", "kata_pengantar"),
        signature(ctx),
        PageBreak(),
    ]


# --- ikhtisar eksekutif -----------------------------------------------------------------------
def _iku_item(result: IndicatorResult) -> list[Inline]:
    target = with_unit(result.target, result.satuan)
    realisasi = with_unit(result.realisasi, result.satuan)
    if result.capaian.nilai is None:
        tail = "capaian belum dapat dihitung."
    else:
        kategori = result.capaian.kategori.label if result.capaian.kategori else "-"
        tail = f"capaian {persen(result.capaian.nilai)} ({kategori})."
    return [Strong(result.uraian), f": target {target}, realisasi {realisasi}, {tail}"]


def _sasaran_counts(ctx: ReportContext) -> str:
    total = len(ctx.sasaran)
    counts = category_counts(ctx.sasaran)
    words = {
        "melampaui": "melampaui target",
        "sesuai": "sesuai target",
        "tidak_mencapai": "tidak mencapai target",
    }
    measured = sum(counts.values())
    unmeasured = total - measured
    for key, count in counts.items():
        if count == total and total > 0:
            return f"Dari {hitung(total)} sasaran strategis, seluruhnya {words[key]}."
    parts = [f"{hitung(n)} sasaran {words[k]}" for k, n in counts.items() if n]
    if unmeasured:
        parts.append(f"{hitung(unmeasured)} sasaran belum dapat diukur capaiannya")
    return f"Dari {hitung(total)} sasaran strategis, {join_id(parts)}."


def _efisiensi_sentence(ctx: ReportContext, kinerja: Decimal | None) -> str | None:
    anggaran = ctx.budget.persen
    overall = efisiensi(kinerja, anggaran, ctx.rules)
    if overall is None:
        return None
    if ctx.rules.efisiensi == "selisih":
        how = "selisih capaian kinerja dan capaian anggaran"
        amount = f"{angka(overall)} poin persen"
    else:
        how = "rasio capaian kinerja terhadap capaian anggaran, dikurangi 100%"
        amount = persen(overall)
    verdict = (
        "capaian kinerja melampaui capaian anggaran sehingga penggunaan sumber daya efisien"
        if overall > 0
        else "capaian kinerja sebanding dengan capaian anggaran"
        if overall == 0
        else "capaian kinerja lebih rendah daripada capaian anggaran sehingga penggunaan "
        "sumber daya belum efisien"
    )
    text = (
        f"Dengan rata-rata capaian kinerja {persen(kinerja)} dan capaian anggaran "
        f"{persen(anggaran)}, tingkat efisiensi penggunaan sumber daya adalah {amount} "
        f"({how}); {verdict}."
    )
    per_sasaran = [e for e in ctx.efficiency if e.efisiensi is not None]
    if per_sasaran:
        positive = sum(1 for e in per_sasaran if e.efisiensi > 0)  # type: ignore[operator]
        text += (
            f" Efisiensi tercapai pada {hitung(positive)} dari {hitung(len(per_sasaran))} "
            "sasaran strategis yang didukung anggaran."
        )
    return text


def ikhtisar(ctx: ReportContext) -> list[Block]:
    """The executive summary, generated from the computed results (text and one list)."""
    kec = ctx.kecamatan
    blocks: list[Block] = [
        Para(
            [
                f"{ctx.judul} ({ctx.akronim}) Kecamatan {kec} Tahun {ctx.tahun} melaporkan "
                f"capaian kinerja atas {hitung(len(ctx.sasaran))} sasaran strategis yang diukur "
                f"dengan {hitung(len(ctx.iku))} Indikator Kinerja Utama (IKU) sebagaimana "
                f"ditetapkan dalam Perjanjian Kinerja Tahun {ctx.tahun}."
                + (" Capaian setiap IKU adalah sebagai berikut:" if ctx.iku else "")
            ]
        )
    ]
    if ctx.iku:
        blocks.append(ListBlock([_iku_item(r) for r in ctx.iku]))
    overall = average(ctx.iku, ctx.rules)
    summary = []
    if overall.nilai is not None:
        summary.append(
            f"Rata-rata capaian IKU Tahun {ctx.tahun} adalah {persen(overall.nilai)} dengan "
            f"kategori {overall.kategori.label}."  # type: ignore[union-attr]
        )
    if ctx.sasaran:
        summary.append(_sasaran_counts(ctx))
    if summary:
        blocks.append(Para([" ".join(summary)]))

    total = ctx.budget
    if total.pagu and total.realisasi is not None:
        sisa = silpa_text(total)
        money = (
            f"Untuk mencapai sasaran tersebut, Kecamatan {kec} mengelola anggaran sebesar "
            f"{rupiah(total.pagu)} yang terealisasi {rupiah(total.realisasi)} atau "
            f"{persen(total.persen)}, sehingga "
            + (f"terdapat {sisa}." if (total.silpa or 0) >= 0 else f"{sisa}.")
        )
        if eff := _efisiensi_sentence(ctx, overall.nilai):
            money += " " + eff
        blocks.append(Para([money]))

    evaluations = []
    if ctx.akip is not None and ctx.akip.nilai is not None:
        evaluations.append(
            f"Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Kecamatan {kec} Tahun "
            f"{ctx.tahun} adalah {angka(ctx.akip.nilai)} dengan predikat "
            f"{band_text(ctx.akip.predikat)}"
        )
    if ctx.ikm is not None and ctx.ikm.nilai is not None:
        ikm = (
            f"Indeks Kepuasan Masyarakat (IKM) Tahun {ctx.tahun} adalah {angka(ctx.ikm.nilai)} "
            f"dengan mutu pelayanan {band_text(ctx.ikm.mutu)}"
        )
        evaluations.append(ikm if not evaluations else "sedangkan " + ikm)
    if evaluations:
        blocks.append(Para([", ".join(evaluations) + "."]))

    blocks.append(
        Para(
            [
                "Uraian lengkap pengukuran kinerja, analisis capaian setiap sasaran dan "
                "akuntabilitas keuangan disajikan pada BAB III."
            ]
        )
    )
    return blocks
