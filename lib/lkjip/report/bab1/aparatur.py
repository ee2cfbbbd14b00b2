"""BAB I, Kondisi Aparatur: staff by unit, education, golongan, gender, jabatan."""

from __future__ import annotations

import pandas as pd

from lkjip.formatting import angka, persen
from lkjip.loader import Row
from lkjip.metrics.pegawai import (
    DIMENSION_TITLES,
    KANTOR,
    TOTAL,
    UNKNOWN,
    RekapTable,
    by_unit,
    group_of,
    ordered_units,
    pegawai_frame,
    pegawai_pivot,
    pivot,
    pivot_like,
    rekap_by_unit,
    rekap_tables,
    rekap_unit_totals,
    split_by_unit,
    unit_groups,
)
from lkjip.metrics.pegawai import label as staff_label
from lkjip.metrics.pegawai import order as staff_order
from lkjip.report.bab1.helpers import _count, _has, _ratio, _refs, _with_verb
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref, Table
from lkjip.report.chart import Chart, Series
from lkjip.report.common import grouped_source, hitung, join_id, nip, table
from lkjip.report.context import ReportContext
from lkjip.schema import STAFF_CATEGORIES

KATEGORI_KATA = {
    "struktural": "pejabat struktural",
    "fungsional": "pejabat fungsional",
    "pelaksana": "pelaksana",
    "pns": "PNS",
    "pppk": "PPPK",
    "non_asn": "tenaga non-ASN",
}


# --- kondisi aparatur -------------------------------------------------------------------------
# Staff come per person (sheet pegawai) or as totals per dimension (sheet rekap_pegawai). Every
# table keeps the kantor kecamatan and the kelurahan/desa offices apart when staff work in both.
GROUP_WORDS = {
    "Kelurahan": ("kantor kelurahan", "pegawai kelurahan"),
    "Desa": ("kantor desa", "pegawai desa"),
    "Kelurahan/Desa": ("kantor kelurahan/desa", "pegawai kelurahan/desa"),
    "Unit Lain": ("unit kerja lain", "pegawai unit kerja lain"),
}
REKAP_PARTS = ("kategori", "pendidikan", "golongan", "jenis_kelamin")


def _pegawai(ctx: ReportContext) -> list[Row]:
    return ctx.data.table("pegawai")


def _rekap(ctx: ReportContext) -> dict[str, RekapTable]:
    """Staff totals per dimension, when the kecamatan gives totals instead of persons."""
    return {} if _pegawai(ctx) else rekap_tables(ctx.data)


def _aparatur_on(ctx: ReportContext) -> bool:
    return ctx.enabled("aparatur") and (bool(_pegawai(ctx)) or bool(_rekap(ctx)))


def _source_pegawai(ctx: ReportContext) -> str:
    return f"Data Kepegawaian Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}"


def _jabatan_informative(frame: pd.DataFrame) -> bool:
    """Jabatan say more than the kategori (Bekasi Utara's data name the status as jabatan)."""
    return frame["jabatan"].nunique() > frame["kategori"].nunique()


def _shown(ctx: ReportContext) -> dict[str, bool]:
    """Which staff tables the report shows, in their order (their one source follows the last:
    :func:`lkjip.report.common.grouped_source`)."""
    on, rows, rekap = _aparatur_on(ctx), _pegawai(ctx), _rekap(ctx)
    frame = pegawai_frame(ctx.data) if rows else None
    units = rekap_unit_totals(rekap)
    return {
        "unit": on and (split_by_unit(frame) if frame is not None else len(units) > 1),
        "pendidikan": on and _has(rows, "pendidikan"),
        "golongan": on and _has(rows, "golongan"),
        "jk": on and _has(rows, "jenis_kelamin"),
        **{f"rekap-{d}": on and d in rekap for d in REKAP_PARTS},
        "jabatan": on
        and ("jabatan" in rekap or (frame is not None and _jabatan_informative(frame))),
        "diklat": on and ("diklat" in rekap or _has(rows, "diklat")),
        "pejabat": on and bool(_pejabat(ctx)),
    }


def _source_of(ctx: ReportContext, part: str) -> str:
    shown = _shown(ctx)
    return grouped_source(_source_pegawai(ctx), list(shown.values()), list(shown).index(part))


