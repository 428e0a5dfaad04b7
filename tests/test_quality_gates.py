"""Quality gates: escaping of data text, reproducible builds, broken links and anchors,
the link checker, workflows that call real nox sessions, and a contributor's walk-through."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, copy_repo, serve, sphinx_build
from .htmltext import article_text

HOSTILE = '<script>alert("x")</script> &amp; "双引号" \'单引号\' `反引号` {gls}`独创性` **粗体** :ref:`x`'


def set_field(file: Path, key: str, value: str) -> None:
    text = file.read_text(encoding="utf-8")
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    new, n = re.subn(rf"^{key}:.*(?:\n  .*)*$", f"{key}: {quoted}", text, count=1, flags=re.M)
    assert n == 1
    file.write_text(new, encoding="utf-8")


@pytest.mark.build
def test_data_text_is_escaped_in_html_meta_and_exports(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    ruling = repo / "aigc_report" / "data" / "rulings" / "li-v-liu-ai-image.yaml"
    set_field(ruling, "holding", HOSTILE)
    set_field(ruling, "summary_zh", HOSTILE)
    out = tmp_path / "out"
    result = sphinx_build(repo, out, "-D", "aigc_pagefind=0")
    assert result.returncode == 0, result.stderr
    html = (out / "cases" / "li-v-liu-ai-image.html").read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(" in html
    # The text reads back exactly as typed: nothing parsed as markup, nothing dropped.
    assert HOSTILE in article_text(out / "cases" / "li-v-liu-ai-image.html")
    meta = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "<script>" not in meta and "&lt;script&gt;" in meta and "&quot;" in meta
    exported = json.loads((out / "api" / "rulings.json").read_text(encoding="utf-8"))
    assert next(r for r in exported["rulings"] if r["slug"] == "li-v-liu-ai-image")["holding"] == HOSTILE
    cli = subprocess.run([sys.executable, "-m", "aigc_report", "--root", str(repo), "export", "--format", "csv"], capture_output=True, text=True)
    assert cli.returncode == 0


@pytest.mark.build
def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        result = sphinx_build(ROOT, out, "-E")
        assert result.returncode == 0, result.stderr
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and ".doctrees" not in p.parts and p.name != ".buildinfo")
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file() and ".doctrees" not in p.parts and p.name != ".buildinfo")
    assert files_a == files_b
    differ = [str(p) for p in files_a if (a / p).read_bytes() != (b / p).read_bytes()]
    assert not differ, differ[:10]


@pytest.mark.build
def test_a_broken_internal_reference_fails_the_build_with_its_location(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    page = repo / "docs" / "chapters" / "06-legal.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n参见 {ref}`ch99-no-such-section`。\n", encoding="utf-8")
    result = sphinx_build(repo, tmp_path / "out", "-D", "aigc_pagefind=0")
    assert result.returncode != 0
    assert re.search(r"docs/chapters/06-legal\.md:\d+: WARNING: undefined label: 'ch99-no-such-section'", result.stderr), result.stderr


class Pages(SimpleHTTPRequestHandler):
    """A local site: /ok.html has an anchor #here; everything else is 404."""

    def do_GET(self) -> None:  # noqa: N802
        if self.path.split("#")[0] == "/ok.html":
            body = b'<html><body><h1 id="here">ok</h1></body></html>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.mark.build
def test_linkcheck_reports_a_404_and_a_missing_anchor(tmp_path: Path) -> None:
    server, url = serve(tmp_path, Pages)
    try:
        src = tmp_path / "src"
        src.mkdir()
        (src / "conf.py").write_text("extensions = ['myst_parser']\nlinkcheck_timeout = 5\nlinkcheck_retries = 1\n", encoding="utf-8")
        (src / "index.md").write_text(f"# Links\n\n- [good]({url}ok.html#here)\n- [gone]({url}gone.html)\n- [anchor]({url}ok.html#nowhere)\n", encoding="utf-8")
        out = tmp_path / "out"
        subprocess.run([sys.executable, "-m", "sphinx", "-b", "linkcheck", "-q", str(src), str(out)], capture_output=True, text=True, timeout=120)
        rows = [json.loads(line) for line in (out / "output.json").read_text(encoding="utf-8").splitlines()]
        status = {r["uri"]: r["status"] for r in rows}
        assert status[f"{url}ok.html#here"] == "working"
        assert status[f"{url}gone.html"] == "broken"
        assert status[f"{url}ok.html#nowhere"] == "broken"
    finally:
        server.shutdown()
        server.server_close()
    server.server_close()


