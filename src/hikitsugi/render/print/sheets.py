"""Printable checklist sheets: a runbook's check lines or a standalone checklist, grouped.

Each step with a `check` line is a pause point (WHO checklist guidance): the team stops,
reads the group's lines and ticks them. Pure functions of (kb, item, day, lang).

A sheet is paper, and WeasyPrint lays out a long run of text in time that grows with its square:
one 30,000-character check line took 193 s, a 10,000-step runbook 126 s. So a text longer than
MAX_TEXT characters is cut with a note, and a sheet stops after MAX_LINES lines with a note
pointing to the site, which always has the whole runbook.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from hikitsugi import vocabulary as labels
from hikitsugi.facts import fiscal
from hikitsugi.facts.review import review_on
from hikitsugi.facts.runs import revision_on
from hikitsugi.i18n import register, t
from hikitsugi.model import Checklist, KnowledgeBase, Runbook
from hikitsugi.render import safe_markdown
from hikitsugi.render.paths import checklist_page, print_path, runbook_page

MAX_TEXT = 500  # characters of one line, step title or caution: about six printed lines
MAX_LINES = 200  # check lines of one sheet: far past the 15 a usable checklist has

register(
    {
        "sheet.extra-group": ("全体の確認", "Overall checks"),
        "sheet.cut-text": (
            "…(以下省略、全文は手順書サイト)",
            "… (cut; the full text is on the site)",
        ),
        "sheet.cut-lines": (
            (
                "※ 長すぎるため、全 {total} 行のうち {shown} 行までを印刷しました。"
                "残りは手順書サイト ({path}) を見てください"
            ),
            (
                "※ too long to print whole: {shown} of {total} lines printed; "
                "the rest is on the site ({path})"
            ),
        ),
    }
)


@dataclass(frozen=True)
class CheckLine:
    text: str
    role: str  # post title
    zone: str  # zone name, '' when none
    item: str = ""  # what a run record calls it: the step id, or the item's number (from 1)


@dataclass(frozen=True)
class CheckGroup:
    """A pause point: a step (or the overall checks) with its lines."""

    number: int
    title: str
    zone: str
    role: str
    lines: tuple[CheckLine, ...]
    caution: str | None = None
    transfer: str | None = None
    tables: tuple[str, ...] = ()  # the step's reference tables (HTML, made safe) from its detail


@dataclass(frozen=True)
class Sheet:
    id: str
    title: str
    organization: str
    owner: str
    mode: str
    mode_label: str
    reviewed_on: datetime.date | None
    due: datetime.date | None
    status: str
    status_label: str
    fiscal_year: str
    groups: tuple[CheckGroup, ...]
    source: str
    site_path: str
    printed_on: datetime.date
    cut_note: str = ""  # says what was left out when the sheet was too long to print whole
    record: bool = False  # runs are recorded: the sheet says what to type in from it
    revision: datetime.date | None = None  # the version in force on the print day

    @property
    def count(self) -> int:
        return sum(len(group.lines) for group in self.groups)

    @property
    def has_zones(self) -> bool:
        return any(line.zone for group in self.groups for line in group.lines)


def site_path(item: Runbook | Checklist) -> str:
    """Return where the latest version of the item's printable checklist lives in the site."""
    return print_path("checklists", item.id)


def cut(text: str, lang: str) -> str:
    """Return *text*, or its first MAX_TEXT characters and a note that the rest is on the site."""
    if len(text) <= MAX_TEXT:
        return text
    return text[:MAX_TEXT] + t("sheet.cut-text", lang)


def _runbook_groups(kb: KnowledgeBase, runbook: Runbook, lang: str) -> list[CheckGroup]:
    roster, groups = kb.roster, list[CheckGroup]()
    for step in runbook.steps:
        if not step.check:
            continue
        role = roster.role_title(step.role or runbook.owner or "")
        zone = labels.zone(step.zone, lang)
        move = step.transfer
        groups.append(
            CheckGroup(
                number=len(groups) + 1,
                title=cut(step.title, lang),
                zone=zone,
                role=role,
                lines=(CheckLine(cut(step.check, lang), role, zone, step.id),),
                caution=cut(step.caution, lang) if step.caution else None,
                transfer=labels.transfer(move.source, move.target, move.method, lang)
                if move
                else None,
                tables=tuple(safe_markdown.tables(step.detail or "")),
            )
        )
    if runbook.checklist_items:
        owner = roster.role_title(runbook.owner or "")
        lines = tuple(
            CheckLine(cut(text, lang), owner, "", str(number))
            for number, text in enumerate(runbook.checklist_items, start=1)
        )
        groups.append(CheckGroup(len(groups) + 1, t("sheet.extra-group", lang), "", owner, lines))
    return groups


def _checklist_groups(kb: KnowledgeBase, checklist: Checklist, lang: str) -> list[CheckGroup]:
    owner = kb.roster.role_title(checklist.owner or "")
    lines = tuple(
        CheckLine(
            cut(item.text, lang),
            kb.roster.role_title(item.role) if item.role else owner,
            "",
            str(number),
        )
        for number, item in enumerate(checklist.items, start=1)
    )
    return [CheckGroup(0, "", "", owner, lines)]  # one pause point: no heading needed


def sheet(kb: KnowledgeBase, item: Runbook | Checklist, day: datetime.date, lang: str) -> Sheet:
    """Build the printable checklist of *item* as printed on *day*."""
    if isinstance(item, Checklist):
        groups, mode = _checklist_groups(kb, item, lang), item.mode
    else:
        groups, mode = _runbook_groups(kb, item, lang), item.checklist_mode
    page = checklist_page(item.id) if isinstance(item, Checklist) else runbook_page(item.id)
    page = page.removesuffix(".md") + ".html"  # the page's URL (use_directory_urls: false)
    groups, cut_note = _first_lines(groups, page, lang)  # that page has every line
    review = review_on(kb, item, day)
    return Sheet(
        id=item.id,
        title=cut(item.title, lang),
        organization=kb.config.organization,
        owner=kb.roster.role_title(item.owner) if item.owner else "",
        mode=mode,
        mode_label=labels.word("mode", mode, lang),
        reviewed_on=item.reviewed_on,
        due=review.due,
        status=review.state,
        status_label=labels.word("review", review.state, lang),
        fiscal_year=fiscal.label_of(day, kb.config.fiscal_year_start, lang),
        groups=tuple(groups),
        source=item.source,
        site_path=site_path(item),
        printed_on=day,
        cut_note=cut_note,
        record=item.record,
        revision=revision_on(item, day),
    )


def _first_lines(groups: list[CheckGroup], path: str, lang: str) -> tuple[list[CheckGroup], str]:
    """Keep the groups up to MAX_LINES lines (a long group is cut too); say what was left out."""
    total = sum(len(group.lines) for group in groups)
    if total <= MAX_LINES:
        return groups, ""
    kept: list[CheckGroup] = []
    room = MAX_LINES
    for group in groups:
        if room <= 0:
            break
        if len(group.lines) > room:
            group = replace(group, lines=group.lines[:room])
        kept.append(group)
        room -= len(group.lines)
    return kept, t("sheet.cut-lines", lang, total=total, shown=MAX_LINES, path=path)
