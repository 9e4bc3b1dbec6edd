"""Labels of the site pages, in both languages (templates call `label(key)`).

The words for zones, methods, kinds, statuses, severities and modes are the vocabulary's
(`word.*` keys, in `L` too).
"""

from __future__ import annotations

from hikitsugi.i18n import register

register(
    {
        "site.improve": ("改善候補", "improvement candidate"),
        "site.h.kind": ("種別", "Kind"),
        "site.h.status": ("状態", "Status"),
        "site.h.owner": ("担当ポスト", "Owner post"),
        "site.h.holders": ("今日の担当者", "Held today by"),
        "site.h.deputies": ("副担当ポスト", "Deputy posts"),
        "site.h.tags": ("タグ", "Tags"),
        "site.h.zones": ("ネットワーク区分", "Zones"),
        "site.vacant": ("空席", "vacant"),
        "site.none": ("なし", "none"),
        "site.review.current": ("見直し済み(次回 {due} まで)", "Reviewed (next review due {due})"),
        "site.review.due-soon": ("見直し期限が近づいています({due})", "Review due soon ({due})"),
        "site.review.stale": (
            "見直し期限を過ぎています({due})。内容が古い可能性があります",
            "Review overdue since {due}: this page may be out of date",
        ),
        "site.review.never": (
            "一度も見直されていません。内容を確認してください",
            "Never reviewed: check before relying on it",
        ),
        "site.review.foot": (
            "最終見直し日: {reviewed} / 次回見直し期限: {due}",
            "Last reviewed: {reviewed} / next review due: {due}",
        ),
        "site.summary": ("概要", "Summary"),
        "site.schedule": ("年間の時期", "Schedule"),
        "site.swimlane": ("ネットワーク区分ごとの流れ", "Steps by network zone"),
        "site.steps": ("手順", "Steps"),
        "site.step-role": ("担当", "Done by"),
        "site.check": ("確認", "Check"),
        "site.caution": ("注意", "Caution"),
        "site.transfer": ("データの移動", "Data transfer"),
        "site.legal": ("根拠法令・規程", "Legal basis"),
        "site.contacts": ("連絡先", "Contacts"),
        "site.accounts": ("アカウント・権限", "Accounts"),
        "site.account.system": ("システム", "System"),
        "site.account.holder": ("保有ポスト", "Held by post"),
        "site.account.permission": ("権限", "Permission"),
        "site.account.note": ("備考", "Note"),
        "site.trouble": ("困ったとき", "Troubleshooting"),
        "site.symptom": ("症状", "Symptom"),
        "site.action": ("対処", "Action"),
        "site.open-issues": ("懸案事項", "Open issues"),
        "site.since": ("{since} から", "since {since}"),
        "site.history": ("改訂履歴", "History"),
        "site.uses": ("使うシステム・ツール", "Uses"),
        "site.used-by": ("この手順書を使う業務", "Used by"),
        "site.related": ("関連する手順書", "Related"),
        "site.checklist-link": ("印刷用チェックリスト", "Printable checklist"),
        "site.onboarding-print": ("印刷用の業務案内", "Printable onboarding pack"),
        "site.source": ("元ファイル", "Source file"),
        "site.extends": ("元にした標準手順書", "Based on standard"),
        "site.nav.runbooks": ("手順書", "Runbooks"),
        "site.nav.standards": ("標準手順書", "Standards"),
        "site.ics.title": ("カレンダーに取り込む (.ics)", "Add to your calendar (.ics)"),
        "site.ics.intro": (
            (
                "この年度の予定を iCalendar ファイルで配っています。Outlook や Google カレンダーに取り込めます。"
                "自分のポストのファイルを選んでください。"
            ),
            (
                "This fiscal year's schedule as iCalendar files, for Outlook or Google Calendar. "
                "Pick your post's file."
            ),
        ),
        "site.ics.all": ("全ポストの予定", "Every post"),
        "site.ics.role": (
            "予定をカレンダーに取り込む (.ics)",
            "Add the schedule to your calendar (.ics)",
        ),
        "site.leaving": (
            "{name} さんが {day} で異動・退任予定",
            "{name} leaves this post (last day {day})",
        ),
        "site.handover-pack": ("事務引継書 (印刷用)", "Handover pack (printable)"),
        "site.handover-written": (
            "経過・現況の記入: 済 ({file}、{day})",
            "state of the work: written ({file}, {day})",
        ),
        "site.handover-not-written": (
            "経過・現況の記入: 未 ({file} がありません。hikitsugi handover --person {id} --draft で作成)",
            "state of the work: not written ({file} is missing: hikitsugi handover --person {id} --draft)",
        ),
        "site.nav.guides": ("使い方と仕組み", "How to use it"),
        "site.standard.mark": ("標準手順書", "Standard"),
        "site.standard.note": (
            (
                "複数の自治体で共有する手順の標準形です。この自治体の見直し期限・監査の対象ではありません。"
                "各自治体の手順書が extends で取り込み、違う部分だけを書きます。"
            ),
            (
                "The shared form of a procedure, common to several municipalities. It is not audited "
                "here and has no review deadline of ours; local runbooks extend it and write only what differs."
            ),
        ),
        "site.standard.based-on": (
            "この標準手順書を元にした手順書",
            "Runbooks based on this standard",
        ),
        "site.nav.lists": ("一覧", "Lists"),
        "site.nav.onboarding": ("ポスト別の引継ぎ", "Onboarding by post"),
        "site.nav.checklists": ("チェックリスト", "Checklists"),
        "site.nav.more": ("{first} 〜 {last}", "{first} – {last}"),
        "site.page.processes": ("業務の一覧", "Processes"),
        "site.page.tools": ("システム・ツールの一覧", "Tools"),
        "site.page.owners": ("担当ポスト別の一覧", "By owner post"),
        "site.page.calendar": ("年間カレンダー", "Annual calendar"),
        "site.page.zones": ("ネットワーク間のデータ移動", "Zone map"),
        "site.page.status": ("ナレッジベースの状態", "Knowledge-base status"),
        "site.page.standards": ("標準手順書と各手順書の違い", "Standards and local differences"),
        "site.page.onboarding": ("{role} の仕事", "Working as {role}"),
        "site.page.checklist": ("チェックリスト: {title}", "Checklist: {title}"),
        "site.col.title": ("手順書", "Runbook"),
        "site.col.owner": ("担当ポスト", "Owner"),
        "site.col.reviewed": ("最終見直し", "Last reviewed"),
        "site.col.due": ("見直し期限", "Review due"),
        "site.col.count": ("件数", "Count"),
        "site.col.from": ("移動元", "From"),
        "site.col.to": ("移動先", "To"),
        "site.col.method": ("方法", "Method"),
        "site.col.step": ("手順", "Step"),
        "site.col.month": ("{month}月", "{month}"),
        "site.col.rule": ("指摘", "Finding"),
        "site.col.severity": ("重要度", "Severity"),
        "site.owned": ("担当する手順書", "Runbooks owned"),
        "site.cal.day": ("{day}日", "{day}"),
        "site.cal.days": ("{first}〜{last}日", "{first}–{last}"),
        "site.post.checklists": ("このポストのチェックリスト", "Checklists of this post"),
        "site.post.deputy-mark": ("副担当", "deputy"),
        "site.post.predecessor": (
            "前任者: {name} ({day} まで)",
            "Predecessor: {name} (until {day})",
        ),
        "site.post.ownerless": ("担当ポストのない手順書", "Runbooks without an owner post"),
        "site.post.loose-checklists": (
            "担当ポストのないチェックリスト",
            "Checklists without an owner post",
        ),
        "site.deputy-of": ("副担当の手順書", "Deputy for"),
        "site.no-schedule": ("時期の決まっていない業務", "Work without a fixed time of year"),
        "site.this-month": ("今月", "this month"),
        "site.fiscal-year": (
            "{year}年度 ({start} 〜 {end})",
            "Fiscal year {year} ({start} – {end})",
        ),
        "site.built-on": ("{day} 時点の情報", "as of {day}"),
        "site.zones.by-method": ("方法別の件数", "Transfers by method"),
        "site.zones.by-pair": ("移動元・移動先別の件数", "Transfers by source and target"),
        "site.zones.all": ("すべてのデータ移動", "Every transfer"),
        "site.zone-total": (
            "データ移動は全部で {count} か所、うち手での再入力は {rekey} か所",
            "{count} transfers in all, {rekey} of them re-keyed by hand",
        ),
        "site.zones.rekey-hours": (
            "手入力による再入力にかかる時間",
            "Staff time spent re-keying by hand",
        ),
        "site.zones.rekey-total": (
            "手入力による再入力にかかる時間: 年 {hours} 時間",
            "Re-keying by hand takes {hours} hours a year",
        ),
        "site.zones.rekey-basis": (
            "件数 (volume) × 再入力の手順の分数 (minutes) ÷ 60。件数か分数のない手順書は「未記入」で、合計に入りません",
            "cases (volume) × minutes of the re-keying steps ÷ 60. A runbook without cases or minutes is shown as not filled in and left out of the total",
        ),
        "site.zones.not-measured": ("未記入", "not filled in"),
        "site.col.rekey-steps": ("再入力の手順", "Re-keying steps"),
        "site.col.cases-per-year": ("年間件数", "Cases a year"),
        "site.col.rekey-minutes": ("1 件あたりの再入力 (分)", "Re-keying minutes a case"),
        "site.col.rekey-hours": ("再入力 (時間/年)", "Re-keying hours a year"),
        "site.col.total": ("合計", "Total"),
        "site.cutover.ahead": (
            "{tool}は {on} に{to}へ移行します。移行日までにこの手順書を見直してください",
            "{tool} is replaced by {to} on {on}: review this runbook by then",
        ),
        "site.cutover.passed-unreviewed": (
            "{tool}は {on} に{to}へ移行しました。この手順書は移行後に見直されていません。内容が古い可能性があります",
            "{tool} was replaced by {to} on {on}, and this runbook has not been reviewed since: it may be out of date",
        ),
        "site.cutover.passed-reviewed": (
            "{tool}は {on} に{to}へ移行しました (この手順書は移行後に見直し済み)",
            "{tool} was replaced by {to} on {on} (this runbook has been reviewed since)",
        ),
        "site.cutover.new-system": ("新しいシステム", "a new system"),
        "site.cutover.calendar": ("システム移行: {tool} → {to}", "System cutover: {tool} → {to}"),
        "site.health": (
            "健全な運用中の手順書: {healthy} / {audited} ({percent}%)",
            "Healthy active runbooks: {healthy} / {audited} ({percent}%)",
        ),
        "site.no-findings": ("指摘はありません", "No findings"),
        "site.findings-by-owner": ("担当ポスト別の指摘", "Findings by owner post"),
    }
)
