"""Unit tables for helpers.analysis.sentiment (and the sentence scores it reads): scoring
direction, aggregation, intervals, trend, groups, targets, agreement and evidence. The
sentences stating findings are tested in test_findings_sentiment, the figures in
test_plots_sentiment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob

from helpers import config
from helpers.analysis import sentiment
from helpers.corpus import scoring
from tests.synthetic import HOSTILE, NEUTRAL, WARM

WARM_SENTENCE = "The two leaders hailed their excellent, friendly and fruitful partnership."
NEUTRAL_SENTENCE = "The delegation arrived in the capital on Tuesday for the talks."
HOSTILE_SENTENCE = "Critics condemned the terrible deal as a corrupt and dangerous betrayal."


@pytest.mark.parametrize("measure", ["tb_polarity", "vader_compound"])
@pytest.mark.parametrize(
    ("warmer", "cooler"),
    [
        (WARM_SENTENCE, NEUTRAL_SENTENCE),
        (NEUTRAL_SENTENCE, HOSTILE_SENTENCE),
        (WARM_SENTENCE, HOSTILE_SENTENCE),
        ("Cambodia thanked China for its kind and valuable support.",
         "Cambodia accused China of unfair and harmful interference."),
        ("Beijing praised the successful visit.", "Beijing angrily rejected the failed proposal."),
    ],
)
def test_warm_sentences_score_above_cooler_ones(measure: str, warmer: str, cooler: str) -> None:
    scores = scoring.score_sentences([warmer, cooler])[measure]
    assert scores[0] > scores[1]


@pytest.mark.parametrize("measure", ["tb_polarity", "vader_compound"])
@pytest.mark.parametrize(
    ("text", "sign"),
    [(WARM_SENTENCE, 1), (NEUTRAL_SENTENCE, 0), (HOSTILE_SENTENCE, -1)]
    + [(s, 1) for s in WARM[:2]] + [(s, -1) for s in HOSTILE[:2]],
)
def test_sentence_score_sign(measure: str, text: str, sign: int) -> None:
    score = scoring.score_sentences([text])[measure][0]
    if sign == 0:
        assert abs(score) < 0.1
    else:
        assert np.sign(score) == sign


def test_scores_have_every_column_in_order() -> None:
    scores = scoring.score_sentences(WARM + NEUTRAL + HOSTILE)
    assert list(scores.columns) == scoring.SCORE_COLUMNS
    assert len(scores) == len(WARM + NEUTRAL + HOSTILE)
    assert scores[["vader_pos", "vader_neu", "vader_neg"]].sum(axis=1).round(2).eq(1).all()
    assert scoring.score_sentences([]).columns.tolist() == scoring.SCORE_COLUMNS


@pytest.mark.parametrize("text", [WARM_SENTENCE, HOSTILE_SENTENCE, "It was not very bad at all."])
def test_scores_match_textblob_sentiment_assessments(text: str) -> None:
    expected = TextBlob(text).sentiment_assessments
    row = scoring.score_sentences([text]).iloc[0]
    assert row["tb_polarity"] == pytest.approx(expected.polarity)
    assert row["tb_subjectivity"] == pytest.approx(expected.subjectivity)
    assert row["tb_assessments"] == scoring.format_assessments(expected.assessments)


@pytest.mark.parametrize(
    ("assessments", "expected"),
    [
        ([(["strong"], 0.4333, 0.73, None), (["generous"], 0.4, 0.5, None)],
         "strong:+0.43; generous:+0.40"),
        ([(["not", "very", "bad"], 0.269, 0.5, None)], "not very bad:+0.27"),
        ([([";", ")"], 0.5, 1.0, "mood")], ", ):+0.50"),
        ([], ""),
    ],
)
def test_format_and_parse_assessments(assessments: list, expected: str) -> None:
    text = scoring.format_assessments(assessments)
    assert text == expected
    assert [p for p, _ in scoring.parse_assessments(text)] == [
        " ".join(words).replace(";", ",") for words, *_ in assessments]


def scored_table() -> pd.DataFrame:
    """Two documents: a (two sentences of 10 and 30 words) and b (one sentence)."""
    return pd.DataFrame({
        "doc_id": ["a", "a", "b"],
        "sent_idx": [0, 1, 0],
        "n_words": [10, 30, 5],
        "vader_compound": [0.8, -0.4, 0.02],
        "vader_pos": [0.5, 0.0, 0.1],
        "vader_neu": [0.5, 0.7, 0.9],
        "vader_neg": [0.0, 0.3, 0.0],
        "tb_polarity": [0.5, -0.05, -0.2],
        "tb_subjectivity": [0.6, 0.2, 0.4],
        "tb_assessments": ["great:+0.80; warm:+0.20", "bad:-0.70; great:+0.80", "poor:-0.40"],
        "text": ["Great and warm.", "Bad, but great.", "Poor."],
    })


@pytest.mark.parametrize(
    ("doc_id", "column", "expected"),
    [
        ("a", "vader_compound", (0.8 * 10 - 0.4 * 30) / 40),
        ("a", "tb_polarity", (0.5 * 10 - 0.05 * 30) / 40),
        ("a", "vader_neg", 0.3 * 30 / 40),
        ("a", "n_sentences", 2),
        ("a", "n_words", 40),
        ("a", "vader_share_positive", 0.5),
        ("a", "vader_share_negative", 0.5),
        ("a", "tb_share_positive", 0.5),
        ("a", "tb_share_negative", 0.0),
        ("b", "vader_compound", 0.02),
        ("b", "vader_share_positive", 0.0),
        ("b", "tb_share_negative", 1.0),
    ],
)
def test_document_scores_arithmetic(doc_id: str, column: str, expected: float) -> None:
    table = sentiment.document_scores(scored_table()).set_index("doc_id")
    assert table.loc[doc_id, column] == pytest.approx(expected)


def test_document_scores_cutoffs_are_options() -> None:
    table = sentiment.document_scores(scored_table(), vader_cutoff=0.01,
                                      textblob_cutoff=0.5).set_index("doc_id")
    assert table.loc["b", "vader_share_positive"] == 1.0
    assert table.loc["b", "tb_share_negative"] == 0.0


def test_bootstrap_interval_contains_mean_and_narrows_with_more_data() -> None:
    rng = np.random.default_rng(7)
    small, large = rng.normal(0.2, 0.5, 20), rng.normal(0.2, 0.5, 2000)
    values = np.r_[small, large]
    groups = np.r_[np.zeros(20, int), np.ones(2000, int)]
    means, low, high = sentiment.bootstrap_weighted_means(values, np.ones(len(values)), groups,
                                                          n_boot=500)
    assert means[:, 0] == pytest.approx([small.mean(), large.mean()])
    assert (low[:, 0] <= means[:, 0]).all() and (means[:, 0] <= high[:, 0]).all()
    assert (high - low)[1, 0] < (high - low)[0, 0] / 3


def test_bootstrap_is_seeded_and_one_item_has_no_width() -> None:
    values, weights = np.array([0.3, -0.2, 0.5, 0.1]), np.array([1.0, 2.0, 3.0, 4.0])
    groups = np.array([1, 0, 0, 0])
    first = sentiment.bootstrap_weighted_means(values, weights, groups, seed=3)
    again = sentiment.bootstrap_weighted_means(values, weights, groups, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    means, low, high = first
    assert low[1, 0] == pytest.approx(0.3) and high[1, 0] == pytest.approx(0.3)
    assert means[0, 0] == pytest.approx((-0.2 * 2 + 0.5 * 3 + 0.1 * 4) / 9)


def test_interval_table_counts_and_columns() -> None:
    table = sentiment.interval_table(scored_table().assign(side=["x", "x", "y"]), by=["side"],
                                     n_boot=200)
    assert list(table["side"]) == ["x", "y"]
    assert list(table["n_sentences"]) == [2, 1] and list(table["n_docs"]) == [1, 1]
    assert {"vader_compound_low", "tb_polarity_high"} <= set(table.columns)
    assert sentiment.interval_table(scored_table().iloc[0:0], by=["doc_id"]).empty


def test_bootstrap_is_quick_on_many_sentences() -> None:
    rng = np.random.default_rng(0)
    n = 200_000
    values, weights = rng.uniform(-1, 1, n), rng.integers(1, 40, n).astype(float)
    groups = np.repeat(np.arange(n // 20), 20)
    means, low, high = sentiment.bootstrap_weighted_means(values, weights, groups, n_boot=100)
    assert means.shape == low.shape == high.shape == (n // 20, 1)


def dated_sentences(per_year: dict[int, list[str]]) -> pd.DataFrame:
    """Score sentences, one document per sentence, dated 1 June of their year."""
    rows = []
    for year, texts in per_year.items():
        for i, text in enumerate(texts):
            rows.append({"doc_id": f"{year}-{i}", "sent_idx": 0, "text": text,
                         "n_words": len(text.split()), "date": pd.Timestamp(f"{year}-06-01")})
    table = pd.DataFrame(rows)
    return pd.concat([table, scoring.score_sentences(table["text"].tolist())], axis=1)


def documents_of(sentences: pd.DataFrame) -> pd.DataFrame:
    return sentiment.documents_table(sentences.assign(file=sentences["doc_id"], title="",
                                                      outlet=""), sentences, n_boot=50)


def test_warm_then_hostile_trends_down_and_thin_bins_are_flagged() -> None:
    sentences = dated_sentences({2019: WARM[:3], 2020: WARM[3:] + NEUTRAL[:1],
                                 2021: HOSTILE[:1], 2022: HOSTILE[1:]})
    binned = sentiment.scores_over_time(sentences, freq="year", min_docs=2, n_boot=200)
    assert [str(b) for b in binned["bin"]] == ["2019", "2020", "2021", "2022"]
    assert list(binned["thin"]) == [False, False, True, False]
    assert list(binned["n_docs"]) == [3, 2, 1, 3]
    # A bin of one document has no interval between documents.
    assert binned.loc[2, ["vader_compound_low", "vader_compound_high"]].isna().all()
    legacy = sentiment.scores_over_time(sentences, freq="year", min_docs_per_bin=3, n_boot=50)
    assert list(legacy["thin"]) == [False, True, True, False]
    result = sentiment.trend(documents_of(sentences), binned=binned, min_docs=3, n_boot=200)
    assert result.direction == "down" and result.slope_high < 0 < -result.slope_per_year
    assert (result.first_bin, result.last_bin) == ("2019", "2022")
    assert (result.evidence.n_early, result.evidence.n_late) == (3, 6)
    assert sentiment.trend(documents_of(sentences), min_docs=4, n_boot=50).direction == "none"


@pytest.mark.parametrize(
    ("per_year", "min_docs", "direction"),
    [
        ({2019: HOSTILE[:3], 2023: WARM[:3]}, 3, "up"),
        ({2019: HOSTILE[:3], 2023: WARM[:3]}, 5, "none"),  # too few dated documents
        ({2019: WARM[:1] + HOSTILE[:1] + WARM[2:3], 2023: HOSTILE[2:3] + WARM[1:2]
          + HOSTILE[3:4]}, 2, "flat"),  # the same mix early and late: no detectable change
        ({2020: WARM[:2]}, 1, "none"),  # one date
    ],
    ids=["warmer", "too-few", "same-mix", "one-date"],
)
def test_trend_direction(per_year: dict[int, list[str]], min_docs: int, direction: str) -> None:
    result = sentiment.trend(documents_of(dated_sentences(per_year)), min_docs=min_docs,
                             n_boot=200)
    assert result.direction == direction


def test_trend_needs_one_row_per_bin_and_handles_no_dates() -> None:
    sentences = dated_sentences({2019: WARM[:2], 2020: HOSTILE[:2]}).assign(group=["a", "b"] * 2)
    with pytest.raises(ValueError):
        sentiment.trend(documents_of(sentences), binned=sentiment.scores_over_time(
            sentences, freq="year", group="group", n_boot=20))
    undated = sentences.assign(date=pd.NaT)
    assert sentiment.scores_over_time(undated, freq="year").empty
    result = sentiment.trend(documents_of(undated))
    assert result.direction == "none" and result.evidence.n_dated == 0


def test_groups_are_resampled_by_document_not_by_sentence() -> None:
    """One long article of forty sentences must not look like forty observations."""
    rng = np.random.default_rng(1)
    rows = [{"doc_id": "long", "group": "A", "vader_compound": v, "tb_polarity": 0.0,
             "n_words": 20} for v in rng.normal(0.5, 0.05, 40)]
    rows += [{"doc_id": f"s{i}", "group": "A", "vader_compound": v, "tb_polarity": 0.0,
              "n_words": 20} for i, v in enumerate(rng.normal(-0.5, 0.05, 4))]
    table = sentiment.interval_table(pd.DataFrame(rows), by=["group"], n_boot=500)
    # Over documents, whether the long article is drawn dominates: the interval is wide.
    assert table.loc[0, "vader_compound_high"] - table.loc[0, "vader_compound_low"] > 0.5


@pytest.mark.parametrize(
    ("shift", "n_docs", "differ"),
    [(0.6, 8, True), (0.0, 8, False), (0.6, 3, None)],
    ids=["shifted", "same", "too-few-documents"],
)
def test_differences_between_groups(shift: float, n_docs: int, differ) -> None:
    rng = np.random.default_rng(2)
    rows = [{"doc_id": f"{g}{i}", "group": g, "vader_compound": rng.normal(base, 0.1),
             "n_words": 10} for g, base in (("A", shift), ("B", 0.0)) for i in range(n_docs)
            for _ in range(3)]
    pairs = sentiment.differences(pd.DataFrame(rows), by="group", min_docs=5, n_boot=300)
    if differ is None:
        assert pairs.empty
    else:
        assert bool(pairs.loc[0, "differ"]) == differ and pairs.loc[0, "n_groups"] == 2


def test_relative_to_corpus_places_groups_among_documents() -> None:
    documents = pd.DataFrame({"vader_compound": [0.1, 0.2, 0.3, 0.4], "n_words": [10] * 4})
    groups = pd.DataFrame({"vader_compound": [0.05, 0.3, float("nan")]})
    placed = sentiment.relative_to_corpus(groups, documents)
    assert placed["vader_compound_percentile"].tolist()[:2] == [0.0, 62.5]
    assert placed["vader_compound_vs_corpus"].iloc[1] == pytest.approx(0.05)
    assert np.isnan(placed["vader_compound_percentile"].iloc[2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US and China traded barbs.", {"United States"}),
        ("Let us hope for the best.", set()),
        ("U.S. officials and Washington criticised the base.", {"United States"}),
        ("The Washington Post reported the visit.", set()),
        ("American warships sailed past.", {"United States"}),
        ("Trade with Latin America grew.", set()),
        ("Cambodia reaffirmed its adherence to the one-China policy.", {"Taiwan"}),
        ("Taipei protested.", {"Taiwan"}),
        ("The ASEAN-China summit opened.", {"ASEAN"}),
        ("Myanmar’s junta and the Tatmadaw faced criticism.", {"Myanmar"}),
        ("The war in Ukraine and Kyiv’s appeals.", {"Ukraine"}),
        ("The West imposed sanctions.", {"the West"}),
        ("Western powers and NATO met.", {"the West"}),
        ("Floods hit the west of the country.", set()),
        ("Israel and the West Bank.", set()),
        ("Washington and its Western allies backed Ukraine.",
         {"United States", "the West", "Ukraine"}),
    ],
)
def test_default_targets(text: str, expected: set[str]) -> None:
    targets = sentiment.read_targets(config.TARGETS_FILE)
    assert set(targets) == {"United States", "Taiwan", "ASEAN", "Myanmar", "Ukraine", "the West"}
    found = sentiment.target_mentions(pd.DataFrame({"text": [text]}), targets)
    assert set(found["target"]) == expected


def test_target_scores_list_every_target(tmp_path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text("# two targets\ntarget,aliases\nJapan,Japan; Tokyo\nIndia,India; New Delhi\n",
                    encoding="utf-8")
    sentences = scored_table().assign(text=["Tokyo was great.", "Japan was bad.", "Nothing."])
    table = sentiment.target_scores(sentences, sentiment.read_targets(path), n_boot=50)
    assert list(table["target"]) == ["Japan", "India"]
    assert list(table["n_sentences"]) == [2, 0]
    assert table.loc[1, "vader_compound"] != table.loc[1, "vader_compound"]  # NaN
    assert table.loc[0, "vader_compound"] == pytest.approx((0.8 * 10 - 0.4 * 30) / 40)


def test_agreement_and_disagreements() -> None:
    sentences = scored_table()
    sentences.loc[2, "vader_compound"] = 0.3  # b: VADER positive, TextBlob negative
    documents = sentiment.document_scores(sentences)
    agreement = sentiment.lexicon_agreement(sentences, documents)
    assert agreement["spearman_sentences"] == pytest.approx(0.5)
    assert agreement["spearman_documents"] != agreement["spearman_documents"]  # two docs: NaN
    assert agreement["same_class_share"] == pytest.approx(1 / 3)  # only a's first sentence
    worst = sentiment.disagreements(sentences, n=2)
    assert list(worst["doc_id"]) == ["b", "a"] and list(worst["sent_idx"]) == [0, 1]
    assert list(worst["opposite"]) == [True, False]


def test_evidence_extremes_and_drivers() -> None:
    sentences = scored_table()
    table = sentiment.extremes(sentences)
    a = table[table["doc_id"] == "a"].set_index("extreme")
    assert a.loc["most positive", "sent_idx"] == 0 and a.loc["most negative", "sent_idx"] == 1
    assert list(table["doc_id"]) == ["a", "a", "b", "b"]
    drivers = sentiment.textblob_drivers(sentences).set_index("doc_id")
    assert drivers.loc["a", "positive_words"] == "great +1.60 (x2), warm +0.20"
    assert drivers.loc["a", "negative_words"] == "bad -0.70"
    assert drivers.loc["b", "positive_words"] == ""


def test_group_scores_flag_thin_groups() -> None:
    sentences = scored_table().assign(group=["x", "x", "y"], doc_id=["a", "c", "b"])
    groups = sentiment.group_scores(sentences, min_docs=2, n_boot=50)
    assert sentiment.group_scores(sentences, n_boot=50)["thin"].all()  # default: 5 documents
    assert list(groups["group"]) == ["x", "y"] and list(groups["thin"]) == [False, True]
    plain = sentiment.interval_table(sentences, by=["group"], n_boot=50)
    pd.testing.assert_frame_equal(groups.drop(columns="thin"), plain)


def interval_bounds(low: float, high: float) -> pd.Series:
    return pd.Series({"vader_compound_low": low, "vader_compound_high": high})


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0.1, 0.3), (0.2, 0.4), True),
        ((0.1, 0.3), (0.3, 0.4), True),  # touching counts as overlapping
        ((0.1, 0.2), (0.3, 0.4), False),
        ((0.3, 0.4), (-0.2, 0.1), False),
        ((-0.5, 0.5), (0.0, 0.1), True),  # one inside the other
    ],
)
def test_overlaps(a: tuple[float, float], b: tuple[float, float], expected: bool) -> None:
    assert sentiment.overlaps(interval_bounds(*a), interval_bounds(*b)) is expected
    assert sentiment.overlaps(interval_bounds(*b), interval_bounds(*a)) is expected


@pytest.mark.parametrize(
    ("compounds", "words", "expected"),
    [
        ([0.5, -0.5], [10, 30], -0.25),
        ([0.2], [0], 0.2),  # a document of no words still counts once
        ([0.4, 0.0, -0.1], [1, 1, 2], 0.05),
    ],
)
def test_corpus_mean_weights_documents_by_words(compounds: list[float], words: list[int],
                                                expected: float) -> None:
    table = pd.DataFrame({"vader_compound": compounds, "n_words": words})
    assert sentiment.corpus_mean(table) == pytest.approx(expected)


def test_voice_chart_labels_voices_and_sides() -> None:
    voices = pd.DataFrame({"speech": ["narration", "quote"], "vader_compound": [0.1, 0.2]})
    sides = pd.DataFrame({"speaker_side": ["Cambodia", "unknown"], "vader_compound": [0.3, 0.0]})
    chart = sentiment.voice_chart(voices, sides)
    assert list(chart["voice"]) == ["narration", "quoted speech", "speakers from Cambodia",
                                    "speakers of unknown side"]


def stance_sentences(per_year: dict[int, list[str]]) -> pd.DataFrame:
    """:func:`dated_sentences` with a stance column: +1 for the warm texts, -1 for the others."""
    sentences = dated_sentences(per_year)
    return sentences.assign(stance=np.where(sentences["text"].isin(WARM), 1.0, -1.0))


def test_with_document_measure_adds_the_measure_its_interval_position_and_components() -> None:
    sentences = stance_sentences({2019: WARM[:3], 2022: HOSTILE[:3]})
    table = documents_of(sentences)
    components = pd.DataFrame({"doc_id": table["doc_id"], "stance_lexicon": 0.5,
                               "n_words": -1})  # a column the table has is not replaced
    placed = sentiment.with_document_measure(table, sentences, components, measure="stance",
                                             n_boot=50)
    assert placed["doc_id"].tolist() == table["doc_id"].tolist()
    assert placed["n_words"].tolist() == table["n_words"].tolist()
    warm = placed["file"].str.startswith("2019")
    assert (placed.loc[warm, "stance"] == 1.0).all() and (placed.loc[~warm, "stance"] == -1).all()
    assert (placed["stance_low"] <= placed["stance"]).all()
    assert placed.loc[warm, "stance_percentile"].min() > placed.loc[~warm,
                                                                   "stance_percentile"].max()
    assert (placed.loc[warm, "stance_z"] > 0).all() and (placed["stance_lexicon"] == 0.5).all()


@pytest.mark.parametrize("measure", ["vader_compound", "stance"])
def test_interval_functions_take_any_measure_column(measure: str) -> None:
    sentences = stance_sentences({2019: WARM[:3], 2020: WARM[3:] + HOSTILE[:1],
                                  2021: HOSTILE[1:3], 2022: HOSTILE[3:] + NEUTRAL[:2]})
    table = sentiment.with_document_measure(documents_of(sentences), sentences,
                                            sentences[["doc_id"]].drop_duplicates(),
                                            measure="stance", n_boot=50)
    binned = sentiment.scores_over_time(sentences, freq="year", measures=[measure], n_boot=100)
    result = sentiment.trend(table, binned=binned, measure=measure, min_docs=2, n_boot=200)
    assert result.measure == measure and result.direction == "down"
    groups = sentiment.group_scores(sentences.assign(group=sentences["text"].isin(WARM)),
                                    measures=[measure], min_docs=1, n_boot=100)
    assert list(groups.columns[:4]) == ["group", measure, f"{measure}_low", f"{measure}_high"]
    assert groups.set_index("group").loc[True, measure] > groups.set_index("group").loc[
        False, measure]
