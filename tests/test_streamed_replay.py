"""The replay that runs while git streams the history gives what a replay afterwards gives.

The demo's year of history holds every kind of event the rules know (adoption,
merges, a squash with trailers, a future effective date, a withdrawal, a direct
commit, a roles change, reviews); it is evaluated on dates across that year.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from doccontrol.history import reader as history_reader
from doccontrol.history.demo import build_history, prepare
from doccontrol.model.history import History
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rules.control import ControlState, Evaluation, evaluate

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("streamed") / "demo"
    prepare(target)
    build_history(target, TODAY)
    return target


def _streamed(repo: Path, as_of: date) -> tuple[ControlState, History, Evaluation]:
    config = read_mkdocs_yml(repo).config
    history_reader._CACHE.clear()  # a cached history is not streamed
    evaluation = Evaluation(config, as_of)
    history = history_reader.read_history(repo, config, evaluation)
    return evaluation.result(history), history, evaluation


@pytest.mark.parametrize("days_before", [0, 20, 45, 120, 200, 329, 400, -400])
def test_streamed_replay_equals_the_replay_afterwards(demo_repo: Path, days_before: int) -> None:
    as_of = TODAY - timedelta(days=days_before)
    streamed, history, evaluation = _streamed(demo_repo, as_of)
    afterwards = evaluate(history, read_mkdocs_yml(demo_repo).config, as_of)
    assert streamed == afterwards
    # Before the baseline's date the tag cannot adopt yet: evaluate() says why.
    assert evaluation.replayed_afresh == (days_before > 329)
    if days_before <= 329:
        assert streamed.documents and any(d.revisions for d in streamed.documents)


def test_a_baseline_by_someone_else_is_judged_afresh(demo_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(demo_repo), str(clone)], check=True)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=clone, check=True, capture_output=True, text=True
        ).stdout.strip()

    first = git("rev-list", "--max-parents=0", "HEAD")
    git("tag", "-d", "doccontrol/baseline")
    git(
        "-c", "user.name=张伟", "-c", "user.email=zhangwei@hengxin-service.example",
        "tag", "-a", "doccontrol/baseline", "-m", "不是总经理打的标签", first,
    )
    streamed, history, evaluation = _streamed(clone, TODAY)
    assert evaluation.replayed_afresh
    assert streamed == evaluate(history, read_mkdocs_yml(clone).config, TODAY)
    assert "baseline-invalid" in {f.code for f in streamed.findings}


def test_a_cached_history_is_replayed_afterwards(demo_repo: Path) -> None:
    config = read_mkdocs_yml(demo_repo).config
    _, history, _ = _streamed(demo_repo, TODAY)
    again = Evaluation(config, TODAY)
    cached = history_reader.read_history(demo_repo, config, again)
    assert cached is history
    assert again.result(cached) == evaluate(history, config, TODAY)
    assert again.replayed_afresh
