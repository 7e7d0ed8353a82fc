"""Tables computed from the analysed corpus: overview, sentiment, rhetoric, themes, time bins.
Pure calculations: no prose and no figures."""
