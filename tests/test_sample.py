"""The synthetic city generator (lkjip sample)."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path

from conftest import ROOT, run_cli
from lkjip.config import load_config
from lkjip.loader import load_kecamatan
from lkjip.metrics.capaian import indicator_results


def _same_tree(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.diff_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    return (
        not mismatch
        and not errors
        and all(_same_tree(a / d, b / d) for d in comparison.common_dirs)
    )


BUNDLED = {
    # city slug: the command that makes it (README)
    "kota-contoh": ("--kecamatan", "6", "--seed", "1"),
    "kabupaten-contoh": (
        "--kecamatan",
        "2",
        "--seed",
        "1",
        "--tahun",
        "2021",
        "--varian",
        "kabupaten",
    ),
}


def test_bundled_samples_are_exactly_the_generator_output(tmp_path: Path):
    for slug, options in BUNDLED.items():
        result = run_cli("sample", tmp_path, *options)
        assert result.code == 0, result.output
        config = f"params/{slug}.yaml"
        assert filecmp.cmp(tmp_path / config, ROOT / config, shallow=False), slug
        assert _same_tree(tmp_path / "data" / slug, ROOT / "data" / slug), slug


def test_generated_city_is_valid_varied_and_deterministic(tmp_path: Path):
    assert run_cli("sample", tmp_path / "a", "--kecamatan", "20", "--seed", "7").code == 0
    assert run_cli("sample", tmp_path / "b", "--kecamatan", "20", "--seed", "7").code == 0
    assert run_cli("sample", tmp_path / "c", "--kecamatan", "20", "--seed", "8").code == 0
    assert _same_tree(tmp_path / "a", tmp_path / "b")
    assert not _same_tree(tmp_path / "a", tmp_path / "c")

    config_path = tmp_path / "a/params/kota-contoh.yaml"
    validated = run_cli("validate", config_path, cwd=tmp_path)
    assert validated.code == 0, validated.stdout[-2000:]
    assert "20 kecamatan diperiksa, 0 galat, 0 peringatan" in validated.stdout

    config = load_config(config_path)
    assert len({e.slug for e in config.kecamatan}) == 20
    capaian, polarities, budgets = [], set(), set()
    for entry in config.kecamatan:
        data = load_kecamatan(config.data_path(entry))
        results = indicator_results(data, config.rules_for(entry), config.tahun)
        capaian += [r.capaian.nilai for r in results]
        polarities |= {r.polaritas for r in results}
        budgets.add(sum(r["pagu"] for r in data.table("anggaran")))
    assert any(c < 95 for c in capaian) and any(c > 105 for c in capaian)
    assert polarities == {"naik", "turun"}
    assert len(budgets) == 20


def test_the_stress_variant_has_long_names_many_rows_and_a_trillion_budget(tmp_path: Path):
    result = run_cli("sample", tmp_path, "--kecamatan", "1", "--varian", "stres")
    assert result.code == 0, result.output
    config = load_config(tmp_path / "params/kota-contoh.yaml")
    data = load_kecamatan(config.data_path(config.kecamatan[0]))
    assert not data.problems.errors
    rows = data.tables["anggaran"]
    assert len(rows) >= 40
    assert sum(int(r["pagu"]) for r in rows) > 10**12
    assert min(len(r["program"]) for r in rows) > 100
    checked = run_cli("validate", tmp_path / "params/kota-contoh.yaml")
    assert checked.code == 0, checked.output
    wrong = run_cli("sample", tmp_path / "x", "--varian", "raksasa")
    assert (
        wrong.code == 2
        and (
            "varian tidak dikenal: raksasa; pilihan: stres, kabupaten, rekap-pegawai, "
            "tanda-tangan-bulan, anggaran-program"
        )
        in wrong.output
    )


def _csv(folder: Path, sheet: str) -> list[dict[str, str]]:
    with (folder / f"{sheet}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_bundled_city_carries_every_kecamatan_shape():
    """The demo kecamatan show the kecamatan-level variants, so CI builds each of them."""
    root = ROOT / "data/kota-contoh/2024"
    karang = root / "karang-anyar"  # rekap-pegawai
    assert not (karang / "pegawai.csv").exists()
    rekap = _csv(karang, "rekap_pegawai")
    assert {r["dimensi"] for r in rekap} == {
        "kategori",
        "pendidikan",
        "golongan",
        "jenis_kelamin",
        "jabatan",
    }
    units = {r["unit"] for r in rekap}
    assert "" in units and any(u.startswith("Kelurahan ") for u in units)
    totals = {
        d: sum(int(r["jumlah"]) for r in rekap if r["dimensi"] == d)
        for d in ("kategori", "golongan")
    }
    assert totals == {"kategori": 30, "golongan": 30}
    profil = {r["kunci"]: r["nilai"] for r in _csv(root / "sindang-jaya", "profil")}
    assert profil["tanggal_ttd"] == "Januari 2025" and "camat_pangkat" not in profil


def test_the_kabupaten_variant_speaks_of_desa_and_bupati(tmp_path: Path):
    """Kabupaten Contoh: jenis kabupaten, desa without kecamatan staff or budget rows,
    Bupati/Perbup wording, population by sex for the whole kecamatan only."""
    config = load_config(ROOT / "params/kabupaten-contoh.yaml")
    assert (config.nama, config.jenis, config.tahun) == ("Kabupaten Contoh", "kabupaten", 2021)
    for entry in config.kecamatan:
        folder = config.data_path(entry)
        wilayah = _csv(folder, "wilayah")
        assert {r["jenis"] for r in wilayah} == {"desa"} and "penduduk_l" not in wilayah[0]
        profil = {r["kunci"]: r["nilai"] for r in _csv(folder, "profil")}
        assert "jumlah_kelurahan" not in profil and int(profil["jumlah_desa"]) == len(wilayah)
        assert int(profil["jumlah_penduduk_l"]) + int(profil["jumlah_penduduk_p"]) == int(
            profil["jumlah_penduduk"]
        )
        assert profil["dasar_hukum_sotk"] == "Peraturan Bupati Contoh Nomor 45 Tahun 2021"
        assert {r["unit"] for r in _csv(folder, "pegawai")} == {"Kecamatan"}
        assert {r["unit"] for r in _csv(folder, "anggaran")} == {""}
        text = "\n".join(p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file())
        for word in ("Kota Contoh", "Wali Kota", "Lurah", "Kelurahan "):
            assert word not in text.replace("Desa dan Kelurahan", ""), word
    result = run_cli("validate", ROOT / "params/kabupaten-contoh.yaml")
    assert result.code == 0 and "2 kecamatan diperiksa, 0 galat, 0 peringatan" in result.stdout


def test_variants_combine_on_every_kecamatan(tmp_path: Path):
    result = run_cli(
        "sample", tmp_path, "--kecamatan", "3", "--seed", "4", "--varian",
        "rekap-pegawai,tanda-tangan-bulan", "--varian", "kabupaten", "--tahun", "2021",
    )  # fmt: skip
    assert result.code == 0, result.output
    assert "Kabupaten Contoh dengan 3 kecamatan ditulis" in result.stdout
    config = load_config(tmp_path / "params/kabupaten-contoh.yaml")
    for entry in config.kecamatan:
        folder = config.data_path(entry)
        assert (folder / "rekap_pegawai.csv").exists() and not (folder / "pegawai.csv").exists()
        profil = {r["kunci"]: r["nilai"] for r in _csv(folder, "profil")}
        assert profil["tanggal_ttd"].endswith(" 2022") and "camat_pangkat" not in profil
        assert {r["unit"] for r in _csv(folder, "rekap_pegawai")} == {""}  # no desa staff
    checked = run_cli("validate", tmp_path / "params/kabupaten-contoh.yaml")
    assert checked.code == 0 and "0 galat, 0 peringatan" in checked.stdout
