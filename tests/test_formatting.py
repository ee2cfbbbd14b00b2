import datetime as dt
from decimal import Decimal

from lkjip.formatting import (
    angka,
    angka_ringkas,
    bilangan_terbilang,
    persen,
    round_half_up,
    rupiah,
    rupiah_terbilang,
    tanggal,
    terbilang,
)


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
