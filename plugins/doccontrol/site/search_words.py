"""Words the Chinese search segmenter must keep whole (pure).

Material's search plugin cuts Chinese text into words with jieba at build time. In the
browser it cuts a query by the words of the index, taking at each place the longest
index word that is a proper prefix of the rest (never the whole query), and looks each
piece up as a prefix (``投诉处理`` becomes ``投诉* 处*``, the pieces or-ed). A page holding
the query is therefore found exactly when a word of its text starts where the query
starts. jieba decides by context: taught a term at the frequency it would suggest, it
still cut 文件控制程序 as 文件|控制程序 (5 of 28 occurrences of 文件控制 kept whole in the
demo) and 保存|期限 beside a longer word, so a query for the term or the title missed
those pages. Taught at a frequency as high as its commonest words, a term wins its route
in every context, and each occurrence starts a word.
"""

from __future__ import annotations

from doccontrol.sources.catalog import Catalog

# Terms of a service organisation's management system (GB/T 27922, ISO 9001 vocabulary).
QMS_TERMS = (
    "保存期限", "保存地点", "投诉处理", "服务补救", "纠正措施", "预防措施", "内部审核",
    "管理评审", "顾客满意", "满意度调查", "不合格服务", "服务质量", "服务承诺", "服务公约",
    "服务规范", "服务提供", "服务控制", "文件控制", "记录控制", "受控文件", "非受控文件",
    "外来文件", "作废文件", "记录表单", "作业指导书", "程序文件", "文件编号", "文件名称",
    "发布日期", "实施日期", "下次评审", "修改状态", "修订记录", "批准人", "编制部门",
    "上门服务", "回访", "顾客财产", "备件", "收费标准", "人员培训", "供方评价", "外包服务",
)


# As likely as the commonest words of jieba's dictionary (的: 318 825 of 60 million), so
# that no split of a term with its neighbours outweighs it; high enough for that, low
# enough that the few dozen terms leave the dictionary's total, and with it the cutting
# of all other text, nearly unchanged.
TERM_FREQUENCY = 100_000


def search_words(catalog: Catalog) -> tuple[str, ...]:
    """The terms, and the roles, departments and people of roles.yml."""
    words = list(QMS_TERMS)
    if catalog.roles is not None:
        for role, members in catalog.roles.roles:
            words.append(role)
            words.extend(members)
    return tuple(dict.fromkeys(w for w in words if len(w) > 1))
