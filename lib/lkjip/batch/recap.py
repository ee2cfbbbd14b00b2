"""City recap of a batch: capaian and budget absorption of every kecamatan, as XLSX and DOCX.

Figures stay Decimal/int until presented; rounding happens only in :mod:`lkjip.formatting`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lkjip.batch.model import FAILED, INVALID, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.files import atomic_write
from lkjip.formatting import EMPTY, angka, bilangan_terbilang, bulatkan, persen, rupiah
from lkjip.report.blocks import (
    Align,
    Block,
    Cell,
    Heading,
    Inline,
    ListBlock,
    Para,
    Strong,
    Table,
)
from lkjip.sheet_print import print_one_page_wide

SHEET_RECAP = "rekap"
SHEET_WARNINGS = "peringatan"
TOTAL_LABEL = "Jumlah/Rata-rata"
HEADERS = [
    "No",
    "Kecamatan",
    "Status",
    "Capaian IKU (%)",
    "Kategori",
    "Pagu (Rp)",
    "Realisasi (Rp)",
    "Serapan (%)",
    "SiLPA (Rp)",
    "Peringkat Capaian",
    "Peringkat Serapan",
    "Peringatan",
    "Alasan",
]
WIDTHS = [5, 24, 12, 15, 16, 20, 20, 12, 18, 11, 11, 11, 60]
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


# --- figures ------------------------------------------------------------------------------------
def ranking(rows: Iterable[KecamatanRow]) -> list[KecamatanRow]:
    """Rows by capaian, highest first; rows without capaian last; ties keep their given order."""
    return sorted(rows, key=lambda r: (r.capaian is None, -(r.capaian or Decimal(0))))


def rank_positions(
    rows: Iterable[KecamatanRow], value: Callable[[KecamatanRow], Decimal | None]
) -> dict[str, int]:
    """Competition ranks (1, 2, 2, 4) by ``value`` descending, keyed by slug; rows without a
    value get no rank."""
    present = [(v, r.slug) for r in rows if (v := value(r)) is not None]
    return {slug: 1 + sum(other > v for other, _ in present) for v, slug in present}


def silpa(row: KecamatanRow) -> int | None:
    return None if row.pagu is None or row.realisasi is None else row.pagu - row.realisasi


def serapan_of(pagu: int | None, realisasi: int | None) -> Decimal | None:
    if pagu is None or realisasi is None or pagu == 0:
        return None
    return Decimal(realisasi) * 100 / Decimal(pagu)


@dataclass
class Totals:
    """The Jumlah/Rata-rata line: budget sums over kecamatan with both pagu and realisasi,
    serapan of those sums, mean capaian over kecamatan that have one."""

    kecamatan: int
    with_capaian: int
    with_budget: int
    capaian: Decimal | None
    pagu: int | None
    realisasi: int | None

    @property
    def serapan(self) -> Decimal | None:
        return serapan_of(self.pagu, self.realisasi)

    @property
    def silpa(self) -> int | None:
        return None if self.pagu is None or self.realisasi is None else self.pagu - self.realisasi


def totals(rows: list[KecamatanRow]) -> Totals:
    capaian = [r.capaian for r in rows if r.capaian is not None]
    budget = [r for r in rows if r.pagu is not None and r.realisasi is not None]
    return Totals(
        kecamatan=len(rows),
        with_capaian=len(capaian),
        with_budget=len(budget),
        capaian=sum(capaian, Decimal(0)) / len(capaian) if capaian else None,
        pagu=sum(r.pagu or 0 for r in budget) if budget else None,
        realisasi=sum(r.realisasi or 0 for r in budget) if budget else None,
    )


def title(city: CityBatch) -> str:
    return (
        "Rekapitulasi Capaian Kinerja dan Serapan Anggaran Kecamatan — "
        f"{city.nama} Tahun {city.tahun}"
    )


def reason(row: KecamatanRow) -> str:
    """The recorded reason, or for an invalid kecamatan without one its first validation error."""
    if row.reason:
        return row.reason
    if row.errors:
        more = f" (dan {len(row.errors) - 1} galat lain)" if len(row.errors) > 1 else ""
        return row.errors[0] + more
    return ""


def _kecamatan(nama: str) -> str:
    return nama if nama.lower().startswith("kecamatan ") else f"Kecamatan {nama}"


# --- XLSX ---------------------------------------------------------------------------------------
def _number(value: Decimal | None) -> float | None:
    """A percentage cell of the workbook, rounded as the city presents it (``bulatkan``)."""
    return None if value is None else float(bulatkan(value, 2))


def _put(ws, row: int, column: int, value: object, number_format: str | None = None) -> SheetCell:
    """Set a cell; text is always stored as text (never a formula) and cleaned of characters
    XML cannot hold."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
        if number_format and value is not None:
            cell.number_format = number_format
    return cell


