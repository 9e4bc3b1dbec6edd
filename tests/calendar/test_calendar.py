"""The operations calendar: holidays, the text table, and the .ics read back by icalendar."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from conftest import FIXTURES, Golden
from hikitsugi.calendar.ics import ics_for_all, ics_for_role, roles_with_schedule
from hikitsugi.calendar.table import calendar_text
from hikitsugi.check.checker import check
from hikitsugi.facts.holidays import closed_note, previous_open_day
from hikitsugi.facts.schedule import period

ROOT = FIXTURES / "calendar"
STAMP = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
D = datetime.date


@pytest.fixture(scope="module")
def kb() -> Any:
    result = check(ROOT, use_cache=False)
    assert result.problems == []
    return result.kb


def parse(data: bytes) -> list[Any]:
    """Return the VEVENTs of an .ics as parsed by the icalendar library."""
    return list(Calendar.from_ical(data).walk("VEVENT"))


def days(event: Any) -> tuple[D, D]:
    return event.decoded("dtstart"), event.decoded("dtend")


def expand(event: Any) -> list[D]:
    """Expand an event's RRULE with dateutil, independently of the writer."""
    start = event.decoded("dtstart")
    rule = event["rrule"].to_ical().decode()
    first = datetime.datetime.combine(start, datetime.time())
    return [d.date() for d in rrulestr(rule, dtstart=first)]


def by_label(events: list[Any], text: str) -> list[Any]:
    return [e for e in events if str(e["summary"]).startswith(text)]


@pytest.mark.parametrize(
    ("day", "note"),
    [
        ("2027-01-11", "2027-01-11 は祝日(成人の日)。直前の開庁日は 2027-01-08(金)"),
        ("2027-01-10", "2027-01-10 は日曜日。直前の開庁日は 2027-01-08(金)"),
        ("2026-12-30", "2026-12-30 は年末年始の休日。直前の開庁日は 2026-12-28(月)"),
        ("2027-02-11", "2027-02-11 は祝日(建国記念の日)。直前の開庁日は 2027-02-10(水)"),
        ("2027-01-12", None),
    ],
)
def test_closed_note(day: str, note: str | None) -> None:
    assert closed_note(D.fromisoformat(day), "ja") == note


def test_previous_open_day_skips_the_year_end_and_weekends() -> None:
    assert previous_open_day(D(2027, 1, 4)) == D(2026, 12, 28)


def test_period_is_the_fiscal_year_or_n_months() -> None:
    assert period(D(2027, 1, 15), 4) == (D(2026, 4, 1), D(2027, 3, 31))
    assert period(D(2026, 4, 1), 4) == (D(2026, 4, 1), D(2027, 3, 31))
    assert period(D(2026, 11, 27), 4, 3) == (D(2026, 11, 27), D(2027, 2, 26))
    assert period(D(2027, 1, 31), 4, 1) == (D(2027, 1, 31), D(2027, 2, 28))


def test_span_over_the_new_year_is_one_all_day_event_with_exclusive_end(kb: Any) -> None:
    data = ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)
    (span,) = by_label(parse(data), "指数付けから決定通知まで")
    assert days(span) == (D(2026, 12, 16), D(2027, 3, 1))  # last day 02-28, DTEND exclusive
    assert b"DTSTART;VALUE=DATE:20261216\r\nDTEND;VALUE=DATE:20270301\r\n" in data
    assert str(span["transp"]) == "TRANSPARENT"
    assert "2027-02-28 は日曜日" in str(span["description"])


def test_monthly_on_the_31st_is_a_rule_landing_on_each_months_last_day(kb: Any) -> None:
    events = parse(ics_for_all(kb, D(2027, 4, 1), D(2028, 3, 31), stamp=STAMP))
    (series,) = by_label(events, "口座振替データの締切")
    dates = expand(series)
    assert len(dates) == 12
    assert D(2027, 4, 30) in dates and D(2027, 5, 31) in dates
    assert D(2028, 2, 29) in dates  # leap year
    assert all((d + datetime.timedelta(days=1)).day == 1 for d in dates)


def test_monthly_on_the_31st_in_a_common_year_lands_on_feb_28(kb: Any) -> None:
    (series,) = by_label(
        parse(ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)), "口座振替データの締切"
    )
    assert D(2027, 2, 28) in expand(series)


