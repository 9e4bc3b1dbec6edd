"""Rotation plans as text for a 係長 and as JSON for notifiers (the output of `hikitsugi rotation`)."""

from __future__ import annotations

from typing import Any

from hikitsugi import vocabulary
from hikitsugi.facts import review
from hikitsugi.facts.duties import Duty
from hikitsugi.facts.review import due_on
from hikitsugi.facts.schedule import Occurrence
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase
from hikitsugi.rotation.plan import Leaver, RotationPlan, Vacancy

register(
    {
        "rotation.opt-window": (
            "対象期間の日数 (既定: hikitsugi.yml の handover_window_days)",
            "days in the window (default: handover_window_days of hikitsugi.yml)",
        ),
        "rotation.title": (
            "異動計画 {start} 〜 {end} ({days} 日間)",
            "Rotation plan {start} to {end} ({days} days)",
        ),
        "rotation.counts": (
            "異動・退任 {leavers} 名、空席になるポスト {vacancies}、現在空席のポスト {vacant}",
            "{leavers} person(s) leaving, {vacancies} post(s) falling vacant, {vacant} vacant now",
        ),
        "rotation.nobody": (
            "この期間に異動・退任する職員はいません",
            "nobody leaves in this window",
        ),
        "rotation.person": ("■ {name} ({id})  最終日 {until}", "■ {name} ({id})  last day {until}"),
        "rotation.post": ("ポスト: {role}", "post: {role}"),
        "rotation.successor": ("後任: {names} ({start} から)", "successor: {names} (from {start})"),
        "rotation.no-successor": (
            "後任: 未定 (roster.yml に記載なし)",
            "successor: not yet named in roster.yml",
        ),
        "rotation.duties": ("担当業務 ({count})", "duties ({count})"),
        "rotation.duty": (
            "{id}  {title} [{relation}]  見直し期限 {due}",
            "{id}  {title} [{relation}]  review due {due}",
        ),
        "rotation.accounts": (
            "移管するシステムアカウント ({count})",
            "system accounts to move ({count})",
        ),
        "rotation.account": (
            "{system}: {permission} (保有ポスト: {holder}; {runbook})",
            "{system}: {permission} (held by {holder}; {runbook})",
        ),
        "rotation.issues": ("懸案事項 ({count})", "open issues ({count})"),
        "rotation.schedule": (
            "今後 12 か月の予定 ({count})",
            "scheduled work in the next 12 months ({count})",
        ),
        "rotation.none": ("なし", "none"),
        "rotation.vacancies": ("■ 空席になるポスト", "■ Posts falling vacant"),
        "rotation.vacancy": (
            "{role} ({id}): {start} から空席{filled} — 所有・副担当 {count} 件",
            "{role} ({id}): vacant from {start}{filled} — owns or deputises {count}",
        ),
        "rotation.filled": (" ({day} に着任予定)", " (filled on {day})"),
        "rotation.unfilled": (" (後任未定)", " (no successor named)"),
        "rotation.vacant": ("■ 現在空席のポスト", "■ Posts vacant now"),
        "rotation.vacant-post": (
            "{role} ({id}): {since}{filled} — 所有・副担当 {count} 件",
            "{role} ({id}): {since}{filled} — owns or deputises {count}",
        ),
        "rotation.vacant-since": ("{day} から空席", "vacant since {day}"),
        "rotation.never-held": ("就任者の記録なし", "never held"),
        "rotation.bad-window": (
            "--window は 0 から {most} までの日数です ({value})",
            "--window must be from 0 to {most} days ({value})",
        ),
    }
)


def _due(kb: KnowledgeBase, duty: Duty, lang: str) -> str:
    due = due_on(kb, duty.item)
    return due.isoformat() if due else vocabulary.word("review", review.NEVER, lang)


def _when(occurrence: Occurrence) -> str:
    if occurrence.start == occurrence.end:
        return occurrence.start.isoformat()
    return f"{occurrence.start.isoformat()}〜{occurrence.end.isoformat()}"


