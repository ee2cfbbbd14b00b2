"""Photos of the kecamatan's activities (sheet ``dokumentasi``, files in ``foto/``) as figures.

A photo is converted to a palette PNG no larger than :data:`MAX_SIDE` pixels on its long side
(orientation from EXIF applied, transparency on white), so that the Word draft stays small. Each
photo is published as its own ``image/png`` output whose metadata carries its caption and label;
the assembler numbers it as a figure ("Gambar 3.5 …") like any other.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

MAX_SIDE = 800
METADATA_KEY = "lkjip"  # output metadata: {"lkjip": {"caption": …, "label": …}}


@dataclass(frozen=True)
class Photo:
    png: bytes
    caption: str
    label: str


def photo_png(path: Path, max_side: int = MAX_SIDE) -> bytes:
    """The photo at ``path`` as PNG bytes: upright, RGB, at most ``max_side`` pixels, 256 colours."""
    from PIL import Image, ImageOps

    with Image.open(path) as original:
        image = ImageOps.exif_transpose(original)
        if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, "white")
            image.paste(rgba, mask=rgba.getchannel("A"))
        else:
            image = image.convert("RGB")
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        buffer = io.BytesIO()
        palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def show_photos(photos: list[Photo]) -> None:
    """Display each photo as one PNG output carrying its own caption and label, followed by its
    numbered caption for the analyst (:mod:`lkjip.report.preview`)."""
    from IPython.display import publish_display_data

    from lkjip.report.preview import figure_caption_html

    for photo in photos:
        publish_display_data(
            {
                "image/png": base64.b64encode(photo.png).decode("ascii"),
                "text/plain": photo.caption,
            },
            metadata={METADATA_KEY: {"caption": photo.caption, "label": photo.label}},
        )
        view = figure_caption_html(photo.label, photo.caption)
        publish_display_data({"text/html": view, "text/plain": photo.caption})
