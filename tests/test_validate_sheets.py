"""Cross-checks of the optional sheets evaluasi_rb, indikator_rb, ipp, abk and of the photos of
dokumentasi: every mistake names its file, sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PARAMS, run_cli
from lkjip.config import load_config
from lkjip.validate import check_kecamatan
from minimal import write_minimal

RULES = load_config(PARAMS / "kota-contoh.yaml").rules_for(
    load_config(PARAMS / "kota-contoh.yaml").kecamatan[0]
)

RB = """tahun,kode,induk,komponen,bobot,nilai,sumber
2024,1,,Capaian Strategi,10,,Surat Sekda Nomor 1/2024
2024,1.1,1,Pengelolaan RB,4,"2,50",
2024,1.2,1,Rencana Aksi,6,"4,00",
2024,2,,Capaian Sasaran Strategis,90,"70,00",
"""
RB_INDIKATOR = """tahun,indikator,skala,nilai,sumber_data
2024,Indeks Penerapan SPBE,0 - 100,"75,70",Diskominfo
2024,Maturitas SPIP,0 - 5,3,Inspektorat
"""
IPP = """tahun,aspek,bobot,nilai_indikator,nilai
2024,Kebijakan Pelayanan,50,4,
2024,Inovasi,50,3,
"""
ABK = """jabatan,sasaran,kebutuhan,ketersediaan
Pengadministrasi Umum,S1,3,2
Penata Layanan Operasional,S2,2,2
"""


def lines(folder: Path) -> list[str]:
    return [p.line() for p in check_kecamatan(folder, RULES, 2024).problems]


def valid(tmp_path: Path, **changes: str) -> Path:
    sheets = {
        "evaluasi_rb": RB,
        "indikator_rb": RB_INDIKATOR,
        "ipp": IPP,
        "abk": ABK,
        **changes,
    }
    return write_minimal(tmp_path / "kec", **sheets)


def test_the_optional_sheets_as_given_are_valid(tmp_path: Path):
    assert lines(valid(tmp_path)) == []


CASES = {
    "rb parent differs from its children": (
        {"evaluasi_rb": RB.replace("Capaian Strategi,10,,", 'Capaian Strategi,10,"7,00",')},
        "kec/evaluasi_rb.csv, sheet evaluasi_rb, baris 2, kolom nilai: nilai komponen RB "
        "tidak sama dengan jumlah nilai subkomponennya (ditemukan '7,00'; seharusnya 6,50 (atau "
        "kosongkan: nilai dihitung))",
    ),
    "rb unknown parent": (
        {"evaluasi_rb": RB.replace("2024,1.2,1,", "2024,1.2,9,")},
        "sheet evaluasi_rb, baris 4, kolom induk: kode komponen induk '9' tidak ditemukan pada "
        "tahun 2024",
    ),
    "rb cycle": (
        {"evaluasi_rb": RB.replace("2024,1,,", "2024,1,1.1,")},
        "kolom induk: komponen RB saling menginduk (melingkar): 1 → 1.1 → 1",
    ),
    "rb score above its weight": (
        {"evaluasi_rb": RB.replace('Pengelolaan RB,4,"2,50"', 'Pengelolaan RB,4,"4,50"')},
        "sheet evaluasi_rb, baris 3, kolom nilai: nilai komponen RB melebihi bobotnya",
    ),
    "rb duplicate code": (
        {"evaluasi_rb": RB.replace("2024,1.2,1,", "2024,1.1,1,")},
        "sheet evaluasi_rb, baris 4, kolom kode: kode komponen RB pada tahun yang sama ganda",
    ),
    "rb year after the report": (
        {"evaluasi_rb": RB.replace("2024,2,,", "2025,2,,")},
        "sheet evaluasi_rb, baris 5, kolom tahun: tahun sesudah tahun laporan",
    ),
    "rb indicator outside its scale": (
        {"indikator_rb": RB_INDIKATOR.replace("0 - 5,3,", "0 - 5,7,")},
        "sheet indikator_rb, baris 3, kolom nilai: nilai di luar skala indikator (ditemukan "
        "'7,00'; seharusnya 0,00 sampai 5,00)",
    ),
    "ipp score outside 0-5": (
        {"ipp": IPP.replace("Inovasi,50,3,", "Inovasi,50,6,")},
        "sheet ipp, baris 3, kolom nilai_indikator: nilai indikator aspek IPP di luar skala 0–5",
    ),
    "ipp indicator differs from the sheet": (
        {
            "indikator": "kode,level,induk,uraian,satuan,polaritas,jenis,iku,dihitung_dari\n"
            "IKU1,sasaran,S1,Nilai AKIP,nilai,naik,indeks,ya,akip\n"
            "IKU2,sasaran,S2,Indeks Pelayanan Publik,nilai,naik,indeks,ya,ipp\n"
            "P1,program,7.01.01,Persentase dokumen tepat waktu,%,naik,persen,tidak,\n",
            "target_realisasi": "indikator,tahun,target,realisasi,sumber\n"
            'IKU1,2024,70,"72,74",LHE 2024\n'
            'IKU2,2024,3,"3,45",SK 2024\n'
            "P1,2024,100,100,\n",
        },
        "sheet target_realisasi, baris 3, kolom realisasi: realisasi berbeda dengan IPP yang "
        "dihitung dari sheet ipp tahun 2024 (ditemukan '3,45'; seharusnya 3,50)",
    ),
    "abk unknown sasaran": (
        {"abk": ABK.replace("Umum,S1,", "Umum,S9,")},
        "sheet abk, baris 2, kolom sasaran: kode sasaran 'S9' tidak ditemukan",
    ),
    "abk negative count": (
        {"abk": ABK.replace("S2,2,2", "S2,2,-1")},
        "sheet abk, baris 3, kolom ketersediaan: ketersediaan negatif",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_gives_its_message(tmp_path: Path, case: str):
    changes, message = CASES[case]
    found = lines(valid(tmp_path, **changes))
    assert any(message in line for line in found), "\n".join(found)
    assert any(line.startswith("[galat]") for line in found)


WARNINGS = {
    "rb weights do not add up": (
        {
            "evaluasi_rb": RB.replace(
                "Capaian Sasaran Strategis,90,", "Capaian Sasaran Strategis,80,"
            )
        },
        "sheet evaluasi_rb, baris 2, kolom bobot: jumlah bobot komponen utama RB tahun 2024 bukan "
        "100",
    ),
    "rb leaf without a score": (
        {"evaluasi_rb": RB.replace('Rencana Aksi,6,"4,00"', "Rencana Aksi,6,")},
        "sheet evaluasi_rb, baris 4, kolom nilai: nilai komponen RB kosong",
    ),
    "rb unreadable scale": (
        {"indikator_rb": RB_INDIKATOR.replace("0 - 5,3", "lima,3")},
        "sheet indikator_rb, baris 3, kolom skala: skala tidak dapat dibaca",
    ),
    "ipp stated score differs": (
        {"ipp": IPP.replace("Inovasi,50,3,", 'Inovasi,50,3,"1,60"')},
        "sheet ipp, baris 3, kolom nilai: nilai aspek IPP tidak sama dengan bobot × nilai "
        "indikator ÷ 100 (ditemukan '1,60'; seharusnya 1,50)",
    ),
    "ipp weights do not add up": (
        {"ipp": IPP.replace("Inovasi,50,", "Inovasi,40,")},
        "sheet ipp, baris 2, kolom bobot: jumlah bobot aspek IPP tahun 2024 bukan 100",
    ),
    "abk zero need": (
        {"abk": ABK.replace("Umum,S1,3,", "Umum,S1,0,")},
        "sheet abk, baris 2, kolom kebutuhan: kebutuhan 0",
    ),
    "abk availability above the staff list": (
        {
            "abk": "jabatan,kebutuhan,ketersediaan\nPengadministrasi Umum,3,3\n",
            "pegawai": "jabatan,kategori\nCamat,struktural\nStaf,pelaksana\n",
        },
        "sheet abk, baris 2, kolom ketersediaan: jumlah ketersediaan ABK (3) melebihi jumlah "
        "pegawai di sheet pegawai (ditemukan '3'; seharusnya paling banyak 2)",
    ),
}


@pytest.mark.parametrize("case", WARNINGS)
def test_each_doubtful_entry_gives_its_warning(tmp_path: Path, case: str):
    changes, message = WARNINGS[case]
    found = lines(valid(tmp_path, **changes))
    assert any(message in line and line.startswith("[peringatan]") for line in found), found
    assert not any(line.startswith("[galat]") for line in found)


DOKUMENTASI = """file,keterangan
rapat.png,Rapat koordinasi Forkopimcam
"""


def test_missing_photo_is_an_error_naming_the_row(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working folder
    folder = valid(tmp_path, dokumentasi=DOKUMENTASI + "hilang.jpg,Musrenbang kecamatan\n")
    (folder / "foto").mkdir()
    from PIL import Image

    Image.new("RGB", (8, 6), "red").save(folder / "foto" / "rapat.png")
    found = lines(folder)
    assert found == [
        "[galat] kec/dokumentasi.csv, sheet dokumentasi, baris 3, kolom file: berkas foto tidak "
        "ditemukan di folder foto/ (ditemukan 'hilang.jpg'; seharusnya berkas hilang.jpg di "
        "kec/foto)"
    ]
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 1
    assert "sheet dokumentasi, baris 3, kolom file: berkas foto tidak ditemukan" in result.stdout


def test_photo_that_is_not_an_image_or_outside_foto(tmp_path: Path):
    folder = valid(tmp_path, dokumentasi="file,keterangan\nrapat.png,Rapat\n../profil.csv,Lain\n")
    (folder / "foto").mkdir()
    (folder / "foto" / "rapat.png").write_text("bukan gambar", encoding="utf-8")
    found = lines(folder)
    assert any(
        "baris 2, kolom file: berkas foto tidak dapat dibaca sebagai gambar" in line
        for line in found
    ), found
    assert any(
        "baris 3, kolom file: nama berkas foto harus nama berkas saja, tanpa folder" in line
        for line in found
    ), found
