"""Read a kecamatan's inputs (a workbook or a folder of CSV files) into typed tables.

Both forms pass through the same cell parser, so the same data gives the same tables. Every
problem found while reading is collected with its file, sheet, row and column; nothing raises for
bad content. Only an unusable path raises :class:`~lkjip.problems.InputError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkjip.dates import MONTHS, MonthYear, parse_month_year
from lkjip.formatting import angka, angka_ringkas, rupiah
from lkjip.inputs import checked_file, os_reason, shown
from lkjip.numbers import NumberTextError, is_blank, parse_decimal, parse_integer, whole
from lkjip.problems import InputError, Problems, clip
from lkjip.schema import (
    PROFILE_BY_NAME,
    SHEETS,
    SHEETS_BY_NAME,
    TEXT_MAX,
    Column,
    Kind,
    Sheet,
    heading,
)
from lkjip.workbook import read_sheets

WORKBOOK_NAME = "data.xlsx"
_TRUE = {"ya", "y", "true", "1", "benar", "iya"}
_FALSE = {"tidak", "t", "false", "0", "salah", "no", "n"}


class Row(dict[str, object]):
    """One data row: typed values by column name, plus where it came from."""

    def __init__(
        self,
        values: dict[str, object],
        source: str,
        sheet: str,
        line: int,
        unreadable: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(values)
        self.source = source
        self.sheet = sheet
        self.line = line
        # Columns whose cell held something that could not be read (reported, typed as None):
        # a check that would take None for "empty" must leave such a row alone.
        self.unreadable = unreadable

    def where(self, column: str = "") -> dict[str, object]:
        """Location keywords for :class:`~lkjip.problems.Problems` messages."""
        return {"file": self.source, "sheet": self.sheet, "row": self.line, "column": column}


@dataclass
class RawTable:
    sheet: str
    source: str
    header: list[str]
    rows: list[tuple[int, dict[str, object]]]
    header_row: int = 1  # where the column keys are (below the template's titles and example)


@dataclass
class KecamatanData:
    """Everything a kecamatan supplied, typed, with the problems found while reading it."""

    path: Path
    tables: dict[str, list[Row]]
    profil: dict[str, object]
    problems: Problems
    sources: dict[str, str] = field(default_factory=dict)
    unusable: set[str] = field(default_factory=set)

    def table(self, name: str) -> list[Row]:
        return self.tables.get(name, [])

    @property
    def tahun(self) -> int | None:
        value = self.profil.get("tahun")
        return value if isinstance(value, int) else None

    @property
    def nama(self) -> str:
        return str(self.profil.get("nama_kecamatan") or self.path.name)


def data_files(path: Path) -> list[Path]:
    """The input files a kecamatan's data consists of (for hashing and display)."""
    if path.is_file():
        return [path]
    workbook = path / WORKBOOK_NAME
    if workbook.exists():
        return [workbook]
    return sorted(p for p in path.glob("*.csv") if p.stem in SHEETS_BY_NAME)


def read_raw(path: Path) -> tuple[dict[str, RawTable], Problems]:
    """Read the sheets of a workbook or CSV folder as untyped cells. Each file must be a regular
    file inside the kecamatan's folder (see :mod:`lkjip.inputs`)."""
    problems = Problems()
    if not path.exists():
        raise InputError(f"{path}: berkas atau folder tidak ditemukan")
    if path.is_file():
        if path.suffix.lower() != ".xlsx":
            raise InputError(f"{path}: bukan workbook .xlsx atau folder data kecamatan")
        tables = _read_workbook(checked_file(path), problems)
    elif (workbook := path / WORKBOOK_NAME).exists():
        if any(p.stem in SHEETS_BY_NAME for p in path.glob("*.csv")):
            problems.warning(
                f"folder berisi {WORKBOOK_NAME} dan berkas CSV; yang dibaca hanya {WORKBOOK_NAME}",
                file=shown(path),
            )
        tables = _read_workbook(checked_file(workbook), problems)
    elif csvs := data_files(path):
        tables = {p.stem: _read_csv(p, problems) for p in csvs}
    else:
        raise InputError(
            f"{path}: tidak ada {WORKBOOK_NAME} maupun berkas CSV data (mis. profil.csv, anggaran.csv)"
        )
    for table in tables.values():
        _reject_oversized_cells(table, problems)
    return tables, problems


