"""Output formats and the choice of renderer; light to import, so that the CLI can check its
options (and skip an unchanged batch) without loading pandoc, nbformat or the notebooks.

The embedded renderer is the default, also where Quarto is installed: it is many times faster
and writes the Word fields the staff need. Quarto is used only when asked for, on the command
line (``--renderer quarto``) or by a city (``renderer: quarto`` in its config).
"""

from __future__ import annotations

import shutil

from lkjip.problems import InputError

FORMATS = ("docx", "pdf")
RENDERERS = ("auto", "embedded", "quarto")


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def check_renderer(requested: str) -> str:
    """``requested`` as given on the command line, checked."""
    if requested not in RENDERERS:
        raise InputError(f"renderer tidak dikenal: {requested}; pilihan: {', '.join(RENDERERS)}")
    return requested


def renderer_for(requested: str, configured: str | None = None) -> str:
    """``embedded`` or ``quarto``: an explicit choice wins; ``auto`` takes the city's own choice
    (``renderer:`` in its config) and otherwise the embedded renderer, whether or not Quarto is
    installed."""
    check_renderer(requested)
    if requested != "auto":
        return requested
    return configured or "embedded"


def require_quarto(who: list[str]) -> None:
    """Stop before any work when Quarto is to render ``who`` (cities or kecamatan) but the
    ``quarto`` command is missing."""
    if who and not quarto_available():
        raise InputError(
            "renderer quarto diminta untuk "
            + ", ".join(who)
            + ", tetapi perintah 'quarto' tidak ada di PATH; pasang Quarto "
            "(https://quarto.org) atau pakai --renderer embedded"
        )
