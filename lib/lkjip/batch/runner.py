"""Run a batch: phase 1 (survey every kecamatan, no kernel), then phase 2 (build the reports on
parallel warm workers, locally or on a Dask cluster), storing artifacts with the manifest."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lkjip.batch.drafts import DraftError, check_closed, make_room
from lkjip.batch.leftover import unfilled_sections
from lkjip.batch.manifest import Manifest, input_hash, write_files
from lkjip.batch.model import FAILED, INVALID, OK, SKIPPED, CityBatch, KecamatanRow
from lkjip.batch.pool import LocalPool
from lkjip.batch.survey import city_folder, city_summary_json, survey_city
from lkjip.batch.unit import UnitResult, UnitTask, pack_inputs, run_unit
from lkjip.config import CityConfig
from lkjip.report.build import report_name
from lkjip.report.formats import renderer_for
from lkjip.report.ranking import comparison, ranked

VALIDATION = "validasi.txt"
Events = Callable[[str, str], None]  # (kecamatan label, stage message)
Phases = Callable[[str, int], None]  # (what the phase does, how many kecamatan it counts)


@dataclass
class Job:
    city: CityBatch
    manifest: Manifest
    row: KecamatanRow
    digest: str
    task: UnitTask
    city_config: CityConfig

    @property
    def label(self) -> str:
        return f"{self.city.slug}/{self.row.slug}"


def _links(row: KecamatanRow, names: list[str]) -> None:
    """Fill the row's relative links from the file names of its folder: an executed notebook
    as its readable HTML page where there is one."""
    row.docx = next((f"{row.slug}/{n}" for n in names if n.endswith(".docx") and "/" not in n), "")
    row.pdf = next((f"{row.slug}/{n}" for n in names if n.endswith(".pdf") and "/" not in n), "")
    notebooks = [n for n in names if n.startswith("notebooks/") and n.endswith(".ipynb")]
    row.notebooks = sorted(
        f"{row.slug}/{page if (page := n[: -len('.ipynb')] + '.html') in names else n}"
        for n in notebooks
    )
    row.validation = f"{row.slug}/{VALIDATION}" if VALIDATION in names else ""


def plan(
    configs: list[CityConfig],
    only: list[str] | None,
    formats: tuple[str, ...],
    renderer: str,
    root: Path,
    force: bool,
    timeout: float,
    on_surveyed: Callable[[str], None] = lambda _label: None,
    keep_project: bool = False,
) -> tuple[list[tuple[CityBatch, Manifest]], list[Job]]:
    """Phase 1: survey, write validation reports of invalid kecamatan, decide what to build.
    ``on_surveyed`` gets the label of each kecamatan once it has been checked. ``renderer`` as
    asked (``auto``: each city's own choice)."""
    cities, jobs = [], []
    for config in configs:
        chosen = renderer_for(renderer, config.renderer)
        keep = keep_project and chosen == "quarto"
        rendering = "" if chosen == "embedded" else chosen + ("+proyek" if keep else "")
        manifest = Manifest.load(city_folder(config, root))
        before = json.dumps(manifest.survey, sort_keys=True)
        city = survey_city(
            config,
            root,
            only,
            manifest.survey,
            lambda r, city=config.slug: on_surveyed(f"{city}/{r.slug}"),
        )
        if json.dumps(manifest.survey, sort_keys=True) != before:
            manifest.save()
        cities.append((city, manifest))
        summary = city_summary_json(city)
        ranking = ranked(summary)
        for row in city.rows:
            folder = city.folder / row.slug
            if row.status == INVALID:
                report = "\n".join(row.errors + row.warnings) or row.reason
                write_files(folder, {VALIDATION: (report + "\n").encode("utf-8")})
                _links(row, [VALIDATION])
                continue
            entry = config.find(row.slug)
            # Only what this report shows of the city: a change elsewhere that leaves its ranking
            # table and chart as they are does not rebuild it.
            digest = input_hash(config, entry, comparison(ranking, row.slug).key(), rendering)
            if not force and manifest.unchanged(row.slug, digest, folder):
                row.status = SKIPPED
                row.built_at, row.build_seconds = manifest.built(row.slug)
                _links(row, manifest.files(row.slug))
                continue
            draft = folder / f"{report_name(config, row.nama)}.docx"
            if "docx" in formats and not _draft_closed(row, draft):
                _links(row, manifest.files(row.slug))
                continue
            task = UnitTask(
                str(config.path), row.slug, formats, chosen, summary, timeout, keep_project=keep
            )
            jobs.append(Job(city, manifest, row, digest, task, config))
    return cities, jobs


def _draft_closed(row: KecamatanRow, draft: Path) -> bool:
    """False (the row failed with the reason) while Word has the draft to be replaced open."""
    try:
        check_closed(draft)
    except DraftError as exc:
        row.status, row.reason = FAILED, str(exc)
        return False
    return True


def store(job: Job, result: UnitResult) -> None:
    """Write what the worker returned. A draft it replaces is archived first unless the manifest
    proves it is lkjip's own; a draft open in Word, or one that cannot be archived, fails this
    kecamatan only, and nothing of it is written."""
    row, folder = job.row, job.city.folder / job.row.slug
    row.seconds = result.seconds
    if not result.ok:
        _store_failure(job, result)
        return
    try:
        archived = make_room(
            folder, result.files, lambda name: job.manifest.wrote(row.slug, name, folder / name)
        )
    except DraftError as exc:
        row.status, row.reason = FAILED, str(exc)
        _links(row, job.manifest.files(row.slug))  # the last build's, still in place
        return
    row.archived += [str(path.relative_to(job.city.folder)) for path in archived]
    write_files(folder, result.files)
    row.built_at = dt.datetime.now().isoformat(timespec="seconds")
    row.build_seconds = result.seconds
    job.manifest.record(row.slug, job.digest, result.files, row.built_at, result.seconds)
    job.manifest.save()  # after the files: an interrupted batch rebuilds, never trusts half
    row.status = OK
    if row.archived:
        row.reason = "draf lama (mungkin sudah disunting) diarsipkan ke " + ", ".join(row.archived)
    _links(row, sorted(result.files))


def _store_failure(job: Job, result: UnitResult) -> None:
    """Keep the executed notebooks (with the error) and the validation report, not drafts; the
    reason names the executed notebook where it is kept."""
    row, folder = job.row, job.city.folder / job.row.slug
    written = {n: d for n, d in result.files.items() if not n.endswith((".docx", ".pdf"))}
    write_files(folder, written)
    row.status, row.reason = FAILED, result.reason_in(folder.absolute())
    _links(row, sorted(written))


def run_local(jobs: list[Job], workers: int, on_event: Events) -> Iterator[tuple[Job, UnitResult]]:
    """Build on ``workers`` local processes (:mod:`lkjip.batch.pool`), each keeping one warm
    IPython shell."""
    pool: LocalPool[Job] = LocalPool(workers)
    yield from pool.run(
        [(job, job.task) for job in jobs], lambda job, message: on_event(job.label, message)
    )


def run_dask(jobs: list[Job], scheduler: str, on_event: Events) -> Iterator[tuple[Job, UnitResult]]:
    """Build on a Dask distributed cluster; workers send the artifacts back as bytes."""
    from dask.distributed import Client
    from dask.distributed import as_completed as dask_completed

    with Client(scheduler) as client:
        futures = {}
        for job in jobs:
            on_event(job.label, "dikirim ke klaster")
            config = job.city_config
            task = dataclasses.replace(
                job.task, bundle=pack_inputs(config, config.find(job.row.slug))
            )
            futures[client.submit(run_unit, task, pure=False, key=f"lkjip-{job.label}")] = job
        for future in dask_completed(futures):
            job = futures.pop(future)  # drop its result (the files) once stored
            try:
                result = future.result()
            except Exception as exc:
                result = UnitResult(job.row.slug, False, reason=f"{exc.__class__.__name__}: {exc}")
            yield job, result


def run_batch(
    configs: list[CityConfig],
    only: list[str] | None = None,
    formats: tuple[str, ...] = ("docx", "pdf"),
    renderer: str = "embedded",
    root: Path = Path("outputs"),
    force: bool = False,
    timeout: float = 600.0,
    workers: int = 1,
    executor: str = "local",
    scheduler: str = "",
    on_event: Events = lambda _label, _message: None,
    on_done: Callable[[Job], None] = lambda _job: None,
    on_phase: Phases = lambda _what, _count: None,
    keep_project: bool = False,
) -> list[CityBatch]:
    """Both phases; returns every city with its rows filled in. Pages and recaps are written.
    Progress: ``on_phase`` at the start of each phase, ``on_event`` for a kecamatan's stages
    (``"diperiksa"`` when phase 1 has checked it), ``on_done`` when its report is stored."""
    count = sum(1 for c in configs for e in c.kecamatan if not only or e.slug in only)
    on_phase("Tahap 1: memeriksa data", count)
    planned, jobs = plan(
        configs,
        only,
        formats,
        renderer,
        root,
        force,
        timeout,
        lambda label: on_event(label, "diperiksa"),
        keep_project,
    )
    if jobs:
        where = f"klaster Dask {scheduler}" if executor == "dask" else f"{workers} proses"
        on_phase(f"Tahap 2: menyusun laporan ({where})", len(jobs))
        results = (
            run_dask(jobs, scheduler, on_event)
            if executor == "dask"
            else run_local(jobs, workers, on_event)
        )
        with contextlib.closing(results):  # a failed write ends the workers at once
            for job, result in results:
                store(job, result)
                on_done(job)
    for city, manifest in planned:
        drafts = {row.slug: city.folder / row.docx for row in city.rows if row.docx}
        unfilled = manifest.unfilled_in(drafts, unfilled_sections)
        for row in city.rows:
            row.unfilled = unfilled.get(row.slug, [])
        publish(city, manifest)
    return [city for city, _manifest in planned]


def publish(city: CityBatch, manifest: Manifest) -> None:
    """The status page, and the city recap unless it would say the same as the one on disk."""
    from lkjip.batch.status_page import write_status_page
    from lkjip.formatting import pembulatan

    with pembulatan(city.pembulatan):  # figures as the city rounds them
        write_status_page(city)
        unchanged = all(row.status == SKIPPED for row in city.rows)
        written = city.recap_xlsx.exists() and city.recap_docx.exists()
        if unchanged and written and manifest.recap == recap_key(city):
            return
        from lkjip.batch.recap import write_recap_docx, write_recap_xlsx

        write_recap_xlsx(city)
        write_recap_docx(city)
    manifest.recap = recap_key(city)
    manifest.save()


def recap_key(city: CityBatch) -> str:
    """What the recap shows. A skipped report is as current as a built one, so both count as
    built: a batch with nothing changed leaves the recap on disk as it is."""
    rows = [
        {**row.survey_dict(), "status": OK if row.status == SKIPPED else row.status}
        for row in city.rows
    ]
    return json.dumps(rows, sort_keys=True)


def exit_ok(cities: list[CityBatch]) -> bool:
    return all(row.status in (OK, SKIPPED) for city in cities for row in city.rows)
