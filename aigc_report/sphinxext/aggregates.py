"""Pages that show every ruling (index, comparison, chronology, updates, the home page's data
status), filled in when a page is written rather than when it is read.

Why at write time: every ruling edit changes these tables.  Built while reading, one edited
ruling file made Sphinx re-parse all five pages; as placeholders filled at
``doctree-resolved`` they are only re-written, from the pickled doctree, when the data's
fingerprint changes.  The ruling's own page is then the only document re-read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from ..model import EVENT_KINDS, OUTCOMES, STATUSES, VERIFICATION_LEVELS, Dataset, Ruling
from . import state
from .domain import AigcDomain

logger = logging.getLogger(__name__)

#: Makes the link to a ruling's page from the page being written.
Linker = Callable[[str, str], nodes.Node]


class aigc_aggregate(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Placeholder for a table built from all rulings; replaced before any writer sees it."""


def rulings_index(data: Dataset, link: Linker) -> list[nodes.Node]:
    rows = []
    for r in sorted(data.rulings.values(), key=lambda r: (r.decision_date, r.slug), reverse=True):
        rows.append([
            state.para(link(r.slug, r.label)),
            data.jurisdictions[r.jurisdiction].name_zh,
            data.courts[r.court].name_zh,
            state.para(state.fact_code(r.decision_date)),
            [state.para(state.fact_code(n)) for n in r.docket_numbers] or "—",
            OUTCOMES[r.outcome],
            state.para(STATUSES[r.status], f"（{r.status_as_of}）"),
        ])
    return [state.table(["案件", "法域", "法院/机构", "日期", "案号", "结果", "状态（截至）"], rows, classes=["rulings-index", "sortable"], title="全部案例", ids=["rulings-table"])]


def comparison(data: Dataset, link: Linker) -> list[nodes.Node]:
    rows = []
    for j in data.jurisdictions.values():
        mine = sorted((r for r in data.rulings.values() if r.jurisdiction == j.id), key=lambda r: r.decision_date)
        if not mine:
            continue
        items = [state.para(link(r.slug, r.label), f"（{r.decision_date}，{OUTCOMES[r.outcome]}）") for r in mine]
        name = state.para(nodes.strong(j.name_zh, j.name_zh), f" {j.name_en}")
        name["ids"] = [f"jurisdiction-{j.id}"]
        rows.append([name, j.stance, items])
    return [state.table(["法域", "立场概要", "案例（日期，结果）"], rows, classes=["comparison"], title="各法域比较", ids=["comparison-table"], widths=[2, 5, 5])]


def chronology(data: Dataset, link: Linker) -> list[nodes.Node]:
    events = sorted(((e.date, r.slug, i, e, r) for r in data.rulings.values() for i, e in enumerate(r.events)), key=lambda x: (x[0], x[1], x[2]))
    rows = [
        [
            state.para(state.fact_code(date)),
            state.para(link(r.slug, r.label)),
            data.courts[e.court].name_zh,
            state.para(f"{EVENT_KINDS[e.kind]}：", e.what),
            state.para(state.verified(e.verification)),
        ]
        for date, _slug, _i, e, r in events
    ]
    return [state.table(["日期", "案件", "法院/机构", "事件", "核实"], rows, classes=["chronology", "sortable"], title="全部程序事件", ids=["chronology-table"], widths=[2, 3, 3, 7, 2])]


def updates(data: Dataset, link: Linker) -> list[nodes.Node]:
    items = sorted(((u.date, r.slug, u, r) for r in data.rulings.values() for u in r.updates), key=lambda x: (x[0], x[1]), reverse=True)
    rows = [[state.para(state.fact_code(d)), state.para(link(r.slug, r.label)), u.what] for d, _s, u, r in items]
    feed = state.para("订阅：", nodes.reference("Atom 源 feed.xml", "Atom 源 feed.xml", refuri="feed.xml"), classes=["feed-link"])
    return [state.table(["日期", "案件", "更新内容"], rows, classes=["updates"], title="案例更新记录", ids=["updates-table"], widths=[2, 3, 7]), feed]