def _counts_table(
    ctx: ReportContext, part: str, counts: pd.DataFrame, first: str, numbered: bool = False
) -> Table:
    """A table of counts by one attribute (rows) with a column per unit group and Jumlah."""
    columns = [c for c in counts.columns if c != TOTAL]
    header = [*(["No"] if numbered else []), first, *columns, TOTAL]
    body = [
        [
            *([str(n)] if numbered else []),
            str(index),
            *(_count(int(counts.loc[index, c])) for c in [*columns, TOTAL]),
        ]
        for n, index in enumerate([i for i in counts.index if i != TOTAL], start=1)
    ]
    label = [Cell(TOTAL, colspan=2)] if numbered else [TOTAL]
    foot = [[*label, *(angka(int(counts.loc[TOTAL, c]), 0) for c in [*columns, TOTAL])]]
    aligns = [*(["center"] if numbered else []), "left", *["right"] * (len(columns) + 1)]
    return table(header, body, aligns=aligns, foot=foot, source=_source_of(ctx, part))  # type: ignore[arg-type]


def _grouped_pivot_table(ctx: ReportContext, part: str, columns: str, title: str) -> Table:
    """Staff by kategori × ``columns``; when staff work outside the kantor kecamatan, the rows
    are grouped by unit (kantor kecamatan, kelurahan/desa), each group with its subtotal."""
    frame = pegawai_frame(ctx.data)
    whole = pivot(frame, "kategori", columns)
    names = [c for c in whole.columns if c != TOTAL]
    header = [
        [
            Cell("Kategori Pegawai", rowspan=2),
            Cell(title, colspan=len(names), align="center"),
            Cell(TOTAL, rowspan=2),
        ],
        [Cell(str(c)) for c in names],
    ]

    def line(pivot_: pd.DataFrame, index: str, text: str, bold: bool = False) -> list[Cell]:
        values = [_count(int(pivot_.loc[index, c])) for c in [*names, TOTAL]]
        return [Cell(text, bold=bold), *(Cell(v, bold=bold) for v in values)]

    body: list[list[Cell]] = []
    groups = unit_groups(frame) if split_by_unit(frame) else [("", frame)]
    for name, part_frame in groups:
        table_ = pivot_like(part_frame, "kategori", columns, whole) if name else whole
        if name:
            body.append([Cell(name, colspan=len(names) + 2, bold=True)])
        body += [line(table_, str(i), str(i)) for i in table_.index if i != TOTAL]
        if name:
            body.append(line(table_, TOTAL, f"{TOTAL} {name}", bold=True))
    foot = [[TOTAL, *(angka(int(whole.loc[TOTAL, c]), 0) for c in [*names, TOTAL])]]
    return table(
        header,
        body,
        aligns=["left", *["right"] * (len(names) + 1)],
        foot=foot,
        source=_source_of(ctx, part),
    )


def tabel_pegawai_unit(ctx: ReportContext) -> list[Block]:
    """Staff per unit (the kantor kecamatan, then each kelurahan/desa office): by kategori when
    entered per person, the unit's total when entered as totals; subtotal of the offices."""
    if not _shown(ctx)["unit"]:
        return []
    if _pegawai(ctx):
        counts = pivot(pegawai_frame(ctx.data), "unit", "kategori")
    else:
        totals = rekap_unit_totals(_rekap(ctx))
        counts = pd.DataFrame({TOTAL: totals}).reindex(ordered_units(list(totals)))
        counts.loc[TOTAL] = counts[TOTAL].sum()
    columns = [c for c in counts.columns if c != TOTAL]
    units = [u for u in counts.index if u != TOTAL]
    body = [[u, *(_count(int(counts.loc[u, c])) for c in [*columns, TOTAL])] for u in units]
    foot = []
    offices = [u for u in units if u != KANTOR]
    if len(offices) > 1:
        group = group_of(offices)
        sums = counts.loc[offices].sum()
        foot.append([f"{TOTAL} {group}", *(angka(int(sums[c]), 0) for c in [*columns, TOTAL])])
    foot.append([TOTAL, *(angka(int(counts.loc[TOTAL, c]), 0) for c in [*columns, TOTAL])])
    return [
        table(
            ["Unit Kerja", *columns, TOTAL],
            body,
            aligns=["left", *["right"] * (len(columns) + 1)],
            foot=foot,
            source=_source_of(ctx, "unit"),
        )
    ]


def tabel_pegawai_pendidikan(ctx: ReportContext) -> list[Block]:
    """Staff (per person) by kategori × pendidikan, only when pendidikan was entered."""
    if not _shown(ctx)["pendidikan"]:
        return []
    return [_grouped_pivot_table(ctx, "pendidikan", "pendidikan", "Pendidikan")]


