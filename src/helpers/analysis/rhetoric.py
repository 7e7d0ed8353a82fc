"""Rhetoric of a relationship: diplomatic formulas, speech acts, stance, voices and style.

The questions: which set phrases of diplomatic language appear, when they first appeared and
who says them; how firm or hedged the commitments are; whose voices an article carries; how
readable and varied its language is. Everything works on the sentence table of a corpus, whose
quote columns (``speech``, ``speaker``, ``speaker_side``, from
:mod:`helpers.corpus.attribution`) say whether a sentence is the outlet's narration or
someone's quoted or reported words.

Each lexicon (formulas, speech acts, stance markers) is an editable CSV file compiled into one
regular expression whose named groups say which entry matched, so every sentence is scanned
once per lexicon however long the lexicon is. Matches ("hits") keep their sentence, so every
count can be shown with its evidence. These are the calculations only: the sentences that state
findings are in :mod:`helpers.report.findings.rhetoric`, the figures in
:mod:`helpers.report.plots.rhetoric`.

Typical use::

    sents = rhetoric.prepare_sentences(corpus.sentences_of(documents), freq="year")
    hits = rhetoric.find_formulas(sents)
    rhetoric.formula_summary(hits)
    rhetoric.rates(hits, sents, column="category", by="period")
    rhetoric.kwic(sents, corpus.documents, "ironclad*")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config
from helpers.analysis.readability import (
    flesch_reading_ease,  # noqa: F401  (re-exported: rhetoric.flesch_reading_ease)
    reading_ease,
    syllables,
)
from helpers.analysis.terms import per_1000
from helpers.analysis.timeline import time_bin
from helpers.corpus.lexicons import compile_phrases, phrase_regex, read_lexicon, split_phrases
from helpers.corpus.segment import words

NARRATION = "narration"
UNKNOWN = "unknown"
UNDATED = "undated"

# McCarthy & Jarvis (2010): a factor ends when the running type-token ratio falls to 0.72.
MTLD_THRESHOLD = 0.72
# McCarthy & Jarvis found MTLD stable from about 100 tokens; shorter texts get no value.
MTLD_MIN_TOKENS = 100

# The word before a verb form that makes it a noun: "the pledge", "China's support",
# "strong support", "China-backed"; or a preposition before a gerund, which names the act
# without doing it ("cautious about criticising", "refrained from condemning").
_NOUN_CONTEXT = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|your|my|this|these|those|of|for|with|in|whose|"
    r"about|against|from|than|toward|towards|upon|"
    r"such|any|no|strong|full|firm|warm|mutual|continued|continuous|generous|great|valuable|"
    r"unwavering|steadfast|staunch|financial|technical|military|economic|political|public|"
    r"popular|international|broad|wide|wholehearted)\s+|['\u2019]s\s+|\w[\-\u2010-\u2015])$",
    re.IGNORECASE,
)
# A possessive, then adjectives, before a verb form: a noun ("its long-term and unconditional
# support", "China's generous, sincere support"); the words between must look like adjectives
# (hyphenated or with an adjective ending), so "its partners support" stays a verb. Articles
# are left out: "the official urged", "a statement rejecting".
_NOUN_AFTER_ADJECTIVES = re.compile(
    r"(?:\b(?:its|their|his|her|our|your|my|whose)\s+|['\u2019]s\s+)(?:(?:\w+[\-\u2010-\u2015][\w\-\u2010-\u2015]+|\w+(?:al|ous|ful|ive|"
    r"ent|ant|ic|ed|ing|less|ible|able)|long|strong|full|firm|warm|great|sincere|solid|steady|"
    r"huge|vast|kind|close|deep|true|big)(?:,?\s+and|,)?\s+){1,3}$", re.IGNORECASE)
# Negation in the words before a verb form: "did not agree", "never pledged", "refused to
# support", "no longer supports", "decided not to back", "has not yet formally agreed".
_NEGATION = re.compile(
    r"(?:\b(?:not(?!\s+only\b)|never|cannot|no\s+longer|neither|nor|without)|n['\u2019]t"
    r"|\b(?:refus|declin|fail)\w*\s+to)"
    r"(?:\s+(?:\w+ly|yet|even|ever|also|to|be|been|have|has|had)){0,3}\s+$",
    re.IGNORECASE,
)
# A negated subject right before the verb form: "no Cambodian leader is willing to", "none of
# the members agreed", "not a single country backs" (but "no doubt China supports").
_NEGATED_SUBJECT = re.compile(
    r"\b(?:no(?!\s+(?:doubt|wonder|matter)\b)|none\s+of\s+the|not\s+a\s+single|neither)"
    r"\s+(?:[A-Za-z][\w\-]*\s+){1,2}$", re.IGNORECASE)
# Before an act's verb form: a form of "be" makes it passive or an adjective ("is accused of",
# "the raids are welcome"); a relative pronoun makes it a third party's ("a friend who
# respects"). Neither is the speaker's act.
_NOT_THE_SPEAKERS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|who|whom|which|that)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE)
# An indirect question or a free relative names an act, it does not perform it: "whether
# ASEAN survives depends on how far members are willing to go", "what the reports object to".
_WH_CLAUSE = re.compile(
    r"\b(?:what|whether|why|how\s+(?:far|much|long|many|strongly))\b[^,\x3b:]*$", re.IGNORECASE)
# A thing as the subject of the form: a place, an instrument or data cannot speak ("the port
# would welcome ships", "the law guarantees", "the figures point to a slowdown").
_THING_SUBJECT = re.compile(
    r"\b(?:ports?|piers?|bases?|facilit(?:y|ies)|harbou?rs?|canals?|projects?|zones?|airports?|"
    r"roads?|expressways?|bridges?|venues?|hotels?|museums?|schools?|hospitals?|buildings?|"
    r"sites?|markets?|laws?|constitution|agreements?|deals?|treat(?:y|ies)|plans?|polic(?:y|ies)|"
    r"budgets?|figures|data|numbers|statistics|images|photos|evidence|signs|results|trends)"
    r"\s+(?:(?:will|would|can|could|may|might|shall|should|also|now|still|only|already|"
    r"\w+ly)\s+){0,2}$", re.IGNORECASE)
# A speaker who says that people of another kind did something reports their act ("She said
# local officials had warned villagers not to speak"): it is not the speaker's.
_OTHERS_REPORTED = re.compile(
    r"\b(?:said|says|say|told\s+\w+|claimed|alleged|added|recalled)\s+(?:that\s+)?"
    r"(?:(?:the|local|some|many|several|two|three|district|provincial|village|commune|company|"
    r"their|armed|security|plainclothes)\s+)*(?:officials|police(?:men)?|authorities|soldiers|"
    r"guards|company|companies|workers|villagers|residents|troops|gangs?|bosses|employers|"
    r"managers|men|people|officers|staff|militia|thugs|chiefs)\s+(?:(?:had|have|has|would|"
    r"will|were|was|often|also|repeatedly|then|\w+ly)\s+){0,2}$", re.IGNORECASE)
# In a caption, a past act after "where/after/as he ..." reports what was said on the
# occasion pictured ("..., where he denied that troops were stationed there").
_CAPTION_REPORT = re.compile(
    r"\b(?:where|after|as|when|in\s+which)\s+(?:he|she|they|it|(?:the\s+)?[A-Z]\w+)\s+"
    r"(?:(?:also|again|\w+ly)\s+)?$")
# A trailing clause that refers back to a claim ("..., an accusation both governments deny",
# "..., which Phnom Penh denies") reports a third party's act, not the speaker's.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:which|an?\s+(?:accusation|charge|claim|allegation|assertion|suggestion|report|"
    r"view|idea|notion|figure)s?)\b[^,;:]*$", re.IGNORECASE)
# The same trailing clause with a pronoun as the denier ("..., a charge he denies"): the act
# is the speaker's when the speaker opens the sentence ("Chen Zhi, accused of fraud, a charge
# he denies, ..."), another actor's otherwise.
_TRAILING_PRONOUN = re.compile(
    r",\s+(?:which|an?\s+(?:accusation|charge|claim|allegation|assertion|suggestion|report|"
    r"view|idea|notion|figure)s?)\s+(?:he|she|it|they|we)\s+(?:(?:has|have|had|also|always|"
    r"strongly|\w+ly)\s+){0,2}$", re.IGNORECASE)
# The outlet's own first person in narration ("We welcome Japanese ships"): an editorial's
# view, not a quoted actor's act.
_OUTLET_FIRST_PERSON = re.compile(r"(?:\b[Ww]e|\bI)\s+(?:[a-z]\w*\s+){0,2}$")
# A report cue that ends with a verb of saying ("rights groups say"): an act after it with a
# subject of its own ("... say police often warn") is a third party's, not the speaker's.
_SAYING_CUE = re.compile(
    r"\b(?:say|says|said|told|tell|tells|claim\w*|argu\w*|believ\w*|suggest\w*|insist\w*|"
    r"maintain\w*|contend\w*|fear\w*|alleg\w*|estimat\w*|predict\w*)$", re.IGNORECASE)
# Sources that speak for a side ("officials say Beijing will continue to support"): the act
# they relay is their own side's, so it stays.
_SIDE_SOURCE = re.compile(r"\b(?:officials|diplomats|insiders|sources?|spokes\w+)\b",
                          re.IGNORECASE)
# Words that leave the saying source the subject of what follows ("critics say they will").
_SAME_SUBJECT = frozenset({"that", "they", "we", "it", "he", "she", "will", "would", "could",
                           "should", "might", "may", "can", "must", "also", "often", "now",
                           "then", "still", "and", "themselves", "shall"})
# An infinitive ("to respect", "to firmly reject"): after a directive act of the same sentence
# ("urged all parties to respect") it is the act asked of others, not the speaker's.
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# A bare verb form followed by a preposition, a verb of its own or the end of the clause is a
# noun: "support for", "respect for", "a pledge of", "a warm welcome from", "unity and
# support.", "support is growing".
_NOUN_AFTER = re.compile(
    r"^(?:\s*(?:[.;:!?)\u201d\"]|$)|\s+(?:for|of|from|among|as|is|are|was|were|has|had|will|"
    r"would|remains?|remained|grew|grows|came|comes)\b)", re.IGNORECASE)
# An -ing form before a noun it describes is an adjective: "supporting roles", "a welcoming
# ceremony", "pledging conference".
_ING_BEFORE_NOUN = re.compile(
    r"^\s+(?:roles?|ceremon(?:y|ies)|remarks|speech(?:es)?|address|documents?|evidence|cast|"
    r"staff|committee|pillars?|letters?|actors?|materials?|conference|event|messages?|"
    r"banners?|crowds?|party|parties)\b", re.IGNORECASE)
# An infinitive act ("to support") is performed only under a verb or adjective of commitment
# or intention ("pledged to support", "will continue to support", "is ready to", "would like
# to thank", "took the opportunity to thank"); elsewhere it is named, not done ("a way for
# leaders to dismiss criticism", "efforts to support", "in order to back").
_INFINITIVE_GOVERNOR = re.compile(
    r"\b(?:pledg|vow|promis|agre|decid|continu|commit|seek|sought|plan|intend|want|wish|hop|"
    r"aim|resolv|determin|prepar|tr(?:y|ies|ied)|refus|declin|fail|going|ready|willing|able|"
    r"lik|expect|undert|swor|offer|opportunit|mov|chose|choos|vot)\w*"
    r"(?:\s+(?:not|also|further|again|\w+ly))?\s+to\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# After a directive and its "to", a base form is one more act asked of others ("called on both
# sides to exercise restraint and respect the law"); a finite form is the speaker's ("urged
# Japan to act and thanked China").
_FINITE_FORM = re.compile(r"^(?:\w*(?<!s)s|\w+ed|\w+ing|upheld|stood)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[\x3b:]|\bbut\b|,\s+(?:saying|adding|noting|"
                           r"and\s+(?:he|she|they|it|we|I))\b", re.IGNORECASE)
# A photo caption: a credit in brackets after the last full stop ("... on Sunday. (Xinhua/Li
# Ming)"; the credit may be cut into a sentence of its own, which marks the sentence before it)
# or a "Photo:" label. Whoever "welcomes" or "addresses" someone in a caption is pictured, not
# quoted: captions hold no speech acts.
_CREDIT = r"\((?:photo:?\s*)?[^()]{2,60}\)\s*$"
_CAPTION = re.compile(r"[.!?][\"\u201d\u2019']?\s*" + _CREDIT
                      + r"|^\s*(?:photo|file\s+photo|pictured)\s*[:(]", re.IGNORECASE)
_BARE_CREDIT = re.compile(r"^\s*" + _CREDIT, re.IGNORECASE)
# Nothing but quotation marks or brackets before a form: it opens the sentence without a
# subject, so it is a noun ("Calls for restraint grew", "Pledges of aid", "Support staff"),
# except a thanks ("Thank you for your support").
_SENTENCE_OPENING = re.compile(r"^[\s\"'\u201c\u2018(\[]*$")
# A plural form before "of" is a noun: "promises of aid", "pledges of support".
_PLURAL_OF = re.compile(r"^\s+of\b", re.IGNORECASE)
# A reporter's question up to the form: what it asks about is not performed ("asked whether
# Phnom Penh would back a stronger statement").
_IN_QUESTION = re.compile(r"\basked\s+(?:\w+\s+){0,3}?(?:whether|if)\b[^,\x3b:]*$",
                          re.IGNORECASE)
_BARE_FORMS = frozenset({"support", "respect", "pledge", "promise", "welcome", "guarantee",
                         "vow", "praise", "thank", "back", "commitment"})
_CONTEXT_CHARS = 80
# How far back the patterns that read only the last word (_NOUN_CONTEXT) or the last three
# words (_THING_SUBJECT) before a form need to look.
_LAST_WORD_CHARS = 32
_LAST_WORDS_CHARS = 56
_SPACE = re.compile(r"\s+")

ASSERTED = "asserted"
DENIED = "denied"
REPORTED = "reported"
POLARITIES = (ASSERTED, DENIED, REPORTED)
# The speech-act family of denials (deny, refute, dismiss, reject): a performed act of this
# family is itself a denial, so its polarity is denied.
REJECTIVE = "rejective"
# A negation cue reaches this many words ahead: "not a debt trap", "has never included any
# military base" (see polarity.csv).
POLARITY_WINDOW = 6
# In the order they win where cues of several kinds match at one place.
POLARITY_KINDS = ("dismissal", "denial", "canceller", "slogan", "report", "asked", "question",
                  "directive", "attachment", "negation", "concession", "boundary")
# Kinds that end a clause: cues do not reach across them.
_BOUNDARIES = frozenset({"boundary", "concession"})
ALL_CUES = frozenset(POLARITY_KINDS)
# A speech act is negated by the words right before its verb ("did not agree": _NEGATION) or
# denied by a denial verb before it ("denied a report that Cambodia had agreed"); what it
# says does not change whether it was performed.
ACT_CUES = frozenset({"denial", "report", "directive", "boundary", "concession"})
# A negation inside a dismissal ("will not harm", "poses no threat"): after a directive or a
# wish it is the outcome asked or hoped for ("hoped the canal would not harm the Mekong").
_NEGATED_DISMISSAL = re.compile(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.IGNORECASE)
# The quotation mark that opens a slogan's text, or the comma between its parts, right before
# a "No" ("No Debt Trap, No Foreign Base").
_SLOGAN_START = re.compile(r"[\"\u201c\u2018',]\s*$")
# A display that carries an official slogan ("a banner with the slogan 'ironclad friendship'"):
# the slogan in quotation marks is shown, not a scare quote.
_OFFICIAL_DISPLAY = re.compile(
    r"\b(?:banners?|billboards?|slogans?|mottos?|motto(?:es)?|themes?)\b"
    r"(?:\s+[\w\-\u2019']+){0,3}\s*[:,]?\s*$", re.IGNORECASE)
# A short phrase in quotation marks in the outlet's narration is a scare quote or a label.
_SCARE_QUOTE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{1,80})[\"\u201c\u201d]")
_SCARE_QUOTE_WORDS = 8


@dataclass(frozen=True)
class Lexicon:
    """A lexicon compiled into one pattern; the named group that matched says which entry.

    Attributes:
        entries: the lexicon rows (one per entry), with the key column first.
        key: the column naming each entry ("formula", "act", "marker").
        pattern: one case-insensitive, whole-word alternation of every phrase.
        group_keys: named group of the pattern -> entry key.
    """

    entries: pd.DataFrame
    key: str
    pattern: re.Pattern[str]
    group_keys: dict[str, str]


def _outside_escapes(fragment: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, groups open before it) of each character of a regex fragment from
    ``start`` that is neither escaped nor inside a character class."""
    depth, escaped, in_class = 0, False, False
    for at in range(start, len(fragment)):
        char = fragment[at]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            yield at, char, depth
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1


