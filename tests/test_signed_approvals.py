"""Signed approvals (issue 17): an approval that a stolen push right cannot forge.

Every key is made in the test (``ssh-keygen -t ed25519``; an OpenPGP key with gpg
in a temporary GNUPGHOME); every signature is git's own (``git merge -S``,
``git commit -S``, ``git tag -s``), verified in-process by doccontrol.

People of the minimal fixture: 王总 (总经理, the top role), 李代表 (管理者代表, who
approves QP-01), 张质量 (质量部, the owner).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import LI, WANG, ZHANG, ZHAO, run_cli
from gitrepo import GitRepo, Who
from history_cases import (
    GITHUB,
    QP01,
    ROLES,
    assert_names_commit,
    branch_commit,
    check,
    codes,
    document,
    finding_line,
    register,
)
from workflow_cases import status

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"
MERGED = "2026-02-03T10:00:00+08:00"


@pytest.fixture(autouse=True)
def _trust_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's own trust cache, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


class Key:
    """An ed25519 key pair made by ssh-keygen for one test."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.private = folder / name
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(self.private)],
            check=True,
            capture_output=True,
        )
        self.public = (folder / f"{name}.pub").read_text().strip()
        out = subprocess.run(
            ["ssh-keygen", "-l", "-f", str(self.private)], check=True, capture_output=True, text=True
        ).stdout
        self.fingerprint = out.split()[1]

    def config(self) -> tuple[str, ...]:
        return ("-c", "gpg.format=ssh", "-c", f"user.signingkey={self.private}")

    def listing(self, repo: GitRepo) -> str:
        """The ``signing_keys:`` value that lists this key in roles.yml."""
        return f"['{self.public}']"


