"""Allegraph: who accused whom of what, as a knowledge graph."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "rules-0.6"
