"""The input workbook: an instructions sheet, then one sheet per data sheet with column notes and
dropdowns. Optionally filled with an existing kecamatan's data (CSV folder → workbook)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lkjip.loader import KecamatanData, os_reason
from lkjip.problems import InputError
from lkjip.schema import PROFILE_KEYS, SHEETS, Column, Kind, Sheet

INSTRUCTIONS_SHEET = "petunjuk"
MAX_ROWS = 2000
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")

INSTRUCTIONS = [
    "Petunjuk pengisian data LKjIP kecamatan",
    "",
    "1. Isi satu workbook ini untuk satu kecamatan dan satu tahun laporan; simpan sebagai data.xlsx",
    "   di folder data kecamatan (data/<kota>/<tahun>/<kecamatan>/).",
    "2. Setiap sheet berikutnya adalah satu tabel. Baris 1 adalah judul kolom: jangan diubah.",
    "   Arahkan kursor ke judul kolom untuk membaca penjelasannya. Judul berwarna jingga wajib diisi.",
    "3. Angka boleh ditulis cara Indonesia: 75,5 atau 1.234.567 atau Rp 10.802.728.000,00 atau 100%.",
    "   Uang dalam rupiah utuh. Persentase ditulis 0–100, bukan pecahan.",
    "4. Kolom pilihan memakai daftar turun (dropdown). Tanggal ditulis 2025-03-25 atau 25 Maret 2025.",
    "5. Anggaran hanya diisi pada tingkat sub kegiatan; jumlah program, kegiatan, persentase dan SiLPA",
    "   dihitung otomatis. Target dan realisasi diisi sekali per indikator per tahun.",
    "6. Periksa isian dengan perintah: lkjip validate data.xlsx — setiap masalah disebutkan",
    "   lengkap dengan sheet, baris dan kolomnya.",
    "",
    "Sheet wajib: " + ", ".join(s.name for s in SHEETS if s.required),
    "Sheet lain boleh dikosongkan; bagian laporan yang datanya tidak ada ditandai untuk dilengkapi.",
]


def _note(col: Column) -> str:
    text = f"{col.description}\nJenis: {col.kind.value}"
    if col.unit:
        text += f" ({col.unit})"
    if col.choices:
        text += "\nPilihan: " + ", ".join(col.choices)
    text += "\nWajib diisi" if col.required else "\nBoleh kosong"
    if col.example:
        text += f"\nContoh: {col.example}"
    return text


def _dropdown(ws, col: Column, index: int) -> None:
    if col.kind is Kind.CHOICE:
        options = col.choices
    elif col.kind is Kind.BOOL:
        options = ("ya", "tidak")
    else:
        return
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(options) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Pilihan tidak dikenal",
        error="Pilih salah satu: " + ", ".join(options),
    )
    letter = get_column_letter(index)
    validation.add(f"{letter}2:{letter}{MAX_ROWS}")
    ws.add_data_validation(validation)


def _cell_value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dt.date | int | float) or value is None:
        return value
    return str(value)


def _keep_decimals(cell: object, value: object) -> None:
    """A Decimal written as a number keeps its decimals through a number format (76,10 would
    otherwise come back as 76,1; the loader reads the format back)."""
    if isinstance(value, Decimal):
        places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
        if places:
            cell.number_format = "0." + "0" * places  # type: ignore[attr-defined]


def _sheet(book: Workbook, sheet: Sheet, data: KecamatanData | None) -> None:
    ws = book.create_sheet(sheet.name)
    for index, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=col.name)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.comment = Comment(_note(col), "lkjip", width=320, height=160)
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(col.name) + 6))
        _dropdown(ws, col, index)
    ws.freeze_panes = "A2"
    if sheet.name == "profil":
        _profile(ws, data)
        return
    for row in data.table(sheet.name) if data else []:
        values = [row.get(c.name) for c in sheet.columns]
        ws.append([_cell_value(v) for v in values])
        for index, value in enumerate(values, start=1):
            _keep_decimals(ws.cell(row=ws.max_row, column=index), value)


def _profile(ws, data: KecamatanData | None) -> None:
    keys = DataValidation(
        type="list", formula1='"' + ",".join(k.name for k in PROFILE_KEYS) + '"', allow_blank=True
    )
    keys.add(f"A2:A{len(PROFILE_KEYS) + 20}")
    ws.add_data_validation(keys)
    ws.column_dimensions["B"].width = 50
    for key in PROFILE_KEYS:
        value = data.profil.get(key.name) if data else None
        ws.append([key.name, _cell_value(value)])
        _keep_decimals(ws.cell(row=ws.max_row, column=2), value)
        cell = ws.cell(row=ws.max_row, column=1)
        note = f"{key.description}\nJenis: {key.kind.value}\n"
        note += ("Wajib diisi" if key.required else "Boleh kosong") + f"\nContoh: {key.example}"
        cell.comment = Comment(note, "lkjip", width=320, height=120)


def write_template(out: Path, data: KecamatanData | None = None) -> Path:
    """Write the input workbook to ``out`` (filled with ``data`` if given), atomically."""
    book = Workbook()
    intro = book.active
    intro.title = INSTRUCTIONS_SHEET
    intro.column_dimensions["A"].width = 110
    for line in INSTRUCTIONS:
        intro.append([line])
    intro["A1"].font = Font(bold=True, size=14)
    for cell in intro["A"]:
        cell.alignment = Alignment(wrap_text=False)
    for sheet in SHEETS:
        _sheet(book, sheet, data)
    if out.is_dir():
        raise InputError(f"{out}: sudah ada sebagai folder; sebutkan nama berkas .xlsx")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        # A fresh name opened like any new file (mode 0666 less the umask), not mkstemp's 0600.
        tmp = out.parent / f".{out.name}.{secrets.token_hex(6)}.tmp"
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise InputError(
            f"{out}: workbook tidak dapat ditulis ke folder {out.parent} ({os_reason(exc)})"
        ) from exc
    try:
        book.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise InputError(
            f"{out}: workbook tidak dapat ditulis ke folder {out.parent} ({os_reason(exc)})"
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
