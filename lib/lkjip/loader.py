"""Read a kecamatan's inputs (a workbook or a folder of CSV files) into typed tables.

Both forms pass through the same cell parser, so the same data gives the same tables. Every
problem found while reading is collected with its file, sheet, row and column; nothing raises for
bad content. Only an unusable path raises :class:`~lkjip.problems.InputError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkjip.numbers import NumberTextError, is_blank, parse_decimal, parse_integer
from lkjip.problems import InputError, Problems
from lkjip.schema import PROFILE_BY_NAME, SHEETS, SHEETS_BY_NAME, Column, Kind

WORKBOOK_NAME = "data.xlsx"
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ]
    )
}
_TRUE = {"ya", "y", "true", "1", "benar", "iya"}
_FALSE = {"tidak", "t", "false", "0", "salah", "no", "n"}


class Row(dict[str, object]):
    """One data row: typed values by column name, plus where it came from."""

    def __init__(self, values: dict[str, object], source: str, sheet: str, line: int) -> None:
        super().__init__(values)
        self.source = source
        self.sheet = sheet
        self.line = line

    def where(self, column: str = "") -> dict[str, object]:
        """Location keywords for :class:`~lkjip.problems.Problems` messages."""
        return {"file": self.source, "sheet": self.sheet, "row": self.line, "column": column}


@dataclass
class RawTable:
    sheet: str
    source: str
    header: list[str]
    rows: list[tuple[int, dict[str, object]]]


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


def shown(path: Path | str) -> str:
    """A path as users should see it: relative to the working folder when inside it."""
    absolute = Path(path).resolve()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def data_files(path: Path) -> list[Path]:
    """The input files a kecamatan's data consists of (for hashing and display)."""
    if path.is_file():
        return [path]
    workbook = path / WORKBOOK_NAME
    if workbook.exists():
        return [workbook]
    return sorted(p for p in path.glob("*.csv") if p.stem in SHEETS_BY_NAME)


def read_raw(path: Path) -> tuple[dict[str, RawTable], Problems]:
    """Read the sheets of a workbook or CSV folder as untyped cells."""
    problems = Problems()
    if not path.exists():
        raise InputError(f"{path}: berkas atau folder tidak ditemukan")
    if path.is_file():
        if path.suffix.lower() != ".xlsx":
            raise InputError(f"{path}: bukan workbook .xlsx atau folder data kecamatan")
        return _read_workbook(path, problems), problems
    workbook = path / WORKBOOK_NAME
    csvs = data_files(path) if not workbook.exists() else []
    if workbook.exists():
        if any(p.stem in SHEETS_BY_NAME for p in path.glob("*.csv")):
            problems.warning(
                f"folder berisi {WORKBOOK_NAME} dan berkas CSV; yang dibaca hanya {WORKBOOK_NAME}",
                file=shown(path),
            )
        return _read_workbook(workbook, problems), problems
    if not csvs:
        raise InputError(
            f"{path}: tidak ada {WORKBOOK_NAME} maupun berkas CSV data (mis. profil.csv, anggaran.csv)"
        )
    return {p.stem: _read_csv(p, problems) for p in csvs}, problems


def os_reason(exc: OSError) -> str:
    """Why the operating system refused a file operation, in Indonesian."""
    if isinstance(exc, PermissionError):
        return "tidak ada izin"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "sebagian jalurnya adalah berkas, bukan folder"
    if isinstance(exc, IsADirectoryError):
        return "ini folder, bukan berkas"
    if isinstance(exc, FileNotFoundError):
        return "tidak ditemukan"
    if exc.errno == errno.ENOSPC:
        return "ruang disk penuh"
    if exc.errno == errno.EROFS:
        return "sistem berkas hanya-baca"
    return exc.strerror or exc.__class__.__name__


FALLBACK_ENCODING = "cp1252"  # what Excel on Windows writes for "CSV (Comma delimited)"


