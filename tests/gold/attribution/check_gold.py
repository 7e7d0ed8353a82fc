"""Check the gold attribution set (passages.txt + sentences.csv) and print its counts.

Standard library only. Run from anywhere:

    python tests/gold/attribution/check_gold.py

It checks that every passage has consecutive sentence rows whose texts, joined with single
spaces, give the passage back exactly (so each ``text`` occurs in its passage and no sentence
is missing), that every label comes from the allowed sets below, that speaker and side are
empty exactly for narration, that polarity is given exactly when the sentence has a speech
act, a formula or an issue, and that the set still meets the targets it was written for.
When actors.csv can be found under src/, speakers written with an alias must use the
canonical name. Exits 1 on any failure.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The set checked: the first argument (tests/gold/attribution_holdout), else this folder. The
# coverage targets below are the ones this folder's set was written to; another set is checked
# for consistency and its counts printed.
FOLDER = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
PASSAGES = FOLDER / "passages.txt"
SENTENCES = FOLDER / "sentences.csv"
COLUMNS = [
    "passage_id",
    "sentence_no",
    "text",
    "speech",
    "speaker",
    "side",
    "polarity",
    "speech_acts",
    "formulas",
    "issues",
    "notes",
]

REGISTERS = {"readout", "wire", "broadcaster", "analysis", "editorial", "caption"}
SPEECH = {"quote", "reported", "narration"}
POLARITY = {"asserted", "denied", "reported"}
# sides.csv (copied here so the check does not depend on where src/ keeps its data) plus
# the labels for speakers outside any state.
SIDES = {
    "China",
    "Cambodia",
    "United States",
    "ASEAN",
    "Japan",
    "Vietnam",
    "Thailand",
    "Laos",
    "Myanmar",
    "Philippines",
    "Indonesia",
    "Malaysia",
    "Singapore",
    "Brunei",
    "Taiwan",
    "South Korea",
    "North Korea",
    "India",
    "Australia",
    "New Zealand",
    "Russia",
    "European Union",
    "United Kingdom",
    "France",
    "Germany",
    "Canada",
    "United Nations",
    "civil society",
    "Cambodian opposition",
    "analyst",
    "media",
    "unknown",
}
JOINT_SPEAKER = "both sides"  # the only speaker whose side may be two sides joined by ";"
# speech_acts.csv acts, plus the acts of denial and the assertives the gold set adds.
ACTS = {
    "pledge",
    "vow",
    "promise",
    "commit",
    "guarantee",
    "stand ready",
    "agree",
    "reaffirm",
    "stress",
    "support",
    "oppose",
    "respect",
    "urge",
    "call on",
    "ask",
    "thank",
    "praise",
    "congratulate",
    "welcome",
    "condemn",
    "deny",
    "reject",
    "dismiss",
    "refute",
    "warn",
    "note",
}
# formulas.csv canonical names, plus the formulas this set adds (see README.md).
FORMULAS = {
    "community with a shared future",
    "new type of international relations",
    "peaceful development",
    "common prosperity",
    "Chinese modernization",
    "Xi Jinping Thought",
    "ironclad friendship",
    "all-weather friendship",
    "traditional friendship",
    "good neighbourliness",
    "true friends",
    "trustworthy friend",
    "amity sincerity mutual benefit inclusiveness",
    "comprehensive strategic partnership of cooperation",
    "comprehensive strategic partnership",
    "strategic partnership",
    "comprehensive partnership",
    "leaders' consensus",
    "strategic communication",
    "one-China principle",
    "Taiwan question",
    "non-interference in internal affairs",
    "sovereignty and territorial integrity",
    "core interests",
    "Five Principles of Peaceful Coexistence",
    "mutual respect",
    "mutual trust",
    "win-win cooperation",
    "practical cooperation",
    "people-to-people exchanges",
    "connectivity",
    "Belt and Road Initiative",
    "high-quality Belt and Road cooperation",
    "Digital Silk Road",
    "Global Development Initiative",
    "Global Security Initiative",
    "Global Civilization Initiative",
    "Global Governance Initiative",
    "Diamond Hexagon",
    "Industrial Development Corridor",
    "year of exchanges",
    "economic corridor",
    "Lancang-Mekong Cooperation",
    "ASEAN centrality",
    "ASEAN-China partnership",
    "regional free trade",
    "free trade agreement",
    "South China Sea code of conduct",
    "freedom of navigation",
    "law of the sea",
    "peaceful settlement of disputes",
    "peace and stability",
    "multilateralism",
    "multipolar world",
    "Global South",
    "rules-based order",
    "hegemonism and power politics",
    "unilateralism and protectionism",
    "Cold War mentality",
    "decoupling",
    "debt-trap diplomacy",
    "client state",
    "military base",
    "neutrality",
    "Indo-Pacific strategy",
    "shared values",
    "Asian values",
}
NEW_FORMULAS = {
    "development path suited to national conditions",
    "high-quality, high-level and high-standard",
    "colour revolution",
    "external interference",
}
ISSUES = {
    "naval base",
    "debt trap",
    "belt and road",
    "canal",
    "scams",
    "south china sea",
    "aid",
    "sovereignty",
    "human rights",
}
NOTE_TAGS = ("hard:", "trap:", "near-miss:")
QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb'

TARGETS = {
    "sentences": 320,
    "quote or reported share (%)": 45,
    "with polarity": 60,
    "polarity denied": 20,
    "polarity reported": 12,
    "with a speech act": 80,
    "with a formula": 40,
    "traps (trap: or near-miss: notes)": 25,
}


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def read_passages(path: Path) -> dict[str, tuple[str, str]]:
    """passage_id -> (register, text with paragraphs joined by single spaces)."""
    passages: dict[str, tuple[str, str]] = {}
    pid = register = None
    lines: list[str] = []

    def close() -> None:
        if pid is not None:
            body = " ".join(x.strip() for x in lines if x.strip())
            passages[pid] = (register, body)

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("### "):
            close()
            head = [x.strip() for x in raw[4:].split("|")]
            if len(head) != 2:
                raise SystemExit(f"bad passage header: {raw!r}")
            pid, register = head
            if pid in passages:
                raise SystemExit(f"duplicate passage id {pid}")
            lines = []
        elif pid is not None:
            lines.append(raw)
    close()
    return passages


def find_actors() -> dict[str, tuple[str, str]]:
    """alias -> (canonical name, side) from actors.csv under src/, if it can be found."""
    root = HERE.parents[2]
    for path in sorted((root / "src").glob("**/actors.csv")):
        rows = (
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        )
        table: dict[str, tuple[str, str]] = {}
        for row in csv.DictReader(rows):
            for alias in [row["name"], *split(row.get("aliases") or "")]:
                table[alias] = (row["name"], row.get("side") or "")
        return table
    return {}


def main() -> int:
    errors: list[str] = []
    passages = read_passages(PASSAGES)
    for pid, (register, _) in passages.items():
        if register not in REGISTERS:
            errors.append(f"{pid}: register {register!r} not in {sorted(REGISTERS)}")

    with SENTENCES.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise SystemExit(f"columns {reader.fieldnames} != {COLUMNS}")
        rows = list(reader)

    by_passage: dict[str, list[dict]] = {}
    for i, row in enumerate(rows, start=2):
        where = f"line {i} ({row['passage_id']} #{row['sentence_no']})"
        pid = row["passage_id"]
        if pid not in passages:
            errors.append(f"{where}: unknown passage")
            continue
        by_passage.setdefault(pid, []).append(row)
        text = row["text"]
        if not text or text != text.strip():
            errors.append(f"{where}: empty text or stray spaces")
        if text not in passages[pid][1]:
            errors.append(f"{where}: text not found in its passage")
        speech, speaker, side = row["speech"], row["speaker"], row["side"]
        if speech not in SPEECH:
            errors.append(f"{where}: speech {speech!r}")
        if (speech == "narration") != (speaker == ""):
            errors.append(f"{where}: speaker must be empty exactly for narration")
        if (speech == "narration") != (side == ""):
            errors.append(f"{where}: side must be empty exactly for narration")
        sides = split(side)
        if any(s not in SIDES for s in sides):
            errors.append(f"{where}: side {side!r}")
        if len(sides) > 1 and speaker != JOINT_SPEAKER:
            errors.append(f"{where}: several sides only for speaker {JOINT_SPEAKER!r}")
        if speech == "quote" and not any(m in text for m in QUOTE_MARKS):
            prev = by_passage[pid][-2] if len(by_passage[pid]) > 1 else None
            if not prev or prev["speech"] != "quote":
                errors.append(f"{where}: quote without quotation marks outside a quotation")
        acts, formulas, issues = (split(row[c]) for c in ("speech_acts", "formulas", "issues"))
        for label, values, allowed in (
            ("act", acts, ACTS),
            ("formula", formulas, FORMULAS | NEW_FORMULAS),
            ("issue", issues, ISSUES),
        ):
            for v in values:
                if v not in allowed:
                    errors.append(f"{where}: {label} {v!r} not allowed")
            if len(set(values)) != len(values):
                errors.append(f"{where}: repeated {label}")
        polarity = row["polarity"]
        if polarity and polarity not in POLARITY:
            errors.append(f"{where}: polarity {polarity!r}")
        if bool(polarity) != bool(acts or formulas or issues):
            errors.append(
                f"{where}: polarity must be given exactly when there is an act, formula or issue"
            )
        if acts and speech == "narration":
            errors.append(f"{where}: a speech act needs a speaker")
        note = row["notes"]
        if note and not note.startswith(NOTE_TAGS):
            errors.append(f"{where}: notes must start with one of {NOTE_TAGS}")

    for pid, (_, body) in passages.items():
        prows = by_passage.get(pid, [])
        if not prows:
            errors.append(f"{pid}: no sentence rows")
            continue
        numbers = [r["sentence_no"] for r in prows]
        if numbers != [str(n) for n in range(1, len(prows) + 1)]:
            errors.append(f"{pid}: sentence_no not consecutive from 1: {numbers}")
        if " ".join(r["text"] for r in prows) != body:
            errors.append(
                f"{pid}: sentences joined do not give the passage back (missing or reordered text)"
            )
    order = list(dict.fromkeys(r["passage_id"] for r in rows))
    if order != [p for p in passages if p in by_passage]:
        errors.append("sentences.csv is not in the order of passages.txt")

    actors = find_actors()
    actor_notes: list[str] = []
    for row in rows:
        hit = actors.get(row["speaker"])
        if not hit:
            continue
        name, side = hit
        where = f"{row['passage_id']} #{row['sentence_no']}"
        if name != row["speaker"]:
            errors.append(f"{where}: speaker {row['speaker']!r} should be {name!r}")
        elif side and side != row["side"]:
            actor_notes.append(f"{where}: {name} is {row['side']!r} here, {side!r} in actors.csv")

    # counts
    n = len(rows)
    register_of = {pid: reg for pid, (reg, _) in passages.items()}
    speech = Counter(r["speech"] for r in rows)
    counts = {
        "sentences": n,
        "quote or reported share (%)": round(
            100 * (speech["quote"] + speech["reported"]) / max(n, 1), 1
        ),
        "with polarity": sum(1 for r in rows if r["polarity"]),
        "polarity denied": sum(1 for r in rows if r["polarity"] == "denied"),
        "polarity reported": sum(1 for r in rows if r["polarity"] == "reported"),
        "with a speech act": sum(1 for r in rows if r["speech_acts"]),
        "with a formula": sum(1 for r in rows if r["formulas"]),
        "traps (trap: or near-miss: notes)": sum(
            1 for r in rows if r["notes"].startswith(("trap:", "near-miss:"))
        ),
    }
    targets = TARGETS if FOLDER == HERE else {}
    for key, goal in targets.items():
        if counts[key] < goal:
            errors.append(f"target not met: {key} = {counts[key]} < {goal}")

    def show(title: str, counter: Counter) -> None:
        print(f"\n{title}")
        for key, value in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {value:4d}  {key}")

    print(f"{len(passages)} passages, {n} sentences")
    show("passages per register", Counter(register_of.values()))
    show("sentences per register", Counter(register_of[r["passage_id"]] for r in rows))
    show("speech", speech)
    show("side (speech sentences)", Counter(r["side"] for r in rows if r["side"]))
    show("polarity", Counter(r["polarity"] or "(none)" for r in rows))
    show("speech acts (occurrences)", Counter(a for r in rows for a in split(r["speech_acts"])))
    show("formulas (occurrences)", Counter(a for r in rows for a in split(r["formulas"])))
    show("issues (occurrences)", Counter(a for r in rows for a in split(r["issues"])))
    show("notes", Counter(r["notes"].split(":")[0] for r in rows if r["notes"]))
    print("\ntargets" if targets else "\n(coverage targets apply to the tuned set only)")
    for key, goal in targets.items():
        print(f"  {'ok  ' if counts[key] >= goal else 'FAIL'} {key}: {counts[key]} (>= {goal})")
    if actors:
        print(f"\nactors.csv found: {len(actor_notes)} side differences (labelled on purpose)")
        for line in actor_notes:
            print("  " + line)
    else:
        print("\nactors.csv not found under src/: alias check skipped")

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
