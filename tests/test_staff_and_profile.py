"""Real kecamatan data fits (issue 12 items 1–3), on the generated shapes of the bundled samples:
staff kept apart by unit (Sukamaju, per person), staff as totals (Karang Anyar, rekap_pegawai),
a signature dated by month without a pangkat (Sindang Jaya), a kabupaten with desa and its
population by sex for the whole kecamatan (Kabupaten Contoh 2021, Wanareja)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from conftest import PARAMS, ROOT, inline_text, run_cli
from lkjip.dates import MonthYear
from lkjip.formatting import tanggal
from lkjip.loader import load_kecamatan
from lkjip.metrics.pegawai import rekap_by_unit, rekap_tables, staff_total
from lkjip.report import bab1, pembuka
from lkjip.report.blocks import Para, Signature, Table
from lkjip.report.context import ReportContext, open_report
from lkjip.workbook import read_sheets
from minimal import write_minimal

KOTA = PARAMS / "kota-contoh.yaml"
KABUPATEN = PARAMS / "kabupaten-contoh.yaml"


def rows(part: list) -> list[list[str]]:
    return [[c.text for c in row] for row in part]


def only_table(blocks: list) -> Table:
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    return blocks[0]


def text_of(blocks: list) -> str:
    return "\n".join(inline_text(b.content) for b in blocks if isinstance(b, Para))


@pytest.fixture(scope="module")
def karang() -> ReportContext:
    return open_report(KOTA, "karang-anyar")


@pytest.fixture(scope="module")
def wanareja() -> ReportContext:
    return open_report(KABUPATEN, "wanareja")


# --- 1. staff by unit ----------------------------------------------------------------------------
def test_the_lead_in_keeps_the_kantor_and_the_kelurahan_apart(sukamaju: ReportContext):
    text = text_of(bab1.aparatur(sukamaju))
    assert (
        "didukung oleh 45 (empat puluh lima) pegawai, yaitu 32 (tiga puluh dua) pegawai pada "
        "Kantor Kecamatan dan 13 (tiga belas) pegawai pada 9 (sembilan) kantor kelurahan." in text
    )
    assert (
        "Pegawai Kantor Kecamatan terdiri atas 9 (sembilan) pejabat struktural, 4 (empat) "
        "pejabat fungsional, 11 (sebelas) pelaksana, 7 (tujuh) PPPK, dan 1 (satu) tenaga "
        "non-ASN; pegawai kelurahan terdiri atas 9 (sembilan) pejabat struktural, 1 (satu) "
        "pejabat fungsional, 2 (dua) pelaksana, dan 1 (satu) tenaga non-ASN." in text
    )


def test_staff_per_unit_and_in_total(sukamaju: ReportContext):
    table = only_table(bab1.tabel_pegawai_unit(sukamaju))
    assert [c.text for c in table.head[0]] == [
        "Unit Kerja",
        "Struktural",
        "Fungsional",
        "Pelaksana",
        "PPPK",
        "Non-ASN",
        "Jumlah",
    ]
    body = rows(table.body)
    assert body[0] == ["Kantor Kecamatan", "9", "4", "11", "7", "1", "32"]
    assert body[7] == ["Kelurahan Tegal Tengah", "1", "-", "1", "-", "1", "3"]
    assert len(body) == 10  # the kantor and nine kelurahan
    assert rows(table.foot) == [
        ["Jumlah Kelurahan", "9", "1", "2", "0", "1", "13"],
        ["Jumlah", "18", "5", "13", "7", "2", "45"],
    ]


def test_every_pivot_groups_its_rows_by_unit(sukamaju: ReportContext):
    table = only_table(bab1.tabel_pegawai_jk(sukamaju))
    assert rows(table.body) == [
        ["Kantor Kecamatan"],
        ["Struktural", "3", "6", "9"],
        ["Fungsional", "4", "-", "4"],
        ["Pelaksana", "6", "5", "11"],
        ["PPPK", "7", "-", "7"],
        ["Non-ASN", "-", "1", "1"],
        ["Jumlah Kantor Kecamatan", "20", "12", "32"],
        ["Kelurahan"],
        ["Struktural", "6", "3", "9"],
        ["Fungsional", "-", "1", "1"],
        ["Pelaksana", "2", "-", "2"],
        ["Non-ASN", "-", "1", "1"],
        ["Jumlah Kelurahan", "8", "5", "13"],
    ]
    assert table.body[0][0].colspan == 4 and table.body[0][0].bold
    assert rows(table.foot) == [["Jumlah", "28", "17", "45"]]
    for function in (bab1.tabel_pegawai_pendidikan, bab1.tabel_pegawai_golongan):
        body = rows(only_table(function(sukamaju)).body)
        assert [r[0] for r in body if r[0].startswith("Jumlah ")] == [
            "Jumlah Kantor Kecamatan",
            "Jumlah Kelurahan",
        ]
        assert body[6][-1] == "32" and body[-1][-1] == "13"


def test_staff_by_jabatan_and_diklat(sukamaju: ReportContext):
    jabatan = only_table(bab1.tabel_pegawai_jabatan(sukamaju))
    assert [c.text for c in jabatan.head[0]] == [
        "No",
        "Jabatan",
        "Kantor Kecamatan",
        "Kelurahan",
        "Jumlah",
    ]
    body = rows(jabatan.body)
    assert body[0] == ["1", "Camat", "1", "-", "1"]
    assert ["10", "Lurah", "-", "9", "9"] in body  # "Lurah Sukamaju" at Kelurahan Sukamaju …
    assert rows(jabatan.foot) == [["Jumlah", "32", "13", "45"]]
    diklat = only_table(bab1.tabel_pegawai_diklat(sukamaju))
    assert rows(diklat.body) == [
        ["1", "PKA", "2", "-", "2"],
        ["2", "PKP", "7", "9", "16"],
        ["3", "Latsar CPNS", "4", "1", "5"],
        ["4", "Tidak diisi", "19", "3", "22"],
    ]
    assert "Data Kepegawaian Kecamatan Sukamaju" in only_table(bab1.tabel_pejabat(sukamaju)).source


def test_a_kantor_alone_keeps_its_tables(perak: ReportContext, bekasi: ReportContext):
    """Staff entered without units are all at the kantor: no unit table, no groups."""
    assert bab1.tabel_pegawai_unit(perak) == [] and bab1.tabel_pegawai_unit(bekasi) == []
    assert rows(only_table(bab1.tabel_pegawai_jk(perak)).body) == [
        ["Struktural", "5", "2", "7"],
        ["Pelaksana", "7", "4", "11"],
    ]
    # Bekasi Utara's jabatan only repeat the status (PNS / Tenaga Kontrak): no jabatan table
    assert bab1.tabel_pegawai_jabatan(bekasi) == []
    assert [r[1] for r in rows(only_table(bab1.tabel_pegawai_jabatan(perak)).body)][:2] == [
        "Camat",
        "Sekretaris Kecamatan",
    ]


# --- 2. staff as totals ----------------------------------------------------------------------------
def test_totals_print_exactly_the_tables_given(karang: ReportContext):
    for function in (
        bab1.tabel_pegawai_pendidikan,
        bab1.tabel_pegawai_golongan,
        bab1.tabel_pegawai_jk,
        bab1.tabel_pegawai_diklat,  # no diklat totals were entered
        bab1.tabel_pejabat,
    ):
        assert function(karang) == []
    kategori = only_table(bab1.tabel_rekap_kategori(karang))
    assert [c.text for c in kategori.head[0]] == [
        "Kategori Pegawai",
        "Kantor Kecamatan",
        "Kelurahan",
        "Jumlah",
    ]
    assert rows(kategori.body) == [
        ["Struktural", "9", "9", "18"],
        ["Fungsional", "3", "-", "3"],
        ["Pelaksana", "3", "1", "4"],
        ["PPPK", "-", "1", "1"],
        ["Non-ASN", "3", "1", "4"],
    ]
    assert rows(kategori.foot) == [["Jumlah", "18", "12", "30"]]
    golongan = only_table(bab1.tabel_rekap_golongan(karang))
    assert [r[0] for r in rows(golongan.body)] == ["II", "III", "IV", "VII", "Tanpa golongan"]
    unit = only_table(bab1.tabel_pegawai_unit(karang))
    assert [c.text for c in unit.head[0]] == ["Unit Kerja", "Jumlah"]  # no kategori invented
    assert rows(unit.foot) == [["Jumlah Kelurahan", "12"], ["Jumlah", "30"]]


def test_totals_claim_no_cross_tabulation(karang: ReportContext):
    text = text_of(bab1.aparatur(karang))
    assert "kategori dan pendidikan" not in text and "komposisi pegawai menurut" not in text
    assert "Pendidikan terbanyak adalah S2 dan D4, masing-masing 7 orang (23,33%" in text
    assert "menurut pendidikan pada @tbl-bab1-rekap-pendidikan" in text
    figure = bab1.grafik_pegawai(karang)  # bars per kategori, nothing stacked
    assert figure.kind == "bar" and figure.series[0].values == (18, 3, 4, 1, 4)


REKAP_BEKASI = """dimensi,kelompok,unit,jumlah
kategori,PNS,,73
kategori,Non-ASN,,231
pendidikan,S2,,{}
pendidikan,S1,,{}
pendidikan,D3,,{}
pendidikan,SLTA,,{}
pendidikan,SLTP,,3
"""


def _bekasi_as_totals(tmp_path: Path, *pendidikan: int) -> Path:
    folder = tmp_path / "bekasi-utara"
    shutil.copytree(ROOT / "data/kota-bekasi/2024/bekasi-utara", folder)
    (folder / "pegawai.csv").unlink()
    (folder / "rekap_pegawai.csv").write_text(REKAP_BEKASI.format(*pendidikan), "utf-8")
    return folder


def test_bekasi_utara_table_1_1_as_totals(tmp_path: Path, bekasi: ReportContext):
    """Tabel 1.1 of LKIP Bekasi Utara 2024 entered as totals: 73 PNS + 231 tenaga kontrak; its
    pendidikan columns add up to 304 with S1 147 (the printed TOTAL row is wrong)."""
    folder = _bekasi_as_totals(tmp_path, 14, 147, 14, 126)
    ctx = dataclasses.replace(bekasi, data=load_kecamatan(folder))
    assert rows(only_table(bab1.tabel_rekap_kategori(ctx)).body) == [
        ["PNS", "73"],
        ["Non-ASN", "231"],
    ]
    pendidikan = only_table(bab1.tabel_rekap_pendidikan(ctx))
    assert rows(pendidikan.foot) == [["Jumlah", "304"]]
    assert rows(pendidikan.body)[1] == ["S1", "147"]
    assert text_of(bab1.aparatur(ctx)).startswith(
        "Pada Tahun 2024 Kecamatan Bekasi Utara didukung oleh 304 (tiga ratus empat) pegawai, "
        "terdiri atas 73 (tujuh puluh tiga) PNS dan 231 (dua ratus tiga puluh satu) tenaga "
        "non-ASN."
    )


def test_validate_names_the_rows_where_two_dimensions_disagree(tmp_path: Path):
    """The same table copied with the reference's TOTAL row (S2 10, S1 131, D3 16, SLTA 160):
    its education adds up to 320 while its status adds up to 304."""
    folder = _bekasi_as_totals(tmp_path, 10, 131, 16, 160)
    result = run_cli("validate", folder, "--params", PARAMS / "kota-bekasi.yaml")
    assert result.code == 1
    assert (
        "rekap_pegawai.csv, sheet rekap_pegawai, baris 4, kolom jumlah: jumlah pegawai menurut "
        "pendidikan (320, baris 4–8) tidak sama dengan menurut kategori (304, baris 2–3) "
        "(ditemukan '320'; seharusnya 304)" in result.output
    )


def test_validate_refuses_both_staff_sheets_and_a_unit_left_out(tmp_path: Path):
    folder = tmp_path / "karang-anyar"
    shutil.copytree(ROOT / "data/kota-contoh/2024/karang-anyar", folder)
    shutil.copy(ROOT / "data/kota-contoh/2024/sukamaju/pegawai.csv", folder)
    result = run_cli("validate", folder, "--params", KOTA)
    assert result.code == 1
    assert "baris 2, kolom dimensi: sheet pegawai dan rekap_pegawai sama-sama diisi" in (
        result.output
    )
    (folder / "pegawai.csv").unlink()
    rekap = folder / "rekap_pegawai.csv"
    lines = rekap.read_text(encoding="utf-8").splitlines()
    kept = [x for x in lines if not (x.startswith("jenis_kelamin,") and "Girirahayu" in x)]
    rekap.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run_cli("validate", folder, "--params", KOTA)
    assert result.code == 1
    assert "dimensi jenis_kelamin tidak mencakup pegawai unit Kelurahan Girirahayu" in (
        result.output
    )


def test_a_unit_that_is_not_in_wilayah_is_a_warning(tmp_path: Path):
    folder = tmp_path / "sukamaju"
    shutil.copytree(ROOT / "data/kota-contoh/2024/sukamaju", folder)
    pegawai = folder / "pegawai.csv"
    pegawai.write_text(
        pegawai.read_text(encoding="utf-8").replace("Kelurahan Tegal Tengah", "Kel. Tegal Tngah"),
        encoding="utf-8",
    )
    result = run_cli("validate", folder, "--params", KOTA)
    assert result.code == 0
    assert "unit 'Kel. Tegal Tngah' bukan desa/kelurahan di sheet wilayah" in result.output


# --- 3. signature and profile ------------------------------------------------------------------------
def test_a_month_only_signature_without_pangkat():
    ctx = open_report(KOTA, "sindang-jaya")
    assert ctx.data.profil["tanggal_ttd"] == MonthYear(2025, 1)
    (signature,) = [b for b in pembuka.kata_pengantar(ctx) if isinstance(b, Signature)]
    assert (signature.place_date, signature.pangkat) == ("Sindang Jaya, Januari 2025", "")


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Februari 2025", "Februari 2025"),
        ("februari 2025", "Februari 2025"),
        ("2025-02", "Februari 2025"),
        ("25 Februari 2025", "25 Februari 2025"),
    ],
)
def test_signature_dates_as_written(tmp_path: Path, written: str, printed: str):
    folder = tmp_path / "kec"
    shutil.copytree(ROOT / "data/kota-contoh/2024/sindang-jaya", folder)
    profil = folder / "profil.csv"
    text = profil.read_text(encoding="utf-8").replace("Januari 2025", written)
    profil.write_text(text, encoding="utf-8")
    result = run_cli("validate", folder, "--params", KOTA)
    assert result.code == 0 and "0 galat, 0 peringatan" in result.output
    assert tanggal(load_kecamatan(folder).profil["tanggal_ttd"]) == printed


def test_an_unreadable_signature_date_is_one_error(tmp_path: Path):
    folder = tmp_path / "kec"
    shutil.copytree(ROOT / "data/kota-contoh/2024/sindang-jaya", folder)
    profil = folder / "profil.csv"
    profil.write_text(profil.read_text("utf-8").replace("Januari 2025", "awal 2025"), "utf-8")
    result = run_cli("validate", folder, "--params", KOTA)
    assert result.code == 1 and "1 galat" in result.output
    assert "tanggal tidak dikenali; tulis 25 Maret 2025, 2025-03-25 atau bulan dan tahun saja" in (
        result.output
    )


def test_a_workbook_date_shown_as_month_and_year(tmp_path: Path):
    """Excel turns a typed "Februari 2025" into the date 1 Februari 2025 shown as "mmmm yyyy":
    the month the user sees is read, not a day."""
    book = Workbook()
    sheet = book.active
    sheet.title = "profil"
    sheet.append(["kunci", "nilai"])
    sheet.append(["tanggal_ttd", dt.datetime(2025, 2, 1)])
    sheet["B2"].number_format = "mmmm yyyy"
    sheet.append(["tanggal_lain", dt.datetime(2025, 2, 1)])
    sheet["B3"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "data.xlsx")
    (cells,) = read_sheets(tmp_path / "data.xlsx", lambda title: title == "profil")
    assert [values[1] for _, values in cells.rows] == [MonthYear(2025, 2), dt.datetime(2025, 2, 1)]


def test_population_by_sex_for_the_whole_kecamatan(wanareja: ReportContext):
    text = text_of(bab1.gambaran_umum(wanareja))
    assert "terdiri atas 4 (empat) desa" in text
    assert "adalah 53.505 jiwa, terdiri atas 27.123 laki-laki dan 26.382 perempuan." in text
    table = only_table(bab1.tabel_wilayah(wanareja))
    assert [c.text for c in table.head[0]][:3] == ["No", "Desa", "Kepala Desa"]
    assert "Penduduk (jiwa)" not in [c.text for c in table.head[0]]
    assert wanareja.kepala_daerah == "Bupati"


def test_population_by_sex_must_add_up(tmp_path: Path):
    folder = tmp_path / "kec"
    shutil.copytree(ROOT / "data/kabupaten-contoh/2021/wanareja", folder)
    profil = folder / "profil.csv"
    profil.write_text(profil.read_text("utf-8").replace("27123", "27100"), "utf-8")
    result = run_cli("validate", folder, "--params", KABUPATEN)
    assert result.code == 1
    assert (
        "kolom nilai: jumlah_penduduk tidak sama dengan jumlah_penduduk_l + jumlah_penduduk_p "
        "(ditemukan '53.505'; seharusnya 53.482)" in result.output
    )


# --- the drafts ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bentuk")
    result = run_cli(
        "build", KOTA, KABUPATEN, "-k", "sukamaju", "-k", "karang-anyar", "-k", "sindang-jaya",
        "-k", "wanareja", "--format", "docx", "--output", out,
    )  # fmt: skip
    assert result.code == 0, result.output
    return out


def _docx(out: Path, path: str) -> Document:
    return Document(str(out / path))


def _table(document: Document, first_header: str) -> list[list[str]]:
    for table in document.tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells and cells[0] and cells[0][0] == first_header:
            return cells
    raise AssertionError(f"no table headed {first_header}")


def _text(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_the_draft_counts_kantor_and_kelurahan_staff_apart(drafts: Path):
    document = _docx(drafts, "kota-contoh/2024/sukamaju/LKjIP_Sukamaju_2024.docx")
    unit = _table(document, "Unit Kerja")
    assert unit[1] == ["Kantor Kecamatan", "9", "4", "11", "7", "1", "32"]
    assert unit[-2:] == [
        ["Jumlah Kelurahan", "9", "1", "2", "0", "1", "13"],
        ["Jumlah", "18", "5", "13", "7", "2", "45"],
    ]
    jk = _table(document, "Kategori Pegawai")  # the first pivot shown: by pendidikan
    labels = [r[0] for r in jk]
    assert "Jumlah Kantor Kecamatan" in labels and "Jumlah Kelurahan" in labels
    assert "32 (tiga puluh dua) pegawai pada Kantor Kecamatan dan 13 (tiga belas)" in _text(
        document
    )
    assert "Nilai Rata-rata Unsur Survei Kepuasan Masyarakat" in _text(document)


def test_the_draft_of_staff_totals_invents_no_numbers(drafts: Path):
    document = _docx(drafts, "kota-contoh/2024/karang-anyar/LKjIP_Karang_Anyar_2024.docx")
    assert _table(document, "Kategori Pegawai") == [
        ["Kategori Pegawai", "Kantor Kecamatan", "Kelurahan", "Jumlah"],
        ["Struktural", "9", "9", "18"],
        ["Fungsional", "3", "-", "3"],
        ["Pelaksana", "3", "1", "4"],
        ["PPPK", "-", "1", "1"],
        ["Non-ASN", "3", "1", "4"],
        ["Jumlah", "18", "12", "30"],
    ]
    assert _table(document, "Unit Kerja")[0] == ["Unit Kerja", "Jumlah"]
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Tabel"]
    assert not any("Kategori dan" in c for c in captions)  # no cross-tabulation
    assert any(c.endswith("Pegawai Menurut Pendidikan") for c in captions)


def test_the_draft_signs_with_the_month(drafts: Path):
    document = _docx(drafts, "kota-contoh/2024/sindang-jaya/LKjIP_Sindang_Jaya_2024.docx")
    (block,) = {p.text for p in document.paragraphs if p.style.name == "Tanda Tangan"}
    assert block.split("\n") == [
        "Sindang Jaya, Januari 2025",
        "CAMAT SINDANG JAYA",
        "",
        "",
        "",
        "ANI DEWI SULASTRI, S.Kom., M.A.P.",
        "NIP. 19870607 200802 2 014",
    ]


def test_the_draft_of_a_kabupaten(drafts: Path):
    document = _docx(drafts, "kabupaten-contoh/2021/wanareja/LKjIP_Wanareja_2021.docx")
    text = _text(document)
    assert "27.123 laki-laki dan 26.382 perempuan" in text
    assert "bertanggung jawab kepada Bupati" in text and "Wali Kota" not in text
    assert "Peraturan Bupati Contoh Nomor 45 Tahun 2021" in text
    assert _table(document, "No")[0][:3] == ["No", "Desa", "Kepala Desa"]


def test_totals_of_any_dimension_keep_their_units(tmp_path: Path):
    rekap = """dimensi,kelompok,unit,jumlah
kategori,PNS,,5
kategori,PNS,Kelurahan Satu,2
diklat,PKP,,1
diklat,Belum pernah,Kecamatan,4
diklat,Belum pernah,Kelurahan Satu,2
"""
    folder = write_minimal(tmp_path / "kec", rekap_pegawai=rekap)
    data = load_kecamatan(folder)
    table = rekap_by_unit(rekap_tables(data)["diklat"])
    assert table.to_dict("index") == {
        "PKP": {"Kantor Kecamatan": 1, "Kelurahan": 0, "Jumlah": 1},
        "Belum pernah": {"Kantor Kecamatan": 4, "Kelurahan": 2, "Jumlah": 6},
        "Jumlah": {"Kantor Kecamatan": 5, "Kelurahan": 2, "Jumlah": 7},
    }
    assert staff_total(data) == 7
    result = run_cli("validate", folder)
    assert "rekap_pegawai" not in result.output
