"""Front matter: cover, kata pengantar with the signature, ikhtisar eksekutif."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import inline_text
from lkjip.report import common, pembuka
from lkjip.report.blocks import (
    Block,
    Cover,
    ListBlock,
    Narrative,
    PageBreak,
    Para,
    Signature,
    Table,
)
from lkjip.report.context import ReportContext


def text_of(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Para):
            parts.append(inline_text(block.content))
        elif isinstance(block, ListBlock):
            parts += [inline_text(item) for item in block.items]
        elif isinstance(block, Narrative) and block.text:
            parts.append(block.text)
    return "\n".join(parts)


def without(ctx: ReportContext, *sheets: str) -> ReportContext:
    tables = {k: v for k, v in ctx.data.tables.items() if k not in sheets}
    return dataclasses.replace(ctx, data=dataclasses.replace(ctx.data, tables=tables))


# --- cover ------------------------------------------------------------------------------------
def test_cover_perak(perak: ReportContext) -> None:
    blocks = pembuka.cover(perak)
    cover = blocks[0]
    assert isinstance(cover, Cover)
    assert cover.pemerintah == "PEMERINTAH KABUPATEN JOMBANG"
    assert (cover.judul, cover.akronim) == ("Laporan Kinerja Instansi Pemerintah", "LKjIP")
    assert (cover.kecamatan, cover.tahun) == ("Perak", 2024)
    assert cover.alamat == ""  # Perak's profile has no address
    assert isinstance(blocks[-1], PageBreak)


def test_cover_bekasi_contact_line(bekasi: ReportContext) -> None:
    cover = pembuka.cover(bekasi)[0]
    assert cover.pemerintah == "PEMERINTAH KOTA BEKASI"
    assert cover.akronim == "LKIP"
    assert cover.judul == "Laporan Akuntabilitas Kinerja Pemerintah"
    assert "Telp. 021-8871674" in cover.alamat
    assert "kecbekasiutara26@gmail.com" in cover.alamat


# --- kata pengantar ---------------------------------------------------------------------------
def test_kata_pengantar_perak(perak: ReportContext) -> None:
    blocks = pembuka.kata_pengantar(perak)
    narrative, signature, end = blocks
    assert isinstance(narrative, Narrative) and narrative.anchor == "kata-pengantar"
    assert narrative.text is not None
    assert "(LKjIP) Kecamatan Perak Tahun 2024" in narrative.text
    assert "{" not in narrative.text  # every variable filled in
    assert isinstance(signature, Signature)
    assert signature.place_date == "Perak, 25 Maret 2025"
    assert signature.jabatan == "CAMAT PERAK"
    assert signature.nama == "Drs. SUPRIYONO"
    assert signature.pangkat == "Pembina"
    assert signature.nip == "19701013 199201 1 001"
    assert isinstance(end, PageBreak)


def test_kata_pengantar_bekasi(bekasi: ReportContext) -> None:
    signature = pembuka.kata_pengantar(bekasi)[1]
    assert signature.place_date == "Bekasi, 10 Januari 2025"
    assert signature.jabatan == "CAMAT BEKASI UTARA"
    assert signature.pangkat == "Pembina Tk.I"
    assert signature.nip == "19800825 199912 1 001"


def test_kata_pengantar_city_text_wins(perak: ReportContext) -> None:
    config = perak.config.model_copy(
        update={"boilerplate": {"kata_pengantar": "Pengantar {kecamatan} {tahun}."}}
    )
    narrative = pembuka.kata_pengantar(dataclasses.replace(perak, config=config))[0]
    assert narrative.text == "Pengantar Perak 2024."


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("197010131992011001", "19701013 199201 1 001"),
        ("19670607 20070 1 1 026", "19670607 200701 1 026"),
        ("19800825 199912 1 001", "19800825 199912 1 001"),
        ("1234  56", "1234 56"),  # not a NIP: kept, spaces tidied
        (None, ""),
    ],
)
def test_nip_spacing(raw: str | None, shown: str) -> None:
    assert common.nip(raw) == shown


def test_hitung_uses_thousands_separator() -> None:
    assert pembuka.hitung(304) == "304 (tiga ratus empat)"
    assert pembuka.hitung(1250) == "1.250 (seribu dua ratus lima puluh)"


# --- ikhtisar ---------------------------------------------------------------------------------
def test_ikhtisar_perak(perak: ReportContext) -> None:
    blocks = pembuka.ikhtisar(perak)
    assert not any(isinstance(b, Table) for b in blocks)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 2
    items = [inline_text(i) for i in lists[0].items]
    assert items[0] == (
        "Nilai evaluasi AKIP Kecamatan Perak: target 73, realisasi 74,64, "
        "capaian 102,25% (Sangat Memuaskan)."
    )
    assert "target 7,8, realisasi 8,13, capaian 104,23%" in items[1]
    text = text_of(blocks)
    assert "2 (dua) sasaran strategis" in text
    assert "2 (dua) Indikator Kinerja Utama (IKU)" in text
    assert "Rata-rata capaian IKU Tahun 2024 adalah 103,24%" in text
    assert "Dari 2 (dua) sasaran strategis, seluruhnya melampaui target." in text
    assert "anggaran sebesar Rp 3.180.247.616 yang terealisasi Rp 2.995.404.515 atau 94,19%" in text
    assert "(SiLPA) sebesar Rp 184.843.101" in text
    # sakip-7 uses the difference form: 103,24 - 94,19 (unrounded: 9,05 points)
    assert "9,05 poin persen (selisih capaian kinerja dan capaian anggaran)" in text
    assert "74,64 dengan predikat BB (Sangat Baik)" in text
    assert "93,53 dengan mutu pelayanan A (Sangat Baik)" in text
    assert text.rstrip().endswith("disajikan pada BAB III.")


def test_ikhtisar_bekasi(bekasi: ReportContext) -> None:
    text = text_of(pembuka.ikhtisar(bekasi))
    assert "3 (tiga) sasaran strategis" in text
    assert "Persentase Peningkatan Wilayah yang Tertib: target 57%, realisasi 60%" in text
    assert "capaian 105,26% (Tercapai)" in text
    assert "Rp 46.754.089.520 yang terealisasi Rp 44.704.453.656 atau 95,62%" in text
    assert "Rp 2.049.635.864" in text
    assert "Efisiensi tercapai pada 3 (tiga) dari 3 (tiga) sasaran" in text
    assert "72,74 dengan predikat BB (Sangat Baik)" in text
    assert "84,84 dengan mutu pelayanan B (Baik)" in text


def test_ikhtisar_ratio_efficiency_and_mixed_counts(sukamaju: ReportContext) -> None:
    text = text_of(pembuka.ikhtisar(sukamaju))
    assert sukamaju.rules.efisiensi == "rasio"
    # (103,87 / 92,58 - 1) x 100 on unrounded values
    assert "12,19% (rasio capaian kinerja terhadap capaian anggaran, dikurangi 100%)" in text
    assert (
        "Dari 3 (tiga) sasaran strategis, 1 (satu) sasaran melampaui target, 1 (satu) sasaran "
        "sesuai target, dan 1 (satu) sasaran tidak mencapai target."
    ) in text
    assert "81,13 dengan predikat A (Memuaskan)" in text


def test_ikhtisar_without_evaluations(perak: ReportContext) -> None:
    text = text_of(pembuka.ikhtisar(without(perak, "evaluasi_sakip", "ikm")))
    assert "AKIP) Kecamatan" not in text
    assert "Indeks Kepuasan Masyarakat" not in text
    assert "Rp 3.180.247.616" in text  # the rest is unchanged
