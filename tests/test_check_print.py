"""``check --print``: what only a layout finds, reported on the pull request at path:line.

Real repositories, the working tree's documents laid out by WeasyPrint exactly as the
edition lays them out (same print HTML, stylesheet and part renderer).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT
from edition_support import adopted_repo, run

WIDE = '<div style="width: 260mm">宽得放不下的方框</div>'


def test_an_unbreakable_wide_box_is_reported_by_check_print_only_at_its_line(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    text = repo.read("procedures/qp-01.md") + f"\n\n正文一行。\n\n{WIDE}\n\n{WIDE}\n"
    repo.write("procedures/qp-01.md", text)  # the proposal, not yet approved
    lines = [n for n, line in enumerate(text.split("\n"), 1) if line == WIDE]
    plain = run("check", "--repo", str(repo.path))
    assert "print-overflow" not in plain.output, plain.output
    printed = run("--lang", "en", "check", "--print", "--repo", str(repo.path))
    assert printed.code == 1, printed.output
    reported = [line for line in printed.stdout.splitlines() if "print-overflow" in line]
    # once per occurrence, each at its own line
    assert [r.split(": error")[0] for r in reported] == [f"procedures/qp-01.md:{n}" for n in lines], reported
    assert "宽得放不下的方框" in reported[0] and "pt past the printable area" in reported[0]
    assert "Traceback" not in printed.output


def test_a_clean_repository_gives_no_layout_finding(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    plain = run("check", "--repo", str(repo.path))
    printed = run("check", "--print", "--repo", str(repo.path))
    assert printed.code == plain.code == 0, printed.output
    assert printed.stdout == plain.stdout
    assert "print-" not in printed.output


def test_the_shipped_ci_definitions_run_check_print_on_pull_and_merge_requests() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/doccontrol.yml").read_text("utf-8"))
    check = workflow["jobs"]["check"]
    assert "pull_request" in check["if"]
    runs = [step.get("run", "") for step in check["steps"]]
    assert any(r.split()[:2] == ["doccontrol", "check"] and "--print" in r.split() for r in runs), runs
    assert any("fonts-noto-cjk" in r for r in runs), runs  # the layout needs the print fonts
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))["check"]
    assert any("merge_request_event" in rule["if"] for rule in gitlab["rules"])
    assert "doccontrol check --print" in gitlab["script"]
    assert any("fonts-noto-cjk" in line for line in gitlab["script"])


def test_what_the_text_checks_find_is_not_reported_again_by_the_layout(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    text = repo.read("procedures/qp-01.md") + "\n\n私用区字符：\ue000\n\n外部图片：![logo](https://example.com/logo.png)\n"
    repo.write("procedures/qp-01.md", text)
    printed = run("check", "--print", "--repo", str(repo.path))
    assert printed.code == 1, printed.output
    assert printed.stdout.count("print-glyph") == 1, printed.stdout
    assert printed.stdout.count("edition-resource") == 1, printed.stdout
    assert "Traceback" not in printed.output
