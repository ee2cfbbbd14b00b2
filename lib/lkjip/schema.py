"""The data contract: every sheet a kecamatan supplies, its columns, types and units.

This module is the single source of truth for the contract. ``docs/data-contract.md``, the Excel
template and the loader are all generated from, or driven by, the definitions below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """Column types. The value is the Indonesian name shown to users."""

    TEXT = "teks"
    CODE = "kode"
    DECIMAL = "bilangan"
    INTEGER = "bilangan bulat"
    MONEY = "rupiah"
    PERCENT = "persen"
    YEAR = "tahun"
    DATE = "tanggal"
    DATE_OR_MONTH = "tanggal atau bulan"
    CHOICE = "pilihan"
    BOOL = "ya/tidak"


# Bounds on what a cell may hold. A value outside them is a typing mistake (a pasted account
# number, a value in the wrong unit), never data: rejecting it when the data are read means that
# nothing which passes ``lkjip validate`` can fail the build on magnitude.
MONEY_MAX = Decimal(10) ** 15  # Rp 1.000 triliun; a kecamatan's budget is Rp 10^9–10^12
NUMBER_MAX = Decimal(10) ** 15  # an indicator may be counted in Rupiah as well
COUNT_MAX = Decimal(10) ** 9  # people, staff, assets, respondents
TEXT_MAX = 32_767  # characters in one cell: Excel's own limit


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool
    description: str
    example: str = ""
    unit: str = ""
    choices: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
    default: object = None
    minimum: Decimal | None = None  # None: the kind's default (KIND_RANGE)
    maximum: Decimal | None = None
    max_length: int = TEXT_MAX
    header: str = ""  # the column's title in the workbook; "" = from the description

    @property
    def range(self) -> tuple[Decimal, Decimal] | None:
        """The lowest and highest value of a numeric column; None for other kinds."""
        return value_range(self.kind, self.minimum, self.maximum)

    @property
    def title(self) -> str:
        """The plain Indonesian title a clerk reads above the column, with its unit."""
        return plain_title(self.description, self.unit, self.header)


@dataclass(frozen=True)
class Sheet:
    name: str
    row_is: str
    description: str
    columns: tuple[Column, ...]
    required: bool = False
    required_unless: tuple[str, ...] = ()
    """Sheets that may stand in for this required one: it is required only when none of them has
    a data row (the budget may be entered per sub kegiatan, per kegiatan, per program or per
    kelompok belanja). ``sheet.column``: the sheet stands in only when that column is filled in
    one of its rows (``pagu_program.program``: programs named there, not a mere cross-check)."""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class ProfileKey:
    name: str
    kind: Kind
    required: bool
    description: str
    example: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    max_length: int = TEXT_MAX
    header: str = ""  # the key's title in the workbook; "" = from the description

    @property
    def title(self) -> str:
        return plain_title(self.description, header=self.header)

    def as_column(self) -> Column:
        """The key's value typed as a column of its own."""
        return Column(
            self.name,
            self.kind,
            self.required,
            self.description,
            minimum=self.minimum,
            maximum=self.maximum,
            max_length=self.max_length,
        )


def plain_title(description: str, unit: str = "", header: str = "") -> str:
    """A column's title: its ``header`` as declared, else its description without a trailing
    remark in parentheses or after a comma ("NIP 18 digit (spasi boleh)" → "NIP 18 digit");
    with the unit: "Luas wilayah (km²)"."""
    title = header or re.sub(r"\s*\([^()]*\)$", "", description).strip()
    if not header:
        title = title.split(", ")[0].split("; ")[0]
    return f"{title} ({unit})" if unit else title


def heading(column: Column) -> str:
    """A column's title as the template writes it: a required column is marked with " *"."""
    return f"{column.title} *" if column.required else column.title


def _c(name: str, kind: Kind, required: bool, description: str, example: str = "", **kw: object):
    return Column(name, kind, required, description, example, **kw)  # type: ignore[arg-type]


T, C, D, N, M, P, Y, DT, CH, B = (
    Kind.TEXT,
    Kind.CODE,
    Kind.DECIMAL,
    Kind.INTEGER,
    Kind.MONEY,
    Kind.PERCENT,
    Kind.YEAR,
    Kind.DATE,
    Kind.CHOICE,
    Kind.BOOL,
)

# Numbers are not negative unless a column says so: a target, a weight, a count or an amount of
# money below zero is a mistake. Realisations and comparators may be negative (a growth rate),
# and so may an elevation.
KIND_RANGE: dict[Kind, tuple[Decimal, Decimal]] = {
    Kind.MONEY: (Decimal(0), MONEY_MAX),
    Kind.INTEGER: (Decimal(0), COUNT_MAX),
    Kind.DECIMAL: (Decimal(0), NUMBER_MAX),
    Kind.PERCENT: (Decimal(0), Decimal(100)),  # weights and shares, never a capaian
}
SIGNED = {"minimum": -NUMBER_MAX}  # a column whose values may be negative
SCORE = {"maximum": Decimal(100)}  # a score or weight on a 0–100 scale
NAME_MAX = 100  # characters of a kecamatan's name: it also names the report files


