"""The store: SQLAlchemy models, engine, repositories and Alembic migrations."""
