"""``reviewapp --version`` in-process and as ``python -m reviewapp``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reviewapp import __version__, cli


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"reviewapp {__version__}"


def test_version_as_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reviewapp", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"reviewapp {__version__}"
    assert done.stderr == ""


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["no-such-command"])
    assert exited.value.code == 2
    assert "invalid choice: 'no-such-command'" in capsys.readouterr().err
