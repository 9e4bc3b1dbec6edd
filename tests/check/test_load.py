"""The loader: plain data with positions, and every refusal."""

from __future__ import annotations

import time

import pytest

from hikitsugi.check.load import MAX_DEPTH, LoadError, parse
from hikitsugi.check.read import read_bytes


def load(text: str | bytes):
    return parse(text.encode("utf-8") if isinstance(text, str) else text, "runbooks/x.yml")


def refusal(text: str | bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load(text)
    return caught.value


def test_positions_are_one_based_and_point_at_keys_and_items() -> None:
    document = load("id: a\nsteps:\n  - id: s1\n    zone: lgwan\n  - id: s2\n")
    assert document.positions[("id",)] == (1, 1)
    assert document.positions[("steps", 0)] == (3, 5)
    assert document.positions[("steps", 0, "zone")] == (4, 5)
    assert document.positions[("steps", 1, "id")] == (5, 5)
    assert document.locate(("steps", 1, "zone", "missing")) == (5, 5)


def test_scalars_stay_plain_and_dates_stay_text() -> None:
    data = load("a: 2026-04-01\nb: yes\nc: 12\nd: 1.5\ne: ~\nf: '04-01'\ng: 04-01\n").data
    assert data == {
        "a": "2026-04-01",
        "b": True,
        "c": 12,
        "d": 1.5,
        "e": None,
        "f": "04-01",
        "g": "04-01",
    }


def test_a_utf8_bom_is_accepted() -> None:
    assert load("\ufeffid: a\n").data == {"id": "a"}


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    error = refusal("id: a\ntitle: x\nsteps: []\ntitle: y\n")
    assert (error.line, error.column, error.key) == (4, 1, "load.duplicate-key")
    assert error.params == {"key": "title", "first_line": 2}


def test_duplicate_keys_inside_a_step_are_refused() -> None:
    error = refusal("steps:\n  - id: a\n    zone: lgwan\n    zone: paper\n")
    assert (error.line, error.column) == (4, 5)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 1\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
    ],
)
def test_object_and_unknown_tags_are_refused(text: str) -> None:
    assert refusal(text).key == "load.tag"


def test_billion_laughs_is_refused_fast_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefghi", "bcdefghij"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    error = refusal("\n".join(lines) + "\n")
    assert error.key == "load.alias-bomb"
    assert time.perf_counter() - started < 2  # a billion nodes would take hours


def test_small_aliases_are_fine() -> None:
    data = load("base: &c {name: 窓口}\ncontacts: [*c, *c]\n").data
    assert data["contacts"] == [{"name": "窓口"}, {"name": "窓口"}]


def test_merge_keys_are_refused() -> None:
    assert refusal("base: &b {a: 1}\nother:\n  <<: *b\n").key == "load.merge-key"


def test_deep_nesting_is_refused() -> None:
    assert (
        refusal("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n").key == "load.too-deep"
    )


def test_tab_indentation_names_the_tab() -> None:
    error = refusal("steps:\n\t- id: a\n")
    assert (error.line, error.column, error.key) == (2, 1, "load.tab")


@pytest.mark.parametrize("text", ["", "\n\n", "# comment only\n", "---\n"])
def test_empty_files_are_refused(text: str) -> None:
    assert refusal(text).key == "load.empty"


@pytest.mark.parametrize("text", ["- a\n", "just text\n", "42\n"])
def test_a_root_that_is_not_a_mapping_is_refused(text: str) -> None:
    assert refusal(text).key == "load.not-mapping"


def test_shift_jis_is_named_with_how_to_convert() -> None:
    error = refusal("id: a\ntitle: 学童クラブ\n".encode("cp932"))
    assert error.key == "load.not-utf8"
    assert error.params["encoding"] == "Shift_JIS (CP932)"
    assert (error.line, error.column) == (2, 8)


def test_euc_jp_and_utf16_are_named() -> None:
    # EUC-JP text that is not also valid CP932
    assert refusal("title: 学童クラブの受付\n".encode("euc_jp")).params["encoding"] in (
        "EUC-JP",
        "Shift_JIS (CP932)",
    )
    assert refusal("id: a\n".encode("utf-16")).params["encoding"] == "UTF-16"


