"""``python -m postinterview``: the command line, as :mod:`postinterview.cli`."""

from postinterview.cli import main

raise SystemExit(main())
