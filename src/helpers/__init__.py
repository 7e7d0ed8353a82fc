"""communique helpers: load, clean and analyse news articles on a bilateral relationship.

The stages, each a subpackage: ``corpus`` (per-document reading, cleaning, metadata,
segmenting, attribution and scoring, cached), ``analysis`` (tables computed from the
analysed corpus), ``report`` (what a notebook shows: session, finding sentences, figures,
publishing) and ``build`` (running the notebooks into HTML reports, provenance, the CLI).
"""

__version__ = "0.1.0"
