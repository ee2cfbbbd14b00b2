"""BAB III Akuntabilitas Kinerja: what readers get, pinned to the reference reports (notes-002 for
Perak, notes-004 for Bekasi Utara) and to the synthetic Kota Contoh."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal

import pytest

from conftest import inline_text, switched_off
from lkjip.loader import Row
from lkjip.report import bab3
from lkjip.report.blocks import Block, Heading, ListBlock, Narrative, Para, Ref, Table
from lkjip.report.chart import Chart
from lkjip.report.context import ReportContext
from lkjip.rules import load_rules


# --- helpers -----------------------------------------------------------------------------------
def text(blocks: list[Block]) -> str:
    """Everything a reader sees in the blocks (tables excluded), one block per line."""
    lines = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(inline_text(block.content))
        elif isinstance(block, ListBlock):
            lines += [inline_text(item) for item in block.items]
        elif isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Narrative):
            lines.append(block.text or f"[BELUM DIISI: {block.title}]")
    return "\n".join(lines)


def only_table(blocks: list[Block]) -> Table:
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    return blocks[0]


def body(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.body]


def foot(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.foot]


def with_rules(ctx: ReportContext, **overrides: object) -> ReportContext:
    rules = load_rules({"preset": ctx.rules.preset, **overrides})
    return dataclasses.replace(ctx, rules=rules)


def narratives(blocks: list[Block]) -> dict[str, Narrative]:
    return {b.anchor: b for b in blocks if isinstance(b, Narrative)}


# --- method ------------------------------------------------------------------------------------
def test_method_of_sakip7_caps_and_subtracts(perak):
    method = text(bab3.metode(perak) + bab3.metode_ketentuan(perak))
    assert "Capaian = Realisasi ÷ Target × 100%" in method
    assert "Capaian = Target ÷ Realisasi × 100%" in method
    assert "7 (tujuh) kategori" in method
    assert "capaian di atas 100% dihitung 100 dan capaian di bawah 0% dihitung 0" in method
    assert "rata-rata tetap memakai nilai capaian sebelum pembatasan" in method
    assert "Efisiensi = Capaian Kinerja − Capaian Anggaran (dalam poin persen)" in method
    assert "SiLPA = Pagu − Realisasi" in method
    assert (
        "Ketentuan pengukuran tersebut berpedoman pada petunjuk pelaksanaan evaluasi "
        "akuntabilitas kinerja instansi pemerintah (skala predikat ordinal AA sampai dengan D) "
        "dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
        "Tahun 2014"
    ) in method
    assert "LKjIP" not in method and "Kecamatan Perak" not in method  # never cites itself


def test_method_of_tercapai_has_no_cap(bekasi):
    method = text(bab3.metode_ketentuan(bekasi))
    assert "dihitung 100" not in method
    assert "Efisiensi = Capaian Kinerja − Capaian Anggaran" in method
    assert "berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara" in method
    assert "LKIP" not in method and "Bekasi Utara" not in method  # never cites itself


def test_method_of_permendagri5_uses_the_ratio(sukamaju):
    method = text(bab3.metode(sukamaju) + bab3.metode_ketentuan(sukamaju))
    assert "Efisiensi = (Capaian Kinerja ÷ Capaian Anggaran − 1) × 100%" in method
    assert "poin persen" not in method
    assert "5 (lima) kategori" in method


def test_method_follows_overridden_rules(sukamaju):
    ctx = with_rules(sukamaju, capaian_turun="dua_kali_target", capaian_batas_atas="120")
    method = text(bab3.metode(ctx) + bab3.metode_ketentuan(ctx))
    assert "Capaian = (2 × Target − Realisasi) ÷ Target × 100%" in method
    assert "capaian di atas 120% dihitung 120." in method


def test_scale_table_written_from_the_bands(perak, bekasi, sukamaju):
    sakip = body(only_table(bab3.tabel_skala(perak)))
    assert sakip[0] == ["AA", "> 90", "Sangat Memuaskan"]
    assert sakip[1] == ["A", "> 80 s.d. 90", "Memuaskan"]
    assert sakip[-1] == ["D", "≤ 40", "Kurang"]
    assert body(only_table(bab3.tabel_skala(bekasi))) == [
        ["≥ 100", "Tercapai"],
        ["< 100", "Belum Tercapai"],
    ]
    assert body(only_table(bab3.tabel_skala(with_rules(sukamaju, preset="sederhana")))) == [
        ["> 100", "Melampaui Target"],
        ["= 100", "Sesuai Target"],
        ["< 100", "Tidak Mencapai Target"],
    ]
    skala4 = body(only_table(bab3.tabel_skala(with_rules(sukamaju, preset="skala-4"))))
    assert skala4[1] == ["≥ 75 s.d. 100", "Baik"]


# --- capaian kinerja organisasi ----------------------------------------------------------------
def test_iku_table_perak_with_capped_category(perak):
    table = only_table(bab3.tabel_capaian_iku(perak))
    rows = body(table)
    assert [r[6] for r in rows] == ["102,25", "104,23"]
    assert [r[4:6] for r in rows] == [["73", "74,64"], ["7,8", "8,13"]]
    assert rows[0][7] == "AA (Sangat Memuaskan)"
    assert foot(table) == [["Rata-rata capaian IKU", "103,24", "AA (Sangat Memuaskan)"]]


def test_iku_table_bekasi(bekasi):
    table = only_table(bab3.tabel_capaian_iku(bekasi))
    assert [r[6] for r in body(table)] == ["104,74", "103,91", "105,26"]
    assert [r[7] for r in body(table)] == ["Tercapai"] * 3
    assert foot(table)[0][1:] == ["104,64", "Tercapai"]


def test_iku_sentences(perak, bekasi):
    perak_text = text(bab3.capaian_uraian(perak))
    assert (
        "Nilai evaluasi AKIP Kecamatan Perak ditargetkan 73 dan terealisasi 74,64 sehingga "
        "capaian kinerjanya 102,25% (AA, Sangat Memuaskan)."
    ) in perak_text
    assert "kategori ditentukan dari nilai 100%" in perak_text
    assert "Sumber realisasi: LHE SAKIP Inspektur Kabupaten Jombang Nomor X.700/559" in perak_text
    assert "sebesar 103,24% dengan kategori AA (Sangat Memuaskan)" in perak_text
    bekasi_text = text(bab3.capaian_uraian(bekasi))
    assert (
        "Persentase Peningkatan Wilayah yang Tertib ditargetkan 57% dan terealisasi 60% "
        "sehingga capaian kinerjanya 105,26% (Tercapai)."
    ) in bekasi_text
    assert "kategori ditentukan" not in bekasi_text
    assert "3 (tiga) Indikator Kinerja Utama" in bekasi_text


def test_classification_counts(perak, sukamaju):
    assert [r[2] for r in body(only_table(bab3.tabel_klasifikasi(perak)))] == ["2", "0", "0"]
    table = only_table(bab3.tabel_klasifikasi(sukamaju))
    assert [r[2] for r in body(table)] == ["1", "1", "1"]
    assert foot(table) == [["Jumlah", "3"]]
    assert "1 (satu) sasaran tidak mencapai target" in text(bab3.capaian_uraian(sukamaju))


# --- analysis per sasaran ----------------------------------------------------------------------
def test_trend_table_has_three_years_and_arrows(perak, bekasi):
    table = only_table(bab3.tabel_tren(perak))
    assert [c.text for c in table.head[0][3:6]] == ["Tahun 2022", "Tahun 2023", "Tahun 2024"]
    assert table.head[0][3].colspan == 3
    akip = body(table)[0]
    assert [akip[4], akip[7], akip[10]] == ["70,93", "72,61", "74,64"]
    assert akip[-1] == "▲ +2,03"
    assert body(table)[1][-1] == "-"  # IKPP is new in 2024
    assert body(only_table(bab3.tabel_tren(bekasi)))[1][-1] == "▼ −0,01"


def section_of_sasaran(blocks: list[Block], n: int) -> list[Block]:
    starts = [i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 3]
    start = starts[n - 1]
    end = starts[n] if n < len(starts) else len(blocks)
    return blocks[start:end]


def test_trend_sentences_follow_polarity(perak, bekasi, sukamaju):
    perak_s1 = text(section_of_sasaran(bab3.analisis_sasaran(perak), 1))
    assert "70,93 (2022), 72,61 (2023) dan 74,64 (2024)" in perak_s1
    assert "mengalami peningkatan sebesar 2,03 dibanding tahun 2023" in perak_s1
    bekasi_blocks = bab3.analisis_sasaran(bekasi)
    assert "Perbandingan dengan Tahun Sebelumnya" not in text(section_of_sasaran(bekasi_blocks, 3))
    assert "penurunan sebesar 0,01 dibanding tahun 2023" in text(
        section_of_sasaran(bekasi_blocks, 2)
    )
    trantib = text(section_of_sasaran(bab3.analisis_sasaran(sukamaju), 3))
    assert "penurunan sebesar 4,69 poin persen dibanding tahun 2023" in trantib
    assert "penurunan tersebut menunjukkan kinerja yang membaik" in trantib


def test_renstra_progress(perak, sukamaju):
    table = only_table(bab3.tabel_renstra(perak))
    assert [r[3:] for r in body(table)] == [["75", "74,64", "99,52"], ["7,95", "8,13", "102,26"]]
    assert foot(table)[0][-1] == "100,89"
    assert "Target Akhir Renstra 2024-2026" in [c.text for c in table.head[0]]
    perak_text = text(bab3.analisis_sasaran(perak))
    assert "tingkat kemajuan 99,52% dari target akhir" in perak_text
    assert "tahun pertama periode Renstra 2024-2026" in perak_text
    assert "tahun ketiga periode Renstra 2022-2026" in text(bab3.analisis_sasaran(sukamaju))


def test_comparators(perak, bekasi):
    rows = body(only_table(bab3.tabel_pembanding(perak)))
    assert rows[0][3:] == ["Kabupaten Jombang", "Kabupaten", "72,33", "+2,31", "Lebih baik"]
    assert rows[1][5:] == ["83,89", "−9,25", "Lebih rendah"]
    s1 = text(section_of_sasaran(bab3.analisis_sasaran(perak), 1))
    assert "di bawah Provinsi Jawa Timur (83,89; selisih 9,25)" in s1
    assert "di atas Rata-rata nasional (64,23; selisih 10,41)" in s1
    assert bab3.tabel_pembanding(bekasi) == []
    assert "Belum tersedia standar nasional" in text(bab3.analisis_sasaran(bekasi))
    assert "tbl-bab3-pembanding" not in text(bab3.analisis_pengantar(bekasi))


def test_general_factors_shown_once_when_no_per_sasaran_sections(perak):
    blocks = bab3.analisis_sasaran(perak)
    found = narratives(blocks)
    assert not any("-sasaran-" in anchor for anchor in found)
    assert {"faktor-pendukung", "faktor-penghambat", "solusi"} <= set(found)
    assert all(found[a].text for a in ("faktor-pendukung", "faktor-penghambat", "solusi"))
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 3]
    assert len(headings) == 4  # 2 sasaran, the general factors and Upaya Perbaikan Kinerja
    assert headings[-1] == "Upaya Perbaikan Kinerja" and found["upaya-perbaikan"].text


def test_per_sasaran_factors_with_placeholders(bekasi):
    found = narratives(bab3.analisis_sasaran(bekasi))
    assert found["faktor-pendukung-sasaran-1"].text
    assert found["faktor-penghambat-sasaran-2"].text is None  # placeholder
    assert found["faktor-penghambat-sasaran-3"].text is None
    assert found["efisiensi-sasaran-3"].text and found["catatan-sasaran-3"].text
    assert "efisiensi-sasaran-1" not in found  # optional, absent: no placeholder
    assert "faktor-pendukung" not in found


def test_placeholders_fit_the_outcome(bekasi):
    """All three Bekasi Utara sasaran reached their target (notes-004 Tabel 3.1): nobody is asked
    for the causes of a failure; a sasaran that missed it is."""
    blocks = bab3.analisis_sasaran(bekasi)
    found = narratives(blocks)
    s2 = found["faktor-penghambat-sasaran-2"]
    assert s2.text is None and s2.title == "Kendala yang Masih Dihadapi"
    assert s2.instruction.startswith("Target sasaran ini tercapai. Uraikan kendala")
    assert "kegagalan" not in s2.instruction and "penyebab" not in s2.instruction
    said = text(section_of_sasaran(blocks, 2))
    assert "Kendala yang Masih Dihadapi" in said and "Faktor Penghambat" not in said
    assert "Upaya Mempertahankan dan Meningkatkan Kinerja" in said  # written: heading only
    assert found["faktor-pendukung-sasaran-1"].title == "Faktor Pendukung Keberhasilan"

    missed = _with_realisasi(bekasi, "IKU2", Decimal("63"))  # 63 / 70 = 90,00%: missed
    found = narratives(bab3.analisis_sasaran(dataclasses.replace(missed, narasi={})))
    s2 = found["faktor-penghambat-sasaran-2"]
    assert s2.title == "Faktor Penghambat"
    assert s2.instruction == "Uraikan faktor penyebab belum tercapainya target sasaran ini."
    assert found["faktor-pendukung-sasaran-2"].title == "Faktor Pendukung"  # not "Keberhasilan"
    assert "meskipun targetnya belum tercapai" in found["faktor-pendukung-sasaran-2"].instruction
    assert found["solusi-sasaran-2"].title == "Solusi dan Langkah Perbaikan"
    assert found["solusi-sasaran-1"].title == "Upaya Mempertahankan dan Meningkatkan Kinerja"


def _with_realisasi(ctx: ReportContext, kode: str, realisasi: Decimal) -> ReportContext:
    rows = [
        Row({**r, "realisasi": realisasi}, r.source, r.sheet, r.line)
        if (r["indikator"], r["tahun"]) == (kode, ctx.tahun)
        else r
        for r in ctx.data.table("target_realisasi")
    ]
    data = dataclasses.replace(ctx.data, tables={**ctx.data.tables, "target_realisasi": rows})
    return dataclasses.replace(ctx, data=data)


def test_general_factors_fit_the_outcome(perak, sukamaju):
    # Perak reached both targets; Sukamaju missed one (Sasaran 2, 95,72%).
    said = text(bab3.analisis_sasaran(perak))
    assert "Kendala yang Masih Dihadapi" in said and "Faktor Penghambat\n" not in said
    assert "Faktor Pendukung, Kendala dan Upaya Peningkatan Kinerja" in said  # the heading
    assert "Faktor Pendukung, Penghambat dan Solusi" in text(bab3.analisis_sasaran(sukamaju))
    found = narratives(bab3.analisis_sasaran(sukamaju))
    assert found["solusi"].title == "Solusi dan Langkah Perbaikan"
    assert "agar target yang belum tercapai dapat dicapai" in found["solusi"].instruction


def test_missing_general_solution_is_a_placeholder(sukamaju):
    found = narratives(bab3.analisis_sasaran(sukamaju))
    assert found["faktor-pendukung"].text
    assert found["solusi"].text is None


def test_sasaran_efficiency_and_programs(bekasi, perak):
    s1 = text(section_of_sasaran(bab3.analisis_sasaran(bekasi), 1))
    assert "(serapan 98,27%)" in s1 and "efisiensinya 6,47 poin persen" in s1
    assert (
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan: pagu Rp 16.694.865.900, "
        "realisasi Rp 16.440.838.620 (98,48%)."
    ) in s1
    assert "3 (tiga) program" in s1
    s2 = text(section_of_sasaran(bab3.analisis_sasaran(perak), 2))
    assert "efisiensinya 4,56 poin persen" in s2 and "5 (lima) program" in s2


# --- program performance -----------------------------------------------------------------------
def test_program_table_follows_the_budget_hierarchy(perak, bekasi):
    table = only_table(bab3.tabel_kinerja_program(perak))
    assert table.wide
    rows = body(table)
    assert rows[0][:2] == ["7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"]
    assert rows[0][6:] == ["3.025.434.166", "2.841.094.465", "93,91"]
    paten = next(r for r in rows if r[2] == "Nilai PATEN Kecamatan")
    assert paten[3:6] == ["86", "78,25", "90,99"]
    assert foot(table)[0][-3:] == ["3.180.247.616", "2.995.404.515", "94,19"]
    assert "Nilai PATEN Kecamatan: target 86, realisasi 78,25" in text(bab3.kinerja_program(perak))
    kelurahan = [r for r in body(only_table(bab3.tabel_kinerja_program(bekasi))) if "(Kel" in r[1]]
    assert any(r[1].endswith("(Kelurahan Teluk Pucung)") and r[2] != "-" for r in kelurahan)


def test_program_part_can_be_switched_off(perak):
    ctx = switched_off(perak, "kinerja-program")
    assert bab3.kinerja_program(ctx) == [] and bab3.tabel_kinerja_program(ctx) == []


# --- financial accountability ------------------------------------------------------------------
def test_budget_sentence(bekasi, perak):
    bekasi_text = text(bab3.keuangan(bekasi))
    assert "Rp 46.754.089.520 (empat puluh enam miliar tujuh ratus lima puluh empat juta" in (
        bekasi_text
    )
    assert "atau 95,62% dari pagu" in bekasi_text
    assert "(SiLPA) sebesar Rp 2.049.635.864 atau 4,38% dari pagu." in bekasi_text
    assert "5 (lima) program, 12 (dua belas) kegiatan dan 49 (empat puluh sembilan) sub" in (
        bekasi_text
    )
    assert "pagu murni sebesar Rp 46.273.489.520, sehingga bertambah Rp 480.600.000" in bekasi_text
    assert "@tbl-bab3-anggaran-unit" in bekasi_text
    perak_text = text(bab3.keuangan(perak))
    assert "94,19%" in perak_text and "Rp 184.843.101" in perak_text
    assert "@tbl-bab3-anggaran-unit" not in perak_text


def test_budget_tables(bekasi, perak):
    program = only_table(bab3.tabel_anggaran_program(bekasi))
    assert foot(program) == [
        ["Jumlah", "46.754.089.520", "44.704.453.656", "95,62", "2.049.635.864", "4,38"]
    ]
    assert [c.text for c in program.head[1]] == ["Nominal (Rp)", "%", "Nominal (Rp)", "%"]
    assert body(program)[0][4] == "94,08"
    units = only_table(bab3.tabel_anggaran_unit(bekasi))
    assert len(body(units)) == 7 and body(units)[0][1] == "Kecamatan Bekasi Utara"
    assert bab3.tabel_anggaran_unit(perak) == []
    jenis = body(only_table(bab3.tabel_jenis_belanja(bekasi)))
    assert [r[1] for r in jenis] == ["Belanja Barang dan Jasa", "Belanja Pegawai", "Belanja Modal"]
    assert bab3.tabel_jenis_belanja(perak) == []
    sasaran = only_table(bab3.tabel_anggaran_sasaran(perak))
    assert [r[2] for r in body(sasaran)] == ["95,13", "4,87"]
    assert foot(sasaran)[0][1:] == ["100,00", "3.180.247.616", "2.995.404.515", "94,19"]
    # Perak's SILPA Rp 184.843.101 (notes-002 §4 #11), and as a share of the pagu: 5,81%
    assert foot(only_table(bab3.tabel_anggaran_program(perak)))[0][-2:] == ["184.843.101", "5,81"]


def test_under_absorbed_sub_kegiatan(bekasi, perak):
    blocks = bab3.serapan_rendah(bekasi)
    assert "10 (sepuluh) sub kegiatan" in text(blocks)
    items = [inline_text(i) for i in blocks[1].items]  # type: ignore[union-attr]
    assert items[0].startswith(
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD "
        "(Kecamatan Bekasi Utara): realisasi Rp 0 dari pagu Rp 3.000.000 (0,00%)"
    )
    assert "Tidak direalisasikan" in items[0]
    cetak = next(i for i in items if i.startswith("Penyediaan Barang Cetak"))
    assert "[BELUM DIISI: penjelasan di sheet anggaran]" in cetak
    assert any("(Kelurahan Kaliabang Tengah)" in i and "79,45%" in i for i in items)
    assert "capaian keluaran 76,64%" in next(i for i in items if i.startswith("Pemeliharaan Per"))
    assert text(bab3.serapan_rendah(perak)).startswith("Seluruh sub kegiatan")


# --- efficiency --------------------------------------------------------------------------------
def test_efficiency_table(bekasi, perak, sukamaju):
    table = only_table(bab3.tabel_efisiensi(bekasi))
    assert [r[3:] for r in body(table)] == [
        ["104,74", "98,27", "6,47"],
        ["103,91", "94,08", "9,84"],
        ["105,26", "95,63", "9,63"],
    ]
    assert table.head[0][-1].text == "Efisiensi (poin persen)"
    assert "Efisiensi = Capaian Kinerja − Capaian Anggaran" in table.source
    assert [r[5] for r in body(only_table(bab3.tabel_efisiensi(perak)))] == ["8,34", "4,56"]
    assert foot(only_table(bab3.tabel_efisiensi(perak)))[0][1:] == ["103,24", "94,19", "9,05"]
    assert only_table(bab3.tabel_efisiensi(sukamaju)).head[0][-1].text == "Efisiensi (%)"
    assert "tingkat efisiensi sebesar 9,05 poin persen" in text(bab3.efisiensi_kesimpulan(perak))


# --- prestasi, dokumentasi ---------------------------------------------------------------------
def test_prestasi_only_with_rows(mekarsari, sukamaju):
    blocks = bab3.prestasi(mekarsari)
    assert isinstance(blocks[0], Heading) and blocks[0].text == "Prestasi"
    assert "3 (tiga) penghargaan" in text(blocks)
    rows = body(only_table(bab3.tabel_prestasi(mekarsari)))
    assert rows[0][1:4] == [
        "2024",
        "Provinsi",
        "Juara III Lomba Kelurahan Tingkat Provinsi Jawa Barat",
    ]
    assert bab3.prestasi(sukamaju) == [] and bab3.tabel_prestasi(sukamaju) == []
    off = switched_off(mekarsari, "prestasi")
    assert bab3.prestasi(off) == [] and bab3.tabel_prestasi(off) == []


def test_dokumentasi_photos_sukamaju(sukamaju, perak):
    """DESIGN §5: captioned photos. The generated city has three tiny photos in foto/."""
    assert bab3.dokumentasi(perak) == [] and bab3.foto_dokumentasi(perak) == []
    blocks = bab3.dokumentasi(sukamaju)
    assert blocks[0].text == "Dokumentasi Kegiatan"  # type: ignore[union-attr]
    assert text(blocks[1:]) == (
        "Dokumentasi 3 (tiga) kegiatan Kecamatan Sukamaju Tahun 2024 disajikan pada "
        "@fig-bab3-foto-1 sampai @fig-bab3-foto-3."
    )
    photos = bab3.foto_dokumentasi(sukamaju)
    assert [p.label for p in photos] == ["fig-bab3-foto-1", "fig-bab3-foto-2", "fig-bab3-foto-3"]
    assert photos[0].caption == (
        "Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Sukamaju Tahun 2024"
    )
    assert all(p.png.startswith(b"\x89PNG") for p in photos)
    off = switched_off(sukamaju, "dokumentasi")
    assert bab3.dokumentasi(off) == [] and bab3.foto_dokumentasi(off) == []


def test_dokumentasi_skips_a_missing_file(sukamaju):
    # validation reports a missing photo; the builder itself never fails on one
    data = copy.copy(sukamaju.data)
    row = Row({"file": "tidak-ada.jpg", "keterangan": "Rapat koordinasi"}, "x", "dokumentasi", 2)
    data.tables = {**data.tables, "dokumentasi": [row]}
    ctx = dataclasses.replace(sukamaju, data=data)
    assert bab3.dokumentasi(ctx) == [] and bab3.foto_dokumentasi(ctx) == []


def test_photo_png_is_upright_small_and_a_palette_png(tmp_path):
    from io import BytesIO

    from PIL import Image

    from lkjip.report.photos import MAX_SIDE, photo_png

    photo = Image.effect_mandelbrot((1800, 1200), (-2, -1, 1, 1), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # EXIF orientation: rotate 90° clockwise to display
    photo.save(tmp_path / "foto.jpg", exif=exif)
    with Image.open(BytesIO(photo_png(tmp_path / "foto.jpg"))) as result:
        assert result.format == "PNG" and result.mode == "P"
        assert result.size == (MAX_SIDE * 2 // 3, MAX_SIDE)  # portrait after the EXIF rotation
    rgba = Image.new("RGBA", (40, 30), (255, 0, 0, 0))
    rgba.save(tmp_path / "transparan.png")
    with Image.open(BytesIO(photo_png(tmp_path / "transparan.png"))) as result:
        assert result.convert("RGB").getpixel((5, 5)) == (255, 255, 255)  # on white


# --- quarterly realisations, program history, other indicators, ABK, jenis belanja --------------
def test_triwulan_bekasi(bekasi, perak):
    """Bekasi's realisasi_tw* (the values its PK printed as targets) are now printed."""
    blocks = bab3.triwulan_kinerja(bekasi)
    said = text(blocks)
    assert (
        "Indeks Kepuasan Masyarakat (IKM) Kecamatan Bekasi Utara: TW II 77,80 dan TW IV 89,71."
        in said
    )
    assert "Nilai AKIP Kecamatan Bekasi Utara: TW II 72,74." in said
    table = only_table(bab3.tabel_triwulan_kinerja(bekasi))
    assert [c.text for c in table.head[0]][4:8] == ["TW I", "TW II", "TW III", "TW IV"]
    assert body(table) == [
        ["1", "Indeks Kepuasan Masyarakat (IKM) Kecamatan Bekasi Utara", "Nilai", "81",
         "-", "-", "-", "77,80", "-", "-", "-", "89,71", "84,84"],
        ["2", "Nilai AKIP Kecamatan Bekasi Utara", "Nilai", "70",
         "-", "-", "-", "72,74", "-", "-", "-", "-", "72,74"],
        ["3", "Persentase Peningkatan Wilayah yang Tertib", "Persen", "57",
         "10", "-", "20", "-", "10", "-", "17", "-", "60"],
    ]  # fmt: skip
    # quarterly targets alone (Perak's programs) stay in the Perjanjian Kinerja
    assert bab3.tabel_triwulan_kinerja(perak) == [] and bab3.triwulan_kinerja(perak) == []
    off = switched_off(bekasi, "triwulan-kinerja")
    assert bab3.tabel_triwulan_kinerja(off) == [] and bab3.triwulan_kinerja(off) == []


