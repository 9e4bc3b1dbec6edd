"""`hikitsugi schema`: publish the JSON Schema files so that editors validate while staff type."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from hikitsugi import schema
from hikitsugi.commands.common import output_path
from hikitsugi.i18n import register, t
from hikitsugi.io import make_folder, write_atomic

register(
    {
        "schema.opt-output": (
            "書き出すフォルダ (既定: docs/schema)",
            "folder to write to (default: docs/schema)",
        ),
        "schema.written": (
            "{count} 個のスキーマを {folder} に書き出しました",
            "wrote {count} schema files to {folder}",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `schema`."""
    parser.add_argument(
        "-o",
        "--output",
        type=output_path(lang),
        default=Path("docs") / "schema",
        help=t("schema.opt-output", lang),
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Write every schema file, each atomically."""
    folder: Path = options.output
    make_folder(folder)  # a folder that cannot be made is named as such, not its first file
    for filename in schema.FILES:
        write_atomic(folder / filename, schema.text(filename))
    out.write(t("schema.written", lang, count=len(schema.FILES), folder=str(folder)) + "\n")
    return 0
