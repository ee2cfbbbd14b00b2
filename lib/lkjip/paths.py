"""Where the repository's notebooks and templates are, and where outputs go by default."""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
TEMPLATES = REPOSITORY / "templates"
OUTPUTS = Path("outputs")


def notebooks_dir() -> Path:
    """Where the chapter notebooks live (``LKJIP_NOTEBOOKS`` overrides the repository folder)."""
    override = os.environ.get("LKJIP_NOTEBOOKS")
    return Path(override) if override else REPOSITORY / "notebooks"
