"""Stores behind one Graph API: files, Oxigraph on disk, a SPARQL server; builds into each.

A build puts each article in its own named graph and replaces it when the article
comes again, so re-running a build changes nothing, a changed article loses its old
triples, and a killed build leaves whole articles only.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from kgraph.rdf import KG, KGR
from kgraph.reconcile import reconcile_quads
from kgraph.store import (
    FileTarget,
    OxigraphTarget,
    SparqlTarget,
    backend_of,
    open_graph,
    open_target,
    write_graph,
)
from kgraph.store.sparql import endpoints
from kgraph.store.target import article_graph
from kgraph.store.terms import from_ox_quad
from tests.servers import free_port, running
from tests.synthetic import CHINA, PUTIN, XI, build, meeting, result, results, visit

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("spec, backend, location", [
    ("graph.ttl", "file", "graph.ttl"),
    ("out/graph.nq", "file", "out/graph.nq"),
    ("oxigraph:kg.oxigraph", "oxigraph", "kg.oxigraph"),
    ("oxigraph:/data/kg", "oxigraph", "/data/kg"),
    ("http://127.0.0.1:7878/query", "sparql", "http://127.0.0.1:7878/query"),
    ("https://example.org/sparql", "sparql", "https://example.org/sparql"),
])
def test_spec_names_its_backend(spec, backend, location):
    found, where = backend_of(spec)
    assert (found.name, where) == (backend, location)


@pytest.mark.parametrize("url, query, update, params", [
    ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", {}),
    ("http://h:3030/ds/query", "http://h:3030/ds/query", "http://h:3030/ds/update", {}),
    ("http://h/sparql", "http://h/sparql", "http://h/sparql", {}),
    ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg", "http://h:7200/repositories/kg", {}),
    ("http://h/query?union-default-graph", "http://h/query", "http://h/update", {"union-default-graph": ""}),
])
def test_sparql_endpoints_from_one_url(url, query, update, params):
    assert endpoints(url) == (query, update, params)


@pytest.mark.parametrize("spec, error, message", [
    ("out.xyz", ValueError, "unknown graph format"),
    ("oxigraph:", ValueError, "no location"),
    ("no/such/dir/graph.ttl", FileNotFoundError, "no such directory"),
])
def test_open_target_refuses_a_bad_spec_before_any_work(tmp_path, monkeypatch, spec, error, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error, match=message):
        open_target(spec)


@pytest.mark.parametrize("spec, message", [
    ("missing.ttl", "no such graph file"),
    ("oxigraph:missing", "no such Oxigraph store"),
    ("graph.csv", "unknown graph format"),
])
def test_open_graph_says_what_is_missing(tmp_path, monkeypatch, spec, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "graph.csv").write_text("a,b\n")
    with pytest.raises((OSError, ValueError), match=message):
        open_graph(spec)


def test_open_graph_reports_a_broken_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid turtle"):
        open_graph(bad)


# -- builds into files --------------------------------------------------------------

TWO = [result("a", [meeting("a", PUTIN, XI)]), result("b", [meeting("b", PUTIN, XI), visit("b", PUTIN, CHINA)])]


def _build(spec, items=TWO):
    build(spec, items)


def _union(items) -> set:
    return {q.triple for item in items for q in article_graph(item)[1]}


@pytest.mark.parametrize("name, graphs", [
    ("g.ttl", 0), ("g.nt", 0), ("g.jsonld", 0), ("g.nq", 3), ("g.trig", 3),
])
def test_file_build_round_trips_and_quad_formats_keep_one_graph_per_article(tmp_path, name, graphs):
    _build(tmp_path / name)
    graph = open_graph(tmp_path / name)
    from kgraph.store.terms import to_ox_triple

    assert {to_ox_triple(t) for t in graph.triples((None, None, None))} == _union(TWO)
    named = {str(g.identifier) for g in graph.graphs()} - {"urn:x-rdflib:default"} if isinstance(graph, Dataset) else set()
    assert len(named) == graphs
    if graphs:
        assert named == {str(KGR["article/a"]), str(KGR["article/b"]), str(KGR["graph/shared"])}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp store or file left


def test_the_same_meeting_from_two_articles_is_one_node_in_the_union(tmp_path):
    _build(tmp_path / "g.ttl")
    graph = open_graph(tmp_path / "g.ttl")
    assert len(set(graph.subjects(RDF.type, KG.Meeting))) == 1


def test_an_article_that_comes_again_replaces_its_triples(tmp_path):
    changed = result("a", [visit("a", PUTIN, CHINA)])
    _build(tmp_path / "g.nq", [*TWO, changed])
    assert _union([changed, TWO[1]]) == {q.triple for q in ox.parse(path=str(tmp_path / "g.nq"))}


@pytest.mark.parametrize("kind", ["file", "oxigraph"])
def test_an_event_no_article_reports_any_more_leaves_the_graph(tmp_path, kind):
    spec = str(tmp_path / "g.nq") if kind == "file" else f"oxigraph:{tmp_path / 'kg'}"
    before = result("a", [meeting("a", PUTIN, XI, date="2020-01-01"), meeting("a", PUTIN, XI)])
    after = result("a", [])
    _build(spec, [before, TWO[1], after])  # "a" comes again without its meetings
    quads = list(ox.parse(path=spec)) if kind == "file" else list(
        ox.Store.read_only(str(tmp_path / "kg")).quads_for_pattern(None, None, None, None))
    assert {q.triple for q in quads} == _union([TWO[1], after])  # 2020-01-01 gone; 2026-02-04 stays: b reports it


def test_a_failed_build_leaves_the_old_file(tmp_path):
    out = tmp_path / "g.ttl"
    _build(out)
    before = out.read_bytes()
    with pytest.raises(RuntimeError), open_target(out) as target:
        target.add(result("c", [meeting("c", PUTIN, XI, date="2020-01-01")]))
        raise RuntimeError("the build broke")
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_file_target_keeps_nothing_in_python_memory_between_articles(tmp_path):
    target = FileTarget(tmp_path / "g.nt")
    assert isinstance(target.store, OxigraphTarget)  # articles go to a temporary store on disk
    target.abort()


def test_output_is_sorted_by_subject_with_rdf_type_first(tmp_path):
    _build(tmp_path / "g.nt")
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    subjects = [line.split(" ", 1)[0] for line in lines]
    assert subjects == sorted(subjects)
    firsts = [line for i, line in enumerate(lines) if i == 0 or subjects[i - 1] != subjects[i]]
    assert all(" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " in line for line in firsts)
    _build(tmp_path / "g.ttl")
    assert "\tkg:participant entity:Q15031 , entity:Q7747 ;" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


# -- Oxigraph on disk ------------------------------------------------------------------


def _nquads(directory) -> bytes:
    graph = open_graph(f"oxigraph:{directory}")
    path = Path(directory).parent / "dump.nq"
    write_graph(graph, path)
    return path.read_bytes()


def test_oxigraph_build_adds_and_a_rerun_adds_nothing(tmp_path):
    store = tmp_path / "kg"
    _build(f"oxigraph:{store}", TWO[:1])
    first = _nquads(store)
    _build(f"oxigraph:{store}", TWO)
    second = _nquads(store)
    assert len(second) > len(first)
    _build(f"oxigraph:{store}", TWO)
    assert _nquads(store) == second
    _build(tmp_path / "g.nq", TWO)
    assert (tmp_path / "g.nq").read_bytes() == second  # a store and a file build hold the same quads


def test_oxigraph_graph_answers_sparql_natively(tmp_path):
    _build(f"oxigraph:{tmp_path / 'kg'}")
    graph = open_graph(f"oxigraph:{tmp_path / 'kg'}")
    (row,) = graph.query("PREFIX kg: <https://w3id.org/kgraph/ontology#> SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kg:Meeting }")
    assert int(row[0]) == 1  # without DISTINCT 2: the union repeats a triple per article graph


BUILD_SCRIPT = """
import sys, time
sys.path.insert(0, sys.argv[4])
from tests.synthetic import results
from kgraph.store import open_target
with open_target(sys.argv[1]) as target:
    for i, item in enumerate(results(int(sys.argv[2]))):
        target.add(item)
        print(i, flush=True)
        time.sleep(float(sys.argv[3]))
