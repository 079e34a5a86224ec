"""Errors the person using reviewapp can act on, kept apart from bugs."""


class ReviewAppError(Exception):
    """Base for errors caused by input or environment, shown in plain words."""


class ValidationError(ReviewAppError):
    """Input that breaks a rule; ``field`` names what is wrong when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(ReviewAppError):
    """A record that was asked for does not exist."""


class ConflictError(ReviewAppError):
    """The change clashes with what is already stored (duplicate, overlap)."""


class ForbiddenChangeError(ReviewAppError):
    """The change is not allowed in the record's current state (e.g. finalised)."""


class StoreError(ReviewAppError):
    """The database could not be read or written (disk full, file locked...)."""
