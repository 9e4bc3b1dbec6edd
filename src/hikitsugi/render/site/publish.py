"""Build the site with MkDocs into a folder next to the site, and swap it in only on success."""

from __future__ import annotations

import datetime
import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hikitsugi.errors import HikitsugiError, WriteError
from hikitsugi.i18n import register
from hikitsugi.io import make_folder
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
        "build.no-mkdocs-yml": (
            "{root} に mkdocs.yml がありません (サイトの設定。サンプル市の mkdocs.yml を写して使えます)",
            "{root} has no mkdocs.yml (the site's settings; copy the sample city's)",
        ),
        "build.no-plugin": (
            "{config} の plugins に hikitsugi がありません (plugins: [hikitsugi] を書いてください)",
            "{config} does not list the hikitsugi plugin (add plugins: [hikitsugi])",
        ),
        "build.failed": (
            "サイトを作れませんでした。前のサイト ({site}) はそのまま残っています:\n{reason}",
            "the site could not be built; the previous site ({site}) is left as it was:\n{reason}",
        ),
    }
)


class SiteBuildError(HikitsugiError):
    """MkDocs could not build the site (the old site is untouched)."""


@contextmanager
def _quiet_mkdocs(report: Callable[[str], None], errors: list[str]) -> Iterator[None]:
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
    root: Path, target: Path, day: datetime.date, report: Callable[[str], None]
) -> None:
    """Run the MkDocs build of the KB at *root* into *target* (raises SiteBuildError)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        raise SiteBuildError("build.no-mkdocs-yml", root=str(root))
    errors: list[str] = []
    with _quiet_mkdocs(report, errors):
        try:
            config = load_config(config_file=str(config_file), site_dir=str(target))
            if "hikitsugi" not in config.plugins:
                raise SiteBuildError("build.no-plugin", config=str(config_file))
            config.plugins["hikitsugi"].config.as_of = day.isoformat()
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            reason = "\n".join(errors) or str(error)
            raise SiteBuildError("build.failed", site=str(target), reason=reason) from None


def build_site(
    root: Path,
    site_dir: Path,
    day: datetime.date,
    report: Callable[[str], None] = lambda _: None,
    step: Callable[[str], None] = lambda _: None,
) -> Path:
    """Build into a folder next to *site_dir*, then swap it in (see site_folder).

    *step* is called after each change on disk; tests stop the process there.
    """
    site_dir = site_dir.resolve()
    refuse_unsafe(root, site_dir)
    make_folder(site_dir.parent, site_dir)
    clean_leftovers(site_dir)
    step("cleaned")
    staging = new_staging(site_dir)
    step("staging")
    with held(staging):
        try:
            mkdocs_build(root.resolve(), staging, day, report)
            step("built")
        except SiteBuildError as error:
            shutil.rmtree(staging, ignore_errors=True)
            error.params["site"] = str(site_dir)
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
