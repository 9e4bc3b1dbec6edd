"""A KB's templates/ run in Jinja's sandbox; our own templates alone run without it."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from hikitsugi.render.templates import environment


def test_a_kb_with_templates_gets_the_sandbox(tmp_path: Path) -> None:
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "x.html.j2").write_text(
        "{{ cycler.__init__.__globals__ }}", encoding="utf-8"
    )
    env = environment(tmp_path)
    assert isinstance(env, SandboxedEnvironment)
    with pytest.raises(SecurityError):
        env.get_template("site/x.html.j2").render()
    assert env.get_template("site/_macros.html.j2") is not None  # ours still load through it


def test_without_templates_only_ours_run_outside_the_sandbox(tmp_path: Path) -> None:
    env = environment(tmp_path)
    assert type(env) is jinja2.Environment
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("site/x.html.j2")
