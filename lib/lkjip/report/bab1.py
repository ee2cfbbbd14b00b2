"""BAB I Pendahuluan: background, the kecamatan's territory, duties, organisation, staff, assets,
strategic issues and the summary of external evaluations (AKIP, IKM, follow-up matrix).

The parts, in order, and the ids that switch them off (``bagian_nonaktif``) are declared in
:mod:`lkjip.report.outline`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from lkjip.formatting import angka, angka_bertanda, bulatkan, persen, places_of
from lkjip.loader import Row
from lkjip.metrics.capaian import HUNDRED
from lkjip.metrics.evaluations import (
    IKM_FACTOR,
    UNIT,
    AkipResult,
    IkmUnsur,
    RbComponent,
    ikm_result,
    ikm_unsur,
    ipp_result,
    mutu_scale,
)
from lkjip.metrics.staff import (
    DIMENSION_TITLES,
    KANTOR,
    TOTAL,
    UNKNOWN,
    RekapTable,
    by_unit,
    group_of,
    ordered_units,
    pivot,
    pivot_like,
    rekap_by_unit,
    rekap_tables,
    rekap_unit_totals,
    split_by_unit,
    staff_frame,
    staff_pivot,
    unit_groups,
)
from lkjip.metrics.staff import label as staff_label
from lkjip.metrics.staff import order as staff_order
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref, Table
from lkjip.report.common import grouped_source, nip, table, value
from lkjip.report.context import ReportContext
from lkjip.report.figures import (
    PALETTE,
    bars_from_zero,
    indonesian_ticks,
    legend_right,
    literal,
    new_figure,
    plt,
)
from lkjip.report.pembuka import band_text, hitung, join_id
from lkjip.rules import Band, classify
from lkjip.schema import STAFF_CATEGORIES

ARAH = ("utara", "timur", "selatan", "barat")
KATEGORI_KATA = {
    "struktural": "pejabat struktural",
    "fungsional": "pejabat fungsional",
    "pelaksana": "pelaksana",
    "pns": "PNS",
    "pppk": "PPPK",
    "non_asn": "tenaga non-ASN",
}
KONDISI = {"baik": "Baik", "rusak_ringan": "Rusak Ringan", "rusak_berat": "Rusak Berat"}
STATUS = {
    "sudah": "Sudah ditindaklanjuti",
    "proses": "Dalam proses",
    "belum": "Belum ditindaklanjuti",
}


def change_phrase(delta: Decimal) -> str:
    """ "naik 0,19 poin" / "turun 0,01 poin" / "tetap"."""
    if delta > 0:
        return f"naik {angka(delta)} poin"
    return f"turun {angka(-delta)} poin" if delta < 0 else "tetap"


# --- helpers ----------------------------------------------------------------------------------
def _count(number: int) -> str:
    """A count in a table cell: ``-`` for zero, as the genre prints it."""
    return angka(number, 0) if number else "-"


def _has(rows: Sequence[Row], column: str) -> bool:
    return any(r.get(column) not in (None, "") for r in rows)


def _sum(rows: Sequence[Row], column: str) -> Decimal | int:
    return sum((r[column] for r in rows if r.get(column) is not None), 0)  # type: ignore[misc]


def _ratio(part: Decimal | int | None, whole: Decimal | int | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole) * HUNDRED


def _refs(items: list[tuple[str, str]]) -> list[Inline]:
    """Phrase-and-reference pairs joined the Indonesian way: "a pada Tabel x, b pada Tabel y,
    dan c pada Tabel z." (the first phrase carries the verb and the capital letter)."""
    content: list[Inline] = []
    for n, (phrase, label) in enumerate(items):
        if n:
            last = n == len(items) - 1
            content.append((" dan " if len(items) == 2 else ", dan ") if last else ", ")
        content += [f"{phrase} pada ", Ref(label)]
    return [*content, "."]


def _with_verb(items: list[tuple[str, str]], verb: str = "disajikan") -> list[tuple[str, str]]:
    if not items:
        return items
    phrase, label = items[0]
    return [(f"{phrase[0].upper()}{phrase[1:]} {verb}", label), *items[1:]]


def _with_refs(content: list[Inline], refs: list[tuple[str, str]]) -> list[Inline]:
    """``content`` followed by the sentence pointing to ``refs`` (if any), without a leading
    space when ``content`` was empty or began with a continuation sentence."""
    if refs:
        content = [*content, " ", *_refs(_with_verb(refs))]
    if content and isinstance(content[0], str):
        content[0] = content[0].lstrip()
    return content


def _narrative_if_present(ctx: ReportContext, anchor: str) -> list[Block]:
    return [ctx.narrative(anchor)] if ctx.has_narrative(anchor) else []


# --- latar belakang, tugas dan fungsi, isu strategis ------------------------------------------
def latar_belakang(ctx: ReportContext) -> list[Block]:
    """The kecamatan's own text, else the city's shared text, else a placeholder."""
    return [ctx.narrative("latar-belakang", "latar_belakang")]


def tugas_fungsi(ctx: ReportContext) -> list[Block]:
    """Tugas dan fungsi (narrative or the city's text), and the list of services when written."""
    blocks: list[Block] = [ctx.narrative("tugas-fungsi", "tugas_fungsi")]
    if ctx.has_narrative("layanan"):
        blocks += [Heading("Layanan Kecamatan", 3), ctx.narrative("layanan")]
    return blocks


def isu_strategis(ctx: ReportContext) -> list[Block]:
    """Isu strategis (placeholder when missing), then cascading and proses bisnis when written."""
    blocks: list[Block] = [ctx.narrative("isu-strategis")]
    for anchor, title in (("cascading", "Cascading Kinerja"), ("proses-bisnis", "Proses Bisnis")):
        if ctx.has_narrative(anchor):
            blocks += [Heading(title, 3), ctx.narrative(anchor)]
    return blocks


# --- gambaran umum ----------------------------------------------------------------------------
def _wilayah_rows(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("wilayah") if r.get("nama")]


def _batas_rows(ctx: ReportContext) -> list[Row]:
    rows = [r for r in ctx.data.table("batas_wilayah") if r.get("arah")]
    order = {a: n for n, a in enumerate(ARAH)}
    return sorted(rows, key=lambda r: order.get(str(r["arah"]).lower(), len(ARAH)))


def _jenis_wilayah(rows: Sequence[Row]) -> tuple[str, str]:
    """Column words for the units: (name header, head-of-unit header)."""
    kinds = {str(r.get("jenis") or "").lower() for r in rows}
    if kinds == {"desa"}:
        return "Desa", "Kepala Desa"
    if kinds == {"kelurahan"}:
        return "Kelurahan", "Lurah"
    return "Desa/Kelurahan", "Kepala Desa/Lurah"


def _jumlah_unit_text(ctx: ReportContext, rows: Sequence[Row]) -> str | None:
    if rows:
        desa = sum(1 for r in rows if str(r.get("jenis") or "").lower() == "desa")
        kelurahan = sum(1 for r in rows if str(r.get("jenis") or "").lower() == "kelurahan")
    else:
        desa = int(ctx.data.profil.get("jumlah_desa") or 0)  # type: ignore[call-overload]
        kelurahan = int(ctx.data.profil.get("jumlah_kelurahan") or 0)  # type: ignore[call-overload]
    parts = [f"{hitung(n)} {kata}" for n, kata in ((desa, "desa"), (kelurahan, "kelurahan")) if n]
    return join_id(parts) or None


