"""Stage 3: mentions to canonical entities, relations from dependency trees and a trigger lexicon."""

from kg.extract.document import (
    DocumentExtraction,
    add_known_names,
    combine,
    extract_corpus,
    extract_document,
    sentences_of,
)
from kg.extract.entities import resolve_entities
from kg.extract.model import (
           ENTITY_TYPES,
           MODALITIES,
           RELATION_TYPES,
           SYMMETRIC,
           Assertion,
           Entity,
           Evidence,
           Merge,
)
from kg.extract.records import entity_records, relation_records

__all__ = ["ENTITY_TYPES", "MODALITIES", "RELATION_TYPES", "SYMMETRIC", "Assertion", "Entity", "Evidence",
           "Merge", "DocumentExtraction", "add_known_names", "combine", "entity_records", "extract_corpus",
           "extract_document", "relation_records", "resolve_entities", "sentences_of"]
