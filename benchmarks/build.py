"""Measure the build: clean build against a plain MyST floor, an incremental build after one
ruling edit, clean builds with 10x and 100x synthetic rulings, the transfer size of a ruling
page, and (optionally) the test suite's time. Prints the figures; nothing is asserted.

Usage: python benchmarks/build.py [--scales 1,10,100] [--with-tests]
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns("build", ".git", ".nox", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", "*.egg-info")
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764115200", "PYTHONHASHSEED": "0"}
SAMPLE = "li-v-liu-ai-image"


def build(src: Path, out: Path, *extra: str, conf: Path | None = None) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(conf or src), *extra, str(src / "docs"), str(out)]
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=src, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def reread(stdout: str) -> int:
    m = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", stdout)
    return sum(int(x) for x in m.groups()) if m else -1


#: Each timing is the fastest of this many runs: on this VM one clean build took 5.3-6.2 s
#: within a quarter of an hour, and interference only ever adds time.
RUNS = 5


def clean_build(src: Path, out: Path, conf: Path | None = None) -> float:
    """Fastest of RUNS builds into an empty output folder (no doctrees, no caches)."""
    times = []
    for _ in range(RUNS):
        shutil.rmtree(out, ignore_errors=True)
        times.append(build(src, out, "-E", "-q", conf=conf)[0])
    return min(times)


def floor(src: Path, tmp: Path, extra_conf: str = "", name: str = "floor") -> float:
    """Plain sphinx-build with only myst_parser on the same sources (unknown directives warn)."""
    conf = tmp / f"{name}-conf"
    conf.mkdir()
    (conf / "conf.py").write_text("extensions = ['myst_parser']\nlanguage = 'zh_CN'\nsuppress_warnings = ['myst', 'ref', 'docutils']\n" + extra_conf, encoding="utf-8")
    return clean_build(src, tmp / f"{name}-out", conf=conf)


def floor_edit(src: Path, tmp: Path, name: str = "floor") -> float:
    """The floor's own incremental build after one page changes (fastest of RUNS)."""
    page = src / "docs" / "cases" / f"{SAMPLE}.md"
    times = []
    for i in range(RUNS):
        page.write_text(page.read_text(encoding="utf-8") + f"\n<!-- floor edit {i} -->\n", encoding="utf-8")
        times.append(build(src, tmp / f"{name}-out", "-q", conf=tmp / f"{name}-conf")[0])
    return min(times)


def written(stdout: str) -> int:
    return len(re.findall(r"^writing output\.\.\. \[", stdout, flags=re.M))


def edit(ruling: Path, mark: str) -> None:
    text = ruling.read_text(encoding="utf-8")
    ruling.write_text(text.replace('summary_zh: "', f'summary_zh: "（{mark}）', 1), encoding="utf-8")


def add_synthetic(repo: Path, copies: int) -> int:
    """Add ``copies`` rulings cloned from SAMPLE with new slugs, dockets and pages."""
    data = (repo / "aigc_report/data/rulings" / f"{SAMPLE}.yaml").read_text(encoding="utf-8")
    page = (repo / "docs/cases" / f"{SAMPLE}.md").read_text(encoding="utf-8")
    for i in range(copies):
        slug = f"synthetic-{i:05d}"
        text = data.replace(SAMPLE, slug)
        text = re.sub(r"(\d{5})号", rf"\g<1>{i:05d}号", text)  # unique dockets
        (repo / "aigc_report/data/rulings" / f"{slug}.yaml").write_text(text, encoding="utf-8")
        (repo / "docs/cases" / f"{slug}.md").write_text(page.replace(SAMPLE, slug), encoding="utf-8")
    return copies


