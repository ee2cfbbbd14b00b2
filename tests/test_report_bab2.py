"""BAB II Perencanaan Kinerja: what readers get, pinned to the reference reports.

Perak: notes-002 T06/T07 (Tabel 2.1, PK total 3.180.247.616). Bekasi Utara: notes-004 Tabel 2.1,
2.3 and 2.4 (TW sums recomputed in notes-004 A.2; pagu murni 46.273.489.520).
"""

from __future__ import annotations

import json

from conftest import ROOT, switched_off
from lkjip.report import bab2
from lkjip.report.blocks import Block, Heading, ListBlock, Narrative, Para, Ref, Strong, Table


def text(block: Block) -> str:
    """What a reader sees of a paragraph or list (references as their label)."""
    items = block.items if isinstance(block, ListBlock) else [block.content]  # type: ignore[union-attr]
    out = []
    for item in items:
        for piece in item:
            out.append(piece.text if isinstance(piece, Strong) else getattr(piece, "label", piece))
    return "".join(out)


def refs(blocks: list[Block]) -> set[str]:
    found = set()
    for block in blocks:
        pieces = (
            [p for item in block.items for p in item]
            if isinstance(block, ListBlock)
            else block.content
            if isinstance(block, Para)
            else []
        )
        found |= {p.label for p in pieces if isinstance(p, Ref)}
    return found


def only_table(blocks: list[Block]) -> Table:
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    return blocks[0]


def row_texts(row) -> list[str]:
    return [c.text for c in row]


def find_row(tab: Table, first: str) -> list[str]:
    """The body row whose cells include ``first`` (first match)."""
    for row in tab.body:
        if first in row_texts(row):
            return row_texts(row)
    raise AssertionError(f"no row with {first!r}")


# --- intro and Renstra -------------------------------------------------------------------------
def test_intro_is_the_shared_perencanaan_text(perak, bekasi):
    (block,) = bab2.pendahuluan(perak)
    assert isinstance(block, Narrative)
    assert (block.anchor, block.title) == ("perencanaan", "Perencanaan Kinerja")
    assert "Renstra) Kecamatan Perak periode 2024-2026" in block.text
    assert "RPD Kabupaten Jombang" in block.text and "Bupati" in block.text
    assert "Wali Kota" in bab2.pendahuluan(bekasi)[0].text


def test_renstra_counts_with_words_and_visi_misi(perak, bekasi, sukamaju):
    misi, counts = bab2.rencana_strategis(perak)
    assert "misi Kabupaten Jombang" in text(misi)
    assert "Mewujudkan Tata Kelola Pemerintahan yang Bersih dan Profesional" in text(misi)
    assert "menetapkan 2 (dua) tujuan dan 2 (dua) sasaran strategis dengan 2 (dua) Indikator" in (
        text(counts)
    )
    visi, counts = bab2.rencana_strategis(bekasi)
    assert "visi Kota Bekasi, yaitu “Kota Bekasi yang Cerdas, Kreatif" in text(visi)
    assert "2 (dua) tujuan dan 3 (tiga) sasaran strategis dengan 3 (tiga) Indikator Kinerja" in (
        text(counts)
    )
    assert refs([counts]) == {"tbl-bab2-tujuan-sasaran"}
    both, counts = bab2.rencana_strategis(sukamaju)
    assert "khususnya misi" in text(both)
    assert "2 (dua) indikator tujuan" in text(counts)


def test_tujuan_sasaran_table_bekasi_utara(bekasi):
    tab = only_table(bab2.tabel_tujuan_sasaran(bekasi))
    top, years = tab.head
    assert [(c.text, c.colspan) for c in top if c.colspan > 1] == [("Target Tahun", 3)]
    assert row_texts(years) == ["2024", "2025", "2026"]
    first = tab.body[0]
    # Tujuan 1 is merged over its two sasaran (Tabel 2.1 of the reference).
    assert (first[0].text, first[0].rowspan, first[1].rowspan) == ("1.", 2, 2)
    assert row_texts(first)[-4:] == ["81", "81,50", "82", "82"]
    assert row_texts(tab.body[1])[-4:] == ["70", "71", "72", "72"]
    assert row_texts(tab.body[2])[0] == "2."
    assert row_texts(tab.body[2])[-5:] == ["Persen", "57", "60", "61", "61"]


