"""Open built HTML reports in headless Chromium (the ``launch_chromium`` fixture of
``tests/conftest.py``) and record what a reader's browser would meet: console errors,
requests, dialogs, images that do not decode, scripts from corpus text, links that lead
nowhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from helpers.build.render import script_hash

# Only these URL schemes may be requested: a report must work offline, self-contained.
LOCAL_SCHEMES = ("file", "data", "about")
# Set by corpus text in the tests if a script from it ever ran.
PWNED_FLAG = "__communique_pwned"
_INSPECT = """() => ({
  text: document.body ? document.body.innerText : "",
  title: document.title,
  images: Array.from(document.images).map(i => ({src: i.currentSrc || i.src,
    complete: i.complete, width: i.naturalWidth})),
  scripts: Array.from(document.scripts).map(s => ({src: s.getAttribute("src") || "",
    text: s.textContent})),
  policy: Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'))
    .map(m => m.getAttribute("content")).join("; "),
  handlers: Array.from(document.querySelectorAll("*")).flatMap(e => Array.from(e.attributes)
    .filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
  links: Array.from(document.querySelectorAll("a[href]")).map(a => a.getAttribute("href")),
  headings: Array.from(document.querySelectorAll("h1, h2"))
    .map(h => h.innerText.replace("\u00b6", "").trim()),
  pwned: window.PWNED === undefined ? null : String(window.PWNED),
})""".replace("PWNED", PWNED_FLAG)


@dataclass
class Visit:
    """What happened while one page loaded."""

    path: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    text: str = ""
    title: str = ""
    images: list[dict] = field(default_factory=list)
    scripts: list[dict] = field(default_factory=list)
    policy: str = ""
    handlers: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    pwned: str | None = None
    screenshot: Path | None = None

    @property
    def external_requests(self) -> list[str]:
        """Requests that would leave the machine (any scheme but file:, data:, about:)."""
        return [url for url in self.requests if urlparse(url).scheme not in LOCAL_SCHEMES]

    @property
    def broken_images(self) -> list[str]:
        """Images that did not decode (no natural width)."""
        return [i["src"][:80] for i in self.images if not i["complete"] or i["width"] <= 0]

    @property
    def foreign_scripts(self) -> list[str]:
        """Scripts the page's Content-Security-Policy does not allow by their hash (corpus
        text turned into a script would be one), or loaded from a file or URL."""
        allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", self.policy))
        return [(s["src"] or s["text"])[:80] for s in self.scripts
                if s["src"] or script_hash(s["text"]) not in allowed]

    def missing_link_targets(self) -> list[str]:
        """Relative links whose target file does not exist next to the page."""
        missing = []
        for href in self.links:
            parsed = urlparse(href)
            if parsed.scheme or href.startswith("#") or not parsed.path:
                continue
            if not (self.path.parent / unquote(parsed.path)).exists():
                missing.append(href)
        return missing


def visit(chromium, page_path: Path, *, screenshot: Path | None = None) -> Visit:
    """Open one HTML file and record what happened while it loaded.

    Args:
        chromium: a Playwright ``Browser`` (from the ``launch_chromium`` fixture).
        page_path: the HTML file.
        screenshot: where to save a full-page PNG screenshot (None: no screenshot).

    Returns:
        The console and page errors, every request, dialogs, and the page's content.
    """
    result = Visit(path=page_path)
    context = chromium.new_context(offline=True, java_script_enabled=True)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and result.console_errors.append(m.text))
    page.on("pageerror", lambda e: result.page_errors.append(str(e)))
    page.on("request", lambda r: result.requests.append(r.url))
    page.on("dialog", lambda d: (result.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    try:
        page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=60_000)
        page.wait_for_timeout(200)  # let late handlers (onerror, timers) fire
        for key, value in page.evaluate(_INSPECT).items():
            setattr(result, key, value)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            result.screenshot = screenshot
    finally:
        context.close()
    return result
