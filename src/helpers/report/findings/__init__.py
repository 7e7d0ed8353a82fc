"""The sentences that state findings, one module per report, each produced by a tested rule
from the tables of ``helpers.analysis``."""
