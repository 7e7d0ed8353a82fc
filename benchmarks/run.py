"""Measure how communique scales: analysis speed, memory, cache, reports, against the floor.

``python -m benchmarks.run --sizes 1000 10000`` (``make bench``) generates a synthetic corpus
of each size (:mod:`benchmarks.generate`) and measures, each step in a fresh process so that
imports, worker start-up and memory count as a user would see them:

- the cold analysis (``load_corpus`` with an empty cache) on all workers: wall seconds,
  articles/s, MB/s, CPU seconds of the whole process tree, peak memory of the tree (sum of
  the proportional set sizes of the process and its workers, sampled every 100 ms);
- the same on one worker, for the parallel efficiency (one-worker time / (workers x time));
- the floor: the third-party work alone on one core (syntok segmentation of the clean texts,
  TextBlob and VADER on the same sentences), measured right after the cold analysis on all
  workers and right after the one on one worker, and the ratio of each analysis's CPU to it
  (one worker against one core is the like-for-like cost of the analysis);
- the rebuild on the unchanged corpus, and after adding 10 new articles;
- ``communique build`` of every report notebook (analysis cached), and the largest HTML.

It prints a table and writes every figure to ``benchmarks/out/latest.json``. Timings are
figures to read against the targets (see the README's Scale section), never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psutil  # installed with dask.distributed

from benchmarks.generate import add_articles, generate_corpus

OUT_DIR = Path(__file__).resolve().parent / "out"
CLI_MODULE = "helpers.build.cli"  # `communique` as a module, for the report build step
NEW_ARTICLES = 10
SAMPLE_SECONDS = 0.1
# (figure key, label, unit, target as text) for the printed table, in order.
ROWS = [
    ("articles", "articles", "", ""),
    ("megabytes", "corpus size", "MB", ""),
    ("sentences", "sentences", "", ""),
    ("analysis_seconds", "cold analysis, wall", "s", "<= 90 s at 10,000"),
    ("articles_per_second", "articles per second", "/s", ""),
    ("megabytes_per_second", "MB per second", "MB/s", ""),
    ("peak_memory_mb", "peak memory (process tree)", "MB", "< 3,000 MB"),
    ("analysis_cpu_seconds", "analysis CPU, all processes", "s", ""),
    ("floor_cpu_seconds", "floor: syntok+TextBlob+VADER, 1 core", "s", ""),
    ("serial_seconds", "cold analysis on 1 worker, wall", "s", ""),
    ("serial_cpu_seconds", "analysis CPU on 1 worker", "s", ""),
    ("ratio_to_floor", "analysis CPU / floor, 1 worker", "x", "<= 1.25"),
    ("ratio_to_floor_all_workers", "analysis CPU / floor, all workers", "x", ""),
    ("parallel_efficiency", "parallel efficiency", "%", ">= 80 %"),
    ("rebuild_seconds", "rebuild, unchanged corpus", "s", "< 5 s"),
    ("incremental_seconds", f"rebuild after +{NEW_ARTICLES} articles", "s", "< 10 s"),
    ("reports_seconds", "communique build, all reports", "s", "< 180 s"),
    ("largest_report_mb", "largest HTML report", "MB", "<= 5 MB"),
]


@dataclass
class Measured:
    """What one step run in a child process cost, and what it printed."""

    wall_seconds: float
    cpu_seconds: float
    peak_memory_mb: float
    result: dict[str, object] = field(default_factory=dict)


def _tree_memory(process: psutil.Process) -> int:
    """Memory of a process and its descendants: the sum of their proportional set sizes
    (shared pages, such as those of forked workers, split between the processes sharing them;
    the resident set size where PSS is not available)."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            continue
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], *, env: dict[str, str]) -> Measured:
    """Run ``command`` and measure its wall time, CPU time and peak memory, workers included.

    CPU time comes from ``getrusage(RUSAGE_CHILDREN)`` (every descendant the child waited
    for); peak memory is the largest sum of proportional set sizes over the process tree,
    sampled.
    The command's last line of output, if JSON, is returned as ``result``.
    """
    cpu_before = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        process = psutil.Process(child.pid)
        while not done.is_set():
            try:
                peak = max(peak, _tree_memory(process))
            except psutil.Error:
                return
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"benchmark step failed ({child.returncode}): {' '.join(command)}")
    lines = output.strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Measured(
        round(wall, 2), round(_children_cpu() - cpu_before, 2), round(peak / 1e6, 1), result
    )


