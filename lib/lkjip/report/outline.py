"""The report's outline, declared once: every part of the report, in order, per chapter notebook.

A part is a heading (a Markdown cell) or one call of a chapter builder (a code cell): its id, the
builder (``bab3.tabel_capaian_iku``: an attribute of a module of :mod:`lkjip.report`), its kind,
the label and caption of a table or figure, the ids a city lists in ``bagian_nonaktif`` to switch
it off (the builder honours them; a test checks it) and layout hints. The notebooks in
``notebooks/`` are generated from it (:mod:`lkjip.report.notebooks`, ``python -m
lkjip.report.notebooks``); the assembler takes each chapter's kind and number from it, and the
analyst's view (:mod:`lkjip.report.preview`) numbers captions and references by it.

This module imports no builder: builders are named, so that the outline can be read (by the
assembler, a test, the notebook generator) without loading the chapters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

ChapterKind = Literal["front", "bab", "lampiran"]
PartKind = Literal["heading", "text", "table", "figure", "photos", "cover", "signature"]
LABEL = re.compile(r"^(tbl|fig)-[a-z0-9]+(-[a-z0-9]+)*$")
PREFIX = {"table": "tbl-", "figure": "fig-"}


@dataclass(frozen=True)
class Part:
    id: str
    kind: PartKind
    builder: str = ""  # "module.function" in lkjip.report; none for a heading
    heading: str = ""  # a heading's text
    level: int = 0  # a heading's level (1: the chapter)
    label: str = ""  # tbl-… / fig-…: what references point to (photos: fig-…-1, fig-…-2, …)
    caption: str = ""  # a table's or figure's caption, without its number
    caption_builder: str = ""  # a caption that depends on the data ("module.function")
    switches: tuple[str, ...] = ()  # any of these in bagian_nonaktif switches the part off
    landscape: bool = False  # a wide table: may go on landscape pages
    args: tuple[str, ...] = ("ctx",)  # the builder's arguments, as notebook variables

    @property
    def module(self) -> str:
        return self.builder.split(".")[0]

    @property
    def sequence(self) -> str:
        """The numbering a labelled part follows: its tables, or its figures (photos too)."""
        return "table" if self.kind == "table" else "figure"


@dataclass(frozen=True)
class Chapter:
    notebook: str  # the notebook's name in notebooks/, without .ipynb
    kind: ChapterKind
    number: int  # the BAB number (0 for the front matter and the Lampiran)
    parts: tuple[Part, ...]
    # The heading part before which Daftar Isi, Tabel and Gambar go (else before BAB I).
    lists_before: str = ""

    @property
    def mark(self) -> str:
        """What precedes a caption's number: ``3`` in BAB III, ``L`` in the Lampiran."""
        return str(self.number) if self.kind == "bab" else "L" if self.kind == "lampiran" else ""

    @property
    def modules(self) -> tuple[str, ...]:
        names = [p.module for p in self.parts if p.builder]
        names += [p.caption_builder.split(".")[0] for p in self.parts if p.caption_builder]
        return tuple(dict.fromkeys(names))

    def part(self, ident: str) -> Part:
        return next(p for p in self.parts if p.id == ident)


# --- declaration helpers --------------------------------------------------------------------
def h(ident: str, text: str, level: int = 2) -> Part:
    return Part(ident, "heading", heading=text, level=level)


def text(builder: str, *switches: str, args: tuple[str, ...] = ("ctx",)) -> Part:
    return Part(_ident(builder), "text", builder, switches=switches, args=args)


def table(
    builder: str,
    label: str,
    caption: str,
    *switches: str,
    landscape: bool = False,
    args: tuple[str, ...] = ("ctx",),
) -> Part:
    return Part(
        label, "table", builder, label=label, caption=caption,
        switches=switches, landscape=landscape, args=args,
    )  # fmt: skip


def figure(
    builder: str,
    label: str,
    caption: str,
    *switches: str,
    caption_builder: str = "",
    args: tuple[str, ...] = ("ctx",),
) -> Part:
    return Part(
        label, "figure", builder,
        label=label, caption=caption, caption_builder=caption_builder, switches=switches,
        args=args,
    )  # fmt: skip


def _ident(builder: str) -> str:
    module, name = builder.split(".")
    return f"{module}-{name.replace('_', '-')}"


# --- the outline ----------------------------------------------------------------------------
EVALUASI = "evaluasi"  # the whole summary of evaluations in BAB I
RB = "reformasi-birokrasi"
KOTA = ("ctx", "city_summary")

CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        "00-pembuka",
        "front",
        0,
        (
            Part("pembuka-cover", "cover", "pembuka.cover"),
            h("kata-pengantar", "Kata Pengantar", 1),
            text("pembuka.kata_pengantar"),
            h("ikhtisar-eksekutif", "Ikhtisar Eksekutif", 1),
            text("pembuka.ikhtisar"),
        ),
        lists_before="ikhtisar-eksekutif",
    ),
    Chapter(
        "01-pendahuluan",
        "bab",
        1,
        (
            h("pendahuluan", "Pendahuluan", 1),
            h("latar-belakang", "Latar Belakang"),
            text("bab1.latar_belakang"),
            text("bab1.gambaran_umum", "wilayah"),
            table("bab1.tabel_wilayah", "tbl-bab1-wilayah", "Desa/Kelurahan di Wilayah Kecamatan", "wilayah", landscape=True),
            table("bab1.tabel_batas", "tbl-bab1-batas", "Batas Wilayah Kecamatan", "wilayah"),
            h("tugas-fungsi", "Tugas dan Fungsi"),
            text("bab1.tugas_fungsi"),
            text("bab1.struktur_organisasi", "struktur"),
            figure("bab1.bagan_struktur", "fig-bab1-struktur", "Bagan Struktur Organisasi", "struktur"),
            text("bab1.aparatur", "aparatur"),
            table("bab1.tabel_pegawai_unit", "tbl-bab1-pegawai-unit", "Pegawai Menurut Unit Kerja", "aparatur"),
            table("bab1.tabel_pegawai_pendidikan", "tbl-bab1-pegawai-pendidikan", "Pegawai Menurut Kategori dan Pendidikan", "aparatur"),
            table("bab1.tabel_pegawai_golongan", "tbl-bab1-pegawai-golongan", "Pegawai Menurut Kategori dan Golongan", "aparatur"),
            table("bab1.tabel_pegawai_jk", "tbl-bab1-pegawai-jk", "Pegawai Menurut Kategori dan Jenis Kelamin", "aparatur"),
            table("bab1.tabel_rekap_kategori", "tbl-bab1-rekap-kategori", "Pegawai Menurut Kategori", "aparatur"),
            table("bab1.tabel_rekap_pendidikan", "tbl-bab1-rekap-pendidikan", "Pegawai Menurut Pendidikan", "aparatur"),
            table("bab1.tabel_rekap_golongan", "tbl-bab1-rekap-golongan", "Pegawai Menurut Golongan", "aparatur"),
            table("bab1.tabel_rekap_jk", "tbl-bab1-rekap-jk", "Pegawai Menurut Jenis Kelamin", "aparatur"),
            table("bab1.tabel_pegawai_jabatan", "tbl-bab1-pegawai-jabatan", "Pegawai Menurut Jabatan", "aparatur"),
            table("bab1.tabel_pegawai_diklat", "tbl-bab1-pegawai-diklat", "Pegawai Menurut Diklat", "aparatur"),
            table("bab1.tabel_pejabat", "tbl-bab1-pejabat", "Pejabat Struktural", "aparatur"),
            figure("bab1.grafik_pegawai", "fig-bab1-pegawai", "Komposisi Pegawai", "aparatur"),
            text("bab1.sarpras", "sarpras"),
            table("bab1.tabel_sarpras", "tbl-bab1-sarpras", "Sarana dan Prasarana Kantor", "sarpras"),
            h("isu-strategis", "Isu Strategis"),
            text("bab1.isu_strategis"),
            text("bab1.evaluasi", EVALUASI),
            table("bab1.tabel_akip", "tbl-bab1-akip", "Hasil Evaluasi AKIP", EVALUASI, landscape=True),
            text("bab1.rekomendasi", EVALUASI),
            text("bab1.evaluasi_rb", EVALUASI, RB),
            table("bab1.tabel_rb", "tbl-bab1-rb", "Hasil Evaluasi Reformasi Birokrasi", EVALUASI, RB),
            table("bab1.tabel_rb_indikator", "tbl-bab1-rb-indikator", "Nilai Indikator Kegiatan Utama Reformasi Birokrasi", EVALUASI, RB),
            text("bab1.rekomendasi_rb", EVALUASI, RB),
            text("bab1.evaluasi_ikm", EVALUASI),
            table("bab1.tabel_ikm", "tbl-bab1-ikm", "Indeks Kepuasan Masyarakat per Jenis Layanan", EVALUASI),
            table("bab1.tabel_ikm_unsur", "tbl-bab1-ikm-unsur", "Nilai Rata-rata Unsur Survei Kepuasan Masyarakat", EVALUASI),
            table("bab1.tabel_ikm_mutu", "tbl-bab1-ikm-mutu", "Nilai Persepsi, Interval dan Mutu Pelayanan", EVALUASI),
            text("bab1.evaluasi_ipp", EVALUASI, "ipp"),
            table("bab1.tabel_ipp", "tbl-bab1-ipp", "Indeks Pelayanan Publik per Aspek", EVALUASI, "ipp"),
            text("bab1.tindak_lanjut", EVALUASI, "tindak-lanjut"),
            table("bab1.tabel_tindak_lanjut", "tbl-bab1-tindak-lanjut", "Matriks Tindak Lanjut Rekomendasi Hasil Evaluasi", EVALUASI, "tindak-lanjut", landscape=True),
        ),
    ),
    Chapter(
        "02-perencanaan",
        "bab",
        2,
        (
            h("perencanaan-kinerja", "Perencanaan Kinerja", 1),
            text("bab2.pendahuluan"),
            h("rencana-strategis", "Rencana Strategis"),
            text("bab2.rencana_strategis"),
            table("bab2.tabel_tujuan_sasaran", "tbl-bab2-tujuan-sasaran", "Tujuan, Sasaran dan Target Kinerja Jangka Menengah", landscape=True),
            h("indikator-kinerja-utama", "Indikator Kinerja Utama"),
            text("bab2.indikator_kinerja_utama"),
            table("bab2.tabel_iku", "tbl-bab2-iku", "Indikator Kinerja Utama", landscape=True),
            h("perjanjian-kinerja", "Perjanjian Kinerja"),
            text("bab2.perjanjian_kinerja"),
            table("bab2.tabel_pk_iku", "tbl-bab2-pk-iku", "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama", landscape=True),
            text("bab2.keterkaitan_program"),
            table("bab2.tabel_pk_program", "tbl-bab2-pk-program", "Perjanjian Kinerja: Program dan Anggaran", landscape=True),
            text("bab2.indikator_program", "indikator-program"),
            table("bab2.tabel_indikator_program", "tbl-bab2-indikator-program", "Sasaran, Indikator, Target dan Formulasi Program, Kegiatan dan Sub Kegiatan", "indikator-program", landscape=True),
            text("bab2.alokasi_triwulan", "triwulan"),
            table("bab2.tabel_triwulan", "tbl-bab2-triwulan", "Alokasi Anggaran per Triwulan", "triwulan", landscape=True),
        ),
    ),
    Chapter(
        "03-akuntabilitas",
        "bab",
        3,
        (
            h("akuntabilitas-kinerja", "Akuntabilitas Kinerja", 1),
            text("bab3.pengantar"),
            h("metode-pengukuran", "Metode Pengukuran"),
            text("bab3.metode"),
            table("bab3.tabel_skala", "tbl-bab3-skala", "Skala Kategori Capaian Kinerja"),
            text("bab3.metode_ketentuan"),
            h("capaian-kinerja", "Capaian Kinerja Organisasi"),
            text("bab3.capaian_pengantar"),
            table("bab3.tabel_capaian_iku", "tbl-bab3-capaian-iku", "Capaian Indikator Kinerja Utama", landscape=True),
            text("bab3.capaian_uraian"),
            table("bab3.tabel_klasifikasi", "tbl-bab3-klasifikasi", "Klasifikasi Capaian Sasaran"),
            figure("bab3.grafik_target_realisasi", "fig-bab3-target-realisasi", "Target dan Realisasi Indikator Kinerja Utama"),
            text("bab3.capaian_tujuan", "capaian-tujuan"),
            table("bab3.tabel_capaian_tujuan", "tbl-bab3-capaian-tujuan", "Capaian Indikator Tujuan", "capaian-tujuan"),
            text("bab3.triwulan_kinerja", "triwulan-kinerja"),
            table("bab3.tabel_triwulan_kinerja", "tbl-bab3-triwulan", "Target dan Realisasi Kinerja per Triwulan", "triwulan-kinerja", landscape=True),
            h("analisis-sasaran", "Analisis Capaian per Sasaran"),
            text("bab3.analisis_pengantar"),
            table("bab3.tabel_tren", "tbl-bab3-tren", "Perbandingan Realisasi dengan Tahun Sebelumnya", landscape=True),
            figure("bab3.grafik_tren", "fig-bab3-tren", "Realisasi dan Target IKU Tiga Tahun Terakhir", caption_builder="bab3.judul_tren"),
            table("bab3.tabel_tren_program", "tbl-bab3-tren-program", "Perbandingan Realisasi Indikator Program dengan Tahun Sebelumnya", "tren-program", landscape=True),
            text("bab3.tren_program_uraian", "tren-program"),
            table("bab3.tabel_renstra", "tbl-bab3-renstra", "Capaian terhadap Target Akhir Renstra"),
            table("bab3.tabel_renstra_program", "tbl-bab3-renstra-program", "Capaian Indikator Program terhadap Target Akhir Renstra", "renstra-program", landscape=True),
            text("bab3.renstra_program_uraian", "renstra-program"),
            table("bab3.tabel_pembanding", "tbl-bab3-pembanding", "Perbandingan dengan Capaian Tingkat Lain", landscape=True),
            table("bab3.tabel_pembanding_opd", "tbl-bab3-pembanding-opd", "Peringkat di antara Perangkat Daerah"),
            text("bab3.analisis_sasaran"),
            text("bab3.indikator_lain", "indikator-lain"),
            table("bab3.tabel_indikator_lain", "tbl-bab3-indikator-lain", "Capaian Indikator Kinerja Lainnya", "indikator-lain", landscape=True),
            text("bab3.kinerja_program", "kinerja-program"),
            table("bab3.tabel_kinerja_program", "tbl-bab3-kinerja-program", "Capaian Indikator Program, Kegiatan dan Sub Kegiatan", "kinerja-program", landscape=True),
            h("akuntabilitas-keuangan", "Akuntabilitas Keuangan"),
            text("bab3.keuangan"),
            table("bab3.tabel_anggaran_program", "tbl-bab3-anggaran-program", "Realisasi Anggaran per Program"),
            figure("bab3.grafik_anggaran", "fig-bab3-anggaran", "Pagu dan Realisasi Anggaran per Program"),
            table("bab3.tabel_anggaran_sasaran", "tbl-bab3-anggaran-sasaran", "Alokasi dan Realisasi Anggaran per Sasaran"),
            table("bab3.tabel_anggaran_unit", "tbl-bab3-anggaran-unit", "Realisasi Anggaran per Unit Pelaksana"),
            table("bab3.tabel_jenis_belanja", "tbl-bab3-jenis-belanja", "Realisasi Anggaran per Jenis Belanja", "jenis-belanja"),
            figure("bab3.grafik_jenis_belanja", "fig-bab3-jenis-belanja", "Pagu dan Realisasi Anggaran per Jenis Belanja", "jenis-belanja"),
            text("bab3.serapan_rendah"),
            h("efisiensi", "Efisiensi Penggunaan Sumber Daya"),
            text("bab3.efisiensi_pengantar"),
            table("bab3.tabel_efisiensi", "tbl-bab3-efisiensi", "Efisiensi Penggunaan Sumber Daya", landscape=True),
            figure("bab3.grafik_kinerja_anggaran", "fig-bab3-kinerja-anggaran", "Capaian Kinerja dan Serapan Anggaran per Sasaran"),
            text("bab3.efisiensi_kesimpulan"),
            text("bab3.efisiensi_sdm", "abk"),
            table("bab3.tabel_abk", "tbl-bab3-abk", "Efisiensi Sumber Daya Manusia menurut Analisis Beban Kerja", "abk"),
            table("kota.perbandingan_kecamatan", "tbl-bab3-kecamatan", "Peringkat Capaian Kinerja dan Serapan Anggaran Kecamatan", "perbandingan-kecamatan", args=KOTA),
            figure("kota.grafik_peringkat", "fig-bab3-kecamatan", "Capaian Kinerja Rata-rata Kecamatan se-Kota", "perbandingan-kecamatan", args=KOTA),
            text("bab3.prestasi", "prestasi"),
            table("bab3.tabel_prestasi", "tbl-bab3-prestasi", "Prestasi dan Penghargaan", "prestasi"),
            text("bab3.dokumentasi", "dokumentasi"),
            Part("bab3-foto-dokumentasi", "photos", "bab3.foto_dokumentasi", label="fig-bab3-foto", switches=("dokumentasi",)),
        ),
    ),
    Chapter(
        "04-penutup",
        "bab",
        4,
        (
            h("penutup", "Penutup", 1),
            h("kesimpulan", "Kesimpulan"),
            text("bab4.kesimpulan"),
            h("kendala-tindak-lanjut", "Kendala dan Rencana Tindak Lanjut"),
            text("bab4.kendala_tindak_lanjut"),
            Part("bab4-tanda-tangan", "signature", "bab4.tanda_tangan"),
        ),
    ),
    Chapter(
        "05-lampiran",
        "lampiran",
        0,
        (
            h("lampiran", "Lampiran", 1),
            text("lampiran.perjanjian_kinerja", "lampiran-pk"),
            table("lampiran.tabel_pk_iku", "tbl-lamp-pk-iku", "Perjanjian Kinerja: Sasaran dan Indikator Kinerja Utama", "lampiran-pk", landscape=True),
            table("lampiran.tabel_pk_program", "tbl-lamp-pk-program", "Perjanjian Kinerja: Program dan Anggaran", "lampiran-pk", landscape=True),
            text("lampiran.matriks_iku", "lampiran-iku"),
            table("lampiran.tabel_matriks_iku", "tbl-lamp-matriks-iku", "Matriks Indikator Kinerja Utama", "lampiran-iku", landscape=True),
            text("lampiran.rincian_anggaran", "lampiran-anggaran"),
            table("lampiran.tabel_rincian_anggaran", "tbl-lamp-anggaran", "Rincian Anggaran per Program, Kegiatan dan Sub Kegiatan", "lampiran-anggaran", landscape=True),
        ),
    ),
)  # fmt: skip

