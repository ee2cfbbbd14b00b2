"""BAB IV Penutup: generated conclusions, kendala/rencana tindak and the signature block."""

from __future__ import annotations

import dataclasses

from conftest import PARAMS, inline_text
from lkjip.report import bab3, bab4
from lkjip.report.blocks import ListBlock, Narrative, Signature
from lkjip.report.context import ReportContext, open_report
from lkjip.report.sentences import signature, under_absorbed
from test_report_bab3 import narratives, text


def items(ctx: ReportContext) -> list[str]:
    return [inline_text(i) for i in bab4.kesimpulan_butir(ctx)]


def test_conclusions_perak(perak):
    found = items(perak)
    assert found[0] == (
        "Dari 2 (dua) Indikator Kinerja Utama (IKU), seluruhnya mencapai target. Rata-rata "
        "capaian IKU Kecamatan Perak Tahun 2024 sebesar 103,24% dengan kategori AA (Sangat "
        "Memuaskan). Capaian tertinggi pada Indeks Kualitas Pelayanan Publik (IKPP) Kecamatan "
        "Perak (104,23%) dan terendah pada Nilai evaluasi AKIP Kecamatan Perak (102,25%)."
    )
    assert found[1] == "Dari 2 (dua) sasaran strategis, seluruhnya mencapai target."
    assert (
        "atau 94,19%, dengan sisa anggaran (SiLPA) sebesar Rp 184.843.101 atau 5,81% dari pagu."
        in found[2]
    )
    assert "9,05 poin persen; penggunaan sumber daya tergolong efisien" in found[3]
    assert "Efisiensi tercapai pada 2 (dua) dari 2 (dua) sasaran strategis." in found[3]
    assert len(found) == 4


def test_conclusions_bekasi_and_missed_target(bekasi, sukamaju):
    found = items(bekasi)
    assert found[0].startswith("Dari 3 (tiga) Indikator Kinerja Utama (IKU), seluruhnya mencapai")
    assert "sebesar 104,64% dengan kategori Tercapai" in found[0]
    assert "tertinggi pada Persentase Peningkatan Wilayah yang Tertib (105,26%)" in found[0]
    assert "terendah pada Nilai AKIP Kecamatan Bekasi Utara (103,91%)" in found[0]
    assert "Rp 44.704.453.656 dari pagu Rp 46.754.089.520 atau 95,62%" in found[2]
    assert "SiLPA) sebesar Rp 2.049.635.864" in found[2]
    contoh = items(sukamaju)
    # "dari 3 IKU, 2 mencapai target; yang belum: …": counts and the notable one, not a list.
    assert contoh[0].startswith(
        "Dari 3 (tiga) Indikator Kinerja Utama (IKU), 2 (dua) mencapai target; yang belum: "
        "Indeks Kepuasan Masyarakat (95,72%)."
    )
    assert contoh[1] == (
        "Dari 3 (tiga) sasaran strategis, 2 (dua) mencapai target; yang belum: Sasaran 2 "
        "(Meningkatnya kualitas pelayanan publik di Kecamatan, 95,72%)."
    )
    assert contoh[2] == (  # the tujuan indicators, with a category like the IKU
        "Dari 2 (dua) indikator tujuan, 1 (satu) mencapai target: Persentase capaian sasaran "
        "strategis Renstra Kecamatan 99,54% (Sangat Tinggi; belum mencapai target) dan Indeks "
        "Ketenteraman dan Ketertiban Umum Kecamatan 100,00% (Sangat Tinggi; mencapai target)."
    )
    assert "12,19%" in contoh[4]  # rasio: (103,87 / 92,58 − 1) × 100


def test_conclusions_when_no_target_is_reached():
    karang = items(open_report(PARAMS / "kota-contoh.yaml", "karang-anyar"))
    assert karang[0].startswith(
        "Dari 2 (dua) Indikator Kinerja Utama (IKU), belum satu pun mencapai target: Nilai AKIP "
        "Kecamatan (92,23%) dan Indeks Kepuasan Masyarakat (92,51%)."
    )


def test_kesimpulan_narrative_only_when_written(perak, sukamaju):
    found = narratives(bab4.kesimpulan(perak))
    assert found["kesimpulan"].text
    assert "Bupati Jombang" in found["penutup"].text
    contoh = narratives(bab4.kesimpulan(sukamaju))
    assert "kesimpulan" not in contoh
    assert "Wali Kota Contoh" in contoh["penutup"].text


def test_kendala_summarises_what_bab3_lists(bekasi):
    blocks = bab4.kendala_tindak_lanjut(bekasi)
    assert not [b for b in blocks if isinstance(b, ListBlock)]  # BAB III's list is not repeated
    said = text(blocks)
    assert len(under_absorbed(bekasi)) == 10 and len(bab3.serapan_rendah(bekasi)[1].items) == 10  # type: ignore[union-attr]
    assert (
        "Sebanyak 10 (sepuluh) sub kegiatan menyerap anggaran di bawah 80% (rinciannya beserta "
        "penjelasan pada BAB III); serapan terendah 0,00% pada Koordinasi dan Penyusunan Laporan "
        "Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD (Kecamatan Bekasi Utara)"
    ) in said
    assert "dan 0,00% pada Fasilitasi Kunjungan Tamu (Kecamatan Bekasi Utara)." in said
    assert "Sub kegiatan tersebut menjadi bahan evaluasi pelaksanaan Tahun 2025." in said
    assert "BELUM DIISI: penjelasan" not in said and "Evaluasi Kelurahan" not in said
    assert narratives(blocks)["rencana-tindak"].text


def test_kendala_placeholder_and_iku_below_target(perak, sukamaju):
    blocks = bab4.kendala_tindak_lanjut(perak)
    assert "Tidak ada sub kegiatan dengan serapan anggaran di bawah 80%." in text(blocks)
    assert narratives(blocks)["rencana-tindak"].text is None  # placeholder
    assert "kendala" not in narratives(blocks)
    contoh = text(bab4.kendala_tindak_lanjut(sukamaju))
    assert (
        "Indikator Kinerja Utama yang belum mencapai target, yaitu Indeks Kepuasan Masyarakat, "
        "perlu mendapat perhatian pada Tahun 2025."
    ) in contoh
    assert "realisasi 81,36" not in contoh  # the figures are in the conclusions and BAB III


def test_kendala_narrative_when_present(perak):
    ctx = dataclasses.replace(perak, narasi={**perak.narasi, "kendala": "Hujan deras."})
    found = narratives(bab4.kendala_tindak_lanjut(ctx))
    assert found["kendala"].text == "Hujan deras."
    assert isinstance(found["kendala"], Narrative)


def test_signature(perak, bekasi):
    (block,) = bab4.tanda_tangan(perak)
    assert block == Signature(
        "Perak, 25 Maret 2025", "CAMAT PERAK", "Drs. SUPRIYONO", "Pembina", "19701013 199201 1 001"
    )
    other = signature(bekasi)
    assert (other.place_date, other.jabatan) == ("Bekasi, 10 Januari 2025", "CAMAT BEKASI UTARA")
    assert (other.pangkat, other.nip) == ("Pembina Tk.I", "19800825 199912 1 001")
