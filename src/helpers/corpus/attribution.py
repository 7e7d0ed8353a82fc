"""Tell whose voice each sentence of an article is: narration, a quotation or reported speech.

News about a relationship mixes the reporter's narration with the words of officials, analysts
and documents. Sentiment and rhetoric mean different things in each voice, so every sentence
gets:

- ``speech``: "quote" (it holds a quotation: words inside quotation marks attributed to a
  speaker, or a sentence inside a quotation that runs over several sentences), "reported"
  (reported speech without quotation marks: "Wang said that ...", "according to the embassy")
  or "narration";
- ``quoted_chars``: how many of its characters are inside quotation marks that quote someone;
- ``speaker``, ``speaker_side`` and ``speaker_role``: who speaks, for which side, as what.

The rules are simple enough to explain to a reader:

1. A quotation is text in double quotation marks (straight, curly or guillemets). A short
   unattributed phrase in quotation marks is a scare quote or a name ("Diamond Hexagon") and
   does not make a quotation; text in single quotation marks counts only next to a reporting
   verb. A quotation left open runs into the next sentences, up to the end of its paragraph
   (or into the next paragraph when that one opens with a quotation mark, as news does for
   quotations of several paragraphs).
2. The speaker is the subject of a reporting verb (reporting_verbs.csv) next to the quotation,
   preferably the one after it ("...," the embassy said), else the one before it (Wang said:
   "..."). Every sentence of a quotation gets the speaker found anywhere in it. A verb in
   "-ing" or after "and" ("..., adding that", "and said") shares the speaker of its sentence.
   An unattributed quotation takes the person who is the subject of its sentence, else the
   speaker of the sentence just before.
3. "he"/"she" is the most recent person who spoke or was the subject of a sentence (else the
   most recent person named with a title); "it" the most recent organisation or document that
   spoke; "they" the most recent group that spoke. A short name ("Wang", "Mr Wang") is the
   most recent person of the article whose full name contains it; "the embassy" or "the
   release" is the most recent speaker with that word; "the king" or "the diplomat" the most
   recent person introduced with that word, else in that role.
4. A speaker's side and role come from actors.csv, else from the words that introduce them in
   the article ("Chinese Foreign Minister Wang Yi", "Kin Phea, director of the Royal Academy of
   Cambodia's ...") read with sides.csv and roles.csv. Without such words they stay "unknown".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers import config
from helpers.corpus.lexicons import compile_phrases, phrase_regex, read_lexicon, split_phrases

ROLES_FILE = config.ROLES_FILE
REPORTING_VERBS_FILE = config.REPORTING_VERBS_FILE
OUTLETS_FILE = config.OUTLETS_FILE

ATTRIBUTION_COLUMNS = ["speech", "quoted_chars", "speaker", "speaker_side", "speaker_role"]
UNKNOWN = "unknown"
# Roles that only organisations and texts can have, never a named person.
_BODY_ROLES = frozenset({"institution", "document"})
# An unattributed phrase in quotation marks with fewer words than this, covering less than
# half of its sentence, is a scare quote or a name ("Diamond Hexagon"), not a quotation.
MIN_UNATTRIBUTED_QUOTE_WORDS = 8
# A reporting verb attributes a quotation when at most this many words stand between them.
MAX_ATTRIBUTION_GAP_WORDS = 8
# "he" or "the minister" is looked for among the subjects of this many sentences before it.
MAX_LOOKBACK_SENTENCES = 12
# Runs of capitalised words remembered per set of lexicons (the cache is emptied when full).
_MAX_CACHED_RUNS = 1 << 16

_OPENERS = "\u201c\u00ab\u201e"  # “ « „
_CLOSERS = "\u201d\u00bb"  # ” »
_QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_SINGLE_QUOTED = re.compile(
    r"(?<![\w\u2019'])[\u2018'](?=\w)([^\u2018\u201c\u201d\"]+?)(?<=[\w.,!?])[\u2019'](?!\w)")
_TOKEN_SPLIT = re.compile(r"([^\W_]+(?:[\u2019'\-.][^\W_]+)*(?:[\u2019']s\b)?|[^\w\s])")
_WORD = re.compile(r"[^\W_]+(?:[\u2019'\-][^\W_]+)*")
_CAPITAL_RUN = re.compile(
    r"[A-Z][\w\u2019'\-]*(?:\.?\s+(?:(?:von|van|der|de|bin)\s+)?[A-Z][\w\u2019'\-]*)*")
_LOWER_WORD = re.compile(r"[a-z]+")
_LAST_WORD = re.compile(r"([\w\u2019'\-]+)\s+$")
# After a verb flagged needs_that: "that", a colon, or the end of a clause (", he added.").
_CLOSES_OR_THAT = re.compile(r"\s*(?:that\b|:|[,.;!?\u201d\"]|$)")
# A reporting verb right after these (or opening the sentence) may have its speaker after it.
_INVERSION_MARKS = ",:\u201d\"\u2019\u2014"
_CLOSING_MARKS = "\u201d\"\u2019"
# Words that may follow a speaker named after the verb ("..., said Wang on Monday").
_AFTER_INVERTED_SPEAKER = frozenset(
    "on in at during when while after before told adding noting who from last this "
    "yesterday today".split())

_DETERMINERS = frozenset(
    "the a an this that these those its his her their our both all some many several most "
    "two three four five other another each".split()
)
_PLURAL_DETERMINERS = frozenset("both all some many several most two three four five these "
                                "those".split())
_PERSON_PRONOUNS = frozenset({"he", "she"})
_BODY_PRONOUNS = frozenset({"it"})
_GROUP_PRONOUNS = frozenset({"they", "we"})
_PRONOUNS = _PERSON_PRONOUNS | _BODY_PRONOUNS | _GROUP_PRONOUNS
# Words that may stand between a speaker and the verb ("Wang also said", "he had earlier told").
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "also further later again then previously earlier reportedly repeatedly recently once "
    "has have had already publicly separately likewise similarly firmly "
    "strongly clearly explicitly would will could might may must should however meanwhile "
    "moreover just even".split()
)
_AUXILIARIES = frozenset("is are was were be been being has have had do does did".split())
_CONNECTORS = frozenset({"of", "in", "at", "for", "to", "on", "from", "and", "&"})
# Lower-case particles that can sit inside a name ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "del", "dos", "du", "bin",
                             "binti", "al", "la", "le"})
# A side named after one of these words is where or whom the speaker deals with.
_DESTINATION_WORDS = frozenset({"to", "in", "with", "on", "into", "towards", "toward", "against"})
# Capitalised words that start sentences and are never names.
_NOT_NAMES = frozenset(
    "the this that these those there it its he she they we i his her their our both all some "
    "many most such since as when while if after before but and yet so also finally however "
    "meanwhile moreover furthermore additionally in on at during with without for from by "
    "according speaking asked last next then today yesterday tomorrow earlier later latter "
    "former what who why how where which one nothing something anything everything nobody "
    "everyone someone anyone".split()
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+,[^\u2013\u2014]{0,40}?(?:--|\u2013|\u2014| - |:)\s*")
_INTRO_PHRASE = re.compile(r"^[^,;:\u201c\u201d\"]{1,100},\s+")
_INTRO_FIRST_WORDS = frozenset(
    "in on at during after before meanwhile additionally furthermore moreover however also "
    "separately earlier later speaking finally similarly likewise besides last next then "
    "yesterday today with while when as for from under".split()
)


# --------------------------------------------------------------------------- lexicons


def _is_short_capitals(phrase: str) -> bool:
    letters = phrase.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


def _cue_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Compile cues; short all-capital cues (US, UN) only match in capitals."""
    prepared = [f"re:(?-i:{phrase_regex(p)})" if _is_short_capitals(p) else p for p in phrases]
    return compile_phrases(prepared)


