"""Read a date a user typed: in ``metadata.csv``, an events file, or a report parameter.

One strict reader for every date a person writes, so that ``12/05/2024`` means the same thing
(nothing: it is refused as ambiguous) wherever it is typed. A date keeps its precision: ``2019``
is a year, ``2019-06`` (or ``2019-6``) a month, ``2019-06-30`` a day, so that a period ending
``2019-06`` includes all of June.

Accepted forms (letter case, a leading weekday and commas do not matter):

- ``2024``, ``2024-05`` or ``2024-5``, ``2024-05-25`` (a time after the day is ignored);
- ``May 2024``, ``May 25, 2024``, ``25 May 2024``, ``Saturday, 25 May 2024``, ``25th May 2024``,
  month names in full or abbreviated (``Sept.``).

Dates written with numbers and the year last (``12/05/2024``, ``05-12-2024``) are refused:
they are read as day/month in some countries and month/day in others.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd

Precision = Literal["year", "month", "day"]

ACCEPTED_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, 'May 2024', 'May 25, 2024' or '25 May 2024'"

_PERIOD_FREQ = {"year": "Y", "month": "M", "day": "D"}
_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_FORMS = [
    # 2024, 2024-05, 2024-5, 2024-05-25, 2024-05-25 15:33:24 (the time is ignored)
    re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
               r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?)?$"),
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$"),  # May 2024
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),  # (Saturday,) May 25, 2024
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}$"),  # (Saturday) 25 May 2024
]
_YEAR_LAST = re.compile(r"^(?P<a>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
                        r"(?P<year>\d{2}|\d{4})$")


@dataclass(frozen=True)
class UserDate:
    """A date as typed: its first day and how precise it is (a year, a month or a day)."""

    first_day: pd.Timestamp
    precision: Precision

    @property
    def period(self) -> pd.Period:
        """The year, month or day the date names."""
        return self.first_day.to_period(_PERIOD_FREQ[self.precision])

    @property
    def last_day(self) -> pd.Timestamp:
        """The last day of the period the date names (the date itself for a day)."""
        return self.period.end_time.normalize()

    @property
    def after(self) -> pd.Timestamp:
        """The first moment after the period: an end bound includes what is before it."""
        return (self.period + 1).start_time


def _refusal(what: str, text: str, reason: str) -> ValueError:
    return ValueError(f"{what} {text!r} {reason}")


def _ambiguous(what: str, text: str, match: re.Match[str]) -> ValueError:
    a, b, year = int(match["a"]), int(match["b"]), match["year"]
    readings = [f"{day} {calendar.month_name[month]} {year}"
                for day, month in ((a, b), (b, a)) if 1 <= month <= 12 and 1 <= day <= 31]
    question = f" ({' or '.join(dict.fromkeys(readings))}?)" if readings else ""
    return _refusal(what, text, "is not a date format communique reads: a numeric date with the "
                    "year last is ambiguous, day-first in some countries and month-first in "
                    f"others{question}; write YYYY-MM-DD")


def parse_user_date(text: str, *, what: str = "date") -> UserDate:
    """Read a date a user typed, strictly.

    Args:
        text: the date as typed (surrounding spaces are ignored).
        what: what the date is, named at the start of an error ("start", "row 3, column
            date:").

    Returns:
        The date's first day and its precision (year, month or day).

    Raises:
        ValueError: an empty text, an ambiguous numeric date (``12/05/2024``), an impossible
            date (``2024-13-45``) or any other text; the message names ``what`` and the
            accepted forms.
    """
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise _refusal(what, cleaned, f"is empty; write {ACCEPTED_FORMS}")
    year_last = _YEAR_LAST.match(cleaned)
    if year_last:
        raise _ambiguous(what, cleaned, year_last)
    for form in _FORMS:
        match = form.match(cleaned.lower())
        if match:
            break
    else:
        raise _refusal(what, cleaned, f"is not a date format communique reads; write "
                       f"{ACCEPTED_FORMS}")
    month_text, day_text = match["month"], match.groupdict().get("day")
    if month_text is None:
        month = 1
    elif month_text.isdigit():
        month = int(month_text)
    elif month_text in _MONTH_NUMBERS:
        month = _MONTH_NUMBERS[month_text]
    else:
        raise _refusal(what, cleaned, f"names no month ({month_text!r}); write {ACCEPTED_FORMS}")
    year = int(match["year"])
    if not 1 <= month <= 12:
        raise _refusal(what, cleaned, f"is not a valid date: there is no month {month}")
    day = int(day_text) if day_text else 1
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise _refusal(what, cleaned, f"is not a valid date: {calendar.month_name[month]} "
                       f"{year} has {days_in_month} days")
    try:
        first_day = pd.Timestamp(year=year, month=month, day=day).as_unit("ns")
    except (ValueError, OverflowError) as error:  # outside the years pandas can hold
        raise _refusal(what, cleaned, "is outside the years communique can hold "
                       f"({pd.Timestamp.min.year + 1}-{pd.Timestamp.max.year - 1})") from error
    precision: Precision = "day" if day_text else "month" if month_text else "year"
    return UserDate(first_day, precision)
