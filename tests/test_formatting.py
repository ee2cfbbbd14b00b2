import datetime as dt
from decimal import Decimal

from lkjip.formatting import (
    angka,
    angka_bertanda,
    angka_masukan,
    angka_ringkas,
    bilangan_terbilang,
    persen,
    round_half_up,
    rupiah,
    rupiah_ringkas,
    rupiah_terbilang,
    tanggal,
    terbilang,
)
from lkjip.numbers import parse_decimal


def test_rounding_is_half_up_not_half_even():
    assert round_half_up(Decimal("95.255")) == Decimal("95.26")
    assert round_half_up(Decimal("0.125")) == Decimal("0.13")
    assert angka(Decimal("1234567.885")) == "1.234.567,89"


def test_indonesian_formats():
    assert angka(Decimal("74.64")) == "74,64"
    assert persen(Decimal("100.789")) == "100,79%"
    assert rupiah(10802728000) == "Rp 10.802.728.000"
    assert tanggal(dt.date(2024, 12, 31)) == "31 Desember 2024"
    assert angka(None) == "-" and persen(None) == "-"
    assert angka_ringkas(Decimal("73")) == "73"
    assert angka_ringkas(Decimal("7.80")) == "7,8"


def test_terbilang():
    assert bilangan_terbilang(2) == "2 (dua)"
    assert terbilang(17) == "tujuh belas"
    assert rupiah_terbilang(46754089520) == (
        "empat puluh enam miliar tujuh ratus lima puluh empat juta delapan puluh sembilan ribu "
        "lima ratus dua puluh rupiah"
    )


def test_one_minus_sign_for_every_negative_number():
    assert angka(Decimal("-0.2")) == "−0,20"  # U+2212, not the hyphen of an empty cell
    assert angka(-1234, 0) == "−1.234"
    assert rupiah(-5000) == "−Rp 5.000"
    assert angka(Decimal("-0.001")) == "0,00"  # rounds to zero: no sign
    assert angka_bertanda(Decimal("1.67")) == "+1,67"
    assert angka_bertanda(Decimal("-0.01")) == "−0,01"
    assert angka_bertanda(Decimal("0.00")) == "0,00" and angka_bertanda(-3) == "−3"
    assert parse_decimal("−1,5") == Decimal("-1.5") == parse_decimal("-1,5")


def test_entered_values_keep_their_decimals():
    assert angka_masukan(Decimal("76.10")) == "76,10"  # not 76,1
    assert angka_masukan(Decimal("7.8")) == "7,8" and angka_masukan(Decimal("73")) == "73"
    assert angka_masukan(Decimal("8.125")) == "8,13"  # at most two decimals, half-up
    assert angka_masukan(Decimal("82.80") - Decimal("82.50")) == "0,30"
    assert angka_masukan(None) == "-"


def test_rupiah_for_chart_labels():
    assert rupiah_ringkas(29564223620) == "Rp 29,56 miliar"
    assert rupiah_ringkas(75000000) == "Rp 75 juta"
    assert rupiah_ringkas(40466450) == "Rp 40,47 juta"
    assert rupiah_ringkas(850000) == "Rp 850.000"
