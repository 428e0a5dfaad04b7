"""Load the whole data set and check it across files; fail once with every problem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from . import loader
from .fields import date_problem
from .glossary_names import normalize
from .model import Dataset
from .problems import DataError, Problem

#: Pages in docs/cases/ that are not ruling pages.
NON_RULING_PAGES = frozenset({"index"})
#: Labels every ruling page carries, so citations of its sections never break.
REQUIRED_SECTIONS = ("case", "facts", "issues", "holding", "history", "analysis", "cite", "references")
CARD_RE = re.compile(r"^```\{ruling-card\}\s+(\S+)", re.M)


def collect(root: Path) -> tuple[Dataset, list[Problem]]:
    """Read everything under ``root`` and return the data set with every problem found."""
    paths = loader.Paths(root)
    problems: list[Problem] = []
    bib = loader.load_bib(paths, problems)
    jurisdictions = loader.load_jurisdictions(paths, problems)
    courts = loader.load_courts(paths, problems)
    known = loader.Known(frozenset(jurisdictions), frozenset(courts), frozenset(e.key for e in bib))
    rulings = loader.load_rulings(paths, problems, known)
    terms = loader.load_terms(paths, problems)
    tables = loader.load_tables(paths, problems)
    errata = loader.load_errata(paths, problems)
    figures = loader.load_figures(paths, problems)
    rules = loader.load_rules(paths, problems)
    data = Dataset(jurisdictions, courts, rulings, terms, tables, errata, figures, rules, known.bib_keys)
    problems.extend(cross_check(paths, data))
    return data, problems


def cross_check(paths: loader.Paths, data: Dataset) -> Iterator[Problem]:
    """Checks that need more than one file."""
    known_keys = data.bib_keys
    for court in data.courts.values():
        if court.jurisdiction not in data.jurisdictions:
            yield Problem(court.where.path, court.where.line, "jurisdiction", f"unknown jurisdiction id {court.jurisdiction!r}", "unknown-id")

    # A docket number identifies one ruling: the same number twice is a copy-paste slip.
    seen: dict[str, tuple[str, int]] = {}
    for ruling in data.rulings.values():
        for docket, line in zip(ruling.dockets, ruling.docket_lines, strict=False):
            key = normalize(docket.number)
            if key in seen:
                first, first_line = seen[key]
                yield Problem(ruling.where.path, line, "dockets.number", f"docket {docket.number!r} is already used by {first}:{first_line}", "duplicate")
            else:
                seen[key] = (ruling.where.path, line)

    # Every ruling has a page and every page a ruling.
    pages = {p.stem: p for p in paths.cases.glob("*.md")} if paths.cases.exists() else {}
    for slug, ruling in data.rulings.items():
        page = pages.get(slug)
        if page is None:
            yield Problem(ruling.where.path, 1, "slug", f"ruling has no page: create docs/cases/{slug}.md", "page")
            continue
        text = page.read_text(encoding="utf-8")
        for section in REQUIRED_SECTIONS:
            label = f"({slug}-{section})=" if section != "case" else f"(case-{slug})="
            if label not in text:
                yield Problem(paths.show(page), 1, "(sections)", f"the page lacks the section label {label} (see docs/maintainers/data-format.md)", "page")
        shown = CARD_RE.findall(text)
        if shown != [slug]:
            yield Problem(paths.show(page), 1, "ruling-card", f"the page must show its ruling once with ```{{ruling-card}} {slug}```, found {shown}", "page")
    ruling_files = {p.stem for p in paths.rulings.glob("*.yaml")}
    for stem, page in pages.items():
        if stem not in NON_RULING_PAGES and stem not in ruling_files:
            yield Problem(paths.show(page), 1, "(page)", f"page has no ruling: create aigc_report/data/rulings/{stem}.yaml or remove the page", "page")

    # Glossary: ids and every name are unique, across all terms.
    names: dict[str, str] = {}
    ids: set[str] = set()
    for term in data.terms:
        if term.id in ids:
            yield Problem(term.where.path, term.where.line, "id", f"duplicate glossary id {term.id!r}", "duplicate")
        ids.add(term.id)
        for name in dict.fromkeys(normalize(n) for n in term.names):
            if name in names and names[name] != term.id:
                yield Problem(term.where.path, term.where.line, "aliases", f"name {name!r} is already used by term {names[name]!r}", "duplicate")
            names.setdefault(name, term.id)

    report = paths.report.read_text(encoding="utf-8") if paths.report.exists() else ""
    report_lines = {line.strip() for line in report.splitlines()}
    errata_ids: set[str] = set()
    for erratum in data.errata:
        where = erratum.where
        if erratum.id in errata_ids:
            yield Problem(where.path, where.line, "id", f"duplicate erratum id {erratum.id!r}", "duplicate")
        errata_ids.add(erratum.id)
        if erratum.report_text not in report:
            yield Problem(where.path, where.line, "report_text", "not found in the report's text (aigc_report/data/report-source.txt)", "value")
        for key in erratum.sources:
            if key not in known_keys:
                yield Problem(where.path, where.line, "sources", f"unknown bibliography key {key!r}", "unknown-key")
    for table in data.tables.values():
        for i, erratum_id in enumerate(table.row_errata):
            if erratum_id and erratum_id not in errata_ids:
                yield Problem(table.where.path, 1, f"rows[{i}].erratum", f"unknown erratum id {erratum_id!r}", "unknown-id")
    for figure in data.figures.values():
        for line in figure.report_lines:
            if line not in report_lines:
                yield Problem(figure.where.path, figure.where.line, "report_lines", f"line {line!r} is not a line of the report", "value")
    for rule in data.rules:
        where = rule.where
        if rule.jurisdiction not in data.jurisdictions:
            yield Problem(where.path, where.line, "jurisdiction", f"unknown jurisdiction id {rule.jurisdiction!r}", "unknown-id")
        for field in ("made", "published", "in_force"):
            value = getattr(rule, field)
            # Rules may name a date that is still to come (entry into force), so only the form is checked.
            if value and (msg := date_problem(value)) and "future" not in msg:
                yield Problem(where.path, where.line, field, msg, "date")
        for key in rule.sources:
            if key not in known_keys:
                yield Problem(where.path, where.line, "sources", f"unknown bibliography key {key!r}", "unknown-key")


def check(root: Path) -> list[Problem]:
    """Every problem of the data under ``root`` (empty when clean)."""
    return sorted(set(collect(root)[1]))


def load_dataset(root: Path) -> Dataset:
    """The checked data set; raises :class:`DataError` listing every problem."""
    data, problems = collect(root)
    if problems:
        raise DataError(problems)
    return data


@lru_cache(maxsize=1)
def default_dataset() -> Dataset:
    """The repository's own data (cached): what the doctests and the CLI read."""
    return load_dataset(repo_root())


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