def tabel_wilayah(ctx: ReportContext) -> list[Block]:
    """Desa/kelurahan with the columns that have data, and a Jumlah row."""
    rows = _wilayah_rows(ctx)
    if not ctx.enabled("wilayah") or not rows:
        return []
    nama_head, kepala_head = _jenis_wilayah(rows)
    has_kepala = _has(rows, "kepala")
    has_luas = _has(rows, "luas_km2")
    has_l, has_p = _has(rows, "penduduk_l"), _has(rows, "penduduk_p")
    has_rw, has_rt = _has(rows, "jumlah_rw"), _has(rows, "jumlah_rt")

    top: list[str | Cell] = [Cell("No", rowspan=2), Cell(nama_head, rowspan=2)]
    sub: list[str | Cell] = []
    aligns: list = ["center", "left"]
    if has_kepala:
        top.append(Cell(kepala_head, rowspan=2))
        aligns.append("left")
    if has_luas:
        top.append(Cell("Luas (km²)", rowspan=2))
        aligns.append("right")
    penduduk = [("L", "Laki-laki", has_l), ("P", "Perempuan", has_p)]
    pop_cols = [label for _, label, ok in penduduk if ok]
    both = has_l and has_p
    if pop_cols:
        cols = [*pop_cols, "Jumlah"] if both else pop_cols
        top.append(Cell("Penduduk (jiwa)", colspan=len(cols), align="center"))
        sub += cols
        aligns += ["right"] * len(cols)
    for ok, label in ((has_rw, "RW"), (has_rt, "RT")):
        if ok:
            top.append(Cell(label, rowspan=2))
            aligns.append("right")

    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), str(row["nama"])]
        if has_kepala:
            cells.append(str(row.get("kepala") or "-"))
        if has_luas:
            cells.append(angka(row.get("luas_km2")))  # type: ignore[arg-type]
        if has_l:
            cells.append(angka(row.get("penduduk_l"), 0))  # type: ignore[arg-type]
        if has_p:
            cells.append(angka(row.get("penduduk_p"), 0))  # type: ignore[arg-type]
        if both:
            pair = (row.get("penduduk_l"), row.get("penduduk_p"))
            cells.append("-" if None in pair else angka(pair[0] + pair[1], 0))  # type: ignore[operator]
        for ok, column in ((has_rw, "jumlah_rw"), (has_rt, "jumlah_rt")):
            if ok:
                cells.append(angka(row.get(column), 0))  # type: ignore[arg-type]
        body.append(cells)

    foot: list[str | Cell] = [Cell("Jumlah", colspan=3 if has_kepala else 2)]
    if has_luas:
        foot.append(angka(_sum(rows, "luas_km2")))
    if has_l:
        foot.append(angka(_sum(rows, "penduduk_l"), 0))
    if has_p:
        foot.append(angka(_sum(rows, "penduduk_p"), 0))
    if both:
        complete = [
            r for r in rows if r.get("penduduk_l") is not None and r.get("penduduk_p") is not None
        ]
        foot.append(angka(_sum(complete, "penduduk_l") + _sum(complete, "penduduk_p"), 0))
    for ok, column in ((has_rw, "jumlah_rw"), (has_rt, "jumlah_rt")):
        if ok:
            foot.append(angka(_sum(rows, column), 0))
    if not sub:  # one header row: nothing spans two rows
        for cell in top:
            if isinstance(cell, Cell):
                cell.rowspan = 1
    header = [top, sub] if sub else top
    return [
        table(
            header,  # type: ignore[arg-type]
            body,
            aligns=aligns,
            foot=[foot] if len(foot) > 1 else [],  # no "Jumlah" row with nothing to add up
            source=f"Data Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}",
            wide=len(aligns) > 7,
        )
    ]


def tabel_batas(ctx: ReportContext) -> list[Block]:
    """The kecamatan's borders by direction."""
    rows = _batas_rows(ctx)
    if not ctx.enabled("wilayah") or not rows:
        return []
    body = [[f"Sebelah {str(r['arah']).capitalize()}", str(r["berbatasan_dengan"])] for r in rows]
    return [table(["Arah", "Berbatasan dengan"], body, aligns=["left", "left"])]


def _population(
    ctx: ReportContext, rows: Sequence[Row]
) -> tuple[int | None, int | None, int | None]:
    """(total, laki-laki, perempuan) from the desa/kelurahan rows, else from the profile: its
    men and women of the whole kecamatan (``jumlah_penduduk_l``/``_p``), its total."""
    if rows and all(
        r.get("penduduk_l") is not None and r.get("penduduk_p") is not None for r in rows
    ):
        men, women = int(_sum(rows, "penduduk_l")), int(_sum(rows, "penduduk_p"))
        return men + women, men, women
    profil = ctx.data.profil
    men, women = profil.get("jumlah_penduduk_l"), profil.get("jumlah_penduduk_p")
    if isinstance(men, int) and isinstance(women, int):
        return men + women, men, women
    total = profil.get("jumlah_penduduk")
    return (total, None, None) if isinstance(total, int) else (None, None, None)


def gambaran_umum(ctx: ReportContext) -> list[Block]:
    """Heading, the kecamatan's narrative when written, and sentences on area and population."""
    if not ctx.enabled("wilayah"):
        return []
    rows = _wilayah_rows(ctx)
    kec = ctx.kecamatan
    profil = ctx.data.profil
    luas = profil.get("luas_km2")
    if luas is None and rows and all(r.get("luas_km2") is not None for r in rows):
        luas = _sum(rows, "luas_km2")
    facts = []
    if luas is not None:
        facts.append(f"memiliki luas wilayah {angka(luas)} km²")  # type: ignore[arg-type]
    if profil.get("ketinggian_mdpl") is not None:
        facts.append(
            f"berada pada ketinggian rata-rata {value(profil['ketinggian_mdpl'])} meter di atas "  # type: ignore[arg-type]
            "permukaan laut"
        )
    if units := _jumlah_unit_text(ctx, rows):
        facts.append(f"terdiri atas {units}")
    content: list[Inline] = []
    if facts:
        content.append(f"Kecamatan {kec} {join_id(facts)}.")
    total, men, women = _population(ctx, rows)
    if total is not None:
        text = f" Jumlah penduduk Kecamatan {kec} Tahun {ctx.tahun} adalah {angka(total, 0)} jiwa"
        if men is not None and women is not None:
            text += f", terdiri atas {angka(men, 0)} laki-laki dan {angka(women, 0)} perempuan"
        content.append(text + ".")
    refs = []
    if tabel_wilayah(ctx):
        nama_head, _ = _jenis_wilayah(rows)
        refs.append((f"rincian {nama_head.lower()}", "tbl-bab1-wilayah"))
    if tabel_batas(ctx):
        refs.append(("batas wilayah kecamatan", "tbl-bab1-batas"))
    content = _with_refs(content, refs)
    narrative = _narrative_if_present(ctx, "gambaran-umum")
    if not narrative and not content:
        return []
    blocks: list[Block] = [Heading("Gambaran Umum", 2), *narrative]
    if content:
        blocks.append(Para(content))
    return blocks


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


