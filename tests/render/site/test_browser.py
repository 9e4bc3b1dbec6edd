"""The built sample-city site in headless Chromium: search, no outside requests, banner, links;
and a site built from payloads in every field, where nothing runs and nothing leaves the site.

The site is built once per session; every test here reads that one build.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import io
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from payload_kb import payload_kb

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, TESTS
from hikitsugi.render.site.publish import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BUILD_DAY = datetime.date(2026, 11, 27)
QUERIES = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
TARGET_HIT_RATE = 0.95

if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed", allow_module_level=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep pytest's output clean."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample city's site, built once."""
    target = tmp_path_factory.mktemp("sample") / "site"
    build_site(REPO, target, BUILD_DAY)
    return target


@pytest.fixture(scope="session")
def http_base(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def base_of(site: Path, http_base: str, transport: str) -> str:
    return http_base if transport == "http" else site.resolve().as_uri() + "/"


def results(page: Any, url: str) -> list[tuple[str, str | None]]:
    """Open *url* (with ?q=) and return (runbook id, matching step anchor) best first."""
    page.goto(url)
    page.wait_for_selector("[data-search-results][data-ready]", state="attached", timeout=10000)
    found = page.eval_on_selector_all(
        "[data-search-results] > li",
        """items => items.map(li => [li.querySelector('a.hk-result-title').href,
                                     (li.querySelector('a.hk-result-step') || {}).href || null])""",
    )
    return [(re.sub(r"^.*/([^/]+)\.html$", r"\1", title), step) for title, step in found]


@pytest.mark.parametrize("transport", ["file", "http"])
def test_search_finds_the_right_runbook_in_the_top_5(
    site: Path, http_base: str, browser: Any, transport: str
) -> None:
    base = base_of(site, http_base, transport)
    page = browser.new_page()
    misses = []
    for query in QUERIES:
        ids = [
            runbook_id
            for runbook_id, _ in results(page, f"{base}lists/processes.html?q={query['q']}")
        ][:5]
        if query["expect"] not in ids:
            misses.append((query["q"], query["expect"], ids))
    page.close()
    rate = 1 - len(misses) / len(QUERIES)
    print(
        f"\nsearch hit rate over {transport}: {len(QUERIES) - len(misses)}/{len(QUERIES)} = {rate:.1%}; misses: {misses}"
    )
    assert len(QUERIES) >= 40
    assert rate >= TARGET_HIT_RATE, misses


def test_search_result_shows_the_matching_step(site: Path, browser: Any) -> None:
    page = browser.new_page()
    found = results(page, f"{site.resolve().as_uri()}/index.html?q=基準指数")
    page.close()
    assert found[0][0] == "riyo-chosei"
    assert found[0][1] is not None and found[0][1].endswith("riyo-chosei.html#step-kijun-shisu")


def labelled_results(page: Any, url: str) -> list[tuple[str, str]]:
    """Open *url* (with ?q=) and return (page file name, kind label) best first."""
    page.goto(url)
    page.wait_for_selector("[data-search-results][data-ready]", state="attached", timeout=10000)
    found = page.eval_on_selector_all(
        "[data-search-results] > li",
        """items => items.map(li => [li.querySelector('a.hk-result-title').href,
                                     li.querySelector('.hk-result-kind').textContent])""",
    )
    return [(re.sub(r"^.*/([^/]+)\.html$", r"\1", href), kind) for href, kind in found]


@pytest.mark.parametrize("query", ["がくどう", "gakudou", "gakudo", "がくどう くらぶ"])
def test_kana_and_romaji_find_the_gakudo_pages_over_file(
    site: Path, browser: Any, query: str
) -> None:
    page = browser.new_page()
    found = labelled_results(page, f"{site.resolve().as_uri()}/index.html?q={query}")
    page.close()
    top = [name for name, _ in found[:5]]
    assert "gakudo-system" in top, found
    assert ("gakudo-system", "手順書") in found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("開庁前点検", ("uketsuke-kaicho-mae-tenken", "チェックリスト")),
        ("標準手順", ("gakudo-riyo-chosei", "標準手順書")),
        ("入所担当主査", ("nyusho-shusa", "ポスト")),
        ("業務棚卸表", ("inventory", "案内ページ")),
    ],
)
def test_other_kinds_of_page_are_found_with_their_kind(
    site: Path, browser: Any, query: str, expected: tuple[str, str]
) -> None:
    page = browser.new_page()
    found = labelled_results(page, f"{site.resolve().as_uri()}/index.html?q={query}")
    page.close()
    assert expected in found[:5], found


