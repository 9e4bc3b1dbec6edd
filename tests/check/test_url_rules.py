"""check warns, at the line where they are written, about links and images shown as text."""

from __future__ import annotations

from hikitsugi.check.file_rules import analyse
from hikitsugi.check.problems import Problem

RUNBOOK = """\
id: a
title: A
kind: process
summary: S
owner: x
legal_basis:
  - {title: 法, url: "JAVASCRIPT:alert(1)"}
steps:
  - id: one
    title: T
    detail: |
      一行目 ![ok](images/a.png)
      ![i](//evil.example/t.png)
      [x](javascript:alert(1)) [y](https://example.jp/)
"""


def test_outside_images_and_script_links_are_warnings_at_their_line() -> None:
    _, plain, _ = analyse("runbooks", "runbooks/a.yml", RUNBOOK.encode())
    found = [Problem.from_plain(p) for p in plain]
    assert [(p.line, p.key, p.params["url"], p.severity) for p in found] == [
        (13, "check.outside-image", "//evil.example/t.png", "warning"),
        (14, "check.unsafe-link", "javascript:alert(1)", "warning"),
        (7, "check.unsafe-link", "JAVASCRIPT:alert(1)", "warning"),
    ]
    assert found[0].format("ja").startswith("runbooks/a.yml:13:1: (警告) steps[0].detail: 画像")
