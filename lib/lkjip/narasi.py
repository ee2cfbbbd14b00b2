"""The narrative input (``narasi.md``): its catalogue of known sections, anchors, parsing.

``narasi.md`` holds one ``## anchor`` section per piece of text that people write. Text before the
first section (a title, notes to colleagues) is ignored. Part of the data contract, beside the
schema: validation checks a kecamatan's narrative against this catalogue, and the report
(:mod:`lkjip.report.narrative`) turns a section that is missing or empty into a visibly marked
placeholder saying what to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lkjip.loader import read_text
from lkjip.problems import Problems

NARRATIVE_FILE = "narasi.md"
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")  # a section's heading line


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
        match = HEADING.match(line)
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


def unknown_anchors(sections: dict[str, str]) -> list[str]:
    return [a for a in sections if section_of(a) is None]
