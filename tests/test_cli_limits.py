"""Options at the edges: a day, a month count or a window too large is a usage error, never exit 3."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import REPO

SAMPLE = ("--root", str(REPO), "--no-cache")


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
@pytest.mark.parametrize("command", ["audit", "calendar", "rotation", "build"])
def test_a_day_outside_1900_to_2200_is_a_usage_error(
    cli: Any, tmp_path: Any, command: str, day: str
) -> None:
    extra = ("--site-dir", str(tmp_path / "site")) if command == "build" else ()
    code, _, err = cli(command, *SAMPLE, "--as-of", day, *extra)
    assert code == 2, err
    assert err == (f"hikitsugi: --as-of {day} は扱える範囲 (1900-01-01〜2200-12-31) の外です\n")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_the_edges_of_the_range_are_accepted(cli: Any, day: str) -> None:
    code, _, err = cli("calendar", *SAMPLE, "--as-of", day, "--months", "120")
    assert (code, err) == (0, "")
    code, _, err = cli("rotation", *SAMPLE, "--as-of", day, "--window", "3660")
    assert (code, err) == (0, "")


@pytest.mark.parametrize("months", ["0", "121", "100000"])
def test_calendar_months_are_bounded(cli: Any, months: str) -> None:
    code, _, err = cli("calendar", *SAMPLE, "--months", months)
    assert code == 2, err
    assert err == f"hikitsugi: --months は 1 から 120 までの整数です ({months})\n"


@pytest.mark.parametrize("window", ["-1", "3661", "100000000"])
def test_rotation_window_is_bounded(cli: Any, window: str) -> None:
    code, _, err = cli("rotation", *SAMPLE, "--window", window)
    assert code == 2, err
    assert err == f"hikitsugi: --window は 0 から 3660 までの日数です ({window})\n"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_the_mkdocs_plugin_keeps_the_same_range(day: str) -> None:
    from mkdocs.exceptions import PluginError

    from hikitsugi.mkdocs_plugin import HikitsugiPlugin

    plugin = HikitsugiPlugin()
    assert plugin.load_config({"as_of": day}) == ([], [])
    with pytest.raises(PluginError) as caught:
        plugin._day()
    assert (
        str(caught.value)
        == f"as_of '{day}' は YYYY-MM-DD の日付 (1900-01-01〜2200-12-31) ではありません"
    )
