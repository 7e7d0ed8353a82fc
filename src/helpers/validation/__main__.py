"""``python -m helpers.validation``: print the validation figures on the gold sets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import config
from helpers.validation.attribution import attribution_report, validate_attribution
from helpers.validation.field import field_report, validate_field
from helpers.validation.rhetoric import rhetoric_report, validate_rhetoric
from helpers.validation.stance import validate_stance


def print_rows(title: str, rows: list[tuple[str, str, str, bool | None]]) -> None:
    """Print a titled table of (figure, value, target, met) rows."""
    print(f"\n{title}")
    width = max(len(row[0]) for row in rows)
    for name, value, target, met in rows:
        mark = "" if met is None else ("  ok" if met else "  MISSED")
        aim = f"  (target {target})" if target else ""
        print(f"  {name:<{width}}  {value}{aim}{mark}")


def main(argv: list[str] | None = None) -> int:
    """Print every validation table; ``--errors`` also lists what each got wrong."""
    cli = argparse.ArgumentParser(prog="python -m helpers.validation", description=__doc__)
    cli.add_argument("--field", type=Path, default=config.PROJECT_DIR / "tests" / "field",
                     help="the field corpus folder (articles/, gold.csv, lines.csv)")
    cli.add_argument("--field-holdout", type=Path,
                     default=config.PROJECT_DIR / "tests" / "field_holdout",
                     help="the held-out field corpus, written without seeing the code")
    cli.add_argument("--gold", type=Path,
                     default=config.PROJECT_DIR / "tests" / "gold" / "attribution",
                     help="the attribution gold set (passages.txt, sentences.csv)")
    cli.add_argument("--holdout", type=Path,
                     default=config.PROJECT_DIR / "tests" / "gold" / "attribution_holdout",
                     help="the held-out attribution set, written without seeing the code")
    cli.add_argument("--stance", type=Path,
                     default=config.PROJECT_DIR / "tests" / "gold" / "stance",
                     help="the coded stance set (articles and codes.csv)")
    cli.add_argument("--stance-holdout", type=Path,
                     default=config.PROJECT_DIR / "tests" / "gold" / "stance_holdout",
                     help="a coded set written without seeing the lexicon or the code")
    cli.add_argument("--errors", action="store_true", help="list every wrong or missed value")
    args = cli.parse_args(argv)
    for field, label in ((args.field, "tuned on"), (args.field_holdout, "held out")):
        scores = validate_field(field)
        print_rows(f"Articles from the web, {label}: {scores.n_articles} articles ({field})",
                   field_report(scores))
        if args.errors and len(scores.errors):
            print(scores.errors.to_string(index=False, max_colwidth=70))
    for gold, label in ((args.gold, "tuned on"), (args.holdout, "held out")):
        attribution = validate_attribution(gold)
        print_rows(f"Who says what, {label} ({gold})", attribution_report(attribution))
        if args.errors and len(attribution.errors):
            print(attribution.errors.to_string(index=False, max_colwidth=70))
        rhetoric = validate_rhetoric(gold)
        print_rows(f"Formulas, speech acts, issue frames and polarity, {label} ({gold})",
                   rhetoric_report(rhetoric))
        if args.errors and len(rhetoric.errors):
            print(rhetoric.errors.to_string(index=False, max_colwidth=70))
    for coded, label in ((args.stance, "written with the lexicon"),
                         (args.stance_holdout, "held out")):
        print_rows(f"Tone and stance against hand codes, {label} ({coded})",
                   validate_stance(coded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
