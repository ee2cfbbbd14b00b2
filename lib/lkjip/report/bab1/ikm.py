"""BAB I, Ringkasan Hasil Evaluasi: Indeks Kepuasan Masyarakat (per layanan, unsur, mutu)."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka, bulatkan, places_of
from lkjip.metrics.evaluasi import IKM_FACTOR, UNIT, IkmUnsur, ikm_result, ikm_unsur, mutu_scale
from lkjip.report.bab1.evaluasi import _evaluasi_on, _sumber, change_phrase
from lkjip.report.bab1.helpers import _narrative_if_present
from lkjip.report.blocks import Block, Cell, Heading, Inline, Para, Ref
from lkjip.report.common import band_text, hitung, table
from lkjip.report.context import ReportContext
from lkjip.rules import Band, classify


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
