"""記録 mode of a checklist sheet in the site: tick, name 実施者 and 確認者, save a run file, print.

The sheet's page carries, as JSON, what the browser needs: the checklist id and its revision,
the people who hold a post on the build day (the roster, so no name is typed by hand), and the
words. assets/site/hikitsugi-record.js does the rest over file://, with no request leaving the page.
The file it saves is format v1.1's records/runs shape: checklist, date, performed_by, checked_by,
revision, exceptions[{item, note}].
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from markupsafe import Markup, escape

from hikitsugi.facts.people import holdings
from hikitsugi.i18n import register, t
from hikitsugi.model import Checklist, KnowledgeBase, Runbook

SCRIPT = "hikitsugi-record.js"
WORDS = (
    "toggle",
    "toggle-off",
    "date",
    "performed-by",
    "checked-by",
    "nobody",
    "choose",
    "exception",
    "exception-prompt",
    "exception-label",
    "save",
    "print",
    "saved",
    "need-performer",
    "need-date",
    "unticked",
    "same-person",
    "where",
)

register(
    {
        "record.toggle": ("記録する", "Record a run"),
        "record.toggle-off": ("記録をやめる", "Stop recording"),
        "record.date": ("実施日", "Done on"),
        "record.performed-by": ("実施者", "Done by"),
        "record.checked-by": ("確認者", "Checked by"),
        "record.nobody": ("(なし)", "(none)"),
        "record.choose": ("選んでください", "choose"),
        "record.exception": ("例外", "Exception"),
        "record.exception-prompt": (
            "手順どおりにしなかったこと (何を、なぜ、どうしたか)",
            "what was not done as written (what, why, what instead)",
        ),
        "record.exception-label": ("例外", "Exception"),
        "record.save": ("記録ファイルを保存", "Save the run file"),
        "record.print": ("記入して印刷", "Print as filled in"),
        "record.saved": (
            "{file} を保存しました。ナレッジベースの records/runs/ に置いてください",
            "saved {file}: put it in records/runs/ of the knowledge base",
        ),
        "record.need-performer": ("実施者を選んでください", "choose who did it"),
        "record.need-date": ("実施日を入れてください", "enter the day it was done"),
        "record.unticked": (
            "✓ のない行があります ({count} 行)。✓ を付けるか、例外を書いてください",
            "{count} line(s) have no tick: tick them or write an exception",
        ),
        "record.same-person": (
            "確認者が実施者と同じです。別の職員が確認してください",
            "the checker is the person who did it: someone else should check",
        ),
        "record.where": (
            "記録ファイル (YAML) をダウンロードします。hikitsugi check がその内容を確かめます",
            "downloads the run file (YAML); hikitsugi check validates it",
        ),
    }
)


def record_data(
    kb: KnowledgeBase, item: Runbook | Checklist, day: datetime.date, lang: str
) -> dict[str, Any]:
    """Return what the page's script needs to record a run of *item*'s checklist."""
    people: dict[str, dict[str, Any]] = {}
    for holding in holdings(kb.roster, day):
        entry = people.setdefault(
            holding.person.id, {"id": holding.person.id, "name": holding.person.name, "posts": []}
        )
        entry["posts"].append(kb.roster.role_title(holding.role))
    return {
        "checklist": item.id,
        "revision": item.reviewed_on.isoformat() if item.reviewed_on else None,
        "people": list(people.values()),
        # the script fills in {file} and {count} itself
        "words": {
            word: t(f"record.{word}", lang, file="{file}", count="{count}") for word in WORDS
        },
    }


def _json(data: dict[str, Any]) -> str:
    """JSON that cannot close its <script> element or start markup, whatever the names say."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


STYLE = """
.hk-record-bar { font: 11pt sans-serif; border: 1px solid #1565c0; background: #e3f2fd;
  padding: .5em .8em; margin: 0 0 1em; }
.hk-record-bar label { margin-right: 1em; white-space: nowrap; }
.hk-record-bar button { margin-right: .6em; }
.hk-record-form, .hk-record-exception-button { display: none; }
body.hk-recording .hk-record-form { display: block; margin-top: .5em; }
body.hk-recording .hk-record-exception-button { display: inline; margin-left: .5em; font-size: 9pt; }
body.hk-recording td.tick .box { cursor: pointer; }
td.tick .box.hk-ticked::after { content: "✓"; }
.hk-record-status { margin: .4em 0 0; font-weight: 600; }
tr.hk-exception td { font-size: 9.5pt; }
.hk-exception-text { display: none; }
@media print {
  .hk-record-bar, .hk-record-exception-button, tr.hk-exception input { display: none !important; }
  .hk-exception-text { display: inline; }
  tr.hk-exception--empty { display: none; }
}
"""


def record_fragment(data: dict[str, Any], script_src: str) -> Markup:
    """Return the style, data and script to put at the end of the sheet's <body>."""
    return Markup(
        '<style>{style}</style>\n<script type="application/json" id="hk-record-data">{data}</script>\n'
        '<script src="{src}"></script>\n'
    ).format(style=Markup(STYLE), data=Markup(_json(data)), src=escape(script_src))


def with_record_mode(html: str, data: dict[str, Any], script_src: str) -> str:
    """Return the sheet's HTML with 記録 mode added just before </body>."""
    head, tail = html.rsplit("</body>", 1)
    return head + str(record_fragment(data, script_src)) + "</body>" + tail
