"""Generator step: the desa/kelurahan, their population and the borders (wilayah)."""

from __future__ import annotations

from decimal import Decimal

from lkjip.sample.common import _d
from lkjip.sample.names import (
    _GLUED_PREFIX,
    _GLUED_SUFFIX,
    _NEIGHBOUR_REGIONS,
    _SPACED_PREFIX,
    _SPACED_SUFFIX,
    FIRST_KECAMATAN,
)


class _Wilayah:
    """Draws the desa/kelurahan with their area and population; builds batas_wilayah."""

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
