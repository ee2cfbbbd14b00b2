"""``lkjip narrative pull``: bring the narrative written in a Word draft back into ``narasi.md``.

The draft carries a record of what it contained when lkjip wrote it (see
:mod:`lkjip.report.docx_finish`). Reading the edited draft the same way and comparing tells
which narrative sections changed (written back, with a backup of the old file), which
placeholders are still empty, and which generated paragraphs or table cells were edited by hand:
those come from data, so the report says which input to change instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lxml import etree
from pydantic import BaseModel, Field, ValidationError

from lkjip.files import write_text
from lkjip.loader import Row, read_text
from lkjip.narasi import HEADING, NARRATIVE_FILE, normalise_anchor, parse_narrative, section_of
from lkjip.problems import InputError, Problems
from lkjip.report.docx_finish import read_record
from lkjip.report.draft import NS, DraftContent, GeneratedTable, normal, read_content

_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# Which input sheets a table's numbers come from, by a word of its caption (first match wins).
_TABLE_SOURCES = (
    ("anggaran", "anggaran"),
    ("belanja", "anggaran"),
    ("efisiensi", "target_realisasi dan anggaran"),
    ("pegawai", "pegawai atau rekap_pegawai"),
    ("pejabat", "pegawai"),
    ("sarana", "sarpras"),
    ("kelurahan", "wilayah"),
    ("batas", "batas_wilayah"),
    ("akip", "evaluasi_sakip"),
    ("kepuasan", "ikm"),
    ("tindak lanjut", "tindak_lanjut"),
    ("pembanding", "pembanding"),
    ("tingkat lain", "pembanding"),
    ("prestasi", "prestasi"),
    ("kecamatan", "data kecamatan lain di kota yang sama"),
    ("program", "indikator, target_realisasi dan anggaran"),
    ("indikator", "indikator dan target_realisasi"),
    ("capaian", "indikator dan target_realisasi"),
    ("sasaran", "tujuan, sasaran, indikator dan target_realisasi"),
)


@dataclass
class Edit:
    """A generated paragraph or table cell changed by hand, and what to do instead."""

    where: str
    before: str
    after: str
    advice: str

    def line(self) -> str:
        return f"{self.where}: '{self.before}' diubah menjadi '{self.after}'. {self.advice}"


@dataclass
class PullResult:
    narasi: Path
    changed: list[str] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)  # reading narasi.md (e.g. not UTF-8)


class Origin(BaseModel):
    """Where a draft was built: the city config and the kecamatan's slug."""

    config: str | None = None
    kecamatan: str | None = None


class Record(BaseModel):
    """The record lkjip stores in a draft (:func:`lkjip.report.docx_finish.finish_docx`)."""

    versi: int = 1
    asal: Origin = Field(default_factory=Origin)
    isi: DraftContent = Field(default_factory=DraftContent)


# --- reading the draft ---------------------------------------------------------------------------
def read_draft(path: Path) -> tuple[DraftContent, Record]:
    """The draft's current content and the record lkjip stored in it."""
    if not path.is_file():
        raise InputError(f"{path}: berkas draf tidak ditemukan")
    try:
        stored = read_record(path)
        with zipfile.ZipFile(path) as archive:
            document = etree.fromstring(archive.read("word/document.xml"))
            names = archive.namelist()
            numbering = (
                etree.fromstring(archive.read("word/numbering.xml"))
                if "word/numbering.xml" in names
                else None
            )
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{path}: bukan dokumen Word (.docx) yang dapat dibaca") from exc
    except json.JSONDecodeError as exc:
        raise InputError(_damaged(path, "bukan JSON yang sah")) from exc
    if stored is None:
        raise InputError(
            f"{path}: draf ini tidak dibuat oleh lkjip (tidak ada catatan lkjip di dalamnya), "
            "sehingga narasinya tidak dapat ditarik"
        )
    body = document.find("w:body", NS)
    return read_content(body, numbering), parse_record(stored, path)


def parse_record(stored: object, path: Path) -> Record:
    """The record as lkjip wrote it; any other shape (a record edited or cut by another
    program) is an input error that says what is wrong."""
    from lkjip.config import explain_validation_error

    try:
        return Record.model_validate(stored)
    except ValidationError as exc:
        problems = explain_validation_error(exc)
        more = f" (dan {len(problems) - 1} lainnya)" if len(problems) > 1 else ""
        raise InputError(_damaged(path, problems[0] + more)) from exc


def _damaged(path: Path, reason: str) -> str:
    return (
        f"{path}: catatan lkjip di dalam draf rusak ({reason}), sehingga narasinya tidak dapat "
        "ditarik; salin narasi dari draf ke narasi.md dengan tangan, atau susun ulang draf "
        "dengan lkjip build"
    )


