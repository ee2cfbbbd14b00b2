"""Fuzzing the loader: whatever a kecamatan's CSV files or workbook hold, `lkjip validate` ends
with exit 0, 1 or 2 (valid, invalid data, unusable input), never an unexpected failure.

Each test runs ``max_examples=200`` derandomised examples in CI. For a longer hunt:
``LKJIP_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz_inputs.py`` (random seeds
then, so each run explores new inputs).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.loader import load_kecamatan
from lkjip.schema import SHEETS_BY_NAME
from lkjip.template import write_template
from minimal import SHEETS, write_minimal

EXAMPLES = int(os.environ.get("LKJIP_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 200,
    deadline=None,
    derandomize=not EXAMPLES,  # reproducible in CI; a long hunt explores new seeds
    database=None,  # nothing written into the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def validate_exit_code(path: Path) -> int:
    """`lkjip validate PATH` in this process, as the user runs it. With LKJIP_DEBUG set, an
    unexpected exception (exit 3) propagates with its traceback for hypothesis to shrink."""
    from lkjip.cli import main

    with (
        mock.patch.object(sys, "argv", ["lkjip", "validate", str(path)]),
        mock.patch.dict(os.environ, {"LKJIP_DEBUG": "1"}),
    ):
        try:
            main()
        except SystemExit as exc:
            return int(exc.code or 0)
    return 0  # pragma: no cover - main always exits


def assert_validates_cleanly(path: Path) -> None:
    assert validate_exit_code(path) in (0, 1, 2)


# --- CSV text ------------------------------------------------------------------------------------
CSV_PIECES = [
    ",",
    ";",
    '"',
    "\n",
    "\r\n",
    "\r",
    "\x00",
    "-",
    ".",
    ",-",
    "%",
    "Rp",
    " ",
    "e",
    "9" * 40,
    "NaN",
    "inf",
    "1e400",
    "ya",
    "2024",
    "0",
    "-1",
    "\ufeff",
    "é",
    "\u00a0",
    "x" * 200,
    "1" + "0" * 30,
    "1" + "0" * 15,
    "0,00000000000000000001",
    "-999999",
    "A",
]
MUTABLE = [*SHEETS, "unit_organisasi", "sarpras", "pegawai", "abk", "evaluasi_rb", "ipp", "narasi"]
OPTIONAL = {
    "unit_organisasi": "kode,nama,induk\nCMT,Camat,\nSEK,Sekretariat,CMT\n",
    "sarpras": "jenis,jumlah,kondisi,standar_kebutuhan\nKomputer,10,baik,12\n",
    "pegawai": "jabatan,kategori,pendidikan,jenis_kelamin,jumlah\nCamat,struktural,S2,L,1\n",
    "abk": "jabatan,kebutuhan,ketersediaan\nPengadministrasi,3,2\n",
    "evaluasi_rb": "tahun,kode,induk,komponen,bobot,nilai\n2024,1,,Pengungkit,60,40\n"
    "2024,1.1,1,Manajemen,60,40\n",
    "ipp": 'tahun,aspek,bobot,nilai_indikator\n2024,Kebijakan,100,"3,5"\n',
    "narasi": "## isu-strategis\nTeks.\n",
}
BASE_TEXT = {**SHEETS, **OPTIONAL}

edits = st.lists(
    st.tuples(
        st.floats(0, 1),  # where, as a fraction of the text
        st.sampled_from(["insert", "delete", "replace", "cell", "cell"]),
        st.one_of(st.sampled_from(CSV_PIECES), st.text(max_size=6)),
    ),
    min_size=1,
    max_size=8,
)


CELL = re.compile(r"[^,;\n]+")


def mutate(text: str, changes: list[tuple[float, str, str]]) -> str:
    """``text`` with pieces inserted, deleted or written over at the given places; "cell"
    replaces the whole cell (between separators) found there."""
    for where, how, piece in changes:
        at = int(where * len(text))
        cells = [m for m in CELL.finditer(text) if m.start() <= at <= m.end()]
        if how == "cell" and cells:
            text = text[: cells[0].start()] + piece + text[cells[0].end() :]
        elif how == "insert":
            text = text[:at] + piece + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


NUMBERS = [
    "1" + "0" * 30,
    "1" + "0" * 15,
    "999999999999999",
    "-1",
    "0",
    "-0",
    "0,5",
    "1e400",
    "NaN",
    "0,00000000000000000001",
    "-1" + "0" * 20,
    "12.345,67",
    "Rp 1.000,-",
    "101%",
]


@st.composite
def cell_edits(draw, name: str) -> str:
    """The sheet ``name`` with a few whole cells (header included) replaced: by numbers at the
    edges of what is plausible, by the sheet's own column names (duplicate headers), or by
    random text."""
    rows = list(csv.reader(io.StringIO(BASE_TEXT[name])))
    sheet = SHEETS_BY_NAME.get(name)
    names = sheet.column_names if sheet else ["x"]
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.sampled_from(rows))
        if not row:
            continue
        at = draw(st.integers(0, len(row) - 1))
        row[at] = draw(
            st.one_of(st.sampled_from(NUMBERS), st.sampled_from(names), st.text(max_size=8))
        )
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@st.composite
def mutated_folders(draw) -> dict[str, str | bytes]:
    """Sheets of the minimal kecamatan (plus a few optional ones), 1–3 of them mutated: whole
    cells replaced, small edits anywhere, a whole random text, or random bytes."""
    chosen = draw(st.lists(st.sampled_from(MUTABLE), min_size=1, max_size=3, unique=True))
    files: dict[str, str | bytes] = {}
    for name in chosen:
        files[name] = draw(
            st.one_of(
                cell_edits(name),
                cell_edits(name),
                edits.map(functools.partial(mutate, BASE_TEXT[name])),
                st.lists(st.sampled_from([*CSV_PIECES, *"abc123"]), max_size=40).map(
                    lambda pieces, n=name: BASE_TEXT[n].split("\n", 1)[0] + "\n" + "".join(pieces)
                ),
                st.text(max_size=200),
                st.binary(max_size=200),
            )
        )
    return files


def write_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    folder = write_minimal(root / "kec")
    for name, content in files.items():
        target = folder / ("narasi.md" if name == "narasi" else f"{name}.csv")
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", errors="surrogatepass")
    return folder


@FUZZ
@given(mutated_folders())
def test_validate_never_fails_unexpectedly_on_csv_input(files):
    with tempfile.TemporaryDirectory() as scratch:
        assert_validates_cleanly(write_folder(Path(scratch), files))


# --- workbook bytes ------------------------------------------------------------------------------
@functools.cache
def valid_workbook() -> bytes:
    """The minimal kecamatan (with optional sheets) as data.xlsx, written by the template."""
    with tempfile.TemporaryDirectory() as scratch:
        source = write_minimal(
            Path(scratch) / "kec", **{k: v for k, v in OPTIONAL.items() if k != "narasi"}
        )
        out = Path(scratch) / "data.xlsx"
        write_template(out, load_kecamatan(source))
        return out.read_bytes()


@functools.cache
def members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(valid_workbook())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


TOKENS = [
    b"NaN",
    b"nan",
    b"1e400",
    b"-1e400",
    b"inf",
    b"",
    b"-",
    b"0",
    b"99999999999999999999999999",
    b"1048577",
    b"99999999",
    b"XFD1",
    b"A0",
    b"2A",
    b"1.5",
    b"s",
    b"n",
    b"b",
    b"e",
    b"str",
    b"inlineStr",
    b"d",
    b"2024-13-45",
    b"100000",
    b"-1",
    b"&amp;",
    b"<",
    b"]]>",
    b"\x00",
]
XML_SLOT = re.compile(rb'="[^"]*"|>[^<]*<')


@st.composite
def xml_edits(draw, content: bytes) -> bytes:
    """A member's XML with a few attribute values or texts replaced, or bytes flipped."""
    data = bytearray(content)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["token", "flip", "cut", "splice"]))
        if how == "token":
            slots = list(XML_SLOT.finditer(bytes(data)))
            if not slots:
                continue
            slot = draw(st.sampled_from(slots))
            token = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=6)))
            start, end = slot.start() + (2 if slot.group().startswith(b"=") else 1), slot.end() - 1
            data[start:end] = token
        elif how == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif how == "cut" and data:
            at = draw(st.integers(0, len(data)))
            del data[at : at + draw(st.integers(1, 64))]
        else:
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(data)


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@st.composite
def damaged_workbooks(draw) -> bytes:
    """Valid zips whose members (sheet XML mostly) were edited, the zip itself with bytes
    flipped or cut, or random bytes."""
    kind = draw(st.sampled_from(["member", "member", "member", "zip", "random"]))
    if kind == "random":
        return draw(st.binary(max_size=2000))
    if kind == "zip":
        data = bytearray(valid_workbook())
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        if draw(st.booleans()):
            del data[draw(st.integers(0, len(data))) :]
        return bytes(data)
    files = dict(members())
    sheets = sorted(n for n in files if n.startswith("xl/worksheets/"))
    others = sorted(n for n in files if n not in sheets)
    for name in draw(st.lists(st.sampled_from(sheets * 3 + others), min_size=1, max_size=2)):
        files[name] = draw(xml_edits(files[name]))
    return zipped(files)


@FUZZ
@given(damaged_workbooks())
def test_validate_never_fails_unexpectedly_on_workbook_bytes(data: bytes):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "kec"
        folder.mkdir()
        (folder / "data.xlsx").write_bytes(data)
        assert_validates_cleanly(folder)


def test_the_unmutated_inputs_are_valid():
    """The fuzzers start from valid inputs: a finding is the mutation's, not the base's."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = write_folder(Path(scratch), dict(OPTIONAL))
        assert validate_exit_code(folder) == 0
        workbook = Path(scratch) / "wb"
        workbook.mkdir()
        (workbook / "data.xlsx").write_bytes(valid_workbook())
        assert validate_exit_code(workbook) == 0
