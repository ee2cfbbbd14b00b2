"""Figures of the LKIP Kecamatan Bekasi Utara 2024, computed from the transcribed sample data.

Each number is pinned to the reference report (../shared/reference/004_*.txt, line numbers L###)
or, where the report is wrong, to the recomputation in its notes (notes-004, section numbers).
"""

from __future__ import annotations

from decimal import Decimal as D

from lkjip.formatting import angka, persen, round_half_up, rupiah
from lkjip.metrics.anggaran import anggaran_by, anggaran_tree
from lkjip.metrics.capaian import average, iku_results
from lkjip.metrics.efisiensi import efisiensi_by_sasaran
from lkjip.metrics.evaluasi import akip_result, ikm_result
from lkjip.metrics.pegawai import pegawai_pivot


def r2(value: D) -> D:
    return round_half_up(value)


def test_iku_capaian_of_tabel_3_1(bekasi_utara_data):
    data, rules, tahun = bekasi_utara_data
    iku = {r.uraian.split(" ")[0]: r for r in iku_results(data, rules, tahun)}
    # L586-594: IKM 81 / 84.84 -> 104.74; AKIP 70 / 72.74 -> 103.91; tertib 57 / 60 -> 105.26.
    assert [persen(r.capaian.nilai) for r in iku_results(data, rules, tahun)] == [
        "104,74%",
        "103,91%",
        "105,26%",
    ]
    assert {r.capaian.kategori.label for r in iku.values()} == {"Tercapai"}
    assert persen(average(iku_results(data, rules, tahun), rules).nilai) == "104,64%"


def test_akip_score_and_predicate(bekasi_utara_data):
    data, rules, _ = bekasi_utara_data
    # Tabel 3.4 / 3.5: 72.75 (2023) and 72.74 (2024), predicate BB.
    assert akip_result(data, rules, 2024).nilai == D("72.74")
    assert akip_result(data, rules, 2023).nilai == D("72.75")
    assert akip_result(data, rules, 2024).predikat.kode == "BB"


def test_ikm_and_its_mutu(bekasi_utara_data):
    data, rules, _ = bekasi_utara_data
    result = ikm_result(data, rules, 2024)
    # L649: "nilai 84.84 dengan mutu pelayanan dalam kategori B (Baik)".
    assert (angka(result.nilai), result.mutu.kode, result.mutu.label) == ("84,84", "B", "Baik")


def test_budget_total_and_silpa(bekasi_utara_data):
    data, rules, _ = bekasi_utara_data
    total = anggaran_tree(data, rules)
    # Tabel 3.11 TOTAL: 46.754.089.520 / 44.704.453.656; the stated "100%" is 95,62 (notes §6.2.6).
    assert rupiah(total.pagu) == "Rp 46.754.089.520"
    assert rupiah(total.realisasi) == "Rp 44.704.453.656"
    assert persen(total.persen) == "95,62%"
    assert total.silpa == 2_049_635_864
    assert total.pagu_murni == 46_273_489_520  # Tabel 2.4 JUMLAH
    # Tabel 2.4 quarterly allocation, recomputed (notes A.2; the stated TW I and II are wrong).
    assert total.tw == (10_842_693_496, 13_403_313_262, 10_441_547_476, 11_585_935_286)


def test_budget_per_program_of_tabel_3_11(bekasi_utara_data):
    data, rules, _ = bekasi_utara_data
    programs = [
        (p.pagu, p.realisasi, persen(p.persen)) for p in anggaran_tree(data, rules).children
    ]
    assert programs == [
        (29_564_223_620, 27_813_220_986, "94,08%"),  # stated 92,32 % (notes §6.2.5)
        (380_000_000, 339_533_550, "89,35%"),
        (16_694_865_900, 16_440_838_620, "98,48%"),
        (75_000_000, 71_722_000, "95,63%"),
        (40_000_000, 39_138_500, "97,85%"),
    ]
    leaves = [line for line in anggaran_tree(data, rules).walk() if line.level == "subkegiatan"]
    assert len(leaves) == 49


def test_budget_per_unit(bekasi_utara_data):
    data, rules, _ = bekasi_utara_data
    units = {u.kode: u for u in anggaran_by(data, rules, "unit")}
    assert len(units) == 7  # the kecamatan and its 6 kelurahan
    assert sum(u.pagu for u in units.values()) == 46_754_089_520


def test_efficiency_per_sasaran(bekasi_utara_data):
    data, rules, tahun = bekasi_utara_data
    # Tabel 3.14 prints "100%" in all nine cells; notes §6.2.19 recompute 98,27 / 94,08 / 95,63
    # absorption. Efisiensi (difference) from unrounded values: 6,47 / 9,84 / 9,63 (the notes'
    # 9,83 subtracts already-rounded percentages).
    rows = efisiensi_by_sasaran(data, rules, tahun)
    assert [persen(r.capaian_anggaran) for r in rows] == ["98,27%", "94,08%", "95,63%"]
    assert [angka(r.efisiensi) for r in rows] == ["6,47", "9,84", "9,63"]


def test_staff_education_table_1_1(bekasi_utara_data):
    data, _, _ = bekasi_utara_data
    table = pegawai_pivot(data, "kategori", "pendidikan")
    # Tabel 1.1: 73 PNS + 231 kontrak = 304; its TOTAL row is wrong (notes §6.1).
    assert table.loc["Jumlah", "Jumlah"] == 304
    assert table.loc["Jumlah", "S1"] == 147
    assert table.loc["Jumlah", "SLTA"] == 126
