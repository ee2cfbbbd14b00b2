"""BAB IV Penutup: generated conclusions, kendala/rencana tindak and the signature block."""

from __future__ import annotations

import dataclasses

from conftest import inline_text
from lkjip.report import bab3, bab4
from lkjip.report.blocks import ListBlock, Narrative, Signature
from lkjip.report.context import ReportContext
from lkjip.report.sentences import signature, under_absorbed
from test_report_bab3 import narratives, text


def items(ctx: ReportContext) -> list[str]:
    return [inline_text(i) for i in bab4.kesimpulan_butir(ctx)]


def test_conclusions_perak(perak):
    found = items(perak)
    assert found[0] == (
        "Rata-rata capaian 2 (dua) Indikator Kinerja Utama Kecamatan Perak Tahun 2024 sebesar "
        "103,24% dengan kategori AA (Sangat Memuaskan)."
    )
    assert found[1] == (
        "Sasaran 1 (Meningkatnya akuntabilitas dan kinerja Kecamatan) melampaui target dengan "
        "capaian 102,25% (AA, Sangat Memuaskan)."
    )
    assert "atau 94,19%, dengan sisa anggaran (SiLPA) sebesar Rp 184.843.101." in found[3]
    assert "9,05 poin persen; penggunaan sumber daya tergolong efisien" in found[4]
    assert found[5].startswith(
        "Capaian tertinggi diraih indikator Indeks Kualitas Pelayanan Publik (IKPP) Kecamatan "
        "Perak (104,23%), sedangkan capaian terendah pada indikator Nilai evaluasi AKIP"
    )


def test_conclusions_bekasi_and_missed_target(bekasi, sukamaju):
    found = items(bekasi)
    assert "sebesar 104,64% dengan kategori Tercapai" in found[0]
    assert "Rp 44.704.453.656 dari pagu Rp 46.754.089.520 atau 95,62%" in found[4]
    assert "SiLPA) sebesar Rp 2.049.635.864" in found[4]
    assert "Persentase Peningkatan Wilayah yang Tertib (105,26%)" in found[6]
    assert "Nilai AKIP Kecamatan Bekasi Utara (103,91%)" in found[6]
    contoh = items(sukamaju)
    assert contoh[2].startswith("Sasaran 2 (Meningkatnya kualitas pelayanan publik di Kecamatan)")
    assert "belum mencapai target dengan capaian 95,72%" in contoh[2]
    assert "mencapai target dengan capaian 100,00%" in contoh[3]
    assert "12,19%" in contoh[5]  # rasio: (103,87 / 92,58 − 1) × 100


def test_kesimpulan_narrative_only_when_written(perak, sukamaju):
    found = narratives(bab4.kesimpulan(perak))
    assert found["kesimpulan"].text
    assert "Bupati Jombang" in found["penutup"].text
    contoh = narratives(bab4.kesimpulan(sukamaju))
    assert "kesimpulan" not in contoh
    assert "Wali Kota Contoh" in contoh["penutup"].text


def test_kendala_lists_the_same_sub_kegiatan_as_bab3(bekasi):
    blocks = bab4.kendala_tindak_lanjut(bekasi)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1  # every IKU reached its target
    assert lists[0].items == bab3.serapan_rendah(bekasi)[1].items  # type: ignore[union-attr]
    assert len(lists[0].items) == len(under_absorbed(bekasi)) == 10
    assert "pelaksanaan kegiatan Tahun 2025" in text(blocks)
    assert narratives(blocks)["rencana-tindak"].text


def test_kendala_placeholder_and_iku_below_target(perak, sukamaju):
    blocks = bab4.kendala_tindak_lanjut(perak)
    assert "Tidak ada sub kegiatan dengan serapan anggaran di bawah 80%." in text(blocks)
    assert narratives(blocks)["rencana-tindak"].text is None  # placeholder
    assert "kendala" not in narratives(blocks)
    contoh = text(bab4.kendala_tindak_lanjut(sukamaju))
    assert "1 (satu) Indikator Kinerja Utama yang belum mencapai target" in contoh
    assert "Indeks Kepuasan Masyarakat: target 85, realisasi 81,36 (capaian 95,72%)." in contoh


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
