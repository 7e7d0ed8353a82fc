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
   A quotation with no verb takes a credit after it ('"..." - Name, title.', also on the next
   line of its paragraph), else the person who is the subject of its sentence, else the
   speaker of the sentence just before.
3. Verbs of speech acts (kind "act": vowed, agreed, thanked, welcomed, denied, rejected,
   dismissed, hailed...) report what a speaker did with words: the sentence is reported
   speech when their subject is a speaker (a person, a pronoun, a known organisation, a role,
   a country or capital, or the two sides of a meeting: "Both sides agreed", "The two
   leaders agreed" -> "both sides", with the two sides of the article joined by ";"). Never
   in a photo caption (a paragraph ending in a credit such as "(Xinhua/...)"), never after
   "not"/"never"/"to", never the tail of a longer phrase ("the ministers of Cambodia and
   China"), and never inside what someone is said to say ("He said Cambodia rejects ...").
   When a sentence has several verbs, one that closes it after a comma wins (", a diplomat
   said.", ", according to AKP."), then the first main verb, then "according to" at its start.
   A verb form after a determiner or a preposition is a noun ("for comment", "the report"); a
   verb whose subject opens a subordinate clause ("what ministers say", "than the rhetoric
   suggests") or a relative one ("the people who could have told") attributes nothing. After
   a sentence that announces a statement ("issued the following statement", "The statement
   reads as follows:"), the sentences are its issuer's until the narrator names it again.
   A participle after a comma ("..., suggesting the waterway ...") reports, "that" or not,
   when the sentence's subject speaks (not "Exports rose, suggesting"). A sentence without a
   verb of speech is reported speech when it opens with someone's view ("In her view,", "In
   the words of X,", "In X's assessment,", "For <a person named before>,"; not "For China,")
   or a question put to them ("Asked whether ..., she referred reporters to ..."), or when
   evidence credited to who gathered it shows something ("Imagery analysed by AMTI shows").
   The two sides of "both sides" ("the leaders", "the two PMs" too) are those of the latest
   sentence naming people of two sides (the meeting), not of a voice heard after it. A speech
   act after "likes to" is a habit the writer describes ("likes to call it"), not a statement.
4. A speaker is a person, an organisation or a government; never a noun that speaks only
   for an issuer named with it ("the data", "History"; roles.csv kind mute), never in a photo
   caption unless it quotes ("the compound that police say housed"; a wire's "(Reporting by
   ...)" is no caption); never a possessive ("Beijing's"),
   a date adjunct ("China in December agreed": China; "Hun Sen on Tuesday denied": Hun Sen),
   a fragment of a name ("United" of "the United States", "Transparency" of "Transparency
   International Cambodia"), a capitalised word that only opens the sentence, a one-word name
   the article uses as a place ("in Ream", "Ream Naval Base") or a title-case headline. A
   document speaks for its issuer ("a Pentagon statement", "a statement from the embassy",
   "the ministry's statement", "Finance Ministry figures show that", "the report" after "the
   UN office said in a report"); an unnamed spokesperson, official, researcher or head for the
   body named with them ("a State Department spokesperson", "researchers at AidData", "the
   head of the Lao delegation"), "the ministry" or "the embassy" being the one the article
   named last, and an office without its country ("Finance Ministry") the actors.csv body of
   that office whose side the article names (the most named when several are, by 2 to 1); a
   possessive name before a spokesperson speaks
   ("Wang's spokesperson": Wang Yi). An office named instead of a person ("Cambodia's defence
   minister") is the person the article names, before or after, with every word of that
   office, else a canonical office of that side ("Cambodian defence minister", with the
   adjective of sides.csv). An unnamed speaker in a sentence about anonymity is
   "anonymous ...".
5. "he"/"she" is the most recent person who spoke or was the subject of a sentence (else the
   most recent person named with a title); "it" the most recent organisation or document that
   spoke; "they" the most recent group that spoke. A short name ("Wang", "Mr Wang", "Sun" for
   "Sun Vathana") is the most recent person of the article whose full name contains it, named
   anywhere in the article before it; "the embassy" or "the
   release" is the most recent speaker with that word; "the king" or "the diplomat" the most
   recent person introduced with that word, else in that role ("the Cambodian premier": of
   that side); "the initiative" or "the institute" the organisation named before with that
   head noun ("the Asia Maritime Transparency Initiative"), "the group" the organisation heard
   last; "the government" that of the article's home country (the side of all the places
   it names, when they are of one side). Of a group named with another
   speaker the first group speaks ("villagers and a
   local official told RFA" -> villagers); "said one villager" is a new, unnamed speaker.
6. A speaker's canonical name, side and role come from actors.csv (titles and honorifics
   stripped: "PM Hun Manet", "Samdech Techo Hun Sen"; the office column makes a person named
   bare the holder of "Cambodia's defence minister"), else from the words that introduce them
   ("Chinese Foreign Minister Wang Yi", "a Cambodian government spokesman") read with
   sides.csv and roles.csv. Analysts, media and civil-society voices take a state's side only
   from a body of that state (sides.csv bodies, actors.csv organisations: "a researcher at the
   Chinese Academy of Social Sciences") or a state word ("Chinese state media"); otherwise the
   side of their role ("independent", "civil society"). A named speaker with no such words
   where they speak takes those of the article's other mentions of the name (titles before it,
   an appositive after or before it: "Sun Vathana, Cambodia's finance minister, ..."). Without
   such words they stay "unknown". A local official ("provincial police chief") takes the side
   of the place in their title, else of the places the article names when all are of one side
   (sides.csv, column places); people who speak for themselves (villagers, workers, relatives:
   roles.csv, role public) never take a state's side. An unnamed group is named by its side and
   role words ("Cambodian defence officials" -> "Cambodian officials").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
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
# A paragraph of one unpunctuated sentence with at least this share of its longer words
# capitalised is a headline.
_HEADLINE_CAPITALS = 0.75
# "he" or "the minister" is looked for among the subjects of this many sentences before it.
MAX_LOOKBACK_SENTENCES = 12
# Runs of capitalised words remembered per set of lexicons (the cache is emptied when full).
_MAX_CACHED_RUNS = 1 << 16

_OPENERS = "\u201c\u00ab\u201e"  # “ « „
_QUOTE_OPENERS = frozenset('"\u201c\u00ab\u201e')
_CLOSERS = "\u201d\u00bb"  # ” »
_QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_SINGLE_QUOTED = re.compile(
    r"(?<![\w\u2019'])[\u2018'](?=\w)([^\u2018\u201c\u201d\"]+?)(?<=[\w.,!?])[\u2019'](?!\w)")
_TOKEN_SPLIT = re.compile(  # initials ("U.S.") and "Jr." keep their final dot
    r"([^\W_]+(?:[\u2019'\-.][^\W_]+)*(?:(?<=\.[A-Za-z])\.|(?<=\bJr)\.)?(?:[\u2019']s\b)?"
    r"|[^\w\s])")
_WORD = re.compile(r"[^\W_]+(?:[\u2019'\-][^\W_]+)*")
_CAPITAL_RUN = re.compile(
    r"[A-Z][\w\u2019'\-]*(?:\.?\s+(?:(?:von|van|der|de|bin)\s+)?[A-Z][\w\u2019'\-]*)*")
_LOWER_WORD = re.compile(r"[a-z]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([\w\u2019'\-]+)\s+$")
# After a verb flagged needs_that: "that", a colon, or the end of a clause (", he added.").
_CLOSES_OR_THAT = re.compile(
    r"\s*(?:(?:on|in|last|this|earlier)\s+[\w\u2019']+\s+(?:\d{1,4}\s+)?)?"
    r"(?:that\b|:|[,.;!?\u201d\"]|$)")
_AGE = re.compile(r"\d+-(?:year|month)s?-old")  # "a 52-year-old farmer"
# A person named only by the name they gave: "who gave only her first name, Sreymom".
_GIVEN_NAME = re.compile(
    r"\b(?:gave|give|gives|giving|identified|identifying|goes|going|went|asked to be called"
    r"|wished to be called)\s+(?:only\s+)?(?:(?:his|her|their)\s+(?:first\s+|family\s+|last\s+"
    r"|nick|)names?|(?:him|her)self\s+only|only|by|as)\s*(?:,|as|:)?\s*"
    r"(?P<name>[A-Z][\w\u2019'\-]+(?:\s+[A-Z][\w\u2019'\-]+)?)")
_THAT_OR_COLON = re.compile(r"\s*(?:that\b|:)")
_THAT_CLAUSE = re.compile(r"\s+that\s+(?!is\b|was\b|are\b|were\b|has\b|had\b)")
# An object of a few words, then "as" ("describe the kingdom as a client state").
_OBJECT_AS = re.compile(  # an object first: not "rates as low as"
    r"\s+(?!as\b)[\w\u2019'\-]+(?:\s+[\w\u2019'\-]+){0,5}?\s+as\s+(?!(?:the|this|that|these|those|he|she|it|they|we|i|"
    r"his|her|their|its|our|soon|long|well|much|many|far|part|if|though)\b)[\w\u201c\"']",
    re.IGNORECASE)
# A reporting verb right after these (or opening the sentence) may have its speaker after it.
_INVERSION_MARKS = ",:\u201d\"\u2019\u2014"
_CLOSING_MARKS = "\u201d\"\u2019"
# Words that may follow a speaker named after the verb ("..., said Wang on Monday").
_AFTER_INVERTED_SPEAKER = frozenset(
    "on in at during when while after before told adding noting who from last this "
    "yesterday today".split())

_DETERMINERS = frozenset(
    "the a an this that these those its his her their our both all some many several most "
    "two three four five other another each every".split()
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
    "moreover just even long now still often always openly privately flatly categorically "
    "swiftly quickly immediately".split()
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
# Words of a date adjunct between a speaker and the verb ("Hun Sen on Tuesday denied", "China
# in December agreed"): never part of the speaker's name.
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec week weekend month year morning afternoon evening night day".split())
_DATE_LEADS = frozenset("on in last this early late earlier since during".split())
_NEGATIONS = frozenset({"not", "never", "no", "cannot"})
# A verb form right after these is a noun or an adjective ("for comment", "the report", "a
# call", "no comment", "the agreed plan"), not a reporting verb.
_NOUN_MARKERS = frozenset("a an the for no any his her its their our my your this these those of "
                          "every each without".split())
# Words before a subject that make its clause a subordinate one ("what ministers say", "than
# the rhetoric suggests", "hand-wringing over Ream says"): the phrase is not the speaker.
_SUBORDINATE_LEADS = frozenset("what whatever than over about against into through between "
                               "among like under behind via within without across around beyond "
                               "upon".split())
# A relative pronoun right before a verb: the verb is in a relative clause ("the very people
# who could have told"), not the sentence's statement.
_RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "whom"})
# Verbs before "to say" that make it a habitual saying ("The government likes to say that").
_HABITUAL = frozenset("like likes liked love loves loved continue continues continued keeps "
                      "kept tend tends tended".split())
# Participles that join a document to its author ("satellite imagery reviewed by Reuters").
_BY_PARTICIPLES = frozenset("seen written drawn taken given made done".split())
# Heads of a joint speaker of a readout ("Both sides agreed", "The two leaders agreed").
_JOINT_HEADS = frozenset(
    "sides leaders ministers countries governments delegations premiers presidents parties "
    "nations counterparts pms fms heads chiefs".split())
_JOINT_DETERMINERS = frozenset({"both", "two"})
# Words that say what kind of document it is, not who issued it ("press release").
_DOCUMENT_KINDS = frozenset("press joint news official written final earlier latest new recent "
                            "full separate same brief short annual".split())
# An unnamed speaker in a sentence saying this is an anonymous source ("a Japanese diplomat,
# who requested anonymity, said" -> "anonymous Japanese diplomat").
_ANONYMOUS = re.compile(
    r"anonymity|anonymous|unnamed|not to be (?:named|identified)|not be (?:named|identified)"
    r"|declined to be (?:named|identified)|not authori[sz]ed to (?:speak|talk|comment)"
    r"|name (?:be |was |is |to be )?withheld|withheld (?:his|her|their) names?"
    r"|without being (?:named|identified)")
_SOURCE_WORDS = frozenset({"source", "sources"})
_PEOPLE_WORDS = frozenset({"person", "persons", "people"})
# What makes an unnamed person a source: "a person familiar with the matter", "sources with
# direct knowledge of the talks", "people close to the prime minister".
_IN_THE_KNOW = (r"(?:(?:familiar|acquainted)\s+with|with\s+(?:\w+\s+)?knowledge\s+of|close\s+to"
                r"|briefed\s+on|privy\s+to|involved\s+in|knowledgeable\s+about)")
# Only these make a "person" or "people" a source ("people close to the river" live there).
_FAMILIAR = (r"(?:(?:familiar|acquainted)\s+with|with\s+(?:\w+\s+)?knowledge\s+of|briefed\s+on"
             r"|privy\s+to|knowledgeable\s+about)")
_SOURCE_TAIL = re.compile(  # the words between a person and its verb: "... with knowledge of it"
    rf"\b(?P<head>[A-Za-z]+)\s+{_IN_THE_KNOW}\s+[^,;:\"\u201c\u201d]{{1,60}}?,?\s*$",
    re.IGNORECASE)
# People who speak for themselves, placed by where they live or work: "families along the
# canal route", "villagers near the site", "workers at the factory" (the head, then the place).
_LOCATED_TAIL = re.compile(
    r"\b(?P<head>[A-Za-z]+)\s+(?:living\s+|who\s+live\s+)?(?:along|near|in|at|from|around|"
    r"across|outside|inside|beside)\s+[^,;:\"\u201c\u201d]{1,60}?\s*$")
_KNOW_CUE = re.compile(r"familiar|acquainted|knowledge|close to|briefed|privy|involved in")
_MINISTER_OF = re.compile(  # "Minister of Posts and Telecommunications"
    r"\bMinister (of (?:the )?[A-Z][\w'\-]*(?:,? (?:and |of |[A-Z])[\w'\-]*)*)")
# An unnamed speaker with these heads speaks for the body named with them ("a State
# Department spokesperson", "a spokesman for the U.S. Embassy", "a Pentagon official").
_SPOKESPERSON_HEADS = frozenset("spokesperson spokesman spokeswoman spokespeople official "
                                "representative source".split())
# Heads of unnamed people who speak for the body named after them ("the head of the Chinese
# delegation"), besides the person words of roles.csv.
_HEAD_WORDS = frozenset({"head", "chief"})
# People who govern where they are: "officials in Phnom Penh" speak for Cambodia (not
# "diplomats in Phnom Penh", "critics in Washington": people posted or living there).
_GOVERNING_HEADS = frozenset("official officials authorities leaders leadership policymakers "
                             "lawmakers legislators government".split())
_SEAT = re.compile(r"\bin\s+((?:the\s+)?[A-Z][\w\u2019'\-]*(?:\s+[A-Z][\w\u2019'\-]*){0,2})")
# Bodies that "the <body>" names in the article's home country ("the government").
_HOME_BODIES = frozenset({"government", "authorities"})
# Heads that name any organisation heard before ("the group said" after "LICADHO said").
_GENERIC_BODY_HEADS = frozenset("group organisation organization watchdog ngo charity "
                                "organisers organizers".split())
# Roles of organisations that people and documents speak for.
_ORGANISATION_ROLES = frozenset({"institution", "analyst", "media", "civil society"})
# Spellings of office words read as one ("defense minister" = "defence minister").
# Words of a lower or past rank: a "deputy prime minister" does not hold "the prime minister"'s
# office.
_LOWER_RANKS = frozenset("deputy vice former acting assistant under-secretary undersecretary "
                         "junior outgoing".split())
_OFFICE_SPELLINGS = {"defense": "defence", "premier": "prime minister", "pm": "prime minister",
                     "spokesman": "spokesperson", "spokeswoman": "spokesperson"}
_OWNER_AFTER = re.compile(r"\s+(?:for|of|at|from|with|by)\s+", re.IGNORECASE)
# An unnamed body after an unnamed person: "at a Singapore think tank", "of an NGO".
_GENERIC_OWNER = re.compile(r"\s+(?:at|of|from|with|for|in)\s+(?:a|an)\s+[^,;]*$")
_OWNER_WORDS = frozenset({"for", "of", "at", "from", "with", "by"})
_LEADING_DETERMINER = re.compile(r"^(?:a|an|the|this|its|their)\s+", re.IGNORECASE)
# What may follow an organisation's head word in its name ("ministry of Cambodia").
_OF_PLACE = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w\u2019'\-]*(?:\s+[A-Z][\w\u2019'\-]*){0,3}")
# The rest of an organisation's name after its first capitalised words ("... Center for Human
# Rights", "... Academy of Cambodia").
_NAME_TAIL = re.compile(
    r"(?:\s+(?:of|for|on|in|and)\s+(?:the\s+)?[A-Z][\w\u2019'\-]*(?:\s+[A-Z][\w\u2019'\-]*){0,3})+")
_RELATIVES = frozenset("which who whom whose where when that".split())
# Title words of local government: such an official is of the side of the article's places.
_LOCAL = re.compile(r"\b(?:provincial|province|district|commune|municipal|village|town)\b",
                    re.IGNORECASE)
# A sentence that announces the text of a statement, which the next sentences read out.
_ANNOUNCEMENT = re.compile(
    r"\b(?:issued|released|published|made|delivered|sent|posted)\s+the\s+following\s+"
    r"(?:joint\s+|press\s+)?(statements?|release|remarks|declaration|communiqu[e\u00e9]|readout"
    r"|message)\b"
    r"|\b(statement|release|readout|communiqu[e\u00e9]|declaration|message)\b[^:]{0,30}?\s+"
    r"(?:reads|read|said|says|stated)(?:\s+as\s+follows)?\s*:\s*$", re.IGNORECASE)
# An opening that gives the rest of the sentence as someone's view ("In her view, ...", "In
# the words of the ministry, ...", "In Kin Phea's assessment, ...", "For Kin Phea, ..."), or
# as an answer to a question ("Asked whether ..., the spokesperson referred reporters to").
_VIEW_NOUNS = r"(?:view|views|words|opinion|estimation|assessment|telling|judge?ment|reading|mind)"
_OPENER = re.compile(
    rf"^(?:In|To)\s+(?:(?P<pronoun>his|her|their)\s+{_VIEW_NOUNS}"
    rf"|(?:the\s+)?{_VIEW_NOUNS}\s+of\s+(?P<of>[^,]{{2,80}}?)"
    rf"|(?P<owner>[A-Z][^,]{{1,60}}?)[\u2019']s?\s+{_VIEW_NOUNS})\s*,\s*"
    r"|^For\s+(?P<for>[A-Z][\w\u2019'\-.]*(?:\s+[A-Z][\w\u2019'\-.]*){0,3})\s*,\s*"
    r"|^(?:(?:When|After\s+being|Upon\s+being|On\s+being|If)\s+asked|Asked"
    r"|(?:In\s+(?:response|reply|answer)\s+to|Responding\s+to|Replying\s+to|Answering)"
    r"\s+(?:a\s+|the\s+|one\s+|two\s+|several\s+|reporters[\u2019']\s+|a\s+reporter[\u2019']s\s+)?"
    r"(?:question|questions|query|queries)"
    r")\b[^,;\u201c\u201d\"]{0,200},\s*(?=\S)")
# Evidence credited to who gathered it, then a verb of showing: the sentence is that body's
# claim ("Satellite imagery analysed by AMTI shows ...", "Documents obtained by RFA reveal").
_EVIDENCE_BY = re.compile(
    r"\b(?i:imagery|images|photos|photographs|footage|data|documents|records|analysis|figures"
    r"|research|files)\s+(?:[\w\u2019'\-]+\s+){0,5}?(?:analy[sz]ed|reviewed|obtained|seen"
    r"|compiled|collected|published|released|gathered|examined|verified|provided|commissioned)"
    r"\s+by\s+(?P<by>(?:the\s+)?[A-Z][^,;:()]{1,80}?)"
    r"(?:\s+(?:last|this|on|in|earlier)\s+[\w\u2019']+(?:\s+\d{1,4})?)?\s+(?:shows?|showed|suggests?|suggested"
    r"|reveals?|revealed|indicates?|indicated|confirms?|confirmed|points?\s+to)\b")
# The same view set off inside the sentence ("The canal, in his view, is about politics").
_VIEW_INSIDE = re.compile(
    rf",\s+(?:in|to)\s+(?P<pronoun>his|her|their)\s+{_VIEW_NOUNS}\s*,", re.IGNORECASE)
_OPENER_FIRSTS = frozenset("IFTAWOUR")  # the first letters of _OPENER's openings
_OPENER_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# A name joined to the body it works for ("Kin Phea of the Royal Academy of Cambodia").
_OF_BODY = frozenset({"of", "at", "from"})
JOINT_SPEAKER = "both sides"
# A photo caption: a closing credit in brackets ("(Xinhua/Li Ming)", "(Photo: AKP)", "(AFP)";
# not a wire's reporting credit "(Reporting by ...; Editing by ...)"),
# an agency/photographer credit ("REUTERS/Dara Lim"), a position mark ("(L)") or a photo label.
_CAPTION = re.compile(
    r"(?:[.!?\u201d\"]\s*\((?!(?:Additional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|"
    r"[Ww]ith\s+reporting)\b)(?:[^()]{1,60})\)\s*$"
    r"|\b[A-Z]{2,}/[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*$"
    r"|\((?:L|R|C|\d(?:st|nd|rd|th)\s+[LR]|left|right|centre|center)\)"
    r"|^(?:FILE\s+)?PHOTO\b|^(?:Photos?|Pictured|Image|Graphic)\s*:)")
_CREDIT_AFTER = re.compile(r"\s*(?:[,.]\s*)?[\u2014\u2013]\s*[A-Z]")
_DASHES = ("\u2014", "\u2013", "-")
_CAPTION_LABELS = ("FILE", "PHOTO", "Photo", "Pictured", "Image", "Graphic")
# A verbless credit after a quotation: a dash, or a comma, then a name ("..." - Name, title.).
_CREDIT_LEAD = re.compile(r"\s*(?:[,.]\s*)?[\u2014\u2013]\s*|\s*,\s*")
# The words that describe a person right after their name ("Sun Vathana, Cambodia's finance
# minister,"), and the marks that open those right before it ("Cambodia's ambassador to China,
# Khek Caimealy Sysoda").
_APPOSITIVE_AFTER = re.compile(
    r", +([^,;:()\n\u201c\u201d\"]{3,120}?)\s*(?:[,;:()\n]|\.(?:\s|$)|$)")
_APPOSITION_MARKS = (",", ";", ":", "(", ")", "\n", "\u201c", "\u201d", '"')
_FUNCTION_WORDS = _NOT_NAMES | _PRONOUNS | {"us", "am", "an", "as", "is", "or", "to"}
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+,[^\u2013\u2014]{0,40}?(?:--|\u2013|\u2014| - |:)\s*")
# A transcript's speaker label opening a sentence: "Q:", "HOST:", "SCOTT SIMON, HOST:",
# "HUN MANET: (Through interpreter)", "SAMBAT (Student):", "Mao Ning:".
_LABEL = re.compile(
    r"(?P<label>[A-Z][\w'\u2019.\-]*(?:[ \t]+[A-Z][\w'\u2019.\-]*){0,3})"
    r"(?:,[ \t]*(?P<role>[A-Z][A-Za-z'\- ]{1,30}))?(?:[ \t]*\([^()\n]{1,80}\))?:[ \t]+"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?(?=\S)")
# A headline's label: up to four capitalised words and a colon ("Hun Manet: ...", "US: ...").
_HEADLINE_LABEL = re.compile(
    r"(?P<label>[A-Z][\w'\u2019.\-]*(?: [A-Z][\w'\u2019.\-]*){0,3}):\s+(?=\S)")
# What follows a headline's label when it names a topic, not a claim: "Hun Manet: A Profile",
# "Wang Yi: In His Own Words", "Hun Sen: 40 Years in Power", "Hun Manet: Interview".
_HEADLINE_TOPIC = re.compile(r"(?:(?:A|An|In|On|From|At|Inside|Profile|Interview|Portrait)\b"
                             r"|\d|\S+(?:\s+\S+)?\s*$)")
# A headline that asks or explains: the verb after its subject is in a subordinate clause.
_HEADLINE_QUESTION = re.compile(r"(?:Why|What|How|When|Where|Who|Whether|Will|Does|Is|Can)\b")
# A capitalised verb of the third person or the past after a word of a title-case headline
# ("US Says", "China Rejects", "Hun Sen Warned"), lower-cased when it is a reporting verb.
_TITLE_CASE_VERB = re.compile(r"(?<=\w )[A-Z][a-z]+(?:s|ed)\b")
# A transcript has at least this many labelled sentences.
MIN_TRANSCRIPT_LABELS = 2
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
        if _is_short_capitals(phrase) and phrase.lower() in _FUNCTION_WORDS:
            continue  # "WHO", "US": matched in capitals only, never the words "who", "us"
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
    """The sides a speaker can speak for, and the cue words that place a speaker on each:
    ``cues`` (nationality, country, capital) and ``bodies`` (institutions, parties and state
    media that speak for the side)."""

    sides: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]  # cues, bodies and places
    body_patterns: tuple[re.Pattern[str] | None, ...]  # bodies only
    words: frozenset[str]  # words of cues and bodies (places are no speakers: not here)
    adjectives: dict[str, str] = field(default_factory=dict)  # "Cambodia": "Cambodian"
    places: re.Pattern[str] | None = None  # the places of every side
    place_side: dict[str, str] = field(default_factory=dict)  # by place (lower case)
    place_words: frozenset[str] = frozenset()  # first words of places, for a quick test
    _found: dict[tuple[str, bool], str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file(cls, path: str | Path = config.SIDES_FILE) -> SideLexicon:
        """Read a sides lexicon (columns side, cues and optionally bodies and adjective).

        Args:
            path: the CSV file.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        sides, patterns, body_patterns, words = [], [], [], set()
        adjectives: dict[str, str] = {}
        place_side: dict[str, str] = {}
        for row in table.itertuples(index=False):
            cues = split_phrases(row.cues)
            bodies = split_phrases(getattr(row, "bodies", ""))
            places = split_phrases(getattr(row, "places", ""))
            if not row.side.strip() or not cues + bodies:
                continue
            sides.append(row.side.strip())
            if getattr(row, "adjective", "").strip():
                adjectives[row.side.strip()] = row.adjective.strip()
            patterns.append(_cue_pattern(cues + bodies + places))
            body_patterns.append(_cue_pattern(bodies) if bodies else None)
            words |= _cue_words(cues + bodies)
            place_side.update((name_key(place), row.side.strip()) for place in places)
        place_words = frozenset(_LETTERS.findall(place)[0] for place in place_side
                                if _LETTERS.findall(place))
        return cls(tuple(sides), tuple(patterns), tuple(body_patterns), frozenset(words),
                   adjectives, compile_phrases(list(place_side)) if place_side else None,
                   place_side, place_words)

    def sides_of_places(self, text: str) -> set[str]:
        """The sides of the places of sides.csv named in ``text``."""
        if self.places is None or self.place_words.isdisjoint(_LETTERS.findall(text.lower())):
            return set()  # no first word of a place: the pattern is not run
        return {self.place_side[name_key(m.group())] for m in self.places.finditer(text)}

    def side_of(self, context: str, *, bodies_only: bool = False) -> str:
        """The side whose cue comes first in ``context`` ("" when none); at the same place
        the longest cue wins.

        A cue right after "to", "in", "with", "on" or "against" is skipped: it names where
        or whom the speaker deals with ("ambassador to Cambodia"), not the speaker's side.

        Args:
            context: the words that introduce a speaker.
            bodies_only: only the bodies of each side count (not nationality or place).
        """
        key = (context, bodies_only)
        if key not in self._found:
            self._found[key] = self._first_side(context, bodies_only)
        return self._found[key]

    def _first_side(self, context: str, bodies_only: bool) -> str:
        best: tuple[int, int, str] | None = None
        patterns = self.body_patterns if bodies_only else self.patterns
        for side, pattern in zip(self.sides, patterns, strict=True):
            if pattern is None:
                continue
            for match in pattern.finditer(context):
                before = context[: match.start()].split()
                if before and before[-1].lower() in _DESTINATION_WORDS:
                    continue
                if before and before[-1].lower() == "based" or context[
                        match.end(): match.end() + 6].lower() in ("-based", "\u2011based"):
                    continue  # "based in the United States", "US-based"
                candidate = (match.start(), -(match.end() - match.start()), side)
                if best is None or candidate < best:
                    best = candidate
                break
        return best[2] if best else ""


@dataclass(frozen=True)
class Actor:
    """A known speaker: canonical name, side ("" when unknown), role, and whether a person."""

    name: str
    side: str
    role: str
    person: bool = True
    offices: tuple[frozenset[str], ...] = ()  # the words of each office held


_INITIALS = re.compile(r"\b(?:\w\.){2,}")
_AFFILIATION_ROLES = frozenset({"analyst", "media", "civil society"})


@lru_cache(maxsize=4096)
def office_words(office: str) -> frozenset[str]:
    """The words of an office as compared, spellings made one ("Defense Minister" and
    "defence minister", "spokesman" and "spokesperson")."""
    return frozenset(word for key in map(_key, _WORD.findall(office))
                     for word in _OFFICE_SPELLINGS.get(key, key).split())


def name_key(name: str) -> str:
    """A name as looked up: lower case, straight apostrophes, no dots ("U.S." = "US")."""
    name = _INITIALS.sub(lambda m: m.group().replace(".", ""), name.replace("\u2019", "'"))
    return " ".join(name.lower().replace(".", " ").split())


@dataclass(frozen=True, eq=False)
class ActorLexicon:
    """Known speakers, looked up by their full name or one of its aliases, with or without
    titles and honorifics."""

    by_key: dict[str, Actor] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    # Bodies that employ analysts, journalists and activists ("at the Lowy Institute").
    affiliations: re.Pattern[str] | None = None
    _found: dict[str, Actor | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file(cls, path: str | Path = config.ACTORS_FILE, *,
                  roles: str | Path | None = ROLES_FILE) -> ActorLexicon:
        """Read an actors lexicon (columns name, aliases, side, role and optionally kind).

        Args:
            path: the CSV file.
            roles: the roles CSV whose title and person words are stripped from names
                before lookup ("PM Hun Manet"); None for none.

        Returns:
            The lexicon.
        """
        table = read_lexicon(path)
        by_key: dict[str, Actor] = {}
        affiliations: list[str] = []
        for row in table.itertuples(index=False):
            name = row.name.strip()
            if not name:
                continue
            person = getattr(row, "kind", "person").strip() != "body"
            offices = tuple(office_words(office)
                            for office in split_phrases(getattr(row, "office", "")))
            actor = Actor(name, row.side.strip(), row.role.strip() or UNKNOWN, person, offices)
            names = [name, *split_phrases(row.aliases)]
            for alias in names:
                by_key.setdefault(name_key(alias), actor)
            if not person and actor.role in _AFFILIATION_ROLES:
                affiliations += [a for a in names if len(a) > 4 or not a.isupper()]
        titles: set[str] = set()
        if roles is not None:
            for row in read_lexicon(roles).itertuples(index=False):
                if row.kind.strip() in ("title", "person"):
                    titles |= {name_key(w) for w in _cue_words(split_phrases(row.cues))}
        return cls(by_key, frozenset(titles),
                   compile_phrases(affiliations) if affiliations else None)

    def lookup(self, name: str) -> Actor | None:
        """The actor called ``name`` (case, dots, apostrophes, a leading "the", a possessive
        and leading titles ignored), or None."""
        if name not in self._found:
            if len(self._found) >= _MAX_CACHED_RUNS:
                self._found.clear()
            self._found[name] = self._lookup(name)
        return self._found[name]

    def _lookup(self, name: str) -> Actor | None:
        key = name_key(name)
        found = self.by_key.get(key)
        if found is not None or not key:
            return found
        words = key.split()
        if words[0] == "the":
            words = words[1:]
        if words and words[-1].endswith("'s"):
            words[-1] = words[-1][:-2]
        while words:
            found = self.by_key.get(" ".join(words))
            if found is not None or words[0] not in self.title_words:
                return found
            words = words[1:]
        return None

    def affiliation(self, context: str) -> Actor | None:
        """The first known body that employs a speaker, named in the words introducing them
        ("a researcher at the Lowy Institute"), or None."""
        if self.affiliations is None:
            return None
        match = self.affiliations.search(context)
        return self.lookup(match.group()) if match else None


@dataclass(frozen=True)
class _RoleRow:
    role: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, eq=False)
class RoleLexicon:
    """Roles of speakers (analyst, media, civil society, official, institution, document),
    the side each role takes by itself, title words and state words."""

    rows: tuple[_RoleRow, ...]
    title_words: frozenset[str]
    person_words: frozenset[str]  # last words of person cues ("diplomat", "spokesperson")
    role_sides: dict[str, str] = field(default_factory=dict)  # "analyst": "independent"
    state: re.Pattern[str] | None = None  # "state media", "a government think tank"
    things: frozenset[str] = frozenset()  # words of names of things ("base", "port", "Summit")
    mute: frozenset[str] = frozenset()  # nouns that speak only for an issuer ("data")
    # Transcript labels by their upper-case text: "Q" -> "question", "HOST" -> "narrator".
    labels: dict[str, str] = field(default_factory=dict)
    _found: dict[tuple[str, bool], str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_file(cls, path: str | Path = ROLES_FILE, *,
                  outlets: str | Path | None = OUTLETS_FILE) -> RoleLexicon:
        """Read a roles lexicon (columns role, kind, cues, side), adding outlets as media cues.

        Args:
            path: the roles CSV file.
            outlets: the outlets CSV (columns outlet, aliases) whose names are media cues;
                None for none.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        rows, titles, person, state, things, mute = [], set(), set(), [], set(), set()
        role_sides: dict[str, str] = {}
        labels: dict[str, str] = {}
        for row in table.itertuples(index=False):
            cues = split_phrases(row.cues)
            kind = row.kind.strip()
            if not cues:
                continue
            if kind == "label":
                labels.update(dict.fromkeys((c.upper() for c in cues), row.role.strip()))
                continue
            titles |= _cue_words(cues)
            if kind == "state":
                state += cues
            if kind == "thing":
                things |= _cue_words(cues)
            if kind == "mute":
                mute |= _cue_words(cues)
            if kind in ("title", "state", "thing", "mute"):
                continue  # not roles: words of titles, of names of things, state words
            role = row.role.strip()
            side = getattr(row, "side", "").strip()
            if side:
                role_sides.setdefault(role, side)
            rows.append(_RoleRow(role, kind, _cue_pattern(cues)))
            if kind == "person":
                person.update(_key(c.split()[-1]) for c in cues if not c.startswith("re:"))
        if outlets is not None:
            names = []
            for row in read_lexicon(outlets).itertuples(index=False):
                names += [row.outlet, *split_phrases(row.aliases)]
            rows.append(_RoleRow("media", "body", _cue_pattern(names)))
        return cls(tuple(rows), frozenset(titles), frozenset(person), role_sides,
                   _cue_pattern(state) if state else None, frozenset(things), frozenset(mute),
                   labels)

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

    def is_thing(self, key: str) -> bool:
        """Whether a word (a key) names a kind of thing, event or place ("base", "summit")."""
        return key in self.things

    def names_state(self, context: str) -> bool:
        """Whether ``context`` says the speaker belongs to a state ("Chinese state media")."""
        return self.state is not None and self.state.search(context) is not None


@dataclass(frozen=True)
class _Verb:
    subject: str  # before | after | either
    needs_that: bool
    participle: bool
    act: bool = False  # a verb of a speech act ("vowed", "agreed"), not of saying
    object_as: bool = False  # also reports with "as" after its object ("describe X as Y")


@dataclass(frozen=True, eq=False)
class ReportingVerbs:
    """Forms of the verbs that attribute words to a speaker."""

    forms: dict[tuple[str, ...], _Verb]  # by the words of the form, in lower case
    first_words: dict[str, tuple[tuple[str, ...], ...]]  # forms by first word, longest first
    # First words that are a form by themselves ("said"), and the forms of the others, as
    # text ("made" -> "made the remarks"), for the quick test of may_occur.
    single_words: frozenset[str] = frozenset()
    phrases_by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: str | Path = REPORTING_VERBS_FILE) -> ReportingVerbs:
        """Read a reporting-verbs lexicon (columns verb, forms, subject, needs_that and
        optionally kind: report or act).

        Args:
            path: the CSV file.

        Returns:
            The compiled lexicon.
        """
        table = read_lexicon(path)
        forms: dict[tuple[str, ...], _Verb] = {}
        for row in table.itertuples(index=False):
            subject = row.subject.strip() or "before"
            needs = row.needs_that.strip().lower()
            needs_that, object_as = needs in ("yes", "as"), needs == "as"
            act = getattr(row, "kind", "").strip() == "act"
            for form in split_phrases(row.forms):
                words = tuple(form.lower().split())
                participle = subject != "after" and words[0].endswith("ing")
                forms[words] = _Verb(subject, needs_that, participle, act, object_as)
        first_words: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(forms, key=len, reverse=True):
            first_words.setdefault(words[0], []).append(words)
        single = frozenset(w for w, found in first_words.items() if (w,) in found)
        phrases = {w: tuple(" ".join(f) for f in found)
                   for w, found in first_words.items() if w not in single}
        return cls(forms, {w: tuple(f) for w, f in first_words.items()}, single, phrases)

    def may_occur(self, text: str) -> bool:
        """Whether ``text`` may hold a form (a quick test): a one-word form, or the first word
        of longer forms with one of them ("made" only with "made the remarks")."""
        lowered = text.lower()
        words = _LOWER_WORD.findall(lowered)
        if not self.single_words.isdisjoint(words):
            return True
        phrases = self.phrases_by_first
        return not phrases.keys().isdisjoint(words) and any(
            phrase in lowered for word in set(words) & phrases.keys() for phrase in phrases[word])

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
_NEW_TOKEN = partial(tuple.__new__, _Token)  # _Token(*row) without its Python frame


@lru_cache(maxsize=1 << 16)
def _token_key(value: str) -> str:
    """A token's key: :func:`_key` of a word, a mark itself."""
    return _key(value) if value[0].isalnum() else value


def _tokens(text: str) -> list[_Token]:
    """The words and marks of a text, with their offsets.

    Built column by column with C-level maps (no Python loop over the tokens): the tokens of
    most sentences are read, so this is one of the costs per document that count.
    """
    parts = _TOKEN_SPLIT.split(text)  # between, token, between, token, ...
    values = parts[1::2]
    if not values:
        return []
    offsets = list(accumulate(map(len, parts)))  # the end of each part
    firsts = list(map(itemgetter(0), values))
    return list(map(_NEW_TOKEN, zip(values, offsets[0:-1:2], offsets[1::2],
                                    map(_token_key, values), map(str.isalnum, firsts),
                                    map(str.isupper, firsts), strict=True)))


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
    joint: bool = False  # the two parties of a meeting ("both sides", "the two leaders")


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
        self._np_keys: dict[str, bool] = {}  # lower-case words that can be in a noun phrase
        self._office_index: dict[str, tuple[Actor, ...]] | None = None
        # Phrases read by describe, by their text, whether they open the sentence and their
        # determiner: the same words name the same speaker (the cache is emptied when full).
        self._described: dict[tuple[str, bool, str], _Phrase | None] = {}
        self._sides_and_roles: dict[tuple[tuple[str, ...], bool], tuple[str, str]] = {}

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

    def office(self, text: str, texts: list[str]) -> _Speaker | None:
        """The organisation an office named without its country stands for ("Finance
        Ministry", "the defence ministry"): the actors.csv body of that office whose side the
        article names, when only one such body is, or whose side the article names in at
        least twice as many sentences as any other's (the article's home country); else
        None."""
        key = " ".join(_key(w) for w in _WORD.findall(text))
        patterns = {actor: self.sides.patterns[self.sides.sides.index(actor.side)]
                    for actor in self._offices().get(key, ())}
        named = [actor for actor, pattern in patterns.items()
                 if any(pattern.search(t) for t in texts)]
        if len(named) > 1:  # the side named in at least twice as many sentences
            counts = sorted(((sum(1 for t in texts if patterns[actor].search(t)), actor)
                             for actor in named), key=itemgetter(0), reverse=True)
            named = [counts[0][1]] if counts[0][0] >= 2 * counts[1][0] else []
        if not named:
            return None
        actor = named[0]
        return _Speaker(actor.name, actor.side, actor.role, False, key.split()[-1])

    def _offices(self) -> dict[str, tuple[Actor, ...]]:
        """actors.csv bodies by their aliases of two words or more without the words of their
        side ("Cambodia's finance ministry" -> "finance ministry"), built once."""
        if self._office_index is None:
            index: dict[str, dict[str, Actor]] = {}
            for alias, actor in self.actors.by_key.items():
                if actor.person or actor.side not in self.sides.sides:
                    continue
                words = [w for w in alias.split() if not self.sides.side_of(_key(w))]
                if len(words) > 1 and len(words) < len(alias.split()) and any(
                        self.roles.role_of(w, person=False) for w in words[-1:]):
                    index.setdefault(" ".join(words), {})[actor.name] = actor
            self._office_index = {k: tuple(v.values()) for k, v in index.items()}
        return self._office_index

    def side_and_role(self, contexts: list[str], *, person: bool) -> tuple[str, str]:
        """The side and role given by the words that introduce a speaker.

        A body of actors.csv named there ("a researcher at the Lowy Institute") gives its side
        (and its role, when the words name none). An analyst, a journalist or a civil-society
        voice takes a state's side only from a body of that state (sides.csv, column bodies)
        or a state word ("Chinese state media"), else the side of the role (roles.csv);
        anyone else takes the first side cue.
        Remembered by the words (the cache is emptied when full).
        """
        key = (tuple(contexts), person)
        found = self._sides_and_roles.get(key)
        if found is None:
            if len(self._sides_and_roles) >= _MAX_CACHED_RUNS:
                self._sides_and_roles.clear()
            found = self._sides_and_roles[key] = self._side_and_role(contexts, person=person)
        return found

    def _side_and_role(self, contexts: list[str], *, person: bool) -> tuple[str, str]:
        sides, roles = self.sides, self.roles
        role = affiliated = side = ""
        for context in contexts:
            current = context.rsplit(" now ", 1)[-1]  # "a former official now at ..."
            role = role or roles.role_of(current, person=person)
            if not affiliated:
                actor = self.actors.affiliation(current)
                if actor is not None:
                    affiliated, role = actor.side, role or actor.role
        if affiliated:
            return affiliated, role or UNKNOWN
        default = roles.role_sides.get(role, "")
        for context in contexts:
            if default:
                side = side or sides.side_of(context, bodies_only=True) or (
                    sides.side_of(context) if roles.names_state(context) else "")
            else:
                side = side or sides.side_of(context)
        return side or default or UNKNOWN, role or UNKNOWN

    def is_mute(self, phrase: _Phrase) -> bool:
        """Whether a phrase is a noun that never speaks by itself, with no issuer, role or
        side named in it ("the data", "History", "the latest figures"; not "Finance Ministry
        figures", "finance ministry data", "government figures", "opposition figures")."""
        if phrase.kind != "body" or phrase.head not in self.roles.mute or any(
                c.isupper() for c in phrase.text[1:]) or self.sides.side_of(phrase.text):
            return False
        end = _head_end(phrase.text, phrase.head)
        modifier = phrase.text[: end - len(phrase.head)] if end else ""
        return not modifier.strip() or not self.roles.role_of(modifier, person=False)

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
        """A word that can be part of a speaker's noun phrase (remembered by key)."""
        if not token.word or token.key in _DATE_WORDS:
            return False
        if token.capital:
            return True
        found = self._np_keys.get(token.key)
        if found is None:
            found = self._np_keys[token.key] = token.key.isdigit() or any(
                self._classify(token.key))
        return found

    def name_word(self, token: _Token) -> bool:
        """A capitalised word that is not a title, a side cue or a function word."""
        return token.capital and token.key not in _DATE_WORDS and self.could_be_name(token.key)

    def phrase_before(self, tokens: list[_Token], end: int, text: str, *,
                      appositive: bool = True) -> _Phrase | None:
        """The speaker's noun phrase ending just before ``tokens[end]``, or None."""
        if end > 2 and _KNOW_CUE.search(text) is not None:
            tail = _SOURCE_TAIL.search(text, max(0, tokens[end].start - 100), tokens[end].start)
            head = _key(tail.group("head")) if tail is not None else ""
            if head in _SOURCE_WORDS or head in _PEOPLE_WORDS or head in self.roles.person_words:
                # "Sources close to the prime minister said", "villagers involved in ... said"
                end = next((n + 1 for n, t in enumerate(tokens)
                            if t.start == tail.start("head")), end)
        elif end > 2 and tokens[end - 1].word \
                and tokens[end - 1].key not in _AUXILIARIES:  # "... in the capital were told"
            located = _LOCATED_TAIL.search(text, max(0, tokens[end].start - 80),
                                           tokens[end].start)
            if located is not None and self.roles.role_of(
                    located["head"].lower(), person=False) == "public":
                # "families along the canal route say", "villagers near the site said"
                end = next((n + 1 for n, t in enumerate(tokens)
                            if t.start == located.start("head")), end)
        j = _skip_adjuncts(tokens, end - 1)
        if j < 0:
            return None
        last = tokens[j]
        if _is_possessive(last.text):
            return None  # "Beijing's support": the possessive is not the subject
        if last.key in _RELATIVE_SUBJECTS:
            return None  # "the people who could have told": a relative clause
        if last.key in _PRONOUNS:
            return _pronoun(last)
        if last.text == "," and appositive:
            return self._appositive_subject(tokens, j, text)
        if not last.word:
            return None
        k = j - 1 if not self.np_word(last) else j  # a plain noun head: "the two sides"
        while k >= 0:
            token = tokens[k]
            if token.key == "one" and k < j:
                break  # "One Chinese official said", "as one Western diplomat put it"
            if token.key in _DETERMINERS and not (token.capital and k > 0
                                                   and tokens[k - 1].capital):
                if k > 1 and tokens[k - 1].key in _CONNECTORS - {"and"} \
                        and (self.is_title(tokens[k - 2].key) or tokens[k - 1].key in _OF_BODY
                             and self.name_word(tokens[k - 2])):
                    k -= 2  # "a spokesman for the foreign ministry", "Kin Phea of the Academy"
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
        determiner = tokens[k] if k >= 0 and (tokens[k].key in _DETERMINERS
                                              or tokens[k].key == "one") else None
        first = k + 1
        if not self.np_word(last) and (last.key in _AUXILIARIES or determiner is None and not any(
                self.is_title(t.key) or self.is_cue(t.key) for t in tokens[first:j])):
            return None  # "exchanged notes", "Nothing was said": no speaker
        conjunction = first - 1  # "and" before the phrase, its determiner and adjectives
        while conjunction >= first - 3 and conjunction > 0 and tokens[conjunction].word \
                and not tokens[conjunction].capital and tokens[conjunction].key != "and":
            conjunction -= 1
        if conjunction > 0 and tokens[conjunction].key == "and":
            left = self.phrase_before(tokens, conjunction, text, appositive=False)
            if left is not None and left.kind == "body" and left.plural and left.person_head:
                return left  # "villagers and a local official told RFA": the first group
        phrase = self.describe(tokens, first, j, text, determiner=determiner)
        if phrase is not None and phrase.kind == "body" and phrase.person_head and k > 0 \
                and tokens[k].text == ",":
            a = k  # "Ouk Seyha, commander of Ream Naval Base said": the name before the comma
            while a > 0 and self.name_word(tokens[a - 1]):
                a -= 1
            name = self._name_only(tokens, a, k, text) if a == 0 or not tokens[a - 1].word \
                else None
            if name is not None:
                return _with_context(name, phrase.text)
        return phrase

    def phrase_after(self, tokens: list[_Token], start: int, text: str, *,
                     allow_pronoun: bool, appositive: bool = True) -> tuple[_Phrase, int] | None:
        """The speaker's noun phrase starting at ``tokens[start]``, and the index after it
        (with the words of an appositive after a comma when ``appositive``)."""
        if start >= len(tokens):
            return None
        first = tokens[start]
        if first.key in _PRONOUNS:
            return (_pronoun(first), start + 1) if allow_pronoun else None
        determiner = first if first.key in _DETERMINERS or (
            first.key == "one" and start + 1 < len(tokens) and tokens[start + 1].word and (
                not tokens[start + 1].capital or start + 2 < len(tokens)
                and tokens[start + 2].word and not tokens[start + 2].capital)) else None
        # "said one villager", "one Western diplomat"
        begin = k = start + 1 if determiner else start
        if determiner is not None and k < len(tokens) and _AGE.fullmatch(tokens[k].key):
            begin = k = k + 1  # "a 52-year-old rice farmer": the age is no part of the head
        while k < len(tokens):
            token = tokens[k]
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if token.key in _DETERMINERS and k > begin:
                break
            if self.np_word(token):
                k += 1
            elif (token.key == "by" and k > begin and following is not None and following.capital
                  and self.roles.role_of(tokens[k - 1].key, person=False) == "document"):
                k += 1  # "research by AidData"
            elif (k > begin and following is not None and following.key == "by"
                  and not token.capital and (token.key.endswith("ed")
                                             or token.key in _BY_PARTICIPLES)
                  and k + 2 < len(tokens) and tokens[k + 2].capital
                  and self.roles.role_of(text[tokens[begin].start: tokens[k - 1].end],
                                         person=False) == "document"):
                k += 2  # "satellite imagery reviewed by Reuters"
            elif (token.key in _CONNECTORS and k > begin and following is not None
                  and (self.np_word(following) or following.key == "the")
                  and (token.key != "and" or self._title_pair(tokens[k - 1], following))):
                k += 2 if following.key == "the" else 1
            elif token.key in _NAME_PARTICLES and k > begin and following is not None \
                    and following.capital:
                k += 1
            elif (token.key == "of" and k > begin and following is not None
                  and self.roles.role_of(tokens[k - 1].key, person=False) == "document"):
                by = next((i for i in range(k + 1, min(k + 5, len(tokens)))
                           if tokens[i].key == "by" or not tokens[i].word), None)
                if by is None or tokens[by].key != "by" or by + 1 >= len(tokens) \
                        or not tokens[by + 1].capital:
                    break
                k = by + 1  # "a count of speeches by Ou Virak"
            elif k == begin and determiner is not None and token.word:
                k += 1  # "according to the sources": one plain noun after a determiner
                if following is not None and following.key in self.roles.person_words:
                    k += 1  # "a rice farmer": a plain noun before a person word
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
        if appositive and after + 1 < len(tokens) and tokens[after].text == "," and (
                tokens[after + 1].key in _DETERMINERS or tokens[after + 1].key == "one"
                or self.is_title(tokens[after + 1].key)):  # ", one of the report's authors"
            close = next((i for i in range(after + 1, min(len(tokens), after + 40))
                          if tokens[i].text in ",.;:"), len(tokens) - 1)
            phrase = _with_context(phrase, text[tokens[after + 1].start: tokens[close].start])
        return phrase, after

    def describe(self, tokens: list[_Token], first: int, last: int, text: str, *,
                 determiner: _Token | None) -> _Phrase | None:
        """Read tokens[first..last] as a person (a name, with titles) or a body (remembered
        by the words' text)."""
        if last < first:
            return None
        key = (text[tokens[first].start: tokens[last].end], first == 0,
               determiner.key if determiner is not None else "")
        described = self._described
        if key not in described:
            if len(described) >= _MAX_CACHED_RUNS:
                described.clear()
            described[key] = self._describe(tokens, first, last, text, determiner=determiner)
        return described[key]

    def _describe(self, tokens: list[_Token], first: int, last: int, text: str, *,
                  determiner: _Token | None) -> _Phrase | None:
        words = tokens[first: last + 1]
        if not words or all(w.key in _NOT_NAMES or w.key in _DETERMINERS for w in words):
            return None
        if _is_possessive(words[-1].text):
            return None  # "Beijing's", "Mr Wang's": an owner, not a speaker
        phrase_text = text[words[0].start: words[-1].end]
        known = self.actors.lookup(phrase_text)
        if known is None and len(words) > 1:
            body = self._described_body(words, text)
            if body is not None:
                return body  # "the pro-government outlet Fresh News"
        if known is not None and known.person:
            run = self._name_run(words, determiner)
            if run is None:
                return _Phrase("person", phrase_text, name=known.name)  # "Samdech Techo"
            named = set(name_key(known.name).split())
            if {w.key for w in words[run[0]: run[1] + 1]} < named:
                # "Deputy Prime Minister Hun Many": a name with a function word in it
                return _Phrase("person", phrase_text, name=known.name, context=" ".join(
                    w.text for w in words if w.key not in named))
        run = None if known is not None and not known.person else self._name_run(words,
                                                                                 determiner)
        if run is not None and not (first == 0 and run == (0, 0) and len(words) == 1
                                    and words[0].key.endswith("s")
                                    and self.actors.lookup(words[0].text) is None) \
                and not (first == 0 and run == (0, 0) and len(words) > 1
                         and not words[1].capital) \
                and not self._part_of_organisation(words, run) \
                and not self._modifies_people(words, run):
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
        if first == 0 and phrase_text[:1].isupper() and known is None and (
                self.is_title(words[0].key)
                or not self.is_cue(words[0].key) and _common_noun_opening(words)
                and not _is_possessive(words[0].text)):
            phrase_text = phrase_text[0].lower() + phrase_text[1:]  # "Officials said"
        plural = (determiner is not None and determiner.key in _PLURAL_DETERMINERS) or (
            head.endswith("s") and not head.endswith("ss") and not self.is_cue(head))
        return _Phrase("body", phrase_text, head=head, context=phrase_text,
                       definite=determiner is not None and determiner.key in ("the", "this"),
                       person_head=head in self.roles.person_words, plural=plural,
                       joint=determiner is not None and head in _JOINT_HEADS and (
                           determiner.key in _JOINT_DETERMINERS or determiner.key == "the"
                           and len(words) == 1))  # "the leaders", not "the Chinese leaders"

    def _described_body(self, words: list[_Token], text: str) -> _Phrase | None:
        """A known organisation named after words that describe it ("the pro-government
        outlet Fresh News", "the rights group LICADHO"), or None; never a body after another
        side ("Thai Foreign Ministry"), a connector ("officials in Beijing", "the Chinese
        embassy in Thailand"), a name ("Kenta Shimizu of the ... Foundation") or a
        possessive."""
        for a in range(1, len(words)):
            if not words[a].capital:
                continue
            before = words[a - 1]
            if any(w.key in _CONNECTORS or w.key in _DETERMINERS or not w.word
                   or _is_possessive(w.text) or self.name_word(w) for w in words[:a]):
                return None  # "Kenta Shimizu of the ... Foundation", "University of the ..."
            if not self.roles.role_of(text[words[0].start: before.end], person=False):
                return None  # "the Thai capital Bangkok": not words of a role
            actor = self.actors.lookup(text[words[a].start: words[-1].end])
            if actor is None:
                continue
            side = self.sides.side_of(text[words[0].start: before.end])
            if actor.person or side and side != actor.side:
                return None
            return _Phrase("body", text[words[a].start: words[-1].end],
                           head=words[-1].key, context=text[words[0].start: words[-1].end])
        return None

    def _modifies_people(self, words: list[_Token], run: tuple[int, int]) -> bool:
        """A run of name words before a plural person word or a lower-case noun is a
        modifier, not a person ("Kenyan fishermen", "Sri Lankan officials", "Western
        media")."""
        b = run[1]
        if b + 1 >= len(words):
            return False
        following = words[b + 1]
        key = following.key
        return key in self.roles.person_words and (key.endswith("men") or key.endswith("s")
                                                   and not key.endswith("ss")) or (
            following.word and not following.capital and b + 2 == len(words))

    @staticmethod
    def _part_of_organisation(words: list[_Token], run: tuple[int, int]) -> bool:
        """A run of name words that is part of an organisation's name: followed by more
        capitalised words ("Transparency International Cambodia", "United Khmer Youth
        Network")."""
        b = run[1]
        return b + 1 < len(words) and words[b + 1].capital

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
            if before is None or not (before.key in _CONNECTORS
                                      or before.key in ("the", "a", "an", "one")):
                return a, b
            b = a - 1  # "the Royal Academy", "of Queensland": an organisation or a place
        return None

    def _title_pair(self, left: _Token, right: _Token) -> bool:
        return self.is_title(left.key) and self.is_title(right.key)

    def _appositive_subject(self, tokens: list[_Token], comma: int, text: str) -> _Phrase | None:
        """The phrase before an appositive: "Kin Phea, director of the ... Institute, told",
        "The statement, issued after the meeting, said"; a name between the commas is the
        speaker ("Australia's ambassador to Cambodia, Jane Harcourt, said"); a name further
        left wins over a description nearer the verb ("Zhang Wei, a researcher at ..., a
        state think tank in Beijing, said")."""
        position = comma
        fallback: _Phrase | None = None
        for _ in range(3):
            previous = position
            position = next((i for i in range(position - 1, max(-1, position - 45), -1)
                             if tokens[i].text in ",;:()\u201c\u201d\""), -1)
            if position < 1 or tokens[position].text != ",":
                break
            inside = self._name_only(tokens, position + 1, previous, text) or \
                self._titled_name_only(tokens, position + 1, previous, text)
            if inside is not None and fallback is None:
                before = self.phrase_before(tokens, position, text, appositive=False)
                context = before.text if before is not None else ""
                return _with_context(inside, context)
            phrase = self.phrase_before(tokens, position, text, appositive=False)
            if phrase is not None and phrase.kind != "pronoun":
                start = position - 1
                while start > 0 and tokens[start - 1].word:
                    start -= 1
                if start == 0 or not tokens[start - 1].word:
                    extra = text[tokens[position].end: tokens[comma].start]
                    found = _with_context(phrase, extra)
                    if found.kind == "person":
                        return found
                    fallback = fallback or found
        return fallback

    def _titled_name_only(self, tokens: list[_Token], first: int, end: int,
                          text: str) -> _Phrase | None:
        """tokens[first:end] as a person when they are titles and a name and nothing else
        ("..., Deputy Prime Minister Hun Many, said")."""
        if end - first < 2 or not tokens[first].capital:
            return None
        phrase = self.phrase_before(tokens, end, text, appositive=False)
        if phrase is None or phrase.kind != "person" or \
                phrase.text != text[tokens[first].start: tokens[end - 1].end]:
            return None
        return phrase

    def _name_only(self, tokens: list[_Token], first: int, end: int,
                   text: str) -> _Phrase | None:
        """tokens[first:end] as a person when they are a name and nothing else."""
        words = tokens[first:end]
        if not 1 < len(words) <= 4 or not all(self.name_word(w) for w in words):
            return None
        name = text[words[0].start: words[-1].end]
        return _Phrase("person", name, name=name)


def _head_end(text: str, head: str) -> int:
    """Where the first whole word ``head`` (in lower case) ends in ``text``; 0 when absent."""
    lowered = text.lower()
    start = lowered.find(head)
    while start >= 0:
        end = start + len(head)
        if not lowered[start - 1: start].isalnum() and not lowered[end: end + 1].isalnum():
            return end
        start = lowered.find(head, end)
    return 0


def _common_noun_opening(words: list[_Token]) -> bool:
    """A phrase that is capitalised only because it opens the sentence ("Critics",
    "Environmental activists"): one plural word, or lower-case words after the first."""
    if len(words) == 1:
        return words[0].key.endswith("s") and not words[0].key.endswith("ss")
    return not any(w.capital for w in words[1:])


def _skip_adjuncts(tokens: list[_Token], j: int) -> int:
    """The index of the last word of a subject that ends at ``tokens[j]`` once adverbs,
    auxiliaries and a date adjunct are skipped ("Hun Sen on Tuesday", "Wang has also")."""
    while j >= 0:
        key = tokens[j].key
        if key in _BETWEEN_SUBJECT_AND_VERB:
            j -= 1
            continue
        if key in _DATE_WORDS or key.isdigit():
            k = j
            while k >= 0 and (tokens[k].key in _DATE_WORDS or tokens[k].key.isdigit()):
                k -= 1
            if k >= 0 and tokens[k].key in _DATE_LEADS:
                j = k - 1
                continue
        break
    return j


def _skip_date_after(tokens: list[_Token], i: int) -> int:
    """The index after a date adjunct starting at ``tokens[i]`` ("on Saturday"), else i."""
    if i < len(tokens) and tokens[i].key in _DATE_LEADS:
        k = i + 1
        while k < len(tokens) and (tokens[k].key in _DATE_WORDS or tokens[k].key.isdigit()):
            k += 1
        if k > i + 1:
            return k
    return i


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s", "s'", "s\u2019"))


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
# The voices of transcript labels that are no named speaker.
_NARRATOR = _Speaker("", "", "", False)  # the broadcaster's own voice ("HOST:")
_UNNAMED = _Speaker("", UNKNOWN, UNKNOWN, True)  # someone not named ("UNIDENTIFIED MAN:")


@dataclass
class _Person:
    name: str
    contexts: list[str] = field(default_factory=list)
    scanned: bool = False  # the article's mentions of the name were read for contexts


class _Document:
    """What is known while reading one article: the people named, the recent speakers."""

    def __init__(self, grammar: _Grammar, subject_at: Callable[[int], _Phrase | None],
                 texts: list[str],
                 read_run: Callable[[str], tuple[str, bool, str, int] | None]) -> None:
        self.grammar = grammar
        self.texts = texts
        self.read_run = read_run  # a run of capitalised words read as titles and a name
        self.joined: str | None = None  # the sentences joined by line breaks, when needed
        self.said_by: dict[int, _Speaker] = {}  # the speaker of each sentence read
        self.subject_at = subject_at  # the subject of the sentence at an index (read lazily)
        self.current = 0  # index of the sentence being read
        self.people: dict[str, _Person] = {}  # by lower-case full name, most recent last
        self.speakers: list[_Speaker] = []  # in order of speech
        self.last_person_at = -1  # index of the sentence where a person last spoke
        self.titled: list[_Speaker] = []  # people named with a title, in order
        # The sides of the people named with a title or heard, with their sentence's index.
        self.sides_seen: list[tuple[int, str]] = []
        self._home: str | None = None  # the article's home country, read when needed
        self._local: str | None = None  # the side of the article's places, read when needed
        self.office_sides: dict[tuple[str, ...], str] = {}  # by the words of a title

    def introduce(self, name: str, context: str) -> _Person:
        """Record a mention of a person (with the words introducing it); return the person."""
        person = self.full_person(name)
        if person is None:
            actor = self.grammar.actors.lookup(name)
            full = actor.name if actor else self.named_in_text(name) or name
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

    def named_in_text(self, name: str) -> str:
        """The full name, in the article up to the sentence being read (most recent first),
        of which a one-word name is a part ("Sun" or "Mr Sun" after "Sun Vathana, the
        finance minister"; "Khek" after "Khek Caimealy Sysoda"), or ""."""
        if " " in name or not name:
            return ""
        word = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
        key = name.lower()
        for index in range(self.current, max(-1, self.current - 4 * MAX_LOOKBACK_SENTENCES), -1):
            text = self.texts[index]
            if name not in text or word.search(text) is None:
                continue
            for match in reversed(list(_CAPITAL_RUN.finditer(text))):
                run = self.read_run(match.group()) if name in match.group() else None
                if run is not None and " " in run[2] and key in run[2].lower().split():
                    return run[2]
        return ""

    def mention_contexts(self, name: str) -> list[str]:
        """The words that describe a person wherever the article names them in full: titles
        before the name ("Vietnam's foreign ministry spokeswoman Pham Thu Hang"), an
        appositive after it ("Sun Vathana, Cambodia's finance minister,", "Sok Dara, who
        heads ...") or before it ("Cambodia's ambassador to China, Khek Caimealy Sysoda")."""
        if self.joined is None:
            self.joined = "\n".join(self.texts)
        text = self.joined
        if text.count(name) == 1 and name in self.texts[self.current]:
            return []  # named only here: the words around the name were read already
        grammar = self.grammar
        found: list[str] = []
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if text[start - 1: start].isalnum() or text[end: end + 1].isalnum():
                start = text.find(name, end)
                continue
            title = _title_context(text, start, grammar)
            if title:
                found.append(title)
            after = _APPOSITIVE_AFTER.match(text, end)
            described = [after.group(1)] if after else []
            if text[max(0, start - 2): start] == ", ":  # "<office>, Name": the office
                opening = max(text.rfind(mark, max(0, start - 130), start - 2)
                              for mark in _APPOSITION_MARKS)
                described.append(text[opening + 1: start - 2].strip())
            found += [d for d in described if grammar.roles.role_of(d, person=True)]
            start = text.find(name, end)
        return found

    def is_place(self, name: str) -> bool:
        """Whether a one-word name that no actor or person of the article has is a place:
        the article has it after "in", "at", "near", "off", "to" or "from", or before the
        name of a thing ("Ream Naval Base", "Ream port")."""
        if self.grammar.actors.lookup(name) is not None or self.full_person(name) is not None \
                or self.named_in_text(name):
            return False
        if self.joined is None:
            self.joined = "\n".join(self.texts)
        place = re.compile(rf"\b(?:in|at|near|off|to|from)\s+(?:the\s+)?{re.escape(name)}\b"
                           rf"|\b{re.escape(name)}\s+([\w\-]+)")
        for match in place.finditer(self.joined):
            following = match.group(1)
            if following is None or self.grammar.roles.is_thing(_key(following)):
                return True
        return False

    def is_known(self, name: str) -> bool:
        """A full name (two words or more), a known actor, or short for a person named."""
        return (len(name.split()) > 1 or self.grammar.actors.lookup(name) is not None
                or self.full_person(name) is not None)

    def person_speaker(self, person: _Person, *, scan: bool = False) -> _Speaker:
        """Side and role of a person: actors.csv first, then the words introducing them (with
        ``scan``, those of the article's other mentions of the name when these give none)."""
        actor = self.grammar.actors.lookup(person.name)
        if actor is not None and actor.side and actor.role != UNKNOWN:
            return _Speaker(actor.name, actor.side, actor.role, True)
        side, role = self.grammar.side_and_role(person.contexts, person=True)
        if side == UNKNOWN and scan and not person.scanned:
            person.scanned = True  # read the article's other mentions of the name once
            person.contexts += [c for c in self.mention_contexts(person.name)
                                if c not in person.contexts]
            side, role = self.grammar.side_and_role(person.contexts, person=True)
        if side == UNKNOWN and role == "official":
            side = self._office_body_side(person.contexts)  # "defence ministry spokesman"
        if side == UNKNOWN and role == "official" and any(map(_LOCAL.search, person.contexts)):
            side = self.local_side()  # "the provincial police chief", of the article's places
        if actor is not None:
            side, role = actor.side or side, actor.role if actor.role != UNKNOWN else role
        return _Speaker(person.name, side, role, True)

    def _office_body_side(self, contexts: list[str]) -> str:
        """The side of the body an official's title names without its country ("defence
        ministry spokesman"), when the article named that body with its country before
        ("Cambodia's defence ministry"); else unknown."""
        key = tuple(contexts)
        if key not in self.office_sides:
            self.office_sides[key] = UNKNOWN
            roles = self.grammar.roles
            for context in contexts:
                words = context.split()
                for n, word in enumerate(words):
                    if (n or len(words) > 1) and roles.role_of(_key(word),
                                                               person=False) == "institution":
                        # "defence ministry spokesman"; "ministry spokesman": the one named
                        body = self._mentioned_body(" ".join(words[: n + 1]), _key(word))
                        if body is not None and body.side != UNKNOWN:
                            self.office_sides[key] = body.side
                            return body.side
        return self.office_sides[key]

    def local_side(self) -> str:
        """The side of the places the article names (sides.csv, column places), when they
        are all of one side; else unknown (read once per article)."""
        if self._local is None:
            found = set().union(*map(self.grammar.sides.sides_of_places, self.texts))
            self._local = found.pop() if len(found) == 1 else UNKNOWN
        return self._local

    def resolve(self, phrase: _Phrase) -> _Speaker:
        """The speaker a phrase refers to (a pronoun, a name, "the embassy", ...)."""
        if phrase.kind == "pronoun":
            return self._antecedent(phrase.text)
        if phrase.kind == "person":
            if " " not in phrase.name and not phrase.context and self.is_place(phrase.name):
                return _NOBODY  # "Ream" of "Ream Naval Base": a place, not a speaker
            return self.person_speaker(self.introduce(phrase.name, phrase.context), scan=True)
        if " " not in phrase.text and phrase.kind == "body":
            named = self.full_person(phrase.text)  # "Reyes argued", after "Marcus Reyes"
            if named is not None:
                return self.person_speaker(self.introduce(named.name, ""))
        if phrase.joint:
            return _Speaker(JOINT_SPEAKER, self.joint_side(), "official", False, phrase.head,
                            True)
        grammar = self.grammar
        actor = grammar.actors.lookup(phrase.text)
        if actor is not None:
            return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, actor.person,
                            phrase.head, phrase.plural)
        if grammar.roles.role_of(phrase.head, person=False) == "document":
            issuer = self._issuer(phrase)
            if issuer is not None:
                return issuer
        elif phrase.head not in _SOURCE_WORDS and (
                phrase.head in _SPOKESPERSON_HEADS or phrase.person_head
                or phrase.head in _HEAD_WORDS or not grammar.roles.role_of(phrase.head,
                                                                         person=False)):
            body = self._body_named_in(phrase)
            if body is not None:
                return body  # "a State Department spokesperson", "a spokesman for the embassy"
        side = grammar.sides.side_of(phrase.context)
        if phrase.definite and not side and phrase.text.lower() in _HOME_BODIES and not any(
                s.head == phrase.head and not s.person for s in self.speakers):
            home = self.home_side()
            adjective = grammar.sides.adjectives.get(home, home)
            actor = grammar.actors.lookup(f"{adjective} {phrase.head}") if home else None
            if actor is not None and not actor.person:
                return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, False,
                                phrase.head)  # "the government" of the home country
        if phrase.definite and not side:
            if phrase.person_head and not _is_possessive(phrase.text.split()[0]):
                # not "the report's authors": the authors of a document, not a person named
                found = self._described_person(phrase.head, described=phrase.text)
                if found is not None:
                    return found
            else:
                for earlier in reversed(self.speakers):
                    if not earlier.person and earlier.head == phrase.head:
                        return earlier
                office = self._office_of_recent_person(phrase.head)
                if office is not None:
                    return office  # "the ministry" after "Minister of Commerce Pan Sorasak"
                if " " in phrase.text and grammar.roles.role_of(
                        phrase.head, person=False) == "institution":
                    named = self._mentioned_body(phrase.text, phrase.head)
                    if named is not None:
                        return named  # "The defence ministry" after "Cambodia's defence ..."
                if phrase.text.islower() and grammar.roles.role_of(
                        phrase.head, person=False) != "document":
                    named = self._named_organisation(phrase.head)
                    if named is not None:
                        return named  # "the initiative" after "the Asia Maritime ..."
                if phrase.head in _GENERIC_BODY_HEADS:
                    named = next((s for s in reversed(self.speakers) if not s.person
                                  and not s.plural and s.role in _ORGANISATION_ROLES), None)
                    if named is not None:
                        return named  # "the group" after "LICADHO said"
        if phrase.definite and side and phrase.person_head:
            found = self._described_person(phrase.head, side=side, described=phrase.text)
            if found is not None:
                return found  # "the Cambodian premier"
        if phrase.person_head and not phrase.plural:
            found = self._office_holder(phrase, side)
            if found is not None:
                return found  # "Cambodia's defence minister", named in the article
        sentence = self.texts[self.current]
        if phrase.person_head and not phrase.plural and not phrase.definite and (
                "name" in sentence or "identif" in sentence or " by " in sentence):
            given = _GIVEN_NAME.search(sentence)
            if given is not None:  # "said a farmer who gave only her first name, Sreymom"
                return self.person_speaker(self.introduce(given.group("name"), phrase.text))
        # an unnamed person's own words first: "a district official, who ... talk to the
        # media" is an official, not the media
        contexts = [phrase.text, phrase.context] if phrase.person_head and \
            phrase.context != phrase.text else [phrase.context]
        side, role = self.grammar.side_and_role(contexts, person=phrase.person_head)
        if side == UNKNOWN and role == "official" and _LOCAL.search(phrase.text):
            side = self.local_side()  # "a district official": of the article's places
        if side == UNKNOWN and phrase.head in _GOVERNING_HEADS:
            seat = _SEAT.search(phrase.text)
            if seat is not None:  # "officials in Phnom Penh": the government seated there
                side = grammar.sides.side_of(seat.group(1)) or UNKNOWN
        if role == UNKNOWN and side != UNKNOWN and all(
                grammar.is_cue(_key(w)) for w in _WORD.findall(phrase.text)):
            role = "institution"  # a country or a capital speaking: "Beijing said"
        name = (self._group_name(phrase) if phrase.plural else self._office_name(phrase, side)) \
            if phrase.person_head else phrase.text
        if self._anonymous(phrase):
            name = self._anonymous_name(phrase)
            if role in _BODY_ROLES:
                role = "official"  # "a government source": a person inside the body
        return _Speaker(name, side, role, phrase.person_head, phrase.head, phrase.plural)

    def _anonymous(self, phrase: _Phrase) -> bool:
        """Whether an unnamed speaker is an anonymous source: the sentence says so ("who spoke
        on condition of anonymity"), the speaker is "a source" (never named by nature: "a
        Japanese government source"), or an official who is one of many ("As one Western
        diplomat put it", "said one official"; not "as one Cambodian economist put it", a
        voice of no office that the writer did not name)."""
        sentence = self.texts[self.current]
        if phrase.head in _PEOPLE_WORDS and _knows(phrase, sentence):
            return True  # "a person familiar with the matter"
        if not (phrase.person_head or phrase.head in _SOURCE_WORDS):
            return False
        return phrase.head in _SOURCE_WORDS or _ANONYMOUS.search(
            sentence) is not None or (
            not phrase.plural and not phrase.definite and ("one " in sentence or "One " in sentence)
            and re.search(rf"\bone\s+{re.escape(phrase.text)}", sentence,
                          re.IGNORECASE) is not None
            and self.grammar.roles.role_of(phrase.text, person=True) == "official")

    def _anonymous_name(self, phrase: _Phrase) -> str:
        """The name of an anonymous source: "anonymous" and the words before the head that
        say who they are (ranks, sides, places, bodies: "anonymous district official",
        "anonymous Japanese government source"), else a side named after the head ("a
        diplomat from an ASEAN member state" -> "anonymous ASEAN diplomat")."""
        grammar = self.grammar
        if phrase.head in _PEOPLE_WORDS:  # "a person familiar with the matter": a source
            return "anonymous sources" if phrase.head != "person" else "anonymous source"
        head = phrase.head
        if phrase.plural and re.search(rf"\bone\s+of\s+the\s+{re.escape(phrase.text)}",
                                       self.texts[self.current], re.IGNORECASE):
            head = head[:-1] if head.endswith("s") else head  # "One of the sources, ..."
        words = _WORD.findall(phrase.text)
        head_at = next((n for n, w in enumerate(words) if _key(w) == phrase.head), len(words))
        kept = [w for w in words[:head_at]
                if w[:1].isupper() or _key(w) in _LOWER_RANKS or _LOCAL.fullmatch(w)
                or grammar.roles.role_of(_key(w), person=False) == "institution"]
        if not any(grammar.is_cue(_key(w)) for w in kept):
            for word in words[head_at + 1:]:
                if _key(word) in _DESTINATION_WORDS:
                    break  # "a diplomat in Phnom Penh": where, not whose
                if grammar.is_cue(_key(word)):
                    kept.append(word)
                    break
        return " ".join(["anonymous", *kept, head])

    def _body_named_in(self, phrase: _Phrase) -> _Speaker | None:
        """The organisation an unnamed spokesperson, official, researcher or head speaks for,
        named in the phrase: before the head when actors.csv knows it or it refers back
        ("State Department spokesperson", "ministry officials"), or after "for", "of", "at",
        "from" or "with" ("spokesman for the U.S. Embassy", "researchers at AidData",
        "officials at the embassy", "the head of the Chinese delegation")."""
        text = phrase.text
        if " " not in text:
            return None
        head_at = _head_end(text, phrase.head)
        before = text[: head_at - len(phrase.head)].strip() if head_at else ""
        if before and _is_possessive(before):  # "Wang's spokesperson": Wang Yi's voice
            found = self._person_named(_strip_possessive(before))
            if found is not None:
                return found
        if before and not self.grammar.sides.side_of(before):
            found = self.body_named(before)
            if found is not None:
                return found
        elif before and not _is_possessive(before) and not self._names_country(before):
            actor = self.grammar.actors.lookup(before)  # not "US officials": a country
            if actor is not None and not actor.person:
                return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, False,
                                _key(before.split()[-1]))
        after = _OWNER_AFTER.search(text, head_at)
        return self.body_named(text[after.end():]) if after else None

    def body_named(self, words: str) -> _Speaker | None:
        """The organisation that ``words`` name: an actors.csv body ("AidData", "Finance
        Ministry"); "the embassy" or "the ministry" the one the article named or heard last;
        else a body of a role with the side its words give ("the Chinese delegation"); or
        None."""
        grammar = self.grammar
        text = _strip_possessive(_LEADING_DETERMINER.sub("", words.strip(" ,.")))
        if not text or not text[:1].isalnum():
            return None
        actor = grammar.actors.lookup(text)
        if actor is not None:
            return None if actor.person else _Speaker(
                actor.name, actor.side or UNKNOWN, actor.role, False, _key(text.split()[-1]))
        head = _key(text.split()[-1])
        role = grammar.roles.role_of(head, person=False)
        if role not in _ORGANISATION_ROLES:
            return None
        side = grammar.sides.side_of(text)
        if side:
            return _Speaker(text, side, role, False, head)
        for earlier in reversed(self.speakers):
            if not earlier.person and earlier.head == head:
                return earlier
        return self._mentioned_body(text, head) or self._office_of_recent_person(head) or \
            grammar.office(text, self.texts)

    def _mentioned_body(self, text: str, head: str) -> _Speaker | None:
        """The organisation with head word ``head`` most recently named in the article (up to
        the sentence being read) whose name holds the other words of ``text`` ("the ministry"
        after "Cambodia's foreign ministry issued a statement")."""
        grammar = self.grammar
        wanted = {_key(w) for w in _WORD.findall(text)}
        word = re.compile(rf"(?<![\w\-]){re.escape(head)}(?![\w\-])", re.IGNORECASE)
        for index in range(self.current, max(-1, self.current - MAX_LOOKBACK_SENTENCES), -1):
            sentence = self.texts[index]
            for match in reversed(list(word.finditer(sentence))):
                before = sentence[max(0, match.start() - 60): match.start()]
                words = re.split(r"[,;:()\u201c\u201d\"]", before)[-1].split()  # one clause
                tail = _OF_PLACE.match(sentence, match.end())
                ending = match.group() + (tail.group() if tail else "")
                for n in range(min(len(words), 5), -1, -1):
                    candidate = " ".join([*words[len(words) - n:], ending])
                    if not wanted <= {_key(w) for w in _WORD.findall(candidate)}:
                        continue
                    actor = grammar.actors.lookup(candidate)
                    if actor is not None and not actor.person:
                        return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, False,
                                        head)
                    side = grammar.sides.side_of(candidate)
                    if side and n and grammar.is_cue(_key(words[len(words) - n])):
                        name = _LEADING_DETERMINER.sub("", candidate)
                        return _Speaker(name, side, grammar.roles.role_of(
                            head, person=False) or UNKNOWN, False, head)
        return None

    def _named_organisation(self, head: str) -> _Speaker | None:
        """The organisation most recently named (up to the sentence being read) by a run of
        capitalised words that holds ``head`` ("the initiative" -> "Asia Maritime Transparency
        Initiative", "the institute" -> "Lowy Institute"): the actors.csv body, else the name
        with the side and role its words give; None when no such name or it is a person's."""
        grammar = self.grammar
        capitalised = head.capitalize()  # a name's words are capitalised
        for index in range(self.current, max(-1, self.current - MAX_LOOKBACK_SENTENCES), -1):
            text = self.texts[index]
            if capitalised not in text:
                continue
            for match in reversed(list(_CAPITAL_RUN.finditer(text))):
                words = match.group().split()
                if len(words) < 2 or head not in map(_key, words):
                    continue
                tail = _NAME_TAIL.match(text, match.end())
                full = match.group() + tail.group() if tail else match.group()
                # the longest name first; "and" may join the name or two names
                names = list(dict.fromkeys([full, full.split(" and ")[0], match.group()]))
                for name in names:
                    name = _LEADING_DETERMINER.sub("", name)
                    actor = grammar.actors.lookup(name)
                    if actor is not None:
                        return None if actor.person else _Speaker(
                            actor.name, actor.side or UNKNOWN, actor.role, False, head)
                name = _LEADING_DETERMINER.sub("", full.split(" and ")[0])
                role = grammar.roles.role_of(name, person=False)
                if role not in _ORGANISATION_ROLES:
                    return None
                side, role = grammar.side_and_role([name], person=False)
                return _Speaker(name, side, role, False, head)
        return None

    def _person_named(self, words: str) -> _Speaker | None:
        """The person a few words name ("Hun Manet", "the minister"), or None."""
        tokens = _tokens(words)
        found = self.grammar.phrase_after(tokens, 0, words, allow_pronoun=False)
        if found is None or found[0].kind != "person":
            return None
        speaker = self.resolve(found[0])
        return speaker if speaker.person else None

    def _office_of_recent_person(self, head: str) -> _Speaker | None:
        """The body a recent person heads, named by their title ("Minister of Posts and
        Telecommunications Chea Vandeth" -> "the ministry" is the Ministry of Posts and
        Telecommunications), when actors.csv knows it."""
        if head != "ministry":
            return None
        for candidate in [*self._recent_people(), *reversed(self.titled)]:
            person = self.people.get(candidate.name.lower())
            for context in person.contexts if person else []:
                match = _MINISTER_OF.search(context)
                actor = self.grammar.actors.lookup(f"Ministry {match.group(1)}") if match \
                    else None
                if actor is not None and not actor.person:
                    return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, False, head)
        return None

    def home_side(self) -> str:
        """The article's home country: the side of every place (province, city of sides.csv)
        the article names, when all are of one side; "" otherwise (read once per article)."""
        if self._home is None:
            side = self.local_side()
            self._home = "" if side == UNKNOWN else side
        return self._home

    def note_side(self, speaker: _Speaker) -> None:
        """Remember the side of a person named with a title or a speaker in this sentence."""
        self.sides_seen.append((self.current, speaker.side))

    def _state_sides(self, sides: Iterable[str]) -> list[str]:
        """The distinct sides of states among ``sides`` (not unknown, joint or of a role)."""
        found: list[str] = []
        for side in sides:
            if side and side != UNKNOWN and ";" not in side and side not in found \
                    and side not in self.grammar.roles.role_sides.values():
                found.append(side)
        return found

    def joint_side(self) -> str:
        """The sides of a joint speaker ("both sides"): those of the most recent sentence
        that names people of two sides (the meeting: "Li Qiang held talks with Hun Manet"),
        else the two most recent distinct sides of the people named or heard in the article;
        in the order of sides.csv."""
        found: list[str] = []
        by_sentence: dict[int, list[str]] = {}
        for index, side in self.sides_seen:
            by_sentence.setdefault(index, []).append(side)
        for index in sorted(by_sentence, reverse=True):
            found = self._state_sides(by_sentence[index])
            if len(found) >= 2:
                found = found[:2]
                break
        else:
            found = self._state_sides(
                s.side for s in [*reversed(self.speakers), *reversed(self.titled)])[:2]
        if len(found) < 2:  # a readout that names the meeting after "The two sides ..."
            found = self._state_sides([*found, *self._sides_named_after()])[:2]
        order = {side: n for n, side in enumerate(self.grammar.sides.sides)}
        return ";".join(sorted(found, key=lambda side: order.get(side, len(order)))) or UNKNOWN

    def _sides_named_after(self) -> Iterator[str]:
        """The sides of the people of actors.csv named in the sentences after the one being
        read, in order ("... after talks between Prime Minister Hun Manet and Premier Li
        Qiang")."""
        actors = self.grammar.actors
        for text in self.texts[self.current + 1:]:
            for match in _CAPITAL_RUN.finditer(text):
                run = self.read_run(match.group())
                actor = actors.lookup(run[2]) if run is not None else None
                if actor is not None and actor.person and actor.side:
                    yield actor.side

    def _issuer(self, phrase: _Phrase) -> _Speaker | None:
        """Who speaks through a document: "a Pentagon statement" is the Pentagon's, "a police
        statement" the police's heard before; "the report" is the speaker of the latest
        sentence that mentions a report, or that sentence's subject."""
        head_at = _head_end(phrase.text, phrase.head)
        owner = _OWNER_AFTER.search(phrase.text, head_at) if head_at else None
        if owner is not None:  # "a statement from the Cambodian foreign ministry"
            return self.body_named(phrase.text[owner.end():]) or self._person_named(
                phrase.text[owner.end():])
        modifier = phrase.text[: head_at - len(phrase.head) if head_at else 0].strip()
        modifier = _LEADING_DETERMINER.sub("", modifier)
        if all(_key(w) in _DOCUMENT_KINDS for w in modifier.split()):
            modifier = ""  # "the press statement", "a joint statement": no issuer named
        if modifier:
            actor = self.grammar.actors.lookup(modifier)
            if actor is not None:
                return _Speaker(actor.name, actor.side or UNKNOWN, actor.role, actor.person,
                                _key(modifier.split()[-1]))
            found = self.body_named(modifier)  # "the ministry's statement", "Finance
            if found is not None:  # Ministry figures"
                return found
            last = _key(modifier.split()[-1])
            for earlier in reversed(self.speakers):
                if earlier.head == last or earlier.name.lower().endswith(last):
                    return earlier
            return None
        if not phrase.definite:  # "X has warned ..., according to a report"
            subject = self.subject_at(self.current)
            if subject is not None and subject.kind in ("person", "body") and \
                    self.grammar.roles.role_of(subject.head, person=False) != "document":
                found = self.resolve(subject)
                return found if found.side != UNKNOWN else None
            return None
        word = re.compile(rf"(?<!\w){re.escape(phrase.head)}(?!\w)", re.IGNORECASE)
        for index in range(self.current - 1, max(-1, self.current - MAX_LOOKBACK_SENTENCES), -1):
            if not word.search(self.texts[index]):
                continue
            earlier = self.said_by.get(index)
            if earlier is not None and earlier.name and earlier.head != phrase.head:
                return earlier
            subject = self.subject_at(index)
            if subject is not None and subject.kind != "pronoun" and \
                    self.grammar.roles.role_of(subject.head, person=False) != "document":
                return self.resolve(subject)
        return None

    def _group_name(self, phrase: _Phrase) -> str:
        """The canonical name of an unnamed group of people: its side's words and the role
        words of its head, in lower case except proper adjectives ("Cambodian defence
        officials" -> "Cambodian officials", "critics in Washington" -> "critics", "rights
        groups"); the phrase itself when its head is not found or a body named after it
        owns the group ("researchers at the University of the Philippines")."""
        words = phrase.text.split()
        keys = [_key(w) for w in words]
        if phrase.head not in keys:
            return phrase.text
        head = keys.index(phrase.head)
        rest = keys[head + 1:]
        if rest and rest[0] in _OWNER_WORDS and any(w[:1].isupper() for w in words[head + 2:]):
            return phrase.text  # "researchers at the University of ...": of that body
        roles = self.grammar.roles
        start = next((i for i in range(head, -1, -1)
                      if roles.role_of(" ".join(words[i: head + 1]), person=True)), None)
        if start is None:
            return phrase.text
        sides: list[str] = []
        for word, key in zip(words[:start], keys[:start], strict=True):
            if _is_possessive(word):  # "Cambodia's leaders", not "the report's authors"
                owner = _strip_possessive(word)
                side = self.grammar.sides.side_of(owner) if self._names_country(owner) else ""
                adjective = self.grammar.sides.adjectives.get(side, "")
                if not adjective:
                    return phrase.text  # "the report's authors": of that document
                sides.append(adjective)
            elif self.grammar.is_cue(key):
                sides.append(word)
        return " ".join([*sides, *(w.lower() for w in words[start: head + 1])])

    def _office_name(self, phrase: _Phrase, side: str) -> str:
        """The canonical name of an office nobody in the article holds: the side's adjective
        and the office in lower case ("Cambodia's Defence Minister" -> "Cambodian defence
        minister", "a Vietnamese scholar at a Singapore think tank" -> "Vietnamese scholar");
        the phrase itself when it says more than a country and an office."""
        text = _GENERIC_OWNER.sub("", phrase.text)  # "a scholar at a Singapore think tank"
        adjective = self.grammar.sides.adjectives.get(side, "")
        owner = re.match(rf"{re.escape(side)}[\u2019']s\s+", text) if adjective else None
        if owner is not None:
            text = f"{adjective} {text[owner.end():]}"
        words = text.split()
        countries = [self._names_country(w) for w in words]
        if not any(countries) or not all(
                country or self.grammar.is_title(_key(w)) for w, country in zip(
                    words, countries, strict=True)):
            return phrase.text
        return " ".join(w if country else w.lower()
                        for w, country in zip(words, countries, strict=True))

    def _names_country(self, words: str) -> bool:
        """Whether words are a side's name or nationality, not one of its bodies ("U.S.",
        "Cambodian", not "State Department")."""
        sides = self.grammar.sides
        return bool(sides.side_of(words)) and not sides.side_of(words, bodies_only=True) \
            and all(sides.side_of(w) for w in words.split())

    def _office_holder(self, phrase: _Phrase, side: str) -> _Speaker | None:
        """The person the article names, before or after, with every word of the office a
        phrase describes ("Cambodia's defence minister" -> "Defence Minister Tea Seiha"), of
        the phrase's side when it gives one; None when the office has fewer than two words
        or nobody holds it."""
        grammar = self.grammar
        office = {word for word in office_words(phrase.text)
                  if grammar.is_title(word) and not grammar.sides.side_of(word)}
        if len(office) < 2 or _ANONYMOUS.search(self.texts[self.current]):
            return None
        order = [*range(self.current, -1, -1), *range(self.current + 1, len(self.texts))]
        for index in order:
            text = self.texts[index]
            for match in _CAPITAL_RUN.finditer(text):
                run = self.read_run(match.group())
                if run is None:
                    continue
                actor = grammar.actors.lookup(run[2])  # named bare: the office held
                if not (run[1] or index == self.current) and (actor is None or not actor.offices):
                    continue
                context = _title_context(text, match.start() + run[3], grammar)
                if not ((run[1] or index == self.current) and _holds(office, office_words(context))
                        or actor is not None and any(_holds(office, held)
                                                     for held in actor.offices)):
                    continue
                person = self.introduce(run[2], context)
                speaker = self.person_speaker(person)
                if not side or speaker.side in (side, UNKNOWN):
                    return speaker
        return None

    def _described_person(self, head: str, *, side: str = "",
                          described: str = "") -> _Speaker | None:
        """The person "the king" or "the Deputy Prime Minister" refers to: the most recent
        one introduced with every word of that office ("Samdech Hun Manet, Prime Minister of
        Cambodia" for "the Premier"; not "Minister for Foreign Affairs Iwaya" for "the Deputy
        Prime Minister"), else with its head word ("King Norodom Sihamoni"), else the most
        recent one in that role (of ``side``, when given: "the Cambodian premier").

        Args:
            head: the head word of the description.
            side: the side the description names, or "".
            described: the whole description ("the Deputy Prime Minister").
        """
        word = re.compile(rf"(?<!\w){re.escape(head)}(?!\w)", re.IGNORECASE)
        candidates = [*self._recent_people(), *reversed(self.titled)]
        if side:
            candidates = [c for c in candidates if c.side == side]
        grammar = self.grammar
        office = {w for w in office_words(described or head)
                  if grammar.is_title(w) and not grammar.sides.side_of(w)}
        for candidate in candidates if len(office) > 1 else ():  # one word: the head's pass
            person = self.people.get(candidate.name.lower())
            actor = grammar.actors.lookup(candidate.name)
            if person is not None and any(_holds(office, office_words(c))
                                          for c in person.contexts) or \
                    actor is not None and any(_holds(office, held) for held in actor.offices):
                return candidate
        for candidate in candidates:
            person = self.people.get(candidate.name.lower())
            if person is not None and any(word.search(c) for c in person.contexts):
                return candidate
        wanted = self.grammar.roles.role_of(head, person=True)
        return next((c for c in candidates if c.role == wanted), None)

    def _recent_people(self) -> Iterator[_Speaker]:
        """People in order of recency: named subjects of the sentence being read ("Pen Bona
        speaks to reporters, where he denied ...") and of those read since a person last
        spoke (read lazily), then the people who spoke, most recent first."""
        text = self.texts[self.current]
        first = text[: text.find(" ")].lower() if " " in text else ""
        # a sentence opening with a pronoun or a quotation has no named subject to read
        start = self.current - 1 if first in _PRONOUNS or text[:1] in _QUOTE_OPENERS \
            else self.current
        for index in range(start,
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
    rank: int = 1  # 0: closes the sentence (", a diplomat said."), 1: main verb, 2: other


_RANK_OF = attrgetter("rank")


@dataclass
class _Sentence:
    text: str
    quoted: list[_Span]  # the spans in quotation marks that quote someone
    cues: list[_Cue]
    tokens: list[_Token] | None  # read when needed
    inside_quotation: bool  # the sentence opens inside a quotation
    subject: _Phrase | None = None
    subject_read: bool = False
    cue: _Cue | None = field(init=False, default=None)  # the cue that attributes it

    def __post_init__(self) -> None:
        found = [c for c in self.cues if c.phrase is not None and c.reports]
        self.cue = min(found, key=_RANK_OF) if found else None

    def reporting_cue(self) -> _Cue | None:
        """The cue that attributes the sentence: one that closes it (", a diplomat said."),
        else the first main verb ("the Chinese side reaffirmed"), else any."""
        return self.cue


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
        captions = _caption_paragraphs(texts, paragraphs)
        alone = {p for p, n in Counter(paragraphs).items() if n == 1}
        sentences = [self._headline(text, spans, multi)
                     if paragraph in alone and _unpunctuated(text) else
                     self._read(text, spans, multi, caption=paragraph in captions)
                     for text, spans, paragraph in zip(texts, double, paragraphs, strict=True)]
        rows = [_NARRATION] * len(sentences)
        announcements = {i: found for i, text in enumerate(texts)
                         if ("following" in text or text.rstrip().endswith(":"))
                         and (found := _ANNOUNCEMENT.search(text)) is not None}
        views = {i for i, s in enumerate(sentences)
                 if not (s.quoted or s.reporting_cue()) and _opens_view(s.text)}
        labels = self._transcript_labels(texts)
        last = len(sentences) - 1 if announcements or labels else max(
            (i for i, s in enumerate(sentences) if s.quoted or s.reporting_cue() or i in views),
            default=-1)
        if last < 0:
            return rows
        attribution = self._quotation_cues(sentences)
        doc = _Document(self.grammar, lambda index: self._subject(sentences[index]), texts,
                        self._run)
        speaker_of_quotation: dict[int, _Speaker] = {}
        previous: _Speaker | None = None
        body: tuple[_Speaker, re.Pattern[str]] | None = None  # the statement being read out
        turn: _Speaker | None = None  # the speaker of a transcript's labelled lines
        for i, sentence in enumerate(sentences[: last + 1]):
            doc.current = i
            self._register_titled(doc, sentence.text)
            speaker: _Speaker | None
            if i in labels:
                turn = self._turn_speaker(*labels[i], doc)
            if turn is _NOBODY:  # a reporter's question: narration, whatever it relays
                previous = None
                continue
            if turn is not None and turn is not _NARRATOR:
                quoted = sum(s.end - s.start for s in sentence.quoted)
                speech = "quote" if sentence.quoted else "reported"
                if turn.name:
                    doc.spoke(turn)
                    doc.note_side(turn)
                    doc.said_by[i] = turn
                rows[i] = (speech, quoted, turn.name, turn.side, turn.role)
                previous = turn
                continue
            if body is not None and not body[1].search(sentence.text):
                speech, speaker = "quote" if sentence.quoted else "reported", body[0]
            elif sentence.quoted:
                body = None
                speech = "quote"
                following = sentences[i + 1] if i + 1 < len(sentences) and \
                    paragraphs[i + 1] == paragraphs[i] else None
                speaker = self._quote_speaker(sentence, sentences, attribution,
                                              speaker_of_quotation, doc, previous,
                                              following=following)
                for span in sentence.quoted:
                    speaker_of_quotation.setdefault(span.quotation, speaker)
            else:
                body = None
                cue = sentence.reporting_cue()
                speech = "reported"
                speaker = self._cue_speaker(cue, sentence, doc) if cue else None
                if cue is None and i in views:
                    speaker = self._opener_speaker(sentence, doc)
                if speaker is _NOBODY and cue is not None and cue.phrase is not None \
                        and cue.phrase.kind == "person":
                    speaker = None  # a place told as a speaker: narration
                if i in announcements:
                    body = self._statement_body(sentence, announcements[i], doc)
            if speaker is not None:
                doc.spoke(speaker)
                doc.note_side(speaker)
                doc.said_by[i] = speaker
                quoted = sum(s.end - s.start for s in sentence.quoted)
                rows[i] = (speech, quoted, speaker.name, speaker.side, speaker.role)
            previous = speaker
        return rows

    def _transcript_labels(self, texts: list[str]) -> dict[int, tuple[str, str]]:
        """The speaker labels of a transcript, by sentence index: (kind, words), kind one of
        the label kinds of roles.csv (question, answer, narrator, unnamed) or "name" for a
        label naming someone ("HUN MANET:", "MARSH:", "Mao Ning:"). Page labels ("UPDATE:"),
        places ("PHNOM PENH:") and a name in title case heard only once are no labels; an
        article with fewer than MIN_TRANSCRIPT_LABELS labels is no transcript."""
        joined = "\n".join(texts)
        matches: list[re.Match[str]] = []
        colon = joined.find(":")
        while colon >= 0:  # a label ends in the first colon of its line
            line = joined.rfind("\n", 0, colon) + 1
            match = _LABEL.match(joined, line) if colon - line < 90 else None
            if match is not None:
                matches.append(match)
            end = joined.find("\n", colon)
            colon = joined.find(":", end) if end >= 0 else -1
        if len(matches) < MIN_TRANSCRIPT_LABELS:
            return {}
        index_at = {start: i for i, start in enumerate(
            accumulate((len(text) + 1 for text in texts[:-1]), initial=0))}
        kinds = self.grammar.roles.labels
        found: dict[int, tuple[str, str]] = {}
        narrators: set[str] = set()  # the words of the names labelled as the narrator's
        for match in matches:
            i = index_at.get(match.start())
            if i is None:
                continue  # a line break inside a sentence
            words, role = match.group("label"), match.group("role")
            kind = kinds.get(words.upper()) or kinds.get((role or "").strip().upper(), "name")
            if kind == "name":
                kind = self._name_label(words, narrators)
            if kind == "furniture" or kind == "place":
                continue
            if kind == "narrator" and role:  # "SCOTT SIMON, HOST:": "SIMON:" is the host too
                narrators.update(words.upper().split())
            found[i] = (kind, words)
        if len(found) < MIN_TRANSCRIPT_LABELS:
            return {}
        heard = Counter(words for kind, words in found.values() if kind == "name")
        found = {i: label for i, label in found.items() if label[0] != "name"
                 or heard[label[1]] > 1 or label[1].isupper()
                 or (actor := self.grammar.actors.lookup(label[1])) is not None and actor.person}
        return found if len(found) >= MIN_TRANSCRIPT_LABELS else {}

    def _name_label(self, words: str, narrators: set[str]) -> str:
        """The kind of a label that is no label word of roles.csv: "narrator" for a name
        labelled as the narrator's before ("SIMON:" after "SCOTT SIMON, HOST:"), "question"
        for an outlet ("Bloomberg:", "China Daily:": a reporter asking), "place" for a place
        or a body as a dateline gives it ("PHNOM PENH:", "BEIJING:") or a date word, else
        "name"."""
        if narrators.issuperset(words.upper().split()):
            return "narrator"
        grammar = self.grammar
        actor = grammar.actors.lookup(words)
        if actor is not None and not actor.person:
            return "question" if actor.role == "media" else "place"
        if actor is None and grammar.roles.role_of(words, person=False) == "media":
            return "question"
        if actor is None and grammar.sides.side_of(words) or _key(words) in _DATE_WORDS:
            return "place"
        return "name"

    def _turn_speaker(self, kind: str, words: str, doc: _Document) -> _Speaker:
        """Who speaks the lines after a transcript label: _NOBODY for a reporter's question
        (an outlet as label too: "China Daily:"), _NARRATOR for the broadcaster's own voice
        (the host, a correspondent, a label naming a reporter), else the speaker (without a
        name when the label names nobody: "UNIDENTIFIED MAN:", an answer in a transcript
        that names no spokesperson)."""
        if kind == "question":
            return _NOBODY
        if kind == "narrator":
            return _NARRATOR
        if kind == "unnamed":
            return _UNNAMED
        if kind == "answer":
            found = self._named_speaker("the spokesperson", doc)
            return found if found is not None and found.person and found.name[:1].isupper() \
                else _UNNAMED
        name = words.title() if words.isupper() else words
        found = self._named_speaker(name, doc)
        if found is None:
            return _UNNAMED
        return _NARRATOR if found.role == "media" else found

    def _opener_speaker(self, sentence: _Sentence, doc: _Document) -> _Speaker | None:
        """The speaker whose view a sentence opening gives ("In her view," -> the last person
        named, "For Kin Phea," -> Kin Phea, "Asked about X, the minister ..." -> the
        minister); None when it opens no view or names nobody who speaks ("For China, ...",
        "In my view, ...")."""
        opener = _OPENER.match(sentence.text) or _VIEW_INSIDE.search(sentence.text)
        if opener is None:
            evidence = _EVIDENCE_BY.search(sentence.text)
            return self._named_speaker(evidence.group("by"), doc) if evidence else None
        pronoun = opener.group("pronoun")
        if pronoun:
            word = _OPENER_PRONOUNS[pronoun.lower()]
            found = doc.resolve(_Phrase("pronoun", word, head=word, plural=word == "they"))
            return found if found.name else None
        if opener.re is _VIEW_INSIDE:
            return None
        named = opener.group("of") or opener.group("owner") or opener.group("for")
        text, start = (named, 0) if named else (sentence.text, opener.end())
        tokens = _tokens(text)
        start = next((n for n, t in enumerate(tokens) if t.start >= start), len(tokens))
        found = self.grammar.phrase_after(tokens, start, text, allow_pronoun=not named)
        if found is None:
            return None
        phrase, after = found
        if not named and (after >= len(tokens) or not tokens[after].word
                          or tokens[after].capital):
            return None  # "Asked about the loan, Hun Manet's office ...": no subject
        if phrase.kind == "body" and not (phrase.person_head or self._speaks(phrase)):
            return None  # "For the port, ...", "Asked about it, the project ..."
        if opener.group("for") and not (
                phrase.kind == "person" and (doc.full_person(phrase.name) is not None or (
                    (actor := self.grammar.actors.lookup(phrase.name)) is not None
                    and actor.person))):
            return None  # "For China, the port is strategic": a country's stake, not a view
        speaker = doc.resolve(phrase)
        return speaker if speaker.name else None

    def _named_speaker(self, words: str, doc: _Document) -> _Speaker | None:
        """The person or organisation a few words name ("the Asia Maritime Transparency
        Initiative", "Reuters"), or None."""
        tokens = _tokens(words)
        found = self.grammar.phrase_after(tokens, 0, words, allow_pronoun=False)
        if found is None or found[1] < len(tokens) or not self._speaks(found[0]):
            return None
        speaker = doc.resolve(found[0])
        return speaker if speaker.name else None

    def _statement_body(self, sentence: _Sentence, announcement: re.Match[str],
                        doc: _Document) -> tuple[_Speaker, re.Pattern[str]] | None:
        """The issuer of a statement whose text follows ("The U.S. Embassy issued the
        following statement.", "The ministry's statement reads:"), and the words that end
        its text (the narrator naming it again: "The statement did not mention ...")."""
        head = _key((announcement.group(1) or announcement.group(2)).split()[-1])
        subjects = [self._subject(sentence)]
        if announcement.group(2):  # "The full statement reads:": the statement named before
            subjects.append(_Phrase("body", head, head=head, context=head, definite=True))
        issuer = _NOBODY
        for subject in subjects:
            if subject is not None:
                issuer = doc.resolve(subject)
                if issuer.name and not (issuer.name == subject.text and issuer.side == UNKNOWN):
                    break
                issuer = _NOBODY
        if not issuer.name:
            return None
        return issuer, re.compile(rf"\b(?:the|this|that|its|their)\s+{re.escape(head)}\b",
                                  re.IGNORECASE)

    # -- reading one sentence

    def _headline(self, text: str, double: list[_Span], multi: set[int]) -> _Sentence:
        """A paragraph of one unpunctuated line: a headline speaks only in the two forms that
        headlines attribute by, a known speaker's label ("Hun Manet: Ream Is Open to All",
        read as "Ream Is Open to All, Hun Manet said") and a verb of saying after its
        speaker, in title case too ("US Says It Remains Concerned"); column, genre and place
        labels ("Analysis:", "GT Voice:", "PHNOM PENH:") and headlines without a speaker are
        narration. A sentence-case line that is no headline is read as any sentence."""
        if _HEADLINE_QUESTION.match(text):
            return _Sentence(text, [], [], None, False)  # "Why China Says Little About Ream"
        label = _HEADLINE_LABEL.match(text)
        if label is not None:
            if _HEADLINE_TOPIC.match(text, label.end()) \
                    or not self._known_speaker(label.group("label")):
                return _Sentence(text, [], [], None, False)
            text_read = f"{text[label.end():].rstrip()}, {label.group('label')} said"
            double = []
        elif _is_headline(text):
            single = self.verbs.single_words
            text_read = _TITLE_CASE_VERB.sub(
                lambda m: m[0].lower() if m[0].lower() in single else m[0], text)
        else:
            return self._read(text, double, multi, caption=False)
        sentence = self._read(text_read, double, multi, caption=False)
        return sentence if sentence.reporting_cue() is not None else _Sentence(
            text, [], [], None, False)

    def _known_speaker(self, words: str) -> bool:
        """Whether a headline's label names a speaker: a person of actors.csv ("Hun Manet",
        "PM Hun Manet"), never a label of roles.csv, a place in capitals or a country
        ("Cambodia: Free the Detained Activists" is a rights group's headline about it)."""
        if words.upper() in self.grammar.roles.labels or words.isupper():
            return False
        actor = self.grammar.actors.lookup(words)
        return actor is not None and actor.person

    def _read(self, text: str, double: list[_Span], multi: set[int], *,
              caption: bool) -> _Sentence:
        masked = _mask(text, double)
        tokens: list[_Token] | None = None
        cues: list[_Cue] = []
        if self.verbs.may_occur(masked):
            tokens = _tokens(text)
            cues = self._cues(text, masked, tokens, caption=caption)
        singles = self._attributed_single_quotes(text, masked, cues) if cues else []
        quoted = [s for s in double + singles if self._quotes_someone(text, s, cues, multi)]
        return _Sentence(text, quoted, cues, tokens, bool(double) and double[0].start <= 1)

    def _cues(self, text: str, masked: str, tokens: list[_Token], *,
              caption: bool) -> list[_Cue]:
        found: list[_Cue] = []
        said = False  # a verb of saying with its speaker came before
        leads = not _SUBORDINATE_LEADS.isdisjoint(map(_KEY_OF, tokens))  # "what", "than"...
        mute = self.grammar.roles.mute
        for first, after, verb in self.verbs.find(tokens):
            start, end = tokens[first].start, tokens[after - 1].end
            if masked[start] != text[start]:
                continue  # inside a quotation
            if caption and (verb.act or not _QUOTE_MARK.search(masked if masked != text
                                                                else "")) \
                    and not _THAT_CLAUSE.match(masked, end):
                # "Hun Manet welcomes Wang Yi as he arrives ... (Xinhua/...)", "the compound
                # that police say housed ...": a caption speaks only through a quotation or
                # a "that" clause ("..., where he denied that troops were stationed")
                continue
            if tokens[first].capital and first > 0 and tokens[first - 1].word:
                continue  # "the United States", "a Welcome Dinner": a name, not a verb
            if first > 0 and tokens[first - 1].key in _NOUN_MARKERS:
                continue  # "for comment", "the report", "a call": a noun
            subject_end = _habitual_lead(tokens, first)
            if subject_end == first and _negated(tokens, first):
                continue  # "did not respond", "did not say", "to dismiss"
            if subject_end != first and verb.act and not verb.object_as:
                continue  # "likes to call it": a habit the writer describes, no statement
            before = masked[:start].rstrip()
            if verb.participle:
                if not before.endswith((",", " as", " and")):  # "..., adding that"
                    continue
                phrase: _Phrase | None = _IMPLICIT
            elif before.endswith(" and") and verb.subject != "after":
                phrase = _IMPLICIT  # "He called it ... and said": the sentence's subject
            else:
                phrase = self._cue_phrase(verb, tokens, subject_end, after, text, before)
                if leads and phrase is not None and verb.subject != "after" and _subordinate(
                        tokens, subject_end, phrase) and not _QUOTE_MARK.match(
                        text[end:].lstrip()):
                    # "what ministers say", "than the rhetoric suggests"; not "what it
                    # called “groundless accusations”", which quotes
                    phrase = None
                if phrase is not None and phrase.head in mute and self.grammar.is_mute(phrase):
                    phrase = None  # "the data tell a more complicated story"
                if verb.act and phrase is not None and (
                        said or not self._speaks(phrase) or _fragment(tokens, subject_end,
                                                                      phrase)):
                    # "the warm welcome", "the project agreed"; "He said Cambodia rejects
                    # ...": an act inside what someone says is not a new speaker's
                    phrase = None
            closes = verb.needs_that and _CLOSES_OR_THAT.match(masked, end)
            if closes and phrase is not None and phrase.kind == "body" and not \
                    _THAT_OR_COLON.match(masked, end) and not self._speaks(phrase):
                closes = None  # "a client state.": a noun closing the sentence
            reports = not verb.needs_that or bool(closes) or (
                verb.object_as and _OBJECT_AS.match(masked, end) is not None) or (
                phrase is _IMPLICIT and before.endswith(",") and verb.participle
                and self._speaking_subject(text, tokens))
            said = said or (not verb.act and verb.subject != "after" and phrase is not None
                            and reports)
            found.append(_Cue(start, end, phrase, reports,
                              _rank(verb, phrase, masked, start, end)))
        return found

    def _speaking_subject(self, text: str, tokens: list[_Token]) -> bool:
        """Whether the sentence's subject speaks ("Some Vietnamese commentators have gone
        further, suggesting ...", "The ministry issued a statement, claiming ..."; not
        "Exports rose, suggesting", "The data fell, suggesting")."""
        subject = self._read_subject(text, tokens)
        if subject is None or subject.kind == "pronoun":
            return subject is not None and subject.text in _PERSON_PRONOUNS | _GROUP_PRONOUNS
        return self._speaks(subject) and not self.grammar.is_mute(subject)

    def _speaks(self, phrase: _Phrase) -> bool:
        """Whether a phrase can be the subject of a speech act: a person, a pronoun, the two
        sides, a known organisation, a role ("Cambodian officials") or a country or capital
        ("Beijing"); not "the warm welcome", "the project" or "Chinese flags"."""
        if phrase.kind != "body" or phrase.joint:
            return True
        grammar = self.grammar
        if grammar.actors.lookup(phrase.text) or grammar.roles.role_of(
                phrase.context, person=phrase.person_head):
            return True
        return all(grammar.is_cue(_key(w)) for w in _WORD.findall(phrase.text))  # "Beijing"

    def _cue_phrase(self, verb: _Verb, tokens: list[_Token], first: int, after: int,
                    text: str, before: str) -> _Phrase | None:
        grammar = self.grammar
        if verb.subject == "after":
            found = grammar.phrase_after(tokens, after, text, allow_pronoun=False,
                                         appositive=bool(before.strip()))
            return found[0] if found else None  # "According to X, the ...": no appositive
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
        return (words >= MIN_UNATTRIBUTED_QUOTE_WORDS or 2 * (span.end - span.start) >= len(text)
                or _CREDIT_AFTER.match(text, span.end + 1) is not None)

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
        after = _skip_date_after(tokens, after)  # "Hun Manet on Tuesday defended"
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
                run = self._run(group)
            if run is None:
                continue  # most runs: "China", "ASEAN", "The"
            name_text, titled, name, offset = run
            if not titled:
                previous = _LAST_WORD.search(text, max(0, match.start() - 40), match.start())
                titled = previous is not None and grammar.is_title(_key(previous.group(1)))
            if not titled and grammar.actors.lookup(name_text) is None:
                continue
            context = _title_context(text, match.start() + offset, grammar)
            titled_person = doc.person_speaker(doc.introduce(name, context))
            doc.titled.append(titled_person)
            doc.note_side(titled_person)

    def _run(self, run: str) -> tuple[str, bool, str, int] | None:
        """:meth:`_read_run`, remembered by the run's text."""
        runs = self._runs
        if run not in runs:
            if len(runs) >= _MAX_CACHED_RUNS:
                runs.clear()
            runs[run] = self._read_run(run)
        return runs[run]

    def _read_run(self, run: str) -> tuple[str, bool, str, int] | None:
        """A run of capitalised words read as titles and a name: the name words, whether a
        title word is among them, the name without possessive and where it starts in the run;
        None when the run names nobody."""
        grammar = self.grammar
        words = run.split()
        if not grammar.could_be_name(_key(words[-1])) and "'s " not in run \
                and "\u2019s " not in run:
            return None
        n_titles = 0
        while n_titles < len(words) and any(grammar._classify(_key(words[n_titles]))):
            n_titles += 1
        name_words = words[n_titles:]
        owner = next((n for n, w in enumerate(name_words[:-1]) if _is_possessive(w)), None)
        if owner is not None:  # "Spokesperson Mao Ning's Regular Press Conference"
            name_words = name_words[: owner + 1]
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
                       previous: _Speaker | None, *,
                       following: _Sentence | None = None) -> _Speaker:
        cue = sentence.reporting_cue()
        if cue is not None and cue.rank == 0:
            return self._cue_speaker(cue, sentence, doc)  # "... "...", a diplomat said."
        for span in sorted(sentence.quoted, key=lambda s: s.start - s.end):  # longest first
            if span.quotation in speaker_of_quotation:
                return speaker_of_quotation[span.quotation]
            if span.quotation in attribution:
                i, cue = attribution[span.quotation]
                return self._cue_speaker(cue, sentences[i], doc)
        cue = sentence.reporting_cue()
        if cue is not None:
            return self._cue_speaker(cue, sentence, doc)
        credited = self._credit(sentence, following)
        if credited is not None:
            return doc.resolve(credited)
        subject = self._subject(sentence)
        if subject is not None and (subject.kind == "person" or subject.person_head
                                    or subject.text in _PERSON_PRONOUNS):
            return doc.resolve(subject)
        return previous or _NOBODY

    def _credit(self, sentence: _Sentence, following: _Sentence | None) -> _Phrase | None:
        """The person or body credited after a quotation without a verb, in its sentence or
        the next one of its paragraph: '"..." \u2014 Chea Vandeth, minister of posts.',
        '"...," Hun Manet, prime minister.'"""
        closed = [span for span in sentence.quoted if span.closed_here]
        if not closed:
            return None
        text = sentence.text
        after = max(span.end for span in closed) + 1
        lead = _CREDIT_LEAD.match(text, after)
        if lead is None or not text[lead.end():].strip():
            if following is None or text[after:].strip(" .,") or \
                    not following.text.startswith(_DASHES):
                return None
            text = following.text
            lead = _CREDIT_LEAD.match(text)
            if lead is None:
                return None
        rest = text[lead.end():]
        tokens = _tokens(rest)
        found = self.grammar.phrase_after(tokens, 0, rest, allow_pronoun=False)
        if found is None or not _ends_clause(tokens, found[1]):
            return None
        phrase = found[0]
        if phrase.kind == "person" or self.grammar.actors.lookup(phrase.text) is not None:
            return phrase
        return None

    def _cue_speaker(self, cue: _Cue, sentence: _Sentence, doc: _Document) -> _Speaker:
        if cue.phrase is None:
            return _NOBODY
        if cue.phrase.kind == "implicit":  # "..., adding that": the sentence's speaker
            main = next((c for c in reversed(sentence.cues) if c.start < cue.start
                         and c.phrase is not None and c.phrase.kind != "implicit"), None)
            if main is not None:
                return doc.resolve(main.phrase)
            subject = self._subject(sentence)
            if subject is not None:  # "The remarks came ... and raised": nobody speaks
                return doc.resolve(subject) if self._speaks(subject) else _NOBODY
            return doc.speakers[-1] if doc.speakers else _NOBODY
        return doc.resolve(cue.phrase)


