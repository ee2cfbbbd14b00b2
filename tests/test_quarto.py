"""The Quarto path: the exported project (checked without Quarto), the calling side (a fake
``quarto`` on PATH: tests/fake_quarto.py, which renders with pandoc and Typst as Quarto would
what the project relies on), the shared Word finishing of the DOCX it writes, and, where a real
Quarto is installed, a real render."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml
from docx import Document
from nbformat.v4 import new_code_cell
from pypdf import PdfReader

import fake_quarto
from conftest import PARAMS, run_cli
from lkjip.report import pandoc_ast as pa
from lkjip.report import tablelayout
from lkjip.report.blocks import Cell, Table
from lkjip.report.docx_finish import read_record
from lkjip.report.quarto_render import error_line
from mini_notebooks import write_mini_notebooks

NARRATIVE_MD = (
    "Teks **penting** dari penulis.\n\n<b>bukan tebal</b> dan <w:p>openxml</w:p>\n\n"
    "```{=typst}\n#set page(fill: red)\n```\n\n![foto](/etc/hostname)\n\n"
    "`kode`{=typst} {{< include /etc/passwd >}} [@tbl-t3] dan `{{< pagebreak >}}`\n\n"
    "::: {.callout-note}\nbukan callout\n:::\n"
)
# Too wide for a portrait page, too long to fold: a landscape page; a merged header. The same
# code runs in a test notebook and here.
WIDE_TABLE = """
years = ("2022", "2023", "2024")
head = [
    [Cell("No", rowspan=2), Cell("Program dan Indikator Kinerja", rowspan=2)]
    + [Cell(f"Tahun {y}", colspan=3) for y in years]
    + [Cell("Keterangan Pelaksanaan", rowspan=2)],
    [Cell(t) for _ in years for t in ("Target Anggaran", "Realisasi Anggaran", "Capaian")],
]
body = [
    [Cell(str(n)), Cell(f"Program penyelenggaraan pemerintahan kecamatan nomor {n}")]
    + [Cell(v) for _ in years for v in ("Rp 1.234.567.890", "Rp 1.134.567.890", "91,90%")]
    + [Cell("Terlaksana sesuai rencana kerja")]
    for n in range(1, 16)
]
lebar = Table(head, body, aligns=["center", "left", *["right"] * 9, "left"], source="Data uji")
"""


def wide_table() -> Table:
    scope: dict[str, object] = {"Cell": Cell, "Table": Table}
    exec(WIDE_TABLE, scope)
    return scope["lebar"]  # type: ignore[return-value]


def small_table() -> Table:
    return Table([[Cell("Uraian"), Cell("Nilai")]], [[Cell("Satu"), Cell("1")]])


def _extra() -> dict[str, list]:
    pembuka = (
        "#| echo: false\nfrom lkjip.report.blocks import Cover, PageBreak\n"
        "show(Cover('Pemerintah Kota Bekasi', 'Laporan Uji', 'LKIP', 'Bekasi Utara', 2024))\n"
        "show(PageBreak())\n"
    )
    akuntabilitas = (
        "#| echo: false\n"
        "from lkjip.report.blocks import Narrative\n"
        f"show(Narrative('isu-strategis', 'Isu Strategis', {NARRATIVE_MD!r}, 'tulis'))\n"
        "show(Narrative('rencana-tindak', 'Rencana Tindak Lanjut', None, 'Uraikan.'))\n"
    )
    wide = (
        '#| echo: false\n#| label: tbl-lebar\n#| tbl-cap: "Tabel lebar uji"\n'
        f"{WIDE_TABLE}\nlebar.label, lebar.caption = 'tbl-lebar', 'Tabel lebar uji'\nshow(lebar)\n"
    )
    return {
        "00-pembuka": [new_code_cell(pembuka)],
        "03-akuntabilitas": [new_code_cell(akuntabilitas), new_code_cell(wide)],
    }


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory) -> Path:
    return write_mini_notebooks(tmp_path_factory.mktemp("quarto") / "nb", _extra())


def _env(notebooks: Path, bin_dir: Path | None = None, **extra: str) -> dict[str, str]:
    path = os.environ.get("PATH", "")
    if bin_dir is not None:
        path = f"{bin_dir}{os.pathsep}{path}"
    return {"LKJIP_NOTEBOOKS": str(notebooks), "PATH": path, **extra}


def _without_quarto() -> str:
    """PATH without any folder that holds a ``quarto`` command."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(f for f in folders if not (Path(f) / "quarto").exists())


