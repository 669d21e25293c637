"""Attacks on what the site shows and on the YAML it reads (issue 12, rules 10, 11 and 12).

Each case builds the attack into a real repository (and, where the site is the
target, a real build) and asserts the exact finding code or the exact escaped
output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from conftest import WANG, ZHANG, run_cli
from edition_support import EDITION_DAY, adopted_repo, make_key, release
from gitrepo import GitRepo

AS_OF = "2026-03-01"


def _check(repo: GitRepo) -> list[str]:
    result = run_cli("check", "--repo", str(repo.path), "--as-of", AS_OF)
    return result.stdout.splitlines()


def _with_code(lines: list[str], code: str) -> list[str]:
    return [line for line in lines if f": {code}: " in line]


def _build(repo: GitRepo, site: Path) -> None:
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", AS_OF)
    assert result.code == 0, result.output


def _set_title(repo: GitRepo, path: str, old: str, title: str) -> None:
    repo.edit(path, f"title: {old}", "title: " + json.dumps(title, ensure_ascii=False))


# -- rule 10: YAML is data --------------------------------------------------------------


def test_alias_bomb_in_front_matter_is_refused_at_its_line_in_well_under_a_second(
    make_repo: Callable[..., GitRepo],
) -> None:
    repo = make_repo()
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    text = repo.read("procedures/qp-02.md").replace("---\n", "---\n" + "\n".join(lines) + "\n", 1)
    repo.write("procedures/qp-02.md", text)
    started = time.perf_counter()
    found = _with_code(_check(repo), "yaml-alias")
    assert time.perf_counter() - started < 30  # the whole CLI run; the parse itself is µs
    assert found == [found[0]] and found[0].startswith("procedures/qp-02.md:2: error: yaml-alias: ")
    assert "&a0" in found[0]


def test_alias_bomb_parses_in_well_under_a_second() -> None:
    from doccontrol.sources.yaml_positions import load_yaml

    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        name, prev = chr(97 + i), chr(96 + i)
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    started = time.perf_counter()
    value, problem = load_yaml(bomb, 5)
    assert time.perf_counter() - started < 0.1
    assert value is None and problem is not None
    assert (problem.code, problem.line) == ("yaml-alias", 5)


def test_deep_nesting_in_roles_yml_is_too_deep_not_an_unclosed_bracket(
    make_repo: Callable[..., GitRepo],
) -> None:
    repo = make_repo()
    repo.write("manual/roles.yml", repo.read("manual/roles.yml") + "x: " + "[" * 5000 + "]" * 5000 + "\n")
    lines = _check(repo)
    found = _with_code(lines, "yaml-too-deep")
    assert len(found) == 1 and found[0].startswith("manual/roles.yml:"), lines
    assert "never closed" not in "\n".join(lines)


def test_huge_yaml_in_a_record_sidecar_is_too_large(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.write(
        "records/QR-01-01/2026-02-01.pdf.yml",
        "date: 2026-02-01\nby: 张质量\ntitle: " + "长" * 1_200_000 + "\n",
    )
    repo.write("records/QR-01-01/2026-02-01.pdf", b"%PDF-1.4\n")
    found = _with_code(_check(repo), "yaml-too-large")
    assert found and found[0].startswith("records/QR-01-01/2026-02-01.pdf.yml:1: error: yaml-too-large: ")


# -- rule 12: everything in the site is escaped -------------------------------------------

EVIL = "</title><script>alert(1)</script><img src=x onerror=alert(2)>"
EVIL_TEXT = "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"


def test_html_in_a_title_is_text_in_nav_title_register_and_search(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo(commit=False)
    _set_title(repo, "procedures/qp-01.md", "文件控制程序", "文件" + EVIL)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    site = tmp_path / "site"
    _build(repo, site)
    page = (site / "procedures/qp-01/index.html").read_text("utf-8")
    assert f"<title>QP-01 文件{EVIL_TEXT} - " in page
    assert f">QP-01 文件{EVIL_TEXT}</h1>" in page
    register = (site / "register/index.html").read_text("utf-8")
    for html_page in (page, register, (site / "index.html").read_text("utf-8")):
        assert "<script>alert" not in html_page
        assert "<img src=x" not in html_page
    assert "QP-01 文件&lt;/title&gt;&lt;script&gt;" in register  # the navigation
    assert "<td>文件&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in register
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    titles = [d["title"] for d in index["docs"] if d["location"] == "procedures/qp-01/"]
    assert titles and all("<script>" not in t and "&lt;script&gt;" in t for t in titles)
    assert all("<script>alert" not in d["text"] and "<img src=x" not in d["text"] for d in index["docs"])


def _body_attack(make_repo: Callable[..., GitRepo], text: str, allow: bool = False) -> list[str]:
    repo = make_repo()
    repo.append("procedures/qp-02.md", text)
    if allow:
        repo.edit("mkdocs.yml", "  - doc-control", "  - doc-control:\n      allow_raw_html: true")
    return _check(repo)


def _body_line(make_repo: Callable[..., GitRepo]) -> int:
    return len(make_repo(name="probe").read("procedures/qp-02.md").split("\n"))


def test_script_in_a_body_is_an_error_at_its_line(make_repo: Callable[..., GitRepo]) -> None:
    line = _body_line(make_repo)
    found = _with_code(_body_attack(make_repo, "\n<script>fetch('/x')</script>\n"), "raw-html-script")
    assert found == [found[0]]
    assert found[0].startswith(f"procedures/qp-02.md:{line + 1}: error: raw-html-script: ")


def test_onerror_attribute_in_a_body_is_an_error(make_repo: Callable[..., GitRepo]) -> None:
    line = _body_line(make_repo)
    lines = _body_attack(make_repo, '\n说明 <img src="x.png" onerror="alert(1)"> 如图\n')
    found = _with_code(lines, "raw-html-event-handler")
    assert found and found[0].startswith(f"procedures/qp-02.md:{line + 1}: error: ")


def test_javascript_url_in_a_body_is_an_error_even_disguised(
    make_repo: Callable[..., GitRepo],
) -> None:
    line = _body_line(make_repo)
    lines = _body_attack(
        make_repo, "\n[点此](javascript:alert(1))\n\n[又一个](jav&#x61;script:alert(2))\n"
    )
    found = _with_code(lines, "raw-html-javascript-url")
    assert [f.split(":")[1] for f in found] == [str(line + 1), str(line + 3)]


def test_script_in_a_code_block_is_text_and_allowed(make_repo: Callable[..., GitRepo]) -> None:
    lines = _body_attack(make_repo, "\n```html\n<script>x()</script>\n```\n\n`<img onerror=x>`\n")
    assert not [ln for ln in lines if ": raw-html-" in ln]


def test_raw_html_allowed_by_config_is_no_finding(make_repo: Callable[..., GitRepo]) -> None:
    lines = _body_attack(
        make_repo, '\n<script>x()</script>\n<a href="javascript:x()" onclick="y()">a</a>\n', allow=True
    )
    assert not [ln for ln in lines if ": raw-html-" in ln]


# -- rule 11: what a release site shows comes from the approved revision only ---------------


def test_unapproved_roles_change_adding_a_person_is_not_shown(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    text = repo.read("manual/roles.yml")
    text = text.replace("roles:\n", "  - name: 冒名者\n    emails: [evil@example.com]\nroles:\n")
    repo.write("manual/roles.yml", text.replace("质量部: [张质量]", "质量部: [张质量, 冒名者]"))
    commit = repo.commit("质量部加人", ZHANG, "2026-02-01T09:00:00+08:00")
    found = _with_code(_check(repo), "roles-unapproved")
    assert found and commit[:8] in found[0]
    site = tmp_path / "site"
    _build(repo, site)
    roles_page = (site / "roles/index.html").read_text("utf-8")
    assert "张质量" in roles_page and "冒名者" not in roles_page
    assert "冒名者" not in (site / "search/search_index.json").read_text("utf-8")


def test_snippets_reaching_outside_the_repository_are_reported(
    make_repo: Callable[..., GitRepo],
) -> None:
    repo = make_repo()
    repo.write(
        "mkdocs.yml",
        repo.read("mkdocs.yml")
        + "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [docs, ../secrets]\n",
    )
    found = _with_code(_check(repo), "extension-reads-outside")
    line = next(
        n for n, text in enumerate(repo.read("mkdocs.yml").splitlines(), 1) if "snippets" in text
    )
    assert [f.split(": ")[0] for f in found] == [f"mkdocs.yml:{line}"] * 2
    # check sorts findings at one line by message, so the order of the two is not the point
    # one for the unchecked paths, one naming the base path outside the repository
    assert sum("'../secrets'" in f for f in found) == 1
    assert all("check_paths" in f for f in found)


def test_confined_snippets_are_no_finding(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.write(
        "mkdocs.yml",
        repo.read("mkdocs.yml")
        + "markdown_extensions:\n  - pymdownx.snippets:\n      check_paths: true\n"
        "      base_path: [docs]\n",
    )
    assert not _with_code(_check(repo), "extension-reads-outside")


def test_editions_page_comes_from_edition_tags_not_a_committed_editions_json(tmp_path: Path) -> None:
    from doccontrol.edition.site import edition_files, editions_page_markdown

    repo = adopted_repo(tmp_path / "org")
    assert release(repo.path, make_key(tmp_path / "keys")).code == 0
    real = json.loads((repo.path / "editions/editions.json").read_text("utf-8"))["editions"][0]
    forged = {**real, "date": "2026-01-31", "sha256": "f" * 64, "file": "2026-01-31/x.pdf"}
    forged["signer"] = {"name": "伪造签署人"}
    repo.write("editions/editions.json", json.dumps({"editions": [real, forged]}))
    repo.write("editions/2026-01-31/x.pdf", b"%PDF-1.4 forged\n")
    repo.commit("伪造版次清单", ZHANG, "2026-03-02T09:00:00+08:00")
    repo.lightweight_tag("edition/2026-01-30")
    page = editions_page_markdown(repo.path, "zh")
    assert real["sha256"] in page and f"(editions/{real['file']})" in page
    assert "f" * 64 not in page and "伪造签署人" not in page and "2026-01-30" not in page
    served = [site_path for site_path, _ in edition_files(repo.path)]
    assert f"editions/{real['file']}" in served and "editions/2026-01-31/x.pdf" not in served
    assert "editions/editions.json" not in served
    # A swapped PDF under the tagged name is not offered for download.
    (repo.path / "editions" / real["file"]).write_bytes(b"%PDF-1.4 swapped\n")
    assert editions_page_markdown(repo.path, "zh").rstrip().endswith("| — |")
    assert f"editions/{EDITION_DAY}" not in " ".join(p for p, _ in edition_files(repo.path))