def test_monthly_on_the_30th_is_written_out_month_by_month(kb: Any) -> None:
    events = by_label(
        parse(ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)), "実績報告の締切"
    )
    starts = sorted(e.decoded("dtstart") for e in events)
    assert len(starts) == 12 and not any("rrule" in e for e in events)
    assert D(2027, 2, 28) in starts and D(2026, 4, 30) in starts and D(2026, 5, 30) in starts


def test_monthly_on_the_10th_is_a_simple_rule(kb: Any) -> None:
    (series,) = by_label(
        parse(ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)), "途中入所の締切"
    )
    assert expand(series) == [D(2026 + (m < 4), m, 10) for m in (*range(4, 13), 1, 2, 3)]


def test_ics_is_crlf_folded_stamped_and_has_stable_unique_uids(kb: Any) -> None:
    data = ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    events = parse(data)
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert all(e.decoded("dtstamp") == STAMP for e in events)
    again = parse(
        ics_for_all(kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP + datetime.timedelta(days=3))
    )
    assert [str(e["uid"]) for e in again] == uids
    assert "retired" not in data.decode() and "廃止済みの予定" not in data.decode()


def test_ics_for_role_keeps_owned_and_deputised_runbooks(kb: Any) -> None:
    shuji = {
        str(e["summary"]).split(" ")[0]
        for e in parse(ics_for_role(kb, "shuji", D(2026, 4, 1), D(2027, 3, 31)))
    }
    assert shuji == {"指数付けから決定通知まで", "調整会議", "名簿の締切"}
    assert parse(ics_for_role(kb, "kakaricho", D(2026, 4, 1), D(2027, 3, 31)))
    assert roles_with_schedule(kb) == ["kakaricho", "shusa", "shuji"]


def test_calendar_text_golden(kb: Any, golden: Golden) -> None:
    golden("calendar/fy2026.txt", calendar_text(kb, D(2026, 4, 1), D(2027, 3, 31), "ja"))


def test_calendar_command_writes_the_ics(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "out" / "shuji.ics"
    code, out, err = cli(
        "calendar",
        "--root",
        str(ROOT),
        "--no-cache",
        "--as-of",
        "2026-11-27",
        "--role",
        "shuji",
        "--ics",
        str(target),
    )
    assert (code, err) == (0, "")
    assert "※ 2027-01-11 は祝日(成人の日)" in out
    assert "2026-12-16(水)〜2027-02-28(日)" in out
    assert len(parse(target.read_bytes())) == 3
    assert list(target.parent.iterdir()) == [target]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"), [(("--role", "nobody"), "nobody"), (("--months", "0"), "--months")]
)
def test_calendar_command_bad_options_exit_2(cli: Any, args: tuple[str, ...], message: str) -> None:
    code, _out, err = cli("calendar", "--root", str(ROOT), "--no-cache", *args)
    assert code == 2 and message in err


def test_ics_text_is_escaped_and_no_raw_cr_reaches_the_file(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "kb"
    shutil.copytree(ROOT, root)
    source = root / "runbooks" / "chosei.yml"
    text = source.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    hostile = r"a\\b;c,d\ne\rf\r\ng\th"  # YAML escapes: backslash, LF, CR, CRLF, tab
    source.write_text(text.replace(title, f'title: "{hostile}"'), encoding="utf-8")
    result = check(root, use_cache=False)
    assert result.errors == []
    data = ics_for_all(result.kb, D(2026, 4, 1), D(2027, 3, 31), stamp=STAMP)
    assert b"\r" not in data.replace(b"\r\n", b"") and b"\n" not in data.replace(b"\r\n", b"")
    unfolded = data.replace(b"\r\n ", b"")
    assert b"a\\\\b\\;c\\,d\\ne\\nf\\ng\th" in unfolded
    summaries = [str(e["summary"]) for e in parse(data)]
    assert any("【a\\b;c,d\ne\nf\ng\th】" in s for s in summaries), summaries


def test_ics_escape_leaves_out_control_characters() -> None:
    from hikitsugi.calendar.ics import _escape

    assert _escape("a\x00b\x1bc\x7fd\x85e\u2028f\tg") == "abcde\\nf\tg"
