"""Published addresses are a contract: every URL and anchor in anchors.txt still exists,
unless conf.py declares a redirect for it."""

from __future__ import annotations

import re
from pathlib import Path

from aigc_report.anchors import collect

from .conftest import ROOT, copy_repo, sphinx_build

CONTRACT = ROOT / "anchors.txt"


def redirects(root: Path) -> set[str]:
    conf = (root / "conf.py").read_text(encoding="utf-8")
    block = re.search(r"aigc_redirects\s*=\s*\{(.*?)\}", conf, re.S)
    return set(re.findall(r'"([^"]+)"\s*:', block.group(1))) if block else set()


def missing(site: Path, root: Path) -> list[str]:
    published = set(collect(site))
    promised = [line.strip() for line in CONTRACT.read_text(encoding="utf-8").splitlines() if line.strip()]
    moved = redirects(root)
    return [a for a in promised if a not in published and a not in moved and a.split("#")[0] not in moved]


def test_contract_lists_rulings_chapters_and_terms() -> None:
    promised = CONTRACT.read_text(encoding="utf-8").split()
    assert "cases/li-v-liu-ai-image.html#li-v-liu-ai-image-holding" in promised
    assert "chapters/06-legal.html#ch06-originality" in promised
    assert "glossary.html#term-originality" in promised
    assert len(promised) > 800


def test_no_published_anchor_disappears(site: Path) -> None:
    gone = missing(site, ROOT)
    assert not gone, f"{len(gone)} published addresses are gone without a redirect: {gone[:10]}"


def test_removing_an_anchor_fails_unless_redirected(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    page = repo / "docs" / "chapters" / "04-opportunities.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(ch04-collaboration)=", "(ch04-cross-industry)="), encoding="utf-8")
    out = tmp_path / "out"
    result = sphinx_build(repo, out, "-D", "aigc_pagefind=0")
    assert result.returncode == 0, result.stderr
    old = "chapters/04-opportunities.html#ch04-collaboration"
    assert old in missing(out, repo)
    conf = repo / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace("aigc_redirects = {", f'aigc_redirects = {{\n    "{old}": "chapters/04-opportunities.html#ch04-cross-industry",', 1), encoding="utf-8")
    assert old not in missing(out, repo)
