"""What a Word draft contains, as ``lkjip narrative pull`` sees it: the narrative sections (text
people write, in the Narasi and Placeholder styles, each inside its ``narasi-<anchor>``
bookmark) and everything generated from data (other paragraphs and the tables).

The same reading is done when the draft is written (and stored inside it) and when an edited
draft comes back, so any difference between the two is an edit.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
NARRATIVE_STYLES = {"Narasi", "Placeholder"}
PLACEHOLDER_MARK = "[BELUM DIISI:"
ANCHOR_PREFIX = "narasi-"
# Paragraph styles whose text is not content: list entries (rebuilt by Word), the hidden BAB
# number, and pandoc's empty section-break paragraphs have none.
SKIPPED_STYLES = {"TOC1", "TOC2", "TOC3", "TableofFigures", "NomorBab"}
_SPACE = re.compile(r"\s+")


def q(tag: str) -> str:
    """``w:p`` → the Clark name lxml uses."""
    return f"{{{W}}}{tag.removeprefix('w:')}"


def normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def style_of(paragraph: etree._Element) -> str:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return style.get(q("w:val"), "") if style is not None else ""


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph: runs (fields' cached results included), tabs, breaks;
    deleted text and field instructions excluded."""
    parts = []
    for node in paragraph.iter(q("w:t"), q("w:tab"), q("w:br"), q("w:cr")):
        if any(a.tag == q("w:del") for a in node.iterancestors()):
            continue
        if node.tag == q("w:t"):
            parts.append(node.text or "")
        elif node.tag == q("w:tab"):
            if node.getparent() is not None and node.getparent().tag == q("w:r"):
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


# --- Markdown of a narrative paragraph ----------------------------------------------------------
_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(\s)")


def _escape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\\\1", text)


def _run_props(run: etree._Element) -> tuple[bool, bool]:
    props = run.find("w:rPr", NS)

    def on(tag: str) -> bool:
        if props is None:
            return False
        node = props.find(tag, NS)
        return node is not None and node.get(q("w:val"), "true") not in ("0", "false")

    return on("w:b"), on("w:i")


def paragraph_markdown(paragraph: etree._Element) -> str:
    """A paragraph as Markdown: bold and italic runs kept, everything else literal text."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in paragraph.iter(q("w:r")):
        if any(a.tag == q("w:del") for a in run.iterancestors()):
            continue
        text = ""
        for node in run:
            if node.tag == q("w:t"):
                text += node.text or ""
            elif node.tag in (q("w:tab"),):
                text += " "
            elif node.tag in (q("w:br"), q("w:cr")):
                text += "\n"
        if text:
            bold, italic = _run_props(run)
            if pieces and pieces[-1][1:] == (bold, italic):
                pieces[-1] = (pieces[-1][0] + text, bold, italic)
            else:
                pieces.append((text, bold, italic))
    out = []
    for text, bold, italic in pieces:
        core = text.strip()
        if not core or not (bold or italic):
            out.append(_escape(text))
            continue
        mark = "***" if bold and italic else "**" if bold else "*"
        lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{_escape(core)}{mark}{tail}")
    markdown = "".join(out).strip()
    lines = [_MD_LINE_START.sub(r"\1\\\2\3", line) for line in markdown.split("\n")]
    return "  \n".join(line.strip() for line in lines)


# --- content of a draft --------------------------------------------------------------------------
@dataclass
class Section:
    """A narrative section: its Markdown, and whether it is still an unfilled placeholder."""

    markdown: str = ""
    placeholder: bool = False


@dataclass
class GeneratedTable:
    caption: str
    rows: list[list[str]]
    label: str = ""  # the bookmark around the caption's number (``_Ref_tbl_…``)


@dataclass
class DraftContent:
    narrative: dict[str, Section] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    tables: list[GeneratedTable] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def numbering_formats(numbering: etree._Element | None) -> dict[str, str]:
    """``numId`` → format of its first level (``bullet``, ``decimal`` …)."""
    if numbering is None:
        return {}
    abstract = {
        a.get(q("w:abstractNumId")): a.find("w:lvl/w:numFmt", NS)
        for a in numbering.findall("w:abstractNum", NS)
    }
    formats = {}
    for num in numbering.findall("w:num", NS):
        ref = num.find("w:abstractNumId", NS)
        fmt = abstract.get(ref.get(q("w:val"))) if ref is not None else None
        formats[num.get(q("w:numId"))] = fmt.get(q("w:val")) if fmt is not None else "bullet"
    return formats


def _list_marker(paragraph: etree._Element, formats: dict[str, str]) -> str:
    num = paragraph.find("w:pPr/w:numPr", NS)
    if num is None:
        return ""
    num_id = num.find("w:numId", NS)
    level = num.find("w:ilvl", NS)
    indent = "    " * int(level.get(q("w:val"), "0") if level is not None else 0)
    fmt = formats.get(num_id.get(q("w:val")) if num_id is not None else "", "bullet")
    return indent + ("- " if fmt == "bullet" else "1. ")


def _table_rows(table: etree._Element) -> list[list[str]]:
    return [
        [
            normal(" ".join(paragraph_text(p) for p in cell.iter(q("w:p"))))
            for cell in row.findall("w:tc", NS)
        ]
        for row in table.findall("w:tr", NS)
    ]


def _narrative_markdown(elements: list[etree._Element], formats: dict[str, str]) -> Section:
    """Markdown of a section's paragraphs (and any table an author put there)."""
    blocks: list[str] = []
    unfilled = True
    list_run = False
    for element in elements:
        if element.tag == q("w:tbl"):
            rows = _table_rows(element)
            if rows:
                width = max(len(r) for r in rows)
                lines = [
                    "| " + " | ".join(_escape(c) for c in r + [""] * (width - len(r))) + " |"
                    for r in rows
                ]
                lines.insert(1, "|" + "---|" * width)
                blocks.append("\n".join(lines))
                unfilled, list_run = False, False
            continue
        text = paragraph_text(element)
        markdown = paragraph_markdown(element)
        if style_of(element) == "Placeholder" and normal(text).startswith(PLACEHOLDER_MARK):
            continue  # the marker and its instruction are not the author's text
        if not markdown:
            list_run = False
            continue
        unfilled = False
        marker = _list_marker(element, formats)
        if marker and list_run:
            blocks[-1] += "\n" + marker + markdown
        else:
            blocks.append(marker + markdown)
        list_run = bool(marker)
    return Section("\n\n".join(blocks), placeholder=unfilled)


