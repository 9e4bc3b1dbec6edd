"""Serve the KB's site with live reload; each edit rebuilds only what it changes.

The same configuration as `hikitsugi build` (the KB's mkdocs.yml, else the embedded one). Each
rebuild checks the KB first: with errors the last good site stays served and the errors are
shown; otherwise the hikitsugi plugin renders only the files the edit changes
(render/site_rebuild.py) and MkDocs' dirty build writes only those.
"""

from __future__ import annotations

import datetime
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hikitsugi.check.checker import CheckResult, check
from hikitsugi.errors import HikitsugiError, UsageError
from hikitsugi.i18n import register, t
from hikitsugi.render.site.publish import (
    CONFIG_FILE,
    SiteBuildError,
    quiet_mkdocs,
    refuse_code,
    refuse_online,
)
from hikitsugi.render.site.site_config import embedded_config_file, in_japanese

register(
    {
        "serve.url": (
            "サイトを {url} で見られます (ブラウザーで開いてください。止めるには Ctrl+C)",
            "the site is served at {url} (open it in a browser; Ctrl+C stops)",
        ),
        "serve.rebuilt": (
            "サイトを作り直しました ({seconds:.1f} 秒)",
            "rebuilt the site ({seconds:.1f} s)",
        ),
        "serve.check-failed": (
            "エラーがあるためサイトを作り直しませんでした。直すまで前のサイトを表示します",
            "not rebuilding because of the errors above; the last good site is still served",
        ),
        "serve.check-failed-first": (
            "エラーがあるためサイトを作れません。上のエラーを直して保存すれば、自動で作り直します",
            "the site cannot be built because of the errors above: fix them and save, it rebuilds by itself",
        ),
        "serve.build-failed": (
            "サイトを作り直せませんでした。前のサイトを表示します:\n{reason}",
            "the site could not be rebuilt; the last good site is still served:\n{reason}",
        ),
        "serve.port-busy": (
            "{address} でサイトを見せられません ({reason})。別のポートを -a 127.0.0.1:8001 のように指定してください",
            "cannot serve on {address} ({reason}): choose another port, e.g. -a 127.0.0.1:8001",
        ),
        "serve.stopped": ("サーバーを止めました", "stopped the server"),
    }
)

# MkDocs' own note on every dirty build: ours are exact (see render/site_rebuild.py).
_DIRTY_NOTE = "A 'dirty' build is being performed"


