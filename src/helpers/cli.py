"""The ``communique`` command: build the reports for a corpus folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import config
from helpers.build import ParameterError, build_reports, report_notebooks
from helpers.corpus import CorpusError


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(prog="communique", description=__doc__)
    commands = cli.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="analyse a corpus and write the HTML reports")
    build.add_argument("--corpus", default=str(config.CORPUS_DIR),
                       help="folder of .txt/.md articles with an optional metadata.csv")
    build.add_argument("--out", default=str(config.REPORTS_DIR), help="folder for the reports")
    build.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                       metavar=("NAME", "VALUE"), help="pass a parameter to the notebooks")
    build.add_argument("--notebook", action="append", default=[],
                       help="build only this notebook (name or stem); repeatable")
    build.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="run the analysis on this machine's cores or on a Dask cluster")
    build.add_argument("--scheduler", default=None,
                       help="Dask scheduler address (default: start a LocalCluster)")
    build.add_argument("--quiet", action="store_true", help="no progress bars")
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


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 a notebook failed, 2 bad input)."""
    args = parser().parse_args(argv)
    try:
        results = build_reports(
            corpus_dir=args.corpus, out_dir=args.out, parameters=dict(args.parameter),
            notebooks=_select(args.notebook), engine=args.engine, scheduler=args.scheduler,
            progress=not args.quiet,
        )
    except (CorpusError, ParameterError) as error:
        print(f"communique: {error}", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    for result in results:
        print(f"{result.status:>6}  {result.name}  ({result.seconds} s)  {out / result.html}")
    failed = [r for r in results if r.status == "failed"]
    for result in failed:
        print(f"communique: notebook {result.name} failed at {result.error}", file=sys.stderr)
    print(f"index: {out / 'index.html'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
