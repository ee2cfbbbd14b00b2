"""BAB I, Struktur Organisasi: the lead-in and the organisation chart."""

from __future__ import annotations

from lkjip.loader import Row
from lkjip.report.bab1.helpers import _narrative_if_present
from lkjip.report.blocks import Block, Heading, Inline, Para, Ref
from lkjip.report.common import hitung
from lkjip.report.context import ReportContext
from lkjip.report.orgchart import OrgChart, Unit


# --- struktur organisasi ----------------------------------------------------------------------
def _units(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("unit_organisasi") if r.get("kode") and r.get("nama")]


def struktur_organisasi(ctx: ReportContext) -> list[Block]:
    """Heading, the legal basis of the organisation, the narrative when written."""
    if not ctx.enabled("struktur"):
        return []
    units = _units(ctx)
    narrative = _narrative_if_present(ctx, "struktur-organisasi")
    content: list[Inline] = []
    dasar = str(ctx.data.profil.get("dasar_hukum_sotk") or "").strip().rstrip(".")
    if dasar:
        content.append(
            f"Kedudukan, susunan organisasi, tugas dan fungsi Kecamatan {ctx.kecamatan} diatur "
            f"dalam {dasar}."
        )
    if units:
        roots, _, _ = _tree(units)
        count = (
            f"{hitung(len(units) - 1)} unit di bawah Camat"
            if len(roots) == 1
            else f"{hitung(len(units))} unit"
        )
        lead = " " if content else ""
        content += [
            f"{lead}Susunan organisasi Kecamatan {ctx.kecamatan} terdiri atas {count}, "
            "sebagaimana digambarkan pada ",
            Ref("fig-bab1-struktur"),
            ".",
        ]
    if not content and not narrative:
        return []
    blocks: list[Block] = [Heading("Struktur Organisasi", 2)]
    if content:
        blocks.append(Para(content))
    return blocks + narrative


def _tree(units: list[Row]) -> tuple[list[str], dict[str, list[str]], dict[str, Row]]:
    by_code = {str(u["kode"]): u for u in units}
    children: dict[str, list[str]] = {code: [] for code in by_code}
    roots = []
    for code, unit in by_code.items():
        parent = str(unit.get("induk") or "")
        if parent in by_code and parent != code:
            children[parent].append(code)
        else:
            roots.append(code)
    return roots, children, by_code


def bagan_struktur(ctx: ReportContext) -> OrgChart | None:
    """fig-bab1-struktur: the organisation chart as data (units, heads, the unit above each);
    the renderer draws it (report/orgchart.py): the head unit on top, one column per unit below
    it, their own sub-units stacked under each column."""
    units = _units(ctx)
    if not ctx.enabled("struktur") or not units:
        return None
    return OrgChart(
        units=tuple(
            Unit(
                kode=str(u["kode"]),
                nama=str(u["nama"]),
                kepala=str(u.get("kepala") or ""),
                induk=str(u.get("induk") or ""),
            )
            for u in units
        )
    )
