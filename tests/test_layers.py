"""Layers that flow one way: loading, validation and metrics → report → batch → cli. Checked
statically over the source (every import, those inside functions too), and by running a chapter
notebook alone: it validates each kecamatan of the city at most once."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from conftest import PARAMS, ROOT

LIB = ROOT / "lib"
# Lowest first: a module may import its own layer and those below, never one above.
LAYERS = ("loading, validation and metrics", "report", "batch", "cli")


def layer(module: str) -> int:
    """The layer of a module of ``lkjip`` (anything not named is the bottom one)."""
    parts = module.split(".")
    if len(parts) < 2:
        return 0
    if parts[1] == "report":
        return 1
    if parts[1] == "batch":
        return 2
    if parts[1] == "cli" or parts[1].startswith("cli_"):
        return 3
    return 0


def module_name(path: Path) -> str:
    relative = path.relative_to(LIB).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imports_of(source: str, module: str, package: bool = False) -> set[str]:
    """Every ``lkjip`` module that ``source`` (the text of ``module``) imports, at any depth:
    ``import a.b``, ``from a import b`` (as ``a.b``), relative imports resolved."""
    found: set[str] = set()
    here = module.split(".") if package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = here[: len(here) - (node.level - 1)]
                base = ".".join([*parent, *([base] if base else [])])
            found |= {f"{base}.{alias.name}" for alias in node.names} | {base}
    return {name for name in found if name == "lkjip" or name.startswith("lkjip.")}


def test_the_checker_sees_imports_inside_functions_and_relative_ones():
    source = (
        "import lkjip.loader\n"
        "def later():\n"
        "    from lkjip.batch.survey import survey_city\n"
        "    from . import figures\n"
        "    from ..validate import check_kecamatan\n"
    )
    found = imports_of(source, "lkjip.report.kota")
    assert {"lkjip.loader", "lkjip.batch.survey", "lkjip.report.figures"} <= found
    assert "lkjip.validate.check_kecamatan" in found
    assert max(layer(name) for name in found) == 2


def test_no_module_imports_a_layer_above_its_own():
    wrong = []
    for path in sorted((LIB / "lkjip").rglob("*.py")):
        module = module_name(path)
        source = path.read_text(encoding="utf-8")
        for name in sorted(imports_of(source, module, package=path.name == "__init__.py")):
            if layer(name) > layer(module):
                wrong.append(f"{module} ({LAYERS[layer(module)]}) imports {name}")
    assert wrong == []


def test_loading_and_validation_never_import_the_report():
    """The named case of the rule above, module by module (the narasi.md catalogue lives
    beside the schema, lkjip.narasi)."""
    for name in ("loader", "validate", "validate_narrative", "validate_sheets", "schema"):
        source = (LIB / "lkjip" / f"{name}.py").read_text(encoding="utf-8")
        assert not any(layer(m) for m in imports_of(source, f"lkjip.{name}")), name


def test_a_notebook_run_alone_validates_each_kecamatan_at_most_once(tmp_path: Path, monkeypatch):
    """BAB III compares the kecamatan with the city's others, in a table and a figure; run alone
    (no summary from a batch), the notebook computes the city summary once and validates each
    kecamatan once, its own included."""
    import nbformat

    from lkjip import city_summary, validate
    from lkjip.config import load_config
    from lkjip.memo import Recent
    from lkjip.report.execute import execute_notebook

    monkeypatch.delenv("LKJIP_NOTEBOOKS", raising=False)
    monkeypatch.setattr(validate, "_RECENT", Recent())  # nothing remembered from other tests
    monkeypatch.setattr(city_summary, "_CITIES", Recent())
    counted: Counter[Path] = Counter()
    check = validate._check

    def counting(path: Path, *args):
        counted[Path(path)] += 1
        return check(path, *args)

    monkeypatch.setattr(validate, "_check", counting)
    config = PARAMS / "kota-contoh.yaml"
    parameters = {"config": str(config), "kecamatan": "sukamaju", "city_summary": ""}
    executed = execute_notebook("03-akuntabilitas", tmp_path / "03.ipynb", parameters)

    city = load_config(config)
    assert set(counted) == {city.data_path(e) for e in city.kecamatan}
    assert max(counted.values()) == 1, counted
    text = nbformat.read(executed.path, as_version=4)
    assert "Perbandingan dengan Kecamatan Lain" in nbformat.writes(text)


@pytest.mark.parametrize("slug", ["sukamaju", "mekarsari"])
def test_the_city_summary_of_a_notebook_is_the_batch_one(slug: str, monkeypatch):
    """Computed alone or in a batch's phase 1, the comparison shows the same figures."""
    from lkjip import city_summary
    from lkjip.batch.survey import city_summary_json, survey_city
    from lkjip.config import load_config
    from lkjip.memo import Recent

    monkeypatch.setattr(city_summary, "_CITIES", Recent())
    config = load_config(PARAMS / "kota-contoh.yaml")
    alone = city_summary.city_summary(config, first=slug)
    assert alone == city_summary_json(survey_city(config, root=Path("/nonexistent")))
    assert city_summary.city_summary(config) is alone  # cached for the whole city