def tabel_pegawai_golongan(ctx: ReportContext) -> list[Block]:
    """Staff (per person) by kategori × golongan ruang (I, II, III, IV; PPPK V … XVII)."""
    if not _shown(ctx)["golongan"]:
        return []
    return [_grouped_pivot_table(ctx, "golongan", "ruang", "Golongan")]


def tabel_pegawai_jk(ctx: ReportContext) -> list[Block]:
    """Staff (per person) by kategori × jenis kelamin, only when jenis kelamin was entered."""
    if not _shown(ctx)["jk"]:
        return []
    return [_grouped_pivot_table(ctx, "jk", "jenis_kelamin", "Jenis Kelamin")]


def _rekap_table(ctx: ReportContext, dimensi: str) -> list[Block]:
    """One dimension of the staff totals, exactly as entered, kantor and offices apart."""
    part = f"rekap-{dimensi}"
    if not _shown(ctx).get(part):
        return []
    counts = rekap_by_unit(_rekap(ctx)[dimensi])
    return [_counts_table(ctx, part, counts, DIMENSION_TITLES[dimensi])]


def tabel_rekap_kategori(ctx: ReportContext) -> list[Block]:
    """Staff totals by kategori (sheet rekap_pegawai)."""
    return _rekap_table(ctx, "kategori")


def tabel_rekap_pendidikan(ctx: ReportContext) -> list[Block]:
    """Staff totals by pendidikan (sheet rekap_pegawai)."""
    return _rekap_table(ctx, "pendidikan")


def tabel_rekap_golongan(ctx: ReportContext) -> list[Block]:
    """Staff totals by golongan (sheet rekap_pegawai)."""
    return _rekap_table(ctx, "golongan")


def tabel_rekap_jk(ctx: ReportContext) -> list[Block]:
    """Staff totals by jenis kelamin (sheet rekap_pegawai)."""
    return _rekap_table(ctx, "jenis_kelamin")


def tabel_pegawai_jabatan(ctx: ReportContext) -> list[Block]:
    """Staff by jabatan, kantor and offices apart: from the persons (struktural first; "Lurah
    Sukamaju" at Kelurahan Sukamaju counted as "Lurah") or from the totals by jabatan."""
    if not _shown(ctx)["jabatan"]:
        return []
    if _pegawai(ctx):
        frame = pegawai_frame(ctx.data)
        rank = {k: n for n, k in enumerate(STAFF_CATEGORIES)}
        frame = frame.sort_values("kategori", key=lambda s: s.map(rank).fillna(99), kind="stable")
        counts = by_unit(frame, "jabatan")
    else:
        counts = rekap_by_unit(_rekap(ctx)["jabatan"])
    return [_counts_table(ctx, "jabatan", counts, "Jabatan", numbered=True)]


def tabel_pegawai_diklat(ctx: ReportContext) -> list[Block]:
    """Staff by the diklat they attended (per person: "Tidak diisi" for none recorded), kantor
    and offices apart."""
    if not _shown(ctx)["diklat"]:
        return []
    if _pegawai(ctx):
        counts = by_unit(pegawai_frame(ctx.data), "diklat")
    else:
        counts = rekap_by_unit(_rekap(ctx)["diklat"])
    return [_counts_table(ctx, "diklat", counts, "Diklat", numbered=True)]


def _pejabat(ctx: ReportContext) -> list[Row]:
    return [r for r in _pegawai(ctx) if r.get("kategori") == "struktural" and r.get("nama")]


def tabel_pejabat(ctx: ReportContext) -> list[Block]:
    """Named structural officials: nama, NIP, jabatan (and golongan when entered)."""
    rows = _pejabat(ctx)
    if not _shown(ctx)["pejabat"]:
        return []
    has_nip, has_gol = _has(rows, "nip"), _has(rows, "golongan")
    header = ["No", "Nama", *(["NIP"] if has_nip else []), "Jabatan"]
    header += ["Golongan"] if has_gol else []
    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), str(row["nama"])]
        if has_nip:
            cells.append(nip(row.get("nip")) or "-")
        cells.append(str(row.get("jabatan") or "-"))
        if has_gol:
            cells.append(str(row.get("golongan") or "-"))
        body.append(cells)
    aligns = ["center", "left", *(["left"] if has_nip else []), "left"]
    aligns += ["center"] if has_gol else []
    return [table(header, body, aligns=aligns, source=_source_of(ctx, "pejabat"))]  # type: ignore[arg-type]


