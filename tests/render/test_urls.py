"""The one URL policy: links http(s)/mailto/tel or inside the site; images only from images/."""

from __future__ import annotations

import pytest

from hikitsugi.render import urls


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&amp;#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "//evil.example/x",
        "/etc/passwd",
        "\\\\evil.example\\share",
        "http:evil.example",
        "",
    ],
)
def test_unsafe_links(url: str) -> None:
    assert not urls.safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://elaws.e-gov.go.jp/",
        "HTTP://example.jp/",
        "mailto:kodomo@example.lg.jp",
        "tel:0312345678",
        "../runbooks/intake.html",
        "intake.html#step-a",
        "#step-a",
    ],
)
def test_safe_links(url: str) -> None:
    assert urls.safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/t.png",
        "http://evil.example/a.png",
        "/etc/passwd",
        "images/../../secret.png",
        "../images/a.png",
        "images/a.svg",
        "images/a.png?x=1",
        "data:image/png;base64,AAAA",
        "runbooks/a.png",
        "images/&#46;&#46;/a.png",
    ],
)
def test_images_from_outside_the_kb_images_folder(url: str) -> None:
    assert urls.image_path(url) is None


@pytest.mark.parametrize(
    ("url", "path"),
    [("images/a.png", "images/a.png"), ("./images/b/c.JPG", "images/b/c.JPG")],
)
def test_images_in_the_images_folder(url: str, path: str) -> None:
    assert urls.image_path(url) == path


@pytest.mark.parametrize(
    ("email", "link"),
    [
        ("kodomo@example.lg.jp", "mailto:kodomo@example.lg.jp"),
        ("javascript:alert(1)@x", None),
        ('a"><svg onload=alert(1)>@x', None),
        ("内線 1234", None),
    ],
)
def test_mailto(email: str, link: str | None) -> None:
    assert urls.mailto(email) == link