def _first_letter(fragment: str) -> str | None:
    """The ASCII letter (lower case) every match of a regex fragment starts with, if plain."""
    if not re.match(r"[A-Za-z](?![?*+{])", fragment):
        return None
    if any(char == "|" and depth == 0 for _at, char, depth in _outside_escapes(fragment)):
        return None
    return fragment[0].lower()


def _group_letters(fragment: str) -> str | None:
    """The ASCII letters (lower case) that every match of a fragment opening with a group of
    alternatives ("(?:is|are|was)...") can start with, or None when that is not plain."""
    if not fragment.startswith("(?:"):
        return None
    openings, closed = [3], None  # where each alternative starts, where the group ends
    for at, char, depth in _outside_escapes(fragment, 3):
        if char == ")" and depth == 0:
            closed = at
            break
        if char == "|" and depth == 0:
            openings.append(at + 1)
    if closed is None or fragment[closed + 1:closed + 2] in ("?", "*", "{"):
        return None
    starts = [fragment[at] for at in openings]
    if not all(c.isascii() and c.isalpha() for c in starts):
        return None
    return "".join(sorted({c.lower() for c in starts}))


def _opening(fragment: str) -> str:
    """A fragment with what does not change its first letter taken off its front: look-behinds
    ("(?<!household\\s)debts?" -> "debts?") and a case-sensitive group, which becomes a plain
    group ("(?-i:BRI|OBOR)" -> "(?:BRI|OBOR)")."""
    while fragment.startswith(("(?<!", "(?<=")):
        for at, char, depth in _outside_escapes(fragment):
            if char == ")" and depth == 1:
                fragment = fragment[at + 1:]
                break
        else:
            return fragment
    if fragment.startswith("(?-i:"):
        return "(?:" + fragment[len("(?-i:"):]
    return fragment


