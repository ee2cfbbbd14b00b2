"""Static status page of one city-year batch: ``outputs/<kota>/<tahun>/index.html``.

The page says what is left: per kecamatan its status and figures, the narrative sections still
empty in its draft, its validation warnings, when its draft was built and how long that took,
with links to the draft, the PDF, the executed notebooks (as HTML pages) and the validation
report; above the table, the city recap (rekap.xlsx and its DOCX). It is one HTML5 file
(Jinja2 template beside this module, inline CSS, a few lines of script that sort the table by
the column clicked; no external resources) so it opens from the file system or any static
host. It carries no generation time, so the same batch always gives the same bytes. Every
piece of row text comes from users and is HTML-escaped (Jinja2 autoescape).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from lkjip.batch.model import FAILED, INVALID, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.files import write_bytes
from lkjip.formatting import EMPTY, detik, persen, rupiah, tanggal

PAGE_NAME = "index.html"
TEMPLATE = "status_page.html.j2"
MAX_WARNINGS_SHOWN = 5

STATUS_CLASSES: dict[str, str] = {
    OK: "status-berhasil",
    SKIPPED: "status-dilewati",
    FAILED: "status-gagal",
    INVALID: "status-tidak-valid",
}
UNKNOWN_STATUS_CLASS = "status-lain"

CSS = Markup(
    """
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 1.5rem;
  color: #1f2933; background: #fff; }
