"""Infer an article's date, outlet, author and place from what its page states, as a reader would.

A saved article carries its own facts around the text: a dateline (``PHNOM PENH, May 3 (Xinhua)
--``), an agency stamp (``Source: Xinhua| 2019-04-19 15:33:24``), a ``Published:`` line, a byline
(``By Jane Doe / Reuters``), a closing credit (``— Xinhua``), a masthead, a copyright line. It also
carries page furniture that looks alike: a forum's post stamps, readers' comments, "Updated"
stamps, the reposting blog's own date. Only the opening lines (the first :data:`HEAD_LINES`
non-empty lines, and on to the first paragraph of prose) and the closing lines (the last
:data:`TAIL_LINES`) are read, plus the file name and, for a saved web page, what the page states.
When the opening lines are a forum's chrome, they are read on to the first post's dateline (at most
:data:`MAX_HEAD_LINES` lines). Every inferred value records where it came from; nothing is ever
guessed.

Dates
-----
Every date in those lines is a candidate of one kind:

==================  ===================================================================
kind                example
==================  ===================================================================
original            ``This story was originally published by X on 21 March 2023`` (a repost's
publication         note about the article it carries: the date after "originally published",
                    "first appeared", not the reposting's "republished on ...")
dateline            ``PHNOM PENH, May 3 (Xinhua) --``, ``Phnom Penh, 12 March 2024 (AKP) –``,
                    ``March 5, 2024 – PHNOM PENH:``; without an agency, only before a sentence
publication line    ``Published: 3 May 2024``, ``Publication date 12 March 2024``,
                    ``First Published: 10:15 IST(3/4/2024)``
agency stamp        ``Source: Xinhua| 2019-04-19 15:33:24``, ``(Xinhua) 15:04, March 12, 2024``,
                    ``KYODO NEWS - Apr 19, 2025 - 18:40``
byline stamp        ``By Jane Doe | March 3, 2024``, ``Thou Vireak, AFP, 3 March 2024``, a
                    date line right under a byline or an outlet's credit line
print credit        ``(China Daily 09/06/2017 page 11)``
page metadata       a saved page's ``article:published_time`` (see :mod:`helpers.corpus.reading`)
date line           a line that is only a date, or a place and a date, before the text
closing date line   ``Phnom Penh, 21 April 2024`` after the text (a press release's sign-off)
headline date       ``..., March 3, 2024``, ``(30 July 2018)``, ``– 28/3/2023`` set off at the
                    end of a headline (several dated headlines are a ticker: none counts)
url                 ``https://.../2024/03/12/...`` on a line of its own (several different
                    dates: none counts)
posted stamp        ``Posted on March 3, 2024``: the site's own posting date
month line          ``March 2021``, ``Phnom Penh, March 2021`` alone above the text (a report's
                    title block; not on a blog or forum; several are an archive list): the
                    first of the month, a date stated to the month
url month           ``https://.../news/2022/08/...``: a year and month in an address without a
                    day, the first of the month
file name           ``2024-03-12_talks.txt``
==================  ===================================================================

and these kinds are **never** the publication date: ``updated stamp`` (Updated, Update, Last
update, Upd., Last modified),
``forum stamp`` (``Posted by X » Mon Jan 05, 2015 8:14 am``, ``Reply #3 on:``, ``Thread starter X
Start date ...``, a forum's "Posted" lines, date lines and dated thread titles), ``comment stamp``
(stamps in or after a comment section, ``says:`` lines), ``joined`` (Joined:, Member since,
Registered), ``today bar`` (a page's "Today is ..." line), ``page stamp`` (a bare date well inside
or after the text: related stories, comments), ``e-mail stamp`` (the ``Sent:`` or ``Date:`` of
a forwarded e-mail's headers, an ``On ... wrote:`` line: the day it was sent on, not the day the
text it carries was issued) and ``repost stamp`` (a repost's own date lines, posted stamp or
page date: see below). A copyright line gives a year only, which is no date; a
relative date ("3 hours ago") is no date.

The date is the candidate of the first kind in the table's order (the article's own dateline
and publication line over page furniture); within a kind, the first in the text (for date
lines, the one nearest the text). Rules:

- A numeric date with the year last (``3/4/2024``) is read only when it is unambiguous (one
  part above 12), when the page writes the day first (IST times, Indian agencies), when the
  page's unambiguous numeric dates or a time zone beside it (``GMT+7``, ``ICT``, ``MYT``,
  ``SGT``, ``WIB``, ``HKT``, ``BST``, ``CET``: day first; US zones: month first; ``GMT+8`` and
  ``GMT`` settle nothing) show one order only and that reading puts no "Updated" stamp before
  it, or when exactly one of its two readings is within a week of another date the page states
  (an "Updated" stamp confirms a print credit's ``09/06/2017``).
- A month and day without a year (the dateline ``PHNOM PENH, May 3 (Xinhua) --``, a stamp
  ``Aug. 5, 20:21 JST`` under the headline) takes its year from the nearest dated stamp on the
  same page (any kind above but ``joined`` and the file name; never a reader's comment, a
  related story's date or a "Today is" bar, which may be years later), an agency's stamp right
  under the last paragraph (``(END)`` / ``2024/03/12 14:30 KST``, before any comments and over
  no related story's headline), an archive heading (``June 2019``) or a year and month in the
  page's address (for a day of that month only; a stamp of another month leaves the address's
  month unused); when that gives a day more than a week
  after the stamp, the year before. With no such stamp there is no date (the source says
  "dateline without a year").
- The same day stated in full is preferred to one completed with a borrowed year.
- A repost (the text credits an outlet and shows another site, or a blog's or forum's
  furniture) has its own date lines, posted stamp and page date, which belong to the reposting:
  they are rejected ("repost stamp"), unless the site is a known outlet (a paper carrying wire
  copy runs it on the day). A note that the article was first published elsewhere makes the
  page a repost, whoever runs it.
- The article's own stamps (:data:`STRONG_KINDS`: original publication, dateline,
  publication line, agency stamp, byline stamp, print credit, page metadata) that disagree by
  more than :data:`DATES_AGREE_DAYS` days give no date, and so do two candidates of the kind
  chosen (two date lines weeks apart): the conflict is reported as a problem rather than
  settled by a guess. A repost's own "Published" line does not count against the
  original's date its note gives.
- An aggregator's or a forum's page (``kind`` in the outlets table: KI Media, Reddit...) is a
  repost whatever it credits: its own dates are the reposting's.
- The date of something else on a stamp-like line (``Event date:``, ``Closing date``, ``Date of
  the meeting``) is no candidate, nor is a sentence about another text's publication ("The
  report was published on ..."): a repost's note must be about this article.
- A print edition's page number beside a date (``Sat, Aug 20, 2022 - Page 8``) is part of the
  stamp; a ``Print edition:`` label alone dates the paper, not the article: no candidate.
- A saved page's metadata written in UTC (``2025-04-06T18:13:00Z``) one day from the one date
  the page shows (``Posted Mon 7 Apr 2025 at 4:13am``) is the same moment in another time zone:
  the shown, local day is the date and the metadata is rejected ("utc page metadata"), when the
  metadata's time can reach that day (UTC from 10:00 for the next day, before 12:00 for the day
  before; any time with another offset). Metadata without a time or offset stands.
- Rejected candidates are listed (``kind:YYYY-MM-DD; ...``) in ``date_candidates``; when a
  candidate of a usable kind (or a furniture stamp dated before the chosen date) differs from
  the chosen date by more than :data:`DATES_AGREE_DAYS` days, the disagreement is reported as
  a problem.

Outlets
-------
Two facts are kept apart: ``outlet``, who wrote the article (the wire or paper credited as its
source), and ``published_by``, the site it was saved from when the page shows a repost.

Credits name the outlet, in this order (:data:`CREDIT_KINDS`): a repost's note, "originally
published by / first appeared in / courtesy of / republished from X", "republished under a
partnership with X" (a short line, or a paragraph of the opening or closing lines about "this
article"; "republished on X" names the reposting site, "photo courtesy of X" a picture); a
``Source: X`` line; the dateline's agency (``(Xinhua)``, ``, Kyodo -``, ``Bernama News Agency,
Phnom Penh –``); a byline's outlet (``By Jane Doe / Reuters``, ``By Khmer Times Staff``, ``By Neou
Vannarin THE CAMBODIA DAILY``, ``Thou Vireak | The Phnom Penh Post``, ``Leng Sreynich in
Sihanoukville for SCMP``, an outlet's name alone just above the text, or under the headline of a
page that names another outlet as its site: a paper's page carrying wire copy); a closing credit
(``— Xinhua``, ``(Khmer Times)`` alone after the text, an agency name alone after the last
paragraph, ``... next month. — Kyodo`` or ``... said. (AFP)`` ending a paragraph); an agency stamp
(``(People's Daily Online) 16:40, October 14, 2016``); an outlet's name prefixed to the headline
(``CGTN: ...``). A photo credit (``Xinhua/Li Ming``, ``Photo: AFP``) names who took the picture: no
credit. The site shows in a copyright line (``Copyright 1998-2024, RFA. Used with the permission
of ...`` however long), a masthead (a line that is an outlet's name at the top;
on a blog or forum, its name on the first line), a footer, a web address on a line of its own, a
saved page's site name, or the file name (``Cambodia's bet - Asia Times.txt``,
``asiatimes.com_2021.txt``: a part set off at its start or end, or capitalised words opening it)
(:data:`SITE_KINDS`; a known outlet before an unknown name). Several outlets on one line are a
menu, no credit. The outlet is the first credit, or else the site when it is a known outlet. The
site becomes ``published_by`` when it differs from the credited outlet (an agency stamp that loses
to another credit names the site); an aggregator or a forum (``kind`` in the outlets table) is
only ever ``published_by``, never the outlet. A saved page's own address (canonical link) names
its site; a post's account name at its top (``Chinese Embassy in Cambodia @ChinaEmbCambodia ·
Apr 3``, with a badge or the name again in another script) is its masthead.

One outlet's names are one outlet: names are looked up with dashes written one way (``ISEAS –
Yusof Ishak`` = ``ISEAS-Yusof Ishak``), without an edition's word (``VnExpress International``)
or a credit's words after the name (``Al Jazeera and news agencies``, ``with wires``, ``with
agency inputs``, ``/ANN``, ``CNA/ag``, ``(with AFP)``). An alias two outlets share (``CNA``:
Channel NewsAsia or Taiwan's Central News Agency; ``ABC News``) is resolved from the page: the
one of them the page also names otherwise (site, address, copyright holder, file name), else
the one based in the only country the page's other outlets and its dateline place point to;
when nothing decides, the name gives no outlet. Names come from ``data/outlets.csv``; a name
missing there is kept as written only from a strong form (a ``Source:`` line, a byline ``/ X``,
a dateline or stamp's agency in brackets, "originally published in") and only when it looks like
an outlet's name (an acronym, or a name with News, Times, Post, Agency, Institute...), never from
a bare capitalised line, a person's name, a place or an office."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.corpus.lexicons import read_lexicon, split_phrases
from helpers.corpus.reading import PageFacts

# How many non-empty lines at the top and at the bottom of an article are read for metadata.
HEAD_LINES = 25
TAIL_LINES = 15
# The opening lines are read on to the first line of prose, at most this many lines.
MAX_HEAD_LINES = 80
# Dates of usable kinds more than this many days apart are reported as disagreeing.
DATES_AGREE_DAYS = 3
# A month-day later than the stamp that gives it a year by more than this is from the year before.
ROLLBACK_DAYS = 7
# A metadata line (stamp, byline, credit) has at most this many words.
MAX_STAMP_WORDS = 16
# A line opening as a copyright notice is read up to this many words (a notice that the article
# is used with an outlet's permission runs long).
MAX_COPYRIGHT_WORDS = 40

# Kinds of date candidate a publication date may come from, best first.
DATE_KINDS = (
    "original publication", "dateline", "publication line", "agency stamp", "byline stamp",
    "print credit", "page metadata", "date line", "closing date line", "headline date", "url",
    "posted stamp", "month line", "url month", "file name",
)
# Kinds of candidate that state a month, not a day (their date is the month's first day).
MONTH_KINDS = frozenset({"month line", "url month"})
# Kinds that state the article's own date: when two of them disagree by more than
# DATES_AGREE_DAYS days, no date is kept (a conflict, reported) rather than a guess.
STRONG_KINDS = frozenset({"original publication", "dateline", "publication line", "agency stamp",
                          "byline stamp", "print credit", "page metadata"})
# Kinds that are never the publication date.
NEVER_KINDS = (
    "updated stamp", "forum stamp", "comment stamp", "joined", "today bar", "page stamp",
    "repost stamp", "utc page metadata", "e-mail stamp",
)
# Kinds of date a reader sees on the page in its own time zone (a stamp under the headline, a
# dateline): a day apart from a saved page's metadata written in UTC, they give the local day.
_VISIBLE_KINDS = frozenset({"dateline", "publication line", "agency stamp", "byline stamp",
                            "print credit", "date line", "posted stamp"})
# A time and offset in a page's metadata ("2025-04-06T18:13:00Z", "...T23:30:00+07:00").
_STAMP_TIME = re.compile(r"[T\s](?P<hour>\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?\s*"
                         r"(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?\s*$", re.IGNORECASE)
# Kinds of evidence for an article's outlet, best first (credits, then the site).
CREDIT_KINDS = (
    "originally published", "source line", "dateline", "byline", "closing credit",
    "news agency line", "agency stamp", "headline prefix",
)
# Kinds of date whose line, when short, holds only metadata (cut from the text, audited).
_STAMP_KINDS = frozenset({"publication line", "updated stamp", "agency stamp", "byline stamp",
                          "print credit", "date line", "closing date line", "posted stamp"})
SITE_KINDS = ("copyright", "masthead", "agency stamp", "footer", "web address", "html site name",
              "file name")

# --- dates ------------------------------------------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTHS = {name: number for number, names in enumerate(
    ["", "jan january", "feb february", "mar march", "apr april", "may", "jun june",
     "jul july", "aug august", "sep sept september", "oct october", "nov november",
     "dec december"]) for name in names.split()}
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# A written date, with or without a year: 2024-05-25, 2024.05.25, 2024. 5. 25, 25 May 2024,
# May 25, 2024, Mar.25,2024, 3/4/2024, May 25, 2024年5月25日 (a Chinese or Japanese page's
# header), 2024년 5월 25일 (a Korean one). A time's minutes are never a day ("11:42 October 18,
# 2025": October 18).
DATE_PATTERN = re.compile(
    rf"(?<!\d)(?P<cy>{_YEAR})\s*[年년]\s*(?P<cm>\d{{1,2}})\s*[月월]\s*(?P<cd>\d{{1,2}})\s*[日일]"
    rf"|(?<![\w/.\-])(?P<iy>{_YEAR})(?P<isep>[-/.])(?:(?<=\.)[ ])?(?P<im>\d{{1,2}})(?P=isep)"
    rf"(?:(?<=\.)[ ])?(?P<id>\d{{1,2}})(?!\d)"
    rf"|(?<![\w:])(?P<dd>\d{{1,2}}){_ORDINAL}(?:\s+|-)(?:of\s+)?(?P<dm>{_MONTH})\.?(?:,?\s+|-)"
    rf"(?P<dy>{_YEAR})(?!\d)"
    rf"|(?<!\w)(?P<mm>{_MONTH})(?:\.\s*|\s+|-)(?P<md>\d{{1,2}}){_ORDINAL}(?:,\s*|\s+|-)"
    rf"(?P<my>{_YEAR})(?!\d)"
    rf"|(?<![\w/.\-])(?P<na>\d{{1,2}})(?P<nsep>[/.\-])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR})"
    rf"(?!\d)"
    rf"|(?<!\w)(?P<ym>{_MONTH})\.?\s+(?P<yd>\d{{1,2}}){_ORDINAL}(?![\w:])"
    rf"|(?<![\w:])(?P<xd>\d{{1,2}}){_ORDINAL}\s+(?P<xm>{_MONTH})\b\.?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![\d.])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:GMT|UTC|ICT|IST|CST|JST|KST|HKT|SGT|PHT|WIB|MYT|EST|EDT|PST|PDT|BST|CET|CEST)"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s*[+-](?:0\d|1[0-4])(?::?\d{2})?(?!\d))?"
    r"|(?<!\w)(?:GMT|UTC|ICT|IST|HKT|SGT|JST|BST)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?!\w)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"(?<!\w)(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)"
                      r"(?:day)?\b\.?", re.IGNORECASE)
_ARCHIVE_HEADING = re.compile(
    rf"^(?:(?:blog\s+)?archives?(?:\s+for)?\s*[:\-–—]?\s*)?(?P<month>{_MONTH})\.?,?\s+"
    rf"(?P<year>{_YEAR})(?:\s*\(\d+\))?$", re.IGNORECASE)
# A month and year alone on a line of a report's title block ("March 2021", "Phnom Penh, March
# 2021", "Published: March 2021"): a date stated to the month.
_MONTH_LINE = re.compile(
    rf"^(?:(?:published|issued|date|released)\s*:?\s*|[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}},"
    rf"\s*)?(?P<month>{_MONTH})\.?,?\s+(?P<year>{_YEAR})$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_COPYRIGHT_OPENING = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_JOINED = re.compile(r"\b(?:joined|member since|registered|join date|date joined)\b",
                     re.IGNORECASE)
_FORUM = re.compile(
    r"»|\bpost subject\b|\breply\s*#\s*\d+|\bquote from\b|\bwrote:\s*$|^posts?\s*:\s*\d+|"
    r"\bboard index\b|^re:\s|\bquote\s*$|\btopic:\s|\bthread\s+starter\b|\bstart\s+date\b|"
    r"\bstarted\s+by\b|\bdiscussion\s+in\b|\blast\s+edited\b|\boriginally\s+posted\s+by\b|"
    r"^#\s?\d+\b|\bmessages?\s*:\s*[\d,]+|\breaction\s+score\b",
    re.IGNORECASE)
_FORUM_PAGE = re.compile(
    r"^(?:joined|posts|member since|registered|reputation|location)\s*:|"
    r"^(?:joined|posts|reputation|member since)\s+[\d,]+$|^quote$|^forums?\s*[›»>/|]|"
    r"\b(?:sign in|log in|register)\b.{0,30}\b(?:to (?:comment|reply|post))\b|\breply\s*#\s*\d+|"
    r"\bpost subject\b|\bboard index\b|\bquote from\b|\bwrote:\s*$|^posted by\b.*»|"
    r"\bforum\b.*\b(?:index|rules|topics?)\b|^\d+\s+(?:posts|replies)\b|\bthread starter\b|"
    r"\bstart date\b|^messages\s*:|\breaction score\b|\bstarted by\b|\blast edited by\b|"
    r"\boriginally posted by\b",
    re.IGNORECASE | re.MULTILINE)
_FORUM_WORDS = ("joined", "posts", "member", "registered", "reputation", "location", "quote",
                "forum", "reply", "post subject", "board index", "wrote:", "»", "sign in",
                "log in", "register", "replies", "thread starter", "start date",
                "reaction score", "started by", "edited by", "originally posted", "messages")
_BLOG_WORDS = ("blog", "wordpress", "powered by", "newer post", "older post", "post comments",
               "posted", "label", "filed under", "tagged", "aggregat", "reposted")
_BLOG_PAGE = re.compile(
    r"\bblogspot\b|\bblogger\b|\bwordpress\b|\bpowered by\b|\bnewer posts?\b|\bolder posts?\b|"
    r"\bpost comments \(atom\)|^posted\b.{0,40}\bby\b|^labels?:|^filed under\b|^tagged\b|"
    r"\baggregat(?:or|ed)\b|\breposted\b|\bblog archive\b",
    re.IGNORECASE | re.MULTILINE)
_COMMENTS_START = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|discussion)(?:\s*\(\d+\))?\s*:?$|"
    r"^(?:leave|post|add|write)\s+(?:a|your)\s+(?:reply|comment|response)|"
    r"^join the (?:discussion|conversation)|"
    r"^\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b|"
    r"^comments are closed|^what do you think\??$|^readers'? comments",
    re.IGNORECASE)
_COMMENT_LINE = re.compile(r"\bsays:|\bsaid:\s*$|^reply$|^(?!(?:first\s+)?published\b|released\b|"
                           r"issued\b)\w[\w .'-]{0,30}\s+on\s+.*\bat\s+\d", re.IGNORECASE)
_KEYWORDS = (
    ("updated stamp", re.compile(r"\b(?:(?:last\s+)?updated?|upd\.|(?:last\s+)?modified|edited|"
                                 r"revised|mis\s+à\s+jour|dikemaskini)(?!\w)", re.IGNORECASE)),
    ("publication line", re.compile(r"\b(?:published|publication(?:\s+date)?|first\s+published|"
                                    r"publish(?:ed)?\s+(?:date|on|time)|release\s+(?:time|date)|"
                                    r"released|issued|dated?|"
                                    r"publié(?:\s+le)?)\b", re.IGNORECASE)),
    ("posted stamp", re.compile(r"\bposted\b", re.IGNORECASE)),
)
# The words of a stamp left beside its dates ("Update :", "Published", "Posted on").
_STAMP_WORD = re.compile(r"^(?:(?:last\s+)?(?:updated?|modified|edited|revised)(?:\s+on)?|upd|"
                         r"(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|issued(?:\s+on)?|"
                         r"released|created|time|date|publish(?:ed)?\s+(?:date|time)|"
                         r"pub\.?\s+date|date\s+posted)$", re.IGNORECASE)
# The date of something other than the article ("Event date:", "Closing date", "Date of birth",
# "Deadline:", "until"), said just before it.
_OTHER_DATE = re.compile(r"\b(?:event|closing|due|expiry|expiration|deadline|start|end|effective|"
                         r"election|launch|meeting|birth|application|submission|registration|"
                         r"hearing|trial|departure|arrival|travel|visit)\s+date\b|"
                         r"\bdate\s+of\s+(?:the\s+)?(?:birth|event|meeting|election|hearing|visit|"
                         r"departure|arrival|expiry)\b|"
                         r"\b(?:deadline|expires?|expiry|valid\s+until|until|till|through|since|"
                         r"due|closes|closing|born|died|election\s+day|polling\s+day|starts?|"
                         r"ends?|begins?)\s*[:\-–]?\s*$", re.IGNORECASE)
_PRINT_CREDIT = re.compile(r"^\((?P<name>[^()]{2,60}?)\s+(?P<date>[\d/.\-]{6,10}|[^()]{6,20}?)"
                           r"\s*,?\s*(?:page|p\.)\s*\d+\)$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# A web address alone on a line, perhaps labelled, or with a printed page's counter after it
# ("https://... 1/3" in the footer of a page printed to PDF).
_URL_LINE = re.compile(r"^(?:(?P<label>url|link|source|original|retrieved from|from|"
                       r"in full|full (?:story|article|report|text)|read (?:the )?(?:full|"
                       r"original|whole) (?:story|article|report|piece)(?: here)?(?: at| on)?|"
                       r"(?:read more|continue reading|originally published) (?:at|on)|"
                       r"original (?:article|story|report))\s*[:\-–—]?\s*)?"
                       r"(?P<url>(?:https?://|www\.)\S+)(?:\s+\d{1,3}/\d{1,3})?$",
                       re.IGNORECASE)
# The labels of a link to the article a page quotes in part ("In full: https://...", "Read the
# full story at ..."): the address names the outlet that wrote it.
_ORIGINAL_LINK = frozenset({"in full", "original"})
_URLDATE_PATTERN = (
    re.compile(rf"/(?P<y>{_YEAR})[/\-](?P<m>\d{{2}})[/\-](?P<d>\d{{2}})(?=[/\-_.]|$)"),
    # /20240805/, /20240805_21/, news_20240805.html; /2024/0805/ (People's Daily)
    re.compile(rf"(?<=[/_\-])(?P<y>{_YEAR})/?(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[/_\-.]|$)"),
    re.compile(rf"(?<=[\-_/])(?P<a>\d{{2}})(?P<b>\d{{2}})(?P<y>{_YEAR})(?=\.html?|/|$)"),
)
# A year and month alone in an address ("/news/2022/08/5c1a9e27-..."): a date to the month.
_URL_MONTH = re.compile(rf"/(?P<y>{_YEAR})/(?P<m>[01]\d)/")
_DAY_FIRST = re.compile(r"\bIST\b|\((?:PTI|IANS|ANI)\)|\b(?:PTI|IANS)\b|\bLast Updated\s*:")
# A time zone whose countries write numeric dates day first (Indochina, Malaysia, Singapore,
# Indonesia, Hong Kong, Britain, central Europe; not GMT+8, which the Philippines share) or month
# first (the United States).
_ORDER_ZONE = re.compile(r"\b(?:GMT|UTC)\s*\+\s*0?7\b|\b(?:ICT|MYT|SGT|WIB|HKT|BST|CET|CEST)\b|"
                         r"\b(?P<us>EST|EDT|PST|PDT|CDT)\b")
_DAY_FIRST_WORDS = ("IST", "PTI", "IANS", "ANI)", "Last Updated")
_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(r"\b(?:ago|yesterday)\b", re.IGNORECASE)
_RELATIVE_PHRASE = re.compile(r"(?:\b(?:updated|posted|published|edited)\s+)?(?:\d+|an?|one)\s+"
                              r"(?:sec|min|hour|hr|day|week|month|year)s?\.?\s+ago\b",
                              re.IGNORECASE)
_FILENAME_DATE = re.compile(r"(?<!\d)(?P<date>(?:19|20)\d{2}-?[01]\d-?[0-3]\d)(?!\d)")
# Month and weekday names of other languages in the stamps of English pages (an editable table).
DATE_WORDS_FILE = config.CORPUS_DATA_DIR / "date_words.csv"
# Digits of the region's scripts, read as ASCII digits in a stamp (Khmer ០-៩, Thai ๐-๙, Lao,
# Myanmar).
_SCRIPT_DIGITS = str.maketrans({chr(zero + n): str(n) for zero in (0x17E0, 0x0E50, 0x0ED0, 0x1040)
                                for n in range(10)})
# A character of a stamp in another language: not ASCII, and no typographic punctuation or
# symbol (curly quotes, dashes, ©, ·), which English stamps have too.
_OTHER_LETTER = re.compile("[^\x00-\x7f\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf]")
# A year of the common or the Buddhist era, which a full date needs.
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20|25)\d\d(?!\d)")
# A year of the Buddhist era (2543-2599: 2000-2056), as Thai, Lao and Khmer stamps write it.
_BUDDHIST_YEAR = re.compile(r"(?<!\d)25[4-9]\d(?!\d)")
BUDDHIST_ERA_OFFSET = 543
_THAI = re.compile("[\u0e00-\u0e7f]")
# A Vietnamese date: "6 tháng 8, 2024", "ngày 06 tháng 08 năm 2024".
_VIETNAMESE_DATE = re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                              r"(?:\s+năm|\s*,)?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()
# The weekday a stamp names beside a numeric date ("Tue, 06/08/2024"): it tells which reading
# (day/month or month/day) the page meant.
_WEEKDAY_NUMBERS = {name: n for n, name in enumerate("mon tue wed thu fri sat sun".split())}

@lru_cache(maxsize=2)
def _date_words(path: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern finding the words of the date-words table in a line, and each word (lower
    case) -> its English word."""
    table = read_lexicon(path)
    english = {word.lower(): meaning for word, meaning in zip(table["word"], table["english"],
                                                             strict=True)}
    latin = sorted((w for w in english if w.isascii() or w[0] < "\u0e00"), key=len, reverse=True)
    other = sorted((w for w in english if w not in latin), key=len, reverse=True)
    alternatives = [rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, latin))})(?![^\W\d_])"]
    if other:
        alternatives.append("|".join(map(re.escape, other)))
    return re.compile("|".join(alternatives), re.IGNORECASE), english


