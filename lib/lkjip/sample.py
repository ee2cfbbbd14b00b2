"""Deterministic generator of the synthetic city "Kota Contoh", for demos and scale tests.

:func:`generate_city` writes the city config ``params/kota-contoh.yaml`` and, for every kecamatan,
one CSV file per sheet of the data contract plus a ``narasi.md``. All randomness comes from
``random.Random`` instances seeded from ``seed`` (never the global state), so the same arguments
give byte-identical files. Numbers with a fraction are written the Indonesian way (``75,25``,
quoted by :mod:`csv`); money is written as plain whole Rupiah.

The data are internally consistent: every parent code exists, TW1–TW4 add up to the pagu murni,
program totals equal their sub-kegiatan, the AKIP IKU equals the sum of the ``evaluasi_sakip``
components and the IKM IKU equals the unit IKM computed from ``ikm``.
"""

from __future__ import annotations

import csv
import itertools
import random
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import yaml

__all__ = ["generate_city"]

CITY = "Kota Contoh"
CITY_SLUG = "kota-contoh"
PROVINCE = "Jawa Barat"
VISI = "Terwujudnya Kota Contoh yang Maju, Sejahtera, dan Berkelanjutan"
MISI = (
    "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
    "Meningkatkan kualitas pelayanan publik yang cepat, mudah, dan terjangkau",
    "Mewujudkan lingkungan kota yang aman, tertib, dan nyaman",
    "Meningkatkan pemberdayaan masyarakat berbasis kelurahan",
)
SOTK = "Peraturan Wali Kota Contoh Nomor 45 Tahun 2021"
AVERAGE_NAME = "Rata-rata Kecamatan se-Kota Contoh"

_CENT = Decimal("0.01")

# --- names ---------------------------------------------------------------------------------

FIRST_KECAMATAN = (
    "Sukamaju",
    "Cempaka Putih",
    "Mekarsari",
    "Tanjung Harapan",
    "Sindang Jaya",
    "Karang Anyar",
)
_GLUED_PREFIX = (
    "Suka", "Mekar", "Marga", "Harja", "Jaya", "Sari", "Wira", "Giri", "Tirta", "Purwa", "Karya",
    "Cipta",
)  # fmt: skip
_GLUED_SUFFIX = (
    "maju", "jaya", "sari", "mulya", "rahayu", "asih", "makmur", "indah", "wangi", "mukti",
    "raharja", "laksana", "galih", "resmi", "damai", "bakti",
)  # fmt: skip
_SPACED_PREFIX = (
    "Karang", "Tanjung", "Sindang", "Cempaka", "Pasir", "Bojong", "Tegal", "Kebon", "Rawa",
    "Pondok", "Gunung", "Taman", "Bukit", "Padang", "Sumber", "Pulo", "Teluk", "Muara", "Batu",
    "Cikal",
)  # fmt: skip
_SPACED_SUFFIX = (
    "Anyar", "Harapan", "Jaya", "Putih", "Sari", "Baru", "Indah", "Asri", "Mulya", "Permai", "Raya",
    "Lestari", "Makmur", "Kencana", "Wetan", "Kulon", "Tengah", "Manis",
)  # fmt: skip
_DIRECTIONS = ("Utara", "Selatan", "Timur", "Barat", "Tengah")
_NEIGHBOUR_REGIONS = (
    "Kabupaten Sukaraja", "Kabupaten Mekarwangi", "Kabupaten Cibening", "Kota Tirtamulya",
)  # fmt: skip

_MALE = (
    "Ahmad", "Budi", "Dedi", "Agus", "Asep", "Hendra", "Iwan", "Rudi", "Yusuf", "Dadang", "Ujang",
    "Eko", "Bambang", "Joko", "Hadi", "Slamet", "Wahyu", "Irfan", "Fajar", "Rizki", "Dimas",
    "Andri", "Taufik", "Heru", "Dani", "Yudi", "Rahmat", "Arif", "Deni", "Aditya", "Bayu",
    "Gilang", "Ilham", "Cecep", "Endang", "Nana",
)  # fmt: skip
_FEMALE = (
    "Siti", "Sri", "Dewi", "Rina", "Nur", "Ratna", "Euis", "Yanti", "Lilis", "Neneng", "Wulan",
    "Rini", "Fitri", "Dian", "Ani", "Intan", "Ayu", "Nining", "Tuti", "Rika", "Maya", "Putri",
    "Indah", "Nurul", "Yuli", "Lina", "Eva", "Sari", "Ika", "Tati",
)  # fmt: skip
_MALE_LAST = (
    "Santoso", "Hidayat", "Saputra", "Setiawan", "Kurniawan", "Nugraha", "Permana", "Gunawan",
    "Hermawan", "Suryadi", "Firmansyah", "Ramdani", "Sudrajat", "Wibowo", "Pratama", "Maulana",
    "Rahman", "Hakim", "Sopian", "Mulyadi", "Supriyadi", "Hamdani", "Kusnadi", "Sutisna",
)  # fmt: skip
_FEMALE_LAST = (
    "Rahayu", "Lestari", "Wulandari", "Handayani", "Fitriani", "Sulastri", "Susanti", "Kurniasih",
    "Nurhayati", "Marlina", "Rosmawati", "Yuliani", "Kartika", "Puspita", "Anggraeni", "Komalasari",
    "Nurjanah", "Permatasari",
)  # fmt: skip
_STREETS = (
    "Merdeka", "Pahlawan", "Veteran", "Ahmad Yani", "Sudirman", "Diponegoro", "Siliwangi",
    "Pemuda", "Kartini", "Pramuka",
)  # fmt: skip

# --- staff ---------------------------------------------------------------------------------

# Years of service needed before a golongan is plausible (for consistent NIP TMT dates).
_MIN_SERVICE = {
    "II/a": 0, "II/b": 3, "II/c": 7, "II/d": 11, "III/a": 0, "III/b": 4, "III/c": 8,
    "III/d": 12, "IV/a": 16, "IV/b": 20,
}  # fmt: skip
# Annual cost (gaji, tunjangan, TPP) per person in juta Rupiah, by golongan.
_PAY = {
    "II": (90, 130), "III/a": (125, 160), "III/b": (130, 170), "III/c": (160, 210),
    "III/d": (170, 220), "IV": (220, 300), "V": (75, 100), "VII": (90, 120), "IX": (110, 150),
}  # fmt: skip
_FUNGSIONAL = (
    ("Analis Kebijakan Ahli Muda", ("S1", "S2"), ("III/c", "III/d")),
    ("Analis Kebijakan Ahli Pertama", ("S1",), ("III/a", "III/b")),
    ("Pranata Komputer Ahli Pertama", ("S1", "D4"), ("III/a", "III/b")),
    ("Arsiparis Terampil", ("D3",), ("II/c", "II/d")),
    ("Polisi Pamong Praja Terampil", ("SLTA", "D3"), ("II/b", "II/c", "II/d")),
    ("Pengelola Pengadaan Barang/Jasa Ahli Pertama", ("S1",), ("III/a", "III/b")),
)
_PELAKSANA = (
    ("Penata Layanan Operasional", ("S1", "D4"), ("III/a", "III/b", "III/c")),
    ("Pengolah Data dan Informasi", ("D3", "S1"), ("II/c", "II/d", "III/a")),
    ("Pengadministrasi Perkantoran", ("SLTA", "D3"), ("II/a", "II/b", "II/c", "II/d")),
    ("Pengelola Umum Operasional", ("SLTA", "D3"), ("II/b", "II/c", "II/d")),
    ("Bendahara Pengeluaran", ("S1", "D3"), ("III/a", "III/b")),
    ("Pengurus Barang", ("SLTA", "D3"), ("II/c", "II/d", "III/a")),
    ("Penelaah Teknis Kebijakan", ("S1",), ("III/a", "III/b", "III/c")),
)
_PPPK = (
    ("Pranata Komputer Ahli Pertama", ("S1",)),
    ("Penata Layanan Operasional", ("S1", "D4")),
    ("Pengelola Umum Operasional", ("SLTA", "D3")),
    ("Operator Layanan Operasional", ("SLTA", "D3")),
)
_PPPK_GOLONGAN = {"SLTA": "V", "D3": "VII", "D4": "IX", "S1": "IX"}
_NON_ASN = (
    ("Tenaga Kebersihan", ("SD", "SLTP", "SLTA")),
    ("Pengemudi", ("SLTP", "SLTA")),
    ("Petugas Keamanan", ("SLTA",)),
    ("Tenaga Administrasi", ("SLTA", "D3", "S1")),
    ("Operator Komputer", ("SLTA", "D3")),
)
_S1_TITLES = ("S.STP.", "S.IP.", "S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.AP.")
_S2_TITLES = ("M.Si.", "M.M.", "M.A.P.", "M.H.", "M.Kom.")
_D3_TITLES = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")
_D4_TITLES = ("S.Tr.IP.", "S.ST.")

# (kode, nama, induk) of the organisation units; the 5th seksi is optional.
_UNITS = (
    ("CMT", "Camat", ""),
    ("SEK", "Sekretariat Kecamatan", "CMT"),
    ("UMPEG", "Subbagian Umum dan Kepegawaian", "SEK"),
    ("PK", "Subbagian Perencanaan dan Keuangan", "SEK"),
    ("PEM", "Seksi Pemerintahan", "CMT"),
    ("TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum", "CMT"),
    ("PMK", "Seksi Pemberdayaan Masyarakat dan Kelurahan", "CMT"),
    ("PELUM", "Seksi Pelayanan Umum", "CMT"),
    ("KESOS", "Seksi Kesejahteraan Sosial", "CMT"),
)

# (jenis, satuan, min, max) of office assets.
_ASSETS = (
    ("Gedung Kantor Kecamatan", "unit", 1, 1),
    ("Kendaraan Dinas Roda 4", "unit", 1, 3),
    ("Kendaraan Dinas Roda 2", "unit", 3, 10),
    ("Komputer PC", "unit", 6, 20),
    ("Laptop", "unit", 3, 12),
    ("Printer", "unit", 4, 12),
    ("Meja Kerja", "buah", 15, 40),
    ("Kursi Kerja", "buah", 15, 45),
    ("Lemari Arsip", "buah", 5, 15),
    ("AC Split", "unit", 4, 15),
    ("Genset", "unit", 1, 2),
    ("Proyektor", "unit", 1, 3),
    ("Mesin Antrean", "unit", 1, 2),
    ("CCTV", "unit", 4, 16),
    ("Sound System", "set", 1, 2),
    ("Kursi Tunggu Pelayanan", "buah", 10, 30),
    ("Tanah Kantor", "bidang", 1, 1),
)

# --- budget catalogue (Kepmendagri 050-5889/2021 style codes) ------------------------------

