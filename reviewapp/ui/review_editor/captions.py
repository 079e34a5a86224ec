"""The caption of a text the editor saves as it is typed: says so only while it can be typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def show_saving(
    label: QLabel, field: QWidget, caption: str, description: str, editable: bool
) -> None:
    """``caption`` ("Manager's &comment"), with "(saved as you type)" while ``editable``."""
    label.setText(f"{caption} (saved as you type):" if editable else f"{caption}:")
    saving = f"{description} Saved as you type.".strip()
    field.setAccessibleDescription(saving if editable else description)
