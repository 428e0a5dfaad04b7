"""Directives that render rulings: the fact card, the citation block, and the pages that
aggregate all rulings (index, comparison, chronology, rules, updates)."""

from __future__ import annotations

from typing import cast

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import citations
from ..model import EVENT_KINDS, EVENT_RESULTS, OUTCOMES, PARTY_ROLES, STATUSES, Ruling
from . import state
from .domain import AigcDomain

logger = logging.getLogger(__name__)

KIND_LABELS = {"judgment": "司法裁判", "office-decision": "行政/登记决定", "statute": "成文法规则"}
FACT_LABELS = {"court": "法院/机构", "parties": "当事人", "holding": "裁判要旨", "outcome": "结果", "damages": "赔偿"}


def _ruling(directive: SphinxDirective) -> Ruling | None:
    slug = directive.arguments[0]
    rulings = state.data().rulings
    p = state.paths()
    # The card also shows court and jurisdiction names.
    state.note_data(directive, p.rulings / f"{slug}.yaml", p.data / "courts.yaml", p.data / "jurisdictions.yaml")
    if slug not in rulings:
        logger.warning("unknown ruling %r", slug, location=directive.get_location(), type="aigc", subtype="ruling")
        return None
    return rulings[slug]


class RulingCardDirective(SphinxDirective):
    """```{ruling-card} slug```: the fact card at the top of a ruling page."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        r = _ruling(self)
        if r is None:
            return []
        data = state.data()
        domain = cast(AigcDomain, self.env.get_domain("aigc"))
        domain.note("rulings", r.slug, self.env.docname, self.state.document)
        court = data.courts[r.court]
        out: list[nodes.Node] = []
        banner = self._banner(r)
        if banner is not None:
            out.append(banner)
        rows: list[list] = [
            ["名称", state.para(r.name_zh, " / ", nodes.emphasis(r.name_original, r.name_original))],
            ["类型", KIND_LABELS[r.kind]],
            ["法域", data.jurisdictions[r.jurisdiction].name_zh],
            ["法院/机构", state.para(court.name_zh + (f"（{court.name_original}）" if court.name_original != court.name_zh else ""), " ", state.verified(r.verification_of("court")))],
        ]
        if r.dockets:
            items = []
            for d in r.dockets:
                dcourt = data.courts[d.court]
                items.append(state.para(state.fact_code(d.number), f" — {dcourt.name_zh} ", state.verified(d.verification), *state.cite(self, d.sources)))
            rows.append(["案号/登记号", items])
        elif r.kind != "statute":
            rows.append(["案号/登记号", state.para("本站看到的来源均未公布案号或登记号。 ", state.verified("not-verified"))])
        if r.parties:
            items = [state.para(f"{PARTY_ROLES[p.role]}：{p.name}" + (f"（{p.name_zh}）" if p.name_zh else "")) for p in r.parties]
            items[-1] += [nodes.Text(" "), state.verified(r.verification_of("parties"))]
            rows.append(["当事人", items])
        lead = citations.leading_event(r)
        if lead:
            rows.append(["主要裁决日期", state.para(state.fact_code(lead.date), f"（{EVENT_KINDS[lead.kind]}，{data.courts[lead.court].name_zh}）")])
        if r.ai_tool:
            rows.append(["AI 工具", r.ai_tool])
        rows.append(["作品类型", r.work_kind])
        rows.append(["结果", state.para(OUTCOMES[r.outcome], " ", state.verified(r.verification_of("outcome")))])
        if r.damages:
            rows.append(["赔偿", state.para(r.damages, " ", state.verified(r.verification_of("damages")))])
        rows.append(["状态", state.para(STATUSES[r.status], "（截至 ", state.fact_code(r.status_as_of), "）")])
        rows.append(["裁判要旨", state.para(r.holding, " ", state.verified(r.verification_of("holding")))])
        rows.append(["来源", state.para(*state.cite(self, r.sources))])
        if not r.has_primary_fact:
            rows.append(["来源说明", state.para("本站未能找到本案的一手来源（判决书、决定书或法院/机构的官方发布），以上事实依据二手来源，请以核实级别为准。 ", state.inline("无一手来源", "verification", "verification-one-secondary"))])
        card = state.table(["事实", "内容"], rows, classes=["ruling-card"], title="案件事实卡", ids=[f"{r.slug}-card"], widths=[1, 5])
        out.append(card)
        out.append(self._timeline(r))
        return out

    def _banner(self, r: Ruling) -> nodes.Node | None:
        later = [e for e in r.events if e.result]
        if r.status in ("pending", "on-appeal"):
            text = f"本案{STATUSES[r.status]}（截至 {r.status_as_of}），结论可能改变。"
            kind = "warning"
        elif later:
            e = later[-1]
            text = f"后续进展：{e.date} {self._court(e.court)}{EVENT_RESULTS.get(e.result, e.result)}。"
            kind = "important"
        elif r.status == "settled":
            text = f"本案已和解（截至 {r.status_as_of}）。"
            kind = "important"
        else:
            return None
        box = nodes.admonition(classes=["ruling-status", f"ruling-status-{r.status}", kind])
        box += nodes.title("案件状态", "案件状态")
        box += state.para(text, " ", state.inline("详见下方程序时间线。", "ruling-status-more"))
        return box

    @staticmethod
    def _court(court_id: str) -> str:
        return state.data().courts[court_id].name_zh

    def _timeline(self, r: Ruling) -> nodes.Node:
        rows = []
        for e in r.events:
            what = state.para(e.what)
            if e.result:
                what += nodes.Text(f"（{EVENT_RESULTS[e.result]}）")
            rows.append([
                state.para(state.fact_code(e.date)),
                self._court(e.court),
                state.para(state.fact_code(e.docket)) if e.docket else "—",
                [state.para(EVENT_KINDS[e.kind]), what],
                state.para(state.verified(e.verification), *state.cite(self, e.sources)),
            ])
        return state.table(["日期", "法院/机构", "案号", "事件", "核实"], rows, classes=["ruling-timeline"], title="程序时间线", ids=[f"{r.slug}-timeline"], widths=[2, 3, 3, 6, 2])


class RulingCiteDirective(SphinxDirective):
    """```{ruling-cite} slug```: ready citations (GB/T 7714, English) and BibTeX/CSL-JSON downloads."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        r = _ruling(self)
        if r is None:
            return []
        court = state.data().courts[r.court]
        base = self.config.html_baseurl or ""
        out: list[nodes.Node] = []
        for label, text, cls in (
            ("GB/T 7714-2015", citations.gbt7714(r, court, base), "cite-gbt7714"),
            ("English legal style", citations.english(r, court, base), "cite-english"),
        ):
            out.append(state.para(nodes.strong(label, label), classes=["cite-label"]))
            block = nodes.literal_block(text, text, classes=["citation-text", cls])
            block["language"] = "text"
            out.append(block)
        downloads = state.para("下载：", classes=["cite-downloads"])
        for suffix, label in ((".bib", "BibTeX"), (".json", "CSL-JSON")):
            ref = nodes.reference(label, label, refuri=f"{r.slug}{suffix}", classes=["cite-download"])
            downloads += ref
            downloads += nodes.Text(" ")
        out.append(downloads)
        out.append(state.para(f"本页最后更新：{citations.last_updated(r)}；状态核对至 {r.status_as_of}。", classes=["cite-updated"]))
        return out


