"""The whole generated site: the site's pages together with the printable documents.

render/site and render/print do not know each other; this is the one place that puts the
print/ documents (checklists, handover and onboarding packs) into the site and tells the
site's pages which of them exist, so that they link only to documents that were made.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from hikitsugi import model
from hikitsugi.render.paths import print_path
from hikitsugi.render.print.documents import site_documents
from hikitsugi.render.print.record import SCRIPT, record_data, with_record_mode
from hikitsugi.render.site.context import SiteContext
from hikitsugi.render.site.pages import ASSET_PREFIX, context, render_pages


def prepare(
    kb: model.KnowledgeBase,
    day: datetime.date,
    *,
    lang: str | None = None,
    directory_urls: bool = False,
) -> tuple[SiteContext, dict[str, str]]:
    """Render the printable documents; return a site context that knows them, and the documents."""
    documents = site_documents(kb, day)
    ctx = context(
        kb, day, lang=lang, directory_urls=directory_urls, printables=frozenset(documents)
    )
    add_record_mode(ctx, documents)
    return ctx, documents


def add_record_mode(
    ctx: SiteContext, documents: dict[str, str], only: Collection[str] | None = None
) -> None:
    """Give every checklist sheet of the site (or those of the ids *only*) its 記録 mode.

    (The CLI's printouts stay paper only.)
    """
    script = "../../" + ASSET_PREFIX + SCRIPT  # from print/checklists/ID.html to the site's root
    items: list[model.Runbook | model.Checklist] = [*ctx.kb.runbooks.values()]
    items += ctx.kb.checklists.values()
    for item in items:
        if only is not None and item.id not in only:
            continue
        path = print_path("checklists", item.id)
        if path in documents:
            data = record_data(ctx.kb, item, ctx.day, ctx.lang)
            documents[path] = with_record_mode(documents[path], data, script)


def render_files(ctx: SiteContext, documents: dict[str, str]) -> dict[str, str | bytes]:
    """Return every generated file by path: the printable documents, then the site's pages."""
    return {**documents, **render_pages(ctx)}


def render_site(
    kb: model.KnowledgeBase,
    day: datetime.date,
    *,
    lang: str | None = None,
    directory_urls: bool = False,
) -> dict[str, str | bytes]:
    """Return every generated file of *kb*'s site as of *day*, by path."""
    ctx, documents = prepare(kb, day, lang=lang, directory_urls=directory_urls)
    return render_files(ctx, documents)
