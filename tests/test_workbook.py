"""The input workbook: the template, and the same kecamatan as CSV folder and as workbook."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import BEKASI_UTARA, PARAMS, PERAK, run_cli
from lkjip.loader import load_kecamatan
from lkjip.schema import SHEETS, SHEETS_BY_NAME
from lkjip.template import (
    EXAMPLE_ROW,
    FIRST_DATA_ROW,
    INSTRUCTION_WIDTH,
    KEY_ROW,
    TITLE_ROW,
    instructions,
    write_template,
)
from minimal import write_minimal


def test_template_has_instructions_plain_titles_notes_and_dropdowns(tmp_path: Path):
    out = tmp_path / "isian.xlsx"
    result = run_cli("template", out)
    assert result.code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["petunjuk", *(s.name for s in SHEETS)]
    instructions = [c.value or "" for c in book["petunjuk"]["A"]]
    assert "Petunjuk pengisian" in instructions[0]
    assert not any("lkjip" in line for line in instructions)  # no command for the clerk to run
    assert any("Kirimkan berkas kepada operator" in line for line in instructions)
    assert max(map(len, instructions)) <= INSTRUCTION_WIDTH  # no line past the printed page
    ws = book["wilayah"]
    titles = [c.value for c in ws[TITLE_ROW]][:3]
    assert titles == ["Nama desa/kelurahan *", "Desa atau kelurahan *", "Nama kepala desa/lurah"]
    assert ws.cell(TITLE_ROW, 5).value == "Penduduk laki-laki (jiwa)"
    assert ws.row_dimensions[KEY_ROW].hidden
    keys = [c.value for c in ws[KEY_ROW]]
    assert keys[: len(keys) - 1] == SHEETS_BY_NAME["wilayah"].column_names  # then the mark
    ws = book["indikator"]
    keys = [c.value for c in ws[KEY_ROW]]
    assert ws.cell(TITLE_ROW, keys.index("polaritas") + 1).value == "Polaritas *"
    note = ws.cell(TITLE_ROW, keys.index("polaritas") + 1).comment.text
    assert "makin tinggi makin baik" in note and "Kode kolom: polaritas" in note
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"naik,turun"' in formulas
    assert '"tujuan,sasaran,program,kegiatan,subkegiatan"' in formulas
    profil = book["profil"]
    assert [c.value for c in profil[1]] == ["Keterangan", "Isi", "Contoh", "Kode keterangan"]
    assert profil["A3"].value == "Nama kecamatan *" and profil["D3"].value == "nama_kecamatan"
    assert profil["C3"].value == "Perak"


def test_every_data_sheet_has_one_marked_example_row(tmp_path: Path):
    out = write_template(tmp_path / "isian.xlsx")
    book = load_workbook(out)
    for sheet in SHEETS[1:]:
        ws = book[sheet.name]
        example = [ws.cell(EXAMPLE_ROW, i + 1).value for i in range(len(sheet.columns))]
        assert example[0] not in (None, ""), sheet.name
        assert ws.cell(EXAMPLE_ROW, 1).font.i, sheet.name  # grey italics
        assert "CONTOH" in ws.cell(EXAMPLE_ROW, len(sheet.columns) + 1).value, sheet.name
    anggaran = book["anggaran"]
    keys = [c.value for c in anggaran[KEY_ROW]]
    assert anggaran.cell(EXAMPLE_ROW, keys.index("pagu") + 1).value == 3_000_000  # a number


def test_the_loader_ignores_the_example_and_the_titles(tmp_path: Path):
    """An empty template reads as empty sheets; one row of data reads as that row only, at
    its Excel row number."""
    out = write_template(tmp_path / "isian.xlsx")
    empty = load_kecamatan(out)
    assert all(not empty.table(s.name) for s in SHEETS[1:])
    assert not [p for p in empty.problems.warnings if "tidak dikenal" in p.line()]
    book = load_workbook(out)
    ws = book["batas_wilayah"]
    ws.cell(FIRST_DATA_ROW, 1, "utara")
    ws.cell(FIRST_DATA_ROW, 2, "Kecamatan Tarumajaya")
    book.save(out)
    rows = load_kecamatan(out).table("batas_wilayah")
    assert [dict(r) for r in rows] == [
        {"arah": "utara", "berbatasan_dengan": "Kecamatan Tarumajaya"}
    ]
    assert rows[0].line == FIRST_DATA_ROW


def test_data_typed_over_the_example_row_is_not_lost_silently(tmp_path: Path):
    out = write_template(tmp_path / "isian.xlsx")
    book = load_workbook(out)
    ws = book["batas_wilayah"]
    ws.cell(EXAMPLE_ROW, 1, "timur")
    ws.cell(EXAMPLE_ROW, 2, "Kota Jakarta Utara")
    book.save(out)
    result = run_cli("validate", out, cwd=tmp_path)
    assert (
        "isian.xlsx, sheet batas_wilayah, baris 2: baris 2 berada di atas baris kode kolom"
    ) in result.stdout, result.stdout


def test_every_sheet_prints_one_page_wide_with_its_titles_repeated(tmp_path: Path):
    book = load_workbook(write_template(tmp_path / "isian.xlsx"))
    for ws in book.worksheets:
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        if ws.title in ("petunjuk", "profil"):
            assert setup.orientation == "portrait", ws.title
            continue
        assert setup.orientation == "landscape", ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.freeze_panes == f"A{FIRST_DATA_ROW}", ws.title


def test_excel_checks_numbers_years_dates_and_choices(tmp_path: Path):
    book = load_workbook(write_template(tmp_path / "isian.xlsx"))

    def checks(sheet: str) -> dict[str, object]:
        ws = book[sheet]
        keys = [c.value for c in ws[KEY_ROW]]
        found = {}
        for dv in ws.data_validations.dataValidation:
            for ref in str(dv.sqref).split():
                column = ref.split(":")[0].rstrip("0123456789")
                index = sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(column)))
                found[keys[index - 1] if index <= len(keys) else ref] = dv
        return found

    anggaran = checks("anggaran")
    assert anggaran["pagu"].type == "decimal" and anggaran["pagu"].formula1 == "0"
    assert anggaran["pagu"].errorStyle == "warning"
    assert str(anggaran["pagu"].sqref) == f"J{FIRST_DATA_ROW}:J2000"
    assert anggaran["jenis_belanja"].type == "list"
    target = checks("target_realisasi")
    assert target["tahun"].type == "whole" and (
        target["tahun"].formula1,
        target["tahun"].formula2,
    ) == ("1990", "2100")
    wilayah = checks("wilayah")
    assert wilayah["penduduk_l"].type == "whole"
    profil = book["profil"]
    rows = {profil.cell(r, 4).value: r for r in range(3, profil.max_row + 1)}
    dates = [dv for dv in profil.data_validations.dataValidation if dv.type == "date"]
    # The signature date may be a month and year ("Februari 2025"): Excel must not refuse it.
    assert "tanggal_ttd" in rows and not [
        dv for dv in dates if f"B{rows['tanggal_ttd']}" in str(dv.sqref)
    ]


def test_empty_template_is_read_back_by_validate(tmp_path: Path):
    out = tmp_path / "isian.xlsx"
    run_cli("template", out)
    result = run_cli("validate", out, cwd=tmp_path)
    assert result.code == 1  # readable, but nothing is filled in yet
    assert "Traceback" not in result.output
    assert "isian.xlsx, sheet profil: kunci profil wajib 'camat_nama' tidak diisi" in result.stdout
    assert "isian.xlsx, sheet indikator, baris 1" not in result.stdout  # headers all recognised


def test_filled_template_round_trips_to_identical_tables(tmp_path: Path):
    out = tmp_path / "perak.xlsx"
    assert run_cli("template", out, "--dari", PERAK).code == 0
    from_csv, from_xlsx = load_kecamatan(PERAK), load_kecamatan(out)
    assert from_xlsx.profil == from_csv.profil
    for sheet in SHEETS[1:]:  # profil is compared as key/value pairs above
        assert [dict(r) for r in from_xlsx.table(sheet.name)] == [
            dict(r) for r in from_csv.table(sheet.name)
        ], sheet.name
    assert not from_xlsx.problems.errors


def test_csv_folder_and_workbook_give_identical_summaries(tmp_path: Path):
    folder = tmp_path / "bekasi-utara"
    folder.mkdir()
    assert run_cli("template", folder / "data.xlsx", "--dari", BEKASI_UTARA).code == 0
    config = PARAMS / "kota-bekasi.yaml"
    from_csv = run_cli("summary", config, "--json")
    from_xlsx = run_cli("summary", folder, "--params", config, "--json")
    assert from_csv.code == 0 and from_xlsx.code == 0, from_xlsx.output
    assert json.loads(from_xlsx.stdout) == json.loads(from_csv.stdout)
    assert json.loads(from_csv.stdout)["anggaran"]["persen"] == 95.62
    validated = run_cli("validate", folder / "data.xlsx", "--params", config)
    assert validated.code == 0 and "0 galat" in validated.stdout


def _minimal_workbook(tmp_path: Path) -> Path:
    out = tmp_path / "kec" / "data.xlsx"
    write_template(out, load_kecamatan(write_minimal(tmp_path / "csv")))
    return out


def _cell(ws, key: tuple[str, int], column: str):
    """The cell of target_realisasi row (indikator, tahun) in ``column``."""
    headers = [c.value for c in ws[KEY_ROW]]
    for row in ws.iter_rows(min_row=FIRST_DATA_ROW):
        if (row[0].value, row[1].value) == key:
            return row[headers.index(column)]
    raise AssertionError(key)


def test_percentage_formatted_cells_are_read_as_percent_numbers(tmp_path: Path):
    out = _minimal_workbook(tmp_path)
    book = load_workbook(out)
    ws = book["target_realisasi"]
    realisasi = _cell(ws, ("P1", 2024), "realisasi")  # an indicator in %: 100
    realisasi.value, realisasi.number_format = 0.975, "0.0%"  # shown as 97,5% in Excel
    target = _cell(ws, ("P1", 2024), "target")
    target.value, target.number_format = 100, '0"%"'  # a literal % sign: the number is 100
    book.save(out)
    rows = {(r["indikator"], r["tahun"]): r for r in load_kecamatan(out).table("target_realisasi")}
    assert rows[("P1", 2024)]["realisasi"] == Decimal("97.5")
    assert rows[("P1", 2024)]["target"] == Decimal("100")
    result = run_cli("summary", out.parent, "--json", cwd=tmp_path)
    assert result.code == 0, result.output
    assert run_cli("validate", out, cwd=tmp_path).code == 0


def test_template_file_is_readable_by_others_as_umask_allows(tmp_path: Path):
    previous = os.umask(0o022)
    try:
        out = tmp_path / "isian.xlsx"
        assert run_cli("template", out, cwd=tmp_path).code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert not list(tmp_path.glob(".isian.xlsx.*"))  # no temporary file left behind


def test_entered_decimals_survive_the_workbook(tmp_path: Path):
    """An Excel number keeps no trailing zeros; the cell's number format tells how the value was
    entered: 76,10 typed in a ``0.00`` cell is read as 76.10 and printed as 76,10."""
    out = _minimal_workbook(tmp_path)
    book = load_workbook(out)
    ws = book["target_realisasi"]
    realisasi = _cell(ws, ("IKU1", 2024), "realisasi")
    assert realisasi.number_format == "0.00"  # written from the CSV's "72,74"
    realisasi.value = 76.1  # what Excel stores for 76,10
    target = _cell(ws, ("IKU2", 2024), "target")
    target.value, target.number_format = 80.5, "General"  # no format: nothing to restore
    book.save(out)
    rows = {(r["indikator"], r["tahun"]): r for r in load_kecamatan(out).table("target_realisasi")}
    assert str(rows[("IKU1", 2024)]["realisasi"]) == "76.10"
    assert str(rows[("IKU2", 2024)]["target"]) == "80.5"
    assert str(rows[("IKU2", 2024)]["realisasi"]) == "85.00"  # "85,00" in the CSV


def test_filled_template_keeps_the_entered_decimals(tmp_path: Path):
    out = tmp_path / "bekasi.xlsx"
    write_template(out, load_kecamatan(BEKASI_UTARA))

    def entered(data) -> list[tuple[str, ...]]:
        return [tuple(str(v) for v in r.values()) for r in data.table("target_realisasi")]

    assert entered(load_kecamatan(out)) == entered(load_kecamatan(BEKASI_UTARA))
    assert entered(load_kecamatan(out))[0][:4] == ("IKU1", "2022", "82.50", "82.71")


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice atau poppler-utils tidak terpasang di mesin ini",
)
def test_the_printed_instructions_keep_every_line_whole(tmp_path: Path):
    """Laid out by LibreOffice (which, without Calibri, prints in a wider font), every line of
    the instructions sheet is on the page in full: none runs past the right edge."""
    out = write_template(tmp_path / "isian.xlsx")
    profile = (tmp_path / "lo-profil").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = subprocess.run(
        ["pdftotext", "-l", "4", str(tmp_path / "isian.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    printed = " ".join(text.split())
    lines = [" ".join(line.split()) for _, line in instructions() if line.strip()]
    assert len(lines) > 60
    assert [line for line in lines if line not in printed] == []
