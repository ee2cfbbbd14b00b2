"""Figures of the LKjIP Kecamatan Perak 2024, computed from the transcribed sample data.

Pinned to the reference report (../shared/reference/002_*.txt, L###) or, where it is wrong, to the
recomputation in notes-002. Rules: preset sakip-7 (params/kabupaten-jombang.yaml).
"""

from __future__ import annotations

from decimal import Decimal as D

from lkjip.formatting import angka, persen, rupiah
from lkjip.metrics.anggaran import anggaran_by, anggaran_tree
from lkjip.metrics.capaian import average, category_counts, iku_results, sasaran_results
from lkjip.metrics.efisiensi import efisiensi_by_sasaran
from lkjip.metrics.evaluasi import akip_result, ikm_result
from lkjip.metrics.tren import trend


def test_iku_capaian_of_tabel_3_1(perak_data):
    data, rules, tahun = perak_data
    iku = iku_results(data, rules, tahun)
    # L745-751: 73 / 74,64 and 7,8 / 8,13; printed 102 % and 104 % (notes: 102,25 and 104,23).
    assert [r.kode for r in iku] == ["IKU1", "IKU2"]
    assert [persen(r.capaian.nilai) for r in iku] == ["102,25%", "104,23%"]
    overall = average(iku, rules)
    assert persen(overall.nilai) == "103,24%"  # "Rata-rata Capaian IKU 103%"
    # L720: above 100 counts as 100 for the predicate; L753: "(predikat sangat memuaskan)".
    assert overall.nilai_kategori == D(100)
    assert (overall.kategori.kode, overall.kategori.label) == ("AA", "Sangat Memuaskan")


def test_sasaran_classification_of_tabel_3_2(perak_data):
    data, rules, tahun = perak_data
    # Tabel 3.2 prints "103%" where the count of sasaran belongs (notes E70): 2 exceed the target.
    assert category_counts(sasaran_results(data, rules, tahun)) == {
        "melampaui": 2,
        "sesuai": 0,
        "tidak_mencapai": 0,
    }


def test_akip_score_from_lke_and_field_scores(perak_data):
    data, rules, _ = perak_data
    result = akip_result(data, rules, 2024)
    # Tabel 1.3: 24,81 + 19,87 + 10,87 + 19,09 = 74,64, "kategori BB dengan predikat Sangat Baik".
    assert result.nilai == D("74.64")
    assert (result.predikat.kode, result.predikat.label) == ("BB", "Sangat Baik")
    assert [angka(c.persen) for c in result.komponen] == ["82,70", "66,23", "72,47", "76,36"]
    assert akip_result(data, rules, 2023).nilai == D("72.61")


def test_unit_ikm_is_the_mean_of_services(perak_data):
    data, rules, _ = perak_data
    result = ikm_result(data, rules, 2024)
    # "IKM Unit Layanan 93.53" = 467,67 / 5.
    assert len(result.layanan) == 5
    assert angka(result.nilai) == "93,53"
    assert result.mutu.kode == "A"


def test_budget_total_silpa_and_sasaran_allocation(perak_data):
    data, rules, _ = perak_data
    total = anggaran_tree(data, rules)
    # Tabel 3.7 JUMLAH and L1109: 3.180.247.616 / 2.995.404.515 = 94,19 %, silpa 184.843.101.
    assert (rupiah(total.pagu), rupiah(total.realisasi)) == ("Rp 3.180.247.616", "Rp 2.995.404.515")
    assert persen(total.persen) == "94,19%"
    assert rupiah(total.silpa) == "Rp 184.843.101"
    assert len(total.children) == 6
    # Tabel 3.8 / 3.9: sasaran 1 3.025.434.166 (95,13 %) / 2.841.094.465 (93,91 %);
    # sasaran 2 154.813.450 (4,87 %) / 154.310.050 (99,67 %).
    by_sasaran = {line.kode: line for line in anggaran_by(data, rules, "sasaran")}
    assert (by_sasaran["S1"].pagu, by_sasaran["S1"].realisasi) == (3_025_434_166, 2_841_094_465)
    assert (by_sasaran["S2"].pagu, by_sasaran["S2"].realisasi) == (154_813_450, 154_310_050)
    assert persen(by_sasaran["S1"].persen) == "93,91%"
    assert persen(by_sasaran["S2"].persen) == "99,67%"


def test_efficiency_as_difference(perak_data):
    data, rules, tahun = perak_data
    rows = efisiensi_by_sasaran(data, rules, tahun)
    # Tabel 3.11: "102,2% 93,91 % 8,29%"; from unrounded values 102,2466 - 93,9069 = 8,34.
    # Row 2 printed 102,2 / 100 / 2,2 (wrong inputs, notes §6): 104,2308 - 99,6748 = 4,56.
    assert [angka(r.efisiensi) for r in rows] == ["8,34", "4,56"]


def test_trend_of_the_akip_over_three_years(perak_data):
    data, rules, tahun = perak_data
    akip = iku_results(data, rules, tahun)[0]
    result = trend(akip, data, rules)
    # Tabel 3.4: 70,93 -> 72,61 -> 74,64, "selalu mengalami peningkatan".
    assert [v.realisasi for v in result.tahun] == [D("70.93"), D("72.61"), D("74.64")]
    assert (result.simbol, result.perubahan, result.membaik) == ("▲", D("2.03"), True)
