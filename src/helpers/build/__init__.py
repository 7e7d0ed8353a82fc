"""Running the report notebooks with papermill, rendering them to HTML, the index and the
provenance record, and the ``communique`` command."""
