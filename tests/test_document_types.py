"""Document types from the ``types:`` option (issue 14, item 4): data, not an enum.

The parser is tested on mkdocs.yml texts, each mistake at its line; a real
repository then shows that a type an organisation adds is read, numbered,
registered and put into the site's navigation under its own label.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from conftest import WANG, ZHANG, run_cli, run_mkdocs
from doccontrol.model.documents import DEFAULT_TYPES
from doccontrol.model.errors import ConfigError
from doccontrol.sources.config import parse_mkdocs_yml
from gitrepo import GitRepo

MakeRepo = Callable[..., GitRepo]

HEAD = """site_name: Test
theme:
  name: material
  language: en
plugins:
  - search
  - doc-control:
      types:
"""

TYPES = """        manual:
          label: {en: Quality manual, zh: 质量手册}
          prefix: QM
          level: 1
        procedure:
          label: {en: Procedures, zh: 程序文件}
          prefix: QP
          level: 2
          procedure: true
        sop:
          label: {en: Standard operating procedures, zh: 标准作业程序}
          prefix: SOP
          level: 2
          procedure: true
        policy:
          label: Policies
          prefix: POL
          level: 0
        record-form:
          label: {en: Forms, zh: 表单}
          prefix: QR
          level: 5
          record_form: true
"""


def test_the_seven_default_types_keep_their_prefixes_levels_and_labels() -> None:
    config = parse_mkdocs_yml("site_name: t\nplugins:\n  - doc-control\n", "t").config
    assert config.types == DEFAULT_TYPES
    assert [(t.key, t.prefix, t.level) for t in config.types.types] == [
        ("manual", "SM", 1), ("service-spec", "SS", 1), ("provision-spec", "SP", 1),
        ("control-spec", "SC", 1), ("procedure", "QP", 2), ("instruction", "WI", 3),
        ("record-form", "QR", 4),
    ]
    procedure = config.types.get("procedure")
    assert procedure is not None and procedure.label("zh") == "程序文件"
    assert procedure.label("en-GB") == "Procedures" and procedure.procedure
    assert config.types.record_form_prefixes == frozenset({"QR"})
    first_level = config.types.levels()[0]
    assert [t.key for t in first_level] == ["manual", "service-spec", "provision-spec", "control-spec"]


def test_types_define_keys_labels_prefixes_levels_and_kinds() -> None:
    text = HEAD.replace("level: 0", "level: 3") + TYPES.replace("level: 0", "level: 3")
    config = parse_mkdocs_yml(text, "t").config
    types = config.types
    assert types.keys == ("manual", "procedure", "sop", "policy", "record-form")
    sop = types.get("sop")
    assert sop is not None
    assert (sop.prefix, sop.level, sop.procedure, sop.record_form) == ("SOP", 2, True, False)
    assert sop.label("en") == "Standard operating procedures" and sop.label("zh") == "标准作业程序"
    assert sop.line == 18  # where mkdocs.yml defines it
    policy = types.get("policy")
    assert policy is not None and policy.label("zh") == policy.label("en") == "Policies"
    assert types.by_prefix("SOP") == sop and config.type_for_prefix("POL") == policy
    assert [[t.key for t in level] for level in types.levels()] == [
        ["manual"], ["procedure", "sop"], ["policy"], ["record-form"]
    ]


def test_prefixes_is_a_shorthand_that_only_overrides_a_prefix() -> None:
    text = HEAD + TYPES.replace("level: 0", "level: 3") + "      prefixes: {sop: SP, manual: SM}\n"
    types = parse_mkdocs_yml(text, "t").config.types
    sop = types.get("sop")
    assert sop is not None and sop.prefix == "SP" and sop.label("en") == "Standard operating procedures"
    assert types.by_prefix("SOP") is None and types.get("manual").prefix == "SM"  # type: ignore[union-attr]
    default = parse_mkdocs_yml(
        "site_name: t\nplugins:\n  - doc-control:\n      prefixes: {procedure: PR}\n", "t"
    ).config
    assert default.types.get("procedure").prefix == "PR"  # type: ignore[union-attr]
    assert default.types.get("procedure").label("zh") == "程序文件"  # type: ignore[union-attr]
    with pytest.raises(ConfigError, match="names unknown type 'guide'; types are manual, "):
        parse_mkdocs_yml(text.replace("{sop: SP, manual: SM}", "{guide: GD}"), "t")


VALID = TYPES.replace("level: 0", "level: 3")
# (what is wrong, the text that makes it so, the message, the line of mkdocs.yml)
BAD = [
    ("duplicate key", VALID.replace("        policy:", "        sop:"), "type 'sop' is defined twice", 23),
    ("duplicate prefix", VALID.replace("prefix: POL", "prefix: QP"),
     "types 'procedure' and 'policy' have the same prefix QP", 25),
    ("missing label", VALID.replace("          label: Policies\n", ""), "type 'policy' has no label", 23),
    ("missing language", VALID.replace("{en: Forms, zh: 表单}", "{en: Forms}"),
     "type 'record-form': label is missing the zh label", 28),
    ("unknown field", VALID.replace("          level: 3\n", "          level: 3\n          colour: red\n"),
     "type 'policy' has unknown field(s) colour; known fields are label, prefix, level", 27),
    ("level not int", VALID.replace("level: 3", "level: high"),
     "type 'policy': level must be a whole number of at least 1", 26),
    ("level zero", TYPES, "type 'policy': level must be a whole number of at least 1", 26),
    ("bad prefix", VALID.replace("prefix: POL", "prefix: pol"),
     "type 'policy' needs a prefix of upper-case letters and digits", 25),
    ("external prefix", VALID.replace("prefix: POL", "prefix: EXT"),
     "prefix EXT is kept for external documents", 25),
    ("bad key", VALID.replace("        policy:", "        Policy Docs:"),
     "type key 'Policy Docs' must be lower-case letters", 23),
    ("flag not bool", VALID.replace("record_form: true", "record_form: sometimes"),
     "type 'record-form': record_form must be true or false", 31),
    ("not a mapping", "        - manual\n", "it must map each type's key to its fields", 8),
]


@pytest.mark.parametrize(("what", "types", "message", "line"), BAD, ids=[b[0] for b in BAD])
def test_bad_types_are_errors_at_their_line_of_mkdocs_yml(
    what: str, types: str, message: str, line: int
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_mkdocs_yml(HEAD + types, "t")
    assert caught.value.path == "mkdocs.yml"
    assert message in caught.value.message, what
    assert caught.value.line == line, (what, str(caught.value))


ISO_TYPES = """      types:
        manual: {label: {en: Quality manual, zh: 质量手册}, prefix: SM, level: 1}
        procedure: {label: {en: Procedures, zh: 程序文件}, prefix: QP, level: 2, procedure: true}
        sop:
          label: {en: Standard operating procedures, zh: 标准作业程序}
          prefix: SOP
          level: 3
          procedure: true
          folder: procedures
        record-form: {label: {en: Forms, zh: 表单}, prefix: QR, level: 4, record_form: true}
