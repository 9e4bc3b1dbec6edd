"""`hikitsugi verify PATH`: say whether a frozen handover pack and its sources are unchanged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t

register(
    {
        "verify.opt-path": (
            "凍結した PDF (archive/handovers/<年度>/…pdf)",
            "the frozen PDF (archive/handovers/<fiscal year>/…pdf)",
        ),
        "verify.opt-root": (
            "出典ファイルを探すナレッジベースのフォルダ (既定: PDF の 3 つ上のフォルダ)",
            "knowledge-base folder holding the sources (default: three folders above the PDF)",
        ),
        "verify.no-manifest": (
            "{path} の隣に記録ファイル {manifest} がありません",
            "{path} has no manifest {manifest} beside it",
        ),
        "verify.unchanged": (
            "変更なし: {path} とその出典ファイル {count} 件は凍結時のままです",
            "unchanged: {path} and its {count} source files are as frozen",
        ),
        "verify.changed": ("変更あり: {name}", "changed: {name}"),
        "verify.missing": ("見つかりません: {name}", "missing: {name}"),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `verify`."""
    parser.add_argument("path", type=Path, metavar="PATH", help=t("verify.opt-path", lang))
    parser.add_argument("--root", type=Path, help=t("verify.opt-root", lang))


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Compare; exit 0 when nothing changed, 1 naming each changed or missing file."""
    from hikitsugi.render.print.freeze import manifest_path, verify

    pdf: Path = options.path
    if pdf.name.endswith(".manifest.json"):
        pdf = pdf.with_name(pdf.name.removesuffix(".manifest.json") + ".pdf")
    manifest = manifest_path(pdf)
    if not manifest.is_file():
        raise UsageError("verify.no-manifest", path=str(pdf), manifest=manifest.name)
    root = options.root or pdf.resolve().parents[3]
    result = verify(pdf, root)
    if result.unchanged:
        count = len(_sources(manifest))
        out.write(t("verify.unchanged", lang, path=str(pdf), count=count) + "\n")
        return 0
    out.writelines(t("verify.changed", lang, name=name) + "\n" for name in result.changed)
    out.writelines(t("verify.missing", lang, name=name) + "\n" for name in result.missing)
    return 1


def _sources(manifest: Path) -> dict[str, str]:
    import json

    return dict(json.loads(manifest.read_text(encoding="utf-8"))["sources"])
