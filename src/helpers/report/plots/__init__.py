"""The figures of each report, drawn from the tables of ``helpers.analysis`` in the project's
style (``helpers.report.figures``)."""