def test_program_history_perak(perak, bekasi):
    """T18: program indicators 2022-2024. PATEN 2022 is 80,25 / 76,5 = 104,90% (printed 105,6%,
    notes §6 #16)."""
    table = only_table(bab3.tabel_tren_program(perak))
    paten = next(r for r in body(table) if "Nilai PATEN Kecamatan" in r)
    assert paten == [
        "2",
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Nilai PATEN Kecamatan",
        "nilai",
        "76,5",
        "80,25",
        "104,90",
        "85,3",
        "85,33",
        "100,04",
        "86",
        "78,25",
        "90,99",
        "▼ −7,08",
    ]
    assert len(table.body) == 7  # 6 programs, Pemerintahan Umum with 2 indicators
    program = next(r for r in table.body if r[1].text.startswith("Program Penyelenggaraan Urusan"))
    assert program[1].rowspan == 2
    said = text(bab3.tren_program_uraian(perak))
    assert "realisasi 7 (tujuh) indikator program: 6 (enam) tetap dan 1 (satu) turun" in said
    assert "Nilai PATEN Kecamatan: turun dari 85,33 (2023) menjadi 78,25 (2024)." in said
    assert bab3.tabel_tren_program(bekasi) == []  # no program indicators
    off = switched_off(perak, "tren-program")
    assert bab3.tabel_tren_program(off) == [] and bab3.tren_program_uraian(off) == []


