"""Heartstopper: Season Two, an unofficial fan visual novel, and the small narrative engine behind it.

The package is split into a core that knows nothing of screens (loading and checking stories, compiling them to a
state machine, playing them one event at a time, saving) and front ends that only present the core's events: the
pygame game (`game.ui`), the terminal player and the headless branch tester.
"""

__version__ = "0.1.0"