NOTEBOOKS: tuple[str, ...] = tuple(c.notebook for c in CHAPTERS)
SWITCHES: frozenset[str] = frozenset(s for c in CHAPTERS for p in c.parts for s in p.switches)


@dataclass(frozen=True)
class Place:
    """Where a labelled part is: its chapter and its position among the chapter's numbered
    parts of the same sequence (tables, or figures)."""

    chapter: Chapter
    part: Part
    earlier: tuple[str, ...] = field(default=())  # labels of the same sequence before it


@cache
def places() -> dict[str, Place]:
    found: dict[str, Place] = {}
    for chapter in CHAPTERS:
        seen: dict[str, list[str]] = {"table": [], "figure": []}
        for part in chapter.parts:
            if part.label:
                found[part.label] = Place(chapter, part, tuple(seen[part.sequence]))
                seen[part.sequence].append(part.label)
    return found


PHOTO = re.compile(r"^(?P<prefix>fig-[a-z0-9-]+)-(?P<n>[1-9][0-9]*)$")


def place_of(label: str) -> tuple[Place, int] | None:
    """The place of a label and, for the n-th photo of a photos part, n (else 0)."""
    if place := places().get(label):
        return (place, 0) if place.part.kind != "photos" else None
    match = PHOTO.match(label)
    place = places().get(match["prefix"]) if match else None
    if match and place and place.part.kind == "photos":
        return place, int(match["n"])
    return None


