"""The search index: plain normalised text per page, written as a script that sets a global.

A script (not JSON) so that it loads from a file share over file://, where fetch() and
workers are blocked. The browser side (assets/site/hikitsugi.js) matches query terms as
substrings and CJK bigrams, so 指数 finds 基準指数 without a word segmenter. Every page staff
open is indexed: runbooks, checklists, standards, posts' onboarding pages and the hand-written
docs/ pages (given by the MkDocs plugin). Titles and tags carry their kana and romaji readings
(readings.py), so がくどう and gakudou find 学童.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hikitsugi import model, vocabulary
from hikitsugi.facts.duties import duties_of
from hikitsugi.i18n import register, t
from hikitsugi.render import paths
from hikitsugi.render.site import links as site_links
from hikitsugi.render.site.readings import readings
from hikitsugi.resolve.diff import extenders

INDEX_PATH = "assets/hikitsugi/search-index.js"
register(
    {
        "site.search-none": (
            "「{query}」に一致するページは見つかりませんでした。言葉を短くするか、ひらがなで試してください。",
            "No page matches “{query}”. Try fewer or shorter words.",
        ),
        "site.search-sheet": ("印刷用チェックリスト", "printable checklist"),
    }
)
_MARKUP = re.compile(r"\]\([^)]*\)|!\[|<[^>]*>|[*_`#>|\[\]]+")
_TABLE_RULE = re.compile(r"(?m)^[ \t|:-]*---[ \t|:-]*$")  # a table's |---|---| line says nothing
_SPACE = re.compile(r"\s+")
_LIST_MARK = re.compile(r"(?m)^\s*(?:[-+*]|\d+[.)])\s+")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.DOTALL)
_HEADING = re.compile(r"(?m)^#\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class HandWrittenPage:
    """A docs/ page as MkDocs sees it: its source path, its URL from the site root, its Markdown."""

    src_uri: str
    url: str
    markdown: str


def normalize(text: str) -> str:
    """NFKC, Markdown marks removed, spaces collapsed; the browser lower-cases it once on load."""
    text = _TABLE_RULE.sub(" ", unicodedata.normalize("NFKC", text))
    text = _LIST_MARK.sub(" ", text)
    return _SPACE.sub(" ", _MARKUP.sub(" ", text)).strip()


def _join(*parts: str | None) -> str:
    return normalize(" ".join(p for p in parts if p))


def _entry(
    kind: str,
    url: str,
    title: str,
    fields: tuple[str, str, str, str],
    tags: Iterable[str] = (),
    lang: str = "ja",
) -> dict[str, Any]:
    """Return an index entry: title, tags, summary, other, then the readings of title and tags.

    The kind's word (チェックリスト, 標準手順書 …) is searchable too, so 「チェックリスト 引継ぎ」
    finds the checklist.
    """
    other = (
        _join(fields[3], vocabulary.word("page", kind, lang)) if kind != "runbook" else fields[3]
    )
    return {
        "u": url,
        "t": title,
        "p": kind,
        "f": [*fields[:3], other, readings(title), readings(*tags)],
        "st": [],
    }


def document(
    kb: model.KnowledgeBase,
    runbook: model.Runbook,
    directory_urls: bool,
    kind: str = "runbook",
    page: str | None = None,
    lang: str = "ja",
) -> dict[str, Any]:
    """Return the index entry of one runbook (or standard): display fields and normalised fields."""
    steps = [
        [step.id, step.title, _join(step.title, step.detail, step.check, step.caution)]
        for step in runbook.steps
    ]
    other = _join(
        runbook.id,
        kb.roster.role_title(runbook.owner) if runbook.owner else None,
        *(f"{b.title} {b.article or ''}" for b in runbook.legal_basis),
        *(f"{t.symptom} {t.action}" for t in runbook.troubleshooting),
        *(f"{c.name} {c.org or ''}" for c in runbook.contacts),
        *(f"{a.system} {a.permission or ''}" for a in runbook.accounts),
        *(entry.label for entry in runbook.schedule),
        *(issue.text for issue in runbook.open_issues),
    )
    url = site_links.url(page or paths.runbook_page(runbook.id), directory_urls)
    fields = (normalize(runbook.title), _join(*runbook.tags), normalize(runbook.summary), other)
    entry = _entry(kind, url, runbook.title, fields, runbook.tags, lang)
    entry.update({"k": runbook.kind, "s": runbook.status, "st": steps})
    return entry


def _standard(
    kb: model.KnowledgeBase, standard: model.Runbook, directory_urls: bool, lang: str
) -> dict[str, Any]:
    """A standard's entry names the runbooks that extend it: the browser puts them first."""
    entry = document(
        kb, standard, directory_urls, "standard", paths.standard_page(standard.id), lang
    )
    own = [
        site_links.url(paths.runbook_page(r.id), directory_urls) for r in extenders(kb, standard.id)
    ]
    if own:
        entry["x"] = own
    return entry


