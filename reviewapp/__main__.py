"""``python -m reviewapp``: the command line; with no subcommand it starts the GUI."""

from reviewapp.cli import main

raise SystemExit(main())
