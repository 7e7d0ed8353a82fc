"""Write the sentence-level export (:func:`helpers.analysis.export.sentences_export`).

Parquet always (typed, compact, read by R's arrow and Python's pandas); CSV as well while it
stays below a size limit, with its text cells neutralised for spreadsheets like every CSV the
reports write (:func:`helpers.report.spreadsheet.safe_for_spreadsheet`). The files are listed
among those the report wrote (:meth:`helpers.report.publish.Report.record_file`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.report.publish import Report
from helpers.report.spreadsheet import safe_for_spreadsheet

CSV_LIMIT_MB = 50.0
NAME = "sentences"
_CHUNK_ROWS = 20_000


def write_sentences(frame: pd.DataFrame, report: Report, *,
                    csv_limit_mb: float = CSV_LIMIT_MB) -> list[Path]:
    """Write ``<out_dir>/tables/sentences.parquet``, and ``sentences.csv`` below the limit.

    The CSV (UTF-8, CRLF line ends) is written in chunks and removed as soon as it grows past
    ``csv_limit_mb``, so a large corpus costs no more memory than a chunk.

    Args:
        frame: :func:`helpers.analysis.export.sentences_export`.
        report: the report whose folder the files go to, and which lists them.
        csv_limit_mb: the largest CSV kept, in MiB.

    Returns:
        The paths written (the parquet file first); none without a reports folder.
    """
    if not report.out_dir:
        return []
    folder = Path(report.out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    parquet = folder / f"{NAME}.parquet"
    frame.to_parquet(parquet, index=False)
    csv = folder / f"{NAME}.csv"
    limit = csv_limit_mb * 1024 * 1024
    with open(csv, "w", encoding="utf-8", newline="") as handle:
        for start in range(0, max(len(frame), 1), _CHUNK_ROWS):
            chunk = safe_for_spreadsheet(frame.iloc[start:start + _CHUNK_ROWS])
            chunk.to_csv(handle, index=False, header=start == 0, lineterminator="\r\n")
            if handle.tell() > limit:
                break
        too_large = handle.tell() > limit
    if too_large:
        csv.unlink()
    written = [parquet] if too_large else [parquet, csv]
    for path in written:
        report.record_file(path)
    return written