def _cue_words(phrases: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for phrase in phrases:
        if not phrase.startswith("re:"):
            words.update(_key(w) for w in re.split(r"[\s\-\u2010-\u2015]+", phrase) if w)
    return words - _CONNECTORS - _DETERMINERS


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """A word as compared with lexicon words: lower case, straight apostrophe, no possessive."""
    lowered = word.lower().replace("\u2019", "'").rstrip("*")
    return lowered[:-2] if lowered.endswith("'s") else lowered.rstrip("'")


@dataclass(frozen=True, eq=False)
class SideLexicon:
    """The sides a speaker can speak for, and the cue words that place a speaker on each."""

    sides: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    words: frozenset[str]
    _found: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file(cls, path: str | Path = config.SIDES_FILE) -> SideLexicon:
        """Read a sides lexicon (columns side, cues).

        Args:
            path: the CSV file.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        sides, patterns, words = [], [], set()
        for row in table.itertuples(index=False):
            cues = split_phrases(row.cues)
            if not row.side.strip() or not cues:
                continue
            sides.append(row.side.strip())
            patterns.append(_cue_pattern(cues))
            words |= _cue_words(cues)
        return cls(tuple(sides), tuple(patterns), frozenset(words))

    def side_of(self, context: str) -> str:
        """The side whose cue comes first in ``context`` ("" when none).

        A cue right after "to", "in", "with", "on" or "against" is skipped: it names where
        or whom the speaker deals with ("ambassador to Cambodia"), not the speaker's side.
        """
        if context not in self._found:
            self._found[context] = self._first_side(context)
        return self._found[context]

    def _first_side(self, context: str) -> str:
        best: tuple[int, int, str] | None = None
        for side, pattern in zip(self.sides, self.patterns, strict=True):
            for match in pattern.finditer(context):
                before = context[: match.start()].split()
                if before and before[-1].lower() in _DESTINATION_WORDS:
                    continue
                candidate = (match.start(), -(match.end() - match.start()), side)
                if best is None or candidate < best:
                    best = candidate
                break
        return best[2] if best else ""


@dataclass(frozen=True)
class Actor:
    """A known speaker: full name, side ("" when unknown) and role."""

    name: str
    side: str
    role: str


def _name_key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").replace(".", " ").split())


@dataclass(frozen=True, eq=False)
class ActorLexicon:
    """Known speakers, looked up by their full name or one of its aliases."""

    by_key: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: str | Path = config.ACTORS_FILE) -> ActorLexicon:
        """Read an actors lexicon (columns name, aliases, side, role).

        Args:
            path: the CSV file.

        Returns:
            The lexicon.
        """
        table = read_lexicon(path)
        by_key: dict[str, Actor] = {}
        for row in table.itertuples(index=False):
            name = row.name.strip()
            if not name:
                continue
            actor = Actor(name, row.side.strip(), row.role.strip() or UNKNOWN)
            for alias in [name, *split_phrases(row.aliases)]:
                by_key.setdefault(_name_key(alias), actor)
        return cls(by_key)

    def lookup(self, name: str) -> Actor | None:
        """The actor called ``name`` (case, dots and apostrophes ignored), or None."""
        return self.by_key.get(_name_key(name))


@dataclass(frozen=True)
class _RoleRow:
    role: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, eq=False)
class RoleLexicon:
    """Roles of speakers (analyst, media, official, institution, document) and title words."""

    rows: tuple[_RoleRow, ...]
    title_words: frozenset[str]
    person_words: frozenset[str]  # last words of person cues ("diplomat", "spokesperson")
    _found: dict[tuple[str, bool], str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file(cls, path: str | Path = ROLES_FILE, *,
                  outlets: str | Path | None = OUTLETS_FILE) -> RoleLexicon:
        """Read a roles lexicon (columns role, kind, cues), adding outlets as media cues.

        Args:
            path: the roles CSV file.
            outlets: the outlets CSV (columns outlet, aliases) whose names are media cues;
                None for none.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        rows, titles, person = [], set(), set()
        for row in table.itertuples(index=False):
            cues = split_phrases(row.cues)
            kind = row.kind.strip()
            if not cues:
                continue
            titles |= _cue_words(cues)
            if kind == "title":
                continue
            rows.append(_RoleRow(row.role.strip(), kind, _cue_pattern(cues)))
            if kind == "person":
                person.update(_key(c.split()[-1]) for c in cues if not c.startswith("re:"))
        if outlets is not None:
            names = []
            for row in read_lexicon(outlets).itertuples(index=False):
                names += [row.outlet, *split_phrases(row.aliases)]
            rows.append(_RoleRow("media", "body", _cue_pattern(names)))
        return cls(tuple(rows), frozenset(titles), frozenset(person))

    def role_of(self, context: str, *, person: bool) -> str:
        """The role of the first row with a cue in ``context`` ("" when none).

        Args:
            context: the words that introduce the speaker.
            person: the speaker is a named person, who never gets a body role.

        Returns:
            The role.
        """
        key = (context, person)
        if key not in self._found:
            self._found[key] = next(
                (row.role for row in self.rows
                 if not (person and row.role in _BODY_ROLES) and row.pattern.search(context)), "")
        return self._found[key]


@dataclass(frozen=True)
class _Verb:
    subject: str  # before | after | either
    needs_that: bool
    participle: bool


@dataclass(frozen=True, eq=False)
class ReportingVerbs:
    """Forms of the verbs that attribute words to a speaker."""

    forms: dict[tuple[str, ...], _Verb]  # by the words of the form, in lower case
    first_words: dict[str, tuple[tuple[str, ...], ...]]  # forms by first word, longest first

    @classmethod
    def from_file(cls, path: str | Path = REPORTING_VERBS_FILE) -> ReportingVerbs:
        """Read a reporting-verbs lexicon (columns verb, forms, subject, needs_that).

        Args:
            path: the CSV file.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        forms: dict[tuple[str, ...], _Verb] = {}
        for row in table.itertuples(index=False):
            subject = row.subject.strip() or "before"
            needs_that = row.needs_that.strip().lower() == "yes"
            for form in split_phrases(row.forms):
                words = tuple(form.lower().split())
                participle = subject != "after" and words[0].endswith("ing")
                forms[words] = _Verb(subject, needs_that, participle)
        first_words: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(forms, key=len, reverse=True):
            first_words.setdefault(words[0], []).append(words)
        return cls(forms, {w: tuple(f) for w, f in first_words.items()})

    def may_occur(self, text: str) -> bool:
        """Whether ``text`` holds the first word of a form (a quick test)."""
        return not self.first_words.keys().isdisjoint(_LOWER_WORD.findall(text.lower()))

    def find(self, tokens: list[_Token]) -> Iterator[tuple[int, int, _Verb]]:
        """The forms among ``tokens``: index of the first word, index after the last, verb."""
        first_words = self.first_words
        keys = list(map(_KEY_OF, tokens))
        # The indexes of possible first words, found without a Python loop over every token.
        for i in compress(range(len(keys)), map(first_words.__contains__, keys)):
            for words in first_words[keys[i]]:
                end = i + len(words)
                if end <= len(keys) and (len(words) == 1 or tuple(keys[i:end]) == words):
                    yield i, end, self.forms[words]
                    break


@lru_cache(maxsize=1)
def default_lexicons() -> tuple[SideLexicon, ActorLexicon, RoleLexicon, ReportingVerbs]:
    """The shipped sides, actors, roles and reporting verbs, read once."""
    return (SideLexicon.from_file(), ActorLexicon.from_file(), RoleLexicon.from_file(),
            ReportingVerbs.from_file())


# --------------------------------------------------------------------------- quotation marks


@dataclass
class _Span:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    quotation: int  # id of the quotation (several sentences may share one; < 0: single marks)
    closed_here: bool  # the closing mark is in this sentence


def _double_quoted_spans(text: str, *, open_quotation: int | None,
                         next_id: int) -> tuple[list[_Span], int | None, int]:
    """Spans inside double quotation marks, given a quotation left open before the sentence.

    Returns:
        The spans, the id of the quotation still open at the end (or None), the next free id.
    """
    spans: list[_Span] = []
    current, start = open_quotation, 0
    for match in _QUOTE_MARK.finditer(text):
        mark, position = match.group(), match.start()
        opens = mark in _OPENERS or (mark == '"' and current is None)
        if opens:
            if current is None:
                current, start = next_id, position + 1
                next_id += 1
        elif current is not None:
            spans.append(_Span(start, position, current, True))
            current = None
        elif not spans and not text[:position].strip(" ,.;:!?"):
            continue  # a stray closing mark at the start: nothing quoted before it
        elif not spans:
            spans.append(_Span(0, position, next_id, True))
            next_id += 1
    if current is not None:
        spans.append(_Span(start, len(text), current, False))
    return spans, current, next_id


def _double_quoted_by_sentence(texts: list[str], paragraphs: list[int]) -> list[list[_Span]]:
    """The double-quoted spans of each sentence of a document, quotations followed across
    sentences: an open quotation runs on to the end of its paragraph, or into the next
    paragraph when that one opens with a quotation mark."""
    spans_of: list[list[_Span]] = []
    open_quotation: int | None = None
    next_id = 0
    for i, text in enumerate(texts):
        offset = 0
        if open_quotation is not None and paragraphs[i] != paragraphs[i - 1]:
            if text[:1] in _OPENERS or text[:1] == '"':
                offset = 1  # a quotation of several paragraphs goes on
            else:
                open_quotation = None  # an unclosed quotation ends with its paragraph
        if open_quotation is None and not _QUOTE_MARK.search(text):
            spans_of.append([])
            continue
        spans, open_quotation, next_id = _double_quoted_spans(
            text[offset:], open_quotation=open_quotation, next_id=next_id)
        for span in spans:
            span.start += offset
            span.end += offset
        spans_of.append(spans)
    return spans_of


# --------------------------------------------------------------------------- noun phrases


class _Token(NamedTuple):
    text: str
    start: int
    end: int
    key: str  # lower case, straight apostrophe, no possessive
    word: bool
    capital: bool


_KEY_OF = itemgetter(3)  # a token's key, as a C-level callable


def _tokens(text: str) -> list[_Token]:
    found = []
    new = tuple.__new__  # what _Token(...) calls, without its extra Python frame
    parts = _TOKEN_SPLIT.split(text)  # between, token, between, token, ...
    position = 0
    for index in range(1, len(parts), 2):
        value = parts[index]
        position += len(parts[index - 1])
        end = position + len(value)
        if value[0].isalnum():
            found.append(new(_Token, (value, position, end, _key(value), True,
                                      value[0].isupper())))
        else:
            found.append(new(_Token, (value, position, end, value, False, False)))
        position = end
    return found


@dataclass(frozen=True)
class _Phrase:
    """A noun phrase that names a speaker, with the words that introduce it."""

    kind: str  # pronoun | person (a name) | body (anything else) | implicit (the subject)
    text: str  # the phrase without its determiner
    name: str = ""  # person: the name without titles
    head: str = ""  # body: the head noun ("embassy", "release", "diplomat")
    context: str = ""  # titles, appositive and other words around the name
    definite: bool = False  # "the embassy", "this statement": refers back
    person_head: bool = False  # an unnamed person or people ("the diplomat", "analysts")
    plural: bool = False


_IMPLICIT = _Phrase("implicit", "")


def _with_context(phrase: _Phrase, extra: str) -> _Phrase:
    return replace(phrase, context=f"{phrase.context} {extra}".strip())


def _strip_possessive(word: str) -> str:
    return re.sub(r"[\u2019']s?$", "", word)


class _Grammar:
    """Word classes built from the lexicons, and the noun-phrase walks that use them."""

    def __init__(self, sides: SideLexicon, roles: RoleLexicon, actors: ActorLexicon) -> None:
        self.sides, self.roles, self.actors = sides, roles, actors
        self._title_words = roles.title_words - _CONNECTORS - _DETERMINERS
        self._cue_words = sides.words
        self._classes: dict[str, tuple[bool, bool]] = {}

    def _classify(self, key: str) -> tuple[bool, bool]:
        """(is a title word, is a side cue word), hyphenated words read part by part."""
        found = self._classes.get(key)
        if found is None:
            parts = [p for p in key.split("-") if p] or [key]
            title = key in self._title_words or all(p in self._title_words for p in parts)
            cue = key in self._cue_words or all(
                p in self._cue_words or p in self._title_words for p in parts) and any(
                p in self._cue_words for p in parts)
            found = self._classes[key] = (title, cue)
        return found

    def is_title(self, key: str) -> bool:
        """A word of titles, roles and office names ("minister", "foreign", "Mr")."""
        return self._classify(key)[0]

    def is_cue(self, key: str) -> bool:
        """A word of a side cue ("Chinese", "Phnom", "ASEAN-China")."""
        return self._classify(key)[1]

    def could_be_name(self, key: str) -> bool:
        """A word that is not a title, a side cue or a function word."""
        return key not in _NOT_NAMES and not key.isdigit() and not any(self._classify(key))

    def np_word(self, token: _Token) -> bool:
        """A word that can be part of a speaker's noun phrase."""
        return token.word and (token.capital or token.key.isdigit()
                               or any(self._classify(token.key)))

    def name_word(self, token: _Token) -> bool:
        """A capitalised word that is not a title, a side cue or a function word."""
        return token.capital and self.could_be_name(token.key)

    def phrase_before(self, tokens: list[_Token], end: int, text: str, *,
                      appositive: bool = True) -> _Phrase | None:
        """The speaker's noun phrase ending just before ``tokens[end]``, or None."""
        j = end - 1
        while j >= 0 and tokens[j].key in _BETWEEN_SUBJECT_AND_VERB:
            j -= 1
        if j < 0:
            return None
        last = tokens[j]
        if last.key in _PRONOUNS:
            return _pronoun(last)
        if last.text == "," and appositive:
            return self._appositive_subject(tokens, j, text)
        if not last.word:
            return None
        k = j - 1 if not self.np_word(last) else j  # a plain noun head: "the two sides"
        while k >= 0:
            token = tokens[k]
            if token.key in _DETERMINERS:
                if k > 1 and tokens[k - 1].key in _CONNECTORS - {"and"} \
                        and self.is_title(tokens[k - 2].key):
                    k -= 2  # "a spokesman for the foreign ministry"
                    continue
                break
            if self.np_word(token):
                k -= 1
            elif (token.key in _CONNECTORS and 0 < k < j and self.np_word(tokens[k - 1])
                  and (token.key != "and" or self.is_title(tokens[k - 1].key))):
                k -= 1  # "Minister of Foreign Affairs", "Institute for Cooperation and Peace"
            elif token.key in _NAME_PARTICLES and k > 0 and tokens[k - 1].capital:
                k -= 1
            else:
                break
        determiner = tokens[k] if k >= 0 and tokens[k].key in _DETERMINERS else None
        first = k + 1
        if not self.np_word(last) and (last.key in _AUXILIARIES or determiner is None and not any(
                self.is_title(t.key) or self.is_cue(t.key) for t in tokens[first:j])):
            return None  # "exchanged notes", "Nothing was said": no speaker
        return self.describe(tokens, first, j, text, determiner=determiner)

    def phrase_after(self, tokens: list[_Token], start: int, text: str, *,
                     allow_pronoun: bool) -> tuple[_Phrase, int] | None:
        """The speaker's noun phrase starting at ``tokens[start]``, and the index after it."""
        if start >= len(tokens):
            return None
        first = tokens[start]
        if first.key in _PRONOUNS:
            return (_pronoun(first), start + 1) if allow_pronoun else None
        determiner = first if first.key in _DETERMINERS else None
        begin = k = start + 1 if determiner else start
        while k < len(tokens):
            token = tokens[k]
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if token.key in _DETERMINERS and k > begin:
                break
            if self.np_word(token):
                k += 1
            elif (token.key in _CONNECTORS and k > begin and following is not None
                  and (self.np_word(following) or following.key == "the")
                  and (token.key != "and" or self._title_pair(tokens[k - 1], following))):
                k += 2 if following.key == "the" else 1
            elif token.key in _NAME_PARTICLES and k > begin and following is not None \
                    and following.capital:
                k += 1
            elif k == begin and determiner is not None and token.word:
                k += 1  # "according to the sources": one plain noun after a determiner
                break
            else:
                break
        last = k - 1
        while last >= begin and (tokens[last].key in _CONNECTORS or tokens[last].key == "the"):
            last -= 1
        if last < begin:
            return None
        phrase = self.describe(tokens, begin, last, text, determiner=determiner)
        if phrase is None:
            return None
        after = last + 1
        if after + 1 < len(tokens) and tokens[after].text == "," and (
                tokens[after + 1].key in _DETERMINERS or self.is_title(tokens[after + 1].key)):
            close = next((i for i in range(after + 1, min(len(tokens), after + 40))
                          if tokens[i].text in ",.;:"), len(tokens) - 1)
            phrase = _with_context(phrase, text[tokens[after + 1].start: tokens[close].start])
        return phrase, after

    def describe(self, tokens: list[_Token], first: int, last: int, text: str, *,
                 determiner: _Token | None) -> _Phrase | None:
        """Read tokens[first..last] as a person (a name, with titles) or a body."""
        words = tokens[first: last + 1]
        if not words or all(w.key in _NOT_NAMES or w.key in _DETERMINERS for w in words):
            return None
        phrase_text = text[words[0].start: words[-1].end]
        run = self._name_run(words, determiner)
        if run is not None and not (first == 0 and run == (0, 0) and len(words) == 1
                                    and words[0].key.endswith("s")
                                    and self.actors.lookup(words[0].text) is None):
            a, b = run
            name = " ".join(_strip_possessive(t.text) for t in words[a: b + 1])
            context = " ".join(t.text for t in words[:a] + words[b + 1:])
            return _Phrase("person", phrase_text, name=name, context=context)
        head_index = len(words) - 1
        for index in range(1, len(words)):
            if words[index].key in _CONNECTORS - {"and"}:
                head_index = index - 1  # "the Chinese embassy in Phnom Penh": embassy
                break
        head = words[head_index].key
        if head in ("latter", "former"):
            return None
        if first == 0 and phrase_text[:1].isupper() and self.is_title(words[0].key):
            phrase_text = phrase_text[0].lower() + phrase_text[1:]  # "Officials said"
        plural = (determiner is not None and determiner.key in _PLURAL_DETERMINERS) or (
            head.endswith("s") and not head.endswith("ss") and not self.is_cue(head))
        return _Phrase("body", phrase_text, head=head, context=phrase_text,
                       definite=determiner is not None and determiner.key in ("the", "this"),
                       person_head=head in self.roles.person_words, plural=plural)

    def _name_run(self, words: list[_Token], determiner: _Token | None) -> tuple[int, int] | None:
        """Indices of the last run of name words that names a person, if any."""
        b = len(words) - 1
        while b >= 0:
            if not self.name_word(words[b]):
                b -= 1
                continue
            a = b
            while a > 0 and (self.name_word(words[a - 1]) or (
                    words[a - 1].key in _NAME_PARTICLES and a > 1 and words[a - 2].capital)):
                a -= 1
            before = words[a - 1] if a > 0 else determiner
            if before is None or not (before.key in _CONNECTORS or before.key in ("the", "a",
                                                                                 "an")):
                return a, b
            b = a - 1  # "the Royal Academy", "of Queensland": an organisation or a place
        return None

    def _title_pair(self, left: _Token, right: _Token) -> bool:
        return self.is_title(left.key) and self.is_title(right.key)

    def _appositive_subject(self, tokens: list[_Token], comma: int, text: str) -> _Phrase | None:
        """The phrase before an appositive: "Kin Phea, director of the ... Institute, told",
        "The statement, issued after the meeting, said"."""
        position = comma
        for _ in range(3):
            position = next((i for i in range(position - 1, max(-1, position - 45), -1)
                             if tokens[i].text in ",;:()\u201c\u201d\""), -1)
            if position < 1 or tokens[position].text != ",":
                return None
            phrase = self.phrase_before(tokens, position, text, appositive=False)
            if phrase is not None and phrase.kind != "pronoun":
                start = position - 1
                while start > 0 and tokens[start - 1].word:
                    start -= 1
                if start == 0 or not tokens[start - 1].word:
                    extra = text[tokens[position].end: tokens[comma].start]
                    return _with_context(phrase, extra)
        return None


def _pronoun(token: _Token) -> _Phrase:
    return _Phrase("pronoun", token.key, head=token.key, plural=token.key in _GROUP_PRONOUNS)


# --------------------------------------------------------------------------- speakers


@dataclass(frozen=True)
class _Speaker:
    name: str
    side: str
    role: str
    person: bool
    head: str = ""
    plural: bool = False


_NOBODY = _Speaker("", UNKNOWN, UNKNOWN, False)
_NARRATION = ("narration", 0, "", "", "")


@dataclass
class _Person:
    name: str
    contexts: list[str] = field(default_factory=list)


class _Document:
    """What is known while reading one article: the people named, the recent speakers."""

    def __init__(self, grammar: _Grammar, subject_at: Callable[[int], _Phrase | None]) -> None:
        self.grammar = grammar
        self.subject_at = subject_at  # the subject of the sentence at an index (read lazily)
        self.current = 0  # index of the sentence being read
        self.people: dict[str, _Person] = {}  # by lower-case full name, most recent last
        self.speakers: list[_Speaker] = []  # in order of speech
        self.last_person_at = -1  # index of the sentence where a person last spoke
        self.titled: list[_Speaker] = []  # people named with a title, in order

    def introduce(self, name: str, context: str) -> _Person:
        """Record a mention of a person (with the words introducing it); return the person."""
        person = self.full_person(name)
        if person is None:
            actor = self.grammar.actors.lookup(name)
            full = actor.name if actor else name
            person = self.people.get(full.lower()) or _Person(full)
        self.people.pop(person.name.lower(), None)
        self.people[person.name.lower()] = person
        if context and context not in person.contexts:
            person.contexts.append(context)
        return person

    def full_person(self, name: str) -> _Person | None:
        """The person already named whose full name is ``name`` or contains all its words."""
        key = name.lower()
        if key in self.people:
            return self.people[key]
        parts = set(key.split())
        for person in reversed(self.people.values()):
            full = person.name.lower().split()
            if len(full) > len(parts) and parts <= set(full):
                return person
        return None

    def is_known(self, name: str) -> bool:
        """A full name (two words or more), a known actor, or short for a person named."""
        return (len(name.split()) > 1 or self.grammar.actors.lookup(name) is not None
                or self.full_person(name) is not None)

    def person_speaker(self, person: _Person) -> _Speaker:
        """Side and role of a person: actors.csv first, then the words introducing them."""
        actor = self.grammar.actors.lookup(person.name)
        side = actor.side if actor else ""
        role = actor.role if actor else ""
        for context in person.contexts:
            side = side or self.grammar.sides.side_of(context)
            role = role or self.grammar.roles.role_of(context, person=True)
        return _Speaker(person.name, side or UNKNOWN, role or UNKNOWN, True)

    def resolve(self, phrase: _Phrase) -> _Speaker:
        """The speaker a phrase refers to (a pronoun, a name, "the embassy", ...)."""
        if phrase.kind == "pronoun":
            return self._antecedent(phrase.text)
        if phrase.kind == "person":
            return self.person_speaker(self.introduce(phrase.name, phrase.context))
        sides, roles = self.grammar.sides, self.grammar.roles
        side = sides.side_of(phrase.context)
        if phrase.definite and not side:
            if phrase.person_head:
                found = self._described_person(phrase.head)
                if found is not None:
                    return found
            else:
                for earlier in reversed(self.speakers):
                    if not earlier.person and earlier.head == phrase.head:
                        return earlier
        role = roles.role_of(phrase.context, person=phrase.person_head)
        if not role and side and all(self.grammar.is_cue(_key(w))
                                     for w in _WORD.findall(phrase.text)):
            role = "institution"  # a country or a capital speaking: "Beijing said"
        return _Speaker(phrase.text, side or UNKNOWN, role or UNKNOWN, phrase.person_head,
                        phrase.head, phrase.plural)

    def _described_person(self, head: str) -> _Speaker | None:
        """The person "the king" or "the diplomat" refers to: the most recent one introduced
        with that word ("King Norodom Sihamoni"), else the most recent one in that role."""
        word = re.compile(rf"(?<!\w){re.escape(head)}(?!\w)", re.IGNORECASE)
        candidates = [*self._recent_people(), *reversed(self.titled)]
        for candidate in candidates:
            person = self.people.get(candidate.name.lower())
            if person is not None and any(word.search(c) for c in person.contexts):
                return candidate
        wanted = self.grammar.roles.role_of(head, person=True)
        return next((c for c in candidates if c.role == wanted), None)

    def _recent_people(self) -> Iterator[_Speaker]:
        """People in order of recency: named subjects of the sentences read since a person
        last spoke (read lazily), then the people who spoke, most recent first."""
        for index in range(self.current - 1,
                           max(self.last_person_at, self.current - MAX_LOOKBACK_SENTENCES), -1):
            subject = self.subject_at(index)
            if subject is None or subject.kind != "person" or not self.is_known(subject.name):
                continue
            resolved = self.resolve(subject)
            if resolved.person and resolved.name:
                yield resolved
        for speaker in reversed(self.speakers):
            if speaker.person and speaker.name and not speaker.plural:
                yield speaker

    def _antecedent(self, pronoun: str) -> _Speaker:
        if pronoun in _PERSON_PRONOUNS:
            found = next(self._recent_people(), None) or (self.titled[-1] if self.titled else None)
        elif pronoun in _BODY_PRONOUNS:
            found = next((s for s in reversed(self.speakers)
                          if not s.person and not s.plural), None)
        else:
            found = next((s for s in reversed(self.speakers) if s.plural), None)
        return found or _NOBODY

    def spoke(self, speaker: _Speaker) -> None:
        """Remember a speaker as the most recent one (of its kind)."""
        if speaker.name:
            self.speakers.append(speaker)
            if speaker.person and not speaker.plural:
                self.last_person_at = self.current


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class _Cue:
    """A reporting verb of a sentence, with the phrase that names its speaker."""

    start: int
    end: int
    phrase: _Phrase | None  # None: no speaker found, the verb attributes nothing
    reports: bool  # marks reported speech on its own, not only next to a quotation


@dataclass
class _Sentence:
    text: str
    quoted: list[_Span]  # the spans in quotation marks that quote someone
    cues: list[_Cue]
    tokens: list[_Token] | None  # read when needed
    inside_quotation: bool  # the sentence opens inside a quotation
    subject: _Phrase | None = None
    subject_read: bool = False

    def reporting_cue(self) -> _Cue | None:
        return next((c for c in self.cues if c.phrase is not None and c.reports), None)


class _Attributor:
    """The attribution rules bound to one set of lexicons."""

    def __init__(self, sides: SideLexicon, actors: ActorLexicon, roles: RoleLexicon,
                 verbs: ReportingVerbs) -> None:
        self.grammar = _Grammar(sides, roles, actors)
        self.verbs = verbs
        # What _register_titled reads from a run of capitalised words alone, by its text.
        self._runs: dict[str, tuple[str, bool, str, int] | None] = {}

    def document(self, texts: list[str], paragraphs: list[int]) -> list[tuple]:
        """Attribute the sentences of one document: one output row (a tuple) per sentence."""
        double = _double_quoted_by_sentence(texts, paragraphs)
        multi = {q for q, n in Counter(s.quotation for spans in double for s in spans).items()
                 if n > 1}
        sentences = [self._read(text, spans, multi) for text, spans in zip(texts, double,
                                                                           strict=True)]
        rows = [_NARRATION] * len(sentences)
        last = max((i for i, s in enumerate(sentences) if s.quoted or s.reporting_cue()),
                   default=-1)
        if last < 0:
            return rows
        attribution = self._quotation_cues(sentences)
        doc = _Document(self.grammar, lambda index: self._subject(sentences[index]))
        speaker_of_quotation: dict[int, _Speaker] = {}
        previous: _Speaker | None = None
        for i, sentence in enumerate(sentences[: last + 1]):
            doc.current = i
            self._register_titled(doc, sentence.text)
            speaker: _Speaker | None
            if sentence.quoted:
                speech = "quote"
                speaker = self._quote_speaker(sentence, sentences, attribution,
                                              speaker_of_quotation, doc, previous)
                for span in sentence.quoted:
                    speaker_of_quotation.setdefault(span.quotation, speaker)
            else:
                cue = sentence.reporting_cue()
                speech = "reported"
                speaker = self._cue_speaker(cue, sentence, doc) if cue else None
            if speaker is not None:
                doc.spoke(speaker)
                quoted = sum(s.end - s.start for s in sentence.quoted)
                rows[i] = (speech, quoted, speaker.name, speaker.side, speaker.role)
            previous = speaker
        return rows

    # -- reading one sentence

    def _read(self, text: str, double: list[_Span], multi: set[int]) -> _Sentence:
        masked = _mask(text, double)
        tokens: list[_Token] | None = None
        cues: list[_Cue] = []
        if self.verbs.may_occur(masked):
            tokens = _tokens(text)
            cues = self._cues(text, masked, tokens)
        singles = self._attributed_single_quotes(text, masked, cues) if cues else []
        quoted = [s for s in double + singles if self._quotes_someone(text, s, cues, multi)]
        return _Sentence(text, quoted, cues, tokens, bool(double) and double[0].start <= 1)

    def _cues(self, text: str, masked: str, tokens: list[_Token]) -> list[_Cue]:
        found = []
        for first, after, verb in self.verbs.find(tokens):
            start, end = tokens[first].start, tokens[after - 1].end
            if masked[start] != text[start]:
                continue  # inside a quotation
            before = masked[:start].rstrip()
            if verb.participle:
                if not before.endswith((",", " as", " and")):  # "..., adding that"
                    continue
                phrase: _Phrase | None = _IMPLICIT
            elif before.endswith(" and") and verb.subject != "after":
                phrase = _IMPLICIT  # "He called it ... and said": the sentence's subject
            else:
                phrase = self._cue_phrase(verb, tokens, first, after, text, before)
            reports = not verb.needs_that or bool(_CLOSES_OR_THAT.match(masked, end))
            found.append(_Cue(start, end, phrase, reports))
        return found

    def _cue_phrase(self, verb: _Verb, tokens: list[_Token], first: int, after: int,
                    text: str, before: str) -> _Phrase | None:
        grammar = self.grammar
        if verb.subject == "after":
            found = grammar.phrase_after(tokens, after, text, allow_pronoun=False)
            return found[0] if found else None
        if verb.subject == "either" and (not before or before[-1] in _INVERSION_MARKS):
            found = grammar.phrase_after(tokens, after, text,
                                         allow_pronoun=before[-1:] in _CLOSING_MARKS)
            if found and _ends_clause(tokens, found[1]):
                return found[0]  # "...," said Wang
        return grammar.phrase_before(tokens, first, text)

    def _attributed_single_quotes(self, text: str, masked: str, cues: list[_Cue]) -> list[_Span]:
        if "\u2018" not in text and "'" not in text:
            return []
        found = []
        for match in _SINGLE_QUOTED.finditer(masked):
            span = _Span(match.start(1), match.end(1), -1 - match.start(1), True)
            if any(c.phrase is not None and _gap_words(text, span, c) is not None for c in cues):
                found.append(span)
        return found

    def _quotes_someone(self, text: str, span: _Span, cues: list[_Cue], multi: set[int]) -> bool:
        """Whether a span quotes someone (rather than being a scare quote or a name)."""
        if span.quotation < 0 or span.quotation in multi:
            return True  # an attributed single-quoted span, or a quotation of several sentences
        if any(c.phrase is not None and (c.reports or _gap_words(text, span, c) is not None)
               for c in cues):
            return True
        words = len(_WORD.findall(text, span.start, span.end))
        return words >= MIN_UNATTRIBUTED_QUOTE_WORDS or 2 * (span.end - span.start) >= len(text)

    def _subject(self, sentence: _Sentence) -> _Phrase | None:
        """The subject of the sentence's main clause, when it is a speaker-like phrase."""
        if not sentence.subject_read:
            sentence.subject_read = True
            if not sentence.inside_quotation:
                tokens = sentence.tokens or _tokens(sentence.text[:200])
                sentence.subject = self._read_subject(sentence.text, tokens)
        return sentence.subject

    def _read_subject(self, text: str, tokens: list[_Token]) -> _Phrase | None:
        if not tokens:
            return None
        start = 0
        dateline = _DATELINE.match(text)
        if dateline is not None:  # "PHNOM PENH, Dec 5 (Reuters) - Hun Manet said"
            start = next((n for n, t in enumerate(tokens) if t.start >= dateline.end()),
                         len(tokens))
        elif tokens[0].key in _INTRO_FIRST_WORDS:
            intro = _INTRO_PHRASE.match(text)
            if intro is None:
                return None
            start = next((n for n, t in enumerate(tokens) if t.start >= intro.end()), len(tokens))
        found = self.grammar.phrase_after(tokens, start, text, allow_pronoun=True)
        if found is None:
            return None
        phrase, after = found
        if after < len(tokens):
            following = tokens[after]
            if following.text != "," and (not following.word or following.capital
                                          or following.key in _CONNECTORS):
                return None
        return phrase

    def _register_titled(self, doc: _Document, text: str) -> None:
        """Record every person named after a title ("Prime Minister Hun Sen's efforts")."""
        grammar = self.grammar
        runs = self._runs
        for match in _CAPITAL_RUN.finditer(text):
            group = match.group()
            if group in runs:
                run = runs[group]
            else:
                if len(runs) >= _MAX_CACHED_RUNS:
                    runs.clear()
                run = runs[group] = self._read_run(group)
            if run is None:
                continue  # most runs: "China", "ASEAN", "The"
            name_text, titled, name, offset = run
            if not titled:
                previous = _LAST_WORD.search(text, max(0, match.start() - 40), match.start())
                titled = previous is not None and grammar.is_title(_key(previous.group(1)))
            if not titled and grammar.actors.lookup(name_text) is None:
                continue
            context = _title_context(text, match.start() + offset, grammar)
            doc.titled.append(doc.person_speaker(doc.introduce(name, context)))

    def _read_run(self, run: str) -> tuple[str, bool, str, int] | None:
        """A run of capitalised words read as titles and a name: the name words, whether a
        title word is among them, the name without possessive and where it starts in the run;
        None when the run names nobody."""
        grammar = self.grammar
        words = run.split()
        if not grammar.could_be_name(_key(words[-1])):
            return None
        n_titles = 0
        while n_titles < len(words) and any(grammar._classify(_key(words[n_titles]))):
            n_titles += 1
        name_words = words[n_titles:]
        if not name_words or len(name_words) > 4 or not all(
                grammar.could_be_name(_key(w)) for w in name_words):
            return None
        titled = any(grammar.is_title(_key(w)) for w in words[:n_titles])
        name = " ".join(_strip_possessive(w) for w in name_words)
        return " ".join(name_words), titled, name, run.index(name_words[0])

    # -- speakers

    def _quotation_cues(self, sentences: list[_Sentence]) -> dict[int, tuple[int, _Cue]]:
        """For each quotation, the reporting verb that attributes it and its sentence.

        The verb after the closing mark wins ("...," he said), then the one before the
        opening mark (Wang said: "...").
        """
        where: dict[int, list[int]] = {}
        for i, sentence in enumerate(sentences):
            for span in sentence.quoted:
                where.setdefault(span.quotation, []).append(i)
        found: dict[int, tuple[int, _Cue]] = {}
        for quotation, indexes in where.items():
            for i in dict.fromkeys((indexes[-1], indexes[0])):
                spans = [s for s in sentences[i].quoted if s.quotation == quotation]
                cue = _adjacent_cue(sentences[i], spans)
                if cue is not None:
                    found[quotation] = (i, cue)
                    break
        return found

    def _quote_speaker(self, sentence: _Sentence, sentences: list[_Sentence],
                       attribution: dict[int, tuple[int, _Cue]],
                       speaker_of_quotation: dict[int, _Speaker], doc: _Document,
                       previous: _Speaker | None) -> _Speaker:
        for span in sorted(sentence.quoted, key=lambda s: s.start - s.end):  # longest first
            if span.quotation in speaker_of_quotation:
                return speaker_of_quotation[span.quotation]
            if span.quotation in attribution:
                i, cue = attribution[span.quotation]
                return self._cue_speaker(cue, sentences[i], doc)
        cue = sentence.reporting_cue()
        if cue is not None:
            return self._cue_speaker(cue, sentence, doc)
        subject = self._subject(sentence)
        if subject is not None and (subject.kind == "person" or subject.person_head
                                    or subject.text in _PERSON_PRONOUNS):
            return doc.resolve(subject)
        return previous or _NOBODY

    def _cue_speaker(self, cue: _Cue, sentence: _Sentence, doc: _Document) -> _Speaker:
        if cue.phrase is None:
            return _NOBODY
        if cue.phrase.kind == "implicit":  # "..., adding that": the sentence's speaker
            main = next((c for c in reversed(sentence.cues) if c.start < cue.start
                         and c.phrase is not None and c.phrase.kind != "implicit"), None)
            if main is not None:
                return doc.resolve(main.phrase)
            subject = self._subject(sentence)
            if subject is not None:
                return doc.resolve(subject)
            return doc.speakers[-1] if doc.speakers else _NOBODY
        return doc.resolve(cue.phrase)


def _adjacent_cue(sentence: _Sentence, spans: list[_Span]) -> _Cue | None:
    """The reporting verb next to the spans: after a closing mark first, then before."""
    best: tuple[int, int, _Cue] | None = None
    for cue in sentence.cues:
        if cue.phrase is None:
            continue
        for span in spans:
            gap = _gap_words(sentence.text, span, cue)
            if gap is None:
                continue
            rank = (0 if cue.start >= span.end and span.closed_here else 1, gap)
            if best is None or rank < best[:2]:
                best = (*rank, cue)
    return best[2] if best else None


def _title_context(text: str, name_start: int, grammar: _Grammar) -> str:
    """The run of title and side words just before a name ("Chinese Foreign Minister")."""
    words = text[max(0, name_start - 150): name_start].split()
    k = len(words)
    while k > 0:
        word = words[k - 1]
        if word[-1:] in ",;:()\u201c\u201d\"" or word[:1] in "(\u201c\"":
            break  # punctuation ends the title
        key = _key(word)
        if any(grammar._classify(key)) or (
                key in _CONNECTORS and k > 1 and grammar.is_title(_key(words[k - 2]))):
            k -= 1
        else:
            break
    return " ".join(words[k:])


def _mask(text: str, spans: list[_Span]) -> str:
    """The text with the quoted spans blanked out (offsets kept)."""
    for span in spans:
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end:]
    return text


