"""Reading a file a person named, with a sentence for each way that can fail."""

from __future__ import annotations

from pathlib import Path

from reviewapp.domain.errors import ReviewAppError


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The file's bytes, or a ReviewAppError saying in words why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReviewAppError(f"Cannot read {path}: there is no such {what}.") from None
    except IsADirectoryError:
        raise ReviewAppError(f"Cannot read {path}: it is a folder, not a {what}.") from None
    except OSError as exc:
        raise ReviewAppError(f"Cannot read {path}: {exc.strerror or exc}.") from None