def _descendants(
    code: str, children: dict[str, list[str]], depth: int = 1
) -> list[tuple[str, int]]:
    found = []
    for child in children[code]:
        found.append((child, depth))
        found += _descendants(child, children, depth + 1)
    return found


def fig_struktur(ctx: ReportContext) -> Figure | None:
    """Organisation chart: the head unit on top, one column per unit below it, their own
    sub-units stacked under each column. Boxes show the unit and its head where given."""
    units = _units(ctx)
    if not ctx.enabled("struktur") or not units:
        return None
    roots, children, by_code = _tree(units)
    if len(roots) == 1 and children[roots[0]]:
        top: str | None = roots[0]
        columns = children[roots[0]]
    else:
        top, columns = None, roots
    ncols = max(len(columns), 1)
    width, gap, step = 6.3, 0.08, 0.12
    col_w = (width - gap * (ncols + 1)) / ncols
    indent = min(0.12, col_w * 0.08)
    stacks = {c: _descendants(c, children) for c in columns}
    # The font fits the longest word into the narrowest box, so words are never split.
    in_columns = [*columns, *(sub for c in columns for sub, _ in stacks[c])]
    longest = max(
        len(word)
        for code in in_columns
        for word in f"{by_code[code]['nama']} {by_code[code].get('kepala') or ''}".split()
    )
    deepest = max((d for c in columns for _, d in stacks[c]), default=0)
    fit = (col_w - indent * deepest - 0.08) * 72 / (0.62 * max(longest, 1))
    font = max(4.5, min(7.5, 44 / ncols, fit))
    line_h = font * 1.25 / 72

    def chars(box_width: float) -> int:
        return max(6, int((box_width - 0.08) * 72 / (font * 0.62)))

    def label(code: str, box_width: float) -> tuple[str, int]:
        unit = by_code[code]
        wrap = {"width": chars(box_width), "break_long_words": False}
        lines = textwrap.wrap(str(unit["nama"]), **wrap) or [""]  # type: ignore[arg-type]
        if unit.get("kepala"):
            lines += textwrap.wrap(str(unit["kepala"]), **wrap)  # type: ignore[arg-type]
        return "\n".join(lines), len(lines)

    def box_h(code: str, box_width: float) -> float:
        return label(code, box_width)[1] * line_h + 0.12

    head_row = max(box_h(c, col_w) for c in columns) if columns else 0.0
    col_h = [
        head_row + sum(step + box_h(sub, col_w - indent * d) for sub, d in stacks[c])
        for c in columns
    ]
    head_w = min(width * 0.45, 2.8)
    top_h = box_h(top, head_w) if top else 0.0
    bus = 0.25 if top else 0.0
    total_h = 0.1 + top_h + bus + max(col_h, default=0.5) + 0.1

    figure = plt.figure(figsize=(width, total_h), dpi=150)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(total_h, 0)
    axes.axis("off")
    line = {"color": "#404040", "linewidth": 0.7}
    placed: dict[str, tuple[float, float]] = {}  # code -> (left x, bottom y)

    def draw(x: float, y: float, w: float, code: str, fill: str, h: float | None = None) -> float:
        text, _ = label(code, w)
        h = box_h(code, w) if h is None else h
        axes.add_patch(Rectangle((x, y), w, h, facecolor=fill, edgecolor="#1f4e79", lw=0.8))
        axes.text(x + w / 2, y + h / 2, literal(text), ha="center", va="center", fontsize=font)
        placed[code] = (x, y + h)
        return h

    y0 = 0.1
    if top:
        h = draw((width - head_w) / 2, y0, head_w, top, "#dbe5f1")
        bus_y = y0 + h + bus / 2
        axes.plot([width / 2, width / 2], [y0 + h, bus_y], **line)
        centers = [gap + col_w / 2 + n * (col_w + gap) for n in range(len(columns))]
        axes.plot([min(centers), max(centers)], [bus_y, bus_y], **line)
        for cx in centers:
            axes.plot([cx, cx], [bus_y, y0 + h + bus], **line)
        y0 += h + bus
    for n, code in enumerate(columns):
        x = gap + n * (col_w + gap)
        y = y0 + draw(x, y0, col_w, code, "#eef3f9", head_row)
        for sub, depth in stacks[code]:
            y += step
            left = x + indent * depth
            sub_h = draw(left, y, col_w - indent * depth, sub, "white")
            parent_x, parent_bottom = placed[str(by_code[sub]["induk"])]
            trunk = parent_x + indent / 2
            axes.plot([trunk, trunk], [parent_bottom, y + sub_h / 2], **line)
            axes.plot([trunk, left], [y + sub_h / 2, y + sub_h / 2], **line)
            y += sub_h
    return figure


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
    frame = staff_frame(ctx.data) if rows else None
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


def _unit_header(first: str, groups: list[str]) -> list[str]:
    return [first, *groups, TOTAL]


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
    frame = staff_frame(ctx.data)
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
        counts = pivot(staff_frame(ctx.data), "unit", "kategori")
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
        frame = staff_frame(ctx.data)
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
        counts = by_unit(staff_frame(ctx.data), "diklat")
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
        frame = staff_frame(ctx.data)
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
        frame = staff_frame(ctx.data)
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
        return staff_pivot(ctx.data, "kategori").drop(index=TOTAL)
    table_ = _rekap(ctx)["kategori"]
    return pd.DataFrame(
        {TOTAL: [table_.total(kelompok=k) for k in table_.kelompok]},
        index=[staff_label("kategori", k) for k in table_.kelompok],
    )