def _opens_view(text: str) -> bool:
    """Whether a sentence may give someone's view without a verb of speech (a quick test for
    :meth:`_Attributor._opener_speaker`)."""
    return bool(text[:1] in _OPENER_FIRSTS and _OPENER.match(text)
                or (", in " in text or ", to " in text) and _VIEW_INSIDE.search(text)
                or ("ed by " in text or "seen by " in text) and _EVIDENCE_BY.search(text))


def _habitual_lead(tokens: list[_Token], first: int) -> int:
    """Where the subject of a verb ends: before "likes to" in "The government likes to say"
    and "went on to" in "He went on to say"; else the verb's own index."""
    if first < 2 or tokens[first - 1].key != "to":
        return first
    if tokens[first - 2].key in _HABITUAL:
        return first - 2
    if first > 2 and tokens[first - 2].key == "on" and tokens[first - 3].key in ("went", "goes"):
        return first - 3
    return first


def _subordinate(tokens: list[_Token], verb: int, phrase: _Phrase) -> bool:
    """Whether the subject found before a verb opens a subordinate clause ("what ministers
    say", "than he suggested", "the debate over Ream says")."""
    j = _skip_adjuncts(tokens, verb - 1)
    if j < 0 or not tokens[j].word:
        return False  # an appositive ("Kin Phea, director ..., said")
    k = j - (1 if phrase.kind == "pronoun" else len(_WORD.findall(phrase.text)))
    if k >= 0 and tokens[k].key in _DETERMINERS:
        k -= 1  # "than the rhetoric suggests"
    return k >= 0 and tokens[k].key in _SUBORDINATE_LEADS


