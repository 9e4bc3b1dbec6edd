"""The model is built in one place, with the schema's defaults, whatever it is rebuilt from."""

from __future__ import annotations

from dataclasses import fields

from conftest import REPO
from hikitsugi import schema
from hikitsugi.audit import cache as audit_cache
from hikitsugi.check.checker import check
from hikitsugi.check.read import DEFAULT_MAX_BYTES
from hikitsugi.model import Config
from hikitsugi.resolve import build


def test_config_defaults_are_the_schemas() -> None:
    config = build.config_from({"organization": "x"})
    defaults = schema.defaults("config")
    nested = {"organization", "handover_within_days", "records_since", "records_grace_days"}
    nested |= {"feedback_email"}  # optional, no default
    fields_named = {f.name for f in fields(Config)} - nested
    assert set(defaults) == fields_named | {"handover", "records"}
    assert config.handover_within_days == defaults["handover"]["within_days"]
    assert config.records_grace_days == defaults["records"]["grace_days"]
    assert config.records_since is None
    assert str(config.review_every) == defaults["review_every"]
    for name in ("language", "due_soon_days", "handover_window_days", "fiscal_year_start"):
        assert getattr(config, name) == defaults[name]
    assert config.max_file_bytes == DEFAULT_MAX_BYTES == defaults["max_file_bytes"]
    assert config.standards_paths == tuple(defaults["standards_paths"])


def test_config_and_roster_read_back_as_they_were() -> None:
    kb = check(REPO, use_cache=False).kb
    assert build.config_from(build.config_data(kb.config)) == kb.config
    assert build.roster_from(build.roster_data(kb.roster)) == kb.roster


def test_audit_snapshot_rebuilds_the_same_outline() -> None:
    root = REPO
    fresh = check(root, use_cache=False, outline=True)
    rebuilt = audit_cache._rebuild(root, audit_cache.snapshot(fresh)).kb
    assert rebuilt.config == fresh.kb.config
    assert rebuilt.roster == fresh.kb.roster
    assert rebuilt.runbooks == fresh.kb.runbooks
    assert {
        i: (c.title, c.owner, c.mode, c.reviewed_on, c.review_every)
        for i, c in rebuilt.checklists.items()
    } == {
        i: (c.title, c.owner, c.mode, c.reviewed_on, c.review_every)
        for i, c in fresh.kb.checklists.items()
    }
