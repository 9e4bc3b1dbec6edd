"""One set of words: the format's values are named the same on the site, on paper and in the CLI."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from conftest import REPO
from hikitsugi import schema, vocabulary
from hikitsugi.audit.rules import audit
from hikitsugi.check.checker import check
from hikitsugi.facts import review
from hikitsugi.i18n import LANGUAGES, catalogue
from hikitsugi.model import KnowledgeBase
from hikitsugi.render.print import documents as printing
from hikitsugi.render.site_with_print import render_site

DAY = datetime.date(2026, 11, 27)
Cli = Callable[..., tuple[int, str, str]]


def test_values_are_the_schemas_enums() -> None:
    runbook, checklist = schema.inlined("runbook"), schema.inlined("checklist")
    step = runbook["properties"]["steps"]["items"]
    assert vocabulary.ZONES == tuple(step["properties"]["zone"]["enum"])
    transfer = step["properties"]["transfer"]["properties"]
    assert vocabulary.ZONES == tuple(transfer["from"]["enum"]) == tuple(transfer["to"]["enum"])
    assert vocabulary.TRANSFER_METHODS == tuple(transfer["method"]["enum"])
    assert vocabulary.KINDS == (*runbook["properties"]["kind"]["enum"], "checklist")
    assert vocabulary.STATUSES == tuple(runbook["properties"]["status"]["enum"])
    assert vocabulary.MODES == tuple(checklist["properties"]["mode"]["enum"])
    assert vocabulary.MODES == tuple(
        runbook["properties"]["checklist"]["properties"]["mode"]["enum"]
    )
    report = schema.raw("audit-report.schema.json")["$defs"]["finding"]["properties"]
    assert set(report["severity"]["enum"]) < set(vocabulary.SEVERITIES)
    assert vocabulary.VALUES["review"] == review.STATES


def test_every_value_has_a_word_in_every_language() -> None:
    assert set(vocabulary.WORDS) == set(vocabulary.VALUES)
    for group, values in vocabulary.VALUES.items():
        assert tuple(vocabulary.WORDS[group]) == values, group
        for value in values:
            for lang in LANGUAGES:
                assert vocabulary.word(group, value, lang)


def test_no_other_message_repeats_a_word() -> None:
    """A zone, method, status, severity, review state or mode is said by the vocabulary only."""
    groups = ("zone", "method", "status", "severity", "review", "mode")
    words = {words[0] for group in groups for words in vocabulary.WORDS[group].values()}
    repeated = {
        key: texts["ja"]
        for key, texts in catalogue().items()
        if not key.startswith("word.") and texts["ja"] in words
    }
    assert repeated == {}


@pytest.mark.parametrize(
    ("day", "ja", "en"),
    [
        (10, "毎月10日", "monthly on day 10"),
        (28, "毎月28日", "monthly on day 28"),
        (29, "毎月29日、2月は末日", "monthly on day 29, in February its last day"),
        (30, "毎月30日、2月は末日", "monthly on day 30, in February its last day"),
        (31, "毎月末日", "monthly on the last day"),
    ],
)
def test_monthly_days_say_what_happens_in_short_months(day: int, ja: str, en: str) -> None:
    assert (vocabulary.monthly(day, "ja"), vocabulary.monthly(day, "en")) == (ja, en)


# --- the same words in real outputs of the sample city ------------------------------------


@pytest.fixture(scope="module")
def sample() -> KnowledgeBase:
    return check(REPO, use_cache=False).kb


@pytest.fixture(scope="module", params=LANGUAGES)
def lang_kb(request: pytest.FixtureRequest, sample: KnowledgeBase) -> KnowledgeBase:
    return replace(sample, config=replace(sample.config, language=request.param))


@pytest.fixture(scope="module")
def site(lang_kb: KnowledgeBase) -> dict[str, Any]:
    return render_site(lang_kb, DAY)


def _transfers(kb: KnowledgeBase, runbook_id: str) -> Iterator[tuple[str, str, str]]:
    for step in kb.runbooks[runbook_id].steps:
        if step.transfer and step.check:  # printed checklists show the steps that have a check
            yield step.transfer.source, step.transfer.target, step.transfer.method


@pytest.mark.parametrize("runbook_id", ["riyoryo-genmen", "shinsei-nyuryoku", "meibo-teikyo"])
def test_site_page_and_printed_checklist_name_zones_and_methods_alike(
    lang_kb: KnowledgeBase, site: dict[str, Any], runbook_id: str
) -> None:
    lang = lang_kb.config.language
    runbook = lang_kb.runbooks[runbook_id]
    page = site[f"runbooks/{runbook_id}.md"]
    paper = printing.checklist_html(lang_kb, runbook_id, DAY)
    transfers = list(_transfers(lang_kb, runbook_id))
    assert transfers, "the case needs a checked transfer"
    for source, target, method in transfers:
        for name in (vocabulary.zone(source, lang), vocabulary.zone(target, lang)):
            assert name in page and name in paper
        method_word = vocabulary.word("method", method, lang)
        assert method_word in page and method_word in paper
        assert vocabulary.transfer(source, target, method, lang) in paper
    for zone in {s.zone for s in runbook.steps if s.zone and s.check}:
        assert vocabulary.zone(zone, lang) in page and vocabulary.zone(zone, lang) in paper
    mode = vocabulary.word("mode", runbook.checklist_mode, lang)
    assert mode in paper
    for group, value in (("kind", runbook.kind), ("status", runbook.status)):
        assert vocabulary.word(group, value, lang) in page


def test_statuses_read_the_same_in_lists_and_pages(
    lang_kb: KnowledgeBase, site: dict[str, Any]
) -> None:
    lang = lang_kb.config.language
    processes = site["lists/processes.md"]
    for status in ("draft", "retired"):
        runbook = next(r for r in lang_kb.runbooks.values() if r.status == status)
        word = vocabulary.word("status", status, lang)
        assert word in site[f"runbooks/{runbook.id}.md"]
        assert runbook.kind != "process" or word in processes
        assert f'"{status}":"{word}"' in site["assets/hikitsugi/search-index.js"]  # search results


def test_severities_read_the_same_on_the_status_page_and_in_the_audit(
    cli: Cli,
    sample: KnowledgeBase,
    site: dict[str, Any],
    lang_kb: KnowledgeBase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lang = lang_kb.config.language
    monkeypatch.setenv("HIKITSUGI_LANG", lang)
    _, text, _ = cli(
        "audit", "--root", str(REPO), "--as-of", DAY.isoformat(), "--no-git", "--no-cache"
    )
    severities = {f.severity for f in audit(sample, DAY).findings}
    assert severities == {"error", "warning"}
    for severity in severities:
        word = vocabulary.word("severity", severity, lang)
        assert f"[{word} " in text
        assert f">{word}</span> " in site["lists/status.md"]


def test_monthly_days_read_the_same_in_the_calendar_and_on_the_site(
    cli: Cli, site: dict[str, Any], lang_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = lang_kb.config.language
    monkeypatch.setenv("HIKITSUGI_LANG", lang)
    _, text, _ = cli("calendar", "--root", str(REPO), "--as-of", DAY.isoformat(), "--no-cache")
    runbook = lang_kb.runbooks["tochu-nyusho"]
    for entry in runbook.schedule:
        if entry.monthly:
            word = vocabulary.monthly(entry.monthly, lang)
            assert word in text and word in site["runbooks/tochu-nyusho.md"]


def test_relations_read_the_same_in_the_rotation_report_and_the_handover_pack(
    cli: Cli, lang_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = lang_kb.config.language
    monkeypatch.setenv("HIKITSUGI_LANG", lang)
    day = datetime.date(2027, 2, 1)
    _, text, _ = cli(
        "rotation", "--root", str(REPO), "--as-of", day.isoformat(), "--window", "90", "--no-cache"
    )
    person = next(
        p
        for p in lang_kb.roster.people
        if any(
            a.until and day <= a.until <= day + datetime.timedelta(days=90) for a in p.assignments
        )
    )
    pack = printing.handover_html(lang_kb, person, day)
    found = [r for r in ("owner", "deputy") if f"[{vocabulary.word('relation', r, lang)}]" in text]
    assert found
    for relation in found:
        assert f">{vocabulary.word('relation', relation, lang)}<" in pack