def fig_pegawai(ctx: ReportContext) -> Figure | None:
    """Staff by kategori, stacked by pendidikan (or by jenis kelamin when no pendidikan); from
    totals, bars per kategori only (totals of two dimensions cannot be stacked). Bars from zero,
    each total labelled, each segment large enough to hold it labelled too."""
    if not _aparatur_on(ctx) or (not _pegawai(ctx) and "kategori" not in _rekap(ctx)):
        return None
    rows = _pegawai(ctx)
    stack = "pendidikan" if _has(rows, "pendidikan") else None
    if stack is None and _has(rows, "jenis_kelamin"):
        stack = "jenis_kelamin"
    figure, axes = new_figure(height=3.0)
    if stack is None:
        pivot_ = _bars_by_kategori(ctx)
        names = [literal(i) for i in pivot_.index]
        totals = pivot_[TOTAL].tolist()
        axes.bar(names, totals, color=PALETTE[0], width=0.6)
    else:
        stacked = staff_pivot(ctx.data, "kategori", stack).drop(index=TOTAL)
        names = [literal(i) for i in stacked.index]
        columns = [c for c in stacked.columns if c != TOTAL]
        totals = [int(t) for t in stacked[TOTAL].tolist()]
        bottom = [0] * len(stacked.index)
        for n, column in enumerate(columns):
            heights = [int(h) for h in stacked[column].tolist()]
            color = PALETTE[n % len(PALETTE)]
            segment = axes.bar(
                names, heights, bottom=bottom, width=0.6, color=color, label=str(column)
            )
            for bar, height, base in zip(segment, heights, bottom, strict=True):
                if height and height >= 0.07 * max(totals):
                    axes.text(
                        bar.get_x() + bar.get_width() / 2,
                        base + height / 2,
                        angka(height, 0),
                        ha="center",
                        va="center",
                        fontsize=6.5,
                        color="white" if color != PALETTE[-1] else "black",
                    )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        title = "Pendidikan" if stack == "pendidikan" else "Jenis kelamin"
        legend_right(figure, axes, title=title)
    bars_from_zero(axes, max(totals, default=0), room=1.15)
    for x, total in enumerate(totals):  # categories sit at 0, 1, …
        axes.text(x, total, angka(int(total), 0), ha="center", va="bottom", fontsize=7)
    axes.set_ylabel("Jumlah pegawai (orang)", fontsize=8)
    axes.tick_params(labelsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    indonesian_ticks(axes)
    return figure


# --- sarana dan prasarana ---------------------------------------------------------------------
def _sarpras(ctx: ReportContext) -> list[Row]:
    return [r for r in ctx.data.table("sarpras") if r.get("jenis")]


def _sarpras_on(ctx: ReportContext) -> bool:
    return ctx.enabled("sarpras") and bool(_sarpras(ctx))


def _sarpras_totals(rows: list[Row]) -> tuple[int, int, int, Decimal | None]:
    """(Σ jumlah, Σ jumlah of rows with a standard, Σ standard, pemenuhan %)."""
    standard_rows = [r for r in rows if r.get("standar_kebutuhan") is not None]
    jumlah = int(_sum(rows, "jumlah"))
    compared = int(_sum(standard_rows, "jumlah"))
    standar = int(_sum(standard_rows, "standar_kebutuhan"))
    return jumlah, compared, standar, _ratio(compared, standar)


def tabel_sarpras(ctx: ReportContext) -> list[Block]:
    """Assets with their standard need and the share of it that is met, with totals."""
    rows = _sarpras(ctx)
    if not _sarpras_on(ctx):
        return []
    has_satuan, has_kondisi = _has(rows, "satuan"), _has(rows, "kondisi")
    has_standar = _has(rows, "standar_kebutuhan")
    header = ["No", "Jenis Sarana/Prasarana", "Jumlah"]
    aligns = ["center", "left", "right"]
    if has_satuan:
        header.append("Satuan")
        aligns.append("left")
    if has_kondisi:
        header.append("Kondisi")
        aligns.append("left")
    if has_standar:
        header += ["Standar Kebutuhan", "Tingkat Pemenuhan"]
        aligns += ["right", "right"]
    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), str(row["jenis"]), angka(row.get("jumlah"), 0)]  # type: ignore[arg-type]
        if has_satuan:
            cells.append(str(row.get("satuan") or "-"))
        if has_kondisi:
            kondisi = str(row.get("kondisi") or "")
            cells.append(KONDISI.get(kondisi, kondisi) or "-")
        if has_standar:
            standar = row.get("standar_kebutuhan")
            cells += [angka(standar, 0), persen(_ratio(row.get("jumlah"), standar))]  # type: ignore[arg-type]
        body.append(cells)
    jumlah, _, standar, pemenuhan = _sarpras_totals(rows)
    foot: list[str | Cell] = [Cell("Jumlah", colspan=2), angka(jumlah, 0)]
    foot += [""] * (int(has_satuan) + int(has_kondisi))
    if has_standar:
        foot += [angka(standar, 0), persen(pemenuhan)]
    return [
        table(
            header,
            body,
            aligns=aligns,  # type: ignore[arg-type]
            foot=[foot],
            source=f"Hasil Rekonsiliasi BMD Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}",
        )
    ]


def sarpras(ctx: ReportContext) -> list[Block]:
    """Heading and the sentence on the totals against the standard need."""
    if not _sarpras_on(ctx):
        return []
    rows = _sarpras(ctx)
    jumlah, compared, standar, pemenuhan = _sarpras_totals(rows)
    kec = ctx.kecamatan
    text = (
        f"Berdasarkan hasil rekonsiliasi Barang Milik Daerah (BMD) Tahun {ctx.tahun}, Kecamatan "
        f"{kec} memiliki {angka(jumlah, 0)} sarana dan prasarana dari "
        f"{hitung(len(rows))} jenis"
    )
    if standar:
        text += (
            f", sedangkan standar kebutuhannya adalah {angka(standar, 0)}, sehingga tingkat "
            f"pemenuhannya {persen(pemenuhan)}"
        )
        if compared != jumlah:
            text += " (dihitung atas jenis yang memiliki standar kebutuhan)"
        short = [
            r
            for r in rows
            if r.get("standar_kebutuhan") is not None
            and (r.get("jumlah") or 0) < r["standar_kebutuhan"]  # type: ignore[operator]
        ]
        text += "."
        if short:
            text += (
                f" Sebanyak {hitung(len(short))} jenis sarana dan prasarana masih di bawah "
                "standar kebutuhan."
            )
        else:
            text += " Seluruh jenis sarana dan prasarana telah memenuhi standar kebutuhan."
    else:
        text += "."
    content: list[Inline] = [text, " Rinciannya disajikan pada ", Ref("tbl-bab1-sarpras"), "."]
    return [Heading("Sarana dan Prasarana", 2), Para(content)]


# --- ringkasan hasil evaluasi -----------------------------------------------------------------
def _sumber(ctx: ReportContext, kind: str) -> str:
    """The stated source (e.g. the LHE letter) of the indicator computed from ``kind``."""
    codes = [
        str(r["kode"])
        for r in sorted(ctx.data.table("indikator"), key=lambda r: not r.get("iku"))
        if r.get("dihitung_dari") == kind and r.get("kode")
    ]
    for code in codes:
        for row in ctx.data.table("target_realisasi"):
            if row.get("indikator") == code and row.get("tahun") == ctx.tahun and row.get("sumber"):
                return str(row["sumber"]).strip().rstrip(".")
    return ""


def _akip_years(ctx: ReportContext) -> list[AkipResult]:
    """The AKIP results shown side by side: up to the three latest years up to the report year."""
    if ctx.akip is None:
        return []
    years = [y for y in sorted(ctx.akip_history) if y <= ctx.tahun][-3:]
    return [ctx.akip_history[y] for y in years]


def _tindak_lanjut_rows(ctx: ReportContext) -> list[Row]:
    """Recommendations of the report year, plus older ones not yet followed up."""
    return [
        r
        for r in ctx.data.table("tindak_lanjut")
        if r.get("rekomendasi")
        and isinstance(r.get("tahun"), int)
        and (r["tahun"] == ctx.tahun or (r["tahun"] < ctx.tahun and r.get("status") != "sudah"))  # type: ignore[operator]
    ]


def _evaluasi_on(ctx: ReportContext) -> bool:
    if not ctx.enabled("evaluasi"):
        return False
    tindak = ctx.enabled("tindak-lanjut") and bool(_tindak_lanjut_rows(ctx))
    rb = ctx.enabled(PART_RB) and (ctx.rb is not None or bool(_rb_indicator_rows(ctx)))
    ipp = ctx.enabled(PART_IPP) and ipp_value(ctx, ctx.tahun) is not None
    return (
        ctx.akip is not None
        or ctx.ikm is not None
        or tindak
        or rb
        or ipp
        or ctx.has_narrative("rekomendasi")
        or ctx.has_narrative("rekomendasi-rb")
        or ctx.has_narrative("ikm")
    )


