"""One kecamatan: the builder that runs the generator's steps in order."""

from __future__ import annotations

import random

from lkjip.sample.anggaran import _Budget
from lkjip.sample.common import CITY_SLUG, _Kecamatan, _slug
from lkjip.sample.kinerja import _Kinerja
from lkjip.sample.opsional import _Optional
from lkjip.sample.pegawai import _Staff
from lkjip.sample.profil import _Profil
from lkjip.sample.sarpras import _Sarpras
from lkjip.sample.variants import _KABUPATEN_SLUG, _Variants
from lkjip.sample.wilayah import _Wilayah

_TR_HEADER = [
    "indikator", "tahun", "target", "realisasi", "target_tw1", "target_tw2", "target_tw3",
    "target_tw4", "sumber", "penjelasan",
]  # fmt: skip
_IND_HEADER = [
    "kode", "level", "induk", "unit", "uraian", "satuan", "polaritas", "jenis", "iku", "formulasi",
    "sumber_data", "penanggung_jawab", "target_akhir", "tahun_mulai", "tahun_selesai",
    "dihitung_dari",
]  # fmt: skip


class _Builder(_Wilayah, _Staff, _Sarpras, _Kinerja, _Budget, _Profil, _Optional, _Variants):
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
