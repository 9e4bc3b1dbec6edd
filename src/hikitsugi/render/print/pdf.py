"""HTML to PDF with WeasyPrint: local files only, the Japanese font embedded."""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from hikitsugi.errors import HikitsugiError
from hikitsugi.i18n import register

register(
    {
        "pdf.unavailable": (
            (
                "PDF を作れません: WeasyPrint を読み込めませんでした ({error})。"
                "docs/print.md の Debian パッケージ (libpango-1.0-0 など) を入れるか、"
                "--pdf なしで HTML を出力しブラウザーで印刷してください"
            ),
            (
                "cannot make a PDF: WeasyPrint could not be loaded ({error}). Install the Debian packages of "
                "docs/print.md (libpango-1.0-0 ...), or leave out --pdf and print the HTML from a browser"
            ),
        ),
    }
)

ALLOWED_PROTOCOLS = ("file", "data")
PACKAGE = Path(__file__).resolve().parents[2]  # hikitsugi's own templates and assets


def readable(url: str, roots: tuple[Path, ...]) -> bool:
    """Say whether *url* is data:, or a file: inside the package or one of *roots* (links followed)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "data":
        return True
    if scheme != "file":
        return False
    parts = urllib.parse.urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False  # file://server/share: a network share, not a local file
    path = Path(urllib.request.url2pathname(parts.path)).resolve()
    return any(path.is_relative_to(root.resolve()) for root in (PACKAGE, *roots))


def local_only_fetcher(roots: tuple[Path, ...] = ()) -> Any:
    """Return a WeasyPrint URL fetcher for data: and for files of the package and *roots* only.

    A printout never goes online, and a template override cannot pull /etc/passwd into it.
    """
    try:
        from weasyprint.urls import URLFetcher  # newer WeasyPrint: a fetcher class
    except ImportError:  # older WeasyPrint: wrap its fetcher function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not readable(url, roots):
                raise ValueError(f"URI uses disallowed protocol or place: {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not readable(url, roots):
                raise ValueError(f"URI uses disallowed protocol or place: {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=ALLOWED_PROTOCOLS, allow_redirects=False)


def pdf_bytes(html: str, base: Path) -> bytes:
    """Return the PDF of *html*; relative URLs resolve under *base*."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise HikitsugiError("pdf.unavailable", error=str(error).splitlines()[0]) from None
    document = weasyprint.HTML(
        string=html,
        base_url=str(base.resolve()) + "/",
        url_fetcher=local_only_fetcher((base,)),
    )
    result = document.write_pdf()
    assert result is not None
    return bytes(result)
