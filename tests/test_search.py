"""Search in a real browser: Pagefind over the built site, and Sphinx's own Chinese search."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_report.sphinxext.outputs import BROKEN_STEMMER, needs_search_fix

from .conftest import copy_repo, serve, sphinx_build
from .search_queries import QUERIES

pytestmark = pytest.mark.browser

# The same path as the search page: its query splitter, then Pagefind.
PAGEFIND_TOP3 = """async (q) => {
  const pf = await import("/pagefind/pagefind.js");
  await pf.options({ranking: window.aigcSearchRanking});
  await pf.init();
  const found = await pf.search(window.aigcSearchTerm(q));
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return top.map(d => d.url);
}"""


def page_of(url: str) -> str:
    return url.strip("/").removesuffix(".html") or "index"


@pytest.fixture(scope="module")
def search_page(browser, site_url: str):
    page = browser.new_page()
    page.goto(site_url + "search.html")
    yield page
    page.close()


def test_query_set_is_large_enough() -> None:
    assert len(QUERIES) >= 25


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_expected_page_in_top_three(search_page, query: str, expected: set[str]) -> None:
    urls = search_page.evaluate(PAGEFIND_TOP3, query)
    got = [page_of(u) for u in urls]
    assert expected & set(got), f"{query!r}: top three were {got}"


def test_search_page_shows_results_with_article_text(browser, site_url: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "search.html?q=Thaler")
    link = page.locator(".pagefind-ui__result-link").first
    link.wait_for(timeout=10000)
    assert "thaler-v-perlmutter" in (link.get_attribute("href") or "")
    excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
    # Snippets come from the article, not the theme's toolbar ("下载", "全屏", "搜索"…).
    assert "Thaler" in excerpt or "泰勒" in excerpt
    assert not errors
    page.close()


@pytest.mark.build
def test_sphinx_search_hangs_unpatched_and_works_patched(browser, tmp_path: Path) -> None:
    """Sphinx 9.0.4's own zh search script names a stemmer that does not exist; the build fixes it."""
    repo = copy_repo(tmp_path / "repo")
    out = tmp_path / "out"
    result = sphinx_build(repo, out, "-D", "aigc_pagefind=0", "-D", "aigc_sphinx_search=1")
    assert result.returncode == 0, result.stderr
    js = (out / "_static" / "language_data.js").read_text(encoding="utf-8")
    if needs_search_fix():
        assert BROKEN_STEMMER not in js and "window.Stemmer = EnglishStemmer;" in js
    server, url = serve(out)
    try:
        def run_search() -> tuple[list[str], str]:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "search-sphinx.html?q=Thaler")
            try:
                page.locator("#search-results ul.search li").first.wait_for(timeout=5000)
            except Exception:  # noqa: BLE001 - the broken script never shows results
                pass
            text = page.locator("#search-results").inner_text()
            page.close()
            return errors, text

        errors, text = run_search()
        assert not errors and "Thaler" in text
        js = out / "_static" / "language_data.js"
        js.write_text(js.read_text(encoding="utf-8").replace("window.Stemmer = EnglishStemmer;", "window.Stemmer = ChineseStemmer;"), encoding="utf-8")
        errors, _ = run_search()
        assert any("ChineseStemmer is not defined" in e for e in errors)
    finally:
        server.shutdown()
        server.server_close()
    server.server_close()
