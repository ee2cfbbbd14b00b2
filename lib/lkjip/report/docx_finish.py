"""Finish the Word draft pandoc wrote, directly (the embedded renderer) or through Quarto.

- Word updates every field (captions, references, lists, page numbers) when the draft is opened.
- Section breaks the draft did not write itself (Quarto's, around a ``.landscape`` div, or none
  where content marked landscape has no break yet) take the draft's page layout; a section left
  empty between two breaks is removed. Page numbers restart where their format changes.
- Every numbered section gets the page-number footer, and the last section its own layout.
- Tables fill exactly the text width of their section (portrait or landscape), never more;
  their text is in the table paragraph style at the size their layout chose, header rows are
  shaded, no row splits across pages, and the end of a table stays with its source line.
- List items inside a narrative section take the narrative style too.
- The draft records where it came from and what was generated in it (a custom XML part that
  Word keeps), for ``lkjip narrative pull``.
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from lkjip.report import wordfields as wf
from lkjip.report.draft import ANCHOR_PREFIX, NS, W, q, read_content
from lkjip.report.tablelayout import TABLE_SIZE

if TYPE_CHECKING:
    from lkjip.report.chart import Chart

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
CUSTOM_PROPS_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
RECORD_NS = "urn:lkjip:draf:1"
RECORD_PART = "customXml/lkjipDraf.xml"
# Children of w:settings that come after w:updateFields in the schema's sequence.
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
}  # fmt: skip


def finish_docx(
    path: Path,
    last: wf.Section,
    origin: dict[str, str] | None = None,
    properties: dict[str, str] | None = None,
    charts: Mapping[str, Chart] | None = None,
) -> None:
    """Rewrite the DOCX at ``path`` in place (it is still a temporary file). ``properties``:
    the document's title, subject, author and keywords; ``charts``: the native charts that
    replace their placeholder paragraphs (:func:`lkjip.report.chart_docx.insert_charts`)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    if charts:
        from lkjip.report.chart_docx import insert_charts

        insert_charts(parts, charts)
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find("w:body", NS)
    _landscape_where_missing(body)
    last = _normalise_sections(body, last)
    _sections(body, last)
    _fit_tables(body, last)
    for table in body.iter(q("w:tbl")):
        _table_look(table)
    _center_headers(body)
    _narrative_styles(body)
    parts["word/document.xml"] = _xml(document)
    parts["word/settings.xml"] = _update_fields(parts["word/settings.xml"])
    parts["word/styles.xml"] = _indonesian_styles(parts["word/styles.xml"])
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _core_properties(parts["docProps/core.xml"], properties or {})
    numbering = parts.get("word/numbering.xml")
    content = read_content(body, etree.fromstring(numbering) if numbering else None)
    record = {"versi": 1, "asal": origin or {}, "isi": content.to_json()}
    _add_record(parts, record)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def read_record(path: Path) -> dict[str, object] | None:
    """The record a draft carries (``None`` for a DOCX lkjip did not write)."""
    with zipfile.ZipFile(path) as archive:
        if RECORD_PART not in archive.namelist():
            return None
        root = etree.fromstring(archive.read(RECORD_PART))
    return json.loads(root.text or "{}")


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- sections ------------------------------------------------------------------------------------
def _sections(body: etree._Element, last: wf.Section) -> None:
    """Footers for every numbered section; the final section's layout from ``last``."""
    final = body.find("w:sectPr", NS)
    if final is None:
        final = etree.SubElement(body, q("w:sectPr"))
    footers = final.findall("w:footerReference", NS)
    replacement = etree.fromstring(
        f'<w:sectPr xmlns:w="{W}" xmlns:r="{R}">{last.properties()}</w:sectPr>'
    )
    final[:] = [*footers, *replacement]
    for sect in body.iterfind("w:p/w:pPr/w:sectPr", NS):
        if sect.find("w:pgNumType", NS) is not None and sect.find("w:footerReference", NS) is None:
            for index, footer in enumerate(footers):
                sect.insert(index, _copy(footer))


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


LANDSCAPE_MARK = "lanskap-"  # bookmark (a div's id) around content that goes on landscape pages


def _section_break(sect: str = "") -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:sectPr>{sect}</w:sectPr></w:pPr></w:p>')