def evaluasi(ctx: ReportContext) -> list[Block]:
    """Heading of the section and the AKIP sentence (score, predicate, source, change)."""
    if not _evaluasi_on(ctx):
        return []
    blocks: list[Block] = [Heading("Ringkasan Hasil Evaluasi", 2)]
    akip = ctx.akip
    if akip is None or akip.nilai is None:
        return blocks
    kec = ctx.kecamatan
    content: list[Inline] = [
        f"Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Kecamatan {kec} Tahun "
        f"{ctx.tahun} adalah {angka(akip.nilai)} dengan predikat {band_text(akip.predikat)}."
    ]
    if sumber := _sumber(ctx, "akip"):
        content.append(f" Nilai tersebut bersumber dari {sumber}.")
    previous = ctx.akip_history.get(ctx.tahun - 1)
    if previous is not None and previous.nilai is not None:
        delta = akip.nilai - previous.nilai
        change = change_phrase(delta)
        content.append(
            f" Dibandingkan nilai Tahun {ctx.tahun - 1} sebesar {angka(previous.nilai)} dengan "
            f"predikat {band_text(previous.predikat)}, nilai AKIP Tahun {ctx.tahun} {change}."
        )
    content += [" Nilai per komponen disajikan pada ", Ref("tbl-bab1-akip"), "."]
    return [*blocks, Heading("Evaluasi Akuntabilitas Kinerja", 3), Para(content)]


def _akip_columns(result: AkipResult) -> list[str]:
    columns = ["bobot"]
    if any(c.nilai_lke is not None for c in result.komponen):
        columns.append("lke")
    if any(c.nilai_lapangan is not None for c in result.komponen):
        columns.append("lapangan")
    return [*columns, "nilai", "persen"]


AKIP_HEAD = {
    "bobot": "Bobot",
    "lke": "Nilai LKE",
    "lapangan": "Evaluasi Lapangan",
    "nilai": "Nilai",
    "persen": "Capaian thd Bobot",
}


def _akip_cells(result: AkipResult, columns: list[str], komponen: str) -> list[str]:
    found = next((c for c in result.komponen if c.komponen == komponen), None)
    if found is None:
        return ["-"] * len(columns)
    values = {
        "bobot": value(found.bobot),
        "lke": angka(found.nilai_lke),
        "lapangan": angka(found.nilai_lapangan),
        "nilai": angka(found.nilai),
        "persen": persen(found.persen),
    }
    return [values[c] for c in columns]


def _akip_total(result: AkipResult, columns: list[str]) -> list[str]:
    bobot = sum((c.bobot for c in result.komponen), Decimal(0))
    lke = [c.nilai_lke for c in result.komponen]
    lapangan = [c.nilai_lapangan for c in result.komponen]
    values = {
        "bobot": value(bobot),
        "lke": angka(sum(lke, Decimal(0))) if None not in lke else "",  # type: ignore[arg-type]
        "lapangan": angka(sum(lapangan, Decimal(0))) if None not in lapangan else "",  # type: ignore[arg-type]
        "nilai": angka(result.nilai),
        "persen": persen(_ratio(result.nilai, bobot)),
    }
    return [values[c] for c in columns]


def tabel_akip(ctx: ReportContext) -> list[Block]:
    """AKIP components (one year, or the latest years side by side with the change)."""
    if not _evaluasi_on(ctx):
        return []
    years = _akip_years(ctx)
    if not years:
        return []
    names: list[str] = []
    for result in reversed(years):
        names += [c.komponen for c in result.komponen if c.komponen not in names]
    columns = [_akip_columns(r) for r in years]
    source = _sumber(ctx, "akip")
    if len(years) == 1:
        result, cols = years[0], columns[0]
        header = ["No", "Komponen", *(AKIP_HEAD[c] for c in cols)]
        body = [[str(n), name, *_akip_cells(result, cols, name)] for n, name in enumerate(names, 1)]
        foot = [
            [Cell("Jumlah", colspan=2), *_akip_total(result, cols)],
            [Cell("Predikat", colspan=2), Cell(band_text(result.predikat), colspan=len(cols))],
        ]
        return [
            table(
                header,
                body,
                aligns=["center", "left", *["right"] * len(cols)],
                foot=foot,
                source=source,
            )
        ]
    first, last = years[-2].tahun, years[-1].tahun
    top: list[str | Cell] = [Cell("No", rowspan=2), Cell("Komponen", rowspan=2)]
    sub: list[str | Cell] = []
    for result, cols in zip(years, columns, strict=True):
        top.append(Cell(f"Tahun {result.tahun}", colspan=len(cols), align="center"))
        sub += [AKIP_HEAD[c] for c in cols]
    top.append(Cell(f"Perubahan Nilai {first}–{last}", rowspan=2))

    def change(a: Decimal | None, b: Decimal | None) -> str:
        if a is None or b is None:
            return "-"
        return angka_bertanda(bulatkan(b - a))

    def nilai(result: AkipResult, name: str) -> Decimal | None:
        return next((c.nilai for c in result.komponen if c.komponen == name), None)

    body = []
    for n, name in enumerate(names, start=1):
        cells = [str(n), name]
        for result, cols in zip(years, columns, strict=True):
            cells += _akip_cells(result, cols, name)
        cells.append(change(nilai(years[-2], name), nilai(years[-1], name)))
        body.append(cells)
    total: list[str | Cell] = [Cell("Jumlah", colspan=2)]
    predikat: list[str | Cell] = [Cell("Predikat", colspan=2)]
    for result, cols in zip(years, columns, strict=True):
        total += _akip_total(result, cols)
        predikat.append(Cell(band_text(result.predikat), colspan=len(cols), align="center"))
    total.append(change(years[-2].nilai, years[-1].nilai))
    predikat.append("")
    width = 3 + sum(len(c) for c in columns)
    return [
        table(
            [top, sub],
            body,
            aligns=["center", "left", *["right"] * (width - 2)],  # type: ignore[list-item]
            foot=[total, predikat],
            source=source,
            wide=width > 8,
        )
    ]


def rekomendasi(ctx: ReportContext) -> list[Block]:
    """The AKIP evaluator's recommendations, when written (RB ones: :func:`rekomendasi_rb`)."""
    if not _evaluasi_on(ctx):
        return []
    return _narrative_if_present(ctx, "rekomendasi")


def evaluasi_ikm(ctx: ReportContext) -> list[Block]:
    """The IKM sentence: unit index, mutu band, services, respondents, change, source."""
    if not _evaluasi_on(ctx):
        return []
    ikm = ctx.ikm
    narrative = _narrative_if_present(ctx, "ikm")
    if ikm is None or ikm.nilai is None:
        return [Heading("Survei Kepuasan Masyarakat", 3), *narrative] if narrative else []
    kec = ctx.kecamatan
    text = (
        f"Hasil Survei Kepuasan Masyarakat Tahun {ctx.tahun} menunjukkan Indeks Kepuasan "
        f"Masyarakat (IKM) Kecamatan {kec} sebesar {angka(ikm.nilai)} dengan mutu pelayanan "
        f"{band_text(ikm.mutu)}"
    )
    responden = [s.responden for s in ikm.layanan if s.responden is not None]
    if len(ikm.layanan) > 1:
        text += f", yaitu rata-rata IKM dari {hitung(len(ikm.layanan))} jenis layanan"
    if responden:
        text += f" dengan {angka(sum(responden), 0)} responden"
    content: list[Inline] = [text + "."]
    if sumber := _sumber(ctx, "ikm"):
        content.append(f" Nilai tersebut bersumber dari {sumber}.")
    previous = ikm_result(ctx.data, ctx.rules, ctx.tahun - 1)
    if previous is not None and previous.nilai is not None:
        delta = ikm.nilai - previous.nilai
        change = change_phrase(delta)
        content.append(
            f" Dibandingkan IKM Tahun {ctx.tahun - 1} sebesar {angka(previous.nilai)}, IKM "
            f"Tahun {ctx.tahun} {change}."
        )
    if tabel_ikm(ctx):
        content += [" Nilai IKM per jenis layanan disajikan pada ", Ref("tbl-bab1-ikm"), "."]
    content += _unsur_sentences(ctx)
    return [Heading("Survei Kepuasan Masyarakat", 3), *narrative, Para(content)]


