"""Helpers the sections of BAB III share: sources, number cells, sasaran names, trends."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip.formatting import angka, angka_bertanda
from lkjip.metrics.capaian import IndicatorResult, SasaranResult
from lkjip.metrics.tren import Trend, YearValue, trend
from lkjip.report.blocks import Heading
from lkjip.report.context import ReportContext

SUMBER_OLAHAN = "Data capaian kinerja Kecamatan {kecamatan} Tahun {tahun}, diolah"
SUMBER_ANGGARAN = "Data realisasi anggaran Kecamatan {kecamatan} Tahun {tahun}, diolah"


TINGKAT = {
    "kecamatan_lain": "Kecamatan lain",
    "kecamatan": "Kecamatan",
    "kota": "Kota",
    "kabupaten": "Kabupaten",
    "provinsi": "Provinsi",
    "nasional": "Nasional",
    "internasional": "Internasional",
}


# --- helpers -----------------------------------------------------------------------------------
def _source(template: str, ctx: ReportContext) -> str:
    return template.format(kecamatan=ctx.kecamatan, tahun=ctx.tahun)


def _pct(number: Decimal | None) -> str:
    """A percentage in a column headed "(%)": 104,74."""
    return angka(number)


def _money(amount_: int | None) -> str:
    """Rupiah in a column headed "(Rp)": 3.180.247.616 ("-" when not recorded)."""
    return angka(amount_, 0)


def _small_heading(text: str) -> Heading:
    """A sub-heading of the per-sasaran analysis: a real (unnumbered) heading, so it shows in
    Word's navigation pane and stays with the paragraph after it."""
    return Heading(text, level=4)


def _join(items: Sequence[str]) -> str:
    """ "a", "a dan b", "a, b dan c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _numbered(ctx: ReportContext) -> list[tuple[int, SasaranResult]]:
    return list(enumerate(ctx.sasaran, start=1))


def _all_sasaran_names(ctx: ReportContext) -> dict[str, str]:
    return {str(r.get("kode")): str(r.get("uraian") or "") for r in ctx.data.table("sasaran")}


def _known(values: list[YearValue]) -> list[YearValue]:
    return [v for v in values if v.realisasi is not None]


# Consecutive tables of one section from one source print the source once, after the group
# (:func:`lkjip.report.common.grouped_source`). Each group lists whether each of its tables is
# shown, in the order of the notebook; a table's source is then ``_group_source(...)``.
TREN_NOTE = "; ▲ naik, ● tetap, ▼ turun dibanding tahun sebelumnya"


def _arrow(t: Trend) -> str:
    """The "Tren" cell: the arrow and the signed change, "▲ +1,67", "▼ −0,01", "● 0"."""
    return t.simbol if t.perubahan is None else f"{t.simbol} {angka_bertanda(t.perubahan)}"


def _trends(ctx: ReportContext) -> dict[str, Trend]:
    return {r.kode: trend(r, ctx.data, ctx.rules) for r in ctx.iku}


def _all_indicators(ctx: ReportContext) -> list[IndicatorResult]:
    seen: set[str] = set()
    results = []
    for result in [
        *ctx.iku,
        *(
            r
            for level in ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
            for r in ctx.indicators(level)
        ),
    ]:
        if result.kode not in seen:
            seen.add(result.kode)
            results.append(result)
    return results


def _by_program(ctx: ReportContext, results: list[IndicatorResult]) -> list[tuple[str, list]]:
    """Program indicators grouped under their program's name, in budget order."""
    groups: list[tuple[str, list]] = []
    names = {p.kode: p.nama for p in ctx.budget.children}
    order = [p.kode for p in ctx.budget.children]
    order += [r.induk for r in results if r.induk not in order]
    for kode in dict.fromkeys(order):
        mine = [r for r in results if r.induk == kode]
        if mine:
            groups.append((names.get(kode, kode), mine))
    return groups
