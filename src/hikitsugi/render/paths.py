"""Where every generated file lives: site pages, printable documents, calendars.

One small module that the site and the print code both use, so neither names the other's paths
(and render/site never imports render/print).
"""

from __future__ import annotations

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


PRINT_FOLDER = "print"


def print_path(kind: str, name: str) -> str:
    """Return the site path of a printable document: print/checklists|handover|onboarding/NAME.html."""
    return f"{PRINT_FOLDER}/{kind}/{name}.html"


AUDIT_CSV = f"{LISTS}/audit.csv"  # the audit of the build day, as `hikitsugi audit --format csv`
