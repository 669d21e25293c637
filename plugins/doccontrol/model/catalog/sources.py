"""Messages of the sources (``sources/``): front matter, fields, roles, clauses, external
documents, mkdocs.yml options and the checks across documents."""

from __future__ import annotations

EN: dict[str, str] = {
    # document_fields: values git decides (control-field), with where they come from
    "control-field": "'{field}' must not be typed: {reason}; remove this line",
    "control-field.revision": "the revision (A/0, A/1 …) is counted from approved changes on main",
    "control-field.approver": (
        "the approver is whoever merged the change (or its Approved-by trailers)"
    ),
    "control-field.approved": "approval is the merge of the change into main by an approver",
    "control-field.approval-date": "the approval date is the date of the approving merge on main",
    "control-field.issued": "the issue date is the date of the approving merge on main",
    "control-field.effective": (
        "write 'effective: YYYY-MM-DD' only to delay a revision; "
        "otherwise the approval date is the effective date"
    ),
    "control-field.status": (
        "status '{status}' must not be typed: current, pending and draft come from git; "
        "the only value allowed is 'status: withdrawn'"
    ),
    "field-type.list": "'{field}' must be a list, like {field}: [X, Y]",
    "field-type.item": "'{field}' item {number} must be a plain name or id, not {value}",
    "field-type.text": "'{field}' must be a single text value",
    "field-type.review": "review must be a whole number of months (e.g. review: 12), not {value}",
    "unknown-field": (
        "unknown front-matter field '{field}'; known fields are {known}; for a field of your own, "
        "list it under the doc-control option 'fields' or name it x-{field}"
    ),
    "missing-field": (
        "required field '{field}' is missing or empty; add a line like '{example}' to the front matter"
    ),
    "missing-field.type": (
        "required field 'type' is missing or empty; add a line like '{example}' to the front "
        "matter; types are {types}"
    ),
    "missing-field.retention": (
        "record forms need 'retention' (how long records are kept); add e.g. retention: 3y"
    ),
    "missing-field.storage": (
        "record forms need 'storage' (where records are kept); add e.g. storage: Quality archive"
    ),
    "unknown-type": (
        "type '{type}' is not a document type; use one of {types} "
        "(or define it under 'types' in mkdocs.yml)"
    ),
    "bad-id": (
        "id '{id}' is not of the form PREFIX-NN or PREFIX-NN-NN: write it like {expected} "
        "(capital letters, a hyphen, at least two digits)"
    ),
    "id-prefix": (
        "id '{id}' has prefix {prefix}, but documents of type {type} use {expected} "
        "(e.g. {expected}-{num}); change the id or the type"
    ),
    "bad-edition.letter": "edition '{value}' must be one capital letter (A, B, …)",
    "bad-edition.number": "edition '{value}' must be a whole number (1, 2, …)",
    "bad-date.effective": (
        "effective date {value} is not a real date; write it as YYYY-MM-DD, e.g. effective: 2026-12-01"
    ),
    "bad-retention": (
        "retention {value} is not a period: write a number of months or years, like 18m or 3y, "
        "or 'permanent'"
    ),
    "field-not-used": "'{field}' applies to record forms only; it is ignored on a {type}: remove it",
    "field-not-used.replaced-by": (
        "'replaced_by' names the document that replaces a withdrawn one; it is ignored unless "
        "the document says 'status: withdrawn': remove it, or withdraw the document in the same change"
    ),
    # yaml_positions: every YAML file doccontrol reads
    "yaml.duplicate-key": "key '{field}' appears twice (first at line {first}); keep one of them",
    "yaml.tab": "tab character used for indentation; YAML needs spaces: replace tabs with spaces",
    "yaml.invalid": "invalid YAML: {problem}; check quoting, colons and indentation",
    "yaml.invalid-plain": "invalid YAML: {problem}",
    "yaml-too-large": (
        "the YAML is {size} characters long, more than the {limit} doccontrol reads; "
        "keep the data short and put long text in the document body"
    ),
    "yaml-alias": (
        "YAML anchor or alias '{name}' is not accepted: doccontrol reads YAML as plain data; "
        "write the value out in full (or quote a value that starts with & or *)"
    ),
    "yaml-too-deep": (
        "the YAML is nested more than {depth} levels deep here; doccontrol's files are a "
        "few levels deep: flatten the structure"
    ),
    "yaml.unclosed": (
        "invalid YAML: the '{opener}' on line {line} is never closed; "
        "add the closing '{closer}' at the end of that value"
    ),
    "yaml.runs-to": " (as written, the value runs on to line {line})",
    "yaml.runs-to-end": " (as written, it runs on to the end)",
    "yaml.open-quote": (
        "invalid YAML: the value opened with {quote} on line {line} has no closing {quote}"
        "{where}; add the closing {quote} at the end of the value on line {line}"
    ),
    # front_matter, text_file
    "empty-file": "file is empty: write the document, or delete the file",
    "front-matter-unclosed": (
        "front matter opens with '---' on line 1 but never closes: add a line '---' after the last field"
    ),
    "front-matter-empty": "front matter is empty: give at least id, title, type, owner and approvers",
    "front-matter-not-mapping": (
        "front matter must be 'key: value' lines, but it is a single value: "
        "write e.g. 'id: QP-01' on its own line"
    ),
    "front-matter-not-mapping.list": (
        "front matter must be 'key: value' lines, but it is a list: "
        "write e.g. 'id: QP-01' on its own line"
    ),
    "encoding": (
        "file is not UTF-8 (byte {byte} on line {line}); it may have been saved as GBK or another "
        "legacy encoding: re-save it as UTF-8"
    ),
    "encoding.nul": "file holds a NUL byte: it is not a text file",
    # clauses_file
    "clauses-invalid": (
        "clauses file needs 'clauses:' with a list of {{number, title, procedure, records}}"
    ),
    "clauses-invalid.entry": "each clause needs 'number' and 'title'",
    "clauses-invalid.twice": "clause {number} is listed twice",
    # external_file
    "external-invalid": (
        "external documents file must hold 'documents:' with a list of entries "
        "(id, title, number, version, source, holder, checked)"
    ),
    "external-invalid.entry": "each entry must be a mapping with id and title",
    "bad-id.external": "external document id {id} must look like {prefix}-01",
    "missing-field.external-title": "{id} needs a 'title'",
    "unknown-field.external": "unknown field '{field}' on {id}; fields are {known}",
    "bad-date.checked": (
        "'checked' of {id} is {value}, which is not a real date; write the date it was last "
        "checked as YYYY-MM-DD, e.g. checked: 2026-09-15"
    ),
    "bad-external-status": (
        "'status' of {id} is {value}; write 'valid' or 'superseded' "
        "(the issuer has replaced the version held)"
    ),
    # roles_file
    "roles.example": (
        "see README.md, roles.yml: people: [{{name, emails}}], roles: {{role: [name]}}, top: role"
    ),
    "roles.any-role": "a role listed under 'roles'",
    "roles-invalid.mapping": "roles file must be a mapping; {example}",
    "roles-invalid.people": "'people' must be a non-empty list; {example}",
    "roles-invalid.person": "each person needs 'name:' (and 'emails: [...]')",
    "roles-duplicate": "person '{name}' is listed twice (first at line {first})",
    "roles-duplicate.email": (
        "email {email} belongs to both {first} and {name}: an email must identify one person"
    ),
    "roles-invalid.roles": "'roles' must map each role to a list of people; {example}",
    "roles-invalid.both": "'{role}' is both a role and a person; rename one",
    "roles-invalid.members": "role '{role}' must list people, like {role}: [Name]",
    "unknown-person": (
        "role '{role}' names '{member}', who is not under 'people'; add them there or fix the spelling"
    ),
    "roles-invalid.key": "unknown key '{field}' in roles file; {example}",
    "roles-invalid.no-top": (
        "'top' is missing: add a line 'top: <role>' naming the role that approves changes to "
        "this file (e.g. top: {example}); the roles are: {choices}"
    ),
    "roles-invalid.top": (
        "'top' is {top}, which is not one of the roles: set it to the role that approves "
        "changes to this file, one of: {choices}"
    ),
    "roles-invalid.strings": "'{field}' must be a list of text values",
    # signing keys in roles.yml
    "signing-key-invalid.list": (
        "'signing_keys' must be a list of public keys, each an OpenSSH key line "
        "('ssh-ed25519 AAAA… name') or an armoured OpenPGP key (a YAML '|' block)"
    ),
    "signing-key-invalid.text": "each signing key must be text",
    "signing-key-invalid.missing-file": (
        "'{entry}' names {file}, which does not exist: add the key there "
        "(gpg --armor --export KEYID > {file}) or fix the name"
    ),
    "signing-key-invalid.in-file": "{file}: {problem}",
    "signing-key.bad-reference": (
        "{entry} is no key file reference: name a file in the keys/ folder beside roles.yml as "
        "'keys/NAME.asc' (an armoured OpenPGP key, gpg --armor --export) or 'keys/NAME.pub' "
        "(an OpenSSH public key line), letters, digits, '.', '_' and '-' only, no sub-folders"
    ),
    "signing-key.neither": (
        "a signing key must be a whole OpenSSH public key line (the contents of "
        "~/.ssh/id_ed25519.pub: 'ssh-ed25519 AAAA… name') or an ASCII-armoured OpenPGP "
        "public key ('gpg --armor --export'); {start} is neither"
    ),
    "signing-key.damaged": "the {kind} key is damaged ({reason}); paste the .pub file's line again",
    "signing-key.wrong-kind": "the key data is not a {kind} key; paste the .pub file's line again",
    "signing-key.no-end": "the OpenPGP key has no '{end}' line; paste the whole armoured key",
    "signing-key.armour": (
        "the OpenPGP key's armour is damaged; export it again with gpg --armor --export"
    ),
    "signing-key.not-v4": (
        "the armoured block holds no version 4 OpenPGP public key; export it again with "
        "gpg --armor --export"
    ),
    "signing-key.unreadable": (
        "the OpenPGP key cannot be read ({reason}); export it again with gpg --armor --export KEYID"
    ),
    "signing-key.several": (
        "the armoured block holds more than one key, or one this version cannot read: "
        "list one public key per entry (gpg --armor --export KEYID)"
    ),
    # consistency: across documents
    "unknown-distribution": (
        "distribution '{name}' is not a role or department in {roles}; use one of: {known}"
    ),
    "unknown-keeper": "keeper '{name}' is not a role or department in {roles}; use one of: {known}",
    "duplicate-id": "id {id} is already used by {other}; give each document its own id",
    "duplicate-id.external": "external id {id} is also a document id ({other})",
    "dangling.fix": "check the id, or add the document",
    "unknown-owner": "owner '{name}' is neither a role nor a person in {roles}; use one of: {known}",
    "unknown-approver": (
        "approver '{name}' is neither a role nor a person in {roles}; use one of: {known}"
    ),
    "empty-role": (
        "approver role '{name}' has nobody in {roles}, so no one could approve this document; "
        "add a person to the role"
    ),
    "unknown-reviewer": (
        "reviewer '{name}' is neither a role nor a person in {roles}; use one of: {known}"
    ),
    "dangling-replacement": (
        "replaced_by names {id}, but no document has that id; name the id of the document that "
        "replaces this one, or remove the line"
    ),
    "dangling-reference": (
        "references lists {id}, which is neither a document nor an external document in "
        "{external}; {fix}"
    ),
    "dangling-record": (
        "records lists {id}, but there is no record form with that id; "
        "add the form (type: record-form) or fix the id"
    ),
    "not-a-record-form": (
        "records lists {id}, which is a {type} ({path}), not a record form: list only record forms "
        "(type: record-form) under 'records', and name {id} under 'references' instead"
    ),
    "unknown-clause.no-list": "clauses lists {number}, but the clause list {clauses} is missing",
    "unknown-clause": (
        "clause {number} is not in {clauses}; use a clause number listed there, e.g. {example}"
    ),
    "dangling-link": "[[{target}]] links to no document or external document; {fix}",
    "clause-gap": (
        "clause {number} ({title}) asks for a documented procedure, but no procedure lists it "
        "under 'clauses'"
    ),
    # register_fields
    "field-type.names": "'{field}' must be a list, like {field}: [Service, Technical support]",
    "field-type.name": "'{field}' item {number} must be the name of a role or department, not {value}",
    "bad-medium": (
        "medium '{name}' is not a record medium: write paper, electronic or both, "
        "like medium: [paper, electronic]"
    ),
    "bad-publish": (
        "publish {value} is not a choice: write 'publish: metadata' (the default: record pages "
        "show date, maker and title only) or 'publish: full' (record bodies and scans are shown, "
        "with phone and ID numbers masked)"
    ),
    # catalog
    "roles-missing": (
        "roles file not found: create it with people, roles and top (README.md, roles.yml), "
        "or point the doc-control option 'roles' at it"
    ),
    "nested-document": (
        "this file has front matter but lies inside the folder document {index}; chapters have "
        "no front matter — remove it, or move the file out of the folder"
    ),
    "no-front-matter.index": (
        "index.md of a folder document has no front matter: start it with '---', "
        "id, title, type, owner, approvers and '---'"
    ),
    "no-front-matter.bare-folder": (
        "this file has no front matter and {folder}/ has no index.md: to make the folder one "
        "document with chapters, add {folder}/index.md with the front matter (id, title, type, "
        "owner, approvers); or give this file front matter of its own"
    ),
    "no-front-matter": (
        "Markdown file in a controlled folder is neither a document nor a chapter: give it "
        "front matter (id, title, type, owner, approvers), or move it into a folder document "
        "that has an index.md"
    ),
    # config: mkdocs.yml and the doc-control options
    "config.unknown-type": "doc-control '{option}' names unknown type '{type}'; types are {types}",
    "config.unknown-option": (
        "unknown doc-control option(s): {unknown}; known options are {known}"
    ),
    "config.must-be": "doc-control option '{option}' must be {what}",
    "config.want.folders": "a list of folder names",
    "config.want.string": "a string",
    "config.want.fields": "a list of front-matter keys, like [slug, related]",
    "config.want.approvals": "a whole number of at least 1",
    "config.want.months": "a number of months",
    "config.want.prefixes": "a mapping from document type to id prefix",
    "config.want.bool": "true or false",
    "config.want.organisation": "the organisation's legal name, as text",
    "config.want.fonts": (
        "a mapping like {{serif: Noto Serif CJK SC, sans: …, mono: …, fallback: [DejaVu Sans]}}"
    ),
    "config.want.defaults": "a mapping from document type to {{owner, approvers}}",
    "config.want.signature": "a mapping like {{visible: true, seal: manual/seal.png}}",
    "config.roots-empty": "doc-control option 'roots' must list at least one folder",
    "config.clauses": (
        "doc-control option 'clauses' is {value}: give a built-in clause set ({builtin}) "
        "or the path of a clause file such as manual/clauses.yml"
    ),
    "config.fields": "doc-control option 'fields' must list front-matter keys",
    "config.min-approvals": "doc-control option 'min_approvals' must be at least 1",
    "config.forge-trailers": (
        "doc-control option 'forge_trailers' must be 'untrusted' (the default: a forge commits "
        "what the person merging typed) or 'trusted' (the forge writes the Approved-by trailers "
        "itself, as a GitLab %{{approved_by}} template does)"
    ),
    "config.signatures": (
        "doc-control option 'signatures' must be 'off' (the default), 'warn' (an approval "
        "without a verified signature counts, with a warning) or 'required' (it counts for "
        "nothing); see README, 'Signed approvals'"
    ),
    "config.revisions": "doc-control option 'revisions' must be 'letter' (A/0) or 'numeric' (1.0)",
    "config.review": "doc-control option 'review' must be at least 1 month",
    "config.prefix": "doc-control prefix for '{type}' must be upper-case letters, like QP",
    "config.prefix-twice": "doc-control 'prefixes' gives two types the same prefix",
    "config.clock-skew": (
        "doc-control option 'clock_skew' must be hours like 1h or minutes like 30m"
    ),
    "config.organisation": "doc-control option 'organisation' must be the legal name, on one line",
    "config.mask": (
        "doc-control option 'mask' must list regular expressions, like mask: ['ID\\d{{8}}']"
    ),
    "config.mask-invalid": (
        "doc-control option 'mask' pattern {pattern} is not a regular expression ({reason}); "
        "fix or remove it"
    ),
    "config.mask-empty": (
        "doc-control option 'mask' pattern {pattern} matches empty text, so it would mask "
        "nothing; make it match at least one character"
    ),
    "config.names": (
        "doc-control option '{option}' must be a non-empty list, like [Management representative, Quality]"
    ),
    "config.names.emails": (
        "doc-control option '{option}' must be a non-empty list, like [noreply@github.com]"
    ),
    "config.outside": (
        "doc-control option '{option}' names '{value}', which is outside the repository; "
        "controlled files must be in git: give a path relative to mkdocs.yml, such as '{example}'"
    ),
    "config.fonts-unknown": (
        "doc-control 'print_fonts' has unknown key(s) {unknown}; it must be a mapping like "
        "{{serif: Noto Serif CJK SC, sans: …, mono: …, fallback: [DejaVu Sans]}}"
    ),
    "config.fonts-family": "doc-control 'print_fonts' {role} must name a font family",
    "config.fonts-fallback": "doc-control 'print_fonts' fallback must list font families",
    "config.defaults": (
        "doc-control 'defaults' for '{type}' must be a mapping like "
        "{{owner: Quality, approvers: [Management representative]}}"
    ),
    "config.defaults-unknown": (
        "doc-control 'defaults' for '{type}' has unknown key(s) {unknown}; known keys are {known}"
    ),
    "config.defaults-name": "doc-control 'defaults' for '{type}': '{field}' must be a name, like Quality",
    "config.defaults-list": (
        "doc-control 'defaults' for '{type}': '{field}' must list roles or people, "
        "like [Management representative]"
    ),
    "config.yaml": "mkdocs.yml is not valid YAML: {problem}",
    "config.unreadable": "mkdocs.yml cannot be read: {reason}",
    "config.not-mapping": "mkdocs.yml must be a mapping of settings",
    # types_option
    "types.option": "doc-control option 'types': {problem}",
    "types.twice": "type '{type}' is defined twice; keep one entry per type",
    "types.mapping": "it must map each type's key to its fields, like\n{example}",
    "types.key": "type key {type} must be lower-case letters, digits and hyphens, like sop",
    "types.entry": "type '{type}' must be a mapping of fields, like\n{example}",
    "types.unknown-field": "type '{type}' has unknown field(s) {unknown}; known fields are {known}",
    "types.no-label": "type '{type}' has no label; give one per language, like {example}",
    "types.prefix": (
        "type '{type}' needs a prefix of upper-case letters and digits, like SOP "
        "(ids are then SOP-01), not {value}"
    ),
    "types.external-prefix": "type '{type}': prefix {prefix} is kept for external documents",
    "types.level": (
        "type '{type}': level must be a whole number of at least 1 (the order of registers "
        "and site sections), not {value}"
    ),
    "types.flag": "type '{type}': {field} must be true or false",
    "types.folder": "type '{type}': folder must be a folder inside the repository, like procedures",
    "types.languages": (
        "type '{type}': {field} has unknown language(s) {unknown}; languages are {known}"
    ),
    "types.label-missing": (
        "type '{type}': {field} is missing the {missing} label; give both, like {example}"
    ),
    "types.label-kind": "type '{type}': {field} must be a text or {{zh: …, en: …}}",
    "types.same-prefix": (
        "types '{first}' and '{type}' have the same prefix {prefix}; give each its own"
    ),
    # typography, raw HTML, extensions, links
    "typography": (
        "ASCII punctuation in Chinese text: {marks}; "
        "run 'doccontrol fix --typography {path}' or type the full-width marks"
    ),
    "raw-html-script": (
        "a <script> element in the text would run in every reader's browser; remove it, "
        "or set 'allow_raw_html: true' in doc-control's options if it is intended"
    ),
    "raw-html-event-handler": (
        "an HTML event-handler attribute (on...=) in the text would run in every reader's "
        "browser; remove it, or set 'allow_raw_html: true' in doc-control's options if it is intended"
    ),
    "raw-html-javascript-url": (
        "a javascript: link in the text would run in the reader's browser when followed; remove "
        "it, or set 'allow_raw_html: true' in doc-control's options if it is intended"
    ),
    "extension-reads-outside": (
        "markdown extension {name} can read outside the repository: {problem}; confine it "
        "(check_paths: true, a base_path inside the repository, no downloads) so that pages "
        "show only text git approved"
    ),
    "extension.check-paths": "'check_paths: true' is missing, so a wrong path is silently empty",
    "extension.restrict-base-path": "'restrict_base_path: false' lets a snippet name any file",
    "extension.url-download": "'url_download: true' pastes in text from the network",
    "extension.outside": "'{path}' lies outside the repository",
    "extension.base-path": "base_path '{path}' lies outside the repository",
    "extension.allow-remote": "'allow_remote' is not false, so it pastes in text from the network",
    "broken-link.link-outside": (
        "link {url} points outside the repository; link to a file in it, or use a full URL"
    ),
    "broken-link.image-outside": (
        "image {url} points outside the repository; link to a file in it, or use a full URL"
    ),
    "broken-link.link-missing": (
        "link {url} points at {resolved}, which does not exist; correct the path (relative to {base})"
    ),
    "broken-link.image-missing": (
        "image {url} points at {resolved}, which does not exist; correct the path (relative to {base})"
    ),
    "broken-link.repository": "the repository",
    "link-to-withdrawn": (
        "link {url} points at {target}, which is withdrawn; link to the document that replaces it, "
        "or remove the link"
    ),
    "broken-anchor": (
        "anchor in {url} names no heading of {path}; its headings are {headings} "
        "(ids as the site's toc slugify makes them)"
    ),
    "broken-anchor.none": (
        "anchor in {url} names no heading of {path}; it has no headings "
        "(ids as the site's toc slugify makes them)"
    ),
    # acknowledged.yml
    "acknowledged-invalid": (
        "the file needs 'acknowledged:' with a list of {{commit, code, reason}}, like:\n{example}"
    ),
    "acknowledged-invalid.entry": "each entry needs commit, code and reason",
    "acknowledged-invalid.commit": "'commit' must be a commit hash of at least 7 hex digits",
    "acknowledged-invalid.code": "'code' must be a finding code such as date-backwards",
    "acknowledged-invalid.reason": "'reason' must say why the finding is accepted",
    "acknowledged-invalid.all": "{problems}",
    "acknowledged": "{finding} [acknowledged by {by} on {on} in {file}: {reason}]",
    "acknowledged.adopter": "the baseline's adopter",
    # baseline.yml
    "baseline-entry.mapping": (
        "baseline.yml maps document ids to their paper revision, like "
        "QP-01: {{revision: C/2, issued: 2023-05-10, approved_by: Wang Jianguo}}"
    ),
    "baseline-entry.order": (
        "{id}: revision {label} does not come after {previous}; list the paper revisions oldest first"
    ),
    "baseline-entry.entry": (
        "{id} needs revision, issued and approved_by, like "
        "{{revision: {example}, issued: 2023-05-10, approved_by: Wang Jianguo}}"
    ),
    "baseline-entry.unknown": "{id}: unknown key(s) {unknown}; keys are {known}",
    "baseline-entry.scheme": (
        "{id}: revision {label} is not in the {scheme} scheme; write it like {example}, "
        "and keep a paper label such as r4 as paper_label"
    ),
    "baseline-entry.issued": "{id}: 'issued' must be the paper issue date, like issued: 2023-05-10",
    "baseline-entry.approved-by": "{id}: 'approved_by' must name who approved revision {label} on paper",
}