def _letters(fragment: str) -> str | None:
    """The letters (lower case) every match of a fragment can start with, or None if unknown."""
    opening = _opening(fragment)
    return _first_letter(opening) or _group_letters(opening)


def compile_lexicon(table: pd.DataFrame, *, key: str, phrases: str = "patterns",
                    rank: dict[str, int] | None = None) -> Lexicon:
    """Compile a lexicon table into one pattern with a named group per phrase.

    Where several phrases match at one place, raw ``re:`` patterns are tried before plain
    phrases, and longer ones before shorter ones, so the most specific variant wins
    ("comprehensive strategic partnership" over "strategic partnership"). For speed on large
    corpora the phrases are grouped by the letters they can start with (a phrase opening with
    alternatives, "(?:is|are)...", joins the group of each), so that the regular-expression
    engine skips every group whose first letter does not fit with one comparison; phrases of
    unknown first letter are tried first.

    Args:
        table: lexicon rows, as read by :func:`helpers.corpus.lexicons.read_lexicon`.
        key: the column naming each entry; its values must be unique.
        phrases: the column of ``;``-separated phrases.
        rank: entry -> rank; where phrases of several ranks match at one place, the lowest
            rank wins, before the rules above (default: every entry ranks the same).

    Returns:
        The compiled :class:`Lexicon`.
    """
    for column in (key, phrases):
        if column not in table.columns:
            raise ValueError(f"the lexicon has no {column!r} column: {list(table.columns)}")
    entries = table[table[key].str.strip() != ""].copy()
    entries[key] = entries[key].str.strip()
    duplicated = entries[key][entries[key].duplicated()].tolist()
    if duplicated:
        raise ValueError(f"the lexicon repeats {key} entries: {duplicated}")
    fragments = []
    for entry, cell in zip(entries[key], entries[phrases], strict=True):
        found = split_phrases(cell)
        if not found:
            raise ValueError(f"the lexicon entry {entry!r} has no {phrases}")
        level = (rank or {}).get(entry, 0)
        fragments += [(level, not p.startswith("re:"), -len(phrase_regex(p)), phrase_regex(p),
                       entry) for p in found]
    fragments.sort(key=lambda item: item[:3])
    group_keys: dict[str, str] = {}
    anywhere: list[str] = []
    by_letter: dict[str, list[str]] = {}
    for i, (_, _, _, fragment, entry) in enumerate(fragments):
        letters = _letters(fragment)
        if letters is None:
            group_keys[f"g{i}"] = entry
            anywhere.append(f"(?i:{fragment})(?P<g{i}>)")
        for letter in letters or "":
            group_keys[f"g{i}{letter}"] = entry
            by_letter.setdefault(letter, []).append(f"(?i:{fragment})(?P<g{i}{letter}>)")
    branches = anywhere + [f"(?=[{letter}{letter.upper()}])(?:{'|'.join(parts)})"
                           for letter, parts in by_letter.items()]
    pattern = re.compile(rf"(?<![\w])(?:{'|'.join(branches)})(?![\w])")
    columns = [key] + [c for c in entries.columns if c not in (key, phrases)]
    return Lexicon(entries[columns].reset_index(drop=True), key, pattern, group_keys)


def load_lexicon(path: str | Path, *, key: str) -> Lexicon:
    """Read and compile a lexicon CSV file (see :func:`compile_lexicon`)."""
    return compile_lexicon(read_lexicon(path), key=key)


def load_formulas(path: str | Path = config.FORMULAS_FILE) -> Lexicon:
    """The formulas lexicon (columns formula, category, patterns)."""
    return load_lexicon(path, key="formula")


def load_speech_acts(path: str | Path = config.SPEECH_ACTS_FILE) -> Lexicon:
    """The speech-acts lexicon (columns act, family, patterns)."""
    return load_lexicon(path, key="act")


