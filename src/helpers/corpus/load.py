"""Load a folder of articles into analysed tables, with a cache and a choice of engine.

``load_corpus(dir)`` returns a :class:`Corpus` whose tables a notebook uses directly:
``documents`` (one row per article), ``sentences`` (with quote attribution and sentiment
scores), ``audit`` (every piece cleaning removed) and ``problems`` (every file or metadata
row that could not be used as it was, with the reason).

Per-document analysis (:mod:`helpers.corpus.pipeline`) runs in parallel on the local cores or on a
Dask cluster, and is cached as Parquet under ``config.CACHE_DIR``, keyed by the helpers'
code and each document's content: an unchanged corpus is read back, and a corpus with new or
changed files re-analyses only those files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from helpers import __version__, config
from helpers.corpus import duplicates
from helpers.corpus.metadata_file import merge_metadata
from helpers.corpus.pipeline import (
    DocumentResult,
    analyse_batch,
    load_analysers,
    problem,
    sentence_table,
)

PROBLEM_COLUMNS = ["severity", "file", "line", "column", "message"]
AUDIT_COLUMNS = ["doc_id", "file", "line", "start", "end", "reason", "text"]
BATCH_SIZE = 25


class CorpusError(ValueError):
    """The corpus folder cannot be analysed at all (missing, not a folder, no articles)."""


@dataclass
class Corpus:
    """The analysed tables of one corpus folder."""

    corpus_dir: Path
    fingerprint: str
    documents: pd.DataFrame
    sentences: pd.DataFrame
    audit: pd.DataFrame
    problems: pd.DataFrame

    def analysable(self) -> pd.DataFrame:
        """Documents the English lexicon analyses use: English, with text, not a dropped
        duplicate."""
        return self.documents[self.documents["analysable"]].copy()

    def sentences_of(self, documents: pd.DataFrame) -> pd.DataFrame:
        """The sentences of the given documents, with the documents' date and metadata joined."""
        keep = self.sentences[self.sentences["doc_id"].isin(documents["doc_id"])]
        extra = [c for c in documents.columns
                 if c not in ("raw_text", "clean_text") and c not in keep]
        return keep.merge(documents[["doc_id", *extra]], on="doc_id", how="left")


def analysis_inputs() -> list[Path]:
    """Every file whose content shapes the per-document tables: the package's ``__init__`` and
    ``config``, and everything under the per-document stage's folder (code and lexicons)."""
    stage = sorted(p for p in config.CORPUS_STAGE_DIR.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    return [config.PACKAGE_DIR / "__init__.py", config.PACKAGE_DIR / "config.py", *stage]


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """A key that changes whenever the per-document stage's code or lexicons change (it
    invalidates the cache)."""
    digest = hashlib.sha256(__version__.encode())
    for path in analysis_inputs():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def list_files(corpus_dir: Path) -> tuple[list[str], list[dict[str, object]]]:
    """Article files (relative paths, sorted) and problems for the other files in the folder."""
    articles, problems = [], []
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir).as_posix()
        if any(part.startswith(".") for part in Path(relative).parts) or not path.is_file():
            continue
        if relative == config.METADATA_FILE:
            continue
        if path.suffix.lower() in config.ARTICLE_SUFFIXES:
            articles.append(relative)
        else:
            problems.append(problem("warning", relative, "skipped: not an article file "
                                    f"(only {', '.join(config.ARTICLE_SUFFIXES)} are read)"))
    return articles, problems


def file_hashes(corpus_dir: Path, files: Iterable[str]) -> dict[str, str]:
    """SHA-256 of each file's bytes."""
    return {f: hashlib.sha256((corpus_dir / f).read_bytes()).hexdigest() for f in files}


def fingerprint_of(hashes: dict[str, str], metadata_bytes: bytes, options: str) -> str:
    """A short fingerprint of the corpus content, its metadata and the load options."""
    digest = hashlib.sha256(options.encode())
    for name in sorted(hashes):
        digest.update(f"{name}\0{hashes[name]}\n".encode())
    digest.update(metadata_bytes)
    return digest.hexdigest()[:12]


