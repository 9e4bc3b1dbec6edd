"""Words that printouts and rotation reports share: zones, modes, relations, fiscal years."""

from __future__ import annotations

from hikitsugi.i18n import register, t

register(
    {
        "label.zone.mynumber": ("マイナンバー利用事務系", "My Number network"),
        "label.zone.lgwan": ("LGWAN接続系", "LGWAN network"),
        "label.zone.internet": ("インターネット接続系", "Internet network"),
        "label.zone.paper": ("紙・窓口", "Paper / counter"),
        "label.method.sanitize": ("無害化", "sanitised"),
        "label.method.media": ("許可された記録媒体", "approved media"),
        "label.method.rekey": ("手入力で再入力", "re-keyed by hand"),
        "label.method.integration": ("システム連携", "system link"),
        "label.mode.read-do": ("READ-DO (読み上げながら実施)", "READ-DO (read, then do)"),
        "label.mode.do-confirm": ("DO-CONFIRM (実施後に確認)", "DO-CONFIRM (do, then confirm)"),
        "label.relation.owner": ("所有", "owner"),
        "label.relation.deputy": ("副担当", "deputy"),
        "label.kind.process": ("業務手順", "process"),
        "label.kind.tool": ("システム・道具", "tool"),
        "label.kind.checklist": ("チェックリスト", "checklist"),
        "label.monthly": ("毎月 {day} 日", "monthly on day {day}"),
    }
)

def zone(name: str | None, lang: str) -> str:
    """Return the printed name of a zone ('' when none)."""
    return t(f"label.zone.{name}", lang) if name else ""


def transfer(source: str, target: str, method: str, lang: str) -> str:
    """Return a transfer call-out such as `⇄ インターネット接続系 → LGWAN接続系 (無害化)`."""
    return f"⇄ {zone(source, lang)} → {zone(target, lang)} ({t(f'label.method.{method}', lang)})"

