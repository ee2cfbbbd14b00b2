"""`lkjip narrative pull` names the input to change for an edited generated number: the file
(and the sheet of a workbook), the row and the column, as the loader reads them."""

from __future__ import annotations

from pathlib import Path

from conftest import PERAK
from lkjip.loader import load_kecamatan
from lkjip.report.draft import GeneratedTable
from lkjip.report.pull import paragraph_edits, table_edits
from lkjip.template import write_template

SENTENCE = "Pagu sub kegiatan Penyusunan Dokumen Perencanaan sebesar Rp {} telah direalisasikan."


def test_an_edited_number_names_the_csv_file_row_and_column():
    edits = paragraph_edits([SENTENCE.format("4.451.500")], [SENTENCE.format("5.000.000")], PERAK)
    assert len(edits) == 1
    advice = edits[0].advice
    assert "anggaran.csv, baris 2, kolom pagu" in advice, advice
    assert "anggaran.csv, baris 2, kolom realisasi" in advice, advice  # the same number
    assert "ubah di sana" in advice


def test_an_edited_number_names_the_workbook_sheet_row_and_column(tmp_path: Path):
    folder = tmp_path / "perak"
    write_template(folder / "data.xlsx", load_kecamatan(PERAK))
    edits = paragraph_edits([SENTENCE.format("4.451.500")], [SENTENCE.format("5.000.000")], folder)
    assert "data.xlsx, sheet anggaran, baris 4, kolom pagu" in edits[0].advice, edits[0].advice


def test_an_edited_computed_cell_names_the_input_row_it_comes_from():
    """A capaian is computed, found in no input: its table row names the indicator, whose
    input rows are named instead."""
    caption = "Tabel 3.1 Capaian indikator kinerja utama"
    before = GeneratedTable(caption, [["IKU1", "Nilai AKIP", "101,23%"]], "tbl-iku")
    after = GeneratedTable(caption, [["IKU1", "Nilai AKIP", "110,00%"]], "tbl-iku")
    edits = table_edits([before], [after], PERAK)
    assert len(edits) == 1
    assert "indikator.csv, baris 2" in edits[0].advice, edits[0].advice
    assert "target_realisasi.csv, baris" in edits[0].advice, edits[0].advice
