"""``doccontrol new``: a new controlled document from a template, with the next free id."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from doccontrol.cli.language import cli_language
from doccontrol.model.messages import Message, msg
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rendering.labels import label, names
from doccontrol.workflow.new_document import NewDocument, NewRequest, Refused, plan_new

# The default types' own templates; a type an organisation adds takes the one of its kind.
_TEMPLATES = {
    "manual": "new-manual.md.j2",
    "procedure": "new-procedure.md.j2",
    "instruction": "new-instruction.md.j2",
}


def _template(doc: NewDocument) -> str:
    if doc.type.record_form:
        return "new-record-form.md.j2"
    if doc.type.procedure:
        return "new-procedure.md.j2"
    return _TEMPLATES.get(doc.type.key, "new-spec.md.j2")


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar: bare when YAML reads it back unchanged, else quoted."""
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def render(doc: NewDocument) -> str:
    """The new file's text (pure given the packaged templates)."""
    env = Environment(
        loader=PackageLoader("doccontrol.workflow", "templates"),
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["yaml_list"] = yaml_list
    text = env.get_template(_template(doc)).render(doc=doc)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip("\n") + "\n"


def new(repo: Path, request: NewRequest) -> int:
    site = read_mkdocs_yml(repo)
    language = cli_language(site.language)
    project = load_project(repo, site.config)
    history_ids = [d.id for d in project.control.documents] if project.control else []
    try:
        doc = plan_new(request, project.worktree, history_ids, site.config)
        target = repo / doc.path
        if target.exists():
            raise Refused(msg("cli.new.exists", path=doc.path), doc.path)
    except Refused as exc:
        print(f"doccontrol new: {msg('cli.new.refused', reason=exc.render(language)).render(language)}",
              file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(doc), encoding="utf-8")
    print(doc.path)
    created = label(
        language, "cli", "created", id=doc.id, title=doc.title, type=doc.type.label(language),
        owner=doc.owner, approvers=names(doc.approvers, language),
    )
    print(f"doccontrol: {created}", file=sys.stderr)
    for note in doc.notes:
        shown = note.render(language) if isinstance(note, Message) else note
        print(f"doccontrol: {msg('cli.new.note', note=shown).render(language)}", file=sys.stderr)
    print(f"doccontrol: {msg('cli.new.next').render(language)}", file=sys.stderr)
    return 0
