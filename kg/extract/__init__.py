"""Stage 3: mentions to canonical entities, relations from dependency trees and a trigger lexicon."""

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

__all__ = ["ENTITY_TYPES", "MODALITIES", "RELATION_TYPES", "SYMMETRIC", "Assertion", "Entity", "Evidence",
           "Merge"]
