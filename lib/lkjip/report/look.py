"""The parts of the draft's look that the Word styles (scripts/make_reference_docx.py) and the
PDF (report/typst_markup.py) take from one place: the cover's lines and the signature block.
The body text, headings, captions and tables are mirrored in templates/lkjip.typ."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CoverStyle:
    """A paragraph style of the cover: its size and the space above it, in points."""

    name: str
    size: float
    space_before: float
    bold: bool = True


COVER_STYLES = {
    style.name: style
    for style in (
        CoverStyle("Sampul Instansi", 14, 48),
        CoverStyle("Sampul Logo", 11, 30),
        CoverStyle("Sampul Judul", 18, 42),
        CoverStyle("Sampul Kecamatan", 16, 36),
        CoverStyle("Sampul Tahun", 16, 18),
        CoverStyle("Sampul Alamat", 10, 170, bold=False),
    )
}
LOGO_WIDTH_CM = 3.5
LOGO_GAP = 30 + LOGO_WIDTH_CM * 28.35  # points: the logo's place, kept empty without a logo
# The title's style on a cover without a logo: the logo's place is left empty above it.
TITLE_WITHOUT_LOGO = "Sampul Judul Tanpa Logo"
COVER_STYLES[TITLE_WITHOUT_LOGO] = CoverStyle(
    TITLE_WITHOUT_LOGO, COVER_STYLES["Sampul Judul"].size,
    COVER_STYLES["Sampul Judul"].space_before + LOGO_GAP,
)  # fmt: skip
SIGNATURE_INDENT_CM = 8.5  # the signature block sits in the right part of the text width