def english_stamp(line: str, *, path: str | Path = DATE_WORDS_FILE) -> str:
    """A stamp line with its month and weekday names of another language (the date-words table),
    Vietnamese "tháng" dates and digits of the region's scripts written in English, when that
    makes a full date appear; else the line as it is.

    Args:
        line: a short line of a page ("Selasa, 13 Agustus 2024 18:05 WIB").

    Returns:
        The line as an English page would write it ("Tuesday, 13 August 2024 18:05 WIB").
    """
    text = line.translate(_SCRIPT_DIGITS) if not line.isascii() else line
    if not _YEAR_DIGITS.search(text):
        return line  # no full date without a year
    pattern, english = _date_words(str(path))
    text = _VIETNAMESE_DATE.sub(
        lambda m: f"{m['d']} {_MONTH_NAMES[int(m['m']) - 1]} {m['y']}"
        if 1 <= int(m["m"]) <= 12 else m.group(0), text)
    text = pattern.sub(lambda m: f" {english[m.group(0).lower()]} ", text)
    if text == line:
        return line
    if "25" in text and _THAI.search(line):  # Thailand's era; Cambodia's differs by a year
        text = _BUDDHIST_YEAR.sub(lambda m: str(int(m.group(0)) - BUDDHIST_ERA_OFFSET), text)
    text = " ".join(text.split()).replace(" ,", ",")
    return text if _has_full_date(text) else line


