"""``doccontrol demo``: the sample organisation with a realistic year of history.

Copies the embedded sample organisation into a scratch repository, replays a year
of document control through git (owners' pull requests merged by approvers, a
squash merge with Approved-by, a review sign-off (审核) for a document that names
reviewers, a roles change, a withdrawal with its replacement, a re-issue, a
recorded periodic review, a revision approved now but effective next month, one
unapproved direct commit, and the quality department's typography clean-up of
documents first typed with ASCII punctuation), then builds the site. This is shell
code: it writes
history, so it runs git (through GitPython) to make commits.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import git

from doccontrol.model.errors import UsageError
from doccontrol.model.messages import msg
from doccontrol.sources.typography import FULL_WIDTH, fix_typography

MARKER = ".doccontrol-demo"
SIGNING_DIR = ".signing"  # the demo's signing key: made on the first run, kept by later ones
SAMPLE_PARTS = ("mkdocs.yml", "docs", "manual", "procedures", "records")
TZ = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Person:
    name: str
    email: str


WANG = Person("王建国", "wangjianguo@hengxin-service.example")  # 总经理 (top)
LI = Person("李敏", "limin@hengxin-service.example")  # 管理者代表
CHEN = Person("陈静", "chenjing@hengxin-service.example")  # 质量部
ZHANG = Person("张伟", "zhangwei@hengxin-service.example")  # 客服中心
LIU = Person("刘洋", "liuyang@hengxin-service.example")  # 技术服务部
SUN = Person("孙丽", "sunli@hengxin-service.example")  # 行政人事部


def sample_root() -> Path:
    """The sample organisation shipped with doccontrol: package data, else the repository."""
    packaged = Path(__file__).resolve().parents[1] / "sample"
    if all((packaged / part).exists() for part in SAMPLE_PARTS):
        return packaged
    root = Path(__file__).resolve().parents[3]
    if not all((root / part).exists() for part in SAMPLE_PARTS):
        raise UsageError(
            msg("demo.no-sample", root=str(root))
        )
    return root


class _Writer:
    """Makes commits with chosen authors, committers and dates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Who signs their approvals, and with which private key (the demo's one signer).
        self.signing: dict[str, Path] = {}
        self.repo = git.Repo.init(path, initial_branch="main")
        self.repo.git.set_persistent_git_options(no_replace_objects=True)
        self.repo.git.update_environment(GIT_NO_REPLACE_OBJECTS="1")
        with self.repo.config_writer() as cfg:
            cfg.set_value("user", "name", "doccontrol demo")
            cfg.set_value("user", "email", "demo@hengxin-service.example")
            cfg.set_value("commit", "gpgsign", "false")
            cfg.set_value("tag", "gpgsign", "false")

    @staticmethod
    def env(author: Person, when: datetime, committer: Person | None = None) -> dict[str, str]:
        committer = committer or author
        stamp = when.isoformat()
        return {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_NAME": committer.name,
            "GIT_COMMITTER_EMAIL": committer.email,
            "GIT_COMMITTER_DATE": stamp,
        }

    def edit(self, rel: str, change: Callable[[str], str]) -> None:
        target = self.path / rel
        target.write_text(change(target.read_text("utf-8")), "utf-8")

    def commit(self, message: str, author: Person, when: datetime,
               committer: Person | None = None, allow_empty: bool = False) -> None:
        self.repo.git.add("-A")
        args = ["-q", "-m", message] + (["--allow-empty"] if allow_empty else [])
        signing = self.signer(committer or author)
        env = {**self.env(author, when, committer), **signing}
        self.repo.git.commit(*args, *(["-S"] if signing else []), env=env)

    def signer(self, who: Person) -> dict[str, str]:
        """git config (as environment) that signs with ``who``'s demo SSH key, if they have one."""
        key = self.signing.get(who.email)
        if key is None:
            return {}
        return {
            "GIT_CONFIG_COUNT": "2",
            "GIT_CONFIG_KEY_0": "gpg.format",
            "GIT_CONFIG_VALUE_0": "ssh",
            "GIT_CONFIG_KEY_1": "user.signingkey",
            "GIT_CONFIG_VALUE_1": str(key),
        }

    def demo_key(self, who: Person) -> str:
        """An SSH signing key for ``who``, made now and kept beside the demo's edition key
        (never committed); returns its public key line, labelled as a demo key."""
        folder = self.path / SIGNING_DIR
        folder.mkdir(parents=True, exist_ok=True)
        private = folder / f"demo-approval-key-{who.email.split('@')[0]}"
        if not private.exists():
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(private),
                 "-C", f"DEMO KEY for {who.email}, made by doccontrol demo; not for real use"],
                check=True, capture_output=True,
            )
        self.signing[who.email] = private
        return Path(f"{private}.pub").read_text("utf-8").strip()

    def branch(self, name: str) -> None:
        self.repo.git.checkout("-q", "-b", name, "main")

    def merge(self, branch: str, approver: Person, when: datetime, message: str) -> None:
        self.repo.git.checkout("-q", "main")
        signing = self.signer(approver)
        env = {**self.env(approver, when), **signing}
        self.repo.git.merge("-q", "--no-ff", *(["-S"] if signing else []), "-m", message, branch,
                            env=env)

    def squash(self, branch: str, author: Person, approver: Person, when: datetime, message: str) -> None:
        self.repo.git.checkout("-q", "main")
        self.repo.git.merge("-q", "--squash", branch)
        self.commit(message, author, when, committer=approver)

    def tag(self, name: str, who: Person, when: datetime, message: str) -> None:
        self.repo.git.tag("-a", name, "-m", message, env=self.env(who, when))


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), TZ)