def test_workflows_call_existing_nox_sessions() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    sessions = set(re.findall(r"@nox\.session[^\n]*\ndef (\w+)", noxfile))
    assert {"docs", "tests", "lint", "doctest", "serve", "linkcheck", "new_ruling"} <= sessions
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 3
    called: set[str] = set()
    for wf in workflows:
        doc = yaml.safe_load(wf.read_text(encoding="utf-8"))
        assert doc.get("jobs"), wf.name
        for job in doc["jobs"].values():
            for step in job["steps"]:
                for m in re.finditer(r"\bnox\b((?:\s+-s)?(?:\s+[a-z_]+)*)", step.get("run", "")):
                    names = [n for n in m.group(1).split() if n != "-s"]
                    called.update(names)
    assert called, "no workflow runs nox"
    assert called <= sessions, f"unknown sessions: {called - sessions}"
    rtd = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert (ROOT / rtd["sphinx"]["configuration"]).exists()


@pytest.mark.build
def test_contributor_walkthrough(tmp_path: Path) -> None:
    """Scaffold a ruling, see the check refuse it, fill it, build, find it everywhere."""
    repo = copy_repo(tmp_path / "repo")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "aigc_report", "--root", str(repo), *args], capture_output=True, text=True, timeout=120)

    assert cli("new-ruling", "demo-v-example-2026").returncode == 0
    assert cli("new-ruling", "demo-v-example-2026").returncode == 1  # a used slug is refused
    assert cli("new-ruling", "Demo V").returncode == 1  # an unsafe slug is refused
    refused = cli("check")
    assert refused.returncode == 1 and "aigc_report/data/rulings/demo-v-example-2026.yaml:" in refused.stdout
    key = "szipc-aigc-report"
    data = repo / "aigc_report" / "data" / "rulings" / "demo-v-example-2026.yaml"
    text = data.read_text(encoding="utf-8")
    fills = {
        '  original: ""': '  original: "Demo v. Example"', '  zh: ""': '  zh: "演示诉示例案"', '  en: ""': '  en: "Demo v. Example"',
        'jurisdiction: ""': "jurisdiction: cn", 'court: ""': "court: cn-bj-internet", '  - court: ""': "  - court: cn-bj-internet",
        '    number: ""': '    number: "(2026)京0491民初99999号"', '    name: ""': '    name: "演示公司"', 'work_kind: ""': 'work_kind: "美术作品"',
        'human_contribution: ""': 'human_contribution: "演示"', 'question: ""': 'question: "演示"', 'holding: ""': 'holding: "演示要旨"',
        'summary_zh: ""': 'summary_zh: "演示摘要"', '  - date: ""': '  - date: "2026-01-05"', '    court: ""': "    court: cn-bj-internet",
        '    what: ""': '    what: "演示起诉事件"', "sources: []": f"sources: [{key}]", "    sources: []": f"    sources: [{key}]",
    }
    lines = text.split("\n")
    for old, new in fills.items():
        # Every placeholder line equal to ``old`` is filled, as a contributor would.
        hits = [n for n, line in enumerate(lines) if line.split(" #")[0].rstrip() == old]
        assert hits, old
        for n in hits:
            lines[n] = new
    text = "\n".join(lines)
    data.write_text(text, encoding="utf-8")
    ok = cli("check")
    assert ok.returncode == 0, ok.stdout
    out = tmp_path / "out"
    result = sphinx_build(repo, out, "-D", "aigc_pagefind=0")
    assert result.returncode == 0, result.stderr
    assert "演示诉示例案" in article_text(out / "cases" / "demo-v-example-2026.html")
    for page in ("cases/index.html", "chronology.html", "updates.html", "comparison.html"):
        assert "演示" in article_text(out / page), page
    assert "demo-v-example-2026" in (out / "feed.xml").read_text(encoding="utf-8")
    rulings = json.loads((out / "api" / "rulings.json").read_text(encoding="utf-8"))["rulings"]
    assert any(r["slug"] == "demo-v-example-2026" for r in rulings)
