"""Index pages: processes, tools, owner posts, annual calendar, zone map, onboarding."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from hikitsugi import model
from hikitsugi.facts import fiscal, people
from hikitsugi.facts.duties import EVERY, duties_of, runbooks_of
from hikitsugi.facts.review import review_on
from hikitsugi.facts.schedule import Occurrence
from hikitsugi.facts.workload import Workload, figure_text, is_rekey, total_rekey_hours, workload
from hikitsugi.model import add_months
from hikitsugi.render import paths
from hikitsugi.render.site.context import Leaving, SiteContext
from hikitsugi.vocabulary import TRANSFER_METHODS


def _in_year_order(ctx: SiteContext, runbooks: list[model.Runbook]) -> list[model.Runbook]:
    """Active first; then in the order the fiscal year brings them, then by owner in roster order."""
    first: dict[str, datetime.date] = {}
    for occurrence in ctx.fiscal_occurrences:
        first.setdefault(occurrence.runbook.id, occurrence.start)
    posts = {role: index for index, role in enumerate(ctx.kb.roster.roles)}
    never = datetime.date.max
    return sorted(
        runbooks,
        key=lambda r: (
            r.status != "active",
            first.get(r.id, never),
            posts.get(r.owner or "", len(posts)),
            r.title,
        ),
    )


def render_kind_list(ctx: SiteContext, kind: str) -> str:
    """Return the list of processes or tools, with owner and review state."""
    name = "processes" if kind == "process" else "tools"
    runbooks = _in_year_order(ctx, [r for r in ctx.kb.runbooks.values() if r.kind == kind])
    rows = [(r, review_on(ctx.kb, r, ctx.day)) for r in runbooks]
    return ctx.render(
        "list.html.j2", paths.list_page(name), title=ctx.label(f"site.page.{name}"), rows=rows
    )


@dataclass(frozen=True)
class PostWork:
    """All the work of a post for its pages: runbooks owned and deputised, checklists, predecessor."""

    role: model.Role
    owned: list[model.Runbook]
    deputy: list[model.Runbook]
    checklists: list[model.Checklist]
    predecessor: Leaving | None


def post_work(ctx: SiteContext, role: model.Role) -> PostWork:
    """What *role* owns and deputises (facts/duties.py), and who held it before (facts/people.py)."""
    duties = duties_of(ctx.kb, [role.id], statuses=EVERY)
    runbooks = [(d.relation, d.item) for d in duties if isinstance(d.item, model.Runbook)]
    since = ctx.day - datetime.timedelta(days=ctx.kb.config.handover_window_days)
    found = people.predecessor(ctx.kb.roster, role.id, ctx.day, since)
    return PostWork(
        role,
        _in_year_order(ctx, [r for relation, r in runbooks if relation == "owner"]),
        _in_year_order(ctx, [r for relation, r in runbooks if relation == "deputy"]),
        [d.item for d in duties if isinstance(d.item, model.Checklist)],
        ctx.leaver(found[0], found[1]) if found else None,
    )


def render_owners(ctx: SiteContext) -> str:
    """Return the page that lists, per post, its holders today and all its work; ownerless first."""
    posts = [post_work(ctx, role) for role in ctx.kb.roster.roles.values()]
    ownerless = _in_year_order(ctx, [r for r in ctx.kb.runbooks.values() if r.owner is None])
    loose = [c for c in ctx.kb.checklists.values() if c.owner is None]
    return ctx.render(
        "owners.html.j2", paths.list_page("owners"), posts=posts, ownerless=ownerless, loose=loose
    )


@dataclass(frozen=True)
class CalendarRow:
    runbook: model.Runbook
    months: tuple[tuple[str, ...], ...]  # labels per month of the fiscal year


def fiscal_year(ctx: SiteContext) -> tuple[datetime.date, datetime.date]:
    """First and last day of the fiscal year that contains the build day."""
    return fiscal.span(ctx.day, ctx.kb.config.fiscal_year_start)


def calendar_rows(ctx: SiteContext) -> tuple[list[datetime.date], list[CalendarRow]]:
    """Months of the fiscal year, and per scheduled runbook the labels that fall in each month."""
    start, _ = fiscal_year(ctx)
    months = [add_months(start, i) for i in range(12)]
    cells: dict[str, list[set[tuple[int, str]]]] = {}
    found: dict[str, model.Runbook] = {}
    for occurrence in ctx.fiscal_occurrences:
        found[occurrence.runbook.id] = occurrence.runbook
        row = cells.setdefault(occurrence.runbook.id, [set() for _ in months])
        for index in range(
            _month_index(start, occurrence.start), _month_index(start, occurrence.end) + 1
        ):
            if 0 <= index < 12:
                row[index].add(_with_days(ctx, occurrence, months[index]))
    rows = [
        CalendarRow(found[i], tuple(tuple(text for _, text in sorted(c)) for c in cells[i]))
        for i in cells
    ]
    rows.sort(key=lambda row: (next(i for i, c in enumerate(row.months) if c), row.runbook.title))
    return months, rows


def _with_days(ctx: SiteContext, occurrence: Occurrence, month: datetime.date) -> tuple[int, str]:
    """The occurrence's days within *month* and its label, e.g. 「16〜31日 指数付け・検算」."""
    last = add_months(month, 1) - datetime.timedelta(days=1)
    first_day = max(occurrence.start, month)
    last_day = min(occurrence.end, last)
    if first_day == last_day:
        days = ctx.label("site.cal.day", day=first_day.day)
    else:
        days = ctx.label("site.cal.days", first=first_day.day, last=last_day.day)
    return first_day.day, f"{days} {occurrence.label}"


