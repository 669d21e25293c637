"""Issue 12, rule 16: the shipped CI definitions hold the edition signing key and the right to
push tags, so they are held to a supply-chain standard. zizmor and the forges' published schemas
audit them; the checks below name, per problem, what would let the key or a token leak, and each
attack test reintroduces one such problem into the shipped text and expects exactly its code."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

GITHUB_WORKFLOW = ROOT / ".github/workflows/doccontrol.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
# The one job that signs and pushes the edition tag, on both forges.
RELEASE_JOB = "edition"
RELEASE_ENVIRONMENT = "release"
GITLAB_KEYWORDS = {"stages", "variables", "workflow", "default", "include", "image", "services", "cache"}
# What only the release job may see on GitLab (CI/CD variables, protected and scoped to `release`).
GITLAB_RELEASE_SECRETS = re.compile(r"DOCCONTROL_SIGNING_KEY|DOCCONTROL_SIGNING_PASSWORD|DOCCONTROL_RELEASE_TOKEN")
PROTECTED_REF = '$CI_COMMIT_REF_PROTECTED == "true"'

USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s+v\d+\.\d+\.\d+\s*$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def _tool(name: str) -> str:
    """The tool installed beside this interpreter (the test extras), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def zizmor(workflow: Path) -> list[dict[str, Any]]:
    """zizmor's findings on one workflow: offline, the auditor persona (the widest), and no
    `# zizmor: ignore` comment honoured, so nothing in the file can hide a finding."""
    proc = subprocess.run(
        [_tool("zizmor"), "--offline", "--persona", "auditor", "--no-ignores", "--format", "json",
         str(workflow)],
        capture_output=True, text=True, check=False,
    )
    # 0: nothing found; 10-14: findings by highest severity; anything else: zizmor failed.
    assert proc.returncode == 0 or 10 <= proc.returncode <= 14, proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)
    return findings


def serious(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(f["ident"], f["determinations"]["severity"]) for f in findings
            if f["determinations"]["severity"] in ("High", "Medium")]


def schema_check(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, check=False,
    )


# --- GitHub -------------------------------------------------------------------------------------


def _expressions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _expressions(key)
            yield from _expressions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _expressions(item)
    elif isinstance(node, str):
        yield from (m.group(1) for m in EXPRESSION.finditer(node))


def _reads_secrets(node: Any) -> bool:
    return any(re.search(r"\bsecrets\b", expr) for expr in _expressions(node))


def github_problems(text: str) -> set[str]:
    """What in a GitHub workflow would let the signing key or a write token leak, as
    ``code: where`` strings; empty when the workflow meets rule 16."""
    problems: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        match = USES_LINE.match(line)
        if not match or match["ref"].startswith("./"):
            continue
        if not PINNED.match(match["ref"]):
            problems.add(f"unpinned-action: line {number}: {match['ref']}")
        elif not VERSION_COMMENT.match(match["rest"]):
            problems.add(f"pin-without-version: line {number}: {match['ref']}")
    data = yaml.safe_load(text)
    if data.get("permissions") != {}:
        problems.add("workflow-permissions: the top level must grant nothing (permissions: {})")
    if _reads_secrets({k: v for k, v in data.items() if k != "jobs"}):
        problems.add("secret-outside-release: workflow level")
    for name, job in data["jobs"].items():
        granted = job.get("permissions")
        if not isinstance(granted, dict):
            problems.add(f"job-permissions: {name}: no explicit permissions map")
        elif any(v == "write" for k, v in granted.items() if k != "pull-requests") and name != RELEASE_JOB:
            problems.add(f"job-permissions: {name}: write access outside the release job")
        if name == RELEASE_JOB:
            environment = job.get("environment")
            env_name = environment.get("name") if isinstance(environment, dict) else environment
            if env_name != RELEASE_ENVIRONMENT:
                problems.add(f"release-without-environment: {name}")
        elif _reads_secrets(job):
            problems.add(f"secret-outside-release: {name}")
        for index, step in enumerate(job.get("steps", [])):
            uses = step.get("uses", "")
            options = step.get("with") or {}
            if uses.startswith("actions/checkout@") and options.get("persist-credentials") is not False:
                problems.add(f"persisted-credentials: {name}.steps[{index}]")
            if uses.startswith("actions/cache") or "cache" in options:
                problems.add(f"dependency-cache: {name}.steps[{index}]")
    return problems


def _codes(problems: set[str]) -> set[str]:
    return {p.split(":", 1)[0] for p in problems}


