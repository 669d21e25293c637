"""Bad input gives one clear, located finding, never a traceback (foundation acceptance).

Every case is a real git repository: the minimal fixture committed and adopted
by the baseline tag, then one broken change committed on a branch and merged
with the approvals it needs, so the only thing wrong is the new text.
``doccontrol check`` must point at the exact file and line with a message that
says how to fix it, and ``mkdocs build --strict`` must refuse to build the site.

Line numbers in the table are counted by hand from the text written, so they
check the core rather than echo it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import LI, WANG, ZHANG, Result, run_cli, run_mkdocs
from gitrepo import GitRepo

Mutation = Callable[[GitRepo], None]
MakeRepo = Callable[..., GitRepo]

# The minimal fixture's procedures/qp-02.md, one front-matter line per entry:
# entry i is on line i + 2 of the file (line 1 is the opening '---').
QP02 = (
    "id: QP-02",
    "title: 记录控制程序",
    "type: procedure",
    "owner: 质量部",
    "approvers: [管理者代表]",
    'clauses: ["4.6.4"]',
)
# records/forms/qr-01-01.md, likewise.
QR0101 = (
    "id: QR-01-01",
    "title: 文件发放回收登记表",
    "type: record-form",
    "owner: 质量部",
    "approvers: [管理者代表]",
    "retention: 3y",
    "storage: 质量部档案室",
)
# manual/sm-01.md, likewise.
SM01 = (
    "id: SM-01",
    "title: 服务手册",
    "type: manual",
    "owner: 质量部",
    "approvers: [总经理]",
    'clauses: ["4.4.4"]',
)
BODY = "## 1 目的\n\n规定记录的标识、贮存、保护、检索、保存期限和处置。\n"

ROLES = """\
people:
  - name: 王总
    emails: [wang@example.com]
  - name: 李代表
    emails: [li@example.com]
  - name: 张质量
    emails: [zhang@example.com]
  - name: 赵客服
    emails: [zhao@example.com]
roles:
  总经理: [王总]
  管理者代表: [李代表]
  质量部: [张质量]
  客服中心: [赵客服]
