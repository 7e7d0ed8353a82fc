#!/usr/bin/env python3
"""Consistency checker for the field corpus (tests/field).

Pure standard library, no project imports.  Run from anywhere:

    python3 tests/field/check_gold.py

Checks
  * every row of gold.csv names an existing file in articles/ and every
    article has a gold row;
  * dates are valid (YYYY-MM-DD or YYYY-MM) and agree with date_stated,
    outlets agree with outlet_named, language is 'en';
  * each title occurs in its file (a whole line of a .txt file, or in the
    visible text of an .html file) and is also listed as meta/title;
  * every lines.csv text occurs verbatim: a whole stripped line of the .txt
    for debris/meta rows, a fragment of one line for inline rows; for .html,
    a substring of the visible text (html.parser, whitespace collapsed);
  * kinds and classes are from the documented vocabularies;
  * article bodies (file minus listed lines) hold 150-700 words;
  * prints counts per class and per form (forms.csv) for the README table.
Exit status 1 if any check fails.
"""
import csv
import datetime
import os
import re
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser

# The corpus folder: the first argument (tests/field_holdout), else this file's folder.
HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")

DEBRIS = {"menu", "advert", "section-label", "share", "comment-form", "comment", "promo",
          "newsletter", "ticker", "timestamp", "caption", "credit", "footnote", "cookie",
          "footer", "forum-chrome", "navigation", "other"}
META = {"title", "byline", "stamp", "source", "copyright", "masthead"}
INLINE = {"hyphenation", "mojibake", "footnote"}
KINDS = {"debris": DEBRIS, "meta": META, "inline": INLINE}

BLOCK = set("address article aside blockquote body br dd div dl dt figcaption figure footer form "
            "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead "
            "tr ul "
            "button label option select textarea input img".split())
SKIP = set("script style head title noscript template svg".split())
VOID = set("area base br col embed hr img input link meta source track wbr".split())


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


