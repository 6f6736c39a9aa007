"""The ``notecheck`` command: a thin client of the library. Exit codes: ``notecheck.exit_codes``."""

from __future__ import annotations

import sys

SUBCOMMANDS = {"rules", "explain", "anatomy", "server", "languagetool"}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # fast path: no Typer, no Rich, not even the library
        from importlib.metadata import version

        print(f"notecheck {version('notecheck')}")
        raise SystemExit(0)
    if args and args[0] in SUBCOMMANDS:  # only these need the grammar server's and the registry's commands
        from notecheck.cli.tools import tools_app

        tools_app(args=args, prog_name="notecheck")
    else:
        from notecheck.cli.check import check_app

        check_app(args=args, prog_name="notecheck")


if __name__ == "__main__":
    main()