def _has_full_date(text: str) -> bool:
    """Whether ``text`` writes a date with its year (a numeric one in either order)."""
    return any(match.group("ny") or (parts := _parts_of(match, day_first=False))
               and parts[0] is not None for match in DATE_PATTERN.finditer(text))


def _weekday_reading(line: str, match: re.Match[str],
                     readings: tuple[date, ...]) -> date | None:
    """The one reading of a numeric date that falls on the weekday written right before it
    ("Tue, 06/08/2024": 6 August 2024 was a Tuesday, 8 June a Saturday); None when no weekday
    is written there or it does not decide."""
    weekday = None
    for found in _WEEKDAY.finditer(line, max(0, match.start() - 16), match.start()):
        weekday = _WEEKDAY_NUMBERS.get(found.group(0)[:3].lower())
    if weekday is None or line[found.end():match.start()].strip(" ,.-–—|(") != "":
        return None
    fitting = [d for d in readings if d.weekday() == weekday]
    return fitting[0] if len(fitting) == 1 else None


# An e-mail's headers at the top of a printed or pasted message, and the stamps among them or
# over a quoted message ("Sent: Tuesday, August 6, 2024 9:12 AM", "On Tue, 6 Aug 2024 at 09:12,
# Sophea Kong <...> wrote:").
_EMAIL_HEADERS = re.compile(r"^From:\s*\S.*\n(?:.*\n){0,3}?(?:To|Subject|Sent|Date):", re.MULTILINE)
_EMAIL_STAMP = re.compile(r"^(?:Sent|Date)\s*:|\bwrote:\s*$")


# --- lines ------------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_PART_SPLIT = re.compile(r"\s*(?:\||•|·|●|▪|■|◆|∙|・|/|\s[-–—]+\s|,|;|\s{3,})\s*")
_PLACE_WORD = r"[A-Z][\w.'’\-]*"
_NAME_PART = re.compile(r"^(?:[A-Z][\w.'’\-]*|(?:de|van|von|bin|binti|al|da|le|la|of|and|&))"
                        r"(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|bin|binti|al|da|le|la|of|and|&)){0,4}$")
_WEEKDAY_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}(?:,[ ]?{_PLACE_WORD}(?:[ ]{_PLACE_WORD})"
    rf"{{0,2}})?)"
    r"(?:\s*\((?P<lead>[^()\n/]{2,40})\))?"
    rf"(?:,?\s*(?P<date>(?:(?i:{_MONTH})\.?\s+\d{{1,2}}(?i:{_ORDINAL})|"
    rf"\d{{1,2}}(?i:{_ORDINAL})\s+(?i:{_MONTH})\.?)(?:,?\s*{_YEAR})?|{_YEAR}-\d\d-\d\d))?"
    r"(?:,?\s*(?:\((?P<agency>[^()\n/]{2,40})\)|/(?P<wire>[^/\n]{2,30})/|"
    r"(?P<bare>[A-Z][A-Za-z'’.&]+(?:[ ][A-Z][A-Za-z'’.&]+){0,3})))?"
    r"(?:\s*(?:--|—|–|:|==|-(?=\s))\s*|(?<=\))\s+)(?=\S)",
)
# A dateline with the date first: "March 5, 2024 – PHNOM PENH:", "05/03/2024, Phnom Penh (AKP) –".
_DATE_FIRST_DATELINE = re.compile(
    rf"^(?:(?i:{_WEEKDAY_WORD}),?\s+)?(?P<date>(?i:{_MONTH})\.?\s+\d{{1,2}}(?i:{_ORDINAL}),?\s*{_YEAR}|"
    rf"\d{{1,2}}(?i:{_ORDINAL})\s+(?i:{_MONTH})\.?,?\s+{_YEAR}|{_YEAR}-\d\d-\d\d)"
    r"\s*(?:[,|/]|\s[-–—]|--)\s*"
    rf"(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}"
    rf"(?:,[ ]?{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}})?)"
    r"(?:\s*\((?P<agency>[^()\n/]{2,40})\))?"
    r"\s*(?:--|—|–|:|-(?=\s))\s*(?=\S)",
)
# What ends a dateline (a quick test before the patterns).
_DATELINE_END = re.compile(r"--|—|–|:|==|-\s|\)\s")
# How a line opening with a date or a weekday begins (a quick test before the full pattern).
_DAY_WORD_STARTS = frozenset(name[:3] for name in _MONTHS) | frozenset(
    "mon tue wed thu fri sat sun".split())
_NEWS_AGENCY_LINE = re.compile(
    rf"^(?P<agency>[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){{0,4}}[ ]News[ ]Agency)"
    rf"(?:\s*\([A-Z]{{2,8}}\))?\s*,\s*(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"
    r"\s*(?:--|—|–|:|-(?=\s))\s*(?=\S)")
_NOT_PLACES = frozenset(
    "on in at the a an by for from last this next since until as when after before updated "
    "published posted source sources photo image date reply re copyright joined posts member "
    "read related share quote editor author note update breaking exclusive analysis opinion "
    "comment comments video watch listen live report".split()
    + list(_MONTHS) + "monday tuesday wednesday thursday friday saturday sunday".split())
_BYLINE = re.compile(r"^(?:by|written by|reported by|story by|words by|text by|reporter\s*:|"
                     r"author\s*:|writer\s*:)\s*(?P<rest>\S.*)$", re.IGNORECASE)
_STAFF = re.compile(r"^(?P<name>.+?)\s+(?:staff(?:\s+(?:writers?|reporters?))?|writers?|"
                    r"reporters?|correspondents?|desk|team|newsroom|editorial(?:\s+board)?|"
                    r"online)$", re.IGNORECASE)
# The credits after a byline's first ("... Translated by X. Edited by Y.").
_LATER_CREDITS = re.compile(r"\.\s+(?=(?:translated|edited|written|produced|additional|photos?|"
                            r"videos?|graphics?)\b)", re.IGNORECASE)
# A desk's credit on a line of its own ("Thai PBS World's Regional Desk", "TOI World Desk",
# "Web Desk", "The Star Newsroom"): an outlet's name perhaps, a desk's name in capitalised words.
_DESK = re.compile(r"^(?P<words>(?:[A-Z][\w.&'’\-]*\s+){1,6})"
                   r"(?:[Dd]esk|DESK|[Nn]ewsroom|NEWSROOM)$")
# A staff credit without "By" ("Nikkei staff writers", "Khmer Times Staff").
_STAFF_LINE = re.compile(r"^(?P<words>(?:[A-Z][\w.&'’\-]*\s+){1,5})(?:[Ss]taff(?:\s+(?:writers|"
                         r"reporters))?|STAFF|[Cc]orrespondents)$")
# Desks that are a site's services, not its reporters.
_NOT_DESKS = re.compile(r"\b(?:help|service|front|information|reception|support|cash)\b",
                        re.IGNORECASE)
# The first letters a byline (by, written by, reporter:...) and a photo credit open with.
_BYLINE_FIRST = frozenset("bwrsta")
_PHOTO_FIRST = frozenset("fpivcg")
# Other labels of a credit line ("Story: AFP", "Text: Xinhua", "Credit: Kyodo").
_CREDIT_LABEL = re.compile(r"^(?:story|text|words|report|credit|courtesy)\s*[:：]\s*"
                           r"(?P<rest>\S.*?)$", re.IGNORECASE)
_SOURCE = re.compile(r"^[(\[]?\s*(?:news\s+)?source\s*[:：\-–—]?\s*(?P<rest>\S.*?)[)\]]?$",
                     re.IGNORECASE)
# A repost's note about the article it carries: "This story was originally published by X on
# <date>", "first appeared in X", "republished from X", "republished under a partnership with X".
_ORIGINAL_CUE = re.compile(
    r"\b(?:(?:originally|first)\s+(?:published|appeared|posted(?!\s+by)|ran|aired|printed)|"
    r"(?:is|was|were|has\s+been)\s+published\s+(?=(?:by|in|on|at)\b)|courtesy\s+of|"
    r"re-?published\s+(?:with\s+permission\s+)?(?=(?:from|of)\b)|"
    r"re-?printed\s+(?=from\b)|reproduced\s+(?=from\b))", re.IGNORECASE)
_REPUBLISH_CUE = re.compile(r"\b(?:re-?published|re-?posted|re-?printed|reproduced|partnership|"
                            r"syndicat\w+|appears?\s+(?:here|on))\b", re.IGNORECASE)
# A name after a preposition in such a note; "republished on X" names the reposting site.
_NOTE_NAME = re.compile(r"\b(?P<prep>by|in|on|at|from|of|with)\s+(?:the\s+website\s+of\s+)?"
                        r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.&\-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?"
                        r"[A-Z0-9][\w'’.&\-]*){0,7})")
_REPOSTING = re.compile(r"(?:re-?published|re-?posted|re-?printed|reproduced|shared|appears?)"
                        r"(?:\s+here)?\s*$", re.IGNORECASE)
_NOTE_WORDS = ("publish", "appeared", "ran ", "reprint", "courtesy", "posted", "partnership",
               "reproduced", "syndicat", "aired")
_PHOTO_NOTE = re.compile(r"\b(?:photo|image|picture|video|footage|graphic)s?\b", re.IGNORECASE)
# How a paragraph of notes refers to the article it is under ("the report" in a paragraph is more
# often another document).
_THIS_ARTICLE = re.compile(r"\bthis\s+(?:article|story|piece|post|commentary|analysis|op-ed|report|"
                           r"essay|interview)\b|\bthe\s+(?:article|story|piece|post|op-ed)\b")
_PHOTO_CREDIT = re.compile(r"^[(\[]?\s*(?:file\s+)?(?:photo|image|picture|pic|video|credit|"
                           r"graphic|illustration)s?\b", re.IGNORECASE)
_CLOSING = re.compile(r"^(?:[—–\-=~/]{1,3}\s*|\(\s*|\[\s*)(?P<name>[^()\[\]]{2,60}?)\s*[)\]]?\.?$")
_INLINE_CLOSING = re.compile(r"(?:\s[—–]|--|==|(?<=[.!?\"”’)])\s*[—–-])\s*"
                             r"(?P<name>[A-Z][\w'’.& ]{1,30}?)\s*$"
                             r"|\((?P<paren>[A-Z][\w'’.& ]{1,30}?)\)\s*$")
# What a social-media post prints after its account's name: a handle, a verified badge, the
# time after a dot, "on X:" (a saved post's title), the name again in another script (as a
# masthead does: "Focus Taiwan中央通訊社").
_ACCOUNT_TAIL = re.compile(r"(?:\s+@\w{2,}|\s*[✔✓☑✅]|\s+·|\s+on\s+(?:X|Twitter|Facebook|"
                           r"Instagram|Telegram|Threads|Weibo)\b|\s*[\u1780-\u17ff\u0e00-\u0e7f"
                           r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]).*$")
_HEADLINE_PREFIX = re.compile(r"^(?P<name>[^:]{2,40}):\s+\S+(?:\s+\S+){3,}")
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|press|agency|daily|herald|journal|tribune|radio|television|tv|media|"
    r"wire|gazette|review|observer|monitor|online|network|broadcasting|channel|magazine|weekly|"
    r"insight|chronicle|telegraph|express|standard|globe|bulletin|digest|voice|institute|forum|"
    r"ministry|embassy|service|newswire|presse|times)\b",
    re.IGNORECASE)
# A company's legal suffix after a copyright holder's name ("... Post Publishers Ltd").
_COMPANY = re.compile(r"(?:[\s,]+(?:publishers?|publishing|publications|ltd|limited|inc|llc|"
                      r"plc|pcl|public company|jsc|co|company|corp|corporation|pte|pty|group|"
                      r"holdings|media group|sdn bhd|bhd|gmbh|s\.a)\.?)+$", re.IGNORECASE)
