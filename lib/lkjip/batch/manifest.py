"""The manifest of a city-year: what each report depends on, and what was written.

``outputs/<kota>/<tahun>/manifest.json`` records per kecamatan the hash of everything its report
depends on (inputs, narrative, city config, notebooks, templates, library, city-summary slice)
and the hashes of the files written. Unchanged kecamatan are skipped; a draft is proven to be
lkjip's own only when its hash matches the one recorded here (:mod:`lkjip.batch.drafts`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import lkjip
from lkjip.config import CityConfig, KecamatanEntry
from lkjip.files import write_bytes, write_text
from lkjip.loader import data_files
from lkjip.narasi import NARRATIVE_FILE
from lkjip.paths import TEMPLATES, notebooks_dir

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()


@cache
def code_hash() -> str:
    """Notebooks, templates and the library itself (its sources and presets)."""
    library = Path(lkjip.__file__).parent
    files = sorted(
        [
            *library.rglob("*.py"),
            *library.rglob("*.yaml"),
            *sorted(notebooks_dir().glob("*.ipynb")),
            *sorted(p for p in TEMPLATES.iterdir() if p.is_file()),
        ]
    )
    return _digest(files)


def input_hash(
    config: CityConfig, entry: KecamatanEntry, city_view: str, rendering: str = ""
) -> str:
    """Everything the report of ``entry`` depends on; ``city_view`` is what it shows of the other
    kecamatan (:meth:`lkjip.report.ranking.Comparison.key`); ``rendering`` how it is rendered
    when not by the embedded renderer (``quarto``, ``quarto+proyek``)."""
    folder = config.data_path(entry)
    photos = sorted((folder / "foto").glob("*")) if (folder / "foto").is_dir() else []
    logo = [config.logo_path] if config.logo_path else []
    inputs = [*data_files(folder), folder / NARRATIVE_FILE, *photos, config.path, *logo]
    h = hashlib.sha256()
    parts = [_digest(inputs), code_hash(), city_view, entry.model_dump_json()]
    for part in [*parts, rendering] if rendering else parts:
        h.update(part.encode())
    return h.hexdigest()


@dataclass
class Manifest:
    """``kecamatan``: per built report, its input hash and written files. ``survei``: phase-1
    results by the digest of their inputs (so an unchanged city is not validated again).
    ``rekap``: the hash of the city recap last written. ``narasi_kosong``: the narrative
    sections still empty in each draft on disk, by the digest of the draft (reading a draft
    costs more than the rest of a batch where nothing changed)."""

    path: Path
    entries: dict[str, dict[str, object]] = field(default_factory=dict)
    survey: dict[str, dict[str, object]] = field(default_factory=dict)
    recap: str = ""
    unfilled: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest in ``folder``; an empty one when it is missing, truncated or garbled
        (then nothing is skipped and no draft is taken for lkjip's own)."""
        path = folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {k: v for k, v in dict(data["kecamatan"]).items() if _is_entry(v)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path)
        survey = data.get("survei")
        recap = data.get("rekap")
        unfilled = data.get("narasi_kosong")
        return cls(
            path,
            entries,
            survey if isinstance(survey, dict) else {},
            recap if isinstance(recap, str) else "",
            {
                digest: titles
                for digest, titles in (unfilled.items() if isinstance(unfilled, dict) else ())
                if isinstance(titles, list) and all(isinstance(t, str) for t in titles)
            },
        )

    def save(self) -> None:
        data = {
            "kecamatan": self.entries,
            "survei": self.survey,
            "rekap": self.recap,
            "narasi_kosong": self.unfilled,
        }
        text = json.dumps(data, indent=1, sort_keys=True)
        write_text(self.path, text)

    def unchanged(self, slug: str, digest: str, folder: Path) -> bool:
        """Same inputs as last time and every file written then still there."""
        entry = self.entries.get(slug)
        if not entry or entry.get("input") != digest:
            return False
        return all((folder / name).exists() for name in entry.get("files", {}))  # type: ignore[union-attr]

    def files(self, slug: str) -> list[str]:
        """The files written for ``slug`` by its last recorded build."""
        return sorted(self.entries.get(slug, {}).get("files", {}))  # type: ignore[arg-type]

    def wrote(self, slug: str, name: str, path: Path) -> bool:
        """Whether the file at ``path`` is, byte for byte, the ``name`` written for ``slug``."""
        recorded = self.entries.get(slug, {}).get("files", {})
        digest = recorded.get(name) if isinstance(recorded, dict) else None
        return isinstance(digest, str) and sha256(path.read_bytes()) == digest

    def record(
        self,
        slug: str,
        digest: str,
        files: dict[str, bytes],
        built_at: str = "",
        seconds: float = 0.0,
    ) -> None:
        self.entries[slug] = {
            "input": digest,
            "files": {name: sha256(data) for name, data in sorted(files.items())},
            "disusun": built_at,
            "detik": round(seconds, 2),
        }

    def unfilled_in(
        self, drafts: dict[str, Path], read: Callable[[Path], list[str]]
    ) -> dict[str, list[str]]:
        """For each named draft, the narrative sections still empty in it: ``read`` once per
        version of the file (by its digest), then remembered for the drafts on disk only."""
        found: dict[str, list[str]] = {}
        remembered: dict[str, list[str]] = {}
        for name, draft in drafts.items():
            try:
                digest = sha256(draft.read_bytes())
            except OSError:
                found[name] = []
                continue
            titles = self.unfilled.get(digest)
            if titles is None:
                titles = read(draft)
            found[name] = remembered[digest] = titles
        self.unfilled = remembered
        return found

    def built(self, slug: str) -> tuple[str, float]:
        """When the recorded build of ``slug`` ran and how many seconds it took."""
        entry = self.entries.get(slug, {})
        at, seconds = entry.get("disusun"), entry.get("detik")
        return (
            at if isinstance(at, str) else "",
            float(seconds) if isinstance(seconds, int | float) else 0.0,
        )


def _is_entry(value: object) -> bool:
    """A kecamatan entry as :meth:`Manifest.record` writes it."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("input"), str)
        and isinstance(value.get("files"), dict)
    )


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Each file to a temporary name, then renamed into place: never half-written, no temporary
    file left when the disk is full (:mod:`lkjip.files`)."""
    for name, data in files.items():
        write_bytes(folder / name, data)
