"""The input workbook a kecamatan clerk fills in: an instructions sheet, then one sheet per data
sheet of the contract (:mod:`lkjip.schema`). Optionally filled with an existing kecamatan's
data (CSV folder → workbook).

Each data sheet reads, top to bottom: the plain Indonesian column titles (row 1, a required
column marked " *"), one example row (row 2, grey italics, marked "contoh"), the column keys
(row 3, hidden), then the data from row 4. The loader takes the row of keys as the header and
ignores what is above it (:func:`lkjip.loader.is_key_row`), so the workbook round-trips. The
profil sheet lists every key with its title and an example beside the cell to fill. Every sheet
prints on A4, one page wide, with its titles repeated on each page.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lkjip.files import WriteError, atomic_write
from lkjip.formatting import angka
from lkjip.loader import KecamatanData, os_reason, parse_cell
from lkjip.problems import InputError
from lkjip.schema import (
    PROFILE_KEYS,
    SHEETS,
    SHEETS_BY_NAME,
    Column,
    Kind,
    ProfileKey,
    Sheet,
    heading,
)
from lkjip.sheet_print import print_one_page_wide

INSTRUCTIONS_SHEET = "petunjuk"
TITLE_ROW, EXAMPLE_ROW, KEY_ROW, FIRST_DATA_ROW = 1, 2, 3, 4
PROFILE_KEY_ROW, PROFILE_FIRST_ROW = 2, 3
MAX_ROWS = 2000  # rows that carry the dropdowns and checks
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
EXAMPLE_FILL = PatternFill("solid", fgColor="F2F2F2")
EXAMPLE_FONT = Font(italic=True, color="7F7F7F")
KEY_FONT = Font(size=8, color="A6A6A6")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
EXAMPLE_MARK = "◄ CONTOH (tidak dibaca)"
MARK_WIDTH = 14
DATE_FORMAT = "[$-421]d mmmm yyyy"  # 25 Maret 2025, whatever the language of Excel
MONEY_FORMAT = "#,##0"
INSTRUCTION_WIDTH = 86  # characters per line of the instructions: fits the page in a wide font too
WHOLE_MAX = Decimal(2**31 - 1)  # Excel checks whole numbers as 32-bit integers

DATE_RANGE = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))
YEAR_RANGE = (1990, 2100)


# --- the instructions --------------------------------------------------------------------------
def instructions() -> list[tuple[str, str]]:
    """The instructions sheet as (style, line) pairs: ``title``, ``heading`` or ``text``."""
    required = ", ".join(s.name for s in SHEETS if s.required)
    steps = [
        "Isi satu workbook ini untuk satu kecamatan dan satu tahun laporan.",
        "Mulailah dari sheet profil: isi kolom Isi pada setiap baris (nama kecamatan, tahun "
        "laporan, nama dan NIP Camat, tanggal penandatanganan, dan seterusnya). Kolom Contoh "
        "di sebelahnya menunjukkan cara mengisinya.",
        "Setiap sheet berikutnya adalah satu tabel. Baris 1 berisi judul kolom; judul bertanda * "
        "(berwarna jingga) wajib diisi. Arahkan kursor ke judul kolom untuk membaca "
        "penjelasannya; ketika sel dipilih, keterangan singkat juga muncul.",
        "Baris 2 (abu-abu, huruf miring) adalah CONTOH cara mengisi dan tidak ikut dibaca. "
        "Biarkan saja, jangan ditimpa dengan data. Isi data Anda mulai baris 4, satu baris "
        "untuk setiap hal yang disebutkan di daftar sheet di bawah.",
        "Jangan mengubah, memindahkan atau menghapus baris judul, baris contoh dan baris kode "
        "kolom yang tersembunyi (baris 3); jangan pula mengganti nama sheet.",
        f"Sheet yang wajib diisi: {required}. Sheet lain diisi bila datanya ada; bila kosong, "
        "bagian laporan yang memerlukannya ditandai untuk dilengkapi.",
    ]
    rules = [
        "Angka ditulis seperti biasa, mis. 75,5 atau 1.234.567. Jangan menambahkan satuan di "
        "dalam sel; satuannya tertulis di judul kolom.",
        "Uang ditulis dalam rupiah utuh tanpa Rp, mis. 10.802.728.000.",
        "Persentase ditulis 0–100, mis. 95,62 (bukan 0,9562).",
        "Tahun ditulis empat angka, mis. 2024. Tanggal ditulis 25/03/2025 atau 25 Maret 2025.",
        "Kolom pilihan memakai daftar turun (dropdown): pilih salah satu isian yang ada. Excel "
        "memperingatkan bila isian sebuah sel tidak sesuai jenis kolomnya.",
        "Anggaran diisi hanya pada tingkat sub kegiatan: jumlah program dan kegiatan, persentase "
        "dan SiLPA dihitung otomatis. Target dan realisasi diisi sekali per indikator per tahun.",
    ]
    send = [
        "Simpan workbook dalam format Excel (.xlsx); jangan diubah ke .xls atau .csv.",
        "Beri nama berkas data_<nama kecamatan>_<tahun>.xlsx, mis. data_Perak_2024.xlsx.",
        "Kirimkan berkas kepada operator LKjIP kota/kabupaten (Bagian Organisasi Sekretariat "
        "Daerah). Operator memeriksa isiannya; bila ada yang perlu diperbaiki, Anda diberi "
        "tahu nama sheet, nomor baris dan kolomnya.",
    ]
    lines: list[tuple[str, str]] = [
        ("title", "Petunjuk pengisian data Laporan Kinerja (LKjIP) kecamatan"),
        ("text", "Untuk petugas kecamatan yang menyiapkan data laporan kinerja tahunan."),
        ("text", ""),
        ("heading", "Langkah pengisian"),
        *_numbered(steps),
        ("text", ""),
        ("heading", "Cara menulis angka dan tanggal"),
        *_bullets(rules),
        ("text", ""),
        ("heading", "Daftar sheet: satu baris untuk setiap …"),
        *_bullets(
            f"{s.name}{' (wajib)' if s.required else ''}: {s.row_is}. {s.description}"
            for s in SHEETS
        ),
        ("text", ""),
        ("heading", "Setelah selesai"),
        *_numbered(send),
    ]
    return lines


def _wrapped(text: str, first: str, rest: str) -> list[tuple[str, str]]:
    lines = textwrap.wrap(
        text,
        INSTRUCTION_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    )
    return [("text", line) for line in lines]


def _numbered(items: list[str]) -> list[tuple[str, str]]:
    return [line for n, item in enumerate(items, 1) for line in _wrapped(item, f"{n}. ", "   ")]


def _bullets(items) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [line for item in items for line in _wrapped(item, "• ", "  ")]


def _instructions_sheet(ws) -> None:  # type: ignore[no-untyped-def]
    ws.title = INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = INSTRUCTION_WIDTH + 4
    for style, line in instructions():
        ws.append([line])
        cell = ws.cell(row=ws.max_row, column=1)
        if style == "title":
            cell.font = Font(bold=True, size=14)
        elif style == "heading":
            cell.font = Font(bold=True, size=12)
    print_one_page_wide(ws, landscape=False)


# --- cells ----------------------------------------------------------------------------------
def _note(col: Column | ProfileKey, key: str) -> str:
    text = f"{col.description}\nJenis: {col.kind.value}"
    if getattr(col, "unit", ""):
        text += f" ({col.unit})"  # type: ignore[union-attr]
    if getattr(col, "choices", ()):
        text += "\nPilihan: " + ", ".join(col.choices)  # type: ignore[union-attr]
    text += "\nWajib diisi" if col.required else "\nBoleh kosong"
    if col.example:
        text += f"\nContoh: {col.example}"
    return text + f"\nKode kolom: {key}"


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


def _put(cell, value: object, kind: Kind) -> None:  # type: ignore[no-untyped-def]
    """A typed value into a cell, shown the way it was entered."""
    cell.value = _cell_value(value)
    _keep_decimals(cell, value)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif kind is Kind.MONEY and isinstance(value, int | Decimal):
        cell.number_format = MONEY_FORMAT


def _example(col: Column | ProfileKey) -> object:
    """The declared example typed as the loader reads it (a number as a number), else as text."""
    if not col.example:
        return None
    try:
        return parse_cell(col if isinstance(col, Column) else col.as_column(), col.example)
    except ValueError:
        return col.example


# --- checks as Excel shows them ------------------------------------------------------------------
def _prompt(col: Column | ProfileKey) -> str:
    text = col.description
    if getattr(col, "unit", ""):
        text += f" ({col.unit})"  # type: ignore[union-attr]
    if col.example:
        text += f". Contoh: {col.example}"
    return text[:250]


def _validation(col: Column | ProfileKey) -> DataValidation | None:
    """Excel's own check of a column: a dropdown for choices, numbers within the column's
    bounds, years, dates. Numbers and dates only warn (the loader also reads "75,5" typed as
    text); a choice outside the list is refused."""
    kind = col.kind
    common = {"allow_blank": True, "showInputMessage": True, "showErrorMessage": True}
    title = col.title[:32]
    if kind in (Kind.CHOICE, Kind.BOOL):
        options = col.choices if kind is Kind.CHOICE else ("ya", "tidak")  # type: ignore[union-attr]
        return DataValidation(
            type="list",
            formula1='"' + ",".join(options) + '"',
            errorTitle="Pilihan tidak dikenal",
            error="Pilih salah satu: " + ", ".join(options),
            promptTitle=title,
            prompt=_prompt(col),
            **common,
        )
    column = col if isinstance(col, Column) else col.as_column()
    if kind is Kind.YEAR:
        low, high = YEAR_RANGE
        return DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            errorTitle="Tahun tidak sah",
            error=f"Tulis tahun empat angka, {low}–{high}.",
            promptTitle=title,
            prompt=_prompt(col),
            **common,
        )
    if kind is Kind.DATE:
        low_date, high_date = DATE_RANGE
        return DataValidation(
            type="date",
            operator="between",
            formula1=f"DATE({low_date.year},{low_date.month},{low_date.day})",
            formula2=f"DATE({high_date.year},{high_date.month},{high_date.day})",
            errorStyle="warning",
            errorTitle="Bukan tanggal",
            error="Tulis tanggal, mis. 25/03/2025 atau 25 Maret 2025. Tetap simpan isian ini?",
            promptTitle=title,
            prompt=_prompt(col),
            **common,
        )
    if column.range is None:
        return None
    low, high = column.range
    whole = kind in (Kind.INTEGER, Kind.MONEY) and max(abs(low), abs(high)) <= WHOLE_MAX
    return DataValidation(
        type="whole" if whole else "decimal",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        errorStyle="warning",
        errorTitle="Bukan angka yang diharapkan",
        error=f"Isi angka {angka(low, 0)} sampai {angka(high, 0)}"
        + (" (bilangan bulat)" if whole else "")
        + ". Tetap simpan isian ini?",
        promptTitle=title,
        prompt=_prompt(col),
        **common,
    )


def _width(col: Column) -> float:
    """Wide enough for the title's longest word and, up to a limit, the example; titles and
    longer texts wrap, so that the widest sheet still prints legibly on one page width."""
    longest = max((len(word) for word in heading(col).split()), default=0)
    return float(max(9, min(24, max(len(col.example), longest) + 2)))


# --- data sheets --------------------------------------------------------------------------------
def _titles(ws, titles: list[tuple[str, bool, str]]) -> None:  # type: ignore[no-untyped-def]
    """Row 1: (title, required, note) per column."""
    for index, (title, required, note) in enumerate(titles, start=1):
        cell = ws.cell(row=TITLE_ROW, column=index, value=title)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = BOX
        if note:
            cell.comment = Comment(note, "lkjip", width=320, height=180)
    lines = max(
        (
            -(-len(title) // max(1, int(ws.column_dimensions[get_column_letter(i)].width) - 2))
            for i, (title, _r, _n) in enumerate(titles, start=1)
        ),
        default=1,
    )
    ws.row_dimensions[TITLE_ROW].height = 15 * max(1, min(lines, 6))


def _keys(ws, row: int, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The hidden row of column keys the loader reads."""
    for index, key in enumerate(keys, start=1):
        if key:
            ws.cell(row=row, column=index, value=key).font = KEY_FONT
    ws.row_dimensions[row].hidden = True


