"""Ruling pages: facts exactly as the data holds them, a citation block, aggregate pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from aigc_report import default_dataset
from aigc_report.citations import english, gbt7714

from .conftest import copy_repo, sphinx_build
from .htmltext import article_text, ids, squash

DATA = default_dataset()
SLUGS = sorted(DATA.rulings)


@pytest.mark.parametrize("slug", SLUGS)
def test_page_shows_dockets_dates_and_citation(site: Path, slug: str) -> None:
    r = DATA.rulings[slug]
    page = site / "cases" / f"{slug}.html"
    html = page.read_text(encoding="utf-8")
    text = article_text(page)
    for number in r.docket_numbers:
        assert squash(number) in squash(text), number
    for event in r.events:
        assert event.date in text, event.date
    assert r.status_as_of in text
    # A ready citation, GB/T 7714 and English, exactly as the library formats it.
    court = DATA.courts[r.court]
    base = "https://aigc-copyright-reference.github.io/"
    assert squash(gbt7714(r, court, base)) in squash(text)
    assert squash(english(r, court, base)) in squash(text)
    assert f'href="{slug}.bib"' in html and f'href="{slug}.json"' in html
    # Stable section anchors a memo can cite.
    assert {f"case-{slug}", f"{slug}-facts", f"{slug}-holding", f"{slug}-history", f"{slug}-cite", f"{slug}-references"} <= ids(page)


def test_every_ruling_rests_on_a_primary_source_or_says_it_does_not(site: Path) -> None:
    """Read straight from the YAML files: a ruling with no fact at level "primary" says so on
    its card, is listed under 核实情况 on the index, and is flagged in the export."""
    folder = Path(__file__).resolve().parent.parent / "aigc_report" / "data" / "rulings"
    without = {f.stem for f in folder.glob("*.yaml") if not re.search(r'^\s*(?:\w+: )?verification: "?primary"?$|^\s+\w+: "?primary"?$', f.read_text(encoding="utf-8"), re.M)}
    without -= {slug for slug, r in DATA.rulings.items() if r.kind == "statute"}
    assert without, "every ruling now has a primary source: update this test and the index text"
    gaps = re.search(r'<table[^>]*id="primary-gaps-table".*?</table>', (site / "cases" / "index.html").read_text(encoding="utf-8"), re.S)
    assert gaps
    listed = set(re.findall(r'href="([a-z0-9-]+)\.html#case-', gaps.group(0)))
    assert listed == without
    exported = {r["slug"]: r["has_primary_source"] for r in json.loads((site / "api" / "rulings.json").read_text(encoding="utf-8"))["rulings"]}
    for slug in SLUGS:
        card = article_text(site / "cases" / f"{slug}.html")
        assert ("无一手来源" in card) == (slug in without), slug
        assert exported[slug] == (slug not in without) or DATA.rulings[slug].kind == "statute", slug


def test_unverified_facts_are_shown_not_hidden(site: Path) -> None:
    shown = 0
    for r in DATA.rulings.values():
        unverified = [e for e in r.events if e.verification == "not-verified"] + [d for d in r.dockets if d.verification == "not-verified"]
        if unverified or any(v == "not-verified" for _, v in r.verification) or (not r.dockets and r.kind != "statute"):
            assert "未能核实" in article_text(site / "cases" / f"{r.slug}.html"), r.slug
            shown += 1
    # Some rulings do have unverified facts; this test must have looked at them.
    assert shown > 0


def test_pending_rulings_carry_a_status_banner(site: Path) -> None:
    for r in DATA.rulings.values():
        html = (site / "cases" / f"{r.slug}.html").read_text(encoding="utf-8")
        if r.status in ("pending", "on-appeal") or any(e.result for e in r.events):
            assert "ruling-status" in html, r.slug


def test_api_json_validates_against_its_schema(site: Path) -> None:
    api = site / "api"
    for name in ("rulings", "glossary"):
        schema = json.loads((api / f"{name}.schema.json").read_text(encoding="utf-8"))
        doc = json.loads((api / f"{name}.json").read_text(encoding="utf-8"))
        jsonschema.validate(doc, schema)


def test_feed_is_well_formed_with_an_entry_per_update(site: Path) -> None:
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(site / "feed.xml").getroot()
    entries = root.findall("a:entry", ns)
    assert len(entries) == sum(len(r.updates) for r in DATA.rulings.values())
    for e in entries:
        assert e.find("a:link", ns).get("href").startswith("https://")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", e.find("a:updated", ns).text)


def append_to_block(text: str, key: str, item: str) -> str:
    """Add ``item`` at the end of the top-level YAML list ``key``."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-")) or not lines[end].strip()):
        end += 1
    return "".join(lines[:end] + [item] + lines[end:])


@pytest.mark.build
def test_aggregate_pages_follow_a_ruling_edit(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    out = tmp_path / "out"
    assert sphinx_build(repo, out, "-D", "aigc_pagefind=0").returncode == 0
    ruling = repo / "aigc_report" / "data" / "rulings" / "li-v-liu-ai-image.yaml"
    text = ruling.read_text(encoding="utf-8")
    new_date = "2025-12-31"
    event = f'  - date: "{new_date}"\n    kind: other\n    court: cn-bj-internet\n    what: "测试事件：用于检查聚合页随数据更新"\n    sources: [{DATA.rulings["li-v-liu-ai-image"].sources[0]}]\n    verification: primary\n'
    text = append_to_block(text, "events", event)
    text = re.sub(r'^status_as_of: .*$', f'status_as_of: "{new_date}"', text, flags=re.M)
    ruling.write_text(text, encoding="utf-8")
    # Incremental build (no -E): only the ruling's own page is re-read; the pages showing
    # every ruling are written again from their stored doctrees with the new data.
    doctrees = stamps(out / ".doctrees", "*.doctree")
    result = sphinx_build(repo, out, "-D", "aigc_pagefind=0")
    assert result.returncode == 0, result.stderr
    assert changed(doctrees, stamps(out / ".doctrees", "*.doctree")) == {"cases/li-v-liu-ai-image.doctree"}
    assert "测试事件：用于检查聚合页随数据更新" in article_text(out / "chronology.html")
    assert new_date in article_text(out / "cases" / "index.html")
    assert new_date in article_text(out / "cases" / "li-v-liu-ai-image.html")
    # Nothing changed: no page is re-read or written again.
    doctrees, pages = stamps(out / ".doctrees", "*.doctree"), stamps(out, "*.html")
    again = sphinx_build(repo, out, "-D", "aigc_pagefind=0")
    assert again.returncode == 0, again.stderr
    assert not changed(doctrees, stamps(out / ".doctrees", "*.doctree"))
    assert not changed(pages, stamps(out, "*.html")) - {"genindex.html", "search.html", "404.html"}


def stamps(folder: Path, pattern: str) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob(pattern)}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def test_sitemap_lists_every_ruling_page_with_absolute_urls(site: Path) -> None:
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert all(loc.startswith("https://") for loc in locs)
    for slug in SLUGS:
        assert any(loc.endswith(f"cases/{slug}.html") for loc in locs), slug
    assert (site / "404.html").exists()
