"""Stage 3: mentions to canonical entities, relations from dependency trees and a trigger lexicon.

The names below are loaded on first use (PEP 562), so that reading the data model
(`kg.extract.model`, which the graph and query stages need) does not import the whole extractor:
`kg sparql` and `kg lookup` start faster.
"""

from importlib import import_module

_EXPORTS = {
    "kg.extract.document": ("DocumentExtraction", "add_known_names", "combine", "extract_corpus",
                            "extract_document", "sentences_of"),
    "kg.extract.entities": ("resolve_entities",),
    "kg.extract.model": ("ENTITY_TYPES", "MODALITIES", "RELATION_TYPES", "SYMMETRIC", "Assertion", "Entity",
                         "Evidence", "Merge"),
    "kg.extract.records": ("entity_records", "relation_records"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.extract' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
