"""Everything a chapter needs about one kecamatan: config, data, rules, narrative, computed results.

Each result is computed once (cached) from the one copy of the data, so every table, figure and
sentence of the report reads the same numbers.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from lkjip.config import CityConfig, KecamatanEntry, load_config
from lkjip.formatting import set_pembulatan
from lkjip.loader import KecamatanData
from lkjip.metrics.anggaran import BudgetLine, anggaran_by, anggaran_tree
from lkjip.metrics.capaian import (
    IndicatorResult,
    SasaranResult,
    iku_results,
    indicator_results,
    sasaran_results,
)
from lkjip.metrics.efisiensi import SasaranEfficiency, efisiensi_by_sasaran
from lkjip.metrics.evaluasi import (
    AkipResult,
    IkmResult,
    IppResult,
    RbResult,
    akip_result,
    akip_years,
    ikm_result,
    ipp_result,
    rb_result,
    rb_years,
)
from lkjip.narasi import SECTIONS, read_narrative, section_of
from lkjip.problems import InputError
from lkjip.report import preview
from lkjip.report.blocks import Narrative
from lkjip.report.outline import SWITCHES
from lkjip.rules import Aturan
from lkjip.validate import check_kecamatan

DEFAULT_BOILERPLATE: dict[str, str] = yaml.safe_load(
    (resources.files("lkjip.report") / "boilerplate.yaml").read_text(encoding="utf-8")
)


class ReportDataError(InputError):
    """The kecamatan's data has errors; the report is not built from invalid data."""


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class ReportContext:
    config: CityConfig
    entry: KecamatanEntry
    data: KecamatanData
    rules: Aturan
    tahun: int
    narasi: dict[str, str]

    # --- identity and wording -----------------------------------------------------------------
    @property
    def kecamatan(self) -> str:
        return self.data.nama

    @property
    def kota(self) -> str:
        return self.config.nama

    @property
    def kabupaten(self) -> bool:
        return self.config.jenis == "kabupaten"

    @property
    def kepala_daerah(self) -> str:
        return "Bupati" if self.kabupaten else "Wali Kota"

    @property
    def akronim(self) -> str:
        return self.config.label.akronim

    @property
    def judul(self) -> str:
        return self.config.label.judul

    def variables(self) -> dict[str, str]:
        label = self.config.label
        jenis = "Kabupaten" if self.kabupaten else "Kota"
        kota = self.kota.removeprefix(f"{jenis} ")
        return {
            "kecamatan": self.kecamatan,
            "kota": kota,
            "jenis_daerah": jenis,
            "kepala_daerah": self.kepala_daerah,
            "peraturan_kepala": f"Peraturan {self.kepala_daerah}",
            "provinsi": self.config.provinsi,
            "tahun": str(self.tahun),
            "tahun_depan": str(self.tahun + 1),
            "judul": label.judul,
            "akronim": label.akronim,
            "dokumen_perencanaan": label.dokumen_perencanaan,
            "periode_perencanaan": label.periode_perencanaan,
            "periode_renstra": label.periode_renstra
            or str(self.data.profil.get("periode_renstra", "")),
        }

    def boilerplate(self, key: str) -> str | None:
        """A shared text of the city (or the default), with its {variables} filled in."""
        template = self.config.boilerplate.get(key, DEFAULT_BOILERPLATE.get(key))
        if template is None:
            return None
        return string.Formatter().vformat(template, (), _Keep(self.variables())).strip()

    def narrative(self, anchor: str, boilerplate: str | None = None) -> Narrative:
        """The section from narasi.md, else the city's shared text, else a placeholder."""
        section = section_of(anchor) or SECTIONS[anchor]
        text = self.narasi.get(anchor) or None
        if text is None and boilerplate:
            text = self.boilerplate(boilerplate)
        return Narrative(anchor, section.title, text, section.instruction)

    def enabled(self, part: str) -> bool:
        """False when the city switched this part of the report off (``bagian_nonaktif``).
        ``part`` is a switch the outline declares (report/outline.py)."""
        if part not in SWITCHES:
            raise ValueError(f"saklar bagian {part!r} tidak dinyatakan dalam outline laporan")
        return part not in self.config.bagian_nonaktif

    def has_narrative(self, anchor: str) -> bool:
        return bool(self.narasi.get(anchor))

    # --- computed results (each computed once) ------------------------------------------------
    @cached_property
    def iku(self) -> list[IndicatorResult]:
        return iku_results(self.data, self.rules, self.tahun)

    @cached_property
    def sasaran(self) -> list[SasaranResult]:
        return sasaran_results(self.data, self.rules, self.tahun)

    def indicators(self, level: str) -> list[IndicatorResult]:
        return indicator_results(self.data, self.rules, self.tahun, level=level)

    @cached_property
    def budget(self) -> BudgetLine:
        return anggaran_tree(self.data, self.rules)

    @cached_property
    def _budgets_by(self) -> dict[str, list[BudgetLine]]:
        return {}

    def anggaran_by(self, column: str) -> list[BudgetLine]:
        """Sub-kegiatan summed per value of ``column``, computed once per column (a sentence
        per sub-kegiatan asks for the units again)."""
        if column not in self._budgets_by:
            self._budgets_by[column] = anggaran_by(self.data, self.rules, column)
        return self._budgets_by[column]

    @cached_property
    def efficiency(self) -> list[SasaranEfficiency]:
        return efisiensi_by_sasaran(self.data, self.rules, self.tahun)

    @cached_property
    def akip(self) -> AkipResult | None:
        return akip_result(self.data, self.rules, self.tahun)

    @cached_property
    def akip_history(self) -> dict[int, AkipResult]:
        return akip_years(self.data, self.rules)

    @cached_property
    def ikm(self) -> IkmResult | None:
        return ikm_result(self.data, self.rules, self.tahun)

    @cached_property
    def rb(self) -> RbResult | None:
        return rb_result(self.data, self.rules, self.tahun)

    @cached_property
    def rb_history(self) -> dict[int, RbResult]:
        return rb_years(self.data, self.rules)

    @cached_property
    def ipp(self) -> IppResult | None:
        return ipp_result(self.data, self.rules, self.tahun)


def open_report(config: str | Path, kecamatan: str) -> ReportContext:
    """Load and validate one kecamatan of a city config; invalid data raises ReportDataError.
    The city's rounding rule (``aturan.pembulatan``) is in force from here on: every number of
    the report is presented by it."""
    city = load_config(Path(config))
    entry = city.find(kecamatan)
    preview.SESSION.reset()  # the analyst's view numbers this notebook's parts afresh
    rules = city.rules_for(entry)
    set_pembulatan(rules.pembulatan)
    checked = check_kecamatan(city.data_path(entry), rules, city.tahun, city.other_names(entry))
    if not checked.ok:
        lines = "\n".join(p.line() for p in checked.problems.errors)
        raise ReportDataError(f"data kecamatan {entry.slug} belum valid; perbaiki dulu:\n{lines}")
    return ReportContext(
        config=city,
        entry=entry,
        data=checked.data,
        rules=rules,
        tahun=city.tahun,
        narasi=read_narrative(city.data_path(entry)),
    )