def read_text(path: Path, problems: Problems | None = None) -> str:
    """The text of a user's file: UTF-8 (with or without BOM), else Windows-1252 with a warning.

    Excel on Windows saves CSV as Windows-1252 unless "CSV UTF-8" is chosen; decoding such a file
    as UTF-8 would turn every accented letter into a replacement character.
    """
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
    # The csv module reads the whole text, so a quoted cell may span several lines.
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
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
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"{path}: workbook tidak dapat dibuka ({exc.__class__.__name__})") from exc
    tables: dict[str, RawTable] = {}
    for ws in book.worksheets:
        name = ws.title.strip().lower()
        if name not in SHEETS_BY_NAME:
            continue
        values = [[_cell_value(c) for c in cells] for cells in ws.iter_rows()]
        header = [
            str(h).strip().lower() if h is not None else "" for h in (values[0] if values else [])
        ]
        rows = []
        for number, cells in enumerate(values[1:], start=2):
            if all(is_blank(c) for c in cells):
                continue
            rows.append((number, dict(zip(header, cells, strict=False))))
        tables[name] = RawTable(name, shown(path), header, rows)
    book.close()
    return tables


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str | None) -> bool:
    """True for an Excel number format that shows a value × 100 with a % sign (``0%``,
    ``0.00%``); a quoted or escaped ``%`` is literal text and does not scale."""
    return bool(number_format) and "%" in _QUOTED.sub("", number_format)  # type: ignore[arg-type]


_DECIMALS = re.compile(r"[0#?]\.([0#?]+)")


def format_decimals(number_format: str | None) -> int:
    """The decimals an Excel number format always shows: ``0.00`` → 2, ``#,##0.0%`` → 1,
    ``General`` → 0 (only zeros count; ``#`` digits are optional)."""
    match = _DECIMALS.search(_QUOTED.sub("", number_format or ""))
    return match.group(1).count("0") if match else 0


def _cell_value(cell: object) -> object:
    """A cell's value as the user sees it: Excel stores 57 % as 0.57, the contract wants 57; and
    a number typed as 76,10 in a ``0.00`` cell is stored as the float 76.1, so the decimals its
    number format shows are restored (``Decimal("76.10")``) and the report prints 76,10. Digits
    beyond the format are kept, never rounded away. In the ``General`` format Excel keeps no
    trailing zeros: type such a value as text ("76,10") or give the cell a ``0.00`` format."""
    value = getattr(cell, "value", None)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    number_format = getattr(cell, "number_format", None)
    percent, shown = is_percent_format(number_format), format_decimals(number_format)
    if not percent and not shown:
        return value
    number = Decimal(repr(value)) * (100 if percent else 1)
    exponent = min(number.normalize().as_tuple().exponent, -shown, 0)  # type: ignore[type-var]
    return number.quantize(Decimal(1).scaleb(exponent))


def load_kecamatan(path: Path) -> KecamatanData:
    """Read and type every sheet of a kecamatan; problems are collected, not raised."""
    raw, problems = read_raw(path)
    data = KecamatanData(path=path, tables={}, profil={}, problems=problems)
    for sheet in SHEETS:
        table = raw.get(sheet.name)
        if table is None:
            if sheet.required:
                in_csv = path.is_dir() and not (path / WORKBOOK_NAME).exists()
                where = shown(path / f"{sheet.name}.csv" if in_csv else path)
                problems.error(
                    f"sheet wajib '{sheet.name}' tidak ada",
                    file=where,
                    sheet=sheet.name,
                    expected=f"sheet/berkas '{sheet.name}' dengan kolom "
                    + ", ".join(c.name for c in sheet.columns if c.required),
                )
                data.unusable.add(sheet.name)
            continue
        data.sources[sheet.name] = table.source
        data.tables[sheet.name] = _type_table(table, problems, data.unusable)
    data.profil = _profile(data.table("profil"), problems)
    return data


