"""Make text cells safe to open in a spreadsheet (CSV injection, as OWASP describes it).

Corpus text is untrusted, and every CSV a report writes is opened in Excel or LibreOffice by
someone. A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
could run as a formula there, so it is prefixed with a single quote, which spreadsheets show
as text. Numeric, boolean and date columns are left as they are: numbers stay numbers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text value that cannot start a formula; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_for_spreadsheet(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are neutralised (only text columns are touched)."""
    text_columns = [c for c in frame.columns
                    if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]
    if not text_columns:
        return frame
    safe = frame.copy()
    for column in text_columns:
        safe[column] = safe[column].map(neutralise, na_action="ignore")
    if not all(isinstance(c, str) for c in safe.columns):
        return safe
    safe.columns = [neutralise(c) for c in safe.columns]
    return safe
