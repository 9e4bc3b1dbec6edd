"""Where each generated page lives, and relative links between pages."""

from __future__ import annotations

import posixpath

RUNBOOKS = "runbooks"
LISTS = "lists"
ONBOARDING = "onboarding"
CHECKLISTS = "checklists"
STANDARDS = "standards"
CALENDARS = "calendar"


def runbook_page(runbook_id: str) -> str:
    """Source path of a runbook's page; its URL ends in the id."""
    return f"{RUNBOOKS}/{runbook_id}.md"


def checklist_page(item_id: str) -> str:
    """Source path of a printable checklist page."""
    return f"{CHECKLISTS}/{item_id}.md"


def standard_page(standard_id: str) -> str:
    """Source path of a standard's page (標準手順書)."""
    return f"{STANDARDS}/{standard_id}.md"


def calendar_file(name: str) -> str:
    """Site path of an iCalendar file: calendar/ROLE.ics, or calendar/all.ics for every post."""
    return f"{CALENDARS}/{name}.ics"


def list_page(name: str) -> str:
    """Source path of an index page (processes, tools, owners, calendar, zones, status, standards)."""
    return f"{LISTS}/{name}.md"


def onboarding_page(role_id: str) -> str:
    """Source path of a post's onboarding page."""
    return f"{ONBOARDING}/{role_id}.md"


def url(page: str, directory_urls: bool) -> str:
    """Return the site URL (from the site root) of the source page *page*."""
    stem = page[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(source: str, target: str, directory_urls: bool, anchor: str = "") -> str:
    """Return a link from page *source* to page *target*, relative, as MkDocs would write it."""
    source_url = url(source, directory_urls)
    here = source_url.rstrip("/") if directory_urls else posixpath.dirname(source_url)
    there = url(target, directory_urls)
    relative = posixpath.relpath(there or ".", here or ".")
    if directory_urls and not relative.endswith("/"):
        relative += "/"
    if not directory_urls and relative == ".":
        relative = "./"
    return relative + (f"#{anchor}" if anchor else "")


def file_href(source: str, target: str, directory_urls: bool) -> str:
    """Return a relative link from page *source* to the static file *target* (e.g. print/…html)."""
    source_url = url(source, directory_urls)
    here = source_url.rstrip("/") if directory_urls else posixpath.dirname(source_url)
    return posixpath.relpath(target, here or ".")
