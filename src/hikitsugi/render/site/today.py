"""What the site says about its own day: the build line on every page, the home page's 今日 block.

The plugin hands each rendered page to `decorate`; the home page (hand-written docs/index.md or
the generated one) gets the block after its title, so a city's own index needs no placeholder.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from hikitsugi.facts import people
from hikitsugi.facts.review import DUE_SOON, NEVER, STALE, review_on
from hikitsugi.i18n import register
from hikitsugi.render import paths
from hikitsugi.render.site import links
from hikitsugi.render.site.context import SiteContext

register(
    {
        "site.built-line": ("このサイトは {day} に作成", "This site was built on {day}"),
        "site.today.title": ("今日の確認事項", "What matters today"),
        "site.today.reviews": ("見直しが必要な手順書", "Runbooks to review"),
        "site.today.leaving": ("異動・退職が近い職員", "People leaving soon"),
        "site.today.vacant": ("空席のポスト", "Vacant posts"),
        "site.today.nothing": ("ありません", "none"),
        "site.today.leaving-item": ("{name} ({post}、{day} まで)", "{name} ({post}, until {day})"),
        "site.today.pack": ("事務引継書", "handover pack"),
        "site.today.more": ("ほか {count} 件", "{count} more"),
        "site.today.vacant-since": ("{day} から空席", "vacant since {day}"),
    }
)

SHOWN = 8  # items a group lists before "ほか N 件": the status page has them all
_FIRST_H1_END = re.compile(r"</h1>")


def built_line(ctx: SiteContext) -> str:
    """The line every page ends with, saying the day the site was built."""
    return f'<p class="hk-built-on">{escape(ctx.label("site.built-line", day=ctx.day))}</p>'


def today_block(ctx: SiteContext, page: str = "index.md") -> str:
    """Reviews due, people leaving soon with their handover packs, and vacant posts, as HTML."""
    groups = [
        (ctx.label("site.today.reviews"), _reviews(ctx, page)),
        (ctx.label("site.today.leaving"), _leaving(ctx, page)),
        (ctx.label("site.today.vacant"), _vacant(ctx)),
    ]
    parts = [f'<section class="hk-today"><h2>{escape(ctx.label("site.today.title"))}</h2>']
    for title, items in groups:
        parts.append(f"<h3>{escape(title)}</h3><ul>")
        shown = items[:SHOWN] or [escape(ctx.label("site.today.nothing"))]
        parts += [f"<li>{item}</li>" for item in shown]
        if len(items) > SHOWN:
            status = ctx.link(page, paths.list_page("status"))
            more = escape(ctx.label("site.today.more", count=len(items) - SHOWN))
            parts.append(f'<li><a href="{escape(status)}">{more}</a></li>')
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _reviews(ctx: SiteContext, page: str) -> list[Markup]:
    found = []
    for runbook in ctx.kb.runbooks.values():
        if runbook.status == "retired":
            continue
        review = review_on(ctx.kb, runbook, ctx.day)
        if review.state in (STALE, DUE_SOON, NEVER):
            state = ctx.label(f"word.review.{review.state}")
            href = ctx.link(page, paths.runbook_page(runbook.id))
            key = (review.due or ctx.day, runbook.title)
            item = Markup('<a href="{}">{}</a> ({}{})').format(
                href, runbook.title, state, f" {review.due}" if review.due else ""
            )
            found.append((key, item))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _leaving(ctx: SiteContext, page: str) -> list[Markup]:
    found = []
    for role, going in ctx.leaving.items():
        for leaver in going:
            item = Markup("{}").format(
                ctx.label(
                    "site.today.leaving-item",
                    name=leaver.name,
                    post=ctx.role_title(role),
                    day=leaver.last_day,
                )
            )
            if leaver.pack:
                href = links.file_href(page, leaver.pack, ctx.directory_urls)
                item += Markup(' <a href="{}">{}</a>').format(href, ctx.label("site.today.pack"))
            found.append(((leaver.last_day, leaver.name), item))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _vacant(ctx: SiteContext) -> list[Markup]:
    found = []
    for vacancy in people.vacant_on(ctx.kb.roster, ctx.day):
        since = (
            f" ({ctx.label('site.today.vacant-since', day=vacancy.since)})" if vacancy.since else ""
        )
        found.append(Markup("{}{}").format(ctx.role_title(vacancy.role), since))
    return found


def decorate(ctx: SiteContext, page: str, html: str) -> str:
    """Return a page's HTML with the build line, and on the home page the 今日 block after its h1."""
    if page == "index.md":
        block = today_block(ctx, page)
        found = _FIRST_H1_END.search(html)
        html = html[: found.end()] + block + html[found.end() :] if found else block + html
    return html + built_line(ctx)
