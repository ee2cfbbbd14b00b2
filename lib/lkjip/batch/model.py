"""What a batch knows about each kecamatan: its phase-1 figures and its build outcome."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from lkjip.formatting import DEFAULT_PEMBULATAN, Pembulatan

Status = str  # "berhasil" | "gagal" | "dilewati" (unchanged since the last build) | "tidak valid"
OK, FAILED, SKIPPED, INVALID = "berhasil", "gagal", "dilewati", "tidak valid"
RECAP_XLSX = "rekap.xlsx"


@dataclass
class KecamatanRow:
    """One kecamatan of a city batch. Paths are relative to the city-year folder
    (``outputs/<kota>/<tahun>/``) so the status page and the recap can link to them."""

    slug: str
    nama: str
    status: Status = ""
    capaian: Decimal | None = None  # mean IKU capaian, uncapped, percent
    kategori: str | None = None
    serapan: Decimal | None = None  # budget absorption, percent
    pagu: int | None = None
    realisasi: int | None = None
    errors: list[str] = field(default_factory=list)  # validation errors (one line each)
    warnings: list[str] = field(default_factory=list)  # validation warnings
    reason: str = ""  # why it failed, or a note ("draf diarsipkan ke …")
    seconds: float = 0.0
    docx: str = ""  # e.g. "perak/LKjIP_Perak_2024.docx"
    pdf: str = ""
    notebooks: list[str] = field(default_factory=list)
    validation: str = ""  # e.g. "perak/validasi.txt"
    archived: list[str] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)  # narrative sections still empty in the draft
    built_at: str = ""  # when its draft was built (ISO, local time), in this batch or before
    build_seconds: float = 0.0  # how long that build took

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("capaian", "serapan"):
            data[key] = None if data[key] is None else str(data[key])
        return data

    def survey_dict(self) -> dict[str, object]:
        """The phase-1 part of the row (what :func:`from_survey` restores), JSON-ready."""
        data = self.as_dict()
        return {key: data[key] for key in SURVEY_FIELDS}

    @classmethod
    def from_survey(cls, data: dict[str, object]) -> KecamatanRow:
        values = {key: data.get(key) for key in SURVEY_FIELDS}
        for key in ("capaian", "serapan"):
            values[key] = None if values[key] is None else Decimal(str(values[key]))
        return cls(**values)  # type: ignore[arg-type]


SURVEY_FIELDS = (
    "slug",
    "nama",
    "status",
    "capaian",
    "kategori",
    "serapan",
    "pagu",
    "realisasi",
    "errors",
    "warnings",
    "reason",
)


@dataclass
class CityBatch:
    """One city-year of a batch: identity and its kecamatan rows in config order."""

    slug: str  # config file stem, e.g. "kota-bekasi"
    nama: str  # "Kota Bekasi"
    tahun: int
    akronim: str
    folder: Path  # outputs/<kota>/<tahun>
    rows: list[KecamatanRow] = field(default_factory=list)
    pembulatan: Pembulatan = DEFAULT_PEMBULATAN  # the city's rounding (aturan.pembulatan)

    @property
    def recap_xlsx(self) -> Path:
        return self.folder / RECAP_XLSX

    @property
    def recap_docx(self) -> Path:
        return self.folder / f"Rekap_{self.akronim}_{self.slug}_{self.tahun}.docx"