@pytest.fixture(scope="module")
def fake_bin(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fakebin")
    fake_quarto.install(folder)
    return folder


# --- the exported project, without Quarto -----------------------------------------------------
@pytest.fixture(scope="module")
def project(notebooks: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ekspor") / "proyek"
    env = _env(notebooks, PATH=_without_quarto())
    result = run_cli(
        "quarto-project", PARAMS / "kota-bekasi.yaml", "-k", "bekasi-utara", out, env=env
    )
    assert result.code == 0, result.output
    assert f"Proyek Quarto kecamatan bekasi-utara ditulis di {out}" in result.stdout
    assert "quarto render --no-execute" in result.stdout
    return out


def _notebook(project: Path) -> nbformat.NotebookNode:
    (path,) = project.glob("*.ipynb")
    return nbformat.read(path, as_version=4)


def _document(project: Path) -> list[pa.Node]:
    """The project as Quarto reads it: the notebook's Markdown (cells, asis outputs, cell
    containers where a cell is not asis) read by pandoc's Markdown reader."""
    (path,) = project.glob("*.ipynb")
    config = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8"))
    markdown = fake_quarto.notebook_markdown(path, config["execute"])
    result = subprocess.run(
        [pa.pandoc_path(), "-f", "markdown", "-t", "json"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)["blocks"]


def _walk(nodes: object, inside: tuple[str, ...] = ()):
    """Every node with the classes of the divs around it."""
    if isinstance(nodes, list):
        for node in nodes:
            yield from _walk(node, inside)
    elif isinstance(nodes, dict):
        yield nodes, inside
        classes = tuple(nodes["c"][0][1]) if nodes.get("t") == "Div" else ()
        for value in nodes.values():
            yield from _walk(value, inside + classes)


def test_exported_project_is_one_indonesian_document(project: Path):
    config = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8"))
    (notebook,) = project.glob("*.ipynb")
    assert notebook.name == "LKIP_Bekasi_Utara_2024.ipynb"
    assert config["project"] == {"type": "default", "render": [notebook.name]}
    assert config["lang"] == "id"
    assert config["language"]["crossref-tbl-title"] == "Tabel"
    assert config["language"]["section-title-appendices"] == "Lampiran"
    assert config["execute"]["enabled"] is False
    assert config["format"]["docx"]["reference-doc"] == "reference.docx"
    assert config["format"]["typst"]["html-table-processing"] == "none"  # lkjip's Typst tables
    assert (project / "reference.docx").is_file()
    assert "$definitions.typ()$" in (project / config["format"]["typst"]["template"]).read_text()
    assert "Appendix" not in notebook.read_text(encoding="utf-8")
    assert "book" not in config
    assert len(list((project / "notebooks").glob("*.ipynb"))) == 6  # the executed chapters
    # Quarto would make a first heading the title (a title block): text comes first.
    first = _notebook(project).cells[0]
    assert first.cell_type == "markdown" and not first.source.lstrip().startswith("#")


def test_parameter_cells_are_hidden(project: Path):
    notebook = _notebook(project)
    hidden = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(hidden) == 6  # one per chapter notebook
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if {"parameters", "injected-parameters"} & set(tags):
            assert "remove-cell" in tags and cell.source.startswith("#| include: false")
            assert not cell.get("outputs")
    document = json.dumps(_document(project))
    assert "kota-bekasi.yaml" not in document and "city_summary" not in document


def test_no_shortcode_inside_any_cell_output(project: Path):
    outputs = [
        "".join(output["data"]["text/markdown"])
        for cell in _notebook(project).cells
        for output in cell.get("outputs", [])
    ]
    assert outputs and not any(re.search(r"(?<!\{)\{\{[<%]", text) for text in outputs)
    code = [c for c in _notebook(project).cells if c.cell_type == "code" and c.get("outputs")]
    assert all("#| echo: false\n#| output: asis" in c.source for c in code)


def test_page_breaks_and_page_settings_stand_outside_containers(project: Path):
    page_level = re.compile(r"#pagebreak|#set page|#counter\(page\)|#page\(")
    found = 0
    for node, inside in _walk(_document(project)):
        typst = node.get("t") == "RawBlock" and node["c"][0] == "typst"
        if typst and page_level.search(node["c"][1]):
            found += 1
            assert not inside, (node["c"][1][:40], inside)
        if node.get("t") == "Div":  # no cell container of Quarto's around the content
            assert not {"cell", "cell-output", "cell-output-display"} & set(node["c"][0][1])
    assert found >= 5  # cover, front matter, lists, BAB I


def test_wide_tables_are_landscape_divs_and_merged_headers_html_tables(project: Path):
    assert tablelayout.arrange(wide_table())[1].landscape  # the premise
    assert not tablelayout.arrange(small_table())[1].landscape
    tables = []
    for node, inside in _walk(_document(project)):
        if node.get("t") == "RawBlock" and node["c"][0] == "html" and "<table" in node["c"][1]:
            tables.append((node["c"][1], inside))
    wide = [(html, inside) for html, inside in tables if "Tahun 2022" in html]
    assert len(wide) == 1
    html, inside = wide[0]
    assert "landscape" in inside and "content-hidden" in inside
    assert '<th colspan="3" style="text-align: center;">Tahun 2022</th>' in html
    assert '<th rowspan="2"' in html and "<tfoot>" not in html
    narrow = [inside for html, inside in tables if "Tabel uji" in html or "Uraian" in html]
    assert narrow and not any("landscape" in inside for inside in narrow)
    divs = [n for n, _ in _walk(_document(project)) if n.get("t") == "Div"]
    landscape = [d for d in divs if "landscape" in d["c"][0][1]]
    assert len(landscape) == 1
    assert dict(landscape[0]["c"][0][2]) == {"width": "29.7cm", "height": "21cm"}


def test_narrative_is_kept_literal(project: Path):
    document = _document(project)
    narrative = next(
        n
        for n, _ in _walk(document)
        if n.get("t") == "Div" and n["c"][0][0] == "narasi-isu-strategis"
    )
    nodes = [n for n, _ in _walk(narrative["c"][1])]
    kinds = {n.get("t") for n in nodes}
    assert not kinds & {"RawBlock", "RawInline", "Image", "Cite", "Div", "Shortcode"}
    text = subprocess.run(
        [pa.pandoc_path(), "-f", "json", "-t", "plain", "--wrap=none"],
        input=json.dumps(pa.document(narrative["c"][1], {})),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for literal in ("<b>bukan tebal</b>", "<w:p>openxml</w:p>", "{=typst}", "[@tbl-t3]"):
        assert literal in text
    assert "::: {.callout-note}" in text and "foto" in text and "/etc/hostname" not in text
    # Quarto shows an escaped shortcode as the shortcode: {{{< … >}}} in code, \{\{\< in text.
    shown = "".join(
        "".join(output["data"]["text/markdown"]) if cell.cell_type == "code" else cell.source
        for cell in _notebook(project).cells
        for output in (cell.get("outputs") or [{"data": {"text/markdown": ""}}])
    )
    assert "{{{< pagebreak >}}}" in shown and "{{< include /etc/passwd >}}" not in shown
    assert "#set page(fill: red)" not in {
        n["c"][1] for n, _ in _walk(document) if n.get("t") == "RawBlock"
    }


def test_quarto_project_refuses_a_folder_in_use(notebooks: Path, tmp_path: Path):
    (tmp_path / "isi.txt").write_text("x", encoding="utf-8")
    result = run_cli("quarto-project", "-k", "bekasi-utara", tmp_path, env=_env(notebooks))
    assert result.code == 2
    assert "sudah ada dan tidak kosong" in result.stderr


# --- the calling side: a fake quarto on PATH ---------------------------------------------------
def _log(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_auto_stays_embedded_with_quarto_on_path(notebooks: Path, fake_bin: Path, tmp_path: Path):
    log = tmp_path / "quarto.jsonl"
    env = _env(notebooks, fake_bin, FAKE_QUARTO_LOG=str(log))
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--format", "docx", "--output", tmp_path / "out",
        env=env,
    )  # fmt: skip
    assert result.code == 0, result.output
    assert shutil.which("quarto", path=env["PATH"]) == str(fake_bin / "quarto")
    assert _log(log) == []  # never called
    assert (tmp_path / "out/kota-bekasi/2024/bekasi-utara/LKIP_Bekasi_Utara_2024.docx").exists()


@pytest.fixture(scope="module")
def quarto_build(notebooks: Path, fake_bin: Path, tmp_path_factory) -> tuple[Path, Path, str]:
    """``lkjip build --renderer quarto --keep-project`` with the fake quarto."""
    root = tmp_path_factory.mktemp("quarto-build")
    log = root / "quarto.jsonl"
    env = _env(notebooks, fake_bin, FAKE_QUARTO_LOG=str(log))
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "quarto", "--keep-project",
        "--output", root / "out", env=env,
    )  # fmt: skip
    assert result.code == 0, result.output
    return root / "out/kota-bekasi/2024/bekasi-utara", log, result.output


def test_renderer_quarto_calls_quarto_with_the_expected_arguments(quarto_build):
    folder, log, _output = quarto_build
    calls = _log(log)
    assert [c[0] for c in calls] == ["render", "render"]
    assert [c[2:] for c in calls] == [
        ["--to", "docx", "--no-execute", "--output-dir", "_keluaran-docx"],
        ["--to", "typst", "--no-execute", "--output-dir", "_keluaran-pdf"],
    ]
    project = Path(calls[0][1])
    assert not project.exists()  # the scratch project is gone
    assert not project.is_relative_to(folder.parents[2])  # and was never in the outputs
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "LKIP_Bekasi_Utara_2024.docx", "LKIP_Bekasi_Utara_2024.pdf", "notebooks",
        "proyek-quarto.zip", "validasi.txt",
    ]  # fmt: skip
    manifest = json.loads((folder.parent / "manifest.json").read_text(encoding="utf-8"))
    recorded = manifest["kecamatan"]["bekasi-utara"]["files"]
    assert not [name for name in recorded if "quarto" in name and name != "proyek-quarto.zip"]
    with zipfile.ZipFile(folder / "proyek-quarto.zip") as kept:
        assert {"_quarto.yml", "LKIP_Bekasi_Utara_2024.ipynb", "quarto.log"} <= set(kept.namelist())


def test_quarto_docx_gets_the_shared_word_finishing(quarto_build, tmp_path: Path):
    folder, _log_path, _output = quarto_build
    draft = folder / "LKIP_Bekasi_Utara_2024.docx"
    with zipfile.ZipFile(draft) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    instructions = re.findall(r"<w:instrText[^>]*>\s*(\w+)", xml)
    assert instructions.count("TOC") == 3  # Daftar Isi, Tabel, Gambar
    assert {"SEQ", "STYLEREF", "REF", "PAGEREF"} <= set(instructions)
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    assert {"narasi-isu-strategis", "narasi-rencana-tindak", "_Ref_tbl_lebar"} <= bookmarks
    assert '<w:updateFields w:val="true"/>' in settings
    assert re.search(r'<w:lang [^>]*w:val="id-ID"', styles)  # Quarto's lang: id writes "id"
    assert '<w:pgNumType w:fmt="lowerRoman" w:start="1"/>' in xml
    assert re.search(r'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar', xml)
    document = Document(str(draft))
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Tabel"]
    assert "Tabel 3.2 Tabel lebar uji" in captions
    header = [c for t in document.tables for c in t.rows[0].cells if c.text == "Tahun 2022"]
    assert header and header[0]._tc.grid_span == 3  # a merged header cell
    # Each notebook's chart is a native Word chart: its placeholder survived Quarto's writer.
    charts = [r for r in document.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) == 6 and "[[grafik:" not in xml
    assert [p.text for p in document.paragraphs if p.style.name == "Judul Gambar"][:1] == [
        "Gambar 1 Gambar uji f0"
    ]
    assert read_record(draft) is not None
    # narrative pull reads the draft the Quarto path wrote
    narasi = tmp_path / "narasi.md"
    result = run_cli("narrative", "pull", draft, "--narasi", narasi)
    assert result.code == 0, result.output
    assert "rencana-tindak" in result.stdout


def test_quarto_and_embedded_drafts_have_the_same_content(quarto_build, notebooks, tmp_path):
    folder, _log_path, _output = quarto_build
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "embedded", "--output",
        tmp_path / "out", env=_env(notebooks),
    )  # fmt: skip
    assert result.code == 0, result.output
    embedded = tmp_path / "out/kota-bekasi/2024/bekasi-utara/LKIP_Bekasi_Utara_2024.docx"

    def paragraphs(path: Path) -> list[tuple[str, str]]:
        document = Document(str(path))
        return [(p.style.name, " ".join(p.text.split())) for p in document.paragraphs]

    assert paragraphs(folder / embedded.name) == paragraphs(embedded)
    quarto_pdf = PdfReader(str(folder / "LKIP_Bekasi_Utara_2024.pdf"))
    assert len(quarto_pdf.pages) == len(PdfReader(str(embedded.with_suffix(".pdf"))).pages)
    assert any(page.mediabox.width > page.mediabox.height for page in quarto_pdf.pages)


def test_landscape_sections_where_quarto_left_none(
    quarto_build, notebooks, fake_bin, tmp_path: Path
):
    env = _env(notebooks, fake_bin, FAKE_QUARTO_LANDSCAPE="0")
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "quarto", "--format", "docx",
        "--output", tmp_path / "out", env=env,
    )  # fmt: skip
    assert result.code == 0, result.output
    draft = tmp_path / "out/kota-bekasi/2024/bekasi-utara/LKIP_Bekasi_Utara_2024.docx"

    def layout(path: Path) -> list[tuple[bool, str]]:
        """Per section: landscape or not, and its page-number format."""
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", xml)
        return [("landscape" in s, "".join(re.findall(r'w:fmt="(\w+)"', s))) for s in sections]

    with_breaks = layout(quarto_build[0] / draft.name)  # where Quarto wrote the breaks
    assert [landscape for landscape, _ in layout(draft)].count(True) == 1
    assert layout(draft) == with_breaks


