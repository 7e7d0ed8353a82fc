"""The one reader of user-typed dates (helpers.corpus.dates), and the period bounds of the
notebooks (helpers.analysis.timeline.filter_period) that use it."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.timeline import filter_period
from helpers.corpus.dates import ACCEPTED_FORMS, parse_user_date

READABLE = [
    # (typed, first day, precision)
    ("2019", "2019-01-01", "year"),
    ("2019-06", "2019-06-01", "month"),
    ("2019-6", "2019-06-01", "month"),  # June 2019, not 6 January or one day
    ("2019-06-30", "2019-06-30", "day"),
    ("2019-6-3", "2019-06-03", "day"),
    (" 2024-02-29 ", "2024-02-29", "day"),  # a leap day; spaces around are ignored
    ("2019-04-19 15:33:24", "2019-04-19", "day"),  # a time after the day is ignored
    ("2019-04-19T15:33", "2019-04-19", "day"),
    ("May 2024", "2024-05-01", "month"),
    ("may, 2024", "2024-05-01", "month"),
    ("Sept. 2024", "2024-09-01", "month"),
    ("December 2024", "2024-12-01", "month"),
    ("May 25, 2024", "2024-05-25", "day"),
    ("May 25 2024", "2024-05-25", "day"),
    ("Saturday, May 25, 2024", "2024-05-25", "day"),
    ("25 May 2024", "2024-05-25", "day"),
    ("25 May, 2024", "2024-05-25", "day"),
    ("Saturday 25 May 2024", "2024-05-25", "day"),
    ("Sat, 25 May 2024", "2024-05-25", "day"),
    ("25th May 2024", "2024-05-25", "day"),
    ("1 JAN 2020", "2020-01-01", "day"),
]

REFUSED = [
    # (typed, what the message says)
    ("12/05/2024", "ambiguous"),  # 12 May or 5 December
    ("05-12-2024", "ambiguous"),
    ("12.05.2024", "ambiguous"),
    ("5/12/24", "ambiguous"),
    ("25/12/2024", "write YYYY-MM-DD"),  # only one reading, but the form is refused everywhere
    ("2024-13-45", "is not a valid date: there is no month 13"),
    ("2024-00", "there is no month 0"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("2024-04-31", "April 2024 has 30 days"),
    ("31 June 2024", "June 2024 has 30 days"),
    ("Mayo 2024", "names no month"),
    ("2024/05/12", "is not a date format communique reads"),
    ("20240512", "is not a date format communique reads"),
    ("May 25", "is not a date format communique reads"),  # no year
    ("last Tuesday", "is not a date format communique reads"),
    ("19-06", "is not a date format communique reads"),
    ("", "is empty"),
    ("1 May 1500", "outside the years"),
]


@pytest.mark.parametrize(("typed", "first_day", "precision"), READABLE)
def test_readable_dates(typed: str, first_day: str, precision: str) -> None:
    date = parse_user_date(typed)
    assert (f"{date.first_day:%Y-%m-%d}", date.precision) == (first_day, precision)


@pytest.mark.parametrize(("typed", "fragment"), REFUSED)
def test_refused_dates_say_why_and_what_to_write(typed: str, fragment: str) -> None:
    with pytest.raises(ValueError) as refusal:
        parse_user_date(typed, what="end")
    message = str(refusal.value)
    assert message.startswith(f"end {typed.strip()!r} ")
    assert fragment in message
    if "format" in fragment:
        assert message.endswith(f"write {ACCEPTED_FORMS}")


def test_an_ambiguous_date_names_both_readings() -> None:
    with pytest.raises(ValueError, match=r"\(12 May 2024 or 5 December 2024\?\)"):
        parse_user_date("12/05/2024")


@pytest.mark.parametrize(
    ("typed", "last_day", "after"),
    [
        ("2019", "2019-12-31", "2020-01-01"),
        ("2019-6", "2019-06-30", "2019-07-01"),
        ("2024-02", "2024-02-29", "2024-03-01"),
        ("2019-06-30", "2019-06-30", "2019-07-01"),
    ],
)
def test_a_date_covers_its_period(typed: str, last_day: str, after: str) -> None:
    date = parse_user_date(typed)
    assert (f"{date.last_day:%Y-%m-%d}", f"{date.after:%Y-%m-%d}") == (last_day, after)


DOCUMENTS = pd.DataFrame({"date": pd.to_datetime(
    ["2019-05-31", "2019-06-01", "2019-06-30", "2019-07-01", "2020-01-01", None])})


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        ("", "", ["2019-05-31", "2019-06-01", "2019-06-30", "2019-07-01", "2020-01-01"]),
        ("2019-06", "2019-06", ["2019-06-01", "2019-06-30"]),  # all of June
        ("2019-6", "2019-6", ["2019-06-01", "2019-06-30"]),  # the same month, not one day
        ("June 2019", "June 2019", ["2019-06-01", "2019-06-30"]),
        ("2019-06-30", "2019", ["2019-06-30", "2019-07-01"]),
        ("", "2019-06-01", ["2019-05-31", "2019-06-01"]),
        ("2020", "", ["2020-01-01"]),
    ],
)
def test_period_bounds_include_their_whole_year_month_or_day(start, end, kept) -> None:
    selected = filter_period(DOCUMENTS, start=start, end=end)
    assert list(selected["date"].dropna().dt.strftime("%Y-%m-%d")) == kept
    assert selected["date"].isna().sum() == 1  # undated documents are kept


@pytest.mark.parametrize(("start", "end", "named"), [("12/05/2024", "", "start"),
                                                      ("", "2019-13", "end")])
def test_bad_period_bounds_are_refused_by_name(start, end, named) -> None:
    with pytest.raises(ValueError, match=f"^{named} "):
        filter_period(DOCUMENTS, start=start, end=end)