def test_program_renstra_perak(perak):
    """T20: PATEN 78,25 against the end target 85,3 = 91,74% (printed 91,7%; "91%" in the text,
    notes §6 #17); the other six program indicators 100%."""
    table = only_table(bab3.tabel_renstra_program(perak))
    assert [r[-4:] for r in body(table) if "Nilai PATEN Kecamatan" in r] == [
        ["nilai", "85,3", "78,25", "91,74"]
    ]
    assert [r[-1] for r in body(table)].count("100,00") == 6
    assert foot(table) == [["Rata-rata tingkat kemajuan", "98,82"]]
    said = text(bab3.renstra_program_uraian(perak))
    assert "Dari 7 (tujuh) indikator program yang memiliki target akhir Renstra, 6 (enam)" in said
    assert "Nilai PATEN Kecamatan: realisasi 78,25 atau 91,74% dari target akhir 85,3." in said
    off = switched_off(perak, "renstra-program")
    assert bab3.tabel_renstra_program(off) == [] and bab3.renstra_program_uraian(off) == []


def test_other_indicators_perak(perak, sukamaju):
    """T17's legacy rows (IKM, IPP, Perda/Trantibum, APBDes, Raperdes) and IKM/IPP history."""
    table = only_table(bab3.tabel_indikator_lain(perak))
    rows = body(table)
    assert [r[1] for r in rows] == [
        "IKM Kecamatan Perak",
        "IPP Kecamatan Perak",
        "Persentase laporan pelanggaran Perda/Perkada dan Trantibum yang ditindaklanjuti "
        "instansi terkait",
        "Persentase laporan pertanggungjawaban realisasi APBDesa tepat waktu",
        "Persentase evaluasi Raperdes APBDesa/Perubahan APBDesa tepat waktu",
    ]
    assert rows[0][3:] == ["86", "89,85", "104,48", "89,95", "94,39", "104,94", "94", "93,53",
                           "99,50", "▼ −0,86", "IKU s.d. 2023"]  # fmt: skip
    assert rows[1][3:12] == [
        "3,10",
        "2,31",
        "74,52",
        "3,10",
        "2,45",
        "79,03",
        "3,10",
        "3,45",
        "111,29",
    ]
    assert rows[2][3:6] == ["-", "-", "-"] and rows[2][-1] == "Indikator sasaran s.d. 2023"
    said = text(bab3.indikator_lain(perak))
    assert "tersedia data 5 (lima) indikator kinerja lain, yaitu indikator yang tidak lagi" in said
    assert "IPP Kecamatan Perak: target 3,10, realisasi 3,45 (capaian 111,29%)." in said
    assert "dapat dilaporkan tepat waktu." in said  # the penjelasan, unused before
    # Kota Contoh: the tujuan indicators have their own table now (tbl-bab3-capaian-tujuan)
    assert bab3.tabel_indikator_lain(sukamaju) == []
    off = switched_off(perak, "indikator-lain")
    assert bab3.indikator_lain(off) == [] and bab3.tabel_indikator_lain(off) == []


