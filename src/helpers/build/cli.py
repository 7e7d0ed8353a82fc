"""The ``communique`` command: build the reports for a corpus folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import config
from helpers.build.index import RecordError, record_file
from helpers.build.parameters import ParameterError, report_notebooks
from helpers.build.rebuild import rebuild_from_record
from helpers.build.reports import build_reports
from helpers.build.run import ReportResult
from helpers.corpus.load import CorpusError


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(prog="communique", description=__doc__)
    commands = cli.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="analyse a corpus and write the HTML reports")
    build.add_argument("--corpus", default=None,
                       help="folder of .txt/.md articles with an optional metadata.csv "
                            f"(default: {config.CORPUS_DIR})")
    build.add_argument("--out", default=None,
                       help=f"folder for the reports (default: {config.REPORTS_DIR}; with "
                            "--from-record: the record's folder)")
    build.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                       metavar=("NAME", "VALUE"), help="pass a parameter to the notebooks")
    build.add_argument("--notebook", action="append", default=[],
                       help="build only this notebook (name or stem); repeatable")
    build.add_argument("--engine", choices=["local", "dask"], default=None,
                       help="run the analysis on this machine's cores (local, the default) "
                            "or on a Dask cluster")
    build.add_argument("--scheduler", default=None,
                       help="Dask scheduler address (default: start a LocalCluster)")
    build.add_argument("--jobs", type=int, default=None,
                       help="notebooks run at the same time (default: the machine's cores; "
                            "each holds the corpus tables in memory, so use 1 if memory is short)")
    build.add_argument("--quiet", action="store_true", help="no progress bars")
    build.add_argument("--from-record", metavar="BUILD_JSON", default=None,
                       help="rebuild the reports of a build.json: same corpus, notebooks and "
                            "parameters (only --out, --jobs and --quiet may be added)")
    return cli


def _select(names: list[str]) -> list[Path] | None:
    if not names:
        return None
    available = {p.stem: p for p in report_notebooks()}
    chosen = []
    for name in names:
        stem = Path(name).stem
        match = available.get(stem) or next((p for s, p in available.items() if stem in s), None)
        if match is None:
            raise ParameterError(f"no report notebook named {name!r}; have: {', '.join(available)}")
        chosen.append(match)
    return chosen


def _build(args: argparse.Namespace) -> tuple[Path, list[ReportResult], list[str]]:
    """Run the build the arguments ask for: the results and any differences from a record."""
    if args.from_record:
        out = Path(args.out) if args.out else record_file(args.from_record).parent
        results, differences = rebuild_from_record(args.from_record, out_dir=out,
                                                   progress=not args.quiet, jobs=args.jobs)
        return out, results, differences
    out = Path(args.out) if args.out else config.REPORTS_DIR
    results = build_reports(
        corpus_dir=args.corpus or config.CORPUS_DIR, out_dir=out,
        parameters=dict(args.parameter), notebooks=_select(args.notebook),
        engine=args.engine or "local", scheduler=args.scheduler, progress=not args.quiet,
        jobs=args.jobs,
    )
    return out, results, []


def failure(error: Exception, *, record: str | None) -> str:
    """One line saying why the build could not run (exit status 2).

    Args:
        error: what stopped it: the corpus, a parameter, the record, or the system (a file or
            folder that cannot be read or written, named with the system's reason).
        record: the build record a rebuild was asked for (None: a build from a corpus).
    """
    reason = str(error)
    if isinstance(error, OSError) and error.strerror:
        reason = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    if record is None:
        return reason
    if isinstance(error, RecordError):  # it names the record's file already
        return f"cannot rebuild: {reason}"
    return f"cannot rebuild from {record}: {reason}"


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 a notebook failed, 2 bad input)."""
    cli = parser()
    args = cli.parse_args(argv)
    if args.from_record and (args.corpus or args.parameter or args.notebook or args.engine
                             or args.scheduler):
        cli.error("--from-record takes the corpus, parameters, notebooks and engine from "
                  "the record; only --out, --jobs and --quiet can be added")
    try:
        out, results, differences = _build(args)
    except (CorpusError, ParameterError, RecordError, OSError) as error:
        print(f"communique: {failure(error, record=args.from_record)}", file=sys.stderr)
        return 2
    for difference in differences:
        print(f"communique: warning: {difference}", file=sys.stderr)
    out = out.resolve()
    for result in results:
        print(f"{result.status:>6}  {result.name}  ({result.seconds} s)  {out / result.html}")
    failed = [r for r in results if r.status == "failed"]
    for result in failed:
        print(f"communique: notebook {result.name} failed at {result.error}", file=sys.stderr)
    print(f"index: {out / 'index.html'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
