"""Lampiran: Perjanjian Kinerja, IKU matrix and the full budget table, pinned to the reference
reports (Perak: notes-002 §6 recomputation; Bekasi Utara: notes-004 A.2, Tabel 3.11)."""

from __future__ import annotations

import json

from conftest import ROOT, switched_off
from lkjip.report import bab2, lampiran
from lkjip.report.blocks import Block, Heading, Para, Ref, Table


def text(block: Para) -> str:
    return "".join(getattr(p, "label", getattr(p, "text", p)) for p in block.content)  # type: ignore[arg-type]


def only_table(blocks: list[Block]) -> Table:
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    return blocks[0]


def row_texts(row) -> list[str]:
    return [c.text for c in row]


def find_row(tab: Table, cell: str) -> list[str]:
    for row in tab.body:
        if cell in row_texts(row):
            return row_texts(row)
    raise AssertionError(f"no row with {cell!r}")


# --- Rincian anggaran ---------------------------------------------------------------------------
def test_budget_table_bekasi_utara(bekasi):
    tab = only_table(lampiran.tabel_rincian_anggaran(bekasi))
    assert tab.wide
    assert row_texts(tab.head[0]) == [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        "Unit",
        "Pagu Murni (Rp)",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan",
        "SiLPA (Rp)",
    ]
    assert row_texts(tab.foot[0]) == [
        "Jumlah",
        "46.273.489.520",
        "46.754.089.520",
        "44.704.453.656",
        "95,62%",
        "2.049.635.864",
    ]
    # Program totals equal Tabel 3.11 (notes-004 A.2).
    ppupd = find_row(tab, "7.01.01")
    assert ppupd[-5:] == [
        "29.369.223.620",
        "29.564.223.620",
        "27.813.220.986",
        "94,08%",
        "1.751.002.634",
    ]
    assert find_row(tab, "7.01.04")[-3:-1] == ["71.722.000", "95,63%"]
    programs = [r for r in tab.body if r[0].text.count(".") == 2]
    kegiatan = [r for r in tab.body if r[0].text.count(".") == 4]
    leaves = [r for r in tab.body if r[0].text.count(".") == 5]
    assert (len(programs), len(leaves)) == (5, 49)
    assert all(c.bold for r in programs + kegiatan for c in r)
    assert not any(c.bold for r in leaves for c in r)
    assert "Kelurahan Perwira" in {r[2].text for r in leaves}


def test_budget_table_perak(perak):
    tab = only_table(lampiran.tabel_rincian_anggaran(perak))
    header = row_texts(tab.head[0])
    assert "Unit" not in header and "Pagu Murni (Rp)" not in header  # no units, no murni in data
    assert row_texts(tab.foot[0]) == [
        "Jumlah",
        "3.180.247.616",
        "2.995.404.515",
        "94,19%",
        "184.843.101",
    ]
    assert find_row(tab, "7.01.01")[-4:] == [
        "3.025.434.166",
        "2.841.094.465",
        "93,91%",
        "184.339.701",
    ]
    # Kegiatan sums are computed from the sub-kegiatan (Tabel 3.10 of the reference).
    assert find_row(tab, "7.01.01.2.01")[-4:] == ["6.001.500", "6.001.500", "100,00%", "0"]


def test_budget_summary_sentence(perak, bekasi):
    heading, sentence = lampiran.rincian_anggaran(perak)
    assert isinstance(heading, Heading) and heading.text == "Rincian Anggaran"
    said = text(sentence)
    assert "Dari pagu Rp 3.180.247.616 terealisasi Rp 2.995.404.515 (94,19%)" in said
    assert "SiLPA sebesar Rp 184.843.101" in said
    assert Ref("tbl-lamp-anggaran") in sentence.content
    assert "Rp 46.754.089.520 terealisasi Rp 44.704.453.656 (95,62%)" in text(
        lampiran.rincian_anggaran(bekasi)[1]
    )


def test_budget_appendix_switched_off(bekasi):
    off = switched_off(bekasi, "lampiran-anggaran")
    assert lampiran.rincian_anggaran(off) == []
    assert lampiran.tabel_rincian_anggaran(off) == []
    assert lampiran.tabel_matriks_iku(off)