def test_abk_perak(perak):
    """T28 with its inputs (ABK 20 / 10, available 18 / 4): 90,00% and 40,00%, where the
    reference printed 42,11% and 40% and an average of 46,18% (notes §6 #15)."""
    table = only_table(bab3.tabel_abk(perak))
    assert [c.text for c in table.head[0]] == [
        "No",
        "Jabatan",
        "Sasaran",
        "Kebutuhan (ABK)",
        "Ketersediaan",
        "Selisih",
        "Pemenuhan (%)",
    ]
    assert [r[2:] for r in body(table)] == [
        ["Sasaran 1", "20", "18", "−2", "90,00"],
        ["Sasaran 2", "10", "4", "−6", "40,00"],
    ]
    assert foot(table) == [["Jumlah", "30", "22", "−8", "73,33"]]
    said = text(bab3.efisiensi_sdm(perak))
    assert "membutuhkan 30 (tiga puluh) pegawai, sedangkan yang tersedia 22 (dua puluh dua)" in said
    assert "tingkat pemenuhan sumber daya manusia sebesar 73,33%" in said
    assert "2 (dua) jabatan masih kekurangan pegawai, seluruhnya 8 (delapan) orang" in said
    assert "rata-rata capaian IKU sebesar 103,24%, sehingga efisiensi sumber daya manusia " \
        "29,91 poin persen" in said  # fmt: skip
    assert "Sasaran 1 (Meningkatnya akuntabilitas dan kinerja Kecamatan): 18 (delapan belas) dari " \
        "20 (dua puluh) pegawai yang dibutuhkan (90,00%), capaian kinerja 102,25%, efisiensi " \
        "12,25 poin persen." in said  # fmt: skip
    assert "efisiensi 64,23 poin persen" in said
    off = switched_off(perak, "abk")
    assert bab3.efisiensi_sdm(off) == [] and bab3.tabel_abk(off) == []


