"""Subcommand groups of the ``reviewapp`` command line, one module each."""