def _append(text: str) -> Callable[[str], str]:
    return lambda old: old.rstrip("\n") + "\n\n" + text.strip("\n") + "\n"


def _set_field(key: str, value: str) -> Callable[[str], str]:
    """Add or replace one front-matter field."""

    def change(old: str) -> str:
        head, sep, rest = old[3:].partition("\n---")
        lines = [ln for ln in head.split("\n") if not ln.startswith(f"{key}:")]
        lines.insert(len(lines) - 1 if lines and not lines[-1] else len(lines), f"{key}: {value}")
        return "---" + "\n".join(lines) + sep + rest

    return change


# The quality department's documents, as first typed on an ASCII keyboard, and cleaned
# up by an approved change with `doccontrol fix --typography`.
TYPED_IN_ASCII = (
    "procedures/qp-02-record-control.md",
    "procedures/qp-05-service-design.md",
    "procedures/qp-09-internal-audit.md",
    "procedures/qp-10-data-analysis.md",
    "procedures/qp-12-corrective-preventive-action.md",
    "procedures/qp-13-management-review.md",
    "manual/control-spec.md",
)
_TO_ASCII = str.maketrans({wide: ascii for ascii, wide in FULL_WIDTH.items() if ascii in ",;:()"})


def as_typed_in_ascii(text: str) -> str:
    """The text with ``，；：（）`` typed as ASCII marks wherever ``fix --typography`` turns
    them back into exactly this text (never in front matter, code or ``（A/1）``)."""
    lines = text.split("\n")
    typed = [line.translate(_TO_ASCII) for line in lines]
    fixed, _ = fix_typography("\n".join(typed))
    return "\n".join(
        t if f == line else line for line, t, f in zip(lines, typed, fixed.split("\n"), strict=True)
    )


def _fix_typography(old: str) -> str:
    return fix_typography(old)[0]