def test_abk_per_jabatan_sukamaju(sukamaju, bekasi):
    table = only_table(bab3.tabel_abk(sukamaju))
    assert "Sasaran" not in [c.text for c in table.head[0]]
    assert body(table)[0] == ["1", "Camat", "1", "1", "0", "100,00"]
    assert foot(table) == [["Jumlah", "38", "31", "−7", "81,58"]]
    said = text(bab3.efisiensi_sdm(sukamaju))
    assert "6 (enam) jabatan masih kekurangan pegawai, seluruhnya 8 (delapan) orang" in said
    assert "efisiensi sumber daya manusia 27,33%" in said  # rasio rule of Kota Contoh
    assert "Menurut sasaran strategis" not in said
    assert bab3.tabel_abk(bekasi) == [] and bab3.efisiensi_sdm(bekasi) == []


def test_jenis_belanja_figure(bekasi, perak):
    figure = bab3.grafik_jenis_belanja(bekasi)
    assert figure.categories == ("Belanja Barang dan Jasa", "Belanja Pegawai", "Belanja Modal")
    assert figure.horizontal and figure.number_format.kind == "rupiah_ringkas"
    assert bab3.grafik_jenis_belanja(perak) is None  # no jenis_belanja in Perak's data
    said = text(bab3.keuangan(bekasi))
    assert "per jenis belanja pada @tbl-bab3-jenis-belanja dan @fig-bab3-jenis-belanja" in said
    assert "Seluruh anggaran bersumber dari PAD." in said
    off = switched_off(bekasi, "jenis-belanja")
    assert bab3.grafik_jenis_belanja(off) is None and bab3.tabel_jenis_belanja(off) == []
    assert "jenis belanja" not in text(bab3.keuangan(off))


