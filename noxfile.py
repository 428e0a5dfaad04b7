"""Build, test and check the site: `nox` runs the default sessions; `nox -s NAME` one of them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

ROOT = Path(__file__).parent
BUILD = ROOT / "build"
DOCS_DEPS = [".[docs]"]
TEST_DEPS = [".[docs,test]"]
# Deterministic output: the same commit gives byte-identical HTML.
STABLE_ENV = {"SOURCE_DATE_EPOCH": "1764115200", "PYTHONHASHSEED": "0"}

nox.options.sessions = ["lint", "docs", "doctest", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"


def sphinx(session: nox.Session, builder: str, out: Path, *extra: str) -> None:
    if out.exists():
        shutil.rmtree(out)
    session.run("sphinx-build", "-b", builder, "-c", ".", "-W", "-n", "--keep-going", "-q", *extra, "docs", str(out), env=STABLE_ENV)


@nox.session
def docs(session: nox.Session) -> None:
    """Clean HTML build into build/html with warnings as errors, then the search index."""
    session.install(*DOCS_DEPS)
    sphinx(session, "html", BUILD / "html")


@nox.session
def doctest(session: nox.Session) -> None:
    """Run the {doctest} blocks of the pages (e.g. 使用数据)."""
    session.install(*DOCS_DEPS)
    sphinx(session, "doctest", BUILD / "doctest")


@nox.session
def tests(session: nox.Session) -> None:
    """pytest: unit tests, doctests of the package, build tests and browser tests."""
    session.install(*TEST_DEPS)
    session.run("pytest", *session.posargs, env=STABLE_ENV)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff, and the data check (every problem as path:line: field: message)."""
    session.install("ruff", ".")
    session.run("ruff", "check", ".")
    session.run("python", "-m", "aigc_report", "check")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview that also rebuilds when data, references.bib or conf.py change."""
    session.install(*DOCS_DEPS, "sphinx-autobuild")
    session.run(
        "sphinx-autobuild", "-c", ".", "docs", str(BUILD / "serve"),
        "--watch", "aigc_report", "--watch", "references.bib", "--watch", "conf.py", *session.posargs,
    )


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check external links (bounded timeout and retries). Set AIGC_LINKCHECK_OFFLINE=1 offline."""
    session.install(*DOCS_DEPS)
    out = BUILD / "linkcheck"
    if out.exists():
        shutil.rmtree(out)
    session.run("sphinx-build", "-b", "linkcheck", "-c", ".", "-q", "docs", str(out), env={**STABLE_ENV, **({"AIGC_LINKCHECK_OFFLINE": os.environ["AIGC_LINKCHECK_OFFLINE"]} if os.environ.get("AIGC_LINKCHECK_OFFLINE") else {})})


@nox.session
def new_ruling(session: nox.Session) -> None:
    """Scaffold a ruling: nox -s new_ruling -- <slug>."""
    session.install(".")
    session.run("python", "-m", "aigc_report", "new-ruling", *session.posargs)