def narasi_of(origin: Origin) -> Path:
    """The ``narasi.md`` of the kecamatan the draft was built for."""
    from lkjip.config import load_config

    config, slug = origin.config, origin.kecamatan
    if not config or not slug or not Path(str(config)).is_file():
        raise InputError(
            f"konfigurasi kota tempat draf ini dibuat ({config or 'tidak tercatat'}) tidak "
            "ditemukan di mesin ini; sebutkan berkas narasinya dengan --narasi PATH/narasi.md"
        )
    city = load_config(Path(str(config)))
    return city.data_path(city.find(str(slug))) / NARRATIVE_FILE


# --- comparing -----------------------------------------------------------------------------------
def _same(a: str, b: str) -> bool:
    return normal(a) == normal(b)


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def _value(token: str) -> Decimal | None:
    from lkjip.numbers import NumberTextError, parse_decimal

    try:
        return parse_decimal(token)
    except NumberTextError:
        return None


def find_inputs(folder: Path | None, token: str) -> list[str]:
    """Where a number occurs in the kecamatan's inputs, read as the loader reads them (CSV
    files or data.xlsx): ``anggaran.csv, baris 5, kolom pagu`` or ``data.xlsx, sheet anggaran,
    baris 7, kolom pagu``."""
    wanted = _value(token)
    if folder is None or wanted is None:
        return []
    return [place for value, place in _input_numbers(str(folder)) if value == wanted][:3]


def find_rows(folder: Path | None, texts: list[str]) -> list[str]:
    """The input rows a generated table row shows, found by a code or name it carries
    (``IKU1``, ``7.01.01.2.01.0001``): ``target_realisasi.csv, baris 4``."""
    if folder is None:
        return []
    wanted = {normal(t) for t in texts if len(normal(t)) >= 3}
    return [place for key, place in _input_keys(str(folder)) if key in wanted][:3]


@functools.cache
def _inputs(folder: str) -> list[tuple[str, Row]]:
    """The typed rows of the kecamatan's inputs ([] where they cannot be read)."""
    from lkjip.loader import load_kecamatan

    path = Path(folder)
    if not path.is_dir():
        return []
    try:
        data = load_kecamatan(path)
    except InputError:
        return []
    return [(name, row) for name, rows in data.tables.items() for row in rows]


def _place(row: Row, column: str = "") -> str:
    name = Path(row.source).name
    where = f"{name}, sheet {row.sheet}" if name.lower().endswith(".xlsx") else name
    return f"{where}, baris {row.line}" + (f", kolom {column}" if column else "")


@functools.cache
def _input_numbers(folder: str) -> list[tuple[Decimal, str]]:
    found = []
    for _name, row in _inputs(folder):
        for column, value in row.items():
            if isinstance(value, bool) or value is None:
                continue
            number = Decimal(value) if isinstance(value, int | Decimal) else None
            if number is None and isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
                number = _value(value.strip())
            if number is not None:
                found.append((number, _place(row, "nilai" if row.sheet == "profil" else column)))
    return found


@functools.cache
def _input_keys(folder: str) -> list[tuple[str, str]]:
    keys = []
    for _name, row in _inputs(folder):
        for column in ("kode", "indikator", "nama", "jenis", "komponen", "aspek", "layanan"):
            value = row.get(column)
            if isinstance(value, str) and value.strip():
                keys.append((normal(value), _place(row)))
    return keys


def _advice(
    before: str, after: str, folder: Path | None, sheets: str = "", row: list[str] | None = None
) -> str:
    gone = [t for t in _numbers(before) if t not in _numbers(after)]
    places = list(dict.fromkeys(p for token in gone for p in find_inputs(folder, token)))
    if places:
        where = "; ".join(places)
        return f"Angka ini berasal dari data masukan ({where}): ubah di sana, lalu susun ulang."
    if gone and row and (rows := find_rows(folder, row)):
        return (
            "Angka ini dihitung dari data masukan (" + "; ".join(rows) + "): ubah data di "
            "baris itu, lalu susun ulang dengan lkjip build. Perubahan langsung di draf akan "
            "hilang saat draf disusun ulang."
        )
    source = f" ({sheets})" if sheets else ""
    return (
        f"Isi ini dihitung dari data masukan kecamatan{source}; ubah datanya lalu susun ulang "
        "dengan lkjip build. Perubahan langsung di draf akan hilang saat draf disusun ulang."
    )


def _title(table: GeneratedTable) -> str:
    """The caption without its number, which Word renumbers when tables are inserted."""
    return re.sub(r"^(Tabel|Gambar)\s+\S+\s+", "", table.caption)


def _table_sheets(caption: str) -> str:
    lowered = caption.lower()
    return next((sheets for word, sheets in _TABLE_SOURCES if word in lowered), "")


