"""The built site: pages, tables from data, stable anchors, search script, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aigc_report import default_dataset

from .conftest import ROOT, copy_repo, sphinx_build
from .htmltext import article_text, ids, squash

CHAPTERS = ["00-preface", "01-status", "02-ecosystem", "03-tools", "04-opportunities", "05-design", "06-legal",
            "07-overseas", "08-domestic", "09-compliance", "10-digital-copyright", "11-references"]


def test_home_and_one_page_per_chapter(site: Path) -> None:
    assert (site / "index.html").exists()
    for name in CHAPTERS:
        assert (site / "chapters" / f"{name}.html").exists(), name


def test_every_report_table_is_an_html_table_from_data(site: Path) -> None:
    data = default_dataset()
    for name, table in data.tables.items():
        page = next(p for p in site.rglob("*.html") if f'id="table-{name}"' in p.read_text(encoding="utf-8"))
        html = page.read_text(encoding="utf-8")
        block = html[html.index(f'id="table-{name}"'):]
        block = block[: block.index("</table>")]
        assert "<tbody>" in block
        assert block.count("<tr") == len(table.rows) + 1, name
        first_cell = next(c for c in table.rows[0] if c and c[0])[0]
        assert squash(first_cell) in squash(re.sub(r"<[^>]+>", "", block)), name


def test_headings_and_terms_have_stable_ascii_ids(site: Path) -> None:
    """Headings (sections), glossary terms (dt) and tables are what a memo links to."""
    bad: list[str] = []
    checked = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag, attrs in re.findall(r"<(section|dt|table)\b([^>]*)>", html):
            for i in re.findall(r'\bid="([^"]+)"', attrs):
                checked += 1
                if re.fullmatch(r"id\d+|term-\d+|table-\d+|section-\d+", i):
                    bad.append(f"{page.relative_to(site)}#{i} ({tag})")
    assert checked > 400
    assert not bad, bad[:10]


def test_citable_headings_keep_their_anchors(site: Path) -> None:
    page = site / "chapters" / "06-legal.html"
    assert {"ch06-legal", "ch06-originality", "ch06-reform"} <= ids(page)
    glossary = ids(site / "glossary.html")
    assert "term-originality" in glossary and "term-gan" in glossary


def test_api_and_per_ruling_citations_are_written(site: Path) -> None:
    rulings = json.loads((site / "api" / "rulings.json").read_text(encoding="utf-8"))["rulings"]
    assert {r["slug"] for r in rulings} == set(default_dataset().rulings)
    for r in rulings:
        assert (site / "cases" / f"{r['slug']}.bib").read_text(encoding="utf-8").startswith(f"@misc{{aigc-{r['slug']},")
        assert json.loads((site / "cases" / f"{r['slug']}.json").read_text(encoding="utf-8"))[0]["type"] == "legal_case"


@pytest.mark.build
def test_editing_a_table_value_changes_the_rebuilt_page(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    table = repo / "aigc_report" / "data" / "tables" / "ai-waves.yaml"
    text = table.read_text(encoding="utf-8")
    assert "第二次浪潮" in text
    table.write_text(text.replace("第二次浪潮", "第二次浪潮（测试修改值）", 1), encoding="utf-8")
    result = sphinx_build(repo, tmp_path / "out", "-D", "aigc_pagefind=0")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "out" / "chapters" / "01-status.html"
    assert "第二次浪潮（测试修改值）" in article_text(page)


@pytest.mark.build
def test_fast_sidebar_matches_the_themes_own_on_every_page(site: Path, tmp_path: Path) -> None:
    """aigc_report/sphinxext/sidebar.py renders the page tree once per build; each page's
    sidebar must be the theme's own, link for link and class for class."""
    theirs = tmp_path / "theme"
    result = sphinx_build(ROOT, theirs, "-D", "aigc_fast_sidebar=0", "-D", "aigc_pagefind=0", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stderr

    def nav(page: Path) -> str:
        return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", sidebar_nav(page)))

    pages = sorted(p.relative_to(theirs) for p in theirs.rglob("*.html") if "bd-docs-nav" in p.read_text(encoding="utf-8"))
    assert len(pages) > 50
    for page in pages:
        assert nav(site / page) == nav(theirs / page), page
    # The current page is marked, and the ruling's section is open on a ruling page.
    case = nav(site / "cases" / "suryast.html")
    assert '<a class="current reference internal" href="#">' in case and '<details open="open">' in case


@pytest.mark.build
def test_a_long_list_of_rulings_shows_only_the_current_one_in_the_sidebar(tmp_path: Path) -> None:
    """Past aigc_sidebar_max_children the sidebar would grow with every ruling on every page."""
    out = tmp_path / "out"
    result = sphinx_build(ROOT, out, "-D", "aigc_sidebar_max_children=5", "-D", "aigc_pagefind=0", "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stderr
    total = len(default_dataset().rulings)

    def sidebar_links(page: Path) -> list[str]:
        return re.findall(r'<li class="toctree-l2[^"]*"><a[^>]*href="([^"]*)"[^>]*>([^<]*)</a>', sidebar_nav(page))

    on_case = sidebar_links(out / "cases" / "suryast.html")
    assert on_case == [("#", "SURYAST 版权登记案"), ("index.html", f"全部 {total} 项 →")]
    assert sidebar_links(out / "chapters" / "07-overseas.html") == [("../cases/index.html", f"全部 {total} 项 →")]


def sidebar_nav(page: Path) -> str:
    """The left sidebar's page tree as written in ``page``."""
    found = re.search(r'<nav class="bd-links bd-docs-nav".*?</nav>', page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return found.group(0)
