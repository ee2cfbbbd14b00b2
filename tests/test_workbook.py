"""The input workbook: the template, and the same kecamatan as CSV folder and as workbook."""

from __future__ import annotations

import json
import os
import stat
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from conftest import BEKASI_UTARA, PARAMS, PERAK, run_cli
from lkjip.loader import load_kecamatan
from lkjip.schema import SHEETS, SHEETS_BY_NAME
from lkjip.template import write_template
from minimal import write_minimal


def test_template_has_instructions_headers_notes_and_dropdowns(tmp_path: Path):
    out = tmp_path / "isian.xlsx"
    result = run_cli("template", out)
    assert result.code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["petunjuk", *(s.name for s in SHEETS)]
    assert "Petunjuk pengisian" in book["petunjuk"]["A1"].value
    ws = book["indikator"]
    headers = [c.value for c in ws[1]]
    assert headers == SHEETS_BY_NAME["indikator"].column_names
    assert (
        "makin tinggi makin baik"
        in ws.cell(row=1, column=headers.index("polaritas") + 1).comment.text
    )
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"naik,turun"' in formulas
    assert '"tujuan,sasaran,program,kegiatan,subkegiatan"' in formulas
    assert book["profil"]["A2"].value == "nama_kecamatan"


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
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
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
