"""kgraph serve: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1, queried over real HTTP."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import RDF, Graph

from kgraph.rdf import KG
from tests.servers import free_port, running
from tests.synthetic import CHINA, PUTIN, XI, build, meeting, result, visit

ROOT = Path(__file__).resolve().parents[1]
LABELS = "SELECT ?name WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@contextmanager
def serving(spec: str, *options: str):
    """kgraph serve SPEC OPTIONS on a free loopback port; yields the /sparql URL."""
    port = free_port()
    argv = [sys.executable, "-m", "kgraph", "serve", spec, "--port", str(port), *options]
    with running(argv, port, 60, cwd=ROOT) as problem:
        if problem:
            pytest.fail(f"kgraph serve did not start: {problem}")
        yield f"http://127.0.0.1:{port}/sparql"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    spec = str(tmp_path_factory.mktemp("serve") / "g.ttl")
    return build(spec, [result("a", [meeting("a", PUTIN, XI), visit("a", PUTIN, CHINA)])])


@pytest.fixture(scope="module", params=["file", "oxigraph"])
def endpoint(request, tmp_path_factory, graph_file):
    spec = graph_file
    if request.param == "oxigraph":
        spec = build(f"oxigraph:{tmp_path_factory.mktemp('serve') / 'kg'}",
                     [result("a", [meeting("a", PUTIN, XI), visit("a", PUTIN, CHINA)])])
    with serving(spec, "--timeout", "1", "--limit", "2") as url:
        yield url


def _send(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _timed(request: urllib.request.Request) -> tuple[int, bytes, float]:
    started = time.monotonic()
    status, body = _send(request)
    return status, body, time.monotonic() - started


def _get(url: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    return _send(urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}",
                                        headers={"Accept": accept}))


def _post(url: str, body: str, content_type: str, accept: str = "application/sparql-results+json"):
    return _send(urllib.request.Request(url, data=body.encode(), method="POST",
                                        headers={"Content-Type": content_type, "Accept": accept}))


def _names(body: bytes | str) -> list[str]:
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


def _answer(url: str, query: str, accept: str) -> tuple[int, dict[str, str], str]:
    """(status, headers, body) of a GET query."""
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


TWO_LABELS = LABELS + " LIMIT 2"


def _xml_names(body: str) -> list[str]:
    ns = "{http://www.w3.org/2005/sparql-results#}"
    return [e.text for e in ElementTree.fromstring(body.encode()).iter(f"{ns}literal")]


@pytest.mark.parametrize("accept, media, names", [
    ("text/tab-separated-values", "text/tab-separated-values", lambda body: body.splitlines()),
    ("text/csv", "text/csv", lambda body: body.splitlines()),
    ("application/sparql-results+xml", "application/sparql-results+xml", _xml_names),
    ("application/sparql-results+json", "application/sparql-results+json", _names),
    ("text/csv;q=0.2, text/tab-separated-values", "text/tab-separated-values", lambda body: body.splitlines()),
    ("text/html", "application/sparql-results+json", _names),  # nothing that fits: SPARQL JSON
])
def test_results_come_in_the_format_asked_for(endpoint, accept, media, names):
    status, headers, body = _answer(endpoint, TWO_LABELS, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    expected = {"text/tab-separated-values": ["?name", '"Владимир Путин"@ru', '"Китай"@ru'],
                "text/csv": ["name", "Владимир Путин", "Китай"]}.get(media, ["Владимир Путин", "Китай"])
    assert names(body) == expected


def test_tsv_writes_terms_in_turtle_syntax(endpoint):
    query = 'SELECT ?p ?name WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name FILTER(?name = "Китай"@ru) }'
    status, _, body = _answer(endpoint, query, "text/tab-separated-values")
    assert status == 200 and body.splitlines() == ["?p\t?name", '<https://w3id.org/kgraph/resource/entity/Q148>\t"Китай"@ru']


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                    ("application/ld+json", "json-ld")])
def test_a_construct_comes_as_a_graph_in_the_format_asked_for(endpoint, accept, rdflib_format):
    status, headers, body = _answer(endpoint, "CONSTRUCT WHERE { ?s a ?o }", accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept
    graph = Graph().parse(data=body, format=rdflib_format)
    assert set(graph.objects(None, RDF.type)) >= {KG.Meeting, KG.Visit, KG.Person}


def test_an_ask_answers_yes_or_no(endpoint):
    status, _, body = _answer(endpoint, "ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_syntax_error_and_a_timeout_answer_differently(endpoint):
    bad, _, message = _answer(endpoint, "SELECT ?x WHERE { ?x", "text/csv")
    slow, _, stopped = _answer(endpoint, SLOW, "text/csv")
    assert (bad, slow) == (400, 503)
    assert message.startswith("bad SPARQL query") and stopped.startswith("query stopped")


def test_a_select_cut_at_the_limit_says_so_and_one_under_it_does_not(endpoint):
    status, headers, _ = _answer(endpoint, LABELS, "text/csv")  # 3 labels, --limit 2
    assert status == 200 and headers.get("X-Kgraph-Truncated") == "true" and headers.get("X-Kgraph-Limit") == "2"
    status, headers, _ = _answer(endpoint, TWO_LABELS, "text/csv")
    assert status == 200 and "X-Kgraph-Truncated" not in headers


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
    assert status == 503 and b"longer than 1 s" in body
    assert time.monotonic() - started < 10
    assert _get(endpoint, LABELS)[0] == 200  # and the endpoint still answers


def test_service_calls_out_are_refused(endpoint):
    status, body = _get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE is not allowed" in body


def test_a_malformed_query_is_a_client_error(endpoint):
    status, body = _get(endpoint, "SELECT ?x WHERE { ?x")
    assert status == 400 and b"bad SPARQL query" in body and b"line 1, column 19" in body


def _values_query(n: int) -> str:
    """A SELECT with an n-value VALUES block: rdflib's parser takes minutes over 100,000 values."""
    return "SELECT ?x WHERE { VALUES ?x { " + " ".join(f'"value {i}"' for i in range(n)) + " } }"