def test_syntax_errors_say_where(tmp_path) -> None:
    error = refusal("id: a\ntitle: [unclosed\nkind: tool\n")
    assert error.key.startswith("load.syntax")
    assert error.line == 3


def test_files_over_the_limit_are_refused_before_parsing(tmp_path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: " + b"x" * 5000 + b"\n")
    with pytest.raises(LoadError) as caught:
        read_bytes(path, "big.yml", limit=1024)
    assert caught.value.key == "load.too-large"
    assert caught.value.params["size"] == 5004
    assert read_bytes(path, "big.yml", limit=10_000).startswith(b"a: ")


def test_the_fast_tag_resolution_matches_pyyaml_on_every_repository_file() -> None:
    import yaml

    from conftest import REPO
    from hikitsugi.check import load as load_module

    assert None not in yaml.resolver.Resolver.yaml_implicit_resolvers  # no wildcard rules to miss
    samples = []
    paths = [REPO / "hikitsugi.yml", REPO / "roster.yml"]
    for folder in ("runbooks", "checklists", "standards", "tests/fixtures"):
        paths += sorted((REPO / folder).rglob("*.yml"))
    for path in paths:
        try:
            samples.append(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            continue  # the Shift_JIS fixture
    samples.append(
        "a: [yes, No, ~, null, '', 12, 0x1F, 1_000, 1:30, .5, -.inf, .nan, 2026-04-01, 2026-04-01T10:00:00Z, =, <<]\n"
    )
    assert len(samples) > 30
    for text in samples:
        try:
            plain = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            continue  # the broken-YAML fixtures
        fast = load_module._Loader(text)
        fast.resolve = load_module._resolve
        fast.descend_resolver = load_module._NO_PATH_RESOLVERS
        fast.ascend_resolver = int
        try:
            assert _tags(fast.get_single_node(), set()) == _tags(plain, set())
        finally:
            fast.dispose()


def _tags(node, seen):
    """Tags of the node graph in order; an alias is visited once (the bomb fixture has billions)."""
    import yaml

    if node is None:
        return None
    if id(node) in seen:
        return "alias"
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return [node.tag, [(_tags(k, seen), _tags(v, seen)) for k, v in node.value]]
    if isinstance(node, yaml.SequenceNode):
        return [node.tag, [_tags(item, seen) for item in node.value]]
    return [node.tag, node.value]


def test_nesting_past_libyamls_own_limit_is_too_deep_not_a_syntax_error() -> None:
    with pytest.raises(LoadError) as caught:
        parse(b"a: " + b"[" * 2000 + b"]" * 2000, "x.yml")
    assert (caught.value.key, caught.value.params) == ("load.too-deep", {"limit": 64})


@pytest.mark.parametrize(
    ("text", "where", "key"),
    [
        ("id: a\nsteps:\n  - id: x\n  \u3000title: y\n", (4, 3), "load.fullwidth-space"),
        ("id: a\n\u3000summary: b\n", (2, 1), "load.fullwidth-space"),
        ("id: a\nsteps:\n  - title\uff1a y\n    zone: z\n", (3, 10), "load.fullwidth-colon"),
        ("id: a\ntitle: 'abc\nsummary: b\n", (2, 8), "load.unclosed-quote"),
    ],
)
def test_japanese_keyboard_slips_are_named_where_they_are(
    text: str, where: tuple[int, int], key: str
) -> None:
    with pytest.raises(LoadError) as caught:
        parse(text.encode(), "f.yml")
    assert ((caught.value.line, caught.value.column), caught.value.key) == (where, key)


def test_full_width_space_and_colon_inside_a_text_block_are_content() -> None:
    text = "id: a\nsummary: |\n  \u3000本文\uff1aこれ\n"
    assert parse(text.encode(), "f.yml").data["summary"] == "\u3000本文\uff1aこれ\n"