def _knows(phrase: _Phrase, sentence: str) -> bool:
    """Whether an unnamed person is said to be in the know ("a person familiar with the
    matter", "people close to the talks")."""
    return _KNOW_CUE.search(sentence) is not None and re.search(
        rf"\b{re.escape(phrase.text)}\s+{_FAMILIAR}", sentence, re.IGNORECASE) is not None


def _holds(office: set[str], words: frozenset[str]) -> bool:
    """Whether title words name an office: all its words, and no lower rank it lacks (a
    "deputy prime minister" does not hold "the prime minister"'s office)."""
    return office <= words and not (words & _LOWER_RANKS) - office


def _fragment(tokens: list[_Token], verb: int, phrase: _Phrase) -> bool:
    """Whether the subject found before a verb is the tail of a longer phrase ("the foreign
    ministers of Cambodia and China reaffirmed": not "China")."""
    j = _skip_adjuncts(tokens, verb - 1)
    if phrase.kind == "pronoun" or j < 0 or not tokens[j].word:
        return False  # a pronoun, or an appositive ("Kin Phea, director ..., dismissed")
    k = j - len(_WORD.findall(phrase.text))
    return k >= 0 and tokens[k].key in _CONNECTORS


def _caption_paragraphs(texts: list[str], paragraphs: list[int]) -> set[int]:
    """The paragraphs that are photo captions (a closing credit, a position mark, a photo
    label), read whole: the segmenter may cut the credit into a sentence of its own."""
    joined: dict[int, list[str]] = {}
    for text, paragraph in zip(texts, paragraphs, strict=True):
        joined.setdefault(paragraph, []).append(text)
    return {p for p, parts in joined.items() if _is_caption(" ".join(parts))}