def test_a_query_over_the_size_limit_is_refused_with_the_limit(endpoint):
    big = _values_query(110_000)
    assert len(big.encode()) > 1_000_000
    status, body, seconds = _timed(urllib.request.Request(
        endpoint, data=big.encode(), method="POST", headers={"Content-Type": "application/sparql-query"}))
    assert status == 413 and b"at most 100000 bytes" in body and seconds < 5
    assert _get(endpoint, LABELS)[0] == 200


def test_a_query_slow_to_parse_stops_at_the_timeout_while_others_are_answered(graph_file):
    """A 1 MB query let through the size limit is killed at the deadline, parsing included,
    and simple queries sent meanwhile are answered at once by the other worker."""
    with serving(graph_file, "--timeout", "3", "--max-bytes", "2000000") as url:
        big = urllib.request.Request(url, data=_values_query(110_000).encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query"})
        slow: list = []
        sender = threading.Thread(target=lambda: slow.append(_timed(big)))
        sender.start()
        time.sleep(0.5)
        meanwhile = []
        while sender.is_alive() and len(meanwhile) < 20:
            meanwhile.append(_timed(urllib.request.Request(
                f"{url}?{urllib.parse.urlencode({'query': 'ASK { ?s ?p ?o }'})}")))
            time.sleep(0.1)
        sender.join(30)
        status, body, seconds = slow[0]
        assert status == 503 and b"longer than 3 s" in body and seconds < 3 + 1 + 2  # + the 1 s grace
        assert len(meanwhile) >= 5 and all(s == 200 and t < 1.5 for s, _, t in meanwhile)
        time.sleep(1)
        assert [_get(url, LABELS)[0] for _ in range(4)] == [200] * 4  # the killed worker was replaced


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


def test_a_graph_that_does_not_open_stops_serve_with_its_message(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kgraph", "serve", str(tmp_path / "missing.ttl"),
                           "--port", str(free_port())], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2 and "missing.ttl" in done.stderr and "Traceback" not in done.stderr
