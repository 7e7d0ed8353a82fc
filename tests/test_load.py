"""Loading a corpus (helpers.corpus.load): tables, inferred metadata, nothing lost, problems
named, cache, engines."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.corpus import load, pipeline
from helpers.corpus.load import CorpusError, load_corpus
from tests.synthetic import Article, article_text, several_years_corpus

FRENCH = (
    "Le ministre des Affaires étrangères a rencontré son homologue chinois à Pékin. "
    "Les deux pays ont signé plusieurs accords de coopération économique et culturelle. "
    "Ils ont réaffirmé leur amitié indéfectible et leur soutien mutuel."
)


def no_space(text: str) -> Counter:
    return Counter("".join(text.split()))


def test_seeds_load_into_usable_tables(tmp_path: Path) -> None:
    loaded = load_corpus(config.SEEDS_DIR, cache_dir=tmp_path)
    docs = loaded.documents
    assert len(docs) == 5 and docs["analysable"].all()
    assert docs["date"].notna().all() and (docs["date_source"] == "metadata.csv").all()
    assert set(docs["outlet_country"]) == {"Cambodia", "China", "Pakistan", ""}
    assert (
        docs.set_index("doc_id").at["003_824b66e2eee9d91a", "author"] == "Mao Pengfei, Nguon Sovan"
    )
    assert (docs["n_sentences"] > 10).all()
    sentences = loaded.sentences
    assert {"doc_id", "sent_idx", "start", "end", "text", "speech", "vader_compound"} <= set(
        sentences.columns
    )
    texts = docs.set_index("doc_id")["clean_text"]
    for row in sentences.sample(20, random_state=1).itertuples():
        assert " ".join(texts[row.doc_id][row.start : row.end].split()) == row.text
    reasons = set(loaded.audit["reason"])
    assert {"breadcrumb", "social network", "author biography", "newsletter prompt"} <= reasons
    clean = " ".join(texts)
    for debris in (
        "top of page",
        "Ancre 1",
        "Video PlayerClose",
        "Follow us",
        "Most Popular",
        "Merci pour votre envoi",
        "Aisha Noor, a recent graduate",
    ):
        assert debris not in clean


def test_without_metadata_dates_come_from_the_text(tmp_path: Path) -> None:
    folder = tmp_path / "nometa"
    folder.mkdir()
    for path in config.SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder)
    docs = load_corpus(folder, cache_dir=None).documents.set_index("doc_id")
    assert docs.at["003_824b66e2eee9d91a", "date"] == pd.Timestamp("2019-04-19")
    assert docs.at["004_c5e2839264707877", "date"] == pd.Timestamp("2024-05-25")
    assert docs.at["003_824b66e2eee9d91a", "date_source"].startswith("text: agency stamp")
    assert docs.at["004_c5e2839264707877", "date_source"].startswith("text: dateline")
    assert docs.at["003_824b66e2eee9d91a", "outlet"] == "Xinhua"
    assert docs.at["004_c5e2839264707877", "outlet"] == "The Diplomatic Insight"
    assert docs.at["000_672daeefa85f22b5", "date_source"] == "missing"


@pytest.mark.parametrize("source", ["seeds", "synthetic"])
def test_nothing_is_lost(tmp_path: Path, make_corpus, source: str) -> None:
    folder = config.SEEDS_DIR if source == "seeds" else make_corpus(several_years_corpus())
    loaded = load_corpus(folder, cache_dir=None)
    for doc in loaded.documents.itertuples():
        removed = loaded.audit.loc[loaded.audit["doc_id"] == doc.doc_id, "text"]
        assert no_space(doc.clean_text) + no_space("".join(removed)) == no_space(doc.raw_text)


def test_missing_and_empty_folders_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nowhere", cache_dir=None)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no article files"):
        load_corpus(tmp_path / "empty", cache_dir=None)


def test_bad_files_are_problems_and_others_are_analysed(make_corpus) -> None:
    good = several_years_corpus()[:3]
    folder = make_corpus(
        [
            *good,
            Article("french.txt", FRENCH, "2021-01-01", "Le Monde"),
            Article("copy.txt", good[0].text, "2021-02-01", "Copycat"),
        ]
    )
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / "fake.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "debris.txt").write_text("top of page\nFollow us\nMost Popular\n", encoding="utf-8")
    loaded = load_corpus(folder, cache_dir=None)
    problems = loaded.problems.groupby("file")["message"].agg(" | ".join)
    assert "not an article file" in problems["scan.pdf"]
    assert "PNG image" in problems["fake.txt"]
    assert "only whitespace" in problems["blank.txt"]
    assert "only web-page debris" in problems["debris.txt"]
    assert "not English" in problems["french.txt"]
    assert "duplicate of" in problems["copy.txt"]
    docs = loaded.documents.set_index("file")
    assert docs.loc[[a.file for a in good], "analysable"].all()
    assert not docs.at["french.txt", "analysable"] and docs.at["french.txt", "language"] == "fr"
    assert docs.at["copy.txt", "duplicate_of"] == good[0].file.removesuffix(".txt")
    assert docs.at["copy.txt", "analysable"]
    dropped = load_corpus(folder, cache_dir=None, drop_duplicates=True).documents.set_index("file")
    assert not dropped.at["copy.txt", "analysable"]


def test_cache_reanalyses_only_changed_files(tmp_path: Path, make_corpus, monkeypatch) -> None:
    folder = make_corpus(several_years_corpus())
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache, workers=1)
    analysed: list[str] = []
    original = load.analyse_batch

    def counting(items, *, max_bytes):
        analysed.extend(relative for _path, relative in items)
        return original(items, max_bytes=max_bytes)

    monkeypatch.setattr(load, "analyse_batch", counting)
    again = load_corpus(folder, cache_dir=cache, workers=1)
    assert analysed == []
    pd.testing.assert_frame_equal(first.sentences, again.sentences)
    (folder / "article_03.txt").write_text(
        article_text(["A new sentence about trade."]), encoding="utf-8"
    )
    (folder / "new.txt").write_text(
        article_text(["Another article about security."]), encoding="utf-8"
    )
    changed = load_corpus(folder, cache_dir=cache, workers=1)
    assert sorted(analysed) == ["article_03.txt", "new.txt"]
    assert len(changed.documents) == len(first.documents) + 1
    texts = changed.sentences.groupby("doc_id")["text"].apply(" ".join)
    assert texts["article_03"] == "A new sentence about trade."


def test_parallel_workers_give_identical_tables(make_corpus, monkeypatch) -> None:
    folder = make_corpus(several_years_corpus())
    monkeypatch.setattr(load, "BATCH_SIZE", 2)
    one = load_corpus(folder, cache_dir=None, workers=1)
    two = load_corpus(folder, cache_dir=None, workers=2)
    pd.testing.assert_frame_equal(one.documents, two.documents)
    pd.testing.assert_frame_equal(one.sentences, two.sentences)


def test_sentence_columns_have_one_type_whatever_the_documents(make_corpus) -> None:
    english = several_years_corpus()[:2]
    mixed = make_corpus([*english, Article("french.txt", FRENCH, "2021-01-01", "Le Monde")],
                        name="mixed")
    only_english = make_corpus(english, name="english")
    types = [load_corpus(folder, cache_dir=None).sentences.dtypes
             for folder in (mixed, only_english)]
    types.append(pipeline.sentence_table([]).dtypes)
    assert types[0].to_dict() == types[1].to_dict() == types[2].to_dict()
    assert types[0]["quoted_chars"] == "float64" and types[0]["sent_idx"] == "int64"
    french = load_corpus(mixed, cache_dir=None).sentences.query("doc_id == 'french'")
    assert len(french) and french["speech"].isna().all() and french["tb_polarity"].isna().all()
