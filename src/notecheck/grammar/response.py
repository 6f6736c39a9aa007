"""A ``/v2/check`` answer, validated and turned into matches on the text that was sent.

Nothing from a server is taken on trust: the document must be an object with a list of matches, each
match an object whose offset and length are whole numbers that fall inside the text (in Java UTF-16
code units, converted here to Python code points) and whose texts are strings. Anything else raises
``GrammarUnavailable`` with a reason starting "bad response", so grammar is skipped (exit 3) rather
than reporting positions that point nowhere.
"""

from __future__ import annotations

from typing import Any

from .model import GrammarMatch, GrammarUnavailable

MAX_REPLACEMENTS = 5


def utf16_to_codepoint_map(text: str) -> list[int] | None:
    """Map UTF-16 offsets to str indices; ``None`` when they coincide."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table: list[int] = []
    for index, ch in enumerate(text):
        table.append(index)
        if ord(ch) >= 0x10000:
            table.append(index)  # low surrogate maps to the same character
    table.append(len(text))
    return table


def _convert(table: list[int] | None, offset: int, length: int) -> tuple[int, int]:
    if table is None:
        return offset, length
    last = len(table) - 1
    begin_u16 = min(max(offset, 0), last)
    end_u16 = min(max(offset + length, begin_u16), last)
    start, end = table[begin_u16], table[end_u16]
    if 0 < end_u16 < last and table[end_u16] == table[end_u16 - 1]:
        end += 1  # the span ended inside a surrogate pair: keep the whole character
    return start, end - start


class _Bad(Exception):
    pass


def _whole(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f"{what} is {type(value).__name__}, not a whole number")
    return value


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(f"{what} is {type(value).__name__}, not text")
    return value


def _object(value: Any, what: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad(f"{what} is {type(value).__name__}, not an object")
    return value


def _match(item: Any, number: int, units: int, table: list[int] | None) -> GrammarMatch:
    where = f"match {number}"
    if not isinstance(item, dict):
        raise _Bad(f"{where} is {type(item).__name__}, not an object")
    offset, length = _whole(item.get("offset"), f"{where}: offset"), _whole(item.get("length"), f"{where}: length")
    if offset < 0 or length < 0 or offset + length > units:
        raise _Bad(f"{where}: offset {offset} and length {length} fall outside the text ({units} UTF-16 units)")
    rule = _object(item.get("rule"), f"{where}: rule")
    category = _object(rule.get("category"), f"{where}: rule.category")
    replacements = item.get("replacements") or []
    if not isinstance(replacements, list):
        raise _Bad(f"{where}: replacements is {type(replacements).__name__}, not a list")
    values = tuple(_text(_object(r, f"{where}: a replacement").get("value"), f"{where}: a replacement")
                   for r in replacements[:MAX_REPLACEMENTS])
    start, span = _convert(table, offset, length)
    return GrammarMatch(
        rule_id=_text(rule.get("id"), f"{where}: rule.id"),
        category_id=_text(category.get("id"), f"{where}: rule.category.id"),
        issue_type=_text(rule.get("issueType"), f"{where}: rule.issueType"),
        message=_text(item.get("message"), f"{where}: message"),
        short_message=_text(item.get("shortMessage"), f"{where}: shortMessage"),
        replacements=values,
        offset=start,
        length=span,
        rule_description=_text(rule.get("description"), f"{where}: rule.description"),
    )


def parse_matches(payload: Any, text: str, source: str = "LanguageTool") -> list[GrammarMatch]:
    """Turn a ``/v2/check`` JSON document into matches on ``text``; ``GrammarUnavailable`` when it is
    malformed in any way."""
    try:
        if not isinstance(payload, dict):
            raise _Bad(f"the answer is {type(payload).__name__}, not an object")
        raw = payload.get("matches")
        if not isinstance(raw, list):
            raise _Bad("the answer has no list of matches")
        table = utf16_to_codepoint_map(text)
        units = len(table) - 1 if table is not None else len(text)
        if len(raw) > units + 1:
            raise _Bad(f"{len(raw)} matches for a text of {units} UTF-16 units")
        return [_match(item, number, units, table) for number, item in enumerate(raw, start=1)]
    except _Bad as exc:
        raise GrammarUnavailable(f"bad response from {source}: {exc}") from None


def software_version(payload: dict[str, Any]) -> str | None:
    """``software.version`` when it is text."""
    software = payload.get("software")
    version = software.get("version") if isinstance(software, dict) else None
    return version if isinstance(version, str) and version else None
