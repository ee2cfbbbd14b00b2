"""Indicators as real reports hold them (issue 12, items 5–8 and 11): earlier years without a
target, the other perangkat daerah as comparators (ranked), an indicator computed as the mean
of others, tujuan-level indicators with a category (Perjanjian Kinerja, BAB III, BAB IV), a
stated capaian checked against the computed one."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from conftest import run_cli
from lkjip.config import load_config
from lkjip.formatting import angka
from lkjip.loader import load_kecamatan
from lkjip.metrics.anggaran import anggaran_tree
from lkjip.report import bab2, bab3, lampiran
from lkjip.report.context import open_report
from minimal import SHEETS, write_city, write_minimal
from test_report_bab3 import body, foot, only_table, text
from test_report_bab4 import items

# --- earlier years without a target -------------------------------------------------------------
HISTORY = SHEETS["target_realisasi"].replace(
    'IKU1,2023,70,"69,5",LHE 2023\n', 'IKU1,2022,,68,LHE 2022\nIKU1,2023,,"69,5",LHE 2023\n'
)


def test_history_without_targets_shows_dashes(tmp_path: Path):
    ctx = open_report(write_city(tmp_path, target_realisasi=HISTORY), "uji-coba")
    table = only_table(bab3.tabel_tren(ctx))
    assert [c.text for c in table.head[0]][3:6] == ["Tahun 2022", "Tahun 2023", "Tahun 2024"]
    assert body(table)[0][3:] == [
        "-", "68", "-",  # 2022: realisasi without target, no capaian
        "-", "69,5", "-",
        "70", "72,74", "103,91",
        "▲ +3,24",
    ]  # fmt: skip
    said = text(bab3.analisis_sasaran(ctx))
    assert (
        "Realisasi Nilai AKIP dalam 3 (tiga) tahun terakhir adalah 68 (2022), 69,5 (2023) dan "
        "72,74 (2024)."
    ) in said
    matrix = only_table(lampiran.tabel_matriks_iku(ctx))
    assert body(matrix)[0][3:6] == ["-", "68", "-"]


def test_only_the_report_year_needs_a_target(tmp_path: Path):
    assert run_cli("validate", write_minimal(tmp_path / "a", target_realisasi=HISTORY)).code == 0
    missing = HISTORY.replace("IKU1,2024,70,", "IKU1,2024,,")
    result = run_cli("validate", write_minimal(tmp_path / "b", target_realisasi=missing))
    assert result.code == 1
    assert (
        "sheet target_realisasi, baris 4, kolom target: target tahun 2024 indikator 'IKU1' kosong"
    ) in result.stdout


# --- the other perangkat daerah -----------------------------------------------------------------
OPD = (
    SHEETS.get("pembanding", "indikator,tahun,level,nama,nilai\n")
    + 'IKU1,2024,perangkat_daerah,Inspektorat,"81,20"\n'
    + 'IKU1,2024,perangkat_daerah,Dinas Kesehatan,"74,10"\n'
    + 'IKU1,2024,perangkat_daerah,Kecamatan Uji Coba,"72,74"\n'
    + 'IKU1,2024,perangkat_daerah,Kecamatan Dua,"72,74"\n'
    + 'IKU1,2024,perangkat_daerah,Dinas Sosial,"65,00"\n'
    + 'IKU1,2024,kota,Kota Uji,"71,00"\n'
)


def test_opd_comparators_are_a_ranked_table_with_this_kecamatan_marked(tmp_path: Path):
    ctx = open_report(write_city(tmp_path, pembanding=OPD), "uji-coba")
    table = only_table(bab3.tabel_pembanding_opd(ctx))
    assert [c.text for c in table.head[0]] == ["Peringkat", "Perangkat Daerah", "Nilai"]
    assert body(table) == [
        ["Nilai AKIP (nilai)"],
        ["1", "Inspektorat", "81,20"],
        ["2", "Dinas Kesehatan", "74,10"],
        ["3", "Kecamatan Dua", "72,74"],  # a tie shares its rank
        ["3", "Kecamatan Uji Coba", "72,74"],
        ["5", "Dinas Sosial", "65,00"],
    ]
    own = table.body[4]
    assert all(c.bold for c in own) and not any(c.bold for c in table.body[3])
    assert "baris bercetak tebal: Kecamatan Uji Coba" in table.source
    said = text(bab3.analisis_sasaran(ctx))
    assert (
        "Di antara 5 (lima) perangkat daerah Kota Uji yang dinilai, Kecamatan Uji Coba berada di "
        "peringkat 3 untuk Nilai AKIP; rata-rata seluruh perangkat daerah 73,16 "
        "(@tbl-bab3-pembanding-opd)."
    ) in said
    assert "di atas Kota Uji (71,00; selisih 1,74)" in said  # the other levels stay as they were
    assert [r[3] for r in body(only_table(bab3.tabel_pembanding(ctx)))] == ["Kota Uji"]
    assert "@tbl-bab3-pembanding-opd" in text(bab3.analisis_pengantar(ctx))


def test_opd_rows_are_checked(tmp_path: Path):
    wrong = OPD.replace('Kecamatan Uji Coba,"72,74"', 'Kecamatan Uji Coba,"73,74"')
    wrong += "IKU1,2024,perangkat_daerah,,80\nIKU1,2024,perangkat_daerah,Inspektorat,80\n"
    result = run_cli("validate", write_minimal(tmp_path / "kec", pembanding=wrong), cwd=tmp_path)
    assert result.code == 1
    for message in (
        "sheet pembanding, baris 4, kolom nilai: nilai kecamatan ini di antara perangkat daerah "
        "tidak sama dengan realisasinya (ditemukan '73,74'; seharusnya 72,74 (realisasi IKU1 "
        "tahun 2024))",
        "sheet pembanding, baris 8, kolom nama: nama perangkat daerah kosong",
        "sheet pembanding, baris 9, kolom nama: perangkat daerah per indikator dan tahun "
        "'IKU1 / 2024 / inspektorat' ganda; sudah dipakai di baris 2",
    ):
        assert message in result.stdout, result.stdout


# --- an indicator computed as the mean of others, at tujuan level -------------------------------
def with_index(cara: str, realisasi: str = "", pk: str = "ya") -> dict[str, str]:
    """The minimal kecamatan with a tujuan-level index, the mean of the two IKU."""
    header = "kode,level,induk,uraian,satuan,polaritas,jenis,iku,dihitung_dari,komponen,pk\n"
    rows = SHEETS["indikator"].split("\n", 1)[1].replace("\n", ",,\n")
    target = "78" if cara == "rata_rata" else "100"
    return {
        "indikator": header
        + f'IT1,tujuan,T1,Indeks Kinerja Kecamatan,indeks,naik,indeks,,{cara},"IKU1, IKU2",{pk}\n'
        + rows,
        "target_realisasi": SHEETS["target_realisasi"] + f"IT1,2024,{target},{realisasi},\n",
    }


def test_a_tujuan_index_is_the_mean_of_the_iku_computed_and_explained(tmp_path: Path):
    ctx = open_report(write_city(tmp_path, **with_index("rata_rata")), "uji-coba")
    # (72,74 + 85,00) / 2 = 78,87; target 78: capaian 101,12%
    table = only_table(bab3.tabel_capaian_tujuan(ctx))
    assert body(table) == [
        [
            "1",
            "Terwujudnya tata kelola yang akuntabel",
            "Indeks Kinerja Kecamatan",
            "indeks",
            "78",
            "78,87",
            "101,12",
            "Sangat Tinggi",
        ]
    ]
    said = text(bab3.capaian_tujuan(ctx))
    assert (
        "Indeks Kinerja Kecamatan ditargetkan 78 dan terealisasi 78,87 sehingga capaian kinerjanya "
        "101,12% (Sangat Tinggi). Realisasi Indeks Kinerja Kecamatan dihitung sebagai rata-rata "
        "realisasi 2 (dua) indikator, yaitu Nilai AKIP (72,74) dan Indeks Kepuasan Masyarakat "
        "(85,00)."
    ) in said
    # in the Perjanjian Kinerja (indikator.pk), before the sasaran and their IKU
    pk = only_table(bab2.tabel_pk_iku(ctx))
    assert [c.text for c in pk.head[0]][:3] == [
        "No",
        "Tujuan / Sasaran Strategis",
        "Indikator Kinerja",
    ]
    assert body(pk)[0] == [
        "1.", "Terwujudnya tata kelola yang akuntabel", "Indeks Kinerja Kecamatan", "indeks", "78",
    ]  # fmt: skip
    assert body(pk)[1][1:3] == ["Meningkatnya akuntabilitas kinerja", "Nilai AKIP"]
    assert "1 (satu) indikator tujuan dan 2 (dua) sasaran strategis" in text(
        bab2.perjanjian_kinerja(ctx)
    )
    # and in BAB IV's conclusions, with its category
    assert items(ctx)[2] == (
        "Dari 1 (satu) indikator tujuan, seluruhnya mencapai target: Indeks Kinerja Kecamatan "
        "101,12% (Sangat Tinggi; melampaui target)."
    )


def test_a_mean_of_capaian(tmp_path: Path):
    ctx = open_report(write_city(tmp_path, **with_index("rata_rata_capaian", pk="")), "uji-coba")
    # capaian 103,914…% and 106,25% → realisasi 105,08 against a target of 100
    assert body(only_table(bab3.tabel_capaian_tujuan(ctx)))[0][4:7] == ["100", "105,08", "105,08"]
    assert (
        "dihitung sebagai rata-rata capaian 2 (dua) indikator, yaitu Nilai AKIP (103,91%) dan "
        "Indeks Kepuasan Masyarakat (106,25%)."
    ) in text(bab3.capaian_tujuan(ctx))
    assert "Indeks Kinerja Kecamatan" not in str(body(only_table(bab2.tabel_pk_iku(ctx))))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            with_index("rata_rata", realisasi='"78,5"'),
            "sheet target_realisasi, baris 6, kolom realisasi: realisasi berbeda dengan rata-rata "
            "realisasi komponennya tahun 2024 (ditemukan '78,5'; seharusnya 78,87 (rata-rata "
            "realisasi IKU1, IKU2))",
        ),
        (
            {
                **with_index("rata_rata"),
                "indikator": with_index("rata_rata")["indikator"].replace('"IKU1, IKU2"', "IKU9"),
            },
            "sheet indikator, baris 2, kolom komponen: kode indikator komponen 'IKU9' tidak "
            "ditemukan",
        ),
        (
            {
                **with_index("rata_rata"),
                "indikator": with_index("rata_rata")["indikator"].replace('"IKU1, IKU2"', "IT1"),
            },
            "sheet indikator, baris 2, kolom komponen: indikator 'IT1' menjadi komponen dari "
            "dirinya sendiri (melingkar)",
        ),
        (
            {
                "target_realisasi": SHEETS["target_realisasi"]
                .replace('"85,00",SKM 2024', '"85,00",SKM 2024,"106,52"')
                .replace("realisasi,sumber", "realisasi,sumber,capaian_tertulis"),
            },
            "sheet target_realisasi, baris 4, kolom capaian_tertulis: capaian tertulis indikator "
            "'IKU2' tahun 2024 tidak sama dengan capaian yang dihitung (ditemukan '106,52'; "
            "seharusnya 106,25 (realisasi 85,00 ÷ target 80 × 100))",
        ),
    ],
    ids=["stated mean", "unknown komponen", "circular komponen", "stated capaian"],
)
def test_stated_and_declared_indicator_figures_are_checked(
    tmp_path: Path, changes: dict[str, str], message: str
):
    result = run_cli("validate", write_minimal(tmp_path / "kec", **changes), cwd=tmp_path)
    assert result.code == 1 and message in result.stdout, result.stdout


def test_a_stated_capaian_rounded_or_cut_as_written_passes(tmp_path: Path):
    values = (
        SHEETS["target_realisasi"]
        .replace("realisasi,sumber", "realisasi,sumber,capaian_tertulis")
        .replace('"72,74",LHE 2024', '"72,74",LHE 2024,"103,91"')  # 103,914…
        .replace('"85,00",SKM 2024', '"85,00",SKM 2024,106')  # 106,25 written as 106
    )
    result = run_cli("validate", write_minimal(tmp_path / "kec", target_realisasi=values))
    assert result.code == 0, result.output


# --- the Word draft ------------------------------------------------------------------------------
def test_the_draft_carries_the_tujuan_index_and_the_opd_ranking(tmp_path: Path):
    config = write_city(tmp_path, pembanding=OPD, **with_index("rata_rata"))
    result = run_cli("build", config, "--format", "docx", "-j", "1", cwd=tmp_path)
    assert result.code == 0, result.output
    draft = Document(next((tmp_path / "outputs").rglob("LKjIP_*.docx")))
    captions = [p.text for p in draft.paragraphs if p.style.name == "Judul Tabel"]
    assert "Tabel 3.4 Capaian Indikator Tujuan" in captions, captions
    assert "Tabel 3.7 Peringkat di antara Perangkat Daerah" in captions, captions
    ranking = next(t for t in draft.tables if t.rows[0].cells[0].text == "Peringkat")
    rows = [[c.text for c in r.cells] for r in ranking.rows]
    assert rows[2:] == [
        ["1", "Inspektorat", "81,20"],
        ["2", "Dinas Kesehatan", "74,10"],
        ["3", "Kecamatan Dua", "72,74"],
        ["3", "Kecamatan Uji Coba", "72,74"],
        ["5", "Dinas Sosial", "65,00"],
    ]

    def bold(row) -> bool:
        return all(run.bold for cell in row.cells for p in cell.paragraphs for run in p.runs)

    assert bold(ranking.rows[5]) and not bold(ranking.rows[4])
    tujuan = next(
        t for t in draft.tables if "Indikator Tujuan" in [c.text for c in t.rows[0].cells]
    )
    assert [c.text for c in tujuan.rows[2].cells][2:] == [
        "Indeks Kinerja Kecamatan", "indeks", "78", "78,87", "101,12", "Sangat Tinggi",
    ]  # fmt: skip


# --- the generator's anggaran-program variant ---------------------------------------------------
def test_the_budget_per_program_variant_is_valid_and_adds_up(tmp_path: Path):
    for folder, extra in (("penuh", ()), ("program", ("--varian", "anggaran-program"))):
        result = run_cli("sample", tmp_path / folder, "--kecamatan", "2", "--seed", "5", *extra)
        assert result.code == 0, result.output
    checked = run_cli("validate", tmp_path / "program/params/kota-contoh.yaml")
    assert checked.code == 0 and "0 galat, 0 peringatan" in checked.stdout, checked.output
    full = load_config(tmp_path / "penuh/params/kota-contoh.yaml")
    variant = load_config(tmp_path / "program/params/kota-contoh.yaml")
    for entry, other in zip(full.kecamatan, variant.kecamatan, strict=True):
        data = load_kecamatan(variant.data_path(other))
        assert "anggaran" not in data.tables
        assert [r["kelompok"] for r in data.table("belanja")] == [
            "Belanja Gaji dan Tunjangan ASN",
            "Belanja Non Gaji",
        ]
        whole = anggaran_tree(load_kecamatan(full.data_path(entry)), full.rules_for(entry))
        shaped = anggaran_tree(data, variant.rules_for(other))
        assert (shaped.pagu, shaped.realisasi) == (whole.pagu, whole.realisasi)
        assert [p.pagu for p in shaped.children] == [p.pagu for p in whole.children]
        assert all(p.realisasi is None for p in shaped.children)
        assert (shaped.basis["pagu"], shaped.basis["realisasi"]) == ("program", "belanja")
        assert data.profil["jumlah_pagu"] == whole.pagu


def test_the_budget_per_program_variant_builds_its_tables(tmp_path: Path):
    result = run_cli("sample", tmp_path, "--kecamatan", "1", "--varian", "anggaran-program")
    assert result.code == 0, result.output
    config = tmp_path / "params/kota-contoh.yaml"
    ctx = open_report(config, load_config(config).kecamatan[0].slug)
    program = only_table(bab3.tabel_anggaran_program(ctx))
    assert [c.text for c in program.head[0]] == ["No", "Program", "Pagu (Rp)", "Porsi Anggaran (%)"]
    total = ctx.budget
    assert foot(program) == [["Jumlah", angka(total.pagu, 0), "100,00"]]
    groups = only_table(bab3.tabel_jenis_belanja(ctx))
    assert foot(groups) == [
        [
            "Jumlah",
            angka(total.pagu, 0),
            angka(total.realisasi, 0),
            angka(total.persen),
            angka(total.silpa, 0),
            angka(total.silpa_persen),
        ]
    ]
    built = run_cli("build", config, "--format", "docx", "-j", "1", cwd=tmp_path)
    assert built.code == 0, built.output
    draft = Document(next((tmp_path / "outputs").rglob("LKjIP_*.docx")))
    heads = [[c.text for c in t.rows[0].cells] for t in draft.tables]
    assert ["No", "Kelompok Belanja", "Pagu (Rp)", "Realisasi", "Realisasi", "SiLPA", "SiLPA"] in (
        heads
    )
    said = "\n".join(p.text for p in draft.paragraphs)
    assert "Pagu anggaran tercatat per program, sedangkan realisasinya per kelompok belanja" in said
