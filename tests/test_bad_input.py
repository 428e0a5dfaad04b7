"""Malformed data is rejected by `python -m aigc_report check` and by the docs build, each
time with path:line: field: message and a non-zero exit, and nothing is half-rendered."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_report.loader import Known, Paths, load_ruling
from aigc_report.problems import Problem

from .conftest import ROOT, copy_repo, sphinx_build

RULING = "aigc_report/data/rulings/thaler-v-perlmutter.yaml"
OTHER = "aigc_report/data/rulings/zarya-of-the-dawn.yaml"


def edit(rel: str, fn: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        f = repo / rel
        f.write_text(fn(f.read_text(encoding="utf-8")), encoding="utf-8")
    return apply


def sub(rel: str, pattern: str, repl: str) -> Callable[[Path], None]:
    def fn(text: str) -> str:
        new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
        assert n == 1, f"pattern {pattern!r} not found in {rel}"
        return new
    return edit(rel, fn)


def raw(rel: str, fn: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        f = repo / rel
        f.write_bytes(fn(f.read_bytes()))
    return apply


def add_file(rel: str, text: str) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        (repo / rel).write_text(text, encoding="utf-8")
    return apply


def remove(rel: str) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        (repo / rel).unlink()
    return apply


def copy_as(rel: str, new: str) -> Callable[[Path], None]:
    def apply(repo: Path) -> None:
        shutil.copy(repo / rel, repo / new)
    return apply


def first_docket(repo_rel: str) -> str:
    text = (ROOT / repo_rel).read_text(encoding="utf-8")
    return re.search(r'number: "?([^"\n]+)"?', text).group(1)


def first_entry(text: str) -> str:
    """The text of the first "- id:" entry of a YAML list file."""
    start = text.index("- id:")
    return text[start:text.index("\n- id:", start) + 1]


def first_alias_target() -> tuple[str, str]:
    import yaml

    terms = yaml.safe_load((ROOT / "aigc_report/data/glossary.yaml").read_text(encoding="utf-8"))
    return terms[0]["id"], terms[1]["zh"]


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Path], None]
    path: str
    field: str
    message: str


CASES = [
    Case("yaml-syntax", edit(RULING, lambda t: t + "broken: [unclosed\n"), RULING, r"\(syntax\)", "YAML syntax error"),
    Case("duplicate-key", edit(RULING, lambda t: t + "holding: again\n"), RULING, "holding", "duplicate key"),
    Case("wrong-type", sub(RULING, r"^names:\n(?:  .*\n)+", 'names: "just text"\n'), RULING, "names", "expected a mapping"),
    Case("missing-required", sub(RULING, r"^holding:.*\n(?:  .*\n)*", ""), RULING, "holding", "missing required field"),
    Case("unknown-field-typo", sub(RULING, r"^court:", "cort:"), RULING, "cort", "did you mean 'court'"),
    Case("impossible-date", sub(RULING, r"^status_as_of:.*$", 'status_as_of: "2023-02-30"'), RULING, "status_as_of", "impossible date"),
    Case("future-date", sub(RULING, r"^status_as_of:.*$", 'status_as_of: "2099-01-01"'), RULING, "status_as_of", "in the future"),
    Case("bad-date-format", sub(RULING, r"^status_as_of:.*$", 'status_as_of: "27/11/2023"'), RULING, "status_as_of", "expected an ISO date"),
    Case("events-out-of-order", sub(RULING, r"^  - date: .*$", '  - date: "2026-01-01"'), RULING, r"events\[1\]\.date", "events out of order"),
    Case("unknown-jurisdiction", sub(RULING, r"^jurisdiction:.*$", "jurisdiction: xx"), RULING, "jurisdiction", "unknown jurisdiction id 'xx'"),
    Case("unknown-court", sub(RULING, r"^court:.*$", "court: us-no-such-court"), RULING, "court", "unknown court id"),
    Case("unknown-bib-key", sub(RULING, r"^sources: \[", "sources: [no-such-key-2099, "), RULING, "sources", "unknown bibliography key 'no-such-key-2099'"),
    Case("unknown-outcome", sub(RULING, r"^outcome:.*$", "outcome: won"), RULING, "outcome", "is not one of"),
    Case("unknown-verification", sub(RULING, r"^  court: \S+$", "  court: surely"), RULING, r"verification\.court", "is not one of"),
    Case("empty-required-text", sub(RULING, r"^holding:.*\n(?:  .*\n)*", 'holding: ""\n'), RULING, "holding", "must not be empty"),
    Case("unsafe-slug", sub(RULING, r"^slug:.*$", "slug: Thaler_v_Perlmutter"), RULING, "slug", "unsafe characters"),
    Case("duplicate-slug", copy_as(RULING, "aigc_report/data/rulings/thaler-copy.yaml"), "aigc_report/data/rulings/thaler-copy.yaml", "slug", "must equal the file name"),
    Case("duplicate-docket", sub(OTHER, r"^dockets:\n", f'dockets:\n  - court: us-dcd\n    number: "{first_docket(RULING)}"\n    verification: primary\n    sources: []\n'), OTHER, r"dockets\.number", "is already used by"),
    Case("docket-twice-in-one-ruling", sub(RULING, r"^dockets:\n", f'dockets:\n  - court: us-dcd\n    number: "{first_docket(RULING)}"\n    verification: primary\n    sources: []\n'), RULING, r"dockets\[1\]\.number", "listed twice"),
    Case("event-docket-unknown", sub(RULING, r"^    kind: (\w[\w-]*)$", r'    kind: \1\n    docket: "99-9999"'), RULING, r"events\[0\]\.docket", "not in this ruling's dockets"),
    Case("status-older-than-events", sub(RULING, r"^status_as_of:.*$", 'status_as_of: "2000-01-01"'), RULING, "status_as_of", "older than the newest event"),
    Case("not-utf8", raw(RULING, lambda b: b + b"note: \xff\xfe\n"), RULING, r"\(encoding\)", "not UTF-8"),
    Case("byte-order-mark", raw(RULING, lambda b: b"\xef\xbb\xbf" + b), RULING, r"\(encoding\)", "byte-order mark"),
    Case("two-documents", edit(RULING, lambda t: t + "---\nslug: x\n"), RULING, r"\(document\)", "exactly one YAML document"),
    Case("ruling-without-page", remove("docs/cases/thaler-v-perlmutter.md"), RULING, "slug", "ruling has no page"),
    Case("page-without-ruling", add_file("docs/cases/ghost-case.md", "# Ghost\n"), "docs/cases/ghost-case.md", r"\(page\)", "page has no ruling"),
    Case("glossary-alias-shared", sub("aigc_report/data/glossary.yaml", r"^  aliases: \[", f'  aliases: ["{first_alias_target()[1]}", '), "aigc_report/data/glossary.yaml", "aliases", "is already used by term"),
    Case("glossary-duplicate-id", edit("aigc_report/data/glossary.yaml", lambda t: t + re.sub(r'(aliases: )\[.*\]', r'\1[]', first_entry(t)).replace('zh: "', 'zh: "重复', 1).replace('en: "', 'en: "dup ', 1)), "aigc_report/data/glossary.yaml", "id", "duplicate glossary id"),
    Case("bib-missing-field", sub("references.bib", r"^\s*language\s*=\s*\{zh\},?\n", ""), "references.bib", r"[\w:.-]+\.language", "missing field required"),
    Case("bib-malformed", sub("references.bib", r"^(\s*title\s*=\s*)\{", r"\1{{"), "references.bib", r"[\w:.-]+", "malformed BibTeX"),
    Case("bib-unsupported-type", sub("references.bib", r"^@misc\{", "@online{"), "references.bib", r"[\w:.-]+\.\(type\)", "not supported"),
    Case("table-missing-cell", sub("aigc_report/data/tables/ai-waves.yaml", r"^    stage:.*\n", ""), "aigc_report/data/tables/ai-waves.yaml", r"rows\[0\]\.stage", "missing cell"),
    Case("table-unknown-column", sub("aigc_report/data/tables/ai-waves.yaml", r"^    stage:", "    stag:"), "aigc_report/data/tables/ai-waves.yaml", r"rows\[0\]\.stag", "unknown column"),
    Case("erratum-text-not-in-report", sub("aigc_report/data/errata.yaml", r'^  report_text: ".*"$', '  report_text: "报告里没有这句话"'), "aigc_report/data/errata.yaml", "report_text", "not found in the report"),
    Case("figure-line-not-in-report", sub("aigc_report/data/figures.yaml", r'^  report_lines:\n', '  report_lines:\n    - "报告里没有这一行"\n'), "aigc_report/data/figures.yaml", "report_lines", "is not a line of the report"),
    Case("court-duplicate-id", edit("aigc_report/data/courts.yaml", lambda t: t + first_entry(t)), "aigc_report/data/courts.yaml", "id", "duplicate court id"),
    Case("court-unknown-jurisdiction", sub("aigc_report/data/courts.yaml", r"^  jurisdiction: us$", "  jurisdiction: zz"), "aigc_report/data/courts.yaml", "jurisdiction", "unknown jurisdiction id 'zz'"),
]


def prepare(case: Case, tmp_path: Path) -> Path:
    repo = copy_repo(tmp_path / "repo")
    case.mutate(repo)
    return repo


def expect(case: Case, output: str, warning: bool) -> None:
    sep = r": WARNING: " if warning else r": "
    pattern = rf"{re.escape(case.path) if warning is False else '.*' + re.escape(case.path)}:\d+{sep}{case.field}: .*{re.escape(case.message)}"
    assert re.search(pattern, output), f"{case.name}: expected /{pattern}/ in:\n{output[-3000:]}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_rejects(case: Case, tmp_path: Path) -> None:
    repo = prepare(case, tmp_path)
    result = subprocess.run([sys.executable, "-m", "aigc_report", "--root", str(repo), "check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    expect(case, result.stdout, warning=False)


@pytest.mark.build
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_build_rejects(case: Case, tmp_path: Path) -> None:
    repo = prepare(case, tmp_path)
    out = tmp_path / "out"
    result = sphinx_build(repo, out)
    assert result.returncode != 0
    expect(case, result.stderr, warning=True)
    assert not list(out.rglob("*.html")), "a page was written although the data is broken"


def test_there_are_at_least_thirty_kinds() -> None:
    assert len({c.name for c in CASES}) >= 30


# Property-based: whatever a contributor types, the loader answers with problems, never a traceback.
yaml_scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.dates().map(str))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5), max_leaves=20)
FIELDS = ["slug", "kind", "names", "jurisdiction", "court", "dockets", "events", "outcome", "status", "status_as_of", "sources", "verification", "updates", "holding"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), yaml_values, max_size=12))
def test_loader_never_crashes_on_arbitrary_documents(doc: dict, tmp_path: Path) -> None:
    import yaml

    file = tmp_path / "rulings" / "x.yaml"
    file.parent.mkdir(exist_ok=True)
    file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    problems: list[Problem] = []
    ruling = load_ruling(Paths(tmp_path), file, problems, Known(frozenset({"cn"}), frozenset({"cn-bj-internet"}), frozenset({"k"})))
    assert ruling is not None or problems
    for p in problems:
        assert p.path.endswith("x.yaml") and p.line >= 1 and p.field and p.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_loader_never_crashes_on_arbitrary_bytes(data: bytes, tmp_path: Path) -> None:
    file = tmp_path / "rulings" / "x.yaml"
    file.parent.mkdir(exist_ok=True)
    file.write_bytes(data)
    problems: list[Problem] = []
    ruling = load_ruling(Paths(tmp_path), file, problems, Known(frozenset(), frozenset(), frozenset()))
    assert ruling is None and problems