RETURN_VISIT = """---
id: QP-14
title: 售后回访管理程序
type: procedure
owner: 客服中心
approvers: [管理者代表]
clauses: ["4.4.4"]
references: [QP-08]
---

# 售后回访管理程序

## 1 目的

规范服务完成后的电话回访，及时发现顾客不满意并启动补救。

## 2 范围

适用于客服中心对安装、维修和保养服务的回访。

## 3 职责

客服中心负责回访的实施和记录；质量部负责回访数据的汇总分析。

## 4 工作程序

4.1 服务完成后 48 小时内，客服专员按工单逐一电话回访。

4.2 回访内容：上门是否准时、服务工程师是否规范作业、故障是否排除、收费是否与告知一致。

4.3 顾客表示不满意的，当日转入投诉处理流程。

## 5 相关文件

[[QP-08]] 顾客满意度测评程序
"""


SUPERSEDED_EXTERNAL = """  - id: EXT-09
    title: 管理体系审核指南
    number: GB/T 19011-2013
    version: 2013-12-31
    source: 国家质量监督检验检疫总局、国家标准化管理委员会
    holder: 质量部
    checked: 2026-09-15
    status: superseded
"""


OLD_RECORD_DATE = "2024-03-08"
OLD_RECORD = f"""---
date: {OLD_RECORD_DATE}
by: 张伟
title: 上门服务确认单 HX20240308009（纸质档案扫描录入）
---

# 上门服务确认单 HX20240308009

| 项目 | 内容 |
|---|---|
| 服务类型 | 维修（洗衣机不脱水） |
| 到达时间 | 2024-03-08 14:20 |
| 处理结果 | 更换排水泵，试机正常 |
| 收费 | 配件费 85 元，人工费 50 元 |
| 顾客签字 | 已签字（纸质原件） |
"""


