"""What every site page needs: the KB, the day, the language, links and labels."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup

import hikitsugi.render.site.labels  # noqa: F401 - registers the site's labels
from hikitsugi import model, vocabulary
from hikitsugi.facts import fiscal, people
from hikitsugi.facts.schedule import Occurrence, active_occurrences
from hikitsugi.i18n import catalogue, placeholders, t
from hikitsugi.render import paths, safe_markdown, urls
from hikitsugi.render.paths import print_path
from hikitsugi.render.site import links as site_links
from hikitsugi.render.templates import environment
from hikitsugi.render.title_links import TitleIndex


@dataclass(frozen=True)
class Leaving:
    """A holder who leaves a post on *last_day*, and the path of their handover pack if any."""

    name: str
    last_day: datetime.date
    pack: str | None
    person_id: str = ""
    draft: str = ""  # handovers/ID.yml
    written_on: datetime.date | None = None
    written: bool = False


@dataclass
class SiteContext:
    """Shared inputs of page rendering; pure: nothing here reads the clock or the disk."""

    kb: model.KnowledgeBase
    day: datetime.date
    lang: str
    directory_urls: bool = False
    env: jinja2.Environment = field(init=False)
    _posts: dict[str | None, Markup] = field(init=False, default_factory=dict)
    printables: frozenset[str] = frozenset()  # paths of the print/ documents in this build
    calendars: frozenset[str] = frozenset()  # paths of the calendar/*.ics files in this build

    def __post_init__(self) -> None:
        self.env = environment(self.kb.root)

    def label(self, key: str, **params: object) -> str:
        """Return a label in the site's language."""
        return t(key, self.lang, **params)

    def link(self, source: str, target: str, anchor: str = "") -> str:
        """Return a relative link between two generated pages."""
        return site_links.href(source, target, self.directory_urls, anchor)

    def _to_root(self, page: str) -> str:
        """Return the relative prefix from *page* to the site root ("" or "../" …)."""
        prefix = site_links.file_href(page, "x", self.directory_urls)[: -len("x")]
        return prefix

    def printable(self, kind: str, name: str) -> str | None:
        """Path of the printable document print/KIND/NAME.html when this build has it."""
        path = print_path(kind, name)
        return path if path in self.printables else None

    def calendar(self, name: str) -> str | None:
        """Path of calendar/NAME.ics (a post's id, or "all") when this build has it."""
        path = paths.calendar_file(name)
        return path if path in self.calendars else None

    @cached_property
    def leaving(self) -> dict[str, list[Leaving]]:
        """Post id -> the holders who leave it within the handover window, with their pack."""
        end = people.window_end(self.kb, self.day)
        found: dict[str, list[Leaving]] = {}
        for role, going in people.leaving_by_post(self.kb.roster, self.day, end).items():
            found[role] = sorted(
                (
                    self.leaver(h.person, h.last_day)
                    for h in going
                    if h.last_day is not None  # a leaving holding always has a last day
                ),
                key=lambda leaving: (leaving.last_day, leaving.name),
            )
        return found

    def leaver(self, person: model.Person, last_day: datetime.date) -> Leaving:
        """A leaver with their pack and whether their handovers/ note is written."""
        note = self.kb.handovers.get(person.id)
        return Leaving(
            person.name,
            last_day,
            self.printable("handover", person.id),
            person.id,
            note.source if note else f"handovers/{person.id}.yml",
            note.date if note else None,
            note is not None,
        )

    def holders(self, role: str) -> list[str]:
        """Names of the people holding *role* on the build day."""
        return [person.name for person in people.holders(self.kb.roster, role, self.day)]

    def role_title(self, role: str | None) -> str:
        """Title of a post, or a dash when none."""
        return self.kb.roster.role_title(role) if role else "—"

    @cached_property
    def used_by(self) -> dict[str, list[model.Runbook]]:
        """Backlinks: runbook id -> the runbooks whose `uses` name it."""
        found: dict[str, list[model.Runbook]] = {}
        for runbook in sorted(self.kb.runbooks.values(), key=lambda r: r.id):
            for used in runbook.uses:
                found.setdefault(used, []).append(runbook)
        return found

    @cached_property
    def fiscal_occurrences(self) -> list[Occurrence]:
        """Occurrences of the active runbooks in the fiscal year of the build day."""
        start, end = fiscal.span(self.day, self.kb.config.fiscal_year_start)
        return active_occurrences(self.kb, start, end)

    @cached_property
    def labels(self) -> dict[str, Any]:
        """Values every template gets: L (labels without parameters), Z (zones), M (methods)."""
        plain = {
            key: t(key, self.lang)
            for key, texts in catalogue().items()
            if key.startswith(("site.", "word.")) and not placeholders(texts["ja"])
        }
        zones: dict[str | None, str] = {z: vocabulary.zone(z, self.lang) for z in vocabulary.ZONES}
        zones[None] = plain["word.zone.none"]
        methods = {m: vocabulary.word("method", m, self.lang) for m in vocabulary.TRANSFER_METHODS}
        return {"L": _Labels(plain), "Z": zones, "M": methods}

    @cached_property
    def titles(self) -> TitleIndex:
        """The runbooks' titles, for linking a step that names one (render/title_links.py)."""
        live = [r for r in self.kb.runbooks.values() if r.status != "retired"]
        # A title's short name, before its first bracket (「指数計算シート(Excel)」 -> 「指数計算シート」),
        # is how steps name a tool; the full titles win when they collide.
        short = {re.split(r"[(（]", r.title)[0].strip(): paths.runbook_page(r.id) for r in live}
        full = {r.title: paths.runbook_page(r.id) for r in live}
        return TitleIndex({**{k: v for k, v in short.items() if k}, **full})

    def title_finder(self, page: str) -> Callable[[str], list[tuple[int, int, str]]]:
        """Find other runbooks' titles in a text of *page* (the page's own title is not a link)."""
        own = [title for title, target in self.titles.targets.items() if target == page]
        return lambda text: self.titles.find(text, skip=own)

    def linked_titles(self, page: str, text: str) -> Markup:
        """*text* (plain, e.g. a step title) with the titles of other runbooks as links."""
        out = Markup("")
        at = 0
        for start, end, title in self.title_finder(page)(text):
            href = self.link(page, self.titles.targets[title])
            out += Markup('{}<a class="hk-title-link" href="{}">{}</a>').format(
                text[at:start], href, text[start:end]
            )
            at = end
        return out + text[at:]

    def post(self, role: str | None) -> Markup:
        """A post's title with today's holders (or 'vacant'), as HTML; cached per build."""
        if role not in self._posts:
            self._posts[role] = _post_html(self, role)
        return self._posts[role]

    def render(self, template: str, page: str, **values: Any) -> str:
        """Render templates/site/<template> for the page at source path *page*.

        Leading blank lines are dropped: MkDocs reads front matter only at the very start, and
        a template (or a city's override) that begins with a blank line would print it as text.
        """
        return (
            self.env.get_template(f"site/{template}")
            .render(
                ctx=self,
                page=page,
                label=self.label,
                link=lambda target, anchor="": self.link(page, target, anchor),
                file_link=lambda target: site_links.file_href(page, target, self.directory_urls),
                markdown=lambda text: Markup(
                    safe_markdown.render(
                        text,
                        self._to_root(page),
                        self.title_finder(page),
                        lambda title: self.link(page, self.titles.targets[title]),
                    )
                ),
                linked=lambda text: self.linked_titles(page, text),
                safe_link=urls.safe_link,
                mailto=urls.mailto,
                P=self.post,
                front_matter=front_matter,
                rb_page=paths.runbook_page,
                monthly=lambda day: vocabulary.monthly(day, self.lang),
                **self.labels,
                **values,
            )
            .lstrip()
        )