def _ikm_unsur(ctx: ReportContext) -> IkmUnsur | None:
    """The NRR per unsur of the report year, when the evaluations are shown and unsur entered."""
    return ikm_unsur(ctx.ikm, ctx.rules) if _evaluasi_on(ctx) else None


def _unsur_sentences(ctx: ReportContext) -> list[Inline]:
    """The lowest and highest unsur (unit NRR) and where the unsur and mutu tables are."""
    unsur = _ikm_unsur(ctx)
    if unsur is None:
        return []
    content: list[Inline] = [
        f" Survei mengukur {hitung(len(unsur.unsur))} unsur pelayanan sesuai {_ikm_sumber(ctx)}."
    ]
    scored = [line for line in unsur.unsur if line.nrr is not None]
    if len(scored) > 1:
        low = min(scored, key=lambda line: line.nrr)  # type: ignore[arg-type,return-value]
        high = max(scored, key=lambda line: line.nrr)  # type: ignore[arg-type,return-value]
        content.append(
            f" Nilai rata-rata (NRR) terendah terdapat pada unsur {low.nama} "
            f"({_nrr(low.nrr, 4)}) dan tertinggi pada unsur {high.nama} ({_nrr(high.nrr, 4)})."
        )
    content += [
        " NRR setiap unsur disajikan pada ",
        Ref("tbl-bab1-ikm-unsur"),
        " dan skala mutu pelayanan pada ",
        Ref("tbl-bab1-ikm-mutu"),
        ".",
    ]
    return content


def _ikm_sumber(ctx: ReportContext) -> str:
    return ctx.rules.ikm_sumber.strip().rstrip(".") or "ketentuan survei kepuasan masyarakat"


def _nrr(number: Decimal | None, places: int = 2) -> str:
    """An NRR with the decimals it needs, at least two, at most ``places``: ``3,52``, ``3,5267``."""
    if number is None:
        return "-"
    return angka(number, max(2, places_of(bulatkan(number, places).normalize(), places)))


def tabel_ikm_unsur(ctx: ReportContext) -> list[Block]:
    """NRR per unsur: the unit's NRR (mean over the services) with its conversion × 25 and
    mutu when every service scored the same unsur, else one column per service; footers with
    the mean NRR, the IKM (mean × 25) and its mutu."""
    unsur = _ikm_unsur(ctx)
    if unsur is None:
        return []
    scale = ctx.rules.skala_ikm
    columns = [UNIT] if unsur.seragam else unsur.layanan
    several = len(unsur.layanan) > 1
    if unsur.seragam:
        header = ["No", "Unsur Pelayanan", "NRR", "NRR × 25", "Mutu"]
        body = [
            [
                str(n),
                line.nama,
                _nrr(line.nrr, 4),
                angka(None if line.nrr is None else line.nrr * IKM_FACTOR),
                _mutu(classify(None if line.nrr is None else line.nrr * IKM_FACTOR, scale)),
            ]
            for n, line in enumerate(unsur.unsur, start=1)
        ]
        foot: list[list[str | Cell]] = [
            [Cell("Rata-rata NRR", colspan=2), _nrr(unsur.rata_rata[UNIT], 4), "", ""],
            [
                Cell("IKM (rata-rata NRR × 25)", colspan=2),
                "",
                angka(unsur.nilai[UNIT]),
                _mutu(classify(unsur.nilai[UNIT], scale)),
            ],
        ]
        aligns = ["center", "left", "right", "right", "center"]
    else:
        header = ["No", "Unsur Pelayanan", *columns]
        body = [
            [str(n), line.nama, *(_nrr(line.per_layanan.get(c), 4) for c in columns)]
            for n, line in enumerate(unsur.unsur, start=1)
        ]
        foot = [
            [Cell("Rata-rata NRR", colspan=2), *(_nrr(unsur.rata_rata[c], 4) for c in columns)],
            [
                Cell("IKM (rata-rata NRR × 25)", colspan=2),
                *(angka(unsur.nilai[c]) for c in columns),
            ],
            [
                Cell("Mutu Pelayanan", colspan=2),
                *(_mutu(classify(unsur.nilai[c], scale)) for c in columns),
            ],
        ]
        aligns = ["center", "left", *["right"] * len(columns)]
    source = f"Hasil Survei Kepuasan Masyarakat Tahun {ctx.tahun}"
    if unsur.seragam and several:
        source += (
            f"; NRR unsur = rata-rata NRR unsur itu pada {hitung(len(unsur.layanan))} jenis layanan"
        )
    return [table(header, body, aligns=aligns, foot=foot, source=source)]  # type: ignore[arg-type]


def _mutu(band: Band | None) -> str:
    return "-" if band is None else band.kode


def tabel_ikm_mutu(ctx: ReportContext) -> list[Block]:
    """The mutu scale of the rules in force (lowest level first, as the regulation prints it):
    NRR interval, converted interval, mutu and kinerja unit pelayanan; with the unsur table."""
    if _ikm_unsur(ctx) is None:
        return []
    body = [
        [
            str(level.persepsi),
            f"{_nrr(level.nrr_bawah, 4)} – {_nrr(level.nrr_atas, 4)}",
            f"{angka(level.ikm_bawah)} – {angka(level.ikm_atas)}",
            level.band.kode,
            level.band.label,
        ]
        for level in mutu_scale(ctx.rules)
    ]
    header = [
        "Nilai Persepsi",
        "Nilai Interval (NRR)",
        "Nilai Interval Konversi (IKM)",
        "Mutu Pelayanan",
        "Kinerja Unit Pelayanan",
    ]
    return [
        table(
            header,
            body,
            aligns=["center", "center", "center", "center", "left"],
            source=_ikm_sumber(ctx),
        )
    ]


def tabel_ikm(ctx: ReportContext) -> list[Block]:
    """IKM per service with its mutu band and the unit index, when more than one service."""
    if not _evaluasi_on(ctx) or ctx.ikm is None or len(ctx.ikm.layanan) < 2:
        return []
    ikm = ctx.ikm
    has_responden = any(s.responden is not None for s in ikm.layanan)
    header = ["No", "Jenis Layanan", *(["Responden"] if has_responden else [])]
    header += [f"IKM {ctx.tahun}", "Mutu Pelayanan"]
    body = []
    for n, service in enumerate(ikm.layanan, start=1):
        cells = [str(n), service.layanan]
        if has_responden:
            cells.append(angka(service.responden, 0))  # type: ignore[arg-type]
        cells += [angka(service.nilai), band_text(classify(service.nilai, ctx.rules.skala_ikm))]
        body.append(cells)
    foot: list[str | Cell] = [Cell("IKM Unit Layanan", colspan=2)]
    if has_responden:
        foot.append(angka(sum(s.responden or 0 for s in ikm.layanan), 0))
    foot += [angka(ikm.nilai), band_text(ikm.mutu)]
    aligns = ["center", "left", *(["right"] if has_responden else []), "right", "left"]
    return [
        table(header, body, aligns=aligns, foot=[foot], source=_sumber(ctx, "ikm"))  # type: ignore[arg-type]
    ]