def _composition(by_kategori: dict[str, int]) -> str:
    """ ", terdiri atas 7 (tujuh) pejabat struktural dan …" or ", seluruhnya pelaksana"."""
    ordered = [k for k in KATEGORI_KATA if k in by_kategori]
    ordered += sorted(k for k in by_kategori if k not in KATEGORI_KATA)
    if len(ordered) == 1:
        return f", seluruhnya {KATEGORI_KATA.get(ordered[0], ordered[0])}"
    parts = [f"{hitung(by_kategori[k])} {KATEGORI_KATA.get(k, k)}" for k in ordered]
    return f", terdiri atas {join_id(parts)}"


def _staff_counts(ctx: ReportContext) -> tuple[dict[str, int], dict[str, dict[str, int]] | None]:
    """Staff per unit, and per unit group by kategori (None when the kategori were not given).
    Unit groups: the kantor kecamatan and the kelurahan/desa offices."""
    if _pegawai(ctx):
        frame = pegawai_frame(ctx.data)
        units = frame.groupby("unit", sort=False)["jumlah"].sum()
        per_unit = {str(u): int(units[u]) for u in ordered_units(list(units.index))}
        groups = unit_groups(frame) if split_by_unit(frame) else [("", frame)]
        kategori = {
            name: {
                str(k): int(n)
                for k, n in part.groupby("kategori", sort=False)["jumlah"].sum().items()
            }
            for name, part in groups
        }
        return per_unit, kategori
    rekap = _rekap(ctx)
    per_unit = rekap_unit_totals(rekap)
    if "kategori" not in rekap:
        return per_unit, None
    table_ = rekap["kategori"]
    offices = [u for u in table_.units if u != KANTOR]
    split = [(KANTOR, [KANTOR])] if KANTOR in table_.units else []
    split += [(group_of(offices), offices)] if offices else []
    if len(per_unit) == 1:
        split = [("", table_.units)]
    kategori = {
        name: {
            k: sum(table_.total(u, k) for u in units)
            for k in table_.kelompok
            if any(table_.total(u, k) for u in units)
        }
        for name, units in split
    }
    return per_unit, kategori


def _lead(ctx: ReportContext) -> str:
    """The sentence(s) on how many staff there are, where they work and of which kategori."""
    per_unit, kategori = _staff_counts(ctx)
    total = sum(per_unit.values())
    lead = f"Pada Tahun {ctx.tahun} Kecamatan {ctx.kecamatan} didukung oleh {hitung(total)} pegawai"
    offices = [u for u in per_unit if u != KANTOR]
    if not offices:
        return lead + (_composition(kategori[""]) if kategori else "") + "."
    group = group_of(offices)
    where, who = GROUP_WORDS[group]
    kantor = per_unit.get(KANTOR, 0)
    outside = sum(per_unit[u] for u in offices)
    offices_text = f"{hitung(outside)} pegawai pada {hitung(len(offices))} {where}"
    if kantor:
        lead += f", yaitu {hitung(kantor)} pegawai pada {KANTOR} dan {offices_text}."
    else:
        lead += f", seluruhnya pada {hitung(len(offices))} {where}."
    if kategori:
        parts = [
            f"{'Pegawai ' + KANTOR if name == KANTOR else who}{_composition(counts)[1:]}"
            for name, counts in kategori.items()
            if counts
        ]
        lead += " " + "; ".join(parts)[0].upper() + "; ".join(parts)[1:] + "."
    return lead


def _education_sentence(ctx: ReportContext) -> str:
    """The most frequent education level and its share of all staff, when entered."""
    if _pegawai(ctx):
        frame = pegawai_frame(ctx.data)
        known = frame[frame["pendidikan"] != UNKNOWN]
        levels = known.groupby("pendidikan")["jumlah"].sum()
        total = int(frame["jumlah"].sum())
    elif "pendidikan" in (rekap := _rekap(ctx)):
        table_ = rekap["pendidikan"]
        levels = pd.Series({k: table_.total(kelompok=k) for k in table_.kelompok})
        total = table_.total()
    else:
        return ""
    if levels.empty or not total:
        return ""
    count = int(levels.max())
    top = staff_order([str(level) for level, n in levels.items() if int(n) == count], "pendidikan")
    each = "yaitu" if len(top) == 1 else "masing-masing"
    return (
        f" Pendidikan terbanyak adalah {join_id(top)}, {each} {angka(count, 0)} orang "
        f"({persen(_ratio(count, total))} dari seluruh pegawai)."
    )