def _is_break(child: etree._Element) -> bool:
    return child.tag == q("w:p") and child.find("w:pPr/w:sectPr", NS) is not None


def _is_landscape(sect: etree._Element) -> bool:
    size = sect.find("w:pgSz", NS)
    return size is not None and size.get(q("w:orient")) == "landscape"


def _body_child(body: etree._Element, node: etree._Element) -> etree._Element:
    while node.getparent() is not body:
        node = node.getparent()
    return node


def _landscape_where_missing(body: etree._Element) -> None:
    """Content inside a ``lanskap-…`` bookmark that no landscape section break closes gets
    one (and a break before it): the renderer left the orientation to this step."""
    ends = {e.get(q("w:id")): e for e in body.iter(q("w:bookmarkEnd"))}
    for start in list(body.iter(q("w:bookmarkStart"))):
        end = ends.get(start.get(q("w:id")))
        if not start.get(q("w:name"), "").startswith(LANDSCAPE_MARK) or end is None:
            continue
        first, last = _body_child(body, start), _body_child(body, end)
        children = list(body)
        inside = children[children.index(first) : children.index(last) + 1]
        if any(_is_break(c) and _is_landscape(c.find("w:pPr/w:sectPr", NS)) for c in inside):
            continue
        first.addprevious(_section_break())
        last.addnext(_section_break('<w:pgSz w:orient="landscape"/>'))


# Body children that hold nothing a page shows: bookmarks around content, the body's sectPr.
_NOT_CONTENT = {q("w:bookmarkStart"), q("w:bookmarkEnd"), q("w:sectPr")}


def _empty(paragraph: etree._Element) -> bool:
    return paragraph.find("w:r", NS) is None and paragraph.find("w:hyperlink", NS) is None


def _numbering(sect: etree._Element) -> str | None:
    number = sect.find("w:pgNumType", NS)
    return number.get(q("w:fmt"), "decimal") if number is not None else None


def _normalise_sections(body: etree._Element, last: wf.Section) -> wf.Section:
    """Give every section break the draft's page layout. A break the draft wrote itself has
    page margins; another (Quarto's) takes the orientation it asks for and the page-number
    format of the draft's next break. A break right after another ends an empty section (a
    blank page) and goes. Numbering restarts at 1 where its format changes, as in the draft.
    Returns the layout of the last section."""
    breaks = [c for c in body if _is_break(c)]
    own = {id(b) for b in breaks if b.find("w:pPr/w:sectPr/w:pgMar", NS) is not None}
    numbering: dict[int, str | None] = {}
    following = last.numbering
    for child in reversed(breaks):
        sect = child.find("w:pPr/w:sectPr", NS)
        if id(child) in own:
            following = _numbering(sect)
        numbering[id(child)] = _numbering(sect) if id(child) in own else following
    children = [c for c in body if c.tag not in _NOT_CONTENT]
    for index, child in enumerate(children):
        if _is_break(child) and _empty(child) and index and _is_break(children[index - 1]):
            body.remove(child)
    children = [c for c in body if c.tag not in _NOT_CONTENT]
    if children and _is_break(children[-1]) and _empty(children[-1]):
        body.remove(children[-1])  # the last section would hold nothing
    previous: str | None = None
    for child in [c for c in body if _is_break(c)]:
        sect = child.find("w:pPr/w:sectPr", NS)
        fmt = numbering[id(child)]
        restart = fmt is not None and fmt != previous
        if id(child) in own:
            number = sect.find("w:pgNumType", NS)
            if number is not None and restart:
                number.set(q("w:start"), "1")
            elif number is not None and number.get(q("w:start")) is not None:
                del number.attrib[q("w:start")]
        else:
            layout = wf.Section(fmt, restart, landscape=_is_landscape(sect))
            sect[:] = list(_section_break(layout.properties()).find("w:pPr/w:sectPr", NS))
        previous = fmt
    restart = last.numbering is not None and last.numbering != previous
    return replace(last, restart=restart)