def _gap_words(text: str, span: _Span, cue: _Cue) -> int | None:
    """Words between a quoted span and a reporting verb, if few enough to attribute it."""
    if cue.start >= span.end:
        gap = text[span.end: cue.start]
    elif cue.end <= span.start:
        gap = text[cue.end: span.start]
    else:
        return None
    if _QUOTE_MARK.search(gap.strip(" ,.:;\u2014\u2013-" + _OPENERS + _CLOSERS + '"')):
        return None  # another quotation stands between them
    words = len(_WORD.findall(gap))
    return words if words <= MAX_ATTRIBUTION_GAP_WORDS else None


def _ends_clause(tokens: list[_Token], index: int) -> bool:
    """The phrase ending before ``tokens[index]`` closes its clause ("..., said Wang.")."""
    if index >= len(tokens):
        return True
    following = tokens[index]
    return following.text in ",.;:!?()" or following.key in _AFTER_INVERTED_SPEAKER


# --------------------------------------------------------------------------- public API


@lru_cache(maxsize=8)
def _attributor(sides: SideLexicon, actors: ActorLexicon, roles: RoleLexicon,
                verbs: ReportingVerbs) -> _Attributor:
    return _Attributor(sides, actors, roles, verbs)


def attribute_texts(texts: list[str], paragraphs: list[int], *,
                    sides: SideLexicon | None = None, actors: ActorLexicon | None = None,
                    roles: RoleLexicon | None = None,
                    verbs: ReportingVerbs | None = None) -> list[tuple[str, int, str, str, str]]:
    """Attribute each sentence of ONE document: one row of :data:`ATTRIBUTION_COLUMNS` per
    sentence (see :func:`attribute_quotes`, which returns the same as a table).

    Args:
        texts: the document's sentences in order.
        paragraphs: the paragraph index of each sentence.
        sides: the sides lexicon; None for the shipped sides.csv.
        actors: the actors lexicon; None for the shipped actors.csv.
        roles: the roles lexicon; None for the shipped roles.csv.
        verbs: the reporting verbs; None for the shipped reporting_verbs.csv.
    """
    if not texts:
        return []
    shipped = default_lexicons()
    attributor = _attributor(sides or shipped[0], actors or shipped[1], roles or shipped[2],
                             verbs or shipped[3])
    return attributor.document(texts, paragraphs)


