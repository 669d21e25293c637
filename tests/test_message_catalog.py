"""The message catalog: both languages say every message, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest
from doccontrol.model.catalog import TABLES
from doccontrol.model.findings import OutputFormat, error, render_findings, summary_line
from doccontrol.model.messages import msg

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys() -> None:
    assert set(TABLES["en"]) == set(TABLES["zh"])


@pytest.mark.parametrize("key", sorted(TABLES["en"]))
def test_an_entry_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert _placeholders(TABLES["en"][key]) == _placeholders(TABLES["zh"][key])


@pytest.mark.parametrize("key", sorted(TABLES["zh"]))
def test_chinese_is_chinese_and_english_is_latin(key: str) -> None:
    assert CJK.search(TABLES["zh"][key]), f"{key}: the Chinese entry has no Chinese"
    assert not CJK.search(TABLES["en"][key]), f"{key}: the English entry has CJK or full-width text"


def test_a_finding_renders_in_either_language_and_keeps_its_code() -> None:
    finding = error("a.md", 3, "x-code", msg("findings.summary", errors=2, warnings=("甲", "乙")))
    assert finding.as_text("en").endswith("x-code: doccontrol: 2 error(s), 甲, 乙 warning(s)")
    assert finding.as_text("zh").endswith("x-code: doccontrol：2 个错误，甲、乙 个警告")
    assert '"code": "x-code"' in render_findings([finding], OutputFormat.JSON, language="zh")
    assert summary_line([finding], "zh") == "doccontrol：1 个错误，0 个警告"
    assert summary_line([finding], "en-GB") == "doccontrol: 1 error(s), 0 warning(s)"
