"""What a report notebook shows: the session opening, finding sentences, figures, and the
publishing of tables and figures next to the report."""