def test_tujuan_sasaran_years_only_with_targets(perak, sukamaju):
    # Perak has Renstra 2024-2026 but no 2025 targets: the column is left out.
    assert row_texts(only_table(bab2.tabel_tujuan_sasaran(perak)).head[1]) == ["2024", "2026"]
    tab = only_table(bab2.tabel_tujuan_sasaran(sukamaju))
    assert row_texts(tab.head[1]) == ["2022", "2023", "2024", "2025", "2026"]
    indikator_tujuan = find_row(tab, "Persentase capaian sasaran strategis Renstra Kecamatan")
    assert "(indikator tujuan)" in indikator_tujuan
    assert indikator_tujuan[-6:] == ["75,50", "77,50", "79", "80,50", "82", "82"]


def test_renstra_years_come_from_the_period_label(perak, sukamaju):
    assert bab2.renstra_years(perak) == [2024, 2025, 2026]
    assert bab2.renstra_years(sukamaju) == [2022, 2023, 2024, 2025, 2026]


# --- IKU ----------------------------------------------------------------------------------------
def test_iku_table(perak, bekasi):
    tab = only_table(bab2.tabel_iku(bekasi))
    header = row_texts(tab.head[0])
    assert header[-1] == "Target 2024" and tab.wide
    assert "Penanggung Jawab" not in header  # empty for every IKU of Bekasi Utara
    assert [row_texts(r)[-1] for r in tab.body] == ["81", "70", "57"]
    tab = only_table(bab2.tabel_iku(perak))
    assert "Penanggung Jawab" in row_texts(tab.head[0])
    assert find_row(tab, "Nilai evaluasi AKIP Kecamatan Perak")[-2:] == ["Camat Perak", "73"]
    iku_rows = [r for r in tab.body if r[0].text]
    assert [row_texts(r)[-1] for r in iku_rows] == ["73", "7,8"]


def test_iku_definisi_operasional_in_a_merged_row(perak, bekasi):
    """T08: the reference prints each IKU's definisi operasional in a merged row below it."""
    tab = only_table(bab2.tabel_iku(perak))
    assert len(tab.body) == 4
    definition = tab.body[1]
    assert definition[0].text == "" and definition[1].colspan == 7
    assert definition[1].text.startswith(
        "Definisi operasional: Akuntabilitas kinerja instansi pemerintah (AKIP) adalah"
    )
    assert "PermenPAN-RB Nomor 17 Tahun 2017" in tab.body[3][1].text
    assert len(only_table(bab2.tabel_iku(bekasi)).body) == 3  # none given: no extra rows


def test_iku_reasons_only_where_written(perak, bekasi):
    blocks = bab2.indikator_kinerja_utama(bekasi)
    narratives = [b for b in blocks if isinstance(b, Narrative)]
    assert [n.anchor for n in narratives] == ["alasan-iku-1", "alasan-iku-2", "alasan-iku-3"]
    assert all(n.text for n in narratives)
    assert "3 (tiga) IKU" in text(blocks[0]) and refs(blocks) == {"tbl-bab2-iku"}
    assert not [b for b in bab2.indikator_kinerja_utama(perak) if isinstance(b, Narrative)]


# --- Perjanjian Kinerja -------------------------------------------------------------------------
def test_pk_sentence_names_the_parties_and_the_budget(perak, bekasi):
    (sentence,) = bab2.perjanjian_kinerja(perak)
    assert "antara Camat Perak dan Bupati Jombang" in text(sentence)
    assert "6 (enam) program dengan pagu anggaran seluruhnya Rp 3.180.247.616" in text(sentence)
    (sentence,) = bab2.perjanjian_kinerja(bekasi)
    assert "antara Camat Bekasi Utara dan Wali Kota Bekasi" in text(sentence)
    assert "Rp 46.754.089.520" in text(sentence)
    assert refs([sentence]) == {"tbl-bab2-pk-iku", "tbl-bab2-pk-program"}