def paragraph_edits(before: list[str], after: list[str], folder: Path | None) -> list[Edit]:
    edits = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = before[i1:i2], after[j1:j2]
        for k in range(max(len(old), len(new))):
            was = old[k] if k < len(old) else ""
            now = new[k] if k < len(new) else ""
            if not was:
                where = "Teks baru di luar bagian narasi"
                advice = (
                    "Teks ini tidak berada dalam bagian narasi dan akan hilang saat draf disusun "
                    "ulang; pindahkan ke bagian narasi (gaya Narasi) atau ke narasi.md."
                )
            else:
                where = "Paragraf hasil olahan data"
                advice = _advice(was, now, folder)
            edits.append(Edit(where, *_excerpts(was, now), advice))
    return edits


def _excerpts(before: str, after: str, context: int = 50) -> tuple[str, str]:
    """The changed part of two long texts, with some words around it."""
    if len(before) <= 2 * context and len(after) <= 2 * context:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    left = max(0, start - context)

    def cut(text: str) -> str:
        right = min(len(text), len(text) - end + context)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return cut(before), cut(after)


def table_edits(
    before: list[GeneratedTable], after: list[GeneratedTable], folder: Path | None
) -> list[Edit]:
    edits = []
    remaining = list(after)
    for table in before:
        match = next((t for t in remaining if table.label and t.label == table.label), None)
        match = match or next((t for t in remaining if _title(t) == _title(table)), None)
        if match is None:
            name = table.caption or "Tabel tanpa judul"
            edits.append(
                Edit(
                    name,
                    "(ada)",
                    "(tidak ditemukan)",
                    "Tabel hasil olahan data dihapus dari "
                    "draf; tabel ini akan muncul lagi saat draf disusun ulang.",
                )
            )
            continue
        remaining.remove(match)
        sheets = _table_sheets(table.caption)
        for r, (old_row, new_row) in enumerate(zip(table.rows, match.rows, strict=False), 1):
            for c, (old, new) in enumerate(zip(old_row, new_row, strict=False), 1):
                if not _same(old, new):
                    where = f"{table.caption or 'Tabel'}, baris {r} kolom {c}"
                    advice = _advice(old, new, folder, sheets, old_row)
                    edits.append(Edit(where, old, new, advice))
        if len(table.rows) != len(match.rows):
            edits.append(
                Edit(
                    table.caption or "Tabel",
                    f"{len(table.rows)} baris",
                    f"{len(match.rows)} baris",
                    "Baris tabel hasil olahan data ditambah atau dihapus di draf; ubah datanya "
                    f"({sheets or 'data masukan kecamatan'}) lalu susun ulang.",
                )
            )
    return edits


# --- writing narasi.md ---------------------------------------------------------------------------
def update_sections(text: str, updates: dict[str, str]) -> str:
    """``narasi.md`` with the bodies of the updated sections replaced (new sections appended);
    everything else, including text before the first section, kept as it was."""
    lines = text.splitlines()
    out: list[str] = []
    done: set[str] = set()
    skipping = False
    for line in lines:
        match = HEADING.match(line)
        if match:
            anchor = normalise_anchor(match.group(1))
            skipping = anchor in updates and anchor not in done
            out.append(line)
            if skipping:
                out += ["", updates[anchor].strip(), ""]
                done.add(anchor)
            continue
        if not skipping:
            out.append(line)
    for anchor, body in updates.items():
        if anchor not in done:
            if out and out[-1].strip():
                out.append("")
            out += [f"## {anchor}", "", body.strip(), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def pull_narrative(
    draft: Path, narasi: Path | None = None, now: dt.datetime | None = None
) -> PullResult:
    """Compare the draft with its record, write changed narrative into ``narasi.md``."""
    current, record = read_draft(draft)
    stored = record.isi
    target = narasi or narasi_of(record.asal)
    result = PullResult(target)
    folder = target.parent
    problems = Problems()
    old = read_text(target, problems) if target.exists() else ""
    result.warnings = [p.line() for p in problems]
    written = parse_narrative(old)
    updates: dict[str, str] = {}
    for anchor, before in stored.narrative.items():
        after = current.narrative.get(anchor)
        if after is None:
            result.missing.append(anchor)
            continue
        if after.placeholder:
            result.unfilled.append(anchor)
            continue
        edited = before.placeholder or not _same(after.markdown, before.markdown)
        if edited and not _same(after.markdown, written.get(anchor, "")):
            updates[anchor] = after.markdown  # edited in the draft and not pulled yet
    result.changed = list(updates)
    result.edits = paragraph_edits(stored.paragraphs, current.paragraphs, folder)
    result.edits += table_edits(stored.tables, current.tables, folder)
    if updates:
        if target.exists():
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            result.backup = target.with_name(f"{target.name}.{stamp}.bak")
            shutil.copy2(target, result.backup)
        write_text(target, update_sections(old, updates))
    return result


def title_of(anchor: str) -> str:
    section = section_of(anchor)
    return f"{anchor} ({section.title})" if section else anchor
