"""The analyst's view: blocks as HTML that looks as the document will (Jupyter, nbconvert HTML).

Captions carry their final numbers ("Tabel 3.2 …") and references read "Tabel 3.2", both from
the outline (:mod:`lkjip.report.outline`): a table's number counts the tables of its chapter
that come before it in the outline, less those that showed nothing in this kernel (a part
switched off or without data). A notebook run from top to bottom thus numbers as the assembler
does; a reference to a table further on assumes the parts between it and here will show.

A page break is a thin rule, the signature a block right of centre, a merged cell one cell.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from lkjip.report import outline
from lkjip.report.blocks import (
    Block,
    Cell,
    Cover,
    Heading,
    Inline,
    ListBlock,
    Narrative,
    PageBreak,
    Para,
    Ref,
    Signature,
    Strong,
    Table,
)

SEQUENCE = {"table": "Tabel", "figure": "Gambar"}
UNKNOWN_REFERENCE = "tabel/gambar terkait"  # what the document says for a label it lacks
PLACEHOLDER = "background:#fff2cc;border:1px solid #bf9000;padding:8px"


@dataclass
class Session:
    """What this kernel has shown: the labels whose part displayed nothing."""

    absent: set[str] = field(default_factory=set)

    def reset(self) -> None:
        self.absent.clear()

    def shown(self, label: str, present: bool) -> None:
        if present:
            self.absent.discard(label)
        else:
            self.absent.add(label)

    def number(self, label: str) -> str:
        """``Tabel 3.2`` for a label of the outline; '' for any other."""
        found = outline.place_of(label)
        if found is None:
            return ""
        place, photo = found  # the n-th photo of a photos part follows the figures before it
        count = sum(1 for earlier in place.earlier if earlier not in self.absent) + max(photo, 1)
        mark = f"{place.chapter.mark}." if place.chapter.mark else ""
        return f"{SEQUENCE[place.part.sequence]} {mark}{count}"


SESSION = Session()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def inlines(content: list[Inline], session: Session = SESSION) -> str:
    parts = []
    for item in content:
        if isinstance(item, Ref):
            parts.append(_e(session.number(item.label) or UNKNOWN_REFERENCE))
        elif isinstance(item, Strong):
            parts.append(f"<strong>{_e(item.text)}</strong>")
        else:
            parts.append(_e(item))
    return "".join(parts)


def caption(label: str, text: str, session: Session = SESSION) -> str:
    number = session.number(label) if label else ""
    return f"<strong>{_e(number)}</strong> {_e(text)}" if number else _e(text)


def _cell(cell: Cell, tag: str, align: str | None) -> str:
    attributes = ""
    if cell.colspan > 1:
        attributes += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attributes += f' rowspan="{cell.rowspan}"'
    if align := cell.align or align:
        attributes += f' style="text-align:{align}"'
    text = _e(cell.text).replace("\n", "<br>")
    return f"<{tag}{attributes}>{f'<strong>{text}</strong>' if cell.bold else text}</{tag}>"


def table_html(table: Table, session: Session = SESSION) -> str:
    """A table with its merged cells as one cell each (colspan/rowspan), its numbered caption
    above and its source below."""

    def rows(source: list[list[Cell]], tag: str) -> str:
        lines = []
        for row in source:
            cells, column = [], 0
            for cell in row:
                align = table.aligns[column] if column < len(table.aligns) else None
                cells.append(_cell(cell, tag, None if tag == "th" else align))
                column += cell.colspan
            lines.append(f"<tr>{''.join(cells)}</tr>")
        return "".join(lines)

    parts = ['<table class="lkjip-tabel">']
    if table.caption:
        parts.append(f"<caption>{caption(table.label, table.caption, session)}</caption>")
    parts.append(f"<thead>{rows(table.head, 'th')}</thead>")
    parts.append(f"<tbody>{rows(table.body, 'td')}</tbody>")
    if table.foot:
        parts.append(f"<tfoot>{rows(table.foot, 'td')}</tfoot>")
    parts.append("</table>")
    if table.source:
        parts.append(f"<p><em>Sumber: {_e(table.source)}</em></p>")
    return "".join(parts)


def signature_html(block: Signature) -> str:
    lines = [_e(block.place_date), _e(block.jabatan), "<br><br>"]
    lines.append(f"<strong><u>{_e(block.nama)}</u></strong>")
    lines += [_e(block.pangkat)] if block.pangkat else []
    lines.append(_e(f"NIP. {block.nip}"))
    return (
        '<div class="lkjip-tanda-tangan" style="margin-left:55%;text-align:center">'
        + "<br>".join(lines)
        + "</div>"
    )


def cover_html(block: Cover) -> str:
    lines = [
        block.pemerintah.upper(),
        f"{block.judul.upper()} ({block.akronim})",
        f"KECAMATAN {block.kecamatan.upper()}",
        f"TAHUN {block.tahun}",
    ]
    body = "".join(f"<p><strong>{_e(line)}</strong></p>" for line in lines)
    alamat = f"<p>{_e(block.alamat)}</p>" if block.alamat else ""
    return f'<div class="lkjip-sampul" style="text-align:center">{body}{alamat}</div>'


def to_html(block: Block, session: Session = SESSION) -> str | None:
    """The block as the document shows it; None for written narrative (its Markdown is
    displayed as it is)."""
    if isinstance(block, Heading):
        return f"<h{block.level}>{_e(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        align = ' style="text-align:center"' if block.style == "Center" else ""
        return f"<p{align}>{inlines(block.content, session)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{inlines(i, session)}</li>" for i in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        return table_html(block, session)
    if isinstance(block, Narrative):
        if block.text is not None:
            return None
        return (
            f'<div style="{PLACEHOLDER}"><strong>[BELUM DIISI: {_e(block.title)}]</strong> '
            f"{_e(block.instruction)}</div>"
        )
    if isinstance(block, PageBreak):
        return '<hr class="lkjip-halaman-baru" title="halaman baru" style="border-top:1px dashed #999">'
    if isinstance(block, Signature):
        return signature_html(block)
    if isinstance(block, Cover):
        return cover_html(block)
    raise TypeError(block)  # pragma: no cover


def figure_caption_html(label: str, text: str, session: Session = SESSION) -> str:
    return (
        f'<p class="lkjip-keterangan" style="text-align:center">{caption(label, text, session)}</p>'
    )