def value_range(
    kind: Kind, minimum: Decimal | None, maximum: Decimal | None
) -> tuple[Decimal, Decimal] | None:
    """The bounds of a numeric kind, with a column's own ``minimum``/``maximum`` when given."""
    if kind not in KIND_RANGE:
        return None
    low, high = KIND_RANGE[kind]
    return (low if minimum is None else minimum, high if maximum is None else maximum)


LEVELS = ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
DERIVATIONS = ("akip", "ikm", "ipp", "rata_rata", "rata_rata_capaian")
"""``dihitung_dari``: the sheet an indicator's realisasi is checked against, or the mean of other
indicators (their realisasi, or their capaian) it is computed as."""
MEANS = ("rata_rata", "rata_rata_capaian")
COMPARATOR_LEVELS = (
    "kecamatan_lain",
    "perangkat_daerah",
    "kota",
    "kabupaten",
    "provinsi",
    "nasional",
)
BUDGET_SHEETS = ("anggaran_kegiatan", "pagu_program.program", "belanja")
"""The sheets a budget may be entered in instead of ``anggaran`` (per kegiatan, per program, per
kelompok belanja)."""
EDUCATION = ("S3", "S2", "S1", "D4", "D3", "D2", "D1", "SLTA", "SLTP", "SD")
EDUCATION_ALIASES = {"SMA": "SLTA", "SMK": "SLTA", "MA": "SLTA", "SMP": "SLTP", "MTS": "SLTP"}
STAFF_DIMENSIONS = ("kategori", "pendidikan", "golongan", "jenis_kelamin", "jabatan", "diklat")
"""The dimensions staff totals (sheet ``rekap_pegawai``) are given by."""
STAFF_CATEGORIES = ("struktural", "fungsional", "pelaksana", "pns", "pppk", "non_asn")
"""``pns``: a civil servant whose kind of position (struktural, fungsional, pelaksana) the data do
not say; the report then calls them PNS, never "pelaksana"."""