def _sheet(book: Workbook, sheet: Sheet, data: KecamatanData | None) -> None:
    ws = book.create_sheet(sheet.name)
    if sheet.name == "profil":
        _profile(ws, data)
        return
    for index, col in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = _width(col)
    _titles(ws, [(heading(c), c.required, _note(c, c.name)) for c in sheet.columns])
    for index, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=EXAMPLE_ROW, column=index)
        _put(cell, _example(col), col.kind)
        cell.font, cell.fill = EXAMPLE_FONT, EXAMPLE_FILL
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    mark = ws.cell(row=EXAMPLE_ROW, column=len(sheet.columns) + 1, value=EXAMPLE_MARK)
    mark.font = Font(bold=True, color="C00000")
    mark.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions[get_column_letter(len(sheet.columns) + 1)].width = MARK_WIDTH
    ws.cell(row=EXAMPLE_ROW, column=1).comment = Comment(
        "Baris contoh: tidak dibaca. Isi data mulai baris 4.", "lkjip", width=240, height=60
    )
    _keys(ws, KEY_ROW, sheet.column_names)
    for index, col in enumerate(sheet.columns, start=1):
        if (validation := _validation(col)) is not None:
            letter = get_column_letter(index)
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{MAX_ROWS}")
            ws.add_data_validation(validation)
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    print_one_page_wide(ws, landscape=True, title_rows=f"{TITLE_ROW}:{TITLE_ROW}")
    for number, row in enumerate(data.table(sheet.name) if data else [], start=FIRST_DATA_ROW):
        for index, col in enumerate(sheet.columns, start=1):
            _put(ws.cell(row=number, column=index), row.get(col.name), col.kind)