def attribute_quotes(sentences: pd.DataFrame, *, sides: SideLexicon | None = None,
                     actors: ActorLexicon | None = None, roles: RoleLexicon | None = None,
                     verbs: ReportingVerbs | None = None) -> pd.DataFrame:
    """Attribute each sentence of ONE document to narration, a quotation or reported speech.

    Args:
        sentences: the document's sentences in order, with columns text and paragraph
            (paragraph index; consecutive sentences of one paragraph share it).
        sides: the sides lexicon; None for the shipped sides.csv.
        actors: the actors lexicon; None for the shipped actors.csv.
        roles: the roles lexicon; None for the shipped roles.csv.
        verbs: the reporting verbs; None for the shipped reporting_verbs.csv.

    Returns:
        One row per sentence, with the same index: speech ("narration", "quote",
        "reported"), quoted_chars, speaker ("" if none), speaker_side ("" for narration,
        "unknown" when unknown) and speaker_role ("" for narration).
    """
    texts = [str(text) for text in sentences["text"].tolist()]
    paragraphs = (sentences["paragraph"].tolist() if "paragraph" in sentences
                  else [0] * len(texts))
    rows = attribute_texts(texts, paragraphs, sides=sides, actors=actors, roles=roles,
                           verbs=verbs)
    if not rows:
        return pd.DataFrame([], columns=ATTRIBUTION_COLUMNS, index=sentences.index).astype(
            {"quoted_chars": "int64"})
    # Built from columns: several times cheaper than from rows, with the same dtypes.
    speech, quoted, speaker, side, role = zip(*rows, strict=True)
    return pd.DataFrame({"speech": list(speech), "quoted_chars": np.array(quoted, dtype=np.int64),
                         "speaker": list(speaker), "speaker_side": list(side),
                         "speaker_role": list(role)}, index=sentences.index, copy=False)
