"""A letter's anatomy: a draft read once into typed segments, and the scopes rules read it through."""

from notecheck.anatomy.model import SCOPE_HELP, SCOPES, Anatomy, Part, Segment, Sentence, Span, validate_scope
from notecheck.anatomy.parser import parse

__all__ = ["SCOPES", "SCOPE_HELP", "Anatomy", "Part", "Segment", "Sentence", "Span", "parse", "validate_scope"]