def test_quarto_failure_shows_its_error_line(notebooks, fake_bin, tmp_path: Path):
    env = _env(
        notebooks, fake_bin, FAKE_QUARTO_FAIL="pagebreaks are not allowed inside of containers"
    )
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "quarto", "--keep-project",
        "--output", tmp_path / "out", env=env,
    )  # fmt: skip
    assert result.code == 1
    assert (
        "quarto render (docx) gagal: ERROR: pagebreaks are not allowed inside of containers"
        in result.stdout
    )
    assert "metadata" not in result.stdout and "Stack trace" not in result.stdout
    folder = tmp_path / "out/kota-bekasi/2024/bekasi-utara"
    assert not (folder / "LKIP_Bekasi_Utara_2024.docx").exists()
    with zipfile.ZipFile(folder / "proyek-quarto.zip") as kept:  # kept to see why
        assert "metadata" in kept.read("quarto.log").decode("utf-8")


def test_renderer_quarto_without_quarto_stops_before_building(notebooks, tmp_path: Path):
    env = _env(notebooks, PATH=_without_quarto())
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "quarto", "--output", tmp_path,
        env=env,
    )  # fmt: skip
    assert result.code == 2
    assert "renderer quarto diminta untuk kota-bekasi" in result.stderr
    assert "tidak ada di PATH" in result.stderr
    assert not list(tmp_path.rglob("*.docx"))


