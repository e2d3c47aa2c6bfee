"""A story's id: the stable name its saves and progress are kept under, so retitling a story never hides them.

The id comes from the manifest's `id:`. Without one it is the title's slug ("Heartstopper: Season Two" gives
"heartstopper-season-two"), which is the folder name every save was kept under before ids existed, so existing
saves stay where they are. An id is lowercase letters and digits in runs joined by single hyphens: always a plain
folder name, never a path.
"""

from __future__ import annotations

import re

MAX_ID_CHARS = 64
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_RULE = "lowercase letters and digits, in words joined by single hyphens"


def story_slug(title: str) -> str:
    """The id a story without `id:` has: its title in lowercase, every run of other characters one hyphen."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "story"


def is_story_id(text: str) -> bool:
    return len(text) <= MAX_ID_CHARS and ID_PATTERN.fullmatch(text) is not None


def story_key(story: object) -> str:
    """The id of a loaded story (or a story header): its own `id`, else its title's slug."""
    given = getattr(story, "id", "")
    if isinstance(given, str) and is_story_id(given):
        return given
    return story_slug(str(getattr(story, "title", "") or "story"))
