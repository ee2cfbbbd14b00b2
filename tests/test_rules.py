from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip.config import load_config
from lkjip.metrics.capaian import Achievement, capaian
from lkjip.metrics.efisiensi import efisiensi
from lkjip.problems import InputError
from lkjip.rules import classify, load_rules, preset_names


def kode(value: str, preset: str) -> str:
    return classify(D(value), load_rules({"preset": preset}).skala_capaian).kode


def test_presets_of_the_reference_reports_are_shipped_and_documented():
    assert {"permendagri-5", "sakip-7", "skala-4", "tercapai"} <= set(preset_names())
    for name in preset_names():
        rules = load_rules({"preset": name})
        assert rules.sumber and rules.nama


@pytest.mark.parametrize("name", preset_names())
def test_a_preset_cites_regulations_not_a_report(name):
    """BAB III prints ``sumber`` as the basis of its own method: a report citing a report (or
    itself) as the source of its rules is not something a Camat signs."""
    sumber = load_rules({"preset": name}).sumber
    for word in ("LKjIP", "LKIP", "LAKIP", "Laporan Kinerja", "Kecamatan", "Tabel", "BAB"):
        assert word not in sumber, (name, word)
    assert "Nomor 53 Tahun 2014" in sumber  # PermenPAN-RB 53/2014: measuring capaian kinerja


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", "AA"),
        ("90.01", "AA"),
        ("90", "A"),
        ("80.01", "A"),
        ("80", "BB"),
        ("70", "B"),
        ("60", "CC"),
        ("50", "C"),
        ("40.01", "C"),
        ("40", "D"),
        ("0", "D"),
    ],
)
def test_seven_level_scale_is_left_open_right_closed(value, expected):
    # Perak L711-718: "> 80 s/d 90" = A, so 80,00 is BB and 80,01 is A.
    assert kode(value, "sakip-7") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("90.01", "ST"),
        ("90", "T"),
        ("75.1", "T"),
        ("75", "S"),
        ("65.1", "S"),
        ("65", "R"),
        ("50.1", "R"),
        ("50", "SR"),
    ],
)
def test_five_level_scale(value, expected):
    assert kode(value, "permendagri-5") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("100.01", "SB"), ("100", "B"), ("75", "B"), ("74.99", "C"), ("55", "C"), ("54.99", "K")],
)
def test_four_level_scale(value, expected):
    assert kode(value, "skala-4") == expected


def test_lower_is_better_variants():
    ratio = load_rules({"preset": "permendagri-5"})
    twice = load_rules({"preset": "skala-4"})
    assert capaian(D(10), D(8), "turun", ratio) == D(125)
    assert capaian(D(10), D(8), "turun", twice) == D(120)
    assert capaian(D(10), D(12), "turun", twice) == D(80)
    assert capaian(D(10), D(8), "naik", ratio) == D(80)


def test_zero_target_gives_no_capaian_instead_of_crashing():
    rules = load_rules()
    assert capaian(D(0), D(5), "naik", rules) is None
    assert capaian(D(5), D(0), "turun", rules) is None
    assert Achievement.of(None, rules).kategori is None


def test_capping_keeps_both_numbers():
    # Perak L720: capaian above 100 counts as 100 for the predicate; averages stay uncapped.
    rules = load_rules({"preset": "sakip-7"})
    result = Achievement.of(D("104.23"), rules)
    assert result.nilai == D("104.23")
    assert result.nilai_kategori == D(100)
    assert result.kategori.kode == "AA"
    assert Achievement.of(D("-5"), rules).nilai_kategori == D(0)


def test_efficiency_forms():
    assert efisiensi(D("103.2"), D("94.19"), load_rules({"preset": "sakip-7"})) == D("9.01")
    ratio = efisiensi(D("110"), D("100"), load_rules({"preset": "permendagri-5"}))
    assert ratio == D(10)


def test_city_overrides_one_piece_of_a_preset(tmp_path: Path):
    config = tmp_path / "kota.yaml"
    config.write_text(
        "nama: Kota Uji\njenis: kota\ntahun: 2024\n"
        "aturan: {preset: sakip-7, efisiensi: rasio}\n"
        "kecamatan: [{slug: satu, nama: Satu, data: satu}]\n",
        encoding="utf-8",
    )
    rules = load_config(config).rules_for()
    assert rules.efisiensi == "rasio"
    assert rules.capaian_batas_atas == D(100)
    assert [b.kode for b in rules.skala_capaian][:2] == ["AA", "A"]


@pytest.mark.parametrize(
    ("aturan", "message"),
    [
        ("{preset: tidak-ada}", "preset aturan 'tidak-ada' tidak dikenal"),
        ("{preset: sakip-7, efisiensi: kali}", "aturan.efisiensi: pilihan tidak dikenal"),
    ],
)
def test_bad_rules_in_a_city_config_are_reported_in_indonesian(tmp_path, aturan, message):
    config = tmp_path / "kota.yaml"
    config.write_text(
        f"nama: Kota Uji\njenis: kota\ntahun: 2024\naturan: {aturan}\n"
        "kecamatan: [{slug: satu, nama: Satu, data: satu}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=message):
        load_config(config)