def analyse_into_tables(items: list[tuple[str, str]], *, max_bytes: int) -> dict[str, pd.DataFrame]:
    """Analyse a batch of (path, relative name) pairs into its tables: the unit of work of a
    worker, which sends back one set of tables per batch rather than one per document."""
    return _tables(analyse_batch(items, max_bytes=max_bytes))


def _run_batches(
    batches: list[list[tuple[str, str]]], *, engine: str, scheduler: str | None, workers: int,
    max_bytes: int, progress: bool,
) -> dict[str, pd.DataFrame]:
    if engine == "dask":
        from helpers.corpus.engines import run_on_dask

        return _combine(run_on_dask(analyse_into_tables, batches, scheduler=scheduler,
                                    max_bytes=max_bytes))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    parts: list[dict[str, pd.DataFrame]] = []
    if batches:
        load_analysers()  # once here, shared by the forked workers
    bar = _progress(len(batches), progress)
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            parts.append(analyse_into_tables(batch, max_bytes=max_bytes))
            bar.update(1)
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            futures = [pool.submit(analyse_into_tables, batch, max_bytes=max_bytes)
                       for batch in batches]
            for future in futures:
                parts.append(future.result())
                bar.update(1)
    bar.close()
    return _combine(parts)


def _pool_context():
    """Fork shares the scorers loaded in the parent with the workers; inside a Jupyter kernel,
    whose threads make forking unsafe, workers are spawned instead."""
    return get_context("spawn" if "ipykernel" in sys.modules else "fork")


def _progress(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="analysing documents", unit="batch", disable=not enabled)


def _tables(results: list[DocumentResult]) -> dict[str, pd.DataFrame]:
    documents = [r.document for r in results if r.document is not None]
    sentences = [row for r in results for row in r.sentences]
    audit = [row for r in results for row in r.audit]
    problems = [row for r in results for row in r.problems]
    docs = pd.DataFrame(documents)
    if len(docs):
        docs["inferred"] = docs["inferred"].map(json.dumps)
        docs["inferred_sources"] = docs["inferred_sources"].map(json.dumps)
    return {
        "documents": docs,
        "sentences": sentence_table(sentences),
        "audit": pd.DataFrame(audit, columns=AUDIT_COLUMNS),
        "problems": pd.DataFrame(problems, columns=PROBLEM_COLUMNS),
    }


