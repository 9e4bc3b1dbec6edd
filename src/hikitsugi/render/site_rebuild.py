"""Render the site again after an edit, re-making only the files the edit can change.

`hikitsugi serve` keeps the last rendering. When only runbooks changed (same ids, same day,
language, URL style, roster, settings, standards and checklists), only these are made again:
the changed runbooks' pages, the pages of the runbooks they use or are used by (old and new
links), their printable checklists, the packs, every list and calendar, and the search index;
when only steps changed (the usual edit), the calendars, lists and onboarding pages and packs,
which show no step, are kept. Anything else is a full rendering. Either way the files are those a full rendering makes
(tests/render/test_site_rebuild.py compares them byte for byte).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from hikitsugi import model
from hikitsugi.render import paths
from hikitsugi.render.print.documents import site_documents
from hikitsugi.render.site import pages as site
from hikitsugi.render.site.context import SiteContext
from hikitsugi.render.site_with_print import add_record_mode, prepare, render_files


@dataclass(frozen=True)
class Rendering:
    """Every generated file of one build, and what they were made from."""

    kb: model.KnowledgeBase
    day: datetime.date
    lang: str
    directory_urls: bool
    context: SiteContext
    documents: Mapping[str, str]  # the print/ documents, with their 記録 mode
    files: Mapping[str, str | bytes]


@dataclass(frozen=True)
class Rerendered:
    """A new rendering and the paths whose content may differ from the previous one."""

    rendering: Rendering
    changed: frozenset[str] | None  # None: everything (a full rendering)


def render(
    kb: model.KnowledgeBase, day: datetime.date, lang: str, directory_urls: bool
) -> Rendering:
    """Render every file of *kb*'s site."""
    ctx, documents = prepare(kb, day, lang=lang, directory_urls=directory_urls)
    files = render_files(ctx, documents)
    return Rendering(kb, day, lang, directory_urls, ctx, documents, files)


def render_again(
    previous: Rendering | None,
    kb: model.KnowledgeBase,
    day: datetime.date,
    lang: str,
    directory_urls: bool,
) -> Rerendered:
    """Render *kb*'s site, re-using *previous* where the edit cannot have changed a file."""
    edited = _edited_runbooks(previous, kb, day, lang, directory_urls)
    if previous is None or edited is None:
        return Rerendered(render(kb, day, lang, directory_urls), None)
    if not edited:
        return Rerendered(dataclasses.replace(previous, kb=kb), frozenset())
    again = _render_runbooks(previous, kb, edited)
    if again is None:
        return Rerendered(render(kb, day, lang, directory_urls), None)
    changed = frozenset(
        path for path, content in again.files.items() if previous.files.get(path) != content
    )
    return Rerendered(again, changed)


def _edited_runbooks(
    previous: Rendering | None,
    kb: model.KnowledgeBase,
    day: datetime.date,
    lang: str,
    directory_urls: bool,
) -> frozenset[str] | None:
    """The ids of the runbooks that differ, or None when more than runbooks changed."""
    if previous is None or (previous.day, previous.lang, previous.directory_urls) != (
        day,
        lang,
        directory_urls,
    ):
        return None
    old = previous.kb
    if dataclasses.replace(kb, runbooks=old.runbooks) != old or kb.runbooks.keys() != (
        old.runbooks.keys()
    ):
        return None
    return frozenset(i for i, runbook in kb.runbooks.items() if old.runbooks[i] != runbook)


def _linked(kb: model.KnowledgeBase, ids: Collection[str]) -> set[str]:
    """The runbooks whose page shows one of *ids* (uses, related), and those *ids* show."""
    found = set(ids)
    for runbook in kb.runbooks.values():
        if runbook.id in ids:
            found.update(runbook.uses, runbook.related)
        elif any(other in ids for other in (*runbook.uses, *runbook.related)):
            found.add(runbook.id)
    return found & kb.runbooks.keys()


def _steps_only(old: model.KnowledgeBase, new: model.KnowledgeBase, ids: Collection[str]) -> bool:
    """Whether the runbooks *ids* changed nothing but their steps (the usual edit)."""
    return all(
        dataclasses.replace(new.runbooks[i], steps=old.runbooks[i].steps) == old.runbooks[i]
        for i in ids
    )


def _render_runbooks(
    previous: Rendering, kb: model.KnowledgeBase, edited: frozenset[str]
) -> Rendering | None:
    """Make again what edits to the runbooks *edited* can change; None when a full one is needed."""
    steps_only = _steps_only(previous.kb, kb, edited)
    fresh = site_documents(kb, previous.day, checklists=edited, onboarding=not steps_only)
    remade = {paths.print_path("checklists", i) for i in edited}
    kept_kinds = ("checklists", "onboarding") if steps_only else ("checklists",)
    prefixes = tuple(paths.print_path(kind, "x").removesuffix("x.html") for kind in kept_kinds)
    kept = {
        path: html
        for path, html in previous.documents.items()
        if path.startswith(prefixes) and path not in remade
    }
    if {*kept, *fresh} != previous.documents.keys():
        return None  # a checklist or a pack came or went: pages link to another set
    ctx = site.context(
        kb,
        previous.day,
        lang=previous.lang,
        directory_urls=previous.directory_urls,
        printables=frozenset(previous.documents),
    )
    add_record_mode(ctx, fresh, only=edited)
    documents = {path: fresh.get(path, kept.get(path, "")) for path in previous.documents}
    shown = _linked(kb, edited) | _linked(previous.kb, edited)
    if steps_only:  # no list, calendar or onboarding page shows a step
        ctx.calendars = previous.context.calendars
        pages = site.render_step_pages(ctx, sorted(shown))
    else:
        pages = site.render_pages(ctx, runbooks=shown)
    if ctx.calendars != previous.context.calendars or not pages.keys() <= previous.files.keys():
        return None
    files = {
        path: pages.get(path, documents.get(path, content))
        for path, content in previous.files.items()
    }
    return Rendering(
        kb, previous.day, previous.lang, previous.directory_urls, ctx, documents, files
    )
