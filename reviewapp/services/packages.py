"""Review packages: export reviews to one portable file, and import such a file all or nothing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewapp import __version__
from reviewapp.domain.errors import NotFoundError, StoreError
from reviewapp.domain.framework import Framework
from reviewapp.domain.package_format import (
    Package,
    PackagedNote,
    PackagedReview,
    PackagedStaff,
    dumps,
)
from reviewapp.domain.package_validate import MAX_BYTES, PackageError, parse_package
from reviewapp.services import frameworks as framework_queries
from reviewapp.services.package_import import ImportReport, import_into
from reviewapp.services.package_rows import packaged_notes, packaged_review, packaged_staff
from reviewapp.services.reviews import load_row
from reviewapp.services.store import Store, utcnow


@dataclass(frozen=True)
class ExportReport:
    path: Path
    review_count: int
    staff_count: int
    note_count: int


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that it is either complete or absent, never half-written."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise StoreError(f"{path} could not be written ({exc.strerror or exc}).") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


class PackageService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def build(self, review_ids: Iterable[int]) -> Package:
        """The package of these reviews, with everything they need."""
        wanted = list(dict.fromkeys(review_ids))
        if not wanted:
            raise NotFoundError("Choose at least one review to export.")
        with self._store.transaction() as session:
            frameworks: dict[int, Framework] = {}
            staff: dict[str, PackagedStaff] = {}
            notes: dict[str, PackagedNote] = {}
            reviews: list[PackagedReview] = []
            for review_id in wanted:
                row = load_row(session, review_id)
                if row.framework_id not in frameworks:
                    frameworks[row.framework_id] = framework_queries.load(session, row.framework_id)
                framework = frameworks[row.framework_id]
                staff.setdefault(row.staff.uuid, packaged_staff(row.staff))
                for note in packaged_notes(session, row, framework, row.staff.uuid):
                    notes.setdefault(note.uuid, note)
                reviews.append(packaged_review(session, row, framework))
        return Package(
            exported_at=utcnow().replace(microsecond=0),
            app_version=__version__,
            frameworks=tuple(frameworks.values()),
            staff=tuple(staff.values()),
            notes=tuple(sorted(notes.values(), key=lambda n: (n.observed_on, n.uuid))),
            reviews=tuple(reviews),
        )

    def export_text(self, review_ids: Iterable[int]) -> str:
        return dumps(self.build(review_ids))

    def export_reviews(self, review_ids: Iterable[int], path: Path) -> ExportReport:
        """Write a package file of these reviews (complete, or not at all)."""
        package = self.build(review_ids)
        write_atomically(path, dumps(package))
        return ExportReport(path, len(package.reviews), len(package.staff), len(package.notes))

    @staticmethod
    def read(path: Path) -> Package:
        """Read and check a package file; PackageError says what is wrong with it."""
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise PackageError(
                    [f"$: the file is too large ({size:,} bytes; at most {MAX_BYTES:,})"]
                )
            data = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"{path} could not be read ({exc.strerror or exc}).") from exc
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackageError(
                [f"byte {exc.start}: the file is not UTF-8 text, so it is not a review package"]
            ) from exc
        return parse_package(text)

    def import_text(self, text: str) -> ImportReport:
        return self._import(parse_package(text))

    def import_package(self, path: Path) -> ImportReport:
        """Import every review of a package file, or nothing; conflicts are all reported."""
        return self._import(self.read(path))

    def _import(self, package: Package) -> ImportReport:
        with self._store.transaction() as session:
            return import_into(session, package)