def _checklist(
    kb: model.KnowledgeBase, item: model.Checklist, directory_urls: bool, lang: str
) -> dict[str, Any]:
    owner = kb.roster.role_title(item.owner) if item.owner else None
    items = _join(*(line.text for line in item.items))
    fields = (
        normalize(item.title),
        "",
        normalize(item.purpose or ""),
        _join(item.id, owner, items),
    )
    return _entry(
        "checklist",
        site_links.url(paths.checklist_page(item.id), directory_urls),
        item.title,
        fields,
        lang=lang,
    )


def _post(
    kb: model.KnowledgeBase, role: model.Role, directory_urls: bool, lang: str
) -> dict[str, Any]:
    duties = [duty.item.title for duty in duties_of(kb, [role.id])]
    fields = (normalize(role.title), _join(role.section), normalize("、".join(duties)), role.id)
    url = site_links.url(paths.onboarding_page(role.id), directory_urls)
    return _entry("post", url, role.title, fields, [role.section] if role.section else [], lang)


def hand_written(page: HandWrittenPage, lang: str = "ja") -> dict[str, Any]:
    """Return the index entry of a hand-written docs/ page: its first heading, then its text."""
    text = _FRONT_MATTER.sub("", page.markdown.replace("\r\n", "\n"))
    heading = _HEADING.search(text)
    title = heading.group(1) if heading else page.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    body = normalize(text)
    fields = (normalize(title), "", body[:300], body[300:])
    return _entry("docs", page.url, normalize(title), fields, lang=lang)


def _link_sheets(docs: list[dict[str, Any]], printables: frozenset[str]) -> None:
    """Give runbooks and checklists the URL of their printable sheet (print/checklists/ID.html)."""
    for doc in docs:
        if doc["p"] in ("runbook", "checklist"):
            name = doc["u"].rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
            sheet = paths.print_path("checklists", name)
            if sheet in printables:
                doc["c"] = sheet


def search_index(
    kb: model.KnowledgeBase,
    directory_urls: bool = False,
    lang: str | None = None,
    hand_written_pages: Iterable[HandWrittenPage] = (),
    printables: frozenset[str] = frozenset(),
) -> str:
    """Return the JavaScript that defines window.HIKITSUGI_SEARCH_INDEX.

    A runbook or checklist whose printable sheet is in *printables* links to it from its result.
    """
    lang = lang or kb.config.language
    docs = [
        document(kb, r, directory_urls, lang=lang)
        for r in sorted(kb.runbooks.values(), key=lambda r: r.id)
    ]
    docs += [
        _standard(kb, s, directory_urls, lang)
        for s in sorted(kb.standards.values(), key=lambda s: s.id)
    ]
    docs += [
        _checklist(kb, c, directory_urls, lang)
        for c in sorted(kb.checklists.values(), key=lambda c: c.id)
    ]
    docs += [_post(kb, role, directory_urls, lang) for role in kb.roster.roles.values()]
    docs += [hand_written(page, lang) for page in hand_written_pages]
    _link_sheets(docs, printables)
    # results name a runbook that is not in use, and say what kind of page each is, in the vocabulary's words
    statuses = {s: vocabulary.word("status", s, lang) for s in ("draft", "retired")}
    kinds = {k: vocabulary.word("page", k, lang) for k in vocabulary.PAGE_KINDS}
    words = {
        "none": t("site.search-none", lang, query="{query}"),  # the browser puts the query in
        "sheet": t("site.search-sheet", lang),
    }
    index = {"version": 2, "statuses": statuses, "kinds": kinds, **words, "docs": docs}
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script element when the index is inlined; escape it anyway.
    return "window.HIKITSUGI_SEARCH_INDEX=" + payload.replace("</", "<\\/") + ";\n"
