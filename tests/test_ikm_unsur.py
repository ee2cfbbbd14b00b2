"""IKM as the region measures it (issue 12 item 10): the unsur named by the rules, the unsur
table (NRR per unsur, mean, index = mean × 25) and the mutu scale table."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path

from conftest import PARAMS, ROOT, inline_text, run_cli
from lkjip.loader import load_kecamatan
from lkjip.metrics.evaluasi import ikm_result, ikm_unsur, mutu_scale
from lkjip.report import bab1
from lkjip.report.blocks import Para, Table
from lkjip.report.context import ReportContext
from lkjip.rules import load_rules

# PermenPAN-RB 16/2014: nine unsur, "Maklumat Pelayanan" among them; its mutu scale.
UNSUR_2014 = {
    "U1": "Persyaratan",
    "U2": "Prosedur",
    "U3": "Waktu Pelayanan",
    "U4": "Biaya/Tarif",
    "U5": "Produk Spesifikasi Jenis Pelayanan",
    "U6": "Kompetensi Pelaksana",
    "U7": "Perilaku Pelaksana",
    "U8": "Maklumat Pelayanan",
    "U9": "Penanganan Pengaduan, Saran dan Masukan",
}
SKALA_2014 = [
    {"kode": "A", "label": "Sangat Baik", "min": "81.25"},
    {"kode": "B", "label": "Baik", "min": "62.50"},
    {"kode": "C", "label": "Kurang Baik", "min": "43.75"},
    {"kode": "D", "label": "Tidak Baik"},
]
SUMBER_2014 = "Peraturan Menteri PANRB Nomor 16 Tahun 2014"


def rows(part: list) -> list[list[str]]:
    return [[c.text for c in row] for row in part]


def only_table(blocks: list) -> Table:
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    return blocks[0]


def text_of(blocks: list) -> str:
    return "\n".join(inline_text(b.content) for b in blocks if isinstance(b, Para))


def test_the_unsur_table_of_a_generated_city(sukamaju: ReportContext) -> None:
    """Four services each scored on the nine unsur: the unit NRR per unsur is their mean, the
    mean NRR × 25 is the unit IKM printed in the IKM table."""
    table = only_table(bab1.tabel_ikm_unsur(sukamaju))
    assert [c.text for c in table.head[0]] == ["No", "Unsur Pelayanan", "NRR", "NRR × 25", "Mutu"]
    body = rows(table.body)
    assert [r[1] for r in body] == list(load_rules().ikm_unsur.values())
    assert body[3] == ["4", "Biaya/Tarif", "3,2125", "80,31", "B"]
    assert rows(table.foot) == [
        ["Rata-rata NRR", "3,2544", "", ""],
        ["IKM (rata-rata NRR × 25)", "", "81,36", "B"],
    ]
    assert rows(only_table(bab1.tabel_ikm(sukamaju)).foot)[0][-2] == "81,36"
    assert "rata-rata NRR unsur itu pada 4 (empat) jenis layanan" in table.source
    text = text_of(bab1.evaluasi_ikm(sukamaju))
    assert "Survei mengukur 9 (sembilan) unsur pelayanan sesuai Peraturan Menteri" in text
    assert "terendah terdapat pada unsur Biaya/Tarif (3,2125)" in text
    assert "tertinggi pada unsur Kompetensi Pelaksana (3,3175)" in text
    assert "@tbl-bab1-ikm-unsur dan skala mutu pelayanan pada @tbl-bab1-ikm-mutu." in text


def test_the_mutu_scale_is_the_regulation_table(sukamaju: ReportContext) -> None:
    """PermenPAN-RB 14/2017, Lampiran: NI 1,00–2,5996 / NIK 25,00–64,99 D … 3,5324–4,00 /
    88,31–100,00 A; derived from the bands of the rules in force."""
    table = only_table(bab1.tabel_ikm_mutu(sukamaju))
    assert rows(table.body) == [
        ["1", "1,00 – 2,5996", "25,00 – 64,99", "D", "Tidak Baik"],
        ["2", "2,60 – 3,064", "65,00 – 76,60", "C", "Kurang Baik"],
        ["3", "3,0644 – 3,532", "76,61 – 88,30", "B", "Baik"],
        ["4", "3,5324 – 4,00", "88,31 – 100,00", "A", "Sangat Baik"],
    ]
    assert "Nomor 14 Tahun 2017" in table.source


def test_no_unsur_table_without_unsur_values(perak: ReportContext, bekasi: ReportContext):
    for ctx in (perak, bekasi):  # the references give the final IKM per service only
        assert bab1.tabel_ikm_unsur(ctx) == [] and bab1.tabel_ikm_mutu(ctx) == []
        assert "tbl-bab1-ikm-unsur" not in text_of(bab1.evaluasi_ikm(ctx))


def test_a_city_on_the_2014_regulation(sukamaju: ReportContext) -> None:
    """Unsur names, their count and the mutu bands come from the city's rules."""
    rules = load_rules(
        {"ikm_unsur": UNSUR_2014, "skala_ikm": SKALA_2014, "ikm_sumber": SUMBER_2014}
    )
    ctx = dataclasses.replace(sukamaju, rules=rules)
    body = rows(only_table(bab1.tabel_ikm_unsur(ctx)).body)
    assert body[7][1] == "Maklumat Pelayanan"
    mutu = rows(only_table(bab1.tabel_ikm_mutu(ctx)).body)
    assert [r[2] for r in mutu] == [
        "25,00 – 43,75",
        "43,76 – 62,50",
        "62,51 – 81,25",
        "81,26 – 100,00",
    ]
    assert "sesuai Peraturan Menteri PANRB Nomor 16 Tahun 2014." in text_of(bab1.evaluasi_ikm(ctx))
    assert [level.band.kode for level in mutu_scale(rules)] == ["D", "C", "B", "A"]


