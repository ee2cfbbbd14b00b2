"""The batch status page: content, escaping and links, checked in the written file and as
rendered by headless Chromium (the DOM a user's browser builds), and its sorting there."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from lkjip.batch.model import FAILED, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.batch.status_page import write_status_page

CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = "<script>alert(1)</script>"
TITLE = "Status Laporan Kinerja Kecamatan — Kota Contoh & Sekitarnya Tahun 2024"


@dataclass
class Row:
    cells: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)


UNFILLED = [f"Bagian narasi {i}" for i in range(1, 9)]


class PageParser(HTMLParser):
    """Collects the title, summary, body rows (cell texts, cell classes, hrefs) and tag counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.summary = ""
        self.rows: list[Row] = []
        self.tags: dict[str, int] = {}
        self.html_lang = ""
        self.hrefs: list[str] = []  # every link on the page
        self.scripts: list[dict[str, str | None]] = []
        self.leftover = ""
        self._in_leftover = False
        self._in_body = self._in_title = self._in_summary = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if self._cell is not None:
            self._cell.append(" ")  # elements inside a cell read as separate words
        if tag == "a":
            self.hrefs.append(attr.get("href") or "")
        if tag == "script":
            self.scripts.append(attr)
        if tag == "ul" and attr.get("class") == "sisa":
            self._in_leftover = True
        if tag == "html":
            self.html_lang = attr.get("lang") or ""
        elif tag == "title":
            self._in_title = True
        elif tag == "p" and attr.get("class") == "ringkasan":
            self._in_summary = True
        elif tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append(Row())
        elif self._in_body and tag in ("td", "th"):
            self._cell = []
            self.rows[-1].classes.append(attr.get("class") or "")
        elif self._in_body and tag == "a":
            self.rows[-1].hrefs.append(attr.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "p":
            self._in_summary = False
        elif tag == "ul":
            self._in_leftover = False
        elif tag == "tbody":
            self._in_body = False
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].cells.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_summary:
            self.summary += data
        if self._in_leftover:
            self.leftover += data + " "
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture
def city(tmp_path: Path) -> CityBatch:
    folder = tmp_path / "outputs" / "kota-contoh" / "2024"
    ok = KecamatanRow(
        slug="suka-maju",
        nama="Suka Maju",
        status=OK,
        capaian=Decimal("103.9143"),
        kategori="Sangat Baik",
        serapan=Decimal("97.125"),
        pagu=10802728000,
        realisasi=10492000500,
        warnings=[f"peringatan nomor {i}" for i in range(1, 8)],
        reason="draf diarsipkan ke suka-maju/arsip/",
        seconds=12.35,
        docx="suka-maju/LKjIP_Suka Maju_2024.docx",
        pdf="suka-maju/LKjIP_Suka Maju_2024.pdf",
        notebooks=[
            "suka-maju/notebooks/00-pembuka.html",
            "suka-maju/notebooks/03-akuntabilitas#1.html",
        ],
        validation="suka-maju/validasi.txt",
        unfilled=UNFILLED,
        built_at="2025-03-04T09:05:30",
        build_seconds=12.35,
    )
    failed = KecamatanRow(
        slug="mekar-sari",
        nama="Mekar <Sari>",
        status=FAILED,
        reason=f"kernel mati: {SCRIPT}",
        errors=["IKU baris 3: target nol"],
        seconds=0.05,
    )
    skipped = KecamatanRow(
        slug="cibeureum",
        nama="Cibeureum",
        status=SKIPPED,
        capaian=Decimal("88"),
        kategori="Baik",
        serapan=None,
        pagu=500,
        realisasi=None,
        docx="cibeureum/LKjIP_Cibeureum_2024.docx",
        built_at="2025-03-01T16:45:00",
        build_seconds=8.0,
    )
    for row in (ok, skipped):
        for rel in (row.docx, row.pdf, *row.notebooks, row.validation):
            if rel:
                path = folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"dummy")
    city = CityBatch(
        slug="kota-contoh",
        nama="Kota Contoh & Sekitarnya",
        tahun=2024,
        akronim="KC",
        folder=folder,
        rows=[ok, failed, skipped],
    )
    city.recap_xlsx.write_bytes(b"dummy")  # written by the batch right after the page
    city.recap_docx.write_bytes(b"dummy")
    return city


