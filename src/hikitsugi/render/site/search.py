"""The search index: plain normalised text per runbook, written as a script that sets a global.

A script (not JSON) so that it loads from a file share over file://, where fetch() and
workers are blocked. The browser side (assets/site/hikitsugi-search.js) matches query
terms as substrings and CJK bigrams, so 指数 finds 基準指数 without a word segmenter.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from hikitsugi import model, vocabulary
from hikitsugi.render import paths
from hikitsugi.render.site import links as site_links

INDEX_PATH = "assets/hikitsugi/search-index.js"
_MARKUP = re.compile(r"\]\([^)]*\)|!\[|<[^>]*>|[*_`#>|\[\]]+")
_SPACE = re.compile(r"\s+")
_LIST_MARK = re.compile(r"(?m)^\s*(?:[-+*]|\d+[.)])\s+")


def normalize(text: str) -> str:
    """NFKC, Markdown marks removed, spaces collapsed; the browser lower-cases it once on load."""
    text = _LIST_MARK.sub(" ", unicodedata.normalize("NFKC", text))
    return _SPACE.sub(" ", _MARKUP.sub(" ", text)).strip()


def _join(*parts: str | None) -> str:
    return normalize(" ".join(p for p in parts if p))


def document(
    kb: model.KnowledgeBase, runbook: model.Runbook, directory_urls: bool
) -> dict[str, Any]:
    """Return the index entry of one runbook: display fields and normalised fields."""
    steps = [
        [step.id, step.title, _join(step.title, step.detail, step.check, step.caution)]
        for step in runbook.steps
    ]
    other = _join(
        runbook.id,
        kb.roster.role_title(runbook.owner) if runbook.owner else None,
        *(f"{b.title} {b.article or ''}" for b in runbook.legal_basis),
        *(f"{t.symptom} {t.action}" for t in runbook.troubleshooting),
        *(f"{c.name} {c.org or ''}" for c in runbook.contacts),
        *(f"{a.system} {a.permission or ''}" for a in runbook.accounts),
        *(entry.label for entry in runbook.schedule),
        *(issue.text for issue in runbook.open_issues),
    )
    return {
        "u": site_links.url(paths.runbook_page(runbook.id), directory_urls),
        "t": runbook.title,
        "k": runbook.kind,
        "s": runbook.status,
        "f": [normalize(runbook.title), _join(*runbook.tags), normalize(runbook.summary), other],
        "st": steps,
    }


def search_index(
    kb: model.KnowledgeBase, directory_urls: bool = False, lang: str | None = None
) -> str:
    """Return the JavaScript that defines window.HIKITSUGI_SEARCH_INDEX."""
    docs = [
        document(kb, r, directory_urls) for r in sorted(kb.runbooks.values(), key=lambda r: r.id)
    ]
    # results name a runbook that is not in use, in the vocabulary's words
    lang = lang or kb.config.language
    statuses = {s: vocabulary.word("status", s, lang) for s in ("draft", "retired")}
    index = {"version": 1, "statuses": statuses, "docs": docs}
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script element when the index is inlined; escape it anyway.
    return "window.HIKITSUGI_SEARCH_INDEX=" + payload.replace("</", "<\\/") + ";\n"
