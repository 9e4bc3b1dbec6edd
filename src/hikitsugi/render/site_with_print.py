"""The whole generated site: the site's pages together with the printable documents.

render/site and render/print do not know each other; this is the one place that puts the
print/ documents (checklists, handover and onboarding packs) into the site and tells the
site's pages which of them exist, so that they link only to documents that were made.
"""

from __future__ import annotations

import datetime

from hikitsugi import model
from hikitsugi.render.print.documents import site_documents
from hikitsugi.render.site.context import SiteContext
from hikitsugi.render.site.pages import context, render_pages


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
    return ctx, documents


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
