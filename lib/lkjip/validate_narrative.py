"""Lint of ``narasi.md``: text that betrays a template or another report. Each finding is a
warning (the report is still built) naming the file, the line and its ``## section``:

- template residue: ``(Nama Perangkat Daerah)``, ``[isi]``, ``xxx``, ``....``, a draft's
  ``[BELUM DIISI: …]`` placeholder;
- another kecamatan of the same city named as such ("Kecamatan Mekarsari", "Camat Mekarsari":
  text copied from a neighbour's report); a line on the borders ("berbatasan dengan …") may
  name its neighbours, and a desa/kelurahan may share another kecamatan's name;
- a year far before the report year (text copied from an old report): more than
  :data:`YEARS_BEFORE` years before it. Years in a regulation's citation (``Nomor 14 Tahun
  2017``, ``Perpres 29/2014``), in a period that contains the report year (``RPJMD
  2021-2026``) or in the kecamatan's Renstra period are fine; later years (targets, a vision
  for 2045) are never residue.

Text before the first section and inside HTML comments does not reach the report and is not
linted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lkjip.inputs import shown
from lkjip.narasi import HEADING, normalise_anchor
from lkjip.problems import Problems, clip

YEARS_BEFORE = 3
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_RESIDUE = re.compile(
    r"""
      \((?:nama|isi|diisi)\b[^)]{0,60}\)            # (Nama Perangkat Daerah), (isi …)
    | \[(?:isi|diisi|nama|tulis|belum\s+diisi)\b[^\]]{0,120}\]   # [isi], [BELUM DIISI: …]
    | (?<![A-Za-z0-9])[xX]{3,}(?![A-Za-z0-9])       # xxx
    | \.{4,} | …[.…]+ | \.+…                        # ...., ……, ...…
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d{2})(?![\d])")
_RANGE = re.compile(
    r"((?:19|20)\d{2})\s*(?:-|–|—|s\.?\s?d\.?|sampai(?: dengan)?|hingga)\s*((?:19|20)\d{2})",
    re.IGNORECASE,
)
_CITATION = re.compile(r"(?:\b(?:nomor|no)\.?\s*[\w.:/-]*\s+(?:tahun\s+)?|\b\d+\s+tahun\s+)$", re.I)
_AS_KECAMATAN = re.compile(r"(?:kecamatan|camat)\s+$", re.IGNORECASE)
_BORDERS = re.compile(r"berbatas|batas wilayah", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """A line of narasi.md that reaches the report: its number, section and text."""

    number: int
    section: str
    text: str


def report_lines(text: str) -> Iterator[Line]:
    """The lines under a ``## section``, HTML comments blanked (line numbers kept)."""
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = HEADING.match(line)
        if heading:
            section = normalise_anchor(heading.group(1))
        elif section and line.strip():
            yield Line(number, section, line)


@dataclass(frozen=True)
class Context:
    """What the lint compares the text with."""

    tahun: int | None
    own_names: Sequence[str]  # the kecamatan itself and its desa/kelurahan
    other_kecamatan: Sequence[str]  # the other kecamatan of the city
    periods: Sequence[tuple[int, int]] = ()  # declared periods (Renstra)


def lint_narrative(path: Path, text: str, context: Context, problems: Problems) -> None:
    """Every finding in ``text`` (the contents of ``path``) as a warning in ``problems``."""
    for line in report_lines(text):
        where = {"file": shown(path), "row": line.number}
        section = f"bagian '## {line.section}'"
        for match in _RESIDUE.finditer(line.text):
            problems.warning(
                f"{section} memuat sisa templat",
                found=match.group(0),
                expected="teks laporan kecamatan ini (ganti atau hapus isian templat)",
                **where,
            )
        for name, (start, end) in _other_names(line.text, context):
            problems.warning(
                f"{section} menyebut Kecamatan {name}, kecamatan lain di kota yang sama",
                found=_around(line.text, start, end),
                expected="nama kecamatan ini; periksa apakah teks tersalin dari laporan "
                "kecamatan lain",
                **where,
            )
        for year, (start, end) in _far_years(line.text, context):
            problems.warning(
                f"{section} menyebut tahun {year}, jauh sebelum tahun laporan {context.tahun}",
                found=_around(line.text, start, end),
                expected=f"tahun {context.tahun - YEARS_BEFORE} atau sesudahnya, kutipan "  # type: ignore[operator]
                "peraturan atau periode perencanaan; periksa apakah teks tersalin dari laporan "
                "lama",
                **where,
            )


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around ``text[start:end]``, as the message quotes them."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    before = ("…" + before.split(" ", 1)[-1]) if start > width and " " in before else before
    after = (after.rsplit(" ", 1)[0] + "…") if end + width < len(text) and " " in after else after
    return clip((before + text[start:end] + after).strip())


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


def _other_names(text: str, context: Context) -> list[tuple[str, tuple[int, int]]]:
    """Other kecamatan named as kecamatan in ``text`` ("Kecamatan X", "Camat X"), outside the
    kecamatan's own names ("Kecamatan Sukamaju Baru" is not "Kecamatan Sukamaju") and not on a
    line about the borders."""
    if _BORDERS.search(text):
        return []
    for name in sorted(context.own_names, key=len, reverse=True):
        text = _name_pattern(name).sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for name in context.other_kecamatan:
        for match in _name_pattern(name).finditer(text):
            if _AS_KECAMATAN.search(text[: match.start()]):
                found.append((name, match.span()))
                break
    return found


def _far_years(text: str, context: Context) -> list[tuple[int, tuple[int, int]]]:
    """Years long before the report year, each once, with the place of its first mention."""
    if context.tahun is None:
        return []
    tahun = context.tahun
    allowed = {y for start, end in context.periods for y in range(start, end + 1)}
    inside: set[int] = set()
    for match in _RANGE.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if start <= tahun <= end:
            inside |= {match.start(1), match.start(2)}
    far: dict[int, tuple[int, int]] = {}
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        if year >= tahun - YEARS_BEFORE or year in allowed or match.start(1) in inside:
            continue
        if _CITATION.search(text[: match.start(1)]):
            continue
        far.setdefault(year, match.span(1))
    return list(far.items())
