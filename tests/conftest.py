from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkjip.config import load_config
from lkjip.formatting import DEFAULT_PEMBULATAN, set_pembulatan
from lkjip.loader import KecamatanData, load_kecamatan
from lkjip.report.blocks import Ref, Strong
from lkjip.report.context import ReportContext, open_report
from lkjip.rules import Aturan

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "params"
PERAK = ROOT / "data/kabupaten-jombang/2024/perak"
BEKASI_UTARA = ROOT / "data/kota-bekasi/2024/bekasi-utara"


@pytest.fixture(autouse=True)
def _default_rounding():
    """Every test starts with the default rounding (a report opened with a city's rule changes
    it for the process: lkjip.formatting.set_pembulatan)."""
    set_pembulatan(DEFAULT_PEMBULATAN)
    yield
    set_pembulatan(DEFAULT_PEMBULATAN)


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(
    *args: str | Path,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> CliResult:
    """Run the real ``lkjip`` entry point in a subprocess (``env``: variables to set or, with
    an empty value, to unset); ``timeout`` guards against a hang (it is not a performance
    limit: a busy machine may be several times slower)."""
    unset = {key for key, value in (env or {}).items() if value == ""}
    env = {**os.environ, "COLUMNS": "200", **(env or {})}
    env = {key: value for key, value in env.items() if key not in unset}
    env.pop("LKJIP_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-c", "from lkjip.cli import main; main()", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def city(name: str, slug: str) -> tuple[KecamatanData, Aturan, int]:
    config = load_config(PARAMS / f"{name}.yaml")
    entry = config.find(slug)
    return load_kecamatan(config.data_path(entry)), config.rules_for(entry), config.tahun


@pytest.fixture(scope="session")
def perak_data() -> tuple[KecamatanData, Aturan, int]:
    return city("kabupaten-jombang", "perak")


@pytest.fixture(scope="session")
def bekasi_utara_data() -> tuple[KecamatanData, Aturan, int]:
    return city("kota-bekasi", "bekasi-utara")


@pytest.fixture
def perak_copy(tmp_path: Path) -> Path:
    """A writable copy of the Perak CSV folder."""
    target = tmp_path / "perak"
    shutil.copytree(PERAK, target)
    return target


# --- report contexts of the sample kecamatan, shared by the chapter tests ------------------------
@pytest.fixture(scope="session")
def perak() -> ReportContext:
    return open_report(PARAMS / "kabupaten-jombang.yaml", "perak")


@pytest.fixture(scope="session")
def bekasi() -> ReportContext:
    return open_report(PARAMS / "kota-bekasi.yaml", "bekasi-utara")


@pytest.fixture(scope="session")
def sukamaju() -> ReportContext:
    return open_report(PARAMS / "kota-contoh.yaml", "sukamaju")


@pytest.fixture(scope="session")
def mekarsari() -> ReportContext:
    return open_report(PARAMS / "kota-contoh.yaml", "mekarsari")


def inline_text(content: list) -> str:
    """Sentence pieces as one string; references shown as ``@label``."""
    return "".join(
        f"@{i.label}" if isinstance(i, Ref) else i.text if isinstance(i, Strong) else i
        for i in content
    )


def switched_off(ctx: ReportContext, *parts: str) -> ReportContext:
    """The same kecamatan with parts of the report switched off by the city."""
    config = ctx.config.model_copy(update={"bagian_nonaktif": list(parts)})
    return dataclasses.replace(ctx, config=config)