def _unpunctuated(text: str) -> bool:
    """Whether a line has no closing punctuation, as headlines and titles have none."""
    return text.rstrip()[-1:] not in ".!?:;\u201d\")"


def _is_headline(text: str) -> bool:
    """A headline or a section title: no closing full stop, and most of its longer words
    capitalised ("Cambodia Rejects Claims, Says Ream Open to All")."""
    if text.rstrip()[-1:] in ".!?:;\u201d\")":
        return False
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _HEADLINE_CAPITALS * len(
        words)


def _is_caption(text: str) -> bool:
    """A caption: a closing credit, a position mark or a photo label (a quick test first)."""
    if not ("(" in text or "/" in text[-80:] or text.startswith(_CAPTION_LABELS)):
        return False
    return _CAPTION.search(text) is not None


def _negated(tokens: list[_Token], first: int) -> bool:
    """Whether the verb at ``tokens[first]`` is negated ("did not say", "never responded")
    or an infinitive ("a way for leaders to dismiss criticism")."""
    if first > 0 and tokens[first - 1].key == "to":
        return True
    for k in range(first - 1, max(-1, first - 3), -1):
        key = tokens[k].key
        if key in _NEGATIONS or key.endswith("n't"):
            return True
        if key not in _BETWEEN_SUBJECT_AND_VERB:
            return False
    return False


