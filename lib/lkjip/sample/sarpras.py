"""Generator step: the office's assets (sarpras)."""

from __future__ import annotations

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


class _Sarpras:
    """Builds the sarpras sheet."""

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
