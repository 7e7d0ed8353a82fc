"""Run the per-document analysis on a Dask distributed cluster.

With no scheduler address a ``LocalCluster`` on this machine is started (and closed after);
with an address (``tcp://host:8786``) the work goes to that cluster, which may be one started
by dask-jobqueue on an HPC scheduler. Results come back in the order of the batches, so the
tables are identical to the local engine's.
"""

from __future__ import annotations

from helpers.pipeline import DocumentResult, analyse_batch


def run_on_dask(
    batches: list[list[tuple[str, str]]], *, scheduler: str | None, max_bytes: int
) -> list[DocumentResult]:
    """Analyse batches of (path, relative name) on a Dask cluster; files must be readable there."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = LocalCluster(host="127.0.0.1", processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(analyse_batch, batches, max_bytes=max_bytes, pure=False)
        results = [doc for batch in client.gather(futures) for doc in batch]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results
