"""The one URL policy of the site and the printouts: which links and images a KB may write.

Links: http(s) and mailto, plus relative links between the site's pages. Images: only files of
the KB's images/ folder, which the build copies into the site. Anything else is shown as text.
Browsers ignore tabs, newlines and control characters inside a URL and decode entities in
attributes, so the scheme is judged on the URL as the browser will read it.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import urllib.parse

LINK_SCHEMES = ("http", "https", "mailto", "tel")  # tel: dials a phone, it runs nothing
IMAGES_FOLDER = "images"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")  # no SVG: it can carry script

_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _as_browser_reads(url: str) -> str:
    """Decode entities (repeatedly: `&amp;#106;`) and drop what browsers skip inside a URL."""
    previous = None
    while previous != url:
        previous, url = url, html.unescape(url)
    return _IGNORED.sub("", url).replace("\\", "/")


def scheme(url: str) -> str | None:
    """Return the scheme of *url* in lower case as a browser reads it, or None when relative."""
    found = _SCHEME.match(_as_browser_reads(url))
    return found.group(1).lower() if found else None


def _leaves_the_site(compact: str) -> bool:
    """Say whether a relative URL starts at the root or another host (`/x`, `//host/x`)."""
    return compact.startswith("/")


def safe_link(url: str) -> bool:
    """Say whether *url* may be a link: http(s), mailto, or a relative link inside the site."""
    compact = _as_browser_reads(url)
    if not compact:
        return False
    found = scheme(url)
    if found is not None:
        hierarchical = found in ("http", "https")
        return found in LINK_SCHEMES and (
            not hierarchical or compact.lower().startswith(f"{found}://")
        )
    return not _leaves_the_site(compact)


_EMAIL = re.compile(r"^[^\s@<>\"'&\\/:?#]+@[^\s@<>\"'&\\/:?#]+$")


def mailto(email: str) -> str | None:
    """Return the mailto: link of a plain e-mail address, or None when it is not one."""
    return f"mailto:{email}" if _EMAIL.match(email) else None


def mailto_with(email: str, subject: str, body: str) -> str | None:
    """Return a mailto: link with a subject and body, every character percent-encoded (RFC 6068)."""
    plain = mailto(email)
    if plain is None:
        return None
    encode = functools.partial(urllib.parse.quote, safe="")
    return (
        f"{plain}?subject={encode(subject)}&body={encode(body.replace(chr(10), chr(13) + chr(10)))}"
    )


def image_path(url: str) -> str | None:
    """Return the KB path (images/…) of an image URL the site may show, or None.

    An image is allowed only as a relative path into the KB's images/ folder, with an image suffix,
    no `..`, no query and no entity or control-character tricks.
    """
    if url != _as_browser_reads(url) or scheme(url) is not None or "?" in url or "#" in url:
        return None
    normal = posixpath.normpath(url)
    if normal != url.removeprefix("./") or not normal.startswith(f"{IMAGES_FOLDER}/"):
        return None
    if ".." in normal.split("/") or not normal.lower().endswith(IMAGE_SUFFIXES):
        return None
    return normal