def schedule_lines(occurrences: tuple[Occurrence, ...], lang: str) -> list[str]:
    """One line per occurrence; a monthly entry once, with its first day."""
    lines, seen = [], set()
    for o in occurrences:
        if o.monthly:
            key = (o.runbook.id, o.label)
            if key in seen:
                continue
            seen.add(key)
            day = o.entry.monthly if o.entry and o.entry.monthly else o.start.day
            when = vocabulary.monthly(day, lang) + f" ({o.start.isoformat()}〜)"
        else:
            when = _when(o)
        lines.append(f"{when}  {o.label} ({o.runbook.id})")
    return lines


def _section(title: str, lines: list[str], lang: str) -> list[str]:
    return [f"  {title}"] + [f"    - {line}" for line in lines or [t("rotation.none", lang)]]


def leaver_lines(leaver: Leaver, kb: KnowledgeBase, lang: str) -> list[str]:
    """The text block of one person leaving."""
    roster = kb.roster
    until = leaver.last_day.isoformat() if leaver.last_day else "-"
    lines = [
        "",
        t("rotation.person", lang, name=leaver.person.name, id=leaver.person.id, until=until),
    ]
    for post in leaver.posts:
        lines.append("  " + t("rotation.post", lang, role=roster.role_title(post.role)))
        if post.successors:
            names = "、".join(p.name for p in post.successors)
            lines.append(
                "    " + t("rotation.successor", lang, names=names, start=post.successor_from)
            )
        else:
            lines.append("    " + t("rotation.no-successor", lang))
    duties = duty_lines(leaver.duties, kb, lang)
    accounts = [
        t(
            "rotation.account",
            lang,
            system=m.account.system,
            permission=m.account.permission or "-",
            holder=roster.role_title(m.account.holder),
            runbook=m.runbook.id,
        )
        for m in leaver.accounts
    ]
    issues = [
        f"{i.issue.since.isoformat()}  {i.issue.text} ({i.runbook.id})" for i in leaver.open_issues
    ]
    schedule = schedule_lines(leaver.schedule, lang)
    lines += _section(t("rotation.duties", lang, count=len(duties)), duties, lang)
    lines += _section(t("rotation.accounts", lang, count=len(accounts)), accounts, lang)
    lines += _section(t("rotation.issues", lang, count=len(issues)), issues, lang)
    lines += _section(t("rotation.schedule", lang, count=len(schedule)), schedule, lang)
    return lines


def duty_lines(duties: tuple[Duty, ...], kb: KnowledgeBase, lang: str) -> list[str]:
    """One line per duty: id, title, relation and review due day."""
    return [
        t(
            "rotation.duty",
            lang,
            id=d.item.id,
            title=d.item.title,
            relation=vocabulary.word("relation", d.relation, lang),
            due=_due(kb, d, lang),
        )
        for d in duties
    ]


def _filled(vacancy: Vacancy, lang: str) -> str:
    if vacancy.filled_on:
        return t("rotation.filled", lang, day=vacancy.filled_on)
    return t("rotation.unfilled", lang)


def vacancy_line(vacancy: Vacancy, kb: KnowledgeBase, lang: str) -> str:
    """One line for a post falling vacant."""
    return t(
        "rotation.vacancy",
        lang,
        role=kb.roster.role_title(vacancy.role),
        id=vacancy.role,
        start=vacancy.since,
        filled=_filled(vacancy, lang),
        count=len(vacancy.duties),
    )


def vacant_lines(vacancy: Vacancy, kb: KnowledgeBase, lang: str) -> list[str]:
    """A post vacant on the day: since when, until when, and the duties nobody covers."""
    since = (
        t("rotation.vacant-since", lang, day=vacancy.since)
        if vacancy.since
        else t("rotation.never-held", lang)
    )
    line = t(
        "rotation.vacant-post",
        lang,
        role=kb.roster.role_title(vacancy.role),
        id=vacancy.role,
        since=since,
        filled=_filled(vacancy, lang),
        count=len(vacancy.duties),
    )
    return [f"  - {line}"] + [f"      - {duty}" for duty in duty_lines(vacancy.duties, kb, lang)]