_FOR_OUTLET = re.compile(r"^(?P<author>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}"
                         r"(?:\s+and\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})?)"
                         r"(?:\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?"
                         r"\s+for\s+(?P<outlet>\S.{1,50})$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
_NOT_OUTLETS = frozenset(
    "update updated corrected correction photo photos video videos file files part live "
    "analysis opinion exclusive breaking editorial interview feature".split()
    + ["press release", "news release", "agencies", "news agencies", "wire services", "wires",
       "staff", "local media", "state media", "media reports", "news reports"])
# Words an outlet's name uses beside a name of its own ("The Daily News" has none).
_GENERIC_WORDS = frozenset(
    "news times post press agency daily herald journal tribune radio television tv media wire "
    "gazette review observer monitor online network broadcasting channel magazine weekly insight "
    "chronicle telegraph express standard globe bulletin digest voice institute forum ministry "
    "embassy service newswire presse the of and for & local national international world global "
    "state new".split())


@dataclass(frozen=True)
class DateCandidate:
    """One date a page states, with its kind and where it is (``line`` is 0-based; None for
    the file name and a saved page's metadata)."""

    kind: str
    day: date | None  # None: a month and day without a year
    line: int | None
    evidence: str
    month_day: tuple[int, int] | None = None
    year_from: str = ""
    readings: tuple[date, ...] = ()  # an ambiguous numeric date's two readings

    def label(self) -> str:
        """``kind:YYYY-MM-DD`` (``kind:MM-DD (no year)`` for a month-day, ``kind:YYYY-MM-DD or
        YYYY-MM-DD`` for an ambiguous numeric date)."""
        if self.day is None and self.month_day:
            return f"{self.kind}:{self.month_day[0]:02d}-{self.month_day[1]:02d} (no year)"
        if self.day is None and self.readings:
            return f"{self.kind}:{' or '.join(d.isoformat() for d in self.readings)}"
        return f"{self.kind}:{self.day.isoformat() if self.day else '?'}"


@dataclass
class Inferred:
    """Metadata inferred from one article's text, with where each value came from."""

    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    # Lines (0-based) that hold only metadata, with the reason to give in the audit.
    metadata_lines: dict[int, str] = field(default_factory=dict)
    # Line index -> end offset (in that line) of a dateline prefix to cut from the text.
    dateline_prefixes: dict[int, int] = field(default_factory=dict)
    # Messages for the problems table (dates that disagree).
    problems: list[str] = field(default_factory=list)

    def set(self, key: str, value: object, source: str) -> None:
        """Keep the first value found for ``key`` (callers try the surest sources first)."""
        if key not in self.values and value not in (None, ""):
            self.values[key] = value
            self.sources[key] = source


# --- dates: parsing ---------------------------------------------------------------------------
@lru_cache(maxsize=256)
def _date_matches(line: str) -> tuple[re.Match[str], ...]:
    """The dates written in a line (a line is read for dates by several forms: once)."""
    return tuple(DATE_PATTERN.finditer(line))


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parts_of(match: re.Match[str], *, day_first: bool) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date match; None when invalid or ambiguous (see
    :func:`_readings`)."""
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["cy"]:
        year, month, day = int(groups["cy"]), int(groups["cm"]), int(groups["cd"])
    elif groups["dy"]:
        year, month, day = int(groups["dy"]), _MONTHS[groups["dm"].lower()], int(groups["dd"])
    elif groups["my"]:
        year, month, day = int(groups["my"]), _MONTHS[groups["mm"].lower()], int(groups["md"])
    elif groups["ny"]:
        a, b, year = int(groups["na"]), int(groups["nb"]), int(groups["ny"])
        if day_first or (a > 12 >= b):
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 3/4/2024: day-first in some countries, month-first in others
    elif groups["ym"]:
        year, month, day = None, _MONTHS[groups["ym"].lower()], int(groups["yd"])
    else:
        year, month, day = None, _MONTHS[groups["xm"].lower()], int(groups["xd"])
    if _valid_day(year or 2000, month, day) is None:
        return None
    return year, month, day


def _readings(match: re.Match[str]) -> tuple[date, ...]:
    """Both valid readings (day/month and month/day) of a numeric date with the year last."""
    if not match.group("ny"):
        return ()
    a, b, year = int(match.group("na")), int(match.group("nb")), int(match.group("ny"))
    return tuple(dict.fromkeys(d for d in (_valid_day(year, b, a), _valid_day(year, a, b)) if d))


def parse_date(text: str, *, day_first: bool = False) -> pd.Timestamp | None:
    """The first full date (with a year) written in ``text``; None if there is none.

    Args:
        text: any text.
        day_first: read a numeric date with the year last as day/month (``3/4/2024`` is 3
            April); otherwise such a date is read only when one part is above 12.

    Returns:
        The day, or None (a month and day without a year, or an impossible date, is no date).
    """
    for match in DATE_PATTERN.finditer(text):
        parts = _parts_of(match, day_first=day_first)
        if parts and parts[0] is not None:
            return pd.Timestamp(_valid_day(*parts))
    return None


def _stem(name: str) -> str:
    """A file name's last part without its suffix (``Path(name).stem``, without a Path)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[:dot] if 0 < dot < len(base) - 1 else base


def infer_from_filename(name: str) -> pd.Timestamp | None:
    """A date written in a file name (``2021-06-10_talks.txt``, ``20210610.txt``), if valid."""
    match = _FILENAME_DATE.search(_stem(name))
    if not match:
        return None
    digits = match.group("date").replace("-", "")
    day = _valid_day(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return pd.Timestamp(day) if day else None


# --- outlets: the lexicon ---------------------------------------------------------------------
@dataclass(frozen=True)
class _OutletTable:
    by_key: dict[str, str]
    acronyms: dict[str, frozenset[str]]  # key -> the spellings an acronym alias is known by
    reposting: frozenset[str]  # outlets that carry others' articles (aggregators, forums)
    country: dict[str, str]  # outlet -> the country it is based in
    ambiguous: dict[str, tuple[str, ...]]  # an alias several outlets share -> those outlets
    places: dict[str, str]  # a country's or an outlet's city's name (lower case) -> the country


# What an ambiguous alias ("CNA": Channel NewsAsia or Taiwan's Central News Agency) is looked up
# as: a name to resolve from the page (see :func:`resolve_ambiguous`), never an outlet itself.
AMBIGUOUS_PREFIX = "ambiguous:"
# How dashes are written between the parts of a name ("ISEAS – Yusof Ishak", "ISEAS-Yusof").
_DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
# A credit's words after the outlet's name ("Al Jazeera and news agencies", "PTI with agency
# inputs", "The Star/ANN", "CNA/ag" and an editor's initials, "Khmer Times (with AFP)"): the
# outlet is the name before them.
_CREDIT_SUFFIX = re.compile(
    r"(?:\s*(?:,|\band\b|\bwith\b|&|\+)\s*(?:additional\s+)?(?:inputs?\s+from\s+)?"
    r"(?:(?:news|wire)\s+)?(?:agencies|agency(?:\s+(?:inputs?|reports?))?|wires?|"
    r"wire\s+services|inputs?|reports?|reporting(?:\s+by\b.*)?)|\s*/\s*(?-i:ANN|agencies|[a-z]{1,4})|"
    r"\s*\((?:with\s+)?[^()]{2,30}\))\s*$",
    re.IGNORECASE)
# The last words of such credits and editions (a quick test before the patterns).
_CREDIT_WORDS = frozenset("agencies agency wire wires services input inputs report reports "
                          "reporting".split())
_EDITION_WORDS = frozenset("international english online global digital edition".split())
# An edition's name after an outlet's ("VnExpress International", "Bangkok Post Online").
# A kind of outlet or its country written after an outlet's name ("Kampuchea Thmey Daily",
# "Antara News Agency", "NHK World-Japan", "Nhan Dan Newspaper").
_KIND_WORDS = frozenset("agency daily newspaper news media tv television radio".split())
_KIND_SUFFIX = re.compile(r"(?:\s+(?:news\s+agency|daily(?:\s+news)?|newspaper|news|media|tv|"
                          r"television|radio)|\s*[-‐‑–—]\s*[A-Z][a-z]+)$", re.IGNORECASE)
_EDITION_SUFFIX = re.compile(r"\s+(?:international|english(?:\s+edition)?|online|global|"
                             r"digital|(?:english\s+)?edition)$", re.IGNORECASE)


def _outlet_key(name: str) -> str:
    """A name as looked up in the outlets table: lower case, straight apostrophes, one way of
    writing a dash between parts, no "the" or commas, a state's official name as its short name,
    no surrounding punctuation; a web address reduced to its host."""
    text = name.replace("\u2019", "'").replace("\u2018", "'").strip()
    text = text.strip(".,;:|()[]{}\"'“”*-–—=~ ").lower()
    if "." in text and (" " not in text or "://" in text) and _WEB_ADDRESS.fullmatch(text):
        text = _SCHEME.sub("", text).removeprefix("www.").split("/")[0]
    if "-" in text or "\u2013" in text or "\u2014" in text:
        text = _DASHES.sub("-", text)
    if "." in text and ("u.s." in text or "u.k." in text):
        text = _STATE_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)  # U.S. = US
    if " " not in text:
        return text
    if "," in text or "republic" in text or "prc" in text or "kingdom" in text:
        text = _STATE_NAME.sub(lambda m: m.group("country") or "china",
                               _STATE_AFTER_COMMA.sub(" of ", text).replace(",", " "))
    words = text.split()
    return " ".join([word for word in words if word != "the"] if "the" in words else words)


# A state's official name in an office's name, looked up as its short name ("Ministry of Foreign
# Affairs of the People's Republic of China" = "... of China" = "... of the PRC"; "Embassy of
# China in the Kingdom of Cambodia" = "... in Cambodia").
_STATE_NAME = re.compile(r"\b(?:the\s+)?(?:people's\s+republic\s+of\s+china|prc)\b|"
                         r"\b(?:the\s+)?kingdom\s+of\s+(?P<country>cambodia|thailand)\b")
_STATE_AFTER_COMMA = re.compile(r",\s*(?=(?:the\s+)?(?:people's\s+republic|prc\b|kingdom\s+of))")
_WEB_ADDRESS = re.compile(r"(?:[a-z]+://)?[\w.\-]+\.[a-z]{2,}(?:/\S*)?")
# A state's initials with full stops in an office's name ("U.S. Embassy", "U.K. Foreign Office").
_STATE_INITIALS = re.compile(r"\bu\.[sk]\.")
_SCHEME = re.compile(r"^[a-z]+://")


@lru_cache(maxsize=4)
def _outlet_table(path: str) -> _OutletTable:
    table = read_lexicon(path)
    by_key: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    acronyms: dict[str, set[str]] = {}
    reposting = frozenset(table.loc[table["kind"].isin(("aggregator", "forum")), "outlet"]
                          if "kind" in table.columns else ())
    country = dict(zip(table["outlet"], table["country"].fillna(""), strict=True)) \
        if "country" in table.columns else {}
    for row in table.itertuples():
        for alias in [row.outlet, *split_phrases(row.aliases)]:
            key = _outlet_key(alias)
            outlets = shared.setdefault(key, [])
            if row.outlet not in outlets:
                outlets.append(row.outlet)
            letters = alias.replace(".", "").replace("&", "")
            if letters.isalpha() and len(letters) <= 4 and " " not in alias:
                acronyms.setdefault(key, set()).update({alias, alias.upper()})
    ambiguous = {key: tuple(outlets) for key, outlets in shared.items() if len(outlets) > 1}
    places = {name.lower(): name for name in country.values() if name}
    if "city" in table.columns:
        places.update({city.lower(): where for city, where in zip(
            table["city"].fillna(""), table["country"].fillna(""), strict=True) if city})
    for key, outlets in shared.items():
        by_key[key] = AMBIGUOUS_PREFIX + key if key in ambiguous else outlets[0]
    return _OutletTable(by_key, {k: frozenset(v) for k, v in acronyms.items()}, reposting,
                        country, ambiguous, places)


def is_reposting_site(outlet: str, *, path: str | Path = config.OUTLETS_FILE) -> bool:
    """Whether a known outlet is a site that carries others' articles (an aggregator or a
    forum, ``kind`` in the outlets table): it is never the article's outlet, and its own dates
    are the reposting's."""
    return outlet in _outlet_table(str(path)).reposting


@lru_cache(maxsize=8192)
def known_outlet(name: str, *, path: str | Path = config.OUTLETS_FILE) -> str:
    """The outlets table's name for ``name`` ("" when unknown). A short acronym (AP, KT) is
    known only as written in the table (or in capitals); a web address by its host; a credit's
    words after the name ("and agencies", "/ANN", "(with AFP)") and an edition's ("VnExpress
    International") are not part of it. An alias several outlets share is returned as
    ``ambiguous:<alias>``, to resolve from the page."""
    table = _outlet_table(str(path))
    key = _outlet_key(name)
    outlet = table.by_key.get(key, "")
    if outlet and key in table.acronyms:
        spelled = name.strip().strip(".,;:|()[]{}\"'“”*-–—=~ ")
        if spelled.removeprefix("The ").removeprefix("the ") not in table.acronyms[key]:
            return ""
    if not outlet and "." in key and " " not in key:
        host = key
        while not outlet and host.count(".") >= 2:
            host = host.split(".", 1)[1]
            outlet = table.by_key.get(host, "")
    if not outlet and (" " in key or "/" in key):
        written = name.strip().rstrip(".")
        last = key.rsplit(" ", 1)[-1]
        for suffix, applies in ((_CREDIT_SUFFIX, "/" in key or "(" in key or last in _CREDIT_WORDS),
                                (_EDITION_SUFFIX, last in _EDITION_WORDS)):
            stripped = suffix.sub("", written) if applies else written
            if stripped != written:
                outlet = known_outlet(stripped, path=path)
                if outlet:
                    break
    if not outlet and " " in key and (key.rsplit(" ", 1)[-1] in _KIND_WORDS
                                      or "-" in key):
        # a kind of outlet or the home country after its name ("Kampuchea Thmey Daily", "Antara
        # News Agency", "NHK World-Japan"): the name before it, when that is no bare word
        written = name.strip().rstrip(".")
        tail = _KIND_SUFFIX.search(written)
        head = written[:tail.start()].strip() if tail else ""
        if " " in head or len(head) > 5:
            outlet = known_outlet(head, path=path)
            if outlet and "-" in tail.group(0) and outlet_country(
                    outlet, path=path).lower() != tail.group(0).strip(" -‐‑–—").lower():
                outlet = ""  # "Xinhua-Reuters" is two names, not Xinhua of a country
    if not outlet and "/" in key and "://" not in key:
        # two wires credited together ("Reuters/Bernama", "VNA/VNS"): the first wrote it; a
        # wire and a person ("Xinhua/Li Ming") is a photo credit, no outlet
        names = [known_outlet(part, path=path) for part in name.split("/")]
        outlet = names[0] if len(names) == 2 and all(names) else ""
    return outlet


def resolve_ambiguous(name: str, *, countries: set[str], outlets: set[str],
                      path: str | Path = config.OUTLETS_FILE) -> str:
    """The outlet an ambiguous alias (``ambiguous:cna``) stands for on a page: the one of its
    outlets the page also names (by another alias, its web address or its site name), else the
    one based in the only country the page's other outlets and dateline place point to; "" when
    nothing decides. A name that is not ambiguous is returned as it is."""
    if not name.startswith(AMBIGUOUS_PREFIX):
        return name
    table = _outlet_table(str(path))
    choices = table.ambiguous.get(name.removeprefix(AMBIGUOUS_PREFIX), ())
    named = [c for c in choices if c in outlets]
    if len(named) == 1:
        return named[0]
    placed = [c for c in choices if table.country.get(c) in countries]
    return placed[0] if len(placed) == 1 else ""


def outlet_country(outlet: str, *, path: str | Path = config.OUTLETS_FILE) -> str:
    """The country a known outlet is based in ("" when unknown)."""
    return _outlet_table(str(path)).country.get(outlet, "")


def place_country(place: str, *, path: str | Path = config.OUTLETS_FILE) -> str:
    """The country a dateline's place names: a country in the outlets table, or the city an
    outlet there is based in ("Taipei": Taiwan); "" when unknown."""
    return _outlet_table(str(path)).places.get(" ".join(place.lower().split()), "")


def outlet_aliases(path: str | Path = config.OUTLETS_FILE) -> dict[str, str]:
    """Each name in the outlets table as looked up (lower case, no leading "The") -> the
    outlet's name."""
    return _outlet_table(str(path)).by_key


_QUALIFIER = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)$")


def outlet_identity(name: str, *, path: str | Path = config.OUTLETS_FILE) -> str:
    """The outlets table's name for an outlet's label, whichever of its aliases it is written
    as ("ANTARA", "NHK World-Japan", "Kampuchea Thmey Daily"); a shared alias qualified by a
    country or city in brackets ("ABC News (Australia)") is the one of its outlets based there.
    A label the table does not know, or a shared alias left unqualified ("CNA"), is returned as
    written, without case or runs of spaces.

    Args:
        name: an outlet's name as a person wrote it (a gold label, a ``metadata.csv`` value).

    Returns:
        A name that two labels of the same outlet share.
    """
    known = known_outlet(name, path=path)
    qualified = _QUALIFIER.match(name.strip())
    if qualified and (not known or known.startswith(AMBIGUOUS_PREFIX)):
        country = place_country(qualified["qualifier"], path=path)
        shared = known_outlet(qualified["name"], path=path)
        if country and shared:
            known = resolve_ambiguous(shared, countries={country}, outlets=set(), path=path)
    if known and not known.startswith(AMBIGUOUS_PREFIX):
        return known
    return " ".join(name.split()).lower()


