"""Ready citations for ruling pages: GB/T 7714-2015, an English legal style, BibTeX, CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json

from .model import DECISIVE_EVENTS, Court, Event, Ruling

SITE_TITLE_ZH = "人工智能生成内容（AIGC）作品版权认定参考"
SITE_TITLE_EN = "AIGC Copyright Reference"


def leading_event(ruling: Ruling) -> Event | None:
    """The newest decisive event of the ruling's leading court (else the newest decisive one)."""
    own = [e for e in ruling.events if e.court == ruling.court and e.kind in DECISIVE_EVENTS]
    anyd = [e for e in ruling.events if e.kind in DECISIVE_EVENTS]
    pick = own or anyd or list(ruling.events)
    return pick[-1] if pick else None


def leading_docket(ruling: Ruling) -> str:
    event = leading_event(ruling)
    if event and event.docket:
        return event.docket
    own = [d.number for d in ruling.dockets if d.court == ruling.court]
    return own[0] if own else (ruling.dockets[0].number if ruling.dockets else "")


def last_updated(ruling: Ruling) -> str:
    """The newest date in the ruling's change log (or its status date)."""
    dates = [u.date for u in ruling.updates] + [ruling.status_as_of]
    return max(dates)


def page_url(ruling: Ruling, base_url: str) -> str:
    """Absolute URL of the ruling's page.

    >>> from aigc_report.checker import default_dataset
    >>> r = default_dataset().rulings["li-v-liu-ai-image"]
    >>> page_url(r, "https://example.org/aigc/")
    'https://example.org/aigc/cases/li-v-liu-ai-image.html'
    """
    return base_url.rstrip("/") + "/" + ruling.url


def _en_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {d.strftime('%B')} {d.year}"
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1).strftime("%B %Y")
    return iso


def gbt7714(ruling: Ruling, court: Court, base_url: str) -> str:
    """The page cited in GB/T 7714-2015 style (electronic resource, [EB/OL]).

    >>> from aigc_report.checker import default_dataset
    >>> data = default_dataset()
    >>> r = data.rulings["li-v-liu-ai-image"]
    >>> text = gbt7714(r, data.courts[r.court], "https://example.org")
    >>> "北京互联网法院" in text and "(2023)京0491民初11279号" in text and text.endswith("li-v-liu-ai-image.html.")
    True
    """
    event = leading_event(ruling)
    date = event.date if event else ""
    docket = leading_docket(ruling)
    parts = [f"{court.name_zh}. {ruling.name_zh}"]
    if docket:
        parts[0] += f"：{docket}"
    updated = last_updated(ruling)
    return (
        f"{parts[0]}[Z]. {date}. "
        f"{SITE_TITLE_ZH}[EB/OL]. ({updated})[{updated}]. {page_url(ruling, base_url)}."
    )


def english(ruling: Ruling, court: Court, base_url: str) -> str:
    """The page cited in an English legal style: name, docket, court, date, URL, last update.

    >>> from aigc_report.checker import default_dataset
    >>> data = default_dataset()
    >>> r = data.rulings["thaler-v-perlmutter"]
    >>> "Thaler v. Perlmutter" in english(r, data.courts[r.court], "https://example.org")
    True
    """
    event = leading_event(ruling)
    docket = leading_docket(ruling)
    bits = [ruling.name_en]
    if docket:
        bits.append(f"No. {docket}" if not docket.startswith(("No", "(", "C-", "VA", "Case")) else docket)
    when = _en_date(event.date) if event else ""
    head = ", ".join(bits) + f" ({court.name_en}{', ' + when if when else ''})"
    return f"{head}, summarized in {SITE_TITLE_EN}, {page_url(ruling, base_url)} (last updated {_en_date(last_updated(ruling))})."


def bibtex(ruling: Ruling, court: Court, base_url: str) -> str:
    """A BibTeX entry for the ruling page.

    >>> from aigc_report.checker import default_dataset
    >>> data = default_dataset()
    >>> r = data.rulings["li-v-liu-ai-image"]
    >>> bibtex(r, data.courts[r.court], "https://example.org").splitlines()[0]
    '@misc{aigc-li-v-liu-ai-image,'
    """
    event = leading_event(ruling)
    year = event.date[:4] if event else ruling.status_as_of[:4]

    def esc(text: str) -> str:
        return text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")

    fields = [
        ("title", esc(ruling.name_zh if ruling.jurisdiction == "cn" else ruling.name_en)),
        ("organization", "{" + esc(court.name_zh if ruling.jurisdiction == "cn" else court.name_en) + "}"),
        ("year", year),
        ("note", esc(leading_docket(ruling))),
        ("url", page_url(ruling, base_url)),
        ("urldate", last_updated(ruling)),
        ("language", "zh" if ruling.jurisdiction == "cn" else "en"),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@misc{{aigc-{ruling.slug},\n{body}\n}}\n"


def csl_json(ruling: Ruling, court: Court, base_url: str) -> str:
    """A CSL-JSON item (type ``legal_case``) for the ruling.

    >>> from aigc_report.checker import default_dataset
    >>> data = default_dataset()
    >>> r = data.rulings["li-v-liu-ai-image"]
    >>> item = json.loads(csl_json(r, data.courts[r.court], "https://example.org"))[0]
    >>> item["type"], item["number"]
    ('legal_case', '(2023)京0491民初11279号')
    """
    event = leading_event(ruling)
    item: dict[str, object] = {
        "id": f"aigc-{ruling.slug}",
        "type": "legal_case",
        "title": ruling.name_zh if ruling.jurisdiction == "cn" else ruling.name_en,
        "authority": court.name_zh if ruling.jurisdiction == "cn" else court.name_en,
        "number": leading_docket(ruling),
        "URL": page_url(ruling, base_url),
        "language": "zh-CN" if ruling.jurisdiction == "cn" else "en",
    }
    if event:
        item["issued"] = {"date-parts": [[int(p) for p in event.date.split("-")]]}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
