"""Both message catalogues are complete and agree on their placeholders."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import hikitsugi
from hikitsugi.i18n import catalogue, placeholders


def load_every_module() -> None:
    for module in pkgutil.walk_packages(hikitsugi.__path__, "hikitsugi."):
        if module.name.endswith(("mkdocs_plugin", "__main__")):
            continue
        importlib.import_module(module.name)


def test_every_message_exists_in_japanese_and_english_with_the_same_placeholders() -> None:
    load_every_module()
    messages = catalogue()
    assert len(messages) > 50
    for key, texts in messages.items():
        assert texts["ja"].strip() and texts["en"].strip(), key
        assert placeholders(texts["ja"]) == placeholders(texts["en"]), key


def test_japanese_messages_are_japanese() -> None:
    load_every_module()
    for key, texts in catalogue().items():
        if (
            texts["ja"] != texts["en"] and len(texts["ja"]) > 4
        ):  # short labels like "ID" stay as they are
            assert any(
                "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in texts["ja"]
            ), key


def test_user_text_shaped_like_a_message_key_stays_text() -> None:
    load_every_module()
    from hikitsugi.i18n import ref, t

    assert t("schema.id", "ja", value="@cli.internal").startswith("'@cli.internal' ")
    assert t("schema.type", "ja", expected=ref("type.array"), found="@type.string") == t(
        "schema.type", "ja", expected="リスト", found="@type.string"
    )


def test_no_code_still_names_a_message_by_an_at_sign() -> None:
    """Message references are i18n.ref(key): a string "@key" would be shown as it is."""
    load_every_module()
    keys = set(catalogue())
    found = []
    for path in Path(hikitsugi.__file__).parent.rglob("*.py"):
        for literal in re.findall(r"[\"']@([a-z][\w.-]*)", path.read_text(encoding="utf-8")):
            if any(key.startswith(literal) for key in keys):  # also f"@type.{name}"
                found.append(f"{path.name}: @{literal}")
    assert found == []
