"""Generator step: profil and wilayah, prestasi, tindak_lanjut and narasi.md."""

from __future__ import annotations

from datetime import date, timedelta

from lkjip.sample.common import CITY, _fmt
from lkjip.sample.names import _STREETS

VISI = "Terwujudnya Kota Contoh yang Maju, Sejahtera, dan Berkelanjutan"
MISI = (
    "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
    "Meningkatkan kualitas pelayanan publik yang cepat, mudah, dan terjangkau",
    "Mewujudkan lingkungan kota yang aman, tertib, dan nyaman",
    "Meningkatkan pemberdayaan masyarakat berbasis kelurahan",
)
SOTK = "Peraturan Wali Kota Contoh Nomor 45 Tahun 2021"


_PRESTASI = (
    ("kota", "Juara I Lomba Kecamatan Terbaik Tingkat Kota Contoh", "Wali Kota Contoh"),
    ("kota", "Juara II Lomba Kelurahan Tingkat Kota Contoh", "Wali Kota Contoh"),
    ("provinsi", "Juara III Lomba Kelurahan Tingkat Provinsi Jawa Barat", "Gubernur Jawa Barat"),
    ("kota", "Kecamatan dengan Realisasi PBB-P2 Tercepat", "Wali Kota Contoh"),
    ("provinsi", "Kampung KB Terbaik", "Perwakilan BKKBN Provinsi Jawa Barat"),
    ("nasional", "Kepatuhan Standar Pelayanan Publik Zona Hijau", "Ombudsman Republik Indonesia"),
    ("kota", "Juara I Lomba Posyandu Tingkat Kota", "Wali Kota Contoh"),
)


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


class _Profil:
    """Builds profil, wilayah, prestasi, tindak_lanjut and narasi.md."""

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
