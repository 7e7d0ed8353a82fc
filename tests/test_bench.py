"""The benchmark runs end to end at a tiny size (so it cannot rot), and its corpus generator is
deterministic and realistic. Timings are printed, never asserted."""

from __future__ import annotations

import csv
import json
import statistics
from pathlib import Path

import pytest
from benchmarks import generate, run

pytestmark = pytest.mark.xdist_group("bench")


def test_the_generator_is_deterministic() -> None:
    first = generate.generate_articles(30, seed=7)
    assert first == generate.generate_articles(30, seed=7)
    assert [a.text for a in first] != [a.text for a in generate.generate_articles(30, seed=8)]


def test_generated_articles_look_like_scraped_news() -> None:
    articles = generate.generate_articles(400, seed=0)
    words = [len(a.text.split()) for a in articles]
    assert 400 <= statistics.median(words) <= 650
    assert max(words) > 2 * statistics.median(words)  # a long right tail, as real articles
    years = {a.date.year for a in articles}
    assert years == set(range(2015, 2025))
    assert len({a.outlet for a in articles}) >= 15
    texts = "\n".join(a.text for a in articles)
    for sign in ("(", " -- ", '," ', "Share", "All rights reserved", "billion"):
        assert sign in texts
    assert "{" not in texts  # every slot filled


def test_the_bank_has_every_section_and_only_known_slots() -> None:
    bank = generate.read_bank()
    assert set(generate.BODY_SECTIONS) <= set(bank)
    assert sum(len(lines) for lines in bank.values()) >= 200
    relationship = generate.RELATIONSHIPS[0]
    slots = generate._slots(relationship, generate.FIRST_DAY, "Reuters", generate.random.Random(0))
    for lines in bank.values():
        for line in lines:
            generate._fill(line, slots, generate.random.Random(0))  # raises on an unknown slot


def test_added_articles_extend_the_corpus_and_its_metadata(tmp_path: Path) -> None:
    folder = generate.generate_corpus(tmp_path / "corpus", 12, seed=1)
    new = generate.add_articles(folder, 3)
    assert new == ["article_000012.txt", "article_000013.txt", "article_000014.txt"]
    with open(folder / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["file"] for row in rows] == sorted(p.name for p in folder.glob("*.txt"))
    assert list(rows[0]) == generate.METADATA_COLUMNS


def test_the_benchmark_runs_at_a_tiny_size(tmp_path: Path, capsys) -> None:
    run.main(["--sizes", "20", "--workers", "1", "--no-reports", "--work-dir",
              str(tmp_path / "work"), "--out", str(tmp_path)])
    printed = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + printed)
    figures = json.loads((tmp_path / "latest.json").read_text())["sizes"]["20"]
    assert figures["articles"] == 20 and figures["sentences"] > 20 * 5
    for key in ("analysis_seconds", "analysis_cpu_seconds", "floor_cpu_seconds",
                "serial_seconds", "rebuild_seconds", "incremental_seconds", "peak_memory_mb"):
        assert figures[key] > 0, key
    assert "analysis CPU / floor, 1 worker" in printed and figures["ratio_to_floor"] > 0
    assert not (tmp_path / "work" / "n20").exists()  # cleaned up without --keep


def test_the_report_step_runs_a_module_that_exists() -> None:
    import importlib.util

    assert importlib.util.find_spec(run.CLI_MODULE) is not None