def _recap_sheet(ws, city: CityBatch) -> None:
    ordered = ranking(city.rows)
    rank_capaian = rank_positions(city.rows, lambda r: r.capaian)
    rank_serapan = rank_positions(city.rows, lambda r: r.serapan)
    _put(ws, 1, 1, title(city)).font = Font(bold=True, size=14)
    for column, name in enumerate(HEADERS, start=1):
        cell = _put(ws, 2, column, name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS[column - 1]
    line = 2
    for number, row in enumerate(ordered, start=1):
        line += 1
        values: list[tuple[object, str | None]] = [
            (number, None),
            (row.nama, None),
            (row.status or EMPTY, None),
            (_number(row.capaian), PERCENT_FORMAT),
            (row.kategori or EMPTY, None),
            (row.pagu, MONEY_FORMAT),
            (row.realisasi, MONEY_FORMAT),
            (_number(row.serapan), PERCENT_FORMAT),
            (silpa(row), MONEY_FORMAT),
            (rank_capaian.get(row.slug), None),
            (rank_serapan.get(row.slug), None),
            (len(row.warnings) + len(row.errors), None),
            (reason(row), None),
        ]
        for column, (value, fmt) in enumerate(values, start=1):
            _put(ws, line, column, value, fmt)
        ws.cell(row=line, column=13).alignment = Alignment(wrap_text=True, vertical="top")
    total = totals(city.rows)
    line += 1
    summary: list[tuple[int, object, str | None]] = [
        (2, TOTAL_LABEL, None),
        (4, _number(total.capaian), PERCENT_FORMAT),
        (6, total.pagu, MONEY_FORMAT),
        (7, total.realisasi, MONEY_FORMAT),
        (8, _number(total.serapan), PERCENT_FORMAT),
        (9, total.silpa, MONEY_FORMAT),
        (12, sum(len(r.warnings) + len(r.errors) for r in city.rows), None),
    ]
    for column, value, fmt in summary:
        _put(ws, line, column, value, fmt)
    for column in range(1, len(HEADERS) + 1):
        cell = ws.cell(row=line, column=column)
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(HEADERS))}{line - 1}"
    print_one_page_wide(ws, landscape=True, title_rows="2:2")


