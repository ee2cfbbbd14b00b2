"""The synthetic city generator (lkjip sample)."""

from __future__ import annotations

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


def test_bundled_kota_contoh_is_exactly_the_generator_output(tmp_path: Path):
    result = run_cli("sample", tmp_path, "--kecamatan", "6", "--seed", "1")
    assert result.code == 0, result.output
    assert filecmp.cmp(
        tmp_path / "params/kota-contoh.yaml", ROOT / "params/kota-contoh.yaml", shallow=False
    )
    assert _same_tree(tmp_path / "data/kota-contoh", ROOT / "data/kota-contoh")


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
    assert wrong.code == 2 and "varian tidak dikenal: raksasa; pilihan: stres" in wrong.output
    assert "anggaran-program" in wrong.output
