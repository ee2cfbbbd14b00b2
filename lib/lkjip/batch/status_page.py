"""Static status page of one city-year batch: ``outputs/<kota>/<tahun>/index.html``.

The page is plain HTML5 (inline CSS, no JavaScript, no external resources) so it can be opened
from the file system or any static host. It carries no generation time, so the same batch always
gives the same bytes. Every piece of row text comes from users and is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import quote

from lkjip.batch.model import FAILED, INVALID, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.formatting import EMPTY, detik, persen, rupiah
from lkjip.report.render import atomic_write

PAGE_NAME = "index.html"
MAX_WARNINGS_SHOWN = 5

STATUS_CLASSES: dict[str, str] = {
    OK: "status-berhasil",
    SKIPPED: "status-dilewati",
    FAILED: "status-gagal",
    INVALID: "status-tidak-valid",
}
UNKNOWN_STATUS_CLASS = "status-lain"

CSS = """
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 1.5rem;
  color: #1f2933; background: #fff; }
h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
p.ringkasan { margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #cbd2d9; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #f0f4f8; }
td.angka { text-align: right; white-space: nowrap; }
td.status { font-weight: 600; white-space: nowrap; }
.status-berhasil { color: #0b6e2e; background: #e3f9e5; }
.status-dilewati { color: #52606d; background: #f5f7fa; }
.status-gagal { color: #a61b1b; background: #ffe3e3; }
.status-tidak-valid { color: #8d5b00; background: #fff3c4; }
.status-lain { color: #52606d; }
details ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
td.tautan a { display: inline-block; margin-right: 0.5rem; }
""".strip()

HEADERS = (
    "Kecamatan",
    "Status",
    "Capaian IKU",
    "Kategori",
    "Serapan Anggaran",
    "Pagu / Realisasi",
    "Waktu (detik)",
    "Peringatan",
    "Alasan",
    "Tautan",
)


def write_status_page(city: CityBatch) -> Path:
    """Write ``city.folder / "index.html"`` atomically and return its path."""
    content = render_status_page(city).encode("utf-8")
    return atomic_write(Path(city.folder) / PAGE_NAME, lambda tmp: tmp.write_bytes(content))


def render_status_page(city: CityBatch) -> str:
    """The page as a string (deterministic for a given batch)."""
    title = f"Status Laporan Kinerja Kecamatan — {city.nama} Tahun {city.tahun}"
    head_cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in HEADERS)
    body_rows = "\n".join(_row_html(row) for row in city.rows)
    if not city.rows:
        body_rows = f'<tr><td colspan="{len(HEADERS)}">Belum ada kecamatan.</td></tr>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{CSS}\n</style>\n"
        "</head>\n"
        "<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="ringkasan">{escape(summary_line(city.rows))}</p>\n'
        "<table>\n"
        f"<thead><tr>{head_cells}</tr></thead>\n"
        f"<tbody>\n{body_rows}\n</tbody>\n"
        "</table>\n"
        "</body>\n"
        "</html>\n"
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


def href(relative: str) -> str:
    """A row path (relative to the city folder) as a URL, each segment percent-encoded."""
    segments = relative.replace("\\", "/").split("/")
    return "/".join(quote(segment, safe="") for segment in segments)


def _row_html(row: KecamatanRow) -> str:
    status_class = STATUS_CLASSES.get(row.status, UNKNOWN_STATUS_CLASS)
    money = f"{rupiah(row.pagu)} / {rupiah(row.realisasi)}"
    cells = [
        f'<th scope="row">{escape(row.nama)}</th>',
        f'<td class="status {status_class}">{escape(row.status or EMPTY)}</td>',
        f'<td class="angka">{escape(persen(row.capaian))}</td>',
        f"<td>{escape(row.kategori or EMPTY)}</td>",
        f'<td class="angka">{escape(persen(row.serapan))}</td>',
        f'<td class="angka">{escape(money)}</td>',
        f'<td class="angka">{escape(detik(row.seconds))}</td>',
        f"<td>{_list_cell(row.warnings, 'peringatan')}</td>",
        f"<td>{_reason_cell(row)}</td>",
        f'<td class="tautan">{_links(row)}</td>',
    ]
    return f'<tr id="kec-{escape(row.slug)}">' + "".join(cells) + "</tr>"


def _list_cell(lines: list[str], noun: str) -> str:
    """Count, then the first few lines in a collapsible block."""
    if not lines:
        return "0"
    shown = lines[:MAX_WARNINGS_SHOWN]
    items = "".join(f"<li>{escape(line)}</li>" for line in shown)
    rest = len(lines) - len(shown)
    if rest:
        items += f"<li>… dan {rest} lainnya</li>"
    return f"<details><summary>{len(lines)} {noun}</summary><ul>{items}</ul></details>"


def _reason_cell(row: KecamatanRow) -> str:
    parts = [escape(row.reason)] if row.reason else []
    if row.errors:
        parts.append(_list_cell(row.errors, "galat validasi"))
    return "".join(parts) or EMPTY


def _links(row: KecamatanRow) -> str:
    targets = [("DOCX", row.docx), ("PDF", row.pdf)]
    targets += [(Path(nb.replace("\\", "/")).stem, nb) for nb in row.notebooks]
    targets.append(("Validasi", row.validation))
    links = [
        f'<a href="{escape(href(path))}">{escape(label)}</a>'
        for label, path in targets
        if path.strip()
    ]
    return " ".join(links) or EMPTY