def step_analyse(corpus_dir: Path, *, workers: int, engine: str) -> dict[str, object]:
    """Load (analyse or read back) a corpus; the time of ``load_corpus`` and the table sizes."""
    from helpers.corpus.load import load_corpus

    started = time.perf_counter()
    corpus = load_corpus(corpus_dir, workers=workers, engine=engine)
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "documents": len(corpus.documents),
        "sentences": len(corpus.sentences),
        "megabytes": round(sum(map(len, corpus.documents["raw_text"])) / 1e6, 2),
    }


def step_floor(corpus_dir: Path) -> dict[str, object]:
    """CPU seconds of the third-party work alone, on one core, on the analysed corpus's texts.

    syntok segments each analysable document's clean text; TextBlob (``TextBlob(s).sentiment``:
    one pass of its pattern analyser) and VADER score every sentence of the sentences table.
    """
    import syntok.segmenter as syntok_segmenter
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from helpers.corpus.load import load_corpus

    corpus = load_corpus(corpus_dir, workers=1)
    texts = corpus.documents.loc[corpus.documents["analysable"], "clean_text"].tolist()
    sentences = corpus.sentences["text"].tolist()
    vader = SentimentIntensityAnalyzer()
    TextBlob("warm up the pattern lexicon").sentiment  # noqa: B018 - loads the lexicon
    started = time.process_time()
    for text in texts:
        for paragraph in syntok_segmenter.analyze(text):
            for sentence in paragraph:
                list(sentence)
    segmented = time.process_time()
    for sentence in sentences:
        TextBlob(sentence).sentiment  # noqa: B018 - the work measured
    textblob_done = time.process_time()
    for sentence in sentences:
        vader.polarity_scores(sentence)
    finished = time.process_time()
    return {
        "syntok": round(segmented - started, 2),
        "textblob": round(textblob_done - segmented, 2),
        "vader": round(finished - textblob_done, 2),
        "seconds": round(finished - started, 2),
        "sentences": len(sentences),
    }


