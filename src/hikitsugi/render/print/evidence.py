"""The evidence report as print-ready HTML (A4, print.css), read by a 監査委員 as a document."""

from __future__ import annotations

from hikitsugi.evidence.labels import labeller, percent
from hikitsugi.evidence.report import Evidence
from hikitsugi.model import KnowledgeBase
from hikitsugi.render.print.documents import css_string
from hikitsugi.render.templates import environment


def evidence_html(kb: KnowledgeBase, report: Evidence) -> str:
    """Return the evidence of one fiscal year as HTML (templates/print/evidence.html.j2)."""
    lang = kb.config.language
    template = environment(kb.root).get_template("print/evidence.html.j2")
    return template.render(
        L=labeller(lang), lang=lang, css=css_string, percent=percent, report=report
    )
