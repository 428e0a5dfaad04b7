"""Measure search on the built site: Pagefind (the site's search) against Sphinx's own
Chinese search, on the query set of tests/search_queries.py.

Prints, for each engine: queries with the expected page in the top three, the median time
from query to first results (cold: a fresh browser context per query, so downloads count),
the median bytes downloaded per query, and the index size on disk.

Usage: python benchmarks/search.py [SITE]
Build SITE with Sphinx's own search kept for comparison:
  sphinx-build -b html -c . -D aigc_sphinx_search=1 docs build/compare && python benchmarks/search.py build/compare
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.search_queries import QUERIES  # noqa: E402

PAGEFIND = """async (q) => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.options({ranking: window.aigcSearchRanking});
  await pf.init();
  const found = await pf.search(window.aigcSearchTerm(q));
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return {ms: performance.now() - t0, urls: top.map(d => d.url)};
}"""


def page_of(url: str, base: str = "") -> str:
    """'/cases/x.html' or 'http://127.0.0.1:1234/cases/x.html#a' -> 'cases/x'."""
    path = url.removeprefix(base).split("?")[0].split("#")[0].strip("/")
    return path.removesuffix(".html") or "index"


def measure(site: Path) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    results: dict[str, dict[str, float]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for engine in ("pagefind", "sphinx"):
                hits, times, sizes, warm, preload = 0, [], [], [], []
                for query, expected in QUERIES:
                    context = browser.new_context()
                    page = context.new_page()
                    received: list[int] = []
                    page.on("requestfinished", lambda r, got=received: got.append(r.sizes()["responseBodySize"]))
                    if engine == "pagefind":
                        # The search page preloads the engine while the reader types: measure
                        # from the moment the query is submitted.
                        page.goto(url + "search.html", wait_until="networkidle")
                        preload.append(sum(received))
                        received.clear()
                        got = page.evaluate(PAGEFIND, query)
                        ms, urls = got["ms"], [page_of(u) for u in got["urls"]]
                        # A second query on the same page: the engine and index are loaded.
                        warm.append(page.evaluate(PAGEFIND, query + " ")["ms"])
                    else:
                        start = time.perf_counter()
                        page.goto(url + "search-sphinx.html?q=" + query, wait_until="commit")
                        try:
                            page.locator("#search-results ul.search li").first.wait_for(timeout=8000)
                        except Exception:  # noqa: BLE001 - no result is a miss, not a crash
                            pass
                        ms = (time.perf_counter() - start) * 1000
                        links = page.locator("#search-results ul.search li a").evaluate_all("els => els.slice(0, 3).map(e => e.href)")
                        urls = [page_of(u, url) for u in links]
                        page.wait_for_load_state("networkidle")
                    hits += bool(expected & set(urls))
                    times.append(ms)
                    sizes.append(sum(received))
                    context.close()
                results[engine] = {
                    "hits": hits,
                    "queries": len(QUERIES),
                    "median_ms": statistics.median(times),
                    "median_bytes": statistics.median(sizes),
                    "median_warm_ms": statistics.median(warm) if warm else float("nan"),
                    "preload_bytes": statistics.median(preload) if preload else 0,
                }
            browser.close()
    finally:
        server.shutdown()
    results["pagefind"]["index_bytes"] = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    results["sphinx"]["index_bytes"] = (site / "searchindex.js").stat().st_size
    return results


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "html"
    if not (site / "pagefind").exists() or not (site / "searchindex.js").exists():
        sys.exit(f"{site} needs both indexes: build it with -D aigc_sphinx_search=1 (see the docstring)")
    for engine, r in measure(site).items():
        print(f"{engine:9s} top-3 hits {r['hits']}/{r['queries']}  median time to first results {r['median_ms']:.0f} ms, "
              f"{r['median_warm_ms']:.0f} ms repeated  median bytes per query {r['median_bytes'] / 1024:.0f} KB "
              f"(+{r['preload_bytes'] / 1024:.0f} KB page and preload)  "
              f"index on disk {r['index_bytes'] / 1024:.0f} KB")


if __name__ == "__main__":
    main()
