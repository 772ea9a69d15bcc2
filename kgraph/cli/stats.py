"""What a graph holds: entities and events by kind, the date range, the most
active people.
"""
from __future__ import annotations

import json
import sys

from ..store import QueryError, open_graph, run_query
from . import GRAPH_HELP
from .common import fail

help = "count entities and events by kind, the date range, the most active people"
epilog = """\
examples:
  kgraph stats graph.ttl
  kgraph stats oxigraph:kg --top 20 --json"""

PREFIXES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

#: section -> (query, how to turn its rows into the section's value)
QUERIES: dict[str, str] = {
    "entities": """SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?x a ?type . VALUES (?type ?kind) {
    (kg:Person "Person") (kg:Organization "Organization") (kg:Country "Country") (kg:City "City") (kg:Place "Place") }
} GROUP BY ?kind ORDER BY DESC(?n) ?kind""",
    "events": """SELECT ?kind ?status (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?type ; kg:status ?s . VALUES (?type ?kind) { (kg:Meeting "Meeting") (kg:Visit "Visit") (kg:Statement "Statement") }
  BIND(STRAFTER(STR(?s), "#") AS ?status)
} GROUP BY ?kind ?status ORDER BY ?kind DESC(?n) ?status""",
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }",
    "dates": "SELECT (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE { ?e kg:date ?d }",
    "people": """SELECT ?name (COUNT(DISTINCT ?e) AS ?events) WHERE {
  ?e kg:participant|kg:visitor|kg:speaker ?p . ?p a kg:Person ; rdfs:label ?name .
} GROUP BY ?name ORDER BY DESC(?events) ?name LIMIT %(top)d""",
}


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH",
                        help=GRAPH_HELP)
    parser.add_argument("--top", type=int, default=10, metavar="N", help="how many of the most active people (10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def graph_stats(graph, top: int = 10) -> dict:
    """Counts of a graph: {"articles": 1, "entities": {"Person": 3, ...}, "events": {"Meeting": {"Occurred": 2}},
    "dates": ["2025-09", "2026-02-04"], "people": [["Владимир Путин", 9], ...]}."""
    rows = {name: list(run_query(graph, PREFIXES + text.replace("%(top)d", str(int(top)))))
            for name, text in QUERIES.items()}
    events: dict[str, dict[str, int]] = {}
    for kind, status, n in rows["events"]:
        events.setdefault(str(kind), {})[str(status)] = int(n)
    first, last = rows["dates"][0] if rows["dates"] else (None, None)
    return {
        "articles": int(rows["articles"][0][0]) if rows["articles"] else 0,
        "entities": {str(kind): int(n) for kind, n in rows["entities"]},
        "events": events,
        "dates": [str(first) if first else None, str(last) if last else None],
        "people": [[str(name), int(n)] for name, n in rows["people"]],
    }


def _text(stats: dict) -> str:
    lines = [f"articles  {stats['articles']}", "entities"]
    lines += [f"  {kind:14} {n}" for kind, n in stats["entities"].items()]
    lines.append("events")
    for kind, statuses in stats["events"].items():
        detail = ", ".join(f"{status} {n}" for status, n in statuses.items())
        lines.append(f"  {kind:14} {sum(statuses.values()):<6} ({detail})")
    first, last = stats["dates"]
    lines.append(f"dates     {first or '-'} .. {last or '-'}")
    lines.append("most active people (events)")
    lines += [f"  {n:6}  {name}" for name, n in stats["people"]]
    return "\n".join(lines)


def run(args) -> int:
    try:
        stats = graph_stats(open_graph(args.graph), args.top)
    except (OSError, ValueError, QueryError) as error:
        return fail(str(error))
    if args.json:
        json.dump(stats, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(_text(stats))
    return 0
