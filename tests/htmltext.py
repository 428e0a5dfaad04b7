"""Read a built page as a reader sees it: the article's text, tables and ids."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "source"}
SKIP_CLASSES = {"headerlink", "erratum-ref", "copybtn"}


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 while inside the article
        self.skip = 0  # >0 while inside an element whose text is not content
        self.stack: list[tuple[bool, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        is_article = tag == "article" and "bd-article" in classes
        is_skip = bool(classes & SKIP_CLASSES) or tag in ("script", "style")
        self.stack.append((is_article, is_skip))
        self.depth += is_article
        self.skip += is_skip

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        is_article, is_skip = self.stack.pop()
        self.depth -= is_article
        self.skip -= is_skip

    def handle_data(self, data: str) -> None:
        if self.depth > 0 and self.skip == 0:
            self.parts.append(data)


def article_text(page: Path) -> str:
    """The visible text of the page's article (no heading anchors, no correction markers)."""
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def squash(text: str) -> str:
    """Text without any white space: the report's line breaks and spaces carry no meaning."""
    return re.sub(r"\s+", "", text)


def ids(page: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))
