"""Shared fixtures: a built copy of the site, a local HTTP server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns("build", ".git", ".nox", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", "*.egg-info")
STABLE_ENV = {"SOURCE_DATE_EPOCH": "1764115200", "PYTHONHASHSEED": "0"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]


def copy_repo(dest: Path) -> Path:
    """A throwaway copy of the checkout, for tests that edit data."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


def sphinx_build(src_root: Path, out: Path, *extra: str, builder: str = "html", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the README's build the way nox does (-W -n --keep-going), in ``src_root``."""
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-c", ".", "-W", "-n", "--keep-going", "-q", *extra, "docs", str(out)]
    return subprocess.run(cmd, cwd=src_root, capture_output=True, text=True, env={**os.environ, **STABLE_ENV, **(env or {})}, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built once, clean, with warnings as errors."""
    out = tmp_path_factory.mktemp("site") / "html"
    result = sphinx_build(ROOT, out)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert result.stderr.strip() == "", f"build printed warnings:\n{result.stderr}"
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(directory: Path, handler: type[http.server.BaseHTTPRequestHandler] | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    h = handler or functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
