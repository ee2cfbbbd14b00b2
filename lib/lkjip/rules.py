"""Rules (``aturan``) as data: named presets in ``lkjip/presets/*.yaml``, overridable per city.

A city config says ``aturan: {preset: sakip-7, efisiensi: rasio, ...}``; any top-level key of
:class:`Aturan` may be overridden and replaces the preset's value whole (a scale, a weight table).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from lkjip.formatting import DEFAULT_PEMBULATAN, Pembulatan

PRESET_DIR = resources.files("lkjip") / "presets"
COMMON = "_skala_umum"
DEFAULT_PRESET = "permendagri-5"


class Band(BaseModel):
    """One level of a scale: a value belongs to the first band whose lower bound it passes."""

    model_config = ConfigDict(extra="forbid")
    kode: str
    label: str
    min: Decimal | None = None
    min_inklusif: bool = False

    def admits(self, value: Decimal) -> bool:
        if self.min is None:
            return True
        return value >= self.min if self.min_inklusif else value > self.min


class Aturan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    preset: str
    nama: str
    sumber: str
    capaian_turun: Literal["target_per_realisasi", "dua_kali_target"]
    efisiensi: Literal["rasio", "selisih"]
    skala_capaian: list[Band] = Field(min_length=1)
    capaian_batas_bawah: Decimal | None = None
    capaian_batas_atas: Decimal | None = None
    persen_induk: Literal["jumlah", "rata_rata"] = "jumlah"
    skala_ikm: list[Band] = Field(min_length=1)
    ikm_unsur: dict[str, str] = Field(min_length=1)  # unsur code → name, in the survey's order
    ikm_sumber: str = ""  # the regulation the unsur and the mutu scale follow
    skala_akip: list[Band] = Field(min_length=1)
    skala_ipp: list[Band] = Field(min_length=1)
    akip_komponen: dict[str, Decimal]
    akip_bobot_lke: Decimal | None = None
    pembulatan: Pembulatan = DEFAULT_PEMBULATAN


def classify(value: Decimal | None, scale: list[Band]) -> Band | None:
    """The band of ``value`` in ``scale`` (None for a missing value)."""
    if value is None:
        return None
    return next(band for band in scale if band.admits(value))


def preset_names() -> list[str]:
    return sorted(
        p.name.removesuffix(".yaml")
        for p in PRESET_DIR.iterdir()
        if p.name.endswith(".yaml") and not p.name.startswith("_")
    )


@cache
def _preset_data(name: str) -> dict[str, object]:
    return yaml.safe_load((PRESET_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def load_rules(spec: dict[str, object] | None = None) -> Aturan:
    """Build the rules from ``{preset: name, ...overrides}``; raises ValueError (Indonesian)."""
    spec = dict(spec or {})
    name = str(spec.pop("preset", DEFAULT_PRESET))
    if name not in preset_names():
        raise ValueError(
            f"preset aturan '{name}' tidak dikenal; pilihan: {', '.join(preset_names())}"
        )
    data = {**_preset_data(COMMON), **_preset_data(name), **spec, "preset": name}
    return Aturan.model_validate(data)