def _warnings_sheet(ws, city: CityBatch) -> None:
    headers = ["No", "Kecamatan", "Jenis", "Pesan"]
    for column, (name, width) in enumerate(zip(headers, [5, 24, 12, 100], strict=True), start=1):
        cell = _put(ws, 1, column, name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"
    line = 1
    for row in city.rows:  # config order: a list to look kecamatan up in, not a ranking
        for kind, message in [("galat", m) for m in row.errors] + [
            ("peringatan", m) for m in row.warnings
        ]:
            line += 1
            for column, value in enumerate([line - 1, row.nama, kind, message], start=1):
                _put(ws, line, column, value)
    if line == 1:
        _put(ws, 2, 2, "Tidak ada galat maupun peringatan validasi.")
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    print_one_page_wide(ws, landscape=True, title_rows="1:1")


def write_recap_xlsx(city: CityBatch) -> Path:
    """Write ``<city folder>/rekap.xlsx`` (sheets ``rekap`` and ``peringatan``), atomically."""
    book = Workbook()
    recap = book.active
    recap.title = SHEET_RECAP
    _recap_sheet(recap, city)
    _warnings_sheet(book.create_sheet(SHEET_WARNINGS), city)
    return atomic_write(city.recap_xlsx, lambda tmp: book.save(tmp))


# --- DOCX ---------------------------------------------------------------------------------------
# The recap reads like a report: it is built from the report's blocks and goes through the same
# assembly and rendering (lkjip.report.assemble, lkjip.report.render), so its table is laid out
# as the report's are: columns sized to their content, a number never broken, landscape only
# when the table does not fit the portrait page. It shows what a reader needs; the batch's own
# columns (status, warnings) stay in rekap.xlsx and on the status page.
DOCX_HEADERS = [
    "Peringkat",
    "Kecamatan",
    "Capaian IKU",
    "Kategori",
    "Pagu (Rp)",
    "Realisasi (Rp)",
    "Serapan",
    "SiLPA (Rp)",
    "Peringkat Serapan",
]
DOCX_ALIGNS: list[Align] = [
    "right", "left", "right", "left", "right", "right", "right", "right", "right",
]  # fmt: skip
RECAP_CHAPTER = "00-rekap"  # a chapter without a BAB number: no contents lists, "Tabel 1"


def _rank_text(rank: int | None) -> str:
    return EMPTY if rank is None else str(rank)


def _row_cells(values: list[str], bold: bool = False) -> list[Cell]:
    return [Cell(v, align=a, bold=bold) for v, a in zip(values, DOCX_ALIGNS, strict=True)]


def recap_table(city: CityBatch) -> Table:
    rank_capaian = rank_positions(city.rows, lambda r: r.capaian)
    rank_serapan = rank_positions(city.rows, lambda r: r.serapan)
    body = [
        _row_cells(
            [
                _rank_text(rank_capaian.get(row.slug)),
                row.nama,
                persen(row.capaian),
                row.kategori or EMPTY,
                angka(row.pagu, 0),
                angka(row.realisasi, 0),
                persen(row.serapan),
                angka(silpa(row), 0),
                _rank_text(rank_serapan.get(row.slug)),
            ]
        )
        for row in ranking(city.rows)
    ]
    total = totals(city.rows)
    foot = _row_cells(
        [
            "",
            TOTAL_LABEL,
            persen(total.capaian),
            "",
            angka(total.pagu, 0),
            angka(total.realisasi, 0),
            persen(total.serapan),
            angka(total.silpa, 0),
            "",
        ],
        bold=True,
    )
    return Table(
        head=[_row_cells(DOCX_HEADERS, bold=True)],
        body=body,
        foot=[foot],
        aligns=DOCX_ALIGNS,
        source="hasil penyusunan laporan kinerja kecamatan (lkjip)",
        label="tbl-rekap",
        caption=f"Peringkat capaian kinerja dan serapan anggaran kecamatan, {city.nama}",
    )


def _summary(city: CityBatch) -> str:
    total = totals(city.rows)
    built = sum(r.status in (OK, SKIPPED) for r in city.rows)
    text = (
        f"Rekapitulasi ini mencakup {bilangan_terbilang(total.kecamatan)} kecamatan di "
        f"{city.nama} Tahun {city.tahun}; laporan {bilangan_terbilang(built)} kecamatan "
        "berhasil disusun."
    )
    if total.capaian is None:
        text += " Rata-rata capaian IKU belum dapat dihitung"
    else:
        text += (
            f" Rata-rata capaian IKU {bilangan_terbilang(total.with_capaian)} kecamatan "
            f"sebesar {persen(total.capaian)}"
        )
    if total.serapan is None:
        text += ", sedangkan serapan anggaran belum dapat dihitung."
    else:
        text += (
            f", dengan serapan anggaran keseluruhan {persen(total.serapan)} (realisasi "
            f"{rupiah(total.realisasi)} dari pagu {rupiah(total.pagu)})."
        )
    return text


def _names(rows: list[KecamatanRow]) -> str:
    names = [_kecamatan(r.nama) for r in rows]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def _extremes(
    rows: list[KecamatanRow], value: Callable[[KecamatanRow], Decimal | None], label: str
) -> str:
    present = [r for r in rows if value(r) is not None]
    if not present:
        return f"belum ada kecamatan dengan data {label}"
    if len(present) == 1:
        return f"{label} hanya tersedia untuk {_kecamatan(present[0].nama)} ({persen(value(present[0]))})"
    high = max(value(r) for r in present)  # type: ignore[type-var]
    low = min(value(r) for r in present)  # type: ignore[type-var]
    highest = [r for r in present if value(r) == high]
    lowest = [r for r in present if value(r) == low]
    return (
        f"{label} tertinggi dicapai {_names(highest)} ({persen(high)}) dan terendah "
        f"{_names(lowest)} ({persen(low)})"
    )


def _highlights(city: CityBatch) -> str:
    first = _extremes(city.rows, lambda r: r.capaian, "capaian IKU")
    second = _extremes(city.rows, lambda r: r.serapan, "serapan anggaran")
    return f"{first[0].upper()}{first[1:]}; {second}."


def _failures(city: CityBatch) -> list[Block]:
    failed = [r for r in city.rows if r.status in (FAILED, INVALID)]
    if not failed:
        return [Para(["Seluruh kecamatan lolos validasi dan laporannya berhasil disusun."])]
    items: list[list[Inline]] = [
        [Strong(_kecamatan(r.nama)), f" ({r.status}): {reason(r) or 'alasan tidak tercatat'}"]
        for r in failed
    ]
    intro = (
        f"Laporan {bilangan_terbilang(len(failed))} kecamatan belum dapat disusun "
        "(gagal atau data tidak valid):"
    )
    return [Para([intro]), ListBlock(items)]


def recap_blocks(city: CityBatch) -> list[Block]:
    """The recap as the report's blocks; every piece of data is plain text."""
    # The table last: the landscape page it needs takes the text before it along, so the
    # recap is one orientation throughout.
    return [
        Heading(title(city), level=1, id="rekapitulasi"),
        Para([_summary(city)]),
        Para([_highlights(city)]),
        Heading("Kecamatan yang Belum Berhasil", level=2, id="belum-berhasil"),
        *_failures(city),
        recap_table(city),
    ]


def write_recap_docx(city: CityBatch) -> Path:
    """Write ``<city folder>/Rekap_<akronim>_<kota>_<tahun>.docx`` through the report's own
    assembly and renderer."""
    from lkjip.report.assemble import Chapter, assemble
    from lkjip.report.render import render_embedded

    properties = {
        "title": title(city),
        "subject": f"Rekapitulasi laporan kinerja kecamatan {city.nama} {city.tahun}",
        "author": city.nama,
        "keywords": f"{city.akronim}, rekapitulasi, kecamatan, {city.tahun}",
    }
    chapter = Chapter(RECAP_CHAPTER, list(recap_blocks(city)))
    assembled = assemble([chapter], {"judul-dokumen": title(city)}, properties)
    return render_embedded(assembled, {"docx": city.recap_docx})["docx"]
