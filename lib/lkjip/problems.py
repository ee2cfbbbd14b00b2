"""Validation problems: one line each, in Indonesian, naming where to fix the input."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

SHOWN_MAX = 80  # characters of a user's value quoted in a message


def clip(text: object, limit: int = SHOWN_MAX) -> str:
    """``text`` as quoted in a message: at most ``limit`` characters, cut with an ellipsis, so
    that a huge cell cannot flood the output."""
    shown = str(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class Severity(StrEnum):
    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    found: str | None = None
    expected: str = ""

    def line(self) -> str:
        """The one-line form shown to users."""
        where = [self.file] if self.file else []
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row is not None:
            where.append(f"baris {self.row}")
        if self.column:
            where.append(f"kolom {clip(self.column)}")
        text = f"[{self.severity.value}] "
        if where:
            text += ", ".join(where) + ": "
        text += self.message
        details = []
        if self.found is not None:
            details.append(f"ditemukan '{clip(self.found)}'")
        if self.expected:
            details.append(f"seharusnya {self.expected}")
        if details:
            text += " (" + "; ".join(details) + ")"
        return text

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v not in ("", None)}


class Problems(list[Problem]):
    """A list of problems with helpers to add errors and warnings at a location."""

    def error(self, message: str, **where: object) -> None:
        self.append(Problem(Severity.ERROR, message, **where))  # type: ignore[arg-type]

    def warning(self, message: str, **where: object) -> None:
        self.append(Problem(Severity.WARNING, message, **where))  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]


class InputError(Exception):
    """An error a user caused (bad path, unreadable file, bad config): reported without traceback."""
