"""The MkDocs plugin `hikitsugi`: check the KB and add its generated pages in memory.

A thin adapter: the files come from hikitsugi.render.site_with_print (the site's pages and the
printable documents); this module only talks to MkDocs.
"""

from __future__ import annotations

import datetime
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from hikitsugi.check.checker import CheckResult, check
from hikitsugi.commands.common import EARLIEST_DAY, LATEST_DAY
from hikitsugi.errors import HikitsugiError
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase
from hikitsugi.render import urls
from hikitsugi.render.site import pages as site
from hikitsugi.render.site import today as site_today
from hikitsugi.render.site.config_code import code_entries, offline_entries
from hikitsugi.render.site.context import SiteContext
from hikitsugi.render.site.nav import hand_written, navigation
from hikitsugi.render.site.search import INDEX_PATH, HandWrittenPage, search_index
from hikitsugi.render.site_rebuild import Rendering, render, render_again
from hikitsugi.render.templates import environment

LOG = logging.getLogger("mkdocs.plugins.hikitsugi")
CONFIG_FILE = "mkdocs.yml"
WATCHED = ("runbooks", "checklists", "standards", "templates", "roster.yml", "hikitsugi.yml")
AS_OF_ENV = "HIKITSUGI_AS_OF"

register(
    {
        "site.check-failed": (
            "ナレッジベースに {count} 件のエラーがあるためサイトを作れません:\n{problems}",
            "the knowledge base has {count} error(s), so the site cannot be built:\n{problems}",
        ),
        "site.template-error": (
            "テンプレートの誤り: {where}: {error}",
            "error in a template: {where}: {error}",
        ),
        "site.bad-as-of": (
            "as_of '{value}' は YYYY-MM-DD の日付 (1900-01-01〜2200-12-31) ではありません",
            "as_of '{value}' is not a date YYYY-MM-DD from 1900-01-01 to 2200-12-31",
        ),
    }
)

# Seconds spent in this plugin during the last build (read by scripts/bench_site.py).
LAST_TIMINGS: dict[str, float] = {}


@dataclass
class Between:
    """What `hikitsugi serve` keeps from one build to the next, so a rebuild redoes little.

    *result* is the serve loop's own check of the KB (the plugin does not check again);
    *rendering* and *nav* are those of the last build.
    """

    result: CheckResult | None = None
    rendering: Rendering | None = None
    nav: list[Any] | None = None


class _Kept(File):
    """A generated file whose content is that of the last build: a dirty build skips it."""

    def is_modified(self) -> bool:
        return False


class _Options(Config):
    root = config_options.Optional(config_options.Type(str))
    as_of = config_options.Optional(config_options.Type(str))
    lang = config_options.Optional(config_options.Choice(("ja", "en")))


class HikitsugiPlugin(BasePlugin[_Options]):
    """Generate runbook, list and onboarding pages from the knowledge base."""

    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        self.root = Path(".")
        self.context: Any = None
        self.code_reported = False  # `hikitsugi build` named hooks and plugins before loading them
        self.between: Between | None = None  # set by `hikitsugi serve` (dirty builds)
        self.changed: frozenset[str] | None = (
            None  # generated paths that differ from the last build
        )

    def _day(self) -> datetime.date:
        text = self.config.as_of or os.environ.get(AS_OF_ENV)
        if not text:
            return datetime.date.today()  # the plugin is an outer adapter, like the CLI
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            raise PluginError(t("site.bad-as-of", value=text)) from None
        if not EARLIEST_DAY <= day <= LATEST_DAY:  # the CLI's --as-of range
            raise PluginError(t("site.bad-as-of", value=text))
        return day

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the KB, render its pages and register our script and styles."""
        started = time.perf_counter()
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.root = (config_dir / self.config.root).resolve() if self.config.root else config_dir
        result = self.between.result if self.between else None
        if result is None:
            try:
                result = check(self.root)
            except HikitsugiError as error:
                raise PluginError(error.render(self.config.lang or "ja")) from None
        lang = self.config.lang or result.kb.config.language
        if result.errors:
            problems = "\n".join(p.format(lang) for p in result.errors)
            raise PluginError(
                t("site.check-failed", lang, count=len(result.errors), problems=problems)
            )
        if not self.code_reported:
            _warn_about_code(config)
        environment.cache_clear()  # under `mkdocs serve`, see a templates/ folder added since
        rendering = self._render(result.kb, lang, directory_urls=config.use_directory_urls)
        self.context, self.pages = rendering.context, dict(rendering.files)
        config.extra_css.append(site.ASSET_PREFIX + "hikitsugi.css")
        config.extra_javascript.append(site.ASSET_PREFIX + "hikitsugi.js")
        config.theme["language"] = lang
        _readable_anchors(config, lang)
        _japanese_404(config)
        LAST_TIMINGS.clear()
        LAST_TIMINGS["on_config"] = time.perf_counter() - started
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and assets; a hand-written page at the same path wins."""
        started = time.perf_counter()
        own = [f.src_uri for f in files.documentation_pages()]
        generated = {**self.pages, **site.static_assets(), **kb_images(self.root)}
        if own:  # the hand-written docs/ pages are searched too
            generated[INDEX_PATH] = _search_index(self.context, files)
        if files.get_file_from_path("index.md") is None:  # the site's front door must exist
            generated["index.md"] = site.render_home(self.context)
            own.insert(0, "index.md")
        own_nav = list(config.nav) if config.nav else hand_written(self.context, own)
        config.nav = navigation(self.context, own_nav)
        changed = self._changed(config)
        if changed is not None:
            _write_again(files.documentation_pages())
        for path, content in generated.items():
            if files.get_file_from_path(path) is None:
                kind = _Kept if changed is not None and path not in changed else File
                files.append(kind.generated(config, path, content=content))
        LAST_TIMINGS["on_files"] = time.perf_counter() - started
        return files

    def _render(self, kb: KnowledgeBase, lang: str, directory_urls: bool) -> Rendering:
        """Render the site; under `hikitsugi serve`, only what changed since the last build."""
        import jinja2

        from hikitsugi.render.template_errors import describe

        try:
            if self.between is None:
                return render(kb, self._day(), lang, directory_urls)
            again = render_again(self.between.rendering, kb, self._day(), lang, directory_urls)
        except (jinja2.TemplateError, UnicodeDecodeError) as error:
            failed = describe(error)  # the file and line, also of an undefined name or bad bytes
            raise PluginError(
                t("site.template-error", lang, where=failed.where, error=failed.reason(lang))
            ) from None
        self.between.rendering = again.rendering
        self.changed = again.changed
        return again.rendering

    def _changed(self, config: MkDocsConfig) -> frozenset[str] | None:
        """The generated paths a dirty build must write (None: every file, in a clean folder).

        The home page and the KB's images are always written (they are not in the rendering);
        when the navigation changed, every page shows it, so everything is built again.
        """
        between = self.between
        if between is None:
            return None
        changed = self.changed
        if between.nav != config.nav:
            changed = None
        between.nav = list(config.nav or [])
        if changed is None:
            from mkdocs.utils import clean_directory

            clean_directory(config.site_dir)  # a dirty build then writes every file
            return None
        return changed | {"index.md"} | set(kb_images(self.root))

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        """Say on every page when the site was built; give the home page its 今日 block."""
        return site_today.decorate(self.context, page.file.src_uri, html)

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """Give 404.html relative URLs: MkDocs makes them absolute, which leave the site over file://."""
        if template_name == "404.html" and not config.site_url:
            from mkdocs.utils import normalize_url

            context["base_url"] = "."
            context["extra_css"] = [normalize_url(path, None, ".") for path in config.extra_css]
            context["extra_javascript"] = [
                normalize_url(str(path), None, ".") for path in config.extra_javascript
            ]
        return context

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the KB's YAML, roster, settings or templates change."""
        for name in WATCHED:
            path = self.root / name
            if path.exists():
                server.watch(str(path))
        return server


