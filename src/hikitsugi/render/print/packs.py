"""Handover packs (事務引継書) and onboarding packs: what they contain, as plain values.

Pure functions of (kb, who, day, lang); the templates under templates/print/ lay them out.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass

from hikitsugi import vocabulary
from hikitsugi.errors import HikitsugiError, UsageError
from hikitsugi.facts import people
from hikitsugi.facts.checklists import has_checklist
from hikitsugi.facts.duties import Duty
from hikitsugi.facts.review import review_on
from hikitsugi.facts.schedule import Occurrence
from hikitsugi.i18n import register, t
from hikitsugi.model import (
    Checklist,
    Contact,
    Item,
    KnowledgeBase,
    Ledger,
    OpenIssue,
    Person,
    Runbook,
    add_months,
)
from hikitsugi.render.print.sheets import Sheet, sheet
from hikitsugi.rotation.plan import SCHEDULE_MONTHS, Leaver, handover_of

register(
    {
        "pack.unknown-person": (
            "職員 '{id}' は roster.yml にいません{hint}",
            "no person '{id}' in roster.yml{hint}",
        ),
        "pack.unknown-role": (
            "ポスト '{id}' は roster.yml にありません{hint}",
            "no post '{id}' in roster.yml{hint}",
        ),
        "pack.did-you-mean": (" (候補: {names})", " (did you mean: {names})"),
        "pack.nothing-to-hand-over": (
            (
                "{name} ({id}) には {day} に引き継ぐものがありません"
                " (就いているポストが所有・副担当する手順書・チェックリストも、保有するアカウントもありません)"
            ),
            (
                "{name} ({id}) has nothing to hand over on {day}"
                " (their posts own or deputise no runbook or checklist and hold no account)"
            ),
        ),
        "pack.no-post": (
            "{name} ({id}) は {day} にどのポストにも就いていません",
            "{name} ({id}) holds no post on {day}",
        ),
        "pack.nothing-to-read": (
            "ポスト「{role}」が所有・副担当する手順書はありません",
            "the post '{role}' owns or deputises no runbook",
        ),
    }
)


class NothingToPrint(HikitsugiError):
    """The request is valid but there is nothing to put on paper: exit 1, not an empty document."""

    exit_code = 1


@dataclass(frozen=True)
class DutyRow:
    id: str
    title: str
    kind: str
    relation: str
    role: str
    reviewed_on: datetime.date | None
    due: datetime.date | None
    status: str
    status_label: str
    summary: str = ""
    state: str = ""  # 経過・現況, from handovers/
    notes: str = ""
    relation_id: str = "owner"  # owner | deputy


@dataclass(frozen=True)
class PostRow:
    title: str
    until: datetime.date | None
    successors: str
    successor_from: datetime.date | None


@dataclass(frozen=True)
class SignerRow:
    """One line of the signature block: 前任者, 後任者/代理者, 立会人 or 所属長."""

    label: str  # the print label key: outgoing | incoming | deputy | witness | head
    name: str
    title: str  # the post title (職名)


@dataclass(frozen=True)
class IssueRow:
    runbook: str
    issue: OpenIssue


@dataclass(frozen=True)
class LedgerRow:
    runbook: str
    ledger: Ledger
    medium: str


@dataclass(frozen=True)
class ItemRow:
    post: str
    item: Item
    kind: str


@dataclass(frozen=True)
class HandoverPack:
    organization: str
    person: Person
    posts: tuple[PostRow, ...]
    successor: str
    duties: tuple[DutyRow, ...]  # 主担当 (owned) first, then 副担当 (deputised)
    schedule: tuple[tuple[str, str, str], ...]  # (when, label, runbook title)
    schedule_end: datetime.date
    issues: tuple[IssueRow, ...]  # open ones only
    accounts: tuple[tuple[str, str, str, str], ...]  # (system, permission, holder post, note)
    contacts: tuple[tuple[str, Contact], ...]  # (runbook title, contact)
    sheets: tuple[Sheet, ...]
    day: datetime.date
    signers: tuple[SignerRow, ...] = ()
    deadline: str = ""
    ledgers: tuple[LedgerRow, ...] = ()
    items: tuple[ItemRow, ...] = ()
    policy: str = ""
    remarks: str = ""
    written_on: datetime.date | None = None
    sources: tuple[str, ...] = ()  # the files the pack was made from, for the footer and freezing

    @property
    def owned(self) -> tuple[DutyRow, ...]:
        return tuple(d for d in self.duties if d.relation_id == "owner")

    @property
    def deputised(self) -> tuple[DutyRow, ...]:
        return tuple(d for d in self.duties if d.relation_id == "deputy")


def _hint(wanted: str, choices: dict[str, str], lang: str) -> str:
    """Return ' (候補: ...)' with the close matches among ids and names, or ''."""
    close = difflib.get_close_matches(wanted, list(choices), n=3, cutoff=0.5)
    names = list(dict.fromkeys(choices[c] for c in close))
    return t("pack.did-you-mean", lang, names=", ".join(names)) if names else ""


def find_person(kb: KnowledgeBase, person_id: str, lang: str) -> Person:
    """Return the person, or raise UsageError naming close matches."""
    found = kb.roster.person(person_id)
    if found:
        return found
    choices = {p.id: f"{p.id} ({p.name})" for p in kb.roster.people}
    choices.update({p.name: f"{p.id} ({p.name})" for p in kb.roster.people})
    raise UsageError("pack.unknown-person", id=person_id, hint=_hint(person_id, choices, lang))


def find_role(kb: KnowledgeBase, role: str, lang: str) -> str:
    """Return the role id, or raise UsageError naming close matches."""
    if role in kb.roster.roles:
        return role
    choices = {r.id: f"{r.id} ({r.title})" for r in kb.roster.roles.values()}
    choices.update({r.title: f"{r.id} ({r.title})" for r in kb.roster.roles.values()})
    raise UsageError("pack.unknown-role", id=role, hint=_hint(role, choices, lang))


def duty_row(
    kb: KnowledgeBase, duty: Duty, day: datetime.date, lang: str, person: str | None = None
) -> DutyRow:
    """Describe one duty with its review status on *day* (and the leaver's words, if written)."""
    review = review_on(kb, duty.item, day)
    note = kb.handovers.get(person) if person else None
    written = note.duty(duty.item.id) if note else None
    return DutyRow(
        id=duty.item.id,
        title=duty.item.title,
        kind=vocabulary.word("kind", duty.kind, lang),
        relation=vocabulary.word("relation", duty.relation, lang),
        role=kb.roster.role_title(duty.role),
        reviewed_on=duty.item.reviewed_on,
        due=review.due,
        status=review.state,
        status_label=vocabulary.word("review", review.state, lang),
        summary=duty.item.summary if isinstance(duty.item, Runbook) else "",
        state=written.state if written else "",
        notes=written.notes if written else "",
        relation_id=duty.relation,
    )


def _contacts(duties: tuple[Duty, ...]) -> tuple[tuple[str, Contact], ...]:
    """Each contact once (same name, organisation, phone and email), with every runbook it serves."""
    found: dict[tuple[str | None, ...], tuple[list[str], Contact]] = {}
    for duty in duties:
        if isinstance(duty.item, Runbook):
            for contact in duty.item.contacts:
                key = (contact.name, contact.org, contact.phone, contact.email)
                titles, _ = found.setdefault(key, ([], contact))
                if duty.item.title not in titles:
                    titles.append(duty.item.title)
    return tuple(("、".join(titles), contact) for titles, contact in found.values())


def schedule_rows(found: tuple[Occurrence, ...], lang: str) -> tuple[tuple[str, str, str], ...]:
    """Return (when, label, runbook title) rows; a monthly entry is one row with its span."""
    monthly: dict[tuple[str, str], list[Occurrence]] = {}
    for occurrence in found:
        if occurrence.monthly:
            monthly.setdefault((occurrence.runbook.id, occurrence.label), []).append(occurrence)
    rows = []
    for occurrence in found:
        if not occurrence.monthly:
            when = (
                str(occurrence.start)
                if occurrence.start == occurrence.end
                else f"{occurrence.start} 〜 {occurrence.end}"
            )
            rows.append((occurrence.start, when, occurrence.label, occurrence.runbook.title))
            continue
        group = monthly.get((occurrence.runbook.id, occurrence.label))
        if group and group[0] is occurrence:
            span = (
                f"{group[0].start} 〜 {group[-1].start}" if len(group) > 1 else str(group[0].start)
            )
            when = monthly_label(occurrence, lang) + f" ({span})"
            rows.append((occurrence.start, when, occurrence.label, occurrence.runbook.title))
    return tuple((when, label, title) for _, when, label, title in rows)


def monthly_label(occurrence: Occurrence, lang: str) -> str:
    """毎月10日 / 毎月末日: the entry's day, not the day it fell on this month (31 → 30 in April)."""
    day = occurrence.entry.monthly if occurrence.entry and occurrence.entry.monthly else None
    return vocabulary.monthly(day or occurrence.start.day, lang)


def _successor_names(leaver: Leaver, to: Person | None) -> str:
    if to is not None:
        return to.name
    names = [p.name for post in leaver.posts for p in post.successors]
    return "、".join(dict.fromkeys(names))


def handover_pack(
    kb: KnowledgeBase,
    person: Person,
    day: datetime.date,
    lang: str,
    to: Person | None = None,
    with_deputy: bool = False,
) -> HandoverPack:
    """Build the handover pack of *person* on *day*; NothingToPrint when there is nothing."""
    leaver = handover_of(kb, person, day)
    if not leaver.posts:
        raise NothingToPrint("pack.no-post", name=person.name, id=person.id, day=day)
    if not leaver.has_anything:
        raise NothingToPrint("pack.nothing-to-hand-over", name=person.name, id=person.id, day=day)
    roster = kb.roster
    posts = tuple(
        PostRow(
            roster.role_title(p.role),
            p.last_day,
            to.name if to else "、".join(s.name for s in p.successors),
            None if to else p.successor_from,
        )
        for p in leaver.posts
    )
    note = kb.handovers.get(person.id)
    last_day = leaver.last_day
    return HandoverPack(
        organization=kb.config.organization,
        person=person,
        posts=posts,
        successor=_successor_names(leaver, to),
        duties=tuple(duty_row(kb, d, day, lang, person.id) for d in leaver.duties),
        schedule=schedule_rows(leaver.schedule, lang),
        schedule_end=add_months(day, SCHEDULE_MONTHS) - datetime.timedelta(days=1),
        issues=tuple(
            IssueRow(i.runbook.title, i.issue) for i in leaver.open_issues if i.issue.is_open
        ),
        accounts=tuple(
            (
                m.account.system,
                m.account.permission or "",
                roster.role_title(m.account.holder),
                m.account.note or "",
            )
            for m in leaver.accounts
        ),
        contacts=_contacts(leaver.duties),
        sheets=_sheets(kb, leaver, day, lang, with_deputy),
        day=day,
        signers=_signers(kb, person, day, to),
        deadline=people.deadline(kb, last_day).text(lang) if last_day else "",
        ledgers=_ledgers(leaver, lang),
        items=tuple(
            ItemRow(roster.role_title(p.role), item, vocabulary.word("item", item.kind, lang))
            for p in leaver.posts
            if p.role in roster.roles
            for item in roster.roles[p.role].items
        ),
        policy=note.policy if note else "",
        remarks=note.remarks if note else "",
        written_on=note.date if note else None,
        sources=_sources(kb, leaver, note.source if note else None),
    )


def _signers(
    kb: KnowledgeBase, person: Person, day: datetime.date, to: Person | None
) -> tuple[SignerRow, ...]:
    """The signature lines: each post's 後任者 (or 代理者), then one 立会人 and 所属長."""
    roster = kb.roster
    held = people.held_by(person, day)
    rows = [SignerRow("outgoing", person.name, "、".join(roster.role_title(h.role) for h in held))]
    found = [people.signers(kb, h) for h in held]
    for signed in found:
        if to is not None:
            rows.append(
                SignerRow("incoming", to.name, roster.role_title(signed.outgoing.role or ""))
            )
            continue
        for signer in signed.incoming:
            rows.append(_row("deputy" if signed.deputy else "incoming", signer, kb))
    if found:
        rows.append(_row("witness", found[0].witness, kb))
        rows.append(_row("head", found[0].head, kb))
    return tuple(rows)


def _row(label: str, signer: people.Signer, kb: KnowledgeBase) -> SignerRow:
    name = signer.person.name if signer.person else ""
    title = kb.roster.role_title(signer.role) if signer.role and signer.person else ""
    return SignerRow(label, name, title)


def _sheets(
    kb: KnowledgeBase, leaver: Leaver, day: datetime.date, lang: str, with_deputy: bool
) -> tuple[Sheet, ...]:
    """Checklist sheets: every `purpose: handover` checklist first, then the owned duties' sheets."""
    roles = set(leaver.roles)
    handover = [
        c
        for c in sorted(kb.checklists.values(), key=lambda c: c.id)
        if c.purpose == "handover" and (c.owner is None or c.owner in roles)
    ]
    items: list[Runbook | Checklist] = list(handover)
    items += [
        d.item
        for d in leaver.duties
        if (with_deputy or d.relation == "owner") and d.item not in handover
    ]
    return tuple(sheet(kb, item, day, lang) for item in items if has_checklist(item))


def _ledgers(leaver: Leaver, lang: str) -> tuple[LedgerRow, ...]:
    """The 目録 of ledgers and files: those of owned duties, then of deputised ones (marked)."""
    deputy = vocabulary.word("relation", "deputy", lang)
    return tuple(
        LedgerRow(
            d.item.title if d.relation == "owner" else f"{d.item.title} ({deputy})",
            ledger,
            vocabulary.word("medium", ledger.medium, lang),
        )
        for d in leaver.duties  # owned first (facts/duties orders them)
        if isinstance(d.item, Runbook)
        for ledger in d.item.ledgers
    )


def _sources(kb: KnowledgeBase, leaver: Leaver, note: str | None) -> tuple[str, ...]:
    """The knowledge-base files the pack is made from (relative paths), each once, sorted."""
    files = {"hikitsugi.yml", "roster.yml"} | {d.item.source for d in leaver.duties}
    files |= {c.source for c in kb.checklists.values() if c.purpose == "handover"}
    files |= {m.runbook.source for m in leaver.accounts}
    bases = {d.item.extends for d in leaver.duties if isinstance(d.item, Runbook)}
    files |= {kb.standards[b].source for b in bases if b and b in kb.standards}
    if note:
        files.add(note)
    return tuple(sorted(files))


def find_item(kb: KnowledgeBase, item_id: str, lang: str) -> Runbook | Checklist:
    """Return the runbook or checklist *item_id*, or raise UsageError with close matches."""
    item: Runbook | Checklist | None = kb.runbooks.get(item_id) or kb.checklists.get(item_id)
    if item is not None:
        return item
    choices = {i: i for i in [*kb.runbooks, *kb.checklists]}
    raise UsageError("pack.unknown-item", id=item_id, hint=_hint(item_id, choices, lang))


register(
    {
        "pack.unknown-item": (
            "手順書・チェックリスト '{id}' はありません{hint}",
            "no runbook or checklist has id '{id}'{hint}",
        ),
        "pack.no-checklist": (
            "'{id}' にはチェックリストにする行 (steps の check、checklist.items) がありません",
            "'{id}' has no checklist lines (steps' check, checklist.items)",
        ),
    }
)