def canonical_outlet(name: str) -> str:
    """The outlet name for an alias found in text ("TDI" -> "The Diplomatic Insight"); an
    unknown name as written."""
    return known_outlet(name) or " ".join(name.strip().strip(".").split())


# The words of a government office's name ("Embassy of India in Cambodia", "Ministry of Foreign
# Affairs, Kingdom of Thailand"), and the small words between its capitalised ones.
_OFFICE_WORDS = re.compile(r"\b(?:embassy|consulate|high\s+commission|ministry|department|"
                           r"permanent\s+mission|delegation|council\s+of\s+ministers|"
                           r"secretariat)\b", re.IGNORECASE)
_OFFICE_CONNECTORS = frozenset("of to in for and the & de".split())


def office_name(name: str) -> str:
    """A government office's name, as its statements' masthead or its site's name writes it
    ("Embassy of India, Phnom Penh", "MINISTRY OF FOREIGN AFFAIRS, KINGDOM OF THAILAND"): an
    office word, capitalised words and the state or city it belongs to; "" otherwise (an office
    without a place, "Ministry of Foreign Affairs", is anyone's).

    Args:
        name: a line or a site name.

    Returns:
        The name with its spaces (and a name in capitals, its letter case) tidied, or "".
    """
    if not _OFFICE_WORDS.search(name):
        return ""
    text = " ".join(name.strip(" .|:–—-").split())
    words = [word.strip(",.()'’") for word in text.split()]
    if not 2 <= len(words) <= 12 or any(
            word and not word[0].isupper() and word.lower() not in _OFFICE_CONNECTORS
            for word in words):
        return ""
    lowered = [word.lower() for word in words]
    if not any(place_country(" ".join(lowered[start:start + size]))
               for size in (1, 2, 3) for start in range(len(lowered) - size + 1)):
        return ""
    if text.isupper():
        text = " ".join(word.lower() if word.lower() in _OFFICE_CONNECTORS else word.capitalize()
                        for word in text.split())
    return text


