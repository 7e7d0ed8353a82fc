"""Paths and defaults shared by the helpers, the notebooks and the report builder.

Every path is built once here from the location of this file, so nothing depends on the
working directory. Environment variables override the defaults where a user may need to:
``COMMUNIQUE_CORPUS`` (the corpus analysed by default), ``COMMUNIQUE_CACHE`` (where analysed
tables are cached) and ``COMMUNIQUE_REPORTS`` (where reports are written).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parents[1]
# Lexicons read by the reports; those that shape the per-document tables (and so the cache)
# live with the per-document stage, in corpus/data/.
DATA_DIR = PACKAGE_DIR / "data"
CORPUS_DATA_DIR = PACKAGE_DIR / "corpus" / "data"
CORPUS_STAGE_DIR = PACKAGE_DIR / "corpus"
TEMPLATES_DIR = PACKAGE_DIR / "build" / "templates"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
SEEDS_DIR = PROJECT_DIR / "seeds"

CORPUS_DIR = Path(os.environ.get("COMMUNIQUE_CORPUS", SEEDS_DIR))
CACHE_DIR = Path(os.environ.get("COMMUNIQUE_CACHE", PROJECT_DIR / ".cache"))
REPORTS_DIR = Path(os.environ.get("COMMUNIQUE_REPORTS", PROJECT_DIR / "reports"))

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
METADATA_FILE = "metadata.csv"

# Files larger than this are refused with a problem entry rather than analysed.
MAX_FILE_MB = 5.0

# Lexicons shipped with the package; notebooks take a path parameter to use another file.
DEBRIS_FILE = CORPUS_DATA_DIR / "debris.csv"
SIDES_FILE = CORPUS_DATA_DIR / "sides.csv"
ACTORS_FILE = CORPUS_DATA_DIR / "actors.csv"
TARGETS_FILE = DATA_DIR / "targets.csv"
FORMULAS_FILE = DATA_DIR / "formulas.csv"
SPEECH_ACTS_FILE = DATA_DIR / "speech_acts.csv"
STANCE_FILE = DATA_DIR / "stance.csv"
POLARITY_FILE = DATA_DIR / "polarity.csv"
ISSUES_FILE = DATA_DIR / "issues.csv"
THEMES_FILE = DATA_DIR / "themes.csv"
EVENTS_FILE = DATA_DIR / "events.csv"
ROLES_FILE = CORPUS_DATA_DIR / "roles.csv"
REPORTING_VERBS_FILE = CORPUS_DATA_DIR / "reporting_verbs.csv"
OUTLETS_FILE = CORPUS_DATA_DIR / "outlets.csv"

# The fewest documents behind any comparison the reports state: per group, per time bin, per
# side of a keyness test, and in each half of the dated documents for a claim about time.
MIN_DOCS = 5

FREQ_ALIASES = {"year": "Y", "quarter": "Q", "month": "M", "week": "W"}
