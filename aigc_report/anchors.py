"""The published, citable URLs and anchors of a built site (a contract: see tests).

A memo cites ``cases/li-v-liu-ai-image.html#li-v-liu-ai-image-holding``; that address must
keep working. ``anchors.txt`` at the repository root lists every such address; adding is
free, removing one needs a redirect declared in ``conf.py`` (``aigc_redirects``).

Update the list after adding pages: ``python -m aigc_report.anchors build/html > anchors.txt``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: Which pages are citable, and which of their ids.
CITABLE_PAGES = re.compile(r"^(index|glossary|errata|rules|comparison|chronology|updates|chapters/[^/]+|cases/[^/]+)\.html$")
COUNTER_ID = re.compile(r"id\d+")
CITABLE_IDS = re.compile(r'<(?:section|dt|div|table)\b[^>]*\bid="([^"]+)"')


def collect(site: Path) -> list[str]:
    """Every citable ``page`` and ``page#anchor`` of the built ``site``, sorted.

    >>> import tempfile
    >>> site = Path(tempfile.mkdtemp())
    >>> (site / "cases").mkdir()
    >>> _ = (site / "cases" / "x.html").write_text('<section id="x-facts"><h2>案情</h2></section>')
    >>> collect(site)
    ['cases/x.html', 'cases/x.html#x-facts']
    """
    out: list[str] = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if not CITABLE_PAGES.match(rel):
            continue
        out.append(rel)
        for anchor in sorted(set(CITABLE_IDS.findall(page.read_text(encoding="utf-8")))):
            if not COUNTER_ID.fullmatch(anchor):  # docutils' numbered ids shift; never cite them
                out.append(f"{rel}#{anchor}")
    return out


if __name__ == "__main__":
    print("\n".join(collect(Path(sys.argv[1] if len(sys.argv) > 1 else "build/html"))))
