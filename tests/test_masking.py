"""Masking personal numbers in published records (rendering.masking): a pure function,
tested on the ways people write numbers and on inputs built to slip past it."""

from __future__ import annotations

import re

import pytest
from doccontrol.model.errors import ConfigError
from doccontrol.rendering.masking import BUILT_IN, extra_patterns, mask_text
from doccontrol.sources.config import config_from_options

MOBILE = "13857126638"
ID_CARD = "33010619880512271X"
LANDLINE = "057187654321"


def _digits(text: str) -> str:
    """Every digit of ``text``, full-width ones as ASCII, separators dropped."""
    return "".join(str(int(c)) for c in text if c.isdigit())


@pytest.mark.parametrize(
    "written",
    [
        MOBILE,
        "138 5712 6638",
        "138-5712-6638",
        "138 - 5712 - 6638".replace(" - ", "-"),
        "138.5712.6638",
        "１３８５７１２６６３８",  # full-width digits
        "１３８－５７１２－６６３８",  # full-width hyphens
        "138\u200b5712\u200b6638",  # zero-width spaces between the groups
        "138\u30005712\u30006638",  # ideographic spaces
        "+86 138 5712 6638",
        "+8613857126638",
        "&#49;&#51;&#56;57126638",  # HTML character references render as digits
        "&#x31;38&#65301;7126638",
    ],
)
def test_a_mobile_number_is_masked_however_it_is_written(written: str) -> None:
    masked = mask_text(f"顾客手机：{written}，请回电。")
    assert MOBILE[3:9] not in _digits(masked), masked
    assert "*" in masked and masked.startswith("顾客手机：") and masked.endswith("，请回电。")


@pytest.mark.parametrize(
    "written",
    [
        ID_CARD,
        ID_CARD.lower(),
        "330106 19880512 271X",
        "330106-19880512-271X",
        "３３０１０６１９８８０５１２２７１Ｘ",
        "330106198805122716",
    ],
)
def test_an_id_card_number_is_masked_whole(written: str) -> None:
    masked = mask_text(f"身份证号：{written}。")
    assert _digits(masked) == "", masked
    assert "X" not in masked.upper().replace("身份证号", "")


@pytest.mark.parametrize("written", ["0571-87654321", "(0571) 8765 4321", "（0571）87654321", "010-6512 3456"])
def test_a_landline_is_masked(written: str) -> None:
    masked = mask_text(f"座机 {written}")
    kept = _digits(masked)
    assert len(kept) <= 6 and "8765" not in kept and "6512" not in kept, masked


@pytest.mark.parametrize(
    "text",
    [
        "受理时间 2026-09-03 09:12，金额 200 元",
        "投诉编号 TS20260903017；关联工单 GD20260829044",
        "标准 GB/T 19001-2016 第 4.4.4 条",
        "版本 A/1，共 12 页",
        "12345678901234567890",  # a longer run of digits is no phone and no ID card
    ],
)
def test_ordinary_numbers_are_left_alone(text: str) -> None:
    assert mask_text(text) == text


def test_an_organisation_adds_its_own_patterns() -> None:
    patterns = (*BUILT_IN, *extra_patterns([r"KH-\d{6}"]))
    masked = mask_text("客户编号 KH-778899，手机 13857126638", patterns)
    assert "778899" not in masked and "KH-" not in masked and MOBILE not in masked
    assert re.search(r"\*{9}", masked)


@pytest.mark.parametrize("bad", [["("], [""], ["a*"], [3]])
def test_bad_mask_options_are_refused_with_a_message(bad: list[object]) -> None:
    with pytest.raises(ConfigError, match="mask"):
        config_from_options({"mask": bad})


def test_a_masked_text_masks_again_to_itself() -> None:
    once = mask_text(f"手机 {MOBILE}，身份证 {ID_CARD}，座机 0571-87654321")
    assert mask_text(once) == once
