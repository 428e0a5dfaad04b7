"""Build the Pagefind search index over a built site (run after the HTML build)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: What Pagefind indexes: the article only, not the theme's navigation and toolbar words.
ROOT_SELECTOR = "article.bd-article"
#: Elements whose text is not content: heading anchors, correction markers, copy buttons.
EXCLUDE = (".headerlink", ".erratum-ref", ".copybtn", ".table-tools", ".toctree-wrapper")
#: Keep the characters of docket numbers ("23-5233", "C-5/08", "(2023)京0491民初11279号") inside words.
INCLUDE_CHARACTERS = "-/()"


def command(site: Path) -> list[str]:
    """The Pagefind command line for ``site``.

    >>> cmd = command(Path("build/html"))
    >>> cmd[1:3], "--force-language" in cmd
    (['--site', 'build/html'], True)
    """
    from pagefind_bin_extended import get_executable

    cmd = [str(get_executable()), "--site", str(site), "--root-selector", ROOT_SELECTOR, "--force-language", "zh", f"--include-characters={INCLUDE_CHARACTERS}", "--silent"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    return cmd


def build(site: Path) -> None:
    """Index ``site`` in place (writes ``site/pagefind/``); raises if Pagefind fails."""
    subprocess.run(command(site), check=True)


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "build/html"))
