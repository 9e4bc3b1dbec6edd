"""The documentation matches the code: format reference, published schema, README commands."""

from __future__ import annotations

import re

from conftest import REPO
from hikitsugi import schema


def test_format_reference_names_every_field_of_the_schema() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+)`", text))
    missing = sorted(set(schema.iter_fields()) - named)
    assert missing == []


def test_format_reference_lists_every_zone_and_transfer_method() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    runbook = schema.inlined("runbook")
    step = runbook["properties"]["steps"]["items"]
    for value in (
        step["properties"]["zone"]["enum"]
        + step["properties"]["transfer"]["properties"]["method"]["enum"]
    ):
        assert f"`{value}`" in text


def test_the_published_schema_is_the_packaged_one() -> None:
    for filename in schema.FILES:
        assert (REPO / "docs" / "schema" / filename).read_text(encoding="utf-8") == schema.text(
            filename
        )


def test_every_sample_file_declares_its_schema_for_editors() -> None:
    for folder, name in (
        ("runbooks", "runbook"),
        ("standards", "runbook"),
        ("checklists", "checklist"),
    ):
        for path in (REPO / folder).rglob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            target = first.removeprefix("# yaml-language-server: $schema=")
            assert target != first, path
            assert target.endswith(f"{name}.schema.json")
            assert (path.parent / target).resolve() == (
                REPO / "docs" / "schema" / f"{name}.schema.json"
            ).resolve(), path


def test_readme_quick_start_is_exactly_the_two_commands() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in block.splitlines() if line.strip() and not line.startswith("#")][
        1:
    ] == ["scripts/serve", "scripts/test"]


def test_the_templates_folder_lists_every_built_in_template() -> None:
    text = (REPO / "templates" / "README.md").read_text(encoding="utf-8")
    builtin = REPO / "src" / "hikitsugi" / "templates"
    for path in builtin.rglob("*"):
        if path.is_file():
            assert f"`{path.relative_to(builtin).as_posix()}`" in text, path
