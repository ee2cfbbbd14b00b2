"""Evaluation scores supplied from outside: IKM (service satisfaction) and AKIP (SAKIP score)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData, Row
from lkjip.metrics.capaian import HUNDRED, mean
from lkjip.rules import Aturan, Band, classify

IKM_FACTOR = Decimal(25)
ALL_SERVICES = "Seluruh layanan"
IKM_MIN = Decimal(25)  # the lowest converted IKM (every unsur scored 1)
IKM_MAX = Decimal(100)
STEP = Decimal("0.01")  # IKM bounds are printed with two decimals


@dataclass(frozen=True)
class IkmService:
    layanan: str
    nilai: Decimal | None
    nrr: dict[str, Decimal]
    responden: int | None


@dataclass(frozen=True)
class IkmResult:
    tahun: int
    layanan: list[IkmService]
    nilai: Decimal | None
    mutu: Band | None


def _service(layanan: str, rows: list[Row]) -> IkmService:
    nrr_rows = [r for r in rows if r.get("nrr") is not None]
    nrr: dict[str, list[Decimal]] = defaultdict(list)
    for row in nrr_rows:
        nrr[str(row.get("unsur") or "U?")].append(row["nrr"])  # type: ignore[arg-type]
    per_unsur = {k: mean(v) for k, v in nrr.items()}
    if per_unsur:
        # PermenPAN-RB 14/2017: IKM = mean of the unsur NRR (equal weights 1/9) x 25.
        nilai = mean([v for v in per_unsur.values() if v is not None])
        nilai = None if nilai is None else nilai * IKM_FACTOR
    else:
        nilai = next((r["nilai"] for r in rows if r.get("nilai") is not None), None)  # type: ignore[assignment]
    counts = [r["responden"] for r in rows if isinstance(r.get("responden"), int)]
    return IkmService(layanan, nilai, per_unsur, max(counts) if counts else None)  # type: ignore[arg-type]


def ikm_result(data: KecamatanData, rules: Aturan, tahun: int) -> IkmResult | None:
    """The unit IKM of ``tahun``: mean of the per-service indices, with its mutu band."""
    rows = [r for r in data.table("ikm") if r.get("tahun") == tahun]
    if not rows:
        return None
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[str(row.get("layanan") or ALL_SERVICES)].append(row)
    services = [_service(name, members) for name, members in groups.items()]
    nilai = mean([s.nilai for s in services if s.nilai is not None])
    return IkmResult(tahun, services, nilai, classify(nilai, rules.skala_ikm))


@dataclass(frozen=True)
class UnsurLine:
    """One unsur of the survey: its NRR per service, and the unit's NRR (the mean over the
    services) when every service scored the same unsur."""

    kode: str
    nama: str
    per_layanan: dict[str, Decimal | None]
    nrr: Decimal | None


@dataclass(frozen=True)
class IkmUnsur:
    """The survey's NRR per unsur (rows) for the services that give them.

    ``seragam``: every service of the year scored the same unsur, so the unit's NRR per unsur
    is the mean over the services and mean NRR × 25 is the unit IKM."""

    unsur: list[UnsurLine]
    layanan: list[str]
    seragam: bool
    rata_rata: dict[str, Decimal | None]  # mean NRR per service ("" = the unit)
    nilai: dict[str, Decimal | None]  # mean NRR × 25 per service ("" = the unit)


UNIT = ""


def _unsur_order(codes: set[str], rules: Aturan) -> list[str]:
    known = [c for c in rules.ikm_unsur if c in codes]
    rest = sorted(codes - set(known), key=lambda c: (len(c), c))
    return known + rest


def ikm_unsur(result: IkmResult | None, rules: Aturan) -> IkmUnsur | None:
    """The unsur table of a year's IKM, None when no service gave unsur values. Names from the
    rules (``ikm_unsur``); index = mean NRR × 25 (PermenPAN-RB 14/2017)."""
    if result is None:
        return None
    services = [s for s in result.layanan if s.nrr]
    if not services:
        return None
    codes = _unsur_order({c for s in services for c in s.nrr}, rules)
    seragam = len(services) == len(result.layanan) and all(
        set(s.nrr) == set(codes) for s in services
    )
    lines = []
    for code in codes:
        per = {s.layanan: s.nrr.get(code) for s in services}
        unit = mean([v for v in per.values() if v is not None]) if seragam else None
        lines.append(UnsurLine(code, rules.ikm_unsur.get(code, code), per, unit))
    rata = {s.layanan: mean(list(s.nrr.values())) for s in services}
    if seragam:
        rata[UNIT] = mean([line.nrr for line in lines])
    nilai = {k: None if v is None else v * IKM_FACTOR for k, v in rata.items()}
    return IkmUnsur(lines, [s.layanan for s in services], seragam, rata, nilai)


@dataclass(frozen=True)
class MutuLevel:
    """One level of the IKM mutu scale: its persepsi number (1 = lowest), its NRR and converted
    IKM interval, and its band (mutu code and kinerja label)."""

    persepsi: int
    nrr_bawah: Decimal
    nrr_atas: Decimal
    ikm_bawah: Decimal
    ikm_atas: Decimal
    band: Band


def _lower_bound(band: Band) -> Decimal:
    """The lowest two-decimal IKM a band takes."""
    if band.min is None:
        return IKM_MIN
    return band.min if band.min_inklusif else band.min + STEP


def mutu_scale(rules: Aturan) -> list[MutuLevel]:
    """The rules' IKM scale as the regulation tabulates it, lowest level first: each band's
    converted interval at two decimals (a band above ``min`` starts 0,01 higher) and the NRR
    interval (converted ÷ 25)."""
    bands = rules.skala_ikm
    levels = []
    upper = IKM_MAX
    for band in bands:
        lower = _lower_bound(band)
        levels.append((band, lower, upper))
        if band.min is not None:
            upper = band.min - STEP if band.min_inklusif else band.min
    return [
        MutuLevel(n, lower / IKM_FACTOR, upper / IKM_FACTOR, lower, upper, band)
        for n, (band, lower, upper) in enumerate(reversed(levels), start=1)
    ]


def share_of_weight(nilai: Decimal | None, bobot: Decimal | None) -> Decimal | None:
    """A component's score as a percentage of its weight (bobot)."""
    if nilai is None or not bobot:
        return None
    return nilai / bobot * HUNDRED


