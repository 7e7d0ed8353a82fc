"""Events on time charts (helpers.report.events): reading the events file, placing events on
period axes, and naming them."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.report import events  # noqa: E402


def write_events(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "events.csv"
    path.write_text("# my events\n" + body, encoding="utf-8")
    return path


def test_shipped_events_are_dated_and_labelled():
    shipped = events.load_events("")
    assert len(shipped) >= 10 and shipped["date"].notna().all()
    assert shipped["date"].is_monotonic_increasing
    assert (shipped["label"].str.len() > 0).all() and (shipped["label"].str.len() <= 70).all()
    assert events.load_events("none").empty


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("when,label\n2020-01-01,x\n", "needs the column"),
        ("date,label\nsoon,x\n", "row 1, column date: 'soon' is not a date format"),
        # The shared date reader (helpers.corpus.dates): ambiguous and impossible dates.
        ("date,label\n2020-01-01,x\n12/05/2024,y\n", "row 2, column date: '12/05/2024' .*"
         "ambiguous"),
        ("date,label\n05-12-2024,y\n", "row 1, column date: .*ambiguous"),
        ("date,label\n2024-13-45,y\n", "row 1, column date: '2024-13-45' is not a valid date"),
        ("date,label\n,y\n", "row 1, column date: '' is empty"),
    ],
)
def test_bad_events_files_are_named(tmp_path, body, message):
    with pytest.raises(ValueError, match=message):
        events.load_events(str(write_events(tmp_path, body)))


def test_an_events_file_without_kind_and_with_month_dates(tmp_path):
    table = events.load_events(str(write_events(tmp_path, "date,label\n2021-06,B\n2020-01-02,A\n")))
    assert list(table["label"]) == ["A", "B"]
    assert table["date"].iloc[1] == pd.Timestamp("2021-06-01") and list(table["kind"]) == ["", ""]


def test_events_dates_are_read_as_metadata_dates_are(tmp_path):
    body = "date,label\n2021-6,June\n25 May 2024,Visit\n\"May 26, 2024\",Signing\n2019,Year\n"
    table = events.load_events(str(write_events(tmp_path, body)))
    assert list(table["date"].dt.strftime("%Y-%m-%d")) == [
        "2019-01-01", "2021-06-01", "2024-05-25", "2024-05-26"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2019-01-01", -0.5),  # start of the first bar's slot
        ("2019-07-02", 0.0),  # middle of 2019
        ("2021-01-01", 0.5),  # 2020 has no bar: in the gap between 2019 and 2022
        ("2022-12-31", 1.5),  # end of the last slot (approximately)
        ("2018-06-01", None),  # before the periods shown
    ],
)
def test_period_positions(date, expected):
    periods = list(pd.PeriodIndex(["2019", "2022"], freq="Y"))
    [position] = events.period_positions(pd.Series([pd.Timestamp(date)]), periods)
    if expected is None:
        assert pd.isna(position)
    else:
        assert position == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2019", pd.Period("2019", freq="Y")),
        ("2019Q2", pd.Period("2019Q2", freq="Q")),
        ("2019-06", pd.Period("2019-06", freq="M")),
        (str(pd.Period("2019-06-05", freq="W")), pd.Period("2019-06-05", freq="W")),
        (pd.Period("2020", freq="Y"), pd.Period("2020", freq="Y")),
    ],
)
def test_period_labels_are_read_back(label, expected):
    assert events.as_period(label) == expected


def test_describe_names_the_events_drawn():
    marked = pd.DataFrame({"date": pd.to_datetime(["2020-05-01", "2021-01-09"]),
                           "label": ["A visit", "A treaty"], "kind": "", "x": [0.1, 0.9]})
    assert events.describe(marked) == ("Dashed lines, left to right: A visit (May 2020); "
                                       "A treaty (Jan 2021).")
    assert events.describe(marked.iloc[:0]) == ""


def test_mark_events_draws_only_events_inside_the_range():
    table = pd.DataFrame({"date": pd.to_datetime(["2015-05-01", "2020-05-01", "2030-01-01"]),
                          "label": ["before", "inside", "after"], "kind": ""})
    fig, ax = plt.subplots()
    dates = pd.to_datetime(["2019-01-01", "2022-01-01"])
    ax.plot(dates, [1, 2])
    drawn = events.mark_events(ax, table)
    assert list(drawn["label"]) == ["inside"]
    assert [t.get_text() for t in ax.texts] == ["inside (May 2020)"]
    fig2, ax2 = plt.subplots()
    ax2.bar(["2019", "2020"], [1, 2])
    periods = list(pd.PeriodIndex(["2019", "2020"], freq="Y"))
    drawn = events.mark_events(ax2, table, periods=periods)
    assert list(drawn["label"]) == ["inside"]
    assert drawn["x"].iloc[0] == pytest.approx(0.83, abs=0.01)
    assert events.mark_events(ax2, events.load_events("none")).empty
    fig3, ax3 = plt.subplots()
    ax3.plot(dates, [1, 2])
    assert len(events.mark_events(ax3, table, labels=False)) == 1 and not ax3.texts
    plt.close("all")


