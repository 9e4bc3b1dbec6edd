"""The site's generated pages, as {relative path: Markdown/HTML}: pure, engine-agnostic.

The printable documents under print/ are not made here (render/site never imports render/print):
hikitsugi.render.site_with_print renders them and tells the context which exist; the MkDocs
plugin (hikitsugi.mkdocs_plugin) only hands the strings to MkDocs.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
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
from hikitsugi.render.site.status import audit_csv, render_status

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


def render_pages(
    ctx: SiteContext, runbooks: Collection[str] | None = None
) -> dict[str, str | bytes]:
    """Return every generated page, .ics file and the search index, by path.

    With *runbooks*, only the pages of those runbooks are made (every other page is).
    """
    kb = ctx.kb
    pages: dict[str, str | bytes] = {}
    calendars = calendar_files(ctx)  # calendar/: one .ics per post, and all.ics
    ctx.calendars = frozenset(calendars)
    pages.update(calendars)
    for runbook in kb.runbooks.values():
        if runbooks is not None and runbook.id not in runbooks:
            continue
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
    pages[paths.AUDIT_CSV] = audit_csv(ctx)
    for role in kb.roster.roles.values():
        pages[paths.onboarding_page(role.id)] = render_onboarding(ctx, role)
    pages[INDEX_PATH] = _search(ctx)
    return pages


def render_step_pages(ctx: SiteContext, runbooks: Collection[str]) -> dict[str, str | bytes]:
    """Return the pages of render_pages that show runbooks' steps, for the runbooks *runbooks*.

    The pages of those runbooks, the standards (a page shows how runbooks differ from it), the
    checklists, the zones page (transfers, re-keying) and the search index; no other page shows
    a step (tests/render/test_site_rebuild.py edits steps and compares with a full rendering).
    """
    kb = ctx.kb
    pages: dict[str, str | bytes] = {}
    for runbook_id in runbooks:
        pages[paths.runbook_page(runbook_id)] = render_runbook(ctx, kb.runbooks[runbook_id])
    for standard in kb.standards.values():
        pages[paths.standard_page(standard.id)] = render_standard(ctx, standard)
    for checklist in kb.checklists.values():
        pages[paths.checklist_page(checklist.id)] = render_standalone_checklist(ctx, checklist)
    pages[paths.list_page("zones")] = render_zones(ctx)
    pages[INDEX_PATH] = _search(ctx)
    return pages


def _search(ctx: SiteContext) -> str:
    """The search index of the KB's pages (the plugin adds the hand-written docs/ pages)."""
    return search_index(ctx.kb, ctx.directory_urls, ctx.lang, printables=ctx.printables)


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