top: 总经理
"""


def doc(front: Sequence[str], body: str = BODY) -> str:
    """A Markdown document: front-matter line ``front[i]`` lands on file line ``i + 2``."""
    return "---\n" + "".join(f"{line}\n" for line in front) + "---\n" + body


def edit(front: Sequence[str], key: str, line: str | None) -> tuple[str, ...]:
    """``front`` with the ``key:`` line replaced by ``line`` (dropped when None), else appended."""
    out: list[str] = []
    found = False
    for entry in front:
        if entry.split(":", 1)[0] == key:
            found = True
            if line is not None:
                out.append(line)
        else:
            out.append(entry)
    if not found and line is not None:
        out.append(line)
    return tuple(out)


def write(rel: str, content: str | bytes) -> Mutation:
    def mutate(repo: GitRepo) -> None:
        repo.write(rel, content)

    return mutate


def write_all(files: dict[str, str]) -> Mutation:
    def mutate(repo: GitRepo) -> None:
        for rel, content in files.items():
            repo.write(rel, content)

    return mutate


def delete(rel: str) -> Mutation:
    def mutate(repo: GitRepo) -> None:
        repo.remove(rel)

    return mutate


def symlink(rel: str, target: str) -> Mutation:
    def mutate(repo: GitRepo) -> None:
        os.symlink(target, repo.path / rel)

    return mutate


def qp02(key: str, line: str | None, body: str = BODY) -> Mutation:
    return write("procedures/qp-02.md", doc(edit(QP02, key, line), body))


def qr0101(key: str, line: str | None) -> Mutation:
    return write("records/forms/qr-01-01.md", doc(edit(QR0101, key, line), "| 列 |\n|---|\n"))


def sm01(key: str, line: str | None) -> Mutation:
    return write("manual/sm-01.md", doc(edit(SM01, key, line), "# 服务手册\n"))


def roles(text: str) -> Mutation:
    return write("manual/roles.yml", text)


@dataclass(frozen=True)
class Broken:
    """One broken change and the finding it must give: ``path:line: error: code: …fix…``."""

    mutate: Mutation
    path: str
    line: int
    code: str
    fix: str


P = "procedures/qp-02.md"
QR = "records/forms/qr-01-01.md"
SM = "manual/sm-01.md"
ROLES_PATH = "manual/roles.yml"

CASES = [
    # --- front matter that is not a mapping of fields ---------------------------------
    pytest.param(
        Broken(qp02("title", "title: [记录控制程序"), P, 3, "front-matter-yaml", "closing ']'"),
        id="malformed-yaml-unclosed-bracket",
    ),
    pytest.param(
        Broken(qp02("title", 'title: "记录控制程序'), P, 3, "front-matter-yaml", 'closing "'),
        id="malformed-yaml-unclosed-quote",
    ),
    pytest.param(
        Broken(qp02("title", "title: '记录控制程序"), P, 3, "front-matter-yaml", "closing '"),
        id="malformed-yaml-unclosed-single-quote",
    ),
    pytest.param(
        Broken(
            write(P, doc(["- id: QP-02", "- title: 记录控制程序"])),
            P,
            2,
            "front-matter-not-mapping",
            "own line",
        ),
        id="front-matter-is-list",
    ),
    pytest.param(
        Broken(write(P, doc(["记录控制程序"])), P, 2, "front-matter-not-mapping", "own line"),
        id="front-matter-is-scalar",
    ),
    pytest.param(
        Broken(
            write(P, "---\nid: QP-02\ntitle: 记录控制程序\n\n## 1 目的\n"),
            P,
            1,
            "front-matter-unclosed",
            "add",
        ),
        id="front-matter-unclosed",
    ),
    pytest.param(
        Broken(write(P, "---\n---\n## 1 目的\n"), P, 1, "front-matter-empty", "approvers"),
        id="front-matter-empty",
    ),
    pytest.param(
        Broken(write(P, "---\n\n\n---\n## 1 目的\n"), P, 1, "front-matter-empty", "approvers"),
        id="front-matter-blank-lines-only",
    ),
    pytest.param(
        Broken(
            qp02("owner", "owner: 质量部\ntitle: 另一个标题"), P, 6, "front-matter-yaml", "keep one"
        ),
        id="duplicate-key",
    ),
    pytest.param(
        Broken(
            qp02("approvers", "approvers:\n\t- 管理者代表"), P, 7, "front-matter-yaml", "spaces"
        ),
        id="tab-indentation",
    ),
    # --- required fields, each missing at least twice ----------------------------------
    pytest.param(Broken(qp02("id", None), P, 2, "missing-field", "'id: QP-01'"), id="missing-id"),
    pytest.param(
        Broken(sm01("id", "id: "), SM, 2, "missing-field", "'id: SM-01'"), id="missing-id-empty"
    ),
    pytest.param(
        Broken(qp02("title", None), P, 2, "missing-field", "'title: 文件控制程序'"),
        id="missing-title",
    ),
    pytest.param(
        Broken(qr0101("title", None), QR, 2, "missing-field", "'title: 文件控制程序'"),
        id="missing-title-record-form",
    ),
    pytest.param(
        Broken(qp02("type", None), P, 2, "missing-field", "'type: procedure'"), id="missing-type"
    ),
    pytest.param(
        Broken(sm01("type", None), SM, 2, "missing-field", "'type: manual'"),
        id="missing-type-manual",
    ),
    pytest.param(
        Broken(qp02("owner", None), P, 2, "missing-field", "'owner: 质量部'"), id="missing-owner"
    ),
    pytest.param(
        Broken(qr0101("owner", None), QR, 2, "missing-field", "'owner: 质量部'"),
        id="missing-owner-record-form",
    ),
    pytest.param(
        Broken(qp02("approvers", None), P, 2, "missing-field", "'approvers: [管理者代表]'"),
        id="missing-approvers",
    ),
    pytest.param(
        Broken(
            sm01("approvers", "approvers: []"), SM, 2, "missing-field", "'approvers: [管理者代表]'"
        ),
        id="missing-approvers-empty-list",
    ),
    # --- field values --------------------------------------------------------------------
    pytest.param(
        Broken(qp02("type", "type: policy"), P, 4, "unknown-type", "procedure"),
        id="unknown-type",
    ),
    pytest.param(
        Broken(qp02("approvers", "approvers: [厂长]"), P, 6, "unknown-approver", "use one of"),
        id="unknown-approver-role",
    ),
    pytest.param(
        Broken(qp02("owner", "owner: 财务部"), P, 5, "unknown-owner", "use one of"),
        id="unknown-owner",
    ),
    pytest.param(
        Broken(qp02("effective", "effective: 2026-13-01"), P, 8, "bad-date", "YYYY-MM-DD"),
        id="bad-date-month-13",
    ),
    pytest.param(
        Broken(qp02("effective", "effective: next month"), P, 8, "bad-date", "YYYY-MM-DD"),
        id="effective-not-a-date",
    ),
    pytest.param(
        Broken(qp02("effective", "effective: 20261201"), P, 8, "bad-date", "YYYY-MM-DD"),
        id="effective-a-number",
    ),
    pytest.param(
        Broken(
            write("procedures/qp-05.md", doc(edit(QP02, "id", "id: SM-05"))),
            "procedures/qp-05.md",
            2,
            "id-prefix",
            "QP-05",
        ),
        id="id-prefix-mismatch",
    ),
    pytest.param(
        Broken(qp02("id", "id: QP2"), P, 2, "bad-id", "write it like QP-01"), id="malformed-id"
    ),
    pytest.param(
        Broken(qr0101("retention", None), QR, 2, "missing-field", "retention: 3y"),
        id="record-form-without-retention",
    ),
    pytest.param(
        Broken(qr0101("retention", "retention: 3 years"), QR, 7, "bad-retention", "3y"),
        id="bad-retention",
    ),
    pytest.param(
        Broken(qp02("clauses", 'clauses: ["9.9.9"]'), P, 7, "unknown-clause", "clauses.yml"),
        id="unknown-clause",
    ),
    # --- values git decides --------------------------------------------------------------
    pytest.param(
        Broken(qp02("version", "version: A/1"), P, 8, "control-field", "remove"),
        id="typed-version",
    ),
    pytest.param(
        Broken(qp02("approved_by", "approved_by: 李代表"), P, 8, "control-field", "merged"),
        id="typed-approved-by",
    ),
    pytest.param(
        Broken(qp02("approval_date", "approval_date: 2026-01-01"), P, 8, "control-field", "remove"),
        id="typed-approval-date",
    ),
    pytest.param(
        Broken(qp02("status", "status: approved"), P, 8, "control-field", "withdrawn"),
        id="typed-status-approved",
    ),
    # --- links between documents ---------------------------------------------------------
    pytest.param(
        Broken(qp02("id", "id: QP-01"), P, 2, "duplicate-id", "own id"),
        id="duplicate-id",
    ),
    pytest.param(
        Broken(
            qp02("clauses", 'clauses: ["4.6.4"]', BODY + "\n另见 [[QP-99]]。\n"),
            P,
            13,
            "dangling-link",
            "check the id",
        ),
        id="dangling-link-in-body",
    ),
    pytest.param(
        Broken(
            qp02("references", "references: [QP-98]"), P, 8, "dangling-reference", "check the id"
        ),
        id="dangling-references",
    ),
    pytest.param(
        Broken(qp02("records", "records: [QR-09-01]"), P, 8, "dangling-record", "add the form"),
        id="dangling-records",
    ),
    pytest.param(
        Broken(qp02("records", "records: [QP-01]"), P, 8, "not-a-record-form", "'references'"),
        id="records-names-a-procedure",
    ),
    # --- files that are not documents ----------------------------------------------------
    pytest.param(
        Broken(write(P, doc(QP02).encode("gbk")), P, 3, "encoding", "UTF-8"),
        id="saved-as-gbk",
    ),
    pytest.param(Broken(write(P, ""), P, 1, "empty-file", "delete"), id="empty-file"),
    pytest.param(
        Broken(write(P, "  \n\n\t\n"), P, 1, "empty-file", "delete"), id="whitespace-only-file"
    ),
    pytest.param(
        Broken(
            write_all(
                {
                    "procedures/qp-06/01-a.md": "# 第一章\n",
                    "procedures/qp-06/02-b.md": "# 第二章\n",
                }
            ),
            "procedures/qp-06/01-a.md",
            1,
            "no-front-matter",
            "add procedures/qp-06/index.md",
        ),
        id="chapters-without-index",
    ),
    pytest.param(
        Broken(
            write_all(
                {
                    "procedures/qp-06/index.md": "# 投诉处理程序\n",
                    "procedures/qp-06/01-a.md": "# 第一章\n",
                }
            ),
            "procedures/qp-06/index.md",
            1,
            "no-front-matter",
            "'---'",
        ),
        id="index-without-front-matter",
    ),
    pytest.param(
        Broken(
            write_all(
                {
                    "procedures/qp-06/index.md": doc(edit(QP02, "id", "id: QP-06")),
                    "procedures/qp-06/01-a.md": doc(edit(QP02, "id", "id: QP-07")),
                }
            ),
            "procedures/qp-06/01-a.md",
            1,
            "nested-document",
            "remove",
        ),
        id="nested-document",
    ),
    pytest.param(
        Broken(
            symlink("procedures/hostname.md", "/etc/hostname"),
            "procedures/hostname.md",
            1,
            "symlink-escape",
            "copy",
        ),
        id="symlink-out-of-repo",
    ),
    # --- roles.yml -------------------------------------------------------------------------
    pytest.param(
        Broken(
            roles(ROLES.replace("  总经理: [王总]", "  总经理: [王总")),
            ROLES_PATH,
            11,
            "roles-yaml",
            "closing ']'",
        ),
        id="roles-bad-yaml",
    ),
    pytest.param(
        Broken(
            roles(ROLES.replace("  客服中心: [赵客服]", "  客服中心: [钱经理]")),
            ROLES_PATH,
            14,
            "unknown-person",
            "people",
        ),
        id="roles-unknown-person",
    ),
    pytest.param(
        Broken(
            roles(ROLES.replace("top: 总经理\n", "")), ROLES_PATH, 1, "roles-invalid", "top: 总经理"
        ),
        id="roles-missing-top",
    ),
    pytest.param(
        Broken(
            roles(ROLES.replace("top: 总经理", "top: 董事长")),
            ROLES_PATH,
            15,
            "roles-invalid",
            "one of: 总经理",
        ),
        id="roles-top-not-a-role",
    ),
    pytest.param(
        Broken(delete(ROLES_PATH), ROLES_PATH, 1, "roles-missing", "create"),
        id="roles-file-missing",
    ),
    # --- external documents -----------------------------------------------------------------
    pytest.param(
        Broken(
            write(
                "records/external.yml",
                "documents:\n  - id: EXT-01\n    title: 服务管理体系规范及实施指南\n"
                "    checked: 2026-02-30\n",
            ),
            "records/external.yml",
            4,
            "bad-date",
            "YYYY-MM-DD",
        ),
        id="external-bad-checked-date",
    ),
]


def error_lines(result: Result, path: str, line: int, code: str) -> list[str]:
    pattern = re.compile(rf"^{re.escape(path)}:{line}: error: {re.escape(code)}: (.*)$", re.M)
    return pattern.findall(result.stdout)


def land(repo: GitRepo, mutate: Mutation, message: str) -> None:
    """Make the change on a branch and merge it with the approval of every role it needs.

    Approved this way, the change itself raises no unapproved-change finding: what
    is left is what the rules say about the new text.
    """
    repo.branch("change")
    mutate(repo)
    repo.commit(message, ZHANG, "2026-01-10T10:00:00+08:00")
    # 李代表 signs off on the branch himself (a trailer typed by the merger would count
    # for nothing); 王总, the top role, merges.
    repo.commit("李代表批准", LI, "2026-01-10T16:00:00+08:00",
                trailers=(f"Approved-by: {LI.ident}",), allow_empty=True)
    repo.checkout("main")
    repo.merge("change", WANG, "2026-01-11T10:00:00+08:00")


def broken_repo(make_repo: MakeRepo, mutate: Mutation) -> GitRepo:
    repo = make_repo()
    land(repo, mutate, "损坏的修改")
    return repo


@pytest.mark.parametrize("case", CASES)
def test_broken_input_is_one_located_error(
    case: Broken, make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = broken_repo(make_repo, case.mutate)

    # The fix advice is read in English; the minimal site itself is Chinese.
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path))
    assert "Traceback" not in result.output, result.output
    assert result.code == 1, result.output
    messages = error_lines(result, case.path, case.line, case.code)
    assert messages, f"no '{case.path}:{case.line}: error: {case.code}:' in:\n{result.stdout}"
    assert any(case.fix in m for m in messages), (
        f"message does not say how to fix it (expected {case.fix!r}): {messages}"
    )

    site = run_mkdocs(repo.path, "--strict", "-d", str(tmp_path / "site"))
    assert "Traceback" not in site.output, site.output
    assert site.code != 0, site.output
    assert f"{case.path}:{case.line}: error: {case.code}:" in site.output, site.output


def test_corpus_covers_the_required_cases() -> None:
    assert len(CASES) >= 30
    broken: list[Broken] = [c.values[0] for c in CASES]  # type: ignore[misc]
    missing = [b for b in broken if b.code == "missing-field"]
    for key in ("id", "title", "type", "owner", "approvers"):
        assert sum(b.fix.startswith(f"'{key}:") for b in missing) >= 2, key


# --- valid oddities: they must pass --------------------------------------------------------


def built_page(site: Path, source: str) -> Path:
    """Where MkDocs writes the page for a Markdown source (use_directory_urls)."""
    stem = source.removesuffix(".md")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return site / stem / "index.html"


def assert_builds(repo: GitRepo, site: Path, pages: dict[str, str]) -> None:
    """``check`` passes, a strict build passes, and each source's page shows its text."""
    result = run_cli("check", "--repo", str(repo.path))
    assert "Traceback" not in result.output, result.output
    assert result.code == 0, result.output
    assert ": error: " not in result.stdout, result.stdout
    built = run_mkdocs(repo.path, "--strict", "-d", str(site))
    assert "Traceback" not in built.output, built.output
    assert built.code == 0, built.output
    for source, text in pages.items():
        page = built_page(site, source)
        assert page.is_file(), f"no page for {source} in {site}"
        assert text in page.read_text("utf-8"), f"{text!r} not on the page of {source}"


