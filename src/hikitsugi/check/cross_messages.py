"""What the rules across files say (ids, roles, references, extends, handovers), in Japanese and English."""

from __future__ import annotations

from hikitsugi.i18n import register

register(
    {
        "check.duplicate-id": (
            "id '{id}' は {other} でも使われています",
            "id '{id}' is already used by {other}",
        ),
        "check.unknown-role": (
            "ポスト '{id}' は roster.yml にありません",
            "role '{id}' is not in roster.yml",
        ),
        "check.role-title": (
            "'{title}' はポスト名です。roster.yml のポストの id '{id}' を書いてください",
            "'{title}' is a post's title: write its id '{id}' from roster.yml",
        ),
        "check.unknown-runbook": ("手順書 '{id}' はありません", "no runbook has id '{id}'"),
        "check.unknown-standard": ("標準手順書 '{id}' はありません", "no standard has id '{id}'"),
        "check.extends-not-standard": (
            "'{id}' は standards/ の標準手順書ではないため extends できません",
            "'{id}' is not a standard (under standards/), so it cannot be extended",
        ),
        "check.extends-cycle": (
            "extends が循環しています: {cycle}",
            "extends forms a cycle: {cycle}",
        ),
        "check.standard-failed": (
            "標準手順書 '{id}' ({file}) に誤りがあるため、この手順書は検査せずに読み飛ばしました",
            "standard '{id}' ({file}) has errors, so this runbook was skipped unchecked",
        ),
        "check.unknown-person": (
            "職員 '{id}' は roster.yml にいません",
            "person '{id}' is not in roster.yml",
        ),
        "check.handover-not-duty": (
            "手順書 '{id}' は {person} の担当 (所有・副担当するポストの手順書) ではありません",
            "runbook '{id}' is not a duty of {person} (owned or deputised by their posts)",
        ),
        "check.duplicate-handover": (
            "職員 '{id}' の引継ぎメモは {other} にもあります",
            "person '{id}' already has a handover note in {other}",
        ),
        "check.long-checklist": (
            "チェックリストが {count} 行あります。15 行程度に収めると使いやすくなります (分割を検討)",
            "the checklist has {count} lines: about 15 keeps it usable (consider splitting it)",
        ),
    }
)
