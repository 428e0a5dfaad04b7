"""A small, strict reader of ``references.bib`` that names the line of each problem.

pybtex crashes on a missing field deep inside Sphinx; this reader runs first and says
which entry lacks what, so the build stops with a message a contributor can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem

ENTRY_RE = re.compile(r"@([A-Za-z]+)\s*\{")
KEY_RE = re.compile(r"\s*([A-Za-z0-9_:.\-]+)\s*,")
FIELD_RE = re.compile(r"\s*([A-Za-z_\-]+)\s*=\s*")

#: Fields the site's citation style needs, by entry type.
REQUIRED = {
    "misc": ("title", "language"),
    "article": ("title", "language", "journal"),
    "report": ("title", "language"),
    "book": ("title", "language", "publisher"),
}
NEEDS_ONE_OF = ("author", "organization")


@dataclass
class BibEntry:
    type: str
    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)


def _read_value(text: str, pos: int) -> tuple[str, int]:
    """Read a braced, quoted or bare value starting at ``pos``; return (value, end)."""
    if text[pos] == "{":
        depth, i = 0, pos
        while i < len(text):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    return text[pos + 1 : i], i + 1
            i += 1
        raise ValueError("unbalanced braces in value")
    if text[pos] == '"':
        end = text.find('"', pos + 1)
        if end < 0:
            raise ValueError("unterminated quoted value")
        return text[pos + 1 : end], end + 1
    m = re.match(r"[A-Za-z0-9_]+", text[pos:])
    if not m:
        raise ValueError(f"unexpected character {text[pos]!r} where a value should start")
    return m.group(0), pos + m.end()


def parse(text: str, path: str) -> tuple[list[BibEntry], list[Problem]]:
    """Parse BibTeX text; return entries and problems.

    >>> entries, problems = parse("@misc{a-2023,\\n title = {T},\\n year = {2023},\\n language = {zh},\\n author = {{北京互联网法院}}\\n}\\n", "references.bib")
    >>> [(e.key, e.fields["author"]) for e in entries], problems
    ([('a-2023', '{北京互联网法院}')], [])
    >>> _, problems = parse("@misc{b,\\n title = {T},\\n author = {X}\\n}\\n", "references.bib")
    >>> print(problems[0])
    references.bib:1: b.language: missing field required by the citation style
    """
    entries: list[BibEntry] = []
    problems: list[Problem] = []
    pos = 0
    seen: dict[str, int] = {}
    while True:
        m = ENTRY_RE.search(text, pos)
        if not m:
            break
        line = text.count("\n", 0, m.start()) + 1
        etype = m.group(1).lower()
        if etype in ("comment", "preamble", "string"):
            try:
                _, pos = _read_value(text, m.end() - 1)
            except ValueError:
                pos = m.end()
            continue
        km = KEY_RE.match(text, m.end())
        if not km:
            problems.append(Problem(path, line, "(entry)", "malformed entry: expected a key and a comma after '{'", "bibtex"))
            pos = m.end()
            continue
        entry = BibEntry(etype, km.group(1), line)
        i = km.end()
        try:
            while True:
                while i < len(text) and text[i] in " \t\r\n,":
                    i += 1
                if i >= len(text):
                    raise ValueError("entry is not closed with '}'")
                if text[i] == "}":
                    i += 1
                    break
                fm = FIELD_RE.match(text, i)
                if not fm:
                    raise ValueError(f"malformed field near {text[i:i + 20]!r}")
                name = fm.group(1).lower()
                value, i = _read_value(text, fm.end())
                if name in entry.fields:
                    raise ValueError(f"field {name!r} given twice")
                entry.fields[name] = value.strip()
        except ValueError as exc:
            bad_line = text.count("\n", 0, i) + 1
            problems.append(Problem(path, bad_line, entry.key, f"malformed BibTeX: {exc}", "bibtex"))
            nxt = ENTRY_RE.search(text, i + 1)
            pos = nxt.start() if nxt else len(text)
            continue
        pos = i
        if entry.key in seen:
            problems.append(Problem(path, line, entry.key, f"duplicate key (first on line {seen[entry.key]})", "bibtex"))
        seen[entry.key] = line
        for need in REQUIRED.get(etype, ()):
            if not entry.fields.get(need):
                problems.append(Problem(path, line, f"{entry.key}.{need}", "missing field required by the citation style", "bibtex"))
        if etype not in REQUIRED:
            problems.append(Problem(path, line, f"{entry.key}.(type)", f"entry type @{etype} is not supported; use one of: {', '.join('@' + t for t in REQUIRED)}", "bibtex"))
        if not any(entry.fields.get(n) for n in NEEDS_ONE_OF):
            problems.append(Problem(path, line, f"{entry.key}.author", "needs an author or an organization", "bibtex"))
        year = entry.fields.get("year", "")
        if year and not re.fullmatch(r"\d{4}", year):
            problems.append(Problem(path, line, f"{entry.key}.year", f"expected a four-digit year, got {year!r}", "bibtex"))
        entries.append(entry)
    return entries, problems
