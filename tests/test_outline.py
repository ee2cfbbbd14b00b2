"""The declared outline (report/outline.py): the notebooks are generated from it, every builder,
reference, switch and layout hint it names is real."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import nbformat
import pytest

from conftest import switched_off
from lkjip.report import notebooks, outline
from lkjip.report.blocks import Table
from lkjip.report.context import ReportContext

REPORT = Path(outline.__file__).parent
SOURCES = sorted(p for p in REPORT.rglob("*.py") if p.name != "outline.py")
PARTS = [(c, p) for c in outline.CHAPTERS for p in c.parts]


def _resolve(name: str) -> object:
    module, attribute = name.split(".")
    return getattr(importlib.import_module(f"lkjip.report.{module}"), attribute)


def test_the_outline_is_consistent():
    assert outline.check() == []
    assert len(outline.labels()) == sum(1 for _, p in PARTS if p.label)
    assert outline.resolves("fig-bab3-foto-12") and not outline.resolves("fig-bab3-foto")


def test_notebooks_on_disk_are_the_ones_the_outline_generates():
    assert notebooks.disagreements() == [], f"run: {notebooks.COMMAND}"


def test_a_notebook_that_drifts_from_the_outline_is_named(tmp_path: Path):
    notebooks.write(tmp_path)
    assert notebooks.disagreements(tmp_path) == []
    path = tmp_path / "03-akuntabilitas.ipynb"
    edited = nbformat.read(path, as_version=4)
    edited.cells.insert(3, nbformat.v4.new_code_cell("show(*bab3.tabel_baru(ctx))"))
    nbformat.write(edited, path)
    (tmp_path / "06-tambahan.ipynb").write_text("{}", encoding="utf-8")
    problems = notebooks.disagreements(tmp_path)
    assert problems == [
        "06-tambahan.ipynb: tidak ada dalam outline",
        f"03-akuntabilitas.ipynb: berbeda dari outline (jalankan {notebooks.COMMAND})",
    ]
    assert notebooks.main(["--check", str(tmp_path)]) == 1


def test_notebooks_are_thin_and_quarto_ready():
    for chapter in outline.CHAPTERS:
        notebook = notebooks.notebook(chapter)
        first, setup, *cells = notebook.cells
        assert first.metadata["tags"] == ["parameters"]
        assert "ctx = open_report(config, kecamatan)" in setup.source
        assert len(cells) == len(chapter.parts)
        for cell, part in zip(cells, chapter.parts, strict=True):
            assert cell.metadata["lkjip"]["part"] == part.id
            if part.kind == "heading":
                assert cell.cell_type == "markdown"
                continue
            code = [line for line in cell.source.splitlines() if not line.startswith("#|")]
            assert len(code) == 1 and part.builder in code[0]  # one call per part
            assert cell.source.startswith("#| echo: false")
            if part.kind in ("table", "figure"):
                assert f"#| label: {part.label}\n" in cell.source
                cap = "tbl-cap" if part.kind == "table" else "fig-cap"
                assert f'#| {cap}: "{part.caption}"' in cell.source


def test_every_builder_the_outline_names_exists():
    for _, part in PARTS:
        if part.builder:
            assert callable(_resolve(part.builder)), part.builder
        if part.caption_builder:
            assert callable(_resolve(part.caption_builder)), part.caption_builder


def _labels_in_source(path: Path) -> list[tuple[int, str]]:
    """Every label-like string constant, and every Ref() whose argument is not a constant or a
    plain name (which a constant checked here feeds)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and outline.LABEL.match(node.value):
            found.append((node.lineno, node.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Ref":
            argument = node.args[0]
            if isinstance(argument, ast.JoinedStr):  # f"fig-bab3-foto-{n}": as its first one
                found.append((node.lineno, "".join(_first(v) for v in argument.values)))
            elif not isinstance(argument, ast.Constant | ast.Name):
                found.append((node.lineno, ast.unparse(argument)))
    return sorted(found)


def _first(value: ast.expr) -> str:
    return str(value.value) if isinstance(value, ast.Constant) else "1"


def test_every_reference_in_the_builders_resolves_in_the_outline():
    unknown = [
        f"{path.relative_to(REPORT)}:{line}: {label}"
        for path in SOURCES
        for line, label in _labels_in_source(path)
        if not outline.resolves(label)
    ]
    assert unknown == []
    assert sum(len(_labels_in_source(p)) for p in SOURCES) > 40  # the scan does find them


def test_the_reference_scan_misses_no_shape(tmp_path: Path):
    source = tmp_path / "x.py"
    source.write_text(
        'Ref("tbl-bab3-hilang")\nRef(prefix + "x")\nrefs = [("a", "fig-bab9-tidak-ada")]\n'
        'Ref(f"fig-bab3-foto-{n}")\nRef(f"fig-bab9-foto-{n}")\n'
    )
    found = [label for _, label in _labels_in_source(source)]
    assert found == [
        "tbl-bab3-hilang",
        "prefix + 'x'",
        "fig-bab9-tidak-ada",
        "fig-bab3-foto-1",
        "fig-bab9-foto-1",
    ]
    assert [outline.resolves(label) for label in found] == [False] * 3 + [True, False]


def test_every_switch_a_builder_asks_for_is_declared(perak: ReportContext):
    assert perak.enabled("prestasi")
    with pytest.raises(ValueError, match="tidak dinyatakan dalam outline"):
        perak.enabled("bagian-yang-tidak-ada")


@pytest.mark.parametrize("name", ["perak", "bekasi", "sukamaju"])
def test_a_part_switched_off_shows_nothing(name: str, request: pytest.FixtureRequest):
    ctx = request.getfixturevalue(name)
    for _, part in PARTS:
        if not part.switches or part.args != ("ctx",):
            continue
        for switch in part.switches:
            shown = _resolve(part.builder)(switched_off(ctx, switch))
            assert not shown, f"{part.builder} with {switch} off"


def test_kota_parts_switched_off_show_nothing(perak: ReportContext):
    off = switched_off(perak, "perbandingan-kecamatan")
    for _, part in PARTS:
        if part.args == outline.KOTA:
            assert not _resolve(part.builder)(off, ""), part.builder


@pytest.mark.parametrize("name", ["perak", "bekasi"])
def test_wide_tables_are_declared_as_such(name: str, request: pytest.FixtureRequest):
    """A table its builder marks wide (it may go landscape) has the hint in the outline."""
    ctx = request.getfixturevalue(name)
    for _, part in PARTS:
        if part.kind != "table" or part.args != ("ctx",):
            continue
        tables = [b for b in _resolve(part.builder)(ctx) if isinstance(b, Table)]
        if tables and tables[0].wide:
            assert part.landscape, part.label
