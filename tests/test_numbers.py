from decimal import Decimal

import pytest

from lkjip.numbers import NumberTextError, parse_decimal, parse_integer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75,5", "75.5"),
        ("1.234.567", "1234567"),
        ("Rp 10.802.728.000,00", "10802728000.00"),
        ("Rp. 46.754.089.520,-", "46754089520"),
        ("100%", "100"),
        ("102,2 %", "102.2"),
        ("52.08 %", "52.08"),
        ("6,001,500", "6001500"),
        ("84.84", "84.84"),
        ("1.234", "1234"),
        ("0,5", "0.5"),
        ("-1,5", "-1.5"),
        ("  3 180 247 616 ", "3180247616"),
        (74.64, "74.64"),
        (3180247616, "3180247616"),
    ],
)
def test_indonesian_number_text_is_normalised(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "-", None, "  "])
def test_empty_cells_are_none(text):
    assert parse_decimal(text) is None


@pytest.mark.parametrize("text", ["abc", "12a", "1.2.3,4,5", "1,23,4"])
def test_text_in_a_number_cell_is_rejected_in_indonesian(text):
    with pytest.raises(NumberTextError, match="bukan angka"):
        parse_decimal(text)


def test_money_must_be_whole_rupiah():
    assert parse_integer("Rp 1.000,00") == 1000
    with pytest.raises(NumberTextError, match="bilangan bulat"):
        parse_integer("1.000,50")