# --- references and figures --------------------------------------------------------------------
PRODUCERS = {
    "tbl-bab3-skala": bab3.tabel_skala,
    "tbl-bab3-capaian-iku": bab3.tabel_capaian_iku,
    "tbl-bab3-capaian-tujuan": bab3.tabel_capaian_tujuan,
    "tbl-bab3-klasifikasi": bab3.tabel_klasifikasi,
    "tbl-bab3-tren": bab3.tabel_tren,
    "tbl-bab3-renstra": bab3.tabel_renstra,
    "tbl-bab3-pembanding": bab3.tabel_pembanding,
    "tbl-bab3-kinerja-program": bab3.tabel_kinerja_program,
    "tbl-bab3-anggaran-program": bab3.tabel_anggaran_program,
    "tbl-bab3-anggaran-sasaran": bab3.tabel_anggaran_sasaran,
    "tbl-bab3-anggaran-unit": bab3.tabel_anggaran_unit,
    "tbl-bab3-jenis-belanja": bab3.tabel_jenis_belanja,
    "tbl-bab3-efisiensi": bab3.tabel_efisiensi,
    "tbl-bab3-prestasi": bab3.tabel_prestasi,
    "tbl-bab3-triwulan": bab3.tabel_triwulan_kinerja,
    "tbl-bab3-tren-program": bab3.tabel_tren_program,
    "tbl-bab3-renstra-program": bab3.tabel_renstra_program,
    "tbl-bab3-indikator-lain": bab3.tabel_indikator_lain,
    "tbl-bab3-abk": bab3.tabel_abk,
    "fig-bab3-jenis-belanja": bab3.grafik_jenis_belanja,
    **{
        f"fig-bab3-foto-{n}": lambda ctx, n=n: [
            p for p in bab3.foto_dokumentasi(ctx) if p.label == f"fig-bab3-foto-{n}"
        ]
        for n in range(1, 4)
    },
    "fig-bab3-target-realisasi": bab3.grafik_target_realisasi,
    "fig-bab3-tren": bab3.grafik_tren,
    "fig-bab3-anggaran": bab3.grafik_anggaran,
    "fig-bab3-kinerja-anggaran": bab3.grafik_kinerja_anggaran,
}
TEXT_FUNCTIONS = [
    bab3.metode,
    bab3.capaian_pengantar,
    bab3.capaian_uraian,
    bab3.capaian_tujuan,
    bab3.analisis_pengantar,
    bab3.analisis_sasaran,
    bab3.kinerja_program,
    bab3.keuangan,
    bab3.efisiensi_pengantar,
    bab3.prestasi,
    bab3.triwulan_kinerja,
    bab3.tren_program_uraian,
    bab3.renstra_program_uraian,
    bab3.indikator_lain,
    bab3.efisiensi_sdm,
    bab3.dokumentasi,
]


