"""The kg ontology as Python names, so graph code fails loudly on a term the ontology lacks.

``KG`` mirrors ontology/kg.ttl term for term (tests/graph/test_ontology.py checks both ways), and
``_fail = True`` turns a typo such as ``KG.Meting`` into an AttributeError instead of a silent new IRI.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

KG_NS = "https://w3id.org/kg-arabic-news/ontology#"


class KG(DefinedNamespace):
    """Terms of the KG Arabic News ontology (https://w3id.org/kg-arabic-news/ontology#)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # Classes
    Attendance: URIRef  # Someone present at a meeting who is not one of its principal parties.
    Assertion: URIRef  # An extracted fact with its provenance (document, sentence, span, rule, confidence).
    Document: URIRef  # A news article or other text the graph was extracted from.
    Entity: URIRef  # A named entity resolved across mentions.
    Event: URIRef  # Something reported as happened, planned or denied; also an Assertion.
    Meeting: URIRef  # Parties meet, visit or receive one another (CAMEO 04).
    Mention: URIRef  # One occurrence of an entity name in a document.
    Misc: URIRef  # A named entity that is not a person, organization or place (MISC).
    Modality: URIRef  # Occurred, Planned or Denied.
    Organization: URIRef  # An organization (ORG).
    Person: URIRef  # A human being (PER).
    PhoneCall: URIRef  # Parties in contact by telephone (CAMEO 041).
    Place: URIRef  # A location or geopolitical entity (LOC/GPE).
    Request: URIRef  # A party asks another to do something (CAMEO 02).
    Role: URIRef  # A position such as "رئيس الوزراء".
    RoleAssignment: URIRef  # A person holds a position, possibly for an organization.
    Sentence: URIRef  # A sentence of a document.
    Statement: URIRef  # A party makes a public statement (CAMEO 01).

    # Object properties
    addressee: URIRef  # Request -> Entity asked.
    attendedEvent: URIRef  # Attendance -> the Event attended.
    attendee: URIRef  # Event/Attendance -> Entity present but not a principal party.
    contacted: URIRef  # Entity <-> Entity shortcut for a PhoneCall (symmetric).
    document: URIRef  # Assertion/Mention/Sentence -> Document (prov:wasDerivedFrom).
    forOrganization: URIRef  # RoleAssignment -> Organization.
    holder: URIRef  # RoleAssignment -> Person.
    host: URIRef  # Meeting -> Entity who received the other parties (each guest met the host).
    holdsRole: URIRef  # Person -> Role shortcut.
    memberOf: URIRef  # Person -> Organization shortcut (schema:memberOf).
    met: URIRef  # Entity <-> Entity shortcut for a Meeting (symmetric).
    modality: URIRef  # Event -> Modality.
    participant: URIRef  # Event -> Entity; parent of the specific roles.
    place: URIRef  # Event -> Place (schema:location).
    principal: URIRef  # Attendance -> the host or first-named party of the event attended.
    position: URIRef  # RoleAssignment -> Role.
    refersTo: URIRef  # Mention -> Entity.
    reportedBy: URIRef  # Assertion -> Organization credited by the text (prov:wasAttributedTo).
    requested: URIRef  # requester -> addressee shortcut for a Request.
    requester: URIRef  # Request -> Entity asking.
    said: URIRef  # Person/Organization -> Statement; inverse of speaker.
    sentence: URIRef  # Assertion/Mention -> Sentence.
    speaker: URIRef  # Statement -> Person/Organization.
    spokespersonFor: URIRef  # Person -> Organization shortcut (prov:actedOnBehalfOf).

    # Datatype properties
    alias: URIRef  # Entity -> name variant (literal).
    charEnd: URIRef  # Exclusive end offset in the document text (xsd:integer).
    charStart: URIRef  # 0-based start offset in the document text (xsd:integer).
    confidence: URIRef  # xsd:decimal in [0, 1].
    content: URIRef  # Statement -> reported content (xsd:string).
    contentHash: URIRef  # Document -> hash of its text (xsd:string).
    date: URIRef  # Event -> xsd:date.
    dateText: URIRef  # Event -> date as written (xsd:string).
    entityType: URIRef  # Entity -> "PER" | "ORG" | "LOC" | "MISC".
    mentionCount: URIRef  # Entity -> number of mentions (xsd:integer).
    mergeReason: URIRef  # Entity -> why mentions were merged (xsd:string).
    negated: URIRef  # Event -> xsd:boolean.
    published: URIRef  # Document -> xsd:date or xsd:dateTime (schema:datePublished).
    rule: URIRef  # Assertion -> extraction rule that fired (xsd:string).
    sentenceText: URIRef  # Assertion/Sentence -> sentence text (xsd:string).
    source: URIRef  # Document -> outlet, feed or corpus name (xsd:string).
    surfaceForm: URIRef  # Mention -> text as it appears (xsd:string).
    theme: URIRef  # Request -> what was requested (xsd:string).
    url: URIRef  # Document -> xsd:anyURI (schema:url).

    # Annotation properties
    cameoCode: URIRef  # CAMEO event code of an event class or node, as a string ("04", "041").

    # Individuals (kg:Modality)
    Denied: URIRef  # The text denies the event took place.
    Occurred: URIRef  # The event is reported as having taken place.
    Planned: URIRef  # The event is announced or expected.


def load_ontology() -> Graph:
    """Parse ontology/kg.ttl, e.g. as pySHACL's ont_graph so shapes see the class hierarchy."""
    graph = Graph()
    graph.parse(ONTOLOGY_PATH, format="turtle")
    graph.bind("kg", KG_NS)
    return graph


def load_shapes() -> Graph:
    """Parse ontology/shapes.ttl, the SHACL contract a built graph must satisfy."""
    graph = Graph()
    graph.parse(SHAPES_PATH, format="turtle")
    return graph