class _Labels(dict[str, str]):
    """Labels by key; an unknown key is a template bug, so it fails loudly."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"no label {key!r}")


def holder_spans(roster: model.Roster, role: str) -> list[list[str]]:
    """Every assignment to *role* as [name, from, until or ""], roster order.

    The browser decides today's holders from these (hikitsugi.js `holdersOn`, the rule of
    facts/people.py `holders`; tests/render/site/test_browser.py runs both on the same cases).
    """
    return [
        [person.name, a.start.isoformat(), a.until.isoformat() if a.until else ""]
        for person in roster.people
        for a in person.assignments
        if a.role == role
    ]


def _post_html(ctx: SiteContext, role: str | None) -> Markup:
    if not role:
        return Markup("—")
    names = ctx.holders(role)
    spans = json.dumps(holder_spans(ctx.kb.roster, role), ensure_ascii=False)
    holders = Markup(' <span class="{}" data-hk-holders="{}" data-vacant="{}">({})</span>').format(
        "hk-holders" if names else "hk-vacant",
        spans,
        ctx.label("site.vacant"),
        "、".join(dict.fromkeys(names)) if names else ctx.label("site.vacant"),
    )
    return Markup('<span class="hk-post">{}</span>').format(ctx.role_title(role)) + holders


def front_matter(title: str, **extra: object) -> Markup:
    """Return a YAML front matter block; the title is HTML-escaped because MkDocs themes print it raw."""
    from markupsafe import escape

    lines = ["---", f"title: {json.dumps(str(escape(title)), ensure_ascii=False)}"]
    lines += [
        f"{key}: {json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)}"
        for key, value in extra.items()
    ]
    return Markup("\n".join(lines + ["---"]))