REF_PHRASES = {
    "unit": ("rincian pegawai per unit kerja", "tbl-bab1-pegawai-unit"),
    "pendidikan": (
        "komposisi pegawai menurut kategori dan pendidikan",
        "tbl-bab1-pegawai-pendidikan",
    ),
    "golongan": ("menurut golongan", "tbl-bab1-pegawai-golongan"),
    "jk": ("menurut jenis kelamin", "tbl-bab1-pegawai-jk"),
    "rekap-kategori": ("menurut kategori", "tbl-bab1-rekap-kategori"),
    "rekap-pendidikan": ("menurut pendidikan", "tbl-bab1-rekap-pendidikan"),
    "rekap-golongan": ("menurut golongan", "tbl-bab1-rekap-golongan"),
    "rekap-jenis_kelamin": ("menurut jenis kelamin", "tbl-bab1-rekap-jk"),
    "jabatan": ("menurut jabatan", "tbl-bab1-pegawai-jabatan"),
    "diklat": ("menurut diklat yang telah diikuti", "tbl-bab1-pegawai-diklat"),
}


def aparatur(ctx: ReportContext) -> list[Block]:
    """Heading and the lead-in on staff numbers (per unit and in total, by kategori when
    known), pointing to the tables that are shown."""
    if not _aparatur_on(ctx):
        return []
    content: list[Inline] = [_lead(ctx) + _education_sentence(ctx)]
    shown = _shown(ctx)
    refs = [REF_PHRASES[p] for p in REF_PHRASES if shown[p]]
    if refs:
        noun = "komposisi pegawai" if _pegawai(ctx) else "jumlah pegawai"
        if not refs[0][0].startswith(("komposisi", "rincian")):
            refs[0] = (f"{noun} {refs[0][0]}", refs[0][1])
        content += [" ", *_refs(_with_verb(refs))]
    if shown["pejabat"]:
        content += [" Pejabat struktural tercantum pada ", Ref("tbl-bab1-pejabat"), "."]
    if _pegawai(ctx) or "kategori" in _rekap(ctx):
        content += [
            " Komposisi pegawai menurut kategori digambarkan pada ",
            Ref("fig-bab1-pegawai"),
            ".",
        ]
    return [Heading("Kondisi Aparatur", 2), Para(content)]


def _bars_by_kategori(ctx: ReportContext) -> pd.DataFrame:
    """Staff per kategori (a ``Jumlah`` column) for the chart, from persons or totals."""
    if _pegawai(ctx):
        return pegawai_pivot(ctx.data, "kategori").drop(index=TOTAL)
    table_ = _rekap(ctx)["kategori"]
    return pd.DataFrame(
        {TOTAL: [table_.total(kelompok=k) for k in table_.kelompok]},
        index=[staff_label("kategori", k) for k in table_.kelompok],
    )


def grafik_pegawai(ctx: ReportContext) -> Chart | None:
    """Staff by kategori, stacked by pendidikan (or by jenis kelamin when no pendidikan); from
    totals, bars per kategori only (totals of two dimensions cannot be stacked). Bars from zero,
    each segment labelled with its count."""
    if not _aparatur_on(ctx) or (not _pegawai(ctx) and "kategori" not in _rekap(ctx)):
        return None
    rows = _pegawai(ctx)
    stack = "pendidikan" if _has(rows, "pendidikan") else None
    if stack is None and _has(rows, "jenis_kelamin"):
        stack = "jenis_kelamin"
    title_y = "Jumlah pegawai (orang)"
    if stack is None:
        pivot_ = _bars_by_kategori(ctx)
        return Chart(
            kind="bar",
            categories=tuple(str(i) for i in pivot_.index),
            series=(Series(name="Jumlah pegawai", values=tuple(int(t) for t in pivot_[TOTAL])),),
            title_y=title_y,
        )
    stacked = pegawai_pivot(ctx.data, "kategori", stack).drop(index=TOTAL)
    columns = [c for c in stacked.columns if c != TOTAL]
    return Chart(
        kind="stacked_bar",
        categories=tuple(str(i) for i in stacked.index),
        series=tuple(
            Series(name=str(column), values=tuple(int(h) for h in stacked[column]))
            for column in columns
        ),
        title_y=title_y,
    )
