"""The SPARQL that reads a store's facts (:mod:`diplograph.network.data`): fixed text, no user value.

They read the union of all graphs, on any store (embedded, in memory or a
server). Dates and topics are filtered on the records, in Python. Which of the
events are meetings — what a network counts — is decided by
:data:`diplograph.counting.MEETINGS`, the fragments the shipped queries carry,
run on its own (:func:`diplograph.network.data.read_facts`): inside the events
query, Oxigraph would evaluate them once per property of each event, not once
per event (28 s against 0.4 s on 10 000 releases).
"""

from __future__ import annotations

PREFIXES = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
"""

EVENTS = PREFIXES + """SELECT DISTINCT ?event ?kind ?p ?o WHERE {
  VALUES ?kind { dg:BilateralMeeting dg:MultilateralMeeting dg:OfficialVisit dg:CourtesyCall dg:AgreementSigning }
  ?event a ?kind .
  VALUES ?p { dg:heldOn dg:startDate dg:endDate dg:eventName dg:mode dg:eventStatus dg:reportedStatus
              dg:involvesCountry dg:participant dg:topic dg:duringEvent prov:wasDerivedFrom }
  ?event ?p ?o .
}"""

# who took part in an event according to which release: a participant's position at an event is the one
# a release stating that participation gives (the analyst tables' participants)
PARTICIPATION = PREFIXES + """SELECT DISTINCT ?event ?person ?g WHERE {
  GRAPH ?g { ?event dg:participant ?person }
  ?g a dg:PressRelease .
}"""

AGREEMENTS = PREFIXES + """SELECT DISTINCT ?a ?p ?o WHERE {
  ?a a dg:Agreement .
  VALUES ?p { rdf:type dg:party dg:status dg:agreementTitle dg:topic dg:signedAt prov:wasDerivedFrom }
  ?a ?p ?o .
}""".replace("rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")

STATUS_CHANGES = PREFIXES + """SELECT DISTINCT ?a ?c ?status ?date ?r WHERE {
  ?a dg:statusHistory ?c .
  ?c dg:status ?status .
  OPTIONAL { ?c dg:date ?date }
  OPTIONAL { ?c prov:wasDerivedFrom ?r }
}"""

RELEASES = PREFIXES + """SELECT ?r (SAMPLE(?id_) AS ?id) (SAMPLE(?title_) AS ?title) (SAMPLE(?issued_) AS ?issued)
       (SAMPLE(?url_) AS ?url) WHERE {
  ?r a dg:PressRelease .
  OPTIONAL { ?r dg:releaseId ?id_ }
  OPTIONAL { ?r dct:title ?title_ }
  OPTIONAL { ?r dct:issued ?issued_ }
  OPTIONAL { ?r schema:url ?url_ }
} GROUP BY ?r"""

COUNTRIES = PREFIXES + """SELECT DISTINCT ?c ?iso ?label WHERE {
  ?c a dg:Country ; dg:iso3166 ?iso .
  OPTIONAL { ?c rdfs:label ?label }
}"""

PEOPLE = PREFIXES + """SELECT DISTINCT ?s ?p ?o WHERE {
  ?s a dg:Person .
  VALUES ?p { rdfs:label skos:altLabel dg:represents }
  ?s ?p ?o .
}"""

POSITIONS = PREFIXES + """SELECT DISTINCT ?s ?pos ?g WHERE {
  ?s dg:positionTitle ?pos .
  OPTIONAL { GRAPH ?g { ?s dg:positionTitle ?pos } ?g a dg:PressRelease }
}"""

TOPICS = PREFIXES + """SELECT DISTINCT ?t ?notation ?label ?broader WHERE {
  ?t a skos:Concept .
  OPTIONAL { ?t skos:notation ?notation }
  OPTIONAL { ?t skos:prefLabel ?label }
  OPTIONAL { ?t skos:broader ?broader }
}"""

EVIDENCE = PREFIXES + """SELECT DISTINCT ?s ?text ?g WHERE {
  ?s dg:evidence ?text .
  OPTIONAL { GRAPH ?g { ?s dg:evidence ?text } ?g a dg:PressRelease }
}"""
