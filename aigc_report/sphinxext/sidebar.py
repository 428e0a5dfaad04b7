"""The left sidebar's page tree, rendered once per build instead of once per page.

pydata-sphinx-theme builds the sidebar of every page by resolving Sphinx's whole global
toctree, rendering it through the HTML writer and rewriting it with BeautifulSoup: measured
1.9 s of a 7.5 s clean build here, and its cost grows with pages x pages. The tree is the
same on every page; only the links' relative paths and the "current" marks differ. So the
tree is read once from the root document's toctrees and written out per page as plain
strings, in exactly the theme's markup (tests/test_site_build.py compares the two on every
page). One difference on purpose: an entry with more than ``aigc_sidebar_max_children``
children (the rulings, once there are hundreds) lists only the current child and a link to
the entry's page. Anything this renderer does not handle (collapsed navigation, external
links in a toctree, "self" entries) falls back to the theme's own function.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.nodes import clean_astext

TOGGLE = '<summary><span class="toctree-toggle" role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary>'


@dataclass
class Entry:
    docname: str
    title: str
    children: list[Entry] = field(default_factory=list)


@dataclass
class Part:
    caption: str
    entries: list[Entry]


class Unsupported(Exception):
    """The toctree uses something this renderer does not reproduce; use the theme's."""


def _toctree_entries(app: Sphinx, docname: str, level: int, maxdepth: int, seen: set[str]) -> list[tuple[str, list[Entry]]]:
    env = app.env
    parts: list[tuple[str, list[Entry]]] = []
    for toctree in env.get_doctree(docname).findall(addnodes.toctree):
        entries = []
        for title, ref in toctree["entries"]:
            if ref == "self" or ref not in env.titles or ref in seen:
                raise Unsupported(ref)
            children: list[Entry] = []
            # Only pages that include others are opened (a stored doctree costs ~6 ms to load).
            if ref in env.toctree_includes and (maxdepth <= 0 or level < maxdepth):
                for _caption, sub in _toctree_entries(app, ref, level + 1, maxdepth, seen | {ref}):
                    children.extend(sub)
            entries.append(Entry(ref, title or clean_astext(env.titles[ref]), children))
        parts.append((toctree.get("caption") or "", entries))
    return parts


@dataclass
class Tree:
    parts: list[Part]
    #: For each page in the tree: itself and its ancestors (what is "current" on that page).
    paths: dict[str, frozenset[str]]


def site_tree(app: Sphinx, maxdepth: int) -> Tree | None:
    """The root document's toctrees as parts with nested entries; None if unsupported."""
    cache: dict[int, Tree | None] = app.builder.__dict__.setdefault("_aigc_site_tree", {})
    if maxdepth not in cache:
        root = app.config.root_doc
        try:
            parts = [Part(c, e) for c, e in _toctree_entries(app, root, 1, maxdepth, {root})]
            cache[maxdepth] = Tree(parts, _paths(parts))
        except Unsupported:
            cache[maxdepth] = None
    return cache[maxdepth]


def _paths(parts: list[Part]) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}

    def walk(entries: list[Entry], above: frozenset[str]) -> None:
        for e in entries:
            here = above | {e.docname}
            found.setdefault(e.docname, here)
            walk(e.children, here)

    for part in parts:
        walk(part.entries, frozenset())
    return found


def _items(app: Sphinx, entries: list[Entry], pagename: str, path: frozenset[str], level: int, show_nav_level: int, limit: int) -> str:
    out = []
    for e in entries:
        current = e.docname in path
        children = e.children
        more = ""
        if limit and len(children) > limit:
            # Hundreds of rulings would put hundreds of links on every page (pages x rulings
            # in build time and bytes); list only the current one and link to the index.
            children = [c for c in children if c.docname in path]
            href = html.escape(app.builder.get_relative_uri(pagename, e.docname))
            more = f'<li class="toctree-l{level + 1} aigc-more"><a class="reference internal" href="{href}">全部 {len(e.children)} 项 →</a></li>\n'
        has_children = bool(children or more)
        classes = [f"toctree-l{level}"] + (["current", "active"] if current else []) + (["has-children"] if has_children else [])
        href = "#" if e.docname == pagename else app.builder.get_relative_uri(pagename, e.docname)
        a_class = "current reference internal" if e.docname == pagename else "reference internal"
        link = f'<a class="{a_class}" href="{html.escape(href)}">{html.escape(e.title, quote=False)}</a>'
        sub = ""
        if has_children:
            is_open = ' open="open"' if current or level < show_nav_level else ""
            # Only the current entry's own list holds the current page.
            ul = '<ul class="current">' if current and e.docname != pagename else "<ul>"
            sub = f"<details{is_open}>{TOGGLE}{ul}\n{_items(app, children, pagename, path, level + 1, show_nav_level, limit)}{more}</ul>\n</details>"
        out.append(f'<li class="{" ".join(classes)}">{link}{sub}</li>\n')
    return "".join(out)


def render(app: Sphinx, tree: Tree, pagename: str, show_nav_level: int) -> str:
    path = tree.paths.get(pagename, frozenset())
    limit = app.config.aigc_sidebar_max_children
    out = []
    for part in tree.parts:
        if part.caption:
            out.append(f'<p aria-level="2" class="caption" role="heading"><span class="caption-text">{html.escape(part.caption, quote=False)}</span></p>\n')
        current = any(e.docname in path for e in part.entries)
        out.append(f'<ul class="{"current " if current else ""}nav bd-sidenav">\n')
        out.append(_items(app, part.entries, pagename, path, 1, show_nav_level, limit))
        out.append("</ul>\n")
    return "".join(out)


THEME_TEMPLATE = "sbt-sidebar-nav.html"
#: The theme's sidebar template with its generate_toctree_html call swapped for ours.
TEMPLATE = "aigc-sidebar-nav.html"


def _tobool(value: Any) -> bool:
    return value.lower() in {"true", "1", "yes", "on"} if isinstance(value, str) else bool(value)


def install(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """html-page-context, before the theme's handlers (which render each sidebar template
    once more to drop empty ones): use our template and give it the fast tree."""
    sidebars = context.get("sidebars")
    if not app.config.aigc_fast_sidebar or not isinstance(sidebars, list) or THEME_TEMPLATE not in sidebars:
        return
    context["sidebars"] = [TEMPLATE if name == THEME_TEMPLATE else name for name in sidebars]

    def aigc_sidebar_tree() -> Any:
        maxdepth = int(context.get("theme_max_navbar_depth", 4))
        show = int(context.get("theme_show_navbar_depth", 1))
        collapse = _tobool(context.get("theme_collapse_navbar", False))
        tree = None if collapse else site_tree(app, maxdepth)
        if tree is None:
            return context["generate_toctree_html"](startdepth=0, kind="sidebar", maxdepth=maxdepth, collapse=collapse,
                                                    includehidden=True, titles_only=True, show_nav_level=show)
        return render(app, tree, pagename, show)

    context["aigc_sidebar_tree"] = aigc_sidebar_tree
