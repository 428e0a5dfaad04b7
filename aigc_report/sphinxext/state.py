"""The checked data set as the Sphinx build sees it, and small node builders."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..loader import Paths
from ..model import VERIFICATION_LABELS, Dataset

#: Filled at builder-inited; parallel readers are forked after that and inherit it.
_STATE: dict[str, object] = {}
BIB_KEY_RE = re.compile(r"^[A-Za-z0-9_:.\-]+$")


def set_data(data: Dataset, paths: Paths) -> None:
    _STATE["data"] = data
    _STATE["paths"] = paths


def data() -> Dataset:
    return _STATE["data"]  # type: ignore[return-value]


def paths() -> Paths:
    return _STATE["paths"]  # type: ignore[return-value]


def para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    """A paragraph; plain strings become Text nodes (never parsed as markup)."""
    node = nodes.paragraph(classes=classes or [])
    for child in children:
        node += nodes.Text(child) if isinstance(child, str) else child
    return node


def inline(text: str, *classes: str) -> nodes.inline:
    return nodes.inline(text, text, classes=list(classes))


def verified(level: str) -> nodes.inline:
    """The verification level of a fact, as shown next to it."""
    return inline(VERIFICATION_LABELS[level], "verification", f"verification-{level}")


def fact_code(text: str) -> nodes.literal:
    """A date, docket or number exactly as the data holds it."""
    return nodes.literal(text, text, classes=["fact"])


def table(columns: list[str], rows: list[list[nodes.Node | str | list]], classes: list[str] | None = None,
          title: str = "", ids: list[str] | None = None, widths: list[int] | None = None) -> nodes.table:
    """A real docutils table: header row, one body row per item, text cells escaped."""
    # "colwidths-given" makes Sphinx write the widths as <col> styles.
    tbl = nodes.table(classes=["aigc-table", *(classes or []), *(["colwidths-given"] if widths else [])], ids=ids or [])
    if title:
        tbl += nodes.title(title, title)
    group = nodes.tgroup(cols=len(columns))
    tbl += group
    for width in widths or [1] * len(columns):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    hrow = nodes.row()
    for label in columns:
        hrow += nodes.entry("", para(label))
    head += hrow
    body = nodes.tbody()
    group += body
    for row in rows:
        brow = nodes.row()
        for cell in row:
            entry = nodes.entry()
            if isinstance(cell, list):
                for item in cell:
                    entry += item if isinstance(item, nodes.Element) else para(item)
            elif isinstance(cell, nodes.paragraph):
                entry += cell
            elif isinstance(cell, nodes.Node):
                entry += para(cell)
            else:
                entry += para(cell)
            brow += entry
        body += brow
    return tbl


def doc_link(directive: SphinxDirective, docname: str, text: str, anchor: str = "") -> nodes.Node:
    """A cross-reference to another page (resolved by Sphinx, so a broken one is a warning)."""
    from sphinx import addnodes

    if anchor:
        ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=anchor, refexplicit=True, refwarn=True)
    else:
        ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname, refexplicit=True, refwarn=True)
    ref["refdoc"] = directive.env.docname
    ref += nodes.inline(text, text)
    return ref


def cite(directive: SphinxDirective, keys: tuple[str, ...]) -> list[nodes.Node]:
    """Footnote citations for bibliography keys, made by sphinxcontrib-bibtex's own role.

    The keys were checked against references.bib (and against a strict pattern), so the
    tiny MyST snippet parsed here carries no data text.
    """
    safe = [k for k in keys if BIB_KEY_RE.match(k)]
    if not safe:
        return []
    holder = nodes.container()
    directive.state.nested_parse([f"{{footcite}}`{','.join(safe)}`"], directive.content_offset, holder)
    out: list[nodes.Node] = []
    for p in holder.findall(nodes.paragraph):
        out.extend(p.children)
        break
    return out


def note_data(directive: SphinxDirective, *files: Path) -> None:
    for file in files:
        directive.env.note_dependency(str(file))