# --- Matriks IKU --------------------------------------------------------------------------------
def test_iku_matrix_bekasi_utara(bekasi):
    tab = only_table(lampiran.tabel_matriks_iku(bekasi))
    assert tab.wide
    years = [(c.text, c.colspan) for c in tab.head[0] if c.colspan > 1]
    assert years == [(f"Tahun {y}", 3) for y in range(2022, 2027)]
    assert row_texts(tab.head[1])[:3] == ["Target", "Realisasi", "Capaian"]
    ikm = find_row(tab, "Indeks Kepuasan Masyarakat (IKM) Kecamatan Bekasi Utara")
    # 2022: 82,71 / 82,50; 2023: 83,17 / 82,80; 2024: 84,84 / 81 (notes-004 §6.2 item 15).
    assert ikm[3:12] == [
        "82,50",
        "82,71",
        "100,25%",
        "82,80",
        "83,17",
        "100,45%",
        "81",
        "84,84",
        "104,74%",
    ]
    assert ikm[12:] == ["81,50", "-", "-", "82", "-", "-", "82"]
    akip = find_row(tab, "Nilai AKIP Kecamatan Bekasi Utara")
    assert akip[3:12] == ["-", "-", "-", "72,50", "72,75", "100,34%", "70", "72,74", "103,91%"]


def test_iku_matrix_perak_and_lead_in(perak):
    tab = only_table(lampiran.tabel_matriks_iku(perak))
    years = [c.text for c in tab.head[0] if c.colspan > 1]
    assert years == ["Tahun 2022", "Tahun 2023", "Tahun 2024", "Tahun 2026"]
    akip = find_row(tab, "Nilai evaluasi AKIP Kecamatan Perak")
    assert akip[3:12] == [
        "71",
        "70,93",
        "99,90%",
        "72",
        "72,61",
        "100,85%",
        "73",
        "74,64",
        "102,25%",
    ]
    assert find_row(tab, "Indeks Kualitas Pelayanan Publik (IKPP) Kecamatan Perak")[9:12] == [
        "7,8",
        "8,13",
        "104,23%",
    ]
    heading, sentence = lampiran.matriks_iku(perak)
    assert heading.text == "Matriks Indikator Kinerja Utama"
    assert "Tahun 2022–2026" in text(sentence)


def test_iku_matrix_lower_is_better(sukamaju):
    tab = only_table(lampiran.tabel_matriks_iku(sukamaju))
    row = find_row(tab, "Persentase pelanggaran Trantibum yang belum tertangani")
    assert row[9:12] == ["20,50", "20,50", "100,00%"]  # 2024, polaritas turun


# --- Perjanjian Kinerja -------------------------------------------------------------------------
def test_pk_appendix_reuses_the_chapter_tables(perak, bekasi):
    for ctx in (perak, bekasi):
        assert lampiran.tabel_pk_iku(ctx) == bab2.tabel_pk_iku(ctx)
        assert lampiran.tabel_pk_program(ctx) == bab2.tabel_pk_program(ctx)
    assert row_texts(only_table(lampiran.tabel_pk_program(perak)).foot[0])[-1] == "3.180.247.616"
    heading, sentence = lampiran.perjanjian_kinerja(bekasi)
    assert heading.text == "Perjanjian Kinerja"
    said = text(sentence)
    assert "Camat Bekasi Utara (SUMPONO BRAMA, S.STP., M.Si) selaku pihak pertama" in said
    assert "Wali Kota Bekasi selaku pihak kedua" in said
    assert {p.label for p in sentence.content if isinstance(p, Ref)} == {
        "tbl-lamp-pk-iku",
        "tbl-lamp-pk-program",
    }


def test_pk_appendix_switched_off(perak):
    off = switched_off(perak, "lampiran-pk", "lampiran-iku")
    assert lampiran.perjanjian_kinerja(off) == []
    assert lampiran.tabel_pk_iku(off) == [] and lampiran.tabel_pk_program(off) == []
    assert lampiran.matriks_iku(off) == [] and lampiran.tabel_matriks_iku(off) == []
    assert lampiran.tabel_rincian_anggaran(off)


def test_notebook_labels(bekasi):
    notebook = json.loads((ROOT / "notebooks/05-lampiran.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in notebook["cells"]]
    assert notebook["cells"][0]["metadata"]["tags"] == ["parameters"]
    assert sources[2].strip() == "# Lampiran"
    labels = [
        line.split(":", 1)[1].strip()
        for s in sources
        for line in s.splitlines()
        if line.startswith("#| label:")
    ]
    assert labels == [
        "tbl-lamp-pk-iku",
        "tbl-lamp-pk-program",
        "tbl-lamp-matriks-iku",
        "tbl-lamp-anggaran",
    ]
    used = {
        p.label
        for name in ("perjanjian_kinerja", "matriks_iku", "rincian_anggaran")
        for b in getattr(lampiran, name)(bekasi)
        if isinstance(b, Para)
        for p in b.content
        if isinstance(p, Ref)
    }
    assert used == set(labels)
