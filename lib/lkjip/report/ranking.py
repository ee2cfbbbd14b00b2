"""What a report's comparison with the other kecamatan of its city shows, from the phase-1 city
summary: the ranking, and which ranks the table and the chart list.

Light (no pandas, no matplotlib): the batch hashes exactly this view into each report's input
hash, so a change in one kecamatan rebuilds only the reports whose comparison it changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

# A city with more kecamatan than this shows the top of the ranking, the kecamatan with its
# neighbours and the bottom, so that table and chart keep a readable size in any city.
SHOWN_AT_MOST = 20
TOP, AROUND, BOTTOM = 10, 3, 3


@dataclass(frozen=True)
class Neighbour:
    slug: str
    nama: str
    capaian: Decimal | None
    serapan: Decimal | None


Shown = list[tuple[int, Neighbour] | None]  # (rank, kecamatan); None where ranks are left out


def ranked(summary: str) -> list[Neighbour]:
    """The city's valid kecamatan from the summary JSON, best capaian first (none last)."""
    rows = [
        Neighbour(
            r["slug"],
            r["nama"],
            None if r["capaian"] is None else Decimal(r["capaian"]),
            None if r["serapan"] is None else Decimal(r["serapan"]),
        )
        for r in json.loads(summary)
    ]
    return sorted(rows, key=lambda r: (r.capaian is None, -(r.capaian or 0)))


def shown(rows: list[Neighbour], slug: str) -> Shown:
    """The (rank, row) pairs to list for kecamatan ``slug``: all of a small city; else the top,
    ``slug`` with its neighbours and the bottom."""
    ranked_rows = list(enumerate(rows, 1))
    if len(rows) <= SHOWN_AT_MOST:
        return list(ranked_rows)
    own = next((i for i, r in ranked_rows if r.slug == slug), 0)
    keep = {
        i for i, _ in ranked_rows if i <= TOP or i > len(rows) - BOTTOM or abs(i - own) <= AROUND
    }
    out: Shown = []
    for rank, row in ranked_rows:
        if rank in keep:
            out.append((rank, row))
        elif out and out[-1] is not None:
            out.append(None)
    return out


@dataclass(frozen=True)
class Comparison:
    """Everything the comparison of kecamatan ``slug`` prints: its rank among ``count`` valid
    kecamatan, the table's rows and the chart's bars (only kecamatan with a capaian)."""

    slug: str
    count: int
    rank: int | None
    table: Shown
    chart: Shown

    def key(self) -> str:
        """The view as text, for the report's input hash."""

        def items(part: Shown) -> list[object]:
            return [
                None if item is None else [item[0], item[1].slug, item[1].nama, *_values(item[1])]
                for item in part
            ]

        data = [self.slug, self.count, self.rank, items(self.table), items(self.chart)]
        return json.dumps(data, ensure_ascii=False)


def _values(row: Neighbour) -> list[str | None]:
    return [None if v is None else str(v) for v in (row.capaian, row.serapan)]


def comparison(rows: list[Neighbour], slug: str) -> Comparison:
    """The comparison for ``slug`` from the ranked rows of its city (:func:`ranked`)."""
    rank = next((i for i, r in enumerate(rows, 1) if r.slug == slug), None)
    with_capaian = [r for r in rows if r.capaian is not None]
    return Comparison(slug, len(rows), rank, shown(rows, slug), shown(with_capaian, slug))