def _section_of_blocks(body: etree._Element, last: wf.Section) -> list[tuple[bool, list]]:
    """The body's tables grouped by section, with whether that section is landscape."""
    groups: list[tuple[bool, list]] = []
    tables: list[etree._Element] = []
    for child in body:
        if child.tag == q("w:tbl"):
            tables.append(child)
        sect = child.find("w:pPr/w:sectPr", NS) if child.tag == q("w:p") else None
        if sect is not None:
            size = sect.find("w:pgSz", NS)
            landscape = size is not None and size.get(q("w:orient")) == "landscape"
            groups.append((landscape, tables))
            tables = []
    groups.append((last.landscape, tables))
    return groups


def _fit_tables(body: etree._Element, last: wf.Section) -> None:
    """Scale each table's columns to the text width of its page (pandoc sizes them for a
    portrait page of its own default width)."""
    for landscape, tables in _section_of_blocks(body, last):
        text_width = wf.TEXT_WIDTH_LANDSCAPE if landscape else wf.TEXT_WIDTH
        for table in tables:
            columns = table.findall("w:tblGrid/w:gridCol", NS)
            widths = [int(c.get(q("w:w"), "0")) for c in columns]
            total = sum(widths)
            if not total:
                continue
            width = table.find("w:tblPr/w:tblW", NS)
            share = 1.0
            if width is not None and width.get(q("w:type")) == "pct":
                share = min(int(width.get(q("w:w"), "5000")) / 5000, 1.0)
                width.set(q("w:w"), str(round(share * 5000)))
            target = text_width * share
            for column, value in zip(columns, widths, strict=True):
                column.set(q("w:w"), str(int(value * target / total)))


def _center_headers(body: etree._Element) -> None:
    """Header cells centred, as in the genre (pandoc aligns them like their column)."""
    for row in body.iter(q("w:tr")):
        if row.find("w:trPr/w:tblHeader", NS) is None:
            continue
        for jc in row.iterfind("w:tc/w:p/w:pPr/w:jc", NS):
            jc.set(q("w:val"), "center")


# Children of w:tcPr, w:rPr that come after the ones set here, in the schema's sequence.
_TCPR_AFTER_SHD = {"noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"}
_RPR_AFTER_SZ = {
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
}  # fmt: skip
HEADER_FILL = "D9E2F3"


def _table_look(table: etree._Element) -> None:
    """The draft's look of one table: cell text in the table paragraph style (at the size the
    layout chose), every cell as wide as its grid columns, shaded header rows, rows that do
    not split across pages, and a table end that stays with the source line after it."""
    style = table.find("w:tblPr/w:tblStyle", NS)
    size = wf.table_size(style.get(q("w:val"), "")) if style is not None else None
    if style is not None:
        style.set(q("w:val"), wf.TABLE_STYLE)
    grid = [int(c.get(q("w:w"), "0")) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
    rows = table.findall("w:tr", NS)
    for row in rows:
        properties = row.find("w:trPr", NS)
        if properties is None:
            properties = etree.Element(q("w:trPr"))
            row.insert(0, properties)
        if properties.find("w:cantSplit", NS) is None:
            properties.insert(0, etree.Element(q("w:cantSplit")))
        header = properties.find("w:tblHeader", NS) is not None
        column = 0
        for cell in row.iterfind("w:tc", NS):
            span_el = cell.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(q("w:val"), "1")) if span_el is not None else 1
            _cell_properties(cell, sum(grid[column : column + span]), header)
            column += span
            for paragraph in cell.iterfind("w:p", NS):
                _table_paragraph(paragraph, size)
    # The last two rows go together (a totals row never stands alone under a repeated
    # header), and with the source line after the table.
    following = table.getnext()
    while following is not None and following.tag in (q("w:bookmarkEnd"), q("w:bookmarkStart")):
        following = following.getnext()
    sourced = following is not None and _style_of(following) == "Sumber"
    body_rows = [r for r in rows if r.find("w:trPr/w:tblHeader", NS) is None]
    kept = body_rows[-2:] if sourced else body_rows[-2:-1]
    for row in kept if len(body_rows) > 2 else []:
        for paragraph in row.iterfind("w:tc/w:p", NS):
            ppr = paragraph.find("w:pPr", NS)
            if ppr is not None and ppr.find("w:keepNext", NS) is None:
                ppr.insert(1, etree.Element(q("w:keepNext")))


def _style_of(paragraph: etree._Element) -> str:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return style.get(q("w:val"), "") if style is not None else ""