# --- Reformasi Birokrasi --------------------------------------------------------------------
PART_RB = "reformasi-birokrasi"
PART_IPP = "ipp"


def _rb_on(ctx: ReportContext) -> bool:
    return _evaluasi_on(ctx) and ctx.enabled(PART_RB)


def _rb_indicator_rows(ctx: ReportContext) -> list[Row]:
    return [
        r
        for r in ctx.data.table("indikator_rb")
        if r.get("indikator") and r.get("tahun") == ctx.tahun
    ]


def _rb_leaves(components: Sequence[RbComponent]) -> list[RbComponent]:
    found: list[RbComponent] = []
    for component in components:
        found += _rb_leaves(component.children) if component.children else [component]
    return found


def evaluasi_rb(ctx: ReportContext) -> list[Block]:
    """Heading of the RB evaluation and its sentence: index, predicate, source, change, weakest
    sub-component; the heading alone when only the recommendations (``rekomendasi-rb``) exist."""
    if not _rb_on(ctx):
        return []
    rb = ctx.rb
    has_index = rb is not None and rb.nilai is not None
    if not has_index and not _rb_indicator_rows(ctx) and not ctx.has_narrative("rekomendasi-rb"):
        return []
    blocks: list[Block] = [Heading("Evaluasi Reformasi Birokrasi", 3)]
    content: list[Inline] = []
    if rb is not None and rb.nilai is not None:
        content.append(
            f"Nilai Reformasi Birokrasi (Indeks RB) Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} "
            f"adalah {angka(rb.nilai)} dengan predikat {band_text(rb.predikat)}."
        )
        if rb.sumber:
            content.append(f" Nilai tersebut bersumber dari {rb.sumber.rstrip('.')}.")
        previous = ctx.rb_history.get(ctx.tahun - 1)
        if previous is not None and previous.nilai is not None:
            content.append(
                f" Dibandingkan Indeks RB Tahun {ctx.tahun - 1} sebesar {angka(previous.nilai)}, "
                f"Indeks RB Tahun {ctx.tahun} {change_phrase(rb.nilai - previous.nilai)}."
            )
        scored = [c for c in _rb_leaves(rb.komponen) if c.persen is not None]
        if len(scored) > 1:
            low = min(scored, key=lambda c: c.persen)  # type: ignore[arg-type,return-value]
            content.append(
                f" Capaian terhadap bobot yang terendah terdapat pada komponen {low.komponen} "
                f"({persen(low.persen)})."
            )
    refs = []
    if tabel_rb(ctx):
        refs.append(("rincian nilai per komponen", "tbl-bab1-rb"))
    if indicators := _rb_indicator_rows(ctx):
        refs.append(
            (
                f"nilai {hitung(len(indicators))} indikator kegiatan utamanya",
                "tbl-bab1-rb-indikator",
            )
        )
    content = _with_refs(content, refs)
    if content:
        blocks.append(Para(content))
    return blocks


def tabel_rb(ctx: ReportContext) -> list[Block]:
    """RB components (1, then its sub-components 1.1, 1.2 …) with weight, score
    and score as a share of the weight; the index and its predicate in the footer."""
    rb = ctx.rb
    if not _rb_on(ctx) or rb is None or not rb.komponen:
        return []
    body: list[list[str | Cell]] = []

    def add(component: RbComponent, number: str) -> None:
        bold = bool(component.children)
        cells = [
            number,
            component.komponen,
            value(component.bobot),
            angka(component.nilai),
            persen(component.persen),
        ]
        body.append([Cell(c, bold=bold) for c in cells])
        for n, child in enumerate(component.children, start=1):
            add(child, f"{number}.{n}")

    for n, component in enumerate(rb.komponen, start=1):
        add(component, str(n))
    foot: list[list[str | Cell]] = [
        [
            Cell("Indeks Reformasi Birokrasi", colspan=2),
            value(rb.bobot),
            angka(rb.nilai),
            persen(_ratio(rb.nilai, rb.bobot)),
        ],
        [Cell("Predikat", colspan=2), Cell(band_text(rb.predikat), colspan=3)],
    ]
    return [
        table(
            ["No", "Komponen", "Bobot (%)", "Nilai", "Capaian thd Bobot"],
            body,
            aligns=["center", "left", "right", "right", "right"],
            foot=foot,
            source=rb.sumber or f"Hasil evaluasi Reformasi Birokrasi Tahun {ctx.tahun}",
            widths=[0.06, 0.56, 0.12, 0.12, 0.14],
        )
    ]


def tabel_rb_indikator(ctx: ReportContext) -> list[Block]:
    """The RB key activity indicators of the report year: scale, value and data source."""
    rows = _rb_indicator_rows(ctx)
    if not _rb_on(ctx) or not rows:
        return []
    body = [
        [
            str(n),
            str(r["indikator"]),
            str(r.get("skala") or "-"),
            value(r.get("nilai")),  # type: ignore[arg-type]
            str(r.get("sumber_data") or "-"),
        ]
        for n, r in enumerate(rows, start=1)
    ]
    return [
        table(
            ["No", "Indikator Kegiatan Utama", "Skala", "Nilai", "Sumber Data"],
            body,
            aligns=["center", "left", "center", "right", "left"],
            source=f"Hasil evaluasi Reformasi Birokrasi Tahun {ctx.tahun}",
            widths=[0.06, 0.44, 0.12, 0.1, 0.28],
        )
    ]


def rekomendasi_rb(ctx: ReportContext) -> list[Block]:
    """The recommendations of the RB evaluation (``narasi.md#rekomendasi-rb``), when written."""
    if not _rb_on(ctx):
        return []
    return _narrative_if_present(ctx, "rekomendasi-rb")


# --- Indeks Pelayanan Publik ------------------------------------------------------------------
def _ipp_codes(ctx: ReportContext) -> list[str]:
    return [
        str(r["kode"])
        for r in ctx.data.table("indikator")
        if r.get("dihitung_dari") == "ipp" and r.get("kode")
    ]


def ipp_value(ctx: ReportContext, tahun: int) -> Decimal | None:
    """The IPP of ``tahun``: computed from sheet ``ipp``, else the realisasi of the indicator
    marked ``dihitung_dari: ipp``."""
    result = ctx.ipp if tahun == ctx.tahun else ipp_result(ctx.data, ctx.rules, tahun)
    if result is not None and result.nilai is not None:
        return result.nilai
    for code in _ipp_codes(ctx):
        for row in ctx.data.table("target_realisasi"):
            if (
                row.get("indikator") == code
                and row.get("tahun") == tahun
                and isinstance(row.get("realisasi"), Decimal)
            ):
                return row["realisasi"]  # type: ignore[return-value]
    return None


