"""Narrative sections (``narasi.md``): parsing, the catalogue of known anchors, placeholders.

``narasi.md`` holds one ``## anchor`` section per piece of text that people write. Text before the
first section (a title, notes to colleagues) is ignored. A section the report needs that is missing
or empty becomes a visibly marked placeholder saying what to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lkjip.loader import read_text
from lkjip.problems import Problems

NARRATIVE_FILE = "narasi.md"
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    instruction: str
    required: bool = True


_CATALOGUE = (
    Section("kata-pengantar", "Kata Pengantar", "Tuliskan kata pengantar laporan.", required=False),
    Section(
        "perencanaan",
        "Perencanaan Kinerja",
        "Tuliskan pengantar bab perencanaan kinerja.",
        required=False,
    ),
    Section(
        "akuntabilitas",
        "Akuntabilitas Kinerja",
        "Tuliskan pengantar bab akuntabilitas kinerja (dasar hukum dan isi bab).",
        required=False,
    ),
    Section("penutup", "Penutup", "Tuliskan paragraf penutup laporan.", required=False),
    Section(
        "latar-belakang",
        "Latar Belakang",
        "Uraikan dasar hukum dan maksud penyusunan laporan kinerja, serta gambaran singkat tugas kecamatan.",
    ),
    Section(
        "gambaran-umum",
        "Gambaran Umum",
        "Uraikan kondisi geografis, demografis dan sosial wilayah kecamatan.",
        required=False,
    ),
    Section(
        "tugas-fungsi",
        "Tugas dan Fungsi",
        "Tuliskan tugas pokok dan fungsi kecamatan menurut peraturan kepala daerah tentang kedudukan, susunan organisasi, tugas dan fungsi kecamatan.",
    ),
    Section(
        "struktur-organisasi",
        "Susunan Organisasi",
        "Uraikan fungsi setiap seksi dan subbagian.",
        required=False,
    ),
    Section(
        "layanan",
        "Layanan Kecamatan",
        "Sebutkan jenis layanan yang diberikan kecamatan.",
        required=False,
    ),
    Section(
        "isu-strategis",
        "Isu Strategis",
        "Uraikan permasalahan utama, tantangan dan peluang yang dihadapi kecamatan pada tahun laporan.",
    ),
    Section(
        "cascading",
        "Cascading Kinerja",
        "Jelaskan keterkaitan misi daerah, tujuan dan sasaran kecamatan.",
        required=False,
    ),
    Section(
        "proses-bisnis",
        "Peta Proses Bisnis",
        "Jelaskan proses bisnis utama kecamatan.",
        required=False,
    ),
    Section(
        "ikm",
        "Survei Kepuasan Masyarakat",
        "Jelaskan pelaksanaan survei kepuasan masyarakat (layanan yang disurvei, waktu, metode).",
        required=False,
    ),
    Section(
        "rekomendasi",
        "Rekomendasi Hasil Evaluasi",
        "Tuliskan rekomendasi evaluator atas hasil evaluasi AKIP.",
        required=False,
    ),
    Section(
        "rekomendasi-rb",
        "Rekomendasi Reformasi Birokrasi",
        "Tuliskan catatan hasil evaluasi reformasi birokrasi.",
        required=False,
    ),
    Section(
        "faktor-pendukung",
        "Faktor Pendukung",
        "Uraikan faktor yang mendukung keberhasilan pencapaian kinerja.",
        required=False,
    ),
    Section(
        "faktor-penghambat",
        "Faktor Penghambat",
        "Uraikan faktor yang menghambat pencapaian kinerja.",
        required=False,
    ),
    Section(
        "solusi",
        "Langkah Pemecahan Masalah",
        "Uraikan langkah yang telah dan akan diambil untuk mengatasi hambatan.",
        required=False,
    ),
    Section(
        "upaya-perbaikan",
        "Upaya Perbaikan Kinerja",
        "Uraikan upaya perbaikan kinerja yang dilakukan.",
        required=False,
    ),
    Section(
        "kesimpulan",
        "Kesimpulan",
        "Tambahkan kesimpulan kualitatif atas capaian kinerja tahun ini.",
        required=False,
    ),
    Section(
        "kendala",
        "Kendala",
        "Uraikan kendala utama yang dihadapi selama tahun laporan.",
        required=False,
    ),
    Section(
        "rencana-tindak",
        "Rencana Tindak Lanjut",
        "Uraikan rencana tindak lanjut untuk meningkatkan kinerja tahun berikutnya.",
    ),
)
SECTIONS: dict[str, Section] = {s.anchor: s for s in _CATALOGUE}
PER_SASARAN = {
    "faktor-pendukung-sasaran": Section(
        "faktor-pendukung-sasaran",
        "Faktor Pendukung Keberhasilan",
        "Uraikan faktor yang mendukung pencapaian sasaran ini.",
    ),
    "faktor-penghambat-sasaran": Section(
        "faktor-penghambat-sasaran",
        "Faktor Penghambat",
        "Uraikan faktor penyebab kegagalan atau hambatan pencapaian sasaran ini.",
    ),
    "solusi-sasaran": Section(
        "solusi-sasaran",
        "Solusi dan Langkah Perbaikan",
        "Uraikan solusi dan langkah yang telah dan akan dilakukan untuk sasaran ini.",
    ),
    "efisiensi-sasaran": Section(
        "efisiensi-sasaran",
        "Efisiensi",
        "Jelaskan upaya efisiensi penggunaan sumber daya untuk sasaran ini.",
        required=False,
    ),
    "catatan-sasaran": Section(
        "catatan-sasaran", "Catatan", "Tambahkan catatan lain tentang sasaran ini.", required=False
    ),
    "alasan-iku": Section(
        "alasan-iku",
        "Alasan Pemilihan Indikator",
        "Jelaskan alasan pemilihan indikator ini.",
        required=False,
    ),
}
_NUMBERED = re.compile(r"^(?P<base>[a-z-]+?)-(?P<n>\d+)$")


def normalise_anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


def parse_narrative(text: str) -> dict[str, str]:
    """Sections by anchor; the body keeps its Markdown, trimmed."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            current = sections.setdefault(normalise_anchor(match.group(1)), [])
            continue
        if current is not None:
            current.append(line)
    return {anchor: "\n".join(lines).strip() for anchor, lines in sections.items()}


