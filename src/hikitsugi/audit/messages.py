"""What each audit rule says, in Japanese and English: a message says what to do."""

from __future__ import annotations

from hikitsugi.i18n import register

register(
    {
        "audit.rule.no-owner": (
            "所有ポストがありません。owner に、内容に責任を持つポストを設定してください",
            "has no owner: set owner to the post accountable for keeping it true",
        ),
        "audit.rule.vacant-owner": (
            (
                "所有ポスト「{role_title}」は {day} に誰も就いていません。"
                "roster.yml に後任を登録するか、owner を別のポストに変えてください"
            ),
            (
                "the owner post '{role_title}' is held by nobody on {day}: "
                "add its holder to roster.yml or give the runbook another owner"
            ),
        ),
        "audit.rule.vacant-owner-since": (
            (
                "所有ポスト「{role_title}」は {since} から空席です ({day} 現在)。"
                "roster.yml に後任を登録するか、owner を別のポストに変えてください"
            ),
            (
                "the owner post '{role_title}' has been held by nobody since {since} "
                "(as of {day}): add its holder to roster.yml or give the runbook another owner"
            ),
        ),
        "audit.rule.handover-overdue": (
            (
                "{name} ({role_title}、最終日 {last_day}) の事務引継ぎの期限 {due} を過ぎましたが、"
                "handovers/{id}.yml がありません。hikitsugi handover --person {id} --draft で作り、"
                "経過・現況を記入してください"
            ),
            (
                "the handover of {name} ({role_title}, last day {last_day}) was due on {due} "
                "and handovers/{id}.yml is missing: write it with "
                "hikitsugi handover --person {id} --draft and fill in the state of each duty"
            ),
        ),
        "audit.rule.never-reviewed": (
            "一度も見直されていません。内容を確かめ、reviewed_on に確認した日を記入してください",
            "has never been reviewed: check it and set reviewed_on to the day you did",
        ),
        "audit.rule.stale": (
            "見直し期限 {due} を {days} 日過ぎています。内容を確かめ、reviewed_on を更新してください",
            "review was due on {due}, {days} day(s) ago: check it and update reviewed_on",
        ),
        "audit.rule.due-soon": (
            "見直し期限 {due} まであと {days} 日です。期限までに内容を確かめ、reviewed_on を更新してください",
            "review is due on {due}, in {days} day(s): check it by then and update reviewed_on",
        ),
        "audit.rule.due-today": (
            "本日 {due} が見直し期限です。内容を確かめ、reviewed_on を更新してください",
            "review is due today ({due}): check it and update reviewed_on",
        ),
        "audit.rule.owner-leaving": (
            (
                "所有ポスト「{role_title}」の {leaving} が異動・退任予定です。"
                "後任への引継ぎを準備し、見直しを済ませてください"
            ),
            (
                "the owner post '{role_title}' loses {leaving}: "
                "prepare the handover and review it before they go"
            ),
        ),
        "audit.rule.no-deputy": (
            "副担当ポストがありません。deputies に、代わりに対応できるポストを加えてください",
            "has no deputy: add a post that can stand in to deputies",
        ),
        "audit.rule.missed-run": (
            (
                "{label} ({when}) の実施記録がありません ({closes} まで待ちました)。"
                "実施していれば hikitsugi run {id} --date 実施日 --by 職員 で記録し、"
                "実施していなければ理由と対応を所有ポストで確かめてください"
            ),
            (
                "no run is recorded for {label} ({when}; waited until {closes}): "
                "if it was done, record it with hikitsugi run {id} --date DAY --by PERSON; "
                "if not, the owner post should find out why and what to do"
            ),
        ),
        "audit.rule.self-checked": (
            (
                "{date} の実施 ({file}) は確認者がいないか、実施者 {performed_by} が自分で確認しています。"
                "別の職員に確認してもらい、checked_by にその職員を記入してください"
            ),
            (
                "the run of {date} ({file}) has no checker, or {performed_by} checked their own "
                "work: have another person check it and write them in checked_by"
            ),
        ),
        "audit.rule.cutover-unreviewed": (
            (
                "使っている「{tool_title}」({tool}) は {on} に「{to}」へ移行しましたが、"
                "この手順書はそれ以後見直されていません。新しいシステムの操作に合わせて直し、reviewed_on を更新してください"
            ),
            (
                "uses '{tool_title}' ({tool}), replaced by '{to}' on {on}, and has not been reviewed "
                "since: bring it in line with the new system and update reviewed_on"
            ),
        ),
        "audit.rule.cutover-soon": (
            (
                "使っている「{tool_title}」({tool}) は {on} に「{to}」へ移行します (あと {days} 日)。"
                "移行日までにこの手順書を見直してください"
            ),
            (
                "uses '{tool_title}' ({tool}), replaced by '{to}' on {on} (in {days} day(s)): "
                "review this runbook by then"
            ),
        ),
        "audit.rule.retired-in-use": (
            (
                "廃止された手順書「{target_title}」({target}) を {via} で参照しています。"
                "後継の手順書に差し替えるか、参照を外してください"
            ),
            (
                "refers to the retired runbook '{target_title}' ({target}) in {via}: "
                "point it at its successor or remove the reference"
            ),
        ),
    }
)
