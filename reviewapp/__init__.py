"""reviewapp: structured staff performance reviews against a competency framework."""

__version__ = "0.1.0"
