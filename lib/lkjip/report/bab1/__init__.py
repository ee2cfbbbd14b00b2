"""BAB I Pendahuluan: background, the kecamatan's territory, duties, organisation, staff, assets,
strategic issues and the summary of external evaluations (AKIP, IKM, follow-up matrix).

The parts, in order, and the ids that switch them off (``bagian_nonaktif``) are declared in
:mod:`lkjip.report.outline`.
"""

from lkjip.report.bab1.akip import AKIP_HEAD, evaluasi, rekomendasi, tabel_akip
from lkjip.report.bab1.aparatur import (
    GROUP_WORDS,
    KATEGORI_KATA,
    REF_PHRASES,
    REKAP_PARTS,
    aparatur,
    grafik_pegawai,
    tabel_pegawai_diklat,
    tabel_pegawai_golongan,
    tabel_pegawai_jabatan,
    tabel_pegawai_jk,
    tabel_pegawai_pendidikan,
    tabel_pegawai_unit,
    tabel_pejabat,
    tabel_rekap_golongan,
    tabel_rekap_jk,
    tabel_rekap_kategori,
    tabel_rekap_pendidikan,
)
from lkjip.report.bab1.evaluasi import PART_IPP, PART_RB, change_phrase, ipp_value
from lkjip.report.bab1.ikm import evaluasi_ikm, tabel_ikm, tabel_ikm_mutu, tabel_ikm_unsur
from lkjip.report.bab1.ipp import evaluasi_ipp, tabel_ipp
from lkjip.report.bab1.rb import evaluasi_rb, rekomendasi_rb, tabel_rb, tabel_rb_indikator
from lkjip.report.bab1.sarpras import KONDISI, sarpras, tabel_sarpras
from lkjip.report.bab1.struktur import bagan_struktur, struktur_organisasi
from lkjip.report.bab1.tindak_lanjut import STATUS, tabel_tindak_lanjut, tindak_lanjut
from lkjip.report.bab1.umum import isu_strategis, latar_belakang, tugas_fungsi
from lkjip.report.bab1.wilayah import ARAH, gambaran_umum, tabel_batas, tabel_wilayah

__all__ = [
    "AKIP_HEAD",
    "ARAH",
    "GROUP_WORDS",
    "KATEGORI_KATA",
    "KONDISI",
    "PART_IPP",
    "PART_RB",
    "REF_PHRASES",
    "REKAP_PARTS",
    "STATUS",
    "aparatur",
    "bagan_struktur",
    "change_phrase",
    "evaluasi",
    "evaluasi_ikm",
    "evaluasi_ipp",
    "evaluasi_rb",
    "gambaran_umum",
    "grafik_pegawai",
    "ipp_value",
    "isu_strategis",
    "latar_belakang",
    "rekomendasi",
    "rekomendasi_rb",
    "sarpras",
    "struktur_organisasi",
    "tabel_akip",
    "tabel_batas",
    "tabel_ikm",
    "tabel_ikm_mutu",
    "tabel_ikm_unsur",
    "tabel_ipp",
    "tabel_pegawai_diklat",
    "tabel_pegawai_golongan",
    "tabel_pegawai_jabatan",
    "tabel_pegawai_jk",
    "tabel_pegawai_pendidikan",
    "tabel_pegawai_unit",
    "tabel_pejabat",
    "tabel_rb",
    "tabel_rb_indikator",
    "tabel_rekap_golongan",
    "tabel_rekap_jk",
    "tabel_rekap_kategori",
    "tabel_rekap_pendidikan",
    "tabel_sarpras",
    "tabel_tindak_lanjut",
    "tabel_wilayah",
    "tindak_lanjut",
    "tugas_fungsi",
]
