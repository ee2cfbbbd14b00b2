"""Constructors for pandoc's JSON AST (pandoc-types 1.23), and safe conversion of Markdown.

Text from data and narrative only ever becomes ``Str`` nodes (or pandoc's own reading of Markdown
with every raw-markup extension off and raw nodes removed); raw nodes are created here only from
constant strings.
"""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache

Node = dict[str, object]
NO_ATTR: list[object] = ["", [], []]
SPLIT_MARK = "LKJIPSPLITMARK"
_BLANKS = re.compile(r"[ \t]+")
_ENUMERATOR = re.compile(r"\d+\.")  # what pandoc escapes as an ordered-list marker
# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the non-characters
# U+FFFE and U+FFFF. XML 1.0 forbids most of them, Word chokes on the rest.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Markdown as authors write it, without any way to reach raw Typst/OpenXML/HTML/TeX.
# Citations off: "Instagram @kecamatan.sukamaju" is a handle, not a reference to a bibliography.
SAFE_MARKDOWN = "markdown-raw_html-raw_tex-raw_attribute-native_divs-native_spans-fenced_divs-bracketed_spans-link_attributes-implicit_figures-citations"


@cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


@cache
def api_version() -> list[int]:
    out = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"],
        input="",
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["pandoc-api-version"]


def attr(ident: str = "", classes: list[str] | None = None, **kv: str) -> list[object]:
    return [ident, classes or [], [[k.replace("_", "-"), v] for k, v in kv.items()]]


def text(value: str) -> list[Node]:
    """A line of text as one Str node, its runs of spaces and tabs as single spaces, control
    characters removed (newlines become soft breaks). Writers print a Str's spaces as they print Space nodes; one node per
    line instead of two per word keeps the document of a 2,000-row budget small. A leading
    "1." stays a Str of its own: pandoc's Typst writer escapes it only then, and Typst would
    otherwise start a numbered list."""
    nodes: list[Node] = []
    for index, line in enumerate(clean_text(value).split("\n")):
        if index:
            nodes.append({"t": "SoftBreak"})
        words = [w for w in _BLANKS.split(line) if w]
        if words and _ENUMERATOR.fullmatch(words[0]) and len(words) > 1:
            nodes += [{"t": "Str", "c": words[0]}, {"t": "Space"}]
            words = words[1:]
        if words:
            nodes.append({"t": "Str", "c": " ".join(words)})
    return nodes


def clean_text(value: str) -> str:
    """``value`` without the control characters XML cannot carry (tab, newline and carriage
    return stay): user text must never make the DOCX unreadable."""
    return _CONTROL.sub("", value)


def strong(inlines: list[Node]) -> Node:
    return {"t": "Strong", "c": inlines}


def underline(inlines: list[Node]) -> Node:
    return {"t": "Underline", "c": inlines}


def line_break() -> Node:
    return {"t": "LineBreak"}


def para(inlines: list[Node]) -> Node:
    return {"t": "Para", "c": inlines}


def plain(inlines: list[Node]) -> Node:
    return {"t": "Plain", "c": inlines}


def header(level: int, inlines: list[Node], ident: str = "", unnumbered: bool = False) -> Node:
    classes = ["unnumbered"] if unnumbered else []
    return {"t": "Header", "c": [level, attr(ident, classes), inlines]}


def span(inlines: list[Node], **kv: str) -> Node:
    """Inlines with attributes; ``custom_style`` names a Word character style."""
    return {"t": "Span", "c": [attr(**kv), inlines]}


def div(blocks: list[Node], ident: str = "", classes: list[str] | None = None, **kv: str) -> Node:
    return {"t": "Div", "c": [attr(ident, classes, **kv), blocks]}


def styled(blocks: list[Node], style: str) -> Node:
    """Blocks in a named Word paragraph style (pandoc's ``custom-style``)."""
    return div(blocks, classes=[style.lower().replace(" ", "-")], custom_style=style)


def raw(fmt: str, content: str) -> Node:
    """A raw block for one output format; ``content`` must be a constant, never user text."""
    return {"t": "RawBlock", "c": [fmt, content]}