class PgpKey:
    """An OpenPGP key made by gpg for one test, in the test's GNUPGHOME; listed in
    roles.yml as a file under manual/keys/."""

    def __init__(self, home: Path, name: str, who: Who, algorithm: str = "ed25519") -> None:
        self.name = name
        env = {**os.environ, "GNUPGHOME": str(home)}
        subprocess.run(
            ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
             "--quick-gen-key", f"{who.name} ({name}) <{who.email}>", algorithm, "sign", "never"],
            env=env, check=True, capture_output=True,
        )
        listing = subprocess.run(
            ["gpg", "--with-colons", "--fingerprint", f"({name})"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout
        self.fingerprint = next(x.split(":")[9] for x in listing.splitlines() if x.startswith("fpr:"))
        self.public = subprocess.run(
            ["gpg", "--armor", "--export", self.fingerprint],
            env=env, check=True, capture_output=True, text=True,
        ).stdout

    def config(self) -> tuple[str, ...]:
        return ("-c", "gpg.format=openpgp", "-c", f"user.signingkey={self.fingerprint}")

    def listing(self, repo: GitRepo) -> str:
        repo.write(f"manual/keys/{self.name}.asc", self.public)
        return f"[keys/{self.name}.asc]"


@pytest.fixture
def gnupg(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A GNUPGHOME of the test's own, its agent stopped afterwards."""
    # A short path: gpg-agent's socket lives in GNUPGHOME, and socket paths are short.
    home = Path(tempfile.mkdtemp(prefix="dcg"))
    home.chmod(0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    try:
        yield str(home)
    finally:
        subprocess.run(["gpgconf", "--kill", "all"], env={**os.environ, "GNUPGHOME": str(home)},
                       check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(params=["ssh", "openpgp"])
def kind(request: pytest.FixtureRequest) -> str:
    """Run a test with SSH keys, then with OpenPGP keys (``kind`` is then the GNUPGHOME)."""
    if request.param == "ssh":
        return "ssh"
    return str(request.getfixturevalue("gnupg"))


def make_key(kind: str, tmp_path: Path, who: Who, name: str = "") -> Key | PgpKey:
    name = name or who.email.split("@")[0]
    if kind == "ssh":
        return Key(tmp_path / "keys", name)
    return PgpKey(Path(kind), name, who)


def _env(who: Who, when: str, committer: Who | None = None) -> dict[str, str]:
    committer = committer or who
    return {
        "GIT_AUTHOR_NAME": who.name,
        "GIT_AUTHOR_EMAIL": who.email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": committer.name,
        "GIT_COMMITTER_EMAIL": committer.email,
        "GIT_COMMITTER_DATE": when,
    }


def signed_merge(
    repo: GitRepo, branch: str, who: Who, key: Key | PgpKey | None, when: str = MERGED
) -> str:
    """``git merge --no-ff -S`` by ``who``, signed with ``key`` (unsigned when None)."""
    sign = (*key.config(), "merge", "-S") if key else ("merge",)
    repo.git(*sign, "-q", "--no-ff", "-m", f"Merge branch '{branch}'", branch, env=_env(who, when))
    return repo.head()


def _list_key(repo: GitRepo, who: Who, key: Key | PgpKey) -> None:
    repo.edit(
        ROLES,
        f"    emails: [{who.email}]\n",
        f"    emails: [{who.email}]\n    signing_keys: {key.listing(repo)}\n",
    )


def _setup(
    make_repo: MakeRepo,
    tmp_path: Path,
    mode: str = "required",
    listed: tuple[Who, ...] = (WANG, LI),
    options: str = "",
    forge: Key | PgpKey | None = None,
    before_adopt: Callable[[GitRepo], None] | None = None,
    kind: str = "ssh",
) -> tuple[GitRepo, dict[str, Key | PgpKey]]:
    """The minimal fixture with ``signatures: mode``, the keys of ``listed`` in roles.yml,
    adopted by 王总's signed baseline tag; SSH keys, or OpenPGP keys when ``kind`` is a
    GNUPGHOME."""
    keys = {who.name: make_key(kind, tmp_path, who) for who in (WANG, LI, ZHANG)}
    repo = make_repo(commit=False)
    repo.edit(
        "mkdocs.yml",
        "  - doc-control\n",
        f"  - doc-control:\n      signatures: {mode}\n" + "".join(
            f"      {line}\n" for line in options.splitlines() if line
        ),
    )
    for who in listed:
        _list_key(repo, who, keys[who.name])
    if forge is not None:
        repo.append(ROLES, f"forges: {forge.listing(repo)}\n")
    if before_adopt is not None:
        before_adopt(repo)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.git(
        *keys[WANG.name].config(),
        "tag", "-s", "doccontrol/baseline", "-m", "纸质文件转入",
        env=_env(WANG, "2026-01-02T10:00:00+08:00"),
    )
    return repo, keys


def test_signed_merge_is_accepted_and_shows_its_key(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    repo, keys = _setup(make_repo, tmp_path, kind=kind)
    branch_commit(repo, "zhang/qp01")
    merge = signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert codes(data, "error") == []
    last = qp01["history"][-1]
    assert last["commit"] == merge
    assert last["signature_verified"] is True
    assert last["signature_keys"] == [keys[LI.name].fingerprint]
    trust = run_cli("--lang", "en", "check", "--explain-trust", "--repo", str(repo.path), "--as-of", LATER)
    line = next(x for x in trust.stdout.splitlines() if x.startswith("QP-01 A/1"))
    assert f"verified signature {keys[LI.name].fingerprint}" in line


def test_unsigned_merge_is_refused_under_required(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    repo, _ = _setup(make_repo, tmp_path, kind=kind)
    branch_commit(repo, "zhang/qp01")
    merge = signed_merge(repo, "zhang/qp01", LI, None)
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "it is not signed" in line


def test_unsigned_merge_is_warned_under_warn(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    repo, _ = _setup(make_repo, tmp_path, mode="warn", kind=kind)
    branch_commit(repo, "zhang/qp01")
    merge = signed_merge(repo, "zhang/qp01", LI, None)
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1", "under warn the approval still counts"
    assert qp01["history"][-1]["signature_verified"] is False
    assert codes(data, "error") == []
    result = check(repo, LATER)
    line = finding_line(result.stdout, "signature-unverified", LI)
    assert_names_commit(line, merge)
    assert "it is not signed" in line
    # At the line of roles.yml that lists 李代表: where his key belongs.
    listed = next(
        n for n, text in enumerate(repo.read(ROLES).splitlines(), 1) if LI.name in text
    )
    assert line.startswith(f"{ROLES}:{listed}: warning: ")


def test_merge_signed_with_another_persons_key_is_refused(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    """李代表 merges, signing with 王总's key (say, one left on a shared machine)."""
    repo, keys = _setup(make_repo, tmp_path, kind=kind)
    branch_commit(repo, "zhang/qp01")
    merge = signed_merge(repo, "zhang/qp01", LI, keys[WANG.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert f"signed by key {keys[WANG.name].fingerprint}" in line and "which is not listed" in line


def test_key_added_in_the_same_change_is_refused(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    """李代表 has no key listed; his branch lists one and changes QP-01; he signs the merge."""
    repo, keys = _setup(make_repo, tmp_path, listed=(WANG,), kind=kind)
    repo.branch("li/self")
    _list_key(repo, LI, keys[LI.name])
    repo.append(QP01, "\n## 3 记录\n\n登记。\n")
    repo.commit("QP-01 与签名密钥", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = signed_merge(repo, "li/self", LI, keys[LI.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    result = check(repo, LATER)
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "no signing key is listed" in line
    assert ": roles-unapproved: " in result.stdout


def test_key_removed_later_leaves_the_old_approval_valid(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    repo, keys = _setup(make_repo, tmp_path, kind=kind)
    branch_commit(repo, "zhang/qp01")
    merge = signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    repo.branch("wang/revoke")
    repo.edit(ROLES, f"    signing_keys: {keys[LI.name].listing(repo)}\n", "")
    repo.commit("撤销李代表的密钥", ZHANG, "2026-03-01T09:00:00+08:00")
    repo.checkout("main")
    signed_merge(repo, "wang/revoke", WANG, keys[WANG.name], "2026-03-02T10:00:00+08:00")
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["history"][-1]["commit"] == merge
    assert qp01["history"][-1]["signature_verified"] is True
    assert codes(data, "error") == []


def _forge_squash(repo: GitRepo, forge: Key | PgpKey | None) -> str:
    """A web squash: authored by 张质量, committed by the forge with 李代表's trailer."""
    repo.git("merge", "-q", "--squash", "zhang/qp01")
    message = f"QP-01 增加记录 (#7)\n\nApproved-by: {LI.ident}"
    sign = (*forge.config(), "commit", "-S") if forge else ("commit",)
    repo.git(*sign, "-q", "-m", message, env=_env(ZHANG, MERGED, GITHUB))
    return repo.head()


@pytest.mark.parametrize("trusted", [True, False])
def test_forge_signed_squash_counts_only_where_forge_trailers_are_trusted(
    make_repo: MakeRepo, tmp_path: Path, trusted: bool, kind: str
) -> None:
    """With OpenPGP, as GitHub signs its web merges (its web-flow key under forges:)."""
    forge = make_key(kind, tmp_path, GITHUB, "forge")
    options = "forge_trailers: trusted" if trusted else ""
    repo, _ = _setup(make_repo, tmp_path, options=options, forge=forge, kind=kind)
    branch_commit(repo, "zhang/qp01")
    squash = _forge_squash(repo, forge)
    qp01 = document(register(repo, LATER), "QP-01")
    if trusted:
        assert qp01["revision"] == "A/1"
        assert qp01["history"][-1]["signature_keys"] == [forge.fingerprint]
        trust = run_cli("--lang", "en", "check", "--explain-trust", "--repo", str(repo.path), "--as-of", LATER)
        assert f"forge signature {forge.fingerprint}" in trust.stdout
    else:
        assert qp01["revision"] == "A/0"
        line = finding_line(check(repo, LATER).stdout, "unapproved-change", ZHANG)
        assert_names_commit(line, squash)
        assert "forge_trailers: trusted" in line


def test_forged_noreply_committer_without_forge_signature_is_refused(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    """Anyone can type noreply@github.com as committer; only the forge's key signs as it."""
    forge = Key(tmp_path / "forge", "forge")
    repo, _ = _setup(make_repo, tmp_path, options="forge_trailers: trusted", forge=forge)
    branch_commit(repo, "zhang/qp01")
    squash = _forge_squash(repo, None)
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, squash)
    assert "the forge" in line and "it is not signed" in line


def test_forged_noreply_committer_signed_by_a_person_is_refused(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    """李代表 commits as the forge and signs with his own key: not a forge key."""
    forge = make_key(kind, tmp_path, GITHUB, "forge")
    repo, keys = _setup(
        make_repo, tmp_path, options="forge_trailers: trusted", forge=forge, kind=kind
    )
    branch_commit(repo, "zhang/qp01")
    squash = _forge_squash(repo, keys[LI.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, squash)
    assert f"signed by key {keys[LI.name].fingerprint}" in line and "which is not listed" in line


def test_tampered_signed_merge_is_refused(
    make_repo: MakeRepo, tmp_path: Path, kind: str
) -> None:
    """A signed merge whose object is rewritten (its message changed) keeps its old signature."""
    repo, keys = _setup(make_repo, tmp_path, kind=kind)
    branch_commit(repo, "zhang/qp01")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    raw = subprocess.run(
        ["git", "cat-file", "commit", "HEAD"], cwd=repo.path, check=True, capture_output=True
    ).stdout
    assert b"gpgsig " in raw
    forged = raw.replace(b"Merge branch 'zhang/qp01'", b"Merge branch 'zhang/qp01' (approved)")
    sha = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo.path,
        input=forged,
        check=True,
        capture_output=True,
    ).stdout.decode().strip()
    repo.git("update-ref", "refs/heads/main", sha)
    repo.git("reset", "-q", "--hard", sha)
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, sha)
    assert "does not verify" in line


def test_message_line_posing_as_a_signature_is_not_one(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    """A gpgsig-looking block in the message body is message, not a header."""
    repo, _ = _setup(make_repo, tmp_path)
    branch_commit(repo, "zhang/qp01")
    fake = "gpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----"
    repo.git(
        "merge", "-q", "--no-ff", "-m", "Merge\n\n" + fake, "zhang/qp01", env=_env(LI, MERGED)
    )
    merge = repo.head()
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "it is not signed" in line


def test_unsigned_baseline_tag_is_refused_under_required(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo, _ = _setup(make_repo, tmp_path)
    repo.git("tag", "-d", "doccontrol/baseline")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    result = check(repo, LATER)
    line = finding_line(result.stdout, "baseline-invalid")
    assert "signed annotated tag" in line and "it is not signed" in line


def test_unsigned_baseline_tag_is_warned_at_the_taggers_line_under_warn(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo, _ = _setup(make_repo, tmp_path, mode="warn")
    repo.git("tag", "-d", "doccontrol/baseline")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    result = check(repo, LATER)
    assert "baseline-invalid" not in result.stdout
    line = finding_line(result.stdout, "signature-unverified")
    assert "signed annotated tag" in line and "it is not signed" in line
    listed = next(
        n for n, text in enumerate(repo.read(ROLES).splitlines(), 1) if WANG.name in text
    )
    assert line.startswith(f"{ROLES}:{listed}: warning: ")


def test_sign_off_commits_must_be_signed(make_repo: MakeRepo, tmp_path: Path) -> None:
    """min_approvals: 2 — 王总's unsigned sign-off does not count; his signed one does."""
    repo, keys = _setup(
        make_repo,
        tmp_path,
        options="min_approvals: 2",
        before_adopt=lambda r: r.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [李代表, 王总]"),
    )
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    unsigned = repo.commit(
        "签核", WANG, "2026-02-02T09:00:00+08:00", (f"Approved-by: {WANG.ident}",), allow_empty=True
    )
    repo.checkout("main")
    merge = signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, unsigned)
    assert "1 of 2" in line
    # Signed again, on a new branch: both approvals now verify.
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.checkout("zhang/qp01")
    repo.git(
        *keys[WANG.name].config(),
        "commit", "-S", "-q", "--allow-empty", "-m", f"签核\n\nApproved-by: {WANG.ident}",
        env=_env(WANG, "2026-02-02T10:00:00+08:00"),
    )
    repo.checkout("main")
    merge = signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["history"][-1]["commit"] == merge
    assert sorted(qp01["history"][-1]["signature_keys"]) == sorted(
        [keys[LI.name].fingerprint, keys[WANG.name].fingerprint]
    )


def test_review_sign_offs_must_be_signed(make_repo: MakeRepo, tmp_path: Path) -> None:
    """A 审核 sign-off is a sign-off commit: under required, 赵客服's unsigned Reviewed-by
    counts for nothing (review-missing naming it); signed with her listed key, it counts."""
    zhao = make_key("ssh", tmp_path, ZHAO)

    def reviewers_and_key(repo: GitRepo) -> None:
        repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nreviewers: [客服中心]\n")
        _list_key(repo, ZHAO, zhao)

    repo, keys = _setup(make_repo, tmp_path, before_adopt=reviewers_and_key)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    unsigned = repo.commit(
        "审核", ZHAO, "2026-02-02T09:00:00+08:00", (f"Reviewed-by: {ZHAO.ident}",), allow_empty=True
    )
    repo.checkout("main")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "review-missing")
    assert "review sign-off by 赵客服" in line, line
    assert_names_commit(line, unsigned)
    # Signed with her key, on the branch again: the review and the approval both count.
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.checkout("zhang/qp01")
    repo.git(
        *zhao.config(),
        "commit", "-S", "-q", "--allow-empty", "-m", f"审核\n\nReviewed-by: {ZHAO.ident}",
        env=_env(ZHAO, "2026-02-02T10:00:00+08:00"),
    )
    repo.checkout("main")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["reviewed"] == [{"name": "赵客服", "date": "2026-02-02"}]


@pytest.mark.parametrize("algorithm", ["ed25519", "rsa3072"])
def test_inline_openpgp_key_verifies_a_merge_signed_by_its_subkey(
    make_repo: MakeRepo, tmp_path: Path, gnupg: str, algorithm: str
) -> None:
    """An armoured key written in roles.yml itself (a YAML '|' block); 李代表 signs with
    a signing subkey, as many keep their primary key offline. The approval counts under
    the primary key's fingerprint, as gpg prints it."""
    kind = gnupg
    from doccontrol.sources.signing_keys import parse_signing_key

    env = {**os.environ, "GNUPGHOME": kind}
    li = PgpKey(Path(kind), "li-inline", LI, algorithm)
    subprocess.run(
        ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
         "--quick-add-key", li.fingerprint, algorithm, "sign", "never"],
        env=env, check=True, capture_output=True,
    )
    listing = subprocess.run(
        ["gpg", "--with-colons", "--fingerprint", "--fingerprint", li.fingerprint],
        env=env, check=True, capture_output=True, text=True,
    ).stdout
    subkey = [x.split(":")[9] for x in listing.splitlines() if x.startswith("fpr:")][1]
    armour = subprocess.run(
        ["gpg", "--armor", "--export", li.fingerprint],
        env=env, check=True, capture_output=True, text=True,
    ).stdout
    key, problem = parse_signing_key(armour)
    assert problem is None and key is not None
    assert key.fingerprint == li.fingerprint
    indented = "".join(f"        {line}\n" for line in armour.strip().splitlines())

    def list_inline(repo: GitRepo) -> None:
        repo.edit(
            ROLES,
            "    emails: [li@example.com]\n",
            f"    emails: [li@example.com]\n    signing_keys:\n      - |\n{indented}",
        )

    repo, _ = _setup(
        make_repo, tmp_path, listed=(WANG,), before_adopt=list_inline, kind=kind
    )
    branch_commit(repo, "zhang/qp01")
    repo.git(
        "-c", "gpg.format=openpgp", "-c", f"user.signingkey={subkey}!",
        "merge", "-S", "-q", "--no-ff", "-m", "Merge", "zhang/qp01",
        env=_env(LI, MERGED),
    )
    raw = repo.git("cat-file", "commit", "HEAD")
    assert "BEGIN PGP SIGNATURE" in raw
    data = register(repo, LATER)
    assert codes(data, "error") == []
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["history"][-1]["signature_keys"] == [li.fingerprint]


def test_key_file_changed_without_the_top_role_is_not_in_force(
    make_repo: MakeRepo, tmp_path: Path, gnupg: str
) -> None:
    """李代表 swaps his key file under manual/keys/ for a key he made on a stolen laptop's
    behalf, and signs the merge with it: the file is roles.yml's, so the change needs
    王总, and until then the key listed before stays in force."""
    kind = gnupg
    repo, keys = _setup(make_repo, tmp_path, kind=kind)
    other = PgpKey(Path(kind), "li-new", LI)
    repo.branch("li/qp01")
    repo.write("manual/keys/li.asc", other.public)
    repo.append(QP01, "\n## 3 记录\n\n登记。\n")
    repo.commit("QP-01 与新密钥", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = signed_merge(repo, "li/qp01", LI, other)
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    result = check(repo, LATER)
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert f"signed by key {other.fingerprint}" in line and "not listed" in line
    unapproved = finding_line(result.stdout, "roles-unapproved")
    assert unapproved.startswith("manual/keys/li.asc:1:")
    assert "王总" in unapproved or "总经理" in unapproved
    # 王总 merges a roles change that carries it (signed by his key): now in force.
    repo.branch("wang/li-key")
    repo.append(ROLES, "# 李代表的新密钥已核实\n")
    repo.commit("核实李代表的新密钥", ZHANG, "2026-03-01T09:00:00+08:00")
    repo.checkout("main")
    signed_merge(repo, "wang/li-key", WANG, keys[WANG.name], "2026-03-02T10:00:00+08:00")
    repo.branch("zhang/more")
    repo.append(QP01, "\n## 5 修订\n\n见记录。\n")
    repo.commit("QP-01 修订", ZHANG, "2026-04-01T09:00:00+08:00")
    repo.checkout("main")
    signed_merge(repo, "zhang/more", LI, other, "2026-04-02T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["history"][-1]["signature_keys"] == [other.fingerprint]


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("'ssh-ed25519 AAAAnotakey li'", "the ssh-ed25519 key is damaged"),
        ("keys/nobody.asc", "manual/keys/nobody.asc, which does not exist"),
        ("keys/../roles.asc", "no key file reference"),
        ("manual/keys/li.asc", "no key file reference"),
        ("3F2A9C0B4D1E7788", "is neither"),
        ("keys/li.asc", "manual/keys/li.asc: the OpenPGP key has no '-----END"),
        ("keys/li.pub", "manual/keys/li.pub: a signing key must be a whole OpenSSH"),
    ],
)
def test_bad_signing_key_entry_is_a_finding_at_its_line(
    make_repo: MakeRepo, tmp_path: Path, entry: str, says: str
) -> None:
    """A damaged key line, a missing key file, a path that climbs out of keys/, a path
    from the repository root, a bare key id, a damaged key file: each a finding at the
    roles.yml line, saying what is wrong, never a traceback."""
    repo = make_repo(commit=False)
    repo.write("manual/keys/li.asc", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n")
    repo.write("manual/keys/li.pub", "not a key\n")
    listed = f"    signing_keys: [{entry}]"
    repo.edit(ROLES, "    emails: [li@example.com]\n", f"    emails: [li@example.com]\n{listed}\n")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    result = check(repo, LATER)
    assert "Traceback" not in result.output
    line = finding_line(result.stdout, "signing-key-invalid")
    line_no = repo.read(ROLES).splitlines().index(listed) + 1
    assert line.startswith(f"{ROLES}:{line_no}:")
    assert says in line


@pytest.mark.parametrize("listed", [(WANG,), (WANG, LI)])
def test_status_says_whether_the_expected_approver_has_a_key_listed(
    make_repo: MakeRepo, tmp_path: Path, listed: tuple[Who, ...]
) -> None:
    repo, _ = _setup(make_repo, tmp_path, listed=listed)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    result = status(repo)  # in English, which these asserts read
    assert "Traceback" not in result.output
    if LI in listed:
        assert "no signing key" not in result.stdout
        assert "may approve — 管理者代表: 李代表" in result.stdout
    else:
        assert "李代表 (no signing key listed in roles.yml)" in result.stdout
        assert "李代表 has no signing key listed in roles.yml" in result.stdout


def test_control_block_and_edition_manifest_show_the_verified_signature(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    from datetime import date

    from doccontrol.edition.manifest import Signer, manifest_dict
    from doccontrol.edition.plan import plan_edition
    from doccontrol.project.load import load_project
    from doccontrol.project.mkdocs_yml import read_mkdocs_yml
    from doccontrol.rendering.control_block import PageContext, control_table

    repo, keys = _setup(make_repo, tmp_path)
    branch_commit(repo, "zhang/qp01")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    config = read_mkdocs_yml(repo.path).config
    day = date(2026, 6, 1)
    project = load_project(repo.path, config, day)
    assert project.control is not None
    ctl = next(d for d in project.control.documents if d.id == "QP-01")
    doc = next(d for d in project.approved.documents if d.id == "QP-01")
    block = control_table(doc, ctl, PageContext(False, day, day, "zh", config))
    assert "李代表 2026-02-03（已验证签名）" in block
    plan, refused = plan_edition(project, "测试组织")
    assert plan is not None, refused
    manifest = manifest_dict(plan, Signer("s", "CN=s", "00"), {})
    qp01 = next(d for d in manifest["documents"] if d["id"] == "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["signature_verified"] is True
    assert qp01["signature_keys"] == [keys[LI.name].fingerprint]
    # An unsigned adoption-era document carries the baseline, not a signature: no mark.
    sm01 = next(d for d in manifest["documents"] if d["id"] == "SM-01")
    assert "signature_verified" not in sm01


def test_trust_cache_lives_outside_the_repository_and_is_keyed_by_key_set(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    from doccontrol.project.trust_cache import TrustCache
    from doccontrol.rules.signatures import split_commit
    from doccontrol.sources.signing_keys import parse_signing_key

    repo, keys = _setup(make_repo, tmp_path)
    branch_commit(repo, "zhang/qp01")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/1"
    cached = list((tmp_path / "cache" / "doccontrol" / "signatures").glob("*.tsv"))
    assert cached, "the run wrote its verdicts to the user's cache folder"
    assert repo.git("status", "--porcelain", "--ignored") == "", "nothing written in the repo"
    # A second run is served from the cache and gives the same answer.
    assert document(register(repo, LATER), "QP-01")["history"][-1]["signature_verified"] is True

    # A verdict cached under one key set is never used for another.
    raw = subprocess.run(
        ["git", "cat-file", "commit", "HEAD"], cwd=repo.path, check=True, capture_output=True
    ).stdout
    signed = split_commit(raw)
    assert signed is not None
    li_key, _ = parse_signing_key(keys[LI.name].public)
    wang_key, _ = parse_signing_key(keys[WANG.name].public)
    assert li_key is not None and wang_key is not None
    cache = TrustCache(tmp_path / "cache2")
    assert cache("x", signed, (li_key,)).fingerprint == keys[LI.name].fingerprint
    cache.save()
    again = TrustCache(tmp_path / "cache2")
    assert again("x", signed, (li_key,)).verified and again.hits == 1
    other = again("x", signed, (wang_key,))
    assert not other.verified and again.misses == 1
    assert "not listed" in str(other.problem)


RECORD = "records/QR-01-01/2026-01-10-发放登记.md"


@pytest.mark.parametrize(
    ("mode", "signed"), [("required", True), ("required", False), ("warn", False)]
)
def test_record_disposal_is_held_to_signatures_like_a_document(
    make_repo: MakeRepo, tmp_path: Path, kind: str, mode: str, signed: bool
) -> None:
    """A record past its retention is disposed of by 李代表's merge carrying Disposed:;
    the merge must be signed by his listed key, as a document's approval must."""
    repo, keys = _setup(
        make_repo,
        tmp_path,
        mode=mode,
        kind=kind,
        before_adopt=lambda r: r.edit("records/forms/qr-01-01.md", "retention: 3y", "retention: 1m"),
    )
    repo.write(RECORD, "---\ndate: 2026-01-10\nby: 张质量\ntitle: 文件发放登记\n---\n\n登记。\n")
    repo.commit("登记文件发放", ZHANG, "2026-01-10T09:00:00+08:00")
    repo.branch("zhang/dispose")
    repo.remove(RECORD)
    repo.commit("销毁到期记录", ZHANG, "2026-03-01T09:00:00+08:00")
    repo.checkout("main")
    sign = (*keys[LI.name].config(), "merge", "-S") if signed else ("merge",)
    repo.git(
        *sign, "-q", "--no-ff", "-m", f"销毁记录\n\nDisposed: {RECORD}", "zhang/dispose",
        env=_env(LI, "2026-03-01T15:00:00+08:00"),
    )
    merge = repo.head()
    result = check(repo, LATER)
    assert "Traceback" not in result.output
    if signed:
        assert result.code == 0, result.stdout
        assert "record-disposal-unapproved" not in result.stdout
        assert "signature-unverified" not in result.stdout
    elif mode == "required":
        line = finding_line(result.stdout, "record-disposal-unapproved", LI)
        assert line.startswith(f"{RECORD}:1: error:")
        assert_names_commit(line, merge)
        assert "it is not signed" in line
    else:
        assert "record-disposal-unapproved" not in result.stdout
        line = finding_line(result.stdout, "signature-unverified", LI)
        assert line.startswith(f"{RECORD}:1: warning:")
        assert_names_commit(line, merge)


def test_revoked_openpgp_key_does_not_verify_and_no_cached_verdict_says_otherwise(
    make_repo: MakeRepo, tmp_path: Path, gnupg: str
) -> None:
    """A revocation added to a key file keeps the key's fingerprint: the trust cache
    must tell the two certificates apart, and the revoked one verifies nothing."""
    from doccontrol.project.trust_cache import TrustCache
    from doccontrol.rules.signatures import split_commit
    from doccontrol.sources.signing_keys import parse_signing_key

    li = PgpKey(Path(gnupg), "li", LI)
    repo = make_repo()
    repo.git(
        *li.config(), "commit", "-S", "-q", "--allow-empty", "-m", "签核",
        env=_env(LI, MERGED),
    )
    raw = subprocess.run(
        ["git", "cat-file", "commit", "HEAD"], cwd=repo.path, check=True, capture_output=True
    ).stdout
    signed = split_commit(raw)
    assert signed is not None
    before, _ = parse_signing_key(li.public)
    # gpg made a revocation certificate with the key; its first line is guarded by ':'.
    revocation = (Path(gnupg) / "openpgp-revocs.d" / f"{li.fingerprint}.rev").read_text()
    revocation = revocation.replace(":-----BEGIN", "-----BEGIN")
    subprocess.run(["gpg", "--batch", "--import"], input=revocation.encode(), check=True,
                   capture_output=True)
    revoked_armour = subprocess.run(
        ["gpg", "--armor", "--export", li.fingerprint], check=True, capture_output=True, text=True
    ).stdout
    after, problem = parse_signing_key(revoked_armour)
    assert before is not None and after is not None, problem
    assert after.fingerprint == before.fingerprint == li.fingerprint
    cache = TrustCache(tmp_path / "trust")
    assert cache("x", signed, (before,)).fingerprint == li.fingerprint
    cache.save()
    again = TrustCache(tmp_path / "trust")
    verdict = again("x", signed, (after,))
    assert not verdict.verified and again.misses == 1
    assert "revoked" in str(verdict.problem)
    assert again("x", signed, (before,)).verified and again.hits == 1


def test_key_files_beside_a_roles_file_outside_the_roots(
    make_repo: MakeRepo, tmp_path: Path, gnupg: str
) -> None:
    """roles: org/roles.yml — its keys/ folder lies outside manual/, procedures/ and
    records/, yet git's history and the working tree both read the key files there."""

    def move_roles(repo: GitRepo) -> None:
        (repo.path / "org").mkdir()
        (repo.path / ROLES).rename(repo.path / "org" / "roles.yml")
        (repo.path / "manual" / "keys").rename(repo.path / "org" / "keys")

    repo, keys = _setup(
        make_repo, tmp_path, options="roles: org/roles.yml", before_adopt=move_roles, kind=gnupg
    )
    assert (repo.path / "org" / "keys" / "li.asc").is_file()
    branch_commit(repo, "zhang/qp01")
    signed_merge(repo, "zhang/qp01", LI, keys[LI.name])
    data = register(repo, LATER)
    assert codes(data, "error") == []
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["history"][-1]["signature_keys"] == [keys[LI.name].fingerprint]
    result = check(repo, LATER)
    assert result.code == 0, result.stdout
    assert "signing-key-invalid" not in result.stdout
