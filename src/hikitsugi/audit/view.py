"""What an audit run shows, apart from how it is printed: findings grouped by owner post."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hikitsugi import vocabulary
from hikitsugi.audit.findings import SEVERITY_RANK, AuditReport, Finding
from hikitsugi.audit.git import GitHint
from hikitsugi.audit.rules import RULES
from hikitsugi.check.problems import Problem
from hikitsugi.facts import review
from hikitsugi.facts.people import names_by_post
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase

register(
    {
        "audit.label.no-owner": ("所有ポストなし", "no owner"),
        "audit.label.vacant-owner": ("所有ポストが空席", "owner post vacant"),
        "audit.label.owner-leaving": ("所有ポストの担当者が異動予定", "owner leaving"),
        "audit.label.no-deputy": ("副担当なし", "no deputy"),
        "audit.label.retired-in-use": ("廃止手順書を参照", "uses a retired runbook"),
        "audit.label.handover-overdue": ("引継書の未作成", "handover not written"),
        "audit.label.missed-run": ("実施記録なし", "run not recorded"),
        "audit.label.self-checked": ("本人確認のみ", "checked by the performer"),
        "audit.label.cutover-unreviewed": (
            "システム移行後に未見直し",
            "not reviewed since cutover",
        ),
        "audit.label.cutover-soon": ("システム移行が間近", "system cutover soon"),
        "audit.title": (
            "監査結果 {organization} ({as_of} 時点)",
            "Audit of {organization} as of {as_of}",
        ),
        "audit.title-due": (
            "見直し期限の近いもの {organization} ({as_of} から {days} 日以内)",
            "Falling due at {organization} (within {days} days of {as_of})",
        ),
        "audit.no-owner-group": ("所有ポスト未設定", "No owner post"),
        "audit.vacant": ("空席", "vacant"),
        "audit.none": ("指摘はありません", "no findings"),
        "audit.summary": ("集計", "Summary"),
        "audit.counts": (
            "エラー {errors} 件、警告 {warnings} 件",
            "{errors} error(s), {warnings} warning(s)",
        ),
        "audit.health": (
            "健全度 {health} ({healthy}/{audited} 件にエラーなし)、目安 {target} 以上: {verdict}",
            "health {health} ({healthy} of {audited} without errors), target {target} or more: {verdict}",
        ),
        "audit.health-ok": ("達成", "met"),
        "audit.health-low": ("未達", "not met"),
        "audit.hints": (
            "参考: 見直しの後に編集されたもの (git)",
            "Note: edited after review (git)",
        ),
        "audit.skipped": (
            "誤りがあるため監査できなかったファイル (hikitsugi check で確認してください)",
            "Files not audited because they have errors (see hikitsugi check)",
        ),
        "audit.check-errors": ("check のエラー {count} 件", "{count} check error(s)"),
        "audit.col.rule": ("規則", "rule"),
        "audit.col.rule_label": ("規則名", "rule name"),
        "audit.col.severity": ("重要度", "severity"),
        "audit.col.id": ("ID", "id"),
        "audit.col.title": ("名称", "title"),
        "audit.col.file": ("ファイル", "file"),
        "audit.col.line": ("行", "line"),
        "audit.col.owner_role": ("所有ポスト", "owner post"),
        "audit.col.owner_title": ("所有ポスト名", "owner post title"),
        "audit.col.owner_people": ("担当者", "people"),
        "audit.col.due": ("見直し期限", "review due"),
        "audit.col.message": ("指摘と対応", "finding and what to do"),
        "audit.col.count": ("件数", "count"),
        "audit.col.where": ("場所", "where"),
    }
)


# The review rules are named by the review state they report, in the vocabulary's words.
REVIEW_RULES = {"never-reviewed": review.NEVER, "stale": review.STALE, "due-soon": review.DUE_SOON}


def rule_label(rule: str, lang: str) -> str:
    """Return the name of an audit rule in *lang*, e.g. 見直し期限切れ for stale."""
    if rule in REVIEW_RULES:
        return vocabulary.word("review", REVIEW_RULES[rule], lang)
    return t(f"audit.label.{rule}", lang)


def severity_label(severity: str, lang: str) -> str:
    """Return エラー / 警告 / 参考 (the words the site and printouts use too)."""
    return vocabulary.word("severity", severity, lang)


@dataclass(frozen=True)
class OwnerGroup:
    """Findings of one owner post (role None: no owner), with who holds it on the day."""

    role: str | None
    title: str
    people: tuple[str, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class AuditView:
    """An audit report with its context: the KB, skipped files, check errors, git hints."""

    report: AuditReport
    kb: KnowledgeBase
    skipped: tuple[str, ...] = ()
    check_errors: tuple[Problem, ...] = ()
    hints: tuple[GitHint, ...] = ()
    due_within: int | None = None
    filters: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Return the number of findings per rule, every rule present, in table order."""
        counts = dict.fromkeys(RULES, 0)
        for finding in self.report.findings:
            counts[finding.rule] += 1
        return counts

    def severity_counts(self) -> dict[str, int]:
        """Return the number of findings per severity."""
        return {
            "errors": sum(1 for f in self.report.findings if f.severity == "error"),
            "warnings": sum(1 for f in self.report.findings if f.severity == "warning"),
        }

    def groups(self) -> list[OwnerGroup]:
        """Group findings by owner post: no owner first, then posts in roster order."""
        holders = names_by_post(self.kb.roster, self.report.as_of)
        order = {role: index for index, role in enumerate(self.kb.roster.roles)}
        by_role: dict[str | None, list[Finding]] = {}
        for finding in self.report.findings:
            by_role.setdefault(finding.owner_role, []).append(finding)
        roles = sorted(
            by_role, key=lambda r: (-1, "") if r is None else (order.get(r, len(order)), r)
        )
        return [
            OwnerGroup(
                role,
                self.kb.roster.role_title(role) if role else "",
                holders.get(role, ()) if role else (),
                tuple(by_role[role]),
            )
            for role in roles
        ]

    def worst(self) -> int:
        """Return the rank of the worst finding (check errors rank as errors), -1 if none."""
        ranks = [SEVERITY_RANK[f.severity] for f in self.report.findings]
        if self.check_errors:
            ranks.append(SEVERITY_RANK["error"])
        return max(ranks, default=-1)


