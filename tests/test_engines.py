"""The Dask engine gives the local engine's tables, and re-analyses only changed documents."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.corpus import engines, load
from helpers.corpus.load import load_corpus
from tests.synthetic import Article, article_text, several_years_corpus

pytestmark = [pytest.mark.dask, pytest.mark.xdist_group("dask")]
TABLES = ["documents", "sentences", "audit", "problems"]


@pytest.fixture(scope="module")
def scheduler():
    """The address of a two-worker Dask LocalCluster on loopback, shared by this module."""
    from dask.distributed import LocalCluster

    cluster = LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    yield cluster.scheduler_address
    cluster.close()


def assert_same_tables(first: load.Corpus, second: load.Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), obj=name)


# (corpus, scheduler): the seeds on the shared cluster given by its address; the synthetic
# corpus with no address, so that the engine starts (and closes) its own LocalCluster.
@pytest.mark.parametrize("source", ["seeds", "synthetic"])
def test_dask_and_local_engines_give_identical_tables(
    source: str, request, make_corpus, monkeypatch
) -> None:
    if source == "seeds":
        folder, address = config.SEEDS_DIR, request.getfixturevalue("scheduler")
    else:
        folder, address = make_corpus(several_years_corpus()), None
    monkeypatch.setattr(load, "BATCH_SIZE", 2)  # several batches, gathered in order
    local = load_corpus(folder, cache_dir=None, engine="local", workers=1)
    on_dask = load_corpus(folder, cache_dir=None, engine="dask", scheduler=address)
    assert len(local.sentences) > 0 and local.sentences["vader_compound"].notna().any()
    assert_same_tables(local, on_dask)


def test_dask_cache_reanalyses_only_changed_files(
    tmp_path: Path, scheduler: str, make_corpus, monkeypatch
) -> None:
    folder = make_corpus(several_years_corpus())
    sent: list[str] = []
    original = engines.run_on_dask

    def recording(task, batches, **options):
        sent.extend(relative for batch in batches for _path, relative in batch)
        return original(task, batches, **options)

    monkeypatch.setattr(engines, "run_on_dask", recording)
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache, engine="dask", scheduler=scheduler)
    assert sorted(sent) == sorted(first.documents["file"])
    sent.clear()
    again = load_corpus(folder, cache_dir=cache, engine="dask", scheduler=scheduler)
    assert sent == []
    assert_same_tables(first, again)
    changed = Article("article_02.txt", article_text(["The port opened to ships on Monday."]))
    (folder / changed.file).write_text(changed.text, encoding="utf-8")
    updated = load_corpus(folder, cache_dir=cache, engine="dask", scheduler=scheduler)
    assert sent == ["article_02.txt"]
    texts = updated.sentences.groupby("doc_id")["text"].apply(" ".join)
    assert texts["article_02"] == "The port opened to ships on Monday."
    fresh = load_corpus(folder, cache_dir=None, engine="local", workers=1)
    assert_same_tables(fresh, updated)