class Visible(HTMLParser):
    """Visible text of a page: block boundaries become spaces, inline text is joined."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not any(t in SKIP for t in self.stack):
            self.out.append(data)


def visible_text(html_text):
    p = Visible()
    p.feed(html_text)
    p.close()
    return collapse("".join(p.out))


def valid_date(s):
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            datetime.date.fromisoformat(s)
            return True
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return 1 <= int(s[5:]) <= 12
    except ValueError:
        return False
    return False


def main():
    errors = []
    err = errors.append
    with open(os.path.join(HERE, "gold.csv"), encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    with open(os.path.join(HERE, "lines.csv"), encoding="utf-8", newline="") as f:
        lines = list(csv.DictReader(f))
    forms_path = os.path.join(HERE, "forms.csv")
    forms = []
    if os.path.exists(forms_path):
        with open(forms_path, encoding="utf-8", newline="") as f:
            forms = list(csv.DictReader(f))

    expected = ("file,date,date_stated,outlet,outlet_named,published_by,title,language,"
                "notes").split(",")
    if gold and list(gold[0].keys()) != expected:
        err(f"gold.csv header {list(gold[0].keys())} != {expected}")

    on_disk = sorted(os.listdir(ARTICLES))
    gold_files = [g["file"] for g in gold]
    for fn in on_disk:
        if fn not in gold_files:
            err(f"{fn}: article without a gold row")
    if len(set(gold_files)) != len(gold_files):
        err("duplicate file names in gold.csv")

    texts, txt_lines, vis = {}, {}, {}
    for g in gold:
        fn = g["file"]
        path = os.path.join(ARTICLES, fn)
        if not os.path.exists(path):
            err(f"{fn}: listed in gold.csv but missing")
            continue
        raw = open(path, encoding="utf-8").read()
        texts[fn] = raw
        if fn.endswith(".html"):
            vis[fn] = visible_text(raw)
        else:
            txt_lines[fn] = [line.strip() for line in raw.split("\n")]
        # field checks
        d, ds = g["date"], g["date_stated"]
        if ds not in ("true", "false"):
            err(f"{fn}: date_stated must be true/false")
        if d and not valid_date(d):
            err(f"{fn}: invalid date {d!r}")
        if bool(d) != (ds == "true"):
            err(f"{fn}: date {d!r} disagrees with date_stated={ds}")
        if g["outlet_named"] not in ("true", "false"):
            err(f"{fn}: outlet_named must be true/false")
        if bool(g["outlet"]) != (g["outlet_named"] == "true"):
            err(f"{fn}: outlet {g['outlet']!r} disagrees with outlet_named")
        if g["language"] != "en":
            err(f"{fn}: language must be en")
        t = g["title"]
        if not t:
            err(f"{fn}: empty title")
        elif fn.endswith(".html"):
            if collapse(t) not in vis[fn]:
                err(f"{fn}: title not in visible text")
        elif t not in txt_lines[fn]:
            err(f"{fn}: title is not a line of the file")

    by_file = defaultdict(list)
    for r in lines:
        fn, kind, cls, text = r["file"], r["kind"], r["class"], r["text"]
        by_file[fn].append(r)
        if fn not in texts:
            err(f"lines.csv names unknown file {fn}")
            continue
        if kind not in KINDS or cls not in KINDS[kind]:
            err(f"{fn}: bad kind/class {kind}/{cls}")
        if not text:
            err(f"{fn}: empty text in lines.csv")
            continue
        if fn.endswith(".html"):
            if collapse(text) not in vis[fn]:
                err(f"{fn}: not in visible text: {text[:70]!r}")
        elif kind == "inline":
            if not any(text in line for line in txt_lines[fn]):
                err(f"{fn}: inline fragment not found: {text!r}")
        elif text not in txt_lines[fn]:
            err(f"{fn}: not a line of the file: {text[:70]!r}")

    # titles are labelled, body size is sane
    words = {}
    for g in gold:
        fn = g["file"]
        if fn not in texts:
            continue
        rows = by_file.get(fn, [])
        if not any(r["kind"] == "meta" and r["class"] == "title" and r["text"] == g["title"]
                   for r in rows):
            err(f"{fn}: gold title is not listed as meta/title in lines.csv")
        if fn.endswith(".html"):
            labelled = sum(len(r["text"].split()) for r in rows if r["kind"] != "inline")
            n = len(vis[fn].split()) - labelled
        else:
            listed = {r["text"] for r in rows if r["kind"] != "inline"}
            n = sum(len(line.split()) for line in txt_lines[fn] if line and line not in listed)
        words[fn] = n
        if not 150 <= n <= 700:
            err(f"{fn}: body has {n} words (want 150-700)")

    # ---- report -------------------------------------------------------
    n_txt = sum(f.endswith(".txt") for f in texts)
    n_html = sum(f.endswith(".html") for f in texts)
    print(f"articles: {len(texts)} ({n_txt} .txt, {n_html} .html); "
          f"body words min/median/max = {min(words.values())}/"
          f"{sorted(words.values())[len(words) // 2]}/{max(words.values())}")
    print(f"date stated: {sum(g['date_stated'] == 'true' for g in gold)}, "
          f"not stated: {sum(g['date_stated'] == 'false' for g in gold)}; "
          f"outlet named: {sum(g['outlet_named'] == 'true' for g in gold)}, "
          f"not named: {sum(g['outlet_named'] == 'false' for g in gold)}; "
          f"reposts (published_by): {sum(bool(g['published_by']) for g in gold)}")
    years = Counter(g["date"][:4] for g in gold if g["date"])
    print("years:", " ".join(f"{y}:{years[y]}" for y in sorted(years)))
    rows_c, files_c = Counter(), defaultdict(set)
    for r in lines:
        key = f"{r['kind']}/{r['class']}"
        rows_c[key] += 1
        files_c[key].add(r["file"])
    print("\nclass                      rows  articles")
    for key in sorted(rows_c):
        print(f"{key:26s} {rows_c[key]:4d}  {len(files_c[key]):4d}")
    if forms:
        for col in ("date_forms", "outlet_forms"):
            c = Counter()
            for r in forms:
                for k in r[col].split(";"):
                    if k:
                        c[k] += 1
            print(f"\n{col}: " + ", ".join(f"{k}={c[k]}" for k in sorted(c)))
    thin = [k for k in (f"debris/{c}" for c in sorted(DEBRIS)) if len(files_c[k]) < 2]
    thin += [k for k in (f"inline/{c}" for c in sorted(INLINE)) if len(files_c[k]) < 2]
    if thin:
        err("classes covered by fewer than two articles: " + ", ".join(thin))

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
