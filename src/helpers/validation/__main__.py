"""``python -m helpers.validation``: print the validation figures on the gold sets.

Each kind of gold set comes in several parts, each measured apart: the **tuned** part the rules
were developed on; **held-out** parts, each written blind and measured once blind, after which
its failures were used to generalise the rules by class. The figures each part gave while it
was still blind (in the README) are the ones to expect on text nobody tuned for; the latest,
D, was measured blind on 2026-12-08 and then released.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import config
from helpers.validation.attribution import attribution_report, validate_attribution
from helpers.validation.field import field_report, validate_field
from helpers.validation.rhetoric import rhetoric_report, validate_rhetoric
from helpers.validation.stance import validate_stance

TESTS = config.PROJECT_DIR / "tests"
GOLD = TESTS / "gold"
# (folder, what it is) for each kind of set, in the order they were written.
FIELD_SETS = [
    (TESTS / "field", "tuned on"),
    (TESTS / "field_holdout", "held out A"),
    (TESTS / "field_blind", "held out B"),
    (TESTS / "field_blind2", "held out C"),
    (TESTS / "field_blind3", "held out D"),
]
ATTRIBUTION_SETS = [
    (GOLD / "attribution", "tuned on"),
    (GOLD / "attribution_holdout", "held out A"),
    (GOLD / "attribution_blind", "held out B"),
    (GOLD / "attribution_blind2", "held out C"),
    (GOLD / "attribution_blind3", "held out D"),
]
STANCE_SETS = [
    (GOLD / "stance", "written with the lexicon"),
    (GOLD / "stance_holdout", "held out"),
    (GOLD / "stance_blind", "blind"),
]


def print_rows(title: str, rows: list[tuple[str, str, str, bool | None]]) -> None:
    """Print a titled table of (figure, value, target, met) rows."""
    print(f"\n{title}")
    width = max(len(row[0]) for row in rows)
    for name, value, target, met in rows:
        mark = "" if met is None else ("  ok" if met else "  MISSED")
        aim = f"  (target {target})" if target else ""
        print(f"  {name:<{width}}  {value}{aim}{mark}")


def _sets(folders: list[Path] | None, defaults: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """The sets to measure: the folders given on the command line, else the project's own."""
    if not folders:
        return defaults
    return [(folder, folder.name) for folder in folders]


def main(argv: list[str] | None = None) -> int:
    """Print every validation table; ``--errors`` also lists what each got wrong."""
    cli = argparse.ArgumentParser(prog="python -m helpers.validation", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--field", type=Path, nargs="+",
                     help="field corpus folders (articles/, gold.csv, lines.csv); "
                          "default: the project's five")
    cli.add_argument("--gold", type=Path, nargs="+",
                     help="attribution gold folders (passages.txt, sentences.csv); "
                          "default: the project's five")
    cli.add_argument("--stance", type=Path, nargs="+",
                     help="coded stance folders (articles and codes.csv); "
                          "default: the project's three")
    cli.add_argument("--errors", action="store_true", help="list every wrong or missed value")
    args = cli.parse_args(argv)
    for field, label in _sets(args.field, FIELD_SETS):
        scores = validate_field(field)
        print_rows(f"Articles from the web, {label}: {scores.n_articles} articles ({field})",
                   field_report(scores))
        if args.errors and len(scores.errors):
            print(scores.errors.to_string(index=False, max_colwidth=70))
    for gold, label in _sets(args.gold, ATTRIBUTION_SETS):
        attribution = validate_attribution(gold)
        print_rows(f"Who says what, {label} ({gold})", attribution_report(attribution))
        if args.errors and len(attribution.errors):
            print(attribution.errors.to_string(index=False, max_colwidth=70))
        rhetoric = validate_rhetoric(gold)
        print_rows(f"Formulas, speech acts, issue frames and polarity, {label} ({gold})",
                   rhetoric_report(rhetoric))
        if args.errors and len(rhetoric.errors):
            print(rhetoric.errors.to_string(index=False, max_colwidth=70))
    for coded, label in _sets(args.stance, STANCE_SETS):
        print_rows(f"Tone and stance against hand codes, {label} ({coded})",
                   validate_stance(coded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
