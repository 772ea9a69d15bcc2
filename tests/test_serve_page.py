"""kgraph serve's query page, as a person uses it: in a real headless Chromium, with no internet.

Needs Debian's chromium (``apt-get install chromium``; .ci/run installs it); skipped without.
Set KGRAPH_SCREENSHOTS=DIR to keep the screenshots.
"""
from __future__ import annotations

import os
import re
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, Chromium
from tests.servers import free_port, running
from tests.synthetic import CHINA, PUTIN, XI, build, meeting, result, visit

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "kgraph" / "endpoint" / "page"
LABELS = "SELECT ?name WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    spec = build(str(tmp_path_factory.mktemp("page") / "g.ttl"),
                 [result("a", [meeting("a", PUTIN, XI), visit("a", PUTIN, CHINA)])])
    port = free_port()
    argv = [sys.executable, "-m", "kgraph", "serve", spec, "--port", str(port), "--limit", "2"]
    with running(argv, port, 60, cwd=ROOT) as problem:
        if problem:
            pytest.fail(f"kgraph serve did not start: {problem}")
        yield f"http://127.0.0.1:{port}/"


def test_the_page_is_served_at_the_root_and_to_a_browser_at_sparql(site):
    with urllib.request.urlopen(site, timeout=10) as response:
        assert response.status == 200 and b"<textarea" in response.read()
    browser = urllib.request.Request(f"{site}sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    with urllib.request.urlopen(browser, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/html")


def test_the_page_loads_nothing_from_elsewhere():
    html = (PAGE / "index.html").read_text()
    links = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert links and all(not re.match(r"^(https?:)?//", link) for link in links)
    assert "import(" not in (PAGE / "page.js").read_text() and "@import" not in (PAGE / "page.css").read_text()


def _shot(page, tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("KGRAPH_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    shot = page.screenshot(folder / name)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    return shot


@pytest.fixture
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the page is not tried in a browser")
    with Chromium() as chromium:
        yield chromium


def _cells(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#results tbody td')].map(td => td.textContent)")


def test_the_editor_shows_with_the_named_queries_and_a_typed_query_shows_rows(site, browser, tmp_path):
    page = browser.open(site)
    names = page.wait_for("[...document.querySelectorAll('#queries b')].map(b => b.textContent)")
    assert {"meetings-of-person", "visits-to-country"} <= set(names)
    assert page.evaluate("!!document.querySelector('textarea#editor') && !!document.querySelector('button#run')")
    _shot(page, tmp_path, "page.png")

    page.click("#editor")
    page.key("a", "KeyA", modifiers=2, windows_code=65)  # Ctrl+A: the typed query replaces the example
    page.type(LABELS)
    page.click("#run")
    page.wait_for("document.querySelectorAll('#results tbody tr').length")
    assert _cells(page) == ["Владимир Путин", "Китай"]
    assert "Cut at 2 rows" in page.evaluate("document.getElementById('note').textContent")  # --limit 2 of 3
    _shot(page, tmp_path, "rows.png")
    assert all(url.startswith((site, "data:")) for url in page.requested())


def test_a_named_query_with_a_parameter_shows_rows(site, browser, tmp_path):
    page = browser.open(site)
    page.wait_for("document.querySelectorAll('#queries button').length")
    page.evaluate("[...document.querySelectorAll('#queries button')]"
                  ".find(b => b.textContent.startsWith('meetings-of-person')).id = 'chosen-query'")
    page.click("#chosen-query")
    page.click("#params input[name=person]")
    page.type("Владимир Путин")
    page.key("Enter", "Enter", windows_code=13)
    page.click("#run")  # the input's change event has bound the parameter into the editor first
    page.wait_for("document.getElementById('editor').value.includes('Владимир Путин')")
    page.wait_for("document.querySelectorAll('#results tbody tr').length")
    assert "Си Цзиньпин" in _cells(page)
    _shot(page, tmp_path, "named.png")


def test_an_error_shows_the_parsers_message(site, browser):
    page = browser.open(site)
    page.click("#editor")
    page.key("a", "KeyA", modifiers=2, windows_code=65)
    page.type("SELECT ?x WHERE { ?x")
    page.key("Enter", "Enter", modifiers=2, windows_code=13)  # Ctrl+Enter runs
    message = page.wait_for("document.querySelector('#results pre.error')?.textContent")
    assert "bad SPARQL query" in message and "400" in page.evaluate("document.getElementById('status').textContent")
