"""Bytes to text: UTF-8 (a BOM is fine), CRLF folded to LF, and a clear word when it is not."""

from __future__ import annotations

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg


def decode(path: str, data: bytes) -> tuple[str | None, Finding | None]:
    """Decode a controlled file. Returns ``(text, None)`` or ``(None, finding)``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, error(
            path,
            line,
            "encoding",
            msg("encoding", byte=f"0x{data[exc.start]:02x}", line=line),
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, error(path, line, "encoding", msg("encoding.nul"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
