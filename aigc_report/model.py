"""The records the site is built from: frozen dataclasses, one per kind of data."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Verification levels, strongest first.  "not-verified" is shown on the page, never hidden.
VERIFICATION_LEVELS = ("primary", "two-secondary", "one-secondary", "not-verified")
VERIFICATION_LABELS = {
    "primary": "一手来源",
    "two-secondary": "两个二手来源",
    "one-secondary": "一个二手来源",
    "not-verified": "未能核实",
}
RULING_KINDS = ("judgment", "office-decision", "statute")
OUTCOMES = {
    "protected": "受保护",
    "not-protected": "不受保护",
    "partly-protected": "部分受保护",
    "infringement-found": "构成侵权",
    "no-infringement": "不构成侵权",
    "pending": "尚未判决",
    "settled": "和解",
    "dismissed": "驳回起诉",
    "rule": "法律规则",
}
STATUSES = {
    "final": "已生效",
    "on-appeal": "上诉中",
    "pending": "审理中",
    "settled": "已和解",
    "in-force": "现行有效",
}
EVENT_KINDS = {
    "filing": "起诉/申请",
    "registration": "登记",
    "registration-refused": "拒绝登记",
    "reconsideration-refused": "复议维持拒绝",
    "decision": "裁决",
    "appeal-filed": "提起上诉",
    "appeal-decision": "上诉裁决",
    "certiorari-petition": "申请调卷令",
    "certiorari-denied": "调卷令申请被驳回",
    "certiorari-granted": "调卷令获准",
    "settlement": "和解",
    "referral": "提请先行裁决",
    "publication": "公布",
    "in-force": "生效",
    "other": "其他",
}
#: Events that decide something (a ruling's date is the newest of these).
DECISIVE_EVENTS = ("decision", "appeal-decision", "registration-refused", "reconsideration-refused", "registration", "settlement", "in-force", "certiorari-denied")
EVENT_RESULTS = {
    "affirmed": "维持原判",
    "reversed": "改判",
    "vacated": "撤销",
    "remanded": "发回重审",
    "partly-reversed": "部分改判",
}
PARTY_ROLES = {
    "plaintiff": "原告",
    "defendant": "被告",
    "appellant": "上诉人",
    "appellee": "被上诉人",
    "applicant": "申请人",
    "petitioner": "申请人（调卷令）",
    "respondent": "被申请人",
    "claimant": "请求人",
    "intervener": "第三人",
    "registrant": "登记申请人",
    "author": "作者",
}
COURT_LEVELS = ("trial", "appeal", "supreme", "office", "legislature", "regional")


@dataclass(frozen=True)
class Where:
    """Where a record was read from, for error messages and Sphinx locations."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name_zh: str
    name_en: str
    stance: str
    where: Where


@dataclass(frozen=True)
class Court:
    id: str
    jurisdiction: str
    name_zh: str
    name_en: str
    name_original: str
    level: str
    where: Where


@dataclass(frozen=True)
class Docket:
    court: str
    number: str
    verification: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    name_zh: str = ""


@dataclass(frozen=True)
class Event:
    date: str
    kind: str
    court: str
    what: str
    verification: str
    sources: tuple[str, ...]
    docket: str = ""
    result: str = ""


@dataclass(frozen=True)
class Update:
    date: str
    what: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Ruling:
    slug: str
    kind: str
    name_original: str
    name_zh: str
    name_en: str
    short_zh: str
    jurisdiction: str
    court: str
    dockets: tuple[Docket, ...]
    parties: tuple[Party, ...]
    ai_tool: str
    work_kind: str
    human_contribution: str
    question: str
    holding: str
    outcome: str
    damages: str
    status: str
    status_as_of: str
    summary_zh: str
    subsequent_history: str
    events: tuple[Event, ...]
    verification: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    updates: tuple[Update, ...]
    where: Where
    #: Line of each docket in the data file, for cross-file duplicate messages.
    docket_lines: tuple[int, ...] = ()

    @property
    def url(self) -> str:
        """The page's path relative to the site root; never changes once published."""
        return f"cases/{self.slug}.html"

    @property
    def label(self) -> str:
        return self.short_zh or self.name_zh

    def verification_of(self, fact: str) -> str:
        return dict(self.verification).get(fact, "not-verified")

    @property
    def verification_levels(self) -> set[str]:
        """The verification level of every fact: dockets, events and the card's facts."""
        return {d.verification for d in self.dockets} | {e.verification for e in self.events} | {v for _, v in self.verification}

    @property
    def has_primary_fact(self) -> bool:
        """Whether any fact was checked against a primary source."""
        return "primary" in self.verification_levels

    @property
    def decision_date(self) -> str:
        """Date of the leading decision: the newest decision event, else the first event."""
        decisive = [e.date for e in self.events if e.kind in DECISIVE_EVENTS]
        if decisive:
            return decisive[-1]
        return self.events[0].date if self.events else ""

    @property
    def docket_numbers(self) -> tuple[str, ...]:
        return tuple(d.number for d in self.dockets)


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    category: str
    definition: str
    relevance: str
    chapters: tuple[str, ...]
    where: Where

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, self.en, *self.aliases)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    chapter: str
    source: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]
    row_errata: tuple[str, ...]
    where: Where

    def as_dicts(self) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for row in self.rows:
            out.append({c.key: (cell[0] if len(cell) == 1 else list(cell)) for c, cell in zip(self.columns, row, strict=False)})
        return out


@dataclass(frozen=True)
class Erratum:
    id: str
    location: str
    kind: str
    report_text: str
    correction: str
    explanation: str
    sources: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class Figure:
    id: str
    location: str
    report_lines: tuple[str, ...]
    description: str
    where: Where


@dataclass(frozen=True)
class Rule:
    id: str
    jurisdiction: str
    issuer: str
    title_zh: str
    title_original: str
    number: str
    made: str
    published: str
    in_force: str
    requires: str
    status: str
    status_as_of: str
    verification: str
    sources: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class Dataset:
    jurisdictions: dict[str, Jurisdiction]
    courts: dict[str, Court]
    rulings: dict[str, Ruling]
    terms: tuple[Term, ...]
    tables: dict[str, Table]
    errata: tuple[Erratum, ...]
    figures: dict[str, Figure]
    rules: tuple[Rule, ...]
    bib_keys: frozenset[str] = field(default_factory=frozenset)