def _with_ikm(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "kec"
    shutil.copytree(ROOT / "data/kota-contoh/2024/sukamaju", folder)
    (folder / "ikm.csv").write_text(text, encoding="utf-8")
    return folder


def test_services_scored_on_different_unsur_get_a_column_each(tmp_path: Path):
    """When services do not share their unsur, no unit NRR is invented: one column per service
    with its own mean and index."""
    folder = _with_ikm(
        tmp_path,
        "tahun,layanan,unsur,nrr\n"
        + "".join(f'2024,KTP,U{u},"3,{40 + u}"\n' for u in range(1, 10))
        + "".join(f'2024,KK,U{u},"3,{60 + u}"\n' for u in range(1, 9)),
    )
    data = load_kecamatan(folder)
    unsur = ikm_unsur(ikm_result(data, load_rules(), 2024), load_rules())
    assert unsur is not None and not unsur.seragam
    assert unsur.unsur[-1].per_layanan == {"KTP": Decimal("3.49"), "KK": None}
    assert unsur.nilai["KTP"] == Decimal("3.45") * 25  # mean of 3,41 … 3,49
    assert unsur.nilai["KK"] == Decimal("3.645") * 25  # eight unsur: mean of 3,61 … 3,68
    result = run_cli("validate", folder, "--params", PARAMS / "kota-contoh.yaml")
    assert "layanan 'KK' tahun 2024 tanpa nilai unsur U9; IKM dihitung dari 8 unsur" in (
        result.output
    )


def test_validate_names_an_unsur_the_rules_do_not_know(tmp_path: Path):
    folder = _with_ikm(tmp_path, 'tahun,layanan,unsur,nrr\n2024,KTP,U10,"3,40"\n')
    result = run_cli("validate", folder, "--params", PARAMS / "kota-contoh.yaml")
    assert result.code == 1
    assert "sheet ikm, baris 2, kolom unsur: unsur 'U10' tidak dikenal aturan yang berlaku" in (
        result.output
    )
    assert "seharusnya salah satu dari: U1, U2, U3, U4, U5, U6, U7, U8, U9" in result.output