CHINESE_NAME = "procedures/文件控制补充规定.md"

VALID = [
    pytest.param(
        write(P, ("\ufeff" + doc(QP02)).replace("\n", "\r\n")),
        {P: "规定记录的标识"},
        id="utf8-bom-and-crlf",
    ),
    pytest.param(
        write(
            CHINESE_NAME,
            doc(
                edit(edit(QP02, "id", "id: QP-03"), "title", "title: 文件控制补充规定"),
                "## 1 目的\n\n补充 [[QP-01]] 的规定。\n",
            ),
        ),
        {CHINESE_NAME: "文件控制补充规定"},
        id="chinese-file-name",
    ),
    pytest.param(
        write_all(
            {
                "procedures/qp-04/index.md": doc(
                    edit(edit(QP02, "id", "id: QP-04"), "title", "title: 顾客投诉处理程序"),
                    "# 顾客投诉处理程序\n\n见各章。\n",
                ),
                "procedures/qp-04/01-a.md": "# 第一章 受理\n\n见 [[QP-01]]。\n",
                "procedures/qp-04/02-b.md": "# 第二章 处理\n\n记录在 [[QR-01-01]]。\n",
            }
        ),
        {
            "procedures/qp-04/index.md": "见各章",
            "procedures/qp-04/01-a.md": "第一章 受理",
            "procedures/qp-04/02-b.md": "第二章 处理",
        },
        id="folder-document-with-chapters",
    ),
    pytest.param(
        qp02("approvers", "approvers: 管理者代表"),
        {P: "规定记录的标识"},
        id="scalar-approvers",
    ),
]


