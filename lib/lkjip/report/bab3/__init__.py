"""BAB III Akuntabilitas Kinerja: method, capaian of the IKU, analysis per sasaran (PermenPAN-RB
53/2014), program performance, financial accountability, efficiency, prestasi and dokumentasi.

Every function is a pure function of the report context and returns blocks (possibly none) or a
chart as data (lkjip.report.chart; None or [] when there is nothing to show). The parts, in
order, and the ids that switch them off (``bagian_nonaktif``) are declared in
:mod:`lkjip.report.outline`.
"""

from lkjip.report.bab3.analisis import (
    NARASI_CATATAN,
    NARASI_SASARAN,
    analisis_pengantar,
    analisis_sasaran,
    supporting_programs,
)
from lkjip.report.bab3.capaian import (
    PART_TRIWULAN_KINERJA,
    TW,
    capaian_pengantar,
    capaian_tujuan,
    capaian_uraian,
    grafik_target_realisasi,
    tabel_capaian_iku,
    tabel_capaian_tujuan,
    tabel_klasifikasi,
    tabel_triwulan_kinerja,
    triwulan_kinerja,
)
from lkjip.report.bab3.dokumentasi import dokumentasi, foto_dokumentasi
from lkjip.report.bab3.efisiensi import (
    PART_ABK,
    efisiensi_kesimpulan,
    efisiensi_pengantar,
    efisiensi_sdm,
    grafik_kinerja_anggaran,
    tabel_abk,
    tabel_efisiensi,
)
from lkjip.report.bab3.helpers import SUMBER_ANGGARAN, SUMBER_OLAHAN, TINGKAT, TREN_NOTE
from lkjip.report.bab3.indikator_lain import (
    PART_INDIKATOR_LAIN,
    indikator_lain,
    tabel_indikator_lain,
)
from lkjip.report.bab3.keuangan import (
    JENIS_BELANJA,
    grafik_anggaran,
    grafik_jenis_belanja,
    keuangan,
    serapan_rendah,
    tabel_anggaran_program,
    tabel_anggaran_sasaran,
    tabel_anggaran_unit,
    tabel_jenis_belanja,
)
from lkjip.report.bab3.kinerja_program import kinerja_program, tabel_kinerja_program
from lkjip.report.bab3.metode import (
    metode,
    metode_ketentuan,
    pembulatan_text,
    pengantar,
    tabel_skala,
)
from lkjip.report.bab3.pembanding import tabel_pembanding, tabel_pembanding_opd
from lkjip.report.bab3.prestasi import prestasi, tabel_prestasi
from lkjip.report.bab3.renstra import (
    PART_RENSTRA_PROGRAM,
    renstra_program_uraian,
    tabel_renstra,
    tabel_renstra_program,
)
from lkjip.report.bab3.tren import (
    ARAH,
    PART_TREN_PROGRAM,
    grafik_tren,
    judul_tren,
    tabel_tren,
    tabel_tren_program,
    tren_program_uraian,
)
from lkjip.report.common import PART_TUJUAN, tujuan_indicators
from lkjip.report.sentences import under_absorbed

__all__ = [
    "ARAH",
    "JENIS_BELANJA",
    "NARASI_CATATAN",
    "NARASI_SASARAN",
    "PART_ABK",
    "PART_INDIKATOR_LAIN",
    "PART_RENSTRA_PROGRAM",
    "PART_TREN_PROGRAM",
    "PART_TRIWULAN_KINERJA",
    "PART_TUJUAN",
    "SUMBER_ANGGARAN",
    "SUMBER_OLAHAN",
    "TINGKAT",
    "TREN_NOTE",
    "TW",
    "analisis_pengantar",
    "analisis_sasaran",
    "capaian_pengantar",
    "capaian_tujuan",
    "capaian_uraian",
    "dokumentasi",
    "efisiensi_kesimpulan",
    "efisiensi_pengantar",
    "efisiensi_sdm",
    "foto_dokumentasi",
    "grafik_anggaran",
    "grafik_jenis_belanja",
    "grafik_kinerja_anggaran",
    "grafik_target_realisasi",
    "grafik_tren",
    "indikator_lain",
    "judul_tren",
    "keuangan",
    "kinerja_program",
    "metode",
    "metode_ketentuan",
    "pembulatan_text",
    "pengantar",
    "prestasi",
    "renstra_program_uraian",
    "serapan_rendah",
    "supporting_programs",
    "tabel_abk",
    "tabel_anggaran_program",
    "tabel_anggaran_sasaran",
    "tabel_anggaran_unit",
    "tabel_capaian_iku",
    "tabel_capaian_tujuan",
    "tabel_efisiensi",
    "tabel_indikator_lain",
    "tabel_jenis_belanja",
    "tabel_kinerja_program",
    "tabel_klasifikasi",
    "tabel_pembanding",
    "tabel_pembanding_opd",
    "tabel_prestasi",
    "tabel_renstra",
    "tabel_renstra_program",
    "tabel_skala",
    "tabel_tren",
    "tabel_tren_program",
    "tabel_triwulan_kinerja",
    "tren_program_uraian",
    "triwulan_kinerja",
    "tujuan_indicators",
    "under_absorbed",
]
