"""Scaffold a new ruling: its data file and its page, ready to be filled in."""

from __future__ import annotations

from pathlib import Path

from .fields import SLUG_RE, today
from .loader import Paths

RULING_TEMPLATE = """\
# New ruling: fill in every field, then run `python -m aigc_report check`.
# Facts come only from sources you saw; cite them by their references.bib keys.
slug: {slug}
kind: judgment            # judgment | office-decision | statute
names:
  original: ""            # the name in the original language
  zh: ""
  en: ""
  short_zh: ""
jurisdiction: ""          # an id from aigc_report/data/jurisdictions.yaml
court: ""                 # an id from aigc_report/data/courts.yaml
dockets:                  # exactly as the court prints them; [] if no source gives one
  - court: ""
    number: ""
    verification: primary # primary | two-secondary | one-secondary | not-verified
    sources: []
parties:
  - role: plaintiff
    name: ""
ai_tool: ""
work_kind: ""
human_contribution: ""
question: ""
holding: ""
outcome: pending          # protected | not-protected | partly-protected | infringement-found | no-infringement | pending | settled | dismissed
damages: ""
status: pending           # final | on-appeal | pending | settled
status_as_of: "{today}"
summary_zh: ""
subsequent_history: ""
events:
  - date: ""
    kind: filing
    court: ""
    what: ""
    sources: []
    verification: primary
verification:
  court: primary
  parties: primary
  holding: primary
  outcome: primary
sources: []
updates:
  - date: "{today}"
    what: "建立条目"
    sources: []
"""

PAGE_TEMPLATE = """\
({slug_label})=
# 案件名称（Original name）

```{{ruling-card}} {slug}
```

({slug}-facts)=
## 案情

用自己的话写，每段末尾用 footcite 角色注明 references.bib 中的来源键。

({slug}-issues)=
## 争议焦点

({slug}-holding)=
## 裁判要旨

({slug}-history)=
## 后续进展

({slug}-analysis)=
## 评析与意义

({slug}-cite)=
## 引用本页

```{{ruling-cite}} {slug}
```

({slug}-references)=
## 参考文献

```{{footbibliography}}
```
"""


class ScaffoldError(Exception):
    pass


def new_ruling(root: Path, slug: str) -> tuple[Path, Path]:
    """Write the data file and page for ``slug``; refuse a used or unsafe slug.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> data, page = new_ruling(tmp, "example-v-demo")
    >>> data.name, page.name
    ('example-v-demo.yaml', 'example-v-demo.md')
    >>> new_ruling(tmp, "example-v-demo")
    Traceback (most recent call last):
    ...
    aigc_report.scaffold.ScaffoldError: slug 'example-v-demo' is already used by aigc_report/data/rulings/example-v-demo.yaml
    >>> new_ruling(tmp, "Bad Slug")
    Traceback (most recent call last):
    ...
    aigc_report.scaffold.ScaffoldError: unsafe slug 'Bad Slug': use lowercase ASCII letters, digits and single hyphens
    """
    if not SLUG_RE.match(slug):
        raise ScaffoldError(f"unsafe slug {slug!r}: use lowercase ASCII letters, digits and single hyphens")
    paths = Paths(root)
    data = paths.rulings / f"{slug}.yaml"
    page = paths.cases / f"{slug}.md"
    for existing in (data, page):
        if existing.exists():
            raise ScaffoldError(f"slug {slug!r} is already used by {paths.show(existing)}")
    data.parent.mkdir(parents=True, exist_ok=True)
    page.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(RULING_TEMPLATE.format(slug=slug, today=today().isoformat()), encoding="utf-8")
    page.write_text(PAGE_TEMPLATE.format(slug=slug, slug_label=f"case-{slug}"), encoding="utf-8")
    return data, page