def percent(value: float) -> str:
    """Render a share as `57.9 %` (`80 %`, not `80.0 %`)."""
    text = f"{value * 100:.1f}"
    return f"{text.removesuffix('.0')} %"


def heading(view: AuditView, lang: str) -> str:
    """Return the report's title line."""
    organization = view.kb.config.organization
    if view.due_within is not None:
        return t(
            "audit.title-due",
            lang,
            organization=organization,
            as_of=view.report.as_of.isoformat(),
            days=view.due_within,
        )
    return t("audit.title", lang, organization=organization, as_of=view.report.as_of.isoformat())


def health_line(view: AuditView, lang: str) -> str:
    """Return the health sentence with the 80 % target."""
    report = view.report
    verdict = t("audit.health-ok" if report.health >= report.target else "audit.health-low", lang)
    return t(
        "audit.health",
        lang,
        health=percent(report.health),
        healthy=report.healthy,
        audited=report.audited,
        target=percent(report.target),
        verdict=verdict,
    )


def group_title(group: OwnerGroup, lang: str) -> str:
    """Return `学童保育係 係長 (kakaricho): 田中 花子` or the no-owner / vacant form."""
    if group.role is None:
        return t("audit.no-owner-group", lang)
    people = "、".join(group.people) if lang == "ja" else ", ".join(group.people)
    return f"{group.title} ({group.role}): {people or t('audit.vacant', lang)}"


def people_text(people: tuple[str, ...], lang: str) -> str:
    """Join names the way *lang* lists them."""
    return ("、" if lang == "ja" else ", ").join(people)