def _python(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.run", *arguments]


def _largest_html(folder: Path) -> float:
    sizes = [path.stat().st_size for path in folder.glob("*.html")]
    return round(max(sizes) / 1e6, 2) if sizes else 0.0


def bench_size(
    size: int, *, work_dir: Path, workers: int, engine: str, reports: bool, seed: int
) -> dict[str, object]:
    """Every figure for one corpus size (the corpus and caches live under ``work_dir``)."""
    folder = work_dir / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    corpus = generate_corpus(folder / "corpus", size, seed=seed)
    env = {**os.environ, "COMMUNIQUE_CACHE": str(folder / "cache")}
    serial_env = {**os.environ, "COMMUNIQUE_CACHE": str(folder / "cache-serial")}
    analyse = _python("--step", "analyse", "--corpus", str(corpus), "--engine", engine)

    floor_step = _python("--step", "floor", "--corpus", str(corpus))
    # The machine's speed drifts (a VM shares its host), so the floor is measured right after
    # each cold analysis it is compared with. The one-worker analysis is the like-for-like
    # cost (one core against one core); on all workers, the cores slow each other down, which
    # the parallel efficiency shows.
    cold = measure([*analyse, "--workers", str(workers)], env=env)
    floor = measure(floor_step, env=env)
    if workers > 1:
        serial = measure([*analyse, "--workers", "1"], env=serial_env)
        shutil.rmtree(folder / "cache-serial", ignore_errors=True)
        serial_floor = measure(floor_step, env=env)
    else:
        serial, serial_floor = cold, floor
    rebuild = measure([*analyse, "--workers", str(workers)], env=env)
    add_articles(corpus, NEW_ARTICLES, seed=seed + 1)
    incremental = measure([*analyse, "--workers", str(workers)], env=env)
    floor_seconds = round((floor.result["seconds"] + serial_floor.result["seconds"]) / 2, 2)
    figures: dict[str, object] = {
        "articles": size,
        "megabytes": cold.result["megabytes"],
        "sentences": cold.result["sentences"],
        "analysis_seconds": cold.result["seconds"],
        "analysis_process_seconds": cold.wall_seconds,
        "articles_per_second": round(size / cold.result["seconds"], 1),
        "megabytes_per_second": round(cold.result["megabytes"] / cold.result["seconds"], 3),
        "peak_memory_mb": cold.peak_memory_mb,
        "analysis_cpu_seconds": cold.cpu_seconds,
        "floor_cpu_seconds": floor_seconds,
        "floor_runs_cpu_seconds": [floor.result["seconds"], serial_floor.result["seconds"]],
        "floor_parts": {k: floor.result[k] for k in ("syntok", "textblob", "vader")},
        "ratio_to_floor": round(serial.cpu_seconds / max(serial_floor.result["seconds"], 1e-9),
                                2),
        "ratio_to_floor_all_workers": round(
            cold.cpu_seconds / max(floor.result["seconds"], 1e-9), 2),
        "serial_seconds": serial.result["seconds"],
        "serial_cpu_seconds": serial.cpu_seconds,
        "parallel_efficiency": round(
            100 * serial.result["seconds"] / (workers * cold.result["seconds"]), 1
        ),
        "rebuild_seconds": rebuild.result["seconds"],
        "rebuild_process_seconds": rebuild.wall_seconds,
        "incremental_seconds": incremental.result["seconds"],
        "incremental_process_seconds": incremental.wall_seconds,
        "workers": workers,
        "engine": engine,
    }
    if reports:
        out = folder / "reports"
        built = measure(
            [
                sys.executable,
                "-m",
                CLI_MODULE,
                "build",
                "--corpus",
                str(corpus),
                "--out",
                str(out),
                "--quiet",
            ],
            env=env,
        )
        figures.update(
            reports_seconds=built.wall_seconds,
            reports_peak_memory_mb=built.peak_memory_mb,
            largest_report_mb=_largest_html(out),
        )
    return figures


def machine() -> dict[str, object]:
    """The machine the figures were measured on."""
    return {
        "cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "processor": platform.processor() or platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def format_table(results: dict[int, dict[str, object]]) -> str:
    """The figures as a plain-text table: one row per figure, one column per corpus size."""
    sizes = sorted(results)
    header = ["figure", *[f"{size:,} articles" for size in sizes], "target"]
    rows = [header]
    for key, label, unit, target in ROWS:
        cells = []
        for size in sizes:
            value = results[size].get(key)
            if value is None:
                cells.append("-")
            elif isinstance(value, float):
                cells.append(f"{value:,.2f} {unit}".strip())
            else:
                cells.append(f"{value:,} {unit}".strip())
        rows.append([label, *cells, target])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def run(
    sizes: list[int],
    *,
    work_dir: Path,
    out_dir: Path,
    workers: int,
    engine: str,
    reports: bool,
    seed: int,
    keep: bool,
) -> dict[str, object]:
    """Benchmark every size, print the table, write ``latest.json`` (after each size, so a
    long run shows its first figures early); returns the record."""
    results = {}
    record: dict[str, object] = {"machine": machine()}
    out_dir.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        print(f"benchmarking {size:,} articles...", flush=True)
        results[size] = bench_size(size, work_dir=work_dir, workers=workers, engine=engine,
                                   reports=reports, seed=seed)
        if not keep:
            shutil.rmtree(work_dir / f"n{size}", ignore_errors=True)
        record["measured_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        record["sizes"] = {str(n): figures for n, figures in results.items()}
        (out_dir / "latest.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    print(format_table(results))
    print(f"figures written to {out_dir / 'latest.json'}")
    return record


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--sizes 1000 10000``; ``--step`` is the child-process entry point."""
    cli = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="corpus sizes (articles) to benchmark",
    )
    cli.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="local worker processes (default: the machine's cores)",
    )
    cli.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="engine of the analysis (dask: a LocalCluster)",
    )
    cli.add_argument("--no-reports", action="store_true", help="skip the report build")
    cli.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    cli.add_argument(
        "--work-dir",
        type=Path,
        default=OUT_DIR / "work",
        help="where corpora, caches and reports are written",
    )
    cli.add_argument("--out", type=Path, default=OUT_DIR, help="folder of latest.json")
    cli.add_argument("--keep", action="store_true", help="keep the corpora, caches and reports")
    cli.add_argument("--step", choices=["analyse", "floor"], help=argparse.SUPPRESS)
    cli.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = cli.parse_args(argv)
    if args.step == "analyse":
        print(json.dumps(step_analyse(args.corpus, workers=args.workers, engine=args.engine)))
    elif args.step == "floor":
        print(json.dumps(step_floor(args.corpus)))
    else:
        run(
            args.sizes,
            work_dir=args.work_dir,
            out_dir=args.out,
            workers=args.workers,
            engine=args.engine,
            reports=not args.no_reports,
            seed=args.seed,
            keep=args.keep,
        )


if __name__ == "__main__":
    main()
