"""The batch status page: content, escaping and links, checked in the written file and as
rendered by headless Chromium (the DOM a user's browser builds)."""

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


class PageParser(HTMLParser):
    """Collects the title, summary, body rows (cell texts, cell classes, hrefs) and tag counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.summary = ""
        self.rows: list[Row] = []
        self.tags: dict[str, int] = {}
        self.html_lang = ""
        self._in_body = self._in_title = self._in_summary = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if self._cell is not None:
            self._cell.append(" ")  # elements inside a cell read as separate words
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
            "suka-maju/notebooks/00-pembuka.ipynb",
            "suka-maju/notebooks/03-akuntabilitas#1.ipynb",
        ],
        validation="suka-maju/validasi.txt",
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
    )
    for row in (ok, skipped):
        for rel in (row.docx, row.pdf, *row.notebooks, row.validation):
            if rel:
                path = folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"dummy")
    return CityBatch(
        slug="kota-contoh",
        nama="Kota Contoh & Sekitarnya",
        tahun=2024,
        akronim="KC",
        folder=folder,
        rows=[ok, failed, skipped],
    )


def check_page(page: PageParser, page_path: Path) -> None:
    """What a user must see, whether parsed from the file or from the browser's DOM."""
    assert page.html_lang == "id"
    assert page.title == TITLE
    assert page.summary == "3 kecamatan: 1 berhasil, 1 dilewati, 1 gagal, 0 tidak valid."
    assert page.tags.get("script", 0) == 0
    assert page.tags.get("link", 0) == 0
    assert page.tags.get("img", 0) == 0

    assert [r.cells[0] for r in page.rows] == ["Suka Maju", "Mekar <Sari>", "Cibeureum"]
    ok, failed, skipped = page.rows
    for row in page.rows:
        assert len(row.cells) == 10

    assert ok.cells[1:7] == [
        "berhasil",
        "103,91%",
        "Sangat Baik",
        "97,13%",
        "Rp 10.802.728.000 / Rp 10.492.000.500",
        "12,4",
    ]
    assert ok.classes[1] == "status status-berhasil"
    assert ok.cells[7].startswith("7 peringatan")
    assert "peringatan nomor 5" in ok.cells[7]
    assert "peringatan nomor 6" not in ok.cells[7]
    assert "dan 2 lainnya" in ok.cells[7]
    assert ok.cells[8] == "draf diarsipkan ke suka-maju/arsip/"
    assert ok.cells[9] == "DOCX PDF 00-pembuka 03-akuntabilitas#1 Validasi"
    assert len(ok.hrefs) == 5

    assert failed.cells[1:8] == ["gagal", "-", "-", "-", "- / -", "0,1", "0"]
    assert failed.classes[1] == "status status-gagal"
    assert failed.cells[8] == f"kernel mati: {SCRIPT} 1 galat validasi IKU baris 3: target nol"
    assert failed.cells[9] == "-"
    assert failed.hrefs == []

    assert skipped.cells[1:7] == ["dilewati", "88,00%", "Baik", "-", "Rp 500 / -", "0,0"]
    assert skipped.classes[1] == "status status-dilewati"
    assert skipped.cells[9] == "DOCX"

    base = page_path.parent.resolve()
    hrefs = [h for r in page.rows for h in r.hrefs]
    assert len(hrefs) == 6
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
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert "Suka%20Maju" in html and "03-akuntabilitas%231.ipynb" in html
    check_page(parse(html), path)
    # Atomic write leaves no temporary file; same batch, same bytes.
    assert sorted(p.name for p in city.folder.iterdir()) == ["cibeureum", "index.html", "suka-maju"]
    assert write_status_page(city).read_text(encoding="utf-8") == html


def chromium_dom(path: Path, profile: Path) -> str:
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
            path.resolve().as_uri(),
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
