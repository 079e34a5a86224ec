"""Settings shared by everyone using a database: organisation name, default reviewer."""

from __future__ import annotations

from sqlalchemy import select

from reviewapp.db.models import SettingRow
from reviewapp.domain.rules import validate_text
from reviewapp.services.store import Store

KNOWN = {
    "organisation": "Public Library",
    "reviewer_name": "",
    "logo_path": "",
}


class SettingsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> str:
        if key not in KNOWN:
            raise KeyError(key)
        with self._store.read() as session:
            value = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
            return KNOWN[key] if value is None else value

    def set(self, key: str, value: str) -> None:
        if key not in KNOWN:
            raise KeyError(key)
        value = validate_text(value, key, limit=1_000)
        with self._store.transaction() as session:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value))
            else:
                row.value = value