def _combine(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The tables of every batch, each concatenated in batch order."""
    empty = _tables([])
    combined = {}
    for name, nothing in empty.items():
        frames = [part[name] for part in parts if len(part[name])]
        combined[name] = pd.concat(frames, ignore_index=True) if frames else nothing
    return combined


def _read_tables(folder: Path) -> dict[str, pd.DataFrame] | None:
    try:
        return {name: pd.read_parquet(folder / f"{name}.parquet")
                for name in ("documents", "sentences", "audit", "problems")}
    except (FileNotFoundError, OSError, ValueError):
        return None


def _write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    staging = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, table in tables.items():
        table.to_parquet(staging / f"{name}.parquet", index=False)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def _analysed_tables(
    corpus_dir: Path, files: list[str], hashes: dict[str, str], cache: Path | None, *,
    engine: str, scheduler: str | None, workers: int, max_bytes: int, progress: bool,
) -> dict[str, pd.DataFrame]:
    """Per-document tables for every file, reusing cached rows of unchanged files."""
    previous = _read_tables(cache / "analysed") if cache else None
    reusable: set[str] = set()
    if previous is not None and len(previous["documents"]):
        known = dict(zip(previous["documents"]["file"], previous["documents"]["content_hash"],
                         strict=True))
        reusable = {f for f in files if known.get(f) == hashes[f]}
    todo = [f for f in files if f not in reusable]
    batches = [[(str(corpus_dir / f), f) for f in todo[i:i + BATCH_SIZE]]
               for i in range(0, len(todo), BATCH_SIZE)]
    fresh = _run_batches(batches, engine=engine, scheduler=scheduler, workers=workers,
                         max_bytes=max_bytes, progress=progress)
    # A cold run comes back in file order already; a partial one is merged and re-sorted.
    tables = _merged(previous, fresh, reusable, files) if reusable else fresh
    if cache is not None and todo:
        _write_tables(cache / "analysed", tables)
    return tables


def _merged(previous: dict[str, pd.DataFrame], fresh: dict[str, pd.DataFrame],
            reusable: set[str], files: list[str]) -> dict[str, pd.DataFrame]:
    """The cached rows of the reusable files with the fresh ones, in file order."""
    kept = previous["documents"]["file"].isin(reusable)
    kept_ids = set(previous["documents"].loc[kept, "doc_id"])
    tables = {}
    for name, table in previous.items():
        if name == "problems":
            old = table[table["file"].isin(reusable)]
        elif len(table):
            old = table[table["doc_id"].isin(kept_ids)]
        else:
            old = table
        tables[name] = (pd.concat([old, fresh[name]], ignore_index=True)
                        if len(fresh[name]) else old)
    order = {f: i for i, f in enumerate(files)}
    for name in ("documents", "audit", "problems"):
        if len(tables[name]):
            tables[name] = tables[name].sort_values("file", key=lambda s: s.map(order),
                                                    kind="stable").reset_index(drop=True)
    if len(tables["sentences"]):
        doc_order = {d: i for i, d in enumerate(tables["documents"]["doc_id"])}
        tables["sentences"] = tables["sentences"].sort_values(
            ["doc_id", "sent_idx"], key=lambda s: s.map(doc_order) if s.name == "doc_id" else s
        ).reset_index(drop=True)
    return tables


def load_corpus(
    corpus_dir: str | Path = config.CORPUS_DIR,
    *,
    cache_dir: str | Path | None = config.CACHE_DIR,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    drop_duplicates: bool = False,
    max_file_mb: float = config.MAX_FILE_MB,
    progress: bool = False,
) -> Corpus:
    """Load and analyse a corpus folder.

    Args:
        corpus_dir: folder of ``.txt``/``.md`` articles, with an optional ``metadata.csv``.
        cache_dir: where analysed tables are cached (None: no cache).
        engine: "local" (processes on this machine) or "dask" (a Dask distributed cluster).
        scheduler: with engine "dask", the scheduler address (None: a LocalCluster).
        workers: local processes (default: the machine's cores).
        drop_duplicates: leave (near-)duplicate articles out of the analyses (they stay in
            the documents table, flagged).
        max_file_mb: larger files are refused with a problem.
        progress: show a progress bar while analysing.

    Raises:
        CorpusError: the folder does not exist, is not a folder, or holds no readable article.
    """
    folder = Path(corpus_dir).expanduser()
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {folder}")
    if not folder.is_dir():
        raise CorpusError(f"the corpus must be a folder of articles, not a file: {folder}")
    folder = folder.resolve()
    files, folder_problems = list_files(folder)
    if not files:
        raise CorpusError(
            f"no article files ({', '.join(config.ARTICLE_SUFFIXES)}) in the corpus folder {folder}"
        )
    hashes = file_hashes(folder, files)
    metadata_path = folder / config.METADATA_FILE
    metadata_bytes = metadata_path.read_bytes() if metadata_path.is_file() else b""
    options = json.dumps({"drop_duplicates": drop_duplicates, "max_file_mb": max_file_mb})
    fingerprint = fingerprint_of(hashes, metadata_bytes, options)
    cache = None
    if cache_dir is not None:
        corpus_key = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
        cache = Path(cache_dir) / analysis_version() / corpus_key
        final = cache / "final"
        manifest = final / "fingerprint.txt"
        if manifest.is_file() and manifest.read_text() == fingerprint:
            tables = _read_tables(final)
            if tables is not None:
                return Corpus(folder, fingerprint, **_restore_types(tables))
    tables = _analysed_tables(
        folder, files, hashes, cache, engine=engine, scheduler=scheduler,
        workers=workers or os.cpu_count() or 1, max_bytes=int(max_file_mb * 1e6),
        progress=progress,
    )
    if tables["documents"].empty:
        first = tables["problems"].head(5).itertuples()
        reasons = "; ".join(f"{p.file}: {p.message}" for p in first)
        raise CorpusError(f"none of the {len(files)} article file(s) in {folder} could be read "
                          f"({reasons})")
    documents, metadata_problems = merge_metadata(tables["documents"], files, metadata_path)
    documents = add_inferred_columns(documents, tables["documents"])
    documents = duplicates.flag_duplicates(documents).drop(columns="minhash")
    documents["analysable"] = (
        (documents["language"] == "en") & (documents["n_sentences"] > 0)
        & ~(drop_duplicates & documents["duplicate_of"].ne(""))
    )
    problems = pd.concat(
        [pd.DataFrame(folder_problems, columns=PROBLEM_COLUMNS), tables["problems"],
         pd.DataFrame(metadata_problems, columns=PROBLEM_COLUMNS),
         duplicates.duplicate_problems(documents)],
        ignore_index=True,
    )
    final_tables = {"documents": documents, "sentences": tables["sentences"],
                    "audit": tables["audit"], "problems": problems}
    if cache is not None:
        _write_tables(cache / "final", final_tables)
        (cache / "final" / "fingerprint.txt").write_text(fingerprint)
    return Corpus(folder, fingerprint, **_restore_types(final_tables))


def add_inferred_columns(documents: pd.DataFrame, analysed: pd.DataFrame) -> pd.DataFrame:
    """Add what the text states beyond the standard fields: ``published_by`` (the site a repost
    was saved from) with its ``published_by_source``, and ``date_candidates`` (the dates the
    text states that were not taken, ``kind:YYYY-MM-DD; ...``).

    A ``published_by`` given in ``metadata.csv`` wins; an inferred one is dropped when
    ``metadata.csv`` names that site as the outlet. When ``metadata.csv`` gives the date, the
    date the text would have given is listed among the candidates.
    """
    if not len(documents):
        return documents.assign(published_by="", published_by_source="", date_candidates="")
    by_file = dict(zip(analysed["file"], analysed["inferred"], strict=True))
    sources = dict(zip(analysed["file"], analysed["inferred_sources"], strict=True))
    given = documents["published_by"] if "published_by" in documents else None
    published, origins, candidates = [], [], []
    for position, row in enumerate(documents.itertuples(index=False)):
        found = json.loads(by_file[row.file])
        found_sources = json.loads(sources[row.file])
        given_value = str(given.iloc[position]) if given is not None else ""
        inferred_site = found.get("published_by", "")
        if given_value:
            published.append(given_value)
            origins.append("metadata.csv")
        elif inferred_site and not (row.outlet_source == "metadata.csv"
                                    and row.outlet == inferred_site):
            published.append(inferred_site)
            origins.append(found_sources.get("published_by", ""))
        else:
            published.append("")
            origins.append("")
        listed = found.get("date_candidates", "")
        if row.date_source == "metadata.csv" and found.get("date"):
            text_date = f"{found.get('date_kind', 'text')}:{found['date'][:10]}"
            listed = "; ".join(part for part in (text_date, listed) if part)
        candidates.append(listed)
    documents = documents.assign(published_by=published, published_by_source=origins,
                                 date_candidates=candidates)
    order = list(documents.columns)
    for column, after in (("date_candidates", "date_source"), ("published_by", "outlet_source"),
                          ("published_by_source", "published_by")):
        order.remove(column)
        order.insert(order.index(after) + 1, column)
    return documents[order]


def _restore_types(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    problems = tables["problems"]
    problems["line"] = problems["line"].astype("Int64")
    # An empty table comes back as object columns: give every engine and path the same types.
    for column in ("severity", "file", "message"):
        problems[column] = problems[column].astype("str")
    return tables
