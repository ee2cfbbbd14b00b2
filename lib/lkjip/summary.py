"""Headline figures of a kecamatan: IKU capaian, overall capaian, budget and efisiensi."""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import round_half_up
from lkjip.loader import KecamatanData
from lkjip.metrics.anggaran import anggaran_tree
from lkjip.metrics.capaian import average, iku_results
from lkjip.metrics.efisiensi import efisiensi_by_sasaran
from lkjip.rules import Aturan, Band


def _band(band: Band | None) -> str | None:
    return None if band is None else band.label


def summarise(data: KecamatanData, rules: Aturan, tahun: int) -> dict[str, object]:
    """Headline figures with exact Decimal values (round only when presenting)."""
    iku = iku_results(data, rules, tahun)
    overall = average(iku, rules)
    total = anggaran_tree(data, rules)
    return {
        "kecamatan": data.nama,
        "tahun": tahun,
        "aturan": rules.preset,
        "iku": [
            {
                "kode": r.kode,
                "uraian": r.uraian,
                "satuan": r.satuan,
                "target": r.target,
                "realisasi": r.realisasi,
                "capaian": r.capaian.nilai,
                "kategori": _band(r.capaian.kategori),
            }
            for r in iku
        ],
        "capaian_rata_rata": overall.nilai,
        "kategori": _band(overall.kategori),
        "anggaran": {
            "pagu": total.pagu,
            "realisasi": total.realisasi,
            "persen": total.persen,
            "silpa": total.silpa,
            "silpa_persen": total.silpa_persen,
        },
        # the difference form is in percentage points, the ratio form in percent
        "efisiensi_satuan": "poin persen" if rules.efisiensi == "selisih" else "persen",
        "efisiensi": [
            {
                "sasaran": e.kode,
                "uraian": e.uraian,
                "capaian_kinerja": e.capaian_kinerja,
                "capaian_anggaran": e.capaian_anggaran,
                "efisiensi": e.efisiensi,
            }
            for e in efisiensi_by_sasaran(data, rules, tahun)
        ],
    }


def jsonable(value: object) -> object:
    """Decimals rounded half-up to 2 places as JSON numbers; money stays integer."""
    if isinstance(value, Decimal):
        return float(round_half_up(value))
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value
