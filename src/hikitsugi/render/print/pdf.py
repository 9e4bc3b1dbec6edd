"""HTML to PDF with WeasyPrint: local files only, the Japanese font embedded."""

from __future__ import annotations

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


def local_only_fetcher() -> Any:
    """Return a WeasyPrint URL fetcher for file: and data: only: a printout never goes online."""
    try:
        from weasyprint.urls import URLFetcher  # newer WeasyPrint: a fetcher class
    except ImportError:  # older WeasyPrint: wrap its fetcher function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if url.split(":", 1)[0].lower() not in ALLOWED_PROTOCOLS:
                raise ValueError(f"URI uses disallowed protocol: {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS, allow_redirects=False)


def pdf_bytes(html: str, base: Path) -> bytes:
    """Return the PDF of *html*; relative URLs resolve under *base*."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise HikitsugiError("pdf.unavailable", error=str(error).splitlines()[0]) from None
    document = weasyprint.HTML(
        string=html, base_url=str(base.resolve()) + "/", url_fetcher=local_only_fetcher()
    )
    result = document.write_pdf()
    assert result is not None
    return bytes(result)
