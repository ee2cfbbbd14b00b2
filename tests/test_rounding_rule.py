"""Rounding per city (issue 12, item 9): half-up stays the default; a city may choose to cut
after two decimals (``aturan: {pembulatan: potong}``), as Kota Bekasi's own tables do; the method
text states the rule in force. One helper rounds every number presented
(:func:`lkjip.formatting.bulatkan`), once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from conftest import BEKASI_UTARA, PARAMS
from lkjip.formatting import angka, angka_bertanda, pembulatan, persen, round_half_up
from lkjip.report import bab3, lampiran
from lkjip.report.context import open_report
from test_report_bab3 import body, only_table, text

DILIMPAHKAN = "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan"


def test_cutting_after_two_decimals():
    with pembulatan("potong"):
        assert angka(Decimal("95.255")) == "95,25"
        assert persen(Decimal("104.7407")) == "104,74%"
        assert angka(Decimal("1234567.889")) == "1.234.567,88"
        assert angka(Decimal("-1.239")) == "−1,23"  # towards zero
        assert angka_bertanda(Decimal("0.999")) == "+0,99"
        assert round_half_up(Decimal("95.255")) == Decimal("95.26")  # comparisons stay exact
    assert angka(Decimal("95.255")) == "95,26"  # the default again after the block


def bekasi_config(tmp_path: Path, **aturan: str) -> Path:
    config = yaml.safe_load((PARAMS / "kota-bekasi.yaml").read_text(encoding="utf-8"))
    config["aturan"] = {**config["aturan"], **aturan}
    config["kecamatan"][0]["data"] = str(BEKASI_UTARA)
    path = tmp_path / "kota-bekasi.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def serapan_dilimpahkan(ctx) -> str:
    table = only_table(lampiran.tabel_rincian_anggaran(ctx))
    row = next(r for r in body(table) if r[1] == DILIMPAHKAN)
    return row[table.head[0].index(next(c for c in table.head[0] if c.text == "Serapan"))]


def test_a_city_that_cuts_prints_what_its_own_report_prints(tmp_path: Path):
    """47.627.500 / 50.000.000 = 95,255: Kota Bekasi's Tabel 3.12 prints 95,25% (cut), half-up
    gives 95,26% (notes-004 §6 #19 and the reconciled table, row 19)."""
    half_up = open_report(bekasi_config(tmp_path), "bekasi-utara")
    assert serapan_dilimpahkan(half_up) == "95,26%"
    assert [c.text for c in only_table(bab3.tabel_capaian_iku(half_up)).foot[0]][1] == "104,64"
    method = text(bab3.metode_ketentuan(half_up))
    assert (
        "Angka desimal disajikan dengan dua angka di belakang koma dengan pembulatan setengah ke "
        "atas (95,255 ditulis 95,26; 95,254 ditulis 95,25). Pembulatan dilakukan satu kali, pada "
        "saat penyajian; seluruh perhitungan memakai nilai sebelum pembulatan."
    ) in method

    # the rule of the report last opened is in force in the process (one report at a time)
    cut = open_report(bekasi_config(tmp_path, pembulatan="potong"), "bekasi-utara")
    assert serapan_dilimpahkan(cut) == "95,25%"
    method = text(bab3.metode_ketentuan(cut))
    assert (
        "Angka desimal disajikan dengan dua angka di belakang koma dengan cara pemotongan: angka "
        "ketiga di belakang koma dan seterusnya diabaikan tanpa pembulatan (95,255 ditulis 95,25)."
    ) in method
    # the mean of the exact capaian (104,7407…, 103,9142…, 105,2631…) is 104,6393…: cut 104,63
    table = only_table(bab3.tabel_capaian_iku(cut))
    assert [c.text for c in table.foot[0]][1] == "104,63"
