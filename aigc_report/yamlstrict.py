"""A strict YAML reader that keeps line numbers.

Plain ``yaml.safe_load`` keeps the last of two duplicate keys without a word and turns
``no`` into ``False`` and ``2023-11-27`` into a date.  Contributors are lawyers first: a
docket number must come back exactly as typed.  So every scalar is read as a string,
duplicate keys are errors, and every mapping and sequence remembers the line of each item.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem

NULL_TAG = "tag:yaml.org,2002:null"
# libyaml's composer gives the same nodes and marks; measured 0.47 s -> 0.10 s for the 41 data
# files of a build.  Pure Python is the fallback where PyYAML was built without libyaml.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LMap(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence that knows the 1-based line of itself and of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


Value = str | LMap | LList


class YamlProblem(Exception):
    """The file cannot be read at all; carries the one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _convert(node: yaml.Node, path: str) -> Value:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL"):
            return ""
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(item, path) for item in node.value)
        seq.line = line
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    if isinstance(node, yaml.MappingNode):
        mapping = LMap()
        mapping.line = line
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(Problem(path, key_line, "(key)", "a key must be plain text", "yaml"))
            key = str(key_node.value)
            if key in mapping:
                first = mapping.key_lines[key]
                raise YamlProblem(
                    Problem(path, key_line, key, f"duplicate key (first given on line {first})", "yaml")
                )
            mapping[key] = _convert(value_node, path)
            mapping.key_lines[key] = key_line
        return mapping
    raise YamlProblem(Problem(path, line, "(node)", "unsupported YAML node", "yaml"))  # pragma: no cover


def decode_utf8(raw: bytes, path: str) -> str:
    """Decode a data file, rejecting a byte-order mark and non-UTF-8 bytes with their line.

    >>> decode_utf8("名: 值".encode(), "x.yaml")
    '名: 值'
    >>> decode_utf8(b"a: 1\\nb: \\xff", "x.yaml")
    Traceback (most recent call last):
    ...
    aigc_report.yamlstrict.YamlProblem: x.yaml:2: (encoding): not UTF-8: byte 0xff cannot be decoded
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(Problem(path, 1, "(encoding)", "starts with a byte-order mark; save as UTF-8 without BOM", "encoding"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise YamlProblem(
            Problem(path, line, "(encoding)", f"not UTF-8: byte 0x{bad} cannot be decoded", "encoding")
        ) from None


def loads(text: str, path: str) -> Value:
    """Parse one YAML document strictly.

    >>> doc = loads("slug: a\\nstatus: no\\ndate: 2024-02-08\\n", "r.yaml")
    >>> doc["status"], doc["date"], doc.line_of("date")
    ('no', '2024-02-08', 3)
    >>> loads("a: 1\\na: 2\\n", "r.yaml")
    Traceback (most recent call last):
    ...
    aigc_report.yamlstrict.YamlProblem: r.yaml:2: a: duplicate key (first given on line 1)
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=LOADER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        raise YamlProblem(Problem(path, line, "(syntax)", f"YAML syntax error: {what}", "yaml")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other reader errors
        raise YamlProblem(Problem(path, 1, "(syntax)", f"YAML error: {exc}", "yaml")) from None
    if len(nodes) != 1:
        raise YamlProblem(Problem(path, 1, "(document)", f"expected exactly one YAML document, found {len(nodes)}", "yaml"))
    return _convert(nodes[0], path)


def load_file(file: Path, display: str) -> Value:
    """Read and parse a file; ``display`` is the path shown in problems."""
    return loads(decode_utf8(file.read_bytes(), display), display)