"""

SOP = """---
id: SOP-01
title: 文件编号规则
type: sop
owner: 质量部
approvers: [管理者代表]
---
## 1 目的

规定文件编号。
"""


def test_an_added_type_is_read_registered_numbered_and_given_its_own_section(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "  - doc-control\n", "  - doc-control:\n" + ISO_TYPES)
    repo.write("procedures/sop-01.md", SOP)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")

    check = run_cli("check", "--repo", str(repo.path))
    assert check.code == 0, check.output
    register = run_cli("register", "--repo", str(repo.path), "--format", "json")
    assert register.code == 0, register.output
    rows = {d["id"]: d for d in json.loads(register.stdout)["documents"]}
    assert rows["SOP-01"]["type"] == "sop"
    assert list(rows).index("SOP-01") > list(rows).index("QP-02")  # level 3 after level 2

    # `new` numbers the added type with its prefix, in its folder.
    made = run_cli("new", "sop", "--title", "印章管理", "--owner", "质量部",
                   "--approvers", "管理者代表", "--repo", str(repo.path))
    assert made.code == 0, made.output
    assert made.stdout.strip() == "procedures/sop-02.md"
    assert "type: sop" in repo.read("procedures/sop-02.md")
    unknown = run_cli("--lang", "en", "new", "guide", "--title", "x", "--repo", str(repo.path))
    assert unknown.code != 0 and "'guide' is not a document type; types are manual, procedure, sop" \
        in unknown.stderr and "Traceback" not in unknown.stderr
    (repo.path / "procedures/sop-02.md").unlink()

    # A type mkdocs.yml does not define is a finding that names the ones it does.
    repo.branch("policy")
    repo.write("procedures/pol-01.md", SOP.replace("SOP-01", "POL-01").replace("type: sop", "type: policy"))
    repo.commit("政策", ZHANG, "2026-01-03T09:00:00+08:00")
    found = run_cli("--lang", "en", "check", "--repo", str(repo.path))
    assert found.code == 1
    assert "procedures/pol-01.md:4: error: unknown-type: type 'policy' is not a document type; use one of " \
        "manual, procedure, sop, record-form" in found.output
    repo.checkout("main")

    built = run_mkdocs(repo.path)
    assert built.code == 0, built.output
    page = (repo.path / "site/index.html").read_text("utf-8")
    assert "标准作业程序" in page and "质量手册" in page  # the nav: sections by the types' labels
    assert (repo.path / "site/sections/sop/index.html").is_file()
    assert "手册与规范" not in page  # the default types' section is gone with them


def test_a_broken_types_option_stops_check_with_its_line_not_a_traceback(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.edit("mkdocs.yml", "  - doc-control\n",
              "  - doc-control:\n" + ISO_TYPES.replace("level: 3", "level: three"))
    checked, built = run_cli("--lang", "en", "check", "--repo", str(repo.path)), run_mkdocs(repo.path)
    for result in (checked, built):
        assert result.code != 0
        assert "mkdocs.yml:15: " in result.output, result.output
        assert "Traceback" not in result.output
    assert "doc-control option 'types': type 'sop': level must be a whole number" in checked.output
    # mkdocs build speaks the site's language (theme.language: zh).
    assert "doc-control 选项 'types'：类别 'sop'：level 必须是不小于 1 的整数" in built.output
