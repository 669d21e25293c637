"""The search segmenter keeps the organisation's terms whole in every context.

Material's browser search finds a page for a query when a word of the page's index
starts where the query starts (site.search_words). These tests cut the sample's own
texts with jieba, as Material's search plugin does at build time.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from doccontrol.site.search_words import QMS_TERMS, TERM_FREQUENCY

jieba = pytest.importorskip("jieba")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _runs() -> list[str]:
    texts = [p.read_text("utf-8") for root in ("manual", "procedures", "records", "docs")
             for p in sorted((ROOT / root).rglob("*.md"))]
    return [run for text in texts for run in _HAN.findall(text)]


def _misses(term: str, runs: list[str]) -> list[str]:
    """Runs holding the term where no one word starts with it at one of its occurrences
    (文件|控制程序 for 文件控制): the query, looked up as a prefix, misses such a page."""
    out = []
    for run in runs:
        if term not in run:
            continue
        words, at = {}, 0
        for word in jieba.cut(run):
            words[at] = word
            at += len(word)
        if any(not words.get(m.start(), "").startswith(term) for m in re.finditer(term, run)):
            out.append(run)
    return out


def test_taught_terms_start_a_word_wherever_they_occur() -> None:
    runs = _runs()
    jieba.setLogLevel(30)
    for word in QMS_TERMS:
        jieba.add_word(word, TERM_FREQUENCY)
    # Titles of procedures hold these terms followed by 程序, which jieba would rather
    # cut 文件|控制程序 (taught at the frequency it suggests); the queries 文件控制 and
    # 文件控制程序 then missed the page.
    for term in ("文件控制", "记录控制", "投诉处理", "保存期限", "服务补救", "纠正措施"):
        assert any(term in run for run in runs), term
        assert _misses(term, runs) == [], term
