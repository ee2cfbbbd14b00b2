"""The broken-input corpus: each mistake gives its own Indonesian message and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from minimal import SHEETS, write_minimal


def replace(sheet: str, old: str, new: str) -> dict[str, str]:
    assert old in SHEETS[sheet], old
    return {sheet: SHEETS[sheet].replace(old, new, 1)}


CASES = {
    "missing sheet": (
        {"anggaran": None},
        "anggaran.csv, sheet anggaran: sheet wajib 'anggaran' tidak ada",
    ),
    "missing column": (
        replace("indikator", ",polaritas,", ","),
        "sheet indikator, baris 1, kolom polaritas: kolom wajib 'polaritas' tidak ada",
    ),
    "text in a number column": (
        replace("anggaran", ",1200000,", ",satu juta,"),
        "sheet anggaran, baris 2, kolom pagu: nilai tidak sesuai: 'satu juta' bukan angka "
        "(ditemukan 'satu juta'; seharusnya rupiah (Rp))",
    ),
    "duplicate code": (
        replace("indikator", "IKU2,sasaran", "IKU1,sasaran"),
        "sheet indikator, baris 3, kolom kode: kode indikator 'IKU1' ganda; sudah dipakai di baris 2",
    ),
    "unknown parent": (
        replace("sasaran", "S2,T1", "S2,T9"),
        "sheet sasaran, baris 3, kolom tujuan: kode tujuan induk 'T9' tidak ditemukan",
    ),
    "zero target": (
        replace("target_realisasi", "IKU2,2024,80,", "IKU2,2024,0,"),
        "sheet target_realisasi, baris 4, kolom target: target 0: capaian tidak dapat dihitung",
    ),
    "negative pagu": (
        replace("anggaran", ",500000,500000,", ",500000,-500000,"),
        "sheet anggaran, baris 3, kolom pagu: nilai uang negatif (ditemukan '-Rp 500.000'",
    ),
    "TW sum differs from pagu": (
        replace("anggaran", "150000,150000,400000", "150000,175000,400000"),
        "sheet anggaran, baris 3, kolom tw1: jumlah alokasi TW1–TW4 (Rp 525.000) tidak sama "
        "dengan pagu_murni (ditemukan 'Rp 525.000'; seharusnya Rp 500.000)",
    ),
    "realisasi for a future year": (
        replace("target_realisasi", "P1,2024,100,100,", "P1,2024,100,100,\nP1,2025,100,90,"),
        "sheet target_realisasi, baris 6, kolom realisasi: realisasi diisi untuk tahun sesudah "
        "tahun laporan",
    ),
    "evaluation after the report year": (
        replace("evaluasi_sakip", "2024,Pelaporan", "2025,Pelaporan"),
        "sheet evaluasi_sakip, baris 4, kolom tahun: tahun sesudah tahun laporan",
    ),
    "missing realisasi of the report year": (
        replace("target_realisasi", 'IKU2,2024,80,"85,00"', "IKU2,2024,80,"),
        "sheet target_realisasi, baris 4, kolom realisasi: realisasi tahun 2024 indikator 'IKU2' kosong",
    ),
    "indicator without a row for the report year": (
        replace("target_realisasi", "P1,2024,100,100,\n", ""),
        "sheet target_realisasi: indikator 'P1' tidak punya target dan realisasi tahun 2024",
    ),
    "stated program total differs": (
        replace("pagu_program", "7.01.01,1200000", "7.01.01,1300000"),
        "sheet pagu_program, baris 2, kolom pagu: pagu program '7.01.01' tidak sama dengan jumlah "
        "sub kegiatannya (ditemukan 'Rp 1.300.000'; seharusnya Rp 1.200.000 (jumlah sheet anggaran))",
    ),
    "AKIP realisasi differs from its components": (
        replace("target_realisasi", '"72,74"', '"73,74"'),
        "sheet target_realisasi, baris 3, kolom realisasi: realisasi berbeda dengan nilai yang "
        "dihitung dari sheet evaluasi_sakip tahun 2024 (ditemukan '73,74'; seharusnya 72,74)",
    ),
    "stated kelurahan count differs": (
        replace("profil", "jumlah_kelurahan,2", "jumlah_kelurahan,3"),
        "sheet profil, baris 9, kolom nilai: jumlah_kelurahan tidak sama dengan banyaknya kelurahan "
        "di sheet wilayah (ditemukan '3'; seharusnya 2)",
    ),
    "unknown choice": (
        replace(
            "indikator",
            "IKU2,sasaran,S2,Indeks Kepuasan Masyarakat,nilai,naik",
            "IKU2,sasaran,S2,Indeks Kepuasan Masyarakat,nilai,atas",
        ),
        "sheet indikator, baris 3, kolom polaritas: nilai tidak sesuai: pilihan tidak dikenal "
        "(ditemukan 'atas'; seharusnya salah satu dari: naik, turun)",
    ),
    "empty required cell": (
        replace("sasaran", "S1,T1,Meningkatnya akuntabilitas kinerja", "S1,T1,"),
        "sheet sasaran, baris 2, kolom uraian: sel wajib kosong",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_broken_input_gives_its_message_and_exit_1(tmp_path: Path, case: str):
    changes, message = CASES[case]
    folder = write_minimal(tmp_path / "kec", **changes)
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 1, result.output
    assert message in result.stdout, result.stdout
    assert "[galat]" in result.stdout
    assert "Traceback" not in result.output


def test_the_minimal_kecamatan_itself_is_valid(tmp_path: Path):
    result = run_cli("validate", write_minimal(tmp_path / "kec"), cwd=tmp_path)
    assert result.code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout


def test_wrong_year_against_the_city_config(tmp_path: Path):
    write_minimal(
        tmp_path / "data" / "kec", profil=SHEETS["profil"].replace("tahun,2024", "tahun,2023")
    )
    (tmp_path / "kota.yaml").write_text(
        "nama: Kota Uji\njenis: kota\ntahun: 2024\nkecamatan: [{slug: kec, nama: Kec, data: data/kec}]\n",
        encoding="utf-8",
    )
    result = run_cli("validate", "kota.yaml", cwd=tmp_path)
    assert result.code == 1
    assert (
        "data/kec/profil.csv, sheet profil, kolom tahun: tahun profil berbeda dengan tahun "
        "konfigurasi kota (ditemukan '2023'; seharusnya 2024)"
    ) in result.stdout


def test_warnings_alone_keep_exit_0(tmp_path: Path):
    folder = write_minimal(
        tmp_path / "kec", **replace("anggaran", "150000,150000,400000", "150000,150000,600000")
    )
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert (
        "[peringatan] kec/anggaran.csv, sheet anggaran, baris 3, kolom realisasi: realisasi melebihi pagu"
        in result.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "tidak-ada"), "tidak-ada: berkas atau folder tidak ditemukan"),
        (("validate", "kosong"), "kosong: tidak ada data.xlsx maupun berkas CSV data"),
        (("validate", "rusak.yaml"), "rusak.yaml baris 3: YAML tidak sah"),
        (("validate", "kurang.yaml"), "kurang.yaml: jenis: wajib diisi"),
        (("validate", "buruk.xlsx"), "buruk.xlsx: workbook tidak dapat dibuka"),
        (("summary", "tidak-ada.yaml"), "tidak-ada.yaml: berkas konfigurasi tidak ditemukan"),
    ],
)
def test_unusable_input_exits_2_without_traceback(tmp_path: Path, args, message):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "rusak.yaml").write_text("nama: [\n  tidak: ditutup\n", encoding="utf-8")
    (tmp_path / "kurang.yaml").write_text(
        "nama: Kota\ntahun: 2024\nkecamatan: [{slug: a, nama: A, data: a}]\n", encoding="utf-8"
    )
    (tmp_path / "buruk.xlsx").write_bytes(b"bukan workbook")
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
