"""The notes in fixtures/shapes/: greeting, sign-off and template slots as a careful reader labelled them."""

from __future__ import annotations

import tomllib

import pytest

from helpers import FIXTURES
from notecheck import Checker, Config

SHAPES = FIXTURES / "shapes"
LABELS = tomllib.loads((SHAPES / "labels.toml").read_text(encoding="utf-8"))["notes"]
CHECKER = Checker(Config(grammar=False, select=("NC301", "NC302", "NC303")))


@pytest.mark.parametrize("name", sorted(LABELS))
def test_shape(name: str) -> None:
    label = LABELS[name]
    report = CHECKER.check((SHAPES / name).read_text(encoding="utf-8"), path=name)
    failed = {r.code for r in report.results if r.status.value == "failed"}
    expected = {code for code, problem in (("NC301", label["placeholder"]), ("NC302", not label["greeting"]),
                                           ("NC303", not label["sign_off"])) if problem}
    assert failed == expected, f"{label['shape']}: {[r.reason for r in report.results]}"


def test_every_shape_note_is_labelled() -> None:
    assert {p.name for p in SHAPES.glob("*.txt")} == set(LABELS)
