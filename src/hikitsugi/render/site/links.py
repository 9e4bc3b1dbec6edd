"""Relative links between generated pages (where each page lives is render/paths.py)."""

from __future__ import annotations

import posixpath


def url(page: str, directory_urls: bool) -> str:
    """Return the site URL (from the site root) of the source page *page*."""
    stem = page[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(source: str, target: str, directory_urls: bool, anchor: str = "") -> str:
    """Return a link from page *source* to page *target*, relative, as MkDocs would write it."""
    source_url = url(source, directory_urls)
    here = source_url.rstrip("/") if directory_urls else posixpath.dirname(source_url)
    there = url(target, directory_urls)
    relative = posixpath.relpath(there or ".", here or ".")
    if directory_urls and not relative.endswith("/"):
        relative += "/"
    if not directory_urls and relative == ".":
        relative = "./"
    return relative + (f"#{anchor}" if anchor else "")


def file_href(source: str, target: str, directory_urls: bool) -> str:
    """Return a relative link from page *source* to the static file *target* (e.g. print/…html)."""
    source_url = url(source, directory_urls)
    here = source_url.rstrip("/") if directory_urls else posixpath.dirname(source_url)
    return posixpath.relpath(target, here or ".")
