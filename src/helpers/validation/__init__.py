"""The project's measuring stick (``make validate``): what the analysis gets right on gold sets
written by hand in ``tests/``."""
