"""Metrics on small hand-checked inputs (the reference figures are pinned in test_reference.py)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip.loader import load_kecamatan
from lkjip.metrics.anggaran import anggaran_by, anggaran_tree, share
from lkjip.metrics.capaian import iku_results, sasaran_results
from lkjip.metrics.evaluasi import akip_result, ikm_result
from lkjip.metrics.pegawai import pegawai_pivot
from lkjip.metrics.tren import progress_to_end, trend
from lkjip.rules import load_rules
from minimal import SHEETS, write_minimal

RULES = load_rules({"preset": "permendagri-5"})

ANGGARAN = """program_kode,program,kegiatan_kode,kegiatan,kode,subkegiatan,unit,sasaran,pagu,realisasi
P1,Program Satu,P1.K1,Kegiatan Satu,P1.K1.S1,Sub Satu,,S1,1000,900
P1,Program Satu,P1.K1,Kegiatan Satu,P1.K1.S2,Sub Dua,Kelurahan Satu,S1,3000,1500
P1,Program Satu,P1.K2,Kegiatan Dua,P1.K2.S1,Sub Tiga,,S1,1000,1000
P2,Program Dua,P2.K1,Kegiatan Tiga,P2.K1.S1,Sub Empat,Kelurahan Satu,S2,5000,4000
"""


@pytest.fixture
def kec(tmp_path: Path):
    return load_kecamatan(write_minimal(tmp_path / "kec", anggaran=ANGGARAN, pagu_program=None))


def test_budget_rolls_up_from_sub_kegiatan(kec):
    total = anggaran_tree(kec, RULES)
    assert (total.pagu, total.realisasi, total.silpa) == (10000, 7400, 2600)
    assert total.persen == D(74)
    program = total.children[0]
    assert (program.kode, program.pagu, program.realisasi) == ("P1", 5000, 3400)
    assert [k.pagu for k in program.children] == [4000, 1000]
    assert program.children[0].persen == D("60")  # from sums: 2400 / 4000
    assert [line.level for line in total.walk()][:4] == [
        "total",
        "program",
        "kegiatan",
        "subkegiatan",
    ]


def test_percentages_of_parents_can_be_averaged_when_a_region_does_so(kec):
    averaged = load_rules({"preset": "permendagri-5", "persen_induk": "rata_rata"})
    kegiatan = anggaran_tree(kec, averaged).children[0].children[0]
    assert kegiatan.persen == D(70)  # mean of 90 % and 50 %


def test_budget_by_sasaran_unit_and_share(kec):
    by_sasaran = {line.kode: line for line in anggaran_by(kec, RULES, "sasaran")}
    assert (by_sasaran["S1"].pagu, by_sasaran["S2"].realisasi) == (5000, 4000)
    by_unit = {line.kode: line.pagu for line in anggaran_by(kec, RULES, "unit")}
    assert by_unit == {"Kecamatan": 2000, "Kelurahan Satu": 8000}
    assert share(5000, 10000) == D(50)
    assert share(1, 0) is None


def test_iku_and_sasaran_capaian(kec):
    iku = iku_results(kec, RULES, 2024)
    assert [r.kode for r in iku] == ["IKU1", "IKU2"]
    assert iku[1].capaian.nilai == D("106.25")
    sasaran = sasaran_results(kec, RULES, 2024)
    assert [s.kode for s in sasaran] == ["S1", "S2"]
    assert sasaran[1].capaian.nilai == D("106.25")


def test_ikm_from_unsur_values_and_its_mutu_band(tmp_path: Path):
    unsur = "".join(f"2024,KTP,U{i},3.5,\n" for i in range(1, 10))
    unsur += "".join(f"2024,KK,U{i},3.0,\n" for i in range(1, 10))
    ikm_csv = "tahun,layanan,unsur,nrr,nilai\n" + unsur
    kec = load_kecamatan(write_minimal(tmp_path / "kec", ikm=ikm_csv))
    result = ikm_result(kec, RULES, 2024)
    assert [s.nilai for s in result.layanan] == [D("87.5"), D("75.0")]
    assert result.nilai == D("81.25")
    assert result.mutu.kode == "B"
    assert ikm_result(kec, RULES, 2023) is None


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
    ],
)
def test_ikm_bands_of_permenpan_14_2017(tmp_path: Path, value, band):
    kec = load_kecamatan(write_minimal(tmp_path / "kec", ikm=f"tahun,nilai\n2024,{value}\n"))
    assert ikm_result(kec, RULES, 2024).mutu.kode == band


def test_akip_total_and_predicate(kec):
    result = akip_result(kec, RULES, 2024)
    assert result.nilai == D("72.74")
    assert (result.predikat.kode, result.predikat.label) == ("BB", "Sangat Baik")
    assert result.komponen[0].persen.quantize(D("0.01")) == D("78.73")


def test_akip_component_from_lke_and_field_scores(tmp_path: Path):
    # Perak Tabel 1.3: 0,8 x 25,53 + 0,2 x 21,95 = 24,814; Evaluasi Kinerja has no field score.
    sakip = 'tahun,komponen,bobot,nilai_lke,nilai_lapangan\n2024,Perencanaan Kinerja,30,"25,53","21,95"\n2024,Evaluasi Kinerja,25,"19,09",\n'
    kec = load_kecamatan(write_minimal(tmp_path / "kec", evaluasi_sakip=sakip))
    result = akip_result(kec, load_rules({"preset": "sakip-7"}), 2024)
    assert [c.nilai for c in result.komponen] == [D("24.814"), D("19.09")]


def test_trend_and_progress_to_renstra_target(tmp_path: Path):
    indikator = SHEETS["indikator"].replace("iku,dihitung_dari", "iku,dihitung_dari,target_akhir")
    indikator = indikator.replace("ya,akip", "ya,akip,75")
    kec = load_kecamatan(write_minimal(tmp_path / "kec", indikator=indikator))
    akip = iku_results(kec, RULES, 2024)[0]
    result = trend(akip, kec, RULES)
    assert [v.tahun for v in result.tahun] == [2022, 2023, 2024]
    assert result.perubahan == D("3.24")
    assert (result.arah, result.simbol, result.membaik) == ("naik", "▲", True)
    assert progress_to_end(akip, RULES).quantize(D("0.01")) == D("96.99")
    no_history = trend(iku_results(kec, RULES, 2024)[1], kec, RULES)
    assert (no_history.arah, no_history.simbol) == (None, "-")


def test_staff_pivot_with_totals(tmp_path: Path):
    pegawai = """jabatan,kategori,pendidikan,jenis_kelamin,jumlah
PNS,pns,S1,L,42
PNS,pns,SLTA,P,15
Camat,struktural,S2,L,
Staf,pelaksana,D3,L,
Kontrak,non_asn,SMA,P,111
"""
    kec = load_kecamatan(write_minimal(tmp_path / "kec", pegawai=pegawai))
    table = pegawai_pivot(kec, "kategori", "pendidikan")
    assert list(table.columns) == ["S2", "S1", "D3", "SLTA", "Jumlah"]
    # Each labelled as the data name them: a PNS is "PNS" unless the data say "pelaksana".
    assert list(table.index) == ["Struktural", "Pelaksana", "PNS", "Non-ASN", "Jumlah"]
    assert table.loc["PNS", "Jumlah"] == 57 and table.loc["Pelaksana", "Jumlah"] == 1
    assert table.loc["Non-ASN", "SLTA"] == 111  # "SMA" is read as SLTA
    assert table.loc["Jumlah", "Jumlah"] == 170
    by_sex = pegawai_pivot(kec, "jenis_kelamin")
    assert by_sex.loc["Perempuan", "Jumlah"] == 126 and by_sex.loc["Jumlah", "Jumlah"] == 170