def _month_index(start: datetime.date, day: datetime.date) -> int:
    """Months from the fiscal year's first month to *day*'s month."""
    return (day.year - start.year) * 12 + day.month - start.month


def render_calendar(ctx: SiteContext) -> str:
    """Return the annual calendar: months of the fiscal year × runbooks, this month marked."""
    months, rows = calendar_rows(ctx)
    start, end = fiscal_year(ctx)
    current = ctx.day.replace(day=1)
    return ctx.render(
        "calendar.html.j2",
        paths.list_page("calendar"),
        months=months,
        rows=rows,
        current=current,
        start=start,
        end=end,
        all_ics=ctx.calendar("all"),
        role_ics=[
            (role, path) for role in ctx.kb.roster.roles.values() if (path := ctx.calendar(role.id))
        ],
    )


def calendar_files(ctx: SiteContext) -> dict[str, bytes]:
    """The .ics of the fiscal year for every post with scheduled work, and one for all posts.

    DTSTAMP is the build day at 00:00 UTC, so the same KB and day give the same bytes.
    """
    from hikitsugi.calendar.ics import ics_files, roles_with_schedule

    roles = roles_with_schedule(ctx.kb)
    if not roles:
        return {}
    start, end = fiscal.span(ctx.day, ctx.kb.config.fiscal_year_start)
    stamp = datetime.datetime.combine(ctx.day, datetime.time(), tzinfo=datetime.UTC)
    everything, by_role = ics_files(ctx.kb, roles, start, end, stamp=stamp, lang=ctx.lang)
    files = {paths.calendar_file("all"): everything}
    files.update({paths.calendar_file(role): data for role, data in by_role.items()})
    return files


@dataclass(frozen=True)
class TransferUse:
    runbook: model.Runbook
    step: model.Step
    number: int


def transfers(kb: model.KnowledgeBase) -> list[TransferUse]:
    """Every transfer in the active and draft runbooks, in runbook then step order."""
    return [
        TransferUse(runbook, step, number)
        for runbook in sorted(kb.runbooks.values(), key=lambda r: r.id)
        if runbook.status != "retired"
        for number, step in enumerate(runbook.steps, start=1)
        if step.transfer is not None
    ]


@dataclass(frozen=True)
class RekeyRow:
    runbook: model.Runbook
    steps: int  # steps that re-key a transfer by hand
    workload: Workload
    minutes: str  # re-keying minutes a case as printed ('' when not filled in)
    hours: str  # re-keying hours a year as printed ('' when not filled in)


def rekey_rows(kb: model.KnowledgeBase) -> tuple[list[RekeyRow], str]:
    """Per runbook with a re-keyed transfer, its re-keying hours a year; and the total."""
    runbooks = sorted(
        {use.runbook.id: use.runbook for use in transfers(kb) if is_rekey(use.step)}.values(),
        key=lambda r: r.id,
    )
    rows = []
    for runbook in runbooks:
        figures = workload(runbook)
        steps = sum(1 for step in runbook.steps if is_rekey(step))
        rows.append(
            RekeyRow(
                runbook,
                steps,
                figures,
                figure_text(figures.rekey_minutes_per_case),
                figure_text(figures.rekey_hours_per_year),
            )
        )
    return rows, figure_text(total_rekey_hours(runbooks))


def render_zones(ctx: SiteContext) -> str:
    """Return the zone map: every transfer, counted by method (the inventory of re-entry)."""
    found = transfers(ctx.kb)
    counts = Counter(use.step.transfer.method for use in found if use.step.transfer)
    pairs = Counter(
        (use.step.transfer.source, use.step.transfer.target, use.step.transfer.method)
        for use in found
        if use.step.transfer
    )
    return ctx.render(
        "zones.html.j2",
        paths.list_page("zones"),
        uses=found,
        counts=[(method, counts.get(method, 0)) for method in TRANSFER_METHODS],
        pairs=sorted(pairs.items(), key=lambda item: (-item[1], item[0])),
        rekey=rekey_rows(ctx.kb),
    )


def onboarding_order(
    ctx: SiteContext, role: str
) -> tuple[list[tuple[model.Runbook, str]], list[model.Runbook]]:
    """The post's runbooks in the order the fiscal year brings them, then those without a time."""
    mine = runbooks_of(ctx.kb, role)
    ids = {r.id for r in mine}
    first: dict[str, tuple[datetime.date, str]] = {}
    for occurrence in ctx.fiscal_occurrences:
        if occurrence.runbook.id in ids and occurrence.runbook.id not in first:
            first[occurrence.runbook.id] = (occurrence.start, occurrence.label)
    timed = sorted((r for r in mine if r.id in first), key=lambda r: (first[r.id][0], r.title))
    untimed = _in_year_order(ctx, [r for r in mine if r.id not in first])
    return [
        (r, f"{first[r.id][0].month}/{first[r.id][0].day} {first[r.id][1]}") for r in timed
    ], untimed


def render_onboarding(ctx: SiteContext, role: model.Role) -> str:
    """Return the onboarding page of one post: what it does, in the order of the year."""
    timed, untimed = onboarding_order(ctx, role.id)
    return ctx.render(
        "onboarding.html.j2",
        paths.onboarding_page(role.id),
        printable=ctx.printable("onboarding", role.id),
        ics=ctx.calendar(role.id),
        leaving=ctx.leaving.get(role.id, []),
        role=role,
        timed=timed,
        untimed=untimed,
        work=post_work(ctx, role),
    )
