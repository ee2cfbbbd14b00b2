"""Helpers the sections of BAB I share: counts, sums, references, narratives."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip.formatting import angka
from lkjip.loader import Row
from lkjip.metrics.capaian import HUNDRED
from lkjip.report.blocks import Block, Inline, Ref
from lkjip.report.context import ReportContext


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
