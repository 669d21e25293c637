"""``doccontrol new``: the next free id, a template that passes check, no duplicate id or title."""

from __future__ import annotations

from collections.abc import Callable

from conftest import LI, ZHANG
from gitrepo import GitRepo
from workflow_cases import cli, with_defaults

MakeRepo = Callable[..., GitRepo]
PEOPLE = ("--owner", "质量部", "--approvers", "管理者代表")


def _new(repo: GitRepo, *args: str) -> str:
    result = cli(repo, "new", *args)
    assert result.code == 0, result.output
    path = result.stdout.strip()
    assert (repo.path / path).is_file(), path
    return path


def test_new_gives_the_next_free_id_of_each_type_in_its_folder(make_repo: MakeRepo) -> None:
    repo = make_repo()
    # The fixture holds QP-01, QP-02, SM-01 and QR-01-01.
    assert _new(repo, "procedure", "--title", "服务投诉处理程序", "--slug", "complaints", *PEOPLE) == (
        "procedures/qp-03-complaints.md"
    )
    assert _new(repo, "procedure", "--title", "内部审核程序", *PEOPLE) == "procedures/qp-04.md"
    # A record form takes its procedure's number, then the next free one overall.
    assert _new(repo, "record-form", "--title", "文件借阅登记表", "--procedure", "QP-01", *PEOPLE) == (
        "records/forms/qr-01-02.md"
    )
    assert _new(repo, "record-form", "--title", "投诉登记表", "--procedure", "QP-03", *PEOPLE) == (
        "records/forms/qr-03-01.md"
    )
    assert _new(repo, "record-form", "--title", "其他登记表", *PEOPLE) == "records/forms/qr-04-01.md"
    assert _new(repo, "instruction", "--title", "上门维修作业指导书", *PEOPLE) == "procedures/wi-01.md"
    assert _new(repo, "manual", "--title", "服务手册（第二部分）", "--owner", "质量部", "--approvers", "总经理") == (
        "manual/sm-02.md"
    )
    text = repo.read("procedures/qp-03-complaints.md")
    assert text.startswith("---\nid: QP-03\ntitle: 服务投诉处理程序\ntype: procedure\n")
    assert "owner: 质量部\napprovers: [管理者代表]\n---\n" in text


def test_new_never_reuses_the_id_of_a_withdrawn_document(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/withdraw")
    repo.edit("manual/sm-01.md", "[[QP-01]] 和 [[QP-02]]", "[[QP-01]]")
    repo.remove("procedures/qp-02.md")
    repo.commit("QP-02 作废", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/withdraw", LI, "2026-02-02T10:00:00+08:00")
    assert not (repo.path / "procedures/qp-02.md").exists()
    assert _new(repo, "procedure", "--title", "记录控制程序（新）", *PEOPLE) == "procedures/qp-03.md"


def test_every_template_passes_check_with_the_structure_of_its_type(make_repo: MakeRepo) -> None:
    repo = make_repo()
    paths = {
        kind: _new(repo, kind, "--title", f"新{kind}", "--owner", "质量部", "--approvers", "管理者代表")
        for kind in ("manual", "service-spec", "provision-spec", "control-spec", "procedure", "instruction")
    }
    paths["record-form"] = _new(repo, "record-form", "--title", "新表单", "--procedure", "QP-01", *PEOPLE)
    result = cli(repo, "check")
    assert result.code == 0, result.output
    assert result.stdout.strip() == "", result.stdout

    def headings(path: str) -> list[str]:
        return [line.split(" ", 1)[1] for line in repo.read(path).splitlines() if line.startswith("## ")]

    assert headings(paths["procedure"]) == ["1 目的", "2 范围", "3 职责", "4 工作程序", "5 相关文件", "6 记录"]
    assert headings(paths["record-form"]) == ["用途", "表格", "填写说明"]
    assert "按 [[QP-01]] 使用" in repo.read(paths["record-form"])
    form = repo.read(paths["record-form"])
    assert "retention: 3y\n" in form and "storage: 质量部档案室\n" in form
    assert headings(paths["service-spec"])[:2] == ["1 范围", "2 规范性引用文件"]
    assert "4 服务项目和服务承诺" in headings(paths["service-spec"])
    assert "3 服务提供过程" in headings(paths["provision-spec"])
    assert "4 服务特性的控制" in headings(paths["control-spec"])
    assert "<!-- doccontrol:roles -->" in repo.read(paths["manual"])
    assert "5 作业步骤" in headings(paths["instruction"])


def test_owner_and_approvers_come_from_the_config_defaults_or_must_be_given(make_repo: MakeRepo) -> None:
    repo = make_repo()
    missing = cli(repo, "--lang", "en", "new", "procedure", "--title", "服务投诉处理程序")
    assert missing.code == 2
    assert "--owner and --approvers" in missing.stderr and "defaults:" in missing.stderr
    assert not (repo.path / "procedures/qp-03.md").exists()

    with_defaults(
        repo,
        "{procedure: {owner: 客服中心, approvers: [管理者代表, 总经理]}, "
        "record-form: {owner: 质量部, approvers: 管理者代表, retention: 5y, storage: 文件库}}",
    )
    path = _new(repo, "procedure", "--title", "服务投诉处理程序")
    assert "owner: 客服中心\napprovers: [管理者代表, 总经理]\n" in repo.read(path)
    # The command line wins over the defaults.
    path = _new(repo, "procedure", "--title", "顾客满意度测量程序", "--owner", "质量部")
    assert "owner: 质量部\napprovers: [管理者代表, 总经理]\n" in repo.read(path)
    form = repo.read(_new(repo, "record-form", "--title", "投诉登记表", "--procedure", "QP-03"))
    assert "retention: 5y\nstorage: 文件库\n" in form
    assert cli(repo, "check").code == 0

    # An unknown role is refused before anything is written.
    unknown = cli(repo, "--lang", "en", "new", "procedure", "--title", "采购程序", "--owner", "采购部")
    assert unknown.code == 2 and "'采购部' is neither a role nor a person" in unknown.stderr


def test_bad_defaults_are_a_config_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    with_defaults(repo, "{procedures: {owner: 质量部}}")
    result = cli(repo, "--lang", "en", "check")
    assert result.code == 1
    assert "mkdocs.yml:1: error: config: doc-control 'defaults' names unknown type 'procedures'" in result.stdout


def test_new_refuses_an_existing_id_or_title(make_repo: MakeRepo) -> None:
    repo = make_repo()
    before = sorted(p.name for p in (repo.path / "procedures").iterdir())

    same_title = cli(repo, "--lang", "en", "new", "procedure", "--title", "文件控制程序", *PEOPLE)
    assert same_title.code == 1
    assert "title '文件控制程序' is already used by QP-01 (procedures/qp-01.md)" in same_title.stderr

    same_id = cli(repo, "--lang", "en", "new", "procedure", "--title", "新的程序", "--id", "QP-02", *PEOPLE)
    assert same_id.code == 1
    assert "id QP-02 is already used by procedures/qp-02.md" in same_id.stderr

    external = cli(repo, "--lang", "en", "new", "procedure", "--title", "新的程序", "--id", "QP-09",
                   "--slug", "Bad Slug", *PEOPLE)
    assert external.code == 2 and "--slug 'Bad Slug'" in external.stderr

    assert sorted(p.name for p in (repo.path / "procedures").iterdir()) == before
    # A free id of the right form is taken as given.
    assert _new(repo, "procedure", "--title", "新的程序", "--id", "QP-09", *PEOPLE) == "procedures/qp-09.md"
