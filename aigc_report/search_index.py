"""Build the Pagefind search index over a built site (run after the HTML build).

Pagefind segments Chinese differently at index time (by dictionary words, depending on
context) and at query time, so "菲林" or "北京互联网法院" could miss the pages that contain
them. Both sides are therefore made to work on single Chinese characters: Pagefind indexes a
shadow copy of the site in which adjacent CJK characters are separated by a zero-width space
(the published pages are untouched, so copied text stays clean), and the search page splits
the reader's query the same way (``aigc-search.js``). Measured on the query set in
tests/search_queries.py; see docs/maintainers/search.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: What Pagefind indexes: the article only, not the theme's navigation and toolbar words.
ROOT_SELECTOR = "article.bd-article"
#: Elements whose text is not what a reader searches for: heading anchors, correction markers,
#: copy buttons, code examples, the source lists under each page (a source's title is not the
#: page's subject), and the pages that repeat every ruling's facts (index, chronology,
#: comparison, updates, the list of rulings without a primary source): without them a docket number finds its case page first.
EXCLUDE = (
    ".headerlink", ".erratum-ref", ".copybtn", ".table-tools", ".toctree-wrapper", ".doctest",
    ".footnote-list", "div.citation", "table.rulings-index", "table.chronology", "table.comparison", "table.updates", "table.primary-gaps",
    "a.footnote-reference",
)
#: Keep the joining characters of docket numbers ("23-5233", "C-5/08", "1:22-cv-01564") inside words.
#: Brackets are left out on purpose: with them "法院(2024)粤0192民初113号" became one token.
INCLUDE_CHARACTERS = "-/"
CJK_PAIR = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])(?=[\u3400-\u9fff\uf900-\ufaff])")
TAG = re.compile(r"(<[^>]+>)")
ZWSP = "\u200b"
#: Pages that are navigation, not content.
NOT_CONTENT = {"genindex.html", "search.html", "search-sphinx.html"}
#: What readers look up by name weighs more than running text: glossary terms and the
#: fact card at the top of each ruling page.
WEIGHTS = ((re.compile(r"<dt\b"), '<dt data-pagefind-weight="8"'), (re.compile(r'<table class="([^"]*\bruling-card\b)'), r'<table data-pagefind-weight="3" class="\1'))


def prepare(html: str) -> str:
    """The page as Pagefind should see it: weighted names, split Chinese."""
    for pattern, repl in WEIGHTS:
        html = pattern.sub(repl, html)
    return split_cjk(html)


def split_cjk(html: str) -> str:
    """Separate adjacent CJK characters in text (never inside tags) with a zero-width space.

    >>> split_cjk('<p title="北京">北京互联网法院 23-5233</p>') == '<p title="北京">北\\u200b京\\u200b互\\u200b联\\u200b网\\u200b法\\u200b院 23-5233</p>'
    True
    """
    return "".join(part if part.startswith("<") else CJK_PAIR.sub(rf"\1{ZWSP}", part) for part in TAG.split(html))


def command(shadow: Path, output: Path) -> list[str]:
    """The Pagefind command line: index ``shadow``, write the bundle to ``output``.

    >>> cmd = command(Path("/tmp/shadow"), Path("build/html/pagefind"))
    >>> cmd[1:5], "--force-language" in cmd
    (['--site', '/tmp/shadow', '--output-path', 'build/html/pagefind'], True)
    """
    from pagefind_bin_extended import get_executable

    cmd = [str(get_executable()), "--site", str(shadow), "--output-path", str(output), "--root-selector", ROOT_SELECTOR,
           "--force-language", "zh", f"--include-characters={INCLUDE_CHARACTERS}", "--silent"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    return cmd


class Indexing:
    """Pagefind indexing ``site`` in the background, over a shadow copy of its pages.

    The copy is taken when this is made, so later rewrites of the pages (the icon script
    tag) do not race with Pagefind, and the build can go on with its other outputs.
    """

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self.output = self.site / "pagefind"
        if self.output.exists():
            shutil.rmtree(self.output)
        self._tmp = tempfile.TemporaryDirectory(prefix="aigc-search-")
        shadow = Path(self._tmp.name)
        for page in sorted(self.site.rglob("*.html")):
            if page.name in NOT_CONTENT or self.output in page.parents:
                continue
            target = shadow / page.relative_to(self.site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(prepare(page.read_text(encoding="utf-8")), encoding="utf-8")
        self._process = subprocess.Popen(command(shadow, self.output))

    def wait(self) -> None:
        """Wait for Pagefind; raises if it failed."""
        try:
            code = self._process.wait()
            if code != 0:
                raise subprocess.CalledProcessError(code, self._process.args)
        finally:
            self._tmp.cleanup()

    def cancel(self) -> None:
        self._process.kill()
        self._process.wait()
        self._tmp.cleanup()


def build(site: Path) -> None:
    """Index ``site`` (writes ``site/pagefind/``); raises if Pagefind fails."""
    Indexing(site).wait()


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "build/html"))