FALLBACK_ENCODING = "cp1252"  # what Excel on Windows writes for "CSV (Comma delimited)"


def read_text(path: Path, problems: Problems | None = None, root: Path | None = None) -> str:
    """The text of a user's file: UTF-8 (with or without BOM), else Windows-1252 with a warning.
    The file must be a regular file inside ``root`` (by default its own folder).

    Excel on Windows saves CSV as Windows-1252 unless "CSV UTF-8" is chosen; decoding such a file
    as UTF-8 would turn every accented letter into a replacement character.
    """
    checked_file(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown(path)}: berkas tidak dapat dibaca ({os_reason(exc)})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    try:
        text, encoding = data.decode(FALLBACK_ENCODING), "Windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1"
    if problems is not None:
        problems.warning(
            f"berkas bukan UTF-8 (huruf pertama yang tidak sah di baris {line}); "
            f"dibaca sebagai {encoding}",
            file=shown(path),
            expected="berkas UTF-8 (di Excel: Simpan Sebagai → CSV UTF-8); periksa huruf "
            "beraksen atau simbol",
        )
    return text


def _read_csv(path: Path, problems: Problems) -> RawTable:
    text = read_text(path, problems)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # The csv module refuses a cell longer than its field limit (131.072 characters) with an
    # error that names neither row nor column. The limit is lifted to the file's length (only
    # ever raised, so concurrent readers cannot trip over each other); the cell limit of the
    # contract (TEXT_MAX) is applied afterwards, with a message naming the cell.
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # The csv module reads the whole text, so a quoted cell may span several lines.
        lines = list(reader)
    except csv.Error as exc:
        raise InputError(
            f"{shown(path)} baris {reader.line_num}: berkas CSV tidak dapat dibaca ({exc})"
        ) from exc
    header = [h.strip().lower() for h in (lines[0] if lines else [])]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if all(is_blank(c) for c in cells):
            continue
        if len(cells) > len(header) and any(not is_blank(c) for c in cells[len(header) :]):
            problems.warning(
                f"baris memiliki {len(cells)} sel, lebih banyak dari {len(header)} kolom judul",
                file=shown(path),
                sheet=path.stem,
                row=number,
            )
        rows.append((number, dict(zip(header, cells, strict=False))))
    return RawTable(path.stem, shown(path), header, rows)


def _read_workbook(path: Path, problems: Problems) -> dict[str, RawTable]:
    tables: dict[str, RawTable] = {}
    titles: dict[str, str] = {}

    def wanted(title: str) -> bool:
        return title.strip().lower() in SHEETS_BY_NAME

    for sheet in read_sheets(path, wanted, is_key_row):
        name = sheet.title.strip().lower()
        if name in tables:
            problems.error(
                f"sheet '{name}' ada lebih dari sekali (juga '{titles[name]}'); yang dibaca hanya "
                "yang pertama",
                file=shown(path),
                sheet=sheet.title,
                expected="satu sheet per nama",
            )
            continue
        header = [str(h).strip().lower() if h is not None else "" for h in sheet.header]
        rows = [(number, dict(zip(header, cells, strict=False))) for number, cells in sheet.rows]
        table = RawTable(name, shown(path), header, rows, sheet.header_row)
        tables[name], titles[name] = table, sheet.title
        known = set(SHEETS_BY_NAME[name].column_names)
        for number, cells in [] if _duplicates(header, known) else sheet.above:
            if not _for_people(SHEETS_BY_NAME[name], dict(zip(header, cells, strict=False))):
                problems.warning(
                    f"baris {number} berada di atas baris kode kolom (baris {sheet.header_row}, "
                    "tersembunyi) sehingga tidak dibaca; isinya bukan judul maupun contoh",
                    file=shown(path),
                    sheet=sheet.title,
                    row=number,
                    expected=f"data diisi di bawah baris {sheet.header_row}",
                )
    return tables


def is_key_row(title: str, values: list[object]) -> bool:
    """True for a row of column keys of the sheet ``title``: every cell a column of that sheet
    and every required column there (the template writes it under the titles and example)."""
    sheet = SHEETS_BY_NAME.get(title.strip().lower())
    names = {str(v).strip().lower() for v in values if not is_blank(v)}
    if sheet is None or not names or not names <= set(sheet.column_names):
        return False
    return all(c.name in names for c in sheet.columns if c.required)


