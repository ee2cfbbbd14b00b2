"""The whole city: its kecamatan, their comparison, and writing the CSV files and config."""

from __future__ import annotations

import csv
import random
from decimal import Decimal
from pathlib import Path

import yaml

from lkjip.files import atomic_write, write_bytes, write_text
from lkjip.sample.anggaran import STRESS_ROWS
from lkjip.sample.builder import _Builder
from lkjip.sample.common import AVERAGE_NAME, CITY, CITY_SLUG, PROVINCE, _d, _fmt, _Kecamatan
from lkjip.sample.names import FIRST_KECAMATAN, _city_names
from lkjip.sample.variants import (
    _DEMO_VARIANTS,
    _KABUPATEN,
    _KABUPATEN_FIRST,
    _KABUPATEN_SLUG,
    _as_kabupaten,
    budget_per_program,
    parse_variants,
)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8 CSV with LF line ends; cells are quoted only when needed (e.g. ``"75,25"``)."""

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)

    atomic_write(path, write)


# --- the city ----------------------------------------------------------------------------------


def _pembanding(kecamatan: list[_Kecamatan], tahun: int) -> None:
    """City averages (and the best other kecamatan) for the AKIP and IKM IKU."""
    header = ["indikator", "tahun", "level", "nama", "nilai"]
    for k in kecamatan:
        rows = []
        for code in ("IKU1", "IKU2"):
            values = [other.iku[code] for other in kecamatan]
            mean = _d(sum(values, Decimal(0)) / len(values))
            rows.append([code, str(tahun), "kota", AVERAGE_NAME, _fmt(mean)])
            others = [o for o in kecamatan if o is not k]
            if others:
                best = max(others, key=lambda o: (o.iku[code], -o.index))
                rows.append([code, str(tahun), "kecamatan_lain", f"Kecamatan {best.nama}",
                             _fmt(best.iku[code])])  # fmt: skip
        k.sheets["pembanding"] = (header, rows)


def generate_city(
    out_dir: Path,
    kecamatan: int,
    seed: int,
    tahun: int = 2024,
    anggaran: int | None = None,
    varian: str | list[str] | tuple[str, ...] = "",
) -> Path:
    """Write out_dir/params/kota-contoh.yaml and out_dir/data/kota-contoh/<tahun>/<slug>/*.csv
    (+ narasi.md) for N kecamatan; return the YAML path. ``anggaran``: at least that many rows
    in each kecamatan's anggaran sheet (extra sub-kegiatan, each with its output indicator), to
    measure how the build scales with the budget's size. ``varian``: shapes of data (one, a
    list, or comma-separated; see :data:`VARIANTS`): "stres" gives every kecamatan long program,
    kegiatan and sub-kegiatan names, at least 40 sub-kegiatan and a budget above Rp 1 triliun,
    to test how the report lays out; "kabupaten" writes Kabupaten Contoh
    (params/kabupaten-contoh.yaml) instead; "anggaran-program" gives the pagu per program only
    and the realisasi per kelompok belanja (:func:`budget_per_program`). The demo kecamatan 4, 5
    and 6 always show their own shape (:data:`_DEMO_VARIANTS`)."""
    variants = parse_variants(varian)
    stress = "stres" in variants
    if stress:
        anggaran = max(anggaran or 0, STRESS_ROWS)
    if kecamatan < 1:
        raise ValueError("kecamatan must be at least 1")
    out_dir = Path(out_dir)
    kabupaten = "kabupaten" in variants
    first = _KABUPATEN_FIRST if kabupaten else FIRST_KECAMATAN
    names = _city_names(random.Random(seed), kecamatan, first)
    built = []
    nips: set[str] = set()
    for index, nama in enumerate(names):
        neighbours = [names[j] for j in (index - 1, index + 1, index + 2) if 0 <= j < len(names)]
        own = variants | ({_DEMO_VARIANTS[index]} if index in _DEMO_VARIANTS else set())
        builder = _Builder(
            seed, index, nama, neighbours, tahun, nips, anggaran, stress, frozenset(own)
        )
        built.append(builder.build())
        if "anggaran-program" in own:
            budget_per_program(builder)
    _pembanding(built, tahun)
    city, slug = (_KABUPATEN, _KABUPATEN_SLUG) if kabupaten else (CITY, CITY_SLUG)
    words = _as_kabupaten if kabupaten else str
    data_root = out_dir / "data" / slug / str(tahun)
    for k in built:
        folder = data_root / k.slug
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.csv"):  # a sheet of an earlier run this shape has not
            if stale.stem not in k.sheets:
                stale.unlink()
        for sheet, (header, rows) in k.sheets.items():
            _write_csv(folder / f"{sheet}.csv", header, [[words(c) for c in r] for r in rows])
        write_text(folder / "narasi.md", words(k.narasi))
        if k.photos:
            for name, png in k.photos.items():
                write_bytes(folder / "foto" / name, png)
    periode = f"{tahun - 2}-{tahun + 2}"
    config = {
        "nama": city,
        "jenis": "kabupaten" if kabupaten else "kota",
        "provinsi": PROVINCE,
        "logo": None,
        "tahun": tahun,
        "label": {
            "judul": "Laporan Kinerja Instansi Pemerintah",
            "akronim": "LKjIP",
            "dokumen_perencanaan": "RPJMD",
            "periode_perencanaan": periode,
            "periode_renstra": periode,
        },
        "aturan": {"preset": "permendagri-5"},
        "kecamatan": [
            {"slug": k.slug, "nama": k.nama, "data": f"../data/{slug}/{tahun}/{k.slug}"}
            for k in built
        ],
    }
    params = out_dir / "params"
    params.mkdir(parents=True, exist_ok=True)
    path = params / f"{slug}.yaml"
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, default_flow_style=False)
    what = "kabupaten (--varian kabupaten)" if kabupaten else "city"
    header = f"# {city}: synthetic {what} generated by lkjip.sample (seed {seed}).\n"
    write_text(path, header + text)
    return path
