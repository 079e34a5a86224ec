"""Shared by the benchmark scripts: medians of repeated timings, memory readings, result rows."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    """One line of the results table.

    ``value`` is the median of ``runs`` measurements in ``unit``; ``floor`` (same unit) was
    measured in the same run where the target is a ratio to it. ``limit`` is the target: an
    absolute bound in ``unit``, or a ratio bound when ``ratio_target`` is set.
    """

    name: str
    value: float
    unit: str
    runs: int
    limit: float | None = None
    floor: float | None = None
    floor_name: str = ""
    ratio_target: bool = False
    level: str = ""
    """How it was measured, e.g. 'GUI' or 'service' when the GUI part does not exist yet."""
    samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor == 0:
            return None
        return self.value / self.floor

    @property
    def met(self) -> bool | None:
        if self.limit is None:
            return None
        if self.ratio_target:
            ratio = self.ratio
            return None if ratio is None else ratio <= self.limit
        return self.value <= self.limit

    def as_dict(self) -> dict[str, Any]:
        data = {
            k: (None if isinstance(v, float) and v != v else v) for k, v in asdict(self).items()
        }
        data["ratio"] = self.ratio
        data["met"] = self.met
        return data


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and value != value


def pending(name: str, reason: str) -> Figure:
    """A figure that could not be measured in this tree, with the reason shown in the table."""
    return Figure(name, float("nan"), "", 0, note=f"pending: {reason}")


def time_ms(
    action: Callable[[], object],
    runs: int,
    *,
    warmup: int = 1,
    before: Callable[[], object] | None = None,
) -> list[float]:
    """Wall-clock milliseconds of each of ``runs`` calls, after ``warmup`` untimed calls.

    ``before`` runs untimed ahead of every call (e.g. typing the text an autosave then stores).
    """
    for _ in range(warmup):
        if before is not None:
            before()
        action()
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def proc_status_mb(field_name: str = "VmRSS") -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM...), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field_name} is not in /proc/self/status (Linux only)")