def load_stance(path: str | Path = config.STANCE_FILE) -> Lexicon:
    """The stance lexicon (columns marker, category, patterns)."""
    return load_lexicon(path, key="marker")


@dataclass(frozen=True)
class PolarityCues:
    """The polarity cues compiled into one pattern, with the kind of each cue.

    Where cues of several kinds match at one place, the kind first in :data:`POLARITY_KINDS`
    wins ("not aimed at" is a dismissal, not the negation "not"; "asked whether" a report, not
    a directive), whatever the order of the rows.

    Attributes:
        lexicon: the compiled cues (key ``cue``).
        kinds: cue -> kind (one of :data:`POLARITY_KINDS`).
        window: how many words ahead a negation reaches.
    """

    lexicon: Lexicon
    kinds: dict[str, str]
    window: int = POLARITY_WINDOW


def compile_polarity(table: pd.DataFrame, *, window: int = POLARITY_WINDOW) -> PolarityCues:
    """Compile a polarity table (columns cue, kind, patterns) into :class:`PolarityCues`."""
    if "kind" not in table.columns:
        raise ValueError("the polarity table has no 'kind' column")
    kinds = dict(zip(table["cue"].astype(str).str.strip(), table["kind"].astype(str).str.strip(),
                     strict=True))
    unknown = sorted({kind for kind in kinds.values() if kind not in POLARITY_KINDS})
    if unknown:
        raise ValueError(f"unknown polarity cue kinds {unknown}: use {list(POLARITY_KINDS)}")
    rank = {cue: POLARITY_KINDS.index(kind) for cue, kind in kinds.items()}
    return PolarityCues(compile_lexicon(table, key="cue", rank=rank), kinds, window)


def load_polarity(path: str | Path = config.POLARITY_FILE) -> PolarityCues:
    """The polarity cues (columns cue, kind, patterns), see :func:`polarity_of`."""
    return compile_polarity(read_lexicon(path))


def _cue_spans(text: str, cues: PolarityCues) -> list[tuple[str, int, int]]:
    kinds, keys = cues.kinds, cues.lexicon.group_keys
    return [(kinds[keys[m.lastgroup]], m.start(), m.end())
            for m in cues.lexicon.pattern.finditer(text)]


def _scare_quoted(text: str, start: int, end: int) -> bool:
    return any(m.start(1) <= start and end <= m.end(1)
               and len(m.group(1).split()) <= _SCARE_QUOTE_WORDS
               and not _OFFICIAL_DISPLAY.search(text[:m.start()])
               for m in _SCARE_QUOTE.finditer(text))


def _cancelled(text: str, found: list[tuple[str, int, int]]) -> set[int]:
    """Positions (in ``found``) of the cues that cancel each other or are cancelled.

    A negation at most two words before a denial cancels both ("cannot deny", "no one
    disputes", "there is no denying"); a canceller ("by accident") cancels every negation of
    its clause; a slogan cue (a placard "reading") cancels the "No" that opens the slogan's
    text ("No Debt Trap"), not a contrast inside it ("We are victims, not scammers"); after a
    directive or a wish ("urged ASEAN to reject", "asked Cambodia to ensure that no", "hoped
    the canal would not harm") negations, denials and negated harms are the outcome asked or
    hoped for, not the speaker's denial.
    """
    out: set[int] = set()
    for i, (kind, _, e) in enumerate(found):
        if kind != "negation":
            continue
        for j, (other, b, _) in enumerate(found):
            if other == "denial" and b >= e and len(words(text[e:b])) <= 2:
                out |= {i, j}
    if any(kind == "canceller" for kind, _, _ in found):
        out |= {i for i, (kind, _, _) in enumerate(found) if kind == "negation"}
    slogan = min((e for kind, _, e in found if kind == "slogan"), default=None)
    if slogan is not None:
        out |= {i for i, (kind, b, e) in enumerate(found)
                if kind == "negation" and b >= slogan and text[b:e].lower() == "no"
                and _SLOGAN_START.search(text[:b])}
    directive = min((e for kind, _, e in found if kind == "directive"), default=None)
    if directive is not None:
        out |= {i for i, (kind, b, e) in enumerate(found)
                if b >= directive and (kind in ("negation", "denial") or (
                    kind == "dismissal" and _NEGATED_DISMISSAL.search(text[b:e])))}
    return out


def match_polarity(text: str, start: int, end: int, *, cues: PolarityCues,
                   spans: list[tuple[str, int, int]] | None = None,
                   narration: bool = False, kinds: frozenset[str] = ALL_CUES) -> str:
    """Whether the words at ``text[start:end]`` are asserted, denied or reported.

    The rule (documented in polarity.csv): a cue governs the clause it is in, never across a
    boundary cue ("but", "while", ";") or the end of the sentence. In that clause the match is
    denied by a negation at most ``cues.window`` words before it and with no comma between
    (unless an attachment word stands between: "will never forget", "not happy with"), by a
    denial verb before it ("rejected claims that") or by a dismissal anywhere ("groundless",
    "..., a claim Beijing denies"); it is reported by a report cue anywhere ("critics say",
    "reportedly") or, in narration, when it sits in a short quoted phrase. Cues cancel out in
    double negations ("cannot deny"), litotes ("not ... by accident"), after a directive or a
    wish ("urged ASEAN to reject", "hoped the canal would not harm") and for a slogan's own
    "No" ("No Debt Trap"). A concession after the main clause ("..., though no destroyer has
    been seen there") is a clause of its own whose negations deny nothing. A reporter's
    question ("asked whether") relays what follows it up to the next comma ("X, asked whether
    ..., said" asserts what is said after it); a question put to a speaker that opens the
    sentence ("Q: Will the warships stay?") relays the whole sentence. Denied wins over
    reported, reported over asserted. A cue overlapping the match itself does not count,
    except a report cue ("analysts warned" relays the act "warned").

    Args:
        text: the sentence.
        start, end: the match's offsets in it.
        cues: the compiled cues.
        spans: the cues found in ``text`` (found here when not given).
        narration: whether the sentence is the outlet's own narration.
        kinds: the cue kinds that count (a speech act's own polarity counts only
            :data:`ACT_CUES`: "agreed that the project is not directed against" is an agreement
            performed, whatever it agrees to).
    """
    found = _cue_spans(text, cues) if spans is None else spans
    opening = max(((e, b, kind) for kind, b, e in found if kind in _BOUNDARIES and e <= start),
                  default=(0, 0, "boundary"))
    left = opening[0]
    right = min((b for kind, b, _ in found if kind in _BOUNDARIES and b >= end),
                default=len(text))
    # A concession after the main clause ("..., though no destroyer has been seen there")
    # concedes a point: its negations deny nothing.
    conceded = opening[2] == "concession" and bool(words(text[:opening[1]]))
    # A cue overlapping the match does not act on it, except a report cue: "analysts warned"
    # relays the act "warned" it holds.
    clause = [(kind, b, e) for kind, b, e in found
              if left <= b and e <= right and kind not in _BOUNDARIES
              and not (conceded and kind == "negation")
              and (e <= start or b >= end or kind == "report")]
    cancelled = _cancelled(text, clause)
    clause = [span for i, span in enumerate(clause) if i not in cancelled and span[0] in kinds]
    attached = [b for kind, b, _ in clause if kind == "attachment" and b < start]
    for kind, _, e in clause:
        if kind == "dismissal" or (kind == "denial" and e <= start):
            return DENIED
        if (kind == "negation" and e <= start
                and len(words(text[e:start])) <= cues.window and "," not in text[e:start]
                and not any(e <= a for a in attached)):
            return DENIED
    if any(kind == "report" or (kind == "question" and e <= start and "," not in text[e:start])
           for kind, _, e in clause):
        return REPORTED
    # A question put to a speaker (a transcript's "Q:", a yes/no question opening the
    # sentence) relays all of it, across its clauses.
    if "asked" in kinds and any(kind == "asked" for kind, _, _ in found):
        return REPORTED
    if narration and _scare_quoted(text, start, end):
        return REPORTED
    return ASSERTED