def test_city_config_chooses_quarto_and_the_command_line_overrides_it(
    notebooks, fake_bin, tmp_path: Path
):
    config = yaml.safe_load((PARAMS / "kota-bekasi.yaml").read_text(encoding="utf-8"))
    config["renderer"] = "quarto"
    for entry in config["kecamatan"]:
        entry["data"] = str((PARAMS / entry["data"]).resolve())
    path = tmp_path / "kota-bekasi.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    log = tmp_path / "quarto.jsonl"
    env = _env(notebooks, fake_bin, FAKE_QUARTO_LOG=str(log))
    out = tmp_path / "out"
    embedded = run_cli(
        "build", path, "--renderer", "embedded", "--format", "docx", "--output", out, env=env
    )
    assert embedded.code == 0, embedded.output
    assert _log(log) == []
    chosen = run_cli("build", path, "--format", "docx", "--output", out, env=env)
    assert chosen.code == 0, chosen.output
    assert [c[3] for c in _log(log)] == ["docx"]  # the renderer changed: rebuilt, by Quarto


def test_error_line_finds_what_went_wrong():
    typst = (
        "pandoc\n  to: typst\nmetadata\n  title: Laporan\n"
        "\x1b[31merror: pagebreaks are not allowed inside of containers\x1b[0m\n"
        "   ┌─ LKIP_Uji_2024.typ:120:2\n    │\n120 │ #pagebreak(weak: true)\n"
        "ERROR: Typst compilation failed\n"
    )
    assert error_line(typst) == (
        "error: pagebreaks are not allowed inside of containers (di LKIP_Uji_2024.typ:120:2)"
    )
    assert error_line("metadata\n  x: y\nERROR: File not found: a.ipynb\n") == (
        "ERROR: File not found: a.ipynb"
    )
    assert error_line("metadata\n  judul: rja Pemerintah\n") == "judul: rja Pemerintah"


