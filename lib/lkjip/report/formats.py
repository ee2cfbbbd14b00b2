"""Output formats and the choice of renderer; light to import, so that the CLI can check its
options (and skip an unchanged batch) without loading pandoc, nbformat or the notebooks."""

from __future__ import annotations

import shutil

from lkjip.problems import InputError

FORMATS = ("docx", "pdf")
RENDERERS = ("auto", "embedded", "quarto")


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def resolve_renderer(renderer: str) -> str:
    """``embedded`` or ``quarto``: ``auto`` takes Quarto when it is installed."""
    if renderer not in RENDERERS:
        raise InputError(f"renderer tidak dikenal: {renderer}; pilihan: {', '.join(RENDERERS)}")
    if renderer == "quarto" and not quarto_available():
        raise InputError("renderer quarto diminta, tetapi perintah 'quarto' tidak ada di PATH")
    if renderer == "auto":
        return "quarto" if quarto_available() else "embedded"
    return renderer
