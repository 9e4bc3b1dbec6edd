"""A site built from a KB with an attack in every free-text field, loaded page by page over file://.

Nothing may run (no dialog, no script link), nothing may be fetched from outside the site,
and the console stays free of errors.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from payload_kb import payload_kb

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO
from hikitsugi.render.site.publish import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed", allow_module_level=True)

BUILD_DAY = datetime.date(2026, 11, 27)
URLS_OF_PAGE = """() => Array.from(document.querySelectorAll('*')).flatMap(e =>
    ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset']
      .filter(n => e.hasAttribute(n)).map(n => e.getAttribute(n)))"""


def _inside(url: str, site: Path) -> bool:
    """Say whether the browser's request *url* stays inside the built site."""
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return url.startswith(site.resolve().as_uri() + "/")


def test_payloads_in_every_field_run_nothing_and_fetch_nothing_outside(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    kb = tmp_path / "kb"
    assert payload_kb(REPO, kb) > 100  # every free-text field of the sample city
    site = build_site(kb, tmp_path / "site", BUILD_DAY)
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 30 and site / "404.html" in pages
    dialogs: list[str] = []
    outside: list[str] = []
    errors: list[str] = []
    script_links: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
        for path in pages:
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            for url in page.evaluate(URLS_OF_PAGE):
                compact = "".join(url.split()).lower()
                if compact.startswith(("javascript:", "vbscript:", "data:text")):
                    script_links.append(f"{path.relative_to(site)}: {url}")
        browser.close()
    assert dialogs == []
    assert script_links == []
    assert outside == []
    assert errors == []
    assert (site / "images" / "ok.png").is_file()  # the KB's own image is in the site
