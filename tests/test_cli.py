"""The command line a contributor and CI use: check, tables, glossary, export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from aigc_report import default_dataset

from .conftest import ROOT, copy_repo


def run(*args: str, root: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "aigc_report", *(["--root", str(root)] if root else []), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_check_passes_on_the_repository() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ") and "no problems" in result.stdout


def test_check_names_path_line_and_field_of_a_broken_file(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    ruling = repo / "aigc_report" / "data" / "rulings" / "li-v-liu-ai-image.yaml"
    lines = ruling.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("court:"))
    lines[n] = "court: cn-no-such-court"
    ruling.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("check", root=repo)
    assert result.returncode == 1
    assert f"aigc_report/data/rulings/li-v-liu-ai-image.yaml:{n + 1}: court: unknown court id 'cn-no-such-court'" in result.stdout


def test_glossary_lookup_by_chinese_english_and_traditional() -> None:
    zh = run("glossary", "独创性")
    assert zh.returncode == 0 and "originality" in zh.stdout
    for other in ("Originality", "獨創性", "ＯＲＩＧＩＮＡＬＩＴＹ"):
        result = run("glossary", other, "--json")
        assert result.returncode == 0, other
        assert json.loads(result.stdout)["id"] == "originality"


def test_glossary_miss_exits_1_with_suggestions() -> None:
    result = run("glossary", "独创性标准化")
    assert result.returncode == 1
    assert "术语表中没有" in result.stderr and "独创性" in result.stderr


def test_tables_list_and_json() -> None:
    listing = run("tables")
    assert listing.returncode == 0
    assert set(default_dataset().tables) == {line.split("\t")[0] for line in listing.stdout.splitlines()}
    one = json.loads(run("tables", "ai-waves", "--json").stdout)
    assert [r["stage"] for r in one["rows"]] == ["第一次浪潮", "第二次浪潮", "第三次浪潮"]
    assert run("tables", "no-such-table").returncode == 1


def test_export_json_lists_each_ruling_with_its_facts() -> None:
    result = run("export", "--format", "json")
    assert result.returncode == 0
    rulings = json.loads(result.stdout)["rulings"]
    data = default_dataset()
    assert {r["slug"] for r in rulings} == set(data.rulings)
    for r in rulings:
        for key in ("slug", "url", "names", "jurisdiction", "court", "events", "dockets", "outcome", "status", "status_as_of", "sources"):
            assert key in r, (r["slug"], key)
        assert r["url"] == f"cases/{r['slug']}.html"
        assert all({"date", "what"} <= set(e) for e in r["events"])
        assert r["sources"], r["slug"]
        assert r["sources"][0] in data.bib_keys


def test_export_csv_has_one_row_per_ruling() -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert len(rows) == len(default_dataset().rulings)