def _rank(verb: _Verb, phrase: _Phrase | None, masked: str, start: int, end: int) -> int:
    """0 when the verb and its speaker close the sentence after a comma (", a diplomat from
    an ASEAN member state said on condition of anonymity.", ", according to AKP."), 1 for a
    main verb with its subject before it, 2 otherwise ("According to the statement, ...").
    A relative clause (", which Phnom Penh denies", ", a charge it has denied") is no close."""
    if phrase is None:
        return 2
    main = 2 if verb.subject == "after" or phrase.kind == "implicit" else 1
    comma = masked.rfind(",", 0, start)
    if comma <= 0 or _THAT_OR_COLON.match(masked, end):
        return main
    between = _WORD.findall(masked, comma + 1, start)
    if _QUOTE_MARK.search(masked, comma + 1, start) or len(between) > 12:
        return main
    spoken = [w for w in between if w.lower() not in _BETWEEN_SUBJECT_AND_VERB]
    subject = len(_WORD.findall(phrase.text)) if phrase.kind != "implicit" else 0
    if verb.subject == "after" and not spoken:
        return 0  # ", according to AKP."
    extra = len(spoken) - subject
    if spoken and spoken[0].lower() in _RELATIVES or not 0 <= extra <= 1:
        return main
    return 0


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
