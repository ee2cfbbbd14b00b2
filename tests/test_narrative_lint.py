"""Narrative lint (issue 12 item 12): `lkjip validate` warns about template residue, another
kecamatan of the city and a year long before the report year, naming narasi.md's line and
section; the report is still built (exit 0)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PARAMS, ROOT, run_cli

SUKAMAJU = ROOT / "data/kota-contoh/2024/sukamaju"


def _validate(tmp_path: Path, extra: str) -> tuple[int, list[str], int]:
    """Validate a copy of a generated kecamatan whose narasi.md ends with ``extra``; the exit
    code, the warning lines about narasi.md and the first line number of ``extra``."""
    folder = tmp_path / "sukamaju"
    shutil.copytree(SUKAMAJU, folder)
    narasi = folder / "narasi.md"
    text = narasi.read_text(encoding="utf-8")
    first = text.count("\n") + 3  # after a blank line and the section heading
    narasi.write_text(text + "\n## kendala\n" + extra, encoding="utf-8")
    result = run_cli("validate", folder, "--params", PARAMS / "kota-contoh.yaml")
    lines = [line.strip() for line in result.stdout.splitlines() if "narasi.md" in line]
    return result.code, lines, first


def test_the_generated_narratives_are_clean():
    result = run_cli("validate", PARAMS / "kota-contoh.yaml")
    assert result.code == 0 and "narasi.md" not in result.output


@pytest.mark.parametrize(
    "residue", ["(Nama Perangkat Daerah)", "xxx", "....", "[isi]", "[BELUM DIISI: Kendala]"]
)
def test_template_residue(tmp_path: Path, residue: str):
    code, lines, first = _validate(tmp_path, f"Kendala utama {residue} adalah anggaran.\n")
    assert code == 0
    assert lines == [
        f"[peringatan] {tmp_path}/sukamaju/narasi.md, baris {first}: bagian '## kendala' memuat "
        f"sisa templat (ditemukan '{residue}'; seharusnya teks laporan kecamatan ini (ganti "
        "atau hapus isian templat))"
    ]


def test_another_kecamatan_of_the_city(tmp_path: Path):
    code, lines, first = _validate(
        tmp_path,
        "Koordinasi dengan Kelurahan Sukamaju berjalan baik.\n"  # its own kelurahan
        "Wilayah sebelah utara berbatasan dengan Kecamatan Cempaka Putih.\n"  # a border
        "Sebagaimana Kecamatan Mekarsari, kami mempercepat pelayanan PATEN.\n",
    )
    assert code == 0
    assert lines == [
        f"[peringatan] {tmp_path}/sukamaju/narasi.md, baris {first + 2}: bagian '## kendala' "
        "menyebut Kecamatan Mekarsari, kecamatan lain di kota yang sama (ditemukan "
        "'Sebagaimana Kecamatan Mekarsari, kami mempercepat pelayanan…'; seharusnya nama "
        "kecamatan ini; "
        "periksa apakah teks tersalin dari laporan kecamatan lain)"
    ]


def test_a_year_long_before_the_report_year(tmp_path: Path):
    """LKIP Bekasi Utara 2024 (L585) still cites its old Renstra 2018-2023: the kind of line
    the lint is for. Regulation citations and periods containing the report year are fine."""
    code, lines, first = _validate(
        tmp_path,
        "Pada Tahun Anggaran 2024 dalam dokumen Renstra Kecamatan Sukamaju Tahun 2018-2023 "
        "ditetapkan tiga sasaran.\n"
        "Sesuai Undang-Undang Nomor 23 Tahun 2014, Perpres 29/2014 dan RPJMD 2021-2026.\n"
        "Pada tahun 2021 dan 2025 target tercapai; visi Indonesia Emas 2045.\n",
    )
    assert code == 0
    assert lines == [
        f"[peringatan] {tmp_path}/sukamaju/narasi.md, baris {first}: bagian '## kendala' "
        "menyebut tahun 2018, jauh sebelum tahun laporan 2024 (ditemukan '…Kecamatan Sukamaju "
        "Tahun 2018-2023 ditetapkan tiga sasaran.'; seharusnya tahun 2021 atau sesudahnya, "
        "kutipan peraturan atau periode perencanaan; periksa apakah teks tersalin dari laporan "
        "lama)"
    ]


def test_text_that_does_not_reach_the_report_is_not_linted(tmp_path: Path):
    folder = tmp_path / "sukamaju"
    shutil.copytree(SUKAMAJU, folder)
    narasi = folder / "narasi.md"
    text = narasi.read_text(encoding="utf-8")
    narasi.write_text("Catatan xxx tahun 2010\n\n" + text + "\n<!-- xxx 2010 -->\n", "utf-8")
    result = run_cli("validate", folder, "--params", PARAMS / "kota-contoh.yaml")
    assert result.code == 0 and "narasi.md" not in result.output
