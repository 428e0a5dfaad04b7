"""Glossary lookups: find a term by any of its names, or say which terms come closest."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .checker import default_dataset
from .glossary_names import normalize
from .model import Term


@dataclass(frozen=True)
class Miss:
    """A lookup that found nothing, with the closest entries to suggest."""

    query: str
    suggestions: tuple[Term, ...]

    def __str__(self) -> str:
        names = "、".join(f"{t.zh}（{t.en}）" for t in self.suggestions) or "（无）"
        return f"术语表中没有“{self.query}”。相近的条目：{names}"


def _index(terms: tuple[Term, ...]) -> dict[str, Term]:
    return {normalize(name): term for term in terms for name in term.names}


def terms() -> tuple[Term, ...]:
    """All glossary entries, in the order of the data file.

    >>> len(terms()) >= 60
    True
    """
    return default_dataset().terms


def lookup(query: str, entries: tuple[Term, ...] | None = None) -> Term | Miss:
    """Find a term by its Chinese or English name or an alias.

    Case, full-width/half-width forms and traditional characters do not matter.

    >>> lookup("独创性").en
    'originality'
    >>> lookup("Originality").id == lookup("獨創性").id == "originality"
    True
    >>> miss = lookup("独创")
    >>> isinstance(miss, Term) or "独创性" in [t.zh for t in miss.suggestions]
    True
    >>> print(lookup("生成式对抗"))
    术语表中没有“生成式对抗”。相近的条目：生成式对抗网络（generative adversarial network）、生成式人工智能（generative artificial intelligence）、生成式人工智能服务管理暂行办法（Interim Measures for the Management of Generative AI Services）
    >>> lookup("量子纠缠").suggestions  # nothing in common: nothing suggested
    ()
    """
    entries = terms() if entries is None else entries
    index = _index(entries)
    key = normalize(query)
    if key in index:
        return index[key]
    return Miss(query, suggest(query, entries))


def suggest(query: str, entries: tuple[Term, ...] | None = None, n: int = 3) -> tuple[Term, ...]:
    """The entries whose names are closest to ``query`` (by shared characters).

    >>> [t.id for t in suggest("扩散模形")][:1]
    ['diffusion-model']
    """
    entries = terms() if entries is None else entries
    index = _index(entries)
    key = normalize(query)
    close = difflib.get_close_matches(key, list(index), n=n * 3, cutoff=0.3)
    if not close:
        # Short Chinese queries share few characters; fall back to containment.
        close = [name for name in index if key and (key in name or name in key)]
    out: dict[str, Term] = {}
    for name in close:
        out.setdefault(index[name].id, index[name])
    return tuple(out.values())[:n]


def get(term_id: str) -> Term:
    """The entry with this ASCII id.

    >>> get("gan").zh
    '生成式对抗网络'
    """
    for term in terms():
        if term.id == term_id:
            return term
    raise KeyError(term_id)
