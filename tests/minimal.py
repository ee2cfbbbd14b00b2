"""A small, valid kecamatan written from Python, to mutate into broken inputs."""

from __future__ import annotations

from pathlib import Path

SHEETS: dict[str, str] = {
    "profil": """kunci,nilai
nama_kecamatan,Uji Coba
tahun,2024
camat_nama,"Drs. BUDI, M.Si"
camat_pangkat,Pembina
camat_nip,19700101 199001 1 001
tempat_ttd,Uji Coba
tanggal_ttd,2025-03-25
jumlah_kelurahan,2
""",
    "wilayah": """nama,jenis,penduduk_l,penduduk_p
Satu,kelurahan,100,110
Dua,kelurahan,200,190
""",
    "tujuan": """kode,uraian
T1,Terwujudnya tata kelola yang akuntabel
""",
    "sasaran": """kode,tujuan,uraian
S1,T1,Meningkatnya akuntabilitas kinerja
S2,T1,Meningkatnya kualitas layanan
""",
    "indikator": """kode,level,induk,uraian,satuan,polaritas,jenis,iku,dihitung_dari
IKU1,sasaran,S1,Nilai AKIP,nilai,naik,indeks,ya,akip
IKU2,sasaran,S2,Indeks Kepuasan Masyarakat,nilai,naik,indeks,ya,ikm
P1,program,7.01.01,Persentase dokumen tepat waktu,%,naik,persen,tidak,
""",
    "target_realisasi": """indikator,tahun,target,realisasi,sumber
IKU1,2023,70,"69,5",LHE 2023
IKU1,2024,70,"72,74",LHE 2024
IKU2,2024,80,"85,00",SKM 2024
P1,2024,100,100,
""",
    "anggaran": """program_kode,program,kegiatan_kode,kegiatan,kode,subkegiatan,unit,sasaran,pagu_murni,pagu,tw1,tw2,tw3,tw4,realisasi
7.01.01,Program Penunjang,7.01.01.2.01,Administrasi Keuangan,7.01.01.2.01.0001,Penyediaan Gaji,,S1,1000000,1200000,250000,250000,250000,250000,1100000
7.01.02,Program Pelayanan Publik,7.01.02.2.01,Pelayanan,7.01.02.2.01.0001,Koordinasi Pelayanan,Kelurahan Satu,S2,500000,500000,100000,100000,150000,150000,400000
""",
    "pagu_program": """program_kode,pagu,realisasi
7.01.01,1200000,1100000
""",
    "evaluasi_sakip": """tahun,komponen,bobot,nilai
2024,Perencanaan Kinerja,30,"23,62"
2024,Pengukuran Kinerja,30,"20,64"
2024,Pelaporan Kinerja,15,"11,11"
2024,Evaluasi Akuntabilitas Kinerja Internal,25,"17,37"
""",
    "ikm": """tahun,layanan,nilai
2024,KTP,"85,00"
""",
}


def write_minimal(folder: Path, **changes: str | None) -> Path:
    """Write the minimal kecamatan into ``folder``; ``changes`` replace (or, with None, drop)
    whole sheets."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**SHEETS, **changes}.items():
        if text is not None:
            (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


# --- the budget at the granularity a kecamatan has (issue 12, item 4) ------------------------
BUDGET_PER_PROGRAM: dict[str, str | None] = {
    # pagu per program only (the programs of the Perjanjian Kinerja), realisasi per kelompok
    # belanja (gaji / non gaji)
    "anggaran": None,
    "pagu_program": """program_kode,program,sasaran,pagu
7.01.01,Program Penunjang,S1,1200000
7.01.02,Program Pelayanan Publik,S2,500000
""",
    "belanja": """kelompok,pagu,realisasi
Belanja Gaji dan Tunjangan,900000,850000
Belanja Non Gaji,800000,650000
""",
}
KEGIATAN_WITHOUT_AMOUNTS: dict[str, str | None] = {
    # kegiatan listed without amounts; pagu and realisasi per program
    "anggaran": None,
    "anggaran_kegiatan": """program_kode,program,kegiatan_kode,kegiatan
7.01.01,Program Penunjang,7.01.01.2.01,Administrasi Keuangan
7.01.01,Program Penunjang,7.01.01.2.02,Administrasi Umum
7.01.02,Program Pelayanan Publik,7.01.02.2.01,Pelayanan
""",
    "pagu_program": """program_kode,sasaran,pagu,realisasi
7.01.01,S1,1200000,1100000
7.01.02,S2,500000,400000
""",
}
MURNI_PER_KEGIATAN: dict[str, str | None] = {
    # pagu and realisasi per sub kegiatan, pagu murni (penetapan) per kegiatan only
    "anggaran": """program_kode,program,kegiatan_kode,kegiatan,kode,subkegiatan,sasaran,pagu,realisasi
7.01.01,Program Penunjang,7.01.01.2.01,Administrasi Keuangan,7.01.01.2.01.0001,Penyediaan Gaji,S1,1200000,1100000
7.01.01,Program Penunjang,7.01.01.2.01,Administrasi Keuangan,7.01.01.2.01.0002,Penyediaan ATK,S1,300000,290000
7.01.02,Program Pelayanan Publik,7.01.02.2.01,Pelayanan,7.01.02.2.01.0001,Koordinasi Pelayanan,S2,500000,400000
""",
    "anggaran_kegiatan": """program_kode,kegiatan_kode,kegiatan,pagu_murni
7.01.01,7.01.01.2.01,Administrasi Keuangan,1400000
7.01.02,7.01.02.2.01,Pelayanan,450000
""",
    "pagu_program": """program_kode,pagu,realisasi
7.01.01,1500000,1390000
""",
}


def write_city(root: Path, aturan: str = "", **changes: str | None) -> Path:
    """The minimal kecamatan (with ``changes``) in ``root/kec`` and a city config for it,
    ``root/params/uji.yaml`` (Kota Uji, 2024; ``aturan``: YAML lines of the rules); returns the
    config's path, for ``open_report(path, "uji-coba")`` or ``lkjip build``."""
    write_minimal(root / "kec", **changes)
    params = root / "params"
    params.mkdir(parents=True, exist_ok=True)
    rules = "".join(f"  {line}\n" for line in aturan.splitlines() if line.strip())
    config = params / "uji.yaml"
    config.write_text(
        "nama: Kota Uji\njenis: kota\ntahun: 2024\n"
        + (f"aturan:\n{rules}" if rules else "")
        + "kecamatan:\n- {slug: uji-coba, nama: Uji Coba, data: ../kec}\n",
        encoding="utf-8",
    )
    return config