def _cell_properties(cell: etree._Element, width: int, header: bool) -> None:
    properties = cell.find("w:tcPr", NS)
    if properties is None:
        properties = etree.Element(q("w:tcPr"))
        cell.insert(0, properties)
    for old in properties.findall("w:tcW", NS):
        properties.remove(old)
    tcw = etree.Element(q("w:tcW"))
    tcw.set(q("w:w"), str(width))
    tcw.set(q("w:type"), "dxa")
    properties.insert(0, tcw)
    if header and properties.find("w:shd", NS) is None:
        shd = etree.Element(q("w:shd"))
        shd.set(q("w:val"), "clear")
        shd.set(q("w:color"), "auto")
        shd.set(q("w:fill"), HEADER_FILL)
        _insert_before(properties, shd, _TCPR_AFTER_SHD)


def _table_paragraph(paragraph: etree._Element, size: float | None) -> None:
    ppr = paragraph.find("w:pPr", NS)
    if ppr is None:
        ppr = etree.Element(q("w:pPr"))
        paragraph.insert(0, ppr)
    style = ppr.find("w:pStyle", NS)
    if style is None:
        style = etree.Element(q("w:pStyle"))
        ppr.insert(0, style)
    style.set(q("w:val"), wf.TABLE_TEXT_STYLE)
    for duplicate in ppr.findall("w:jc", NS)[1:]:  # one alignment per paragraph (Quarto's tables)
        ppr.remove(duplicate)
    if size is None or size == TABLE_SIZE:
        return
    half_points = str(round(size * 2))
    for run in paragraph.iter(q("w:r")):
        rpr = run.find("w:rPr", NS)
        if rpr is None:
            rpr = etree.Element(q("w:rPr"))
            run.insert(0, rpr)
        for tag in ("w:sz", "w:szCs"):
            for old in rpr.findall(tag, NS):
                rpr.remove(old)
        for tag in ("w:sz", "w:szCs"):
            element = etree.Element(q(tag))
            element.set(q("w:val"), half_points)
            _insert_before(
                rpr, element, _RPR_AFTER_SZ | {"szCs"} if tag == "w:sz" else _RPR_AFTER_SZ
            )


def _insert_before(parent: etree._Element, child: etree._Element, later: set[str]) -> None:
    """Insert ``child`` before the first existing child named in ``later`` (the schema's order)."""
    following = next((c for c in parent if etree.QName(c).localname in later), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)


def _narrative_styles(body: etree._Element) -> None:
    """List items of a narrative section (pandoc gives them "Compact") in the Narasi style, so
    that everything the author wrote carries it."""
    open_ids: set[str] = set()
    for child in body:
        for start in child.iter(q("w:bookmarkStart")):
            if start.get(q("w:name"), "").startswith(ANCHOR_PREFIX):
                open_ids.add(start.get(q("w:id"), ""))
        if open_ids and child.tag == q("w:p"):
            style = child.find("w:pPr/w:pStyle", NS)
            if style is not None and style.get(q("w:val")) in ("Compact", "BodyText"):
                style.set(q("w:val"), "Narasi")
        for end in child.iter(q("w:bookmarkEnd")):
            open_ids.discard(end.get(q("w:id"), ""))


# --- settings ------------------------------------------------------------------------------------
def _update_fields(settings_xml: bytes) -> bytes:
    """``<w:updateFields w:val="true"/>``: Word refreshes fields (and asks) when opening."""
    settings = etree.fromstring(settings_xml)
    for old in settings.findall("w:updateFields", NS):
        settings.remove(old)
    update = etree.Element(q("w:updateFields"))
    update.set(q("w:val"), "true")
    following = next(
        (c for c in settings if etree.QName(c).localname in _AFTER_UPDATE_FIELDS), None
    )
    if following is None:
        settings.append(update)
    else:
        following.addprevious(update)
    return _xml(settings)