def _for_people(sheet: Sheet, cells: dict[str, object]) -> bool:
    """A row above the keys holds the column titles or the example (as in the template, or
    emptied): anything else there was probably meant as data."""
    columns = [c for c in sheet.columns if c.name in cells]

    def same(col: Column, value: object, expected: str) -> bool:
        if is_blank(value) or is_blank(expected):
            return is_blank(value) == is_blank(expected) or is_blank(value)
        try:
            return parse_cell(col, value) == parse_cell(col, expected)
        except ValueError:
            return _text(value) == expected

    titles = all(
        is_blank(cells[c.name]) or _text(cells[c.name]) in (c.title, heading(c)) for c in columns
    )
    return titles or all(same(c, cells[c.name], c.example) for c in columns)


class _Rejected:
    """A cell already reported while reading (e.g. far too long): typed as empty, silently."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


def _reject_oversized_cells(table: RawTable, problems: Problems) -> None:
    """A cell longer than the contract allows (Excel's own limit) is an error naming it; its
    content is not read further."""
    for number, cells in table.rows:
        for column, value in cells.items():
            if isinstance(value, str) and len(value) > TEXT_MAX:
                problems.error(
                    f"isi sel terlalu panjang ({angka(len(value), 0)} karakter)",
                    file=table.source,
                    sheet=table.sheet,
                    row=number,
                    column=column,
                    expected=f"paling banyak {angka(TEXT_MAX, 0)} karakter per sel",
                )
                cells[column] = REJECTED


def load_kecamatan(path: Path) -> KecamatanData:
    """Read and type every sheet of a kecamatan; problems are collected, not raised."""
    raw, problems = read_raw(path)
    data = KecamatanData(path=path, tables={}, profil={}, problems=problems)
    for sheet in SHEETS:
        table = raw.get(sheet.name)
        required = sheet.required and not any(_filled(raw, s) for s in sheet.required_unless)
        if table is None:
            if required:
                in_csv = path.is_dir() and not (path / WORKBOOK_NAME).exists()
                where = shown(path / f"{sheet.name}.csv" if in_csv else path)
                problems.error(
                    f"sheet wajib '{sheet.name}' tidak ada",
                    file=where,
                    sheet=sheet.name,
                    expected=f"sheet/berkas '{sheet.name}' dengan kolom "
                    + ", ".join(c.name for c in sheet.columns if c.required)
                    + _alternatives(sheet),
                )
                data.unusable.add(sheet.name)
            continue
        data.sources[sheet.name] = table.source
        data.tables[sheet.name] = _type_table(table, problems, data.unusable)
        # An empty profil is reported key by key (_profile), which says what to fill in.
        empty = not table.rows and sheet.name != "profil"
        if required and empty and sheet.name not in data.unusable:
            problems.error(
                f"sheet wajib '{sheet.name}' kosong: hanya baris judul, tanpa baris data",
                file=table.source,
                sheet=sheet.name,
                expected=f"minimal satu baris {sheet.row_is}" + _alternatives(sheet),
            )
            data.unusable.add(sheet.name)
    if "profil" in data.sources and "profil" not in data.unusable:
        # Each value is typed by its key from the cell as read: a workbook's number 1.234 would
        # become 1234 if it were read as the text "1.234" first.
        cells = {line: values.get("nilai") for line, values in raw["profil"].rows}
        data.profil = _profile(data.table("profil"), cells, data.sources["profil"], problems)
    return data


def _filled(raw: dict[str, RawTable], name: str) -> bool:
    """Sheet ``name`` has a data row (``sheet.column``: a row with that column filled)."""
    sheet, _, column = name.partition(".")
    table = raw.get(sheet)
    if table is None:
        return False
    return any(not column or not is_blank(cells.get(column)) for _, cells in table.rows)


def _alternatives(sheet: Sheet) -> str:
    """ "…, atau isi sheet anggaran_kegiatan / pagu_program (kolom program) / belanja" for a
    required sheet others may stand in for."""
    if not sheet.required_unless:
        return ""
    names = [n.replace(".", " (kolom ") + ")" if "." in n else n for n in sheet.required_unless]
    return ", atau isi sheet " + " / ".join(names)


def _type_table(table: RawTable, problems: Problems, unusable: set[str]) -> list[Row]:
    sheet = SHEETS_BY_NAME[table.sheet]
    known = set(sheet.column_names)
    at_header = {"file": table.source, "sheet": sheet.name, "row": table.header_row}
    for name in dict.fromkeys(table.header):
        if name and name not in known:
            problems.warning(
                f"kolom '{clip(name)}' tidak dikenal dan diabaikan", column=name, **at_header
            )
    for name, places in _duplicates(table.header, known).items():
        problems.error(
            f"kolom ganda: '{name}' ada di kolom ke-" + " dan ke-".join(map(str, places)),
            expected=f"satu kolom '{name}' saja; hapus atau ganti nama salinannya",
            column=name,
            **at_header,
        )
        unusable.add(sheet.name)  # which copy holds the data is unknown: no check may use it
    missing = [c for c in sheet.columns if c.required and c.name not in table.header]
    for col in missing:
        problems.error(
            f"kolom wajib '{col.name}' tidak ada",
            column=col.name,
            expected=f"kolom '{col.name}' ({col.description})",
            **at_header,
        )
    if missing:
        unusable.add(sheet.name)
    rows = []
    for line, cells in table.rows:
        values: dict[str, object] = {}
        unreadable = set()
        for col in sheet.columns:
            raw = cells.get(col.name)
            where = {"file": table.source, "sheet": sheet.name, "row": line, "column": col.name}
            values[col.name] = _typed(col, raw, col.name in table.header, problems, where)
            if values[col.name] is None and not is_blank(raw):
                unreadable.add(col.name)
        rows.append(Row(values, table.source, sheet.name, line, frozenset(unreadable)))
    return rows


def _duplicates(header: list[str], known: set[str]) -> dict[str, list[int]]:
    """``known`` column names that the header holds more than once, with their 1-based places
    (an unknown column is ignored anyway, however often it appears)."""
    places: dict[str, list[int]] = {}
    for index, name in enumerate(header, start=1):
        if name in known:
            places.setdefault(name, []).append(index)
    return {name: at for name, at in places.items() if len(at) > 1}


def _typed(
    col: Column,
    raw: object,
    in_header: bool,
    problems: Problems,
    where: dict[str, object],
    what: str = "nilai",
) -> object:
    """One cell typed for its column; a problem with it is recorded at ``where``."""
    if raw is REJECTED:
        return None
    if is_blank(raw):
        if col.required and in_header:
            problems.error(
                "sel wajib kosong", expected=f"{col.kind.value}: {col.description}", **where
            )
        return col.default
    try:
        return parse_cell(col, raw)
    except OutOfRange as exc:
        problems.error(exc.message, found=exc.found, expected=exc.expected, **where)
    except ValueError as exc:
        problems.error(
            f"{what} tidak sesuai: {exc}", found=_show(raw), expected=_expected(col), **where
        )
    return None


def _profile(
    rows: list[Row], cells: dict[int, object], source: str, problems: Problems
) -> dict[str, object]:
    """The profil sheet's key/value rows typed by key, from the ``nilai`` cells as read (by row
    number). Required keys are checked even when the sheet has no rows at all."""
    profil: dict[str, object] = {}
    given: set[str] = set()
    for row in rows:
        key = str(row.get("kunci") or "").strip().lower()
        spec = PROFILE_BY_NAME.get(key)
        if spec is None:
            if key:  # an empty kunci is already an error of its own
                problems.warning(
                    f"kunci profil '{clip(key)}' tidak dikenal dan diabaikan", **row.where("kunci")
                )
            continue
        if key in given:
            problems.error(f"kunci profil '{key}' diisi lebih dari sekali", **row.where("kunci"))
        raw = cells.get(row.line)
        if is_blank(raw):
            continue
        given.add(key)  # given, though perhaps unreadable: that has its own message
        what = f"nilai profil '{key}'"
        value = _typed(spec.as_column(), raw, True, problems, row.where("nilai"), what)
        if value is not None:
            profil[key] = value
    for spec in PROFILE_BY_NAME.values():
        if spec.required and spec.name not in given:
            problems.error(
                f"kunci profil wajib '{spec.name}' tidak diisi",
                expected=f"baris dengan kunci '{spec.name}' ({spec.description})",
                file=source,
                sheet="profil",
            )
    return profil


def _show(raw: object) -> str:
    return clip(raw.isoformat() if isinstance(raw, dt.date) else raw)


def _expected(col: Column) -> str:
    if col.kind is Kind.CHOICE:
        return "salah satu dari: " + ", ".join(col.choices)
    text = col.kind.value
    return f"{text} ({col.unit})" if col.unit else text


_SHOWN_MAX = Decimal(10) ** 18


class OutOfRange(ValueError):
    """A value of the right type outside its column's bounds (:mod:`lkjip.schema`)."""

    def __init__(self, message: str, found: str, expected: str) -> None:
        super().__init__(message)
        self.message, self.found, self.expected = message, found, expected


