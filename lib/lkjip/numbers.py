"""Parse numbers written the Indonesian way (and the mixed styles found in real reports).

Accepted: ``75,5``, ``1.234.567``, ``Rp 10.802.728.000,00``, ``Rp. 46.754.089.520,-``, ``100%``,
``102,2 %``, ``-1,5`` (also with the minus sign "−" the report prints), and English-style values
that are unambiguous (``6,001,500``, ``84.84``).
A single dot followed by exactly three digits is a thousands separator (``1.234`` = 1234), as in
Indonesian; any other single dot is a decimal point.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lkjip.problems import clip

_NOISE = re.compile(r"(?i)^rp\.?|,-$|%$|\s|\u00a0")
_DIGITS = re.compile(r"^\d+$")
_EMPTY = {"", "-", "—", "–"}


class NumberTextError(ValueError):
    """Raised when a cell cannot be read as a number; the message is Indonesian."""


def is_blank(text: object) -> bool:
    """True for an empty cell (None, blank string or a lone dash)."""
    if text is None:
        return True
    return isinstance(text, str) and text.strip() in _EMPTY


def parse_decimal(text: object) -> Decimal | None:
    """Return the Decimal written in ``text``, or None for an empty cell."""
    if is_blank(text):
        return None
    if isinstance(text, bool):
        raise NumberTextError("nilai ya/tidak bukan angka")
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float | Decimal):
        value = Decimal(repr(text)) if isinstance(text, float) else text
        if not value.is_finite():  # a workbook cell holding 1e400 (infinity) or NaN
            raise NumberTextError(f"'{text}' bukan angka yang terhingga")
        return value
    raw = str(text).strip()
    cleaned = raw.replace("\u2212", "-")  # the typographic minus the report prints
    # Strip currency, trailing ",-", percent sign and spaces, repeatedly (e.g. "Rp. 1.000,-").
    for _ in range(3):
        cleaned = _NOISE.sub("", cleaned)
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("()").lstrip("-+")
    number = _normalise(cleaned)
    if number is None:
        raise NumberTextError(f"'{clip(raw)}' bukan angka")
    try:
        value = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - _normalise only yields digit strings
        raise NumberTextError(f"'{clip(raw)}' bukan angka") from exc
    return -value if negative else value


def _normalise(text: str) -> str | None:
    """Turn a separator-laden digit string into ``1234.5`` form, or None when it is not a number."""
    if not text:
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        if text.count(decimal_sep) > 1:
            return None
        integer, fraction = text.split(decimal_sep)
        return _join(integer, fraction, group_sep)
    if commas:
        if commas == 1:
            integer, fraction = text.split(",")
            return _join(integer, fraction, None)
        return _join(text, "", ",")
    if dots:
        if dots == 1:
            integer, fraction = text.split(".")
            if len(fraction) == 3 and integer and len(integer) <= 3:
                return _join(text, "", ".")
            return _join(integer, fraction, None)
        return _join(text, "", ".")
    return text if _DIGITS.match(text) else None


def _join(integer: str, fraction: str, group_sep: str | None) -> str | None:
    if group_sep:
        groups = integer.split(group_sep)
        if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        integer = "".join(groups)
    if not _DIGITS.match(integer or "0") or (fraction and not _DIGITS.match(fraction)):
        return None
    integer = integer or "0"
    return f"{integer}.{fraction}" if fraction else integer


def parse_integer(text: object) -> int | None:
    """Return a whole number (counts, Rupiah); a non-zero fraction is an error."""
    value = parse_decimal(text)
    return None if value is None else whole(value, text)


def whole(value: Decimal, text: object) -> int:
    """``value`` as an int; a non-zero fraction is an error naming the cell's ``text``."""
    if value != value.to_integral_value():
        raise NumberTextError(f"'{clip(text)}' harus bilangan bulat, bukan pecahan")
    return int(value)
