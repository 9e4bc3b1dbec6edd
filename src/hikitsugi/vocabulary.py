"""The one set of words for the format's values, in Japanese and English.

Zones, transfer methods, runbook kinds, statuses, review states, severities, checklist modes,
relations to a post, and monthly days: the site, the printouts and every CLI report say them
with these words (message keys `word.<group>.<value>`). The values themselves are the JSON
Schema's enums (and facts/review.py's states); tests/test_vocabulary.py holds them equal.
"""

from __future__ import annotations

from typing import Any

from hikitsugi import schema
from hikitsugi.facts import review
from hikitsugi.i18n import register, t


def _enum(filename: str, *path: str) -> tuple[str, ...]:
    node: Any = schema.raw(filename)
    for part in path:
        node = node[part]
    return tuple(node["enum"])


ZONES = _enum("common.schema.json", "$defs", "zone")
TRANSFER_METHODS = _enum(
    "runbook.schema.json", "$defs", "step", "properties", "transfer", "properties", "method"
)
KINDS = (*_enum("runbook.schema.json", "properties", "kind"), "checklist")
STATUSES = _enum("runbook.schema.json", "properties", "status")
MODES = _enum("checklist.schema.json", "properties", "mode")
MEDIA = _enum("runbook.schema.json", "properties", "ledgers", "items", "properties", "medium")
ITEM_KINDS = _enum(
    "roster.schema.json",
    "properties",
    "roles",
    "items",
    "properties",
    "items",
    "items",
    "properties",
    "kind",
)
SEVERITIES = ("error", "warning", "info")  # info: the audit's notes, never a finding
RELATIONS = ("owner", "deputy")
PAGE_KINDS = ("runbook", "checklist", "standard", "post", "docs")  # what a search result is

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "zone": {
        "mynumber": ("マイナンバー利用事務系", "My Number network"),
        "lgwan": ("LGWAN接続系", "LGWAN network"),
        "internet": ("インターネット接続系", "Internet network"),
        "paper": ("紙・窓口", "Paper / counter"),
    },
    "method": {
        "sanitize": ("無害化", "sanitised"),
        "media": ("許可された記録媒体", "approved media"),
        "rekey": ("手入力による再入力", "re-keyed by hand"),
        "integration": ("システム連携", "system integration"),
    },
    "kind": {
        "process": ("業務手順", "process"),
        "tool": ("システム・ツール", "tool"),
        "checklist": ("チェックリスト", "checklist"),
    },
    "status": {
        "draft": ("下書き", "draft"),
        "active": ("運用中", "active"),
        "retired": ("廃止", "retired"),
    },
    "review": {
        review.CURRENT: ("見直し済み", "reviewed"),
        review.DUE_SOON: ("見直し期限間近", "review due soon"),
        review.STALE: ("見直し期限切れ", "review overdue"),
        review.NEVER: ("未見直し", "never reviewed"),
    },
    "severity": {
        "error": ("エラー", "error"),
        "warning": ("警告", "warning"),
        "info": ("参考", "info"),
    },
    "mode": {
        "read-do": ("読み上げながら実施 (READ-DO)", "READ-DO (read, then do)"),
        "do-confirm": ("実施後に確認 (DO-CONFIRM)", "DO-CONFIRM (do, then confirm)"),
    },
    "relation": {
        "owner": ("所有", "owner"),
        "deputy": ("副担当", "deputy"),
    },
    "page": {
        "runbook": ("手順書", "runbook"),
        "checklist": ("チェックリスト", "checklist"),
        "standard": ("標準手順書", "standard"),
        "post": ("ポスト", "post"),
        "docs": ("案内ページ", "guide page"),
    },
    "medium": {
        "paper": ("紙", "paper"),
        "electronic": ("電子ファイル", "electronic file"),
        "system": ("システム", "system"),
    },
    "item": {
        "key": ("鍵", "key"),
        "seal": ("印章", "seal"),
        "media": ("記録媒体", "storage medium"),
        "cash": ("現金・金券", "cash"),
        "document": ("証書類", "certificate"),
        "equipment": ("機器", "equipment"),
        "other": ("その他", "other"),
    },
}
VALUES = {
    "zone": ZONES,
    "method": TRANSFER_METHODS,
    "kind": KINDS,
    "status": STATUSES,
    "review": review.STATES,
    "severity": SEVERITIES,
    "mode": MODES,
    "relation": RELATIONS,
    "page": PAGE_KINDS,
    "medium": MEDIA,
    "item": ITEM_KINDS,
}

register(
    {
        f"word.{group}.{value}": words
        for group, values in WORDS.items()
        for value, words in values.items()
    }
)
register(
    {
        "word.zone.none": ("(区分なし)", "(no zone)"),
        "word.monthly": ("毎月{day}日", "monthly on day {day}"),
        # 29 and 30: February is shorter, and the format moves them to its last day
        "word.monthly-february": (
            "毎月{day}日、2月は末日",
            "monthly on day {day}, in February its last day",
        ),
        "word.monthly-last": ("毎月末日", "monthly on the last day"),
    }
)


def word(group: str, value: str, lang: str) -> str:
    """Return the word for *value* of *group* (zone, method, kind, status, review, ...)."""
    return t(f"word.{group}.{value}", lang)


def zone(name: str | None, lang: str) -> str:
    """Return the name of a zone ('' when none)."""
    return word("zone", name, lang) if name else ""


def transfer(source: str, target: str, method: str, lang: str) -> str:
    """Return a transfer call-out such as `⇄ インターネット接続系 → LGWAN接続系 (無害化)`."""
    return f"⇄ {zone(source, lang)} → {zone(target, lang)} ({word('method', method, lang)})"


def monthly(day: int, lang: str) -> str:
    """Name a `monthly: day` entry: 毎月10日; 31 is 毎月末日, as every shorter month runs to its end."""
    if day >= 31:
        return t("word.monthly-last", lang)
    if day >= 29:
        return t("word.monthly-february", lang, day=day)
    return t("word.monthly", lang, day=day)
