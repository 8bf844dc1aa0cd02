"""N-Triples text as the writer's currency: the same triples whichever way they were made."""

import pyoxigraph as ox
import pytest

from diplograph.rdf.ntriples import NTriples

EX = "http://example.org/"
TRIPLES = [
    ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal('quote " and \\ and\nnewline')),
    ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "q"), ox.Literal("ไทย", language="th")),
    ox.Triple(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "p"),
              ox.Literal("2020-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
    ox.Triple(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "r"), ox.NamedNode(EX + "c%20d")),
]


@pytest.mark.parametrize("made", ["triples", "text"])
def test_the_same_triples_from_triples_and_from_text(made):
    text = "".join(f"{t} .\n" for t in TRIPLES)
    nt = NTriples(TRIPLES) if made == "triples" else NTriples(text=text)
    assert nt.text == text
    assert list(nt) == TRIPLES and len(nt) == len(TRIPLES) and nt[1] == TRIPLES[1]
    # the lines stores written so far record in their support graph
    assert nt.lines() == [f"{t.subject} {t.predicate} {t.object} ." for t in TRIPLES]
    assert nt.having([ox.NamedNode(EX + "p")]) == [TRIPLES[0], TRIPLES[2]]
    assert nt.having([ox.NamedNode(EX + "nothing")]) == []


def test_text_is_parsed_only_when_terms_are_asked_for():
    nt = NTriples(text="".join(f"{t} .\n" for t in TRIPLES))
    assert nt.having([ox.NamedNode(EX + "r")]) == [TRIPLES[3]]
    assert nt._triples is None  # having() parsed the one line it picked, not the text
    assert len(nt) == 4 and nt._triples is None


def test_empty():
    assert len(NTriples()) == 0 and NTriples().text == "" and not NTriples(text="")