def build_history(path: Path, today: date) -> None:
    """Write the sample organisation into ``path`` with a year of history ending before ``today``."""
    w = _Writer(path)
    start = today - timedelta(days=330)

    # Adoption: the paper-approved system goes into git and the general manager tags it,
    # with an old service confirmation scanned in from the paper archive.
    (path / "procedures" / "qp-14-return-visit.md").write_text(RETURN_VISIT, "utf-8")
    old_record = f"records/QR-06-01/{OLD_RECORD_DATE}-HX20240308009.md"
    (path / old_record).parent.mkdir(parents=True, exist_ok=True)
    (path / old_record).write_text(OLD_RECORD, "utf-8")
    w.edit("procedures/wi-02-phone-reception.md", _set_field("review", "6"))
    # The document control procedure asks for a review (审核) by the call centre.
    w.edit("procedures/qp-01-document-control.md", _set_field("reviewers", "[客服中心]"))
    # An external standard the issuer has replaced, kept on the list as 已替代.
    w.edit("records/external.yml", _append(SUPERSEDED_EXTERNAL))
    for rel in TYPED_IN_ASCII:
        w.edit(rel, as_typed_in_ascii)
    # One approver signs approvals with an SSH key made now (a demo key); the config
    # warns about every approval that is not signed (signatures: warn).
    public = w.demo_key(LI)
    w.edit("manual/roles.yml", lambda old: old.replace(
        "    emails: [limin@hengxin-service.example]\n",
        f"    emails: [limin@hengxin-service.example]\n    signing_keys: ['{public}']\n"))
    w.edit("mkdocs.yml", lambda old: old.replace(
        "  - doc-control:\n", "  - doc-control:\n      signatures: warn\n", 1))
    w.commit("导入经纸质审批的体系文件", CHEN, _at(start, 9))
    w.tag("doccontrol/baseline", WANG, _at(start, 17), "纸质版体系文件（A/0）转入 git 管理")

    # 1. An owner's branch, co-authored, merged by the management representative.
    w.branch("chenjing/qp-01-pull-requests")
    w.edit("procedures/qp-01-document-control.md", _append(
        "### 补充说明：拉取请求评审\n\n"
        "修改文件时，编制人在拉取请求中写明修改原因和影响范围；批准人合并即为批准，"
        "批准人不得合并本人编制的修改。"))
    w.commit("QP-01 明确拉取请求评审要求\n\nCo-authored-by: 吴涛 <wutao@hengxin-service.example>",
             CHEN, _at(start + timedelta(days=33)))
    # The reviewer's own sign-off commit on the branch, after the last change.
    w.commit(f"审核 QP-01\n\nReviewed-by: {ZHANG.name} <{ZHANG.email}>", ZHANG,
             _at(start + timedelta(days=34), 16), allow_empty=True)
    w.merge("chenjing/qp-01-pull-requests", LI, _at(start + timedelta(days=35), 15),
            "Merge pull request #1 from chenjing/qp-01-pull-requests\n\n文件控制程序：明确拉取请求评审要求")

    # 2. A squash merge that carries Approved-by, committed by the approver.
    w.branch("zhangwei/ss-01-pledge")
    w.edit("manual/service-spec.md", _append(
        "### 服务公约补充\n\n城区报修 24 小时内上门，郊县 48 小时内上门；超时未上门的，免收本次上门费。"))
    w.commit("服务公约补充上门时限", ZHANG, _at(start + timedelta(days=68)))
    w.squash("zhangwei/ss-01-pledge", ZHANG, LI, _at(start + timedelta(days=70), 11),
             f"服务规范：补充服务公约上门时限 (#2)\n\nApproved-by: {LI.name} <{LI.email}>")

    # 2a. The typography clean-up: `check` warned (typography) about the ASCII marks in
    # Chinese text since adoption; the quality department runs `doccontrol fix
    # --typography` on its documents and the management representative approves it.
    w.branch("chenjing/typography")
    for rel in TYPED_IN_ASCII:
        w.edit(rel, _fix_typography)
    w.commit("统一中文标点：doccontrol fix --typography", CHEN, _at(start + timedelta(days=88)))
    w.merge("chenjing/typography", LI, _at(start + timedelta(days=90), 10),
            "Merge pull request #9 from chenjing/typography\n\n"
            "质量部文件统一使用全角标点（doccontrol fix --typography）")

    # 3. A roles change (a new hire in the call centre), approved by the top role.
    w.branch("sunli/roles-new-hire")
    w.edit("manual/roles.yml", lambda old: old.replace(
        "roles:",
        "  - name: 何晓\n    emails: [hexiao@hengxin-service.example]\n    handles: [hexiao]\nroles:",
        1).replace("客服中心: [张伟]", "客服中心: [张伟, 何晓]"))
    w.commit("客服中心新增人员何晓", SUN, _at(start + timedelta(days=108)))
    w.merge("sunli/roles-new-hire", WANG, _at(start + timedelta(days=110), 16),
            "Merge pull request #3 from sunli/roles-new-hire\n\n职责权限：何晓加入客服中心")

    # 4. A procedure withdrawn: QP-14 is folded into QP-08, which replaces it.
    w.branch("zhangwei/withdraw-qp-14")
    w.edit("procedures/qp-14-return-visit.md", _set_field("status", "withdrawn"))
    w.edit("procedures/qp-14-return-visit.md", _set_field("replaced_by", "QP-08"))
    w.edit("procedures/qp-08-customer-satisfaction.md", _append(
        "### 服务回访\n\n服务完成后 48 小时内由客服中心电话回访；回访结果计入当月满意度统计"
        "（原《售后回访管理程序》QP-14 的要求并入本程序）。"))
    w.commit("QP-14 并入 QP-08", ZHANG, _at(start + timedelta(days=148)))
    w.merge("zhangwei/withdraw-qp-14", LI, _at(start + timedelta(days=150), 14),
            "Merge pull request #4 from zhangwei/withdraw-qp-14\n\n售后回访管理程序作废，要求并入顾客满意度测评程序")

    # 5. A re-issue: the service provision procedure is rewritten as edition B.
    w.branch("liuyang/qp-06-edition-b")
    w.edit("procedures/qp-06-service-provision.md", _set_field("edition", "B"))
    w.edit("procedures/qp-06-service-provision.md", _append(
        "### 换版说明\n\nB 版整合了历次修改，新增远程诊断和预约上门两种服务方式的控制要求。"))
    w.commit("QP-06 换版为 B 版", LIU, _at(start + timedelta(days=198)))
    w.merge("liuyang/qp-06-edition-b", LI, _at(start + timedelta(days=200), 10),
            "Merge pull request #5 from liuyang/qp-06-edition-b\n\n服务提供控制程序换版（B 版）")

    # 6. A periodic review that changes nothing, recorded by the approver's merge.
    w.branch("chenjing/review-qp-03")
    w.commit("QP-03 年度评审：内容适宜，无需修改", CHEN, _at(start + timedelta(days=238)),
             allow_empty=True)
    w.merge("chenjing/review-qp-03", LI, _at(start + timedelta(days=240), 11),
            "Merge pull request #6 from chenjing/review-qp-03\n\nQP-03 年度评审\n\nReviewed: QP-03")

    # 7. A record past its two-year retention is disposed of by an approved change.
    w.branch("chenjing/dispose-2024-confirmations")
    w.repo.git.rm("-q", old_record)
    w.commit("销毁超过保存期限的上门服务确认单", CHEN, _at(start + timedelta(days=258)))
    w.merge("chenjing/dispose-2024-confirmations", LI, _at(start + timedelta(days=260), 16),
            "Merge pull request #8 from chenjing/dispose-2024-confirmations\n\n"
            f"销毁 2024 年 3 月上门服务确认单（保存期满 2 年）\n\nDisposed: {old_record}")

    # 8. Approved now, effective next month.
    w.branch("zhangwei/qp-11-escalation")
    effective = today + timedelta(days=20)
    w.edit("procedures/qp-11-complaints-remedy.md", _set_field("effective", effective.isoformat()))
    w.edit("procedures/qp-11-complaints-remedy.md", _append(
        "### 夜间投诉受理\n\n自实施之日起，客服中心 22:00 至次日 8:00 的投诉由值班主管受理，"
        "次日 10:00 前完成首次回复。"))
    w.commit("QP-11 增加夜间投诉受理", ZHANG, _at(today - timedelta(days=13)))
    w.merge("zhangwei/qp-11-escalation", LI, _at(today - timedelta(days=12), 15),
            "Merge pull request #7 from zhangwei/qp-11-escalation\n\n投诉处理程序：增加夜间投诉受理（下月实施）")

    # 9. An unapproved direct commit to main: the site keeps the approved text.
    w.repo.git.checkout("-q", "main")
    w.edit("procedures/qp-04-customer-requirements.md", _append(
        "### 临时说明\n\n（未经批准的直接修改）电话受理时增加询问顾客的微信号。"))
    w.commit("直接修改 QP-04", ZHANG, _at(today - timedelta(days=4), 18))

    for branch in [b for b in w.repo.branches if b.name != "main"]:
        w.repo.delete_head(branch, force=True)


def prepare(target: Path) -> None:
    """Empty ``target`` for a new demo; refuse to touch a folder that is not a demo."""
    if target.exists() and any(target.iterdir()):
        if not (target / MARKER).exists():
            raise UsageError(
                msg("demo.not-a-demo", target=str(target)),
                str(target),
            )
        for child in target.iterdir():
            if child.name == SIGNING_DIR:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    target.mkdir(parents=True, exist_ok=True)
    source = sample_root()
    for part in SAMPLE_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("site", "__pycache__"))
        else:
            shutil.copy2(src, target / part)
    (target / ".gitignore").write_text(
        f"site/\n{MARKER}\n{SIGNING_DIR}/\n.doccontrol-cache/\n", "utf-8"
    )
    (target / MARKER).write_text("made by doccontrol demo; safe to delete\n", "utf-8")
