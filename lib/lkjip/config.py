"""City configs (``params/<kota>.yaml``) loaded into validated models."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lkjip.inputs import image_format, is_inside, is_regular_file, os_reason, real
from lkjip.memo import Recent, files_digest
from lkjip.paths import REPOSITORY
from lkjip.problems import InputError
from lkjip.rules import Aturan, load_rules

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LOGO_FORMATS = ("PNG", "JPEG")


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid")
    judul: str = "Laporan Kinerja Instansi Pemerintah"
    akronim: str = Field("LKjIP", max_length=20)  # it begins every report's file name
    dokumen_perencanaan: Literal["RPJMD", "RPD"] = "RPJMD"
    periode_perencanaan: str = ""
    periode_renstra: str = ""


class KecamatanEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str = Field(pattern=SLUG, max_length=100)
    nama: str = Field(max_length=100)
    data: Path
    aturan: dict[str, object] = Field(default_factory=dict)


class CityConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nama: str
    jenis: Literal["kota", "kabupaten"]
    provinsi: str = ""
    logo: Path | None = None
    tahun: int = Field(ge=1990, le=2100)
    label: Label = Field(default_factory=Label)
    aturan: dict[str, object] = Field(default_factory=dict)
    boilerplate: dict[str, str] = Field(default_factory=dict)
    bagian_nonaktif: list[str] = Field(default_factory=list)
    # The renderer this city's reports use unless --renderer says otherwise (None: embedded).
    renderer: Literal["embedded", "quarto"] | None = None
    kecamatan: list[KecamatanEntry] = Field(min_length=1)
    path: Path = Path(".")

    @field_validator("kecamatan")
    @classmethod
    def _unique_slugs(cls, entries: list[KecamatanEntry]) -> list[KecamatanEntry]:
        seen: set[str] = set()
        for entry in entries:
            if entry.slug in seen:
                raise ValueError(f"slug kecamatan '{entry.slug}' dipakai lebih dari sekali")
            seen.add(entry.slug)
        return entries

    @property
    def slug(self) -> str:
        return self.path.stem

    @property
    def logo_path(self) -> Path | None:
        """The city's logo image for the cover (``logo:`` is relative to the config file)."""
        return real(self.path.parent / self.logo) if self.logo else None

    def data_path(self, entry: KecamatanEntry) -> Path:
        return real(self.path.parent / entry.data)

    def rules_for(self, entry: KecamatanEntry | None = None) -> Aturan:
        spec = dict(self.aturan)
        if entry is not None:
            spec.update(entry.aturan)
        return load_rules(spec)

    def other_names(self, entry: KecamatanEntry | None = None) -> tuple[str, ...]:
        """The names of the city's kecamatan other than ``entry`` (all of them without one)."""
        return tuple(e.nama for e in self.kecamatan if entry is None or e.slug != entry.slug)

    def find(self, slug: str) -> KecamatanEntry:
        for entry in self.kecamatan:
            if entry.slug == slug:
                return entry
        known = ", ".join(e.slug for e in self.kecamatan)
        raise InputError(f"{self.path}: kecamatan '{slug}' tidak ada; yang ada: {known}")


_PYDANTIC_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci tidak dikenal",
    "literal_error": "pilihan tidak dikenal",
    "string_type": "harus teks",
    "int_parsing": "harus bilangan bulat",
    "int_type": "harus bilangan bulat",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "string_pattern_mismatch": "hanya huruf kecil, angka dan tanda hubung (mis. bekasi-utara)",
    "too_short": "tidak boleh kosong",
    "string_too_long": "terlalu panjang",
    "list_type": "harus daftar",
    "dict_type": "harus pemetaan kunci: nilai",
    "model_type": "harus pemetaan kunci: nilai",
}


def explain_validation_error(exc: ValidationError) -> list[str]:
    """Indonesian one-liners for a pydantic error: field path, what is wrong, what was found."""
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(akar)"
        text = _PYDANTIC_MESSAGES.get(err["type"])
        if text is None:
            message = str(err.get("msg", ""))
            text = (
                message.removeprefix("Value error, ") if "Value error" in message else "tidak sah"
            )
        if err["type"] == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            text += f" (pilihan: {expected})"
        found = err.get("input")
        if err["type"] not in ("missing",) and not isinstance(found, dict | list):
            text += f"; ditemukan '{found}'"
        lines.append(f"{where}: {text}")
    return lines


_RECENT: Recent[CityConfig] = Recent()


def load_config(path: Path) -> CityConfig:
    """Read a city config; every problem raises :class:`InputError` with an Indonesian message.
    The result is remembered for the same file contents; treat it as read-only."""
    if not path.exists():
        raise InputError(f"{path}: berkas konfigurasi tidak ditemukan")
    key = (str(path), str(path.resolve()), files_digest([path]))
    return _RECENT.get(key, lambda: _load_config(path))


def _load_config(path: Path) -> CityConfig:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: berkas konfigurasi tidak dapat dibaca ({os_reason(exc)})"
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path} baris {line}: berkas konfigurasi bukan UTF-8 (ditemukan bita "
            f"0x{raw[exc.start]:02X}, mis. huruf beraksen dari Windows-1252); simpan ulang "
            "dengan pengodean UTF-8"
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" baris {mark.line + 1}" if mark else ""
        raise InputError(f"{path}{line}: YAML tidak sah") from exc
    except RecursionError as exc:  # the YAML parser recurses once per nesting level
        raise InputError(
            f"{path}: YAML bersarang terlalu dalam (kurung atau daftar di dalam daftar ribuan "
            "tingkat); konfigurasi kota cukup beberapa tingkat"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: isi konfigurasi harus pemetaan kunci: nilai")
    try:
        config = CityConfig.model_validate({**data, "path": path.resolve()})
    except ValidationError as exc:
        raise InputError(
            "\n".join(f"{path}: {line}" for line in explain_validation_error(exc))
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: isi konfigurasi bersarang terlalu dalam") from exc
    for entry in [None, *config.kecamatan]:
        try:
            config.rules_for(entry)
        except ValidationError as exc:
            raise InputError(
                "\n".join(f"{path}: aturan.{line}" for line in explain_validation_error(exc))
            ) from exc
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
    if config.logo is not None:
        check_logo(path, config.logo)
    return config


def check_logo(path: Path, logo: Path) -> None:
    """The city's logo (``logo:``, relative to the config file at ``path``) is a PNG or JPEG
    image inside the config's folder tree or the repository's data/ or params/ folders: it is
    embedded in every report, so nothing else may be read through it."""
    target = path.parent / logo
    places = (path.parent, REPOSITORY / "data", REPOSITORY / "params")
    if not any(is_inside(target, place) for place in places):
        raise InputError(
            f"{path}: logo: berkas {logo} berada di luar folder yang diizinkan (folder "
            f"konfigurasi {path.parent} dan subfoldernya, atau folder data/ dan params/ "
            "repositori)"
        )
    if not target.exists():
        raise InputError(
            f"{path}: logo: berkas {logo} tidak ditemukan (relatif terhadap {path.parent})"
        )
    if not is_regular_file(target):
        raise InputError(f"{path}: logo: {logo} bukan berkas biasa")
    found = image_format(target)
    if found not in LOGO_FORMATS:
        raise InputError(
            f"{path}: logo: berkas {logo} bukan gambar PNG atau JPEG"
            + (f" (ditemukan {found})" if found else "")
        )