def _looks_like_outlet(name: str) -> bool:
    """Whether an unknown name, read from a strong form, can be an outlet's name: an acronym or
    a short capitalised name with a word outlets use (News, Times, Agency, Institute...)."""
    words = name.split()
    if not 1 <= len(words) <= 7 or any(ch.isdigit() for ch in name) or "@" in name:
        return False
    if name.lower() in _NOT_OUTLETS or not name[0].isupper():
        return False
    if _ACRONYM.match(name):
        return True
    # a name of its own beside the outlet word ("Mekong Review") or a paper's "The" ("The
    # Standard"), not a bare word ("Post", "Online News")
    own = [w for w in words if w.lower().strip(".,'’") not in _GENERIC_WORDS]
    return bool(own or words[0] == "The") and bool(_OUTLET_WORDS.search(name)) and sum(
        w[0].isupper() for w in words if w[0].isalpha()) >= max(1, len(words) // 2)


def _credit_name(name: str, *, strong: bool) -> str:
    """A credited outlet from a slot of a credit form: a known outlet, or (from a strong form) an
    unknown name that looks like an outlet's; "" otherwise. A name with its short form in
    brackets ("Agence Kampuchea Presse (AKP)") is either."""
    cleaned = " ".join(name.strip().strip(".,;:|-–—=~*").split())
    if not cleaned:
        return ""
    known = known_outlet(cleaned)
    if known:
        return known
    if "(" in cleaned[1:]:
        head, _, inner = cleaned.partition("(")
        known = known_outlet(head) or known_outlet(inner.rstrip(")"))
        if known:
            return known
        cleaned = head.strip()
    return cleaned if strong and _looks_like_outlet(cleaned) else ""


# --- reading a page ---------------------------------------------------------------------------
@dataclass
class _Page:
    """The lines of an article and what the whole page shows (prose, forum, blog, comments)."""

    lines: list[str]
    scanned: list[int]  # indices of the non-empty lines read (head, then tail)
    head: set[int]
    prose_before: dict[int, int]  # scanned line -> how many prose lines come before it
    prose: set[int]
    first_prose: int | None
    last_prose: int
    comments_from: int | None
    forum: bool
    blog: bool
    day_first: bool
    email: bool  # the page opens with an e-mail's headers (From:, To:, Subject:)
    written: dict[int, str]  # a stamp line read in English -> the line as the page writes it


def _word_count(line: str) -> int:
    """Words in a stripped line (counted by its spaces: quick, for thresholds)."""
    return line.count(" ") + 1 if line else 0


def _prose_lines(lines: list[str], indices: list[int]) -> set[int]:
    """Which of the lines at ``indices`` are prose: 12 words or more ending a sentence, or 30
    words or more."""
    prose = set()
    for i in indices:
        line = lines[i]
        spaces = line.count(" ")
        if spaces >= 29 or spaces >= 11 and _SENTENCE_END.search(line[-8:]):
            prose.add(i)
    return prose


def _read_page(text: str) -> _Page:
    lines = list(map(str.strip, text.splitlines()))
    filled = list(compress(range(len(lines)), lines))
    head = filled[:HEAD_LINES]
    prose = _prose_lines(lines, head)
    if not prose:  # read on to the first paragraph of prose
        for i in filled[HEAD_LINES:MAX_HEAD_LINES]:
            head.append(i)
            if _prose_lines(lines, [i]):
                prose.add(i)
                break
    if len(head) < min(len(filled), MAX_HEAD_LINES) and _shows(
            "\n".join([lines[i] for i in head if len(lines[i]) < 100]).lower(), _FORUM_WORDS,
            _FORUM_PAGE):
        # A forum's chrome can fill the opening lines: read on to the first post's dateline.
        for position in range(len(head), min(len(filled), MAX_HEAD_LINES)):
            if _DATELINE_END.search(lines[filled[position]], 0, 300) and _dateline(
                    lines[filled[position]], prose=True):
                head += filled[len(head):position + 1]
                prose |= _prose_lines(lines, head)
                break
    tail = filled[max(len(head), len(filled) - TAIL_LINES - 1):]
    prose |= _prose_lines(lines, tail)
    tail = tail[1:] if len(tail) > TAIL_LINES else tail  # the line before the tail: is it prose?
    scanned = head + tail
    # Lines not read between the head and the tail count as prose: they are the article.
    prose_before, count = {}, 0
    for position, i in enumerate(scanned):
        if position == len(head) and tail:
            count += filled.index(tail[0]) - len(head)
        prose_before[i] = count
        count += i in prose
    first_prose = min(prose) if prose else None
    written = {}
    for i in scanned:
        line = lines[i]
        if i not in prose and len(line) < 100 and _DIGIT.search(line) and (
                not _date_matches(line) if line.isascii() else _OTHER_LETTER.search(line)):
            lines[i] = english_stamp(line)  # "Selasa, 13 Agustus 2024", a Khmer stamp
            if lines[i] is not line:
                written[i] = line
    window = "\n".join([lines[i] for i in scanned if len(lines[i]) < 100])
    lowered = window.lower()
    comments_from = None
    if first_prose is not None:
        comments_from = next((i for i in scanned if i > first_prose and len(lines[i]) < 80
                              and _COMMENTS_START.search(lines[i])), None)
    return _Page(
        lines=lines, scanned=scanned, head=set(head), prose_before=prose_before, prose=prose,
        first_prose=first_prose, last_prose=max(prose, default=-1), comments_from=comments_from,
        forum=_shows(lowered, _FORUM_WORDS, _FORUM_PAGE),
        blog=_shows(lowered, _BLOG_WORDS, _BLOG_PAGE),
        day_first=_writes_day_first("\n".join([lines[i][:80] for i in scanned])),
        email="From:" in window and ("Subject:" in window or "To:" in window)
        and bool(_EMAIL_HEADERS.search(window)),
        written=written,
    )


def _writes_day_first(window: str) -> bool:
    """Whether the page writes numeric dates day first (IST times, Indian agencies): looked for
    only when one of the words of :data:`_DAY_FIRST` is there."""
    return any(map(window.__contains__, _DAY_FIRST_WORDS)) and bool(_DAY_FIRST.search(window))


def _shows(lowered: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (case-insensitive) is found in the lines of a window (in lower case),
    looked for only in the lines holding one of ``words``, a word each of its forms needs (most
    pages have none)."""
    if not any(map(lowered.__contains__, words)):
        return False
    lines = [line for line in lowered.split("\n") if any(map(line.__contains__, words))]
    return bool(pattern.search("\n".join(lines)))


# A stamp line's reading time and counts ("4 min read", "Comments (3)", "1,203 views").
_PAGE_COUNTS = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read\b|\bcomments?\s*\(\d+\)|"
                          r"\b\d[\d,]*\s+(?:comments?|views?|shares?)\b|\bviews?\s*:?\s*\d[\d,]*",
                          re.IGNORECASE)
# A print edition's page beside its date ("Sat, Aug 20, 2022 - Page 8", "p. 3", "Print edition,
# page A8"): part of the stamp.
_PRINT_PAGE = re.compile(r"(?:\b(?:[Pp]rint|PRINT)\s+(?:[Ee]dition|[Vv]ersion|EDITION)\b"
                         r"\s*[,:|\-–]?\s*)?"
                         r"\b(?:[Pp]age|PAGE|[Pp]g\.?|PG|[Pp]\.)\s*[A-Za-z]?\d{1,3}\b(?![,.]?\d)")
# A label before a name in a stamp line ("Source: Xinhua", "From: Xinhua", "Editor: Wang Li",
# "by Sok Dara", "in News"): the name is what follows it.
_PART_LABEL = re.compile(r"^(?:(?:news\s+)?source|from|via|editors?|author|writer|reporter|"
                         r"(?:posted|written|published)\s+by|by|in)\s*[:：]?\s+(?=\S)",
                         re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(?:at|on|le|the)\s*(?=\||$)|\(\s*\)|\b(?:[ap]\.?m\.?)(?!\w)",
                         re.IGNORECASE)


# Punctuation around a part of a stamp line, with the full-width brackets of East Asian pages.
_PART_PUNCTUATION = " .,:;()[]-–—|【】（）［］〔〕："


def _residue_parts(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of a short line left when its dates, times, weekdays and date words are
    removed, split at separators."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(line[position:start])
        position = end
    pieces.append(line[position:])
    rest = " | ".join(pieces)
    rest = _RELATIVE_PHRASE.sub(" | ", rest)
    rest = _TIME.sub(" | ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _DATE_WORDS.sub(" ", rest)
    if _DIGIT.search(rest):
        rest = _PAGE_COUNTS.sub(" | ", rest)
        if "g" in rest or "G" in rest or "p." in rest or "P." in rest:  # page, pg, p.
            rest = _PRINT_PAGE.sub(" | ", rest)
    parts = [_PART_LABEL.sub("", p.strip(_PART_PUNCTUATION)) for p in _PART_SPLIT.split(rest)]
    return [p for p in parts if p]


def _dateline(line: str, *, prose: bool) -> tuple[re.Match[str], str] | None:
    """The dateline opening ``line`` and its credited agency ("" when none), or None. A
    dateline without an agency must open a line of prose (a headline "Paris Peace Agreements,
    23 October 1991 – ..." is none)."""
    match = _DATELINE.match(line) or (_DATE_FIRST_DATELINE.match(line) if line[:1].isdigit()
                                      or line[:3].lower() in _DAY_WORD_STARTS else None)
    if not match or match.end() >= len(line):
        return None
    groups = match.groupdict()
    place = groups["place"]
    if place.split()[0].lower().strip(",") in _NOT_PLACES or len(place.split()) > 5:
        return None
    agency = ""
    if groups.get("lead") or groups.get("agency"):
        agency = _credit_name(groups.get("lead") or groups["agency"], strong=True)
    elif groups.get("bare"):
        agency = known_outlet(groups["bare"])
    # Without an agency, the date must open a sentence of the text: a paragraph of prose, or a
    # short first paragraph ("PHNOM PENH, March 5 — The talks ended early.").
    rest = line[match.end():]
    if not agency and not (groups["date"] and (prose or _word_count(rest) >= 5
                                               and _SENTENCE_END.search(rest[-8:]))):
        return None
    return match, agency


# --- the candidates of one line ---------------------------------------------------------------
@dataclass
class _Found:
    """What the lines of a page state, before choosing."""

    dates: list[DateCandidate] = field(default_factory=list)
    credits: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, outlet, line)
    sites: list[tuple[str, str, int]] = field(default_factory=list)
    year_hints: list[tuple[date, int, str]] = field(default_factory=list)  # (day, line, kind)
    # How the page's unambiguous numeric dates with the year last are written ("day first" for
    # 17.04.2025, "month first" for 04/17/2025): one order only tells how to read 05/03/2025.
    numeric_orders: set[str] = field(default_factory=set)
    # An outlet's name alone on a line under the headline (a wire's name as a byline).
    outlet_lines: list[tuple[str, int]] = field(default_factory=list)


def _date_kind(page: _Page, i: int, line: str, before: str, parts: list[str],
               dateline_end: int, start: int, short: bool) -> str:
    """The kind of the date found at ``start`` in line ``i`` ("" when it is no candidate)."""
    if page.comments_from is not None and i >= page.comments_from:
        return "comment stamp"
    if start < dateline_end:
        return "dateline"
    if _TODAY.search(line):
        return "today bar"
    if _JOINED.search(line):
        return "joined"
    if _FORUM.search(line) or (page.forum and re.search(r"(?i)\bposted\b", line)):
        return "forum stamp"
    if _COMMENT_LINE.search(line):
        return "comment stamp"
    if page.email and _EMAIL_STAMP.search(line):
        return "e-mail stamp"
    if before and _OTHER_DATE.search(before):
        return ""  # "Closing date: 15 March 2024", "Deadline: ..." are about something else
    for kind, pattern in _KEYWORDS:
        if pattern.search(before):
            return kind
    if _PRINT_CREDIT.match(line):
        return "print credit"
    if _SOURCE.match(line) and short:
        return "agency stamp"
    if _BYLINE.match(line) and short:
        return "byline stamp"
    early = page.prose_before.get(i, 0) < 3
    above_text = page.first_prose is None or i < page.first_prose
    if short:
        # "Update :", "Published" left beside the dates are the stamp's own words
        parts = [p for p in parts if not _STAMP_WORD.match(p)]
        outlets = [p for p in parts if known_outlet(p) or (p.startswith("(") and p.endswith(")"))]
        names = [p for p in parts if p not in outlets and _NAME_PART.match(p)]
        if outlets and len(outlets) == len(parts):
            return "agency stamp"
        if outlets and len(outlets) + len(names) == len(parts):
            return "byline stamp"
        if not parts:
            if not early or i > page.last_prose >= 0:
                return "page stamp"  # dates under related stories, comments, photos
            return "byline stamp" if _by_credit(page, i) else "date line"
        if len(parts) == 1 and len(names) == 1 and len(parts[0].split()) <= 4 \
                and " and " not in parts[0]:
            if above_text:
                return "date line"  # Phnom Penh, 21 April 2024 above the text
            return "closing date line" if i > page.last_prose else ""
        if names and len(names) == len(parts) <= 3 and above_text and early \
                and i != page.scanned[0] and all(_word_count(n) <= 5 for n in names):
            return "byline stamp"  # Sok Dara and Jane Doe | 17.04.2025
    if early and above_text:
        return "headline date"
    return ""


def _by_credit(page: _Page, i: int) -> bool:
    """Whether date line ``i`` stands in a credited article's own block: right after a byline
    or a credit line (an outlet's name alone, not the page's first line), right before a
    byline (a paper's article pasted into a forum post: "headline / Monday, 21 December 2009
    / Written by ..."), or, in a forum post, under a headline under a paper's masthead."""
    previous = next((j for j in range(i - 1, -1, -1) if page.lines[j]), None)
    following = next((j for j in range(i + 1, len(page.lines)) if page.lines[j]), None)
    if following is not None and _is_byline(page.lines[following]):
        return True
    if previous is None or previous == page.scanned[0]:
        return False
    line = page.lines[previous]
    if _is_byline(line) or known_outlet(line):
        return True
    # In a forum post, a paper's masthead, its headline, then its date: the pasted article's.
    above = next((j for j in range(previous - 1, -1, -1) if page.lines[j]), None)
    return page.forum and above is not None and above != page.scanned[0] and (
        _word_count(line) >= 4 and not known_outlet(line) and bool(known_outlet(page.lines[above])))


def _is_byline(line: str) -> bool:
    """Whether a line is a short byline ("By Jane Doe", "Written by ...")."""
    return _word_count(line) <= MAX_STAMP_WORDS and bool(_BYLINE.match(line))


def _line_dates(page: _Page, i: int, line: str, dateline_end: int,
                found: _Found) -> None:
    """Add the date candidates of line ``i`` (and the years it gives) to ``found``."""
    if _is_copyright(line) or _RELATIVE.search(line) and not DATE_PATTERN.search(line):
        return
    matches = _date_matches(line)
    if not matches:
        heading = _ARCHIVE_HEADING.match(line)
        if heading:
            month = _MONTHS[heading.group("month").lower()]
            last = _valid_day(int(heading.group("year")), month, 28)
            found.year_hints.append((last, i, "archive heading"))
        month_line = _MONTH_LINE.match(line)
        if month_line and not (page.blog or page.forum) and i in page.head and (
                page.first_prose is None or i < page.first_prose):
            first = date(int(month_line.group("year")),
                         _MONTHS[month_line.group("month").lower()], 1)
            found.dates.append(DateCandidate("month line", first, i, line[:80]))
        return
    words = len(line.split())
    short = words <= MAX_STAMP_WORDS and not (i in page.prose and not dateline_end)
    parts = _residue_parts(line, [m.span() for m in matches]) if short else []
    previous_end = 0
    for match in matches:
        value = _parts_of(match, day_first=page.day_first)
        readings = _readings(match) if value is None else ()
        if len(readings) == 2:
            settled = _weekday_reading(line, match, readings)
            if settled is not None:  # readings are (day first, month first)
                found.numeric_orders.add("day first" if settled == readings[0] else "month first")
                value, readings = (settled.year, settled.month, settled.day), ()
        if match.group("ny"):
            first, second = int(match.group("na")), int(match.group("nb"))
            if first > 12 >= second:
                found.numeric_orders.add("day first")
            elif second > 12 >= first:
                found.numeric_orders.add("month first")
            elif value is None:  # a time zone beside it tells where the page writes from
                zone = _ORDER_ZONE.search(line)
                if zone:
                    found.numeric_orders.add("month first" if zone.group("us") else "day first")
        before = line[previous_end:match.start()]
        previous_end = match.end()
        if value is None and len(readings) < 2:
            continue
        kind = _date_kind(page, i, line, before, parts, dateline_end, match.start(), short)
        if kind == "headline date":
            # set off at the end of the headline: "..., March 3, 2024", "(30 July 2018)",
            # "– 28/3/2023"; not "Remembering June 4, 1989"
            closing = line[match.end():].strip(" )].")
            opening = line[:match.start()].rstrip()
            if closing or not opening.endswith((",", "(", "–", "—", "-", "|", ":")) \
                    or words - len(match.group(0).split()) < 4:
                continue
        if not kind:
            continue
        if page.forum and kind in ("date line", "headline date"):
            kind = "forum stamp"  # a post's date and a thread's title, not the article's
        evidence = page.written.get(i, line)[:80]
        if value is None:
            found.dates.append(DateCandidate(kind, None, i, evidence, readings=readings))
            continue
        year, month, day = value
        if year is None:
            if kind in ("dateline", "agency stamp", "byline stamp", "publication line",
                        "date line"):  # "Aug. 5, 20:21 JST" under the headline
                found.dates.append(DateCandidate(kind, None, i, evidence, (month, day)))
            continue
        found.dates.append(DateCandidate(kind, date(year, month, day), i, evidence))
        if kind != "joined":
            found.year_hints.append((date(year, month, day), i, kind))
        if kind == "page stamp" and not parts and _closes_text(page, i):
            # an agency's stamp right under its last paragraph ("(END)", "2024/03/12 14:30 KST")
            found.year_hints.append((date(year, month, day), i, "closing stamp"))


def _closes_text(page: _Page, i: int) -> bool:
    """Whether line ``i`` comes right after the text's last paragraph (only an end mark or an
    editor's line between), before any comments: an agency's closing stamp, not a related
    story's date further down."""
    if page.last_prose < 0 or i <= page.last_prose or (
            page.comments_from is not None and i >= page.comments_from):
        return False
    following = next((line for line in page.lines[i + 1:] if line), "")
    if _word_count(following) >= 4 and not _is_copyright(following):
        return False  # a date over a related story's headline
    return all(_END_MARK.match(page.lines[j]) for j in range(page.last_prose + 1, i)
               if page.lines[j])


# What an agency prints between its text and its stamp: "(END)", "/End/", "(Editor: Li Ming)".
_END_MARK = re.compile(r"^[(\[/]?\s*(?:end|ends|editors?\s*[:：][^()]{1,40})\s*[)\]/]?$",
                       re.IGNORECASE)


def _url_dates(page: _Page, i: int, line: str, found: _Found) -> None:
    match = _URL_LINE.match(line)
    if not match:
        return
    url = match.group("url")
    site = known_outlet(url)
    label = " ".join((match.group("label") or "").lower().split()[:2])
    if site and not site.startswith(AMBIGUOUS_PREFIX) and (
            label in _ORIGINAL_LINK or label.startswith(("full", "read", "continue"))):
        found.credits.append(("originally published", site, i))  # "In full: <address>"
    elif site:
        found.sites.append(("web address", site, i))
    month = _URL_MONTH.search(url)
    if month and not any(pattern.search(url) for pattern in _URLDATE_PATTERN):
        first = _valid_day(int(month.group("y")), int(month.group("m")), 1)
        if first:
            found.dates.append(DateCandidate("url month", first, i, url[:80]))
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            found.year_hints.append((last, i, "url month"))
        return
    for pattern in _URLDATE_PATTERN:
        hit = pattern.search(url)
        if not hit:
            continue
        groups = hit.groupdict()
        if "a" in groups and groups.get("a"):
            a, b = int(groups["a"]), int(groups["b"])
            readings = [d for d in (_valid_day(int(groups["y"]), a, b),
                                    _valid_day(int(groups["y"]), b, a)) if d]
            day = readings[0] if len(set(readings)) == 1 else None
        else:
            day = _valid_day(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if day:
            kind = "comment stamp" if page.comments_from is not None and i >= page.comments_from \
                else "url"
            found.dates.append(DateCandidate(kind, day, i, url[:80]))
        return


# --- outlets of one line ----------------------------------------------------------------------
def _byline_outlet(rest: str) -> tuple[str, str]:
    """(outlet, author) of a byline's text after "By"."""
    outlet, authors = "", []
    spans = [m.span() for m in DATE_PATTERN.finditer(rest)]
    staff = _STAFF.match(rest.strip())
    if staff and not spans:
        name = _credit_name(staff.group("name"), strong=True)
        if name:
            return name, ""
    separated = re.split(r"\s*(/|\||,|;|\s[-–—]\s|\s+for\s+|\(|\))\s*", rest)
    after = ""
    for piece in separated:
        if piece in ("/", "|", ",", ";", "(", ")") or piece.strip() in ("-", "–", "—") \
                or piece.strip() == "for":
            after = piece.strip()
            continue
        piece = piece.strip()
        if not piece or DATE_PATTERN.search(piece) or _TIME.fullmatch(piece):
            continue
        staff = _STAFF.match(piece)
        name = known_outlet(staff.group("name") if staff else piece)
        if not name and after in ("/", "for", "("):
            name = _credit_name(piece, strong=True)
        if not name:
            name, piece = _outlet_suffix(piece)
        piece = re.sub(r"\s+in\s+[A-Z].*$", "", piece)
        if name:
            outlet = outlet or name
        if piece and _NAME_PART.match(piece) and not (name and piece == name):
            authors.append(piece)
    return outlet, ", ".join(authors)


def _outlet_suffix(words_text: str) -> tuple[str, str]:
    """(outlet, the rest) for a byline piece that ends with a known outlet's name ("Neou
    Vannarin THE CAMBODIA DAILY"): a name of two words or more, or one word in capitals after a
    name that is not (in "By LI XINHUA" the whole byline is capitals: a person's name)."""
    words = words_text.split()
    for size in range(len(words) - 1, 0, -1):
        suffix = " ".join(words[-size:])
        single = suffix.isupper() and not " ".join(words[:-size]).isupper()
        if (size >= 2 or single) and known_outlet(suffix):
            return known_outlet(suffix), " ".join(words[:-size])
    return "", words_text


def _original_note(page: _Page, i: int, line: str, found: _Found) -> str:
    """The outlet a repost's note credits with the article ("This story was originally
    published by X on 21 March 2023 and is republished here under a partnership"), "" when
    none; the date the note gives the original is added to ``found`` ("original publication").

    A name after "originally published by / in / on", "first appeared in", "courtesy of",
    "republished from" may be unknown when it looks like an outlet's; any other name in the note
    must be a known outlet, and "republished on X" names the reposting site, not the outlet."""
    if _PHOTO_CREDIT.match(line):
        return ""
    outlet = ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
        cue = _ORIGINAL_CUE.search(sentence)
        if not cue and not _REPUBLISH_CUE.search(sentence):
            continue
        if cue and cue.group(0).lower().startswith("courtesy") and _PHOTO_NOTE.search(
                sentence[max(0, cue.start() - 25):cue.start()]):
            continue  # "Photo courtesy of X" credits a picture
        if cue and cue.group(0).lower().startswith(("is", "was", "were", "has")):
            subject = sentence[:cue.start()].strip().lower()
            if subject not in ("", "it", "this") and not _THIS_ARTICLE.search(subject):
                continue  # "The report was published on 4 March by the ministry": another text
        if cue and not sentence[cue.end():].lstrip().startswith(":"):
            _original_dates(page, i, sentence, cue.end(), found)  # not "First published: ..."
        for match in _NOTE_NAME.finditer(sentence):
            lead = sentence[:match.start()]
            if match.group("prep").lower() in ("on", "at", "by", "in") and _REPOSTING.search(lead):
                continue
            direct = cue is not None and (
                match.start() == cue.end() or re.fullmatch(
                    r"\s*(?:on\s+[^,;]{3,25}?\s*)?", sentence[cue.end():match.start()]) is not None)
            name = _note_name(match.group("name"), strong=direct)
            if name:
                outlet = outlet or name
                break
        if outlet:
            break
    return outlet


def _note_name(text: str, *, strong: bool) -> str:
    """The longest known outlet opening ``text`` (a run of capitalised words); with ``strong``,
    an unknown run that looks like an outlet's name ("the Lowy Institute's" is the Lowy
    Institute)."""
    words = re.sub(r"['’]s\b", "", text).split()
    for size in range(len(words), 0, -1):
        name = known_outlet(" ".join(words[:size]))
        if name:
            return name
    while words and words[-1].lower() in ("of", "for", "and", "&", "de"):
        words.pop()
    return _credit_name(" ".join(words), strong=True) if strong and words else ""


def _original_dates(page: _Page, i: int, sentence: str, start: int, found: _Found) -> None:
    """Add the dates a repost's note gives the original ("originally published ... on 21 March
    2023"), read after the cue and before the reposting ("and is republished on ...")."""
    republish = _REPUBLISH_CUE.search(sentence, start)
    clause = sentence[start:republish.start() if republish else len(sentence)]
    for match in DATE_PATTERN.finditer(clause):
        value = _parts_of(match, day_first=page.day_first)
        if value is None:
            continue
        year, month, day = value
        if year is None:
            found.dates.append(DateCandidate("original publication", None, i, sentence[:80],
                                             (month, day)))
            continue
        found.dates.append(DateCandidate("original publication", date(year, month, day), i,
                                         sentence[:80]))
        found.year_hints.append((date(year, month, day), i, "original publication"))
        return


def _line_outlets(page: _Page, i: int, line: str, found: _Found, *, short: bool) -> str:
    """Add the outlet credits and site names of line ``i`` (``short``: of at most
    :data:`MAX_STAMP_WORDS` words); returns the metadata reason for a line that is only a credit
    ("" when none). Each form is looked for only when the line opens as it needs (a quick test
    of its first letters or a word it needs, before the pattern)."""
    opening = line[:30].lower()
    after_text = page.first_prose is not None and i > page.first_prose
    # "first published in X" inside the text is about something else: a credit is a short
    # line, or a paragraph before the text's third paragraph or at its end saying "this
    # article ... was first published in X".
    lowered = line.lower() if short or i >= page.last_prose or i in page.head and (
        page.prose_before.get(i, 0) < 3) else ""
    if any(map(lowered.__contains__, _NOTE_WORDS)) and (short or _THIS_ARTICLE.search(lowered)):
        name = _original_note(page, i, line, found)
        if name:
            found.credits.append(("originally published", name, i))
            return "metadata: credit" if short else ""
    source = _SOURCE.match(line) if "source" in opening else _CREDIT_LABEL.match(line) if (
        short and ":" in opening) else None
    if source and not re.match(r"(?i)^[(\[]?\s*sources?\s*:?\s*(?:say|said|told|close)\b", line):
        rest = source.group("rest")
        first = re.split(r"\s*(?:\||,|;|\s[-–—]\s)\s*", rest)[0]
        name = ""
        if "/" not in first or _URL.match(first):
            name = _credit_name(first, strong=len(first.split()) <= 6)
        words = first.split()
        for size in range(min(4, len(words)), 0, -1):
            if name:
                break
            name = known_outlet(" ".join(words[:size]))
        if name:
            found.credits.append(("source line", name, i))
            return "metadata: source" if short else ""
    news_agency = _NEWS_AGENCY_LINE.match(line) if "News Agency" in line else None
    if news_agency:
        found.credits.append(("news agency line",
                              _credit_name(news_agency.group("agency"), strong=True), i))
        return ""
    byline = _BYLINE.match(line) if short and opening[:1] in _BYLINE_FIRST else None
    if byline:
        # "Reported by RFA Khmer. Translated by X. Edited by Y.": the credit before the others
        outlet, _author = _byline_outlet(_LATER_CREDITS.split(byline.group("rest"))[0])
        if outlet:
            found.credits.append(("byline", outlet, i))
        return ""
    if (short or _COPYRIGHT_OPENING.match(line) and _word_count(line) <= MAX_COPYRIGHT_WORDS) \
            and _is_copyright(line):
        name = _copyright_holder(line)
        if name:
            found.sites.append(("copyright", name, i))
        return ""
    if short and after_text:
        closing = _CLOSING.match(line)
        if closing:
            name_text = closing.group("name")
            printed = _PRINT_CREDIT.match(line)
            if printed:
                name_text = printed.group("name")
            known = known_outlet(name_text)
            previous = next((j for j in range(i - 1, -1, -1) if page.lines[j]), None)
            strong = previous in page.prose and (line.startswith(("(", "[")) or printed)
            name = known or (_credit_name(name_text, strong=True) if strong else "")
            if name:
                found.credits.append(("closing credit", name, i))
                return "metadata: source"
    inline = _inline_credit(page, i, line) if after_text and (
        line.endswith(")") or "—" in line[-40:] or "–" in line[-40:] or "--" in line[-40:]
        or "==" in line[-40:] or "-" in line[-40:] and _fused_dash(line[-40:])) else ""
    if inline:
        found.credits.append(("closing credit", inline, i))
        return ""
    stamp = _agency_stamp(line) if short and _DIGIT.search(line) else ""
    if stamp:
        found.credits.append(("agency stamp", stamp, i))
        return ""
    desk = _DESK.match(line) or _STAFF_LINE.match(line) if short and i in page.head and (
        not after_text) and line.endswith(("k", "K", "m", "M", "s", "S", "f", "F")) else None
    if desk and not _NOT_DESKS.search(line):
        # a desk's credit under the headline ("Thai PBS World's Regional Desk", "Web Desk")
        name = _note_name(desk.group("words"), strong=False)
        if name:
            found.credits.append(("byline", name, i))
        return "metadata: byline"
    for_outlet = _FOR_OUTLET.match(line) if short and not after_text and " for " in line \
        else None
    if for_outlet and known_outlet(for_outlet.group("outlet")):
        found.credits.append(("byline", known_outlet(for_outlet.group("outlet")), i))
        return "metadata: byline"
    if short and "/" in line and not (after_text and known_outlet(line)) or opening.lstrip(
            "([ ")[:1] in _PHOTO_FIRST and _PHOTO_CREDIT.match(line):
        return ""  # a photo credit (Xinhua/Li Ming, Photo: AFP) names who took the picture
    if short:
        pieces = [line, *(_PART_SPLIT.split(line) if len(line.split()) <= 10 else [])]
        name = next(filter(None, map(known_outlet, pieces)), "")
        if not name and i in page.scanned[:3] and (page.first_prose is None
                                                     or i < page.first_prose):
            # a post's account name, at its top: "Chinese Embassy in Cambodia @ChinaEmbCambodia"
            account = line if line.isascii() and "@" not in line and " on " not in line \
                else _ACCOUNT_TAIL.sub("", line)
            name = known_outlet(account) if account != line else ""
        if not name and i in page.scanned[:4] and not after_text and i in page.head:
            office = office_name(line)  # an office's statement under its masthead
            if office:
                found.sites.append(("masthead", office, i))
                return "metadata: masthead"
        if name:
            previous = next((j for j in range(i - 1, -1, -1) if page.lines[j]), None)
            if after_text and known_outlet(line) and previous in page.prose:
                found.credits.append(("closing credit", name, i))
                return "metadata: source"
            if _looks_like_stamp(line, name) or known_outlet(line) and _above_text(page, i):
                found.credits.append(("byline", name, i))
                return ""
            if i in page.head and not after_text:
                found.sites.append(("masthead", name, i))
                if known_outlet(line) and _below_headline(page, i):
                    found.outlet_lines.append((name, i))
                return "metadata: masthead" if known_outlet(line) else ""
            if i not in page.head or after_text:
                found.sites.append(("footer", name, i))
            return ""
    if i in page.head and (page.first_prose is None or i < page.first_prose) and ":" in line[:41]:
        prefix = _HEADLINE_PREFIX.match(line)
        if prefix and known_outlet(prefix.group("name")):
            found.credits.append(("headline prefix", known_outlet(prefix.group("name")), i))
    return ""


def _copyright_holder(line: str) -> str:
    """The outlet a copyright line names (``© 2024 The Phnom Penh Post``, ``Copyright
    1998-2024, RFA. Used with the permission of ...``): a known outlet, or a short capitalised
    name; "" when none."""
    holder = re.sub(r"(?i)©|\(c\)|copyright|all rights reserved\.?|\d{4}\s*[-–]\s*\d{4}|"
                    r"\d{4}", " ", line)
    pieces = [_COMPANY.sub("", re.sub(r"(?i)^\s*by\s+", "", piece).strip(" .,"))
              for piece in re.split(r"\s*(?:\||\.\s|,|\bpowered by\b|\bdesigned by\b)\s*",
                                    holder.strip(" .,"), flags=re.IGNORECASE)]
    if not pieces[0] and len(pieces) > 1:  # "Copyright 2024, RFA": the name after the year
        return known_outlet(pieces[1])
    holder = " ".join(pieces[0].split())
    return known_outlet(holder) or (holder if _NAME_PART.match(holder)
                                    and 1 <= len(holder.split()) <= 6 else "")


def _is_copyright(line: str) -> bool:
    """Whether a line is a copyright line (``© 2024 X``, ``... All rights reserved.``)."""
    if "©" not in line:
        lowered = line.lower()
        if not ("copyright" in lowered or "(c)" in lowered or "rights reserved" in lowered):
            return False
    return bool(_COPYRIGHT.search(line))


def _fused_dash(end: str) -> bool:
    """Whether the end of a line has a hyphen right after a sentence's end ("... said.-
    Bernama", '... year." - AFP'): where a wire's credit is fused to the last sentence."""
    dash = end.rfind("-")
    return dash > 0 and end[:dash].rstrip()[-1:] in _SENTENCE_CLOSERS


_SENTENCE_CLOSERS = frozenset('.!?"”’)')


def _inline_credit(page: _Page, i: int, line: str) -> str:
    """The known outlet credited at the end of a paragraph after the text ("... next month.
    — Kyodo", "... said. (AFP)"), "" when none: on a line of prose, or after a sentence."""
    end = line[-40:]
    if not (end.endswith(")") or "—" in end or "–" in end or "--" in end or "==" in end
            or _fused_dash(end)) or (
            page.comments_from is not None and i >= page.comments_from):
        return ""
    inline = _INLINE_CLOSING.search(end)
    if not inline:
        return ""
    before = (line[:len(line) - len(end)] + end[:inline.start()]).rstrip()
    if i not in page.prose and not (_word_count(before) >= 3 and _SENTENCE_END.search(before)):
        return ""
    return known_outlet(inline.group("name") or inline.group("paren"))


def _agency_stamp(line: str) -> str:
    """The outlet of an agency stamp: a short line that is only an outlet's name and a date or
    time (``(Xinhua) 15:04, March 12, 2024``, ``KYODO NEWS - Apr 19, 2025 - 18:40``); ""
    otherwise. A name in brackets need not be known."""
    if not _DIGIT.search(line):
        return ""
    spans = [m.span() for m in _date_matches(line)]
    if not spans and not _TIME.search(line):
        return ""
    parts = _residue_parts(line, spans)
    if len(parts) != 1:
        return ""
    bracketed = re.match(r"\(([^()]{2,40})\)", line.strip())
    if bracketed and bracketed.group(1).strip(" .") == parts[0]:
        return _credit_name(parts[0], strong=True)
    return known_outlet(parts[0])


def _above_text(page: _Page, i: int) -> bool:
    """Whether line ``i`` stands just above the text, with only stamps (dates, "2 years ago",
    a byline) between it and the first paragraph: where a credit stands, not a masthead."""
    if page.first_prose is None or i >= page.first_prose or i == page.scanned[0]:
        return False
    between = [page.lines[j] for j in range(i + 1, page.first_prose) if page.lines[j]]
    return all(len(line.split()) <= 8 and (any(ch.isdigit() for ch in line)
                                           or _RELATIVE.search(line) or _BYLINE.match(line))
               for line in between)


def _below_headline(page: _Page, i: int) -> bool:
    """Whether a line of the opening comes after a line of four words or more that names no
    outlet (a headline): where a byline stands, not a masthead."""
    return any(_word_count(page.lines[j]) >= 4 and not known_outlet(page.lines[j])
               for j in page.scanned if j < i)


def _site_title(page: _Page) -> str:
    """A blog's or forum's name on the page's first line ("KhmerTalk Forum"): a short name of
    capitalised words, on a page that shows a blog's or forum's furniture; "" otherwise."""
    if not (page.blog or page.forum) or not page.scanned:
        return ""
    first = page.lines[page.scanned[0]]
    words = first.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() or ch in "|/•·:" for ch in first):
        return ""
    connectors = {"of", "and", "the", "to", "for", "in", "on", "&"}
    return first if all(w[0].isupper() or w in connectors for w in words) else ""


def _looks_like_stamp(line: str, outlet: str) -> bool:
    """Whether a short line naming an outlet is a byline or stamp (``Thou Vireak | The Phnom
    Penh Post``, ``Reuters | Phnom Penh``, ``RFA | 24 August 2018``) rather than a masthead."""
    spans = [m.span() for m in _date_matches(line)]
    parts = _residue_parts(line, spans)
    others = [p for p in parts if known_outlet(p) != outlet]
    if len(parts) < 2 and not spans or any(known_outlet(p) for p in others):
        return False  # several outlets on a line are a menu
    return len(parts) <= 4 and all(_NAME_PART.match(p) or _KEYWORDS[0][1].search(p)
                                   or _KEYWORDS[1][1].search(p) for p in others)


# --- choosing ---------------------------------------------------------------------------------
def _resolve_readings(candidates: list[DateCandidate], orders: set[str]
                      ) -> list[DateCandidate]:
    """Ambiguous numeric dates read the way the page writes its unambiguous ones (``orders``:
    one order only; a page that writes both ways settles nothing), or else the one way that
    another date on the page confirms (within :data:`ROLLBACK_DAYS` days, or the same month and
    day); the others stay unread."""
    stated = [c.day for c in candidates if c.day is not None and c.kind != "file name"]
    month_days = {c.month_day for c in candidates if c.day is None and c.month_day}
    updated = [c.day for c in candidates if c.kind == "updated stamp" and c.day is not None]
    resolved = []
    for candidate in candidates:
        if candidate.readings:
            # readings are (day first, month first) when both are valid
            confirmed = [d for d in candidate.readings
                         if (d.month, d.day) in month_days
                         or any(abs(d - other) <= timedelta(days=ROLLBACK_DAYS)
                                for other in stated)]
            reading = candidate.readings[0 if "day first" in orders else 1]
            if len(orders) == 1 and all(reading <= day + timedelta(days=DATES_AGREE_DAYS)
                                        for day in updated):
                confirmed = [reading]  # (an update is never made before the publication)
            if len(confirmed) == 1:
                candidate = DateCandidate(candidate.kind, confirmed[0], candidate.line,
                                          candidate.evidence)
        resolved.append(candidate)
    return resolved


# Stamps that never give a dateline its year: a reader's comment or a related story's date may
# come years later, a "Today is ..." bar is the day the page was saved.
_NO_YEAR_KINDS = frozenset({"comment stamp", "page stamp", "today bar"})


def _complete_years(candidates: list[DateCandidate],
                    hints: list[tuple[date, int, str]]) -> list[DateCandidate]:
    """Month-day candidates given the year of the nearest dated stamp (or left without)."""
    completed = []
    for candidate in candidates:
        if candidate.day is not None or candidate.month_day is None:
            completed.append(candidate)
            continue
        month, day = candidate.month_day
        # (an address's year and month gives its year only to a day of that month)
        usable = [h for h in hints if h[2] not in _NO_YEAR_KINDS
                  and (h[2] != "url month" or h[0].month == month)]
        if not usable:
            completed.append(candidate)
            continue
        hint_day, hint_line, hint_kind = min(usable, key=lambda h: (abs(h[1] - candidate.line),
                                                                    h[1]))
        guess = _valid_day(hint_day.year, month, day)
        if guess is not None and guess > hint_day + timedelta(days=ROLLBACK_DAYS):
            guess = _valid_day(hint_day.year - 1, month, day)
        if guess is None:
            completed.append(candidate)
            continue
        completed.append(DateCandidate(
            candidate.kind, guess, candidate.line, candidate.evidence, candidate.month_day,
            year_from=f"{hint_kind}, line {hint_line + 1}"))
    return completed


def _choose_date(candidates: list[DateCandidate], *, repost: bool, known_site: bool
                 ) -> tuple[DateCandidate | None, list[DateCandidate], list[DateCandidate]]:
    """The chosen candidate (None when there is none, or when strong candidates disagree), the
    rejected ones, and those that disagree with the choice (or with each other)."""
    noted = any(c.kind == "original publication" and c.day is not None for c in candidates)
    own_kinds = ("date line", "posted stamp", "page metadata") + (
        ("publication line",) if noted else ())  # a repost's own "Published" line
    marked = []
    for candidate in candidates:
        if repost and not known_site and candidate.kind in own_kinds:
            candidate = DateCandidate("repost stamp", candidate.day, candidate.line,
                                      candidate.evidence, candidate.month_day,
                                      candidate.year_from)
        marked.append(candidate)
    headline_days = {c.day for c in marked if c.kind == "headline date"}
    url_days = {c.day for c in marked if c.kind == "url"}
    month_days = {(c.kind, c.day) for c in marked if c.kind in MONTH_KINDS}
    # a stamp of the page without its year, in another month than its address's: no month
    unplaced = {c.month_day[0] for c in marked if c.day is None and c.month_day}
    usable = [c for c in marked if c.kind in DATE_KINDS and c.day is not None
              and not (c.kind == "headline date" and len(headline_days) > 1)
              and not (c.kind == "url" and len(url_days) > 1)
              and not (c.kind in MONTH_KINDS
                       and len({day for kind, day in month_days if kind == c.kind}) > 1)
              and not (c.kind == "url month" and unplaced - {c.day.month})]
    if not usable:
        return None, marked, []

    def order(c: DateCandidate) -> tuple[int, int]:
        position = -1 if c.line is None else c.line
        if c.kind == "date line":
            position = -position  # the date line nearest the text
        return DATE_KINDS.index(c.kind), position

    usable.sort(key=order)
    chosen = usable[0]
    if chosen.year_from:
        same = [c for c in usable if c.day == chosen.day and not c.year_from]
        chosen = same[0] if same else chosen
    rejected = [c for c in marked if c is not chosen]
    gap = timedelta(days=DATES_AGREE_DAYS)
    # Two of the article's own stamps, or two stamps of the kind chosen, that disagree: no guess.
    peers = STRONG_KINDS if chosen.kind in STRONG_KINDS else {chosen.kind}
    rivals = [c for c in usable if c.kind in peers and abs(c.day - chosen.day) > gap]
    if rivals:
        return None, marked, [chosen, *rivals]
    disagreeing = [c for c in rejected if c.day is not None and (
        (c.kind in MONTH_KINDS and c.day != chosen.day.replace(day=1))
        or (c.kind in DATE_KINDS and c.kind not in MONTH_KINDS and abs(c.day - chosen.day) > gap)
        or (c.kind in NEVER_KINDS and c.kind != "joined" and chosen.day - c.day > gap))]
    return chosen, rejected, disagreeing


def _utc_shifts(stamp: str) -> frozenset[int]:
    """The days (+1, -1) by which a page's local date may differ from the date its metadata
    stamp writes: a UTC time (``Z``, ``+00:00``) from 10:00 on may be the next day east of
    Greenwich, one before 12:00 the day before west of it; a stamp with another offset may be
    either; a stamp without a time or an offset tells nothing."""
    match = _STAMP_TIME.search(stamp)
    if not match or not match.group("offset"):
        return frozenset()
    offset = match.group("offset").upper().replace(":", "")
    if offset.strip("Z+-0"):
        return frozenset({1, -1})
    hour = int(match.group("hour"))
    return frozenset({1} if hour >= 10 else set()) | frozenset({-1} if hour < 12 else set())


def _local_day_over_utc(candidates: list[DateCandidate], stamp: str) -> list[DateCandidate]:
    """A saved page's metadata date one day from the date the page shows (``Posted Mon 7 Apr
    2025 at 4:13am`` over ``2025-04-06T18:13:00Z``) is the UTC day of the local one: when every
    visible stamp gives that one day and the metadata's time and offset allow it, the metadata
    candidate is rejected ("utc page metadata") and the visible day stands."""
    meta = next((c for c in candidates if c.kind == "page metadata"), None)
    if meta is None or meta.day is None:
        return candidates
    visible = {c.day for c in candidates
               if c.line is not None and c.kind in _VISIBLE_KINDS and c.day is not None}
    if len(visible) != 1:
        return candidates
    shown = next(iter(visible))
    if (shown - meta.day).days not in _utc_shifts(stamp):
        return candidates
    return [DateCandidate("utc page metadata", c.day, c.line, c.evidence) if c is meta else c
            for c in candidates]


def _describe(candidate: DateCandidate) -> str:
    where = "file name" if candidate.kind == "file name" else (
        "saved page" if candidate.line is None else f"line {candidate.line + 1}")
    text = f"{candidate.kind}, {where}"
    if candidate.line is not None:
        text += f": {candidate.evidence[:60]!r}"
    if candidate.year_from:
        text += f" (year from the {candidate.year_from})"
    return text


# --- the whole article ------------------------------------------------------------------------
def infer_from_text(text: str, *, file_name: str = "", page: PageFacts | None = None
                    ) -> Inferred:
    """Infer date, outlet, published_by, author and place from an article's page.

    Args:
        text: the raw article text.
        file_name: the article's file name (a date in it is the weakest candidate).
        page: what a saved web page states (publication date, site name), if it was one.

    Returns:
        The inferred values (``date`` as a Timestamp, ``date_candidates`` as text), where each
        came from, the lines that hold only metadata, the dateline prefixes to cut, and
        problems (dates that disagree).
    """
    found = Inferred()
    facts = _Found()
    page_lines = _read_page(text)
    lines = page_lines.lines
    first_dateline: tuple[int, str] | None = None
    for i in page_lines.scanned:
        line = lines[i]
        short = line.count(" ") < MAX_STAMP_WORDS
        dateline_end = 0
        news_agency = _NEWS_AGENCY_LINE.match(line) if "News Agency" in line else None
        # (a dateline ends with a dash, a colon or a bracket: a quick test before the patterns)
        dateline = None if news_agency or i not in page_lines.head or not _DATELINE_END.search(
            line, 0, 300) else _dateline(line, prose=i in page_lines.prose)
        if (dateline or news_agency) and i in page_lines.head:
            match = news_agency or dateline[0]
            dateline_end = match.end()
            if dateline and dateline[1]:
                facts.credits.append(("dateline", dateline[1], i))
            if first_dateline is None:
                found.set("place", " ".join(match.group("place").split()).title(),
                          f"text: dateline, line {i + 1}")
                first_dateline = (i, match.group(0).strip())
            found.dateline_prefixes[i] = len(match.group(0).rstrip())
        reason = _line_outlets(page_lines, i, line, facts, short=short)
        # In a paragraph of prose only a dateline's date is metadata.
        stamp = line[:dateline_end] if i in page_lines.prose else line
        if _DIGIT.search(stamp):
            before = len(facts.dates)
            _line_dates(page_lines, i, stamp, dateline_end, facts)
            _url_dates(page_lines, i, stamp, facts)
            kinds = [c.kind for c in facts.dates[before:] if c.kind in _STAMP_KINDS]
            if kinds and not reason and not dateline_end and i not in page_lines.prose and short:
                reason = f"metadata: {kinds[0]}"
        byline = _BYLINE.match(line) if short and line[:1].lower() in _BYLINE_FIRST else None
        if byline and i in page_lines.head:
            author = _byline_outlet(byline.group("rest"))[1]
            found.set("author", author, f"text: byline, line {i + 1}")
            reason = reason or "metadata: byline"
        if reason and i not in found.dateline_prefixes:
            found.metadata_lines[i] = reason
    title = _site_title(page_lines)
    if title and not known_outlet(title) and facts.credits:
        facts.sites.append(("masthead", title, page_lines.scanned[0]))
    _infer_outlet(found, facts, page, file_name=file_name)
    _infer_date(found, facts, page_lines, file_name=file_name, page=page,
                first_dateline=first_dateline)
    return found


def _file_site(file_name: str) -> str:
    """A known outlet a file name shows, as a saved page's name does ("Cambodia's bet - Asia
    Times.txt", "asiatimes.com_2021_cambodia.txt", "Xinhua_20190419.txt"): a part set off at
    its start or end, or capitalised words (or a web address) opening it; "" when none."""
    stem = _stem(file_name).strip()
    pieces = [p for p in re.split(r"\s+[-–—|]\s+|\s*\|\s*|_-_", stem) if p.strip()]
    tokens = [t for t in re.split(r"[\s_]+", stem) if t]
    candidates = [pieces[0], pieces[-1]] if len(pieces) > 1 else []
    for size in range(min(4, len(tokens)), 0, -1):
        if all(t[0].isupper() or not t[0].isalpha() for t in tokens[:size]) or (
                size == 1 and "." in tokens[0]):
            candidates.append(" ".join(tokens[:size]))
    return next((known_outlet(c) for c in candidates if known_outlet(c)), "")


def _resolve_names(facts: _Found, page: PageFacts | None, *, place: str, named: str) -> None:
    """Resolve the ambiguous aliases among the credits and sites (``CNA``) from what else the
    page names: another of that outlet's names, or the country of the page's other outlets and
    of its dateline place; a name nothing decides is dropped."""
    entries = facts.credits + facts.sites
    if not any(name.startswith(AMBIGUOUS_PREFIX) for _kind, name, _line in entries) and not (
            page is not None and known_outlet(page.site_name).startswith(AMBIGUOUS_PREFIX)):
        return
    outlets = {name for _kind, name, _line in entries if not name.startswith(AMBIGUOUS_PREFIX)}
    if page is not None:
        outlets.update(known_outlet(page.site_name), known_outlet(page.url))
    outlets.add(named)
    outlets.discard("")
    countries = {outlet_country(name) for name in outlets} | {place_country(place)}
    countries.discard("")
    for entries in (facts.credits, facts.sites):
        resolved = [(kind, resolve_ambiguous(name, countries=countries, outlets=outlets), line)
                    for kind, name, line in entries]
        entries[:] = [entry for entry in resolved if entry[1]]


def _infer_outlet(found: Inferred, facts: _Found, page: PageFacts | None, *,
                  file_name: str) -> None:
    named = _file_site(file_name) if file_name else ""
    _resolve_names(facts, page, place=str(found.values.get("place", "")), named=named)
    credits = sorted(facts.credits, key=lambda c: (CREDIT_KINDS.index(c[0]), c[2]))
    # An aggregator's or forum's name, wherever it stands, names the site, never the author.
    sites = list(facts.sites) + [("masthead", name, line) for _kind, name, line in credits
                                 if is_reposting_site(name)]
    credits = [c for c in credits if not is_reposting_site(c[1])]
    address = known_outlet(page.url) if page is not None and page.url else ""
    if address and not address.startswith(AMBIGUOUS_PREFIX):
        sites.append(("web address", address, -1))
    if page is not None and page.site_name:
        # a site name with its tagline ("Focus Taiwan - CNA English News"): its first known part
        parts = [page.site_name, *re.split(r"\s+[-–—|:]\s+|\s*\|\s*", page.site_name)]
        known = next(filter(None, map(known_outlet, parts)), "")
        site_name = resolve_ambiguous(known or canonical_outlet(page.site_name), countries=set(),
                                      outlets={name for _kind, name, _line in facts.sites}
                                      | {address})
        if site_name:
            sites.append(("html site name", site_name, -1))
    if named.startswith(AMBIGUOUS_PREFIX):
        named = ""
    if named:
        sites.append(("file name", named, -1))
    if credits:
        kind, outlet, line = credits[0]
        found.set("outlet", outlet, f"text: {kind}, line {line + 1}")
        sites += [("agency stamp", name, i) for k, name, i in credits
                  if k == "agency stamp" and name != outlet]
    sites.sort(key=lambda s: (not known_outlet(s[1]), SITE_KINDS.index(s[0]), s[2]))
    others = {name for kind, name, _line in sites if kind != "footer" and known_outlet(name)}
    if not credits and facts.outlet_lines:
        # A paper's page naming a wire alone under the headline ("KYODO") carries wire copy.
        name, line = facts.outlet_lines[0]
        if others - {name}:
            credits = [("byline", name, line)]
            found.set("outlet", name, f"text: byline, line {line + 1}")
            sites = [s for s in sites if s[1] != name]
    if not credits:
        known = [s for s in sites if known_outlet(s[1]) or office_name(s[1])]
        if known:
            kind, outlet, line = known[0]
            if is_reposting_site(outlet):  # an aggregator's page credits nobody: no outlet
                found.set("published_by", outlet, _site_source(kind, line))
            else:
                found.set("outlet", outlet, _site_source(kind, line))
        return
    if sites and sites[0][1] != found.values["outlet"]:
        kind, site, line = sites[0]
        found.set("published_by", site, _site_source(kind, line))


def _site_source(kind: str, line: int) -> str:
    """Where a site's name was read, as a source: a line of text, the saved page, the file name."""
    if kind == "file name":
        return "file name"
    return f"html: {kind}, saved page" if line < 0 else f"text: {kind}, line {line + 1}"


def _infer_date(found: Inferred, facts: _Found, page_lines: _Page, *, file_name: str,
                page: PageFacts | None, first_dateline: tuple[int, str] | None) -> None:
    candidates = list(facts.dates)
    if page is not None and page.date:
        day = parse_date(page.date)
        if day is not None:
            candidates.append(DateCandidate("page metadata", day.date(), None,
                                            page.date_source or "saved page"))
    if file_name:
        day = infer_from_filename(file_name)
        if day is not None:
            candidates.append(DateCandidate("file name", day.date(), None, file_name))
    candidates = _complete_years(_resolve_readings(candidates, facts.numeric_orders),
                                  facts.year_hints)
    if page is not None and page.date_stamp:
        candidates = _local_day_over_utc(candidates, page.date_stamp)
    site = str(found.values.get("published_by", ""))
    # A note that the article was first published elsewhere makes the page a later repost,
    # whoever runs it.
    noted = any(kind == "originally published" for kind, _name, _line in facts.credits)
    reposting_site = is_reposting_site(site)
    repost = noted or bool(site) or (bool(found.values.get("outlet")) and (page_lines.blog
                                                                            or page_lines.forum))
    chosen, rejected, disagreeing = _choose_date(
        candidates, repost=repost,
        known_site=bool(known_outlet(site)) and not noted and not reposting_site)
    listed = list(dict.fromkeys(c.label() for c in rejected))
    if listed:
        found.set("date_candidates", "; ".join(listed[:10]), "text")
    if chosen is None and disagreeing:
        found.problems.append("dates disagree, no date inferred: " + "; ".join(
            f"{c.kind} {c.day.isoformat()}" + ("" if c.line is None else f" (line {c.line + 1})")
            for c in disagreeing[:5]))
        return
    if chosen is None:
        partial = next((c for c in candidates if c.day is None), None)
        if partial is not None:
            what = "without a year" if partial.month_day else "read either way (day/month?)"
            found.sources["date_partial"] = f"text: {partial.kind} {what}, line {partial.line + 1}"
        return
    prefix = "html" if chosen.kind == "page metadata" else (
        "file name" if chosen.kind == "file name" else "text")
    source = "file name" if chosen.kind == "file name" else f"{prefix}: {_describe(chosen)}"
    if chosen.kind == "page metadata":
        source = chosen.evidence
    found.set("date", pd.Timestamp(chosen.day), source)
    found.set("date_kind", chosen.kind, "text")
    if disagreeing:
        others = "; ".join(f"{c.kind} {c.day.isoformat()}"
                           + ("" if c.line is None else f" (line {c.line + 1})")
                           for c in disagreeing[:5])
        found.problems.append(
            f"dates disagree: kept the {chosen.kind} {chosen.day.isoformat()}"
            + ("" if chosen.line is None else f" (line {chosen.line + 1})")
            + f" over {others}")
