"""The input workbook: the template, and the same kecamatan as CSV folder and as workbook."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from conftest import BEKASI_UTARA, PARAMS, PERAK, run_cli
from lkjip.loader import load_kecamatan
from lkjip.schema import SHEETS


def test_template_has_instructions_headers_notes_and_dropdowns(tmp_path: Path):
    out = tmp_path / "isian.xlsx"
    result = run_cli("template", out)
    assert result.code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["petunjuk", *(s.name for s in SHEETS)]
    assert "Petunjuk pengisian" in book["petunjuk"]["A1"].value
    ws = book["indikator"]
    headers = [c.value for c in ws[1]]
    assert headers == [c.name for c in SHEETS[8].columns]
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
