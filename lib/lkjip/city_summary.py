"""The city summary: each kecamatan's mean IKU capaian and budget absorption, the figures a report
compares its kecamatan with.

A batch computes them in its phase 1 (:mod:`lkjip.batch.survey`) and hands each report the JSON
(:func:`summary_json`). A notebook run alone gets it from :func:`city_summary`: computed once per
city and process, cached by the contents of the city's files, and validating each kecamatan at
most once — the kecamatan of the report first, whose validation is still in memory
(:func:`lkjip.validate.check_kecamatan`).

Below the report and the batch: it loads, validates and computes, nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lkjip.config import CityConfig, KecamatanEntry
from lkjip.formatting import round_half_up
from lkjip.loader import KecamatanData, data_files
from lkjip.memo import Recent, files_digest
from lkjip.metrics.anggaran import anggaran_tree
from lkjip.metrics.capaian import average, iku_results
from lkjip.narasi import narrative_path
from lkjip.rules import Aturan
from lkjip.validate import check_kecamatan


@dataclass(frozen=True)
class Figures:
    """What the city summary knows of one valid kecamatan."""

    nama: str
    capaian: Decimal | None  # mean IKU capaian, uncapped, percent
    kategori: str | None
    serapan: Decimal | None  # budget absorption, percent
    pagu: int | None
    realisasi: int | None


def figures(data: KecamatanData, rules: Aturan, tahun: int) -> Figures:
    """The summary figures of one kecamatan's valid data."""
    overall = average(iku_results(data, rules, tahun), rules)
    total = anggaran_tree(data, rules)
    return Figures(
        nama=data.nama,
        capaian=overall.nilai,
        kategori=overall.kategori.label if overall.kategori else None,
        serapan=total.persen,
        pagu=total.pagu,
        realisasi=total.realisasi,
    )


def summary_json(rows: Iterable[tuple[str, Figures]]) -> str:
    """The slice of the city summary every report shows (its comparison with the other
    kecamatan): each valid kecamatan (slug, figures) with capaian and serapan, rounded as
    presented. A batch hashes it into each report's input hash."""
    items = [
        {
            "slug": slug,
            "nama": f.nama,
            "capaian": None if f.capaian is None else str(round_half_up(f.capaian)),
            "serapan": None if f.serapan is None else str(round_half_up(f.serapan)),
        }
        for slug, f in rows
    ]
    return json.dumps(items, ensure_ascii=False, sort_keys=True)


def checked_figures(config: CityConfig, entry: KecamatanEntry) -> Figures | None:
    """Validate one kecamatan of ``config`` and summarise it; None when its data has errors.
    Raises what loading raises (an unreadable folder …)."""
    rules = config.rules_for(entry)
    checked = check_kecamatan(
        config.data_path(entry), rules, config.tahun, config.other_names(entry)
    )
    return figures(checked.data, rules, config.tahun) if checked.ok else None


_CITIES: Recent[str] = Recent(size=4)


def city_summary(config: CityConfig, first: str = "") -> str:
    """:func:`summary_json` of every valid kecamatan of ``config``, computed once per city and
    process (again when one of its files changed). ``first``: the slug of the kecamatan to
    validate first (the one whose report asks, already validated in this process). A kecamatan
    that cannot be loaded is left out, as one with errors is."""
    key = (config.model_dump_json(), str(config.path), _city_digest(config))
    return _CITIES.get(key, lambda: _summarised(config, first))


def _summarised(config: CityConfig, first: str) -> str:
    entries = sorted(config.kecamatan, key=lambda e: e.slug != first)
    found: dict[str, Figures] = {}
    for entry in entries:
        try:
            result = checked_figures(config, entry)
        except Exception:  # the batch says why; the comparison leaves it out
            result = None
        if result is not None:
            found[entry.slug] = result
    return summary_json((e.slug, found[e.slug]) for e in config.kecamatan if e.slug in found)


def _city_digest(config: CityConfig) -> str:
    paths = [config.path]
    for entry in config.kecamatan:
        folder = config.data_path(entry)
        paths += [*data_files(folder), narrative_path(folder)]
    return files_digest(paths)
