"""Lets `python -m game` do exactly what the `heartstopper` command does."""

from game.cli import main

raise SystemExit(main())