# --- with a real Quarto ------------------------------------------------------------------------
def _real_quarto() -> str:
    command = shutil.which("quarto")
    if command is None:
        return ""
    try:
        version = subprocess.run(
            [command, "--version"], capture_output=True, text=True, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return version if re.fullmatch(r"1\.\d+\.\d+", version) else ""


@pytest.mark.skipif(
    not _real_quarto(),
    reason="Quarto tidak terpasang di mesin ini (paket PyPI-nya mengunduh biner saat dipasang); "
    "render DOCX/PDF dengan Quarto sungguhan tidak diuji, sisi pemanggil diuji dengan quarto palsu",
)
def test_real_quarto_renders_docx_and_pdf(notebooks: Path, tmp_path: Path):
    result = run_cli(
        "build", PARAMS / "kota-bekasi.yaml", "--renderer", "quarto", "--keep-project",
        "--output", tmp_path / "out", env=_env(notebooks),
    )  # fmt: skip
    assert result.code == 0, result.output
    folder = tmp_path / "out/kota-bekasi/2024/bekasi-utara"
    draft = folder / "LKIP_Bekasi_Utara_2024.docx"
    document = Document(str(draft))
    texts = [p.text for p in document.paragraphs]
    assert "Tabel 3.2 Tabel lebar uji" in texts and "DAFTAR TABEL" in texts
    assert any(s.page_width > s.page_height for s in document.sections)
    assert read_record(draft) is not None
    pdf = PdfReader(str(folder / "LKIP_Bekasi_Utara_2024.pdf"))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "DAFTAR ISI" in text and "Tabel 3.2 Tabel lebar uji" in text
    assert "Appendix" not in text and "<b>bukan tebal</b>" in text
    assert any(page.mediabox.width > page.mediabox.height for page in pdf.pages)
