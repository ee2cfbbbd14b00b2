"""Stated figures: numbers an operator copied from a document that states a derived figure (a
kegiatan or program total, the grand total, a capaian, a staff table's total). lkjip never uses
them: it computes the figure, and ``lkjip validate`` compares the two and names the row where they
differ, so that an operator's wrong total does not simply vanish.

One mechanism for every such figure: :func:`differs` decides, :func:`check` records the error.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip.formatting import angka, angka_masukan, rupiah
from lkjip.loader import Row
from lkjip.problems import Problems


def differs(stated: Decimal | int, computed: Decimal | int) -> bool:
    """Whether a stated figure differs from the computed one beyond the way it is written. A
    whole number (money, a count) must be equal; a decimal may be off by less than one unit of
    its last written decimal, so a figure rounded or cut to the decimals it shows is accepted
    (104,74 or 104,7 for 104,7407; 95,25 or 95,26 for 95,255)."""
    if isinstance(stated, int):
        return stated != computed
    exponent = stated.as_tuple().exponent
    unit = Decimal(1).scaleb(min(0, exponent if isinstance(exponent, int) else 0))
    return abs(Decimal(computed) - stated) >= unit


def shown(value: Decimal | int, money: bool = False) -> str:
    """A figure as a message quotes it: Rupiah, a whole count, or a decimal as written."""
    if money:
        return rupiah(int(value))
    return angka(value, 0) if isinstance(value, int) else angka_masukan(value)


def check(
    problems: Problems,
    row: Row,
    column: str,
    stated: Decimal | int,
    computed: Decimal | int,
    message: str,
    basis: str,
    money: bool = False,
) -> bool:
    """Record an error at ``row``/``column`` when ``stated`` :func:`differs` from ``computed``:
    ``message`` says which figure, ``basis`` how lkjip computed it ("jumlah sheet anggaran").
    True when they differ."""
    if not differs(stated, computed):
        return False
    expected = (
        rupiah(int(computed)) if money else angka(computed, 0 if isinstance(computed, int) else 2)
    )
    problems.error(
        message, found=shown(stated, money), expected=f"{expected} ({basis})", **row.where(column)
    )
    return True
