"""Nothing of the report is dropped: every sentence of 序言–十 and of the reference list is on
the built chapter pages, or is replaced by a correction listed on the errata page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aigc_report import default_dataset

from .htmltext import article_text, squash

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "aigc_report" / "data" / "report-source.txt"
PAGE_HEADER = "深圳知识产权保护中心"


def report_lines() -> list[str]:
    """The report's lines from 序言 on, without the title, the table of contents and page headers."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "序言")
    toc = next(i for i, line in enumerate(lines) if line.strip() == "目录")
    body = next(i for i, line in enumerate(lines) if i > toc and line.strip() == "一、AIGC 发展现状")
    kept = lines[start:toc] + lines[body:]
    # "- [1]…": the reference list's bullets are list markup on the site, not text.
    return [re.sub(r"^- (?=\[\d+\])", "", line) for line in kept if line.strip() and line.strip() != PAGE_HEADER]


def corrected(lines: list[str]) -> list[str]:
    """Apply every erratum to the line it corrects."""
    errata = default_dataset().errata
    out = []
    for line in lines:
        for e in errata:
            if e.report_text in line:
                line = line.replace(e.report_text, e.correction)
        out.append(line)
    return out


def expected_fragments() -> list[tuple[int, str]]:
    figures = {line for f in default_dataset().figures.values() for line in f.report_lines}
    out: list[tuple[int, str]] = []
    for n, line in enumerate(corrected(report_lines())):
        if line.strip() in figures or line.strip().strip(".") == "":
            continue
        # A table row: each cell fragment is checked; prose: each sentence.
        pieces = line.split("\t") if "\t" in line else re.split(r"(?<=[。！？])", line)
        for piece in pieces:
            piece = squash(piece)
            if len(piece) >= 2:
                out.append((n, piece))
    return out


@pytest.fixture(scope="module")
def chapters_text(site: Path) -> str:
    pages = sorted((site / "chapters").glob("*.html"))
    assert len(pages) == 12, [p.name for p in pages]
    return squash("".join(article_text(p) for p in pages))


def test_every_sentence_of_the_report_is_on_the_site(chapters_text: str) -> None:
    missing = [piece for _, piece in expected_fragments() if piece not in chapters_text]
    assert not missing, f"{len(missing)} report sentences are not on the chapter pages, e.g.: {missing[:5]}"


def test_the_check_covers_the_whole_report() -> None:
    # Guard against a test that passes because it looks at nothing.
    fragments = expected_fragments()
    assert len(fragments) > 750
    assert any("春风案" in f for _, f in fragments) and any("DCI" in f for _, f in fragments)


def test_a_dropped_sentence_is_caught(chapters_text: str) -> None:
    sentence = next(piece for _, piece in expected_fragments() if "额头流汗原则" in piece)
    assert sentence in chapters_text
    assert sentence not in chapters_text.replace(sentence, "")


def test_figures_are_described_in_words(site: Path) -> None:
    data = default_dataset()
    text = "".join(article_text(p) for p in (site / "chapters").glob("*.html"))
    for fig in data.figures.values():
        assert squash(fig.description) in squash(text), fig.id
