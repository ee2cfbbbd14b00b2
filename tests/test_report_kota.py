"""Comparison with the other kecamatan of the city: ranking table and chart of any city size."""

from __future__ import annotations

import json

from conftest import inline_text
from lkjip.report import kota
from lkjip.report.blocks import Para, Table
from lkjip.report.ranking import comparison


def city_summary(size: int, own_rank: int) -> str:
    """``size`` kecamatan with falling capaian; Sukamaju at ``own_rank``."""
    rows = []
    for rank in range(1, size + 1):
        slug = "sukamaju" if rank == own_rank else f"kec-{rank}"
        rows.append(
            {"slug": slug, "nama": slug.title(), "capaian": str(120 - rank), "serapan": "90"}
        )
    return json.dumps(rows)


def test_a_large_city_shows_top_neighbours_and_bottom(sukamaju):
    summary = city_summary(40, own_rank=25)
    blocks = kota.perbandingan_kecamatan(sukamaju, summary)
    sentence = inline_text(next(b for b in blocks if isinstance(b, Para)).content)
    assert "Di antara 40 (empat puluh) kecamatan" in sentence and "peringkat 25" in sentence
    assert "10 peringkat teratas, 3 terbawah" in sentence
    table = next(b for b in blocks if isinstance(b, Table))
    ranks = [row[0].text for row in table.body]
    top, around = [str(n) for n in range(1, 11)], [str(n) for n in range(22, 29)]
    assert ranks == [*top, "…", *around, "…", "38", "39", "40"]
    own = next(row for row in table.body if row[0].text == "25")
    assert own[1].text == "Sukamaju" and own[1].bold
    figure = kota.grafik_peringkat(sukamaju, summary)
    labels = list(figure.categories)
    assert len(labels) == 22 and "25. Sukamaju" in labels and labels.count("…") == 2


def test_a_small_city_shows_every_kecamatan(sukamaju):
    summary = city_summary(6, own_rank=1)
    table = next(b for b in kota.perbandingan_kecamatan(sukamaju, summary) if isinstance(b, Table))
    assert [row[0].text for row in table.body] == ["1", "2", "3", "4", "5", "6"]
    assert comparison(kota.neighbours(sukamaju, summary), "sukamaju").chart[-1][0] == 6