"""


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_an_interrupted_oxigraph_build_keeps_whole_articles_and_a_rerun_completes_it(tmp_path, how):
    spec, count = f"oxigraph:{tmp_path / 'kg'}", 30
    validate = pytest.importorskip("pyshacl").validate
    process = subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, spec, str(count), "0.3", str(ROOT)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.stdout.readline().strip() != "5":
            pass
        process.send_signal(how)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    expected: dict[str, set] = {}
    for item in results(count):
        for quad in article_graph(item)[1]:
            expected.setdefault(str(quad.graph_name), set()).add(quad)
    store = ox.Store.read_only(str(tmp_path / "kg"))
    found: dict[str, set] = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        found.setdefault(str(quad.graph_name), set()).add(quad)
    del store
    shared, reconciled = f"<{KGR['graph/shared']}>", f"<{KGR['graph/reconcile']}>"
    articles = set(found) - {shared, reconciled}
    assert 6 <= len(articles) < count
    for graph in articles:
        assert found[graph] == expected[graph], f"{graph} is not whole"
    # the shared graph holds exactly what the articles in the store put there
    assert found[shared] == {q for g in articles for q in
                             next(article_graph(i)[1] for i in results(count) if str(article_graph(i)[0]) == g)
                             if str(q.graph_name) == shared}
    # and the store conforms to the shapes: provisional labels and classes (killed), or the reconcile pass (ctrl-c)
    union = Graph()
    union.addN((*from_ox_quad(q)[:3], union) for g in found.values() for q in g)
    conforms, _, text = validate(union, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"), inference="none")
    assert conforms, text
    if how == signal.SIGINT:
        quads = [from_ox_quad(q) for g in (*articles, shared) for q in found[g]]
        assert {from_ox_quad(q)[:3] for q in found[reconciled]} == set(reconcile_quads(quads))
    _build(spec, results(count))
    _build(tmp_path / "clean.nq", results(count))
    assert _nquads(tmp_path / "kg") == (tmp_path / "clean.nq").read_bytes()


# -- a SPARQL 1.1 server: Oxigraph's, started on loopback -----------------------------


@pytest.fixture
def sparql_server(tmp_path):
    """``oxigraph serve`` on 127.0.0.1 and a free port, its default graph the union of the named graphs."""
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    argv = [binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}",
            "--union-default-graph"]
    with running(argv, port, 15) as problem:
        if problem:
            pytest.skip(f"oxigraph serve did not start: {problem}")
        yield f"http://127.0.0.1:{port}/query"


def test_sparql_server_build_adds_and_a_rerun_adds_nothing(sparql_server, tmp_path):
    assert isinstance(open_target(sparql_server), SparqlTarget)
    _build(sparql_server, TWO[:1])
    _build(sparql_server, TWO)
    graph = open_graph(sparql_server)
    size = len(graph)
    _build(sparql_server, TWO)
    assert len(graph) == size == len({q for item in TWO for q in article_graph(item)[1]})  # counted per graph
    write_graph(graph, tmp_path / "server.ttl")
    _build(tmp_path / "file.ttl")
    assert (tmp_path / "server.ttl").read_bytes() == (tmp_path / "file.ttl").read_bytes()


def test_sparql_server_replaces_a_changed_article(sparql_server, tmp_path):
    _build(sparql_server, TWO)
    changed = result("a", [visit("a", PUTIN, CHINA)])
    _build(sparql_server, [changed])
    write_graph(open_graph(sparql_server), tmp_path / "server.nq")
    assert {q.triple for q in ox.parse(path=str(tmp_path / "server.nq"))} == _union([changed, TWO[1]])


def test_sparql_server_reconciles_as_a_file_build_does(sparql_server, tmp_path):
    month, day = result("m", [meeting("m", PUTIN, XI, date="2026-02")]), result("d", [meeting("d", PUTIN, XI)])
    _build(sparql_server, [month])
    _build(sparql_server, [day])  # the report came first, in another build
    write_graph(open_graph(sparql_server), tmp_path / "server.ttl")
    _build(tmp_path / "file.ttl", [day, month])
    assert (tmp_path / "server.ttl").read_bytes() == (tmp_path / "file.ttl").read_bytes()
    assert "kg:mergedReport" in (tmp_path / "file.ttl").read_text(encoding="utf-8")


def test_commands_read_a_sparql_server(sparql_server, capsys):
    from kgraph.cli import main

    _build(sparql_server, TWO)
    assert main(["query", sparql_server, "meetings-of-person", "--param", "person=Владимир Путин", "--format", "csv"]) == 0
    assert "Си Цзиньпин" in capsys.readouterr().out
    assert main(["stats", sparql_server, "--json"]) == 0
    assert '"articles": 2' in capsys.readouterr().out


def test_an_unreachable_server_is_a_clear_error():
    target = open_target(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(OSError, match="update failed"):
        target.add(TWO[0])
