"""What the HTML build writes besides pages: data API, per-ruling citations, Atom feed,
page metadata, static assets, and the fix for Sphinx's Chinese search script."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import sphinx
from sphinx.application import Sphinx
from sphinx.util import logging

from .. import citations, export
from . import icons, state

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
FEED_TITLE = "AIGC 版权认定参考：案例更新"


def add_static_path(app: Sphinx, config: Any) -> None:
    config.html_static_path.append(str(STATIC))
    config.templates_path.append(str(TEMPLATES))


def sphinx_search_switch(app: Sphinx) -> None:
    """Sphinx's own search index (jieba segmentation) is only for the comparison page
    search-sphinx.html: built when aigc_sphinx_search is on.

    Off, the builder makes no IndexBuilder at all (segmenting even the home page loads jieba's
    dictionary, ~0.6 s a build) and search.html, the Pagefind page, is written as an
    additional page instead of as Sphinx's search page.
    """
    if not hasattr(app.builder, "index_page"):
        return
    if app.config.aigc_sphinx_search:
        import logging as pylogging

        import jieba  # imported only here: ~0.1 s, and it sets its own logger to DEBUG

        jieba.setLogLevel(pylogging.WARNING)  # the build log is for problems
        return
    app.builder.search = False
    app.config.html_additional_pages.pop("search-sphinx", None)
    app.config.html_additional_pages["search"] = "search.html"


def template_cache(app: Sphinx) -> None:
    """Keep compiled page templates between builds (next to the doctrees).

    Sphinx compiles the theme's ~50 Jinja templates in every run: measured ~0.3 s, most of
    what an incremental build spends writing its few pages. Jinja checks each cached
    template against its source, so an edited template is compiled again.
    """
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None:
        return
    from jinja2 import FileSystemBytecodeCache

    folder = Path(app.doctreedir) / "jinja-bytecode"
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def add_static(app: Sphinx) -> None:
    app.add_css_file("aigc.css")
    app.add_js_file("aigc.js", loading_method="defer")


def _base(app: Sphinx) -> str:
    return (app.config.html_baseurl or "").rstrip("/") + "/"


def page_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Description and OpenGraph tags per page; the feed link. Values are HTML-escaped."""
    title = context.get("title") or ""
    slug = pagename.removeprefix("cases/")
    rulings = state.data().rulings
    if pagename.startswith("cases/") and slug in rulings:
        description = rulings[slug].summary_zh
    else:
        description = app.config.aigc_description
    url = _base(app) + pagename + ".html"
    tags = [
        f'<meta name="description" content="{html.escape(description, quote=True)}">',
        f'<meta property="og:title" content="{html.escape(_plain(title), quote=True)}">',
        f'<meta property="og:description" content="{html.escape(description, quote=True)}">',
        f'<meta property="og:url" content="{html.escape(url, quote=True)}">',
        '<meta property="og:type" content="website">',
        '<meta property="og:locale" content="zh_CN">',
        f'<link rel="alternate" type="application/atom+xml" title="{html.escape(FEED_TITLE, quote=True)}" href="{html.escape(_base(app) + "feed.xml", quote=True)}">',
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def _plain(title: str) -> str:
    """Page titles arrive as HTML; meta tags want text."""
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", title))


def write_outputs(app: Sphinx, exception: Exception | None) -> None:
    # Pagefind, started at html-collect-pages, is waited for here, or stopped on a failure.
    indexing = app.builder.__dict__.pop("_aigc_indexing", None)
    if exception is not None or app.builder.format != "html":
        if indexing is not None:
            indexing.cancel()
        return
    try:
        _write_files(app, Path(app.outdir))
    except BaseException:
        if indexing is not None:
            indexing.cancel()
        raise
    if indexing is not None:
        indexing.wait()


def _write_files(app: Sphinx, out: Path) -> None:
    """The data API, per-ruling citations, feed, redirects, sitemap and icon subset."""
    data = state.data()
    base = _base(app)
    api = out / "api"
    api.mkdir(exist_ok=True)
    doc = json.loads(export.to_json(data, base))
    (api / "rulings.json").write_text(json.dumps({"rulings": doc["rulings"]}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (api / "glossary.json").write_text(json.dumps({"glossary": doc["glossary"]}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    schema = Path(__file__).parent.parent / "schema"
    for file in sorted(schema.glob("*.json")):
        (api / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    cases = out / "cases"
    cases.mkdir(exist_ok=True)
    for r in data.rulings.values():
        court = data.courts[r.court]
        (cases / f"{r.slug}.bib").write_text(citations.bibtex(r, court, base), encoding="utf-8")
        (cases / f"{r.slug}.json").write_text(citations.csl_json(r, court, base), encoding="utf-8")
    (out / "feed.xml").write_text(atom_feed(app), encoding="utf-8")
    write_redirects(out, app.config.aigc_redirects)
    (out / "sitemap.xml").write_text(sitemap(app, out), encoding="utf-8")
    fix_chinese_search(out)
    icons.subset(out)


def start_search_index(app: Sphinx) -> list[Any]:
    """html-collect-pages: every content page is written by now, so Pagefind can start on a
    copy of them while Sphinx writes its remaining pages and static files and the other
    outputs are made; write_outputs waits for it."""
    if app.config.aigc_pagefind and app.builder.format == "html":
        from ..search_index import Indexing

        app.builder._aigc_indexing = Indexing(Path(app.outdir))
    return []


def sitemap(app: Sphinx, out: Path) -> str:
    """sitemap.xml of every content page, with absolute URLs from html_baseurl."""
    base = _base(app)
    skip = {"search.html", "search-sphinx.html", "genindex.html", "404.html"}
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")
                   if p.name not in skip and not {"_static", "pagefind", "_sources"} & set(p.relative_to(out).parts))
    urls = "".join(f"  <url><loc>{escape(base + page)}</loc></url>\n" for page in pages)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def write_redirects(out: Path, redirects: dict[str, str]) -> None:
    """A small HTML page at each moved address that sends the reader to the new one."""
    for old, new in sorted(redirects.items()):
        page = old.split("#")[0]
        target = out / page
        if "#" in old or target.exists():
            continue  # an anchor moved inside a page that still exists: listed, nothing to write
        depth = page.count("/")
        href = html.escape("../" * depth + new, quote=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>页面已移动</title>'
            f'<meta http-equiv="refresh" content="0; url={href}"><link rel="canonical" href="{href}"></head>'
            f'<body><p>本页已移至 <a href="{href}">{href}</a>。</p></body></html>\n',
            encoding="utf-8",
        )


def atom_feed(app: Sphinx) -> str:
    """An Atom feed with one entry per dated update of a ruling, newest first."""
    data = state.data()
    base = _base(app)
    updates = sorted(((u.date, r.slug, i, u, r) for r in data.rulings.values() for i, u in enumerate(r.updates)), key=lambda x: (x[0], x[1], x[2]), reverse=True)
    newest = updates[0][0] if updates else "1970-01-01"

    def stamp(date: str) -> str:
        full = (date + "-01-01")[:10] if len(date) < 10 else date
        return f"{full}T00:00:00Z"

    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        f"  <title>{escape(FEED_TITLE)}</title>",
        f'  <link rel="self" href="{escape(base)}feed.xml"/>',
        f'  <link rel="alternate" href="{escape(base)}updates.html"/>',
        f"  <id>{escape(base)}feed.xml</id>",
        f"  <updated>{stamp(newest)}</updated>",
        "  <author><name>AIGC 版权认定参考编辑组</name></author>",
    ]
    for date, _slug, i, u, r in updates:
        url = f"{base}{r.url}"
        lines += [
            "  <entry>",
            f"    <title>{escape(r.label)}：{escape(u.what)}</title>",
            f'    <link rel="alternate" href="{escape(url)}"/>',
            f"    <id>{escape(url)}#update-{escape(date)}-{i}</id>",
            f"    <updated>{stamp(date)}</updated>",
            f"    <summary>{escape(u.what)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


BROKEN_STEMMER = "window.Stemmer = ChineseStemmer;"
FIXED_STEMMER = "window.Stemmer = EnglishStemmer;"


def needs_search_fix(version: tuple[int, ...] = sphinx.version_info[:3]) -> bool:
    """Sphinx 9.0.0 to 9.1.0 point the Chinese search at a stemmer that does not exist.

    >>> needs_search_fix((9, 0, 4)), needs_search_fix((9, 1, 1)), needs_search_fix((8, 2, 3))
    (True, False, False)
    """
    return (9, 0, 0) <= version < (9, 1, 1)


def fix_chinese_search(out: Path) -> bool:
    """Point ``language_data.js`` at the English stemmer that Sphinx ships for Chinese.

    sphinx-doc/sphinx#14229: the zh language uses english-stemmer.js but assigns
    ``ChineseStemmer``, so the search page throws and hangs at "正在搜索中".
    """
    js = out / "_static" / "language_data.js"
    if not needs_search_fix() or not js.exists():
        return False
    text = js.read_text(encoding="utf-8")
    if BROKEN_STEMMER not in text:
        return False
    js.write_text(text.replace(BROKEN_STEMMER, FIXED_STEMMER), encoding="utf-8")
    return True
