"""BAB III, Metode Pengukuran: the chapter's opening, the method and the scale."""

from __future__ import annotations

from lkjip.formatting import bilangan_terbilang
from lkjip.report.bab3.helpers import _join
from lkjip.report.blocks import Align, Block, ListBlock, Para, Ref, Strong
from lkjip.report.common import table, value
from lkjip.report.context import ReportContext
from lkjip.report.sentences import codes_shown
from lkjip.rules import Aturan, Band


# --- intro and method --------------------------------------------------------------------------
def pengantar(ctx: ReportContext) -> list[Block]:
    """Opening text of the chapter (city boilerplate ``akuntabilitas``)."""
    return [ctx.narrative("akuntabilitas", "akuntabilitas")]


def _rentang(scale: list[Band], index: int) -> str:
    """The interval of band ``index`` as the genre writes it: "> 90", "> 80 s.d. 90", "≤ 40"."""
    band = scale[index]
    upper = scale[index - 1] if index > 0 else None
    lower_text = None
    if band.min is not None:
        lower_text = f"{'≥' if band.min_inklusif else '>'} {value(band.min)}"
    if upper is None or upper.min is None:
        return lower_text or "semua nilai"
    if lower_text is None:
        return f"{'<' if upper.min_inklusif else '≤'} {value(upper.min)}"
    if band.min == upper.min:
        return f"= {value(band.min)}"
    if upper.min_inklusif:
        return f"{lower_text} s.d. < {value(upper.min)}"
    return f"{lower_text} s.d. {value(upper.min)}"


def _rumus_turun(rules: Aturan) -> str:
    if rules.capaian_turun == "dua_kali_target":
        return "Capaian = (2 × Target − Realisasi) ÷ Target × 100%"
    return "Capaian = Target ÷ Realisasi × 100%"


def _rumus_efisiensi(rules: Aturan) -> str:
    if rules.efisiensi == "selisih":
        return "Efisiensi = Capaian Kinerja − Capaian Anggaran (dalam poin persen)"
    return "Efisiensi = (Capaian Kinerja ÷ Capaian Anggaran − 1) × 100%"


def pembulatan_text(rules: Aturan) -> str:
    """The rounding rule in force (``aturan.pembulatan``), as the method text states it."""
    if rules.pembulatan == "potong":
        cara = (
            "dengan cara pemotongan: angka ketiga di belakang koma dan seterusnya diabaikan tanpa "
            "pembulatan (95,255 ditulis 95,25)"
        )
    else:
        cara = "dengan pembulatan setengah ke atas (95,255 ditulis 95,26; 95,254 ditulis 95,25)"
    return (
        f"Angka desimal disajikan dengan dua angka di belakang koma {cara}. Pembulatan dilakukan "
        "satu kali, pada saat penyajian; seluruh perhitungan memakai nilai sebelum pembulatan."
    )


def metode(ctx: ReportContext) -> list[Block]:
    """How capaian is measured (formulas per polarity, from the rules) up to the category table."""
    rules = ctx.rules
    jumlah = bilangan_terbilang(len(rules.skala_capaian))
    return [
        Para(
            [
                "Pengukuran kinerja dilakukan dengan membandingkan target setiap indikator kinerja "
                f"dalam Perjanjian Kinerja Tahun {ctx.tahun} dengan realisasinya. Capaian kinerja "
                "setiap indikator dihitung dengan rumus berikut:"
            ]
        ),
        ListBlock(
            [
                [
                    "indikator yang semakin tinggi realisasinya semakin baik: ",
                    Strong("Capaian = Realisasi ÷ Target × 100%"),
                ],
                [
                    "indikator yang semakin rendah realisasinya semakin baik: ",
                    Strong(_rumus_turun(rules)),
                ],
            ]
        ),
        Para(
            [
                f"Nilai capaian kemudian dikelompokkan ke dalam {jumlah} kategori sebagaimana ",
                Ref("tbl-bab3-skala"),
                ".",
            ]
        ),
    ]


