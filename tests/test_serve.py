"""kgraph serve: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1, queried over real HTTP."""
from __future__ import annotations

import json
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.servers import free_port, running
from tests.synthetic import CHINA, PUTIN, XI, meeting, result, visit, build

pytest.importorskip("rdflib_endpoint", reason="kgraph serve needs rdflib-endpoint (the serve extra)")
ROOT = Path(__file__).resolve().parents[1]
LABELS = "SELECT ?name WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module", params=["file", "oxigraph"])
def endpoint(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    spec = str(folder / "g.ttl") if request.param == "file" else f"oxigraph:{folder / 'kg'}"
    build(spec, [result("a", [meeting("a", PUTIN, XI), visit("a", PUTIN, CHINA)])])
    port = free_port()
    argv = [sys.executable, "-m", "kgraph", "serve", spec, "--port", str(port), "--timeout", "1", "--limit", "2"]
    with running(argv, port, 60, cwd=ROOT) as problem:
        if problem:
            pytest.fail(f"kgraph serve did not start: {problem}")
        yield f"http://127.0.0.1:{port}/sparql"


def _send(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(url: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    return _send(urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}",
                                        headers={"Accept": accept}))


def _post(url: str, body: str, content_type: str, accept: str = "application/sparql-results+json"):
    return _send(urllib.request.Request(url, data=body.encode(), method="POST",
                                        headers={"Content-Type": content_type, "Accept": accept}))


def _names(body: bytes) -> list[str]:
    return [row["name"]["value"] for row in json.loads(body)["results"]["bindings"]]


def test_get_answers_a_query(endpoint):
    status, body = _get(endpoint, LABELS)
    assert status == 200 and _names(body) == ["Владимир Путин", "Китай"]  # --limit 2 of 3


@pytest.mark.parametrize("body, content_type", [
    (LABELS, "application/sparql-query"),
    (urllib.parse.urlencode({"query": LABELS}), "application/x-www-form-urlencoded"),
])
def test_post_answers_a_query(endpoint, body, content_type):
    status, answer = _post(endpoint, body, content_type)
    assert status == 200 and _names(answer) == ["Владимир Путин", "Китай"]


def test_results_come_in_the_format_asked_for(endpoint):
    status, body = _get(endpoint, LABELS, accept="text/csv")
    assert status == 200 and body.decode().splitlines()[0] == "name"


@pytest.mark.parametrize("body, content_type", [
    ("DROP ALL", "application/sparql-update"),
    (urllib.parse.urlencode({"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}), "application/x-www-form-urlencoded"),
])
def test_updates_are_refused_and_change_nothing(endpoint, body, content_type):
    status, _ = _post(endpoint, body, content_type)
    assert status == 403
    assert _names(_get(endpoint, LABELS)[1]) == ["Владимир Путин", "Китай"]


def test_a_runaway_query_is_stopped_at_the_timeout(endpoint):
    started = time.monotonic()
    status, body = _get(endpoint, SLOW)
    assert status >= 400 and b"longer than 1 s" in body
    assert time.monotonic() - started < 10
    assert _get(endpoint, LABELS)[0] == 200  # and the endpoint still answers


def test_service_calls_out_are_refused(endpoint):
    status, body = _get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status >= 400 and b"SERVICE is not allowed" in body


def test_a_malformed_query_is_a_client_error(endpoint):
    assert _get(endpoint, "SELECT ?x WHERE { ?x")[0] == 400


def _listening(port: int) -> set[str]:
    """The IPv4 addresses a socket listens on at ``port``, from /proc/net/tcp (state 0A: LISTEN)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_it_listens_on_loopback_only(endpoint):
    assert _listening(urllib.parse.urlsplit(endpoint).port) == {"127.0.0.1"}
