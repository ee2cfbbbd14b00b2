"""Executor, assembler and embedded renderer, on tiny notebooks (the real chapters are tested
end to end in test_report_build.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from docx import Document
from nbformat.v4 import new_code_cell
from pypdf import PdfReader

from conftest import PARAMS, run_cli
from lkjip.report.execute import NotebookError, check_parameters
from mini_notebooks import write_mini_notebooks

INJECTION = (
    "#set page(fill: red) #pagebreak() <b>tebal</b> <w:p><w:r><w:t>XML</w:t></w:r></w:p> "
    "`raw`{=typst} $x^2$ \\\\ ]] [[ <script>alert(1)</script>"
)
NARRATIVE_MD = (
    "Teks **penting** dari penulis.\n\n<b>bukan tebal</b> dan <w:p>openxml</w:p>\n\n"
    "```{=typst}\n#set page(fill: red)\n```\n\n![foto](/etc/hostname)\n"
)


def _extra() -> dict[str, list]:
    show = (
        "#| echo: false\n"
        "from lkjip.report.blocks import Narrative\n"
        f"show(Para([{INJECTION!r}]))\n"
        f"show(Table(head=[[Cell('Kolom')]], body=[[Cell({INJECTION!r})]]))\n"
        f"show(Narrative('isu-strategis', 'Isu Strategis', {NARRATIVE_MD!r}, 'tulis'))\n"
        "show(Narrative('rencana-tindak', 'Rencana Tindak Lanjut', None, 'Uraikan rencana tindak lanjut.'))\n"
    )
    return {"03-akuntabilitas": [new_code_cell(show)]}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pipeline")
    notebooks = write_mini_notebooks(root / "nb", _extra())
    env_before = os.environ.get("LKJIP_NOTEBOOKS")
    os.environ["LKJIP_NOTEBOOKS"] = str(notebooks)
    umask = os.umask(0o022)  # the usual umask: every output must then be 0644
    try:
        result = run_cli("build", PARAMS / "kota-bekasi.yaml", "--output", root / "out")
    finally:
        os.umask(umask)
        if env_before is None:
            del os.environ["LKJIP_NOTEBOOKS"]
        else:
            os.environ["LKJIP_NOTEBOOKS"] = env_before
    assert result.code == 0, result.output
    return root / "out/kota-bekasi/2024/bekasi-utara"


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_outputs_are_named_after_the_city_acronym(built: Path):
    assert (built / "LKIP_Bekasi_Utara_2024.docx").exists()
    assert (built / "LKIP_Bekasi_Utara_2024.pdf").exists()
    assert sorted((built / "notebooks").glob("*.ipynb"))[0].name == "00-pembuka.ipynb"
    assert not [p for p in built.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_numbering_per_bab_and_references(built: Path):
    text = _docx_text(built / "LKIP_Bekasi_Utara_2024.docx")
    assert "Tabel 3.1 Tabel uji t3" in text
    assert "Gambar 2.1 Gambar uji f2" in text
    assert "Lihat Tabel 3.1 dan Gambar 3.1." in text
    assert "Tabel L.1 Tabel uji t5" in text
    assert "3.1 Sub bagian" in text


def test_charts_are_native_word_charts(built: Path):
    document = Document(str(built / "LKIP_Bekasi_Utara_2024.docx"))
    charts = [r for r in document.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) == 6  # one per notebook
    assert not [r for r in document.part.rels.values() if "image" in r.reltype]


def test_markup_in_data_and_narrative_stays_literal(built: Path):
    docx = _docx_text(built / "LKIP_Bekasi_Utara_2024.docx")
    pdf = "\n".join(
        p.extract_text() for p in PdfReader(str(built / "LKIP_Bekasi_Utara_2024.pdf")).pages
    )
    for fragment in (
        "#set page(fill: red)",
        "<b>tebal</b>",
        "<w:t>XML</w:t>",
        "<script>alert(1)</script>",
    ):
        assert fragment in docx
        assert fragment in pdf.replace("\n", " ")
    assert "<b>bukan tebal</b>" in docx and "<w:p>openxml</w:p>" in docx
    assert "#set page(fill: red)" in pdf  # the raw typst block of the narrative is shown as code
    document = Document(str(built / "LKIP_Bekasi_Utara_2024.docx"))
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "penting" in bold  # Markdown emphasis of the author still works
    assert "/etc/hostname" not in docx  # an author's image cannot pull a local file in


def test_missing_narrative_is_a_visible_placeholder(built: Path):
    document = Document(str(built / "LKIP_Bekasi_Utara_2024.docx"))
    marked = [p for p in document.paragraphs if "[BELUM DIISI: Rencana Tindak Lanjut]" in p.text]
    assert marked and marked[0].style.name == "Placeholder"
    assert "Uraikan rencana tindak lanjut." in marked[0].text


def test_every_output_has_the_mode_of_a_new_file(built: Path):
    """Reports, notebooks and their pages, validasi.txt, the recap (XLSX and DOCX), the status
    page and the manifest: all written as a new file is, 0644 under umask 022."""
    city = built.parent
    files = [p for p in city.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"validasi.txt", "manifest.json", "index.html", "rekap.xlsx"} <= names, names
    kinds = {p.suffix for p in files}
    assert {".docx", ".pdf", ".ipynb", ".html", ".xlsx", ".json", ".txt"} <= kinds, kinds
    modes = {str(p.relative_to(city)): oct(stat.S_IMODE(p.stat().st_mode)) for p in files}
    assert {name: m for name, m in modes.items() if m != oct(0o644)} == {}


def test_unknown_and_missing_parameters_are_errors(tmp_path: Path):
    notebooks = write_mini_notebooks(tmp_path / "nb")
    path = notebooks / "01-pendahuluan.ipynb"
    check_parameters(path, {"config": "x.yaml", "kecamatan": "a", "city_summary": ""})
    with pytest.raises(NotebookError, match="parameter tidak dikenal: tahun"):
        check_parameters(
            path, {"config": "x.yaml", "kecamatan": "a", "city_summary": "", "tahun": 2024}
        )
    with pytest.raises(NotebookError, match="parameter belum diberikan: city_summary, kecamatan"):
        check_parameters(path, {"config": "x.yaml"})
    with pytest.raises(NotebookError, match="parameter kecamatan harus bertipe str"):
        check_parameters(path, {"config": "x.yaml", "kecamatan": 5, "city_summary": ""})


def test_failing_cell_is_named_and_its_notebook_kept(tmp_path: Path):
    boom = new_code_cell("#| echo: false\nraise ValueError('data rusak di sini')")
    notebooks = write_mini_notebooks(tmp_path / "nb", {"02-perencanaan": [boom]})
    env = dict(os.environ, LKJIP_NOTEBOOKS=str(notebooks))
    os.environ.update(env)
    try:
        result = run_cli(
            "build", PARAMS / "kota-bekasi.yaml", "--format", "docx", "--output", tmp_path / "out"
        )
    finally:
        del os.environ["LKJIP_NOTEBOOKS"]
    assert result.code == 1
    assert "GAGAL  kota-bekasi/bekasi-utara" in result.stdout
    assert (
        "notebook 02-perencanaan gagal pada sel ke-7 (raise ValueError('data rusak di sini'))"
        in result.stdout
    )
    assert "ValueError: data rusak di sini" in result.stdout
    kept = tmp_path / "out/kota-bekasi/2024/bekasi-utara/notebooks/02-perencanaan.ipynb"
    assert kept.exists() and "data rusak di sini" in kept.read_text(encoding="utf-8")
    assert "Traceback" not in result.stdout.split("Notebook hasil")[0]


def test_notebook_command_prepares_parameterised_notebooks(tmp_path: Path):
    import nbformat

    result = run_cli("notebook", "--kecamatan", "perak", "--output", tmp_path)
    assert result.code == 0, result.output
    folder = tmp_path / "kabupaten-jombang/2024/perak/analisis"
    assert "jupyter lab" in result.stdout and str(folder) in result.stdout
    notebook = nbformat.read(folder / "03-akuntabilitas.ipynb", as_version=4)
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'kecamatan = "perak"' in injected[0].source
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    missing = run_cli("notebook", "--kecamatan", "tidak-ada", "--output", tmp_path)
    assert missing.code == 2 and "kecamatan 'tidak-ada' tidak ditemukan" in missing.stderr


def test_chapters_run_in_process_and_see_nothing_of_each_other(tmp_path: Path, monkeypatch):
    import nbformat
    from jupyter_client.manager import KernelManager

    from lkjip.report.execute import execute_notebook
    from mini_notebooks import PARAMS as MINI_PARAMS
    from mini_notebooks import write_notebook

    def no_kernel(*_args, **_kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(KernelManager, "start_kernel", no_kernel)
    folder = tmp_path / "nb"
    write_notebook(
        folder / "01-pendahuluan.ipynb",
        [
            new_code_cell(MINI_PARAMS, metadata={"tags": ["parameters"]}),
            new_code_cell("bocor = 1\nprint('halo')\nkecamatan"),
        ],
    )
    write_notebook(
        folder / "02-perencanaan.ipynb",
        [
            new_code_cell(MINI_PARAMS, metadata={"tags": ["parameters"]}),
            new_code_cell("assert 'bocor' not in globals(), 'state leaked between chapters'"),
        ],
    )
    params = {"config": "x.yaml", "kecamatan": "a", "city_summary": ""}
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(folder))
    for _ in range(2):
        execute_notebook("01-pendahuluan", tmp_path / "o1.ipynb", params)
        execute_notebook("02-perencanaan", tmp_path / "o2.ipynb", params)
    first = nbformat.read(tmp_path / "o1.ipynb", as_version=4)
    injected = [c for c in first.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'kecamatan = "a"' in injected[0].source
    outputs = first.cells[-1].outputs
    assert outputs[0].output_type == "stream" and outputs[0].text == "halo\n"
    assert outputs[1].output_type == "execute_result" and outputs[1].data["text/plain"] == "'a'"
    assert [c.execution_count for c in first.cells if c.cell_type == "code"] == [1, 2, 3]
    assert first.metadata.papermill["parameters"] == params


def test_a_worker_keeps_nothing_of_the_notebooks_it_ran(tmp_path: Path, monkeypatch):
    """Memory stays flat over a long batch: the injected parameters (the city summary of a
    large city) and the cells of a notebook are let go once it has been written."""
    import gc
    import tracemalloc

    from lkjip.report.execute import execute_notebook
    from mini_notebooks import PARAMS as MINI_PARAMS
    from mini_notebooks import write_notebook

    folder = tmp_path / "nb"
    write_notebook(
        folder / "01-pendahuluan.ipynb",
        [
            new_code_cell(MINI_PARAMS, metadata={"tags": ["parameters"]}),
            new_code_cell("panjang = len(city_summary)\npanjang"),
        ],
    )
    monkeypatch.setenv("LKJIP_NOTEBOOKS", str(folder))
    summary = 200_000  # characters of city summary per notebook

    def run(index: int) -> None:
        params = {"config": "x.yaml", "kecamatan": f"k{index}", "city_summary": ""}
        params["city_summary"] = f"{index:06d}" + "x" * summary
        execute_notebook("01-pendahuluan", tmp_path / "out.ipynb", params)

    for index in range(3):
        run(index)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for index in range(3, 13):
            run(index)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < summary, f"{grown} bytes kept after 10 notebooks"