@pytest.mark.parametrize("name", ["perak", "bekasi", "sukamaju", "mekarsari"])
def test_every_reference_points_to_a_produced_table_or_figure(name, request):
    ctx = request.getfixturevalue(name)
    labels = set()
    for function in TEXT_FUNCTIONS:
        for block in function(ctx):
            items = block.items if isinstance(block, ListBlock) else []
            for content in [block.content] if isinstance(block, Para) else items:
                labels |= {i.label for i in content if isinstance(i, Ref)}
    assert "tbl-bab3-capaian-iku" in labels
    for label in labels:
        produced = PRODUCERS[label](ctx)
        assert produced, label


def test_figures(perak, bekasi):
    for function in (
        bab3.grafik_target_realisasi,
        bab3.grafik_tren,
        bab3.grafik_anggaran,
        bab3.grafik_kinerja_anggaran,
    ):
        produced = function(perak)
        assert produced and all(
            isinstance(c, Chart) for c in (produced if isinstance(produced, list) else [produced])
        )
    # Perak's IKU have different units: a panel each, in its own unit.
    panels = bab3.grafik_target_realisasi(perak)
    assert [p.title_y for p in panels] == ["nilai", "indeks"]
    same_unit = copy.copy(bekasi)
    same_unit.__dict__["iku"] = bekasi.iku[:2]  # both "Nilai"
    chart = bab3.grafik_target_realisasi(same_unit)
    assert isinstance(chart, Chart) and chart.title_y == "Nilai" and len(chart.categories) == 2
    # Two IKU with history in Bekasi Utara: two panels; IKU 3 has only 2024.
    assert len(bab3.grafik_tren(bekasi)) == 2
    assert bab3.grafik_anggaran(bekasi).title_y == "Rupiah"


def test_opening_text_is_the_city_boilerplate(perak):
    (block,) = bab3.pengantar(perak)
    assert isinstance(block, Narrative) and block.anchor == "akuntabilitas"
    assert block.text and "Kecamatan Perak" in block.text and "Tahun 2024" in block.text
