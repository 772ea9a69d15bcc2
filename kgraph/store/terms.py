"""rdflib terms <-> Oxigraph terms, so both libraries can hold the same graph.

>>> to_ox(URIRef("https://w3id.org/kgraph/resource/person/vladimir-putin"))
<NamedNode value=https://w3id.org/kgraph/resource/person/vladimir-putin>
>>> from_ox(ox.Literal("Владимир Путин", language="ru"))
rdflib.term.Literal('Владимир Путин', lang='ru')

A plain rdflib literal ("текст", no datatype) and Oxigraph's xsd:string literal are the
same RDF term; :func:`from_ox` gives the plain one, as rdflib's own parsers do.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.term import Node

__all__ = ["to_ox", "from_ox", "to_ox_triple", "to_ox_quad", "from_ox_quad"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The Oxigraph term for an rdflib IRI, blank node or literal."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term) -> Node:
    """The rdflib term for an Oxigraph IRI, blank node or literal."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype in (_XSD_STRING, _LANG_STRING) else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox_triple(triple: tuple) -> ox.Triple:
    s, p, o = triple
    return ox.Triple(to_ox(s), to_ox(p), to_ox(o))


def _graph_name(context) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    identifier = context.identifier if isinstance(context, Graph) else context
    if identifier is None or identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(identifier)


def to_ox_quad(quad: tuple) -> ox.Quad:
    """(s, p, o, graph) from rdflib, the graph as a Graph or its identifier (None: default graph)."""
    s, p, o, g = quad
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), _graph_name(g))


def from_ox_quad(quad: ox.Quad) -> tuple:
    """(s, p, o, graph identifier) for rdflib; the default graph is DATASET_DEFAULT_GRAPH_ID."""
    g = quad.graph_name
    name = DATASET_DEFAULT_GRAPH_ID if isinstance(g, ox.DefaultGraph) else from_ox(g)
    return from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), name

