"""The audit's plain messages: one for every message of audit/rules.py, no field names in them."""

from __future__ import annotations

import re

import pytest

import hikitsugi.audit.plain  # noqa: F401 - registers the plain forms
from hikitsugi.audit.plain import plain_key
from hikitsugi.i18n import catalogue, placeholders

RULE_KEYS = sorted(key for key in catalogue() if key.startswith("audit.rule."))
FIELD_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b|\bdeputies\b|\bhandovers/|\.yml\b|hikitsugi ")


def test_every_audit_message_has_a_plain_form() -> None:
    assert RULE_KEYS and all(plain_key(key) in catalogue() for key in RULE_KEYS)


@pytest.mark.parametrize("key", RULE_KEYS)
def test_a_plain_form_names_no_field_and_fits_the_same_values(key: str) -> None:
    plain = catalogue()[plain_key(key)]
    for lang in ("ja", "en"):
        text = plain[lang]
        assert not FIELD_NAME.search(re.sub(r"\{\w+\}", "", text)), text
        assert placeholders(text) <= placeholders(catalogue()[key][lang])
