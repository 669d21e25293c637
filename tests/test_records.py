"""Records control (ARCHITECTURE.md §6): filled records stay intact for their retention; disposal is approved."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import LI, WANG, ZHANG, ZHAO, run_cli
from gitrepo import GitRepo

RECORD = "records/QR-01-01/2026-01-10-发放登记.md"
BODY = "---\ndate: {date}\nby: 张质量\ntitle: 文件发放登记\n---\n\n| 文件 | 领用人 |\n|---|---|\n| QP-01 | 赵客服 |\n"


def _with_record(make_repo: Callable[..., GitRepo], date: str = "2026-01-10") -> GitRepo:
    repo = make_repo()
    repo.write(RECORD, BODY.format(date=date))
    repo.commit("登记文件发放", ZHANG, "2026-01-10T09:00:00+08:00")
    return repo


def _errors(repo: GitRepo, *args: str) -> list[str]:
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), *args)
    assert "Traceback" not in result.output
    return [ln for ln in result.stdout.splitlines() if ": error: " in ln]


def test_a_new_record_is_fine(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    assert _errors(repo) == []


def test_modifying_a_record_within_retention_is_an_error(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    repo.write(RECORD, repo.read(RECORD).replace("赵客服", "王总"))
    sha = repo.commit("改记录", ZHAO, "2026-02-01T09:00:00+08:00")
    (line,) = _errors(repo)
    assert line.startswith(f"{RECORD}:1: error: record-modified: commit {sha[:8]} by 赵客服")
    assert "corrects" in line  # says how to correct properly


def test_renaming_a_record_within_retention_is_an_error(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    repo.git("mv", RECORD, "records/QR-01-01/renamed.md")
    sha = repo.commit("改名", ZHAO, "2026-02-01T09:00:00+08:00")
    (line,) = _errors(repo)
    assert f"record-renamed: commit {sha[:8]} by 赵客服" in line


def test_deleting_a_record_within_retention_is_an_error(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    repo.remove(RECORD)
    sha = repo.commit("删除", ZHAO, "2026-02-01T09:00:00+08:00")
    (line,) = _errors(repo)
    assert f"record-deleted: commit {sha[:8]} by 赵客服" in line and "kept until 2029-01-10" in line


def _dispose(repo: GitRepo, when: str, approver: object = LI) -> str:
    repo.branch("zhang/dispose")
    repo.remove(RECORD)
    repo.commit("销毁到期记录", ZHANG, when)
    repo.checkout("main")
    return repo.merge(
        "zhang/dispose",
        approver,
        when.replace("T09", "T15"),  # type: ignore[arg-type]
        f"销毁记录\n\nDisposed: {RECORD}",
    )


def _kept_one_month(make_repo: Callable[..., GitRepo]) -> GitRepo:
    """The record, under a form kept one month. Retention counts from the day a record
    reached main (issue 12, rule 14), so a backdated paper record cannot shorten it."""
    repo = make_repo(commit=False)
    repo.edit("records/forms/qr-01-01.md", "retention: 3y", "retention: 1m")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    repo.write(RECORD, BODY.format(date="2026-01-10"))
    repo.commit("登记文件发放", ZHANG, "2026-01-10T09:00:00+08:00")
    return repo


def test_disposal_after_retention_is_allowed(make_repo: Callable[..., GitRepo]) -> None:
    repo = _kept_one_month(make_repo)
    _dispose(repo, "2026-03-01T09:00:00+08:00")
    assert _errors(repo) == []


def test_disposal_before_retention_is_an_error(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    sha = _dispose(repo, "2026-03-01T09:00:00+08:00")
    (line,) = _errors(repo)
    assert f"record-disposed-early: commit {sha[:8]} by 李代表" in line


def test_disposal_merged_by_someone_without_authority_is_an_error(
    make_repo: Callable[..., GitRepo],
) -> None:
    repo = _kept_one_month(make_repo)
    _dispose(repo, "2026-03-01T09:00:00+08:00", approver=ZHAO)
    (line,) = _errors(repo)
    assert "record-disposal-unapproved" in line and "赵客服" in line


def test_record_under_unknown_form(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.write("records/QR-77-01/x.md", BODY.format(date="2026-01-10"))
    repo.commit("记录", ZHANG, "2026-01-10T09:00:00+08:00")
    (line,) = _errors(repo)
    assert line.startswith("records/QR-77-01/x.md:1: error: record-unknown-form: ")


def test_record_missing_fields(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.write("records/QR-01-01/x.md", "---\ntitle: 无日期\n---\n正文\n")
    repo.commit("记录", ZHANG, "2026-01-10T09:00:00+08:00")
    lines = _errors(repo)
    assert any("record-missing-field" in ln and "'date:'" in ln for ln in lines)
    assert any("record-missing-field" in ln and "'by:'" in ln for ln in lines)


def test_binary_record_needs_a_sidecar(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.write("records/QR-01-01/scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    repo.commit("扫描件", ZHANG, "2026-01-10T09:00:00+08:00")
    (line,) = _errors(repo)
    assert line.startswith("records/QR-01-01/scan.pdf:1: error: record-no-sidecar: ")
    repo.write("records/QR-01-01/scan.pdf.yml", "date: 2026-01-10\nby: 张质量\n")
    repo.commit("补充说明文件", ZHANG, "2026-01-11T09:00:00+08:00")
    assert _errors(repo) == []
    listed = json.loads(run_cli("--lang", "en", "records", "--repo", str(repo.path), "--format", "json").stdout)
    assert [r["path"] for r in listed["records"]] == ["records/QR-01-01/scan.pdf"]
    # Editing the sidecar is editing the record.
    repo.write("records/QR-01-01/scan.pdf.yml", "date: 2026-01-09\nby: 张质量\n")
    repo.commit("改日期", ZHAO, "2026-02-01T09:00:00+08:00")
    assert any("record-modified" in ln for ln in _errors(repo))


def test_due_records_depend_on_the_date(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)  # QR-01-01 keeps records 3 years

    def due(as_of: str) -> list[dict[str, object]]:
        out = run_cli(
            "records", "--due", "--format", "json", "--repo", str(repo.path), "--as-of", as_of
        )
        assert out.code == 0, out.output
        return json.loads(out.stdout)["records"]  # type: ignore[no-any-return]

    assert due("2028-12-31") == []
    (row,) = due("2029-01-11")
    assert row["path"] == RECORD and row["retained_until"] == "2029-01-10"
    assert "Disposed: " + RECORD in str(row["dispose"]) and "李代表" in str(row["dispose"])


def test_json_lists_every_record(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    data = json.loads(run_cli("--lang", "en", "records", "--format", "json", "--repo", str(repo.path)).stdout)
    assert data["records"] == [
        {
            "path": RECORD,
            "form": "QR-01-01",
            "date": "2026-01-10",
            "by": "张质量",
            "title": "文件发放登记",
            "retained_until": "2029-01-10",
            "due": False,
            "corrects": None,
            "dispose": None,
        }
    ]


def test_a_correction_references_the_record_it_corrects(make_repo: Callable[..., GitRepo]) -> None:
    repo = _with_record(make_repo)
    repo.write(
        "records/QR-01-01/2026-01-12-更正.md",
        "---\ndate: 2026-01-12\nby: 张质量\ncorrects: 2026-01-10-发放登记.md\n---\n更正领用人。\n",
    )
    repo.write(
        "records/QR-01-01/2026-01-13-错误更正.md",
        "---\ndate: 2026-01-13\nby: 张质量\ncorrects: nothing.md\n---\n",
    )
    repo.commit("更正", ZHANG, "2026-01-12T09:00:00+08:00")
    (line,) = _errors(repo)
    assert "record-corrects" in line and "错误更正" in line


def test_stale_external_documents_warn(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()  # EXT-01 checked 2026-09-01
    fresh = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2027-08-01")
    assert "external-stale" not in fresh.stdout
    stale = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2027-09-02")
    assert stale.code == 0  # a warning, not an error
    assert "records/external.yml:2: warning: external-stale: EXT-01" in stale.stdout


def test_record_register_page(make_repo: Callable[..., GitRepo], tmp_path: Path) -> None:
    repo = _with_record(make_repo)
    site = tmp_path / "site"
    assert run_cli("--lang", "en", "build", "--repo", str(repo.path), "-d", str(site)).code == 0
    html = (site / "records-register" / "index.html").read_text("utf-8")
    row = html[html.index('data-form="QR-01-01"') :]
    row = row[: row.index("</tr>")]
    assert "3 年" in row and "质量部档案室" in row and ">1</td>" in row and "2026-01-10" in row
