"""The files of a new knowledge base (`hikitsugi init`): settings, one post, one example runbook.

Everything a city needs to write, check and build its site, with no mkdocs.yml (the site's
configuration is embedded) and no internet: the JSON Schemas the `$schema` comments point at
and the format reference travel with the package.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from hikitsugi import schema
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register
from hikitsugi.io import write_new

CONFIG_FILE = "hikitsugi.yml"
SCHEMA_DIR = "docs/schema"  # where `new` and the templates' `$schema` comments point
# Files from the template folder init/: (template, file in the KB).
TEMPLATES = (
    ("hikitsugi.yml.j2", CONFIG_FILE),
    ("roster.yml.j2", "roster.yml"),
    ("example.yml.j2", "runbooks/rei-tetsuzuki.yml"),
    ("index.md.j2", "docs/index.md"),
    ("gitignore.j2", ".gitignore"),
    ("pre-commit-config.yaml.j2", ".pre-commit-config.yaml"),
)
# Only these are added to a folder that is already a knowledge base: they never clash with it.
SUPPORT_FILES = frozenset({".gitignore", ".pre-commit-config.yaml", "docs/format.md"})
# Links of the format reference to pages that only the sample city's docs/ has.
# A new KB has only docs/index.md and docs/format.md: links to the repository's other guides become text.
_SAMPLE_ONLY_LINK = re.compile(r"\[([^\]]+)\]\((?!index\.md|format\.md)[\w./-]+\.md(?:#[^)]*)?\)")

register(
    {
        "init.not-empty": (
            (
                "{folder} には既にファイルがあり、ナレッジベース (hikitsugi.yml のあるフォルダ) でもありません。"
                "新しい空のフォルダを指定してください (例: hikitsugi init 新しいフォルダ名 --organization 名称)"
            ),
            (
                "{folder} already holds files and is not a knowledge base (no hikitsugi.yml): "
                "give a new or empty folder (e.g. hikitsugi init NEW-FOLDER --organization NAME)"
            ),
        ),
        "init.not-folder": (
            "{folder} はフォルダではなくファイルです",
            "{folder} is a file, not a folder",
        ),
    }
)


@dataclass(frozen=True)
class Created:
    """What `init` did with one file: written, or left as it was."""

    path: str
    written: bool


def starter_files(organization: str, language: str, today: datetime.date) -> dict[str, str]:
    """Return every file of a new KB (path relative to the KB → text)."""
    from hikitsugi.render.templates import environment

    values = {
        "organization": organization,
        "organization_yaml": _yaml_text(organization),
        "language": language,
        "today": today.isoformat(),
    }
    env = environment()
    files = {
        path: env.get_template(f"init/{template}").render(**values) for template, path in TEMPLATES
    }
    files |= {f"{SCHEMA_DIR}/{name}": schema.text(name) for name in schema.FILES}
    files["docs/format.md"] = format_reference()
    return files


def format_reference() -> str:
    """Return the format reference (docs/format.md) as packaged, its sample-only links as text."""
    text = resources.files("hikitsugi").joinpath("docs/format.md").read_text(encoding="utf-8")
    return _SAMPLE_ONLY_LINK.sub(r"\1", text)


def create(folder: Path, organization: str, language: str, today: datetime.date) -> list[Created]:
    """Write a new KB into *folder*; in an existing KB add only missing support files.

    Never overwrites; refuses a folder that holds files but is not a KB.
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError("init.not-folder", folder=str(folder))
    existing_kb = (folder / CONFIG_FILE).is_file()
    if folder.is_dir() and not existing_kb and any(p.name != ".git" for p in folder.iterdir()):
        raise UsageError("init.not-empty", folder=str(folder))
    done: list[Created] = []
    for path, text in starter_files(organization, language, today).items():
        wanted = not existing_kb or path in SUPPORT_FILES or path.startswith(SCHEMA_DIR)
        target = folder / path
        if not wanted or target.exists():
            done.append(Created(path, False))
            continue
        write_new(target, text)
        done.append(Created(path, True))
    return done


def _yaml_text(text: str) -> str:
    """Return *text* as one double-quoted YAML scalar, Japanese kept as it is."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10**6)
    return dumped.removesuffix("\n...\n").rstrip("\n")
