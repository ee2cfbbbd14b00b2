"""The broken-input corpus: each mistake gives its own Indonesian message and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from lkjip.loader import load_kecamatan
from lkjip.narasi import read_narrative
from minimal import SHEETS, write_minimal


def replace(sheet: str, old: str, new: str) -> dict[str, str]:
    assert old in SHEETS[sheet], old
    return {sheet: SHEETS[sheet].replace(old, new, 1)}


WILAYAH_LUAS = """nama,jenis,luas_km2,penduduk_l,penduduk_p
Satu,kelurahan,"{}",100,110
Dua,kelurahan,"{}",200,190
"""

CASES = {
    "missing sheet": (
        {"anggaran": None},
        "anggaran.csv, sheet anggaran: sheet wajib 'anggaran' tidak ada (seharusnya sheet/berkas "
        "'anggaran' dengan kolom program_kode, program, kegiatan_kode, kegiatan, kode, "
        "subkegiatan, atau isi sheet anggaran_kegiatan / pagu_program (kolom program) / belanja)",
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
        "sheet anggaran, baris 3, kolom pagu: nilai uang negatif (ditemukan '−Rp 500.000'",
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
    "stated area differs from the kelurahan areas": (
        {
            "profil": SHEETS["profil"] + 'luas_km2,"5,00"\n',
            "wilayah": WILAYAH_LUAS.format("1,20", "2,30"),
        },
        "sheet profil, baris 10, kolom nilai: luas_km2 tidak sama dengan jumlah luas "
        "desa/kelurahan di sheet wilayah (ditemukan '5,00'; seharusnya 3,50 (jumlah kolom "
        "luas_km2 sheet wilayah))",
    ),
    "kelurahan areas filled in so far already exceed the stated area": (
        {
            "profil": SHEETS["profil"] + 'luas_km2,"3,00"\n',
            "wilayah": WILAYAH_LUAS.format("3,50", ""),
        },
        "sheet profil, baris 10, kolom nilai: luas_km2 lebih kecil daripada jumlah luas "
        "desa/kelurahan yang diisi di sheet wilayah (ditemukan '3,00'; seharusnya paling "
        "sedikit 3,50)",
    ),
    "kegiatan under two programs": (
        replace(
            "anggaran",
            "7.01.02,Program Pelayanan Publik,7.01.02.2.01,Pelayanan,",
            "7.01.02,Program Pelayanan Publik,7.01.01.2.01,Administrasi Keuangan,",
        ),
        "sheet anggaran, baris 3, kolom program_kode: kode kegiatan '7.01.01.2.01' di bawah "
        "program '7.01.02', padahal di baris 2 di bawah program '7.01.01'",
    ),
    "sub kegiatan under two kegiatan": (
        replace(
            "anggaran",
            "7.01.02.2.01.0001,Koordinasi Pelayanan",
            "7.01.01.2.01.0001,Koordinasi Pelayanan",
        ),
        "sheet anggaran, baris 3, kolom kegiatan_kode: kode sub kegiatan '7.01.01.2.01.0001' di "
        "bawah kegiatan '7.01.02.2.01', padahal di baris 2 di bawah kegiatan '7.01.01.2.01'",
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
        (
            ("validate", "cp1252.yaml"),
            "cp1252.yaml baris 1: berkas konfigurasi bukan UTF-8 (ditemukan bita 0xE9",
        ),
    ],
)
def test_unusable_input_exits_2_without_traceback(tmp_path: Path, args, message):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "cp1252.yaml").write_bytes("nama: Kota Cit\u00e9\n".encode("cp1252"))
    (tmp_path / "rusak.yaml").write_text("nama: [\n  tidak: ditutup\n", encoding="utf-8")
    (tmp_path / "kurang.yaml").write_text(
        "nama: Kota\ntahun: 2024\nkecamatan: [{slug: a, nama: A, data: a}]\n", encoding="utf-8"
    )
    (tmp_path / "buruk.xlsx").write_bytes(b"bukan workbook")
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("sheet", "header", "missing", "parent_error"),
    [
        ("tujuan", ("kode,uraian", "kd,uraian"), "kode", "kode tujuan induk"),
        ("anggaran", ("program_kode,", "kode_prog,"), "program_kode", "kode program"),
        ("indikator", ("kode,level", "kd,level"), "kode", "kode indikator"),
    ],
)
def test_an_unreadable_parent_sheet_is_reported_once_not_per_child(
    tmp_path: Path, sheet: str, header: tuple[str, str], missing: str, parent_error: str
):
    folder = write_minimal(tmp_path / "kec", **replace(sheet, *header))
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 1
    assert f"sheet {sheet}, baris 1, kolom {missing}: kolom wajib '{missing}' tidak ada" in (
        result.stdout
    ), result.stdout
    assert f"{parent_error} '" not in result.stdout, result.stdout
    assert "tidak ditemukan" not in result.stdout, result.stdout


def test_areas_that_differ_only_by_rounding_are_accepted(tmp_path: Path):
    # 1,253 + 2,254 = 3,507: written with 2 decimals the total may well read 3,51
    folder = write_minimal(
        tmp_path / "kec",
        profil=SHEETS["profil"] + 'luas_km2,"3,51"\n',
        wilayah=WILAYAH_LUAS.format("1,253", "2,254"),
    )
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout


FALLING_ZERO = {
    **replace(
        "indikator",
        "P1,program,7.01.01,Persentase dokumen tepat waktu,%,naik,",
        "P1,program,7.01.01,Persentase dokumen tepat waktu,%,turun,",
    ),
    **replace("target_realisasi", "P1,2024,100,100,", "P1,2024,100,0,"),
}


def test_lower_is_better_indicator_with_zero_realisasi_is_warned(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec", **FALLING_ZERO)
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output  # a warning, not an error
    assert (
        "[peringatan] kec/target_realisasi.csv, sheet target_realisasi, baris 5, kolom realisasi: "
        "realisasi 0 pada indikator 'P1' yang makin rendah makin baik: capaian target/realisasi "
        "tidak dapat dihitung dan tampil '-'"
    ) in result.stdout, result.stdout


def test_zero_realisasi_is_fine_when_the_rules_use_two_times_target(tmp_path: Path):
    write_minimal(tmp_path / "kec", **FALLING_ZERO)
    (tmp_path / "kota.yaml").write_text(
        "nama: Kota Uji\njenis: kota\ntahun: 2024\naturan: {preset: skala-4}\n"
        "kecamatan: [{slug: kec, nama: Kec, data: kec}]\n",
        encoding="utf-8",
    )
    result = run_cli("validate", "kota.yaml", cwd=tmp_path)
    assert result.code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout, result.stdout


def test_windows_1252_csv_is_read_with_a_warning(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec")
    profil = SHEETS["profil"].replace('"Drs. BUDI, M.Si"', '"Drs. REN\u00c9, M.Si"')
    (folder / "profil.csv").write_bytes(profil.encode("cp1252"))
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert (
        "[peringatan] kec/profil.csv: berkas bukan UTF-8 (huruf pertama yang tidak sah di baris "
        "4); dibaca sebagai Windows-1252"
    ) in result.stdout, result.stdout
    assert load_kecamatan(folder).profil["camat_nama"] == "Drs. REN\u00c9, M.Si"


def test_quoted_csv_cell_may_span_lines(tmp_path: Path):
    sasaran = SHEETS["sasaran"].replace(
        "S1,T1,Meningkatnya akuntabilitas kinerja", 'S1,T1,"Meningkatnya akuntabilitas\nkinerja"'
    )
    folder = write_minimal(tmp_path / "kec", sasaran=sasaran)
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout
    rows = load_kecamatan(folder).table("sasaran")
    assert [(r["kode"], r["uraian"]) for r in rows] == [
        ("S1", "Meningkatnya akuntabilitas kinerja"),
        ("S2", "Meningkatnya kualitas layanan"),
    ]
    assert rows[1].line == 3  # rows are numbered as records, the way a spreadsheet shows them


def test_narrative_with_an_unknown_section_is_warned(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec")
    (folder / "narasi.md").write_text(
        "## isu-strategis\nTeks.\n\n## isu-strategi\nSalah ketik.\n", encoding="utf-8"
    )
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert (
        "[peringatan] kec/narasi.md: bagian '## isu-strategi' tidak dikenal; isinya tidak masuk "
        "laporan (ditemukan 'isu-strategi'; seharusnya 'isu-strategis')"
    ) in result.stdout, result.stdout


def test_windows_1252_narrative_is_read_with_a_warning(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec")
    (folder / "narasi.md").write_bytes("## isu-strategis\nKafe \u00e9\n".encode("cp1252"))
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert (
        "[peringatan] kec/narasi.md: berkas bukan UTF-8 (huruf pertama yang tidak sah di baris 2)"
    ) in result.stdout, result.stdout
    assert "Traceback" not in result.output
    assert read_narrative(folder) == {"isu-strategis": "Kafe \u00e9"}
