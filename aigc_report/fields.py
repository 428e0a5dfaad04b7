"""Field-by-field reading of YAML mappings against a small schema, collecting problems."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from .problems import Problem
from .yamlstrict import LList, LMap, Value

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def today() -> dt.date:
    """Today, or ``AIGC_TODAY`` (ISO date) when set, so tests and rebuilds are repeatable."""
    fixed = os.environ.get("AIGC_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable date, or ``None``.

    >>> date_problem("2023-11-27") is None, date_problem("2024-02") is None
    (True, True)
    >>> date_problem("2023-02-30")
    'impossible date 2023-02-30'
    >>> date_problem("27/11/2023")
    "expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got '27/11/2023'"
    """
    m = DATE_RE.match(value)
    if not m:
        return f"expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}"
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return f"impossible date {value}"
    if date > today():
        return f"date {value} is in the future"
    if year < 1700:
        return f"implausible year in {value}"
    return None


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | str | strlist | date | slug | id | choice | maps | map | bool
    required: bool = True
    choices: tuple[str, ...] = ()
    item: tuple[Field, ...] = ()


class Reader:
    """Reads mappings for one file and keeps the problems it meets."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def problem(self, line: int, field: str, message: str, kind: str = "data") -> None:
        self.problems.append(Problem(self.path, line, field, message, kind))

    def read(self, node: Value, spec: tuple[Field, ...], where: str, line: int) -> dict[str, object] | None:
        """Check ``node`` against ``spec``; return plain values (or None if not a mapping)."""
        if not isinstance(node, LMap):
            self.problem(line, where or "(record)", f"expected a mapping of fields, got {_kind(node)}", "type")
            return None
        names = [f.name for f in spec]
        for key in node:
            if key not in names:
                hint = difflib.get_close_matches(key, names, n=1)
                tip = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(names)}"
                self.problem(node.line_of(key), _join(where, key), f"unknown field {key!r}{tip}", "unknown-field")
        out: dict[str, object] = {}
        for f in spec:
            full = _join(where, f.name)
            if f.name not in node:
                if f.required:
                    self.problem(node.line, full, f"missing required field ({_expect(f)})", "missing")
                out[f.name] = _empty(f)
                continue
            out[f.name] = self.value(node[f.name], f, full, node.line_of(f.name))
        return out

    def value(self, raw: Value, f: Field, full: str, line: int) -> object:
        if f.kind in ("maps", "strlist"):
            if raw == "" and not f.required:
                return ()
            if not isinstance(raw, LList):
                self.problem(line, full, f"expected a list, got {_kind(raw)}", "type")
                return ()
            if f.kind == "strlist":
                items = []
                for i, item in enumerate(raw):
                    if not isinstance(item, str) or not item.strip():
                        self.problem(raw.line_of(i), f"{full}[{i}]", f"expected non-empty text, got {_kind(item)}", "type")
                        continue
                    items.append(item.strip())
                return tuple(items)
            maps = []
            for i, item in enumerate(raw):
                got = self.read(item, f.item, f"{full}[{i}]", raw.line_of(i))
                if got is not None:
                    got["__line__"] = raw.line_of(i)
                    maps.append(got)
            return tuple(maps)
        if f.kind == "map":
            got = self.read(raw, f.item, full, line)
            return got or {}
        if not isinstance(raw, str):
            self.problem(line, full, f"expected text, got {_kind(raw)}", "type")
            return ""
        text = raw.strip()
        if f.kind == "str":
            return text
        if not text:
            if f.required:
                self.problem(line, full, f"must not be empty ({_expect(f)})", "empty")
            return ""
        check: Callable[[str], str | None] | None = {
            "date": date_problem,
            "slug": lambda v: None if SLUG_RE.match(v) else f"unsafe characters in {v!r}: use lowercase ASCII letters, digits and single hyphens",
            "id": lambda v: None if SLUG_RE.match(v) else f"unsafe id {v!r}: use lowercase ASCII letters, digits and single hyphens",
            "key": lambda v: None if KEY_RE.match(v) else f"unsafe key {v!r}: use lowercase ASCII letters, digits, hyphens or underscores",
            "choice": lambda v: None if v in f.choices else f"{v!r} is not one of: {', '.join(f.choices)}",
            "bool": lambda v: None if v in ("true", "false") else f"expected true or false, got {v!r}",
        }.get(f.kind)
        if check:
            message = check(text)
            if message:
                kind = "date" if f.kind == "date" else "value"
                self.problem(line, full, message, kind)
        return text


def _join(where: str, key: str) -> str:
    key = key if key.strip() else repr(key)  # an empty key must still be named
    return f"{where}.{key}" if where else key


def _empty(f: Field) -> object:
    return () if f.kind in ("maps", "strlist") else ({} if f.kind == "map" else "")


def _kind(value: object) -> str:
    if isinstance(value, LMap):
        return "a mapping"
    if isinstance(value, LList):
        return "a list"
    return f"text {value!r}" if value != "" else "nothing"


def _expect(f: Field) -> str:
    return {
        "text": "expected text",
        "str": "expected text (may be empty)",
        "strlist": "expected a list of text",
        "date": "expected an ISO date",
        "slug": "expected an ASCII slug",
        "id": "expected an ASCII id",
        "key": "expected an ASCII key",
        "choice": "expected one of: " + ", ".join(f.choices),
        "maps": "expected a list of mappings",
        "map": "expected a mapping",
        "bool": "expected true or false",
    }[f.kind]
