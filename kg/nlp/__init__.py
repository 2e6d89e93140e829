"""Stage 2: Stanza's Arabic pipeline (tokenize, mwt, pos, lemma, depparse, ner) with bundled models."""

from kg.nlp.bundle import BUNDLE, ModelsNotFound, bundle_info, models_dir
from kg.nlp.pipeline import ArabicPipeline, EmptyText, Parsed, TextTooLong, default_pipeline

__all__ = ["BUNDLE", "ArabicPipeline", "EmptyText", "ModelsNotFound", "Parsed", "TextTooLong", "bundle_info",
           "default_pipeline", "models_dir"]