def polarity_of(hits: pd.DataFrame, *, cues: PolarityCues | None = None,
                kinds: frozenset[str] = ALL_CUES,
                spans: dict[str, list[tuple[str, int, int]]] | None = None) -> pd.Series:
    """The polarity of each match of a ``find_*`` table (see :func:`match_polarity`).

    Each sentence is scanned for cues once, however many matches it holds.

    Args:
        hits: matches with sentence, start, end and (optionally) speech.
        cues: the polarity cues (default: the shipped polarity.csv).
        kinds: the cue kinds that count (see :func:`match_polarity`).
        spans: sentence -> its cues, already found (filled in here for the others).

    Returns:
        asserted, denied or reported for each row of ``hits`` (same index).
    """
    if hits.empty:
        return pd.Series([], index=hits.index, dtype=object, name="polarity")
    cues = cues or load_polarity()
    speech = hits["speech"] if "speech" in hits.columns else pd.Series(NARRATION,
                                                                       index=hits.index)
    by_sentence = {} if spans is None else spans
    values = []
    for text, start, end, said in zip(hits["sentence"], hits["start"], hits["end"],
                                      speech.fillna(NARRATION), strict=True):
        found = by_sentence.get(text)
        if found is None:
            found = by_sentence[text] = _cue_spans(text, cues)
        values.append(match_polarity(text, start, end, cues=cues, spans=found,
                                     narration=said == NARRATION, kinds=kinds))
    return pd.Series(values, index=hits.index, dtype=object, name="polarity")


def sentence_voices(sentences: pd.DataFrame) -> pd.Series:
    """Who speaks in each sentence: "narration" (the outlet) or the speaker's side.

    Quoted and reported sentences take their ``speaker_side`` ("unknown" when the side or
    speaker is unknown). A table without quote columns is all narration.
    """
    if "speech" not in sentences.columns:
        return pd.Series(NARRATION, index=sentences.index, name="voice")
    side = sentences.get("speaker_side", pd.Series("", index=sentences.index))
    side = side.fillna("").astype(str).replace("", UNKNOWN)
    voice = side.where(sentences["speech"].fillna(NARRATION) != NARRATION, NARRATION)
    return voice.rename("voice")


def prepare_sentences(sentences: pd.DataFrame, *, freq: str = "year") -> pd.DataFrame:
    """Sentences with the columns every analysis here groups by.

    Args:
        sentences: sentences with their documents' columns joined (at least ``date``), as
            ``Selection.sentences`` or ``Corpus.sentences_of(documents)`` give them.
        freq: time bin ("year", "quarter", "month", "week" or a pandas code).

    Returns:
        A copy with ``voice`` (see :func:`sentence_voices`) and ``period`` (the time bin as a
        string, "undated" for undated documents).
    """
    if "date" not in sentences.columns:
        raise ValueError("the sentences have no date column: join their documents first "
                         "(Corpus.sentences_of)")
    frame = sentences.reset_index(drop=True).copy()
    frame["voice"] = sentence_voices(frame)
    frame["period"] = time_bin(frame["date"], freq).astype(str).replace("NaT", UNDATED)
    return frame


def scan(texts: pd.Series, lexicon: Lexicon) -> pd.DataFrame:
    """Find every lexicon match in a series of texts, scanning each text once.

    Returns:
        One row per match: row (the position of the text in ``texts``), the entry key,
        start, end and match (the matched words).
    """
    finditer = lexicon.pattern.finditer
    group_keys = lexicon.group_keys
    rows = [
        (row, group_keys[m.lastgroup], m.start(), m.end(), m.group())
        for row, text in enumerate(texts.fillna("").astype(str))
        for m in finditer(text)
    ]
    return pd.DataFrame(rows, columns=["row", lexicon.key, "start", "end", "match"])


_SENTENCE_KEEP = ["doc_id", "sent_idx", "date", "period", "group", "voice", "speaker", "speech"]


