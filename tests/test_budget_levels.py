"""The budget at the granularity a kecamatan has (issue 12, item 4): pagu per program with the
realisasi per kelompok belanja, kegiatan listed without amounts, pagu murni per kegiatan. Each is
entered as it is; the tables adapt, totals, serapan, SiLPA (also as % of the pagu) and efisiensi
are computed where the data allow, and the text says at which level. Plus the stated budget
figures that validation compares with the computed ones (item 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BEKASI_UTARA, run_cli
from lkjip.report import bab2, bab3, bab4, lampiran
from lkjip.report.context import ReportContext, open_report
from minimal import (
    BUDGET_PER_PROGRAM,
    KEGIATAN_WITHOUT_AMOUNTS,
    MURNI_PER_KEGIATAN,
    SHEETS,
    write_city,
    write_minimal,
)
from test_report_bab3 import body, foot, only_table, text
from test_report_bab4 import items


def opened(tmp_path: Path, shape: dict[str, str | None]) -> ReportContext:
    return open_report(write_city(tmp_path, **shape), "uji-coba")


# --- pagu per program, realisasi per kelompok belanja ------------------------------------------
def test_budget_per_program_realised_per_kelompok_belanja(tmp_path: Path):
    ctx = opened(tmp_path, BUDGET_PER_PROGRAM)
    pk = only_table(bab2.tabel_pk_program(ctx))
    assert [r[-1] for r in body(pk)] == ["1.200.000", "500.000"]
    assert foot(pk) == [["Jumlah", "1.700.000"]]
    # programs: pagu and share only, no invented realisasi
    program = only_table(bab3.tabel_anggaran_program(ctx))
    assert [c.text for c in program.head[0]] == ["No", "Program", "Pagu (Rp)", "Porsi Anggaran (%)"]
    assert body(program) == [
        ["1", "Program Penunjang", "1.200.000", "70,59"],
        ["2", "Program Pelayanan Publik", "500.000", "29,41"],
    ]
    assert foot(program) == [["Jumlah", "1.700.000", "100,00"]]
    assert bab3.grafik_anggaran(ctx) is None
    # the kelompok belanja carry the realisasi: serapan and SiLPA (Rp and % of the pagu)
    groups = only_table(bab3.tabel_jenis_belanja(ctx))
    assert groups.head[0][1].text == "Kelompok Belanja"
    assert body(groups) == [
        ["1", "Belanja Gaji dan Tunjangan", "900.000", "850.000", "94,44", "50.000", "5,56"],
        ["2", "Belanja Non Gaji", "800.000", "650.000", "81,25", "150.000", "18,75"],
    ]
    assert foot(groups) == [["Jumlah", "1.700.000", "1.500.000", "88,24", "200.000", "11,76"]]
    said = text(bab3.keuangan(ctx))
    assert "realisasi Rp 1.500.000 (satu juta lima ratus ribu rupiah) atau 88,24% dari pagu" in said
    assert "sisa anggaran (SiLPA) sebesar Rp 200.000 atau 11,76% dari pagu." in said
    assert "Anggaran tersebut dilaksanakan melalui 2 (dua) program." in said
    assert (
        "Pagu anggaran tercatat per program, sedangkan realisasinya per kelompok belanja; karena "
        "itu serapan anggaran dan SiLPA dihitung untuk seluruh anggaran dan per kelompok belanja, "
        "sedangkan serapan per program dan per sasaran strategis, serta efisiensi per sasaran, "
        "tidak dapat dihitung."
    ) in said
    assert "per kelompok belanja pada @tbl-bab3-jenis-belanja" in said
    assert "@fig-bab3-anggaran" not in said
    # per sasaran: the pagu (from pagu_program.sasaran), no serapan
    sasaran = only_table(bab3.tabel_anggaran_sasaran(ctx))
    assert [r[2:] for r in body(sasaran)] == [["70,59", "1.200.000"], ["29,41", "500.000"]]
    # efisiensi: per sasaran it cannot be computed, for the whole budget it can
    efisiensi = only_table(bab3.tabel_efisiensi(ctx))
    assert [r[-2:] for r in body(efisiensi)] == [["-", "-"], ["-", "-"]]
    assert foot(efisiensi) == [["Keseluruhan", "105,08", "88,24", "19,09"]]
    assert "efisiensi hanya dapat dihitung untuk keseluruhan anggaran" in text(
        bab3.efisiensi_pengantar(ctx)
    )
    analysis = text(bab3.analisis_sasaran(ctx))
    assert "Realisasi anggaran tercatat per kelompok belanja, tidak per sasaran" in analysis
    assert "Program Penunjang: pagu Rp 1.200.000." in analysis
    assert text(bab3.serapan_rendah(ctx)) == (
        "Seluruh kelompok belanja memiliki serapan anggaran paling sedikit 80%."
    )
    conclusions = items(ctx)
    assert conclusions[2] == (
        "Realisasi anggaran sebesar Rp 1.500.000 dari pagu Rp 1.700.000 atau 88,24%, dengan sisa "
        "anggaran (SiLPA) sebesar Rp 200.000 atau 11,76% dari pagu."
    )
    assert "sebesar 19,09%" in conclusions[3]
    appendix = only_table(lampiran.tabel_rincian_anggaran(ctx))
    assert body(appendix)[0] == ["7.01.01", "Program Penunjang", "1.200.000", "-", "-", "-"]
    assert foot(appendix) == [["Jumlah", "1.700.000", "1.500.000", "88,24%", "200.000"]]


def test_belanja_outside_the_programs_is_added_to_the_total(tmp_path: Path):
    """BTL / BL: the programs are the belanja langsung; the belanja tidak langsung (gaji) is
    outside them and adds to the whole budget."""
    shape = {
        **BUDGET_PER_PROGRAM,
        "belanja": "kelompok,dalam_program,pagu,realisasi\n"
        "Belanja Tidak Langsung,tidak,2000000,1900000\n"
        "Belanja Langsung,ya,1700000,1500000\n",
    }
    ctx = opened(tmp_path, shape)
    assert (ctx.budget.pagu, ctx.budget.realisasi) == (3_700_000, 3_400_000)
    assert foot(only_table(bab3.tabel_anggaran_program(ctx))) == [["Jumlah", "1.700.000", "100,00"]]
    groups = only_table(bab3.tabel_jenis_belanja(ctx))
    assert foot(groups) == [["Jumlah", "3.700.000", "3.400.000", "91,89", "300.000", "8,11"]]


# --- kegiatan without amounts -------------------------------------------------------------------
def test_kegiatan_listed_without_amounts_under_program_budgets(tmp_path: Path):
    ctx = opened(tmp_path, KEGIATAN_WITHOUT_AMOUNTS)
    program = only_table(bab3.tabel_anggaran_program(ctx))
    assert body(program) == [
        ["1", "Program Penunjang", "1.200.000", "1.100.000", "91,67", "100.000", "8,33"],
        ["2", "Program Pelayanan Publik", "500.000", "400.000", "80,00", "100.000", "20,00"],
    ]
    said = text(bab3.keuangan(ctx))
    assert "melalui 2 (dua) program dan 3 (tiga) kegiatan." in said
    assert (
        "Pagu dan realisasi anggaran tercatat per program; karena itu serapan anggaran dan SiLPA "
        "dihitung sampai tingkat program, tanpa rincian di bawahnya. Kegiatan dicantumkan tanpa "
        "rincian anggaran."
    ) in said
    appendix = only_table(lampiran.tabel_rincian_anggaran(ctx))
    assert [r[:3] for r in body(appendix)] == [
        ["7.01.01", "Program Penunjang", "1.200.000"],
        ["7.01.01.2.01", "Administrasi Keuangan", "-"],
        ["7.01.01.2.02", "Administrasi Umum", "-"],
        ["7.01.02", "Program Pelayanan Publik", "500.000"],
        ["7.01.02.2.01", "Pelayanan", "-"],
    ]
    assert "per program dan kegiatan disajikan" in text(lampiran.rincian_anggaran(ctx))
    assert text(bab4.kendala_tindak_lanjut(ctx)).startswith(
        "Tidak ada program dengan serapan anggaran di bawah 80%."
    )
    # efficiency per sasaran from the programs' sasaran (pagu_program.sasaran)
    assert [e.efisiensi is not None for e in ctx.efficiency] == [True, True]


# --- pagu murni per kegiatan --------------------------------------------------------------------
def test_pagu_murni_per_kegiatan(tmp_path: Path):
    ctx = opened(tmp_path, MURNI_PER_KEGIATAN)
    appendix = only_table(lampiran.tabel_rincian_anggaran(ctx))
    assert appendix.head[0][2].text == "Pagu Murni (Rp)"
    assert [r[2:4] for r in body(appendix)] == [
        ["1.400.000", "1.500.000"],  # program: the sum of its kegiatan
        ["1.400.000", "1.500.000"],  # kegiatan: as entered
        ["-", "1.200.000"],  # sub kegiatan: no pagu murni of its own, none invented
        ["-", "300.000"],
        ["450.000", "500.000"],
        ["450.000", "500.000"],
        ["-", "500.000"],
    ]
    assert foot(appendix)[0][1:3] == ["1.850.000", "2.000.000"]
    said = text(bab3.keuangan(ctx))
    assert "Pagu murni (penetapan) tercatat per kegiatan." in said
    assert "pagu murni sebesar Rp 1.850.000, sehingga bertambah Rp 150.000." in said


# --- validation: every amount entered on its level, every stated total checked ----------------
def validate(tmp_path: Path, **changes: str | None) -> str:
    result = run_cli("validate", write_minimal(tmp_path / "kec", **changes), cwd=tmp_path)
    return result.stdout if result.code == 1 else f"exit {result.code}: {result.output}"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {
                **MURNI_PER_KEGIATAN,
                "anggaran_kegiatan": MURNI_PER_KEGIATAN["anggaran_kegiatan"]
                + "7.01.02,7.01.02.2.02,Lain,1000\n",
            },
            "sheet anggaran_kegiatan, baris 4, kolom pagu: kegiatan '7.01.02.2.02' tidak memiliki "
            "pagu, padahal kegiatan lain di program '7.01.02' memilikinya",
        ),
        (
            {
                **MURNI_PER_KEGIATAN,
                "anggaran_kegiatan": MURNI_PER_KEGIATAN["anggaran_kegiatan"]
                + "7.01.03,7.01.03.2.01,Lain,1000\n",
            },
            "sheet anggaran_kegiatan, baris 4, kolom pagu: program '7.01.03' tidak memiliki pagu, "
            "padahal program lain memilikinya",
        ),
        (
            {
                **MURNI_PER_KEGIATAN,
                "anggaran_kegiatan": "program_kode,kegiatan_kode,kegiatan,pagu\n"
                "7.01.01,7.01.01.2.01,Administrasi Keuangan,1400000\n",
            },
            "sheet anggaran_kegiatan, baris 2, kolom pagu: pagu kegiatan '7.01.01.2.01' tidak sama "
            "dengan jumlah sub kegiatannya (ditemukan 'Rp 1.400.000'; seharusnya Rp 1.500.000 "
            "(jumlah sheet anggaran))",
        ),
        (
            {
                "pagu_program": "program_kode,pagu,realisasi\n7.01.01,1200000,1000000\n",
            },
            "sheet pagu_program, baris 2, kolom realisasi: realisasi program '7.01.01' tidak sama "
            "dengan jumlah sub kegiatannya (ditemukan 'Rp 1.000.000'; seharusnya Rp 1.100.000 "
            "(jumlah sheet anggaran))",
        ),
        (
            {"profil": SHEETS["profil"] + "jumlah_pagu,1800000\n"},
            "sheet profil, baris 10, kolom nilai: profil jumlah_pagu tidak sama dengan jumlah pagu "
            "yang dihitung (ditemukan 'Rp 1.800.000'; seharusnya Rp 1.700.000 (dihitung dari "
            "sheet anggaran))",
        ),
        (
            {"profil": SHEETS["profil"] + "jumlah_realisasi,1400000\n"},
            "sheet profil, baris 10, kolom nilai: profil jumlah_realisasi tidak sama dengan jumlah "
            "realisasi yang dihitung (ditemukan 'Rp 1.400.000'; seharusnya Rp 1.500.000 (dihitung "
            "dari sheet anggaran))",
        ),
        (
            {"belanja": "kelompok,pagu,realisasi\nGaji,1000000,900000\nNon Gaji,700000,500000\n"},
            "sheet belanja, baris 2, kolom realisasi: jumlah realisasi kelompok belanja dalam "
            "program (sheet belanja) tidak sama dengan jumlah realisasi yang dihitung (ditemukan "
            "'Rp 1.400.000'; seharusnya Rp 1.500.000 (dihitung dari sheet anggaran))",
        ),
        (
            {
                "anggaran": SHEETS["anggaran"].replace(
                    ",Kelurahan Satu,S2,500000,500000,", ",Kelurahan Satu,S2,,,"
                ),
            },
            "sheet anggaran, baris 3, kolom pagu: program '7.01.02' tidak memiliki pagu, padahal "
            "program lain memilikinya",
        ),
        (
            {
                "anggaran": SHEETS["anggaran"]
                + "7.01.02,Program Pelayanan Publik,7.01.02.2.01,Pelayanan,7.01.02.2.01.0002,"
                "Sosialisasi,,S2,,,,,,,\n",
            },
            "sheet anggaran, baris 4, kolom pagu: pagu sub kegiatan kosong, padahal sub kegiatan "
            "lain di kegiatan '7.01.02.2.01' diisi",
        ),
        (
            {
                **BUDGET_PER_PROGRAM,
                "pagu_program": BUDGET_PER_PROGRAM["pagu_program"] + "7.01.05,,,100000\n",
            },
            "sheet pagu_program, baris 4, kolom program: program '7.01.05' tidak ada di sheet "
            "anggaran/anggaran_kegiatan dan namanya kosong",
        ),
        (
            {**BUDGET_PER_PROGRAM, "belanja": None},
            "realisasi anggaran tidak tersedia pada tingkat mana pun",
        ),
    ],
    ids=[
        "kegiatan without pagu",
        "program without pagu at any level",
        "stated kegiatan total",
        "stated program realisasi",
        "stated grand total pagu",
        "stated grand total realisasi",
        "belanja against the programs",
        "program without pagu",
        "sub kegiatan without pagu",
        "program without a name",
        "no realisasi anywhere",
    ],
)
def test_every_budget_mismatch_is_flagged_with_its_row(
    tmp_path: Path, changes: dict[str, str | None], message: str
):
    output = validate(tmp_path, **changes)
    assert message in output, output


def test_stated_totals_that_agree_pass(tmp_path: Path):
    profil = SHEETS["profil"] + "jumlah_pagu,1700000\njumlah_realisasi,1500000\n"
    belanja = "kelompok,pagu,realisasi\nGaji,1200000,1100000\nNon Gaji,500000,400000\n"
    result = run_cli(
        "validate",
        write_minimal(tmp_path / "kec", profil=profil, belanja=belanja),
        cwd=tmp_path,
    )
    assert result.code == 0, result.output
    assert "0 galat, 0 peringatan" in result.stdout


def test_bekasi_utara_stated_totals_pinned_to_its_tabel_3_11(tmp_path: Path):
    """Tabel 3.11 of the Bekasi Utara report states the grand total Rp 46.754.089.520 /
    Rp 44.704.453.656 (correct, notes-004 T3.11); its narrative's Gaji realisasi
    14.358.939.493 is a Rp 1.000 typo of Tabel 3.12's 14.358.938.493 (§6.3): copied into a
    program total, validation names the row instead of letting it vanish."""
    folder = shutil.copytree(BEKASI_UTARA, tmp_path / "bekasi-utara")
    with (folder / "profil.csv").open("a", encoding="utf-8") as profil:
        profil.write("jumlah_pagu,46754089520\njumlah_realisasi,44704453656\n")
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    programs = folder / "pagu_program.csv"
    text_ = programs.read_text(encoding="utf-8").replace("27813220986", "27813221986")
    programs.write_text(text_, encoding="utf-8")
    result = run_cli("validate", folder, cwd=tmp_path)
    assert result.code == 1
    assert (
        "sheet pagu_program, baris 2, kolom realisasi: realisasi program '7.01.01' tidak sama "
        "dengan jumlah sub kegiatannya (ditemukan 'Rp 27.813.221.986'; seharusnya "
        "Rp 27.813.220.986 (jumlah sheet anggaran))"
    ) in result.stdout
    assert (
        "sheet profil, baris 18, kolom nilai: profil jumlah_realisasi tidak sama dengan jumlah "
        "realisasi yang dihitung"
    ) not in result.stdout  # the grand total is still the computed one
