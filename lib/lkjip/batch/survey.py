"""Phase 1 of a batch: load, validate and summarise every kecamatan, without starting a kernel."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from lkjip.batch.model import INVALID, CityBatch, KecamatanRow
from lkjip.city_summary import Figures, figures, summary_json
from lkjip.config import CityConfig, KecamatanEntry
from lkjip.loader import data_files
from lkjip.memo import files_digest
from lkjip.paths import OUTPUTS


def survey_city(
    config: CityConfig,
    root: Path = OUTPUTS,
    only: list[str] | None = None,
    remembered: dict[str, dict[str, object]] | None = None,
    on_row: Callable[[KecamatanRow], None] = lambda _row: None,
) -> CityBatch:
    """Every kecamatan of ``config`` (or those in ``only``) with its validation and figures.
    ``remembered`` (the manifest's survey section) holds earlier results by the digest of what
    they were computed from: an unchanged kecamatan is not loaded again, new results are added.
    ``on_row`` is called after each kecamatan (progress)."""
    city = CityBatch(
        slug=config.slug,
        nama=config.nama,
        tahun=config.tahun,
        akronim=config.label.akronim,
        folder=city_folder(config, root),
        pembulatan=config.rules_for().pembulatan,
    )
    for entry in config.kecamatan:
        if only and entry.slug not in only:
            continue
        city.rows.append(_surveyed(config, entry, remembered))
        on_row(city.rows[-1])
    return city


def _surveyed(
    config: CityConfig, entry: KecamatanEntry, remembered: dict[str, dict[str, object]] | None
) -> KecamatanRow:
    if remembered is None:
        return survey_kecamatan(config, entry)
    key = survey_key(config, entry)
    earlier = remembered.get(entry.slug)
    if earlier and earlier.get("kunci") == key:
        return KecamatanRow.from_survey(earlier["baris"])  # type: ignore[arg-type]
    row = survey_kecamatan(config, entry)
    remembered[entry.slug] = {"kunci": key, "baris": row.survey_dict()}
    return row


def city_folder(config: CityConfig, root: Path = OUTPUTS) -> Path:
    return root / config.slug / str(config.tahun)


def survey_key(config: CityConfig, entry: KecamatanEntry) -> str:
    """What a kecamatan's survey depends on: its data files, the city config and the library."""
    from lkjip.batch.manifest import code_hash

    inputs = files_digest([*data_files(config.data_path(entry)), config.path])
    parts = (inputs, code_hash(), entry.model_dump_json(), str(config.tahun))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def survey_kecamatan(config: CityConfig, entry: KecamatanEntry) -> KecamatanRow:
    """Load, validate and summarise one kecamatan."""
    from lkjip.validate import check_kecamatan

    rules = config.rules_for(entry)
    row = KecamatanRow(slug=entry.slug, nama=entry.nama)
    try:
        checked = check_kecamatan(
            config.data_path(entry), rules, config.tahun, config.other_names(entry)
        )
    except Exception as exc:
        row.status, row.reason = INVALID, str(exc)
        return row
    row.errors = [p.line() for p in checked.problems.errors]
    row.warnings = [p.line() for p in checked.problems.warnings]
    if checked.ok:
        summary = figures(checked.data, rules, config.tahun)
        row.nama, row.capaian, row.kategori = summary.nama, summary.capaian, summary.kategori
        row.serapan, row.pagu, row.realisasi = summary.serapan, summary.pagu, summary.realisasi
    else:
        row.status = INVALID
        row.reason = f"data tidak valid: {len(row.errors)} galat (lihat validasi)"
    return row


def city_summary_json(city: CityBatch) -> str:
    """The slice of the city summary every report shows (:func:`lkjip.city_summary.
    summary_json`) from the batch's rows: its valid kecamatan."""
    return summary_json(
        (r.slug, Figures(r.nama, r.capaian, r.kategori, r.serapan, r.pagu, r.realisasi))
        for r in city.rows
        if r.status != INVALID
    )
