"""The README's table of failure modes says what the code says: each message in it is made of text the
source really produces, and each exit code is one of the documented ones."""

from __future__ import annotations

import re

from helpers import ROOT

SOURCE = re.sub(r"[\"']\s*\n\s*f?[\"']", "",  # string literals continued on the next line, joined
                "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "notecheck").rglob("*.py")))
PLACEHOLDERS = re.compile(r": |…|<stdin>: |front matter (?=\w+_date)|'[^']*'|\d+|\bN\b|\bX\b|U\+[0-9A-F]{4}|\([^)]*\)$|[/`]")


def table_rows() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### When something goes wrong", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| what")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_every_failure_mode_has_a_message_from_the_source_and_an_exit_code() -> None:
    rows = table_rows()
    assert len(rows) >= 15
    for what, message, code in rows:
        assert code in ("2", "3", "the verdict's", "as checked"), (what, code)
        for quoted in re.findall(r"`([^`]+)`", message):
            for fragment in PLACEHOLDERS.split(quoted):
                fragment = fragment.strip(" :;,.()")
                if len(fragment) >= 8:
                    assert fragment in SOURCE, (what, fragment)