def test_a_result_links_its_printable_sheet_over_file(site: Path, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{site.resolve().as_uri()}/index.html?q=開庁前点検")
    page.wait_for_selector("[data-search-results][data-ready]", state="attached", timeout=10000)
    sheet = page.locator("[data-search-results] > li").first.locator("a.hk-result-sheet")
    assert sheet.inner_text() == "印刷用チェックリスト"
    href = sheet.get_attribute("href")
    assert href is not None and href.endswith("print/checklists/uketsuke-kaicho-mae-tenken.html")
    sheet.click()
    page.wait_for_load_state()
    assert "一斉受付期間 窓口の開庁前点検" in page.inner_text("body")
    page.close()


def test_a_query_that_matches_nothing_says_so(site: Path, browser: Any) -> None:
    page = browser.new_page()
    assert labelled_results(page, f"{site.resolve().as_uri()}/index.html?q=zqxjvw 鬱鬱鬱") == []
    message = page.locator(".hk-search-none")
    assert message.is_visible()
    assert message.inner_text() == (
        "「zqxjvw 鬱鬱鬱」に一致するページは見つかりませんでした。"
        "言葉を短くするか、ひらがなで試してください。"
    )
    page.locator(".hk-search-input").fill("学童")
    page.wait_for_selector("[data-search-results] > li", timeout=5000)
    assert page.locator(".hk-search-none").count() == 0  # gone once something matches
    page.close()


@pytest.mark.parametrize("transport", ["file", "http"])
def test_no_request_leaves_the_site(
    site: Path, http_base: str, browser: Any, transport: str
) -> None:
    base = base_of(site, http_base, transport)
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in (
        "index.html",
        "runbooks/shinsei-nyuryoku.html",
        "lists/calendar.html",
        "lists/status.html",
        "lists/zones.html",
        "onboarding/nyusho-shuji.html",
        "print/checklists/shinsei-nyuryoku.html",
        "print/onboarding/nyusho-shuji.html",
        "runbooks/riyo-chosei.html?q=LGWAN",
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    page.close()
    assert any(
        url.endswith("search-index.js") for url in requested
    )  # the search did load its index
    outside = [url for url in requested if not url.startswith(base) and not url.startswith("data:")]
    assert outside == []


@pytest.fixture(scope="session")
def new_city_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city started from an empty folder with `init`, built with no mkdocs.yml."""
    from hikitsugi.cli import run

    folder = tmp_path_factory.mktemp("new-city") / "kb"
    out = io.StringIO()
    assert run(["init", str(folder), "--organization", "テスト市 子ども家庭課"], out, out) == 0
    assert run(["check", "--root", str(folder)], out, out) == 0, out.getvalue()
    site = folder / "site"
    assert run(["build", "--root", str(folder), "--as-of", "2026-11-27"], out, out) == 0
    assert "mkdocs:" not in out.getvalue()
    return site


def test_a_new_city_site_searches_over_file_and_stays_inside(
    new_city_site: Path, browser: Any
) -> None:
    base = new_city_site.resolve().as_uri() + "/"
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    found = results(page, f"{base}index.html?q=記入漏れ")
    assert found and found[0][0] == "rei-tetsuzuki"
    assert found[0][1] is not None and found[0][1].endswith("#step-kakunin")
    for path in ("index.html", "runbooks/rei-tetsuzuki.html", "format.html", "lists/owners.html"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert "テスト市 子ども家庭課" in page.title()
    page.goto(base + "404.html")
    assert "ページが見つかりません" in page.inner_text("article")
    page.close()
    outside = [url for url in requested if not url.startswith(base) and not url.startswith("data:")]
    assert outside == []


def review_of(page: Any) -> tuple[str, str]:
    banner = page.locator("[data-hk-review]").first
    return banner.get_attribute("data-state"), banner.inner_text()


def test_banner_turns_red_once_the_browser_clock_passes_the_due_day(
    site: Path, browser: Any
) -> None:
    html = (site / "runbooks" / "shinsei-nyuryoku.html").read_text(encoding="utf-8")
    due = datetime.date.fromisoformat(re.search(r'data-due="([\d-]+)"', html).group(1))
    assert 'data-state="current"' in html  # as built on BUILD_DAY
    url = (site / "runbooks" / "shinsei-nyuryoku.html").resolve().as_uri()
    expected = {
        due - datetime.timedelta(days=60): "current",
        due - datetime.timedelta(days=10): "due-soon",
        due: "due-soon",
        due + datetime.timedelta(days=1): "stale",
    }
    for day, state in expected.items():
        context = browser.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(datetime.datetime(day.year, day.month, day.day, 12, 0))
        page.goto(url)
        got, text = review_of(page)
        assert got == state, (day, text)
        if state == "stale":
            assert "期限を過ぎています" in text and due.isoformat() in text
            color = page.locator("[data-hk-review]").first.evaluate(
                "e => getComputedStyle(e).backgroundColor"
            )
            assert color == "rgb(255, 235, 238)"  # the red of .hk-review--stale
        context.close()


def _review_cases() -> list[tuple[str, str, int]]:
    """(due, today, due_soon_days) around every edge, over a month end and a leap day."""
    cases = [("", "2026-11-27", 30)]
    for due in ("2027-01-15", "2027-03-01", "2028-02-29", "2026-12-31"):
        day = datetime.date.fromisoformat(due)
        for offset in (-400, -31, -30, -29, -1, 0, 1, 2, 365):
            for soon in (0, 1, 30):
                cases.append((due, (day + datetime.timedelta(days=offset)).isoformat(), soon))
    return cases


def test_browser_classifies_reviews_as_facts_review_does(site: Path, browser: Any) -> None:
    """The banner's script and facts/review.py agree on every case (one rule, two languages)."""
    from hikitsugi.facts import review

    cases = _review_cases()
    page = browser.new_page()
    page.goto((site / "runbooks" / "shinsei-nyuryoku.html").resolve().as_uri())
    got = page.evaluate(
        "cases => cases.map(c => window.hikitsugiReviewState(c[0], c[1], c[2]))", cases
    )
    page.close()
    expected = [
        review.state(
            datetime.date.fromisoformat(due) if due else None,
            datetime.date.fromisoformat(day),
            soon,
        )
        for due, day, soon in cases
    ]
    assert set(expected) == set(review.STATES)  # the cases reach every state
    assert list(zip(cases, got)) == list(zip(cases, expected))


def test_linkchecker_finds_no_broken_link(http_base: str) -> None:
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker is not None
    done = subprocess.run(
        [linkchecker, "--no-status", "--no-warnings", "--threads", "4", f"{http_base}index.html"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    summary = [line for line in done.stdout.splitlines() if "links in" in line or " found." in line]
    print("\n".join(summary))
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 errors found" in done.stdout


URLS_OF_PAGE = """() => Array.from(document.querySelectorAll('*')).flatMap(e =>
    ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset']
      .filter(n => e.hasAttribute(n)).map(n => e.getAttribute(n)))"""


def _inside(url: str, site: Path) -> bool:
    """Say whether the browser's request *url* stays inside the built site."""
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return url.startswith(site.resolve().as_uri() + "/")


def test_payloads_in_every_field_run_nothing_and_fetch_nothing_outside(
    tmp_path: Path, browser: Any
) -> None:
    """A site built from a KB with an attack in every free-text field, loaded page by page over file://.

    Nothing may run (no dialog, no script link), nothing may be fetched from outside the site,
    and the console stays free of errors.
    """
    kb = tmp_path / "kb"
    assert payload_kb(REPO, kb) > 100  # every free-text field of the sample city
    site = build_site(kb, tmp_path / "site", BUILD_DAY)
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 30 and site / "404.html" in pages
    dialogs: list[str] = []
    outside: list[str] = []
    errors: list[str] = []
    script_links: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda m: (
            errors.append(f"{page.url}: {m.text} {m.location}") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if _inside(url, site):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    searches = [f"{(site / 'index.html').resolve().as_uri()}?q={q}" for q in ("alert", "7*7")]
    for url in [path.resolve().as_uri() for path in pages] + searches:
        page.goto(url)
        page.wait_for_load_state("load")
        if "?q=" in url:  # the results show the payloads of titles and steps
            page.wait_for_selector("[data-search-results][data-ready]", state="attached")
            assert page.locator("[data-search-results] > li").count() > 0
        path = Path(urllib.parse.urlsplit(url).path)
        for value in page.evaluate(URLS_OF_PAGE):
            compact = "".join(value.split()).lower()
            if compact.startswith(("javascript:", "vbscript:", "data:text")):
                script_links.append(f"{path}: {value}")
    page.close()
    assert dialogs == []
    assert script_links == []
    assert outside == []
    assert errors == []
    assert (site / "images" / "ok.png").is_file()  # the KB's own image is in the site


def test_record_mode_saves_a_run_file_and_fills_the_sheet_over_file(
    site: Path, browser: Any, tmp_path: Path
) -> None:
    """記録 mode on a checklist sheet: tick, choose people, note an exception, save, print."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "print" / "checklists" / "shinsei-nyuryoku.html").resolve().as_uri())
    page.click("[data-hk-record=toggle]")
    page.fill("[data-hk-record=date]", "2026-12-18")
    page.select_option("[data-hk-record=performed_by]", "suzuki-daisuke")
    page.select_option("[data-hk-record=checked_by]", "yamada-makoto")
    items = page.eval_on_selector_all("tr[data-item]", "rows => rows.map(r => r.dataset.item)")
    assert items[:2] == ["download", "mudokuka"] and len(items) == 7
    page.click("[data-hk-record=save]")  # nothing ticked yet: refused, with the reason
    assert "✓ のない行があります (7 行)" in page.inner_text("[data-hk-record=status]")
    for item in items:
        if item != "yomiawase":
            page.click(f'tr[data-item="{item}"] .box')
    page.click('[data-hk-exception="yomiawase"]')
    note = 'プリンター故障のため翌朝に読み合わせた: "確認票" <b>#1</b>'
    page.fill('[data-hk-exception-note="yomiawase"]', note)
    with page.expect_download() as download_info:
        page.click("[data-hk-record=save]")
    download = download_info.value
    assert download.suggested_filename == "2026-12-18-shinsei-nyuryoku.yml"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    run = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert run == {
        "checklist": "shinsei-nyuryoku",
        "date": datetime.date(2026, 12, 18),
        "performed_by": "suzuki-daisuke",
        "checked_by": "yamada-makoto",
        "revision": datetime.date(2026, 11, 2),  # runbooks/gakudo/shinsei-nyuryoku.yml reviewed_on
        "exceptions": [{"item": "yomiawase", "note": note}],
    }
    # the printed sheet: names in the sign cells, ticks, the exception as text, no form
    page.click("[data-hk-record=performed_by]")  # the fields are filled on change already
    page.emulate_media(media="print")
    assert page.inner_text('td[data-field="performed_by"]') == "鈴木 大輔"
    assert page.inner_text('td[data-field="checked_by"]') == "山田 誠"
    assert page.inner_text('td[data-field="date"]') == "2026-12-18"
    assert page.locator(".box.hk-ticked").count() == 6
    assert not page.is_visible(".hk-record-bar")
    assert page.inner_text('tr[data-exception-for="yomiawase"]').strip() == f"例外: {note}"
    assert page.locator('tr[data-exception-for="yomiawase"] b').count() == 0  # text, not markup
    assert errors == []
    context.close()


# --- pages right on the day they are read (issue 12) -------------------------------------


def _sample_kb() -> Any:
    from hikitsugi.check.checker import check

    result = check(REPO, use_cache=False)
    assert not result.errors
    return result.kb


def test_browser_decides_holders_as_facts_people_does(site: Path, browser: Any) -> None:
    """hikitsugi.js `holdersOn` and facts/people.py `holders` agree around every roster date."""
    from hikitsugi.facts import people
    from hikitsugi.render.site.context import holder_spans

    kb = _sample_kb()
    one = datetime.timedelta(days=1)
    edges = {
        edge
        for person in kb.roster.people
        for a in person.assignments
        for edge in (a.start, a.until)
        if edge is not None
    }
    days = sorted({day + shift for day in edges for shift in (-one, 0 * one, one)})
    cases = [
        (role, holder_spans(kb.roster, role), day.isoformat())
        for role in kb.roster.roles
        for day in days
    ]
    page = browser.new_page()
    page.goto((site / "runbooks" / "shinsei-nyuryoku.html").resolve().as_uri())
    got = page.evaluate("cases => cases.map(c => window.hikitsugiHoldersOn(c[1], c[2]))", cases)
    page.close()
    expected = [
        list(
            dict.fromkeys(p.name for p in people.holders(kb.roster, role, date.fromisoformat(day)))
        )
        for role, _, day in cases
    ]
    assert any(not names for names in expected) and any(len(n) > 1 for n in expected)
    assert [(c[0], c[2], g) for c, g in zip(cases, got)] == [
        (c[0], c[2], e) for c, e in zip(cases, expected)
    ]


date = datetime.date


def _transfer(kb: Any) -> tuple[str, str, str, date]:
    """A post whose holder leaves and whose successor starts the next day: (role, leaver, successor, day after)."""
    from hikitsugi.facts import people

    for person in kb.roster.people:
        for a in person.assignments:
            if a.until is None or a.until < BUILD_DAY:
                continue
            after = a.until + datetime.timedelta(days=1)
            names = [p.name for p in people.holders(kb.roster, a.role, after)]
            owned = [r for r in kb.runbooks.values() if r.owner == a.role]
            before = [p.name for p in people.holders(kb.roster, a.role, a.until)]
            new = [name for name in names if name not in before]
            if new and person.name not in names and owned:
                names = new
                return a.role, person.name, names[0], after
    raise AssertionError("the sample city has no transfer after the build day")


def test_a_day_after_a_transfer_shows_the_successor_not_the_leaver(
    site: Path, browser: Any
) -> None:
    kb = _sample_kb()
    role, leaver, successor, after = _transfer(kb)
    runbook = next(r for r in kb.runbooks.values() if r.owner == role)
    url = (site / "runbooks" / f"{runbook.id}.html").resolve().as_uri()
    for day, shown, hidden in ((BUILD_DAY, leaver, successor), (after, successor, leaver)):
        context = browser.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(datetime.datetime(day.year, day.month, day.day, 9, 0))
        page.goto(url)
        owner = page.locator(".hk-owner").inner_text()
        assert shown in owner and hidden not in owner, (day, owner)
        context.close()


def test_a_post_left_vacant_reads_vacant_in_the_browser(site: Path, browser: Any) -> None:
    from hikitsugi.facts import people

    kb = _sample_kb()
    found = [
        (a.role, a.until + datetime.timedelta(days=1))
        for person in kb.roster.people
        for a in person.assignments
        if a.until is not None and a.until >= BUILD_DAY
    ]
    role, after = next(
        (role, day)
        for role, day in found
        if not people.holders(kb.roster, role, day)
        and any(r.owner == role for r in kb.runbooks.values())
    )
    runbook = next(r for r in kb.runbooks.values() if r.owner == role)
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(after.year, after.month, after.day, 9, 0))
    page.goto((site / "runbooks" / f"{runbook.id}.html").resolve().as_uri())
    assert page.locator(".hk-owner .hk-vacant").inner_text() == "(空席)"
    context.close()


def _site_pages(site: Path) -> list[Path]:
    """Every page of the site a reader opens (printable documents are paper, checked below)."""
    return sorted(
        path
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] not in ("print", "assets", "search")
        and path.name != "404.html"
    )


# The article's text outside code: the format reference shows `title:` inside code on purpose.
VISIBLE_PROSE = """() => {
  const copy = document.querySelector("article").cloneNode(true);
  copy.querySelectorAll("pre, code").forEach(e => e.remove());
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


def test_every_page_has_one_title_no_front_matter_no_raw_table_no_script_error(
    site: Path, browser: Any
) -> None:
    pages = _site_pages(site)
    assert len(pages) > 50
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems = []
    for path in pages:
        errors.clear()
        page.goto(path.resolve().as_uri())
        text = page.evaluate(VISIBLE_PROSE)
        headings = [
            h.strip().removesuffix("¶") for h in page.locator("article h1").all_inner_texts()
        ]
        title = page.title()
        name = path.relative_to(site).as_posix()
        if re.search(r"^\s*title:", text, re.MULTILINE):
            problems.append((name, "front matter shown"))
        home = name == "index.html"  # MkDocs titles the home page with the site name
        if len(headings) != 1 or not (home or title.startswith(headings[0])):
            problems.append((name, f"h1 {headings} vs title {title!r}"))
        if "|---" in text or "--- ---" in text:
            problems.append((name, "raw table"))
        if errors:
            problems.append((name, f"console: {errors}"))
    page.close()
    assert problems == [], "\n".join(map(str, problems))


def test_the_index_table_is_a_table_on_the_site_and_on_the_printed_checklist(
    site: Path, browser: Any
) -> None:
    page = browser.new_page()
    page.goto((site / "runbooks" / "shisu-keisan-sheet.html").resolve().as_uri())
    assert page.locator(".hk-detail table").count() == 2
    assert page.locator(".hk-detail table th").first.inner_text() == "事由"
    page.goto((site / "print" / "checklists" / "shisu-keisan-sheet.html").resolve().as_uri())
    assert page.locator(".reference table").count() == 2
    assert "|---|" not in page.locator("body").inner_text()
    page.close()


def test_the_calendar_on_a_phone_shows_the_readers_month(site: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2027, 1, 20, 9, 0))
    page.goto((site / "lists" / "calendar.html").resolve().as_uri())
    head = page.locator('th[data-month="2027-01"]')
    assert "hk-current-month" in (head.get_attribute("class") or "")
    box = head.bounding_box()
    assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= 390
    assert re.search(r"\d+日", page.locator(".hk-calendar tbody").inner_text())
    context.close()
