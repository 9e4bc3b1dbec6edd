"""Render checklists, handover packs and onboarding packs as print-ready HTML (and PDF).

The HTML is laid out for A4 by templates/print/*.html.j2 and print.css (a KB's
templates/print/ overrides them file by file), so a browser prints the same pages that
`--pdf` writes with WeasyPrint.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable, Collection
from functools import partial
from typing import Any

from markupsafe import Markup

from hikitsugi.facts import people
from hikitsugi.facts.checklists import has_checklist
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase, Person
from hikitsugi.render.paths import print_path
from hikitsugi.render.print.onboarding import onboarding_pack
from hikitsugi.render.print.packs import NothingToPrint, handover_pack
from hikitsugi.render.print.sheets import Sheet, sheet
from hikitsugi.render.templates import environment

LABELS: dict[str, tuple[str, str]] = {
    "checklist": ("チェックリスト", "Checklist"),
    "handover": ("事務引継書", "Handover pack"),
    "onboarding": ("着任者向け 業務案内", "Onboarding pack"),
    "id": ("ID", "ID"),
    "owner": ("所有ポスト", "Owner post"),
    "mode": ("方式", "Mode"),
    "reviewed-on": ("最終見直し", "Reviewed on"),
    "next-review": ("次回見直し", "Next review"),
    "fiscal-year": ("年度", "Fiscal year"),
    "done-on": ("実施日", "Done on"),
    "done-by": ("実施者", "Done by"),
    "checked-by": ("確認者", "Checked by"),
    "stamp": ("印", "Seal"),
    "date-blank": ("　　年　　月　　日", "____ / __ / __"),
    "pause": ("確認ポイント {number}", "Pause point {number}"),
    "item": ("確認項目", "Check"),
    "role": ("担当", "Who"),
    "zone": ("区分 (ネットワーク)", "Zone"),
    "caution": ("注意", "Caution"),
    "how.read-do": (
        "1 行ずつ読み上げてから実施し、終えたら□に✓を付けます。",
        "Read each line aloud, do it, then tick the box.",
    ),
    "how.do-confirm": (
        "作業を終えたら確認ポイントごとに手を止め、全行を読み上げて確かめ、□に✓を付けます。",
        "Do the work, then stop at each pause point, read every line and tick it.",
    ),
    "source": ("出典", "Source"),
    "revision": ("版", "Revision"),
    "record-note": (
        "実施記録: checklist: {id} ／ revision: {revision} (署名後に hikitsugi run {id} で記録)",
        "Run record: checklist: {id} / revision: {revision} (after signing, record it with hikitsugi run {id})",
    ),
    "revision-value": ("{day} 見直し", "reviewed {day}"),
    "printed-on": ("印刷日", "Printed on"),
    "latest": ("最新版", "Latest version"),
    "latest-value": ("手順書サイトの {path}", "{path} in the runbook site"),
    "status": ("状態", "Status"),
    "outgoing": ("前任者", "Outgoing"),
    "incoming": ("後任者", "Incoming"),
    "head": ("所属長", "Head of section"),
    "handover-date": ("引継日", "Handover date"),
    "post": ("ポスト", "Post"),
    "last-day": ("最終日", "Last day"),
    "from": ("着任", "From"),
    "undecided": ("(未定)", "(not yet named)"),
    "prepared-on": ("作成日 (基準日)", "Prepared on (as of)"),
    "cover-note": (
        "この引継書は手順書データベースから {day} 時点の内容で作成しました。以下の事務を引き継ぎます。",
        "This pack was made from the runbook database as it stood on {day}. The following duties are handed over.",
    ),
    "deputy": ("代理者", "Deputy (no successor)"),
    "witness": ("立会人", "Witness"),
    "job-title": ("職名", "Post"),
    "signer-name": ("氏名", "Name"),
    "deadline": ("引継期限", "Deadline"),
    "as-of": ("基準日", "As of"),
    "made-from": ("手順書データベースから作成", "made from the runbook database"),
    "lead": (
        "下記のとおり事務を引き継ぎます。",
        "The duties below are handed over as follows.",
    ),
    "written-on": (
        "経過・現況は前任者が {day} に記入。",
        "State written by the outgoing on {day}.",
    ),
    "runbook-review": ("手順書の見直し", "runbook review"),
    "state": ("経過・現況", "Progress and current state"),
    "state-blank": ("(未記入)", "(not written)"),
    "notes": ("特記事項", "Notes"),
    "deputised": ("副担当の事務 ({count} 件)", "Duties held as deputy ({count})"),
    "sec.policy": ("方針・意見", "Policy and opinion"),
    "policy-blank": ("(未記入)", "(not written)"),
    "remarks": ("補足", "Remarks"),
    "progress": ("経過", "Progress"),
    "next": ("今後の方針", "Next"),
    "due": ("期限", "Due"),
    "counterpart": ("相手方", "Counterpart"),
    "sec.ledgers": ("引継書類・帳簿の目録", "Documents and ledgers handed over"),
    "ledger": ("簿冊・台帳・ファイル", "Ledger or file"),
    "medium": ("媒体", "Medium"),
    "location": ("保管場所", "Location"),
    "retention": ("保存期間", "Retention"),
    "received": ("確認", "Checked"),
    "sec.items": (
        "物品 (現金・有価証券・鍵・印章・記録媒体等)",
        "Items (cash, keys, seals, media ...)",
    ),
    "item-name": ("品名", "Item"),
    "item-kind": ("種類", "Kind"),
    "count": ("数量", "Count"),
    "sec.duties-owned": ("担当事務の概要及び経過・現況", "Duties: summary, progress and state"),
    "sec.duties": ("担当業務", "Duties"),
    "sec.schedule": ("今後 12 か月の予定 ({start} 〜 {end})", "Scheduled work, {start} to {end}"),
    "sec.schedule-short": ("今後 12 か月の予定", "Scheduled work, 12 months"),
    "sec.issues": ("未処理事項 (懸案事項)", "Unfinished matters (open issues)"),
    "sec.accounts": ("移管するシステムアカウント・権限", "System accounts and permissions to move"),
    "sec.contacts": ("連絡先", "Contacts"),
    "sheets-follow": (
        "添付書類: 引継ぎ用チェックリストと主担当業務のチェックリスト ({count} 枚、巻末)。",
        "Attached: the handover checklists and those of the duties held ({count} sheets).",
    ),
    "title": ("名称", "Title"),
    "kind": ("種別", "Kind"),
    "relation": ("担当区分", "Role"),
    "when": ("時期", "When"),
    "what": ("予定", "What"),
    "runbook": ("手順書", "Runbook"),
    "since": ("発生日", "Since"),
    "text": ("内容", "Issue"),
    "system": ("システム", "System"),
    "permission": ("権限", "Permission"),
    "holder": ("保有ポスト", "Held by"),
    "note": ("備考", "Note"),
    "moved": ("移管済", "Moved"),
    "name": ("名称", "Name"),
    "phone": ("電話", "Phone"),
    "email": ("メール", "Email"),
    "hours": ("受付時間", "Hours"),
    "none": ("なし", "None"),
    "done": ("済", "Done"),
    "summary": ("概要", "Summary"),
    "read-on": ("読了日", "Read on"),
    "read-stamp": ("確認印", "Seal"),
    "sec.readings": ("年間の業務 (年度内に始まる順)", "The year's work, in the order it comes"),
    "sec.tools": ("使うシステム・道具", "Tools and systems used"),
    "sec.checklists": ("このポストのチェックリスト", "Checklists of this post"),
    "deputy-mark": ("副担当", "deputy"),
    "no-schedule": ("随時", "as needed"),
    "section": ("所属", "Section"),
    "onboarding-note": (
        "着任後、上から順に読み、読み終えたら読了日と確認印を記入してください。",
        "Read these in order after you start; fill in the day you read each and seal it.",
    ),
}
register({f"print.{key}": value for key, value in LABELS.items()})


def labeller(lang: str) -> Callable[..., str]:
    """Return L(key, **params) for templates: the print labels (and the vocabulary's `word.*`) in *lang*."""

    def label(key: str, **params: Any) -> str:
        return t(key if key.startswith("word.") else f"print.{key}", lang, **params)

    return label


def css_string(text: object) -> Markup:
    """Quote *text* as a CSS string: safe inside <style> (no quote, backslash or `<` left raw)."""
    plain = (
        text.unescape() if isinstance(text, Markup) else str(text)
    )  # <style> is raw text: no entities
    escaped = plain.replace("\\", "\\5C ").replace('"', "\\22 ").replace("<", "\\3C ")
    return Markup('"' + escaped.replace("\n", "\\A ") + '"')


class SheetRenderer:
    """Render each checklist sheet once: a site's handover packs reuse the HTML of shared duties."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.label = labeller(kb.config.language)
        self.done: dict[str, Markup] = {}

    def __call__(self, sheet: Sheet, show_id: bool = True) -> Markup:
        """Return the sheet's HTML on its named page `sheet-ID` (its own page footer).

        A handover pack, a document for filing, leaves the id out of the sheet's body.
        """
        key = sheet.id if show_id else f"{sheet.id}\0filed"
        if key not in self.done:
            module = environment(self.kb.root).get_template("print/_sheet.html.j2").module
            html = module.checklist_sheet(sheet, self.label, f"sheet-{sheet.id}", show_id)  # type: ignore[attr-defined]
            self.done[key] = Markup(html)
        return self.done[key]


def _render(kb: KnowledgeBase, template: str, **context: Any) -> str:
    lang = kb.config.language
    env = environment(kb.root)
    return env.get_template(f"print/{template}").render(
        L=labeller(lang), lang=lang, css=css_string, **context
    )


def checklist_html(
    kb: KnowledgeBase, item_id: str, day: datetime.date, sheets: SheetRenderer | None = None
) -> str:
    """Return the printable checklist of runbook or checklist *item_id*."""
    from hikitsugi.render.print.packs import find_item

    lang = kb.config.language
    item = find_item(kb, item_id, lang)
    if not has_checklist(item):
        raise NothingToPrint("pack.no-checklist", id=item_id)
    one = sheet(kb, item, day, lang)
    return _render(kb, "checklist.html.j2", sheet=one, sheet_html=sheets or SheetRenderer(kb))


def handover_html(
    kb: KnowledgeBase,
    person: Person,
    day: datetime.date,
    to: Person | None = None,
    sheets: SheetRenderer | None = None,
    with_deputy: bool = False,
) -> str:
    """Return the handover pack (事務引継書) of *person* on *day*."""
    pack = handover_pack(kb, person, day, kb.config.language, to, with_deputy)
    return _render(kb, "handover.html.j2", pack=pack, sheet_html=sheets or SheetRenderer(kb))


def onboarding_html(kb: KnowledgeBase, role: str, day: datetime.date) -> str:
    """Return the onboarding pack of post *role*."""
    return _render(
        kb, "onboarding.html.j2", pack=onboarding_pack(kb, role, day, kb.config.language)
    )


def site_documents(
    kb: KnowledgeBase,
    day: datetime.date,
    checklists: Collection[str] | None = None,
    onboarding: bool = True,
) -> dict[str, str]:
    """Return {site-relative path: HTML} for every checklist, leaving person's pack and post's pack.

    With *checklists*, only the checklists of those ids are made (the handover packs always
    are); the posts' onboarding packs (which show no steps) only with *onboarding*.
    """
    documents: dict[str, str] = {}
    sheets = SheetRenderer(kb)  # each sheet once: the packs reuse the checklists' HTML
    items = [r for r in kb.runbooks.values() if r.status == "active"] + list(kb.checklists.values())
    for item in sorted(items, key=lambda i: i.id):
        if checklists is not None and item.id not in checklists:
            continue
        if has_checklist(item):
            html = checklist_html(kb, item.id, day, sheets)
            documents[print_path("checklists", item.id)] = html
    for person in handover_pack_people(kb, day):
        _add(
            documents,
            print_path("handover", person.id),
            partial(handover_html, kb, person, day, None, sheets),
        )
    for role in sorted(kb.roster.roles) if onboarding else ():
        _add(documents, print_path("onboarding", role), partial(onboarding_html, kb, role, day))
    return documents


def handover_pack_people(kb: KnowledgeBase, day: datetime.date) -> list[Person]:
    """Return who gets a handover pack in a site build: everyone leaving a post in the window."""
    end = people.window_end(kb, day)
    return [person for person, _ in people.leavers(kb.roster, day, end)]


def _add(documents: dict[str, str], path: str, render: Callable[[], str]) -> None:
    """Add the document that *render* makes, unless there is nothing to print."""
    with contextlib.suppress(NothingToPrint):
        documents[path] = render()