def test_pk_iku_with_quarterly_targets(perak, bekasi):
    tab = only_table(bab2.tabel_pk_iku(bekasi))
    assert [(c.text, c.colspan) for c in tab.head[0] if c.colspan > 1] == [("Target Triwulan", 4)]
    # Only the tertib indicator has quarterly targets (10 + 20 + 10 + 17 = 57); the values given
    # for IKM and AKIP in the reference's PK are realisations, not targets (notes-004 Tabel 2.3).
    assert find_row(tab, "Persentase Peningkatan Wilayah yang Tertib")[-5:] == [
        "57",
        "10",
        "20",
        "10",
        "17",
    ]
    assert find_row(tab, "Nilai AKIP Kecamatan Bekasi Utara")[-5:] == ["70", "-", "-", "-", "-"]
    tab = only_table(bab2.tabel_pk_iku(perak))
    assert len(tab.head) == 1 and row_texts(tab.head[0])[-1] == "Target 2024"
    assert [row_texts(r)[-1] for r in tab.body] == ["73", "7,8"]


def test_pk_program_perak(perak):
    tab = only_table(bab2.tabel_pk_program(perak))
    assert tab.wide
    assert row_texts(tab.foot[0])[-1] == "3.180.247.616"
    first = find_row(tab, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    assert first[-6:] == ["100%", "52,08%", "70,83%", "85,42%", "100%", "3.025.434.166"]
    # Pemerintahan Umum has two indicators; its budget is shown once, merged over both rows.
    index = next(i for i, r in enumerate(tab.body) if "73.791.200" in row_texts(r))
    budget = next(c for c in tab.body[index] if c.text == "73.791.200")
    assert budget.rowspan == 2
    follow = row_texts(tab.body[index + 1])
    assert follow[0] == "Persentase rekomendasi Forkopimcam yang ditindaklanjuti"
    assert "73.791.200" not in follow
    amounts = [r[-1].text for r in tab.body if r[0].text.endswith(".")]
    assert len(amounts) == 6
    # T07's "Sasaran Program", from the program indicators' rumusan_sasaran
    assert row_texts(tab.head[0])[:3] == ["No", "Sasaran Program", "Program"]
    assert first[1] == "Meningkatnya capaian kinerja aparatur"
    goal = next(c for c in tab.body[index] if c.text.startswith("Meningkatnya penyelenggaraan"))
    assert goal.text == "Meningkatnya penyelenggaraan urusan pemerintahan umum"
    assert goal.rowspan == 2


def test_pk_program_bekasi_without_program_indicators(bekasi):
    tab = only_table(bab2.tabel_pk_program(bekasi))
    assert row_texts(tab.head[0]) == ["No", "Program", "Anggaran (Rp)"]
    assert [row_texts(r)[-1] for r in tab.body] == [
        "29.564.223.620",
        "380.000.000",
        "16.694.865.900",
        "75.000.000",
        "40.000.000",
    ]
    assert row_texts(tab.foot[0]) == ["Jumlah", "46.754.089.520"]


def test_programs_mapped_to_sasaran(bekasi, perak):
    _, items = bab2.keterkaitan_program(bekasi)
    lines = [text(ListBlock([i])) for i in items.items]
    assert lines[0].startswith("Sasaran Meningkatnya Akuntabilitas dan Profesionalisme")
    assert "didukung oleh 3 (tiga) program, yaitu Program Penyelenggaraan Pemerintahan" in lines[0]
    assert lines[0].endswith("dan Program Penyelenggaraan Urusan Pemerintahan Umum.")
    assert lines[1].endswith(
        "didukung oleh Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota."
    )
    assert lines[2].endswith("didukung oleh Program Koordinasi Ketentraman dan Ketertiban Umum.")
    _, items = bab2.keterkaitan_program(perak)
    assert "5 (lima) program" in text(ListBlock([items.items[1]]))


# --- Alokasi per triwulan -----------------------------------------------------------------------
def test_triwulan_sentence(bekasi):
    heading, sentence = bab2.alokasi_triwulan(bekasi)
    assert isinstance(heading, Heading) and heading.text == "Alokasi Anggaran per Triwulan"
    said = text(sentence)
    assert "pagu murni sebesar Rp 46.273.489.520" in said
    for amount in ("10.842.693.496", "13.403.313.262", "10.441.547.476", "11.585.935.286"):
        assert f"Rp {amount}" in said
    assert "Triwulan I Rp 10.842.693.496 (23,43%)" in said
    assert "pagu menjadi Rp 46.754.089.520 (bertambah Rp 480.600.000)" in said
    assert refs([sentence]) == {"tbl-bab2-triwulan"}


def test_triwulan_table_bekasi_utara(bekasi):
    tab = only_table(bab2.tabel_triwulan(bekasi))
    assert tab.wide
    assert row_texts(tab.foot[0]) == [
        "Jumlah",
        "46.273.489.520",
        "10.842.693.496",
        "13.403.313.262",
        "10.441.547.476",
        "11.585.935.286",
    ]
    program = find_row(tab, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    assert program[-5:] == [
        "29.369.223.620",
        "7.074.456.696",
        "7.378.888.162",
        "6.681.025.376",
        "8.234.853.386",
    ]
    bold = [r for r in tab.body if r[0].bold]
    plain = [r for r in tab.body if not r[0].bold]
    assert len(plain) == 49  # every sub-kegiatan × unit row of the reference's Tabel 2.4
    assert len([r for r in bold if r[0].text.count(".") == 2]) == 5  # programs
    assert {r[2].text for r in plain} >= {"Kecamatan", "Kelurahan Marga Mulya"}


def test_triwulan_absent_without_data_or_when_switched_off(perak, bekasi):
    assert bab2.alokasi_triwulan(perak) == [] and bab2.tabel_triwulan(perak) == []
    off = switched_off(bekasi, "triwulan")
    assert bab2.alokasi_triwulan(off) == [] and bab2.tabel_triwulan(off) == []
    assert bab2.tabel_pk_program(off)  # other parts stay


def test_sukamaju_chapter_builds(sukamaju):
    tab = only_table(bab2.tabel_pk_program(sukamaju))
    assert row_texts(tab.foot[0])[-1] == "10.987.305.000"
    assert row_texts(only_table(bab2.tabel_triwulan(sukamaju)).foot[0])[1] == "10.475.532.000"


# --- Sasaran, indikator dan target program, kegiatan dan sub kegiatan (T09) --------------------
def test_indikator_program_perak(perak):
    (lead,) = bab2.indikator_program(perak)
    assert (
        "diukur dengan 7 (tujuh) indikator program, 14 (empat belas) indikator kegiatan dan 21 "
        "(dua puluh satu) indikator sub kegiatan" in text(lead)
    )
    assert refs([lead]) == {"tbl-bab2-indikator-program"}
    tab = only_table(bab2.tabel_indikator_program(perak))
    assert row_texts(tab.head[0]) == [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        "Sasaran",
        "Indikator",
        "Target 2024",
        "Formulasi",
    ]
    assert find_row(tab, "7.01.01")[2:5] == [
        "Meningkatnya capaian kinerja aparatur",
        "Persentase rata-rata capaian kinerja aparatur",
        "100%",
    ]
    assert find_row(tab, "7.01.01")[5].startswith("(Jumlah capaian kinerja seluruh PNS")
    assert find_row(tab, "7.01.01.2.01.0001")[2:5] == [
        "Tersusunnya dokumen perencanaan perangkat daerah",
        "Jumlah dokumen perencanaan PD yang tersusun",
        "2 dokumen",  # corrected from 3 (CORRECTIONS §2.4)
    ]
    # a node with two indicators: its sasaran is merged over both rows
    row = next(r for r in tab.body if r[0].text == "7.01.01.2.02")
    assert (
        row[2].rowspan == 2
        and row[2].text == "Terlaksananya administrasi keuangan perangkat daerah"
    )
    # the LAIN row has no indicator
    assert find_row(tab, "7.01.05.2.01.LAIN")[2:] == ["-", "-", "-", "-"]
    assert len([r for r in tab.body if r[0].text.startswith("7.01")]) == 6 + 11 + 22


def test_indikator_program_bekasi_and_switch(bekasi, perak):
    tab = only_table(bab2.tabel_indikator_program(bekasi))
    assert row_texts(tab.head[0]) == [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        "Indikator",
        "Target 2024",
    ]
    off = switched_off(perak, "indikator-program")
    assert bab2.indikator_program(off) == [] and bab2.tabel_indikator_program(off) == []


def test_sumber_dana(bekasi, perak):
    import dataclasses

    from lkjip.loader import Row

    _, sentence = bab2.alokasi_triwulan(bekasi)
    assert text(sentence).endswith("Seluruh anggaran bersumber dari PAD.")
    tab = only_table(bab2.tabel_triwulan(bekasi))
    assert "Sumber Dana" not in row_texts(tab.head[0])  # one source: said once, in the text
    assert bab2.sumber_dana_kalimat(perak) == (
        "Seluruh anggaran bersumber dari APBD Kabupaten Jombang."
    )
    rows = [
        Row({**r, "sumber_dana": "DAU"} if r.get("kode") == "7.01.01.2.02.0001" else dict(r),
            r.source, r.sheet, r.line)
        for r in bekasi.data.table("anggaran")
    ]  # fmt: skip
    data = dataclasses.replace(bekasi.data, tables={**bekasi.data.tables, "anggaran": rows})
    ctx = dataclasses.replace(bekasi, data=data)
    assert bab2.sumber_dana_kalimat(ctx) == (
        "Anggaran bersumber dari PAD sebesar Rp 31.707.982.520 (67,82%) dan DAU sebesar "
        "Rp 15.046.107.000 (32,18%)."
    )
    tab = only_table(bab2.tabel_triwulan(ctx))
    assert row_texts(tab.head[0])[3] == "Sumber Dana"
    assert find_row(tab, "7.01.01.2.02.0001")[3] == "DAU"
    assert find_row(tab, "7.01.01.2.02")[3] == ""  # parents have no source of their own
    from lkjip.report import lampiran

    appendix = only_table(lampiran.tabel_rincian_anggaran(ctx))
    assert row_texts(appendix.head[0])[:4] == [
        "Kode",
        "Program / Kegiatan / Sub Kegiatan",
        "Unit",
        "Sumber Dana",
    ]
    assert "Sumber Dana" not in row_texts(
        only_table(lampiran.tabel_rincian_anggaran(bekasi)).head[0]
    )


# --- notebook -----------------------------------------------------------------------------------
def test_notebook_labels_cover_every_reference(bekasi, sukamaju):
    notebook = json.loads((ROOT / "notebooks/02-perencanaan.ipynb").read_text(encoding="utf-8"))
    cells = notebook["cells"]
    assert cells[0]["metadata"]["tags"] == ["parameters"]
    sources = ["".join(c["source"]) for c in cells]
    labels = [
        line.split(":", 1)[1].strip()
        for s in sources
        for line in s.splitlines()
        if line.startswith("#| label:")
    ]
    assert len(labels) == len(set(labels)) and all(x.startswith("tbl-bab2-") for x in labels)
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")
    for ctx in (bekasi, sukamaju):
        blocks = [
            b
            for name in (
                "rencana_strategis",
                "indikator_kinerja_utama",
                "perjanjian_kinerja",
                "keterkaitan_program",
                "indikator_program",
                "alokasi_triwulan",
            )
            for b in getattr(bab2, name)(ctx)
        ]
        assert refs(blocks) <= set(labels)
