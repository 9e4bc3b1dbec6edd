"""The navigation: nested sections of bounded size, so that with pruning the size of a page
does not grow with the number of runbooks (a flat nav embeds every page in every page)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from hikitsugi import model
from hikitsugi.render import paths
from hikitsugi.render.site.context import SiteContext

SECTION_SIZE = 40


def _entry(title: str, page: str) -> dict[str, str]:
    # MkDocs themes print nav titles without escaping them.
    return {str(escape(title)): page}


def _chunked(ctx: SiteContext, entries: list[dict[str, Any]]) -> list[Any]:
    """Split a long list into sub-sections of SECTION_SIZE, titled first – last."""
    if len(entries) <= SECTION_SIZE:
        return entries
    chunks = []
    for start in range(0, len(entries), SECTION_SIZE):
        part = entries[start : start + SECTION_SIZE]
        first, last = next(iter(part[0])), next(iter(part[-1]))
        chunks.append(
            {ctx.label("site.nav.more", first=first[:12], last=last[:12]): _chunked(ctx, part)}
        )
    return _chunked(ctx, chunks) if len(chunks) > SECTION_SIZE else chunks


def runbook_sections(ctx: SiteContext, kind: str) -> list[Any]:
    """Runbooks of one kind, grouped by owner post, each group sorted by title."""
    groups: dict[str, list[model.Runbook]] = {}
    for runbook in ctx.kb.runbooks.values():
        if runbook.kind == kind:
            groups.setdefault(runbook.owner or "", []).append(runbook)
    sections = []
    for owner in sorted(groups, key=lambda o: (o == "", ctx.role_title(o) if o else "")):
        entries = [
            _entry(r.title, paths.runbook_page(r.id))
            for r in sorted(groups[owner], key=lambda r: (r.title, r.id))
        ]
        title = (
            ctx.role_title(owner)
            if owner
            else ctx.label("site.h.owner") + ": " + ctx.label("site.none")
        )
        sections.append({str(escape(title)): _chunked(ctx, entries)})
    return _chunked(ctx, sections) if len(sections) > SECTION_SIZE else sections


def hand_written(ctx: SiteContext, paths: list[str]) -> list[Any]:
    """The KB's own pages when it has no nav: index.md first, the others in one section by path."""
    rest = sorted(path for path in paths if path != "index.md")
    first = ["index.md"] if "index.md" in paths else []
    return [*first, *([{ctx.label("site.nav.guides"): rest}] if rest else [])]


def navigation(ctx: SiteContext, own_pages: list[Any]) -> list[Any]:
    """Return the nav: the KB's own pages first, then lists, runbooks, standards, onboarding."""
    names = ["processes", "tools", "owners", "calendar", "zones", "status"]
    if ctx.kb.standards:
        names.append("standards")
    lists = [_entry(ctx.label(f"site.page.{name}"), paths.list_page(name)) for name in names]
    onboarding = [
        _entry(role.title, paths.onboarding_page(role.id)) for role in ctx.kb.roster.roles.values()
    ]
    checklists = [
        _entry(c.title, paths.checklist_page(c.id))
        for c in sorted(ctx.kb.checklists.values(), key=lambda c: (c.title, c.id))
    ]
    runbooks = [
        {ctx.label("word.kind.process"): runbook_sections(ctx, "process")},
        {ctx.label("word.kind.tool"): runbook_sections(ctx, "tool")},
    ]
    standards = [
        _entry(s.title, paths.standard_page(s.id))
        for s in sorted(ctx.kb.standards.values(), key=lambda s: (s.title, s.id))
    ]
    return [
        *own_pages,
        {ctx.label("site.nav.lists"): lists},
        {ctx.label("site.nav.runbooks"): runbooks},
        *([{ctx.label("site.nav.standards"): _chunked(ctx, standards)}] if standards else []),
        *([{ctx.label("site.nav.checklists"): _chunked(ctx, checklists)}] if checklists else []),
        {ctx.label("site.nav.onboarding"): _chunked(ctx, onboarding)},
    ]
