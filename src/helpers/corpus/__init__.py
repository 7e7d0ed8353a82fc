"""The per-document stage: read, clean, segment, attribute and score each article, and cache
the tables. Everything this stage's code and lexicons contain is hashed into the cache key."""

from helpers.corpus.load import Corpus, CorpusError, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