def check_page(page: PageParser, page_path: Path) -> None:
    """What a user must see, whether parsed from the file or from the browser's DOM."""
    assert page.html_lang == "id"
    assert page.title == TITLE
    assert page.summary == "3 kecamatan: 1 berhasil, 1 dilewati, 1 gagal, 0 tidak valid."
    assert " ".join(page.leftover.split()) == (
        "1 kecamatan belum tersusun (gagal atau data tidak valid). "
        "8 bagian narasi belum diisi di 1 kecamatan. "
        "1 kecamatan dengan peringatan validasi."
    )
    assert len(page.scripts) == 1 and not page.scripts[0].get("src")  # inline, nothing fetched
    assert page.tags.get("link", 0) == 0
    assert page.tags.get("img", 0) == 0
    assert [r.cells[0] for r in page.rows] == ["Suka Maju", "Mekar <Sari>", "Cibeureum"]
    ok, failed, skipped = page.rows
    for row in page.rows:
        assert len(row.cells) == 12
    assert ok.cells[1:6] == [
        "berhasil",
        "103,91%",
        "Sangat Baik",
        "97,13%",
        "Rp 10.802.728.000 / Rp 10.492.000.500",
    ]
    assert ok.cells[6].startswith("8 bagian belum diisi")  # the placeholders of its draft
    assert "Bagian narasi 5" in ok.cells[6] and "dan 3 lainnya" in ok.cells[6]
    assert ok.classes[1] == "status status-berhasil"
    assert ok.cells[7].startswith("7 peringatan")
    assert "peringatan nomor 5" in ok.cells[7]
    assert "peringatan nomor 6" not in ok.cells[7]
    assert "dan 2 lainnya" in ok.cells[7]
    assert ok.cells[8:10] == ["4 Maret 2025 09.05", "12,4"]
    assert ok.cells[10] == "draf diarsipkan ke suka-maju/arsip/"
    assert ok.cells[11] == "DOCX PDF 00-pembuka 03-akuntabilitas#1 Validasi"
    assert len(ok.hrefs) == 5
    assert [h for h in ok.hrefs if "notebooks" in h] == [
        "suka-maju/notebooks/00-pembuka.html",
        "suka-maju/notebooks/03-akuntabilitas%231.html",
    ]
    assert failed.cells[1:10] == ["gagal", "-", "-", "-", "- / -", "-", "0", "-", "0,1"]
    assert failed.classes[1] == "status status-gagal"
    assert failed.cells[10] == f"kernel mati: {SCRIPT} 1 galat validasi IKU baris 3: target nol"
    assert failed.cells[11] == "-"
    assert failed.hrefs == []
    assert skipped.cells[1:10] == [
        "dilewati",
        "88,00%",
        "Baik",
        "-",
        "Rp 500 / -",
        "0",
        "0",
        "1 Maret 2025 16.45",
        "8,0",
    ]
    assert skipped.classes[1] == "status status-dilewati"
    assert skipped.cells[11] == "DOCX"
    base = page_path.parent.resolve()
    hrefs = page.hrefs
    assert hrefs[:2] == ["rekap.xlsx", "Rekap_KC_kota-contoh_2024.docx"]  # the city recap
    assert len(hrefs) == 8
    for h in hrefs:
        parts = urlsplit(h)
        assert not parts.scheme and not parts.netloc and not parts.query and not parts.fragment, h
        target = (base / unquote(parts.path)).resolve()
        assert target.is_relative_to(base), h
        assert target.is_file(), h


def test_written_html(city: CityBatch) -> None:
    path = write_status_page(city)
    assert path == city.folder / "index.html"
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert html.lower().count("<script") == 1  # the sorting, inline
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert "Suka%20Maju" in html and "03-akuntabilitas%231.html" in html
    check_page(parse(html), path)
    # Atomic write leaves no temporary file; same batch, same bytes.
    assert sorted(p.name for p in city.folder.iterdir()) == [
        "Rekap_KC_kota-contoh_2024.docx",
        "cibeureum",
        "index.html",
        "rekap.xlsx",
        "suka-maju",
    ]
    assert write_status_page(city).read_text(encoding="utf-8") == html


def chromium_dom(path: Path, profile: Path, fragment: str = "") -> str:
    """The DOM of a page as headless Chromium renders it from disk."""
    proc = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--dump-dom",
            path.resolve().as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium absent (apt-get install chromium)"
)
def test_rendered_in_chromium(city: CityBatch, tmp_path: Path) -> None:
    path = write_status_page(city)
    dom = chromium_dom(path, tmp_path / "chromium-profile")
    assert "<tbody>" in dom
    page = parse(dom)
    check_page(page, path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium absent (apt-get install chromium)"
)
@pytest.mark.parametrize(
    ("fragment", "order"),
    [
        ("#urut=capaian-turun", ["Suka Maju", "Cibeureum", "Mekar <Sari>"]),
        ("#urut=capaian", ["Cibeureum", "Suka Maju", "Mekar <Sari>"]),  # no capaian: last
        ("#urut=kecamatan", ["Cibeureum", "Mekar <Sari>", "Suka Maju"]),
        ("#urut=narasi-turun", ["Suka Maju", "Cibeureum", "Mekar <Sari>"]),
        ("#urut=disusun", ["Cibeureum", "Suka Maju", "Mekar <Sari>"]),
    ],
)
def test_sorted_in_chromium(city: CityBatch, tmp_path: Path, fragment: str, order: list[str]):
    """The script sorts the rows in the browser: by number, text or date, empty values last."""
    dom = chromium_dom(write_status_page(city), tmp_path / "chromium-profile", fragment)
    page = parse(dom)
    assert [r.cells[0] for r in page.rows] == order
