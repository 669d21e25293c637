"""The cache of rendered parts is pruned: parts the last editions used stay, the rest leave,
and two processes pruning at once lose nothing an edition needs (issue 13, item 7).

Real repositories, real editions rendered into a real cache folder; time passes by setting
the files' modification times, as a month between two releases would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from conftest import ROOT
from doccontrol.edition.build import build_edition
from doccontrol.edition.manifest import Signer
from doccontrol.edition.partcache import GRACE, USES, CachePolicy, prune
from edition_support import EDITION_DAY, adopted_repo, approve_change, env, make_key, run

SIGNER = Signer("测试签署人", "CN=测试签署人", "0" * 64)
LATER = "2026-04-01"
DAY = 86400.0


def _age(cache: Path, seconds: float) -> None:
    """Everything in the cache as if it had been written ``seconds`` earlier."""
    for file in [*cache.glob("*.pdf"), *(cache / USES).glob("*.keys")]:
        stat = file.stat()
        os.utime(file, (stat.st_atime - seconds, stat.st_mtime - seconds))


def _parts(cache: Path) -> set[str]:
    return {p.stem for p in cache.glob("*.pdf")}


def test_parts_no_recent_edition_used_leave_the_cache_and_the_rest_give_the_same_bytes(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    cache = tmp_path / "cache"
    keep_one = CachePolicy(editions=1, max_age_days=180)
    first = build_edition(repo.path, date.fromisoformat(EDITION_DAY), SIGNER, cache=cache, policy=keep_one)
    before = _parts(cache)
    assert len(before) == len(first.document_pages)
    assert len(list((cache / USES).glob("*.keys"))) == 1
    _age(cache, 30 * DAY)  # a month passes

    approve_change(repo, "procedures/qp-02.md", repo.read("procedures/qp-02.md") + "\n新增一条要求。\n",
                   "2026-03-15", "zhang/qp-02")
    month = build_edition(repo.path, date.fromisoformat(LATER), SIGNER, cache=cache, policy=keep_one)
    after = _parts(cache)
    assert sorted(month.rendered) == ["QP-02", "SM-01"]
    gone = before - after
    assert len(gone) == 2  # the old QP-02 and SM-01: no edition among the last one used them
    assert len(after) == len(month.document_pages)  # exactly the parts the last edition used
    assert len(list((cache / USES).glob("*.keys"))) == 1  # older records pruned too
    # What stayed still serves: a warm rebuild renders nothing and gives the same bytes.
    warm = build_edition(repo.path, date.fromisoformat(LATER), SIGNER, cache=cache, policy=keep_one)
    assert warm.rendered == () and warm.pdf == month.pdf


def test_parts_unused_for_longer_than_the_age_leave_even_when_a_kept_edition_used_them(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    cache = tmp_path / "cache"
    generous = CachePolicy(editions=10, max_age_days=180)
    build_edition(repo.path, date.fromisoformat(EDITION_DAY), SIGNER, cache=cache, policy=generous)
    before = _parts(cache)
    _age(cache, 200 * DAY)
    approve_change(repo, "procedures/qp-02.md", repo.read("procedures/qp-02.md") + "\n新增一条要求。\n",
                   "2026-03-15", "zhang/qp-02")
    month = build_edition(repo.path, date.fromisoformat(LATER), SIGNER, cache=cache, policy=generous)
    after = _parts(cache)
    # Parts used again are marked used now, and stay; the two replaced ones were last used
    # 200 days ago: out, although the ten-edition window still names them.
    assert len(before - after) == 2
    assert len(after) == len(month.document_pages)
    assert len(before & after) == len(month.document_pages) - 2


def test_a_new_part_not_yet_recorded_and_two_prunes_at_once_are_safe(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    cache = tmp_path / "cache"
    build_edition(repo.path, date.fromisoformat(EDITION_DAY), SIGNER, cache=cache, policy=CachePolicy())
    used = _parts(cache)
    _age(cache, 400 * DAY)
    # A part another build has just written, and not yet recorded: kept, however strict the policy.
    (cache / ("f" * 64 + ".pdf")).write_bytes((cache / f"{sorted(used)[0]}.pdf").read_bytes())
    script = (
        "import sys; from pathlib import Path; from doccontrol.edition.partcache import CachePolicy, prune; "
        "print(prune(Path(sys.argv[1]), CachePolicy(editions=0, max_age_days=1)))"
    )
    environ = {**env(), "PYTHONPATH": str(ROOT / "plugins")}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(cache)], env=environ,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate() for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert sum(int(out) for out, _ in results) == len(used), results  # each part removed once
    assert _parts(cache) == {"f" * 64}
    assert prune(cache, CachePolicy(editions=0, max_age_days=1), now=time.time() + GRACE + 1) == 1
    assert _parts(cache) == set()


def test_release_prunes_the_users_cache_as_its_options_say(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    cache_home = tmp_path / "xdg"
    environ = env(XDG_CACHE_HOME=str(cache_home))
    first = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                "--password", key.password, environ=environ)
    assert first.code == 0, first.output
    cache = cache_home / "doccontrol" / "edition-parts"
    before = _parts(cache)
    _age(cache, 30 * DAY)
    approve_change(repo, "procedures/qp-02.md", repo.read("procedures/qp-02.md") + "\n新增一条要求。\n",
                   "2026-03-15", "zhang/qp-02")
    second = run("release", "--repo", str(repo.path), "--date", LATER, "--key", str(key.p12),
                 "--password", key.password, "--cache-keep", "1", environ=environ)
    assert second.code == 0, second.output
    assert len(before - _parts(cache)) == 2
    assert len(list((cache / USES).glob("*.keys"))) == 1
