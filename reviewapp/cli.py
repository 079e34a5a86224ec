"""The command line: ``reviewapp`` alone starts the GUI; subcommands work on the database.

Each group of subcommands lives in a module of ``reviewapp.commands`` with a
``register(subparsers, common)`` function; handlers receive the parsed arguments and an opened
``Services`` and return an exit code.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewapp import __version__, paths
from reviewapp.domain.errors import ReviewAppError

COMMAND_MODULES = (
    "reviewapp.commands.frameworks",
    "reviewapp.commands.staff",
    "reviewapp.commands.reviews",
    "reviewapp.commands.demo",
    "reviewapp.commands.pdf",
    "reviewapp.commands.search",
    "reviewapp.commands.maintenance",
    "reviewapp.commands.verify",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="reviewapp",
        description="Staff performance reviews against a competency framework. "
        "With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"reviewapp {__version__}")
    db_help = f"database file (default: ${paths.DB_ENV} or the user data folder)"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def _utf8_when_redirected() -> None:
    """Names in any script must survive ``> file`` on Windows, where the default is a code page."""
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _desktop_app_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """``reviewapp`` alone or with ``--db FILE``: the desktop app, started without loading the
    command modules, which would import the database layer before the window could paint."""
    quick = argparse.ArgumentParser(prog="reviewapp", add_help=False, exit_on_error=False)
    quick.add_argument("--db")
    try:
        args, rest = quick.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_when_redirected()
    desktop = _desktop_app_arguments(argv)
    if desktop is not None:
        from reviewapp.app import main as gui_main

        return gui_main(desktop.db or str(paths.default_database()))
    parser = build_parser()
    args = parser.parse_args(argv)
    database = args.db or str(paths.default_database())
    if args.command is None:
        from reviewapp.app import main as gui_main

        return gui_main(database)
    direct = getattr(args, "direct_handler", None)
    if direct is not None:  # commands that open the database their own way (maintenance.py)
        try:
            return int(direct(args, database))
        except ReviewAppError as exc:
            print(f"reviewapp: {exc}", file=sys.stderr)
            return 1
    from reviewapp.services.container import Services

    try:
        # The lock keeps the single-writer rule: with the app open on the same file, a command
        # still reads, and a change is refused with a message naming who has the file open.
        services = Services.open(database, lock=True)
    except ReviewAppError as exc:
        print(f"reviewapp: {exc}", file=sys.stderr)
        return 2
    try:
        code: int = args.handler(args, services)
        return code
    except ReviewAppError as exc:
        print(f"reviewapp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reviewapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (``reviewapp staff list | head``): end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        services.close()
