"""Exports of the data set: rulings and glossary as JSON, rulings as CSV."""

from __future__ import annotations

import csv
import io
import json

from .model import EVENT_KINDS, OUTCOMES, STATUSES, Dataset, Ruling, Term


def ruling_record(data: Dataset, ruling: Ruling, base_url: str = "") -> dict[str, object]:
    """One ruling as plain JSON-able data (what ``export --format json`` lists).

    >>> from aigc_report.checker import default_dataset
    >>> data = default_dataset()
    >>> rec = ruling_record(data, data.rulings["li-v-liu-ai-image"])
    >>> rec["url"], rec["court"]["name_zh"], rec["dockets"][0]["number"]
    ('cases/li-v-liu-ai-image.html', '北京互联网法院', '(2023)京0491民初11279号')
    """
    court = data.courts[ruling.court]
    url = ruling.url if not base_url else base_url.rstrip("/") + "/" + ruling.url
    return {
        "slug": ruling.slug,
        "url": url,
        "kind": ruling.kind,
        "names": {"original": ruling.name_original, "zh": ruling.name_zh, "en": ruling.name_en},
        "jurisdiction": ruling.jurisdiction,
        "court": {"id": court.id, "name_zh": court.name_zh, "name_en": court.name_en, "name_original": court.name_original},
        "dockets": [{"court": d.court, "number": d.number, "verification": d.verification, "sources": list(d.sources)} for d in ruling.dockets],
        "parties": [{"role": p.role, "name": p.name, "name_zh": p.name_zh} for p in ruling.parties],
        "events": [
            {"date": e.date, "kind": e.kind, "kind_zh": EVENT_KINDS[e.kind], "court": e.court, "docket": e.docket, "result": e.result, "what": e.what, "verification": e.verification, "sources": list(e.sources)}
            for e in ruling.events
        ],
        "ai_tool": ruling.ai_tool,
        "work_kind": ruling.work_kind,
        "question": ruling.question,
        "holding": ruling.holding,
        "outcome": ruling.outcome,
        "outcome_zh": OUTCOMES[ruling.outcome],
        "damages": ruling.damages,
        "status": ruling.status,
        "status_zh": STATUSES[ruling.status],
        "status_as_of": ruling.status_as_of,
        "verification": dict(ruling.verification),
        "has_primary_source": ruling.has_primary_fact,
        "sources": list(ruling.sources),
        "updates": [{"date": u.date, "what": u.what, "sources": list(u.sources)} for u in ruling.updates],
    }


def term_record(term: Term) -> dict[str, object]:
    return {"id": term.id, "zh": term.zh, "en": term.en, "aliases": list(term.aliases), "category": term.category, "definition": term.definition, "chapters": list(term.chapters), "url": f"glossary.html#term-{term.id}"}


def to_json(data: Dataset, base_url: str = "") -> str:
    """Rulings and glossary as one JSON document, sorted by slug and id.

    >>> from aigc_report.checker import default_dataset
    >>> doc = json.loads(to_json(default_dataset()))
    >>> sorted(doc) == ["glossary", "rulings"] and all(r["sources"] for r in doc["rulings"])
    True
    """
    doc = {
        "rulings": [ruling_record(data, data.rulings[s], base_url) for s in sorted(data.rulings)],
        "glossary": [term_record(t) for t in sorted(data.terms, key=lambda t: t.id)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("slug", "url", "name_zh", "name_en", "name_original", "jurisdiction", "court", "date", "dockets", "outcome", "status", "status_as_of", "sources")


def to_csv(data: Dataset) -> str:
    """Rulings as CSV, one row per ruling (dockets and sources joined with "; ").

    >>> from aigc_report.checker import default_dataset
    >>> rows = list(csv.DictReader(io.StringIO(to_csv(default_dataset()))))
    >>> [r["dockets"] for r in rows if r["slug"] == "li-v-liu-ai-image"]
    ['(2023)京0491民初11279号']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for slug in sorted(data.rulings):
        r = data.rulings[slug]
        writer.writerow([
            r.slug, r.url, r.name_zh, r.name_en, r.name_original, r.jurisdiction, data.courts[r.court].name_zh,
            r.decision_date, "; ".join(r.docket_numbers), r.outcome, r.status, r.status_as_of, "; ".join(r.sources),
        ])
    return out.getvalue()
