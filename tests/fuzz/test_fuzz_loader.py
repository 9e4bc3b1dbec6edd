"""Property tests: the loader turns any bytes into data or a LoadError, never anything else."""

from __future__ import annotations

import random
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from hikitsugi.check import schema_messages  # noqa: F401 - registers the messages shown below
from hikitsugi.check.load import LoadError, parse
from hikitsugi.check.problems import Problem

sys.path.insert(0, str(REPO / "scripts"))
from fuzzlib import CONTROL, EDGE_VALUES, SPECIAL, TAGS, kb_files, mutate

SAMPLES = kb_files(REPO)
YAMLISH = st.lists(
    st.sampled_from([*SPECIAL, *TAGS, *EDGE_VALUES[:-4], *CONTROL, "id", "steps", "a", "  ", "\n"]),
    max_size=40,
).map("".join)


def load_or_refuse(raw: bytes) -> None:
    """Parse *raw*; a refusal must carry a position and a one-line message."""
    try:
        document = parse(raw, "runbooks/x.yml")
    except LoadError as error:
        assert error.line >= 1 and error.column >= 1
        problem = Problem(error.relpath, error.line, error.column, "", error.key, error.params)
        for lang in ("ja", "en"):
            assert "\n" not in problem.format(lang)
        return
    assert isinstance(document.data, dict)


@settings(max_examples=100, deadline=None, database=None)
@given(raw=st.binary(max_size=200))
def test_any_bytes_load_or_are_refused_with_a_position(raw: bytes) -> None:
    load_or_refuse(raw)


@settings(max_examples=100, deadline=None, database=None)
@given(text=YAMLISH)
def test_yaml_special_text_loads_or_is_refused_with_a_position(text: str) -> None:
    load_or_refuse(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None, database=None)
@given(name=st.sampled_from(SAMPLES), seed=st.integers(0, 2**32))
def test_mutated_sample_files_load_or_are_refused_with_a_position(name: str, seed: int) -> None:
    raw, _ = mutate((REPO / name).read_bytes(), random.Random(seed))
    load_or_refuse(raw)