def primary_gaps(data: Dataset, link: Linker) -> list[nodes.Node]:
    """The rulings whose facts all rest on secondary sources: what a reader should double-check
    and what a contributor with access to the decision can fix."""
    missing = sorted((r for r in data.rulings.values() if r.kind != "statute" and not r.has_primary_fact), key=lambda r: (r.jurisdiction, r.slug))
    if not missing:
        return [state.para("每个案例都至少有一项事实已与一手来源（裁判文书、决定书或官方发布）核对。", classes=["primary-gaps"])]
    rows = [
        [state.para(link(r.slug, r.label)), data.jurisdictions[r.jurisdiction].name_zh, data.courts[r.court].name_zh, state.para(state.verified(_best(r)))]
        for r in missing
    ]
    intro = state.para(
        f"以下 {len(missing)} 个案例尚无一手来源：本站没能查阅裁判文书、决定书或法院/机构的官方发布，"
        "案例页上的事实依据二手来源，引用前请以各项事实旁的核实级别为准。能提供原文的读者欢迎按仓库中《参与贡献》（CONTRIBUTING.md）的说明补充。",
        classes=["primary-gaps"],
    )
    return [intro, state.table(["案件", "法域", "法院/机构", "最强核实级别"], rows, classes=["primary-gaps"], title="尚无一手来源的案例", ids=["primary-gaps-table"], widths=[4, 2, 3, 2])]


def _best(r: Ruling) -> str:
    """The strongest verification level of any of the ruling's facts."""
    return min(r.verification_levels, key=VERIFICATION_LEVELS.index, default="not-verified")


def data_status(data: Dataset, link: Linker) -> list[nodes.Node]:
    dates = [u.date for r in data.rulings.values() for u in r.updates] + [r.status_as_of for r in data.rulings.values()]
    newest = max(dates) if dates else "—"
    text = (
        f"数据最后更新：{newest}。本站收录 {len(data.rulings)} 个案例（判决、行政决定与规则）、"
        f"{len(data.rules)} 份规则与官方文件、{len(data.terms)} 个术语、{len(data.errata)} 条勘误。"
    )
    return [state.para(text, classes=["data-status"])]


#: directive name -> what it shows.
AGGREGATES: dict[str, Callable[[Dataset, Linker], list[nodes.Node]]] = {
    "rulings-index": rulings_index,
    "jurisdiction-comparison": comparison,
    "chronology": chronology,
    "updates-list": updates,
    "rulings-updated": data_status,
    "primary-gaps": primary_gaps,
}


class AggregateDirective(SphinxDirective):
    """```{rulings-index}``` and the like: a placeholder, noted in the aigc domain."""

    def run(self) -> list[nodes.Node]:
        domain = cast(AigcDomain, self.env.get_domain("aigc"))
        domain.data["aggregates"][self.env.docname] = self.env.docname
        node = aigc_aggregate(kind=self.name)
        self.set_source_info(node)
        return [node]


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder with its table, built from the data of this build."""
    placeholders = list(doctree.findall(aigc_aggregate))
    if not placeholders:
        return
    domain = cast(AigcDomain, app.env.get_domain("aigc"))

    def link(slug: str, text: str) -> nodes.Node:
        target = domain.data["rulings"].get(slug)
        if target is None:
            logger.warning("ruling %r has no page", slug, location=docname, type="aigc", subtype="ruling")
            return nodes.inline(text, text)
        return make_refnode(app.builder, docname, target, f"case-{slug}", nodes.inline(text, text))

    for node in placeholders:
        node.replace_self(AGGREGATES[node["kind"]](state.data(), link))


def data_fingerprint() -> str:
    """A hash of every data file the aggregate tables read."""
    digest = hashlib.sha256()
    paths = state.paths()
    for file in paths.data_files():
        digest.update(paths.show(file).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def rewrite_on_data_change(app: Sphinx, env: Any) -> list[str]:
    """``env-get-updated``: the aggregate pages to write again (not re-read) when data changed."""
    now = data_fingerprint()
    before = getattr(env, "aigc_data_fingerprint", None)
    env.aigc_data_fingerprint = now
    if before is None or before == now:
        return []
    domain = cast(AigcDomain, env.get_domain("aigc"))
    return sorted(domain.data["aggregates"])
