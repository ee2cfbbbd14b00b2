"""How a table sits on the page (issue 10): column widths from the measured content, the
orientation, folding a year-by-year table, and the landscape sections of the assembled draft."""

from __future__ import annotations

import pytest

from lkjip.report import tablelayout as tl
from lkjip.report.assemble import Chapter, assemble
from lkjip.report.blocks import Cell, Heading, Para, Table
from lkjip.report.common import table


@pytest.mark.parametrize(
    "text",
    [
        "29.369.223.620",
        "Rp 1.234.567.890",
        "104,74%",
        "−2,5",
        "(12,50)",
        "7.01.01.2.01.0006",
        "19701013 199201 1 001",
        "31 Desember 2024",
        "Februari 2025",
        "12 orang",
        "▲ 2,03",
    ],
)
def test_numbers_codes_nip_and_dates_are_unbreakable(text):
    assert tl.unbreakable(text)
    assert " " not in tl.keep_whole(text)  # its spaces become non-breaking


@pytest.mark.parametrize("text", ["Program Penunjang Urusan", "Sangat Berhasil", "Tahun 2024"])
def test_text_may_wrap_between_words(text):
    assert not tl.unbreakable(text)
    assert tl.keep_whole(text) == text


def test_text_width_follows_the_font_metrics():
    # Arial/Liberation Sans: a digit is 1139/2048 em; bold letters are wider than regular ones.
    assert tl.text_width("0000", size=9) == pytest.approx(4 * 1139 * 9 / 2048)
    assert tl.text_width("Realisasi", bold=True) > tl.text_width("Realisasi")


def money_table(rows: int, money_columns: int, words: str = "penyelenggaraan urusan") -> Table:
    header = ["No", "Uraian", *[f"Pagu {n}" for n in range(money_columns)]]
    body = [
        [str(r + 1), f"Sub kegiatan {words} nomor {r}"] + ["1.234.567.890.123"] * money_columns
        for r in range(rows)
    ]
    return table(header, body, aligns=["center", "left", *["right"] * money_columns])


def test_a_number_column_is_as_wide_as_its_longest_value_and_text_takes_the_rest():
    item = money_table(rows=5, money_columns=2)
    result = tl.layout(item)
    assert not result.landscape and result.size == tl.TABLE_SIZE
    assert sum(result.widths) == pytest.approx(tl.PORTRAIT_WIDTH)
    money = tl.text_width("1.234.567.890.123") + tl.PADDING
    header = tl.text_width("Pagu 0", bold=True) + tl.PADDING
    assert result.widths[2] >= money and result.widths[3] >= money
    assert result.widths[2] < money * 1.1  # numbers get no more than they need
    assert result.widths[0] < result.widths[1]  # "No" stays narrow, the text column is wide
    assert result.widths[2] >= header


def test_header_words_stay_whole():
    item = table(["Realisasi", "Jumlah"], [["1", "2"]])
    needs = tl.column_needs(item)
    assert needs[0].minimum >= tl.text_width("Realisasi", bold=True)
    assert needs[1].minimum >= tl.text_width("Jumlah", bold=True)


def test_a_wide_long_table_goes_landscape_at_the_table_size():
    item = money_table(rows=30, money_columns=7)
    result = tl.layout(item)
    assert result.landscape and result.size == tl.TABLE_SIZE
    assert sum(result.widths) == pytest.approx(tl.LANDSCAPE_WIDTH)


def test_a_small_table_stays_portrait_when_it_fits_at_a_slightly_smaller_size():
    item = money_table(rows=3, money_columns=5, words="")
    assert sum(n.minimum for n in tl.column_needs(item)) > tl.PORTRAIT_WIDTH  # not at 9 pt
    result = tl.layout(item)
    assert not result.landscape
    assert tl.SMALL_TABLE_SIZE <= result.size < tl.TABLE_SIZE


def test_a_table_too_wide_even_for_landscape_shrinks_but_not_below_the_minimum():
    item = money_table(rows=20, money_columns=12)
    result = tl.layout(item)
    assert result.landscape and tl.MIN_SIZE <= result.size < tl.TABLE_SIZE


