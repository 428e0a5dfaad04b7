"""Directives that render the report's own data: tables, figures, glossary, errata."""

from __future__ import annotations

from typing import cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import state
from .domain import AigcDomain

logger = logging.getLogger(__name__)

CATEGORY_LABELS = {"legal": "法律术语", "technical": "技术术语", "regulatory": "监管与合规术语"}
ERRATUM_KINDS_ZH = {
    "typo": "错别字", "fact": "事实错误", "date": "日期错误", "attribution": "来源或归属错误",
    "architecture": "技术描述错误", "negation": "漏掉否定词", "language": "中英文混杂",
    "first-claim": "“首例”表述", "omission": "遗漏", "unverifiable": "无法核实", "numbering": "编号错误",
    "name": "名称错误",
}


class AigcTableDirective(SphinxDirective):
    """```{aigc-table} name``` renders a report table from aigc_report/data/tables/<name>.yaml."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        tables = state.data().tables
        file = state.paths().tables / f"{name}.yaml"
        state.note_data(self, file)
        if name not in tables:
            logger.warning("unknown table %r; tables: %s", name, ", ".join(sorted(tables)), location=self.get_location(), type="aigc", subtype="table")
            return []
        t = tables[name]
        rows = []
        for cells, erratum in zip(t.rows, t.row_errata, strict=False):
            row: list = [[state.para(line) for line in cell] for cell in cells]
            if erratum:
                ref = addnodes.pending_xref("", refdomain="aigc", reftype="erratum", reftarget=erratum, refexplicit=True, refwarn=True)
                ref += nodes.inline("勘误", "勘误")
                row[-1][-1] += nodes.superscript("", "", ref, classes=["erratum-ref"])
            rows.append(row)
        tbl = state.table([c.label for c in t.columns], rows, classes=[f"aigc-table-{name}"], title=t.title, ids=[f"table-{name}"])
        out: list[nodes.Node] = [tbl]
        if t.source:
            out.append(state.para("表格说明：" + t.source, classes=["aigc-table-source"]))
        return out


class ReportFigureDirective(SphinxDirective):
    """```{report-figure} id```: the sentence that stands for a picture of the report."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        figures = state.data().figures
        state.note_data(self, state.paths().data / "figures.yaml")
        fig = figures.get(self.arguments[0])
        if fig is None:
            logger.warning("unknown figure %r", self.arguments[0], location=self.get_location(), type="aigc", subtype="figure")
            return []
        box = nodes.container(classes=["report-figure"], ids=[f"figure-{fig.id}"])
        box += state.para(fig.description)
        return [box]


class GlossaryDirective(SphinxDirective):
    """```{aigc-glossary}```: every term, grouped by category, each with a stable ASCII id."""

    def run(self) -> list[nodes.Node]:
        data = state.data()
        state.note_data(self, state.paths().data / "glossary.yaml")
        domain = cast(AigcDomain, self.env.get_domain("aigc"))
        domain.note("glossary", "page", self.env.docname, self.state.document)
        out: list[nodes.Node] = []
        for category, label in CATEGORY_LABELS.items():
            terms = [t for t in data.terms if t.category == category]
            if not terms:
                continue
            out.append(nodes.rubric(label, label, ids=[f"glossary-{category}"]))
            glossary = addnodes.glossary()
            glossary["sorted"] = False
            dlist = nodes.definition_list(classes=["glossary", "aigc-glossary"])
            glossary += dlist
            for term in terms:
                item = nodes.definition_list_item()
                textnodes = [nodes.Text(term.zh)]
                term_node = make_glossary_term(self.env, textnodes, None, self.env.docname, self.lineno, f"term-{term.id}", self.state.document)
                term_node += nodes.inline(f"（{term.en}）", f"（{term.en}）", classes=["term-en"])
                item += term_node
                definition = nodes.definition()
                definition += state.para(term.definition)
                if term.aliases:
                    definition += state.para("又称：" + "、".join(term.aliases), classes=["term-aliases"])
                definition += state.para("在报告中：" + term.relevance, classes=["term-relevance"])
                if term.chapters:
                    links: list[nodes.Node | str] = ["相关章节："]
                    for i, label in enumerate(term.chapters):
                        if i:
                            links.append("、")
                        ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label, refexplicit=False, refwarn=True)
                        ref["refdoc"] = self.env.docname
                        ref += nodes.inline(label, label)
                        links.append(ref)
                    definition += state.para(*links, classes=["term-chapters"])
                item += definition
                dlist += item
            out.append(glossary)
        return out


class ErrataListDirective(SphinxDirective):
    """```{errata-list}```: every correction of the report: where, what it said, the fix, the source."""

    def run(self) -> list[nodes.Node]:
        data = state.data()
        state.note_data(self, state.paths().data / "errata.yaml")
        domain = cast(AigcDomain, self.env.get_domain("aigc"))
        domain.note("errata", "page", self.env.docname, self.state.document)
        out: list[nodes.Node] = []
        for e in data.errata:
            box = nodes.container(classes=["erratum"], ids=[f"erratum-{e.id}"])
            head = nodes.paragraph(classes=["erratum-head"])
            head += nodes.strong(e.id, e.id)
            head += nodes.Text(f" · {ERRATUM_KINDS_ZH.get(e.kind, e.kind)} · 位置：")
            ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=e.location, refexplicit=False, refwarn=True)
            ref["refdoc"] = self.env.docname
            ref += nodes.inline(e.location, e.location)
            head += ref
            box += head
            rows = [
                ["报告原文", state.para(e.report_text)],
                ["更正为", state.para(e.correction)],
                ["说明", state.para(e.explanation)],
                ["来源", state.para(*state.cite(self, e.sources))],
            ]
            box += state.table(["项目", "内容"], rows, classes=["erratum-table"], widths=[1, 6])
            out.append(box)
        return out
