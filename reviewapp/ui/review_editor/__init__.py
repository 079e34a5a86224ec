"""The review editor: header, competency list and panels, summary, undo commands, autosave."""
