"""BAB I Pendahuluan: background, the kecamatan's territory, duties, organisation, staff, assets,
strategic issues and the summary of external evaluations (AKIP, IKM, follow-up matrix).

Part ids for ``bagian_nonaktif``: ``wilayah``, ``struktur``, ``aparatur``, ``sarpras``,
``evaluasi`` (the whole summary of evaluations), ``reformasi-birokrasi``, ``ipp`` and
``tindak-lanjut``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from lkjip.formatting import angka, angka_bertanda, bulatkan, persen
from lkjip.loader import Row
from lkjip.metrics.capaian import HUNDRED
from lkjip.metrics.evaluations import AkipResult, RbComponent, ikm_result, ipp_result
from lkjip.metrics.staff import LABELS, TOTAL, UNKNOWN, staff_frame, staff_pivot
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
from lkjip.rules import classify

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
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


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
    """(total, laki-laki, perempuan) from the desa/kelurahan rows, else the profile's total."""
    if rows and all(
        r.get("penduduk_l") is not None and r.get("penduduk_p") is not None for r in rows
    ):
        men, women = int(_sum(rows, "penduduk_l")), int(_sum(rows, "penduduk_p"))
        return men + women, men, women
    total = ctx.data.profil.get("jumlah_penduduk")
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
def _pegawai(ctx: ReportContext) -> list[Row]:
    return ctx.data.table("pegawai")


def _aparatur_on(ctx: ReportContext) -> bool:
    return ctx.enabled("aparatur") and bool(_pegawai(ctx))


def _roman(text: str) -> int:
    total, previous = 0, 0
    for char in reversed(text.upper()):
        number = ROMAN_VALUES.get(char, 0)
        total += -number if number < previous else number
        previous = max(previous, number)
    return total


def _golongan_pivot(ctx: ReportContext) -> pd.DataFrame:
    """Counts by kategori × golongan ruang (I, II, III, IV; PPPK V … XVII) with totals."""
    frame = staff_frame(ctx.data)
    frame["ruang"] = [
        UNKNOWN if g == UNKNOWN else f"{g.split('/')[0].strip().upper()}" for g in frame["golongan"]
    ]
    table_ = frame.pivot_table(
        index="kategori",
        columns="ruang",
        values="jumlah",
        aggfunc="sum",
        fill_value=0,
        margins=True,
        margins_name=TOTAL,
    )
    known = [c for c in table_.columns if c not in (TOTAL, UNKNOWN)]
    ordered = sorted(known, key=lambda c: (_roman(c) or 99, c))
    rest = [UNKNOWN] if UNKNOWN in table_.columns else []
    categories = [c for c in LABELS["kategori"] if c in table_.index]
    others = sorted(i for i in table_.index if i not in categories and i != TOTAL)
    table_ = table_.reindex(index=[*categories, *others, TOTAL], columns=[*ordered, *rest, TOTAL])
    table_.index = [LABELS["kategori"].get(i, i) for i in table_.index]
    table_.columns = [c if c in (TOTAL, UNKNOWN) else f"Gol. {c}" for c in table_.columns]
    return table_.astype(int)


def _pegawai_group(ctx: ReportContext) -> list[bool]:
    """The staff tables, which print their one source after the last one shown
    (:func:`lkjip.report.common.grouped_source`): by pendidikan, golongan, jenis kelamin, and the
    named structural officials."""
    on, rows = _aparatur_on(ctx), _pegawai(ctx)
    return [
        on and _has(rows, "pendidikan"),
        on and _has(rows, "golongan"),
        on and _has(rows, "jenis_kelamin"),
        on and bool(_pejabat(ctx)),
    ]


def _pivot_table(pivot: pd.DataFrame, group: str, source: str) -> Table:
    columns = [c for c in pivot.columns if c != TOTAL]
    header = [
        [
            Cell("Kategori Pegawai", rowspan=2),
            Cell(group, colspan=len(columns), align="center"),
            Cell("Jumlah", rowspan=2),
        ],
        [Cell(str(c)) for c in columns],
    ]
    body = [
        [
            str(index),
            *(_count(int(pivot.loc[index, c])) for c in columns),
            _count(int(pivot.loc[index, TOTAL])),
        ]
        for index in pivot.index
        if index != TOTAL
    ]
    foot = [["Jumlah", *(angka(int(pivot.loc[TOTAL, c]), 0) for c in [*columns, TOTAL])]]
    return table(
        header,
        body,
        aligns=["left", *["right"] * (len(columns) + 1)],
        foot=foot,
        source=source,
        wide=len(columns) + 2 > 9,
    )


def _source_pegawai(ctx: ReportContext) -> str:
    return f"Data Kepegawaian Kecamatan {ctx.kecamatan} Tahun {ctx.tahun}"


def tabel_pegawai_pendidikan(ctx: ReportContext) -> list[Block]:
    """Staff by kategori × pendidikan, only when pendidikan was entered."""
    if not _aparatur_on(ctx) or not _has(_pegawai(ctx), "pendidikan"):
        return []
    pivot = staff_pivot(ctx.data, "kategori", "pendidikan")
    source = grouped_source(_source_pegawai(ctx), _pegawai_group(ctx), 0)
    return [_pivot_table(pivot, "Pendidikan", source)]


def tabel_pegawai_golongan(ctx: ReportContext) -> list[Block]:
    """Staff by kategori × golongan ruang, only when golongan was entered."""
    if not _aparatur_on(ctx) or not _has(_pegawai(ctx), "golongan"):
        return []
    source = grouped_source(_source_pegawai(ctx), _pegawai_group(ctx), 1)
    return [_pivot_table(_golongan_pivot(ctx), "Golongan", source)]