# --- styles --------------------------------------------------------------------------------------
# Pandoc's own paragraph and table styles, named in Indonesian for the staff who pick styles in
# Word (Word names its built-in styles, such as "heading 1", in the user's language itself).
STYLE_NAMES = {
    "FirstParagraph": "Paragraf Pertama",
    "Compact": "Paragraf Rapat",
    "TableCaption": "Judul Tabel",
    "ImageCaption": "Judul Gambar",
    "Figure": "Gambar",
    "CaptionedFigure": "Gambar Berjudul",
    "Table": "Tabel Laporan",
}
# Styles pandoc brings for what a report never holds (source code, abstracts, definitions).
_UNUSED_STYLE = re.compile(
    r"\w+Tok|SourceCode|VerbatimChar|SectionNumber|Author|Abstract|AbstractTitle|"
    r"DefinitionTerm|Definition|FootnoteBlockText|BlockText"
)


def _indonesian_styles(styles_xml: bytes) -> bytes:
    styles = etree.fromstring(styles_xml)
    for lang in styles.iterfind("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS):
        if lang.get(q("w:val")) == "id":  # pandoc given "lang: id" (Quarto) writes the bare code
            lang.set(q("w:val"), "id-ID")
    for style in styles.findall("w:style", NS):
        ident = style.get(q("w:styleId"), "")
        if _UNUSED_STYLE.fullmatch(ident):
            styles.remove(style)
            continue
        name = style.find("w:name", NS)
        if ident in STYLE_NAMES and name is not None:
            name.set(q("w:val"), STYLE_NAMES[ident])
    return _xml(styles)


# --- document properties -------------------------------------------------------------------------
DC = "http://purl.org/dc/elements/1.1/"
CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_CORE_NAMES = {
    "title": f"{{{DC}}}title",
    "subject": f"{{{DC}}}subject",
    "author": f"{{{DC}}}creator",
    "keywords": f"{{{CORE}}}keywords",
}


def _core_properties(core_xml: bytes, properties: dict[str, str]) -> bytes:
    """Title, subject, author and keywords in ``docProps/core.xml``; the language is Indonesian."""
    core = etree.fromstring(core_xml)
    values = {**properties, "language": "id-ID"}
    names = {**_CORE_NAMES, "language": f"{{{DC}}}language"}
    for key, tag in names.items():
        if not values.get(key):
            continue
        element = core.find(tag)
        if element is None:
            element = etree.SubElement(core, tag)
        element.text = values[key]
    return _xml(core)


# --- the record ----------------------------------------------------------------------------------
def _add_record(parts: dict[str, bytes], record: dict[str, object]) -> None:
    """Store ``record`` as a custom XML part related to the main document (Word keeps those)."""
    root = etree.Element(f"{{{RECORD_NS}}}draf", nsmap={None: RECORD_NS})
    root.text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    parts[RECORD_PART] = _xml(root)
    props = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"'
        f' ds:itemID="{{{str(uuid.uuid5(uuid.NAMESPACE_URL, RECORD_NS)).upper()}}}">'
        "<ds:schemaRefs/></ds:datastoreItem>"
    )
    parts["customXml/lkjipDrafProps.xml"] = props.encode()
    parts["customXml/_rels/lkjipDraf.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{CUSTOM_PROPS_REL}" '
        'Target="lkjipDrafProps.xml"/></Relationships>'
    ).encode()
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    if not any(r.get("Target") == f"../{RECORD_PART}" for r in rels):
        taken = {r.get("Id") for r in rels}
        number = 1
        while f"rIdLkjip{number}" in taken:
            number += 1
        rel = etree.SubElement(rels, f"{{{PKG}}}Relationship")
        rel.set("Id", f"rIdLkjip{number}")
        rel.set("Type", CUSTOM_XML_REL)
        rel.set("Target", f"../{RECORD_PART}")
    parts["word/_rels/document.xml.rels"] = _xml(rels)
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {d.get("Extension") for d in types.findall(f"{{{CT}}}Default")}
    if "xml" not in defaults:
        default = etree.SubElement(types, f"{{{CT}}}Default")
        default.set("Extension", "xml")
        default.set("ContentType", "application/xml")
    override_name = "/customXml/lkjipDrafProps.xml"
    if not any(o.get("PartName") == override_name for o in types.findall(f"{{{CT}}}Override")):
        override = etree.SubElement(types, f"{{{CT}}}Override")
        override.set("PartName", override_name)
        override.set("ContentType", CUSTOM_PROPS_TYPE)
    parts["[Content_Types].xml"] = _xml(types)