def parse_cell(col: Column, raw: object) -> object:
    """Turn one non-empty cell into the column's Python type, or raise ValueError (Indonesian);
    :class:`OutOfRange` for a value outside the column's bounds."""
    kind = col.kind
    try:
        if kind in (Kind.TEXT, Kind.CODE):
            return _within_length(col, _text(raw))
        if kind in (Kind.DECIMAL, Kind.PERCENT, Kind.INTEGER, Kind.MONEY):
            value = _within_range(col, parse_decimal(raw), raw)  # type: ignore[arg-type]
            return value if kind in (Kind.DECIMAL, Kind.PERCENT) else whole(value, raw)
        if kind is Kind.YEAR:
            year = parse_integer(raw)
            if year is None or not 1990 <= year <= 2100:
                raise ValueError("tahun harus empat angka antara 1990 dan 2100")
            return year
    except NumberTextError as exc:
        raise ValueError(str(exc)) from exc
    if kind is Kind.DATE:
        return parse_date(raw)
    if kind is Kind.DATE_OR_MONTH:
        return parse_date_or_month(raw)
    if kind is Kind.BOOL:
        text = _text(raw).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError("isi dengan ya atau tidak")
    if kind is Kind.CHOICE:
        text = _text(raw)
        canonical = {c.lower(): c for c in col.choices}
        canonical.update({a.lower(): c for a, c in col.aliases.items()})
        key = text.lower().replace(" ", "_")
        if key in canonical:
            return canonical[key]
        if text.lower() in canonical:
            return canonical[text.lower()]
        raise ValueError("pilihan tidak dikenal")
    raise AssertionError(kind)  # pragma: no cover


