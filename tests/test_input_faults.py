"""Faults a user can cause in the inputs (issue 11, "nothing lost, nothing crashes"): each ends in
one Indonesian message naming file, sheet, row and column, with exit 1 (invalid data) or 2
(unusable input), never a traceback or exit 3."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from conftest import run_cli
from lkjip.loader import load_kecamatan
from lkjip.template import write_template
from minimal import SHEETS, write_minimal

SECRET = "RAHASIA-JANGAN-TAMPIL"


def replace(sheet: str, old: str, new: str) -> dict[str, str]:
    assert old in SHEETS[sheet], old
    return {sheet: SHEETS[sheet].replace(old, new, 1)}


def csv_case(**changes: str | None) -> Callable[[Path], Path]:
    """The minimal kecamatan as CSV files in ``kec/``, with whole sheets replaced."""
    return lambda tmp: write_minimal(tmp / "kec", **changes)


# --- workbooks ---------------------------------------------------------------------------------
def workbook_bytes(tmp: Path, **changes: str | None) -> bytes:
    """The minimal kecamatan as a data.xlsx written by `lkjip template --dari`."""
    source = write_minimal(tmp / "sumber", **changes)
    out = tmp / "sumber.xlsx"
    write_template(out, load_kecamatan(source))
    return out.read_bytes()


def rezip(data: bytes, change: Callable[[str, bytes], bytes], stored: bool = False) -> bytes:
    """The zip ``data`` with each member's bytes passed through ``change(name, bytes)``."""
    out = io.BytesIO()
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as zf:
        for info in source.infolist():
            zf.writestr(info.filename, change(info.filename, source.read(info)))
    return out.getvalue()


def in_sheet_with(marker: bytes, old: bytes, new: bytes) -> Callable[[str, bytes], bytes]:
    """A change that replaces ``old`` by ``new`` in the one worksheet holding ``marker``."""

    def change(name: str, content: bytes) -> bytes:
        if name.startswith("xl/worksheets/") and marker in content:
            assert old in content, old
            return content.replace(old, new, 1)
        return content

    return change


ANGGARAN = b"Koordinasi Pelayanan"  # a text found only in the anggaran sheet


def xlsx_case(change: Callable[[str, bytes], bytes], **changes: str | None):
    def make(tmp: Path) -> Path:
        folder = tmp / "kec"
        folder.mkdir()
        (folder / "data.xlsx").write_bytes(rezip(workbook_bytes(tmp, **changes), change))
        return folder

    return make


def bad_crc(tmp: Path) -> Path:
    """A workbook whose anggaran sheet was damaged after it was zipped: its CRC does not match."""
    data = bytearray(rezip(workbook_bytes(tmp), lambda _n, c: c, stored=True))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = next(
            i
            for i in archive.infolist()
            if i.filename.startswith("xl/worksheets/") and ANGGARAN in archive.read(i)
        )
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    at = data.index(b"400000", start)  # inside the stored sheet XML
    data[at] = ord("9")
    folder = tmp / "kec"
    folder.mkdir()
    (folder / "data.xlsx").write_bytes(bytes(data))
    return folder


# --- files that are not what they seem ---------------------------------------------------------
def outside_secret(tmp: Path) -> Path:
    secret = tmp / "rahasia.txt"
    secret.write_text(f"{SECRET}\nbaris kedua\n", encoding="utf-8")
    return secret


def symlinked(name: str) -> Callable[[Path], Path]:
    """A kecamatan whose ``name`` is a link to a file outside its folder."""

    def make(tmp: Path) -> Path:
        folder = write_minimal(tmp / "kec")
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        target.unlink(missing_ok=True)
        target.symlink_to(outside_secret(tmp))
        return folder

    return make


def photo_link(tmp: Path) -> Path:
    folder = write_minimal(tmp / "kec", dokumentasi="file,keterangan\nrapat.png,Rapat\n")
    (folder / "foto").mkdir()
    picture = tmp / "di-luar.png"
    Image.new("RGB", (8, 6), "red").save(picture)
    (folder / "foto" / "rapat.png").symlink_to(picture)
    return folder