def transfer_size(site: Path, rel: str) -> tuple[int, int]:
    """Bytes of a page and every local CSS/JS/font it loads (raw, gzip)."""
    page = site / rel
    html = page.read_text(encoding="utf-8")
    files = [page]
    for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|woff2))', html):
        f = (page.parent / ref).resolve()
        if f.exists():
            files.append(f)
    raw = sum(f.stat().st_size for f in set(files))
    gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in set(files))
    return raw, gz


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--with-tests", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; date {time.strftime('%Y-%m-%d')}")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        repo = tmp / "repo"
        shutil.copytree(ROOT, repo, ignore=IGNORE)
        base = len(list((repo / "aigc_report/data/rulings").glob("*.yaml")))
        f = floor(repo, tmp)
        # Plain Sphinx with language zh re-loads jieba's whole dictionary (~3 s); conf.py
        # turns that off, so the floor is also given without it.
        f_lean = floor(repo, tmp, "html_search_options = {'dict': ''}\n", "floor-lean")
        clean = clean_build(repo, tmp / "out")
        print(f"clean build {clean:.2f} s; floor (myst_parser only) {f:.2f} s; ratio {clean / f:.2f}")
        print(f"  floor without the zh dictionary re-load {f_lean:.2f} s; ratio {clean / f_lean:.2f}")
        ruling = repo / "aigc_report/data/rulings" / f"{SAMPLE}.yaml"
        runs = []
        for i in range(RUNS):
            edit(ruling, f"基准测试修改 {i}")
            runs.append(build(repo, tmp / "out"))
        inc, stdout = min(runs)
        print(f"incremental build after editing one ruling: {inc:.2f} s, {reread(stdout)} documents re-read, {written(stdout)} written")
        nopf = []
        for i in range(RUNS):
            edit(ruling, f"不建索引 {i}")
            nopf.append(build(repo, tmp / "out", "-D", "aigc_pagefind=0")[0])
        inc_nopf = min(nopf)
        noop = min(build(repo, tmp / "out", "-D", "aigc_pagefind=0")[0] for _ in range(RUNS))
        print(f"  the same without the Pagefind index {inc_nopf:.2f} s; a build with nothing to do {noop:.2f} s")
        print(f"  the floor after editing one page: {floor_edit(repo, tmp):.2f} s; without the zh dictionary re-load {floor_edit(repo, tmp, 'floor-lean'):.2f} s")
        raw, gz = transfer_size(tmp / "out", f"cases/{SAMPLE}.html")
        print(f"ruling page transfer size: {raw / 1024:.0f} KB raw, {gz / 1024:.0f} KB gzip (HTML + CSS + JS)")
        per = {}
        for scale in [int(s) for s in args.scales.split(",")]:
            work = tmp / f"scale-{scale}"
            shutil.copytree(repo, work)
            n = base * scale
            add_synthetic(work, n - base)
            elapsed, _ = build(work, tmp / f"out-{scale}", "-E", "-q")
            per[scale] = elapsed / n
            print(f"{scale:>4}x: {n} rulings, clean build {elapsed:.1f} s, {per[scale] * 1000:.0f} ms per ruling")
            shutil.rmtree(work)
        scales = sorted(per)
        if len(scales) > 1:
            print(f"per-ruling cost {scales[-1]}x / {scales[0]}x: {per[scales[-1]] / per[scales[0]]:.2f}")
            # The fixed cost of a build (startup, chapters, glossary) hides growth in the
            # figure above; the cost of each added ruling between scales shows it.
            marginal = [
                (a, b, (per[b] * base * b - per[a] * base * a) / (base * (b - a)))
                for a, b in zip(scales, scales[1:], strict=False)
            ]
            for a, b, cost in marginal:
                print(f"  cost per added ruling {a}x -> {b}x: {cost * 1000:.0f} ms")
            if len(marginal) > 1:
                print(f"  added-ruling cost {marginal[-1][0]}x->{marginal[-1][1]}x / {marginal[0][0]}x->{marginal[0][1]}x: {marginal[-1][2] / marginal[0][2]:.2f}")
    if args.with_tests:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=ENV, capture_output=True)
        print(f"test suite: {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
