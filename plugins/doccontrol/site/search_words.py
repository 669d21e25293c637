"""Words the Chinese search segmenter must keep whole (pure).

Material's search plugin cuts Chinese text into words with jieba at build time, and the
browser cuts a query greedily by the words of the index. When jieba cuts a term one way
in the text (保存|期限) and the index holds a longer word that starts the query (保存期),
the query misses the page. Teaching jieba the organisation's terms makes every occurrence
one word, so that any query starting the term finds it.
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


def search_words(catalog: Catalog) -> tuple[str, ...]:
    """The terms, and the roles, departments and people of roles.yml."""
    words = list(QMS_TERMS)
    if catalog.roles is not None:
        for role, members in catalog.roles.roles:
            words.append(role)
            words.extend(members)
    return tuple(dict.fromkeys(w for w in words if len(w) > 1))