h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
p.ringkasan { margin: 0 0 0.5rem; font-weight: 600; }
ul.sisa { margin: 0 0 0.5rem; padding-left: 1.2rem; }
p.rekap, p.petunjuk { margin: 0 0 0.5rem; }
p.petunjuk { color: #52606d; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border: 1px solid #cbd2d9; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #f0f4f8; padding: 0; }
thead button { all: unset; cursor: pointer; display: block; padding: 0.35rem 1.2rem 0.35rem 0.5rem;
  font-weight: 600; position: relative; }
thead th[aria-sort="ascending"] button::after { content: "▲"; position: absolute; right: 0.3rem; }
thead th[aria-sort="descending"] button::after { content: "▼"; position: absolute; right: 0.3rem; }
td.angka { text-align: right; white-space: nowrap; }
td.status { font-weight: 600; white-space: nowrap; }
td.sisa-narasi { color: #8d5b00; }
td.narasi, td.peringatan { min-width: 6.5rem; }
td.uang { white-space: normal; }
td.uang span, td.disusun span { white-space: nowrap; }
td.disusun { text-align: right; }
td.tautan { min-width: 11rem; }
.status-berhasil { color: #0b6e2e; background: #e3f9e5; }
.status-dilewati { color: #52606d; background: #f5f7fa; }
.status-gagal { color: #a61b1b; background: #ffe3e3; }
.status-tidak-valid { color: #8d5b00; background: #fff3c4; }
.status-lain { color: #52606d; }
details ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
td.tautan a { display: inline-block; margin-right: 0.5rem; white-space: nowrap; }
""".strip()
)

# Sort by the column clicked (again: the other way); by the data-urut value where a cell has one
# (numbers, dates), else by its text; an empty value last either way. "#urut=<kolom>" or "#urut=<kolom>-turun" in the address sorts on opening.
SCRIPT = Markup(
    """
(function () {
  var table = document.getElementById("status");
  var head = table.tHead.rows[0].cells;
  var body = table.tBodies[0];
  function value(row, i, numeric) {
    var cell = row.cells[i];
    var text = cell.hasAttribute("data-urut") ? cell.getAttribute("data-urut") : cell.textContent;
    return numeric ? (text === "" ? NaN : parseFloat(text)) : text.trim().toLowerCase();
  }
  function sort(i, down) {
    var numeric = head[i].getAttribute("data-jenis") === "angka";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, i, numeric), y = value(b, i, numeric);
      var emptyX = numeric ? isNaN(x) : x === "", emptyY = numeric ? isNaN(y) : y === "";
      if (emptyX || emptyY) { return emptyX - emptyY; }
      if (numeric) { return down ? y - x : x - y; }
      return down ? y.localeCompare(x, "id") : x.localeCompare(y, "id");
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var j = 0; j < head.length; j++) {
      head[j].setAttribute("aria-sort", j === i ? (down ? "descending" : "ascending") : "none");
    }
  }
  Array.prototype.forEach.call(head, function (cell, i) {
    cell.querySelector("button").addEventListener("click", function () {
      sort(i, cell.getAttribute("aria-sort") === "ascending");
    });
  });
  var wanted = /urut=([a-z-]+?)(-turun)?$/.exec(decodeURIComponent(location.hash));
  if (wanted) {
    Array.prototype.forEach.call(head, function (cell, i) {
      if (cell.getAttribute("data-kunci") === wanted[1]) { sort(i, !!wanted[2]); }
    });
  }
})();
""".strip()
)


@dataclass(frozen=True)
class Column:
    key: str  # for "#urut=<key>"
    label: str
    kind: str  # "angka" sorts by number, "teks" by text


COLUMNS = (
    Column("kecamatan", "Kecamatan", "teks"),
    Column("status", "Status", "teks"),
    Column("capaian", "Capaian IKU", "angka"),
    Column("kategori", "Kategori", "teks"),
    Column("serapan", "Serapan Anggaran", "angka"),
    Column("pagu", "Pagu / Realisasi", "angka"),
    Column("narasi", "Narasi belum diisi", "angka"),
    Column("peringatan", "Peringatan", "angka"),
    Column("disusun", "Disusun", "teks"),
    Column("lama", "Lama (detik)", "angka"),
    Column("alasan", "Alasan", "teks"),
    Column("tautan", "Tautan", "teks"),
)
HEADERS = tuple(c.label for c in COLUMNS)


@dataclass(frozen=True)
class Cell:
    html: Markup
    css: str = ""
    sort: str | None = None  # the value sorted by, where the shown text is not it


def write_status_page(city: CityBatch) -> Path:
    """Write ``city.folder / "index.html"`` atomically and return its path."""
    content = render_status_page(city).encode("utf-8")
    return write_bytes(Path(city.folder) / PAGE_NAME, content)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def render_status_page(city: CityBatch) -> str:
    """The page as a string (deterministic for a given batch)."""
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            title=f"Status Laporan Kinerja Kecamatan — {city.nama} Tahun {city.tahun}",
            css=CSS,
            script=SCRIPT,
            summary=summary_line(city.rows),
            leftover=leftover_lines(city.rows),
            recap=[(p.name, href(p.name)) for p in (city.recap_xlsx, city.recap_docx)],
            columns=COLUMNS,
            rows=[{"slug": row.slug, "cells": _cells(row)} for row in city.rows],
        )
    )


def summary_line(rows: Iterable[KecamatanRow]) -> str:
    """``3 kecamatan: 1 berhasil, 1 dilewati, 1 gagal, 0 tidak valid.``"""
    rows = list(rows)
    counts = {status: sum(r.status == status for r in rows) for status in STATUS_CLASSES}
    parts = [f"{counts[s]} {s}" for s in (OK, SKIPPED, FAILED, INVALID)]
    other = len(rows) - sum(counts.values())
    if other:
        parts.append(f"{other} lainnya")
    return f"{len(rows)} kecamatan: " + ", ".join(parts) + "."


def leftover_lines(rows: Iterable[KecamatanRow]) -> list[str]:
    """What is left to do in the city, one line per kind of work."""
    rows = list(rows)
    lines = []
    if failed := [r for r in rows if r.status in (FAILED, INVALID)]:
        lines.append(f"{len(failed)} kecamatan belum tersusun (gagal atau data tidak valid).")
    if unfilled := [r for r in rows if r.unfilled]:
        sections = sum(len(r.unfilled) for r in unfilled)
        lines.append(f"{sections} bagian narasi belum diisi di {len(unfilled)} kecamatan.")
    if warned := [r for r in rows if r.warnings]:
        lines.append(f"{len(warned)} kecamatan dengan peringatan validasi.")
    return lines


def href(relative: str) -> str:
    """A row path (relative to the city folder) as a URL, each segment percent-encoded."""
    segments = relative.replace("\\", "/").split("/")
    return "/".join(quote(segment, safe="") for segment in segments)


def _number(value: object) -> str:
    return "" if value is None else str(value)


def _built(row: KecamatanRow) -> Cell:
    if not row.built_at:
        return Cell(escape(EMPTY), sort="")
    try:
        at = dt.datetime.fromisoformat(row.built_at)
    except ValueError:
        return Cell(escape(row.built_at), sort=row.built_at)
    shown = Markup("<span>{}</span> <span>{}</span>").format(tanggal(at.date()), f"{at:%H.%M}")
    return Cell(shown, css="disusun", sort=row.built_at)


def _cells(row: KecamatanRow) -> list[Cell]:
    status_class = STATUS_CLASSES.get(row.status, UNKNOWN_STATUS_CLASS)
    seconds = row.build_seconds or row.seconds
    return [
        Cell(escape(row.nama)),
        Cell(escape(row.status or EMPTY), css=f"status {status_class}"),
        Cell(escape(persen(row.capaian)), css="angka", sort=_number(row.capaian)),
        Cell(escape(row.kategori or EMPTY)),
        Cell(escape(persen(row.serapan)), css="angka", sort=_number(row.serapan)),
        Cell(
            Markup("<span>{} /</span> <span>{}</span>").format(
                rupiah(row.pagu), rupiah(row.realisasi)
            ),
            css="angka uang",
            sort=_number(row.pagu),
        ),
        Cell(
            _list_cell(row.unfilled, "bagian belum diisi") if row.docx else escape(EMPTY),
            css="narasi sisa-narasi" if row.unfilled else "narasi",
            sort=str(len(row.unfilled)) if row.docx else "",
        ),
        Cell(_list_cell(row.warnings, "peringatan"), css="peringatan", sort=str(len(row.warnings))),
        _built(row),
        Cell(
            escape(detik(seconds)) if seconds else escape(EMPTY),
            css="angka",
            sort=_number(seconds or None),
        ),
        Cell(_reason_cell(row)),
        Cell(_links(row), css="tautan"),
    ]


def _list_cell(lines: list[str], noun: str) -> Markup:
    """Count, then the first few lines in a collapsible block."""
    if not lines:
        return Markup("0")
    shown = lines[:MAX_WARNINGS_SHOWN]
    items = Markup("").join(Markup("<li>{}</li>").format(line) for line in shown)
    rest = len(lines) - len(shown)
    if rest:
        items += Markup("<li>… dan {} lainnya</li>").format(rest)
    return Markup("<details><summary>{} {}</summary><ul>{}</ul></details>").format(
        len(lines), noun, items
    )


def _reason_cell(row: KecamatanRow) -> Markup:
    parts = [escape(row.reason)] if row.reason else []
    if row.errors:
        parts.append(_list_cell(row.errors, "galat validasi"))
    return Markup("").join(parts) or escape(EMPTY)


def _links(row: KecamatanRow) -> Markup:
    targets = [("DOCX", row.docx), ("PDF", row.pdf)]
    targets += [(Path(nb.replace("\\", "/")).stem, nb) for nb in row.notebooks]
    targets.append(("Validasi", row.validation))
    links = [
        Markup('<a href="{}">{}</a>').format(href(path), label)
        for label, path in targets
        if path.strip()
    ]
    return Markup(" ").join(links) or escape(EMPTY)