# The profil sheet: title, the cell to fill, an example, the key (columns kunci and nilai).
PROFILE_LAYOUT = ("", "nilai", "", "kunci")
PROFILE_WIDTHS = (40, 36, 26, 18)


def _profile(ws, data: KecamatanData | None) -> None:  # type: ignore[no-untyped-def]
    columns = SHEETS_BY_NAME["profil"]
    nilai, kunci = columns.column("nilai"), columns.column("kunci")
    for index, width in enumerate(PROFILE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _titles(
        ws,
        [
            ("Keterangan", False, ""),
            (nilai.title, False, "Isi setiap baris; baris berwarna jingga wajib diisi."),
            ("Contoh", False, ""),
            (kunci.title, False, "Kode keterangan: jangan diubah."),
        ],
    )
    _keys(ws, PROFILE_KEY_ROW, list(PROFILE_LAYOUT))
    for number, key in enumerate(PROFILE_KEYS, start=PROFILE_FIRST_ROW):
        label = ws.cell(row=number, column=1, value=f"{key.title} *" if key.required else key.title)
        label.alignment = Alignment(wrap_text=True, vertical="top")
        label.comment = Comment(_note(key, key.name), "lkjip", width=320, height=150)
        value = ws.cell(row=number, column=2)
        _put(value, data.profil.get(key.name) if data else None, key.kind)
        if key.required:
            value.fill = REQUIRED_FILL
        if (validation := _validation(key)) is not None:
            validation.add(f"B{number}")
            ws.add_data_validation(validation)
        example = ws.cell(row=number, column=3)
        _put(example, _example(key), key.kind)
        example.font = EXAMPLE_FONT
        example.alignment = Alignment(horizontal="left", vertical="top")
        ws.cell(row=number, column=4, value=key.name).font = Font(color="7F7F7F")
    ws.freeze_panes = f"A{PROFILE_FIRST_ROW}"
    print_one_page_wide(ws, landscape=False, title_rows=f"{TITLE_ROW}:{TITLE_ROW}")


def write_template(out: Path, data: KecamatanData | None = None) -> Path:
    """Write the input workbook to ``out`` (filled with ``data`` if given), atomically."""
    book = Workbook()
    _instructions_sheet(book.active)
    for sheet in SHEETS:
        _sheet(book, sheet, data)
    if out.is_dir():
        raise InputError(f"{out}: sudah ada sebagai folder; sebutkan nama berkas .xlsx")
    try:
        atomic_write(out, book.save)
    except (OSError, WriteError) as exc:
        cause = exc.__cause__ if isinstance(exc, WriteError) else exc
        reason = os_reason(cause) if isinstance(cause, OSError) else str(exc)
        raise InputError(
            f"{out}: workbook tidak dapat ditulis ke folder {out.parent} ({reason})"
        ) from exc
    return out
