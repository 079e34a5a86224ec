"""Argument types the command groups share."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