def _ipp_on(ctx: ReportContext) -> bool:
    return _evaluasi_on(ctx) and ctx.enabled(PART_IPP)


def evaluasi_ipp(ctx: ReportContext) -> list[Block]:
    """The IPP sentence: index, predicate, source, change, the weakest aspect."""
    nilai = ipp_value(ctx, ctx.tahun)
    if not _ipp_on(ctx) or nilai is None:
        return []
    content: list[Inline] = [
        f"Indeks Pelayanan Publik (IPP) Kecamatan {ctx.kecamatan} Tahun {ctx.tahun} adalah "
        f"{angka(nilai)} (skala 0–5) dengan predikat {band_text(classify(nilai, ctx.rules.skala_ipp))}."
    ]
    sumber = ctx.ipp.sumber if ctx.ipp is not None and ctx.ipp.sumber else _sumber(ctx, "ipp")
    if sumber:
        content.append(f" Nilai tersebut bersumber dari {sumber.rstrip('.')}.")
    previous = ipp_value(ctx, ctx.tahun - 1)
    if previous is not None:
        content.append(
            f" Dibandingkan IPP Tahun {ctx.tahun - 1} sebesar {angka(previous)}, IPP Tahun "
            f"{ctx.tahun} {change_phrase(nilai - previous)}."
        )
    if tabel_ipp(ctx):
        aspects = [a for a in ctx.ipp.aspek if a.nilai_indikator is not None]  # type: ignore[union-attr]
        if len(aspects) > 1:
            low = min(aspects, key=lambda a: a.nilai_indikator)  # type: ignore[arg-type,return-value]
            content.append(
                f" Nilai indikator terendah terdapat pada aspek {low.aspek} "
                f"({angka(low.nilai_indikator)} dari 5)."
            )
        content += [" Nilai per aspek disajikan pada ", Ref("tbl-bab1-ipp"), "."]
    return [Heading("Indeks Pelayanan Publik", 3), Para(content)]


def tabel_ipp(ctx: ReportContext) -> list[Block]:
    """IPP aspects: weight, indicator score (0–5) and weighted score; the index in the footer."""
    ipp = ctx.ipp
    if not _ipp_on(ctx) or ipp is None:
        return []
    with_score = any(a.nilai_indikator is not None for a in ipp.aspek)
    header = ["No", "Aspek", "Bobot (%)", *(["Nilai Indikator (0–5)"] if with_score else [])]
    header.append("Nilai Aspek")
    body = []
    for n, aspect in enumerate(ipp.aspek, start=1):
        cells = [str(n), aspect.aspek, value(aspect.bobot)]
        cells += [angka(aspect.nilai_indikator)] if with_score else []
        body.append([*cells, angka(aspect.nilai)])
    width = len(header)
    foot: list[list[str | Cell]] = [
        [
            Cell("Indeks Pelayanan Publik", colspan=2),
            value(ipp.bobot),
            *([""] if with_score else []),
            angka(ipp.nilai),
        ],
        [Cell("Predikat", colspan=2), Cell(band_text(ipp.predikat), colspan=width - 2)],
    ]
    aligns = ["center", "left", "right", *(["right"] if with_score else []), "right"]
    return [
        table(
            header,
            body,
            aligns=aligns,  # type: ignore[arg-type]
            foot=foot,
            source=(ipp.sumber or f"Hasil evaluasi pelayanan publik Tahun {ctx.tahun}")
            + "; nilai aspek = bobot × nilai indikator ÷ 100",
        )
    ]


def tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """Heading and the lead-in to the follow-up matrix, with how many are done."""
    rows = _tindak_lanjut_rows(ctx)
    if not _evaluasi_on(ctx) or not ctx.enabled("tindak-lanjut") or not rows:
        return []
    content: list[Inline] = [
        f"Atas {hitung(len(rows))} rekomendasi hasil evaluasi, Kecamatan {ctx.kecamatan} telah "
        "menyusun rencana aksi tindak lanjut sebagaimana tercantum pada ",
        Ref("tbl-bab1-tindak-lanjut"),
        ".",
    ]
    statuses = [r.get("status") for r in rows if r.get("status")]
    if statuses:
        parts = [
            f"{hitung(statuses.count(key))} {label.lower()}"
            for key, label in STATUS.items()
            if statuses.count(key)
        ]
        if len(statuses) == len(rows) and len(parts) == 1:
            which = "seluruhnya" if len(rows) > 1 else "rekomendasi tersebut"
            parts = [f"{which} {STATUS[str(statuses[0])].lower()}"]
        content.append(f" Sampai dengan penyusunan laporan ini, {join_id(parts)}.")
    return [Heading("Tindak Lanjut Hasil Evaluasi", 3), Para(content)]


def tabel_tindak_lanjut(ctx: ReportContext) -> list[Block]:
    """The follow-up matrix with the columns that have data."""
    rows = _tindak_lanjut_rows(ctx)
    if not _evaluasi_on(ctx) or not ctx.enabled("tindak-lanjut") or not rows:
        return []
    several_years = len({r["tahun"] for r in rows}) > 1
    optional = [
        ("rencana_aksi", "Rencana Aksi"),
        ("hasil", "Hasil"),
        ("waktu", "Waktu Pelaksanaan"),
        ("penanggung_jawab", "Penanggung Jawab"),
        ("status", "Status"),
    ]
    present = [(c, h) for c, h in optional if _has(rows, c)]
    header = ["No", *(["Tahun Evaluasi"] if several_years else []), "Rekomendasi"]
    header += [h for _, h in present]
    body = []
    for n, row in enumerate(rows, start=1):
        cells = [str(n), *([str(row["tahun"])] if several_years else []), str(row["rekomendasi"])]
        for column, _ in present:
            text = str(row.get(column) or "")
            cells.append((STATUS.get(text, text) if column == "status" else text) or "-")
        body.append(cells)
    aligns = ["center", *(["center"] if several_years else []), *["left"] * (1 + len(present))]
    return [table(header, body, aligns=aligns, wide=len(header) > 4)]  # type: ignore[arg-type]


__all__ = [
    "aparatur",
    "evaluasi",
    "evaluasi_ikm",
    "evaluasi_ipp",
    "evaluasi_rb",
    "fig_pegawai",
    "fig_struktur",
    "gambaran_umum",
    "isu_strategis",
    "latar_belakang",
    "rekomendasi",
    "rekomendasi_rb",
    "sarpras",
    "struktur_organisasi",
    "tabel_akip",
    "tabel_batas",
    "tabel_ikm",
    "tabel_ikm_mutu",
    "tabel_ikm_unsur",
    "tabel_ipp",
    "tabel_pegawai_diklat",
    "tabel_pegawai_golongan",
    "tabel_pegawai_jabatan",
    "tabel_pegawai_jk",
    "tabel_pegawai_pendidikan",
    "tabel_pegawai_unit",
    "tabel_pejabat",
    "tabel_rb",
    "tabel_rb_indikator",
    "tabel_rekap_golongan",
    "tabel_rekap_jk",
    "tabel_rekap_kategori",
    "tabel_rekap_pendidikan",
    "tabel_sarpras",
    "tabel_tindak_lanjut",
    "tabel_wilayah",
    "tindak_lanjut",
    "tugas_fungsi",
]
