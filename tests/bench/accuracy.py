"""Rule accuracy on a folder of labelled notes: `python tests/bench/accuracy.py NOTES LABELS [CODE ...]`.

LABELS is a TOML file in the format of fixtures/labels.toml (``[notes."name.txt"] fails = [...]``).
Prints, per rule, accuracy, precision and recall of "the rule fails" against the labels, and lists
every disagreement. Without codes it reports NC102, NC103, NC104 and NC601.
"""

from __future__ import annotations

import dataclasses
import sys
import tomllib
from datetime import datetime
from pathlib import Path

DEFAULT_CODES = ("NC102", "NC103", "NC104", "NC601")
FIXED_NOW = datetime.fromisoformat("2026-11-20T12:00:00+00:00")


def failed_rules(folder: Path, names: list[str]) -> dict[str, set[str]]:
    from notecheck import Checker, Config
    from notecheck.inputs import parse_draft

    checker = Checker(Config(grammar=False))
    result = {}
    for name in names:
        draft = parse_draft((folder / name).read_text(encoding="utf-8"), path=name)
        if draft.note.context.sent_date is None:
            draft.note.context = dataclasses.replace(draft.note.context, sent_date=FIXED_NOW)
        report = checker.check_draft(draft)
        result[name] = {r.code for r in report.results if r.status.value == "failed"}
    return result


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:.2f}" if bottom else "  - "


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        sys.stderr.write(__doc__ or "")
        return 2
    folder, labels_path, *codes = argv
    labels = tomllib.loads(Path(labels_path).read_text(encoding="utf-8"))["notes"]
    names = sorted(labels)
    got = failed_rules(Path(folder), names)
    print(f"{len(names)} notes")
    print(f"{'rule':<6}  {'acc':>5}  {'prec':>5}  {'rec':>5}  {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3}")
    misses = []
    for code in codes or DEFAULT_CODES:
        tp = fp = fn = tn = 0
        for name in names:
            want, have = code in labels[name]["fails"], code in got[name]
            tp += want and have
            fp += have and not want
            fn += want and not have
            tn += not want and not have
            if want != have:
                misses.append(f"  {code} {name}: {'missed' if want else 'false alarm'}")
        print(f"{code:<6}  {ratio(tp + tn, len(names)):>5}  {ratio(tp, tp + fp):>5}  {ratio(tp, tp + fn):>5}  "
              f"{tp:>3} {fp:>3} {fn:>3} {tn:>3}")
    if misses:
        print("disagreements:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