class RulesListDirective(SphinxDirective):
    """```{rules-list}```: rules and official documents, one entry each."""

    def run(self) -> list[nodes.Node]:
        p = state.paths()
        state.note_data(self, p.data / "rules.yaml")
        data = state.data()
        out: list[nodes.Node] = []
        for rule in data.rules:
            box = nodes.container(classes=["rule-entry"], ids=[f"rule-{rule.id}"])
            box += nodes.rubric(rule.title_zh, rule.title_zh)
            rows = [
                ["法域", data.jurisdictions[rule.jurisdiction].name_zh],
                ["发布机关", rule.issuer],
                ["原文名称", rule.title_original],
            ]
            if rule.number:
                rows.append(["文号", state.para(state.fact_code(rule.number))])
            for label, value in (("制定/通过", rule.made), ("公布", rule.published), ("施行/生效", rule.in_force)):
                if value:
                    rows.append([label, state.para(state.fact_code(value))])
            rows += [
                ["主要要求", rule.requires],
                ["状态", state.para(rule.status, f"（截至 {rule.status_as_of}） ", state.verified(rule.verification))],
                ["来源", state.para(*state.cite(self, rule.sources))],
            ]
            box += state.table(["项目", "内容"], rows, classes=["rule-table"], widths=[1, 5])
            out.append(box)
        return out
