"""Indonesian presentation of numbers, money, dates and counts; rounding happens here, once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from typing import Literal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

from lkjip.dates import MonthYear

LOCALE = "id_ID"
EMPTY = "-"
MINUS = "\u2212"
"""The one minus sign of the report: every negative number and difference is printed with the
typographic minus "−" (U+2212), never the hyphen "-", which marks an empty cell (:data:`EMPTY`)."""


Pembulatan = Literal["setengah_ke_atas", "potong"]
"""How a city presents a decimal: half-up (the default), or cut after the last decimal shown
(``potong``, as some regions do: 95,255 → 95,25)."""
DEFAULT_PEMBULATAN: Pembulatan = "setengah_ke_atas"
_ROUNDING = {"setengah_ke_atas": ROUND_HALF_UP, "potong": ROUND_DOWN}
_in_force: list[Pembulatan] = [DEFAULT_PEMBULATAN]


def set_pembulatan(rule: Pembulatan) -> None:
    """Make ``rule`` the rounding of every number presented from now on in this process. The
    report context sets the city's rule when it is opened (:func:`lkjip.report.context.
    open_report`), before anything is formatted; a process builds one report at a time."""
    if rule not in _ROUNDING:
        raise ValueError(f"unknown rounding rule: {rule}")
    _in_force[0] = rule


def pembulatan_berlaku() -> Pembulatan:
    """The rounding rule in force (:func:`set_pembulatan`)."""
    return _in_force[0]


@contextmanager
def pembulatan(rule: Pembulatan) -> Iterator[None]:
    """``rule`` in force inside the block, the previous rule after it."""
    before = pembulatan_berlaku()
    set_pembulatan(rule)
    try:
        yield
    finally:
        set_pembulatan(before)


def _quantize(value: Decimal | int, places: int, rounding: str) -> Decimal:
    value = Decimal(value)
    with localcontext() as context:
        # The precision grows with the value: a ratio of two large inputs may have more than the
        # default 28 digits, which ``quantize`` would refuse (InvalidOperation).
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def round_half_up(value: Decimal | int, places: int = 2) -> Decimal:
    """Half-up rounding on Decimal (Babel and ``round`` would round half to even), whatever the
    rule in force: for comparisons and machine-readable output. What a reader sees is rounded by
    :func:`bulatkan`."""
    return _quantize(value, places, ROUND_HALF_UP)


def bulatkan(value: Decimal | int, places: int = 2) -> Decimal:
    """``value`` to ``places`` decimals by the rounding rule in force (:func:`set_pembulatan`):
    half-up by default, or cut towards zero (``potong``). The one rounding of every number the
    report prints; every formatter below goes through it."""
    return _quantize(value, places, _ROUNDING[pembulatan_berlaku()])


def angka(value: Decimal | int | None, places: int = 2) -> str:
    """``1234567.885`` → ``1.234.567,89`` (``1.234.567,88`` when cutting); ``-0.2`` → ``−0,20``;
    None → ``-``."""
    if value is None:
        return EMPTY
    return _angka(str(bulatkan(value, places)), places)


@lru_cache(maxsize=8192)
def _angka(rounded: str, places: int) -> str:
    # Babel re-parses the pattern on every call; a report formats the same few thousand numbers
    # (table cells, chart ticks) again and again.
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext() as context:  # Babel quantizes too: room for every digit (see above)
        context.prec = max(context.prec, len(rounded) + 2)
        number = Decimal(rounded)
        text = format_decimal(abs(number), format=pattern, locale=LOCALE)
    # A value that rounds to zero is printed without a sign ("0,00", not "−0,00").
    return MINUS + text if number < 0 else text


def detik(seconds: float) -> str:
    """A duration ``1.25`` → ``1,3`` (seconds, one decimal). ``str()`` first: the shortest decimal
    form, so 0.35 rounds half-up to 0,4 as a reader expects."""
    return angka(Decimal(str(seconds)), 1)


def angka_ringkas(value: Decimal | int | None, max_places: int = 2) -> str:
    """Like :func:`angka` but without trailing zeros: ``73`` → ``73``, ``7.8`` → ``7,8``."""
    if value is None:
        return EMPTY
    rounded = bulatkan(value, max_places).normalize()
    places = max(0, -rounded.as_tuple().exponent)  # type: ignore[operator]
    return angka(rounded, places)


def places_of(value: Decimal | int, max_places: int = 2) -> int:
    """The decimals a value carries, at most ``max_places``: ``Decimal("76.10")`` → 2,
    ``Decimal("7.8")`` → 1, ``73`` → 0. A Decimal keeps the digits it was written with (the loader
    reads "76,10" as ``76.10``), so this is the precision the value was entered with."""
    if isinstance(value, int):
        return 0
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity; not produced by the loader
        return 0
    return min(max_places, max(0, -exponent))


def angka_masukan(value: Decimal | int | None, max_places: int = 2) -> str:
    """A value with the decimals it carries (as entered): ``76.10`` → ``76,10``, ``7.8`` →
    ``7,8``, ``73`` → ``73``; more than ``max_places`` decimals are rounded (:func:`bulatkan`). A value
    computed by Decimal arithmetic keeps its operands' decimals (``82.80 − 82.50`` → ``0,30``)."""
    if value is None:
        return EMPTY
    return angka(value, places_of(value, max_places))


def angka_bertanda(value: Decimal | int | None, max_places: int = 2) -> str:
    """A change or difference with its sign: ``+1,67``, ``−0,01``, ``0`` (decimals as
    :func:`angka_masukan`)."""
    if value is None:
        return EMPTY
    places = places_of(value, max_places)
    text = angka(value, places)
    return f"+{text}" if bulatkan(value, places) > 0 else text


def persen(value: Decimal | int | None, places: int = 2) -> str:
    """``100.789`` → ``100,79%``."""
    return EMPTY if value is None else angka(value, places) + "%"


def rupiah(value: int | None) -> str:
    """``10802728000`` → ``Rp 10.802.728.000``."""
    if value is None:
        return EMPTY
    sign = MINUS if value < 0 else ""
    return f"{sign}Rp {angka(abs(value), 0)}"


def rupiah_ringkas(value: int | None) -> str:
    """Rupiah with a word of scale, for chart labels: ``29564223620`` → ``Rp 29,56 miliar``,
    ``75000000`` → ``Rp 75 juta``, ``850000`` → ``Rp 850.000``."""
    if value is None:
        return EMPTY
    sign = MINUS if value < 0 else ""
    for scale, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")):
        if abs(value) >= scale:
            return f"{sign}Rp {angka_ringkas(Decimal(abs(value)) / scale)} {word}"
    return rupiah(value)


def tanggal(value: dt.date | MonthYear | None) -> str:
    """``2024-12-31`` → ``31 Desember 2024``; a month without a day stays so: ``Februari
    2025``."""
    if value is None:
        return EMPTY
    if isinstance(value, MonthYear):
        return str(value)
    return format_date(value, format="d MMMM y", locale="id")


def terbilang(value: int) -> str:
    """Whole number in Indonesian words: ``17`` → ``tujuh belas``."""
    words = num2words(abs(value), lang="id")
    return f"minus {words}" if value < 0 else words


def bilangan_terbilang(value: int) -> str:
    """Count with words, as the genre writes it: ``2`` → ``2 (dua)``."""
    return f"{value} ({terbilang(value)})"


def rupiah_terbilang(value: int) -> str:
    """``46754089520`` → ``empat puluh enam miliar … lima ratus dua puluh rupiah``."""
    return f"{terbilang(value)} rupiah"
