"""Sphinx configuration for the AIGC copyright reference (build: sphinx-build -c . docs build/html)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from aigc_report.bibstyle import register as register_bibstyle  # noqa: E402

register_bibstyle()

project = "人工智能生成内容（AIGC）作品版权认定参考"
author = "AIGC 版权认定参考编辑组"
copyright = "2024–2026，中国（深圳）知识产权保护中心（报告原文）；AIGC 版权认定参考编辑组（整理与更新）"
language = "zh_CN"

extensions = [
    "myst_parser",
    "sphinx.ext.doctest",
    "sphinxcontrib.bibtex",
    "sphinx_copybutton",
    "aigc_report.sphinxext",
]

# Markdown pages only; the data package has its own docs.
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "**/.ipynb_checkpoints", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0  # every citable heading has an explicit ASCII (label)=

nitpicky = True
suppress_warnings: list[str] = []

# The canonical address of the published site: absolute URLs in citations, the feed,
# OpenGraph tags and the data API all come from this one setting.
html_baseurl = os.environ.get("AIGC_BASE_URL", "https://aigc-copyright-reference.github.io/")
aigc_root = str(ROOT)
# Published addresses that moved (see anchors.txt and tests/test_anchors.py):
# "old.html#anchor": "new.html#anchor". Adding anchors is free; removing one needs an entry.
aigc_redirects = {
}
aigc_description = "人工智能生成内容（AIGC）作品版权认定分析报告全文、中外判例核实信息、术语表与合规要点。"

# Bibliography: one file at the root; footnote citations per page.
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "aigc"
bibtex_reference_style = "author_year"
bibtex_footcite_id = "footcite-{key}"

# Theme.
html_theme = "sphinx_book_theme"
html_title = "AIGC 作品版权认定参考"
html_favicon = "aigc_report/sphinxext/static/favicon.svg"
html_last_updated_fmt = "%Y-%m-%d"
html_static_path: list[str] = []
templates_path = ["templates"]
# Where the source lives, for the theme's source/edit/issue links. Deployments set
# AIGC_REPOSITORY_URL (and AIGC_BASE_URL above) to their own addresses.
REPOSITORY_URL = os.environ.get("AIGC_REPOSITORY_URL", "https://github.com/aigc-copyright-reference/aigc-report")
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": "main",
    "path_to_docs": "docs",
    "use_repository_button": True,
    "use_edit_page_button": True,
    "use_source_button": True,
    "use_issues_button": True,
    "use_download_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
# pydata-sphinx-theme logs "Got invalid theme mode" on a first visit unless this is set.
html_context = {"default_mode": "auto"}
html_additional_pages = {"search-sphinx": "search-sphinx.html"}
html_copy_source = False
html_show_sourcelink = False

# Chinese full-text search (Sphinx's own index, kept working; see docs/maintainers).
html_search_language = "zh"
# Sphinx's zh search re-loads jieba's own dict.txt as a "user" dictionary when no "dict" is
# given: 349k add_word calls, measured ~1.1 s of every build (clean or incremental). jieba
# loads the same main dictionary by itself when it first segments, so "" loses nothing.
html_search_options = {"dict": ""}

# Links: bounded, and an explicit offline switch for machines without network.
linkcheck_timeout = 15
linkcheck_retries = 2
linkcheck_workers = 5
linkcheck_allowed_redirects = {
    r"https://doi\.org/.*": r"https://.*",
    r"https://github\.com/.*": r"https://github\.com/.*",
}
linkcheck_ignore = [
    # Each entry: why it cannot be checked automatically.
    r"https://aigc-copyright-reference\.github\.io/.*",  # our own site: checked by the internal -n build
]
if os.environ.get("AIGC_LINKCHECK_OFFLINE"):
    # Offline mode: only local links are checked (external ones are known to fail at DNS).
    linkcheck_ignore.append(r"https?://(?!127\.0\.0\.1|localhost).*")

copybutton_selector = "div.highlight pre"
doctest_global_setup = f"import sys; sys.path.insert(0, {str(ROOT)!r})"
