"""What a reader sees in a real browser: no errors, navigation, copying a citation,
a phone-width layout, and accessibility."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

KEY_PAGES = ["index.html", "chapters/06-legal.html", "cases/li-v-liu-ai-image.html", "cases/index.html", "glossary.html"]


def all_pages(site: Path) -> list[str]:
    skip = {"search-sphinx.html", "genindex.html"}
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name not in skip and not {"pagefind", "_static"} & set(p.relative_to(site).parts))


def test_every_page_loads_without_console_errors_or_failed_requests(browser, site: Path, site_url: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # A load still in flight when the test moves to the next page is aborted, not failed;
    # a missing file shows up as an HTTP error below.
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} ({r.failure})") if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    pages = all_pages(site)
    assert len(pages) > 40
    for rel in pages:
        page.goto(site_url + rel, wait_until="load")
        assert not problems, f"{rel}: {problems}"
    page.close()


def test_home_to_chapter_to_ruling(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "index.html")
    page.locator("nav.bd-docs-nav a", has_text="七、AIGC 海外判例").first.click()
    page.wait_for_url("**/chapters/07-overseas.html")
    page.locator("article a[href*='cases/thaler-v-perlmutter']").first.click()
    page.wait_for_url("**/cases/thaler-v-perlmutter.html")
    assert "23-5233" in page.locator("table.ruling-card").inner_text()
    page.close()


def test_copy_button_copies_the_citation(browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "cases/li-v-liu-ai-image.html")
    block = page.locator("div.citation-text").first
    expected = block.locator("pre").inner_text().strip()
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == expected and "(2023)京0491民初11279号" in copied
    context.close()


@pytest.mark.parametrize("rel", KEY_PAGES + ["cases/thaler-v-perlmutter.html", "chronology.html", "errata.html", "chapters/03-tools.html"])
def test_no_sideways_scroll_at_phone_width(browser, site_url: str, rel: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + rel)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{rel} is {width}px wide at a 390px viewport"
    page.close()


@pytest.mark.parametrize("rel", KEY_PAGES)
def test_no_serious_accessibility_violations(browser, site_url: str, rel: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(site_url + rel)
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{rel}: " + "; ".join(f"{v['id']} ({len(v['nodes'])} nodes): {v['help']}" for v in bad)
    page.close()
