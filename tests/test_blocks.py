from lkjip.report.blocks import (
    Cell,
    ListBlock,
    Para,
    Ref,
    Strong,
    Table,
    escape_markdown,
    from_json,
    table_markdown,
    to_json,
)


def test_blocks_survive_the_notebook_json_round_trip():
    blocks = [
        Para(["Lihat ", Ref("tbl-x"), " dan ", Strong("tebal"), "."], style="Sumber"),
        ListBlock([["satu"], [Strong("dua")]], ordered=True),
        Table(
            head=[[Cell("A", colspan=2)]], body=[[Cell("1"), Cell("2", align="right")]], wide=True
        ),
    ]
    assert [from_json(to_json(b)) for b in blocks] == blocks


def test_markdown_of_merged_headers_names_every_column():
    table = Table(
        head=[
            [Cell("No", rowspan=2), Cell("Tahun 2024", colspan=2)],
            [Cell("Target"), Cell("Realisasi")],
        ],
        body=[[Cell("x", rowspan=2), Cell("a"), Cell("b")], [Cell("c"), Cell("d")]],
        aligns=["left", "right", "right"],
    )
    assert table_markdown(table).splitlines() == [
        "| No | Tahun 2024 Target | Tahun 2024 Realisasi |",
        "| :--- | ---: | ---: |",
        "| x | a | b |",
        "|  | c | d |",
    ]


def test_markdown_escapes_markup_from_data():
    assert escape_markdown("<b>x</b> *y* [z](u) @tbl-a") == (
        "\\<b\\>x\\</b\\> \\*y\\* \\[z\\]\\(u\\) \\@tbl-a"
    )
