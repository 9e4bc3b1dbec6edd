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

ALLOWED_SCHEMES = ("file:", "data:")


def local_only_fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Fetch file: and data: URLs only: a printout never reaches the network."""
    from weasyprint import default_url_fetcher

    if not url.startswith(ALLOWED_SCHEMES):
        raise ValueError(f"refused: {url}")
    return default_url_fetcher(url, *args, **kwargs)


def pdf_bytes(html: str, base: Path) -> bytes:
    """Return the PDF of *html*; relative URLs resolve under *base*."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise HikitsugiError("pdf.unavailable", error=str(error).splitlines()[0]) from None
    document = weasyprint.HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=local_only_fetcher)
    result = document.write_pdf()
    assert result is not None
    return bytes(result)
