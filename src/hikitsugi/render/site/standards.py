"""Standards in the site: each standard's page, a runbook's local differences, the index."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from hikitsugi import model
from hikitsugi.render import paths
from hikitsugi.render.differences import Link, differences_section, standards_index
from hikitsugi.render.site.context import SiteContext, front_matter
from hikitsugi.resolve.diff import extenders


def _linker(ctx: SiteContext, page: str) -> Link:
    """Markdown link from *page* to a standard's or a runbook's source page.

    These sections are Markdown, so they link to the .md source: the engine checks the link and
    writes the final URL (…/ID.html or …/ID/) itself.
    """
    here = posixpath.dirname(page)

    def to(item_id: str) -> str:
        target = (
            paths.standard_page(item_id)
            if item_id in ctx.kb.standards
            else paths.runbook_page(item_id)
        )
        return posixpath.relpath(target, here or ".")

    return to


def differences(ctx: SiteContext, runbook: model.Runbook) -> Markup:
    """The Markdown section of a local runbook's page that names its standard and its changes."""
    if not runbook.extends or runbook.extends not in ctx.kb.standards:
        return Markup("")
    page = paths.runbook_page(runbook.id)
    # differences_section escapes every value it writes (titles, field values) for Markdown.
    return Markup(differences_section(ctx.kb, runbook, ctx.lang, link=_linker(ctx, page)))


def render_standards_index(ctx: SiteContext) -> str:
    """Return the standards index: per standard, the local runbooks and their differences."""
    page = paths.list_page("standards")
    body = standards_index(ctx.kb, ctx.lang, link=_linker(ctx, page))
    return f"{front_matter(ctx.label('standards.index-title'))}\n\n{body}"


def based_on(ctx: SiteContext, standard: model.Runbook) -> list[model.Runbook]:
    """The local runbooks that extend *standard*."""
    return extenders(ctx.kb, standard.id)