def _rumus_tingkat(ctx: ReportContext) -> str:
    """How the amounts of a level follow from the level below, as the budget was recorded."""
    total = ctx.budget
    if {total.basis.get("pagu"), total.basis.get("realisasi")} <= {"subkegiatan", None}:
        return "Pagu dan realisasi program dan kegiatan merupakan jumlah dari sub kegiatannya"
    return (
        "Pagu dan realisasi setiap tingkat (kegiatan, program, seluruh anggaran) merupakan jumlah "
        "dari tingkat di bawahnya bila seluruh bagiannya memuat angka tersebut; bila tidak, "
        "dipakai angka yang tercatat pada tingkat itu sendiri (termasuk per kelompok belanja)"
    )


def tabel_skala(ctx: ReportContext) -> list[Block]:
    """tbl-bab3-skala: the category scale of capaian, written from the rules' bands."""
    scale = ctx.rules.skala_capaian
    with_codes = codes_shown(scale)
    header = (["Kode"] if with_codes else []) + ["Rentang Nilai Capaian (%)", "Kategori"]
    rows = [
        ([band.kode] if with_codes else []) + [_rentang(scale, i), band.label]
        for i, band in enumerate(scale)
    ]
    aligns: list[Align] = (["center"] if with_codes else []) + ["center", "left"]
    return [table(header, rows, aligns=aligns)]


def metode_ketentuan(ctx: ReportContext) -> list[Block]:
    """Capping, aggregation, budget and efficiency rules, and the rules' name and source."""
    rules = ctx.rules
    blocks: list[Block] = []
    limits = []
    if rules.capaian_batas_atas is not None:
        atas = value(rules.capaian_batas_atas)
        limits.append(f"capaian di atas {atas}% dihitung {atas}")
    if rules.capaian_batas_bawah is not None:
        bawah = value(rules.capaian_batas_bawah)
        limits.append(f"capaian di bawah {bawah}% dihitung {bawah}")
    if limits:
        blocks.append(
            Para(
                [
                    f"Untuk penentuan kategori, {_join(limits)}. Perhitungan rata-rata tetap "
                    "memakai nilai capaian sebelum pembatasan tersebut."
                ]
            )
        )
    blocks.append(
        Para(
            [
                "Capaian sasaran strategis adalah rata-rata capaian indikator kinerja utamanya, dan "
                "capaian kinerja organisasi adalah rata-rata capaian seluruh Indikator Kinerja "
                "Utama (IKU)."
            ]
        )
    )
    if rules.persen_induk == "rata_rata":
        induk = (
            "persentase program dan kegiatan adalah rata-rata persentase sub kegiatan di bawahnya"
        )
    else:
        induk = "persentase program dan kegiatan dihitung dari jumlah realisasi dibagi jumlah pagu"
    blocks.append(
        Para(
            [
                "Capaian (serapan) anggaran dihitung dengan rumus ",
                Strong("Capaian Anggaran = Realisasi ÷ Pagu × 100%"),
                ", dan sisa anggaran dengan rumus ",
                Strong("SiLPA = Pagu − Realisasi"),
                f". {_rumus_tingkat(ctx)}; {induk}.",
            ]
        )
    )
    makna = (
        "Nilai positif berarti capaian kinerja lebih tinggi daripada serapan anggaran."
        if rules.efisiensi == "selisih"
        else "Nilai positif berarti setiap persen serapan anggaran menghasilkan capaian kinerja "
        "yang lebih tinggi."
    )
    blocks.append(
        Para(
            [
                "Efisiensi penggunaan sumber daya diukur dengan membandingkan capaian kinerja "
                "sasaran dengan capaian anggaran sub kegiatan yang mendukungnya: ",
                Strong(_rumus_efisiensi(rules)),
                f". {makna}",
            ]
        )
    )
    blocks.append(Para([pembulatan_text(rules)]))
    # The rules' source is the regulation (``sumber`` of the preset, or the city's override),
    # never a report: a report does not cite itself for its own method.
    sumber = rules.sumber.strip().rstrip(".")
    blocks.append(Para([f"Ketentuan pengukuran tersebut berpedoman pada {sumber}."]))
    return blocks