def tabel_pegawai_jk(ctx: ReportContext) -> list[Block]:
    """Staff by kategori × jenis kelamin, only when jenis kelamin was entered."""
    if not _aparatur_on(ctx) or not _has(_pegawai(ctx), "jenis_kelamin"):
        return []
    pivot = staff_pivot(ctx.data, "kategori", "jenis_kelamin")
    source = grouped_source(_source_pegawai(ctx), _pegawai_group(ctx), 2)
    return [_pivot_table(pivot, "Jenis Kelamin", source)]


def _pejabat(ctx: ReportContext) -> list[Row]:
    return [r for r in _pegawai(ctx) if r.get("kategori") == "struktural" and r.get("nama")]


def tabel_pejabat(ctx: ReportContext) -> list[Block]:
    """Named structural officials: nama, NIP, jabatan (and golongan when entered)."""
    rows = _pejabat(ctx)
    if not _aparatur_on(ctx) or not rows:
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
    source = grouped_source(_source_pegawai(ctx), _pegawai_group(ctx), 3)
    return [table(header, body, aligns=aligns, source=source)]  # type: ignore[arg-type]


def aparatur(ctx: ReportContext) -> list[Block]:
    """Heading and the lead-in on staff numbers, pointing to the tables that are shown."""
    if not _aparatur_on(ctx):
        return []
    frame = staff_frame(ctx.data)
    total = int(frame["jumlah"].sum())
    by_kategori = frame.groupby("kategori")["jumlah"].sum()
    ordered = [k for k in KATEGORI_KATA if k in by_kategori.index]
    ordered += sorted(k for k in by_kategori.index if k not in KATEGORI_KATA)
    parts = [f"{hitung(int(by_kategori[k]))} {KATEGORI_KATA.get(k, k)}" for k in ordered]
    lead = f"Pada Tahun {ctx.tahun} Kecamatan {ctx.kecamatan} didukung oleh {hitung(total)} pegawai"
    if len(parts) == 1:
        lead += f", seluruhnya {KATEGORI_KATA.get(ordered[0], ordered[0])}."
    else:
        lead += f", terdiri atas {join_id(parts)}."
    content: list[Inline] = [lead]
    known = frame[frame["pendidikan"] != UNKNOWN]
    if not known.empty and total:
        levels = known.groupby("pendidikan")["jumlah"].sum()
        top_level = str(levels.idxmax())
        count = int(levels.max())
        content.append(
            f" Pendidikan terbanyak adalah {top_level}, yaitu {angka(count, 0)} orang "
            f"({persen(_ratio(count, total))} dari seluruh pegawai)."
        )
    refs = []
    if tabel_pegawai_pendidikan(ctx):
        refs.append(
            ("komposisi pegawai menurut kategori dan pendidikan", "tbl-bab1-pegawai-pendidikan")
        )
    if tabel_pegawai_golongan(ctx):
        refs.append(("menurut golongan", "tbl-bab1-pegawai-golongan"))
    if tabel_pegawai_jk(ctx):
        refs.append(("menurut jenis kelamin", "tbl-bab1-pegawai-jk"))
    if refs:
        if not refs[0][0].startswith("komposisi"):
            refs[0] = (f"komposisi pegawai {refs[0][0]}", refs[0][1])
        content += [" ", *_refs(_with_verb(refs))]
    if tabel_pejabat(ctx):
        content += [" Pejabat struktural tercantum pada ", Ref("tbl-bab1-pejabat"), "."]
    content += [
        " Komposisi pegawai menurut kategori digambarkan pada ",
        Ref("fig-bab1-pegawai"),
        ".",
    ]
    return [Heading("Kondisi Aparatur", 2), Para(content)]


def fig_pegawai(ctx: ReportContext) -> Figure | None:
    """Staff by kategori, stacked by pendidikan (or by jenis kelamin when no pendidikan); bars
    from zero, each total labelled, each segment large enough to hold it labelled too."""
    if not _aparatur_on(ctx):
        return None
    rows = _pegawai(ctx)
    stack = "pendidikan" if _has(rows, "pendidikan") else None
    if stack is None and _has(rows, "jenis_kelamin"):
        stack = "jenis_kelamin"
    figure, axes = new_figure(height=3.0)
    if stack is None:
        pivot = staff_pivot(ctx.data, "kategori").drop(index=TOTAL)
        names = [literal(i) for i in pivot.index]
        totals = pivot[TOTAL].tolist()
        axes.bar(names, totals, color=PALETTE[0], width=0.6)
    else:
        pivot = staff_pivot(ctx.data, "kategori", stack).drop(index=TOTAL)
        names = [literal(i) for i in pivot.index]
        columns = [c for c in pivot.columns if c != TOTAL]
        totals = [int(t) for t in pivot[TOTAL].tolist()]
        bottom = [0] * len(pivot.index)
        for n, column in enumerate(columns):
            heights = [int(h) for h in pivot[column].tolist()]
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
    return [Heading("Survei Kepuasan Masyarakat", 3), *narrative, Para(content)]


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
    "tabel_ipp",
    "tabel_pegawai_golongan",
    "tabel_pegawai_jk",
    "tabel_pegawai_pendidikan",
    "tabel_pejabat",
    "tabel_rb",
    "tabel_rb_indikator",
    "tabel_sarpras",
    "tabel_tindak_lanjut",
    "tabel_wilayah",
    "tindak_lanjut",
    "tugas_fungsi",
]
