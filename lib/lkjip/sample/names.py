"""Names of people, places and kecamatan, and the city's list of kecamatan."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

from lkjip.sample.common import _slug

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
