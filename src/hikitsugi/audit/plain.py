"""The audit's messages in plain Japanese for people who never open the YAML (the site's status page).

The CLI's messages name the fields to edit (`reviewed_on`, `deputies`) because its readers edit the
files. The site's readers are coordinators: the same finding, the same rule name and severity
words (audit/view.py), said without field names or file paths. Every message key of
audit/rules.py has a plain form here; tests/audit/test_plain.py holds them to that.
"""

from __future__ import annotations

from hikitsugi.audit.findings import Finding
from hikitsugi.i18n import register, t

register(
    {
        "audit.plain.no-owner": (
            "所有ポスト (内容に責任を持つポスト) が決まっていません。所有ポストを決めてください",
            "no post is accountable for it: choose the post that keeps it true",
        ),
        "audit.plain.vacant-owner": (
            "所有ポスト「{role_title}」は {day} に誰も就いていません。後任を名簿に登録するか、所有ポストを変えてください",
            "the owner post '{role_title}' is held by nobody on {day}: add its holder to the roster or choose another owner post",
        ),
        "audit.plain.vacant-owner-since": (
            "所有ポスト「{role_title}」は {since} から空席です ({day} 現在)。後任を名簿に登録するか、所有ポストを変えてください",
            "the owner post '{role_title}' has been vacant since {since} (as of {day}): add its holder to the roster or choose another owner post",
        ),
        "audit.plain.handover-overdue": (
            "{name} ({role_title}、最終日 {last_day}) の事務引継ぎの期限 {due} を過ぎましたが、前任者の引継ぎメモ (経過・現況) がまだありません",
            "the handover of {name} ({role_title}, last day {last_day}) was due on {due} and the leaver's handover note is still missing",
        ),
        "audit.plain.never-reviewed": (
            "一度も見直されていません。内容を確かめ、見直した日を記録してください",
            "never reviewed: check it and record the day you did",
        ),
        "audit.plain.stale": (
            "見直し期限 {due} を {days} 日過ぎています。内容を確かめ、見直した日を記録してください",
            "review was due on {due}, {days} day(s) ago: check it and record the day you did",
        ),
        "audit.plain.due-soon": (
            "見直し期限 {due} まであと {days} 日です。期限までに内容を確かめてください",
            "review is due on {due}, in {days} day(s): check it by then",
        ),
        "audit.plain.due-today": (
            "本日 {due} が見直し期限です。内容を確かめ、見直した日を記録してください",
            "review is due today ({due}): check it and record the day you did",
        ),
        "audit.plain.owner-leaving": (
            "所有ポスト「{role_title}」の {leaving} が異動・退任予定です。後任への引継ぎを準備し、見直しを済ませてください",
            "the owner post '{role_title}' loses {leaving}: prepare the handover and review it before they go",
        ),
        "audit.plain.no-deputy": (
            "副所有ポストがありません。代わりに対応できるポストを決めてください",
            "no deputy post: choose a post that can stand in",
        ),
        "audit.plain.missed-run": (
            "{label} ({when}) の実施記録がありません ({closes} まで待ちました)。実施していれば記録し、していなければ理由と対応を所有ポストで確かめてください",
            "no run is recorded for {label} ({when}; waited until {closes}): record it if it was done, otherwise the owner post should find out why",
        ),
        "audit.plain.self-checked": (
            "{date} の実施は確認者がいないか、実施者 {performed_by} が自分で確認しています。別の職員に確認してもらってください",
            "the run of {date} has no checker, or {performed_by} checked their own work: have another person check it",
        ),
        "audit.plain.cutover-unreviewed": (
            "使っている「{tool_title}」は {on} に「{to}」へ移行しましたが、それ以後見直されていません。新しいシステムの操作に合わせて直してください",
            "uses '{tool_title}', replaced by '{to}' on {on}, and has not been reviewed since: bring it in line with the new system",
        ),
        "audit.plain.cutover-soon": (
            "使っている「{tool_title}」は {on} に「{to}」へ移行します (あと {days} 日)。移行日までに見直してください",
            "uses '{tool_title}', replaced by '{to}' on {on} (in {days} day(s)): review it by then",
        ),
        "audit.plain.retired-in-use": (
            "廃止された手順書「{target_title}」を参照しています。後継の手順書に差し替えるか、参照を外してください",
            "refers to the retired runbook '{target_title}': point it at its successor or remove the reference",
        ),
    }
)


def plain_key(key: str) -> str:
    """Return the plain form's key of an audit message key (audit.rule.X -> audit.plain.X)."""
    return "audit.plain." + key.removeprefix("audit.rule.")


def plain_message(finding: Finding, lang: str) -> str:
    """Return the finding's message without field names, for readers who do not edit YAML."""
    return t(plain_key(finding.key), lang, **finding.params)