def test_zizmor_finds_nothing_high_or_medium_in_the_github_workflow() -> None:
    findings = zizmor(GITHUB_WORKFLOW)
    assert serious(findings) == [], [(f["ident"], f["desc"]) for f in findings]


@pytest.mark.parametrize(("schema", "path"), [
    ("vendor.github-workflows", GITHUB_WORKFLOW),
    ("vendor.gitlab-ci", GITLAB_CI),
])
def test_shipped_definitions_validate_against_the_forge_schema(schema: str, path: Path) -> None:
    proc = schema_check(schema, path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def test_the_shipped_github_workflow_meets_rule_16() -> None:
    text = GITHUB_WORKFLOW.read_text("utf-8")
    assert github_problems(text) == set()
    data = yaml.safe_load(text)
    # Only the release job reads a secret, and it reads the signing key from the environment.
    edition = data["jobs"][RELEASE_JOB]
    assert edition["environment"] == RELEASE_ENVIRONMENT
    assert "secrets.DOCCONTROL_SIGNING_KEY_P12" in json.dumps(edition)
    uses = [s["uses"] for job in data["jobs"].values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in uses} == {"actions/checkout", "actions/setup-python",
                                               "actions/upload-artifact"}


PIN_CHECKOUT = "actions/checkout@34e114876b0b11c390a56381ad16ebd13914f8d5 # v4.3.1"
PIN_PYTHON = "actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0"
RELEASE_STEPS = '      - name: CJK fonts and WeasyPrint\'s libraries\n'

# (old text, new text, the code our checks must report, zizmor's audit that agrees or None)
GITHUB_ATTACKS = {
    "tag instead of a commit": (PIN_CHECKOUT, "actions/checkout@v4", "unpinned-action", "unpinned-uses"),
    "short commit": (PIN_PYTHON, "actions/setup-python@a26af69 # v5.6.0", "unpinned-action", "unpinned-uses"),
    "a pin without its version": (PIN_PYTHON, PIN_PYTHON.split(" #")[0], "pin-without-version", None),
    "credentials left in .git/config": ("          persist-credentials: false\n", "", "persisted-credentials",
                                        "artipacked"),
    "persist-credentials true": ("          persist-credentials: false\n",
                                 "          persist-credentials: true\n", "persisted-credentials", "artipacked"),
    "pip cache in the release job": (
        '          python-version: "3.12"\n' + RELEASE_STEPS,
        '          python-version: "3.12"\n          cache: pip\n' + RELEASE_STEPS,
        "dependency-cache", "cache-poisoning"),
    "signing key outside the release job": (
        "        run: doccontrol check --format github --print\n",
        "        run: doccontrol check --format github --print\n"
        "        env:\n          KEY: ${{ secrets.DOCCONTROL_SIGNING_KEY_P12 }}\n",
        "secret-outside-release", "secrets-outside-env"),
    "signing key at workflow level": (
        'env:\n  NO_MKDOCS_2_WARNING: "1"\n',
        'env:\n  NO_MKDOCS_2_WARNING: "1"\n  KEY: ${{ secrets.DOCCONTROL_SIGNING_KEY_P12 }}\n',
        "secret-outside-release", None),
    "release job without its environment": ("    environment: release\n", "", "release-without-environment",
                                            "secrets-outside-env"),
    "workflow-wide token permissions": ("permissions: {}\n", "permissions:\n  contents: write\n",
                                        "workflow-permissions", None),
    "a job without a permissions map": (
        "    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n",
        "    runs-on: ubuntu-latest\n    steps:\n", "job-permissions", None),
}


@pytest.mark.parametrize("attack", sorted(GITHUB_ATTACKS))
def test_github_attack_is_reported(attack: str, tmp_path: Path) -> None:
    old, new, code, zizmor_audit = GITHUB_ATTACKS[attack]
    text = GITHUB_WORKFLOW.read_text("utf-8")
    assert old in text, f"the attack no longer applies to the shipped workflow: {old!r}"
    mutated = text.replace(old, new, 1)
    assert _codes(github_problems(mutated)) == {code}, github_problems(mutated)
    if zizmor_audit is not None:
        workflow = tmp_path / ".github/workflows/doccontrol.yml"
        workflow.parent.mkdir(parents=True)
        workflow.write_text(mutated, "utf-8")
        assert zizmor_audit in {ident for ident, _ in serious(zizmor(workflow))}


def test_the_github_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "doccontrol.yml"
    broken.write_text(GITHUB_WORKFLOW.read_text("utf-8").replace("    runs-on: ubuntu-latest\n", "", 1), "utf-8")
    assert schema_check("vendor.github-workflows", broken).returncode == 1


# --- GitLab -------------------------------------------------------------------------------------


def gitlab_problems(text: str) -> set[str]:
    """What in a GitLab CI definition would let the signing key or the release token leak, as
    ``code: where`` strings; empty when the definition meets rule 16."""
    problems: set[str] = set()
    data = yaml.safe_load(text)
    jobs = {k: v for k, v in data.items() if k not in GITLAB_KEYWORDS and not k.startswith(".")}
    if "cache" in data or "cache" in (data.get("default") or {}):
        problems.add("dependency-cache: default (reaches the release job)")
    for name, job in jobs.items():
        if job.get("cache"):
            problems.add(f"dependency-cache: {name}")
    shared = {k: data.get(k) for k in ("variables", "default")}
    if GITLAB_RELEASE_SECRETS.search(yaml.safe_dump(shared)):
        problems.add("secret-outside-release: variables or default")
    for name, job in jobs.items():
        if name != RELEASE_JOB and GITLAB_RELEASE_SECRETS.search(yaml.safe_dump(job)):
            problems.add(f"secret-outside-release: {name}")
    release = jobs[RELEASE_JOB]
    environment = release.get("environment")
    if not isinstance(environment, dict) or environment.get("name") != RELEASE_ENVIRONMENT \
            or environment.get("deployment_tier") != "production":
        problems.add(f"release-without-environment: {RELEASE_JOB}")
    rules = release.get("rules")
    if not rules or any(rule.get("when") != "never" and PROTECTED_REF not in rule.get("if", "")
                        for rule in rules):
        problems.add(f"release-on-unprotected-ref: {RELEASE_JOB}")
    return problems


def test_the_shipped_gitlab_ci_meets_rule_16() -> None:
    text = GITLAB_CI.read_text("utf-8")
    assert gitlab_problems(text) == set()
    script = "\n".join(yaml.safe_load(text)[RELEASE_JOB]["script"])
    assert "DOCCONTROL_RELEASE_TOKEN" in script and "DOCCONTROL_API_TOKEN" not in script


GITLAB_ATTACKS = {
    "a default cache": ("  before_script:\n",
                        "  cache:\n    paths:\n      - .cache/pip\n  before_script:\n", "dependency-cache"),
    "a cache in the release job": ("  environment:\n    name: release\n",
                                   "  cache:\n    paths:\n      - .cache/pip\n  environment:\n    name: release\n",
                                   "dependency-cache"),
    "the release token in the status job": (
        '"PRIVATE-TOKEN": os.environ["DOCCONTROL_API_TOKEN"]',
        '"PRIVATE-TOKEN": os.environ["DOCCONTROL_RELEASE_TOKEN"]', "secret-outside-release"),
    "the key password written into the file": (
        '  NO_MKDOCS_2_WARNING: "1"\n', '  NO_MKDOCS_2_WARNING: "1"\n  DOCCONTROL_SIGNING_PASSWORD: "hunter2"\n',
        "secret-outside-release"),
    "release job without its environment": ("  environment:\n    name: release\n    deployment_tier: production\n",
                                            "", "release-without-environment"),
    "release on any edition tag": (f"    - if: {PROTECTED_REF} && $CI_COMMIT_TAG", "    - if: $CI_COMMIT_TAG",
                                   "release-on-unprotected-ref"),
    "release on every pipeline": (f"    - if: {PROTECTED_REF} && $CI_COMMIT_TAG =~ /^edition\\//\n",
                                  "    - when: always\n", "release-on-unprotected-ref"),
}


@pytest.mark.parametrize("attack", sorted(GITLAB_ATTACKS))
def test_gitlab_attack_is_reported(attack: str) -> None:
    old, new, code = GITLAB_ATTACKS[attack]
    text = GITLAB_CI.read_text("utf-8")
    assert old in text, f"the attack no longer applies to the shipped definition: {old!r}"
    mutated = text.replace(old, new, 1)
    assert _codes(gitlab_problems(mutated)) == {code}, gitlab_problems(mutated)


def test_the_gitlab_schema_check_rejects_a_broken_definition(tmp_path: Path) -> None:
    broken = tmp_path / ".gitlab-ci.yml"
    # An environment without its name: the schema requires one.
    broken.write_text(GITLAB_CI.read_text("utf-8").replace("    name: release\n", "", 1), "utf-8")
    assert schema_check("vendor.gitlab-ci", broken).returncode == 1
