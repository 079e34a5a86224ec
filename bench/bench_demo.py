"""``reviewapp demo --staff N --years Y``: generating a library system's worth of reviews.

Each run writes a fresh database file through the real command line in a new process; the first
one can be kept as the database the other benchmarks use.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Figure, median

DEMO_LIMIT_S = 60.0
SEED = 2024


def generate(path: Path, staff: int, years: int) -> tuple[float, float | None]:
    """Seconds taken and peak resident MB (None without /usr/bin/time)."""
    command = [sys.executable, "-m", "reviewapp", "--db", str(path)]
    command += ["demo", "--staff", str(staff), "--years", str(years), "--seed", str(SEED)]
    timer = shutil.which("time") and Path("/usr/bin/time").exists()
    if timer:
        command = ["/usr/bin/time", "-f", "bench-maxrss-kb=%M", *command]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"reviewapp demo failed ({done.returncode}):\n{done.stderr[-2000:]}")
    found = re.search(r"bench-maxrss-kb=(\d+)", done.stderr)
    return elapsed, int(found.group(1)) / 1024 if found else None


def demo_figures(staff: int, years: int, runs: int, keep: Path | None) -> list[Figure]:
    """Time ``runs`` generations; the first database is moved to ``keep`` when given."""
    samples, peaks = [], []
    for run in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="reviewapp-bench-demo-"))
        try:
            path = folder / "demo.sqlite3"
            elapsed, peak = generate(path, staff, years)
            samples.append(elapsed)
            if peak is not None:
                peaks.append(peak)
            if run == 0 and keep is not None:
                keep.parent.mkdir(parents=True, exist_ok=True)
                for suffix in ("", "-wal", "-shm"):
                    if Path(f"{path}{suffix}").exists():
                        shutil.move(f"{path}{suffix}", f"{keep}{suffix}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return [
        Figure(
            f"reviewapp demo --staff {staff} --years {years}",
            median(samples),
            "s",
            runs,
            limit=DEMO_LIMIT_S if staff * years >= 2_000 * 10 else None,
            level="CLI, fresh process",
            samples=samples,
            note=f"peak RSS {median(peaks):.0f} MB" if peaks else "",
        )
    ]