def _type_table(table: RawTable, problems: Problems, unusable: set[str]) -> list[Row]:
    sheet = SHEETS_BY_NAME[table.sheet]
    known = set(sheet.column_names)
    for name in table.header:
        if name and name not in known:
            problems.warning(
                f"kolom '{name}' tidak dikenal dan diabaikan",
                file=table.source,
                sheet=sheet.name,
                row=1,
                column=name,
            )
    missing = [c for c in sheet.columns if c.required and c.name not in table.header]
    for col in missing:
        problems.error(
            f"kolom wajib '{col.name}' tidak ada",
            file=table.source,
            sheet=sheet.name,
            row=1,
            column=col.name,
            expected=f"kolom '{col.name}' ({col.description})",
        )
    if missing:
        unusable.add(sheet.name)
    rows = []
    for line, cells in table.rows:
        values: dict[str, object] = {}
        for col in sheet.columns:
            raw = cells.get(col.name)
            where = {"file": table.source, "sheet": sheet.name, "row": line, "column": col.name}
            if is_blank(raw):
                if col.required and col.name in table.header:
                    problems.error(
                        "sel wajib kosong", expected=f"{col.kind.value}: {col.description}", **where
                    )
                values[col.name] = col.default
                continue
            try:
                values[col.name] = parse_cell(col, raw)
            except ValueError as exc:
                problems.error(
                    f"nilai tidak sesuai: {exc}",
                    found=_show(raw),
                    expected=_expected(col),
                    **where,
                )
                values[col.name] = None
        rows.append(Row(values, table.source, sheet.name, line))
    return rows


def _profile(rows: list[Row], problems: Problems) -> dict[str, object]:
    profil: dict[str, object] = {}
    for row in rows:
        key = str(row.get("kunci") or "").strip().lower()
        spec = PROFILE_BY_NAME.get(key)
        if spec is None:
            problems.warning(
                f"kunci profil '{key}' tidak dikenal dan diabaikan", **row.where("kunci")
            )
            continue
        if key in profil:
            problems.error(f"kunci profil '{key}' diisi lebih dari sekali", **row.where("kunci"))
        raw = row.get("nilai")
        if is_blank(raw):
            continue
        column = Column(key, spec.kind, spec.required, spec.description)
        try:
            profil[key] = parse_cell(column, raw)
        except ValueError as exc:
            problems.error(
                f"nilai profil '{key}' tidak sesuai: {exc}",
                found=_show(raw),
                expected=_expected(column),
                **row.where("nilai"),
            )
    where = {"file": rows[0].source, "sheet": "profil"} if rows else {"sheet": "profil"}
    for spec in PROFILE_BY_NAME.values():
        if spec.required and spec.name not in profil and rows:
            problems.error(
                f"kunci profil wajib '{spec.name}' tidak diisi",
                expected=f"baris dengan kunci '{spec.name}' ({spec.description})",
                **where,
            )
    return profil


def _show(raw: object) -> str:
    return raw.isoformat() if isinstance(raw, dt.date) else str(raw)


def _expected(col: Column) -> str:
    if col.kind is Kind.CHOICE:
        return "salah satu dari: " + ", ".join(col.choices)
    text = col.kind.value
    return f"{text} ({col.unit})" if col.unit else text


def parse_cell(col: Column, raw: object) -> object:
    """Turn one non-empty cell into the column's Python type, or raise ValueError (Indonesian)."""
    kind = col.kind
    try:
        if kind is Kind.TEXT:
            return _text(raw)
        if kind is Kind.CODE:
            return _code(raw)
        if kind in (Kind.DECIMAL, Kind.PERCENT):
            return parse_decimal(raw)
        if kind in (Kind.INTEGER, Kind.MONEY):
            return parse_integer(raw)
        if kind is Kind.YEAR:
            year = parse_integer(raw)
            if year is None or not 1990 <= year <= 2100:
                raise ValueError("tahun harus empat angka antara 1990 dan 2100")
            return year
    except NumberTextError as exc:
        raise ValueError(str(exc)) from exc
    if kind is Kind.DATE:
        return parse_date(raw)
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


def _text(raw: object) -> str:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return re.sub(r"\s+", " ", str(raw)).strip()


def _code(raw: object) -> str:
    return _text(raw)


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


def decimal_or_none(value: object) -> Decimal | None:
    return (
        value
        if isinstance(value, Decimal)
        else (Decimal(value) if isinstance(value, int) else None)
    )
