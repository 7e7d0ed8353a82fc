"""Run the per-document analysis on a Dask distributed cluster.

With no scheduler address a ``LocalCluster`` on this machine is started (and closed after);
with an address (``tcp://host:8786``) the work goes to that cluster, which may be one started
by dask-jobqueue on an HPC scheduler. Results come back in the order of the batches, so the
tables are identical to the local engine's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def run_on_dask(
    task: Callable[..., Result], batches: list[list[tuple[str, str]]], *,
    scheduler: str | None, max_bytes: int,
) -> list[Result]:
    """Run ``task(batch, max_bytes=...)`` on every batch of (path, relative name) on a Dask
    cluster, returning the results in batch order; the files must be readable there."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = LocalCluster(host="127.0.0.1", processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        futures = client.map(task, batches, max_bytes=max_bytes, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results
