"""The words of the evidence report, for every reporter (HTML, PDF, CSV)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hikitsugi.i18n import register, t

LABELS: dict[str, tuple[str, str]] = {
    "title": ("内部統制 実施状況の証跡", "Internal control evidence"),
    "basis": (
        (
            "地方自治法 第150条の内部統制について、総務省「地方公共団体における内部統制制度の導入・実施ガイドライン」の"
            "整備状況 (手順が定められているか) と運用状況 (定めたとおりに行われたか) の評価に使う記録です。"
            "手順書データベースの実施記録 (records/runs/) から作成しました。"
        ),
        (
            "Evidence for evaluating internal control under Local Autonomy Act art. 150 (MIC guideline): "
            "design (are procedures set?) and operation (were they followed?). Made from the run "
            "records (records/runs/) of the runbook database."
        ),
    ),
    "period": ("対象期間", "Period"),
    "as-of": ("基準日", "As of"),
    "since": ("記録の開始日", "Records since"),
    "grace": ("記録の猶予", "Grace"),
    "grace-days": ("予定日の後 {days} 日", "{days} days after each occurrence"),
    "none": ("なし", "none"),
    "summary": ("集計", "Summary"),
    "design": ("整備状況", "Design"),
    "operation": ("運用状況", "Operation"),
    "controls": ("記録対象の手順", "Controls recorded"),
    "owned": ("所有ポストあり", "Owned"),
    "reviewed": ("見直し済み (期限内)", "Reviewed (not overdue)"),
    "with-checklist": ("チェックリストあり", "With a checklist"),
    "recorded-expected": ("実施記録 / 予定 (期限到来分)", "Runs recorded / expected (closed)"),
    "missed": ("記録なし (missed-run)", "Missed (missed-run)"),
    "open": ("記録待ち (期限前)", "Not yet due"),
    "runs": ("実施記録の件数", "Runs recorded"),
    "two-person-rate": ("別の職員による確認の率", "Checked by a second person"),
    "exceptions": ("例外", "Exceptions"),
    "rate": ("{checked} / {total} 件 ({percent} %)", "{checked} / {total} ({percent} %)"),
    "id": ("ID", "ID"),
    "name": ("名称", "Title"),
    "file": ("ファイル", "File"),
    "owner": ("所有ポスト", "Owner post"),
    "reviewed-on": ("最終見直し", "Reviewed on"),
    "review-state": ("見直しの状態", "Review"),
    "two-person": ("二人確認", "Two-person"),
    "yes": ("要", "yes"),
    "no": ("不要", "no"),
    "versions": ("年度中に有効だった版", "Versions in force during the year"),
    "version-since": ("有効になった日", "In force from"),
    "version-change": ("変更内容", "Change"),
    "version-by": ("変更したポスト", "Changed by"),
    "version-source": ("根拠", "From"),
    "source.history": ("history", "history"),
    "source.reviewed_on": ("reviewed_on", "reviewed_on"),
    "source.git": ("git の変更履歴", "git log"),
    "git-change": ("(ファイルの変更)", "(file changed)"),
    "occurrences": ("予定と実施", "Scheduled occurrences"),
    "kind": ("区分", "Kind"),
    "kind.occurrence": ("予定", "occurrence"),
    "kind.run": ("実施", "run"),
    "schedule": ("予定", "Scheduled"),
    "first": ("初日", "First day"),
    "last": ("最終日", "Last day"),
    "closes": ("記録期限", "Record by"),
    "status": ("状態", "Status"),
    "status.done": ("実施済み", "done"),
    "status.missed": ("記録なし", "missed"),
    "status.open": ("記録待ち", "not yet due"),
    "run-dates": ("実施日", "Run on"),
    "runs-title": ("実施記録", "Runs"),
    "date": ("実施日", "Date"),
    "performed-by": ("実施者", "Performed by"),
    "checked-by": ("確認者", "Checked by"),
    "revision": ("版", "Revision"),
    "self-checked": ("本人確認のみ (self-checked)", "self-checked"),
    "exception-item": ("項目", "Item"),
    "no-runs": ("この年度の実施記録はありません。", "No run is recorded in this year."),
    "no-controls": (
        "実施を記録する手順書・チェックリスト (record: true) がありません。",
        "No runbook or checklist records its runs (record: true).",
    ),
    "printed-on": ("作成日", "Made on"),
    "yes-mark": ("○", "yes"),
    "no-mark": ("×", "no"),
}
register({f"evidence.{key}": value for key, value in LABELS.items()})


def labeller(lang: str) -> Callable[..., str]:
    """Return L(key, **params): the evidence words (and the vocabulary's `word.*`) in *lang*."""

    def label(key: str, **params: Any) -> str:
        return t(key if key.startswith("word.") else f"evidence.{key}", lang, **params)

    return label


def percent(part: int, whole: int) -> str:
    """Return part / whole as a percentage with one decimal ('—' when whole is 0)."""
    return f"{100 * part / whole:.1f}" if whole else "—"
