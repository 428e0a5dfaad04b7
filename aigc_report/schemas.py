"""The fields each kind of data file may hold (see docs/maintainers/data-format.md)."""

from __future__ import annotations

from .fields import Field
from .model import (
    COURT_LEVELS,
    EVENT_KINDS,
    EVENT_RESULTS,
    OUTCOMES,
    PARTY_ROLES,
    RULING_KINDS,
    STATUSES,
    VERIFICATION_LEVELS,
)

V = VERIFICATION_LEVELS

JURISDICTION = (
    Field("id", "id"),
    Field("name_zh", "text"),
    Field("name_en", "text"),
    Field("stance", "text"),
)

COURT = (
    Field("id", "id"),
    Field("jurisdiction", "id"),
    Field("name_zh", "text"),
    Field("name_en", "text"),
    Field("name_original", "text"),
    Field("level", "choice", choices=COURT_LEVELS),
)

DOCKET = (
    Field("court", "id"),
    Field("number", "text"),
    Field("verification", "choice", choices=V),
    Field("sources", "strlist"),
)

PARTY = (
    Field("role", "choice", choices=tuple(PARTY_ROLES)),
    Field("name", "text"),
    Field("name_zh", "str", required=False),
)

EVENT = (
    Field("date", "date"),
    Field("kind", "choice", choices=tuple(EVENT_KINDS)),
    Field("court", "id"),
    Field("docket", "str", required=False),
    Field("result", "str", required=False),
    Field("what", "text"),
    Field("sources", "strlist"),
    Field("verification", "choice", choices=V),
)

UPDATE = (
    Field("date", "date"),
    Field("what", "text"),
    Field("sources", "strlist", required=False),
)

NAMES = (
    Field("original", "text"),
    Field("zh", "text"),
    Field("en", "text"),
    Field("short_zh", "str", required=False),
)

VERIFIED_FACTS = ("court", "parties", "holding", "outcome", "damages")

VERIFICATION = tuple(
    Field(name, "choice", required=name != "damages", choices=V) for name in VERIFIED_FACTS
)

RULING = (
    Field("slug", "slug"),
    Field("kind", "choice", choices=RULING_KINDS),
    Field("names", "map", item=NAMES),
    Field("jurisdiction", "id"),
    Field("court", "id"),
    Field("dockets", "maps", item=DOCKET, required=False),
    Field("parties", "maps", item=PARTY, required=False),
    Field("ai_tool", "str"),
    Field("work_kind", "text"),
    Field("human_contribution", "text"),
    Field("question", "text"),
    Field("holding", "text"),
    Field("outcome", "choice", choices=tuple(OUTCOMES)),
    Field("damages", "str"),
    Field("status", "choice", choices=tuple(STATUSES)),
    Field("status_as_of", "date"),
    Field("summary_zh", "text"),
    Field("subsequent_history", "str"),
    Field("events", "maps", item=EVENT),
    Field("verification", "map", item=VERIFICATION),
    Field("sources", "strlist"),
    Field("updates", "maps", item=UPDATE),
)

TERM = (
    Field("id", "id"),
    Field("zh", "text"),
    Field("en", "text"),
    Field("aliases", "strlist", required=False),
    Field("category", "choice", choices=("legal", "technical", "regulatory")),
    Field("definition", "text"),
    Field("relevance", "text"),
    Field("chapters", "strlist", required=False),
)

COLUMN = (
    Field("key", "key"),
    Field("label", "text"),
    Field("numeric", "bool", required=False),
)

TABLE_HEAD = (
    Field("name", "id"),
    Field("title", "text"),
    Field("chapter", "text"),
    Field("source", "str"),
    Field("columns", "maps", item=COLUMN),
)

ERRATUM_KINDS = (
    "typo", "fact", "date", "attribution", "architecture", "negation",
    "language", "first-claim", "omission", "unverifiable", "numbering", "name",
)

ERRATUM = (
    Field("id", "id"),
    Field("location", "text"),
    Field("kind", "choice", choices=ERRATUM_KINDS),
    Field("report_text", "text"),
    Field("correction", "text"),
    Field("explanation", "text"),
    Field("sources", "strlist"),
)

FIGURE = (
    Field("id", "id"),
    Field("location", "text"),
    Field("report_lines", "strlist"),
    Field("description", "text"),
)

RULE = (
    Field("id", "id"),
    Field("jurisdiction", "id"),
    Field("issuer", "text"),
    Field("title_zh", "text"),
    Field("title_original", "text"),
    Field("number", "str"),
    Field("made", "str"),
    Field("published", "str"),
    Field("in_force", "str"),
    Field("requires", "text"),
    Field("status", "choice", choices=("in-force", "adopted", "proposed", "guidance", "consultation", "report", "repealed")),
    Field("status_as_of", "date"),
    Field("verification", "choice", choices=V),
    Field("sources", "strlist"),
)

__all__ = [
    "COURT", "ERRATUM", "EVENT_RESULTS", "FIGURE", "JURISDICTION", "RULE", "RULING",
    "TABLE_HEAD", "TERM", "VERIFIED_FACTS",
]
