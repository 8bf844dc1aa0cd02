"""Namespaces and terms, defined once.

``DG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
fails at import time instead of minting a wrong IRI in users' graphs.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

DG_IRI = "https://w3id.org/diplograph/ontology#"
ID_IRI = "https://w3id.org/diplograph/id/"


class DG(DefinedNamespace):
    _NS = Namespace(DG_IRI)
    _fail = True

    # classes
    PressRelease: URIRef
    Country: URIRef
    Person: URIRef
    Organization: URIRef
    Event: URIRef
    BilateralMeeting: URIRef
    MultilateralMeeting: URIRef
    OfficialVisit: URIRef
    CourtesyCall: URIRef
    AgreementSigning: URIRef
    Agreement: URIRef
    MemorandumOfUnderstanding: URIRef
    JointStatement: URIRef
    LetterOfIntent: URIRef
    StatusChange: URIRef
    Topic: URIRef
    Mode: URIRef
    EventStatus: URIRef
    AgreementStatus: URIRef
    # individuals
    Virtual: URIRef
    InPerson: URIRef
    Scheduled: URIRef
    Held: URIRef
    Postponed: URIRef
    Cancelled: URIRef
    Proposed: URIRef
    UnderNegotiation: URIRef
    Approved: URIRef
    Signed: URIRef
    topics: URIRef  # the SKOS concept scheme of topics
    # release properties
    releaseId: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    # people and organisations
    represents: URIRef
    positionTitle: URIRef
    memberOf: URIRef
    honorific: URIRef
    iso3166: URIRef
    # events
    heldOn: URIRef
    startDate: URIRef
    endDate: URIRef
    mode: URIRef
    eventStatus: URIRef
    reportedStatus: URIRef
    participant: URIRef
    involvesCountry: URIRef
    duringEvent: URIRef
    meets: URIRef
    eventName: URIRef
    # agreements
    party: URIRef
    signingBody: URIRef
    signatory: URIRef
    witness: URIRef
    signedAt: URIRef
    status: URIRef
    statusHistory: URIRef
    date: URIRef
    hasMoUWith: URIRef
    agreementTitle: URIRef
    # shared
    topic: URIRef
    evidence: URIRef
    cameoCode: URIRef
    ploverType: URIRef
    ploverMode: URIRef


SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
ID = Namespace(ID_IRI)

PREFIXES: dict[str, object] = {
    "dg": DG._NS,
    "dgid": ID,
    "schema": SCHEMA,
    "wd": WD,
    "prov": PROV,
    "dct": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}



def expand_prefixed(value: str) -> str:
    """``value`` with a leading prefix of :data:`PREFIXES` written out ("dgid:event/…" → the full IRI); any
    other text as it is (an IRI already full, or no IRI at all: the caller says which)."""
    for prefix, ns in PREFIXES.items():
        if value.startswith(prefix + ":") and not value.startswith(prefix + "://"):
            return str(ns) + value[len(prefix) + 1:]
    return value


__all__ = ["DG", "DG_IRI", "ID", "ID_IRI", "SCHEMA", "WD", "PREFIXES", "DCTERMS", "OWL", "PROV",
           "RDF", "RDFS", "SKOS", "XSD", "expand_prefixed"]
