#!/usr/bin/env python3
"""Set up and run reviewapp from a checkout, on Windows or Linux, with nothing but Python 3.11+.

    python3 dev.py app [reviewapp arguments]   create .venv if needed, install, start the app
    python3 dev.py test [pytest arguments]     the same with the test extras, then run the tests

Inside an already active virtual environment that environment is used instead of .venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _environment(extras: str) -> str:
    """The Python to use, with reviewapp installed (editable) with ``extras``."""
    if sys.prefix != sys.base_prefix:
        python = sys.executable
    else:
        if not _venv_python().exists():
            print(f"Creating a virtual environment in {VENV} ...", flush=True)
            venv.EnvBuilder(with_pip=True).create(VENV)
        python = str(_venv_python())
    spec = f".[{extras}]" if extras else "."
    print(f"Installing reviewapp{f' with {extras} extras' if extras else ''} ...", flush=True)
    subprocess.run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec],
        cwd=ROOT,
        check=True,
    )
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must run on older Pythons to say so
        print("reviewapp needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "app":
            python = _environment("")
            return subprocess.call([python, "-m", "reviewapp", *rest], cwd=ROOT)
        python = _environment("test")
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)
    except subprocess.CalledProcessError as exc:
        print(f"Setting up failed (exit code {exc.returncode}); see the messages above.")
        return exc.returncode or 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
