"""Sphinx extension: renders aigc_report data (rulings, tables, glossary, errata) into pages.

The data is checked once at ``builder-inited``: every problem becomes a warning located at
``path:line`` with a typed subtype (``aigc.<kind>``), and then one error stops the build, so a
broken file never yields a half-rendered site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging

from ..checker import collect
from ..loader import Paths
from . import aggregates, outputs, sidebar, state
from .domain import AigcDomain, ErratumRole, GlossaryTermRole
from .report_directives import AigcTableDirective, ErrataListDirective, GlossaryDirective, ReportFigureDirective
from .ruling_directives import RulesListDirective, RulingCardDirective, RulingCiteDirective

logger = logging.getLogger(__name__)


class DataCheckError(SphinxError):
    category = "aigc_report data check failed"


STATIC = Path(__file__).parent / "static"


def load_data(app: Sphinx, config: object | None = None) -> None:
    root = Path(app.config.aigc_root or app.confdir)
    data, problems = collect(root)
    for p in sorted(set(problems)):
        logger.warning("%s: %s", p.field, p.message, location=f"{root / p.path}:{p.line}", type="aigc", subtype=p.kind)
    if problems:
        raise DataCheckError(f"{len(set(problems))} problem(s) in aigc_report data; see the warnings above (python -m aigc_report check lists them too)")
    state.set_data(data, Paths(root))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("aigc_root", "", "env", types=[str])
    app.add_config_value("aigc_description", "", "html", types=[str])
    # Published addresses that moved: {"old.html" or "old.html#anchor": "new.html#anchor"}.
    app.add_config_value("aigc_redirects", {}, "html", types=[dict])
    # Build the Pagefind index at the end of every HTML build (the site's search page needs it).
    app.add_config_value("aigc_pagefind", True, "", types=[bool])  # changes no page
    # Also build Sphinx's own (slower, weaker) search, for comparison: -D aigc_sphinx_search=1.
    app.add_config_value("aigc_sphinx_search", False, "html", types=[bool])
    # Render the sidebar's page tree once per build (sidebar.py); 0 uses the theme's own code.
    app.add_config_value("aigc_fast_sidebar", True, "html", types=[bool])
    # Beyond this many children a sidebar entry lists only the current one (0: no limit).
    app.add_config_value("aigc_sidebar_max_children", 100, "html", types=[int])
    app.add_domain(AigcDomain)
    app.add_role("gls", GlossaryTermRole())
    app.add_role("erratum", ErratumRole())
    app.add_directive("aigc-table", AigcTableDirective)
    app.add_directive("report-figure", ReportFigureDirective)
    app.add_directive("aigc-glossary", GlossaryDirective)
    app.add_directive("errata-list", ErrataListDirective)
    app.add_directive("ruling-card", RulingCardDirective)
    app.add_directive("ruling-cite", RulingCiteDirective)
    app.add_directive("rules-list", RulesListDirective)
    app.add_node(aggregates.aigc_aggregate)
    for name in aggregates.AGGREGATES:
        app.add_directive(name, aggregates.AggregateDirective)
    # At config-inited, before sphinxcontrib-bibtex parses references.bib (pybtex crashes on
    # malformed entries; our checker names the line instead).
    app.connect("config-inited", load_data, priority=100)
    app.connect("env-get-updated", aggregates.rewrite_on_data_change)
    app.connect("doctree-resolved", aggregates.fill)
    app.connect("config-inited", outputs.add_static_path)
    app.connect("builder-inited", outputs.add_static)
    app.connect("builder-inited", outputs.sphinx_search_switch)
    app.connect("builder-inited", outputs.template_cache)
    app.connect("html-page-context", outputs.page_meta)
    # Before the theme's handlers (priority 500), which render each sidebar template once.
    app.connect("html-page-context", sidebar.install, priority=400)
    app.connect("html-collect-pages", outputs.start_search_index)
    app.connect("build-finished", outputs.write_outputs)
    return {"version": "0.1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