def read_content(body: etree._Element, numbering: etree._Element | None = None) -> DraftContent:
    """Split a ``w:body`` into narrative sections and generated content."""
    formats = numbering_formats(numbering)
    content = DraftContent()
    children = list(body)
    open_anchor: str | None = None
    open_ids: dict[str, str] = {}  # bookmark id → anchor, for narrative bookmarks still open
    members: dict[str, list[etree._Element]] = {}
    last_caption, last_label = "", ""

    def starts(element: etree._Element) -> list[tuple[str, str]]:
        found = []
        nodes = (
            [element] if element.tag == q("w:bookmarkStart") else element.iter(q("w:bookmarkStart"))
        )
        for node in nodes:
            name = node.get(q("w:name"), "")
            if name.startswith(ANCHOR_PREFIX):
                found.append((node.get(q("w:id"), ""), name[len(ANCHOR_PREFIX) :]))
        return found

    def ends(element: etree._Element) -> set[str]:
        nodes = [element] if element.tag == q("w:bookmarkEnd") else element.iter(q("w:bookmarkEnd"))
        return {n.get(q("w:id"), "") for n in nodes}

    for element in children:
        for ident, anchor in starts(element):
            open_ids[ident] = anchor
            open_anchor = anchor
            members.setdefault(anchor, [])
        is_block = element.tag in (q("w:p"), q("w:tbl"))
        inside = bool(open_ids) and open_anchor is not None
        follows = (
            open_anchor is not None
            and element.tag == q("w:p")
            and style_of(element) in NARRATIVE_STYLES
        )
        if is_block and (inside or follows):
            members[open_anchor].append(element)  # type: ignore[index]
        elif is_block:
            open_anchor = None
            if element.tag == q("w:tbl"):
                rows = _table_rows(element)
                content.tables.append(GeneratedTable(last_caption, rows, last_label))
                last_caption, last_label = "", ""
            else:
                style = style_of(element)
                text = normal(paragraph_text(element))
                if style in ("TableCaption", "ImageCaption"):
                    last_caption = text
                    names = [b.get(q("w:name"), "") for b in element.iter(q("w:bookmarkStart"))]
                    last_label = next((n for n in names if n.startswith("_Ref_")), "")
                if text and style not in SKIPPED_STYLES:
                    content.paragraphs.append(text)
        for ident in ends(element):
            open_ids.pop(ident, None)
    for anchor, elements in members.items():
        content.narrative[anchor] = _narrative_markdown(elements, formats)
    return content
