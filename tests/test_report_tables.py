"""What every table of the report has in common, checked over all table builders of all chapters
and the sample kecamatan: no empty "Jumlah" row, one source line per group of tables."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

from lkjip.report import bab1, bab2, bab3, lampiran
from lkjip.report.blocks import Table
from lkjip.report.context import ReportContext

BUILDERS: list[Callable[[ReportContext], list]] = [
    function
    for module in (bab1, bab2, bab3, lampiran)
    for name, function in inspect.getmembers(module, inspect.isfunction)
    # a chapter's own builders: defined in its module, or in its package's section modules
    if name.startswith("tabel_") and (function.__module__ + ".").startswith(module.__name__ + ".")
]


def tables(ctx: ReportContext) -> list[tuple[str, Table]]:
    return [
        (builder.__name__, block)
        for builder in BUILDERS
        for block in builder(ctx)
        if isinstance(block, Table)
    ]


@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju", "mekarsari"])
def test_no_table_ends_with_an_empty_total_row(kecamatan, request):
    for name, table in tables(request.getfixturevalue(kecamatan)):
        for row in table.foot:
            assert any(cell.text.strip() for cell in row[1:]), (name, [c.text for c in row])


# --- one source line per group of tables -------------------------------------------------------
GROUPS = {  # consecutive tables of one section from one source, in the notebooks' order
    "aparatur": [
        bab1.tabel_pegawai_pendidikan,
        bab1.tabel_pegawai_golongan,
        bab1.tabel_pegawai_jk,
        bab1.tabel_pejabat,
    ],
    "perjanjian kinerja": [bab2.tabel_pk_iku, bab2.tabel_pk_program],
    "lampiran perjanjian kinerja": [lampiran.tabel_pk_iku, lampiran.tabel_pk_program],
    "capaian": [bab3.tabel_capaian_iku, bab3.tabel_klasifikasi, bab3.tabel_triwulan_kinerja],
    "tren": [bab3.tabel_tren, bab3.tabel_tren_program],
    "renstra": [bab3.tabel_renstra, bab3.tabel_renstra_program],
    "anggaran": [
        bab3.tabel_anggaran_program,
        bab3.tabel_anggaran_sasaran,
        bab3.tabel_anggaran_unit,
        bab3.tabel_jenis_belanja,
    ],
}


@pytest.mark.parametrize("group", list(GROUPS))
@pytest.mark.parametrize("kecamatan", ["perak", "bekasi", "sukamaju", "mekarsari"])
def test_a_group_of_tables_prints_its_source_once_after_the_last(group, kecamatan, request):
    ctx = request.getfixturevalue(kecamatan)
    shown = [t for builder in GROUPS[group] for t in builder(ctx) if isinstance(t, Table)]
    if not shown:
        return
    assert [bool(t.source) for t in shown] == [False] * (len(shown) - 1) + [True], group
    if len(shown) > 1:
        assert "(untuk tabel ini dan " in shown[-1].source


def test_source_lines_of_bekasi_utara(bekasi):
    """notes-004: four budget tables (per program, sasaran, unit, jenis belanja) and three
    capaian tables each printed the same line; now once, naming the tables it covers."""
    (jenis,) = bab3.tabel_jenis_belanja(bekasi)
    assert jenis.source == (
        "Data realisasi anggaran Kecamatan Bekasi Utara Tahun 2024, diolah (untuk tabel ini dan "
        "3 (tiga) tabel sebelumnya)"
    )
    assert [t.source for b in GROUPS["anggaran"][:3] for t in b(bekasi)] == ["", "", ""]
    (triwulan,) = bab3.tabel_triwulan_kinerja(bekasi)
    assert triwulan.source.endswith("(untuk tabel ini dan 2 (dua) tabel sebelumnya)")
    # A table alone keeps its plain line: the arrows' note stays with the trend table.
    (tren,) = bab3.tabel_tren(bekasi)
    assert tren.source == (
        "Data capaian kinerja Kecamatan Bekasi Utara Tahun 2024, diolah; ▲ naik, ● tetap, "
        "▼ turun dibanding tahun sebelumnya"
    )
    (pk,) = bab2.tabel_pk_program(bekasi)
    assert pk.source == (
        "Perjanjian Kinerja Kecamatan Bekasi Utara Tahun 2024 (untuk tabel ini dan tabel "
        "sebelumnya)"
    )


def test_comparator_source_names_no_sheet(perak):
    (table,) = bab3.tabel_pembanding(perak)
    assert table.source.startswith(
        "Data capaian Kecamatan Perak dan nilai pembanding Tahun 2024, diolah"
    )
    assert "Sheet" not in table.source
