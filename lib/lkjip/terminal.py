"""The terminal the command line writes to: standard output and error, and one way to print."""

from __future__ import annotations

from rich.console import Console

# No emoji codes: user text such as ":x:" is printed as typed (markup is off where it is printed).
out = Console(soft_wrap=True, highlight=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)


def say(text: str, style: str | None = None, console: Console = out) -> None:
    """Print ``text`` as written (no markup, no highlighting), in ``style`` when given."""
    console.print(text, style=style, markup=False, highlight=False)
