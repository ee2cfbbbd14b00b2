"""Phase 1 of a batch: load, validate and summarise every kecamatan, without starting a kernel."""

from __future__ import annotations

import json
from pathlib import Path

from lkjip.batch.model import INVALID, CityBatch, KecamatanRow
from lkjip.config import CityConfig
from lkjip.formatting import round_half_up
from lkjip.metrics.budget import budget_tree
from lkjip.metrics.capaian import average, iku_results
from lkjip.report.build import OUTPUTS
from lkjip.validate import check_kecamatan


def survey_city(
    config: CityConfig, root: Path = OUTPUTS, only: list[str] | None = None
) -> CityBatch:
    """Every kecamatan of ``config`` (or those in ``only``) with its validation and figures."""
    city = CityBatch(
        slug=config.slug,
        nama=config.nama,
        tahun=config.tahun,
        akronim=config.label.akronim,
        folder=root / config.slug / str(config.tahun),
    )
    for entry in config.kecamatan:
        if only and entry.slug not in only:
            continue
        rules = config.rules_for(entry)
        row = KecamatanRow(slug=entry.slug, nama=entry.nama)
        try:
            checked = check_kecamatan(config.data_path(entry), rules, config.tahun)
        except Exception as exc:
            row.status, row.reason = INVALID, str(exc)
            city.rows.append(row)
            continue
        row.errors = [p.line() for p in checked.problems.errors]
        row.warnings = [p.line() for p in checked.problems.warnings]
        if checked.ok:
            overall = average(iku_results(checked.data, rules, config.tahun), rules)
            total = budget_tree(checked.data, rules)
            row.nama = checked.data.nama
            row.capaian = overall.nilai
            row.kategori = overall.kategori.label if overall.kategori else None
            row.serapan, row.pagu, row.realisasi = total.persen, total.pagu, total.realisasi
        else:
            row.status = INVALID
            row.reason = f"data tidak valid: {len(row.errors)} galat (lihat validasi)"
        city.rows.append(row)
    return city


def city_summary_json(city: CityBatch) -> str:
    """The slice of the city summary every report shows (comparison with the other kecamatan):
    valid kecamatan with capaian and serapan, rounded as presented. Part of each report's hash."""
    rows = [
        {
            "slug": r.slug,
            "nama": r.nama,
            "capaian": None if r.capaian is None else str(round_half_up(r.capaian)),
            "serapan": None if r.serapan is None else str(round_half_up(r.serapan)),
        }
        for r in city.rows
        if r.status != INVALID
    ]
    return json.dumps(rows, ensure_ascii=False, sort_keys=True)
