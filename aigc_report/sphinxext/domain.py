"""The ``aigc`` domain: where each ruling, glossary and errata list is shown, and the
roles that link to them (``{gls}`` for glossary terms, ``{erratum}`` for corrections)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode

from ..glossary import Miss, lookup
from . import state

logger = logging.getLogger(__name__)


class AigcDomain(Domain):
    name = "aigc"
    label = "AIGC report data"
    initial_data: dict[str, Any] = {
        "rulings": {},  # slug -> docname showing its card
        "glossary": {},  # "page" -> docname of the glossary
        "errata": {},  # "page" -> docname of the errata list
        "aggregates": {},  # docname -> itself, for each page with an all-rulings table
    }
    data_version = 2

    def clear_doc(self, docname: str) -> None:
        for bucket in ("rulings", "glossary", "errata", "aggregates"):
            for key, doc in list(self.data[bucket].items()):
                if doc == docname:
                    del self.data[bucket][key]

    def merge_domaindata(self, docnames: set[str], otherdata: dict[str, Any]) -> None:
        for bucket in ("rulings", "glossary", "errata", "aggregates"):
            for key, doc in otherdata[bucket].items():
                if doc in docnames:
                    self.data[bucket][key] = doc

    def note(self, bucket: str, key: str, docname: str, location: nodes.Node | None = None) -> None:
        other = self.data[bucket].get(key)
        if other and other != docname:
            logger.warning("%s %r is shown on two pages: %s and %s", bucket, key, other, docname, location=location, type="aigc", subtype="duplicate")
        self.data[bucket][key] = docname

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):  # type: ignore[override]
        if typ == "term":
            doc = self.data["glossary"].get("page")
            if not doc:
                return None
            term = _term_by_id(target)
            ref = make_refnode(builder, fromdocname, doc, f"term-{target}", contnode, term.definition if term else None)
            ref["classes"].append("gls")
            return ref
        if typ == "erratum":
            doc = self.data["errata"].get("page")
            if not doc:
                return None
            return make_refnode(builder, fromdocname, doc, f"erratum-{target}", contnode, "查看勘误说明")
        if typ == "ruling":
            doc = self.data["rulings"].get(target)
            if not doc:
                return None
            return make_refnode(builder, fromdocname, doc, f"case-{target}", contnode)
        return None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):  # type: ignore[override]
        return []

    def get_objects(self):  # type: ignore[override]
        for slug, doc in self.data["rulings"].items():
            yield slug, slug, "ruling", doc, f"case-{slug}", 1


def _term_by_id(term_id: str):
    for term in state.data().terms:
        if term.id == term_id:
            return term
    return None


class GlossaryTermRole(SphinxRole):
    """``{gls}`term``: the term as written, linked to its glossary entry, definition on hover/focus."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = self.text
        shown, _, wanted = text.partition(" <")
        if wanted.endswith(">"):
            query = wanted[:-1]
        else:
            shown, query = text, text
        found = lookup(query, state.data().terms)
        if isinstance(found, Miss):
            hint = "、".join(t.zh for t in found.suggestions)
            logger.warning("unknown glossary term %r; closest entries: %s", query, hint or "none", location=self.get_location(), type="aigc", subtype="term")
            return [nodes.inline(shown, shown)], []
        ref = addnodes.pending_xref("", refdomain="aigc", reftype="term", reftarget=found.id, refexplicit=True, refwarn=True)
        ref += nodes.inline(shown, shown, classes=["gls-term"])
        return [ref], []


class ErratumRole(SphinxRole):
    """``{erratum}`id```: a superscript link to the errata entry explaining a correction."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        ids = {e.id for e in state.data().errata}
        if self.text not in ids:
            logger.warning("unknown erratum id %r", self.text, location=self.get_location(), type="aigc", subtype="erratum")
            return [], []
        ref = addnodes.pending_xref("", refdomain="aigc", reftype="erratum", reftarget=self.text, refexplicit=True, refwarn=True)
        ref += nodes.inline("勘误", "勘误")
        sup = nodes.superscript("", "", ref, classes=["erratum-ref"])
        return [sup], []