class Builder:
    """Check the KB, then build its site into *site_dir*; keep what the next build can reuse."""

    def __init__(
        self,
        root: Path,
        config_file: Path,
        site_dir: Path,
        day: datetime.date,
        report: Callable[[str], None],
        lang: str,
        serve_url: str | None = None,
    ) -> None:
        from hikitsugi.mkdocs_plugin import Between

        self.root, self.config_file, self.site_dir = root, config_file, site_dir
        self.day, self.report, self.lang, self.serve_url = day, report, lang, serve_url
        self.between = Between()
        self.built = False  # a good site is in site_dir
        self.settings = ""  # what the rendering depends on outside the KB's model (_settings)

    def __call__(self, checked: CheckResult | None = None) -> bool:
        """Build once; return whether the site was (re)built. Errors are reported, never raised.

        *checked* is a check of the KB just made (the first build's), else the KB is checked.
        """
        try:
            result = checked or check(self.root)
        except HikitsugiError as error:
            self.report(error.render(self.lang))
            return False
        if result.errors:
            self._report_problems(result)
            self.between.result = None
            return False
        self.between.result = result
        settings = self._settings()
        if settings != self.settings:  # MkDocs settings or a template: every page may change
            self.between.rendering, self.between.nav = None, None
        try:
            self._build()
        except SiteBuildError as error:
            self.report(t("serve.build-failed", self.lang, reason=error.params.get("reason", "")))
            self.between.rendering = None  # the next build starts afresh
            return False
        finally:
            self.between.result = None
        self.built, self.settings = True, settings
        return True

    def _settings(self) -> str:
        """A fingerprint of the MkDocs configuration and the KB's templates/ folder."""
        parts = [self.config_file.read_text(encoding="utf-8", errors="replace")]
        templates = self.root / "templates"
        if templates.is_dir():
            for path in sorted(templates.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    parts.append(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}")
        return "\n".join(parts)

    def _report_problems(self, result: CheckResult) -> None:
        for problem in result.problems:
            self.report(problem.format(self.lang))
        key = "serve.check-failed" if self.built else "serve.check-failed-first"
        self.report(t(key, self.lang))

    def _build(self) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        errors: list[str] = []
        with quiet_mkdocs(self._forward, errors):
            try:
                config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
                if "hikitsugi" not in config.plugins:
                    raise SiteBuildError("build.no-plugin", config=str(self.config_file))
                plugin = config.plugins["hikitsugi"]
                plugin.config.as_of = self.day.isoformat()
                plugin.code_reported = True  # type: ignore[attr-defined]
                plugin.between = self.between  # type: ignore[attr-defined]
                if self.serve_url:
                    config.site_url = self.serve_url
                build(config, serve_url=self.serve_url, dirty=True)
            except MkDocsException as error:
                reason = "\n".join(in_japanese(line, self.lang) for line in errors or [str(error)])
                raise SiteBuildError(
                    "build.failed", site=str(self.site_dir), reason=reason
                ) from None

    def _forward(self, line: str) -> None:
        if _DIRTY_NOTE not in line:
            self.report(line)


@contextmanager
def config_file_of(
    root: Path, report: Callable[[str], None], strict: bool = False
) -> Iterator[tuple[Path, str]]:
    """Yield the MkDocs configuration `build` uses for *root* and the site's language.

    The KB's mkdocs.yml (its code and offline-breaking settings named first), else the embedded one.
    """
    from hikitsugi.check.discover import read_config

    settings = read_config(root)
    own = root / CONFIG_FILE
    if own.is_file():
        refuse_code(own, report, strict)
        refuse_online(own, report, strict)
        yield own, settings.language
        return
    with embedded_config_file(root, settings.organization, settings.language) as embedded:
        yield embedded, settings.language


def serve(
    checked: CheckResult,
    host: str,
    port: int,
    day: datetime.date,
    report: Callable[[str], None],
) -> None:
    """Build the site of the KB *checked* (no errors), serve it at http://HOST:PORT/, rebuild on each edit.

    A port already in use raises UsageError.
    """
    from mkdocs.livereload import LiveReloadServer

    root = checked.kb.root.resolve()
    site_dir = Path(tempfile.mkdtemp(prefix="hikitsugi-serve-"))
    try:
        with config_file_of(root, report) as (config_file, lang):
            url = f"http://{host}:{port}/"
            builder = Builder(root, config_file, site_dir, day, report, lang, serve_url=url)
            _refuse_busy(host, port)  # before the first build, which takes a while
            server = LiveReloadServer(
                builder=lambda: _rebuild(builder), host=host, port=port, root=str(site_dir)
            )
            builder(checked)
            _watch(server, builder)
            report(t("serve.url", lang, url=url))
            _quiet_livereload()
            try:
                server.serve()
            except KeyboardInterrupt:
                report(t("serve.stopped", lang))
            except OSError as error:  # taken since _refuse_busy looked
                raise _busy(host, port, error) from None
            finally:
                server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _refuse_busy(host: str, port: int) -> None:
    """Raise UsageError when *host*:*port* cannot be listened on (taken, or not this computer's)."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind((host, port))
    except OSError as error:
        raise _busy(host, port, error) from None


def _busy(host: str, port: int, error: OSError) -> UsageError:
    reason = error.strerror or str(error)
    return UsageError("serve.port-busy", address=f"{host}:{port}", reason=reason)


def _rebuild(builder: Builder) -> None:
    import time

    started = time.perf_counter()
    if builder():
        builder.report(t("serve.rebuilt", builder.lang, seconds=time.perf_counter() - started))


def _watch(server: Any, builder: Builder) -> None:
    """Watch the KB's files, its docs/ and mkdocs.yml (the plugin names the KB's folders)."""
    from hikitsugi.mkdocs_plugin import WATCHED

    for name in (*WATCHED, "docs", "images", CONFIG_FILE):
        path = builder.root / name
        if path.exists():
            server.watch(str(path))


def _quiet_livereload() -> None:
    """Keep MkDocs' English request log out of the user's terminal (errors still show)."""
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