def test_distribute_gives_minimums_then_shares_by_what_each_column_lacks():
    needs = [tl.Need(20, 20, 20), tl.Need(50, 72, 300, text=True), tl.Need(60, 60, 60)]
    widths = tl.distribute(needs, 250)
    assert sum(widths) == pytest.approx(250)
    assert widths[0] == pytest.approx(20) and widths[2] == pytest.approx(60)
    roomy = tl.distribute(needs, 500)  # more than every column's one-line width
    assert roomy[0] == pytest.approx(20) and roomy[1] == pytest.approx(420)


def year_table(rows: int, years: int = 3) -> Table:
    head = [
        [Cell("No", rowspan=2), Cell("Indikator", rowspan=2), Cell("Satuan", rowspan=2)]
        + [Cell(f"Tahun {2022 + y}", colspan=3) for y in range(years)]
        + [Cell("Tren", rowspan=2)],
        [Cell(label) for _ in range(years) for label in ("Target", "Realisasi", "Capaian (%)")],
    ]
    body = [
        [Cell(str(r + 1)), Cell("Nilai AKIP Kecamatan"), Cell("nilai")]
        + [Cell(v) for _ in range(years) for v in ("70,5", "72,61", "103,00")]
        + [Cell("▲ 2,03")]
        for r in range(rows)
    ]
    aligns = ["center", "left", "left", *["right"] * 3 * years, "center"]
    return Table(head=head, body=body, aligns=aligns, caption="Perbandingan")


def test_a_small_year_by_year_table_is_folded_to_stay_portrait():
    item = year_table(rows=2, years=5)
    assert tl.layout(item).landscape
    drawn, result = tl.arrange(item)
    assert not result.landscape
    assert [c.text for c in drawn.head[0]] == [
        "No", "Indikator", "Satuan", "Uraian",
        "Tahun 2022", "Tahun 2023", "Tahun 2024", "Tahun 2025", "Tahun 2026", "Tren",
    ]  # fmt: skip
    assert len(drawn.body) == 2 * 3  # Target, Realisasi, Capaian for each indicator
    measures = [row[3 if n % 3 == 0 else 0].text for n, row in enumerate(drawn.body[:3])]
    assert measures == ["Target", "Realisasi", f"Capaian{tl.NBSP}(%)"]  # each on one line
    first = drawn.body[0]
    assert first[1].text == "Nilai AKIP Kecamatan" and first[1].rowspan == 3
    assert [c.text for c in drawn.body[1]] == ["Realisasi", *["72,61"] * 5]


def test_a_long_year_by_year_table_is_not_folded():
    item = year_table(rows=tl.FOLD_ROWS + 1, years=5)
    drawn, result = tl.arrange(item)
    assert drawn is item and result.landscape


def chapter_of(*items) -> list[Chapter]:
    return [Chapter("01-bab", [Heading("Pendahuluan", level=1), *items], kind="bab", number=1)]


def landscape_sections(assembled) -> int:
    """Landscape Word sections: those ended in the text, and the last one."""
    raw = [
        b["c"][1]
        for b in assembled.document["blocks"]
        if b.get("t") == "RawBlock" and b["c"][0] == "openxml"
    ]
    return sum('w:orient="landscape"' in r for r in raw) + assembled.last_section.landscape


def test_consecutive_wide_tables_share_one_landscape_section():
    wide = money_table(rows=30, money_columns=7)
    other = money_table(rows=30, money_columns=7)
    together = assemble(chapter_of(wide, Para(["Selanjutnya:"]), other), {})
    assert landscape_sections(together) == 1
    text = "Paragraf panjang " * 10
    apart = [Para([text]) for _ in range(8)]
    separate = assemble(chapter_of(money_table(30, 7), *apart, money_table(30, 7)), {})
    assert landscape_sections(separate) == 2


def test_small_tables_stay_in_the_portrait_flow():
    small = table(["No", "Batas", "Wilayah"], [["1", "Utara", "Kecamatan A"]])
    assembled = assemble(chapter_of(Para(["Teks."]), small, Para(["Teks."])), {})
    assert landscape_sections(assembled) == 0