def _within_length(col: Column, text: str) -> str:
    if len(text) > col.max_length:
        raise OutOfRange(
            f"{col.name} terlalu panjang ({len(text)} karakter)",
            found=clip(text),
            expected=f"paling banyak {col.max_length} karakter",
        )
    return text


def _within_range(col: Column, value: Decimal, raw: object) -> Decimal:
    """``value`` when it lies within the column's bounds; else :class:`OutOfRange`."""
    low, high = col.range  # type: ignore[misc]
    if low <= value <= high:
        return value
    money = col.kind is Kind.MONEY
    what = "nilai uang" if money else col.name

    def show(number: Decimal) -> str:
        if abs(number) > _SHOWN_MAX:  # as the user wrote it: formatted it would be far too long
            return clip(_show(raw))
        return rupiah(int(number)) if money else angka_ringkas(number)

    if value < low:
        if low == 0:
            raise OutOfRange(f"{what} negatif", show(value), "0 atau lebih")
        raise OutOfRange(f"{what} terlalu kecil", show(value), f"paling kecil {show(low)}")
    raise OutOfRange(f"{what} terlalu besar", show(value), f"paling besar {show(high)}")


def _text(raw: object) -> str:
    if isinstance(raw, MonthYear):
        return str(raw)
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return re.sub(r"\s+", " ", str(raw)).strip()


def parse_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    if match and match.group(2).lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        match = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text)
        if not match:
            raise ValueError("tanggal tidak dikenali")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError("tanggal tidak ada di kalender") from exc


def parse_date_or_month(raw: object) -> dt.date | MonthYear:
    """A full date, or a month and a year (``Februari 2025``: a signature dated by month)."""
    if isinstance(raw, MonthYear):
        return raw
    try:
        return parse_date(raw)
    except ValueError as exc:
        month = parse_month_year(_text(raw))
        if month is None:
            raise ValueError(
                "tanggal tidak dikenali; tulis 25 Maret 2025, 2025-03-25 atau bulan dan tahun "
                "saja (Maret 2025)"
            ) from exc
        return month