def resolves(label: str) -> bool:
    """True for a label a reference may point to: a table, a figure, a photo of the outline."""
    return place_of(label) is not None


def chapter(notebook: str) -> Chapter:
    """The chapter a notebook holds (KeyError for a notebook the outline does not have)."""
    for candidate in CHAPTERS:
        if candidate.notebook == notebook:
            return candidate
    raise KeyError(notebook)


def part_of(label: str) -> Part | None:
    place = places().get(label)
    return place.part if place else None


def labels() -> frozenset[str]:
    return frozenset(places())


def check() -> list[str]:
    """Problems of the outline itself: duplicate ids or labels, a label that does not fit its
    kind, a heading without text, a chapter's lists before a heading it does not have."""
    problems: list[str] = []
    ids: set[str] = set()
    seen_labels: set[str] = set()
    for chap in CHAPTERS:
        for part in chap.parts:
            where = f"{chap.notebook}: {part.id}"
            if part.id in ids:
                problems.append(f"{where}: id dipakai dua kali")
            ids.add(part.id)
            if part.kind == "heading" and not (part.heading and 1 <= part.level <= 4):
                problems.append(f"{where}: judul tanpa teks atau tingkat")
            if part.kind != "heading" and "." not in part.builder:
                problems.append(f"{where}: builder harus 'modul.fungsi'")
            if part.kind in PREFIX or part.label:
                prefix = PREFIX.get(part.kind, "fig-")
                if not (LABEL.match(part.label) and part.label.startswith(prefix)):
                    problems.append(f"{where}: label {part.label!r} tidak cocok dengan jenisnya")
                if not part.caption and part.kind in PREFIX:
                    problems.append(f"{where}: tanpa keterangan (caption)")
            if part.label and part.label in seen_labels:
                problems.append(f"{where}: label {part.label} dipakai dua kali")
            seen_labels.add(part.label)
        if chap.lists_before and chap.lists_before not in {p.id for p in chap.parts}:
            problems.append(f"{chap.notebook}: lists_before {chap.lists_before} tidak ada")
    return problems


_PROBLEMS = check()
if _PROBLEMS:  # pragma: no cover - a broken outline must not load
    raise ValueError("outline laporan tidak konsisten:\n" + "\n".join(_PROBLEMS))