def text_lines(result: RotationPlan, kb: KnowledgeBase, lang: str) -> list[str]:
    """Render the plan as text for a 係長."""
    days = (result.window_end - result.day).days
    lines = [t("rotation.title", lang, start=result.day, end=result.window_end, days=days)]
    lines.append(
        t(
            "rotation.counts",
            lang,
            leavers=len(result.leavers),
            vacancies=len(result.vacancies),
            vacant=len(result.vacant),
        )
    )
    if not result.leavers:
        lines.append(t("rotation.nobody", lang))
    for leaver in result.leavers:
        lines += leaver_lines(leaver, kb, lang)
    if result.vacancies:
        lines += ["", t("rotation.vacancies", lang)]
        lines += [f"  - {vacancy_line(v, kb, lang)}" for v in result.vacancies]
    if result.vacant:
        lines += ["", t("rotation.vacant", lang)]
        for vacancy in result.vacant:
            lines += vacant_lines(vacancy, kb, lang)
    return lines


def _duty_json(kb: KnowledgeBase, duty: Duty) -> dict[str, Any]:
    due = due_on(kb, duty.item)
    return {
        "id": duty.item.id,
        "title": duty.item.title,
        "kind": duty.kind,
        "role": duty.role,
        "relation": duty.relation,
        "file": duty.item.source,
        "due": due.isoformat() if due else None,
    }


def _leaver_json(kb: KnowledgeBase, leaver: Leaver) -> dict[str, Any]:
    return {
        "person": leaver.person.id,
        "name": leaver.person.name,
        "last_day": leaver.last_day.isoformat() if leaver.last_day else None,
        "posts": [
            {
                "role": p.role,
                "title": kb.roster.role_title(p.role),
                "until": p.last_day.isoformat() if p.last_day else None,
                "successors": [s.id for s in p.successors],
                "successor_from": p.successor_from.isoformat() if p.successor_from else None,
            }
            for p in leaver.posts
        ],
        "duties": [_duty_json(kb, d) for d in leaver.duties],
        "accounts": [
            {
                "system": m.account.system,
                "holder": m.account.holder,
                "permission": m.account.permission,
                "note": m.account.note,
                "runbook": m.runbook.id,
            }
            for m in leaver.accounts
        ],
        "open_issues": [
            {"since": i.issue.since.isoformat(), "text": i.issue.text, "runbook": i.runbook.id}
            for i in leaver.open_issues
        ],
        "schedule": [
            {
                "start": o.start.isoformat(),
                "end": o.end.isoformat(),
                "label": o.label,
                "runbook": o.runbook.id,
                "monthly": o.monthly,
            }
            for o in leaver.schedule
        ],
    }


def as_json(result: RotationPlan, kb: KnowledgeBase) -> dict[str, Any]:
    """Return the plan as plain JSON data (a stable shape for notifiers)."""
    return {
        "as_of": result.day.isoformat(),
        "window_end": result.window_end.isoformat(),
        "leavers": [_leaver_json(kb, leaver) for leaver in result.leavers],
        "vacancies": [
            {
                "role": v.role,
                "title": kb.roster.role_title(v.role),
                "from": v.since.isoformat() if v.since else None,
                "filled_on": v.filled_on.isoformat() if v.filled_on else None,
                "duties": [_duty_json(kb, d) for d in v.duties],
            }
            for v in result.vacancies
        ],
        "vacant": [
            {
                "role": v.role,
                "title": kb.roster.role_title(v.role),
                "since": v.since.isoformat() if v.since else None,
                "filled_on": v.filled_on.isoformat() if v.filled_on else None,
                "duties": [_duty_json(kb, d) for d in v.duties],
            }
            for v in result.vacant
        ],
    }