def narrative_path(folder: Path) -> Path:
    """Where the ``narasi.md`` of a kecamatan folder (or of the folder of its workbook) lives."""
    return folder / NARRATIVE_FILE if folder.is_dir() else folder.parent / NARRATIVE_FILE


def read_narrative(folder: Path, problems: Problems | None = None) -> dict[str, str]:
    """The sections of a kecamatan's ``narasi.md`` ({} when there is none). A file that is not
    UTF-8 is read as Windows-1252, with a warning added to ``problems`` when given; an unreadable
    file raises :class:`~lkjip.problems.InputError`."""
    path = narrative_path(folder)
    if not path.exists():
        return {}
    return parse_narrative(read_text(path, problems))


def section_of(anchor: str) -> Section | None:
    """The catalogue entry of an anchor, numbered ones (``solusi-sasaran-2``) included."""
    if anchor in SECTIONS:
        return SECTIONS[anchor]
    match = _NUMBERED.match(anchor)
    if match and match.group("base") in PER_SASARAN:
        return PER_SASARAN[match.group("base")]
    return None


# The factor sections as they read once the outcome is known: a sasaran that reached its target
# is not asked for the causes of failure, one that missed it not for the keys to its success.
# Keys: the base anchor, whether the target was reached, and whether the section is the general
# one (all sasaran together) rather than one sasaran's.
BY_OUTCOME: dict[tuple[str, bool, bool], tuple[str, str]] = {
    ("faktor-pendukung", True, False): (
        "Faktor Pendukung Keberhasilan",
        "Uraikan faktor yang mendukung tercapainya target sasaran ini.",
    ),
    ("faktor-pendukung", False, False): (
        "Faktor Pendukung",
        "Uraikan faktor yang tetap mendukung capaian sasaran ini, meskipun targetnya belum "
        "tercapai.",
    ),
    ("faktor-penghambat", True, False): (
        "Kendala yang Masih Dihadapi",
        "Target sasaran ini tercapai. Uraikan kendala yang masih dihadapi dan hal yang masih "
        "dapat ditingkatkan, atau nyatakan bahwa tidak ada kendala yang berarti.",
    ),
    ("faktor-penghambat", False, False): (
        "Faktor Penghambat",
        "Uraikan faktor penyebab belum tercapainya target sasaran ini.",
    ),
    ("solusi", True, False): (
        "Upaya Mempertahankan dan Meningkatkan Kinerja",
        "Uraikan langkah untuk mempertahankan dan meningkatkan capaian sasaran ini pada tahun "
        "berikutnya.",
    ),
    ("solusi", False, False): (
        "Solusi dan Langkah Perbaikan",
        "Uraikan langkah pemecahan masalah yang telah dan akan dilakukan agar target sasaran ini "
        "tercapai.",
    ),
    ("faktor-pendukung", True, True): (
        "Faktor Pendukung Keberhasilan",
        "Uraikan faktor yang mendukung tercapainya target seluruh sasaran.",
    ),
    ("faktor-pendukung", False, True): (
        "Faktor Pendukung",
        "Uraikan faktor yang mendukung capaian kinerja, termasuk pada sasaran yang targetnya "
        "belum tercapai.",
    ),
    ("faktor-penghambat", True, True): (
        "Kendala yang Masih Dihadapi",
        "Target seluruh sasaran tercapai. Uraikan kendala yang masih dihadapi dan hal yang masih "
        "dapat ditingkatkan, atau nyatakan bahwa tidak ada kendala yang berarti.",
    ),
    ("faktor-penghambat", False, True): (
        "Faktor Penghambat",
        "Uraikan faktor penyebab belum tercapainya target pada sasaran yang belum mencapainya.",
    ),
    ("solusi", True, True): (
        "Upaya Mempertahankan dan Meningkatkan Kinerja",
        "Uraikan langkah untuk mempertahankan dan meningkatkan capaian kinerja pada tahun "
        "berikutnya.",
    ),
    ("solusi", False, True): (
        "Solusi dan Langkah Perbaikan",
        "Uraikan langkah pemecahan masalah yang telah dan akan dilakukan agar target yang belum "
        "tercapai dapat dicapai.",
    ),
}
_PER_SASARAN_SUFFIX = re.compile(r"-sasaran-\d+$")


def section_for_outcome(anchor: str, reached: bool | None) -> Section | None:
    """The factor section ``anchor`` (``faktor-penghambat-sasaran-2``, or the general
    ``faktor-penghambat``) titled and explained for the outcome: ``reached`` True when the
    target was reached (all targets, for a general section), False when not, None when unknown
    (the catalogue's wording)."""
    section = section_of(anchor)
    base = _PER_SASARAN_SUFFIX.sub("", anchor)
    key = (base, bool(reached), base == anchor)
    if section is None or reached is None or key not in BY_OUTCOME:
        return section
    title, instruction = BY_OUTCOME[key]
    return Section(anchor, title, instruction, section.required)


def unknown_anchors(sections: dict[str, str]) -> list[str]:
    return [a for a in sections if section_of(a) is None]
