"""Narrative sections in the report: the catalogue's wording adapted to the outcome of a sasaran.

The catalogue itself, anchors and the parsing of ``narasi.md`` are part of the data contract and
live in :mod:`lkjip.narasi`, beside the schema (validation uses them too).
"""

from __future__ import annotations

import re

from lkjip.narasi import Section, section_of

# The factor sections as they read once the outcome is known: a sasaran that reached its target
# is not asked for the causes of failure, one that missed it not for the keys to its success.
# Keys: the base anchor, whether the target was reached, and whether the section is the general
# one (all sasaran together) rather than one sasaran's.
BY_OUTCOME: dict[tuple[str, bool, bool], tuple[str, str]] = {
    ("faktor-pendukung", True, False): (
        "Faktor Pendukung Keberhasilan",
        "Uraikan faktor yang mendukung tercapainya target sasaran ini.",
    ),
    ("faktor-pendukung", False, False): (
        "Faktor Pendukung",
        "Uraikan faktor yang tetap mendukung capaian sasaran ini, meskipun targetnya belum "
        "tercapai.",
    ),
    ("faktor-penghambat", True, False): (
        "Kendala yang Masih Dihadapi",
        "Target sasaran ini tercapai. Uraikan kendala yang masih dihadapi dan hal yang masih "
        "dapat ditingkatkan, atau nyatakan bahwa tidak ada kendala yang berarti.",
    ),
    ("faktor-penghambat", False, False): (
        "Faktor Penghambat",
        "Uraikan faktor penyebab belum tercapainya target sasaran ini.",
    ),
    ("solusi", True, False): (
        "Upaya Mempertahankan dan Meningkatkan Kinerja",
        "Uraikan langkah untuk mempertahankan dan meningkatkan capaian sasaran ini pada tahun "
        "berikutnya.",
    ),
    ("solusi", False, False): (
        "Solusi dan Langkah Perbaikan",
        "Uraikan langkah pemecahan masalah yang telah dan akan dilakukan agar target sasaran ini "
        "tercapai.",
    ),
    ("faktor-pendukung", True, True): (
        "Faktor Pendukung Keberhasilan",
        "Uraikan faktor yang mendukung tercapainya target seluruh sasaran.",
    ),
    ("faktor-pendukung", False, True): (
        "Faktor Pendukung",
        "Uraikan faktor yang mendukung capaian kinerja, termasuk pada sasaran yang targetnya "
        "belum tercapai.",
    ),
    ("faktor-penghambat", True, True): (
        "Kendala yang Masih Dihadapi",
        "Target seluruh sasaran tercapai. Uraikan kendala yang masih dihadapi dan hal yang masih "
        "dapat ditingkatkan, atau nyatakan bahwa tidak ada kendala yang berarti.",
    ),
    ("faktor-penghambat", False, True): (
        "Faktor Penghambat",
        "Uraikan faktor penyebab belum tercapainya target pada sasaran yang belum mencapainya.",
    ),
    ("solusi", True, True): (
        "Upaya Mempertahankan dan Meningkatkan Kinerja",
        "Uraikan langkah untuk mempertahankan dan meningkatkan capaian kinerja pada tahun "
        "berikutnya.",
    ),
    ("solusi", False, True): (
        "Solusi dan Langkah Perbaikan",
        "Uraikan langkah pemecahan masalah yang telah dan akan dilakukan agar target yang belum "
        "tercapai dapat dicapai.",
    ),
}
_PER_SASARAN_SUFFIX = re.compile(r"-sasaran-\d+$")


def section_for_outcome(anchor: str, reached: bool | None) -> Section | None:
    """The factor section ``anchor`` (``faktor-penghambat-sasaran-2``, or the general
    ``faktor-penghambat``) titled and explained for the outcome: ``reached`` True when the
    target was reached (all targets, for a general section), False when not, None when unknown
    (the catalogue's wording)."""
    section = section_of(anchor)
    base = _PER_SASARAN_SUFFIX.sub("", anchor)
    key = (base, bool(reached), base == anchor)
    if section is None or reached is None or key not in BY_OUTCOME:
        return section
    title, instruction = BY_OUTCOME[key]
    return Section(anchor, title, instruction, section.required)