PROFILE_KEYS: tuple[ProfileKey, ...] = (
    ProfileKey(
        "nama_kecamatan",
        T,
        True,
        "Nama kecamatan tanpa kata 'Kecamatan'",
        "Perak",
        max_length=NAME_MAX,
        header="Nama kecamatan",
    ),
    ProfileKey("tahun", Y, True, "Tahun laporan (tahun anggaran yang dilaporkan)", "2024"),
    ProfileKey("alamat", T, False, "Alamat kantor kecamatan", "Jl. Raya Perak No. 1"),
    ProfileKey("telepon", T, False, "Nomor telepon kantor", "021-8871674"),
    ProfileKey("email", T, False, "Alamat surel kantor", "kecamatan@example.go.id"),
    ProfileKey("laman", T, False, "Situs web atau akun media sosial", "bekasiutara"),
    ProfileKey("camat_nama", T, True, "Nama lengkap Camat dengan gelar", "Drs. SUPRIYONO"),
    ProfileKey(
        "camat_pangkat",
        T,
        False,
        "Pangkat/golongan Camat (kosong: baris pangkat tidak dicetak di tanda tangan)",
        "Pembina",
    ),
    ProfileKey("camat_nip", C, True, "NIP Camat, 18 digit (spasi boleh)", "19701013 199201 1 011"),
    ProfileKey("tempat_ttd", T, True, "Tempat penandatanganan", "Perak"),
    ProfileKey(
        "tanggal_ttd",
        Kind.DATE_OR_MONTH,
        True,
        "Tanggal penandatanganan laporan, atau bulan dan tahun saja (Februari 2025), dicetak "
        "sebagaimana diisi",
        "2025-03-25",
    ),
    ProfileKey("luas_km2", D, False, "Luas wilayah", "29,05", header="Luas wilayah (km²)"),
    ProfileKey(
        "ketinggian_mdpl",
        D,
        False,
        "Ketinggian rata-rata di atas permukaan laut (boleh negatif)",
        "44",
        minimum=Decimal(-500),
        maximum=Decimal(9000),
    ),
    ProfileKey("jumlah_desa", N, False, "Jumlah desa (diperiksa terhadap sheet wilayah)", "13"),
    ProfileKey("jumlah_kelurahan", N, False, "Jumlah kelurahan (diperiksa thd wilayah)", "6"),
    ProfileKey("jumlah_penduduk", N, False, "Jumlah penduduk (diperiksa thd wilayah)", "51234"),
    ProfileKey(
        "jumlah_penduduk_l",
        N,
        False,
        "Penduduk laki-laki seluruh kecamatan, bila sheet wilayah tidak merinci per desa/"
        "kelurahan (diperiksa thd wilayah dan jumlah_penduduk)",
        "25710",
    ),
    ProfileKey(
        "jumlah_penduduk_p",
        N,
        False,
        "Penduduk perempuan seluruh kecamatan (seperti jumlah_penduduk_l)",
        "25524",
    ),
    ProfileKey("visi", T, False, "Visi daerah yang didukung", "Jombang Maju dan Sejahtera"),
    ProfileKey("misi", T, False, "Misi daerah yang didukung kecamatan", "Mewujudkan tata kelola …"),
    ProfileKey("periode_renstra", T, False, "Periode Renstra kecamatan (tahun-tahun)", "2024-2026"),
    ProfileKey("dasar_hukum_sotk", T, False, "Peraturan susunan organisasi", "Perbup 45/2019"),
    ProfileKey(
        "jumlah_pagu",
        M,
        False,
        "Jumlah pagu seluruh anggaran sebagaimana tertulis di dokumen (dicocokkan dengan jumlah "
        "yang dihitung)",
        "46.754.089.520",
    ),
    ProfileKey(
        "jumlah_realisasi",
        M,
        False,
        "Jumlah realisasi seluruh anggaran sebagaimana tertulis di dokumen (dicocokkan dengan "
        "jumlah yang dihitung)",
        "44.704.453.656",
    ),
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "profil",
        "satu keterangan (kunci dan nilai)",
        "Identitas kecamatan, penandatangan dan angka-angka umum. Kunci yang dikenal dicantumkan di "
        "bawah tabel ini.",
        (
            _c(
                "kunci",
                C,
                True,
                "Nama keterangan (lihat daftar kunci)",
                "camat_nama",
                header="Kode keterangan",
            ),
            _c("nilai", T, False, "Isi keterangan", "Drs. SUPRIYONO", header="Isi"),
        ),
        required=True,
    ),
    Sheet(
        "wilayah",
        "desa atau kelurahan",
        "Desa/kelurahan di wilayah kecamatan.",
        (
            _c("nama", T, True, "Nama desa/kelurahan", "Perwira"),
            _c(
                "jenis", CH, True, "Desa atau kelurahan", "kelurahan", choices=("desa", "kelurahan")
            ),
            _c("kepala", T, False, "Nama kepala desa/lurah", "Budi Santoso"),
            _c("luas_km2", D, False, "Luas wilayah", "3,25", unit="km²"),
            _c("penduduk_l", N, False, "Penduduk laki-laki", "4210", unit="jiwa"),
            _c("penduduk_p", N, False, "Penduduk perempuan", "4188", unit="jiwa"),
            _c("jumlah_rw", N, False, "Jumlah RW", "12"),
            _c("jumlah_rt", N, False, "Jumlah RT", "85"),
        ),
    ),
    Sheet(
        "batas_wilayah",
        "arah mata angin",
        "Batas wilayah kecamatan.",
        (
            _c(
                "arah",
                CH,
                True,
                "Arah batas",
                "utara",
                choices=("utara", "timur", "selatan", "barat"),
            ),
            _c("berbatasan_dengan", T, True, "Wilayah yang berbatasan", "Kabupaten Bekasi"),
        ),
    ),
    Sheet(
        "pegawai",
        "pegawai (atau kelompok pegawai, lihat kolom jumlah)",
        "Kondisi aparatur. Satu baris satu pegawai; bila hanya rekap yang tersedia, satu baris boleh "
        "mewakili sekelompok pegawai yang sama dengan mengisi kolom jumlah.",
        (
            _c("nama", T, False, "Nama pegawai", "AHMAD SHOLI"),
            _c("nip", C, False, "NIP 18 digit (spasi boleh)", "19680812 200604 1 007"),
            _c("jabatan", T, True, "Jabatan", "Sekretaris Kecamatan"),
            _c(
                "kategori",
                CH,
                True,
                "Kategori kepegawaian (pns: PNS yang jenis jabatannya tidak dirinci)",
                "struktural",
                choices=STAFF_CATEGORIES,
            ),
            _c("golongan", T, False, "Golongan ruang", "III/b"),
            _c(
                "pendidikan",
                CH,
                False,
                "Pendidikan terakhir",
                "S1",
                choices=EDUCATION,
                aliases=EDUCATION_ALIASES,
            ),
            _c(
                "jenis_kelamin",
                CH,
                False,
                "L atau P",
                "L",
                choices=("L", "P"),
                header="Jenis kelamin (L/P)",
            ),
            _c("diklat", T, False, "Diklat kepemimpinan/teknis yang sudah diikuti", "PKA"),
            _c(
                "unit",
                T,
                False,
                "Unit kerja: kosong atau Kecamatan = kantor kecamatan, selain itu nama kantor "
                "kelurahan/desa (mis. Kelurahan Perwira); laporan memisahkan keduanya",
                "Kecamatan",
            ),
            _c(
                "jumlah",
                N,
                False,
                "Banyaknya pegawai yang diwakili baris ini",
                "1",
                default=1,
                header="Jumlah pegawai",
            ),
        ),
    ),
    Sheet(
        "rekap_pegawai",
        "jumlah pegawai satu kelompok pada satu unit",
        "Kondisi aparatur bila hanya rekapitulasi yang tersedia (sebagai ganti sheet pegawai; "
        "mengisi keduanya adalah galat): jumlah pegawai per dimensi (kategori, pendidikan, "
        "golongan, jenis kelamin, jabatan, diklat), per kelompok dan per unit kerja. Setiap "
        "dimensi yang diisi mencakup seluruh pegawai setiap unit, sehingga jumlahnya sama antar "
        "dimensi (diperiksa); pegawai tanpa golongan (non-ASN) diisi sebagai satu kelompok, mis. "
        "'Tanpa golongan'. Laporan mencetak tabel setiap dimensi yang diisi, tanpa tabulasi "
        "silang antardimensi.",
        (
            _c(
                "dimensi",
                CH,
                True,
                "Dimensi yang dihitung",
                "pendidikan",
                choices=STAFF_DIMENSIONS,
            ),
            _c(
                "kelompok",
                T,
                True,
                "Kelompok dalam dimensi: kategori seperti kolom kategori sheet pegawai, "
                "pendidikan S3 … SD, jenis kelamin L atau P, golongan (III/b atau III), "
                "nama jabatan atau diklat",
                "S1",
            ),
            _c(
                "unit",
                T,
                False,
                "Unit kerja (kosong = kantor kecamatan), mis. Kelurahan Perwira",
                "Kelurahan Perwira",
            ),
            _c("jumlah", N, True, "Banyaknya pegawai", "4", unit="orang"),
        ),
    ),
    Sheet(
        "unit_organisasi",
        "unit organisasi",
        "Susunan organisasi untuk bagan struktur.",
        (
            _c("kode", C, True, "Kode unit", "SEK"),
            _c("nama", T, True, "Nama unit", "Sekretariat Kecamatan"),
            _c("induk", C, False, "Kode unit atasan (kosong untuk Camat)", "CMT"),
            _c("kepala", T, False, "Nama pejabat kepala unit", "ABDUL WAKHID, SE"),
        ),
    ),
    Sheet(
        "sarpras",
        "jenis sarana/prasarana",
        "Sarana dan prasarana kantor.",
        (
            _c("jenis", T, True, "Jenis aset", "Komputer PC"),
            _c("jumlah", N, True, "Jumlah menurut rekonsiliasi BMD", "10"),
            _c("satuan", T, False, "Satuan", "unit"),
            _c(
                "kondisi",
                CH,
                False,
                "Kondisi",
                "baik",
                choices=("baik", "rusak_ringan", "rusak_berat"),
            ),
            _c("standar_kebutuhan", N, False, "Jumlah menurut standar kebutuhan", "12"),
        ),
    ),
    Sheet(
        "abk",
        "jabatan (atau kelompok jabatan)",
        "Opsional: kebutuhan pegawai menurut Analisis Beban Kerja (ABK) dan pegawai yang tersedia, "
        "untuk analisis efisiensi sumber daya manusia. Tingkat pemenuhan = ketersediaan ÷ "
        "kebutuhan × 100 dihitung.",
        (
            _c("jabatan", T, True, "Nama jabatan atau kelompok jabatan", "Pengadministrasi Umum"),
            _c("sasaran", C, False, "Kode sasaran strategis yang didukung jabatan ini", "S1"),
            _c("kebutuhan", N, True, "Kebutuhan pegawai menurut ABK", "3", unit="orang"),
            _c("ketersediaan", N, True, "Pegawai yang tersedia", "2", unit="orang"),
            _c("keterangan", T, False, "Keterangan", "Satu pegawai pensiun Juni"),
        ),
    ),
    Sheet(
        "tujuan",
        "tujuan Renstra",
        "Tujuan dalam Renstra kecamatan.",
        (
            _c("kode", C, True, "Kode tujuan", "T1"),
            _c("uraian", T, True, "Rumusan tujuan", "Terwujudnya tata kelola pemerintahan …"),
            _c("tahun_mulai", Y, False, "Berlaku mulai tahun", "2024"),
            _c("tahun_selesai", Y, False, "Berlaku sampai tahun", "2026"),
        ),
        required=True,
    ),
    Sheet(
        "sasaran",
        "sasaran strategis",
        "Sasaran strategis; setiap sasaran menginduk ke satu tujuan.",
        (
            _c("kode", C, True, "Kode sasaran", "S1"),
            _c("tujuan", C, True, "Kode tujuan induk", "T1"),
            _c("uraian", T, True, "Rumusan sasaran", "Meningkatnya akuntabilitas kinerja"),
            _c("tahun_mulai", Y, False, "Berlaku mulai tahun", "2024"),
            _c("tahun_selesai", Y, False, "Berlaku sampai tahun", "2026"),
        ),
        required=True,
    ),
    Sheet(
        "indikator",
        "indikator kinerja",
        "Indikator tujuan, sasaran (IKU), program, kegiatan dan sub kegiatan. Indikator program/"
        "kegiatan/sub kegiatan menginduk ke kode di sheet anggaran.",
        (
            _c("kode", C, True, "Kode indikator (unik)", "IKU1"),
            _c("level", CH, True, "Tingkat indikator", "sasaran", choices=LEVELS),
            _c(
                "induk",
                C,
                True,
                "Kode tujuan/sasaran, atau kode program/kegiatan/sub kegiatan",
                "S1",
                header="Kode induk",
            ),
            _c(
                "unit",
                T,
                False,
                "Unit pelaksana sub kegiatan (bila sub kegiatan per kelurahan)",
                "",
            ),
            _c("uraian", T, True, "Nama indikator", "Nilai evaluasi AKIP Kecamatan"),
            _c("satuan", T, True, "Satuan", "nilai"),
            _c(
                "polaritas",
                CH,
                True,
                "naik = makin tinggi makin baik; turun = makin rendah makin baik",
                "naik",
                choices=("naik", "turun"),
                header="Polaritas",
            ),
            _c("jenis", CH, False, "Jenis angka", "indeks", choices=("persen", "jumlah", "indeks")),
            _c(
                "iku",
                B,
                False,
                "Indikator Kinerja Utama? (hanya level sasaran)",
                "ya",
                default=False,
            ),
            _c("formulasi", T, False, "Rumus penghitungan", "Nilai LHE AKIP tahun n"),
            _c(
                "definisi_operasional",
                T,
                False,
                "Definisi operasional indikator (dicetak di tabel IKU)",
                "AKIP adalah pertanggungjawaban kinerja instansi pemerintah melalui SAKIP",
            ),
            _c(
                "rumusan_sasaran",
                T,
                False,
                "Rumusan sasaran program/kegiatan/sub kegiatan yang diukur indikator ini",
                "Meningkatnya capaian kinerja aparatur",
            ),
            _c("sumber_data", T, False, "Sumber data", "LHE AKIP Inspektorat"),
            _c("penanggung_jawab", T, False, "Penanggung jawab", "Camat"),
            _c("target_akhir", D, False, "Target akhir periode Renstra (bukan 0)", "75"),
            _c("tahun_mulai", Y, False, "Berlaku mulai tahun", "2024"),
            _c("tahun_selesai", Y, False, "Berlaku sampai tahun", "2026"),
            _c(
                "dihitung_dari",
                CH,
                False,
                "Realisasi diperiksa terhadap sheet evaluasi_sakip (akip), ikm (ikm) atau ipp "
                "(ipp); rata_rata: realisasi = rata-rata realisasi indikator di kolom komponen; "
                "rata_rata_capaian: realisasi = rata-rata capaian (%) indikator komponen",
                "rata_rata",
                choices=DERIVATIONS,
                header="Dihitung dari",
            ),
            _c(
                "komponen",
                T,
                False,
                "Kode indikator yang dirata-ratakan (dihitung_dari rata_rata atau "
                "rata_rata_capaian), dipisah koma",
                "IKU1, IKU2",
            ),
            _c(
                "pk",
                B,
                False,
                "Dimuat dalam Perjanjian Kinerja? (indikator tujuan; IKU selalu dimuat)",
                "ya",
                default=False,
            ),
        ),
        required=True,
    ),
    Sheet(
        "target_realisasi",
        "indikator × tahun",
        "Target dan realisasi setiap indikator per tahun, diisi sekali dan dipakai semua tabel.",
        (
            _c("indikator", C, True, "Kode indikator", "IKU1"),
            _c("tahun", Y, True, "Tahun", "2024"),
            _c(
                "target",
                D,
                False,
                "Target tahun itu (bukan 0); wajib untuk tahun laporan, boleh kosong untuk tahun "
                "sebelumnya yang tidak bertarget",
                "73",
            ),
            _c(
                "realisasi",
                D,
                False,
                "Realisasi (kosong bila belum ada; boleh negatif, mis. laju pertumbuhan)",
                "74,64",
                **SIGNED,
            ),
            *(_c(f"target_tw{q}", D, False, f"Target triwulan {q}", "") for q in range(1, 5)),
            *(
                _c(f"realisasi_tw{q}", D, False, f"Realisasi triwulan {q}", "", **SIGNED)
                for q in range(1, 5)
            ),
            _c("sumber", T, False, "Dasar/sumber angka realisasi", "LHE No. X.700/559/2024"),
            _c("penjelasan", T, False, "Penjelasan singkat", ""),
            _c(
                "capaian_tertulis",
                D,
                False,
                "Capaian (%) sebagaimana tertulis di dokumen sumber; hanya dicocokkan dengan "
                "capaian yang dihitung",
                "104,74",
                unit="%",
                **SIGNED,
            ),
        ),
        required=True,
    ),
    Sheet(
        "anggaran",
        "sub kegiatan (per unit pelaksana)",
        "Anggaran per sub kegiatan; semua jumlah kegiatan/program, persentase dan SiLPA dihitung. "
        "Bila dokumen hanya memuat angka per kegiatan, per program atau per kelompok belanja, "
        "sub kegiatan boleh dicantumkan tanpa pagu dan realisasi (atau sheet ini tidak diisi) dan "
        "angkanya diisi di sheet anggaran_kegiatan, pagu_program atau belanja: angka diisi pada "
        "tingkat yang tersedia, dan angka tingkat di atasnya dihitung darinya. Dalam satu kegiatan, "
        "pagu (dan realisasi) diisi pada semua sub kegiatan atau tidak sama sekali.",
        (
            _c("program_kode", C, True, "Kode program", "7.01.01"),
            _c("program", T, True, "Nama program", "Program Penunjang Urusan Pemerintahan Daerah"),
            _c("kegiatan_kode", C, True, "Kode kegiatan", "7.01.01.2.01"),
            _c("kegiatan", T, True, "Nama kegiatan", "Perencanaan, Penganggaran, dan Evaluasi"),
            _c("kode", C, True, "Kode sub kegiatan", "7.01.01.2.01.0001"),
            _c("subkegiatan", T, True, "Nama sub kegiatan", "Penyusunan Dokumen Perencanaan"),
            _c("unit", T, False, "Unit pelaksana (kosong = kecamatan)", "Kelurahan Perwira"),
            _c("sasaran", C, False, "Kode sasaran strategis yang didukung", "S1"),
            _c(
                "pagu_murni",
                M,
                False,
                "Pagu APBD murni (penetapan; kosong = sama dengan pagu)",
                "3.000.000",
                unit="Rp",
            ),
            _c(
                "pagu",
                M,
                False,
                "Pagu akhir (setelah perubahan); kosong bila pagu hanya tersedia per kegiatan "
                "atau per program",
                "3.000.000",
                unit="Rp",
            ),
            *(_c(f"tw{q}", M, False, f"Alokasi triwulan {q}", "", unit="Rp") for q in range(1, 5)),
            _c(
                "realisasi",
                M,
                False,
                "Realisasi keuangan; kosong bila realisasi hanya tersedia per kegiatan, per "
                "program atau per kelompok belanja",
                "2.995.000",
                unit="Rp",
            ),
            _c(
                "jenis_belanja",
                CH,
                False,
                "Jenis belanja",
                "barang_jasa",
                choices=("pegawai", "barang_jasa", "modal", "hibah"),
            ),
            _c("sumber_dana", T, False, "Sumber dana", "PAD"),
            _c("penjelasan", T, False, "Penjelasan realisasi/deviasi", ""),
        ),
        required=True,
        required_unless=BUDGET_SHEETS,
    ),
    Sheet(
        "anggaran_kegiatan",
        "kegiatan",
        "Opsional: kegiatan dengan angka per kegiatan, atau kegiatan yang dicantumkan tanpa angka. "
        "Pagu murni, pagu dan realisasi yang diisi di sini adalah anggaran kegiatan itu bila sub "
        "kegiatannya di sheet anggaran tidak memuat angka tersebut (mis. pagu murni hanya per "
        "kegiatan); bila sub kegiatannya memuatnya, angka di sini dicocokkan dengan jumlahnya.",
        (
            _c("program_kode", C, True, "Kode program", "7.01.01"),
            _c("program", T, False, "Nama program (boleh kosong bila ada di sheet lain)", ""),
            _c("kegiatan_kode", C, True, "Kode kegiatan", "7.01.01.2.01"),
            _c("kegiatan", T, True, "Nama kegiatan", "Perencanaan, Penganggaran, dan Evaluasi"),
            _c("sasaran", C, False, "Kode sasaran strategis yang didukung", "S1"),
            _c(
                "pagu_murni",
                M,
                False,
                "Pagu APBD murni (penetapan) kegiatan",
                "150.000.000",
                unit="Rp",
            ),
            _c("pagu", M, False, "Pagu akhir kegiatan", "155.000.000", unit="Rp"),
            _c("realisasi", M, False, "Realisasi kegiatan", "149.500.000", unit="Rp"),
            _c("penjelasan", T, False, "Penjelasan realisasi/deviasi kegiatan", ""),
        ),
    ),
    Sheet(
        "pagu_program",
        "program",
        "Opsional: pagu dan realisasi per program sebagaimana tercantum di DPA/e-monev atau "
        "Perjanjian Kinerja. Bila sub kegiatan (atau kegiatan) program itu memuat angka, angka di "
        "sini dicocokkan dengan jumlahnya; bila tidak, inilah anggaran program itu (laporan yang "
        "hanya memuat pagu per program).",
        (
            _c("program_kode", C, True, "Kode program", "7.01.01"),
            _c(
                "program",
                T,
                False,
                "Nama program (wajib bila program tidak ada di sheet anggaran/anggaran_kegiatan)",
                "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            ),
            _c("sasaran", C, False, "Kode sasaran strategis yang didukung program", "S1"),
            _c("pagu_murni", M, False, "Pagu APBD murni program", "3.000.000.000", unit="Rp"),
            _c("pagu", M, True, "Pagu program menurut DPA", "3.025.434.166", unit="Rp"),
            _c("realisasi", M, False, "Realisasi menurut e-monev", "2.841.094.465", unit="Rp"),
            _c("penjelasan", T, False, "Penjelasan realisasi/deviasi program", ""),
        ),
    ),
    Sheet(
        "belanja",
        "kelompok belanja",
        "Opsional: pagu dan realisasi per kelompok belanja (gaji / non gaji, atau belanja tidak "
        "langsung / belanja langsung), bila realisasi tidak tersedia per program. Belanja yang "
        "termasuk program (dalam_program ya) dicocokkan dengan jumlah program bila program memuat "
        "angka yang sama; belanja di luar program (belanja tidak langsung) ditambahkan pada "
        "jumlah seluruh anggaran.",
        (
            _c(
                "kelompok",
                T,
                True,
                "Kelompok belanja sebagaimana dokumen",
                "Belanja Gaji dan Tunjangan",
            ),
            _c(
                "dalam_program",
                B,
                False,
                "Termasuk program Perjanjian Kinerja? (tidak: belanja tidak langsung)",
                "ya",
                default=True,
            ),
            _c("pagu", M, True, "Pagu kelompok belanja", "2.454.556.932", unit="Rp"),
            _c("realisasi", M, True, "Realisasi kelompok belanja", "2.309.846.114", unit="Rp"),
            _c("penjelasan", T, False, "Penjelasan realisasi/deviasi", ""),
        ),
    ),
    Sheet(
        "evaluasi_sakip",
        "komponen × tahun",
        "Nilai evaluasi AKIP per komponen (LHE Inspektorat).",
        (
            _c("tahun", Y, True, "Tahun evaluasi", "2024"),
            _c("komponen", T, True, "Komponen", "Perencanaan Kinerja"),
            _c("bobot", D, True, "Bobot komponen", "30", **SCORE),
            _c(
                "nilai",
                D,
                False,
                "Nilai komponen (kosong: dihitung dari LKE dan lapangan)",
                "24,81",
                **SCORE,
            ),
            _c("nilai_lke", D, False, "Nilai LKE (mandiri)", "25,53", **SCORE),
            _c("nilai_lapangan", D, False, "Nilai evaluasi lapangan", "21,95", **SCORE),
            _c("catatan", T, False, "Catatan evaluator", ""),
        ),
    ),
    Sheet(
        "evaluasi_rb",
        "komponen × tahun",
        "Opsional: hasil evaluasi Reformasi Birokrasi (RB) per komponen. Komponen utama tidak "
        "berinduk; subkomponen menginduk ke kode komponen utama. Nilai komponen yang memiliki "
        "subkomponen dan Indeks RB (jumlah nilai komponen utama) dihitung.",
        (
            _c("tahun", Y, True, "Tahun evaluasi", "2024"),
            _c("kode", C, True, "Kode komponen, unik dalam satu tahun", "1.2"),
            _c("induk", C, False, "Kode komponen induk (kosong untuk komponen utama)", "1"),
            _c("komponen", T, True, "Nama komponen", "Rencana Aksi"),
            _c("bobot", P, True, "Bobot komponen terhadap Indeks RB", "4", unit="%"),
            _c(
                "nilai",
                D,
                False,
                "Nilai komponen (kosongkan pada komponen yang memiliki subkomponen: dihitung)",
                "2,67",
                **SCORE,
            ),
            _c(
                "sumber",
                T,
                False,
                "Dasar nilai, mis. surat hasil evaluasi (cukup diisi pada satu baris per tahun)",
                "Surat Sekretaris Daerah Nomor 000.8.6/10012/415.10/2024",
            ),
        ),
    ),
    Sheet(
        "indikator_rb",
        "indikator × tahun",
        "Opsional: nilai indikator kegiatan utama Reformasi Birokrasi, dengan skala dan sumber "
        "datanya.",
        (
            _c("tahun", Y, True, "Tahun evaluasi", "2024"),
            _c("indikator", T, True, "Nama indikator kegiatan utama", "Indeks Penerapan SPBE"),
            _c(
                "skala",
                T,
                False,
                "Rentang nilai, ditulis 'bawah - atas'",
                "0 - 100",
                header="Skala nilai",
            ),
            _c(
                "nilai",
                D,
                False,
                "Nilai indikator (kosong bila belum dinilai; diperiksa terhadap skala)",
                "75,70",
                **SIGNED,
            ),
            _c("sumber_data", T, False, "Sumber data", "Dinas Komunikasi dan Informatika"),
        ),
    ),
    Sheet(
        "ikm",
        "layanan × unsur (atau layanan dengan nilai akhir)",
        "Indeks Kepuasan Masyarakat. Isi NRR per unsur (kode dan nama unsur menurut aturan kota, "
        "bawaan U1–U9), atau hanya nilai IKM akhir per layanan bila rincian unsur tidak "
        "tersedia. Bila NRR per unsur diisi, BAB I mencetak tabel unsur dan skala mutu "
        "pelayanan.",
        (
            _c("tahun", Y, True, "Tahun survei", "2024"),
            _c("layanan", T, False, "Jenis layanan (kosong = seluruh layanan)", "KTP"),
            _c(
                "unsur",
                C,
                False,
                "Kode unsur menurut aturan kota (ikm_unsur; bawaan U1–U9 PermenPAN-RB 14/2017)",
                "U1",
            ),
            _c("nrr", D, False, "Nilai rata-rata unsur, skala 1–4", "3,52", header="NRR (1–4)"),
            _c(
                "nilai",
                D,
                False,
                "Nilai IKM akhir layanan, skala 25–100",
                "98,35",
                header="Nilai IKM (25–100)",
            ),
            _c("responden", N, False, "Jumlah responden", "120"),
        ),
    ),
    Sheet(
        "ipp",
        "aspek × tahun",
        "Opsional: Indeks Pelayanan Publik (PermenPAN-RB 17/2017) per aspek. Nilai aspek = bobot × "
        "nilai indikator ÷ 100; IPP = jumlah nilai aspek (dihitung).",
        (
            _c("tahun", Y, True, "Tahun evaluasi", "2024"),
            _c("aspek", T, True, "Aspek penilaian", "Kebijakan Pelayanan"),
            _c("bobot", P, True, "Bobot aspek", "30", unit="%"),
            _c(
                "nilai_indikator",
                D,
                False,
                "Nilai indikator aspek, skala 0–5",
                "3,58",
                header="Nilai indikator (0–5)",
            ),
            _c(
                "nilai",
                D,
                False,
                "Nilai tertimbang aspek (kosong: dihitung dari bobot dan nilai indikator)",
                "1,07",
            ),
            _c(
                "sumber",
                T,
                False,
                "Dasar nilai (cukup diisi pada satu baris per tahun)",
                "SK Bupati Nomor 188.4.45/400/415/10.1.3/2024",
            ),
        ),
    ),
    Sheet(
        "prestasi",
        "penghargaan",
        "Prestasi dan penghargaan.",
        (
            _c("tahun", Y, True, "Tahun", "2024"),
            _c(
                "tingkat",
                CH,
                True,
                "Tingkat",
                "kabupaten",
                choices=("kecamatan", "kota", "kabupaten", "provinsi", "nasional", "internasional"),
            ),
            _c("penghargaan", T, True, "Nama penghargaan", "Juara I Lomba PATEN"),
            _c("pemberi", T, False, "Pemberi penghargaan", "Bupati Jombang"),
        ),
    ),
    Sheet(
        "pembanding",
        "nilai pembanding",
        "Nilai indikator yang sama pada tingkat lain (kota, provinsi, nasional), atau nilai "
        "perangkat daerah lain di kota/kabupaten yang sama (perangkat_daerah, mis. nilai AKIP "
        "setiap OPD: satu baris per perangkat daerah; dicetak sebagai tabel peringkat).",
        (
            _c("indikator", C, True, "Kode indikator", "IKU1"),
            _c("tahun", Y, True, "Tahun", "2024"),
            _c(
                "level",
                CH,
                True,
                "Tingkat pembanding",
                "kabupaten",
                choices=COMPARATOR_LEVELS,
            ),
            _c(
                "nama",
                T,
                False,
                "Nama pembanding (perangkat_daerah: nama perangkat daerah, wajib)",
                "Kabupaten Jombang",
            ),
            _c("nilai", D, True, "Nilai (boleh negatif, mis. laju pertumbuhan)", "8,45", **SIGNED),
        ),
    ),
    Sheet(
        "dokumentasi",
        "foto",
        "Foto kegiatan: berkas JPEG atau PNG di folder foto/ di samping data (di samping data.xlsx "
        "atau berkas CSV). Setiap foto dicetak di BAB III sebagai gambar bernomor dengan "
        "keterangannya, diperkecil agar dokumen tetap ringan; berkas yang tidak ada adalah galat.",
        (
            _c(
                "file", T, True, "Nama berkas di folder foto/ (tanpa nama folder)", "musrenbang.jpg"
            ),
            _c("keterangan", T, True, "Keterangan foto", "Musrenbang Kecamatan 2024"),
            _c("indikator", C, False, "Kode indikator yang didokumentasikan", "IKU1"),
            _c("program_kode", C, False, "Kode program yang didokumentasikan", "7.01.01"),
        ),
    ),
    Sheet(
        "tindak_lanjut",
        "rekomendasi",
        "Matriks tindak lanjut rekomendasi hasil evaluasi.",
        (
            _c("tahun", Y, True, "Tahun evaluasi yang direkomendasikan", "2024"),
            _c("rekomendasi", T, True, "Rekomendasi evaluator", "Menyelaraskan cascading kinerja"),
            _c("rencana_aksi", T, False, "Rencana aksi", "Reviu pohon kinerja"),
            _c("hasil", T, False, "Hasil tindak lanjut (keluaran atau bukti)", "Notulen rapat"),
            _c("waktu", T, False, "Waktu pelaksanaan", "Januari 2025"),
            _c("penanggung_jawab", T, False, "Penanggung jawab", "Sekretaris Kecamatan"),
            _c(
                "status",
                CH,
                False,
                "Status",
                "proses",
                choices=("sudah", "proses", "belum"),
            ),
        ),
    ),
)

SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}
PROFILE_BY_NAME: dict[str, ProfileKey] = {k.name: k for k in PROFILE_KEYS}
