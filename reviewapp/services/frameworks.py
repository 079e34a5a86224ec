"""Frameworks: the shipped default, import and export, versions that freeze once used."""

from __future__ import annotations

import builtins
import json
from dataclasses import replace

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload

from reviewapp import paths
from reviewapp.db import convert
from reviewapp.db.models import (
    CompetencyRow,
    FrameworkRow,
    IndicatorRow,
    ReviewRow,
    ScaleLevelRow,
)
from reviewapp.domain.errors import ConflictError, NotFoundError
from reviewapp.domain.framework import Framework, FrameworkSummary, RatingLevel, RatingScale
from reviewapp.domain.framework_file import framework_to_dict, parse_framework, same_content
from reviewapp.domain.rules import validate_text
from reviewapp.services.store import Store, utcnow

_LOAD = (
    selectinload(FrameworkRow.competencies).selectinload(CompetencyRow.indicators),
    selectinload(FrameworkRow.levels),
)


def _in_use(session: Session, framework_id: int) -> bool:
    return bool(session.scalar(select(exists().where(ReviewRow.framework_id == framework_id))))


def load(session: Session, framework_id: int) -> Framework:
    row = session.scalar(
        select(FrameworkRow).where(FrameworkRow.id == framework_id).options(*_LOAD)
    )
    if row is None:
        raise NotFoundError(f"There is no framework with id {framework_id}.")
    return convert.framework(row, in_use=_in_use(session, framework_id))


def latest_id(session: Session, key: str) -> int | None:
    return session.scalar(
        select(FrameworkRow.id)
        .where(FrameworkRow.key == key)
        .order_by(FrameworkRow.version.desc())
        .limit(1)
    )


def insert_framework(session: Session, framework: Framework) -> int:
    row = FrameworkRow(
        key=framework.key,
        version=framework.version,
        title=framework.title,
        description=framework.description,
        source=framework.source,
        attribution=framework.attribution,
        published=framework.published,
        indicator_heading=framework.indicator_heading,
        not_observed_label=framework.scale.not_observed_label,
        created_at=utcnow(),
        levels=[
            ScaleLevelRow(value=lv.value, label=lv.label, description=lv.description)
            for lv in framework.scale.levels
        ],
        competencies=[
            CompetencyRow(
                position=n,
                code=c.code,
                statement=c.statement,
                indicators=[
                    IndicatorRow(position=m, code=i.code, text=i.text)
                    for m, i in enumerate(c.indicators)
                ],
            )
            for n, c in enumerate(framework.competencies)
        ],
    )
    session.add(row)
    session.flush()
    return row.id


class FrameworkService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def ensure_default(self) -> Framework:
        """Load the shipped SOLS framework into a database that does not have it yet."""
        with self._store.transaction() as session:
            existing = latest_id(session, paths.DEFAULT_FRAMEWORK_KEY)
            if existing is not None:
                return load(session, existing)
            text = paths.DEFAULT_FRAMEWORK_FILE.read_text(encoding="utf-8")
            return load(session, insert_framework(session, parse_framework(text)))

    def list(self) -> list[FrameworkSummary]:
        with self._store.read() as session:
            rows = session.execute(
                select(
                    FrameworkRow.id,
                    FrameworkRow.key,
                    FrameworkRow.version,
                    FrameworkRow.title,
                    select(func.count(CompetencyRow.id))
                    .where(CompetencyRow.framework_id == FrameworkRow.id)
                    .scalar_subquery(),
                    select(func.count(IndicatorRow.id))
                    .join(CompetencyRow)
                    .where(CompetencyRow.framework_id == FrameworkRow.id)
                    .scalar_subquery(),
                    select(func.count(ReviewRow.id))
                    .where(ReviewRow.framework_id == FrameworkRow.id)
                    .scalar_subquery(),
                ).order_by(FrameworkRow.key, FrameworkRow.version)
            ).all()
            return [FrameworkSummary(*row) for row in rows]

    def get(self, framework_id: int) -> Framework:
        with self._store.read() as session:
            return load(session, framework_id)

    def current(self, key: str = paths.DEFAULT_FRAMEWORK_KEY) -> Framework:
        """The newest version of a framework: the one new reviews use."""
        with self._store.read() as session:
            framework_id = latest_id(session, key)
            if framework_id is None:
                raise NotFoundError(f"There is no framework with key {key!r}.")
            return load(session, framework_id)

    def import_text(self, text: str) -> tuple[Framework, bool]:
        """Store a framework file; returns it and whether anything new was stored.

        Importing the same key and version again with the same content changes nothing; with
        different content it is refused, since a stored version never changes meaning.
        """
        framework = parse_framework(text)
        with self._store.transaction() as session:
            existing = session.scalar(
                select(FrameworkRow.id).where(
                    FrameworkRow.key == framework.key, FrameworkRow.version == framework.version
                )
            )
            if existing is not None:
                stored = load(session, existing)
                if same_content(stored, framework):
                    return stored, False
                raise ConflictError(
                    f"Framework {framework.key!r} version {framework.version} already exists "
                    "with different content; give the file a new version number."
                )
            return load(session, insert_framework(session, framework)), True

    def export_text(self, key: str, version: int | None = None) -> str:
        with self._store.read() as session:
            query = select(FrameworkRow.id).where(FrameworkRow.key == key)
            if version is not None:
                query = query.where(FrameworkRow.version == version)
            framework_id = session.scalar(query.order_by(FrameworkRow.version.desc()).limit(1))
            if framework_id is None:
                wanted = f"{key!r}" + (f" version {version}" if version else "")
                raise NotFoundError(f"There is no framework {wanted}.")
            data = framework_to_dict(load(session, framework_id))
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def edit_scale(self, framework_id: int, levels: builtins.list[RatingLevel]) -> Framework:
        """Change the scale's labels and descriptions.

        A version no review uses is edited in place; one in use stays as it is and a new version
        with the new wording is made, so existing reviews keep the scale they were written with.
        """
        cleaned = tuple(
            RatingLevel(
                lv.value,
                validate_text(lv.label, "label", required=True, limit=100),
                validate_text(lv.description, "description", limit=2_000),
            )
            for lv in levels
        )
        with self._store.transaction() as session:
            framework = load(session, framework_id)
            if tuple(lv.value for lv in cleaned) != framework.scale.values:
                raise ConflictError(
                    "The scale's values cannot change; only labels and descriptions."
                )
            if not framework.in_use:
                for row, level in zip(
                    session.scalars(
                        select(ScaleLevelRow)
                        .where(ScaleLevelRow.framework_id == framework_id)
                        .order_by(ScaleLevelRow.value)
                    ),
                    cleaned,
                    strict=True,
                ):
                    row.label, row.description = level.label, level.description
                return load(session, framework_id)
            newest = session.scalar(
                select(func.max(FrameworkRow.version)).where(FrameworkRow.key == framework.key)
            )
            successor = replace(
                framework,
                version=(newest or framework.version) + 1,
                scale=RatingScale(cleaned, framework.scale.not_observed_label),
            )
            return load(session, insert_framework(session, successor))