PROGRAMS = {
    "7.01.01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "7.01.04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "7.01.05": "Program Penyelenggaraan Urusan Pemerintahan Umum",
}
KEGIATAN = {
    "7.01.01.2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "7.01.01.2.02": "Administrasi Keuangan Perangkat Daerah",
    "7.01.01.2.03": "Administrasi Barang Milik Daerah pada Perangkat Daerah",
    "7.01.01.2.05": "Administrasi Kepegawaian Perangkat Daerah",
    "7.01.01.2.06": "Administrasi Umum Perangkat Daerah",
    "7.01.01.2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "7.01.01.2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "7.01.01.2.09": "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.02.2.02": "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
    "Perangkat Daerah yang Ada di Kecamatan",
    "7.01.03.2.01": "Koordinasi Kegiatan Pemberdayaan Desa dan Kelurahan",
    "7.01.03.2.02": "Kegiatan Pemberdayaan Kelurahan",
    "7.01.03.2.03": "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan",
    "7.01.04.2.01": "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
    "7.01.04.2.02": "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala "
    "Daerah",
    "7.01.05.2.01": "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional di Tingkat Kecamatan",
}


@dataclass(frozen=True)
class _Sub:
    """A sub-kegiatan of the catalogue with its output indicator and budget range (juta Rp)."""

    kode: str
    nama: str
    indikator: str
    satuan: str
    target: tuple[int, int]
    juta: tuple[int, int]
    belanja: str = "barang_jasa"
    per_kelurahan: bool = False
    wajib: bool = False  # always present when its program is

    @property
    def program(self) -> str:
        return self.kode[:7]

    @property
    def kegiatan(self) -> str:
        return self.kode[:12]