def raw_inline(fmt: str, content: str) -> Node:
    """Raw inline markup for one output format; built from constants and escaped text only."""
    return {"t": "RawInline", "c": [fmt, content]}


def bullet_list(items: list[list[Node]]) -> Node:
    return {"t": "BulletList", "c": items}


def ordered_list(items: list[list[Node]]) -> Node:
    return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}


def image_figure(path: str, caption: list[Node], ident: str = "") -> Node:
    image = {"t": "Image", "c": [attr(width="100%"), [], [path, ""]]}
    return {"t": "Figure", "c": [attr(ident), [None, [plain(caption)]], [plain([image])]]}


ALIGN = {"left": "AlignLeft", "right": "AlignRight", "center": "AlignCenter", None: "AlignDefault"}


def cell(
    blocks: list[Node], align: str | None = None, rowspan: int = 1, colspan: int = 1
) -> list[object]:
    return [NO_ATTR, {"t": ALIGN[align]}, rowspan, colspan, blocks]


def table(
    caption: list[Node],
    aligns: list[str | None],
    widths: list[float] | None,
    head: list[list[list[object]]],
    body: list[list[list[object]]],
    foot: list[list[list[object]]],
    ident: str = "",
    custom_style: str = "",
) -> Node:
    """A table; ``custom_style`` becomes the Word table's style name (pandoc's DOCX writer)."""
    specs = [
        [{"t": ALIGN[a]}, {"t": "ColWidth", "c": w} if widths else {"t": "ColWidthDefault"}]
        for a, w in zip(aligns, widths or [0.0] * len(aligns), strict=True)
    ]

    def rows(cells_: list[list[list[object]]]) -> list[object]:
        return [[NO_ATTR, r] for r in cells_]

    return {
        "t": "Table",
        "c": [
            attr(ident, custom_style=custom_style) if custom_style else attr(ident),
            [None, [plain(caption)] if caption else []],
            specs,
            [NO_ATTR, rows(head)],
            [[NO_ATTR, 0, [], rows(body)]],
            [NO_ATTR, rows(foot)],
        ],
    }


def document(blocks: list[Node], meta: dict[str, str]) -> dict[str, object]:
    return {
        "pandoc-api-version": api_version(),
        "meta": {k: {"t": "MetaInlines", "c": text(v)} for k, v in meta.items()},
        "blocks": blocks,
    }


def without_class(blocks: list[Node], cls: str) -> list[Node]:
    """``blocks`` without the (top-level) divs of class ``cls``."""
    return [
        b
        for b in blocks
        if not (b.get("t") == "Div" and cls in b["c"][0][1])  # type: ignore[index]
    ]


def _strip_raw(node: object) -> object:
    """Remove any raw node pandoc might still produce from author Markdown, replace images by
    their description (an author's text must not pull files from the machine into the report)
    and take control characters out of every string: text, link targets and titles (typed, or
    written as ``&#1;``)."""
    if isinstance(node, str):
        return clean_text(node)
    if isinstance(node, list):
        return [_strip_raw(n) for n in node if not _is_raw(n)]
    if isinstance(node, dict):
        if node.get("t") == "Image":
            return {"t": "Span", "c": [NO_ATTR, _strip_raw(node["c"][1])]}  # type: ignore[index]
        return {k: _strip_raw(v) for k, v in node.items()}
    return node


def _is_raw(node: object) -> bool:
    return isinstance(node, dict) and node.get("t") in ("RawBlock", "RawInline")


def markdown_blocks(snippets: list[str]) -> list[list[Node]]:
    """Convert Markdown snippets (narrative, notebook text) to blocks in one pandoc run."""
    if not snippets:
        return []
    joined = f"\n\n{SPLIT_MARK}\n\n".join(snippets)
    out = subprocess.run(
        [pandoc_path(), "-f", SAFE_MARKDOWN, "-t", "json"],
        input=joined,
        capture_output=True,
        text=True,
        check=True,
    )
    blocks = _strip_raw(json.loads(out.stdout)["blocks"])
    result: list[list[Node]] = [[]]
    for block in blocks:  # type: ignore[union-attr]
        if block == para([{"t": "Str", "c": SPLIT_MARK}]):
            result.append([])
        else:
            result[-1].append(block)
    return result
