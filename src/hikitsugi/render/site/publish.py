"""Build the site with MkDocs into a folder next to the site, and swap it in only on success."""

from __future__ import annotations

import datetime
import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hikitsugi.errors import HikitsugiError, WriteError
from hikitsugi.i18n import register, t
from hikitsugi.io import make_folder
from hikitsugi.render.site.config_code import code_entries, offline_entries
from hikitsugi.render.site.site_config import embedded_config_file, in_japanese
from hikitsugi.render.site.site_folder import (
    clean_leftovers,
    held,
    new_staging,
    refuse_unsafe,
    swap,
)

CONFIG_FILE = "mkdocs.yml"

register(
    {
        "build.no-plugin": (
            "{config} の plugins に hikitsugi がありません (plugins: [hikitsugi] を書いてください)",
            "{config} does not list the hikitsugi plugin (add plugins: [hikitsugi])",
        ),
        "build.failed": (
            "サイトを作れませんでした。前のサイト ({site}) はそのまま残っています:\n{reason}",
            "the site could not be built; the previous site ({site}) is left as it was:\n{reason}",
        ),
        "build.failed-first": (
            "サイトを作れませんでした ({site} はまだありません):\n{reason}",
            "the site could not be built ({site} does not exist yet):\n{reason}",
        ),
    }
)


class SiteBuildError(HikitsugiError):
    """MkDocs could not build the site (the old site is untouched)."""


@contextmanager
def quiet_mkdocs(report: Callable[[str], None], errors: list[str]) -> Iterator[None]:
    """Send MkDocs warnings to *report*, collect its errors, hide its INFO chatter."""
    logger = logging.getLogger("mkdocs")

    class Forward(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())
            else:
                report(f"mkdocs: {record.getMessage()}")

    handler = Forward(logging.WARNING)
    previous = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


def mkdocs_build(
    root: Path,
    target: Path,
    day: datetime.date,
    report: Callable[[str], None],
    strict: bool = False,
) -> None:
    """Run the MkDocs build of the KB at *root* into *target* (raises SiteBuildError).

    Without a mkdocs.yml the embedded offline-safe configuration is used. A city's own is
    checked first: hooks and plugins that run code, and settings that break the site on LGWAN
    or over file://, are named with their line; with *strict* nothing is built then.
    """
    config_file = root / CONFIG_FILE
    if config_file.is_file():
        refuse_code(config_file, report, strict)
        refuse_online(config_file, report, strict)
        _run_mkdocs(config_file, target, day, report, lang=_language(root))
        return
    from hikitsugi.check.discover import read_config

    settings = read_config(root)
    with embedded_config_file(root, settings.organization, settings.language) as embedded:
        _run_mkdocs(embedded, target, day, report, lang=settings.language)


def _language(root: Path) -> str:
    from hikitsugi.check.discover import read_config

    try:
        return read_config(root).language
    except HikitsugiError:
        return "ja"


def _run_mkdocs(
    config_file: Path,
    target: Path,
    day: datetime.date,
    report: Callable[[str], None],
    lang: str,
) -> None:
    """Load *config_file* and build; MkDocs' configuration errors are re-said in *lang*."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    errors: list[str] = []
    with quiet_mkdocs(report, errors):
        try:
            config = load_config(config_file=str(config_file), site_dir=str(target))
            if "hikitsugi" not in config.plugins:
                raise SiteBuildError("build.no-plugin", config=str(config_file))
            plugin = config.plugins["hikitsugi"]
            plugin.config.as_of = day.isoformat()
            plugin.code_reported = True  # type: ignore[attr-defined]
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            reason = "\n".join(in_japanese(line, lang) for line in errors or [str(error)])
            raise SiteBuildError("build.failed", site=str(target), reason=reason) from None


def refuse_code(config_file: Path, report: Callable[[str], None], strict: bool) -> None:
    """Warn about each hook or outside plugin of mkdocs.yml; refuse them all when *strict*."""
    lines = [
        t("build.config-code", config=config_file.name, line=entry.line, what=entry.what)
        for entry in code_entries(config_file)
    ]
    if lines and strict:
        raise SiteBuildError("build.config-code-refused", found="\n".join(lines))
    for line in lines:
        report(line)


def refuse_online(config_file: Path, report: Callable[[str], None], strict: bool) -> None:
    """Warn about each setting that breaks the site on LGWAN or file://; refuse when *strict*."""
    lines = [
        t("build.offline", config=config_file.name, line=entry.line, what=entry.what)
        for entry in offline_entries(config_file)
    ]
    if lines and strict:
        raise SiteBuildError("build.offline-refused", found="\n".join(lines))
    for line in lines:
        report(line)


def build_site(
    root: Path,
    site_dir: Path,
    day: datetime.date,
    report: Callable[[str], None] = lambda _: None,
    strict: bool = False,
    step: Callable[[str], None] = lambda _: None,
) -> Path:
    """Build into a folder next to *site_dir*, then swap it in (see site_folder).

    *step* is called after each change on disk; tests stop the process there.
    """
    site_dir = site_dir.resolve()
    refuse_unsafe(root, site_dir)
    first = not site_dir.is_dir() or not any(site_dir.iterdir())
    make_folder(site_dir.parent, site_dir)
    clean_leftovers(site_dir)
    step("cleaned")
    staging = new_staging(site_dir)
    step("staging")
    with held(staging):
        try:
            mkdocs_build(root.resolve(), staging, day, report, strict)
            step("built")
        except SiteBuildError as error:
            shutil.rmtree(staging, ignore_errors=True)
            error.params["site"] = str(site_dir)
            if first and error.key == "build.failed":
                error.key = "build.failed-first"
            raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        try:
            swap(staging, site_dir, step)
        except WriteError:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return site_dir
