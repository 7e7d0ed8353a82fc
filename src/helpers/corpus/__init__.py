"""The per-document stage: read, clean, segment, attribute and score each article, and cache
the tables (``helpers.corpus.load.load_corpus``). Everything this stage's code and lexicons
contain is hashed into the cache key."""
