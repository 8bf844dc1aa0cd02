"""The ontology and the topic scheme: well-formed, complete, bilingual.

Both files must parse with rdflib and with Oxigraph's strict Turtle parser
(the embedded store loads them), declare every term that code uses
(``diplograph.rdf.namespaces.DG``) with English and Thai labels, and keep the
vocabulary contract of DESIGN.md.
"""

from __future__ import annotations

import re

import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from diplograph.rdf.namespaces import DG, DG_IRI, ID_IRI, SCHEMA
from diplograph.resources import resource_file

PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
TOPIC = Namespace(ID_IRI + "topic/")
# not rdflib.namespace.XSD at module level: pytest probes module globals and the
# open XSD namespace warns about every unknown attribute
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
THAI = re.compile(r"[\u0E00-\u0E7F]")

FILES = ["diplograph.ttl", "topics.ttl"]
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual, SKOS.ConceptScheme}
DG_TERMS = sorted(DG.__annotations__)

EVENT_CLASSES = ["BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall",
                 "AgreementSigning"]
AGREEMENT_SUBCLASSES = ["MemorandumOfUnderstanding", "JointStatement", "LetterOfIntent"]
DATATYPE_PROPERTIES = ["heldOn", "startDate", "endDate", "date", "evidence", "releaseId",
                       "sourceFile", "contentHash", "iso3166", "positionTitle", "eventName",
                       "agreementTitle", "honorific"]
DATE_PROPERTIES = ["heldOn", "startDate", "endDate", "date"]
OBJECT_PROPERTIES = ["represents", "memberOf", "mode", "eventStatus", "participant",
                     "involvesCountry", "duringEvent", "meets", "party", "signingBody",
                     "signatory", "witness", "signedAt", "status", "statusHistory", "hasMoUWith",
                     "topic"]
