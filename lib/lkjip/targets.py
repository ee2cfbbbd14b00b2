"""Resolve command-line paths (city configs, kecamatan folders, workbooks) into kecamatan to process."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from lkjip.config import CityConfig, KecamatanEntry, load_config
from lkjip.problems import InputError
from lkjip.rules import Aturan, load_rules

PARAMS_DIR = Path("params")
CONFIG_SUFFIXES = (".yaml", ".yml")
SLUGS_LISTED = 30  # a city of hundreds of kecamatan: the message lists this many slugs


@dataclass(frozen=True)
class Target:
    """One kecamatan with the rules and report year that apply to it."""

    path: Path
    rules: Aturan
    tahun: int | None
    config: CityConfig | None = None
    entry: KecamatanEntry | None = None

    @property
    def others(self) -> tuple[str, ...]:
        """The names of the other kecamatan of its city (none without a city config)."""
        return self.config.other_names(self.entry) if self.config else ()

    @property
    def label(self) -> str:
        if self.config and self.entry:
            return f"{self.config.slug}/{self.entry.slug}"
        return str(self.path)


def city_configs(params_dir: Path = PARAMS_DIR) -> list[Path]:
    if not params_dir.is_dir():
        raise InputError(
            f"folder {params_dir}/ tidak ada; sebutkan berkas konfigurasi atau folder data"
        )
    found = sorted(p for p in params_dir.iterdir() if p.suffix in CONFIG_SUFFIXES)
    if not found:
        raise InputError(f"tidak ada konfigurasi kota (*.yaml) di {params_dir}/")
    return found


def targets_of_config(config: CityConfig, only: list[str] | None = None) -> list[Target]:
    entries = [config.find(s) for s in only] if only else config.kecamatan
    return [
        Target(config.data_path(e), config.rules_for(e), config.tahun, config, e) for e in entries
    ]


def _owner(path: Path) -> Target | None:
    """The city config in ./params that lists this kecamatan folder, if any."""
    if not PARAMS_DIR.is_dir():
        return None
    resolved = path.resolve()
    for candidate in sorted(PARAMS_DIR.glob("*.y*ml")):
        try:
            config = load_config(candidate)
        except InputError:
            continue
        for entry in config.kecamatan:
            data = config.data_path(entry)
            if resolved in (data, data / "data.xlsx"):
                return Target(path, config.rules_for(entry), config.tahun, config, entry)
    return None


def resolve(paths: list[Path], params: Path | None = None) -> list[Target]:
    """Targets for ``paths``; with no paths, every kecamatan of every config in ./params."""
    if not paths:
        paths = city_configs()
    targets: list[Target] = []
    for path in paths:
        if path.suffix in CONFIG_SUFFIXES:
            targets += targets_of_config(load_config(path))
            continue
        if not path.exists():
            raise InputError(f"{path}: berkas atau folder tidak ditemukan")
        if params is not None:
            config = load_config(params)
            targets.append(Target(path, config.rules_for(), config.tahun, config))
            continue
        targets.append(_owner(path) or Target(path, load_rules(), None))
    return targets


def unknown_kecamatan(missing: list[str], known: list[str]) -> InputError:
    """The message for kecamatan slugs that no city config lists, worded the same wherever a
    slug is asked for (``build -k``, ``notebook -k``): each slug with the closest known ones
    ("mungkin maksudnya …"), then the slugs there are."""
    slugs = list(dict.fromkeys(known))
    named = []
    for slug in missing:
        close = difflib.get_close_matches(slug, slugs, n=3, cutoff=0.6)
        named.append(f"'{slug}'" + (f" (mungkin maksudnya: {', '.join(close)})" if close else ""))
    listed = ", ".join(slugs[:SLUGS_LISTED]) or "-"
    if len(slugs) > SLUGS_LISTED:
        listed += f" … dan {len(slugs) - SLUGS_LISTED} lainnya"
    return InputError(
        f"kecamatan {', '.join(named)} tidak ditemukan di konfigurasi kota. "
        f"Slug kecamatan yang ada: {listed}"
    )
