"""Where an item's review stands on a day: its due day and its state (format v1's table).

The audit's stale / due-soon rules, the site's banners and lists and the printed sheets and
packs all ask here; the site's script (assets/site/hikitsugi.js `reviewState`) repeats `state`
in the browser, and a browser test runs both on the same cases.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from hikitsugi.model import Checklist, Duration, KnowledgeBase, Runbook

CURRENT = "current"  # reviewed, and the due day is further than due_soon_days away
DUE_SOON = "due-soon"  # the due day is within due_soon_days (the due day itself too)
STALE = "stale"  # the day is after the due day
NEVER = "never"  # no reviewed_on
STATES = (CURRENT, DUE_SOON, STALE, NEVER)

Item = Runbook | Checklist


def interval(kb: KnowledgeBase, item: Item) -> Duration:
    """Return the item's review interval, or the KB's default."""
    return item.review_every or kb.config.review_every


def due_on(kb: KnowledgeBase, item: Item) -> datetime.date | None:
    """Return the day the item's next review is due (None if never reviewed)."""
    if item.reviewed_on is None:
        return None
    return interval(kb, item).after(item.reviewed_on)


def due_lookup(kb: KnowledgeBase) -> Callable[[Item], datetime.date | None]:
    """Return due_on for *kb*, memoised on (reviewed_on, interval): most items share review days."""
    memo: dict[tuple[datetime.date, Duration], datetime.date] = {}
    default = kb.config.review_every

    def lookup(item: Item) -> datetime.date | None:
        if item.reviewed_on is None:
            return None
        key = (item.reviewed_on, item.review_every or default)
        found = memo.get(key)
        if found is None:
            found = memo[key] = key[1].after(key[0])
        return found

    return lookup


def state(due: datetime.date | None, day: datetime.date, soon_days: int) -> str:
    """Classify a review due on *due* as seen on *day*: current | due-soon | stale | never."""
    if due is None:
        return NEVER
    if day > due:
        return STALE
    if (due - day).days <= soon_days:
        return DUE_SOON
    return CURRENT


@dataclass(frozen=True)
class Review:
    """The review of an item on a day."""

    state: str
    reviewed_on: datetime.date | None
    due: datetime.date | None
    due_soon_days: int


def review_on(kb: KnowledgeBase, item: Item, day: datetime.date) -> Review:
    """Return where *item*'s review stands on *day*."""
    due = due_on(kb, item)
    soon = kb.config.due_soon_days
    return Review(state(due, day, soon), item.reviewed_on, due, soon)