ANNOTATION_PROPERTIES = ["cameoCode", "ploverType", "ploverMode"]
ENUMERATIONS = {
    "Mode": ["Virtual", "InPerson"],
    "EventStatus": ["Scheduled", "Held", "Postponed", "Cancelled"],
    "AgreementStatus": ["Proposed", "UnderNegotiation", "Approved", "Signed"],
}
ALIGNMENTS = [  # (dg class or property, relation, standard term)
    (DG.PressRelease, RDFS.subClassOf, PROV.Entity),
    (DG.PressRelease, RDFS.subClassOf, SCHEMA.NewsArticle),
    (DG.StatusChange, RDFS.subClassOf, PROV.Entity),
    (DG.Topic, RDFS.subClassOf, SKOS.Concept),
    (DG.Event, RDFS.subClassOf, SCHEMA.Event),
    (DG.Person, RDFS.subClassOf, SCHEMA.Person),
    (DG.Person, RDFS.subClassOf, FOAF.Person),
    (DG.Country, RDFS.subClassOf, SCHEMA.Country),
    (DG.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (DG.Organization, RDFS.subClassOf, ORG.Organization),
    (DG.memberOf, RDFS.subPropertyOf, ORG.memberOf),
]
REQUIRED_TOPICS = [
    "security", "cybersecurity", "digital-economy", "trade-investment", "defence", "tourism",
    "education", "health", "energy", "labour-migration", "transnational-crime",
    "connectivity-infrastructure", "agriculture", "culture", "environment-climate",
    "science-technology", "capacity-building",
]
MORE_TOPICS = [
    "maritime-security", "food-security", "covid-19", "humanitarian-assistance",
    "border-management", "people-to-people", "finance", "visa-travel", "regional-issues",
    "peace-process", "anniversary-diplomatic-relations", "investment", "digital-trade",
    "data-protection", "startups-sme", "transport-railway", "fisheries", "halal-industry",
    "critical-minerals", "supply-chain", "carbon-credits", "online-scams", "human-trafficking",
    "strategic-partnership",
]


@pytest.fixture(scope="session")
def onto() -> Graph:
    return Graph().parse(resource_file("ontology", "diplograph.ttl"), format="turtle")


@pytest.fixture(scope="session")
def topics() -> Graph:
    return Graph().parse(resource_file("ontology", "topics.ttl"), format="turtle")


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


# --- parsing -----------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rdflib_and_oxigraph(name: str) -> None:
    path = resource_file("ontology", name)
    rdflib_count = len(Graph().parse(path, format="turtle"))
    oxigraph_count = len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_count > 100
    assert oxigraph_count == rdflib_count


# --- header ------------------------------------------------------------------


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    # 0.2.0: dg:meets links participants of different states only (a change of meaning of a fixed term)
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.2.0")
    assert str(onto.value(ONTOLOGY_IRI, OWL.versionIRI)).endswith("/0.2.0")
    assert languages(onto, ONTOLOGY_IRI, DCTERMS.title) >= {"en", "th"}
    assert languages(onto, ONTOLOGY_IRI, DCTERMS.description) >= {"en", "th"}
    assert onto.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    credits = " ".join(str(o) for _, o in onto.predicate_objects(ONTOLOGY_IRI))
    assert "Country identifiers: Our World in Data (CC BY 4.0)" in credits


# --- every term code uses --------------------------------------------------------


@pytest.mark.parametrize("name", DG_TERMS)
def test_namespace_term_is_declared_in_english_and_thai(onto: Graph, name: str) -> None:
    term = getattr(DG, name)
    assert set(onto.objects(term, RDF.type)) & DECLARATIONS, f"dg:{name} is not declared"
    assert languages(onto, term, RDFS.label) >= {"en", "th"}, f"dg:{name} needs @en and @th labels"
    assert languages(onto, term, RDFS.comment) >= {"en", "th"}, f"dg:{name} needs @en and @th comments"
    for label in onto.objects(term, RDFS.label):
        if label.language == "th":
            assert THAI.search(label), f"dg:{name}'s Thai label is not in Thai script"


def test_ontology_declares_no_term_code_cannot_name(onto: Graph) -> None:
    """A dg: term added to the ontology for code to use must be added to namespaces.DG too."""
    declared = {s for t in DECLARATIONS for s in onto.subjects(RDF.type, t)
                if isinstance(s, URIRef) and s.startswith(DG_IRI)}
    assert {s.removeprefix(DG_IRI) for s in declared} - set(DG_TERMS) == set()


# --- structure ------------------------------------------------------------------


def test_symmetric_shortcuts(onto: Graph) -> None:
    for name in ("meets", "hasMoUWith"):
        assert (getattr(DG, name), RDF.type, OWL.SymmetricProperty) in onto


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_datatype_properties(onto: Graph, name: str) -> None:
    term = getattr(DG, name)
    assert (term, RDF.type, OWL.DatatypeProperty) in onto
    assert (term, RDF.type, OWL.ObjectProperty) not in onto
    if name in DATE_PROPERTIES:
        assert onto.value(term, RDFS.range) == XSD_DATE


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_properties_have_domain_and_range(onto: Graph, name: str) -> None:
    term = getattr(DG, name)
    assert (term, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(term, RDFS.domain) is not None
    assert onto.value(term, RDFS.range) is not None


@pytest.mark.parametrize("name", ANNOTATION_PROPERTIES)
def test_annotation_properties(onto: Graph, name: str) -> None:
    assert set(onto.objects(getattr(DG, name), RDF.type)) == {OWL.AnnotationProperty}


def test_class_hierarchy(onto: Graph) -> None:
    for name in EVENT_CLASSES:
        assert (getattr(DG, name), RDFS.subClassOf, DG.Event) in onto
    for name in AGREEMENT_SUBCLASSES:
        assert (getattr(DG, name), RDFS.subClassOf, DG.Agreement) in onto


@pytest.mark.parametrize(("cls", "members"), ENUMERATIONS.items())
def test_enumerations(onto: Graph, cls: str, members: list[str]) -> None:
    cls_iri = getattr(DG, cls)
    expression = onto.value(cls_iri, OWL.equivalentClass)
    listed = list(Collection(onto, onto.value(expression, OWL.oneOf)))
    assert listed == [getattr(DG, m) for m in members]
    for member in members:
        individual = getattr(DG, member)
        assert (individual, RDF.type, cls_iri) in onto
        assert (individual, RDF.type, OWL.NamedIndividual) in onto


@pytest.mark.parametrize(("term", "relation", "standard"), ALIGNMENTS,
                         ids=lambda x: x.n3() if isinstance(x, URIRef) else str(x))
def test_alignment_to_standard_vocabularies(onto: Graph, term, relation, standard) -> None:
    assert (term, relation, standard) in onto


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_classes_carry_cameo_and_plover(onto: Graph, name: str) -> None:
    cls = getattr(DG, name)
    codes = {str(c) for c in onto.objects(cls, DG.cameoCode)}
    assert codes and all(re.fullmatch(r"\d{3}", c) for c in codes)
    assert {str(t) for t in onto.objects(cls, DG.ploverType)} <= {"CONSULT", "SUPPORT", "AGREE"}
    assert onto.value(cls, DG.ploverType) is not None


def test_cameo_and_plover_mapping(onto: Graph) -> None:
    def codes(name: str) -> set[str]:
        return {str(c) for c in onto.objects(getattr(DG, name), DG.cameoCode)}

    def plover(name: str) -> set[str]:
        return {str(c) for c in onto.objects(getattr(DG, name), DG.ploverType)}

    assert codes("BilateralMeeting") >= {"040", "041", "044"}
    assert codes("OfficialVisit") == codes("CourtesyCall") == {"042", "043"}
    assert codes("AgreementSigning") == {"057"}
    assert plover("AgreementSigning") == {"SUPPORT"}
    assert plover("Proposed") == {"AGREE"}
    assert all(plover(n) == {"CONSULT"} for n in EVENT_CLASSES if n != "AgreementSigning")


# --- topics ----------------------------------------------------------------------


def test_topic_scheme(onto: Graph, topics: Graph) -> None:
    assert (DG.topics, RDF.type, SKOS.ConceptScheme) in onto
    assert (DG.topics, RDF.type, SKOS.ConceptScheme) in topics
    assert languages(topics, DG.topics, SKOS.prefLabel) == {"en", "th"}


@pytest.mark.parametrize("notation", REQUIRED_TOPICS + MORE_TOPICS)
def test_topic_exists_in_english_and_thai(topics: Graph, notation: str) -> None:
    concept = TOPIC[notation]
    assert (concept, RDF.type, SKOS.Concept) in topics
    assert (concept, RDF.type, DG.Topic) in topics
    assert (concept, SKOS.inScheme, DG.topics) in topics
    assert str(topics.value(concept, SKOS.notation)) == notation
    labels = list(topics.objects(concept, SKOS.prefLabel))
    assert sorted(label.language for label in labels) == ["en", "th"]  # one per language
    assert all(THAI.search(label) for label in labels if label.language == "th")


def test_every_concept_is_well_formed(topics: Graph) -> None:
    concepts = set(topics.subjects(RDF.type, SKOS.Concept))
    tops = set(topics.objects(DG.topics, SKOS.hasTopConcept))
    assert len(concepts) >= len(REQUIRED_TOPICS) + len(MORE_TOPICS)
    assert tops == set(topics.subjects(SKOS.topConceptOf, DG.topics))
    for concept in concepts:
        notation = str(topics.value(concept, SKOS.notation))
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", notation), concept
        assert concept == TOPIC[notation]
        assert (concept, RDF.type, DG.Topic) in topics
        broader = set(topics.objects(concept, SKOS.broader))
        assert (concept in tops) != bool(broader), f"{notation}: a top concept xor has a broader one"
        assert broader <= concepts
        assert languages(topics, concept, SKOS.prefLabel) == {"en", "th"}