GAJI = "7.01.01.2.02.0001"
_SUBS = (
    _Sub("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
         "Jumlah Dokumen Perencanaan Perangkat Daerah", "dokumen", (2, 4), (10, 40)),
    _Sub("7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
         "dokumen", (1, 2), (5, 20)),
    _Sub("7.01.01.2.01.0004", "Koordinasi dan Penyusunan DPA-SKPD",
         "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD",
         "dokumen", (1, 2), (5, 15)),
    _Sub("7.01.01.2.01.0006",
         "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "laporan",
         (4, 6), (10, 35)),
    _Sub("7.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah",
         "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", "laporan", (4, 4), (5, 25)),
    _Sub(GAJI, "Penyediaan Gaji dan Tunjangan ASN",
         "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "orang/bulan", (0, 0), (0, 0),
         belanja="pegawai", wajib=True),
    _Sub("7.01.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
         "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN", "dokumen",
         (12, 12), (30, 250)),
    _Sub("7.01.01.2.02.0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         "Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "dokumen",
         (12, 12), (10, 40)),
    _Sub("7.01.01.2.02.0007",
         "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
         "Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD", "laporan", (12, 12),
         (5, 20)),
    _Sub("7.01.01.2.03.0006", "Penatausahaan Barang Milik Daerah pada SKPD",
         "Jumlah Laporan Penatausahaan Barang Milik Daerah pada SKPD", "laporan", (4, 12),
         (5, 15)),
    _Sub("7.01.01.2.05.0002", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
         "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan", "paket", (1, 3), (10, 60)),
    _Sub("7.01.01.2.05.0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
         "Jumlah Pegawai yang Mengikuti Pendidikan dan Pelatihan Berdasarkan Tugas dan Fungsi",
         "orang", (5, 15), (10, 50)),
    _Sub("7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
         "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
         "paket", (5, 15), (5, 30)),
    _Sub("7.01.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "paket", (5, 20),
         (20, 120)),
    _Sub("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor",
         "Jumlah Paket Bahan Logistik Kantor yang Disediakan", "paket", (12, 40), (30, 150)),
    _Sub("7.01.01.2.06.0005", "Penyediaan Barang Cetakan dan Penggandaan",
         "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan", "paket", (4, 12),
         (15, 80)),
    _Sub("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
         "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "laporan",
         (12, 12), (30, 200)),
    _Sub("7.01.01.2.07.0002", "Pengadaan Kendaraan Dinas Operasional atau Lapangan",
         "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang Disediakan", "unit",
         (1, 3), (250, 700), belanja="modal"),
    _Sub("7.01.01.2.07.0005", "Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan", "paket",
         (1, 5), (30, 200), belanja="modal"),
    _Sub("7.01.01.2.07.0006", "Pengadaan Peralatan dan Mesin Lainnya",
         "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan", "unit", (4, 20), (50, 300),
         belanja="modal"),
    _Sub("7.01.01.2.07.0010", "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
         "Jumlah Unit Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang Disediakan",
         "unit", (1, 4), (100, 900), belanja="modal"),
    _Sub("7.01.01.2.08.0001", "Penyediaan Jasa Surat Menyurat",
         "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "laporan", (12, 12), (3, 15)),
    _Sub("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
         "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
         "laporan", (12, 12), (60, 250)),
    _Sub("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor",
         "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", "laporan",
         (12, 12), (150, 700)),
    _Sub("7.01.01.2.09.0002",
         "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas "
         "atau Kendaraan Dinas Jabatan",
         "Jumlah Kendaraan Dinas yang Dipelihara dan Dibayarkan Pajaknya", "unit", (4, 12),
         (15, 60)),
    _Sub("7.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya",
         "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara", "unit", (10, 40), (20, 100)),
    _Sub("7.01.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi", "unit",
         (1, 3), (50, 500)),
    _Sub("7.01.02.2.01.0001",
         "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat "
         "Daerah dan Instansi Vertikal Terkait",
         "Jumlah Laporan Hasil Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan "
         "Pemerintahan", "laporan", (4, 12), (20, 120)),
    _Sub("7.01.02.2.01.0002", "Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan",
         "Jumlah Dokumen Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan",
         "dokumen", (4, 12), (20, 150)),
    _Sub("7.01.02.2.02.0001",
         "Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
         "Jumlah Laporan Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di "
         "Wilayah Kecamatan", "laporan", (12, 12), (30, 250), wajib=True),
    _Sub("7.01.02.2.02.0002", "Pelaksanaan Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
         "Jumlah Dokumen Layanan PATEN yang Diterbitkan", "dokumen", (800, 3000), (20, 100)),
    _Sub("7.01.02.2.02.0003", "Pelaksanaan Survei Kepuasan Masyarakat",
         "Jumlah Laporan Survei Kepuasan Masyarakat", "laporan", (1, 2), (10, 30)),
    _Sub("7.01.03.2.01.0001",
         "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan",
         "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan "
         "Pembangunan", "lembaga", (10, 40), (20, 120)),
    _Sub("7.01.03.2.02.0001", "Pembangunan Sarana dan Prasarana Kelurahan",
         "Jumlah Sarana dan Prasarana Kelurahan yang Dibangun", "unit", (3, 8), (150, 450),
         belanja="modal", per_kelurahan=True, wajib=True),
    _Sub("7.01.03.2.02.0002", "Pemberdayaan Masyarakat di Kelurahan",
         "Jumlah Kegiatan Pemberdayaan Masyarakat di Kelurahan", "kegiatan", (4, 10), (60, 200),
         per_kelurahan=True),
    _Sub("7.01.03.2.03.0001", "Fasilitasi Pengembangan Usaha Ekonomi Masyarakat",
         "Jumlah Laporan Fasilitasi Pengembangan Usaha Ekonomi Masyarakat", "laporan", (2, 4),
         (10, 50)),
    _Sub("7.01.03.2.03.0002", "Fasilitasi Pembinaan Lembaga Kemasyarakatan",
         "Jumlah Lembaga Kemasyarakatan yang Dibina", "lembaga", (20, 80), (20, 150)),
    _Sub("7.01.04.2.01.0001",
         "Sinergi dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan "
         "Instansi Vertikal di Wilayah Kecamatan",
         "Jumlah Laporan Hasil Sinergitas dengan Polri, TNI dan Instansi Vertikal di Wilayah "
         "Kecamatan", "laporan", (4, 12), (15, 100), wajib=True),
    _Sub("7.01.04.2.01.0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
         "Jumlah Laporan Hasil Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
         "laporan", (4, 12), (10, 80)),
    _Sub("7.01.04.2.02.0001",
         "Koordinasi Penegakan Peraturan Daerah dan Peraturan Kepala Daerah di Wilayah Kecamatan",
         "Jumlah Laporan Hasil Koordinasi Penegakan Perda dan Perkada", "laporan", (4, 12),
         (20, 150)),
    _Sub("7.01.04.2.02.0002", "Pelaksanaan Patroli Ketenteraman dan Ketertiban Umum",
         "Jumlah Kegiatan Patroli Ketenteraman dan Ketertiban Umum", "kegiatan", (24, 96),
         (30, 250)),
    _Sub("7.01.05.2.01.0001", "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional",
         "Jumlah Kegiatan Pembinaan Wawasan Kebangsaan", "kegiatan", (2, 6), (10, 80),
         wajib=True),
    _Sub("7.01.05.2.01.0002",
         "Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan Lainnya",
         "Jumlah Kegiatan Pembinaan Kerukunan Umat Beragama dan Antargolongan", "kegiatan", (2, 6),
         (10, 80)),
    _Sub("7.01.05.2.01.0003", "Penanganan Konflik Sosial sesuai Ketentuan Peraturan",
         "Jumlah Laporan Penanganan Konflik Sosial", "laporan", (2, 4), (10, 60)),
    _Sub("7.01.05.2.01.0004", "Fasilitasi Peringatan Hari Besar Nasional dan Keagamaan",
         "Jumlah Kegiatan Peringatan Hari Besar Nasional dan Keagamaan", "kegiatan", (3, 8),
         (20, 150)),
)  # fmt: skip

# Program-level outcome indicator (persen, naik) with its target range and person in charge.
_PROGRAM_INDICATORS = {
    "7.01.01": ("Persentase dokumen perencanaan, penganggaran, dan pelaporan kinerja yang "
                "tersusun tepat waktu", (85, 100), "Sekretaris Kecamatan"),
    "7.01.02": ("Persentase layanan administrasi yang diselesaikan sesuai standar pelayanan",
                (80, 95), "Kepala Seksi Pelayanan Umum"),
    "7.01.03": ("Persentase kelurahan yang melaksanakan kegiatan pemberdayaan masyarakat sesuai "
                "rencana", (80, 100), "Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan"),
    "7.01.04": ("Persentase gangguan ketenteraman dan ketertiban umum yang tertangani", (75, 95),
                "Kepala Seksi Ketenteraman dan Ketertiban Umum"),
    "7.01.05": ("Persentase kegiatan pembinaan wawasan kebangsaan dan kerukunan yang terlaksana",
                (80, 100), "Kepala Seksi Pemerintahan"),
}  # fmt: skip


@dataclass(frozen=True)
class _Measure:
    """An outcome indicator of the Renstra with how its yearly targets evolve."""

    uraian: str
    satuan: str
    jenis: str
    polaritas: str
    base: tuple[float, float]  # target range in year tahun-2
    step: tuple[float, float]  # yearly improvement (subtracted when polaritas is turun)
    grain: str  # targets are multiples of this
    floor: float
    cap: float  # highest possible value (100 for persen)
    formulasi: str
    sumber_data: str
    penanggung_jawab: str
    dihitung_dari: str = ""


_AKIP = _Measure(
    "Nilai AKIP Kecamatan", "nilai", "indeks", "naik", (58, 68), (1.5, 3.0), "0.5", 40, 95,
    "Nilai hasil evaluasi AKIP tahun n", "LHE AKIP Inspektorat Kota Contoh",
    "Sekretaris Kecamatan", "akip",
)  # fmt: skip
_IKM = _Measure(
    "Indeks Kepuasan Masyarakat", "nilai", "indeks", "naik", (80, 86), (0.5, 1.5), "0.5", 70, 97,
    "Rata-rata nilai IKM seluruh jenis layanan (NRR tertimbang × 25)",
    "Laporan Survei Kepuasan Masyarakat Kecamatan", "Kepala Seksi Pelayanan Umum", "ikm",
)  # fmt: skip
# Third sasaran (optional): theme -> (sasaran text, IKU, programs that support it).
_THIRD = {
    "trantib": (
        "Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan",
        _Measure(
            "Persentase pelanggaran Trantibum yang belum tertangani", "%", "persen", "turun",
            (12, 25), (1.0, 3.0), "0.5", 2, 100,
            "Jumlah pelanggaran Trantibum yang belum tertangani / jumlah pelanggaran yang "
            "dilaporkan × 100%", "Laporan Seksi Ketenteraman dan Ketertiban Umum",
            "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        ),
        ("7.01.04", "7.01.05"),
    ),
    "layanan": (
        "Meningkatnya kecepatan pelayanan administrasi kepada masyarakat",
        _Measure(
            "Rata-rata waktu penyelesaian layanan (hari)", "hari", "jumlah", "turun", (3.0, 5.0),
            (0.2, 0.5), "0.1", 1, 30,
            "Jumlah hari penyelesaian seluruh permohonan / jumlah permohonan",
            "Register Pelayanan PATEN", "Kepala Seksi Pelayanan Umum",
        ),
        ("7.01.02",),
    ),
    "pemberdayaan": (
        "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan",
        _Measure(
            "Persentase usulan Musrenbang kelurahan yang terakomodasi", "%", "persen", "naik",
            (40, 60), (2.0, 4.0), "0.5", 10, 100,
            "Jumlah usulan yang terakomodasi / jumlah usulan Musrenbang kelurahan × 100%",
            "Berita Acara Musrenbang Kecamatan",
            "Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan",
        ),
        ("7.01.03",),
    ),
}  # fmt: skip
_TUJUAN = (
    (
        "Terwujudnya tata kelola pemerintahan kecamatan yang akuntabel dan berkinerja tinggi",
        (
            _Measure(
                "Indeks Reformasi Birokrasi Kecamatan", "indeks", "indeks", "naik", (55, 68),
                (1.5, 3.0), "0.5", 30, 100, "Nilai hasil evaluasi RB Kecamatan",
                "LHE Reformasi Birokrasi", "Camat",
            ),
            _Measure(
                "Persentase capaian sasaran strategis Renstra Kecamatan", "%", "persen", "naik",
                (75, 88), (1.5, 3.0), "0.5", 30, 100,
                "Jumlah sasaran yang tercapai / jumlah sasaran × 100%", "LKjIP Kecamatan", "Camat",
            ),
        ),
    ),
    (
        "Meningkatnya kualitas pelayanan publik dan kesejahteraan masyarakat di wilayah kecamatan",
        (
            _Measure(
                "Indeks Kualitas Pelayanan Publik Kecamatan", "indeks", "indeks", "naik",
                (3.0, 3.8), (0.05, 0.15), "0.01", 1, 5,
                "Nilai evaluasi pelayanan publik (skala 1–5)",
                "LHE Pelayanan Publik Bagian Organisasi", "Camat",
            ),
            _Measure(
                "Indeks Ketenteraman dan Ketertiban Umum Kecamatan", "indeks", "indeks", "naik",
                (70, 80), (1.0, 2.0), "0.5", 30, 100,
                "Rata-rata nilai survei persepsi keamanan dan ketertiban masyarakat",
                "Survei Persepsi Trantibum", "Camat",
            ),
        ),
    ),
)  # fmt: skip
_SASARAN_1 = "Meningkatnya akuntabilitas kinerja Kecamatan"
_SASARAN_2 = "Meningkatnya kualitas pelayanan publik di Kecamatan"
# Fixed third-sasaran theme for the first six (demo) kecamatan, so the demo shows every variant.
_DEMO_THEMES = ("trantib", None, "layanan", "pemberdayaan", "trantib", None)

_AKIP_COMPONENTS = (
    ("Perencanaan Kinerja", 30),
    ("Pengukuran Kinerja", 30),
    ("Pelaporan Kinerja", 15),
    ("Evaluasi Akuntabilitas Kinerja Internal", 25),
)
_AKIP_NOTES = {
    "Perencanaan Kinerja": "Cascading kinerja belum sampai level pelaksana",
    "Pengukuran Kinerja": "Pengukuran kinerja belum dilakukan berkala setiap triwulan",
    "Pelaporan Kinerja": "Analisis efisiensi penggunaan sumber daya belum memadai",
    "Evaluasi Akuntabilitas Kinerja Internal": "Evaluasi internal belum menjangkau seluruh seksi",
}
_LAYANAN = (
    "Rekomendasi Administrasi Kependudukan",
    "Izin Usaha Mikro dan Kecil (IUMK)",
    "Legalisasi Dokumen",
    "Surat Keterangan Ahli Waris",
    "Rekomendasi Izin Keramaian",
    "Surat Keterangan Tidak Mampu",
    "Dispensasi Nikah",
)
_PRESTASI = (
    ("kota", "Juara I Lomba Kecamatan Terbaik Tingkat Kota Contoh", "Wali Kota Contoh"),
    ("kota", "Juara II Lomba Kelurahan Tingkat Kota Contoh", "Wali Kota Contoh"),
    ("provinsi", "Juara III Lomba Kelurahan Tingkat Provinsi Jawa Barat", "Gubernur Jawa Barat"),
    ("kota", "Kecamatan dengan Realisasi PBB-P2 Tercepat", "Wali Kota Contoh"),
    ("provinsi", "Kampung KB Terbaik", "Perwakilan BKKBN Provinsi Jawa Barat"),
    ("nasional", "Kepatuhan Standar Pelayanan Publik Zona Hijau", "Ombudsman Republik Indonesia"),
    ("kota", "Juara I Lomba Posyandu Tingkat Kota", "Wali Kota Contoh"),
)
# Optional sheets (ipp, abk, dokumentasi): drawn from a separate random stream per kecamatan, so
# that adding them left every other generated value unchanged.
_IPP_ASPEK = (
    ("Kebijakan Pelayanan", 30),
    ("Profesionalisme SDM", 18),
    ("Sarana Prasarana", 15),
    ("Sistem Informasi Pelayanan Publik", 15),
    ("Konsultasi dan Pengaduan", 15),
    ("Inovasi", 7),
)
_SEKRETARIAT_WORDS = ("Sekretari", "Subbagian", "Bendahara", "Pengurus Barang", "Arsiparis",
                      "Pengadaan", "Pranata Komputer", "Pengadministrasi")  # fmt: skip
# (file, caption template, program it documents or "")
_FOTO = (
    ("musrenbang.png", "Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan {nama} Tahun "
     "{tahun}", "7.01.03"),
    ("paten.png", "Pelayanan Administrasi Terpadu Kecamatan (PATEN) di Kantor Kecamatan {nama}",
     "7.01.02"),
    ("kerja-bakti.png", "Kerja bakti bersama warga Kelurahan {kelurahan}", ""),
)  # fmt: skip
# 16-colour palette of the generated photos: sky, ground, walls, roofs, people.
_FOTO_PALETTE = (
    (135, 190, 235), (160, 205, 240), (190, 220, 245), (225, 240, 250),
    (96, 140, 70), (120, 160, 85), (150, 120, 90), (235, 230, 215),
    (205, 195, 175), (180, 60, 45), (150, 45, 40), (60, 60, 70),
    (230, 190, 150), (40, 90, 160), (245, 245, 245), (250, 215, 80),
)  # fmt: skip


_REKOMENDASI = (
    ("Menyelaraskan cascading kinerja hingga level pelaksana", "Reviu pohon kinerja kecamatan"),
    ("Menyusun Perjanjian Kinerja sampai dengan level staf", "Penyusunan PK seluruh pegawai"),
    ("Melakukan monitoring capaian kinerja secara berkala", "Rapat evaluasi kinerja triwulanan"),
    ("Memanfaatkan hasil pengukuran kinerja untuk perbaikan perencanaan",
     "Menjadikan capaian kinerja dasar penyusunan Renja"),
    ("Menetapkan indikator kinerja yang berorientasi hasil", "Reviu IKU dan indikator program"),
    ("Mempublikasikan dokumen SAKIP pada laman resmi", "Unggah Renstra, PK dan LKjIP ke laman"),
    ("Menindaklanjuti keluhan masyarakat hasil survei kepuasan",
     "Penyusunan rencana tindak lanjut SKM"),
)  # fmt: skip


# --- small helpers -------------------------------------------------------------------------


def _d(value: float | int | str | Decimal, grain: str = "0.01") -> Decimal:
    """Round ``value`` half up to a multiple of ``grain``, with two decimals."""
    step = Decimal(grain)
    units = (Decimal(str(value)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (units * step).quantize(_CENT)


def _fmt(value: Decimal | int | None) -> str:
    """Indonesian number text: ``75,25``; whole values without decimals."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.quantize(_CENT):f}".replace(".", ",")


def _slug(name: str) -> str:
    """Lowercase-hyphen slug of a name."""
    words = "".join(c.lower() if c.isalnum() else " " for c in name).split()
    return "-".join(words)


def ikm_value(nrr_by_layanan: list[list[Decimal]]) -> Decimal:
    """Unit IKM: mean over layanan of (mean NRR × 25), rounded half up to 2 decimals."""
    with localcontext() as ctx:
        ctx.prec = 50
        per = [sum(v, Decimal(0)) / len(v) * 25 for v in nrr_by_layanan]
        return (sum(per, Decimal(0)) / len(per)).quantize(_CENT, rounding=ROUND_HALF_UP)


def _near_tie(nrr_by_layanan: list[list[Decimal]]) -> bool:
    """True when the exact IKM lies (almost) on a rounding boundary (x.xx5)."""
    exact = sum((Fraction(sum(v, Decimal(0))) * 25 / len(v) for v in nrr_by_layanan), Fraction(0))
    scaled = exact / len(nrr_by_layanan) * 100
    return abs(scaled - int(scaled) - Fraction(1, 2)) < Fraction(1, 10**6)


def _city_names(
    rng: random.Random, count: int, first: tuple[str, ...] = FIRST_KECAMATAN
) -> list[str]:
    """``count`` unique kecamatan names whose slugs are unique too, ``first`` first."""
    candidates = [p + s for p in _GLUED_PREFIX for s in _GLUED_SUFFIX if p.lower() != s] + [
        f"{p} {s}" for p in _SPACED_PREFIX for s in _SPACED_SUFFIX
    ]
    candidates = [c for c in candidates if c not in first]
    rng.shuffle(candidates)
    bases = [*first, *candidates]

    def variants() -> Iterator[str]:
        # More kecamatan than combinations: add a direction, then a number.
        for direction in _DIRECTIONS:
            yield from (f"{b} {direction}" for b in bases)
        for number in itertools.count(2):
            yield from (f"{b} {number}" for b in bases)

    names: list[str] = []
    slugs: set[str] = set()
    for name in itertools.chain(bases, variants()):
        if len(names) == count:
            break
        if _slug(name) not in slugs:
            names.append(name)
            slugs.add(_slug(name))
    return names


def _deflate_stored(data: bytes) -> bytes:
    """A zlib stream of uncompressed ("stored") blocks: byte-identical on every zlib version."""
    out = bytearray(b"\x78\x01")
    chunks = [data[i : i + 65535] for i in range(0, len(data), 65535)] or [b""]
    for n, chunk in enumerate(chunks):
        out.append(1 if n == len(chunks) - 1 else 0)
        out += struct.pack("<HH", len(chunk), 0xFFFF ^ len(chunk))
        out += chunk
    out += struct.pack(">I", zlib.adler32(data))
    return bytes(out)


def tiny_png(pixels: list[list[int]], palette: tuple[tuple[int, int, int], ...]) -> bytes:
    """A 4-bit palette PNG of ``pixels`` (rows of palette indices 0-15), written by hand."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    height, width = len(pixels), len(pixels[0])
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter: none
        padded = [*row, 0] if width % 2 else row
        raw += bytes((padded[i] << 4) | padded[i + 1] for i in range(0, len(padded), 2))
    header = struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
        + chunk(b"IDAT", _deflate_stored(bytes(raw)))
        + chunk(b"IEND", b"")
    )


def _scene(rng: random.Random, width: int = 128, height: int = 96) -> list[list[int]]:
    """A small made-up "photo": sky, ground, a few buildings and people."""
    horizon = rng.randint(height // 2, height * 2 // 3)
    pixels = [
        [min(3, y * 4 // horizon) if y < horizon else 4 + (x + y) % 2 for x in range(width)]
        for y in range(height)
    ]
    for _ in range(rng.randint(2, 4)):
        w, h = rng.randint(18, 40), rng.randint(14, 30)
        x0, y1 = rng.randint(0, width - w), horizon + rng.randint(0, 6)
        wall, roof = rng.choice((6, 7, 8)), rng.choice((9, 10, 11))
        for y in range(max(0, y1 - h), min(height, y1)):
            for x in range(x0, x0 + w):
                top = y1 - h
                pixels[y][x] = roof if y < top + h // 4 else wall
                if top + h // 3 < y < y1 - 3 and (x - x0) % 7 in (2, 3):
                    pixels[y][x] = 13  # windows
    for _ in range(rng.randint(3, 7)):
        x0, y0 = rng.randint(2, width - 4), rng.randint(horizon + 8, height - 10)
        shirt = rng.choice((9, 13, 14, 15))
        for y in range(y0, min(height, y0 + 9)):
            for x in range(x0, min(width, x0 + 3)):
                pixels[y][x] = 12 if y < y0 + 3 else shirt
    return pixels


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8 CSV with LF line ends; cells are quoted only when needed (e.g. ``"75,25"``)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# --- one kecamatan ---------------------------------------------------------------------------


@dataclass
class _Person:
    """One row of the pegawai sheet."""

    nama: str
    nip: str
    jabatan: str
    kategori: str
    golongan: str
    pendidikan: str
    jenis_kelamin: str
    diklat: str
    unit: str


@dataclass
class _Kecamatan:
    """Everything generated for one kecamatan, before writing."""

    index: int
    nama: str
    slug: str
    sheets: dict[str, tuple[list[str], list[list[str]]]] = field(default_factory=dict)
    narasi: str = ""
    iku: dict[str, Decimal] = field(default_factory=dict)  # IKU code -> realisasi of tahun
    photos: dict[str, bytes] = field(default_factory=dict)  # file name in foto/ -> PNG


_TR_HEADER = [
    "indikator", "tahun", "target", "realisasi", "target_tw1", "target_tw2", "target_tw3",
    "target_tw4", "sumber", "penjelasan",
]  # fmt: skip
_IND_HEADER = [
    "kode", "level", "induk", "unit", "uraian", "satuan", "polaritas", "jenis", "iku", "formulasi",
    "sumber_data", "penanggung_jawab", "target_akhir", "tahun_mulai", "tahun_selesai",
    "dihitung_dari",
]  # fmt: skip


class _Builder:
    """Builds the sheets of one kecamatan from its own random stream."""

    def __init__(
        self,
        seed: int,
        index: int,
        nama: str,
        neighbours: list[str],
        tahun: int,
        nips: set[str],
        anggaran: int | None = None,
        stress: bool = False,
        variants: frozenset[str] = frozenset(),
    ):
        city = _KABUPATEN_SLUG if "kabupaten" in variants else CITY_SLUG
        self.rng = random.Random(f"{city}/{seed}/{index}")
        self.extra = random.Random(f"{city}/{seed}/{index}/opsional")
        self.variants = variants  # lkjip sample --varian, and the demo kecamatan's own
        self.kabupaten = "kabupaten" in variants  # desa, not kelurahan: none on the staff
        self.tahun = tahun
        self.k = _Kecamatan(index, nama, _slug(nama))
        self.neighbours = neighbours
        self.years = list(range(tahun - 2, tahun + 3))  # the Renstra period
        self.nips = nips  # shared by the whole city: NIPs are unique city-wide
        self.anggaran = anggaran  # rows of the anggaran sheet wanted (None: as the catalogue gives)
        self.stress = stress  # the "stres" variant: long names, a budget above Rp 1 triliun
        self.names: set[str] = set()
        # Share of indicators that miss (capaian 60–95 %) or overshoot (105–130 %).
        self.p_miss = self.rng.uniform(0.08, 0.40)
        self.p_over = self.rng.uniform(0.05, 0.30)
        self.indicators: list[list[str]] = []
        self.values: list[list[str]] = []

    # --- people ----------------------------------------------------------------------------
    def person_name(self, gender: str) -> str:
        rng = self.rng
        while True:
            first = rng.choice(_MALE if gender == "L" else _FEMALE)
            last = rng.choice(_MALE_LAST if gender == "L" else _FEMALE_LAST)
            name = f"{first} {last}".upper()
            if rng.random() < 0.15:
                name = f"{rng.choice(_MALE if gender == 'L' else _FEMALE)} {name}".upper()
            if name not in self.names:
                self.names.add(name)
                return name

    def titled(self, name: str, pendidikan: str, born: int, gender: str) -> str:
        """Name with academic titles (and H./Hj. for some older staff)."""
        rng = self.rng
        front = ""
        if born < 1980 and rng.random() < 0.3:
            front = "H. " if gender == "L" else "Hj. "
        back: list[str] = []
        if pendidikan in ("S1", "S2") and born < 1972 and rng.random() < 0.4:
            front = ("Drs. " if gender == "L" else "Dra. ") + front
        elif pendidikan in ("S1", "S2", "S3"):
            back.append(rng.choice(_S1_TITLES))
        if pendidikan in ("S2", "S3"):
            back.append(rng.choice(_S2_TITLES))
        elif pendidikan == "D4":
            back.append(rng.choice(_D4_TITLES))
        elif pendidikan == "D3":
            back.append(rng.choice(_D3_TITLES))
        return front + name + "".join(f", {t}" for t in back)

    def nip(self, born: date, tmt: tuple[int, int], gender: str, pppk: bool = False) -> str:
        """NIP (or NI PPPK, month code 21): birth date, TMT, gender digit, sequence."""
        month = "21" if pppk else f"{tmt[1]:02d}"
        for attempt in itertools.count():
            seq = self.rng.randint(1, min(999, 15 + 10 * attempt))
            text = f"{born:%Y%m%d} {tmt[0]}{month} {1 if gender == 'L' else 2} {seq:03d}"
            if text not in self.nips:
                self.nips.add(text)
                return text
        raise AssertionError("unreachable")

    def employee(
        self,
        jabatan: str,
        kategori: str,
        golongan: str,
        pendidikan: str,
        unit: str,
        diklat: str = "",
        gender: str | None = None,
    ) -> _Person:
        rng = self.rng
        gender = gender or ("L" if rng.random() < 0.6 else "P")
        name = self.person_name(gender)
        if kategori == "non_asn":
            return _Person(name, "", jabatan, kategori, "", pendidikan, gender, diklat, unit)
        if kategori == "pppk":
            born = rng.randint(1978, 1998)
            tmt = (rng.randint(min(2022, self.tahun), self.tahun), 1)
        else:
            # TMT CPNS at age 21-30, early enough for the golongan held now.
            latest = self.tahun - _MIN_SERVICE[golongan]
            born = min(rng.randint(1966, 1998), latest - 21)
            tmt = (rng.randint(born + 21, min(born + 30, latest)), rng.choice((1, 2, 3, 4, 12)))
        birth = date(born, rng.randint(1, 12), rng.randint(1, 28))
        nip = self.nip(birth, tmt, gender, pppk=kategori == "pppk")
        nama = self.titled(name, pendidikan, born, gender)
        return _Person(nama, nip, jabatan, kategori, golongan, pendidikan, gender, diklat, unit)

    # --- sheets ----------------------------------------------------------------------------
    def build(self) -> _Kecamatan:
        self.build_wilayah()
        self.build_staff()
        self.build_sarpras()
        self.build_plan()
        self.build_budget()
        self.build_outcomes()
        self.build_outputs()
        self.build_profil()
        self.build_extras()
        self.build_narasi()
        self.build_optional()
        self.k.sheets["indikator"] = (_IND_HEADER, self.indicators)
        self.k.sheets["target_realisasi"] = (_TR_HEADER, self.values)
        if self.kabupaten:
            self.as_kabupaten()
        if "rekap-pegawai" in self.variants:
            self.as_staff_totals()
        if "tanda-tangan-bulan" in self.variants:
            self.as_month_signature()
        return self.k

    def build_wilayah(self) -> None:
        rng = self.rng
        count = rng.randint(4, 9)
        pool = [p + s for p in _GLUED_PREFIX for s in _GLUED_SUFFIX if p.lower() != s]
        pool += [f"{p} {s}" for p in _SPACED_PREFIX for s in _SPACED_SUFFIX]
        pool = [n for n in pool if n not in FIRST_KECAMATAN and n != self.k.nama]
        self.kelurahan = [self.k.nama, *rng.sample(pool, count - 1)]
        self.wilayah: list[dict[str, object]] = []
        for nama in self.kelurahan:
            people = rng.randint(5000, 24000)
            male = round(people * rng.uniform(0.485, 0.515))
            rw = rng.randint(5, 18)
            self.wilayah.append(
                {
                    "nama": nama,
                    "luas": _d(rng.uniform(0.6, 4.5)),
                    "l": male,
                    "p": people - male,
                    "rw": rw,
                    "rt": rw * rng.randint(5, 9) + rng.randint(0, 4),
                }
            )
        self.luas = sum((w["luas"] for w in self.wilayah), Decimal(0))  # type: ignore[misc]
        self.penduduk = sum(w["l"] + w["p"] for w in self.wilayah)  # type: ignore[operator]
        directions = ("utara", "timur", "selatan", "barat")
        borders = []
        others = list(self.neighbours)
        for arah in directions:
            if others and rng.random() < 0.75:
                name = "Kecamatan " + others.pop(0)
            else:
                name = rng.choice(_NEIGHBOUR_REGIONS)
            borders.append([arah, name])
        self.k.sheets["batas_wilayah"] = (["arah", "berbatasan_dengan"], borders)

    def build_staff(self) -> None:
        rng = self.rng
        staff: list[_Person] = []
        seksi = [u for u in _UNITS[4:8]] + ([_UNITS[8]] if rng.random() < 0.5 else [])
        self.units = [*_UNITS[:4], *seksi]
        golongan = rng.choice(("IV/a", "IV/b"))
        self.camat = self.employee(
            "Camat", "struktural", golongan, rng.choice(("S2", "S2", "S1")), "Kecamatan", "PKA",
            gender="L" if rng.random() < 0.75 else "P",
        )  # fmt: skip
        self.camat_pangkat = "Pembina" if golongan == "IV/a" else "Pembina Tk.I"
        staff.append(self.camat)
        heads = {"CMT": self.camat.nama}
        for kode, nama, _induk in self.units[1:]:
            if kode == "SEK":
                jabatan, gol, dik = "Sekretaris Kecamatan", rng.choice(("III/d", "IV/a")), "PKA"
            else:
                title = nama.replace("Subbagian", "Kepala Subbagian").replace(
                    "Seksi", "Kepala Seksi"
                )
                jabatan, gol, dik = title, rng.choice(("III/c", "III/d")), "PKP"
            edu = rng.choice(("S1", "S1", "S2", "D4"))
            person = self.employee(jabatan, "struktural", gol, edu, "Kecamatan", dik)
            staff.append(person)
            heads[kode] = person.nama
        self.heads = heads
        self.lurah: dict[str, str] = {}
        if self.kabupaten:  # kepala desa are not kecamatan staff
            self.lurah = self.kepala_desa()
        for nama in [] if self.kabupaten else self.kelurahan:
            edu = rng.choice(("S1", "S1", "S2", "D4"))
            gol = rng.choice(("III/c", "III/d"))
            person = self.employee(
                f"Lurah {nama}", "struktural", gol, edu, f"Kelurahan {nama}", "PKP"
            )
            staff.append(person)
            self.lurah[nama] = person.nama
        total = rng.randint(max(20, len(staff) + 4), 45)
        while len(staff) < total:
            unit = "Kecamatan" if rng.random() < 0.65 else f"Kelurahan {rng.choice(self.kelurahan)}"
            unit = "Kecamatan" if self.kabupaten else unit
            u = rng.random()
            if u < 0.15:
                jab, edus, gols = rng.choice(_FUNGSIONAL)
                edu = rng.choice(edus)
                staff.append(self.employee(jab, "fungsional", rng.choice(gols), edu, unit))
            elif u < 0.60:
                jab, edus, gols = rng.choice(_PELAKSANA)
                edu = rng.choice(edus)
                dik = "Latsar CPNS" if gols[0] in ("II/a", "III/a") and rng.random() < 0.5 else ""
                staff.append(self.employee(jab, "pelaksana", rng.choice(gols), edu, unit, dik))
            elif u < 0.80:
                jab, edus = rng.choice(_PPPK)
                edu = rng.choice(edus)
                staff.append(self.employee(jab, "pppk", _PPPK_GOLONGAN[edu], edu, unit))
            else:
                jab, edus = rng.choice(_NON_ASN)
                staff.append(self.employee(jab, "non_asn", "", rng.choice(edus), unit))
        self.staff = staff
        self.asn = [p for p in staff if p.kategori != "non_asn"]
        rows = [
            [p.nama, p.nip, p.jabatan, p.kategori, p.golongan, p.pendidikan, p.jenis_kelamin,
             p.diklat, p.unit]
            for p in staff
        ]  # fmt: skip
        header = ["nama", "nip", "jabatan", "kategori", "golongan", "pendidikan", "jenis_kelamin",
                  "diklat", "unit"]  # fmt: skip
        self.k.sheets["pegawai"] = (header, rows)
        units = [[kode, nama, induk, heads[kode]] for kode, nama, induk in self.units]
        self.k.sheets["unit_organisasi"] = (["kode", "nama", "induk", "kepala"], units)

    def kepala_desa(self) -> dict[str, str]:
        """The heads of the desa (a kabupaten's desa are not kecamatan offices)."""
        heads = {}
        for nama in self.kelurahan:
            gender = "L" if self.rng.random() < 0.8 else "P"
            heads[nama] = self.person_name(gender)
        return heads

    def build_sarpras(self) -> None:
        rng = self.rng
        count = rng.randint(8, 15)
        chosen = [*_ASSETS[:2], *rng.sample(_ASSETS[2:], count - 2)]
        chosen.sort(key=_ASSETS.index)
        office = sum(1 for p in self.staff if p.unit == "Kecamatan")
        rows = []
        for jenis, satuan, lo, hi in chosen:
            jumlah = rng.randint(lo, hi)
            if jenis in ("Meja Kerja", "Kursi Kerja"):
                standar = office
            elif hi <= 3:
                standar = max(lo, jumlah + rng.randint(0, 1))
            else:
                standar = max(1, jumlah + rng.randint(-1, 4))
            u = rng.random()
            kondisi = "baik" if u < 0.75 else ("rusak_ringan" if u < 0.93 else "rusak_berat")
            rows.append([jenis, str(jumlah), satuan, kondisi, str(standar)])
        header = ["jenis", "jumlah", "satuan", "kondisi", "standar_kebutuhan"]
        self.k.sheets["sarpras"] = (header, rows)

    def build_plan(self) -> None:
        """Tujuan, sasaran and the programs that support each sasaran."""
        rng = self.rng
        index = self.k.index
        if index < len(_DEMO_THEMES):
            theme = _DEMO_THEMES[index]
        else:
            theme = rng.choices((None, "trantib", "layanan", "pemberdayaan"), (35, 26, 23, 16))[0]
        self.theme = theme
        programs = ["7.01.01", "7.01.02", "7.01.03"]
        extra = rng.choice((("7.01.04",), ("7.01.05",), ("7.01.04", "7.01.05")))
        self.programs = programs + list(extra)
        start, end = self.years[0], self.years[-1]
        tujuan = [[f"T{t}", text, str(start), str(end)] for t, (text, _m) in enumerate(_TUJUAN, 1)]
        sasaran = [
            ["S1", "T1", _SASARAN_1, str(start), str(end)],
            ["S2", "T2", _SASARAN_2, str(start), str(end)],
        ]
        self.program_sasaran = {p: ("S1" if p == "7.01.01" else "S2") for p in self.programs}
        if theme is not None:
            text, _measure, supported = _THIRD[theme]
            sasaran.append(["S3", "T2", text, str(start), str(end)])
            for p in supported:
                if p in self.program_sasaran:
                    self.program_sasaran[p] = "S3"
        self.k.sheets["tujuan"] = (["kode", "uraian", "tahun_mulai", "tahun_selesai"], tujuan)
        header = ["kode", "tujuan", "uraian", "tahun_mulai", "tahun_selesai"]
        self.k.sheets["sasaran"] = (header, sasaran)

    def build_budget(self) -> None:
        rng = self.rng
        subs = [s for s in _SUBS if s.program in self.programs]
        if self.kabupaten:  # a desa is funded by its own budget, not the kecamatan's
            subs = [
                replace(s, wajib=True) if s.kode == _DESA_WAJIB else s
                for s in subs
                if not s.per_kelurahan
            ]
        chosen = [s for s in subs if s.wajib]
        per_kel = [s for s in subs if s.per_kelurahan and not s.wajib]
        if rng.random() < 0.6:
            chosen += per_kel
        n_kel = len(self.kelurahan)
        rows_now = sum(n_kel if s.per_kelurahan else 1 for s in chosen)
        wanted = rng.randint(max(15, rows_now + 3), 35)
        optional = [s for s in subs if s not in chosen and not s.per_kelurahan]
        rng.shuffle(optional)
        chosen += optional[: max(0, wanted - rows_now)]
        chosen.sort(key=lambda s: s.kode)
        self.subs_rows: list[tuple[_Sub, str]] = []
        for sub in chosen:
            units = [f"Kelurahan {n}" for n in self.kelurahan] if sub.per_kelurahan else [""]
            self.subs_rows.extend((sub, unit) for unit in units)
        self.subs_rows += self.extra_rows(chosen)
        rows = []
        totals: dict[str, list[int]] = {p: [0, 0] for p in self.programs}
        for sub, unit in self.subs_rows:
            if sub.kode == GAJI:
                juta = 0
                for p in self.asn:
                    key = p.golongan if p.golongan in _PAY else p.golongan.split("/")[0]
                    juta += rng.randint(*_PAY[key])
                murni = juta * 1_000_000 + rng.randint(0, 999) * 1000
                weights = (0.24, 0.27, 0.27)  # THR in Q2, gaji ke-13 in Q3
            else:
                murni = rng.randint(sub.juta[0] * 1000, sub.juta[1] * 1000) * 1000
                weights = (rng.uniform(0.08, 0.2), rng.uniform(0.2, 0.3), rng.uniform(0.25, 0.35))
            murni *= STRESS_SCALE if self.stress else 1
            tws = [int(murni * w) // 1000 * 1000 for w in weights]
            tws.append(murni - sum(tws))
            pagu = murni
            penjelasan = ""
            if rng.random() < 0.3:
                change = int(murni * rng.uniform(-0.2, 0.2)) // 1000 * 1000
                if change:
                    pagu = murni + change
                    penjelasan = (
                        "Penambahan anggaran pada APBD Perubahan" if change > 0 else
                        "Rasionalisasi anggaran pada APBD Perubahan"
                    )  # fmt: skip
            u = rng.random()
            if sub.kode == GAJI:
                ratio = rng.uniform(0.95, 0.995)
            elif u < 0.04:
                ratio = rng.uniform(0.40, 0.60)
                penjelasan = "Sebagian kegiatan tidak terlaksana karena gagal tender"
            elif u < 0.25:
                ratio = rng.uniform(0.60, 0.85)
                penjelasan = penjelasan or "Efisiensi belanja dan sisa kontrak"
            elif u < 0.35:
                ratio = 1.0
            else:
                ratio = rng.uniform(0.85, 0.995)
            realisasi = min(pagu, int(pagu * ratio))
            totals[sub.program][0] += pagu
            totals[sub.program][1] += realisasi
            rows.append(
                [sub.program, self.named(PROGRAMS[sub.program]), sub.kegiatan,
                 self.named(KEGIATAN[sub.kegiatan]), sub.kode, self.named(sub.nama), unit, self.program_sasaran[sub.program], str(murni), str(pagu),
                 *(str(t) for t in tws), str(realisasi), sub.belanja, "PAD", penjelasan]
            )  # fmt: skip
        header = [
            "program_kode", "program", "kegiatan_kode", "kegiatan", "kode", "subkegiatan", "unit",
            "sasaran", "pagu_murni", "pagu", "tw1", "tw2", "tw3", "tw4", "realisasi",
            "jenis_belanja", "sumber_dana", "penjelasan",
        ]  # fmt: skip
        self.k.sheets["anggaran"] = (header, rows)
        self.budget = totals
        program_rows = [[p, str(t[0]), str(t[1])] for p, t in totals.items()]
        self.k.sheets["pagu_program"] = (["program_kode", "pagu", "realisasi"], program_rows)

    def named(self, name: str) -> str:
        """A program, kegiatan or sub-kegiatan name; in the "stres" variant, a long one."""
        return f"{name} {STRESS_SUFFIX}" if self.stress else name

    def extra_rows(self, chosen: list[_Sub]) -> list[tuple[_Sub, str]]:
        """Sub-kegiatan rows beyond the catalogue, up to ``self.anggaran`` rows in all (none by
        default): numbered work packages ("Paket 1", …) of the catalogue's optional
        sub-kegiatan, with codes no catalogue entry uses (``….2.01.5001``), carried out in turn
        by the kecamatan office and each kelurahan."""
        rows = len(self.subs_rows)
        if self.anggaran is None or self.anggaran <= rows:
            return []
        bases = [s for s in chosen if not s.wajib and not s.per_kelurahan] or [
            s for s in chosen if s.kode != GAJI
        ]
        units = ["", *(f"Kelurahan {n}" for n in self.kelurahan)]
        numbers: dict[str, int] = {}
        extra = []
        for n in range(self.anggaran - rows):
            base = bases[n % len(bases)]
            numbers[base.kegiatan] = numbers.get(base.kegiatan, 5000) + 1
            package = replace(
                base,
                kode=f"{base.kegiatan}.{numbers[base.kegiatan]}",
                nama=f"{base.nama} (Paket {n // len(bases) + 1})",
                wajib=False,
            )
            extra.append((package, units[n % len(units)]))
        return extra

    # --- indicators ------------------------------------------------------------------------
    def capaian(self, mild: bool = False) -> float:
        """A capaian factor: a miss (60–95 %), an overshoot (105–130 %) or about on target.

        ``mild`` narrows the bands (88–95 %, 105–112 %) for series that move slowly, such as
        the AKIP and IKM scores and the years before the report year.
        """
        rng = self.rng
        u = rng.random()
        if u < self.p_miss:
            return rng.uniform(0.88 if mild else 0.60, 0.95)
        if u < self.p_miss + self.p_over:
            return rng.uniform(1.05, 1.12 if mild else 1.30)
        return 1.0 if rng.random() < 0.4 else rng.uniform(0.96, 1.04)

    def realise(self, target: Decimal, m: _Measure, mild: bool = False) -> Decimal:
        c = self.capaian(mild)
        value = float(target) * (c if m.polaritas == "naik" else 2 - c)
        return _d(min(max(value, 0.01), m.cap))

    def targets(self, m: _Measure) -> dict[int, Decimal]:
        """Renstra targets for every year of the period, improving steadily."""
        base, step = self.rng.uniform(*m.base), self.rng.uniform(*m.step)
        sign = 1 if m.polaritas == "naik" else -1
        return {
            y: _d(min(max(base + sign * step * k, m.floor), m.cap), m.grain)
            for k, y in enumerate(self.years)
        }

    def add_indicator(
        self, kode: str, level: str, induk: str, m: _Measure, iku: str, targets: dict[int, Decimal]
    ) -> None:
        start, end = self.years[0], self.years[-1]
        self.indicators.append(
            [kode, level, induk, "", m.uraian, m.satuan, m.polaritas, m.jenis, iku, m.formulasi,
             m.sumber_data, m.penanggung_jawab, _fmt(targets[end]), str(start), str(end),
             m.dihitung_dari]
        )  # fmt: skip

    def add_values(
        self,
        kode: str,
        targets: dict[int, Decimal],
        realised: dict[int, Decimal],
        sumber: str = "",
        penjelasan: str = "",
        quarterly: bool = False,
    ) -> None:
        """Target/realisasi rows: tahun-2..tahun with realisasi, later years target only."""
        for year in self.years:
            tws = ["", "", "", ""]
            if quarterly and year == self.tahun:
                # Quarterly targets are cumulative positions: the value expected at the end of
                # each quarter, moving from last year's target to this year's; TW4 = target.
                prev, cur = targets[year - 1], targets[year]
                tws = [_fmt(_d(prev + (cur - prev) * q / 4)) for q in (1, 2, 3)] + [_fmt(cur)]
            real = realised.get(year)
            self.values.append(
                [kode, str(year), _fmt(targets[year]), _fmt(real), *tws,
                 sumber.format(year=year) if real is not None else "",
                 penjelasan if year == self.tahun else ""]
            )  # fmt: skip

    def miss_note(self, m: _Measure, target: Decimal, real: Decimal) -> str:
        worse = real < target if m.polaritas == "naik" else real > target
        if worse:
            return self.rng.choice((
                "Belum tercapai karena keterbatasan SDM dan anggaran",
                "Belum tercapai; tindak lanjut dimasukkan dalam rencana aksi tahun berikutnya",
                "Belum tercapai karena pelaksanaan kegiatan bergeser ke akhir tahun",
            ))  # fmt: skip
        return ""

    def build_outcomes(self) -> None:
        """Tujuan indicators, IKU (AKIP, IKM, optional third) with evaluasi_sakip and ikm."""
        rng = self.rng
        past = self.years[:3]
        for t, (_text, options) in enumerate(_TUJUAN, start=1):
            m = rng.choice(options)
            targets = self.targets(m)
            real = {y: self.realise(targets[y], m, mild=y < self.tahun) for y in past}
            self.add_indicator(f"IT{t}", "tujuan", f"T{t}", m, "tidak", targets)
            note = self.miss_note(m, targets[self.tahun], real[self.tahun])
            self.add_values(f"IT{t}", targets, real, m.sumber_data + " {year}", note)
        # IKU1: AKIP, realisasi = sum of the component scores of that year.
        targets = self.targets(_AKIP)
        eval_rows, real = [], {}
        for year in past:
            desired = min(max(float(targets[year]) * self.capaian(mild=True), 45), 90)
            scores = []
            for komponen, bobot in _AKIP_COMPONENTS:
                ratio = min(max(desired / 100 + rng.uniform(-0.06, 0.06), 0.3), 0.97)
                scores.append((komponen, bobot, _d(bobot * ratio)))
            weakest = min(scores, key=lambda s: s[2] / s[1])[0]
            for komponen, bobot, nilai in scores:
                note = _AKIP_NOTES[komponen] if komponen == weakest and year == self.tahun else ""
                eval_rows.append([str(year), komponen, str(bobot), _fmt(nilai), note])
            real[year] = sum((s[2] for s in scores), Decimal(0))
        self.k.sheets["evaluasi_sakip"] = (["tahun", "komponen", "bobot", "nilai", "catatan"],
                                           eval_rows)  # fmt: skip
        self.add_indicator("IKU1", "sasaran", "S1", _AKIP, "ya", targets)
        note = self.miss_note(_AKIP, targets[self.tahun], real[self.tahun])
        self.add_values("IKU1", targets, real, "LHE AKIP Tahun {year}", note, quarterly=True)
        self.k.iku["IKU1"] = real[self.tahun]
        self.iku_summary = [(_AKIP, targets, real)]
        # IKU2: IKM, realisasi = unit IKM computed from the NRR of that year.
        targets = self.targets(_IKM)
        layanan = rng.sample(_LAYANAN, rng.randint(3, 5))
        ikm_rows, real = [], {}
        for year in past:
            desired = min(max(float(targets[year]) * self.capaian(mild=True), 76), 96)
            mean = desired / 25
            values = []
            for _name in layanan:
                shift = rng.uniform(-0.10, 0.10)
                values.append(
                    [_d(min(max(mean + shift + rng.uniform(-0.12, 0.12), 2.80), 3.90))
                     for _u in range(9)]
                )  # fmt: skip
            while _near_tie(values):  # keep clear of x.xx5 so every rounding path agrees
                first = values[0][0]
                values[0][0] = first + _CENT if first < Decimal("3.90") else first - _CENT
            for name, nrr in zip(layanan, values, strict=True):
                responden = str(rng.randint(60, 400))
                ikm_rows.extend(
                    [str(year), name, f"U{u}", _fmt(v), responden] for u, v in enumerate(nrr, 1)
                )
            real[year] = ikm_value(values)
        self.k.sheets["ikm"] = (["tahun", "layanan", "unsur", "nrr", "responden"], ikm_rows)
        self.add_indicator("IKU2", "sasaran", "S2", _IKM, "ya", targets)
        note = self.miss_note(_IKM, targets[self.tahun], real[self.tahun])
        self.add_values("IKU2", targets, real, "Laporan SKM Tahun {year}", note, quarterly=True)
        self.k.iku["IKU2"] = real[self.tahun]
        self.iku_summary.append((_IKM, targets, real))
        if self.theme is not None:
            m = _THIRD[self.theme][1]
            targets = self.targets(m)
            real = {y: self.realise(targets[y], m, mild=y < self.tahun) for y in past}
            self.add_indicator("IKU3", "sasaran", "S3", m, "ya", targets)
            note = self.miss_note(m, targets[self.tahun], real[self.tahun])
            self.add_values("IKU3", targets, real, m.sumber_data + " {year}", note, quarterly=True)
            self.iku_summary.append((m, targets, real))

    def build_outputs(self) -> None:
        """Program indicators and one output indicator per sub-kegiatan row (tahun only)."""
        rng = self.rng
        for n, program in enumerate(self.programs, start=1):
            uraian, (lo, hi), pj = _PROGRAM_INDICATORS[program]
            target = _d(rng.randint(lo * 2, hi * 2) / 2)
            m = _Measure(uraian, "%", "persen", "naik", (0, 0), (0, 0), "0.01", 0, 100,
                         "", "Laporan kinerja seksi", pj)  # fmt: skip
            real = self.realise(target, m)
            self.indicators.append(
                [f"IP{n}", "program", program, "", uraian, "%", "naik", "persen", "", "",
                 m.sumber_data, pj, "", "", "", ""]
            )  # fmt: skip
            self.values.append(
                [f"IP{n}", str(self.tahun), _fmt(target), _fmt(real), "", "", "", "", "", ""]
            )
        for n, (sub, unit) in enumerate(self.subs_rows, start=1):
            if sub.kode == GAJI:
                target, real = len(self.asn), len(self.asn) - (rng.random() < 0.2)
            else:
                target = rng.randint(*sub.target)
                real = self.count_realised(target)
            pj = f"Lurah {unit.removeprefix('Kelurahan ')}" if unit else ""
            kode = f"IO{n:02d}"
            self.indicators.append(
                [kode, "subkegiatan", sub.kode, unit, sub.indikator, sub.satuan, "naik", "jumlah",
                 "", "", "", pj, "", "", "", ""]
            )  # fmt: skip
            self.values.append([kode, str(self.tahun), str(target), str(real), "", "", "", "", "",
                                ""])  # fmt: skip

    def count_realised(self, target: int) -> int:
        """Whole-number realisasi whose capaian falls in the drawn band when possible."""
        c = self.capaian()
        lo, hi = (0.60, 0.95) if c < 0.96 else (1.05, 1.30) if c > 1.04 else (1.0, 1.0)
        options = [r for r in range(int(target * lo), int(target * hi) + 2)
                   if lo <= r / target <= hi]  # fmt: skip
        return self.rng.choice(options) if options else target

    # --- profil, extras, narasi ------------------------------------------------------------
    def build_profil(self) -> None:
        rng = self.rng
        nama, slug = self.k.nama, self.k.slug
        day = date(self.tahun + 1, 1, 10) + timedelta(days=rng.randint(0, 80))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        street = rng.choice((f"Raya {nama}", *_STREETS))
        compact = slug.replace("-", "")
        rows = [
            ("nama_kecamatan", nama),
            ("tahun", str(self.tahun)),
            ("alamat", f"Jl. {street} No. {rng.randint(1, 120)}, {CITY}"),
            ("telepon", f"(022) {rng.randint(2000000, 8999999)}"),
            ("email", f"kec.{compact}@kotacontoh.go.id"),
            ("laman", f"kecamatan{compact}.kotacontoh.go.id"),
            ("camat_nama", self.camat.nama),
            ("camat_pangkat", self.camat_pangkat),
            ("camat_nip", self.camat.nip),
            ("tempat_ttd", nama),
            ("tanggal_ttd", day.isoformat()),
            ("luas_km2", _fmt(self.luas)),
            ("ketinggian_mdpl", str(rng.randint(15, 700))),
            ("jumlah_kelurahan", str(len(self.wilayah))),
            ("jumlah_penduduk", str(self.penduduk)),
            ("visi", VISI),
            ("misi", rng.choice(MISI)),
            ("periode_renstra", f"{self.years[0]}-{self.years[-1]}"),
            ("dasar_hukum_sotk", SOTK),
        ]
        self.k.sheets["profil"] = (["kunci", "nilai"], [list(r) for r in rows])
        wilayah = [
            [str(w["nama"]), "kelurahan", self.lurah[str(w["nama"])], _fmt(w["luas"]),  # type: ignore[arg-type]
             str(w["l"]), str(w["p"]), str(w["rw"]), str(w["rt"])]
            for w in self.wilayah
        ]  # fmt: skip
        header = ["nama", "jenis", "kepala", "luas_km2", "penduduk_l", "penduduk_p", "jumlah_rw",
                  "jumlah_rt"]  # fmt: skip
        self.k.sheets["wilayah"] = (header, wilayah)

    def build_extras(self) -> None:
        rng = self.rng
        awards = rng.sample(_PRESTASI, rng.randint(0, 3))
        rows = [[str(self.tahun if rng.random() < 0.7 else self.tahun - 1), t, p, g]
                for t, p, g in awards]  # fmt: skip
        rows.sort(key=lambda r: r[0])
        self.k.sheets["prestasi"] = (["tahun", "tingkat", "penghargaan", "pemberi"], rows)
        recs = rng.sample(_REKOMENDASI, rng.randint(2, 4))
        months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli")
        rows = []
        for i, (rekomendasi, aksi) in enumerate(recs):
            latest = i == len(recs) - 1 and rng.random() < 0.5
            year = self.tahun if latest else self.tahun - 1
            when = f"{rng.choice(months)} {year + 1}"
            status = rng.choice(("proses", "belum")) if latest else rng.choice(
                ("sudah", "sudah", "proses")
            )  # fmt: skip
            pj = rng.choice(("Sekretaris Kecamatan", "Kepala Subbagian Perencanaan dan Keuangan"))
            rows.append([str(year), rekomendasi, aksi, when, pj, status])
        header = ["tahun", "rekomendasi", "rencana_aksi", "waktu", "penanggung_jawab", "status"]
        self.k.sheets["tindak_lanjut"] = (header, rows)

    def build_optional(self) -> None:
        """IPP aspects, the ABK and photos for some kecamatan (own random stream)."""
        index, rng = self.k.index, self.extra
        if index % 3 != 1:
            years = [self.tahun - 1, self.tahun] if index % 3 == 0 else [self.tahun]
            rows = []
            for year in years:
                for n, (aspek, bobot) in enumerate(_IPP_ASPEK):
                    score = _d(rng.uniform(2.4, 4.9))
                    sumber = (
                        f"Hasil Evaluasi Pelayanan Publik {CITY} Tahun {year}" if n == 0 else ""
                    )
                    rows.append([str(year), aspek, str(bobot), _fmt(score), sumber])
            self.k.sheets["ipp"] = (["tahun", "aspek", "bobot", "nilai_indikator", "sumber"], rows)
            by_sasaran = index % 3 == 2
            counts: dict[str, int] = {}
            structural: set[str] = set()
            for person in self.staff:
                if person.unit == "Kecamatan" and person.kategori != "non_asn":
                    counts[person.jabatan] = counts.get(person.jabatan, 0) + 1
                    if person.kategori == "struktural":
                        structural.add(person.jabatan)
            rows = []
            for jabatan, have in counts.items():
                # A structural post is one position; the other jabatan vary around their staff.
                change = 0 if jabatan in structural else rng.choice((0, 0, 1, 1, 2, -1))
                need = max(1, have + change)
                sasaran = ""
                if by_sasaran:
                    office = any(word in jabatan for word in _SEKRETARIAT_WORDS)
                    sasaran = "S1" if office else "S2"
                rows.append([jabatan, sasaran, str(need), str(have)])
            self.k.sheets["abk"] = (["jabatan", "sasaran", "kebutuhan", "ketersediaan"], rows)
        if index % 3 == 0:
            rows = []
            for file, caption, program in _FOTO:
                text = caption.format(
                    nama=self.k.nama, tahun=self.tahun, kelurahan=rng.choice(self.kelurahan)
                )
                rows.append([file, text, program if program in self.programs else ""])
                self.k.photos[file] = tiny_png(_scene(rng), _FOTO_PALETTE)
            self.k.sheets["dokumentasi"] = (["file", "keterangan", "program_kode"], rows)

    def build_narasi(self) -> None:
        rng = self.rng
        nama = self.k.nama
        kel = rng.choice(self.kelurahan[1:])
        issues = rng.sample(
            [
                "Belum optimalnya kecepatan pelayanan administrasi terpadu kecamatan (PATEN).",
                "Masih terdapat pelanggaran ketenteraman dan ketertiban umum, antara lain pedagang "
                "kaki lima di bahu jalan.",
                "Partisipasi masyarakat dalam Musrenbang kelurahan belum merata.",
                "Keterbatasan sarana dan prasarana kantor, khususnya perangkat komputer dan ruang "
                "pelayanan.",
                f"Rawan genangan pada musim hujan di sebagian wilayah Kelurahan {kel}.",
                "Penurunan stunting dan kemiskinan ekstrem memerlukan koordinasi lintas sektor di "
                "tingkat kelurahan.",
                "Kapasitas aparatur kelurahan belum sebanding dengan beban layanan.",
            ],
            3,
        )
        missed = []
        for m, targets, real in self.iku_summary:
            t, r = targets[self.tahun], real[self.tahun]
            if (r < t) if m.polaritas == "naik" else (r > t):
                missed.append(f"- {m.uraian} belum mencapai target yang ditetapkan.")
        hambatan = [
            *missed,
            "- Keterbatasan jumlah dan kompetensi sumber daya aparatur.",
            "- Sebagian kegiatan baru terlaksana pada triwulan IV.",
        ]
        sections = {
            "isu-strategis": f"Isu strategis yang dihadapi Kecamatan {nama} pada tahun "
            f"{self.tahun}:\n\n" + "\n".join(f"- {i}" for i in issues),
            "faktor-pendukung": f"Capaian kinerja Kecamatan {nama} didukung oleh komitmen "
            "pimpinan, koordinasi yang baik dengan perangkat daerah dan instansi vertikal, serta "
            f"partisipasi aktif lembaga kemasyarakatan di {len(self.kelurahan)} kelurahan.",
            "faktor-penghambat": "Beberapa hal yang menghambat pencapaian kinerja:\n\n"
            + "\n".join(hambatan),
            "rencana-tindak": "Rencana tindak lanjut tahun berikutnya:\n\n"
            "- Memperkuat monitoring capaian kinerja setiap triwulan.\n"
            "- Menyusun rencana aksi atas rekomendasi LHE AKIP dan hasil survei kepuasan "
            "masyarakat.\n"
            "- Mengusulkan pemenuhan sarana dan prasarana pelayanan sesuai standar kebutuhan.",
        }
        keep = list(sections)
        if self.k.index > 0:  # leave some anchors out on purpose
            keep = [a for a in sections if rng.random() < 0.75] or ["isu-strategis"]
        self.k.narasi = "\n".join(f"## {a}\n\n{sections[a]}\n" for a in keep)

    # --- variants (lkjip sample --varian; the demo kecamatan's own) --------------------------
    def as_kabupaten(self) -> None:
        """A kecamatan of a kabupaten: desa instead of kelurahan, their population given only
        for the whole kecamatan (profil jumlah_penduduk_l/_p)."""
        header, rows = self.k.sheets["profil"]
        men = sum(int(w["l"]) for w in self.wilayah)  # type: ignore[call-overload]
        women = sum(int(w["p"]) for w in self.wilayah)  # type: ignore[call-overload]
        profil = []
        for key, value in rows:
            profil.append(["jumlah_desa" if key == "jumlah_kelurahan" else key, value])
            if key == "jumlah_penduduk":
                profil += [["jumlah_penduduk_l", str(men)], ["jumlah_penduduk_p", str(women)]]
        self.k.sheets["profil"] = (header, profil)
        header, rows = self.k.sheets["wilayah"]
        keep = [i for i, name in enumerate(header) if name not in ("penduduk_l", "penduduk_p")]
        wilayah = [[("desa" if i == 1 else row[i]) for i in keep] for row in rows]
        self.k.sheets["wilayah"] = ([header[i] for i in keep], wilayah)

    def as_staff_totals(self) -> None:
        """Staff given as totals (sheet rekap_pegawai instead of pegawai): per dimension,
        kelompok and unit (blank = kantor kecamatan), as a kecamatan without a list of names
        reports them. Pegawai without golongan (non-ASN) are one kelompok of that dimension."""
        counts: dict[tuple[str, str, str], int] = {}
        for dimensi in _REKAP_DIMENSIONS:
            for person in self.staff:
                unit = "" if person.unit == "Kecamatan" else person.unit
                key = (dimensi, _rekap_group(person, dimensi), unit)
                counts[key] = counts.get(key, 0) + 1
        rows = [[d, k, u, str(n)] for (d, k, u), n in counts.items()]
        del self.k.sheets["pegawai"]
        self.k.sheets["rekap_pegawai"] = (["dimensi", "kelompok", "unit", "jumlah"], rows)

    def as_month_signature(self) -> None:
        """The report signed in a month, without a day ("Februari 2025"), and without the
        Camat's pangkat."""
        header, rows = self.k.sheets["profil"]
        profil = []
        for key, value in rows:
            if key == "tanggal_ttd":
                day = date.fromisoformat(value)
                value = f"{_MONTH_NAMES[day.month - 1]} {day.year}"
            if key != "camat_pangkat":
                profil.append([key, value])
        self.k.sheets["profil"] = (header, profil)


# --- the city ----------------------------------------------------------------------------------


def _pembanding(kecamatan: list[_Kecamatan], tahun: int) -> None:
    """City averages (and the best other kecamatan) for the AKIP and IKM IKU."""
    header = ["indikator", "tahun", "level", "nama", "nilai"]
    for k in kecamatan:
        rows = []
        for code in ("IKU1", "IKU2"):
            values = [other.iku[code] for other in kecamatan]
            mean = _d(sum(values, Decimal(0)) / len(values))
            rows.append([code, str(tahun), "kota", AVERAGE_NAME, _fmt(mean)])
            others = [o for o in kecamatan if o is not k]
            if others:
                best = max(others, key=lambda o: (o.iku[code], -o.index))
                rows.append([code, str(tahun), "kecamatan_lain", f"Kecamatan {best.nama}",
                             _fmt(best.iku[code])])  # fmt: skip
        k.sheets["pembanding"] = (header, rows)


VARIANTS = ("stres", "kabupaten", "rekap-pegawai", "tanda-tangan-bulan", "anggaran-program")
"""Shapes of data ``lkjip sample --varian`` gives every kecamatan: ``stres`` (long names, many
sub-kegiatan, a budget above Rp 1 triliun), ``kabupaten`` (Kabupaten Contoh: desa, Bupati,
Perbup; population by sex for the whole kecamatan only), ``rekap-pegawai`` (staff as totals per
dimension, with kelurahan units), ``tanda-tangan-bulan`` (signed "Februari 2025", no pangkat),
``anggaran-program`` (pagu per program only, realisasi per kelompok belanja).
A 2021 report year is ``--tahun 2021``."""
_DEMO_VARIANTS = {3: "anggaran-program", 4: "tanda-tangan-bulan", 5: "rekap-pegawai"}
"""The shapes the demo kecamatan (the first six) show by themselves, whatever the variant, so
that the bundled city carries each kecamatan-level shape (as _DEMO_THEMES does the sasaran)."""
_KABUPATEN = "Kabupaten Contoh"
_KABUPATEN_SLUG = "kabupaten-contoh"
_KABUPATEN_FIRST = ("Wanareja", "Sindangbarang", "Pagerageung")
_DESA_WAJIB = "7.01.03.2.01.0001"  # program 7.01.03's sub-kegiatan in a kabupaten
_REKAP_DIMENSIONS = ("kategori", "pendidikan", "golongan", "jenis_kelamin", "jabatan")
_MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip
# Words of a kota and what a kabupaten says instead (the program and kegiatan names of the
# Kepmendagri catalogue name both and stay).
_KEPT = ("Desa dan Kelurahan",)
_KABUPATEN_WORDS = (
    ("Wali Kota", "Bupati"),
    ("Kota Contoh", _KABUPATEN),
    ("kotacontoh", "kabcontoh"),
    ("Kelurahan", "Desa"),
    ("kelurahan", "desa"),
)


def _rekap_group(person: _Person, dimensi: str) -> str:
    """The kelompok a person is counted in, as a rekap writes it."""
    if dimensi == "golongan":
        return person.golongan.split("/")[0] if person.golongan else "Tanpa golongan"
    if dimensi == "jabatan":
        return "Lurah" if person.jabatan.startswith("Lurah ") else person.jabatan
    return str(getattr(person, dimensi))


def _as_kabupaten(text: str) -> str:
    """A kota's text as a kabupaten writes it: Kabupaten Contoh, Bupati, desa."""
    if text == "kota":  # a level (pembanding, prestasi)
        return "kabupaten"
    for n, kept in enumerate(_KEPT):
        text = text.replace(kept, f"\0{n}\0")
    for old, new in _KABUPATEN_WORDS:
        text = text.replace(old, new)
    for n, kept in enumerate(_KEPT):
        text = text.replace(f"\0{n}\0", kept)
    return text


def parse_variants(varian: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    """``"kabupaten,rekap-pegawai"`` (or a list of such) as a set; ValueError naming an
    unknown variant."""
    items = [varian] if isinstance(varian, str) else list(varian)
    chosen = frozenset(v.strip() for item in items for v in item.split(",") if v.strip())
    unknown = sorted(chosen - set(VARIANTS))
    if unknown:
        raise ValueError(f"unknown variant: {', '.join(unknown)}")
    return chosen


STRESS_SCALE = 200  # the "stres" variant's budget: about Rp 1,5 triliun instead of Rp 8 miliar
STRESS_ROWS = 40  # and at least this many sub-kegiatan, each with its output indicator
STRESS_SUFFIX = (
    "dalam rangka Peningkatan Kualitas Tata Kelola Pemerintahan, Pelayanan Publik dan "
    "Pemberdayaan Masyarakat di Wilayah Kecamatan"
)


def budget_per_program(builder: _Builder) -> None:
    """The "anggaran-program" variant, applied to a kecamatan already built: its documents give
    the pagu per program only (the programs of the Perjanjian Kinerja, each with the sasaran it
    supports) and the realisasi per kelompok belanja (gaji / non-gaji), as many real reports do.
    The anggaran sheet gives way to ``pagu_program`` (programs named, pagu without realisasi),
    ``anggaran_kegiatan`` (the kegiatan, listed without amounts) and ``belanja``; the output
    indicators of the sub-kegiatan go with the sub-kegiatan; ``profil`` states the grand totals
    as the documents print them. Same amounts as the full budget, so the totals agree."""
    k = builder.k
    header, rows = k.sheets.pop("anggaran")
    cell = {name: index for index, name in enumerate(header)}
    programs: dict[str, list[str]] = {}
    kegiatan: dict[str, list[str]] = {}
    pagu: dict[str, int] = {}
    groups = {"gaji": [0, 0], "non_gaji": [0, 0]}
    for row in rows:
        code = row[cell["program_kode"]]
        programs.setdefault(code, [code, row[cell["program"]], row[cell["sasaran"]]])
        pagu[code] = pagu.get(code, 0) + int(row[cell["pagu"]])
        kegiatan.setdefault(row[cell["kegiatan_kode"]], [code, row[cell["kegiatan_kode"]],
                                                         row[cell["kegiatan"]]])  # fmt: skip
        group = groups["gaji" if row[cell["kode"]] == GAJI else "non_gaji"]
        group[0] += int(row[cell["pagu"]])
        group[1] += int(row[cell["realisasi"]])
    k.sheets["pagu_program"] = (
        ["program_kode", "program", "sasaran", "pagu"],
        [[*line, str(pagu[code])] for code, line in programs.items()],
    )
    k.sheets["anggaran_kegiatan"] = (
        ["program_kode", "kegiatan_kode", "kegiatan"], list(kegiatan.values())
    )  # fmt: skip
    k.sheets["belanja"] = (
        ["kelompok", "pagu", "realisasi"],
        [
            ["Belanja Gaji dan Tunjangan ASN", *map(str, groups["gaji"])],
            ["Belanja Non Gaji", *map(str, groups["non_gaji"])],
        ],
    )
    outputs = {line[0] for line in builder.indicators if line[1] == "subkegiatan"}
    builder.indicators[:] = [line for line in builder.indicators if line[0] not in outputs]
    builder.values[:] = [line for line in builder.values if line[0] not in outputs]
    profil = k.sheets["profil"][1]
    profil.append(["jumlah_pagu", str(sum(g[0] for g in groups.values()))])
    profil.append(["jumlah_realisasi", str(sum(g[1] for g in groups.values()))])


def generate_city(
    out_dir: Path,
    kecamatan: int,
    seed: int,
    tahun: int = 2024,
    anggaran: int | None = None,
    varian: str | list[str] | tuple[str, ...] = "",
) -> Path:
    """Write out_dir/params/kota-contoh.yaml and out_dir/data/kota-contoh/<tahun>/<slug>/*.csv
    (+ narasi.md) for N kecamatan; return the YAML path. ``anggaran``: at least that many rows
    in each kecamatan's anggaran sheet (extra sub-kegiatan, each with its output indicator), to
    measure how the build scales with the budget's size. ``varian``: shapes of data (one, a
    list, or comma-separated; see :data:`VARIANTS`): "stres" gives every kecamatan long program,
    kegiatan and sub-kegiatan names, at least 40 sub-kegiatan and a budget above Rp 1 triliun,
    to test how the report lays out; "kabupaten" writes Kabupaten Contoh
    (params/kabupaten-contoh.yaml) instead; "anggaran-program" gives the pagu per program only
    and the realisasi per kelompok belanja (:func:`budget_per_program`). The demo kecamatan 4, 5
    and 6 always show their own shape (:data:`_DEMO_VARIANTS`)."""
    variants = parse_variants(varian)
    stress = "stres" in variants
    if stress:
        anggaran = max(anggaran or 0, STRESS_ROWS)
    if kecamatan < 1:
        raise ValueError("kecamatan must be at least 1")
    out_dir = Path(out_dir)
    kabupaten = "kabupaten" in variants
    first = _KABUPATEN_FIRST if kabupaten else FIRST_KECAMATAN
    names = _city_names(random.Random(seed), kecamatan, first)
    built = []
    nips: set[str] = set()
    for index, nama in enumerate(names):
        neighbours = [names[j] for j in (index - 1, index + 1, index + 2) if 0 <= j < len(names)]
        own = variants | ({_DEMO_VARIANTS[index]} if index in _DEMO_VARIANTS else set())
        builder = _Builder(
            seed, index, nama, neighbours, tahun, nips, anggaran, stress, frozenset(own)
        )
        built.append(builder.build())
        if "anggaran-program" in own:
            budget_per_program(builder)
    _pembanding(built, tahun)
    city, slug = (_KABUPATEN, _KABUPATEN_SLUG) if kabupaten else (CITY, CITY_SLUG)
    words = _as_kabupaten if kabupaten else str
    data_root = out_dir / "data" / slug / str(tahun)
    for k in built:
        folder = data_root / k.slug
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.csv"):  # a sheet of an earlier run this shape has not
            if stale.stem not in k.sheets:
                stale.unlink()
        for sheet, (header, rows) in k.sheets.items():
            _write_csv(folder / f"{sheet}.csv", header, [[words(c) for c in r] for r in rows])
        (folder / "narasi.md").write_text(words(k.narasi), encoding="utf-8", newline="")
        if k.photos:
            (folder / "foto").mkdir(exist_ok=True)
            for name, png in k.photos.items():
                (folder / "foto" / name).write_bytes(png)
    periode = f"{tahun - 2}-{tahun + 2}"
    config = {
        "nama": city,
        "jenis": "kabupaten" if kabupaten else "kota",
        "provinsi": PROVINCE,
        "logo": None,
        "tahun": tahun,
        "label": {
            "judul": "Laporan Kinerja Instansi Pemerintah",
            "akronim": "LKjIP",
            "dokumen_perencanaan": "RPJMD",
            "periode_perencanaan": periode,
            "periode_renstra": periode,
        },
        "aturan": {"preset": "permendagri-5"},
        "kecamatan": [
            {"slug": k.slug, "nama": k.nama, "data": f"../data/{slug}/{tahun}/{k.slug}"}
            for k in built
        ],
    }
    params = out_dir / "params"
    params.mkdir(parents=True, exist_ok=True)
    path = params / f"{slug}.yaml"
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, default_flow_style=False)
    what = "kabupaten (--varian kabupaten)" if kabupaten else "city"
    header = f"# {city}: synthetic {what} generated by lkjip.sample (seed {seed}).\n"
    path.write_text(header + text, encoding="utf-8", newline="")
    return path
