"""The site's generated pages, as {relative path: Markdown/HTML}: pure, engine-agnostic.

The printable documents under print/ are not made here (render/site never imports render/print):
hikitsugi.render.site_with_print renders them and tells the context which exist; the MkDocs
plugin (hikitsugi.mkdocs_plugin) only hands the strings to MkDocs.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from hikitsugi import model
from hikitsugi.render import paths
from hikitsugi.render.site import labels as site_labels  # noqa: F401 - registers the labels
from hikitsugi.render.site.context import SiteContext
from hikitsugi.render.site.index_pages import (
    calendar_files,
    render_calendar,
    render_kind_list,
    render_onboarding,
    render_owners,
    render_zones,
)
from hikitsugi.render.site.runbook import (
    render_runbook,
    render_standalone_checklist,
    render_standard,
)
from hikitsugi.render.site.search import INDEX_PATH, search_index
from hikitsugi.render.site.standards import render_standards_index
from hikitsugi.render.site.status import render_status

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "site"
ASSET_PREFIX = "assets/hikitsugi/"


def context(
    kb: model.KnowledgeBase,
    day: datetime.date,
    *,
    lang: str | None = None,
    directory_urls: bool = False,
    printables: frozenset[str] = frozenset(),
) -> SiteContext:
    """Return the rendering context for *kb* on *day* (language from hikitsugi.yml by default).

    *printables* are the paths of the print/ documents this build has: pages link only to those.
    """
    return SiteContext(kb, day, lang or kb.config.language, directory_urls, printables=printables)


def render_pages(ctx: SiteContext) -> dict[str, str | bytes]:
    """Return every generated page, .ics file and the search index, by path."""
    kb = ctx.kb
    pages: dict[str, str | bytes] = {}
    calendars = calendar_files(ctx)  # calendar/: one .ics per post, and all.ics
    ctx.calendars = frozenset(calendars)
    pages.update(calendars)
    for runbook in kb.runbooks.values():
        pages[paths.runbook_page(runbook.id)] = render_runbook(ctx, runbook)
    for standard in kb.standards.values():
        pages[paths.standard_page(standard.id)] = render_standard(ctx, standard)
    if kb.standards:
        pages[paths.list_page("standards")] = render_standards_index(ctx)
    for checklist in kb.checklists.values():
        pages[paths.checklist_page(checklist.id)] = render_standalone_checklist(ctx, checklist)
    pages[paths.list_page("processes")] = render_kind_list(ctx, "process")
    pages[paths.list_page("tools")] = render_kind_list(ctx, "tool")
    pages[paths.list_page("owners")] = render_owners(ctx)
    pages[paths.list_page("calendar")] = render_calendar(ctx)
    pages[paths.list_page("zones")] = render_zones(ctx)
    pages[paths.list_page("status")] = render_status(ctx)
    for role in kb.roster.roles.values():
        pages[paths.onboarding_page(role.id)] = render_onboarding(ctx, role)
    pages[INDEX_PATH] = search_index(kb, ctx.directory_urls, ctx.lang, printables=ctx.printables)
    return pages


def render_home(ctx: SiteContext) -> str:
    """Return a landing page, for a KB whose docs/ has no index.md of its own."""
    return ctx.render("home.html.j2", "index.md")


def static_assets() -> dict[str, bytes]:
    """Return the site's own script and style sheet, keyed by path relative to docs/."""
    return {
        ASSET_PREFIX + path.name: path.read_bytes()
        for path in sorted(ASSETS.iterdir())
        if path.is_file()
    }