@dataclass(frozen=True)
class AkipComponent:
    komponen: str
    bobot: Decimal
    nilai: Decimal | None
    nilai_lke: Decimal | None
    nilai_lapangan: Decimal | None
    row: Row

    @property
    def persen(self) -> Decimal | None:
        return share_of_weight(self.nilai, self.bobot)


@dataclass(frozen=True)
class AkipResult:
    tahun: int
    komponen: list[AkipComponent]
    nilai: Decimal | None
    predikat: Band | None


def component_score(row: Row, rules: Aturan) -> Decimal | None:
    """The stated score, or one computed from the LKE and field scores with the rules' weight."""
    if row.get("nilai") is not None:
        return row["nilai"]  # type: ignore[return-value]
    lke, lapangan = row.get("nilai_lke"), row.get("nilai_lapangan")
    if lke is None:
        return None
    if lapangan is None or rules.akip_bobot_lke is None:
        return lke  # type: ignore[return-value]
    weight = rules.akip_bobot_lke
    return weight * lke + (1 - weight) * lapangan  # type: ignore[operator]


def akip_result(data: KecamatanData, rules: Aturan, tahun: int) -> AkipResult | None:
    """AKIP of ``tahun``: the sum of its component scores and the predicate of that sum."""
    rows = [r for r in data.table("evaluasi_sakip") if r.get("tahun") == tahun]
    if not rows:
        return None
    components = [
        AkipComponent(
            komponen=str(r.get("komponen") or ""),
            bobot=r.get("bobot") or Decimal(0),  # type: ignore[arg-type]
            nilai=component_score(r, rules),
            nilai_lke=r.get("nilai_lke"),  # type: ignore[arg-type]
            nilai_lapangan=r.get("nilai_lapangan"),  # type: ignore[arg-type]
            row=r,
        )
        for r in rows
    ]
    scores = [c.nilai for c in components if c.nilai is not None]
    total = sum(scores, Decimal(0)) if scores else None
    return AkipResult(tahun, components, total, classify(total, rules.skala_akip))


def akip_years(data: KecamatanData, rules: Aturan) -> dict[int, AkipResult]:
    years = sorted({r["tahun"] for r in data.table("evaluasi_sakip") if r.get("tahun")})  # type: ignore[type-var]
    return {y: res for y in years if (res := akip_result(data, rules, y)) is not None}  # type: ignore[arg-type]


# --- Reformasi Birokrasi ------------------------------------------------------------------------
@dataclass(frozen=True)
class RbComponent:
    """One RB component; a component with sub-components scores their sum."""

    kode: str
    komponen: str
    bobot: Decimal | None
    nilai: Decimal | None
    children: tuple[RbComponent, ...]
    row: Row

    @property
    def persen(self) -> Decimal | None:
        return share_of_weight(self.nilai, self.bobot)