ZH: dict[str, str] = {
    "control-field": "'{field}' 不得手工填写：{reason}；请删除这一行",
    "control-field.revision": "版本（A/0、A/1 …）按主分支上已批准的修改自动计数",
    "control-field.approver": "批准人是合并该修改的人（或其 Approved-by 签注）",
    "control-field.approved": "批准即批准人将修改合并到主分支",
    "control-field.approval-date": "批准日期即主分支上批准合并的日期",
    "control-field.issued": "发布日期即主分支上批准合并的日期",
    "control-field.effective": (
        "只有推迟实施时才写 'effective: YYYY-MM-DD'；否则批准日期即实施日期"
    ),
    "control-field.status": (
        "status '{status}' 不得手工填写：现行、待实施和草稿状态由 git 判定；"
        "唯一允许的值是 'status: withdrawn'（作废）"
    ),
    "field-type.list": "'{field}' 必须是列表，如 {field}: [X, Y]",
    "field-type.item": "'{field}' 的第 {number} 项必须是名称或文件编号，不能是 {value}",
    "field-type.text": "'{field}' 必须是单个文本值",
    "field-type.review": "review 必须是整数个月（如 review: 12），不能是 {value}",
    "unknown-field": (
        "未知的前置字段 '{field}'；已知字段有 {known}；如是本组织自定字段，"
        "请在 doc-control 的 'fields' 选项中列出，或命名为 x-{field}"
    ),
    "missing-field": "缺少必填字段 '{field}' 或其为空；请在前置信息中加一行，如 '{example}'",
    "missing-field.type": (
        "缺少必填字段 'type' 或其为空；请在前置信息中加一行，如 '{example}'；可用类别有 {types}"
    ),
    "missing-field.retention": "记录表单须填写 'retention'（保存期限）；例如 retention: 3y",
    "missing-field.storage": "记录表单须填写 'storage'（保存地点）；例如 storage: 质量部档案室",
    "unknown-type": (
        "类别 '{type}' 不是文件类别；请使用 {types} 之一（或在 mkdocs.yml 的 'types' 下定义）"
    ),
    "bad-id": (
        "文件编号 '{id}' 不符合 PREFIX-NN 或 PREFIX-NN-NN 格式：请写成 {expected} 这样"
        "（大写字母、连字符、至少两位数字）"
    ),
    "id-prefix": (
        "文件编号 '{id}' 的前缀是 {prefix}，但 {type} 类文件使用 {expected}"
        "（如 {expected}-{num}）；请修改文件编号或类别"
    ),
    "bad-edition.letter": "版次 '{value}' 必须是一个大写字母（A、B …）",
    "bad-edition.number": "版次 '{value}' 必须是整数（1、2 …）",
    "bad-date.effective": (
        "实施日期 {value} 不是有效日期；请写成 YYYY-MM-DD，如 effective: 2026-12-01"
    ),
    "bad-retention": (
        "保存期限 {value} 不是期限：请写月数或年数，如 18m 或 3y，或 'permanent'（永久）"
    ),
    "field-not-used": "'{field}' 只适用于记录表单；在 {type} 类文件上不起作用：请删除",
    "field-not-used.replaced-by": (
        "'replaced_by' 指明替代已作废文件的文件；只有文件写明 'status: withdrawn' 时才起作用："
        "请删除，或在同一修改中将该文件作废"
    ),
    "yaml.duplicate-key": "键 '{field}' 出现了两次（第一次在第 {first} 行）；请只保留一个",
    "yaml.tab": "缩进用了制表符；YAML 须用空格缩进：请把制表符换成空格",
    "yaml.invalid": "YAML 格式错误：{problem}；请检查引号、冒号和缩进",
    "yaml.invalid-plain": "YAML 格式错误：{problem}",
    "yaml-too-large": (
        "该 YAML 长 {size} 个字符，超过 doccontrol 读取的上限 {limit}；"
        "请保持数据简短，长文本请写在文件正文中"
    ),
    "yaml-alias": (
        "不接受 YAML 锚点或别名 '{name}'：doccontrol 只把 YAML 当作普通数据读取；"
        "请把值完整写出（以 & 或 * 开头的值请加引号）"
    ),
    "yaml-too-deep": (
        "此处 YAML 嵌套超过 {depth} 层；doccontrol 的文件只有几层：请把结构改平"
    ),
    "yaml.unclosed": (
        "YAML 格式错误：第 {line} 行的 '{opener}' 没有闭合；请在该值末尾加上 '{closer}'"
    ),
    "yaml.runs-to": "（按现在的写法，该值一直延续到第 {line} 行）",
    "yaml.runs-to-end": "（按现在的写法，该值一直延续到文件末尾）",
    "yaml.open-quote": (
        "YAML 格式错误：第 {line} 行以 {quote} 开始的值没有闭合的 {quote}{where}；"
        "请在第 {line} 行该值的末尾加上 {quote}"
    ),
    "empty-file": "文件为空：请编写文件内容，或删除该文件",
    "front-matter-unclosed": "前置信息在第 1 行以 '---' 开始，但没有结束：请在最后一个字段后加一行 '---'",
    "front-matter-empty": "前置信息为空：至少应填写 id、title、type、owner 和 approvers",
    "front-matter-not-mapping": (
        "前置信息必须是 '键: 值' 形式的行，但现在是单个值：请每行写一项，如 'id: QP-01'"
    ),
    "front-matter-not-mapping.list": (
        "前置信息必须是 '键: 值' 形式的行，但现在是列表：请每行写一项，如 'id: QP-01'"
    ),
    "encoding": (
        "文件不是 UTF-8 编码（第 {line} 行的字节 {byte}）；可能是以 GBK 等旧编码保存的：请另存为 UTF-8"
    ),
    "encoding.nul": "文件含有 NUL 字节：这不是文本文件",
    "clauses-invalid": "条款文件须有 'clauses:'，其下为 {{number, title, procedure, records}} 的列表",
    "clauses-invalid.entry": "每个条款须有 'number' 和 'title'",
    "clauses-invalid.twice": "条款 {number} 列出了两次",
    "external-invalid": (
        "外来文件清单须有 'documents:'，其下为各条目的列表"
        "（id、title、number、version、source、holder、checked）"
    ),
    "external-invalid.entry": "每个条目须是含 id 和 title 的映射",
    "bad-id.external": "外来文件编号 {id} 应写成 {prefix}-01 这样",
    "missing-field.external-title": "{id} 须有 'title'（文件名称）",
    "unknown-field.external": "{id} 上有未知字段 '{field}'；可用字段为 {known}",
    "bad-date.checked": (
        "{id} 的 'checked' 为 {value}，不是有效日期；请按 YYYY-MM-DD 写最近查新日期，如 checked: 2026-09-15"
    ),
    "bad-external-status": (
        "{id} 的 'status' 为 {value}；请写 'valid'（有效）或 'superseded'（已替代：发布方已替换所持版本）"
    ),
    "roles.example": (
        "参见 README.md 中 roles.yml 的写法：people: [{{name, emails}}]，roles: {{角色: [姓名]}}，top: 角色"
    ),
    "roles.any-role": "'roles' 下列出的某个角色",
    "roles-invalid.mapping": "角色文件必须是映射；{example}",
    "roles-invalid.people": "'people' 必须是非空列表；{example}",
    "roles-invalid.person": "每个人员须有 'name:'（以及 'emails: [...]'）",
    "roles-duplicate": "人员 '{name}' 列出了两次（第一次在第 {first} 行）",
    "roles-duplicate.email": "邮箱 {email} 同时属于 {first} 和 {name}：一个邮箱只能对应一个人",
    "roles-invalid.roles": "'roles' 必须把每个角色对应到人员列表；{example}",
    "roles-invalid.both": "'{role}' 既是角色又是人员；请改名其一",
    "roles-invalid.members": "角色 '{role}' 必须列出人员，如 {role}: [张三]",
    "unknown-person": "角色 '{role}' 列出了 '{member}'，但其不在 'people' 中；请在那里添加，或更正拼写",
    "roles-invalid.key": "角色文件中有未知的键 '{field}'；{example}",
    "roles-invalid.no-top": (
        "缺少 'top'：请加一行 'top: <角色>'，指明批准本文件修改的角色（如 top: {example}）；"
        "现有角色：{choices}"
    ),
    "roles-invalid.top": (
        "'top' 为 {top}，不是已有角色：请设为批准本文件修改的角色，可选：{choices}"
    ),
    "roles-invalid.strings": "'{field}' 必须是文本值的列表",
    "signing-key-invalid.list": (
        "'signing_keys' 必须是公钥列表，每项为一行 OpenSSH 公钥（'ssh-ed25519 AAAA… 名称'）"
        "或一段 ASCII 封装的 OpenPGP 公钥（YAML 的 '|' 块）"
    ),
    "signing-key-invalid.text": "每个签名密钥都必须是文本",
    "signing-key-invalid.missing-file": (
        "'{entry}' 指向的 {file} 不存在：请把公钥放到那里（gpg --armor --export KEYID > {file}），或更正文件名"
    ),
    "signing-key-invalid.in-file": "{file}：{problem}",
    "signing-key.bad-reference": (
        "{entry} 不是有效的密钥文件引用：请指向 roles.yml 旁 keys/ 文件夹中的文件，"
        "写成 'keys/NAME.asc'（ASCII 封装的 OpenPGP 公钥，gpg --armor --export）"
        "或 'keys/NAME.pub'（一行 OpenSSH 公钥），只用字母、数字、'.'、'_' 和 '-'，不含子文件夹"
    ),
    "signing-key.neither": (
        "签名密钥必须是完整的一行 OpenSSH 公钥（~/.ssh/id_ed25519.pub 的内容：'ssh-ed25519 AAAA… 名称'）"
        "或 ASCII 封装的 OpenPGP 公钥（'gpg --armor --export'）；{start} 两者都不是"
    ),
    "signing-key.damaged": "{kind} 公钥已损坏（{reason}）；请重新粘贴 .pub 文件中的那一行",
    "signing-key.wrong-kind": "密钥数据不是 {kind} 公钥；请重新粘贴 .pub 文件中的那一行",
    "signing-key.no-end": "OpenPGP 公钥缺少 '{end}' 行；请粘贴完整的封装公钥",
    "signing-key.armour": "OpenPGP 公钥的封装已损坏；请用 gpg --armor --export 重新导出",
    "signing-key.not-v4": "该封装块中没有第 4 版 OpenPGP 公钥；请用 gpg --armor --export 重新导出",
    "signing-key.unreadable": "无法读取该 OpenPGP 公钥（{reason}）；请用 gpg --armor --export KEYID 重新导出",
    "signing-key.several": (
        "该封装块含有多个密钥，或含有本版本无法读取的密钥：每项只列一个公钥（gpg --armor --export KEYID）"
    ),
    "unknown-distribution": "发放范围 '{name}' 不是 {roles} 中的角色或部门；请使用：{known}",
    "unknown-keeper": "保管部门 '{name}' 不是 {roles} 中的角色或部门；请使用：{known}",
    "duplicate-id": "文件编号 {id} 已被 {other} 使用；每份文件须有自己的编号",
    "duplicate-id.external": "外来文件编号 {id} 与受控文件编号重复（{other}）",
    "dangling.fix": "请核对文件编号，或补充该文件",
    "unknown-owner": "编制部门 '{name}' 既不是 {roles} 中的角色，也不是其中的人员；请使用：{known}",
    "unknown-approver": "批准人 '{name}' 既不是 {roles} 中的角色，也不是其中的人员；请使用：{known}",
    "empty-role": "批准角色 '{name}' 在 {roles} 中没有任何人员，无人能批准本文件；请为该角色添加人员",
    "unknown-reviewer": "审核人 '{name}' 既不是 {roles} 中的角色，也不是其中的人员；请使用：{known}",
    "dangling-replacement": (
        "replaced_by 指向 {id}，但没有这个编号的文件；请填写替代本文件的文件编号，或删除这一行"
    ),
    "dangling-reference": "references 列出的 {id} 既不是受控文件，也不是 {external} 中的外来文件；{fix}",
    "dangling-record": "records 列出的 {id} 没有对应的记录表单；请添加该表单（type: record-form）或更正编号",
    "not-a-record-form": (
        "records 列出的 {id} 是 {type}（{path}），不是记录表单：'records' 下只列记录表单"
        "（type: record-form），{id} 请改列在 'references' 下"
    ),
    "unknown-clause.no-list": "clauses 列出了 {number}，但条款清单 {clauses} 不存在",
    "unknown-clause": "条款 {number} 不在 {clauses} 中；请使用其中列出的条款号，如 {example}",
    "dangling-link": "[[{target}]] 没有链接到任何受控文件或外来文件；{fix}",
    "clause-gap": "条款 {number}（{title}）要求有形成文件的程序，但没有程序在 'clauses' 中列出它",
    "field-type.names": "'{field}' 必须是列表，如 {field}: [客服中心, 技术服务部]",
    "field-type.name": "'{field}' 的第 {number} 项必须是角色或部门名称，不能是 {value}",
    "bad-medium": "载体 '{name}' 无效：请写 paper（纸质）、electronic（电子）或两者，如 medium: [paper, electronic]",
    "bad-publish": (
        "publish {value} 不是可选值：请写 'publish: metadata'（默认：记录页只显示日期、填写人和标题）"
        "或 'publish: full'（显示记录正文和扫描件，电话和身份证号码会被隐去）"
    ),
    "roles-missing": (
        "找不到角色文件：请创建该文件并写明 people、roles 和 top（见 README.md 中的 roles.yml），"
        "或用 doc-control 的 'roles' 选项指向它"
    ),
    "nested-document": (
        "该文件有前置信息，但位于文件夹文件 {index} 之内；章节没有前置信息——请删除前置信息，或把该文件移出文件夹"
    ),
    "no-front-matter.index": (
        "文件夹文件的 index.md 没有前置信息：请以 '---' 开头，写明 id、title、type、owner、approvers，再以 '---' 结束"
    ),
    "no-front-matter.bare-folder": (
        "该文件没有前置信息，{folder}/ 也没有 index.md：如要把该文件夹作为一份分章节的文件，"
        "请添加带前置信息（id、title、type、owner、approvers）的 {folder}/index.md；或为该文件写上自己的前置信息"
    ),
    "no-front-matter": (
        "受控文件夹中的 Markdown 文件既不是文件也不是章节：请为其写上前置信息"
        "（id、title、type、owner、approvers），或移入带 index.md 的文件夹文件"
    ),
    "config.unknown-type": "doc-control 的 '{option}' 指定了未知类别 '{type}'；可用类别有 {types}",
    "config.unknown-option": "未知的 doc-control 选项：{unknown}；可用选项有 {known}",
    "config.must-be": "doc-control 选项 '{option}' 必须是{what}",
    "config.want.folders": "文件夹名称的列表",
    "config.want.string": "字符串",
    "config.want.fields": "前置字段名的列表，如 [slug, related]",
    "config.want.approvals": "不小于 1 的整数",
    "config.want.months": "月数",
    "config.want.prefixes": "从文件类别到编号前缀的映射",
    "config.want.bool": "true 或 false",
    "config.want.organisation": "组织的法定名称（文本）",
    "config.want.fonts": (
        "如下形式的映射：{{serif: Noto Serif CJK SC, sans: …, mono: …, fallback: [DejaVu Sans]}}"
    ),
    "config.want.defaults": "从文件类别到 {{owner, approvers}} 的映射",
    "config.want.signature": "如下形式的映射：{{visible: true, seal: manual/seal.png}}",
    "config.roots-empty": "doc-control 选项 'roots' 至少要列出一个文件夹",
    "config.clauses": (
        "doc-control 选项 'clauses' 为 {value}：请给出内置条款集（{builtin}）"
        "或条款文件的路径，如 manual/clauses.yml"
    ),
    "config.fields": "doc-control 选项 'fields' 必须列出前置字段名",
    "config.min-approvals": "doc-control 选项 'min_approvals' 至少为 1",
    "config.forge-trailers": (
        "doc-control 选项 'forge_trailers' 必须是 'untrusted'（默认：平台提交的是合并人输入的内容）"
        "或 'trusted'（平台自行写入 Approved-by 签注，如 GitLab 的 %{{approved_by}} 模板）"
    ),
    "config.signatures": (
        "doc-control 选项 'signatures' 必须是 'off'（默认）、'warn'（未经验证签名的批准仍然有效，但给出警告）"
        "或 'required'（未经验证签名的批准无效）；见 README 的 'Signed approvals'"
    ),
    "config.revisions": "doc-control 选项 'revisions' 必须是 'letter'（A/0）或 'numeric'（1.0）",
    "config.review": "doc-control 选项 'review' 至少为 1 个月",
    "config.prefix": "doc-control 中 '{type}' 的前缀必须是大写字母，如 QP",
    "config.prefix-twice": "doc-control 的 'prefixes' 给两个类别指定了相同的前缀",
    "config.clock-skew": "doc-control 选项 'clock_skew' 必须是小时（如 1h）或分钟（如 30m）",
    "config.organisation": "doc-control 选项 'organisation' 必须是组织的法定名称，写在一行内",
    "config.mask": "doc-control 选项 'mask' 必须列出正则表达式，如 mask: ['客户编号\\d{{8}}']",
    "config.mask-invalid": (
        "doc-control 选项 'mask' 的模式 {pattern} 不是有效的正则表达式（{reason}）；请修正或删除"
    ),
    "config.mask-empty": (
        "doc-control 选项 'mask' 的模式 {pattern} 能匹配空文本，因而什么也遮盖不了；请让它至少匹配一个字符"
    ),
    "config.names": "doc-control 选项 '{option}' 必须是非空列表，如 [管理者代表, 质量部]",
    "config.names.emails": "doc-control 选项 '{option}' 必须是非空列表，如 [noreply@github.com]",
    "config.outside": (
        "doc-control 选项 '{option}' 指向的 '{value}' 在仓库之外；受控文件必须在 git 中："
        "请给出相对于 mkdocs.yml 的路径，如 '{example}'"
    ),
    "config.fonts-unknown": (
        "doc-control 的 'print_fonts' 有未知的键 {unknown}；它必须是如下形式的映射："
        "{{serif: Noto Serif CJK SC, sans: …, mono: …, fallback: [DejaVu Sans]}}"
    ),
    "config.fonts-family": "doc-control 'print_fonts' 的 {role} 必须是字体族名称",
    "config.fonts-fallback": "doc-control 'print_fonts' 的 fallback 必须列出字体族",
    "config.defaults": (
        "doc-control 中 '{type}' 的 'defaults' 必须是映射，如 {{owner: 质量部, approvers: [管理者代表]}}"
    ),
    "config.defaults-unknown": (
        "doc-control 中 '{type}' 的 'defaults' 有未知的键 {unknown}；可用的键有 {known}"
    ),
    "config.defaults-name": "doc-control 中 '{type}' 的 'defaults'：'{field}' 必须是名称，如 质量部",
    "config.defaults-list": (
        "doc-control 中 '{type}' 的 'defaults'：'{field}' 必须列出角色或人员，如 [管理者代表]"
    ),
    "config.yaml": "mkdocs.yml 不是有效的 YAML：{problem}",
    "config.unreadable": "无法读取 mkdocs.yml：{reason}",
    "config.not-mapping": "mkdocs.yml 必须是设置项的映射",
    "types.option": "doc-control 选项 'types'：{problem}",
    "types.twice": "类别 '{type}' 定义了两次；每个类别只保留一条",
    "types.mapping": "它必须把每个类别的键对应到其字段，如\n{example}",
    "types.key": "类别键 {type} 只能由小写字母、数字和连字符组成，如 sop",
    "types.entry": "类别 '{type}' 必须是字段的映射，如\n{example}",
    "types.unknown-field": "类别 '{type}' 有未知字段 {unknown}；可用字段有 {known}",
    "types.no-label": "类别 '{type}' 没有名称；请按语言分别给出，如 {example}",
    "types.prefix": "类别 '{type}' 须有由大写字母和数字组成的前缀，如 SOP（编号即为 SOP-01），不能是 {value}",
    "types.external-prefix": "类别 '{type}'：前缀 {prefix} 留给外来文件使用",
    "types.level": "类别 '{type}'：level 必须是不小于 1 的整数（清单和站点栏目的顺序），不能是 {value}",
    "types.flag": "类别 '{type}'：{field} 必须是 true 或 false",
    "types.folder": "类别 '{type}'：folder 必须是仓库内的文件夹，如 procedures",
    "types.languages": "类别 '{type}'：{field} 有未知语言 {unknown}；可用语言有 {known}",
    "types.label-missing": "类别 '{type}'：{field} 缺少 {missing} 名称；请两种语言都给出，如 {example}",
    "types.label-kind": "类别 '{type}'：{field} 必须是文本或 {{zh: …, en: …}}",
    "types.same-prefix": "类别 '{first}' 和 '{type}' 的前缀同为 {prefix}；请各用各的前缀",
    "typography": (
        "中文文本中有半角标点：{marks}；请运行 'doccontrol fix --typography {path}'，或改用全角标点"
    ),
    "raw-html-script": (
        "正文中的 <script> 元素会在每位读者的浏览器中运行；请删除，"
        "如确属有意，请在 doc-control 选项中设置 'allow_raw_html: true'"
    ),
    "raw-html-event-handler": (
        "正文中的 HTML 事件属性（on...=）会在每位读者的浏览器中运行；请删除，"
        "如确属有意，请在 doc-control 选项中设置 'allow_raw_html: true'"
    ),
    "raw-html-javascript-url": (
        "正文中的 javascript: 链接在读者点击时会在其浏览器中运行；请删除，"
        "如确属有意，请在 doc-control 选项中设置 'allow_raw_html: true'"
    ),
    "extension-reads-outside": (
        "Markdown 扩展 {name} 能读取仓库之外的内容：{problem}；请加以限制"
        "（check_paths: true，base_path 在仓库内，不下载），使页面只显示经 git 批准的文本"
    ),
    "extension.check-paths": "缺少 'check_paths: true'，路径写错时会静默地变成空白",
    "extension.restrict-base-path": "'restrict_base_path: false' 允许片段引用任意文件",
    "extension.url-download": "'url_download: true' 会从网络粘贴文本",
    "extension.outside": "'{path}' 在仓库之外",
    "extension.base-path": "base_path '{path}' 在仓库之外",
    "extension.allow-remote": "'allow_remote' 不是 false，会从网络粘贴文本",
    "broken-link.link-outside": "链接 {url} 指向仓库之外；请链接到仓库中的文件，或使用完整网址",
    "broken-link.image-outside": "图片 {url} 指向仓库之外；请链接到仓库中的文件，或使用完整网址",
    "broken-link.link-missing": "链接 {url} 指向的 {resolved} 不存在；请更正路径（相对于 {base}）",
    "broken-link.image-missing": "图片 {url} 指向的 {resolved} 不存在；请更正路径（相对于 {base}）",
    "broken-link.repository": "仓库根目录",
    "link-to-withdrawn": "链接 {url} 指向已作废的 {target}；请改为链接替代它的文件，或删除该链接",
    "broken-anchor": "{url} 中的锚点不对应 {path} 的任何标题；其标题有 {headings}（按站点目录生成的标识）",
    "broken-anchor.none": "{url} 中的锚点不对应 {path} 的任何标题；该文件没有标题",
    "acknowledged-invalid": "该文件须有 'acknowledged:'，其下为 {{commit, code, reason}} 的列表，如：\n{example}",
    "acknowledged-invalid.entry": "每一条都须有 commit、code 和 reason",
    "acknowledged-invalid.commit": "'commit' 必须是至少 7 位十六进制数字的提交号",
    "acknowledged-invalid.code": "'code' 必须是问题代码，如 date-backwards",
    "acknowledged-invalid.reason": "'reason' 必须说明为何接受该问题",
    "acknowledged-invalid.all": "{problems}。",
    "acknowledged": "{finding}【已由 {by} 于 {on} 在 {file} 中确认：{reason}】",
    "acknowledged.adopter": "基线建立人",
    "baseline-entry.mapping": (
        "baseline.yml 把文件编号对应到其纸质版本，如 QP-01: {{revision: C/2, issued: 2023-05-10, approved_by: 王建国}}"
    ),
    "baseline-entry.order": "{id}：版本 {label} 不在 {previous} 之后；请按从旧到新的顺序列出纸质版本",
    "baseline-entry.entry": (
        "{id} 须有 revision、issued 和 approved_by，如 {{revision: {example}, issued: 2023-05-10, approved_by: 王建国}}"
    ),
    "baseline-entry.unknown": "{id}：未知的键 {unknown}；可用的键有 {known}",
    "baseline-entry.scheme": (
        "{id}：版本 {label} 不符合 {scheme} 编号方式；请写成 {example} 这样，纸质标签（如 r4）请写在 paper_label 中"
    ),
    "baseline-entry.issued": "{id}：'issued' 必须是纸质版的发布日期，如 issued: 2023-05-10",
    "baseline-entry.approved-by": "{id}：'approved_by' 必须写明纸质版本 {label} 的批准人",
}
