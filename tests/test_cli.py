"""The command line itself: usage errors, output paths, and how figures are printed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import PARAMS, run_cli
from lkjip import cli
from minimal import write_minimal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("template",),
            "galat: Belum diisi: argumen 'BERKAS.xlsx'. Lihat 'lkjip template --help'.",
        ),
        (
            ("validate", "--foo"),
            "galat: Opsi tidak dikenal: --foo. Lihat 'lkjip validate --help'.",
        ),
        (
            ("summary", "--jsn"),
            "galat: Opsi tidak dikenal: --jsn (mungkin maksudnya: '--json'). "
            "Lihat 'lkjip summary --help'.",
        ),
        (
            ("sample", "kota", "--kecamatan", "abc"),
            "galat: Nilai '--kecamatan' tidak sah: 'abc' bukan angka yang sah. "
            "Lihat 'lkjip sample --help'.",
        ),
        (
            ("sample", "kota", "--kecamatan=0"),
            "galat: Nilai '--kecamatan' tidak sah: 0 terlalu kecil; paling kecil 1. "
            "Lihat 'lkjip sample --help'.",
        ),
        (
            ("build", "--kecamatan"),
            "galat: Opsi --kecamatan memerlukan nilai. Lihat 'lkjip build --help'.",
        ),
        (
            ("validat",),
            "galat: Perintah tidak dikenal: validat (mungkin maksudnya: 'validate'). "
            "Lihat 'lkjip --help'.",
        ),
        (("contract", "a.md", "b.md"), "galat: Argumen berlebih: b.md."),
    ],
)
def test_usage_errors_are_indonesian_with_exit_2(tmp_path: Path, args, message):
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2, result.output
    assert message in result.stderr, result.stderr
    for english in ("Missing", "No such", "Invalid value", "Usage:", "Error", "Traceback"):
        assert english not in result.output, result.output


def test_help_still_works(tmp_path: Path):
    result = run_cli("--help", cwd=tmp_path)
    assert result.code == 0, result.output
    assert "lkjip [OPSI] PERINTAH" in result.stdout
    assert "validate" in result.stdout and "template" in result.stdout
    sub = run_cli("sample", "--help", cwd=tmp_path)
    assert sub.code == 0 and "--kecamatan" in sub.stdout, sub.output


def test_sample_into_an_existing_file(tmp_path: Path):
    (tmp_path / "kota").write_text("bukan folder", encoding="utf-8")
    result = run_cli("sample", "kota", cwd=tmp_path)
    assert result.code == 2, result.output
    assert "galat: kota: sudah ada sebagai berkas; sebutkan folder tujuan" in result.stderr
    assert "tak terduga" not in result.output


def test_template_under_a_file(tmp_path: Path):
    (tmp_path / "berkas").write_text("", encoding="utf-8")
    result = run_cli("template", "berkas/isian.xlsx", cwd=tmp_path)
    assert result.code == 2, result.output
    assert (
        "galat: berkas/isian.xlsx: workbook tidak dapat ditulis ke folder berkas (sebagian "
        "jalurnya adalah berkas, bukan folder)"
    ) in result.stderr, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_template_into_an_unwritable_folder(tmp_path: Path):
    folder = tmp_path / "terkunci"
    folder.mkdir(mode=0o555)
    try:
        result = run_cli("template", "terkunci/isian.xlsx", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.code == 2, result.output
    assert (
        "galat: terkunci/isian.xlsx: workbook tidak dapat ditulis ke folder terkunci "
        "(tidak ada izin)"
    ) in result.stderr, result.stderr


def test_summary_prints_efisiensi_in_points_for_the_difference_form():
    # Perak uses sakip-7: efisiensi = capaian kinerja − capaian anggaran, in percentage points
    result = run_cli("summary", PARAMS / "kabupaten-jombang.yaml")
    assert result.code == 0, result.output
    assert "efisiensi 8,34 poin persen" in result.stdout, result.stdout
    assert "efisiensi 8,34%" not in result.stdout
    as_json = json.loads(run_cli("summary", PARAMS / "kabupaten-jombang.yaml", "--json").stdout)
    assert as_json["efisiensi_satuan"] == "poin persen"
    assert as_json["efisiensi"][0]["efisiensi"] == 8.34


def test_summary_prints_efisiensi_in_percent_for_the_ratio_form(tmp_path: Path):
    folder = write_minimal(tmp_path / "kec")  # no city config: permendagri-5, ratio form
    result = run_cli("summary", folder, cwd=tmp_path)
    assert result.code == 0, result.output
    assert "Efisiensi sasaran S1:" in result.stdout
    assert "poin persen" not in result.stdout
    as_json = json.loads(run_cli("summary", folder, "--json", cwd=tmp_path).stdout)
    assert as_json["efisiensi_satuan"] == "persen"


def test_build_summary_shows_seconds_the_indonesian_way(capsys):
    row = SimpleNamespace(
        slug="perak", status="berhasil", capaian=None, serapan=None, seconds=6.46, reason=""
    )
    city = SimpleNamespace(slug="kabupaten-jombang", rows=[row], folder=Path("outputs/x"))
    cli._print_batch([city])
    printed = capsys.readouterr().out
    assert "6,5 dtk" in printed, printed
    assert "6.5" not in printed