def looping(tmp: Path) -> Path:
    folder = write_minimal(tmp / "kec")
    (folder / "profil.csv").unlink()
    (folder / "profil.csv").symlink_to("profil.csv")
    return folder


def looping_data_folder(tmp: Path) -> Path:
    config = city()(tmp)
    (tmp / "putar").symlink_to("putar")
    config.write_text(CITY.replace("data: ../kec", "data: ../putar"), encoding="utf-8")
    return config


def fifo(name: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        folder = write_minimal(tmp / "kec")
        (folder / name).unlink(missing_ok=True)
        os.mkfifo(folder / name)
        return folder

    return make


def not_a_zip(tmp: Path) -> Path:
    (tmp / "kec").mkdir()
    (tmp / "kec" / "data.xlsx").write_bytes(b"PK\x03\x04")
    return tmp / "kec"


# --- city configs: params/kota.yaml, its kecamatan in kec/ -------------------------------------
CITY = (
    "nama: Kota Uji\njenis: kota\ntahun: 2024\nkecamatan: [{slug: kec, nama: Kec, data: ../kec}]\n"
)


def city(extra: str = "", before: Callable[[Path], None] = lambda _folder: None, text: str = CITY):
    """``before(folder)`` prepares the config's folder (a logo) before the config is written."""

    def make(tmp: Path) -> Path:
        write_minimal(tmp / "kec")
        (tmp / "params").mkdir()
        before(tmp / "params")
        (tmp / "params" / "kota.yaml").write_text(text + extra, encoding="utf-8")
        return tmp / "params" / "kota.yaml"

    return make


def picture(name: str, kind: str) -> Callable[[Path], None]:
    return lambda folder: Image.new("RGB", (8, 6), "red").save(folder / name, kind)


def deep_yaml(tmp: Path) -> Path:
    (tmp / "kota.yaml").write_text("nama: " + "[" * 20_000 + "]" * 20_000 + "\n", "utf-8")
    return tmp / "kota.yaml"


def chain(levels: int) -> str:
    rows = ["kode,nama,induk", "U0,Camat,"]
    rows += [f"U{n},Unit {n},U{n - 1}" for n in range(1, levels + 1)]
    return "\n".join(rows) + "\n"


ANGGARAN_HEADER = SHEETS["anggaran"].split("\n", 1)[0] + "\n"
DUPLICATE_PAGU = "\n".join(
    line + (",pagu" if n == 0 else ",1")
    for n, line in enumerate(SHEETS["anggaran"].strip().split("\n"))
)


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    code: int
    says: tuple[str, ...]
    never: tuple[str, ...] = ()


CASES: dict[str, Case] = {
    # 4: a cell longer than the csv module's field limit (131.072), and one above Excel's
    "4 csv cell above the csv field limit": Case(
        csv_case(**replace("sasaran", "Meningkatnya akuntabilitas kinerja", "x" * 140_000)),
        1,
        (
            "kec/sasaran.csv, sheet sasaran, baris 2, kolom uraian: isi sel terlalu panjang "
            "(140.000 karakter) (seharusnya paling banyak 32.767 karakter per sel)",
        ),
        ("x" * 100, "sel wajib kosong"),
    ),
    "4 csv cell above Excel's cell limit": Case(
        csv_case(**replace("indikator", "Nilai AKIP", "y" * 40_000)),
        1,
        ("sheet indikator, baris 2, kolom uraian: isi sel terlalu panjang (40.000 karakter)",),
        ("y" * 100,),
    ),
    "4 a long number is quoted short": Case(
        csv_case(**replace("anggaran", ",1100000\n", "," + "9" * 5_000 + "\n")),
        1,
        ("sheet anggaran, baris 2, kolom realisasi: nilai uang terlalu besar (ditemukan '999",),
        ("9" * 100,),
    ),
    # 5: magnitudes
    "5 money of 31 digits": Case(
        csv_case(**replace("anggaran", ",1100000\n", ",1" + "0" * 30 + "\n")),
        1,
        (
            "kec/anggaran.csv, sheet anggaran, baris 2, kolom realisasi: nilai uang terlalu besar "
            "(ditemukan '1" + "0" * 30 + "'; seharusnya paling besar Rp 1.000.000.000.000.000)",
        ),
        ("tidak sama dengan jumlah", "realisasi melebihi pagu"),
    ),
    "5 indicator realisasi of 10^30": Case(
        csv_case(**replace("target_realisasi", "P1,2024,100,100,", "P1,2024,100,1e30,")),
        1,
        ("sheet target_realisasi, baris 5, kolom realisasi: nilai tidak sesuai: '1e30' bukan",),
        ("kosong",),  # the realisasi is there, only unreadable
    ),
    "5 indicator realisasi of 31 digits": Case(
        csv_case(
            **replace("target_realisasi", "P1,2024,100,100,", "P1,2024,100,1" + "0" * 30 + ",")
        ),
        1,
        (
            "sheet target_realisasi, baris 5, kolom realisasi: realisasi terlalu besar "
            "(ditemukan '1" + "0" * 30 + "'; seharusnya paling besar 1.000.000.000.000.000)",
        ),
    ),
    "5 count above 10^9": Case(
        csv_case(**replace("wilayah", "Satu,kelurahan,100,", "Satu,kelurahan,10000000000,")),
        1,
        (
            "sheet wilayah, baris 2, kolom penduduk_l: penduduk_l terlalu besar (ditemukan "
            "'10.000.000.000'; seharusnya paling besar 1.000.000.000)",
        ),
    ),
    "5 AKIP weight above 100": Case(
        csv_case(
            **replace("evaluasi_sakip", "2024,Pelaporan Kinerja,15,", "2024,Pelaporan Kinerja,150,")
        ),
        1,
        (
            "sheet evaluasi_sakip, baris 4, kolom bobot: bobot terlalu besar (ditemukan '150'; "
            "seharusnya paling besar 100)",
        ),
    ),
    "5 an unreadable amount gives no follow-up sum error": Case(
        csv_case(**replace("anggaran", "100000,100000,150000,150000", "100000,1e30,150000,150000")),
        1,
        ("sheet anggaran, baris 3, kolom tw2: nilai tidak sesuai: '1e30' bukan angka",),
        ("jumlah alokasi TW1–TW4",),
    ),
    # 6: numeric workbook cells holding NaN or 1e400 (infinity)
    "6 xlsx numeric cell holding NaN": Case(
        xlsx_case(in_sheet_with(ANGGARAN, b"<v>400000</v>", b"<v>NaN</v>")),
        1,
        (
            "kec/data.xlsx, sheet anggaran, baris 5, kolom realisasi: nilai tidak sesuai: 'NaN' "
            "bukan angka",
        ),
    ),
    "6 xlsx numeric cell holding 1e400": Case(
        xlsx_case(in_sheet_with(ANGGARAN, b"<v>400000</v>", b"<v>1e400</v>")),
        1,
        (
            "kec/data.xlsx, sheet anggaran, baris 5, kolom realisasi: nilai tidak sesuai: 'inf' "
            "bukan angka yang terhingga",
        ),
    ),
    "6 xlsx numeric cell holding -1e400": Case(
        xlsx_case(in_sheet_with(b"SKM 2024", b"<v>80</v>", b"<v>-1e400</v>")),
        1,
        ("kec/data.xlsx, sheet target_realisasi, baris 6, kolom target: nilai tidak sesuai:",),
    ),
    # 7: a damaged sheet inside a valid zip
    "7 sheet XML cut short (ParseError)": Case(
        xlsx_case(lambda n, c: c[: len(c) // 2] if ANGGARAN in c and "worksheets" in n else c),
        2,
        ("kec/data.xlsx, sheet anggaran", "workbook rusak; sheet tidak dapat dibaca (ParseError)"),
    ),
    "7 sheet member with a bad CRC (BadZipFile)": Case(
        bad_crc,
        2,
        ("kec/data.xlsx: workbook tidak dapat dibuka: workbook rusak", "(BadZipFile)"),
    ),
    "7 cell with a broken reference (ValueError)": Case(
        xlsx_case(in_sheet_with(ANGGARAN, b'r="A2"', b'r="2A"')),
        2,
        ("kec/data.xlsx, sheet anggaran, sekitar baris 2: workbook rusak",),
    ),
    "7 sheet property of the wrong type (TypeError)": Case(
        xlsx_case(in_sheet_with(ANGGARAN, b'<pageMargins left="0.5"', b'<pageMargins left="x"')),
        2,
        ("kec/data.xlsx, sheet anggaran", "workbook rusak; sheet tidak dapat dibaca (TypeError)"),
    ),
    "7 row number beyond Excel's last row": Case(
        xlsx_case(in_sheet_with(ANGGARAN, b'<row r="3"', b'<row r="99999999"')),
        2,
        ("kec/data.xlsx, sheet anggaran, sekitar baris 99999999: workbook rusak",),
    ),
    "7 not a zip at all": Case(
        not_a_zip,
        2,
        ("kec/data.xlsx: workbook tidak dapat dibuka: workbook rusak atau bukan berkas .xlsx",),
    ),
    # 9: a city config nested 20.000 levels deep
    "9 YAML nested 20000 levels": Case(
        deep_yaml, 2, ("kota.yaml: YAML bersarang terlalu dalam",), ("RecursionError",)
    ),
    # 10: a name that would make the report's file name too long
    "10 nama_kecamatan of 400 characters": Case(
        csv_case(**replace("profil", "nama_kecamatan,Uji Coba", "nama_kecamatan," + "A" * 400)),
        1,
        (
            "kec/profil.csv, sheet profil, baris 2, kolom nilai: nama_kecamatan terlalu panjang "
            "(400 karakter)",
            "seharusnya paling banyak 100 karakter",
        ),
        ("A" * 100,),
    ),
    "10 kecamatan name in the city config of 400 characters": Case(
        city(text=CITY.replace("nama: Kec,", f"nama: {'K' * 400},")),
        2,
        ("params/kota.yaml: kecamatan.0.nama: terlalu panjang",),
    ),
    # 15: the organisation chart must be a tree
    "15 units in a cycle": Case(
        csv_case(unit_organisasi="kode,nama,induk\nA,Satu,C\nB,Dua,A\nC,Tiga,B\n"),
        1,
        (
            "kec/unit_organisasi.csv, sheet unit_organisasi, baris 2, kolom induk: unit saling "
            "menginduk (melingkar): A → C → B → A (baris 2, 4, 3)",
        ),
    ),
    "15 unit that is its own parent": Case(
        csv_case(unit_organisasi="kode,nama,induk\nCMT,Camat,\nSEK,Sekretariat,SEK\n"),
        1,
        ("sheet unit_organisasi, baris 3, kolom induk: unit 'SEK' menginduk ke dirinya sendiri",),
    ),
    "15 units eleven levels deep": Case(
        csv_case(unit_organisasi=chain(11)),
        1,
        (
            "sheet unit_organisasi, baris 13, kolom induk: susunan unit terlalu dalam: unit 'U11' "
            "berada 11 tingkat di bawah unit puncak (seharusnya paling banyak 10 tingkat)",
        ),
    ),
    # 16: required sheets and keys are checked even when a sheet has a header only
    "16 profil with a header and no rows": Case(
        csv_case(profil="kunci,nilai\n"),
        1,
        tuple(
            f"kec/profil.csv, sheet profil: kunci profil wajib '{key}' tidak diisi"
            for key in ("nama_kecamatan", "tahun", "camat_nama", "camat_nip", "tanggal_ttd")
        ),
    ),
    "16 anggaran with a header and no rows": Case(
        csv_case(anggaran=ANGGARAN_HEADER),
        1,
        ("kec/anggaran.csv, sheet anggaran: sheet wajib 'anggaran' kosong",),
        ("tidak ditemukan",),
    ),
    "16 anggaran sheet of a workbook with a header only": Case(
        xlsx_case(lambda _n, c: c, anggaran=ANGGARAN_HEADER),
        1,
        ("kec/data.xlsx, sheet anggaran: sheet wajib 'anggaran' kosong",),
    ),
    # 17: a column twice in the header
    "17 duplicate pagu column in a CSV": Case(
        csv_case(anggaran=DUPLICATE_PAGU),
        1,
        (
            "kec/anggaran.csv, sheet anggaran, baris 1, kolom pagu: kolom ganda: 'pagu' ada di "
            "kolom ke-10 dan ke-16",
        ),
        ("realisasi melebihi pagu", "tidak sama dengan jumlah"),
    ),
    "17 duplicate pagu column in a workbook": Case(
        xlsx_case(
            in_sheet_with(ANGGARAN, b"<t>tw1</t>", b"<t>pagu</t>"),
        ),
        1,
        ("kec/data.xlsx, sheet anggaran, baris 3, kolom pagu: kolom ganda: 'pagu' ada di kolom",),
        ("realisasi melebihi pagu", "tidak sama dengan"),
    ),
    # 18: negative numbers where they make no sense, a zero end target
    "18 negative sarpras.jumlah": Case(
        csv_case(sarpras="jenis,jumlah\nKomputer,-3\n"),
        1,
        (
            "kec/sarpras.csv, sheet sarpras, baris 2, kolom jumlah: jumlah negatif (ditemukan "
            "'−3'; seharusnya 0 atau lebih)",
        ),
    ),
    "18 negative target": Case(
        csv_case(**replace("target_realisasi", "IKU2,2024,80,", "IKU2,2024,-80,")),
        1,
        ("sheet target_realisasi, baris 4, kolom target: target negatif (ditemukan '−80'",),
    ),
    "18 target_akhir of 0": Case(
        csv_case(
            indikator=SHEETS["indikator"]
            .replace("dihitung_dari\n", "dihitung_dari,target_akhir\n")
            .replace(",ya,akip\n", ",ya,akip,0\n")
        ),
        1,
        ("sheet indikator, baris 2, kolom target_akhir: target akhir 0: capaian terhadap",),
    ),
    "18 elevation below -500 m": Case(
        csv_case(profil=SHEETS["profil"] + "ketinggian_mdpl,-600\n"),
        1,
        (
            "sheet profil, baris 10, kolom nilai: ketinggian_mdpl terlalu kecil (ditemukan "
            "'−600'; seharusnya paling kecil −500)",
        ),
    ),
    # 19: the logo must be a PNG or JPEG inside the allowed folders
    "19 logo pointing at /etc/passwd": Case(
        city("logo: /etc/passwd\n"),
        2,
        ("params/kota.yaml: logo: berkas /etc/passwd berada di luar folder yang diizinkan",),
        ("root:",),
    ),
    "19 logo that is a text file": Case(
        city(
            "logo: lambang.png\n",
            lambda folder: (folder / "lambang.png").write_text("bukan gambar", encoding="utf-8"),
        ),
        2,
        ("params/kota.yaml: logo: berkas lambang.png bukan gambar PNG atau JPEG",),
    ),
    "19 logo that is a GIF": Case(
        city("logo: lambang.gif\n", picture("lambang.gif", "GIF")),
        2,
        ("params/kota.yaml: logo: berkas lambang.gif bukan gambar PNG atau JPEG (ditemukan GIF)",),
    ),
    "19 logo through a link leading out of the config's folder": Case(
        city(
            "logo: lambang.png\n",
            lambda folder: (folder / "lambang.png").symlink_to(outside_secret(folder.parent)),
        ),
        2,
        ("params/kota.yaml: logo: berkas lambang.png berada di luar folder yang diizinkan",),
        (SECRET,),
    ),
    # 20 and 27: links that leave the kecamatan's folder, files that are not regular files
    "20 narasi.md linked outside the folder": Case(
        symlinked("narasi.md"),
        1,
        (
            "[galat] kec/narasi.md: tautan (symlink) ke luar folder data kecamatan; berkas "
            "tidak dibaca",
        ),
        (SECRET,),
    ),
    "20 photo linked outside the folder": Case(
        photo_link,
        1,
        (
            "kec/dokumentasi.csv, sheet dokumentasi, baris 2, kolom file: berkas foto: tautan "
            "(symlink) ke luar folder data kecamatan",
        ),
    ),
    "20 profil.csv is a FIFO": Case(
        fifo("profil.csv"), 2, ("kec/profil.csv: pipa (FIFO), bukan berkas biasa; tidak dibaca",)
    ),
    "20 narasi.md is a FIFO": Case(
        fifo("narasi.md"),
        1,
        ("[galat] kec/narasi.md: pipa (FIFO), bukan berkas biasa; tidak dibaca",),
    ),
    "20 profil.csv is a link to itself": Case(
        looping, 2, ("kec/profil.csv: berkas tidak dapat dibaca (tautan (symlink) berputar)",)
    ),
    "20 the config's data folder is a link to itself": Case(
        looping_data_folder, 2, ("putar: berkas atau folder tidak ditemukan",)
    ),
    "27 profil.csv linked outside the folder": Case(
        symlinked("profil.csv"),
        2,
        ("kec/profil.csv: tautan (symlink) ke luar folder data kecamatan; berkas tidak dibaca",),
        (SECRET, "baris kedua"),
    ),
    "27 data.xlsx linked outside the folder": Case(
        symlinked("data.xlsx"),
        2,
        ("kec/data.xlsx: tautan (symlink) ke luar folder data kecamatan",),
        (SECRET,),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_input_fault_gives_its_message_and_exit_code(tmp_path: Path, case: str):
    spec = CASES[case]
    target = spec.make(tmp_path)
    result = run_cli("validate", target.relative_to(tmp_path), cwd=tmp_path)
    assert result.code == spec.code, result.output
    for words in spec.says:
        assert words in result.output, result.output[:3000]
    for words in spec.never:
        assert words not in result.output, result.output[:3000]
    assert "Traceback" not in result.output
    assert "galat tak terduga" not in result.output
    assert len(result.output) < 20_000  # no cell content floods the output


def test_duplicate_column_is_reported_once(tmp_path: Path):
    result = run_cli("validate", csv_case(anggaran=DUPLICATE_PAGU)(tmp_path), cwd=tmp_path)
    assert result.stdout.count("kolom ganda") == 1, result.stdout
    assert "1 galat, 0 peringatan" in result.stdout, result.stdout


@pytest.mark.parametrize(
    "changes",
    [
        # a growth rate may be realised below zero, and a comparator may be negative too
        replace("target_realisasi", "P1,2024,100,100,", "P1,2024,100,-5,"),
        {"pembanding": "indikator,tahun,level,nilai\nIKU1,2024,kota,-1\n"},
        {"profil": SHEETS["profil"] + "ketinggian_mdpl,-3\n"},
        # a budget above Rp 1 triliun is within bounds
        {
            "anggaran": SHEETS["anggaran"].replace(
                ",1000000,1200000,250000,250000,250000,250000,1100000",
                ",1000000000000000,1000000000000000,250000000000000,250000000000000,"
                "250000000000000,250000000000000,900000000000000",
            ),
            "pagu_program": "program_kode,pagu,realisasi\n7.01.01,1000000000000000,900000000000000\n",
        },
    ],
    ids=["negative realisasi", "negative comparator", "below sea level", "Rp 1.000 triliun"],
)
def test_values_that_may_legitimately_be_negative_or_large_pass(tmp_path: Path, changes):
    result = run_cli("validate", write_minimal(tmp_path / "kec", **changes), cwd=tmp_path)
    assert result.code == 0, result.output
    assert "0 galat" in result.stdout, result.stdout


def test_links_inside_the_kecamatan_folder_are_read(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec")
    (folder / "asli").mkdir()
    (folder / "profil.csv").rename(folder / "asli" / "profil.csv")
    (folder / "profil.csv").symlink_to(Path("asli") / "profil.csv")
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output


def test_a_png_logo_beside_the_config_passes(tmp_path: Path):
    config = city("logo: lambang.png\n", picture("lambang.png", "PNG"))(tmp_path)
    result = run_cli("validate", config, cwd=tmp_path)
    assert result.code == 0, result.output


def test_report_file_name_stays_within_file_system_limits():
    from types import SimpleNamespace

    from lkjip.report.build import NAME_BYTES_MAX, report_name

    config = SimpleNamespace(label=SimpleNamespace(akronim="LKjIP"), tahun=2024)
    assert report_name(config, "Bekasi Utara") == "LKjIP_Bekasi_Utara_2024"  # type: ignore[arg-type]
    for nama in ("A" * 400, "é" * 400, "Kec / " * 100):
        name = report_name(config, nama)  # type: ignore[arg-type]
        assert len(f"{name}.docx".encode()) <= NAME_BYTES_MAX + 5 < 255
        assert name.startswith("LKjIP_") and name.endswith("_2024"), name
        assert "/" not in name


def test_profile_numbers_from_a_workbook_keep_their_decimals(tmp_path: Path):
    """A workbook stores luas_km2 1,234 as the number 1.234, which read as text would be 1234."""
    folder = tmp_path / "kec"
    folder.mkdir()
    profil = SHEETS["profil"] + 'luas_km2,"1,234"\n'
    (folder / "data.xlsx").write_bytes(workbook_bytes(tmp_path, profil=profil))
    assert str(load_kecamatan(folder).profil["luas_km2"]) == "1.234"


def test_a_kecamatan_at_the_bounds_validates_and_builds(tmp_path: Path):
    """Nothing that passes validate fails the build on magnitude: a budget of Rp 1.000 triliun
    realised at Rp 1 beside one of Rp 0, a target of 0,000001 realised at 10^15 (a capaian of
    10^23 %, an efisiensi of some 10^37 %), the lowest elevation and the most assets."""
    from docx import Document

    anggaran = (
        SHEETS["anggaran"]
        .replace(
            ",1000000,1200000,250000,250000,250000,250000,1100000",
            ",1000000000000000,1000000000000000,250000000000000,250000000000000,"
            "250000000000000,250000000000000,1",
        )
        .replace(",500000,500000,100000,100000,150000,150000,400000", ",0,0,0,0,0,0,0")
    )
    write_minimal(
        tmp_path / "kec",
        anggaran=anggaran,
        pagu_program="program_kode,pagu,realisasi\n7.01.01,1000000000000000,1\n",
        indikator=SHEETS["indikator"] + "IKU3,sasaran,S1,Jumlah,unit,naik,jumlah,ya,\n",
        target_realisasi=SHEETS["target_realisasi"].replace(
            "P1,2024,100,100,", 'P1,2024,100,100,\nIKU3,2024,"0,000001",1000000000000000,'
        ),
        profil=SHEETS["profil"] + "ketinggian_mdpl,-500\nluas_km2,1000000000000000\n",
        sarpras="jenis,jumlah,standar_kebutuhan\nKomputer,1000000000,1\n",
    )
    config = tmp_path / "params" / "kota.yaml"
    config.parent.mkdir()
    config.write_text(CITY, encoding="utf-8")
    assert run_cli("validate", config, cwd=tmp_path).code == 0
    out = tmp_path / "keluaran"
    result = run_cli("build", config, "--format", "docx,pdf", "--output", out, "-j", "1")
    assert result.code == 0, result.output
    folder = out / "kota" / "2024" / "kec"
    assert (folder / "LKjIP_Uji_Coba_2024.pdf").stat().st_size > 0
    document = Document(str(folder / "LKjIP_Uji_Coba_2024.docx"))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "1.000.000.000.000.000" in cells  # the pagu
    assert "999.999.999.999.999" in cells  # its SiLPA
