"""Generator step: the budget (program, kegiatan, sub-kegiatan) and its catalogue."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lkjip.sample.pegawai import _PAY

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


class _Budget:
    """Builds the anggaran sheet."""

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


_DESA_WAJIB = "7.01.03.2.01.0001"  # program 7.01.03's sub-kegiatan in a kabupaten


STRESS_SCALE = 200  # the "stres" variant's budget: about Rp 1,5 triliun instead of Rp 8 miliar
STRESS_ROWS = 40  # and at least this many sub-kegiatan, each with its output indicator
STRESS_SUFFIX = (
    "dalam rangka Peningkatan Kualitas Tata Kelola Pemerintahan, Pelayanan Publik dan "
    "Pemberdayaan Masyarakat di Wilayah Kecamatan"
)
