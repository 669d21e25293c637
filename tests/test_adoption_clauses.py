"""Built-in clause sets, clause references like ``4.2.1 b)``, and the organisation's own fields."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import run_cli
from doccontrol.model.documents import Clause, Standard
from doccontrol.sources.clause_sets import BUILTIN, builtin_text, normalise_clause, resolve_clause
from doccontrol.sources.clauses_file import parse_clauses
from gitrepo import GitRepo

MakeRepo = Callable[..., GitRepo]


def _use(repo: GitRepo, options: str) -> None:
    text = repo.read("mkdocs.yml").replace("  - doc-control\n", "  - doc-control:\n" + options)
    repo.write("mkdocs.yml", text)


def _set_clauses(repo: GitRepo, path: str, clauses: str) -> None:
    text = repo.read(path)
    head, _, rest = text.partition("clauses: ")
    repo.write(path, head + "clauses: " + clauses + "\n" + rest.partition("\n")[2])


@pytest.mark.parametrize("name", BUILTIN)
def test_every_builtin_set_parses_with_numbers_titles_and_requirements(name: str) -> None:
    text = builtin_text(name)
    assert text is not None
    standard, findings = parse_clauses(name, text)
    assert findings == []
    assert standard is not None and len(standard.clauses) >= 25
    assert all(c.number[0].isdigit() and c.title for c in standard.clauses)
    assert any(c.needs_records for c in standard.clauses)
    numbers = [c.number for c in standard.clauses]
    assert len(numbers) == len(set(numbers))


def test_the_sbt_set_is_the_samples_clause_list() -> None:
    from conftest import ROOT

    assert builtin_text("sbt-10382-2004") == (ROOT / "manual" / "clauses.yml").read_text("utf-8")


def test_iso_13485_asks_for_procedures_where_the_standard_does() -> None:
    standard, _ = parse_clauses("iso", builtin_text("iso-13485-2016") or "")
    assert standard is not None
    needing = {c.number for c in standard.clauses if c.needs_procedure}
    assert {"4.2.4", "4.2.5", "8.2.2", "8.2.4", "8.3.1", "8.5.2"} <= needing
    assert "5.3" not in needing


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("4.2.1 b)", "4.2.1"),
        ("4.2.1(b)", "4.2.1"),
        ("4.2.1 b", "4.2.1"),
        ("４.２.１（ｂ）", "4.2.1"),
        ("\u00a7 7.5.3", "7.5.3"),  # a section sign, escaped so it reads as no reference
        ("clause 8.2", "8.2"),
        ("8.2.", "8.2"),
        ("第4.6.3条", "4.6.3"),
        ("Annex A", "Annex A"),
    ],
)
def test_clause_references_are_normalised(written: str, number: str) -> None:
    assert normalise_clause(written) == number


def test_a_sub_clause_resolves_to_its_nearest_listed_parent() -> None:
    standard = Standard("X", "x", (Clause("7.5", "文件", False, False), Clause("8", "运行", False, False)))
    found = resolve_clause(standard, "7.5.1 a)")
    assert found is not None and found.number == "7.5"
    assert resolve_clause(standard, "9.1") is None


def test_check_uses_a_builtin_clause_set_by_name(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    (repo.path / "manual/clauses.yml").unlink()
    _use(repo, "      clauses: iso-13485-2016\n")
    _set_clauses(repo, "procedures/qp-01.md", '["4.2.4 a)"]')
    _set_clauses(repo, "procedures/qp-02.md", '["4.2.5"]')
    _set_clauses(repo, "manual/sm-01.md", '["9.9"]')
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2026-02-01")
    assert "manual/sm-01.md:7: error: unknown-clause: clause 9.9 is not in iso-13485-2016" in result.output
    assert "4.2.4" not in result.output.split("unknown-clause")[-1].split("\n")[0]
    assert result.output.count("unknown-clause") == 1
    # Procedures exist for 4.2.4 and 4.2.5, not for complaint handling.
    assert "iso-13485-2016:" in result.output and "clause-gap: clause 8.2.2" in result.output
    assert "clause-gap: clause 4.2.4" not in result.output


def test_an_unknown_clause_set_name_is_a_config_error(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    _use(repo, "      clauses: iso-9999\n")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path))
    assert result.code == 1
    assert "mkdocs.yml:1: error: config: doc-control option 'clauses' is 'iso-9999'" in result.output
    assert "gb-t-19001-2016" in result.output


def test_own_fields_are_kept_without_warning(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    _use(repo, "      fields: [slug, related]\n")
    text = repo.read("procedures/qp-01.md").replace(
        "records: [QR-01-01]\n",
        "records: [QR-01-01]\nslug: doc-control\nrelated: [QP-02]\nx-owner-code: D7\nsecret: 1\n",
    )
    repo.write("procedures/qp-01.md", text)
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2026-02-01")
    assert "'slug'" not in result.output and "'related'" not in result.output
    assert "x-owner-code" not in result.output
    assert (
        "procedures/qp-01.md:13: warning: unknown-field: unknown front-matter field 'secret'"
        in result.output
    )
    assert "name it x-secret" in result.output

    from doccontrol.project.load import load_project
    from doccontrol.project.mkdocs_yml import read_mkdocs_yml

    project = load_project(repo.path, read_mkdocs_yml(repo.path).config)
    doc = next(d for d in project.worktree.documents if d.id == "QP-01")
    assert dict(doc.own_fields) == {"slug": "doc-control", "related": ["QP-02"], "x-owner-code": "D7"}
