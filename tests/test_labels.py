"""The label tables (issue 14, item 5): one home per language, the same keys in both.

English labels are Latin text with Latin punctuation; the placeholders a label
takes are the same in both languages, so that a caller filling one fills the other.
"""

from __future__ import annotations

import re
import string

import pytest
from doccontrol.model.documents import DEFAULT_TYPES, parse_retention
from doccontrol.rendering.labels import (
    EN,
    ZH,
    bracketed,
    label,
    names,
    quoted,
    retention_label,
    section_of,
)

# CJK ideographs, CJK punctuation (、。《》「」), full-width forms (（）：；，) and the
# typographic apostrophe and brackets an English text must not borrow from Chinese.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_tables_have_the_same_sections_and_keys() -> None:
    assert ZH.keys() == EN.keys()
    for section in ZH:
        assert ZH[section].keys() == EN[section].keys(), section


@pytest.mark.parametrize("section", sorted(ZH))
def test_a_label_takes_the_same_placeholders_in_both_languages(section: str) -> None:
    for key, text in ZH[section].items():
        assert _fields(text) == _fields(EN[section][key]), (section, key)


@pytest.mark.parametrize("section", sorted(EN))
def test_english_labels_hold_no_chinese_and_no_full_width_punctuation(section: str) -> None:
    for key, text in EN[section].items():
        assert not CJK.search(text), (section, key, text)
        assert text.strip() or key == "list_sep", (section, key)


def test_every_chinese_label_is_written() -> None:
    for section, table in ZH.items():
        for key, text in table.items():
            assert text.strip(), (section, key)


def test_language_follows_the_site_language_code() -> None:
    assert section_of("en-GB", "status")["current"] == "current"
    assert section_of("zh-Hant", "status")["current"] == "现行"
    assert label("en", "control", "draft_next", rev="A/1") == "Once approved it becomes revision A/1."
    assert names(["Ann", "Bo"], "en") == "Ann, Bo" and names(["甲", "乙"], "zh") == "甲、乙"
    assert bracketed("A/1", "en") == " (A/1)" and bracketed("A/1", "zh") == "（A/1）"
    assert quoted("Title", "en") == "“Title”" and quoted("标题", "zh") == "《标题》"


def test_types_and_retention_read_their_labels_per_language() -> None:
    for doc_type in DEFAULT_TYPES.types:
        assert not CJK.search(doc_type.label("en")) and CJK.search(doc_type.label("zh"))
    three = parse_retention("3y")
    assert three is not None
    assert (retention_label(three, "en"), retention_label(three, "zh")) == ("3 years", "3 年")
    one = parse_retention("1y")
    assert one is not None and retention_label(one, "en") == "1 year"
    months = parse_retention("18m")
    assert months is not None and retention_label(months, "en") == "18 months"
    forever = parse_retention("permanent")
    assert forever is not None
    assert (retention_label(forever, "en"), retention_label(forever, "zh")) == ("permanent", "永久")
