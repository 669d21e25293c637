"""The unsigned edition rebuilt from the tag is the same byte for byte: elsewhere, later, in another zone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_change,
    edition_pdf,
    env,
    make_key,
    release,
    run,
)

REBUILD = """
import sys
from datetime import date
from pathlib import Path
from doccontrol.edition.build import build_edition
from doccontrol.edition.manifest import Signer
repo, day, name, subject, sha, out = sys.argv[1:]
built = build_edition(Path(repo), date.fromisoformat(day), Signer(name, subject, sha))
Path(out).write_bytes(built.pdf)
"""


def _later() -> tuple[str, ...]:
    """Run years later when faketime is installed (scripts/bootstrap installs it)."""
    tool = shutil.which("faketime")
    return (tool, "-f", "+1500d") if tool else ()


def test_rebuild_from_a_fresh_clone_of_the_tag_is_byte_identical(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    (repo.path / "procedures" / "img").mkdir()
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082"
    )
    (repo.path / "procedures" / "img" / "dot.png").write_bytes(png)
    text = repo.read("procedures/qp-01.md") + "\n![流程](img/dot.png)\n"
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/qp-01-image")
    key = make_key(tmp_path / "keys")
    result = release(repo.path, key)
    assert result.code == 0, result.output
    signed = edition_pdf(repo.path)
    record = json.loads((signed.parent / "editions.json").read_text("utf-8"))["editions"][0]
    unsigned = signed.read_bytes()[: record["unsigned_bytes"]]

    # Another directory, another time zone, locale and working directory; years later.
    elsewhere = tmp_path / "auditor" / "deep" / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--branch", f"edition/{EDITION_DAY}", f"file://{repo.path}", str(elsewhere)],
        check=True, capture_output=True,
    )
    other = env(TZ="Pacific/Kiritimati", LC_ALL="C", LANG="C", SOURCE_DATE_EPOCH="1")
    out = tmp_path / "rebuilt.pdf"
    signer = record["signer"]
    proc = subprocess.run(
        [*_later(), sys.executable, "-c", REBUILD, str(elsewhere), EDITION_DAY, signer["name"],
         signer["subject"], signer["certificate_sha256"], str(out)],
        cwd=tmp_path / "auditor", env=other, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == unsigned

    # And doccontrol verify does that comparison itself.
    result = run("--lang", "en", "verify", str(signed), "--trust", str(key.cert), "--repo", str(elsewhere),
                 cwd=tmp_path / "auditor", environ=other, prefix=_later())
    assert result.code == 0, result.output
    assert "byte for byte" in result.stdout


def test_a_later_change_to_an_image_does_not_change_the_edition(tmp_path: Path) -> None:
    """Files a document loads come from git at its revision, not from the working tree."""
    repo = adopted_repo(tmp_path / "org")
    (repo.path / "procedures" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#06c"/></svg>', "utf-8"
    )
    approve_change(repo, "procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n![图](chart.svg)\n",
                   "2026-02-02", "zhang/chart")
    key = make_key(tmp_path / "keys")
    assert release(repo.path, key).code == 0
    (repo.path / "procedures" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#c00"/></svg>', "utf-8"
    )
    result = run("verify", str(edition_pdf(repo.path)), "--trust", str(key.cert), "--repo", str(repo.path))
    assert result.code == 0, result.output
