"""Standards and local differences as text (for `diff`) and as Markdown (for the site)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import yaml

from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase, Runbook
from hikitsugi.resolve.diff import FieldChange, RunbookDiff, diff_runbook, extenders

register(
    {
        "standards.heading": (
            "{runbook}「{title}」({source})",
            "{runbook} “{title}” ({source})",
        ),
        "standards.against": (
            (
                "標準手順書 {standard}「{standard_title}」({standard_source}) との違い: "
                "手順 {steps} 件 (置換 {replaced}・追加 {added}・削除 {removed})、項目 {fields} 件"
            ),
            (
                "differences from standard {standard} “{standard_title}” ({standard_source}): "
                "{steps} step(s) ({replaced} replaced, {added} added, {removed} removed), {fields} field(s)"
            ),
        ),
        "standards.behind": (
            (
                "※ 標準手順書は {standard_day} に見直されていますが、この手順書の見直しは {day} です。"
                "標準の変更 (git log など) を確認してください"
            ),
            (
                "※ the standard was reviewed on {standard_day}, this runbook last on {day}: "
                "check the standard's changes (git log etc.)"
            ),
        ),
        "standards.col-behind": ("標準の見直し後に未確認", "Not reviewed since the standard"),
        "standards.yes": ("要確認", "yes"),
        "standards.none": ("標準手順書との違いはありません", "no differences from the standard"),
        "standards.replaced": ("置き換えた手順", "Replaced steps"),
        "standards.added": ("追加した手順", "Added steps"),
        "standards.removed": ("削除した手順", "Removed steps"),
        "standards.fields": ("変更した項目", "Changed fields"),
        "standards.redundant": (
            "標準と同じ記述 (この手順書から省けます): {names}",
            "restated exactly as in the standard (could be dropped from this runbook): {names}",
        ),
        "standards.after": ("{step} の後", "after {step}"),
        "standards.first": ("先頭", "at the start"),
        "standards.last": ("末尾", "at the end"),
        "standards.absent": ("(なし)", "(none)"),
        "standards.order-only": ("(順序だけが違います)", "(only the order differs)"),
        "standards.section-title": ("標準手順書との違い", "Differences from the standard"),
        "standards.based-on": (
            (
                "この手順書は標準手順書 [{standard_title}]({href}) (`{standard}`) を元にしています。"
                "この自治体で変えているのは次の点です。"
            ),
            (
                "This runbook is based on the standard [{standard_title}]({href}) (`{standard}`). "
                "This municipality changes the following."
            ),
        ),
        "standards.index-title": ("標準手順書と各手順書の違い", "Standards and local differences"),
        "standards.index-intro": (
            (
                "標準手順書ごとに、それを元にしている手順書と違いの数を示します。"
                "違いの少ない手順書は標準に合わせやすく、複数の手順書が同じ違いを持つなら標準に取り込む候補です。"
            ),
            (
                "For each standard, the runbooks based on it and how many differences each has. "
                "Few differences: easy to align with the standard; the same difference in several "
                "runbooks: a candidate for the standard itself."
            ),
        ),
        "standards.index-none": ("標準手順書はありません", "There are no standards."),
        "standards.no-extenders": (
            "この標準手順書を元にした手順書はありません",
            "No runbook is based on this standard.",
        ),
        "standards.col-runbook": ("手順書", "Runbook"),
        "standards.col-steps": (
            "手順の違い (置換・追加・削除)",
            "Step differences (replaced, added, removed)",
        ),
        "standards.col-fields": ("項目の違い", "Field differences"),
        "standards.col-total": ("違いの合計", "Total"),
        "standards.source": ("ファイル: `{source}`", "File: `{source}`"),
    }
)

Link = Callable[[str], str]


def _inline(value: Any, lang: str) -> str:
    if value is None:
        return t("standards.absent", lang)
    if isinstance(value, str):
        return value
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10**9, sort_keys=False
    )
    return text.strip().removesuffix("...").strip()


def _value_lines(change: FieldChange, lang: str, indent: str) -> list[str]:
    """Show one change: `name: old → new` when short, else `-`/`+` lines."""
    old, new = change.old, change.new
    if isinstance(old, dict) and isinstance(new, dict):  # e.g. checklist: show the keys that differ
        keys = [k for k in (*old, *(k for k in new if k not in old)) if old.get(k) != new.get(k)]
        return [
            line
            for k in keys
            for line in _value_lines(
                FieldChange(f"{change.name}.{k}", old.get(k), new.get(k)), lang, indent
            )
        ]
    if isinstance(old, list) or isinstance(new, list):
        old, new = old if isinstance(old, list) else [], new if isinstance(new, list) else []
        gone = [item for item in old if item not in new]
        came = [item for item in new if item not in old]
        lines = [f"{indent}  - {_inline(i, lang)}" for i in gone] + [
            f"{indent}  + {_inline(i, lang)}" for i in came
        ]
        return [
            f"{indent}{change.name}:",
            *(lines or [f"{indent}  {t('standards.order-only', lang)}"]),
        ]
    if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
        body = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1)
        return [f"{indent}{change.name}:", *(f"{indent}  {line}" for line in list(body)[2:])]
    old_text, new_text = _inline(old, lang), _inline(new, lang)
    if len(old_text) + len(new_text) <= 60:
        return [f"{indent}{change.name}: {old_text} → {new_text}"]
    return [f"{indent}{change.name}:", f"{indent}  - {old_text}", f"{indent}  + {new_text}"]


def diff_text(diff: RunbookDiff, lang: str) -> str:
    """Render a RunbookDiff as the text `hikitsugi diff` prints."""
    lines = [
        t("standards.heading", lang, runbook=diff.runbook, title=diff.title, source=diff.source),
        t(
            "standards.against",
            lang,
            standard=diff.standard,
            standard_title=diff.standard_title,
            standard_source=diff.standard_source,
            steps=diff.step_changes,
            replaced=len(diff.replaced),
            added=len(diff.added),
            removed=len(diff.removed),
            fields=len(diff.fields),
        ),
    ]
    if diff.behind_standard:
        lines.append(_behind(diff, lang))
    if not diff.count:
        lines.append(t("standards.none", lang))
    if diff.replaced:
        lines += ["", t("standards.replaced", lang) + ":"]
        for step in diff.replaced:
            lines.append(f"  ~ {step.id}「{step.new.get('title', '')}」")
            for change in step.fields:
                lines += _value_lines(change, lang, "      ")
    if diff.added:
        lines += ["", t("standards.added", lang) + ":"]
        for added in diff.added:
            lines.append(
                f"  + {added.id}「{added.step.get('title', '')}」({_position(added.after, added.last, lang)})"
            )
    if diff.removed:
        lines += ["", t("standards.removed", lang) + ":"]
        lines += [f"  - {s.id}「{s.step.get('title', '')}」" for s in diff.removed]
    if diff.fields:
        lines += ["", t("standards.fields", lang) + ":"]
        for change in diff.fields:
            lines += _value_lines(change, lang, "  ")
    if diff.redundant:
        lines += ["", t("standards.redundant", lang, names=", ".join(diff.redundant))]
    return "\n".join(lines) + "\n"


def _behind(diff: RunbookDiff, lang: str) -> str:
    day = diff.reviewed_on.isoformat() if diff.reviewed_on else t("standards.absent", lang)
    return t("standards.behind", lang, standard_day=str(diff.standard_reviewed_on), day=day)


def _position(after: str | None, last: bool, lang: str) -> str:
    where = t("standards.after", lang, step=after) if after else t("standards.first", lang)
    return (
        f"{where}、{t('standards.last', lang)}"
        if last and lang == "ja"
        else f"{where}, {t('standards.last', lang)}"
        if last
        else where
    )


def _default_link(kb: KnowledgeBase) -> Link:
    return lambda item_id: (
        f"../{'standards' if item_id in kb.standards else 'runbooks'}/{item_id}.md"
    )


def _md(text: str) -> str:
    """Escape what would turn plain text into Markdown markup in a list or table."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def differences_section(
    kb: KnowledgeBase, runbook: Runbook, lang: str, *, link: Link | None = None
) -> str:
    """Return the Markdown section of a runbook page that names its standard and its differences."""
    diff = diff_runbook(kb, runbook)
    if diff is None:
        return ""
    href = (link or _default_link(kb))(diff.standard)
    lines = [
        f"## {t('standards.section-title', lang)}",
        "",
        t(
            "standards.based-on",
            lang,
            standard_title=_md(diff.standard_title),
            href=href,
            standard=diff.standard,
        ),
        "",
    ]
    if diff.behind_standard:
        lines += [_md(_behind(diff, lang)), ""]
    if not diff.count:
        return "\n".join([*lines, t("standards.none", lang), ""])
    groups = (
        (
            "standards.replaced",
            [f"`{s.id}` {_md(str(s.new.get('title', '')))}" for s in diff.replaced],
        ),
        (
            "standards.added",
            [
                f"`{s.id}` {_md(str(s.step.get('title', '')))} ({_position(s.after, s.last, lang)})"
                for s in diff.added
            ],
        ),
        (
            "standards.removed",
            [f"`{s.id}` {_md(str(s.step.get('title', '')))}" for s in diff.removed],
        ),
        ("standards.fields", [_field_item(f, lang) for f in diff.fields]),
    )
    for key, items in groups:
        if items:
            lines += [f"**{t(key, lang)}**", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


def _field_item(change: FieldChange, lang: str) -> str:
    """`title` (手順書の名称): old → new, the values only when short."""
    label = f"`{change.name}`"
    if lang == "ja":
        description = field_descriptions().get(change.name, "")
        label += f" ({_md(description.split(' (')[0])})" if description else ""
    old, new = _inline(change.old, lang), _inline(change.new, lang)
    short = (
        all(not isinstance(v, (list, dict)) for v in (change.old, change.new))
        and len(old) + len(new) <= 60
    )
    return f"{label}: {_md(old)} → {_md(new)}" if short else label


def field_descriptions() -> dict[str, str]:
    """Return the schema's (Japanese) description of each runbook field."""
    from hikitsugi import schema

    properties = schema.raw("runbook.schema.json")["properties"]
    return {name: spec.get("description", "") for name, spec in properties.items()}


def standards_index(kb: KnowledgeBase, lang: str, *, link: Link | None = None) -> str:
    """Return a Markdown page: each standard, the runbooks based on it, and their differences."""
    to = link or (
        lambda item_id: f"{'' if item_id in kb.standards else '../runbooks/'}{item_id}.md"
    )
    lines = [f"# {t('standards.index-title', lang)}", "", t("standards.index-intro", lang), ""]
    if not kb.standards:
        return "\n".join([*lines, t("standards.index-none", lang), ""])
    for standard in sorted(kb.standards.values(), key=lambda s: s.id):
        lines += [
            f"## [{_md(standard.title)}]({to(standard.id)})",
            "",
            t("standards.source", lang, source=standard.source),
            "",
        ]
        based = [(r, diff_runbook(kb, r)) for r in extenders(kb, standard.id)]
        if not based:
            lines += [t("standards.no-extenders", lang), ""]
            continue
        header = [
            t(f"standards.col-{c}", lang) for c in ("runbook", "steps", "fields", "total", "behind")
        ]
        lines += ["| " + " | ".join(header) + " |", "|---|---|---|---|---|"]
        for runbook, diff in based:
            assert diff is not None
            steps = f"{diff.step_changes} ({len(diff.replaced)}・{len(diff.added)}・{len(diff.removed)})"
            cell = f"[{_md(runbook.title)}]({to(runbook.id)}) `{runbook.id}`"
            behind = t("standards.yes", lang) if diff.behind_standard else ""
            lines.append(f"| {cell} | {steps} | {len(diff.fields)} | {diff.count} | {behind} |")
        lines.append("")
    return "\n".join(lines)
