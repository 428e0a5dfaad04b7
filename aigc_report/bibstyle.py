"""A Chinese-aware pybtex style: GB/T 7714-like entries and labels that keep Chinese names.

Stock pybtex styles join Chinese authors with "and", add "et al." and "edition", and
alpha labels drop CJK names entirely (王迁 2024 becomes "[24]").  Here a Chinese entry
(``language = {zh}``) joins names with "、", shortens with "等", and labels read "王迁2024".
"""

from __future__ import annotations

import re

from pybtex.plugin import register_plugin
from pybtex.richtext import HRef, Text
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle

CJK = re.compile(r"[\u3400-\u9fff]")
MAX_NAMES = 3
TYPE_MARKS = {"article": "J", "misc": "EB/OL", "report": "R", "book": "M"}


def _plain(value: str) -> str:
    """Field text without BibTeX braces."""
    return value.replace("{", "").replace("}", "").strip()


def _person(person) -> str:  # type: ignore[no-untyped-def]
    parts = person.first_names + person.middle_names + person.prelast_names + person.last_names + person.lineage_names
    text = " ".join(_plain(p) for p in parts)
    return text if not CJK.search(text) else text.replace(" ", "")


def creators(entry, zh: bool) -> str:  # type: ignore[no-untyped-def]
    """The entry's authors (or organization) joined the way its language expects.

    >>> from pybtex.database import Entry, Person
    >>> e = Entry("misc", fields={"title": "T"}, persons={"author": [Person("王迁"), Person("朱开鑫"), Person("张三"), Person("李四")]})
    >>> creators(e, zh=True)
    '王迁、朱开鑫、张三等'
    >>> e = Entry("misc", fields={"title": "T"}, persons={"author": [Person("Jane Ginsburg"), Person("Luke Budiardjo")]})
    >>> creators(e, zh=False)
    'Jane Ginsburg, Luke Budiardjo'
    """
    people = [_person(p) for p in entry.persons.get("author", [])]
    if not people:
        org = _plain(entry.fields.get("organization", ""))
        return org
    if zh:
        head = "、".join(people[:MAX_NAMES])
        return head + ("等" if len(people) > MAX_NAMES else "")
    head = ", ".join(people[:MAX_NAMES])
    return head + (", et al." if len(people) > MAX_NAMES else "")


class AigcStyle(BaseStyle):
    """Formats @misc, @article, @report and @book entries; other types are rejected
    earlier by :mod:`aigc_report.bibfile`."""

    default_label_style = "aigc"
    default_sorting_style = "none"

    def _format(self, context, kind: str) -> Text:  # type: ignore[no-untyped-def]
        e = context["entry"]
        zh = e.fields.get("language", "").lower().startswith("zh")
        stop = ". "
        parts: list = []
        who = creators(e, zh)
        if who:
            parts.append(who + stop)
        title = _plain(e.fields.get("title", ""))
        parts.append(f"{title}[{TYPE_MARKS.get(kind, 'Z')}]{stop}")
        venue = _plain(e.fields.get("journal", "") or e.fields.get("publisher", "") or e.fields.get("howpublished", ""))
        if venue:
            parts.append(venue + ("，" if zh else ", "))
        date = e.fields.get("year", "")
        month = e.fields.get("month", "")
        if month and month.isdigit():
            date += f"-{int(month):02d}"
        parts.append(date + stop)
        note = _plain(e.fields.get("note", ""))
        if note:
            parts.append(note + ("。" if zh and not note.endswith("。") else ("" if note.endswith(".") else stop)))
        text = Text(*parts)
        url = e.fields.get("url", "")
        if url:
            text = Text(text, " ", HRef(url, url))
        urldate = e.fields.get("urldate", "")
        if urldate:
            text = Text(text, f"（访问于 {urldate}）" if zh else f" (accessed {urldate})")
        return text

    def format_misc(self, context):  # type: ignore[no-untyped-def]
        return self._format(context, "misc")

    def format_article(self, context):  # type: ignore[no-untyped-def]
        return self._format(context, "article")

    def format_report(self, context):  # type: ignore[no-untyped-def]
        return self._format(context, "report")

    def format_book(self, context):  # type: ignore[no-untyped-def]
        return self._format(context, "book")


class AigcLabelStyle(BaseLabelStyle):
    """Labels from the first creator's name and the year, e.g. ``北京互联网法院2023``."""

    def format_labels(self, sorted_entries):  # type: ignore[no-untyped-def]
        seen: dict[str, int] = {}
        for entry in sorted_entries:
            zh = entry.fields.get("language", "").lower().startswith("zh")
            who = creators(entry, zh).split("、")[0].split(",")[0].removesuffix("等").strip() or entry.key
            if not zh:
                who = who.split()[-1] if who.split() else who
            label = f"{who}{'' if zh else ' '}{entry.fields.get('year', '')}".strip()
            n = seen.get(label, 0)
            seen[label] = n + 1
            yield label if n == 0 else f"{label}{chr(ord('a') + n)}"


PRELOAD_GROUPS = ("pybtex.style.names", "pybtex.style.sorting", "pybtex.style.labels", "pybtex.backends")


def register() -> None:
    """Register the style, and load the plugins it needs once.

    pybtex and sphinxcontrib-bibtex look plugins up through ``importlib.metadata`` on every
    citation; with a few hundred footnote citations that scan cost ~10 s per build. Plugins
    registered at run time are found first, so each is loaded here once.
    """
    from importlib.metadata import entry_points

    from sphinxcontrib.bibtex import plugin as bibtex_plugin

    register_plugin("pybtex.style.formatting", "aigc", AigcStyle, force=True)
    register_plugin("pybtex.style.labels", "aigc", AigcLabelStyle, force=True)
    every = entry_points()  # one scan of the installed packages, not one per group
    for group in PRELOAD_GROUPS:
        for ep in every.select(group=group):
            register_plugin(group, ep.name, ep.load(), force=True)
    group = "sphinxcontrib.bibtex.style.referencing"
    for ep in every.select(group=group):
        bibtex_plugin.register_plugin(group, ep.name, ep.load(), force=True)
