"""A printed sheet of a recorded checklist carries its id and revision, to be typed in later."""

from __future__ import annotations

import datetime

from conftest import FIXTURES
from hikitsugi.check.checker import check
from hikitsugi.render.print.documents import checklist_html

KB_ROOT = FIXTURES / "runs" / "kb"


def test_a_recorded_sheet_names_its_id_and_the_revision_in_force() -> None:
    kb = check(KB_ROOT, use_cache=False).kb
    before = checklist_html(kb, "monthly", datetime.date(2026, 5, 31))
    assert "checklist: monthly ／ revision: 2025-04-01" in before
    after = checklist_html(kb, "monthly", datetime.date(2026, 6, 1))
    assert "checklist: monthly ／ revision: 2026-06-01" in after


def test_a_sheet_that_is_not_recorded_has_no_record_line() -> None:
    kb = check(KB_ROOT, use_cache=False).kb
    assert "revision:" not in checklist_html(kb, "unrecorded", datetime.date(2026, 6, 1))
