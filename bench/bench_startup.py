"""Cold start to the painted main window, and resident memory, each beside a bare PySide6 window.

Every measurement is a fresh process (startup_harness.py) on the same platform plugin, started
alternately for the floor and for reviewapp so that machine noise falls on both alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench_data import has_module
from common import ROOT, Figure, median

HARNESS = Path(__file__).with_name("startup_harness.py")
START_RATIO_LIMIT = 1.3
MEMORY_LIMIT_MB = 200.0
TIMEOUT_S = 120


def _launch(args: list[str]) -> tuple[float, dict[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # An installed app has compiled bytecode; the untimed first launch writes it (see below).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    done = subprocess.run(
        [sys.executable, str(HARNESS), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"start-up harness {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    result = json.loads(lines[-1])
    result["ready_ms"] = (result["ready"] - started) * 1000
    return (result["painted"] - started) * 1000, result


def _forget_todays_backups(database: Path) -> None:
    """Delete today's automatic backups of the benchmark database, so the app makes one."""
    from datetime import date

    from reviewapp.services.backup import list_backups

    for backup in list_backups(database):
        if backup.kind == "auto" and backup.created.date() == date.today():
            backup.path.unlink(missing_ok=True)


def startup_figures(database: Path, runs: int) -> list[Figure]:
    if not has_module("reviewapp.app"):
        from common import pending

        return [
            pending("cold start to painted main window", "reviewapp.app does not exist yet"),
            pending("resident memory, large database open", "reviewapp.app does not exist yet"),
        ]
    # One untimed launch each: compiles bytecode and warms the OS file cache, as any second
    # start of the day would find it.
    _launch(["bare"])
    _launch(["app", str(database)])
    bare_ms, app_ms, bare_rss, app_rss, app_hwm = [], [], [], [], []
    bare_cpu, app_cpu, orm_ms, app_ready = [], [], [], []
    for _ in range(runs):
        elapsed, result = _launch(["bare"])
        bare_ms.append(elapsed)
        bare_rss.append(result["rss_mb"])
        bare_cpu.append(result["cpu_ms"])
        orm_ms.append(_launch(["bare-orm"])[0])
        elapsed, result = _launch(["app", str(database)])
        app_ms.append(elapsed)
        app_ready.append(result["ready_ms"])
        app_rss.append(result["rss_mb"])
        app_hwm.append(result["hwm_mb"])
        app_cpu.append(result["cpu_ms"])
    first_of_day, first_ready = [], []
    for _ in range(max(1, runs // 2)):
        _forget_todays_backups(database)
        elapsed, result = _launch(["app", str(database)])
        first_of_day.append(elapsed)
        first_ready.append(result["ready_ms"])
    return [
        Figure(
            "cold start to painted main window",
            median(app_ms),
            "ms",
            runs,
            limit=START_RATIO_LIMIT,
            floor=median(bare_ms),
            floor_name="bare QMainWindow",
            ratio_target=True,
            level="GUI, fresh process",
            samples=app_ms,
            note=f"CPU {median(app_cpu):.0f} vs {median(bare_cpu):.0f} ms; bare window after "
            f"importing SQLAlchemy ORM: {median(orm_ms):.0f} ms",
        ),
        Figure(
            "cold start, first of the day (daily backup due)",
            median(first_of_day),
            "ms",
            len(first_of_day),
            limit=START_RATIO_LIMIT,
            floor=median(bare_ms),
            floor_name="bare QMainWindow",
            ratio_target=True,
            level="GUI, fresh process",
            samples=first_of_day,
            note="the daily backup runs in the background once the window shows the data; "
            f"staff list filled after {median(first_ready):.0f} ms",
        ),
        Figure(
            "cold start to the filled staff list",
            median(app_ready),
            "ms",
            runs,
            floor=median(orm_ms),
            floor_name="bare QMainWindow after importing SQLAlchemy ORM",
            level="GUI, fresh process",
            samples=app_ready,
            note="the window paints first (above), then opens the database on a worker thread",
        ),
        Figure(
            "resident memory, large database open",
            median(app_rss),
            "MB",
            runs,
            limit=MEMORY_LIMIT_MB,
            floor=median(bare_rss),
            floor_name="bare QMainWindow",
            level="GUI, VmRSS",
            samples=app_rss,
            note=f"peak (VmHWM) {median(app_hwm):.0f} MB",
        ),
    ]
