"""Messages shared by every command: the summary line and other words about findings."""

from __future__ import annotations

EN: dict[str, str] = {
    "findings.none": "doccontrol: no findings",
    "findings.summary": "doccontrol: {errors} error(s), {warnings} warning(s)",
}

ZH: dict[str, str] = {
    "findings.none": "doccontrol：未发现问题",
    "findings.summary": "doccontrol：{errors} 个错误，{warnings} 个警告",
}