def _write_again(hand_written_pages: Sequence[File]) -> None:
    """Make a dirty build read and write the KB's own pages again.

    MkDocs takes a page's title from its Markdown only when it reads the page, and every page
    shows the titles of the others (the home page's in the header), so these few are always made.
    """
    for file in hand_written_pages:
        if file.abs_src_path and os.path.isfile(file.abs_dest_path):
            os.utime(file.abs_dest_path, ns=(0, 0))


def _search_index(context: SiteContext, files: Files) -> str:
    """Return the search index of the KB's pages and of the hand-written docs/ pages' Markdown."""
    pages = [
        HandWrittenPage(f.src_uri, f.url, f.content_string) for f in files.documentation_pages()
    ]
    return search_index(
        context.kb, context.directory_urls, context.lang, pages, printables=context.printables
    )


def _warn_about_code(config: MkDocsConfig) -> None:
    """Name hooks, outside plugins and offline-breaking settings under plain `mkdocs build` too.

    (`mkdocs build --strict` then fails.)
    """
    if config.config_file_path:
        for entry in code_entries(Path(config.config_file_path)):
            LOG.warning(
                t("build.config-code", config=CONFIG_FILE, line=entry.line, what=entry.what)
            )
        for entry in offline_entries(Path(config.config_file_path)):
            LOG.warning(t("build.offline", config=CONFIG_FILE, line=entry.line, what=entry.what))


def kb_images(root: Path) -> dict[str, bytes]:
    """The KB's images/ files the URL policy allows, by site path (a symlink out of the KB is left out)."""
    folder = root / urls.IMAGES_FOLDER
    if not folder.is_dir():
        return {}
    found: dict[str, bytes] = {}
    kb = root.resolve()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(root).as_posix()
        inside = path.resolve().is_relative_to(kb)
        if path.is_file() and inside and urls.image_path(relative) == relative:
            found[relative] = path.read_bytes()
    return found


def _readable_anchors(config: MkDocsConfig, lang: str) -> None:
    """Keep Japanese headings readable in anchors (#手順, not #_1) unless the KB chose a slugify.

    The permalink's tooltip is said in the site's language too (Markdown's is English).
    """
    from markdown.extensions.toc import slugify_unicode

    from hikitsugi.render.site.site_config import PERMALINK_TITLE

    if "toc" not in config.markdown_extensions:
        config.markdown_extensions.append("toc")
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugify_unicode)
    toc.setdefault("permalink_title", PERMALINK_TITLE.get(lang, PERMALINK_TITLE["ja"]))


def _japanese_404(config: MkDocsConfig) -> None:
    """Put our 404.html after the city's custom_dir and before the theme's own."""
    ours = str(Path(__file__).resolve().parent / "assets" / "theme")
    if ours not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, ours)
