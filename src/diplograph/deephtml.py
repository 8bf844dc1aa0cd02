"""HTML nested deeper than lxml reads, made shallow enough to read.

libxml2 (under lxml, under trafilatura) stops building the tree 256 elements
deep ("Excessive depth in document"): everything deeper is dropped, so a page
whose article sits inside 300 ``<div>``s — or an old page that opens ``<font>``
a thousand times and never closes it — loses its article, and trafilatura then
reports "no article text". lxml's ``huge_tree`` only moves the limit (to 2048).

:func:`flatten` rewrites such a page with Python's own tokenizer, which has no
depth limit: elements deeper than ``keep`` lose their tags but keep their text
(block elements leave a ``<br>``, so paragraphs stay apart; scripts and styles
that deep are dropped with their content). The page above ``keep`` is
unchanged, so trafilatura still tells the article from the navigation.
"""

from __future__ import annotations

from html.parser import HTMLParser

from lxml import etree

KEEP = 200  # elements kept: well under libxml2's 256, with room for trafilatura's own wrappers
_EXCESSIVE_DEPTH = "Excessive depth in document"

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_RAW = frozenset({"script", "style", "template", "noscript", "textarea", "title"})
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption",
                    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
                    "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})


def too_deep(log: etree._ListErrorLog | None) -> bool:
    """Whether an lxml parser's error log says it dropped what was nested too deeply."""
    return log is not None and any(_EXCESSIVE_DEPTH in entry.message for entry in log)


def flatten(html: str, keep: int = KEEP) -> str:
    """``html`` with no element nested deeper than ``keep``: deeper tags are dropped, their text kept."""
    parser = _Flattener(keep)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


class _Flattener(HTMLParser):
    def __init__(self, keep: int) -> None:
        super().__init__(convert_charrefs=False)
        self.keep = keep
        self.depth = 0
        self.out: list[str] = []
        self.hidden = 0  # > 0 inside a script or style too deep to keep: its content is not text
        self.at_break = False  # the last thing written that is not white space is a <br> of ours

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            self._void(tag)
            return
        self.depth += 1
        if self.depth <= self.keep:
            self._emit(self.get_starttag_text() or f"<{tag}>")
        elif tag in _RAW:
            self.hidden += 1
        elif tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._void(tag)

    def _void(self, tag: str) -> None:
        if self.depth < self.keep:
            self._emit(self.get_starttag_text() or f"<{tag}>")
        elif tag in _BLOCK or tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.depth <= self.keep:
            self._emit(f"</{tag}>")
        elif tag in _RAW:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self._break()
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self._emit(data)

    def handle_entityref(self, name: str) -> None:
        if not self.hidden:
            self._emit(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.hidden:
            self._emit(f"&#{name};")

    def _break(self) -> None:
        """A line break where a block element was, one for a run of them (100 000 empty ``<div>``s in
        a row are one break, not 200 000 paragraphs for trafilatura's fallback to weigh)."""
        if not self.at_break:
            self.out.append("<br>")
            self.at_break = True

    def _emit(self, piece: str) -> None:
        self.out.append(piece)
        if piece.strip():
            self.at_break = False

    def handle_decl(self, decl: str) -> None:
        self._emit(f"<!{decl}>")


__all__ = ["KEEP", "flatten", "too_deep"]
