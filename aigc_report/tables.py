"""Lookups over the report's tables."""

from __future__ import annotations

from .checker import default_dataset
from .model import Table


def names() -> list[str]:
    """The names of all tables, sorted.

    >>> "ai-waves" in names() and "tools" in names()
    True
    """
    return sorted(default_dataset().tables)


def get(name: str) -> Table:
    """One table by name; a ``KeyError`` names the tables that exist.

    >>> get("ai-waves").title
    '人工智能（AI）发展的三次浪潮'
    >>> get("nope")
    Traceback (most recent call last):
    ...
    KeyError: "no table 'nope'; tables: ai-waves, aigc-stages, design-timeline, industry-layers, lifecycle-matrix, market-figures, overseas-summary, tools"
    """
    tables = default_dataset().tables
    if name not in tables:
        raise KeyError(f"no table {name!r}; tables: {', '.join(sorted(tables))}")
    return tables[name]


def rows(name: str) -> list[dict[str, object]]:
    """A table's rows as dictionaries keyed by column key (a multi-line cell is a list).

    >>> [r["stage"] for r in rows("ai-waves")]
    ['第一次浪潮', '第二次浪潮', '第三次浪潮']
    """
    return get(name).as_dicts()


def find_rows(name: str, column: str, text: str) -> list[dict[str, object]]:
    """Rows whose ``column`` contains ``text``.

    >>> [r["jurisdiction"] for r in find_rows("overseas-summary", "jurisdiction", "日本")]
    ['日本']
    """
    out = []
    for row in rows(name):
        cell = row[column]
        values = cell if isinstance(cell, list) else [cell]
        if any(text in str(v) for v in values):
            out.append(row)
    return out
