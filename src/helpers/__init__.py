"""communique helpers: load, clean and analyse news articles on a bilateral relationship.

Notebooks import from here; every analysis step is a tested function in one of the modules:
``corpus`` (loading and caching), ``cleaning``, ``metadata``, ``segment``, ``quotes``,
``sentiment``, ``rhetoric``, ``themes``, ``timeline``, ``figures``, ``display`` and ``build``.
"""

__version__ = "0.1.0"