def _hits(sentences: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    found = scan(sentences["text"], lexicon)
    keep = [c for c in _SENTENCE_KEEP if c in sentences.columns]
    context = sentences.iloc[found["row"].to_numpy()][keep + ["text"]].reset_index(drop=True)
    hits = pd.concat([context, found.drop(columns="row")], axis=1)
    hits = hits.merge(lexicon.entries, on=lexicon.key, how="left")
    if "voice" not in hits.columns:
        hits["voice"] = NARRATION
    return hits.rename(columns={"text": "sentence"})


def find_formulas(sentences: pd.DataFrame, *, formulas: Lexicon | None = None,
                  polarity: PolarityCues | None = None) -> pd.DataFrame:
    """Every formula in the sentences, with its sentence as evidence and its polarity.

    Args:
        sentences: sentences, best prepared with :func:`prepare_sentences`.
        formulas: a compiled formulas lexicon (default: the shipped one).
        polarity: the polarity cues (default: the shipped ones).

    Returns:
        One row per match: doc_id, sent_idx, the sentence columns present (date, period,
        group, voice, speaker, speech), sentence, formula, start, end, match, category and
        polarity (asserted, denied or reported: "not a debt trap" is a denied formula).
    """
    hits = _hits(sentences, formulas or load_formulas())
    hits["polarity"] = polarity_of(hits, cues=polarity)
    return hits


def _captions(sentences: pd.DataFrame, hits: pd.DataFrame) -> np.ndarray:
    """Whether each hit's sentence is a photo caption (see ``_CAPTION``)."""
    caption = hits["sentence"].str.contains(_CAPTION).to_numpy(dtype=bool, copy=True)
    keys = ["doc_id", "sent_idx"]
    if set(keys) <= set(sentences.columns) and len(hits):
        following = hits[keys].assign(sent_idx=hits["sent_idx"] + 1).merge(
            sentences[keys + ["text"]].drop_duplicates(keys), on=keys, how="left")["text"]
        caption |= following.fillna("").astype(str).str.contains(_BARE_CREDIT).to_numpy(
            dtype=bool)
    return caption


def _tail(text: str, size: int) -> str:
    """The last ``size`` characters of ``text`` or fewer, starting at a word's edge, for the
    patterns that look only at the last words before a form (faster on long contexts)."""
    if len(text) <= size:
        return text
    tail = text[-size:]
    if text[-size - 1].isalnum() or text[-size - 1] == "_":
        space = tail.find(" ")
        return tail[space + 1:] if space >= 0 else ""
    return tail


def _speaker_opens(text: str, speaker: str) -> bool:
    """Whether the last word of the speaker's name is among the first words of the sentence."""
    name = words(speaker)
    return bool(name) and name[-1].lower() in {w.lower() for w in words(text)[:4]}


def _third_party(text: str, start: int, spans: list[tuple[str, int, int]]) -> bool:
    """Whether the act at ``start`` follows a generic source's verb of saying with a subject
    of its own in between ("Rights groups say police often warn ...")."""
    for kind, b, e in spans:
        if (kind != "report" or e > start or not _SAYING_CUE.search(text[b:e])
                or _SIDE_SOURCE.search(text[b:e])):
            continue
        between = text[e:start]
        if not re.search(r"[\x3b:]", between) and set(
                w.lower() for w in words(between)) - _SAME_SUBJECT:
            return True
    return False


def find_speech_acts(
    sentences: pd.DataFrame, *, acts: Lexicon | None = None,
    polarity: PolarityCues | None = None,
) -> pd.DataFrame:
    """Speech acts of commitment and position-taking, with their polarity.

    Verb readings only, told apart without a tagger from the words around the form:

    - a noun is dropped: a determiner, possessive, preposition or common adjective before the
      form ("the pledge", "China's support", "a warm welcome", "a call for"), or a bare form
      followed by "for", "of" or "from" ("support for", "respect for");
    - an act that is not the speaker's is dropped: after a form of "be" (passive or adjective:
      "is accused of", "the raids are welcome"), after a relative pronoun ("a friend who
      respects"), in a trailing clause about a claim ("..., a charge it has denied",
      "..., which Phnom Penh denies"), or an infinitive after a directive act of the same
      sentence ("urged all parties to respect": only ``urge`` is the speaker's), or any form in
      a photo caption ("<Name> welcomes <Name> as he arrives. (Xinhua)").

    A negated or denied form ("did not agree", "refused to support", "no country is willing
    to", "denied a report that Cambodia had agreed") is kept with ``negated`` True so it can
    be shown, but :func:`rates` and :func:`act_table` count only the acts that were performed.

    Args:
        sentences: sentences, best prepared with :func:`prepare_sentences`.
        acts: a compiled speech-acts lexicon (default: the shipped one).
        polarity: the polarity cues (default: the shipped ones).

    Returns:
        As :func:`find_formulas`, with act, family, negated and polarity.
    """
    hits = _hits(sentences, acts or load_speech_acts())
    before = [
        text[max(0, start - _CONTEXT_CHARS) : start]
        for text, start in zip(hits["sentence"], hits["start"], strict=True)
    ]
    after = [text[end : end + 12] for text, end in zip(hits["sentence"], hits["end"],
                                                        strict=True)]
    matched = hits["match"].str.lower()
    bare = matched.isin(_BARE_FORMS).to_numpy()
    is_noun = np.array([bool(_NOUN_CONTEXT.search(_tail(b, _LAST_WORD_CHARS))
                             or _NOUN_AFTER_ADJECTIVES.search(b)) for b in before], dtype=bool)
    is_noun |= bare & np.array([bool(_NOUN_AFTER.match(a)) for a in after], dtype=bool)
    is_noun |= ~matched.str.startswith("thank").to_numpy() & np.array(
        [bool(_SENTENCE_OPENING.match(b)) for b in before], dtype=bool)
    is_noun |= matched.str.endswith("s").to_numpy() & np.array(
        [bool(_PLURAL_OF.match(a)) for a in after], dtype=bool)
    is_noun |= matched.str.endswith("ing").to_numpy() & np.array(
        [bool(_ING_BEFORE_NOUN.match(text[end:end + 24]))
         for text, end in zip(hits["sentence"], hits["end"], strict=True)], dtype=bool)
    speakers = (hits["speaker"].fillna("").astype(str) if "speaker" in hits.columns
                else pd.Series("", index=hits.index))
    narrated = (hits["speech"].fillna(NARRATION) == NARRATION if "speech" in hits.columns
                else pd.Series(True, index=hits.index)).to_numpy(dtype=bool)
    # Only forms not already read as nouns are looked at (the result is the same, sooner).
    not_theirs = np.array([
        not noun and bool(
            _NOT_THE_SPEAKERS.search(b) or (_TRAILING_CLAUSE.search(b) and not (
                _TRAILING_PRONOUN.search(b) and _speaker_opens(text, speaker)))
            or _IN_QUESTION.search(b) or (said and _OUTLET_FIRST_PERSON.search(b))
            or _WH_CLAUSE.search(b) or _THING_SUBJECT.search(_tail(b, _LAST_WORDS_CHARS))
            or _OTHERS_REPORTED.search(b))
        for b, text, speaker, said, noun in zip(before, hits["sentence"], speakers, narrated,
                                                is_noun, strict=True)], dtype=bool)
    infinitive = np.array([bool(_INFINITIVE.search(b)) for b in before], dtype=bool)
    named_only = infinitive & ~np.array([bool(_INFINITIVE_GOVERNOR.search(b)) for b in before],
                                        dtype=bool)
    directives = hits[hits["family"] == "directive"]
    directive_end = directives.groupby("sentence")["end"].min()
    first_end = hits["sentence"].map(directive_end).to_numpy(dtype=float)
    asked = np.array([
        not np.isnan(d) and start >= d and (
            is_inf or (bool(re.search(r"\bto\b", text[int(d):start]))
                       and not _CLAUSE_BREAK.search(text[int(d):start])
                       and not _FINITE_FORM.match(form)))
        for text, start, d, is_inf, form in zip(hits["sentence"], hits["start"], first_end,
                                                infinitive, matched, strict=True)], dtype=bool)
    caption = _captions(sentences, hits) & ~np.array(
        [form.endswith("ed") and bool(_CAPTION_REPORT.search(b))
         for form, b in zip(matched, before, strict=True)], dtype=bool)
    hits = hits[~(is_noun | not_theirs | asked | named_only | caption)].reset_index(drop=True)
    cues = polarity or load_polarity()
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for text in hits["sentence"]:
        if text not in spans:
            spans[text] = _cue_spans(text, cues)
    third = [_third_party(text, start, spans[text])
             for text, start in zip(hits["sentence"], hits["start"], strict=True)]
    hits = hits[~np.array(third, dtype=bool)].reset_index(drop=True)
    hits["polarity"] = polarity_of(hits, cues=cues, kinds=ACT_CUES, spans=spans)
    negated = [bool(_NEGATION.search(before) or _NEGATED_SUBJECT.search(before))
               for before in (text[max(0, start - _CONTEXT_CHARS):start]
                              for text, start in zip(hits["sentence"], hits["start"],
                                                     strict=True))]
    hits["negated"] = pd.Series(negated, index=hits.index, dtype=bool) | (
        hits["polarity"] == DENIED)
    hits.loc[hits["negated"] | (hits["family"] == REJECTIVE), "polarity"] = DENIED
    return hits


def find_stance(sentences: pd.DataFrame, *, stance: Lexicon | None = None) -> pd.DataFrame:
    """Modality and stance markers (firm modals, hedges, intensifiers, "we").

    Returns:
        As :func:`find_formulas`, with marker and category.
    """
    return _hits(sentences, stance or load_stance())


def rates(
    hits: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    column: str,
    by: str = "doc_id",
    values: list[str] | None = None,
) -> pd.DataFrame:
    """Matches per 1,000 words, for each value of ``column``, in each group of sentences.

    Negated speech acts are left out. Words are counted over the same sentences (the one word
    count, :func:`helpers.analysis.terms.document_words`, split by sentence), so the rate of a
    voice is per 1,000 words spoken in that voice.

    Args:
        hits: matches from one of the ``find_*`` functions.
        sentences: the sentences the matches were found in (with ``n_words`` and ``by``).
        column: the hit column whose values become columns (formula, category, act...).
        by: the sentence column to group by ("doc_id", "period", "voice", "group").
        values: the columns to show, in order, found or not (default: the values found).

    Returns:
        One row per group (index ``by``) with n_words, then one rate column per value.
    """
    counted = hits[~hits["negated"]] if "negated" in hits.columns else hits
    n_words = sentences.groupby(by)["n_words"].sum()
    if counted.empty:
        counts = pd.DataFrame(index=n_words.index)
    else:
        counts = counted.groupby([by, column]).size().unstack(fill_value=0)
    counts = counts.reindex(index=n_words.index, fill_value=0)
    if values is not None:
        counts = counts.reindex(columns=list(values), fill_value=0)
    per_thousand = pd.DataFrame(
        per_1000(counts.to_numpy(dtype=float), n_words.to_numpy()[:, None]),
        index=counts.index, columns=counts.columns,
    ).where(n_words > 0, axis=0)
    per_thousand.columns.name = None
    return pd.concat([n_words.rename("n_words"), per_thousand], axis=1)


def overall_rates(hits: pd.DataFrame, sentences: pd.DataFrame, *, column: str) -> pd.Series:
    """Matches per 1,000 words of all the sentences, for each value of ``column``.

    Negated speech acts are left out, as in :func:`rates`.

    Args:
        hits: matches from one of the ``find_*`` functions.
        sentences: the sentences the matches were found in (with ``n_words``).
        column: the hit column to count by (category, family, act...).

    Returns:
        The rate of each value found, most frequent first (empty when nothing matched).
    """
    counted = hits[~hits["negated"]] if "negated" in hits.columns else hits
    counts = counted[column].value_counts()
    return pd.Series(per_1000(counts.to_numpy(), int(sentences["n_words"].sum())),
                     index=counts.index, name=counts.name)


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _voice_list(values: pd.Series) -> str:
    counts = values.value_counts()
    return "; ".join(f"{voice} {count}" for voice, count in counts.items())


def formula_summary(hits: pd.DataFrame) -> pd.DataFrame:
    """One row per formula found: how often, where, when first and last, and by whom.

    Args:
        hits: from :func:`find_formulas` on sentences from :func:`prepare_sentences`.

    Returns:
        formula, category, count, n_docs, first_date, first_doc, last_date, voices (counts
        by voice, most frequent first) and example (the earliest sentence, cut to 200
        characters), sorted by first date (undated formulas last).
    """
    columns = ["formula", "category", "count", "n_docs", "first_date", "first_doc",
               "last_date", "voices", "example"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    ordered = hits.sort_values(["date", "doc_id", "sent_idx"], na_position="last")
    grouped = ordered.groupby("formula", sort=False)
    table = pd.DataFrame(
        {
            "category": grouped["category"].first(),
            "count": grouped.size(),
            "n_docs": grouped["doc_id"].nunique(),
            "first_date": grouped["date"].min(),
            "first_doc": grouped["doc_id"].first(),
            "last_date": grouped["date"].max(),
            "voices": grouped["voice"].agg(_voice_list),
            "example": grouped["sentence"].first().map(_shorten),
        }
    )
    table = table.reset_index().sort_values(
        ["first_date", "count"], ascending=[True, False], na_position="last"
    )
    return table[columns].reset_index(drop=True)


def crosstab(hits: pd.DataFrame, *, rows: str, columns: str) -> pd.DataFrame:
    """Count hits by two columns ("formula" x "voice", "act" x "group"...), negations excluded.

    Rows are sorted by total, most frequent first.
    """
    counted = hits[~hits["negated"]] if "negated" in hits.columns else hits
    table = pd.crosstab(counted[rows], counted[columns])
    table.columns.name = None
    return table.loc[table.sum(axis=1).sort_values(ascending=False).index]


def all_periods(sentences: pd.DataFrame, *, freq: str) -> list[str]:
    """Every period from the first dated sentence's to the last one's, empty ones included."""
    dates = sentences["date"].dropna()
    if dates.empty:
        return []
    bins = time_bin(dates, freq)
    return [str(p) for p in pd.period_range(bins.min(), bins.max(), freq=bins.dt.freq)]


def formula_timeline(
    hits: pd.DataFrame, sentences: pd.DataFrame, *, freq: str = "year"
) -> pd.DataFrame:
    """Formulas per 1,000 words in each period, one row per formula and period.

    Args:
        hits: from :func:`find_formulas`.
        sentences: the sentences searched, from :func:`prepare_sentences` with the same freq.
        freq: the time bin the sentences were prepared with.

    Returns:
        Columns formula, period (every period from the first to the last dated one), count,
        rate (per 1,000 words; NaN in a period without documents), n_docs (documents in the
        period) and first (True in the period where the formula first appears).
    """
    columns = ["formula", "period", "count", "rate", "n_docs", "first"]
    periods = all_periods(sentences, freq=freq)
    seen = hits[hits["period"] != UNDATED]
    if not periods or seen.empty:
        return pd.DataFrame(columns=columns)
    dated = sentences[sentences["period"] != UNDATED]
    words = dated.groupby("period")["n_words"].sum().reindex(periods)
    n_docs = dated.groupby("period")["doc_id"].nunique().reindex(periods, fill_value=0)
    counts = seen.groupby(["formula", "period"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=periods, fill_value=0)
    long = counts.stack().rename("count").reset_index()
    long.columns = ["formula", "period", "count"]
    period_words = long["period"].map(words).fillna(0).to_numpy()
    long["rate"] = np.where(period_words > 0, per_1000(long["count"], period_words), np.nan)
    long["n_docs"] = long["period"].map(n_docs)
    first_period = seen.sort_values("date").groupby("formula")["period"].first()
    long["first"] = long["period"] == long["formula"].map(first_period)
    return long[columns]


def act_table(hits: pd.DataFrame, *, by: str = "voice") -> pd.DataFrame:
    """Speech acts performed and negated, by act and one sentence column.

    Returns:
        One row per act: family, one count column per value of ``by`` (performed acts only),
        total and negated.
    """
    table = crosstab(hits, rows="act", columns=by)
    families = hits.drop_duplicates("act").set_index("act")["family"]
    table.insert(0, "family", families.reindex(table.index))
    table["total"] = table.drop(columns="family").sum(axis=1)
    negated = hits[hits["negated"]].groupby("act").size()
    table["negated"] = negated.reindex(table.index, fill_value=0)
    missing = negated.index.difference(table.index)
    if len(missing):
        extra = pd.DataFrame({"family": families.reindex(missing), "negated": negated[missing]})
        table = pd.concat([table, extra]).fillna(0)
    return table.rename_axis("act").reset_index()


def voices_table(sentences: pd.DataFrame, *, top_speakers: int = 3) -> pd.DataFrame:
    """How much of each document is quoted speech, and who is quoted most.

    Args:
        sentences: from :func:`prepare_sentences` (with the quote columns).
        top_speakers: how many speakers to name per document; the others are counted in a
            "+N more" tail (every speaker is in the sentence table and the speakers table).

    Returns:
        One row per document: doc_id, date, n_words, quoted_share (share of characters
        inside quotation marks), attributed_share (share of words in quoted or reported
        sentences), n_speakers and speakers ("name (side)", most quoted first).
    """
    speaker = sentences.get("speaker", pd.Series("", index=sentences.index)).fillna("")
    quoted = sentences.get("quoted_chars", pd.Series(0, index=sentences.index))
    frame = pd.DataFrame({
        "doc_id": sentences["doc_id"],
        "date": sentences["date"],
        "n_words": sentences["n_words"],
        "chars": sentences["text"].str.len(),
        "quoted": quoted,
        "attributed": sentences["n_words"].where(sentences["voice"] != NARRATION, 0),
        "who": speaker + " (" + sentences["voice"] + ")",
    })
    grouped = frame.groupby("doc_id", sort=False)
    table = pd.DataFrame({
        "date": grouped["date"].first(),
        "n_words": grouped["n_words"].sum(),
        "quoted_share": grouped["quoted"].sum() / grouped["chars"].sum(),
        "attributed_share": grouped["attributed"].sum() / grouped["n_words"].sum(),
    })
    spoken = frame[(speaker != "") & (sentences["voice"] != NARRATION)]
    who = (spoken.groupby(["doc_id", "who"], sort=False).size().rename("n").reset_index()
           .sort_values(["doc_id", "n"], ascending=[True, False], kind="stable"))
    by_doc = who.groupby("doc_id", sort=False)["who"]
    table["n_speakers"] = by_doc.size().reindex(table.index, fill_value=0)
    named = by_doc.head(top_speakers).groupby(who["doc_id"], sort=False).agg("; ".join)
    more = (table["n_speakers"] - top_speakers).clip(lower=0)
    tail = more.map(lambda n: f"; +{n} more" if n else "")
    table["speakers"] = named.reindex(table.index, fill_value="") + tail
    return table.reset_index().sort_values(["date", "doc_id"], na_position="last")


def voice_mix(sentences: pd.DataFrame, *, by: str = "period") -> pd.DataFrame:
    """Share of words in each voice (narration and each quoted side) per group.

    Returns:
        One row per value of ``by`` and one column per voice; rows sum to 1.
    """
    words_by = sentences.pivot_table(
        index=by, columns="voice", values="n_words", aggfunc="sum", fill_value=0
    )
    words_by.columns.name = None
    ordered = [NARRATION] + sorted(c for c in words_by.columns if c != NARRATION)
    words_by = words_by[[c for c in ordered if c in words_by.columns]]
    return words_by.div(words_by.sum(axis=1).where(lambda s: s > 0), axis=0)


def _mtld_pass(tokens: list[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    for token in tokens:
        count += 1
        types.add(token)
        if len(types) / count <= threshold:
            factors += 1
            types, count = set(), 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return len(tokens) / factors if factors else float(len(tokens))


def mtld(
    tokens: list[str], *, threshold: float = MTLD_THRESHOLD, min_tokens: int = MTLD_MIN_TOKENS
) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010), bidirectional.

    The mean length of word runs that keep a type-token ratio above ``threshold``, with a
    partial factor for the remainder, averaged over a forward and a backward pass. A text
    that never falls to the threshold scores its own length.

    Args:
        tokens: the words, lower-cased.
        threshold: the type-token ratio that closes a factor.
        min_tokens: shorter texts get NaN (MTLD is unreliable on them).

    Returns:
        MTLD (higher means more varied vocabulary), or NaN.
    """
    if len(tokens) < min_tokens:
        return float("nan")
    return (_mtld_pass(tokens, threshold) + _mtld_pass(tokens[::-1], threshold)) / 2


def style_table(sentences: pd.DataFrame, *, min_tokens: int = MTLD_MIN_TOKENS) -> pd.DataFrame:
    """Readability and lexical diversity of each document.

    Returns:
        One row per document: doc_id, date, n_sentences, n_words, words_per_sentence,
        syllables_per_word, flesch_reading_ease and mtld (NaN under ``min_tokens`` words).
    """
    ordered = sentences.sort_values(["doc_id", "sent_idx"])
    tokens = [words(text) for text in ordered["text"].fillna("").astype(str)]
    per_sentence = pd.DataFrame({
        "doc_id": ordered["doc_id"].to_numpy(),
        "date": ordered["date"].to_numpy() if "date" in ordered.columns else pd.NaT,
        "n_words": [len(t) for t in tokens],
        "n_syllables": [sum(syllables(w) for w in t) for t in tokens],
    })
    grouped = per_sentence.groupby("doc_id", sort=True)
    table = pd.DataFrame({
        "date": grouped["date"].first(),
        "n_sentences": grouped.size(),
        "n_words": grouped["n_words"].sum(),
    })
    n_syllables = grouped["n_syllables"].sum()
    has_words = table["n_words"].where(table["n_words"] > 0)
    table["words_per_sentence"] = has_words / table["n_sentences"]
    table["syllables_per_word"] = n_syllables / has_words
    table["flesch_reading_ease"] = reading_ease(table["words_per_sentence"],
                                                table["syllables_per_word"])
    doc_tokens: dict[str, list[str]] = {}
    for doc_id, sentence_tokens in zip(per_sentence["doc_id"], tokens, strict=True):
        doc_tokens.setdefault(doc_id, []).extend(sentence_tokens)
    table["mtld"] = [mtld(doc_tokens.get(doc_id, []), min_tokens=min_tokens)
                     for doc_id in table.index]
    table = table.rename_axis("doc_id").reset_index()
    return table.sort_values(["date", "doc_id"], na_position="last").reset_index(drop=True)


def kwic(
    sentences: pd.DataFrame, documents: pd.DataFrame, pattern: str, *, window: int = 60
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase or formula, with its context.

    Args:
        sentences: the sentences to search (e.g. ``Selection.sentences`` or a subset).
        documents: the document table (for date, outlet and the text around each sentence).
        pattern: a lexicon-style phrase ("ironclad*", "one-China policy") or ``re:`` regex.
        window: characters of context shown on each side.

    Returns:
        One row per occurrence: doc_id, date, outlet, sent_idx, left, match, right, sorted by
        date. Context runs over into neighbouring sentences; whitespace is folded.
    """
    columns = ["doc_id", "date", "outlet", "sent_idx", "left", "match", "right"]
    regex = compile_phrases([pattern])
    texts = sentences["text"].fillna("").astype(str)
    found = [(row, m.start(), m.end()) for row, text in enumerate(texts)
             for m in regex.finditer(text)]
    if not found:
        return pd.DataFrame(columns=columns)
    rows, starts, ends = (list(values) for values in zip(*found, strict=True))
    hit = sentences.iloc[rows].reset_index(drop=True)
    text = texts.iloc[rows].tolist()
    left = [t[:s] for t, s in zip(text, starts, strict=True)]
    right = [t[e:] for t, e in zip(text, ends, strict=True)]
    meta = documents.drop_duplicates("doc_id").set_index("doc_id")
    if "clean_text" in meta.columns and {"start", "end"} <= set(hit.columns):
        body = hit["doc_id"].map(meta["clean_text"]).fillna("").astype(str).tolist()
        s_start, s_end = hit["start"].astype(int).tolist(), hit["end"].astype(int).tolist()
        left = [b[max(0, a - window):a] + " " + x
                for b, a, x in zip(body, s_start, left, strict=True)]
        right = [x + " " + b[z:z + window] for b, z, x in zip(body, s_end, right, strict=True)]
    table = pd.DataFrame({
        "doc_id": hit["doc_id"],
        "date": hit["doc_id"].map(meta["date"]) if "date" in meta.columns else pd.NaT,
        "outlet": hit["doc_id"].map(meta["outlet"]).fillna("") if "outlet" in meta.columns
        else "",
        "sent_idx": hit["sent_idx"] if "sent_idx" in hit.columns else rows,
        "left": [_SPACE.sub(" ", x).strip()[-window:] for x in left],
        "match": [t[s:e] for t, s, e in zip(text, starts, ends, strict=True)],
        "right": [_SPACE.sub(" ", x).strip()[:window] for x in right],
    })
    return table.sort_values(["date", "doc_id", "sent_idx"], na_position="last").reset_index(
        drop=True
    )
