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

from lkjip.sample.anggaran import GAJI, KEGIATAN, PROGRAMS, STRESS_ROWS, STRESS_SCALE, STRESS_SUFFIX
from lkjip.sample.city import generate_city
from lkjip.sample.common import AVERAGE_NAME, CITY, CITY_SLUG, PROVINCE
from lkjip.sample.kinerja import ikm_value
from lkjip.sample.names import FIRST_KECAMATAN
from lkjip.sample.opsional import tiny_png
from lkjip.sample.profil import MISI, SOTK, VISI
from lkjip.sample.variants import VARIANTS, budget_per_program, parse_variants

__all__ = [
    "AVERAGE_NAME",
    "CITY",
    "CITY_SLUG",
    "FIRST_KECAMATAN",
    "GAJI",
    "KEGIATAN",
    "MISI",
    "PROGRAMS",
    "PROVINCE",
    "SOTK",
    "STRESS_ROWS",
    "STRESS_SCALE",
    "STRESS_SUFFIX",
    "VARIANTS",
    "VISI",
    "budget_per_program",
    "generate_city",
    "ikm_value",
    "parse_variants",
    "tiny_png",
]
