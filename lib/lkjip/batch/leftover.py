"""What is left to do in a kecamatan's draft: the narrative sections still empty there."""

from __future__ import annotations

from pathlib import Path

from lkjip.narasi import section_of
from lkjip.problems import InputError


def unfilled_sections(docx: Path) -> list[str]:
    """The titles of the narrative sections that are still placeholders in the draft at
    ``docx`` (as the staff have it, edits in Word included); [] when it cannot be read."""
    from lkjip.report.pull import read_draft

    try:
        content, _record = read_draft(docx)
    except (InputError, OSError, ValueError):
        return []
    titles = []
    for anchor, section in content.narrative.items():
        if section.placeholder:
            known = section_of(anchor)
            titles.append(known.title if known else anchor)
    return titles