@dataclass(frozen=True)
class RbResult:
    tahun: int
    komponen: list[RbComponent]
    nilai: Decimal | None
    predikat: Band | None
    sumber: str

    @property
    def bobot(self) -> Decimal:
        return sum((c.bobot for c in self.komponen if c.bobot is not None), Decimal(0))


def _sum_known(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _first_text(rows: list[Row], column: str) -> str:
    return next((str(r[column]).strip() for r in rows if r.get(column)), "")


def rb_tree(rows: list[Row]) -> list[RbComponent]:
    """The components of one year as a tree (input order). A component whose ``induk`` is empty
    or unknown is a main component; components caught in a cycle are left out."""
    by_code = {str(r["kode"]): r for r in rows if r.get("kode")}
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for code, row in by_code.items():
        parent = str(row.get("induk") or "")
        if parent and parent in by_code and parent != code:
            children[parent].append(code)
        else:
            roots.append(code)

    def build(code: str, seen: frozenset[str]) -> RbComponent:
        row = by_code[code]
        kids = tuple(build(c, seen | {c}) for c in children[code] if c not in seen)
        nilai = _sum_known([k.nilai for k in kids]) if kids else row.get("nilai")
        return RbComponent(
            kode=code,
            komponen=str(row.get("komponen") or ""),
            bobot=row.get("bobot"),  # type: ignore[arg-type]
            nilai=nilai,  # type: ignore[arg-type]
            children=kids,
            row=row,
        )

    return [build(code, frozenset({code})) for code in roots]


def rb_result(data: KecamatanData, rules: Aturan, tahun: int) -> RbResult | None:
    """The Reformasi Birokrasi index of ``tahun``: the sum of its main components, with the
    predicate of the AKIP scale."""
    rows = [r for r in data.table("evaluasi_rb") if r.get("tahun") == tahun]
    if not rows:
        return None
    komponen = rb_tree(rows)
    nilai = _sum_known([c.nilai for c in komponen])
    return RbResult(
        tahun, komponen, nilai, classify(nilai, rules.skala_akip), _first_text(rows, "sumber")
    )


def rb_years(data: KecamatanData, rules: Aturan) -> dict[int, RbResult]:
    years = sorted({r["tahun"] for r in data.table("evaluasi_rb") if r.get("tahun")})  # type: ignore[type-var]
    return {y: res for y in years if (res := rb_result(data, rules, y)) is not None}  # type: ignore[arg-type]


# --- Indeks Pelayanan Publik --------------------------------------------------------------------
@dataclass(frozen=True)
class IppAspect:
    aspek: str
    bobot: Decimal | None
    nilai_indikator: Decimal | None
    nilai: Decimal | None
    row: Row


@dataclass(frozen=True)
class IppResult:
    tahun: int
    aspek: list[IppAspect]
    nilai: Decimal | None
    predikat: Band | None
    sumber: str

    @property
    def bobot(self) -> Decimal:
        return sum((a.bobot for a in self.aspek if a.bobot is not None), Decimal(0))


def ipp_weighted(row: Row) -> Decimal | None:
    """bobot × nilai indikator ÷ 100 (PermenPAN-RB 17/2017), None without both numbers."""
    bobot, score = row.get("bobot"), row.get("nilai_indikator")
    if bobot is None or score is None:
        return None
    return bobot * score / HUNDRED  # type: ignore[operator]


def ipp_aspect_score(row: Row) -> Decimal | None:
    """The stated weighted score of an aspect, else the one computed from bobot and nilai."""
    stated = row.get("nilai")
    return stated if stated is not None else ipp_weighted(row)  # type: ignore[return-value]


def ipp_result(data: KecamatanData, rules: Aturan, tahun: int) -> IppResult | None:
    """The IPP of ``tahun``: the sum of the weighted aspect scores, with its predicate."""
    rows = [r for r in data.table("ipp") if r.get("tahun") == tahun and r.get("aspek")]
    if not rows:
        return None
    aspek = [
        IppAspect(
            aspek=str(r["aspek"]),
            bobot=r.get("bobot"),  # type: ignore[arg-type]
            nilai_indikator=r.get("nilai_indikator"),  # type: ignore[arg-type]
            nilai=ipp_aspect_score(r),
            row=r,
        )
        for r in rows
    ]
    nilai = _sum_known([a.nilai for a in aspek])
    return IppResult(
        tahun, aspek, nilai, classify(nilai, rules.skala_ipp), _first_text(rows, "sumber")
    )