@pytest.mark.parametrize(("mutate", "pages"), VALID)
def test_valid_oddity_passes(
    mutate: Mutation, pages: dict[str, str], make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    land(repo, mutate, "合法但少见的写法")
    assert_builds(repo, tmp_path / "site", pages)


def test_check_reports_every_finding_in_one_run(make_repo: MakeRepo) -> None:
    def three_broken_files(repo: GitRepo) -> None:
        repo.write(P, doc(edit(QP02, "effective", "effective: 2026/12/01")))
        qp01 = repo.read("procedures/qp-01.md")
        repo.write("procedures/qp-01.md", qp01.replace("owner: 质量部", "owner: 财务部"))
        repo.write(QR, doc(edit(QR0101, "retention", "retention: 3 years"), "| 列 |\n|---|\n"))

    repo = make_repo()
    land(repo, three_broken_files, "三处错误")

    result = run_cli("--lang", "en", "check", "--repo", str(repo.path))
    assert "Traceback" not in result.output, result.output
    assert result.code == 1, result.output
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    where = [line.split(": ", 3)[:3] for line in errors]
    assert where == [
        ["procedures/qp-01.md:5", "error", "unknown-owner"],
        [f"{P}:8", "error", "bad-date"],
        [f"{QR}:7", "error", "bad-retention"],
    ], result.stdout
    assert "3 error(s)" in result.stderr
