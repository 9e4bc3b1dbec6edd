"""A knowledge base with an attack in every free-text field (for the payload browser test)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[y](JAVASCRIPT:alert(1))",
    "[z](vbscript:msgbox(1))",
    "[w](java\tscript:alert(1))",
    "[v](&#106;avascript:alert(1))",
    "![i](//evil.example/t.png)",
    "![j](http://evil.example/a.png)",
    "![k](/etc/passwd)",
    '"><svg onload=alert(1)>',
    "{{ 7*7 }}",
    "{% raw %}",
)
PAYLOAD = " ".join(PAYLOADS)
URL_PAYLOADS = (
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "vbscript:msgbox(1)",
    "//evil.example/",
)
# Keys whose values are free text (the schema's `text`, and the plain strings of contacts, accounts…)
FREE_TEXT = {
    "title",
    "summary",
    "detail",
    "check",
    "caution",
    "label",
    "text",
    "change",
    "name",
    "phone",
    "hours",
    "system",
    "permission",
    "symptom",
    "action",
    "article",
    "note",
    "section",
    "organization",
    "email",
}
STRING_LISTS = {"tags", "items"}


def _inject(node: Any, counter: list[int]) -> Any:
    """Return *node* with every free-text string replaced by the payloads."""
    if isinstance(node, list):
        return [_inject(item, counter) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key is True:  # PyYAML (YAML 1.1) reads `cutover: {on: …}`'s key as true; write it back
            key = "on"
        if key in FREE_TEXT and isinstance(value, str):
            counter[0] += 1
            value = f"{value} {PAYLOAD}"
            if key == "detail":
                value += "\n![ok](images/ok.png)"
        elif key == "url" and isinstance(value, str):
            counter[0] += 1
            value = URL_PAYLOADS[counter[0] % len(URL_PAYLOADS)]
        elif key in STRING_LISTS and isinstance(value, list):
            value = [f"{v} {PAYLOAD}" if isinstance(v, str) else _inject(v, counter) for v in value]
        else:
            value = _inject(value, counter)
        result[key] = value
    return result


KB_ENTRIES = (
    "runbooks",
    "standards",
    "checklists",
    "docs",
    "roster.yml",
    "hikitsugi.yml",
    "mkdocs.yml",
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def payload_kb(source: Path, target: Path) -> int:
    """Copy the KB at *source* to *target* with payloads in every free-text field; return their count.

    The KB also gets an image of its own (images/ok.png) that a step shows, as the format allows.
    """
    target.mkdir(parents=True)
    for entry in KB_ENTRIES:
        path = source / entry
        if path.is_dir():
            shutil.copytree(path, target / entry)
        elif path.is_file():
            shutil.copy(path, target / entry)
    (target / "images").mkdir()
    (target / "images" / "ok.png").write_bytes(PNG)
    counter = [0]
    for path in sorted(target.rglob("*.yml")):
        if path.name == "mkdocs.yml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(_inject(data, counter), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
    return counter[0]
