"""The ``notecheck`` command: a thin client of the library. Exit codes: ``notecheck.exit_codes``."""

from __future__ import annotations

import sys
from importlib.metadata import version

SUBCOMMANDS = {"rules", "explain", "server", "languagetool"}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # fast path: no Typer, no Rich
        print(f"notecheck {version('notecheck')}")
        raise SystemExit(0)
    from notecheck.cli_app import check_app, tools_app

    app = tools_app if args and args[0] in SUBCOMMANDS else check_app
    app(args=args, prog_name="notecheck")


if __name__ == "__main__":
    main()
