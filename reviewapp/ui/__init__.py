"""The desktop interface: PySide6 widgets, table models and undo commands over the services."""
